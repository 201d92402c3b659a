"""Photo dates: the date phrase in every common form, never the story's date."""
import pytest
from hypothesis import given, settings, strategies as st

from captionclean.grammar.dates import find_dates, photo_date
from captionclean.parse import parse_caption
from captionclean import tables
from captionclean.tables import date_words

from conftest import assert_rules, case_params, real_texts


@pytest.mark.parametrize("case", case_params("date_cases.json"))
def test_date_case(case):
    rec = parse_caption(case["text"])
    wants = case["date"] if isinstance(case["date"], list) else [case["date"]]
    assert rec.date in wants, (rec.date, rec.style, case["convention"])
    assert_rules(case, rec)


def test_no_year_leaves_date_blank_with_warning():
    # shape of dev d0007 / LABELS.md: month and day, no year anywhere
    rec = parse_caption("Commuters walk across a bridge in New York, May 25. REUTERS/Lucas Jackson")
    assert rec.date == ""
    assert any(w.startswith("no_year") for w in rec.warnings)
    assert rec.partial_date == (5, 25)


def test_year_option_completes_and_says_so():
    rec = parse_caption("Commuters walk across a bridge in New York, May 25. REUTERS/Lucas Jackson", year=2019)
    assert (rec.date, rec.date_inferred) == ("2019-05-25", True)


@pytest.mark.parametrize("text", [
    "Issue date: Thursday April 2, 2015.",        # PA, dev d0020
    "an operation that began in January 2005",    # LABELS.md
    "on the eighth anniversary of the Sept. 11, 2001 attacks",
])
def test_story_dates_are_not_the_photo_date(text):
    assert photo_date(text, find_dates(text)) is None


@settings(max_examples=200, deadline=None)
@given(st.integers(1900, 2099), st.integers(1, 12), st.integers(1, 28),
       st.sampled_from(["{M} {d}, {y}", "{d} {M} {y}", "{m}. {d}, {y}", "Monday, {M} {d}, {y}"]))
def test_written_dates_round_trip(y, m, d, shape):
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    abbr = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]
    text = "Children play in a park in Lagos, Nigeria, " + shape.format(M=months[m - 1], m=abbr[m - 1], d=d, y=y) + "."
    found = photo_date(text, find_dates(text))
    assert found is not None and found.iso() == f"{y:04d}-{m:02d}-{d:02d}"


@settings(max_examples=200, deadline=None)
@given(st.integers(1900, 2099), st.integers(1, 12), st.integers(1, 28), st.sampled_from(["", " "]),
       st.sampled_from(["=", "", "撮影"]), st.sampled_from([("年", "月", "日"), ("년", "월", "일")]))
def test_cjk_counted_dates_round_trip(y, m, d, gap, before, counters):
    # ymd_cjk: a year, month and day each closed by its counter, spaced (Korean) or not
    yc, mc, dc = counters
    text = f"警察官ら{before}{y}{gap}{yc}{gap}{m}{gap}{mc}{gap}{d}{gap}{dc}午後、東京"
    found = photo_date(text, find_dates(text))
    assert found is not None and found.iso() == f"{y:04d}-{m:02d}-{d:02d}" and found.shape == "ymd_cjk"
    # the same without its day: year and month
    text = f"{y}{gap}{yc}{gap}{m}{gap}{mc}中空拍的台北車站"
    found = photo_date(text, find_dates(text))
    assert found is not None and found.iso() == f"{y:04d}-{m:02d}" and found.shape == "ym_cjk"


@settings(max_examples=200, deadline=None)
@given(st.integers(1900, 2099), st.integers(1, 12), st.integers(1, 28), st.booleans(),
       st.sampled_from(["부산 해운대해수욕장에 피서 인파가 몰렸다. ", "警方在聯合廣場外拉起封鎖線。 記者 郭梓謙 ", "東京の街。 "]))
def test_dotted_dates_with_one_digit_month_or_day(y, m, d, padded, lead):
    # ymd_dots: Korean, Chinese and Japanese wire stamps write "2022.7.30" as well as "2022.07.30"
    stamp = f"{y}.{m:02d}.{d:02d}" if padded else f"{y}.{m}.{d}"
    found = photo_date(lead + stamp, find_dates(lead + stamp))
    assert found is not None and found.iso() == f"{y:04d}-{m:02d}-{d:02d}" and found.shape == "ymd_dots"
    # in Latin text only the two-digit form: "IntelliJ IDEA 2020.3.1" is a release, not a day
    latin = f"Screens of IntelliJ IDEA {stamp} at a fair"
    assert any(f.shape == "ymd_dots" for f in find_dates(latin)) == (padded or (m > 9 and d > 9))


@settings(max_examples=150, deadline=None)
@given(st.integers(1850, 2099), st.sampled_from(sorted(date_words()["photo_noun"])),
       st.sampled_from(sorted(date_words()["photo_from"]) + ["aus dem Jahr"]), st.booleans(),
       st.sampled_from([".", ",", ";", " zeigt", " shows"]))
def test_a_pictures_year_is_the_photos(y, noun, lead, undated, after):
    # photo_year: a picture's noun, "from" and a year (date_words.csv), even in an undated picture;
    # a later full date in the text is the story's
    text = f"{'Undated ' if undated else ''}{noun} {lead} {y}{after} Am 13. Februar 1945 brannte die Stadt."
    found = photo_date(text, find_dates(text))
    assert found is not None and (found.iso(), found.shape) == (f"{y:04d}", "photo_year")


@settings(max_examples=150, deadline=None)
@given(st.integers(1850, 2099), st.sampled_from(["년 ", "년, ", "年 ", "年,", "年，"]), st.sampled_from(["", " "]))
def test_a_cjk_year_opening_the_caption_is_the_photos(y, counter, gap):
    text = f"{y}{gap}{counter}서울 광화문에서 시민들이 걷고 있다. 新华社记者 摄"
    found = photo_date(text, find_dates(text))
    assert found is not None and (found.iso(), found.shape) == (f"{y:04d}", "year_cjk")


@pytest.mark.parametrize("text", [
    "摄影师许景星。2021年回到新加坡修读硕士课程的王晴。",  # a year inside the sentence (corpus r0181)
    "自2007年起，马拉加已经修建了400多座运动场。",        # "since 2007" (corpus r0357)
    "上图：2000年代的北京街头。",                          # "the 2000s"
])
def test_a_cjk_year_inside_a_sentence_is_not_the_photos(text):
    assert all(d.shape != "year_cjk" for d in find_dates(text))


@pytest.mark.parametrize("text", [
    "Ein Bild von 2000 Menschen auf dem Platz.",  # a number of people, not a year
    "Foto von 1939-1945 aus dem Archiv.",         # a range
    "The photo from 20155 archives.",
])
def test_a_number_after_a_pictures_noun_is_no_year(text):
    assert all(d.shape != "photo_year" for d in find_dates(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Undated", "undated", "UNDATED", "Undatierte", "undatiertes", "undatierten", "Archiv",
                                 "Bild", "bild", "Foto", "photo", "picture", "Imagen", "imagen", "image", " sin fecha",
                                 "Mandatory", "ndat", " ", "n"]), max_size=6).map("".join))
def test_undated_gate_holds_every_match(text):
    # is_undated's C test (a word every way of _UNDATED holds) lets through each text the pattern matches
    from captionclean.grammar import dates
    assert dates.is_undated(text) == bool(dates._UNDATED.search(text))


@pytest.mark.parametrize("text", real_texts("date_cases.json"))
def test_undated_gate_on_real_captions(text):
    from captionclean.grammar import dates
    assert dates.is_undated(text) == bool(dates._UNDATED.search(text))


@settings(max_examples=150, deadline=None)
@given(st.integers(1850, 2099), st.sampled_from(sorted(tables.YEAR_FIRST_MONTH_WORDS)), st.integers(1, 28),
       st.sampled_from([".", "", "-án", " ●"]))
def test_a_year_first_date_round_trips(y, month, d, after):
    # ymd_words: "1956. október 23." (a year-first language's month names, months.csv)
    text = f"Budapest, {y}. {month} {d}{after} Tüntetők a téren."
    found = photo_date(text, find_dates(text))
    assert found is not None and (found.iso(), found.shape) == (f"{y:04d}-{tables.MONTH_WORDS[month]:02d}-{d:02d}", "ymd_words")


@settings(max_examples=150, deadline=None)
@given(st.integers(1850, 2099), st.sampled_from(["January", "November", "December", "Szeptember", "March"]),
       st.integers(1, 28))
def test_an_english_sentence_after_a_year_is_no_year_first_date(y, month, d):
    # a capitalised name after "YYYY. " opens the next sentence ("… in 2001. November 5 was …"): not ymd_words
    text = f"They left the city in {y}. {month} {d} was the last day."
    assert all(dd.shape != "ymd_words" for dd in find_dates(text))


@settings(max_examples=150, deadline=None)
@given(st.integers(1850, 2099), st.integers(1, 28), st.integers(1, 12), st.sampled_from(["", "."]))
def test_a_day_glued_to_its_month_reads_the_day(y, d, m, dot):
    # "16.juli 1926" (after the day's stop), "19يناير 2016" (a name in Arabic script after the day)
    names = {w: n for w, n in tables.MONTH_WORDS.items() if n == m}
    arabic = next(w for w in sorted(names) if "\u0600" <= w[0] <= "\u06ff")
    latin = next(w for w in sorted(names) if w in tables.FOREIGN_MONTH_WORDS and w.isalpha() and w.isascii() and len(w) >= 5)
    for text in (f"{d}{dot}{arabic} {y} – صورة", f"Svartskog, {d}.{latin} {y}. Foto: Ola Nordmann"):
        found = photo_date(text, find_dates(text))
        assert found is not None and found.iso() == f"{y:04d}-{m:02d}-{d:02d}", text


@settings(max_examples=150, deadline=None)
@given(st.integers(1850, 2099), st.sampled_from(["以来", "代", "起", "至今", "到", "前", "后", "後", "5月"]),
       st.sampled_from(sorted(date_words()["photo_lead_cjk"])))
def test_a_cjk_span_after_a_photo_word_is_not_the_photos_year(y, after, lead):
    # 这是2019年以来… ("since"), 图为2000年代… (a decade), 摄于1953年5月… (ymd_cjk's, or none if the day fails)
    text = f"{lead}{y}年{after}的街景。"
    assert all(d.shape != "year_cjk" for d in find_dates(text))


@settings(max_examples=150, deadline=None)
@given(st.integers(1850, 2099), st.sampled_from(sorted(date_words()["year_word"])),
       st.sampled_from(["vào ", "in the ", "w ", "i ", "sau "]), st.sampled_from([".", "", ")"]))
def test_a_year_word_inside_a_sentence_is_not_the_photos(y, word, before, after):
    # year_word reads its word opening a phrase ("Rok 1942.", ", năm 1945."), not "… vào năm 2000." in a story
    text = f"Bà kể lại lần gặp gỡ cuối cùng {before}{word} {y}{after}"
    assert all(d.shape != "year_word" for d in find_dates(text))


@settings(max_examples=150, deadline=None)
@given(st.integers(1850, 2099), st.sampled_from(sorted(date_words()["year_word_inner"])),
       st.sampled_from(sorted(date_words()["year_span"])), st.sampled_from(["", " "]), st.sampled_from([".", "", ","]))
def test_a_span_of_years_after_a_year_word_is_not_the_photos(y, word, span, gap, after):
    # year_word_inner reads "เมื่อปี 1948 …", "di tahun 1915."; not a span's ends ("sejak tahun 1990", "ปี 1990 ถึง 2000")
    for text in (f"Toko ini {span}{gap}{word} {y}{after}", f"Toko ini {word} {y} {span} {y + 5}{after}"):
        assert all(d.shape != "year_word_inner" for d in find_dates(text)), text


@settings(max_examples=150, deadline=None)
@given(st.integers(1850, 2099), st.sampled_from(sorted(date_words()["year_word_inner"])),
       st.sampled_from(["-an", "s", "an", "0", "–1960", "/61"]))
def test_a_decade_after_a_year_word_is_not_read(y, word, after):
    # "pada tahun 1950-an" is a decade: no year of the photo
    text = f"Suasana pasar pada {word} {y}{after}."
    assert all(d.shape != "year_word_inner" for d in find_dates(text))


@settings(max_examples=150, deadline=None)
@given(st.integers(1850, 2099), st.sampled_from(sorted(date_words()["season"])), st.sampled_from(sorted(date_words()["season"])),
       st.sampled_from(["/", " ", "-", " & "]), st.sampled_from([" collection", " show.", "", ",", " at the museum."]))
def test_a_collections_seasons_are_no_photo_date(y, first, second, sep, after):
    # a fashion collection's pair of seasons ("Spring/Summer 2024", "spring summer 2023") or a capitalised season
    # after a brand's name ("COACH Spring 2024 …") names a collection, not when the photo was taken
    for text in (f"Models walk for Acme {first.capitalize()}{sep}{second} {y}{after}",
                 f"Models walk for Acme {first}{sep}{second.capitalize()} {y}{after}",
                 f"Models walk for Acme {second.capitalize()} {y}{after}"):
        assert all(d.shape != "season_year" for d in find_dates(text)), text


@settings(max_examples=150, deadline=None)
@given(st.integers(1850, 2099), st.sampled_from(sorted(date_words()["in_year"])),
       st.sampled_from([" la halle", " ha", "s", "-70", "–1975", "/61", "0"]), st.sampled_from([".", "", ","]))
def test_a_year_inside_its_phrase_after_in_is_not_read(y, word, after, stop):
    # in_year_words reads "nel 1956", "en 1910." closing a phrase: not "en 1910 la halle", a decade or a span
    for text in (f"La place {word} {y}{after}{stop}", f"Entre {y - 5} {word} {y}{stop}"):
        assert all(d.shape != "in_year_words" for d in find_dates(text)), text


@settings(max_examples=150, deadline=None)
@given(st.integers(1850, 2099), st.sampled_from(["der Fertigstellung", "© European Union", "CHINA, IN", "the Fair",
                                                 "Bild nr 16", "taken in", "Paris 1950 -", "avant la Guerre de"]),
       st.sampled_from(["", ".", " (note)"]))
def test_a_year_closing_the_caption_after_no_place_is_not_read(y, before, after):
    # year_close reads a year after one to three capitalised words opening the caption, a sentence or a phrase after
    # a comma or "in", or after a word and a dash: not a noun after an article, a sign, a short word, a number
    text = f"Blick vom Turm auf die Stadt vor {before} {y}{after}"
    assert all(d.shape != "year_close" for d in find_dates(text)), text


@settings(max_examples=150, deadline=None)
@given(st.integers(1850, 2098), st.sampled_from([" - ", " – ", ", ", ","]), st.sampled_from(["", " ", "s", "-"]))
def test_a_span_or_list_of_years_opening_the_caption_is_no_title_year(y, sep, tail):
    # year_title reads "1930 - anniversaire …", "1955, καρέ …": not "1950 - 1960 …" nor "1955, 1956 …"
    text = f"{y}{sep}{y + 1}{tail} la place du marché"
    assert all(d.shape != "year_title" for d in find_dates(text)), text


@settings(max_examples=150, deadline=None)
@given(st.integers(1850, 2099), st.sampled_from(sorted(date_words()["season"])),
       st.sampled_from([" at a farm", " he moved", "s", "-70", " to 1975"]))
def test_a_season_inside_a_sentence_is_not_the_photos(y, season, after):
    # season_year's year closes its phrase: "hatched in the fall of 2022 at a fish farm" is the story's season
    text = f"The fish hatched in the {season} of {y}{after} and grew."
    assert all(d.shape != "season_year" for d in find_dates(text))


@settings(max_examples=150, deadline=None)
@given(st.integers(1850, 2099), st.sampled_from(sorted({w for w in tables.MONTH_WORDS if w not in tables.CAPITAL_MONTH_WORDS
                                                         and w.isalpha() and w.isascii() and w not in tables.MONTHS})))
def test_a_capitalised_name_that_is_another_word_is_no_month(y, word):
    # "The Mars 2020 rover", "Marco 2019", "Mayo 2018": months.csv also_word names are read in lower case only
    text = f"The {word.capitalize()} {y} team arrives at the stadium."
    assert all(d.shape != "month_year_words" for d in find_dates(text))


@settings(max_examples=150, deadline=None)
@given(st.integers(1850, 2099), st.sampled_from(["circa ", "Circa ", "ca. ", "c.", "CIRCA "]),
       st.sampled_from(["s", "-25", "–1930", "/31", "'s"]))
def test_circa_a_decade_or_a_span_is_no_year(y, circa, after):
    # "ca. 1930s", "c. 1920-25": not one year; "circa 1900" inside a sentence of the story is not the photo's either
    text = f"Workers at the mill. {circa}{y}{after}. Built {circa}{y} by the railway, the station opened."
    assert all(d.shape != "year_circa" or d.start > text.index("Built") for d in find_dates(text))
    assert photo_date(text, find_dates(text)) is None


@pytest.mark.parametrize("era", sorted(tables.eras()))
def test_an_eras_year_counts_from_its_first_year(era):
    # eras.csv: the era's year N is first_year + N - 1 (Japanese 昭和2年 = 1927; Thai พ.ศ. 2500 = 1957)
    first, _ = tables.eras()[era]
    n = 2 if first > 0 else 2500
    text = f"{era}{n}年" if first > 0 else f"{era} {n}"
    assert [(d.shape, d.year) for d in find_dates(text)] == [("era_year", first + n - 1)]


@given(st.sampled_from(sorted(w for w, (first, _) in tables.eras().items() if first > 0)),
       st.integers(1, 99), st.text(max_size=8))
def test_an_eras_decade_or_a_year_past_its_end_is_no_date(era, n, after):
    # "昭和30年代" is a decade, and 平成35年 never was (平成 ended in 2019): neither is read
    first, last = tables.eras()[era]
    assert not [d for d in find_dates(f"{era}{n}年代{after}") if d.shape == "era_year"]
    if last is not None and first + n - 1 > last:
        assert not [d for d in find_dates(f"{era}{n}年{after}") if d.shape == "era_year"]


@given(st.integers(1, 31), st.integers(1, 12), st.integers(1900, 2030))
def test_a_number_of_months_before_thang_is_no_day(n, month, year):
    # "Sau 6 tháng 10 năm 2020": a number before the month's word without ngày counts months, not days
    for d in find_dates(f"Sau {n} tháng {month} năm {year} anh trở về"):
        assert d.day is None, d


@given(st.sampled_from(["He was born in", "the season of", "Score", "Since", "a"]), st.integers(1800, 2099),
       st.sampled_from([". Then", " год. Автор", ". 1"]))
def test_a_year_inside_a_sentence_is_no_fragment(before, year, after):
    # year_fragment reads a year opening the text, a line or a sentence only: never one a word leads
    assert not [d for d in find_dates(f"{before} {year}{after}") if d.shape == "year_fragment"]


_DAY_FIRST_LANGS = ("ro", "sl", "hr", "sr", "bg", "mk", "ca", "sw", "ms")


@settings(max_examples=200, deadline=None)
@given(st.integers(1850, 2099), st.integers(1, 28),
       st.sampled_from(sorted((w, n) for w, n, lang in tables._MONTH_ROWS
                              if lang in _DAY_FIRST_LANGS and w not in tables.MONTHS)),
       st.sampled_from(["{d}. {w} {y}.", "{d} {w} {y}", "{d} de {w} de {y}"]))
def test_day_first_month_names_of_more_languages(y, d, word_month, shape):
    """Romanian, Slovene, Croatian, Serbian (both scripts), Bulgarian, Macedonian, Catalan, Swahili and Malay month
    names (months.csv) read in the day-first shapes: the photo's day, month and year (a word English writes too,
    "august", "jul", is read by the English shapes)."""
    word, month = word_month
    text = "Ceremony at the square, " + shape.format(d=d, w=word, y=y)
    found = photo_date(text, find_dates(text))
    assert found is not None and found.iso() == f"{y:04d}-{month:02d}-{d:02d}", text


def test_one_month_a_word():
    """A word names one month in every language that writes it (Croatian listopad, October, is Czech and Polish
    November: left out of months.csv)."""
    months: dict[str, set[int]] = {}
    for w, n, _ in tables._MONTH_ROWS:
        months.setdefault(w, set()).add(n)
    assert all(len(ns) == 1 for ns in months.values()), {w: ns for w, ns in months.items() if len(ns) > 1}


# year_taken: a taken verb (date_words.csv taken), then its year later in the same sentence
_TAKEN_WORDS = sorted(date_words()["taken"])


@settings(max_examples=150, deadline=None)
@given(st.integers(1850, 2099), st.sampled_from(_TAKEN_WORDS), st.sampled_from(["", "a Roma ", "in Uppsala ", "na trgu leta "]))
def test_a_taken_verbs_year_later_in_the_sentence_is_the_photos(y, verb, between):
    text = f"Foto {verb} {between}{y} vicino al mercato."
    found = find_dates(text)
    assert photo_date(text, found) is not None and photo_date(text, found).year == y, (text, found)


@settings(max_examples=150, deadline=None)
@given(st.integers(1850, 2094), st.sampled_from(_TAKEN_WORDS),
       st.sampled_from(["s", "-an", "er", "'s", "–{z}", "-{z}", " e il {z}", " and {z}", " och {z}", "/{z}"]))
def test_a_taken_verbs_decade_or_span_is_not_read(y, verb, after):
    # "taken in the 1960s", "scattata tra il 1950 e il 1955": no year of the photo
    text = f"Foto {verb} a Roma {y}{after.format(z=y + 5)} vicino al mercato."
    assert all(d.shape != "year_taken" for d in find_dates(text)), text


@settings(max_examples=150, deadline=None)
@given(st.integers(1850, 2099), st.sampled_from(_TAKEN_WORDS), st.sampled_from([". Nel ", "\n", " 12 ", ". In "]))
def test_a_year_after_the_taken_verbs_sentence_is_not_read(y, verb, gap):
    # a stop, a line break or another number between the verb and the year: the year is the story's
    text = f"Foto {verb} a Roma{gap}{y} la casa fu demolita"
    assert all(d.shape != "year_taken" for d in find_dates(text)), text


@settings(max_examples=100, deadline=None)
@given(st.integers(1850, 2099), st.sampled_from(["born on", "died on", "nasceu em", "faleceu em", "geboren am"]),
       st.sampled_from(["March", "März", "Março"]))
def test_a_lifes_date_is_not_the_photos(y, word, month):
    text = f"Maria Souza at home. She {word} 3 {month} {y}."
    assert photo_date(text, find_dates(text)) is None, text


@settings(max_examples=150, deadline=None)
@given(st.integers(1850, 2099), st.sampled_from(sorted(date_words()["circa"])),
       st.sampled_from(["The house, built ", "Die Kirche wurde ", "a casa construída "]))
def test_circa_after_a_sentences_lower_case_words_is_not_the_photos(y, circa, before):
    # year_circa is the photo's as a sentence of its own, closing a place or a capitalised title
    # ("Bahnhofgebiet um 1920"); after lower-case words it dates what the sentence tells of
    text = f"{before}{circa} {y}."
    found = find_dates(text)
    assert photo_date(text, found) is None, (text, found)


@settings(max_examples=150, deadline=None)
@given(st.integers(1850, 2094), st.sampled_from(sorted(date_words()["taken_after"])), st.sampled_from(["", "s", "-1960", " und 1960 "]))
def test_a_verb_after_its_year_reads_the_last_year_before_it(y, verb, after):
    # "im Jahr 1954 … geschossen": the year before the verb; not a decade or a span, and only the year nearest the
    # verb ("Das 1890 gebaute Haus, 1954 fotografiert": no digit between the year and the verb)
    text = f"Das {y}{after} gebaute Haus, {y + 5} {verb}."
    years = [d.year for d in find_dates(text) if d.shape == "year_taken"]
    assert years == [y + 5], (text, years)
