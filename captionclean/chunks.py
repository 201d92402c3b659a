"""Reading an input in chunks of rows, so a large export never sits in memory whole.

CSV/TSV and JSON lines are streamed line by line with the same rules as
:mod:`captionclean.read` (UTF-8, else cp1252 per line; the same column choice
and row numbers). Other inputs (gallery exports, plain text, a JSON array,
UTF-16) are small by nature: they are read whole by ``read_path`` and cut
into chunks.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Iterator

from .read import InputRow, ReadError, _looks_binary, _pick_column, detect_format, read_path
from .repair import Repair

_SNIFF = 20000


@dataclass
class Stream:
    """An input being read: its chunks of rows and what the reader noticed."""

    chunks: Iterator[list[InputRow]]
    format: str
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)
    fell_back: int = 0  # lines not UTF-8, read as cp1252

    def finish(self) -> None:
        """Settle the encoding summary once every chunk has been read."""
        if self.fell_back:
            self.encoding = "utf-8+cp1252"
            if self.format in ("csv", "tsv"):
                self.warnings.append(f"{self.fell_back} lines were not UTF-8 and were read as cp1252")


def open_stream(path: str | Path, *, column: str | None = None, fmt: str | None = None,
                chunk_size: int = 10000) -> Stream:
    """Open ``path`` for reading in chunks of ``chunk_size`` rows."""
    path = Path(path)
    if not path.exists():
        raise ReadError(f"{path}: no such file")
    if path.is_dir():
        raise ReadError(f"{path}: is a folder, not a file")
    try:
        with path.open("rb") as f:
            head = f.read(65536)
    except OSError as exc:
        raise ReadError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if _looks_binary(head):
        raise ReadError(f"{path}: looks like a binary file, not captions")
    first = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace").splitlines()
    fmt = fmt or detect_format(str(path), first)
    streamable = fmt in ("csv", "tsv") or (fmt == "jsonl" and not "\n".join(first).strip().startswith("["))
    if not streamable or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        read = read_path(path, column=column, fmt=fmt)
        return Stream(_cut(read.rows, chunk_size), read.format, read.encoding, list(read.warnings))
    stream = Stream(iter(()), fmt)
    lines = _lines(path, stream)
    rows = _csv_rows(lines, str(path), column, fmt) if fmt != "jsonl" else _jsonl_rows(lines, str(path), column)
    stream.chunks = _batches(rows, chunk_size)
    return stream


def _cut(rows: list[InputRow], size: int) -> Iterator[list[InputRow]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def _batches(rows: Iterator[InputRow], size: int) -> Iterator[list[InputRow]]:
    while batch := list(islice(rows, size)):
        yield batch


def _lines(path: Path, stream: Stream) -> Iterator[tuple[str, bool]]:
    """Decoded lines (as ``str.splitlines`` cuts them) and whether each fell back to cp1252."""
    with path.open("rb") as f:
        for n, raw in enumerate(f):
            if n == 0:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            try:
                text, fell = raw.decode("utf-8"), False
            except UnicodeDecodeError:
                text, fell = raw.decode("cp1252", errors="replace"), True
                stream.fell_back += 1
            for piece in text.splitlines() or [""]:
                yield piece, fell


def _csv_rows(lines: Iterator[tuple[str, bool]], name: str, column: str | None, fmt: str) -> Iterator[InputRow]:
    head: list[str] = []
    size = 0
    for text, _ in lines:
        head.append(text)
        size += len(text) + 1
        if size > _SNIFF:
            break
    sample = "\n".join(head)
    if not sample.strip() and size <= _SNIFF:
        return
    delimiter = "\t" if fmt == "tsv" else None
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(sample[:_SNIFF], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","

    def source() -> Iterator[str]:
        for text in head:
            yield text + "\n"
        for text, _ in lines:
            yield text + "\n"

    reader = csv.reader(source(), delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        return
    idx = header.index(_pick_column(header, column, name))
    key = header[idx]
    width = len(header)
    for n, rec in enumerate(reader, start=1):
        warnings = []
        if len(rec) != width:
            warnings.append(f"ragged_row: {len(rec)} fields, header has {width}")
            rec = rec + [""] * (width - len(rec))
        extra = {h: v for h, v in zip(header, rec) if h != key}
        yield InputRow(rec[idx], n, extra=extra, warnings=warnings)


def _jsonl_rows(lines: Iterator[tuple[str, bool]], name: str, column: str | None) -> Iterator[InputRow]:
    key = None
    for i, (text, fell) in enumerate(lines):
        if not text.strip():
            continue
        try:
            rec = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ReadError(f"{name}: line {i + 1} is not valid JSON ({exc.msg})") from None
        if not isinstance(rec, dict):
            raise ReadError(f"{name}: line {i + 1} is not a JSON object")
        if key is None:
            key = _pick_column(list(rec.keys()), column, name)
        value = rec.get(key)
        row = InputRow("" if value is None else str(value), i + 1, extra={k: v for k, v in rec.items() if k != key})
        if fell:
            row.repairs.append(Repair("decode_cp1252", "invalid UTF-8 line", "read as cp1252"))
        yield row
