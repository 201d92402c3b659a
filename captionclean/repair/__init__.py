"""Text repair: each fix is a small named pure function, registered in :data:`FIXES`.

A fix takes text and :class:`RepairOptions` and returns ``(text, repairs, warnings)``;
``repairs`` lists what changed as :class:`Repair` records (rule, before, after, detail), so a
row always says what was done to it and the change can be replayed or reviewed.
``repair_text`` runs the fixes in order. Running it twice gives the same text as running it once.

Every rule has one word (:data:`RULES`): its entry in the registry, its switch
(``RepairOptions(off={"lost_dash"})``) and the name it writes into ``repairs``.

Two kinds of damage are repaired (CONVENTIONS.md, "How text gets damaged"):
mojibake (bytes read with the wrong encoding) is undone by ftfy (:mod:`.mojibake`);
characters *lost* to a lossy encoding (``?`` or U+FFFD written in their place) are restored
by the context rules of :mod:`.lost`, with the export's own words (:mod:`.vocabulary`).
A ``?`` that could be a real question mark is never changed.

The modules: :mod:`.record` (the record and the options), :mod:`.text` (text operations),
:mod:`.mojibake`, :mod:`.spacing`, :mod:`.lost`, :mod:`.vocabulary`; none imports this one.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from .lost import restore_lost
from .mojibake import _LEAD_CONT, fix_mojibake, fix_nbsp_mojibake
from .record import RULES, Fix, Repair, Repaired, RepairOptions
from .spacing import normalise_space, remove_truncation_marks
from .text import in_spans
from .vocabulary import Vocabulary

__all__ = ["FIXES", "RULES", "Fix", "Repair", "Repaired", "RepairOptions", "Vocabulary", "fix_mojibake",
           "fix_nbsp_mojibake", "in_spans", "normalise_space", "remove_truncation_marks", "repair_text",
           "restore_lost"]

# The registry: each rule's word (RULES) → the fix that writes it, in the order the fixes run.
FIXES: dict[str, Fix] = {
    "mojibake": fix_mojibake,  # and fix_nbsp_mojibake, below: ftfy leaves that one
    "truncation_mark": remove_truncation_marks,
    "invisible_chars": normalise_space,
    "odd_space": normalise_space,
    "collapse_space": normalise_space,
    "lost_letters": restore_lost,
    "lost_apostrophe": restore_lost,
    "lost_inverted_mark": restore_lost,
    "lost_quotes": restore_lost,
    "lost_dash": restore_lost,
    "lost_copyright": restore_lost,
}
if list(FIXES) != list(RULES):  # pragma: no cover - a rule added to one and not the other
    raise RuntimeError("repair: FIXES and RULES must name the same rules in the same order")
# the fixes in the order they run (a fix that writes several rules runs once)
_PIPELINE: tuple[Fix, ...] = (fix_mojibake, fix_nbsp_mojibake, remove_truncation_marks, normalise_space, restore_lost)
# the options a call without any gets (frozen: one instance serves every call)
_DEFAULT_OPTIONS = RepairOptions()

# every character a fix acts on or looks for (one class scan, stdlib re): mojibake's and its gate's
# (\xc2-\xf4 lead bytes read as Latin-1, C0/C1 controls, surrogates, '&' of an entity), the no-break space,
# invisible characters and odd spaces (the tab, \r), and the marks a lossy step writes (? and U+FFFD)
_ACTED_ON = re.compile("[\x00-\x09\x0b-\x1f\x7f-\xa0\xad\xc2-\xf4\u2000-\u200d\u202f\u205f\u2060\u3000"
                       "\ufeff\ufffd\ud800-\udfff&?]")
# the same without the lead bytes (\xc2-\xf4: Latin letters with accents, é ä ñ ß, in most non-ASCII
# captions): ftfy's gate (mojibake._needs_ftfy) wants a lead byte followed by a continuation byte
# (_LEAD_CONT) or Â/Ã before a space, and no other fix reads a lead byte alone (the nbsp letter needs
# the no-break space, which this class holds)
_ACTED_ON_BUT_LEAD = re.compile("[\x00-\x09\x0b-\x1f\x7f-\xa0\xad\u2000-\u200d\u202f\u205f\u2060\u3000"
                                "\ufeff\ufffd\ud800-\udfff&?]").search


def _clean_already(text: str) -> bool:
    """Whether every fix would leave ``text`` as it is (most captions): none of the characters a fix acts
    on, a letter with an accent only where it cannot be mojibake's lead byte (ASCII text without '&' or '?' that is printable but for line breaks needs no scan), no 'read more'
    mark, no run of spaces or blank line or space by a line break, no space at either end."""
    if text.isascii():
        if "?" in text or "&" in text or not (text.isprintable() or text.replace("\n", " ").isprintable()):
            return False
    elif _ACTED_ON_BUT_LEAD(text) or _LEAD_CONT.search(text) or "Â " in text or "Ã " in text:
        return False  # (_ACTED_ON.search(text) where the lead bytes are mojibake's: a letter with an accent passes)
    if "  " in text or "[+" in text or "More" in text:
        return False
    if "\n" in text and (" \n" in text or "\n " in text or "\n\n" in text):
        return False
    return not text or not (text[0].isspace() or text[-1].isspace())


def repair_text(text: str, opts: RepairOptions | None = None,
                vocabulary: "Vocabulary | Iterable[str] | None" = None) -> Repaired:
    """Run every fix in order; return the text with the repairs and warnings.

    ``vocabulary`` (optional): words known to be spelt right in this export, e.g.
    ``Vocabulary.from_texts(all_captions)``; a word whose letters were lost
    (``Acu?a``) is restored when exactly one known word fits. Place names from the
    gazetteer are always known.
    """
    if _clean_already(text):  # every fix below would return it unchanged, with nothing to record
        return Repaired(text, [], [])
    opts = opts or _DEFAULT_OPTIONS
    if vocabulary is not None:
        if not isinstance(vocabulary, Vocabulary):
            vocabulary = Vocabulary(vocabulary)
        opts = replace(opts, vocabulary=vocabulary)
    repairs: list[Repair] = []
    warnings: list[str] = []
    for _ in range(3):
        warnings = []  # about the text as it ends up
        start = text
        text, r, w = fix_mojibake(text, opts)  # _PIPELINE[0]
        repairs += r
        warnings += w
        kept = text == start  # ftfy found nothing in this round's text
        for fix in _PIPELINE[1:]:
            text, r, w = fix(text, opts)
            repairs += r
            warnings += w
        # ftfy's guess can change once the spaces are tidied ("Ã©é  a"): run again until it
        # finds nothing, so repairing the repaired text changes nothing (a round that changed
        # nothing needs no second look: ftfy has just found nothing in this very text)
        if kept and text == start or fix_mojibake(text, opts)[0] == text:
            break
    return Repaired(text, repairs, warnings)
