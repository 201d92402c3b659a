"""Patterns rewritten to read a long run of spaces once (bench/bench_adversarial.py's ws_* units timed out on
them): the same matches as the patterns they replace."""
from __future__ import annotations

import re

import regex
from hypothesis import example, given, settings, strategies as st

from captionclean.grammar import credit, places

_PIECES = st.sampled_from([" ", "  ", "   ", "and", "y", "und", "&", "France", "Spain", "Trinidad", "1", "2019", ".", ". ",
                           "by ", "By ", "BY", "x", ",", "\n"])
_OLD_LIST_AND = regex.compile(places._LIST_AND.pattern.replace("(?<![ ])[ ]++", "[ ]+", 1))
_OLD_DIGIT_BY = re.compile(r"\d[ ]*\.?[ ]+[Bb][Yy] ")


@settings(max_examples=400)
@given(st.lists(_PIECES, max_size=14).map("".join))
@example("in France and  Spain")
@example("WASHINGTON     , B")
def test_list_and_splits_as_before(text):
    assert places._LIST_AND.pattern.startswith("(?<![ ])[ ]++")
    assert places._LIST_AND.split(text) == _OLD_LIST_AND.split(text)


@settings(max_examples=400)
@given(st.lists(_PIECES, max_size=14).map("".join))
@example("May 5, 1959 by George")
@example("5/1973.  by Arthur")
@example("1   .  By x")
def test_digit_by_finds_as_before(text):
    new, old = credit._DIGIT_BY.search(text), _OLD_DIGIT_BY.search(text)
    assert (new and new.span()) == (old and old.span())
