"""Usage restrictions and trailers: moved out of the description, never dropped."""
from __future__ import annotations

import re as _re
from dataclasses import dataclass, field

from .. import timed_regex as regex  # the regex module, with a time budget

from ..tables import (KEYWORD_TRAILERS, OUT_TARGETS, RESTRICTIONS, correction_markers, correction_patterns,
                      lookup_city, lookup_country, lookup_marker, lookup_state)

_RESTRICTIONS = [(n, regex.compile(p)) for n, p in RESTRICTIONS]
_KEYWORDS = [(n, regex.compile(p)) for n, p in KEYWORD_TRAILERS]
_TPX = dict(_KEYWORDS)["tpx"]
# speed: a pattern runs only when the caption holds this text, which every match contains
_NEEDS = {"out_restriction": "OUT", "out_after_slash": "OUT", "attention_editors": "ATTENTION EDITORS",
          "editorial_use_only": "EDITORIAL USE ONLY", "restricted_to_editorial": "RESTRICTED TO EDITORIAL USE",
          "mandatory_credit": "MANDATORY CREDIT", "no_resales": "SALES", "no_archives": "NO ARCHIVES",
          "no_marketing": "NO MARKETING", "third_party": "THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY",
          "tags": "Tags:", "tags_bare": "Tags:", "tpx": "TPX IMAGES OF THE DAY", "search_poy": "SEARCH ",
          "licensing_chrome": "Acquire Licensing Rights",  "no_unauthorised_use": "No use with unauthori",
          "in_match_limit": "Online in-match use", "no_betting_use": "No use in betting",
          "contact_representative": "Please contact your account representative"}
# the same for a rule that matches one of several texts, each written in its pattern
_NEEDS_ONE_OF = {"caption_chrome": ("caption", "source link", "Advertisement", "Visa mer", "Vis mer",
                                     "Überspringe die Bildergalerie")}
_wrong = [k for k, n in _NEEDS.items() if n not in dict(RESTRICTIONS + KEYWORD_TRAILERS).get(k, "")] + [
    k for k, ns in _NEEDS_ONE_OF.items() for n in ns if n not in dict(RESTRICTIONS + KEYWORD_TRAILERS).get(k, "")]
if _wrong:  # a rule renamed or reworded: its shortcut would skip captions it matches
    raise ImportError(f"trailers._NEEDS: no such rule, or its text is not in the rule's pattern: {', '.join(_wrong)}")
# each rule with the texts one of which a caption must hold for it to run (empty: it always runs)
_KEYWORD_RULES = [(n, p, (_NEEDS[n],) if n in _NEEDS else _NEEDS_ONE_OF.get(n, ())) for n, p in _KEYWORDS]
_RESTRICTION_RULES = [(n, p, (_NEEDS[n],) if n in _NEEDS else _NEEDS_ONE_OF.get(n, ())) for n, p in _RESTRICTIONS]
# every rule's texts in one stdlib scan (a prefix tree: a position is rejected at its first letter): a
# caption holding none of them (most) runs no rule and tests no text one by one (~20 scans of the caption)
_ANY_NEEDED = None
if all(needs for _, _, needs in _KEYWORD_RULES + _RESTRICTION_RULES):  # else some rule always runs
    from .dates import _trie

    _ANY_NEEDED = _re.compile(_trie({n for _, _, needs in _KEYWORD_RULES + _RESTRICTION_RULES for n in needs})).search
_CORRECTIONS = [(n, regex.compile(p)) for n, p in correction_patterns()]
# speed: the notices are looked for only when the caption, in capitals, holds a marker's first word
_FIRST_WORDS = {m.text.upper().split()[0].split("'")[0] for m in correction_markers()} | {"ERRONEOUS"}
_MARKER_WORDS = tuple(sorted(w for w in _FIRST_WORDS if not any(v != w and v in w for v in _FIRST_WORDS)))


@dataclass
class Trailers:
    restrictions: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    place: str = ""
    corrections: list[str] = field(default_factory=list)  # "correcting spelling of name"
    correction_rank: int = -1  # the highest marker's rank (2 corrects, 1 sends again, 0 notes); -1 none
    lead_end: int = 0  # where a notice that opens the caption ends: a dateline may follow it
    spans: list[tuple[int, int]] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)


def find_trailers(text: str) -> Trailers:
    out = Trailers()
    upper = text.upper()
    marked = False
    for w in _MARKER_WORDS:
        if w in upper:
            marked = True
            break
    ruled = _ANY_NEEDED is None or _ANY_NEEDED(text) is not None  # no rule's text: no trailer
    if not (marked or ruled):  # (most captions: nothing to look for, no overlap test made)
        return out
    taken = bytearray(len(text) + 1)  # 1 where a trailer was found: a linear overlap test

    def free(s: int, e: int) -> bool:
        if 1 in taken[s:e]:
            return False
        taken[s:e] = b"\x01" * (e - s)  # every caller keeps a free span
        return True

    if marked:
        _find_corrections(text, out, free)
    if not ruled:
        return out
    for name, pattern, needs in _KEYWORD_RULES:
        if needs and not any(n in text for n in needs):
            continue
        for m in pattern.finditer(text):
            if not free(*m.span()):
                continue
            out.spans.append(m.span())
            out.rules.append(name)
            if m.groupdict().get("place"):  # "(EL SALVADOR - Tags: CRIME LAW)": the place is a keyword too
                out.place = m["place"].strip()
                out.keywords.append(out.place)
            kw = (m.groupdict().get("kw") or m.group(0)).strip(" .()")
            if name == "tags" and _TPX.search(kw):  # "POLITICS ELECTIONS TPX IMAGES OF THE DAY"
                out.keywords.append(_TPX.sub(" ", kw).strip())
                kw = "TPX IMAGES OF THE DAY"
            if kw:
                out.keywords.append(kw)

    found: list[tuple[int, str]] = []  # (start, restriction): listed in the caption's order
    for name, pattern, needs in _RESTRICTION_RULES:
        if needs and not (needs[0] in text if len(needs) == 1 else any(n in text for n in needs)):
            continue
        for m in pattern.finditer(text):
            s, e = m.span()
            if name == "out_restriction" and not text.startswith("(", s):
                s = _out_start(text, s)
            if name == "out_after_slash" and not _names_out(text[s:e].split()[:-1]):
                continue  # "/ Knocked OUT": not a restriction
            if not text[s:e].strip() or not free(s, e):
                continue
            out.spans.append((s, e))
            out.rules.append(name)
            found.append((s, text[s:e].strip(" ().,;")))
    out.restrictions = [r for _, r in sorted(found)]
    return out


def _before_dateline(text: str, m) -> tuple[tuple[int, int], str]:
    """A notice's reason in capitals ends where a dateline begins ("REFILE - CORRECTING DATE
    WASHINGTON, DC - MAY 13: …"): unless a dateline reads after the notice, at the first word from
    which one reads and whose first part is a known place; the span and reason, cut there."""
    from .places import find_dateline

    rest = text[m.end():m.end() + 400].lstrip()
    if not m["note"].strip() or rest and find_dateline(rest):
        return m.span(), m["note"]  # "CORRECTS DATE - UNITED STATES - MAY 15: …": it follows the notice
    start = m.start("note")
    for w in _NOTE_WORD.finditer(m["note"]):  # at most 25 words (the pattern's bound)
        pos = start + w.start()
        first = _PLACE_PART.match(text, pos)
        name = first.group().strip() if first else ""
        if not (lookup_city(name) or lookup_country(name) or lookup_state(name)):
            continue
        if find_dateline(text[pos:pos + 400]):  # a dateline is short: the test needs no more
            return (m.start(), pos), m["note"][:w.start()]
    return m.span(), m["note"]


_PLACE_PART = regex.compile(r"[^,\n]{1,40}?(?=,| [-\u2013\u2014] |:)")
_NOTE_WORD = regex.compile(r"(?<!\S)\S")
_LEAD_PREFIX = regex.compile(r"\s*(?:epa\d{6,}\s+)?(?:\[\d+/\d+\][ ]*)?")


def _find_corrections(text: str, out: Trailers, free) -> None:
    """Correction and re-send notices: the note, in the caption's order, and the highest rank."""
    found: list[tuple[int, str]] = []
    capitals = text.upper() == text  # a caption all in capitals: its first words are not a notice's reason
    for name, pattern in _CORRECTIONS:
        if capitals and name == "correction_lead":
            continue
        for m in pattern.finditer(text):
            if not free(*m.span()):
                continue
            if name == "afp_correction_notice":
                marker, word = lookup_marker("CORRECTION"), ""
            else:
                marker, word = lookup_marker(m["m"]), m["m"]
            span, raw = m.span(), m["note"]
            if name == "correction_lead":
                span, raw = _before_dateline(text, m)
            note = " ".join(raw.split()).strip(" -\u2013\u2014:/.,;")
            if note and not any(c.islower() for c in note):
                note = note.lower()  # "CORRECTING SPELLING OF NAME" → "correcting spelling of name"
            if marker.keep or not note:
                note = " ".join(filter(None, [word.lower(), note]))
            elif marker.kind == "editors_note":
                note = f"{word.lower().rstrip(':')}: {note}"
            out.spans.append(span)
            if _LEAD_PREFIX.fullmatch(text, 0, m.start()):
                out.lead_end = max(out.lead_end, span[1])
            out.rules += [name, f"notice_{marker.kind}"]  # the pattern, and the kind of notice
            out.correction_rank = max(out.correction_rank, marker.rank)
            found.append((m.start(), note))
    out.corrections = [n for _, n in sorted(found)]


_OUT_WORD = regex.compile(r"[^ ]+")


def _names_out(words: list[str]) -> bool:
    """``words`` open with a country, a US state or a listed outlet (``NEW ZEALAND …``, ``AFP``)."""
    if words[0].strip(".,") in OUT_TARGETS:
        return True
    for n in range(min(3, len(words)), 0, -1):
        name = " ".join(words[:n]).strip(".,")
        if len(name) > 3 and (lookup_country(name) or lookup_state(name)):
            return True
    return False


def _out_start(text: str, start: int) -> int:
    """Where a bare ``… OUT`` restriction begins: at its first word that names a country,
    state or outlet; the words before it (a photographer's name in capitals, another
    restriction) are not part of it. When no word is known, the whole run is kept."""
    end = text.find("OUT", start)
    words = [(m.start(), m.group()) for m in _OUT_WORD.finditer(text, start, end)]
    for k, (pos, _) in enumerate(words):
        if _names_out([w for _, w in words[k:]]):
            return pos
    return start
