"""Readers: a file in, caption rows out, every row with its source position.

Formats: the gallery text export (``N PHOTOS`` … ``BACK TO SLIDE``), plain text
(one caption per non-empty line), JSON lines, and CSV/TSV. Bytes are decoded as
UTF-8 (with or without BOM), falling back per line to cp1252, which is recorded
as a repair on the row.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import regex

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


@dataclass
class ReadResult:
    rows: list[InputRow]
    format: str
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)
    galleries: dict[str, dict] = field(default_factory=dict)


CAPTION_COLUMNS = ("caption", "caption-abstract", "description", "imagedescription", "text")
_PHOTOS = regex.compile(r"^\s*(\d+)\s+PHOTOS\s*$")
_CHROME = frozenset(("HIDE CAPTION", "SHOW CAPTION", "of", "SEE ALL", "BACK TO SLIDE", "See Gallery"))


def decode_lines(data: bytes) -> tuple[list[str], list[bool], str]:
    """Decode ``data`` line by line: UTF-8, else cp1252 for that line.

    Returns the lines, which lines fell back, and the encoding summary.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
        return text.splitlines(), [False] * len(text.splitlines()), "utf-16"
    try:
        text = data.decode("utf-8")
        lines = text.splitlines()
        return lines, [False] * len(lines), "utf-8"
    except UnicodeDecodeError:
        pass
    lines, fell = [], []
    for raw in data.splitlines():
        try:
            lines.append(raw.decode("utf-8"))
            fell.append(False)
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1252", errors="replace"))
            fell.append(True)
    return lines, fell, "utf-8+cp1252"


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return b"\x00" in head


def read_path(path: str | Path, *, column: str | None = None, fmt: str | None = None) -> ReadResult:
    path = Path(path)
    if not path.exists():
        raise ReadError(f"{path}: no such file")
    if path.is_dir():
        raise ReadError(f"{path}: is a folder, not a file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return read_bytes(data, name=str(path), column=column, fmt=fmt)


def detect_format(name: str, lines: list[str]) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix in (".csv",):
        return "csv"
    if suffix in (".tsv", ".tab"):
        return "tsv"
    first = next((ln for ln in lines if ln.strip()), "")
    if first.lstrip().startswith("{"):
        return "jsonl"
    return "text"


def read_bytes(data: bytes, *, name: str = "<input>", column: str | None = None,
               fmt: str | None = None) -> ReadResult:
    if _looks_binary(data):
        raise ReadError(f"{name}: looks like a binary file, not captions")
    lines, fell, encoding = decode_lines(data)
    fmt = fmt or detect_format(name, lines)
    if fmt == "jsonl":
        result = _read_jsonl(lines, name, column)
    elif fmt in ("csv", "tsv"):
        result = _read_csv(lines, name, column, "\t" if fmt == "tsv" else None)
    else:
        result = _read_text(lines)
    result.encoding = encoding
    if result.format != "gallery":
        result.format = fmt
    if fmt in ("text", "jsonl"):
        for row in result.rows:
            if 0 < row.source_row <= len(fell) and fell[row.source_row - 1]:
                row.repairs.append(Repair("decode_cp1252", "invalid UTF-8 line", "read as cp1252"))
    elif any(fell):
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


def _pick_column(columns: list[str], column: str | None, name: str) -> str:
    if column:
        if column in columns:
            return column
        raise ReadError(f"{name}: no column {column!r}; the columns are: {', '.join(columns)}")
    by_lower = {c.casefold().split(":")[-1]: c for c in columns}
    for want in CAPTION_COLUMNS:
        if want in by_lower:
            return by_lower[want]
    raise ReadError(f"{name}: no caption column found (use --column); the columns are: {', '.join(columns)}")


def _read_jsonl(lines: list[str], name: str, column: str | None) -> ReadResult:
    rows: list[InputRow] = []
    stripped = "\n".join(lines).strip()
    if stripped.startswith("["):
        try:
            records = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise ReadError(f"{name}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
        items = [(i + 1, r) for i, r in enumerate(records)]
    else:
        items = []
        for i, ln in enumerate(lines):
            if not ln.strip():
                continue
            try:
                items.append((i + 1, json.loads(ln)))
            except json.JSONDecodeError as exc:
                raise ReadError(f"{name}: line {i + 1} is not valid JSON ({exc.msg})") from None
    key = None
    for lineno, rec in items:
        if not isinstance(rec, dict):
            raise ReadError(f"{name}: line {lineno} is not a JSON object")
        if key is None:
            key = _pick_column(list(rec.keys()), column, name)
        value = rec.get(key)
        extra = {k: v for k, v in rec.items() if k != key}
        rows.append(InputRow("" if value is None else str(value), lineno, extra=extra))
    return ReadResult(rows, "jsonl")


def _read_csv(lines: list[str], name: str, column: str | None, delimiter: str | None) -> ReadResult:
    text = "\n".join(lines)
    if not text.strip():
        return ReadResult([], "csv")
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(text[:20000], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return ReadResult([], "csv")
    key = _pick_column(header, column, name)
    idx = header.index(key)
    rows: list[InputRow] = []
    for n, rec in enumerate(reader, start=1):
        warnings = []
        if len(rec) != len(header):
            warnings.append(f"ragged_row: {len(rec)} fields, header has {len(header)}")
        rec = rec + [""] * (len(header) - len(rec))
        extra = {h: v for h, v in zip(header, rec) if h != key}
        rows.append(InputRow(rec[idx], n, extra=extra, warnings=warnings))
    return ReadResult(rows, "csv")
