"""The credit rules' searches caption by caption against rule by rule: the same searches, in another order, on the
same captions (each rule find_credits would try on a caption, its pattern run over the whole caption).

Usage: python bench/rule_major.py EXPORT.csv [--rows 4000] [--batch 1000] [--rounds 3]
Each figure is one fresh process (the tables loaded and the grammar's patterns compiled first, 300 captions parsed
to warm, then the searches on the next ROWS distinct captions timed, CPU time); the orders alternate over the rounds.
Rule by rule takes one rule to every caption of a batch before the next rule, so each rule's compiled program stays
in the processor's caches: what a parser that ran each stage over a batch of captions would gain on these searches
(docs/performance.md, "The fifth round"). Both orders count the same matches (checked).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = r'''
import csv, sys, time
sys.path.insert(0, sys.argv[1])
csv.field_size_limit(10**9)
from captionclean import timed_regex
from captionclean.grammar import credit
from captionclean.parse import parse_caption
from captionclean.tables import load_agencies
agencies = load_agencies()
timed_regex.compile_lazy()
with open(sys.argv[2], newline="", encoding="utf-8") as f:
    rows = csv.reader(f)
    head = next(rows)
    col = head.index("caption") if "caption" in head else 0
    texts = list(dict.fromkeys(r[col] for r in rows if len(r) > col))
order, n, batch = sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
for t in texts[:300]:
    parse_caption(t, agencies=agencies)
work = texts[300:300 + n]
if len(work) < n:
    sys.exit(f"rule_major: {sys.argv[2]} has {len(work) + 300} distinct captions, fewer than {n + 300}")
tries = []  # (the caption, the patterns find_credits would try on it, in rule order)
for t in work:
    runnable = credit._runnable(t.lower()) & ~credit._end_skip(t)
    patterns = []
    while runnable:
        bit = runnable & -runnable
        runnable ^= bit
        patterns.append(credit._BY_BIT[bit][1].compiled)
    tries.append((t, patterns))
found = 0
start = time.process_time()
if order == "caption":
    for t, patterns in tries:
        for pattern in patterns:
            for _ in pattern.finditer(t):
                found += 1
else:
    for i in range(0, n, batch):
        by_rule = {}
        for t, patterns in tries[i:i + batch]:
            for pattern in patterns:
                by_rule.setdefault(id(pattern), (pattern, []))[1].append(t)
        for pattern, texts_of in by_rule.values():
            for t in texts_of:
                for _ in pattern.finditer(t):
                    found += 1
print((time.process_time() - start) / n * 1e6, found)
'''


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("export", type=Path)
    ap.add_argument("--rows", type=int, default=4000)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    times: dict[str, list[float]] = {"caption": [], "rule": []}
    counts: set[int] = set()
    for r in range(args.rounds):
        for order in (("caption", "rule") if r % 2 == 0 else ("rule", "caption")):
            out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(args.export), order, str(args.rows),
                                  str(args.batch)], capture_output=True, text=True)
            if out.returncode:
                sys.exit(out.stderr.strip().splitlines()[-1] if out.stderr.strip() else f"rule_major: failed ({out.returncode})")
            took, found = out.stdout.split()
            times[order].append(float(took))
            counts.add(int(found))
    if len(counts) != 1:
        sys.exit(f"rule_major: the orders found different matches ({sorted(counts)})")
    for order, label in (("caption", "caption by caption"), ("rule", f"rule by rule (batches of {args.batch})")):
        print(f"{label}: {min(times[order]):6.1f} µs a caption (min of {args.rounds}; "
              f"{' '.join(f'{x:.1f}' for x in times[order])})")
    print(f"rule by rule / caption by caption: {min(times['rule']) / min(times['caption']):.2f} "
          f"({counts.pop():,} matches either way)")


if __name__ == "__main__":
    main()
