"""Hostile input and faults: nothing crashes, nothing is lost.

Adversarial captions are built by repeating the units in
tests/data/adversarial_units.json (generic units written by hand, units derived
from every grammar pattern by bench/make_adversarial.py from the labelled
captions, and long runs of white space between a rule's prefix and a tail).
These tests check what comes out, never how fast: bench/bench_adversarial.py
measures speed.
"""
from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import captionclean.parse as parse_module
from captionclean import timed_regex
from captionclean.cli import app
from captionclean.clean import clean_file
from captionclean.parse import parse_caption

from conftest import case_params

SIZE = 5_000  # long enough for a quadratic pattern to show as a slow suite, short enough to run in CI
runner = CliRunner()


def _build(case: dict, size: int = SIZE) -> str:
    """The case's unit repeated to ``size`` characters, between its head and tail."""
    head, tail = case.get("head", ""), case.get("tail", "")
    n = max(1, size - len(head) - len(tail))
    return head + (case["unit"] * (n // len(case["unit"]) + 1))[:n] + tail


@pytest.mark.parametrize("case", case_params("adversarial_units.json"))
def test_adversarial_caption_is_parsed_and_kept(case):
    text = _build(case)
    rec = parse_caption(text, repair=case.get("repair", True))
    assert not any(w.startswith(("parse_failed", "parse_timeout")) for w in rec.warnings), rec.warnings
    # the caption is kept whole: the text itself, unless a repair (named) changed it
    assert rec.caption == text or rec.repairs
    assert all(r.rule for r in rec.repairs)


def test_timeout_backstop_keeps_text_and_warns(monkeypatch):
    monkeypatch.setattr(parse_module, "time_budget", lambda length: 0.0)
    text = "(Photo by " * 100 + "WASHINGTON, DC - MARCH 11: REUTERS/Kevin Lamarque"
    rec = parse_caption(text)
    assert any(w.startswith("parse_timeout") for w in rec.warnings)
    assert rec.caption == text == rec.description
    assert rec.credit == rec.city == rec.date == ""


def test_budget_is_off_outside_parse():
    pattern = timed_regex.compile(r"a+")
    with pytest.raises(TimeoutError):
        with timed_regex.budget(0.0):
            pattern.search("aaa")
    assert pattern.search("aaa").group(0) == "aaa"


def _slow() -> None:
    """A pattern that backtracks (cubic on a line of spaces): what the budget is for."""
    slow = timed_regex.compile(r"(?m:^)[ ]*Photo by[ ]+(?P<chain>[^\n]+?)[ ]*(?m:$)",
                               timed_regex.V1 | timed_regex.REVERSE)
    slow.search(" " * 20_000)


def test_budget_stops_a_runaway_match():
    with pytest.raises(TimeoutError):
        with timed_regex.budget(0.2):
            _slow()
    assert not timed_regex._ALARM["armed"]


def test_budget_in_a_thread_uses_the_regex_timeout():
    import threading

    caught = []

    def run():
        try:
            with timed_regex.budget(0.2):
                _slow()
        except TimeoutError:
            caught.append(True)
    worker = threading.Thread(target=run)
    worker.start()
    worker.join(30)
    assert caught == [True]


# --- faults ----------------------------------------------------------------------
CAPTIONS = [
    "Tabuk, Saudi Arabia March 11, 2018. REUTERS/Mohamed Al Hwaity",  # dev.input.jsonl d0001 (shortened)
    "WASHINGTON, DC - MARCH 14: A march in Washington. (Photo by Chip Somodevilla/Getty Images)",
]


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "in.txt"
    path.write_text("\n".join(CAPTIONS * 50) + "\n", encoding="utf-8")
    return path


def _only_file(folder, name):
    return sorted(p.name for p in folder.iterdir() if p.name != name)


def _run(args):
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stderr.strip(), result


@pytest.mark.parametrize("fault", ["not_writable", "disk_full"])
def test_write_fault_clear_message_no_partial_output(tmp_path, source, monkeypatch, fault):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "captions.csv"
    out.write_text("previous run\n", encoding="utf-8")
    before = source.read_bytes()
    if fault == "not_writable":
        def refuse(*args, **kwargs):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        monkeypatch.setattr("tempfile.mkstemp", refuse)
    else:
        def full(fd):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        monkeypatch.setattr(os, "fsync", full)
    code, err, _ = _run(["clean", source, "-o", out, "-q"])
    assert code == 2
    assert len(err.splitlines()) == 1 and str(out) in err and "cannot be written" in err
    assert out.read_text(encoding="utf-8") == "previous run\n"  # the old file is untouched
    assert os.listdir(out_dir) == ["captions.csv"]  # no temporary file left
    assert source.read_bytes() == before


def test_read_only_folder_for_real(tmp_path, source):
    if os.geteuid() == 0:
        pytest.skip("root writes to read-only folders; the monkeypatched test covers this")
    out_dir = tmp_path / "ro"
    out_dir.mkdir()
    out_dir.chmod(0o500)
    try:
        code, err, _ = _run(["clean", source, "-o", out_dir / "x.csv", "-q"])
    finally:
        out_dir.chmod(0o700)
    assert code == 2 and len(err.splitlines()) == 1 and not os.listdir(out_dir)


def test_interrupt_during_write_leaves_nothing(tmp_path, source, monkeypatch):
    out = tmp_path / "captions.csv"
    before = source.read_bytes()

    def interrupt(fd):
        raise KeyboardInterrupt
    monkeypatch.setattr(os, "fsync", interrupt)
    code, err, _ = _run(["clean", source, "-o", out, "-q"])
    assert code == 130 and err == f"captionclean: interrupted; {out} was not written"
    assert _only_file(tmp_path, "in.txt") == []
    assert source.read_bytes() == before


def _wait_for_sigterm_handler(proc, timeout=60.0):
    """Until the process catches SIGTERM (Linux: the SigCgt mask in /proc) or has ended."""
    status = Path(f"/proc/{proc.pid}/status")
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            caught = next(ln for ln in status.read_text().splitlines() if ln.startswith("SigCgt:"))
        except (OSError, StopIteration):
            return  # no /proc: fall back to the fixed wait
        if int(caught.split()[1], 16) & (1 << (signal.SIGTERM - 1)):
            return
        time.sleep(0.02)


def test_sigterm_mid_run_leaves_no_partial_output(tmp_path):
    big = tmp_path / "big.jsonl"
    lines = [json.dumps({"text": f"{c} Frame {i}."}) for i in range(4000) for c in CAPTIONS]
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = big.read_bytes()
    out = tmp_path / "out.csv"
    proc = subprocess.Popen([sys.executable, "-m", "captionclean", "clean", str(big), "-o", str(out), "-q"],
                            stderr=subprocess.PIPE, text=True)
    _wait_for_sigterm_handler(proc)  # a signal during start-up would kill it before the CLI runs
    try:
        proc.wait(timeout=1.5)
    except subprocess.TimeoutExpired:
        proc.terminate()
    proc.wait(timeout=60)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name not in ("big.jsonl", "out.csv")]
    assert leftovers == []
    if proc.returncode == 0:  # finished before the signal: the output is whole
        assert len(out.read_text(encoding="utf-8").splitlines()) > 1
    else:
        assert not out.exists()
        assert proc.returncode == 130 and "interrupted" in proc.stderr.read()
    assert big.read_bytes() == before


# --- bad input ---------------------------------------------------------------------
def test_thousands_of_bad_rows_are_kept_with_warnings(tmp_path):
    path = tmp_path / "bad.csv"
    good_header = "id,caption,note\n"
    rows = []
    for i in range(3000):
        kind = i % 3
        if kind == 0:
            rows.append(f'{i},"{CAPTIONS[0]} {i}"\n')  # ragged: a field missing
        elif kind == 1:
            rows.append(f'{i},"{CAPTIONS[1]} {i}",a,b,c\n')  # ragged: fields past the header
        else:
            rows.append(f'{i},"junk \x01\x02 {i} ' + "A/" * 50 + '",n\n')
    path.write_bytes((good_header + "".join(rows)).encode("utf-8") + b"9999,caf\xe9 cp1252 row,n\n")
    result = clean_file(path, None)
    table, summary = result.table, result.summary
    assert summary.rows_read == 3001
    assert table["occurrences"].sum() == 3001
    assert summary.rows_with_warnings >= 2000
    assert "rows with warnings: " in "; ".join(summary.lines())
    ragged = table[table["warnings"].str.contains("ragged_row")]
    assert len(ragged) == 2000
    assert (table["extra_5"] == "c").sum() == 1000  # fields past the header are kept


@pytest.mark.parametrize("name, data", [
    ("cut.jsonl", b'{"text": "REUTERS/Kevin Lamarque"}\n{"text": "WASHINGTON, DC - MAR'),
    ("cut2.jsonl", b'{"text": "a"}\n{"text": "b"}\n{"te'),
    ("cut_array.json", b'[{"text": "a"}, {"text": "b"'),
    ("bin.txt", b"\x00\x01\x02PNG\x00" * 100),
    ("nocol.csv", b"id,other\n1,2\n"),
])
def test_cli_bad_input_exit_2_one_line(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    code, err, _ = _run(["clean", path, "-q"])
    assert code == 2
    assert len(err.splitlines()) == 1 and str(path) in err
    assert "Traceback" not in err
    if name.startswith("cut"):  # the line that was cut is named
        cut_line = data.count(b"\n") + 1
        assert f"line {cut_line}" in err


@pytest.mark.parametrize("name, data", [
    ("cut16.txt", "REUTERS/Kevin Lamarque\nWASHINGTON – café".encode("utf-16")[:-1]),
    ("cut8.txt", "REUTERS/Kevin Lamarque\nWASHINGTON – café".encode("utf-8")[:-1]),
    ("lone.jsonl", b'{"text": "A \\ud800 B REUTERS/Kevin Lamarque"}\n'),
    ("cr.csv", b'caption\n"a\rb"\nc\r\n'),
    ("huge.csv", b'caption\n"' + b"A" * 300_000 + b'"\n'),
    ("list.jsonl", b'["not", "an", "object"]\n'),  # records that are not objects: kept, with a warning
    ("ragged.csv", b'id,caption\n1,REUTERS/Kevin Lamarque,x,y\n2\n'),
])
def test_cli_damaged_input_still_gives_a_table(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    out = tmp_path / "out.csv"
    code, err, result = _run(["clean", path, "-o", out])
    assert code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("gallery,") or "caption" in text.splitlines()[0]
    assert "read " in err and " rows = " in err and "rows with warnings: " in err


def test_the_first_caption_is_not_timed_out_by_tables_loading(monkeypatch):
    """Tables load once, outside any caption's time budget: on a busy machine the first caption of a
    run with a lost letter read while the gazetteer's words were still loading, and timed out."""
    import time as time_module
    from functools import lru_cache

    import captionclean.repair.lost as lost

    loaded = lost.gazetteer_vocabulary()

    @lru_cache(maxsize=1)
    def slow_vocabulary():
        end = time_module.process_time() + 1.5  # a cold load on a loaded machine (CPU time, as the budget counts)
        while time_module.process_time() < end:
            pass
        return loaded

    monkeypatch.setattr(lost, "gazetteer_vocabulary", slow_vocabulary)
    monkeypatch.setitem(parse_module._TABLES, "loaded", False)  # a new process: nothing loaded yet
    monkeypatch.setattr(parse_module, "time_budget", lambda length: 1.0)
    rec = parse_caption("Police officers stand in Bogot?, Colombia. REUTERS/Luisa Gonzalez")
    assert not any(w.startswith("parse_timeout") for w in rec.warnings), rec.warnings
    assert "Bogotá" in rec.caption


def test_lazy_pattern_interrupted_while_compiling_compiles_at_its_next_use(monkeypatch):
    """A budget running out while a lazy pattern compiles (the alarm raises inside regex.compile)
    must leave the pattern lazy, not broken: before, every later use raised RecursionError."""
    from captionclean import timed_regex

    pattern = timed_regex.lazy_compile(r"\bREUTERS/(\w+)")
    real = timed_regex._compile
    calls = []

    def interrupted(*args):
        calls.append(args)
        if len(calls) == 1:
            raise TimeoutError("budget ran out while compiling")
        return real(*args)

    monkeypatch.setattr(timed_regex, "_compile", interrupted)
    with pytest.raises(TimeoutError):
        pattern.search("Photo: REUTERS/Lucas")
    assert pattern.search("Photo: REUTERS/Lucas").group(1) == "Lucas"
    assert len(calls) == 2


def test_compile_lazy_compiles_every_lazy_pattern_once():
    """A --jobs worker compiles the grammar's lazy patterns as it starts: each is compiled (no longer
    lazy), matches as a pattern compiled at its first use does, and a second call compiles none."""
    from captionclean import timed_regex
    from captionclean.grammar import credit  # noqa: F401 - its lazy patterns

    fresh = timed_regex.lazy_compile(r"\bREUTERS/(\w+)")
    timed_regex.compile_lazy()
    assert all(p._args is None for p in list(timed_regex._LAZY))
    assert timed_regex.compile_lazy() == 0
    assert fresh.search("Photo: REUTERS/Lucas").group(1) == "Lucas"
    assert fresh.compiled.pattern == r"\bREUTERS/(\w+)"

