"""The command line: every command on real fixtures, the summary's accounting, each error path."""
import json
import shutil

import pandas as pd
import pytest
import regex
from typer.testing import CliRunner

from captionclean.cli import app
from conftest import FIXTURES, load_cases

runner = CliRunner()
SUMMARY = regex.compile(r"read (\d+) rows = (\d+) written \+ (\d+) duplicates merged")
FIXTURE_FILES = [c["file"] for c in load_cases("formats.json")]


def invoke(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def accounting(stderr: str) -> tuple[int, int, int]:
    read, written, merged = map(int, SUMMARY.search(stderr).groups())
    assert read == written + merged
    return read, written, merged


@pytest.mark.parametrize("name", FIXTURE_FILES)
@pytest.mark.parametrize("keep", [False, True])
def test_clean_every_fixture_accounts_for_every_row(tmp_path, name, keep):
    out = tmp_path / "out.csv"
    result = invoke("clean", FIXTURES / name, "-o", out, *(["--keep-duplicates"] if keep else []))
    assert result.exit_code == 0, result.stderr
    read, written, merged = accounting(result.stderr)
    assert written == len(pd.read_csv(out, dtype=str))
    assert (merged == 0) if keep else (written <= read)


@pytest.mark.parametrize("to", ["csv", "tsv", "jsonl", "parquet", "xlsx"])
def test_clean_to_each_format(tmp_path, to):
    out = tmp_path / "captions.out"
    result = invoke("clean", FIXTURES / "captions_cp1252.csv", "-o", out, "--to", to)
    assert result.exit_code == 0, result.stderr
    assert f"({to})" in result.stderr
    assert "input: csv, cp1252" in result.stderr


def test_clean_from_stdin_to_stdout():
    data = (FIXTURES / "captions.json").read_text(encoding="utf-8")
    result = invoke("clean", "-", "--to", "jsonl", input=data)
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(ln) for ln in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["d0001", "d0002"]
    assert rows[0]["occurrences"] == 2


def test_clean_several_files_and_a_folder(tmp_path):
    out = tmp_path / "out.csv"
    result = invoke("clean", FIXTURES / "captions_extra.tsv", FIXTURES / "mixed_encoding.txt", "-o", out)
    assert result.exit_code == 0, result.stderr
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert table.columns[0] == "source_file"
    assert set(table["source_file"]) == {str(FIXTURES / "captions_extra.tsv"), str(FIXTURES / "mixed_encoding.txt")}
    assert "2 files" in result.stderr and "utf-8+cp1252" in result.stderr
    result = invoke("clean", FIXTURES, "-o", out)  # 7 caption files, and tiny.jpg when exiftool is here
    assert result.exit_code == 0 and ("8 files" if shutil.which("exiftool") else "7 files") in result.stderr


def test_clean_iptc_table(tmp_path):
    out = tmp_path / "iptc.csv"
    result = invoke("clean", FIXTURES / "exiftool_g1.json", "--iptc", "-o", out)
    assert result.exit_code == 0, result.stderr
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert table.columns[0] == "SourceFile" and len(table) == 4
    row = table[table["SourceFile"] == "photos/img_01.jpg"].iloc[0]
    assert (row["IPTC:By-line"], row["IPTC:City"], row["IPTC:DateCreated"]) == ("Zach Gibson", "Washington", "2018-05-13")
    assert "file fields that disagree with the caption: 2" in result.stderr
    # every disagreement is in the table, in a column exiftool -csv= ignores, and counted
    warned = table[table["SourceFile"] == "photos/img_02.jpg"].iloc[0]["warnings"]
    assert "IPTC:City 'New York' in the file" in warned and "IPTC:DateCreated '2018:05:14'" in warned
    assert "rows with warnings: 2" in result.stderr


def test_iptc_summary_speaks_only_of_the_written_table(tmp_path):
    result = invoke("clean", FIXTURES / "gallery_export.txt", "--iptc", "-o", tmp_path / "t.csv")
    assert result.exit_code == 0, result.stderr
    assert "duplicate_of" not in result.stderr
    assert "duplicate_of" not in pd.read_csv(tmp_path / "t.csv", dtype=str).columns
    result = invoke("clean", FIXTURES / "gallery_export.txt", "--keep-duplicates", "-o", tmp_path / "k.csv")
    assert "7 repeats marked in duplicate_of" in result.stderr


def test_iptc_long_values_reported(tmp_path):
    src = tmp_path / "long.jsonl"
    src.write_text(json.dumps({"text": "A man walks. (Photo by Maximiliano Alejandro Fernandez-Villanueva/"
                                       "Getty Images)"}) + "\n", encoding="utf-8")
    result = invoke("clean", src, "--iptc", "-o", tmp_path / "out.csv")
    assert result.exit_code == 0, result.stderr
    assert "longer than the IIM limit" in result.stderr
    assert "no SourceFile column" in result.stderr


def test_quiet_prints_nothing(tmp_path):
    result = invoke("clean", FIXTURES / "gallery_export.txt", "-q", "-o", tmp_path / "o.csv")
    assert result.exit_code == 0 and result.stderr == ""


@pytest.mark.parametrize("args,message", [
    (["clean", "nope.csv"], "nope.csv: no such file"),
    (["clean", FIXTURES / "tiny.jpg", "--from", "text"], "looks like a binary file"),
    (["clean", FIXTURES / "captions_extra.tsv", "--column", "caption_text"],
     "no column 'caption_text'; the columns are: id, desk, Description, notes, received"),
    (["clean", FIXTURES / "captions_extra.tsv", "--to", "xml"], "unknown output format 'xml'"),
    (["clean", FIXTURES / "captions_extra.tsv", "--to", "parquet"], "give a file with -o"),
    (["credits", FIXTURES / "gallery_export.txt", "--sort", "name"], "unknown sort 'name'"),
    (["stats", "nope"], "nope: no such file"),
])
def test_errors_are_one_line_and_exit_2(args, message):
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert "Traceback" not in result.output


def test_error_folder_with_nothing_readable(tmp_path):
    (tmp_path / "a.bin").write_bytes((FIXTURES / "tiny.jpg").read_bytes())
    result = invoke("clean", tmp_path)
    assert result.exit_code == 2 and "the folder has no caption files" in result.stderr


def test_error_malformed_json_line(tmp_path):
    src = tmp_path / "bad.jsonl"
    lines = (FIXTURES / "captions.json").read_text(encoding="utf-8")
    records = json.loads(lines)
    src.write_text(json.dumps(records[0]) + "\n" + json.dumps(records[1])[:-1] + "\n", encoding="utf-8")
    result = invoke("clean", src)
    assert result.exit_code == 2 and "line 2 is not valid JSON" in result.stderr


def test_credits_text_by_gallery_sorted_by_count():
    result = invoke("credits", FIXTURES / "gallery_export.txt", "--by", "gallery", "--sort", "count", "--format", "text")
    assert result.exit_code == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("National Police Week 2018: Photos: Zach Gibson/Getty Images (9), "
                            "Win McNamee/Getty Images (4), Kevin Lamarque/Reuters (3)")


def test_credits_table_counts_every_photo(tmp_path):
    out = tmp_path / "credits.csv"
    result = invoke("credits", FIXTURES / "gallery_export.txt", "-o", out)
    assert result.exit_code == 0, result.stderr
    table = pd.read_csv(out, dtype={"first_date": str})
    assert list(table.columns) == ["credit", "photographer", "agency", "photos", "captions", "galleries",
                                   "first_date", "last_date"]
    assert table["photos"].sum() == 46  # every row of the export
    first = table.iloc[0]
    assert (first["credit"], first["photos"], first["captions"]) == ("Zach Gibson/Getty Images", 9, 7)


def test_credits_order_follows_the_photos():
    by_order = invoke("credits", FIXTURES / "gallery_export.txt", "--format", "text").stdout
    by_count = invoke("credits", FIXTURES / "gallery_export.txt", "--format", "text", "--sort", "count").stdout
    counts = [int(n) for n in regex.findall(r"\((\d+)\)", by_count)]
    assert counts == sorted(counts, reverse=True)
    assert sorted(regex.findall(r"\((\d+)\)", by_order)) == sorted(regex.findall(r"\((\d+)\)", by_count))
    assert by_order.startswith("Photos: Zach Gibson/Getty Images (9), Kevin Lamarque/Reuters (3)")


def test_stats_sections():
    result = invoke("stats", FIXTURES / "mixed_encoding.txt")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for section in ("rows:", "repairs by rule:", "fields found:", "warnings by kind:"):
        assert section in out
    assert regex.search(r"rows read\s+4", out)
    assert regex.search(r"decode_cp1252\s+2", out)
    assert regex.search(r"photographer\s+4", out)


PARSING_OPTIONS = {"--column", "--from", "--year", "--agencies", "--no-repair", "--straight-quotes", "--config"}


@pytest.mark.parametrize("name", ["clean", "credits", "stats", "review"])
def test_every_command_that_parses_inputs_takes_the_same_parsing_options(name):
    import typer.main

    command = typer.main.get_command(app).commands[name]
    offered = {opt for param in command.params for opt in param.opts}
    assert PARSING_OPTIONS <= offered, PARSING_OPTIONS - offered


@pytest.mark.parametrize("command", ["stats", "credits"])
def test_no_repair_reaches_stats_and_credits(command, monkeypatch):
    import captionclean.cli.commands as cli

    seen = []
    real = getattr(cli, command)

    def spy(paths, options, **kw):
        seen.append(options.repair)
        return real(paths, options, **kw)
    monkeypatch.setattr(cli, command, spy)
    assert invoke(command, FIXTURES / "gallery_export.txt").exit_code == 0
    assert invoke(command, FIXTURES / "gallery_export.txt", "--no-repair").exit_code == 0
    assert seen == [True, False]


def test_stats_without_repair_lists_no_text_repairs():
    repaired = invoke("stats", FIXTURES / "gallery_export.txt").stdout
    plain = invoke("stats", FIXTURES / "gallery_export.txt", "--no-repair").stdout
    assert regex.search(r"lost_apostrophe\s+\d", repaired)
    assert "lost_apostrophe" not in plain


@pytest.mark.parametrize("command", ["stats", "credits"])
def test_ctrl_c_is_one_line_and_exit_130(command, monkeypatch):
    import captionclean.cli.commands as cli

    def interrupt(*args, **kw):
        raise KeyboardInterrupt
    monkeypatch.setattr(cli, command, interrupt)
    result = invoke(command, FIXTURES / "gallery_export.txt")
    assert result.exit_code == 130
    assert result.stderr.strip().splitlines() == ["captionclean: interrupted; standard output is incomplete"]


def test_parse_shows_a_table():
    caption = ("WASHINGTON, DC - MAY 13: Law enforcement officers hold candles during a candlelight vigil "
               "marking National Police Week on May 13, 2018 in Washington, D.C. (Photo by Zach Gibson/Getty Images)")
    result = invoke("parse", caption)
    assert result.exit_code == 0
    assert regex.search(r"│ photographer\s+│ Zach Gibson\s+│", result.stdout)
    plain = invoke("parse", caption, "--plain").stdout
    assert "city           Washington" in plain


FORMULA_LIKE = ["-5 degrees in Moscow as people walk in Red Square, Russia, January 9, 2024. REUTERS/Maxim Shemetov",
                "+1 for the home side as fans celebrate in London, Britain, May 2, 2019. REUTERS/Toby Melville",
                "=Sign of the times: a man walks past a shop in London, Britain, May 2, 2019. REUTERS/Toby Melville",
                "@realDonaldTrump is projected on a screen at a rally in Miami, Florida, U.S., May 2, 2019. "
                "REUTERS/Joe Skipper"]


@pytest.mark.parametrize("source", ["jsonl", "csv"])  # csv in, csv out: the streamed path
def test_formula_guard_only_in_csv_and_tsv_and_switched_off_by_option(tmp_path, source):
    src = tmp_path / f"in.{source}"
    if source == "jsonl":
        src.write_text("".join(json.dumps({"SourceFile": f"p/{i}.jpg", "Caption-Abstract": c}) + "\n"
                               for i, c in enumerate(FORMULA_LIKE)), encoding="utf-8")
    else:
        pd.DataFrame({"caption": FORMULA_LIKE}).to_csv(src, index=False)
    read = lambda p: pd.read_csv(p, dtype=str, keep_default_na=False)  # noqa: E731
    assert invoke("clean", src, "-o", tmp_path / "g.csv").exit_code == 0
    assert read(tmp_path / "g.csv")["caption"].tolist() == ["'" + c for c in FORMULA_LIKE]
    result = invoke("clean", src, "-o", tmp_path / "n.csv", "--no-formula-guard")
    assert result.exit_code == 0, result.stderr
    assert read(tmp_path / "n.csv")["caption"].tolist() == FORMULA_LIKE
    result = invoke("clean", src, "--iptc", "-o", tmp_path / "t.csv")
    assert result.exit_code == 0, result.stderr
    assert read(tmp_path / "t.csv")["IPTC:Caption-Abstract"].tolist() == FORMULA_LIKE
    assert read(tmp_path / "t.csv")["XMP-dc:Description"].tolist() == FORMULA_LIKE
    assert invoke("clean", src, "-o", tmp_path / "t.jsonl").exit_code == 0
    rows = [json.loads(ln) for ln in (tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["caption"] for r in rows] == FORMULA_LIKE
