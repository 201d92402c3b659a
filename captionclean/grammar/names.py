"""Person names in normal capitalisation ("MARVIN RECINOS" → "Marvin Recinos")."""
from __future__ import annotations

import re as _stdlib_re
import unicodedata
from functools import lru_cache

from .. import timed_regex as regex  # the regex module, with a time budget
from ..tables import name_cases, name_declension, name_order

# "Jacob. I. Allison": a stray full stop after a first name, before an initial
_STRAY_DOT = regex.compile(r"(?<=\b\p{Lu}\p{Ll}{2,})\.(?=[ ]+\p{Lu}\.)")
_CAPS_TOKEN = regex.compile(r"\b\p{Lu}[\p{Lu}'’-]*\p{Lu}\b")  # two capitals at least: "В’ячеслав", "O'Brien" are mixed case


def _simple_case(token: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in token.split("-"))


# nameparser 2.x's repair (capitalize(force=True)) of a word no rule of its claims is str.capitalize(), hyphen by hyphen
# ("Kyung-Hoon"), and the Mac/Mc prefix ("^ma?c\w{2,}": "MacNicol", "McGathey", "MacOn") capitalised apart from the rest
# (_render._title_chunk). Its other rules are the vocabulary's (particles and conjunctions in lower case, titles,
# suffixes, the exceptions map's masks "PhD", credential acronyms), roman numerals in the suffix role, and the marks
# (apostrophes, full stops, modifier letters, combining marks) it splits words at. A name made of words of plain
# letters (ASCII or composed Latin) joined by hyphens, or initials ("S."), outside all of those, is re-cased word by word without parsing
# it (~360 µs a name); the rest still goes to nameparser (tests/test_names.py compares the two over the names the
# captions give and over generated ones)
_ROMAN = frozenset(("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"))
_MAC = regex.compile(r"^(?:ma?c)(?=\w{2})", regex.IGNORECASE)
_WORD_SPLIT = regex.compile(r"[^a-z]+")


@lru_cache(maxsize=1)
def _nameparser_words() -> tuple[frozenset[str], frozenset[str]]:
    """nameparser's vocabulary (each set and map of its lexicon) in lower case: its entries whole, and those with
    every word and letter run of each entry (the entries split at spaces and marks) added."""
    from nameparser import HumanName

    probe = HumanName("John Smith")
    probe.capitalize(force=True)  # binds the lexicon the repair reads
    lexicon = probe._lexicon
    whole = set(_ROMAN)
    for attr in dir(lexicon):
        value = getattr(lexicon, attr, None)
        if attr.startswith("_") or callable(value) or isinstance(value, str):
            continue
        try:
            entries = list(value.keys() if hasattr(value, "keys") else value)
        except TypeError:
            continue
        whole.update(entry.lower() for entry in entries if isinstance(entry, str))
    words = set(whole)
    for entry in whole:
        words.update(w for w in _WORD_SPLIT.split(entry) if w)
    return frozenset(whole), frozenset(words)


def _latin_letters(word: str) -> bool:
    """Letters of the Latin blocks up to Latin Extended-B (no modifier letters, no marks), composed, without the
    two whose case mapping changes their length ("ß", "ŉ") and the digraphs with a title case of their own ("ǅ")."""
    return max(word) < "\u0250" and "ß" not in word and "ŉ" not in word and unicodedata.is_normalized("NFC", word) \
        and not any("\u01c4" <= c <= "\u01cc" or "\u01f1" <= c <= "\u01f3" for c in word)


def _plain_word(word: str, whole: frozenset[str], words: frozenset[str]) -> str | None:
    if len(word) == 2 and word[1] == "." and word[0].isalpha() and word[0].isascii():  # an initial: "S."
        return None if word[0].lower() in whole else word[0].upper() + "."
    parts = word.split("-")
    if len(parts) > 1 and word.lower() in whole:
        return None
    out = []
    for part in parts:
        if not (part.isalpha() and (part.isascii() or _latin_letters(part))):
            return None
        low = part.lower()
        if low in (whole if len(low) == 1 else words):  # a letter: an initial unless it is a word ("y", "e", "ó")
            return None
        mac = _MAC.match(part)
        out.append(part[:mac.end()].capitalize() + part[mac.end():].capitalize() if mac else part.capitalize())
    return "-".join(out)


def plain_recase(name: str) -> str | None:
    """``name`` re-cased as nameparser would (``KOEN WEEL`` → ``Koen Weel``, ``KIM KYUNG-HOON`` → ``Kim Kyung-Hoon``,
    ``IAN MACNICOL`` → ``Ian MacNicol``, ``ERIK S. LESSER`` → ``Erik S. Lesser``) when no rule of nameparser's but title case and Mac/Mc claims a word; None when
    one might (``VAN``, ``O'NEIL``, ``JR``, ``III``, ``AL-DOUMY``)."""
    whole, words = _nameparser_words()
    out = []
    for word in name.split(" "):
        cased = _plain_word(word, whole, words)
        if cased is None:
            return None
        out.append(cased)
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
    cased = plain if plain is not None else nameparser_case(name)
    # Turkish "İ" (SELAHATTİN, İLKER) lowers to the plain "i": str.lower() adds a combining dot ("i̇")
    return cased.replace("i\u0307", "i") if "İ" in name else cased


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


@lru_cache(maxsize=1)
def _family_first_cues():
    cues, _ = name_order()
    words = regex.longest_first(cues)
    # (a gate: the cue words anywhere, by the stdlib's literal scan, ~0.3 µs a credit against ~2 µs for the
    # bounded pattern; every match of the pattern holds one: tests/test_name_order.py)
    gate = _stdlib_re.compile("|".join(_stdlib_re.escape(w) for w in words)).search
    return cues, regex.compile(r"(?<!\p{L})(?:" + "|".join(regex.escape(w) for w in words) + r")(?!\p{L})"), gate


def family_first_langs(*texts: str) -> frozenset[str]:
    """The languages that print a person's family name first whose cue words (data/name_words.csv kind
    ``family_first_cue``: MTI, Fotó, ČTK, Фотохроника) the credit's texts hold."""
    cues, pattern, gate = _family_first_cues()
    langs: frozenset[str] = frozenset()
    for text in texts:
        if gate(text) is None:
            continue
        for m in pattern.finditer(text):
            langs |= cues[m.group()]
    return langs


def family_first(name: str, langs: frozenset[str]) -> str | None:
    """``Kovács Béla`` → ``Béla Kovács``: a name printed family name first, in a credit of a language that does so
    (``langs``), turned to given name first (LABELS.md). Only a name whose last word (or last two of three) is a
    given name of such a language (data/given_names.csv) and whose first word is no given name of any: ``Tamás
    Sándor`` (both given names) and ``Michal Kamaryt`` stay as written. None when it is not turned."""
    words = name.split(" ")
    if len(words) not in (2, 3) or not langs:
        return None
    _, given = name_order()
    if words[0] in given or not all(given.get(w, frozenset()) & langs for w in words[1:]):
        return None
    return " ".join(words[1:] + words[:1])


# "Фото Сергея Шелега" (photo of Sergei Sheleg): Russian and Ukrainian credits with no colon put the photographer's
# name in the genitive. The given name's nominative is found among the given names of ru/uk (data/given_names.csv)
# by the genitive's endings (Сергея → Сергей, Ивана → Иван, Михайла → Михайло, Анны → Анна, Марии → Мария), and
# the surname follows its gender's declension (Шелега → Шелег, Марківа → Марків, Вишневського → Вишневський;
# Ивановой → Иванова: the endings are data/name_cases.csv's rows of lang "ru uk"); a name whose first word is no such
# genitive stays as written.


def nominative_name(name: str) -> str:
    """``Сергея Шелега`` → ``Сергей Шелег``: a Russian or Ukrainian name in the genitive (after ``Фото`` with no colon)
    turned to the nominative; unchanged unless its first word is the genitive of a ru/uk given name."""
    words = name.split(" ")
    if len(words) != 2:
        return name
    _, given = name_order()
    cases = name_declension()
    first, last = words
    for end, sub in cases["given"]:
        if first.endswith(end) and len(first) > 3:
            cand = first[:-len(end)] + sub
            if given.get(cand, frozenset()) & {"ru", "uk"}:
                female = cand.endswith(("а", "я"))
                for g_end, n_end in cases["surname_f" if female else "surname_m"]:
                    if last.endswith(g_end) and len(last) > len(g_end) + 2:
                        return f"{cand} {last[:-len(g_end)] + n_end}"
                return f"{cand} {last}"  # a surname that does not decline (Ткаченко, Шевчук for a woman)
    return name
def genitive_nominative(name: str, lang: str) -> str:
    """A person's name written in the genitive turned to the nominative, word by word, by the language's endings
    (data/name_cases.csv): "Vygaudo Juozaičio" → "Vygaudas Juozaitis", "Dovydo STAPONKAUS" → "Dovydas STAPONKUS" (a word
    in capitals keeps them); an initial, or a word no ending fits, stays."""
    endings = name_cases().get(lang, ())
    words = []
    for word in name.split():
        low = word.casefold()
        for ending, nominative in endings:
            if low.endswith(ending) and len(low) > len(ending) + 1:
                stem = word[:-len(ending)]
                word = stem + (nominative.upper() if word.isupper() else nominative)
                break
        words.append(word)
    return " ".join(words)
