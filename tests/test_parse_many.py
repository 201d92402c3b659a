"""parse_many reads captions together (the credit rules one at a time over all of them) and gives what
parse_caption gives for each, in order, under each caption's own time budget."""
from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings, strategies as st

import captionclean.parse as parse_module
from captionclean.parse import parse_caption, parse_many
from captionclean.repair import RepairOptions
from conftest import real_texts

_CASES = ("credit_cases.json", "credit_negative_cases.json", "span_cases.json", "trailer_cases.json", "place_cases.json",
          "date_cases.json", "repair_damaged.json")
_PIECES = st.sampled_from(["PARIS, FRANCE - MAY 5: ", "A fire in Lyon on May 5, 2019. ", "(AP Photo/Jo Doe)", "REUTERS/Jo Doe",
                           "Photo: ", "Jo Doe", "/AFP", " via Getty Images", "\n", "Credit: ", "新华社记者 王五 摄", "(", ")",
                           "© ", "EPA-EFE/", " - Pool", "EDITORIAL USE ONLY", "Peace Officers? Memorial", "â€™", "\ud800", ""])


def _records(recs):
    return [dataclasses.asdict(r) for r in recs]


def _one_by_one(texts, **kw):
    return _records([parse_caption(t, **kw) for t in texts])


def test_many_is_one_by_one_on_real_captions():
    texts = real_texts(*_CASES)
    assert len(texts) > 500
    many = _records(parse_many(texts))
    assert many == _one_by_one(texts)
    assert sum(1 for r in many if r["photographer"] or r["agency"]) > 300  # credits read: the test can fail


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=8).map("".join), max_size=5), st.booleans(), st.sampled_from([None, 2019]))
def test_many_is_one_by_one(texts, repair, year):
    assert _records(parse_many(texts, repair=repair, year=year)) == _one_by_one(texts, repair=repair, year=year)


def test_many_with_repair_options():
    texts = real_texts("repair_damaged.json")[:80]
    opts = RepairOptions(straight_quotes=True)
    assert _records(parse_many(texts, repair_options=opts)) == _one_by_one(texts, repair_options=opts)


@pytest.mark.parametrize("fault", [TimeoutError, ValueError])
def test_credits_of_all_failing_are_read_one_by_one(monkeypatch, fault):
    """The credit rules' run over all the captions times out (a hostile caption among them) or fails: each
    caption's credits are read alone, under its own budget; the records are parse_caption's."""
    texts = real_texts("credit_cases.json")[:60]
    calls = []

    def failing(credit_texts, agencies):
        calls.append(len(credit_texts))
        raise fault("budget spent" if fault is TimeoutError else "broken")
    monkeypatch.setattr(parse_module, "find_credits_many", failing)
    assert _records(parse_many(texts)) == _one_by_one(texts)
    assert calls == [len(texts)]


def test_a_caption_out_of_time_keeps_its_text_and_the_others_are_read(monkeypatch):
    texts = ["Tabuk, Saudi Arabia March 11, 2018. REUTERS/Mohamed Al Hwaity", "x" * 50,
             "WASHINGTON, DC - MARCH 14: A march. (Photo by Chip Somodevilla/Getty Images)"]
    monkeypatch.setattr(parse_module, "time_budget", lambda length: 0.0 if length == 50 else 2.0)
    recs = parse_many(texts)
    assert _records(recs) == _one_by_one(texts)
    assert any(w.startswith("parse_timeout") for w in recs[1].warnings) and recs[1].caption == texts[1]
    assert recs[0].agency == "Reuters" and recs[2].photographer == "Chip Somodevilla"


def test_many_of_none_is_none():
    assert parse_many([]) == []



_STAGES = ("find_dateline", "find_dates", "photo_date", "find_place_runs", "place_near_date", "locate_spans")


@pytest.mark.parametrize("stage", ["find_dateline", "find_dates", "find_place_runs", "locate_spans"])
@pytest.mark.parametrize("fault", [TimeoutError, ValueError])
def test_a_caption_failing_in_a_stage_is_read_no_further(monkeypatch, stage, fault):
    """A caption whose reading fails or runs out of time in a stage after the credits gets parse_caption's record
    (text kept, fields blank, the reason) and goes through no later stage (each stage function is called with the
    same texts as parse_caption calls it, whatever order parse_many reads the batch in), and the captions around
    it are read whole."""
    texts = real_texts("credit_cases.json", "place_cases.json", "date_cases.json")[:150]
    real = getattr(parse_module, stage)

    def failing(text, *rest):
        if len(text) % 4 == 1:  # (the same texts fail whichever order they are read in)
            raise fault("budget spent" if fault is TimeoutError else "broken")
        return real(text, *rest)
    monkeypatch.setattr(parse_module, stage, failing)
    calls = []
    for name in _STAGES:
        def counted(*args, _fn=getattr(parse_module, name), _name=name):
            calls.append((_name, args[0]))
            return _fn(*args)
        monkeypatch.setattr(parse_module, name, counted)
    want = _one_by_one(texts)
    one_calls, calls[:] = sorted(calls), []
    many = _records(parse_many(texts))
    assert many == want
    assert sorted(calls) == one_calls
    out = [r for r in many if any(w.startswith(("parse_timeout", "parse_failed", "spans_failed")) for w in r["warnings"])]
    assert 0 < len(out) < len(texts) // 2  # the fault was met, and not by every caption: the test can fail
    assert sum(1 for r in many if r["photographer"] or r["agency"]) > 40
