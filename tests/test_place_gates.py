"""The place phrase's and the dateline's shortcuts change nothing: each cheap test is implied by the
pattern or search it guards, and each shared reading finds what the plain one found (Hypothesis over
caption-like text, and the real captions in tests/data)."""
import re
from functools import lru_cache

from hypothesis import example, given, strategies as st

from captionclean.grammar import places

from conftest import real_texts


@lru_cache(maxsize=1)
def _real_texts() -> tuple[str, ...]:
    """The real captions in tests/data: the seed inputs and the texts of the case files."""
    return tuple(real_texts("place_cases.json", "place_negative_cases.json", "credit_cases.json", "date_cases.json",
                            "span_cases.json"))

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


_OPENING = st.lists(st.sampled_from([" ", ",", "/", "-", "–", ";", "5", "12", "1999", "2019", "20190820", "19",
                                     "20", "0", "٣", "MADRID", "x", "Ab", "\n"]), max_size=16).map("".join)


@given(_OPENING)
@example("MADRID, 19/10/2019.-")
@example("OSLO 19820820")
@example("05 November 2019, US")
@example("x 1/2")
def test_early_searches_from_the_first_digit_equal_the_full_searches(text):
    for pattern, end, back in ((places._YEAR_EARLY, 45, 0), (places._NUMERIC_EARLY, 70, 1)):
        assert places._early(pattern, text, end, back) == (pattern.search(text, 0, end) is not None)


_DATELINE_PIECES = st.sampled_from([" ", "  ", "\n", "\t", ",", ", ", ":", ": ", "(", ")", "-", " - ", "–", "—", ".",
                                    "'", "&", "É", "ÉE", "A", "AB", "WASHINGTON", "DC", "Oslo", "man", "a", "x",
                                    "JUNE 5", "June 5, 2019", "(AP)", "(Reuters)", "MAY", "5", "2019", "\u0301"])


@given(st.lists(_DATELINE_PIECES, max_size=14).map("".join))
@example("WASHINGTON, DC - JUNE 5: A man")
@example("A man walks")
@example("AB-CD - JUNE 5, 2019 - x")
@example("PARIS (AP) — x")
@example(" \n ROME\t(June 5, 2019) x")
@example("FILE PHOTO: x")
@example("ABC\n- June 5: x")
def test_caps_opening_gate_holds_every_caps_rule_match(text):
    for rule, pattern in places.DATELINES:
        if rule in places._CAPS_RULES and pattern.match(text):
            assert places._caps_rules_may_match(text), rule


def test_caps_opening_gate_on_real_openings():
    texts = _real_texts()
    assert len(texts) > 500 and sum(not places._caps_rules_may_match(t) for t in texts) > 100  # it skips work
    for text in texts:
        if not places._caps_rules_may_match(text):
            assert not any(pattern.match(text) for rule, pattern in places.DATELINES if rule in places._CAPS_RULES), text[:80]


_CJK_PIECES = st.sampled_from(["東京", "東京都", "ソウル", "서울", "서울시", "北京", "北京市", "上海", "大阪", "中", "国", "광화문",
                               "23일 ", " ", "x", "Paris", "。", "、", "香港", "台北", "釜山", "名古屋"])


@given(st.lists(_CJK_PIECES, max_size=12).map("".join))
@example("23일 서울 광화문")
@example("北京市の東京")
def test_cjk_city_over_letter_runs_finds_what_the_letter_walk_finds(text):
    assert places.cjk_city(text) == places._cjk_city_walk(text)


def test_cjk_city_on_real_captions():
    texts = [t for t in _real_texts() if places._CJK_LETTER.search(t)]
    for text in texts:
        assert places.cjk_city(text) == places._cjk_city_walk(text)


_OF_LEAD_PIECES = st.sampled_from([" ", " ", "  ", "\t", "\n", "of", "of ", "Of", "prof", "roof", "in", "at", "near",
                                   "the", "town", "city", "village", "old", "southern", "streets", "x", ",", "Paris",
                                   "a" * 30, "é"])


@given(st.lists(_OF_LEAD_PIECES, max_size=20).map("".join))
@example("in the town of Paris")
@example("near the city of Paris")
@example("the streets of Paris")
@example("in the village  of Paris")
@example("in the " + "a" * 50 + " village of Paris")  # the generic word cut by the window's start
def test_lead_after_of_reads_what_its_patterns_read(text):
    for s in range(len(text) + 1):
        assert places._lead(text, s) == places._lead_read(text, s), (text, s)


def test_lead_after_of_on_real_captions():
    for text in _real_texts():
        for run in places.find_place_runs(text):
            if text.endswith("of ", 0, run.start):
                assert places._lead(text, run.start) == places._lead_read(text, run.start), text[max(0, run.start - 60):run.end]


_GAP_PIECES = st.sampled_from([" ", "  ", ",", ", ", " on ", "on", " in ", "-", " – ", "am", " el ", "martes", "(",
                               "Monday", "monday", " 2019 ", "\n", "south", " of ", " near ", "5 miles ", "outside",
                               " from ", "the ", "capital ", "about ", "a", "x"])


@given(st.lists(_GAP_PIECES, max_size=10).map("".join))
@example(", on ")
@example(", el martes ")
@example(", just outside ")
@example(" 5 miles south of ")
def test_gap_reads_kept_are_the_patterns_readings(gap):
    for kept, pattern in ((places._GAP_BEFORE_READ, places._GAP_BEFORE), (places._GAP_AFTER_READ, places._GAP_AFTER),
                          (places._BEARING_READ, places._BEARING)):
        m = pattern.match(gap)
        plain = None if m is None else (m["dist"], m["dir"], m["rel"]) if pattern is places._BEARING else True
        for _ in range(2):  # read, then read again from what was kept
            assert places._gap_read(kept, pattern, gap) == plain, (pattern, gap)


# what may follow a run that opens its line, and what may follow a name before a city's people
_REST_PIECES = st.sampled_from([" ", "  ", "\n", "\t", "\r", ".", ",", ":", "(", ")", "(Italy)", "c.", "ca. ", "circa",
                                "between 1909 and 1932", "1943", "5", "٣", "May", "É", "é", "is", "b", "c", "x", "-",
                                "snow-removal", "crews", "police", "gym", "Ä", "ß", "ǅ", "ª", "'", "’", "_"])


@given(st.lists(_REST_PIECES, max_size=12).map("".join))
@example("Kilkis, Greece\n")
@example(" (Italy), October 27th 2020")
@example(", between 1909 and 1932")
@example(" ٣")
def test_line_rest_gate_holds_every_match(text):
    for end in range(len(text) + 1):
        if places._LINE_REST.match(text, end):
            assert places._may_rest_line(text, end), (text, end)


@given(st.lists(_REST_PIECES, max_size=12).map("".join))
@example(" police said")
@example(" snow-removal crews")
@example(" gymnasium")
@example(" policeé")
@example(" -x")
def test_people_word_is_the_patterns_word(text):
    for end in range(len(text) + 1):
        m = places._PEOPLE_NEXT.match(text, end)
        assert places._people_word(text, end) == (m[1] if m else None), (text, end)


def test_line_rest_and_people_word_on_real_captions():
    skipped = 0
    for text in _real_texts():
        for run in places.find_place_runs(text):
            m = places._LINE_REST.match(text, run.end)
            if not places._may_rest_line(text, run.end):
                assert m is None, text[run.start:run.end + 40]
                skipped += 1
            people = places._PEOPLE_NEXT.match(text, run.end)
            assert places._people_word(text, run.end) == (people[1] if people else None), text[run.start:run.end + 40]
    assert skipped > 100  # the gate skips work


class _Every:
    """Holds every character: find_place_runs's shortcut for plain runs never taken."""

    def __contains__(self, c):
        return True


def _runs_read(text):
    return [(r.start, r.end, r.parts, r._lead, r.note, r.lead) for r in places.find_place_runs(text)]


_RUN_PIECES_PLAIN = st.sampled_from([" ", "  ", "\n", ",", ", ", ".", "(", " (Cuba)", "Paris", "New York", "Seoul A",
                                     "Friday", "Jumat", "of ", "the ", "in ", "de ", "la ", "l'", "town of ", "Pa.",
                                     "Kerala", "India", "near ", "Mr ", "x", "é", "’"])


@given(st.lists(_RUN_PIECES_PLAIN, max_size=16).map("".join))
@example("the streets of Paris in New York (Cuba), Friday")
@example("walks by Seoul A sedan")
@example("near Renfrew, Pa. and Paris. x")
@example("walks by Jumat x")
def test_plain_run_shortcut_reads_what_the_steps_read(text):
    plain = places._PLAIN_BEFORE
    fast = _runs_read(text)
    try:
        places._PLAIN_BEFORE = _Every()
        assert fast == _runs_read(text), text
    finally:
        places._PLAIN_BEFORE = plain


def test_plain_run_shortcut_on_real_captions():
    texts = _real_texts()
    fast = [_runs_read(t) for t in texts]
    plain = places._PLAIN_BEFORE
    try:
        places._PLAIN_BEFORE = _Every()
        assert fast == [_runs_read(t) for t in texts]
    finally:
        places._PLAIN_BEFORE = plain


class _Everything:
    """A set holding every word: the gate it stands for passes every part."""

    def __contains__(self, item) -> bool:
        return True


_STATE_PIECES = st.sampled_from(["Lincoln", "Nebraska", "Fort McMurray", "Alberta", "British Columbia", "Werder", "Bremen",
                                 "New", "York", "Neb.", "NE", "Ont", "Quebec", "Tbilisi", "Georgia", "Kansas City", "Missouri",
                                 "Electron Microscopy Unit", "Beltsville", "Maryland", "Washington", "D.C.", "Mr", "x"])


@given(st.lists(_STATE_PIECES, min_size=1, max_size=4).map(" ".join))
@example("Fort McMurray Alberta")
@example("Lincoln Nebraska")
def test_state_tail_gate_splits_what_the_plain_lookups_split(part):
    # _split_part tries "TOWN STATE" only when the last word ends a state's or province's form (_state_tail()):
    # the same pairs as trying every part's last words against the tables
    gated = places._split_part(part)
    plain_tail, places._state_tail = places._state_tail, _Everything
    try:
        plain = places._split_part(part)
    finally:
        places._state_tail = plain_tail
    assert gated == plain


_GATE_PIECES = st.sampled_from([" ", "de ", " de", " del", "la ", " du ", "d", "della ", "Dorf ", "Hauptstadt", "stadt", "US-",
                                "Bundesstaat", "Provinz", "Kanton", "Accra", "x", "\n"] + list(places._BEFORE_WORDS))


@given(st.lists(_GATE_PIECES, max_size=12).map("".join))
@example("frente al Tribunal Supremo de Caracas")
@example("im US-Bundesstaat Pennsylvania")
def test_generic_and_romance_gates_answer_as_the_word_tests(text):
    # place_near_date's two searches answer as any(word in text …) over the words each pass needs
    assert bool(places._BEFORE_GATE.search(text)) == any(w in text for w in places._BEFORE_WORDS), text
    assert bool(places._ROMANCE_OF_GATE.search(text)) == any(w in text for w in places._ROMANCE_OF_WORDS), text


def test_generic_and_romance_gates_on_real_captions():
    for text in _real_texts():
        assert bool(places._BEFORE_GATE.search(text)) == any(w in text for w in places._BEFORE_WORDS), text
        assert bool(places._ROMANCE_OF_GATE.search(text)) == any(w in text for w in places._ROMANCE_OF_WORDS), text


_GENITIVE_PIECES = st.sampled_from([" ", "  ", ".", ",", "Berlins", "Kievs", "Paris", "Oslos", "Jones", "in den ", "im ",
                                    "Strassen", "Zentrum", "centrum", "gater", "sentrum", "Gassen", "x", "s",
                                    "Essener", "Dresdner", "Stadtteil", "Hafen", "er"])


@given(st.lists(_GENITIVE_PIECES, max_size=10).map("".join))
@example("auf den Strassen Berlins")
@example("över Kievs centrum")
@example("im Essener Stadtteil Kray")
def test_genitive_gate_holds_every_genitive_match(text):
    # a text the gate turns away holds no match of _GENITIVE (the rule reads nothing there)
    if not places._GENITIVE_GATE.search(text):
        assert places._GENITIVE.search(text) is None, text


def test_genitive_gate_on_real_captions():
    for text in _real_texts():
        if not places._GENITIVE_GATE.search(text):
            assert places._GENITIVE.search(text) is None, text

_GENITIVE_PLAIN = re.compile("|".join(map(re.escape, places._GENITIVE_WORDS)))  # the alternation the gate's tree stands for


@given(st.lists(_GENITIVE_PIECES | st.sampled_from(places._GENITIVE_WORDS) | st.text(max_size=3), max_size=10).map("".join))
@example("Stadtteils")
@example("Vororte")
def test_genitive_gate_answers_as_the_plain_alternation(text):
    # the prefix tree of the innermost words finds a word where the alternation of every word does, and only there
    assert bool(places._GENITIVE_GATE.search(text)) == bool(_GENITIVE_PLAIN.search(text)), text


def test_genitive_gate_as_the_plain_alternation_on_real_captions():
    for text in _real_texts():
        assert bool(places._GENITIVE_GATE.search(text)) == bool(_GENITIVE_PLAIN.search(text)), text


_SW_PIECES = st.sampled_from([" ", ", ", ". ", "jijini", "Jijini", "mjini", "kijiji cha", "Kijiji cha", "mkoani", "Mkoa wa",
                              "mji wa", "jiji la", "Dar es Salaam", "Tanga", "Sindeni", "wilayani", "leo", "x", "JIJINI"])


@given(st.lists(_SW_PIECES, max_size=12).map("".join))
@example("kijiji cha Sindeni, wilayani Handeni mkoani Tanga")
@example("MKOANI TANGA")
def test_swahili_gate_holds_every_reading(text):
    # the gate's substring search passes every text the Swahili reading finds a place in
    if places.swahili_place(text) is not None:
        assert places._sw_gate(text), text


def test_swahili_gate_on_real_captions():
    for text in _real_texts():
        if places.swahili_place(text) is not None:
            assert places._sw_gate(text), text


_CH_PIECES = st.sampled_from([" ", "(", ")", ", ", ". ", "in ", "bei ", "Zwillikon", "Sachseln", "ZH", "OW", "AG", "zh",
                              "teilgenommen", "Feuerwehr", "x", "am ", "Albis"])


@given(st.lists(_CH_PIECES, max_size=12).map("".join))
@example("in Zwillikon (ZH) Feuerwehr")
@example("bei Sachseln OW teilgenommen.")
def test_canton_gate_holds_every_reading(text):
    # the gate's search passes every text the canton reading finds a town in
    if places.swiss_canton_place(text) is not None:
        assert places._CANTON_GATE.search(text), text


def test_canton_gate_on_real_captions():
    for text in _real_texts():
        if places.swiss_canton_place(text) is not None:
            assert places._CANTON_GATE.search(text), text


_CANTON_PLAIN = re.compile(places._CANTON_PLAIN)


@given(st.lists(_CH_PIECES | st.sampled_from(places._CANTON_CODES) | st.sampled_from(["\n", "é", "_", "1", "ZHx"]),
                max_size=12).map("".join))
@example(" ZH")
@example("(OW)")
@example("ZH")
@example("xZH ")
def test_canton_gate_answers_as_the_plain_search(text):
    # the code first and its space or bracket looked back at: a match where the plain search (bracket, then code) has one
    assert bool(places._CANTON_GATE.search(text)) == bool(_CANTON_PLAIN.search(text)), text


def test_canton_gate_as_the_plain_search_on_real_captions():
    for text in _real_texts():
        assert bool(places._CANTON_GATE.search(text)) == bool(_CANTON_PLAIN.search(text)), text


def test_every_swahili_lead_form_holds_a_gate_key():
    # the gate's keys are implied by the lead pattern: each form it matches holds one
    assert all(places._sw_gate(form) for form in places._SW_LEADS)


_TR_PIECES = st.sampled_from([" ", "'ın ", "Zile", "Tokat", "ilçesinde", "ilçesine", "ilçesi", "bağlı", "köyünde",
                              "Karacaören", "x", "İlçe", "ILÇE"])


@given(st.lists(_TR_PIECES, max_size=10).map("".join))
@example("Tokat'ın Zile ilçesine bağlı Karacaören köyünde")
def test_turkish_gate_holds_every_match(text):
    # a text without "ilçe" holds no match of _TR_PLACE (the rule reads nothing there)
    if places._TR_GATE not in text:
        assert places._TR_PLACE.search(text) is None, text


_TR_LOC_PIECES = st.sampled_from(["Erzurum", "Moskova", "İzmir", "Ali", "'", "’", "da", "de", "ta", "te", "dan", "den",
                                  " ", "x", "D", "É", "ğ", ".", "\n", "1"])


@given(st.lists(_TR_LOC_PIECES, max_size=10).map("".join))
@example("Erzurum'da sokağa")
@example("Moskova’da açılan")
@example("Erzurum'da1")
@example("Erzurum'da_x")
def test_turkish_locative_gate_holds_every_match(text):
    # a text the gate passes over holds no match of _TR_LOCATIVE (the rule reads nothing there)
    if not places._TR_LOCATIVE_GATE.search(text):
        assert places._TR_LOCATIVE.search(text) is None, text


@given(st.lists(st.sampled_from(["Recreio", " ", "(", ")", "MG", "AP", "RJ", "Rj", "de ", "x", "São"]), max_size=10).map("".join))
@example("de Recreio (MG)")
def test_brazil_gate_holds_every_match(text):
    # a text the gate passes over holds no match of _BR_TOWN (the rule reads nothing there)
    if not places._BR_GATE.search(text):
        assert places._BR_TOWN.search(text) is None, text


_VI_PIECES = st.sampled_from([" ", ", ", ". ", "(", "thành phố", "Thành phố", "TP", "TP.", "hành", "Đà Nẵng", "Huế", "HCM",
                              "tỉnh", "Quảng Nam", "Tam Kỳ", "x", "tp", "T"])


@given(st.lists(_VI_PIECES, max_size=12).map("".join))
@example("tại TP.HCM ngày 12/1")
@example("ở thành phố Tam Kỳ, tỉnh Quảng Nam")
def test_vietnamese_gate_holds_every_reading(text):
    # the gate's substring search passes every text the Vietnamese reading finds a city in
    if places.vietnamese_place(text) is not None:
        assert places._vi_gate(text), text


def test_vietnamese_gate_on_real_captions():
    for text in _real_texts():
        if places.vietnamese_place(text) is not None:
            assert places._vi_gate(text), text


def test_every_vietnamese_lead_holds_a_gate_key():
    assert all(places._vi_gate(form) for form in places._VI_LEADS)


_SLAVIC_PIECES = st.sampled_from([" ", "  ", ", ", ". ", "\n", "w", "W", "we", "v", "V", "ve", "u", "U", "Warszawie", "Praze",
                                  "Zagrebu", "Sarajevu", "Trnave", "Ä", "ä", "x", "1", "_", "́", "-", "Novák"])
# the plain reading the run-based one replaces: a lead after a space, a new line or the text's start, one space, a word
_SLAVIC_PLAIN = places.regex.compile(r"(?<![^ \n])(?:" + places._alt(places._SLAVIC_LEADS) + r")[ ](\p{Lu}\p{Ll}++)(?![\p{L}\p{M}\-'’])")


def _slavic_plain(text):
    for m in _SLAVIC_PLAIN.finditer(text):
        town = places._slavic_nominative(m[1])
        if town is not None:
            return town[0] if town[1] >= places._SLAVIC_SIZE else None
    return None


def _slavic_runs(text):
    place = places.slavic_place(text, places.find_place_runs(text))
    return place.city if place is not None else None


@given(st.lists(_SLAVIC_PIECES, max_size=12).map("".join))
@example("w Warszawie")
@example("Lidé v Praze")
@example("u  Zagrebu")
@example("\nV Praze")
@example("w Trnave, v Praze")
def test_slavic_runs_read_as_the_plain_scan(text):
    # reading the Slavic "in" from the runs' starts finds the town the plain scan of the text finds
    assert _slavic_runs(text) == _slavic_plain(text), text


def test_slavic_runs_on_real_captions():
    for text in _real_texts():
        assert _slavic_runs(text) == _slavic_plain(text), text


_PART_PIECES = st.sampled_from([" ", ", ", ". ", "stadhuis", "Rathaus", "mairie", "Vieux-Port", "Le ", "van", "von", "de", "del",
                                "di", "Köln", "Nijkerk", "Lyon", "Zaragoza", "San Pedro", "Zuoz", "x", "  ", "\n", "-"])
# the plain reading the run-based one replaces: a part word, one space, "of", one space, up to three capitalised words
_PART_PLAIN = places.regex.compile(r"(?<![\p{L}\p{M}\-])(?:" + places._alt(places._PART_OF_TOWN) + r")[ ](?:van|von|de|du|di|da|do|del|della)[ ]"
                                   r"(?P<town>\p{Lu}[\p{L}\p{M}'’\-]*+(?:[ ]\p{Lu}[\p{L}\p{M}'’\-]*+){0,2})")


def _part_plain(text):
    for m in _PART_PLAIN.finditer(text):
        words = m["town"].split(" ")
        if words[0] in places._SAINT_WORDS:
            continue
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n])
            hit = places.lookup_city(name)
            if hit and not places.lookup_country(name) and not places._kind(name) and (
                    hit[1] >= places._PART_TOWN_SIZE or not places.lookup_subdivision(name)):
                return name
    return None


def _part_runs(text):
    place = places._part_of_town(text, places.find_place_runs(text))
    return place.city if place is not None else None


@given(st.lists(_PART_PIECES, max_size=12).map("".join))
@example("het stadhuis van Nijkerk")
@example("la mairie de Lyon")
@example("Le Vieux-Port de Marseille")
@example("x-mairie de Lyon")
def test_part_of_town_runs_read_as_the_plain_scan(text):
    # reading "of" from the runs' leads (and a Romance "of" inside a run) finds the town the plain scan finds
    assert _part_runs(text) == _part_plain(text), text


def test_part_of_town_runs_on_real_captions():
    for text in _real_texts():
        assert _part_runs(text) == _part_plain(text), text
