"""Reading the gallery export: galleries, captions, chrome and article prose."""
import regex

from captionclean.read import read_bytes, read_path

from conftest import FIXTURES

EXPORT = FIXTURES / "gallery_export.txt"
CHROME = {"HIDE CAPTION", "SHOW CAPTION", "of", "SEE ALL", "BACK TO SLIDE", "See Gallery"}


def _photo_lines():
    lines = EXPORT.read_text(encoding="utf-8").splitlines()
    return [(i, int(m[1])) for i, ln in enumerate(lines) if (m := regex.match(r"^(\d+) PHOTOS$", ln))], lines


def test_every_gallery_found_with_its_title_and_count():
    marks, lines = _photo_lines()
    result = read_path(EXPORT)
    assert result.format == "gallery"
    assert [g["expected"] for g in result.galleries.values()] == [n for _, n in marks]
    assert list(result.galleries) == [lines[i + 1] for i, _ in marks]
    for g in result.galleries.values():
        assert g["found"] == g["expected"]
    assert not result.warnings


def test_captions_are_the_lines_between_title_and_chrome():
    result = read_path(EXPORT)
    lines = EXPORT.read_text(encoding="utf-8").splitlines()
    for row in result.rows:
        assert lines[row.source_row - 1].strip() == row.text
        assert row.text not in CHROME
        assert row.gallery in result.galleries
    # article prose (the quote with a real question mark) is not a caption
    assert not any("Can you believe this prejudice" in r.text for r in result.rows)
    assert len(result.rows) == sum(g["expected"] for g in result.galleries.values())


def test_count_mismatch_is_a_warning_not_an_error():
    text = EXPORT.read_text(encoding="utf-8").replace("18 PHOTOS", "19 PHOTOS")
    result = read_bytes(text.encode(), name="export.txt")
    assert any("says 19 photos but has 18" in w for w in result.warnings)
    assert len(result.rows) == 46


def test_text_without_gallery_markers_is_one_caption_per_line():
    data = b"First caption. REUTERS/Jose Cabezas\n\n  Second caption (Photo by Zach Gibson/Getty Images)\n"
    result = read_bytes(data, name="plain.txt")
    assert [(r.text[:6], r.source_row) for r in result.rows] == [("First ", 1), ("Second", 3)]
    assert result.format == "text"


def test_cp1252_line_falls_back_and_is_recorded():
    good = "Sessions’ comments (Photo by Zach Gibson/Getty Images)".encode()
    bad = "Bogotá, Colombia. REUTERS/John Vizcaino".encode("cp1252")
    result = read_bytes(good + b"\n" + bad + b"\n", name="mixed.txt")
    assert result.rows[1].text.startswith("Bogotá")
    assert [r.rule for r in result.rows[1].repairs] == ["decode_cp1252"]
    assert not result.rows[0].repairs


def test_bom_is_dropped():
    result = read_bytes(b"\xef\xbb\xbfA caption. REUTERS/Kevin Lamarque\n", name="bom.txt")
    assert result.rows[0].text.startswith("A caption")
