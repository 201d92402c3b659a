"""Writers: tables out as CSV, TSV, JSON lines, Parquet or xlsx, atomically.

Every file is written to a temporary file beside the target, then renamed over
it, so an interrupted run never leaves a half-written table; the file gets the
mode ``open()`` would give it. In CSV and TSV a text cell a spreadsheet would
run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or CR) gets a
leading ``'`` (OWASP's CSV injection advice) unless ``guard=False``. xlsx stores
every text as a text cell (never a formula), so it needs no ``'``; JSON lines
and Parquet keep every value exactly.
"""
from __future__ import annotations

import codecs
import csv
import io
import os
import stat
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable

import regex

OUTPUTS = ("csv", "tsv", "jsonl", "parquet", "xlsx")
SUFFIXES = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl",
            ".json": "jsonl", ".parquet": "parquet", ".xlsx": "xlsx"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
EXTRAS = {"parquet": ("pyarrow", "parquet"), "xlsx": ("openpyxl", "xlsx")}
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
# a lone surrogate has no UTF-8: files are written with it as U+FFFD, never a crash
REPLACE = "captionclean.replace"
codecs.register_error(REPLACE, lambda exc: ("\ufffd".encode("utf-8") * (exc.end - exc.start), exc.end))


def no_surrogates(value: object) -> object:
    """``value`` with lone surrogates as U+FFFD (the file writers do this as they encode)."""
    if isinstance(value, str) and _SURROGATE.search(value):
        return value.encode("utf-8", REPLACE).decode("utf-8")
    return value


class WriteError(Exception):
    """An output that cannot be written; the message is one line for the user."""


def output_format(path: str | Path | None, fmt: str | None = None) -> str:
    """``fmt`` if given, else from the file's extension, else CSV."""
    if fmt:
        if fmt not in OUTPUTS:
            raise WriteError(f"unknown output format {fmt!r}; use one of: {', '.join(OUTPUTS)}")
        named = SUFFIXES.get(Path(path).suffix.lower()) if path is not None and str(path) != "-" else None
        if named is not None and named != fmt:  # never JSON in a file named .csv
            raise WriteError(f"{path}: the name says {named} but the format asked for is {fmt}; "
                             f"name the file for its format, or leave the format out")
        return fmt
    if path is None or str(path) == "-":
        return "csv"
    return SUFFIXES.get(Path(path).suffix.lower(), "csv")


def neutralise(value: object) -> object:
    """A text cell that would start a formula, made inert with a leading ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _is_text(series) -> bool:
    from pandas.api.types import is_object_dtype, is_string_dtype

    return is_object_dtype(series.dtype) or is_string_dtype(series.dtype)


def guard_formulas(table):
    """A copy of ``table`` with every formula-like text cell neutralised."""
    out = table.copy()
    for column in out.columns:
        if _is_text(out[column]):
            out[column] = out[column].map(neutralise)
    out.columns = [neutralise(str(c)) for c in out.columns]
    return out


def _one_newline(value: object) -> object:
    if isinstance(value, str) and "\r" in value:
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def csv_cell(value: object, guard: bool = True) -> object:
    """One CSV/TSV cell as the writers write it: formula guard (unless ``guard=False``), then
    ``\\n`` line breaks."""
    return _one_newline(neutralise(value) if guard else value)


_FORMULA_FIRST = frozenset(p[0] for p in FORMULA_START)


def csv_row(values: list, guard: bool = True) -> list:
    """``csv_cell`` of each value, a missing one (None, NaN) blank; the usual text cell (no
    formula start, no CR) passes untouched, as a streamed write calls this for every row."""
    return _csv_cells(values, guard)[0]


def _csv_cells(values: list, guard: bool) -> tuple[list, bool]:
    """:func:`csv_row`, and whether a cell is over ``BIG_CELL`` characters (found in the same pass:
    :func:`write_csv_row`'s test, which a streamed write would otherwise make over every row again)."""
    first = _FORMULA_FIRST if guard else frozenset()
    out = []
    append = out.append
    big = False
    for v in values:
        if v.__class__ is str:
            if v and (v[0] in first or "\r" in v):
                v = csv_cell(v, guard)  # (a str stays a str)
            if len(v) > BIG_CELL:
                big = True
        elif v is None or (isinstance(v, float) and v != v):
            v = ""
        else:
            v = csv_cell(v, guard)
            if v.__class__ is str and len(v) > BIG_CELL:
                big = True
        append(v)
    return out, big


def table_to_csv(table, *, excel: bool = False, sep: str = ",", guard: bool = True) -> str:
    """CSV/TSV text; line breaks inside cells become ``\\n`` (a bare CR would not be quoted)."""
    out = io.StringIO()
    write_csv(table, out, excel=excel, sep=sep, guard=guard)
    return no_surrogates(out.getvalue())


def write_csv(table, stream, *, excel: bool = False, sep: str = ",", guard: bool = True) -> None:
    """``table`` as CSV/TSV into a text ``stream``, a block of rows at a time (no copy of the whole
    table or file is made); a block holding a cell over ``BIG_CELL`` characters is written row by
    row, that cell a window at a time."""
    import pandas as pd

    if excel:
        stream.write("\ufeff")
    writer = csv.writer(stream, delimiter=sep, lineterminator="\n")
    writer.writerow([neutralise(str(c)) if guard else str(c) for c in table.columns])
    text = [i for i in range(table.shape[1]) if _is_text(table.iloc[:, i])]
    for start in range(0, len(table), _BLOCK):
        part = table.iloc[start:start + _BLOCK].copy(deep=False)
        big = any(_longest(part.iloc[:, i]) > BIG_CELL for i in text)
        first = _FORMULA_FIRST if guard else frozenset()
        for i in text:  # the cells a guard or a CR changes, in an object column (pandas' own map
            column = part.iloc[:, i]  # could infer a type that refuses a lone surrogate)
            cells = column.to_numpy(dtype=object)
            changed = [j for j, v in enumerate(cells) if v.__class__ is str and v and (v[0] in first or "\r" in v)]
            if changed:
                cells = cells.copy()
                for j in changed:
                    cells[j] = csv_cell(cells[j], guard)
                part.isetitem(i, pd.Series(cells, index=column.index, dtype=object))
        if not big:
            part.to_csv(stream, index=False, header=False, sep=sep, lineterminator="\n")
            continue
        for i in range(part.shape[1]):  # pd.NA, NaT, NaN as None: written blank, as pandas writes them
            column = part.iloc[:, i]
            part.isetitem(i, column.astype(object).where(column.notna(), None))
        for row in part.itertuples(index=False, name=None):
            write_csv_row(writer, stream, csv_row(list(row), guard), sep)


_BLOCK = 10000  # rows written at a time


def _longest(column) -> int:
    """The length of the longest text in a column (0 if none)."""
    import pandas as pd
    from pandas.api.types import is_object_dtype

    if not is_object_dtype(column.dtype):  # a string dtype: counted without a Python loop
        longest = column.str.len().max()
        return 0 if pd.isna(longest) else int(longest)
    return max((len(v) for v in column if v.__class__ is str), default=0)


BIG_CELL = 1 << 20  # characters: a row holding a longer cell is written a window at a time
_PIECE = 1 << 20  # characters written at a time from such a cell


def write_csv_row(writer, stream, cells: list, sep: str) -> None:
    """One row of :func:`csv_row` cells: by ``writer`` (a ``csv.writer`` on ``stream``), but a row
    holding a cell over ``BIG_CELL`` characters is written piece by piece as the csv module would
    write it (it would copy the cell several times over, four bytes a character)."""
    if not any(c.__class__ is str and len(c) > BIG_CELL for c in cells):
        writer.writerow(cells)
        return
    for i, cell in enumerate(cells):
        if i:
            stream.write(sep)
        text = cell if cell.__class__ is str else str(cell)
        if not any(ch in text for ch in (sep, '"', "\n", "\r")):
            for j in range(0, len(text), _PIECE):
                stream.write(text[j:j + _PIECE])
            continue
        stream.write('"')
        for j in range(0, len(text), _PIECE):
            stream.write(text[j:j + _PIECE].replace('"', '""'))
        stream.write('"')
    stream.write("\n")


class _NoSurrogates:
    """A text stream that writes lone surrogates (no UTF-8 for them) as U+FFFD."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(no_surrogates(text))


def _spans_objects(table):
    """The ``spans`` column (compact JSON text in the table) as JSON objects in JSON lines."""
    import json

    if "spans" not in table.columns or not _is_text(table["spans"]):
        return table
    out = table.copy()
    out["spans"] = [json.loads(v) if isinstance(v, str) and v.startswith("{") else {} for v in out["spans"]]
    return out


# pandas writes every "/" as "\\/": an escape that is itself a "\\" escaped ("\\\\") stays as it is
_ESCAPED_SLASH = regex.compile(r"(?<!\\)((?:\\\\)*)\\/")


def table_to_jsonl(table) -> str:
    """JSON lines, as a person reads them: UTF-8, and ``/`` not escaped (``REUTERS/Kevin Lamarque``)."""
    table = _spans_objects(table)
    try:
        text = table.to_json(orient="records", lines=True, force_ascii=False, date_format="iso")
    except UnicodeEncodeError:  # a lone surrogate (no UTF-8 for it): written as U+FFFD
        text = _uniform(table).to_json(orient="records", lines=True, force_ascii=False, date_format="iso")
    return _ESCAPED_SLASH.sub(r"\1/", text) if "\\/" in text else text


def write_table(table, path: str | Path | None, *, fmt: str | None = None, excel: bool = False,
                guard: bool = True) -> str:
    """Write ``table`` to ``path`` (atomically), or to stdout when ``path`` is None or '-'.

    ``guard`` is the CSV/TSV formula guard (a leading ``'``); the other formats never change a
    value for it. Returns the format written.
    """
    fmt = output_format(path, fmt)
    to_stdout = path is None or str(path) == "-"
    if fmt in EXTRAS:
        module, extra = EXTRAS[fmt]
        try:
            __import__(module)
        except ImportError:
            raise WriteError(f"{fmt} output needs {module}: pip install 'captionclean[{extra}]'") from None
        if to_stdout:
            raise WriteError(f"{fmt} output is binary: give a file with -o")
    sep = "\t" if fmt == "tsv" else ","
    if fmt == "jsonl":
        text = table_to_jsonl(table)
    if fmt in ("csv", "tsv") and to_stdout:
        write_csv(table, _NoSurrogates(sys.stdout), excel=excel, sep=sep, guard=guard)
        sys.stdout.flush()
    elif fmt in ("csv", "tsv"):
        write_text_atomic(Path(path), lambda f: write_csv(table, f, excel=excel, sep=sep, guard=guard))
    elif to_stdout:
        sys.stdout.write(no_surrogates(text))
        sys.stdout.flush()
    elif fmt == "parquet":
        data = _uniform(table)
        write_atomic(Path(path), lambda tmp: data.to_parquet(tmp, index=False), suffix=".parquet")
    elif fmt == "xlsx":
        data = _uniform(table, xlsx=True)  # U+FFFD for lone surrogates, no control characters
        write_atomic(Path(path), lambda tmp: write_xlsx(data, tmp), suffix=".xlsx")
    else:
        write_text_atomic(Path(path), text)
    return fmt


XLSX_DATE_COLUMNS = frozenset(("date",))  # whole ISO dates become date cells; "2018-05" and "2018" stay text
XLSX_MAX_WIDTH = 60


def _xlsx_widths(table, sample: int = 200) -> list[float]:
    """A width per column from its header and its first ``sample`` values, capped (a caption wraps)."""
    widths = []
    for i, column in enumerate(table.columns):
        longest = max([len(str(column))] + [len(str(v)) for v in table.iloc[:sample, i].tolist()
                                            if v is not None and v == v])
        widths.append(min(XLSX_MAX_WIDTH, max(8, longest + 2)))
    return widths


def write_xlsx(table, path: str) -> None:
    """``table`` as one sheet a desk can work in: every text a text cell (openpyxl would store a text
    starting with ``=`` as a formula, so such a cell is set back to a string: no ``'`` shown, nothing
    runs), whole dates as date cells, the header row frozen, an autofilter, and column widths."""
    import datetime

    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Sheet1")
    sheet.freeze_panes = "A2"
    columns = [str(c) for c in table.columns]
    for i, width in enumerate(_xlsx_widths(table), start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    if columns:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(table) + 1}"
    dated = {i for i, c in enumerate(columns) if c in XLSX_DATE_COLUMNS}
    bold = Font(bold=True)

    def cells(values, header: bool = False) -> list:
        out = []
        for i, v in enumerate(values):
            if v is None or (isinstance(v, float) and v != v):
                v = None
            elif hasattr(v, "item"):  # a numpy scalar: its Python value
                v = v.item()
            is_date = False
            if i in dated and isinstance(v, str) and len(v) == 10:
                try:
                    v, is_date = datetime.date.fromisoformat(v), True
                except ValueError:
                    pass
            cell = WriteOnlyCell(sheet, value=v)
            if cell.data_type == "f":
                cell.data_type = "s"
            if is_date:
                cell.number_format = "yyyy-mm-dd"
            if header:
                cell.font = bold
            out.append(cell)
        return out

    sheet.append(cells(columns, header=True))
    for row in table.itertuples(index=False, name=None):
        sheet.append(cells(row))
    book.save(path)


def _text(v: object) -> object:
    if v is None or (isinstance(v, float) and v != v):
        return None
    return no_surrogates(v if isinstance(v, str) else str(v))


def _uniform(table, xlsx: bool = False):
    """Object columns as text (Parquet needs one type a column; xlsx refuses control characters)."""
    out = table.copy()
    for column in out.columns:
        if _is_text(out[column]):
            out[column] = out[column].map(_text)
            if xlsx:
                out[column] = out[column].map(lambda v: _CONTROL.sub("", v) if isinstance(v, str) else v)
    return out


def write_text_atomic(path: Path, text) -> None:
    """``text`` (a str, or a function writing into the open text file) into ``path``, atomically."""
    with open_text(path, catch=_LIBRARY_ERRORS) as f:
        if callable(text):
            text(f)
        else:
            f.write(text)


# what a library writing a file (pandas, pyarrow, openpyxl) raises on a value it cannot write
_LIBRARY_ERRORS = (ValueError, TypeError, ImportError)


@contextmanager
def open_text(output: str | Path | None, catch: tuple = ()):
    """A UTF-8 text stream for a table: standard output when ``output`` is None or ``-``, else a
    temporary file beside ``output`` renamed over it once the block ends without an error
    (:func:`atomic_path`)."""
    if output is None or str(output) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with atomic_path(Path(output), catch=catch) as tmp:
        with open(tmp, "w", encoding="utf-8", errors=REPLACE, newline="", buffering=1 << 20) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())


def write_rows(output: str | Path | None, columns: list[str], rows: Iterable[list], *, excel: bool = False,
               sep: str = ",", guard: bool = True) -> None:
    """A table given as its header and its rows (lists of values, as they come from the core) into a
    CSV (or TSV, ``sep='\\t'``) at ``output`` (stdout if None or '-'), a row at a time: the file is the
    one :func:`write_table` writes from the same table in memory."""
    with open_text(output) as f:
        if excel:
            f.write("\ufeff")
        writer = csv.writer(f, delimiter=sep, lineterminator="\n")
        writer.writerow(columns)
        write = writer.writerow
        for row in rows:
            cells, big = _csv_cells(row, guard)
            if big:
                write_csv_row(writer, f, cells, sep)
            else:  # what write_csv_row does with a row of no big cell
                write(cells)


def _umask() -> int:
    """The process's umask, read without changing it where Linux shows it (/proc), else set and restored."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def open_mode(path: Path) -> int:
    """The permission bits ``open(path, "w")`` would leave: an existing file keeps its own, a new
    one gets 0o666 less the umask (0o644 under 022)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def settle_mode(tmp: str, path: Path) -> None:
    """Give the temporary file (mkstemp makes it 0o600) the mode ``path`` would get from ``open()``,
    before it is renamed into place: colleagues on a shared drive can read the table."""
    os.chmod(tmp, open_mode(path))


def write_atomic(path: Path, write: Callable[[str], None], suffix: str = "") -> None:
    """Call ``write(temporary_path)`` beside ``path``, then rename it over ``path`` (:func:`atomic_path`)."""
    with atomic_path(path, suffix) as tmp:
        write(tmp)


@contextmanager
def atomic_path(path: Path, suffix: str = "", catch: tuple = _LIBRARY_ERRORS):
    """The one atomic writer: a temporary file's name beside ``path`` to write into; when the block
    ends it gets the mode ``open()`` would give ``path`` and is renamed over it.

    If anything fails (or the run is interrupted), the temporary file is removed and ``path`` is left
    as it was; an OSError (and the ``catch`` errors of a library writing the file) becomes a one-line
    WriteError naming ``path``.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError(f"{path}: the folder {folder} does not exist")
    if path.is_dir():
        raise WriteError(f"{path}: is a folder")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp" + suffix, dir=folder)
        os.close(fd)
        yield tmp
        settle_mode(tmp, path)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise WriteError(f"{path}: cannot be written ({exc.strerror or exc})") from None
    except catch as exc:
        raise WriteError(f"{path}: cannot be written ({type(exc).__name__}: {exc})") from None
    finally:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
