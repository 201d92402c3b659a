"""Outputs of two source trees, byte for byte: does a refactoring change what captionclean writes?

Runs ``captionclean clean`` (JSON lines, every column, the repairs and warnings included) with
the old tree and with the new one on: every file in fixtures/, each ../shared/eval/*.input.jsonl,
../shared/corpus/captions.jsonl and an export made by bench/make_export.py (--rows, damaged
captions included), and compares the files. Both trees run with this interpreter (one venv);
each tree is put first on PYTHONPATH, so its own ``captionclean`` package is the one imported.

    python bench/compare_trees.py --old /tmp/base --new .      # e.g. old = `git archive main` unpacked

Exit status 0 when every output is identical, 1 otherwise (the differing files are named).
"""
from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def inputs(tree: Path, shared: Path, export: Path | None) -> list[Path]:
    found = sorted(p for p in (tree / "fixtures").iterdir() if p.is_file() and p.suffix != ".jpg")
    found += sorted((shared / "eval").glob("*.input.jsonl"))
    corpus = shared / "corpus" / "captions.jsonl"
    if corpus.is_file():
        found.append(corpus)
    if export is not None:
        found.append(export)
    return found


def clean(tree: Path, source: Path, out: Path) -> str:
    """Run the tree's captionclean on ``source``; return its stderr (the summary), or raise."""
    env = dict(os.environ, PYTHONPATH=str(tree.resolve()))
    proc = subprocess.run([sys.executable, "-m", "captionclean", "clean", str(source), "-o", str(out), "--to", "jsonl"],
                          env=env, capture_output=True, text=True, cwd=tree)
    if proc.returncode != 0:
        raise SystemExit(f"{tree}: captionclean clean {source} failed:\n{proc.stderr}")
    return proc.stderr.replace(str(out), "OUT")  # the summary names the output file


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", type=Path, required=True, help="the old source tree (holds captionclean/)")
    ap.add_argument("--new", type=Path, default=ROOT, help="the new source tree (default: this one)")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--rows", type=int, default=3000, help="rows of the generated export (0: none)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        export = None
        if args.rows:
            export = tmp / f"export_{args.rows}.csv"
            subprocess.run([sys.executable, str(ROOT / "bench" / "make_export.py"), str(export), "--rows",
                            str(args.rows), "--seed", "7", "--shared", str(args.shared)], check=True,
                           capture_output=True)
        differ = []
        sources = inputs(args.new, args.shared, export)
        for i, source in enumerate(sources):
            outs = []
            for side, tree in (("old", args.old), ("new", args.new)):
                out = tmp / f"{i}_{side}.jsonl"
                summary = clean(tree, source, out)
                outs.append((out, summary))
            same = filecmp.cmp(outs[0][0], outs[1][0], shallow=False)
            same_summary = outs[0][1] == outs[1][1]
            print(f"{'identical' if same and same_summary else 'DIFFERENT'}  {source}"
                  + ("" if same_summary else "  (summary differs)"))
            if not (same and same_summary):
                differ.append(source)
        print(f"\n{len(sources) - len(differ)} of {len(sources)} inputs give identical outputs")
        return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
