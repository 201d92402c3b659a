"""Shortcuts of the table around the parser give what the plain code gives: Table.add's loop (counts kept as
locals, a parse copied only when other rows may share it), KeyIndex's growth reading keys from one bytes
object, and a vocabulary's truth read without counting its words. On the real captions of the test data and
on generated rows (repeats, galleries, kept duplicates, extra columns, a reader's repairs and warnings)."""
from collections import Counter

import pytest
from hypothesis import given, settings, strategies as st

from captionclean import core
from captionclean.core import Options, Summary, Table, build, extra_name
from captionclean.keyindex import _EMPTY, KeyIndex
from captionclean.read import InputRow
from captionclean.repair.vocabulary import Vocabulary

from conftest import real_texts


class PlainTable(Table):
    """Table with add as it was: every count on the summary as it goes, every parse copied."""

    def add(self, rows, plan, parsed):
        s, records = self.summary, []
        for h, j in self._remember.popleft().items():
            if len(self.recent) >= core.PARSED_MEMORY:
                del self.recent[next(iter(self.recent))]
            self.recent[h] = parsed[j]
        names = self._extra_names
        for row, p in zip(rows, plan):
            r = len(self.group_of)
            if not self.passthrough.keys() >= row.extra.keys():
                for k in row.extra:
                    if k not in self.passthrough:
                        self.passthrough[k] = None
                        names[k] = extra_name(k)
            self.source.append(row.source_row)
            s.rows_read += 1
            if row.text.strip():
                s.captions += 1
            warned = self.warned[-1 - p] if p < 0 else bool(parsed[p][1]["warnings"])
            self.warned.append(warned)
            s.rows_with_warnings += bool(warned or row.warnings)
            if p < 0:
                g = self.group_of[-1 - p]
                self.group_of.append(g)
                self.count[g] += 1
                continue
            key, out, partial, n_repairs, sig = parsed[p]
            if row.gallery:
                date = out["date"]
                self.years[row.gallery][int(date[:4]) if date[:4].isdigit() else None] += 1
            g = self.groups.add(key, len(self.first_row))
            new = g is None
            if new:
                g = len(self.first_row)
                self.first_row.append(r)
                self.count.append(0)
                if self.sigs is not None:
                    self.sigs.append(sig)
            self.count[g] += 1
            self.group_of.append(g)
            if not (new or self.keep):
                continue
            out = dict(out)
            if row.repairs:
                out["repairs"] = "; ".join([str(x) for x in row.repairs] + ([out["repairs"]] if out["repairs"] else []))
            if row.warnings:
                out["warnings"] = "; ".join(row.warnings + ([out["warnings"]] if out["warnings"] else []))
            out["gallery"] = row.gallery
            out["_partial"] = partial if partial and not out["date"] else None
            out["_row"] = r
            for k, v in row.extra.items():
                out[names[k]] = v
            records.append(out)
            if new:
                s.repairs += n_repairs + len(row.repairs)
                s.repaired_captions += bool(out["repairs"])
                if row.text.strip():
                    s.unique_captions += 1
                    s.no_credit += not out["credit"]
        self.spill.append(records)


def _table(rows, options, table_class, chunk_size):
    """The table's columns, rows and summary, built with ``table_class`` from ``rows`` in chunks."""
    summary = Summary()
    chunks = [rows[i:i + chunk_size] for i in range(0, len(rows), chunk_size)]
    with pytest.MonkeyPatch.context() as m:
        m.setattr(core, "Table", table_class)
        table = build(chunks, options, summary, in_memory=True)
    out = list(table.finish())
    return table.columns, out, vars(summary)


def _same_tables(rows, options, chunk_size):
    assert _table(rows, options, Table, chunk_size) == _table(rows, options, PlainTable, chunk_size)


REAL = real_texts("credit_cases.json", "place_cases.json")


def _real_rows():
    """The real captions, each twice (a repeat: merged, or kept), some in galleries, some with extra
    columns, a reader's warning, blank and space-only rows among them."""
    texts = REAL + REAL[::7] + ["", "   ", "\u3000"]
    return [InputRow(t, i + 1, gallery="Week 2018" if i % 5 == 0 else "", extra={"id": str(i)},
                     warnings=["encoding_fallback: cp1252"] if i % 11 == 0 else [])
            for i, t in enumerate(texts)]


def test_real_rows_give_the_plain_table():
    rows = _real_rows()
    assert len(rows) > 200 and any(r.gallery for r in rows)
    for keep in (False, True):
        for versions in ("off", "group"):
            _same_tables(rows, Options(keep_duplicates=keep, versions=versions, export_vocabulary=False), 40)


def test_remembered_parses_are_not_changed(monkeypatch):
    """Repeats in later chunks reuse a remembered parse (gallery rows, kept duplicates): with few parses
    remembered and one-row chunks, every repeat reads a parse another row has written."""
    monkeypatch.setattr(core, "PARSED_MEMORY", 3)
    rows = [InputRow(t, i + 1, gallery="G" if i % 2 else "") for i, t in enumerate(REAL[:30] * 3)]
    for keep in (False, True):
        _same_tables(rows, Options(keep_duplicates=keep, export_vocabulary=False), 1)


_TEXTS = st.sampled_from(["", " ", "\u00a0", "PARIS, May 3 (Reuters) - A man walks. REUTERS/Jane Doe",
                          "A man walks. REUTERS/Jane Doe", "a man walks reuters jane doe",
                          "Rome, Italy, June 1, 2019. Photo: Ann Lee / AFP", "Cafe = Café?",
                          "March 4: a boat (AP Photo/Bo Li)"])
_ROWS = st.lists(st.tuples(_TEXTS, st.sampled_from(["", "", "Week 2019", "May 12"]),
                           st.dictionaries(st.sampled_from(["id", "date", "note"]), st.sampled_from(["", "x", "7"]),
                                           max_size=2),
                           st.lists(st.sampled_from(["w1", "encoding_fallback: cp1252"]), max_size=1)),
                 max_size=25)


@settings(max_examples=60, deadline=None)
@given(_ROWS, st.booleans(), st.integers(1, 6), st.sampled_from(["off", "all"]))
def test_generated_rows_give_the_plain_table(spec, keep, chunk_size, versions):
    rows = [InputRow(t, i + 1, gallery=g, extra=e, warnings=w) for i, (t, g, e, w) in enumerate(spec)]
    _same_tables(rows, Options(keep_duplicates=keep, versions=versions, export_vocabulary=False, year=2020),
                 chunk_size)


def _plain_grow(self):
    """KeyIndex._grow as it was: each key copied out of the bytearray."""
    old_keys, old_values, w = self.keys, self.values, self.width
    self._allocate(len(old_values) * 2)
    keys, values, mask = self.keys, self.values, self.mask
    for i, v in enumerate(old_values):
        if v == _EMPTY:
            continue
        key = bytes(old_keys[i * w:i * w + w])
        j = hash(key) & mask
        while values[j] != _EMPTY:
            j = (j + 1) & mask
        keys[j * w:j * w + w] = key
        values[j] = v


@settings(max_examples=100, deadline=None)
@given(st.lists(st.binary(min_size=6, max_size=6), max_size=200), st.integers(0, 10**6))
def test_growth_lays_out_the_slots_as_before(keys, first):
    """Slot for slot the same keys and values through every growth (8 slots to start)."""
    fast = KeyIndex(6, slots=8)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(KeyIndex, "_grow", _plain_grow)
        plain = KeyIndex(6, slots=8)
        for i, k in enumerate(keys):
            plain.add(k, first + i)
    for i, k in enumerate(keys):
        fast.add(k, first + i)
    assert (bytes(fast.keys), fast.values, fast.mask, fast.used) == (bytes(plain.keys), plain.values, plain.mask,
                                                                    plain.used)


_WORDS = st.lists(st.sampled_from(["Acuña", "acuña", "Bogotá", "plain", "é", "Zürich", "Łódź", "SÃO", "a1é", ""]),
                  max_size=6)


@given(_WORDS, _WORDS)
def test_vocabulary_truth_is_its_length(a, b):
    """``bool(vocabulary)`` is ``len(vocabulary) > 0``: built from words, from texts, and merged."""
    va, vb = Vocabulary(a), Vocabulary.from_texts(b)
    for v in (va, vb, Vocabulary()):
        assert bool(v) == (len(v) > 0)
    va.update(vb)
    assert bool(va) == (len(va) > 0)


def test_vocabulary_truth_on_real_captions():
    assert Counter(bool(Vocabulary.from_texts([t])) == (len(Vocabulary.from_texts([t])) > 0) for t in REAL) \
        == Counter({True: len(REAL)})
    assert Vocabulary.from_texts(REAL)  # (the real captions hold accented words: the test reads a true one)


def test_a_blank_text_is_told_as_strip_tells_it():
    """Table.add tells a blank row by ``text.isspace()`` (no copy made): what ``text.strip()`` tells, for
    every code point alone and in the rows' usual company."""
    for c in map(chr, range(0x110000)):
        assert (not c.isspace() and c != "") == bool(c.strip()), hex(ord(c))
    for t in ["", " ", " \u3000\n", " a ", "\u200b", "\x1c\x1d", "\x85", "\ufeff"]:
        assert (not t.isspace() and t != "") == bool(t.strip()), repr(t)
