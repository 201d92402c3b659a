"""The summary of a run: counts, repairs by rule, fields found, warnings by kind, doubts by reason."""
from __future__ import annotations

from collections import Counter

import regex

from .parse import FIELDS

# the columns whose fill rate says how much the grammar found
FOUND_COLUMNS = [f for f in FIELDS if f not in ("caption", "credit_raw", "style", "repairs", "warnings",
                                                "date_inferred")]
# a rule's detail in brackets is not part of its name: mojibake[encode …, decode utf-8] is mojibake
_KIND = regex.compile(r"(?:^|; )([a-z][a-z0-9_]*)(?:\[[^\]\n]*\])?(?=:|;|$)")


def kinds(cells) -> Counter:
    """Count the rule or warning names at the start of each ``; ``-separated item (a rule's
    bracketed detail, ``lost_letters[gazetteer]``, counts under its name)."""
    counts: Counter = Counter()
    for cell in cells:
        if isinstance(cell, str) and cell:
            counts.update(_KIND.findall(cell))
    return counts


def table_stats(table, summary) -> dict[str, list[tuple[str, object]]]:
    """Sections of (name, value) pairs, in the order they are printed: the run's counts
    (:meth:`captionclean.core.Summary.sections`), then what the table's columns hold."""
    out: dict[str, list[tuple[str, object]]] = {}
    out["rows"] = summary.sections()
    if summary.format:
        out["rows"].append(("input", f"{summary.format}, {summary.encoding}"))
    out["repairs by rule"] = sorted(kinds(table.get("repairs", [])).items(), key=lambda kv: (-kv[1], kv[0]))
    out["fields found"] = [(c, int((table[c].fillna("").astype(str) != "").sum())) for c in FOUND_COLUMNS
                           if c in table]
    warnings = kinds(table.get("warnings", []))
    out["warnings by kind"] = sorted(warnings.items(), key=lambda kv: (-kv[1], kv[0]))
    out["doubts by reason"] = sorted(kinds(table.get("doubt", [])).items(), key=lambda kv: (-kv[1], kv[0]))
    if summary.warnings:
        out["input warnings"] = [(w, "") for w in summary.warnings]
    return out
