"""The Dask engine: the same core (:mod:`captionclean.core`) over a ``dask.dataframe``, partition by
partition.

Each partition is parsed with :func:`captionclean.core.parse_texts` (``map_partitions``), repeats
are found across partitions by a shuffle on the 12-byte dedupe key and grouped by
:func:`captionclean.core.group_frame`, counted by :func:`captionclean.core.tally_frame` into the
one :class:`captionclean.core.Summary`, versions made by the core's version functions, and the
table is written as CSV or Parquet part files, in input order. Several inputs count as one export read in order: row
numbers (``source_rows``, ``duplicate_of``) run on from one file to the next. The result equals
the single-machine table of the concatenated inputs, row for row. Needs ``captionclean[dask]``.
"""
from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

from ..core import (COLUMNS, VERSION_COLUMNS, Options, Summary, complete_date, extra_name, group_frame,
                    marked_version, parse_texts, picture_row, single_version, tallied, tally_frame)
from ..read import ReadError, decode_lines, detect_format, pick_column
from ..repair import Vocabulary
from ..versions import Signatures
from ..versions import group as group_versions
from ..write import csv_cell


DASK_FORMATS = ("csv", "tsv", "jsonl")
_KIND = {"text": "a text or gallery export", "gallery": "a gallery export", "json": "a JSON array",
         "exiftool-json": "an exiftool -j export", "exiftool-csv": "an exiftool -csv export"}


def input_format(paths: list[str | Path], fmt: str | None = None) -> str:
    """The one format of ``paths`` the dask engine can read (CSV, TSV or JSON lines), known from their
    content as the local reader knows it; else a one-line ReadError, before any cluster starts."""
    names = [str(p) for p in paths]
    if not names:
        raise ReadError("no input files")
    found: dict[str, str] = {}
    for p in names:
        if not Path(p).is_file():
            raise ReadError(f"{p}: no such file")
        if fmt is None:
            with open(p, "rb") as f:
                head = f.read(65536)
            lines, _, _ = decode_lines(head.rsplit(b"\n", 1)[0] if b"\n" in head else head)
            found.setdefault(detect_format(p, lines), p)
    if fmt is None and len(found) > 1:
        raise ReadError(f"the dask engine reads inputs of one format; these are {', '.join(found)}")
    kind, name = (fmt, names[0]) if fmt else next(iter(found.items()))
    if kind not in DASK_FORMATS:
        raise ReadError(f"{name}: {_KIND.get(kind, kind)}; the dask engine reads CSV, TSV or JSON lines "
                        f"(use --engine local)")
    return kind


def read_frame(paths: list[str | Path], *, column: str | None = None, fmt: str | None = None):
    """The inputs as one dask DataFrame of strings, one partition per file, and the caption column."""
    import dask.dataframe as dd

    logging.getLogger("distributed.shuffle").setLevel(logging.ERROR)
    names = [str(p) for p in paths]
    fmt = input_format(names, fmt)
    if fmt == "jsonl":
        ddf = dd.read_json(names, lines=True, blocksize=None, dtype=False)
    elif fmt in ("csv", "tsv"):
        ddf = dd.read_csv(names, blocksize=None, dtype=str, keep_default_na=False,
                          sep="\t" if fmt == "tsv" else ",")
    return ddf, pick_column(list(ddf.columns), column, names[0])


def parse_partition(part: pd.DataFrame, column: str, offset: int, options: Options) -> pd.DataFrame:
    """One partition's rows parsed: output fields, passthrough columns, key and global row number."""
    texts = ["" if v is None or v != v else str(v) for v in part[column].tolist()]
    extras = [c for c in part.columns if c != column]
    distinct = list(dict.fromkeys(texts))  # a repeated text is parsed once per partition
    if len(distinct) < len(texts):
        by_text = dict(zip(distinct, parse_texts(distinct, options)))
        parsed = [by_text[t] for t in texts]
    else:
        parsed = parse_texts(texts, options)
    records = []
    for i, (text, (key, out, partial, n_repairs, sig)) in enumerate(zip(texts, parsed)):
        out = dict(out, gallery="")
        if partial and not out["date"]:
            complete_date(out, partial, None, options.year)
        out["_key"], out["_row"], out["_repairs"] = key.hex(), offset + i + 1, n_repairs
        out["_blank"] = not text.strip()
        if sig is not None:  # the versions signature, one column per part
            out.update({f"_s_{k}": getattr(sig, k) for k in _SIG})
        records.append(out)
    versions = options.versions != "off"
    frame = pd.DataFrame.from_records(records, columns=list(records[0]) if records else _meta_columns([], versions))
    for c in extras:
        frame[extra_name(c)] = part[c].tolist()
    return frame


_SIG = ("head", "next", "last", "credit", "date", "city", "city_name", "country", "photographer", "name", "agency",
        "rank")


def _meta_columns(extras: list[str], versions: bool = False) -> list[str]:
    from ..parse import FIELDS, LATE_FIELDS  # LATE_FIELDS: the table's last columns (ROW_TAIL)

    return (FIELDS + LATE_FIELDS + ["gallery", "_key", "_row", "_repairs", "_blank"]
            + ([f"_s_{k}" for k in _SIG] if versions else []) + [extra_name(c) for c in extras])


def _accented_words(part: pd.DataFrame, column: str) -> pd.Series:
    texts = ["" if v is None or v != v else str(v) for v in part[column].tolist()]
    return pd.Series(sorted(Vocabulary.from_texts(texts).words()), dtype=object)


def _with_export_vocabulary(ddf, column: str, options: Options) -> Options:
    """The export's vocabulary (accented words of every partition), as the one-machine run builds it."""
    from dataclasses import replace

    if not options.repair or not options.export_vocabulary or options.vocabulary is not None:
        return options
    words = ddf.map_partitions(_accented_words, column, meta=(None, object)).compute().tolist()
    return replace(options, vocabulary=Vocabulary(words))


def clean_frame(ddf, column: str, options: Options | None = None):
    """The tidy table as a dask DataFrame, sorted by input row, plus the helper columns for the summary."""
    options = _with_export_vocabulary(ddf, column, options or Options())
    lengths = ddf.map_partitions(len).compute().tolist()
    offsets = [sum(lengths[:i]) for i in range(len(lengths))]
    extras = [c for c in ddf.columns if c != column]
    sample = parse_partition(ddf._meta.iloc[:0].copy(), column, 0, options)
    versions = options.versions != "off"
    meta = sample.reindex(columns=_meta_columns(extras, versions)).astype(
        {"date_inferred": bool, "_row": "int64", "_repairs": "int64", "_blank": bool,
         **({f"_s_{k}": "int64" for k in _SIG} if versions else {})})
    parts = [ddf.partitions[i].map_partitions(parse_partition, column, offsets[i], options, meta=meta)
             for i in range(ddf.npartitions)]
    import dask.dataframe as dd

    parsed = dd.concat(parts) if len(parts) > 1 else parts[0]
    shuffled = parsed.shuffle("_key", npartitions=max(1, ddf.npartitions))
    gmeta = group_frame(meta, options.keep_duplicates)
    grouped = shuffled.map_partitions(group_frame, options.keep_duplicates, meta=gmeta)
    return grouped.sort_values("_row"), [extra_name(c) for c in extras]


def clean_files_dask(paths: list[str | Path], output: str | Path | None, options: Options | None = None, *,
                     column: str | None = None, fmt: str | None = None, scheduler: str | None = None,
                     formula_guard: bool = True) -> Summary:
    """Clean ``paths`` on a Dask cluster into part files in the folder ``output``; the run's
    :class:`Summary`, as the local engine reports it.

    ``output`` ending in ``.parquet`` gives Parquet parts, else CSV parts (``part-000.csv``…, in
    order). ``scheduler`` is a running scheduler's address; by default a local cluster of processes.
    """
    from distributed import Client, LocalCluster, wait

    if output is None or str(output) == "-":
        raise ValueError("the dask engine writes part files: give a folder with -o")
    options = options or Options()
    out = Path(output)
    fmt = input_format(paths, fmt)  # an input it cannot read: one line, before a cluster starts
    cluster = None if scheduler else LocalCluster(processes=True, threads_per_worker=1)
    with Client(scheduler or cluster) as client:  # noqa: F841 - the client is the default scheduler
        ddf, column = read_frame(paths, column=column, fmt=fmt)
        table, extras = clean_frame(ddf, column, options)
        table = table.persist()
        # let the scheduler finish building the graph before this thread builds another: on
        # Python 3.11 two threads working out dask expressions at once can deadlock
        # (functools.cached_property holds one lock per attribute for all instances)
        wait(table)
        keep = options.keep_duplicates
        counts = table.map_partitions(tally_frame, keep, meta=tally_frame(table._meta, keep)).sum().compute()
        summary = tallied(counts.to_dict(), keep=keep, format=fmt, encoding="utf-8", files=len(paths),
                          written_format="parquet parts" if out.suffix == ".parquet" else "csv parts")
        if options.versions_mode != "off":
            table = _with_versions(table, options, summary)
        cols = (extras + COLUMNS + (["duplicate_of"] if keep else [])
                + VERSION_COLUMNS.get(options.versions_mode, []))
        final = table[cols]
        summary.doubtful = int((final["doubt"] != "").sum().compute())
        if options.only_doubtful:
            summary.left_out = summary.rows_read - summary.merged - summary.versions_grouped - summary.doubtful
            final = final[final["doubt"] != ""]
        if out.suffix == ".parquet":
            final.to_parquet(str(out), write_index=False)
        else:
            out.mkdir(parents=True, exist_ok=True)
            final = final.map_partitions(_csv_cells, formula_guard, meta=final._meta)
            final.to_csv(str(out / "part-*.csv"), index=False, name_function=lambda i: f"{i:03d}",
                         lineterminator="\n")
    if cluster is not None:
        cluster.close()
    return summary


def _with_versions(table, options: Options, summary: Summary):
    """The versions of the table's pictures (captionclean.versions), found as on one machine: the
    signatures of the distinct captions come to the client (a few integers each), the candidates'
    rows too; each partition then gets its rows' version columns (and loses the folded versions)."""
    sig_cols = [f"_s_{k}" for k in _SIG]
    firsts = table[table["_counted"]] if not options.keep_duplicates else table[table["duplicate_of"] == ""]
    narrow = firsts[["_row", "_key", "occurrences"] + sig_cols].compute().sort_values("_row", kind="stable")
    sigs = Signatures()
    for k in Signatures.KEYS + Signatures.FIELDS:
        sigs.arrays[k].extend(narrow[f"_s_{k}"].tolist())
    sigs.rank.extend(narrow["_s_rank"].tolist())
    order = narrow["_row"].tolist()
    keys = narrow["_key"].tolist()
    fields = [c for c in table.columns if not c.startswith("_s_")]

    def fetch(wanted):
        """The candidates' rows, in order (computed on the cluster, brought to the client)."""
        want = {order[i] for i in wanted.nonzero()[0].tolist()}
        got = firsts[firsts["_row"].isin(want)][fields].compute().sort_values("_row", kind="stable")
        index = {r: i for i, r in enumerate(order)}
        for rec in got.to_dict("records"):
            rows[index[rec["_row"]]] = rec
            yield index[rec["_row"]], rec

    rows: dict[int, dict] = {}
    grouping = group_versions(sigs, fetch, order)
    folded = sum(len(g.members) - 1 for g in grouping.groups)
    mode = options.versions_mode
    patch: dict[str, dict] = {}  # by dedupe key: the version columns (and a replacement row, or a drop)
    if mode == "group":
        summary.versions_grouped = folded
        members = {}
        if grouping.groups:
            wanted = [order[i] for g in grouping.groups for i in g.members]
            src = firsts[firsts["_row"].isin(set(wanted))][["_row", "source_rows"]].compute()
            members = dict(zip(src["_row"], src["source_rows"]))
        for g in grouping.groups:
            chosen = picture_row(dict(rows[g.chosen]), g, order, rows,
                                 int(narrow["occurrences"].iloc[g.members].sum()),
                                 [members[order[m]] for m in g.members])
            chosen["_row"] = order[g.members[0]]
            patch[keys[g.members[0]]] = chosen
            for m in g.members[1:]:
                patch[keys[m]] = None
    else:
        summary.versions_marked = folded
        for g in grouping.groups:
            for m in g.members:
                patch[keys[m]] = marked_version(g, m, order, rows)
    extra = VERSION_COLUMNS[mode]
    meta = table._meta.assign(**{c: pd.Series(dtype="int64" if c == "versions" else object) for c in extra})
    return table.map_partitions(_apply_versions, patch, mode, meta=meta)


def _apply_versions(part: pd.DataFrame, patch: dict, mode: str) -> pd.DataFrame:
    """One partition's version columns; in ``group`` mode its folded versions dropped, and each
    picture's row replaced by its chosen version."""
    records = []
    for rec in part.to_dict("records"):
        p = patch.get(rec["_key"], False)
        if p is None:
            continue
        if p is False:
            rec.update(single_version(mode, rec["_row"]))
        elif mode == "group":
            rec = {**rec, **{k: v for k, v in p.items() if k in rec or k in VERSION_COLUMNS[mode]}}
        else:
            rec.update(p)
        records.append(rec)
    columns = list(part.columns) + VERSION_COLUMNS[mode]
    out = pd.DataFrame.from_records(records, columns=columns) if records else pd.DataFrame(columns=columns)
    return out.astype(part.dtypes.to_dict()).astype({"versions": "int64"})


def _csv_cells(part: pd.DataFrame, guard: bool = True) -> pd.DataFrame:
    """Text cells as every CSV writer of captionclean writes them (formula guard, LF breaks)."""
    part = part.copy()
    for c in part.columns:
        if part[c].dtype == object or str(part[c].dtype).startswith("string"):
            part[c] = part[c].map(lambda v: csv_cell(v, guard))
    return part
