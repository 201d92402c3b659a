"""The core both engines share: parse each distinct text once, group repeats (and versions of one
picture), complete dates from context, and count what a run did.

The local engine (:mod:`captionclean.engine.local`) feeds :class:`Table` chunks of rows
(:func:`build`): each chunk's captions are parsed (in worker processes with ``jobs`` > 1, results kept
in input order), repeats are found by a 12-byte key, and the finished records wait in a spill file
until the end, when each group's size and rows are known and the table's rows come out in one pass.
Memory holds only the keys and a few integers per row, whatever the input size; the output does not
depend on ``jobs`` or the chunk size. The Dask engine (:mod:`captionclean.engine.dask`) parses
partitions with :func:`parse_texts`, groups a shuffled partition with :func:`group_frame`, counts with
:func:`tally_frame` and completes dates and versions with the same functions. Both report what they
did in one :class:`Summary`, whose :meth:`Summary.lines` is the one summary format.

Nothing here reads or writes files: readers yield rows to the engines, the core turns them into the
table's rows, writers write them. A row in is anything with the fields of ``captionclean.read.InputRow``
(text, source_row, gallery, extra, repairs, warnings).
"""
from __future__ import annotations

import gc
import hashlib
import pickle
import re
import sys
import tempfile
from array import array
from collections import Counter, defaultdict, deque
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Iterable, Iterator

import regex

from . import doubt
from .grammar.rules import qualify
from .keyindex import KeyIndex
from .parse import FIELDS, ROW_TAIL, Caption, load_tables, parse_caption, parse_many
from .repair import RepairOptions
from .tables import load_agencies
from .versions import MODES, Signatures, changes, join_changes, signature
from .versions import group as group_versions

COLUMNS = ["gallery"] + FIELDS + ["occurrences", "source_rows"] + ROW_TAIL
# the columns versions add (after the others): per mode
VERSION_COLUMNS = {"group": ["versions", "version_rows", "changes"], "all": ["versions", "version_of", "changes"]}
_KEY_STRIP = regex.compile(r"[\W_]+")
_KEY_STRIP_ASCII = re.compile(r"[\W_]+", re.ASCII)  # the same on ASCII text, and faster
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
# exact texts remembered to skip parsing a repeat again; past this many, repeats are re-parsed
RAW_MEMORY = 1_000_000
# parses remembered for repeats that keep their own rows (keep_duplicates, gallery rows)
PARSED_MEMORY = 10_000
# characters: a longer "caption" (a file with no line breaks, a field swallowing the rest of a
# damaged CSV) is kept whole in ``caption``, unrepaired and unparsed, with an ``oversized`` warning,
# so the work per row stays bounded
MAX_CAPTION = 64 * 1024


_WINDOW = 1 << 20  # characters: a long text is keyed a window at a time (no whole-text copies)


def dedupe_key(text: str) -> bytes:
    """A compact key: the caption with case, whitespace and punctuation removed, hashed."""
    if len(text) > _WINDOW:
        # the same key, a window at a time: casefolding and dropping [\W_] work character by character
        h = hashlib.blake2b(digest_size=12)
        for i in range(0, len(text), _WINDOW):
            h.update(_key_text(text[i:i + _WINDOW]).encode("utf-8", "surrogatepass"))
        return h.digest()
    if text.isascii():  # most captions: the same bytes by one C pass over them (4x faster than the pattern)
        return hashlib.blake2b(text.encode("ascii").translate(_ASCII_LOWER, _ASCII_NOT_ALNUM), digest_size=12).digest()
    return hashlib.blake2b(_key_bytes(text), digest_size=12).digest()


_ASCII_DIGITS = b"0123456789"


def _key_bytes(text: str) -> bytes:
    """``_key_text(text).encode("utf-8", "surrogatepass")``, the ASCII characters dropped from the UTF-8
    bytes in one C pass (a multi-byte character's bytes are all non-ASCII: no character is cut), and
    the pattern run on what is left only when that holds a character other than a letter (every
    str.isalpha character is a word character for the pattern: tests/test_glue_shortcuts.py checks
    every code point). A pattern run on the whole text makes one replacement per space or mark."""
    kept = text.casefold().encode("utf-8", "surrogatepass").translate(None, _ASCII_NOT_ALNUM)
    if kept.isascii() or kept.translate(None, _ASCII_DIGITS).decode("utf-8", "surrogatepass").isalpha():
        return kept  # (ASCII letters and digits, and letters: nothing more to drop)
    return _KEY_STRIP.sub("", kept.decode("utf-8", "surrogatepass")).encode("utf-8", "surrogatepass")


# _key_text on ASCII text as a bytes.translate: casefold is lower() there, and the ASCII [\W_] is every
# character but [A-Za-z0-9] (deleted first; the capitals left are then lowered)
_ASCII_NOT_ALNUM = bytes(b for b in range(128) if not chr(b).isalnum())
_ASCII_LOWER = bytes.maketrans(bytes(range(65, 91)), bytes(range(97, 123)))


def _key_text(text: str) -> str:
    folded = text.casefold()
    strip = _KEY_STRIP_ASCII if folded.isascii() else _KEY_STRIP
    return strip.sub("", folded)


def _text_key(text: str) -> bytes:
    if len(text) > _WINDOW:
        h = hashlib.blake2b(digest_size=12)
        for i in range(0, len(text), _WINDOW):
            h.update(text[i:i + _WINDOW].encode("utf-8", "surrogatepass"))
        return h.digest()
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).digest()


FIRST_PHOTO_YEAR = 1826  # the oldest surviving photograph: no caption dates a photo earlier


def check_year(year: int | None) -> int | None:
    """``year`` if a photo can have been taken in it (four digits, 1826 to next year), else ValueError."""
    if year is None:
        return None
    latest = date.today().year + 1
    if not FIRST_PHOTO_YEAR <= year <= latest:
        if 0 <= year < 100:
            raise ValueError(f"year {year}: give the year in full, four digits (e.g. {2000 + year if year <= latest % 100 else 1900 + year})")
        raise ValueError(f"year {year} is not a year a photo can have been taken in ({FIRST_PHOTO_YEAR}–{latest})")
    return year


@dataclass
class Summary:
    """What a run did, counted: the one report of both engines and every command that cleans.
    :meth:`lines` is the one summary format (``read N rows = written + duplicates merged + …``)."""

    rows_read: int = 0
    captions: int = 0  # rows with a caption (not blank)
    unique: int = 0  # distinct texts, the blank one included: rows of the merged table
    unique_captions: int = 0  # distinct captions, blank rows not counted
    duplicates_merged: int = 0
    versions_grouped: int = 0  # distinct captions folded into another version of their picture
    versions_marked: int = 0  # older versions kept as rows, pointing at the chosen one (version_of)
    repairs: int = 0
    repaired_captions: int = 0
    no_credit: int = 0
    rows_with_warnings: int = 0  # input rows whose record has a warning (each row is kept)
    doubtful: int = 0  # rows of the table with a doubt (captionclean.doubt)
    left_out: int = 0  # rows of the table not written: no doubt, with Options.only_doubtful
    warnings: list[str] = field(default_factory=list)
    format: str = ""
    encoding: str = ""
    # how the table was written (the engine says)
    kept_duplicates: bool = False  # every input row kept (repeats marked in duplicate_of, not merged)
    files: int = 1
    columns: tuple[str, ...] | None = None  # the written table's columns, if not all of them
    embedded_disagreements: int = 0  # file fields (exiftool inputs) that disagree with the caption
    written_format: str = ""

    @property
    def blank_rows(self) -> int:
        """Input rows with no caption (empty or only spaces)."""
        return self.rows_read - self.captions

    @property
    def merged(self) -> int:
        """Input rows merged into an earlier row with the same text (none when every row is kept)."""
        return 0 if self.kept_duplicates else self.duplicates_merged

    @property
    def written(self) -> int:
        """Rows of the table written: every row read is written, merged, grouped or left out."""
        return self.rows_read - self.merged - self.versions_grouped - self.left_out

    def lines(self) -> list[str]:
        """The summary of the run, one item a line (the CLI joins them with ``; `` on stderr)."""
        left = f" + {self.left_out} without doubt left out" if self.left_out else ""
        grouped = f" + {self.versions_grouped} versions grouped" if self.versions_grouped else ""
        out = [f"read {self.rows_read} rows = {self.written} written + {self.merged} duplicates merged"
               f"{grouped}{left}",
               f"captions: {self.captions}, unique: {self.unique_captions}"
               + (f", blank rows: {self.blank_rows}" if self.blank_rows else "")]
        # only what the written table holds: the exiftool table has no duplicate_of, no doubt
        columns = None if self.columns is None else set(self.columns)
        if self.merged == 0 and self.duplicates_merged and (columns is None or "duplicate_of" in columns):
            out.append(f"{self.duplicates_merged} repeats marked in duplicate_of")
        if self.versions_marked:
            out.append(f"{self.versions_marked} older versions marked in version_of")
        out.append(f"repairs: {self.repairs} in {self.repaired_captions} captions")
        out.append(f"captions with no credit found: {self.no_credit}")
        if columns is None or "warnings" in columns:
            out.append(f"rows with warnings: {self.rows_with_warnings}")
        if columns is None or "doubt" in columns:
            out.append(f"doubtful rows: {self.doubtful}")
        if self.embedded_disagreements:
            out.append(f"file fields that disagree with the caption: {self.embedded_disagreements}"
                       " (see embedded_disagrees in warnings)")
        if self.files > 1:
            out.append(f"{self.files} files")
        out.append(f"input: {self.format}, {self.encoding}")
        return out

    def sections(self) -> list[tuple[str, object]]:
        """The counts as (name, value) pairs: the ``rows`` section of ``captionclean stats``."""
        out = [
            ("rows read", self.rows_read),
            ("captions", self.captions),
            ("unique", self.unique_captions),
            ("duplicates merged", self.duplicates_merged),
            ("captions with no credit", self.no_credit),
            ("doubtful rows", self.doubtful),
        ]
        if self.blank_rows:
            out.insert(3, ("blank rows", self.blank_rows))
        return out


@dataclass
class Options:
    keep_duplicates: bool = False
    repair: bool = True
    straight_quotes: bool = False
    year: int | None = None
    agencies: tuple[str, ...] = ()
    # (canonical agency name, the house's name for it), from the settings file
    house_names: tuple[tuple[str, str], ...] = ()
    # words spelt right elsewhere in the export, to restore lost letters (``Acu?a`` → ``Acuña``);
    # built from the whole input before parsing unless given or export_vocabulary=False
    export_vocabulary: bool = True
    vocabulary: object = field(default=None, compare=False, repr=False)
    # write only the rows with a doubt (the rest are counted in Summary.left_out)
    only_doubtful: bool = False
    # versions of one picture (captionclean.versions): "off"; "group" (one row per picture, its
    # chosen version); "all" (every version a row, older ones pointing at it in version_of).
    # keep_duplicates keeps every row: with it, "group" marks versions as "all" does
    versions: str = "off"

    def __post_init__(self) -> None:
        check_year(self.year)
        if self.versions not in MODES:
            raise ValueError(f"unknown versions mode {self.versions!r}: use {', '.join(MODES)}")

    @property
    def versions_mode(self) -> str:
        return "all" if self.versions == "group" and self.keep_duplicates else self.versions


def with_vocabulary(options: Options, texts: Iterable[str]) -> Options:
    """``options`` with the export's vocabulary: the accented words of all its captions."""
    if not options.repair or not options.export_vocabulary or options.vocabulary is not None:
        return options
    from .repair import Vocabulary

    return replace(options, vocabulary=Vocabulary.from_texts(t for t in texts if len(t) <= MAX_CAPTION))


def unparsed(text: str) -> Caption:
    """The record of a text too long to be a caption: kept whole, fields blank, and why."""
    return Caption(caption=text, warnings=[
        f"oversized: {len(text):,} characters, over the {MAX_CAPTION:,} a caption may have; "
        "kept whole in caption, not repaired or parsed"])


_SETTLED = {"loaded": False, "frozen": False}
# the CLI's processes freeze the tables (cli.main sets this; --jobs workers inherit it): a library call
# leaves the caller's collector alone, as gc.freeze() would hold every object the caller has alive then
FREEZE_TABLES = {"on": False}
# the cyclic collector's first threshold in the CLI's processes (CPython's is 700 allocations). A caption's
# parse makes thousands of short-lived containers: at 700 the collector runs several times a caption, and
# each run moves what is alive then (the record being built, the chunk's rows) to an older generation that
# is scanned again; loading the tables (before they are frozen) set off a full collection every quarter more
# objects. At this threshold most of them are gone by reference count before any scan: on the 10,000-row
# b10k export the collector's CPU time falls from ~0.35 s to ~0.13 s (6 full collections to the one before
# the freeze), peak memory the same. At 20,000 a run still spent ~4% in the collector on a real archive (the
# 60k low-reuse export: 0.85 s of 20 s, ~150 runs): each finds a chunk's parses and rows alive, a full chunk
# being some hundred thousand containers, and moves them on to be scanned again. At 500,000 no run comes
# between the freeze and the end of that export (0.85 -> 0.10 s, the runs during the imports), peak memory
# 197 -> 206 MB; the garbage the collector could find waits at most this many allocations.
GC_THRESHOLD = 500_000


def own_process() -> None:
    """Settings for a process that is the tool's own (``cli.main``; ``--jobs`` workers inherit them): the
    tables frozen once loaded (:func:`settle_tables`) and the collector's first threshold raised to
    :data:`GC_THRESHOLD`. A library call changes neither: the caller's collector is the caller's."""
    FREEZE_TABLES["on"] = True
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


def settle_tables(options: Options) -> None:
    """Load the grammar's tables once in this process and, in the CLI's processes, move them out of
    the cyclic garbage collector's reach (``gc.freeze``).

    The tables are ~130,000 tracked objects that live as long as the process; every full collection
    during a batch would scan them all again (~50 ms each) for nothing. Garbage present beforehand is
    collected first, so nothing that was already unreachable is kept; records made afterwards are
    tracked and collected as usual. Once per process (a forked ``--jobs`` worker inherits it)."""
    if not _SETTLED["loaded"]:
        load_tables()
        load_agencies(tuple(options.agencies), tuple(options.house_names))
        _SETTLED["loaded"] = True
    if FREEZE_TABLES["on"] and not _SETTLED["frozen"]:
        gc.collect()
        gc.freeze()
        _SETTLED["frozen"] = True


def parse_texts(texts: list[str], options: Options) -> list[tuple]:
    """Parse captions: (dedupe key, row fields, partial date, repair count, versions signature or
    None) for each, in order."""
    settle_tables(options)
    agencies = load_agencies(tuple(options.agencies), tuple(options.house_names))
    ropts = RepairOptions(straight_quotes=options.straight_quotes, vocabulary=options.vocabulary)
    out = []
    versions = options.versions != "off"
    # (the captions read together, the credit rules one at a time over all: parse.parse_many)
    readable = iter(parse_many([t for t in texts if len(t) <= MAX_CAPTION], agencies=agencies, repair=options.repair,
                               repair_options=ropts))
    for text in texts:
        rec = unparsed(text) if len(text) > MAX_CAPTION else next(readable)
        row = rec.to_row()
        out.append((dedupe_key(rec.caption), row, rec.partial_date, len(rec.repairs),
                    signature(row, rec.correction_rank) if versions else None))
    return out


def complete_parse(text: str, options: Options) -> dict:
    """One caption's row as the table gives it when parsed alone: its fields, and a date stated without
    a year completed from ``options.year`` (:func:`complete_date`), as for a row of the table."""
    agencies = load_agencies(tuple(options.agencies), tuple(options.house_names))
    rec = parse_caption(text, agencies=agencies, repair=options.repair,
                        repair_options=RepairOptions(straight_quotes=options.straight_quotes))
    row = rec.to_row()
    if rec.partial_date and not row["date"]:
        complete_date(row, rec.partial_date, None, options.year)
    return row


class _Spill:
    """Chunks of finished records, in a temporary file (or in memory), read back once in order."""

    def __init__(self, in_memory: bool):
        self.items: list | None = [] if in_memory else None
        self.file = None if in_memory else tempfile.TemporaryFile()

    def append(self, records: list[dict]) -> None:
        if self.items is not None:
            self.items.append(records)
        else:
            pickle.dump(records, self.file, protocol=pickle.HIGHEST_PROTOCOL)

    def __iter__(self) -> Iterator[list[dict]]:
        """The chunks in order; may be read again (versions read the spill again) until closed."""
        if self.items is not None:
            yield from self.items
            return
        self.file.seek(0)
        while True:
            try:
                yield pickle.load(self.file)
            except EOFError:
                break

    def close(self) -> None:
        if self.file is not None:
            self.file.close()


class Table:
    """The table being built: groups of repeats by key, records spilled chunk by chunk."""

    def __init__(self, options: Options, summary: Summary, *, in_memory: bool = False):
        self.options, self.summary = options, summary
        self.keep = options.keep_duplicates
        # dedupe key -> group, exact text's key -> first row: compact (captionclean.keyindex)
        self.groups = KeyIndex(12)
        self.raw_first = KeyIndex(12)
        self.recent: dict[bytes, tuple] = {}  # exact text -> its parse, for repeats that keep their rows
        self.reused: list[tuple] = []
        self._remember: deque = deque()  # per planned chunk: the texts to keep in recent (key -> index)
        self.planned = 0
        self.group_of, self.source = array("l"), array("q")
        self.first_row, self.count = array("l"), array("l")
        self.warned = bytearray()  # per row: its parsed record has a warning
        self.passthrough: dict[str, None] = {}
        self._extra_names: dict[str, str] = {}  # each passthrough column's name in the table (extra_name)
        self.years: dict[str, Counter] = defaultdict(Counter)
        self.spill = _Spill(in_memory)
        self.versions = options.versions_mode
        # in a file while the export is parsed, read back for grouping (Signatures.load)
        self.sigs = Signatures(spill=not in_memory) if self.versions != "off" else None

    def plan(self, rows: list) -> tuple[list[int], list[str]]:
        """Which rows need parsing: an index into the texts (parsed, then :attr:`reused`, in that order), or
        -1 - the earlier row with the same text.

        A repeat merges into its earlier row (-1 - row) unless every row is kept (``keep_duplicates``)
        or the row belongs to a gallery (whose dates count each row); then the repeat still gets its own
        record, but the earlier parse is reused: from this chunk, or from the last :data:`PARSED_MEMORY`
        distinct texts parsed. Call :meth:`add` with ``parse_texts(texts) + table.reused``.
        """
        plan, texts = [], []
        here: dict[bytes, int] = {}  # this chunk's texts to parse, by exact text
        reused: list[tuple] = []
        at_reused: list[int] = []
        for i, row in enumerate(rows, start=self.planned):
            h = _text_key(row.text)
            if not self.keep and not row.gallery:
                if len(self.raw_first) < RAW_MEMORY:
                    earlier = self.raw_first.add(h, i)  # remembered when new
                else:
                    earlier = self.raw_first.get(h)
                if earlier is not None:
                    plan.append(-1 - earlier)
                    continue
            else:
                j = here.get(h)
                if j is not None:
                    plan.append(j)
                    continue
                hit = self.recent.get(h)
                if hit is not None:
                    at_reused.append(len(plan))
                    plan.append(len(reused))
                    reused.append(hit)
                    continue
                here[h] = len(texts)
            plan.append(len(texts))
            texts.append(row.text)
        for at in at_reused:
            plan[at] += len(texts)
        self.reused = reused
        self.planned += len(rows)
        self._remember.append(here)
        return plan, texts

    def add(self, rows: list, plan: list[int], parsed: list[tuple]) -> None:
        s, records = self.summary, []
        for h, j in self._remember.popleft().items():  # the parses repeats may reuse (the oldest forgotten first)
            if len(self.recent) >= PARSED_MEMORY:
                del self.recent[next(iter(self.recent))]
            self.recent[h] = parsed[j]
        names, passthrough, keep = self._extra_names, self.passthrough, self.keep
        # (the table's arrays and the counts as locals: this loop runs once for every input row)
        group_of, count, first_row, warned_of = self.group_of, self.count, self.first_row, self.warned
        add_group, sigs, years = self.groups.add, self.sigs, self.years
        source_append = self.source.append
        captions = with_warnings = repairs = repaired = unique = no_credit = 0
        for row, p in zip(rows, plan):
            r = len(group_of)
            if not passthrough.keys() >= row.extra.keys():  # (one C test: a CSV's rows share their columns)
                for k in row.extra:
                    if k not in passthrough:
                        passthrough[k] = None
                        names[k] = extra_name(k)
            source_append(row.source_row)
            text = row.text
            caption = not text.isspace() and text != ""  # (text.strip() without the copy)
            captions += caption
            warned = warned_of[-1 - p] if p < 0 else bool(parsed[p][1]["warnings"])
            warned_of.append(warned)
            with_warnings += bool(warned or row.warnings)
            if p < 0:
                g = group_of[-1 - p]
                group_of.append(g)
                count[g] += 1
                continue
            key, out, partial, n_repairs, sig = parsed[p]
            gallery = row.gallery
            if gallery:
                date = out["date"]
                years[gallery][int(date[:4]) if date[:4].isdigit() else None] += 1
            g = add_group(key, len(first_row))
            new = g is None
            if new:
                g = len(first_row)
                first_row.append(r)
                count.append(0)
                if sigs is not None:
                    sigs.append(sig)
            count[g] += 1
            group_of.append(g)
            if not (new or keep):
                continue
            if keep or gallery:  # a parse other rows may share (this chunk's repeats, recent): a copy
                out = dict(out)
            # (else this row's parse is its own: planned for it alone, never remembered)
            if row.repairs:  # (else the join below gives the parse's cell as it is)
                out["repairs"] = "; ".join([str(x) for x in row.repairs] + ([out["repairs"]] if out["repairs"] else []))
            if row.warnings:
                out["warnings"] = "; ".join(row.warnings + ([out["warnings"]] if out["warnings"] else []))
            out["gallery"] = gallery
            out["_partial"] = partial if partial and not out["date"] else None
            out["_row"] = r
            if row.extra:
                for k, v in row.extra.items():
                    out[names[k]] = v
            records.append(out)
            if new:
                repairs += n_repairs + len(row.repairs)
                repaired += bool(out["repairs"])
                if caption:  # a blank row is no caption: neither unique nor without a credit
                    unique += 1
                    no_credit += not out["credit"]
        s.rows_read += len(plan)
        s.captions += captions
        s.rows_with_warnings += with_warnings
        s.repairs += repairs
        s.repaired_captions += repaired
        s.unique_captions += unique
        s.no_credit += no_credit
        self.spill.append(records)

    @property
    def columns(self) -> list[str]:
        return ([extra_name(k) for k in self.passthrough] + COLUMNS
                + (["duplicate_of"] if self.keep else []) + VERSION_COLUMNS.get(self.versions, []))

    def finish(self) -> Iterator[list]:
        """The table's rows, in order, each a list of values in ``columns`` order."""
        s = self.summary
        s.unique = len(self.first_row)
        s.duplicates_merged = s.rows_read - s.unique
        s.kept_duplicates = self.keep
        # the keys found the repeats and are not needed to write: their memory goes before grouping's
        self.groups = self.raw_first = None
        self.recent.clear()
        galleries = gallery_years(self.years)
        columns = self.columns
        members = None if self.keep else _members(self.group_of, self.source, self.count)
        versions = _Versions(self) if self.versions != "off" else None
        g = 0
        for records in self.spill:
            for out in records:
                r = out.pop("_row")
                if self.keep:
                    grp = self.group_of[r]
                    first = self.first_row[grp]
                    out["occurrences"] = self.count[grp] if r == first else 0
                    out["source_rows"] = str(self.source[r])
                    out["duplicate_of"] = "" if r == first else str(self.source[first])
                else:
                    grp = g
                    out["occurrences"] = self.count[g]
                    out["source_rows"] = next(members)
                    g += 1
                if versions is not None:
                    out = versions.row(grp, out)
                    if out is None:
                        continue  # another version of a picture written earlier
                partial = out.pop("_partial")
                if partial:
                    found = galleries.get(out["gallery"]) if out["gallery"] else None
                    complete_date(out, partial, found, self.options.year)
                s.doubtful += bool(out["doubt"])
                yield list(map(out.get, columns))  # (the loop in C)
        self.spill.close()


class _Versions:
    """The versions of one table's pictures (captionclean.versions), and each row's version columns."""

    def __init__(self, table: Table):
        self.table, self.mode = table, table.versions
        t = table
        self.order = array("q", (t.source[r] for r in t.first_row))  # each distinct caption's first row
        self.grouping = group_versions(t.sigs, self._light, self.order, release=True)
        t.sigs = None
        self.rows = self.grouping.rows
        s = t.summary
        folded = sum(len(grp.members) - 1 for grp in self.grouping.groups)
        self.members: dict[int, str] = {}
        if self.mode == "group":
            s.versions_grouped = folded
            if folded:  # every grouped caption's rows
                self.members = self._grouped_members()
        else:
            s.versions_marked = folded

    def _records(self) -> Iterator[tuple[int, dict]]:
        """(distinct caption, its record) in order: one more read of the spill."""
        t = self.table
        g = 0
        for records in t.spill:
            for out in records:
                if t.keep:
                    r = out["_row"]
                    grp = t.group_of[r]
                    if r != t.first_row[grp]:
                        continue
                else:
                    grp, g = g, g + 1
                yield grp, out

    def _light(self, wanted) -> Iterator[tuple[int, dict]]:
        """The candidates' records (grouping copies what it keeps: the in-memory spill's are written later)."""
        return ((g, out) for g, out in self._records() if wanted[g])

    def _grouped_members(self) -> dict[int, str]:
        """The source rows of every grouped caption (its exact repeats included)."""
        t = self.table
        out = {}
        for g, rows in enumerate(_members(t.group_of, t.source, t.count)):
            if g in self.grouping.group_of:
                out[g] = rows
        return out

    def row(self, g: int, out: dict) -> dict | None:
        """The row to write for distinct caption ``g`` (``out``), or None when it is not written."""
        t = self.table
        i = self.grouping.group_of.get(g)
        if i is None:
            out.update(single_version(self.mode, self.order[g]))
            return out
        grp = self.grouping.groups[i]
        if self.mode == "all":
            out.update(marked_version(grp, g, self.order, self.rows))
            return out
        if g != grp.members[0]:
            return None
        chosen = dict(self.grouping.full[grp.chosen])
        chosen.pop("_row", None)
        return picture_row(chosen, grp, self.order, self.rows, sum(t.count[m] for m in grp.members),
                           [self.members[m] for m in grp.members])


# The version columns (VERSION_COLUMNS), made alike by both engines. ``order`` is each distinct
# caption's first input row, ``rows`` the compared fields of a grouping's members, ``grp`` one
# captionclean.versions group (its members and the chosen one).

def single_version(mode: str, first_row: int) -> dict:
    """The version columns of a caption that is the only version of its picture."""
    if mode == "group":
        return {"versions": 1, "changes": "", "version_rows": str(first_row)}
    return {"versions": 1, "changes": "", "version_of": ""}


def marked_version(grp, g: int, order, rows: dict) -> dict:
    """``all`` mode: member ``g``'s version columns, pointing at the chosen version."""
    return {"versions": len(grp.members),
            "version_of": "" if g == grp.chosen else str(order[grp.chosen]),
            "changes": "" if g == grp.chosen else changes(rows[g], rows[grp.chosen])}


def picture_row(chosen: dict, grp, order, rows: dict, occurrences: int, source_rows: Iterable[str]) -> dict:
    """``group`` mode: the one row of a picture, its chosen version's record (``chosen``, a copy)
    with every version's rows and what the other versions changed."""
    chosen["occurrences"] = occurrences
    chosen["source_rows"] = _sorted_rows(source_rows)
    chosen["versions"] = len(grp.members)
    chosen["version_rows"] = ";".join(str(order[m]) for m in grp.members)
    chosen["changes"] = join_changes(changes(rows[m], rows[grp.chosen]) for m in grp.members if m != grp.chosen)
    return chosen


def _sorted_rows(cells: Iterable[str]) -> str:
    """Several "3;17;40" cells as one, in row order."""
    return ";".join(map(str, sorted(int(x) for cell in cells for x in cell.split(";"))))


# rows past which the groups' members are sorted by numpy (its import, ~0.1 s of CPU, pays for itself
# only on a large table; below it a counting sort in Python is as fast and the run never imports numpy)
NUMPY_MEMBERS = 250_000


def _members(group_of: array, source: array, count: array) -> Iterator[str]:
    """Each group's source rows, "3;17;40", in group order (within a group, in row order)."""
    if len(group_of) > NUMPY_MEMBERS:
        yield from _members_numpy(group_of, source, count)
        return
    # a stable counting sort: each group's slots start where the groups before it end
    at = array("q", [0]) * len(count)
    start = 0
    for g, n in enumerate(count):
        at[g] = start
        start += n
    rows = array("q", [0]) * len(group_of)
    for r, g in enumerate(group_of):
        rows[at[g]] = source[r]
        at[g] += 1
    start = 0
    for n in count:
        yield str(rows[start]) if n == 1 else ";".join(map(str, rows[start:start + n]))
        start += n


def _members_numpy(group_of: array, source: array, count: array) -> Iterator[str]:
    """:func:`_members` by numpy's stable argsort (a large table)."""
    import numpy as np

    order = np.argsort(np.frombuffer(group_of, dtype=np.int_) if group_of else np.zeros(0, int), kind="stable")
    rows = np.frombuffer(source, dtype=np.int64)[order] if len(source) else np.zeros(0, np.int64)
    start = 0
    for n in count:
        yield ";".join(map(str, rows[start:start + n].tolist()))
        start += n


def extra_name(name: str) -> str:
    """The table's name for an input's own column (``input_date`` when the table has a ``date``)."""
    return f"input_{name}" if name in COLUMNS or name == "duplicate_of" else name


def gallery_years(years: dict[str, Counter]) -> dict[str, tuple[int, str]]:
    """Per gallery: the year most of its dated captions share, else one in its title."""
    out: dict[str, tuple[int, str]] = {}
    for gallery, counts in years.items():
        dated = Counter({y: n for y, n in counts.items() if y is not None})
        if dated:
            out[gallery] = (dated.most_common(1)[0][0], "year_from_gallery")
        elif m := _YEAR.search(gallery):
            out[gallery] = (int(m.group(0)), "year_from_gallery_title")
    return out


def complete_date(out: dict, partial: tuple[int, int], found: tuple[int, str] | None, year: int | None) -> None:
    """A row's date stated without a year (``partial``: month, day) completed in place: from its
    gallery's year (``found``, from :func:`gallery_years`), else the ``year`` option; the rule is added
    to ``style``, the ``no_year`` warning removed, the year's doubt added. Both engines complete
    dates here (``parse_caption``'s own ``year`` is for one caption parsed alone)."""
    month, day = partial
    if found:
        y, rule = found
    elif year:
        y, rule = year, "year_from_option"
    else:
        return
    out["date"] = f"{y:04d}-{month:02d}-{day:02d}"
    out["date_inferred"] = True
    out["style"] = "; ".join(filter(None, [out["style"], qualify(rule)]))
    out["warnings"] = "; ".join(w for w in out["warnings"].split("; ") if not w.startswith("no_year"))
    out["doubt"] = doubt.add(out.get("doubt"), doubt.YEAR_RULES[rule])


def build(chunks: Iterable[list], options: Options, summary: Summary, *, jobs: int = 1,
          in_memory: bool = False, progress=None, pool=None) -> Table:
    """Parse and group every chunk; ``jobs`` > 1 parses in that many processes, in order (``pool``: those
    processes started already, by :func:`worker_pool`; else started here).

    ``progress(n)`` is called with the number of rows done after each chunk.
    """
    table = Table(options, summary, in_memory=in_memory)
    done = 0

    def add(rows, plan, parsed):
        nonlocal done
        table.add(rows, plan, parsed)
        done += len(rows)
        if progress is not None:
            progress(done)

    if jobs <= 1:
        for rows in chunks:
            plan, texts = table.plan(rows)
            add(rows, plan, parse_texts(texts, options) + table.reused)
        return table
    if pool is None:
        with worker_pool(jobs, options) as pool:
            return build(chunks, options, summary, jobs=jobs, in_memory=in_memory, progress=progress, pool=pool)
    pending: deque = deque()
    for rows in chunks:
        plan, texts = table.plan(rows)
        parts = [pool.apply_async(parse_texts, (part, options)) for part in _slices(texts, jobs)]
        pending.append((rows, plan, parts, table.reused))
        while len(pending) > 2 * jobs:
            rows, plan, parts, reused = pending.popleft()
            add(rows, plan, [out for part in parts for out in part.get()] + reused)
    while pending:
        rows, plan, parts, reused = pending.popleft()
        add(rows, plan, [out for part in parts for out in part.get()] + reused)
    return table


@contextmanager
def worker_pool(jobs: int, options: Options):
    """``jobs`` processes that parse for :func:`build` (None for one job). Each loads the grammar's tables
    as it starts (:func:`_worker_start`), so a pool opened before the export's first pass (its vocabulary)
    has them loaded by the time the first chunk comes. On leaving the block normally the workers finish
    and exit by themselves; on an error or Ctrl-C they are ended (SIGTERM)."""
    if jobs <= 1:
        yield None
        return
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with ctx.Pool(jobs, initializer=_worker_start, initargs=(replace(options, vocabulary=None),)) as pool:
        yield pool
        pool.close()
        pool.join()


def _worker_start(options: Options) -> None:
    """A ``--jobs`` worker's start: the tables loaded (frozen in the CLI's processes) and the grammar's
    patterns compiled, and its signals:
    SIGTERM (the pool's terminate, on an error or Ctrl-C in the parent) ends it at once, as the operating
    system's default, and Ctrl-C is the parent's to handle. A forked worker would otherwise inherit the
    CLI's SIGTERM handler, which raises KeyboardInterrupt: a worker stopped inside the pool's queue lock
    printed a traceback and could leave the other waiting for that lock for ever."""
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    settle_tables(options)
    from . import timed_regex

    timed_regex.compile_lazy()  # the grammar's patterns too: a big export meets nearly all of them


def _slices(texts: list[str], n: int) -> list[list[str]]:
    """``texts`` in ``n`` runs of (nearly) equal length, in order: a chunk's captions parsed by every
    worker at once, so no worker waits idle for another's last chunk."""
    step = max(1, -(-len(texts) // n))
    return [texts[i:i + step] for i in range(0, len(texts), step)]


def only_doubtful(rows: Iterable[list], at: int, summary: Summary) -> Iterator[list]:
    """The rows with a doubt; the others counted in ``summary.left_out``."""
    for row in rows:
        if row[at]:
            yield row
        else:
            summary.left_out += 1




# The same grouping and counting over a table cut into partitions (the Dask engine: pandas frames
# of parsed rows with the helper columns _key, the dedupe key; _row, the input row; _repairs, the
# repair count; _blank, no caption).

def group_frame(part, keep: bool):
    """One partition holding all of its keys' rows: each key's rows grouped as :class:`Table` groups
    them (``occurrences``, ``source_rows``, and ``duplicate_of`` when every row is ``keep``-t), with
    ``_counted`` marking each group's first row (the row the counts of distinct captions read)."""
    part = part.sort_values("_row", kind="stable")
    grouped = part.groupby("_key", sort=False)["_row"]
    first = grouped.transform("min")
    count = grouped.transform("size")
    is_first = part["_row"] == first
    if keep:
        part = part.assign(occurrences=count.where(is_first, 0), source_rows=part["_row"].astype(str),
                           duplicate_of=first.astype(str).where(~is_first, ""))
        return part.assign(_counted=is_first)
    members = grouped.agg(lambda rows: ";".join(map(str, rows)))
    part = part[is_first]
    return part.assign(occurrences=count[is_first], source_rows=part["_key"].map(members), _counted=True)


TALLY = ("rows_read", "captions", "unique", "unique_captions", "repairs", "repaired_captions", "no_credit",
         "rows_with_warnings")


def tally_frame(part, keep: bool):
    """One grouped partition's counts (:data:`TALLY`, a one-row frame to sum over partitions), as
    :meth:`Table.add` counts them: input rows, captions, distinct captions, repairs, no credit, rows
    with a warning."""
    import pandas as pd

    counted = part[part["_counted"]]
    blank = counted["_blank"]
    rows = 1 if keep else part["occurrences"]  # each kept row is an input row; a merged one stands for its repeats
    values = {
        "rows_read": int(part["occurrences"].sum()),
        "captions": int(counted["occurrences"].where(~blank, 0).sum()),
        "unique": len(counted),
        "unique_captions": int((~blank).sum()),
        "repairs": int(counted["_repairs"].sum()),
        "repaired_captions": int((counted["repairs"] != "").sum()),
        "no_credit": int(((counted["credit"] == "") & ~blank).sum()),
        "rows_with_warnings": int(((part["warnings"] != "") * rows).sum()),
    }
    return pd.DataFrame([values], columns=list(TALLY), dtype="int64")


def tallied(values: dict, *, keep: bool, **report) -> Summary:
    """The :class:`Summary` of a partitioned run from its summed :func:`tally_frame` counts."""
    s = Summary(**{k: int(values[k]) for k in TALLY}, kept_duplicates=keep, **report)
    s.duplicates_merged = s.rows_read - s.unique
    return s
