"""What a compiled engine would give: the grammar's own patterns run by RE2 and Hyperscan.

Usage: python bench/native_probe.py [EXPORT.csv] [--rows 2000]
Needs the optional ``google-re2`` and ``hyperscan`` packages (not dependencies of captionclean:
``pip install google-re2 hyperscan``); says so and stops if they are missing.

Takes every pattern the grammar compiled (every ``timed_regex`` pattern once the parser has read
some captions), tries each in RE2 and in Hyperscan (which refuse lookbehind, backreferences,
possessive and fuzzy parts …), and on the patterns both accept times one search of each pattern
over each caption: the ``regex`` module pattern by pattern, RE2 pattern by pattern, and Hyperscan
as one multi-pattern database scanned once per caption (match ends only, no groups). The figures
are for the patterns alone: no Python glue between them, no fields built.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("export", type=Path, nargs="?")
    ap.add_argument("--rows", type=int, default=2000)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    try:
        import hyperscan
        import re2
    except ImportError:
        print("native_probe: needs google-re2 and hyperscan (pip install google-re2 hyperscan); left out")
        sys.exit(2)
    from profile import captions

    from captionclean import timed_regex
    from captionclean.parse import parse_caption
    from captionclean.tables import load_agencies

    texts = captions(args.export, args.rows, args.shared)
    if not texts:
        sys.exit("native_probe: no captions")
    agencies = load_agencies()
    start = time.perf_counter()
    for t in texts:
        parse_caption(t, agencies=agencies)
    parse_rate = len(texts) / (time.perf_counter() - start)
    pats = [p for p in list(timed_regex._PATTERNS) if getattr(p, "_args", None) is None]
    seen, unique = set(), []
    for p in pats:
        key = (p.compiled.pattern, p.compiled.flags)
        if key not in seen:
            seen.add(key)
            unique.append(p.compiled)
    ok_re2, ok_hs = [], []
    for c in unique:
        src = c.pattern if isinstance(c.pattern, str) else None
        if src is None:
            continue
        ignore = bool(c.flags & timed_regex.IGNORECASE)
        try:
            opts = re2.Options()
            opts.case_sensitive = not ignore
            ok_re2.append((c, re2.compile(src, opts)))
        except Exception:  # noqa: BLE001 - a construct RE2 lacks
            pass
        try:
            flags = hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP | (hyperscan.HS_FLAG_CASELESS if ignore else 0)
            db = hyperscan.Database()
            db.compile(expressions=[src.encode()], flags=[flags])
            ok_hs.append((c, src.encode(), flags))
        except Exception:  # noqa: BLE001 - a construct Hyperscan lacks
            pass
    both = {id(c) for c, _ in ok_re2} & {id(c) for c, _, _ in ok_hs}
    print(f"patterns the grammar compiled: {len(unique)}; RE2 accepts {len(ok_re2)}, Hyperscan {len(ok_hs)}, "
          f"both {len(both)}")
    common_regex = [c for c, _ in ok_re2 if id(c) in both]
    common_re2 = [r for c, r in ok_re2 if id(c) in both]
    hs_items = [(e, f) for c, e, f in ok_hs if id(c) in both]
    db = hyperscan.Database()
    db.compile(expressions=[e for e, _ in hs_items], flags=[f for _, f in hs_items], ids=list(range(len(hs_items))))
    encoded = [t.encode("utf-8", "surrogatepass") for t in texts]

    def timed(fn) -> float:
        best = None
        for _ in range(3):
            t0 = time.perf_counter()
            fn()
            took = time.perf_counter() - t0
            best = took if best is None or took < best else best
        return best / len(texts) * 1e6

    def with_regex():
        for t in texts:
            for c in common_regex:
                c.search(t)

    def with_re2():
        for t in texts:
            for r in common_re2:
                r.search(t)

    def on_match(*_):
        return None

    def with_hyperscan():
        for b in encoded:
            db.scan(b, match_event_handler=on_match)

    every = [c for c in unique if isinstance(c.pattern, str)]

    def all_regex():
        for t in texts:
            for c in every:
                c.search(t)

    print(f"{len(texts):,} captions; the whole parser: {1e6 / parse_rate:,.0f} µs a caption ({parse_rate:,.0f}/s, one pass)")
    print(f"  every grammar pattern, one regex-module search each: {timed(all_regex):8.1f} µs a caption")
    print(f"  the {len(both)} patterns both engines take, one search each:")
    print(f"    regex module  {timed(with_regex):8.1f} µs a caption")
    print(f"    RE2           {timed(with_re2):8.1f} µs a caption")
    print(f"    Hyperscan     {timed(with_hyperscan):8.1f} µs a caption (one scan of one database, match ends only)")


if __name__ == "__main__":
    main()
