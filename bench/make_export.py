"""Write a large, realistic caption export (CSV) for the benchmark, deterministically from a seed.

Captions come from the real ones in fixtures/ and ../shared/eval/*.input.jsonl (fixtures/ alone
in a fresh clone, which has no ../shared: a different export); each row varies a
real caption's dates, photographer names and places, about 20% of rows repeat an earlier caption
(some with case or spacing changed), and about 2% carry damaged text (mojibake, entities, cut-off
ellipses, stray spaces). Usage: python bench/make_export.py OUT.csv --rows 100000 [--seed 7]
"""
from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
_DATE = regex.compile(r"\b(" + "|".join(MONTHS) + r")\s+(\d{1,2}),\s+((?:19|20)\d\d)\b")
_CAPS_DATE = regex.compile(r"\b(" + "|".join(m.upper() for m in MONTHS) + r")\s+(\d{1,2})\b")
_ABBR_DATE = regex.compile(r"\b(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)\. \d{1,2}, (?:19|20)\d\d\b")
_PAIR = regex.compile(r"(?<=[a-z,] )\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+(?!\p{L})")
_ANY_PAIR = regex.compile(r"(?<!\p{L})\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+(?!\p{L})")  # any two capitalised words
_NUMBER = regex.compile(r"(?<!\d)\d{1,3}(?!\d)")
_CREDIT_NAME = regex.compile(r"(?<=(?:REUTERS|AFP|EPA|AP|Photo)/|Photo by |Photo By )\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,2}(?!\p{L})")
FIRST = ["Anna", "Carlos", "Mei", "Olusegun", "Priya", "Tomas", "Yuki", "Fatima", "Lars", "Ivan",
         "Sara", "Kwame", "Lucia", "Omar", "Chen", "Helga", "Diego", "Aisha", "Pierre", "Nadia"]
LAST = ["Kowalski", "Mendes", "Tanaka", "Okafor", "Sharma", "Novak", "Haddad", "Larsen", "Petrov",
        "Garcia", "Mensah", "Rossi", "Khalil", "Wang", "Schmidt", "Alvarez", "Diallo", "Dubois", "Ahmed", "Kim"]
PLACES = [("Paris", "France"), ("Nairobi", "Kenya"), ("Lima", "Peru"), ("Osaka", "Japan"),
          ("Madrid", "Spain"), ("Cairo", "Egypt"), ("Toronto", "Canada"), ("Seoul", "South Korea"),
          ("Berlin", "Germany"), ("Manila", "Philippines"), ("Lagos", "Nigeria"), ("Sydney", "Australia")]
_PLACE = regex.compile(r"\b(?:" + "|".join(c for c, _ in PLACES) + r"|" + "|".join(k for _, k in PLACES) + r")\b")


def real_captions(shared: Path = SHARED, corpus: bool = False) -> list[str]:
    """The real captions an export is made from; with ``corpus``, the unlabelled corpus's too
    (../shared/corpus/captions.jsonl: about 3,000 captions in all, for a low-reuse export)."""
    texts = []
    for path in sorted(shared.glob("*.input.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    corpus_file = shared.parent / "corpus" / "captions.jsonl"
    if corpus and corpus_file.is_file():
        texts += [json.loads(ln)["text"] for ln in corpus_file.read_text(encoding="utf-8").splitlines() if ln.strip()]
    gallery = (ROOT / "fixtures" / "gallery_export.txt").read_text(encoding="utf-8").splitlines()
    texts += [ln.strip() for ln in gallery if len(ln) > 80 and ("Photo" in ln or "/" in ln)]
    return [t for t in texts if t.strip()]


def vary(text: str, rng: random.Random, names: bool = False) -> str:
    """``text`` with its dates, credit names and places varied; with ``names``, a name-like pair of
    words in the text swapped too (else only when nothing else changed)."""
    def date(m):
        return f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(1995, 2024)}"

    def caps_date(m):
        return f"{rng.choice(MONTHS).upper()} {rng.randint(1, 28):02d}"

    def place(m):
        city, country = rng.choice(PLACES)
        return city if any(m.group(0) == c for c, _ in PLACES) else country

    before = text
    text = _DATE.sub(date, text)
    text = _ABBR_DATE.sub(lambda m: f"{rng.choice(['Jan.', 'Feb.', 'Aug.', 'Oct.', 'Nov.', 'Dec.'])} "
                          f"{rng.randint(1, 28)}, {rng.randint(1995, 2024)}", text)
    text = _CAPS_DATE.sub(caps_date, text)
    text = _CREDIT_NAME.sub(lambda m: f"{rng.choice(FIRST)} {rng.choice(LAST)}", text)
    if rng.random() < 0.5:
        text = _PLACE.sub(place, text)
    if names or text == before:  # nothing to vary (or a low-reuse export): swap a name-like pair of words
        pairs = list((_ANY_PAIR if names else _PAIR).finditer(text))
        if names and not pairs:  # no such pair: another number instead
            pairs = list(_NUMBER.finditer(text))
            if pairs:
                m = rng.choice(pairs)
                return text[:m.start()] + str(rng.randint(1, 99)) + text[m.end():]
        if pairs:
            m = rng.choice(pairs)
            text = text[:m.start()] + f"{rng.choice(FIRST)} {rng.choice(LAST)}" + text[m.end():]
    return text


def damage(text: str, rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return text.replace("'", "’").encode("utf-8").decode("cp1252", errors="replace")
    if kind == 1:
        return text.replace(" and ", " &amp; ", 1).replace("'", "&#39;")
    if kind == 2:
        return text[: max(20, len(text) * 2 // 3)].rstrip() + "..."
    return text.replace(" ", "  ", 3)


def rows(n: int, seed: int, shared: Path = SHARED, low_reuse: bool = False):
    rng = random.Random(seed)
    base = real_captions(shared, corpus=low_reuse)
    made: list[str] = []
    for i in range(n):
        if made and rng.random() < 0.20:
            text = rng.choice(made)
            if rng.random() < 0.1:
                text = text.upper() if rng.random() < 0.5 else text.replace(", ", " , ", 1)
        else:
            text = vary(rng.choice(base), rng, names=low_reuse)
            if rng.random() < 0.02:
                text = damage(text, rng)
            if len(made) < 200000:
                made.append(text)
            else:
                made[rng.randrange(len(made))] = text
        yield [f"IMG{seed:02d}{i:08d}", text, f"{rng.randint(1995, 2024)}-{rng.randint(1, 12):02d}",
               rng.choice(["news", "sport", "features", "archive"]), f"photo_{i:08d}.jpg"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--rows", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--shared", type=Path, default=SHARED.parent,
                    help="the folder holding eval/*.input.jsonl; without it, fixtures/ alone")
    ap.add_argument("--low-reuse", action="store_true",
                    help="captions from the labelled inputs and the corpus (about 3,000 real captions, "
                         "not the labelled ones alone): fewer texts repeat in part, as in a real archive")
    args = ap.parse_args()
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "caption", "uploaded", "desk", "filename"])
        w.writerows(rows(args.rows, args.seed, args.shared / "eval", args.low_reuse))


if __name__ == "__main__":
    main()
