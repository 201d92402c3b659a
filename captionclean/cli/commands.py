"""The commands: a thin Typer layer over the library.

Every command makes one library call and formats its result; the options it shares with others, the
error guard and the quiet end on a closed pipe come from :mod:`captionclean.cli.options`.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from .. import __version__
from ..chunks import CHUNK_SIZE
from ..core import complete_parse
from ..engine.local import clean_to_output, credits, stats
from ..repair import RepairOptions, repair_text
from ..write import write_table, write_text_atomic
from .options import (FormulaGuard, Group, Inputs, Parsing, Quiet, StraightQuotes, To, check_stdout_reader, command,
                      output_to, progress_bar)

app = typer.Typer(add_completion=False, no_args_is_help=True, cls=Group,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="Clean photo-desk caption exports into a tidy, deduplicated table.")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"captionclean {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """Clean photo-desk caption exports into a tidy, deduplicated table."""


def _paths(inputs: List[str]) -> list[str]:
    return [str(i) for i in inputs]


@command(app, "clean", "captionclean clean fixtures/gallery_export.txt -o out/captions.csv",
         "captionclean clean fixtures/captions_extra.tsv --column Description --only-doubtful -o out/check.xlsx",
         reading=True, parsing=True)
def clean_cmd(
    inputs: Inputs,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", metavar="FILE", help="Write the table here; stdout if not given.")] = None,
    to: To = None,
    keep_duplicates: Annotated[bool, typer.Option("--keep-duplicates", help="Keep every input row; repeats point at the first in duplicate_of.")] = False,
    only_doubtful: Annotated[bool, typer.Option("--only-doubtful", help="Write only the rows with a doubt (the doubt column says why).")] = False,
    versions: Annotated[str, typer.Option("--versions", metavar="off|group|all", help="Versions of one picture (re-sends, corrections): off; group = one row per picture, its corrected or latest caption, with versions, version_rows, changes; all = every version a row, version_of pointing at the chosen one (what --keep-duplicates makes of group).")] = "off",
    iptc: Annotated[bool, typer.Option("--iptc", help="Name the columns by exiftool tag (IPTC:By-line, …) for exiftool -csv=; one row per input row.")] = False,
    excel: Annotated[bool, typer.Option("--excel", help="CSV/TSV: write the UTF-8 BOM Excel needs.")] = False,
    formula_guard: FormulaGuard = True,
    quiet: Quiet = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, metavar="N", help="Parse in this many processes (the output is the same).")] = 1,
    chunk_size: Annotated[int, typer.Option("--chunk-size", min=1, metavar="ROWS", help="Rows read and parsed at a time (the output is the same).")] = CHUNK_SIZE,
    engine: Annotated[str, typer.Option("--engine", metavar="ENGINE", help="local, or dask: clean on a Dask cluster into part files in the -o folder.")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS", help="With --engine dask: a running scheduler (tcp://host:8786); default a local cluster.")] = None,
    *, parsing: Parsing,
) -> None:
    """Clean INPUTS into the tidy caption table."""
    options = replace(parsing.options, keep_duplicates=keep_duplicates, only_doubtful=only_doubtful,
                      versions=versions)
    if engine == "dask":
        from ..engine.dask import clean_files_dask

        summary = clean_files_dask(_paths(inputs), output, options, column=parsing.column, fmt=parsing.fmt,
                                   scheduler=scheduler, formula_guard=formula_guard)
    elif engine != "local":
        raise ValueError(f"unknown engine {engine!r}: use local or dask")
    else:
        with progress_bar(quiet) as tick:
            summary = clean_to_output(_paths(inputs), output, options, column=parsing.column, fmt=parsing.fmt,
                                      to=output_to(to, output, parsing.settings), excel=excel, iptc=iptc, jobs=jobs,
                                      chunk_size=chunk_size, progress=tick, formula_guard=formula_guard)
    if output is None or str(output) == "-":
        check_stdout_reader()
    if not quiet:
        for w in summary.warnings:
            typer.echo(f"warning: {w}", err=True)
        if summary.rows_read == 0:
            typer.echo("the input has no captions: the table has only its header", err=True)
        where = f"; written to {output} ({summary.written_format})" if output else ""
        used = f"; {parsing.settings.describe()}" if parsing.settings.path else ""
        typer.echo("; ".join(summary.lines()) + used + where, err=True)


@command(app, "credits", "captionclean credits fixtures/gallery_export.txt --by gallery --sort count --format text",
         "captionclean credits fixtures/captions_extra.tsv -o out/credits.csv", reading=True, parsing=True)
def credits_cmd(
    inputs: Inputs,
    by: Annotated[Optional[str], typer.Option("--by", metavar="gallery", help="gallery: one credit list per gallery.")] = None,
    sort: Annotated[str, typer.Option("--sort", metavar="order|count", help="order (as photos appear) or count (most photos first).")] = "order",
    format: Annotated[str, typer.Option("--format", metavar="table|text", help="table (CSV on stdout or -o), or text: the 'Photos: …' line.")] = "table",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", metavar="FILE", help="Write the list here; stdout if not given.")] = None,
    to: To = None,
    formula_guard: FormulaGuard = True,
    quiet: Quiet = False,
    *, parsing: Parsing,
) -> None:
    """List who took the photos: one row per photographer and agency."""
    if format not in ("table", "text"):
        raise ValueError(f"unknown --format {format!r}; use table or text")
    if format == "text" and to:
        raise ValueError("--to is the table's format: the text format is one line of text")
    with progress_bar(quiet) as tick:
        result = credits(_paths(inputs), parsing.options, by=by, sort=sort, column=parsing.column, fmt=parsing.fmt,
                         progress=tick)
    if format == "table":
        write_table(result.table, output, fmt=to, guard=formula_guard)
    elif output is None or str(output) == "-":
        typer.echo(result.text)
    else:
        write_text_atomic(output, result.text + "\n")


@command(app, "stats", "captionclean stats fixtures/gallery_export.txt", "captionclean stats fixtures/exiftool_g1.json",
         reading=True, parsing=True)
def stats_cmd(inputs: Inputs, quiet: Quiet = False, *, parsing: Parsing) -> None:
    """Print the summary of INPUTS: rows, repairs by rule, fields found, warnings by kind."""
    with progress_bar(quiet) as tick:
        sections = stats(_paths(inputs), parsing.options, column=parsing.column, fmt=parsing.fmt, progress=tick)
    for title, items in sections.items():
        typer.echo(f"{title}:")
        for name, value in items or [("(none)", "")]:
            typer.echo(f"  {name:28} {value}".rstrip())


@command(app, "apply", "captionclean clean fixtures/exiftool_g1.json -o out/photos.csv",
         "captionclean apply out/photos.csv --write")
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
    from ..images import apply_plan, plan_apply

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


@command(app, "review", "captionclean review fixtures/gallery_export.txt -o out/review.html",
         "captionclean review fixtures/captions_extra.tsv --title 'Desk, Monday' -o out/monday.html",
         reading=True, parsing=True)
def review_cmd(
    inputs: Inputs,
    output: Annotated[Path, typer.Option("-o", "--output", metavar="FILE", help="The review page to write (one self-contained HTML file).")],
    title: Annotated[Optional[str], typer.Option("--title", metavar="TEXT", help="The page's title (default: the input names).")] = None,
    quiet: Quiet = False,
    *, parsing: Parsing,
) -> None:
    """Write a review page of INPUTS: each caption with its fields marked, repairs, doubts, filters."""
    from ..review import write_review

    with progress_bar(quiet) as tick:
        result = write_review(_paths(inputs), output, parsing.options, column=parsing.column, fmt=parsing.fmt,
                              title=title, progress=tick)
    if not quiet:
        typer.echo("; ".join(result.lines()), err=True)


@command(app, "parse", 'captionclean parse "Officers hold candles in Washington, May 13, 2018. (Photo by Zach Gibson/Getty Images)"',
         'captionclean parse --plain "People walk in the rain in London, May 25. REUTERS/Toby Melville" --year 2018',
         parsing=True)
def parse_cmd(
    text: Annotated[str, typer.Argument(metavar="CAPTION", help="One caption.")],
    plain: Annotated[bool, typer.Option("--plain", help="Plain 'field value' lines instead of a table.")] = False,
    *, parsing: Parsing,
) -> None:
    """Show one caption's fields as a table."""
    row = complete_parse(text, parsing.options)
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


@command(app, "repair", "captionclean repair \"Peace Officers? Memorial Service\"",
         "captionclean repair --straight-quotes \"it?s ?Sanctuary City?\"")
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

    from .. import core

    signal.signal(signal.SIGTERM, _terminate)
    core.own_process()  # this process is the tool's own: its tables leave the collector's scans, which run less often
    app()
