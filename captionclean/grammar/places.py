"""Places: the dateline, the photo's place phrase, and what each part names.

A place is a comma-separated run of names (``Seattle, Washington, U.S.``). Each
part is looked up in the tables: a country (pycountry plus short forms), a US
state (full, postal or AP form), a region word (``Hubei province``), else a
city or a region by its position.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..tables import lookup_city, lookup_country, lookup_state
from .dates import DAY, MONTH, YEAR, DateFound

_REGION_WORDS = regex.compile(
    r"\b(?:province|Province|region|Region|department|Department|state|State|county|County|"
    r"prefecture|Prefecture|district|District|oblast|Oblast|governorate|Governorate|territory|Territory)\b"
)
# Parts that name a neighbourhood or borough inside a city, never the city itself.
NEIGHBOURHOODS = frozenset(
    "manhattan|brooklyn|queens|the bronx|bronx|staten island|harlem|midtown|hollywood|"
    "sandton|soho|westminster|shinjuku|shibuya|ginza|montmartre|kreuzberg|mitte|"
    "downtown|uptown|east harlem|lower manhattan|midtown manhattan".split("|")
)


@dataclass
class Place:
    city: str = ""
    region: str = ""
    country: str = ""
    country_code: str = ""
    rules: list[str] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.city or self.region or self.country)


def _case(text: str) -> str:
    """Title-case a name written in capitals (``SAN SALVADOR`` → ``San Salvador``)."""
    if not text.isupper():
        return text
    return regex.sub(r"(?<![\p{L}'’])(\p{L})(\p{L}*)", lambda m: m[1] + m[2].lower(), text)


def classify_parts(parts: list[str]) -> Place:
    """Name each part of a place run: country, US state, region or city."""
    place = Place()
    unknown: list[str] = []
    for position, raw in enumerate(parts):
        part = raw.strip(" .,;:")
        if raw.strip().endswith(".") and len(part) <= 4:
            part = raw.strip(" ,;:")  # keep "D.C.", "U.S.", "Calif."
        if not part:
            continue
        country = lookup_country(part)
        if country and not (country.code == "US" and part.casefold() == "georgia"):
            if not place.country:
                place.country, place.country_code = country.name, country.code
            continue
        state = lookup_state(part)
        if state and position == 0 and len(parts) > 1:
            # "WASHINGTON, DC", "Washington, U.S.": a first part is the city, unless
            # only a country follows and the name is no city ("California, U.S.")
            rest_are_countries = all(lookup_country(p.strip(" .,")) or lookup_country(p.strip(" ,"))
                                     for p in parts[1:])
            if not rest_are_countries or lookup_city(part):
                state = None
        if state:
            if not place.region:
                place.region = part if (part.isupper() and len(part) <= 3) or "." in part else _case(part)
                place.country, place.country_code = "United States", "US"
            continue
        if _REGION_WORDS.search(part) and unknown:
            place.region = place.region or _case(part)
            continue
        unknown.append(part)
    # a neighbourhood before the city: "Queens, New York City"
    while len(unknown) > 1 and unknown[0].casefold() in NEIGHBOURHOODS:
        unknown.pop(0)
    if unknown:
        place.city = _case(unknown[0])
        if len(unknown) > 1 and not place.region:
            place.region = _case(unknown[1])
    return place


# --- datelines ---------------------------------------------------------------
_CAPS_PART = r"\p{Lu}[\p{Lu}\p{M}.'’&\- ]*?"
_ANY_PART = r"\p{Lu}[\p{L}\p{M}.'’&\- ]*?"
_DL_DATE = (
    r"(?P<dl_date>" + MONTH + r"\s+" + DAY + r"(?:,?\s+" + YEAR + r")?"
    r"|(?P<ny>(?:19|20)\d\d)/(?P<nm>[01]\d)/(?P<nd>[0-3]\d)"
    r"|(?P<nd2>[0-3]\d)\.(?P<nm2>[01]\d)\.(?P<ny2>(?:19|20)\d\d))"
)
DATELINES: list[tuple[str, regex.Pattern]] = [
    ("dateline_getty", regex.compile(
        r"^\s*(?P<place>" + _CAPS_PART + r"(?:,\s*" + _CAPS_PART + r"){0,2})\s*[-–—]+\s*" + _DL_DATE + r"\s*:\s*")),
    ("dateline_mixed_case", regex.compile(
        r"^\s*(?P<place>" + _ANY_PART + r"(?:,\s*" + _ANY_PART + r"){0,2})\s+[-–—]+\s+" + _DL_DATE + r"\s*(?::|\n)\s*")),
    ("dateline_paren_date", regex.compile(
        r"^\s*(?P<place>" + _CAPS_PART + r"(?:,\s*" + _CAPS_PART + r"){0,2})\s+\(" + _DL_DATE + r"\)\s*")),
    ("dateline_no_date", regex.compile(
        r"^\s*(?P<place>" + _CAPS_PART + r"(?:,\s*" + _CAPS_PART + r"){0,2}):\s+")),
    ("dateline_ap", regex.compile(
        r"^\s*(?P<place>" + _CAPS_PART + r"(?:,\s*" + _ANY_PART + r"){0,2})\s+\((?:AP|Reuters|AFP)\)\s*[-–—]+\s*")),
]


@dataclass
class Dateline:
    rule: str
    text: str
    end: int
    place: Place
    month: int | None = None
    day: int | None = None
    year: int | None = None


def find_dateline(text: str) -> Dateline | None:
    for rule, pattern in DATELINES:
        m = pattern.match(text)
        if not m:
            continue
        parts = [p for p in m["place"].split(",")]
        place = classify_parts(parts)
        if rule == "dateline_no_date" and not (place.country or place.region or
                                                any(lookup_city(p.strip()) for p in parts)):
            continue  # "FILE PHOTO:", "ONLY A TEST:": a headline, not a dateline
        if rule == "dateline_mixed_case" and not (place.country or place.region):
            continue
        dl = Dateline(rule, m.group(0).strip(), m.end(), place)
        g = m.groupdict()
        if g.get("month"):
            from ..tables import MONTHS

            dl.month = MONTHS[g["month"].casefold().rstrip(".")]
            dl.day = int(g["day"])
            dl.year = int(g["year"]) if g.get("year") else None
        elif g.get("ny"):
            dl.year, dl.month, dl.day = int(g["ny"]), int(g["nm"]), int(g["nd"])
        elif g.get("ny2"):
            dl.year, dl.month, dl.day = int(g["ny2"]), int(g["nm2"]), int(g["nd2"])
        return dl
    return None


# --- the photo's place phrase ------------------------------------------------------
_WORD = r"(?:\p{Lu}\.(?:\p{Lu}\.)+|St\.|Ft\.|Mt\.|\p{Lu}[\p{L}\p{M}'’\-]*\.?)"
_LINK = r"(?:de|da|del|do|dos|das|di|du|la|le|les|el|al|of|on|upon|sur|am|an|der|den|y|et|the)"
_NAME = rf"{_WORD}(?:[ ]+(?:{_WORD}|{_LINK}[ ]+{_WORD}))*"
_PLACE_RUN = regex.compile(rf"\bin[ ]+(?P<run>(?:the[ ]+)?{_NAME}(?:,[ ]*{_NAME}){{0,3}})")
_GAP_OK = regex.compile(r"^[\s,]*(?:on|,)?[\s,]*$")


@dataclass
class PlaceRun:
    start: int
    end: int
    parts: list[str]


def find_place_runs(text: str) -> list[PlaceRun]:
    runs = []
    for m in _PLACE_RUN.finditer(text):
        parts = [p.strip() for p in m["run"].split(",")]
        first = parts[0]
        if first.startswith("the "):
            # "in the Criminal Center of Ciudad Barrios": the place is after "of"
            if " of " in first:
                first = first.rsplit(" of ", 1)[1]
            else:
                first = first[4:]
            parts[0] = first
        # a month word ending the run belongs to the date: "El Salvador January"
        last = parts[-1].split()
        while last and regex.fullmatch(MONTH, last[-1]):
            last.pop()
        parts[-1] = " ".join(last)
        parts = [p for p in parts if p]
        if parts:
            runs.append(PlaceRun(m.start(), m.start("run") + len(m["run"]), parts))
    return runs


def place_near_date(text: str, runs: list[PlaceRun], date: DateFound | None) -> Place | None:
    """The place phrase of the photo: next to its date, else the first one named."""
    if not runs:
        return None
    if date is not None:
        after = [r for r in runs if 0 <= r.start - date.end <= 4 and _GAP_OK.match(text[date.end:r.start])]
        before = [r for r in runs if r.end <= date.start and date.start - r.end <= 60
                  and "." not in text[r.end:date.start].replace("St.", "")]
        for pick, rule in ((before[-1:], "place_before_date"), (after[:1], "place_after_date")):
            if pick:
                gap = text[pick[0].end:date.start] if rule == "place_before_date" else ""
                if rule == "place_before_date" and not _GAP_OK.match(gap) and after:
                    continue
                place = classify_parts(pick[0].parts)
                if place.found:
                    place.rules.append(rule)
                    return place
    for run in runs:
        place = classify_parts(run.parts)
        if place.country or place.region or (place.city and lookup_city(place.city)):
            place.rules.append("place_phrase")
            return place
    return None
