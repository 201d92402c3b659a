"""Versions of one picture: false merges on the labelled sets, and how often desk edits are grouped.

Usage: python bench/bench_versions.py [--sweep] [--show 5]
Needs ../shared/eval (the labelled sets); without it, says so and exits non-zero.

1. False merges: every labelled caption of ../shared/eval/*.jsonl in one export; a group of versions
   whose captions carry different labels (photographer, agency, date, city, region or country: no
   accepted value in common) is a false merge. Target: 0.
2. Grouping: from each labelled caption, two versions made by an edit desks make (a corrected name,
   a changed date marked CORRECTS, a trimmed trailer, one more sentence, a typo fixed), all in one
   export per edit, each pair a few hundred rows apart; the share of pairs grouped (target ≥ 95%),
   and the groups that join versions of two captions with different labels (false merges, target 0).
``--sweep`` repeats both at other thresholds (the choice of versions.SIMILARITY and CONTAINED).

``--cost 100000 200000`` measures instead what grouping costs: for each size, a generated export
(bench/make_export.py, ``--seed 7``, kept in out/bench) cleaned with ``--versions off`` and with
``--versions group``, side by side (alternating, ``--repeat`` times each), each a fresh process:
CPU seconds and peak memory of each, the ratio, and how both grow with the rows. ``--against
OTHER_CHECKOUT`` runs each mode in both trees at once and compares the tables byte for byte
(``--modes off group all``; ``--tree SNAPSHOT`` runs a snapshot's code, so the tree may change meanwhile).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
LABELS = ("photographer", "agency", "date", "city", "region", "country")
SETS = ("seed", "dev", "dev2", "dev3")
MONTH = regex.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|"
                      r"December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|"
                      r"JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\s+(\d{1,2})\b")
NAME = regex.compile(r"(?<=\p{L}+ )(?!(?:January|February|March|April|June|July|August|September|October|"
                     r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
                     r"\p{Lu}\p{Ll}{4,}(?=[ ,.])")  # a capitalised word, not the first, not a month or day
WORD = regex.compile(r"(?<= )\p{Ll}{5,}(?= )")
TRAILERS = ["EDITORIAL USE ONLY.", "MANDATORY CREDIT", "TPX IMAGES OF THE DAY", "NO RESALES. NO ARCHIVES",
            "Acquire Licensing Rights", "THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY."]
SENTENCES = ["Picture taken with a drone.", "Police said no one was injured.",
             "Organisers expected thousands of visitors.", "The event was cancelled last year.",
             "Picture taken through a window.", "Hundreds of people gathered to watch."]
NAME_NOTICES = ["REFILE - CORRECTING SPELLING OF NAME ", "CORRECTS SPELLING OF NAME - ", "", ""]
DATE_NOTICES = ["REFILE - CORRECTING DATE ", "CORRECTS DATE - ", "CORRECTION: corrects date. ",
                "{text} (CORRECTS DATE)"]


def load() -> list[dict]:
    out = []
    for name in SETS:
        for line in (SHARED / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line))
    return out


def accepted(value) -> set[str]:
    values = value if isinstance(value, list) else [value]
    return {" ".join(str(v).casefold().split()) for v in values}


def differ(a: dict, b: dict) -> list[str]:
    """The labels two captions disagree on: no accepted value in common."""
    return [f for f in LABELS if not accepted(a.get(f, "")) & accepted(b.get(f, ""))]


def with_notice(notice: str, text: str) -> str:
    return notice.format(text=text) if "{text}" in notice else notice + text


def edits(text: str, rng: random.Random, description: str = "") -> dict[str, tuple[str, str] | None]:
    """For each edit: (first version, later version) of ``text``, or None when it does not apply."""
    out: dict[str, tuple[str, str] | None] = {}
    names = list(NAME.finditer(text))
    if names:
        m = rng.choice(names)
        wrong = text[:m.end() - 1] + text[m.end():]  # "Recinos" sent as "Recino"
        out["corrected name"] = (wrong, with_notice(rng.choice(NAME_NOTICES), text))
    else:
        out["corrected name"] = None
    dates = list(MONTH.finditer(text))
    if dates:
        day = int(dates[0][2])
        wrong = text[:dates[0].start(2)] + str(day + 1 if day < 28 else day - 1) + text[dates[0].end(2):]
        wrong = MONTH.sub(lambda m: m[1] + " " + (str(day + 1 if day < 28 else day - 1)
                                                   if m[2] == str(day) else m[2]), wrong)
        out["date marked CORRECTS"] = (wrong, with_notice(rng.choice(DATE_NOTICES), text))
    else:
        out["date marked CORRECTS"] = None
    out["trimmed trailer"] = (text.rstrip() + " " + rng.choice(TRAILERS), text)
    sentence = rng.choice(SENTENCES)
    tail = description[-30:]
    at = text.rfind(tail) if tail else -1
    if at >= 0:  # after the description's last sentence (before the credit and trailers)
        end = at + len(tail)
        more = text[:end].rstrip() + " " + sentence + " " + text[end:].lstrip()
    else:
        more = text.rstrip() + " " + sentence
    out["one more sentence"] = (text, more)
    words = list(WORD.finditer(text))
    if words:
        m = rng.choice(words)
        w = m.group()
        k = rng.randrange(1, len(w) - 2)
        typo = w[:k] + w[k + 1] + w[k] + w[k + 2:]
        out["typo fixed"] = (text[:m.start()] + typo + text[m.end():], text)
    else:
        out["typo fixed"] = None
    return {k: v for k, v in out.items() if v is None or v[0] != v[1]}


def parse_all(texts: list[str]):
    """Parse distinct texts once: the rows and signatures the grouping reads."""
    from captionclean.clean import Options, parse_texts, with_vocabulary

    options = with_vocabulary(Options(versions="group"), texts)
    parsed = parse_texts(texts, options)
    return [p[1] for p in parsed], [p[4] for p in parsed]


def grouping(rows, sigs):
    from captionclean.versions import Signatures, group

    s = Signatures()
    for sig in sigs:
        s.append(sig)
    return group(s, lambda wanted: ((i, rows[i]) for i in range(len(rows)) if wanted[i]))


def false_merges(result, labels: list[dict]) -> list[tuple[list[int], list[str]]]:
    out = []
    for grp in result.groups:
        bad = sorted({f for i in grp.members for j in grp.members if i < j for f in differ(labels[i], labels[j])})
        if bad:
            out.append((grp.members, bad))
    return out


def _start(path: Path, mode: str, out: Path, tree: Path | None) -> subprocess.Popen:
    """``captionclean clean --versions MODE``: this environment's, or ``tree``'s code run from its
    folder (``python -m`` with the tree first on the path)."""
    args = ["clean", str(path.resolve()), "-o", str(out.resolve()), "-q", "--versions", mode]
    if tree is None:
        return subprocess.Popen([str(Path(sys.executable).parent / "captionclean")] + args,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return subprocess.Popen([sys.executable, "-m", "captionclean"] + args, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=dict(os.environ, PYTHONPATH=str(tree.resolve())),
                            cwd=str(tree.resolve()))


def _wait(proc: subprocess.Popen) -> tuple[float, float]:
    """CPU seconds (user + system) and peak RSS (MB) of a process started by _start."""
    _, status, usage = os.wait4(proc.pid, 0)
    err = proc.stderr.read().decode()
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(proc.args)}\n{err}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def run_clean(path: Path, mode: str, out: Path, tree: Path | None = None) -> tuple[float, float]:
    """CPU seconds (user + system) and peak RSS (MB) of one ``captionclean clean --versions MODE``."""
    return _wait(_start(path, mode, out, tree))


def cost(sizes: list[int], repeat: int, folder: Path, against: Path | None = None,
         modes: tuple[str, ...] = ("off", "group"), tree: Path | None = None, parallel: bool = False) -> None:
    """Grouping's cost over the plain dedupe, side by side on generated exports.

    With ``against`` (another checkout), each mode runs in both trees at once (two processes side by
    side, under the same load), and the two tables are compared byte for byte. ``tree``: run this
    code from that folder (a snapshot) rather than the installed package. ``parallel``: the modes
    at once (the same work in half the time on a machine with a core to spare for each)."""
    import filecmp

    sys.path.insert(0, str(ROOT / "bench"))
    from run import export

    folder.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start; "
          "CPU seconds (user + system) and peak RSS of each process", flush=True)
    seen = {}
    for n in sizes:
        path = export(n, 7, folder, SHARED.parent)
        got = {m: [] for m in modes}
        other = {m: [] for m in modes}
        same = {}
        for _ in range(repeat):
            if parallel:  # every mode (in both trees) at once, each its own process
                procs = {m: (_start(path, m, folder / f"versions_{m}_{n}.csv", tree),
                             against and _start(path, m, folder / f"versions_{m}_{n}_against.csv", against))
                         for m in modes}
                for m, (mine, them) in procs.items():
                    got[m].append(_wait(mine))
                    if them:
                        other[m].append(_wait(them))
                        same[m] = filecmp.cmp(folder / f"versions_{m}_{n}.csv",
                                              folder / f"versions_{m}_{n}_against.csv", shallow=False)
                continue
            for mode in got:
                out = folder / f"versions_{mode}_{n}.csv"
                if against is None:
                    got[mode].append(run_clean(path, mode, out, tree))
                    continue
                theirs = folder / f"versions_{mode}_{n}_against.csv"
                procs = (_start(path, mode, out, tree), _start(path, mode, theirs, against))
                mine, them = (_wait(p) for p in procs)
                got[mode].append(mine)
                other[mode].append(them)
                same[mode] = filecmp.cmp(out, theirs, shallow=False)
        best = {m: min(got[m]) for m in modes}
        for m in modes:
            line = f"{n:>9,} rows: --versions {m:5} {best[m][0]:7.1f} s {best[m][1]:5.0f} MB"
            if against is not None:
                o = min(other[m])
                line += (f" | {against.name}: {o[0]:7.1f} s {o[1]:5.0f} MB | time {best[m][0] / o[0]:.2f}x, "
                         f"{best[m][1] - o[1]:+.0f} MB | tables {'identical' if same[m] else 'DIFFER'}")
            print(line, flush=True)
        if "off" in best and "group" in best:
            (off, off_mb), (grp, grp_mb) = best["off"], best["group"]
            seen[n] = (off, grp)
            print(f"{n:>9,} rows: group/off {grp / off:.2f}x time, {grp_mb - off_mb:+.0f} MB"
                  + (f" (fastest of {repeat})" if repeat > 1 else ""), flush=True)
    if len(seen) > 1:
        small, big = min(seen), max(seen)
        print(f"growth from {small:,} to {big:,} rows ({big / small:.0f}x): off {seen[big][0] / seen[small][0]:.2f}x, "
              f"group {seen[big][1] / seen[small][1]:.2f}x, grouping's own share "
              f"{(seen[big][1] - seen[big][0]) / max(1e-9, seen[small][1] - seen[small][0]):.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sweep", action="store_true", help="also at similarity thresholds 75-95")
    ap.add_argument("--show", type=int, default=3, help="print this many misses and false merges")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--cost", type=int, nargs="+", metavar="ROWS",
                    help="instead: grouping's time and memory against the plain dedupe at these sizes")
    ap.add_argument("--repeat", type=int, default=1, help="--cost: runs of each mode (the fastest counts)")
    ap.add_argument("--dir", type=Path, default=ROOT / "out" / "bench", help="--cost: where exports are kept")
    ap.add_argument("--against", type=Path, help="--cost: another checkout run side by side, tables compared")
    ap.add_argument("--modes", nargs="+", default=["off", "group"], choices=["off", "group", "all"],
                    help="--cost: the --versions modes to run")
    ap.add_argument("--parallel", action="store_true", help="--cost: run the modes at once, not one after another")
    ap.add_argument("--tree", type=Path, help="--cost: run the code of this folder (a snapshot), not the installed one")
    args = ap.parse_args()
    if args.cost:
        cost(args.cost, args.repeat, args.dir, args.against, tuple(args.modes), args.tree, args.parallel)
        return
    if not SHARED.is_dir():
        sys.exit(f"bench_versions: needs the labelled sets in {SHARED}, which is not there")
    from captionclean import versions

    cases = load()
    texts = [c["text"] for c in cases]
    distinct = list(dict.fromkeys(texts))
    index = {t: i for i, t in enumerate(distinct)}
    label_of = [None] * len(distinct)
    for c in cases:
        label_of[index[c["text"]]] = c
    rows, sigs = parse_all(distinct)

    rng = random.Random(args.seed)
    made = {}
    for i, t in enumerate(distinct):
        for kind, pair in edits(t, rng, rows[i]["description"]).items():
            made.setdefault(kind, []).append((i, pair))
    exports = {}
    for kind, pairs in made.items():
        pairs = [(i, p) for i, p in pairs if p is not None]
        order = [(i, 0, p[0]) for i, p in pairs]  # first versions in order, the later ones ~300 rows on
        later = [(i, 1, p[1]) for i, p in pairs]
        mixed = []
        for k in range(len(order)):
            mixed.append(order[k])
            if k >= 300:
                mixed.append(later[k - 300])
        mixed += later[max(0, len(order) - 300):]
        etexts = [t for _, _, t in mixed]
        uniq = list(dict.fromkeys(etexts))
        erows, esigs = parse_all(uniq)
        where = {t: n for n, t in enumerate(uniq)}
        exports[kind] = (pairs, mixed, where, erows, esigs, uniq)

    default = (versions.SIMILARITY, versions.CONTAINED)
    settings = [default]
    if args.sweep:
        settings += [(t, c) for t in (70.0, 80.0, 85.0, 90.0, 95.0) for c in (0.7, 0.8, 0.9, 1.01)
                     if (t, c) != default]
    print(f"labelled captions: {len(cases)} ({len(distinct)} distinct) from {', '.join(SETS)}")
    for t, c in settings:
        versions.SIMILARITY, versions.CONTAINED = t, c
        res = grouping(rows, sigs)
        fm = false_merges(res, label_of)
        print(f"similarity {t:.0f}, contained {c:.2f}{' (the default)' if (t, c) == default else ''}: "
              f"labelled sets: {len(res.groups)} groups of versions, {len(fm)} false merges")
        if (t, c) == default:
            for grp in res.groups[:args.show]:
                print("   grouped: " + " || ".join(distinct[i][:90] for i in grp.members))
        for members, bad in fm[:args.show]:
            print(f"   false merge on {', '.join(bad)}:")
            for i in members:
                print(f"     {distinct[i][:150]}")
        total = grouped = 0
        cross = 0
        for kind, (pairs, mixed, where, erows, esigs, uniq) in exports.items():
            res = grouping(erows, esigs)
            origin = {}
            for i, _, text in mixed:
                origin.setdefault(where[text], i)
            ok = 0
            misses = []
            for i, (a, b) in pairs:
                ga, gb = res.group_of.get(where[a]), res.group_of.get(where[b])
                if ga is not None and ga == gb:
                    ok += 1
                else:
                    misses.append((a, b))
            bad = false_merges(res, [label_of[origin[n]] for n in range(len(uniq))])
            cross += len(bad)
            total += len(pairs)
            grouped += ok
            if (t, c) != default:
                continue
            print(f"   {kind:22} {ok:5}/{len(pairs):5} grouped = {100 * ok / max(1, len(pairs)):5.1f}%"
                  f"   false merges: {len(bad)}")
            for a, b in misses[:args.show]:
                print(f"      missed: {a[:140]}\n              {b[:140]}")
            for members, fields in bad[:args.show]:
                print(f"      false merge on {', '.join(fields)}: " + " || ".join(uniq[n][:90] for n in members))
        print(f"   all edits: {grouped}/{total} grouped = {100 * grouped / max(1, total):.1f}%, "
              f"false merges among them: {cross}")


if __name__ == "__main__":
    main()
