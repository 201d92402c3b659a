"""Text repair: each fix is a small named pure function.

A fix takes text and returns ``(text, repairs, warnings)``; ``repairs`` lists what
changed as :class:`Repair` records (rule, before, after), so a row always says
what was done to it and the change can be replayed or reviewed. ``repair_text``
runs them in order. Running it twice gives the same text as running it once.

Two kinds of damage are repaired (CONVENTIONS.md, "How text gets damaged"):
mojibake (bytes read with the wrong encoding) is undone by ftfy; characters *lost*
to a lossy encoding (``?`` or U+FFFD written in their place) are restored by the
context rules in :func:`restore_lost_characters` and :func:`restore_lost_letters`.
A ``?`` that could be a real question mark is never changed.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, NamedTuple

from . import timed_regex as regex  # the regex module, with a time budget


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
    """``straight_quotes``: restore ' and " instead of ’ “ ”.

    ``vocabulary``: extra words to restore lost letters from (see :class:`Vocabulary`);
    the gazetteer's place names are always used unless ``gazetteer=False``.
    """
    straight_quotes: bool = False
    vocabulary: "Vocabulary | None" = field(default=None, compare=False, hash=False)
    gazetteer: bool = True

    @property
    def apostrophe(self) -> str:
        return "'" if self.straight_quotes else "’"

    @property
    def quotes(self) -> tuple[str, str]:
        return ('"', '"') if self.straight_quotes else ("“", "”")


def _context(text: str, start: int, end: int, width: int = 12) -> str:
    return text[max(0, start - width): end + width]


def in_spans(spans) -> Callable[[int], bool]:
    """A test: is a position inside one of ``spans`` ((start, end) in order, not overlapping)?
    A binary search, so many spans (URLs) cost log time per test, not linear."""
    if not spans:
        return lambda i: False
    starts, ends = [a for a, _ in spans], [b for _, b in spans]

    def inside(i: int) -> bool:
        k = bisect_right(starts, i) - 1
        return k >= 0 and i < ends[k]
    return inside


def _sub(rule: str, pattern: regex.Pattern, text: str, repl, skip=()) -> tuple[str, list[Repair]]:
    """Apply ``pattern`` and record each change with a little context.

    ``repl`` may return None to leave a match as it is, or ``(new, rule)`` to name the
    rule (with its evidence) for that change; matches inside a ``skip`` span (URLs) are left.
    """
    repairs: list[Repair] = []
    out: list[str] = []
    last = 0
    skipped = in_spans(skip)
    for m in pattern.finditer(text):
        s, e = m.span()
        if skipped(s):
            continue
        new = repl(m) if callable(repl) else m.expand(repl)
        name = rule
        if isinstance(new, tuple):
            new, name = new
        if new is None or new == m.group(0):
            continue
        out.append(text[last:s])
        out.append(new)
        last = e
        after = text[max(0, s - 12): s] + new + text[e: e + 12]
        repairs.append(Repair(name, _context(text, s, e).strip(), after.strip()))
    if not repairs:
        return text, repairs
    out.append(text[last:])
    return "".join(out), repairs


# --- mojibake, entities, controls: ftfy ---------------------------------------
# A cheap test for what ftfy fixes: a UTF-8 lead byte read as cp1252/Latin-1 followed
# by a continuation byte (Ã©, â€™, Â·), C0/C1 controls, surrogates, HTML entities.
# Clean text, curly quotes and accents included, never reaches ftfy.
_CONT = "\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_NEEDS_FTFY = regex.compile(
    rf"[\xc2-\xf4][{_CONT}]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|[\ud800-\udfff]|&#?\w{{2,8}};|[ÂÃ] "
)


# every alternative of _NEEDS_FTFY opens with one of these characters: a one-class scan
# (stdlib re, much faster) clears most captions before the full test
_MAYBE_FTFY = re.compile(r"[\xc2-\xf4\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff&]")


def fix_mojibake(text: str, opts: RepairOptions) -> tuple[str, list[Repair], list[str]]:
    """Mojibake, HTML entities and C1 controls, fixed by ftfy (curly quotes kept).

    The rule name carries ftfy's explanation, e.g.
    ``mojibake[encode sloppy-windows-1252, decode utf-8]``.
    """
    if not _MAYBE_FTFY.search(text) or not _NEEDS_FTFY.search(text):
        return text, [], []
    import ftfy

    fixed, explanation = ftfy.fix_and_explain(
        text, uncurl_quotes=False, fix_latin_ligatures=False, fix_character_width=False,
        normalization="NFC", unescape_html=True,
    )
    if fixed == text:
        return text, [], []
    steps = ", ".join(f"{a} {b}" for a, b in (explanation or [])) or "ftfy"
    before, after = _diff_snippet(text, fixed)
    return fixed, [Repair(f"mojibake[{steps}]", before, after)], []


# A letter whose UTF-8 second byte is 0xA0 (Š à Ġ Creation: C5 A0, C3 A0, C4 A0) read as cp1252
# comes out as a capital letter and a no-break space: ftfy leaves "Å\xa0arec", as it could be
# a letter and a space. Glued to the next letter, it is the one letter (Šarec).
_NBSP_MOJIBAKE = regex.compile(r"[\xc3-\xdf]\xa0(?=\p{L})")


def _nbsp_letter(m: regex.Match) -> str | None:
    try:
        ch = m.group().encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:  # pragma: no cover - every pair the pattern takes is valid UTF-8
        return None
    return ch if ch.isalpha() else None


def fix_nbsp_mojibake(text: str, opts: RepairOptions) -> tuple[str, list[Repair], list[str]]:
    """``Å\xa0arec`` → ``Šarec``: a UTF-8 letter ending in byte A0, read as cp1252, that ftfy leaves."""
    if "\xa0" not in text:
        return text, [], []
    new, repairs = _sub("mojibake[nbsp letter]", _NBSP_MOJIBAKE, text, _nbsp_letter)
    return new, repairs, []


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
_SPACE_NL = regex.compile(r"(?<! ) *\n[ \n]*")  # (?<! ): a space run is tried once


def normalise_space(text: str, opts: RepairOptions) -> tuple[str, list[Repair], list[str]]:
    """No-break and odd spaces → space, invisible characters removed, runs collapsed."""
    repairs: list[Repair] = []
    new = _INVISIBLE.sub("", text) if not text.isascii() else text
    if new != text:
        repairs.append(Repair("invisible_chars", "invisible", "removed"))
    newer = new.replace("\r\n", "\n").replace("\r", "\n")
    if not newer.isascii() or "\t" in newer:  # every odd space is a tab or not ASCII
        newer = _ODD_SPACE.sub(" ", newer)
    if newer != new:
        repairs.append(Repair("odd_space", "odd space", " "))
    final = _SPACE_NL.sub("\n", newer) if "\n" in newer else newer
    final = (_MULTI_SPACE.sub(" ", final) if "  " in final else final).strip()
    if final != newer.strip() or (final != newer and not repairs):
        repairs.append(Repair("collapse_space", "runs of space", " "))
    return final, repairs, []


# --- chrome left by web pages -------------------------------------------------
_TRUNCATION = regex.compile(
    r"(?:(?<!\s)\s*)?(?:(?:\.\.\.|…)\s*\[\+\]\s*|(?:\.\.\.|…)\s*More\b\s*(?=\()|[…?\ufffd]\s*\[\+\d+ chars\])"
)


def remove_truncation_marks(text: str, opts: RepairOptions) -> tuple[str, list[Repair], list[str]]:
    """Remove web 'read more' marks (``... [+]``, ``… [+3342 chars]``) left inside a caption."""
    if "[+" not in text and "More" not in text:  # every mark holds one of them
        return text, [], []
    new, repairs = _sub("truncation_mark", _TRUNCATION, text, lambda m: " ")
    return new, repairs, []


from .lost import Vocabulary, restore_lost  # noqa: E402

FIXES: list[tuple[str, Fix]] = [
    ("fix_mojibake", fix_mojibake),
    ("fix_nbsp_mojibake", fix_nbsp_mojibake),
    ("remove_truncation_marks", remove_truncation_marks),
    ("normalise_space", normalise_space),
    ("restore_lost", restore_lost),
]


def repair_text(text: str, opts: RepairOptions | None = None,
                vocabulary: "Vocabulary | Iterable[str] | None" = None) -> Repaired:
    """Run every fix in order; return the text with the repairs and warnings.

    ``vocabulary`` (optional): words known to be spelt right in this export, e.g.
    ``Vocabulary.from_texts(all_captions)``; a word whose letters were lost
    (``Acu?a``) is restored when exactly one known word fits. Place names from the
    gazetteer are always known.
    """
    opts = opts or RepairOptions()
    if vocabulary is not None:
        if not isinstance(vocabulary, Vocabulary):
            vocabulary = Vocabulary(vocabulary)
        opts = replace(opts, vocabulary=vocabulary)
    repairs: list[Repair] = []
    warnings: list[str] = []
    for _ in range(3):
        warnings = []  # about the text as it ends up
        for _name, fix in FIXES:
            text, r, w = fix(text, opts)
            repairs += r
            warnings += w
        # ftfy's guess can change once the spaces are tidied ("Ã©é  a"): run again until it
        # finds nothing, so repairing the repaired text changes nothing
        if fix_mojibake(text, opts)[0] == text:
            break
    return Repaired(text, repairs, warnings)
