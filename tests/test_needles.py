"""find_credits' needle scan (credit._runnable, down the needle tree) lets the same rules run as testing every
rule's needles one by one."""
import json

from hypothesis import given, strategies as st

from captionclean.grammar import credit
from conftest import DATA


def _every_needle(low: str) -> int:
    bits = credit._NEEDLELESS
    for needle in credit._NEEDLES:
        if needle in low:
            bits |= credit._RULE_BITS[needle]
    return bits


def _strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


def _data_texts() -> list[str]:
    texts = set()
    for path in sorted(DATA.glob("*.json*")):
        raw = path.read_text(encoding="utf-8")
        docs = [json.loads(ln) for ln in raw.splitlines() if ln.strip()] if path.suffix == ".jsonl" else [json.loads(raw)]
        for doc in docs:
            texts.update(s for s in _strings(doc) if len(s) > 5)
    return sorted(texts)


def test_tree_holds_every_needle_once():
    def walk(nodes):
        for needle, _, below in nodes:
            yield needle
            yield from walk(below)
    seen = list(walk(credit._NEEDLE_TREE))
    assert len(seen) == len(set(seen)) and credit._NEEDLES <= set(seen)
    assert {n for n in credit._NEEDLES if n.isascii()} <= set(walk(credit._NEEDLE_TREE_ASCII))


def test_same_rules_on_the_test_texts():
    texts = _data_texts()
    assert len(texts) > 1000
    for text in texts:
        low = credit._blank_licences(text).lower()
        assert credit._runnable(low) == _every_needle(low), text


_PIECES = st.sampled_from(sorted(credit._NEEDLES) + ["by", "from", "b", "y", "fro", "photo", "Photo", " ", "\n",
                                                     "é", "写", "abc", "AFP ", "x"])


@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=25))
def test_same_rules_on_generated_text(pieces):
    low = "".join(pieces).lower()
    assert credit._runnable(low) == _every_needle(low)
