"""Writers: every output format, round trips, the formula guard, the atomic write."""
import json
import os
import stat

import pandas as pd
import pytest
from hypothesis import given, strategies as st

from captionclean import write as write_mod
from captionclean.core import Options
from captionclean.engine.local import clean_rows, clean_to_path
from captionclean.iptc import check_embedded, iptc_table, too_long
from captionclean.read import read_path
from captionclean.write import WriteError, neutralise, output_format, write_table
from conftest import FIXTURES


@pytest.fixture(scope="module")
def table():
    read = read_path(FIXTURES / "captions_extra.tsv")
    return clean_rows(read.rows, Options()).table


@pytest.mark.parametrize("suffix,fmt", [(".csv", "csv"), (".tsv", "tsv"), (".jsonl", "jsonl"),
                                        (".parquet", "parquet"), (".xlsx", "xlsx"), (".out", "csv")])
def test_format_from_extension(suffix, fmt):
    assert output_format(f"captions{suffix}") == fmt


def test_unknown_output_format():
    with pytest.raises(WriteError, match="unknown output format 'xml'"):
        output_format("a.csv", "xml")


def _read_back(path, fmt):
    if fmt == "csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    if fmt == "tsv":
        return pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    if fmt == "jsonl":
        return pd.read_json(path, lines=True, dtype=False)
    if fmt == "parquet":
        return pd.read_parquet(path)
    back = pd.read_excel(path, dtype=str, keep_default_na=False)
    back["date"] = back["date"].str.replace(" 00:00:00", "", regex=False)  # whole dates are date cells
    return back


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "parquet", "xlsx"])
def test_round_trip(tmp_path, table, fmt):
    path = tmp_path / f"out.{fmt}"
    write_table(table, path)
    back = _read_back(path, fmt)
    assert list(back.columns) == list(table.columns)
    assert len(back) == len(table)
    for column in ("id", "caption", "city", "photographer", "credit", "date"):
        assert back[column].astype(str).tolist() == table[column].astype(str).tolist()


def test_csv_round_trip_reads_back_as_the_same_table(tmp_path, table):
    path = tmp_path / "out.csv"
    write_table(table, path)
    again = clean_rows(read_path(path, column="caption").rows, Options()).table
    assert again["caption"].tolist() == table["caption"].tolist()
    assert again["credit"].tolist() == table["credit"].tolist()


def test_excel_bom(tmp_path, table):
    write_table(table, tmp_path / "a.csv", excel=True)
    write_table(table, tmp_path / "b.csv")
    assert (tmp_path / "a.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert not (tmp_path / "b.csv").read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://example.com\",\"x\")", "+1", "-2+3", "@SUM(A1)",
                                  "\t=1", "\r=1"])
def test_formula_cells_are_neutralised(cell):
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_guard_in_csv_and_tsv(tmp_path, table, fmt):
    path = tmp_path / f"out.{fmt}"
    write_table(table, path)
    notes = _read_back(path, fmt)["notes"].tolist()
    assert "'=HYPERLINK(\"http://example.com\",\"x\")" in notes
    assert not any(n.startswith("=") for n in notes)


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_guard_can_be_switched_off(tmp_path, table, fmt):
    path = tmp_path / f"out.{fmt}"
    write_table(table, path, guard=False)
    assert "=HYPERLINK(\"http://example.com\",\"x\")" in _read_back(path, fmt)["notes"].tolist()


FORMULA_CELLS = ["=1+1", "-5 degrees in Moscow", "+1 for the home side", "@realDonaldTrump", "=HYPERLINK(\"x\")"]


def test_xlsx_keeps_formula_like_text_as_text_cells(tmp_path):
    """No ' shown in Excel, and nothing run: every such cell is a text cell holding the exact text."""
    import openpyxl

    path = tmp_path / "out.xlsx"
    write_table(pd.DataFrame({"caption": FORMULA_CELLS, "n": range(len(FORMULA_CELLS))}), path)
    sheet = openpyxl.load_workbook(path).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells] == FORMULA_CELLS
    assert {c.data_type for c in cells} == {"s"}
    assert [row[1].value for row in sheet.iter_rows(min_row=2)] == list(range(len(FORMULA_CELLS)))


def test_jsonl_keeps_values_as_they_are(tmp_path, table):
    write_table(table, tmp_path / "out.jsonl")
    rows = [json.loads(ln) for ln in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows[2]["notes"] == "=HYPERLINK(\"http://example.com\",\"x\")"


@given(st.text())
def test_neutralised_cells_never_start_a_formula(text):
    out = neutralise(text)
    assert not out.startswith(write_mod.FORMULA_START)
    assert out in (text, "'" + text)


def test_atomic_write_leaves_the_old_file_when_interrupted(tmp_path, table, monkeypatch):
    path = tmp_path / "out.csv"
    path.write_text("the previous table\n", encoding="utf-8")

    def broken(tmp):
        with open(tmp, "w", encoding="utf-8") as f:
            f.write("half a tab")
        raise OSError(28, "No space left on device")
    with pytest.raises(WriteError, match="No space left on device"):
        write_mod.write_atomic(path, broken)
    assert path.read_text(encoding="utf-8") == "the previous table\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_write_into_missing_folder(tmp_path, table):
    with pytest.raises(WriteError, match="does not exist"):
        write_table(table, tmp_path / "nope" / "out.csv")


@pytest.mark.parametrize("fmt,module", [("parquet", "pyarrow"), ("xlsx", "openpyxl")])
def test_missing_extra_has_a_clear_message(tmp_path, table, monkeypatch, fmt, module):
    real_import = __import__

    def fake_import(name, *args, **kwargs):
        if name == module:
            raise ImportError(name)
        return real_import(name, *args, **kwargs)
    monkeypatch.setattr("builtins.__import__", fake_import)
    with pytest.raises(WriteError, match=rf"needs {module}: pip install 'captionclean\[{fmt}\]'"):
        write_table(table, tmp_path / f"out.{fmt}")


def test_binary_formats_need_a_file(table):
    with pytest.raises(WriteError, match="give a file with -o"):
        write_table(table, None, fmt="parquet")


def test_iptc_table_names_columns_by_tag():
    read = read_path(FIXTURES / "exiftool_g1.json")
    table = clean_rows(read.rows, Options(keep_duplicates=True)).table
    out, warnings = iptc_table(table)
    assert list(out.columns[:4]) == ["SourceFile", "IPTC:Caption-Abstract", "XMP-dc:Description", "IPTC:By-line"]
    assert "IPTC:City" in out and "caption" not in out and "occurrences" not in out
    assert out["SourceFile"].tolist() == table["SourceFile"].tolist()
    assert warnings == []


def test_values_over_the_iim_limit_are_counted():
    table = pd.DataFrame({"city": ["Washington", "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"],
                          "photographer": ["Zach Gibson; Win McNamee", "A" * 33]})
    assert too_long(table) == {"IPTC:City (32 bytes)": 1, "IPTC:By-line (32 bytes)": 1}


_CELL = st.text(st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\t\n\r"), max_size=40)


@given(st.lists(st.tuples(_CELL.filter(lambda s: s.strip()), _CELL), min_size=1, max_size=5))
def test_csv_text_round_trip(records):
    """Whatever the text, a CSV written without the guard reads back cell for cell."""
    from captionclean.read import read_bytes
    from captionclean.write import table_to_csv

    table = pd.DataFrame.from_records(records, columns=["caption", "notes"])
    back = read_bytes(table_to_csv(table, guard=False).encode("utf-8"), name="t.csv", column="caption")
    assert [(r.text, r.extra["notes"]) for r in back.rows] == [
        (c.replace("\r\n", "\n").replace("\r", "\n"), n.replace("\r\n", "\n").replace("\r", "\n")) for c, n in records]


@pytest.fixture
def umask():
    """Set the process umask for one test and restore it after."""
    old = os.umask(0o022)
    os.umask(old)

    def set_(mask):
        os.umask(mask)
    yield set_
    os.umask(old)


UMASK_MODES = [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)]


@pytest.mark.parametrize("mask,mode", UMASK_MODES)
@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "parquet", "xlsx"])
def test_new_files_get_the_mode_open_would_give(tmp_path, table, umask, fmt, mask, mode):
    """The temporary file's 0600 does not survive the rename: a table is as readable as open() makes it."""
    umask(mask)
    path = tmp_path / f"out.{fmt}"
    write_table(table, path)
    assert stat.S_IMODE(path.stat().st_mode) == mode
    with open(tmp_path / "by_open", "w"):
        pass
    assert stat.S_IMODE((tmp_path / "by_open").stat().st_mode) == mode


@pytest.mark.parametrize("mask,mode", UMASK_MODES)
def test_streamed_csv_gets_the_mode_open_would_give(tmp_path, umask, mask, mode):
    umask(mask)
    path = tmp_path / "out.csv"
    clean_to_path(FIXTURES / "captions_extra.tsv", path)
    assert stat.S_IMODE(path.stat().st_mode) == mode


def test_an_existing_file_keeps_its_mode(tmp_path, table, umask):
    """As open() would: rewriting a table a colleague made group-writable leaves it so."""
    umask(0o077)
    path = tmp_path / "out.csv"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o664)
    write_table(table, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o664
    clean_to_path(FIXTURES / "captions_extra.tsv", path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o664


@pytest.mark.parametrize("byline", ["STR", "HO", "Handout", "Staff", "stringer", "POOL", "-", "STR; HO"])
def test_a_placeholder_byline_disagrees_with_nothing(byline):
    table = pd.DataFrame({"IPTC:By-line": [byline], "photographer": ["Zach Gibson"], "warnings": [""]})
    assert check_embedded(table) == {}
    assert table["warnings"].tolist() == [""]


@pytest.mark.parametrize("byline", ["Jane Roe", "STR; Jane Roe"])
def test_a_named_byline_that_differs_is_a_disagreement(byline):
    table = pd.DataFrame({"IPTC:By-line": [byline], "photographer": ["Zach Gibson"], "warnings": [""]})
    assert check_embedded(table) == {"IPTC:By-line": 1}
    assert table["warnings"][0].startswith("embedded_disagrees: IPTC:By-line")


def test_iptc_table_carries_the_warnings_last():
    read = read_path(FIXTURES / "exiftool_g1.json")
    table = clean_rows(read.rows, Options(keep_duplicates=True)).table
    check_embedded(table)
    out, _ = iptc_table(table)
    assert out.columns[-1] == "warnings"
    row = out[out["SourceFile"] == "photos/img_02.jpg"].iloc[0]
    assert "embedded_disagrees: IPTC:City 'New York' in the file, city 'Washington' in the caption" in row["warnings"]


def test_xlsx_is_ready_to_work_in(tmp_path):
    """Whole dates are date cells (a month or a year alone stays text), the header is frozen and
    bold, an autofilter covers the table, and columns have widths from their contents."""
    import datetime

    import openpyxl
    import pandas as pd

    from captionclean.write import XLSX_MAX_WIDTH, write_table

    table = pd.DataFrame({"caption": ["A long caption " * 20, "Short.", "=1+1"],
                          "date": ["2018-05-13", "2018-05", "2018"], "city": ["Washington", "", "Oslo"]})
    write_table(table, tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:C4"
    assert sheet["A1"].font.b
    assert sheet["B2"].value == datetime.datetime(2018, 5, 13) and sheet["B2"].number_format == "yyyy-mm-dd"
    assert (sheet["B3"].value, sheet["B4"].value) == ("2018-05", "2018")
    assert sheet["A4"].value == "=1+1" and sheet["A4"].data_type == "s"
    assert sheet.column_dimensions["A"].width == XLSX_MAX_WIDTH
    assert 8 <= sheet.column_dimensions["C"].width < XLSX_MAX_WIDTH
