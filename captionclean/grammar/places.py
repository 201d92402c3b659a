"""Places: the dateline, the photo's place phrase, and what each part names.

A place is a comma-separated run of names (``Seattle, Washington, U.S.``). Each
part is looked up in the tables: a country (pycountry plus short forms), a US
state (full, postal or AP form), a region word (``Hubei province``), a venue or
neighbourhood (never the city), else a city or a region by its position. The
photo's place is the dateline's, else the run written next to the photo's date,
else the first ``in …`` run that names a known place.
"""
from __future__ import annotations

import re as stdlib_re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from .. import timed_regex as regex  # the regex module, with a time budget

from ..tables import _fold, _key, _read_csv
from ..tables import AP_CITIES, CAPITAL_MONTH_WORDS, MONTHS, city_names, countries, gazetteer, country_by_code, WEEKDAY_NOT_NAMES, WEEKDAY_WORDS, WEEKDAYS, city_in, english_city, lookup_city, lookup_country, lookup_state, \
    lookup_subdivision, subdivisions, case_endings, neighbourhood_cities, own_city_names, place_words, us_states
from .dates import DAY, MONTH, YEAR, DateFound, find_dates

# The tables' look-ups, memoised here: reading one new run looks each of its parts up a dozen times (as a
# country, a state, a city, a subdivision, under each rule), each time folding the name again (tables._key);
# and a new run's parts are mostly names read before ("England", "Calif."). The tables are built once per
# process and never change, so a look-up's answer is fixed (bounded caches: an archive names millions).
_MEMO = 1 << 15
lookup_country = lru_cache(maxsize=_MEMO)(lookup_country)
lookup_state = lru_cache(maxsize=_MEMO)(lookup_state)
lookup_city = lru_cache(maxsize=_MEMO)(lookup_city)
lookup_subdivision = lru_cache(maxsize=_MEMO)(lookup_subdivision)
english_city = lru_cache(maxsize=_MEMO)(english_city)
for _memo in (lookup_country, lookup_state, lookup_city, lookup_subdivision, english_city):
    _memo.__module__ = __name__  # (this module's names: a pickle of one finds the memo, not the tables' function)

_W = place_words()
_REGION = _W.get("region", frozenset())
_CITYWORD = _W.get("city", frozenset())
# a generic phrase of several words after a city's name: "the Johannesburg Central Business District"
_CITY_PHRASES = tuple(" " + w for w in _CITYWORD if " " in w)
_NBH = _W.get("neighbourhood", frozenset())
_DIRS = _W.get("direction", frozenset())
_VENUE = _W.get("venue", frozenset()) | _W.get("nature", frozenset())
_PERSON_TITLE = _W.get("person_title", frozenset())  # "Mr", "Dr", "President": a person's name follows
_CITY_STATE = _W.get("city_state", frozenset())  # a country that is one city: "the Vatican" is Vatican City
_AREA = frozenset(w.casefold() for w in _W.get("area", ()))  # oceans, seas and areas named alone ("the Pacific")
_REGION_ABBR = _W.get("region_abbr", frozenset())  # "P.E.I.", "Alta.", "NSW": a province's abbreviation
# a city's borough or quarter written alone ("in Harlem"): its city (data/neighbourhoods.csv)
_NBH_CITY = neighbourhood_cities()
_NBH_NAMES = frozenset(w.casefold() for w in _W.get("neighbourhood_name", ())) | frozenset(_NBH_CITY)
# a town's generic word after its name that makes the name a town's ("Habile village", not "Beijing city centre")
_TOWN_AFTER = frozenset(w for w in _W.get("city", ()) if w.islower()) - {"capital", "centre", "center"}
# words for a settlement before "of" only ("the community of Yamachiche"): after a name they are no town's
_TOWN_OF_WORDS = _W.get("town_of", frozenset())
# German writes a place's generic word with a capital, before the name: "Hauptstadt Accra", "US-Bundesstaat Maryland"
_CITY_BEFORE = _W.get("city_before", frozenset())
_CITY_KNOWN_BEFORE = tuple(sorted(_W.get("city_known_before", ())))  # Indonesian "Kota": a known city's name follows
_REGION_BEFORE = _W.get("region_before", frozenset())
# "in" in other languages ("en Caracas", "na Ucrânia", "à Paris"): read as "in"
_LEAD_IN = _W.get("lead_in", frozenset())
# words between a place and its date in other languages ("à Paris, le 12 juillet 2023")
_DATE_LEAD = _W.get("date_lead", frozenset())
_COUNTRY_PREFIX = _W.get("country_prefix", frozenset())
_REGION_GENERIC = _W.get("region_generic", frozenset())
_VENUE_HEAD = _W.get("venue_head", frozenset()) | _W.get("nature_head", frozenset())
_NATURE = _W.get("nature", frozenset())
_NATURE_HEAD = _W.get("nature_head", frozenset())
_REGION_HEAD = _W.get("region_head", frozenset())  # a region's word opening its name: "Kabupaten Bandung"
# a part or view of a place before "of" ("the streets of Harare", "las calles de Jerusalén")
_PLACE_OF = frozenset(w.casefold() for w in _W.get("place_of", ()))
_OF_WORDS = _W.get("of", frozenset())
# the generic words of a Chinese administrative unit written after its name in English ("Lingguan Town", "Hengyang City")
_CN_UNIT = _W.get("cn_unit", frozenset())
# a street's generic word ("Main St.", "Moi avenue"): an address, whose city follows it
_STREET = frozenset(w.casefold() for w in _W.get("street", ()))
# a day named without its date ("yesterday", "ayer", "gestern")
_RELATIVE_DAY = _W.get("relative_day", frozenset())


@dataclass
class Place:
    city: str = ""
    region: str = ""
    country: str = ""
    country_code: str = ""
    rules: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    by_table: bool = False  # a country, US state or region word was named

    @property
    def found(self) -> bool:
        return bool(self.city or self.region or self.country)

    @property
    def known(self) -> bool:
        """Names something the tables know: a country, a state or region, a listed city."""
        return bool(self.by_table or (self.city and (lookup_city(self.city) or _key(self.city) in AP_CITIES)))


def _case(text: str) -> str:
    """Title-case a name written in capitals (``SAN SALVADOR`` → ``San Salvador``)."""
    if not text.isupper() or len(text) <= 3 and "." not in text and " " not in text and text in _POSTAL:
        return text
    if _INITIALS.fullmatch(text):
        return text  # "D.C.", "N.J."
    out = _CASE_WORD.sub(lambda m: m[1] + m[2].lower(), text)
    if "I" in text and not text.isascii() and any(c in _TR_CAPITALS for c in text):
        return _tr_case(text, out)
    return out


# Turkish capitals: Turkish writes "I" for dotless ı and "İ" for i ("ŞANLIURFA", "IĞDIR"), so a name in its capitals
# holding one of these letters may be lowered the Turkish way
_TR_CAPITALS = frozenset("ŞĞİ")
_TR_LOWER = str.maketrans({"I": "ı", "İ": "i"})


def _tr_case(text: str, out: str) -> str:
    """The Turkish title case of ``text`` ("ŞANLIURFA" → "Şanlıurfa", "IĞDIR" → "Iğdır") when the lexicon knows it as a
    town or region and not ``out``, its plain title case; ``out`` otherwise (Romanian "TIMIŞOARA" → "Timişoara")."""
    tr = _CASE_WORD.sub(lambda m: m[1] + m[2].translate(_TR_LOWER).lower(), text)
    if tr != out and (lookup_city(tr) or lookup_subdivision(tr)) and not (lookup_city(out) or lookup_subdivision(out)):
        return tr
    return out


# (compiled once: regex.fullmatch(str, …) made a pattern object at every call)
_INITIALS = regex.compile(r"(?:\p{Lu}\.)+")
_CASE_WORD = regex.compile(r"(?<![\p{L}'’])(\p{L})(\p{L}*)")
_TOWN_NAME = regex.compile(r"\p{Lu}[\p{L}\-]+")


_POSTAL = frozenset(st.postal for st in us_states().values())


def _region_text(part: str) -> str:
    state = lookup_state(part)
    if state and state.postal == "DC":
        return "DC"  # "D.C.", "DC", "District of Columbia" are written DC
    return _case(part)


# --- naming the parts of a run -------------------------------------------------
_POSSESSIVE = regex.compile(r"^(?P<owner>[^ ]+?(?: \p{Lu}[^ ]*?){0,2})['’]s(?:\s+(?P<rest>.*))?$")
_OWNED_COUNTRY = regex.compile(r"^(\p{Lu}[\p{L}\-]*)['’]s ")  # "China's …": a possessive, after a direction
_OF = regex.compile(r" (?:of|Of) (?:(?:the|The) )?")


def _last(part: str) -> str:
    return part.rsplit(" ", 1)[-1]


@lru_cache(maxsize=_MEMO)
def _is_known(name: str) -> bool:
    return bool(lookup_country(name) or lookup_state(name))


# who holds a place, before its name: "Israeli-occupied", "rebel-held", "Russian-controlled"
_HELD = regex.compile(r"\p{L}+-(?:occupied|controlled|held|annexed|run)")


def _owned_after_direction(direction: str, rest: str) -> bool:
    """"East" + "China's Jiangsu Province": a direction before a country's possessive (not
    "South" + "Sudan's Juba": South Sudan is a country's name)."""
    m = _OWNED_COUNTRY.match(rest)
    return bool(m) and not _is_known(direction + " " + m[1])


_STATE_COUNTRIES = frozenset(("US", "CA"))  # where a town's state or province is written after it without a comma


@lru_cache(maxsize=1)
def _state_tail() -> frozenset[str]:
    """The last word of every form of a US state's or Canadian province's name (built when first asked: the
    subdivisions' table is read on demand)."""
    return frozenset(k.rsplit(" ", 1)[-1] for k in us_states()) | frozenset(
        k.rsplit(" ", 1)[-1] for k, codes in subdivisions().items() if not codes.isdisjoint(_STATE_COUNTRIES))


def _split_part(raw: str, lead: str = "") -> list[tuple[str, str]]:
    """One written part → (name, hint) pairs, smallest place first; the hint
    ("city", "region" or "") says what a generic word around the name made it."""
    part = _case(raw.strip(" ,;:/").rstrip("-–—").rstrip(" ,;:/"))  # "Kelantan----": a line of dashes closes no name
    while True:
        first, _, rest = part.partition(" ")
        if rest and (first == "the" or first in _DIRS or first == "The" and _is_known(rest)
                     or "-" in first and _HELD.fullmatch(first) or first.lower() in _DIRS and _owned_after_direction(first, rest)
                     ) and not _is_known(part):
            # "Israeli-occupied West Bank"; "East China's Jiangsu Province" (not "South Sudan's")
            part = rest
            continue
        break
    if not part or _is_known(part):
        return [(part, "")] if part else []
    # (each pattern tried only when the text holds the mark every match of it holds: "'s", " of ", a hyphen;
    # most parts hold none, and a lazy _POSSESSIVE fails slowly)
    m = _POSSESSIVE.match(part) if "'s" in part or "’s" in part else None
    if m and m["owner"][:1].isupper():
        owner, rest = m["owner"], m["rest"] or ""
        if rest and rest.rsplit(" ", 1)[-1] in _NBH and (_is_known(owner) or lookup_city(owner)):
            return [(owner, "")]  # "New York's Harlem neighborhood", "Kuala Lumpur's China Town area"
        if lead == "in" and _TOWN_NAME.fullmatch(rest) and not _is_known(owner) and not _is_known(rest) \
                and not _kind(rest) and rest.casefold() not in _NBH_NAMES and (lookup_city(owner) or (None, 0))[1] < 100_000:
            return [(rest, ""), (owner, "region")]  # "Bogura's Shibganj", "Khagrachhari's Dighinala": a district's town
        if not (_is_known(owner) or lookup_city(owner)):
            if rest[:1].isupper() and _kind(rest) == "region":
                return [(rest, "region")]  # "southern Siberia's Tuva region": the region, in an area no table names
            return [(part, "")]  # "Sadler's Wells": a name, not a place's part
        if not rest or not _is_known(owner) or all(w.islower() for w in rest.split()):
            return [(owner, "")]  # "Tokyo's Shinagawa district", "Liberia's capital"
        return _split_part(rest) + [(owner, "")]  # "Indonesia's Banten province"
    pieces = _OF.split(part) if " of " in part or " Of " in part else None
    if pieces is not None and len(pieces) > 1:
        head, tail = " of ".join(pieces[:-1]), pieces[-1]
        word = _last(head)
        if lookup_country(tail) and lookup_city(part):
            return [(part, "")]  # "Port of Spain": a city the gazetteer names whole, its name ending in a country's
        if lookup_country(tail) and head.split(" ", 1)[0] not in _VENUE_HEAD and word not in _COUNTRY_PREFIX:
            if head.islower():
                return [(tail, "")]  # "Beijing, capital of China": a common noun names no place
            return _split_part(head) + [(tail, "")]  # "Jiangsu Province of China"
        if word.casefold() in _CITYWORD or word in _NBH or word == "City" or word in _TOWN_OF_WORDS:
            if word in _NBH and _kind(tail) == "region":
                return [(tail, "region")]  # "the Cascadel Woods neighborhood of Madera County": a county, no town
            return [(tail, "city")]  # "the city of Hebron", "the Manhattan borough of New York"
        if word in _REGION or word in _REGION_GENERIC:
            if head[:1].isupper() and _kind(head) == "region":
                wider = _split_part(tail)
                if any(lookup_country(p) for p, _ in wider):
                    # Xinhua: "Daoxian County of central China's Hunan Province": the county, then the province
                    return [(head, "region")] + wider
            return [(tail, "region")]  # "the northern Indian state of Uttar Pradesh"
        if word in _COUNTRY_PREFIX:
            return [(tail, "")]  # "the Principality of Monaco"
        if head.split(" ", 1)[0] in _VENUE_HEAD or word in _VENUE:
            return [(part, "venue")]  # "Bay of Biscay", "Palace of Versailles"
        return [(part, "")]
    words = part.split(" ")
    if len(words) > 1 and any(w + " " in part for w in _CITY_KNOWN_BEFORE):
        for k, word in enumerate(words[:-1]):
            if word in _CITY_KNOWN_BEFORE:
                # "Kecamatan Kendari Barat, Kota Kendari", "Alun-alun Kota Tegal": the city, when the gazetteer knows
                # it and the word is not part of its name ("Kota Kinabalu"); "Kota Tua" (an old town) stays whole
                name = " ".join(words[k + 1:])
                if name[:1].isupper() and lookup_city(name) and not lookup_city(" ".join(words[k:])):
                    return [(name, "city")]
                break
    if len(words) > 1 and (words[0] in _CITY_BEFORE or words[0] in _REGION_BEFORE) and words[1][:1].isupper():
        # "der ghanaischen Hauptstadt Accra", "im US-Bundesstaat Pennsylvania": the word says what the name is
        return [(" ".join(words[1:]), "city" if words[0] in _CITY_BEFORE else "region")]
    if len(words) > 1:
        state = lookup_state(words[-1])
        if state and state.postal == "DC" and "." in words[-1]:
            return [(" ".join(words[:-1]), ""), (words[-1], "")]  # "Washington D.C."
        # "Fort McMurray Alberta", "Lincoln Nebraska": a town, then its US state or Canadian province without the
        # comma (the town a gazetteer city of that country; not a club's "Werder Bremen": North America only)
        # (a C set test first: the last word must end a state's or province's name or abbreviation)
        for k in (1, 2) if words[-1].casefold().rstrip(".") in _state_tail() and not lookup_city(part) else ():
            if len(words) > k:
                region, town = " ".join(words[-k:]), " ".join(words[:-k])
                codes = {"US"} if lookup_state(region) else lookup_subdivision(region) & _STATE_COUNTRIES
                if codes and not lookup_country(region) and city_in(town, codes):
                    return [(town, ""), (region, "")]
    for phrase in _CITY_PHRASES if part.endswith(_CITY_PHRASES) else ():
        if part.endswith(phrase) and len(part) > len(phrase):
            words = part[:-len(phrase)].split(" ")  # "the Johannesburg Central Business District": Johannesburg
            break
    town = False
    while len(words) > 1 and words[-1] in _CITYWORD:
        town = town or words[-1] in _TOWN_AFTER and words[-2][:1].isupper()
        words.pop()  # "Beijing city", "Pucon town", "Liverpool city centre"
    if town:
        return [(" ".join(words), "city")]  # "in Habile village", "Karakozak village": the word says it is a town
    for k in range(len(words) - 1):
        if words[k] in _CITYWORD and words[k].islower() and words[k + 1][:1].isupper():
            return [(" ".join(words[k + 1:]), "city")]  # "the Armenian capital Yerevan"
    if len(words) > 1 and words[-1] in _REGION_GENERIC:
        return [(" ".join(words[:-1]), "region")]  # "El Paraiso department", "Washington state"
    return [(" ".join(words), "")]


@lru_cache(maxsize=_MEMO)
def _split_cached(raw: str, lead: str) -> tuple[tuple[str, str], ...]:
    """_split_part, memoised for _classify_cached: a new run's parts are mostly parts read before."""
    return tuple(_split_part(raw, lead))


@lru_cache(maxsize=_MEMO)
def _kind(part: str) -> str:
    if part.casefold() in _AREA:
        return "nature"  # "in the Pacific", "around the Southeast", "in the Middle East": an area, not a town
    word = _last(part)
    if word in _REGION or word.casefold() in ("province", "region") or part in _REGION_ABBR \
            or " " in part and part.split(" ", 1)[0] in _REGION_HEAD:
        return "region"
    if word in _NBH:
        return "neighbourhood"
    if word in _NATURE or part.split(" ", 1)[0] in _NATURE_HEAD:
        return "nature"
    if word in _VENUE or part.split(" ", 1)[0] in _VENUE_HEAD:
        return "venue"
    if " " in part and word.casefold().rstrip(".") in _STREET and word[:1].isupper():
        return "venue"  # "Faraday St", "Lane Street": an address, not a town
    return ""


def _is_subdivision(part: str, countries: set[str], after_city: bool = False) -> bool:
    """A first-level subdivision (ISO 3166-2) of a country the run names, or of any country when it
    names none, and not a city in the gazetteer (after a city: not one written with the same
    letters, "Courcelette, Quebec" is the province, though Québec is a city)."""
    codes = lookup_subdivision(part)
    if not codes or countries and codes.isdisjoint(countries):
        return False
    for name in (part, _ARTICLE.sub("", part)):  # "An Najaf": the city Najaf
        if (_key(name) in gazetteer() if after_city else lookup_city(name)) and (not countries or city_in(name, countries)):
            return False  # a city of that name there ("Ontario, Canada" is the province)
    return True


_ARTICLE = regex.compile(r"^(?:Al|An|Ar|As|Ad|Ash|At|Az|El)[ -](?=\p{Lu})")


# a venue named after the city it serves ("Miami International Airport", "Amersfoort Zoo", "Los Angeles City
# Hall"): place_words venue_of_city, longest first, and the words that may stand between ("International")
_VENUE_OF_CITY = sorted(_W.get("venue_of_city", ()), key=len, reverse=True)
_VENUE_OF_CITY_GLUE = _W.get("venue_of_city_glue", frozenset())


def _venue_city(venue: str, code: str) -> str:
    """The city a venue is named after, when its name is a gazetteer city's (of the run's country,
    if it names one) followed by a venue_of_city word, else ""."""
    for word in _VENUE_OF_CITY:
        if venue.endswith(" " + word):
            words = venue[:-len(word) - 1].split(" ")
            while len(words) > 1 and words[-1] in _VENUE_OF_CITY_GLUE:
                words.pop()
            name = " ".join(words)
            if lookup_city(name) and not _is_known(name) and (not code or city_in(name, {code})):
                return name
            return ""
    return ""


def _is_province(region: str, code: str) -> bool:
    """A first-level subdivision (ISO 3166-2) of the country, written with or without its generic word
    ("Hunan Province", "Hunan")."""
    words = region.split(" ")
    name = " ".join(words[:-1]) if len(words) > 1 and _kind(region) == "region" else region
    codes = lookup_subdivision(name)
    return bool(codes) and (not code or code in codes)


def _city_code(name: str) -> str:
    hit = lookup_city(name)
    return hit[0] if hit else ""


# the words that join the last two names of a list (data/place_words.csv kind list_and)
# (opening where a run of spaces opens: tried inside a long run, "[ ]+" read the run's rest from every space, quadratic)
_LIST_AND = regex.compile(r"(?<![ ])[ ]++(?:" + "|".join(regex.escape(w) for w in regex.longest_first(_W.get("list_and", ())))
                          + r")[ ]+")


def _country_list(part: str) -> bool:
    """Two countries joined by "and" (its word in a language: y, und, et, e, og, och), not one country's name
    ("Trinidad and Tobago", "Bosnia and Herzegovina")."""
    pieces = _LIST_AND.split(part)
    return len(pieces) == 2 and not lookup_country(part) and all(lookup_country(p) for p in pieces)


def classify_parts(raw_parts: list[str], lead: str = "") -> Place:
    """Name each part of a place run: country, US state, region, venue or city.

    ``lead`` is the word before the run (``in``, ``at``…). Cached: captions of
    one gallery repeat their places."""
    p = _classify_cached(tuple(raw_parts), lead)
    # a copy the caller may change (dataclasses.replace, written out: it is called per run)
    return Place(p.city, p.region, p.country, p.country_code, list(p.rules), list(p.warnings), p.by_table)


def _in_named(code: str, named: list[tuple[str, str]], needed: bool) -> bool:
    """No part names a country or US state other than the one with this code ("Roma, Texas" is
    no Rome), and, when ``needed``, one names that country: a name in plain letters is an exonym
    of a city under a million only beside its country ("Ganga" alone is a river, not Ganja)."""
    found = False
    for part, _ in named:
        country = lookup_country(part)
        if country and country.code != code or lookup_state(part) and code != "US":
            return False
        found = found or bool(country)
    return found or not needed


def _town_before_state(parts: list[str], states: list, cities: list[str]) -> str | None:
    """The town of a US run whose first part names nothing known: the part right before its state, past any
    county ("Rifle" in "David Hiser, Rifle, CO"); "" when a county stands there with no town-shaped part before
    it ("National Archives, Records of the … Agency, Yuma County, Arizona"); None: no reading."""
    s = max((k for k, st in enumerate(states) if st), default=-1)
    j = s - 1
    while j > 0 and _kind(parts[j]) == "region":
        j -= 1
    if j <= 0:
        return None  # the run opens with its town (or nothing stands before the state)
    part = parts[j]
    words = part.split()
    if part != cities[0] and len(words) <= 3 and all(w[:1].isupper() for w in words) and (
            part in cities or lookup_city(part) and city_in(part, {"US"})):  # ("Miami Beach": a town named like a site)
        return part
    return "" if j < s - 1 else None


def _town_before_region(place: Place, parts: list[str], cities: list[str], j: int) -> bool:
    """A run naming no country, its last town-shaped part a gazetteer town written right before the region
    ("Simpang Tiga, Bukittinggi, Sumatera Barat"; "…, Soreang, Kabupaten Bandung"): places are listed smallest
    first, so the town stands before its region, and an unknown name before it is a street or district. When the
    region is a subdivision, the town must be of its country."""
    if place.country_code or not place.region or j != len(cities) - 1:
        return False
    k = parts.index(cities[j])
    if k + 1 >= len(parts) or _case(parts[k + 1]) != place.region:
        return False  # the region is not the next part
    codes = lookup_subdivision(place.region)
    return not codes or city_in(cities[j], codes)


@lru_cache(maxsize=4096)
def _classify_cached(raw_parts: tuple[str, ...], lead: str) -> Place:
    place = Place()
    if any(" " in raw and _country_list(raw) for raw in raw_parts):
        return place  # "in France, Germany and Spain", "in der Türkei und Syrien": a list of countries, no one place
    named = [pair for raw in raw_parts for pair in _split_cached(raw, lead) if pair[0]]
    for i, (part, hint) in enumerate(named):
        english = english_city(part)  # "Múnich, Alemania": Munich, Germany
        if english and not (lookup_city(part) or _is_known(part)) and _in_named(
                english[1], named, part.isascii() and (lookup_city(english[0]) or ("", 0))[1] < 1_000_000
                and _key(part) not in own_city_names()):  # a city's own name ("Firenze") needs no country beside it
            named[i] = (english[0], hint)
            place.rules.append("place_exonym")
    # each part's name, hint, country and US state, read in one pass (a part the words call a town is neither)
    parts: list[str] = []
    hints: list[str] = []
    countries: list = []
    states: list = []
    us_context = False  # a part names the US, or a US state that is no country
    for p, h in named:
        parts.append(p)
        hints.append(h)
        if h != "city":
            country, state = lookup_country(p), lookup_state(p)
            if country and country.code == "US" or state and not country:
                us_context = True
        else:
            country = state = None
        countries.append(country)
        states.append(state)
    named = {c.code for c in countries if c}
    cities: list[str] = []  # parts naming no known place, in order
    regions: list[str] = []  # parts naming a region by its generic word ("Taijiang County", "Guizhou Province")
    venues: list[tuple[int, str]] = []
    for i, part in enumerate(parts):
        country, state = countries[i], states[i]
        if country and state:  # "Georgia": the state or the country?
            codes = {_city_code(p) for p in cities} - {""}
            if us_context or "US" in codes:
                country = None
            elif country.code in codes or any(countries[j] for j in range(len(parts)) if j != i):
                state = None
            else:
                place.warnings.append(f"place_ambiguous: {part} (US state or country)")
                continue
        if country:
            later_country = any(countries[j] for j in range(i + 1, len(parts)))
            city_state = _city_code(part) == country.code
            if later_country or (city_state and len(parts) == 1 and hints[i] != "region"):
                cities.append(part)  # "Hong Kong, China"; "Singapore"
                continue
            if not place.country:
                place.country, place.country_code = country.name, country.code
            place.by_table = True
            continue
        if state:
            nxt = i + 1 < len(parts) and (states[i + 1] or countries[i + 1])
            if _key(part) in AP_CITIES and not cities and (i == 0 == len(parts) - 1 or nxt):
                cities.append(part)  # "New York, N.Y.", "Washington, D.C.", "Washington, U.S."
                continue
            if not place.region or place.region in regions:  # "…of Madera County, Calif.": the state, not the county
                place.region = _region_text(part)
                place.country, place.country_code = "United States", "US"
            place.by_table = True
            continue
        if hints[i] == "city":
            place.by_table = True  # "the village of Khiam": the words say it is a place
        kind = "region" if hints[i] == "region" else ("" if hints[i] == "city" else _kind(part))
        if not kind and not hints[i] and _is_subdivision(part, named, bool(cities)):
            kind = "region"  # "in Kerala, India": a state, not a city
        if hints[i] == "venue":
            kind = _kind(part) or "venue"
        if kind == "region":
            place.region = place.region or _case(part)
            place.by_table = True
            if _kind(part) == "region":  # written with its generic word, not only a subdivision's name ("Bali")
                regions.append(_case(part))
            continue
        if kind == "nature" or kind in ("venue", "neighbourhood") and lead != "dateline":
            venues.append((i, part))
            continue
        cities.append(part)
    if len(regions) > 1 and place.region == regions[0] and cities and _is_province(regions[-1], place.country_code) \
            and not _is_province(regions[0], place.country_code):
        # "in Yadong Village, Shouyan Township, Daoxian County of central China's Hunan Province": the province
        place.region = regions[-1]
        place.rules.append("place_county_province")
    if len(regions) > 1 and place.region == regions[0] and place.country and not cities:
        # Xinhua: "in Taijiang County, southwest China's Guizhou Province": the county is the town's level,
        # the province the region
        cities.append(regions[0])
        place.region = regions[-1]
        place.rules.append("place_county_province")
    if not cities and place.country and not place.region and place.country in _CITY_STATE and hints.count("city") == 0:
        cities.append(place.country)  # "at the Vatican": the city-state is the city (place_words city_state)
    if cities and place.country in _CITY_STATE and not place.region and not lookup_city(cities[-1]) \
            and all(h != "city" for h in hints):
        # "along Connaught Road Central, Admiralty, Hong Kong": a district the gazetteer lacks, in a city-state
        cities = [place.country]
        place.rules.append("place_district_city")
    # a neighbourhood before the city: "Queens, New York City"
    while len(cities) > 1 and cities[0].casefold() in _NBH_NAMES:
        cities.pop(0)
    if not cities and venues and (named_for := _venue_city(venues[0][1], place.country_code)):
        cities.append(named_for)  # "at Miami International Airport", "the Amersfoort Zoo": the city it serves
        place.rules.append("place_venue_named")
    if not cities and venues and lead in ("in", "near", "outside") and (place.region or place.country) and venues[-1][0] == 0:
        cities.append(venues[-1][1])  # "in Guthrie Center, Iowa": a town named like a site
    if cities:
        pick = 0
        if len(cities) > 1 and lookup_city(cities[0]) and lookup_city(cities[1]):
            a, b = lookup_city(cities[0]), lookup_city(cities[1])
            if a[0] == b[0] and b[1] > a[1]:
                pick = 1  # "Hollywood, Los Angeles": the larger city holds the smaller place
        elif len(cities) > 1 and not lookup_city(cities[0]):
            # "in Mbare, Harare", "Jati Baru, Tanah Abang, Jakarta": districts the gazetteer lacks, then their city
            for j in range(1, min(len(cities), 4)):
                if (lookup_city(cities[j]) or (None, 0))[1] >= 300_000 and not _kind(cities[j]):
                    pick = j
                    place.rules.append("place_district_city")
                    break
                if lookup_city(cities[j]):
                    if place.country_code and city_in(cities[j], {place.country_code}) and not _kind(cities[j]):
                        # "in the Water Treatment Unit, Springfield, Illinois": a town of the state or
                        # country the run names, after a name the gazetteer lacks, is the town
                        pick = j
                        place.rules.append("place_named_town")
                    elif _town_before_region(place, parts, cities, j) and not _kind(cities[j]):
                        pick = j
                        place.rules.append("place_town_before_region")
                    break
        town = _town_before_state(parts, states, cities) if (
            pick == 0 and len(parts) > 2 and place.country_code == "US" and not lookup_city(cities[0])) else None
        if town is not None:
            # "David Hiser, Rifle, CO, October 1972", "…, Yuma County, Arizona": a US run's town is the part
            # right before its state (and county), not an unknown name opening the run (place_town_before_state)
            place.rules.append("place_town_before_state")
            if not town:
                place.city = ""
                return place
            if town not in cities:
                cities.insert(0, town)
            pick = cities.index(town)
        place.city = _case(cities[pick])
        if place.city[-1:] in _CYRILLIC_LAST:
            _case_nominative(place)
        elif place.city[-1:] in _SLAVIC_LAST and (lead in _SLAVIC_RUN_LEADS or place.city.split(" ", 1)[0] in _SLAVIC_LEADS):
            _slavic_run_nominative(place)
        if (place.country_code == "CN" or place.region and _is_province(place.region, "CN")) \
                and place.city.endswith((" City", " city")) and not lookup_city(place.city) \
                and (lookup_city(place.city[:-5]) or ("", 0))[0] == "CN":
            # Xinhua names a prefecture-level city "Jiayuguan City", "Zhangye city, Gansu Province": the city is
            # Jiayuguan (not "Gaza City")
            place.city = place.city[:-5]
            place.rules.append("place_city_word")
        if pick + 1 < len(cities) and not place.region:
            place.region = _case(cities[pick + 1])
        whole = _NBH_CITY.get(_key(place.city))
        if whole and place.country_code in ("", whole[1]) and (whole[1] == "US" or not place.region):
            place.city = whole[0]  # "in Harlem": a quarter of New York (data/neighbourhoods.csv)
            place.rules.append("place_neighbourhood_city")
    return place


# --- runs of place names in running text -----------------------------------------
def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in regex.longest_first(words))


def _trie(words) -> str:
    """The same alternation as a prefix tree (``J(?:an(?:uary)?|u(?:ly|ne))``): tried at every
    word, it rejects most at their first letter. It prefers the longer of two words as _alt
    does, in a forward pattern only (a REVERSE pattern keeps _alt)."""
    heads: dict[str, list[str]] = {}
    for w in set(words):
        heads.setdefault(w[:1], []).append(w[1:])
    end = "" in heads
    alts = [regex.escape(c) + _trie(rest) for c, rest in sorted(heads.items()) if c]
    if not alts:
        return ""
    body = "(?:" + "|".join(alts) + ")"
    return body + "?" if end else body


_STOP = {m.capitalize() for m in MONTHS} | {w.capitalize() for w in WEEKDAYS} | {"In", "At", "On", "Near"} | set(
    _W.get("not_place_start", ()))  # "Em 22 de junho, …", "En la imagen …": a sentence's first word
_NOT_DATE = r"(?!" + _trie(_STOP) + r"\b)"
_WORD = _NOT_DATE + r"\p{Lu}[\p{L}\p{M}'’\-]*+(?!\.\p{L}\.)"
# (as prefix trees: the words tried after every word of a run reject most at their first letter; each is
# followed by a mark no word holds (".", "-", a space), so the tree matches what the alternation did)
_PREFIX = r"(?:" + _trie(("St", "Ste", "Ft", "Mt", "Pt")) + r")\.[ ]+"
_DOTWORD = r"(?:\p{Lu}\.){2,}"
_GEN = _trie({w for w in _REGION | _REGION_GENERIC | _CITYWORD | _NBH | _CN_UNIT if w.islower()}) + r"\b"
_LINK = _trie(("de", "da", "del", "do", "dos", "das", "di", "du", "la", "le", "les", "el", "al", "of", "upon", "sur", "am", "an",
               "der", "den", "y", "et", "and", "au", "aux"))
# an article after the link word inside a name: "Stratford upon the Avon"; Spanish plurals "San Cristóbal de las Casas",
# "Santiago de los Caballeros" (not "de la": "la avenida Reforma de la Ciudad de México" is a street, then the city)
_LINK_ARTICLE = _trie(("the", "las", "los"))
_DIR = r"(?:" + _trie({"the"} | {w for w in _DIRS if w.islower()}) + r"[ ]+){0,3}"
# an Arabic article joined to the next word inside a name: "Deir al-Balah", "Sharm el-Sheikh", "Deir ez-Zor"
_JOINED = _trie(("al", "el", "ad", "ed", "as", "es", "an", "ar", "az", "ez", "at", "ash", "um", "umm")) + r"-\p{Lu}[\p{L}\p{M}'’\-]*+"
_NAME = (rf"(?:(?:{_PREFIX})?{_WORD}(?:[ ]+(?:(?:{_PREFIX})?{_WORD}|{_JOINED}|{_GEN}|{_LINK}[ ]+(?:{_LINK_ARTICLE}[ ]+)?(?:{_PREFIX})?{_WORD}))*"
         rf"(?:[ ]+{_DOTWORD})?|{_DOTWORD})")
_PART = rf"{_DIR}{_NAME}"
# the words that chain a place to the larger one it lies in: "…, in Hyde Park, London", "em Lviv, na Ucrânia"
_CHAIN = _trie({"in", "near"} | set(_LEAD_IN))
_RUN_BODY = rf"(?<![\p{{L}}\p{{M}}\d'’.\-])(?:{_NAME}(?:[ ]*,[ ]*(?:(?:{_CHAIN})[ ]+)?{_PART}){{0,5}})"
# (a run opens with a capital: _PREFIX's, _WORD's or _DOTWORD's; the look-ahead first lets the scan skip every
# other character before the look-behind is tried: the same matches, ~5% less time)
_RUN = regex.compile(r"(?=\p{Lu})" + _RUN_BODY)
_SPLIT = regex.compile(r"(?:(?<![ ])[ ]*)?,[ ]*(?:(?P<chain>" + _CHAIN + r")[ ]+)?")  # (?<![ ]): a space run is tried once
# the articles between "in" and a place's name in other languages ("en el Vaticano", "in der Ukraine"), read as "the"
_ARTICLES = _W.get("article", frozenset())
_LEAD = regex.compile(r"(?:(?P<lead>\p{L}+)|(?P<punct>[^\p{L}\s]))[ ]+(?:(?:the|" +
                      _alt(w for w in _DIRS | _ARTICLES if w.islower()) + r")[ ]+){0,3}$", regex.REVERSE)
_AP_ABBR = frozenset(st.ap for st in us_states().values() if st.ap.endswith("."))


_THE_BEFORE = regex.compile(r"(?<![\p{L}])(?:the|The)[ ]+$")


def _the_before(text: str, run: "PlaceRun") -> bool:
    """Whether "the" stands just before the run's one part (the run may start before it: "Edmonton Expo
    Centre, in Edmonton Alta" reads as one part)."""
    at = text.rfind(run.parts[0], run.start, run.end)
    at = run.start if at < 0 else at
    return bool(_THE_BEFORE.search(text, max(0, at - 5), at))


class PlaceRun:
    """A run of place names: its span, its parts, and the word before it (``in``, ``at``, ``,``…),
    looked for when first asked (most runs never are)."""

    __slots__ = ("start", "end", "parts", "_text", "_lead", "note")

    def __init__(self, start: int, end: int, parts: list[str], text: str = "", lead: str | None = None) -> None:
        self.start, self.end, self.parts, self._text, self._lead = start, end, parts, text, lead
        self.note = ""  # a rule the run's reading already applied ("place_bearing")

    @property
    def lead(self) -> str:
        if self._lead is None:
            self._lead = _lead(self._text, self.start)
        return self._lead

    @lead.setter
    def lead(self, value: str) -> None:
        self._lead = value

    def __repr__(self) -> str:
        return f"PlaceRun({self.start}, {self.end}, {self.parts!r}, lead={self.lead!r})"


_GENERIC_OF = regex.compile(r"\b(?P<lead>in|at|near)[ ]+(?:the[ ]+)?(?:[a-z\-]+[ ]+){0,3}?(?P<word>"
                           + _alt(w for w in _CITYWORD | _NBH | _TOWN_OF_WORDS if w.islower()) + r")[ ]+of[ ]+$", regex.REVERSE)


# _GENERIC_OF's words (each ends its match before spaces and "of"); "of" leads a run as itself (_lead)
_GENERIC_OF_WORDS = tuple(sorted(w for w in _CITYWORD | _NBH | _TOWN_OF_WORDS if w.islower()))
assert "of" not in _LEAD_IN and "of" not in _DIRS and "of" not in _ARTICLES


_APPOSED = regex.compile(r"[ ]*,[ ]*(?:(?:the|a|an)[ ]+)?")
# "the town of New York", "the southern state of Kerala": what the generic word makes the name
_TOWN_OF = regex.compile(r"\b(" + _alt(w for w in _CITYWORD | _REGION | _REGION_GENERIC | _TOWN_OF_WORDS if w.islower())
                         + r")[ ]+of[ ]+$", regex.REVERSE)


# the same in other languages, the generic word before "de", "du", "di": "la provincia de Hubei", "la
# province du Sichuan", "la ciudad de Chenzhou", "na cidade de Borodyanka" (place_words region_of, city_of)
_REGION_OF = _W.get("region_of", frozenset())
_CITY_OF = _W.get("city_of", frozenset())
_FOREIGN_OF = regex.compile(r"(?<![\p{L}])(?:(?:la|el|le|il|a|o|l['’])[ ]*+)?(?P<word>" + _alt(_REGION_OF | _CITY_OF) + r")[ ]+(?:de|du|del|da|do|di|della|dello)"
                            r"(?:[ ]+la|[ ]+l['’])?[ ]*+$", regex.REVERSE)


# the last word _FOREIGN_OF's match can end on, before spaces only: a run after any other is no
# "provincia de …" (one slice, not a search a run)
_FOREIGN_LAST = frozenset(("de", "du", "del", "da", "do", "di", "della", "dello", "la", "l'", "l’"))
_FOREIGN_END = frozenset("euloai'’ ")  # their last letters, or a space (two spaces before the run)
# their last two letters and the one space before the run (a slice's look-up before the window is split)
_FOREIGN_TAIL3 = frozenset(w[-2:] + " " for w in _FOREIGN_LAST)


def _last_char(text: str, s: int) -> str:
    """The last character before ``s`` that is not white space, or "" (text[:s].rstrip()[-1:]
    without copying text[:s]: linear time over every run)."""
    i = s - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


_OF_TAILS = frozenset(("f ", "  "))  # the two characters before a run that _of_before can pass (or a new line)
_OF_TAIL_CHARS = frozenset(t[0] for t in _OF_TAILS)  # their first (the second is the space before the run)
# the letters one of which stands before the space before a run when _TOWN_OF or _FOREIGN_OF may end there
# ("of", "de", "la"… or a second space): after any other, find_place_runs makes neither test
_BEFORE_MARKS = _OF_TAIL_CHARS | _FOREIGN_END
_PLAIN_BEFORE = _BEFORE_MARKS  # (find_place_runs's shortcut reads them by this name: a test turns it off)


def _of_before(text: str, s: int, width: int) -> bool:
    """The ``width`` characters before ``s`` end with "of" and spaces (before a last new line): what
    every match of _GENERIC_OF and _TOWN_OF ends on (``of[ ]+$``), a test without their search."""
    tail = text[max(0, s - width):s]
    if tail[-1:] == "\n":
        tail = tail[:-1]
    return tail[-1:] == " " and tail.rstrip(" ").endswith("of")


# the words _LEAD passes over before the lead (its alternation)
_LEAD_SKIP = frozenset({"the"} | {w for w in _DIRS | _ARTICLES if w.islower()})
_ASCII_SPACE = frozenset(" \t\n\r\x0b\x0c")  # \s in ASCII
# what _lead makes of the last character of the words before a run, in one look-up: "" an ASCII letter (a word
# ends there), the mark itself for any other ASCII character but white space; absent (None): white space or
# not ASCII, read by _lead_read
_LEAD_CHAR = {chr(i): "" if chr(i).isalpha() else chr(i) for i in range(128) if chr(i) not in _ASCII_SPACE}


# a plain lower-case ASCII word (not "…of", no article or direction) one space before a run, or such a word, one
# space and an article or direction ("in the") → its lead: what _lead's first steps answer for it, kept (a
# caption's words are mostly words read before)
_WORD_LEADS: dict[str, str] = {}
_WORD_LEADS_MAX = 50_000


def _lead(text: str, s: int) -> str:
    """The word before a run (``in``, ``at``…), a punctuation mark, or "". The common cases (one
    space after plain lower-case words or a mark, in ASCII) are read here without _LEAD: the same
    answers (tests/test_speed_gates.py), at a fraction of the cost; the others by _lead_read."""
    if not s:
        return ""  # the run opens the text
    if s < 2 or text[s - 1] != " ":
        c = text[s - 1]
        if not c.isspace():
            return ","  # "(Paris", "“Paris", "/Paris": no word before it (_lead_read's reading, without its patterns)
        return _lead_read(text, s)
    lo, end = max(0, s - 40), s - 1  # _LEAD's window; the end of the words before the one space
    c = _LEAD_CHAR.get(text[end - 1]) if end > lo else None  # None: the window's start
    if c:
        return c  # "…, Paris", "(AP) Paris", "…, the Paris": the mark
    if c is not None:  # the commonest case first: plain words read before ("at", "said", "in the"), their answer
        j = text.rfind(" ", lo, end)
        if j >= 0:
            word = text[j + 1:end]
            known = _WORD_LEADS.get(word)
            if known is not None:
                return known
            if word in _LEAD_SKIP and j > lo and _LEAD_CHAR.get(text[j - 1]) == "":
                i = text.rfind(" ", lo, j)
                known = _WORD_LEADS.get(text[i + 1:end]) if i >= 0 else None
                if known is not None:
                    return known
    for k in range(4):
        c = _LEAD_CHAR.get(text[end - 1]) if end > lo else None  # None: the window's start
        if c is None:
            return _lead_read(text, s)
        if c:
            return c  # "…, Paris", "(AP) Paris", "…, the Paris": the mark
        j = text.rfind(" ", lo, end)
        word = text[j + 1:end]
        if not k and word == "of" and j >= 0 and not text[max(0, s - 60):j].rstrip(" ").endswith(_GENERIC_OF_WORDS):
            # "the streets of Paris": no generic word before "of" (_GENERIC_OF's match ends with one, spaces and
            # "of"), so _lead_read's _LEAD reads the word itself (not kept: "the town of" leads otherwise)
            return "of"
        if j < 0 or not (word.isalpha() and word.isascii() and word.islower()) or not k and word.endswith("of"):
            return _lead_read(text, s)  # a capital, a digit, two spaces; "of" (_GENERIC_OF)
        if k == 3 or word not in _LEAD_SKIP:
            lead = "in" if word in _LEAD_IN else word  # "in Paris", "in the Paris", "en Caracas"
            if k < 2 and len(_WORD_LEADS) < _WORD_LEADS_MAX:
                # (kept under the words read: one word, or one and the article or direction after it)
                _WORD_LEADS[text[j + 1:s - 1]] = lead
            return lead
        end = j  # an article or a direction, passed over: "in the northern Paris"
    return _lead_read(text, s)  # (never reached)


def _lead_read(text: str, s: int) -> str:
    """_lead by its patterns."""
    m = _GENERIC_OF.search(text, max(0, s - 60), s) if _of_before(text, s, 60) else None
    if m:
        return m["lead"]
    m = _LEAD.search(text, max(0, s - 40), s) if s and text[s - 1] == " " else None  # it ends in a space
    if not m:
        if s and text[s - 1] == "\n":
            return ""  # the run opens a line: "Photographed near Bergheim" starts a sentence, not a list
        return "" if not _last_char(text, s) else ","
    if not m["lead"]:
        return m["punct"]
    word = m["lead"]
    if word[0].isupper() and _last_char(text, m.start("lead")).isalnum():
        return word  # "Gets In The Election": a title's capital, not a sentence's "In"
    word = word.casefold()
    return "in" if word in _LEAD_IN else word  # "en Caracas", "em Brasília", "i København"


_PAREN_COUNTRY = regex.compile(r"[ ]?\((?P<inside>[^()\n]{2,40}+)\)")
_OF_COUNTRY = regex.compile(r"(?:^|[ ])(?:of(?:[ ]the)?|de(?:[ ]la)?|del|du|des|da|do|di|della|von)[ ]+(?=[^ ])")


def _paren_country(inside: str) -> str:
    """The country a bracket after a place names: "(Cuba)", "(sud-ouest de la Chine)", "(southwest of China)"."""
    if lookup_country(inside):
        return inside
    tail = _OF_COUNTRY.split(inside)[-1] if (" " in inside) else ""
    return tail if tail and tail != inside and lookup_country(tail) else ""


# a caption holds a few dozen runs of capitalised names (31 at most in the 3,061 real captions of the
# labelled inputs and the corpus, the longest 1,359 characters); past this many the text is a list or
# junk ("A/B" a line, thousands of times), and the runs after it are not read (bounds the per-run work)
MAX_RUNS = 128


def find_place_runs(text: str) -> list[PlaceRun]:
    """Every run of capitalised names separated by commas, with the word before it (the first
    ``MAX_RUNS``).

    A run chained with ``, in`` (``in the Serpentine River, in Hyde Park, London``)
    keeps its last links that name a city."""
    runs = []
    paren = "(" in text  # no bracket: no run is followed by its country in brackets
    for m in islice(_RUN.finditer(text), MAX_RUNS):
        s, e = m.span()  # (the whole match: its look behind reads before it)
        found = m.group()
        if s > 4 and text[s - 1] == " " and text[s - 2] not in _PLAIN_BEFORE and "," not in found \
                and text[e:e + 1] != "." and not (paren and text.startswith(("(", " ("), e)) \
                and not found.endswith((" A", " I")) and found.casefold() not in WEEKDAY_NOT_NAMES:
            # most runs: one name after a word no step below reads (_BEFORE_MARKS), nothing after it that one
            # reads; what the steps make of such a run, without them (tests/test_place_gates.py)
            runs.append(PlaceRun(s, e, [found], text))
            continue
        multi = "," in found  # (a name holds no comma: one without is one part, with no chain)
        if multi:
            pieces = _SPLIT.split(found)  # name, chain, name, chain, name…
            parts, chains = pieces[0::2], pieces[1::2]
        else:  # one name (most runs): nothing to split, no chain, no part after the first
            parts, chains = [found], None
        if text[e:e + 1] == "." and (parts[-1] + "." in _AP_ABBR or parts[-1] + "." in _REGION_ABBR):
            parts[-1] += "."  # "Renfrew, Pa."
            e += 1
        lead = None  # found when asked (PlaceRun.lead)
        near_ref = False
        # (the character before the run first: the tests below read only runs after a space, a new line or an
        # apostrophe, and most runs after a space follow a word no test passes)
        before = text[s - 1] if s else ""
        if before == " " and s > 4 and text[s - 2] not in _BEFORE_MARKS:
            generic = None  # (exact: after a space, both tests below need one of these letters before it)
        elif (generic := _TOWN_OF.search(text, max(0, s - 20), s)
              if (before == "\n" or before == " " and s > 1 and text[s - 2] in _OF_TAIL_CHARS) and _of_before(text, s, 20) else None):
            if runs and lookup_country(parts[0]) and _APPOSED.fullmatch(text, runs[-1].end, generic.start()):
                prev = runs[-1]  # "Beijing, capital of China": one place, its country named after it
                prev.parts, prev.end = prev.parts + [p.strip() for p in parts], e
                continue
            parts[0] = f"{generic[1]} of {parts[0]}"  # "the town of New York": a town, whatever its name
        elif s > 4 and before in " '’" and text[s - 2] in _FOREIGN_END \
                and (before != " " or text[s - 2] == " " or text[s - 3:s] in _FOREIGN_TAIL3) \
                and text[max(0, s - 24):s].rstrip(" ").rpartition(" ")[2] in _FOREIGN_LAST \
                and (foreign := _FOREIGN_OF.search(text, max(0, s - 24), s)):
            word = foreign["word"].casefold()
            parts[0] = ("province" if word in _REGION_OF else "town") + " of " + parts[0]
            before = _lead(text, foreign.start())
            if before in _PLACE_LEADS:
                lead = before  # "en la provincia de Misiones": "en" leads the place
        for k in reversed([k + 1 for k, c in enumerate(chains) if c]) if multi else ():
            if chains[k - 1] == "near" and k + 1 < len(parts) and classify_parts(parts[:k], "in").city:
                # "the village of Amizmiz, near Marrakech, Morocco": the place comes before "near";
                # the city after it is a reference point, the names after that are the place's too
                parts = parts[:k] + parts[k + 1:]
                break
            if chains[k - 1] == "near" and k + 1 == len(parts) and _plain_city(parts[:k]):
                # "in Gulmarg, near Srinagar": the place, then the known city it is near; "in Paris, near
                # the Agriculture ministry", "in Figuera, near Birak": the place, then a landmark by it
                near_ref = classify_parts(parts[k:], "in").known
                parts = parts[:k]
                break
            if classify_parts(parts[k:], "in").city:
                parts, lead = parts[k:], ("near" if chains[k - 1] == "near" else "in")
                break
        if multi and len(parts) > 1:  # (a run with no comma has no space at its ends)
            parts = [p.strip() for p in parts]
        if parts[-1].endswith((" A", " I")) and len(parts[-1]) > 2 and text[e:e + 1] == " ":
            # "Car-train collision in Seoul A sedan remains …": a headline, then a sentence's first word
            parts[-1], e = parts[-1][:-2], e - 2
        for k in range(1, len(parts)) if multi else ():  # (one name: no part after the first)
            if parts[k].split(" ", 1)[0].rstrip(".") in _PERSON_TITLE:
                seps = list(_SPLIT.finditer(found)) if len(parts) == len(chains or ()) + 1 else []
                if len(seps) >= k:  # "in the Greater Accra Region, Mr Bernard Okoe Boye, cutting …": a person follows
                    parts, e = parts[:k], s + seps[k - 1].start()
                break
        if paren and text.startswith(("(", " ("), e) and (bracket := _PAREN_COUNTRY.match(text, e)):
            country = _paren_country(bracket["inside"])
            if country and not any(lookup_country(p) for p in parts):
                parts.append(country)  # EFE: "en La Habana Vieja (Cuba)", "(sud-ouest de la Chine)"
                e = bracket.end()
        if parts[-1].casefold() in WEEKDAY_NOT_NAMES:  # "Surabaya, Jawa Timur, Sabtu (15/5/2021)"
            parts.pop()
            if not parts:
                continue
            e = text.rindex(",", s, e)  # the run ends before the weekday, which follows it
        if multi and len(parts) > 1 and parts[-1].lower() in CAPITAL_MONTH_WORDS and _YEAR_NEXT.match(text, e):
            parts.pop()  # "(Braga, Setembro 2008)", "Kraków, Maj 2003": a month of any language and its year, the date's
            e = text.rindex(",", s, e)
        run = PlaceRun(s, e, parts, text, lead)
        if near_ref:
            run.note = "place_bearing"
        runs.append(run)
    return runs


_YEAR_NEXT = stdlib_re.compile(r"[ ]+(?:1[89]|20)[0-9][0-9](?![0-9])")  # a year after a month's name


_GAP_BEFORE = regex.compile(r"^[ ]*+(?:,[ ]*+)?(?:on[ ]+|in[ ]+|[-–—][ ]*|(?:" + _alt(_DATE_LEAD) + r")[ ]+"
                            r"(?:\p{Ll}+[ ]+)?"  # "…, Norway, in February 2024"; "en Madrid, el martes 27"
                            # a weekday in brackets before a numeric date: "Surabaya, Jawa Timur, Sabtu (15/5/2021)",
                            # "Depok - Jawa Barat (Rabu, 17 Juni 2020)", "Jakarta Timur, Minggu pagi (24/5/2020)"
                            r"|\(?+[ ]*+(?:(?i:" + _alt(WEEKDAY_WORDS) + r")(?:[ ]++\p{Ll}++)?[ ]*+,?[ ]*+\(?+)?)?$")
# a city, then what it is in: "Suzhou, a city in …", "Chengdu, capital of …", "Taiyuan, capital city of …"
_APPOSED_CITY = regex.compile(r"[ ]*+,[ ]*+(?:(?:a|the)[ ]++)?(?:[a-z\-]++[ ]++){0,2}?(?:city|town|village|capital"
                              r"(?:[ ]city)?|county[ ]seat|port[ ]city)[ ]++(?:in|of)[ ]++(?:the[ ]++)?"
                              r"(?:(?:" + _alt(w for w in _DIRS if w.islower()) + r")[ ]++)?")
_OWNED_GAP = regex.compile(r"[ ]+(?:[a-z\-]+[ ]+){0,3}[a-z\-]+[ ]*,[ ]*$")  # "'s southern suburbs, "
# a date, a comma and a place naming its state or country: "on Feb. 12, 2015, Davis-Monthan Air Force
# Base, Ariz.", "Mount Etna erupting in 2013, Sicily, Italy"
_COMMA_GAP = regex.compile(r"[ ]*+,[ ]*+")
_GAP_AFTER = regex.compile(r"^[ ]*(?:,[ ]*)?(?:in|near|outside|at)[ ]+(?:the[ ]+)?$")
_IN_GAP = regex.compile(r"[ ]*+,?[ ]*+in[ ]++(?:the[ ]++)?")  # a venue, then the place it is in
_BEARING = regex.compile(
    r"^[\s,/]*(?:(?:a|an)[ ]+[a-z]+[ ]+)?(?:(?:about|some|around|nearly|just)[ ]+)?"
    r"(?P<dist>\d[\d,.]*[ ]*(?:miles?|mi|kms?|kilomet(?:er|re)s?)\b[ ]*(?:\([^()]{0,20}\)[ ]*)?)?"
    r"(?P<dir>(?:" + _alt(w for w in _DIRS if w.islower() and w not in ("central", "downtown", "greater", "upstate", "occupied"))
    + r")[\s,/]+)?(?P<rel>of|from|near|outside)(?:[ ]+to)?[\s,/]+(?:(?:the|capital)[ ]+)*$")
# a full stop ends a sentence, not an abbreviation's ("The Rev. Craig …", "Schertzer Bros. of Seattle")
# (the dot first, then the look back: a scan for the dot stays fast)
_SENTENCE_END = regex.compile(r"\.(?<!\b(?:Rev|Dr|Mr|Mrs|Ms|St|Ste|Sgt|Gen|Col|Lt|Capt|Gov|Sen|Rep|Jr|Sr|Mt|Ft|Bros|Inc|Co|Corp|Ltd|Prof|Pres)\.)"
                              r"(?:\s|$)|$")
# "through" in the languages captions are written in: "runs through Manchester", "gennem København" (place_words)
_THROUGH = _W.get("through", frozenset())
_PLACE_LEADS = _W.get("place_lead", frozenset()) | _THROUGH  # in, at, near, outside… (data/place_words.csv)
# the words before "from" that put the camera at the place after it: "as seen from Hoboken" (place_words view_from)
# and "a view of Lake Michigan from Kenosha": a view's place, then where it was seen from
_VIEW_FROM = regex.compile(r"(?<!\p{L})(?:(?:" + _alt(_W.get("view_from", ())) + r")|[Vv]iews?[ ]++(?:of|over)[ ]++[^.;:!?\n]{1,40}?)"
                           r"[ ]++from[ ]++$")
_NOT_PLACE_LEADS = _W.get("not_place_lead", frozenset())  # against, versus, beat, by… (data/place_words.csv)
# the words before the place a move heads for ("towards Jerusalem", "arah Cikampek, Jawa Barat"): the town is
# not where the photo is (the region and country written with it hold the way there too)
_DEST_LEADS = _W.get("destination_lead", frozenset())
# a clock time's zone before the date ("Liftoff was at 2:49 a.m. EST, March 2, 2019"): no place (place_words time_zone)
_TIME_ZONE = _W.get("time_zone", frozenset())
_CLOCK_BEFORE = regex.compile(r"(?:\d[:.]\d\d|(?<!\p{L})[ap]\.?m\.?)[ ]*+\(?$")


def _clock_zone(text: str, run: PlaceRun) -> bool:
    """The run is a time zone written after a clock time, not a place."""
    return len(run.parts) == 1 and run.parts[0] in _TIME_ZONE \
        and _CLOCK_BEFORE.search(text, max(0, run.start - 12), run.start) is not None


# what _near_date's gap patterns read in a gap between a run and the date, or between two runs, kept by the gap's
# text: the gaps are short and repeat (", ", " on ", " in "; 88% and 69% of an export's gaps were read before),
# and each pattern's call costs 1.5-2 µs (its alternations of weekdays and directions tried where it fails)
_GAP_BEFORE_READ: dict[str, object] = {}
_GAP_AFTER_READ: dict[str, object] = {}
_BEARING_READ: dict[str, object] = {}
_GAP_KEPT = 40  # the longest gap kept (longer ones rarely repeat)
_GAPS_MAX = 20_000  # gaps kept per pattern (a bound on the memory)


def _gap_read(kept: dict[str, object], pattern, gap: str):
    """``pattern.match(gap)``'s reading, from what ``kept`` holds: None (no match), True, or for _BEARING its
    distance, direction and relation."""
    read = kept.get(gap, kept)  # (``kept`` itself: not kept yet)
    if read is kept:
        m = pattern.match(gap)
        read = None if m is None else (m["dist"], m["dir"], m["rel"]) if pattern is _BEARING else True
        if len(gap) <= _GAP_KEPT and len(kept) < _GAPS_MAX:
            kept[gap] = read
    return read


def _bearing(text: str, runs: list[PlaceRun], i: int) -> bool:
    """``in Kerbala, south of Baghdad``: run i is a bearing for run i-1."""
    if i == 0:
        return False
    m = _gap_read(_BEARING_READ, _BEARING, text[runs[i - 1].end:runs[i].start])
    if not m:
        return False
    dist, direction, rel = m
    return bool(dist or direction or (rel in ("near", "outside") and _classify(runs[i - 1]).city
                                      and runs[i - 1].lead not in _OPENER_LEADS))


# the run opens a sentence or line: its first word may be a verb's or a title's ("Photographed near Bergheim")
_OPENER_LEADS = frozenset(("", "/", "|", ".", ":"))
_COPULA = _W.get("copula", frozenset())  # "This is Domboshava, …": the name is the photo's subject


# an unknown name before a site's word in lower case names the site, not a town: "at Soccer City stadium in
# Soweto", "outside Wrigley field" (place_words venue_noun, with up to two words between: "the X underground
# metro station"; not_site_word: the small words that end the name's phrase). A gazetteer city before one is
# the city the site is in ("a Los Angeles gym": place_city_people), a borough its city (neighbourhoods.csv).
_VENUE_NOUN = frozenset(w.casefold() for w in _W.get("venue_noun", ()))
_NOT_SITE_WORD = _W.get("not_site_word", frozenset()) | _PLACE_LEADS | _NOT_PLACE_LEADS | _LEAD_IN | _ARTICLES
_SITE_AFTER = regex.compile(r"[ ]++(?:(?!(?:" + _alt(_NOT_SITE_WORD) + r")[ ])\p{Ll}++[ ]++){0,2}?(?:"
                            + _alt(_VENUE_NOUN) + r")(?!\p{L})")


def _site_after(text: str, end: int):
    """The site's word after a run ending at ``end`` (a space, then a small letter), or None."""
    if text[end:end + 1] != " " or not text[end + 1:end + 2].islower():
        return None
    return _SITE_AFTER.match(text, end)


def _classify(run: PlaceRun) -> Place:
    place = classify_parts(run.parts, run.lead)
    if place.city and len(run.parts) == 1 and not (place.region or place.country) \
            and _site_after(run._text, run.end) is not None and not place.known and _key(place.city) not in _NBH_NAMES:
        return Place()  # the site's own name: no town
    if run.note and (place.city or place.region and run.note == "place_generic_before"):
        place.rules.append(run.note)
        place.by_table = True  # placed near a known city: the words say it is a place
    return place


def _plain_city(parts: list[str]) -> bool:
    """The parts name a city and nothing else: no venue, region or country ("Gulmarg", not "Hyde Park")."""
    place = classify_parts(parts, "in")
    return bool(place.city) and not (place.region or place.country or _kind(place.city))


def _near_date(text: str, runs: list[PlaceRun], date: DateFound) -> Place | None:
    # only the last run before the date and the first after it can be next to it (a run in
    # between starts with a capital, which no gap holds): one gap each, so linear time
    # (the last run ending before the date, read from the end: a run's bracketed country may end it after
    # the next run's end, so the ends are not in order; the first run starting after it, read until found)
    i = len(runs) - 1
    while i >= 0 and runs[i].end > date.start:
        i -= 1
    before = [i] if i >= 0 and _gap_read(_GAP_BEFORE_READ, _GAP_BEFORE, text[runs[i].end:date.start]) \
        and not _clock_zone(text, runs[i]) else []
    after = []
    for r in runs:
        if r.start >= date.end:
            after.append(r)
            break
    after = [r for r in after if _gap_read(_GAP_AFTER_READ, _GAP_AFTER, text[date.end:r.start]) or (
        len(r.parts) > 1 and _COMMA_GAP.fullmatch(text, date.end, r.start) and _classify(r).by_table)]
    after_place = _classify(after[0]) if after else None
    if after_place is not None and after_place.city and not lookup_city(after_place.city) \
            and not _gap_read(_GAP_AFTER_READ, _GAP_AFTER, text[date.end:after[0].start]):
        after_place.city = ""  # "in 2013, Sicily, Italy": after a bare comma, an unknown name may be a region
    if after and after[0].lead == "at":  # "on Sept. 29, 2019, at Cape County Park North in Cape Girardeau"
        k = runs.index(after[0]) + 1
        site = _site_after(text, after[0].end)  # "at Soccer City stadium in Soweto": the site's word, then "in"
        if k < len(runs) and _IN_GAP.fullmatch(text, site.end() if site else after[0].end, runs[k].start):
            inner = _classify(runs[k])
            if inner.found:
                inner.rules.append("place_venue_in")
                after_place = inner
    if after_place is not None and not after_place.found:
        after_place = None
    if before:
        i = before[-1]
        run = runs[i]
        place = _classify(run)
        if place.city and run.lead in _DEST_LEADS:
            place.city = ""  # "di jalan Tol Cikarang Barat arah Cikampek, Jawa Barat, Kamis 14 Mei 2020"
        beared = False  # the place is written as near a known one ("Domboshava, just outside Harare")
        if _bearing(text, runs, i):
            near = _classify(runs[i - 1])
            if not near.country and near.city:
                near.country, near.country_code = place.country, place.country_code
            near.rules.append("place_bearing")
            beared = place.known and bool(near.city) and not _kind(near.city) \
                and runs[i - 1].lead in _OPENER_LEADS | _COPULA  # "This is Domboshava, just outside Harare"
            place, run = near, runs[i - 1]
        elif place.found and not place.city and i and _APPOSED_CITY.fullmatch(text, runs[i - 1].end, run.start):
            near = _classify(runs[i - 1])  # Xinhua: "in Suzhou, a city in East China's Jiangsu Province"
            if near.city and not near.region and (not near.country or near.country == place.country):
                place.city = near.city
                place.rules.append("place_apposition")
        elif place.found and not place.city and i and runs[i - 1].parts[-1].endswith(("'s", "’s")) \
                and _OWNED_GAP.match(text, runs[i - 1].end, run.start):
            owner = _classify(runs[i - 1])  # "in Beirut's southern suburbs, Lebanon": Beirut, Lebanon
            if owner.city and not owner.region and (not owner.country or owner.country == place.country):
                place.city = owner.city
                place.rules.append("place_owner")
        _city_before(text, runs, place, run)
        _cn_chain(text, runs, place, run)
        _town_earlier(text, runs, place, run)
        strong = run.lead in ("in", "near", "outside") and not (
            place.city.casefold() in _NBH_NAMES and not (place.region or place.country))
        if place.found and (strong or after_place is None) and run.lead not in _NOT_PLACE_LEADS and (
                place.known or beared or run.lead in _PLACE_LEADS or run.lead == ","):
            place.rules.append("place_before_date")
            if after_place is not None and place.city and not (place.region or place.country) \
                    and after_place.city.casefold() == place.city.casefold():
                # "at Nashville Zoo on Monday, Aug. 21, 2017, in … Nashville, Tenn.": the same city, its state after
                place.region, place.country, place.country_code = after_place.region, after_place.country, after_place.country_code
                place.rules.append("place_after_date")
            return place
        if place.found and after_place is None:
            later = _named_later(runs, i, place)
            if later is not None:
                return later
            return Place(warnings=[f"place_unsure: {', '.join(run.parts)}"])
    if after_place is not None:
        after_place.rules.append("place_after_date")
        return after_place
    return None


def _named_later(runs: list[PlaceRun], i: int, place: Place) -> Place | None:
    """A town the gazetteer lacks, alone before the date ("LONDONDERRY 2017-03-21 …"), written again
    later in the caption with its region or country ("… the streets of Londonderry, Northern Ireland"):
    the later run says it is a place and where (place_named_later)."""
    if not place.city or place.region or place.country or len(runs[i].parts) != 1:
        return None
    name = place.city.casefold()
    for run in runs[i + 1:]:
        if len(run.parts) > 1 and run.parts[0].casefold() == name and run.lead not in _NOT_PLACE_LEADS:
            later = _classify(run)
            if later.by_table and later.city.casefold() == name:
                later.rules.append("place_named_later")
                return later
    return None


# what may follow a place on a line of its own: its country in brackets, a date, a full stop
_LINE_REST = regex.compile(r"[ ]*+(?:\((?P<paren>[^()\n]{1,40})\)[ ]*+)?(?:[,.]?[ ]*+(?:(?:c\.|ca\.|circa)[ ]*+)?"
                           r"(?:\p{Lu}\p{Ll}++\.?[ ]++)?\d[\d/.,: ]*+(?:\p{Ll}{2}[ ]*+)?(?:,?[ ]*+\d{4})?"
                           r"|,?[ ]*+between[ ]++\d{4}[ ]++and[ ]++\d{4})?[ ]*+\.?[ ]*+(?=\n|$)")  # "…, between 1909 and 1932"


_LINE_OPEN = frozenset(" \t\n|")  # what stands before a run that opens its line, or a bar's header line
# the ASCII characters a _LINE_REST match can read first after its spaces: a bracket, a stop or comma, "c." or
# "circa", "between", a capital or a digit, the line's end (any other character: no match)
_LINE_REST_FIRST = frozenset("(,.cb\n0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _may_rest_line(text: str, end: int) -> bool:
    """What every match of _LINE_REST at ``end`` needs: after the spaces, the text's end, a character not in
    ASCII (\\p{Lu} and \\d read letters and digits of every script), or one of _LINE_REST_FIRST. Most runs
    opening a line go on with a small letter or a colon ("Paris is …", "Berlin: …"): no pattern call."""
    while text[end:end + 1] == " ":
        end += 1
    c = text[end:end + 1]
    return not c or c in _LINE_REST_FIRST or not c.isascii()


_DATE_HEAD = regex.compile(r"[ ]*+(?:\p{L}++\.?[ ]++)?\d{1,2}(?:[ ]++\p{L}++)?(?:,?[ ]++\d{4})?[ ]*+")


def _may_end_sentence(text: str, end: int) -> bool:
    """What every match of _SENTENCE_END at ``end`` needs: a full stop there, or the text's end ("$": the end, or
    a new line that ends the text). A run ends on a letter, so most runs fail this, without the pattern's call."""
    c = text[end:end + 1]
    return c == "." or not c or c == "\n" and end + 1 == len(text)


def _own_line(text: str, run: PlaceRun) -> str | None:
    """The bracketed words after a run that fills its line ("" if none), or None."""
    i = run.start  # only white space between the line's start and the run (a linear walk back:
    while i and text[i - 1] in " \t":  # it stops at the first other character)
        i -= 1
    if i and text[i - 1] == "|":  # a desk's header line "July 19 | Nairobi": a short date, a bar, the place
        start = text.rfind("\n", max(0, i - 25), i) + 1
        head = text[start:i - 1]
        if (start or i - 1 < 25) and any(c.isdigit() for c in head) and _DATE_HEAD.fullmatch(head):
            i = start
    if i and text[i - 1] != "\n" or not _may_rest_line(text, run.end):
        return None
    m = _LINE_REST.match(text, run.end)
    return None if m is None else (m["paren"] or "")


_BEFORE_WORDS = tuple(sorted(_CITY_BEFORE | _REGION_BEFORE))
# a text holds one of them (the same answer as any(word in text …), tests/test_place_gates.py)
_BEFORE_GATE = stdlib_re.compile("|".join(map(stdlib_re.escape, _BEFORE_WORDS)) or "(?!)")
# what stands before German's generic word and the name: "im", "in der", "auf der" (and up to two adjectives:
# "im spanischen Dorf …", "in der australischen Provinz …"), or a noun's genitive article ("auf dem Flughafen
# der ghanaischen Hauptstadt Accra": the airport of the capital); not "aus", "nach" (from, to: no photo's place)
_GENERIC_LEAD = regex.compile(r"(?:(?<!\p{L})(?i:in|im|auf|bei)(?:[ ]++(?:der|dem|den))?|\p{Lu}\p{Ll}++[ ]++(?:der|des))"
                              r"[ ]++(?:\p{Ll}++[ ]++){0,2}$")


_COUNTRY_ADJECTIVE = regex.compile(r"(\p{Ll}{4,}?)isch(?:e|en|er|es|em)?")  # "spanischen", "ghanaischen"


@lru_cache(maxsize=256)
def _adjective_country(word: str) -> str:
    """The country a German adjective names, its stem opening one country's names only ("spanischen": Spanien,
    Spania; "ghanaischen": Ghana), or "" ("chinesischen", "amerikanischen": no name opens so)."""
    m = _COUNTRY_ADJECTIVE.fullmatch(word)
    if m is None:
        return ""
    found = {country for key, country in countries().items() if key.startswith(m[1])}
    return found.pop().name if len({c.code for c in found}) == 1 else ""


def _generic_before_lead(text: str, runs: list[PlaceRun]) -> None:
    """A run opening with German's capitalised generic word ("Hauptstadt Accra", "US-Bundesstaat Pennsylvania",
    data/place_words.csv city_before, region_before) after "im", "in der" or a genitive leads as "in": the word
    says the name is a place, the adjectives before it ("spanischen", "ghanaischen") hide the "in"; an adjective
    naming a country right before the word gives the place its country ("im spanischen Dorf …": Spain)."""
    for run in runs:
        first = run.parts[0].partition(" ")[0]
        if (first in _CITY_BEFORE or first in _REGION_BEFORE) and run.lead != "in" \
                and (m := _GENERIC_LEAD.search(text, max(0, run.start - 60), run.start)):
            run.lead = "in"
            run.note = "place_generic_before"
            country = _adjective_country(m.group().split()[-1]) if len(run.parts) == 1 else ""
            if country:
                run.parts = run.parts + [country]


# a site's name in Spanish, Italian, Portuguese or French ending in "of" and a town's name: "el Tribunal Supremo de
# Caracas", "il Castello Maniace di Siracusa", "la Base Aérea de Zaragoza" (the last "of" of the name)
_SITE_OF_TOWN = regex.compile(r"^.*[ ](?:de|di|do|da|del|della|du)[ ](?P<town>\p{Lu}[\p{L}\p{M}'’\- ]*+)$")
_ROMANCE_OF_WORDS = (" de ", " di ", " do ", " da ", " del ", " della ", " du ")
_ROMANCE_OF_GATE = stdlib_re.compile(r" d(?:[eiaou]|el|ella) ")  # a text holds one of them (tests/test_place_gates.py)
# a church's name holds a saint's or a title of the Virgin's ("Iglesia de San Francisco", "Basílica de Guadalupe"),
# no town's; nor a name opening with a saint's word
_CHURCH_HEADS = _W.get("church_head", frozenset())  # (data/place_words.csv)
_SAINT_WORDS = _W.get("saint_word", frozenset())
_ROMANCE_ARTICLES = _W.get("romance_article", frozenset())
_SITE_TOWN_SIZE = 100_000  # a town that large: "de Caracas" names where the site is, not a saint or a family


def _site_of_town(runs: list[PlaceRun]) -> None:
    """A site's name in a Romance language ending in "de" and a town's name (data/place_words.csv venue_head:
    Tribunal, Castello, Estadio, Palacio…) names the town it stands in: the run leads as "in" with the town after
    the site ("frente al Tribunal Supremo de Caracas" → Caracas), rule place_site_of_town."""
    for run in runs:
        part = run.parts[0]
        head, _, rest = part.partition(" ")
        if head in _ROMANCE_ARTICLES and rest:  # "Il Castello Maniace di Siracusa" opening the caption
            part = rest
            head = rest.partition(" ")[0]
        if len(run.parts) != 1 or head not in _VENUE_HEAD or head in _CHURCH_HEADS or run.lead in _NOT_PLACE_LEADS:
            continue
        m = _SITE_OF_TOWN.match(part)
        town = m["town"] if m else ""
        if not town or town.partition(" ")[0] in _SAINT_WORDS or lookup_country(town) or _kind(town):
            continue
        if (lookup_city(town) or ("", 0))[1] >= _SITE_TOWN_SIZE:
            run.parts = [part, town]
            run.lead = "in"
            run.note = "place_site_of_town"


# Swahili names a place after its generic noun, with the locative "-ni" or with "of" (cha, la, wa): "jijini Dar es
# Salaam" (in the city of Dar es Salaam), "kijiji cha Sindeni" (the village of Sindeni), "mkoani Tanga" (in Tanga
# region); data/place_words.csv sw_town_lead, sw_region_lead
_SW_TOWN = _W.get("sw_town_lead", frozenset())
_SW_REGION = _W.get("sw_region_lead", frozenset())
_SW_LEADS = regex.longest_first(form for w in _SW_TOWN | _SW_REGION for form in (w, w[:1].upper() + w[1:], w.upper()))
_SW_NAME = r"(\p{Lu}[\p{L}'’-]*(?:[ ]+\p{L}[\p{L}'’-]*){0,3})"
_SW_LEAD = regex.compile(r"(?<!\p{L})(" + _alt(_SW_LEADS) + r")[ ]+(?=" + _SW_NAME + ")")  # (a lookahead: the name's words may hold the next lead)
_SENTENCE_MARK = stdlib_re.compile(r"[.!?]")
_SW_KEYS = ("ji", "Ji", "JI", "koa", "Koa", "KOA")  # what every lead's forms hold (tests/test_place_gates.py)


def _sw_gate(text: str) -> bool:
    return any(key in text for key in _SW_KEYS)
_CANTON_CODES = sorted(_W.get("swiss_canton", ()))
_CANTON_PLAIN = r"[ (](?:" + "|".join(_CANTON_CODES) + r")\b"  # (what the gate stands for: tests/test_place_gates.py)
# the code first, the space or bracket before it a look back: the scan stops at the codes' capitals, not at every space
# (3.3 -> 1.4 µs a caption); the codes are all two letters, so the look back is three characters wide
assert {len(c) for c in _CANTON_CODES} <= {2}
_CANTON_GATE = stdlib_re.compile(r"(?:" + "|".join(_CANTON_CODES) + r")(?<=[ (]..)\b")


def _sw_name(words: list[str], town: bool) -> str:
    """The place's name at the head of ``words``: the longest head the tables know (a town, or a region: a
    subdivision), else for a town its capitalised words ("Kwedikabu"), else ""."""
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n]).rstrip(".,;:)")
        if lookup_city(name) if town else lookup_subdivision(name):
            return name
    if not town:
        return ""
    head = []
    for word in words:
        if not word[:1].isupper():
            break
        head.append(word.rstrip(".,;:)"))
        if word[-1:] in ".,;:)":
            break
    return " ".join(head)


def swahili_place(text: str) -> Place | None:
    """The town a Swahili caption names after a town's generic noun (rule place_sw_town), and the region named
    after "mkoani"/"mkoa wa" later in that sentence (only "mkoani", in the region, names the region alone):
    "kijiji cha Chimbuya wilayani Mbozi mkoani Mbeya" → Chimbuya, Mbeya. A district ("wilayani") is neither."""
    town: Place | None = None
    for m in _SW_LEAD.finditer(text):
        lead, words = m.group(1).casefold(), m.group(2).split()
        if lead in _SW_TOWN:
            if town is None:
                name = _sw_name(words, True)
                if name:
                    town = Place(city=_case(name), rules=["place_sw_town"])
                    town_end = m.end(1)
                    whole = _NBH_CITY.get(_key(name))
                    if whole:  # "jijini Ilala": a municipality of Dar es Salaam (data/neighbourhoods.csv)
                        town.city = whole[0]
                        town.rules.append("place_neighbourhood_city")
            continue
        name = _sw_name(words, False)
        if not name:
            continue
        if town is None:
            if lead.endswith("ni"):
                return Place(region=_case(name), by_table=True, rules=["place_sw_region"])
            continue
        if _SENTENCE_MARK.search(text, town_end, m.start()) is None:
            town.region = _case(name)
            town.rules.append("place_sw_region")
        break
    return town


# Vietnamese names a city after its generic noun, "thành phố" (city) or its short form "TP"/"TP.", and a province
# after "tỉnh": "tại TP Đà Nẵng", "ở thành phố Tam Kỳ, tỉnh Quảng Nam" (data/place_words.csv vi_city_lead)
_VI_LEADS = _W.get("vi_city_lead", frozenset())
_VI_WORD = r"\p{Lu}[\p{L}\p{M}]*+"
_VI_CITY = regex.compile(r"(?<![\p{L}\p{M}])(?P<lead>" + _alt(_VI_LEADS) + r")[ ]*+(?P<name>" + _VI_WORD + r"(?:[ ]" + _VI_WORD
                         + r"){0,3})(?:[ ]*+[,(]?[ ]*+tỉnh[ ]+(?P<province>" + _VI_WORD + r"(?:[ ]" + _VI_WORD + r"){0,3}))?")
_VI_GATE = ("TP", "hành phố")  # (what every lead holds: tests/test_place_gates.py)


def _vi_gate(text: str) -> bool:
    return any(key in text for key in _VI_GATE)


def _vi_city(name: str, written_out: bool) -> bool:
    """A city the lexicon knows by this name: in Vietnam, also written without its marks or with the tone mark placed
    the other way ("Tuy Hoà", GeoNames' "Tuy Hòa"); after "thành phố" written out, any country's ("thành phố New York")."""
    hit = lookup_city(name) or lookup_city(_fold(name))
    return bool(hit) and (hit[0] == "VN" or written_out and lookup_city(name) is not None) or english_city(name) is not None


def vietnamese_place(text: str) -> Place | None:
    """The city a Vietnamese caption names after "thành phố"/"TP" (rule place_vi_city): the longest head of the
    capitalised words after it that the lexicon knows as a city, as written ("TP Đà Nẵng" → Đà Nẵng; a form only
    city_names.csv holds with its lead, "TP HCM", in English); never a name it lacks ("các thành phố Mỹ", American
    cities). The province after "tỉnh" right after the city is the region, as written. The country is not named."""
    for m in _VI_CITY.finditer(text):
        lead, words = m["lead"], m["name"].split(" ")
        written_out = lead.casefold() == "thành phố"
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n])
            whole = english_city(lead.rstrip(".") + " " + name) or english_city(lead + name)
            if whole:
                city = whole[0]  # "TP HCM", "TP.HCM": the abbreviation names no city alone
            elif _vi_city(name, written_out):
                city = name
            else:
                continue
            place = Place(city=city, by_table=True, rules=["place_vi_city"])
            if m["province"] and n == len(words):
                place.region = m["province"]
            return place
    return None


# Turkish names a district after its name with its generic noun in a case: "Aydın'ın Germencik ilçesinde" (in
# Germencik district, of Aydın), "Zile ilçesine bağlı Karacaören köyünde" (in Karacaören village, attached to Zile
# district); data/place_words.csv tr_district, tr_settlement
_TR_WORD = r"\p{Lu}\p{Ll}++"
_TR_CASE = r"(?:nde|ne|nin)"
_TR_PLACE = regex.compile(r"(?<!\p{L})(?:(?P<province>" + _TR_WORD + r")['’](?:n?[ıiuü]n)[ ]+)?(?P<district>" + _TR_WORD
                          + r"(?:[ ]" + _TR_WORD + r")?)[ ]+(?:" + _alt(_W.get("tr_district", ())) + r")" + _TR_CASE
                          + r"(?:[ ]+bağlı[ ]+(?P<village>" + _TR_WORD + r"(?:[ ]" + _TR_WORD + r")?)[ ]+(?:"
                          + _alt(_W.get("tr_settlement", ())) + r")" + _TR_CASE + r")?(?!\p{L})")
_TR_GATE = "ilçe"  # (what every tr_district form holds: tests/test_place_gates.py)


def turkish_place(text: str) -> Place | None:
    """The town a Turkish caption names with a district's generic noun (rule place_tr_district): the village
    attached to the district, else the district's town; the province written in the genitive before it is the
    region ("Tokat'ın Zile ilçesine bağlı Karacaören köyünde" → Karacaören, Tokat). The country is not named."""
    m = _TR_PLACE.search(text)
    if m is None:
        return None
    return Place(city=m["village"] or m["district"], region=m["province"] or "", by_table=True, rules=["place_tr_district"])


# Turkish writes "in" as a case ending after an apostrophe: "Erzurum'da" (in Erzurum), "Moskova’da" (in Moscow),
# "Azerbaycan’da" (in Azerbaijan); -da/-de, -ta/-te after a voiceless consonant
_TR_LOCATIVE = regex.compile(r"(?<![\p{L}'’])(?P<name>\p{Lu}\p{Ll}++(?:[ ]\p{Lu}\p{Ll}++)?)['’](?:da|de|ta|te)(?!\p{L})")
_TR_LOCATIVE_GATE = stdlib_re.compile(r"['’][dt][ae](?![^\W\d_])")  # (what every match holds: tests/test_place_gates.py)
_TR_LOCATIVE_SIZE = 100_000  # a town that large, or a country: a name in the case the gazetteer cannot mistake


def turkish_locative(text: str) -> Place | None:
    """The first town of 100,000 or more, or country, a Turkish caption names in the locative (rule
    place_tr_locative): "Erzurum'da sokağa çıkma kısıtlaması …" → Erzurum, "Moskova’da açılan ilk McDonald’s" →
    Moscow (the English name), "Azerbaycan’da bir düğün" → Azerbaijan."""
    for m in _TR_LOCATIVE.finditer(text):
        name = m["name"]
        country = lookup_country(name)
        if country:
            return Place(country=country.name, country_code=country.code, by_table=True, rules=["place_tr_locative"])
        english = english_city(name)
        city = english[0] if english else name
        if (lookup_city(city) or ("", 0))[1] >= _TR_LOCATIVE_SIZE:
            return Place(city=city, rules=["place_tr_locative"])
    return None


# Brazil writes a town's state as its code in brackets: "a prefeitura de Recreio (MG)", "Agência Brasil Rio de Janeiro
# (RJ) 22/03/2024 –" (data/place_words.csv br_state; not AP: "(AP)" after a name is the Associated Press)
_BR_STATES = _W.get("br_state", frozenset())
_BR_TOWN = regex.compile(r"(?:(?<=(?<!\p{L})(?P<lead>em|de|do|da|no|na)[ ])|(?<![\p{L}\p{M}'’\-]))(?P<name>\p{Lu}[\p{L}\p{M}'’\-]*+"
                         r"(?:[ ](?:(?:de|do|da|dos|das)[ ])?\p{Lu}[\p{L}\p{M}'’\-]*+){0,5})[ ]\((?P<uf>"
                         + (_alt(_BR_STATES) or "(?!)") + r")\)")
_BR_GATE = stdlib_re.compile(r"\((?:" + "|".join(sorted(_BR_STATES)) + r")\)" if _BR_STATES else "(?!)")
_BR_LINKS = frozenset(("de", "do", "da", "dos", "das"))
_BR_SAINTS = frozenset(("São", "Santa", "Santo"))


def brazil_town(text: str) -> Place | None:
    """The first town a Brazilian caption writes with its state's code in brackets (rule place_br_town): the last
    words before the code that name a Brazilian town the gazetteer knows ("Agência Brasil Rio de Janeiro (RJ)" → Rio
    de Janeiro, RJ), else, after "em", "de" or "no", a name shaped as a town's, one word or with a link or a saint's
    word ("a prefeitura de Recreio (MG)" → Recreio, MG; not "de Paulo Pimenta (RS)", a man of that state)."""
    for m in _BR_TOWN.finditer(text):
        words = m["name"].split(" ")
        for k in range(len(words)):
            name = " ".join(words[k:])
            if words[k] not in _BR_LINKS and lookup_city(name) and city_in(name, {"BR"}):
                return Place(city=_case(name), region=m["uf"], by_table=True, rules=["place_br_town"])
        if m["lead"] and (len(words) == 1 or _BR_LINKS.intersection(words) or words[0] in _BR_SAINTS) and not lookup_country(m["name"]):
            return Place(city=_case(m["name"]), region=m["uf"], by_table=True, rules=["place_br_town"])
    return None


# Swiss German papers write the canton's code after a town: "in Zwillikon (ZH)", "bei Sachseln OW" (data/place_words.csv
# swiss_canton); after a place word, the code closing the name (in brackets only: AG, also a company's suffix, and the
# codes a US state shares, "Lincoln NE")
_CANTONS = _W.get("swiss_canton", frozenset())
_US_POSTAL = frozenset(st.postal for st in us_states().values())  # "Lincoln NE", "Little Rock AR": a US state's code
_CANTON_WORD = r"\p{Lu}[\p{L}\p{M}]*+(?:[-'’]\p{L}[\p{L}\p{M}]*+)*+"
_CANTON = regex.compile(r"(?<!\p{L})(?:in|bei|im|aus|nach|von)[ ]+(?P<town>" + _CANTON_WORD + r"(?:[ ](?:(?:am|an|im|bei|ob)[ ])?"
                        + _CANTON_WORD + r"){0,2})[ ]+(?:\((?P<bracketed>" + _alt(_CANTONS) + r")\)|(?P<bare>"
                        + _alt(_CANTONS - {"AG"} - _US_POSTAL) + r")(?=[ ]+\p{Ll}|[ ]*[,.;:!?)]|$))")


def swiss_canton_place(text: str) -> Place | None:
    """The town a Swiss German caption names with its canton's code after it (rule place_swiss_canton): "Am Freitagabend
    waren in Zwillikon (ZH) Feuerwehr, Polizei und Sanitäter im Einsatz" → Zwillikon, ZH (the canton as written; the
    country is not)."""
    for m in _CANTON.finditer(text):
        town = m["town"]
        if town[:1].isupper() and not town.isupper() and not lookup_country(town):
            return Place(city=town, region=m["bracketed"] or m["bare"], by_table=True, rules=["place_swiss_canton"])
    return None


def place_near_date(text: str, runs: list[PlaceRun], date: DateFound | None) -> Place | None:
    """The place of the photo: next to its date, else the first ``in`` run that names a known place."""
    unsure: list[str] = []
    if date is not None:
        place = _near_date(text, runs, date)
        if place is not None and place.found:
            if place.city and not (place.region or place.country):
                _same_city_later(runs, place)
            return place
        if place is not None:
            unsure += place.warnings
    if _sw_gate(text):  # (six substring tests: most captions hold none of the generic nouns' letters)
        place = swahili_place(text)
        if place is not None:
            return place
    if _vi_gate(text):
        place = vietnamese_place(text)
        if place is not None:
            return place
    if _TR_GATE in text:
        place = turkish_place(text)
        if place is not None:
            return place
    if _TR_LOCATIVE_GATE.search(text):
        place = turkish_locative(text)
        if place is not None:
            return place
    if _BR_GATE.search(text):
        place = brazil_town(text)
        if place is not None:
            return place
    failed: set[tuple] = set()  # the lines that named no place (a huge caption's lines repeat)
    # a place on a line of its own: "Kilkis, Greece", "Rome (Italy), October 27th 2020" (in a text of one
    # line and no bar only the first run can open it)
    for run in runs if "\n" in text or "|" in text else runs[:1]:
        at = run.start
        if at and (text[at - 1] not in _LINE_OPEN or text[at - 1] == " " and at > 1 and text[at - 2] not in _LINE_OPEN):
            continue  # (what _own_line finds at once: the run follows a word or a mark on its line)
        line = _own_line(text, run)
        if line is not None and all(p.count(" ") < 4 for p in run.parts):
            key = (tuple(run.parts), line)
            if key in failed:
                continue
            failed.add(key)
            place = classify_parts(run.parts + ([line] if lookup_country(line) else []), "in")
            if place.by_table or place.city and (lookup_city(place.city) or (None, 0))[1] >= 100_000:
                place.rules.append("place_line")
                return place
    for run in runs[-2:]:  # the caption closes with the place as a fragment of its own: "… damaged. Nhamatanda, Mosambik,"
        if len(run.parts) > 1 and _last_char(text, run.start) in ".!?:\n|," and _TAIL_REST.match(text, run.end) \
                and all(p.count(" ") < 4 for p in run.parts):
            place = _classify(run)
            if place.by_table or place.city and place.known:
                place.rules.append("place_tail")
                return place
    for run in runs:  # "Hihifo Road, Nuku'alofa", "along Connaught Road Central, Admiralty, Hong Kong": a site, its city
        if len(run.parts) > 1 and _kind(run.parts[0]) == "venue" and run.lead not in _NOT_PLACE_LEADS \
                and not run.parts[-1].endswith(("'s", "’s")) and all(p[:1].isupper() for p in run.parts) \
                and (run.lead in _PLACE_LEADS or _SENTENCE_END.match(text, run.end)):  # the sentence's place, not a list
            place = _classify(run)
            if place.city and lookup_city(place.city) and not _kind(place.city) and place.city.casefold() not in _NBH_NAMES:
                place.rules.append("place_venue_city")
                return place
    for run in runs:  # "in Seoul on Thursday", "at Bihar Bazar in Bogura yesterday": a day named for the photo
        day = _DAY_AFTER.match(text, run.end) if run.lead in _DAY_LEADS or len(run.parts) > 1 else None
        # any lead before "PLACE, CITY, Selasa (13/3)": ANTARA's place, weekday and date without its year
        if day and (run.lead in _DAY_LEADS or _DAY_DATE.match(text, day.end())) and run.lead not in _NOT_PLACE_LEADS:
            place = _classify(run)
            if place.city and place.known or place.by_table:
                place.rules.append("place_weekday")
                return place
    if _BEFORE_GATE.search(text):  # (one search: any(word in text …) over the words cost 3 µs a caption)
        _generic_before_lead(text, runs)
    if _ROMANCE_OF_GATE.search(text):
        _site_of_town(runs)
    # not a city's possessive before what is no part of it: "in Atlanta's first offensive play" is a team's
    # (but "in Beirut's southern suburbs" is the city's part, "at South Africa's famous Durban July" the country's)
    candidates = [run for run in runs if run.lead in ("in", "at", "near") and not (
        run.parts[-1].endswith(("'s", "’s")) and not _OWNED_PART.match(text, run.end) and not _is_known(run.parts[-1][:-2])
        or text[run.end:run.end + 1] in ('”', '"') and len(run.parts) == 1)]  # a title's last word: “Whirling Dervishes at Sunset”
    # a table's place, or a known one after "in", else any known one: each run read when the first test
    # reaches it (the runs after the first that passes are never read)
    classified: list[tuple[PlaceRun, Place]] = []
    for run in candidates:
        place = _classify(run)
        classified.append((run, place))
        if place.by_table or run.lead == "in" and place.known:
            return _phrase_place(text, runs, place, run)
    for run, place in classified:
        if place.known:
            return _phrase_place(text, runs, place, run)
    for run, place in classified:
        unsure += place.warnings
    first = -1  # where the first sentence ends: looked for when a run ending a sentence needs it (few do; the
    for run in runs:  # search tries every character). The runs are in order: one after that end ends the loop.
        if run.lead == "in" and len(run.parts) == 1 and _may_end_sentence(text, run.end) and _SENTENCE_END.match(text, run.end):
            if first < 0:
                first = _SENTENCE_END.search(text).start()  # (it always matches: "$" at the latest)
            if run.start > first:
                break
            place = _classify(run)
            # (a name after "the" closing the sentence is a site or a programme, "in the Queen's Park
            # Savannah.", "in the Project Lifesaver Program.", unless the gazetteer knows it as a town)
            if place.city and not place.region and not (_the_before(text, run) and not lookup_city(place.city)) \
                    and place.city.casefold() not in _STREET:  # "na Av. Paulista": a street's word alone, its dot no sentence's end
                slavic = slavic_place(text, runs)
                if slavic is not None:
                    return slavic  # "v Praze na Andělu.": the run closing the sentence is Prague's quarter
                place.rules.append("place_sentence_end")
                return place
    if _CANTON_GATE.search(text):  # (late: a caption that names its place otherwise never pays for the search)
        known = swiss_canton_place(text)
        if known is not None:
            return known
    known = _known_city(text, runs)
    if known is None:
        known = _city_subject(text, runs)
    if known is None and _GENITIVE_GATE.search(text):
        known = _genitive_city(text)
    if known is None:
        known = slavic_place(text, runs)
    if known is None:
        known = _part_of_town(text, runs)
    if known is None and _AR_GOVERNORATE_WORD in text:
        known = ar_governorate(text)
    if known is None:
        plain = text.isascii()  # (no CJK letter, and no key but the ASCII ones, in an ASCII text)
        for key in _ENDING_KEYS_ASCII if plain else _ENDING_KEYS:
            if key in text:
                known = _locative_city(runs)
                break
        if known is None and not plain and _CJK_LETTER.search(text):
            known = cjk_city(text)
            known = cjk_region(text, kr_province(text, known) if _HANGUL.search(text, 0, _CJK_SCAN) else known)
        if known is None and not plain and _SOUTH_LETTER.search(text):
            known = script_city(text)
        if known is None and not plain and _AR_LETTER.search(text):
            known = arabic_city(text)
    if known is not None:
        return known
    return Place(warnings=unsure[:1]) if unsure else None


def _phrase_place(text: str, runs: list[PlaceRun], place: Place, run: PlaceRun) -> Place:
    place.rules.append("place_phrase")
    _city_before(text, runs, place, run)
    _cn_chain(text, runs, place, run)
    _region_after(text, runs, place, run)
    return place


# a city, then the region or country it lies in: "Khan Yunis in the southern Gaza Strip", "Batroun in
# northern Lebanon", "Rafah im südlichen Gazastreifen", "Khan Yunis sør på Gazastripen"
_IN_REGION_GAP = regex.compile(r"[ ]*+,?[ ]*+(?:(?:" + _alt(w for w in _DIRS if w.islower()) + r")[ ]++)?(?:in|im|" + _alt(_LEAD_IN)
                               + r")[ ]++(?:(?:the|der|dem|el|la|le)[ ]++)?(?:\p{Ll}++[ ]++){0,2}$")


def _city_before(text: str, runs: list[PlaceRun], place: Place, run: PlaceRun) -> None:
    """A place naming no city takes the city written just before it ("CITY in the southern REGION")."""
    if place.city or not (place.region or place.country):
        return
    i = runs.index(run)
    if not i or not _IN_REGION_GAP.fullmatch(text, runs[i - 1].end, run.start):
        return
    near = _classify(runs[i - 1])
    if near.city and not near.region and (not near.country or near.country == place.country) and not _kind(near.city) \
            and (near.known or len(runs[i - 1].parts) == 1 and (runs[i - 1].lead in _PLACE_LEADS or runs[i - 1].lead == "from"
                                                                 or runs[i - 1].lead in _OF_WORDS and _of_place(text, runs[i - 1].start))):
        place.city = near.city
        place.rules.append("place_city_in")


def _cn_chain(text: str, runs: list[PlaceRun], place: Place, run: PlaceRun) -> None:
    """A Chinese province naming no city takes the administrative chain written before it with "of" ("in
    Lingguan Town, Hengyang City of central China's Hunan Province"): its smallest unit but a district (a
    quarter), each part a name and a cn_unit word; a city the gazetteer holds loses the word ("Hengyang")."""
    if place.city or place.country_code != "CN" or not place.region:
        return
    i = runs.index(run)
    if not i or not _OF_REGION_GAP.fullmatch(text, runs[i - 1].end, run.start):
        return
    prev = runs[i - 1]
    if prev.lead not in _PLACE_LEADS and prev.lead != "from":
        return
    words = [part.rpartition(" ") for part in prev.parts]
    if not all(name and word in _CN_UNIT for name, _, word in words):
        return
    name, _, word = next((w for w in words if w[2].casefold() != "district"), words[0])
    place.city = name if word.casefold() == "city" and _city_code(name) == "CN" else f"{name} {word}"
    place.rules.append("place_cn_chain")


def _same_city_later(runs: list[PlaceRun], place: Place) -> None:
    """A city named alone by the date takes the state or country of the same city written with them
    after "in" elsewhere ("at Nashville Zoo on Monday, Aug. 21, 2017, in … in Nashville, Tenn.")."""
    for run in runs:
        if len(run.parts) > 1 and run.lead == "in" and _key(run.parts[0]) == _key(place.city):
            wider = _classify(run)
            if wider.city.casefold() == place.city.casefold() and (wider.region or wider.country):
                place.region, place.country, place.country_code = wider.region, wider.country, wider.country_code
                place.rules.append("region_from_phrase" if wider.region else "country_from_phrase")
            return


# Xinhua: "in Huai'an of east China's Jiangsu Province": a town, "of", the region it lies in
_OF_REGION_GAP = regex.compile(r"[ ]++of[ ]++(?:(?:" + _alt(w for w in _DIRS if w.islower()) + r")[ ]++)?")


def _region_after(text: str, runs: list[PlaceRun], place: Place, run: PlaceRun) -> None:
    """A town naming nothing larger takes the region and country written just after it ("at Sanghiang
    Tanjung village in Indonesia's Banten province"): the same convention as _city_before."""
    if not place.city or place.country:
        return
    i = runs.index(run)
    if i + 1 >= len(runs) or not (_IN_REGION_GAP.fullmatch(text, run.end, runs[i + 1].start)
                                  or _OF_REGION_GAP.fullmatch(text, run.end, runs[i + 1].start)):
        return
    wider = _classify(runs[i + 1])
    if not wider.city and (wider.region or wider.country) and wider.by_table:
        if place.region and not (wider.region and _is_province(wider.region, wider.country_code)
                                 and not _is_province(place.region, wider.country_code)):
            return  # "…, Daoxian County of central China's Hunan Province": the province, not the county
        place.region, place.country, place.country_code = wider.region, wider.country, wider.country_code
        place.rules.append("place_city_in")


def _town_earlier(text: str, runs: list[PlaceRun], place: Place, run: PlaceRun) -> None:
    """A country or region by the date naming no city takes the town written earlier in the same sentence
    after "in" as a town ("na cidade de Borodyanka, perto de Kiev (Kiev), Ucrânia, 05 de abril de 2022"):
    a town the words call one, or a gazetteer city of that country."""
    if place.city or not place.country_code:
        return
    i = runs.index(run)
    for j in range(i - 1, max(-1, i - 4), -1):
        prev = runs[j]
        if _SENTENCE_END.search(text, prev.end, run.start).start() < run.start or run.start - prev.end > 80:
            return
        if prev.lead != "in" and prev.parts[0].partition(" of ")[0] not in _CITYWORD | _TOWN_OF_WORDS:  # "da cidade de Borodyanka"
            continue
        near = _classify(prev)
        if near.city and not _kind(near.city) and (not near.country or near.country_code == place.country_code) and (
                near.by_table and not near.region or city_in(near.city, {place.country_code})):
            place.city = near.city
            place.rules.append("place_town_earlier")
        return


# what may follow a place closing the caption: stops, a publication's date ("…, publiziert am 31. März"), or the
# year as a fragment of its own, as archives close a caption ("… for Christmas. West Berlin, Germany. 1963.")
_TAIL_REST = regex.compile(r"[ ,.;]*+(?:(?i:publiziert|veröffentlicht|published|publicado|publiée?|pubblicat[oa]|publisert)"
                           r"[^\n]{0,40}?|(?<=\.[ ]{1,2})(?:c\.[ ]?)?(?:1[89]|20)\d\d)?[ .]*+$")
_CJK_LETTER = stdlib_re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CJK_LETTERS = stdlib_re.compile(_CJK_LETTER.pattern + "+")  # a run of them


@lru_cache(maxsize=1)
def _cjk_names() -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
    """Every city name in Chinese, Japanese or Korean script the lexicon holds, and for each first two
    letters the lengths of the names that open with them, longest first."""
    names = frozenset(alias for alias in city_names() if _CJK_LETTER.match(alias))
    sizes: dict[str, set[int]] = {}
    for name in names:
        if len(name) > 1:
            sizes.setdefault(name[:2], set()).add(len(name))
    return names, {head: tuple(sorted(lengths, reverse=True)) for head, lengths in sizes.items()}


_CJK_SCAN = 2000  # the photo's place is named early; a bound keeps a huge caption's scan short
# a street's generic word after a name, a direction word between or not (data/place_words.csv cjk_street)
_CJK_STREET = stdlib_re.compile("[东西南北中東]?(?:" + "|".join(map(stdlib_re.escape, regex.longest_first(_W.get("cjk_street", ())))) + ")")


# common words that spell a lexicon city's name at a word's start: Korean 위해 (in order to: Weihai), Hindi हमारे
# (our: Hama and an ending) (data/place_words.csv script_not_city; a tuple for str.startswith)
_SCRIPT_NOT_CITY = tuple(sorted(_W.get("script_not_city", ())))


def _not_cjk_city(head: str, i: int, end: int, word_start: int) -> bool:
    """A lexicon city's name at ``i`` that names no city: Korean writes its words apart, so
    a Hangul name inside a word is a piece of it ("개구리가", a frog: not 리가, Riga); a name before a street's
    word names the street ("胜利南路", "北京路": Chinese streets are named after towns); a common word that
    spells the name ("보기 위해", in order to see: not 위해, Weihai)."""
    return i != word_start and "\uac00" <= head[i] <= "\ud7af" or _CJK_STREET.match(head, end) is not None \
        or head.startswith(_SCRIPT_NOT_CITY, i)


_CJK_CITY_ORG = tuple(regex.longest_first(_W.get("cjk_city_org", ())))  # (data/place_words.csv)
_CJK_NET = frozenset(w for w in _CJK_CITY_ORG if len(w) == 1)  # 网/網: a site's name only before no further Han letter


def _cjk_city_org(text: str, end: int) -> bool:
    """The words after a city's name (ending at ``end``) make the two an organisation's or people's name:
    "海口网" (a news site), "北京日报" (a paper), "香港網民" (the city's netizens), not the photo's place."""
    for word in _CJK_CITY_ORG:
        if text.startswith(word, end):
            if word in _CJK_NET:
                nxt = text[end + 1:end + 2]
                return not ("\u4e00" <= nxt <= "\u9fff")
            return True
    return False


def cjk_city(text: str) -> Place | None:
    """The first city a caption in Chinese, Japanese or Korean names (``23일 서울 광화문`` → Seoul), the
    longest name at the first place one starts: those scripts have no capitals to find a place's
    name by, so the lexicon's names are looked for (a set lookup per letter and length of a name
    opening with that letter and the next)."""
    names, sizes = _cjk_names()
    head = text[:_CJK_SCAN]
    get = sizes.get
    inside = 0  # the end of a city's name that opens an organisation's name: no city is read inside it
    for run in _CJK_LETTERS.finditer(head):  # (each letter of a run of them in turn: no match object a letter)
        for i in range(run.start(), run.end()):
            if i < inside:
                continue
            for size in get(head[i:i + 2], ()):  # the names opening with these two letters, longest first
                if size > len(head) - i:
                    continue
                hit = english_city(head[i:i + size]) if head[i:i + size] in names else None
                if hit and _cjk_city_org(head, i + size):
                    inside = i + size  # "海口网", "香港網民": a news site's or the city's netizens' name, not the photo's
                    break  # place, nor a shorter name at the same letter or inside it ("一宮市新聞網", "张家口市宣化区新聞網")
                if hit and not _not_cjk_city(head, i, i + size, run.start()):  # a city of 300,000 or more: its country goes with it
                    country = country_by_code(hit[1])
                    return Place(city=hit[0], country=country.name if country else "", country_code=hit[1] if country else "",
                                 rules=["place_cjk"])
    return None


@lru_cache(maxsize=1)
def _cjk_regions() -> tuple[dict[str, tuple[str, str]], stdlib_re.Pattern]:
    """The provinces of China and prefectures of Japan by their names in those scripts, each with its generic
    word ("四川省", "千葉県", "新疆维吾尔自治区": data/region_names.csv) → (English name, country code), and a
    pattern finding them, longest first."""
    names = {row["alias"]: (row["name"], row["code"]) for row in _read_csv("region_names.csv") if row["code"] in ("CN", "JP")}
    return names, stdlib_re.compile("|".join(map(stdlib_re.escape, sorted(names, key=len, reverse=True))))


# what every name of region_names.csv holds (a C substring test before the pattern)
_CJK_REGION_MARKS = ("省", "県", "自治区", "自治區", "北海道")


_HANGUL = stdlib_re.compile(r"[\uac00-\ud7af]")


_KR_GENERIC = stdlib_re.compile(r"(?:특별자치)?도$")  # a Korean province's generic word


@lru_cache(maxsize=1)
def _kr_provinces() -> tuple[dict[str, str], stdlib_re.Pattern]:
    """The provinces of South Korea by their Hangul names, full and short ("경기도", "경기": region_names.csv, code
    KR) → English name, and a pattern finding one before a town's name, two letters or more ending in 시 (city) or 군
    (county; "도시" is a city, the noun), the word ending there or taking a particle (에서, 에, 의)."""
    names = {row["alias"]: row["name"] for row in _read_csv("region_names.csv") if row["code"] == "KR"}
    alt = "|".join(map(stdlib_re.escape, regex.longest_first(names)))
    return names, stdlib_re.compile(r"(?<![\uac00-\ud7af])(" + alt + r")[ ]+([\uac00-\ud7af]{2,4}?[시군])(?=[\s,.)·]|에서|에|의|$)")


def kr_province(text: str, city: Place | None) -> Place | None:
    """Korean names the province before its town ("경기 파주시", "경기도 연천군"): the province is the region; the
    town, a lexicon city or else its name less 시/군 (파주), is the city when no other was found."""
    names, pattern = _kr_provinces()
    m = pattern.search(text, 0, _CJK_SCAN)
    if m is None:
        return city
    region, town = names[m.group(1)], m.group(2)
    hit = english_city(town) or english_city(town[:-1])
    namesake = english_city(_KR_GENERIC.sub("", m.group(1)))
    if city is not None and namesake and namesake[0] == city.city:
        city = None  # "제주도 서귀포시": the city found was the province's name (제주, Jeju City), not the town
    if city is not None:
        if hit and hit[0] == city.city and city.country_code == "KR" and not city.region:
            city.region = region
            city.rules.append("place_kr_province")
        return city
    country = country_by_code("KR")
    return Place(city=hit[0] if hit and hit[1] == "KR" else town[:-1], region=region, country=country.name if country else "",
                 country_code="KR" if country else "", by_table=True, rules=["place_kr_province"])


def cjk_region(text: str, city: Place | None) -> Place | None:
    """The province or prefecture a Chinese or Japanese caption names with its generic word, larger place first
    as those languages write it: the region of the city named right after it ("广东省惠州市" → Huizhou,
    Guangdong), or, no city named, the region alone ("在四川省北川县": the county is under 300,000)."""
    if not any(mark in text for mark in _CJK_REGION_MARKS):
        return cjk_short_region(text, city)
    names, pattern = _cjk_regions()
    m = pattern.search(text, 0, _CJK_SCAN)
    if m is None:
        return cjk_short_region(text, city)
    name, code = names[m.group()]
    if city is None:  # (a province's name does not name the country: LABELS.md fills it for a US state only)
        seat = _CJK_CITY_SEAT.match(text, m.end())
        if seat is not None:  # "岩手県釜石市", "黑龙江省讷河市": the city the lexicon lacks, named with its word 市 after
            return Place(city=seat[1], region=name, by_table=True, rules=["place_cjk_region", "place_cjk_seat"])
        return Place(region=name, by_table=True, rules=["place_cjk_region"])
    after = cjk_city(text[m.end():m.end() + 12])  # the city the province's name opens
    if after is not None and after.city == city.city and city.country_code == code and not city.region:
        city.region = name
        city.rules.append("place_cjk_region")
    return city


# a city's name (up to four Han letters, or up to eight katakana) with its generic word 市 right after its province's or
# prefecture's name: the city, its name less 市 ("岩手県釜石市" → 釜石, "内蒙古自治区ウランチャブ市" → ウランチャブ)
_CJK_CITY_SEAT = stdlib_re.compile(r"([\u4e00-\u9fff]{1,4}?|[\u30a1-\u30fa\u30fc]{2,8}?)市")


# the generic words Chinese drops from a province's name before the town in it ("四川平武县", "江苏无锡")
_CN_GENERIC = stdlib_re.compile(r"(?:省|(?:壮族|壯族|回族|维吾尔|維吾爾)?自治[区區])$")
# a town's name in Chinese with its generic word (city, county, town, district): what a province's short name
# must open to be the place's province, not an adjective ("四川大学", "河北队", "湖南卫视")
_CJK_SEAT = stdlib_re.compile(r"[\u4e00-\u9fff]{1,4}?[市县縣镇鎮区區]")


@lru_cache(maxsize=1)
def _cjk_short_regions() -> tuple[dict[str, str], stdlib_re.Pattern]:
    """The provinces of China by their short names, the generic word dropped ("四川", "内蒙古") → English name,
    and a pattern finding them, longest first."""
    names = {_CN_GENERIC.sub("", row["alias"]): row["name"] for row in _read_csv("region_names.csv") if row["code"] == "CN"}
    return names, stdlib_re.compile("(?:" + "|".join(map(stdlib_re.escape, sorted(names, key=len, reverse=True))) + r")(?![省自])")


_FROM = ("来自", "來自")  # "from": before a province, where people came from


def _cjk_city_at(text: str, i: int) -> str:
    """The English name of the lexicon's city whose Chinese name starts at ``i``, longest first, or ""."""
    names, sizes = _cjk_names()
    for size in sizes.get(text[i:i + 2], ()):
        if text[i:i + size] in names:
            hit = english_city(text[i:i + size])
            if hit:
                return hit[0]
    return ""


def cjk_short_region(text: str, city: Place | None) -> Place | None:
    """A province of China by its short name, as Xinhua writes it before the town ("四川平武县南坝镇",
    "安徽宣城宁国市", "江苏无锡梅村"): the first one opening a town's name (a lexicon city, or a name ending in
    市, 县, 镇, 区) is the region; with a city found, only the province opening that city's name. Not after "from"
    ("来自湖南": where people came from)."""
    names, pattern = _cjk_short_regions()
    for m in pattern.finditer(text, 0, _CJK_SCAN):
        if text[max(0, m.start() - 2):m.start()] in _FROM:
            continue
        after = _cjk_city_at(text, m.end())
        if not after and (city is not None or not _CJK_SEAT.match(text, m.end())):
            continue
        if city is None:
            return Place(region=names[m.group()], by_table=True, rules=["place_cjk_region"])
        if after == city.city and city.country_code == "CN" and not city.region:
            city.region = names[m.group()]
            city.rules.append("place_cjk_region")
        return city
    return city


def _cjk_city_walk(text: str) -> Place | None:
    """cjk_city read letter by letter (a match a letter): what the walk over runs of letters must find (tests)."""
    names, sizes = _cjk_names()
    head = text[:_CJK_SCAN]
    inside = 0
    for m in _CJK_LETTER.finditer(head):
        i = m.start()
        if i < inside:
            continue
        for size in sizes.get(head[i:i + 2], ()):
            if size > len(head) - i:
                continue
            hit = english_city(head[i:i + size]) if head[i:i + size] in names else None
            if hit and _cjk_city_org(head, i + size):
                inside = i + size
                break
            if hit and not _not_cjk_city(head, i, i + size, i if i == 0 or not _CJK_LETTER.match(head, i - 1) else -1):
                country = country_by_code(hit[1])
                return Place(city=hit[0], country=country.name if country else "", country_code=hit[1] if country else "",
                             rules=["place_cjk"])
    return None


# the scripts of South and Southeast Asia (Devanagari to Sinhala, Thai, Lao, Myanmar, Khmer; their ranges hold
# their vowel signs and marks too): no capitals either, so the lexicon's names are looked for, as in CJK text
_SOUTH_LETTER = stdlib_re.compile(r"[\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
_SOUTH_LETTERS = stdlib_re.compile(_SOUTH_LETTER.pattern + "+")
_UNSPACED = stdlib_re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")  # Thai, Lao, Myanmar, Khmer: no spaces between words
_SOUTH_ENDING = 2  # the letters or signs a case ending or postposition may add to a name: "मुंबईत", "काठमाडौंको", "ঢাকায়"
_SOUTH_ENDINGS = _W.get("script_ending", frozenset())  # and the longer ones: "અમદાવાદમાં", "दिल्लीतील" (data/place_words.csv)


@lru_cache(maxsize=1)
def _south_names() -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
    """Every city name in those scripts the lexicon holds, and for each first two characters the lengths
    of the names that open with them, longest first."""
    names = frozenset(alias for alias in city_names() if _SOUTH_LETTER.match(alias))
    sizes: dict[str, set[int]] = {}
    for name in names:
        sizes.setdefault(name[:2], set()).add(len(name))
    return names, {head: tuple(sorted(lengths, reverse=True)) for head, lengths in sizes.items()}


def script_city(text: str) -> Place | None:
    """The first city a caption in a script of South or Southeast Asia names ("मुंबईत …" → Mumbai,
    "กรุงเทพมหานคร" → Bangkok). A name opens a word and ends it, or is followed by a short ending ("काठमाडौंको":
    Kathmandu's), not by more letters ("काशीनाथ" is a man's name); Thai, Lao, Myanmar and Khmer write no space
    between words: a name may begin at any letter there."""
    names, sizes = _south_names()
    head = text[:_CJK_SCAN]
    get = sizes.get
    for run in _SOUTH_LETTERS.finditer(head):
        a, b = run.span()
        for i in range(a, b) if _UNSPACED.match(head, a) else (a,):
            for size in get(head[i:i + 2], ()):
                j = i + size
                if j > len(head) or head[i:j] not in names:
                    continue
                if not _UNSPACED.match(head, i):  # a spaced script: the word ends, or goes on with an ending
                    rest = _SOUTH_LETTERS.match(head, j)
                    if rest is not None and len(rest[0]) > _SOUTH_ENDING and rest[0] not in _SOUTH_ENDINGS:
                        continue
                    if rest is not None and head.startswith(_SCRIPT_NOT_CITY, i):
                        continue  # "हमारे" (our) is no Hama with an ending
                hit = english_city(head[i:j])
                if hit:
                    country = country_by_code(hit[1])
                    return Place(city=hit[0], country=country.name if country else "", country_code=hit[1] if country else "",
                                 rules=["place_script"])
    return None


# the Arabic script (Arabic, Persian, Urdu): no capitals either; a city's name is read only after a word that makes it
# the place (data/place_words.csv ar_lead: في, مدينة, در, شهرداری …), with ب ("in") glued to it, before Urdu's میں,
# or opening the caption before a dash or colon (a dateline: "القاهرة -")
_AR_LETTER = stdlib_re.compile(r"[\u0620-\u065f\u066e-\u06d3\u06d5-\u06ff]")
_AR_WORD = stdlib_re.compile(_AR_LETTER.pattern + "+")
_AR_LEAD = _W.get("ar_lead", frozenset())
_AR_AFTER = _W.get("ar_after", frozenset())
_AR_NOT_CITY = frozenset(_SCRIPT_NOT_CITY)
_AR_DATELINE = stdlib_re.compile(r"[ ]*[-–—:]")
_AR_NAME_WORDS = 3  # a city's name in that script: three words at most (tools/make_city_names.py)


@lru_cache(maxsize=1)
def _ar_names() -> frozenset[str]:
    """Every city name in the Arabic script the lexicon holds (data/city_names.csv)."""
    return frozenset(alias for alias in city_names() if _AR_LETTER.match(alias))


def arabic_city(text: str) -> Place | None:
    """The first city a caption in the Arabic script names as its place (rule place_arabic_script): a lexicon name
    (a city of 300,000 or more) after one of the ar_lead words ("في وهران", "شهرداری مشهد", "کلانشهر تبریز"), with
    ب glued to it ("بوهران", "بالجيزة"), before Urdu's میں ("لاہور میں"), or opening the caption before a dash or a
    colon; the longest name first; not a common word that spells one (script_not_city: المدينة, العين …)."""
    names = _ar_names()
    head = text[:_CJK_SCAN]
    words = [(m.start(), m.end(), m.group()) for m in _AR_WORD.finditer(head)]
    for i, (start, _, word) in enumerate(words):
        before = words[i - 1][2] if i and head[words[i - 1][1]:start].strip() == "" else ""
        for k in range(min(_AR_NAME_WORDS, len(words) - i), 0, -1):
            end = words[i + k - 1][1]
            name = head[start:end]
            if " ".join(w for _, _, w in words[i:i + k]) != name:
                continue  # (the words must stand one space apart, as the lexicon writes them)
            glued = False
            if name not in names and name[:1] == "ب" and name[1:] in names:
                name, glued = name[1:], True  # "بوهران": in Oran
            if name not in names or name in _AR_NOT_CITY:
                continue
            after = words[i + k][2] if i + k < len(words) and head[end:words[i + k][0]].strip() == "" else ""
            opening = i == 0 and not head[:start].strip() and _AR_DATELINE.match(head, end) is not None
            if glued or before in _AR_LEAD or after in _AR_AFTER or opening:
                hit = english_city(name)
                if hit:
                    country = country_by_code(hit[1])
                    return Place(city=hit[0], country=country.name if country else "", country_code=hit[1] if country else "",
                                 rules=["place_arabic_script"])
    return None


_DAY_LEADS = _W.get("day_lead", frozenset())  # data/place_words.csv
# after a place: a weekday or a day named without a date, as the photo's ("…, on Thursday", "el martes", "yesterday")
# (the day's words as a prefix tree: tried after most runs, an alternation of ninety words failed slowly)
_DAY_AFTER = regex.compile(r"[ ]*+,?[ ]*+(?:(?:on|" + _alt(_DATE_LEAD) + r")[ ]++)?(?:(?:early|late|last|this)[ ]++)?(?i:"
                           + _trie(WEEKDAY_WORDS | _RELATIVE_DAY) + r")(?!\p{L})")
_DAY_DATE = regex.compile(r"(?:[ ]++\p{Ll}++)?[ ]*+\([ ]*+\d{1,2}/\d{1,2}\b")  # "Selasa (13/3)", "Minggu pagi (24/5/2020)"
# (a search for the earliest start: each word's first letter only, \G the window's start; a start inside a
# word reads the same words as the word's first letter, which comes first: 63 -> 14 µs a call)
_WORDS_BEFORE = regex.compile(r"(?:\G|(?<!\p{L}))(\p{L}++)[ ]++(?:\p{L}+[ ]++){0,2}?(?:" + _alt(_OF_WORDS) + r")[ ]++(?:(?:the|la|le|les|los|las|l'|l’)[ ]*+)?$")


# any word of place_of, in a text folded as _of_place folds the words it reads (str.casefold maps each character
# alone, so a word's folding is a part of its text's)
# (a prefix tree: an alternation of the fifty words tried at each character cost 4 µs a window, the tree 1)
_PLACE_OF_IN = stdlib_re.compile(_trie(_PLACE_OF) or "(?!)")


def _of_place(text: str, start: int) -> bool:
    """"the streets of Harare", "las calles de Jerusalén", "the outskirts of Tromsø": the words before
    "of" name a part or view of the place that follows."""
    lo = max(0, start - 60)
    if not _PLACE_OF_IN.search(text[lo:start].casefold()):
        return False  # no place_of word in the window: _WORDS_BEFORE's search (10 µs or more) could find none
    m = _WORDS_BEFORE.search(text, lo, start)
    if not m:
        return False
    before = text[m.start():start].split()
    return any(w.casefold().strip(",.") in _PLACE_OF for w in before[:-1])


_WORD_BEFORE_COMMA = regex.compile(r"(?:\G|(?<!\p{L}))(\p{L}++)\.?[ ]*+,[ ]*+$")  # (as _WORDS_BEFORE)


def _after_street(text: str, start: int) -> bool:
    """An address, then its city: "1094-96 Main St., Worcester", "along Moi avenue,Nairobi"."""
    m = _WORD_BEFORE_COMMA.search(text, max(0, start - 30), start)
    return bool(m) and m[1].casefold() in _STREET


# after a city's possessive, a part or view of it: "Nairobi's skyline", "Kampala's non-motorised transport
# corridor", "Beirut's southern suburbs" (place_words place_of, neighbourhood, street)
_OWNED_PART = regex.compile(r"[ ]++(?:[\p{Ll}\-]++[ ]++){0,3}?(?:" + _alt(
    w for w in _PLACE_OF | _NBH | _STREET | {"corridor", "waterfront", "harbour", "harbor", "silhouette", "old town", "main square"} if w.islower())
    + r")(?!\p{L})")


def _owned_city(run: PlaceRun) -> Place | None:
    name = run.parts[0][:-2].rsplit(" of ", 1)[-1]  # "A section of Kampala's …"
    if not (lookup_city(name) or _key(name) in AP_CITIES) or _is_known(name):
        return None
    place = classify_parts([name], "in")
    if not place.city:
        return None
    place.rules.append("place_owner")
    return place


def _known_city(text: str, runs: list[PlaceRun]) -> Place | None:
    """The first run after "in", "at", "near", "outside" or "the streets of" that names a city the
    gazetteer knows (a name in the running text with no date or country next to it). Not a
    possessive ("Liverpool's reach", "Atlanta's first play"): a team or an owner, not the place."""
    known: dict[tuple, str] = {}  # (parts, lead) → the known city it names, or "" (runs repeat)
    for run in runs:
        lead = run.lead
        if run.parts[-1].endswith(("'s", "’s")):
            if len(run.parts) == 1 and lead not in _NOT_PLACE_LEADS and _OWNED_PART.match(text, run.end):
                place = _owned_city(run)  # "Nairobi's skyline", "Kampala's transport corridor": a part of the city
                if place is not None:
                    return place
            continue
        if text[run.end:run.end + 1] in ('”', '"') and len(run.parts) == 1:
            continue  # a title's last word: “Whirling Dervishes at Sunset”
        downtown = run.start >= 9 and text[run.start - 2:run.start] in ("n ", "N ") \
            and text[run.start - 9:run.start].casefold() == "downtown " \
            or run.parts[0].startswith("Downtown ")  # "show downtown Halifax", "Downtown Omaha, Friday"
        seen_from = lead == "from" and _VIEW_FROM.search(text, max(0, run.start - 60), run.start) is not None
        if not (lead in _PLACE_LEADS or downtown or seen_from):
            # after "of" or a comma the words before must name a part of the place ("the streets of Harare")
            # or an address ("Main St., Worcester"): read first, a few characters back, since a run classified
            # the first time costs 15-30 µs and most runs after a comma are people's names
            if lead in _OF_WORDS:
                if not _of_place(text, run.start):
                    continue
            elif lead != "," or not _after_street(text, run.start):
                continue
        key = (tuple(run.parts), lead)
        city = known.get(key)
        if city is None:
            cached = _classify_cached(*key)  # read, not changed: no copy for the runs that fail
            known_city = cached.city and (lookup_city(cached.city) or _key(cached.city) in AP_CITIES)
            city = known[key] = cached.city if known_city else ""
        if not city:
            continue
        if lead in _THROUGH and city.casefold() in _NBH_NAMES:
            continue  # "through Manhattan's Lower East Side": a part of New York, not a town
        place = _classify(run)
        place.rules.append("place_known_city")
        return place
    return None


# a city's name in the Germanic genitive -s with a word for a part of it: de "auf den Strassen Berlins" (the word
# before), sv/da/no "Kievs centrum", "Oslos gater" (after): data/place_words.csv genitive_part_before, _after
_GENITIVE_BEFORE = regex.longest_first(_W.get("genitive_part_before", ()))
_GENITIVE_AFTER = regex.longest_first(_W.get("genitive_part_after", ()))
# de: the city's adjective in -er before a word for its part ("dem Essener Stadtteil Altenessen")
_ADJECTIVE_AFTER = regex.longest_first(_W.get("adjective_part_after", ()))
# any: the city's name as written before a word for its part ("Leipzig Innenstadt", "Debrecen belvárosában")
_NAME_PART_AFTER = regex.longest_first(_W.get("name_part_after", ()))
# (no \b in the gate: 2.5 µs a caption, not 5.6; _GENITIVE reads the bounds.) The gate asks whether the text holds one
# of the words: the words no other lies inside, as a prefix tree (the scan rejects most places at their first letter:
# 4.1 -> 2.2 µs a caption; the same answer as the plain alternation, tests/test_place_gates.py)
_GENITIVE_WORDS = _GENITIVE_BEFORE + _GENITIVE_AFTER + _ADJECTIVE_AFTER + _NAME_PART_AFTER
_GENITIVE_GATE = stdlib_re.compile(_trie([w for w in set(_GENITIVE_WORDS) if not any(o != w and o in w for o in _GENITIVE_WORDS)]))
_GENITIVE = regex.compile(r"(?<!\p{L})(?:(?:" + _alt(_GENITIVE_BEFORE) + r")[ ]++(?P<after>\p{Lu}\p{Ll}+s)(?!\p{L})"
                          r"|(?P<before>\p{Lu}\p{Ll}+s)[ ]++(?:" + _alt(_GENITIVE_AFTER) + r")(?!\p{L})"
                          r"|(?P<adjective>\p{Lu}\p{Ll}+er)[ ]++(?:" + _alt(_ADJECTIVE_AFTER) + r")(?!\p{L})"
                          r"|(?P<bare>\p{Lu}\p{Ll}+)[ ]++(?:" + _alt(_NAME_PART_AFTER) + r")(?!\p{L}))")
_GENITIVE_SIZE = 100_000  # a city that large: "Pari" is a town too, but "Paris centrum" names Paris


def _genitive_city(text: str) -> Place | None:
    """No other place: a city named in the genitive with a part of it ("Rök stiger över Kievs centrum",
    "auf den Strassen Berlins"), or by its German adjective in -er before one ("dem Essener Stadtteil Altenessen",
    place_adjective_city), or as written before one ("Leipzig Innenstadt", "Debrecen belvárosában",
    place_name_part_city), is the photo's place; the name less its -s must be a city of 100,000 or more
    (a name that is such a city with its -s, "Paris centrum", is that city)."""
    for m in _GENITIVE.finditer(text):
        if m["adjective"]:
            word = m["adjective"]  # "Essener" → Essen, "Bremer" → Bremen, "Dresdner" → Dresden
            names, rule = (word[:-2], word[:-2] + "en", word[:-3] + "en"), "place_adjective_city"
        elif m["bare"]:
            names, rule = (m["bare"],), "place_name_part_city"  # "Leipzig Innenstadt", "Debrecen belvárosában"
        else:
            word = m["after"] or m["before"]
            names, rule = (word, word[:-1]), "place_genitive_city"
        for name in names:
            place = classify_parts([name], "in")
            hit = lookup_city(place.city) if place.city else None
            if hit and hit[1] >= _GENITIVE_SIZE and not place.region and not place.country:
                place.rules.append(rule)
                return place
    return None


# a site's or a part's word of a town, written before "of" and the town's name, in the languages with an "of":
# nl "het stadhuis van Nijkerk", de "der Marktplatz von Lörrach", es "frente al ayuntamiento de Zaragoza", fr "la
# mairie de Lyon" (data/place_words.csv part_of_town: lower case as written, German's nouns capitalised)
_PART_OF_TOWN = _W.get("part_of_town", frozenset())
_PART_WORDS = tuple(sorted(_PART_OF_TOWN))
_PART_LINKS = frozenset(("van", "von", "de", "du", "di", "da", "do", "del", "della"))
_PART_IN_LINKS = frozenset(" " + w + " " for w in _PART_LINKS if w in _LEAD_IN)  # the links _lead reads as "in"
assert all(len(w) == 4 for w in _PART_IN_LINKS)
_PART_INNER = stdlib_re.compile(r" (?:d(?:[eiaou]|el|ella)) ")  # a Romance "of" inside a run ("Le Vieux-Port de Marseille")
_PART_TOWN_SIZE = 100_000  # a region's namesake town that large is the town ("das Rathaus von Bremen")


def _part_word_before(text: str, end: int) -> bool:
    """A part_of_town word ends at ``end`` and opens a word there (no letter or hyphen before it)."""
    if not text.endswith(_PART_WORDS, 0, end):
        return False
    for word in _PART_WORDS:
        start = end - len(word)
        if text.endswith(word, 0, end) and (start == 0 or not (text[start - 1].isalpha() or text[start - 1] == "-")):
            return True
    return False


def _part_of_town(text: str, runs: list["PlaceRun"]) -> Place | None:
    """No other place: a town named after a word for one of its sites or parts and "of" (rule place_part_of_town):
    "het stadhuis van Nijkerk" → Nijkerk, "in der Innenstadt von Köln" → Köln. The run after "of" (its lead, read
    by the loops before; or a Romance "of" inside a run, "Le Vieux-Port de Marseille"): the longest head of its first
    three words that the gazetteer knows as a town, not a country's name, nor a region's unless a town of 100,000 or
    more, nor a saint's ("la plaza de San Juan"); a town it lacks names none ("Der Dorfplatz von Zuoz")."""
    for run in runs:
        part, lead = run.parts[0], run.lead
        if lead == "in" and text[run.start - 4:run.start] in _PART_IN_LINKS:
            lead = text[run.start - 3:run.start - 1]  # "di" is a lead_in (id: di Jakarta): read as "in"
        if lead in _PART_LINKS:
            end = run.start - len(lead) - 2
            if end <= 0 or text[end:run.start] != " " + lead + " " or not _part_word_before(text, end):
                continue
            # ("centre-ville de Lyon": find_place_runs has made the part "town of Lyon", "ville de" being a town's words)
            town = part.rsplit(" of ", 1)[1] if part[:1].islower() and " of " in part else part
        elif " d" in part:
            m = None
            for m in _PART_INNER.finditer(part):
                pass  # (the last "of" inside the run)
            if m is None or not _part_word_before(part, m.start()):
                continue
            town = part[m.end():]
        else:
            continue
        words = town.split(" ")[:3]
        if words[0] in _SAINT_WORDS:
            continue
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n])
            hit = lookup_city(name)
            if hit and not lookup_country(name) and not _kind(name) and (hit[1] >= _PART_TOWN_SIZE or not lookup_subdivision(name)):
                return Place(city=name, rules=["place_part_of_town"])
    return None


# Arabic names a governorate after its word, often with "in" glued to it: "بمحافظة المنيا" (in Minya governorate), "في
# محافظة الجيزة" (data/region_names.csv, code EG: Egypt's governorates by their Arabic names → English)
_AR_GOVERNORATE_WORD = "محافظ"  # (what every match holds: a C substring test before the pattern)


@lru_cache(maxsize=1)
def _ar_governorates() -> tuple[dict[str, tuple[str, str]], stdlib_re.Pattern]:
    names = {row["alias"]: (row["name"], row["code"]) for row in _read_csv("region_names.csv") if row["code"] == "EG"}
    alt = "|".join(map(stdlib_re.escape, regex.longest_first(names)))
    # the word with "in", "of" or "and" glued to it, then the name, ending the word (Arabic letters: U+0621-U+064A)
    return names, stdlib_re.compile(r"(?<![\u0621-\u064a])(?:[\u0628\u0644\u0648]|\u0648\u0628)?" + _AR_GOVERNORATE_WORD
                                    + r"[\u0629\u0647][ ]+(" + alt + r")(?![\u0621-\u064a])")


def ar_governorate(text: str) -> Place | None:
    """No other place: the governorate an Arabic caption names after its word (rule place_ar_governorate): "من مركز
    دير مواس بمحافظة المنيا" → region Minya, Egypt (the name as the lexicon writes it in English; a governor,
    "محافظ المنيا", names none)."""
    names, pattern = _ar_governorates()
    m = pattern.search(text)
    if m is None:
        return None
    region, code = names[m.group(1)]
    country = country_by_code(code)
    return Place(region=region, country=country.name if country else "", country_code=code if country else "",
                 by_table=True, rules=["place_ar_governorate"])


def _cyrillic(word: str) -> bool:
    return all("\u0400" <= c <= "\u04ff" for c in word)


# case_endings.csv's Cyrillic rows: (ending, the nominative's end, whether that nominative stands alone, for a town
# the gazetteer lacks: "-ську" → "-ськ"), longest ending first; the others give only a name the lexicon knows
_CYRILLIC_ENDINGS = tuple(sorted(((row["ending"], row["stem"], row["alone"] == "yes") for row in _read_csv("case_endings.csv")
                                  if _cyrillic(row["ending"])), key=lambda r: -len(r[0])))
_CYRILLIC_LAST = frozenset(e[-1] for e, _, _ in _CYRILLIC_ENDINGS)  # (a gate: the city's last letter)


def _case_nominative(place: Place) -> None:
    """A Cyrillic town written with a locative ending: its nominative ("у прифронтовому Степногірську, Запорізька
    область" → Степногірськ), in English when the lexicon knows it ("у Києві" → Київ → Kyiv, "в Москве" → Moscow).
    An ending whose nominative is not sure without the lexicon (uk -і, ru -е: Одесі, Херсоні, Киеве) gives only a
    name the lexicon knows (data/case_endings.csv, its Cyrillic rows and their column alone)."""
    city = place.city
    if " " in city or lookup_city(city) or english_city(city):
        return
    for ending, stem, alone in _CYRILLIC_ENDINGS:
        if city.endswith(ending) and len(city) > len(ending) + 1:  # (a stem of two letters or more: "Києві")
            name = city[:-len(ending)] + stem
            english = english_city(name)
            if english or alone:
                place.city = english[0] if english else name
                place.rules.append("place_case_nominative")
                return


# case_endings.csv's rows for the Slavic languages written in Latin letters: (ending, the nominative's end, the
# countries), longest ending first; a big city's locative after the language's "in" (place_words slavic_locative_lead:
# "w Warszawie", "v Praze", "u Zagrebu") → its nominative, only a gazetteer city of 100,000 or more of those countries
_SLAVIC_LANGS = frozenset(("pl", "cs", "sk", "hr", "sr", "bs", "sl"))
_SLAVIC_ROWS = tuple(row for row in _read_csv("case_endings.csv") if row["lang"] in _SLAVIC_LANGS)
_SLAVIC_ENDINGS = tuple(sorted(((row["ending"], row["stem"], frozenset(row["code"].split())) for row in _SLAVIC_ROWS),
                               key=lambda r: -len(r[0])))
_SLAVIC_CODES = frozenset(c for _, _, codes in _SLAVIC_ENDINGS for c in codes)
_SLAVIC_LAST = frozenset(e[-1] for e, _, _ in _SLAVIC_ENDINGS)  # (a gate: the word's last letter)
_SLAVIC_SIZE = 100_000
_SLAVIC_LEADS = frozenset(form for w in _W.get("slavic_locative_lead", ()) for form in (w, w.capitalize()))
# the leads _lead gives a run after them ("w" is a lead_in: "in")
_SLAVIC_RUN_LEADS = frozenset({"in"} | {w for w in _SLAVIC_LEADS if w.islower()})
_SLAVIC_LEAD_LAST = frozenset(w[-1] for w in _SLAVIC_LEADS)  # (a gate: the letter before the space before a run)
_SLAVIC_OPENERS = frozenset(w + " " for w in _SLAVIC_LEADS if w[0].isupper())  # "V Praze" opening a sentence: one run
_LOCATIVE_WORD = regex.compile(r"\p{Lu}\p{Ll}++(?![\p{L}\p{M}\-'’])")


def _slavic_word(text: str, run: "PlaceRun") -> str:
    """The word a run opens with, when a Slavic "in" stands before it, after a space, a new line or at the text's
    start ("w Warszawie", "we Wrocławiu", "V Praze" read as one run): a capital, then small letters only; else ""."""
    s, part = run.start, run.parts[0]
    word = ""
    if s >= 2 and text[s - 1] == " " and text[s - 2] in _SLAVIC_LEAD_LAST:
        for n in (1, 2):
            if s - 1 - n >= 0 and text[s - 1 - n:s - 1] in _SLAVIC_LEADS and (s - 1 - n == 0 or text[s - 2 - n] in " \n"):
                word = part
                break
    elif part[1:2] == " " and part[:2] in _SLAVIC_OPENERS or part[2:3] == " " and part[:3] in _SLAVIC_OPENERS:
        if s == 0 or text[s - 1] in " \n":
            word = part.partition(" ")[2]
    if not word:
        return ""
    m = _LOCATIVE_WORD.match(word)
    return m[0] if m else ""


def _slavic_nominative(word: str) -> tuple[str, int] | None:
    """The nominative of a town a Slavic language writes in the locative, and its population ("Warszawie" → Warsaw,
    "Krakowie" → Kraków, "Praze" → Prague, "Zagrebu" → Zagreb), by data/case_endings.csv's pl, cs, sk, hr, sr, bs
    and sl rows: a gazetteer city of the row's countries; None for a word the gazetteer knows as it is, or no such
    city (never a guess on an unknown word)."""
    if lookup_city(word):
        return None
    english = english_city(word)  # (GeoNames lists a few locatives among a city's names: "Sarajevu")
    if english:
        hit = lookup_city(english[0])
        return (english[0], hit[1]) if hit and hit[0] in _SLAVIC_CODES else None
    for ending, stem, codes in _SLAVIC_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) and len(word) > 3:
            name = word[:-len(ending)] + stem
            english = english_city(name)
            city = english[0] if english and english[1] in codes else name
            hit = lookup_city(city)
            if hit and hit[0] in codes:
                return city, hit[1]
    return None


def _slavic_run_nominative(place: Place) -> None:
    """A run's city in the locative after "w"/"v"/"u" (the run's lead, or its first word: "W Warszawie"): the
    nominative of a city of 100,000 or more (rule place_slavic_locative)."""
    head, _, word = place.city.rpartition(" ")
    if head and head not in _SLAVIC_LEADS:
        return
    town = _slavic_nominative(word)
    if town is not None and town[1] >= _SLAVIC_SIZE:
        place.city = town[0]
        place.rules.append("place_slavic_locative")


def slavic_place(text: str, runs: list["PlaceRun"]) -> Place | None:
    """The first town a caption names in a Slavic locative after its "in", when a city of 100,000 or more: "Lidé v
    Praze" → Prague, "u Zagrebu" → Zagreb (rule place_slavic_locative); a smaller town first ("narodil sa v Trnave")
    names none. The country is not named."""
    for run in runs:
        # (the run's lead, read by the loops before: "in" for "w", else the word; or a capitalised lead opening it)
        if run.lead not in _SLAVIC_RUN_LEADS:
            part = run.parts[0]
            if not (part[1:2] == " " and part[:2] in _SLAVIC_OPENERS or part[2:3] == " " and part[:3] in _SLAVIC_OPENERS):
                continue
        word = _slavic_word(text, run)
        town = _slavic_nominative(word) if word else None
        if town is not None:
            return Place(city=town[0], rules=["place_slavic_locative"]) if town[1] >= _SLAVIC_SIZE else None
    return None


_SLAVIC_KEYS = frozenset((r["ending"], r["stem"], r["code"]) for r in _SLAVIC_ROWS)
# (the Cyrillic rows: _case_nominative; the Slavic rows in Latin letters: slavic_place)
_ENDINGS = tuple(row for row in case_endings() if not _cyrillic(row[0]) and row not in _SLAVIC_KEYS)
_ENDING_TAILS = tuple({e for e, _, _ in _ENDINGS})
# the last three letters of every ending: a text holding none names no city by its case (a run's words
# are the text's, or "town", "province", "of" put before a name)
_ENDING_KEYS = tuple(sorted({e[-3:] for e in _ENDING_TAILS}))
_ENDING_KEYS_ASCII = tuple(k for k in _ENDING_KEYS if k.isascii())  # the only ones an ASCII text can hold


def _locative_city(runs: list[PlaceRun]) -> Place | None:
    """A city named with a locative case ending, which is the "in" of languages that have one:
    "Lauttasaaressa Helsingissä" → Helsinki (data/case_endings.csv); the stem must be a gazetteer
    city of that language's country."""
    for run in runs:
        for part in run.parts:
            for word in reversed(part.split(" ")):
                if not word.endswith(_ENDING_TAILS):
                    continue
                for ending, stem, code in _ENDINGS:
                    if word.endswith(ending) and len(word) > len(ending) + 2:
                        name = word[:-len(ending)] + stem
                        if city_in(name, {code}) and not _is_known(name):
                            # the country is not written: left blank (LABELS.md)
                            return Place(city=name, rules=["place_locative"])
    return None


# a city's name before a word for its people or services: "Nairobi residents queue …", "PARIS police said …",
# "Montreal snow-removal crews clear …" (place_words city_people); not "Liverpool players", "Dublin winning"
_CITY_PEOPLE = frozenset(w.casefold() for w in _W.get("city_people", ()))
_PEOPLE_NEXT = regex.compile(r"[ ]++(?:\p{Ll}++-\p{Ll}++[ ]++)?(\p{Ll}++)")  # "snow-removal crews": one compound word before
_SPACES_ASCII_WORD = stdlib_re.compile(r"[ ]+([a-z]*)")


def _people_word(text: str, end: int) -> str | None:
    """_PEOPLE_NEXT's word after ``end`` (its group), or None. A word of ASCII small letters after the spaces,
    then no hyphen and no letter outside ASCII, is that word (the compound's hyphen is not there, and no
    \\p{Ll} runs on past an ASCII character that is not a-z); no such letter there, and an ASCII character,
    is no match: read by one stdlib scan, not the pattern's call (a run is followed by a plain word, mostly).
    Anything else: the pattern."""
    m = _SPACES_ASCII_WORD.match(text, end)
    if m is None:
        return None  # no space at ``end``: _PEOPLE_NEXT opens with one
    after = text[m.end():m.end() + 1]
    if after != "-" and after.isascii():  # ("" at the text's end is ASCII)
        return m[1] or None
    m = _PEOPLE_NEXT.match(text, end)
    return None if m is None else m[1]


_SUBJECT_SCAN = 6  # the first runs only: the photo's subject is named early (opening a sentence, or after a comma)


# a city's name between an article and a site's word: "leaves a Los Angeles gym", "in a New Delhi garden"
# (place_words venue_noun)
_ARTICLE_BEFORE = regex.compile(r"(?<![\p{L}])(?:a|an|the)[ ]++$")


# a camp is a settlement: "The Zaatari refugee camp, home to …", "inside the Zaatari camp, northern Jordan"
_CAMP = regex.compile(r"[ ]++(?P<refugee>refugee[ ]++)?camp(?!\p{L})[ ]*+(?P<comma>,[ ]*+)?")


def _camp(text: str, runs: list[PlaceRun], k: int) -> Place | None:
    run = runs[k]
    m = _CAMP.match(text, run.end)
    if not m or not (m["refugee"] or m["comma"]) or _is_known(run.parts[0]) or _kind(run.parts[0]):
        return None
    gap = text[m.end():runs[k + 1].start] if k + 1 < len(runs) and 0 <= runs[k + 1].start - m.end() <= 12 else None
    wider = _classify(runs[k + 1]) if gap is not None and all(w in _DIRS for w in gap.split()) else None
    if not m["refugee"] and not (wider is not None and wider.country and not wider.city):
        return None  # "the Biden camp, …": a plain camp is a settlement only before the country it is in
    place = Place(city=_case(run.parts[0]), rules=["place_camp"], by_table=True)
    if wider is not None and wider.country and not wider.city:
        place.region, place.country, place.country_code = wider.region, wider.country, wider.country_code
    return place


def _city_subject(text: str, runs: list[PlaceRun]) -> Place | None:
    for k, run in enumerate(runs[:_SUBJECT_SCAN]):
        if len(run.parts) != 1:
            continue
        if " camp" in text[run.end:run.end + 16] and (camp := _camp(text, runs, k)) is not None:
            return camp
        word = _people_word(text, run.end) if text[run.end:run.end + 1] == " " else None  # (it opens with a space)
        if not word:
            continue
        word = word.casefold()
        if not (word in _CITY_PEOPLE and (run.lead in _OPENER_LEADS or run.lead == ",")
                or word in _VENUE_NOUN and _ARTICLE_BEFORE.search(text, max(0, run.start - 5), run.start)):
            continue
        name = run.parts[0]
        if not lookup_city(name) or _is_known(name) or _kind(name) or _key(name) in _NBH_NAMES:
            continue
        place = classify_parts([name], "in")
        if place.city:
            place.rules.append("place_city_people")
            return place
    return None


# --- datelines ---------------------------------------------------------------
# the small words inside a town's name in a dateline ("Rio de Janeiro", "Stratford upon Avon", "Frankfurt am Main":
# place_words.csv kind town_particle)
_PARTICLES = "|".join(regex.escape(w) for w in regex.longest_first(_W.get("town_particle", ())))
_CAPS_PART = r"\p{Lu}[\p{Lu}\p{M}.'’&\- ]*?"
_ANY_PART = r"\p{Lu}[\p{L}\p{M}.'’&\- ]*?"
# a place's name in a dateline: up to five words ("Rio de Janeiro", "Washington, D.C.")
_DF_WORD = r"[\p{L}\p{M}'’&\-]*+(?:\.\p{L}[\p{L}\p{M}'’&\-]*+)*+\.?"
_DF_PART = r"\p{Lu}" + _DF_WORD + r"(?:[ ]\p{L}" + _DF_WORD + r"){0,4}"
_DL_DATE = (
    r"(?P<dl_date>" + MONTH + r"\s+" + DAY + r"(?:,?\s+" + YEAR + r")?"
    r"|(?P<ny>(?:19|20)\d\d)/(?P<nm>[01]\d)/(?P<nd>[0-3]\d)"
    r"|(?P<nd2>[0-3]\d)\.(?P<nm2>[01]\d)\.(?P<ny2>(?:19|20)\d\d))"
)
DATELINES: list[tuple[str, regex.Pattern]] = [
    ("dateline_getty", regex.compile(
        r"^\s*(?P<place>" + _CAPS_PART + r"(?:,\s*" + _CAPS_PART + r"){0,2})(?<!\s)\s*[-–—]+\s*" + _DL_DATE + r"\s*:\s*")),
    ("dateline_getty_dash", regex.compile(
        r"^\s*(?P<place>" + _CAPS_PART + r"(?:,\s*" + _CAPS_PART + r"){0,2})(?<!\s)\s*[-–—]+\s*" + MONTH + r"\s+" + DAY
        + r",?\s+" + YEAR + r"\s+[-–—]\s+")),
    ("dateline_mixed_case", regex.compile(
        r"^\s*(?P<place>" + _ANY_PART + r"(?:,\s*" + _ANY_PART + r"){0,2})(?<!\s)\s+[-–—]+\s+" + _DL_DATE + r"\s*(?::|\n)\s*")),
    ("dateline_paren_date", regex.compile(
        r"^\s*(?P<place>" + _CAPS_PART + r"(?:,\s*" + _CAPS_PART + r"){0,2})(?<!\s)\s+\(" + _DL_DATE + r"\)\s*")),
    ("dateline_no_date", regex.compile(
        r"^\s*(?P<place>" + _CAPS_PART + r"(?:,\s*" + _CAPS_PART + r"){0,2}):\s+")),
    ("dateline_label", regex.compile(
        r"^\s*(?P<place>" + _NAME + r"(?:[ ]*,[ ]*" + _NAME + r"){1,3})[ ]*(?::[ ]+|[ ]+/[ ]+|[ ]*\n|\.[ ]+)")),
    # the date first, then the place: dpa "05 November 2019, US, San Francisco:", USA TODAY Sports
    # "Jul 26, 2023; Indianapolis, IN, USA;", "15 juillet 2023, Abiy Addi, Éthiopie."
    ("dateline_date_first", regex.compile(
        r"^\s*(?P<pre>[\p{L}\d][\p{L}\d. ]{2,24}?,?[ ]*(?:19|20)\d\d)[ ]*[,;–—-][ ]*(?P<place>" + _DF_PART
        + r"(?:,[ ]*" + _DF_PART + r"){0,3})(?:[ ]*[:;][ ]|[.][ ](?=\p{Lu})|[ ][-–—][ ])")),
    # a city alone opening the caption as its own sentence: "Roma. Folla sulla sponda…"
    ("dateline_city_stop", regex.compile(r"^\s*(?P<place>\p{Lu}[\p{L}\p{M}'’\- ]{1,30}?)\.[ ]+(?=\p{Lu})")),
    # a place in capitals, then a numeric date: EFE "MADRID, 19/10/2019.-", NTB "OSLO 19820820",
    # ANTARA "MERAK 5/9 -"; a city with its Brazilian state: "Rio de Janeiro (RJ), 17/02/2026 –"
    ("dateline_numeric", regex.compile(
        r"^\s*(?P<place>" + _CAPS_PART + r"(?:,\s*" + _CAPS_PART + r"){0,2}|" + _ANY_PART + r"[ ]+\((?P<uf>\p{Lu}{2})\))"
        r"(?<!\s),?[ ]+(?=\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|(?P<cy>(?:19|20)\d\d)(?P<cm>[01]\d)(?P<cd>[0-3]\d)\b)")),
    # EFE's town with its province in brackets, then the date and ".-": "LA ROCA DEL VALLÉS (BARCELONA), 12/05/2024.-",
    # "Vélez-Málaga (Málaga), 20 abr (EFE).-" (the province a region or city the lexicon knows: _town_province)
    ("dateline_town_province", regex.compile(
        r"^\s*(?P<place>\p{Lu}[\p{L}\p{M}'’\- ]{1,40}?)[ ]+\((?P<prov>\p{Lu}[\p{L}\p{M}'’\- ]{1,30}?)\),[ ]+"
        r"(?=\d{1,2}[ /][^\n]{1,24}?\.-)")),
    # a large city in mixed case opening the caption, then a dash: "São Paulo – Parte do dia …" (capitals: caps_dash)
    ("dateline_city_dash", regex.compile(
        r"^\s*(?=[^\n]{1,45}?[ ][-–—][ ])(?P<place>\p{Lu}(?!\p{Lu})[\p{L}\p{M}'’\-]*+"
        r"(?:[ ](?:\p{Lu}[\p{L}\p{M}'’\-]*+|" + _PARTICLES + r")){0,3})[ ]+[-–—][ ]+(?=\p{Lu})")),
    # a place in capitals, then a dash and no date: "HARARE - Zimbabwe's …"
    ("dateline_caps_dash", regex.compile(
        r"^\s*(?P<place>" + _CAPS_PART + r"(?:,\s*" + _CAPS_PART + r"){0,2})(?<!\s)[ ]+[-–—]+[ ]+(?=\p{Lu})")),
    # a place then its state or country, a dash and no date: "PARIS, France — …", "DES MOINES, Iowa — …",
    # "Hamilton, New Zealand - …" (the parts after the first in any case; read when the lexicon knows the state or
    # country, find_dateline)
    ("dateline_place_dash", regex.compile(
        r"^\s*(?P<place>\p{Lu}[\p{L}\p{M}'’.&\-]*+(?:[ ](?:\p{Lu}[\p{L}\p{M}'’.&\-]*+|" + _PARTICLES + r")){0,4}"
        r"(?:,[ ]*" + _ANY_PART + r"){1,2})(?<!\s)(?:[ ]+(?:--?|[–—])[ ]+|[ ]*[–—][ ]*)"
        r"(?=[\p{Lu}\"“‘'])")),
    # a place in capitals, a wire agency in brackets, a dash: "CAIRO (AP) —", "ARDAHAN (AA) -", "BERLIN (dpa) -"
    # (the brackets must hold a name data/agencies.csv knows: _wire_agency)
    ("dateline_ap", regex.compile(
        r"^\s*(?P<place>" + _CAPS_PART + r"(?:,\s*" + _ANY_PART + r"){0,2})(?<!\s)\s+\((?P<wire>\p{L}[\p{L}.\-]{0,15}(?: \p{L}[\p{L}.\-]{0,15})?)\)\s*[-–—]+\s*")),
]


# speed: a dateline rule is tried only when the text holds, for each group, one of its
# strings (every match of the rule does)
_DASHES = ("-", "–", "—")
_DATELINE_NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "dateline_getty": (_DASHES, (":",)),
    "dateline_getty_dash": (_DASHES,),
    "dateline_mixed_case": (_DASHES, (":", "\n")),
    "dateline_paren_date": (("(",), (")",)),
    "dateline_no_date": ((":",),),
    "dateline_label": ((": ", " / ", "\n", ". "),),
    "dateline_ap": ((")",), _DASHES),
    "dateline_date_first": ((",", ";", "-", "–", "—"), (":", ";", ".", " - ", " – ", " — ")),
    "dateline_city_stop": ((". ",),),
    "dateline_numeric": (("/", "0", "1", "2"),),
    "dateline_caps_dash": (_DASHES,),
    "dateline_town_province": (("), ",), (".-",)),
    "dateline_city_dash": ((" - ", " – ", " — "),),
    "dateline_place_dash": ((",",), _DASHES),
}
assert all(len(needs) <= 2 for needs in _DATELINE_NEEDS.values())  # find_dateline tests two groups
_DATELINE_STRINGS = frozenset(n for needs in _DATELINE_NEEDS.values() for group in needs for n in group)


@dataclass
class Dateline:
    rule: str
    text: str
    end: int
    place: Place
    month: int | None = None
    day: int | None = None
    year: int | None = None


def _big_city(name: str, size: int = 100_000) -> bool:
    """A city of 100,000 people or more (or ``size``): alone at a caption's start, a dateline."""
    hit = lookup_city(name) if name else None
    return bool(hit) and hit[1] >= size


# a town in mixed case before a spaced dash opening the caption (dateline_city_dash): Italian and Brazilian local
# papers open so with a town of any size ("Cuneo – Corso Nizza …", 56,000 people); 50,000 keeps most people's
# names that are towns out ("Amy Adams – …" is none at any size)
_CITY_DASH_SIZE = 50_000


_YEAR_EARLY = stdlib_re.compile(r"(?:19|20)[0-9][0-9][ ]*[,;–—-]")
_NUMERIC_EARLY = stdlib_re.compile(r"[ ,][0-9]{1,2}/[0-9]{1,2}\b|[ ](?:19|20)[0-9]{6}\b")
_ASCII_DIGIT = stdlib_re.compile(r"[0-9]")


def _early(pattern: stdlib_re.Pattern, text: str, end: int, back: int) -> bool:
    """``pattern.search(text, 0, end)`` finds a match, read from the first ASCII digit: every match of the
    two patterns above holds one, ``back`` characters after its start at most (a one-class C scan finds it;
    the alternation tried at every character of the opening cost 2 µs a caption)."""
    digit = _ASCII_DIGIT.search(text, 0, end)
    return digit is not None and pattern.search(text, max(0, digit.start() - back), end) is not None


def _caps_head(text: str, stops: tuple[str, ...]) -> bool:
    """The text before the first of ``stops`` has no small letter, or is not ASCII: what a place in
    capitals opening the caption (_CAPS_PART: no bracket or colon in it, a dash only as a hyphen)
    leaves before its dash, bracket or colon."""
    end = len(text)
    for stop in stops:
        at = text.find(stop, 0, end)
        if at >= 0:
            end = at
    head = text[:end]
    return head.isupper() or not head.isascii()


# what an ASCII text holds before the first comma of a dateline_label (a _NAME), before the first dash of a
# dateline_mixed_case (an _ANY_PART, a comma, more parts)
_NAME_HEAD = stdlib_re.compile(r"\s*[A-Z][A-Za-z'. \-]*")
_ANY_HEAD = stdlib_re.compile(r"\s*[A-Z][A-Za-z.'&,\s]*")
# (and before the first comma of a dateline_place_dash: its first part, a name of up to five words)
_PLACE_DASH_HEAD = stdlib_re.compile(r"\s*[A-Z][A-Za-z'.&\- ]*")


def _head_like(text: str, stop: str, head: stdlib_re.Pattern) -> bool:
    """The text before the first ``stop`` is not ASCII, or is what ``head`` reads in full."""
    before = text[:text.find(stop)]
    return not before.isascii() or head.fullmatch(before) is not None


# what a dateline_mixed_case match holds before its date's first digit: the place's letters, marks and
# punctuation, commas, white space, the dash and the month's name (a possessive scan: linear)
# (then the digit: the same engine's classes as the rule's, so the test reads what the pattern reads)
_MIXED_BEFORE_DIGIT = regex.compile(r"[\p{L}\p{M}.'’&\-–—,\s]*+(?=\d)")
_SPACE_DASH = regex.compile(r"\s[-–—]")
# what a dateline_label match holds before its end mark (":", " /", a new line, or a full stop and a space)
_LABEL_BEFORE_MARK = regex.compile(r"\s*+[\p{L}\p{M}'’\-. ,]*+")


def _mixed_case_shape(text: str) -> bool:
    """The text can open with "Place, Region - Month Day:": the first character that no place, dash or month
    holds is a digit (the date's), and a dash after white space stands before it. Every dateline_mixed_case match
    passes; most prose fails at its first bracket, quote or digit, which the pattern (lazy parts, up to three,
    tried at each length) reaches only after reading every split of the words before it."""
    m = _MIXED_BEFORE_DIGIT.match(text)
    return m is not None and _SPACE_DASH.search(text, 0, m.end()) is not None


def _label_shape(text: str) -> bool:
    """The text can open with "Place, Country:": the first character no name or comma holds is the end mark
    (":", "/", a new line), or a full stop and a space stand before it (every dateline_label match passes)."""
    k = _LABEL_BEFORE_MARK.match(text).end()
    return text[k:k + 1] in (":", "/", "\n") or text.find(". ", 0, k) >= 0


# speed: cheap tests of the caption's opening that every match of these rules passes
_DATELINE_OPENING = {
    "dateline_mixed_case": lambda text: (_head_like(text, "-", _ANY_HEAD) if "–" not in text and "—" not in text else True)
    and _mixed_case_shape(text),
    "dateline_getty": lambda text: _caps_head(text, _DASHES),
    "dateline_getty_dash": lambda text: _caps_head(text, _DASHES),
    "dateline_paren_date": lambda text: _caps_head(text, ("(",)),
    "dateline_no_date": lambda text: _caps_head(text, (":",)),
    "dateline_date_first": lambda text: _early(_YEAR_EARLY, text, 45, 0),
    "dateline_city_stop": lambda text: 0 < text.find(". ", 0, 36),
    "dateline_numeric": lambda text: _early(_NUMERIC_EARLY, text, 70, 1),
    "dateline_caps_dash": lambda text: text.lstrip()[:2].isupper() and _caps_head(text, _DASHES),
    "dateline_town_province": lambda text: 0 < text.lstrip().find("), ", 0, 80),
    # a capital, then no capital, and a spaced dash among the first words
    "dateline_city_dash": lambda text: _city_dash_opening(text.lstrip()),
    # "Place, Country:" opens the caption
    "dateline_label": lambda text: 0 < text.find(",", 0, 80) and _head_like(text, ",", _NAME_HEAD) and _label_shape(text),
    # "Place, State —": what an ASCII text holds before its first comma is a name (every match passes)
    "dateline_place_dash": lambda text: "," in text and _head_like(text, ",", _PLACE_DASH_HEAD),
}


_DASH_EARLY = stdlib_re.compile(r" [-–—] ")


def _city_dash_opening(text: str) -> bool:
    """What a dateline_city_dash match opens with (white space stripped): a capital, then no capital, and a
    spaced dash within 50 characters."""
    return text[:1].isupper() and not text[1:2].isupper() and _DASH_EARLY.search(text, 0, 50) is not None


def _town_province(town: str, province: str) -> Place | None:
    """EFE's "TOWN (PROVINCE)": the town, and the province as its region, when the lexicon knows the province as a
    country's subdivision or a city (Spain's provinces bear their capitals' names: Barcelona, Málaga); None
    otherwise, or when the brackets name a country ("Bystrička (Slovakia), 1926")."""
    name = _case(province.strip())
    if lookup_country(name) or not (lookup_subdivision(name) or lookup_city(name)):
        return None
    place = classify_parts([town], "dateline")
    if not place.city or place.region or place.country:
        return None
    place.region = _region_text(name)
    return place


@lru_cache(maxsize=1)
def _wire_agencies() -> frozenset[str]:
    """The names and aliases of data/agencies.csv, folded as _wire_agency reads a name."""
    out = set()
    for row in _read_csv("agencies.csv"):
        for name in (row["name"], row["alias"]):
            if name:
                out.add(_key(name.replace(".", "")))
    return frozenset(out)


def _wire_agency(name: str) -> bool:
    """The words in a dateline's brackets name an agency the table knows ("AP", "AA", "A.A", "dpa", "ANSA", "EFE")."""
    return _key(name.replace(".", "")) in _wire_agencies()


def _holds(text: str, strings: tuple[str, ...], has: dict[str, bool]) -> bool:
    """One of ``strings`` is in the text (``has``: the answers found so far for this text)."""
    for n in strings:
        found = has.get(n)
        if found is None:
            found = has[n] = n in text
        if found:
            return True
    return False


_DAY_MONTH_DASH = regex.compile(r"(?:[1-9]|[12]\d|3[01])/(?:[1-9]|1[0-2])[ ]*+[-–—]")


# each rule with its gates, in order: (rule, pattern, strings one of which it needs (twice), opening test)
_DATELINE_STEPS = tuple((rule, pattern, *(_DATELINE_NEEDS.get(rule, ()) + ((), ()))[:2], _DATELINE_OPENING.get(rule))
                        for rule, pattern in DATELINES)


# the rules whose place opens with a word in capitals (_CAPS_PART), then a comma, a space, a colon or a dash:
# none matches a caption opening with a capital and a small letter in ASCII ("Swimmers in …"), most captions
_CAPS_RULES = frozenset(("dateline_getty", "dateline_getty_dash", "dateline_paren_date", "dateline_no_date",
                         "dateline_caps_dash", "dateline_ap"))
# the rules whose opening test reads a few dozen characters at most: tried before their strings are looked for
# in the whole text (most captions fail it), the others after
_OPENING_FIRST = frozenset(("dateline_date_first", "dateline_city_stop", "dateline_numeric", "dateline_label"))
_STEPS = tuple(step + (step[0] in _OPENING_FIRST,) for step in _DATELINE_STEPS)
_MIXED_STEPS = tuple(step for step in _STEPS if step[0] not in _CAPS_RULES)


# the opening a _CAPS_RULES match starts with: its first part's letters in capitals (and its marks, dots, hyphens
# and spaces), read as far as they go, and the white space after them
_CAPS_OPENING = regex.compile(r"\s*+\p{Lu}[\p{Lu}\p{M}.'’&\- ]*+\s*+")
# what stands right after a _CAPS_RULES match's first part, or after the white space that follows it: a comma
# (another part), a colon (dateline_no_date), a bracket (dateline_paren_date, dateline_ap), a dash (the others)
_AFTER_CAPS_PART = frozenset(",:(-–—")


def _caps_rules_may_match(text: str) -> bool:
    """Whether a _CAPS_RULES pattern can match: its first part ends inside the capitals _CAPS_OPENING reads, and
    what follows it (white space, then one of _AFTER_CAPS_PART) is a hyphen among them or what follows them.
    One anchored scan of the opening instead of six rules' gates: "A man walks …", "US President …" fail it."""
    m = _CAPS_OPENING.match(text)
    return m is not None and (text[m.end():m.end() + 1] in _AFTER_CAPS_PART or "-" in m.group())


def find_dateline(text: str) -> Dateline | None:
    # (the same gates as _DATELINE_STEPS's, in the order that fails soonest; a string is looked for once)
    has: dict[str, bool] = {}
    for rule, pattern, needs, needs2, opening, opening_first in (
            # "Swimmers …", "A man …": no capitals that a rule of _CAPS_RULES needs
            _MIXED_STEPS if "A" <= text[:1] <= "Z" and "a" <= text[1:2] <= "z" or not _caps_rules_may_match(text) else _STEPS):
        if opening_first and not opening(text):
            continue
        if needs and not _holds(text, needs, has) or needs2 and not _holds(text, needs2, has):
            continue
        if not opening_first and opening is not None and not opening(text):
            continue
        m = pattern.match(text)
        if not m:
            continue
        g = m.groupdict()
        if rule == "dateline_ap" and not _wire_agency(m["wire"]):
            continue  # "SAN SALVADOR (EL SALVADOR) -", "PARIS (FRANCE) -": no agency in the brackets
        if rule == "dateline_town_province":
            tp = _town_province(m["place"], m["prov"])
            if tp is None:
                continue
            return Dateline(rule, m.group(0).strip(), m.end(), tp)
        parts = [p for p in (m["place"] if not g.get("uf") else m["place"].split("(")[0]).split(",")]
        place = classify_parts(parts, "dateline")
        if rule in ("dateline_no_date", "dateline_city_stop", "dateline_numeric", "dateline_caps_dash") \
                and not (place.country or place.region and place.by_table or _big_city(place.city)) \
                and not (rule == "dateline_numeric" and place.city and not g.get("uf") and _DAY_MONTH_DASH.match(text, m.end())):
            # "FILE PHOTO:", "ONLY A TEST:", "MORALES, NOT MORALEZ -": a headline or notice, not a dateline
            # (ANTARA's "MERAK 5/9 - ARUS BALIK.": a town in capitals, a day and month, a dash, is one)
            continue
        if rule == "dateline_city_stop" and not (_big_city(place.city) or place.country and not place.region):
            continue  # "Ms. Elizabeth …": a title, not Mississippi
        if rule == "dateline_city_dash" and not (_big_city(place.city, _CITY_DASH_SIZE) and not place.region and not place.country):
            continue  # "Coronavirus - …", "Brasil - …", "Amy Adams - …": a headline or a name, not a dateline
        if rule in ("dateline_mixed_case", "dateline_label") and not place.by_table:
            continue
        if rule == "dateline_place_dash" and not (place.city and (place.region or place.country) and place.by_table):
            continue  # "Smith, Jones - …": the parts after the first must be a state or country the lexicon knows
        if rule == "dateline_date_first":
            if not (place.by_table or _big_city(place.city)):
                continue
            pre = find_dates(m["pre"])
            if len(pre) != 1 or not pre[0].full or pre[0].end - pre[0].start < len(m["pre"].strip()) - 1:
                continue  # the words before the place are its date, and nothing else
            dl = Dateline(rule, m.group(0).strip(), m.end(), place, pre[0].month, pre[0].day, pre[0].year)
            return dl
        if g.get("uf"):  # "Rio de Janeiro (RJ)": the state's code is the region
            place.region = g["uf"]
        dl = Dateline(rule, m.group(0).strip(), m.end(), place)
        if g.get("month"):
            dl.month = MONTHS[g["month"].casefold().rstrip(".")]
            dl.day = int(g["day"])
            dl.year = int(g["year"]) if g.get("year") else None
        elif g.get("ny"):
            dl.year, dl.month, dl.day = int(g["ny"]), int(g["nm"]), int(g["nd"])
        elif g.get("ny2"):
            dl.year, dl.month, dl.day = int(g["ny2"]), int(g["nm2"]), int(g["nd2"])
        elif g.get("cy") and 1 <= int(g["cm"]) <= 12 and 1 <= int(g["cd"]) <= 31:  # NTB "OSLO 19820820"
            dl.year, dl.month, dl.day = int(g["cy"]), int(g["cm"]), int(g["cd"])
        return dl
    return None


def complete_from(dateline: Place, phrase: Place | None) -> None:
    """A dateline that names the city alone takes the region and country the
    photo's place phrase writes for the same city (``LOS ANGELES - …`` + ``in Los
    Angeles, California``)."""
    if phrase is not None and not dateline.city and phrase.city and (dateline.country or dateline.region) \
            and (not phrase.country or phrase.country == dateline.country) and (not phrase.region or not dateline.region):
        # "KUWAIT: … in Kuwait City", "Georgia, Estados Unidos / … en Marietta": the dateline names the
        # country or state, the photo's place phrase the city in it
        dateline.city = phrase.city
        dateline.rules.append("city_from_phrase")
        return
    if phrase is None or not dateline.city or not phrase.city:
        return
    a, b = dateline.city.casefold(), phrase.city.casefold()
    if not (a == b or b.startswith(a + " ") or a.startswith(b + " ") or b.endswith(" " + a)):  # "Pelabuhan Merak"
        return
    if not dateline.region and phrase.region:
        dateline.region = phrase.region
        dateline.rules.append("region_from_phrase")
    if not dateline.country and phrase.country:
        dateline.country, dateline.country_code = phrase.country, phrase.country_code
        dateline.rules.append("country_from_phrase")
