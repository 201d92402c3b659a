"""A city's own name in its country's language (city_names.csv column ``own``, written by
tools/make_city_names.py's own_names): read as the city, alone in a place line or after an "in"-word, never
a given name, a gazetteer city's name or two cities' name; and the tool's guards against ordinary words."""
import importlib.util
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from captionclean import parse_caption
from captionclean.tables import _key, _read_csv, countries, english_city, gazetteer, given_names_en, lookup_city, \
    lookup_country, own_city_names

OWN = [(row["alias"], row["name"], row["code"]) for row in _read_csv("city_names.csv") if row.get("own")]

_spec = importlib.util.spec_from_file_location("make_city_names", Path(__file__).parent.parent / "tools" / "make_city_names.py")
tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tool)


def test_the_table_holds_own_names():
    assert len(OWN) >= 20 and own_city_names() == {_key(a) for a, _, _ in OWN}


@pytest.mark.parametrize("alias,name,code", OWN, ids=[a for a, _, _ in OWN])
def test_own_name_is_its_city(alias, name, code):
    assert english_city(alias) == (name, code)
    assert lookup_city(name) is not None and lookup_city(name)[0] == code  # the gazetteer's city, in its country
    assert _key(alias) not in gazetteer() and _key(alias) not in set(countries())
    assert _key(alias) not in {_key(n) for n in given_names_en()}
    # a place line names the city by its own name alone (no country beside it), and so does an "in"-word
    assert parse_caption(f"{alias}, 12.03.2024. Foto: Hans Muster").city == name
    assert parse_caption(f"Menschen in {alias} am 12.03.2024. Foto: Hans Muster").city == name


_COUNTRIES = ["Italy", "Austria", "Netherlands", "Switzerland", "Belgium", "Germany", "Portugal", "Poland", "Cuba",
              "Lebanon", "Cyprus", "Finland", "Spain", "Mexico", "Texas"]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(OWN), st.sampled_from(_COUNTRIES))
def test_own_name_beside_another_country_is_not_the_city(own, where):
    # "Torino, Spain", "Firenze, Texas": beside another country or a US state the own name is not that city
    alias, name, code = own
    hit = lookup_country(where)
    rec = parse_caption(f"{alias}, {where}, 12.03.2024. Foto: Hans Muster")
    assert hit is not None and hit.code == code or rec.city != name, rec


@pytest.mark.parametrize("alt", ["XIXe", "Torino II", "Silva Porto", "Nova Lisboa", "Paris 16", "Itä-Helsinki", "Ka-leng",
                                 "Thành Phố Bà Rịa", "Oaxaca by", "de", "Rio"])
def test_own_shape_rejects_phrases_numbers_and_short_words(alt):
    assert not tool._own_shape(alt)


@pytest.mark.parametrize("alt", ["Firenze", "Den Haag", "La Habana", "Genève", "Lefkoşa", "İnegöl"])
def test_own_shape_keeps_a_word_or_an_article_and_a_word(alt):
    assert tool._own_shape(alt)


def _city(name, code, alts, population=400_000):
    return {"name": name, "countrycode": code, "population": population, "alternatenames": alts}


def test_own_names_picks_the_home_language_s_name():
    got = tool.own_names([_city("Florence", "IT", ["Firenze", "Florenz", "Fiorenza", "Florencia"])], set())
    assert got == {"Firenze": ("Florence", "IT", "it")}


@pytest.mark.parametrize("city", [
    _city("Trento", "IT", ["Trente", "Trient"]),  # fr-IT "trente" is "thirty": an ordinary word at home
    _city("Namur", "BE", ["Namen", "Namêur"]),  # de-BE "Namen" is "names"
    _city("Taranto", "IT", ["Tarde", "Tarent"]),  # an ordinary word elsewhere (es "tarde")
    _city("Florence", "IT", ["Firenze"], population=90_000),  # under OWN_POP
    _city("Gotham", "US", ["Big Apple", "Empire City"]),  # English-speaking: no home language but English
])
def test_own_names_drops_ordinary_words_and_small_towns(city):
    assert tool.own_names([city], set()) == {}


def test_own_names_drops_a_name_two_cities_share_and_blocked_names():
    two = [_city("Florence", "IT", ["Firenze"]), _city("Florence II", "IT", ["Firenze"])]
    assert tool.own_names(two, set()) == {}
    assert tool.own_names([_city("Florence", "IT", ["Firenze"])], {"firenze"}) == {}
