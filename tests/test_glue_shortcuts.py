"""Shortcuts of the glue around the stages give what the long way gives: the doubt reasons read off the
record (``doubt.record_reasons``) are ``doubt.reasons`` of the record's row, on real captions (parsed from
the test data) and on generated records."""

import pytest
from hypothesis import given, strategies as st

from captionclean import doubt
from captionclean.parse import Caption, asdict_fields, parse_caption
from captionclean.repair import Repair
from captionclean.tables import load_agencies

from conftest import load_cases, real_texts

AGENCIES = load_agencies()


def _real_texts() -> list[str]:
    texts = real_texts("credit_cases.json", "place_cases.json", "trailer_cases.json", "span_cases.json")
    texts += [c["damaged"] for c in load_cases("repair_damaged.json")]
    return list(dict.fromkeys(texts))


REAL = _real_texts()


def test_the_real_captions_give_every_kind_of_reason():
    """The real captions below hold doubts of many kinds (else the comparison proves little)."""
    kinds = {r for t in REAL for r in parse_caption(t, agencies=AGENCIES).doubt}
    assert {"no_credit", "org_unknown", "place_unknown", "letters_guessed", "credit_fallback"} <= kinds


@pytest.mark.parametrize("chunk", range(4))
def test_the_record_gives_the_reasons_of_its_row_on_real_captions(chunk):
    for text in REAL[chunk::4]:
        rec = parse_caption(text, agencies=AGENCIES)
        assert doubt.record_reasons(rec, AGENCIES) == doubt.reasons(asdict_fields(rec), AGENCIES), text
        assert rec.doubt == doubt.reasons(asdict_fields(rec), AGENCIES), text


_NAMES = st.sampled_from(["", "Kevin Lamarque", "Unger", "Police Department", "Reuters", "A B C D E",
                          "Jane Doe; Unger", "Jane Doe; City Police", " ; Jane Doe", "AFP"])
_ORGS = st.sampled_from(["", "Reuters", "AFP", "Agence France-Presse", "Nowhere Photo Co", "Getty Images"])
_CITIES = st.sampled_from(["", "Paris", "Kerbala", "New York", "Smallvillage", "Zzyzx"])
_REGIONS = st.sampled_from(["", "California", "Calif.", "Nowhere Land", "Bavaria"])
_COUNTRIES = st.sampled_from(["", "France", "United States", "Atlantis"])
_STYLE = st.lists(st.sampled_from(sorted(doubt.FALLBACK_RULES) + sorted(doubt.YEAR_RULES)
                                  + ["photo_by", "date_dateline", "credit.end_caps_name", "other"]), max_size=4)
_WARNINGS = st.lists(st.sampled_from(["no_credit", "place_unsure: x", " place_ambiguous : y", "parse_timeout: z",
                                      "lost_character: Bogot?", "no_year: month", "embedded_disagrees: city",
                                      "other: no", "no_credit:"]), max_size=4)
_REPAIRS = st.lists(st.builds(Repair, st.sampled_from(["lost_letters", "lost_dash", "mojibake", "odd_space"]),
                              st.sampled_from(["Acu?a", "a:b", ""]), st.sampled_from(["Acuña", "x"]),
                              st.sampled_from(["", "wordfreq es", "gazetteer", "a:b", "x[y"])), max_size=3)


@given(st.builds(Caption, photographer=_NAMES, agency=_ORGS, distributor=_ORGS, city=_CITIES, region=_REGIONS,
                 country=_COUNTRIES, style=_STYLE, warnings=_WARNINGS, repairs=_REPAIRS))
def test_the_record_gives_the_reasons_of_its_row(rec):
    assert doubt.record_reasons(rec, AGENCIES) == doubt.reasons(asdict_fields(rec), AGENCIES)


# --- the dedupe key of a text that is not ASCII: the ASCII marks dropped from its bytes, the pattern only
# where something other than a letter is left


def test_every_letter_is_a_word_character_of_the_dedupe_keys_pattern():
    """core._key_bytes keeps a text left with letters (str.isalpha) as it is: none of them is one the
    pattern drops (every code point, in one scan)."""
    import sys

    from captionclean import core

    letters = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isalpha())
    assert core._KEY_STRIP.search(letters) is None


_KEY_PIECES = ["a", "É", "ß", "ﬁ", "İ", " ", "’", "“", "©", "\xa0", "。", "、", "1", "²", "_", "-", "\u0301", "Ǆ",
               "\ud800", "ー", "ก", "ิ", "ΣΑΣ", "\u200d", "٣", "𝔘"]


@given(st.one_of(st.text(), st.lists(st.sampled_from(_KEY_PIECES), max_size=16).map("".join)))
def test_the_dedupe_key_of_any_text_is_the_patterns(text):
    import hashlib

    from captionclean import core

    plain = hashlib.blake2b(core._key_text(text).encode("utf-8", "surrogatepass"), digest_size=12).digest()
    assert core.dedupe_key(text) == plain


def test_the_dedupe_key_of_real_captions_is_the_patterns():
    import hashlib

    from captionclean import core

    texts = [t for t in REAL if not t.isascii()]
    assert len(texts) > 100
    for text in texts:
        plain = hashlib.blake2b(core._key_text(text).encode("utf-8", "surrogatepass"), digest_size=12).digest()
        assert core.dedupe_key(text) == plain, text


# --- a record's row: its attributes copied at once, in the row's order


def _row_the_long_way(rec) -> dict:
    from captionclean.grammar.rules import style_line
    from captionclean.parse import FIELDS, spans_text

    row = {name: getattr(rec, name) for name in FIELDS}
    row["style"] = style_line(rec.style)
    row["repairs"] = "; ".join(map(str, rec.repairs))
    row["warnings"] = "; ".join(dict.fromkeys(rec.warnings))
    row["doubt"] = "; ".join(rec.doubt)
    row["spans"] = spans_text(rec.spans)
    row["correction"] = rec.correction
    return row


def test_a_records_row_is_its_fields_in_order_on_real_captions():
    for text in REAL[::3]:
        rec = parse_caption(text, agencies=AGENCIES)
        assert list(rec.to_row().items()) == list(_row_the_long_way(rec).items()), text


def test_a_record_with_an_added_attribute_gives_the_same_row():
    rec = parse_caption("Kyiv, Ukraine. REUTERS/Anna Smith", agencies=AGENCIES)
    rec.extra_note = "not a column"  # the attributes are no longer the fields alone: read one by one
    assert list(rec.to_row().items()) == list(_row_the_long_way(rec).items())
    assert "extra_note" not in rec.to_row()
