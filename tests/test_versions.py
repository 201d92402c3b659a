"""Versions of one picture: correction notices, grouping, the rows accounted for (issue 17)."""
import csv

import pytest
import regex
from hypothesis import given, settings, strategies as st
from typer.testing import CliRunner

from captionclean import Options, clean
from captionclean.cli import app
from captionclean.clean import clean_file, clean_to_path
from captionclean.parse import parse_caption
from captionclean.tables import correction_markers
from captionclean.versions import WINDOW, Signatures, candidates, signature

from conftest import load_cases

_WORD = regex.compile(r"[\p{L}\p{N}]+")
NOTICES = load_cases("correction_cases.json")
VERSIONS = load_cases("version_cases.json")
POOL = [c for case in VERSIONS for c in case["captions"]]


# --- correction notices --------------------------------------------------------
@pytest.mark.parametrize("case", NOTICES["notices"], ids=lambda c: c["id"])
def test_notice_moves_to_correction(case):
    rec = parse_caption(case["text"])
    assert rec.correction == case["correction"]
    assert rec.correction_rank == case["rank"]
    assert case["marker"] not in rec.description
    assert any(s.startswith(("correction_", "afp_correction")) for s in rec.style)
    for name, value in case.get("fields", {}).items():
        assert getattr(rec, name) == value, (name, getattr(rec, name))


@pytest.mark.parametrize("case", [c for c in NOTICES["notices"] if not c.get("boilerplate")], ids=lambda c: c["id"])
def test_notice_words_are_kept(case):
    """Every word of the caption stays in a column; only a marker word may go (the rule's name says
    which), and an epa id as before. (AFP's boilerplate keeps only its "[A] instead of [B]".)"""
    rec = parse_caption(case["text"])
    kept = " ".join([rec.description, rec.dateline, rec.credit_raw, rec.restrictions, rec.keywords, rec.correction])
    lost = {w.casefold() for w in _WORD.findall(rec.caption)} - {w.casefold() for w in _WORD.findall(kept)}
    markers = {w.casefold() for m in correction_markers() for w in _WORD.findall(m.text)}
    assert {w for w in lost if not w.startswith("epa")} <= markers, lost


@pytest.mark.parametrize("case", NOTICES["not_notices"], ids=lambda c: c["id"])
def test_words_like_markers_are_not_notices(case):
    rec = parse_caption(case["text"])
    assert rec.correction == "" and rec.correction_rank == -1


# --- grouping ----------------------------------------------------------------------
def _partition(table) -> list[list[int]]:
    """The groups of versions in an ``all`` table (rows are input rows 1..n here), as 0-based indices."""
    groups: dict[str, set[int]] = {}
    for row, of in zip(table["source_rows"], table["version_of"]):
        if of:
            groups.setdefault(of, {int(of) - 1}).add(int(row) - 1)
    return sorted(sorted(g) for g in groups.values())


@pytest.mark.parametrize("case", VERSIONS, ids=lambda c: c["id"])
def test_versions_grouped_as_a_desk_would(case):
    table = clean(case["captions"], versions="all").table
    assert _partition(table) == sorted(case["groups"]), case["why"]


@pytest.mark.parametrize("case", [c for c in VERSIONS if c["groups"]], ids=lambda c: c["id"])
def test_group_row_is_the_chosen_version_with_its_changes(case):
    result = clean(case["captions"], versions="group")
    table = result.table
    n = len(case["captions"])
    assert len(table) == n - sum(len(g) - 1 for g in case["groups"])
    for grp, chosen in zip(case["groups"], case["chosen"]):
        row = table[table["version_rows"] == ";".join(str(i + 1) for i in grp)].iloc[0]
        assert row["caption"] == parse_caption(case["captions"][chosen]).caption  # as repaired
        assert row["versions"] == len(grp)
        assert row["source_rows"] == ";".join(str(i + 1) for i in grp)
        for change in case["changes"]:
            assert change in row["changes"], row["changes"]
    s = result.summary
    assert s.rows_read == len(table) + s.duplicates_merged + s.versions_grouped


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(POOL), min_size=1, max_size=12))
def test_every_row_accounted_for(captions):
    """read = written + duplicates merged + versions grouped; each input row listed once."""
    result = clean(captions, versions="group")
    table, s = result.table, result.summary
    assert s.rows_read == len(captions) == len(table) + s.duplicates_merged + s.versions_grouped
    listed = sorted(int(n) for cell in table["source_rows"] for n in cell.split(";"))
    assert listed == list(range(1, len(captions) + 1))
    assert int(table["occurrences"].sum()) == len(captions)
    assert int(table["versions"].sum()) == s.unique
    # "all" keeps every distinct caption; with --keep-duplicates every row
    assert len(clean(captions, versions="all").table) == s.unique
    kept = clean(captions, versions="group", keep_duplicates=True).table
    assert len(kept) == len(captions) and "version_of" in kept.columns


def test_off_adds_no_version_columns():
    table = clean(POOL[:3]).table
    assert not {"versions", "version_rows", "version_of", "changes"} & set(table.columns)
    assert list(table.columns)[-1] == "correction"  # new columns come last


def test_unknown_mode_is_an_error():
    with pytest.raises(ValueError):
        Options(versions="some")


def test_streamed_file_equals_in_memory(tmp_path):
    src = tmp_path / "export.csv"
    with src.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["caption"])
        w.writerows([c] for c in POOL + POOL[::-1])
    streamed = tmp_path / "streamed.csv"
    options = Options(versions="group")
    summary = clean_to_path(src, streamed, options, chunk_size=7)
    memory = clean_file(src, Options(versions="group"))
    import pandas as pd

    a = pd.read_csv(streamed, dtype=str, keep_default_na=False)
    b = memory.table.astype(str).replace({"True": "true", "False": "false"})
    assert list(a.columns) == list(b.columns)
    assert a["caption"].tolist() == b["caption"].tolist()
    assert a["source_rows"].tolist() == b["source_rows"].tolist()
    assert a["changes"].tolist() == b["changes"].tolist()
    assert summary.versions_grouped == memory.summary.versions_grouped > 0


def test_candidates_stay_linear_in_a_big_block():
    """Thousands of captions sharing every block key: each is compared with WINDOW others at most."""
    row = parse_caption(POOL[0]).to_row()
    sigs = Signatures()
    n = 3000
    for _ in range(n):
        sigs.append(signature(row, -1))
    pairs = candidates(sigs)
    assert 0 < len(pairs) <= len(Signatures.KEYS) * WINDOW * n
    assert len(pairs) <= WINDOW * n  # the same pairs from every key are counted once


def test_cli_versions_group_and_summary(tmp_path):
    src = tmp_path / "export.csv"
    with src.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["caption"])
        w.writerows([c] for c in VERSIONS[0]["captions"])
    out = tmp_path / "out.csv"
    runner = CliRunner()
    result = runner.invoke(app, ["clean", str(src), "-o", str(out), "--versions", "group"])
    assert result.exit_code == 0, result.output
    assert "read 3 rows = 2 written + 0 duplicates merged + 1 versions grouped" in result.output
    bad = runner.invoke(app, ["clean", str(src), "-o", str(out), "--versions", "maybe"])
    assert bad.exit_code == 2 and "unknown versions mode" in bad.output and "Traceback" not in bad.output


@pytest.mark.filterwarnings("ignore")
def test_dask_engine_gives_the_one_machine_table(tmp_path):
    pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    import pandas as pd

    from captionclean.dask_engine import clean_files_dask

    rows = POOL + POOL[::-1]
    parts = []
    for i in range(2):
        parts.append(tmp_path / f"in{i}.csv")
        with parts[-1].open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["caption"])
            w.writerows([c] for c in rows[i * len(POOL):(i + 1) * len(POOL)])
    whole = tmp_path / "all.csv"
    with whole.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["caption"])
        w.writerows([c] for c in rows)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        for mode, keep in (("group", False), ("all", False), ("group", True)):
            options = Options(versions=mode, keep_duplicates=keep)
            expected_path = tmp_path / f"one_{mode}_{keep}.csv"
            one = clean_to_path(whole, expected_path, options)
            out = tmp_path / f"dask_{mode}_{keep}"
            summary = clean_files_dask(parts, out, options, scheduler=cluster.scheduler_address)
            got = pd.concat([pd.read_csv(p, dtype=str, keep_default_na=False) for p in sorted(out.glob("part-*.csv"))],
                            ignore_index=True)
            expected = pd.read_csv(expected_path, dtype=str, keep_default_na=False)
            pd.testing.assert_frame_equal(got, expected)
            assert (summary.versions_grouped, summary.versions_marked) == (one.versions_grouped, one.versions_marked)
            assert one.versions_grouped + one.versions_marked > 0


HOSTILE = [  # (head, unit, tail): notice-shaped text repeated, to make the notice patterns backtrack
    ("", "REFILE - ", ""), ("REFILE", " CORRECTING", " x"), ("REFILE - ", "WASHINGTON, DC ", "- MAY 13: x"),
    ("REFILE - CORRECTING ", "U.S. ", ""), ("", "(CORRECTS ", ""), ("(EDITORS NOTE: ", "a", ""),
    ("", "CORRECTION: ", ""), ("", "Editor's note: ", ""),
    ("", "The erroneous mention appearing in the metadata of this photo by ", ""),
]


@pytest.mark.parametrize("head,unit,tail", HOSTILE)
def test_hostile_notices_are_read_in_time(head, unit, tail):
    """Tens of kB of notice-shaped text parse within the time budget (a backtracking pattern would not)."""
    text = head + (unit * (30_000 // len(unit) + 1))[:30_000] + tail
    rec = parse_caption(text)
    assert not any(w.startswith(("parse_timeout", "parse_failed")) for w in rec.warnings), rec.warnings


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(0, len(POOL) - 1), min_size=0, max_size=60), st.integers(1, 7))
def test_spilled_signatures_read_back_in_order(picks, spill_every):
    """Signatures that waited in a file (Signatures.SPILL at a time) come back as they were appended:
    the same length, arrays and candidate pairs as signatures held in memory."""
    rows = [parse_caption(POOL[i]).to_row() for i in picks]
    held, spilled = Signatures(), Signatures(spill=True)
    spilled.SPILL = spill_every  # this instance's block size: small, so the file holds several blocks
    for k, row in enumerate(rows):
        sig = signature(row, k % 4 - 1)
        held.append(sig)
        spilled.append(sig)
    assert len(spilled) == len(held) == len(rows)
    assert candidates(spilled).tolist() == candidates(held).tolist()
    assert spilled.arrays == held.arrays and spilled.rank == held.rank
    spilled.release()
    assert spilled.rank == held.rank and not any(spilled.arrays.values())
