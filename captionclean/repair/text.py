"""Text operations the fixes share: context snippets, span tests, a recorded substitution."""
from __future__ import annotations

from bisect import bisect_right
from typing import Callable

from .. import timed_regex as regex  # the regex module, with a time budget
from .record import Repair, RepairOptions


def context(text: str, start: int, end: int, width: int = 12) -> str:
    return text[max(0, start - width): end + width]


def in_spans(spans) -> Callable[[int], bool]:
    """A test: is a position inside one of ``spans`` ((start, end) in order, not overlapping)?
    A binary search, so many spans (URLs) cost log time per test, not linear."""
    if not spans:
        return lambda i: False
    starts, ends = [a for a, _ in spans], [b for _, b in spans]

    def inside(i: int) -> bool:
        k = bisect_right(starts, i) - 1
        return k >= 0 and i < ends[k]
    return inside



def sub(rule: str, pattern: regex.Pattern, text: str, repl, skip=(),
        opts: RepairOptions | None = None) -> tuple[str, list[Repair]]:
    """Apply ``pattern`` and record each change with a little context.

    ``repl`` may return None to leave a match as it is, or ``(new, rule)`` to name the
    rule (with its evidence: ``lost_letters[gazetteer]``) for that change; matches inside a
    ``skip`` span (URLs) are left, and so are changes by a rule ``opts`` switches off.
    """
    repairs: list[Repair] = []
    out: list[str] = []
    last = 0
    skipped = in_spans(skip)
    for m in pattern.finditer(text):
        s, e = m.span()
        if skipped(s):
            continue
        new = repl(m) if callable(repl) else m.expand(repl)
        name = rule
        if isinstance(new, tuple):
            new, name = new
        if new is None or new == m.group(0):
            continue
        name, _, detail = name.partition("[")
        if opts is not None and not opts.on(name):
            continue
        out.append(text[last:s])
        out.append(new)
        last = e
        after = text[max(0, s - 12): s] + new + text[e: e + 12]
        repairs.append(Repair(name, context(text, s, e).strip(), after.strip(), detail[:-1]))
    if not repairs:
        return text, repairs
    out.append(text[last:])
    return "".join(out), repairs


def changed_middle(before: str, after: str) -> tuple[int, int, int, int]:
    """The differing middle of ``before`` and ``after``: (start, end in before, start, end in after)."""
    p = 0
    while p < min(len(before), len(after)) and before[p] == after[p]:
        p += 1
    q = 0
    while q < min(len(before), len(after)) - p and before[-1 - q] == after[-1 - q]:
        q += 1
    return p, len(before) - q, p, len(after) - q


def diff_snippet(a: str, b: str, width: int = 10) -> tuple[str, str]:
    i, a_end, _, b_end = changed_middle(a, b)
    return a[max(0, i - width): a_end + width], b[max(0, i - width): b_end + width]
