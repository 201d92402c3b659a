"""A line far longer than any caption: kept whole and unparsed, keyed and written in windows.
(Peak memory on a 43 MB line is measured by bench/bench_huge_line.py, not here.)"""
import csv
import io
import json

import pandas as pd
import pytest
from hypothesis import given, strategies as st
from typer.testing import CliRunner

import captionclean.write as write_mod
from captionclean.cli import app
from captionclean import clean
from captionclean import core as core_mod  # the dedupe keys
from captionclean.core import MAX_CAPTION
from captionclean.read import SAMPLE, csv_sample
from captionclean.write import csv_row, write_csv_row


CAPTION = ("WASHINGTON, DC - MAY 13: Officers hold candles during a vigil on May 13, 2018 in Washington, D.C. "
           "(Photo by Zach Gibson/Getty Images)")


def huge(n: int) -> str:
    return ("-5 degrees, a \"quoted\" word, a comma; " + CAPTION + " ") * (n // (len(CAPTION) + 40) + 1)


@pytest.mark.parametrize("suffix", ["txt", "csv", "jsonl"])
def test_an_oversized_caption_is_kept_whole_unparsed_and_warned(tmp_path, suffix):
    text = huge(3 * MAX_CAPTION).strip()
    src = tmp_path / f"in.{suffix}"
    if suffix == "txt":
        src.write_text(CAPTION + "\n" + text + "\n" + CAPTION + " again\n", encoding="utf-8")
    elif suffix == "csv":
        pd.DataFrame({"caption": [CAPTION, text, CAPTION + " again"]}).to_csv(src, index=False)
    else:
        src.write_text("".join(json.dumps({"text": t}) + "\n" for t in (CAPTION, text, CAPTION + " again")),
                       encoding="utf-8")
    for out in (tmp_path / "out.csv", tmp_path / "out.jsonl"):
        result = CliRunner().invoke(app, ["clean", str(src), "-o", str(out), "--no-formula-guard"])
        assert result.exit_code == 0, result.stderr
        assert "rows with warnings: 1" in result.stderr
        if out.suffix == ".csv":
            csv.field_size_limit(1 << 30)
            rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
        else:
            rows = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
        assert [r["caption"] for r in rows] == [CAPTION, text, CAPTION + " again"]
        big = rows[1]
        assert big["warnings"].startswith(f"oversized: {len(text):,} characters")
        assert big["credit"] == "" and big["description"] == "" and big["repairs"] == ""
        assert rows[0]["credit"] == rows[2]["credit"] == "Zach Gibson/Getty Images"  # the rest is parsed


def test_a_repeated_oversized_caption_is_merged(tmp_path):
    text = huge(2 * MAX_CAPTION).strip()
    result = clean([text, text.upper()])
    assert result.table["occurrences"].tolist() == [2]


@given(st.text(max_size=60), st.integers(1, 7))
def test_long_texts_are_keyed_in_windows_as_whole(text, window):
    """A key made a window at a time is the key of the whole text (casefolding and dropping
    punctuation work character by character)."""
    whole = core_mod.dedupe_key(text), core_mod._text_key(text)
    old = core_mod._WINDOW
    core_mod._WINDOW = window
    try:
        assert (core_mod.dedupe_key(text), core_mod._text_key(text)) == whole
    finally:
        core_mod._WINDOW = old


_CELL = st.one_of(st.text(st.sampled_from('ab ,;\t"\n\r=-é'), max_size=12), st.integers(), st.none(),
                  st.booleans())


@given(st.lists(_CELL, min_size=1, max_size=5), st.sampled_from([",", "\t"]), st.booleans(), st.integers(1, 4))
def test_a_row_written_in_windows_is_what_the_csv_module_writes(cells, sep, guard, piece):
    cells = csv_row(cells, guard)
    expected = io.StringIO()
    csv.writer(expected, delimiter=sep, lineterminator="\n").writerow(cells)
    old = write_mod.BIG_CELL, write_mod._PIECE
    write_mod.BIG_CELL, write_mod._PIECE = 0, piece  # every row with a text cell: the windowed writer
    try:
        got = io.StringIO()
        write_csv_row(csv.writer(got, delimiter=sep, lineterminator="\n"), got, cells, sep)
    finally:
        write_mod.BIG_CELL, write_mod._PIECE = old
    assert got.getvalue() == expected.getvalue()


@given(st.lists(st.text(st.sampled_from("ab,\t"), max_size=SAMPLE // 2), min_size=1, max_size=6))
def test_the_csv_sample_starts_as_the_whole_text(lines):
    """The sniffer reads the sample's first SAMPLE characters: the same as the whole text's; the
    header line is always whole, and no huge line is copied whole."""
    sample = csv_sample(lines)
    whole = "\n".join(lines)
    assert sample[:SAMPLE] == whole[:SAMPLE]
    assert sample.startswith(lines[0])
    assert len(sample) <= max(SAMPLE, len(lines[0]))


def test_progress_by_bytes_where_rows_cannot_be_counted(tmp_path):
    from captionclean.engine.local import clean_to_output

    src = tmp_path / "in.csv"
    pd.DataFrame({"caption": [f"{CAPTION} {i}" for i in range(50)]}).to_csv(src, index=False)
    calls = []
    clean_to_output([src], tmp_path / "out.csv", chunk_size=7, progress=lambda *a: calls.append(a))
    size = src.stat().st_size
    assert {unit for _, _, unit in calls} == {"bytes"} and {t for _, t, _ in calls} == {size}
    done = [n for n, _, _ in calls]
    assert done == sorted(done) and done[-1] == size and len(calls) == 8
    calls.clear()
    clean_to_output([src], tmp_path / "out.jsonl", chunk_size=7, progress=lambda *a: calls.append(a))
    assert calls[-1] == (50, 50, "rows")


_TEXT = st.text(st.sampled_from('ab ,;\t"\n\r=-+@é'), max_size=10)


@given(st.lists(st.tuples(_TEXT, st.one_of(st.none(), _TEXT), st.integers(-5, 5)), min_size=1, max_size=6),
       st.sampled_from([",", "\t"]), st.booleans())
def test_a_block_holding_a_big_cell_is_written_as_any_other(rows, sep, guard):
    """The rows of a block with a cell over BIG_CELL go through the windowed writer: the same bytes
    as pandas writes for the others (quotes, separators, line breaks, blanks, the guard)."""
    from captionclean.write import table_to_csv

    table = pd.DataFrame(rows, columns=["caption", "notes", "n"])
    usual = table_to_csv(table, sep=sep, guard=guard)
    old = write_mod.BIG_CELL, write_mod._PIECE
    write_mod.BIG_CELL, write_mod._PIECE = 0, 3
    try:
        assert table_to_csv(table, sep=sep, guard=guard) == usual
    finally:
        write_mod.BIG_CELL, write_mod._PIECE = old
