"""One huge line: peak memory and time of `captionclean clean` on a file that is a single line.

Usage: python bench/bench_huge_line.py [--mb 43] [--dir out/bench]
Writes a plain-text file and a CSV holding, between two usual captions, one caption MB megabytes
long (real caption text repeated, no line break); cleans each in a fresh process and reports wall
time, CPU time and peak RSS (the child's maximum), the same for the two usual captions alone (the
process's own floor), and checks the oversized row came out whole with its warning and the others
parsed. Needs nothing outside the repository.
"""
from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent
CAPTION = ("WASHINGTON, DC - MAY 13: U.S. Attorney General Jeff Sessions delivers remarks during a candlelight "
           "vigil marking National Police Week on May 13, 2018 in Washington, D.C. (Photo by Zach Gibson/Getty "
           "Images) ")


def run(cmd: list[str]) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds, peak RSS (MB) and stderr of a command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, err


def inputs(folder: Path, mb: float) -> dict[str, tuple[Path, str]]:
    """The huge line between two usual captions (so the parser and its tables are loaded, as in
    a real export), as plain text and as a CSV; and the two captions alone (the floor)."""
    size = int(mb * 1_000_000)
    text = (CAPTION * (size // len(CAPTION) + 1))[:size].strip()
    one = CAPTION.strip()
    txt, csv_path, small = folder / f"huge_{mb:g}mb.txt", folder / f"huge_{mb:g}mb.csv", folder / "usual.txt"
    txt.write_text(f"{one} 1\n{text}\n{one} 2\n", encoding="utf-8")
    csv_path.write_text(f'id,caption\n1,"{one} 1"\n2,"{text}"\n3,"{one} 2"\n', encoding="utf-8")
    small.write_text(f"{one} 1\n{one} 2\n", encoding="utf-8")
    return {"two usual captions (floor)": (small, ""), f"text, one {mb:g} MB line": (txt, text),
            f"CSV, one {mb:g} MB field": (csv_path, text)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=43.0)
    ap.add_argument("--dir", type=Path, default=Path("out/bench"))
    args = ap.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    csv.field_size_limit((1 << 31) - 1)
    failed = False
    print(f"{'input':30} {'wall':>8} {'CPU':>8} {'peak RSS':>10}  check")
    for label, (path, text) in inputs(args.dir, args.mb).items():
        out = args.dir / (path.stem + "_clean.csv")
        elapsed, cpu, peak, err = run([str(BIN / "captionclean"), "clean", str(path), "-o", str(out)])
        with out.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        if text:
            big = [r for r in rows if r["caption"] == text]
            whole = len(rows) == 3 and len(big) == 1
            warned = whole and big[0]["warnings"].startswith("oversized:")
            parsed = all(r["credit"] == "Zach Gibson/Getty Images" for r in rows if r["caption"] != text)
        else:
            whole = warned = parsed = len(rows) == 2 and all(r["credit"] for r in rows)
        check = ("text whole, warned; the rest parsed" if whole and warned and parsed
                 else f"WRONG (whole {whole}, warned {warned}, rest parsed {parsed})")
        print(f"{label:30} {elapsed:7.1f}s {cpu:7.1f}s {peak:8.0f} MB  {check}", flush=True)
        out.unlink()
        path.unlink()  # made again in a second: no 43 MB files left behind
        failed |= not (whole and warned and parsed)
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
