"""``parse_caption``: one caption in, a record of labelled fields out."""
from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field, fields

from . import timed_regex as regex  # the regex module, with a time budget

from .grammar.credit import choose_credit, find_credits, find_credits_many
from .grammar.dates import credit_date, find_dates, forget_dates, is_undated, photo_date, year_in_text
from .grammar.rules import style_line
from .grammar.places import classify_parts, complete_from, find_dateline, find_place_runs, place_near_date
from .grammar.trailers import find_trailers
from .doubt import record_reasons as doubt_reasons
from .repair import Repair, RepairOptions, repair_text
from .spans import SPAN_FIELDS, Regions, locate_spans
from .tables import Agencies, load_agencies, lookup_country


def time_budget(length: int) -> float:
    """Seconds one caption may take (repair and parse): a backstop, far above the
    linear cost every pattern is meant to have (a few ms per kB)."""
    return 2.0 + 0.02 * length / 1000


@dataclass
class Caption:
    """The fields of one caption; names and meanings as in the README."""

    caption: str = ""
    description: str = ""
    dateline: str = ""
    city: str = ""
    region: str = ""
    country: str = ""
    country_code: str = ""
    date: str = ""
    date_inferred: bool = False
    photographer: str = ""
    agency: str = ""
    distributor: str = ""
    credit: str = ""
    credit_raw: str = ""
    restrictions: str = ""
    keywords: str = ""
    style: list[str] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # month and day stated without a year, for the table to complete from context
    partial_date: tuple[int, int] | None = None
    # why the row needs a human look (captionclean.doubt), and where each field is in
    # ``caption``: field -> [start, end] (captionclean.spans); last in the table
    doubt: list[str] = field(default_factory=list)
    spans: dict[str, list[int]] = field(default_factory=dict)
    # a wire's correction or re-send notice ("correcting spelling of name"), and its marker's rank
    # (2 corrects or updates, 1 sends again, 0 notes, -1 none): which version of a picture wins
    correction: str = ""
    correction_rank: int = -1

    def to_row(self) -> dict[str, object]:
        fields_of = self.__dict__  # the dataclass's fields are its instance attributes
        if tuple(fields_of) == _ATTRIBUTES:  # (every record: made by __init__, no attribute added)
            # a copy of them all (one C call), the two that are no columns taken out: the FIELDS in
            # order, the row tail's keys after them, rewritten below in place as the loop would add them
            row = fields_of.copy()
            del row["partial_date"], row["correction_rank"]
        else:
            row = {name: fields_of[name] for name in FIELDS}
        row["style"] = style_line(self.style)
        row["repairs"] = "; ".join(map(str, self.repairs))
        row["warnings"] = "; ".join(dict.fromkeys(self.warnings))
        row["doubt"] = "; ".join(self.doubt)
        row["spans"] = spans_text(self.spans)
        row["correction"] = self.correction
        return row


# columns added since the table's first release, kept for the table's end (after occurrences and
# source_rows): why a row is doubtful, where its fields are, and a wire's correction notice
ROW_TAIL = ["doubt", "spans", "correction"]
LATE_FIELDS = ROW_TAIL
# the columns a record gives first
FIELDS = [f.name for f in fields(Caption) if f.name not in ("partial_date", "correction_rank", *ROW_TAIL)]


_SPAN_NAMES = frozenset(SPAN_FIELDS)
# a record's attributes in the order __init__ sets them: FIELDS, then partial_date and the row tail
# (doubt, spans, correction) with correction_rank between and after them
_ATTRIBUTES = tuple(f.name for f in fields(Caption))
if [a for a in _ATTRIBUTES if a not in ("partial_date", "correction_rank")] != FIELDS + ROW_TAIL:  # pragma: no cover
    raise ImportError("parse.Caption: to_row's copy needs the fields in the row's order")


def spans_text(spans: dict[str, list[int]]) -> str:
    """The spans cell: compact JSON (``{"photographer":[120,134]}``), empty for none."""
    if not spans:
        return ""
    try:  # the usual cell (field names, pairs of ints) written directly: json.dumps costs 3x more
        parts = [f'"{k}":[{s},{e}]' for k, (s, e) in spans.items()
                 if k in _SPAN_NAMES and type(s) is int and type(e) is int]
        if len(parts) == len(spans):  # every item was one (one pass: no test of them all first)
            return "{" + ",".join(parts) + "}"
    except (TypeError, ValueError):  # not pairs
        pass
    return json.dumps(spans, separators=(",", ":"))

_SURROGATE = regex.compile(r"[\ud800-\udfff]")
_EPA_ID = regex.compile(r"^\s*epa\d{6,}\s+")
# what "[ \t]+" → " " changes, without matching every single space: a run of two or more, or a tab
# alone (stdlib re, literal characters only; one class first: 1.5x faster than "[ \t]{2,}|\t")
_TIDY_SPACE = re.compile(r"[ \t](?:[ \t]+|(?<=\t))")
_TIDY_PUNCT = regex.compile(r"(?<!\s)\s+([.,;:])")  # (?<!\s): a space run is tried once, not at each space
# the gate: a space before punctuation, found from the punctuation (a one-class scan); stdlib re's \s
# holds every character the regex module's does (and \x1c-\x1f), so it passes whatever _TIDY_PUNCT changes
_TIDY_PUNCT_GATE = re.compile(r"[.,;:](?<=\s[.,;:])")
_EMPTY_BRACKETS = regex.compile(r"\(\s*\)|\[\s*\]")


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    out, last = [], 0
    for s, e in sorted(spans):
        if s < last:
            s = last
        if e <= s:
            continue
        out.append(text[last:s])
        out.append(" ")
        last = e
    out.append(text[last:])
    return "".join(out)


def _cut_origin(text: str, spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """Where ``start:end`` of ``_cut(text, spans)`` is in ``text``, or None when it runs over a cut."""
    shift, last = 0, 0  # shift: how far the cut text is behind ``text`` from here on
    for s, e in sorted(spans):
        if s < last:
            s = last
        if e <= s:
            continue
        cut_at = s - shift  # the cut's " " in the cut text
        if end <= cut_at:
            break
        if start <= cut_at:
            return None
        shift += e - s - 1
        last = e
    return (start + shift, end + shift)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span replaced by as many spaces (offsets stay valid)."""
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


_ENDS = " -–—/"
_DIGIT = frozenset("0123456789")


def _strip_ends(text: str, chars: str = _ENDS) -> str:
    """``text`` without the separators a cut leaves at its ends, but a minus sign written before
    a digit is text ("-5 degrees in Moscow"), so it stays."""
    text = text.rstrip(chars)
    kept = text.lstrip(chars)
    cut = len(text) - len(kept)
    if cut and kept[:1] in _DIGIT and text[cut - 1] == "-":
        return text[cut - 1:]
    return kept


def _may_hold_empty_brackets(text: str) -> bool:
    """Whether a closing bracket has its opening one before it, with only spaces between: the gate of
    _EMPTY_BRACKETS (a C scan for each closing bracket, a few characters read back from each; every
    character its \\s reads is str.isspace)."""
    for close, opening in ((")", "("), ("]", "[")):
        at = text.find(close)
        while at >= 0:
            i = at
            while i and text[i - 1].isspace():
                i -= 1
            if i and text[i - 1] == opening:
                return True
            at = text.find(close, at + 1)
    return False


def _collapse_space(text: str) -> str:
    """``[ \\t]+`` → one space."""
    if "\t" in text:
        return _TIDY_SPACE.sub(" ", text)
    # runs of spaces alone (most descriptions: a cut leaves one by a space): each pass of C replaces
    # halves every run, and a run of one is left as it is
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def _tidy(text: str) -> str:
    if _may_hold_empty_brackets(text):
        text = _EMPTY_BRACKETS.sub(" ", text)
    text = _collapse_space(text)
    if _TIDY_PUNCT_GATE.search(text):  # a space before punctuation (few captions): the gate is 3x cheaper
        text = _TIDY_PUNCT.sub(r"\1", text)
    if "\n" not in text:  # one line (most captions): no list to split and join
        return _strip_ends(_strip_ends(text), _ENDS + "\n")
    lines = [_strip_ends(ln) for ln in text.split("\n")]
    text = "\n".join(ln for ln in lines if ln)
    return _strip_ends(text, _ENDS + "\n")


_TABLES = {"loaded": False}


def load_tables() -> None:
    """Load the tables the rules read lazily (place tables, gazetteer, its words for lost letters).

    ``parse_caption`` calls this before a caption's time budget starts, so a slow first load on a
    busy machine is not charged to the first caption, which would then time out and lose its fields.
    """
    from . import tables
    from .repair import lost as repair_lost

    tables.us_states(), tables.countries(), tables.place_words(), tables.subdivisions(), tables.gazetteer(), tables.folded_gazetteer()
    tables.city_names(), tables.own_city_names(), tables.given_names_en()
    repair_lost.gazetteer_vocabulary()  # the name the lost-letter rules call it by
    _TABLES["loaded"] = True


def parse_caption(
    text: str,
    *,
    agencies: Agencies | None = None,
    repair: bool = True,
    repair_options: RepairOptions | None = None,
    year: int | None = None,
) -> Caption:
    """Parse one caption into its fields.

    ``text`` is repaired first (unless ``repair=False``); ``year`` completes a
    date stated without one (``date_inferred`` then says so). Never raises for a
    ``str``: a caption the grammar cannot read keeps its text and gets a warning.
    """
    agencies = agencies or load_agencies()
    rec, text = _start(text)
    try:
        with regex.budget(time_budget(len(text))):
            _repaired(rec, text, repair, repair_options)
            regions = _parse_into(rec, agencies, year)
            _locate(rec, regions, agencies)
    except Exception as exc:  # noqa: BLE001 - a caption must never stop a run
        rec = _failed(rec, text, exc)
    rec.doubt = doubt_reasons(rec, agencies)  # doubt.reasons(asdict_fields(rec)), read off the record
    return rec


def parse_many(
    texts: list[str],
    *,
    agencies: Agencies | None = None,
    repair: bool = True,
    repair_options: RepairOptions | None = None,
    year: int | None = None,
) -> list[Caption]:
    """:func:`parse_caption` of each text (the same records), the credit rules run over all the captions at once:
    one rule on every caption before the next rule (grammar.credit.find_credits_many), each rule's compiled
    program kept in the processor's caches (docs/performance.md). Each caption keeps its own time budget for
    its repair and reading; the credit rules of all run under one budget, and should that run out (a hostile
    caption among them), each caption's credits are read again alone, under what is left of its own."""
    agencies = agencies or load_agencies()
    recs: list[Caption] = []
    read = []  # (index, the caption's text, the trailers' part of its reading, its budget left)
    for text in texts:
        rec, text = _start(text)
        budget = time_budget(len(text))
        spent = time.process_time()
        try:
            with regex.budget(budget):
                _repaired(rec, text, repair, repair_options)
                head = _parse_head(rec)
        except Exception as exc:  # noqa: BLE001 - a caption must never stop a run
            rec, head = _failed(rec, text, exc), None
        if head is not None:
            read.append((len(recs), text, head, budget - (time.process_time() - spent)))
        recs.append(rec)
    credit_texts = [_blank(head[0], head[3].spans) for _, _, head, _ in read]
    try:  # (the credit rules take ~0.2 ms a caption: 2 ms each, a backstop ten times above it)
        with regex.budget(max((left for *_, left in read), default=0.0) + 0.002 * len(read)):
            credits = find_credits_many(credit_texts, agencies)
    except Exception:  # noqa: BLE001 - each caption alone, under its own budget
        credits = None
    for k, (i, text, head, left) in enumerate(read):
        forget_dates()  # as parse_caption does at each caption's start
        rec = recs[i]
        try:
            with regex.budget(left):
                found = find_credits(credit_texts[k], agencies) if credits is None else credits[k]
                _locate(rec, _parse_tail(rec, agencies, year, head, found), agencies)
        except Exception as exc:  # noqa: BLE001 - a caption must never stop a run
            recs[i] = _failed(rec, text, exc)
    for rec in recs:
        rec.doubt = doubt_reasons(rec, agencies)
    return recs


def _start(text) -> tuple[Caption, str]:
    """A new record and the text to read (lone surrogates replaced and reported); the tables loaded."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    if not _TABLES["loaded"]:
        load_tables()
    rec = Caption()
    forget_dates()
    if not text.isascii() and _SURROGATE.search(text):  # pairs joined, lone ones (no UTF-8 for them) replaced and reported
        joined = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        lone = joined.count("\ufffd") - text.count("\ufffd")
        text = joined
        if lone:
            rec.warnings.append(f"lone_surrogate: {lone} character(s) that cannot be UTF-8 replaced with U+FFFD")
    return rec, text


def _repaired(rec: Caption, text: str, repair: bool, repair_options: RepairOptions | None) -> None:
    if repair:
        fixed = repair_text(text, repair_options)
        rec.caption, rec.repairs = fixed.text, list(fixed.repairs)
        rec.warnings += fixed.warnings
    else:
        rec.caption = text


def _locate(rec: Caption, regions: Regions, agencies: Agencies) -> None:
    try:  # where the fields are is an aid: its failure never costs the fields
        rec.spans = locate_spans(rec.caption, _span_fields(rec), regions, agencies)
    except TimeoutError:
        raise
    except Exception as exc:  # noqa: BLE001
        rec.warnings.append(f"spans_failed: {type(exc).__name__}")


def _failed(rec: Caption, text: str, exc: Exception) -> Caption:
    """The text kept whole (repaired if the repair finished), fields blank, the reason in the warnings."""
    keep = rec.caption or text
    rec = Caption(caption=keep, description=keep, repairs=rec.repairs, warnings=rec.warnings)
    if isinstance(exc, TimeoutError):
        rec.warnings.append("parse_timeout: the caption took too long to read; text kept, fields left blank")
    else:
        rec.warnings.append(f"parse_failed: {type(exc).__name__}")
    return rec


def _span_fields(rec: Caption) -> dict[str, object]:
    """The fields :func:`locate_spans` reads (those of :func:`asdict_fields` it looks up)."""
    return {"photographer": rec.photographer, "agency": rec.agency, "distributor": rec.distributor,
            "city": rec.city, "region": rec.region, "country": rec.country, "date": rec.date,
            "restrictions": rec.restrictions, "partial_date": rec.partial_date}


def asdict_fields(rec: Caption) -> dict[str, object]:
    """The record's fields as the doubt and span readers take them (no copies of lists)."""
    return {"photographer": rec.photographer, "agency": rec.agency, "distributor": rec.distributor,
            "city": rec.city, "region": rec.region, "country": rec.country, "date": rec.date,
            "restrictions": rec.restrictions, "partial_date": rec.partial_date, "style": rec.style, "repairs": [str(r) for r in rec.repairs],
            "warnings": rec.warnings}


def _parse_into(rec: Caption, agencies: Agencies, year: int | None) -> Regions:
    head = _parse_head(rec)
    # credit: searched with the trailers blanked out ("REUTERS/Name TPX IMAGES OF THE DAY")
    return _parse_tail(rec, agencies, year, head, find_credits(_blank(head[0], head[3].spans), agencies))


def _parse_head(rec: Caption) -> tuple:
    """What the reading finds before the credits: (the text, the spans cut so far, an epa id's match, the trailers)."""
    text = rec.caption
    spans: list[tuple[int, int]] = []
    m = _EPA_ID.match(text)
    if m:
        spans.append(m.span())
        rec.style.append("epa_id")

    # trailers and restrictions
    trailers = find_trailers(text)
    spans += trailers.spans
    rec.style += trailers.rules
    rec.restrictions = "; ".join(trailers.restrictions)
    rec.keywords = "; ".join(trailers.keywords)
    rec.correction = "; ".join(trailers.corrections)
    rec.correction_rank = trailers.correction_rank
    return text, spans, m, trailers


def _parse_tail(rec: Caption, agencies: Agencies, year: int | None, head: tuple, credits: list) -> Regions:
    """The rest of the reading, from the credits found in the caption (find_credits) on."""
    text, spans, m, trailers = head
    credit = choose_credit(credits)
    if credit:
        rec.photographer = "; ".join(credit.photographers)
        rec.agency, rec.distributor = credit.agency, credit.distributor
        rec.credit, rec.credit_raw = credit.line(), credit.raw
        rec.style.append(credit.rule)
        rec.style += credit.tags
        for c in credits:
            spans += [(c.span[0], c.keep[0]), (c.keep[1], c.span[1])] if c.keep else [c.span]
    else:
        rec.warnings.append("no_credit")

    # dateline (searched after an epa id, and after a notice that opens the caption: "CORRECTION: …")
    offset = m.end() if m else 0
    if trailers.lead_end > offset:
        offset = len(text) - len(text[trailers.lead_end:].lstrip())
    dl = find_dateline(text[offset:])
    body = text
    if dl:
        rec.dateline = dl.text.rstrip(" :-–—")
        spans.append((offset, offset + dl.end))
        rec.style.append(dl.rule)

    # dates: the photo's date phrase, or the dateline's
    date_cuts = [s for s in spans if s != (offset, offset + dl.end)] if dl else list(spans)
    masked = _cut(text, date_cuts)
    date_at = None
    dates = find_dates(masked[offset + dl.end:] if dl else masked)
    phrase = photo_date(masked[offset + dl.end:] if dl else masked, dates)
    if dl and dl.month:
        y = dl.year or year_in_text(dates, dl.month, dl.day)
        _set_date(rec, y, dl.month, dl.day, "date_dateline", year)
    elif phrase is not None:
        at = offset + dl.end if dl else 0  # the phrase in the caption: where the spans look first
        date_at = _cut_origin(text, date_cuts, phrase.start + at, phrase.end + at)
        if phrase.year is None:
            _set_date(rec, None, phrase.month, phrase.day, "date_" + phrase.shape, year)
        else:
            rec.date = phrase.iso()
            rec.style.append("date_" + phrase.shape)
    elif credit and not is_undated(text) and (tail := credit_date(credit.raw)) is not None:  # "UNHCR / E. Hockstein / August 2009"
        rec.date = tail.iso()
        rec.style.append("date_credit_tail")

    # places: the dateline's (completed by the place phrase), else the photo's place phrase
    place = dl.place if dl else None  # a dateline names the place, even a sea's ("ATLANTIC OCEAN (June 22, 2023)")
    phrase_place = None
    if place is None or not (place.city and place.region and place.country):
        # (a dateline naming its city, region and country takes nothing from the place phrase (complete_from
        # fills only what it lacks): the runs are not looked for, 3% of a wire export's captions)
        # credit candidates the grammar did not choose may hold caption words ("Russia. REUTERS/…")
        chosen = credit.span if credit else None
        credit_spans = {c.span for c in credits}
        place_spans = [sp for sp in spans if sp not in credit_spans or sp == chosen]
        place_cuts = [sp for sp in place_spans if sp != (offset, offset + dl.end)] if dl else place_spans
        place_text = masked if place_cuts == date_cuts else _cut(text, place_cuts)  # the same cuts (most captions)
        search = place_text[offset + dl.end:] if dl else place_text
        place_date = phrase
        if len(search) != len(masked[offset + dl.end:] if dl else masked):
            place_date = photo_date(search, find_dates(search))
        phrase_place = place_near_date(search, find_place_runs(search), place_date)
    if place is not None and place.found:
        complete_from(place, phrase_place)
    elif place is None:
        place = phrase_place
    if place is not None and not place.found:
        rec.warnings += place.warnings
        place = None
    if place is None and trailers.place:
        place = classify_parts([trailers.place])
        place.city = ""
        place.rules.append("place_from_tags")
    if place is not None:
        rec.city, rec.region = place.city, place.region
        rec.country, rec.country_code = place.country, place.country_code
        rec.style += place.rules
        rec.warnings += place.warnings
    if phrase is not None and phrase.ambiguous and rec.country_code == "US" and rec.date == phrase.iso():
        us = phrase.us_order()  # "08/09/2025" in a US place: August 9
        rec.date = us.iso()
        rec.style[rec.style.index("date_dmy_slash")] = "date_mdy_slash"
    if not rec.country and trailers.place:
        c = lookup_country(trailers.place)
        if c:
            rec.country, rec.country_code = c.name, c.code
            rec.style.append("country_from_tags")

    rec.description = _tidy(_cut(body, spans))
    return Regions(credit=credit.span if credit else None, dateline=(offset, offset + dl.end) if dl else None,
                   trailers=list(trailers.spans), date=date_at)


def _set_date(rec: Caption, y: int | None, month: int | None, day: int | None, rule: str,
              year: int | None) -> None:
    rec.style.append(rule)
    if y:
        rec.date = f"{y:04d}-{month:02d}-{day:02d}"
    elif year:
        rec.date = f"{year:04d}-{month:02d}-{day:02d}"
        rec.date_inferred = True
        rec.style.append("year_from_option")
    else:
        rec.partial_date = (month, day)
        rec.warnings.append(f"no_year: month and day ({month:02d}-{day:02d}) stated without a year")
