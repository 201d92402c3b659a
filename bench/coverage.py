"""Captions that end in something credit-like but got no credit: the grammar's visible misses.

Usage: python bench/coverage.py [--show N] [--out out/coverage.txt]   (needs ../shared)

Reads every shared input (../shared/eval/*.input.jsonl and ../shared/corpus/captions.jsonl),
parses each caption, counts those whose credit is placeholders alone ("Photo / Supplied", "Courtesy":
read, naming no one), and keeps those with no credit found whose end looks like a credit: a
credit marker (Photo, Foto, Credit, Courtesy, ©, …), a slash or ``via`` chain, an organisation
word or known agency, or a capitalised name after the last sentence. It prints the count per
file and writes every such caption's id and ending to the report, grouped by what made it
look like a credit, so the misses can be read by convention rather than one by one.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

import regex  # noqa: E402

from captionclean.parse import parse_caption  # noqa: E402
from captionclean.tables import ORG_WORDS, load_agencies  # noqa: E402

TAIL = 90
# credit markers in the languages captions come in (en, es, pt, fr, de, it, nl, Nordic)
MARKER = regex.compile(
    r"(?i)(?:\b(?:photos?|photograph(?:s|y)?|pic(?:ture)?s?|images?|credits?|courtesy|cr[ée]dits?|foto(?:s|grafía|grafia)?"
    r"|imagen|bild|cortes[íi]a|kuva|zdj[eę]cie)\b|©|\(c\))")
CHAIN = regex.compile(r"\S\s*/\s*\p{Lu}|\bvia\s+\p{Lu}|\s[~|]\s*\p{Lu}")
# a name of two or three capitalised words closing the caption after a sentence
NAME_END = regex.compile(r"(?:[.!?\"”)]\s+|\n\s*)(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2})\s*[.)\]]?\s*$")
WORD = regex.compile(r"[\p{L}][\p{L}.&'’-]*")


def why_credit_like(text: str, agencies) -> str | None:
    tail = text.rstrip()[-TAIL:]
    if MARKER.search(tail):
        return "marker"
    if CHAIN.search(tail):
        return "chain"
    words = WORD.findall(tail[-40:])
    if any(w.casefold().strip(".") in ORG_WORDS or agencies.lookup(w) for w in words):
        return "organisation"
    if NAME_END.search(text.rstrip()):
        return "name_at_end"
    return None


def inputs() -> list[Path]:
    files = sorted((SHARED / "eval").glob("*.input.jsonl"))
    corpus = SHARED / "corpus" / "captions.jsonl"
    return files + ([corpus] if corpus.exists() else [])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=5, help="captions printed per file and kind (all go to --out)")
    ap.add_argument("--out", type=Path, default=ROOT / "out" / "coverage.txt")
    args = ap.parse_args(argv)
    files = inputs()
    if not files:
        print(f"bench/coverage.py needs the shared inputs in {SHARED}/eval (not in a plain clone)", file=sys.stderr)
        return 2
    agencies = load_agencies()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    total = Counter()
    with open(args.out, "w", encoding="utf-8") as report:
        for path in files:
            rows = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
            missed: dict[str, list[tuple[str, str]]] = defaultdict(list)
            no_credit = placeholder_only = 0
            for row in rows:
                rec = parse_caption(row["text"], agencies=agencies)
                if rec.credit:
                    continue
                if rec.credit_raw:  # a credit of placeholders alone ("Photo / Supplied"): read, it names no one
                    placeholder_only += 1
                    continue
                no_credit += 1
                kind = why_credit_like(rec.caption, agencies)
                if kind:
                    missed[kind].append((row.get("id", ""), rec.caption.rstrip()[-TAIL:].replace("\n", " ⏎ ")))
            n = sum(len(v) for v in missed.values())
            total.update({"captions": len(rows), "no_credit": no_credit, "credit_like": n, "placeholder_only": placeholder_only})
            kinds = ", ".join(f"{k} {len(v)}" for k, v in sorted(missed.items()))
            line = (f"{path.name}: {len(rows)} captions, {placeholder_only} with a credit of placeholders alone "
                    f"('Photo / Supplied'), {no_credit} with no credit, {n} of them end in something credit-like "
                    f"({kinds or 'none'})")
            print(line)
            report.write(f"== {line}\n")
            for kind, items in sorted(missed.items()):
                report.write(f"-- {kind}\n")
                for i, (cid, tail) in enumerate(items):
                    report.write(f"{cid}\t…{tail}\n")
                    if i < args.show:
                        print(f"   {kind:12} {cid:8} …{tail}")
    print(f"all: {total['captions']} captions, {total['placeholder_only']} with placeholders alone, "
          f"{total['no_credit']} with no credit, {total['credit_like']} "
          f"credit-like; every one listed in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
