"""Versions of one picture's caption: re-sends, corrections and near-repeats grouped.

Exact repeats are merged by the dedupe key (:mod:`captionclean.clean`); this module finds the
distinct captions that are versions of one picture: a wire's ``REFILE - CORRECTING SPELLING OF NAME``,
an AP ``CORRECTS DATE``, a trimmed trailer, one more sentence, a typo fixed.

It never compares all pairs. Each distinct caption gets a :class:`Signature` while it is parsed: three
cheap block keys (every other one of the first words of its description, the others, its last words,
its photographer with its date and city) and small fingerprints of the fields a version may not change (date, place, photographer,
agency). Captions that share a block key are candidates, each compared with the few before it in its
block (``WINDOW``): linear in rows. A candidate pair whose fields differ is dropped at once (a vector
test on the fingerprints) unless one of them carries a correction notice; the rest are confirmed on
their records (:func:`same_picture`): the same fields (or blank), and descriptions that differ only
by what desks change (similarity ``SIMILARITY`` or one text holding the other, a replaced word only
as a spelling fix unless a notice says something was corrected).

A group's chosen version is the one with the highest notice rank (a correction or update over a
re-send over none), then the latest in the export. :func:`changes` writes what differs between two
versions, word by word (``Recino → Recinos``).
"""
from __future__ import annotations

import hashlib
from array import array
from dataclasses import dataclass, field

import regex
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

MODES = ("off", "group", "all")
WINDOW = 4  # a caption is compared with this many earlier captions of each of its blocks
SIMILARITY = 85.0  # rapidfuzz ratio (0-100) of two normalised descriptions; chosen on data (bench/bench_versions.py)
CONTAINED = 0.9  # or: this share of the shorter text's words stand, in order, in the longer one
MIN_WORDS = 5  # a description shorter than this is too bare to tell versions from other pictures
SPELLING = 70.0  # a replaced run of words is a spelling fix when this similar (rapidfuzz ratio)
NAME_SPELLING = 80.0  # two photographers' names: one spelt two ways
BLOCK_WORDS = 5
CORRECTS = 2  # a notice of this rank says something was corrected: the fields may differ

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_DIGIT = regex.compile(r"\d")
_SHOW_WORD = regex.compile(r"\S+")


def words(text: str) -> list[str]:
    """A description's words, case folded, punctuation dropped: what versions are compared on."""
    return _WORD.findall(text.casefold())


def _h64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                          "little", signed=True) or 1


def _h32(text: str) -> int:
    """0 for a blank value (a blank field never tells two pictures apart)."""
    if not text:
        return 0
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=4).digest(),
                          "little", signed=True) or 1


def _name_skeleton(name: str) -> str:
    """What a spelling fix of a photographer's name keeps: the first name's initial and the
    surname's first three letters ("Marvin Recino", "Marvin Recinos" → "m rec")."""
    parts = words(name)
    return f"{parts[0][0]} {parts[-1][:3]}" if parts else ""


@dataclass(frozen=True)
class Signature:
    """What grouping keeps in memory of one distinct caption: block keys and field fingerprints."""

    even: int  # the 1st, 3rd, … 9th words of the description (0: too few words)
    odd: int  # its 2nd, 4th, … 10th words: one word changed leaves one of the two keys
    last: int  # its last words
    credit: int  # photographer, date and city (0: no photographer or no date)
    date: int  # yyyymmdd, 0 blank
    city: int
    city_name: int  # the city's skeleton (its first three letters)
    country: int
    photographer: int
    name: int  # the photographer's name skeleton
    agency: int
    rank: int  # the correction notice's rank, -1 none


def signature(row: dict, rank: int) -> Signature:
    """The signature of a parsed caption's row (``Caption.to_row()``) and its notice rank."""
    w = words(row["description"])
    few = len(w) < MIN_WORDS
    photographer = " ".join(words(row["photographer"]))
    return Signature(
        even=0 if few else _h64(" ".join(w[:2 * BLOCK_WORDS:2])),
        odd=0 if few else _h64(" ".join(w[1:2 * BLOCK_WORDS:2])),
        last=0 if few else _h64(" ".join(w[-BLOCK_WORDS:])),
        credit=0 if few or not photographer or not row["date"] else _h64(
            "\x1f".join((photographer, row["date"], row["city"].casefold()))),
        date=_yyyymmdd(row["date"]),
        city=_h32(row["city"].casefold()),
        city_name=_h32(row["city"].casefold()[:3]),
        country=_h32(row["country"].casefold()),
        photographer=_h32(photographer),
        name=_h32(_name_skeleton(row["photographer"])),
        agency=_h32(row["agency"].casefold()),
        rank=rank,
    )


def _yyyymmdd(date: str) -> int:
    return int(date.replace("-", "")) if len(date) == 10 and date.replace("-", "").isdigit() else 0


class Signatures:
    """The signatures of the distinct captions, in order, as compact arrays (61 bytes each)."""

    KEYS = ("even", "odd", "last", "credit")
    FIELDS = ("date", "city", "city_name", "country", "photographer", "name", "agency")

    def __init__(self):
        self.arrays = {k: array("q") for k in self.KEYS}
        self.arrays.update({k: array("i") for k in self.FIELDS})
        self.rank = array("b")

    def append(self, sig: Signature) -> None:
        for k, a in self.arrays.items():
            a.append(getattr(sig, k))
        self.rank.append(sig.rank)

    def __len__(self) -> int:
        return len(self.rank)


def candidates(sigs: Signatures, window: int = WINDOW):
    """Pairs (earlier, later) of distinct captions that may be versions of one picture: they share
    a block key and their fields agree (or are blank, or one carries a correction notice).

    An ``int64`` array of shape (n, 2), each pair once, sorted; linear in the number of captions.
    """
    import numpy as np

    n = len(sigs)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    found = []
    for k in sigs.KEYS:
        key = np.frombuffer(sigs.arrays[k], dtype=np.int64)
        order = np.argsort(key, kind="stable")  # a block's captions stay in export order
        sorted_key = key[order]
        for lag in range(1, window + 1):
            same = (sorted_key[lag:] == sorted_key[:-lag]) & (sorted_key[lag:] != 0)
            if same.any():
                found.append(np.stack([order[:-lag][same], order[lag:][same]], axis=1))
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.unique(np.concatenate(found).astype(np.int64), axis=0)
    a, b = pairs[:, 0], pairs[:, 1]
    rank = np.frombuffer(sigs.rank, dtype=np.int8)
    marked = (rank[a] >= CORRECTS) | (rank[b] >= CORRECTS)

    def agree(name):
        v = np.frombuffer(sigs.arrays[name], dtype=np.int32)
        return (v[a] == v[b]) | (v[a] == 0) | (v[b] == 0)

    date = np.frombuffer(sigs.arrays["date"], dtype=np.int32)
    da, db = date[a], date[b]
    parts = ((da // 10000 != db // 10000).astype(np.int8) + (da // 100 % 100 != db // 100 % 100)
             + (da % 100 != db % 100))
    date_ok = agree("date") | (marked & (parts == 1))  # a corrected date: one of year, month, day
    city_ok = agree("city") | agree("city_name") | (marked & agree("country"))
    ok = (date_ok & city_ok & agree("country") & agree("agency") & (agree("photographer") | agree("name")))
    return pairs[ok]


def _agree(a: str, b: str) -> bool:
    return not a or not b or a.casefold() == b.casefold()


def same_picture(a: dict, b: dict, rank_a: int = -1, rank_b: int = -1) -> bool:
    """Whether two parsed rows are versions of one picture.

    Never when their country or agency differ, or their photographers are not one name spelt two
    ways; their dates must agree (with a correction notice: differ in one part, a typo) and their
    cities too (one spelt two ways; any, with a notice). Their descriptions must be alike (see
    ``SIMILARITY`` and ``CONTAINED``), and each run of words replaced a spelling fix (with a notice:
    or at most three words: a corrected name or date)."""
    marked = max(rank_a, rank_b) >= CORRECTS
    if not (_agree(a["country"], b["country"]) and _agree(a["agency"], b["agency"])
            and _spelt(a["photographer"], b["photographer"])):
        return False
    if not (_agree(a["date"], b["date"]) or marked and _one_part(a["date"], b["date"])):
        return False
    if not (_spelt(a["city"], b["city"]) or marked):
        return False
    wa, wb = words(a["description"]), words(b["description"])
    if min(len(wa), len(wb)) < MIN_WORDS:
        return False
    similar = fuzz.ratio(" ".join(wa), " ".join(wb)) >= SIMILARITY
    if not similar:
        kept = sum(e - s for _, s, e, _, _ in _opcodes(wa, wb, "equal"))
        if kept < CONTAINED * min(len(wa), len(wb)):
            return False
    for _, s1, e1, s2, e2 in _opcodes(wa, wb, "replace"):
        if not (_spelling_fix(wa[s1:e1], wb[s2:e2]) or marked and max(e1 - s1, e2 - s2) <= 3):
            return False
    return True


def _spelt(a: str, b: str) -> bool:
    """The same value, or one blank, or one name spelt two ways ("Marvin Recino", "Marvin Recinos")."""
    return _agree(a, b) or fuzz.ratio(a.casefold(), b.casefold()) >= NAME_SPELLING


def _one_part(a: str, b: str) -> bool:
    """Two ISO dates that differ in one of year, month and day: one corrected."""
    return sum(x != y for x, y in zip(a.split("-"), b.split("-"))) == 1


def _opcodes(wa: list[str], wb: list[str], kind: str):
    return [op for op in Levenshtein.opcodes(wa, wb) if op[0] == kind]


def _spelling_fix(old: list[str], new: list[str]) -> bool:
    """A replaced run of words is a spelling fix: a few words, alike, and no number changed."""
    if len(old) > 3 or len(new) > 3:
        return False
    a, b = " ".join(old), " ".join(new)
    if _DIGIT.search(a) or _DIGIT.search(b):
        return False  # "11" → "12", "[1/2]" → "[2/2]": another day, another picture
    return fuzz.ratio(a, b) >= SPELLING


def changes(old: dict, new: dict, limit: int = 200) -> str:
    """What differs from ``old`` to ``new``, word by word: "Recino → Recinos; added: They were …"
    (a field that changed first: "date: 2021-06-02 → 2021-06-03")."""
    out = []
    for name in ("date", "city", "country", "photographer", "agency"):
        if old[name] != new[name] and old[name] and new[name]:
            out.append(f"{name}: {old[name]} → {new[name]}")
    wa, wb = _SHOW_WORD.findall(old["description"]), _SHOW_WORD.findall(new["description"])
    fa = [" ".join(words(w)) for w in wa]
    fb = [" ".join(words(w)) for w in wb]
    for tag, s1, e1, s2, e2 in Levenshtein.opcodes(fa, fb):
        if tag == "equal":
            continue
        a, b = _short(wa[s1:e1]), _short(wb[s2:e2])
        out.append(f"{a} → {b}" if tag == "replace" else (f"added: {b}" if tag == "insert" else f"removed: {a}"))
    text = "; ".join(dict.fromkeys(out))
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _short(ws: list[str], most: int = 8) -> str:
    return " ".join(ws) if len(ws) <= most else " ".join(ws[:most - 2]) + " … " + ws[-1]


@dataclass
class Group:
    """One picture's versions: distinct captions (by their index), and the one chosen."""

    members: list[int]
    chosen: int


@dataclass
class Grouping:
    groups: list[Group] = field(default_factory=list)
    group_of: dict[int, int] = field(default_factory=dict)  # a grouped caption → its group's index


def group(sigs: Signatures, fetch, order=None) -> Grouping:
    """Group the distinct captions ``sigs`` describes.

    ``fetch(indices)`` returns the parsed rows of those captions (a dict: index → row); it is called
    once, with the candidates only. ``order[i]`` is caption i's place in the export (its first row);
    by default its index.
    """
    pairs = candidates(sigs)
    if not len(pairs):
        return Grouping()
    rows = fetch(sorted(set(pairs.ravel().tolist())))
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.get(i, i) != i:
            parent[i] = parent.get(parent[i], parent[i])
            i = parent[i]
        return i

    rank = sigs.rank
    for a, b in pairs.tolist():
        ra, rb = root(a), root(b)
        if ra == rb:
            continue
        if not same_picture(rows[a], rows[b], rank[a], rank[b]):
            continue
        # a chain may not join two captions that tell different pictures: the roots must agree too
        if (ra != a or rb != b) and not same_picture(rows[ra], rows[rb], rank[ra], rank[rb]):
            continue
        parent[max(ra, rb)] = min(ra, rb)
    members: dict[int, list[int]] = {}
    for i in parent:
        members.setdefault(root(i), []).append(i)
    out = Grouping()
    position = (lambda i: i) if order is None else (lambda i: order[i])
    for r in sorted(members):
        ms = sorted(set(members[r]) | {r}, key=position)
        chosen = max(ms, key=lambda i: (rank[i], position(i)))
        for i in ms:
            out.group_of[i] = len(out.groups)
        out.groups.append(Group(ms, chosen))
    return out
