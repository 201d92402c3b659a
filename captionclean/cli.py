"""The command line: a thin Typer layer over the library.

Every command makes one library call, formats its result, and turns library
errors into a one-line message and exit code 2.
"""
from __future__ import annotations

import errno
import functools
import os
import select
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, List, Optional

import typer
from typer.core import TyperCommand, TyperGroup

from . import __version__
from .chunks import CHUNK_SIZE
from .core import Options, check_year
from .config import Settings, load_settings
from .parse import parse_caption
from .engine.local import clean_to_output, credits, stats
from .read import ReadError
from .repair import RepairOptions, repair_text
from .tables import load_agencies
from .write import SUFFIXES as OUTPUT_SUFFIXES, WriteError, write_table, write_text_atomic


def _examples(*lines: str) -> str:
    """A command's help ends with real examples (one per line)."""
    return "Examples:\n\n" + "\n\n".join(f"  $ {line}" for line in lines)


def _plain_help(params: list) -> list:
    """Help without Python type names: a flag shows none, a value its metavar (TEXT, FILE, …)."""
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
        elif param.param_type_name == "argument" and param.metavar:
            param.display_type_rich = lambda ctx: None  # the metavar says it all
    return params


class _Command(TyperCommand):
    def get_params(self, ctx):
        return _plain_help(super().get_params(ctx))


class _Group(TyperGroup):
    def get_params(self, ctx):
        return _plain_help(super().get_params(ctx))


app = typer.Typer(add_completion=False, no_args_is_help=True, cls=_Group,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="Clean photo-desk caption exports into a tidy, deduplicated table.")
ERRORS = (ReadError, WriteError, FileNotFoundError, ValueError, ImportError)
PROGRESS_FROM = 2000  # rows; the bar shows only on a terminal
PROGRESS_BYTES = 1 << 20  # or bytes, where rows cannot be counted ahead

# The options several commands share, each written once (the parsing options: every command that
# parses captions takes all of them).
Inputs = Annotated[List[str], typer.Argument(
    metavar="INPUT", help="Files, folders or - (stdin): gallery export, text, CSV/TSV, JSON (lines), exiftool -j/-csv.")]
Column = Annotated[Optional[str], typer.Option("--column", metavar="NAME", help="The caption column of a CSV or JSON input.")]
From = Annotated[Optional[str], typer.Option(
    "--from", metavar="FORMAT", help="Input format: text, gallery, csv, tsv, jsonl, json, exiftool-json, exiftool-csv.")]
Year = Annotated[Optional[int], typer.Option(
    "--year", metavar="YYYY", help="Year for dates stated without one, four digits (date_inferred is set).")]
Agencies = Annotated[List[Path], typer.Option(
    "--agencies", metavar="FILE", help="Extra agency table (CSV with name,alias); may repeat.")]
NoRepair = Annotated[bool, typer.Option("--no-repair", help="Do not repair the text.")]
StraightQuotes = Annotated[bool, typer.Option(
    "--straight-quotes", help="Restore lost quotes and apostrophes as straight ones.")]
Config = Annotated[Optional[Path], typer.Option(
    "--config", metavar="FILE", help="House settings file (default: ./captionclean.toml, else "
                                     "~/.config/captionclean/captionclean.toml, if there).")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No summary or progress bar on stderr.")]
To = Annotated[Optional[str], typer.Option(
    "--to", metavar="FORMAT", help="Output format: csv, tsv, jsonl, parquet, xlsx (default: from -o's extension, else csv).")]
FormulaGuard = Annotated[bool, typer.Option(
    "--formula-guard/--no-formula-guard",
    help="CSV/TSV: put ' before a cell starting with = + - @ (a spreadsheet would run it as a formula). "
         "Never in --iptc, JSON lines, Parquet or xlsx (text cells).")]


def _fail(message: str) -> None:
    typer.echo(f"captionclean: {' '.join(message.split())}", err=True)  # one line, whatever the library said
    raise typer.Exit(2)


def _interrupted(output) -> None:
    """Ctrl-C or SIGTERM: the atomic writers have removed their temporary file."""
    done = f"{output} was not written" if output and str(output) != "-" else "standard output is incomplete"
    typer.echo(f"captionclean: interrupted; {done}", err=True)
    raise typer.Exit(130)


def _paths(inputs: List[str]) -> list[str]:
    return [str(i) for i in inputs]


def _quiet_on_closed_pipe(command):
    """A reader that stops early (``| head``) ends the run quietly: exit 0, no message, no traceback."""
    @functools.wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except BrokenPipeError:
            try:  # what is still buffered for the closed pipe goes nowhere, not into an error at exit
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
                os.close(devnull)
            except (OSError, ValueError, AttributeError):
                pass
            raise typer.Exit(0) from None
    return run


def _check_stdout_reader() -> None:
    """BrokenPipeError if standard output is a pipe whose reader has gone (``| head`` has its lines).

    A big write that the reader stops half way can end short without an error, so the run
    would go on to print its summary; a pipe with no reader polls as an error (POLLERR).
    """
    try:
        poll = select.poll()
        poll.register(sys.stdout.fileno(), select.POLLOUT)
        gone = any(events & select.POLLERR for _, events in poll.poll(0))
    except (OSError, ValueError, AttributeError):  # not a file (a test runner), or no poll()
        return
    if gone:
        raise BrokenPipeError(errno.EPIPE, "the reader of standard output has gone")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"captionclean {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """Clean photo-desk caption exports into a tidy, deduplicated table."""


@contextmanager
def _progress(quiet: bool):
    """A rich progress bar on stderr, only when stderr is a terminal and the input is big: rows
    parsed, or bytes read when the rows cannot be counted ahead (a streamed CSV)."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(),
               TextColumn("{task.fields[count]}"), TextColumn("left"), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = None

        def tick(n: int, total: int | None, unit: str = "rows") -> None:
            nonlocal task
            small = PROGRESS_BYTES if unit == "bytes" else PROGRESS_FROM
            if (total if total is not None else n) < small:
                return
            if unit == "bytes":
                count = f"{n / 1e6:,.1f}/{total / 1e6:,.1f} MB" if total else f"{n / 1e6:,.1f} MB"
            else:
                count = f"{n:,}/{total:,} captions" if total else f"{n:,} captions"
            if task is None:
                label = "reading and cleaning" if unit == "bytes" else "parsing captions"
                task = bar.add_task(label, total=total, count=count)
            if unit == "bytes" or n % 100 == 0 or n == total:
                bar.update(task, completed=n, count=count)
        yield tick


@contextmanager
def _guard(output=None, errors: tuple = ERRORS):
    """Around a command's library call: an error becomes one line and exit 2; Ctrl-C or SIGTERM
    a line saying what was not written and exit 130. Never a traceback."""
    try:
        yield
    except errors as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _interrupted(output)


def _parsing(config, year, agencies, no_repair: bool = False, straight_quotes: bool = False,
             **kw) -> tuple[Options, Settings]:
    """The parsing options of a run (what was typed, else the settings file's) and the settings."""
    settings = load_settings(config)
    options = Options(year=year if year is not None else settings.year,
                      agencies=settings.agencies + tuple(str(a) for a in agencies),
                      house_names=settings.house_names, repair=not no_repair, straight_quotes=straight_quotes,
                      **kw)
    return options, settings


def _output_to(to, output, settings: Settings):
    """--to, else the -o extension, else the settings' format."""
    if to or not settings.to or (output and Path(str(output)).suffix.lower() in OUTPUT_SUFFIXES):
        return to
    return settings.to


@app.command("clean", cls=_Command, epilog=_examples('captionclean clean fixtures/gallery_export.txt -o out/captions.csv', 'captionclean clean fixtures/captions_extra.tsv --column Description --only-doubtful -o out/check.xlsx'))
@_quiet_on_closed_pipe
def clean_cmd(
    inputs: Inputs,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", metavar="FILE", help="Write the table here; stdout if not given.")] = None,
    to: To = None,
    keep_duplicates: Annotated[bool, typer.Option("--keep-duplicates", help="Keep every input row; repeats point at the first in duplicate_of.")] = False,
    only_doubtful: Annotated[bool, typer.Option("--only-doubtful", help="Write only the rows with a doubt (the doubt column says why).")] = False,
    versions: Annotated[str, typer.Option("--versions", metavar="off|group|all", help="Versions of one picture (re-sends, corrections): off; group = one row per picture, its corrected or latest caption, with versions, version_rows, changes; all = every version a row, version_of pointing at the chosen one (what --keep-duplicates makes of group).")] = "off",
    iptc: Annotated[bool, typer.Option("--iptc", help="Name the columns by exiftool tag (IPTC:By-line, …) for exiftool -csv=; one row per input row.")] = False,
    column: Column = None,
    fmt: From = None,
    year: Year = None,
    agencies: Agencies = [],
    no_repair: NoRepair = False,
    straight_quotes: StraightQuotes = False,
    excel: Annotated[bool, typer.Option("--excel", help="CSV/TSV: write the UTF-8 BOM Excel needs.")] = False,
    formula_guard: FormulaGuard = True,
    quiet: Quiet = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, metavar="N", help="Parse in this many processes (the output is the same).")] = 1,
    chunk_size: Annotated[int, typer.Option("--chunk-size", min=1, metavar="ROWS", help="Rows read and parsed at a time (the output is the same).")] = CHUNK_SIZE,
    engine: Annotated[str, typer.Option("--engine", metavar="ENGINE", help="local, or dask: clean on a Dask cluster into part files in the -o folder.")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS", help="With --engine dask: a running scheduler (tcp://host:8786); default a local cluster.")] = None,
    config: Config = None,
) -> None:
    """Clean INPUTS into the tidy caption table."""
    with _guard(output):
        options, settings = _parsing(config, year, agencies, no_repair, straight_quotes,
                                     keep_duplicates=keep_duplicates, only_doubtful=only_doubtful, versions=versions)
        column = column or settings.column
        to = _output_to(to, output, settings)
        if engine == "dask":
            from .engine.dask import clean_files_dask

            summary = clean_files_dask(_paths(inputs), output, options, column=column, fmt=fmt, scheduler=scheduler,
                                       formula_guard=formula_guard)
        elif engine != "local":
            raise ValueError(f"unknown engine {engine!r}: use local or dask")
        else:
            with _progress(quiet) as tick:
                summary = clean_to_output(_paths(inputs), output, options, column=column, fmt=fmt, to=to,
                                          excel=excel, iptc=iptc, jobs=jobs, chunk_size=chunk_size, progress=tick,
                                          formula_guard=formula_guard)
    if output is None or str(output) == "-":
        _check_stdout_reader()
    if not quiet:
        for w in summary.warnings:
            typer.echo(f"warning: {w}", err=True)
        if summary.rows_read == 0:
            typer.echo("the input has no captions: the table has only its header", err=True)
        where = f"; written to {output} ({summary.written_format})" if output else ""
        used = f"; {settings.describe()}" if settings.path else ""
        typer.echo("; ".join(summary.lines()) + used + where, err=True)


@app.command("credits", cls=_Command, epilog=_examples('captionclean credits fixtures/gallery_export.txt --by gallery --sort count --format text', 'captionclean credits fixtures/captions_extra.tsv -o out/credits.csv'))
@_quiet_on_closed_pipe
def credits_cmd(
    inputs: Inputs,
    by: Annotated[Optional[str], typer.Option("--by", metavar="gallery", help="gallery: one credit list per gallery.")] = None,
    sort: Annotated[str, typer.Option("--sort", metavar="order|count", help="order (as photos appear) or count (most photos first).")] = "order",
    format: Annotated[str, typer.Option("--format", metavar="table|text", help="table (CSV on stdout or -o), or text: the 'Photos: …' line.")] = "table",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", metavar="FILE", help="Write the list here; stdout if not given.")] = None,
    to: To = None,
    column: Column = None,
    fmt: From = None,
    year: Year = None,
    agencies: Agencies = [],
    no_repair: NoRepair = False,
    straight_quotes: StraightQuotes = False,
    formula_guard: FormulaGuard = True,
    quiet: Quiet = False,
    config: Config = None,
) -> None:
    """List who took the photos: one row per photographer and agency."""
    if format not in ("table", "text"):
        _fail(f"unknown --format {format!r}; use table or text")
    with _guard(output):
        options, settings = _parsing(config, year, agencies, no_repair, straight_quotes)
        with _progress(quiet) as tick:
            result = credits(_paths(inputs), options, by=by, sort=sort, column=column or settings.column,
                             fmt=fmt, progress=tick)
        if format == "text":
            if to:
                raise ValueError("--to is the table's format: the text format is one line of text")
            if output is None or str(output) == "-":
                typer.echo(result.text)
            else:
                write_text_atomic(output, result.text + "\n")
        else:
            write_table(result.table, output, fmt=to, guard=formula_guard)


@app.command("stats", cls=_Command, epilog=_examples('captionclean stats fixtures/gallery_export.txt', 'captionclean stats fixtures/exiftool_g1.json'))
@_quiet_on_closed_pipe
def stats_cmd(
    inputs: Inputs,
    column: Column = None,
    fmt: From = None,
    year: Year = None,
    agencies: Agencies = [],
    no_repair: NoRepair = False,
    straight_quotes: StraightQuotes = False,
    quiet: Quiet = False,
    config: Config = None,
) -> None:
    """Print the summary of INPUTS: rows, repairs by rule, fields found, warnings by kind."""
    with _guard():
        options, settings = _parsing(config, year, agencies, no_repair, straight_quotes)
        with _progress(quiet) as tick:
            sections = stats(_paths(inputs), options, column=column or settings.column, fmt=fmt, progress=tick)
    for title, items in sections.items():
        typer.echo(f"{title}:")
        for name, value in items or [("(none)", "")]:
            typer.echo(f"  {name:28} {value}".rstrip())


@app.command("apply", cls=_Command, epilog=_examples('captionclean clean fixtures/exiftool_g1.json -o out/photos.csv', 'captionclean apply out/photos.csv --write'))
@_quiet_on_closed_pipe
def apply_cmd(
    table: Annotated[Path, typer.Argument(metavar="TABLE", help="A table captionclean clean wrote from pictures (it has SourceFile).")],
    write: Annotated[bool, typer.Option("--write", help="Write the changes into the pictures (default: only show them).")] = False,
    overwrite_original: Annotated[bool, typer.Option("--overwrite-original", help="Do not keep exiftool's FILE_original copies.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Also write rows that have doubts or warnings.")] = False,
    quiet: Quiet = False,
) -> None:
    """Write the cleaned fields back into the pictures named in SourceFile (a dry run unless --write).

    Per picture, each tag that would change: old → new. A blank cleaned value never erases a tag;
    rows with doubts are skipped unless --force; exiftool keeps FILE_original unless
    --overwrite-original.
    """
    from .images import ExiftoolError, apply_plan, plan_apply

    with _guard(errors=(*ERRORS, ExiftoolError)):
        plan = plan_apply(table, force=force)
        written = apply_plan(plan, overwrite_original=overwrite_original) if write else 0
    for f in plan.files:
        if not f.changes and not f.skipped:
            continue
        typer.echo(f"{f.path}" + (f"  (skipped: {f.skipped})" if f.skipped else ""))
        for c in f.changes:
            typer.echo(f"  {c.tag}: {c.old!r} → {c.new!r}")
    if not quiet:
        lines = plan.lines()
        if write:
            lines.append(f"written: {written}" + ("" if overwrite_original or not written
                                                  else " (originals kept as FILE_original)"))
        else:
            lines.append("dry run: nothing written (--write writes)")
        typer.echo("; ".join(lines), err=True)


@app.command("review", cls=_Command, epilog=_examples('captionclean review fixtures/gallery_export.txt -o out/review.html', "captionclean review fixtures/captions_extra.tsv --title 'Desk, Monday' -o out/monday.html"))
@_quiet_on_closed_pipe
def review_cmd(
    inputs: Inputs,
    output: Annotated[Path, typer.Option("-o", "--output", metavar="FILE", help="The review page to write (one self-contained HTML file).")],
    title: Annotated[Optional[str], typer.Option("--title", metavar="TEXT", help="The page's title (default: the input names).")] = None,
    column: Column = None,
    fmt: From = None,
    year: Year = None,
    agencies: Agencies = [],
    no_repair: NoRepair = False,
    straight_quotes: StraightQuotes = False,
    quiet: Quiet = False,
    config: Config = None,
) -> None:
    """Write a review page of INPUTS: each caption with its fields marked, repairs, doubts, filters."""
    from .review import write_review

    with _guard(output):
        options, settings = _parsing(config, year, agencies, no_repair, straight_quotes)
        with _progress(quiet) as tick:
            result = write_review(_paths(inputs), output, options, column=column or settings.column, fmt=fmt,
                                  title=title, progress=tick)
    if not quiet:
        typer.echo("; ".join(result.lines()), err=True)


@app.command("parse", cls=_Command, epilog=_examples('captionclean parse "Officers hold candles in Washington, May 13, 2018. (Photo by Zach Gibson/Getty Images)"', 'captionclean parse --plain "People walk in the rain in London, May 25. REUTERS/Toby Melville" --year 2018'))
@_quiet_on_closed_pipe
def parse_cmd(
    text: Annotated[str, typer.Argument(metavar="CAPTION", help="One caption.")],
    year: Year = None,
    agencies: Agencies = [],
    no_repair: NoRepair = False,
    straight_quotes: StraightQuotes = False,
    plain: Annotated[bool, typer.Option("--plain", help="Plain 'field value' lines instead of a table.")] = False,
    config: Config = None,
) -> None:
    """Show one caption's fields as a table."""
    with _guard():
        options, _ = _parsing(config, year, agencies, no_repair, straight_quotes)
        rec = parse_caption(text, agencies=load_agencies(options.agencies, options.house_names),
                            repair=options.repair, repair_options=RepairOptions(straight_quotes=options.straight_quotes),
                            year=check_year(options.year))
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


@app.command("repair", cls=_Command, epilog=_examples('captionclean repair "Peace Officers? Memorial Service"', 'captionclean repair --straight-quotes "it?s ?Sanctuary City?"'))
@_quiet_on_closed_pipe
def repair_cmd(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Text to repair.")],
    straight_quotes: StraightQuotes = False,
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
