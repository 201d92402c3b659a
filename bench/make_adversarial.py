"""Write tests/data/adversarial_units.json: repeatable units built to make the grammar backtrack.

Derived from the patterns themselves: every compiled pattern (and every named
rule table) in the grammar, repair and parse modules is run over real captions
(the labelled inputs and the gallery fixture); for the first match of each
pattern the generator writes units that match a prefix of the rule and then
fail: the match without its last character, its first half, the match joined
to itself without a separator, and with a space. Generic units (one
character, nested brackets, capitals and commas, control characters, right-to-
left text) are added by hand. The test and the benchmark build captions of any
length by repeating a unit.

    python bench/make_adversarial.py [CAPTIONS.jsonl ...]
"""
from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "adversarial_units.json"
MODULES = ["captionclean.grammar.credit", "captionclean.grammar.dates", "captionclean.grammar.places",
           "captionclean.grammar.trailers", "captionclean.grammar.names",
           "captionclean.repair.mojibake", "captionclean.repair.spacing", "captionclean.repair.lost",
           "captionclean.repair.vocabulary", "captionclean.parse", "captionclean.tables"]
DEFAULT_SOURCES = [ROOT.parent / "shared" / "eval" / "dev.input.jsonl",
                   ROOT.parent / "shared" / "eval" / "seed.input.jsonl"]

GENERIC = [
    ("one_char_A", "A", "1 MB of one capital"),
    ("one_char_a", "a", "one lower-case letter"),
    ("one_char_space", " ", "spaces only"),
    ("one_char_slash", "/", "slashes only"),
    ("one_char_dot", ".", "dots only"),
    ("one_char_qmark", "?", "lost-character marks only"),
    ("one_char_newline", "\n", "newlines only"),
    ("one_char_open_paren", "(", "open brackets only"),
    ("A_slash", "A/", "A/ repeated: a credit chain that never ends"),
    ("A_slash_space", "A/ ", "spaced credit chain"),
    ("A_dot_space", "A. ", "initials"),
    ("caps_commas", "ABC, ", "capitals and commas: a dateline that never ends"),
    ("caps_words_commas", "NEW YORK, ", "a place run that never ends"),
    ("nested_brackets", "((((A/B)", "nested brackets around a chain"),
    ("nested_open", "([{", "unclosed brackets of three kinds"),
    ("photo_by_open", "(Photo by ", "(Photo by repeated, never closed"),
    ("photo_by_name", "(Photo by A B ", "a name after (Photo by, never closed"),
    ("reuters_slash", "REUTERS/", "REUTERS/ repeated"),
    ("label_colon", "Photo: A ", "label then a name, repeated"),
    ("dateline_dash", "WASHINGTON - ", "a dateline head without its date"),
    ("month_day", "May 5 ", "month and day repeated"),
    ("in_place", "in A, ", "a place phrase that never ends"),
    ("out_restriction", "A OUT ", "restriction words repeated"),
    ("editorial", "EDITORIAL USE ONLY ", "a restriction repeated"),
    ("lost_quotes", "?a? ", "lost quotes repeated"),
    ("lost_apostrophe", "it?s ", "lost apostrophes repeated"),
    ("entities", "&amp;", "HTML entities"),
    ("mojibake", "Ã©", "mojibake"),
    ("controls", "\x00\x01\x1b\x7f\x85", "control characters and NUL"),
    ("rtl", "\u202eمرحبا \u05e9\u05dc\u05d5\u05dd ", "right-to-left text with an override"),
    ("combining", "e\u0301\u0301\u0301", "stacked combining marks"),
    ("emoji", "\U0001F4F8\u200d", "astral characters and joiners"),
    ("digits_dots", "12.03.", "numeric date prefixes"),
    ("mixed_case_token", "aB", "mixed-case token (van der Something)"),
    ("copyright", "© A ", "copyright marks"),
    ("tags_open", "(A - Tags: ", "a Tags trailer never closed"),
    ("plus_open", "+++ ", "dpa marks never closed"),
    ("date_then_places", "May 5, 2018 Paris ", "a date, then place names without end"),
    ("places_then_date", "in Paris, France on May 5 ", "place phrases and dates repeated"),
    ("lines_chain", "A/B\n", "one short credit chain a line"),
    ("lines_agency", "AFP\n", "one agency a line"),
    ("lines_comma_agency", "A B, Reuters\n", "a name and an agency a line"),
    ("urls_qmarks", "http://a.b/?q=1 ?x ", "URLs among lost-character marks"),
    ("qmarks_words", "a?b ", "a lost letter in every word"),
    ("han_shot_commas", "拍摄视频，", "Han words holding a shot word (摄), between commas: a name list that never ends"),
]

# A long run of one unit between a head and a tail (text = head + unit… + tail): white space
# that a rule's prefix is followed by, or one long line after a short one that opens a gate. Parsed without repair (repair collapses runs of
# spaces, so only the grammar is tried); U+2028 survives repair, so that one is repaired too.
RUNS = [
    ("ws_photo_by", "Photo by", " ", "x", False),
    ("ws_via", "A", " ", "via B", False),
    ("ws_slash", "REUTERS/A", " ", "/ B", False),
    ("ws_comma_dateline", "WASHINGTON", " ", ", B - MARCH 3: x", False),
    ("ws_dash_pool", "REUTERS/A B", " ", "- Pool", False),
    ("ws_dateline", "A B", " ", "- March 3, 2018 - x", False),
    ("ws_tags", "(A", " ", "- Tags: X)", False),
    ("ws_date_gap", "in Paris", " ", "x May 5, 2018", False),
    ("ws_newlines", "Photo by A", "\n", "x", False),
    ("ws_space_newline", "A", " \n", ", B", False),
    ("ws_tabs", "A", "\t", "/ B", False),
    ("ws_line_separator", "A", "\u2028", "via B", True),
    ("ws_line_separator_by", "Photo by A", "\u2028", "x", True),
    ("long_line_after_chain", "A/B\n", "aB", "", True),
    ("long_chain_line", "REUTERS/A B\n", "/ AFP / Getty ", "", True),
    ("han_names_bad_shot", "", "张三、", "摄于", False),
]


def run_cases() -> list[dict]:
    return [{"id": i, "head": h, "unit": u, "tail": t, "repair": r,
             "source": "a long run between a head and a tail"} for i, h, u, t, r in RUNS]


def build(case: dict, size: int) -> str:
    """The caption of ``size`` characters a case stands for: its unit repeated, between its head and tail."""
    head, tail = case.get("head", ""), case.get("tail", "")
    n = max(1, size - len(head) - len(tail))
    return head + (case["unit"] * (n // len(case["unit"]) + 1))[:n] + tail


def patterns():
    """Every pattern the grammar holds: compiled module globals and (name, pattern) tables."""
    found: dict[str, regex.Pattern] = {}
    seen: set[str] = set()
    for modname in MODULES:
        mod = importlib.import_module(modname)
        short = modname.rsplit(".", 1)[-1]
        for attr, value in vars(mod).items():
            value = getattr(value, "compiled", value)  # a timed_regex pattern: the regex one inside
            if isinstance(value, regex.Pattern):
                found[f"{short}.{attr}"] = value
            elif isinstance(value, list):
                for item in value:
                    label = getattr(item, "name", None) if not isinstance(item, tuple) else None
                    if label is not None and isinstance(getattr(item, "pattern", None), str):
                        item = (label, item.pattern)  # a rule object: its name and pattern
                    elif isinstance(item, tuple) and len(item) == 2 and hasattr(item[0], "name"):
                        item = (item[0].name, item[1])  # (rule, compiled pattern)
                    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
                        pat = item[1]
                        pat = getattr(pat, "compiled", pat)
                        if isinstance(pat, str):
                            try:
                                pat = regex.compile(pat, regex.V1)
                            except regex.error:
                                continue
                        if isinstance(pat, regex.Pattern):
                            found[f"{short}.{attr}.{item[0]}"] = pat
    for name, pat in sorted(found.items()):  # one entry per distinct pattern
        if pat.pattern not in seen:
            seen.add(pat.pattern)
            yield name, pat


def captions(paths: list[Path]) -> list[str]:
    out = []
    for path in paths:
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    out.append(json.loads(line).get("text", ""))
    gallery = ROOT / "fixtures" / "gallery_export.txt"
    if gallery.is_file():
        out += gallery.read_text(encoding="utf-8").splitlines()
    return out


def derived(name: str, pattern: regex.Pattern, texts: list[str]) -> list[dict]:
    sample = None
    for text in texts:
        m = pattern.search(text)
        if m and len(m.group(0).strip()) >= 2:
            sample = m.group(0)
            break
    if sample is None:
        return []
    sample = sample[:200]
    units = {
        "drop_last": sample[:-1],
        "half": sample[: max(1, len(sample) // 2)],
        "joined": sample,
        "spaced": sample.strip() + " ",
    }
    out, seen = [], set()
    for kind, unit in units.items():
        if unit and unit not in seen:
            seen.add(unit)
            out.append({"id": f"{name}:{kind}", "unit": unit, "source": f"derived from {name}"})
    return out


def main(argv: list[str]) -> None:
    sources = [Path(a) for a in argv] or DEFAULT_SOURCES
    missing = [str(p) for p in sources if not p.is_file()]
    if missing:
        print(f"make_adversarial: needs {', '.join(missing)} (not found; a fresh clone has no ../shared: "
              f"name caption files, e.g. tests/data/seed.input.jsonl)", file=sys.stderr)
        sys.exit(2)
    texts = captions(sources)
    cases = [{"id": i, "unit": u, "source": note} for i, u, note in GENERIC] + run_cases()
    for name, pattern in patterns():
        cases += derived(name, pattern, texts)
    OUT.write_text(json.dumps(cases, ensure_ascii=True, indent=1) + "\n", encoding="utf-8")
    print(f"{len(cases)} units written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
