"""The tidy table: parse every caption, merge repeats, complete dates from context.

Rows flow through in chunks (:mod:`captionclean.chunks`): each chunk's captions
are parsed (in worker processes with ``jobs`` > 1, results kept in input
order), repeats are found by a 12-byte key, and the finished records wait in a
spill file until the end, when each group's size and rows are known and the
table is written in one pass. Memory holds only the keys and a few integers per
row, whatever the input size; the output does not depend on ``jobs`` or the
chunk size.
"""
from __future__ import annotations

import csv
import hashlib
import os
import pickle
import re
import sys
import tempfile
from array import array
from collections import Counter, defaultdict, deque
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

import regex

from . import doubt
from .chunks import CHUNK_SIZE
from .grammar.rules import qualify
from .keyindex import KeyIndex
from .parse import FIELDS, ROW_TAIL, Caption, parse_caption
from .read import InputRow
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
    return hashlib.blake2b(_key_text(text).encode("utf-8", "surrogatepass"), digest_size=12).digest()


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

    def lines(self) -> list[str]:
        out = [
            f"rows read: {self.rows_read}",
            f"captions: {self.captions}",
            f"unique: {self.unique_captions}",
            f"duplicates merged: {self.duplicates_merged}",
            *([f"versions grouped: {self.versions_grouped}"] if self.versions_grouped else []),
            *([f"older versions marked: {self.versions_marked}"] if self.versions_marked else []),
            f"repairs: {self.repairs} in {self.repaired_captions} captions",
            f"captions with no credit found: {self.no_credit}",
            f"rows with warnings: {self.rows_with_warnings}",
            f"doubtful rows: {self.doubtful}",
        ]
        if self.blank_rows:
            out.insert(3, f"blank rows: {self.blank_rows}")
        if self.format:
            out.append(f"input: {self.format}, {self.encoding}")
        return out

    @property
    def blank_rows(self) -> int:
        """Input rows with no caption (empty or only spaces)."""
        return self.rows_read - self.captions


@dataclass
class CleanResult:
    table: "object"  # pandas.DataFrame
    summary: Summary


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


def parse_texts(texts: list[str], options: Options) -> list[tuple]:
    """Parse captions: (dedupe key, row fields, partial date, repair count, versions signature or
    None) for each, in order."""
    agencies = load_agencies(tuple(options.agencies), tuple(options.house_names))
    ropts = RepairOptions(straight_quotes=options.straight_quotes, vocabulary=options.vocabulary)
    out = []
    versions = options.versions != "off"
    for text in texts:
        if len(text) > MAX_CAPTION:
            rec = unparsed(text)
        else:
            rec = parse_caption(text, agencies=agencies, repair=options.repair, repair_options=ropts)
        row = rec.to_row()
        out.append((dedupe_key(rec.caption), row, rec.partial_date, len(rec.repairs),
                    signature(row, rec.correction_rank) if versions else None))
    return out


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
        self.years: dict[str, Counter] = defaultdict(Counter)
        self.spill = _Spill(in_memory)
        self.versions = options.versions_mode
        self.sigs = Signatures() if self.versions != "off" else None

    def plan(self, rows: list[InputRow]) -> tuple[list[int], list[str]]:
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

    def add(self, rows: list[InputRow], plan: list[int], parsed: list[tuple]) -> None:
        s, records = self.summary, []
        for h, j in self._remember.popleft().items():  # the parses repeats may reuse (the oldest forgotten first)
            if len(self.recent) >= PARSED_MEMORY:
                del self.recent[next(iter(self.recent))]
            self.recent[h] = parsed[j]
        for row, p in zip(rows, plan):
            r = len(self.group_of)
            for k in row.extra:
                if k not in self.passthrough:
                    self.passthrough[k] = None
            self.source.append(row.source_row)
            s.rows_read += 1
            if row.text.strip():
                s.captions += 1
            warned = self.warned[-1 - p] if p < 0 else bool(parsed[p][1]["warnings"])
            self.warned.append(warned)
            s.rows_with_warnings += bool(warned or row.warnings)
            if p < 0:
                g = self.group_of[-1 - p]
                self.group_of.append(g)
                self.count[g] += 1
                continue
            key, out, partial, n_repairs, sig = parsed[p]
            if row.gallery:
                date = out["date"]
                self.years[row.gallery][int(date[:4]) if date[:4].isdigit() else None] += 1
            g = self.groups.add(key, len(self.first_row))
            new = g is None
            if new:
                g = len(self.first_row)
                self.first_row.append(r)
                self.count.append(0)
                if self.sigs is not None:
                    self.sigs.append(sig)
            self.count[g] += 1
            self.group_of.append(g)
            if not (new or self.keep):
                continue
            out = dict(out)
            out["repairs"] = "; ".join([str(x) for x in row.repairs] + ([out["repairs"]] if out["repairs"] else []))
            out["warnings"] = "; ".join(row.warnings + ([out["warnings"]] if out["warnings"] else []))
            out["gallery"] = row.gallery
            out["_partial"] = partial if partial and not out["date"] else None
            out["_row"] = r
            for k, v in row.extra.items():
                out[_extra_name(k)] = v
            records.append(out)
            if new:
                s.repairs += n_repairs + len(row.repairs)
                s.repaired_captions += bool(out["repairs"])
                if row.text.strip():  # a blank row is no caption: neither unique nor without a credit
                    s.unique_captions += 1
                    s.no_credit += not out["credit"]
        self.spill.append(records)

    @property
    def columns(self) -> list[str]:
        return ([_extra_name(k) for k in self.passthrough] + COLUMNS
                + (["duplicate_of"] if self.keep else []) + VERSION_COLUMNS.get(self.versions, []))

    def finish(self) -> Iterator[list]:
        """The table's rows, in order, each a list of values in ``columns`` order."""
        s = self.summary
        s.unique = len(self.first_row)
        s.duplicates_merged = s.rows_read - s.unique
        # the keys found the repeats and are not needed to write: their memory goes before grouping's
        self.groups = self.raw_first = None
        self.recent.clear()
        gallery_years = _gallery_years(self.years)
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
                    _complete_date(out, partial, out["gallery"], gallery_years, self.options.year)
                s.doubtful += bool(out["doubt"])
                yield [out.get(c) for c in columns]
        self.spill.close()


class _Versions:
    """The versions of one table's pictures (captionclean.versions), and each row's version columns."""

    def __init__(self, table: Table):
        self.table, self.mode = table, table.versions
        t = table
        self.order = array("q", (t.source[r] for r in t.first_row))  # each distinct caption's first row
        self.grouping = group_versions(t.sigs, self._light, self.order)
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
            out["versions"] = 1
            out["changes"] = ""
            if self.mode == "group":
                out["version_rows"] = str(self.order[g])
            else:
                out["version_of"] = ""
            return out
        grp = self.grouping.groups[i]
        if self.mode == "all":
            out["versions"] = len(grp.members)
            out["version_of"] = "" if g == grp.chosen else str(self.order[grp.chosen])
            out["changes"] = "" if g == grp.chosen else changes(self.rows[g], self.rows[grp.chosen])
            return out
        if g != grp.members[0]:
            return None
        chosen = dict(self.grouping.full[grp.chosen])
        chosen.pop("_row", None)
        chosen["occurrences"] = sum(t.count[m] for m in grp.members)
        chosen["source_rows"] = _sorted_rows(self.members[m] for m in grp.members)
        chosen["versions"] = len(grp.members)
        chosen["version_rows"] = ";".join(str(self.order[m]) for m in grp.members)
        chosen["changes"] = join_changes(changes(self.rows[m], self.rows[grp.chosen])
                                         for m in grp.members if m != grp.chosen)
        return chosen


def _sorted_rows(cells: Iterable[str]) -> str:
    """Several "3;17;40" cells as one, in row order."""
    return ";".join(map(str, sorted(int(x) for cell in cells for x in cell.split(";"))))


def _members(group_of: array, source: array, count: array) -> Iterator[str]:
    """Each group's source rows, "3;17;40", in group order."""
    import numpy as np

    order = np.argsort(np.frombuffer(group_of, dtype=np.int_) if group_of else np.zeros(0, int), kind="stable")
    rows = np.frombuffer(source, dtype=np.int64)[order] if len(source) else np.zeros(0, np.int64)
    start = 0
    for n in count:
        yield ";".join(map(str, rows[start:start + n].tolist()))
        start += n


def _extra_name(name: str) -> str:
    return f"input_{name}" if name in COLUMNS or name == "duplicate_of" else name


def _gallery_years(years: dict[str, Counter]) -> dict[str, tuple[int, str]]:
    """Per gallery: the year most of its dated captions share, else one in its title."""
    out: dict[str, tuple[int, str]] = {}
    for gallery, counts in years.items():
        dated = Counter({y: n for y, n in counts.items() if y is not None})
        if dated:
            out[gallery] = (dated.most_common(1)[0][0], "year_from_gallery")
        elif m := _YEAR.search(gallery):
            out[gallery] = (int(m.group(0)), "year_from_gallery_title")
    return out


def _complete_date(out: dict, partial: tuple[int, int], gallery: str, gallery_years: dict, year: int | None) -> None:
    month, day = partial
    found = gallery_years.get(gallery) if gallery else None
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


def build(chunks: Iterable[list[InputRow]], options: Options, summary: Summary, *, jobs: int = 1,
          in_memory: bool = False, progress=None) -> Table:
    """Parse and group every chunk; ``jobs`` > 1 parses in that many processes, in order.

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
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with ctx.Pool(jobs) as pool:
        pending: deque = deque()
        for rows in chunks:
            plan, texts = table.plan(rows)
            pending.append((rows, plan, pool.apply_async(parse_texts, (texts, options)), table.reused))
            while len(pending) > 2 * jobs:
                rows, plan, result, reused = pending.popleft()
                add(rows, plan, result.get() + reused)
        while pending:
            rows, plan, result, reused = pending.popleft()
            add(rows, plan, result.get() + reused)
    return table


def clean_rows(rows: list[InputRow], options: Options | None = None, summary: Summary | None = None, *,
               jobs: int = 1, chunk_size: int = CHUNK_SIZE, progress=None) -> CleanResult:
    """Clean already-read rows into the tidy table (a pandas DataFrame)."""
    import pandas as pd

    options = with_vocabulary(options or Options(), (r.text for r in rows))
    summary = summary or Summary()
    chunks = (rows[i:i + chunk_size] for i in range(0, len(rows), chunk_size))
    table = build(chunks, options, summary, jobs=jobs, in_memory=True, progress=progress)
    records = list(table.finish())
    return CleanResult(pd.DataFrame(records, columns=table.columns), summary)


def clean(captions: Iterable[str] | "object", options: Options | None = None, **kwargs) -> CleanResult:
    """Clean an iterable of caption strings (or a pandas Series) into the tidy table.

    Keyword arguments are :class:`Options` fields (``keep_duplicates=True``, …).
    """
    options = options or Options(**kwargs)
    index = None
    if hasattr(captions, "index") and hasattr(captions, "tolist"):
        index = list(captions.index)
        captions = captions.tolist()
    rows = [InputRow("" if c is None or c != c else str(c), i + 1) for i, c in enumerate(captions)]
    result = clean_rows(rows, options)
    if index is not None and options.keep_duplicates:
        result.table.index = index
    return result


def _stream_texts(path, column, fmt, chunk_size) -> Iterator[str]:
    """Every caption text of ``path``, read as a stream (a first pass, for the vocabulary)."""
    from .chunks import open_stream

    for rows in open_stream(path, column=column, fmt=fmt, chunk_size=chunk_size).chunks:
        for row in rows:
            yield row.text


def clean_file(path: str | Path, options: Options | None = None, *, column: str | None = None,
               fmt: str | None = None, jobs: int = 1, chunk_size: int = CHUNK_SIZE, **kwargs) -> CleanResult:
    """Read ``path`` (gallery export, text, JSON lines or CSV) and clean it into a DataFrame.

    Keyword arguments other than those named are :class:`Options` fields (``keep_duplicates=True``).
    """
    from .chunks import open_stream

    options = with_vocabulary(options or Options(**kwargs), _stream_texts(path, column, fmt, chunk_size))
    stream = open_stream(path, column=column, fmt=fmt, chunk_size=chunk_size)
    summary = Summary()
    table = build(stream.chunks, options, summary, jobs=jobs, in_memory=True)
    import pandas as pd

    frame = pd.DataFrame(list(table.finish()), columns=table.columns)
    _settle(summary, stream)
    return CleanResult(frame, summary)


def clean_to_path(path: str | Path, output: str | Path | None, options: Options | None = None, *,
                  column: str | None = None, fmt: str | None = None, jobs: int = 1,
                  chunk_size: int = CHUNK_SIZE, excel: bool = False, sep: str = ",",
                  progress=None, guard: bool = True) -> Summary:
    """Clean ``path`` into a CSV (or TSV, ``sep='\\t'``) at ``output`` (stdout if None or '-'),
    streaming in chunks.

    Memory stays bounded whatever the input size; the file appears only once complete.
    ``progress(bytes_read, file_size)`` is called after each chunk (rows cannot be counted ahead).
    Cells are written as :func:`captionclean.write.write_table` writes them (formula guard unless
    ``guard=False``, one kind of line break), so the file is the same as the in-memory path's.
    """
    from .chunks import open_stream
    from .write import csv_row, write_csv_row

    options = with_vocabulary(options or Options(), _stream_texts(path, column, fmt, chunk_size))
    stream = open_stream(path, column=column, fmt=fmt, chunk_size=chunk_size)
    summary = Summary()
    tick = None if progress is None else (lambda rows: progress(stream.bytes_read, stream.size))
    table = build(stream.chunks, options, summary, jobs=jobs, progress=tick)
    _settle(summary, stream)
    with _open_output(output) as f:
        if excel:
            f.write("\ufeff")
        writer = csv.writer(f, delimiter=sep, lineterminator="\n")
        writer.writerow(table.columns)
        rows = table.finish()
        if options.only_doubtful:
            rows = _doubtful(rows, table.columns.index("doubt"), summary)
        for row in rows:
            write_csv_row(writer, f, csv_row(row, guard), sep)
    return summary


def _doubtful(rows: Iterable[list], at: int, summary: Summary) -> Iterator[list]:
    """The rows with a doubt; the others counted in ``summary.left_out``."""
    for row in rows:
        if row[at]:
            yield row
        else:
            summary.left_out += 1


def _settle(summary: Summary, stream) -> None:
    stream.finish()
    summary.warnings = list(stream.warnings)
    summary.format, summary.encoding = stream.format, stream.encoding


@contextmanager
def _open_output(output: str | Path | None):
    """A text stream for the table: stdout, or a temporary file renamed over ``output`` on success."""
    from .write import REPLACE, WriteError, settle_mode

    if output is None or str(output) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(output)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError(f"{path}: the folder {folder} does not exist")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", errors=REPLACE, newline="",
                       buffering=1 << 20) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        settle_mode(tmp, path)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise WriteError(f"{path}: cannot be written ({exc.strerror or exc})") from None
    finally:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
