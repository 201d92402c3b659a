"""The command line: a thin Typer layer over the library.

Every command makes one library call, formats its result, and turns library
errors into a one-line message and exit code 2.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import List, Optional

import typer

from .clean import Options
from .parse import parse_caption
from .pipeline import clean_to_output, credits, stats
from .read import ReadError
from .repair import RepairOptions, repair_text
from .tables import load_agencies
from .write import WriteError, write_table

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Clean photo-desk caption exports into a tidy, deduplicated table.")
ERRORS = (ReadError, WriteError, FileNotFoundError, ValueError, ImportError)
PROGRESS_FROM = 2000  # rows; the bar shows only on a terminal

INPUTS = typer.Argument(..., help="Files, folders or - (stdin): gallery export, text, CSV/TSV, JSON (lines), exiftool -j/-csv.")
COLUMN = typer.Option(None, "--column", help="The caption column of a CSV or JSON input.")
FROM = typer.Option(None, "--from", help="Input format: text, gallery, csv, tsv, jsonl, json, exiftool-json, exiftool-csv.")
YEAR = typer.Option(None, "--year", help="Year for dates stated without one (date_inferred is set).")
AGENCIES = typer.Option([], "--agencies", help="Extra agency table (CSV with name,alias); may repeat.")
QUIET = typer.Option(False, "--quiet", "-q", help="No summary or progress bar on stderr.")


def _fail(message: str) -> None:
    typer.echo(f"captionclean: {message}", err=True)
    raise typer.Exit(2)


def _interrupted(output) -> None:
    """Ctrl-C or SIGTERM: the atomic writers have removed their temporary file."""
    done = f"{output} was not written" if output and str(output) != "-" else "standard output is incomplete"
    typer.echo(f"captionclean: interrupted; {done}", err=True)
    raise typer.Exit(130)


def _paths(inputs: List[str]) -> list[str]:
    return [str(i) for i in inputs]


@contextmanager
def _progress(quiet: bool):
    """A rich progress bar on stderr, only when stderr is a terminal and the input is big."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = None

        def tick(n: int, total: int | None) -> None:
            nonlocal task
            if (total if total is not None else n) < PROGRESS_FROM:
                return  # a small input (total None: a streamed file, size not known ahead)
            if task is None:
                task = bar.add_task("parsing captions", total=total)
            if n % 100 == 0 or n == total:
                bar.update(task, completed=n)
        yield tick


def _options(year, agencies, **kw) -> Options:
    return Options(year=year, agencies=tuple(str(a) for a in agencies), **kw)


@app.command("clean")
def clean_cmd(
    inputs: List[str] = INPUTS,
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the table here; stdout if not given."),
    to: Optional[str] = typer.Option(None, "--to", help="Output format: csv, tsv, jsonl, parquet, xlsx (default: from -o's extension, else csv)."),
    keep_duplicates: bool = typer.Option(False, "--keep-duplicates", help="Keep every input row; repeats point at the first in duplicate_of."),
    versions: str = typer.Option("off", "--versions", help="Versions of one picture (re-sends, corrections): off; group = one row per picture, its corrected or latest caption, with versions, version_rows, changes; all = every version a row, version_of pointing at the chosen one (what --keep-duplicates makes of group)."),
    iptc: bool = typer.Option(False, "--iptc", help="Name the columns by exiftool tag (IPTC:By-line, …) for exiftool -csv=; one row per input row."),
    column: Optional[str] = COLUMN,
    fmt: Optional[str] = FROM,
    year: Optional[int] = YEAR,
    agencies: List[Path] = AGENCIES,
    no_repair: bool = typer.Option(False, "--no-repair", help="Do not repair the text."),
    straight_quotes: bool = typer.Option(False, "--straight-quotes", help="Restore lost quotes and apostrophes as straight ones."),
    excel: bool = typer.Option(False, "--excel", help="CSV/TSV: write the UTF-8 BOM Excel needs."),
    quiet: bool = QUIET,
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Parse in this many processes (the output is the same)."),
    chunk_size: int = typer.Option(5000, "--chunk-size", min=1, help="Rows read and parsed at a time (the output is the same)."),
    engine: str = typer.Option("local", "--engine", help="local, or dask: clean on a Dask cluster into part files in the -o folder."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="With --engine dask: a running scheduler (tcp://host:8786); default a local cluster."),
) -> None:
    """Clean INPUTS into the tidy caption table."""
    try:
        options = _options(year, agencies, keep_duplicates=keep_duplicates, repair=not no_repair,
                           straight_quotes=straight_quotes, versions=versions)
        if engine == "dask":
            from .dask_engine import clean_files_dask

            result = clean_files_dask(_paths(inputs), output, options, column=column, fmt=fmt, scheduler=scheduler)
            written = "dask parts"
        elif engine != "local":
            raise ValueError(f"unknown engine {engine!r}: use local or dask")
        else:
            with _progress(quiet) as tick:
                result = clean_to_output(_paths(inputs), output, options, column=column, fmt=fmt, to=to,
                                         excel=excel, iptc=iptc, jobs=jobs, chunk_size=chunk_size, progress=tick)
            written = result.written_format
    except ERRORS as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _interrupted(output)
    if not quiet:
        for w in result.warnings:
            typer.echo(f"warning: {w}", err=True)
        if getattr(result, "summary", result).rows_read == 0:
            typer.echo("the input has no captions: the table has only its header", err=True)
        where = f"; written to {output} ({written})" if output else ""
        typer.echo("; ".join(result.lines()) + where, err=True)


@app.command("credits")
def credits_cmd(
    inputs: List[str] = INPUTS,
    by: Optional[str] = typer.Option(None, "--by", help="gallery: one credit list per gallery."),
    sort: str = typer.Option("order", "--sort", help="order (as photos appear) or count (most photos first)."),
    format: str = typer.Option("table", "--format", help="table (CSV on stdout or -o), or text: the 'Photos: …' line."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the list here (table format)."),
    to: Optional[str] = typer.Option(None, "--to", help="Output format of the table: csv, tsv, jsonl, parquet, xlsx."),
    column: Optional[str] = COLUMN,
    fmt: Optional[str] = FROM,
    year: Optional[int] = YEAR,
    agencies: List[Path] = AGENCIES,
    quiet: bool = QUIET,
) -> None:
    """List who took the photos: one row per photographer and agency."""
    if format not in ("table", "text"):
        _fail(f"unknown --format {format!r}; use table or text")
    try:
        with _progress(quiet) as tick:
            result = credits(_paths(inputs), _options(year, agencies), by=by, sort=sort, column=column,
                             fmt=fmt, progress=tick)
        if format == "text":
            typer.echo(result.text)
        else:
            write_table(result.table, output, fmt=to)
    except ERRORS as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _interrupted(output)


@app.command("stats")
def stats_cmd(
    inputs: List[str] = INPUTS,
    column: Optional[str] = COLUMN,
    fmt: Optional[str] = FROM,
    year: Optional[int] = YEAR,
    agencies: List[Path] = AGENCIES,
    quiet: bool = QUIET,
) -> None:
    """Print the summary of INPUTS: rows, repairs by rule, fields found, warnings by kind."""
    try:
        with _progress(quiet) as tick:
            sections = stats(_paths(inputs), _options(year, agencies), column=column, fmt=fmt, progress=tick)
    except ERRORS as exc:
        _fail(str(exc))
    for title, items in sections.items():
        typer.echo(f"{title}:")
        for name, value in items or [("(none)", "")]:
            typer.echo(f"  {name:28} {value}".rstrip())


@app.command("parse")
def parse_cmd(
    text: str = typer.Argument(..., help="One caption."),
    year: Optional[int] = YEAR,
    agencies: List[Path] = AGENCIES,
    plain: bool = typer.Option(False, "--plain", help="Plain 'field value' lines instead of a table."),
) -> None:
    """Show one caption's fields as a table."""
    try:
        rec = parse_caption(text, agencies=load_agencies(tuple(str(a) for a in agencies)), year=year)
    except ERRORS as exc:
        _fail(str(exc))
    row = rec.to_row()
    if plain:
        for key, value in row.items():
            typer.echo(f"{key:14} {value}")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("field", "value", show_lines=False)
    for key, value in row.items():
        table.add_row(key, str(value))
    Console(soft_wrap=False).print(table)


@app.command("repair")
def repair_cmd(
    text: str = typer.Argument(..., help="Text to repair."),
    straight_quotes: bool = typer.Option(False, "--straight-quotes"),
) -> None:
    """Show what the repair step would change in TEXT, and why."""
    fixed = repair_text(text, RepairOptions(straight_quotes=straight_quotes))
    typer.echo(fixed.text)
    for r in fixed.repairs:
        typer.echo(f"  {r}", err=True)
    for w in fixed.warnings:
        typer.echo(f"  warning: {w}", err=True)


def _terminate(signum, frame) -> None:
    raise KeyboardInterrupt  # unwind as Ctrl-C does: temporary files removed, a clear message


def main() -> None:
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    app()


if __name__ == "__main__":
    main()
