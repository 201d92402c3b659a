"""The place phrase's and the dateline's shortcuts change nothing: each cheap test is implied by the
pattern or search it guards, and each shared reading finds what the plain one found (Hypothesis over
caption-like text, and the real captions in tests/data)."""
from hypothesis import example, given, strategies as st

from captionclean.grammar import places

# characters the place patterns care about: stops, abbreviations, spaces, new lines, letters in and out of ASCII
_PIECES = st.sampled_from([" ", "  ", "\n", ".", ". ", ",", ":", "Dr.", "Mr.", "St.", "Paris", "in ", "Rev.",
                           "Helsingissä", "Tampereella", "Ä", "ä", "lla", "ss", "a", "東京", "서울", "\t", "x"])
_TEXT = st.lists(_PIECES, max_size=14).map("".join)


@given(_TEXT)
@example("in Paris.")
@example("in Paris\n")
@example("in Paris\n\n")
@example("in Paris")
@example("Rev. Paris")
def test_sentence_end_gate_holds_every_match(text):
    for end in range(len(text) + 1):
        if places._SENTENCE_END.match(text, end):
            assert places._may_end_sentence(text, end), (text, end)


@given(_TEXT)
@example("Helsingissä")
@example("Tampereella")
def test_ascii_text_holds_only_the_ascii_ending_keys(text):
    if text.isascii():
        assert any(k in text for k in places._ENDING_KEYS) == any(k in text for k in places._ENDING_KEYS_ASCII)
        assert places._CJK_LETTER.search(text) is None
