"""The tidy table: parse every caption, merge repeats, complete dates from context."""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import regex

from .parse import FIELDS, Caption, parse_caption
from .read import InputRow, ReadResult, read_path
from .repair import RepairOptions
from .tables import load_agencies

COLUMNS = ["gallery"] + FIELDS + ["occurrences", "source_rows"]
_KEY_STRIP = regex.compile(r"[\W_]+")
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")


def dedupe_key(text: str) -> bytes:
    """A compact key: the caption with case, whitespace and punctuation removed, hashed."""
    return hashlib.blake2b(_KEY_STRIP.sub("", text.casefold()).encode("utf-8", "surrogatepass"),
                           digest_size=12).digest()


@dataclass
class Summary:
    rows_read: int = 0
    captions: int = 0
    unique: int = 0
    duplicates_merged: int = 0
    repairs: int = 0
    repaired_captions: int = 0
    no_credit: int = 0
    warnings: list[str] = field(default_factory=list)
    format: str = ""
    encoding: str = ""

    def lines(self) -> list[str]:
        out = [
            f"rows read: {self.rows_read}",
            f"captions: {self.captions}",
            f"unique: {self.unique}",
            f"duplicates merged: {self.duplicates_merged}",
            f"repairs: {self.repairs} in {self.repaired_captions} captions",
            f"captions with no credit found: {self.no_credit}",
        ]
        if self.format:
            out.append(f"input: {self.format}, {self.encoding}")
        return out


@dataclass
class CleanResult:
    table: "object"  # pandas.DataFrame
    summary: Summary


@dataclass
class Options:
    keep_duplicates: bool = False
    repair: bool = True
    straight_quotes: bool = False
    year: int | None = None
    agencies: tuple[str, ...] = ()


def clean_rows(rows: list[InputRow], options: Options | None = None, summary: Summary | None = None,
               progress=None) -> CleanResult:
    """Clean already-read rows into the tidy table (``progress(n)`` is called as rows are parsed)."""
    import pandas as pd

    options = options or Options()
    summary = summary or Summary()
    agencies = load_agencies(tuple(options.agencies))
    ropts = RepairOptions(straight_quotes=options.straight_quotes)
    summary.rows_read = len(rows)
    summary.captions = sum(1 for r in rows if r.text.strip())

    # parse each distinct text once
    parsed: dict[str, Caption] = {}
    groups: dict[bytes, list[int]] = defaultdict(list)
    order: list[bytes] = []
    for i, row in enumerate(rows):
        if progress is not None:
            progress(i + 1)
        if row.text not in parsed:
            parsed[row.text] = parse_caption(row.text, agencies=agencies, repair=options.repair,
                                             repair_options=ropts)
        key = dedupe_key(parsed[row.text].caption)
        if key not in groups:
            order.append(key)
        groups[key].append(i)

    gallery_years = _gallery_years(rows, parsed)
    records: list[dict] = []
    passthrough: list[str] = []
    for row in rows:
        for k in row.extra:
            if k not in passthrough:
                passthrough.append(k)

    def make(i: int, first: int, members: list[int], keep: bool) -> dict:
        row = rows[i]
        rec = parsed[row.text]
        out = rec.to_row()
        out["repairs"] = "; ".join([str(r) for r in row.repairs] + ([out["repairs"]] if out["repairs"] else []))
        out["warnings"] = "; ".join(row.warnings + ([out["warnings"]] if out["warnings"] else []))
        if rec.partial_date and not rec.date:
            _complete_date(out, rec, row.gallery, gallery_years, options.year)
        out["gallery"] = row.gallery
        if keep:
            out["occurrences"] = len(members) if i == first else 0
            out["source_rows"] = str(row.source_row)
            out["duplicate_of"] = "" if i == first else str(rows[first].source_row)
        else:
            out["occurrences"] = len(members)
            out["source_rows"] = ";".join(str(rows[m].source_row) for m in members)
        for k, v in row.extra.items():
            out[_extra_name(k)] = v
        return out

    if options.keep_duplicates:
        first_of = {}
        for key in order:
            for m in groups[key]:
                first_of[m] = (groups[key][0], groups[key])
        for i in range(len(rows)):
            first, members = first_of[i]
            records.append(make(i, first, members, True))
    else:
        for key in order:
            members = groups[key]
            records.append(make(members[0], members[0], members, False))

    columns = [_extra_name(k) for k in passthrough] + COLUMNS + (["duplicate_of"] if options.keep_duplicates else [])
    table = pd.DataFrame.from_records(records, columns=columns)
    summary.unique = len(order)
    summary.duplicates_merged = len(rows) - len(order)
    counted = [r for r in records if r["occurrences"]]
    summary.repairs = sum(len(parsed[rows[i].text].repairs) + len(rows[i].repairs) for i in (g[0] for g in groups.values()))
    summary.repaired_captions = sum(1 for r in counted if r["repairs"])
    summary.no_credit = sum(1 for r in counted if not r["credit"])
    return CleanResult(table, summary)


def _extra_name(name: str) -> str:
    return f"input_{name}" if name in COLUMNS or name == "duplicate_of" else name


def _gallery_years(rows: list[InputRow], parsed: dict[str, Caption]) -> dict[str, tuple[int, str]]:
    """Per gallery: the year most of its dated captions share, else one in its title."""
    years: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        if row.gallery:
            date = parsed[row.text].date
            if date[:4].isdigit():
                years[row.gallery][int(date[:4])] += 1
    out: dict[str, tuple[int, str]] = {}
    for gallery in {r.gallery for r in rows if r.gallery}:
        if years[gallery]:
            out[gallery] = (years[gallery].most_common(1)[0][0], "year_from_gallery")
        else:
            m = _YEAR.search(gallery)
            if m:
                out[gallery] = (int(m.group(0)), "year_from_gallery_title")
    return out


def _complete_date(out: dict, rec: Caption, gallery: str, gallery_years: dict, year: int | None) -> None:
    month, day = rec.partial_date
    found = gallery_years.get(gallery) if gallery else None
    if found:
        y, rule = found
    elif year:
        y, rule = year, "year_from_option"
    else:
        return
    out["date"] = f"{y:04d}-{month:02d}-{day:02d}"
    out["date_inferred"] = True
    out["style"] = "; ".join(filter(None, [out["style"], rule]))
    out["warnings"] = "; ".join(w for w in out["warnings"].split("; ") if not w.startswith("no_year"))


def clean(captions: Iterable[str] | "object", options: Options | None = None, **kwargs) -> CleanResult:
    """Clean an iterable of caption strings (or a pandas Series) into the tidy table.

    Keyword arguments are :class:`Options` fields (``keep_duplicates=True``, …).
    """
    options = options or Options(**kwargs)
    index = None
    if hasattr(captions, "index") and hasattr(captions, "tolist"):
        index = list(captions.index)
        captions = captions.tolist()
    rows = [InputRow("" if c is None or c != c else str(c), i + 1) for i, c in enumerate(captions)]
    result = clean_rows(rows, options)
    if index is not None and options.keep_duplicates:
        result.table.index = index
    return result


def clean_file(path: str | Path, options: Options | None = None, *, column: str | None = None,
               fmt: str | None = None, **kwargs) -> CleanResult:
    """Read ``path`` (gallery export, text, JSON lines or CSV) and clean it.

    Keyword arguments other than ``column`` and ``fmt`` are :class:`Options` fields.
    """
    options = options or Options(**kwargs)
    read: ReadResult = read_path(path, column=column, fmt=fmt)
    summary = Summary(warnings=list(read.warnings), format=read.format, encoding=read.encoding)
    return clean_rows(read.rows, options, summary)
