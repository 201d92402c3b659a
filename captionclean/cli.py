"""The command line: a thin Typer layer over the library.

Every command makes one library call, formats its result, and turns library
errors into a one-line message and exit code 2.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from .clean import Options, clean_to_path
from .parse import parse_caption
from .read import ReadError
from .repair import RepairOptions, repair_text
from .tables import load_agencies
from .write import WriteError, write_table

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Clean photo-desk caption exports into a tidy, deduplicated table.")


def _fail(message: str) -> None:
    typer.echo(f"captionclean: {message}", err=True)
    raise typer.Exit(2)


@app.command("clean")
def clean_cmd(
    inputs: List[Path] = typer.Argument(..., help="Gallery export, text (one caption a line), JSON lines or CSV (several with --engine dask)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the table here (CSV); stdout if not given."),
    keep_duplicates: bool = typer.Option(False, "--keep-duplicates", help="Keep every input row; repeats point at the first in duplicate_of."),
    column: Optional[str] = typer.Option(None, "--column", help="The caption column of a CSV or JSON input."),
    fmt: Optional[str] = typer.Option(None, "--from", help="Input format: text, jsonl, csv, tsv (default: from extension and content)."),
    year: Optional[int] = typer.Option(None, "--year", help="Year for dates stated without one (date_inferred is set)."),
    agencies: List[Path] = typer.Option([], "--agencies", help="Extra agency table (CSV with name,alias); may repeat."),
    no_repair: bool = typer.Option(False, "--no-repair", help="Do not repair the text."),
    straight_quotes: bool = typer.Option(False, "--straight-quotes", help="Restore lost quotes and apostrophes as straight ones."),
    excel: bool = typer.Option(False, "--excel", help="Write the UTF-8 BOM Excel needs."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary on stderr."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Parse in this many processes (output is the same)."),
    chunk_size: int = typer.Option(5000, "--chunk-size", min=1, help="Rows read and parsed at a time."),
    engine: str = typer.Option("local", "--engine", help="local, or dask: INPUT… cleaned on a Dask cluster into part files in the -o folder."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="With --engine dask: a running scheduler (tcp://host:8786); default a local cluster."),
) -> None:
    """Clean INPUT into the tidy caption table (CSV)."""
    options = Options(keep_duplicates=keep_duplicates, repair=not no_repair, straight_quotes=straight_quotes,
                      year=year, agencies=tuple(str(a) for a in agencies))
    try:
        if engine == "dask":
            from .dask_engine import clean_files_dask

            s = clean_files_dask(inputs, output, options, column=column, fmt=fmt, scheduler=scheduler)
        elif engine != "local":
            raise ValueError(f"unknown engine {engine!r}: use local or dask")
        elif len(inputs) != 1:
            raise ValueError("several inputs need --engine dask; the local engine cleans one file")
        else:
            s = clean_to_path(inputs[0], output, options, column=column, fmt=fmt, jobs=jobs,
                              chunk_size=chunk_size, excel=excel)
    except (ReadError, WriteError, FileNotFoundError, ValueError, ImportError) as exc:
        _fail(str(exc))
    if not quiet:
        for w in s.warnings:
            typer.echo(f"warning: {w}", err=True)
        if s.rows_read == 0:
            typer.echo("the input has no captions: the table has only its header", err=True)
        typer.echo("; ".join(s.lines()) + (f"; written to {output}" if output else ""), err=True)


@app.command("parse")
def parse_cmd(
    text: str = typer.Argument(..., help="One caption."),
    year: Optional[int] = typer.Option(None, "--year", help="Year for a date stated without one."),
    agencies: List[Path] = typer.Option([], "--agencies", help="Extra agency table (CSV)."),
) -> None:
    """Show one caption's fields."""
    try:
        rec = parse_caption(text, agencies=load_agencies(tuple(str(a) for a in agencies)), year=year)
    except (FileNotFoundError, ValueError) as exc:
        _fail(str(exc))
    for key, value in rec.to_row().items():
        typer.echo(f"{key:14} {value}")


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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
