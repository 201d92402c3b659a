#!/usr/bin/env python3
"""How well the ``doubt`` column points at the rows that are wrong, on the labelled sets.

usage: python bench/doubt_eval.py [--shared ../shared] [--sets seed,dev,dev2,dev3] [--json]

A row is wrong when score.py's comparison fails on any of photographer, agency,
distributor, city, region, country or date. Per set: precision (doubtful rows that
are wrong / doubtful rows) and recall (wrong rows that are doubtful / wrong rows),
and per reason how often it fires and how often its row is wrong.
Needs the labelled sets in ../shared/eval (not part of the repository).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ["photographer", "agency", "distributor", "city", "region", "country", "date"]


def _score_module(shared: Path):
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def evaluate(shared: Path, name: str) -> dict:
    from captionclean import Options
    from captionclean.pipeline import clean_inputs

    score = _score_module(shared)
    labels = [json.loads(line) for line in (shared / "eval" / f"{name}.jsonl").open(encoding="utf-8") if line.strip()]
    run = clean_inputs([shared / "eval" / f"{name}.input.jsonl"], Options(keep_duplicates=True))
    rows = {str(r["id"]): r for r in run.table.to_dict("records")}
    figures = Counter()
    fired, fired_wrong = Counter(), Counter()
    for lab in labels:
        row = rows.get(str(lab["id"]))
        if row is None:
            figures["missing"] += 1
            continue
        wrong = any(f in lab and score.norm(row.get(f)) not in score.accepted(lab[f]) for f in FIELDS)
        reasons = [r for r in str(row.get("doubt") or "").split("; ") if r]
        figures["rows"] += 1
        figures["wrong"] += wrong
        figures["doubtful"] += bool(reasons)
        figures["doubtful_wrong"] += bool(reasons) and wrong
        for r in reasons:
            fired[r] += 1
            fired_wrong[r] += wrong
    d, w, dw = figures["doubtful"], figures["wrong"], figures["doubtful_wrong"]
    return {"set": name, **figures, "precision": dw / d if d else None, "recall": dw / w if w else None,
            "reasons": {r: [fired[r], fired_wrong[r]] for r in sorted(fired, key=fired.get, reverse=True)}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--sets", default="seed,dev,dev2,dev3")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not (args.shared / "eval" / "score.py").is_file():
        print(f"doubt_eval needs the labelled sets and score.py in {args.shared / 'eval'} (not found)", file=sys.stderr)
        return 2
    results = [evaluate(args.shared, name) for name in args.sets.split(",") if name]
    if args.json:
        print(json.dumps(results))
        return 0
    total = Counter()
    for r in results:
        for k in ("rows", "wrong", "doubtful", "doubtful_wrong"):
            total[k] += r[k]
        p = f"{r['precision']:.2f}" if r["precision"] is not None else "-"
        c = f"{r['recall']:.2f}" if r["recall"] is not None else "-"
        print(f"{r['set']:6} rows {r['rows']:4}  wrong {r['wrong']:4}  doubtful {r['doubtful']:4}  "
              f"doubtful and wrong {r['doubtful_wrong']:4}  precision {p}  recall {c}")
        print("       reasons (fired/wrong): " + ", ".join(f"{k} {n}/{m}" for k, (n, m) in r["reasons"].items()))
    d, w, dw = total["doubtful"], total["wrong"], total["doubtful_wrong"]
    print(f"{'all':6} rows {total['rows']:4}  wrong {w:4}  doubtful {d:4}  doubtful and wrong {dw:4}  "
          f"precision {dw / d if d else 0:.2f}  recall {dw / w if w else 0:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
