"""The credit rules caption by caption (find_credits) against rule by rule (find_credits_many): the same work, in
another order, on the same captions, each new to the parser's memories.

Usage: python bench/rule_major.py EXPORT.csv [--rows 4000] [--batch 1000] [--rounds 3]
Each figure is one fresh process (the tables loaded and the grammar's patterns compiled first, 300 captions parsed
to warm, then the next ROWS distinct captions timed, CPU time); the orders alternate over the rounds. find_credits_many
takes one rule to every caption of a batch before the next rule, so each rule's compiled program stays in the
processor's caches; the results are the same (tests/test_credit_many.py).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# a child's start (bench/stage_major.py's children start the same way): argv ROOT EXPORT; the tables loaded, the
# grammar's patterns compiled, the export's distinct captions read (texts), the first 300 parsed to warm
WARM = r'''
import csv, sys, time
sys.path.insert(0, sys.argv[1])
csv.field_size_limit(10**9)
from captionclean import parse, timed_regex
from captionclean.tables import load_agencies
agencies = load_agencies()
timed_regex.compile_lazy()
with open(sys.argv[2], newline="", encoding="utf-8") as f:
    rows = csv.reader(f)
    head = next(rows)
    col = head.index("caption") if "caption" in head else 0
    texts = list(dict.fromkeys(r[col] for r in rows if len(r) > col))
for t in texts[:300]:
    parse.parse_caption(t, agencies=agencies)
'''
CHILD = WARM + r'''
from captionclean.grammar import credit
order, n, batch = sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
work = texts[300:300 + n]
if len(work) < n:
    sys.exit(f"rule_major: {sys.argv[2]} has {len(work) + 300} distinct captions, fewer than {n + 300}")
start = time.process_time()
if order == "caption":
    for t in work:
        credit.find_credits(t, agencies)
else:
    for i in range(0, n, batch):
        credit.find_credits_many(work[i:i + batch], agencies)
print((time.process_time() - start) / n * 1e6)
'''


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("export", type=Path)
    ap.add_argument("--rows", type=int, default=4000)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    times: dict[str, list[float]] = {"caption": [], "rule": []}
    for r in range(args.rounds):
        for order in (("caption", "rule") if r % 2 == 0 else ("rule", "caption")):
            out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(args.export), order, str(args.rows),
                                  str(args.batch)], capture_output=True, text=True)
            if out.returncode:
                sys.exit(out.stderr.strip().splitlines()[-1] if out.stderr.strip() else f"rule_major: failed ({out.returncode})")
            times[order].append(float(out.stdout))
    for order, label in (("caption", "caption by caption (find_credits)"), ("rule", f"rule by rule (find_credits_many, "
                                                                                   f"batches of {args.batch})")):
        print(f"{label}: {min(times[order]):6.1f} µs a caption (min of {args.rounds}; "
              f"{' '.join(f'{x:.1f}' for x in times[order])})")
    print(f"rule by rule / caption by caption: {min(times['rule']) / min(times['caption']):.2f}")


if __name__ == "__main__":
    main()
