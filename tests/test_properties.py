"""Invariants, checked by Hypothesis over generated captions.

Generated text mixes any Unicode (control characters, NUL, lone surrogates,
right-to-left marks) with pieces of real captions (credit chains, datelines,
dates, restrictions: from tests/data/adversarial_units.json, derived from the
grammar's patterns and the labelled captions), so the grammar's rules fire.
"""
from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from captionclean.clean import clean
from captionclean.parse import FIELDS, parse_caption, spans_text
from captionclean.read import ReadError, read_bytes
from captionclean.write import csv_cell, table_to_csv, write_table

from conftest import load_cases

PIECES = sorted({c["unit"] for c in load_cases("adversarial_units.json")}) + [
    "REUTERS/Mohamed Al Hwaity", "(Photo by Chip Somodevilla/Getty Images)", "WASHINGTON, DC - MARCH 11: ",
    "March 11, 2018", " in Tabuk, Saudi Arabia ", "EDITORIAL USE ONLY", '"', "'", ",", ";", "\t", "\r\n",
    "=SUM(A1:A9)", "+1", "-2", "@cmd", "\u202e", "\ufeff", "\x00", "\ud800", "\udfff",
]
ANY_CHAR = st.characters(exclude_categories=())  # every code point, lone surrogates included
CAPTIONS = st.one_of(
    st.text(ANY_CHAR, max_size=200),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(ANY_CHAR, max_size=8)), max_size=12).map("".join),
)
TEXT_FIELDS = [f for f in FIELDS if f not in ("date_inferred", "style", "repairs", "warnings")]


@given(CAPTIONS)
@example("A/" * 50_000 + "ABC, DEF/ " * 5_000)  # 150 kB of capitals and slashes
@example("\x00\x01\x1b\x7f\x85\u2028\u2029")
@example("\u202eREUTERS/\u05e9\u05dc\u05d5\u05dd \ud83d")
def test_parse_returns_a_record_for_any_str(text):
    rec = parse_caption(text)
    row = rec.to_row()
    assert all(isinstance(row[f], str) for f in TEXT_FIELDS)
    # nothing is lost: the caption is the text itself, unless a repair (named) changed it, or a
    # character UTF-8 cannot hold was replaced, and a warning says so
    assert (rec.caption == text or rec.repairs
            or any(w.startswith("lone_surrogate") for w in rec.warnings)), (text, rec.caption)
    assert all(r.rule for r in rec.repairs)
    rec.caption.encode("utf-8")  # always writable as UTF-8


@given(CAPTIONS)
def test_cleaning_is_idempotent(text):
    once = parse_caption(text)
    twice = parse_caption(once.caption)
    assert twice.caption == once.caption
    assert {f: getattr(twice, f) for f in TEXT_FIELDS} == {f: getattr(once, f) for f in TEXT_FIELDS}
    assert twice.style == once.style


@given(st.lists(st.one_of(CAPTIONS, st.sampled_from(PIECES)), max_size=25))
def test_rows_in_equal_occurrences(captions):
    table = clean(captions).table
    assert table["occurrences"].sum() == len(captions)
    sources = [int(s) for cell in table["source_rows"] for s in cell.split(";")]
    assert sorted(sources) == list(range(1, len(captions) + 1))


@given(st.lists(st.one_of(CAPTIONS, st.sampled_from(PIECES)), max_size=25))
def test_keep_duplicates_keeps_every_row_in_order(captions):
    table = clean(captions, keep_duplicates=True).table
    assert len(table) == len(captions)
    assert table["source_rows"].tolist() == [str(i) for i in range(1, len(captions) + 1)]
    assert table["occurrences"].sum() == len(captions)


def _as_text(table: pd.DataFrame) -> pd.DataFrame:
    return table.astype(str).reset_index(drop=True)


def _read_csv(data) -> pd.DataFrame:
    source = io.StringIO(data) if isinstance(data, str) else data
    return pd.read_csv(source, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8")


def _one_newline(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n")


@given(st.lists(CAPTIONS, min_size=1, max_size=10))
def test_csv_round_trip(tmp_path_factory, captions):
    """Read back, a CSV holds the table's values: line breaks as \\n (a bare CR is not quoted by
    CSV writers), and with the formula guard a leading ' on formula-like cells (and nothing else)."""
    table = clean(captions, keep_duplicates=True, repair=False).table
    folder = tmp_path_factory.mktemp("csv")
    write_table(table, folder / "plain.csv", guard=False)
    pd.testing.assert_frame_equal(_read_csv(folder / "plain.csv"), _as_text(table).map(_one_newline))
    write_table(table, folder / "guarded.csv")
    guarded = _read_csv(folder / "guarded.csv")
    expected = _as_text(table).map(csv_cell)
    expected.columns = [csv_cell(c) for c in expected.columns]
    pd.testing.assert_frame_equal(guarded, expected)


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=10))
def test_csv_round_trip_excel(captions):
    table = clean(captions).table
    text = table_to_csv(table, excel=True, guard=False)
    assert text.startswith("\ufeff")
    pd.testing.assert_frame_equal(_read_csv(text[1:]), _as_text(table).map(_one_newline))


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
@given(captions=st.lists(CAPTIONS, min_size=1, max_size=8))
def test_jsonl_and_parquet_round_trip_exactly(tmp_path_factory, fmt, captions):
    """JSON lines and Parquet keep every value exactly (no guard, no line-break change)."""
    table = clean(captions, keep_duplicates=True, repair=False).table
    path = tmp_path_factory.mktemp("w") / f"out.{fmt}"
    assert write_table(table, path) == fmt
    if fmt == "jsonl":
        back = pd.DataFrame([json.loads(ln) for ln in path.read_text(encoding="utf-8").split("\n") if ln])
        back["spans"] = back["spans"].map(spans_text)  # JSON lines carry the spans as objects
    else:
        back = pd.read_parquet(path)
    pd.testing.assert_frame_equal(_as_text(back[table.columns]), _as_text(table))


@given(st.lists(st.text(ANY_CHAR, max_size=30), min_size=1, max_size=5))
@example(["a\ud800b", "\udfff", "x\ud83d\ude00y", "=1+1\r\n\x00"])
def test_any_str_survives_the_utf8_writers(tmp_path_factory, values):
    """A table holding lone surrogates (an object column: a caller's own table) is written,
    with U+FFFD in their place, never a crash."""
    table = pd.DataFrame({"caption": pd.Series(values, dtype=object), "n": range(len(values))})
    folder = tmp_path_factory.mktemp("any")
    fix = lambda v: "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in v)  # noqa: E731
    for fmt in ("csv", "jsonl", "parquet"):
        write_table(table, folder / f"out.{fmt}", guard=False)
    assert _read_csv(folder / "out.csv")["caption"].tolist() == [_one_newline(fix(v)) for v in values]
    back = pd.read_parquet(folder / "out.parquet")
    assert back["caption"].tolist() == [fix(v) for v in values]
    lines = (folder / "out.jsonl").read_text(encoding="utf-8").split("\n")
    assert [json.loads(ln)["caption"] for ln in lines if ln] == [fix(v) for v in values]


@given(st.binary(max_size=400))
def test_reader_random_bytes(data):
    for name in ("in.txt", "in.csv", "in.jsonl"):
        try:
            result = read_bytes(data, name=name)
        except ReadError as exc:
            assert str(exc).startswith(name + ":") and "\n" not in str(exc)
        else:
            assert all(isinstance(r.text, str) for r in result.rows)


@given(CAPTIONS.filter(lambda s: len(s.encode("utf-16", "surrogatepass")) > 4), st.data())
def test_reader_truncated_utf8_and_utf16(text, data):
    for encoded in (text.encode("utf-8", "surrogatepass"), text.encode("utf-16", "surrogatepass")):
        cut = data.draw(st.integers(1, len(encoded) - 1))
        try:
            result = read_bytes(encoded[:cut], name="cut.txt")
        except ReadError as exc:
            assert str(exc).startswith("cut.txt:")
        else:
            assert all(isinstance(r.text, str) for r in result.rows)
