"""Image files in and out, through exiftool: read captions straight from pictures, write cleaned fields back.

``read_images`` runs one exiftool process over a batch of pictures (JPEG, TIFF, PNG, HEIC, raw
files, XMP sidecars) and returns its ``-j -G1`` JSON, which the reader takes as an exiftool
export. ``plan_apply`` compares a cleaned table with the pictures it names in ``SourceFile``
and lists, per file, each tag that would change (old → new); ``apply_plan`` writes those
changes with exiftool, keeping exiftool's ``_original`` copies unless asked not to.

Nothing is written without ``apply_plan``; a blank cleaned value never erases a tag the
picture has; rows with doubts are skipped unless forced.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .iptc import CAPTION_COLUMNS, LIST_SEP, TAGS, _alpha3

IMAGE_SUFFIXES = frozenset((".jpg", ".jpeg", ".jpe", ".tif", ".tiff", ".png", ".heic", ".heif", ".avif",
                            ".webp", ".xmp", ".dng", ".cr2", ".cr3", ".nef", ".arw", ".orf", ".rw2", ".raf",
                            ".psd"))
INSTALL_HINT = ("exiftool is not installed: install it with 'apt-get install libimage-exiftool-perl' "
                "(Debian/Ubuntu), 'brew install exiftool' (macOS) or from exiftool.org")


class ExiftoolError(Exception):
    """exiftool is missing or failed; the message is one line for the user."""


def is_image(path: Path) -> bool:
    return path.suffix.lower() in IMAGE_SUFFIXES


def exiftool() -> str:
    found = os.environ.get("CAPTIONCLEAN_EXIFTOOL") or shutil.which("exiftool")
    if not found:
        raise ExiftoolError(INSTALL_HINT)
    return found


def _run(args: list[str], files: list[Path]) -> subprocess.CompletedProcess:
    """exiftool ARGS FILES…, the file names passed in an argument file (no command-line limit)."""
    with tempfile.NamedTemporaryFile("w", suffix=".args", encoding="utf-8", delete=False) as argfile:
        for f in files:
            argfile.write(f"{f}\n")
    try:
        return subprocess.run([exiftool(), "-charset", "filename=utf8", *args, "-@", argfile.name],
                              capture_output=True)
    except OSError as exc:
        raise ExiftoolError(f"exiftool could not be run ({exc.strerror or exc})") from None
    finally:
        os.unlink(argfile.name)


def read_images(files: list[Path]) -> bytes:
    """``exiftool -j -G1`` of ``files`` in one process: a JSON array, one object per picture.

    When no picture holds a caption tag at all, each gets an empty ``IPTC:Caption-Abstract``, so
    the pictures are still rows (with blank fields) rather than an export with no caption column.
    """
    if not files:
        return b"[]"
    done = _run(["-j", "-G1", "-a"], files)
    if not done.stdout.strip():
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ExiftoolError(f"exiftool read nothing: {message[0] if message else 'no output'}")
    objects = json.loads(done.stdout.decode("utf-8", "replace"))
    if not any(_has_caption(obj) for obj in objects):
        for obj in objects:
            obj["IPTC:Caption-Abstract"] = ""
        return json.dumps(objects, ensure_ascii=False).encode("utf-8")
    return done.stdout


def _has_caption(obj: dict) -> bool:
    return any(k.split(":")[-1].casefold() in CAPTION_COLUMNS for k in obj if k != "SourceFile")


# --- writing back ---------------------------------------------------------------------------
@dataclass
class Change:
    tag: str
    old: str
    new: str


@dataclass
class FilePlan:
    path: str
    changes: list[Change] = field(default_factory=list)
    skipped: str = ""  # why the row is not applied ("" when it is)


@dataclass
class ApplyPlan:
    files: list[FilePlan]
    warnings: list[str] = field(default_factory=list)

    @property
    def to_write(self) -> list[FilePlan]:
        return [f for f in self.files if f.changes and not f.skipped]

    def lines(self) -> list[str]:
        changed = len(self.to_write)
        same = sum(1 for f in self.files if not f.changes and not f.skipped)
        skipped = sum(1 for f in self.files if f.skipped)
        return [f"{len(self.files)} pictures: {changed} to change, {same} already right, {skipped} skipped"]


def _source_column(columns) -> str | None:
    return next((c for c in columns if c.split(":")[-1] == "SourceFile" or c == "input_SourceFile"), None)


def _is_iptc_table(columns) -> bool:
    """An ``--iptc`` table names its columns by tag; a clean table has the field columns (and
    may carry the pictures' own tags as input columns, which are not the cleaned values)."""
    return "photographer" not in columns and any(iim in columns for _c, iim, _l, _x in TAGS)


def _table_values(row: dict[str, str], by_tag: bool) -> dict[str, str]:
    """tag → the value the cleaned table holds for it."""
    out = {}
    for column, iim, _limit, xmp in TAGS:
        if by_tag:
            for tag in (iim, xmp):
                if tag in row:
                    out[tag] = row[tag]
            continue
        value = row.get(column, "")
        if column == "country_code":
            out[iim] = _alpha3(value)  # IIM holds alpha-3; XMP's CountryCode is left as it is
            continue
        out[iim] = value
        out[xmp] = value
    return out


def _same(tag: str, old: str, new: str) -> bool:
    if "Date" in tag:
        return "".join(ch for ch in old if ch.isdigit())[:8] == "".join(ch for ch in new if ch.isdigit())[:8]
    return old.strip() == new.strip()


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEP.join(_as_text(v) for v in value)
    return str(value)


def _doubtful(row: dict[str, str]) -> str:
    """Why a row needs a human look first ("" when it does not): its doubts, else its warnings."""
    for column in ("doubt", "warnings"):
        if row.get(column, "").strip():
            return f"{column}: {row[column].strip()}"
    return ""


def read_table(path: str | Path):
    """A table ``clean`` wrote (CSV, TSV, JSON lines, Parquet, xlsx), every cell as text."""
    import pandas as pd

    from .write import output_format

    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    fmt = output_format(path)
    if fmt in ("csv", "tsv"):
        return pd.read_csv(path, sep="\t" if fmt == "tsv" else ",", dtype=str, keep_default_na=False,
                           encoding="utf-8-sig")
    if fmt == "jsonl":
        return pd.read_json(path, lines=True, dtype=False).astype(str).replace({"None": "", "nan": ""})
    if fmt == "parquet":
        return pd.read_parquet(path).astype(str).replace({"None": "", "nan": ""})
    table = pd.read_excel(path, dtype=object).fillna("")  # whole dates are date cells: back to ISO text
    return table.map(lambda v: v.date().isoformat() if hasattr(v, "date") and callable(v.date) else str(v))


def plan_apply(table_path: str | Path, *, force: bool = False) -> ApplyPlan:
    """What writing the cleaned table back would change, picture by picture. Writes nothing."""
    table = read_table(table_path)
    source = _source_column(table.columns)
    if source is None:
        raise ValueError(f"{table_path}: no SourceFile column: clean a folder of pictures or an "
                         "exiftool -j -G1 export to get one")
    by_tag = _is_iptc_table(table.columns)
    rows = table.to_dict("records")
    paths = [Path(str(r[source])) for r in rows if str(r[source]).strip()]
    present = [p for p in dict.fromkeys(paths) if p.exists()]
    current = {}
    if present:
        for obj in json.loads(read_images(present).decode("utf-8", "replace")):
            current[str(Path(obj.get("SourceFile", "")))] = obj
    plan = ApplyPlan([])
    for row in rows:
        name = str(row[source]).strip()
        fp = FilePlan(name)
        plan.files.append(fp)
        if not name:
            fp.skipped = "no SourceFile"
            continue
        if not Path(name).exists():
            fp.skipped = "file not found"
            continue
        have = current.get(str(Path(name)), {})
        for tag, new in _table_values({k: str(v) for k, v in row.items()}, by_tag).items():
            new = new.strip()
            if not new:
                continue  # a blank cleaned value never erases what the picture holds
            if tag.endswith("DateCreated") and tag.startswith("IPTC") and len(new) != 10:
                continue  # IIM holds a whole day only; a month or a year stays in XMP
            old = _as_text(have.get(tag, ""))
            if not _same(tag, old, new):
                fp.changes.append(Change(tag, old, new))
        why = _doubtful({k: str(v) for k, v in row.items()})
        if why and not force and fp.changes:
            fp.skipped = f"needs a look ({why}); --force writes it anyway"
    return plan


def apply_plan(plan: ApplyPlan, *, overwrite_original: bool = False) -> int:
    """Write the plan's changes with exiftool (one process); returns how many pictures were written."""
    todo = plan.to_write
    if not todo:
        return 0
    tags = list(dict.fromkeys(c.tag for f in todo for c in f.changes))
    with tempfile.NamedTemporaryFile("w", suffix=".csv", encoding="utf-8", newline="", delete=False) as out:
        writer = csv.writer(out)
        writer.writerow(["SourceFile", *tags])
        for f in todo:
            values = {c.tag: c.new for c in f.changes}
            writer.writerow([f.path, *(values.get(t, "") for t in tags)])
    try:
        args = [f"-csv={out.name}", "-sep", LIST_SEP, "-codedcharacterset=utf8"]
        if overwrite_original:
            args.append("-overwrite_original")
        done = _run(args, [Path(f.path) for f in todo])
    finally:
        os.unlink(out.name)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ExiftoolError(f"exiftool could not write: {message[0] if message else 'exit ' + str(done.returncode)}")
    return len(todo)
