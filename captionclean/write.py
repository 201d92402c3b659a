"""Writers: tables out, atomically (a temporary file, then a rename)."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


class WriteError(Exception):
    """An output that cannot be written; the message is one line for the user."""


def table_to_csv(table, *, excel: bool = False) -> str:
    return ("\ufeff" if excel else "") + table.to_csv(index=False, lineterminator="\n")


def write_table(table, path: str | Path | None, *, excel: bool = False) -> None:
    """Write ``table`` as CSV to ``path`` (atomically), or to stdout when ``path`` is None or '-'."""
    text = table_to_csv(table, excel=excel)
    if path is None or str(path) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_text_atomic(Path(path), text)


def write_text_atomic(path: Path, text: str) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError(f"{path}: the folder {folder} does not exist")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise WriteError(f"{path}: cannot be written ({exc.strerror or exc})") from None
    finally:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
