"""Where each field came from: character spans in the repaired caption.

The grammar finds regions (the credit line, the dateline, the trailers); the fields
are canonical forms of words inside them (``REUTERS`` → ``Reuters``, ``KEVIN
LAMARQUE`` → ``Kevin Lamarque``). :func:`locate_spans` finds each field's value
again: first inside the region the grammar found it in, case-insensitively, then
anywhere in the caption outside the regions that hold other fields. A value the
text does not spell as the table does (``U.S.`` for ``United States``) gets no
span rather than a wrong one. Linear in the caption's length per field.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from . import timed_regex as regex

Span = tuple[int, int]
# the fields whose spans the table records, in the order they are looked for
SPAN_FIELDS = ("photographer", "agency", "distributor", "city", "region", "country", "date", "restrictions")
# a name's characters that a table value may write differently from the caption
_FOLD = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-", "\u00a0": " "})


@dataclass
class Regions:
    """The regions the grammar found: where to look for each field first."""

    credit: Span | None = None
    dateline: Span | None = None
    trailers: list[Span] = field(default_factory=list)
    # where the parser read the photo's date phrase (None: the dateline's date, or none)
    date: Span | None = None


_FOLDED = tuple(chr(c) for c in _FOLD)
# the same as str.replace calls: no target is also a character replaced, so one after another they
# give what the table gives at once, and each is a C scan (str.translate with a table looks every
# character up: 18 µs on a caption of 700 characters holding a curly quote, the replacements 0.3)
_FOLD_PAIRS = tuple((chr(c), to) for c, to in _FOLD.items())
if any(to in _FOLDED for _, to in _FOLD_PAIRS):  # pragma: no cover - a table entry that breaks that
    raise ImportError("spans._FOLD: a character is both replaced and a replacement")
if any(ch.isascii() for ch in _FOLDED):  # pragma: no cover - _fold's ASCII shortcut replaces none
    raise ImportError("spans._FOLD: an ASCII character is replaced")


def _fold(text: str) -> str:
    """Case and punctuation folded, one character for one (offsets stay valid)."""
    if text.isascii():  # (every character replaced is beyond ASCII, and casefold writes ASCII one for one)
        return text.casefold()
    for ch in _FOLDED:  # only when needed (a loop: a generator costs more than the few C tests)
        if ch in text:
            for ch, to in _FOLD_PAIRS:
                text = text.replace(ch, to)
            break
    folded = text.casefold()
    if len(folded) == len(text):
        return folded
    return "".join(low if len(low := ch.casefold()) == 1 else ch for ch in text)  # ß, İ: kept as written


_NEEDLES: dict[str, str] = {}  # value -> its folded form (values repeat: agencies, places, forms)


def _needle(value: str) -> str:
    needle = _NEEDLES.get(value)
    if needle is None:
        if len(_NEEDLES) > 16384:
            _NEEDLES.clear()
        needle = _NEEDLES[value] = _fold(value.strip())
    return needle


def _word_bounded(folded: str, start: int, end: int) -> bool:
    before = folded[start - 1] if start > 0 else " "
    after = folded[end] if end < len(folded) else " "
    return not (before.isalnum() or after.isalnum())


def find_in(folded: str, value: str, within: Span | None = None, avoid: list[Span] = (),
            text: str | None = None) -> Span | None:
    """The first whole-word occurrence of ``value`` in ``folded`` (the folded caption),
    inside ``within`` if given, outside every ``avoid`` span. With ``text`` (the caption
    as written), a value of three characters or fewer counts only where written in
    capitals (``US``, not ``us``)."""
    needle = _needle(value)
    if not needle:
        return None
    lo, hi = within if within else (0, len(folded))
    pos = folded.find(needle, lo, hi)
    if pos < 0:  # (most values: not in the region, or the first occurrence is the one)
        return None
    size, n = len(needle), len(folded)
    short = text is not None and len(needle.replace(".", "")) <= 3  # counts only where written in capitals
    while pos >= 0:
        end = pos + size
        # _word_bounded, the avoided spans and the capitals, tested in place (the same tests, in order)
        if (not (pos and folded[pos - 1].isalnum()) and not (end < n and folded[end].isalnum())
                and not (avoid and _overlaps(avoid, pos, end)) and (not short or text[pos:end].isupper())):
            return (pos, end)
        pos = folded.find(needle, pos + 1, hi)
    return None


def _overlaps(avoid: list[Span], start: int, end: int) -> bool:
    for s, e in avoid:
        if s < end and start < e:
            return True
    return False


_GAP = frozenset(" ,;()-–—")


def _after_gap(folded: str, before: Span) -> int:
    """Where the text after the span ``before`` resumes past up to four spaces and punctuation marks."""
    lo = gap_end = before[1]
    while gap_end < len(folded) and gap_end - lo < 4 and folded[gap_end] in _GAP:
        gap_end += 1
    return gap_end


def _right_after(folded: str, value: str, before: Span, avoid: list[Span], text: str,
                 gap_end: int | None = None) -> Span | None:
    """``value`` just after the span ``before``, with only spaces and punctuation between
    (``gap_end``: where :func:`_after_gap` says the value must begin, if known).

    What ``find_in`` answers for the window that starts there and holds the value, kept only when
    it starts there: the occurrence at ``gap_end`` if find_in would take it (a window that holds the
    value once), tested in place."""
    if gap_end is None:
        gap_end = _after_gap(folded, before)
    needle = _needle(value)
    if not needle or not folded.startswith(needle, gap_end):
        return None
    end = gap_end + len(needle)  # within the window: the needle is no longer than the value
    if (_word_bounded(folded, gap_end, end) and not any(s < end and gap_end < e for s, e in avoid)
            and (len(needle.replace(".", "")) > 3 or text[gap_end:end].isupper())):
        return (gap_end, end)
    return None


def _city_spans(folded: str, city: str, row: dict, avoid: list[Span], text: str) -> tuple[Span | None, Span | None]:
    """The city where the region or country follows it ("Shimbashi, Tokyo, Japan"), when the
    caption names the city more than once ("outside Shimbashi station … Shimbashi, Tokyo"); and
    the city's first occurrence outside ``avoid`` (``find_in(folded, city, None, avoid)``, which the
    search reads first), or False for that when it was not read."""
    after = [str(row.get("region") or ""), str(row.get("country") or "")]
    after = [a for a in after if a]
    if not after:
        return None, False
    start, first = 0, False
    for _ in range(20):
        span = find_in(folded, city, (start, len(folded)), avoid)
        if first is False:
            first = span  # from 0 to the end: the whole caption
        if span is None:
            return None, first
        if any(_right_after(folded, a, span, avoid, text) for a in after):
            return span, first
        start = span[1]
    return None, first


@lru_cache(maxsize=4096)
def _region_forms(name: str) -> list[str]:
    """Other ways a US state is written (``Calif.``, ``CA``, ``California``), longest first."""
    from .tables import lookup_state, us_states

    state = lookup_state(name)
    if state is None:
        return []
    forms = {form for form, st in us_states().items() if st == state and form != name.casefold()}
    forms |= {form + "." for form in forms if "." in form}
    return sorted(forms, key=len, reverse=True)


_ALIASES: dict[int, tuple[object, int, dict[str, list[str]]]] = {}


def _agency_forms(name: str, agencies) -> list[str]:
    """The agency table's aliases of a canonical name (``Agence France-Presse`` for AFP), longest first."""
    if agencies is None:
        return []
    entry = _ALIASES.get(id(agencies))
    if entry is None or entry[0] is not agencies or entry[1] != len(agencies.names):
        index: dict[str, list[str]] = {}
        for alias, canonical in agencies.names.items():
            index.setdefault(canonical, []).append(alias)
        for forms in index.values():
            forms.sort(key=len, reverse=True)
        if len(_ALIASES) > 8:
            _ALIASES.clear()
        entry = _ALIASES[id(agencies)] = (agencies, len(agencies.names), index)
    return [a for a in entry[2].get(name, ()) if a != name.casefold()]


@lru_cache(maxsize=1)
def _country_form_index() -> dict[str, list[str]]:
    """Country name → every form the country table writes it in, in the table's order: built in one
    pass over the table (read per country it took ~0.5 ms for each country a run meets)."""
    from .tables import countries

    index: dict[str, list[str]] = {}
    for form, c in countries().items():
        index.setdefault(c.name, []).append(form)
    return index


@lru_cache(maxsize=4096)
def _country_forms(name: str) -> list[str]:
    """Other ways the tables write a country (``U.S.``, ``USA`` for United States), longest first."""
    # the same forms added in the same order as a scan of the table: the same set, in the same order
    forms = {form for form in _country_form_index().get(name, ()) if form != name.casefold()}
    forms |= {form + "." for form in forms if "." in form}  # the tables' keys drop a last full stop
    return sorted(forms, key=len, reverse=True)


_FORMS: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}


def _forms(name: str, value: str) -> tuple[tuple[str, str], ...]:
    """The forms a place field's value is looked for in (the value, then a country's or a US state's
    other forms, longest first), each with its folded needle: values repeat, so built once each."""
    key = (name, value)
    got = _FORMS.get(key)
    if got is None:
        if len(_FORMS) > 16384:
            _FORMS.clear()
        forms = [value] + (_country_forms(value) if name == "country" else
                           _region_forms(value) if name == "region" else [])
        got = _FORMS[key] = tuple((form, _needle(form)) for form in forms)
    return got


def _cover(found: list[Span | None]) -> Span | None:
    if len(found) == 1:  # (one value: its span)
        return found[0] or None
    got = [s for s in found if s]
    if not got:
        return None
    return (min(s for s, _ in got), max(e for _, e in got))


def _values(value: str) -> list[str]:
    if ";" not in value:
        return [value.strip()] if value.strip() else []
    return [v for v in (p.strip() for p in value.split(";")) if v]


def _date_span(text: str, ymd: tuple, within: Span | None) -> Span | None:
    """Where the date (year, month, day; year None for a partial date) is written in ``text``."""
    y, m, d = ymd
    lo, hi = within if within else (0, len(text))
    if y is not None and hi - lo > 120:  # a dated phrase ends in its year: read around each one only
        year, at, tried = str(y), text.find(str(y), lo, hi), 0
        while at >= 0 and tried < 20:
            span = _read_dates(text, y, m, d, max(lo, at - _BEFORE_YEAR), min(hi, at + _AFTER_YEAR))
            if span:
                return span
            at, tried = text.find(year, at + 4, hi), tried + 1
    return _read_dates(text, y, m, d, lo, hi)  # the year written apart from its date, or none


def _read_dates(text: str, y: int | None, m: int, d: int, lo: int, hi: int) -> Span | None:
    from .grammar.dates import find_dates

    part = text[lo:hi]
    if part.isascii() and str(d) not in part:  # a date's day is written in digits (ASCII here): none can match
        return None
    best = None
    for found in find_dates(part):
        if found.month == m and found.day == d and found.year in (y, None):
            span = (found.start + lo, found.end + lo)
            if found.year == y:
                return span
            best = best or span
    return best


def _read_already(text: str, ymd: tuple, hint: Span | None) -> Span | None:
    """The date phrase the parser read (``hint``), where :func:`_date_span` would find that very
    phrase first: the year's first appearance in the caption is in it, and in a long caption the
    window read around the year (:data:`_BEFORE_YEAR` characters before it, :data:`_AFTER_YEAR`
    after) holds it whole. Else None, and the caption is read again."""
    y = ymd[0]
    if hint is None or y is None:
        return None
    at = text.find(str(y))
    if not hint[0] <= at < hint[1]:
        return None
    if len(text) <= 120:  # a short caption is read whole: the first date of that year is the one
        return hint
    return hint if at - _BEFORE_YEAR <= hint[0] and hint[1] <= at + _AFTER_YEAR else None


_BEFORE_YEAR, _AFTER_YEAR = 60, 5
# the fields locate_spans reads, in the order it reads them (SPAN_FIELDS': its answer keeps that order)
_CREDIT_FIELDS, _PLACE_FIELDS = SPAN_FIELDS[:3], SPAN_FIELDS[3:6]
if SPAN_FIELDS[6:] != ("date", "restrictions"):  # pragma: no cover - a field added: locate_spans reads it too
    raise ImportError("spans.SPAN_FIELDS: locate_spans reads the credit's, the places', the date's, the restrictions' spans")


def locate_spans(text: str, row: dict, regions: Regions, agencies=None) -> dict[str, list[int]]:
    """Field name → [start, end] in ``text`` for each field of ``row`` found in it.

    ``agencies`` (the agency table) lets an agency be found by its aliases in the credit line.

    A field holding several values (``A; B`` photographers) spans from the first to the last.
    """
    if not text:
        return {}
    folded = _fold(text)
    credit, dateline = regions.credit, regions.dateline
    # each field's span, put in SPAN_FIELDS order (the fields are read in that order: the dict is the answer)
    spans: dict[str, Span] = {}
    taken: list[Span] = []

    # the credit's people and organisations: inside the credit line, else anywhere
    for name in _CREDIT_FIELDS:
        cell = row.get(name)
        values = _values(str(cell)) if cell else None
        if not values:
            continue
        found = []
        for v in values:
            hit = find_in(folded, v, credit, taken)
            if hit is None and name == "photographer" and credit and " " in v:
                # a name the credit wrote surname first ("MTI/Illyés Tibor" → Tibor Illyés: credit.surname_first)
                words = v.split()
                hit = find_in(folded, " ".join(words[-1:] + words[:-1]), credit, taken)
            if hit is None and name != "photographer" and credit:
                hit = next((h for a in _agency_forms(v, agencies) if (h := find_in(folded, a, credit, taken, text))),
                           None)
            found.append(hit or find_in(folded, v, None, taken))
        span = _cover(found)
        if span:
            spans[name] = span
            taken.append(span)
    # places: in the dateline, else outside the credit line
    outside = taken + ([credit] if credit else [])
    last_place: Span | None = None
    for name in _PLACE_FIELDS:
        value = row.get(name)
        if not value or not (value := str(value)):
            continue
        span = None
        gap_end = _after_gap(folded, last_place) if last_place else -1
        if dateline or gap_end >= 0:  # (else there is nowhere to look for the forms)
            for form, needle in _forms(name, value):  # in the dateline; else right after the place before it
                # ("in Kyiv, Ukraine"; a C test first: a country has dozens of forms, and most are written nowhere)
                if dateline and needle and folded.find(needle, dateline[0], dateline[1]) >= 0:
                    span = find_in(folded, form, dateline, taken, text)
                    if span:
                        break
                if gap_end >= 0 and needle and folded.startswith(needle, gap_end):
                    span = _right_after(folded, form, last_place, taken, text, gap_end)
                    if span:
                        break
        first = False  # the value's first occurrence outside the fields found, if read already
        if span is None and name == "city":
            span, first = _city_spans(folded, value, row, outside, text)
        if span is None and (name == "city" or last_place is None):
            span = find_in(folded, value, None, outside) if first is False else first
        if span:
            spans[name] = span
            taken.append(span)
            outside.append(span)
            last_place = span
    date = str(row.get("date") or "")
    ymd = tuple(map(int, date.split("-"))) if len(date) == 10 and date[:4].isdigit() else None
    if ymd is None and row.get("partial_date"):  # month and day stated, the year to come from context
        ymd = (None, *row["partial_date"])
    if ymd:
        span = ((_date_span(text, ymd, dateline) if dateline else None)
                or _read_already(text, ymd, regions.date) or _date_span(text, ymd, None))
        if span:
            spans["date"] = span
            taken.append(span)
    cell = row.get("restrictions")
    restrictions = _values(str(cell)) if cell else None
    if restrictions:
        found = []
        for value in restrictions:
            hit = None
            for region in regions.trailers:
                hit = find_in(folded, value, region)
                if hit:
                    break
            found.append(hit or find_in(folded, value, None, taken))
        span = _cover(found)
        if span:
            spans["restrictions"] = span
    return {name: list(span) for name, span in spans.items()}
