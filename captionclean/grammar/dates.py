"""Dates: every date phrase in a caption, and which one is the photo's.

Month names come from ``tables.MONTHS``; each shape is a named pattern. A
candidate keeps what it states (year, month, day); the photo's date is chosen
by rule, never a date the story only mentions (``began in January 2005``,
``Issue date: …``).
"""
from __future__ import annotations

import calendar
from itertools import islice
from operator import attrgetter
import unicodedata
import re
from dataclasses import dataclass

from .. import timed_regex as regex  # the regex module, with a time budget

from ..tables import CAPITAL_MONTH_WORDS, FOREIGN_MONTH_WORDS, MONTH_WORDS, MONTHS, WEEKDAYS, YEAR_FIRST_MONTH_WORDS, date_words, eras

_MONTH_NAMES = sorted(MONTHS, key=len, reverse=True)
# capitalised (May, MAY) month names only: "may" the verb is not a month
MONTH = "(?P<month>" + "|".join(
    "(?:" + m[0].upper() + m[1:] + "|" + m.upper() + ")" for m in _MONTH_NAMES
) + r")\.?"
WEEKDAY = r"(?:(?:" + "|".join(w.capitalize() + "|" + w.upper() for w in WEEKDAYS) + r"),?\s+)?"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º)?"
# day-first shapes read every language's month names, and in lower case too, as those
# languages write them ("12 de marzo de 2019", "le 5 septembre 2016", "31. März 2020")
# (an English abbreviation another language shares stays capitalised only: "Jan" names people too)
# (longest first, ties in code point order: the same pattern in every process, whatever the set's order)
_FOREIGN = regex.longest_first(w for w in FOREIGN_MONTH_WORDS if w not in MONTHS or len(w) >= 5)
DMONTH = "(?P<month>(?>(?:" + "|".join(  # atomic: a whole name that matched is not tried again as another
    ["(?:" + m[0].upper() + m[1:] + "|" + m.upper() + ")" for m in _MONTH_NAMES]
) + r")(?!\p{L})|(?i:" + "|".join(_FOREIGN) + r")(?!\p{L})))\.?"  # other languages' names in any case
_CAP_LATIN = [m[0].upper() + m[1:] for m in _FOREIGN if m.isalpha() and "LATIN" in unicodedata.name(m[0])
              and m in CAPITAL_MONTH_WORDS and m not in MONTHS]
# a month name in lower case, of a language that writes it so, then the year ("julio de 2022")
_LMONTH = "(?P<month>(?>" + "|".join(
    [m for m in _FOREIGN if m.isalpha()]  # Latin-script names: lower case ("julio de 2022")
    + [m[0].upper() + m[1:] for m in _FOREIGN if m.isalpha() and "LATIN" not in unicodedata.name(m[0])]
    # Greek and Cyrillic ones also capitalised ("Οκτώβριος 2019"), and Latin-script ones that are no other
    # word (German nouns, a sentence's first word: "im Juli 2019", "Mai 1968", "(Srpen 1968, Praha)")
    + _CAP_LATIN
) + r")(?!\p{L}))"
# the words between a day and its month, and a month and its year: "16th of March", "12 de marzo
# de 2019", "21 de agosto del 2017", "31. März"; "19 декабря 2022 года"
_D_M = r"\.?(?:\s+(?:of|de))?\s+"
# ... or a day glued to its month, after the day's stop ("16.juli 1926", "22.augusta 1968") or before a
# name in Arabic script ("19يناير 2016"): read in full dates only
_D_M_GLUED = r"(?:" + _D_M + r"|\.(?=\p{Ll})|\.?(?=\p{Arabic}))"
_M_Y = r"(?:\s+(?:de|del))?,?\s+"
YEAR = r"(?P<year>(?:1[89]|20)\d\d)"

_Y = YEAR + r"(?!\d)"
# a word naming the year after it, read as part of the year (date_words.csv year_after): "…, СССР, 1961 год.",
# "1965 года."; an abbreviation's stop is left to close the phrase ("1961 г.")
# the month's word as written: lower case, capitalised or in capitals ("tháng", "Tháng", "THÁNG"; C substring tests gate it)
_MONTH_WORD_FORMS = sorted({f for w in date_words()["month_word"] for f in (w, w[0].upper() + w[1:], w.upper())},
                           key=lambda f: (-len(f), f))
_YEAR_AFTER = (r"(?:[ ]+(?:" + "|".join(map(re.escape, (w for w in date_words()["year_after"] if len(w) > 1)))
               + r")(?!\p{L})|[ ]?(?:" + "|".join(map(re.escape, (w for w in date_words()["year_after"] if len(w) == 1)))
               + r")(?=\.))?")
# an era's name and its year (tables.eras, eras.csv): Japanese "昭和36年10月13日", "(昭和34年)", "昭和33年 …" (not a decade,
# "昭和30年代"), a Thai Buddhist year "ปี พ.ศ. 2498"; the era's year N is the Gregorian first_year + N - 1
_ERAS = eras()
_ERA_CJK = [w for w in _ERAS if all("CJK" in unicodedata.name(ch) for ch in w)]
_ERA_BEFORE = [w for w in _ERAS if w not in _ERA_CJK]  # a marker before a year of four digits
ERA = (r"(?P<era>" + "|".join(map(re.escape, _ERA_CJK)) + r")[ ]?(?P<eyear>元|[1-9]\d?)[ ]?年(?!代)"
       r"(?:[ ]?(?P<mnum>[01]?\d)[ ]?月(?:[ ]?(?P<day>[0-3]?\d)[ ]?日)?)?"
       r"|(?<!\p{L})(?P<era>" + "|".join(map(re.escape, _ERA_BEFORE)) + r")[ ]?(?P<eyear>\d{4})(?!\d)")  # "31 May 2022Image source": a year glued to the next word
# year_word_inner's and season_year's words (date_words.csv year_word_inner, year_span, season, season_lead); a
# Latin-script word not glued to the word before it, a Thai one written after it with no space ("เมื่อปี")
_SPAN_WORDS = "|".join(map(re.escape, date_words()["year_span"]))
_NOT_SPAN_BEFORE = r"(?<!(?:" + _SPAN_WORDS + r")[ ]?)"
# (nor after an apostrophe: Catalan "any" alone, or whole in "l'any")
_INNER_WORD = "(?:" + "|".join((r"(?<![\p{L}'’])(?i:" + re.escape(w) + ")") if "LATIN" in unicodedata.name(w[0]) else re.escape(w)
                               for w in date_words()["year_word_inner"]) + ")"
# in_year_words' words ("nel", "en", "em", "vuonna", "v roce": date_words.csv in_year), not glued to the word before
_IN_WORD = "(?<!\\p{L})(?i:" + "|".join(map(re.escape, date_words()["in_year"])) + ")"
_SEASONS = "|".join(map(re.escape, date_words()["season"]))
# the first letter as the case says, the rest case-blind ("mùa Xuân", "SUMMER" is neither: left out)
_SEASON_LOW = "|".join(re.escape(w[0]) + "(?i:" + re.escape(w[1:]) + ")" for w in date_words()["season"])
_SEASON_CAP = "|".join(re.escape(w[0].upper()) + "(?i:" + re.escape(w[1:]) + ")" for w in date_words()["season"])
_SEASON_LEADS = "|".join(map(re.escape, date_words()["season_lead"]))
# "circa" as archives write it, and other languages' words for it (date_words.csv circa: Indonesian "sekitar"), as written,
# capitalised or in capitals
_CIRCA_FORMS = regex.longest_first(f for w in date_words()["circa"] for f in (w, w[0].upper() + w[1:], w.upper()))
CIRCA = r"(?:[Cc]irca|CIRCA|[Cc]a\.|CA\.|[Cc]\.|" + "|".join(map(re.escape, _CIRCA_FORMS)) + ")"
_MS = r"(?:(?<=\.)[ ]?|\s+)"  # month to day: "Oct. 10", "Oct.10", "October 10"
# a verb saying the photo was taken (date_words.csv taken), not part of a longer word
_TAKEN_VERB = r"(?<![\p{L}\p{M}])(?i:" + "|".join(map(re.escape, date_words()["taken"])) + r")(?![\p{L}\p{M}])"
# ... and one written after its year, as verb-final languages do (date_words.csv taken_after: German "im Jahr 1954 …
# geschossen", Turkish "1965 yılında çekilmiş")
_TAKEN_AFTER_VERB = r"(?<![\p{L}\p{M}])(?i:" + "|".join(map(re.escape, date_words()["taken_after"])) + r")(?![\p{L}\p{M}])"
_TAKEN_REACH = 60  # year_taken: the most characters between the verb and its year

SHAPES: list[tuple[str, str]] = [
    # year-month-day; with dots, Korean, Chinese and Japanese wire style ("2020.08.23.", "2022.7.30"): ymd_dots
    # (a one-digit month or day only in a text in those scripts: "IntelliJ 2020.3.1" is a release)
    ("iso_slash", r"\b(?P<year>(?:1[89]|20)\d\d)(?:[/-](?P<mnum>[01]?\d)[/-](?P<day>[0-3]?\d)\b"
                  r"|(?<![\d.]....)\.(?P<mnum2>[01]?\d)\.(?P<day2>[0-3]?\d)\b(?!\.\d))"),
    # year, month and day counted in CJK characters (Japanese, Chinese, Korean papers):
    # "=2022年8月10日午後10時5分、", "2018年1月27日,", "2021年5月中" (no day: ym_cjk), "2020년 8월 23일"
    ("ymd_cjk", r"(?<!\d)(?P<year>(?:1[89]|20)\d\d)[ ]?[年년][ ]?(?P<mnum>[01]?\d)[ ]?[月월]"
                r"(?:[ ]?(?P<day>[0-3]?\d)[ ]?[日일])?"),
    # a year alone counted in CJK characters, where it is the photo's: opening the caption as an
    # archive's title does ("1978년 야구 글러브 공장인 …", "2017년 서울 …"), or after "taken in" (摄于2000年);
    # a space, comma or stop after it (not "2021年回到…": a year inside the sentence; not "2000年代")
    # ("1959年的夏天": "the summer of 1959"), or after a word that makes the year the photo's, "taken in",
    # "the picture shows", "this is", "records" (date_words.csv photo_lead_cjk: 摄于2000年, 图为1956年举国欢庆,
    # 这是1959年的上海街景), any word after it but a decade's, a span's or a "since" (2000年代, 2021年以来, 2007年起)
    # (also after a list's number, "2.1973年の地下鉄…", and before Japanese の, "of", or 頃, "circa": "1.1950年頃の…")
    ("year_cjk", r"(?<=^[ ]*(?:[1-9]\d?\.)?)(?P<year>(?:1[89]|20)\d\d)[ ]?[年년](?=[ ,，、。的の頃]|$)"
                 r"|(?<=" + "|".join(map(re.escape, date_words()["photo_lead_cjk"])) + r")"
                 r"(?P<year>(?:1[89]|20)\d\d)[ ]?[年년](?![代以起至到前后後]|[ ]?\d)"),  # (a month's number after it: ymd_cjk's)
    ("era_year", ERA),
    # a year, its stop, a month's name and a day, as Hungarian writes a date ("Budapest, 1956. október 23.",
    # "1950. június 16."): the month names of the languages writing the year first (tables.YEAR_FIRST_LANGS), in
    # lower case as they write them (not "… in 2001. November 5 …", an English sentence after a year)
    ("ymd_words", r"(?<![\d.])" + YEAR + r"\.[ ]+(?P<month>" + "|".join(regex.longest_first(YEAR_FIRST_MONTH_WORDS))
                  + r")(?!\p{L})\.?[ ]+(?P<day>[0-3]?\d)(?!\d)"),
    # a word naming a month, its number, and the year after a slash or the year's word: Vietnamese "tháng 4/1972",
    # "Tháng 4 năm 1964", "ngày 8 tháng 6 năm 1972" (date_words.csv day_word, month_word, year_word; a number
    # before the month's word without the day's word counts months: "Sau 6 tháng", "after six months")
    ("month_word_year", r"(?:(?<!\p{L})(?i:" + "|".join(map(re.escape, date_words()["day_word"]))
                        + r")[ ]+(?P<day>[0-3]?\d)[ ]+)?(?<!\p{L})(?:"
                        + "|".join(map(re.escape, _MONTH_WORD_FORMS)) + r")[ ]+(?P<mnum>[01]?\d)(?:[ ]+(?i:"
                        + "|".join(map(re.escape, date_words()["year_word"])) + r")[ ]+|/)" + _Y),
    ("dated_dmy", r"\bdated (?P<day>[0-3]?\d)[-/.](?P<mnum>[01]?\d)[-/.](?P<year>(?:1[89]|20)?\d\d)\b"),
    ("dmy_numeric", r"(?<![\d/.-])(?P<day>[0-3]\d)\.(?P<mnum>[01]\d)\.(?P<year>(?:1[89]|20)\d\d)\b"),
    # day/month/year as most of the world writes it ("17/02/2026", "(19/5/2021)"); the US
    # month/day/year when the second number cannot be a month, or the place is in the US
    ("dmy_slash", r"(?<![\d/.-])(?P<day>[0-3]?\d)/(?P<mnum>[0-3]?\d)/(?P<year>(?:1[89]|20)\d\d)(?![\d/])"),
    # a US archive's numeric date opening the caption: "6/27/03 Staff Photo by …"
    ("lead_mdy", r"^[ ]*(?P<mnum>[01]?\d)/(?P<day>[0-3]?\d)/(?P<yy>\d\d)(?=[ ])"),
    ("month_day_year", r"(?=\p{Lu})" + WEEKDAY + MONTH + _MS + DAY + r"(?:[ ]?,\s*|\s+)" + _Y),
    ("day_month_year", r"(?=[\dMTWFS])" + WEEKDAY + r"(?:\b|(?<=\p{Ll}))" + DAY + _D_M_GLUED + DMONTH + _M_Y + _Y),
    ("month_day", r"(?=\p{Lu})" + WEEKDAY + r"\b" + MONTH + _MS + DAY + r"\b(?!\s*,?\s*\d)"),
    ("day_month", r"(?=\d)\b" + DAY + _D_M + DMONTH + r"\b(?!\s*,?\s*\d)"),
    ("month_year", r"(?=\p{Lu})\b" + MONTH + r",?\s+(?:of\s+)?" + _Y),
    ("month_year_words", r"(?=\p{L})(?<!\p{L})" + _LMONTH + r"(?:\s+(?:de|del))?\s+" + _Y),
    # the photo's year after a picture's noun and "from": "undatiertes Foto von 1945", "Aufnahme von
    # 1975", "Archivbild aus dem Jahr 1990", "a photo from 1962" (date_words.csv photo_noun, photo_from)
    # (a German compound's last part too, glued to the word before it: "Luftaufnahme von 1957", "Forsthof-Postkarte
    # von 1903": date_words.csv photo_noun_end)
    ("photo_year", r"(?<=(?:(?<!\p{L})(?i:" + "|".join(map(re.escape, date_words()["photo_noun"])) + r")|(?<=[\p{L}-])(?i:"
                   + "|".join(map(re.escape, date_words()["photo_noun_end"])) + r"))(?:s|es)?[ ](?:"
                   + "|".join(map(re.escape, date_words()["photo_from"])) + r")[ ](?:dem[ ]Jahre?[ ])?)"
                   # then a stop, or a verb in lower case ("… von 1990 zeigt"): not "ein Bild von 2000 Menschen"
                   + YEAR + r"(?=[ ]*+(?:[.,;:)!?\n]|$)|[ ]+\p{Ll})"),
    # a year alone: "in Wuhan, China, in 2021.", "(Photo by …/Getty Images). 1991"
    ("in_year", r"\b[Ii]n " + YEAR + r"(?=[ ]*[.,;)]|[ ]*$)"),
    # a word naming a year, then the year closing its phrase: "Rok 1942.", "…Hồ Chí Minh, năm 1945.", "Årstall 1923",
    # "foto , año  1973" (date_words.csv year_word), the word opening its phrase (not "vào năm 2000", "in the year 2000"
    # of a story); or a title's dash after it ("AÑO 1946 – PRIMERO SUPERIOR …"; not a span, "Rok 1942 - 1945")
    ("year_word", r"(?<=(?:^|[\n.,;:(|])[ ]*+)(?i:" + "|".join(map(re.escape, date_words()["year_word"]))
                  + r"):?[ ]{1,2}" + YEAR + r"(?=[ ]*(?:[.;)\n]|$)|[ ]+[-–—][ ]+(?![ \d]))"),
    # a word naming a year inside the sentence, the year closing its phrase (a stop, a comma, the end, or in Thai,
    # which writes no stops, a space before more Thai): Thai "ถ่ายไว้เมื่อปี 1948 หน้า…", "…ในปี 1912", Indonesian
    # "di tahun 1915.", "Jakarta tahun 1969, masih" (date_words.csv year_word_inner); not a decade ("tahun 1950-an")
    # nor a span's ends ("sejak tahun 1990", "ตั้งแต่ปี 1990", "ปี 1990 ถึง 2000": year_span); photo_date takes it
    # in the first sentence, as in_year's
    ("year_word_inner", _NOT_SPAN_BEFORE + _INNER_WORD + r"[ ]?" + YEAR
                        + r"(?![\d\p{L}'’]|[-–/][ ]?\d|[ ]*+(?:" + _SPAN_WORDS + r"))(?=[ ]*+(?:[.,;:)\n،]|$)|[ ]+\p{Thai})"),
    # "in" and a year in other languages, the year closing its phrase, as in_year's (a stop, a comma, a bracket, a
    # line's end, a bullet before the credit): Italian "…, New York, nel 1956\n(AP Photo/…)", French "Une rue de Mens en
    # 1910", Spanish "Estamos en 1979.", Portuguese "…, em 2019 • NAME/…", Finnish "vuonna 1913 .Kuva:", Czech "v roce
    # 1967." (date_words.csv in_year); not a decade or span ("en 1950-1960", Dutch "tussen 1940 en 1945": "en" after a
    # number), nor a year inside its phrase ("en 1910 la ville"); photo_date takes it in the first sentence, as in_year's
    ("in_year_words", r"(?<!\d[ ]?)" + _IN_WORD + r"[ ]" + YEAR + r"(?![\d\p{L}'’]|[-–/][ ]?\d)(?=[ ]*+(?:[.,;:)\n•|]|$))"),
    # a season and a year: "Лето 1969 года.", "mùa Xuân 1973", "im Sommer 1970", "the summer of 1969", "hiver 1954"
    # (date_words.csv season): the date is the year. A capitalised season only opening its phrase, after a
    # season_lead word ("im Sommer") or before "of": a fashion collection's "COACH Spring 2024", "Spring/Summer 2023"
    # (a season after another) is no photo's date; the year closing its phrase
    ("season_year", r"(?<!(?i:" + _SEASONS + r")[ ]?[/&-]?[ ]?)(?:(?<!\p{L})(?:" + _SEASON_LOW + r")"
                    r"|(?:(?<=(?:^|[\n.,;:(|])[ ]*+)|(?<=(?<!\p{L})(?i:" + _SEASON_LEADS + r")[ ]))(?:" + _SEASON_CAP + r")"
                    r"|(?<!\p{L})(?:" + _SEASON_CAP + r")(?=[ ]+of[ ]))"
                    # the year closing its phrase, as in_year's and year_word's (not "hatched in the fall of 2022 at …",
                    # a story's season inside the sentence)
                    r"(?:[ ]+(?:of|de|del|di|do))?[ ]+" + YEAR + r"(?![\d\p{L}'’]|[-–/][ ]?\d)" + _YEAR_AFTER
                    + r"(?=[ ]*+(?:[.,;:)\n]|$))"),
    # an archive's year after the place or title: "…in Manchester, Connecticut, 1943.",
    # "Washington, D.C., 2006 | …", "(Amsterdam, 1954)", "Chad, 2015: …"
    # (not after a number: "May 13, 2018" is another shape's, "No. 5, 1943" no year of the photo)
    ("year_comma", r"(?<!\d),[ ]{0,2}(?:(?:c\.|ca\.|circa)[ ]*)?(?P<year>(?:1[89]|20)[0-9][0-9])(?![0-9])" + _YEAR_AFTER +
                   # then a stop, a bracket ("1988 (© Bundesarchiv…)", "1915 (c)"), or a comma and the credit
                   # ("QGK Melbidir, 1935, State Library of Queensland", or the comma left where the
                   # credit was cut off)
                   r"(?=[ ]*(?:[.:;()|\n]|[-–—][ ]|,[ ]+\p{Lu}|,?[ ]*$))"),
    # a year alone in brackets: "The Granite Temple of the Sphinx, Giza, Egypt (1920)"
    ("year_paren", r"\((?:(?:c\.|ca\.|circa)[ ]*)?" + YEAR + r"\)"),
    ("year_end", r"(?<=[.)][ ]{0,3})" + YEAR + r"\.?[ ]*$"),
    # a year as a sentence of its own before more text, as archives write it: "1869. Η Αθήνα, …", "…, 1962-1970. 1965.
    # Egyptian prisoners…", "…Лешуконское». 1965 год. Автор: …" (a year closing the caption: year_end's)
    ("year_fragment", r"(?<=(?:^|[.!?][\"”»’]?[ ]+|\n)[ ]*)" + YEAR + r"(?![\d\p{L}])" + _YEAR_AFTER
                      + r"(?=\.[ \n]++\S)"),
    # a year opening the caption as an archive's or album's title, before a dash or a comma and more words: "1930 -
    # anniversaire de l'Ecole …", "1942 - CLELLES - …", "1955, καρέ του ρήγα", "1939,苏联 气象站" (not a span or a
    # list of years: "1950 - 1960", "1955, 1956"; a year's stop is year_fragment's)
    ("year_title", r"^[ ]*+" + YEAR + r"(?=[ ]?,[ ]?(?![\s\d])|[ ]+[-–—][ ]+(?![\s\d]))"),
    # "circa" and a year, the photo's when a sentence of its own or closing a place (photo_date): Getty's "… New York
    # City. Circa 1950. Ivan Dmitri/…", a title opening "Circa 1911. "Washington from …"", "…, CIRCA 1914. (PHOTO BY …";
    # not a decade or a span ("ca. 1930s", "c. 1920-25")
    ("year_circa", r"(?<![\p{L}\d])" + CIRCA + r"[ ]?" + YEAR + r"(?![\d\p{L}'’]|[-–/][ ]?\d)"),
    # the year of the event the photo shows, written in its name: "at the 2015 Halberg Junior Disability
    # Games", "during Exercise RIMPAC 2018" (date_words.csv event, event_head)
    ("event_year", r"(?<![\d\p{L}])" + YEAR + r"(?=[ ]++(?:\p{Lu}[\p{L}\-'’]*+[ ]++){0,4}?(?:"
                   + "|".join(map(re.escape, date_words().get("event", ()))) + r")(?!\p{L}))"
                   r"|(?<=(?<!\p{L})(?:" + "|".join(map(re.escape, date_words().get("event_head", ()))) + r")[ ]\p{Lu}[\p{Lu}\d\-]*[ ])"
                   + YEAR + r"(?![\d\p{L}])"),
    # a year closing the caption after a place or title with no comma, as archives and albums write it (perhaps before a
    # bracketed note): "…, Antalya, Turkey 1955", "… tunnlar. Stockholm 1953", "Manifestación … en Zaragoza 1977",
    # "TANDJONG PRIOK 1930 (Indisch Familie Archief)", "Le pont bouché de Bernardière - 1927": one to three capitalised
    # words opening the caption or a sentence, after a comma or after "in", the last of three letters or more (not "…,
    # CHINA, IN 2021."), else a word and a dash; not a noun after an article or a sign ("vor der Fertigstellung 1911",
    # "© European Union 2020"), not a span ("1950 - 1960"); last of the shapes, so any other reading of the year wins
    # ("… City. Circa 1950." is year_circa's)
    ("year_close", r"(?<=(?:^|[,.][ ]+|(?<!\p{L})(?:en|in|em|nel|à)[ ]+)(?:\p{Lu}[\p{L}'’.\-]*[ ]+){1,3}(?<=\p{L}{3}[ ])"
                   r"|\p{L}[ ]+[-–—][ ]+)" + YEAR + r"(?![\d\p{L}])(?=(?:[ ]+\([^()\n]*\))?\.?[ ]*$)"),
    # a verb saying the photo was taken, then its year later in the same sentence, whatever stands between (a place, a
    # year's word): Italian "è stata scattata nel 1955 in uno studio", Catalan "Foto feta a la Carretera de Palamós el
    # 1954 (", Swedish "Kortet är taget i Stockholm 1949.", Bosnian "fotografisana 1965. godine", Slovene "slikani …
    # na Slivnici daljnega leta 1952.", Arabic "صورة التُقطت في استوديو … عام 1958،"; no digit, stop or line break between
    # (not "taken in 1950 of a house built in 1890": the first year only), not a decade ("1960s", "1950-an") nor a span
    # or list of years ("1950-1955", Italian "tra il 1950 e il 1955": another year a few characters on); last of the
    # shapes, so a fuller reading of the year wins
    # (or the verb after it, in the languages that write it last: German "Foto im Jahr 1954 vom Münster aus geschossen",
    # Turkish "… fotoğrafları 1965 yılında çekilmiş"; no digit or stop between)
    ("year_taken", r"(?:(?<=" + _TAKEN_VERB + r"[^\d.!?\n]{1," + str(_TAKEN_REACH) + r"})(?<![\p{L}\d])" + YEAR
                   + r"|(?<![\p{L}\d])" + YEAR + r"(?=[^\d.!?\n]{1," + str(_TAKEN_REACH) + r"}" + _TAKEN_AFTER_VERB + r"))"
                   + r"(?![\d\p{L}'’]|[-–/][ ]?[\d\p{L}]|[^\d.!?\n]{0,12}(?:1[89]|20)\d\d)"),
]
COMPILED = [(n, regex.compile(p)) for n, p in SHAPES]

# Speed: the shapes that open with a month or weekday name, or a day number before a
# month, are tried only at the positions a cheap scan finds (a name, capitalised or in
# capitals as the shapes write it, and an ASCII day number before one): the same matches
# as a full scan. Other digits: a full scan.
_ANCHORED = frozenset(("month_day_year", "day_month_year", "month_day", "day_month", "month_year", "month_year_words"))
# a month or weekday name as the shapes write it, not running on into an ASCII letter or digit
# ("Marvin", "Montreal", "Sunni" are no starts): every anchored match opens with one, or with
# a day number before one
_NAME_FORMS = {m[0].upper() + m[1:] for m in MONTH_WORDS} | {m.upper() for m in MONTH_WORDS} | {
    w.capitalize() for w in WEEKDAYS} | {w.upper() for w in WEEKDAYS}
# other languages write month names in lower case: found from the numbers next to them
# (a day before, a year after), which are few, not by scanning every word
_LOWER_MONTHS = frozenset(_FOREIGN)

_YEAR_AT = re.compile(r"(?:1[89]|20)[0-9][0-9](?![0-9])")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)(?:\s+(?:de|del))?\s+$")  # (the word before a year: read by _word_before, tested against this)

def _trie(words) -> str:
    """The words as a prefix tree (``J(?:an(?:uary)?|u(?:ly|ne))``): a scan rejects most
    positions at their first letter; the longer of two words is tried first."""
    heads: dict[str, list[str]] = {}
    for w in set(words):
        heads.setdefault(w[:1], []).append(w[1:])
    alts = [re.escape(c) + _trie(rest) for c, rest in sorted(heads.items()) if c]
    if not alts:
        return ""
    return "(?:" + "|".join(alts) + ")" + ("?" if "" in heads else "")


_NAME_START = re.compile(_trie(_NAME_FORMS) + r"(?![A-Za-z0-9])")
# the same in an ASCII text, where only the ASCII names can match: a tree of 277 names, not 444 (25% faster)
_NAME_START_ASCII = re.compile(_trie(f for f in _NAME_FORMS if f.isascii()) + r"(?![A-Za-z0-9])")
# a day, then a month in lower case: one C scan, the names tried only after a number
_DAY_LOWER = re.compile(r"[0-9](?:st|nd|rd|th|er|º)?(?:\.?\s+(?:(?:of|de)\s+)?|\.|(?=[\u0600-\u06ff]))(?="
                        + _trie(_LOWER_MONTHS) + r"(?![^\W\d_]))")  # (glued: "16.juli", "19يناير")
_ODD_DIGIT = regex.compile(r"(?![0-9])\d")


def _digit_runs(text: str) -> list[tuple[int, int]] | None:
    """The text's runs of ASCII digits (start, end), or None when it writes a digit in another
    script (the shapes' \\d reads those too: such a text is scanned shape by shape, as before), or
    more than :data:`_MANY_RUNS` runs (a table of numbers: the scans of the text, in C, cost less
    there than the runs' tests in Python)."""
    if not text.isascii() and _ODD_DIGIT.search(text):
        return None
    runs = [m.span() for m in islice(_DIGIT_RUN.finditer(text), _MANY_RUNS + 1)]
    return runs if len(runs) <= _MANY_RUNS else None


_MANY_RUNS = 48  # (a caption writes a few: 2 on average in a real export)


_DIGIT_RUN = regex.compile(r"[0-9]+")  # (the regex module: 2x faster here than re, which tries "+" at every character)
_CENTURIES = ("18", "19", "20")


def _run_years(text: str, runs: list[tuple[int, int]]) -> list[int]:
    """Where each year that ends a run of digits begins: what ``_YEAR_AT`` finds (a year followed by
    no digit is a run's last four digits), in order."""
    return [e - 4 for s, e in runs if e - s >= 4 and text[e - 4:e - 2] in _CENTURIES]


def _has_year(text: str, runs: list[tuple[int, int]], years: list[int]) -> bool:
    """Whether ``_ANY_YEAR`` finds a year (anywhere, even inside a longer number): one ending a run,
    else one inside a run of five digits or more."""
    return bool(years) or any(e - s > 4 and _ANY_YEAR.search(text, s, e) is not None for s, e in runs)


def _starts(text: str, runs: list[tuple[int, int]] | None = None, years: list[int] | None = None) -> list[int] | None:
    """Every position where an anchored shape could begin, in order (None: scan all). ``runs`` and
    ``years``: the text's digit runs and run-ending years, if the caller has them."""
    if runs is None and not text.isascii() and _ODD_DIGIT.search(text):  # (runs: read from ASCII digits only)
        return None
    out: set[int] = set()
    for m in _NAME_START_ASCII.finditer(text) if text.isascii() else _names_overlapping(text):
        q = m.start()
        out.add(q)
        # a day number before the name: [0-3]?[0-9] (st|nd|rd|th|er|º)? \.? (\s+(of|de))? \s+
        i = q
        while i and text[i - 1].isspace():
            i -= 1
        if i < q:
            if i >= 3 and text[i - 2:i] in ("of", "de") and text[i - 3].isspace():
                i -= 2
                while i and text[i - 1].isspace():
                    i -= 1
            if i and text[i - 1] == ".":
                i -= 1
            if i >= 2 and text[i - 2:i] in ("st", "nd", "rd", "th", "er"):
                i -= 2
            elif i and text[i - 1] == "º":
                i -= 1
            if i and text[i - 1] in "0123456789":
                out.add(i - 1)
                if i > 1 and text[i - 2] in "0123":
                    out.add(i - 2)
    # "12 de marzo", "17. oktober", "le 5 septembre"
    if runs is not None:  # a match begins at a run's last digit (a digit is none of what may follow
        for s, e in runs:  # its first), so each run is tried there, not every digit of the text
            if e - s > 2:  # a day is one or two digits after "\b" (day_month, day_month_year): no
                continue  # start in a longer run can begin one ("2019 de marzo" is month_year_words')
            q = e - 1
            if _lower_after(text, e) and _DAY_LOWER.match(text, q):
                out.add(q)
                if q and text[q - 1] in "0123":
                    out.add(q - 1)
    else:
        for m in _DAY_LOWER.finditer(text):
            q = m.start()
            out.add(q)
            if q and text[q - 1] in "0123":
                out.add(q - 1)
    # "julio de 2022", "Οκτώβριος 2019" (the foreign letters are none ASCII: an ASCII text skips that scan)
    # (also with no "de" between: "marzo 2019"; month_year_words reads "de" as optional)
    if years is None or years:
        for y in years if years is not None else (m.start() for m in _YEAR_AT.finditer(text)):
            # _WORD_BEFORE's match ends in spaces (\s: str.isspace's characters) at y, or at y - 1 before
            # a newline there ($): the maximal run of spaces before y, with a letter ([^\W\d_]: alphanumeric,
            # not a decimal digit) just before it inside the window; a year after a comma or a number
            # ("May 5, 2019"), most of them, is not searched
            window = _year_window(text, y)
            if window is None:
                continue
            a, b = _word_before(text, *window)  # (_WORD_BEFORE.search(text, lo, y).span(1), read back from k)
            if text[a:b].lower() in _LOWER_MONTHS:
                out.add(a)
    return sorted(out)


def _year_window(text: str, y: int) -> tuple[int, int] | None:
    """(lo, k) for a year at ``y``: the start of _WORD_BEFORE's 30-character window and of the run of spaces
    before the year, when a letter stands just before that run inside the window; else None."""
    lo = y - 30 if y > 30 else 0
    k = y
    while k > lo and text[k - 1].isspace():
        k -= 1
    if k == y or k == lo or not text[k - 1].isalnum() or text[k - 1].isdecimal():
        return None
    return lo, k


def _word_before(text: str, lo: int, k: int) -> tuple[int, int]:
    """Where _WORD_BEFORE's word is in ``text[lo:y]`` when only white space stands from ``k`` to y and a letter
    ([^\\W\\d_]) just before ``k``: its match's leftmost start is where those letters begin (``lo`` at most), or,
    when they are "de" or "del" after white space, where the letters before that begin ("julio de 2022"). A walk
    back from ``k``: the search tries every character of the window, each word's letters from each of its
    letters (5 µs a call)."""
    j = k
    while j > lo and text[j - 1].isalnum() and not text[j - 1].isdecimal():
        j -= 1
    if text[j:k] in ("de", "del"):
        i = j
        while i > lo and text[i - 1].isspace():
            i -= 1
        if lo < i < j and text[i - 1].isalnum() and not text[i - 1].isdecimal():
            m = i - 1
            while m > lo and text[m - 1].isalnum() and not text[m - 1].isdecimal():
                m -= 1
            return m, i
    return j, k


def _names_overlapping(text: str):
    """Every match of _NAME_START, each searched from the position after the last one's start: one
    may begin inside another ("ΙΟΎΛΙΟΣΕΠΤΕΜΒΡΊΟΥ": a name's end runs on into a non-ASCII letter that
    begins another). In an ASCII text none can (no name ends another after its first letter, and the
    ASCII letter a longer name would need after a match fails the match's (?![A-Za-z0-9])): finditer."""
    m = _NAME_START.search(text)
    while m:
        yield m
        m = _NAME_START.search(text, m.start() + 1)


_SUFFIXES = frozenset(("st", "nd", "rd", "th", "er"))
# what may begin the word after a day that _DAY_LOWER reads: "of", "de", or a lower-case month name
_LOWER_FIRSTS = frozenset("od") | {w[0] for w in _LOWER_MONTHS}


def _lower_after(text: str, e: int) -> bool:
    """Whether _DAY_LOWER can match at the digit before ``e`` (a run's end), read without it: its day's
    suffix and stop are each there or not (no other reading: a letter or a stop after the digit
    fails the space after), then spaces (``\\s``: str.isspace's characters), then "of", "de" or a
    lower-case month name, whose first letter is looked up."""
    if text[e:e + 2] in _SUFFIXES:
        e += 2
    elif text[e:e + 1] == "º":
        e += 1
    dot = text[e:e + 1] == "."
    if dot:
        e += 1
    if not text[e:e + 1].isspace():  # a month glued after the day's stop, or in Arabic script after the day
        return (dot or "\u0600" <= text[e:e + 1] <= "\u06ff") and text[e:e + 1] in _LOWER_FIRSTS
    e += 1
    n = len(text)
    while e < n and text[e].isspace():
        e += 1
    return text[e:e + 1] in _LOWER_FIRSTS


# what each anchored shape's first character must be (its opening lookahead), and whether it needs
# a year at or after its start: a start that fails either is not tried (no match could begin there)
_UPPER_FIRST = {"month_day_year", "month_day", "month_year"}  # (?=\p{Lu})
_FIRST_CLASS = {"day_month_year": "dMTWFS", "day_month": "d", "month_year_words": "L"}  # (L: any letter)
_NEEDS_YEAR = frozenset(("month_day_year", "day_month_year", "month_year", "month_year_words"))
# the last year a shape can read (YEAR then no digit; the text's digits are ASCII when starts are
# used): one forward pass (``.*`` then backs off to the last one)
_LAST_YEAR = re.compile(r"(?s:.*)(?:1[89]|20)[0-9][0-9](?![0-9])")


def _starts_by_shape(text: str, starts: list[int], has_year: bool = True,
                     years: list[int] | None = None) -> dict[str, list[int]]:
    """The starts each anchored shape can match at: its first character's class, and a year
    written at or after the start for the shapes that read one (none when ``has_year`` is False:
    the text holds no year, so the last one is not looked for)."""
    upper, digit, mtwfs, low, cap = [], [], [], [], []
    for p in starts:
        c = text[p]
        if "0" <= c <= "9":
            digit.append(p)
            mtwfs.append(p)
            continue
        if "A" <= c <= "Z":  # ASCII letters: their category without the lookup
            upper.append(p)
            if c in "MTWFS":
                mtwfs.append(p)
            if _CAP_LATIN_AT(text, p) is not None:  # (a capitalised name month_year_words reads: "Juli", "Mai")
                cap.append(p)
            continue
        if "a" <= c <= "z":
            low.append(p)
            continue
        cat = unicodedata.category(c)
        if cat == "Lu":
            upper.append(p)
            if c in "MTWFS":
                mtwfs.append(p)
        if cat == "Ll" or c > "\x7f":
            low.append(p)
    if years is not None:  # the run-ending years, in order: the last is where _LAST_YEAR's begins
        last_year = years[-1] if years else -1
    else:
        m = _LAST_YEAR.match(text) if has_year else None
        last_year = m.end() - 4 if m else -1
    out = {}
    classes = (upper, digit, mtwfs, low, sorted(low + cap) if cap else low)
    for shape, first, needs_year in _SHAPE_FIRSTS:
        ps = classes[first]
        if needs_year and ps and ps[-1] >= last_year:
            ps = [p for p in ps if p < last_year]
        out[shape] = ps
    return out


# the capitalised Latin-script names month_year_words reads with an ASCII first letter, as a prefix tree
# (a C match at a start before the shape's try: an English name, "May", "June", is none of them)
_CAP_LATIN_AT = re.compile(_trie(m for m in _CAP_LATIN if m[0].isascii())).match

# each anchored shape, the class of its first character (an index into _starts_by_shape's upper,
# digit, mtwfs, low, and low with the ASCII capitals of _CAP_LATIN_AT), and whether it reads a year
_SHAPE_FIRSTS = tuple((shape, 0 if shape in _UPPER_FIRST else {"d": 1, "dMTWFS": 2, "l": 3, "L": 4}[_FIRST_CLASS[shape]],
                       shape in _NEEDS_YEAR) for shape in _ANCHORED)


def _finditer(pattern: regex.Pattern, text: str, starts: list[int], taken: bytearray):
    """``pattern.finditer(text)`` trying only ``starts``; the shapes never match empty.

    ``taken``: where an earlier shape found a date (the caller drops a match overlapping one). A
    match at a taken start is dropped; all it changes is which later starts this shape skips (those
    inside it), and that matters only for a start past the found date: when no start is, the rest
    is not tried (all of it would be dropped)."""
    end = 0
    last = starts[-1]
    for p in starts:
        if p < end:
            continue
        if taken[p] and last < taken.find(0, p):  # every start left lies in the date found there
            return
        m = pattern.match(text, p)
        if m:
            end = m.end()
            yield m


# words just before a date that make it the story's date, not the photo's
_NOT_PHOTO_WORDS = (
    r"Issue date|issued|published|updated|released|posted|began|begins|since|until|from|by|before|after|between|anniversary of(?: the)?"
    # a life's dates: "born on 5 May 1950", Portuguese "nasceu em 31 de Maio de 1882 e faleceu em …"
    r"|born|died|nasceu|faleceu|morreu|nació|murió|falleció|geboren|gestorben|\bnée?|décédée?"
    # the same words in the languages whose month names the shapes read
    r"|veröffentlicht|publiziert|seit|bis|\bab|publicad[oa]|desde|hasta|publiée?|depuis|jusqu'au|pubblicat[oa]|publisert")
_NOT_PHOTO_DATE = regex.compile(
    r"(?:" + _NOT_PHOTO_WORDS + r")\W*(?:(?:on|am|el|le|em|il|den)\W+)?(?:in\W+)?$",
    regex.I,
)
# the gate: each word's plain letters before any pattern syntax, case-folded, looked for in the text
# before the date case-folded by _blind_fold (one stdlib re scan of a few dozen characters; the
# case-blind pattern tries every word at every position, ~5 µs): a text the pattern matches passes.


def _literal_stem(word: str) -> str:
    """The letters a pattern word always begins with: up to its first syntax ("publicad[oa]" →
    "publicad"), less a letter made optional ("publiée?" → "publié")."""
    if word.startswith("\\b"):  # a word boundary first: German "ab", not the end of "Punjab"
        word = word[2:]
    m = regex.search(r"[()\[\]?*+{\\.|]", word)
    if m is None:
        return word
    return word[:m.start() - 1] if m.group() in "?*{" else word[:m.start()]


_NOT_PHOTO_STEMS = sorted({_literal_stem(w).casefold() for w in _NOT_PHOTO_WORDS.split("|")})
_NOT_PHOTO_GATE = re.compile("|".join(map(re.escape, _NOT_PHOTO_STEMS))).search
# (the reasoning is checked for ASCII and the Latin-1 small letters à-þ only: a word with another letter,
# ß say, whose capital folds to two letters, turns the gate off)
if not all(ch.isascii() or "à" <= ch <= "þ" and ch != "÷" for ch in "".join(_NOT_PHOTO_STEMS)):  # pragma: no cover
    def _NOT_PHOTO_GATE(text: str) -> bool:  # noqa: F811, N802
        return True


@dataclass
class DateFound:
    shape: str
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    text: str
    ambiguous: bool = False  # day/month/year whose day and month could be read either way

    def us_order(self) -> "DateFound":
        """The same numbers read month/day/year (a place in the US writes them so)."""
        return DateFound("mdy_slash", self.start, self.end, self.year, self.day, self.month, self.text)

    @property
    def full(self) -> bool:
        return self.year is not None and self.month is not None and self.day is not None

    def iso(self) -> str:
        if self.year is None:
            return ""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def _valid(y: int | None, m: int | None, d: int | None) -> bool:
    if m is not None and not 1 <= m <= 12:
        return False
    if d is not None and not 1 <= d <= 31:
        return False
    if y is not None and m is not None and d is not None:  # calendar.monthrange(y, m)[1], without its weekday
        return d <= (29 if m == 2 and calendar.isleap(y) else calendar.mdays[m])
    return True


def _ends_in_year(text: str) -> bool:
    end = (text[:-1] if text.endswith("\n") else text).rstrip(" ")  # "$" matches before a last newline
    end = end[:-1] if end.endswith(".") else end
    return len(end) >= 5 and end[-4:].isdigit()


# the year_comma shape's core, as a C scan: a comma, then a year (the pattern opens with the comma,
# not with the shape's "no number before it", so the scan looks for commas only: 10x faster)
_COMMA_YEAR = re.compile(r",[ ]{0,2}(?:c\.[ ]*|ca\.[ ]*|circa[ ]*)?(?:1[89]|20)[0-9][0-9]")


# cheap tests every match of a shape passes (a shape that fails one is not tried)
_GATES = {
    "in_year": lambda text: "n 1" in text or "n 2" in text,  # "in 1…", "in 2…"
    "dated_dmy": lambda text: "dated " in text,
    "ymd_cjk": lambda text: _cjk_gate(text),
    "year_cjk": lambda text: _cjk_gate(text),
    "era_year": lambda text: _era_gate(text),
    "month_word_year": lambda text: _MONTH_WORD(text) is not None,
    "ymd_words": lambda text: _YEAR_STOP(text) is not None,
    "year_word": lambda text: _YEAR_WORD_LEAD(text) is not None,
    "year_word_inner": lambda text: _INNER_BEFORE_YEAR(text) is not None,  # (the scanned texts only: few)
    "in_year_words": lambda text: _IN_BEFORE_YEAR(text) is not None,
    "season_year": lambda text: _SEASON_BEFORE_YEAR(text) is not None,
    "photo_year": lambda text: _PHOTO_LEAD_YEAR(text) is not None,
    "year_end": _ends_in_year,  # "….) 1991", "… 2019."
    "year_close": lambda text: _close_year_at(text) >= 0,
    "year_taken": lambda text: _may_say_taken(text),
    "year_circa": lambda text: _CIRCA_YEAR(text) is not None,
    "year_fragment": lambda text: _FRAGMENT_YEAR(text) is not None,
    "year_title": lambda text: _TITLE_YEAR(text) is not None,
    "lead_mdy": lambda text: "/" in text[:9],
    # the numeric and year shapes scan the whole text: a C scan for their core first
    "dmy_slash": lambda text: "/" in text and _SLASH_DATE(text) is not None,
    "year_comma": _COMMA_YEAR.search,
    "year_paren": re.compile(r"\((?:c\.[ ]*|ca\.[ ]*|circa[ ]*)?(?:1[89]|20)\d\d\)").search,
    # a year before a capital, or an event's first word before one (the first word found by a C
    # substring test: an alternation opening the pattern makes the scan try every position)
    "event_year": lambda text: _YEAR_CAPITAL(text) is not None or (
        any(head in text for head in _EVENT_HEADS) and _HEAD_CAPITAL(text) is not None),
}


# a kana, Han or Hangul letter: the papers that write "2022.7.30" with one-digit months and days
_CJK_SCRIPT = regex.compile(r"[\p{Hiragana}\p{Katakana}\p{Han}\p{Hangul}]")


def _cjk_gate(text: str) -> bool:
    """ymd_cjk reads 年 or 년 after the year (an ASCII text holds neither: the test returns at once)."""
    return "年" in text or "년" in text




def _MONTH_WORD(text: str) -> bool | None:  # noqa: N802
    """month_word_year's month word in one of the forms the shape reads (C substring tests: ~0.1 µs, a
    case-blind scan ~1.2 µs a caption); None when there is none."""
    if text.isascii() and not _MONTH_WORD_ASCII:  # (a flag of the string: an ASCII text holds no other form)
        return None
    return True if any(f in text for f in _MONTH_WORD_FORMS) else None


_MONTH_WORD_ASCII = tuple(f for f in _MONTH_WORD_FORMS if f.isascii())  # (none today: Vietnamese "tháng")
_ERA_SEARCH = re.compile("|".join(map(re.escape, regex.longest_first(_ERAS)))).search


def _era_gate(text: str) -> bool:
    """era_year reads an era's name: 年 or the Thai marker's พ. first (a C substring test), then the names."""
    return ("年" in text or "พ." in text) and _ERA_SEARCH(text) is not None


# year_fragment's core: a year opening the text, a line or a sentence (C scans)
_FRAGMENT_YEAR = re.compile(r"(?:^|[.!?][\"”»’]?[ ]+|\n)[ ]*(?:1[89]|20)\d\d").search


def _fragment_years(text: str, runs: list[tuple[int, int]], years: list[int]) -> list[int]:
    """Where year_fragment can begin: a run-ending year of four digits opening the text, a line or a sentence (its
    stop, perhaps a quote, and spaces before it), a stop or a space after it."""
    out = []
    for y in years:
        if text[y + 4:y + 5] not in (".", " ") or y and "0" <= text[y - 1] <= "9":
            continue
        k = y
        while k and text[k - 1] == " ":
            k -= 1
        if k == 0 or text[k - 1] == "\n" or k < y and (text[k - 1] in ".!?" or text[k - 1] in "\"”»’" and text[k - 2:k - 1] in (".", "!", "?")):
            out.append(y)
    return out


# year_title's core: a year opening the text (a C match)
_TITLE_YEAR = re.compile(r" *(?:1[89]|20)\d\d(?!\d)").match


def _title_years(text: str, runs: list[tuple[int, int]], years: list[int]) -> list[int]:
    """Where year_title can begin: the text's start, when only spaces stand before its first run-ending year (and
    that year is its first run: no digit before it) and a comma or a space follows the year."""
    if years and runs[0][0] == years[0] and text[years[0] + 4:years[0] + 5] in (",", " ") and (
            years[0] == 0 or text[0] == " " and not text[:years[0]].strip(" ")):  # (a space first: the slice is rare)
        return [0]
    return []


# year_circa's core, and the word before a year it reads ("Circa 1950", "ca.1920")
_CIRCA_YEAR = re.compile(CIRCA + r" ?(?:1[89]|20)\d\d").search
_CIRCA_BEFORE = re.compile(CIRCA + r" ?$")
_CIRCA_LAST = frozenset("aA.") | {f[-1] for f in _CIRCA_FORMS}
_CIRCA_SPAN = max(6, max(map(len, _CIRCA_FORMS)) + 1)


def _circa_years(text: str, runs: list[tuple[int, int]], years: list[int]) -> list[int]:
    """Where year_circa can begin: "circa", "ca." or "c." (perhaps a space) just before a year ending its run."""
    out = []
    for y in years:
        k = y - 1 if text[y - 1:y] == " " else y
        if text[k - 1:k] in _CIRCA_LAST:  # (the word's last character, a C test before the search: "a", "." or "r")
            m = _CIRCA_BEFORE.search(text, max(0, y - _CIRCA_SPAN), y)
            if m is not None:
                out.append(m.start())
    return out


# ymd_words' core: a year, its stop and a space ("1956. október"); year_word's: its word, perhaps a colon, a
# space and a year (case-blind as the shape reads the word)
_YEAR_STOP = re.compile(r"(?:1[89]|20)[0-9][0-9]\. ").search
_YEAR_WORD_LEAD = re.compile(r"(?i:" + "|".join(map(re.escape, date_words()["year_word"])) + r"):? {1,2}(?:1[89]|20)\d\d").search
_YEAR_WORD_BEFORE = re.compile(r"(?i:" + "|".join(map(re.escape, date_words()["year_word"])) + r"):? {1,2}$")
_YEAR_WORD_SPAN = max(map(len, date_words()["year_word"])) + 3
# the last letter of a year's word, or its colon (a character the shape's case-blind word ends in lowers to
# one of these: the Kelvin sign to "k")
_YEAR_WORD_LAST = frozenset({":"} | {w[-1].lower() for w in date_words()["year_word"]})


def _word_years(text: str, runs: list[tuple[int, int]], years: list[int]) -> list[int]:
    """Where year_word can begin: its word (perhaps a colon) and one or two spaces just before a year ending its run."""
    out = []
    for y in years:
        k = y - 1 if text[y - 2:y] == "  " else y  # ("año  1973": two spaces)
        if text[k - 1:k] == " " and text[k - 2:k - 1].lower() in _YEAR_WORD_LAST:  # (a C test before the search)
            m = _YEAR_WORD_BEFORE.search(text, max(0, y - _YEAR_WORD_SPAN), y)
            if m is not None:
                out.append(m.start())
    return out


# year_word_inner's word and season_year's (perhaps with its "of") just before a year: found in a window before
# each year, after a C test of the two letters before it (case-folded, as the case-blind words read)
_INNER_BEFORE = regex.compile(_INNER_WORD + r"[ ]?$")
_INNER_SPAN = max(map(len, date_words()["year_word_inner"])) + 1
_INNER_TAIL = frozenset(w[-2:].casefold() for w in date_words()["year_word_inner"])  # (its last two letters, case-folded)
_SEASON_BEFORE = regex.compile(r"(?<!\p{L})(?i:" + _SEASONS + r")(?:[ ]+(?:of|de|del|di|do))?[ ]+$")
_SEASON_SPAN = max(map(len, date_words()["season"])) + 5
_SEASON_TAIL = frozenset(w[-2:].casefold() for w in (*date_words()["season"], "of", "de", "del", "di", "do"))

_INNER_BEFORE_YEAR = regex.compile(_INNER_WORD + r"[ ]?(?:1[89]|20)\d\d").search
_SEASON_BEFORE_YEAR = regex.compile(r"(?i:" + _SEASONS + r")(?:[ ]+(?:of|de|del|di|do))?[ ]+(?:1[89]|20)\d\d").search


def _inner_years(text: str, runs: list[tuple[int, int]], years: list[int]) -> list[int]:
    """Where year_word_inner can begin: its word, perhaps a space, just before a year ending its run."""
    out = []
    for y in years:
        if (text[y - 3:y - 1] if text[y - 1:y] == " " else text[y - 2:y]).casefold() in _INNER_TAIL:
            m = _INNER_BEFORE.search(text, max(0, y - _INNER_SPAN), y)
            if m is not None:
                out.append(m.start())
    return out


_IN_BEFORE = regex.compile(_IN_WORD + r"[ ]$")
_IN_SPAN = max(map(len, date_words()["in_year"])) + 1
_IN_LAST = frozenset(w[-1] for w in date_words()["in_year"])  # (all ASCII letters: a case-blind match ends in one of them)
_IN_BEFORE_YEAR = regex.compile(_IN_WORD + r"[ ](?:1[89]|20)\d\d").search


def _in_words_years(text: str, runs: list[tuple[int, int]], years: list[int]) -> list[int]:
    """Where in_year_words can begin: its word and a space just before a year ending its run."""
    out = []
    for y in years:
        if text[y - 1:y] == " " and text[y - 2:y - 1].lower() in _IN_LAST:  # (a C test before the search)
            m = _IN_BEFORE.search(text, max(0, y - _IN_SPAN), y)
            if m is not None:
                out.append(m.start())
    return out


def _season_years(text: str, runs: list[tuple[int, int]], years: list[int]) -> list[int]:
    """Where season_year can begin: a season's name (perhaps "of") and spaces just before a year ending its run."""
    out = []
    for y in years:
        if text[y - 1:y] == " " and text[y - 3:y - 1].casefold().replace("\u0307", "") in _SEASON_TAIL:  # ("dİ": "di")
            m = _SEASON_BEFORE.search(text, max(0, y - _SEASON_SPAN), y)
            if m is not None:
                out.append(m.start())
    return out


def _ymd_words_years(text: str, runs: list[tuple[int, int]], years: list[int]) -> list[int]:
    """Where ymd_words can begin: a year ending its run, a stop, spaces, then a letter a year-first month opens with."""
    out = []
    for y in years:
        if text[y + 4:y + 6] == ". ":
            k = y + 6
            while text[k:k + 1] == " ":
                k += 1
            if text[k:k + 1] in _YEAR_FIRST_FIRSTS:
                out.append(y)
    return out


_YEAR_FIRST_FIRSTS = frozenset(w[0] for w in YEAR_FIRST_MONTH_WORDS)


# photo_year's core: its "from" word (or "Jahr") just before a year
_PHOTO_FROM = "|".join(map(re.escape, date_words()["photo_from"])) + "|Jahre?"
_PHOTO_LEAD_YEAR = re.compile(r"(?:" + _PHOTO_FROM + r") (?:1[89]|20)\d\d").search
_PHOTO_LEAD = re.compile(r"(?:" + _PHOTO_FROM + r") $")
_SLASH_DATE = re.compile(r"\d/\d\d?/(?:1[89]|20)\d\d").search
_YEAR_CAPITAL = re.compile(r"(?:1[89]|20)[0-9][0-9] [A-Z]").search
_EVENT_HEADS = tuple(h + " " for h in date_words().get("event_head", ()))
_HEAD_CAPITAL = re.compile(r"(?:" + "|".join(map(re.escape, date_words().get("event_head", ()))) + r") [A-Z]").search

# every shape reads a digit (the regex module's \d, as the shapes write it), and all but these
# four a year: a caption without one is not scanned shape by shape
_ANY_DIGIT = regex.compile(r"\d")
_ANY_YEAR = regex.compile(r"(?:1[89]|20)\d\d")
_YEARLESS = frozenset(("dated_dmy", "lead_mdy", "month_day", "day_month", "era_year"))  # (an era's year is no 4-digit year)


def _iso_gate(text: str, runs: list[tuple[int, int]], years: list[int]) -> bool:
    """iso_slash reads a year of four digits alone in its run ("\\b" before it), then a slash, dash
    or dot and a digit ("2020-08-23", "2020.08.23", "2022.7.30"): some run-ending year is so."""
    for y in years:
        if (y == 0 or not "0" <= text[y - 1] <= "9") and (  # (str.isdigit holds for "²": looser, so kept for after)
                text[y + 4:y + 5] in ("/", "-") and text[y + 5:y + 6].isdigit()
                or text[y + 4:y + 5] == "." and text[y + 5:y + 6].isdigit()):
            return True
    return False


def _dmy_numeric_gate(text: str, runs: list[tuple[int, int]], years: list[int]) -> bool:
    """dmy_numeric reads a day of two digits alone in its run, then a dot ("17.02.2026")."""
    for s, e in runs:
        if e - s == 2 and text[e:e + 1] == ".":
            return True
    return False


def _event_gate(text: str, runs: list[tuple[int, int]], years: list[int]) -> bool:
    """event_year's gate (_YEAR_CAPITAL: a year, a space and a capital; else an event's first word
    before a capital), the year read off the runs: one ending its run, then " " and A-Z."""
    for y in years:  # (loops: a generator costs more than the few tests it runs)
        if text[y + 4:y + 5] == " " and "A" <= text[y + 5:y + 6] <= "Z":
            return True
    for head in _EVENT_HEADS:
        if head in text:
            return _HEAD_CAPITAL(text) is not None
    return False


# gates read off the digit runs (texts whose digits are all ASCII: the shapes' \\d is [0-9] there),
# each implied by every match of its shape
_RUN_GATES = {"iso_slash": _iso_gate, "dmy_numeric": _dmy_numeric_gate, "event_year": _event_gate}


def _year_end_at(text: str) -> int:
    """Where year_end's year must begin in a text that passed its gate (the year ends the text:
    ``YEAR\\.?[ ]*$``, "$" also before a last newline): a match can begin nowhere else."""
    end = (text[:-1] if text.endswith("\n") else text).rstrip(" ")
    return len(end) - (5 if end.endswith(".") else 4)


_CLOSE_YEAR = re.compile(r"(?:1[89]|20)\d\d").fullmatch


def _close_year_at(text: str) -> int:
    """Where year_close's year must begin: a year of four digits closing the text, a space before it (then perhaps
    spaces and a bracketed note, a stop, spaces; "$" also before a last newline), as its pattern reads; else -1.
    Read back from the text's end by index (no copy of the text: most captions with a year end in none)."""
    e = len(text)
    if e and text[e - 1] == "\n":
        e -= 1
    while e and text[e - 1] == " ":
        e -= 1
    if e and text[e - 1] == ".":
        e -= 1
    if e and text[e - 1] == ")":
        p = text.rfind("(", 0, e)
        if p < 1 or text[p - 1] != " " or text.find("\n", p, e) >= 0 or text.find(")", p, e - 1) >= 0:
            return -1
        e = p
        while e and text[e - 1] == " ":
            e -= 1
    y = e - 4
    if y < 1 or text[y - 1] != " " or _CLOSE_YEAR(text, y, e) is None:
        return -1
    return y


def _comma_years(text: str, runs: list[tuple[int, int]], years: list[int]) -> list[int]:
    """Where year_comma can begin: the comma before a year ("Chad, 2015", "Giza, c. 1920"). Its match is
    ``,[ ]{0,2}`` then perhaps "c.", "ca." or "circa" and spaces, then the year, so the year ends its run
    (a run-ending year) and the comma is the last one before it, within 8 characters of the spaces that
    lead the year; a digit before the comma fails the shape's lookbehind ("May 5, 2019")."""
    out = []
    for y in years:
        k = y
        while k and text[k - 1] == " ":  # (the spaces before each year: each read once)
            k -= 1
        c = text.rfind(",", max(0, k - 8), k)
        if c >= 0 and not (c and "0" <= text[c - 1] <= "9") and text[c + 1:k].lstrip(" ") in ("", "c.", "ca.", "circa"):
            out.append(c)
    return out


def _in_years(text: str, runs: list[tuple[int, int]], years: list[int]) -> list[int]:
    """Where in_year can begin: "in " or "In " before a year (its year is followed by a stop or the end,
    so it ends its run)."""
    return [y - 3 for y in years if text[y - 3:y] in ("in ", "In ")]


def _taken_years(text: str, runs: list[tuple[int, int]], years: list[int]) -> list[int]:
    """Where year_taken can begin: a run-ending year with no letter or digit glued before it, one of the taken verbs
    (case-folded, a C substring test) in the characters before it that the shape's reach covers."""
    out = []
    for y in years:
        if y and (text[y - 1].isalnum()):
            continue
        before = _blind_fold(text[max(0, y - _TAKEN_SPAN):y])
        for w in _TAKEN_STEMS:
            if w in before:
                out.append(y)
                break
        else:
            after = _blind_fold(text[y + 4:y + 4 + _TAKEN_SPAN])
            for w in _TAKEN_AFTER_STEMS:
                if w in after:
                    out.append(y)
                    break
    return out


def _lone_years(text: str, runs: list[tuple[int, int]], years: list[int]) -> list[int]:
    """Where event_year can begin: a year of four digits alone in its run (both of its ways read the year
    alone: no digit before it, a space or no digit and no letter after it)."""
    return [y for y in years if not (y and "0" <= text[y - 1] <= "9")]


def _photo_years(text: str, runs: list[tuple[int, int]], years: list[int]) -> list[int]:
    """Where photo_year can begin: a run-ending year just after its "from" word (or "Jahr") and a space."""
    return [y for y in years if text[y - 1:y] == " " and _PHOTO_LEAD.search(text, max(0, y - 6), y)]


def _paren_years(text: str, runs: list[tuple[int, int]], years: list[int]) -> list[int]:
    """Where year_paren can begin: "(" just before a year, or before "c.", "ca." or "circa" and spaces
    before it, the year then closing the bracket ("(1920)", "(c. 1920)"); the year ends its run."""
    out = []
    for y in years:
        if text[y + 4:y + 5] != ")":
            continue
        if text[y - 1:y] == "(" and y:
            out.append(y - 1)
            continue
        k = y
        while k and text[k - 1] == " ":
            k -= 1
        p = text.rfind("(", max(0, k - 6), k)
        if p >= 0 and text[p + 1:k] in ("c.", "ca.", "circa"):
            out.append(p)
    return out


# shapes read only at the places a text's digit runs give (texts whose digits are all ASCII): each
# match begins at one of them, so the shape is tried there (``.match``), not scanned over the text
_AT_RUNS = {"ymd_words": _ymd_words_years, "year_word": _word_years, "year_circa": _circa_years, "year_comma": _comma_years, "in_year": _in_years, "photo_year": _photo_years, "event_year": _lone_years, "year_paren": _paren_years, "year_fragment": _fragment_years, "year_title": _title_years,
            "year_word_inner": _inner_years, "in_year_words": _in_words_years, "season_year": _season_years,
            "year_taken": _taken_years}


_SHAPES_TRIED = [(shape, pattern, _GATES.get(shape), _RUN_GATES.get(shape), _AT_RUNS.get(shape), shape in _ANCHORED,
                  shape not in _YEARLESS) for shape, pattern in COMPILED]
_SHAPES_YEARLESS = [tried for tried in _SHAPES_TRIED if not tried[-1]]  # a text without a year: these only


def _tries_scanned(text: str, has_year: bool, starts: list[int] | None) -> list[tuple[str, regex.Pattern, object]]:
    """The shapes to try on a text read without its digit runs (a digit in another script, or many
    numbers), in :data:`SHAPES` order, each with where it is tried: None (a scan of the text), a list
    of starts (``.match`` there), or year_end's one start; a shape whose gate fails is left out."""
    by_shape = _starts_by_shape(text, starts, has_year) if starts else None
    tries = []
    for shape, pattern, gate, _, _, anchored, _ in (_SHAPES_TRIED if has_year else _SHAPES_YEARLESS):
        if gate is not None and not gate(text):
            continue
        if starts is not None and anchored:
            if starts and by_shape[shape]:
                tries.append((shape, pattern, by_shape[shape]))
        elif shape == "year_end":
            tries.append((shape, pattern, _year_end_at(text)))
        elif shape == "year_close":
            tries.append((shape, pattern, _close_year_at(text)))
        else:
            tries.append((shape, pattern, None))
    return tries


_P = dict(COMPILED)
_ANCHORED_TRIED = [(shape, pattern) for shape, pattern in COMPILED if shape in _ANCHORED]  # (in SHAPES order)
_ANCHORED_YEARLESS = [(shape, pattern) for shape, pattern in _ANCHORED_TRIED if shape in _YEARLESS]
# the order _tries_at_runs writes the shapes in (tests check it is SHAPES')
_RUNS_ORDER = ("iso_slash", "ymd_cjk", "year_cjk", "era_year", "ymd_words", "month_word_year", "dated_dmy", "dmy_numeric", "dmy_slash", "lead_mdy",
               *(s for s, _ in _ANCHORED_TRIED), "photo_year", "in_year", "year_word", "year_word_inner", "in_year_words", "season_year", "year_comma", "year_paren", "year_end", "year_fragment", "year_title", "year_circa", "event_year", "year_close", "year_taken")


def _tries_at_runs(text: str, runs: list[tuple[int, int]], years: list[int], has_year: bool,
                   starts: list[int]) -> list[tuple[str, regex.Pattern, object]]:
    """:func:`_tries_scanned` for a text whose digits are ASCII, read off its digit runs: the same
    gates and starts as a loop over :data:`_SHAPES_TRIED` would take (each shape's run gate and
    starts at the runs if it has them, else its text gate; the anchored shapes at their starts),
    written out shape by shape (a caption tries 2 or 3 shapes of the 16: the loop's tests of every
    shape cost more than the shapes). A shape that reads a year is tried only in a text that has
    one (``has_year``); those that begin at a run-ending year only where ``years`` has one."""
    tries = []
    if years and _iso_gate(text, runs, years):
        tries.append(("iso_slash", _P["iso_slash"], None))
    if years and _cjk_gate(text):
        tries.append(("ymd_cjk", _P["ymd_cjk"], None))
        tries.append(("year_cjk", _P["year_cjk"], None))
    if _era_gate(text):
        tries.append(("era_year", _P["era_year"], None))
    if years:
        at = _ymd_words_years(text, runs, years)
        if at:
            tries.append(("ymd_words", _P["ymd_words"], at))
        if _MONTH_WORD(text) is not None:
            tries.append(("month_word_year", _P["month_word_year"], None))
    if "dated " in text:
        tries.append(("dated_dmy", _P["dated_dmy"], None))
    if has_year:
        if _dmy_numeric_gate(text, runs, years):
            tries.append(("dmy_numeric", _P["dmy_numeric"], None))
        if "/" in text and _SLASH_DATE(text) is not None:
            tries.append(("dmy_slash", _P["dmy_slash"], None))
    if "/" in text[:9]:
        tries.append(("lead_mdy", _P["lead_mdy"], None))
    if starts:
        by_shape = _starts_by_shape(text, starts, has_year, years)
        for shape, pattern in (_ANCHORED_TRIED if has_year else _ANCHORED_YEARLESS):
            if by_shape[shape]:
                tries.append((shape, pattern, by_shape[shape]))
    if years:
        at = _photo_years(text, runs, years)
        if at:
            tries.append(("photo_year", _P["photo_year"], at))
        at = _in_years(text, runs, years)
        if at:
            tries.append(("in_year", _P["in_year"], at))
        at = _word_years(text, runs, years)
        if at:
            tries.append(("year_word", _P["year_word"], at))
        at = _inner_years(text, runs, years)
        if at:
            tries.append(("year_word_inner", _P["year_word_inner"], at))
        at = _in_words_years(text, runs, years)
        if at:
            tries.append(("in_year_words", _P["in_year_words"], at))
        at = _season_years(text, runs, years)
        if at:
            tries.append(("season_year", _P["season_year"], at))
        at = _comma_years(text, runs, years)
        if at:
            tries.append(("year_comma", _P["year_comma"], at))
        at = _paren_years(text, runs, years)
        if at:
            tries.append(("year_paren", _P["year_paren"], at))
    if has_year and _ends_in_year(text):
        tries.append(("year_end", _P["year_end"], _year_end_at(text)))
    if years:
        at = _fragment_years(text, runs, years)
        if at:
            tries.append(("year_fragment", _P["year_fragment"], at))
    if years:
        at = _title_years(text, runs, years)
        if at:
            tries.append(("year_title", _P["year_title"], at))
    if years:
        at = _circa_years(text, runs, years)
        if at:
            tries.append(("year_circa", _P["year_circa"], at))
    if years and _event_gate(text, runs, years):
        at = _lone_years(text, runs, years)
        if at:
            tries.append(("event_year", _P["event_year"], at))
    if years:
        at = _close_year_at(text)
        if at >= 0:
            tries.append(("year_close", _P["year_close"], at))
        if _may_say_taken(text):
            at = _taken_years(text, runs, years)
            if at:
                tries.append(("year_taken", _P["year_taken"], at))
    return tries


# the last texts read and their dates: the parser, the place finder and the span finder read the
# same caption (a huge caption's thousands of dates are read once); DateFound is never changed.
# parse_caption empties it for each caption (forget_dates): a caption is never timed on another's reading
_READ: dict[str, list[DateFound]] = {}


def forget_dates() -> None:
    _READ.clear()


def find_dates(text: str) -> list[DateFound]:
    """Every date phrase, in text order; overlapping shapes keep the most complete."""
    got = _READ.get(text)
    if got is None:
        got = _find_dates(text)
        if len(_READ) >= 4:
            _READ.clear()
        _READ[text] = got
    return list(got)


def _find_dates(text: str) -> list[DateFound]:
    found: list[DateFound] = []
    # the runs of digits, read once: what the digit and year tests, the starts and the run gates need
    runs = _digit_runs(text)
    if runs is None:  # a digit in another script, or many numbers: every test on the text itself
        if _ANY_DIGIT.search(text) is None:
            return found
        has_year = _ANY_YEAR.search(text) is not None
        years = None
    else:
        if not runs:
            return found
        years = _run_years(text, runs)
        has_year = _has_year(text, runs, years)
    starts = _starts(text, runs, years)
    tries = (_tries_at_runs(text, runs, years, has_year, starts) if runs is not None
             else _tries_scanned(text, has_year, starts))
    if not tries:  # (a third of the texts with a digit: no shape can match)
        return found
    taken = bytearray(len(text) + 1)  # 1 where a date was found: a linear overlap test
    for shape, pattern, where in tries:
        if where is None:
            matches = pattern.finditer(text)
        elif where.__class__ is int:  # year_end: it ends the text, its one match begins where its year must
            m = pattern.match(text, where)
            if m is None:
                continue
            matches = (m,)
        else:
            matches = _finditer(pattern, text, where, taken)
        for m in matches:
            s, e = m.span()
            if 1 in taken[s:e]:
                continue
            g = m.groupdict()
            month = MONTH_WORDS[g["month"].lower().rstrip(".")] if g.get("month") else (
                int(g["mnum"]) if g.get("mnum") else None)
            day = int(g["day"]) if g.get("day") else None
            year = g.get("year")
            y = None
            if year:
                y = int(year) if len(year) == 4 else 2000 + int(year)
            elif g.get("yy"):
                y = int(g["yy"]) + (1900 if int(g["yy"]) > 50 else 2000)
            elif g.get("era"):
                first, last = _ERAS[g["era"]]
                y = first + (1 if g["eyear"] == "元" else int(g["eyear"])) - 1
                if not 1800 <= y <= 2099 or last is not None and y > last:
                    continue  # (no such year of the era)
            name, ambiguous = shape, False
            if shape == "ymd_cjk" and day is None:
                name = "ym_cjk"
            if g.get("mnum2"):
                if (len(g["mnum2"]) < 2 or len(g["day2"]) < 2) and _CJK_SCRIPT.search(text) is None:
                    continue
                name, month, day = "ymd_dots", int(g["mnum2"]), int(g["day2"])
            if shape == "dmy_slash" and month is not None and day is not None:
                if month > 12 >= day:
                    name, day, month = "mdy_slash", month, day  # "6/27/2003": the US order
                elif month != day and month <= 12 and day <= 12:
                    ambiguous = True  # "08/09/2025": day first, unless the place is in the US
            if not _valid(y, month, day):
                continue
            if day is not None and shape.startswith("day") and s and _RANGE_BEFORE.search(text, max(0, s - 6), s):
                day, name = None, "month_year"  # "from 17-30 April, 2017": days of a month, the month is the date
            taken[s:e] = b"\x01" * (e - s)
            found.append(DateFound(name, s, e, y, month, day, m.group(0), ambiguous))
    if len(found) > 1:
        found.sort(key=_START)
    return found


_START = attrgetter("start")


# a day before a dash, ahead of a day and its month in words: the first day of a range ("17-30 April")
_RANGE_BEFORE = regex.compile(r"(?<!\d)[0-3]?\d[ ]*[-–][ ]*$")
# words that say the date after them is when the photo was taken ("Photo taken in September 1916",
# "Taken in 2008.", "aufgenommen am", "tomada em", "prise le", "scattata il"), a few words before it
# (the verbs and the words before the date: date_words.csv, kinds taken and taken_lead)
_TAKEN_VERBS = "|".join(map(re.escape, date_words()["taken"]))
_TAKEN = regex.compile(r"(?i:\b(?:" + _TAKEN_VERBS + r")\b)(?:[ ]+[\p{L}\d'’]+){0,4}?[ ]+(?:"
                       + "|".join(map(re.escape, date_words()["taken_lead"])) + r")[ ]+$")
# the gate: photo_date looks for a taken date only in a caption holding one of the verbs
_TAKEN_WORD = regex.compile(r"(?i:\b(?:" + _TAKEN_VERBS + r")\b)")
# ... and before it, a C test: the verbs (none holding another) in the caption case-folded (_blind_fold:
# ſ is an s, the Kelvin sign a k, İ an i), so every caption _TAKEN_WORD finds one in passes it
_TAKEN_STEMS = tuple(sorted(w for w in {v.casefold() for v in date_words()["taken"]}
                            if not any(o != w and o in w for o in {v.casefold() for v in date_words()["taken"]})))
_TAKEN_AFTER_STEMS = tuple(sorted({v.casefold() for v in date_words()["taken_after"]}))


def _blind_fold(text: str) -> str:
    """``text`` case-folded for the C tests that gate a case-blind pattern: the regex module's
    case-blind match of a letter takes only characters whose case-fold is that letter, but for İ,
    which folds to i and a combining dot (U+0307); the dots are dropped, so "İ" reads as "i"."""
    folded = text.casefold()
    return folded.replace("\u0307", "") if "\u0307" in folded else folded


def _may_say_taken(text: str) -> bool:
    folded = _blind_fold(text)
    for w in _TAKEN_STEMS:  # (a loop: a generator costs more than the dozen C scans it runs)
        if w in folded:
            return True
    for w in _TAKEN_AFTER_STEMS:
        if w in folded:
            return True
    return False


def _folds_simply(ch: str) -> bool:
    """The letter is its own case-fold and its capital's (Turkish ç and Ç, a letter of a script without case):
    a case-blind match of it finds it in the text case-folded."""
    return ch.casefold() == ch == ch.upper().casefold()


# (the reasoning holds for ASCII verbs and for letters that fold simply; _blind_fold reads İ as i)
_TAKEN_SPAN = _TAKEN_REACH + max(map(len, _TAKEN_STEMS + _TAKEN_AFTER_STEMS))
if not all(ch.isascii() or _folds_simply(ch) for w in _TAKEN_STEMS + _TAKEN_AFTER_STEMS for ch in w):  # pragma: no cover
    def _may_say_taken(text: str) -> bool:  # noqa: F811
        return True


def taken_date(text: str, dates: list[DateFound]) -> DateFound | None:
    """A date the caption says the photo was taken on: "Photo taken in September 1916", "Taken in 2008."."""
    for d in dates:
        end = d.start + (d.text.rfind(" ") + 1 if d.shape in ("in_year", "in_year_words") else 0)  # "in 2008", "nel 1928": its word leads it
        if d.start and _TAKEN.search(text, max(0, d.start - 60), end):
            return d
    return None


# a date before an event's word names the story's event, not the photo's day: "the 4 September 2010
# earthquake", "the March 2011 quake and tsunami" (date_words.csv story_event)
_EVENT_AFTER = regex.compile(r"[ ]++(?i:" + "|".join(map(re.escape, date_words().get("story_event", ()))) + r")(?!\p{L})")


def is_story_date(text: str, d: DateFound) -> bool:
    before = text[max(0, d.start - 30): d.start]
    return bool(_NOT_PHOTO_GATE(_blind_fold(before)) and _NOT_PHOTO_DATE.search(before)) or (
        d.shape not in ("in_year", "in_year_words") and _EVENT_AFTER.match(text, d.end) is not None)


# "in this undated photo released … on April 12, 2016": the date is the release's
_UNDATED = regex.compile(r"\b[Uu]ndated (?:photo|picture|image|handout|file|still|frame)|\b[Uu]ndatierte?[ns]? (?:Archiv)?[Bb]ild|\b[Ii]mage(?:n)? sin fecha")
# the end of the first sentence: a full stop after a word of four letters or more
# found from its stop, the four letters before it a lookbehind (a scan for the stop, not a try of four
# letters at every letter: 3x faster); the sentence's end is 4 characters before the match's start
_SENTENCE_END = regex.compile(r"(?<=\p{L}{4})[.!?][\"”’]?\s+[\"“(]?\p{Lu}")


def is_undated(text: str) -> bool:
    # (each of _UNDATED's ways holds one of these: "ndated", German "ndatiert", Spanish "sin fecha")
    return ("ndated" in text or "ndatiert" in text or "sin fecha" in text) and bool(_UNDATED.search(text))


def photo_date(text: str, dates: list[DateFound]) -> DateFound | None:
    """The photo's date: the first full date that is not the story's, else the
    first month-and-day, else the first month-and-year or year of the first
    sentence (a month or year further on belongs to the story)."""
    if not dates:
        return None
    for d in dates:  # "undatiertes Foto von 1945": the year the caption gives the picture, even undated
        if d.shape == "photo_year":  # (its "from" is no story's "from 1962": the picture's noun leads it)
            return d
    if is_undated(text):
        return None
    story: dict[int, bool] = {}  # the story's-date test, run only on the dates a step looks at

    def usable(test):
        for i, d in enumerate(dates):
            if test(d):
                if i not in story:
                    story[i] = is_story_date(text, d)
                if not story[i]:
                    yield d

    if _may_say_taken(text) and _TAKEN_WORD.search(text):
        taken = taken_date(text, list(usable(lambda d: True)))
        if taken is not None:
            return taken
    for d in usable(lambda d: d.full):
        return d
    for d in usable(lambda d: d.day is not None):
        return d
    for d in usable(lambda d: d.shape == "year_taken"):  # (in any sentence: the verb says it is the photo's)
        return d
    end = _SENTENCE_END.search(text)
    first = end.start() + 1 if end else len(text)  # (the match begins at the stop: 4 letters and 1 on)
    for shape in ("month_year", "month_year_words", "month_word_year", "season_year", "ym_cjk", "year_cjk", "era_year", "year_comma", "year_paren", "in_year", "in_year_words", "year_word", "year_word_inner",
                  "year_end", "year_close", "year_fragment", "year_title", "year_circa", "event_year"):
        for d in usable(lambda d: d.shape == shape and (d.start < first and shape != "year_circa" or shape in ("year_end", "year_close")
                                                        or shape == "year_comma"
                                                        and _ENDS_TEXT.match(text, d.end)
                                                        or shape == "year_fragment"  # (a sentence of its own)
                                                        or shape == "year_word" and _fragment(text, d)
                                                        or shape in ("month_year", "month_year_words", "month_word_year", "season_year", "year_circa")
                                                        and (_fragment(text, d) or _closes_place(text, d))
                                                        or shape == "year_circa" and _closes_title(text, d))):
            return d  # an archive's "…, Schlosswil, Brand eines Bauernhofs, 1967." closing the caption
    return None


_ENDS_TEXT = regex.compile(r"[\s.]*+$")
_FRAGMENT_BEFORE = regex.compile(r"(?:^|[.!?\n])[ \t]*+$")
_FRAGMENT_AFTER = regex.compile(r"(?:[ ]+года|[ ]?г\.)?[ \t]*+(?:\.|$|\n)")  # (Russian writes "year" after it: "Май 1945 года.")


def _closes_place(text: str, d: DateFound) -> bool:
    """The month closes a sentence after a place, as an archive's credit line writes it: "Lyntha Scott
    Eiler, Cincinnati, OH, September 1975."."""
    return text[max(0, d.start - 2):d.start] == ", " and bool(_FRAGMENT_AFTER.match(text, d.end))


# a title of one to three capitalised words opening the caption, a line or a sentence: "Bahnhofgebiet ", "Skandinaviska
# Banken " (not "The house, built ": a sentence's words in lower case)
_TITLE_BEFORE = regex.compile(r"(?:^|[.!?\n][ ]*+)(?:\p{Lu}[\p{L}'’\-]*+[ ]++){1,3}$")


def _closes_title(text: str, d: DateFound) -> bool:
    """Circa and a year close a title of capitalised words, as an archive's album writes it: "Bahnhofgebiet um 1920",
    "Skandinaviska Banken omkring 1950. Banken låg …"."""
    return bool(_TITLE_BEFORE.search(text, max(0, d.start - 80), d.start)) and bool(_FRAGMENT_AFTER.match(text, d.end))


def _fragment(text: str, d: DateFound) -> bool:
    """The date is a sentence of its own, as archives close a caption: "… riding the subway. February 1959."."""
    return bool(_FRAGMENT_BEFORE.search(text, max(0, d.start - 4), d.start)) and bool(_FRAGMENT_AFTER.match(text, d.end))


# (a slash may close the chain too: Sports Chosun's "… 기자 deer@sportschosun.com /2020.08.20/")
_CREDIT_END = regex.compile(r"[\s./]*+$")


def credit_date(credit: str) -> DateFound | None:
    """A date closing a credit chain, as UN agencies and archives write it: "UNHCR / E. Hockstein /
    August 2009", "© UNHCR/V.Tan/January 2006"; the photo's when the caption states no other."""
    if _ANY_DIGIT.search(credit) is None:  # every shape reads a digit: a credit without one holds no date
        return None  # (most credits: the date shapes' setup not run for them)
    found = [d for d in find_dates(credit) if d.month is not None and _CREDIT_END.match(credit, d.end)]
    if found and credit[:found[-1].start].rstrip().endswith(("/", "|", ",")):
        return found[-1]
    return None


def year_in_text(dates: list[DateFound], month: int | None, day: int | None) -> int | None:
    """The year a caption writes for a dateline's month and day: the same day
    repeated with its year, else the year of the first full date."""
    for d in dates:
        if d.year and d.month == month and d.day == day:
            return d.year
    for d in dates:
        if d.full:
            return d.year
    return None
