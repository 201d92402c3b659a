"""find_credits_many (the rules in the outer loop, the captions in the inner one) finds what find_credits finds
caption by caption: the same credits, in the same order, for every caption."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from captionclean.grammar import credit
from captionclean.tables import load_agencies
from conftest import real_texts

_PIECES = st.sampled_from(["A fire in Paris. ", "(AP Photo/Jo Doe)", "REUTERS/Jo Doe", "Photo: ", "Jo Doe", "/AFP",
                           " via Getty Images", "\n", "Credit: ", "Courtesy of the museum", "新华社记者 王五 摄", "(", ")",
                           "© ", "Xinhua", " | ", "Photo by ", "EPA-EFE/", ", File", " - Pool", "2019", ". "])


def _one_by_one(texts):
    agencies = load_agencies()
    return [credit.find_credits(t, agencies) for t in texts]


def test_many_is_one_by_one_on_real_captions():
    texts = real_texts("credit_cases.json", "credit_negative_cases.json", "span_cases.json", "trailer_cases.json")
    assert len(texts) > 300
    many = credit.find_credits_many(texts, load_agencies())
    one = _one_by_one(texts)
    assert sum(1 for found in one if found) > 200  # the captions hold credits: the test can fail
    assert many == one


@settings(max_examples=200)
@given(st.lists(st.lists(_PIECES, max_size=10).map("".join), max_size=6))
def test_many_is_one_by_one(texts):
    assert credit.find_credits_many(texts, load_agencies()) == _one_by_one(texts)
