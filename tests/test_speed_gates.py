"""The speed-ups change nothing: each cheap gate is implied by the pattern it guards, and each
rewritten pattern finds what the plain one found (Hypothesis, over caption-like text)."""
import pytest
import regex
from hypothesis import example, given, strategies as st

from captionclean import parse
from captionclean.grammar import dates, places, rules

# characters the patterns care about, a few letters, digits (ASCII and Arabic-Indic), spaces
_PIECES = st.sampled_from([" ", "  ", "\t", "\n", ".", ",", ";", ":", ")", "(", "[", "]", "-", "–", "/",
                           "1991", "2019", "05", "3", "٣", "a", "May", "Mar", "March", "In", "June",
                           "Monday", "Maya", "Paris", "St. ", "of", "dated ", "in 2", "D.C."])
_TEXT = st.lists(_PIECES, max_size=16).map("".join)


@given(_TEXT)
@example("Taken in Paris.) 1991\n")
@example("(Photo) 2019. ")
def test_year_end_gate_holds_every_match(text):
    pattern = dict(dates.COMPILED)["year_end"]
    if pattern.search(text):
        assert dates._ends_in_year(text)


@given(_TEXT)
@example("in 2019, dated 05.05.2019")
@example("2019,2019,2019.")  # a comma-year after a number: the gate and the shape both refuse it
@example("x,19٣٣.")  # a year in other digits: neither reads it
@example("at the 2015 Halberg Games")
@example("during Exercise RIMPAC 2018")
def test_every_date_gate_holds_every_match(text):
    for shape, pattern in dates.COMPILED:
        if shape in dates._GATES and pattern.search(text):
            assert dates._GATES[shape](text), shape


@given(_TEXT)
@example("May ٣")  # a day in other digits: the digit gate reads them as the shapes do
@example("(1991)")
def test_every_date_shape_reads_a_digit_and_a_year(text):
    # find_dates reads no shape in a text without a digit, and only the _YEARLESS ones in a text without a year
    for shape, pattern in dates.COMPILED:
        if pattern.search(text):
            assert dates._ANY_DIGIT.search(text), shape
            assert shape in dates._YEARLESS or dates._ANY_YEAR.search(text), shape


@given(_TEXT)
@example("Taken in Paris.) 1991\n")
@example("(Photo) 2019.  ")
@example("x. 1991\n\n")
def test_year_end_begins_where_it_is_read_from(text):
    pattern = dict(dates.COMPILED)["year_end"]
    if dates._ends_in_year(text):
        assert [m.span() for m in pattern.finditer(text, dates._year_end_at(text))] == \
            [m.span() for m in pattern.finditer(text)]


@given(_TEXT)
@example("a \t b  c\t\td ")
def test_tidy_space_changes_what_the_plain_pattern_changes(text):
    assert parse._TIDY_SPACE.sub(" ", text) == regex.sub(r"[ \t]+", " ", text)


@given(_TEXT)
@example("x , y ; z")
def test_tidy_punct_gate_holds_every_change(text):
    if parse._TIDY_PUNCT.search(text):
        assert parse._TIDY_PUNCT_GATE.search(text)


@given(st.lists(st.sampled_from(["May", "March", "Mar", "In", "At", "Monday", "Ma", "M", "Marc"]),
                min_size=1, max_size=6), _TEXT)
def test_trie_matches_what_the_alternation_matches(words, text):
    plain = regex.compile(r"(?:" + places._alt(words) + r")\b")
    tree = regex.compile(places._trie(words) + r"\b")
    for i in range(len(text) + 1):
        assert bool(plain.match(text, i)) == bool(tree.match(text, i))


def _full_scan(text):
    """find_dates as it would be with every shape scanning the whole text (no starts, no digit runs:
    every gate and shape reads the text itself)."""
    saved = dates._starts, dates._digit_runs
    dates._starts = lambda text, *runs: None
    dates._digit_runs = lambda text: None
    dates._READ.clear()  # the dates of texts read before: read again, by the full scan
    try:
        return dates.find_dates(text)
    finally:
        dates._starts, dates._digit_runs = saved
        dates._READ.clear()


_DATE_PIECES = st.sampled_from([" ", ", ", ".", "5", "12", "31", "2019", "1st", " of ", "May", "MAY", "Mayor",
                                "March", "Mar.", "Marvin", "Monday", "MONDAY", "Sun", "Sunni", "Sept", "OMAR",
                                "Oct.", "10", "²", "é", "\n", ")", " de ", "marzo", "º", "17.", "s", "Foto von "])


@given(st.lists(_DATE_PIECES, max_size=14).map("".join))
@example("on 5 March) in Omar")
@example("12 de marzo de 2019, " + "1 2 " * 30 + "5 March 2019, Monday, 17. oktober")  # many numbers: the scans
@example("OMAR 5, 2020 and Marvin 3, 2021")
# a start inside a date an earlier shape found: tried only when a start lies past that date (the match
# there, dropped, hides the starts it covers: "05 May 2020" hides "May"); else not tried
@example("2019-05-05 May 2020")
@example("May 5, 2019 and May 6, Monday May 7")
@example("Monday, 5 May 2019 5 May")
@example("marzo 2019")  # a month in lower case, a year, no "de" between, in ASCII (found by Hypothesis in CI)
@example("pictures23 September 2020, Fabrik2. April 1946, x5 May")  # a day glued to a lower-case letter
def test_dates_tried_at_starts_equal_a_full_scan(text):
    assert dates.find_dates(text) == _full_scan(text)


_YEAR_PIECES = st.sampled_from([" ", "  ", ", ", ",", ".", ")", "(", "\n", ";", "-", "c.", "ca. ", "circa", "circa   ",
                                "in ", "In ", "n ", "2015", "1920", "12019", "20155", "5", "May 5", "Chad", "Games",
                                " Olympics", "Exercise ", "RIMPAC ", "Grand Prix", "A", "é", "²", "Foto", "Aufnahme",
                                "photo", " von ", " from ", " de ", "dem Jahr ", "Jahr ", "-", "年", "년", "摄于", "。",
                                # (in_year_words, year_title, year_close, year_word's "año", circa's "sekitar", year_cjk's list)
                                "nel ", "en ", "EN ", "em ", "vuonna ", "v roce ", " - ", " – ", "Turkey ", "PRIOK ", "IN ",
                                "(note)", " (", "año  ", "AÑO ", "sekitar ", "2.", "の", "頃", "张图,", " rok", " r.",
                                # (year_taken: a taken verb before the year or after it)
                                "taken ", "Scattata nel ", "feta a ", " geschossen", " yılında çekilmiş", "التقطت ", "ÇEKİLEN"])


@given(st.lists(_YEAR_PIECES, max_size=14).map("".join))
@example("Chad, 2015: Giza, c. 1920. In 1943, circa   1950 | x")
@example("May 5, 2019, 2020 Games in 2021.")
@example("Exercise RIMPAC 2018 and the 2015 Grand Prix, 12019 Olympics")
@example("Foto von 1945, Aufnahme aus dem Jahr 1975, photos from 1962-1965, Bild von 19455")  # photo_year
@example("1978년 서울, 摄于2000年。2021年回到")  # year_cjk
@example("1931 - fête, Izmir, Turkey 1962")  # year_title, year_close
@example("Une rue en 1910, vuonna 1913 .Kuva, v roce 1967. Estamos en 1979. HAVEN 1932 (note)")  # in_year_words, year_close
@example("2.1975年の駅前, 第二张图,1962年北京, AÑO 1948 – SEGUNDO, foto , año  1975, Malang, sekitar 1925, 1964 rok.")
@example("Foto feta a la plaça el 1954 (x), taken 1950s, im Jahr 1954 geschossen, 1965 yılında çekilmiş")  # year_taken
def test_years_read_at_their_runs_equal_a_full_scan(text):
    # year_comma, in_year and event_year tried at the commas and years the digit runs give (_AT_RUNS)
    assert dates.find_dates(text) == _full_scan(text)


_RUN_PIECES = st.sampled_from([" ", ".", ",", "-", "/", "\n", "5", "12", "31", "2019", "1850", "20185", "1st", "17.",
                               "(", ")", ", ", "c.", "circa ", "ca. ", "in ", "In ", "\xa0", "\u2003", "of", "de",
                               "º", "² ", "٣", " of ", " de ", "marzo", "julio", "september", "جولائی", "May", "Oct.", "aB", "Games", "C",
                               # (the era, month-word and year-fragment shapes: "昭和36年", "tháng 4/1972", ". 1965 год.")
                               "昭和", "年", "代", "พ.ศ. ", "2505", "tháng ", " năm ", "ngày ", " год", " г", "»", "! ",
                               # (year_word_inner, season_year: "เมื่อปี 1948", "di tahun 1915.", "summer of 1969")
                               "ปี", "เมื่อปี ", "tahun ", "TAHUN", "sejak ", "ถึง", "summer", "Sommer ", "im ",
                               "mùa Xuân ", "Лето", "of ", "Spring/",
                               # (in_year_words, year_title, year_close, "año", "sekitar")
                               "nel ", "en ", "vuonna ", "v roce ", " - ", "Turkey ", "(x)", "año  ", "AÑO ", "sekitar "])


@given(st.lists(_RUN_PIECES, max_size=14).map("".join))
@example("²2020-01-02")  # "²" is str.isdigit, not a digit the shapes read: \b holds before the year
@example("17.02.2026, 2019.08.23 and 2019/5/6")
@example("2022.7.30 2023.10.7 2021.8.31 2019.1")  # one-digit months and days after the dots
@example("the 2015 Halberg Games")
@example("12 de marzo de 2019; 5º julio")
@example("5\xa0marzo, 17.\u2003 de\n julio, 3rd of octubre, 9 \n\xa0marzo")  # the spaces _DAY_LOWER's \s reads
@example("Giza (1920), Luxor (c. 1922) (ca.1930) (circa  1940) ( 1950) (c 1960)")
@example("Chad, 2015, Mali,c. 1920, Niger,  circa   1930, Benin ,2019 5, 2020")
@example("ถ่ายเมื่อปี 1948 หน้า, ปี1950, di tahun 1915. TAHUN 1969, sejak tahun 1990")
@example("im Sommer 1970, the summer of 1969. mùa Xuân 1973. Лето 1969 года. Spring/Summer 2024")
def test_digit_runs_read_what_the_text_scans_read(text):
    # the tests find_dates reads off the runs of digits hold exactly where the scans of the text do
    runs = dates._digit_runs(text)
    if runs is None:  # a digit in another script, or many numbers: the text is read with the scans
        assert dates._ODD_DIGIT.search(text) or len(regex.findall(r"[0-9]+", text)) > dates._MANY_RUNS
        return
    assert runs == [m.span() for m in regex.finditer(r"[0-9]+", text)]
    years = dates._run_years(text, runs)
    assert years == [m.start() for m in dates._YEAR_AT.finditer(text)]
    assert dates._has_year(text, runs, years) == bool(dates._ANY_YEAR.search(text))
    assert bool(runs) == bool(dates._ANY_DIGIT.search(text))
    for shape, gate in dates._RUN_GATES.items():  # each run gate is implied by every match of its shape
        if dict(dates.COMPILED)[shape].search(text):
            assert gate(text, runs, years), shape
    # the day-before-a-lower-case-month starts: tried at each run's last digit, as the scan finds them, in
    # the runs of one or two digits (a day: "\b[0-3]?\d"; no day begins inside a longer number)
    short = {e - 1 for s, e in runs if e - s <= 2}
    assert {m.start() for m in dates._DAY_LOWER.finditer(text) if m.start() in short} <= set(dates._starts(text, runs, years))
    for shape, at_runs in dates._AT_RUNS.items():  # tried where the runs say: every match of a full scan begins there
        pattern = dict(dates.COMPILED)[shape]
        assert {m.start() for m in pattern.finditer(text)} <= set(at_runs(text, runs, years)), shape


_FOREIGN_PIECES = st.sampled_from([" ", "  ", "'", "’", "la ", "l'", "provincia", "ciudad", "province", "cidade",
                                   "de", "du", "del", "da", "do", "di", "della", "dello", "in", "A", "Hubei", ",", "."])


@given(st.lists(_FOREIGN_PIECES, max_size=10).map("".join))
@example("en la provincia de ")
@example("la province du ")
@example("na cidade de ")
@example("in la ciudad de la ")
@example("dans la ville d’")
def test_foreign_of_gate_holds_every_match(before):
    # find_place_runs searches _FOREIGN_OF before a run only where the last word before the
    # spaces can end its match: the gate is implied by every match
    text = before + "Xanadu"
    s = len(before)
    if places._FOREIGN_OF.search(text, max(0, s - 24), s):
        assert text[max(0, s - 24):s].rstrip(" ")[-1:] in "euloai'’"
    if s > 4 and text[s - 1] in " '’" and places._FOREIGN_OF.search(text, max(0, s - 24), s):  # (a run follows a space
        assert text[s - 2] in places._FOREIGN_END  # or an apostrophe)
        assert text[max(0, s - 24):s].rstrip(" ").rpartition(" ")[2] in places._FOREIGN_LAST
        # the three characters before a run after one space end one of those words and the space
        assert text[s - 1] != " " or text[s - 2] == " " or text[s - 3:s] in places._FOREIGN_TAIL3


def _labelled_captions() -> list[str]:
    from conftest import real_texts

    return real_texts("place_cases.json", "credit_cases.json", "date_cases.json", "span_cases.json")


def test_run_cap_never_bites_on_real_captions(monkeypatch):
    # MAX_RUNS bounds the work on junk (a list of thousands of names); every real caption has far fewer
    texts = _labelled_captions()
    capped = [places.find_place_runs(t) for t in texts]
    assert len(texts) > 500 and max(len(r) for r in capped) < places.MAX_RUNS // 2
    monkeypatch.setattr(places, "MAX_RUNS", None)  # islice(…, None): every run
    for text, runs in zip(texts, capped):
        assert [(r.start, r.end, r.parts) for r in places.find_place_runs(text)] == \
            [(r.start, r.end, r.parts) for r in runs]


def test_run_cap_bounds_a_list_of_names():
    text = "Photographed in Paris, France. " + "A/B\n" * 2000
    assert len(places.find_place_runs(text)) == places.MAX_RUNS
    assert parse.parse_caption(text).city == "Paris"


def _bare_tail_plain(tail: str) -> bool:
    from captionclean.grammar import credit

    for w in credit._BARE_FIRST:
        at = tail.rfind(w + " ")
        if at >= 0:
            words = tail[at + len(w) + 1:].split()
            if 2 <= len(words) <= 4 and all(x[:1].isupper() for x in words):
                return True
    return False


@given(st.lists(st.sampled_from([" ", "\t", "\xa0", "Foto", "FOTO", "Picture", "PIC", "Photo", "Ana", "B", "x", ".", ""]),
                max_size=8).map("".join))
@example("Foto Ana\tB")
@example("Foto\xa0Ana B")
def test_bare_tail_gate_changes_nothing(tail):
    from captionclean.grammar import credit

    assert credit._bare_tail(tail) == _bare_tail_plain(tail)


_LEAD_PIECES = st.sampled_from([" ", " ", " ", "  ", "\t", "\n", "the", "The", "in", "In", "at", "near", "of", "prof",
                                "town", "southeastern", "south-west", "el", "en", "øst", "à", "said", ",", ".", "(AP)",
                                ")", "-", "3", "x", "Paris", "é", "“"])


@given(st.lists(_LEAD_PIECES, max_size=24).map("".join))
@example("in southeastern southeastern southeastern Paris")  # the window opens on a space: backtracks
@example("in the the the the Paris")
@example("the town of Paris")
@example("said, the Paris")
def test_lead_reads_what_its_patterns_read(text):
    # _lead reads the common cases without _LEAD: the same word, mark or "" at every position
    for s in range(len(text) + 1):
        assert places._lead(text, s) == places._lead_read(text, s), (text, s)


@pytest.mark.parametrize("text", ["said in the Paris and in the Rome", "near the Paris, of the Rome, prof the Oslo",
                                  "xin the Paris in the Rome", "in Paris.in the Rome", "in southern Paris in the southern Rome"])
def test_lead_words_kept_read_what_their_first_reading_read(text):
    # _lead keeps the answers of plain words ("in", "in the"): read again (a second time from what it kept), the same
    for _ in range(2):
        for s in range(len(text) + 1):
            assert places._lead(text, s) == places._lead_read(text, s), (text, s)


_OF_PIECES = st.sampled_from([" ", "  ", "\n", "of", "Of", "prof", "in", "at", "near", "the", "town", "city", "state",
                              "village", "northern", "x", ",", "A"])


@given(st.lists(_OF_PIECES, max_size=14).map("".join))
@example("in the town of ")
@example("the city of \n")
@example("in the village of  ")
def test_of_gate_holds_every_match(before):
    # _GENERIC_OF and _TOWN_OF end on "of" and spaces: searched only where the text before the run does
    text = before + "Xanadu"
    s = len(before)
    if places._GENERIC_OF.search(text, max(0, s - 60), s):
        assert places._of_before(text, s, 60)
    if places._TOWN_OF.search(text, max(0, s - 20), s):
        assert places._of_before(text, s, 20)
    if places._of_before(text, s, 20):
        assert text[s - 2:s] in places._OF_TAILS or text[s - 1:s] == "\n"



@given(st.lists(st.one_of(_OF_PIECES, _FOREIGN_PIECES), max_size=14).map("".join))
@example("in the town of ")
@example("en la provincia de ")
@example("la province du ")
@example("in the village of  ")
@example("the Paris ")
def test_before_marks_gate_holds_every_match(before):
    # find_place_runs makes neither the _TOWN_OF nor the _FOREIGN_OF test for a run after a space after a
    # character not in _BEFORE_MARKS: neither search finds anything there
    text = before + "Xanadu"
    s = len(before)
    if places._TOWN_OF.search(text, max(0, s - 20), s) or places._FOREIGN_OF.search(text, max(0, s - 24), s):
        assert not (text[s - 1] == " " and s > 4 and text[s - 2] not in places._BEFORE_MARKS)

_DAY_PIECES = st.sampled_from([" ", ",", "on ", "el ", "early ", "last ", "Monday", "MONDAY", "mon", "Sun", "sunday",
                               "quarta", "quarta-feira", "Quarta-Feira", "jum'at", "jum", "hier", "Hierarchy",
                               "aujourd'hui", "sábado", "SÁBADO", "x", "'s", "."])


@given(st.lists(_DAY_PIECES, max_size=8).map("".join))
@example(" quarta-feira")
@example(", on Sunday's")
def test_day_tree_matches_what_the_alternation_matches(text):
    from captionclean.tables import WEEKDAY_WORDS

    plain = regex.compile(r"[ ]*+,?[ ]*+(?:(?:on|" + places._alt(places._DATE_LEAD) + r")[ ]++)?"
                          r"(?:(?:early|late|last|this)[ ]++)?(?i:" + places._alt(WEEKDAY_WORDS | places._RELATIVE_DAY)
                          + r")(?!\p{L})")
    for i in range(len(text) + 1):
        a, b = plain.match(text, i), places._DAY_AFTER.match(text, i)
        assert (a and a.span()) == (b and b.span())


_DATELINE_PIECES = st.sampled_from([" ", "  ", "\n", ",", ", ", ":", ": ", " - ", "-", " – ", "—", "(", ")", ".", ". ",
                                    "/", "PARIS", "Paris", "NEW YORK", "New York", "St. ", "U.S.", "WINSTON-SALEM",
                                    "O'HARE", "ÉVRY", "Évry", "de", "of", "the", "June", "5", "2023", "05/06/2023",
                                    "(AP)", "x", "3"])


@given(st.lists(_DATELINE_PIECES, max_size=12).map("".join))
@example("PARIS - June 5, 2023: ")
@example("New York, U.S. - June 5, 2023: ")
@example("WINSTON-SALEM, N.C. (June 5, 2023) ")
@example("Paris, France: ")
@example("Évry, France: ")
def test_every_dateline_gate_holds_every_match(text):
    # find_dateline tries a rule only where its needed strings and its opening test pass: every match does
    has = {n for n in places._DATELINE_STRINGS if n in text}
    for rule, pattern, needs, needs2, opening in places._DATELINE_STEPS:
        if pattern.match(text):
            if rule in places._CAPS_RULES:  # (skipped for a caption opening "Xx")
                assert not ("A" <= text[:1] <= "Z" and "a" <= text[1:2] <= "z"), rule
            assert not (needs and has.isdisjoint(needs) or needs2 and has.isdisjoint(needs2)), rule
            if rule in _HEADS:  # (the older openings look only so far into the text: a dateline is short)
                assert _HEADS[rule](text), rule


# the opening tests that read what stands before the place's first stop
_HEADS = {
    "dateline_getty": lambda text: places._caps_head(text, places._DASHES),
    "dateline_getty_dash": lambda text: places._caps_head(text, places._DASHES),
    "dateline_caps_dash": lambda text: places._caps_head(text, places._DASHES),
    "dateline_paren_date": lambda text: places._caps_head(text, ("(",)),
    "dateline_no_date": lambda text: places._caps_head(text, (":",)),
    "dateline_mixed_case": lambda text: places._DATELINE_OPENING["dateline_mixed_case"](text),
    "dateline_label": lambda text: places._head_like(text, ",", places._NAME_HEAD) and places._label_shape(text),
    "dateline_place_dash": lambda text: places._DATELINE_OPENING["dateline_place_dash"](text),
}


# the characters the shapes of dateline_mixed_case and dateline_label read: names (accents, marks, apostrophes,
# hyphens, initials), commas, white space of several kinds, dashes, months, digits of two scripts, end marks
_SHAPE_PIECES = st.sampled_from([" ", "  ", "\t", "\n", "\u00a0", ",", ", ", ":", ": ", " - ", " -- ", "-", " – ", "—",
                                 ".", ". ", " / ", "/", "(", "'", "’", "&", "Paris", "São Paulo", "Ma\u0301laga", "N.Y.",
                                 "St. ", "Winston-Salem", "al-Arish", "de", "la", "the", "province", "and", "x", "June",
                                 "JUNE", "Sept.", "5", "23", "2023", "2023/06/05", "05.06.2023", "٣", "Smith", "Lake"])


@given(st.lists(_SHAPE_PIECES, max_size=14).map("".join))
@example("Paris, France - June 5, 2023: ")
@example("São Paulo, Brazil - Sept. 23, 2023\n")
@example("Málaga, Spain -- 2023/06/05: ")
@example("Paris, France – 05.06.2023:")
@example("Paris, France / June")
@example("Paris, France\nSmith")
@example("St. Paris, France. Smith")
@example("Winston-Salem, N.C.: x")
def test_dateline_shapes_hold_every_match(text):
    # _mixed_case_shape and _label_shape are implied by their rule's pattern
    if dict(places.DATELINES)["dateline_mixed_case"].match(text):
        assert places._mixed_case_shape(text)
    if dict(places.DATELINES)["dateline_label"].match(text):
        assert places._label_shape(text)


def test_date_first_gate_holds_a_dash_ending():
    # dateline_date_first's place may end on ' - ' as well as ':', ';' or '.': its gate lets such a caption run
    text = "15 July 2023, PARIS - a crowd gathers"
    pattern = dict(places.DATELINES)["dateline_date_first"]
    assert pattern.match(text)
    assert places.find_dateline(text) is not None


def _cjk_plain(text):
    """cjk_city's scan as it was: every length at every letter, longest first (the names that name no city,
    places._not_cjk_city, passed over as there)."""
    from captionclean.tables import english_city

    names, _ = places._cjk_names()
    longest = max(map(len, names))
    head = text[:places._CJK_SCAN]
    for m in places._CJK_LETTER.finditer(head):
        i = m.start()
        word_start = i if i == 0 or not places._CJK_LETTER.match(head, i - 1) else -1
        for size in range(min(longest, len(head) - i), 1, -1):
            hit = english_city(head[i:i + size]) if head[i:i + size] in names else None
            if hit and not places._not_cjk_city(head, i, i + size, word_start):
                return hit[0]
    return None


@given(st.lists(st.sampled_from(["서울", "서울시", "광화문", "위해", "보기 ", "위해서", "부산", "北京", "北京市", "上海", "東京", "東京都", "大阪", "23일", "路", "개구리가",
                                 "在", "的", "市", " ", "x", "京"]), max_size=10).map("".join))
@example("23일 서울 광화문")
@example("北京市")
def test_cjk_city_reads_what_a_scan_of_every_length_reads(text):
    place = places.cjk_city(text)
    assert (place.city if place else None) == _cjk_plain(text)


_BEFORE_PIECES = st.sampled_from([" ", "  ", ",", ".", "the", "streets", "of", "de", "la", "l'", "outskirts", "Trump’s",
                                  "U.S.", "city", "x", "é", "2011", "\n", "Paris", "St", "Main"])


@given(st.lists(_BEFORE_PIECES, max_size=14).map("".join), st.integers(min_value=0, max_value=40))
@example("the streets of ", 0)
@example("Trump’s decision of the ", 0)
@example("1094-96 Main St., ", 0)
def test_words_before_read_from_word_starts_as_from_every_letter(before, cut):
    # _WORDS_BEFORE and _WORD_BEFORE_COMMA start at a word's first letter (or the window's start):
    # the same earliest match as the plain patterns, which tried every letter
    for pattern in (places._WORDS_BEFORE, places._WORD_BEFORE_COMMA):
        plain = regex.compile(pattern.pattern.replace(r"(?:\G|(?<!\p{L}))(\p{L}++)", r"(\p{L}+)", 1))
        assert plain.pattern != pattern.pattern
        text = before + "Harare"
        s, lo = len(before), min(cut, len(before))
        a, b = plain.search(text, lo, s), pattern.search(text, lo, s)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
@given(st.lists(st.sampled_from(["a", " ", "é", "Ã", "Â", "©", "\xa0", "\x85", "\x07", "\x1f", "\ud800", "&", "#",
                                 "amp", "233", ";", "â€™", "’", "–", "\u00ad"]), max_size=10).map("".join))
@example("&amp;")
@example("Ã ")
@example("â€™")
def test_mojibake_gate_is_the_alternation(text):
    from captionclean.repair import mojibake

    assert mojibake._needs_ftfy(text) == bool(mojibake._NEEDS_FTFY.search(text))


@given(st.lists(st.sampled_from(["a", " ", "\t", "\xa0", "\u2003", "\u200b", "\ufeff", "\u00ad", "é"]),
                max_size=10).map("".join))
def test_space_gates_hold_every_change(text):
    from captionclean.repair import spacing

    if spacing._ODD_SPACE.search(text):
        assert spacing._HAS_ODD_SPACE(text)
    if spacing._INVISIBLE.search(text):
        assert spacing._HAS_INVISIBLE(text)


@given(st.lists(st.sampled_from(["hide", "toggle", "Hide", " caption", " source link", "source", " link", "--", "-",
                                 " ", "x"]), max_size=8).map("".join))
@example("toggle caption")
@example("-- source link")
def test_trailer_needs_hold_every_match(text):
    from captionclean.grammar import trailers

    for name, pattern, needs in trailers._KEYWORD_RULES + trailers._RESTRICTION_RULES:
        if needs and pattern.search(text):
            assert any(n in text for n in needs), name


def _right_after_by_window(folded, value, before, avoid, text):
    """spans._right_after as it was: find_in over a window, kept when the value starts the window."""
    from captionclean import spans

    lo = gap_end = before[1]
    while gap_end < len(folded) and gap_end - lo < 4 and folded[gap_end] in spans._GAP:
        gap_end += 1
    span = spans.find_in(folded, value, (gap_end, min(len(folded), gap_end + len(value) + 1)), avoid, text)
    return span if span and span[0] == gap_end else None


@given(st.lists(st.sampled_from(["Kyiv", "kyiv", "US", "us", "U.S.", "Ukraine", ",", " ", "(", "-", "x"]),
                max_size=8).map("".join),
       st.sampled_from(["Ukraine", "US", "U.S.", "us", " Kyiv ", "", "x"]), st.integers(0, 12),
       st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), max_size=2))
@example("Kyiv, Ukraine", "Ukraine", 4, [])
@example("Kyiv, US", "US", 4, [])
@example("Kyiv, Ukraineans", "Ukraine", 4, [])
def test_right_after_is_the_window_search(text, value, end, avoid):
    from captionclean import spans

    folded = spans._fold(text)
    end = min(end, len(folded))
    assert spans._right_after(folded, value, (0, end), avoid, text) == \
        _right_after_by_window(folded, value, (0, end), avoid, text)


@given(st.lists(st.sampled_from(["Photo ", "taken", "TAKEN", "Taken", "ta\u212aen", "\u017fhot", "SHOT", "shot",
                                 "Aufgenommen", "fotografadas", "PRISE", "pr\u0130se", "tomada", " in ", "2008", ".", " ",
                                 # (year_taken's verbs: Turkish ç and İ, Arabic, a verb after its year)
                                 "çekilmiş", "ÇEKİLMİŞ", "ÇEKILMIŞ", "التُقطت", "التقطت", "geschossen", "GESCHOSSEN", "taget"]),
                max_size=8).map("".join))
@example("Photo ta\u212aen in 2008")  # the Kelvin sign is a k to a case-blind match
@example("Photo pr\u0130se le 4 mai")  # İ is an i, and folds to i and a combining dot
@example("\u017fhot in 1999")  # the long s is an s
def test_taken_gate_holds_every_match(text):
    if dates._TAKEN_WORD.search(text) or dates._P["year_taken"].search(text):
        assert dates._may_say_taken(text)


_OLD_SENTENCE_END = regex.compile(r"\p{L}{4}[.!?][\"”’]?\s+[\"“(]?\p{Lu}")


@given(st.lists(st.sampled_from(["Paris", "Rome", "abc", "É", "é", ".", "!", "?", " ", "  ", "\n", "\"", "”", "(",
                                 "The", "x"]), max_size=12).map("".join))
@example("In Paris. The")
@example("abc. The Rome! (X")
def test_sentence_end_found_from_its_stop(text):
    old, new = _OLD_SENTENCE_END.search(text), dates._SENTENCE_END.search(text)
    assert (old.start() if old else None) == (new.start() - 4 if new else None)


@given(st.sampled_from(sorted(rules._BY_PLAIN) + sorted(rules._BY_PLAIN.values())
                       + ["end_caps_name", "credit.end_caps_name", "year_from_option", "x", "", "date.x"]))
def test_doubt_style_sets_are_what_qualify_gives(rule):
    from captionclean import doubt
    from captionclean.grammar.rules import qualify

    assert (rule in doubt._FALLBACK_FORMS) == (qualify(rule) in doubt._FALLBACK)
    assert doubt._YEAR_FORMS.get(rule) == doubt._YEAR.get(qualify(rule))


@given(st.lists(st.sampled_from(["http://", "https://x.org", "www.", "WWW.", "Www.", "?a=1", "?=", "/", "=", "?", " ",
                                 "REUTERS", "a", ".", "\u0130", "\n"]), max_size=10).map("".join))
@example("REUTERS/Name")
@example("see WWW.EXAMPLE.COM/x now")
@example("page?id=3 x")
def test_url_gate_finds_every_url(text):
    from captionclean.repair import lost

    # _url_spans before its second gate (its first one, "/", "=" or "www", as it was)
    plain = [] if "/" not in text and "=" not in text and "www" not in text else [
        m.span() for m in lost._TOKEN.finditer(text)
        if "://" in m.group() or "www." in m.group().lower() or lost._QUERY.search(m.group())]
    assert lost._url_spans(text) == plain


@given(st.lists(st.sampled_from(["a", "A", "’", "‘", "–", "—", "\xa0", " ", "'", "-", "ß", "\u0130", "É"]),
                max_size=12).map("".join))
@example("O’Neil — 5\xa0km")
def test_fold_replacements_are_the_table(text):
    from captionclean import spans

    plain = text.translate(spans._FOLD)
    folded = plain.casefold()
    if len(folded) != len(plain):
        folded = "".join(low if len(low := ch.casefold()) == 1 else ch for ch in plain)
    assert spans._fold(text) == folded


@given(st.lists(st.sampled_from(["Issue date", "ISSUED", "published", "Publiée", "publié", "PUBLIÉE", "publicado", "by",
                                 "BY", "from", "anniversary of the", "Veröffentlicht", "VERÖFFENTLICHT", "jusqu'au",
                                 "pubblicata", "b\u0130s", "Ab", "ab", "Punjab", "\u017fince", " ", " on ", " in ", ", ", ":", "x", "Paris"]),
                max_size=6).map("".join))
@example("Publié le ")  # an optional letter left out: the stem stops before it
@example("published on ")
@example("\u017fince ")  # the long s is an s to a case-blind match
@example("b\u0130s ")  # İ is an i to a case-blind match, and folds to i and a combining dot
def test_story_date_gate_holds_every_match(before):
    if dates._NOT_PHOTO_DATE.search(before):
        assert dates._NOT_PHOTO_GATE(dates._blind_fold(before))


def test_batch_parse_freezes_the_tables_once(monkeypatch):
    """In the CLI's processes parse_texts moves the loaded tables out of the collector's scans
    (gc.freeze), once a process; a library call leaves the collector alone; the parse is the same."""
    import gc

    from captionclean import core

    text = "PARIS, FRANCE - MAY 5: A view. (Photo by Jane Doe/Getty Images)"
    monkeypatch.setattr(core, "_SETTLED", {"loaded": False, "frozen": False})
    before = gc.get_freeze_count()
    rows = core.parse_texts([text], core.Options())  # a library call: nothing frozen
    assert core._SETTLED == {"loaded": True, "frozen": False} and gc.get_freeze_count() == before
    monkeypatch.setitem(core.FREEZE_TABLES, "on", True)  # as cli.main sets it
    assert core.parse_texts([text], core.Options()) == rows
    assert core._SETTLED["frozen"] and gc.get_freeze_count() > 0
    frozen = gc.get_freeze_count()
    assert core.parse_texts([text], core.Options()) == rows
    assert gc.get_freeze_count() <= frozen  # not again (the first parse's rows, alive, are not frozen)
    assert rows[0][1]["city"] == "Paris"


def test_country_forms_from_the_index_are_the_tables_forms():
    """spans reads a country's other forms from an index built once: the same forms a scan of the
    country table finds, longest first."""
    from captionclean import spans
    from captionclean.tables import countries

    for name in sorted({c.name for c in countries().values()}):
        scan = {f for f, c in countries().items() if c.name == name and f != name.casefold()}
        scan |= {f + "." for f in scan if "." in f}
        got = spans._country_forms(name)
        assert set(got) == scan and len(got) == len(scan), name
        assert [len(f) for f in got] == sorted((len(f) for f in got), reverse=True)


_TRAILER_PIECES = st.sampled_from([" ", ". ", "\n", "-", "(", ")", ":", "/", "OUT", "NO ", "SALES", "Tags:", " Tags",
                                   "EDITORIAL USE ONLY", "MANDATORY CREDIT", "NO ARCHIVES", "caption", "source link",
                                   "TPX IMAGES OF THE DAY", "SEARCH ", "NEW ZEALAND", "AFP", "Reuters", "x"])


@given(st.lists(_TRAILER_PIECES, max_size=12).map("".join))
@example("NEW ZEALAND OUT")
@example("REUTERS/Name TPX IMAGES OF THE DAY")
@example("(Tags: POLITICS) NO RESALES. NO ARCHIVES")
def test_trailer_scan_holds_every_rule_match(text):
    # find_trailers runs no rule on a caption the one scan finds none of the rules' texts in
    from captionclean.grammar import trailers

    if trailers._ANY_NEEDED is None or trailers._ANY_NEEDED(text) is not None:
        return
    for name, pattern, _ in trailers._KEYWORD_RULES + trailers._RESTRICTION_RULES:
        assert pattern.search(text) is None, name


@given(_TEXT)
@example("a ( ) b [\n] c (x) ()")
@example("(\u3000)")
def test_empty_brackets_gate_holds_every_match(text):
    if parse._EMPTY_BRACKETS.search(text):
        assert parse._may_hold_empty_brackets(text)


@given(_TEXT)
@example("a  b   c    d     e")
@example("a \t b  c")
def test_tidy_collapses_space_runs_as_the_plain_pattern(text):
    # _tidy's space step (replaces for runs of spaces, the pattern when a tab is written)
    assert parse._collapse_space(text) == regex.sub(r"[ \t]+", " ", text)


@given(st.lists(st.integers(0, 30), max_size=60), st.data())
def test_members_counting_sort_is_the_numpy_sort(groups, data):
    """core._members' counting sort gives what the numpy stable argsort gives (the groups of a table:
    numbered in order of first appearance, each row a source row number)."""
    from array import array

    from captionclean import core

    seen: dict[int, int] = {}
    group_of = array("l", [seen.setdefault(g, len(seen)) for g in groups])
    source = array("q", data.draw(st.lists(st.integers(1, 10**12), min_size=len(groups), max_size=len(groups))))
    count = array("l", [0]) * len(seen)
    for g in group_of:
        count[g] += 1
    assert list(core._members(group_of, source, count)) == list(core._members_numpy(group_of, source, count))


@given(st.text(st.characters(max_codepoint=127)))
@example("N.C. State's RB Matt_Dayes (21)\n\t-- 2015!")
def test_ascii_dedupe_key_is_the_pattern_key(text):
    """dedupe_key's bytes.translate path on ASCII text hashes what the [\\W_] pattern leaves of the casefolded text."""
    import hashlib

    from captionclean import core

    plain = hashlib.blake2b(core._key_text(text).encode("utf-8"), digest_size=12).digest()
    assert core.dedupe_key(text) == plain


_REPAIR_PIECES = ["a", "More", "(", "...", "[+", "[+12 chars]", " ", "  ", "\n", " \n", "\t", "\r", "?", "\ufffd", "&amp;", "&", "é", "Ã©",
                  "â€™", "’", "\xa0", "Å\xa0arec", "\u2003", "\u200b", "\ufeff", "\u00ad", "\x07", "\x85", "…", "Acu?a",
                  "Â ", "Ã ", "Â", "Ã", "ä", "ñ", "ß", "ø", "ó’", "é”", "Ã¼", "ô\x80"]


def _seed_texts() -> list[str]:
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parent / "data" / "seed.input.jsonl"
    return [json.loads(ln)["text"] for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


@given(st.one_of(st.lists(st.sampled_from(_REPAIR_PIECES), max_size=12).map("".join), st.text(max_size=40),
                 st.sampled_from(_seed_texts())))
@example("")
@example(" ")
@example("a caption ending in a space ")
@example("line one\nline two")
@example("Photo: Moreno Ruiz")
@example("The team celebrates... More (Photo by Jane Doe)")
@example("Line one.\n\nLine two")
@example("Ã© Caf&eacute;")
@example("Fish &amp; Chips")
@example("no-break\xa0space")
@example("a space before \na line break")
@example("a line break\n before a space")
@example("tab\there")
@example("Qui?n")
@example("Bogot\ufffd")
@example("Zürich café, Señor Núñez")
@example("Ã pas")
@example("Â ")
@example("café’s")
def test_clean_already_gate_is_what_the_fixes_do(text):
    """repair_text's gate: a text it lets through is one every fix leaves as it is, recording nothing."""
    from captionclean import repair

    if repair._clean_already(text):  # each fix in turn, as repair_text's first round runs them
        for fix in repair._PIPELINE:
            assert fix(text, repair._DEFAULT_OPTIONS) == (text, [], []), fix.__name__


def test_own_process_raises_the_collector_threshold_a_library_call_does_not(monkeypatch):
    """cli.main's settings (core.own_process): tables frozen and the collector's first threshold raised;
    a library parse leaves the caller's collector settings as they were."""
    import gc

    from captionclean import core

    before = gc.get_threshold()
    try:
        monkeypatch.setattr(core, "_SETTLED", {"loaded": True, "frozen": True})  # nothing to load or freeze here
        core.parse_texts(["A view. (Photo by Jane Doe/Getty Images)"], core.Options())
        assert gc.get_threshold() == before
        monkeypatch.setitem(core.FREEZE_TABLES, "on", False)
        core.own_process()
        assert core.FREEZE_TABLES["on"] and gc.get_threshold() == (core.GC_THRESHOLD, *before[1:])
    finally:
        gc.set_threshold(*before)


def test_gazetteer_vocabulary_skips_only_what_add_refuses():
    """The gazetteer's vocabulary, built from its non-ASCII names only, is the one every word of every
    name would give (Vocabulary.add keeps no ASCII word)."""
    from captionclean import tables
    from captionclean.repair import vocabulary

    plain = vocabulary.Vocabulary()
    for name in list(tables.gazetteer()) + list(tables.countries()):
        for m in vocabulary._WORD.finditer(name):
            plain.add(m.group())
    built = vocabulary._gazetteer_vocabulary()
    assert built._index == plain._index and len(built) > 1000


def test_word_lists_from_the_cache_do_not_import_wordfreq():
    """With the word lists' cache in place, a process reads it without importing wordfreq (and ftfy,
    langcodes with it): ~0.1 s of CPU each run."""
    import os
    import subprocess
    import sys

    from captionclean import wordlists

    if wordlists.word_lists() is None or not os.path.isfile(str(wordlists._cache_path())):
        pytest.skip("no word lists cache here")
    code = ("import sys; from captionclean.wordlists import word_lists; "
            "assert word_lists() is not None; print('wordfreq' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _of_place_plain(text, start):
    """_of_place as it was: _WORDS_BEFORE's search at every call."""
    m = places._WORDS_BEFORE.search(text, max(0, start - 60), start)
    if not m:
        return False
    before = text[m.start():start].split()
    return any(w.casefold().strip(",.") in places._PLACE_OF for w in before[:-1])


_OF_PIECES = st.sampled_from([" ", "  ", ",", ".", "(", "'", "’", "of ", "de ", "des ", "von ", "the ", "la ", "l'",
                              "streets ", "Streets ", "STRASSE ", "outskirts ", "calles ", "città ", "ÉDIFICE ", "capital ",
                              "centre ", "x ", "Main ", "Harare", "Jerusalén"])


@given(st.lists(_OF_PIECES, max_size=16).map("".join))
@example("the streets of Harare")
@example("las calles de Jerusalén")
@example("(streets of Harare")
@example("a CAPITAL of Harare")
def test_of_place_gate_changes_nothing(text):
    # _of_place looks for a place_of word in its window before its pattern: the same answer at every position
    for start in range(len(text) + 1):
        assert places._of_place(text, start) == _of_place_plain(text, start)


def test_of_place_gate_finds_every_word():
    for word in places._PLACE_OF:
        assert places._PLACE_OF_IN.search(word.casefold()) and places._PLACE_OF_IN.search(word.upper().casefold())


def _find_in_plain(folded, value, within=None, avoid=(), text=None):
    """spans.find_in as it was written: each occurrence's tests through _word_bounded and any()."""
    from captionclean import spans

    needle = spans._needle(value)
    if not needle:
        return None
    lo, hi = within if within else (0, len(folded))
    pos = folded.find(needle, lo, hi)
    while pos >= 0:
        end = pos + len(needle)
        if (spans._word_bounded(folded, pos, end) and not any(s < end and pos < e for s, e in avoid)
                and (text is None or len(needle.replace(".", "")) > 3 or text[pos:end].isupper())):
            return (pos, end)
        pos = folded.find(needle, pos + 1, hi)
    return None


@given(st.lists(st.sampled_from(["Kyiv", "kyiv", "KYIV", "US", "us", "U.S.", "u.s.", "Ukraine", "AFP", "afp", ",", " ",
                                 "(", "-", "x", "é", "1", "’"]), max_size=10).map("".join),
       st.sampled_from(["Ukraine", "US", "U.S.", "us", "Kyiv", " Kyiv ", "AFP", "", "x", "’s"]),
       st.one_of(st.none(), st.tuples(st.integers(0, 20), st.integers(0, 30))),
       st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), max_size=2), st.booleans())
@example("Kyiv us US", "US", None, [], True)
@example("AFP/afp", "afp", (1, 9), [(0, 3)], False)
@example("afp AFP", "AFP", None, [], True)  # three letters: only where written in capitals
@example("xKyiv Kyiv1 Kyiv", "Kyiv", None, [], False)  # a whole word only
@example("xKyiv Kyiv1", "Kyiv", None, [], False)
def test_find_in_tests_each_occurrence_as_written(text, value, within, avoid, with_text):
    from captionclean import spans

    folded = spans._fold(text)
    args = (folded, value, within, avoid, text if with_text else None)
    assert spans.find_in(*args) == _find_in_plain(*args)


@given(st.lists(_YEAR_PIECES, max_size=14).map("".join))
@example("Antalya, Turkey 1955")
@example("HAVEN VAN SOERABAJA 1932 (Familiearchief)\n")
@example("De haven 1932 (a) (b).")
@example("Le moulin - 1926 .")
def test_year_close_tried_at_its_one_start_equals_a_scan(text):
    # year_close is tried only where _close_year_at says its year must begin (the year closing the text): every
    # match a scan of the whole text finds begins there, and none when it says there is none
    starts = {m.start() for m in dates._P["year_close"].finditer(text)}
    at = dates._close_year_at(text)
    assert starts <= ({at} if at >= 0 else set()), (starts, at)


def test_no_month_name_form_holds_another_after_its_first_letter():
    # _starts reads an ASCII text's month and weekday names with finditer (non-overlapping matches): exact
    # only while no name form ends another one past its first letter (_names_overlapping's reasoning: a form
    # inside another, "ENE" in "GENER", is followed by a letter and cannot match; one running past its end
    # cannot either, the longer one's match needing no letter after it)
    forms = dates._NAME_FORMS
    assert not [(a, b) for a in forms for b in forms if a != b and a.endswith(b)]
    assert all(f.isalpha() for f in forms if f.isascii())


@given(st.lists(_DATE_PIECES, max_size=14).map("".join))
@example("MAYOKT 5, OCTOBER 2019 Monday, May 5")
def test_name_starts_by_finditer_equal_the_overlapping_search(text):
    if text.isascii():
        assert [m.start() for m in dates._NAME_START_ASCII.finditer(text)] == \
            [m.start() for m in dates._NAME_START.finditer(text)] == [m.start() for m in dates._names_overlapping(text)]


def test_tries_at_runs_writes_the_shapes_in_their_order():
    # _tries_at_runs writes the shapes out one by one: in SHAPES' order (an earlier shape's date wins an overlap)
    assert list(dates._RUNS_ORDER) == [shape for shape, _ in dates.SHAPES]


@given(st.lists(_RUN_PIECES, max_size=14).map("".join))
@example("dated 17.02.2026, 2019-05-06 5/6/2019 May 5, 2019 in 2019, Chad, 2015 (1920) 2015 Games 2019")
def test_tries_at_runs_keep_the_shapes_order(text):
    runs = dates._digit_runs(text)
    if not runs:
        return
    years = dates._run_years(text, runs)
    tried = [shape for shape, _, _ in dates._tries_at_runs(
        text, runs, years, dates._has_year(text, runs, years), dates._starts(text, runs, years))]
    assert tried == sorted(tried, key=dates._RUNS_ORDER.index)


_PLACE_RUN_PIECES = st.sampled_from([" ", "  ", ", ", ",", ".", "'", "’", "-", "\n", "(", ")", "5", "in ", "near ", "the ",
                                     "of ", "de ", "Paris", "New York", "St. ", "Mt.", "U.S.", "Deir al-Balah", "May",
                                     "Monday", "northern ", "city", "Ébène", "é", "x", "İzmir", "ǅemal", "\u0301"])


@given(st.lists(_PLACE_RUN_PIECES, max_size=14).map("".join))
@example("in Paris, France, near St. Louis, Mo. (U.S.) and Deir al-Balah, northern Gaza")
@example("ǅemal Bijedić, Mostar")  # a title-case capital (Lt) opens no run: \p{Lu} only, as the words read
def test_place_runs_opened_by_a_capital_equal_the_plain_pattern(text):
    # _RUN's look-ahead for a capital (what every run opens with) leaves its matches as they were
    plain = regex.compile(places._RUN_BODY)
    assert [m.span() for m in places._RUN.finditer(text)] == [m.span() for m in plain.finditer(text)]


_WORD_YEAR_PIECES = st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "de", "del", " de ", "julio", "marzo", "Marzo", "in",
                                     "since", "x", "é", "²", "_", "5", "٣", "-", "'", ",", "2019", "1850", "a" * 12])


@given(st.lists(_WORD_YEAR_PIECES, max_size=14).map("".join))
@example("julio de 2022")
@example("en julio del 2022")
@example("x-de 2019")
@example("de de 2019")
@example("a" * 40 + " de 2019")  # the window's start inside the word before "de"
@example("xx de  \n2019")
def test_word_before_read_back_is_the_search(text):
    # every year position the caller reads: white space before it, a letter before that, inside the window
    for y in range(len(text) + 1):
        window = dates._year_window(text, y)
        if window is None:
            continue
        m = dates._WORD_BEFORE.search(text, window[0], y)
        assert m is not None and dates._word_before(text, *window) == m.span(1), (text, y)


def _month_word_plain(text: str):
    """_MONTH_WORD without its ASCII shortcut: a substring test for each form."""
    return True if any(f in text for f in dates._MONTH_WORD_FORMS) else None


@given(st.lists(st.sampled_from([" ", "tháng", "Tháng", "THÁNG", "thang", "THANG", "7", "năm 2019", "x", "é", "\n"]
                                + list(dates._MONTH_WORD_FORMS)), max_size=10).map("".join))
@example("ngày 5 tháng 7 năm 2019")
@example("5 thang 7 2019")
def test_month_word_ascii_shortcut_is_the_plain_test(text):
    """An ASCII text is answered by its flag alone where no form is ASCII: as every form's substring test would."""
    assert dates._MONTH_WORD(text) == _month_word_plain(text), text


def test_month_word_ascii_shortcut_on_real_captions():
    texts = _labelled_captions()
    assert any(_month_word_plain(t) for t in texts)  # the labelled captions hold the month word: the test can fail
    for text in texts:
        assert dates._MONTH_WORD(text) == _month_word_plain(text), text
