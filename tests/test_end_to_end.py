"""The CLI end to end: the bundled export, the labelled seed set, and error paths."""
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from captionclean.cli import app

from conftest import DATA, FIXTURES

runner = CliRunner()
EXPORT = FIXTURES / "gallery_export.txt"


def test_clean_writes_csv_to_stdout_without_output_option():
    result = runner.invoke(app, ["clean", str(EXPORT), "--quiet"])
    assert result.exit_code == 0
    assert result.stdout.startswith("gallery,caption,description,dateline,")


def test_clean_writes_file_and_prints_summary(tmp_path):
    out = tmp_path / "captions.csv"
    result = runner.invoke(app, ["clean", str(EXPORT), "-o", str(out)])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out, keep_default_na=False)
    assert len(table) == 39
    for part in ("read 46 rows = 39 written + 7 duplicates merged", "captions: 46, unique: 39",
                 "captions with no credit found: 0"):
        assert part in result.stderr


def test_seed_set_scores_one_on_every_field(tmp_path):
    """The source document's 46 labelled captions (tests/data/seed*.jsonl, copies of ../shared/eval's),
    scored by tests/score.py (a copy of ../shared/eval/score.py)."""
    out = tmp_path / "seed.csv"
    result = runner.invoke(app, ["clean", str(DATA / "seed.input.jsonl"), "--keep-duplicates", "-q",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    fields = ["photographer", "agency", "distributor", "city", "region", "country", "date"]
    score = subprocess.run(
        [sys.executable, str(Path(__file__).parent / "score.py"), str(out), str(DATA / "seed.jsonl"),
         "--show", "5"] + [f"--min={f}=1.0" for f in fields],
        capture_output=True, text=True)
    assert score.returncode == 0, score.stdout + score.stderr


@pytest.mark.parametrize("make_input, message", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: d, "no caption files"),
    (lambda d: (d / "bin.dat").write_bytes(b"\x00\x01\x02JFIF\x00" * 100) and d / "bin.dat", "binary"),
    (lambda d: (d / "bad.jsonl").write_text('{"id": 1, "text": "ok"}\n{"id": 2, "te') and d / "bad.jsonl",
     "line 2 is not valid JSON"),
    (lambda d: (d / "nocol.csv").write_text("id,headline\n1,hello\n") and d / "nocol.csv", "no caption column"),
])
def test_errors_are_one_line_and_exit_2(tmp_path, make_input, message):
    path = make_input(tmp_path)
    result = runner.invoke(app, ["clean", str(path)])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_empty_input_gives_header_only_and_says_so(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("")
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["clean", str(path), "-o", str(out)])
    assert result.exit_code == 0
    assert "only its header" in result.stderr
    assert out.read_text().startswith("gallery,caption,")
    assert len(out.read_text().splitlines()) == 1


def test_undecodable_bytes_are_read_as_cp1252_and_reported(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Peña Nieto speaks in Mexico City. REUTERS/Henry Romero\n".encode("cp1252"))
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["clean", str(path), "-o", str(out)])
    assert result.exit_code == 0
    assert "input: text, cp1252" in result.stderr  # a file all in cp1252: its encoding is reported
    assert pd.read_csv(out, keep_default_na=False).iloc[0]["caption"].startswith("Peña Nieto")
    mixed = tmp_path / "mixed.txt"  # in a mixed file each line that fell back says so
    mixed.write_bytes("Sessions’ remarks. REUTERS/Kevin Lamarque\n".encode() + path.read_bytes())
    result = runner.invoke(app, ["clean", str(mixed), "-o", str(out)])
    assert "utf-8+cp1252" in result.stderr
    repairs = list(pd.read_csv(out, keep_default_na=False)["repairs"])
    assert "decode_cp1252" not in repairs[0] and "decode_cp1252" in repairs[1]


def test_python_dash_m_runs_the_cli():
    result = subprocess.run([sys.executable, "-m", "captionclean", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "clean" in result.stdout


def test_help_documents_every_option():
    result = runner.invoke(app, ["clean", "--help"])
    for option in ("--output", "--keep-duplicates", "--column", "--year", "--agencies", "--no-repair",
                   "--straight-quotes", "--quiet"):
        assert option in result.stdout
