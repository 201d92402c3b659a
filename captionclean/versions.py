"""Versions of one picture's caption: re-sends, corrections and near-repeats grouped.

Exact repeats are merged by the dedupe key (:mod:`captionclean.clean`); this module finds the
distinct captions that are versions of one picture: a wire's ``REFILE - CORRECTING SPELLING OF NAME``,
an AP ``CORRECTS DATE``, a trimmed trailer, one more sentence, a typo fixed.

It never compares all pairs. Each distinct caption gets a :class:`Signature` while it is parsed: four
cheap block keys (the first four words of its description, the next four, its last five, its
photographer with its date and city) and small fingerprints of the fields a version may not change (date, place, photographer,
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
import re
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
BLOCK_WORDS = 5  # the last words of a description make a block key
HEAD_WORDS = 4  # its first four, and the next four, make two more
CORRECTS = 2  # a notice of this rank says something was corrected: the fields may differ

_WORD = re.compile(r"[^\W_]+")  # letters and digits (the re module: faster than regex here)
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

    head: int  # the first four words of the description (0: too few words)
    next: int  # its next four: one word changed leaves one of the two, words added at the end both
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
        head=0 if few else _h64(" ".join(w[:HEAD_WORDS])),
        next=0 if few else _h64(" ".join(w[HEAD_WORDS:2 * HEAD_WORDS])),
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
    """The signatures of the distinct captions, in order, as compact arrays (61 bytes each).

    With ``spill``, all but the last :attr:`SPILL` wait in a temporary file until :meth:`load`
    (grouping reads them back after the table's repeat maps are gone): the signatures of a
    million distinct captions (about 40 MB) are then not held while the export is parsed."""

    KEYS = ("head", "next", "last", "credit")
    FIELDS = ("date", "city", "city_name", "country", "photographer", "name", "agency")
    SPILL = 1 << 16  # signatures held in memory before they go to the file

    def __init__(self, spill: bool = False):
        self.arrays = {k: array("q") for k in self.KEYS}
        self.arrays.update({k: array("i") for k in self.FIELDS})
        self.rank = array("b")
        self._spill = spill
        self._file = None
        self._spilled: list[int] = []  # the size of each block in the file

    def append(self, sig: Signature) -> None:
        for k, a in self.arrays.items():
            a.append(getattr(sig, k))
        self.rank.append(sig.rank)
        if self._spill and len(self.rank) >= self.SPILL:
            self._flush()

    def _flush(self) -> None:
        import tempfile

        if self._file is None:
            self._file = tempfile.TemporaryFile()
        for k in self.arrays:
            self.arrays[k].tofile(self._file)
            self.arrays[k] = array(self.arrays[k].typecode)
        self.rank.tofile(self._file)
        self._spilled.append(len(self.rank))
        self.rank = array("b")

    def load(self) -> None:
        """Every signature in :attr:`arrays` and :attr:`rank` again (the spilled ones read back, in order)."""
        if self._file is None:
            return
        f, self._file = self._file, None
        f.seek(0)
        tail = self.arrays, self.rank
        self.arrays = {k: array(a.typecode) for k, a in tail[0].items()}
        self.rank = array("b")
        for n in self._spilled:
            for a in self.arrays.values():
                a.fromfile(f, n)
            self.rank.fromfile(f, n)
        f.close()
        self._spilled = []
        for k, a in tail[0].items():
            self.arrays[k].extend(a)
        self.rank.extend(tail[1])

    def release(self) -> None:
        """Drop the block keys and fields (grouping needs only the ranks once the pairs are found)."""
        self.load()
        self.arrays = {k: array(a.typecode) for k, a in self.arrays.items()}

    def __len__(self) -> int:
        return sum(self._spilled) + len(self.rank)


def candidates(sigs: Signatures, window: int = WINDOW):
    """Pairs (earlier, later) of distinct captions that may be versions of one picture: they share
    a block key and their fields agree (or are blank, or one carries a correction notice).

    An integer array of shape (n, 2), each pair once, sorted; linear in the number of captions.
    """
    import numpy as np

    sigs.load()
    n = len(sigs)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int32)
    rank = np.frombuffer(sigs.rank, dtype=np.int8)
    arrays = {k: np.frombuffer(sigs.arrays[k], dtype=np.int32) for k in sigs.FIELDS}
    index_type = np.int32 if n < 2**31 else np.int64  # half the memory for the pairs
    found = []
    for k in sigs.KEYS:
        key = np.frombuffer(sigs.arrays[k], dtype=np.int64)
        order = np.argsort(key, kind="stable")  # a block's captions stay in export order
        sorted_key = key[order]
        order = order.astype(index_type)
        for lag in range(1, window + 1):
            same = (sorted_key[lag:] == sorted_key[:-lag]) & (sorted_key[lag:] != 0)
            a, b = order[:-lag][same], order[lag:][same]
            if len(a):
                keep = _fields_agree(arrays, rank, a, b)
                a, b = a[keep].astype(np.int64), b[keep]
                found.append(np.unique(np.minimum(a, b) << 32 | np.maximum(a, b)))  # (earlier, later), one number
        del key, order, sorted_key
    if not found:
        return np.zeros((0, 2), dtype=index_type)
    pairs = np.unique(np.concatenate(found))  # each pair once, sorted (fewer than 2**32 captions)
    del found
    return np.stack([pairs >> 32, pairs & 0xFFFFFFFF], axis=1).astype(index_type)


def _fields_agree(arrays: dict, rank, a, b):
    """Which pairs' fields agree (or are blank); with a correction notice, a date may differ in one
    part and a city may differ within its country."""
    import numpy as np

    marked = (rank[a] >= CORRECTS) | (rank[b] >= CORRECTS)

    def agree(name):
        v = arrays[name]
        return (v[a] == v[b]) | (v[a] == 0) | (v[b] == 0)

    date = arrays["date"]
    da, db = date[a], date[b]
    parts = ((da // 10000 != db // 10000).astype(np.int8) + (da // 100 % 100 != db // 100 % 100)
             + (da % 100 != db % 100))
    date_ok = agree("date") | (marked & (parts == 1))  # a corrected date: one of year, month, day
    city_ok = agree("city") | agree("city_name") | (marked & agree("country"))
    return date_ok & city_ok & agree("country") & agree("agency") & (agree("photographer") | agree("name"))


def _agree(a: str, b: str) -> bool:
    return not a or not b or a.casefold() == b.casefold()


LIGHT = ("description", "date", "city", "country", "agency", "photographer", "distributor")  # what comparing reads


class Text:
    """A row's fields as compared, and its description's words (case folded, no punctuation) joined
    by spaces, with a byte per word: 1 when it ends a sentence; made once per caption, compact
    (a candidate may wait long for its partner)."""

    __slots__ = ("row", "joined", "ends")

    def __init__(self, row: dict):
        self.row = {k: row[k] for k in LIGHT}
        words, ends = [], []
        for word in _TOKEN.findall(row["description"].casefold()):
            if word:
                words.append(word)
                ends.append(0)
            elif ends:
                ends[-1] = 1
        self.joined = " ".join(words)
        self.ends = bytes(ends)

    @property
    def words(self) -> list[str]:
        return self.joined.split(" ") if self.joined else []


_TOKEN = re.compile(r"([^\W_]+)|[.!?]")


def same_picture(a: dict, b: dict, rank_a: int = -1, rank_b: int = -1) -> bool:
    """Whether two parsed rows are versions of one picture.

    Never when their country or agency differ, or their photographers are not one name spelt two
    ways; their dates must agree (with a correction notice: differ in one part, a typo) and their
    cities too (one spelt two ways; any, with a notice). Their descriptions must be alike (see
    ``SIMILARITY`` and ``CONTAINED``), each run of words replaced a spelling fix, and each run added
    or removed whole sentences (with a notice: or at most three words, a corrected name or date)."""
    return _same(Text(a), Text(b), max(rank_a, rank_b) >= CORRECTS)


def _same(ta: Text, tb: Text, marked: bool) -> bool:
    a, b = ta.row, tb.row
    if not (_agree(a["country"], b["country"]) and _agree(a["agency"], b["agency"])
            and _spelt(a["photographer"], b["photographer"])):
        return False
    if not (_agree(a["date"], b["date"]) or marked and _one_part(a["date"], b["date"])):
        return False
    if not (_spelt(a["city"], b["city"]) or marked):
        return False
    if min(len(ta.ends), len(tb.ends)) < MIN_WORDS:
        return False
    wa, wb = ta.words, tb.words
    ops = None
    if not fuzz.ratio(ta.joined, tb.joined, score_cutoff=SIMILARITY):
        ops = Levenshtein.opcodes(wa, wb)
        kept = sum(e - s for tag, s, e, _, _ in ops if tag == "equal")
        if kept < CONTAINED * min(len(wa), len(wb)):
            return False
    for tag, s1, e1, s2, e2 in ops if ops is not None else Levenshtein.opcodes(wa, wb):
        if tag == "replace":
            ok = _spelling_fix(wa[s1:e1], wb[s2:e2]) or marked and max(e1 - s1, e2 - s2) <= 3
        elif tag == "insert":
            ok = _whole_sentences(tb.ends, s2, e2) or marked and e2 - s2 <= 3
        elif tag == "delete":
            ok = _whole_sentences(ta.ends, s1, e1) or marked and e1 - s1 <= 3
        else:
            continue
        if not ok:
            return False
    return True


def _whole_sentences(ends: bytes, start: int, end: int) -> bool:
    """Words start:end are whole sentences (one more sentence, one less) or the text's tail (a
    sentence or trailer added at the end); not words within a sentence ("leaves after speaking")."""
    return end == len(ends) or (start == 0 or ends[start - 1]) and ends[end - 1]


def _spelt(a: str, b: str) -> bool:
    """The same value, or one blank, or one name spelt two ways: word for word, each word the same
    or alike ("Marvin Recino", "Marvin Recinos"; not "Ana Helga Diaz", "Ana Omar Diaz")."""
    if _agree(a, b):
        return True
    wa, wb = words(a), words(b)
    return len(wa) == len(wb) and all(x == y or fuzz.ratio(x, y) >= NAME_SPELLING for x, y in zip(wa, wb))


def _one_part(a: str, b: str) -> bool:
    """Two ISO dates that differ in one of year, month and day: one corrected."""
    return sum(x != y for x, y in zip(a.split("-"), b.split("-"))) == 1


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
    for name in ("date", "city", "country", "photographer", "agency", "distributor"):
        if old[name] != new[name]:
            out.append(f"{name}: {old[name] or '(none)'} → {new[name] or '(none)'}")
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


def join_changes(items, limit: int = 500) -> str:
    """Several versions' changes as one cell: each once, ` | `-separated, at most ``limit`` characters."""
    text = " | ".join(dict.fromkeys(c for c in items if c))
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
    rows: dict[int, dict] = field(default_factory=dict)  # a grouped caption → its fields (LIGHT)
    full: dict[int, dict] = field(default_factory=dict)  # a chosen version → its row as fetch gave it


def group(sigs: Signatures, fetch, order=None, release: bool = False) -> Grouping:
    """Group the distinct captions ``sigs`` describes.

    ``fetch(wanted)`` (``wanted``: a numpy bool array, True for the candidates) yields ``(index, row)``
    for at least those, in index order; a row needs the ``LIGHT`` fields. Each pair is confirmed when
    its later caption arrives, and a caption's words are kept only until its last pair is done (a
    grouped caption keeps its ``LIGHT`` fields): memory follows the candidates waiting for a partner
    and the groups, not the export. A second ``fetch`` brings the whole rows of the chosen versions
    (``Grouping.full``). ``order[i]`` is caption i's place in the export (its first row); by
    default its index. ``release``: the signatures' keys and fields are dropped once the pairs are
    found (the ranks stay), so their memory is free while the rows are fetched.
    """
    import numpy as np

    pairs = candidates(sigs)
    if release:
        sigs.release()
    if not len(pairs):
        return Grouping()
    pairs = pairs[np.lexsort((pairs[:, 0], pairs[:, 1]))]  # by the later caption
    later, earlier = np.ascontiguousarray(pairs[:, 1]), np.ascontiguousarray(pairs[:, 0])
    del pairs
    n = len(sigs)
    wanted = np.zeros(n, dtype=bool)
    wanted[later] = True
    wanted[earlier] = True
    last = np.zeros(n, dtype=later.dtype)  # each candidate's last pair (by its later caption)
    np.maximum.at(last, earlier, later)
    np.maximum.at(last, later, later)
    by_last = np.flatnonzero(wanted)
    by_last = by_last[np.argsort(last[by_last], kind="stable")]
    # the k-th caption that is the later one of some pairs: its own, earlier[starts[k]:starts[k + 1]]
    starts = np.flatnonzero(np.r_[True, later[1:] != later[:-1], True])
    pair_of = later[starts[:-1]]
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.get(i, i) != i:
            parent[i] = parent.get(parent[i], parent[i])
            i = parent[i]
        return i

    rank = sigs.rank
    position = (lambda i: i) if order is None else (lambda i: order[i])
    waiting: dict[int, Text] = {}
    roots: dict[int, Text] = {}  # a group's root: its text (the chain test compares roots)
    rows: dict[int, dict] = {}  # a grouped caption: its LIGHT fields
    best: dict[int, tuple] = {}  # a group's root: (rank, position, caption) of its choice
    done = 0  # by_last[:done] are no longer waiting
    k = 0  # the k-th distinct later caption
    for i, row in fetch(wanted):
        if not wanted[i]:
            continue
        waiting[i] = tb = Text(row)
        while k < len(pair_of) and pair_of[k] < i:  # a caption fetch did not give: its pairs unconfirmed
            k += 1
        if k < len(pair_of) and pair_of[k] == i:  # captions come in order, as the pairs do
            start, end = starts[k], starts[k + 1]
            k += 1
            for a in earlier[start:end].tolist():
                ra, rb = root(a), root(i)
                if ra == rb:
                    continue
                ta = waiting[a]  # waiting: its last pair is this one or later
                if not _same(ta, tb, max(rank[a], rank[i]) >= CORRECTS):
                    continue
                # a chain may not join two captions that tell different pictures: the roots must agree too
                if (ra != a or rb != i) and not _same(roots.get(ra) or waiting[ra], roots.get(rb) or waiting[rb],
                                                     max(rank[ra], rank[rb]) >= CORRECTS):
                    continue
                keep, gone = min(ra, rb), max(ra, rb)
                parent[gone] = keep
                for c, t in ((a, ta), (i, tb)):
                    if c not in rows:
                        rows[c] = t.row
                choice = max(best.get(ra) or (rank[ra], position(ra), ra), best.get(rb) or (rank[rb], position(rb), rb),
                             key=lambda c: c[:2])
                best.pop(gone, None)
                best[keep] = choice
                roots[keep] = roots.get(keep) or waiting[keep]
                roots.pop(gone, None)
        while done < len(by_last) and last[by_last[done]] <= i:
            waiting.pop(int(by_last[done]), None)
            done += 1
    members: dict[int, list[int]] = {}
    for i in parent:
        members.setdefault(root(i), []).append(i)
    out = Grouping(rows=rows)
    if members:
        chosen_ones = np.zeros(n, dtype=bool)
        chosen_ones[[best[r][2] for r in members]] = True
        for i, row in fetch(chosen_ones):
            if chosen_ones[i]:
                out.full[i] = dict(row)  # a copy: the caller may change its rows as it writes them
    for r in sorted(members):
        ms = sorted(set(members[r]) | {r}, key=position)
        chosen = best[r][2]
        for i in ms:
            out.group_of[i] = len(out.groups)
        out.groups.append(Group(ms, chosen))
    return out
