"""Reading an input in chunks of rows, so a large export never sits in memory whole.

CSV/TSV and JSON lines are streamed line by line with the same rules as
:mod:`captionclean.read` (UTF-8, else cp1252 per line; the same column choice
and row numbers). Other inputs (gallery exports, plain text, a JSON array,
UTF-16) are small by nature: they are read whole by ``read_path`` and cut
into chunks.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Iterator

from .read import _NEWLINE, InputRow, ReadError, _looks_binary, csv_rows, csv_sample, detect_format, read_head
from .read import read_path
from .read import DECODE_CP1252
from .repair import Repair

CHUNK_SIZE = 5000  # rows read and parsed at a time: every reader's and cleaner's default (the output is the same)

_SNIFF = 20000


@dataclass
class Stream:
    """An input being read: its chunks of rows and what the reader noticed."""

    chunks: Iterator[list[InputRow]]
    format: str
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)
    fell_back: int = 0  # lines not UTF-8, read as cp1252
    utf8_non_ascii: int = 0  # lines that are UTF-8 beyond ASCII
    bom: bool = False
    size: int = 0  # the file's bytes
    bytes_read: int = 0  # how far the reader has got (progress when rows cannot be counted ahead)

    def finish(self) -> None:
        """Settle the encoding summary once every chunk has been read (as read.decode_lines does)."""
        if not self.fell_back:
            self.encoding = "utf-8-sig" if self.bom else "utf-8"
        elif self.utf8_non_ascii:
            self.encoding = "utf-8+cp1252"
            self.warnings.append(f"{self.fell_back} lines were not UTF-8 and were read as cp1252")
        else:
            self.encoding = "cp1252"


def open_stream(path: str | Path, *, column: str | None = None, fmt: str | None = None,
                chunk_size: int = CHUNK_SIZE, texts: bool = False) -> Stream:
    """Open ``path`` for reading in chunks of ``chunk_size`` rows (``texts``: of the rows' texts alone,
    ``str``, where a CSV or TSV makes no rows to read them)."""
    path, head = read_head(path, 65536)
    if _looks_binary(head):
        raise ReadError(f"{path}: looks like a binary file, not captions")
    first = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace").splitlines()
    fmt = fmt or detect_format(str(path), first)
    # CSV, TSV and plain text stream; JSON (lines or arrays) and gallery exports are read whole by
    # read_path, with their rules
    streamable = fmt in ("csv", "tsv") or (fmt == "text" and not _may_be_gallery(path))
    if not streamable or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        read = read_path(path, column=column, fmt=fmt)
        size = path.stat().st_size
        rows = [r.text for r in read.rows] if texts else read.rows
        return Stream(_cut(rows, chunk_size), read.format, read.encoding, list(read.warnings),
                      size=size, bytes_read=size)
    stream = Stream(iter(()), fmt, size=path.stat().st_size)
    lines = _lines(path, stream)
    if fmt == "text":
        rows = _text_rows(lines)
        if texts:
            rows = (r.text for r in rows)
    else:
        rows = _csv_rows(lines, str(path), column, fmt, texts)
    stream.chunks = _batches(rows, chunk_size)
    return stream


def caption_texts(path: str | Path, *, column: str | None = None, fmt: str | None = None,
                  chunk_size: int = CHUNK_SIZE) -> Iterator[str]:
    """Every caption text of ``path``, read as a stream (the first of a streamed run's two passes:
    the export's vocabulary needs every caption before the first is repaired)."""
    for texts in open_stream(path, column=column, fmt=fmt, chunk_size=chunk_size, texts=True).chunks:
        yield from texts


def _may_be_gallery(path: Path, block: int = 1 << 20) -> bool:
    """Whether the file holds ``PHOTOS`` anywhere (a gallery export's ``N PHOTOS`` line), read a
    block at a time: such a file is read whole, by the gallery rules."""
    word = b"PHOTOS"
    with path.open("rb") as f:
        tail = b""
        while data := f.read(block):
            if word in tail + data[:len(word)] or word in data:
                return True
            tail = data[-len(word):]
    return False


def _text_rows(lines: Iterator[tuple[str, bool]]) -> Iterator[InputRow]:
    """Plain text rows with :func:`captionclean.read.read_bytes`'s rules: one caption a non-empty
    line, its line number, and a ``decode_cp1252`` repair where the line was not UTF-8."""
    for n, (text, fell) in enumerate(lines, start=1):
        caption = text.strip()
        if caption:
            row = InputRow(caption, n)
            if fell:
                row.repairs.append(Repair(*DECODE_CP1252))
            yield row


def _cut(rows: list[InputRow], size: int) -> Iterator[list[InputRow]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def _batches(rows: Iterator[InputRow], size: int) -> Iterator[list[InputRow]]:
    while batch := list(islice(rows, size)):
        yield batch


def _lines(path: Path, stream: Stream) -> Iterator[tuple[str, bool]]:
    """Decoded lines (cut at CR, LF or CRLF, as read.decode_lines cuts them) and whether each
    fell back to cp1252."""
    with path.open("rb") as f:
        carry = b""
        for n, raw in enumerate(f):  # each raw line ends with LF (but the last), so no CRLF is cut
            stream.bytes_read += len(raw)
            if n == 0 and raw.startswith(b"\xef\xbb\xbf"):
                raw, stream.bom = raw[3:], True
            if not carry and b"\r" not in raw:  # the usual line: one LF, at its end
                if raw.endswith(b"\n"):
                    yield _decode(raw[:-1], stream)
                else:
                    carry = raw
                continue
            pieces = _NEWLINE.split(carry + raw)
            carry = pieces.pop()  # after the last break: the start of the next line
            for piece in pieces:
                yield _decode(piece, stream)
        if carry:  # the file does not end with a line break
            yield _decode(carry, stream)


def _decode(raw: bytes, stream: Stream) -> tuple[str, bool]:
    try:
        text = raw.decode("utf-8")
        stream.utf8_non_ascii += not raw.isascii()
        return text, False
    except UnicodeDecodeError:
        stream.fell_back += 1
        return raw.decode("cp1252", errors="replace"), True


def _csv_rows(lines: Iterator[tuple[str, bool]], name: str, column: str | None, fmt: str,
              texts: bool = False) -> Iterator[InputRow]:
    """CSV rows with exactly :func:`captionclean.read.csv_rows`'s rules, read as the file streams
    (``texts``: their texts alone, as ``csv_rows`` gives them)."""
    head_flags: list[tuple[str, bool]] = []
    size = 0
    for text, fell in lines:
        head_flags.append((text, fell))
        size += len(text) + 1
        if size > _SNIFF:
            break
    if size <= _SNIFF and not any(text.strip() for text, _ in head_flags):
        return
    sample = csv_sample(text for text, _ in head_flags)

    fell_lines: set[int] = set()  # line numbers not yet passed that fell back to cp1252
    count = 0

    def source() -> Iterator[str]:
        nonlocal count
        for text, fell in chain(head_flags, lines):
            count += 1
            if fell and not texts:  # (texts take no repair: no line kept)
                fell_lines.add(count)
            yield text

    _fmt, rows = csv_rows(source(), sample, name, column, "\t" if fmt == "tsv" else None, texts=texts)
    if texts:
        yield from rows
        return
    for row in rows:
        if fell_lines:
            if row.last_line in fell_lines:
                row.repairs.append(Repair(*DECODE_CP1252))
            fell_lines.difference_update([n for n in fell_lines if n <= row.last_line])
        yield row


