"""One call per command: read the inputs, clean them, and shape the result.

``clean_inputs`` is what ``captionclean clean`` runs; ``credits`` and ``stats``
build on it. Every run accounts for every row: read = written + merged duplicates.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import doubt
from .clean import CHUNK_SIZE, Options, Summary, clean_rows, clean_to_path
from .credits import credit_list, credit_text
from .iptc import check_embedded, iptc_table, too_long
from .read import ReadResult, decode_lines, detect_format, read_inputs
from .stats import table_stats
from .write import output_format, write_table


@dataclass
class RunResult:
    table: "object"  # pandas.DataFrame
    summary: Summary
    read: ReadResult
    written: int = 0
    merged: int = 0
    embedded_disagreements: Counter = field(default_factory=Counter)
    too_long: Counter = field(default_factory=Counter)

    @property
    def warnings(self) -> list[str]:
        return self.summary.warnings

    def lines(self) -> list[str]:
        s = self.summary
        left = f" + {s.left_out} without doubt left out" if s.left_out else ""
        grouped = f" + {s.versions_grouped} versions grouped" if s.versions_grouped else ""
        out = [f"read {s.rows_read} rows = {self.written} written + {self.merged} duplicates merged{grouped}{left}",
               f"captions: {s.captions}, unique: {s.unique_captions}"
               + (f", blank rows: {s.blank_rows}" if s.blank_rows else "")]
        # only what the written table holds: the exiftool table has no duplicate_of, no doubt
        columns = None if self.table is None else set(self.table.columns)
        if self.merged == 0 and s.duplicates_merged and (columns is None or "duplicate_of" in columns):
            out.append(f"{s.duplicates_merged} repeats marked in duplicate_of")
        if s.versions_marked:
            out.append(f"{s.versions_marked} older versions marked in version_of")
        out.append(f"repairs: {s.repairs} in {s.repaired_captions} captions")
        out.append(f"captions with no credit found: {s.no_credit}")
        if columns is None or "warnings" in columns:
            out.append(f"rows with warnings: {s.rows_with_warnings}")
        if columns is None or "doubt" in columns:
            out.append(f"doubtful rows: {s.doubtful}")
        if self.embedded_disagreements:
            out.append(f"file fields that disagree with the caption: {sum(self.embedded_disagreements.values())}"
                       " (see embedded_disagrees in warnings)")
        if len(self.read.files) > 1:
            out.append(f"{len(self.read.files)} files")
        out.append(f"input: {self.read.format}, {self.read.encoding}")
        return out


def clean_inputs(paths: list[str | Path], options: Options | None = None, *, column: str | None = None,
                 fmt: str | None = None, iptc: bool = False, progress=None, stdin=None, jobs: int = 1,
                 chunk_size: int = CHUNK_SIZE) -> RunResult:
    """Read ``paths`` (files, folders, ``-``) and clean them into one table.

    ``progress(n, total)`` is called as rows are parsed. ``iptc=True`` keeps one row per input row (each image needs its own) and names
    the columns by exiftool tag, ready for ``exiftool -csv=``.
    """
    options = options or Options()
    if iptc:
        options = replace(options, keep_duplicates=True)
    read = read_inputs(paths, column=column, fmt=fmt, stdin=stdin)
    summary = Summary(warnings=list(read.warnings), format=read.format, encoding=read.encoding)
    total = len(read.rows)
    tick = (lambda n: progress(n, total)) if progress is not None else None
    cleaned = clean_rows(read.rows, options, summary, progress=tick, jobs=jobs, chunk_size=chunk_size)
    table = cleaned.table
    disagreements = Counter()
    if "exiftool" in read.format:
        warned = _warned(table)
        disagreements = check_embedded(table)
        # rows the file's fields made warned count as the parsed rows' warnings do: input rows
        newly = _warned(table) & ~warned
        rows = 1 if options.keep_duplicates else table["occurrences"]
        summary.rows_with_warnings += int((newly * rows).sum())
        if disagreements:
            mark_embedded_doubts(table, summary)
    if options.only_doubtful:
        table = only_doubtful(table, summary)
    long_values = Counter()
    if iptc:
        long_values = too_long(table)
        table, notes = iptc_table(table)
        summary.warnings += notes
    merged = 0 if options.keep_duplicates else summary.duplicates_merged
    return RunResult(table, summary, read, written=len(table), merged=merged,
                     embedded_disagreements=disagreements, too_long=long_values)


def mark_embedded_doubts(table, summary: Summary) -> None:
    """``embedded_disagrees`` in the doubt of rows whose file fields contradict the caption."""
    marked = [doubt.add(d, "embedded_disagrees") if "embedded_disagrees" in str(w) else d
              for d, w in zip(table["doubt"].tolist(), table["warnings"].tolist())]
    summary.doubtful = sum(bool(d) for d in marked)
    table["doubt"] = marked


def only_doubtful(table, summary: Summary):
    """The rows with a doubt; the others counted in ``summary.left_out``."""
    keep = table["doubt"].fillna("").astype(str) != ""
    summary.left_out += int((~keep).sum())
    return table[keep].reset_index(drop=True)


def _warned(table):
    import pandas as pd

    if "warnings" not in table:
        return pd.Series(False, index=table.index)
    return table["warnings"].fillna("").astype(str) != ""


@dataclass
class CreditsResult:
    table: "object"
    text: str
    run: RunResult


def credits(paths: list[str | Path], options: Options | None = None, *, by: str | None = None,
            sort: str = "order", column: str | None = None, fmt: str | None = None, progress=None,
            stdin=None) -> CreditsResult:
    """The credit list of the inputs: one row per photographer and agency (per gallery with ``by='gallery'``)."""
    options = replace(options or Options(), keep_duplicates=True)
    run = clean_inputs(paths, options, column=column, fmt=fmt, progress=progress, stdin=stdin)
    table = credit_list(run.table, by=by, sort=sort)
    return CreditsResult(table, credit_text(table, by=by), run)


def stats(paths: list[str | Path], options: Options | None = None, *, column: str | None = None,
          fmt: str | None = None, progress=None, stdin=None) -> dict:
    """The summary of a run as sections of (name, number) pairs."""
    options = replace(options or Options(), keep_duplicates=False)
    run = clean_inputs(paths, options, column=column, fmt=fmt, progress=progress, stdin=stdin)
    return table_stats(run.table, run.summary, run.read)


@dataclass
class WriteResult:
    """What ``clean_to_output`` did: the run's summary lines and the format written."""

    summary: Summary
    written_format: str
    run_lines: list[str]

    @property
    def warnings(self) -> list[str]:
        return self.summary.warnings

    def lines(self) -> list[str]:
        return self.run_lines


def _streamable(paths: list[str | Path], fmt: str | None, out_fmt: str, iptc: bool) -> bool:
    """One plain CSV, TSV or text file written as CSV/TSV: clean it in bounded memory."""
    if iptc or out_fmt not in ("csv", "tsv") or len(paths) != 1 or str(paths[0]) == "-":
        return False
    path = Path(paths[0])
    if not path.is_file():
        return False
    with path.open("rb") as f:
        head = f.read(65536)
    lines, _, _ = decode_lines(head.rsplit(b"\n", 1)[0] if b"\n" in head else head)
    if lines and lines[0].lstrip('"').startswith("SourceFile"):
        return False  # exiftool -csv: read whole, to compare the files' own fields
    return (fmt or detect_format(str(path), lines)) in ("csv", "tsv", "text")


def clean_to_output(paths: list[str | Path], output: str | Path | None, options: Options | None = None, *,
                    column: str | None = None, fmt: str | None = None, to: str | None = None,
                    excel: bool = False, iptc: bool = False, jobs: int = 1, chunk_size: int = CHUNK_SIZE,
                    progress=None, stdin=None, formula_guard: bool = True) -> WriteResult:
    """Clean ``paths`` and write the table to ``output`` (stdout if None): what ``captionclean clean`` runs.

    ``progress(n, total, unit)`` is called as the work goes: ``unit`` "rows" (``n`` rows of
    ``total``), or "bytes" on the streamed path, whose rows cannot be counted ahead (``n`` bytes
    read of the file's ``total``). ``formula_guard`` puts a ``'`` before CSV/TSV cells a
    spreadsheet would run as a formula; the exiftool table (``iptc``) never has it, as exiftool
    would write the ``'`` into the images.

    A single CSV, TSV or plain-text file written as CSV/TSV is streamed in chunks, so memory
    stays bounded however large it is; everything else is read whole. Both give the same file.
    """
    options = options or Options()
    out_fmt = output_format(output, to)
    if _streamable(paths, fmt, out_fmt, iptc):
        # rows cannot be counted ahead: progress by bytes read
        tick = (lambda done, size: progress(done, size, "bytes")) if progress is not None else None
        summary = clean_to_path(paths[0], output, options, column=column, fmt=fmt, jobs=jobs,
                                chunk_size=chunk_size, excel=excel, sep="\t" if out_fmt == "tsv" else ",",
                                progress=tick, guard=formula_guard)
        merged = 0 if options.keep_duplicates else summary.duplicates_merged
        written = summary.rows_read - merged - summary.left_out - summary.versions_grouped
        read = ReadResult([], summary.format, summary.encoding,
                          files=[(str(paths[0]), summary.format, summary.encoding, summary.rows_read)])
        lines = RunResult(None, summary, read, written=written, merged=merged).lines()
        return WriteResult(summary, out_fmt, lines)
    rows_tick = (lambda n, total: progress(n, total, "rows")) if progress is not None else None
    run = clean_inputs(paths, options, column=column, fmt=fmt, iptc=iptc, progress=rows_tick, stdin=stdin,
                       jobs=jobs, chunk_size=chunk_size)
    written_format = write_table(run.table, output, fmt=to, excel=excel, guard=formula_guard and not iptc)
    return WriteResult(run.summary, written_format, run.lines())
