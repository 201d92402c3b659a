"""names.family_first: a name a credit prints family name first (Hungarian, Czech agency, Russian archive credits)
is turned to given name first (LABELS.md) where the credit's words name such a language, and nowhere else."""
from hypothesis import given, settings, strategies as st

from captionclean import parse_caption
from captionclean.grammar.names import _family_first_cues, family_first, family_first_langs
from captionclean.tables import name_order

CUES, GIVEN = name_order()
HU = sorted(n for n, langs in GIVEN.items() if "hu" in langs)
CS = sorted(n for n, langs in GIVEN.items() if "cs" in langs)
RU = sorted(n for n, langs in GIVEN.items() if "ru" in langs)
# made-up family names: a stem and an ending of the language, never a given name of any list
_HU_SURNAME = st.builds(lambda a, b: (a + b).capitalize(), st.sampled_from(["kov", "szil", "bark", "tör", "vár", "hal"]),
                        st.sampled_from(["ácsi", "ágyi", "őczy", "ffy", "ényi", "óczki"]))
_CS_SURNAME = st.builds(lambda a, b: (a + b).capitalize(), st.sampled_from(["dvoř", "kuč", "hrab", "pok", "ryb"]),
                        st.sampled_from(["ák", "era", "ovský", "íček", "ný"]))
_RU_SURNAME = st.builds(lambda a, b: (a + b).capitalize(), st.sampled_from(["кузн", "бел", "сок", "мор", "жук"]),
                        st.sampled_from(["ецов", "инский", "олов", "ихин", "енко"]))
_BODY = {"hu": "Ünnepség a városháza előtt. ", "cs": "Demonstranti na náměstí v Brně. ",
         "ru": "Демонстрация на площади, 1965 год. "}
_SHAPES = {"hu": ["Fotó: {n}", "Fotó: MTI/{n}", "MTI/{n}", "(Fotó: {n})"],
           "cs": ["ČTK/{n}", "Foto: ČTK / {n}", "Zdroj: ČTK / {n}"],
           "ru": ["{n}/Фотохроника ТАСС"]}
_CASE = st.one_of(
    st.tuples(st.just("hu"), _HU_SURNAME, st.sampled_from(HU)),
    st.tuples(st.just("cs"), _CS_SURNAME, st.sampled_from(CS)),
    st.tuples(st.just("ru"), _RU_SURNAME, st.sampled_from(RU)),
).flatmap(lambda c: st.tuples(st.just(c), st.sampled_from(_SHAPES[c[0]])))


@settings(max_examples=150, deadline=None)
@given(case=_CASE)
def test_a_family_first_credit_is_turned(case):
    (lang, surname, given_name), shape = case
    text = _BODY[lang] + shape.format(n=f"{surname} {given_name}")
    rec = parse_caption(text)
    assert rec.photographer == f"{given_name} {surname}", (text, rec.style)
    assert "family_first" in rec.style
    start, end = rec.spans["photographer"]  # found where it is printed, surname first
    assert text[start:end] == f"{surname} {given_name}"


@settings(max_examples=150, deadline=None)
@given(case=_CASE)
def test_a_given_first_name_stays(case):
    (lang, surname, given_name), shape = case
    rec = parse_caption(_BODY[lang] + shape.format(n=f"{given_name} {surname}"))
    assert rec.photographer == f"{given_name} {surname}"
    assert "family_first" not in rec.style


@settings(max_examples=150, deadline=None)
@given(case=_CASE, marker=st.sampled_from(["Photo: {n}", "Foto: {n}", "(Photo by {n})", "{n}/Reuters", "Credit: {n}"]))
def test_no_cue_no_turn(case, marker):
    """Without a cue word of a family-first language in the credit the name is kept in its printed order."""
    (lang, surname, given_name), _ = case
    rec = parse_caption("Fans cheer at the stadium. " + marker.format(n=f"{surname} {given_name}"))
    assert "family_first" not in rec.style
    assert rec.photographer in (f"{surname} {given_name}", "")


@given(first=st.sampled_from(HU), second=st.sampled_from(HU))
def test_two_given_names_stay(first, second):
    """'Tamás Sándor': both words are given names, so which is the family name is not known: kept as printed."""
    assert family_first(f"{first} {second}", frozenset({"hu"})) is None


def test_cues_name_their_languages():
    assert family_first_langs("Fotó: MTI/Kovács Béla") == {"hu"}
    assert family_first_langs("Zdroj: ČTK / Kamaryt Michal") >= {"cs"}
    assert family_first_langs("Photo: AP/Fotómontázs", "MTIX") == frozenset()  # a cue inside a longer word is none
    assert all(langs <= {"hu", "cs", "sk", "ru", "uk"} for langs in CUES.values())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(sorted(CUES)), st.sampled_from(["MTIX", "xFotó", "Foto", "/", " ", "é", "Ф", "ČTKa"]),
                          st.text(max_size=4)), max_size=8).map("".join))
def test_the_cue_gate_is_the_plain_search(text):
    """family_first_langs' stdlib gate passes every text the bounded pattern finds a cue in: its answer is the
    pattern's alone."""
    cues, pattern, _ = _family_first_cues()
    plain = frozenset(lang for m in pattern.finditer(text) for lang in cues[m.group()])
    assert family_first_langs(text) == plain
