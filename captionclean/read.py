"""Readers: files in, caption rows out, every row with its source position.

Formats: the gallery text export (``N PHOTOS`` … ``BACK TO SLIDE``), plain text
(one caption per non-empty line), JSON lines and JSON arrays, CSV/TSV with any
delimiter and quoting, and exiftool output (``-j``, ``-j -G1``, ``-csv``).
Bytes are decoded as UTF-8 (with or without BOM) or UTF-16 (BOM), falling back
per line to cp1252, which is recorded as a repair on the row.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import regex

from .images import ExiftoolError, is_image, read_images
from .iptc import CAPTION_COLUMNS
from .repair import Repair


class ReadError(Exception):
    """An input that cannot be read; the message is one line for the user."""


@dataclass
class InputRow:
    text: str
    source_row: int
    gallery: str = ""
    extra: dict[str, object] = field(default_factory=dict)
    repairs: list[Repair] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    line: int = 0  # the file line a CSV record ends on (0: the same as source_row)

    @property
    def last_line(self) -> int:
        return self.line or self.source_row


@dataclass
class ReadResult:
    rows: list[InputRow]
    format: str
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)
    galleries: dict[str, dict] = field(default_factory=dict)
    files: list[tuple[str, str, str, int]] = field(default_factory=list)  # name, format, encoding, rows


FORMATS = ("text", "gallery", "jsonl", "json", "csv", "tsv", "exiftool-json", "exiftool-csv")
SUFFIXES = {".txt": "text", ".text": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
            ".csv": "csv", ".tsv": "tsv", ".tab": "tsv"}
_PHOTOS = regex.compile(r"^\s*(\d+)\s+PHOTOS\s*$")
_CHROME = frozenset(("HIDE CAPTION", "SHOW CAPTION", "of", "SEE ALL", "BACK TO SLIDE", "See Gallery"))
_NEWLINE = regex.compile(rb"\r\n|\r|\n")
DECODE_CP1252 = ("decode_cp1252", "invalid UTF-8 line", "read as cp1252")
_DELIMITERS = ",;\t|"
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
csv.field_size_limit(2**31 - 1)  # a caption (or a damaged file's field) may be any length


def _split(data: bytes) -> list[bytes]:
    lines = _NEWLINE.split(data)
    if lines and lines[-1] == b"":
        lines.pop()
    return lines


def decode_lines(data: bytes) -> tuple[list[str], list[bool], str]:
    """Decode ``data`` line by line: UTF-8, else cp1252 for that line.

    Returns the lines, which lines fell back, and the encoding used
    (``utf-8``, ``utf-8-sig``, ``utf-16``, ``cp1252`` or ``utf-8+cp1252`` for a mix).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:  # cut short or damaged: keep what can be read
            text, encoding = data.decode("utf-16", errors="replace"), "utf-16 (damaged bytes replaced)"
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        return lines, [False] * len(lines), encoding
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    lines, fell, utf8_non_ascii = [], [], 0
    for raw in _split(data):
        try:
            lines.append(raw.decode("utf-8"))
            fell.append(False)
            utf8_non_ascii += not raw.isascii()
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1252", errors="replace"))
            fell.append(True)
    if not any(fell):
        encoding = "utf-8-sig" if bom else "utf-8"
    else:
        encoding = "utf-8+cp1252" if utf8_non_ascii else "cp1252"
    return lines, fell, encoding


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls >= 8 and controls > len(head) // 20


def read_inputs(paths: list[str | Path], *, column: str | None = None, fmt: str | None = None,
                stdin=None) -> ReadResult:
    """Read every input (files, folders, ``-`` for standard input) into one result.

    Pictures (JPEG, TIFF, PNG, HEIC, XMP sidecars, …), given as files or found in folders, are
    read together by one exiftool process (images.py), as an ``exiftool -j -G1`` export is.
    With more than one file, each row's ``extra`` starts with ``source_file``.
    """
    files: list[tuple[str, Path | None]] = []
    pictures: list[Path] = []
    warnings: list[str] = []
    for p in paths:
        if str(p) == "-":
            files.append(("-", None))
            continue
        path = Path(p)
        if not path.exists():
            raise ReadError(f"{path}: no such file or folder")
        if path.is_dir():
            found, images, skipped = _folder_files(path, pictures=fmt is None)
            if not found and not images:
                raise ReadError(f"{path}: the folder has no caption files (.txt, .csv, .tsv, .json, .jsonl) "
                                "and no pictures")
            if skipped:
                warnings.append(f"{path}: skipped {skipped} files that are neither caption exports nor pictures")
            files += [(str(f), f) for f in found]
            pictures += images
        elif is_image(path) and fmt is None:  # --from names another format: read the file as that
            pictures.append(path)
        else:
            files.append((str(path), path))
    if not files and not pictures:
        raise ReadError("no input given")
    many = len(files) + (1 if pictures else 0) > 1 or any(Path(str(p)).is_dir() for p in paths if str(p) != "-")
    results = []
    if pictures:
        try:
            data = read_images(pictures)
        except ExiftoolError as exc:
            if not files:
                raise ReadError(str(exc)) from None
            warnings.append(f"skipped {len(pictures)} pictures: {exc}")  # the caption files are still read
        else:
            name = f"{len(pictures)} pictures"
            results.append((name, read_bytes(data, name=name, column=column, fmt="exiftool-json")))
    for name, path in files:
        if path is None:
            data = (stdin or sys.stdin.buffer).read()
            result = read_bytes(data, name="<stdin>", column=column, fmt=fmt)
        else:
            try:
                result = read_path(path, column=column, fmt=fmt)
            except ReadError as exc:
                if len(files) > 1 and "binary" in str(exc):
                    warnings.append(str(exc) + "; skipped")
                    continue
                raise
        results.append((name, result))
    return _combine(results, warnings, many)


def _folder_files(folder: Path, pictures: bool = True) -> tuple[list[Path], list[Path], int]:
    """A folder's caption files, its pictures (when ``pictures``), and how many other files it holds."""
    found, images, skipped = [], [], 0
    for f in sorted(folder.rglob("*")):
        if not f.is_file() or any(part.startswith(".") for part in f.relative_to(folder).parts):
            continue
        if f.suffix.lower() in SUFFIXES:
            found.append(f)
        elif pictures and is_image(f):
            images.append(f)
        else:
            skipped += 1
    return found, images, skipped


def _combine(results: list[tuple[str, ReadResult]], warnings: list[str], many: bool) -> ReadResult:
    if not results:
        raise ReadError("nothing readable in the inputs")
    rows: list[InputRow] = []
    galleries: dict[str, dict] = {}
    for name, result in results:
        for row in result.rows:
            if many:
                row.extra = {"source_file": name, **row.extra}
            rows.append(row)
        galleries.update(result.galleries)
        warnings += [f"{name}: {w}" if many else w for w in result.warnings]
    formats = list(dict.fromkeys(r.format for _, r in results))
    encodings = list(dict.fromkeys(e for _, r in results for e in r.encoding.split("+")))
    files = [(name, r.format, r.encoding, len(r.rows)) for name, r in results]
    return ReadResult(rows, "+".join(formats), "+".join(encodings), warnings, galleries, files)


def read_head(path: str | Path, size: int | None = None) -> tuple[Path, bytes]:
    """A file's bytes (the first ``size``, or all), or a ReadError saying why not."""
    path = Path(path)
    if not path.exists():
        raise ReadError(f"{path}: no such file")
    if path.is_dir():
        raise ReadError(f"{path}: is a folder, not a file")
    try:
        with path.open("rb") as f:
            return path, f.read() if size is None else f.read(size)
    except OSError as exc:
        raise ReadError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def read_path(path: str | Path, *, column: str | None = None, fmt: str | None = None) -> ReadResult:
    path, data = read_head(path)
    return read_bytes(data, name=str(path), column=column, fmt=fmt)


def _header_fields(line: str) -> list[str] | None:
    for d in _DELIMITERS:
        try:
            parts = next(csv.reader([line], delimiter=d), [])
        except csv.Error:
            continue
        if len(parts) > 1:
            return parts
    return None


def detect_format(name: str, lines: list[str]) -> str:
    """The format from the content first (JSON, exiftool, a header row), then the extension."""
    first = next((ln for ln in lines if ln.strip()), "").lstrip("\ufeff").strip()
    if first.startswith("["):
        return "json"
    if first.startswith("{"):
        return "jsonl"
    head = _header_fields(first)
    if head and head[0] == "SourceFile":
        return "exiftool-csv"
    fmt = SUFFIXES.get(Path(name).suffix.lower())
    if fmt == "json":
        return "jsonl"
    if fmt:
        return fmt
    if head and any(h.strip().casefold().split(":")[-1] in CAPTION_COLUMNS for h in head):
        return "tsv" if "\t" in first else "csv"
    return "text"


def read_bytes(data: bytes, *, name: str = "<input>", column: str | None = None,
               fmt: str | None = None) -> ReadResult:
    if fmt and fmt not in FORMATS:
        raise ReadError(f"unknown input format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if _looks_binary(data):
        raise ReadError(f"{name}: looks like a binary file, not captions")
    lines, fell, encoding = decode_lines(data)
    fmt = fmt or detect_format(name, lines)
    if fmt in ("jsonl", "json", "exiftool-json"):
        result = _read_json(lines, name, column)
    elif fmt in ("csv", "tsv", "exiftool-csv"):
        result = _read_csv(lines, name, column, "\t" if fmt == "tsv" else None)
    else:
        result = _read_text(lines)
    result.encoding = encoding
    # each row whose line was not UTF-8 says so (rows of a JSON array have no line of their own)
    by_line = any(fell) and result.format not in ("json", "exiftool-json")
    for row in result.rows if by_line else ():
        if 0 < row.last_line <= len(fell) and fell[row.last_line - 1]:
            row.repairs.append(Repair(*DECODE_CP1252))
    if encoding == "utf-8+cp1252":
        result.warnings.append(f"{sum(fell)} lines were not UTF-8 and were read as cp1252")
    return result


def _read_text(lines: list[str]) -> ReadResult:
    starts = [i for i, ln in enumerate(lines) if _PHOTOS.match(ln)]
    if not starts:
        rows = [InputRow(ln.strip(), i + 1) for i, ln in enumerate(lines) if ln.strip()]
        return ReadResult(rows, "text")
    rows: list[InputRow] = []
    warnings: list[str] = []
    galleries: dict[str, dict] = {}
    for i in starts:
        expected = int(_PHOTOS.match(lines[i])[1])
        j = i + 1
        title = lines[j].strip() if j < len(lines) else ""
        j += 1
        if j < len(lines) and lines[j].strip() == "See Gallery":
            j += 1
            if j < len(lines) and lines[j].strip() == title:
                j += 1
        count = 0
        while j < len(lines):
            ln = lines[j].strip()
            if not ln or ln in _CHROME or _PHOTOS.match(ln):
                break
            rows.append(InputRow(ln, j + 1, gallery=title))
            count += 1
            j += 1
        galleries[title] = {"expected": expected, "found": count, "line": i + 1}
        if count != expected:
            warnings.append(f"gallery {title!r} (line {i + 1}) says {expected} photos but has {count} captions")
    return ReadResult(rows, "gallery", warnings=warnings, galleries=galleries)


def _names(columns: list[str]) -> str:
    """Column names for a one-line message (a name holding a line break is shown quoted)."""
    return ", ".join(c if c.isprintable() else repr(c) for c in columns)


def pick_column(columns: list[str], column: str | None, name: str) -> str:
    """The caption column: ``column`` if given, else the first with a usual caption name.

    Names match in any case and with or without an exiftool group (``IPTC:Caption-Abstract``).
    """
    if column:
        if column in columns:
            return column
        folded = [c for c in columns if c.casefold() == column.casefold()]
        if folded:
            return folded[0]
        raise ReadError(f"{name}: no column {column!r}; the columns are: {_names(columns)}")
    by_lower: dict[str, str] = {}
    for c in columns:
        by_lower.setdefault(c.strip().casefold().split(":")[-1], c)
    for want in CAPTION_COLUMNS:
        if want in by_lower:
            return by_lower[want]
    raise ReadError(f"{name}: no caption column found (use --column); the columns are: {_names(columns)}")


def caption_candidates(columns: list[str], key: str) -> list[str]:
    """``key`` then every other column with a usual caption name, in the order of preference.

    exiftool exports hold the caption in whichever tag each image has (IIM or XMP).
    """
    found = [c for want in CAPTION_COLUMNS for c in columns
             if c.strip().casefold().split(":")[-1] == want and c != key]
    return [key] + found


def _first_at(rec: list, spots: list[int | None]) -> object:
    """``_first_value`` for a record as a list: the candidates' positions (None: no such column)."""
    for i in spots:
        if i is not None and rec[i] != "":
            return rec[i]
    return None if spots[0] is None else rec[spots[0]]


def _first_value(rec: dict, candidates: list[str]) -> object:
    for c in candidates:
        if rec.get(c) not in (None, ""):
            return rec[c]
    return rec.get(candidates[0])


def _cell(value: object, exiftool: bool) -> object:
    if exiftool and isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if exiftool and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _no_surrogates(value: object) -> object:
    """``value`` with lone surrogates (JSON ``\\ud800`` escapes; no UTF-8 for them) as U+FFFD."""
    if isinstance(value, str) and _SURROGATE.search(value):
        return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return value


def _read_json(lines: list[str], name: str, column: str | None) -> ReadResult:
    stripped = "\n".join(lines).strip()
    if stripped.startswith("["):
        try:
            records = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise ReadError(f"{name}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
        if not isinstance(records, list):
            raise ReadError(f"{name}: the JSON is not a list of records")
        items = [(i + 1, r) for i, r in enumerate(records)]
        fmt = "json"
    else:
        items = []
        for i, ln in enumerate(lines):
            if not ln.strip():
                continue
            try:
                items.append((i + 1, json.loads(ln)))
            except json.JSONDecodeError as exc:
                raise ReadError(f"{name}: line {i + 1} is not valid JSON ({exc.msg})") from None
        fmt = "jsonl"
    objects = [r for _, r in items if isinstance(r, dict)]
    exiftool = bool(objects) and all("SourceFile" in r for r in objects)
    if exiftool:
        fmt = "exiftool-json"
    keys = list(dict.fromkeys(k for r in objects for k in r))
    key = pick_column(keys, column, name) if objects else None
    candidates = caption_candidates(keys, key) if exiftool and not column and key else [key]
    rows: list[InputRow] = []
    for lineno, rec in items:
        if not isinstance(rec, dict):
            rows.append(InputRow("", lineno, warnings=[f"bad_row: record {lineno} is not a JSON object"]))
            continue
        value = _first_value(rec, candidates)
        warnings = [] if any(c in rec for c in candidates) else [f"no_caption: record {lineno} has no {key!r}"]
        extra = {k: _cell(v, exiftool) for k, v in rec.items() if k != key}
        if any(_SURROGATE.search(f"{k}{v}") for k, v in extra.items() if isinstance(v, str)):
            extra = {_no_surrogates(k): _no_surrogates(v) for k, v in extra.items()}
            warnings.append("lone_surrogate: a field held characters that cannot be UTF-8, replaced with U+FFFD")
        text = "" if value is None else str(_cell(value, exiftool))
        rows.append(InputRow(text.strip() if exiftool else text, lineno, extra=extra, warnings=warnings))
    return ReadResult(rows, fmt)


def _dialects(text: str, delimiter: str | None):
    """Dialects to try, best guess first: the sniffed delimiter, then the usual ones.

    Fields may be quoted or not, always with ``"`` and doubled inside: the sniffer's
    guesses about quotes are wrong too often on captions full of apostrophes.
    """
    if delimiter:
        yield csv.excel_tab if delimiter == "\t" else csv.excel
        return
    first = ","
    try:
        first = csv.Sniffer().sniff(text[:SAMPLE], delimiters=_DELIMITERS).delimiter
    except csv.Error:
        pass
    for d in dict.fromkeys(first + _DELIMITERS):
        yield type("Dialect", (csv.excel,), {"delimiter": d})


def _read_csv(lines: list[str], name: str, column: str | None, delimiter: str | None) -> ReadResult:
    fmt = "tsv" if delimiter == "\t" else "csv"
    if not any(ln.strip() for ln in lines):
        return ReadResult([], fmt)
    fmt, rows = csv_rows(lines, csv_sample(lines), name, column, delimiter)
    return ReadResult(list(rows), fmt)


SAMPLE = 20000  # characters of a CSV's start that choose its delimiter and caption column


def csv_sample(lines: Iterable[str]) -> str:
    """The file's start for :func:`csv_rows`: the first line whole, then up to ``SAMPLE``
    characters in all (what the sniffer reads), never the whole of a huge file or a huge line.
    Its first ``SAMPLE`` characters are those of the whole text."""
    out, size = [], 0
    for ln in lines:
        if out and size + len(ln) >= SAMPLE:
            out.append(ln[:SAMPLE - size])
            break
        out.append(ln)
        size += len(ln) + 1
        if size >= SAMPLE:
            break
    return "\n".join(out)


def csv_rows(lines: Iterable[str], sample: str, name: str, column: str | None,
             delimiter: str | None, *, texts: bool = False) -> tuple[str, Iterator[InputRow]]:
    """The format and the rows of CSV ``lines`` (an iterable, so a large file can stream).

    ``sample`` is the file's start (20 kB or more, whole lines): it chooses the delimiter and
    the caption column. A row's ``source_row`` is its record number (1 = the first after the
    header); ``line`` is the file line it ends on. ``texts``: each row's text alone (a ``str``,
    the rows' ``text`` in order; a pass that reads only the captions makes no rows).
    """
    fmt = "tsv" if delimiter == "\t" else "csv"
    chosen = None
    for dialect in _dialects(sample, delimiter):
        try:
            header = next(csv.reader(io.StringIO(sample), dialect), [])
        except csv.Error as exc:
            raise ReadError(f"{name}: line 1 is not valid CSV ({exc})") from None
        try:
            key = pick_column(header, column, name)
        except ReadError as exc:
            chosen = chosen or (dialect, header, exc)
            continue
        chosen = (dialect, header, key)
        break
    dialect, header, key = chosen
    if isinstance(key, ReadError):
        raise key
    if dialect.delimiter == "\t":
        fmt = "tsv"
    if header and header[0] == "SourceFile":
        fmt = "exiftool-csv"
    candidates = caption_candidates(header, key) if fmt == "exiftool-csv" and not column else [key]

    width = len(header)
    # each column name's position, as a record dict would have it: a repeated name keeps its
    # first place in the order and its last value
    last = {h: i for i, h in enumerate(header)}
    others = [(i, h) for h, i in last.items() if h != key]
    spots = [last.get(c) for c in candidates]

    def records(with_rows: bool) -> Iterator:
        reader = csv.reader((ln + "\n" for ln in lines), dialect)
        for rec in _checked(reader, name):
            break  # the header
        n = 0
        for rec in _checked(reader, name):
            if not rec:
                continue
            n += 1
            warnings = []
            if len(rec) != width:
                warnings.append(f"ragged_row: {len(rec)} fields, header has {width}")
                rec = rec + [""] * (width - len(rec))
            value = str(_first_at(rec, spots))
            if fmt == "exiftool-csv":
                value = value.strip()
            if not with_rows:
                yield value
                continue
            extra = {h: rec[i] for i, h in others}
            if len(rec) > width:  # fields past the header are kept, named by position
                extra.update((f"extra_{j}", v) for j, v in enumerate(rec[width:], start=width + 1))
            yield InputRow(value, n, extra=extra, warnings=warnings, line=reader.line_num)

    return fmt, records(not texts)


def _checked(reader, name: str) -> Iterator[list[str]]:
    """The reader's records; a CSV error becomes a ReadError naming the line."""
    while True:
        try:
            rec = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ReadError(f"{name}: line {reader.line_num} is not valid CSV ({exc})") from None
        yield rec
