"""IPTC: the table's columns as exiftool tags, and the file's own fields checked against the caption.

The mapping is the IPTC table in CONVENTIONS.md: (column, IIM tag, IIM byte limit, XMP tag).
``iptc_table`` renames the cleaned columns to exiftool tags so ``exiftool -csv=FILE``
writes them back; ``check_embedded`` compares the fields an exiftool export carried
(``By-line``, ``Credit``, ``City``, …) with what the caption says.
"""
from __future__ import annotations

from collections import Counter

import regex

from .tables import PLACEHOLDERS

# the names of a caption column, in the order a reader looks for one (the exiftool group, as in
# IPTC:Caption-Abstract, left off)
CAPTION_COLUMNS = ("caption", "caption-abstract", "description", "imagedescription", "text")
# column, IIM tag, IIM limit in bytes (per item), XMP tag
TAGS = [
    ("caption", "IPTC:Caption-Abstract", 2000, "XMP-dc:Description"),
    ("photographer", "IPTC:By-line", 32, "XMP-dc:Creator"),
    ("credit", "IPTC:Credit", 32, "XMP-photoshop:Credit"),
    ("agency", "IPTC:Source", 32, "XMP-photoshop:Source"),
    ("city", "IPTC:City", 32, "XMP-photoshop:City"),
    ("region", "IPTC:Province-State", 32, "XMP-photoshop:State"),
    ("country", "IPTC:Country-PrimaryLocationName", 64, "XMP-photoshop:Country"),
    ("country_code", "IPTC:Country-PrimaryLocationCode", 3, "XMP-iptcCore:CountryCode"),
    ("date", "IPTC:DateCreated", 8, "XMP-photoshop:DateCreated"),
    ("keywords", "IPTC:Keywords", 64, "XMP-dc:Subject"),
    ("restrictions", "IPTC:SpecialInstructions", 256, "XMP-photoshop:Instructions"),
]
LIST_SEP = "; "  # list-type tags (By-line, Keywords): write back with exiftool -sep "; "
LIST_COLUMNS = frozenset(("photographer", "keywords"))

# the file's own fields read from an exiftool export: tag name (no group) -> table column
EMBEDDED = {
    "by-line": "photographer", "creator": "photographer",
    "credit": "credit",
    "source": "agency",
    "city": "city",
    "province-state": "region", "state": "region",
    "country-primarylocationname": "country", "country": "country",
    "datecreated": "date",
}
_NOT_WORD = regex.compile(r"[\W_]+")
_DIGITS = regex.compile(r"\d")


def iptc_table(table, *, xmp: bool = True):
    """The write-back table: ``SourceFile`` (when the input had it), one column per tag, and last
    the rows' ``warnings`` (``embedded_disagrees: …`` among them), which ``exiftool -csv=`` ignores,
    so a desk sees what the file said before writing the caption's values over it.

    Returns ``(table, warnings)``; the warnings list the values over the IIM limits.
    """
    import pandas as pd

    out = pd.DataFrame(index=table.index)
    source = next((c for c in table.columns if c.split(":")[-1] == "SourceFile"), None)
    if source:
        out["SourceFile"] = table[source]
    for column, iim, _limit, xmp_tag in TAGS:
        values = _texts(table[column]) if column in table else [""] * len(table)
        out[iim] = [_alpha3(v) for v in values] if column == "country_code" else values
        if xmp:
            out[xmp_tag] = values
    if "warnings" in table:
        out["warnings"] = _texts(table["warnings"])
    warnings = [] if source else ["no SourceFile column: exiftool -csv= matches rows to images by SourceFile"]
    for column, count in too_long(table).items():
        warnings.append(f"{count} values of {column} are longer than the IIM limit")
    return out, warnings


def _alpha3(code: str) -> str:
    """IIM's Country-PrimaryLocationCode holds three letters (ISO 3166-1 alpha-3)."""
    import pycountry

    found = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    return found.alpha_3 if found else code


def _texts(series) -> list[str]:
    return ["" if v is None or (isinstance(v, float) and v != v) else str(v) for v in series]


def _byte_len(value: str) -> int:
    return len(value.encode("utf-8"))


def too_long(table) -> Counter:
    """Per IIM tag, how many rows hold a value over its byte limit (list items counted one by one)."""
    counts: Counter = Counter()
    for column, iim, limit, _ in TAGS:
        if column not in table or column == "date":
            continue
        for value in _texts(table[column]):
            items = value.split(LIST_SEP) if column in LIST_COLUMNS else [value]
            if any(_byte_len(v) > limit for v in items):
                counts[f"{iim} ({limit} bytes)"] += 1
    return counts


def _norm(value: str) -> str:
    return _NOT_WORD.sub("", value.casefold())


_PUNCT = regex.compile(r"[^\w\s]+")


def placeholder(value: str) -> bool:
    """A By-line that names no one (``STR``, ``HO``, ``Handout``, ``Staff``, ``Pool``): the
    grammar's placeholder tokens."""
    words = " ".join(_PUNCT.sub(" ", value.casefold()).split())
    return not words or words in PLACEHOLDERS


def _named(column: str, file_value: str) -> str:
    """The file's value as far as it names something: placeholder By-line items dropped."""
    if column != "photographer":
        return file_value
    return LIST_SEP.join(v for v in file_value.split(LIST_SEP) if not placeholder(v))


def _agrees(column: str, file_value: str, caption_value: str) -> bool:
    if column == "date":
        return "".join(_DIGITS.findall(file_value))[:8] == caption_value.replace("-", "")[:8]
    a, b = _norm(file_value), _norm(caption_value)
    return a in b or b in a


def embedded_columns(columns) -> dict[str, str]:
    """Which input columns hold the file's own IPTC/XMP fields: {input column: table column}."""
    found = {}
    for c in columns:
        if ":" in c and not c.split(":")[0].startswith(("IPTC", "XMP")):
            continue
        target = EMBEDDED.get(c.split(":")[-1].casefold())
        if target and c != target:
            found[c] = target
    return found


def check_embedded(table) -> Counter:
    """Add an ``embedded_disagrees`` warning to rows whose file fields contradict the caption.

    Both values stay in the table (the file's in its own column). A placeholder By-line
    (``STR``, ``HO``, ``Handout``, ``Staff``…) names no one, so it disagrees with nothing.
    Returns counts per field.
    """
    counts: Counter = Counter()
    found = embedded_columns(table.columns)
    if not found or "warnings" not in table:
        return counts
    warnings = _texts(table["warnings"])
    for source, target in found.items():
        if target not in table:
            continue
        for i, (fv, cv) in enumerate(zip(_texts(table[source]), _texts(table[target]))):
            if _named(target, fv).strip() and cv.strip() and not _agrees(target, _named(target, fv), cv):
                note = f"embedded_disagrees: {source} {fv!r} in the file, {target} {cv!r} in the caption"
                warnings[i] = f"{warnings[i]}; {note}" if warnings[i] else note
                counts[source] += 1
    table["warnings"] = warnings
    return counts
