"""Byte-identity check: this tree and another clean the same inputs into the same files.

Usage: python bench/same_output.py OTHER_TREE [--shared ../shared] [--dir out/same] [--rows 3000]
Runs ``captionclean clean`` (default, --keep-duplicates, --iptc; CSV and JSON lines; the export with
--jobs 2 too) on fixtures/*, SHARED/eval/*.input.jsonl, SHARED/corpus/captions.jsonl and a generated
low-reuse export, once with this tree's code and once with OTHER_TREE's (PYTHONPATH=OTHER_TREE, same
Python), each tree in one process, and compares every output file byte for byte. Exit status 1 on
any difference (the files are left in DIR to compare).
"""
from __future__ import annotations

import argparse
import filecmp
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODES = {"default": [], "keep": ["--keep-duplicates"], "iptc": ["--iptc"]}


def inputs(shared: Path, folder: Path, rows: int) -> list[Path]:
    found = [p for p in sorted((ROOT / "fixtures").iterdir()) if p.suffix in (".txt", ".csv", ".tsv", ".json")]
    found += sorted((shared / "eval").glob("*.input.jsonl"))
    corpus = shared / "corpus" / "captions.jsonl"
    if corpus.is_file():
        found.append(corpus)
    if rows and found:
        export = folder / f"export_{rows}.csv"
        if not export.exists():
            subprocess.run([sys.executable, str(ROOT / "bench" / "make_export.py"), str(export), "--rows", str(rows),
                            "--shared", str(shared)] + (["--low-reuse"] if corpus.is_file() else []), check=True)
        found.append(export)
    return found


def jobs(paths: list[Path], out: Path) -> list[tuple[str, list[str]]]:
    """(output file name, CLI arguments) for every run."""
    runs = []
    for i, path in enumerate(paths):
        stem = f"{i:02d}_{path.name.replace('.', '_')}"
        for mode, flags in MODES.items():
            for ext in ("csv", "jsonl") if mode != "iptc" else ("csv",):
                name = f"{stem}.{mode}.{ext}"
                runs.append((name, ["clean", str(path), "-o", str(out / name), "-q", *flags]))
        if path.name.startswith("export_"):
            name = f"{stem}.jobs2.csv"
            runs.append((name, ["clean", str(path), "-o", str(out / name), "-q", "--jobs", "2"]))
    return runs


def produce(runs_file: Path) -> None:
    """Run every command in this process (the tree is whatever ``captionclean`` imports)."""
    import captionclean
    from captionclean.cli import app

    tree = os.environ.get("SAME_OUTPUT_TREE")
    if tree and not Path(captionclean.__file__).resolve().is_relative_to(Path(tree)):
        sys.exit(f"same_output: meant to run {tree}'s code, imported {captionclean.__file__}")
    for name, args in json.loads(runs_file.read_text()):
        try:
            app(args, standalone_mode=False)
        except SystemExit as exc:
            if exc.code:
                print(f"{name}: exit {exc.code}", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("other", type=Path, nargs="?")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--dir", type=Path, default=ROOT / "out" / "same")
    ap.add_argument("--rows", type=int, default=3000, help="rows of the generated export (0: none)")
    ap.add_argument("--produce", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.produce:
        produce(args.produce)
        return
    if args.other is None:
        ap.error("name the other tree (e.g. a worktree of main)")
    args.dir.mkdir(parents=True, exist_ok=True)
    paths = inputs(args.shared, args.dir, args.rows)
    outs = {}
    for side, tree in (("this", ROOT), ("other", args.other.resolve())):
        out = args.dir / side
        out.mkdir(exist_ok=True)
        for old in out.iterdir():
            old.unlink()
        runs = jobs(paths, out)
        runs_file = args.dir / f"runs_{side}.json"
        runs_file.write_text(json.dumps(runs))
        env = dict(os.environ, PYTHONPATH=str(tree), SAME_OUTPUT_TREE=str(tree))
        subprocess.run([sys.executable, str(Path(__file__).resolve()), "--produce", str(runs_file)], env=env,
                       check=True, cwd=args.dir)
        outs[side] = (out, [name for name, _ in runs])
    differ = missing = 0
    for name in outs["this"][1]:
        a, b = outs["this"][0] / name, outs["other"][0] / name
        if not (a.exists() and b.exists()):
            missing += a.exists() != b.exists()
            if a.exists() != b.exists():
                print(f"only one tree wrote {name}")
            continue
        if not filecmp.cmp(a, b, shallow=False):
            differ += 1
            print(f"DIFFERENT: {name}")
    total = len(outs["this"][1])
    print(f"same output: {total - differ - missing} of {total} files identical "
          f"({len(paths)} inputs; this tree vs {args.other})")
    sys.exit(1 if differ or missing else 0)


if __name__ == "__main__":
    main()
