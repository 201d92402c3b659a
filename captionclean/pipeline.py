"""One call per command: read the inputs, clean them, and shape the result.

``clean_inputs`` is what ``captionclean clean`` runs; ``credits`` and ``stats``
build on it. Every run accounts for every row: read = written + merged duplicates.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from .clean import Options, Summary, clean_rows
from .credits import credit_list, credit_text
from .iptc import check_embedded, iptc_table, too_long
from .read import ReadResult, read_inputs
from .stats import table_stats


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
        out = [f"read {s.rows_read} rows = {self.written} written + {self.merged} duplicates merged",
               f"captions: {s.captions}, unique: {s.unique}"]
        if self.merged == 0 and s.duplicates_merged:
            out.append(f"{s.duplicates_merged} repeats marked in duplicate_of")
        out.append(f"repairs: {s.repairs} in {s.repaired_captions} captions")
        out.append(f"captions with no credit found: {s.no_credit}")
        if self.embedded_disagreements:
            out.append(f"file fields that disagree with the caption: {sum(self.embedded_disagreements.values())}")
        if len(self.read.files) > 1:
            out.append(f"{len(self.read.files)} files")
        out.append(f"input: {self.read.format}, {self.read.encoding}")
        return out


def clean_inputs(paths: list[str | Path], options: Options | None = None, *, column: str | None = None,
                 fmt: str | None = None, iptc: bool = False, progress=None, stdin=None) -> RunResult:
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
    cleaned = clean_rows(read.rows, options, summary, progress=tick)
    table = cleaned.table
    disagreements = check_embedded(table) if "exiftool" in read.format else Counter()
    long_values = Counter()
    if iptc:
        long_values = too_long(table)
        table, notes = iptc_table(table)
        summary.warnings += notes
    merged = 0 if options.keep_duplicates else summary.duplicates_merged
    return RunResult(table, summary, read, written=len(table), merged=merged,
                     embedded_disagreements=disagreements, too_long=long_values)


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
