"""The reading's shortcuts change nothing: each skips a pattern only where the pattern cannot match, so the
shortcut gives what the plain pattern gives (Hypothesis over credit-like text, and every word run of the credit
cases' captions)."""
import pytest
from hypothesis import example, given, strategies as st

from captionclean.grammar import credit

from conftest import load_cases

# what the patterns care about: separators, "via" in any case, particles, capitals, digits, newlines
_PIECES = st.sampled_from([" ", "  ", "   ", "\n", "/", " / ", "via", " via ", "Via", "VIA", "v", "V", " de", " van",
                           " la", " &", " and", " of", "de", "dea", " De", "Name", "NAME", "Koz", "11", " 20", ".",
                           ",", "-", "é", "É", "OregonLive", "Tag24", "Tag٣", "ſ", "İ", "ǅ", "aB"])
_TEXT = st.lists(_PIECES, max_size=14).map("".join)


def _real_texts() -> list[str]:
    texts = []
    for case in load_cases("credit_cases.json"):
        words = case["text"].split(" ")
        texts.extend(" ".join(words[max(0, i - 5):i]) for i in range(1, len(words) + 1))
    return texts


_REAL = _real_texts()


@given(_TEXT)
@example("Name via Reuters")
@example("AFP   Name")
@example("Name VIA Getty")
def test_split_chain_is_the_pattern_split(text):
    assert credit._split_chain(text) == credit._SPLIT.split(text)


@given(_TEXT)
@example("Foto: Captura de")
@example("Hubble &")
@example("Name de\n")
@example("Name dea")
def test_without_particles_is_the_pattern_sub(text):
    assert credit._without_particles(text) == credit._TRAILING_PARTICLE.sub("", text)


@given(_TEXT)
@example("OREGONLIVE")
@example("OregonLive")
@example("Tag24")
@example("Tag24\n")
@example("Tag٣")
def test_wordmark_gate_holds_every_match(text):
    if credit._WORDMARK.search(text):  # _read_name searches _WORDMARK only where _may_be_wordmark lets it
        assert credit._may_be_wordmark(text)


@given(_TEXT)
@example("Name/Koz/Spt/11")
def test_coded_end_needs_a_slash(text):
    if "/" not in text:  # _parse_chain skips _CODED_END without a slash
        assert credit._CODED_END.search(text) is None


@pytest.mark.parametrize("chunk", range(4))
def test_shortcuts_on_real_text(chunk):
    for text in _REAL[chunk::4]:
        assert credit._split_chain(text) == credit._SPLIT.split(text)
        assert credit._without_particles(text) == credit._TRAILING_PARTICLE.sub("", text)
        if credit._WORDMARK.search(text):
            assert credit._may_be_wordmark(text)
        if "/" not in text:
            assert credit._CODED_END.search(text) is None


# _split_chain's own cut of a chain in ASCII (its slashes, spaces and " via "): the pieces those care about
_SPLIT_PIECES = st.sampled_from([" ", "  ", "   ", "/", " / ", "/ ", " /", "via", " via ", "  via ", " via  ", "Via", "VIA",
                                 " VIA ", "/via ", "/ via ", "v", "V", "Olivia", "viable", "for", " for ", "/for ", "/ For ",
                                 "/FOR  ", "fora", "Name", "AFP", "Getty Images", "Jr.", ",", "-", "\t", "\n", "\x1c", "\x85",
                                 "é", "İ", "ſ", "\u00a0"])


@given(st.lists(_SPLIT_PIECES, max_size=12).map("".join))
@example("Name/AFP via Getty Images")
@example("A via /B")
@example("A/ via B")
@example("Steve Mullensky/for Peninsula Daily News")
@example("A  via  B")
@example(" /B")
@example("A/  /B")
def test_split_chain_cuts_ascii_chains_as_the_pattern(text):
    assert credit._split_chain(text) == credit._SPLIT.split(text)
