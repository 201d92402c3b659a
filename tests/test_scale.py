"""Scale: the streamed, chunked, parallel and Dask paths give the same table as one in-memory pass.

Captions are the real ones of tests/data/seed.input.jsonl (the source document's 46 captions,
a copy of ../shared/eval/seed.input.jsonl) and fixtures/gallery_export.txt, repeated to make
duplicates; nothing outside the clone is needed.
"""
import csv
import json
import random

import pytest
from hypothesis import given, settings, strategies as st

from captionclean import Options, clean_file, clean_rows
from captionclean.chunks import open_stream
from captionclean.engine.local import clean_to_path
from captionclean.read import InputRow, read_path
from captionclean.write import write_table

from conftest import DATA, FIXTURES

SEED = DATA / "seed.input.jsonl"


def real_captions(n):
    texts = [json.loads(ln)["text"] for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return texts[:n]


def export_rows(n=120, seed=3):
    """Rows of a CSV export: real captions, about a quarter of them repeats (some re-cased)."""
    rng = random.Random(seed)
    base = real_captions(46)
    rows = []
    for i in range(n):
        if rows and rng.random() < 0.25:
            text = rng.choice(rows)[1]
            text = text.upper() if rng.random() < 0.2 else text
        else:
            text = base[i % len(base)]
        rows.append([f"id{i}", text, rng.choice(["news", "sport"])])
    return rows


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "caption", "desk"])
        w.writerows(rows)
    return path


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    return write_csv(tmp_path_factory.mktemp("scale") / "export.csv", export_rows())


@pytest.mark.parametrize("keep", [False, True], ids=["merged", "keep_duplicates"])
def test_output_is_the_same_whatever_jobs_or_chunk_size(export, tmp_path, keep):
    options = Options(keep_duplicates=keep)
    reference = tmp_path / "in_memory.csv"
    write_table(clean_file(export, options).table, reference)
    for jobs, chunk in [(1, 1), (1, 7), (1, 5000), (2, 1), (2, 13)]:
        out = tmp_path / f"j{jobs}_c{chunk}.csv"
        clean_to_path(export, out, options, jobs=jobs, chunk_size=chunk)
        assert out.read_bytes() == reference.read_bytes(), (jobs, chunk)


@given(texts=st.lists(st.text(max_size=3), max_size=30), n=st.integers(1, 8))
def test_a_chunk_is_shared_among_the_workers_in_order(texts, n):
    """--jobs N parses each chunk in N runs, one a worker: together they are the chunk, in order,
    and no run is empty or longer than its share."""
    from captionclean.core import _slices

    parts = _slices(texts, n)
    assert [t for part in parts for t in part] == texts
    assert len(parts) <= n and all(parts)
    assert all(len(part) <= -(-len(texts) // n) for part in parts)


@settings(max_examples=10, deadline=None)
@given(chunk=st.integers(1, 40), picks=st.lists(st.integers(0, 29), min_size=1, max_size=40))
def test_chunk_size_never_changes_the_table(chunk, picks):
    base = real_captions(30)
    rows = [InputRow(base[p], i + 1) for i, p in enumerate(picks)]
    whole = clean_rows(rows, chunk_size=len(rows) + 1).table
    chunked = clean_rows(rows, chunk_size=chunk).table
    assert whole.equals(chunked)
    assert whole["occurrences"].sum() == len(rows)


def test_repeats_are_merged_with_their_rows(export):
    result = clean_file(export)
    table = result.table
    merged = table[table["occurrences"] > 1]
    assert len(merged) > 0
    for _, row in merged.iterrows():
        assert len(row["source_rows"].split(";")) == row["occurrences"]
    assert result.summary.unique + result.summary.duplicates_merged == result.summary.rows_read


@pytest.mark.parametrize("path", [SEED, FIXTURES / "gallery_export.txt"], ids=["jsonl", "gallery"])
def test_streamed_rows_equal_the_whole_file_reader(path):
    whole = read_path(path)
    stream = open_stream(path, chunk_size=17)
    streamed = [row for chunk in stream.chunks for row in chunk]
    assert streamed == whole.rows
    assert stream.format == whole.format


def test_streamed_csv_rows_equal_the_whole_file_reader(tmp_path):
    """A CSV with a ragged row, a quoted line break and a cp1252 line (text from the gallery export)."""
    lines = [ln for ln in (FIXTURES / "gallery_export.txt").read_text(encoding="utf-8").splitlines() if "Photo" in ln][:3]
    data = ("id;caption;desk\n"
            f'1;"{lines[0]}";news\n'
            f'2;"{lines[1]}\nsecond line";sport\n'
            f"3;{lines[2]}\n").encode("utf-8") + "4;Caf\u00e9 owner, Paris (Photo by Anne Dupont)\n".encode("cp1252")
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    whole = read_path(path)
    stream = open_stream(path, chunk_size=2)
    assert [row for chunk in stream.chunks for row in chunk] == whole.rows
    stream.finish()
    assert (stream.encoding, stream.warnings) == (whole.encoding, whole.warnings)


@pytest.mark.filterwarnings("ignore")
def test_dask_on_a_local_cluster_equals_one_machine(tmp_path):
    pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    import pandas as pd

    from captionclean.engine.dask import clean_files_dask

    rows = export_rows(150, seed=5)
    for i in (7, 60, 61):  # blank rows: counted apart from the captions (and as one text)
        rows[i][1] = "" if i != 60 else "  "
    parts = [write_csv(tmp_path / f"in{i}.csv", rows[i * 50:(i + 1) * 50]) for i in range(3)]
    whole = write_csv(tmp_path / "all.csv", rows)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        for keep in (False, True):
            options = Options(keep_duplicates=keep)
            expected_path = tmp_path / f"one_machine_{keep}.csv"
            summary_one = clean_to_path(whole, expected_path, options)
            out = tmp_path / f"dask_{keep}"
            summary = clean_files_dask(parts, out, options, scheduler=cluster.scheduler_address)
            got = pd.concat([pd.read_csv(p, dtype=str, keep_default_na=False) for p in sorted(out.glob("part-*.csv"))],
                            ignore_index=True)
            expected = pd.read_csv(expected_path, dtype=str, keep_default_na=False)
            pd.testing.assert_frame_equal(got, expected)
            for field in ("rows_read", "captions", "unique", "unique_captions", "duplicates_merged", "repairs",
                          "repaired_captions", "no_credit"):
                assert getattr(summary, field) == getattr(summary_one, field), field


def test_streamed_text_rows_equal_the_whole_file_reader(tmp_path):
    """Plain text streams too: every kind of line break, blank lines, a cp1252 line; a file
    holding PHOTOS anywhere is a gallery export and is read whole, by its rules."""
    lines = [ln for ln in (FIXTURES / "gallery_export.txt").read_text(encoding="utf-8").splitlines() if "Photo" in ln][:4]
    data = (f"{lines[0]}\r\n{lines[1]}\r\n  \n{lines[2]}\r{lines[3]}\n".encode("utf-8")
            + "Caf\u00e9 owner, Paris (Photo by Anne Dupont)\n".encode("cp1252") + lines[0].encode("utf-8"))
    path = tmp_path / "export.txt"
    path.write_bytes(data)
    whole = read_path(path)
    stream = open_stream(path, chunk_size=2)
    assert stream.size == len(data) and stream.bytes_read == 0  # streamed, not read ahead
    assert [row for chunk in stream.chunks for row in chunk] == whole.rows
    stream.finish()
    assert (stream.format, stream.encoding, stream.warnings) == (whole.format, whole.encoding, whole.warnings)
    assert stream.bytes_read == len(data)
    gallery = tmp_path / "gallery.txt"
    gallery.write_bytes((FIXTURES / "gallery_export.txt").read_bytes())
    assert open_stream(gallery).format == "gallery"
