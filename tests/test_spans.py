"""Spans: where each field is in the repaired caption; doubt: why a row needs a look."""
import json

import pytest
from hypothesis import given, strategies as st

from captionclean import clean, clean_file, parse_caption
from captionclean.clean import clean_rows
from captionclean.read import InputRow
from captionclean.doubt import REASONS, add, reasons
from captionclean.spans import SPAN_FIELDS, locate_spans, Regions
from captionclean.tables import load_agencies

from conftest import FIXTURES, case_params


@pytest.mark.parametrize("case", case_params("span_cases.json"))
def test_each_field_is_marked_where_the_caption_says_it(case):
    rec = parse_caption(case["text"])
    got = {f: rec.caption[s:e] for f, (s, e) in rec.spans.items()}
    for field, text in case.get("marked", {}).items():
        assert got.get(field) == text, (field, got)
    for field in case.get("unmarked", []):
        assert field not in got, (field, got)
    for field, start in case.get("marked_at", {}).items():  # the place the grammar read, not an earlier mention
        assert rec.spans[field][0] == start, (field, rec.spans)


def _spans_valid(caption: str, spans: dict) -> None:
    assert set(spans) <= set(SPAN_FIELDS)
    for s, e in spans.values():
        assert 0 <= s < e <= len(caption)


@pytest.mark.parametrize("name", ["gallery_export.txt", "captions.json", "captions_extra.tsv", "mixed_encoding.txt"])
def test_fixture_spans_hold_their_field_value(name):
    """A one-valued field's span reads as its value (case aside), or as a form the tables know."""
    table = clean_file(FIXTURES / name).table
    marked = 0
    for row in table.to_dict("records"):
        spans = json.loads(row["spans"]) if row["spans"] else {}
        _spans_valid(row["caption"], spans)
        for field in ("photographer", "agency", "city", "region"):
            if field in spans and ";" not in row[field]:
                s, e = spans[field]
                marked += 1
                assert row["caption"][s:e].casefold() == row[field].casefold() or field == "agency", (field, row)
    assert marked


@given(st.text(max_size=300))
def test_spans_are_inside_the_caption_and_doubts_are_named(text):
    rec = parse_caption(text)
    _spans_valid(rec.caption, rec.spans)
    assert set(rec.doubt) <= set(REASONS)
    assert rec.to_row()["doubt"] == "; ".join(rec.doubt)


def test_spans_of_a_value_written_nowhere_are_left_out():
    assert locate_spans("A man in Paris.", {"city": "Lyon", "photographer": "Jane Doe"}, Regions()) == {}


AGENCIES = load_agencies()


@pytest.mark.parametrize("row, reason", [
    ({"warnings": "no_credit"}, "no_credit"),
    ({"agency": "Northern Valley Courier", "photographer": "Jane Doe"}, "org_unknown"),
    ({"agency": "Reuters", "distributor": "Valley Courier"}, "org_unknown"),
    ({"photographer": "Kabul Police Department"}, "photographer_org_word"),
    ({"photographer": "Reuters"}, "photographer_org_word"),
    ({"style": "end_caps_name; place_phrase"}, "credit_fallback"),
    ({"city": "Xyzzyville"}, "place_unknown"),
    ({"photographer": "Unger", "agency": "Reuters"}, "photographer_odd_name"),
    ({"photographer": "Captain A J Bowles Royal Regiment"}, "photographer_odd_name"),
    ({"warnings": "place_unsure: Foo, Bar"}, "place_unsure"),
    ({"style": "reuters; date_phrase; year_from_option"}, "date_from_year"),
    ({"style": "date_dateline; year_from_gallery"}, "date_from_gallery"),
    ({"repairs": "lost_letters: Acu?a → Acuña"}, "letters_guessed"),
    ({"warnings": "lost_character: Bogot? said"}, "lost_character"),
    ({"warnings": "embedded_disagrees: IPTC:By-line 'A' in the file, photographer 'B' in the caption"},
     "embedded_disagrees"),
])
def test_each_doubt_reason_is_read_off_the_row(row, reason):
    assert reason in reasons(row, AGENCIES)


@pytest.mark.parametrize("row", [
    {"photographer": "Kevin Lamarque", "agency": "Reuters", "city": "Washington", "country": "United States",
     "style": "reuters; date_month_day_year; place_before_date", "repairs": "lost_apostrophe: Officers? → Officers’"},
    {"photographer": "Zach Gibson", "agency": "Getty Images", "city": "Washington", "region": "DC",
     "style": "photo_by; dateline_getty; date_dateline"},
])
def test_a_plain_credited_placed_row_has_no_doubt(row):
    assert reasons(row, AGENCIES) == []


@pytest.mark.parametrize("place", [
    {"city": "Xyzzyville", "country": "France"},  # a village the gazetteer lacks, in a named country
    {"city": "New York"},  # GeoNames' New York City, by its other name
    {"city": "Kerbala", "style": "place_before_date"},
])
def test_a_city_known_by_another_name_or_in_a_confirmed_country_is_no_doubt(place):
    assert "place_unknown" not in reasons(place, AGENCIES)


def test_add_keeps_reasons_once_in_order():
    assert add("place_unknown; no_credit", "no_credit", "date_from_gallery") == \
        "no_credit; place_unknown; date_from_gallery"
    assert add("", "embedded_disagrees") == "embedded_disagrees"


def test_a_year_from_the_gallery_or_the_option_is_a_doubt_in_the_table():
    rows = [InputRow("WASHINGTON, DC - MAY 15: Officers salute. (Photo by Zach Gibson/Getty Images)", 1, "Week 2018"),
            InputRow("WASHINGTON, DC - MAY 16, 2018: Officers march. (Photo by Zach Gibson/Getty Images)", 2, "Week 2018")]
    table = clean_rows(rows).table
    assert table["doubt"].tolist() == ["date_from_gallery", ""]
    assert json.loads(table["spans"][0])["date"] == [17, 23]  # "MAY 15": the span of the partial date
    given_year = clean(["LONDON - MAY 25: A man walks. (Photo by Dan Kitwood/Getty Images)"], year=2019).table
    assert given_year["doubt"].tolist() == ["date_from_year"]


def test_letters_restored_from_the_export_are_a_doubt():
    table = clean(["Coach Pedro Acu?a watches. REUTERS/Jane Doe", "Pedro Acuña, the coach. REUTERS/Jane Doe"]).table
    first = table.iloc[0]
    assert "Acuña" in first["caption"] and "letters_guessed" in first["doubt"]


def test_a_failure_to_locate_spans_keeps_the_fields(monkeypatch):
    import captionclean.parse as parse

    def broken(*args):
        raise ValueError("broken")

    monkeypatch.setattr(parse, "locate_spans", broken)
    rec = parse.parse_caption("People in Kyiv, Ukraine, March 3, 2022. REUTERS/Gleb Garanich")
    assert (rec.photographer, rec.city, rec.spans) == ("Gleb Garanich", "Kyiv", {})
    assert "spans_failed: ValueError" in rec.warnings
