"""The review page: self-contained HTML, the markup contract, rendered in a real browser.

The browser test runs Debian's chromium headless on the page of fixtures/gallery_export.txt,
reads the DOM after the page's script ran, and saves a screenshot to
out/test-artefacts/review_gallery.png (the repository's out/, not committed). It is skipped
only when chromium is absent and the run is not CI (CI=true: it must run).
"""
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from captionclean.cli import app
from captionclean.review import locate_repairs, render_html, review_data, write_review
from captionclean.pipeline import clean_inputs

from conftest import FIXTURES, ROOT

EXPORT = FIXTURES / "gallery_export.txt"
ARTEFACTS = ROOT / "out" / "test-artefacts"
runner = CliRunner()


def _embedded(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="review-data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


def test_the_page_is_one_file_that_loads_nothing(tmp_path):
    out = tmp_path / "review.html"
    result = write_review([EXPORT], out)
    page = out.read_text(encoding="utf-8")
    assert result.rows == 39
    assert not re.search(r"<(?:script|link|img|iframe)[^>]+(?:src|href)=", page, re.I)
    assert "@import" not in page and "url(" not in page
    data = _embedded(page)
    assert len(data["rows"]) == 39 and data["counts"]["rows"] == 46


def test_caption_text_that_looks_like_markup_stays_text():
    table = clean_inputs([EXPORT]).table.head(1).copy()
    table.loc[0, "caption"] = "</script><script>alert(1)</script> & <b>"
    page = render_html(review_data(table, clean_inputs([EXPORT]).summary))
    assert page.count("</script>") == 2  # the data's and the program's closing tags only
    assert _embedded(page)["rows"][0]["caption"] == "</script><script>alert(1)</script> & <b>"


def test_a_repair_is_shown_with_what_the_word_was():
    caption = "the 37th Annual National Peace Officers’ Memorial Service at the U.S. Capitol"
    [fix] = locate_repairs(caption, "lost_apostrophe: ional Peace Officers? Memorial Service at → "
                                    "ional Peace Officers’ Memorial Service at")
    assert (fix["was"], fix["now"]) == ("Officers?", "Officers’")
    assert caption[fix["start"]:fix["end"]] == "Officers’"


def test_review_command_writes_the_page_and_fails_in_one_line(tmp_path):
    out = tmp_path / "r.html"
    ok = runner.invoke(app, ["review", str(EXPORT), "-o", str(out)])
    assert ok.exit_code == 0 and out.is_file()
    bad = runner.invoke(app, ["review", str(tmp_path / "missing.txt"), "-o", str(out)])
    assert bad.exit_code == 2 and len(bad.output.strip().splitlines()) == 1 and "Traceback" not in bad.output


def test_only_doubtful_writes_the_doubtful_rows_and_accounts_for_the_rest(tmp_path):
    out = tmp_path / "d.csv"
    r = runner.invoke(app, ["clean", str(EXPORT), "-o", str(out), "--only-doubtful"])
    assert r.exit_code == 0, r.output
    import pandas as pd

    table = pd.read_csv(out, keep_default_na=False)
    assert len(table) and (table["doubt"] != "").all()
    assert f"doubtful rows: {len(table)}" in r.output
    assert f"= {len(table)} written + 7 duplicates merged + {39 - len(table)} without doubt left out" in r.output


# --- the real browser ------------------------------------------------------------
def _chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("CI needs chromium for the review page test (.ci/run installs it)")
        pytest.skip("chromium is not installed")
    return found


def _run_chromium(binary: str, *args: str) -> str:
    cmd = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
           "--disable-extensions", "--virtual-time-budget=5000", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class _Dom(HTMLParser):
    """The captions (data-id) and the fields marked inside each."""

    def __init__(self):
        super().__init__()
        self.captions: dict[str, list[dict]] = {}
        self.current = None
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article" and "data-id" in a:
            self.current, self.depth = a["data-id"], 0
            self.captions[self.current] = []
        elif self.current is not None:
            if tag == "article":
                self.depth += 1
            if "data-field" in a:
                self.captions[self.current].append(a)

    def handle_endtag(self, tag):
        if tag == "article" and self.current is not None:
            if self.depth:
                self.depth -= 1
            else:
                self.current = None


def _render(binary: str, page: Path, shot: Path) -> _Dom:
    dom = _Dom()
    dom.feed(_run_chromium(binary, "--dump-dom", page.as_uri()))
    shot.parent.mkdir(parents=True, exist_ok=True)
    _run_chromium(binary, f"--screenshot={shot}", "--window-size=1400,2400", page.as_uri())
    assert shot.is_file() and shot.stat().st_size > 10_000
    return dom


def test_the_gallery_page_renders_in_chromium_with_every_photographer_marked(tmp_path):
    binary = _chromium()
    page = tmp_path / "review.html"
    write_review([EXPORT], page)
    data = _embedded(page.read_text(encoding="utf-8"))
    dom = _render(binary, page, ARTEFACTS / "review_gallery.png")
    assert len(dom.captions) == 39
    rows = {r["id"]: r for r in data["rows"]}
    assert set(dom.captions) == set(rows)
    for cid, marks in dom.captions.items():
        row = rows[cid]
        fields = {m["data-field"]: (int(m["data-start"]), int(m["data-end"])) for m in marks}
        assert "photographer" in fields, row["caption"]
        s, e = fields["photographer"]
        assert row["caption"][s:e].casefold() == row["fields"]["photographer"].casefold()


def test_a_file_field_that_disagrees_is_a_doubt():
    run = clean_inputs([FIXTURES / "exiftool_g1.json"])
    marked = run.table[run.table["warnings"].str.contains("embedded_disagrees")]
    assert len(marked) and all("embedded_disagrees" in d for d in marked["doubt"])
    assert run.summary.doubtful == int((run.table["doubt"] != "").sum())


def test_only_doubtful_on_the_streamed_csv_path_matches_the_whole_table(tmp_path):
    import csv

    lines = (FIXTURES / "gallery_export.txt").read_text(encoding="utf-8").splitlines()
    source = tmp_path / "in.csv"
    with source.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "caption"])
        for i, line in enumerate(lines):
            w.writerow([i, line])
    whole, only = tmp_path / "all.csv", tmp_path / "only.csv"
    assert runner.invoke(app, ["clean", str(source), "-o", str(whole), "-q"]).exit_code == 0
    r = runner.invoke(app, ["clean", str(source), "-o", str(only), "--only-doubtful"])
    assert r.exit_code == 0, r.output
    import pandas as pd

    a = pd.read_csv(whole, keep_default_na=False)
    b = pd.read_csv(only, keep_default_na=False)
    assert 0 < len(b) < len(a)
    assert b.to_dict("records") == a[a["doubt"] != ""].to_dict("records")
    assert f"doubtful rows: {len(b)}" in r.output


def test_stats_counts_doubtful_rows_and_their_reasons():
    r = runner.invoke(app, ["stats", str(FIXTURES / "exiftool_g1.json")])
    assert r.exit_code == 0, r.output
    assert "doubtful rows                2" in r.output
    section = r.output.split("doubts by reason:")[1]
    assert "embedded_disagrees           1" in section and "no_credit                    1" in section
