"""Person names in normal capitalisation ("MARVIN RECINOS" → "Marvin Recinos")."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from .. import timed_regex as regex  # the regex module, with a time budget

# "Jacob. I. Allison": a stray full stop after a first name, before an initial
_STRAY_DOT = regex.compile(r"(?<=\b\p{Lu}\p{Ll}{2,})\.(?=[ ]+\p{Lu}\.)")
_CAPS_TOKEN = regex.compile(r"\b\p{Lu}[\p{Lu}'’-]+\b")


def _simple_case(token: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in token.split("-"))


# nameparser 2.x's repair (capitalize(force=True)) of a word no rule of its claims is str.capitalize(): its rules are
# the vocabulary's (particles and conjunctions in lower case, titles, suffixes, the exceptions map's masks "PhD",
# credential acronyms), roman numerals in the suffix role, the Mac/Mc prefix ("^ma?c\w{2,}"), and the marks
# (apostrophes, hyphens, full stops, modifier letters) it splits words at. A name made of plain words (ASCII or composed Latin letters) outside
# all of them is re-cased word by word without parsing it (~360 µs a name); the rest still goes to nameparser
# (tests/test_names.py compares the two over names from captions and generated ones)
_ROMAN = frozenset(("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"))
_NAMEPARSER_WORDS: frozenset[str] | None = None


def _nameparser_words() -> frozenset[str]:
    """Every word of nameparser's vocabulary (each set and map of its lexicon, entries split at spaces and marks)."""
    global _NAMEPARSER_WORDS
    if _NAMEPARSER_WORDS is None:
        from nameparser import HumanName

        probe = HumanName("John Smith")
        probe.capitalize(force=True)  # binds the lexicon the repair reads
        lexicon = probe._lexicon
        words = set(_ROMAN)
        for attr in dir(lexicon):
            value = getattr(lexicon, attr, None)
            if attr.startswith("_") or callable(value) or isinstance(value, str):
                continue
            try:
                entries = list(value.keys() if hasattr(value, "keys") else value)
            except TypeError:
                continue
            for entry in entries:
                if isinstance(entry, str):
                    words.add(entry.lower())
                    words.update(w for w in _WORD_SPLIT.split(entry.lower()) if w)
        _NAMEPARSER_WORDS = frozenset(words)
    return _NAMEPARSER_WORDS


_WORD_SPLIT = regex.compile(r"[^a-z]+")


def _latin_letters(word: str) -> bool:
    """Letters of the Latin blocks up to Latin Extended-B (no modifier letters, no marks), composed, without the
    two whose case mapping changes their length ("ß", "ŉ")."""
    return max(word) < "\u0250" and "ß" not in word and "ŉ" not in word and unicodedata.is_normalized("NFC", word)


def plain_recase(name: str) -> str | None:
    """``name`` re-cased as nameparser would (``KOEN WEEL`` → ``Koen Weel``) when every word is plain ASCII letters
    that no rule of nameparser's claims; None when one might (``VAN``, ``MCDONALD``, ``O'NEIL``, ``JR``, ``III``)."""
    vocabulary = _nameparser_words()
    out = []
    for word in name.split(" "):
        if not (word.isalpha() and (word.isascii() or _latin_letters(word))):
            return None
        low = word.lower()
        if low in vocabulary or low.startswith(("mc", "mac")):
            return None
        out.append(word.capitalize())
    return " ".join(out)


@lru_cache(maxsize=16384)
def normal_name(name: str) -> str:
    """Title-case a name written (partly) in capitals; leave mixed case as written.

    ``Win McNamee`` stays; ``Marvin RECINOS`` and ``KOEN VAN WEEL`` are re-cased
    with nameparser's rules (``Koen van Weel``, ``Mark McDonald``).
    """
    name = " ".join(name.split())
    if not _CAPS_TOKEN.search(name):
        return name
    first, _, rest = name.partition(" ")
    if len(first) == 2 and rest and not _CAPS_TOKEN.search(rest):
        return name  # "DJ Mills", "CJ Gunther": initials written without stops, the rest in mixed case
    plain = plain_recase(name)
    return plain if plain is not None else nameparser_case(name)


def nameparser_case(name: str) -> str:
    """``name`` (single-spaced) re-cased by nameparser, or token by token where it reorders or drops a part."""
    from nameparser import HumanName

    human = HumanName(name)
    human.capitalize(force=True)
    cased = str(human)
    if cased.casefold().split() == name.casefold().split():
        return cased
    # nameparser reordered or dropped a part: re-case token by token instead
    return " ".join(_simple_case(t) if _CAPS_TOKEN.fullmatch(t) else t for t in name.split())


def tidy_name(name: str) -> str:
    """Drop a stray full stop inside a name (``Jacob. I. Allison`` → ``Jacob I. Allison``)."""
    return _STRAY_DOT.sub("", name) if "." in name else name
