"""captionclean.keyindex: the compact key map the table keeps per distinct caption behaves as a dict."""
import hashlib

import pytest
from hypothesis import given, settings, strategies as st

from captionclean.keyindex import KeyIndex


def digest(x) -> bytes:
    return hashlib.blake2b(repr(x).encode(), digest_size=12).digest()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 300), st.integers(0, 2**40), st.sampled_from(["add", "set", "get"]))))
def test_behaves_as_a_dict(ops):
    """Any sequence of add / set / get gives what a dict gives, through several growths (8 slots to start)."""
    index, d = KeyIndex(12, slots=8), {}
    for k, v, op in ops:
        key = digest(k)
        if op == "add":
            assert index.add(key, v) == (d[key] if key in d else None)
            d.setdefault(key, v)
        elif op == "set":
            index[key] = v
            d[key] = v
        else:
            assert index.get(key) == d.get(key)
            assert (key in index) == (key in d)
    assert len(index) == len(d)
    assert dict(index.items()) == d
    assert all(index[k] == v for k, v in d.items())


@settings(max_examples=50, deadline=None)
@given(st.lists(st.binary(min_size=5, max_size=5), unique=True, max_size=400))
def test_any_keys_of_its_width(keys):
    """Keys need not be digests (hash() places them): short, alike keys are kept apart."""
    index = KeyIndex(5, slots=8)
    for i, key in enumerate(keys):
        assert index.add(key, i) is None
    assert [index.get(key) for key in keys] == list(range(len(keys)))
    assert index.get(b"\xff" * 6) is None


def test_compact():
    """The point of it: at most 2/3 full, 20 bytes a slot, so under 61 bytes an entry after a growth."""
    index = KeyIndex(12)
    for i in range(5000):
        index.add(digest(i), i)
    assert index.nbytes / len(index) < 61
    assert index.nbytes < 5000 * 130  # what a dict of bytes -> int takes


def test_refuses_what_it_cannot_hold():
    index = KeyIndex(12)
    with pytest.raises(ValueError):
        index.add(b"short", 1)
    with pytest.raises(ValueError):
        index[digest(1)] = -1
    with pytest.raises(KeyError):
        index[digest(2)]
    with pytest.raises(ValueError):
        KeyIndex(12, slots=100)
