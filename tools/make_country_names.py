"""Write captionclean/data/country_names.csv: country names in other languages → ISO code.

Source: pycountry's gettext catalogues (iso3166-1, from Debian's iso-codes), for the
languages captions are written in, plus the short forms those catalogues lack
(``Russland``, ``Corea del Sur``: pycountry translates the official ``Russian
Federation``, ``Korea, Republic of``), listed in SHORT_FORMS below. A translated
name is left out when it is already an English name, when two countries share
it, when it is also the name of a city of 15,000 people or more (Spanish
``Granada`` for Grenada, Croatian ``Tunis``), or an English word (NOT_NAMES). Run: python tools/make_country_names.py
"""
from __future__ import annotations

import csv
import gettext
from pathlib import Path

import pycountry

from captionclean.tables import _key, countries, gazetteer

LANGS = ["es", "pt", "pt_BR", "fr", "de", "it", "nl", "nb_NO", "da", "sv", "fi", "pl", "id", "ca", "ro", "tr",
         "cs", "hr", "ru", "uk", "el"]
# short forms the catalogues do not hold (they translate the official names)
SHORT_FORMS = {
    "RU": "Rusia|Russie|Russland|Rússia|Russia|Rusland|Ryssland|Rosja|Rusya|Россия|Росія",
    "KR": "Corea del Sur|Corée du Sud|Südkorea|Coreia do Sul|Corea del Sud|Zuid-Korea|Sør-Korea|Sydkorea|Korea Selatan|Южная Корея|Hàn Quốc",
    "KP": "Corea del Norte|Corée du Nord|Nordkorea|Coreia do Norte|Corea del Nord|Noord-Korea|Nord-Korea|Korea Utara|Северная Корея",
    "IR": "Irán|Iran|Irã",
    "SY": "Siria|Syrie|Syrien|Síria|Suriah|Сирия",
    "VE": "Venezuela",
    "BO": "Bolivia|Bolivie|Bolivien|Bolívia",
    "TZ": "Tanzania|Tanzanie|Tansania|Tanzânia",
    "VN": "Vietnam|Viêt Nam|Vietnã|Vietname|Việt Nam",
    "CN": "Trung Quốc",  # vi: the catalogues hold no Vietnamese; the names Vietnamese captions write most (webP4)
    "JP": "Nhật Bản",
    "TW": "Taiwán|Taïwan|Taiwan|Taiwã",
    "PS": "Palestina|Palästina|Cisjordania|Cisjordanie|Westjordanland|Franja de Gaza|Gazastreifen|Gazastripen",
    "GB": "Gran Bretaña|Grande-Bretagne|Großbritannien|Grã-Bretanha|Gran Bretagna|Groot-Brittannië|Storbritannia|Inglaterra|Angleterre|Inghilterra|Engeland|Escocia|Écosse|Schottland",
    "US": "EE. UU.|EE.UU.|EEUU|Estados Unidos|États-Unis|Vereinigte Staaten|Stati Uniti|Verenigde Staten|Соединённые Штаты|США|Mỹ|Hoa Kỳ",
    "NL": "Holanda|Hollande|Olanda",
    "CZ": "Chequia|República Checa|Tschechien|République tchèque|Tchéquie",
    "CD": "República Democrática del Congo|RD Congo|RDC",
    "MD": "Moldavia|Moldavie|Moldau",
    "LA": "Laos",
    "VA": "Vaticano|Vatikan",
}


# translations that are English words ("Swiss" is Indonesian for Switzerland)
NOT_NAMES = {"swiss", "lao"}


def main() -> None:
    english = set(countries())
    cities = gazetteer()
    seen: dict[str, set[str]] = {}
    rows: dict[str, tuple[str, str, str]] = {}
    for lang in LANGS:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for c in pycountry.countries:
            for form in {getattr(c, "common_name", None) or c.name, c.name}:
                name = tr.gettext(form)
                if not name or "," in name or "(" in name:
                    continue
                key = _key(name)
                seen.setdefault(key, set()).add(c.alpha_2)
                rows.setdefault(key, (name, c.alpha_2, lang.split("_")[0]))
    for code, names in SHORT_FORMS.items():
        for name in _split(names):
            key = _key(name)
            seen.setdefault(key, set()).add(code)
            rows[key] = (name, code, "short")
    out = []
    for key, (name, code, lang) in sorted(rows.items()):
        if key in english and lang != "short" or len(seen[key]) > 1:
            continue
        if key in cities and lang != "short" or key in NOT_NAMES:
            continue  # "Granada": a city in Spain, Grenada in Spanish; "Tunis": the city
        out.append((name, code, lang))
    path = Path(__file__).resolve().parent.parent / "captionclean" / "data" / "country_names.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["alias", "code", "lang"])
        w.writerows(out)
    print(f"{len(out)} names written to {path}")


def _split(names: str) -> list[str]:
    return names.split("|")


if __name__ == "__main__":
    main()
