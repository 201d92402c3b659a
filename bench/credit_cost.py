"""What the credit rules cost against a caption's length: ``find_credits`` on whole captions, on their last
300 and 150 characters and on their first 100, each caption new to the parser's memories (each length in a process of its own).

Usage: python bench/credit_cost.py EXPORT.csv [--rows 3000]
A cost that stays high on 100 characters is a cost per rule run, not per character. CPU time.
"""
from __future__ import annotations

import argparse
import csv
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from captionclean.grammar.credit import _runnable, find_credits  # noqa: E402
from captionclean.parse import parse_caption  # noqa: E402
from captionclean.tables import load_agencies  # noqa: E402

CUTS = {"whole caption": lambda t: t, "last 300 characters": lambda t: t[-300:],
        "last 150 characters": lambda t: t[-150:], "first 100 characters": lambda t: t[:100]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("export", type=Path)
    ap.add_argument("--rows", type=int, default=3000)
    ap.add_argument("--only", choices=list(CUTS), help=argparse.SUPPRESS)  # one length, in this process
    args = ap.parse_args()
    if not args.export.is_file():
        print(f"credit_cost: {args.export}: no such file", file=sys.stderr)
        sys.exit(2)
    with open(args.export, newline="", encoding="utf-8") as f:
        texts = list(dict.fromkeys(row["caption"] for row in csv.DictReader(f)))
    agencies = load_agencies()
    for text in texts[:200]:  # the tables loaded, the patterns compiled
        parse_caption(text, agencies=agencies)
    texts = texts[200:200 + args.rows]
    if not texts:
        print(f"credit_cost: fewer than 201 captions in {args.export}", file=sys.stderr)
        sys.exit(2)
    if args.only is None:
        print(f"{len(texts):,} captions, median {statistics.median(len(t) for t in texts):.0f} characters")
        for name in CUTS:
            subprocess.run([sys.executable, __file__, str(args.export), "--rows", str(args.rows), "--only", name],
                           check=True)
        return
    for name, cut in [(args.only, CUTS[args.only])]:
        start = time.process_time()
        for text in texts:
            find_credits(cut(text), agencies)
        spent = (time.process_time() - start) / len(texts)
        runs = statistics.mean(bin(_runnable(cut(t).lower())).count("1") for t in texts)
        print(f"  {name:22s} {spent * 1e6:6.0f} µs a caption, {runs:4.1f} rules let run")


if __name__ == "__main__":
    main()
