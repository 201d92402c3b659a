"""Parse glue: ``parse._cut_origin`` finds a stretch of the cut text again in the caption (the date's
span handed to the span finder, so the caption is not read for dates twice); the spans cell."""
from hypothesis import given, strategies as st

from captionclean.parse import _cut, _cut_origin

_TEXT = st.text(alphabet="ab cd-", min_size=0, max_size=40)


@st.composite
def _cut_case(draw):
    text = draw(_TEXT)
    n = len(text)
    spans = draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted).map(tuple), max_size=4))
    cut = _cut(text, spans)
    start = draw(st.integers(0, len(cut)))
    end = draw(st.integers(start, len(cut)))
    return text, spans, cut, start, end


@given(_cut_case())
def test_a_stretch_clear_of_the_cuts_is_the_same_text_in_the_caption(case):
    text, spans, cut, start, end = case
    found = _cut_origin(text, spans, start, end)
    if found is not None:
        assert text[found[0]:found[1]] == cut[start:end]
        assert found[1] - found[0] == end - start


def test_a_stretch_over_a_cut_has_no_origin():
    text = "Kyiv REUTERS/Anna March 5, 2022"
    spans = [(5, 17)]
    cut = _cut(text, spans)
    assert cut == "Kyiv   March 5, 2022"
    assert _cut_origin(text, spans, 4, 9) is None  # runs over the cut's space
    assert _cut_origin(text, spans, cut.index("March"), len(cut)) == (text.index("March"), len(text))
    assert _cut_origin(text, spans, 0, 4) == (0, 4)


@given(st.dictionaries(st.sampled_from(["photographer", "agency", "city", "date", "other", 'q"uote']),
                       st.one_of(st.tuples(st.integers(-5, 10**6), st.integers(-5, 10**6)).map(list),
                                 st.lists(st.integers(0, 9), max_size=3)), max_size=5))
def test_the_spans_cell_is_the_compact_json_of_the_spans(spans):
    import json

    from captionclean.parse import spans_text

    assert spans_text(spans) == (json.dumps(spans, separators=(",", ":")) if spans else "")
