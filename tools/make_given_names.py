"""Write the English rows (lang ``en``) of captionclean/data/given_names.csv: common given names of English-language
captions (the other languages' rows are kept as they are).

Source: the `names` package (MIT licence, PyPI) ships the 1990 US Census's given-name frequency lists
(``dist.male.first``, ``dist.female.first``; US Census data are public domain). A name is kept when at least
MIN_PERCENT of the people of its sex bear it (some 1,000 names: ~84% of men, ~77% of women), written in title
case, less the names that are also ordinary words, places or titles a caption's first line may open with
(``Grace``, ``Hope``, ``Mark``, ``Frank``, ``Virginia``, ``Dallas``: see WORDS), where such a line is a title
rather than a photographer's name. Read by credit.first_line_name (a name alone above the caption).
Run: pip install names; python tools/make_given_names.py
"""
from __future__ import annotations

import csv
from pathlib import Path

import names

MIN_PERCENT = 0.02
# given names that are also ordinary English words, places or titles ("Grace Notes", "Virginia Beach", "Major …")
WORDS = set("""al amber angel april aurora austin beverly bill bob brandy candy carol charlotte chad christian clay crystal
dale dallas dawn dean dixie don earl ebony eugene faith fern flora florence frank gene georgia ginger glen grace grant
guadalupe guy hazel heather helena holly homer hope iris israel ivy jack jan jesus jewel jordan joy june lance laurel
lourdes lou mack marion mark marshall max may melody mercedes misty noel olive opal orlando pat pearl penny regina rex
robin rose ruby salvador sandy santiago shelby sue troy victoria violet virginia wade wm""".split())


def main() -> None:
    here = Path(names.__file__).parent
    kept: set[str] = set()
    for part in ("dist.male.first", "dist.female.first"):
        for line in (here / part).read_text().splitlines():
            name, percent, _cumulative, _rank = line.split()
            if float(percent) >= MIN_PERCENT and name.lower() not in WORDS:
                kept.add(name.title())
    out = Path(__file__).resolve().parents[1] / "captionclean" / "data" / "given_names.csv"
    with out.open(encoding="utf-8") as f:
        others = [row for row in csv.DictReader(f) if row["lang"] != "en"]
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "lang"])
        for row in others:
            w.writerow([row["name"], row["lang"]])
        for name in sorted(kept):
            w.writerow([name, "en"])
    print(f"{len(kept)} names -> {out}")


if __name__ == "__main__":
    main()
