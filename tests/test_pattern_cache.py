"""The stored patterns (timed_regex's cache of what the regex module hands its C compiler) are the patterns
compiled anew: the same compiler arguments, and the same matches on real captions and Hypothesis texts, for
every pattern the grammar compiles; a damaged, missing or unwritable store compiles anew."""
import pytest
from hypothesis import given, settings, strategies as st

from captionclean import timed_regex as tr
from captionclean.grammar import credit, places  # (credit's lazy patterns)

from conftest import real_texts

tr.compile_lazy()
# every pattern compiled through the store in this process: (pattern, flags, regex's default version)
GRAMMAR = sorted(tr._STORE["used"])
_REAL = real_texts("credit_cases.json", "place_cases.json")[:300]
_PIECES = st.sampled_from([" ", "  ", "\n", ",", ".", "/", "-", "—", "(", ")", ":", "'", "’", "AP", "REUTERS", "Photo",
                           "by", "via", "Getty Images", "de", "van", "May", "2019", "12", "Jan.", "in", "Paris",
                           "France", "St.", "é", "Ñ", "İ", "ß", "JOHN", "Smith", "foto", "Foto:", "EPA-EFE"])
_TEXT = st.lists(_PIECES, max_size=16).map("".join)


@pytest.fixture
def fresh_store(tmp_path, monkeypatch):
    """An empty store in ``tmp_path``, read at the next compile (and the process's store back after)."""
    monkeypatch.setenv("CAPTIONCLEAN_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(tr, "_STORE", {"loaded": False, "path": None, "args": {}, "used": {}, "new": 0,
                                       "saving": True})  # (no exit handler for a test's store)
    return tmp_path


def _reload(monkeypatch) -> None:
    """A new process's view of the store: read again from its file at the next compile."""
    monkeypatch.setattr(tr, "_STORE", {"loaded": False, "path": None, "args": {}, "used": {}, "new": 0,
                                       "saving": True})


def _found(pattern, text: str) -> list:
    return [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text, overlapped=False)]


def test_the_grammar_compiles_through_the_store():
    assert len(GRAMMAR) > 300


def test_stored_patterns_are_the_patterns_compiled_anew(fresh_store, monkeypatch):
    for pattern, flags, _ in GRAMMAR:
        tr._compile(pattern, flags)  # a miss: compiled by the regex module, its compiler's arguments stored
    tr.save_patterns()
    assert len(list(fresh_store.glob("patterns-*.marshal"))) == 1
    recorded = dict(tr._STORE["args"])
    _reload(monkeypatch)
    for key in GRAMMAR:
        pattern, flags, _ = key
        stored = tr._compile(pattern, flags)  # a hit: straight to the C compiler
        assert tr._STORE["args"][key] == recorded[key]
        assert tr._recorded(pattern, flags)[1] == recorded[key]  # what a new compile hands the C compiler
        plain = tr._regex.compile(pattern, flags, cache_pattern=False)
        assert (stored.pattern, stored.flags, stored.groups, stored.groupindex) == \
            (plain.pattern, plain.flags, plain.groups, plain.groupindex)
        for text in _REAL:
            assert _found(stored, text) == _found(plain, text)
    assert tr._STORE["new"] == 0  # nothing compiled anew


@settings(max_examples=60, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=4))
def test_stored_patterns_match_as_compiled_anew_on_made_texts(texts):
    text = "\n".join(texts)
    for pattern, flags, _ in GRAMMAR[::7]:
        stored = tr._compile(pattern, flags)
        plain = tr._regex.compile(pattern, flags, cache_pattern=False)
        assert _found(stored, text) == _found(plain, text)


def test_a_damaged_store_compiles_anew(fresh_store, monkeypatch):
    pattern, flags, _ = GRAMMAR[0]
    tr._compile(pattern, flags)
    tr.save_patterns()
    (path,) = fresh_store.glob("patterns-*.marshal")
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF  # one byte changed: its digest no longer holds
    path.write_bytes(bytes(data))
    _reload(monkeypatch)
    got = tr._compile(pattern, flags)
    assert tr._STORE["new"] == 1  # read nothing from the file: compiled anew
    assert got.pattern == pattern
    path.write_bytes(b"")
    _reload(monkeypatch)
    tr._compile(pattern, flags)
    assert tr._STORE["new"] == 1


def test_no_cache_folder_compiles_as_the_regex_module(monkeypatch):
    monkeypatch.setenv("CAPTIONCLEAN_CACHE_DIR", "")
    _reload(monkeypatch)
    calls = []
    real = tr._regex.compile
    monkeypatch.setattr(tr._regex, "compile", lambda *a, **k: calls.append(a) or real(*a, **k))
    tr._compile(r"\bREUTERS/(\w+)", 0)
    assert calls == [(r"\bREUTERS/(\w+)", 0)] and tr._STORE["args"] == {}


def test_named_lists_are_compiled_anew(fresh_store):
    got = tr._compile(r"\L<words>", words=["Reuters", "AFP"])
    assert got.search("via AFP").group() == "AFP" and tr._STORE["args"] == {}


def test_locale_patterns_are_compiled_anew(fresh_store):
    for pattern in (r"(?L)\w+", rb"(?L)\w+"):
        assert tr._compile(pattern).pattern == pattern
    assert tr._compile(r"\w+", tr._regex.LOCALE).pattern == r"\w+"
    assert tr._STORE["args"] == {}


def test_an_unwritable_folder_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("CAPTIONCLEAN_CACHE_DIR", str(blocker / "cache"))
    _reload(monkeypatch)
    pattern, flags, _ = GRAMMAR[0]
    assert tr._compile(pattern, flags).pattern == pattern
    tr.save_patterns()  # nothing written, nothing raised


def test_the_store_keeps_the_patterns_used_last(fresh_store, monkeypatch):
    monkeypatch.setattr(tr, "STORE_LIMIT", 3)
    old = [(f"old{i}[a-z]", 0) for i in range(3)]
    for p, f in old:
        tr._compile(p, f)
    tr.save_patterns()
    _reload(monkeypatch)
    tr._compile("old0[a-z]", 0)  # used again: kept
    tr._compile("new[a-z]", 0)
    tr.save_patterns()
    kept = {k[0] for k in tr._read_store(tr._store_path())}
    assert kept == {"old2[a-z]", "old0[a-z]", "new[a-z]"}  # old1 was used longest ago


def test_a_regex_release_without_the_private_parts_has_no_store(fresh_store, monkeypatch):
    monkeypatch.setattr(tr, "_STORABLE", False)
    pattern, flags, _ = GRAMMAR[0]
    assert tr._compile(pattern, flags).pattern == pattern
    assert tr._STORE["path"] is None and tr._STORE["args"] == {}
    tr.save_patterns()
    assert not list(fresh_store.glob("patterns-*"))


def test_a_stored_entry_the_compiler_refuses_is_compiled_anew(fresh_store, monkeypatch):
    pattern, flags, _ = GRAMMAR[0]
    tr._compile(pattern, flags)
    key = next(iter(tr._STORE["args"]))
    tr._STORE["args"][key] = ("not", "the", "compiler's", "arguments")
    got = tr._compile(pattern, flags)
    assert got.pattern == pattern and key not in tr._STORE["args"]


# A second process finds every grammar pattern in the store the first left, whatever their hash seeds: the
# grammar joins a set's words longest first, ties in code point order (timed_regex.longest_first), not in the set's
# order, which changes with the seed (the place words' order comes from the tables cache, kept between runs too)
_NEW_PATTERNS = """
import sys
from captionclean import timed_regex as tr
stored = set(tr._read_store(tr._store_path()))
from captionclean import parse, cli  # noqa: F401 - every grammar module's patterns
tr.compile_lazy()
sys.stdout.write(repr([k[0] for k in tr._STORE["used"] if k not in stored]))
"""


def test_a_second_process_finds_every_pattern_stored(tmp_path):
    import ast
    import os
    import subprocess
    import sys

    def new_patterns(seed: str) -> list:
        env = {**os.environ, "PYTHONHASHSEED": seed, "CAPTIONCLEAN_CACHE_DIR": str(tmp_path)}
        return ast.literal_eval(subprocess.run([sys.executable, "-c", _NEW_PATTERNS], env=env, capture_output=True,
                                               text=True, check=True).stdout)

    assert len(new_patterns("1")) > 300
    assert new_patterns("2") == []


# Which of two words of one length an alternation tries first cannot change what it matches: both match at a
# place only when they read the same text there. Shown for every word the grammar joins so and more (credit markers
# in the cased forms credit._alternation makes and their last words, month names, every word set of places.py),
# case-sensitive, caseless (V1 too: full case folding) and backward, on real captions and made texts.
_MARKERS = {w for kind in credit.CREDIT_MARKERS.values() for w in kind}
_PLACE_WORDS = {w for v in vars(places).values() if isinstance(v, frozenset) and all(isinstance(x, str) for x in v)
                for w in v}
_CREDIT_JOINED = ({v for w in _MARKERS for v in (w, w[:1].upper() + w[1:], w.title(), w.upper(),
                                                  w.split()[-1].casefold() if w.split() else w)}
                  | {v for m in credit.MONTHS for v in (m.capitalize(), m.upper())})
_R = tr._regex


def _ties(words) -> list[str]:
    return [w for w in words if sum(len(v) == len(w) for v in words) > 1]


_TIES = _ties(_CREDIT_JOINED) + _ties(_PLACE_WORDS)
# credit's words as credit._alternation writes them (a space: [ ]+; its rules are V1), place words as places._alt
_WORD_PATTERNS = {
    **{flags: [(len(w), _R.compile(_R.escape(w).replace("\\ ", "[ ]+"), flags)) for w in _ties(_CREDIT_JOINED)]
       for flags in (_R.V1, _R.V1 | _R.IGNORECASE)},
    **{flags: [(len(w), _R.compile(_R.escape(w), flags)) for w in _ties(_PLACE_WORDS)]
       for flags in (_R.V0, _R.V0 | _R.IGNORECASE, _R.V0 | _R.REVERSE)}}


def _tie_breaks(text: str) -> list:
    """Places where two words of one length match with different spans (their order would matter)."""
    found = []
    for flags, patterns in _WORD_PATTERNS.items():
        backward = flags & _R.REVERSE
        ends: dict = {}
        for n, pattern in patterns:
            for m in pattern.finditer(text, overlapped=True):
                ends.setdefault((n, m.end() if backward else m.start()), set()).add(m.span())
        found += [(flags, at, spans) for at, spans in ends.items() if len(spans) > 1]
    return found


def test_tied_words_exist():
    assert len(_TIES) > 1000


def test_tie_order_cannot_change_a_match_on_real_texts():
    assert [t for t in _REAL if _tie_breaks(t)] == []


_TIE_PIECES = st.sampled_from(_TIES + [w.swapcase() for w in _TIES] + [" ", "  ", ".", ":", "ß", "ss", "İ", "ﬁ"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_TIE_PIECES, max_size=8).map("".join))
def test_tie_order_cannot_change_a_match_on_made_texts(text):
    assert _tie_breaks(text) == []
