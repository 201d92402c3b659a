"""Word-frequency lists of the Latin-script languages captions come in (wordfreq).

Used by the lost-letter repair (repair/lost.py): which words a damaged word (``Bogot?``,
``espa?ol``) can stand for, how common each is in the caption's languages, and
which languages a caption is written in (the share of its intact words that are
common words of each language).

Loaded once, lazily, the first time a caption has a lost letter: a caption with no
``?`` never reaches this module. wordfreq's "small" lists hold the words of each
language seen at least once per million words (Zipf frequency >= 3).
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

# wordfreq's languages written in the Latin script
LANGUAGES = ("en", "es", "pt", "fr", "de", "it", "ca", "nl", "sv", "da", "nb", "fi", "is", "pl", "cs", "sk",
             "sl", "sh", "hu", "ro", "tr", "lt", "lv", "vi", "id", "ms", "fil")
# languages whose short, accent-dense words fit almost any damaged short word: their words
# are candidates only in a caption written in them
ONLY_AT_HOME = ("vi",)
# ... or in a caption that names their country (its people's names are written in it)
HOME_NAMES = {"vi": ("vietnam", "viet nam", "vietnamese")}
# large lists: words down to this Zipf frequency (once per hundred million words)
RARE = 2.0
# a language's common words (its first PROFILE words by frequency) tell a caption's language
PROFILE = 3000
LOST = "?\ufffd"
# an abbreviation that drops letters for an apostrophe before its last consonant or two: int'l, gov't
# (not a possessive's 's, which the contraction rule restores)
_ELIDED = re.compile(r"[a-z]{2,}'(?!s$)[b-df-hj-np-tv-z]{1,2}")


def skeleton(word: str) -> str:
    """The word as a lossy encoder to ASCII writes it, lower case: every non-ASCII letter → ``?``."""
    return "".join("?" if (ord(ch) > 127 or ch in LOST) else ch for ch in word.lower())


class WordLists:
    """Non-ASCII words of every language indexed by :func:`skeleton`, with Zipf frequencies.

    ``index``: skeleton → ``"word:lang:zipf;word:lang:zipf"`` (one string per skeleton: a
    compact form that loads fast from the cache); ``common``: word → the languages among
    whose PROFILE most common words it is; ``english``: every English word of the small list;
    ``elided``: English abbreviations that drop letters for an apostrophe before a last consonant or
    two (``int'l``, ``nat'l``, ``gov't``, ``cont'd``), down to Zipf RARE.
    """

    def __init__(self, index: dict[str, str], common: dict[str, list[str]], english, elided=()) -> None:
        self.index = index
        self.common = common
        self.english = frozenset(english)
        self.elided = frozenset(elided)

    @classmethod
    def build(cls, lists: dict[str, list[list[str]]], large=()) -> "WordLists":
        """From wordfreq's small frequency lists (language → buckets of words, most frequent
        first) and (language, large list) pairs, read one at a time."""
        index: dict[str, list[str]] = {}

        def put(skel: str, entry: str) -> None:
            index.setdefault(skel, []).append(entry)

        common, english, elided = _walk(lists.items(), large, put)
        return cls({k: ";".join(v) for k, v in index.items()}, common, english, elided)

    def to_json(self) -> dict:
        return {"index": self.index, "common": self.common, "english": sorted(self.english),
                "elided": sorted(self.elided)}

    @classmethod
    def from_json(cls, raw: dict) -> "WordLists":
        return cls(raw["index"], raw["common"], raw["english"], raw.get("elided", ()))

    def candidates(self, token: str, allowed) -> dict[str, dict[str, float]]:
        """Words the damaged ``token`` can stand for → {language: zipf}; ``allowed(ch)`` bounds a lost letter."""
        low = token.lower()
        entry = self.index.get(skeleton(low))
        out: dict[str, dict[str, float]] = {}
        if not entry:
            return out
        for item in entry.split(";"):
            cand, lang, zipf = item.split(":")
            if len(cand) == len(low) and all(a == b or (a in LOST and allowed(b)) for a, b in zip(low, cand)):
                out.setdefault(cand, {})[lang] = float(zipf)
        return out

    def languages(self, words) -> dict[str, float]:
        """Each language's share of ``words`` (intact, lower case) that are among its common words."""
        counts: dict[str, int] = {}
        n = 0
        for w in words:
            if len(w) < 2:
                continue
            n += 1
            for lang in self.common.get(w, ()):
                counts[lang] = counts.get(lang, 0) + 1
        return {lang: c / n for lang, c in counts.items()} if n else {}


def _walk(lists, large, put) -> tuple[dict[str, list[str]], list[str], set[str]]:
    """Every index entry in order, as ``put(skeleton, "word:lang:zipf")``, from (language, small list)
    pairs, then (language, large list) pairs (each list read when its pair is taken, so a caller can
    hold one at a time); returns the common words, English's words and the elided abbreviations."""
    common: dict[str, list[str]] = {}
    elided: set[str] = set()
    english: list[str] = []
    for lang, buckets in lists:
        seen = 0
        for i, bucket in enumerate(buckets):
            if not bucket:
                continue
            zipf = 9.0 - i / 100
            if seen < PROFILE:
                for word in bucket:
                    common.setdefault(word, []).append(lang)
                seen += len(bucket)
            for word in bucket:
                if lang == "de" and word.count("ss") == 1:
                    # wordfreq folds German ß to ss (straßen → strassen): index the ß spelling too
                    ss = word.replace("ss", "ß")
                    put(skeleton(ss), f"{ss}:{lang}:{zipf:.2f}")
                if not word.isascii() and word.isalpha():
                    put(skeleton(word), f"{word}:{lang}:{zipf:.2f}")
        if lang == "en":
            english = [w for b in buckets for w in b]
    # rarer words (Zipf >= RARE) of the languages wordfreq has a large list for
    for lang, buckets in large:
        for i, bucket in enumerate(buckets[:int((9.0 - RARE) * 100) + 1]):
            zipf = 9.0 - i / 100
            if lang == "en":
                elided.update(w for w in bucket if _ELIDED.fullmatch(w))
            if zipf < 3.0:  # the small list has the rest
                for word in bucket:
                    if not word.isascii() and word.isalpha():
                        put(skeleton(word), f"{word}:{lang}:{zipf:.2f}")
    elided.update(w for w in english if _ELIDED.fullmatch(w))
    return common, english, elided


_FORMAT = 4  # 4: with the elided abbreviations; 2: an SQLite file, its index read on demand (1: JSON)


def _cache_path():
    """Where the built lists are kept (tables.cache_folder: the gazetteer's), named by everything
    that shapes them, so a new wordfreq or new settings build anew."""
    import hashlib
    from importlib import metadata

    from .tables import cache_folder

    folder = cache_folder()
    if folder is None:
        return None
    try:
        stamp = [str(_FORMAT), metadata.version("wordfreq"), ",".join(LANGUAGES), str(PROFILE), str(RARE)]
    except Exception:  # noqa: BLE001 - no cache rather than a wrong one
        return None
    digest = hashlib.sha1("|".join(stamp).encode()).hexdigest()[:16]
    return folder / f"wordlists-{digest}.sqlite"


class _DiskIndex:
    """The skeleton index in the SQLite cache, read a key at a time: half a million skeletons stay on
    disk instead of some 150 MB of memory (only damaged words are looked up). The connection is
    opened in the process that reads (never carried across a fork to a --jobs worker)."""

    def __init__(self, path) -> None:
        self.path = str(path)
        self._conn = None
        self._pid = None

    def _cursor(self):
        import sqlite3

        if self._conn is None or self._pid != os.getpid():
            self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._conn

    def get(self, key: str, default=None):
        row = self._cursor().execute("SELECT entries FROM idx WHERE skel = ?", (key,)).fetchone()
        return row[0] if row else default

    def items(self):
        return self._cursor().execute("SELECT skel, entries FROM idx").fetchall()


def _read_cache(path) -> WordLists | None:
    """The lists from the SQLite cache (common words and English in memory, the index on disk), or
    None when there is none or it is damaged (it is then rebuilt)."""
    if path is None or not os.path.isfile(path):
        return None
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            common: dict[str, list[str]] = {}
            for word, langs in conn.execute("SELECT word, langs FROM common"):
                common[word] = langs.split(",")
            english = [w for (w,) in conn.execute("SELECT word FROM english")]
            elided = [w for (w,) in conn.execute("SELECT word FROM elided")]
            if conn.execute("SELECT skel FROM idx LIMIT 1").fetchone() is None:
                return None
        finally:
            conn.close()
    except Exception:  # noqa: BLE001 - a missing or damaged cache is rebuilt
        return None
    return WordLists(_DiskIndex(path), common, english, elided)


def _write_tables(conn, index_rows, common, english, elided) -> None:
    conn.execute("CREATE TABLE idx (skel TEXT PRIMARY KEY, entries TEXT) WITHOUT ROWID")
    conn.execute("CREATE TABLE common (word TEXT PRIMARY KEY, langs TEXT) WITHOUT ROWID")
    conn.execute("CREATE TABLE english (word TEXT PRIMARY KEY) WITHOUT ROWID")
    conn.execute("CREATE TABLE elided (word TEXT PRIMARY KEY) WITHOUT ROWID")
    conn.executemany("INSERT INTO idx VALUES (?, ?)", index_rows)
    conn.executemany("INSERT INTO common VALUES (?, ?)", ((w, ",".join(v)) for w, v in common.items()))
    conn.executemany("INSERT INTO english VALUES (?)", ((w,) for w in english))
    conn.executemany("INSERT INTO elided VALUES (?)", ((w,) for w in elided))


def _write_cache(path, lists: WordLists) -> None:
    """Write the SQLite cache atomically (tables.write_cache); never fails the caller."""
    import sqlite3

    from .tables import write_cache

    def write(tmp: str) -> None:
        conn = sqlite3.connect(tmp)
        try:
            with conn:
                _write_tables(conn, lists.index.items(), lists.common, lists.english, lists.elided)
        finally:
            conn.close()

    write_cache(path, "wordlists", write)


_BATCH = 50_000


def _stream_cache(path, lists, large) -> None:
    """Build the SQLite cache straight from the lists, never holding the index in memory: each entry
    goes to a temporary table as it is read (in order), and the index is then written from it a
    skeleton at a time, its entries joined in the order they came (WordLists.build's index, with
    some 250 MB less at the peak: a first run on a big export stayed under 400 MB). Atomic
    (tables.write_cache); never fails the caller."""
    import sqlite3
    from itertools import groupby

    from .tables import write_cache

    def write(tmp: str) -> None:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA temp_store = FILE")
            with conn:
                conn.execute("CREATE TEMP TABLE raw (seq INTEGER PRIMARY KEY, skel TEXT, entry TEXT)")
                batch: list[tuple[str, str]] = []

                def put(skel: str, entry: str) -> None:
                    batch.append((skel, entry))
                    if len(batch) >= _BATCH:
                        conn.executemany("INSERT INTO raw (skel, entry) VALUES (?, ?)", batch)
                        batch.clear()

                common, english, elided = _walk(lists, large, put)
                conn.executemany("INSERT INTO raw (skel, entry) VALUES (?, ?)", batch)
                conn.execute("CREATE INDEX temp.raw_order ON raw (skel, seq)")
                rows = conn.cursor().execute("SELECT skel, entry FROM raw ORDER BY skel, seq")
                grouped = ((skel, ";".join(entry for _, entry in group)) for skel, group in groupby(rows, key=lambda r: r[0]))
                _write_tables(conn, grouped, common, english, elided)
                conn.execute("DROP TABLE temp.raw")
        finally:
            conn.close()

    write_cache(path, "wordlists", write)


class outside_budget:  # noqa: N801 - used as ``with outside_budget():``
    """Pause the caption's time budget (timed_regex) for a one-time load inside it.

    The word lists (and the gazetteer) are loaded by the first caption that needs them,
    which may be inside ``parse_caption``'s budget of a few seconds: the load is no
    pattern running away, so its time is not counted. The alarm timer is stopped and
    restarted with the time that was left; a deadline is moved on by the time taken.
    """

    def __enter__(self) -> None:
        import signal
        import time

        from . import timed_regex as tr

        self.start = time.monotonic()
        self.left = None
        if tr._ALARM["armed"] and tr._HAS_TIMER:
            self.left = signal.getitimer(tr.TIMER)[0]
            signal.setitimer(tr.TIMER, 0)
        self.deadline = tr._DEADLINE.get()

    def __exit__(self, *exc) -> None:
        import signal
        import time

        from . import timed_regex as tr

        if self.left is not None and tr._ALARM["armed"]:
            signal.setitimer(tr.TIMER, max(self.left, 0.001))
        if self.deadline is not None:
            # the budget's own exit resets the variable to what it was before the budget
            tr._DEADLINE.set(self.deadline + (time.monotonic() - self.start))


@lru_cache(maxsize=1)
def word_lists() -> WordLists | None:
    with outside_budget():
        return _load_word_lists()


def _load_word_lists() -> WordLists | None:
    """The lists (from the cache when it is there), or None when wordfreq is not installed
    (the repair then uses the gazetteer and the export's vocabulary alone)."""
    from importlib.util import find_spec

    if find_spec("wordfreq") is None:  # pragma: no cover - wordfreq is a dependency
        return None
    path = _cache_path()
    cached = _read_cache(path)
    if cached is not None:  # (wordfreq itself not imported: ~0.1 s of CPU a process, with ftfy and langcodes)
        return cached
    import wordfreq

    if path is not None:  # built into the cache, a list at a time, and read from it
        _stream_cache(path, *_lists(wordfreq))
        cached = _read_cache(path)
        if cached is not None:
            return cached
    lists, large = _lists(wordfreq)  # no cache (none wanted, or it cannot be written): built in memory
    return WordLists.build(dict(lists), large)


def _lists(wordfreq):
    """(language, small list) pairs, each read when it is taken (not through wordfreq's own cache, which
    would keep every list for the process), and the (language, large list) pairs of the languages whose
    small list was read, the same way."""
    read: list[str] = []

    def small():
        available = wordfreq.available_languages(wordlist="small")
        for lang in LANGUAGES:
            try:
                buckets = (wordfreq.read_cBpack(available[lang]) if lang in available
                           else wordfreq.get_frequency_list(lang, wordlist="small"))
            except (LookupError, ValueError):  # pragma: no cover - a language wordfreq dropped
                continue
            read.append(lang)
            yield lang, buckets

    def large():
        # only their rarer non-ASCII words are kept
        have_large = wordfreq.available_languages(wordlist="large")
        for lang in read:
            if lang in have_large:
                yield lang, wordfreq.read_cBpack(str(have_large[lang]))

    return small(), large()
