"""The repair record and options: what a fix returns and what it is told.

A fix takes text and :class:`RepairOptions` and returns ``(text, repairs, warnings)``;
each :class:`Repair` names its rule (a word of :data:`RULES`, the same word that
switches it off in ``RepairOptions(off=...)``), what the text was and what it became,
and a detail where the rule has more to say (``mojibake[encode sloppy-windows-1252,
decode utf-8]``, ``lost_letters[wordfreq es]``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from .vocabulary import Vocabulary

# every rule a fix writes into ``repairs``, in the order the fixes run; the word is also the
# rule's switch (``RepairOptions(off={"lost_dash"})``) and its entry in the registry (repair.FIXES)
RULES: dict[str, str] = {
    "mojibake": "bytes read with the wrong encoding, HTML entities, C1 controls (ftfy; the detail is its explanation)",
    "truncation_mark": "web 'read more' marks left inside a caption (... [+], … [+3342 chars])",
    "invisible_chars": "zero-width and soft-hyphen characters removed",
    "odd_space": "no-break and other odd spaces made spaces",
    "collapse_space": "runs of spaces and blank lines collapsed, ends stripped",
    "lost_letters": "a word whose letters were lost to ? or U+FFFD (the detail names the evidence)",
    "lost_apostrophe": "an apostrophe lost to ? (it?s, O?Hare, Officers? Memorial)",
    "lost_inverted_mark": "Spanish ¿ ¡ lost to ?",
    "lost_quotes": "quotation marks lost to ?, paired",
    "lost_dash": "a dash lost to ? (2016?2017, word ? word, rescuers?two)",
    "lost_copyright": "a © lost to ? before a credit",
}


class Repair(NamedTuple):
    rule: str  # a word of RULES (or of the readers: decode_cp1252)
    before: str
    after: str
    detail: str = ""  # what more the rule says: ftfy's steps, a lost letter's evidence

    @property
    def name(self) -> str:
        """The rule with its detail, as written in the ``repairs`` column: ``lost_letters[gazetteer]``."""
        return f"{self.rule}[{self.detail}]" if self.detail else self.rule

    def __str__(self) -> str:
        return f"{self.name}: {self.before} → {self.after}"


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
    ``off``: rules (words of :data:`RULES`) switched off: ``RepairOptions(off={"lost_dash"})``.
    """
    straight_quotes: bool = False
    vocabulary: "Vocabulary | None" = field(default=None, compare=False, hash=False)
    gazetteer: bool = True
    off: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        unknown = set(self.off) - set(RULES)
        if unknown:
            raise ValueError(f"unknown repair rule(s) {', '.join(sorted(unknown))}; the rules are {', '.join(RULES)}")
        object.__setattr__(self, "off", frozenset(self.off))

    def on(self, rule: str) -> bool:
        """Is ``rule`` switched on?"""
        return rule not in self.off

    @property
    def apostrophe(self) -> str:
        return "'" if self.straight_quotes else "’"

    @property
    def quotes(self) -> tuple[str, str]:
        return ('"', '"') if self.straight_quotes else ("“", "”")
