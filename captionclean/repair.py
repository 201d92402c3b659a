"""Text repair: each fix is a small named pure function.

A fix takes text and returns ``(text, repairs, warnings)``; ``repairs`` lists what
changed as :class:`Repair` records (rule, before, after), so a row always says
what was done to it and the change can be replayed or reviewed. ``repair_text``
runs them in order. Running it twice gives the same text as running it once.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, NamedTuple

import regex


class Repair(NamedTuple):
    rule: str
    before: str
    after: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.before} → {self.after}"


@dataclass
class Repaired:
    text: str
    repairs: list[Repair]
    warnings: list[str]


Fix = Callable[[str, "RepairOptions"], tuple[str, list[Repair], list[str]]]


@dataclass(frozen=True)
class RepairOptions:
    straight_quotes: bool = False

    @property
    def apostrophe(self) -> str:
        return "'" if self.straight_quotes else "’"

    @property
    def quotes(self) -> tuple[str, str]:
        return ('"', '"') if self.straight_quotes else ("“", "”")


def _context(text: str, start: int, end: int, width: int = 12) -> str:
    return text[max(0, start - width): end + width]


def _sub(rule: str, pattern: regex.Pattern, text: str, repl) -> tuple[str, list[Repair]]:
    """Apply ``pattern`` and record each change with a little context."""
    repairs: list[Repair] = []
    out: list[str] = []
    last = 0
    for m in pattern.finditer(text):
        new = repl(m) if callable(repl) else m.expand(repl)
        if new == m.group(0):
            continue
        s, e = m.span()
        before = _context(text, s, e)
        out.append(text[last:s])
        out.append(new)
        last = e
        after = text[max(0, s - 12): s] + new + text[e: e + 12]
        repairs.append(Repair(rule, before.strip(), after.strip()))
    if not repairs:
        return text, repairs
    out.append(text[last:])
    return "".join(out), repairs


# --- mojibake, entities, controls: ftfy ---------------------------------------
_NEEDS_FTFY = regex.compile(r"[^\x00-\x7f]|&[#\w]+;|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def fix_mojibake(text: str, opts: RepairOptions) -> tuple[str, list[Repair], list[str]]:
    """Mojibake, HTML entities and C1 controls, fixed by ftfy (curly quotes kept)."""
    if not _NEEDS_FTFY.search(text):
        return text, [], []
    import ftfy

    fixed, explanation = ftfy.fix_and_explain(
        text, uncurl_quotes=False, fix_latin_ligatures=False, fix_character_width=False,
        normalization="NFC", unescape_html=True,
    )
    if fixed == text:
        return text, [], []
    steps = ",".join(step[1] for step in (explanation or [])) or "ftfy"
    return fixed, [Repair(f"mojibake[{steps}]", _diff_snippet(text, fixed)[0], _diff_snippet(text, fixed)[1])], []


def _diff_snippet(a: str, b: str, width: int = 10) -> tuple[str, str]:
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    j = 0
    while j < min(len(a), len(b)) - i and a[-1 - j] == b[-1 - j]:
        j += 1
    return a[max(0, i - width): len(a) - j + width], b[max(0, i - width): len(b) - j + width]


# --- whitespace ---------------------------------------------------------------
_ODD_SPACE = regex.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_INVISIBLE = regex.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_MULTI_SPACE = regex.compile(r" {2,}")
_SPACE_NL = regex.compile(r" *\n[ \n]*")


def normalise_space(text: str, opts: RepairOptions) -> tuple[str, list[Repair], list[str]]:
    """No-break and odd spaces → space, invisible characters removed, runs collapsed."""
    repairs: list[Repair] = []
    new = _INVISIBLE.sub("", text)
    if new != text:
        repairs.append(Repair("invisible_chars", "invisible", "removed"))
    newer = _ODD_SPACE.sub(" ", new.replace("\r\n", "\n").replace("\r", "\n"))
    if newer != new:
        repairs.append(Repair("odd_space", "odd space", " "))
    final = _MULTI_SPACE.sub(" ", _SPACE_NL.sub("\n", newer)).strip()
    if final != newer.strip() or (final != newer and not repairs):
        repairs.append(Repair("collapse_space", "runs of space", " "))
    return final, repairs, []


# --- chrome left by web pages -------------------------------------------------
_TRUNCATION = regex.compile(r"\s*(?:\.\.\.|…)\s*\[\+\]\s*|\s*(?:\.\.\.|…)\s*More\b\s*(?=\()|\s*…\s*\[\+\d+ chars\]")


def remove_truncation_marks(text: str, opts: RepairOptions) -> tuple[str, list[Repair], list[str]]:
    """Remove web 'read more' marks (``... [+]``, ``… [+3342 chars]``) left inside a caption."""
    new, repairs = _sub("truncation_mark", _TRUNCATION, text, lambda m: " ")
    return new, repairs, []


# --- characters lost to a lossy encoding ("?" for ’ “ ” – …) ----------------------
# A lost apostrophe: letter ? contraction ending (it?s, don?t, we?re, I?m, Zacatecoluca?s)
_LOST_CONTRACTION = regex.compile(r"(?<=\p{L})\?(?=(?:s|t|re|ve|ll|d|m)\b)")
# A lost possessive after a plural: "Officers? Memorial", "officers? families"
_LOST_PLURAL_POSSESSIVE = regex.compile(r"(?<=\b(?P<word>\p{L}+s))\?(?= (?P<next>\p{L}+))")
# A lost opening quote never looks like a question mark: it starts a word
_LOST_OPEN_QUOTE = regex.compile(r"(?:(?<=^)|(?<=[\s(\[]))\?(?=[\p{L}\d])")
# A lost dash between numbers (2016?2017) or between spaced words (word ? word)
_LOST_NUMBER_DASH = regex.compile(r"(?<=\d)\?(?=\d)")
_LOST_SPACED_DASH = regex.compile(r"(?<=[\p{L}\d,.)]) \? (?=[\p{L}\d(])")
_SPEECH_VERBS = frozenset("said says asked asks added adds told tells wrote writes shouted cried".split())


def restore_lost_characters(text: str, opts: RepairOptions) -> tuple[str, list[Repair], list[str]]:
    """Context rules for ``?`` written in place of a lost ’, “ ”, or –.

    Only a ``?`` that cannot be a question mark is changed: one inside a word
    (``it?s``), one that opens a word (``?Sanctuary``), one between digits, one
    standing alone between words, and a plural's ``s?`` followed by a word that
    continues the phrase (capitalised after a capitalised word, or lower case).
    A ``?`` followed by a speech verb (``dying? said``) could be a question: it
    is left as it is and reported.
    """
    if "?" not in text and "\ufffd" not in text:
        return text, [], []
    repairs: list[Repair] = []
    warnings: list[str] = []
    text = text.replace("\ufffd", "?") if "\ufffd" in text else text
    apo = opts.apostrophe
    lq, rq = opts.quotes

    text, r = _sub("lost_apostrophe", _LOST_CONTRACTION, text, apo)
    repairs += r

    def possessive(m: regex.Match) -> str:
        word, nxt = m.group("word"), m.group("next")
        if nxt.casefold() in _SPEECH_VERBS:
            warnings.append(f"ambiguous_question_mark: {word}? {nxt}")
            return "?"
        if nxt[0].islower() or (word[0].isupper() and nxt[0].isupper()):
            return apo
        return "?"

    text, r = _sub("lost_apostrophe", _LOST_PLURAL_POSSESSIVE, text, possessive)
    repairs += r

    # paired quotes: an opening "?" and the next "?" that closes a word
    def quotes(t: str) -> tuple[str, list[Repair]]:
        reps: list[Repair] = []
        pos = 0
        while True:
            m = _LOST_OPEN_QUOTE.search(t, pos)
            if not m:
                break
            close = regex.compile(r"(?<=[\p{L}\d.,!])\?(?=[\s,.;:)\]]|$)").search(t, m.end())
            if not close or "\n" in t[m.end(): close.start()] or close.start() - m.end() > 200:
                pos = m.end()
                continue
            before = t[m.start(): close.end()]
            t = t[: m.start()] + lq + t[m.end(): close.start()] + rq + t[close.end():]
            reps.append(Repair("lost_quotes", before, lq + before[1:-1] + rq))
            pos = close.end()
        return t, reps

    text, r = quotes(text)
    repairs += r
    text, r = _sub("lost_dash", _LOST_NUMBER_DASH, text, "–")
    repairs += r
    text, r = _sub("lost_dash", _LOST_SPACED_DASH, text, " – ")
    repairs += r
    return text, repairs, warnings


FIXES: list[tuple[str, Fix]] = [
    ("fix_mojibake", fix_mojibake),
    ("remove_truncation_marks", remove_truncation_marks),
    ("normalise_space", normalise_space),
    ("restore_lost_characters", restore_lost_characters),
]


def repair_text(text: str, opts: RepairOptions | None = None) -> Repaired:
    """Run every fix in order; return the text with the repairs and warnings."""
    opts = opts or RepairOptions()
    repairs: list[Repair] = []
    warnings: list[str] = []
    for _name, fix in FIXES:
        text, r, w = fix(text, opts)
        repairs += r
        warnings += w
    return Repaired(text, repairs, warnings)
