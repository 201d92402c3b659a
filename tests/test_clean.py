"""The tidy table: columns, dedupe, row accounting, dates completed from context."""
import json

import pytest

from hypothesis import given, settings, strategies as st

from captionclean import Options, clean, clean_file, dedupe_key
from captionclean.core import COLUMNS
from captionclean.parse import parse_caption
from captionclean.read import read_path

from conftest import FIXTURES

EXPORT = FIXTURES / "gallery_export.txt"


def test_gallery_export_gives_the_unique_captions_with_every_column():
    result = clean_file(EXPORT)
    table = result.table
    assert list(table.columns) == COLUMNS
    rows = read_path(EXPORT).rows
    assert int(table["occurrences"].sum()) == len(rows)
    # every input line is accounted for exactly once in source_rows
    listed = sorted(int(n) for cell in table["source_rows"] for n in cell.split(";"))
    assert listed == sorted(r.source_row for r in rows)
    assert result.summary.unique == len(table) == 39
    assert table.groupby("gallery", sort=False).size().to_dict() == {
        "National Police Week 2018": 15, "A look at the MS-13 crime organization": 24}


def test_repeats_merge_after_normalising_case_space_and_punctuation():
    lines = EXPORT.read_text(encoding="utf-8").splitlines()
    a, b = lines[22], lines[26]  # the same caption, but for one comma
    assert a != b and dedupe_key(a) == dedupe_key(b)
    table = clean([a, b, a.upper(), "  " + a + "  "]).table
    assert len(table) == 1
    assert table.loc[0, "occurrences"] == 4
    assert table.loc[0, "source_rows"] == "1;2;3;4"
    assert table.loc[0, "caption"] == a


def test_keep_duplicates_keeps_every_row_pointing_at_the_first():
    lines = EXPORT.read_text(encoding="utf-8").splitlines()
    caps = [lines[14], lines[15], lines[18]]  # 15 and 19 are the same caption
    table = clean(caps, keep_duplicates=True).table
    assert len(table) == 3
    assert list(table["duplicate_of"]) == ["", "", "1"]
    assert list(table["occurrences"]) == [2, 1, 0]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["A. REUTERS/Jose Cabezas", "a reuters jose cabezas", "B (Photo by X Y/Getty Images)",
                                 "", "C?", "c"]) | st.text(max_size=40), max_size=30))
def test_rows_in_equal_sum_of_occurrences(captions):
    table = clean(captions).table
    assert int(table["occurrences"].sum()) == len(captions)
    kept = clean(captions, keep_duplicates=True).table
    assert len(kept) == len(captions)
    assert int(kept["occurrences"].sum()) == len(captions)


def test_dateline_without_year_takes_the_year_of_the_gallery(tmp_path):
    text = EXPORT.read_text(encoding="utf-8")
    line = "WASHINGTON, DC - MAY 15: Officers salute during a ceremony. (Photo by Zach Gibson/Getty Images)"
    path = tmp_path / "export.txt"
    path.write_text(text.replace("18 PHOTOS", "19 PHOTOS").replace("HIDE CAPTION", line + "\nHIDE CAPTION", 1),
                    encoding="utf-8")
    table = clean_file(path).table
    row = table[table["caption"] == line].iloc[0]
    assert row["date"] == "2018-05-15"
    assert bool(row["date_inferred"]) is True
    assert "year_from_gallery" in row["style"]
    assert "no_year" not in row["warnings"]


def test_no_year_anywhere_leaves_date_blank_and_warns():
    row = clean(["LONDON - MAY 25: A man walks. (Photo by Dan Kitwood/Getty Images)"]).table.iloc[0]
    assert row["date"] == "" and not row["date_inferred"]
    assert "no_year" in row["warnings"]
    assert "MAY 25" in row["dateline"]
    given_year = clean(["LONDON - MAY 25: A man walks. (Photo by Dan Kitwood/Getty Images)"], year=2019).table.iloc[0]
    assert given_year["date"] == "2019-05-25" and given_year["date_inferred"]


def test_other_columns_pass_through_and_clashing_names_are_prefixed(tmp_path):
    path = tmp_path / "in.jsonl"
    rows = [{"id": "a1", "text": "A man walks in Nairobi, Kenya April 11, 2017. REUTERS/Thomas Mukoya", "city": "Mombasa"}]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    table = clean_file(path).table
    assert table.loc[0, "id"] == "a1"
    assert table.loc[0, "input_city"] == "Mombasa"
    assert table.loc[0, "city"] == "Nairobi"


def test_a_series_cleans_like_a_list():
    import pandas as pd

    caps = ["A. REUTERS/Jose Cabezas", "B (Photo by Zach Gibson/Getty Images)"]
    assert clean(pd.Series(caps)).table.equals(clean(caps).table)


def test_no_repair_keeps_the_text():
    text = "National Peace Officers? Memorial Service. REUTERS/Kevin Lamarque"
    assert clean([text], Options(repair=False)).table.loc[0, "caption"] == text
    assert clean([text]).table.loc[0, "caption"] == text.replace("?", "’")


def test_lost_letters_are_restored_from_names_spelt_right_elsewhere_in_the_export():
    # a name the gazetteer does not know (a footballer's), damaged in one caption only
    caps = ["Germany's Antonio Rüdiger heads the ball during the match in Berlin, June 14, 2024. REUTERS/Lisi Niesner",
            "Antonio R?diger celebrates in Berlin, June 14, 2024. REUTERS/Lisi Niesner"]
    table = clean(caps).table
    assert table.loc[1, "caption"].startswith("Antonio Rüdiger celebrates")
    assert "lost_letters" in table.loc[1, "repairs"]
    alone = clean(caps[1:]).table
    assert alone.loc[0, "caption"].startswith("Antonio R?diger")
    assert clean(caps, export_vocabulary=False).table.loc[1, "caption"].startswith("Antonio R?diger")


@pytest.mark.parametrize("text,description", [
    ("-5 degrees in Moscow as people walk in Red Square, Russia, January 9, 2024. REUTERS/Maxim Shemetov",
     "-5 degrees in Moscow as people walk in Red Square, Russia, January 9, 2024."),
    ("MOSCOW, RUSSIA - JANUARY 9: -12 degrees as people walk in Red Square on January 9, 2024 in Moscow, "
     "Russia. (Photo by Jane Doe/Getty Images)",
     "-12 degrees as people walk in Red Square on January 9, 2024 in Moscow, Russia."),
])
def test_a_leading_minus_sign_is_text(text, description):
    assert parse_caption(text).description == description


@given(st.text(st.sampled_from(" -–—/\n5a"), max_size=12))
def test_tidy_ends_strip_only_separators_and_keep_a_sign(text):
    """The ends lose what they always lost (spaces, dashes, slashes), except a '-' right before a digit."""
    from captionclean.parse import _strip_ends

    plain = text.strip(" -–—/")
    out = _strip_ends(text)
    before = text.rstrip(" -–—/")[:-len(plain)] if plain else ""
    if plain[:1].isdigit() and before.endswith("-"):
        assert out == "-" + plain
    else:
        assert out == plain
