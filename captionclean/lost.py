"""Characters lost to a lossy encoding: ``?`` or U+FFFD written in their place.

Encoding to ASCII or Latin-1 with ``errors='replace'`` writes ``?`` for every
character the code page cannot hold (’ “ ” – …, and in ASCII accented letters);
decoding bad bytes writes U+FFFD. The information is gone, so only context can
restore it. Each rule below restores one thing that context makes certain and
leaves everything else, with a warning. A ``?`` that could be a real question
mark is never changed; U+FFFD is never a question mark.

Which encoding could have done it bounds what a ``?`` can stand for: if a
character beyond Latin-1 (’ “ –) survives in the text, the text as a whole never
went through a lossy encoder, so only the rules that cannot mistake a question
are used; if Latin-1 letters (é) survive, a lost letter must be beyond Latin-1.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import Iterable

from . import timed_regex as regex  # the regex module, with a time budget

from .repair import Repair, RepairOptions, _context, _sub, in_spans

LOST = "?\ufffd"
_L = "[?\ufffd]"

_BEYOND_LATIN1 = regex.compile(r"[^\x00-\xff\ufffd]")
_LATIN1_LETTER = regex.compile(r"[\x80-\xff]")
_TOKEN = regex.compile(r"\S+")
_QUERY = regex.compile(r"\?\w+=")


def lossy_hypothesis(text: str) -> str:
    """``"none"`` (a character beyond Latin-1 survives), ``"latin1"`` or ``"ascii"``."""
    if _BEYOND_LATIN1.search(text):
        return "none"
    return "latin1" if _LATIN1_LETTER.search(text) else "ascii"


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs and query strings, where a ? is never a lost character."""
    if "/" not in text and "=" not in text and "www" not in text:
        return []
    return [m.span() for m in _TOKEN.finditer(text)
            if "://" in m.group() or "www." in m.group().lower() or _QUERY.search(m.group())]


# --- vocabulary: letters of known words ---------------------------------------
_WORD = regex.compile(r"\p{L}+")


def _skeleton(word: str) -> str:
    return "".join("?" if (ord(ch) > 127 or ch in LOST) else ch for ch in word.lower())


class Vocabulary:
    """Words spelt with letters beyond ASCII, indexed by their ASCII skeleton.

    ``Vocabulary.from_texts(captions)`` collects the accented words of an export, so
    a word damaged in one caption (``Acu?a``) is restored from another caption that
    spells it right (``Acuña``). Only a single fitting word is ever used.
    """

    def __init__(self, words: Iterable[str] = ()) -> None:
        self._index: dict[str, set[str]] = {}
        for w in words:
            self.add(w)

    def add(self, word: str) -> None:
        word = word.lower()
        if len(word) >= 2 and word.isalpha() and not word.isascii() and len(word) == len(_skeleton(word)):
            self._index.setdefault(_skeleton(word), set()).add(word)

    def words(self) -> set[str]:
        """Every word known (lower case)."""
        return {w for ws in self._index.values() for w in ws}

    def update(self, other: "Vocabulary") -> None:
        for k, v in other._index.items():
            self._index.setdefault(k, set()).update(v)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> "Vocabulary":
        vocab = cls()
        for t in texts:
            if not t.isascii():
                for word in _WORD.findall(t):
                    if not word.isascii():  # an ASCII word is never kept (see add)
                        vocab.add(word)
        return vocab

    def candidates(self, token: str, allowed) -> set[str]:
        """Known words the damaged ``token`` can stand for; ``allowed(ch)`` bounds a lost letter."""
        low = token.lower()
        out = set()
        for cand in self._index.get(_skeleton(low), ()):
            if all(a == b or (a in LOST and allowed(b)) for a, b in zip(low, cand)):
                out.add(cand)
        return out

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())


@lru_cache(maxsize=1)
def gazetteer_vocabulary() -> Vocabulary:
    """Place names from the gazetteer (GeoNames cities) and the country table."""
    from . import tables

    vocab = Vocabulary()
    for name in list(tables.gazetteer()) + list(tables.countries()):
        for m in _WORD.finditer(name):
            vocab.add(m.group())
    return vocab


_LOST_WORD = regex.compile(r"[\p{L}?\ufffd]+")


def restore_lost_letters(text: str, opts: RepairOptions) -> tuple[str, list[Repair], list[str]]:
    """``Bogot?`` → ``Bogotá``: a word with lost letters that exactly one known word fits.

    Known words: the gazetteer's place names and ``opts.vocabulary`` (names seen
    elsewhere in the export). A ``?`` only at the end of a word must be followed by
    ``, ; : )`` or a lower-case word, so a real question (``in Lom?``) is left.
    """
    hyp = lossy_hypothesis(text)
    if "\ufffd" not in text and hyp == "none":
        return text, [], []
    vocabs = ([gazetteer_vocabulary()] if opts.gazetteer else []) + ([opts.vocabulary] if opts.vocabulary else [])
    if not vocabs:
        return text, [], []
    warnings: list[str] = []
    evidence = _has_evidence(text, _url_spans(text))

    def allowed(ch: str) -> bool:
        return ord(ch) > 0xFF if hyp == "latin1" else ord(ch) > 127

    def fill(m: regex.Match) -> str | None:
        tok = m.group()
        core = tok.rstrip(LOST)
        letters = sum(ch.isalpha() for ch in tok)
        if letters < 2 or not any(ch in LOST for ch in tok):
            return None
        if len(core) < len(tok) and "\ufffd" not in tok[len(core):] and not any(ch in LOST for ch in core):
            nxt = text[m.end(): m.end() + 2]
            if not (nxt[:1] in (",", ";", ":", ")") or (evidence and regex.match(r" [\p{Ll}\d]", nxt))):
                return None
        if any(ch == "?" for ch in tok) and hyp == "none":
            return None
        found = set()
        for v in vocabs:
            found |= v.candidates(tok, allowed)
        if len(found) != 1:
            if len(found) > 1 and any(ch in LOST for ch in core):
                warnings.append(f"ambiguous_lost_letters: {tok} ({', '.join(sorted(found))})")
            return None
        cand = found.pop()
        upper = all(ch.isupper() for ch in tok if ch.isalpha())
        out = []
        for i, (a, b) in enumerate(zip(tok, cand)):
            if a not in LOST:
                out.append(a)
            elif upper:
                out.append(b.upper())
            elif i == 0 and len(tok) > 1 and tok[1].isupper():
                out.append(b.upper())
            else:
                out.append(b)
        return "".join(out)

    new, repairs = _sub("lost_letters", _LOST_WORD, text, fill, skip=_url_spans(text))
    return new, repairs, warnings


# --- punctuation: ’ “ ” – © ------------------------------------------------------
# A lost apostrophe inside a word: it?s, don?t, we?re, I?m, Zacatecoluca?s
_CONTRACTION = regex.compile(
    rf"(?<=\p{{L}}){_L}(?=(?i:s|re|ve|ll|d)\b)|(?<=\p{{L}}[nN]){_L}(?=[tT]\b)|(?<=\bI){_L}(?=m\b)")


def _word_around(text: str, i: int) -> str:
    a = b = i
    while a > 0 and (text[a - 1].isalpha() or text[a - 1] in LOST):
        a -= 1
    while b < len(text) and (text[b].isalpha() or text[b] in LOST):
        b += 1
    return text[a:b]


def _non_ascii(ch: str) -> bool:
    return ord(ch) > 127
# O?Hare, d?Esquadra, L?Oreal
_ELISION = regex.compile(rf"(?<=\b[OoDdLl]){_L}(?=\p{{Lu}}\p{{Ll}})")
# ?90s
_DECADE = regex.compile(rf"(?:(?<=^)|(?<=[\s(])){_L}(?=\d0s\b)")
# a plural's lost apostrophe: Officers? Memorial, Democrats? luncheon
_PLURAL = regex.compile(rf"(?P<word>\b\p{{L}}*[sSzZ])(?P<q>{_L}) (?P<next>[\p{{L}}][\p{{L}}'’-]*)")
# words that start a new sentence or a credit rather than continue a name
_SENTENCE_STARTERS = frozenset("""
a an the this that these those it its he she they we i you his her their our my your there here
what who whom whose which why how when where is are was were do does did will would can could should
and but or so yet if not no yes maybe perhaps photo photos photograph picture image credit source
file handout pool reuters afp ap epa getty said says asked asks added told wrote shouted cried
""".split())
_SPEECH_VERBS = frozenset("said says asked asks added adds told tells wrote writes shouted cried".split())
_OPEN = regex.compile(rf"(?:(?<=^)|(?<=[\s(\[/—–-])){_L}(?=[\p{{L}}\d])")
_CLOSE = regex.compile(rf"(?<=[\p{{L}}\d.,!?…)’]){_L}(?=[\s,.;:!)\]—–]|$)")
_NUMBER_DASH = regex.compile(rf"(?<=\d){_L}(?=\d)")
_SPACED_DASH = regex.compile(rf"(?<=[\p{{L}}\d,.;:)’”\"']) {_L} (?=[\p{{L}}\d(“\"‘$])")
_COPYRIGHT = regex.compile(rf"(?m)^{_L}(?= \p{{Lu}}[^\n]*/)")
_BEFORE_SPEECH = regex.compile(
    rf"(?<=\p{{L}}){_L}(?= (?:{'|'.join(sorted(_SPEECH_VERBS))})\b)", regex.IGNORECASE)
_AGENCY_WORDS = regex.compile(r"[\p{L}-]+(?: [\p{L}-]+){0,2}")
_DATELINE_DATE = regex.compile(r"(\p{L}+)\.? \d{1,2}\b")
_EVIDENCE = regex.compile(rf"\ufffd|(?<=\p{{L}})\?(?=\p{{L}})|(?:(?<=^)|(?<=\s))\?(?=\p{{L}})|(?<=\d)\?(?=\d)")
_SENTENCE_END = regex.compile(r"[.!?…]\s")


def _apostrophes(text, opts, url, lossy_ok):
    apo = opts.apostrophe
    repairs, warnings = [], []

    def contraction(m: regex.Match) -> str | None:
        # a word a known place name fits (Andr?s: Andrés, András) lost a letter, not an apostrophe
        word = _word_around(text, m.start())
        if opts.gazetteer and lossy_ok and gazetteer_vocabulary().candidates(word, _non_ascii):
            return None
        return apo

    text, r = _sub("lost_apostrophe", _CONTRACTION, text, contraction, skip=url)
    repairs += r
    text, r = _sub("lost_apostrophe", _ELISION, text, apo, skip=url)
    repairs += r
    text, r = _sub("lost_apostrophe", _DECADE, text, apo, skip=url)
    repairs += r
    return text, repairs, warnings


def _plural_possessive(text, opts, lossy_ok):
    warnings: list[str] = []

    def possessive(m: regex.Match) -> str | None:
        word, q, nxt = m.group("word"), m.group("q"), m.group("next")
        low = nxt.casefold()
        if nxt[0].islower() and low not in _SPEECH_VERBS:
            ok = True
        elif nxt[0].isupper() and word[:1].isupper() and low not in _SENTENCE_STARTERS and (
            not nxt.isupper() or word.isupper()
        ):
            ok = lossy_ok or q == "\ufffd"
        else:
            ok = False
        if not ok:
            warnings.append(f"ambiguous_question_mark: {word}{q} {nxt}")
            return None
        return word + opts.apostrophe + " " + nxt

    text, repairs = _sub("lost_apostrophe", _PLURAL, text, possessive)
    return text, repairs, warnings


def _possessive_like(text: str, i: int) -> bool:
    return i > 0 and text[i - 1] in "sS" and text[i + 1: i + 2] == " " and text[i + 2: i + 3].isalpha()


def _quotes(text, opts, url, lossy_ok):
    """Pair an opening lost mark (before a word) with the next closing one (after a word)."""
    lq, rq = opts.quotes
    repairs, warnings = [], []
    in_url = in_spans(url)
    opens = [m.start() for m in _OPEN.finditer(text) if not in_url(m.start())]
    closes = [m.start() for m in _CLOSE.finditer(text) if not in_url(m.start())]
    pairs = []
    lo = 0  # closes before this index are used up (linear time: no list rebuilt per pair)
    for k, o in enumerate(opens):
        limit = opens[k + 1] if k + 1 < len(opens) else len(text)
        nl = text.find("\n", o, o + 300)
        limit = min(limit, nl if nl >= 0 else len(text), o + 300)
        i = bisect_right(closes, o, lo)
        cands = [c for c in closes[i: i + 2] if c < limit]  # the first two are all that is used
        if not cands:
            warnings.append(f"lost_character: {_context(text, o, o + 1).strip()}")
            continue
        c = cands[0]
        if _possessive_like(text, c) and len(cands) > 1 and not _possessive_like(text, cands[1]) \
                and not _SENTENCE_END.search(text, c, cands[1]):
            c = cands[1]
        pairs.append((o, c))
        lo = bisect_right(closes, c, lo)
    if not pairs:
        return text, repairs, warnings
    chars = list(text)
    for o, c in pairs:
        before = text[o: c + 1]
        chars[o], chars[c] = lq, rq
        repairs.append(Repair("lost_quotes", before if len(before) <= 60 else before[:28] + "…" + before[-28:],
                              "".join(chars[o: c + 1]) if len(before) <= 60
                              else lq + before[1:28] + "…" + before[-28:-1] + rq))
    return "".join(chars), repairs, warnings


def _month(text: str, i: int) -> bool:
    from .tables import MONTHS

    return _DATELINE_DATE.match(text, i).group(1).casefold() in MONTHS


def _agency_follows(text: str, i: int) -> bool:
    """``Name ? Reuters``: a spaced mark before an agency name is a credit's dash."""
    from .tables import load_agencies

    words = _AGENCY_WORDS.match(text, i)
    if not words:
        return False
    parts = words.group().split()
    agencies = load_agencies()
    return any(agencies.lookup(" ".join(parts[:n])) for n in range(1, min(3, len(parts)) + 1))


def _has_evidence(text: str, url) -> bool:
    """Some lost mark in the text cannot be a question mark (inside a word, before one, between digits)."""
    in_url = in_spans(url)
    return any(not in_url(m.start()) for m in _EVIDENCE.finditer(text))


def _dashes(text, opts, url, lossy_ok, hyp, evidence):
    repairs, warnings = [], []
    text, r = _sub("lost_dash", _NUMBER_DASH, text, "–", skip=url)
    repairs += r

    def spaced(m: regex.Match) -> str | None:
        q = m.group()[1]
        nxt = text[m.end(): m.end() + 1]
        if q == "\ufffd" or nxt.islower() or nxt.isdigit() or (lossy_ok and evidence):
            return " – "
        if _DATELINE_DATE.match(text, m.end()) and _month(text, m.end()):
            return " – "
        if _agency_follows(text, m.end()):
            return " – "
        warnings.append(f"ambiguous_question_mark: {_context(text, m.start(), m.end()).strip()}")
        return None

    text, r = _sub("lost_dash", _SPACED_DASH, text, spaced, skip=url)
    repairs += r
    if hyp == "ascii" or "\ufffd" in text:
        text, r = _sub("lost_copyright", _COPYRIGHT, text,
                       lambda m: "©" if (m.group() == "\ufffd" or hyp == "ascii") else None)
        repairs += r
    return text, repairs, warnings


def restore_lost_characters(text: str, opts: RepairOptions) -> tuple[str, list[Repair], list[str]]:
    """Context rules for ``?`` / U+FFFD written in place of a lost ’, “ ”, – or ©.

    - ``lost_apostrophe``: inside a word before a contraction ending (``it?s``,
      ``don?t``, ``Zacatecoluca?s``), after O/D/L before a capital (``O?Hare``), before
      a decade (``?90s``), and after a plural that the next word continues
      (``Officers? Memorial``, ``Democrats? luncheon``). A next word that starts a
      sentence or a credit (``They``, ``Photo``) or a speech verb (``dying? said``)
      makes it a possible question: left, with a warning.
    - ``lost_quotes``: one before a word paired with the next one after a word in the
      same paragraph (``?Sanctuary City?``). An unpaired one is left and reported.
    - ``lost_dash``: between digits (``2016?2017``) and standing alone between words
      (``word ? word``).
    - ``lost_copyright``: ``? Name / AGENCY`` at the start of a line of ASCII text.
    """
    if "?" not in text and "\ufffd" not in text:
        return text, [], []
    hyp = lossy_hypothesis(text)
    lossy_ok = hyp != "none"
    url = _url_spans(text)
    evidence = _has_evidence(text, url)
    repairs: list[Repair] = []
    warnings: list[str] = []
    text, r, w = _apostrophes(text, opts, url, lossy_ok)
    repairs += r
    warnings += w
    url = _url_spans(text)
    text, r, w = _quotes(text, opts, url, lossy_ok)
    repairs += r
    warnings += w
    text, r, w = _plural_possessive(text, opts, lossy_ok)
    repairs += r
    warnings += w
    url = _url_spans(text)
    text, r, w = _dashes(text, opts, url, lossy_ok, hyp, evidence)
    repairs += r
    warnings += w
    for m in _BEFORE_SPEECH.finditer(text):
        warnings.append(f"ambiguous_question_mark: {_context(text, m.start(), m.end()).strip()}")
    return text, repairs, warnings


def restore_lost(text: str, opts: RepairOptions) -> tuple[str, list[Repair], list[str]]:
    """Run the lost-letter and lost-character rules until nothing more changes.

    The warnings describe what is left: ambiguous ``?`` and lost characters that
    no rule could restore.
    """
    if "?" not in text and "\ufffd" not in text:
        return text, [], []
    repairs: list[Repair] = []
    for _ in range(4):
        before = text
        for fix in (restore_lost_letters, restore_lost_characters):
            text, r, _w = fix(text, opts)
            repairs += r
        if text == before:
            break
    warnings: list[str] = []
    for fix in (restore_lost_letters, restore_lost_characters):
        warnings += fix(text, opts)[2]
    in_url = in_spans(_url_spans(text))
    for m in _LEFT.finditer(text):
        if in_url(m.start()):
            continue
        warnings.append(f"lost_character: {_context(text, m.start(), m.end()).strip()}")
    return text, repairs, list(dict.fromkeys(warnings))


# left after repair: any U+FFFD, and a ? between two letters
_LEFT = regex.compile(r"\ufffd+|(?<=\p{L})\?+(?=\p{L})")
