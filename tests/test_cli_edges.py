"""The command line at its edges (issue 11, item 5): what a user trying the tool as a new user hit.

Each test failed before its fix: the credit line written to -o, the dask engine on a gallery
export, an implausible --year, an extension that contradicts --to, slashes in JSON lines,
blank rows in the summary, a closed pipe, --version/-h and the help text, build/ ignored.
"""
import json
import os
import subprocess
import sys
from importlib.metadata import version

import pandas as pd
import pytest
import regex
import typer
from hypothesis import given, strategies as st
from typer.testing import CliRunner

from captionclean import Options
from captionclean.cli import app
from captionclean.engine.local import clean_rows
from captionclean.read import InputRow
from captionclean.write import table_to_jsonl

from conftest import DATA, FIXTURES, ROOT

runner = CliRunner()
EXPORT = FIXTURES / "gallery_export.txt"
SEED = DATA / "seed.input.jsonl"


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def one_line_error(result, *words):
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    err = result.stderr.strip()
    assert err.startswith("captionclean: ") and "\n" not in err and "Traceback" not in err, err
    for w in words:
        assert w in err, err


# --- credits --format text -o FILE ------------------------------------------------
def test_credits_text_goes_to_the_output_file(tmp_path):
    out = tmp_path / "credits.txt"
    result = invoke("credits", EXPORT, "--format", "text", "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    on_stdout = invoke("credits", EXPORT, "--format", "text").stdout
    assert on_stdout.startswith("Photos: ")
    assert out.read_text(encoding="utf-8") == on_stdout


# --- --engine dask on an input it cannot read ---------------------------------------
def test_dask_engine_refuses_a_gallery_export_in_one_line(tmp_path):
    pytest.importorskip("dask.dataframe")
    result = invoke("clean", EXPORT, "--engine", "dask", "-o", tmp_path / "parts")
    one_line_error(result, "gallery", "dask")
    assert not (tmp_path / "parts").exists()


# --- --year -----------------------------------------------------------------------
@pytest.mark.parametrize("year", ["18", "0", "999", "3018"])
@pytest.mark.parametrize("command", ["clean", "parse"])
def test_an_implausible_year_is_an_error(year, command):
    target = EXPORT if command == "clean" else "Officers walk on May 13 in Washington. (Photo by Zach Gibson/Getty Images)"
    result = invoke(command, target, "--year", year)
    one_line_error(result, "year", year)


def test_a_full_year_fills_a_date_without_one():
    result = invoke("parse", "Officers walk on May 13 in Washington. (Photo by Zach Gibson/Getty Images)",
                    "--year", "2018", "--plain")
    assert result.exit_code == 0, result.output
    assert regex.search(r"(?m)^date\s+2018-05-13$", result.stdout)


@pytest.mark.parametrize("year", [18, 1700, 9999])
def test_options_refuse_an_implausible_year(year):
    with pytest.raises(ValueError, match="year"):
        Options(year=year)


# --- -o NAME.csv --to jsonl ---------------------------------------------------------
@pytest.mark.parametrize("name, to", [("x.csv", "jsonl"), ("x.jsonl", "csv"), ("x.xlsx", "csv"), ("x.tsv", "parquet")])
def test_an_extension_that_contradicts_to_is_an_error(tmp_path, name, to):
    out = tmp_path / name
    result = invoke("clean", EXPORT, "-o", out, "--to", to)
    one_line_error(result, name, to)
    assert not out.exists()


@pytest.mark.parametrize("name, to", [("x.csv", "csv"), ("x.json", "jsonl"), ("x.out", "jsonl"), ("x", "tsv")])
def test_to_agrees_with_the_extension_or_names_an_unknown_one(tmp_path, name, to):
    result = invoke("clean", EXPORT, "-o", tmp_path / name, "--to", to, "-q")
    assert result.exit_code == 0, result.output


# --- JSON lines -----------------------------------------------------------------------
def test_json_lines_do_not_escape_slashes(tmp_path):
    out = tmp_path / "seed.jsonl"
    assert invoke("clean", SEED, "-o", out, "-q").exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "REUTERS/Kevin Lamarque" in text
    assert "\\/" not in text


@given(st.lists(st.text(alphabet=st.sampled_from('ab/\\"\n é’'), max_size=12), min_size=1, max_size=5))
def test_json_lines_read_back_exactly(values):
    table = pd.DataFrame({"caption": values, "credit": [v[::-1] for v in values]})
    lines = table_to_jsonl(table).splitlines()
    assert [json.loads(ln) for ln in lines] == table.to_dict("records")


# --- the summary ----------------------------------------------------------------------
def test_blank_rows_are_not_counted_as_unique_captions(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text('id,caption\n1,"Paris, France. REUTERS/Anna Novak"\n2,\n3,"  "\n', encoding="utf-8")
    for keep in ([], ["--keep-duplicates"]):
        result = invoke("clean", path, "-o", tmp_path / "out.csv", *keep)
        assert result.exit_code == 0, result.output
        assert "captions: 1, unique: 1, blank rows: 2" in result.stderr
        assert "captions with no credit found: 0" in result.stderr


@given(st.lists(st.sampled_from(["", "  ", "A dog. REUTERS/Anna Novak", "A cat. (Photo by Zach Gibson/Getty Images)",
                                 "No credit here"]), max_size=12))
def test_unique_captions_never_exceed_captions(texts):
    summary = clean_rows([InputRow(t, i + 1) for i, t in enumerate(texts)]).summary
    blank = sum(not t.strip() for t in texts)
    assert summary.captions == len(texts) - blank
    assert summary.unique_captions == len({t for t in texts if t.strip()})
    assert summary.no_credit <= summary.unique_captions


# --- a closed pipe -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def big_exports(tmp_path_factory):
    """A CSV (streamed) and a JSON lines export (read whole) whose tables are far bigger than a pipe's buffer."""
    folder = tmp_path_factory.mktemp("pipe")
    texts = [json.loads(ln)["text"] for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.strip()]
    rows = [(f"id{i}", f"{texts[i % len(texts)]} Frame {i}.") for i in range(1500)]
    csv_path = folder / "big.csv"
    pd.DataFrame(rows, columns=["id", "caption"]).to_csv(csv_path, index=False)
    jsonl_path = folder / "big.jsonl"
    jsonl_path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows), encoding="utf-8")
    return {"csv": csv_path, "jsonl": jsonl_path}


@pytest.mark.parametrize("kind", ["csv", "jsonl"])
def test_a_closed_pipe_ends_the_run_quietly(big_exports, kind):
    proc = subprocess.Popen([sys.executable, "-m", "captionclean", "clean", str(big_exports[kind])],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline().startswith(b"id,")  # `| head -1`
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0, err
    assert err == ""


def test_jobs_end_quietly(big_exports, tmp_path):
    """--jobs 2: the workers leave when the last chunk is in, with nothing on stderr (they inherited the
    CLI's SIGTERM handler, so the pool's terminate made them raise KeyboardInterrupt inside its queue
    lock: tracebacks in most runs, and now and then a worker left waiting for that lock for ever)."""
    for run in range(3):
        proc = subprocess.run([sys.executable, "-m", "captionclean", "clean", str(big_exports["csv"]), "-q",
                               "--jobs", "2", "--chunk-size", "100", "-o", str(tmp_path / f"out{run}.csv")],
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0 and proc.stderr == "", proc.stderr[-2000:]


def test_a_jobs_worker_takes_the_default_signals():
    """Whatever handler the parent set (the CLI's raises KeyboardInterrupt), a --jobs worker ends at
    SIGTERM and leaves Ctrl-C to the parent."""
    import multiprocessing
    import signal

    from captionclean import core

    def raising(signum, frame):
        raise KeyboardInterrupt

    old = signal.signal(signal.SIGTERM, raising)
    try:
        ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
        with ctx.Pool(1, initializer=core._worker_start, initargs=(Options(),)) as pool:
            term, intr = pool.apply(signal.getsignal, (signal.SIGTERM,)), pool.apply(signal.getsignal, (signal.SIGINT,))
    finally:
        signal.signal(signal.SIGTERM, old)
    assert (term, intr) == (signal.SIG_DFL, signal.SIG_IGN)


# --- --version, -h, the help text ---------------------------------------------------------
def test_version_is_the_package_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"captionclean {version('captionclean')}"
    import captionclean
    assert captionclean.__version__ == version("captionclean")


@pytest.mark.parametrize("args", [["-h"], ["clean", "-h"], ["credits", "-h"], ["stats", "-h"], ["parse", "-h"],
                                  ["repair", "-h"], ["apply", "-h"], ["review", "-h"]])
def test_h_is_help_and_shows_no_python_types(args):
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout
    assert not regex.search(r"<(?:bool|str|int|path|Path|list\[[^]]*\])>", result.stdout), result.stdout


def test_every_option_and_argument_has_help():
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        for param in command.params:
            assert (param.help or "").strip(), f"{name} {param.opts}: no help"


# --- the repository ---------------------------------------------------------------------------
def test_gitignore_keeps_build_output_out():
    ignore = ROOT / ".gitignore"
    if not ignore.exists():
        pytest.skip("not a checkout: no .gitignore")
    lines = {ln.strip() for ln in ignore.read_text().splitlines()}
    for folder in ("build/", "dist/", "*.egg-info/"):
        assert folder in lines, folder


# --- every command's help ends with two examples, and they run ------------------------------------
def _examples(command) -> list[str]:
    return [ln.strip()[2:] for ln in (command.epilog or "").splitlines() if ln.strip().startswith("$ ")]


def test_every_command_has_two_examples_that_run(tmp_path, monkeypatch):
    import shlex

    from conftest import FIXTURES

    monkeypatch.chdir(tmp_path)
    (tmp_path / "fixtures").symlink_to(FIXTURES)
    (tmp_path / "out").mkdir()
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        examples = _examples(command)
        assert len(examples) == 2, f"{name}: {examples}"
        for line in examples:
            words = shlex.split(line)
            assert words[0] == "captionclean"
            result = runner.invoke(app, words[1:])
            assert result.exit_code == 0, (line, result.output)
