"""Words an export spells right, indexed so a damaged word finds them: the export's own
vocabulary (:class:`Vocabulary`) and the gazetteer's place names (:func:`gazetteer_vocabulary`)."""
from __future__ import annotations

from functools import lru_cache
from itertools import filterfalse
from typing import Iterable

from .. import timed_regex as regex  # the regex module, with a time budget

LOST = "?\ufffd"  # what a lossy step writes for a character it cannot hold
# distinct tokens beyond ASCII Vocabulary.from_texts holds before it reads their words (each once)
TOKENS_HELD = 100_000
_WORD_DASH = regex.compile(r"(?<=\p{L} ?)([–—])(?= ?\p{L})")


_WORD = regex.compile(r"\p{L}+")
# a quotation in single and in double marks (an apostrophe inside a single one ends it early: not counted)
_SINGLE_QUOTED = regex.compile(r"(?<![\p{L}\d])‘[^‘’“”\n]{1,200}’(?![\p{L}\d])")
_DOUBLE_QUOTED = regex.compile(r"(?<![\p{L}\d])“[^“”\n]{1,300}”")


def _skeleton(word: str) -> str:
    """Every character beyond ASCII (and a lost one) as ``?``: the encoder's "replace" writes one
    ``?`` for each character it cannot encode, in C (LOST's characters are ``?`` and one beyond ASCII)."""
    return word.lower().encode("ascii", "replace").decode("ascii")


class Vocabulary:
    """Words spelt with letters beyond ASCII, indexed by their ASCII skeleton.

    ``Vocabulary.from_texts(captions)`` collects the accented words of an export, so
    a word damaged in one caption (``Acu?a``) is restored from another caption that
    spells it right (``Acuña``). Only a single fitting word is ever used.
    """

    def __init__(self, words: Iterable[str] = ()) -> None:
        self._index: dict[str, set[str]] = {}
        # the export's habit: how often it writes an en dash and an em dash between words
        self.dashes: dict[str, int] = {"–": 0, "—": 0}
        # and how often it quotes in single and in double curly marks
        self.quoted: dict[str, int] = {"‘’": 0, "“”": 0}
        for w in words:
            self.add(w)

    @property
    def dash(self) -> str | None:
        """The dash the export writes between words (the more frequent one), if it writes any."""
        en, em = self.dashes["–"], self.dashes["—"]
        return None if en == em == 0 else ("—" if em > en else "–")

    @property
    def quote_pair(self) -> tuple[str, str] | None:
        """The export's quotation marks where they are curly, if it writes any: ‘ ’ when it quotes in
        single marks more often than in double ones (some outlets' house style), else “ ”."""
        single, double = self.quoted["‘’"], self.quoted["“”"]
        if single == double == 0:
            return None
        return ("‘", "’") if single > double else ("“", "”")

    def add(self, word: str) -> None:
        word = word.lower()
        if len(word) >= 2 and word.isalpha() and not word.isascii():
            skeleton = _skeleton(word)  # (made once: it is the test and the key)
            if len(word) == len(skeleton):
                self._index.setdefault(skeleton, set()).add(word)

    def words(self) -> set[str]:
        """Every word known (lower case)."""
        return {w for ws in self._index.values() for w in ws}

    def update(self, other: "Vocabulary") -> None:
        for k, v in other._index.items():
            self._index.setdefault(k, set()).update(v)
        for k, n in other.dashes.items():
            self.dashes[k] += n
        for k, n in other.quoted.items():
            self.quoted[k] += n

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> "Vocabulary":
        vocab = cls()
        damaged = False
        # the export's tokens (cut at spaces) beyond ASCII, each once (up to TOKENS_HELD at a time): a word
        # (a run of letters) holds no space, so a text's words are its tokens' words, and an export repeats
        # its names; a C pass a text, where _WORD read every word of every text
        tokens: dict[str, None] = {}
        for t in texts:
            damaged = damaged or "?" in t or "\ufffd" in t
            if not t.isascii():
                if "–" in t or "—" in t:
                    for m in _WORD_DASH.finditer(t):
                        vocab.dashes[m.group(1)] += 1
                if "‘" in t:
                    vocab.quoted["‘’"] += len(_SINGLE_QUOTED.findall(t))
                if "“" in t:
                    vocab.quoted["“”"] += len(_DOUBLE_QUOTED.findall(t))
                tokens.update(dict.fromkeys(filterfalse(str.isascii, t.split())))
                if len(tokens) > TOKENS_HELD:  # (an export of long runs beyond ASCII: memory stays bounded)
                    vocab._add_words(tokens)
                    tokens.clear()
        vocab._add_words(tokens)
        if damaged:  # the export lost characters: load the word lists now, before any caption's budget
            from ..wordlists import word_lists

            word_lists()
        return vocab

    def _add_words(self, tokens: Iterable[str]) -> None:
        for token in tokens:
            for word in _WORD.findall(token):
                if not word.isascii():  # an ASCII word is never kept (see add)
                    self.add(word)

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

    def __bool__(self) -> bool:
        """Whether it knows a word: ``len(self) > 0`` without counting them all (``if opts.vocabulary``
        is asked for every caption that lost letters; the count reads every skeleton of the export)."""
        return any(self._index.values())


@lru_cache(maxsize=1)
def gazetteer_vocabulary() -> Vocabulary:
    """Place names from the gazetteer (GeoNames cities) and the country table."""
    from ..wordlists import outside_budget

    with outside_budget():  # a one-time load, maybe inside a caption's time budget
        return _gazetteer_vocabulary()


def _gazetteer_vocabulary() -> Vocabulary:
    from .. import tables

    vocab = Vocabulary()
    for name in list(tables.gazetteer()) + list(tables.countries()):
        if name.isascii():  # add keeps no ASCII word: a name all in ASCII (most of them) gives none
            continue
        for word in _WORD.findall(name):
            vocab.add(word)
    return vocab
