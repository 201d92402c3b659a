"""The targets that need the labelled sets (../shared/eval, outside the clone) say so in one line.

``make eval``, ``make bench-repair``, ``make profile`` and the labelled part of ``make bench`` run
these scripts with ``--shared $(SHARED)``; pointed at a folder with no ``eval/`` (a fresh clone
has no ../shared), each prints one line on stderr naming what it needs and exits 2, no traceback.
"""
import subprocess
import sys

import pytest

from conftest import ROOT

BENCH = ROOT / "bench"


def run(script, *args, cwd=None):
    return subprocess.run([sys.executable, str(BENCH / script), *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


@pytest.mark.parametrize("script, target", [("eval.py", "eval"), ("bench_repair.py", "bench-repair"),
                                            ("profile.py", "profile")])
def test_a_target_without_the_labelled_sets_says_so_in_one_line(tmp_path, script, target):
    proc = run(script, "--shared", tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    err = proc.stderr.strip()
    assert err.startswith(f"{target}: needs ") and str(tmp_path / "eval") in err, err
    assert "\n" not in err and "Traceback" not in err, err


def test_profile_on_an_empty_export_says_so(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("id,caption\n", encoding="utf-8")
    proc = run("profile.py", empty)
    assert proc.returncode == 2 and proc.stderr.strip() == f"profile: no captions in {empty}", proc.stderr


def test_bench_without_the_labelled_sets_runs_the_rest_then_says_what_it_left_out(tmp_path):
    proc = run("run.py", "--sizes", "60", "--shared", tmp_path, "--dir", tmp_path / "bench")
    assert proc.returncode == 2, proc.stderr
    assert "60 rows" in proc.stdout and "where the parser's time goes" in proc.stdout
    first = [ln for ln in proc.stdout.splitlines() if "60 rows: first run (empty cache: gazetteer and word lists built)" in ln]
    assert len(first) == 1 and first[0].endswith("output identical: yes"), proc.stdout
    assert "parser alone" not in proc.stdout
    assert f"low-reuse export: left out (needs {tmp_path}/eval/*.input.jsonl and corpus/captions.jsonl)" in proc.stdout
    assert proc.stderr.strip() == (f"bench: the parser-alone figure needs the labelled captions in {tmp_path / 'eval'} "
                                   f"(not found; set SHARED=DIR); left out")


def test_credit_cost_reads_each_length_in_its_own_process(tmp_path):
    export = tmp_path / "export.csv"
    rows = [f'IMG{i},"Crowds gather in Lyon on day {i}. (Photo by Jean Martin{i}/AFP via Getty Images)"' for i in range(240)]
    export.write_text("id,caption\n" + "\n".join(rows) + "\n", encoding="utf-8")
    proc = run("credit_cost.py", export, "--rows", "20")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("20 captions, median ")
    assert [line.split()[0] for line in lines[1:]] == ["whole", "last", "last", "first"]
    assert all("µs a caption" in line and "rules let run" in line for line in lines[1:])


def test_credit_cost_on_a_small_export_says_so(tmp_path):
    small = tmp_path / "small.csv"
    small.write_text("id,caption\n1,One caption.\n", encoding="utf-8")
    proc = run("credit_cost.py", small)
    assert proc.returncode == 2 and proc.stderr.strip() == f"credit_cost: fewer than 201 captions in {small}", proc.stderr
    proc = run("credit_cost.py", tmp_path / "none.csv")
    assert proc.returncode == 2 and proc.stderr.strip() == f"credit_cost: {tmp_path / 'none.csv'}: no such file"


def test_rule_major_times_both_orders(tmp_path):
    export = tmp_path / "export.csv"
    rows = [f'IMG{i},"Crowds gather in Lyon on day {i}. (Photo by Jean Martin{i}/AFP via Getty Images)"' for i in range(330)]
    export.write_text("id,caption\n" + "\n".join(rows) + "\n", encoding="utf-8")
    proc = run("rule_major.py", export, "--rows", "20", "--batch", "7", "--rounds", "2")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("caption by caption (find_credits): ") and lines[1].startswith("rule by rule (find_credits_many")
    assert lines[2].startswith("rule by rule / caption by caption: ")
    proc = run("rule_major.py", export, "--rows", "100")
    assert proc.returncode == 1 and proc.stderr.strip() == f"rule_major: {export} has 330 distinct captions, fewer than 400"
