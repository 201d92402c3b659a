"""The local engine: one machine, and one call per command.

Every path is a straight line: readers (:mod:`captionclean.read`, :mod:`captionclean.chunks`) yield
rows, the core (:mod:`captionclean.core`) parses and groups them, writers
(:mod:`captionclean.write`) write the table. A single CSV, TSV or plain-text file written as CSV/TSV
is streamed chunk by chunk in bounded memory (:func:`clean_to_path`); everything else is read whole
into a DataFrame (:func:`clean_inputs`), where exiftool inputs are checked against their files' own
fields and the exiftool table is made. Both give the same file. Every run reports what it did in one
:class:`captionclean.core.Summary`: read = written + merged duplicates + ….
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

from .. import doubt
from ..chunks import CHUNK_SIZE, caption_texts, open_stream
from ..core import Options, Summary, build, only_doubtful as doubtful_rows, with_vocabulary, worker_pool
from ..credits import credit_list, credit_text
from ..iptc import check_embedded, iptc_table
from ..read import InputRow, ReadResult, decode_lines, detect_format, read_inputs
from ..stats import table_stats
from ..write import output_format, write_rows, write_table


@dataclass
class CleanResult:
    """The cleaned table (a pandas DataFrame) and the run's :class:`Summary`; ``read``, the inputs as
    read, when the engine read them."""

    table: "object"  # pandas.DataFrame
    summary: Summary
    read: ReadResult | None = None

    @property
    def warnings(self) -> list[str]:
        return self.summary.warnings

    def lines(self) -> list[str]:
        return self.summary.lines()


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


def _table_rows(path, options: Options, summary: Summary, *, column, fmt, jobs, chunk_size, in_memory,
                progress=None):
    """``path`` read as a stream (twice: first its texts, for the export's vocabulary) into the core:
    the built :class:`captionclean.core.Table`, with what the reader noticed in ``summary``."""
    with worker_pool(jobs, options) as pool:  # started first: the workers load the tables during the first pass
        options = with_vocabulary(options, caption_texts(path, column=column, fmt=fmt, chunk_size=chunk_size))
        stream = open_stream(path, column=column, fmt=fmt, chunk_size=chunk_size)
        tick = None if progress is None else (lambda rows: progress(stream.bytes_read, stream.size))
        table = build(stream.chunks, options, summary, jobs=jobs, in_memory=in_memory, progress=tick, pool=pool)
    stream.finish()
    summary.warnings = list(stream.warnings)
    summary.format, summary.encoding = stream.format, stream.encoding
    return table


def clean_file(path: str | Path, options: Options | None = None, *, column: str | None = None,
               fmt: str | None = None, jobs: int = 1, chunk_size: int = CHUNK_SIZE, **kwargs) -> CleanResult:
    """Read ``path`` (gallery export, text, JSON lines or CSV) and clean it into a DataFrame.

    Keyword arguments other than those named are :class:`Options` fields (``keep_duplicates=True``).
    """
    import pandas as pd

    summary = Summary()
    table = _table_rows(path, options or Options(**kwargs), summary, column=column, fmt=fmt, jobs=jobs,
                        chunk_size=chunk_size, in_memory=True)
    frame = pd.DataFrame(list(table.finish()), columns=table.columns)
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
    options = options or Options()
    summary = Summary()
    table = _table_rows(path, options, summary, column=column, fmt=fmt, jobs=jobs, chunk_size=chunk_size,
                        in_memory=False, progress=progress)
    rows: Iterator[list] = table.finish()
    if options.only_doubtful:
        rows = doubtful_rows(rows, table.columns.index("doubt"), summary)
    write_rows(output, table.columns, rows, excel=excel, sep=sep, guard=guard)
    summary.written_format = "tsv" if sep == "\t" else "csv"
    return summary


def clean_inputs(paths: list[str | Path], options: Options | None = None, *, column: str | None = None,
                 fmt: str | None = None, iptc: bool = False, progress=None, stdin=None, jobs: int = 1,
                 chunk_size: int = CHUNK_SIZE) -> CleanResult:
    """Read ``paths`` (files, folders, ``-``) and clean them into one table.

    ``progress(n, total)`` is called as rows are parsed. ``iptc=True`` keeps one row per input row
    (each image needs its own) and names the columns by exiftool tag, ready for ``exiftool -csv=``.
    """
    options = options or Options()
    if iptc:
        options = replace(options, keep_duplicates=True)
    read = read_inputs(paths, column=column, fmt=fmt, stdin=stdin)
    summary = Summary(warnings=list(read.warnings), format=read.format, encoding=read.encoding,
                      files=len(read.files))
    total = len(read.rows)
    tick = (lambda n: progress(n, total)) if progress is not None else None
    table = clean_rows(read.rows, options, summary, progress=tick, jobs=jobs, chunk_size=chunk_size).table
    if "exiftool" in read.format:
        warned = _warned(table)
        disagreements = check_embedded(table)
        # rows the file's fields made warned count as the parsed rows' warnings do: input rows
        newly = _warned(table) & ~warned
        rows = 1 if options.keep_duplicates else table["occurrences"]
        summary.rows_with_warnings += int((newly * rows).sum())
        summary.embedded_disagreements = sum(disagreements.values())
        if disagreements:
            mark_embedded_doubts(table, summary)
    if options.only_doubtful:
        table = only_doubtful(table, summary)
    if iptc:
        table, notes = iptc_table(table)
        summary.warnings += notes
    summary.columns = tuple(table.columns)
    return CleanResult(table, summary, read)


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
    run: CleanResult


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
    return table_stats(run.table, run.summary)


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
                    progress=None, stdin=None, formula_guard: bool = True) -> Summary:
    """Clean ``paths`` and write the table to ``output`` (stdout if None): what ``captionclean clean`` runs.

    ``progress(n, total, unit)`` is called as the work goes: ``unit`` "rows" (``n`` rows of
    ``total``), or "bytes" on the streamed path, whose rows cannot be counted ahead (``n`` bytes
    read of the file's ``total``). ``formula_guard`` puts a ``'`` before CSV/TSV cells a
    spreadsheet would run as a formula; the exiftool table (``iptc``) never has it, as exiftool
    would write the ``'`` into the images.

    A single CSV, TSV or plain-text file written as CSV/TSV is streamed in chunks, so memory
    stays bounded however large it is; everything else is read whole. Both give the same file.
    Returns the run's :class:`Summary` (``written_format``: the format written).
    """
    options = options or Options()
    out_fmt = output_format(output, to)
    if _streamable(paths, fmt, out_fmt, iptc):
        # rows cannot be counted ahead: progress by bytes read
        tick = (lambda done, size: progress(done, size, "bytes")) if progress is not None else None
        return clean_to_path(paths[0], output, options, column=column, fmt=fmt, jobs=jobs, chunk_size=chunk_size,
                             excel=excel, sep="\t" if out_fmt == "tsv" else ",", progress=tick,
                             guard=formula_guard)
    rows_tick = (lambda n, total: progress(n, total, "rows")) if progress is not None else None
    run = clean_inputs(paths, options, column=column, fmt=fmt, iptc=iptc, progress=rows_tick, stdin=stdin,
                       jobs=jobs, chunk_size=chunk_size)
    run.summary.written_format = write_table(run.table, output, fmt=to, excel=excel,
                                             guard=formula_guard and not iptc)
    return run.summary
