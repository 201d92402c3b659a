"""Readers: every input format from a real fixture, encodings, and the error paths."""
import io
import json
import shutil

import pytest

from captionclean.read import ReadError, decode_lines, read_bytes, read_inputs, read_path
from conftest import FIXTURES, case_params


@pytest.mark.parametrize("case", case_params("formats.json"))
def test_fixture_format(case):
    result = read_path(FIXTURES / case["file"])
    assert result.format == case["format"]
    assert result.encoding == case["encoding"]
    assert len(result.rows) == case["rows"]
    for column in case["passthrough"]:
        assert any(column in row.extra for row in result.rows)
    if "contains" in case:
        assert any(case["contains"] in row.text for row in result.rows)


def test_tsv_passthrough_keeps_order_and_values():
    rows = read_path(FIXTURES / "captions_extra.tsv").rows
    assert list(rows[0].extra) == ["id", "desk", "notes", "received"]
    assert rows[2].extra["notes"].startswith("=HYPERLINK(")


def test_exiftool_caption_from_whichever_tag_the_image_has():
    rows = {r.extra["SourceFile"]: r for r in read_path(FIXTURES / "exiftool_g1.json").rows}
    assert rows["photos/img_03.jpg"].text.startswith("Participants enjoy")
    assert not rows["photos/img_03.jpg"].text.endswith("\r")
    assert rows["photos/img_01.jpg"].text.startswith("WASHINGTON, DC - MAY 13:")
    assert rows["photos/img_04.jpg"].text == ""
    assert rows["photos/img_04.jpg"].warnings


def test_mixed_encoding_rows_record_the_fallback():
    rows = read_path(FIXTURES / "mixed_encoding.txt").rows
    fell = [any(r.rule == "decode_cp1252" for r in row.repairs) for row in rows]
    assert fell == [False, True, False, True]
    assert "“Color Me Run”" in rows[3].text


@pytest.mark.parametrize("encoding,expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("cp1252", "cp1252")])
def test_encodings(encoding, expected):
    text = "caption\nPrince Harry and Meghan in St Paul’s Cathedral – London\n"
    lines, _, used = decode_lines(text.encode(encoding))
    assert used == expected
    assert lines[1] == "Prince Harry and Meghan in St Paul’s Cathedral – London"


@pytest.mark.parametrize("delimiter", [",", ";", "|", "\t"])
def test_csv_any_delimiter(delimiter):
    caption = "WASHINGTON, DC - MAY 13: Officers hold candles; a vigil | (Photo by Zach Gibson/Getty Images)"
    data = f'id{delimiter}Caption-Abstract\n1{delimiter}"{caption}"\n'.encode()
    result = read_bytes(data, name="x.csv")
    assert [r.text for r in result.rows] == [caption]
    assert result.rows[0].extra == {"id": "1"}


def test_csv_column_option_and_usual_names_any_case():
    data = b"ID,IMAGEDESCRIPTION,notes\n7,A caption. REUTERS/Kevin Lamarque,x\n"
    assert read_bytes(data, name="a.csv").rows[0].text == "A caption. REUTERS/Kevin Lamarque"
    assert read_bytes(data, name="a.csv", column="notes").rows[0].text == "x"


def test_csv_without_the_column_lists_the_columns():
    with pytest.raises(ReadError, match=r"no caption column found.*the columns are: id, notes"):
        read_bytes(b"id,notes\n1,x\n", name="a.csv")
    with pytest.raises(ReadError, match=r"no column 'caption_text'; the columns are: id, notes"):
        read_bytes(b"id,notes\n1,x\n", name="a.csv", column="caption_text")


def test_ragged_csv_row_is_kept_with_a_warning():
    result = read_bytes(b"id,caption,desk\n1,First caption. REUTERS/A B\n2,Second. REUTERS/C D,metro\n", name="a.csv")
    assert len(result.rows) == 2
    assert result.rows[0].warnings and result.rows[0].warnings[0].startswith("ragged_row")
    assert result.rows[1].warnings == []


def test_malformed_json_line_gives_its_line_number():
    data = b'{"text": "one"}\n{"text": "two"\n'
    with pytest.raises(ReadError, match=r"line 2 is not valid JSON"):
        read_bytes(data, name="a.jsonl")


def test_json_record_not_an_object_is_kept_with_a_warning():
    result = read_bytes(b'{"text": "one"}\n["two"]\n', name="a.jsonl")
    assert len(result.rows) == 2 and result.rows[1].warnings[0].startswith("bad_row")


def test_binary_file_is_an_error():
    with pytest.raises(ReadError, match="binary"):
        read_path(FIXTURES / "tiny.jpg")


def test_missing_file_and_empty_folder(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read_inputs([tmp_path / "nope.csv"])
    (tmp_path / "a.bin").write_bytes((FIXTURES / "tiny.jpg").read_bytes())
    with pytest.raises(ReadError, match="no caption files"):
        read_inputs([tmp_path])


def test_several_files_get_a_source_file_column(tmp_path):
    result = read_inputs([FIXTURES / "captions_extra.tsv", FIXTURES / "captions.json"])
    assert len(result.rows) == 7
    assert {r.extra["source_file"] for r in result.rows} == {
        str(FIXTURES / "captions_extra.tsv"), str(FIXTURES / "captions.json")}
    assert list(result.rows[0].extra)[0] == "source_file"


def test_folder_reads_every_caption_file_and_picture():
    result = read_inputs([FIXTURES])
    names = [name for name, *_ in result.files]
    assert len([n for n in names if n != "1 pictures"]) == 7
    if shutil.which("exiftool"):  # fixtures/tiny.jpg, read through exiftool: a row with no caption
        assert "1 pictures" in names and not any("pictures" in w for w in result.warnings)
    else:
        assert any("skipped 1 pictures: exiftool is not installed" in w for w in result.warnings)


def test_stdin():
    data = json.dumps({"text": "A caption. REUTERS/Kevin Lamarque"}).encode() + b"\n"
    result = read_inputs(["-"], stdin=io.BytesIO(data))
    assert result.format == "jsonl" and result.rows[0].text == "A caption. REUTERS/Kevin Lamarque"


def test_content_detection_without_extension():
    data = (FIXTURES / "captions_extra.tsv").read_bytes()
    assert read_bytes(data, name="<stdin>").format == "tsv"
    data = (FIXTURES / "exiftool.csv").read_bytes()
    assert read_bytes(data, name="<stdin>").format == "exiftool-csv"


def test_unknown_input_format():
    with pytest.raises(ReadError, match="unknown input format"):
        read_bytes(b"x", fmt="xml")


def test_progress_is_told_as_chunks_finish():
    from captionclean.engine.local import clean_inputs

    seen = []
    result = clean_inputs([FIXTURES / "gallery_export.txt"], progress=lambda n, total: seen.append((n, total)),
                          chunk_size=10)
    assert seen == [(10, 46), (20, 46), (30, 46), (40, 46), (46, 46)]
    assert result.summary.written + result.summary.merged == result.summary.rows_read


def test_pictures_are_skipped_with_a_warning_when_exiftool_is_missing(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("A caption. REUTERS/Kevin Lamarque\n", encoding="utf-8")
    (tmp_path / "b.jpg").write_bytes((FIXTURES / "tiny.jpg").read_bytes())
    monkeypatch.setenv("PATH", "")
    monkeypatch.delenv("CAPTIONCLEAN_EXIFTOOL", raising=False)
    result = read_inputs([tmp_path])
    assert [r.text for r in result.rows] == ["A caption. REUTERS/Kevin Lamarque"]
    assert any("skipped 1 pictures: exiftool is not installed" in w for w in result.warnings)
    with pytest.raises(ReadError, match="exiftool is not installed: install it with"):
        read_inputs([tmp_path / "b.jpg"])
