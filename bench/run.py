"""The archive-scale benchmark: end-to-end clean speed, peak memory, I/O floor, --jobs, parser alone.

Usage: python bench/run.py [--sizes 100000 1000000] [--seed 7] [--dir out/bench] [--low-reuse 60000]
                           [--compare OLD_TREE [OLD_TREE ...]]
Each run is a fresh process (start-up included); peak memory is the child's maximum RSS; CPU is the
child's user + system time (the figure to compare on a shared, loaded machine).
The low-reuse export (make_export.py --low-reuse: about 3,000 real captions from ../shared's labelled
inputs and corpus, most rows distinct, as in a real archive) is cleaned too; with --compare, each export
(the sizes' and the low-reuse one) is cleaned by an older tree's code (run with PYTHONPATH=OLD_TREE) at the
same time as by this tree's (both meet the same load on a shared machine), and the ratio of CPU times shown.
The smallest size is cleaned once more with an empty cache folder (a user's first run: the gazetteer and word
lists built). Last, bench/profile.py shows where the parser's time goes, stage by stage.
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


LAST_CPU = [0.0]  # CPU seconds (user + system) of the last command run


def run(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a command (its CPU seconds in LAST_CPU)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    LAST_CPU[0] = usage.ru_utime + usage.ru_stime
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode()
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err}")
    return elapsed, usage.ru_maxrss / 1024


def export(n: int, seed: int, folder: Path, shared: Path, low_reuse: bool = False) -> Path:
    fixtures_only = not any((shared / "eval").glob("*.input.jsonl"))  # a different export: its own name
    kind = "low_" if low_reuse else "big_"
    path = folder / f"{kind}{n}_s{seed}{'_fixtures' if fixtures_only else ''}.csv"
    if not path.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_export.py"), str(path), "--rows", str(n),
                        "--seed", str(seed), "--shared", str(shared)] + (["--low-reuse"] if low_reuse else []),
                       check=True)
    return path


def clean(path: Path, out: Path, jobs: int, env: dict | None = None) -> tuple[float, float]:
    return run([str(BIN / "captionclean"), "clean", str(path), "-o", str(out), "-q", "--jobs", str(jobs)], env=env)


def first_run(path: Path, n: int, folder: Path) -> None:
    """The export cleaned with an empty cache folder, as on a user's first run: the gazetteer and the word
    lists are built (once) on top of the run's own work; the peak memory a user meets first."""
    import tempfile

    with tempfile.TemporaryDirectory() as cache:
        t, rss = clean(path, folder / f"clean_{n}_first.csv", 1, env=dict(os.environ, CAPTIONCLEAN_CACHE_DIR=cache))
    same = filecmp.cmp(folder / f"clean_{n}.csv", folder / f"clean_{n}_first.csv", shallow=False)
    print(f"{n:>9,} rows: first run (empty cache: gazetteer and word lists built) {t:7.1f} s, peak RSS {rss:5.0f} MB "
          f"| output identical: {'yes' if same else 'NO'}")


def _start(path: Path, out: Path, tree: Path | None) -> subprocess.Popen:
    cmd = ([str(BIN / "captionclean")] if tree is None else [sys.executable, "-m", "captionclean"])
    env = None if tree is None else dict(os.environ, PYTHONPATH=str(tree.resolve()))
    # the old tree's code run from its own folder: ``python -m`` puts the working folder first on
    # sys.path, ahead of PYTHONPATH, so from this tree's folder it would run this tree's code
    return subprocess.Popen(cmd + ["clean", str(path.resolve()), "-o", str(out.resolve()), "-q", "--jobs", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                            cwd=None if tree is None else str(tree.resolve()))


def low_reuse(n: int, args) -> None:
    """The low-reuse export cleaned by this tree (and ``--compare``'s at the same time)."""
    if not (args.shared / "corpus" / "captions.jsonl").is_file() or not any((args.shared / "eval").glob("*.input.jsonl")):
        print(f"low-reuse export: left out (needs {args.shared}/eval/*.input.jsonl and corpus/captions.jsonl)")
        return
    side_by_side(export(n, args.seed, args.dir, args.shared, low_reuse=True), n, "low-reuse", args)


def side_by_side(path: Path, n: int, label: str, args) -> None:
    """An export cleaned by this tree and ``--compare``'s trees at the same time (so that all meet the
    same load on a shared machine): wall, CPU and peak memory of each, and the ratio of CPU times."""
    mb = path.stat().st_size / 1e6
    trees = [("this tree", None)] + [(str(tree), tree) for tree in args.compare]
    start = time.perf_counter()
    procs = [(name, _start(path, args.dir / f"{label}_clean_{n}{f'_old{k}' if tree else ''}.csv", tree))
             for k, (name, tree) in enumerate(trees)]
    cpu = {}
    by_pid = {proc.pid: (name, proc) for name, proc in procs}
    while by_pid:  # each as it ends (its own wall time)
        pid, status, usage = os.wait4(-1, 0)
        if pid not in by_pid:
            continue
        name, proc = by_pid.pop(pid)
        wall = time.perf_counter() - start
        err = proc.stderr.read().decode()
        proc.stderr.close()
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"failed: {name} on {path}\n{err}")
        cpu[name] = usage.ru_utime + usage.ru_stime
        print(f"{label} {n:>7,} rows ({mb:,.0f} MB), {name}: clean --jobs 1 {wall:6.1f} s wall, "
              f"CPU {cpu[name]:6.1f} s = {n / cpu[name]:6,.0f} captions/s, peak RSS {usage.ru_maxrss / 1024:4.0f} MB")
    for tree in args.compare:
        print(f"{label} {n:,}: this tree is {cpu[str(tree)] / cpu['this tree']:.2f}x {tree} "
              f"(CPU time; {'both' if len(trees) == 2 else f'all {len(trees)}'} run at once, one run)")


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
    ap.add_argument("--low-reuse", type=int, default=60000, metavar="ROWS",
                    help="rows of the low-reuse export (0: none)")
    ap.add_argument("--compare", type=Path, nargs="+", default=[], metavar="OLD_TREE",
                    help="older checkouts whose code cleans each export too, at the same time as this tree (e.g. git worktrees)")
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
        cpu = LAST_CPU[0]
        floor, floor_rss = run([sys.executable, "-c", FLOOR, str(path), str(args.dir / f"floor_{n}.csv")])
        times[n] = t
        print(f"{n:>9,} rows ({mb:,.0f} MB): clean --jobs 1 {t:7.1f} s = {n / t:8,.0f} captions/s "
              f"(CPU {cpu:.1f} s), "
              f"peak RSS {rss:5.0f} MB | I/O floor (pandas read+write) {floor:5.1f} s, {floor_rss:4.0f} MB "
              f"| clean/floor {t / floor:5.1f}x")
        if args.compare:
            side_by_side(path, n, "export", args)
    first_run(export(min(times), args.seed, args.dir, args.shared), min(times), args.dir)
    if args.low_reuse:
        low_reuse(args.low_reuse, args)
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
