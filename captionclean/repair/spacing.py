"""Spacing and web chrome: odd and invisible spaces, runs of space, 'read more' marks."""
from __future__ import annotations

import re

from .. import timed_regex as regex  # the regex module, with a time budget
from .record import Repair, RepairOptions
from .text import sub

# --- whitespace ---------------------------------------------------------------
_ODD_SPACE = regex.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_INVISIBLE = regex.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# the same classes as a stdlib re scan (3-4x faster on a class than the regex module): the
# substitutions run only on a text that holds one
_HAS_ODD_SPACE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]").search
_HAS_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]").search
_MULTI_SPACE = regex.compile(r" {2,}")
_SPACE_NL = regex.compile(r"(?<! ) *\n[ \n]*")  # (?<! ): a space run is tried once


def normalise_space(text: str, opts: RepairOptions) -> tuple[str, list[Repair], list[str]]:
    """No-break and odd spaces → space, invisible characters removed, runs collapsed."""
    repairs: list[Repair] = []
    new = _INVISIBLE.sub("", text) if opts.on("invisible_chars") and not text.isascii() and _HAS_INVISIBLE(text) \
        else text
    if new != text:
        repairs.append(Repair("invisible_chars", "invisible", "removed"))
    newer = new
    if opts.on("odd_space"):
        newer = new.replace("\r\n", "\n").replace("\r", "\n")
        if (not newer.isascii() or "\t" in newer) and _HAS_ODD_SPACE(newer):  # every odd space is a tab or not ASCII
            newer = _ODD_SPACE.sub(" ", newer)
    if newer != new:
        repairs.append(Repair("odd_space", "odd space", " "))
    if not opts.on("collapse_space"):
        return newer, repairs, []
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
    new, repairs = sub("truncation_mark", _TRUNCATION, text, lambda m: " ", opts=opts)
    return new, repairs, []

