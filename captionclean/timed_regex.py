"""The ``regex`` module with a time budget: a backstop against a pattern that backtracks.

Every pattern in the grammar is meant to run in linear time; this module makes
sure a mistake cannot hang a run. Modules import it in place of ``regex``
(``from .. import timed_regex as regex``); inside ``with budget(seconds):``
every search, match, sub, split and finditer gets the time that is left as the
``regex`` module's ``timeout=``, and a loop over matches stops once it is
spent, raising ``TimeoutError``. Outside a budget nothing changes.
``parse_caption`` sets the budget and turns the error into a warning on the row.
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar

import regex as _regex
from regex import *  # noqa: F401,F403 - flags, error, escape, Pattern, Match …

_DEADLINE: ContextVar[float | None] = ContextVar("captionclean_regex_deadline", default=None)


@contextmanager
def budget(seconds: float):
    """Give every pattern run inside this block ``seconds`` in all."""
    token = _DEADLINE.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def _left() -> float | None:
    deadline = _DEADLINE.get()
    if deadline is None:
        return None
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("regex time budget spent")
    return left


class TimedPattern:
    """A compiled pattern whose calls respect the current budget."""

    __slots__ = ("compiled",)

    def __init__(self, compiled: _regex.Pattern):
        self.compiled = compiled

    def __getattr__(self, name):
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"TimedPattern({self.compiled.pattern!r})"

    def search(self, string, *args, **kw):
        return self.compiled.search(string, *args, timeout=_left(), **kw)

    def match(self, string, *args, **kw):
        return self.compiled.match(string, *args, timeout=_left(), **kw)

    def fullmatch(self, string, *args, **kw):
        return self.compiled.fullmatch(string, *args, timeout=_left(), **kw)

    def sub(self, repl, string, *args, **kw):
        return self.compiled.sub(repl, string, *args, timeout=_left(), **kw)

    def subn(self, repl, string, *args, **kw):
        return self.compiled.subn(repl, string, *args, timeout=_left(), **kw)

    def split(self, string, *args, **kw):
        return self.compiled.split(string, *args, timeout=_left(), **kw)

    def findall(self, string, *args, **kw):
        return self.compiled.findall(string, *args, timeout=_left(), **kw)

    def finditer(self, string, *args, **kw):
        if _DEADLINE.get() is None:
            return self.compiled.finditer(string, *args, **kw)
        return self._finditer(string, *args, **kw)

    def _finditer(self, string, *args, **kw):
        for n, m in enumerate(self.compiled.finditer(string, *args, timeout=_left(), **kw)):
            yield m
            if n & 31 == 31:  # the caller's work between matches counts too
                _left()


def compile(pattern, flags=0, **kw) -> TimedPattern:  # noqa: A001 - mirrors regex.compile
    if isinstance(pattern, TimedPattern):
        return pattern
    return TimedPattern(_regex.compile(pattern, flags, **kw))


def search(pattern, string, flags=0, **kw):
    return compile(pattern, flags).search(string, **kw)


def match(pattern, string, flags=0, **kw):
    return compile(pattern, flags).match(string, **kw)


def fullmatch(pattern, string, flags=0, **kw):
    return compile(pattern, flags).fullmatch(string, **kw)


def sub(pattern, repl, string, count=0, flags=0, **kw):
    return compile(pattern, flags).sub(repl, string, count, **kw)


def split(pattern, string, maxsplit=0, flags=0, **kw):
    return compile(pattern, flags).split(string, maxsplit, **kw)


def findall(pattern, string, flags=0, **kw):
    return compile(pattern, flags).findall(string, **kw)


def finditer(pattern, string, flags=0, **kw):
    return compile(pattern, flags).finditer(string, **kw)
