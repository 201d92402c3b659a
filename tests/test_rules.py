"""The rule registry (grammar/rules.py): every rule the grammar can fire is registered under a
namespaced name, every registered rule has cases in tests/data, and the table's ``style``
column holds registered names only."""
import json

import pytest

from captionclean.grammar import credit, dates, places, rules
from captionclean.parse import parse_caption
from captionclean.tables import KEYWORD_TRAILERS, PLACEHOLDERS, RESTRICTIONS, correction_markers, correction_patterns

from conftest import DATA

# the case files whose captions are parsed whole (each case's "text")
CASE_FILES = sorted(p.name for p in DATA.glob("*_cases.json"))
# rules that only the table fires (they complete a date from the other rows), with the test that shows them
TABLE_RULES = {"year_from_option": "tests/test_clean.py", "year_from_gallery": "tests/test_clean.py",
               "year_from_gallery_title": "tests/test_clean.py"}


def _cases(data):
    """Every case in a case file: a list of cases, or named lists of them."""
    if isinstance(data, dict):
        for value in data.values():
            yield from _cases(value)
    elif isinstance(data, list):
        for case in data:
            if isinstance(case, dict) and "text" not in case:
                yield from _cases(case)
            else:
                yield case


def _case_texts():
    for name in CASE_FILES:
        for case in _cases(json.loads((DATA / name).read_text(encoding="utf-8"))):
            if isinstance(case, dict) and isinstance(case.get("text"), str):
                yield name, case["text"]


@pytest.fixture(scope="module")
def fired():
    """plain rule name → the first case file whose captions fire it"""
    seen: dict[str, str] = {}
    for name, text in _case_texts():
        for plain in parse_caption(text).style:
            seen.setdefault(plain, name)
    return seen


def _defined() -> set[str]:
    names = {r.name for r in credit.RULES}
    names |= {name for name, _ in places.DATELINES}
    names |= {"date_" + shape for shape, _ in dates.COMPILED}
    names |= {name for name, _ in RESTRICTIONS + KEYWORD_TRAILERS}
    names |= {tag for tag in PLACEHOLDERS.values() if tag != "noise"}
    names |= {name for name, _ in correction_patterns()} | {f"notice_{m.kind}" for m in correction_markers()}
    return names


def test_every_defined_rule_is_registered():
    missing = sorted(n for n in _defined() if not rules.is_registered(n))
    assert not missing, f"rules defined in the grammar but not in grammar/rules.py: {missing}"


def test_every_fired_rule_is_registered(fired):
    missing = sorted(n for n in fired if not rules.is_registered(n))
    assert not missing, f"rules fired on tests/data cases but not registered: {missing}"


def test_every_registered_rule_has_cases(fired):
    without = sorted(info.name for info in rules.REGISTRY.values()
                     if info.plain not in fired and info.plain not in TABLE_RULES)
    assert not without, f"registered rules no case in tests/data fires: {without}"


def test_names_are_namespaced_and_described():
    for name, info in rules.REGISTRY.items():
        ns, _, rest = name.partition(".")
        assert ns == info.namespace and rest and info.reads.strip(), name
        assert rules.qualify(info.plain) == name


def test_style_column_holds_registered_names():
    rec = parse_caption("WASHINGTON, DC - MAY 13: Officers hold candles on May 13, 2018 in Washington, D.C. "
                        "(Photo by Zach Gibson/Getty Images)")
    style = rec.to_row()["style"].split("; ")
    assert style == [rules.qualify(p) for p in dict.fromkeys(rec.style)]
    assert all(s in rules.REGISTRY for s in style)


def test_case_files_style_names_registered_rules():
    """A case's ``style`` is what the tests assert (conftest.assert_rules): registered rule names,
    never prose (a case's words about its convention go in ``convention``)."""
    bad = []
    for name in CASE_FILES:
        for case in _cases(json.loads((DATA / name).read_text(encoding="utf-8"))):
            if isinstance(case, dict) and "style" in case:
                style = case["style"]
                if not (isinstance(style, list) and style and all(s in rules.REGISTRY for s in style)):
                    bad.append((name, case.get("id"), style))
    assert not bad, bad
