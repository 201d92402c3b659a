"""The stages after the credits caption by caption (as parse_caption runs them) against stage by stage (every
caption through one stage before the next): the same calls, in another order, on the same captions.

Usage: python bench/stage_major.py EXPORT.csv [--rows 4000] [--rounds 3]
One process first parses the captions (parse_caption) and records every call of a stage with its arguments
(copied as they were at the call); then each figure is one fresh process (the tables loaded, the grammar's
patterns compiled, 300 other captions parsed to warm), which makes the recorded calls again in one order or the
other. Per stage: the calls' time summed (perf_counter around each call, the same in both orders); the whole
run: CPU time. The credit stage is bench/rule_major.py's.

Read its figures as an upper bound. On 2026-12-07 (low_60000_s7, 4,000 captions) the replayed calls took 165 µs a
caption in turn and 115 stage by stage (0.69), but parse_many rebuilt to run them so (branch stage12, commit 0135ea7,
reverted) gained ~3% of its time in one process (its old and new loops on alternating chunks) and nothing that
paired.py --many could tell from noise: the replay leaves out the caption's own data, warm when its stages run in
turn, and the budget armed for each caption at each stage (~2 µs); held over a batch, the stages' state also
brought the collector's full collections sooner when the tables are not frozen (a library call).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from rule_major import WARM  # (bench/ is the script's folder: on sys.path)

ROOT = Path(__file__).resolve().parents[1]
# the functions parse.py calls after the credits, by stage (find_dates and photo_date are also called by the
# places stage when its cuts differ: recorded where they are called, under the stage that calls them)
STAGES = {"find_dateline": "dateline", "find_dates": "dates", "photo_date": "dates", "find_place_runs": "place_runs",
          "place_near_date": "place_near_date", "locate_spans": "spans", "doubt_reasons": "doubt"}
ORDER = ["dateline", "dates", "place_runs", "place_near_date", "spans", "doubt"]

COMMON = WARM + r'''
n = int(sys.argv[4])
work = texts[300:300 + n]
if len(work) < n:
    sys.exit(f"stage_major: {sys.argv[2]} has {len(work) + 300} distinct captions, fewer than {n + 300}")
'''

RECORD = COMMON + r'''
import copy, pickle
STAGES = %r
calls, now = [], []
AG = "<agencies>"

def recorder(name, fn):
    def call(*args):
        now.append((name, tuple(AG if a is agencies else copy.deepcopy(a) for a in args)))
        return fn(*args)
    return call
for name in STAGES:
    setattr(parse, name, recorder(name, getattr(parse, name)))
for t in work:
    now = []
    parse.parse_caption(t, agencies=agencies)
    calls.append(now)
with open(sys.argv[3], "wb") as f:
    pickle.dump(calls, f)
'''

REPLAY = r'''
import pickle, time
from captionclean.grammar.dates import forget_dates
STAGES, ORDER, order = %r, %r, %r
with open(sys.argv[3], "rb") as f:
    calls = pickle.load(f)
fns = {name: getattr(parse, name) for name in STAGES}
calls = [[(STAGES[name], fns[name], tuple(agencies if a == "<agencies>" else a for a in args)) for name, args in c]
         for c in calls]
clock = time.perf_counter
spent = dict.fromkeys(ORDER, 0.0)
start = time.process_time()
if order == "caption":
    for c in calls:
        forget_dates()
        for stage, fn, args in c:
            t0 = clock()
            fn(*args)
            spent[stage] += clock() - t0
else:
    for want in ORDER:
        for c in calls:
            forget_dates()
            for stage, fn, args in c:
                if stage == want:
                    t0 = clock()
                    fn(*args)
                    spent[stage] += clock() - t0
cpu = time.process_time() - start
print(" ".join(f"{spent[s] / n * 1e6:.2f}" for s in ORDER), f"{cpu / n * 1e6:.2f}")
'''


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("export", type=Path)
    ap.add_argument("--rows", type=int, default=4000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        calls = Path(tmp) / "calls.pickle"

        def child(code: str) -> str:
            out = subprocess.run([sys.executable, "-c", code, str(ROOT), str(args.export), str(calls), str(args.rows)],
                                 capture_output=True, text=True)
            if out.returncode:
                sys.exit(out.stderr.strip().splitlines()[-1] if out.stderr.strip() else f"stage_major: failed ({out.returncode})")
            return out.stdout
        child(RECORD % (STAGES,))
        times: dict[str, list[list[float]]] = {"caption": [], "stage": []}
        for r in range(args.rounds):
            for order in (("caption", "stage") if r % 2 == 0 else ("stage", "caption")):
                times[order].append([float(x) for x in child(COMMON + REPLAY % (STAGES, ORDER, order)).split()])
    print(f"µs a caption, min of {args.rounds} fresh processes each ({args.rows} captions)")
    print(f"{'stage':<16} {'caption by caption':>19} {'stage by stage':>15} {'ratio':>6}")
    for k, stage in enumerate([*ORDER, "all (CPU)"]):
        a, b = (min(run[k] for run in times[o]) for o in ("caption", "stage"))
        print(f"{stage:<16} {a:19.1f} {b:15.1f} {b / a if a else 0:6.2f}")


if __name__ == "__main__":
    main()
