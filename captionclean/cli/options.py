"""What the commands share, declared once: the options (``Annotated`` aliases, as fastapi-cli declares
them), the option groups a command takes by saying so (:func:`command`, as sqlite-utils' decorators add
theirs), the one error guard, the progress bar and the quiet end on a closed pipe."""
from __future__ import annotations

import errno
import functools
import inspect
import os
import select
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, List, Optional

import typer
from typer.core import TyperCommand, TyperGroup

from ..config import Settings, load_settings
from ..core import Options
from ..images import ExiftoolError
from ..read import ReadError
from ..write import SUFFIXES as OUTPUT_SUFFIXES, WriteError

ERRORS = (ReadError, WriteError, ExiftoolError, FileNotFoundError, ValueError, ImportError)
PROGRESS_FROM = 2000  # rows; the bar shows only on a terminal
PROGRESS_BYTES = 1 << 20  # or bytes, where rows cannot be counted ahead

# The options several commands share, each written once.
PANEL = "Reading and parsing"  # where help lists the shared parsing options
Inputs = Annotated[List[str], typer.Argument(
    metavar="INPUT", help="Files, folders or - (stdin): gallery export, text, CSV/TSV, JSON (lines), exiftool -j/-csv.")]
Column = Annotated[Optional[str], typer.Option("--column", metavar="NAME", rich_help_panel=PANEL, help="The caption column of a CSV or JSON input.")]
From = Annotated[Optional[str], typer.Option(
    "--from", metavar="FORMAT", rich_help_panel=PANEL, help="Input format: text, gallery, csv, tsv, jsonl, json, exiftool-json, exiftool-csv.")]
Year = Annotated[Optional[int], typer.Option(
    "--year", metavar="YYYY", rich_help_panel=PANEL, help="Year for dates stated without one, four digits (date_inferred is set).")]
Agencies = Annotated[List[Path], typer.Option(
    "--agencies", metavar="FILE", rich_help_panel=PANEL, help="Extra agency table (CSV with name,alias); may repeat.")]
NoRepair = Annotated[bool, typer.Option("--no-repair", rich_help_panel=PANEL, help="Do not repair the text.")]
StraightQuotes = Annotated[bool, typer.Option(
    "--straight-quotes", rich_help_panel=PANEL, help="Restore lost quotes and apostrophes as straight ones.")]
Config = Annotated[Optional[Path], typer.Option(
    "--config", metavar="FILE", rich_help_panel=PANEL, help="House settings file (default: ./captionclean.toml, else "
                                     "~/.config/captionclean/captionclean.toml, if there).")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No summary or progress bar on stderr.")]
To = Annotated[Optional[str], typer.Option(
    "--to", metavar="FORMAT", help="Output format: csv, tsv, jsonl, parquet, xlsx (default: from -o's extension, else csv).")]
FormulaGuard = Annotated[bool, typer.Option(
    "--formula-guard/--no-formula-guard",
    help="CSV/TSV: put ' before a cell starting with = + - @ (a spreadsheet would run it as a formula). "
         "Never in --iptc, JSON lines, Parquet or xlsx (text cells).")]

# The option groups: (parameter, its option, its default). A command that parses captions takes
# PARSING; one that reads inputs takes READING too.
READING = (("column", Column, None), ("fmt", From, None))
PARSING = (("year", Year, None), ("agencies", Agencies, []), ("no_repair", NoRepair, False),
           ("straight_quotes", StraightQuotes, False), ("config", Config, None))


@dataclass(frozen=True)
class Parsing:
    """What the parsing options say, with the settings file's values where none was typed."""

    options: Options
    settings: Settings
    column: str | None = None  # the caption column (READING)
    fmt: str | None = None  # the input format (READING)


def parsing_options(config=None, year=None, agencies=(), no_repair: bool = False, straight_quotes: bool = False,
                    column=None, fmt=None) -> Parsing:
    """The run's parsing options: what was typed, else the settings file's."""
    settings = load_settings(config)
    options = Options(year=year if year is not None else settings.year,
                      agencies=settings.agencies + tuple(str(a) for a in agencies),
                      house_names=settings.house_names, repair=not no_repair, straight_quotes=straight_quotes)
    return Parsing(options, settings, column or settings.column, fmt)


def examples(*lines: str) -> str:
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


class Command(TyperCommand):
    def get_params(self, ctx):
        return _plain_help(super().get_params(ctx))


class Group(TyperGroup):
    def get_params(self, ctx):
        return _plain_help(super().get_params(ctx))


def command(app: typer.Typer, name: str, *example_lines: str, reading: bool = False, parsing: bool = False):
    """Register ``func`` as the command ``name``, its help ending with ``example_lines``.

    ``parsing=True`` adds the PARSING options (``reading=True`` the READING ones too) to the command's
    own and hands ``func`` what they say as ``parsing`` (a :class:`Parsing`). The whole command runs in
    the one error guard (:func:`guard`) and ends quietly when its reader closes the pipe.
    """
    groups = (READING if reading else ()) + (PARSING if parsing else ())

    def register(func):
        signature = inspect.signature(func, eval_str=True)
        own = [p for p in signature.parameters.values() if p.name != "parsing"]
        shared = [inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, annotation=a, default=d) for n, a, d in groups]

        @functools.wraps(func)
        def run(**kw):
            typed = {n: kw.pop(n) for n, _, _ in groups}
            with quiet_on_closed_pipe(), guard(kw.get("output")):
                if parsing:
                    kw["parsing"] = parsing_options(**typed)
                return func(**kw)

        run.__signature__ = signature.replace(parameters=own + shared)
        run.__annotations__ = {p.name: p.annotation for p in own + shared}
        return app.command(name, cls=Command, epilog=examples(*example_lines))(run)
    return register


def fail(message: str) -> None:
    typer.echo(f"captionclean: {' '.join(message.split())}", err=True)  # one line, whatever the library said
    raise typer.Exit(2)


@contextmanager
def guard(output=None):
    """Around a command: a library error becomes one line and exit 2; Ctrl-C or SIGTERM a line saying
    what was not written (the atomic writers have removed their temporary file) and exit 130. Never
    a traceback."""
    try:
        yield
    except ERRORS as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        done = f"{output} was not written" if output and str(output) != "-" else "standard output is incomplete"
        typer.echo(f"captionclean: interrupted; {done}", err=True)
        raise typer.Exit(130)


@contextmanager
def quiet_on_closed_pipe():
    """A reader that stops early (``| head``) ends the run quietly: exit 0, no message, no traceback."""
    try:
        yield
    except BrokenPipeError:
        try:  # what is still buffered for the closed pipe goes nowhere, not into an error at exit
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError):
            pass
        raise typer.Exit(0) from None


def check_stdout_reader() -> None:
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


@contextmanager
def progress_bar(quiet: bool):
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


def output_to(to, output, settings: Settings):
    """--to, else the -o extension, else the settings' format."""
    if to or not settings.to or (output and Path(str(output)).suffix.lower() in OUTPUT_SUFFIXES):
        return to
    return settings.to
