"""The gazetteer's cache file gives the same table as the GeoNames extract, and a
damaged or unwritable cache falls back to the extract."""
from captionclean import tables


def _fresh(monkeypatch, folder) -> dict:
    monkeypatch.setenv("CAPTIONCLEAN_CACHE_DIR", str(folder))
    return tables.gazetteer.__wrapped__()


def test_cache_round_trip(tmp_path, monkeypatch):
    built = _fresh(monkeypatch, "")  # no cache
    first = _fresh(monkeypatch, tmp_path)  # builds and writes
    files = list(tmp_path.glob("gazetteer-*.json"))
    assert len(files) == 1
    second = _fresh(monkeypatch, tmp_path)  # reads
    assert first == built and second == built
    assert list(second) == list(built)  # same order: the lost-letter vocabulary is built from it
    assert second["tabuk"][0] == "SA"


def test_damaged_cache_is_rebuilt(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path)
    (path,) = tmp_path.glob("gazetteer-*.json")
    path.write_text('{"paris": ["FR"', encoding="utf-8")
    table = _fresh(monkeypatch, tmp_path)
    assert table["paris"][0] == "FR" and len(table) > 10000


def test_unwritable_cache_folder(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    table = _fresh(monkeypatch, blocker / "sub")
    assert table["paris"][0] == "FR"
