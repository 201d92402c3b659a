"""The archive-scale benchmark: end-to-end clean speed, peak memory, I/O floor, --jobs, parser alone.

Usage: python bench/run.py [--sizes 100000 1000000] [--seed 7] [--dir out/bench]
Each run is a fresh process (start-up included); peak memory is the child's maximum RSS.
Last, bench/profile.py shows where the parser's time goes, stage by stage.
"""
from __future__ import annotations

import argparse
import filecmp
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
FLOOR = ("import sys, pandas as pd; df = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False); "
         "df.to_csv(sys.argv[2], index=False)")


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode()
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err}")
    return elapsed, usage.ru_maxrss / 1024


def export(n: int, seed: int, folder: Path, shared: Path) -> Path:
    fixtures_only = not any((shared / "eval").glob("*.input.jsonl"))  # a different export: its own name
    path = folder / f"big_{n}_s{seed}{'_fixtures' if fixtures_only else ''}.csv"
    if not path.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_export.py"), str(path), "--rows", str(n),
                        "--seed", str(seed), "--shared", str(shared)], check=True)
    return path


def clean(path: Path, out: Path, jobs: int) -> tuple[float, float]:
    return run([str(BIN / "captionclean"), "clean", str(path), "-o", str(out), "-q", "--jobs", str(jobs)])


def labelled_captions(shared: Path) -> list[str]:
    texts = []
    for path in sorted((shared / "eval").glob("*.input.jsonl")):
        texts += [json.loads(ln)["text"] for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return texts


def parser_alone(texts: list[str]) -> tuple[int, float]:
    from captionclean.parse import parse_caption
    from captionclean.tables import load_agencies

    agencies = load_agencies()
    for t in texts:  # warm: tables and gazetteer loaded
        parse_caption(t, agencies=agencies)
    start = time.perf_counter()
    for _ in range(3):
        for t in texts:
            parse_caption(t, agencies=agencies)
    return len(texts), 3 * len(texts) / (time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100000, 1000000])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--dir", type=Path, default=ROOT / "out" / "bench")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="the folder holding eval/*.input.jsonl (the export's captions, the parser-alone figure)")
    args = ap.parse_args()
    labelled = labelled_captions(args.shared)
    args.dir.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} cores, load average {load:.1f} at start; python {sys.version.split()[0]}")
    if not labelled:
        print(f"no labelled captions in {args.shared / 'eval'}: the export is made from fixtures/ alone")
    times = {}
    for n in args.sizes:
        path = export(n, args.seed, args.dir, args.shared)
        mb = path.stat().st_size / 1e6
        out = args.dir / f"clean_{n}.csv"
        t, rss = clean(path, out, 1)
        floor, floor_rss = run([sys.executable, "-c", FLOOR, str(path), str(args.dir / f"floor_{n}.csv")])
        times[n] = t
        print(f"{n:>9,} rows ({mb:,.0f} MB): clean --jobs 1 {t:7.1f} s = {n / t:8,.0f} captions/s, "
              f"peak RSS {rss:5.0f} MB | I/O floor (pandas read+write) {floor:5.1f} s, {floor_rss:4.0f} MB "
              f"| clean/floor {t / floor:5.1f}x")
    small, big = min(times), max(times)
    if small != big:
        print(f"cost growth: {big:,} rows take {times[big] / times[small]:.1f}x the time of {small:,} "
              f"({big / small:.0f}x the rows)")
    path = export(big, args.seed, args.dir, args.shared)
    t2, rss2 = clean(path, args.dir / f"clean_{big}_j2.csv", 2)
    same = filecmp.cmp(args.dir / f"clean_{big}.csv", args.dir / f"clean_{big}_j2.csv", shallow=False)
    print(f"{big:>9,} rows: clean --jobs 2 {t2:7.1f} s = {big / t2:8,.0f} captions/s, peak RSS {rss2:5.0f} MB "
          f"| speed-up over --jobs 1 {times[big] / t2:.2f}x | output identical: {'yes' if same else 'NO'}")
    if labelled:
        n, rate = parser_alone(labelled)
        print(f"parser alone on the {n} labelled captions: {rate:,.0f} captions/s (one core)")
    subprocess.run([sys.executable, str(ROOT / "bench" / "profile.py"), str(export(min(times), args.seed, args.dir, args.shared)),
                    "--rows", "5000"], check=True)
    if not labelled:
        print(f"bench: the parser-alone figure needs the labelled captions in {args.shared / 'eval'} "
              f"(not found; set SHARED=DIR); left out", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
