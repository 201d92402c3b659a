"""The table's own memory at N rows, without parsing: synthetic parsed tuples through Table.plan/add/finish.

Usage: python bench/table_memory.py ROWS off|group|all
About 35% of rows repeat an earlier caption; the rest are distinct texts with distinct words (so
grouping finds no versions: what is measured is what the table holds per row and per distinct caption,
the dedupe maps, the signatures, the arrays written from). Prints the RSS at the start, after the
build and its peak (VmHWM, over the whole run, the write included). Minutes at 1,000,000 rows.
Another checkout's table: run it from that folder with PYTHONPATH=that folder.
"""
import importlib, random, sys, time
C = importlib.import_module("captionclean.clean")
from captionclean.read import InputRow
from captionclean.versions import signature

def status():
    d = {}
    for line in open('/proc/self/status'):
        if line.startswith(('VmRSS', 'VmHWM')):
            k, v = line.split(':'); d[k] = int(v.split()[0]) // 1024
    return d

n, mode = int(sys.argv[1]), sys.argv[2]
rng = random.Random(7)
opts = C.Options(versions=mode)
summary = C.Summary()
table = C.Table(opts, summary)
EMPTY = dict.fromkeys(["date", "city", "country", "agency", "photographer", "distributor", "warnings", "repairs",
                       "credit", "doubt", "style"], "")
texts = []
base = status()['VmRSS']
t0 = time.process_time()
CH = 2000
for start in range(0, n, CH):
    rows = []
    for i in range(start, min(n, start + CH)):
        if texts and rng.random() < 0.35:
            t = rng.choice(texts)
        else:
            t = f"Caption number {i} of the export, words {rng.random():.12f} more words {i * 7}."
            if len(texts) < 50000:
                texts.append(t)
        rows.append(InputRow(t, i + 1))
    plan, todo = table.plan(rows)
    parsed = []
    for t in todo:
        row = dict(EMPTY, description=t)
        parsed.append((C.dedupe_key(t), row, None, 0, signature(row, -1) if mode != "off" else None))
    table.add(rows, plan, parsed + table.reused)
built = status()
distinct = len(table.first_row)
written = sum(1 for _ in table.finish())
end = status()
print(f"{C.__file__.split('/captionclean/')[0]}: {mode} {n:,} rows ({distinct:,} distinct, {written:,} written): "
      f"rss {base} MB at start, {built['VmRSS']} after build (+{built['VmRSS'] - base}, "
      f"{(built['VmRSS'] - base) * 2**20 / n:.0f} B/row), peak {end['VmHWM']} (+{end['VmHWM'] - base}); "
      f"{time.process_time() - t0:.0f} s CPU", flush=True)
