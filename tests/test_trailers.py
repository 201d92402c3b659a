"""Restrictions and trailers move out of the description into their own columns; nothing is dropped."""
import pytest
import regex

from captionclean.parse import parse_caption

from conftest import assert_rules, case_params

_WORD = regex.compile(r"[\p{L}\p{N}]+")
STRUCTURE = {"Tags"}  # the label of a Reuters keyword list, not content


@pytest.mark.parametrize("case", case_params("trailer_cases.json"))
def test_trailer_case(case):
    rec = parse_caption(case["text"])
    for r in case["restrictions"]:
        assert r in rec.restrictions, (r, rec.restrictions)
        assert r not in rec.description
    for k in case["keywords"]:
        assert k in rec.keywords.split("; "), (k, rec.keywords)
        assert k not in rec.description
    assert_rules(case, rec)


@pytest.mark.parametrize("case", case_params("trailer_cases.json"))
def test_nothing_dropped(case):
    """Every word of the caption is kept in description, dateline, credit, restrictions or keywords."""
    rec = parse_caption(case["text"])
    kept = set(_WORD.findall(" ".join([rec.description, rec.dateline, rec.credit_raw, rec.restrictions,
                                        rec.keywords])))
    assert set(_WORD.findall(rec.caption)) - STRUCTURE <= kept


@pytest.mark.parametrize("case", case_params("trailer_cases.json"))
def test_restrictions_listed_in_caption_order(case):
    rec = parse_caption(case["text"])
    found = [r for r in rec.restrictions.split("; ") if r]
    places = [rec.caption.find(r) for r in found]
    assert -1 not in places and places == sorted(places), found


@pytest.mark.parametrize("text", [
    "A view of a Gucci Advertisement campaign selected for an exhibition in Milan.",
    "Advertisement boards line the pitch before the match in Madrid.",
    "Visitors look at an old (1920s) Advertisement for soap at the museum.",
])
def test_the_word_advertisement_in_a_sentence_stays(text):
    rec = parse_caption(text)
    assert "Advertisement" in rec.description and "Advertisement" not in rec.keywords


@pytest.mark.parametrize("text", [
    "Han sa att han ville visa mer av staden för besökarna.",
    "Vis mer respekt, sa statsministeren i Oslo.",
    "Überspringe die Bildergalerie nicht, sagte der Kurator.",
])
def test_gallery_buttons_in_a_sentence_stay(text):
    """"Visa mer", "Vis mer", "Überspringe die Bildergalerie" are page chrome only closing the caption after other words."""
    rec = parse_caption(text)
    assert "caption_chrome" not in rec.style and not rec.keywords, rec.style
