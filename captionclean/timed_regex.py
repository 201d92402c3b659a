"""The ``regex`` module with a time budget: a backstop against a pattern that backtracks.

Every pattern in the grammar is meant to run in linear time; this module makes
sure a mistake cannot hang a run. Modules import it in place of ``regex``
(``from .. import timed_regex as regex``). ``with budget(seconds):`` bounds the
block, raising ``TimeoutError`` once the time is spent:

- in a process's main thread, with an interval timer on the process's CPU time
  (ITIMER_PROF, SIGPROF): the regex module checks for signals while it matches,
  so even one runaway match stops, and the grammar's many short calls cost
  nothing extra. CPU time, not the wall clock: on a loaded machine a caption is
  not timed out (and its fields lost) for the time other processes took;
- elsewhere (a thread, or when the program uses SIGPROF or its timer itself), with the
  ``regex`` module's own ``timeout=``, given to every call on more than
  ``SHORT`` characters, and a check of the time left before every call (the
  wall clock: the regex module's timeout is).

Outside a budget nothing changes. ``parse_caption`` sets the budget and turns
the error into a warning on the row.
"""
from __future__ import annotations

import marshal
import signal
import threading
import time
import weakref
from contextvars import ContextVar

import regex as _regex
from regex import *  # noqa: F401,F403 - flags, error, escape, Pattern, Match …
import sys as _sys

# the regex module's private parts the pattern store needs (_recorded): the module whose call of its C compiler is
# recorded, and the C module; a regex release laid out otherwise has no store, its patterns compiled as usual
try:
    from regex import _regex as _regex_c
    _regex_main = _sys.modules[_regex.compile.__module__]
    _STORABLE = getattr(_regex_main, "_regex", None) is _regex_c and callable(getattr(_regex_c, "compile", None))
except Exception:  # noqa: BLE001
    _regex_c = _regex_main = None
    _STORABLE = False

_DEADLINE: ContextVar[float | None] = ContextVar("captionclean_regex_deadline", default=None)
# threads inside a deadline budget (thread id → depth): while none is, a pattern call goes
# straight to the regex module (the alarm needs no per-call work)
_IN_DEADLINE: dict[int, int] = {}
_ALARM = {"armed": False}


def _ring(signum, frame) -> None:
    if _ALARM["armed"]:
        raise TimeoutError("time budget spent")


try:  # the C functions behind ``signal``'s: the same calls without the enum wrapping (µs a caption)
    import _signal as _sig
except ImportError:  # pragma: no cover - another Python
    _sig = signal
_MAIN = threading.main_thread()
# the alarm: the process's CPU time (user + system), and the signal that timer sends
_SIGNAL = int(getattr(signal, "SIGPROF", 0))
_SIG_DFL = int(signal.SIG_DFL)
_HAS_TIMER = hasattr(signal, "setitimer") and hasattr(signal, "SIGPROF")
_TIMER = TIMER = int(getattr(signal, "ITIMER_PROF", 0))


def _can_alarm() -> bool:
    """The main thread, with SIGPROF and its timer free (never the program's own, e.g. a profiler's)."""
    if not _HAS_TIMER or threading.current_thread() is not _MAIN:
        return False
    handler = _sig.getsignal(_SIGNAL)
    return (handler is _ring or handler == _SIG_DFL) and _sig.getitimer(_TIMER) == (0.0, 0.0)


class budget:  # noqa: N801 - used as ``with budget(seconds):``
    """Give the block ``seconds`` in all; TimeoutError once they are spent."""

    __slots__ = ("seconds", "mode", "old", "token")

    def __init__(self, seconds: float):
        self.seconds = seconds

    def __enter__(self) -> None:
        if self.seconds <= 0:
            raise TimeoutError("time budget spent")
        if _ALARM["armed"]:  # inside a budget already: the outer one bounds this block
            self.mode = "inner"
        elif _can_alarm():
            self.mode = "alarm"
            self.old = _sig.signal(_SIGNAL, _ring)
            _ALARM["armed"] = True
            _sig.setitimer(_TIMER, self.seconds)
        else:
            self.mode = "deadline"
            if not _CHECKED["on"]:
                _check_calls()
            self.token = _DEADLINE.set(time.monotonic() + self.seconds)
            tid = threading.get_ident()
            _IN_DEADLINE[tid] = _IN_DEADLINE.get(tid, 0) + 1

    def __exit__(self, *exc) -> None:
        if self.mode == "alarm":
            # disarmed first: a ring from here on finds the budget over and raises nothing
            _ALARM["armed"] = False
            _sig.setitimer(_TIMER, 0)
            _sig.signal(_SIGNAL, self.old)
        elif self.mode == "deadline":
            _DEADLINE.reset(self.token)
            tid = threading.get_ident()
            depth = _IN_DEADLINE.get(tid, 1) - 1
            if depth:
                _IN_DEADLINE[tid] = depth
            else:
                _IN_DEADLINE.pop(tid, None)


# a call on no more characters than this gets no timeout of its own (the budget is still
# checked before it): a linear pattern reads them in microseconds, and the regex module's
# timeout costs about a microsecond a call, which the grammar's many short calls would feel
SHORT = 256


def _timeout(length: int) -> float | None:
    """The time left, for a call on ``length`` characters; None outside a budget or for a
    short call. Raises TimeoutError once the budget is spent."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return None
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("regex time budget spent")
    return left if length > SHORT else None


def _span(string, args, kw) -> int:
    """How many characters a search, match or finditer call reads (pos and endpos, if given)."""
    n = len(string)
    if n <= SHORT:
        return n
    pos = args[0] if args else kw.get("pos")
    end = args[1] if len(args) > 1 else kw.get("endpos")
    return min(n, n if end is None else end) - (pos or 0)


# whether pattern calls check a deadline: off until a budget first runs on a deadline (a thread, or
# a program that uses SIGPROF itself); until then each pattern's calls are the regex module's own
# bound methods (no Python frame between the grammar and the C matcher: ~1 µs a call), as the alarm
# needs no per-call work. Once on, it stays on for every pattern.
_CHECKED = {"on": False}
_RAW_CALLS = ("search", "match", "finditer", "fullmatch", "findall", "split", "sub", "subn")
_PATTERNS: "weakref.WeakSet[TimedPattern]" = weakref.WeakSet()
_SWITCH = threading.Lock()


def _check_calls() -> None:
    """From now on every pattern checks the deadline (the class's methods, not the raw ones)."""
    with _SWITCH:
        _CHECKED["on"] = True
        for pattern in list(_PATTERNS):
            pattern.__dict__.clear()


class TimedPattern:
    """A compiled pattern whose calls respect the current budget; compiled on first use when made by
    :func:`lazy_compile`."""

    __slots__ = ("compiled", "_args", "_search", "_match", "_finditer_raw", "__dict__", "__weakref__")

    def __init__(self, compiled: _regex.Pattern | None, args: tuple | None = None):
        self._args = args
        if compiled is not None:
            self._bind(compiled)

    def _bind(self, compiled: _regex.Pattern) -> None:
        self.compiled = compiled
        self._search, self._match, self._finditer_raw = compiled.search, compiled.match, compiled.finditer
        with _SWITCH:
            if not _CHECKED["on"]:  # the raw calls, found before the class's (instance attributes)
                for name in _RAW_CALLS:
                    self.__dict__[name] = getattr(compiled, name)
                _PATTERNS.add(self)

    def __getattr__(self, name):
        try:
            args = object.__getattribute__(self, "_args")
        except AttributeError:  # not initialised yet (copy, pickle)
            raise AttributeError(name) from None
        if args is not None:  # a lazy pattern's first use: compiled now
            # (bound before the arguments are dropped: a budget running out during the compile
            # leaves the pattern lazy, to be compiled at its next use, not broken for the run)
            self._bind(_compile(*args))
            self._args = None
            return getattr(self, name)
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"TimedPattern({self.compiled.pattern!r})"

    # the three hot calls take pos and endpos by name: no argument packing on the fast path
    def search(self, string, pos=None, endpos=None, **kw):
        if not _IN_DEADLINE or _DEADLINE.get() is None:
            return self._search(string, pos, endpos, **kw)
        t = _timeout(_span(string, (pos, endpos), kw))
        return self._search(string, pos, endpos, **kw) if t is None else \
            self._search(string, pos, endpos, timeout=t, **kw)

    def match(self, string, pos=None, endpos=None, **kw):
        if not _IN_DEADLINE or _DEADLINE.get() is None:
            return self._match(string, pos, endpos, **kw)
        t = _timeout(_span(string, (pos, endpos), kw))
        return self._match(string, pos, endpos, **kw) if t is None else \
            self._match(string, pos, endpos, timeout=t, **kw)

    def finditer(self, string, pos=None, endpos=None, **kw):
        if not _IN_DEADLINE or _DEADLINE.get() is None:
            return self._finditer_raw(string, pos, endpos, **kw)
        return self._finditer(string, pos, endpos, **kw)

    def _finditer(self, string, pos, endpos, **kw):
        t = _timeout(_span(string, (pos, endpos), kw))
        found = self._finditer_raw(string, pos, endpos, **kw) if t is None else \
            self._finditer_raw(string, pos, endpos, timeout=t, **kw)
        for n, m in enumerate(found):
            yield m
            if n & 31 == 31:  # the caller's work between matches counts too
                _timeout(0)


def _timed(name: str, repl: bool) -> callable:
    """The pattern method ``name`` (``repl``: it takes a replacement first, as sub does),
    given the time left as its timeout inside a deadline budget."""
    whole = repl or name == "split"  # sub, subn and split read the whole string

    def call(self, *args, **kw):
        method = getattr(self.compiled, name)
        if not _IN_DEADLINE or _DEADLINE.get() is None:
            return method(*args, **kw)
        string, rest = (args[1], args[2:]) if repl else (args[0], args[1:])
        t = _timeout(len(string) if whole else _span(string, rest, kw))
        return method(*args, **kw) if t is None else method(*args, timeout=t, **kw)

    call.__name__ = name
    return call


for _name, _repl in (("fullmatch", False), ("findall", False), ("split", False), ("sub", True), ("subn", True)):
    setattr(TimedPattern, _name, _timed(_name, _repl))


def longest_first(words) -> list[str]:
    """Distinct words, longest first, those of one length in code point order, for an alternation: the pattern
    text is the same in every process (a set's order changes with string hashing; the pattern store below keeps
    patterns by their text). Which of two words of one length comes first cannot change a match: both match at a
    place only if they are equal but for case, in a caseless group, and then they read the same text
    (tests/test_pattern_cache.py)."""
    return sorted(set(words), key=lambda w: (-len(w), w))


def compile(pattern, flags=0, **kw) -> TimedPattern:  # noqa: A001 - mirrors regex.compile
    if isinstance(pattern, TimedPattern):
        return pattern
    return TimedPattern(_compile(pattern, flags, **kw))


# Compiled patterns kept between runs. The regex module parses and optimises a pattern in Python
# (~1 ms each: ~0.55 s of CPU for the grammar's ~430 patterns, in every process) and hands the result,
# plain data, to its C compiler (regex._regex.compile). That data is kept in the cache folder
# (tables.cache_folder) in a file named by the regex release and Python; a pattern found there goes
# to the C compiler directly: the same arguments, so the same pattern object
# (tests/test_pattern_cache.py). Named lists, LOCALE and DEBUG patterns are always compiled anew.
_STORE_FORMAT = 1
_STORE: dict = {"loaded": False, "path": None, "args": {}, "used": {}, "new": 0, "saving": False}
_NOT_STORED = int(_regex.LOCALE | _regex.DEBUG)
_RECORD = threading.RLock()


def _compile(pattern, flags=0, **kw):
    """``regex.compile(pattern, flags, **kw)``: from the stored compiler arguments when it has them."""
    if kw or pattern.__class__ is not str or int(flags) & _NOT_STORED:
        return _regex.compile(pattern, flags, **kw)
    key = (pattern, int(flags), int(_regex.DEFAULT_VERSION))
    store = _STORE if _STORE["loaded"] else _load_store()
    store["used"][key] = None  # (in order: the oldest used are dropped first, save_patterns)
    args = store["args"].get(key)
    if args is not None:
        try:
            return _regex_c.compile(*args)
        except Exception:  # noqa: BLE001 - a stored entry the C compiler refuses: compiled anew, not kept
            del store["args"][key]
            return _regex.compile(pattern, flags)
    if store["path"] is None:  # no cache folder, or a regex release the store cannot read
        return _regex.compile(pattern, flags)
    compiled, args = _recorded(pattern, flags)
    if args is not None:
        store["args"][key] = args
        store["new"] += 1
        if not store["saving"]:
            import atexit

            atexit.register(save_patterns)
            store["saving"] = True
    return compiled


class _Recorder:
    """Stands in for the regex module's C module while one pattern compiles: keeps the arguments of
    its compile call made in this thread, and passes every call on."""

    def __init__(self, real):
        self.real, self.thread, self.args = real, threading.get_ident(), None

    def __getattr__(self, name):
        return getattr(self.real, name)

    def compile(self, *args):
        if threading.get_ident() == self.thread:
            self.args = args
        return self.real.compile(*args)


def _recorded(pattern: str, flags) -> tuple:
    """The pattern compiled by the regex module, and the arguments its C compiler was given (None if
    they are not plain data)."""
    with _RECORD:
        recorder = _Recorder(_regex_c)
        _regex_main._regex = recorder
        try:
            compiled = _regex.compile(pattern, flags, cache_pattern=False)
        finally:
            _regex_main._regex = _regex_c
    args = recorder.args
    if args is None or args[0] != pattern or int(args[1]) & _NOT_STORED:  # (an inline (?L) is LOCALE too)
        return compiled, None
    args = tuple(int(a) if isinstance(a, int) else a for a in args)  # (the flags are RegexFlag)
    try:
        marshal.dumps(args)
    except ValueError:
        return compiled, None
    return compiled, args


def _store_path():
    """The file of stored patterns for this regex release and Python, or None (no cache folder)."""
    import hashlib
    import sys

    from .tables import cache_folder

    folder = cache_folder()
    if folder is None:
        return None
    stamp = [str(_STORE_FORMAT), _regex.__version__, str(_regex_c.MAGIC), str(_regex_c.CODE_SIZE),
             sys.version, getattr(_regex_c, "__file__", "")]
    return folder / f"patterns-{hashlib.sha1('|'.join(stamp).encode()).hexdigest()[:16]}.marshal"


def _read_store(path) -> dict:
    """The stored arguments by key; nothing from a missing or damaged file (its patterns are compiled anew)."""
    import hashlib

    try:
        data = path.read_bytes()
        digest, body = data[:16], data[16:]
        if hashlib.blake2b(body, digest_size=16).digest() != digest:
            return {}
        stored = marshal.loads(body)
        return stored if isinstance(stored, dict) else {}
    except Exception:  # noqa: BLE001 - no store rather than a wrong one
        return {}


def _load_store() -> dict:
    _STORE["path"] = path = _store_path() if _STORABLE else None
    if path is not None:
        _STORE["args"] = _read_store(path)
    _STORE["loaded"] = True
    return _STORE


# stored patterns at most: the file drops those not used for longest first. An edited grammar leaves
# its old patterns behind (the grammar joins a set's words in one order under every hash seed, so a
# run adds none of its own: tests/test_pattern_cache.py)
STORE_LIMIT = 800


def save_patterns() -> None:
    """Write the patterns compiled here since the store was read into it (with those another process
    stored meanwhile); nothing when none is new. Never fails the caller (tables.write_cache)."""
    if not _STORE["new"] or _STORE["path"] is None:
        return
    import hashlib

    from .tables import write_cache

    path, mine, used = _STORE["path"], _STORE["args"], _STORE["used"]
    merged = _read_store(path)
    for key in used:  # this process's patterns go last, as the newest
        merged.pop(key, None)
    merged.update((key, mine[key]) for key in used)
    for key in list(merged)[:max(0, len(merged) - max(STORE_LIMIT, len(used)))]:
        del merged[key]
    body = marshal.dumps(merged)

    def write(tmp: str) -> None:
        with open(tmp, "wb") as f:
            f.write(hashlib.blake2b(body, digest_size=16).digest() + body)

    write_cache(path, "patterns", write)
    _STORE["new"] = 0


_LAZY: "weakref.WeakSet[TimedPattern]" = weakref.WeakSet()  # the lazy patterns made (compile_lazy's)


def lazy_compile(pattern: str, flags: int = 0) -> TimedPattern:
    """The pattern, compiled when first used (a program that never runs it never pays for it); after
    that its calls cost what :func:`compile`'s do."""
    lazy = TimedPattern(None, (pattern, flags))
    _LAZY.add(lazy)
    return lazy


def compile_lazy() -> int:
    """Compile every lazy pattern not compiled yet (a ``--jobs`` worker as it starts, while the parent
    reads the export's first pass: the ~0.5 s of compiling the grammar's patterns is then off the
    parse's way). The number compiled."""
    n = 0
    for lazy in list(_LAZY):
        if lazy._args is not None:
            lazy.compiled  # noqa: B018 - the first use compiles it
            n += 1
    save_patterns()  # (a forked --jobs worker runs no exit handler)
    return n


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
