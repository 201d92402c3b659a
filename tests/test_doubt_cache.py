"""The GeoNames cities' other names (doubt.place_unknown) are built once and kept beside the
gazetteer's cache: a second process reads the same names back."""
from captionclean import doubt


def test_other_city_names_are_cached_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("CAPTIONCLEAN_CACHE_DIR", str(tmp_path))
    doubt._other_city_names.cache_clear()
    try:
        built = doubt._other_city_names()
        files = list(tmp_path.glob("*-other-names.json"))
        assert len(files) == 1
        doubt._other_city_names.cache_clear()
        assert doubt._other_city_names() == built
        assert "kerbala" in built  # Karbala's other name, in Latin letters
        files[0].write_text("[1, 2", encoding="utf-8")  # damaged: built again
        doubt._other_city_names.cache_clear()
        assert doubt._other_city_names() == built
    finally:
        doubt._other_city_names.cache_clear()
