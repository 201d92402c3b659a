"""Mojibake (bytes read with the wrong encoding), HTML entities and C1 controls: ftfy.

Both fixes write the rule ``mojibake`` with a detail: ftfy's explanation
(``mojibake[encode sloppy-windows-1252, decode utf-8]``) or ``nbsp letter``.
"""
from __future__ import annotations

import re

from .. import timed_regex as regex  # the regex module, with a time budget
from .record import Repair, RepairOptions
from .text import diff_snippet, sub

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
# _NEEDS_FTFY's alternatives one by one: the alternation tries each at every position (about
# 0.1 µs a character on a caption with accents), each alone is a fast scan for its first class
# (the control characters' class with stdlib re, 4x faster on it than the regex module)
_LEAD_CONT = regex.compile(rf"[\xc2-\xf4][{_CONT}]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_ENTITY = regex.compile(r"&#?\w{2,8};")
_A_SPACE = regex.compile(r"[ÂÃ] ")


def _needs_ftfy(text: str) -> bool:
    """``_NEEDS_FTFY.search(text)``, as a bool, from a fast scan per alternative."""
    return bool(_LEAD_CONT.search(text) or _CONTROL.search(text) or ("&" in text and _ENTITY.search(text))
                or (("Â" in text or "Ã" in text) and _A_SPACE.search(text)))


def fix_mojibake(text: str, opts: RepairOptions) -> tuple[str, list[Repair], list[str]]:
    """Mojibake, HTML entities and C1 controls, fixed by ftfy (curly quotes kept).

    The rule name carries ftfy's explanation, e.g.
    ``mojibake[encode sloppy-windows-1252, decode utf-8]``.
    """
    if not opts.on("mojibake") or not _MAYBE_FTFY.search(text) or not _needs_ftfy(text):
        return text, [], []
    import ftfy

    fixed, explanation = ftfy.fix_and_explain(
        text, uncurl_quotes=False, fix_latin_ligatures=False, fix_character_width=False,
        normalization="NFC", unescape_html=True,
    )
    if fixed == text:
        return text, [], []
    steps = ", ".join(f"{a} {b}" for a, b in (explanation or [])) or "ftfy"
    before, after = diff_snippet(text, fixed)
    return fixed, [Repair("mojibake", before, after, steps)], []


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
    new, repairs = sub("mojibake[nbsp letter]", _NBSP_MOJIBAKE, text, _nbsp_letter, opts=opts)
    return new, repairs, []

