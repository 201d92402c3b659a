"""Person names in normal capitalisation ("MARVIN RECINOS" → "Marvin Recinos")."""
from __future__ import annotations

from functools import lru_cache

from .. import timed_regex as regex  # the regex module, with a time budget

# "Jacob. I. Allison": a stray full stop after a first name, before an initial
_STRAY_DOT = regex.compile(r"(?<=\b\p{Lu}\p{Ll}{2,})\.(?=[ ]+\p{Lu}\.)")
_CAPS_TOKEN = regex.compile(r"\b\p{Lu}[\p{Lu}'’-]+\b")


def _simple_case(token: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in token.split("-"))


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
