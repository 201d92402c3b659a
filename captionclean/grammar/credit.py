"""Credit lines: find them, then split the credit chain into its parts.

Each rule is a named pattern that finds a credit and captures its *chain*
(``Marvin RECINOS/AFP/Getty Images``, ``REUTERS/Kevin Lamarque``). One chain
parser then classifies the chain's parts as people, organisations or
placeholders (``Handout``, ``Pool``, ``STR``…), using the agency table.

Speed: a rule runs only when one of its ``needles`` (lower-case substrings)
is in the caption and its ``gate`` (a cheap test the match implies) passes;
rules anchored at the caption's end only look at its last ``TAIL`` characters,
and end_chain's match is remembered by the words after its last ``stop``
character. Chains, their parts and agency lookups are cached per agency table.
None of this changes a result: each shortcut only skips work whose outcome is known.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import islice
import re as _stdlib_re
import unicodedata

from .. import timed_regex as regex  # the regex module, with a time budget

from ..tables import CREDIT_MARKERS, GENITIVE_MARKERS, MONTHS, NAME_WORDS, ORG_WORDS, PLACEHOLDERS, RANKS, SOURCE_DESCRIPTORS, \
    WEEKDAYS, Agencies, agency_rows, date_words, given_names_en, lookup_city, lookup_country, lookup_state, name_cases, \
    place_words
from .names import family_first, family_first_langs, genitive_nominative, nominative_name, normal_name, tidy_name

# --- the chain ------------------------------------------------------------
# the small words inside a name or an organisation's name ("Koen van Weel", "Bin Laden", "Museum of Flight",
# "Lauro Montellano Jr."): data/name_words.csv kind particle, in its order; a word ending in "." may drop it
_PARTICLES = (r"(?:" + "|".join(regex.escape(w[:-1]) + r"\.?" if w.endswith(".") else regex.escape(w)
                                for w in NAME_WORDS.get("particle", ()))
              + r")(?:[-'’]\p{Lu}[\p{L}\p{M}'’\-]*)?(?![\p{L}\p{M}])")
# a capitalised word; dots only inside (U.S, J.Scott) or closing a short word (Jr., Inc., U.S.)
# (each look-behind is read after the digit or dot it guards, not before: the same test of the same characters, in the
# same order of tries, but a word followed by a space no longer reads back over its letters three times for nothing:
# _CHAIN_ANY matched a chain of 30 characters in about half the time)
_WORD = (r"\p{Lu}[\p{L}\p{M}'’\-]*(?:\d(?<=\p{Ll}\d)\d{0,2}(?![\p{L}\p{N}]))?(?:\.(?<!\p{L}{4}\.)\p{Lu}[\p{L}\p{M}'’\-]*)*"
         r"(?:\.(?:com|COM|net|org|\p{Ll}{2})\b)?(?:\.(?<!\p{L}{4}\.))?")  # "Jordi Estruch/Alcaldes.eu": a site's address
_CAMEL = r"\p{Ll}+\p{Lu}[\p{L}]*(?:\.com\b)?"
_FIRST = rf"(?:{_WORD}|{_CAMEL})"
# wordmarks written in lower case ("dpa", "picture alliance", "picturedesk.com", "laif"): a part of one or
# two lower-case words; the agency table decides what it is (an unknown one is skipped, never a name)
_LOWER = r"(?:\p{Ll}[\p{Ll}\p{N}\-]+(?:\.\p{Ll}[\p{Ll}\-]{3,15}(?=\.\p{Ll}))?(?:\.\p{Ll}{2,3})?(?:[ ]\p{Ll}{3,})?(?![\p{L}\p{N}.]))"
_TOKEN = rf"(?:{_WORD}|{_PARTICLES}|{_CAMEL})"
# a part may close with its name spelt out: "WANA (West Asia News Agency)"
# (in words, lower case too: "(IRAN)" after an old Reuters credit is a place, left in the text)
# (or an institution's own word in lower case, then its name: "RMN-Grand Palais (musée du Louvre)", as French, Spanish,
# Italian museums write it; data/org_words.csv)
_ORG_OPEN = "|".join(regex.escape(w) for w in regex.longest_first({w for w in ORG_WORDS if w.isalpha() and w.islower()}))
# (the pattern checks the shape only, a word in lower case then a capital before the bracket closes: the word list in
# every chain pattern cost 0.8% of parse time, cachegrind; _read_part strips such an expansion only after an
# organisation's word, _EXPANDED)
_EXPANSION = (r"(?:[ ]+\((?:\p{Lu}(?=[^()\n/]{1,50}\))[^()\n/\p{Ll}]*\p{Ll}|\p{Ll}{4,}[ ]+(?=[^()\n/\p{Lu}]{0,30}\p{Lu}"
              r"[^()\n/]{0,30}\))[^()\n/\p{Lu}]*\p{Lu})[^()\n/]*\))")
# a picture code in an institution's credit ("©UNICEF/NYHQ2010-1862/Noorani", with an en dash as pages print it:
# "NYHQ2015–0827"): a part of its own
# a social account: "(@paulytm1978 / INSTAGRAM)", "(Unsplash / Name / @purzlbaum)"
_HANDLE = r"(?:[@#][\p{L}\p{N}_.]{2,30}(?<![.]))"  # a hashtag too: "Photo courtesy of #WeTheBrave"
_CODE = r"(?:\p{Lu}{2,8}\d[\d\-–]*(?![\p{L}\p{N}]))"
# an organisation named by a common noun, which Cyrillic scripts write in lower case, then its words: "пресс-служба
# президента РФ", "пресс-служба «Зенита»" (a press service, an office, a ministry: data/org_words.csv rows in Cyrillic);
# tried before _LOWER, which would stop at the capitalised word after two lower-case ones and end the chain there
# (also capitalised, opening a line: "Фото: Администрация губернатора области"; a look-ahead for a Cyrillic letter
# first: a part in any other script fails it at once)
_CYRILLIC_ORG_WORDS = regex.longest_first(w for w in ORG_WORDS if not w.startswith("-")
                                          and all("\u0400" <= c <= "\u04ff" or c == "-" for c in w))
_ORG_LOWER = (r"(?:(?=[\u0400-\u045f])(?i:" + "|".join(map(regex.escape, _CYRILLIC_ORG_WORDS)) + r")(?![\p{L}\-])"
              r"(?:[ ]+(?:\p{Ll}{3,}|\p{Lu}[\p{L}\-]*|«[^»\n/]{2,30}»|\"[^\"\n/]{2,30}\")(?![\p{L}\-])){0,4})")
_PART = rf"(?:{_ORG_LOWER}|{_CODE}|{_LOWER}|{_FIRST}(?:[ ]+(?:{_TOKEN}|\d+(?:st|nd|rd|th)?)){{0,7}}(?:,[ ]*(?:Inc|Ltd|LLC|Jr|Sr)\.?)?(?:[ ]+(?:photo|foto|kuva|files?|staff|scanpix)(?![\p{{L}}]))?{_EXPANSION}?|{_HANDLE})"
# "/", " via ", and the separators of papers and picture desks: "|", "•", "~", "—"
# ("Name | The Seattle Times", "Name • The Guardian", "Name ~ Outlet", "Name—Anadolu/Getty Images")
_SEP = (r"(?:[ ]*/[ ]*(?:(?:via|VIA|Via|for)[ ]+)?|[ ]+(?:via|VIA|Via)[ ]+|[ ]+\|[ ]+"
        r"|[ ]+[-–][ ]+(?=(?:Pool|POOL|Handout|HANDOUT)\b))")
_DESK_SEPS = ("|", "•", "~", "—")
_DESK_SEP = regex.compile(r"[ ]*[|•~—][ ]*")
# a chain's two shapes: a no-name dash ("-/CCTV/AFP via Getty Images"), else parts joined by
# separators, opening with "/" or not; with no "-/" in a caption the first cannot match, so rules
# try the second alone (_PLAIN_CHAIN)
_CHAIN_DASH = rf"[-–]{{1,2}}[ ]*/[ ]*{_PART}(?:{_SEP}{_PART})*"
_CHAIN_PLAIN = rf"(?:/[ ]*)?{_PART}(?:{_SEP}{_PART})+"
_CHAIN = f"(?:{_CHAIN_DASH}|{_CHAIN_PLAIN})"
_DASH_SLASH = regex.compile(r"[-–][ ]*/")
_NAME_CAPS = r"(?:\p{Lu}[\p{Lu}\p{M}'’.\-]+(?:[ ]+\p{Lu}[\p{Lu}\p{M}'’.\-]*){1,3})"

_EXPANDED = regex.compile(r"(?<=\S)[ ]+\((?:\p{Lu}(?=[^()\n/]{1,50}\)?$)[^()\n/\p{Ll}]*\p{Ll}|(?:" + _ORG_OPEN
                          + r")[ ]+(?=[^()\n/]{1,45}\)?$)[^()\n/\p{Lu}]*\p{Lu})[^()\n/]*\)?$")
_SPLIT = regex.compile(r"[ ]{3,}|(?:(?<!\s)\s*)?/\s*(?:(?:via|for)\s+)?|(?<!\s)\s+via\s+", regex.I)  # (?<!\s): linear
_SUFFIX_TAG = regex.compile(
    r"^(?P<rest>.*?)(?:,\s*|(?<!\s)\s*[-–]\s*)(?P<tag>File|Pool|Handout|HO|File Photo)\.?$", regex.I)
_GLUED_TAG = regex.compile(r"^(?P<tag>File Photo|Handout Photo|Pool Photo|File|Handout)(?=\p{Lu}{2})")
_DASH = regex.compile(r"(?<!\s)\s+[-–]\s+")
_FOR = regex.compile(r"^(?P<a>.+?)\s+(?:for|of(?=\s+the\s))\s+(?P<b>.+)$", regex.I)
_LEAD = regex.compile(
    r"^(?:©|\(c\)|(?:Photo(?:graph|graphy)?|Foto|Фото|Bild|Imagen|Image|Picture)s?(?![\p{L}])\s*(?:by\b|[:;])?|PHOTOGRAPH BY|Fot\."
    r"|Special to|Copyright(?=[ ]+\p{Lu})|Credit(?:[ ]+Credit)?(?:\.\.\.|…)?(?=[ ]*\p{Lu}))\s*", regex.I)  # the Times' "Credit Credit Name/…"
_NAMEISH = regex.compile(rf"^(?:{_TOKEN})(?:[ ]+(?:{_TOKEN})){{0,5}}$")
_RANK = regex.compile(r"^(?:" + "|".join(regex.escape(r) for r in sorted(RANKS, key=len, reverse=True))
                      + r")\s+(?=\p{Lu})")
_GLUED_TITLE = regex.compile(r"^.*?\p{Ll}{4}(?=\p{Lu}\p{Ll}+(?:[ ]+\p{Lu}[\p{Ll}'’\-]+){1,2}$)")
# the last place on the first line where lower case runs into two words in capitals (searched backwards:
# "^.*" before it made a long part's search grow faster than its length)
_GLUED_CAPS = regex.compile(r"\p{Ll}{3}(?=\p{Lu}{2,}[\p{Lu}'’\-]*[ ]+\p{Lu}{2,})", regex.REVERSE)


def _glued_caps_end(part: str) -> int | None:
    """Where "Sam AltmanJOEL SAGET" glues a sentence's last word to a name in capitals: the end of the
    last such glue on the part's first line, or None."""
    line = part.find("\n")
    m = _GLUED_CAPS.search(part, 0, len(part) if line < 0 else line)
    return None if m is None else m.end()


_LOWER_UPPER = regex.compile(r"\p{Ll}\p{Lu}")  # what _GLUED_CAPS and _GLUED_TITLE both need
_CODED_END = regex.compile(r"/[ ]*\d{1,4}[ .]*$")
_ACRONYM = regex.compile(r"\p{Lu}{2,5}")
_SHORT_ACRONYM = regex.compile(r"\p{Lu}{2,4}")
_TRAILING_WORDS = "de da del della dos das du di van von der den ter le la al el y e of the for to and on &".split()
_TRAILING_PARTICLE = regex.compile(r"(?:[ ]+(?:" + "|".join(regex.escape(w) for w in _TRAILING_WORDS) + r"))+$")
# the words _TRAILING_PARTICLE removes: a piece whose last word (after its last space) is none of them keeps its end
_PARTICLE_ENDS = frozenset(_TRAILING_WORDS)
_STUDIO = regex.compile(r"^(?P<name>\p{Lu}\p{Ll}+(?:[ ]+\p{Lu}[\p{Ll}'’\-]+){1,2})[ ]+(?:Photography|Photo|Photos|Studio)$")
# "KOEN VAN WEELAFP via Getty Images": the slash before AFP lost in a Getty page
_GLUED_AFP = regex.compile(r"(?<=\p{Lu}{2})AFP(?=\s+via\b|\s*/)")
_CAL_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS)
# government and science services, UN agencies, archives (data/agencies.csv roles): their credits list partners
_INSTITUTIONS = frozenset(r["name"] for r in agency_rows() if r.get("role") in ("government", "un", "archive"))
# networks of member papers, written after the member's name (agencies.csv role "network"): each alias in lower case
# → the network's name, the longest first ("The News-Press USA TODAY NETWORK-Florida")
_NETWORKS = dict(sorted(((r["alias"].casefold(), r["name"]) for r in agency_rows() if r.get("role") == "network"),
                        key=lambda kv: -len(kv[0])))
_YEAR_END = regex.compile(r"(?<=\p{L})[ ]+(?:19|20)\d\d$")
# the end of a sentence inside a part: "Microsoft CEO. Sven Hoppe/…", "Labrador Sea. THE CANADIAN PRESS/…"
# (a word of three letters or two capitals before the stop: not an initial, "St." or "U.S.")
_SENTENCE_HEAD = regex.compile(r"^.*(?<=\p{L}{3}|\p{Lu}{2})\.[ ]+(?=\p{Lu}[\p{L}\p{M}])")
# a courtesy marker opening a part: "Courtesy Gary Sinise Foundation", "CORTESIA PROMOCIÓN …", "Reproduced
# Courtesy of Name", "Photo Courtesy JDHS Softball"; Indonesian "Dok." (dokumentasi, an organisation's own picture):
# "Foto: Dok. Kemenpora", "(Dok.IGI)" (its full stop may touch the source)
_COURTESY_LEAD = regex.compile(r"^(?i:(?:reproduced[ ]+)?(?:(?:photos?|pictures?|images?)[ ]+)?(?:courtesy|cortes[ií]a|cedid[ao]s?[ ]+por"
                               r"|dok\.|dokumentasi)(?:[ ]+(?:photos?|of|de|del))?(?:[ ]+the)?)(?:[ ]+|(?<=\.))(?=\S)")
_COURTESY_FIRST = frozenset("CcRrPpIiDd")
_ARTICLE = regex.compile(r"^(?:la|el|los|las|le|les|o|a|os|as|the)[ ]+(?=\p{Lu})")
_CAPITAL_PARTICLES = frozenset(NAME_WORDS.get("capital_particle", ()))  # De, Van, Abu… (data/name_words.csv)
# a person's name in title case: "Charlize", "O'Neil", "Jean-Paul" (no initials, no particles)
_TITLE_WORD = regex.compile(r"\p{Lu}\p{Ll}[\p{Ll}'’\-]*(?:\p{Lu}\p{Ll}+)?")
_PARTICLE_WORD = regex.compile(_PARTICLES, regex.I)
# a web address for an outlet's name ("photothek.net", "hessenschau.de"; no "@": "mblack@dailyherald.com" is an e-mail)
_DOMAIN = regex.compile(r"(?:www\.)?[\p{Ll}\p{N}][\p{Ll}\p{N}\-]{2,}(?:\.[\p{Ll}\p{N}\-]{2,})*\.(?:com|net|org|info|\p{Ll}{2})")
_CAPS_CODE = regex.compile(r"\p{Lu}{2,}(?:[ ]+(?=[^ ]*\d)\p{Lu}*\d+\p{Lu}*)+")
_WORDMARK = regex.compile(r"(?<![\p{L}])\p{Lu}?\p{Ll}{4,}\p{Lu}|^\p{Lu}\p{Ll}+\d{1,3}$")  # "OregonLive", "Tag24"
# what each pattern above needs to find in a part before it can match (checked first: cheaper)
_LEAD_FIRST = frozenset("©(PpSsſFfBbIiİCcФф")  # first letters of _LEAD's words in any case (ſ is an s)
_GLUED_START = ("File", "Handout", "Pool Photo")
_DASHES = ("-", "–")
_RANK_START = tuple(RANKS)


@dataclass
class Credit:
    rule: str
    raw: str
    span: tuple[int, int]
    photographers: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    # a date written inside the credit ("(CSPAN3: March 21, 2018)"): it stays in the text
    keep: tuple[int, int] | None = None

    @property
    def agency(self) -> str:
        return self.orgs[0] if self.orgs else ""

    @property
    def distributor(self) -> str:
        return self.orgs[-1] if len(self.orgs) > 1 else ""

    @property
    def found(self) -> bool:
        """The credit says something: a name, an organisation, or only what kind of picture it is ("Photo / Supplied")."""
        return bool(self.photographers or self.orgs or self.tags)

    def line(self) -> str:
        """The canonical credit line: ``Photographer/Agency via Distributor``."""
        who = " and ".join(self.photographers)
        line = "/".join(p for p in (who, self.agency) if p)
        if self.distributor:
            line += f" via {self.distributor}"
        return line


def _org_name(text: str) -> str:
    return normal_name(text) if text.isupper() and len(text) > 4 and " " in text else text


# org_words.csv rows written "-archiv", "-museet": the ends of compound words (de, nl, Nordic) that name an
# organisation: "Stadtarchiv", "Stadsmuseet", "Bürgerschaft"
_ORG_SUFFIXES = tuple(sorted(w[1:] for w in ORG_WORDS if w.startswith("-")))


_ORG_SUFFIXES_ASCII = tuple(w for w in _ORG_SUFFIXES if w.isascii())


def _is_org_like(text: str) -> bool:
    # (the text folded once, not word by word; a set test for the words; the suffixes for long words only, and
    # for a word in ASCII the suffixes in ASCII only)
    folded = text.casefold()
    # (a word is stripped of full stops and commas only when the text has one: strip is a no-op otherwise)
    keys = [w.strip(".,") for w in folded.split()] if "." in folded or "," in folded else folded.split()
    if not ORG_WORDS.isdisjoint(keys):
        return True
    # a paper's or broadcaster's hyphenated name, its word capitalised: "Sarasota Herald-Tribune", "Courier-Post",
    # "Radio-Canada" (not a lower-case tag such as "imago-images-bilder")
    if "-" in folded and any(p[:1].isupper() and p.casefold().strip(".,") in ORG_WORDS
                             for w in text.split() if "-" in w for p in w.split("-")):
        return True
    for k in keys:
        if len(k) > 7 and k.endswith(_ORG_SUFFIXES_ASCII if k.isascii() else _ORG_SUFFIXES):
            return True
    return False


def placeholder_tag(text: str) -> str | None:
    """The style tag of a token that stands where a name would (``Handout``, ``STR``)."""
    key = text.strip(" .,;:").casefold()
    if key in PLACEHOLDERS:
        return PLACEHOLDERS[key]
    if key.endswith(SOURCE_DESCRIPTORS):
        return "screen_grab"
    if key.endswith(" pool") and key.count(" ") <= 2:
        return "pool"  # "Japan Pool", "AP Pool", "Kremlin Pool": a pool picture, not a name
    return None


def _person_shaped(text: str, agencies: Agencies) -> bool:
    """Two or three capitalised words naming no organisation, place, placeholder or post: a person's name."""
    words = text.split()
    return (2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and bool(_NAMEISH.match(text))
            and not agencies.lookup(text) and not _is_org_like(text) and not lookup_city(text)
            and _caps_name_ok(text, agencies) and not _TITLES.intersection(w.casefold().strip(".,") for w in words))


def _split_comma_agency(part: str, agencies: Agencies) -> list[str]:
    """``Azzam Rasgla, Agence France-Presse`` → the name and the agency."""
    if "," in part:
        head, _, tail = part.rpartition(",")
        head, tail = head.strip(), tail.strip()
        if not head or not tail:
            return [part]
        known_head, known_tail = agencies.lookup(head), agencies.lookup(tail)
        named = _RANK.sub("", head) if head.startswith(_RANK_START) else head  # "Sgt. 1st Class Name, 1st Armored Division"
        if known_tail or ((_is_org_like(tail) or tail.startswith("The ")) and _NAMEISH.match(named) and not known_head):
            return [head, tail]  # "Name, Agence France-Presse", "NASA, JPL"
        if not _SUFFIX_WORD.match(tail) and (known_head or _is_org_like(head) or (_NAMEISH.match(head) and " " in head)):
            return [head]  # "Name, Madrid", "Flickr, CC BY-SA": the words after the comma are no organisation
    return [part]


# results that depend only on a string and the agency table, per table (credit chains and
# their parts repeat across an export): parse_chain's, _all_known's and _read_part's
_CHAIN_CACHE: dict[int, tuple[Agencies, int, dict]] = {}


def _chain_cache(agencies: Agencies, kind: str) -> dict:
    entry = _CHAIN_CACHE.get(id(agencies))
    size = len(agencies.names) + len(agencies.distributors)
    if entry is None or entry[0] is not agencies or entry[1] != size:
        if len(_CHAIN_CACHE) > 16:
            _CHAIN_CACHE.clear()
        entry = _CHAIN_CACHE[id(agencies)] = (agencies, size, {"chain": {}, "known": {}, "part": {}, "read": {}})
    cache = entry[2][kind]
    if len(cache) > 16384:  # about 400 bytes an entry: at most ~6 MB a kind, not ~26
        cache.clear()
    return cache


def _bar_chain(chain: str, agencies: Agencies) -> tuple[str, bool]:
    """The chain with its bars as slashes, up to the first piece after a bar that is no credit ("REUTERS/Name |
    Trump's Villa Available For …": a page's headline); and whether one word alone stands before the first bar
    ("© Gebag | CKSA/Moren": a company's wordmark, not a surname)."""
    pieces = chain.split(" | ")
    kept = [pieces[0]]
    for piece in pieces[1:]:
        parts = [p.strip(" .,;:()[]") for p in _SPLIT.split(piece) if p.strip(" .,;:()[]")]
        if not parts or not all(agencies.lookup(p) or placeholder_tag(p) or _is_org_like(p) or p.islower()
                                or (_NAMEISH.match(p) and len(p.split()) <= 3) for p in parts):
            break
        kept.append(piece)
    return "/".join(kept), " " not in pieces[0].strip() and "/" not in pieces[0] and len(kept) > 1


def parse_chain(chain: str, agencies: Agencies) -> tuple[list[str], list[str], list[str]]:
    """Split a credit chain into (people, organisations, placeholder tags)."""
    people, orgs, tags = _parsed_chain(chain, agencies)
    return list(people), list(orgs), list(tags)


def _parsed_chain(chain: str, agencies: Agencies) -> tuple[list[str], list[str], list[str]]:
    """parse_chain's remembered reading, its lists shared: copy them before any change."""
    cache = _chain_cache(agencies, "chain")
    hit = cache.get(chain)
    if hit is None:
        hit = cache[chain] = _parse_chain(chain, agencies)
    return hit


def _read_part(part: str, agencies: Agencies) -> tuple[tuple[str, ...], tuple[tuple, ...]]:
    """What one part of a chain says, whoever else the chain names: its placeholder tags and,
    piece by piece, a reading (see _read_piece). Parts repeat across chains, so it is cached."""
    tags: list[str] = []
    if "(" in part:  # "WANA (West Asia News Agency)": the name is WANA (the chain's last ")" may be cut)
        m = _EXPANDED.search(part)
        if m:
            tag = placeholder_tag(m.group().strip(" ()"))  # "Name (File)", "(Pool)"
            if tag and tag != "noise":
                tags.append(tag)
            part = part[:m.start()]
    stripped = part.strip(" .,;:()[]\"'")
    if stripped.endswith(_ABBREVIATED) and part.rstrip(" ,;:()[]\"'").endswith("."):
        stripped += "."  # "Lucasfilm Ltd.", "Raviraj B.M.": the full stop is the abbreviation's
    if '"' in stripped and stripped.count('"') % 2 and part.rstrip(" .,;:").endswith('"'):
        stripped += '"'  # 'пресс-служба "Зенита"': the quote closes the name the part quotes
    part = stripped
    if part[:1] in _LEAD_FIRST and not agencies.lookup(part):  # "Image View" is an agency
        led = _LEAD.sub("", part)
        if led != part and part.startswith(("Фото ", "фото ")) and led[:1].isupper():
            nominative = nominative_name(led)  # "Фото Сергея Шелега": no colon, the photographer's name in the genitive
            if nominative != led:
                tags.append("name_genitive")
                led = nominative
        part = led.strip(" .,;:") if led != part else part
    if ". " in part:
        head = _SENTENCE_HEAD.match(part)
        if head and " " in part[head.end():].strip():  # "Hans Chr. Gabelgaard" is one name
            part = part[head.end():]
    courtesy = False
    if part[:1] in _COURTESY_FIRST:
        c = _COURTESY_LEAD.match(part)
        if c:  # "Courtesy Gary Sinise Foundation": a handout from whoever follows (credit.courtesy_part)
            tags.append("handout")  # "Cedida por" (given by) names an organisation, never a photographer
            part, courtesy = part[c.end():], ("given" if "edid" in c.group() else True)
    if part.endswith((" file", " files")):  # "Peninsula Clarion file", "The Commercial Appeal files": the paper's archive
        tags.append("file")
        part = part.rpartition(" ")[0].rstrip()
    elif part.endswith(" staff") and not placeholder_tag(part):  # "Globe staff", "SLQ staff": the organisation's own
        tags.append("staff")
        part = part[:-6].rstrip()
    elif part.endswith(" Staff") and _staff_of(part[:-6].rstrip(), agencies):  # "Globe Staff", "Tribune Staff"
        tags.append("staff")
        part = part[:-6].rstrip()
    g = _GLUED_TAG.match(part) if part.startswith(_GLUED_START) else None
    if g:  # "File PhotoWELLINGTON, Oct 6 (Reuters)": the story runs on
        return (PLACEHOLDERS.get(g["tag"].casefold(), "file"),), ()
    dashed = "-" in part or "–" in part  # _DASHES, as two `in` tests (no generator frame)
    m = _SUFFIX_TAG.match(part) if dashed or "," in part else None
    if m:
        tags.append(PLACEHOLDERS.get(m["tag"].casefold(), "file"))
        part = m["rest"].strip()
        dashed = "-" in part or "–" in part
    pieces = [s.strip() for s in (_DASH.split(part) if dashed else [part]) if s.strip()]
    readings = tuple([_read_piece(piece, agencies) for piece in pieces])
    if courtesy:  # "Courtesy JDHS Softball", "CORTESIA PROMOCIÓN TURISTICA DE …": an organisation's shape
        readings = tuple(("courtesy_org", _org_name(_ARTICLE.sub("", p))) if r[0] == "name" and (
                         courtesy == "given" or _org_shaped(p))
                         else ("courtesy_org", r[1]) if r[0] == "org" else r for p, r in zip(pieces, readings))
    return tuple(tags), readings


def _staff_of(head: str, agencies: Agencies) -> bool:
    """``Globe Staff``, ``Tribune Staff``: a paper's short name (one capitalised word) or an organisation before "Staff"
    written with its capital, not a placeholder ("Reuters Staff") nor an organisation's own word ("General Staff")."""
    if not head or placeholder_tag(head + " Staff") or head.casefold() in _STAFF_BODIES:
        return False
    return bool(agencies.lookup(head) or _is_org_like(head) or (" " not in head and _TITLE_WORD.fullmatch(head)))


# "General Staff", "Joint Staff", "Chief of Staff": bodies named "Staff", no paper's staff photographer
_STAFF_BODIES = frozenset(("general", "joint", "chief of", "chiefs of", "air", "naval", "army", "defence", "defense"))


_AND = regex.compile(r"[ ]+(?:and|&)[ ]+")


def _joined_names(piece: str) -> list[str] | None:
    """``Peter R. Barber and Mark Perfetti`` → both; ``Eamonn and James Clarke`` → Eamonn Clarke, James Clarke
    (credit.joined_names): every side a name of one to three words, the last two or more."""
    sides = _AND.split(piece)
    words = [side.split() for side in sides]
    if len(words[-1]) < 2 or any(not 1 <= len(w) <= 3 for w in words) \
            or any(_PARTICLE_WORD.fullmatch(x) or not x[:1].isupper() for w in words for x in w):
        return None
    surname = words[-1][-1]
    return [normal_name(" ".join(w if len(w) > 1 else w + [surname])) for w in words]


def _same_name(name: str) -> str:
    return " ".join(name.replace(".", " ").split()).casefold()


def _org_shaped(piece: str) -> bool:
    """A courtesy's source written as an organisation: one word, an article first, an acronym before other
    words ("JDHS Softball"), "and" inside ("SAVVY PR AND EVENTS"), or four words or more in capitals."""
    words = piece.split()
    if len(words) < 2 or piece[:1].islower():
        return True  # "Cedida por Pago", "Cedida por la Corona Británica": one word, or an article first
    if piece.isupper():
        return len(words) >= 4 or any(w in ("AND", "&") for w in words)
    return bool(_SHORT_ACRONYM.fullmatch(words[0].strip(".,"))) or any(w in ("and", "&") for w in words)


_SKIP = ("skip",)
# articles that open papers' names ("La Nación", "El País", "Il Messaggero", "Die Zeit", "Het Parool") and no
# person's name in a credit ("Le", "De", "La" as in "La Russa" stay out: "Le Pen", "De Souza")
_PAPER_ARTICLES = frozenset(CREDIT_MARKERS.get("paper_article", ()))  # "El", "Die", "Het" (data/credit_markers.csv)
_ACRONYM_WORD = regex.compile(r"\p{Lu}{2,5}-\p{Lu}\p{Ll}+")
_GLUED_NAME = regex.compile(r"\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+$")  # "JohnTlumacki": two names, the space lost
_WORDMARK_PHOTO = regex.compile(r"^\p{Lu}{2,}[ ]+(?:PHOTO|Photo)$")
_ABBREVIATED = (" Ltd", " Inc", " Corp", " Co", " Bros") + tuple(f".{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _wordmark_first(parts: list[str], agencies: Agencies) -> bool:
    """``Foto: Lichtgut/Christoph Schmidt``, ``GdP/Hagen Immel``: one word ahead of a person's full name is the agency's
    wordmark, the photographer after it (credit.wordmark_first); not a name whose space was lost (``JohnTlumacki/…``)
    nor ahead of words in capitals (``PHOTOPQR/VOIX DU NORD``: a paper's name as likely as a person's)."""
    first = parts[0].strip()
    return (len(parts) > 1 and " " not in first and not _GLUED_NAME.match(first) and not parts[1].isupper()
            and _person_shaped(parts[1].strip(), agencies))


def _read_piece(piece: str, agencies: Agencies) -> tuple:
    """("tag", tag), ("org", name), ("commission", org), ("name", person, piece), ("skip",), or,
    when no one is named yet, ("person_org", name, org) / ("studio", person, studio), each
    followed by the reading that applies once someone is."""
    tag = placeholder_tag(piece)
    if tag:
        return _SKIP if tag == "noise" else ("tag", tag)
    if piece[-1:].isdigit() and " " in piece:
        year = _YEAR_END.search(piece)
        head = piece[:year.start()] if year else ""
        if year and " " not in head and not agencies.lookup(head) and head[:1].isupper():
            return ("org", piece)  # "Paris 2024", "Qatar 2022": an event's organisers
        if year and head.split()[-1].casefold().rstrip(".") not in _CAL_WORDS:
            # "© AFP 2023 / Name": the year of the copyright ("Noorani 20 July 2015" is a date's)
            return _read_piece(head, agencies)
    if piece.casefold().rstrip(".") in _CAL_WORDS or (
            piece.split()[0].casefold().rstrip(".,") in _CAL_WORDS and all(w.isdigit() for w in piece.split()[1:])):
        return _SKIP  # "Reuters / Sunday, March 26", "UNHCR/Name/March 2010": a date, not a name
    known = agencies.lookup(piece)
    if known:
        return ("org", known)
    member = _network_member(piece, agencies)
    if member:
        return member
    glued = _glued_agency(piece, agencies)
    if glued:
        return glued
    fm = _FOR.match(piece) if " for " in piece or " of the " in piece.casefold() else None
    if fm:  # "Getty Images for Warner Bros.", "Noriko Hayashi for The Washington Post"
        a, b = fm["a"], fm["b"]
        if " of " in fm.group().casefold() and " for " not in fm.group().casefold():
            if _NAMEISH.match(a) and not _is_org_like(a) and not agencies.lookup(a) and (agencies.lookup(b) or _is_org_like(b)):
                return ("person_org", a, b, _read_rest(piece, agencies))  # "Dick Briggs of the Canberra Times"
            return _read_rest(piece, agencies)
        if agencies.lookup(a) or _is_org_like(a):
            return ("commission", agencies.lookup(a) or a)
        if _NAMEISH.match(a):
            return ("person_org", a, b, _read_rest(piece, agencies))
    return _read_rest(piece, agencies)


def _network_member(piece: str, agencies: Agencies) -> tuple | None:
    """``Courier-Post-USA Today Network``, ``The News-Press USA TODAY NETWORK-Florida``: a member paper, then the
    network it belongs to (agencies.csv role "network"), glued by a space or a hyphen, a state's name after it at
    most (credit.network_member). The paper shot the picture; the network is the chain's next organisation."""
    low = piece.casefold()
    for alias, network in _NETWORKS.items():
        at = low.find(alias)
        if at < 0:
            continue
        head, tail = piece[:at].rstrip(" -–"), piece[at + len(alias):].strip(" -–")
        if tail and not lookup_state(tail):  # "USA TODAY NETWORK-Florida": the network's unit in that state
            continue
        if at == 0:  # "…/Naples Daily News/USA TODAY Network-Florida": the network alone, its state no one's name
            return ("org", agencies.lookup(network) or network, "network_member") if tail else None
        paper = agencies.lookup(head)
        if head and (paper or ((_is_org_like(head) or head.startswith(("The ", "THE "))) and head.count(" ") <= 4)):
            return ("org_org", paper or _org_name(head), agencies.lookup(network) or network, "network_member")
    return None


def _glued_agency(piece: str, agencies: Agencies) -> tuple | None:
    """A name and a known agency with no separator or a hyphen between them: ``Name-USA TODAY Sports``,
    ``Ezra Shaw Getty Images``, ``AP-James Manning`` (credit.glued_agency); a name followed by a
    placeholder word: ``Paul Childs Livepic``."""
    words = piece.split()
    if (len(words) < 2 and "-" not in piece) or " for " in piece:
        return None
    if len(words) == 2 and words[1].isupper() and len(words[1]) > 2:
        known = agencies.lookup(words[1])
        if known and not agencies.lookup(words[0]) and not placeholder_tag(words[0]):
            # "… in Milan AFP via Getty Images", "… with the UK AFP via Getty": the sentence's last word runs into
            # an agency's wordmark in capitals (three or more: "AP" may be a name's initials); one word is no
            # photographer's full name (credit.sentence_agency)
            return ("org", known, "sentence_agency")
    if "-" in piece:
        head, _, tail = piece.rpartition("-")
        head, tail = head.strip(), tail.strip()
        if head and tail and " " in head + tail:
            if agencies.lookup(tail) and not agencies.lookup(head) and _NAMEISH.match(head) and " " in head:
                # ("Courier-Post-USA Today Network": one word before the hyphen is a paper's, not a person's name)
                return ("name_org", normal_name(tidy_name(head)), agencies.lookup(tail))
            first, _, rest = piece.partition("-")
            if agencies.lookup(first) and _NAMEISH.match(rest.strip()) and not agencies.lookup(rest.strip()):
                return ("org_name", agencies.lookup(first), normal_name(tidy_name(rest.strip())))
    if len(words) >= 3:
        for k in (3, 2, 1):
            if len(words) - k < 2:
                continue
            tail, head = " ".join(words[-k:]), " ".join(words[:-k])
            if placeholder_tag(tail) == "noise" and _NAMEISH.match(head):
                return _read_piece(head, agencies)
            known = agencies.lookup(tail)
            if known and _NAMEISH.match(head) and not _is_org_like(head) and len(head.split()) <= 3:
                # "Dick Briggs of the Canberra Times": the particle before the paper is neither's
                return ("name_org", normal_name(tidy_name(_TRAILING_PARTICLE.sub("", head))), known)
            if known and " " in tail and (len(head.split()) > 3 or _is_org_like(head)):
                # "… Hurdle Race Action Images via Reuters", "Universal Studios The Print Collector/…": the
                # caption's words (or another organisation) run into a known agency of two words or more
                return ("org", known)
    return None


def _read_rest(piece: str, agencies: Agencies) -> tuple:
    if piece[:1].isdigit():  # "7 Day News": an organisation's name may open with digits, a person's never
        return ("org", _org_name(piece)) if _is_org_like(piece) and " " in piece else _SKIP
    studio = _STUDIO.match(piece) if "Photo" in piece or "Studio" in piece else None  # (two `in` tests, no generator frame)
    if studio:  # "Steve Raines Photography": the studio and its photographer
        return ("studio", studio["name"], piece, _read_name(piece, agencies))
    return _read_name(piece, agencies)


def _without_trailing_date(piece: str) -> str:
    """``Noorani 20 July 2015`` → ``Noorani``: a day, a month word and a year after a name."""
    words = piece.split()
    if len(words) >= 4 and len(words[-1]) == 4 and words[-1].isdigit() and words[-3].isdigit() \
            and len(words[-3]) <= 2 and words[-2].rstrip(".,").isalpha():
        return " ".join(words[:-3])
    return piece


def _read_name(piece: str, agencies: Agencies) -> tuple:
    first, _, rest = piece.partition(" ")
    if rest.count(" ") >= 1 and first.casefold().rstrip(".,") in _CAL_WORDS and rest[:1].isupper():
        piece = rest  # "… that formed last July Dave Killen | The Oregonian": the sentence's month, then the name
    if piece[:1] == "#" and len(piece) > 2:
        return ("org", piece[1:])  # "#WeTheBrave": a campaign's hashtag, an organisation's
    if len(piece) < 2:
        return _SKIP  # "Photo: A decades-old television": a letter is neither a name nor an organisation
    if "." in piece and _DOMAIN.fullmatch(piece[:1].lower() + piece[1:]):  # its first letter may be a capital: "Alcaldes.eu"
        return ("org", piece, "domain_org")  # "Felix Zahn/photothek.net": an outlet named by its web address
    if _is_org_like(piece):
        if piece.count(" ") >= 8 and not agencies.lookup(piece):
            return _SKIP  # "From a group of 114 photographs collected by …": a sentence, not an organisation's name
        return ("org", agencies.lookup(piece) or _org_name(piece))
    piece = tidy_name(_RANK.sub("", piece) if piece.startswith(_RANK_START) else piece)
    piece = _without_particles(_without_trailing_date(piece))  # "Foto: Captura de" (the line ran on), "Hubble &"
    tag = placeholder_tag(piece) if piece[:1].isupper() else None
    if tag:  # "Captura de" (pantalla): a placeholder the particle cut from its last words
        return _SKIP if tag == "noise" else ("tag", tag)
    if " " not in piece and (_SHORT_ACRONYM.fullmatch(piece) or _ACRONYM_WORD.fullmatch(piece)):
        return ("org", piece)  # "UNICEF/NYHQ", "(DOT)", "PR-Video": four capitals or fewer, or an acronym and a word
    if lookup_country(piece) and not piece.isupper():
        return ("tag", "country_part")  # "(Photo: Pakistan/ICRC)": the country the picture was taken in, no one's name
    if _may_be_wordmark(piece) and _WORDMARK.search(piece):  # "OregonLive", "NurPhoto", "Tag24": a capital after four small letters,
        return ("org", piece)      # or one word with digits, is a wordmark's
    if piece.startswith(("The ", "THE ")):
        return ("org", _org_name(piece))  # "Photos: The COLISEUM": a person's name never opens with "The"
    if piece.split(" ", 1)[0] in _PAPER_ARTICLES and " " in piece:
        return ("org", _org_name(piece))  # "Cortesía/La República", "Foto: El Tiempo", "Die Zeit": a paper's article

    if piece.endswith((" Jr", ", Jr", " Sr", ", Sr")):  # "Lauro Montellano, Jr." (its full stop cut with the part's)
        piece = piece.replace(", ", " ") + "."
    if _CAPS_CODE.fullmatch(piece):
        return ("org", piece)  # "CPL T20", "KTLA 5": capitals and digits are an organisation's
    if _NAMEISH.match(piece) and len(piece) <= 48 and not piece.islower():  # "Cedida por la": no capital, no name
        words = piece.split()
        if " and " in piece or " & " in piece:
            names = _joined_names(piece)
            if names:
                return ("names", names, piece)
        if len(words) == 4 and all(_TITLE_WORD.fullmatch(w) and w not in _CAPITAL_PARTICLES for w in words):
            # "Charlize Theron Steve Granitz/WireImage": a gallery's subject, then the photographer
            # (credit.subject_before_name): two names of two words, the credit's is the second
            return ("subject_name", normal_name(" ".join(words[2:])), piece)
        return ("name", normal_name(piece), piece)
    return _SKIP


def _split_chain(chain: str) -> list[str]:
    """``_SPLIT.split(chain)``. _SPLIT splits at three spaces, a slash, or "via" between spaces: a chain with none
    of "   ", "/", "v" or "V" is one part, not searched (tests/test_read_shortcuts.py)."""
    if "/" not in chain and "   " not in chain and "v" not in chain and "V" not in chain:
        return [chain]
    if "   " in chain or not (chain.isascii() and chain.isprintable()):
        return _SPLIT.split(chain)
    # A chain in ASCII whose only white space is " " (str.isprintable: no tab, line break nor control character) and
    # that holds no run of three spaces: _SPLIT's first shape never matches, its slash's takes every space after the
    # slash and every space before it (a run of spaces opens after a character that is no space, at the chain's start,
    # or right after the slash before, which took it), and the word "for" after it when spaces follow; its "via" shape
    # takes " via " (any case) after a character that is no space: a chain whose every "via" is such a word, with one
    # space each side, neither a space nor "/" before it nor after it, is cut there and at its slashes, by str.find and
    # str.split (b10k's 2,261 chains, 42 sent to _SPLIT: a chain's median 2.4 -> 1.4 µs warm, 25.6k -> 17.6k instructions
    # a chain under cachegrind; tests/test_read_shortcuts.py compares the two)
    low = chain.lower()  # (ASCII: as long as the chain, each letter where it was)
    vias = []
    at = low.find("via")
    while at >= 0:
        if not (at >= 2 and low[at - 1] == " " and low[at - 2] not in " /" and low[at + 3:at + 4] == " "
                and low[at + 4:at + 5] not in ("", " ", "/")):
            return _SPLIT.split(chain)
        vias.append(at - 1)
        at = low.find("via", at + 3)
    pieces = chain.split("/")
    last = len(pieces) - 1
    for i in range(1, last + 1):
        piece = pieces[i].lstrip(" ")
        if piece[3:4] == " " and piece[:3].lower() == "for":
            return _SPLIT.split(chain)  # ("/ for Name": the slash's "for" goes with it)
        pieces[i] = piece
    for i in range(last):
        pieces[i] = pieces[i].rstrip(" ")
    if not vias:
        return pieces
    split = []
    for piece in pieces:  # (each " via " inside a piece, off its stripped ends: none is next to a slash)
        if " " in piece and "via" in piece.lower():
            lower = piece.lower()
            start = 0
            cut = lower.find(" via ")
            while cut >= 0:
                split.append(piece[start:cut])
                start = cut + 5
                cut = lower.find(" via ", start)
            split.append(piece[start:])
        else:
            split.append(piece)
    return split


def _without_particles(piece: str) -> str:
    """``_TRAILING_PARTICLE.sub("", piece)``: the pattern needs one of its words after a space at the end (or before
    a last newline, where ``$`` also matches): a piece whose last word is none of them is returned as it is."""
    if "\n" in piece or piece.rpartition(" ")[2] in _PARTICLE_ENDS:
        return _TRAILING_PARTICLE.sub("", piece)
    return piece


def _may_be_wordmark(piece: str) -> bool:
    """Whether _WORDMARK can match: its first shape needs a small letter right before a capital (_LOWER_UPPER), its
    second a digit at the end (or before a last newline); a piece in capitals has neither (tested first: cheaper)."""
    return not piece.isupper() and (piece[-1:].isdigit() or "\n" in piece or bool(_LOWER_UPPER.search(piece)))


def _parse_chain(chain: str, agencies: Agencies) -> tuple[list[str], list[str], list[str]]:
    people: list[str] = []
    orgs: list[str] = []
    tags: list[str] = []
    commissioned = False  # "Getty Images for Mercedes-Benz": the first organisation shot it
    bar_first = False
    if " | " in chain:  # "picture alliance/dpa | Name", "© Name | Magnum Photos": a desk's bar separates parts as a slash does
        chain, bar_first = _bar_chain(chain, agencies)
    whole = chain.strip(" /.,;:()[]")
    if whole.endswith(_ABBREVIATED) and chain.rstrip(" /,;:()[]").endswith("."):
        whole += "."  # "…/Lucasfilm Ltd.": the abbreviation's full stop
    parts = [p for p in _split_chain(whole) if p.strip()]
    # (a part without a comma is its own split: not passed to _split_comma_agency)
    parts = [q for p in parts for q in (_split_comma_agency(p, agencies) if "," in p else (p,))]
    if not parts or not _LOWER_UPPER.search(parts[0]):
        pass  # both glues below need a small letter right before a capital (33 first parts of 3,571 chains have one)
    elif (glued := _glued_caps_end(parts[0])) is not None:  # "Sam AltmanJOEL SAGET/AFP": the page lost a break
        parts[0] = parts[0][glued:]
    elif _GLUED_TITLE.match(parts[0]):  # "… do MaracanãReginaldo Pimenta / Agência O Dia"
        parts[0] = _GLUED_TITLE.sub("", parts[0], count=1)
    # "…/Koz/Spt/11": a desk's initials and number close the chain (the pattern needs a slash: tested first)
    coded = "/" in chain and bool(_CODED_END.search(chain))
    lone = len(parts) == 1 and " " not in parts[0].strip() and "-" not in parts[0]
    acronym_first = len(parts) > 1 and (bool(_ACRONYM.fullmatch(parts[0].strip())) or (bar_first and " " not in parts[0].strip()))
    wordmark = False  # (credit.wordmark_first, tested only when the first part reads as a name)
    readings = _chain_cache(agencies, "part")
    for part in parts:
        read = readings.get(part)
        if read is None:
            read = readings[part] = _read_part(part, agencies)
        part_tags, pieces = read
        tags.extend(part_tags)
        for r in pieces:
            while people and r[0] in ("person_org", "studio"):
                r = r[-1]  # these read a piece this way only while no one is named yet
            if r[0] == "names":
                tags.append("joined_names")
                people.extend(p for p in r[1] if _same_name(p) not in (_same_name(q) for q in people))
                continue
            if r[0] == "subject_name":  # only ahead of a known organisation ("…/WireImage/Getty Images")
                if _any_known(chain, agencies):
                    tags.append("subject_before_name")
                    r = ("name", r[1], r[2])
                else:
                    r = ("name", normal_name(r[2]), r[2])
            kind = r[0]
            if kind == "tag":
                tags.append(r[1])
            elif kind == "courtesy_org":  # "EFE/Cedida por ORG", "Name/Cedida por ORG": the source comes first
                orgs.insert(0, r[1])
            elif kind == "org":
                if commissioned and not agencies.lookup(r[1]):
                    continue  # "Getty Images for The Met Museum/Vogue": the clients, not a distributor
                if orgs and r[2:] == ("domain_org",):
                    continue  # "CDC/wikipedia.org": where the picture was found after its source, no distributor
                orgs.append(r[1])
                if len(r) > 2:
                    tags.append(r[2])  # the rule that read it (credit.sentence_agency)
            elif kind == "commission":
                orgs.append(r[1])
                commissioned = True
            elif kind == "org_org":  # a member paper and its network (credit.network_member)
                orgs.extend(r[1:3])
                tags.append(r[3])
            elif kind == "person_org":  # "W. Reid for the Auckland Weekly News", "Dick Briggs of the Canberra Times"
                people.append(normal_name(r[1]))
                orgs.append(agencies.lookup(r[2]) or _org_name(_ARTICLE.sub("", r[2])))
            elif kind == "studio":
                people.append(r[1])
                orgs.append(r[2])
            elif kind == "name_org":
                if r[1].casefold() not in (p.casefold() for p in people):
                    people.append(r[1])
                orgs.append(r[2])
            elif kind == "org_name":
                orgs.append(r[1])
                if r[2].casefold() not in (p.casefold() for p in people):
                    people.append(r[2])
            elif kind == "name" and not people and not r[2].islower() and (lone or (part is parts[0] and (
                    acronym_first or (wordmark := _wordmark_first(parts, agencies))))):
                # "Photo: Sportsfile", "(DBT/Neuhauser)", "UNHCR/E. Hockstein": a lone word, or an
                # acronym ahead of a name, is an organisation's wordmark (credit.lone_org)
                if wordmark:
                    tags.append("wordmark_first")
                orgs.append(r[2])
            elif kind == "name":
                person = r[1]
                if people and _same_name(person) in (_same_name(p) for p in people):
                    continue  # (no one named yet: nothing to compare with)  # "Hannes P. Albert/dpa/Hannes P Albert": the name repeated
                if not people:
                    people.append(person)
                elif coded and len(r[2]) <= 3 and not r[2].isupper():
                    continue  # "…/Name/Koz/Spt/11": an editor's initials after the photographer
                elif commissioned:
                    continue  # "Getty Images for The Met Museum/Vogue": a client, not a distributor
                else:
                    orgs.append(_org_name(r[2]))

    # AFP's handouts: "AFP PHOTO / HO / SANA": the source follows the handout mark, AFP distributes
    # (credit.handout_source)
    if len(orgs) == 2 and "handout" in tags and len(parts) == 3 and _WORDMARK_PHOTO.match(parts[0]) \
            and placeholder_tag(parts[1]) == "handout":
        orgs = orgs[::-1]
        tags.append("handout_source")
    # "REUTERS/Name/Agencia Brasil/Handout via Reuters": the wordmark repeats as distributor
    if len(orgs) > 2 and orgs[0] == orgs[-1]:
        orgs = orgs[1:]
    seen: set[str] = set()
    unique = []
    for o in orgs:
        if o.casefold() not in seen:
            seen.add(o.casefold())
            unique.append(o)
    # "REUTERS/KCNA", "Name/AP Photo/Times Herald-Record": a distributor's wordmark
    # ahead of another organisation distributes that organisation's picture
    if (len(unique) > 1 and not commissioned and unique[0] in agencies.distributors
            and unique[-1] not in agencies.distributors):
        unique = unique[1:] + unique[:1]
    if len(unique) > 1 and unique[0] in _INSTITUTIONS:
        # "NASA/JPL-Caltech/Univ. of Arizona": an institution's partners, not a distributor
        # (credit.institution_partners); a distributor or news agency after it still distributes
        partners = [o for o in unique[1:] if o in _INSTITUTIONS or not agencies.lookup(o)]
        if partners:
            tags.append("institution_partners")
            unique = [o for o in unique if o not in partners]
    return people, unique, tags


# --- the rules --------------------------------------------------------------
@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str
    needles: tuple[str, ...] = ()  # lower-case; the rule runs only if one is in the caption
    tail: bool = False             # anchored at the caption's end: search its last TAIL chars
    only_known: bool = False       # every part must be a known agency or a placeholder
    backward: bool = False         # anchored at line ends: searched backwards
    gate: str = ""                 # a cheap test the caption must pass first (see _GATES)
    # tail rules: characters no match can contain, so that the match depends only on the text
    # from the last of them on (a lookbehind may see that one); the match is remembered by it
    stop: str = ""
    last_first: bool = False       # searched forwards, its matches tried last first (credits end captions)
    # a whole line ("(?m:^)…(?m:$)"): one forward attempt at each line's start, the last line first; a
    # search from the end would try every way to split the line's last words into parts before failing
    # at a line of prose, a forward one fails at its first word that cannot be a part
    whole_line: bool = False


TAIL = 400


def _alternation(words, cased: bool = False) -> str:
    """The words as one alternation; ``cased``: as written, Capitalised, Title Case or in CAPITALS only."""
    if cased:
        words = {v for w in words for v in (w, w[:1].upper() + w[1:], w.title(), w.upper())}
    return "|".join(regex.escape(w).replace("\\ ", "[ ]+") for w in regex.longest_first(words))


# credit markers (data/credit_markers.csv): "Photo:", "Foto/", "Crédito:", "Photo by", "Courtesy of", "PIC NAME"
_LABEL_WORDS = _alternation(CREDIT_MARKERS.get("label", ()), cased=True)
_BY_WORDS = _alternation(CREDIT_MARKERS.get("by", ()))
_COURTESY_WORDS = _alternation(CREDIT_MARKERS.get("courtesy", ()))
# a courtesy marker opening a bracket in any casing ("(Photo Courtesy of NAME)"): courtesy_marker's, no organisation's name
_COURTESY_START = tuple(sorted({" ".join(w.casefold().split()) for w in CREDIT_MARKERS.get("courtesy", ())}))
# written after their source in Han: "臺中市政府提供" (provided by the city government), "小花母亲供图"
_HAN_GIVEN_END = CREDIT_MARKERS.get("given_after", ())
_BARE_WORDS = _alternation(CREDIT_MARKERS.get("bare", ()), cased=True)  # "Foto", "FOTO"
_BARE_FIRST = tuple({v for w in CREDIT_MARKERS.get("bare", ()) for v in (w.split()[0], w.split()[0].upper())})
_BARE_NEEDLES = tuple({w.lower() + " " for w in CREDIT_MARKERS.get("bare", ())})
_BARE_FIRST_SPACED = tuple(w + " " for w in _BARE_FIRST)
_BARE_FIRST_FIND = _stdlib_re.compile("|".join(_stdlib_re.escape(w) for w in _BARE_FIRST_SPACED))
assert not any(w != o and w in o for w in _BARE_FIRST_SPACED for o in _BARE_FIRST_SPACED)  # (see _bare_tail)


# a name's particles in lower case (data/name_words.csv): "van", "de", "da" may sit inside the name after a bare marker
_BARE_PARTICLES = frozenset(w for w in NAME_WORDS.get("particle", ()) if w.islower() and not w.endswith("."))


def _bare_tail(tail: str) -> bool:
    """A bare marker in a line's last characters, followed by two to four capitalised words only."""
    words = tail.split()
    if len(words) < 3:  # the marker's word and two words after it at least
        return False
    # the words after a marker (which ends in a space) are the tail's last words, two at least, capitalised but for a
    # name's particles inside ("Beeld Robbert van Veen"): the tail's last two words are among them (most lines end in
    # prose: 5 -> 1 µs a gated caption, b10k)
    if not (words[-1][:1].isupper() and (words[-2][:1].isupper() or words[-2] in _BARE_PARTICLES)):
        return False
    # each marker's last occurrence, found by one scan (no marker holds another: the scan finds every occurrence of
    # each) instead of one rfind for each of the twenty (3.5 -> 1.4 µs a line, b10k's lines with a bare needle)
    ends = {m.group(): m.end() for m in _BARE_FIRST_FIND.finditer(tail)}
    for end in ends.values():
        after = tail[end:].split()
        if (2 <= len(after) <= 4 and after[0][:1].isupper()
                and all(x[:1].isupper() or x in _BARE_PARTICLES for x in after[1:])):
            return True
    return False


# the last words of the "by" markers ("Photo by", "Foto von", "Picha na"): credit_by finds them first, then looks behind
_BY_LAST = _alternation({w.split()[-1].casefold() for w in CREDIT_MARKERS.get("by", ())})
# (needles in lower(), as _credit_state lowers the caption: casefold() would fold Greek's final ς to σ)
_BY_NEEDLES = tuple(sorted({" ".join(w.lower().split()) for w in CREDIT_MARKERS.get("by", ())}))
_MARKER_NEEDLES = tuple(sorted({" ".join(w.lower().split()) for w in CREDIT_MARKERS.get("label", ())}))
# a name in the genitive before a marker written after it ("Vygaudo Juozaičio nuotr.", "Algimanto ir Mindaugo Černiauskų
# nuotrauka": data/credit_markers.csv kind genitive_after): given names end in a singular genitive ending of the marker's
# language, the surname in any of its endings (data/name_cases.csv; a plural one for two of a family), in title case or
# capitals; two given names may share the surname ("ir", and); genitive_name_after turns them to the nominative
_GEN_ENDINGS = {lang: [e for e, _ in endings] for lang, endings in name_cases().items()}
# (longest_first: one pattern text under every hash seed, tests/test_pattern_cache.py)
_GEN_SINGULAR = "|".join(regex.escape(e) for e in regex.longest_first(e for es in _GEN_ENDINGS.values() for e in es
                                                                      if not e.endswith("ų")))
_GEN_ANY = "|".join(regex.escape(e) for e in regex.longest_first(e for es in _GEN_ENDINGS.values() for e in es))
_GEN_GIVEN = r"(?:\p{Lu}\p{Ll}+(?:" + _GEN_SINGULAR + r")|\p{Lu}\.)"
_GEN_MARKERS = "|".join(regex.escape(m) for m in regex.longest_first(GENITIVE_MARKERS))
_GEN_NEEDLES = tuple(sorted({m.lower().rstrip(".") for m in GENITIVE_MARKERS}))

# the "by" markers whose last word is also a name's particle ("Foto de", "Fotografia do", "Foto von", "Foto van", "Foto
# di"): end_chain would read that word into the photographer's name ("de Reinaldo Rodrigues"), so by_particle_end reads
# such a marker and its chain first when they close the caption
# (and the "by_start" markers, read there only: their words run in prose too, "uma fotografia do Presidente")
_BY_PARTICLE = tuple(w for w in CREDIT_MARKERS.get("by", ()) + CREDIT_MARKERS.get("by_start", ()) if len(w.split()) > 1
                     and w.split()[-1].casefold() in {p.casefold() for p in NAME_WORDS.get("particle", ())})
_BY_PARTICLE_WORDS = _alternation(_BY_PARTICLE)
_BY_PARTICLE_NEEDLES = tuple(sorted({" ".join(w.lower().split()) + " " for w in _BY_PARTICLE}))
# initials may be glued: "A.G. Grant", "W.J. Hall"
# (a surname may hold one more capital after small letters: "McCann", "MacDonald", "DeShawn")
_NAME_SUFFIX = (r"(?:,?[ ]+(?:" + "|".join(regex.escape(w[:-1]) + r"\.?" if w.endswith(".") else regex.escape(w)
                                     for w in NAME_WORDS.get("suffix", ())) + r")(?![\p{L}\p{N}]))?")
_NAME_SUFFIXES = frozenset(v for w in NAME_WORDS.get("suffix", ()) for v in (w, w.rstrip(".")))
_NAME_TITLE = r"(?:\p{Lu}[\p{Ll}\p{M}'’\-]+|(?:\p{Lu}\.){1,3}|\p{Lu}{2}(?=[ ]+\p{Lu}\p{Ll}))(?:[ ]+(?:\p{Lu}[\p{Ll}\p{M}'’\-]+(?:\p{Lu}\p{Ll}+)?|\p{Lu}\.|" + _PARTICLES + r")){1,3}"
# a name before its e-mail address: a middle initial may lose its full stop between two capitalised words ("Jose A
# Iglesias"), and a generational suffix may close it ("Gilbert R. Boucher II", "Name Jr."; data/name_words.csv kind
# suffix); in name_email only, where the address confirms the name (the wider shape in every rule that reads a
# name cost 1.4% of parse time, cachegrind)
_NAME_TITLE_EMAIL = (r"(?:\p{Lu}[\p{Ll}\p{M}'’\-]+|(?:\p{Lu}\.){1,3}|\p{Lu}{2}(?=[ ]+\p{Lu}\p{Ll}))(?:[ ]+(?:\p{Lu}[\p{Ll}\p{M}'’\-]+"
                     r"(?:\p{Lu}\p{Ll}+)?|\p{Lu}\.|\p{Lu}(?=[ ]+\p{Lu}\p{Ll})|" + _PARTICLES + r")){1,3}" + _NAME_SUFFIX)
_NAME_ANY = rf"(?:{_NAME_CAPS}|{_NAME_TITLE})"
# a marker's chain may close with ", ORGANISATION" ("Photo by: Cpl Name, Imagery Valcartier"): parse_chain keeps
# the organisation, or drops what follows the comma when it is none
# a label's organisation may open with digits: "Credit: 7 Day News", "Credit: 20th Century Fox", "(Source: 1News)"
_NUMBERED = r"(?:\d{1,4}(?:st|nd|rd|th)?[ ]?(?=\p{Lu}))?"
# (a military unit too: "Photo: Sgt. 1st Class Name, 1st Armored Division")
_COMMA_ORG = r"(?:,[ ]*(?=\p{Lu}|\d{1,3}(?:st|nd|rd|th)[ ]\p{Lu})" + _NUMBERED + _PART + r")?"
_CHAIN_ANY = _PART + r"(?:" + _SEP + _PART + r")*" + _COMMA_ORG

_MONTH_WORDS = "|".join(regex.longest_first({m.capitalize() for m in MONTHS} | {m.upper() for m in MONTHS}))
_WEEKDAY_WORDS = "|".join(w.capitalize() for w in WEEKDAYS)
# a label opening the caption whose words run on in lower case ("IMAGE: Prime Minister Modi senses wet weather …",
# "PHOTO: People gather at …"): the label heads the description, it is no credit (credit.label_heads_text)
_RUNS_ON = regex.compile(r"[ ]+\p{Ll}")
_RUNS_ON2 = regex.compile(r"[ ]+\p{Ll}+[ ]+\p{Ll}")  # two words in lower case: a sentence's, not a credit's
_SUFFIX_WORD = regex.compile(r"(?i:jr|sr|inc|ltd|llc|file|pool|handout|ho|file photo)\.?$")
# words that open a sentence fragment, never a person's name ("… Inc. All Rights")
_NOT_FIRST_NAMES = frozenset(NAME_WORDS.get("not_first_name", ()))  # data/name_words.csv
_LABEL_RULES = frozenset(("label_colon", "credit_marker"))
_OUTLET = regex.compile(r"(?:The[ ]+)?\p{Lu}\p{Ll}+(?:[ ]+\p{Lu}[\p{Ll}\-]+){1,3}")
# an outlet's name of one word after a photographer's on a line of its own: "KANSAN", "Fotolens" (five capitals or four letters at least)
_ONE_WORD_OUTLET = regex.compile(r"\p{Lu}(?:\p{Lu}{4,}|\p{Ll}{3,})")
# a street's or a venue's last word: "Main Street/Today", "Allen Fieldhouse/Sunday" name no photographer
_SITE_ENDS = frozenset(w.casefold() for kind in ("street", "venue") for w in place_words().get(kind, ()))
_WHOLE_ORG_RULES = frozenset(("end_domain", "end_org", "paren_org_end"))
_CJK_NAME_RULES = frozenset(("cjk_reporter",))
_CASELESS_RULES = frozenset(("caseless_label", "hebrew_paren_name"))
_CREDIT_WORDS = frozenset(w.casefold() for kind in ("label", "bare", "by") for m in CREDIT_MARKERS.get(kind, ())
                          for w in m.split())
_AFTER_SENTENCE = r"(?:(?<=[.!?\"”)|][ ]{1,3})(?<!(?<![\p{L}.])\p{Lu}\.[ ]{1,3})|(?<=\n[ ]{0,3})|^)"

# Chinese and Japanese credits (no capitals: the Latin chain reader cannot see their names): a name is two to five
# Han characters (Xinhua pads a name of two with a space, "邓 华"); several are joined by 、 (eight at most: a list
# without bound let every start in a long run of Han words and commas read to the run's end before failing,
# quadratic in the run: "拍摄视频，" repeated to 10 kB took 0.27 s; the shared captions credit two at most)
_HAN_NAME = r"\p{Han}(?:[ ]?\p{Han}){1,4}"
_HAN_NAMES = _HAN_NAME + r"(?:[、，,][ ]*" + _HAN_NAME + r"){0,7}"
_HAN_SHOT = r"(?:摄影报道|攝影報道|摄影|攝影|撮影|摄|攝)"
_HAN_STAFF = r"(?:摄影记者|攝影記者|记者|記者|采访人员|採訪人員|通讯员|通訊員|摄影师|攝影師)"
_HAN_LABELS = "|".join(sorted((m for m in CREDIT_MARKERS.get("label", ()) if all("\u3400" <= c <= "\u9fff" for c in m)),
                              key=len, reverse=True))
# a picture's date in an archive's caption: "5/1973", "12/13/1950", "May 5th, 1959", "8th October 1952" (date_by_name)
_DATE_BY = (r"(?<![\p{L}\p{N}/])(?:\d{1,2}/(?:\d{1,2}/)?|(?:" + _MONTH_WORDS + r")\.?[ ]+\d{1,2}(?:st|nd|rd|th)?,?[ ]+"
            r"|\d{1,2}(?:st|nd|rd|th)?[ ]+(?:" + _MONTH_WORDS + r")\.?,?[ ]+)(?:1[89]|20)\d\d")
# scripts with no capitals (Hebrew, Arabic, Bengali, Devanagari, Thai, Gujarati, Malayalam): a label of theirs ("ছবি:",
# "צילום:", "عکاس:"), then a name of one to four words closing the line (caseless_label; the chain reader needs capitals
# to see a name)
_CASELESS = r"\p{Hebrew}\p{Arabic}\p{Bengali}\p{Devanagari}\p{Thai}\p{Gujarati}\p{Malayalam}"
_CASELESS_MARKERS = tuple(m for m in CREDIT_MARKERS.get("label", ()) if regex.fullmatch(r"[" + _CASELESS + r" ]+", m))
# ("ภาพโดย NAME", Thai: picture by; a "by" marker needs no colon)
_CASELESS_BY = tuple(m for m in CREDIT_MARKERS.get("by", ()) if regex.fullmatch(r"[" + _CASELESS + r" ]+", m))
# (initials joined by full stops: "എം.എസ്.ശ്രീധർലാൽ", M. S. Sreedharlal)
# (Hebrew abbreviations carry a gershayim between their last two letters, typed as a straight quote: "דובר צה\"ל", the IDF
# spokesperson)
_CASELESS_WORD = (r"[" + _CASELESS + r"](?:[" + _CASELESS + r"\p{M}\u200c\u200d'’\-]|\.(?=[" + _CASELESS + r"])"
                  r"|(?<=\p{Hebrew})[\"״](?=\p{Hebrew}))*")
_CASELESS_NAME = _CASELESS_WORD + r"(?:[ ]" + _CASELESS_WORD + r"){0,3}"
_HEBREW_WORD = r"\p{Hebrew}[\p{Hebrew}'’\-]*"
_DASH_LABELS = CREDIT_MARKERS.get("dash", ())  # "PC – NAME", "Photographer - NAME" (data/credit_markers.csv)
_COMMA_LABELS = _alternation(CREDIT_MARKERS.get("comma_label", ()))  # "Image source, NAME" (BBC pages)
# Order is priority: the first rule that yields a photographer or agency gives the credit.
RULES: list[Rule] = [
    Rule("should_read", r"\(?\s*\bPhoto credit should read:?\s*(?P<chain>[^()\n]+?)\s*(?:\)|$|(?=\n))",
         ("should read",)),
    Rule("mandatory_credit_photo_by",
         r"\b(?i:Mandatory Credit):\s*(?i:Photo by)\s*(?P<chain>[^()\n]+?)\s*\(\w+\)", ("mandatory credit",)),
    Rule("photo_by", r"\((?i:photo(?:graph|graphy)?|photo ill?ustration|picture|image|pictures)s?(?:[ ]+(?i:credit))?\s*"
         r"(?i:by\b|:)\s*(?P<chain>[^()\n]+?)\s*\)", ("(photo", "(picture", "(image")),
    # French papers: "(Photo Prakash Mathema. AFP)": the photographer, a full stop, the agency (photo_name_dot_agency)
    # (also unbracketed, closing the caption after a sentence: "… à Paris. Photo Thomas Samson. AFP")
    Rule("photo_name_dot_agency", r"(?:\(|(?<=[.!?”\"][ ]{1,3}))(?i:photo|foto)[ ]+(?P<name>" + _NAME_ANY + r")\.[ ]*"
         r"(?:(?P<agency>[^()\n.]{2,30}?)[ ]*\)|(?P<agency>[^()\n.]{2,30}?)[ ]*\.?[ ]*$)",
         ("(photo ", "(foto ", "photo ", "foto "), gate="photo_name_dot"),
    Rule("org_photo_by", r"(?:\(|" + _AFTER_SENTENCE + r"(?:[–—-][ ]+)?)(?P<org>" + _FIRST + r"(?:[ ]+" + _TOKEN + r"){0,5})"
         r"[ ]+(?i:photos?|photographs?)(?:[ ]+illustration)?[ ]+(?i:by)[ ]+(?P<chain>[^()\n]+?)[ ]*"
         r"(?:\)|\.?[ ]*$|(?=\n))", (" photo by", " photograph by", " photos by", " photographs by")),
    Rule("agency_photo_paren", r"\(\s*(?P<chain>(?:AP|AFP|Ap|Afp) (?:Photo|PHOTO)\s*/\s*[^()\n]+?)\s*\)",
         ("ap photo", "afp photo")),
    Rule("photography_by", r"(?m:^)[ ]*Photo(?:graphy|graph)? by[ ]+(?P<chain>[^ \n](?:[^\n]*?[^ \n])?)[ ]*(?m:$)",
         ("photo by", "photograph by", "photography by"), gate="line_starts_photo"),
    Rule("reuters", r"(?<!/[ ]*)(?P<chain>\b(?:REUTERS|Reuters)[ ]*/[ ]*" + _PART + r"(?:" + _SEP + _PART + r")*)",
         ("reuters",)),
    # "ST PHOTO: NAME", "AA photo", "AP Foto/Name": a known organisation's picture marker
    Rule("org_photo_label", r"[:/](?<=(?<![\p{L}\p{N}])(?P<org>" + _FIRST + r"(?:[ ]+" + _FIRST + r"){0,2})[ ]+"
         r"(?:PHOTO|Photo|FOTO|Foto)[ ]*[:/])[ ]*(?P<chain>" + _CHAIN_ANY + r")", ("photo:", "photo /", "photo/", "foto/", "foto:", "foto /")),
    Rule("label_colon", r"(?:(?<!(?i:file)[ ])\b(?:Photographer|Photograph|Photo|Credit|Image source|Image|Picture|PHOTO)"
         r"\s*(?::|\.\.\.|…|,(?=[^,\n]*/))\s*|\bCredit(?=\p{Lu}))(?P<chain>" + _NUMBERED + _PART + r"(?:" + _SEP + r"?" + _PART + r")*"
         + _COMMA_ORG + r")",
         ("photo", "credit", "image", "picture"), gate="label_mark"),
    # the markers of every language, also glued to the word before ("…in St BartsCredit: Splash") and
    # with a slash ("Photo / Supplied", "Foto/ EFE") (credit_marker)
    # The New York Times: "Credit Name/Agence France-Presse — Getty Images", "Credit Credit Name/EPA, via Shutterstock",
    # "Credit Name for The New York Times": the word Credit, no colon, a chain to the line's end (credit_word)
    Rule("credit_word", _AFTER_SENTENCE + r"Credit(?:[ ]+Credit)?(?:\.\.\.|…)?[ ]*(?P<chain>\p{Lu}[^\n]{2,100}?)[ ]*\.?[ ]*(?m:$)",
         ("credit ",), backward=True),
    # Wikimedia Commons' attribution line: "By NAME (Own work) [CC BY-SA 3.0], via Wikimedia Commons", "„Title“ von
    # NAME Lizenziert unter CC BY 3.0 über Wikimedia Commons": the author, then the licence, then the site
    # (wikimedia_attribution; the chain read is "NAME via Wikimedia Commons")
    Rule("wikimedia_attribution", r"(?<![\p{L}\p{N}])(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or)[ ]+(?P<chain>\p{Lu}[^\n()\[\],/]{1,60}?)"
         r"(?:[ ]*\([^()\n]{0,80}\))?(?:[ ]+[-–][ ]+[^\n\[\]]{0,40}?)?[ ]*(?:\[[^\[\]\n]{0,60}\]|[.,]?[ ]*(?i:licensed[ ]+under|lizenziert[ ]+unter"
         r"|sous[ ]+licence|bajo[ ]+licencia)[ ]+[^\n]{0,40}?|,[ ]*CC[^,\n]{0,30})?[ ]*,?[ ]*(?:via|über|par|vía)[ ]+Wikimedia[ ]+Commons",
         ("wikimedia commons",)),
    Rule("credit_marker", r"(?::(?<=(?P<lead>(?<![\p{L}\p{N}])(?<!(?i:file)[ ])(?:" + _LABEL_WORDS + r")"
         r"|(?<=\p{Ll})(?:Credit|Photo|Picture|Foto|Image)s?)[ ]*:)"
         r"|/(?<=(?:(?<=[\n(\[.!?][ ]{0,3})|^)(?P<lead>" + _LABEL_WORDS + r")[ ]*/)(?![ ]*\d))"
         r"[ ]*+\n?[ ]*+(?:©[ ]*+)?(?P<chain>" + _NUMBERED + _CHAIN_ANY + r")", _MARKER_NEEDLES, last_first=True,
         gate="label_before_mark"),
    # (also "(C) NAME", and a year and "by" after the sign: "Copyright © 2012 by Open Water Source")
    Rule("copyright", r"(?:©|\((?:c|C)\))\s*(?:(?:19|20)\d\d[ ]*,?[ ]*(?:by[ ]+)?)?(?P<chain>" + _PART + r"(?:" + _SEP + _PART + r")*)", ("©", "(c)")),
    # "…⏎Fotografia de NAME/ORG", "(Fotografia do ORG)", "… . Foto von NAME/dpa": a "by" marker ending in a name's
    # particle, at a line's or a sentence's start or after a bracket, then its chain closing the caption (by_particle_end)
    Rule("by_particle_end", r"(?:(?<=[.!?”\"][ ]{1,3})|(?<=\n[ ]{0,3})|(?<=[ ])(?=[(\[])|^)[(\[]?(?i:" + _BY_PARTICLE_WORDS
         + r")[ ]+(?P<chain>" + _CHAIN_ANY + r")[ ]*[)\]]?[ ]*\.?[ ]*$", _BY_PARTICLE_NEEDLES, tail=True),
    # AP's archive and pool notes close the bracket: "(Kyodo News via AP, File)", "(Name/Pool Photo via AP, File)"
    Rule("paren_chain", r"\(\s*(?P<chain>" + _CHAIN + r"(?:,[ ]*(?:File|FILE|Pool|POOL|Handout|HO)\.?)?)\s*\)", ("/", " via "),
         gate="paren"),
    # a name and its e-mail address, on the next line or after a separator: "Harry Lynch\nhlynch@paper.com"
    # (also a space alone between them: "… in December 2015. Roberto Koltun rkoltun@elnuevoherald.com")
    Rule("name_email", r"(?:(?<=[\n.!?”\"][ ]{0,3})|^)[ ]*(?P<name>" + _NAME_CAPS + "|" + _NAME_TITLE_EMAIL + r")(?:[ ]*\n[ ]*|[ ]*[~/|•–—-][ ]*|[ ]+)"
         r"(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)", ("@",)),
    Rule("end_chain", r"(?:^|(?<=[\s.,;:!?()\[\]\"”]))(?P<chain>" + _CHAIN + r")(?P<code>(?:[ ]*/[ ]*\p{Ll}{1,4}){0,3}[ ]*/[ ]*\d{1,4})?[ ]*[.)\]/]*[ ]*$",
         ("/", " via "), tail=True,
         stop="(\n:;\"”"),  # the chain and its end read letters, digits and ' ’-–.,&/)] only
    # (end_chain: an editor's initials and a number may close the credit: "ANTARA FOTO/Name/foc/18.")
    # a line of 300 characters or more is never only a credit (and would cost time squared)
    # "Name | The Seattle Times", "Name • The Guardian", "Name ~ Outlet", "Name—Anadolu/Getty Images":
    # a name, a paper's separator, an organisation, ending the line (desk_chain)
    Rule("desk_chain", r"(?:(?<=[.!?”\"][ ]{0,3})|(?<=\p{Ll}[.]?)|(?<=\n[ ]{0,3})|^)(?P<name>" + _NAME_ANY
         + r")[ ]*[|•~—][ ]*(?P<org>" + _PART + r"(?:(?:" + _SEP + r"|[ ]*[|•~—][ ]*)" + _PART + r")*)[ ]*[.]?[ ]*(?m:$)",
         ("|", "•", "~", "—"), backward=True, gate="desk_line_end"),
    # "Photo by Name", "Pix by Name", "Foto von Name/dpa", mid-caption or at its end (credit_by)
    Rule("credit_by", r"(?i:" + _BY_LAST + r")(?![\p{L}\p{N}])(?<=(?<![\p{L}\p{N}])(?P<lead>(?i:" + _BY_WORDS + r")))(?:[ ]*+:[ ]*+|[ ]++)(?:(?:" + "|".join(regex.escape(r) for r in RANKS)
         + r")[ ]+)?(?P<chain>" + _CHAIN_ANY + r")", _BY_NEEDLES),
    # "von NAME/AGENCY, publiziert…", "por NAME/AGENCY", "par NAME/AGENCY": a chain with a known agency
    Rule("by_chain", r"(?:von|por|par)(?=[ ])(?<=(?<![\p{L}\p{N}])(?:von|por|par))[ ]+(?P<chain>" + _PART + r"(?:" + _SEP + _PART
         + r")+)", ("von ", "por ", "par "), gate="slash_or_via"),
    # "Photo courtesy of Name", "(Courtesy photo / Name)", "Cortesía de ORG": a person or an organisation
    Rule("courtesy_marker", r"(?<![\p{L}\p{N}])(?i:" + _COURTESY_WORDS + r")[ ]*+[:/]?[ ]*+(?:the[ ]+)?(?P<chain>"
         + _CHAIN_ANY + r")", ("courtesy", "cortes", "cedid", "dok.", "dokumentasi")),
    # "Name (AFP)", "CaracasJUAN BARRETO (AFP)", "Werner Friedli (ETH-Bibliothek)": a name, then its agency
    Rule("name_paren_agency", r"(?:(?<=[.!?”\"/][ ]{0,3})|(?<=\p{Ll})|(?<=\n[ ]{0,3}))(?P<name>" + _NAME_ANY
         + r")[ ]*[(\[](?P<agency>[^()\[\]\n/]{2,40})[)\]][ ]*+\.?[ ]*$", ("(", "["), tail=True, gate="ends_known_paren"),
    # "(Irene Stachon – Lehtikuva)", "[Collins Kweyu, Standard]": a name, a dash or comma, its organisation
    Rule("paren_name_org", r"[(\[](?P<name>" + _NAME_ANY + r")[ ]*(?:[–—-]|,)[ ]*(?P<agency>[^()\[\]\n/,]{2,40}?(?:[ ]*/[ ]*[^()\[\]\n/,]{2,40}?){0,2})[ ]*[)\]]"
         r"[ ]*+\.?[ ]*$", ("(", "["), tail=True, gate="paren_dash_end"),
    # "… 2019.⏎Ricardo Rubio - Europa Press", "Samir Jordamovic - Anadolu Agency": a name, a spaced dash, a known
    # agency closing the caption on its own line or after a stop (Europa Press's and Anadolu's sites; name_dash_agency)
    Rule("name_dash_agency", r"(?:(?<=[.!?”\"][ ]{1,3})|(?<=\n[ ]{0,3})|^)(?P<name>" + _NAME_ANY
         + r")[ ]+[-–][ ]+(?P<agency>[^\n/()\-–—.]{2,40}?)[ ]*\.?[ ]*$", (" - ", " – "), tail=True,
         gate="ends_known_after_dash"),
    # "Picture Jonathan Gawthorpe", "PIC SHEPHERD TOZVIREVA" ending a line (credit_marker_bare)
    # (also after a dash or a date: "… - Photo Alon Ron", "© Historic England 06/08/2009 Photographer David Macleod";
    # the name may close with a full stop: "FOTO Ángel Flecha.")
    Rule("credit_marker_bare", r"(?:(?<=[.!?”\"][ ]{1,3})|(?<=[ ][–—-][ ]{1,3})|(?<=\d[ ]{1,3})|(?<=\n[ ]{0,3})|^)(?:"
         + _BARE_WORDS + r")[ ]+(?P<name>" + _NAME_ANY + r")[ ]*\.?[ ]*(?m:$)", _BARE_NEEDLES, backward=True, gate="bare_marker_near_line_end"),
    # "(Vygaudo Juozaičio nuotr.)", "Dovydo STAPONKAUS nuotr.": a name in the genitive, then a marker written after it, at
    # a line's or a sentence's start or after a bracket or a dash (genitive_name_after: the nominative is the photographer's)
    Rule("genitive_name_after", r"(?:(?<=[.!?”\"][ ]{1,3})|(?<=\n[ ]{0,3})|(?<=[(\[][ ]{0,2})|(?<=[–—-][ ])|^)(?P<name>"
         + _GEN_GIVEN + r"(?:[ ]+ir[ ]+" + _GEN_GIVEN + r")?[ ]+\p{Lu}[\p{L}\-]*(?i:" + _GEN_ANY + r"))[ ]+(?P<marker>"
         + _GEN_MARKERS + r")(?![\p{L}])", _GEN_NEEDLES),
    # "…\nDavid Goldman\nAP": a name on its own line above a known agency's line (name_line_agency)
    Rule("name_line_agency", r"(?<=\n)[ ]*(?P<name>" + _NAME_ANY + r")[ ]*\n[ ]*(?P<agency>[^\n/(:;\"”]{2,40}?)[ ]*$", ("\n",),
         tail=True, stop="(:;\"”", gate="last_line_known"),
    Rule("line_chain", r"(?m:^)(?=[^\n]{0,300}(?m:$))[ ]*(?P<chain>" + _CHAIN + r")[ ]*(?m:$)",
         ("/", " via "),
         whole_line=True, gate="short_line_slash"),
    Rule("name_comma_agency", _AFTER_SENTENCE + r"(?P<name>" + _PART + r"),[ ]*(?P<agency>" + _PART
         + r")[ ]*[.)]?[ ]*(?m:$)", (",",), backward=True, gate="comma_agency"),
    Rule("afp_photo_name", r"\bAFP PHOTO\s+(?P<name>" + _NAME_CAPS + r")", ("afp photo",)),
    Rule("afp_slash", r"(?:/\s*)?\bAFP(?: PHOTO)?\s*(?:/\s*(?P<name>" + _PART + r"))?\s*$", ("afp",), tail=True),
    Rule("name_agency_caps", r"(?:(?<=[.!?]\s+)|(?<=\n[ ]*))(?P<name>" + _NAME_CAPS
         + r")\s+(?P<agency>AFP|AP|EPA|REUTERS)\s*$", ("afp", "ap", "epa", "reuters"), tail=True,
         gate="ends_caps_agency"),
    Rule("paren_agency", r"[(\[](?P<chain>[^()\[\]\n:]{2,60}?)(?:[:,][ ]*(?P<date>[^()\n]{0,30}?\d{4}))?[)\]][ ]*+\.?[ ]*$",
         ("(", "["),
         tail=True, only_known=True, gate="ends_paren"),
    Rule("line_agency", r"(?m:^)[ ]*(?P<chain>[^\n/]{2,40}?)[ ]*(?m:$)", (), only_known=True, whole_line=True, gate="short_line"),
    # (end_agency: "[ ]*+" takes every space at the end: a match whose chain ended in some of them holds one whose
    # chain ends before them, found first; without it a caption ending in n spaces tried n chains of 39 lengths each)
    Rule("end_agency", r"(?<=[.!?)\"”][ ]{0,3}(?:[–—-][ ]{1,3}|==[ ]{0,3})?|[\p{L}\p{N}][ ]{1,3}\|[ ]{1,3})(?P<chain>[^\s/.()–—=-][^/\n.()]{0,38}?)(?:[ ]+[-–—])?[ ]*+$", (), tail=True,
         only_known=True, gate="agency_after_stop"),
    # "… over Nadia on Thursday PTI": a known agency's wordmark in capitals closes a caption with no full stop
    Rule("end_agency_caps", r"(?<=[\p{L}\p{N},][ ]{1,3})(?<!(?i:\b(?:by|the|of|and|for|from|at|in|on|to|with|a|an))[ ]{1,3})"
         r"(?P<chain>\p{Lu}{2,}(?:[ ]\p{Lu}{2,}){0,2})[ ]*$", (), tail=True, only_known=True, gate="ends_caps"),
    # "… in Madrid, Spain Reuters", "… in No 10 Getty", "… maseczek Reuters Archive": galleries that print the
    # agency after the caption with no stop; a function word before it keeps it in the sentence ("told Reuters")
    Rule("end_agency_words", r"(?<=[\p{L}\p{N},][ ]{1,3})(?P<chain>\p{Lu}[\p{L}\-]*(?:[ ]\p{Lu}[\p{L}\-]*){0,2})[ ]*$",
         (), tail=True, gate="ends_name"),
    # Spanish and Latin American papers: "… en el mitin / EFE - Julio Muñoz", "… de 2023 / EUROPA PRESS": a spaced
    # slash, a known agency and its photographer after a dash, closing the caption (end_slash_agency)
    Rule("end_slash_agency", r"(?<=[\p{L}\p{N}.,)”\"][ ]{1,3})/[ ]+(?P<chain>\p{Lu}[^/|\n]{1,60}?)[ ]*\.?[ ]*$", ("/",), tail=True,
         gate="spaced_last_slash"),
    # Dutch and Wikimedia archives: "… op het Leidseplein, 1987 - Hans Aarsman", "Hoeren op de Wallen, 1967, Name -
    # Stadsarchief Amsterdam": the title, the year, then the photographer and the archive (year_then_credit)
    Rule("year_then_credit", r"(?<=,[ ]*(?:1[89]|20)\d\d(?:(?P<comma>,)|[ ]+[-–])[ ]+)(?P<chain>\p{Lu}[^,\n/()]{2,60}?)[ ]*\.?[ ]*$",
         (), tail=True, gate="year_then_credit"),
    # archives and photo libraries: "Salvador Dali May 5th, 1959 by George Elam", "Staten Island 5/1973 by Arthur Tress":
    # the picture's date, then "by" and the photographer closing the caption (date_by_name; a date after "in", "on",
    # "since"… is the story's: "the company founded on May 5, 1959 by Walt Disney")
    Rule("date_by_name", r"(?<=(?<!(?<![\p{L}])(?i:in|on|since|from|of|until|before|after|by)[ ]+)" + _DATE_BY + r"[ ]*\.?[ ]+)"
         r"(?i:by)[ ]+(?P<name>" + _NAME_TITLE + r")[ ]*\.?[ ]*$", (" by ",), tail=True, gate="date_by_end"),
    # "… Kingwood, Texas.\nThe Washington Post | Getty Images", "…\npicture alliance | Andrew Milligan", "… 27-06-2012 | Efe":
    # a known agency, a desk's bar and the rest of the credit closing a line (desk_org_chain)
    Rule("desk_org_chain", r"(?:(?<=[.!?”\"\d][ ]{1,3})|(?<=\n[ ]{0,3})|^)(?P<chain>[^|\n()/]{2,40}?[ ]+\|[ ]+[^|\n()]{2,60}?)"
         r"[ ]*[.]?[ ]*(?m:$)", ("|",), backward=True, gate="desk_line_end"),
    # "… Falcon Heights, Minn.\nNicole Neri for MPR News": a photographer for a paper, after the last sentence (name_for_org)
    Rule("name_for_org", r"(?:(?<=[.!?”\"][ ]{1,3})|(?<=\n[ ]{0,3}))(?P<name>" + _NAME_ANY + r")[ ]+for[ ]+(?P<org>(?:The[ ]+)?"
         + _PART + r")[ ]*\.?[ ]*$", (" for ",), tail=True, gate="for_org_end"),
    # archives: "…, Marfa Public Library", "…, Irving Archives, 1902", "National Archives, Records of the …": the holding
    # institution closes the caption after a comma (comma_archive)
    Rule("comma_archive", r"(?<=[\p{L}\p{N}.)][ ]*,[ ]*)(?P<chain>\p{Lu}[\p{L}\-'’.]*(?:[ ]+(?:\p{Lu}[\p{L}\-'’.]*|of|the|and|&|de|du)){1,7})"
         r"(?:,[ ]*(?:1[89]|20)\d\d)?[ ]*\.?[ ]*$", (",",), tail=True, gate="archive_after_comma"),
    Rule("agency_date_header", r"(?m:^)[ ]*(?P<chain>[^/\n]{2,30}?)[ ]*/[ ]*(?:" + _WEEKDAY_WORDS + r"),?[ ]+(?:"
         + _MONTH_WORDS + r")\.?[ ]+\d{1,2},?[ ]+\d{4}[ ]*(?m:$)", ("day,",), only_known=True, whole_line=True),
    Rule("dpa_bildfunk", r"\+\+\+\s*(?P<chain>dpa)-Bildfunk\s*\+\+\+", ("bildfunk",)),
    Rule("paren_name_end", r"\((?P<name>\p{Lu}\p{Ll}+(?:[ ]+\p{Lu}[\p{Ll}'’-]+){1,2})\)\s*$", ("(",), tail=True,
         gate="paren_name"),
    Rule("end_caps_name", r"(?<=[.!?\"”][ ]{1,3})(?P<name>" + _NAME_CAPS + r")[ ]*$", (), tail=True, gate="ends_caps"),
    # "…in Los Angeles.John Shearer", "…at Heinz Field.\nAbby Drey": a name in title case after the last
    # sentence, with no full stop of its own (papers' photo credits; credit.end_name)
    Rule("end_name", r"(?:(?<=[.!?”\"][ ]{0,3})|(?<=\n[ ]{0,3}))(?<!\b\p{Lu}\.)(?<!\p{Lu}\.[ ]{1,3})(?P<name>"
         + _NAME_TITLE.replace("{1,3}", "{1,2}") + r")(?:[ ]+(?:Photo|Photos|Foto))?[ ]*$", (), tail=True, gate="name_after_stop"),
    # Indian papers: "… in Salt Lake on Thursday Amit Datta": the photographer's name right after the sentence's day, no stop
    # between them (end_name_after_day)
    Rule("end_name_after_day", r"(?<=(?<![\p{L}])(?:" + _WEEKDAY_WORDS + r"|yesterday|today)[ ]{1,3})(?P<name>"
         + _NAME_TITLE.replace("{1,3}", "{1,2}") + r")[ ]*$", (), tail=True, gate="name_after_day"),
    # "…, Auckland Libraries, 1-W1156.", "State Library of Queensland Neg. No. 72490", "NLI ref. PWP2027",
    # "The Imperial War Museums, IWM Q 4649", "AWM P02686.025": a known archive and its catalogue reference
    Rule("archive_ref", r"(?:(?<=[\s.,;(])|(?m:^))(?P<chain>[^\s.,;()\d][^\n.,;()]{0,60}(?<=\p{L}\p{L}))[ ]*[.,]?(?:[ ]+(?i:ref|neg|no|reg|cat|catalogue[ ]+number"
         r"|collection)\.?)*[ ]*[#:]?[ ]*\p{Lu}{0,5}[ -]?\d[\p{L}\d./\-]*[ .]*(?m:$)", (), backward=True, only_known=True,
         gate="line_ends_digit"),
    # "From the collection of the Imperial War Museum.", "… from the Poole Collection": a collection's source
    Rule("collection_of", r"\b(?i:from)[ ]+(?:(?i:the)[ ]+)?(?P<coll>(?i:collection)[ ]+of[ ]+(?:the[ ]+)?)?(?P<chain>\p{Lu}[\p{L}\-]*"
         r"(?:[ ]+(?:\p{Lu}[\p{L}\-]*|of|and|&)){0,5})[ ]*\.?[ ]*$", ("collection",), tail=True, gate="ends_open_or_stop"),
    # "… yesterday. [eastday.com]", "… South Terrace. www.jewishcork.com": a web address closes the caption
    # (also after a label: "Фото: crimealife.org.ua", "Photo: britannica.com", "(Foto: detik.com)": the site's picture;
    # with its scheme, "Фото: https://vk.com", or in capitals, "(fot. TVPSPORT.PL)")
    Rule("end_domain", r"(?:(?<=[.!?”\"|][ ]{1,3})|(?<=\n[ ]{0,3})|(?<=[(\[][ ]{0,3})|(?<=(?<![\p{L}\p{N}])(?:" + _LABEL_WORDS
         + r")[ ]*:[ ]{0,3})|^)(?:(?i:https?)://)?(?P<chain>(?:www\.)?[\p{L}\p{N}][\p{L}\p{N}\-]*(?:\.[\p{L}\p{N}\-]+)*\.(?:com|org|net|info|gov|edu|co\.\p{Ll}{2}|com\.\p{Ll}{2}|\p{Ll}{2})"
         r"|(?:WWW\.)?[\p{Lu}\p{N}][\p{Lu}\p{N}\-]{2,}\.(?:COM|ORG|NET|\p{Lu}{2}))"
         r"[)\]]?[ ]*\.?[ ]*$", (".",), tail=True, gate="ends_domain"),
    # "… on Nov. 17, 2013. 680 NEWS", "…\nHuw Evans Agency": an organisation's name after the last sentence
    Rule("end_org", r"(?:(?<=[.!?”\"][ ]{1,3})|(?<=\n[ ]{0,3}))(?P<chain>(?:\p{Lu}[\p{L}\p{M}'’\-]*|\d+)(?:[ ]+(?:\p{Lu}[\p{L}\p{M}'’\-]*|\d+|of|and|&|for|the|de|du|des)){0,5})[ ]*$",
         (), tail=True, gate="org_after_stop"),
    # Finnish museums close a caption with its photographer and the holding institution as a sentence, the institution's
    # name in the genitive and a noun in lower case: "… vuonna 1936. Teuvo Mäkinen, Vapriikin kuva-arkisto.", "… 1941.
    # Päivälehden arkisto.", "Kosken Kuvaamo, Lappeenrannan museot." (the noun an organisation's word; name_comma_holder)
    Rule("name_comma_holder", _AFTER_SENTENCE + r"(?:(?P<name>" + _NAME_TITLE + r")[ ]*,[ ]+)?(?P<org>\p{Lu}[\p{L}\p{M}\-]+"
         r"(?:[ ]+\p{Ll}[\p{L}\p{M}\-]+){1,2})[ ]*\.?[ ]*$", (), tail=True, gate="holder_after_stop"),
    # Business Insider credits each picture of a story: "…flight.Nicolas Economou/NurPhoto via Getty Images; Paula Conway":
    # a chain, a semicolon, the next picture's photographer (chain_then_name)
    Rule("chain_then_name", r"(?:^|(?<=[\s.,:!?()\[\]\"”]))(?P<chain>" + _CHAIN + r")[ ]*;[ ]*(?P<name>" + _NAME_TITLE + r")[ ]*\.?[ ]*$",
         ("; ",), tail=True, gate="semicolon_end"),
    # "(Screen image from Sealaska Heritage Institute)", "The picture from the Greater Vernon Museum and Archives shows …":
    # a picture from a known or organisation-shaped source (photo_from)
    Rule("photo_from", r"(?<![\p{L}])(?:(?i:photo|image|picture|photograph|screen[ ]image|screenshot|screen[ ]grab|still)s?[ ]+(?i:from)[ ]+"
         r"(?:the[ ]+)?(?P<chain>\p{Lu}[\p{L}\-'’.]*(?:[ ]+(?:\p{Lu}[\p{L}\-'’.]*|of|and|&|for|the)){0,6})"
         r"|(?i:from)[ ]+(?:a|an)[ ]+(?P<chain>\p{Lu}[\p{L}\-'’.]*(?:[ ]+\p{Lu}[\p{L}\-'’.]*){0,4})[ ]+(?i:photograph|photo|picture)(?![\p{L}]))",
         ("photo from", "image from", "picture from", "photograph from", "still from", "screenshot from", "grab from",
          "from a ")),
    # BBC pages: "Image copyright Getty Images Image caption …": the credit between the page's two labels (bbc_image_copyright)
    Rule("bbc_image_copyright", r"\bImage[ ]copyright[ ]+(?P<chain>" + _CHAIN_ANY + r")(?=[ ]+Image[ ]caption\b|[ ]*(?:\n|$))",
         ("image copyright",)),
    # BBC pages in every language: "Image source, NAME / PA Media", "ছবির উৎস, EPA", "इमेज स्रोत, AFP", Urdu's
    # "،تصویر کا ذریعہGetty Images" (the comma typed before the label): a label, a comma, a chain closing the line
    # (data/credit_markers.csv kind comma_label; comma_label_source)
    Rule("comma_label_source", r"(?:(?:" + _COMMA_LABELS + r")[ ]*,|،[ ]*(?:" + _COMMA_LABELS + r"))[ ]*(?P<chain>"
         + _CHAIN_ANY + r")[ ]*(?m:$)", tuple(m.lower() for m in CREDIT_MARKERS.get("comma_label", ()))),
    # Central American papers: "(Foto Prensa Libre: Esbin García)": the marker, the paper, a colon, the photographer (photo_org_label)
    Rule("photo_org_label", r"\((?i:foto|photo|fotografía)[ ]+(?P<org>" + _FIRST + r"(?:[ ]+" + _TOKEN + r"){0,3})[ ]*:[ ]*(?P<chain>"
         + _CHAIN_ANY + r")[ ]*\)", ("(foto ", "(photo ", "(fotografía "), gate="photo_org_colon"),
    # "… new clients. (Yamhill County Sheriff's Office)": an organisation's name in brackets closing the caption (paren_org_end)
    Rule("paren_org_end", r"(?<=[.!?”\"][ ]{0,3})\((?P<chain>" + _FIRST + r"(?:[ ]+" + _TOKEN + r"){1,6})\)[ ]*\.?[ ]*$", ("(",),
         tail=True, gate="paren_after_stop"),
    # "Christopher Battin  Submitted photo", "(Oregonian file photo)", "BT FILE PHOTO": a name or a paper, then what kind of
    # picture it is, closing the caption (name_then_tag)
    Rule("name_then_tag", r"(?:(?<=[.!?”\"][ ]{1,3})|(?<=\n[ ]{0,3})|(?<=\S[ ]{2,3})|(?<=\()|^)(?P<chain>" + _PART + r")[ ]+"
         r"(?P<tag>(?i:submitted|contributed|supplied|courtesy|file|handout)[ ]+(?i:photo(?:graph)?|image|pic(?:ture)?)s?|files)"
         r"[ ]*\)?[ ]*\.?[ ]*$", (" photo", " image", " pic", " files"), tail=True, gate="ends_kind_photo"),
    # Al Jazeera: "[File: Reuters]", "[File: Name/AFP]": an archive picture's credit in square brackets (bracket_file)
    Rule("bracket_file", r"\[(?i:file)(?:[ ]+(?i:photo))?[ ]*:[ ]*(?P<chain>" + _CHAIN_ANY + r")[ ]*\]", ("[file",)),
    # "Jennifer Stewart/USA TODAY SportsRookie coach …": a credit opening the caption, glued to its first word
    Rule("lead_glued_chain", r"^[ ]*(?P<name>" + _NAME_TITLE + r")[ ]*/[ ]*(?P<agency>[^/\n]{2,40}?\p{Ll})(?=\p{Lu}\p{Ll})", ("/",),
         gate="lead_slash"),
    # "ROBERT KITCHIN/Stuff Thousands of protesters …", "Trent Nelson | The Salt Lake Tribune Youth dancing …",
    # "Emmanuel Adegboye / EPA Un cracheur …", "6 of 16 Chris Thompson/SpaceX\nUp in the air", "Kelsie Moore\n/\nKUER\n…"
    # (a page's slash on a line of its own): a credit opening the caption, the sentence right after it; where the
    # organisation ends is read by _lead_org (lead_chain); in brackets, "(Trent Nelson | The Salt Lake Tribune) Don Thorpe
    # holds …", the bracket closes it
    Rule("lead_chain", r"^(?=[^/|]{0,69}[/|])[ ]*(?:\(?\d{1,3}[ ]+of[ ]+\d{0,3}\)?[ ]+)?(?P<open>\((?=[^()\n]{3,120}\)))?"
         r"(?P<name>" + _NAME_ANY + r")"
         r"(?:[ ]*\n?[ ]*/|[ ]+\|)[ ]*\n?[ ]*(?P<agency>\p{Lu}[^/|\n]{1,80})", ("/", " |"), gate="lead_sep"),
    # Korean papers: "… 백소아 기자 thanks@hani.co.kr", "정연호 기자": a reporter's (or photographer's) name, then 기자
    # (also "일요시사=NAME 기자(mail@…)", "잠실=NAME 기자 mail@… /2020.08.20/", "|NAME기자", "/NAME 기자 |", a cut address "foto@")
    Rule("cjk_reporter", r"(?:(?P<agency>\p{Hangul}{2,10})=[ ]*|(?<!\p{Hangul}))(?P<name>\p{Hangul}{2,4})[ ]*(?:기자|특파원)"
         r"(?:[ ]*\(?[\w.+-]+@[\w.-]*\)?)?[ ]*(?:/[\d.]+/)?[ ]*\|?[ ]*$", ("기자", "특파원"), tail=True),
    # Korean papers' photo label: "(사진= NAME 기자 mail@…)", "[사진 출처 = 연합뉴스]", "/사진=뉴스1", "사진=ORG 제공",
    # "(사진: 영상기자 NAME)": 사진 (photo), 출처 (source), 제공 (provided) (cjk_ko_label)
    # (also "(사진제공=구로구청)", "(사진제공:ORG)": 사진제공, photo provided; and after a page's slash, "… / 인제군 제공")
    Rule("cjk_ko_label", r"(?:(?:[(\[][ ]*|(?<=[/\s.]|^))사진(?:[ ]*(?:출처|(?P<given>제공)))?[ ]*[=:;][ ]*(?P<staff>(?:영상|사진)?기자[ ]+)?"
         r"(?P<chain>[^\])\n|=]{2,40}?)|(?<=\S[ ]{1,3})/[ ]*(?P<chain>[^\])\n|=/]{2,20}?[ ]+제공))[ ]*(?:[\])]|$|(?=\n))",
         ("사진", " 제공")),
    # Chinese agencies: "[新華社記者 張可任 攝]", "新华社记者 NAME 摄": the agency, its reporter, 摄 (photographed)
    # Chinese and Japanese papers: "新华社记者 NAME 摄", "新华社发(NAME 摄)", "(NAME摄/光明图片)", "記者NAME/攝影",
    # "…、NAME撮影": a name in Han after a staff word, an agency's 发 or a stop, then 摄/攝/撮影 (photographed)
    Rule("cjk_photographed", r"(?:(?P<agency>\p{Han}{2,8}?)?(?:(?:发|發)[ ]*[(（]?|[ ]*" + _HAN_STAFF + r")[ ]*|(?<=[\s(（。，,、:：/／=＝」』]|^))"
         r"(?P<name>" + _HAN_NAMES + r")[ ]*(?:[/／]?[ ]*(?P<shot>" + _HAN_SHOT + r")(?![于於])|(?<=[ ])图(?=[ ]*$))"
         r"(?:[/／](?P<org>\p{Han}{2,8}))?(?=[ ]*(?:[)）\]】。.,，;；=＝\n]|$)|[ ])", ("摄", "攝", "撮影", " 图")),
    # "(画像:NAME)", "攝:NAME/端傳媒", "中新社记者:NAME", "(圖/臺中市政府提供)", "出典: 朝日新聞", "小花母亲供图", "(宋祥龍/大紀元)":
    # a label in Han, or a source and 提供/供图 (provided), or a name and its paper, in Han (cjk_label)
    # (Japanese sports papers open the bracket with the label and a middle dot: "(撮影・NAME)", "【撮影・NAME】")
    Rule("cjk_label", r"(?:(?:(?<=[\s(（。，,、」』]|^)|(?P<agency>\p{Han}{2,8}))(?:" + _HAN_LABELS + r")[ ]*[:：/／][ ]*"
         r"(?P<chain>[\p{Han}\p{Katakana}][\p{Han}\p{Katakana}ー·・]{0,11})"
         r"|(?<=[\s(（。，,、:：/／=＝」』]|^)(?P<given>\p{Han}{1,10})(?:" + "|".join(map(regex.escape, _HAN_GIVEN_END)) + r")"
         r"|(?:(?<=[(（。\s]|^)|(?<=" + _HAN_STAFF + r"[ ]{0,2}))(?P<chain>\p{Han}{2,4})(?=[/／]\p{Han}{2,8}(?:[ ]+图)?[ ]*(?:[)）]|$))"
         r"|(?<=[(（【]|^)(?P<lead_shot>撮影)[ ]*・[ ]*(?P<name>\p{Han}{2,5}))"
         r"(?:[/／](?P<org>\p{Han}{2,8}))?(?:[ ]+图)?(?=[ ]*(?:[)）\]】。=＝\n]|$)|[ ])", (*_HAN_GIVEN_END, ":", "：", "/", "／", "撮影・"),
         backward=True, gate="han"),
    # Japanese papers close a caption with "=ロイター", "＝ＡＰ", "＝共同", "（Ｃ）共同通信社"; Chinese ones with "视觉中国 图",
    # "（视觉中国）", "。新华社发" (sent by Xinhua, no name: also on a line of its own): a known agency (cjk_agency_end)
    Rule("cjk_agency_end", r"(?:[=＝](?P<chain>[\p{Katakana}\p{Han}ー\p{Lu}Ａ-Ｚ]{1,10})|(?<=[ 。])(?P<chain>\p{Han}{2,8})[ ]+图"
         r"|(?:(?<=[ 。\n])|^)(?P<chain>\p{Han}{2,6}?)(?:发|發)"
         r"|（(?P<chain>[^()（）\n]{2,12})）|(?:[(（][CcＣｃ][)）]|©)[ ]*(?P<chain>[\p{Han}\p{Katakana}ー]{2,10}))[ ]*$",
         ("=", "＝", " 图", "）", "发", "發"), tail=True, only_known=True, gate="ends_cjk"),
    # Reuters' Japanese pages close a caption with the year, the agency in katakana and the photographer in Latin letters:
    # "…英ロンドンで撮影(2022年 ロイター/Henry Nicholls)" (cjk_year_agency; the chain read as any: ロイター is Reuters)
    Rule("cjk_year_agency", r"[(（]\d{4}年[ ]*(?P<chain>[\p{Katakana}ー]{2,10}[ ]*/[ ]*" + _PART + r")[ ]*[)）][ ]*$",
         ("年",), tail=True),
    # Bengali, Hebrew, Persian, Hindi, Nepali, Thai, Malayalam, Gujarati papers: "…২০২৬ছবি: ফাত্তাহ তানভীর রানা",
    # "(צילום: רחל אבנרי)", "عکاس:علیرضا رمضانی", "ภาพโดย NAME", "ഫോട്ടോ : NAME", "(તસવીરોઃ NAME)": the label (glued to the
    # word before too), a colon (the visarga, Devanagari's "ः" and Gujarati's "ઃ", as Nepali and Gujarati papers type it,
    # or a dash), the name to the line's end, its agency after a slash ("÷" in Nepali pages: "तस्विरः NAME/रासस")
    # (caseless_label)
    Rule("caseless_label", r"(?:[(\[][ ]*)?(?:(?:" + _alternation(_CASELESS_MARKERS) + r")[ ]*[:ःઃ–—-]|(?:"
         + _alternation(_CASELESS_BY) + r")[ ]*:?)[ ]*(?P<name>" + _CASELESS_NAME + r")(?:[ ]*[/÷][ ]*(?P<org>"
         + _CASELESS_NAME + r"))?[ ]*[)\]]?[ ]*[।.]?[ ]*(?m:$)", _CASELESS_MARKERS + _CASELESS_BY),
    # Hebrew papers close a caption with the photographer's name alone in brackets: "… ברחוב בלפור. (נינה פוקס)" (two or
    # three words, none a credit word: "(צילום ארכיון)" is an archive picture) (hebrew_paren_name)
    Rule("hebrew_paren_name", r"(?:(?<=[\s.!?]|^)\((?P<name>" + _HEBREW_WORD + r"(?:[ ]" + _HEBREW_WORD + r"){1,2})\))[ ]*\.?[ ]*$",
         (")",), tail=True, gate="ends_hebrew_paren"),
    # Korean wires: "[서울=뉴시스]", "(서울=연합뉴스)" opening the caption; "로스앤젤레스 연합뉴스" as its last line; a foreign
    # agency's picture that Yonhap sends on names that agency where the city stands: "[로이터=연합뉴스]", "[몬트리올 AP=연합뉴스]",
    # "AFP 연합뉴스" (the src group: read "AP via 연합뉴스" when it is a known agency, else a city)
    # ("[서울=AP/뉴시스]": a foreign agency's picture after the city; "[서울=뉴시스]NAME 기자 = …", "(부산=연합뉴스) NAME 기자 =":
    # the wire's photographer, a reporter named after the bracket: _KO_BYLINE)
    Rule("cjk_agency", r"(?:[\[(](?:\p{Hangul}+[ ]+)?(?P<src>\p{Hangul}+|\p{Lu}[\p{Lu}\p{N}]{1,9})="
         r"(?:(?P<wire_src>\p{Lu}[\p{Lu}\p{N}]{1,9})[ ]*/[ ]*)?(?P<chain>[\p{Hangul}\p{N}]+)[\])]"
         r"|(?<=\n|^)[ ]*(?:[|/][ ]*)?(?:(?P<src>\p{Hangul}+|\p{Lu}[\p{Lu}\p{N}]{1,9})[ ]+)?(?P<chain>\p{Hangul}+)[ ]*$)",
         ("=", "\n"), only_known=True, gate="hangul"),
    # archives: "by Lieutenant John Warwick Brooke" on a line of its own
    # (the Imperial War Museums' catalogue writes the surname first, the initials, the rank in brackets: "by Rider-Rider, W (Lt)")
    Rule("by_line", r"(?m:^)[ ]*(?i:by)[ ]+(?:(?P<surname>\p{Lu}[\p{L}'’\-]+),[ ]*(?P<initials>\p{Lu}\.?(?:[ ]?\p{Lu}\.?){0,2})"
         r"(?:[ ]*\([^()\n]{1,30}\))?|(?P<chain>" + _PART + r"))[ ]*(?m:$)", ("by ",), whole_line=True, gate="line_starts_by"),
    # Irish and British papers: "… 2016 Award PIC DARRAGH KANE": PIC and a name in capitals close the caption
    Rule("pic_caps_end", r"(?<=\S[ ]+)PIC:?[ ]+(?P<name>" + _NAME_CAPS + r")[ ]*$", ("pic ",), tail=True, gate="ends_caps"),
    # a bare marker inside the text: "… from the road Picture Mal McCann.", "Photograph Michael Hall, copyright Te Papa.",
    # "Photographer W.J. Hall. ANMM Collection 00013207", "Photo credit Dr. Martha Nizinski." (bare_marker_mid)
    Rule("bare_marker_mid", r"(?:(?<=\p{Ll}[ ]{1,3})(?:Picture|PIC)|(?:(?<=[.!?”\"][ ]{1,3})|(?<=\n[ ]{0,3})|^)"
         r"(?:Photographer|Photograph|Photo[ ]credit))[ ]+(?:(?:Dr|Prof)\.?[ ]+)?(?P<name>" + _NAME_ANY + r")"
         r"(?:[ ]*\.?[ ]*(?m:$)|\.[ ]+(?=\p{Lu})|,[ ]*(?i:copyright|©)[ ]+(?P<org>" + _PART + r")[ ]*\.?[ ]*(?m:$))",
         ("picture ", "pic ", "photograph", "photo credit")),
    # "…\nPC – Osanda Daham Nimsara" (Sri Lankan papers: photo credit), "© Historic England Archive: Photographer - Pete
    # Horne": a label, a spaced dash for its colon, a person's name closing the line (label_dash_name)
    Rule("label_dash_name", r"(?:(?<=[\n.!?)”\"][ ]{0,3})|^|:[ ]{0,3})(?P<lead>" + _alternation(_DASH_LABELS) + r")[ ][-–][ ]+"
         r"(?P<name>" + _NAME_ANY + r")[ ]*\.?[ ]*(?m:$)", tuple(f"{m.casefold()} {d}" for m in _DASH_LABELS for d in "-–")),
    Rule("released_by", r"\b(?i:image|photo|picture|photograph|handout|video)s?[ ]+(?:was[ ]+|were[ ]+)?"
         r"(?:released|provided|distributed|supplied|issued|made available)[ ]+by[ ]+(?:the[ ]+)?(?P<chain>"
         + _PART + r")", ("released by", "provided by", "distributed by", "supplied by", "issued by"),
         only_known=True),
    # "Simon Bruty⏎⏎Spain's defender …", "CAMERON BURNELL⏎Former Taranaki …": the photographer's name alone on the
    # caption's first line, no marker (sports magazines' vaults, papers' galleries). Last of the rules, read only when
    # no other found a credit (_rule_on): a name above a caption that credits someone else is its subject
    Rule("first_line_name", r"^[ ]*(?P<chain>" + _NAME_ANY + r")[ ]*\n", ("\n",), gate="first_line_given"),
]
# a rule's needle that holds another of its needles adds nothing ("photo credit" holds "photo")
RULES = [replace(rule, needles=tuple(n for n in rule.needles if not any(o != n and o in n for o in rule.needles)))
         for rule in RULES]
# end-anchored rules are searched backwards: every position but the end fails at once
def _LazyPattern(pattern: str, flags: int):  # noqa: N802
    """A pattern compiled when first used: a program that never meets a rule's needle never pays for it
    (compiling the chain patterns is most of this module's import time)."""
    return regex.lazy_compile(pattern, flags)


# A pattern searched backwards reads its end first: "[ ]*\.?[ ]*$" after a part, met at a line ending in n spaces,
# tried every split of the spaces between its two runs, the part before them read again for each (n² tries of the
# part: 0.5 ms for a caption ending in 100 spaces). Written with one run of spaces at each end of the optional stop,
# it tries the part's possible ends in the same order, each once: the same first match, in linear time.
_LINEAR_ENDS = ((r"[ ]*\.?[ ]*$", r"(?:[ ]*\.)?[ ]*$"), (r"[ ]*\.?[ ]*(?m:$)", r"(?:[ ]*\.)?[ ]*(?m:$)"),
                (r"[ ]*[.]?[ ]*(?m:$)", r"(?:[ ]*[.])?[ ]*(?m:$)"), (r"[ ]*[.)]?[ ]*(?m:$)", r"(?:[ ]*[.)])?[ ]*(?m:$)"),
                (r"[ ]*[.)\]/]*[ ]*$", r"(?:[ ]*[.)\]/]+)?[ ]*$"))


def _backward_form(pattern: str) -> str:
    for plain, linear in _LINEAR_ENDS:
        pattern = pattern.replace(plain, linear)
    return pattern


def _compiled(rule: Rule, pattern: str):
    if rule.tail or rule.backward:
        return _LazyPattern(_backward_form(pattern), regex.V1 | regex.REVERSE)
    return _LazyPattern(pattern, regex.V1)


COMPILED = [(rule, _compiled(rule, rule.pattern)) for rule in RULES]
# the same rules without the chain's dash shape, for captions with no "-/" (see _CHAIN_DASH)
_PLAIN_CHAIN = {rule.name: _compiled(rule, rule.pattern.replace(_CHAIN, f"(?:{_CHAIN_PLAIN})"))
                for rule in RULES if _CHAIN in rule.pattern}
# backward rules whose every match ends a line and lies inside it, and a forward pattern the line must hold first:
# the rule's backward search is then tried at the ends of those lines only (the same matches in the same order).
# name_comma_agency: ", <part>" running to the line's end; read forwards it fails at the first word that cannot
# be a part, where a backward search read every split of the line's last words into a part before failing at
# its comma (37 -> 18 µs a gated caption)


# name_comma_agency's need opens at a comma, and its part holds no comma but before "Inc", "Ltd", "LLC", "Jr", "Sr" or in
# an expansion's brackets: it opens at or after the line's last comma that is neither, and with no "(" after the last
# comma the part after that one is ten words at most (a name's eight, "photo", "Inc"); a line with no comma has none (a
# search from the line's start tried a part after each comma, and after the last one a long run of words in capitals:
# 21 -> 5 µs a gated caption of b10k, loaded machine)
_INC_AFTER_COMMA = regex.compile(r"[ ]*(?:Inc|Ltd|LLC|Jr|Sr)")


def _comma_need_start(text: str, start: int, end: int) -> int | None:
    """Where name_comma_agency's need can be found from in the line text[start:end]; None: nowhere."""
    comma = text.rfind(",", start, end)
    if comma < 0:
        return None
    if len(text[comma + 1:end].split()) > 11 and text.find("(", comma, end) < 0:
        return None  # after the last comma (a need's shortest part): a part's ten words at most, then "." or ")"
    while comma >= 0 and (_INC_AFTER_COMMA.match(text, comma + 1, end)
                          or text.rfind("(", start, comma) > text.rfind(")", start, comma)):  # in brackets
        comma = text.rfind(",", start, comma)
    return comma if comma >= 0 else start


_LINE_NEEDS = {"name_comma_agency": (_LazyPattern(r",[ ]*(?:" + _PART + r")(?:[ ]*[.)])?[ ]*(?m:$)", regex.V1),
                                     _comma_need_start)}


def _line_end_matches(pattern, need, text: str) -> list:
    """A backward rule's matches, the last line first, as its backward search finds them: the pattern tried
    anchored at each line's end (endpos), on the lines where ``need`` (a pattern, and where in a line it can be
    found from: None, nowhere) is found."""
    needed, need_start = need
    found = []
    end = len(text)
    while end >= 0 and len(found) < MAX_MATCHES_PER_RULE:
        start = text.rfind("\n", 0, end) + 1
        need_from = need_start(text, start, end)
        if need_from is not None and needed.search(text, need_from, end):
            m = pattern.match(text, 0, end)
            if m:
                found.append(m)
        end = start - 1
    return found


# forward rules searched from where their first match can start at the earliest (a search reads the text before
# it for nothing: its markers mostly close the caption); None: no match can start anywhere (the look-behinds
# and \b still see the text before). Positions found in the lower-cased text hold in the text when they are
# as long as each other. (credit_by 4.9 -> 3.4 µs a caption, org_photo_by 1.7 -> 1.2, labelled inputs)
_BY_FIRST_WORDS = {w.split()[0].casefold() for w in CREDIT_MARKERS.get("by", ())}
_BY_FIRST = tuple(sorted(w for w in _BY_FIRST_WORDS if not any(o != w and o in w for o in _BY_FIRST_WORDS)))  # "photo" finds "photos"


def _credit_by_start(text: str, low: str) -> int:
    """credit_by's match opens at its marker's last word ("by"): after the marker's first word ("Photo")."""
    if len(low) != len(text):
        return 0
    found = [at for w in _BY_FIRST if (at := low.find(w)) >= 0]
    return min(found) if found else 0


def _org_photo_by_start(text: str, low: str) -> int:
    """org_photo_by's match holds no line break and no "(" but the one it may open with, before its "photo": it
    opens at or after the last of them before the caption's first "photo"."""
    first = low.find("photo") if len(low) == len(text) else -1
    if first < 0:
        return 0
    return max(text.rfind("\n", 0, first), text.rfind("(", 0, first), 0)


_STARTS = {"credit_by": _credit_by_start, "org_photo_by": _org_photo_by_start}

# org_photo_by opens at a "(" or a sentence's start (_AFTER_SENTENCE: after a stop and one to three spaces, after a line
# break and up to three spaces, the caption's start); its search tried its look-behinds at every position and then its
# organisation's words at every such start, though most are followed by no "photo" within the six words an organisation
# may hold (~80 µs a run on b10k's long captions). The starts, found by one scan for their characters, are tried
# anchored where "photo" follows within eight words (the organisation's six, a dash, the "(" glued to the first) and no
# line break: the text from the start to the first "photo" after it is a prefix of the text to the match's "photo" (the
# first may be inside the organisation's words), so it holds no more words. The same matches, in the same order
# (tests/test_credit_gates.py compares them).
_SENTENCE_OPENINGS = _stdlib_re.compile(r'\(|[.!?"”)|][ ]{1,3}|\n[ ]{0,3}')


def _opening_spans(text: str, start: int):
    """The runs of positions where an _AFTER_SENTENCE start or a "(" is, from ``start`` on (first, last), in order."""
    if start == 0:
        yield 0, 0  # "^"
    for opening in _SENTENCE_OPENINGS.finditer(text, max(0, start - 4)):  # (a stop just before the start: its spaces)
        first, last = opening.span()
        kind = text[first]
        if kind == "(":
            yield first, first
        elif kind == "\n":
            yield first + 1, last
        else:
            yield first + 2, last


def _org_photo_by_starts(text: str, low: str, start: int):
    """The positions from ``start`` on where org_photo_by's match may open, in order (``low``: as long as ``text``)."""
    photo = low.find("photo", start)
    if photo < 0:
        return
    for first, last in _opening_spans(text, start):
        for at in range(max(first, start), last + 1):
            if photo < at:
                photo = low.find("photo", at)
                if photo < 0:
                    return
            if photo - at > 400:  # (a long way to read for each start: tried, as the search did)
                yield at
                continue
            before = text[at:photo]
            if "\n" not in before and len(before.split(None, 8)) <= 8:
                yield at


def _matches_at(pattern, text: str, starts):
    """``pattern.finditer(text, pos)`` where ``starts`` (positions from pos on, in order) holds every position a match
    of the pattern can open at and the pattern matches nothing empty: the pattern tried anchored there."""
    end = 0
    for at in starts:
        if at >= end:
            m = pattern.match(text, at)
            if m:
                yield m
                end = m.end()


# should_read opens with "(" and white space before its words ("\(?\s*\bPhoto credit should read"): its search tried that
# at every position (21 µs a run, b10k); its starts are the runs of white space (and one "(") just before the words
_SHOULD_READ = "Photo credit should read"


def _should_read_starts(text: str, low: str, start: int):
    """The positions from ``start`` on where should_read's match may open, in order (str.isspace holds every character
    \\s does)."""
    at = text.find(_SHOULD_READ, start)
    while at >= 0:
        first = at
        while first > start and text[first - 1].isspace():
            first -= 1
        if first > start and text[first - 1] == "(":
            first -= 1
        yield from range(first, at + 1)
        at = text.find(_SHOULD_READ, at + 1)


# photo_from opens with a look-behind and a case-insensitive word ("photo", "image", … "from"): its search tried them at
# every position (35 µs a run, b10k). In a caption in ASCII (no character folds to another's letters) its starts are
# where its opening words are, found in the lower case by one scan (a look-ahead: every start, overlapping or not):
# "<kind of picture> from" or "from a(n)", as the pattern opens, its look-behind and case aside (a superset)
_PHOTO_FROM_WORDS = _stdlib_re.compile(r"(?=(?:photo|image|picture|photograph|screen image|screenshot|screen grab|still)s? +from"
                                       r"|from +an? )")


def _photo_from_starts(text: str, low: str, start: int):
    """The positions from ``start`` on where photo_from's match may open, in order (a caption in ASCII; else None)."""
    return (m.start() for m in _PHOTO_FROM_WORDS.finditer(low, start)) if text.isascii() else None


# cjk_photographed: its search tried, at every position of a caption in Han, an agency of two to eight characters read lazily
# with a staff word or 发 after each length (~1 µs a position: 200 µs for a caption of 180 characters, though most hold
# no credit). Its match runs to a shot word (摄, 攝, 撮影) or a 图, and what comes before that is an agency, 发/發 and a
# bracket, a staff word, names joined by 、，, and spaces, a slash: Han characters, spaces and "(（、，,/／" only. So it opens
# in the run of those characters just before a 摄, 攝, 撮 or the last 图: the starts are the positions of those runs (one
# reverse search for the run's first other character; each character read a bounded number of times), tried anchored in
# order (the same matches, tests/test_credit_gates.py).
_HAN_SHOT_FIRST = ("摄", "攝", "撮")
_NOT_BEFORE_SHOT = regex.compile(r"[^\p{Han} (（、，,/／]", regex.V1 | regex.REVERSE)
assert next(r for r in RULES if r.name == "cjk_photographed").pattern.count("(?P<shot>" + _HAN_SHOT + r")(?![于於])|(?<=[ ])图(?=[ ]*$)") == 1
assert all(w[0] in _HAN_SHOT_FIRST for w in _HAN_SHOT[3:-1].split("|"))


def _han_shot_starts(text: str, low: str, start: int):
    """The positions from ``start`` on where cjk_photographed's match may open, in order."""
    shots = []
    for shot in _HAN_SHOT_FIRST:
        at = text.find(shot, start)
        while at >= 0:
            shots.append(at)
            at = text.find(shot, at + 1)
    # a 图 ends the match only with spaces after it to the caption's end ("(?=[ ]*$)"): the caption's last character but
    # white space, if any ("图为…", the picture shows …, opens many a Chinese caption's sentence: the long run of
    # characters before it was tried for nothing)
    last = len(text.rstrip()) - 1
    if last >= start and text[last] == "图":
        shots.append(last)
    shots.sort()
    done = start  # the positions before it are given
    for at in shots:
        if at > done:
            other = _NOT_BEFORE_SHOT.search(text, done, at)  # the last character of another kind before the shot
            yield from range(other.end() if other else done, at)
            done = at


# the rules tried anchored at their possible starts, in a caption whose lower case is as long as itself (from _STARTS' start)
_CANDIDATES = {"org_photo_by": _org_photo_by_starts, "should_read": _should_read_starts, "photo_from": _photo_from_starts,
               "cjk_photographed": _han_shot_starts}
assert all(_SHOULD_READ in rule.pattern for rule in RULES if rule.name == "should_read")
_NEEDLES = frozenset(n for rule in RULES for n in rule.needles)
# rule i is bit 1 << i: the rules a caption's needles let run, as one int (a loop over the bits it holds, in
# order, instead of a set test for each of the 67 rules)
_BY_BIT = {1 << i: entry for i, entry in enumerate(COMPILED)}
_RULE_BITS = {n: sum(1 << i for i, (rule, _) in enumerate(COMPILED) if n in rule.needles) for n in _NEEDLES}
_NEEDLELESS = sum(1 << i for i, (rule, _) in enumerate(COMPILED) if not rule.needles)


def _needle_tree(needles) -> tuple:
    """The needles as a tree of (needle, its rules' bits, the needles below it): each needle under the longest
    other one inside it, so that a caption is searched for a needle only when the one above it is in the caption
    (when that one is absent, so is this one). A word of two letters or more that three needles or more holding no
    other needle have ("by" of "issued by", "supplied by" …, "from" of "grab from", "still from" …) is put above
    them (no rule's needle, a filter): a caption without it is searched for none of them."""
    from collections import Counter

    words = set(needles)
    roots = [n for n in words if not any(p != n and p in n for p in words)]
    shared = Counter(w for n in roots for w in {*n.split()} if len(w) > 1 and w != n.strip())
    words |= {w for w, k in shared.items() if k >= 3}
    above = {n: max((p for p in words if p != n and p in n), key=len, default=None) for n in words}

    def node(n: str) -> tuple:
        return (n, _RULE_BITS.get(n, 0), tuple(node(k) for k in sorted(words) if above[k] == n))

    return tuple(node(n) for n in sorted(words) if above[n] is None)


_NEEDLE_TREE = _needle_tree(_NEEDLES)
# the same for a caption in ASCII (most are): the needles in other characters cannot be in it
_NEEDLE_TREE_ASCII = _needle_tree(n for n in _NEEDLES if n.isascii())


def _tree_code(tree: tuple, name: str):
    """A needle tree as straight-line code: ``if needle in low:`` for each needle, its rules' bits, and the needles
    below it tested inside (the walk of the tree with its list of nodes to visit, written out once: the same tests in
    the same nesting, ~2 µs a caption less)."""
    lines = [f"def {name}(low):", "    runnable = _NEEDLELESS"]

    def emit(nodes: tuple, depth: int) -> None:
        for needle, bits, below in nodes:
            pad = "    " * depth
            lines.append(f"{pad}if {needle!r} in low:")
            lines.append(f"{pad}    runnable |= {bits}" if bits else f"{pad}    pass")
            emit(below, depth + 1)

    emit(tree, 1)
    lines.append("    return runnable")
    namespace = {"_NEEDLELESS": _NEEDLELESS}
    exec("\n".join(lines), namespace)  # noqa: S102 - code made here from the needle tables, nothing read from outside
    return namespace[name]


_RUNNABLE_ASCII = _tree_code(_NEEDLE_TREE_ASCII, "_runnable_ascii")
_RUNNABLE_ANY = _tree_code(_NEEDLE_TREE, "_runnable_any")


def _runnable(low: str) -> int:
    """The bits of the rules ``low`` (a caption in lower case) lets run: the needleless rules', and those of
    every needle in it (found down _NEEDLE_TREE, as code: _tree_code)."""
    return _RUNNABLE_ASCII(low) if low.isascii() else _RUNNABLE_ANY(low)


def _runnable_walk(low: str) -> int:
    """_runnable as a walk down _NEEDLE_TREE (what _tree_code writes out; tests/test_credit_gates.py)."""
    runnable = _NEEDLELESS
    todo = [node for node in (_NEEDLE_TREE_ASCII if low.isascii() else _NEEDLE_TREE) if node[0] in low]
    while todo:
        _, bits, below = todo.pop()
        runnable |= bits
        for node in below:
            if node[0] in low:
                todo.append(node)
    return runnable


_LEAD_RULES = frozenset(("credit_marker", "credit_by", "org_photo_label"))
_NAME_RULES = {"afp_photo_name", "name_agency_caps", "name_comma_agency"}
# a caption has a credit or two; past this many matches of one rule the text is junk and
# the rest stays in the description (bounds the per-match work on hostile input)
MAX_MATCHES_PER_RULE = 50


def _all_known(chain: str, agencies: Agencies) -> bool:
    cache = _chain_cache(agencies, "known")
    known = cache.get(chain)
    if known is None:
        known = cache[chain] = _parts_known(chain, agencies)
    return known


def _parts_known(chain: str, agencies: Agencies) -> bool:
    # part by part, stopping at the first that no agency or placeholder is (its lead stripped only when reached)
    known = False
    for p in _split_chain(chain.strip()):
        if not p.strip():
            continue
        if p[:1] in _LEAD_FIRST and not agencies.lookup(p):
            p = _LEAD.sub("", p).strip()
        if not (agencies.lookup(p) or placeholder_tag(p)):  # "(Image; Lehtikuva)"
            return False
        known = True
    return known


def _line_chain_ok(chain: str, agencies: Agencies) -> bool:
    """A line that is only a credit: known agencies, placeholders and names."""
    parts = [p.strip() for p in _SPLIT.split(chain.strip(" /")) if p.strip()]
    anchors = [p for p in parts if agencies.lookup(p) or placeholder_tag(p)]
    if not anchors and len(parts) == 2 and "/" in chain and _person_shaped(parts[0], agencies) \
            and (_OUTLET.fullmatch(parts[1]) or _ONE_WORD_OUTLET.fullmatch(parts[1])
                 and parts[0].rsplit(" ", 1)[-1].casefold() not in _SITE_ENDS) \
            and not (lookup_city(parts[1]) or lookup_country(parts[1]) or lookup_state(parts[1])):
        # "Michael S. Lockett / Juneau Empire", "KELCIE MATOUSEK/KANSAN", "Loris Cipot/Fotolens" on a line of their
        # own: a photographer and the paper or agency (a one-word outlet too: credit.line_chain)
        return True
    return bool(anchors) and all(p in anchors or _NAMEISH.match(p) for p in parts)


def _caps_name_ok(name: str, agencies: Agencies) -> bool:
    words = name.split()
    return not (agencies.lookup(name) or _is_org_like(name) or lookup_country(name) or lookup_state(name)
                or any(placeholder_tag(w) or lookup_country(w) for w in words))


# the rules no branch of _chain_of names: their chain is read by _plain_chain_of at once (not after some forty
# tests of the rule's name); tests/test_credit_gates.py checks that none of them is named there
_PLAIN_CHAIN_RULES = frozenset("""agency_date_header agency_photo_paren archive_ref bbc_image_copyright by_chain cjk_agency
comma_label_source
copyright courtesy_marker credit_by credit_marker dpa_bildfunk end_agency end_agency_caps end_agency_words end_chain
end_domain first_line_name label_colon line_agency line_chain mandatory_credit_photo_by name_then_tag paren_agency paren_chain
photo_by photography_by released_by reuters should_read""".split())


def _chain_of(rule: Rule, g: dict, agencies: Agencies) -> str | None:
    name = rule.name
    if name in _PLAIN_CHAIN_RULES:
        return _plain_chain_of(rule, g, agencies)
    if name in _NAME_RULES:
        agency = g.get("agency") or "AFP"
        if name == "name_agency_caps" and g["name"].startswith(agency + " "):  # "AFP PHOTO MIGUEL MEDINA AFP"
            g = dict(g, name=regex.sub(r"^\p{Lu}+(?:[ ]+PHOTO)?[ ]+", "", g["name"]))
        if name == "name_comma_agency" and agencies.lookup(g["name"]) and _is_org_like(agency) \
                and (agencies.lookup(agency) in (None, agencies.lookup(g["name"])) or agencies.lookup(agency) in _INSTITUTIONS):
            return agencies.lookup(g["name"])  # "Library of Congress, Prints and Photographs Division": the institution, its division
        if name == "name_comma_agency" and g["agency"].startswith("Records of ") and agencies.lookup(g["name"]) in _INSTITUTIONS:
            return agencies.lookup(g["name"])  # "National Archives, Records of the Environmental Protection Agency"
        if name == "name_comma_agency" and (agencies.lookup(g["name"]) or not (agencies.lookup(agency) or (
                _is_org_like(agency) and g["name"].startswith(_RANK_START) and _RANK.match(g["name"])) or (
                _is_org_like(agency) and _person_then_org(g["name"], agency, agencies)))):
            return None  # "Sgt Name, Valcartier Imaging Service": a service's photographer and the service
        if name == "name_comma_agency" and _is_org_like(g["name"]):
            return g["name"]  # "Carol M. Highsmith Archive, Prints and Photographs Division": a collection, its division
        return f"{agency}/{g['name']}"
    if name in ("name_paren_agency", "name_dash_agency"):
        known = agencies.lookup(g["agency"].strip())
        if not known or not _caps_name_ok(g["name"], agencies):
            return None
        return f"{g['name']}/{g['agency'].strip()}"
    if name == "desk_chain":  # "… at the final — Real Madrid": the separator needs an organisation after it
        org = _DESK_SEP.sub("/", g["org"].strip())  # "Name | Los Angeles Times | Getty Images"
        special = _SPECIAL_TO.match(org)  # "Name | Special to the Star": a freelancer's picture for the paper
        if special:
            org = ("The " if "the" in special.group().casefold() else "") + org[special.end():]
        first = _SPLIT.split(org, maxsplit=1)[0].strip()
        if not (agencies.lookup(first) or _is_org_like(first) or _OUTLET.fullmatch(first) or (special and first[:1].isupper())) \
                or not _caps_name_ok(g["name"], agencies):
            return None  # "Ben Matthews ~ Southeast Missourian": a paper's name, two capitalised words or more
        return f"{g['name']}/{org}"
    if name == "paren_name_org":  # the organisation may be a chain: "(Chris Wattie, AFP/Getty Images)"
        agency = g["agency"].strip()
        # every part an organisation: in "(Name, AFP/Priya Rossi)" the name after the agency is no distributor
        parts = [p.strip() for p in agency.split("/")]
        if not all(agencies.lookup(p) or _is_org_like(p) for p in parts) or not _caps_name_ok(g["name"], agencies):
            return None
        return f"{g['name']}/{agency}"
    if name == "end_org":
        chain = g["chain"]
        words = chain.split()
        if agencies.lookup(chain) or not _is_org_like(chain) or lookup_city(chain) or lookup_country(chain) \
                or any(placeholder_tag(w) or (w.casefold() in _CREDIT_WORDS and not w.islower()) for w in words[:-1]) \
                or (placeholder_tag(words[-1]) and len(words) != 2) or " for " in chain:
            return None  # a known agency is end_agency's; "PHOTO BY NAME", "Name Name Photo", "BT FILE PHOTO" others'
        # (a particle in lower case is the name's own, not "Foto de": "União de Leiria", "Ayuntamiento de Madrid")
        return chain
    if name == "credit_word":  # a separator or "for" shows a credit ("Credit Suisse shares fell" is none)
        chain = g["chain"]
        if not any(sep in chain for sep in ("/", " for ", " via ", " — ", " | ")):
            return None
        return _DESK_SEP.sub("/", chain) if any(sep in chain for sep in _DESK_SEPS) else chain
    if name == "year_then_credit":
        chain = g["chain"]
        pieces = [p.strip() for p in _DASH.split(chain)]
        if (g.get("comma") and len(pieces) < 2) or len(pieces) > 2 or any(
                lookup_city(p) or lookup_country(p) or lookup_state(p) for p in pieces):
            return None  # "…, 1967, Amsterdam": a place; "…, 1987 - Hans Aarsman", "…, 1967, Name - Archive": a credit
        if len(pieces) == 2 and (agencies.lookup(pieces[1]) or _is_org_like(pieces[1])) and _LOWER_SURNAME.fullmatch(pieces[0]):
            return f"{pieces[0].title()} - {pieces[1]}"  # "Cor jarong - Stadsarchief Amsterdam": an archive's catalogue
        if not any(agencies.lookup(p) or _is_org_like(p) or _person_shaped(p, agencies) for p in pieces):
            return None
        return chain
    if name == "desk_org_chain":  # the first part a known agency: "The Washington Post | Getty Images", "picture alliance | Name"
        chain = g["chain"]
        rest = chain.partition("| ")[2].strip()
        if " " not in rest and not agencies.lookup(rest):
            return None  # "EFE | Confidencial": one unknown word after the bar, a paper's name or a section's
        return chain if agencies.lookup(chain.partition(" |")[0].strip()) else None
    if name == "name_for_org":
        org = g["org"]
        if not (agencies.lookup(org) or _is_org_like(org) or _OUTLET.fullmatch(org)) or not _caps_name_ok(g["name"], agencies) \
                or lookup_city(org) or lookup_country(org):
            return None
        return f"{g['name']} for {org}"
    if name == "comma_archive":
        chain = g["chain"]
        if chain.startswith("Records of ") or not any(w.casefold() in _ARCHIVE_WORDS for w in chain.split()) \
                or lookup_city(chain):
            return None
        if chain.startswith(("Private Collection of ", "Collection of ")):
            return None  # a private owner, not an institution
        return chain
    if name == "end_slash_agency":  # the first piece is a known agency: "EFE - Julio Muñoz"
        chain = g["chain"]
        return chain if agencies.lookup(_DASH.split(chain)[0].strip()) else None
    if name == "photo_name_dot_agency":
        agency = agencies.lookup(g["agency"].strip())
        return f"{g['name']}/{agency}" if agency and _caps_name_ok(g["name"], agencies) else None
    if name == "genitive_name_after":  # "Algimanto ir Mindaugo Černiauskų" → Algimantas and Mindaugas Černiauskas
        lang = GENITIVE_MARKERS[g["marker"]]
        given, _, surname = g["name"].rpartition(" ")
        people = [genitive_nominative(f"{first} {surname}", lang) for first in given.split(" ir ")]
        if not all(_caps_name_ok(p, agencies) for p in people):
            return None
        return " and ".join(people)
    if name == "pic_caps_end":
        return g["name"] if _caps_name_ok(g["name"], agencies) else None
    if name == "by_line" and g.get("surname"):
        initials = " ".join(c + "." for c in g["initials"] if c.isalpha())
        return f"{initials} {g['surname']}"
    if name == "chain_then_name":
        return g["chain"] if _caps_name_ok(g["name"], agencies) else None
    if name == "photo_from":
        chain = _TRAILING_PARTICLE.sub("", g["chain"])
        if lookup_city(chain) or lookup_country(chain) or not (agencies.lookup(chain) or _is_org_like(chain)):
            return None
        return agencies.lookup(chain) or chain
    if name == "photo_org_label":
        org = agencies.lookup(g["org"]) or (g["org"] if _is_org_like(g["org"]) else None)
        return f"{g['chain']}/{org}" if org and not lookup_city(g["org"]) else None
    if name == "paren_org_end":
        chain = g["chain"]
        if agencies.lookup(chain) or not _is_org_like(chain) or lookup_city(chain) or lookup_country(chain) \
                or _TITLES.intersection(w.casefold().strip(".,") for w in chain.split()) \
                or " ".join(chain.casefold().split()).startswith(_COURTESY_START):
            return None  # a known agency is paren_agency's; "(Foreign Minister …)" names a post; "(Photo Courtesy of …)" a courtesy
        return chain
    if name == "bracket_file":
        return g["chain"] + "/File"
    if name == "cjk_year_agency":  # the katakana must be a known agency's: "(2022年 ロイター/NAME)"
        return g["chain"] if agencies.lookup(g["chain"].partition("/")[0].strip()) else None
    if name == "bare_marker_mid":
        if not _caps_name_ok(g["name"], agencies) or not _person_shaped(g["name"], agencies) and "." not in g["name"]:
            return None
        return f"{g['name']}/{g['org']}" if g.get("org") else g["name"]
    if name == "cjk_reporter" or name == "caseless_label":
        return g["name"]
    if name == "hebrew_paren_name":
        words = g["name"].split()
        if any(w in _CASELESS_MARKERS or placeholder_tag(w) or w in ORG_WORDS for w in words):
            return None  # "(צילום ארכיון)": a label and a tag, no one's name
        return g["name"]
    if name == "cjk_ko_label":
        return "hangul" if _hangul_reading(_ko_chain(g), agencies, bool(g.get("staff"))) else None
    if name in _HAN_RULES:
        if name == "cjk_agency_end" and not _han_known(g["chain"], agencies):
            return None  # "（视频截图）" (a video still), "（代表撮影）": no agency
        reading = _han_reading(g, agencies)
        return "han" if reading and (reading[0] or reading[1] or reading[2]) else None
    if name == "collection_of":
        chain = g["chain"]
        if not (g.get("coll") or chain.casefold().endswith(("collection", "collections"))):
            return None  # "… lifted off from the Cape Canaveral Air Force Station": a place, not a source
        return chain if agencies.lookup(chain) or _is_org_like(chain) else None
    if name == "lead_glued_chain":
        if not agencies.lookup(g["agency"].strip()) or not _caps_name_ok(g["name"], agencies):
            return None
        return f"{g['name']}/{g['agency'].strip()}"
    if name == "lead_chain":
        person = g["name"]
        org = _lead_bracket_org(g["agency"], agencies) if g.get("open") else _lead_org(g["agency"], agencies)
        if not org or not _caps_name_ok(person, agencies) or lookup_city(person) or person.split()[0] in _NOT_FIRST_NAMES:
            return None
        g["agency"] = org  # the credit's span ends with it (_rule_on)
        return f"{person}/{org}"
    if name == "name_comma_holder":
        org, first = g["org"], g.get("name")
        if not _is_org_like(org.split()[-1]) or org.casefold().endswith(("collection", "collections")) or lookup_city(org):
            return None  # "Private collection.": no organisation
        if not first:
            return org
        if agencies.lookup(first) or _is_org_like(first) or _caps_name_ok(first, agencies):
            return f"{first}/{org}"  # a studio's name ("Kosken Kuvaamo") or the photographer's
        return None
    if name == "name_line_agency":
        if not agencies.lookup(g["agency"]) or not _caps_name_ok(g["name"], agencies):
            return None
        return f"{g['name']}/{g['agency']}"
    if name == "name_email":
        if not (_email_matches(g["name"], g["email"]) and _caps_name_ok(g["name"], agencies)):
            return None
        return g["name"]
    if name == "label_dash_name":
        return g["name"] if _person_shaped(g["name"], agencies) else None
    if name == "credit_marker_bare":
        return g["name"] if _caps_name_ok(g["name"], agencies) else None
    if name == "org_photo_label":
        org = agencies.lookup(g["org"] + " Foto") or agencies.lookup(g["org"]) or agencies.lookup(g["org"] + " Photo")
        return f"{org}/{g['chain']}" if org else None
    if name == "afp_slash":
        return f"AFP/{g['name']}" if g.get("name") else "AFP"
    if name == "end_name_after_day":  # "… on Monday Night Football": a part of the day makes a time phrase, no name
        first = g["name"].split()[0]
        return g["name"] if _person_shaped(g["name"], agencies) and first not in _NOT_FIRST_NAMES \
            and first.casefold() not in _DAY_PARTS else None
    if name == "date_by_name":  # a person's name, not a place's, an organisation's or a month's
        person = g["name"]
        if not _caps_name_ok(person, agencies) or lookup_city(person) or person.split()[0] in _NOT_FIRST_NAMES \
                or _CAL_WORDS.intersection(person.casefold().split()):
            return None
        return person
    if name in ("paren_name_end", "end_caps_name", "end_name"):
        if name in ("end_caps_name", "end_name") and not _caps_name_ok(g["name"], agencies):
            return None
        if name == "end_name" and (lookup_city(g["name"]) or _CAL_WORDS.intersection(g["name"].casefold().split())
                                   or g["name"].split()[0] in _NOT_FIRST_NAMES):
            return None
        return g["name"]
    if name == "org_photo_by":
        org = g["org"]
        # a wordmark known with its "Photo" ("Official White House Photo by NAME", "VII Photo by NAME")
        known = agencies.lookup(org) or agencies.lookup(org + " Photo")
        if not (known or _is_org_like(org)):
            return None
        return f"{g['chain']}/{known or org}"
    return _plain_chain_of(rule, g, agencies)


def _plain_chain_of(rule: Rule, g: dict, agencies: Agencies) -> str | None:
    name = rule.name
    chain = g.get("chain")
    if chain is None:
        return None
    if name == "credit_marker" and "," in chain and (g.get("lead") or "").rstrip().endswith("s"):
        # "Pictures: Michael Mac Sweeney, Dan Linehan": after a plural marker, a comma between two people's
        # names joins them (after a singular one, "Name, Organisation" is the paper's credit)
        head, _, tail = chain.rpartition(",")
        if _person_shaped(head.strip(), agencies) and _person_shaped(tail.strip(), agencies):
            chain = f"{head.strip()} and {tail.strip()}"
    if name == "credit_marker" and "," in chain and (g.get("lead") or "").casefold().startswith(("fotograf", "photographer")):
        head, slash, rest = chain.partition("/")  # the holding institution may follow ("…/Stadsmuseet i Stockholm")
        inverted = _INVERTED_NAME.fullmatch(head.strip())
        if inverted and not any(agencies.lookup(w) or _is_org_like(w) or lookup_city(w) or lookup_country(w)
                                for w in inverted.groups()):
            chain = f"{inverted['given']} {inverted['surname']}{slash}{rest}"  # museum catalogues: "Fotograf: Haarstad, Ragnhild"
    if name == "wikimedia_attribution":  # the licence between the author and the site is no part of the chain
        chain = chain.strip() + " via Wikimedia Commons"
    if name == "courtesy_marker":  # "Photo courtesy JDHS Softball": the first part is the courtesy's source
        chain = "Courtesy " + chain.lstrip()
        if g.get("prev"):  # "EFEAGRO/Cedida por la compañía": the agency that sent the picture on comes first
            chain = f"{g['prev']}/{chain}"
    if name == "should_read":
        chain = _GLUED_AFP.sub("/AFP", chain)
    if rule.only_known and not _all_known(chain, agencies):
        return None
    if name == "line_chain" and not _line_chain_ok(chain, agencies):
        return None
    if name == "end_chain" and g.get("code"):
        chain += "/" + g["code"].rpartition("/")[2].strip()  # the number tells parse_chain the desk's initials end it
    if name == "by_chain" and not _any_known(chain, agencies):
        return None
    return chain


# words that keep an agency's name inside the sentence ("… told Reuters", "… outside the Kremlin")
_IN_SENTENCE = frozenset("""a an the this that these those his her its their our my your of to for from by with at in on
into onto over under near past outside inside behind toward towards during after before against about around through
across within via per like than as and or but nor is are was were be been being told tell tells telling said says say
saying joins joined join visits visited visit meets met meet leaves left leave according de del la el los las en y
con por para al der die das den dem des von und im am zum zur le du et à au aux""".split())
# organisations whose name ends a sentence as its place or subject, not as its credit
_PROSE_ROLES = frozenset(r["name"] for r in agency_rows() if r.get("role") in ("government", "un", "archive"))


# the words of an institution that holds pictures (comma_archive): an archive, a library, a museum, a collection
_ARCHIVE_WORDS = frozenset("""archive archives library libraries museum museums collection collections archiv archivo arquivo
archivio archief arkiv bibliothek biblioteca bibliothèque bibliotheek musée museo museu""".split())
# a photographer's name written surname first, as museum catalogues do: "Haarstad, Ragnhild"
_INVERTED_NAME = regex.compile(r"(?P<surname>\p{Lu}[\p{Ll}'’\-]+),[ ]*(?P<given>\p{Lu}[\p{Ll}'’\-]+(?:[ ]\p{Lu}\.)?)")  # a given name and an initial at most
# a person's name after a sentence's end or a bracket, then a spaced dash, right before a chain (name_dash_chain)
# (group 1, the credit's start, holds the bracket)
_NAME_BEFORE_DASH = regex.compile(r"(?P<credit>(?:\([ ]{0,3}|(?<=[(.!?][ ]{0,3})|(?<=\n[ ]{0,3})|^)(?P<name>" + _NAME_TITLE
                                  + r"))[ ]+[-–][ ]+$")
_DASH_NAME = regex.compile(r"[ ]+[-–][ ]+(?P<name>" + _NAME_ANY + r")[ ]*\.?[ ]*(?:$|\n)")
# a photographer's name, then the agency after a spaced dash or in brackets, closing the line or the label's bracket:
# "Ảnh: Xuân Triệu - TTXVN", "( Ảnh: TRÍ DŨNG (TTXVN) )" (Vietnamese papers; _chain_in_text keeps a known agency)
_NAME_THEN_AGENCY = regex.compile(r"(?:[ ]+[-–][ ]+|[ ]*\()(?P<org>\p{Lu}[^()\n\-–/]{1,30}?)\)?[ ]*\)?[ ]*\.?[ ]*(?:$|\n)")
_RUN_ON = regex.compile(r"[ ]\p{Ll}")
# a known agency's part, then a slash, just before a courtesy marker: "EFEAGRO/Cedida por la compañía"
_PREV_PART = regex.compile(r"(?:^|(?<=[\s.,;:!?()\[\]]))(\p{Lu}[\p{L}\p{N}&\-]*(?:[ ]\p{Lu}[\p{L}\p{N}&\-]*){0,3})[ ]*/[ ]*$")
_SPECIAL_TO = regex.compile(r"^(?i:special[ ]+to)[ ]+(?:the[ ]+(?=\p{Lu}))?")
# a photographer's dates in brackets, then the holding institution, to the line's end (museum catalogues)
_DATES_THEN_ORG = regex.compile(r"[ ]*\([^()\n]{1,20}\)\.?[ ]*(?P<org>\p{Lu}[^\n.()]{2,60}?)[ ]*\.?[ ]*(?:\n|$)")
# a given name, then a surname typed in lower case (archives' catalogues): "Cor jarong"
_LOWER_SURNAME = regex.compile(r"\p{Lu}\p{Ll}+[ ]\p{Ll}{3,}")
_CUT_TOKEN = regex.compile(r"[ ]+\p{Lu}{1,2}$")


# lead_chain: where an organisation may end in "Stuff Thousands of …", "The Salt Lake Tribune Youth dancing …",
# "PhillyVoiceFans took over …": before a space or a capital glued to a small letter
_LEAD_ORG_ENDS = regex.compile(r"(?<=\S)(?=[ ]|(?<=\p{Ll})\p{Lu}\p{Ll})")
# what follows an organisation that a sentence opens: the line's end, or a capital, digit, quote or ellipsis
_LEAD_SENTENCE = regex.compile(r"[ ]*$|[ ]+[\p{Lu}\p{N}\"“‘'…]|[ ]+\.\.\.")
# a sentence whose first word is capitalised and its second is not ("Youth dancing", "Thousands of"), or that an
# ellipsis opens ("…le même jour")
_LEAD_FIRST_WORD = regex.compile(r"[ ]*\p{Lu}\p{Ll}+[ ]+\p{Ll}|\p{Lu}\p{Ll}+|[ ]+(?:…|\.\.\.)")
_LEAD_ORG_WORDS = 6


def _lead_org(rest: str, agencies: Agencies) -> str | None:
    """The organisation opening ``rest`` (a lead credit's text after its separator), as written: the longest known
    agency a sentence follows; else the capitalised words before a sentence's first word when they are
    organisation-shaped (an acronym, "The …", an organisation word, a wordmark)."""
    if " " in rest.strip() and rest[:40].isupper():  # a caption in capitals: no capital says where its sentence opens
        return None
    line_end = len(rest.rstrip())
    ends = sorted(set([m.start() for m in _LEAD_ORG_ENDS.finditer(rest)][:_LEAD_ORG_WORDS] + [line_end]))
    for end in reversed(ends):
        org = rest[:end]
        if agencies.lookup(org) and _LEAD_SENTENCE.match(rest, end):
            return org
    for end in ends:  # the shortest first: the sentence's first word is no organisation's
        org = rest[:end]
        if not (end == line_end or _LEAD_FIRST_WORD.match(rest, end)) or not all(w[:1].isupper() for w in org.split()):
            continue
        glued = rest[end:end + 1] not in ("", " ")
        if (_ACRONYM.fullmatch(org) or (org.startswith("The ") and not glued) or _is_org_like(org)
                or _WORDMARK.search(org)):
            return org
    return None


def _lead_bracket_org(rest: str, agencies: Agencies) -> str | None:
    """The organisation of a lead credit in brackets (``rest``: its text after the separator): the words up to the closing
    bracket, when a sentence follows and they are a known agency or organisation-shaped (credit.lead_chain)."""
    org, close, after = rest.partition(")")
    org = org.strip()
    if not close or not org or not _LEAD_SENTENCE.match(after) or not all(w[:1].isupper() for w in org.split()):
        return None
    if agencies.lookup(org) or _ACRONYM.fullmatch(org) or org.startswith("The ") or _is_org_like(org) or _WORDMARK.search(org):
        return org
    return None


# a copyright opening the caption whose chain a small letter follows on its line: the sentence opened inside the
# chain, its first (capitalised) word read as the chain's ("© Lucy Nicholson Detainees at …") (lead_copyright_cut)
_RUNS_ON_SMALL = regex.compile(r"[ ]+\p{Ll}")
_LAST_SEP = regex.compile(r"[/|](?=[^/|]*$)")


def _lead_copyright_cut(chain: str, rest: str, agencies: Agencies) -> str | None:
    """The chain of a copyright opening the caption less the sentence's first word(s) run into it (``rest``: the
    text from the chain on): its last part, an organisation, ends where _lead_org says ("© Iona Dutz / Greenpeace
    Mit Aktionstagen macht …" → Greenpeace); a person's name loses its last word ("© John Brecher Needle poking
    skin …" → John Brecher), two words left at least. None when nothing is cut."""
    sep = _LAST_SEP.search(chain)
    at = sep.end() if sep else 0
    at += len(chain[at:]) - len(chain[at:].lstrip())
    last = chain[at:].rstrip()
    org = _lead_org(rest[at:], agencies) if sep else None
    if org and len(org) < len(last):
        return chain[:at] + org
    words = last.split(" ")
    if org or len(words) < 3 or agencies.lookup(last) or _is_org_like(last) \
            or not _person_shaped(" ".join(words[:-1]), agencies):
        return None  # an organisation's name of three words stays whole ("© Historic England Archive reproduced …")
    return chain[:at] + " ".join(words[:-1])


# a place word or a comma right before a chain: the sentence runs on into it (place_before_name)
_PLACE_BEFORE = regex.compile(r"(?:(?<![\p{L}])(?:in|at|near)|,)[ ]+$")
_WORD_BEFORE = regex.compile(r"[\p{L}\p{N}][ ]+$")  # a sentence's word right before the chain, no stop
_CHAIN_BAR = regex.compile(r"[ ]+\|[ ]+")
_DOTTED_PLACE = regex.compile(r"(?:\p{Lu}\.){2,3}")  # "D.C."
_INITIAL = regex.compile(r"\p{Lu}\.")


def _place_ahead(chain: str, person: str, agencies: Agencies) -> int:
    """How many characters of ``chain`` (as written) a place ahead of its first name takes ("Paris Benoit Tessier/…",
    "D.C. Paul Morigi/…"): a known city, state or country of one or two words, or a dotted abbreviation, leaving a
    person's name of two words (an initial between them at most); 0 when there is none."""
    words = chain.split(" ")
    for k in (2, 1):
        head = " ".join(words[:k])
        if not (lookup_city(head) or lookup_state(head) or lookup_country(head) or _DOTTED_PLACE.fullmatch(head)):
            continue
        rest = chain[len(head):].lstrip(" ")
        name = _SPLIT.split(rest, 1)[0].strip()
        left = name.split()  # a given name and a surname, an initial between them at most: "Benoit Tessier", "Paul R. Smith"
        if (len(left) == person.count(" ") + 1 - k and _person_shaped(name, agencies)
                and (len(left) == 2 or _INITIAL.fullmatch(left[1]))):
            return len(chain) - len(rest)
    return 0


def _chain_in_text(chain: str, text: str, end: int, agencies: Agencies) -> str:
    """The chain less a last part that belongs to the text after it: one word running on in lower case
    ("© Sputnik / Name / Acessar o banco de imagens": the page's link), or a letter or two cut from a catalogue
    code ("Stadtarchiv Heilbronn F014N-201120020"); or the chain with its photographer after a dash when it is one
    known agency ("Foto: Byrd - Mikkel Johansen", "Foto: EFE - Name"); or a photographer's name with its known agency
    after a dash or in brackets ("Ảnh: Xuân Triệu - TTXVN", "Ảnh: TRÍ DŨNG (TTXVN)": name_then_agency)."""
    after = text[end:end + 2]
    first = after[:1]
    if "/" not in chain:
        after_name = _NAME_THEN_AGENCY.match(text, end) if first in " (" else None
        if after_name and agencies.lookup(after_name["org"]) and _person_shaped(chain.strip(), agencies):
            return f"{chain.strip()}/{after_name['org']}"
        inner = _EXPANDED.search(chain) if chain.endswith(")") else None  # "Lê Văn An (Reuters)": read as its expansion
        if inner and agencies.lookup(inner.group().strip(" ()")) and _person_shaped(chain[:inner.start()], agencies):
            return f"{chain[:inner.start()]}/{inner.group().strip(' ()')}"
    if first == " ":  # the tests below need a space or a digit after the chain
        if text[end:end + 4].lstrip()[:1] in _DASHES and agencies.lookup(chain.strip()):
            named = _DASH_NAME.match(text, end)
            if named and _person_shaped(named["name"], agencies):
                return f"{chain.strip()} - {named['name']}"
        if _RUN_ON.match(after) and chain.count("/") >= 2:
            head, _, last = chain.rpartition("/")
            if " " not in last.strip():
                return head
    elif first.isdigit():
        cut = _CUT_TOKEN.search(chain)
        if cut and " " in chain[:cut.start()].strip():
            return chain[:cut.start()]
    return chain


def _end_agency_words(chain: str, before: str, agencies: Agencies) -> str | None:
    """The known agency that closes ``chain`` (one to three words), its word before not a function word."""
    words = chain.split()
    for k in range(min(3, len(words)), 0, -1):
        known = agencies.lookup(" ".join(words[-k:]))
        if known:
            prev = words[-k - 1] if k < len(words) else before
            if prev.casefold().strip(",") in _IN_SENTENCE or known in _PROSE_ROLES:
                return None  # "… in the New York Times": the longest known name decides
            return " ".join(words[-k:])
    return None


def _any_known(chain: str, agencies: Agencies, org_like: bool = False) -> bool:
    parts = [p.strip() for p in _SPLIT.split(chain.strip(" /")) if p.strip()]
    return any(agencies.lookup(p) or (org_like and _is_org_like(p)) for p in parts)


_TITLES = frozenset("""president vice chairman chairwoman chair director ceo cfo founder secretary minister head chief
manager member members spokesman spokeswoman spokesperson professor coach captain mayor governor senator editor owner
executive officer leader principal superintendent commissioner general photographer photographers contributor
correspondent reporter writer staff""".split())


def _person_then_org(name: str, org: str, agencies: Agencies) -> bool:
    """``Susan Tusa, Detroit Free Press``, ``Joe Lamberti, Courier-Post-USA Today Network`` (credit.name_comma_agency):
    a person's name of two or three words, then an organisation of two words or more that names no one's post."""
    words = name.split()
    return (2 <= len(words) <= 3 and bool(_NAMEISH.match(name)) and _caps_name_ok(name, agencies)
            and not _is_org_like(name) and " " in org.strip()
            and not _TITLES.intersection(w.casefold().strip(".,") for w in org.split()))


def _email_matches(name: str, email: str) -> bool:
    """``Harry Lynch`` and ``hlynch@…``: the address's local part holds the surname (the word before a
    generational suffix: ``Gilbert R. Boucher II`` and ``gboucher@…``)."""
    local = regex.sub(r"[^\p{L}]", "", email.partition("@")[0]).casefold()
    words = [regex.sub(r"[^\p{L}]", "", w).casefold() for w in name.split() if w.strip(",") not in _NAME_SUFFIXES]
    words = [w for w in words if len(w) > 1]
    return bool(words) and len(words[-1]) > 1 and words[-1] in local


# the last caption split and its lines, as one tuple (read and replaced whole: safe across threads):
# the gates of one caption share them instead of splitting it again each
_LINES_OF: list[tuple] = [(None, ())]


# rules whose match is a credit only when it names someone: a placeholder alone is no credit there
_DAY_PARTS = frozenset(w.casefold() for w in date_words().get("day_part", ()))  # data/date_words.csv
_NO_TAG_ONLY = frozenset(("paren_name_end", "end_name", "end_caps_name", "released_by", "end_name_after_day", "date_by_name"))
def _closes_line(text: str, end: int) -> bool:
    """Only stops and closing brackets follow ``end`` on its line ("… paid a courtesy visit to …" runs on)."""
    line = text.find("\n", end)
    return not text[end:line if line >= 0 else len(text)].strip(" .;,)]）】")


_HANGUL_REPORTER = regex.compile(r"^(?P<name>\p{Hangul}{2,4})[ ]*(?:기자|특파원)(?:[ ]+[\w.+-]+@[\w.-]*)?$")
# the ends of Korean organisations' names: 일보 (daily), 신문 (newspaper), 뉴스, 방송 (broadcaster), 시/도/군/구/청 (city,
# province, county, district, office), 재단 (foundation), 협회 (association), 병원 (hospital), 캠프 (a campaign's camp)
_HANGUL_ORG_ENDS = tuple(w for w in _ORG_SUFFIXES if w and all("\uac00" <= c <= "\ud7a3" for c in w))


def _ko_chain(g: dict) -> str:
    """The Korean label's source; "사진제공=ORG" (photo provided) reads as "사진=ORG 제공" does."""
    return g["chain"] + " 제공" if g.get("given") and not g["chain"].rstrip(" .").endswith("제공") else g["chain"]


def _hangul_reading(chain: str, agencies: Agencies, staff: bool = False) -> tuple[list[str], list[str], list[str]] | None:
    """A Korean photo label's source: "NAME 기자 mail@…" or "영상기자 NAME" a reporter, "연합뉴스" a known agency,
    "ORG 제공" a handout."""
    chain = chain.strip(" .")
    reporter = _HANGUL_REPORTER.match(chain)
    if reporter:
        return [reporter["name"]], [], []
    if staff:
        return ([chain], [], []) if regex.fullmatch(r"\p{Hangul}{2,4}", chain) else None
    tags = []
    if chain.endswith("제공"):  # "세종시 제공": provided by
        tags.append("handout")
        chain = chain[:-2].strip()
    known = agencies.lookup(chain)
    if known:
        return [], [known], tags
    if chain.endswith(_HANGUL_ORG_ENDS) and regex.fullmatch(r"\p{Hangul}+(?:[ ]\p{Hangul}+){0,3}", chain):
        return [], [chain], tags
    if tags and regex.fullmatch(r"\p{Lu}[\p{Lu}\p{N}&]{1,7}", chain):  # "사진=KBL 제공": an acronym provides, no person
        return [], [chain], tags
    return ([], [], tags) if tags else None


_HAN_CHAR = regex.compile(r"\p{Han}")
_PHOTO_ORG_COLON = regex.compile(r"\((?i:foto|photo|fotografía)[ ]+\p{Lu}[^():\n]{0,40}:")
_HAN_RULES = frozenset(("cjk_photographed", "cjk_label", "cjk_agency_end"))
# the ends of Chinese and Japanese organisations' names (data/org_words.csv rows in Han written "-社", "-新闻")
_HAN_ORG_ENDS = tuple(w for w in _ORG_SUFFIXES if w and all("\u3400" <= c <= "\u9fff" for c in w))
_HAN_SHOT_END = regex.compile(_HAN_SHOT + "$")


def _han_known(text: str, agencies: Agencies) -> str | None:
    """A known agency written in Han or kana, also at the end of a longer run ("…考生新华社": the run's start is the
    sentence's) and in full-width letters ("ＡＰ")."""
    text = unicodedata.normalize("NFKC", text.strip())
    for k in range(0, max(1, len(text) - 1)):
        known = agencies.lookup(text[k:])
        if known:
            return known
    return None


def _han_org(text: str, agencies: Agencies) -> str | None:
    """An organisation's name in Han: a known agency, or a name ending in an organisation's word (社, 报, 新闻, 政府…)."""
    known = _han_known(text, agencies)
    if known:
        return known
    return text if len(text) >= 2 and text.endswith(_HAN_ORG_ENDS) else None


def _han_outlet(g: dict) -> str | None:
    """The outlet before a reporter's title ("東南網記者 NAME 攝", "中青報·中青網記者 NAME/攝"): a name ending in an
    organisation's word, when it is the whole run of Han before the title (else the sentence's words may open it) and
    not the caption's own paper ("本報記者", this paper's reporter)."""
    agency = g["agency"]
    return agency if g.get("agency_whole") and agency.endswith(_HAN_ORG_ENDS) and not agency.startswith("本") else None


def _han_people(names: str) -> list[str]:
    """"邓 华" → 邓华 (a name of two padded to three); "邱晶 張卓羣", "邝啓聰、陳淵莊" → two names."""
    people = []
    for chunk in regex.split(r"[、，,]", names):
        words = chunk.split()
        if len(words) > 1 and all(len(w) >= 2 for w in words):
            people.extend(words)
        elif chunk.strip():
            people.append("".join(words))
    return [p for p in people if 2 <= len(p) <= 5]


# a Korean wire's reporter right after its bracket: "[서울=뉴시스]김명원 기자 = …", "(부산=연합뉴스) 민영규 기자 = …"
_KO_BYLINE = regex.compile(r"[ ]*(?P<name>\p{Hangul}{2,4})[ ]*기자[ ]*=")
# (a label's source in katakana is read only as a known agency: "写真:ロイター", Reuters)
_KATAKANA_CHAR = regex.compile(r"\p{Katakana}")


def _han_reading(g: dict, agencies: Agencies) -> tuple[list[str], list[str], list[str]] | None:
    """What a Chinese or Japanese credit says: (people, organisations, tags)."""
    people: list[str] = []
    orgs: list[str] = []
    tags: list[str] = []
    if g.get("given"):  # "臺中市政府提供", "本人提供", "读者提供": a handout from whoever gave it
        source = g["given"]
        tags.append(placeholder_tag(source) or "handout")
        org = None if placeholder_tag(source) else _han_org(source, agencies)
        if org:
            orgs.append(org)
    elif g.get("name"):
        if g.get("agency"):
            org = _han_known(g["agency"], agencies) or _han_outlet(g)
            if org:
                orgs.append(org)
        tag = placeholder_tag(g["name"].replace(" ", ""))
        if tag:
            tags.append(tag)  # "（代表撮影）": a pool picture
        elif _han_org(g["name"], agencies) and not g.get("shot"):
            orgs.append(_han_org(g["name"], agencies))  # "NAME/视觉中国 图": the agency's picture
        elif not g["name"].endswith("拍"):  # "拍摄" (to shoot) is a verb
            people = _han_people(g["name"])
            if g.get("shot") == "撮影":  # Japanese: "…、首相官邸、上田幸一撮影": 、 lists the place before the name
                people = people[-1:]
            if not people:
                return None
    elif g.get("chain"):
        chain = g["chain"]
        if g.get("agency"):
            org = _han_known(g["agency"], agencies)
            if org:
                orgs.append(org)
        shot = _HAN_SHOT_END.search(chain)
        if shot:  # "写真:諏訪撮影"
            people = _han_people(chain[:shot.start()])
        elif chain.endswith(_HAN_GIVEN_END):
            source = chain[:-2]
            tags.append(placeholder_tag(source) or "handout")
            org = None if placeholder_tag(source) else _han_org(source, agencies)
            if org:
                orgs.append(org)
        elif placeholder_tag(chain):
            tags.append(placeholder_tag(chain))
        else:
            org = _han_org(chain, agencies)
            if org:
                orgs.append(org)
            elif 2 <= len(chain) <= 4 and not _KATAKANA_CHAR.search(chain):  # "写真:イメージ" (an illustration): no one
                people = _han_people(chain)
            else:
                return None
    if g.get("org"):
        org = _han_org(g["org"], agencies)
        if org:
            orgs.append(org)
    return people, orgs, tags


def _lines(text: str) -> list[str]:
    last = _LINES_OF[0]
    if last[0] is text:
        return last[1]
    lines = text.split("\n") if "\n" in text else [text]
    _LINES_OF[0] = (text, lines)
    return lines


def _gate_comma_agency(text: str, agencies: Agencies) -> bool:
    """A line ends in ``, <known agency>`` or ``, <organisation>``."""
    for line in _lines(text):
        head, comma, tail = line.rpartition(",")
        if comma and (agencies.lookup(tail.strip(" .)")) or _is_org_like(tail)):
            return True
    return False


def _gate_known_paren(text: str, agencies: Agencies) -> bool:
    """The caption ends in ``(KNOWN AGENCY)`` or ``[KNOWN AGENCY]``."""
    end = text.rstrip(" .")
    if not end.endswith((")", "]")):
        return False
    opening = max(end.rfind("("), end.rfind("["))
    return opening >= 0 and bool(agencies.lookup(end[opening + 1:-1].strip()))


def _gate_known_after_dash(text: str, agencies: Agencies) -> bool:
    """The caption ends in `` - <KNOWN AGENCY>`` (a spaced hyphen or en dash before it; name_dash_agency)."""
    end = text.rstrip(" .")[-48:]
    dash = max(end.rfind(" - "), end.rfind(" – "))
    return dash >= 0 and bool(agencies.lookup(end[dash + 3:].strip()))


def _ends_paren(text: str) -> bool:
    return text.rstrip(" .").endswith((")", "]"))


def _gate_paren_dash_end(text: str, _) -> bool:
    """ends_paren, and a dash or comma after the last opening bracket (paren_name_org: neither the name nor
    its organisation holds a bracket, so the last one opens the match)."""
    if not _ends_paren(text):
        return False
    inside = text[max(text.rfind("("), text.rfind("[")) + 1:]
    return "," in inside or "-" in inside or "–" in inside or "—" in inside


_STOPS = frozenset('.!?”"')  # a sentence's stop or a closing quote (a set: '' is not in it)


def _gate_paren_after_stop(text: str, _) -> bool:
    """ends_paren, a stop and up to three spaces before the last "(", and no slash or comma after it
    (paren_org_end: the organisation's words hold no bracket, slash or comma, so the last "(" opens the match)."""
    if not _ends_paren(text):
        return False
    opening = text.rfind("(")
    return opening > 0 and text[max(0, opening - 4):opening].rstrip(" ")[-1:] in _STOPS \
        and "/" not in text[opening:] and "," not in text[opening:]


_YEAR_HEADS = ("18", "19", "20")


def _gate_year_then_credit(text: str, _) -> bool:
    """ends_open_or_stop, and a year next to the last comma (year_then_credit: the credit after the year
    holds no comma): "…, 1967, Name" has it before, "…, 1987 - Name" after."""
    if not text.rstrip(" .")[-1:].isalpha():
        return False
    comma = text.rfind(",")
    return comma >= 0 and (text[comma - 4:comma - 2] in _YEAR_HEADS or text[comma + 1:].lstrip(" ")[:2] in _YEAR_HEADS)


_DAY_WORDS = tuple(_WEEKDAY_WORDS.split("|")) + ("yesterday", "today")


# what end_name's match holds, read forwards: a stop or a line break, a capital, then two to four words of no
# characters a name or "Photo" cannot hold, to the end
_NAMEISH_END = regex.compile(r"[.!?”\"\n][ ]{0,3}\p{Lu}[^\s/,;:()\[\]\d]*(?:[ ]+[^\s/,;:()\[\]\d]+){1,3}[ ]*$", regex.V1)


def _gate_name_after_stop(text: str, _) -> bool:
    """ends_name, and a name's shape after a stop or line break in the last words (end_name: the name and "Photo"
    are four words at most, the stop or break just before them)."""
    if not text.rstrip(" ")[-1:].islower():
        return False
    words = text.rsplit(None, 5)
    return _NAMEISH_END.search(text[len(words[0]):] if len(words) == 6 else text) is not None


# label_colon's words, as cased; the characters that open what follows them (":", "...", "…", ", …/")
_LABEL_COLON_WORDS = ("Photographer", "Photograph", "Photo", "Credit", "Image source", "Image", "Picture", "PHOTO")
_LABEL_MARKS = frozenset(":.…,")


def _gate_label_mark(text: str, _) -> bool:
    """One of label_colon's words followed by white space and a colon, a stop, "…" or a comma, or "Credit" glued to
    a capital (str.isspace holds every character \\s does)."""
    for word in _LABEL_COLON_WORDS:
        at = text.find(word)
        while at >= 0:
            k = at + len(word)
            if word == "Credit" and text[k:k + 1].isupper():
                return True
            while text[k:k + 1].isspace():
                k += 1
            if text[k:k + 1] in _LABEL_MARKS:
                return True
            at = text.find(word, at + 1)
    return False


# the last words of credit_marker's labels, as its alternation writes them (as written, Capitalised, Title Case,
# CAPITALS), and of the labels it reads glued to a word before ("…in St BartsCredit: Splash")
_LABEL_LAST_WORDS = tuple(sorted({v.split()[-1] for w in CREDIT_MARKERS.get("label", ())
                                  for v in (w, w[:1].upper() + w[1:], w.title(), w.upper())}
                                 | {w + s for w in ("Credit", "Photo", "Picture", "Foto", "Image") for s in ("", "s")}))


_LABEL_LAST_SET = frozenset(w for w in _LABEL_LAST_WORDS if w[:1].isupper())  # a label opening the next credit


def _gate_label_before_mark(text: str, _) -> bool:
    """credit_marker: a ":" or "/" after a label's last word and spaces."""
    for mark in (":", "/"):
        at = text.find(mark)
        while at >= 0:
            k = at
            while k > 0 and text[k - 1] == " ":
                k -= 1
            if text.endswith(_LABEL_LAST_WORDS, 0, k):
                return True
            at = text.find(mark, at + 1)
    return False


_NOT_IN_NAME = frozenset("/,.:;()[]|@#&0123456789\n\t")


def _gate_paren_name(text: str, _) -> bool:
    """ends_paren, and a capital after the last "(", then words of a name's characters to the next ")"
    (paren_name_end: the name holds no bracket, so the last "(" opens it)."""
    if not _ends_paren(text):
        return False
    opening = text.rfind("(")
    closing = text.find(")", opening)
    name = text[opening + 1:closing]
    return opening >= 0 and closing > opening and name[:1].isupper() and " " in name and _NOT_IN_NAME.isdisjoint(name)


def _gate_spaced_last_slash(text: str, _) -> bool:
    """ends_open_or_stop, and spaces on both sides of the last "/" (end_slash_agency: its agency holds no slash)."""
    if not text.rstrip(" .")[-1:].isalpha():
        return False
    slash = text.rfind("/")
    return slash > 0 and text[slash - 1] == " " and text[slash + 1:slash + 2] == " "


def _ends_open(text: str) -> bool:
    return text.rstrip(" ")[-1:] not in "/\n.()"  # "" too: a chain has text


def _gate_agency_after_stop(text: str, _) -> bool:
    """ends_open, and a stop, a closing bracket, a quote or a bar within 48 characters of the end (before any
    dash closing it) and after the last "/", line break, "." or bracket (end_agency: its agency of 39 characters at
    most holds none of them; the stop before it at most 9 characters before it)."""
    if not _ends_open(text):
        return False
    end = text.rstrip(" ")
    bare = end[:-1].rstrip(" ") if end.endswith(("-", "–", "—")) else end
    last = max(text.rfind("/"), text.rfind("\n"), text.rfind("."), text.rfind("("), text.rfind(")"))
    window = text[max(last, len(bare) - 48, 0):len(end)]
    return not _AGENCY_MARKS.isdisjoint(window)


_AGENCY_MARKS = frozenset('.)!?"”|')


_NOT_ORG_END = frozenset("/,;:()[]|@#\t")


def _gate_org_after_stop(text: str, _) -> bool:
    """ends_open, and six words at most after the caption's last stop or line break, none holding a character an
    organisation's name in end_org cannot hold."""
    if not _ends_open(text):
        return False
    last = max(text.rfind("."), text.rfind("!"), text.rfind("?"), text.rfind("”"), text.rfind('"'), text.rfind("\n"))
    if last < 0:
        return False
    words = text[last + 1:]
    return _NOT_ORG_END.isdisjoint(words) and len(words.split()) <= 6


# comma_archive and name_for_org read forwards, without the look-behind before the comma or the name
_ARCHIVE_END = regex.compile(r",[ ]*\p{Lu}[\p{L}\-'’.]*(?:[ ]+(?:\p{Lu}[\p{L}\-'’.]*|of|the|and|&|de|du)){1,7}"
                             r"(?:,[ ]*(?:1[89]|20)\d\d)?[ ]*\.?[ ]*$", regex.V1)
_FOR_ORG_END = regex.compile(r"[ ]for[ ]+(?:The[ ]+)?" + _PART + r"[ ]*\.?[ ]*$", regex.V1)


def _gate_archive_after_comma(text: str, _) -> bool:
    """ends_open_or_stop, and an archive's shape after one of the last two commas (comma_archive: the name holds
    no comma, a year after it one)."""
    if not text.rstrip(" .")[-1:].isalpha():
        return False
    last = text.rfind(",")
    return last >= 0 and _ARCHIVE_END.search(text, max(text.rfind(",", 0, last), 0)) is not None


def _gate_holder_after_stop(text: str, _) -> bool:
    """ends_open_or_stop, and the caption's last sentence two to seven words closing with an organisation's word in lower
    case (name_comma_holder)."""
    if not text.rstrip(" .")[-1:].isalpha():
        return False
    body = text.rstrip(" ").rstrip(".")
    # the caption's last word first (the sentence's words are the caption's last ones): most captions end in a name or
    # a word in capitals, and the four searches for the sentence's start are not made (tests/test_credit_gates.py)
    if not body.rsplit(None, 1)[-1].islower():
        return False
    start = max(body.rfind(". "), body.rfind("! "), body.rfind("? "), body.rfind("\n"))
    if start < 0:
        return False
    words = body[start + 1:].split()
    return 2 <= len(words) <= 7 and words[-1].islower() and _is_org_like(words[-1])


def _gate_for_org_end(text: str, _) -> bool:
    """ends_open_or_stop, and " for " and an organisation's part closing the caption (name_for_org), read forwards."""
    return text.rstrip(" .")[-1:].isalpha() and _FOR_ORG_END.search(text) is not None


def _gate_photo_name_dot(text: str, _) -> bool:
    """photo_name_dot_agency: "(Photo NAME. AFP)" anywhere (the name opening with a capital); or "Photo NAME. AFP" closing the caption ("photo" in its last
    characters, as before), the marker after a stop and one to three spaces, and after the caption's last bracket
    (neither the name nor the agency holds one)."""
    low = text.lower()
    if "(" in text and ("(photo " in low or "(foto " in low):
        if len(low) != len(text):
            return True
        for word in ("(photo ", "(foto "):  # the name after the marker opens with a capital ("(Photo by" has none)
            at = low.find(word)
            while at >= 0:
                k = at + len(word)
                while text[k:k + 1] == " ":
                    k += 1
                if text[k:k + 1].isupper():
                    return True
                at = low.find(word, at + 1)
    end = text[-90:].lower()
    if "photo " not in end and "foto " not in end:
        return False
    after = low[max(low.rfind("("), low.rfind(")")) + 1:]
    for word in ("photo ", "foto "):
        at = after.find(word)
        while at >= 0:
            before = after[max(0, at - 4):at]
            spaced = before.rstrip(" ")
            if spaced[-1:] in _STOPS and 1 <= len(before) - len(spaced):
                return True
            at = after.find(word, at + 1)
    return False


def _gate_name_after_day(text: str, _) -> bool:
    """ends_name, and a day's word closing the third or fourth word from the end (end_name_after_day: the
    name is two or three words, spaces between them)."""
    if not text.rstrip(" ")[-1:].islower():
        return False
    words = text.rsplit(None, 4)
    return (len(words) >= 3 and words[-3].endswith(_DAY_WORDS)) or (len(words) >= 4 and words[-4].endswith(_DAY_WORDS))


# a digit, then "by" (date_by_name: its date closes in a year's digit, then spaces, an optional full stop and "by ")
_DIGIT_BY = _stdlib_re.compile(r"\d(?:[ ]*\.)?[ ]+[Bb][Yy] ")  # ("[ ]*\.?[ ]+": two runs splitting one run of spaces, quadratic)


_ARTICLES = frozenset(NAME_WORDS.get("article", ()))  # before a post: "The chairman of …" (data/name_words.csv)
# the words that make a caption's next sentence about the person its first line names ("He …", "Her …":
# name_words.csv kind subject_pronoun)
_SUBJECT_START = _stdlib_re.compile(r"(?:" + "|".join(map(_stdlib_re.escape, regex.longest_first(NAME_WORDS.get("subject_pronoun", ()))))
                                    + r")\b")


def _gate_first_line_given(text: str, agencies: Agencies) -> bool:
    """credit.first_line_name: the first line is a person's name alone (two or three capitalised words, the first a
    common given name: data/given_names.csv, lang en), the caption goes on below it, and that text is not about the
    person: it neither names the surname again, nor opens with a pronoun or a post ("Helmut Schleweis⏎Der Präsident …",
    "Florence Welch⏎… Welch performs …", "NAME⏎President of …" name their subject)."""
    cut = text.find("\n")
    if cut < 5:
        return False
    words = text[:cut].split()
    if not 2 <= len(words) <= 3 or words[0][:1] + words[0][1:].lower() not in given_names_en():
        return False
    rest = text[cut:].strip()
    if len(rest) < 40 or not (rest[:1].isupper() or rest[:1] in "\"“'‘") or _SUBJECT_START.match(rest):
        return False
    head = rest.split(None, 2)
    post = head[1] if len(head) > 1 and head[0].casefold() in _ARTICLES else head[0]
    if post.casefold().strip(".,") in _TITLES:
        return False  # "NAME⏎President of the …", "NAME⏎The chairman of …": a portrait's label, the post below the name
    surname = words[-1].rstrip(".,").casefold()
    if _stdlib_re.search(r"\b" + _stdlib_re.escape(surname) + r"\b", rest.casefold()):
        return False
    return _person_shaped(" ".join(words), agencies)


def _gate_date_by_end(text: str, _) -> bool:
    """ends_open_or_stop, and a digit, spaces and "by" somewhere (date_by_name: a date, then by and a name to the end)."""
    return text.rstrip(" .")[-1:].isalpha() and _DIGIT_BY.search(text) is not None


# the last character a tail rule's match can end on, less trailing white space (what the
# regex module calls white space, str.rstrip strips too); cheaper to check than running the rule
_NOT_CAPS_END = frozenset(')]"”,;:!?/0123456789abcdefghijklmnopqrstuvwxyz')
_GATES = {
    "first_line_given": _gate_first_line_given,
    "line_starts_photo": lambda text, _: any(ln.lstrip(" ").startswith("Photo") for ln in _lines(text)),
    "ends_paren": lambda text, _: text.rstrip(" .").endswith((")", "]")),
    # a bracket closing the caption after a Hebrew letter (hebrew_paren_name)
    "ends_hebrew_paren": lambda text, _: text.rstrip(" .")[-1:] == ")" and "\u05d0" <= text.rstrip(" .")[-2:-1] <= "\u05ea",
    "paren_dash_end": _gate_paren_dash_end,
    "paren_after_stop": _gate_paren_after_stop,
    "year_then_credit": _gate_year_then_credit,
    "date_by_end": _gate_date_by_end,
    "name_after_day": _gate_name_after_day,
    "name_after_stop": _gate_name_after_stop,
    "agency_after_stop": _gate_agency_after_stop,
    "label_mark": _gate_label_mark,
    "spaced_last_slash": _gate_spaced_last_slash,
    "paren_name": _gate_paren_name,
    "label_before_mark": _gate_label_before_mark,
    "org_after_stop": _gate_org_after_stop,
    "archive_after_comma": _gate_archive_after_comma,
    "for_org_end": _gate_for_org_end,
    "holder_after_stop": _gate_holder_after_stop,
    "paren": lambda text, _: "(" in text,
    "ends_caps_agency": lambda text, _: text.rstrip().endswith(("AFP", "AP", "EPA", "REUTERS")),
    "ends_open": lambda text, _: text.rstrip(" ")[-1:] not in "/\n.()",  # "" too: a chain has text
    "ends_name": lambda text, _: text.rstrip(" ")[-1:].islower(),
    "ends_domain": lambda text, _: text.rstrip(" .)]")[-4:].count(".") > 0,
    "lead_slash": lambda text, _: "/" in text[:60],
    "lead_sep": lambda text, _: "/" in text[:70] or "|" in text[:70],  # (lead_chain's lookahead: the same bound)
    "hangul": lambda text, _: not text.isascii() and any("\uac00" <= c <= "\ud7a3" for c in text[:40] + text[-40:]),
    "line_starts_by": lambda text, _: any(ln.lstrip(" ")[:3].casefold() == "by " for ln in _lines(text)),
    "line_ends_digit": lambda text, _: any(ln.rstrip(" .")[-1:].isdigit() for ln in _lines(text)),
    "ends_open_or_stop": lambda text, _: text.rstrip(" .")[-1:].isalpha(),
    "ends_caps": lambda text, _: (text.rstrip(" ")[-1:] or ")") not in _NOT_CAPS_END,
    "comma_agency": _gate_comma_agency,
    "short_line_slash": lambda text, _: any(len(ln) <= 120 and ("/" in ln or " via " in ln.lower())
                                             for ln in _lines(text)),
    "bare_marker_near_line_end": lambda text, _: any(_bare_tail(ln[-48:]) for ln in _lines(text)),
    "ends_known_paren": _gate_known_paren,
    "ends_known_after_dash": _gate_known_after_dash,
    "last_line_known": lambda text, agencies: "\n" in text.rstrip() and bool(
        agencies.lookup(text.rstrip().rpartition("\n")[2].strip())),
    "desk_line_end": lambda text, _: any(len(ln.rstrip(" .")) - max(ln.rfind(sep) for sep in _DESK_SEPS) < 90
                                          for ln in _lines(text) if any(sep in ln for sep in _DESK_SEPS)),
    "slash_or_via": lambda text, _: "/" in text or " via " in text or " VIA " in text,
    "short_line": lambda text, _: any(len(ln.strip()) <= 42 for ln in _lines(text)),
    "han": lambda text, _: not text.isascii() and _HAN_CHAR.search(text) is not None,
    # "(Photo NAME. AFP)" anywhere, or "Photo NAME. AFP" in the caption's last characters
    "photo_name_dot": _gate_photo_name_dot,
    "photo_org_colon": lambda text, _: _PHOTO_ORG_COLON.search(text) is not None,
    "semicolon_end": lambda text, _: "; " in text[-40:],
    "ends_kind_photo": lambda text, _: text.rstrip(" .)")[-10:].casefold().endswith(
        ("photo", "photos", "image", "images", "pic", "picture", "pictures", "photograph", "photographs", " files")),
    "ends_cjk": lambda text, _: "\u3000" <= text.rstrip()[-1:] or "=" in text[-12:],
}



# --- the caption's end, read once -------------------------------------------
# Most tail rules' gates open with a test of the caption's last character (less its spaces, or its spaces and full
# stops): a bracket, a small letter, a letter, a character that can close a word in capitals, one that can close an
# open credit. _end_skip reads those two characters once per caption and gives the bits of every rule whose gate's
# first test fails: find_credits drops them before its loop, exactly as their gates would have (tests/test_credit_gates.py
# checks every gate below against its test). The tests, by the gate's first line:
_END_TESTS = {
    "open": lambda last, _: last not in "/\n.()",                  # _ends_open ("" too)
    "caps": lambda last, _: (last or ")") not in _NOT_CAPS_END,    # ends_caps
    "lower": lambda last, _: last.islower(),                        # ends_name
    "alpha": lambda _, bare: bare.isalpha(),                        # text.rstrip(" .")[-1:].isalpha()
    "paren": lambda _, bare: bare == ")" or bare == "]",            # _ends_paren
}
_END_GATES = {
    "open": ("agency_after_stop", "org_after_stop", "ends_open"),
    "caps": ("ends_caps",),
    "lower": ("ends_name", "name_after_stop", "name_after_day"),
    "alpha": ("year_then_credit", "date_by_end", "spaced_last_slash", "for_org_end", "archive_after_comma", "ends_open_or_stop",
              "holder_after_stop"),
    "paren": ("ends_paren", "ends_hebrew_paren", "paren_name", "paren_after_stop", "paren_dash_end", "ends_known_paren"),
}
# the rules' bits by test: the rules to drop when the test fails
_END_BITS = {test: sum(1 << i for i, (rule, _) in enumerate(COMPILED) if rule.gate in gates)
             for test, gates in _END_GATES.items()}
# the bits to drop by (last, bare): a caption ends in one of a few hundred such pairs
_END_SKIPS: dict[tuple[str, str], int] = {}


def _end_skip(text: str) -> int:
    """The bits of the rules whose gate fails on ``text`` by its first test (the caption's last characters; and on a
    caption of one line, its line's tests): none of them can match."""
    last = text.rstrip(" ")[-1:]
    bare = text.rstrip(" .")[-1:] if last == "." or last == " " else last
    key = (last, bare)
    skip = _END_SKIPS.get(key)
    if skip is None:
        skip = 0
        for test, bits in _END_BITS.items():
            if not _END_TESTS[test](last, bare):
                skip |= bits
        if len(_END_SKIPS) < 4096:
            _END_SKIPS[key] = skip
    if "\n" not in text:  # one line: the caption's end is its line's
        if not bare.isdigit():  # line_ends_digit: the line, less spaces and full stops, ends in a digit
            skip |= _LINE_DIGIT_BITS
        if len(text) > 42 and len(text.strip()) > 42:  # short_line: 42 characters at most, less white space
            skip |= _SHORT_LINE_BITS
    if "," not in text:  # year_then_credit: a year next to the last comma
        skip |= _YEAR_COMMA_BITS
    return skip


_LINE_DIGIT_BITS, _SHORT_LINE_BITS, _YEAR_COMMA_BITS = (
    sum(1 << i for i, (rule, _) in enumerate(COMPILED) if rule.gate == gate)
    for gate in ("line_ends_digit", "short_line", "year_then_credit"))


class _Moved:
    """A remembered match, moved to the same words at the end of another caption."""

    __slots__ = ("whole", "groups", "regs", "index", "by")

    def __init__(self, whole: str, groups: dict, regs: tuple, index: dict, by: int):
        # regs: the spans of the match's groups (Match.regs: the whole first, (-1, -1) for a group that took no part) in
        # the caption it was found in; by: what to add to them here (the difference of the two captions' lengths)
        self.whole, self.groups, self.regs, self.index, self.by = whole, groups, regs, index, by

    def groupdict(self) -> dict:
        return self.groups

    def group(self, name=0) -> str:
        return self.whole if name == 0 else self.groups[name]

    def span(self, name=0) -> tuple[int, int]:
        start, end = self.regs[0 if name == 0 else self.index[name]]
        return (start + self.by, end + self.by) if start >= 0 else (-1, -1)

    def start(self, name=0) -> int:
        return self.span(name)[0]

    def end(self, name=0) -> int:
        return self.span(name)[1]


# end_chain read forwards. Searched backwards (REVERSE), end_chain's pattern tried every split of a caption's last words
# into parts, reading each part in all its shapes from its end (a lower-case wordmark, a code, a name, a word at each of
# its letters), and read the first part twice (as one more "separator, part" before it, then as the first): ~40 µs a
# match. Its match is found forwards, exactly, where the caption ends in a "plain zone": words in letters (a capital
# first, or lower case; "&"; an initial "A."), spaces, "/" and "|", then only spaces and ".)]/" (a plain chain's every
# part is a capitalised name's words, with the particles and "via"; no digits, other dots, commas, brackets, "@"). There
#  - every shape but a name's (capitalised first word, then capitalised words or particles) is out of reach: a wordmark,
#    "photo" or a particle closing a part needs a separator or the end after it, and every lower-case word in the zone
#    is followed by spaces and a word that is no "via" (else: the backward search), but a wordmark closing the zone after
#    "/" ("Name/dpa", the last part's one shape then); a code, a digit, an initial's dot, a comma's "Inc", a handle, an
#    expansion in brackets need a character the zone has not;
#  - no match starts before the zone (its last character before the zone is one no chain holds, checked; an expansion
#    in brackets holds no "/" and needs a ")" after the zone) nor before a lower-case word that is none of the particles
#    or "via" (no part holds it: the cut);
#  - the chain ends at the zone's last letter (the end after it holds no letter; its "." is not a short word's: four
#    letters before it), with no code (no digit);
#  - so every part but the first is a whole run of words between separators, and each of the backward search's choices
#    (more words in a part, one more part, the "/" before the chain) reaches further left than the one after it: its
#    first match is the one that starts first, which the forward search finds (same span, same chain, same code).
# Elsewhere (the zone not plain, a "-/" in the caption) the backward search runs as before.
# (tests/test_credit_gates.py compares the two on generated captions; the 7,278 texts' records are identical.)
# (an initial's full stop too: "Timothy A. Clary/AFP")
_ZONE = _LazyPattern(r"(?P<zone>(?:[\p{L}\p{M}'’\-& /|]++|(?<![\p{L}\p{M}'’\-])\p{Lu}\.(?=[ ]))*+)(?:[ ]*[.)\]/]+)?[ ]*$",
                     regex.V1 | regex.REVERSE)
_ZONE_WORD = r"[\p{L}\p{M}'’\-]"
# a lower-case word is followed by spaces and a word that is no "via": it closes no part
_LOWER_THEN_WORD = rf"[ ]+(?!(?:via|Via|VIA)(?!{_ZONE_WORD}))\p{{L}}"
# the particles (a part's words: "de", "van", "jr" …, as _PARTICLES reads them) and "via" (a separator's)
_SOFT_WORDS = sorted({*(w.removesuffix(".") for w in NAME_WORDS.get("particle", ())), "via"}, key=len, reverse=True)
_SOFT_SET = frozenset(_SOFT_WORDS)
_PART_END_WORDS = frozenset(("photo", "foto", "kuva", "file", "files", "staff", "scanpix"))  # a part's last word (_PART)
# (ASCII only: the standard library's split gives the same pieces, in half the time of the regex module's)
_ZONE_SPLIT = _stdlib_re.compile(r"([ /|]+)")
_ZONE_WORDS = 40  # the words a zone is read back over for its cut
_LOWER_WORD = regex.compile(r"\p{Ll}+")
_CAPITAL = regex.compile(r"\p{Lu}")
# characters a chain may hold (with letters, digits and marks); the one before the zone is none of them, or ". " after
# four letters or a number, or "," not before "Inc"/"Ltd"/"LLC"/"Jr"/"Sr"
_CHAIN_CHARS = frozenset("'’-–.,&@#_)")
_NAME_WORD = r"\p{Lu}(?:[\p{L}\p{M}'’\-]*|\.)"  # (an initial: _WORD's short word and its full stop)
_NAME_PART = rf"(?:{_NAME_WORD}(?:[ ]+(?:{_NAME_WORD}|{_PARTICLES})){{0,7}})"
# (the last part may be a wordmark in lower case after a "/": "Name/dpa")
_NAME_CHAIN = rf"(?:(?:/[ ]*)?{_NAME_PART}(?:{_SEP}{_NAME_PART})*{_SEP}(?:{_LOWER}|{_NAME_PART}))"
_END_CHAIN = next(rule for rule in RULES if rule.name == "end_chain")
assert _END_CHAIN.pattern.endswith("[ ]*$") and _CHAIN in _END_CHAIN.pattern
# read forwards, the chain as the same language written so that it needs no step back: "part (sep part)* sep (lower |
# part)" is "part ((sep part)+ (sep lower)? | sep lower)". Forwards, the search's first match is at the first start where
# the language holds, and the chain then ends at the zone's last letter (see above), whatever the pattern's order of
# tries: the same match. The pattern as first written read every part once more before its last separator (greedy
# "(sep part)*", then backing off one part to find the separator it needs): ~6 µs of a plain "Name/Agency" (b10k: 7.5 ->
# 2 µs a forward reading)
_NAME_CHAIN_FORWARD = (rf"(?:(?:/[ ]*)?{_NAME_PART}(?:(?:{_SEP}{_NAME_PART})+(?:{_SEP}{_LOWER})?|{_SEP}{_LOWER}))")
_END_CHAIN_FORWARD = _LazyPattern(_END_CHAIN.pattern.replace(_CHAIN, _NAME_CHAIN_FORWARD)[:-1] + r"\Z", regex.V1)
# with many separators a failing forward search reads the parts after each start again: the backward search then,
# of the name shapes only
_END_CHAIN_NAMES = _compiled(_END_CHAIN, _END_CHAIN.pattern.replace(_CHAIN, _NAME_CHAIN))
_FORWARD_SEPARATORS = 6
_END_CHAIN_PLAIN = _PLAIN_CHAIN["end_chain"]


def _plain_zone_start(text: str, tail_start: int) -> int | None:
    """Where every match of end_chain's plain pattern starts at or after, in a caption that ends in a plain zone (see
    above); None: it does not."""
    zone = _ZONE.match(text, tail_start)
    start, end = zone.span("zone")
    if end == start or not text[end - 1].isalpha():
        return None
    if text[end:end + 1] == "." and not (end >= 4 and text[end - 4:end].isalpha()):
        return None  # "AFP.": a short word may hold its full stop
    cut = _zone_cut(text, start, end)
    if cut is None:
        return None
    if cut > start:
        start = cut
    elif start > tail_start:
        before = text[start - 1]
        if before == "." and text[start] != " ":
            # "… in 2023.Rocky Grimes/Shutterstock": no word in capitals reads through the dot (as "U.S.A", "Ab12.Cd",
            # "Foo.COM" would), nor a handle, a short word's dot before "/" or a wordmark's ".com"
            if not ("A" <= text[start] <= "Z" or unicodedata.category(text[start]) == "Lu"):
                return None
            word = start - 1
            while word > 0 and (text[word - 1].isalnum() or text[word - 1] in "'’-_"
                                or unicodedata.category(text[word - 1])[0] == "M"):
                word -= 1
            if _CAPITAL.search(text, word, start - 1) or "@" in text[max(0, start - 33):start] \
                    or "#" in text[max(0, start - 33):start]:
                return None
        elif before == ".":
            # a full stop closes a part's word only after a letter, a digit, a mark or "'’-" ("Cuba). EFE/…": none)
            if start >= 2 and (text[start - 2].isalnum() or text[start - 2] in "'’-"
                               or unicodedata.category(text[start - 2])[0] == "M") \
                    and not (start >= 5 and text[start - 5:start - 1].isalpha()):
                digits = start - 1
                while digits > 0 and text[digits - 1].isdigit():
                    digits -= 1
                if digits == start - 1 or (digits > 0 and text[digits - 1].isalpha()):
                    return None
        elif before == ",":
            if _INC_AFTER_COMMA.match(text, start):
                return None
        elif before in _CHAIN_CHARS or before.isalnum() or unicodedata.category(before)[0] == "M":
            return None
    if "/" not in text[start:end] and ")" in text[end:] and _expansion_may_close(text, end):
        return None  # (an expansion in brackets holds no "/": none runs through the zone to its end's ")")
    return start


def _expansion_may_close(text: str, end: int) -> bool:
    """An expansion in brackets (_EXPANSION: "(", a capital, then 1 to 50 characters with no bracket, "/" nor line break
    before its ")") may close at the first ")" after the zone ending at ``end``: it opens at the last "(" before that
    one. (Not when that "(" is further back: "(Photo credit should read NAME via Getty Images)" is read forwards.)"""
    close = text.find(")", end)
    opening = text.rfind("(", 0, close)
    if opening < 0 or close - opening - 2 > 50:  # (50 characters at most after the capital)
        return False
    inside = text[opening + 1:close]
    return "/" not in inside and "\n" not in inside


def _zone_cut(text: str, start: int, end: int) -> int | None:
    """Read from the zone's end, word by word: the end of the last lower-case word no part holds (a word that is none
    of the particles or "via", followed by spaces and a word that is no "via"), else ``start``; None: a word the forward
    search would not read as the backward one (opening with neither a capital nor a small letter: "'s", "-", a mark;
    "Via", a separator or a name's word; lower case not followed by spaces and a word: "dpa" closing the caption,
    "photo/", "iPhone", "e-mail")."""
    pieces = _ZONE_SPLIT.split(text[start:end])  # words and separators by turns, a word first and last ('' at an edge)
    if len(pieces) > 2 * _ZONE_WORDS:  # a long zone (hostile text, a caption in capitals): its last words only
        return _zone_cut_within(text, pieces[-2 * _ZONE_WORDS - 1:], end)
    return _zone_cut_within(text, pieces, end, start)


def _zone_cut_within(text: str, pieces: list, end: int, start: int | None = None) -> int | None:
    """_zone_cut over the zone's last ``pieces`` (ending at ``end``); reaching their first word with no cut: ``start``
    (None: the zone goes on before them)."""
    # (pieces: words and separators by turns, a word first and last: a word before the last has a separator and a word
    # after it; a cut's position is counted only when found, from the end: ~2 µs a zone less than keeping it word by word)
    last = len(pieces) - 1
    for i in range(last, -1, -2):
        word = pieces[i]
        if not word:
            continue
        first = word[0]
        if "A" <= first <= "Z" or (first > "\x7f" and unicodedata.category(first) == "Lu"):
            if word == "Via" or word == "VIA" or "&" in word:
                return None
        elif word == "&" or ((word.isalpha() and word.islower()) if word.isascii() else _LOWER_WORD.fullmatch(word)):
            if i == last:  # closing the zone: a wordmark after "/" ("Name/dpa"), no part's word
                if len(word) < 2 or word in _SOFT_SET or word in _PART_END_WORDS or word == "&" \
                        or i < 2 or pieces[i - 1].strip(" ") != "/":
                    return None
                continue
            after, following = pieces[i + 1], pieces[i + 2]
            if not (after and not after.strip(" ") and following[:1].isalpha()
                    and following not in ("via", "Via", "VIA")):
                return None
            if word not in _SOFT_SET and word != "&":
                return end - len("".join(pieces[i + 1:]))  # the word's end
        else:
            return None
    return start


def _end_chain_match(pattern, text: str, tail_start: int):
    """end_chain's match, as ``pattern.match(text, tail_start)`` finds it (``pattern``: its plain backward pattern)."""
    start = _plain_zone_start(text, tail_start)
    if start is None:
        return pattern.match(text, tail_start)
    separators = text.count("/", start) + text.count("|", start) + text.count(" via ", start)
    if not separators:  # a chain has one (the zone's "Via" and dashes are read backwards)
        return None
    if separators > _FORWARD_SEPARATORS:
        return _END_CHAIN_NAMES.match(text, start)
    # the first part holds eight words at most and ends at a separator: no match starts before the eighth word before
    # the zone's first separator (a long zone of words in capitals is not tried at each of its words)
    # (the first separator is before the text's end: sought only when the zone runs on past 60 characters)
    first = min(at for at in (text.find("/", start), text.find("|", start), text.find(" via ", start)) if at >= 0) \
        if len(text) - start > 61 else start
    if first - start > 60:
        at = first
        while at > start and text[at - 1] == " ":  # the separator's spaces
            at -= 1
        for _ in range(8):
            at = text.rfind(" ", start, at)
            if at < 0:
                break
            while at > start and text[at - 1] == " ":
                at -= 1
        if at > start:
            start = at
    return _END_CHAIN_FORWARD.search(text, start)


# tail-rule matches by (pattern, the caption's text from the last stop character): a match
# is kept as its text, groups, spans and the length of the caption it was found in (never the caption)
_TAIL_MEMO: dict[tuple, tuple | None] = {}
# tail rules with a stop whose parts may close with an expansion in brackets, which may hold a stop character
_EXPANDING = frozenset(rule.name for rule in RULES if rule.stop and _EXPANSION in rule.pattern)
# end_chain's match is a chain, and a chain holds a separator (_SEP: "/", " via " in any of its three cases, " | ",
# a dash before "Pool" or "Handout"; _CHAIN_DASH a "/"), all of it after the last stop character (the memo's premise:
# none is in the match, but in an expansion's brackets, where ``last`` is -1): with none of _holds_separator's
# strings there (each _SEP shape holds one) the pattern cannot match, and is not tried. A failing try read the
# caption's last words in every split (b10k: ~4% of end_chain's runs, ~30 µs each backwards, ~9 forwards)
_NEEDS_SEPARATOR = frozenset(("end_chain",))
assert all(rule.stop for rule in RULES if rule.name in _NEEDS_SEPARATOR)  # (_tail_match tests it after the stop)
# each stop set's last character from a position on: found by one backward scan (the last of six str.rfind, each
# scanning the whole tail when its character is absent: ~0.4 µs a run less, warm; tests/test_credit_gates.py)
_STOP_FIND = {rule.stop: regex.compile("[" + regex.escape(rule.stop) + "]", regex.REVERSE) for rule in RULES if rule.stop}


def _tail_try(pattern, text: str, tail_start: int):
    """A tail rule's backward pattern tried at the end (end_chain's plain one read forwards where that is exact)."""
    return _end_chain_match(pattern, text, tail_start) if pattern is _END_CHAIN_PLAIN else pattern.match(text, tail_start)


def _tail_match(rule: Rule, pattern, text: str, tail_start: int):
    """The rule's match at the end of ``text``, remembered by the text after its last stop character."""
    if not rule.stop:
        return _tail_try(pattern, text, tail_start)
    stop = _STOP_FIND[rule.stop].search(text, tail_start)
    last = stop.start() if stop else -1
    if last >= 0 and rule.name in _EXPANDING:  # the stop may sit in a part's expansion: "WANA (West Asia News Agency)/AFP"
        close = text.find(")", last + 1)
        if close >= 0:
            inside = text[last + 1:close]
            if "(" not in inside and "/" not in inside and "\n" not in inside:
                last = -1  # (remembered by the text from the "(", that match would move to "the (West Asia News Agency)/AFP")
    if rule.name in _NEEDS_SEPARATOR and not _holds_separator(text[last + 1:] if last >= 0 else text[tail_start:]):
        return None  # no separator after the last stop: no chain (see _NEEDS_SEPARATOR)
    if last < 0:
        return _tail_try(pattern, text, tail_start)
    n = len(text)
    key = (pattern, text[last:])
    moved = _TAIL_MEMO.get(key, _TAIL_MEMO)
    if moved is _TAIL_MEMO:
        m = _tail_try(pattern, text, tail_start)
        if len(_TAIL_MEMO) > 16384:
            _TAIL_MEMO.clear()
        # (kept as Match.regs and the caption's length: a span per group read one by one cost ~5 µs a match)
        _TAIL_MEMO[key] = m and (m.group(0), m.groupdict(), m.regs, _group_index(m), n)
        return m
    return moved and _Moved(moved[0], moved[1], moved[2], moved[3], n - moved[4])


_GROUP_INDEXES: dict = {}


def _group_index(m) -> dict:
    """The group numbers by name of the match's pattern (read once a pattern)."""
    index = _GROUP_INDEXES.get(m.re)
    if index is None:
        index = _GROUP_INDEXES[m.re] = m.re.groupindex
    return index


# a Creative Commons licence inside a credit ("Foto: CC-BY-NC 2.0 David Merrigan", "Bild: NAME CC BY-SA 3.0", "Creative
# Commons: Attribution 2.0", "( Unsplash License )"): blanked (same length) before the rules read the credit, so the chain
# around it reads as if it were not there; the words stay in the description
_LICENCE = regex.compile(r"(?<![\p{L}])(?:CC[- ]?(?:BY|0)(?:[- ](?:SA|NC|ND))*(?:[- ]?\d\.\d)?"
                         r"|Creative[ ]Commons(?:[ ]*:?[ ]*(?:Attribution|Namensnennung)(?:[ -](?:Share[ -]?Alike|ShareAlike|NonCommercial|NoDerivs))*"
                         r"(?:[ ]\d\.\d)?)?|\([ ]*Unsplash[ ]License[ ]*\))(?![\p{L}])")


def _blank_licences(text: str) -> str:
    if "CC" not in text and "Commons" not in text and "License" not in text:
        return text
    return _LICENCE.sub(lambda m: " " * len(m.group()), text)


def _whole_lines(pattern, text: str, test=None):
    """A whole-line rule's matches, the last line first: the pattern tried once at each line's start (on the lines
    that pass ``test``, if given: a test every line the rule matches passes)."""
    end = len(text)
    while end >= 0:
        start = text.rfind("\n", 0, end) + 1
        m = pattern.match(text, start) if test is None or test(text[start:end]) else None
        if m:
            yield m
        end = start - 1


def _holds_separator(line: str) -> bool:
    """A chain's separator: "/", "|", "via", or the dash before "Pool" or "Handout" (line_chain's chain has one)."""
    return "/" in line or "|" in line or "via " in line or "VIA " in line or "Via " in line or "Pool" in line \
        or "POOL" in line or "Handout" in line or "HANDOUT" in line


def _agency_line(line: str) -> bool:
    """line_agency's line: spaces, 2 to 40 characters but "/" and line breaks, spaces (the caption's lines but its short ones
    were each tried for nothing: 8 -> ~2 µs a run, b10k)."""
    return len(line.strip()) <= 40 and "/" not in line


def _dated_header_line(line: str) -> bool:
    """agency_date_header's line: a "/" and a year closing it, less spaces (str.isdigit holds every digit \\d does)."""
    return "/" in line and line.rstrip(" ")[-1:].isdigit()


_LINE_TESTS = {"line_chain": _holds_separator, "line_agency": _agency_line, "agency_date_header": _dated_header_line}
assert next(r for r in RULES if r.name == "line_agency").pattern == r"(?m:^)[ ]*(?P<chain>[^\n/]{2,40}?)[ ]*(?m:$)"


# desk_chain: tried backwards at the end of each line that holds a desk's separator, each failure there
# reads every way to split the line's last words into parts ("… | Bild: Name/rbb": 1.2 ms), where the
# same pattern read forwards through the line fails at the first word no part holds. A match lies inside its line and
# ends it, so the backward search finds one at a line's end exactly when the forward search of that line finds one:
# the forward search is the need (_line_end_matches), the backward match at the line's end the match, as before.
def _desk_need_start(text: str, start: int, end: int) -> int | None:
    """The line text[start:end] holds a desk's separator ("|", "•", "~", "—"): searched from its start; else None."""
    for sep in _DESK_SEPS:
        if text.find(sep, start, end) >= 0:
            return start
    return None


for _rule in RULES:
    if _rule.name == "desk_chain":
        _LINE_NEEDS[_rule.name] = (_LazyPattern(_rule.pattern, regex.V1), _desk_need_start)


# archive_ref: its match ends a line and lies inside it, closing with a digit, then letters, digits and "./-", then spaces and
# full stops ("\d[\p{L}\d./\-]*[ .]*(?m:$)"): read back from the line's end less spaces and full stops, the run of those
# characters (str.isalnum holds every letter and digit) holds a digit. Its backward search tried every position of the
# caption; tried at the ends of such lines only, the same matches in the same order (tests/test_credit_gates.py).
def _reference_need_start(text: str, start: int, end: int) -> int | None:
    """The line text[start:end] may end in archive_ref's catalogue reference: its start; else None."""
    line = text[start:end].rstrip(" .")
    at = len(line)
    while at > 0 and (line[at - 1].isalnum() or line[at - 1] in "./-"):
        at -= 1
        if line[at].isdigit():
            return start
    return None


_ANY = regex.compile("")  # (archive_ref's need is its line test alone)
_LINE_NEEDS["archive_ref"] = (_ANY, _reference_need_start)
assert next(r for r in RULES if r.name == "archive_ref").pattern.endswith(r"\d[\p{L}\d./\-]*[ .]*(?m:$)")


# the rules whose match is dropped unless every part of its chain is a known agency or a placeholder, their chain
# read by _plain_chain_of as matched (less _chain_in_text's cut): find_credits tests that first, before any other work
_KNOWN_FIRST = frozenset(r.name for r in RULES if r.only_known and r.name in _PLAIN_CHAIN_RULES and "(?P<chain>" in r.pattern
                         and r.name not in _LABEL_RULES | {"credit_marker", "courtesy_marker", "should_read", "end_agency_words"})
# the rules whose match parse_chain does not read, and those with more to do after the reading
_OWN_READING = _WHOLE_ORG_RULES | _HAN_RULES | _CJK_NAME_RULES | _CASELESS_RULES | {"cjk_ko_label"}
# the rules whose chain _plain_chain_of reads from the groups chain, lead, prev and code alone (_chain_of sends them
# there at once) and parse_chain reads: find_credits remembers both by those groups (the "read" cache)
_READ_BY_GROUPS = _PLAIN_CHAIN_RULES - _OWN_READING - {"end_agency_words"}
_AFTER_READING = frozenset(("chain_then_name", "photo_from", "copyright", "courtesy_marker", "name_then_tag", "paren_name_end",
                            "courtesy", "released_by"))


def _credit_state(text: str, agencies: Agencies):
    """A caption's state for the credit rules: (text, lower case, tail start, plain chains, the rules to try)."""
    text = _blank_licences(text)
    low = text.lower()
    tail_start = 0
    if len(text) > TAIL:
        cut = len(text) - TAIL
        space = text.find(" ", cut)
        tail_start = space if space >= 0 else cut
    # (_DASH_SLASH needs a dash: two `in` tests first, the search only in the third of captions that hold one)
    plain = _PLAIN_CHAIN if not ("/" in text and ("-" in text or "–" in text) and _DASH_SLASH.search(text)) else {}
    runnable = _runnable(low) & ~_end_skip(text)  # the rules to try, a bit each (see _RULE_BITS; _end_skip)
    return text, low, tail_start, plain, runnable


def find_credits(text: str, agencies: Agencies) -> list[Credit]:
    """Every credit found in ``text``, in rule order."""
    text, low, tail_start, plain, runnable = _credit_state(text, agencies)
    found: list[Credit] = []
    gated: dict[str, bool] = {}  # a gate several rules share is tested once
    while runnable:
        bit = runnable & -runnable  # the rules in order: the lowest bit first
        runnable ^= bit
        rule, pattern = _BY_BIT[bit]
        _rule_on(rule, pattern, text, low, tail_start, plain, gated, found, agencies)
    _LINES_OF[0] = (None, ())  # the caption is not kept alive after its reading
    return found


def find_credits_many(texts: list[str], agencies: Agencies) -> list[list[Credit]]:
    """find_credits of each text, the rules taken in the outer loop: one rule tried on every caption, then the next
    (each rule's compiled program and code stay in the processor's caches across captions)."""
    states = [_credit_state(text, agencies) for text in texts]
    founds: list[list[Credit]] = [[] for _ in texts]
    gates: list[dict[str, bool]] = [{} for _ in texts]
    every = 0
    for st in states:
        every |= st[4]
    while every:
        bit = every & -every
        every ^= bit
        rule, pattern = _BY_BIT[bit]
        for st, found, gated in zip(states, founds, gates):
            if st[4] & bit:
                _rule_on(rule, pattern, st[0], st[1], st[2], st[3], gated, found, agencies)
    _LINES_OF[0] = (None, ())
    return founds


def _rule_on(rule, pattern, text: str, low: str, tail_start: int, plain, gated: dict, found: list, agencies: Agencies) -> None:
    """One rule tried on one caption (find_credits' state), its credits appended to ``found``."""
    if found and rule.name == "first_line_name":  # (the last rule) only when no other rule found a credit
        return
    if rule.gate:
        passed = gated.get(rule.gate)
        if passed is None:
            passed = gated[rule.gate] = _GATES[rule.gate](text, agencies)
        if not passed:
            return
    if plain and rule.name in plain:
        pattern = plain[rule.name]
    if rule.tail:  # searched backwards, a match anchored at the end is one attempt
        m = _tail_match(rule, pattern, text, tail_start)
        matches = [m] if m else []
    elif rule.whole_line:
        matches = reversed(list(islice(_whole_lines(pattern, text, _LINE_TESTS.get(rule.name)), MAX_MATCHES_PER_RULE)))
    elif rule.backward and rule.name in _LINE_NEEDS:
        matches = reversed(_line_end_matches(pattern, _LINE_NEEDS[rule.name], text))
    elif rule.backward:
        # found from the end: past the cap, the last lines are kept and the rest never searched
        matches = reversed(list(islice(pattern.finditer(text), MAX_MATCHES_PER_RULE)))
    elif rule.last_first:
        matches = reversed(list(islice(pattern.finditer(text), MAX_MATCHES_PER_RULE)))
    elif rule.name in _STARTS or rule.name in _CANDIDATES:
        start = _STARTS[rule.name](text, low) if rule.name in _STARTS else 0
        if start is None:
            return
        starts = _CANDIDATES[rule.name](text, low, start) if rule.name in _CANDIDATES and len(low) == len(text) else None
        matches = pattern.finditer(text, start) if starts is None else _matches_at(pattern, text, starts)
    else:
        matches = pattern.finditer(text)
    for m in islice(matches, MAX_MATCHES_PER_RULE):
        name = rule.name
        if name in _KNOWN_FIRST:  # the cheapest exact test first: a part that no agency or placeholder is drops
            chain = m.group("chain")  # the match (_plain_chain_of's only_known), before any other work on it
            if chain and not rule.tail:
                chain = _chain_in_text(chain, text, m.end("chain"), agencies)
            if not chain or not _all_known(chain, agencies):
                continue
            g = m.groupdict()
            g["chain"] = chain
            src = g.get("src")
            if name == "cjk_agency" and g.get("wire_src") and agencies.lookup(g["wire_src"]):
                g["chain"] = f"{g['wire_src']} via {chain}"  # "[서울=AP/뉴시스]": AP's picture, sent on by Newsis
            elif src and name == "cjk_agency" and agencies.lookup(src) not in (None, agencies.lookup(chain)):
                g["chain"] = f"{src} via {chain}"  # "[로이터=연합뉴스]": Reuters' picture, sent on by Yonhap
            if name == "cjk_agency" and text[m.end() - 1] in "])":
                by = _KO_BYLINE.match(text, m.end())
                if by:
                    g["byline"] = by["name"]
        else:
            g = m.groupdict()  # a new dict each match: edited in place
            if name == "cjk_photographed" and g.get("agency"):  # (_han_outlet)
                at = m.start("agency")
                g["agency_whole"] = at == 0 or not _HAN_CHAR.match(text, at - 1)
            if name in _LABEL_RULES:
                chain_end = m.end("chain")
                runs_on = _RUNS_ON.match(text, chain_end)
                if runs_on and "," not in g["chain"] and not text[:m.start("lead") if g.get("lead") else m.start()].strip():
                    continue
                if runs_on:
                    line_end = text.find("\n", m.start("chain"))
                    whole = text[m.start("chain"):line_end if line_end >= 0 else len(text)].rstrip(" .")
                    if len(whole) <= 60 and agencies.lookup(whole):  # "Photo: Bao Dien tu Chinh phu.": a known name with
                        g["chain"] = whole                            # words in lower case runs to the line's end
                if " " not in g["chain"].strip() and _RUNS_ON2.match(text, chain_end) and not agencies.lookup(g["chain"].strip()):
                    continue  # "Ảnh: Bệnh viện cung cấp" (the hospital provided): one unknown word that runs on in lower case
            if not rule.tail and g.get("chain"):
                g["chain"] = _chain_in_text(g["chain"], text, m.end("chain"), agencies)
        prev = None
        if name == "courtesy_marker" and text[:m.start()].rstrip(" ").endswith("/"):
            prev = _PREV_PART.search(text, max(0, m.start() - 60), m.start())
            if prev and agencies.lookup(prev[1]):
                g["prev"] = prev[1]
            else:
                prev = None
        if name == "credit_marker" and (g.get("lead") or "").casefold().startswith(("fotograf", "photographer")):
            dated = _DATES_THEN_ORG.match(text, m.end("chain"))  # "Fotograf: Haarstad, Ragnhild (f. 1935). Stadsmuseet i
            if dated and (agencies.lookup(dated["org"]) or _is_org_like(dated["org"])):  # Stockholm": a catalogue's
                g["chain"] = f"{g['chain']}/{dated['org']}"                              # photographer, dates, holder
        if name in _LABEL_RULES and text[m.end("chain"):m.end("chain") + 3].lstrip(" ").startswith(":"):
            # "Фото: NAME Источник: ORG", "Photo: NAME Source: ORG": the next label closes this one's credit (its
            # own match reads what follows it), so its word is no part of this chain
            head, _, last = g["chain"].rstrip().rpartition(" ")
            if last in _LABEL_LAST_SET and head.strip():
                g["chain"] = head.rstrip()
        if name in _READ_BY_GROUPS:  # the chain and its reading depend on four groups alone: remembered
            memo = _chain_cache(agencies, "read")
            key = (name, g.get("chain"), g.get("lead"), g.get("prev"), g.get("code"))
            read = memo.get(key)
            if read is None:
                chain = _chain_of(rule, g, agencies)
                read = memo[key] = (chain, _parsed_chain(chain, agencies) if chain else None)
            chain, hit = read
            if not chain:
                continue
            people, orgs, tags = list(hit[0]), list(hit[1]), list(hit[2])
        else:
            if name == "end_agency_words":
                at = m.start("chain")
                head = text[max(0, at - 40):at].split()
                chain = _end_agency_words(g["chain"], head[-1] if head else "", agencies)
            else:
                chain = _chain_of(rule, g, agencies)
            if not chain:
                continue
            if name not in _OWN_READING:
                people, orgs, tags = parse_chain(chain, agencies)
            elif name in _WHOLE_ORG_RULES:  # the match is one organisation's name, as written
                people, orgs, tags = [], [_org_name(chain.removeprefix("www."))], []
            elif name in _HAN_RULES:  # names in Han: no capitals for parse_chain to read
                people, orgs, tags = _han_reading(g, agencies)
            elif name in _CASELESS_RULES:  # a known agency, an organisation by its words, else a person
                known = agencies.lookup(chain)
                people, orgs, tags = ([], [known], []) if known else ([], [chain], []) if _is_org_like(chain) \
                    else ([chain], [], [])
                if g.get("org") and not orgs:  # "NAME/रासस": the agency after the slash
                    orgs = [agencies.lookup(g["org"]) or g["org"]]
                elif g.get("org") and known and not agencies.lookup(g["org"]) and not _is_org_like(g["org"]):
                    people = [g["org"]]  # "(फोटो: एपी / NAME)", "ছবি : পিবিএ/NAME": a known agency first, its photographer after
            elif name in _CJK_NAME_RULES:  # names in Hangul: no capitals for parse_chain to read
                known = agencies.lookup(g["agency"]) if g.get("agency") else None
                people, orgs, tags = [g["name"]], [known] if known else [], []
            else:  # cjk_ko_label
                people, orgs, tags = _hangul_reading(_ko_chain(g), agencies, bool(g.get("staff")))
        if g.get("byline") and not people:
            people = [g["byline"]]  # "[서울=뉴시스]NAME 기자 = …": the wire's photographer (cjk_agency)
        keep = m.span("date") if g.get("date") else None
        if name in _AFTER_READING:
            if name == "chain_then_name" and people:  # the next picture's photographer joins the first's
                people = people + [normal_name(g["name"])]
            if name == "photo_from":  # the source's name as written: an organisation, never a person
                people, orgs = [], [chain]
            if name == "copyright" and not (people or orgs) and chain.strip().islower() and " " in chain.strip():
                orgs = [chain.strip()]  # "(photo © hidden europe)": a wordmark of two words in lower case (one is a user name)
            if name == "courtesy_marker" and text[m.end("chain"):m.end("chain") + 8].lstrip().casefold().startswith("family"):
                people, orgs = [], []  # "Photo courtesy of the Smith family": a family's picture, a handout naming no one
            if name == "name_then_tag":  # "Submitted photo": a picture given to the paper, "file photo" its archive's
                tags = tags + [placeholder_tag(" ".join(g["tag"].split())) or ("file" if g["tag"] == "files" else "handout")]
            if name == "paren_name_end" and (orgs or not people):
                continue
            if name in ("courtesy", "courtesy_marker") and "handout" not in tags:
                tags.append("handout")
            if name == "released_by":  # "This image released by NBC shows …" is the description's
                keep = m.span()
            if name == "photo_from" and not (text[:m.start()].rstrip().endswith("(") and text[m.end():].lstrip().startswith(")")):
                keep = m.span()  # "The picture from the … Archives shows …": the sentence stays; "(Screen image from ORG)" goes
        # a credit of placeholders alone ("Photo / Supplied", "Courtesy Photo", "Archivo.", "（代表撮影）") names no one,
        # but it is the caption's credit all the same: its words leave the description, its tags go to style
        if name == "end_chain" and not people and text[max(0, m.start("chain") - 3):m.start("chain")].rstrip(" ")[-1:] in _DASHES:
            named = _NAME_BEFORE_DASH.search(text, max(0, m.start("chain") - 60), m.start("chain"))
            if named and _person_shaped(named["name"], agencies):
                # "… next week. Russell Cheyne - WPA/Pool via Getty Images", "(Aurelien Meunier - PSG/PSG via Getty
                # Images)": Getty's credit of a club's or pool's photographer, the name before a spaced dash
                # (credit.name_dash_chain)
                people, orgs, tags = parse_chain(f"{named['name']}/{chain}", agencies)
                tags = [*tags, "name_dash_chain"]
                prev = named
        place_cut = 0
        if name == "end_chain" and people and people[0].count(" ") >= 2 \
                and _PLACE_BEFORE.search(text, max(0, m.start("chain") - 8), m.start("chain")):
            # "… cabaret in Paris Benoit Tessier/Reuters", "… in Washington, D.C. Paul Morigi/WireImage": the sentence's
            # place run into the photographer's name, no stop between them (credit.place_before_name)
            place_cut = _place_ahead(text[m.start("chain"):m.end("chain")], people[0], agencies)
            if place_cut:
                people, orgs, tags = parse_chain(text[m.start("chain") + place_cut:m.end("chain")], agencies)
                tags = [*tags, "place_before_name"]
        if name == "end_chain" and " | " in g["chain"] and _WORD_BEFORE.search(text, max(0, m.start("chain") - 8), m.start("chain")):
            bar = _CHAIN_BAR.search(text, m.start("chain"), m.end("chain"))
            head, after = text[m.start("chain"):bar.start()], text[bar.end():m.end("chain")]
            read = parse_chain(after, agencies) if not place_cut and " " not in head else None
            if read and (agencies.lookup(_SPLIT.split(after, 1)[0].strip()) or (read[0] and read[1])):
                # "… in Athen | dpa/NAME", "… τον Δεκαπενταύγουστο | EUROKINISSI/NAME", "… in Berlin | NAME/dpa": a
                # headline with no stop, then a bar and a whole chain (a known agency first, or a name and an
                # organisation); the headline's last word is no part of it (credit.headline_bar)
                place_cut = bar.end() - m.start("chain")
                people, orgs, tags = read
                tags = [*tags, "headline_bar"]
        lead_cut = None
        if name == "copyright" and (people or orgs) and not text[:m.start()].strip() \
                and _RUNS_ON_SMALL.match(text, m.end("chain")):
            # "© Lucy Nicholson Detainees at …", "© Iona Dutz / Greenpeace Mit Aktionstagen macht …": a credit opening
            # the caption, the sentence's first word run into its chain (credit.lead_copyright_cut)
            lead_cut = _lead_copyright_cut(g["chain"], text[m.start("chain"):], agencies)
            if lead_cut:
                people, orgs, tags = parse_chain(lead_cut, agencies)
                tags = [*tags, "lead_copyright_cut"]
        # (credit.placeholder_only)
        if people or orgs or (tags and name not in _NO_TAG_ONLY and _closes_line(text, m.end())):  # Credit.found
            span = m.span() if prev is None else (prev.start(1), m.end())
            if lead_cut:  # the sentence's first word stays in it
                span = (span[0], m.start("chain") + len(lead_cut))
            if place_cut:  # the place stays in the sentence
                span = (m.start("chain") + place_cut, span[1])
            if name == "lead_chain":  # the name and the organisation only: the counter before and the sentence after stay
                span = (m.start("name"), m.start("agency") + len(g["agency"]))
            if name == "end_agency_words":  # the agency's words only: the sentence's stay
                span = (m.end("chain") - len(chain), span[1])
            lead = g.get("lead") or g.get("org") if name in _LEAD_RULES else None
            if lead:  # the marker or organisation was read behind the match: the credit holds it
                span = (min(m.start("lead") if g.get("lead") else m.start("org"), span[0]), span[1])
            found.append(Credit(name, text[span[0]:span[1]].strip(), span, people, orgs, tags, keep))


def choose_credit(credits: list[Credit]) -> Credit | None:
    """The first credit by rule priority, completed from the others when they agree."""
    if not credits:
        return None
    best = credits[0]
    for other in credits[1:]:  # "Action Images via Reuters/Paul Childs" holds "Reuters/Paul Childs": the whole chain
        if (other.span[0] <= best.span[0] and best.span[1] <= other.span[1] and other.span != best.span
                and len(other.orgs) > len(best.orgs) and set(best.orgs) <= set(other.orgs)
                and other.photographers == best.photographers):
            best = other
            break
    if not best.photographers:
        taken = {o.casefold() for o in best.orgs}  # "…/Cedida por ORG": an organisation is no one's name
        for other in credits[1:]:
            if other.photographers and (not other.orgs or not best.orgs or other.agency == best.agency) \
                    and not taken.intersection(p.casefold() for p in other.photographers):
                best.photographers = other.photographers
                break
    if not best.orgs:
        for other in credits[1:]:
            if other.orgs:
                best.orgs = other.orgs
                break
    elif len(best.orgs) == 1:  # "(Photo by X / AFP) … (Photo by X/AFP via Getty Images)"
        for other in credits[1:]:
            if len(other.orgs) > 1 and other.agency == best.agency:
                best.orgs = other.orgs
                break
    if best.photographers:
        _turn_family_first(best)
    return best


def _turn_family_first(credit: Credit) -> None:
    """Names a credit of a family-name-first language prints surname first ("MTI/Kovács Béla", "ČTK / Kamaryt
    Michal") turned to given name first (tag family_first; names.family_first says when)."""
    langs = family_first_langs(credit.raw, *credit.orgs)
    if not langs:
        return
    people = [family_first(p, langs) or p for p in credit.photographers]
    if people != credit.photographers:
        credit.photographers = people
        credit.tags = credit.tags + ["family_first"]
