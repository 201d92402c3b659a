"""Pictures in and out with the real exiftool: `clean photos/` reads captions straight from the
files (one exiftool process), `apply TABLE` shows and writes the cleaned fields back.

Needs exiftool (Debian's libimage-exiftool-perl; .ci/run installs it). Skipped without it on a
developer machine, never in CI (CI=true), where a missing exiftool fails.
"""
import json
import os
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from captionclean import images
from captionclean.cli import app
from captionclean.images import plan_apply
from conftest import FIXTURES

EXIFTOOL = shutil.which("exiftool")
if EXIFTOOL is None and not os.environ.get("CI"):
    pytest.skip("exiftool is not installed", allow_module_level=True)

# captions in the agencies' styles, written into copies of fixtures/tiny.jpg (IIM, XMP, or none)
PICTURES = {
    "reuters.jpg": ("IPTC:Caption-Abstract", "A police officer salutes at the National Peace Officers? Memorial "
                    "Service in Washington, U.S., May 15, 2018. REUTERS/Kevin Lamarque"),
    "afp.jpg": ("XMP-dc:Description", "Fishermen unload their catch at dawn in Dakar, Senegal, May 13, 2018. "
                "Jane Doe/AFP via Getty Images"),
    "blank.jpg": (None, ""),
}
runner = CliRunner()


def exif(*args, cwd=None) -> str:
    done = subprocess.run([EXIFTOOL, *args], capture_output=True, text=True, cwd=cwd)
    assert done.returncode == 0, done.stderr
    return done.stdout


def tags(path) -> dict:
    return json.loads(exif("-j", "-a", "-G1", "-IPTC:all", "-XMP:all", str(path)))[0]


@pytest.fixture
def photos(tmp_path, monkeypatch):
    assert EXIFTOOL, "exiftool is required in CI"
    folder = tmp_path / "photos"
    folder.mkdir()
    for name, (tag, caption) in PICTURES.items():
        shutil.copy(FIXTURES / "tiny.jpg", folder / name)
        if tag:
            exif("-q", "-overwrite_original", "-codedcharacterset=utf8", f"-{tag}={caption}", str(folder / name))
    monkeypatch.chdir(tmp_path)
    return folder


def clean(*args):
    result = runner.invoke(app, ["clean", *args])
    assert result.exit_code == 0, result.output
    return result


def test_clean_reads_a_folder_of_pictures_with_one_exiftool_process(photos, monkeypatch):
    calls = []
    run = images._run
    monkeypatch.setattr(images, "_run", lambda args, files: calls.append(len(files)) or run(args, files))
    clean("photos", "-o", "t.jsonl", "--keep-duplicates")
    assert calls == [len(PICTURES)]
    rows = {os.path.basename(r["SourceFile"]): r for r in map(json.loads, open("t.jsonl", encoding="utf-8"))}
    assert set(rows) == set(PICTURES)
    assert rows["reuters.jpg"]["photographer"] == "Kevin Lamarque"
    assert "Officers’ Memorial" in rows["reuters.jpg"]["caption"]  # repaired
    assert (rows["afp.jpg"]["agency"], rows["afp.jpg"]["city"]) == ("AFP", "Dakar")  # read from XMP
    assert rows["blank.jpg"]["caption"] == ""


def test_a_picture_given_as_a_file(photos):
    clean("photos/afp.jpg", "-o", "one.jsonl")
    (row,) = map(json.loads, open("one.jsonl", encoding="utf-8"))
    assert row["photographer"] == "Jane Doe"


def test_without_exiftool_one_line_says_how_to_install(photos, monkeypatch):
    monkeypatch.setenv("PATH", "")
    monkeypatch.delenv("CAPTIONCLEAN_EXIFTOOL", raising=False)
    result = runner.invoke(app, ["clean", "photos", "-o", "t.csv"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "exiftool is not installed" in result.output


def test_apply_is_a_dry_run_by_default(photos):
    clean("photos", "-o", "t.csv")
    before = {p.name: p.read_bytes() for p in photos.iterdir()}
    result = runner.invoke(app, ["apply", "t.csv"])
    assert result.exit_code == 0, result.output
    assert "IPTC:By-line: '' → 'Kevin Lamarque'" in result.output
    assert "Peace Officers? Memorial" in result.output and "Peace Officers’ Memorial" in result.output
    assert "dry run" in result.output
    assert {p.name: p.read_bytes() for p in photos.iterdir()} == before


def test_apply_write_keeps_originals_and_settles(photos):
    clean("photos", "-o", "t.csv")
    result = runner.invoke(app, ["apply", "t.csv", "--write"])
    assert result.exit_code == 0, result.output
    got = tags(photos / "reuters.jpg")
    assert got["IPTC:By-line"] == "Kevin Lamarque" and got["XMP-dc:Creator"] == "Kevin Lamarque"
    assert got["IPTC:City"] == "Washington" and got["IPTC:Country-PrimaryLocationCode"] == "USA"
    assert got["IPTC:Caption-Abstract"].startswith("A police officer salutes at the National Peace Officers’")
    assert (photos / "reuters.jpg_original").exists()
    assert not (photos / "blank.jpg_original").exists()  # nothing to change there
    assert not plan_apply("t.csv").to_write  # applying again changes nothing


def test_rows_with_doubts_are_skipped_unless_forced(photos):
    exif("-q", "-overwrite_original", "-IPTC:City=New York", str(photos / "reuters.jpg"))
    clean("photos", "-o", "t.csv")  # the file's City disagrees with the caption: a warning
    plan = {os.path.basename(f.path): f for f in plan_apply("t.csv").files}
    assert "needs a look" in plan["reuters.jpg"].skipped and not plan["afp.jpg"].skipped
    result = runner.invoke(app, ["apply", "t.csv", "--write", "--overwrite-original"])
    assert result.exit_code == 0, result.output
    assert tags(photos / "reuters.jpg")["IPTC:City"] == "New York"
    assert tags(photos / "afp.jpg")["IPTC:City"] == "Dakar"
    assert not list(photos.glob("*_original"))
    result = runner.invoke(app, ["apply", "t.csv", "--write", "--force", "--overwrite-original"])
    assert result.exit_code == 0, result.output
    assert tags(photos / "reuters.jpg")["IPTC:City"] == "Washington"


def test_a_blank_cleaned_value_never_erases_a_tag(photos):
    exif("-q", "-overwrite_original", "-IPTC:City=Hanoi", "-IPTC:By-line=Luong Thai Linh", str(photos / "blank.jpg"))
    clean("photos", "-o", "t.csv")
    plan = {os.path.basename(f.path): f for f in plan_apply("t.csv").files}
    assert plan["blank.jpg"].changes == []


def test_apply_takes_the_iptc_table_too(photos):
    clean("photos", "--iptc", "-o", "t.csv")
    plan = {os.path.basename(f.path): f for f in plan_apply("t.csv").files}
    assert any(c.tag == "IPTC:Source" and c.new == "Reuters" for c in plan["reuters.jpg"].changes)


def test_apply_needs_source_files(tmp_path):
    (tmp_path / "t.csv").write_text("caption,photographer\nx,y\n", encoding="utf-8")
    result = runner.invoke(app, ["apply", str(tmp_path / "t.csv")])
    assert result.exit_code == 2 and "no SourceFile column" in result.output
