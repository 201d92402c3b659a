"""Where the parser's time goes: each stage of ``parse_caption`` timed in place.

Usage: python bench/profile.py [EXPORT.csv] [--rows 5000]
Parses the first ROWS unique captions of EXPORT (a ``make_export.py`` file; default: the
labelled captions in ../shared/eval, which a fresh clone does not have) and prints the microseconds per
caption each stage took on the first pass over them (the first 200 load the tables and are not counted: a
real archive's captions are new to the parser's memories), then the fastest of three more passes. The stages are the functions
``parse.py`` calls; "parse_caption (own work)" is what remains (the record, the time budget, glue).
Times are CPU times (``time.thread_time``).
"""
from __future__ import annotations

import argparse
import gc
import csv
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the thread's CPU time, not the wall clock: on a shared machine the wall clock measures the other
# processes' load as much as the parser (and moves a stage's share with it)
CLOCK = time.thread_time
sys.path.insert(0, str(ROOT))

from captionclean import parse  # noqa: E402
from captionclean.tables import load_agencies  # noqa: E402
from captionclean.timed_regex import TimedPattern  # noqa: E402
from captionclean.wordlists import word_lists  # noqa: E402

STAGES = {
    "find_credits": "credit rules (grammar/credit.py)",
    "choose_credit": "credit choice",
    "find_place_runs": "place runs (grammar/places.py)",
    "place_near_date": "place next to the date",
    "classify_parts": "place parts named",
    "find_dateline": "datelines",
    "find_dates": "date shapes (grammar/dates.py)",
    "photo_date": "the photo's date",
    "find_trailers": "trailers and restrictions",
    "repair_text": "text repair (the repair package)",
    "_tidy": "description tidied",
    "locate_spans": "field spans (spans.py)",
    "doubt_reasons": "doubt reasons (doubt.py)",
    "_cut": "cuts (parse.py)",
}


def captions(path: Path | None, rows: int, shared: Path = ROOT.parent / "shared") -> list[str]:
    texts: list[str] = []
    if path is None:
        for p in sorted((shared / "eval").glob("*.input.jsonl")):
            texts += [json.loads(ln)["text"] for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
        return texts
    seen: set[str] = set()
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            text = row["caption"]
            if text not in seen:
                seen.add(text)
                texts.append(text)
                if len(texts) == rows:
                    break
    return texts


def profile(texts: list[str]) -> tuple[float, dict[str, float], float, int]:
    """Seconds per caption in all and per stage on the first pass over ``texts`` but their first 200 (cold: the parser's
    memories hold none of them, as on a real archive; the first 200 load the tables), and
    the fastest of three more passes (warm: every memory keyed on these captions hits)."""
    spent: dict[str, float] = {}

    def timed(name, fn):
        def run(*args, **kwargs):
            start = CLOCK()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + CLOCK() - start
        return run

    originals = {name: getattr(parse, name) for name in STAGES if hasattr(parse, name)}
    agencies = load_agencies()
    try:
        for name, fn in originals.items():
            setattr(parse, name, timed(name, fn))
        word_lists()  # as the CLI loads them before the first caption when the export lost characters
        cut = min(200, len(texts) // 4)  # a small export: a quarter of it (one caption: that one, warm)
        warm_up, texts = (texts[:cut], texts[cut:]) if cut else (texts, texts)
        for text in warm_up:  # the tables loaded and the patterns compiled, on captions not measured
            parse.parse_caption(text, agencies=agencies)
        for obj in gc.get_objects():  # the patterns compiled on first use that these did not use: compiled
            if isinstance(obj, TimedPattern) and obj._args is not None:  # now, once, as a long run would
                obj.compiled
        passes = []
        for _ in range(4):
            spent.clear()
            start = CLOCK()
            for text in texts:
                parse.parse_caption(text, agencies=agencies)
            passes.append((CLOCK() - start, dict(spent)))
    finally:
        for name, fn in originals.items():
            setattr(parse, name, fn)
    total, stages = passes[0]
    warm = min(t for t, _ in passes[1:])
    return total / len(texts), {k: v / len(texts) for k, v in stages.items()}, warm / len(texts), len(texts)


def fail(message: str) -> None:
    print(message, file=sys.stderr)
    sys.exit(2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("export", type=Path, nargs="?")
    ap.add_argument("--rows", type=int, default=5000)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="the folder holding eval/*.input.jsonl (used when no EXPORT is given)")
    args = ap.parse_args()
    if args.export is not None and not args.export.is_file():
        fail(f"profile: {args.export}: no such file")
    texts = captions(args.export, args.rows, args.shared)
    if not texts:
        fail(f"profile: no captions in {args.export}" if args.export else
             f"profile: needs the labelled captions in {args.shared / 'eval'} (not found; a fresh clone has none: "
             f"set SHARED=DIR, or name an export: python bench/profile.py EXPORT.csv)")
    total, stages, warm, measured = profile(texts)
    print(f"where the parser's time goes ({measured:,} captions after {len(texts) - measured:,} that load the tables, each parsed the first time: {total * 1e6:.0f} µs each "
          f"= {1 / total:,.0f} captions/s with the stage timers; CPU time; parsed again, the fastest of three "
          f"passes: {warm * 1e6:.0f} µs):")
    rest = total - sum(stages.values())
    for name, secs in sorted(stages.items(), key=lambda kv: -kv[1]) + [("(own work)", rest)]:
        label = STAGES.get(name, "parse_caption: record, time budget, glue")
        print(f"  {secs * 1e6:6.1f} µs {secs / total:6.1%}  {name:16s} {label}")


if __name__ == "__main__":
    main()
