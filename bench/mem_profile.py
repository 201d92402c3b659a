"""Where a real run's memory goes: ``captionclean clean`` in-process, with RSS (and optionally
tracemalloc) at each phase.

Usage: python bench/mem_profile.py EXPORT.csv off|group|all [-o OUT.csv] [--trace] [--top 15]

Phases: start (imports), after the vocabulary pass, during parsing (every 50 chunks), the build's end
(before Table.finish), after grouping (versions), halfway through writing, the end. At each: VmRSS,
VmHWM (the peak so far), the sizes of every lru_cache and large module-level dict in captionclean;
with ``--trace``, tracemalloc's current/peak and the top allocation sites of a snapshot (by line,
and by file), so what holds the memory at each phase is named. tracemalloc slows the run 2-3x and
adds its own memory (not in its figures, but in RSS): compare RSS between runs without it.
"""
from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
from pathlib import Path


def status() -> dict:
    d = {}
    for line in open("/proc/self/status"):
        if line.startswith(("VmRSS", "VmHWM")):
            k, v = line.split(":")
            d[k] = int(v.split()[0]) / 1024
    return d


def caches(min_len: int = 2000) -> list[tuple[str, int]]:
    """(name, entries) of captionclean's lru_caches and module-level dicts/sets/lists with many entries."""
    out = []
    for name, mod in list(sys.modules.items()):
        if not name.startswith("captionclean") or mod is None:
            continue
        for attr, obj in list(vars(mod).items()):
            info = getattr(obj, "cache_info", None)
            if callable(info):
                try:
                    n = info().currsize
                except Exception:
                    continue
                if n >= 50:
                    out.append((f"{name}.{attr}()", n))
            elif isinstance(obj, (dict, set, list, frozenset)) and len(obj) >= min_len:
                out.append((f"{name}.{attr}", len(obj)))
    return sorted(out, key=lambda x: -x[1])


def holders() -> list[tuple[str, object]]:
    """(name, a function emptying it) for every cache that can grow with distinct captions."""
    out = []
    for name, mod in list(sys.modules.items()):
        if not name.startswith("captionclean") or mod is None:
            continue
        for attr, obj in list(vars(mod).items()):
            if callable(getattr(obj, "cache_clear", None)) and getattr(obj, "cache_info", None):
                if obj.cache_info().maxsize not in (1, None) and obj.cache_info().currsize:
                    out.append((f"{name}.{attr}()", obj.cache_clear))
            elif attr in ("_TAIL_MEMO", "_NEEDLES", "_CHAIN_CACHE", "_READ", "_ALIASES") and isinstance(obj, dict):
                out.append((f"{name}.{attr} ({len(obj):,})", obj.clear))
    return out


def measure_holders(table) -> None:
    """MB of traced memory each holder frees when emptied (the run goes on with them empty: the
    output may then differ from a normal run's in nothing, they are caches)."""
    import gc as _gc
    _gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    print(f"   holders at this point (traced {before / 2**20:.1f} MB):")
    agencies = [o for o in _gc.get_objects() if type(o).__name__ == "Agencies"]
    items = holders() + [(f"Agencies._found x{len(agencies)}", lambda: [a._found.clear() for a in agencies])]
    for name, clear in items:
        _gc.collect()
        a = tracemalloc.get_traced_memory()[0]
        clear()
        _gc.collect()
        b = tracemalloc.get_traced_memory()[0]
        if a - b > 256 * 1024:
            print(f"     {(a - b) / 2**20:7.1f} MB  {name}")
    t = table
    sizes = {"group_of": t.group_of, "source": t.source, "first_row": t.first_row, "count": t.count}
    print("     table arrays: " + ", ".join(f"{k} {v.itemsize * len(v) / 2**20:.1f} MB" for k, v in sizes.items())
          + f", warned {len(t.warned) / 2**20:.1f} MB")
    for k in ("groups", "raw_first"):
        ki = getattr(t, k, None)
        if ki is not None:
            mb = (sys.getsizeof(ki.keys) + sys.getsizeof(ki.values)) / 2**20
            print(f"     KeyIndex {k}: {len(ki):,} keys, {mb:.1f} MB")
    if t.sigs is not None:
        print(f"     signatures: {sum(a.itemsize * len(a) for a in t.sigs.arrays.values()) / 2**20:.1f} MB")
    if t.spill.items is not None:
        print("     spill in memory")
    _gc.collect()
    print(f"     traced after emptying the caches: {tracemalloc.get_traced_memory()[0] / 2**20:.1f} MB")
    sys.stdout.flush()


class Probe:
    def __init__(self, trace: bool, top: int):
        self.trace, self.top, self.t0 = trace, top, time.process_time()
        self.log = []

    def __call__(self, phase: str, snapshot: bool = False) -> None:
        s = status()
        line = f"[{time.process_time() - self.t0:7.1f} s] {phase:28} rss {s['VmRSS']:6.0f} MB  hwm {s['VmHWM']:6.0f} MB"
        if self.trace:
            cur, peak = tracemalloc.get_traced_memory()
            line += f"  traced {cur / 2**20:6.1f} MB (peak {peak / 2**20:6.1f})"
        print(line, flush=True)
        if snapshot:
            print("   caches: " + ", ".join(f"{n}={k:,}" for n, k in caches()[:12]), flush=True)
            if self.trace:
                snap = tracemalloc.take_snapshot().filter_traces(
                    [tracemalloc.Filter(False, tracemalloc.__file__)])
                for kind in ("lineno", "filename"):
                    print(f"   top by {kind}:")
                    for st in snap.statistics(kind)[:self.top]:
                        fr = st.traceback[0]
                        where = f"{fr.filename.split('site-packages/')[-1].split('/mem2/')[-1]}" + (f":{fr.lineno}" if kind == "lineno" else "")
                        print(f"     {st.size / 2**20:7.1f} MB {st.count:9,} blocks  {where}")
                if tracemalloc.get_traceback_limit() > 1 and phase.startswith(("built", "grouped")):
                    print("   top by traceback (3 frames):")
                    for st in snap.statistics("traceback")[:5]:
                        print(f"     {st.size / 2**20:7.1f} MB {st.count:9,} blocks")
                        for fr in st.traceback.format()[-6:]:
                            print("        " + fr.strip())
                    sys.stdout.flush()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("export", type=Path)
    ap.add_argument("mode", choices=["off", "group", "all"])
    ap.add_argument("-o", type=Path, default=Path("/dev/null"))
    ap.add_argument("--trace", action="store_true")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--holders", action="store_true", help="--trace: at the build's end, MB each cache frees when emptied")
    ap.add_argument("--frames", type=int, default=1, help="--trace: frames kept per allocation (>1: by traceback too)")
    ap.add_argument("--every", type=int, default=50, help="chunks between parse-phase lines")
    args = ap.parse_args()
    if args.trace:
        tracemalloc.start(args.frames)
    probe = Probe(args.trace, args.top)
    from captionclean import core
    from captionclean.core import Options
    from captionclean.engine import local

    probe("imported", snapshot=True)
    orig_vocab = local.with_vocabulary

    def with_vocabulary(options, texts):
        out = orig_vocab(options, texts)
        probe("vocabulary", snapshot=True)
        return out

    local.with_vocabulary = with_vocabulary
    orig_add = core.Table.add
    chunks = [0]

    def add(self, *a):
        orig_add(self, *a)
        chunks[0] += 1
        if chunks[0] % args.every == 0:
            probe(f"parsed {len(self.group_of):,} rows", snapshot=chunks[0] % (args.every * 4) == 0)

    core.Table.add = add
    orig_finish = core.Table.finish

    def finish(self):
        probe(f"built {len(self.group_of):,} rows, {len(self.first_row):,} distinct", snapshot=True)
        if args.trace and args.holders:
            measure_holders(self)
            probe("caches emptied", snapshot=True)
        n = 0
        half = max(1, len(self.first_row) // 2)
        for row in orig_finish(self):
            n += 1
            if n == 1:
                probe("first row written", snapshot=True)
            if n == half:
                probe("half written", snapshot=True)
            yield row
        probe(f"all {n:,} written")

    core.Table.finish = finish
    orig_versions = core._Versions.__init__

    def versions_init(self, table):
        probe("before grouping")
        orig_versions(self, table)
        probe(f"grouped ({len(self.grouping.groups):,} groups)", snapshot=True)

    core._Versions.__init__ = versions_init
    summary = local.clean_to_path(args.export, args.o, Options(versions=args.mode))
    gc.collect()
    probe("end", snapshot=True)
    print("\n".join(summary.lines()))


if __name__ == "__main__":
    main()
