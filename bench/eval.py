"""Accuracy on the labelled sets, side by side: one table of set × field (``make eval``).

Usage: python bench/eval.py [--shared ../shared] [--sets seed dev dev2 dev3] [--out out]
For each set, runs the CLI as a user would (``captionclean clean SET.input.jsonl
--keep-duplicates -q -o OUT/SET.csv``) and scores the table with the set's own scorer
(``SHARED/eval/score.py --json``). The labelled sets live outside the clone, in ../shared/eval:
without them this says so in one line and exits 2.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SETS = ["seed", "dev", "dev2", "dev3"]
FIELDS = ["photographer", "agency", "distributor", "city", "region", "country", "date", "all"]


def score_set(eval_dir: Path, name: str, out: Path) -> dict:
    """The scorer's figures for one set (``accuracy`` per field, ``labelled``, ``missing``)."""
    table = out / f"{name}.csv"
    run = subprocess.run([str(BIN / "captionclean"), "clean", str(eval_dir / f"{name}.input.jsonl"),
                          "--keep-duplicates", "-q", "-o", str(table)], capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"eval: captionclean failed on {name}.input.jsonl: {run.stderr.strip()}")
    score = subprocess.run([sys.executable, str(eval_dir / "score.py"), str(table), str(eval_dir / f"{name}.jsonl"),
                            "--json"], capture_output=True, text=True)
    try:
        return json.loads(score.stdout.splitlines()[0])
    except (IndexError, ValueError):
        raise SystemExit(f"eval: score.py gave no figures for {name}: {score.stderr.strip()}") from None


def table(results: dict[str, dict]) -> list[str]:
    """One row per set: captions, missing ids, then each field's accuracy."""
    widths = [max(len(f), 5) for f in FIELDS]
    head = f"{'set':6} {'captions':>8} {'missing':>7} " + " ".join(f"{f:>{w}}" for f, w in zip(FIELDS, widths))
    lines = [head, "-" * len(head)]
    for name, r in results.items():
        cells = []
        for f, w in zip(FIELDS, widths):
            value = r["accuracy"].get(f)
            cells.append(f"{'-' if value is None else f'{value:.3f}':>{w}}")
        lines.append(f"{name:6} {r['labelled']:8d} {r['missing']:7d} " + " ".join(cells))
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--sets", nargs="+", default=SETS)
    ap.add_argument("--out", type=Path, default=ROOT / "out")
    args = ap.parse_args()
    eval_dir = args.shared / "eval"
    if not (eval_dir / "score.py").is_file():
        print(f"eval: needs the labelled sets in {eval_dir} (not found; a fresh clone has none: "
              f"set SHARED=DIR, e.g. make eval SHARED=../shared)", file=sys.stderr)
        return 2
    found = [s for s in args.sets if (eval_dir / f"{s}.jsonl").is_file() and (eval_dir / f"{s}.input.jsonl").is_file()]
    if not found:
        print(f"eval: none of the sets {', '.join(args.sets)} is in {eval_dir}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    results = {name: score_set(eval_dir, name, args.out) for name in found}
    print("\n".join(table(results)))
    left = [s for s in args.sets if s not in found]
    if left:
        print(f"not in {eval_dir}: {', '.join(left)}")
    return 0 if not left and not any(r["missing"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
