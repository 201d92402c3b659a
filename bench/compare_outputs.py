"""Compare this tree's outputs with another checkout's, byte for byte.

Usage: python bench/compare_outputs.py OTHER_CHECKOUT [--shared ../shared] [--jobs 2]
Runs ``captionclean clean`` (plain, ``--versions group``, ``--versions all``), ``stats`` and
``credits`` on every file of fixtures/ and ../shared/eval/*.input.jsonl with this tree's
``.venv`` and with OTHER_CHECKOUT's, and says which outputs (the table, stdout, stderr, exit
code) differ. Exit 1 if any does.

``--dask`` runs ``clean --engine dask`` instead (plain, ``--keep-duplicates``, ``--versions group``,
``--versions all``) on the CSV, TSV and JSON lines inputs, comparing the part files (concatenated in
order); the summary on stderr is shown but not counted (the Dask summary took the local format in
issue 13).

``--budget SECONDS`` gives both trees' captions that wall-clock budget (parse.time_budget, through a
sitecustomize on PYTHONPATH): on a loaded machine the 2-second default times out a first caption now
and then, on either side, which would pass for a difference between the trees.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = {"clean": ["clean", "{input}", "-o", "{out}.csv"],
        "clean --versions group": ["clean", "{input}", "-o", "{out}.csv", "--versions", "group"],
        "clean --versions all": ["clean", "{input}", "-o", "{out}.csv", "--versions", "all"],
        "stats": ["stats", "{input}"],
        "credits": ["credits", "{input}"]}
DASK_RUNS = {f"dask {name}".rstrip(): ["clean", "{input}", "-o", "{out}.parts", "--engine", "dask", *flags]
             for name, flags in {"": [], "--keep-duplicates": ["--keep-duplicates"],
                                 "--versions group": ["--versions", "group"], "--versions all": ["--versions", "all"]}.items()}
DASK_INPUTS = (".csv", ".tsv", ".jsonl")


def run(tree: Path, args: list[str], input: Path, out: Path) -> tuple[int, bytes, bytes, bytes]:
    cmd = [str(tree / ".venv" / "bin" / "captionclean")] + [a.format(input=input, out=out) for a in args]
    proc = subprocess.run(cmd, capture_output=True)
    table = Path(f"{out}.csv")
    data = table.read_bytes() if table.exists() else b""
    parts = Path(f"{out}.parts")
    if parts.is_dir():  # the dask engine's part files, in order
        data = b"".join(p.read_bytes() for p in sorted(parts.iterdir()))
    err = proc.stderr.replace(str(out).encode(), b"OUT")  # the summary names the output file
    return proc.returncode, proc.stdout, err, data


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("other", type=Path)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--dask", action="store_true", help="compare clean --engine dask runs (part files)")
    ap.add_argument("--budget", type=float, default=None, metavar="SECONDS",
                    help="every caption's wall-clock budget in both trees (default: the trees' own)")
    args = ap.parse_args()
    if args.budget:
        site = Path(tempfile.mkdtemp(prefix="compare_outputs_site_"))
        (site / "sitecustomize.py").write_text(
            f"import captionclean.parse as _p\n_p.time_budget = lambda length: {args.budget!r}\n", encoding="utf-8")
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))
    inputs = sorted(p for p in (ROOT / "fixtures").iterdir() if p.is_file())
    inputs += sorted((args.shared / "eval").glob("*.input.jsonl"))
    runs = RUNS
    if args.dask:
        runs = DASK_RUNS
        inputs = [p for p in inputs if p.suffix in DASK_INPUTS]
    work = Path(tempfile.mkdtemp(prefix="compare_outputs_"))
    jobs = [(name, cmd, path) for path in inputs for name, cmd in runs.items()]

    def both(job):
        name, cmd, path = job
        tag = f"{path.stem}_{name.replace(' ', '_')}"
        return job, run(ROOT, cmd, path, work / f"this_{tag}"), run(args.other, cmd, path, work / f"other_{tag}")

    differ = 0
    with ThreadPoolExecutor(args.jobs) as pool:
        for (name, _, path), mine, theirs in pool.map(both, jobs):
            parts = [what for what, a, b in zip(("exit code", "stdout", "stderr", "table"), mine, theirs) if a != b]
            if args.dask and "stderr" in parts:  # the summary's format changed (issue 13): shown, not counted
                parts.remove("stderr")
                print(f"  summary {path.name} {name}:\n    this:  {mine[2].decode().strip()}\n"
                      f"    other: {theirs[2].decode().strip()}")
            differ += bool(parts)
            print(f"{'DIFFERENT' if parts else 'same     '} {name:24} {path.name}"
                  + (f": {', '.join(parts)}" if parts else f" ({len(mine[3]) or len(mine[1])} bytes)"))
    print(f"{len(jobs) - differ} of {len(jobs)} runs byte-identical with {args.other}")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
