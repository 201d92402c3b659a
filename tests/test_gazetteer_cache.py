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


def test_folded_gazetteer_skips_only_names_folding_leaves_alone():
    """folded_gazetteer passes over plain ASCII names without folding them: the table is the one the
    plain loop (every name folded) gives, and folding changes no such name (Hypothesis)."""
    from hypothesis import given, strategies as st

    table = tables.gazetteer()
    plain: dict = {}
    for key, hit in table.items():
        folded = tables._fold(key)
        if folded != key and len(folded) >= 5 and folded not in table and (folded not in plain or plain[folded][1] < hit[1]):
            plain[folded] = hit
    got = tables.folded_gazetteer.__wrapped__()
    assert got == plain and list(got) == list(plain) and got

    @given(st.text(st.characters(max_codepoint=127)))
    def ascii_names_fold_to_themselves(text):
        if "`" not in text:
            assert tables._fold(text) == text

    ascii_names_fold_to_themselves()


def _fresh_subdivisions(monkeypatch, folder) -> dict:
    monkeypatch.setenv("CAPTIONCLEAN_CACHE_DIR", str(folder))
    return tables.subdivisions.__wrapped__()


def test_subdivisions_cache_round_trip(tmp_path, monkeypatch):
    built = tables._built_subdivisions()
    assert _fresh_subdivisions(monkeypatch, "") == built  # no cache
    first = _fresh_subdivisions(monkeypatch, tmp_path)  # builds and writes
    assert len(list(tmp_path.glob("subdivisions-*.json"))) == 1
    second = _fresh_subdivisions(monkeypatch, tmp_path)  # reads
    assert first == built and second == built and list(second) == list(built)
    assert "ontario" in second and "CA" in second["ontario"]


def test_damaged_subdivisions_cache_is_rebuilt(tmp_path, monkeypatch):
    _fresh_subdivisions(monkeypatch, tmp_path)
    (path,) = tmp_path.glob("subdivisions-*.json")
    for damage in ('{"ontario": ["CA"', '{"ontario": [1]}', '[]'):
        path.write_text(damage, encoding="utf-8")
        assert _fresh_subdivisions(monkeypatch, tmp_path) == tables._built_subdivisions()
