"""The shortcuts of the stages around the grammar (spans, trailers) give what the plain code gives: the
plain code is written out here as it was, and both are run on the real captions of the test data (as
parsed) and on Hypothesis-made ones."""
import dataclasses

import pytest
from hypothesis import example, given, strategies as st

from captionclean import parse, spans
from captionclean.grammar import trailers
from captionclean.spans import SPAN_FIELDS, find_in
from captionclean.tables import load_agencies

from conftest import real_texts

AGENCIES = load_agencies()
REAL = list(dict.fromkeys(real_texts("span_cases.json", "place_cases.json", "credit_cases.json", "trailer_cases.json",
                                      "repair_damaged.json")))


def _fold_plain(text):
    """spans._fold without its ASCII shortcut: the table's replacements, then casefold one for one."""
    plain = text.translate(spans._FOLD)
    folded = plain.casefold()
    if len(folded) != len(plain):
        folded = "".join(low if len(low := ch.casefold()) == 1 else ch for ch in plain)
    return folded


def _locate_spans_plain(text, row, regions, agencies=None):
    """spans.locate_spans as it was written: each field's cell through str(... or ""), a put() for each
    span, the answer built in SPAN_FIELDS order."""
    if not text:
        return {}
    folded = _fold_plain(text)
    credit, dateline = regions.credit, regions.dateline
    found_spans, taken = {}, []

    def put(name, span):
        if span:
            found_spans[name] = span
            taken.append(span)

    for name in ("photographer", "agency", "distributor"):
        values = spans._values(str(row.get(name) or ""))
        if not values:
            continue
        found = []
        for v in values:
            hit = find_in(folded, v, credit, taken)
            if hit is None and name == "photographer" and credit and " " in v:  # printed surname first
                hit = find_in(folded, " ".join(v.split()[-1:] + v.split()[:-1]), credit, taken)
            if hit is None and name != "photographer" and credit:
                hit = next((h for a in spans._agency_forms(v, agencies)
                            if (h := find_in(folded, a, credit, taken, text))), None)
            found.append(hit or find_in(folded, v, None, taken))
        put(name, spans._cover(found))
    outside = taken + ([credit] if credit else [])
    last_place = None
    for name in ("city", "region", "country"):
        value = str(row.get(name) or "")
        if not value:
            continue
        span = None
        gap_end = spans._after_gap(folded, last_place) if last_place else -1
        if dateline or gap_end >= 0:
            for form, needle in spans._forms(name, value):
                if dateline and needle and folded.find(needle, dateline[0], dateline[1]) >= 0:
                    span = find_in(folded, form, dateline, taken, text)
                    if span:
                        break
                if gap_end >= 0 and needle and folded.startswith(needle, gap_end):
                    span = spans._right_after(folded, form, last_place, taken, text, gap_end)
                    if span:
                        break
        first = False
        if span is None and name == "city":
            span, first = spans._city_spans(folded, value, row, outside, text)
        if span is None and (name == "city" or last_place is None):
            span = find_in(folded, value, None, outside) if first is False else first
        put(name, span)
        if span:
            outside.append(span)
            last_place = span
    date = str(row.get("date") or "")
    ymd = tuple(int(p) for p in date.split("-")) if len(date) == 10 and date[:4].isdigit() else None
    if ymd is None and row.get("partial_date"):
        ymd = (None, *row["partial_date"])
    if ymd:
        put("date", (spans._date_span(text, ymd, dateline) if dateline else None)
            or spans._read_already(text, ymd, regions.date) or spans._date_span(text, ymd, None))
    restrictions = spans._values(str(row.get("restrictions") or ""))
    if restrictions:
        found = []
        for value in restrictions:
            hit = None
            for region in regions.trailers:
                hit = find_in(folded, value, region)
                if hit:
                    break
            found.append(hit or find_in(folded, value, None, taken))
        put("restrictions", spans._cover(found))
    return {name: list(found_spans[name]) for name in SPAN_FIELDS if name in found_spans}


def _regions_of(text):
    """Each real caption's row and regions as parse_caption hands them to locate_spans."""
    seen = []
    original = parse.locate_spans

    def keep(text, row, regions, agencies=None):
        seen.append((text, dict(row), dataclasses.replace(regions, trailers=list(regions.trailers))))
        return original(text, row, regions, agencies)

    parse.locate_spans = keep
    try:
        parse.parse_caption(text, agencies=AGENCIES)
    finally:
        parse.locate_spans = original
    return seen


@pytest.mark.parametrize("chunk", range(4))
def test_spans_and_fold_are_the_plain_codes_on_real_captions(chunk):
    for text in REAL[chunk::4]:
        assert spans._fold(text) == _fold_plain(text), text
        for caption, row, regions in _regions_of(text):
            got = spans.locate_spans(caption, row, regions, AGENCIES)
            assert list(got.items()) == list(_locate_spans_plain(caption, row, regions, AGENCIES).items()), text


_WORDS = ["Kyiv", "KYIV", "Ukraine", "US", "U.S.", "Paris", "France", "Calif.", "California", "Jane Doe", "AFP",
          "Agence France-Presse", "REUTERS", "May 5, 2019", "2019", "5 May", "NO RESALES", "NEW ZEALAND OUT", "ß",
          "İ", "’s", "é", "–", "\xa0"]
_TEXT = st.lists(st.sampled_from(_WORDS + [" ", ", ", " - ", "/", "(", ")", ". "]), max_size=14).map("".join)
_CELL = st.one_of(st.none(), st.just(""), st.sampled_from(_WORDS), st.sampled_from(["Jane Doe; AFP", " ; Kyiv", "x"]))
_DATE = st.one_of(st.none(), st.just(""), st.sampled_from(["2019-05-05", "2019-5-05x", "2019-05-5", "05-05-2019"]))
_SPAN = st.one_of(st.none(), st.tuples(st.integers(0, 40), st.integers(0, 80)))


@given(_TEXT, st.fixed_dictionaries({
    "photographer": _CELL, "agency": _CELL, "distributor": _CELL, "city": _CELL, "region": _CELL, "country": _CELL,
    "date": _DATE, "restrictions": _CELL, "partial_date": st.one_of(st.none(), st.just((5, 5)))}),
    _SPAN, _SPAN, st.lists(st.tuples(st.integers(0, 40), st.integers(0, 80)), max_size=2), _SPAN)
@example("Kyiv, Ukraine - May 5, 2019. Jane Doe/AFP", {"photographer": "Jane Doe", "agency": "AFP", "city": "Kyiv",
         "country": "Ukraine", "date": "2019-05-05"}, (28, 41), (0, 13), [], None)
@example("STRASSE İstanbul", {"city": "İstanbul", "restrictions": "NO"}, None, None, [(0, 7)], None)
def test_spans_are_the_plain_code(text, row, credit, dateline, trailer_spans, date):
    regions = spans.Regions(credit=credit, dateline=dateline, trailers=trailer_spans, date=date)
    try:
        plain = _locate_spans_plain(text, row, regions, AGENCIES)
    except ValueError:  # a date cell no ISO date: the plain code fails there, and so must the new
        with pytest.raises(ValueError):
            spans.locate_spans(text, row, regions, AGENCIES)
        return
    got = spans.locate_spans(text, row, regions, AGENCIES)
    assert list(got.items()) == list(plain.items())  # in SPAN_FIELDS order too (the spans cell is written in it)


@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=30))
@example("Hello WORLD 'x' -")
def test_fold_of_ascii_text_is_the_plain_fold(text):
    assert spans._fold(text) == _fold_plain(text)


def _find_trailers_plain(text):
    """trailers.find_trailers as it was written: the overlap test made for every caption, the notices
    looked for, then every rule whose texts the caption holds (no one scan for them all)."""
    out = trailers.Trailers()
    taken = bytearray(len(text) + 1)

    def free(s, e):
        if 1 in taken[s:e]:
            return False
        taken[s:e] = b"\x01" * (e - s)
        return True

    upper = text.upper()
    for w in trailers._MARKER_WORDS:
        if w in upper:
            trailers._find_corrections(text, out, free)
            break
    for name, pattern, needs in trailers._KEYWORD_RULES:
        if needs and not any(n in text for n in needs):
            continue
        for m in pattern.finditer(text):
            if not free(*m.span()):
                continue
            out.spans.append(m.span())
            out.rules.append(name)
            if m.groupdict().get("place"):
                out.place = m["place"].strip()
                out.keywords.append(out.place)
            kw = (m.groupdict().get("kw") or m.group(0)).strip(" .()")
            if name == "tags" and trailers._TPX.search(kw):
                out.keywords.append(trailers._TPX.sub(" ", kw).strip())
                kw = "TPX IMAGES OF THE DAY"
            if kw:
                out.keywords.append(kw)
    found = []
    for name, pattern, needs in trailers._RESTRICTION_RULES:
        if needs and not any(n in text for n in needs):
            continue
        for m in pattern.finditer(text):
            s, e = m.span()
            if name == "out_restriction" and not text.startswith("(", s):
                s = trailers._out_start(text, s)
            if name == "out_after_slash" and not trailers._names_out(text[s:e].split()[:-1]):
                continue
            if not text[s:e].strip() or not free(s, e):
                continue
            out.spans.append((s, e))
            out.rules.append(name)
            found.append((s, text[s:e].strip(" ().,;")))
    out.restrictions = [r for _, r in sorted(found)]
    return out


def test_trailers_are_the_plain_code_on_real_captions():
    for text in REAL:
        assert trailers.find_trailers(text) == _find_trailers_plain(text), text


@given(st.lists(st.sampled_from([" ", ". ", "\n", "-", "(", ")", ":", "/", "OUT", "NO ", "SALES", "Tags:", " Tags",
                                 "EDITORIAL USE ONLY", "NO ARCHIVES", "caption", "REFILE", "CORRECTION", "correcting",
                                 "Editor's note:", "NEW ZEALAND", "AFP", "x"]), max_size=12).map("".join))
@example("REFILE - CORRECTING DATE NEW ZEALAND OUT")
@example("CORRECTION: x (Tags: POLITICS)")
def test_trailers_are_the_plain_code(text):
    assert trailers.find_trailers(text) == _find_trailers_plain(text)
