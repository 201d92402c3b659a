"""Credit lists: who took the photos, from the cleaned table.

One row per photographer and agency: the canonical credit line, how many photos
(every appearance), distinct captions and galleries, first and last date.
"""
from __future__ import annotations

CREDIT_COLUMNS = ["credit", "photographer", "agency", "photos", "captions", "galleries", "first_date", "last_date"]
SORTS = ("order", "count")


def _line(photographer: str, agency: str, distributor: str) -> str:
    line = "/".join(p for p in (photographer, agency) if p)
    return f"{line} via {distributor}" if distributor else line


def _entries(row) -> list[tuple[str, str, str]]:
    """(credit line, photographer, agency) for each photographer of the row."""
    people = [p for p in str(row.get("photographer") or "").split("; ") if p]
    agency, distributor = str(row.get("agency") or ""), str(row.get("distributor") or "")
    if len(people) <= 1:
        return [(str(row.get("credit") or ""), people[0] if people else "", agency)]
    return [(_line(p, agency, distributor), p, agency) for p in people]


def credit_list(table, *, by: str | None = None, sort: str = "order"):
    """The credit list (a DataFrame); ``by='gallery'`` gives one list per gallery.

    ``sort='order'`` keeps the order photos first appear; ``'count'`` puts the most photos first.
    Captions with no credit found are one row with an empty credit.
    """
    import pandas as pd

    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; use one of: {', '.join(SORTS)}")
    if by not in (None, "gallery"):
        raise ValueError(f"unknown grouping {by!r}; use: gallery")
    groups: dict[tuple, dict] = {}
    for i, row in enumerate(table.to_dict("records")):
        gallery = str(row.get("gallery") or "") if by else ""
        date = str(row.get("date") or "")
        for credit, photographer, agency in _entries(row):
            key = (gallery, photographer.casefold(), agency.casefold(), credit.casefold())
            g = groups.setdefault(key, {"gallery": gallery, "credit": credit, "photographer": photographer,
                                        "agency": agency, "photos": 0, "_captions": set(),
                                        "_galleries": set(), "_dates": [], "_first": i})
            g["photos"] += 1
            g["_captions"].add(row.get("caption"))
            if row.get("gallery"):
                g["_galleries"].add(row["gallery"])
            if date:
                g["_dates"].append(date)
    rows = []
    for g in groups.values():
        rows.append({"gallery": g["gallery"], "credit": g["credit"], "photographer": g["photographer"],
                     "agency": g["agency"], "photos": g["photos"], "captions": len(g["_captions"]),
                     "galleries": len(g["_galleries"]), "first_date": min(g["_dates"], default=""),
                     "last_date": max(g["_dates"], default=""), "_first": g["_first"]})
    order = (lambda r: (r["gallery_first"], r["_first"])) if sort == "order" else \
        (lambda r: (r["gallery_first"], -r["photos"], r["_first"]))
    gallery_first: dict[str, int] = {}
    for r in rows:
        gallery_first[r["gallery"]] = min(gallery_first.get(r["gallery"], r["_first"]), r["_first"])
    for r in rows:
        r["gallery_first"] = gallery_first[r["gallery"]]
    rows.sort(key=order)
    columns = (["gallery"] if by else []) + CREDIT_COLUMNS
    return pd.DataFrame.from_records(rows, columns=columns)


def credit_text(credits, *, by: str | None = None) -> str:
    """The line a web producer pastes under an article: ``Photos: Name/Agency (9), …``."""
    lines = []
    galleries = list(dict.fromkeys(credits["gallery"])) if by else [None]
    for gallery in galleries:
        part = credits[credits["gallery"] == gallery] if by else credits
        items = [f"{c} ({n})" for c, n in zip(part["credit"], part["photos"]) if c]
        line = "Photos: " + ", ".join(items) if items else "Photos: (no credit found)"
        lines.append(f"{gallery or '(no gallery)'}: {line}" if by else line)
    return "\n".join(lines)
