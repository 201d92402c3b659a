"""names.plain_recase, the fast path of normal_name, gives what nameparser gives for every name it takes."""
import pytest
from hypothesis import given, strategies as st

from captionclean.grammar.names import _nameparser_words, nameparser_case, normal_name, plain_recase
from conftest import load_cases

NAMES = load_cases("capitals_names.json")


def test_fast_path_takes_most_caption_names():
    taken = [n for n in NAMES if plain_recase(n) is not None]
    assert len(taken) > len(NAMES) // 2  # the path is worth having on real names
    assert plain_recase("KOEN VAN WEEL") is None and plain_recase("DAN O'NEIL") is None  # a particle, a mark
    assert plain_recase("IAN MACNICOL") == "Ian MacNicol" == nameparser_case("IAN MACNICOL")  # nameparser's Mac/Mc


@pytest.mark.parametrize("name", NAMES)
def test_fast_path_is_nameparser_on_caption_names(name):
    plain = plain_recase(name)
    if plain is not None:
        assert plain == nameparser_case(name)
    assert normal_name(name) == nameparser_case(name) or normal_name(name) == name  # kept as written ("DJ Mills")


_VOCAB = sorted(_nameparser_words()[0])
_ASCII_WORD = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=9)
_LATIN_WORD = st.text(alphabet="ABCDEÉÈÊËFGHIÍÏJKLMNÑOÓÖØPQRSŠTUÚÜVWXYZŽÇĆČŁŃŚŹŻĞİŞŒÆÅÂÃÕ", min_size=1, max_size=9)
_WORD = st.one_of(_ASCII_WORD, _LATIN_WORD, st.sampled_from(_VOCAB).map(str.upper),
                  st.sampled_from(["MC", "MAC", "O", "D", "VAN", "DE", "JR", "II", "IV"]).flatmap(
                      lambda head: _ASCII_WORD.map(lambda w: head + w)),
                  st.sampled_from(["JOHN", "MARIA", "ANNE", "LEE", "KIM", "SMITH", "GARCÍA", "MÜLLER", "ŁUKASZ"]),
                  st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZÓ").map(lambda c: c + "."))
_WORD = st.one_of(_WORD, st.lists(_WORD, min_size=2, max_size=3).map("-".join))


def _cased(word_and_case):
    word, case = word_and_case
    return (word, word.lower(), word.capitalize(), word[:1] + word[1:].lower(), word.swapcase())[case]


@given(st.lists(st.tuples(_WORD, st.integers(0, 4)).map(_cased), min_size=1, max_size=5))
def test_fast_path_is_nameparser_on_generated_names(words):
    name = " ".join(words)
    plain = plain_recase(name)
    if plain is not None:
        assert plain == nameparser_case(name)


_LOWER = st.text(alphabet="abcdefghijklmnoprstuvyzабвгдеєжзиіїклмнопрстуфхцчшщюя", min_size=2, max_size=8)
_UPPER = st.sampled_from("ABDGKLMOSTVВДКЛМОСТ")


@given(st.lists(st.tuples(_UPPER, st.sampled_from(["'", "’", ""]), _LOWER), min_size=2, max_size=3))
def test_mixed_case_names_with_an_apostrophe_stay_as_written(words):
    """"В’ячеслав Мадієвський", "Conor O'brien": one capital, then a mark and small letters, is mixed case, kept as
    written (a capital before an apostrophe is no word in capitals)."""
    name = " ".join(head + mark + rest for head, mark, rest in words)
    assert normal_name(name) == name


@given(st.lists(st.sampled_from(["EMİN", "İLKER", "SELAHATTİN", "YILDIZ", "ÖZDEMİR", "ŞAHİN", "KAYA"]), min_size=2, max_size=3))
def test_turkish_dotted_capital_i(words):
    """Turkish "İ" re-cases to the plain "i", with no combining dot ("EMİN YILDIZ" → "Emin Yildiz"); str.lower() of
    "İ" is "i" and U+0307."""
    name = " ".join(words)
    cased = normal_name(name)
    assert "\u0307" not in cased
    assert cased.replace("İ", "I").casefold() == name.replace("İ", "I").casefold()  # the same letters
    assert cased.split()[0][1:].islower()  # re-cased, not kept in capitals
