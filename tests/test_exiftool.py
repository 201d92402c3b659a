"""End to end with the real exiftool: captions into JPEGs, out with -j -G1, cleaned, back with -csv=.

Needs exiftool (Debian's libimage-exiftool-perl; .ci/run installs it). Skipped without
it on a developer machine, but never in CI (CI=true), where a missing exiftool fails.
"""
import json
import os
import shutil
import subprocess
import sys

import pytest

from captionclean.parse import parse_caption
from conftest import FIXTURES

EXIFTOOL = shutil.which("exiftool")
if EXIFTOOL is None and not os.environ.get("CI"):
    pytest.skip("exiftool is not installed", allow_module_level=True)

# real captions: the gallery export (Getty, damaged Reuters) and an EPA one from dev d0099
CAPTIONS = {
    "getty.jpg": "WASHINGTON, DC - MAY 13: U.S. Attorney General Jeff Sessions delivers remarks during a "
                 "candlelight vigil marking National Police Week on May 13, 2018 in Washington, D.C. "
                 "(Photo by Zach Gibson/Getty Images)",
    "reuters.jpg": "A police officer from Arizona salutes at the 37th Annual National Peace Officers? Memorial "
                   "Service at the U.S. Capitol in Washington, U.S., May 15, 2018. REUTERS/Kevin Lamarque",
    "epa.jpg": "Participants enjoy the “Color Me Run” festival in Hanoi, Vietnam, 28 May 2016. The festival "
               "which was inspired by the Holi Festival from India, attracted thousands of teenagers this "
               "year. (Photo by Luong Thai Linh/EPA)",
}


def run(args, cwd):
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_round_trip_through_exiftool(tmp_path):
    assert EXIFTOOL, "exiftool is required in CI"
    photos = tmp_path / "photos"
    photos.mkdir()
    for name, caption in CAPTIONS.items():
        shutil.copy(FIXTURES / "tiny.jpg", photos / name)
        run([EXIFTOOL, "-q", "-overwrite_original", "-codedcharacterset=utf8",
             f"-IPTC:Caption-Abstract={caption}", str(photos / name)], tmp_path)
    (tmp_path / "photos.json").write_text(run([EXIFTOOL, "-j", "-G1", "photos"], tmp_path), encoding="utf-8")

    run([sys.executable, "-m", "captionclean", "clean", "photos.json", "--iptc", "-o", "captions.csv"], tmp_path)
    run([EXIFTOOL, "-q", "-overwrite_original", "-csv=captions.csv", "-sep", "; ", "-codedcharacterset=utf8",
         "photos"], tmp_path)

    after = {os.path.basename(r["SourceFile"]): r
             for r in json.loads(run([EXIFTOOL, "-j", "-a", "-G1", "-IPTC:all", "-XMP:all", "photos"], tmp_path))}
    assert set(after) == set(CAPTIONS)
    for name, caption in CAPTIONS.items():
        rec, got = parse_caption(caption), after[name]
        assert rec.photographer and rec.credit and rec.date  # the grammar found them
        assert got["IPTC:By-line"] == rec.photographer
        assert got["IPTC:Credit"] == rec.credit
        assert got["IPTC:Source"] == rec.agency
        assert got["IPTC:City"] == rec.city
        assert got["IPTC:Country-PrimaryLocationName"] == rec.country
        assert got["IPTC:DateCreated"] == rec.date.replace("-", ":")
        assert got["IPTC:Caption-Abstract"] == rec.caption
        assert len(got["IPTC:Country-PrimaryLocationCode"]) == 3 and got["XMP-iptcCore:CountryCode"] == rec.country_code
        assert got["XMP-dc:Description"] == rec.caption
    # the repaired text went back, not the damaged one
    assert "Officers’ Memorial" in after["reuters.jpg"]["IPTC:Caption-Abstract"]
    assert after["getty.jpg"]["IPTC:City"] == "Washington"
    assert after["epa.jpg"]["IPTC:DateCreated"] == "2016:05:28"


def test_disagreeing_file_fields_are_warned(tmp_path):
    assert EXIFTOOL, "exiftool is required in CI"
    shutil.copy(FIXTURES / "tiny.jpg", tmp_path / "a.jpg")
    run([EXIFTOOL, "-q", "-overwrite_original", "-codedcharacterset=utf8",
         f"-IPTC:Caption-Abstract={CAPTIONS['getty.jpg']}", "-IPTC:City=Baltimore",
         "-IPTC:By-line=Zach Gibson", "a.jpg"], tmp_path)
    (tmp_path / "a.json").write_text(run([EXIFTOOL, "-j", "-G1", "a.jpg"], tmp_path), encoding="utf-8")
    run([sys.executable, "-m", "captionclean", "clean", "a.json", "-o", "out.jsonl"], tmp_path)
    row = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert row["city"] == "Washington" and row["IPTC:City"] == "Baltimore"
    assert "embedded_disagrees: IPTC:City 'Baltimore'" in row["warnings"]
    assert "By-line" not in row["warnings"]


# captions a spreadsheet would take for formulas: the exiftool table must carry them exactly
FORMULA_LIKE = {
    "minus.jpg": "-5 degrees in Moscow as people walk in Red Square, Russia, January 9, 2024. "
                 "REUTERS/Maxim Shemetov",
    "plus.jpg": "+1 for the home side as fans celebrate in London, Britain, May 2, 2019. REUTERS/Toby Melville",
    "equals.jpg": "=Sign of the times: a man walks past a shop in London, Britain, May 2, 2019. "
                  "REUTERS/Toby Melville",
    "at.jpg": "@realDonaldTrump is projected on a screen at a rally in Miami, Florida, U.S., May 2, 2019. "
              "REUTERS/Joe Skipper",
}


def test_formula_like_captions_go_back_exactly(tmp_path):
    """The README's round trip (clean --iptc, exiftool -csv=) writes back the caption as it was:
    no formula guard ' in the IPTC or XMP of the image."""
    assert EXIFTOOL, "exiftool is required in CI"
    photos = tmp_path / "photos"
    photos.mkdir()
    for name, caption in FORMULA_LIKE.items():
        shutil.copy(FIXTURES / "tiny.jpg", photos / name)
        run([EXIFTOOL, "-q", "-overwrite_original", "-codedcharacterset=utf8",
             f"-IPTC:Caption-Abstract={caption}", str(photos / name)], tmp_path)
    (tmp_path / "photos.json").write_text(run([EXIFTOOL, "-j", "-G1", "photos"], tmp_path), encoding="utf-8")
    run([sys.executable, "-m", "captionclean", "clean", "photos.json", "--iptc", "-o", "t.csv"], tmp_path)
    run([EXIFTOOL, "-q", "-overwrite_original", "-csv=t.csv", "-sep", "; ", "-codedcharacterset=utf8",
         "photos"], tmp_path)
    after = {os.path.basename(r["SourceFile"]): r
             for r in json.loads(run([EXIFTOOL, "-j", "-a", "-G1", "-IPTC:all", "-XMP:all", "photos"], tmp_path))}
    for name, caption in FORMULA_LIKE.items():
        assert after[name]["IPTC:Caption-Abstract"] == caption
        assert after[name]["XMP-dc:Description"] == caption


def test_iptc_table_shows_disagreements_and_exiftool_ignores_them(tmp_path):
    """--iptc: what the file said is in the table's warnings before it is overwritten; a
    placeholder By-line (STR) is no disagreement; exiftool -csv= takes the table as it is."""
    assert EXIFTOOL, "exiftool is required in CI"
    photos = tmp_path / "photos"
    photos.mkdir()
    for name, byline in (("a.jpg", "STR"), ("b.jpg", "Jane Roe")):
        shutil.copy(FIXTURES / "tiny.jpg", photos / name)
        run([EXIFTOOL, "-q", "-overwrite_original", "-codedcharacterset=utf8",
             f"-IPTC:Caption-Abstract={CAPTIONS['getty.jpg']}", "-IPTC:City=New York",
             f"-IPTC:By-line={byline}", str(photos / name)], tmp_path)
    (tmp_path / "p.json").write_text(run([EXIFTOOL, "-j", "-G1", "photos"], tmp_path), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "captionclean", "clean", "p.json", "--iptc", "-o", "t.csv"],
                          cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "file fields that disagree with the caption: 3" in done.stderr
    assert "rows with warnings: 2" in done.stderr
    import csv
    rows = {os.path.basename(r["SourceFile"]): r
            for r in csv.DictReader((tmp_path / "t.csv").open(encoding="utf-8"))}
    assert "IPTC:City 'New York' in the file, city 'Washington' in the caption" in rows["a.jpg"]["warnings"]
    assert "By-line" not in rows["a.jpg"]["warnings"]
    assert "IPTC:By-line 'Jane Roe' in the file" in rows["b.jpg"]["warnings"]
    done = subprocess.run([EXIFTOOL, "-overwrite_original", "-csv=t.csv", "-sep", "; ", "-codedcharacterset=utf8",
                           "photos"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0 and "arning" not in done.stdout + done.stderr, done.stdout + done.stderr
    after = json.loads(run([EXIFTOOL, "-j", "-a", "-G1", "-IPTC:all", "photos"], tmp_path))
    assert {r["IPTC:City"] for r in after} == {"Washington"}
    assert not any("warnings" in k.casefold() for r in after for k in r)
