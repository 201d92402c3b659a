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

from .. import timed_regex as regex  # the regex module, with a time budget

from ..tables import CREDIT_MARKERS, MONTHS, ORG_WORDS, PLACEHOLDERS, RANKS, SOURCE_DESCRIPTORS, WEEKDAYS, \
    Agencies, lookup_country, lookup_state
from .names import normal_name, tidy_name

# --- the chain ------------------------------------------------------------
_PARTICLES = (r"(?:de|da|del|della|dos|das|du|di|van|von|der|den|ter|le|la|al|el|bin|binti|bint|ben|ibn|uz|ul|ur|"
              r"zu|y|e|of|the|for|to|and|&|on)(?:[-'’]\p{Lu}[\p{L}\p{M}'’\-]*)?(?![\p{L}\p{M}])")
# a capitalised word; dots only inside (U.S, J.Scott) or closing a short word (Jr., Inc., U.S.)
_WORD = (r"\p{Lu}[\p{L}\p{M}'’\-]*(?:(?<!\p{L}{4})\.\p{Lu}[\p{L}\p{M}'’\-]*)*"
         r"(?:\.(?:com|COM)\b)?(?:(?<!\p{L}{4})\.)?")
_CAMEL = r"\p{Ll}+\p{Lu}[\p{L}]*"
_FIRST = rf"(?:{_WORD}|{_CAMEL})"
# wordmarks written in lower case ("dpa", "picture alliance", "picturedesk.com", "laif"): a part of one or
# two lower-case words; the agency table decides what it is (an unknown one is skipped, never a name)
_LOWER = r"(?:\p{Ll}[\p{Ll}\p{N}\-]+(?:\.\p{Ll}{2,3})?(?:[ ]\p{Ll}{3,})?(?![\p{L}\p{N}.]))"
_TOKEN = rf"(?:{_WORD}|{_PARTICLES}|{_CAMEL})"
# a part may close with its name spelt out: "WANA (West Asia News Agency)"
# (in words, lower case too: "(IRAN)" after an old Reuters credit is a place, left in the text)
_EXPANSION = r"(?:[ ]+\(\p{Lu}(?=[^()\n/]{1,50}\))[^()\n/\p{Ll}]*\p{Ll}[^()\n/]*\))"
# a picture code in an institution's credit ("©UNICEF/NYHQ2010-1862/Noorani"): a part of its own
_CODE = r"(?:\p{Lu}{2,8}\d[\d\-]*(?![\p{L}\p{N}]))"
_PART = rf"(?:{_CODE}|{_LOWER}|{_FIRST}(?:[ ]+(?:{_TOKEN}|\d+)){{0,7}}(?:,[ ]*(?:Inc|Ltd|LLC)\.?)?(?:[ ]+(?:photo|foto)(?![\p{{L}}]))?{_EXPANSION}?)"
# "/", " via ", and the separators of papers and picture desks: "|", "•", "~", "—"
# ("Name | The Seattle Times", "Name • The Guardian", "Name ~ Outlet", "Name—Anadolu/Getty Images")
_SEP = (r"(?:[ ]*/[ ]*(?:(?:via|VIA|Via)[ ]+)?|[ ]+(?:via|VIA|Via)[ ]+"
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

_EXPANDED = regex.compile(r"(?<=\S)[ ]+\(\p{Lu}(?=[^()\n/]{1,50}\)?$)[^()\n/\p{Ll}]*\p{Ll}[^()\n/]*\)?$")
_SPLIT = regex.compile(r"(?:(?<!\s)\s*)?/\s*(?:via\s+)?|(?<!\s)\s+via\s+", regex.I)  # (?<!\s): linear
_SUFFIX_TAG = regex.compile(
    r"^(?P<rest>.*?)(?:,\s*|(?<!\s)\s*[-–]\s*)(?P<tag>File|Pool|Handout|HO|File Photo)\.?$", regex.I)
_GLUED_TAG = regex.compile(r"^(?P<tag>File Photo|Handout Photo|Pool Photo|File|Handout)(?=\p{Lu}{2})")
_DASH = regex.compile(r"(?<!\s)\s+[-–]\s+")
_FOR = regex.compile(r"^(?P<a>.+?)\s+for\s+(?P<b>.+)$")
_LEAD = regex.compile(
    r"^(?:©|\(c\)|(?:Photo(?:graph|graphy)?|Foto|Bild|Imagen|Image|Picture)s?(?![\p{L}])\s*(?:by\b|:)?|PHOTOGRAPH BY|Fot\."
    r"|Special to)\s*", regex.I)
_NAMEISH = regex.compile(rf"^(?:{_TOKEN})(?:[ ]+(?:{_TOKEN})){{0,5}}$")
_RANK = regex.compile(r"^(?:" + "|".join(regex.escape(r) for r in sorted(RANKS, key=len, reverse=True))
                      + r")\s+(?=\p{Lu})")
_GLUED_CAPS = regex.compile(r"^.*?\p{Ll}{3}(?=\p{Lu}{2,}[\p{Lu}'’\-]*[ ]+\p{Lu}{2,})")
_CODED_END = regex.compile(r"/[ ]*\d{1,4}[ .]*$")
_ACRONYM = regex.compile(r"\p{Lu}{2,5}")
_SHORT_ACRONYM = regex.compile(r"\p{Lu}{2,4}")
_TRAILING_PARTICLE = regex.compile(r"(?:[ ]+(?:de|da|del|della|dos|das|du|di|van|von|der|den|ter|le|la|al|el|y|e|of|the|"
                                   r"for|to|and|on|&))+$")
_STUDIO = regex.compile(r"^(?P<name>\p{Lu}\p{Ll}+(?:[ ]+\p{Lu}[\p{Ll}'’\-]+){1,2})[ ]+(?:Photography|Photo|Photos|Studio)$")
# "KOEN VAN WEELAFP via Getty Images": the slash before AFP lost in a Getty page
_GLUED_AFP = regex.compile(r"(?<=\p{Lu}{2})AFP(?=\s+via\b|\s*/)")
_CAL_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS)
# what each pattern above needs to find in a part before it can match (checked first: cheaper)
_LEAD_FIRST = frozenset("©(PpSsſFfBbIiİ")  # first letters of _LEAD's words in any case (ſ is an s)
_GLUED_START = ("File", "Handout", "Pool Photo")
_DASHES = ("-", "–")
_STUDIO_WORDS = ("Photo", "Studio")
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
        return bool(self.photographers or self.orgs)

    def line(self) -> str:
        """The canonical credit line: ``Photographer/Agency via Distributor``."""
        who = " and ".join(self.photographers)
        line = "/".join(p for p in (who, self.agency) if p)
        if self.distributor:
            line += f" via {self.distributor}"
        return line


def _org_name(text: str) -> str:
    return normal_name(text) if text.isupper() and len(text) > 4 and " " in text else text


def _is_org_like(text: str) -> bool:
    return any(w.strip(".,").casefold() in ORG_WORDS for w in text.split())


def placeholder_tag(text: str) -> str | None:
    """The style tag of a token that stands where a name would (``Handout``, ``STR``)."""
    key = text.strip(" .,;:").casefold()
    if key in PLACEHOLDERS:
        return PLACEHOLDERS[key]
    if key.endswith(SOURCE_DESCRIPTORS):
        return "screen_grab"
    return None


def _split_comma_agency(part: str, agencies: Agencies) -> list[str]:
    """``Azzam Rasgla, Agence France-Presse`` → the name and the agency."""
    if "," in part:
        head, _, tail = part.rpartition(",")
        if head.strip() and (agencies.lookup(tail.strip()) or (_is_org_like(tail) and _NAMEISH.match(head.strip()))) \
                and not agencies.lookup(head.strip()):
            return [head.strip(), tail.strip()]
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
        entry = _CHAIN_CACHE[id(agencies)] = (agencies, size, {"chain": {}, "known": {}, "part": {}})
    cache = entry[2][kind]
    if len(cache) > 65536:
        cache.clear()
    return cache


def parse_chain(chain: str, agencies: Agencies) -> tuple[list[str], list[str], list[str]]:
    """Split a credit chain into (people, organisations, placeholder tags)."""
    cache = _chain_cache(agencies, "chain")
    hit = cache.get(chain)
    if hit is None:
        hit = cache[chain] = _parse_chain(chain, agencies)
    people, orgs, tags = hit
    return list(people), list(orgs), list(tags)


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
    part = part.strip(" .,;:()[]\"'")
    if part[:1] in _LEAD_FIRST and not agencies.lookup(part):  # "Image View" is an agency
        part = _LEAD.sub("", part)
    part = part.strip(" .,;:")
    g = _GLUED_TAG.match(part) if part.startswith(_GLUED_START) else None
    if g:  # "File PhotoWELLINGTON, Oct 6 (Reuters)": the story runs on
        return (PLACEHOLDERS.get(g["tag"].casefold(), "file"),), ()
    dashed = any(d in part for d in _DASHES)
    m = _SUFFIX_TAG.match(part) if dashed or "," in part else None
    if m:
        tags.append(PLACEHOLDERS.get(m["tag"].casefold(), "file"))
        part = m["rest"].strip()
        dashed = any(d in part for d in _DASHES)
    pieces = [s.strip() for s in (_DASH.split(part) if dashed else [part]) if s.strip()]
    return tuple(tags), tuple(_read_piece(piece, agencies) for piece in pieces)


_SKIP = ("skip",)


def _read_piece(piece: str, agencies: Agencies) -> tuple:
    """("tag", tag), ("org", name), ("commission", org), ("name", person, piece), ("skip",), or,
    when no one is named yet, ("person_org", name, org) / ("studio", person, studio), each
    followed by the reading that applies once someone is."""
    tag = placeholder_tag(piece)
    if tag:
        return _SKIP if tag == "noise" else ("tag", tag)
    if piece.casefold().rstrip(".") in _CAL_WORDS or (
            piece.split()[0].casefold().rstrip(".,") in _CAL_WORDS and all(w.isdigit() for w in piece.split()[1:])):
        return _SKIP  # "Reuters / Sunday, March 26", "UNHCR/Name/March 2010": a date, not a name
    known = agencies.lookup(piece)
    if known:
        return ("org", known)
    glued = _glued_agency(piece, agencies)
    if glued:
        return glued
    fm = _FOR.match(piece) if "for" in piece else None
    if fm:  # "Getty Images for Warner Bros.", "Noriko Hayashi for The Washington Post"
        a, b = fm["a"], fm["b"]
        if agencies.lookup(a) or _is_org_like(a):
            return ("commission", agencies.lookup(a) or a)
        if _NAMEISH.match(a):
            return ("person_org", a, b, _read_rest(piece, agencies))
    return _read_rest(piece, agencies)


def _glued_agency(piece: str, agencies: Agencies) -> tuple | None:
    """A name and a known agency with no separator or a hyphen between them: ``Name-USA TODAY Sports``,
    ``Ezra Shaw Getty Images``, ``AP-James Manning`` (credit.glued_agency); a name followed by a
    placeholder word: ``Paul Childs Livepic``."""
    words = piece.split()
    if (len(words) < 2 and "-" not in piece) or " for " in piece:
        return None
    if "-" in piece:
        head, _, tail = piece.rpartition("-")
        head, tail = head.strip(), tail.strip()
        if head and tail and " " in head + tail:
            if agencies.lookup(tail) and not agencies.lookup(head) and _NAMEISH.match(head):
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
                return ("name_org", normal_name(tidy_name(head)), known)
    return None


def _read_rest(piece: str, agencies: Agencies) -> tuple:
    if piece[:1].isdigit():
        return _SKIP
    studio = _STUDIO.match(piece) if any(w in piece for w in _STUDIO_WORDS) else None
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
    if len(piece) < 2:
        return _SKIP  # "Photo: A decades-old television": a letter is neither a name nor an organisation
    if _is_org_like(piece):
        return ("org", agencies.lookup(piece) or _org_name(piece))
    piece = tidy_name(_RANK.sub("", piece) if piece.startswith(_RANK_START) else piece)
    piece = _TRAILING_PARTICLE.sub("", _without_trailing_date(piece))  # "Foto: Captura de" (the line ran on), "Hubble &"
    if " " not in piece and _SHORT_ACRONYM.fullmatch(piece):
        return ("org", piece)  # "UNICEF/NYHQ", "(DOT)": four capitals or fewer are an organisation's
    if _NAMEISH.match(piece) and len(piece) <= 48 and not piece.islower():  # "Cedida por la": no capital, no name
        return ("name", normal_name(piece), piece)
    return _SKIP


def _parse_chain(chain: str, agencies: Agencies) -> tuple[list[str], list[str], list[str]]:
    people: list[str] = []
    orgs: list[str] = []
    tags: list[str] = []
    commissioned = False  # "Getty Images for Mercedes-Benz": the first organisation shot it
    parts = [p for p in _SPLIT.split(chain.strip(" /.,;:()[]")) if p.strip()]
    parts = [q for p in parts for q in _split_comma_agency(p, agencies)]
    if parts and _GLUED_CAPS.search(parts[0]):  # "Sam AltmanJOEL SAGET/AFP": the page lost a break
        parts[0] = _GLUED_CAPS.sub("", parts[0], count=1)
    coded = bool(_CODED_END.search(chain))  # "…/Koz/Spt/11": a desk's initials and number close the chain
    lone = len(parts) == 1 and " " not in parts[0].strip() and "-" not in parts[0]
    acronym_first = len(parts) > 1 and bool(_ACRONYM.fullmatch(parts[0].strip()))
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
            kind = r[0]
            if kind == "tag":
                tags.append(r[1])
            elif kind == "org":
                orgs.append(r[1])
            elif kind == "commission":
                orgs.append(r[1])
                commissioned = True
            elif kind == "person_org":
                people.append(normal_name(r[1]))
                orgs.append(agencies.lookup(r[2]) or _org_name(r[2]))
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
            elif kind == "name" and (lone or (acronym_first and part is parts[0])) and not people \
                    and not r[2].islower():
                # "Photo: Sportsfile", "(DBT/Neuhauser)", "UNHCR/E. Hockstein": a lone word, or an
                # acronym ahead of a name, is an organisation's wordmark (credit.lone_org)
                orgs.append(r[2])
            elif kind == "name":
                person = r[1]
                if person.casefold() in (p.casefold() for p in people):
                    continue
                if not people:
                    people.append(person)
                elif coded and len(r[2]) <= 3 and not r[2].isupper():
                    continue  # "…/Name/Koz/Spt/11": an editor's initials after the photographer
                else:
                    orgs.append(_org_name(r[2]))

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


TAIL = 400


def _alternation(words, cased: bool = False) -> str:
    """The words as one alternation; ``cased``: as written, Capitalised, Title Case or in CAPITALS only."""
    if cased:
        words = {v for w in words for v in (w, w[:1].upper() + w[1:], w.title(), w.upper())}
    return "|".join(regex.escape(w).replace("\\ ", "[ ]+") for w in sorted(set(words), key=len, reverse=True))


# credit markers (data/credit_markers.csv): "Photo:", "Foto/", "Crédito:", "Photo by", "Courtesy of", "PIC NAME"
_LABEL_WORDS = _alternation(CREDIT_MARKERS.get("label", ()), cased=True)
_BY_WORDS = _alternation(CREDIT_MARKERS.get("by", ()))
_COURTESY_WORDS = _alternation(CREDIT_MARKERS.get("courtesy", ()))
_BARE_WORDS = _alternation(CREDIT_MARKERS.get("bare", ()))
_BARE_FIRST = tuple({w.split()[0] for w in CREDIT_MARKERS.get("bare", ())})
_BARE_NEEDLES = tuple({w.casefold() + " " for w in CREDIT_MARKERS.get("bare", ())})
def _bare_tail(tail: str) -> bool:
    """A bare marker in a line's last characters, followed by two to four capitalised words only."""
    for w in _BARE_FIRST:
        at = tail.rfind(w + " ")
        if at >= 0:
            words = tail[at + len(w) + 1:].split()
            return 2 <= len(words) <= 4 and all(x[:1].isupper() for x in words)
    return False


_BY_NEEDLES = tuple(sorted({" ".join(w.casefold().split()) for w in CREDIT_MARKERS.get("by", ())}))
_MARKER_NEEDLES = tuple(sorted({" ".join(w.casefold().split()) for w in CREDIT_MARKERS.get("label", ())}))
_NAME_TITLE = r"(?:\p{Lu}[\p{Ll}\p{M}'’\-]+|\p{Lu}\.)(?:[ ]+(?:\p{Lu}[\p{Ll}\p{M}'’\-]+|\p{Lu}\.|" + _PARTICLES + r")){1,3}"
_NAME_ANY = rf"(?:{_NAME_CAPS}|{_NAME_TITLE})"
_CHAIN_ANY = _PART + r"(?:" + _SEP + _PART + r")*"

_MONTH_WORDS = "|".join(sorted({m.capitalize() for m in MONTHS} | {m.upper() for m in MONTHS}, key=len, reverse=True))
_WEEKDAY_WORDS = "|".join(w.capitalize() for w in WEEKDAYS)
_AFTER_SENTENCE = r"(?:(?<=[.!?\"”)][ ]{1,3})|(?<=\n[ ]{0,3})|^)"

# Order is priority: the first rule that yields a photographer or agency gives the credit.
RULES: list[Rule] = [
    Rule("should_read", r"\(?\s*\bPhoto credit should read:?\s*(?P<chain>[^()\n]+?)\s*(?:\)|$|(?=\n))",
         ("should read",)),
    Rule("mandatory_credit_photo_by",
         r"\b(?i:Mandatory Credit):\s*(?i:Photo by)\s*(?P<chain>[^()\n]+?)\s*\(\w+\)", ("mandatory credit",)),
    Rule("photo_by", r"\((?i:photo(?:graph|graphy)?|photo ill?ustration|picture|image|pictures)s?\s*"
         r"(?i:by\b|:)\s*(?P<chain>[^()\n]+?)\s*\)", ("(photo", "(picture", "(image")),
    Rule("org_photo_by", r"(?:\(|" + _AFTER_SENTENCE + r")(?P<org>" + _FIRST + r"(?:[ ]+" + _TOKEN + r"){0,5})"
         r"[ ]+(?i:photo|photograph)(?:[ ]+illustration)?[ ]+(?i:by)[ ]+(?P<chain>[^()\n]+?)[ ]*"
         r"(?:\)|\.?[ ]*$|(?=\n))", (" photo by", " photograph by")),
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
         r"\s*(?::|\.\.\.|…|,)\s*|\bCredit(?=\p{Lu}))(?P<chain>" + _PART + r"(?:" + _SEP + r"?" + _PART + r")*)",
         ("photo", "credit", "image", "picture")),
    # the markers of every language, also glued to the word before ("…in St BartsCredit: Splash") and
    # with a slash ("Photo / Supplied", "Foto/ EFE") (credit_marker)
    Rule("credit_marker", r"(?::(?<=(?P<lead>(?<![\p{L}\p{N}])(?<!(?i:file)[ ])(?:" + _LABEL_WORDS + r")"
         r"|(?<=\p{Ll})(?:Credit|Photo|Picture|Foto|Image)s?)[ ]*:)"
         r"|/(?<=(?:(?<=[\n(\[.!?][ ]{0,3})|^)(?P<lead>" + _LABEL_WORDS + r")[ ]*/)(?![ ]*\d))"
         r"[ ]*+\n?[ ]*+(?:©[ ]*+)?(?P<chain>" + _CHAIN_ANY + r")", _MARKER_NEEDLES, last_first=True),
    Rule("copyright", r"©\s*(?P<chain>" + _PART + r"(?:" + _SEP + _PART + r")*)", ("©",)),
    Rule("paren_chain", r"\(\s*(?P<chain>" + _CHAIN + r")\s*\)", ("/", " via ")),
    # a name and its e-mail address, on the next line or after a separator: "Harry Lynch\nhlynch@paper.com"
    Rule("name_email", r"(?:(?<=[\n.!?”\"][ ]{0,3})|^)[ ]*(?P<name>" + _NAME_ANY + r")[ ]*(?:\n[ ]*|[~/|•–—-][ ]*)"
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
    Rule("credit_by", r"(?i:by|von|de|di|van|par|door)(?![\p{L}\p{N}])(?<=(?<![\p{L}\p{N}])(?P<lead>(?i:" + _BY_WORDS + r")))(?:[ ]*+:[ ]*+|[ ]++)(?:(?:" + "|".join(regex.escape(r) for r in RANKS)
         + r")[ ]+)?(?P<chain>" + _CHAIN_ANY + r")", _BY_NEEDLES),
    # "von NAME/AGENCY, publiziert…", "por NAME/AGENCY", "par NAME/AGENCY": a chain with a known agency
    Rule("by_chain", r"(?:von|por|par)(?=[ ])(?<=(?<![\p{L}\p{N}])(?:von|por|par))[ ]+(?P<chain>" + _PART + r"(?:" + _SEP + _PART
         + r")+)", ("von ", "por ", "par "), gate="slash_or_via"),
    # "Photo courtesy of Name", "(Courtesy photo / Name)", "Cortesía de ORG": a person or an organisation
    Rule("courtesy_marker", r"(?<![\p{L}\p{N}])(?i:" + _COURTESY_WORDS + r")[ ]*+[:/]?[ ]*+(?:the[ ]+)?(?P<chain>"
         + _CHAIN_ANY + r")", ("courtesy", "cortes", "cedid")),
    # "Name (AFP)", "CaracasJUAN BARRETO (AFP)", "Werner Friedli (ETH-Bibliothek)": a name, then its agency
    Rule("name_paren_agency", r"(?:(?<=[.!?”\"/][ ]{0,3})|(?<=\p{Ll})|(?<=\n[ ]{0,3}))(?P<name>" + _NAME_ANY
         + r")[ ]*[(\[](?P<agency>[^()\[\]\n/]{2,40})[)\]][ ]*+\.?[ ]*$", ("(", "["), tail=True, gate="ends_known_paren"),
    # "Picture Jonathan Gawthorpe", "PIC SHEPHERD TOZVIREVA" ending a line (credit_marker_bare)
    Rule("credit_marker_bare", r"(?:(?<=[.!?”\"][ ]{1,3})|(?<=\n[ ]{0,3})|^)(?:" + _BARE_WORDS + r")[ ]+(?P<name>"
         + _NAME_ANY + r")[ ]*(?m:$)", _BARE_NEEDLES, backward=True, gate="bare_marker_near_line_end"),
    # "…\nDavid Goldman\nAP": a name on its own line above a known agency's line (name_line_agency)
    Rule("name_line_agency", r"(?<=\n)[ ]*(?P<name>" + _NAME_ANY + r")[ ]*\n[ ]*(?P<agency>[^\n/(:;\"”]{2,40}?)[ ]*$", ("\n",),
         tail=True, stop="(:;\"”", gate="last_line_known"),
    Rule("line_chain", r"(?m:^)[ ]*(?P<chain>" + _CHAIN + r")[ ]*(?m:$)(?<=(?m:^)[^\n]{0,300})",
("/", " via "),
         backward=True, gate="short_line_slash"),
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
    Rule("line_agency", r"(?m:^)[ ]*(?P<chain>[^\n/]{2,40}?)[ ]*(?m:$)", (), only_known=True, backward=True, gate="short_line"),
    Rule("end_agency", r"(?<=[.!?)\"”][ ]{1,3})(?P<chain>[^\s/.()][^/\n.()]{0,38}?)[ ]*$", (), tail=True,
         only_known=True, gate="ends_open"),
    Rule("agency_date_header", r"(?m:^)[ ]*(?P<chain>[^/\n]{2,30}?)[ ]*/[ ]*(?:" + _WEEKDAY_WORDS + r"),?[ ]+(?:"
         + _MONTH_WORDS + r")\.?[ ]+\d{1,2},?[ ]+\d{4}[ ]*(?m:$)", ("day,",), only_known=True, backward=True),
    Rule("dpa_bildfunk", r"\+\+\+\s*(?P<chain>dpa)-Bildfunk\s*\+\+\+", ("bildfunk",)),
    Rule("paren_name_end", r"\((?P<name>\p{Lu}\p{Ll}+(?:[ ]+\p{Lu}[\p{Ll}'’-]+){1,2})\)\s*$", ("(",), tail=True,
         gate="ends_paren"),
    Rule("end_caps_name", r"(?<=[.!?\"”][ ]{1,3})(?P<name>" + _NAME_CAPS + r")[ ]*$", (), tail=True, gate="ends_caps"),
    Rule("released_by", r"\b(?i:image|photo|picture|photograph|handout|video)s?[ ]+(?:was[ ]+|were[ ]+)?"
         r"(?:released|provided|distributed|supplied|issued|made available)[ ]+by[ ]+(?:the[ ]+)?(?P<chain>"
         + _PART + r")", ("released by", "provided by", "distributed by", "supplied by", "issued by"),
         only_known=True),
]
# a rule's needle that holds another of its needles adds nothing ("photo credit" holds "photo")
RULES = [replace(rule, needles=tuple(n for n in rule.needles if not any(o != n and o in n for o in rule.needles)))
         for rule in RULES]
# end-anchored rules are searched backwards: every position but the end fails at once
class _LazyPattern:
    """A pattern compiled when first used: a program that never meets a rule's needle never pays for it
    (compiling the chain patterns is most of this module's import time)."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, *args):
        self._args, self._compiled = args, None

    def __getattr__(self, name):
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = regex.compile(*self._args)
        return getattr(compiled, name)


COMPILED = [(rule, _LazyPattern(rule.pattern, regex.V1 | (regex.REVERSE if rule.tail or rule.backward else 0)))
            for rule in RULES]
# the same rules without the chain's dash shape, for captions with no "-/" (see _CHAIN_DASH)
_PLAIN_CHAIN = {rule.name: _LazyPattern(rule.pattern.replace(_CHAIN, f"(?:{_CHAIN_PLAIN})"),
                                          regex.V1 | (regex.REVERSE if rule.tail or rule.backward else 0))
                for rule in RULES if _CHAIN in rule.pattern}
_NEEDLES = frozenset(n for rule in RULES for n in rule.needles)
# each needle after the longest other needle inside it: when that one is absent, so is this one
_NEEDLE_ORDER = tuple((n, max((p for p in _NEEDLES if p != n and p in n), key=len, default=None))
                      for n in sorted(_NEEDLES, key=len))
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
    parts = [p for p in _SPLIT.split(chain.strip()) if p.strip()]
    return bool(parts) and all(agencies.lookup(p) or placeholder_tag(p) for p in parts)


def _line_chain_ok(chain: str, agencies: Agencies) -> bool:
    """A line that is only a credit: known agencies, placeholders and names."""
    parts = [p.strip() for p in _SPLIT.split(chain.strip(" /")) if p.strip()]
    anchors = [p for p in parts if agencies.lookup(p) or placeholder_tag(p)]
    return bool(anchors) and all(p in anchors or _NAMEISH.match(p) for p in parts)


def _caps_name_ok(name: str, agencies: Agencies) -> bool:
    words = name.split()
    return not (agencies.lookup(name) or _is_org_like(name) or lookup_country(name) or lookup_state(name)
                or any(placeholder_tag(w) or lookup_country(w) for w in words))


def _chain_of(rule: Rule, g: dict, agencies: Agencies) -> str | None:
    name = rule.name
    if name in _NAME_RULES:
        agency = g.get("agency") or "AFP"
        if name == "name_comma_agency" and (not agencies.lookup(agency) or agencies.lookup(g["name"])):
            return None
        return f"{agency}/{g['name']}"
    if name == "name_paren_agency":
        known = agencies.lookup(g["agency"].strip())
        if not known or not _caps_name_ok(g["name"], agencies):
            return None
        return f"{g['name']}/{g['agency'].strip()}"
    if name == "desk_chain":  # "… at the final — Real Madrid": the separator needs an organisation after it
        org = _DESK_SEP.sub("/", g["org"].strip())  # "Name | Los Angeles Times | Getty Images"
        first = _SPLIT.split(org, maxsplit=1)[0].strip()
        if not (agencies.lookup(first) or _is_org_like(first)) or not _caps_name_ok(g["name"], agencies):
            return None
        return f"{g['name']}/{org}"
    if name == "name_line_agency":
        if not agencies.lookup(g["agency"]) or not _caps_name_ok(g["name"], agencies):
            return None
        return f"{g['name']}/{g['agency']}"
    if name == "name_email":
        if not (_email_matches(g["name"], g["email"]) and _caps_name_ok(g["name"], agencies)):
            return None
        return g["name"]
    if name == "credit_marker_bare":
        return g["name"] if _caps_name_ok(g["name"], agencies) else None
    if name == "org_photo_label":
        org = agencies.lookup(g["org"]) or agencies.lookup(g["org"] + " Photo")
        return f"{org}/{g['chain']}" if org else None
    if name == "afp_slash":
        return f"AFP/{g['name']}" if g.get("name") else "AFP"
    if name in ("paren_name_end", "end_caps_name"):
        if name == "end_caps_name" and not _caps_name_ok(g["name"], agencies):
            return None
        return g["name"]
    if name == "org_photo_by":
        org = g["org"]
        if not (agencies.lookup(org) or _is_org_like(org)):
            return None
        return f"{g['chain']}/{agencies.lookup(org) or org}"
    chain = g.get("chain")
    if chain is None:
        return None
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


def _any_known(chain: str, agencies: Agencies, org_like: bool = False) -> bool:
    parts = [p.strip() for p in _SPLIT.split(chain.strip(" /")) if p.strip()]
    return any(agencies.lookup(p) or (org_like and _is_org_like(p)) for p in parts)


def _email_matches(name: str, email: str) -> bool:
    """``Harry Lynch`` and ``hlynch@…``: the address's local part holds the surname."""
    local = regex.sub(r"[^\p{L}]", "", email.partition("@")[0]).casefold()
    words = [regex.sub(r"[^\p{L}]", "", w).casefold() for w in name.split()]
    words = [w for w in words if len(w) > 1]
    return bool(words) and len(words[-1]) > 1 and words[-1] in local


def _lines(text: str) -> list[str]:
    return text.split("\n") if "\n" in text else [text]


def _gate_comma_agency(text: str, agencies: Agencies) -> bool:
    """A line ends in ``, <known agency>``."""
    for line in _lines(text):
        head, comma, tail = line.rpartition(",")
        if comma and agencies.lookup(tail.strip(" .)")):
            return True
    return False


def _gate_known_paren(text: str, agencies: Agencies) -> bool:
    """The caption ends in ``(KNOWN AGENCY)`` or ``[KNOWN AGENCY]``."""
    end = text.rstrip(" .")
    if not end.endswith((")", "]")):
        return False
    opening = max(end.rfind("("), end.rfind("["))
    return opening >= 0 and bool(agencies.lookup(end[opening + 1:-1].strip()))


# the last character a tail rule's match can end on, less trailing white space (what the
# regex module calls white space, str.rstrip strips too); cheaper to check than running the rule
_NOT_CAPS_END = frozenset(')]"”,;:!?/0123456789abcdefghijklmnopqrstuvwxyz')
_GATES = {
    "line_starts_photo": lambda text, _: any(ln.lstrip(" ").startswith("Photo") for ln in _lines(text)),
    "ends_paren": lambda text, _: text.rstrip(" .").endswith((")", "]")),
    "ends_caps_agency": lambda text, _: text.rstrip().endswith(("AFP", "AP", "EPA", "REUTERS")),
    "ends_open": lambda text, _: text.rstrip(" ")[-1:] not in "/\n.()",  # "" too: a chain has text
    "ends_caps": lambda text, _: (text.rstrip(" ")[-1:] or ")") not in _NOT_CAPS_END,
    "comma_agency": _gate_comma_agency,
    "short_line_slash": lambda text, _: any(len(ln) <= 120 and ("/" in ln or " via " in ln.lower())
                                             for ln in _lines(text)),
    "bare_marker_near_line_end": lambda text, _: any(_bare_tail(ln[-48:]) for ln in _lines(text)),
    "ends_known_paren": _gate_known_paren,
    "last_line_known": lambda text, agencies: "\n" in text.rstrip() and bool(
        agencies.lookup(text.rstrip().rpartition("\n")[2].strip())),
    "desk_line_end": lambda text, _: any(len(ln.rstrip(" .")) - max(ln.rfind(sep) for sep in _DESK_SEPS) < 90
                                          for ln in _lines(text) if any(sep in ln for sep in _DESK_SEPS)),
    "slash_or_via": lambda text, _: "/" in text or " via " in text or " VIA " in text,
    "short_line": lambda text, _: any(len(ln.strip()) <= 42 for ln in _lines(text)),
}


class _Moved:
    """A remembered match, moved to the same words at the end of another caption."""

    __slots__ = ("whole", "groups", "spans", "by")

    def __init__(self, whole: str, groups: dict, spans: dict, by: int):
        self.whole, self.groups, self.spans, self.by = whole, groups, spans, by

    def groupdict(self) -> dict:
        return self.groups

    def group(self, name=0) -> str:
        return self.whole if name == 0 else self.groups[name]

    def span(self, name=0) -> tuple[int, int]:
        start, end = self.spans[name]
        return (start + self.by, end + self.by) if start is not None else (-1, -1)


# tail-rule matches by (pattern, the caption's text from the last stop character): a match
# is kept as its text, groups and spans counted from the caption's end (never the caption)
_TAIL_MEMO: dict[tuple, _Moved | None] = {}


def _tail_match(rule: Rule, pattern, text: str, tail_start: int):
    """The rule's match at the end of ``text``, remembered by the text after its last stop character."""
    last = max([text.rfind(c, tail_start) for c in rule.stop]) if rule.stop else -1
    if last < 0:
        return pattern.match(text, tail_start)
    n = len(text)
    key = (pattern, text[last:])
    moved = _TAIL_MEMO.get(key, _TAIL_MEMO)
    if moved is _TAIL_MEMO:
        m = pattern.match(text, tail_start)
        if len(_TAIL_MEMO) > 16384:
            _TAIL_MEMO.clear()
        _TAIL_MEMO[key] = m and _Moved(m.group(0), m.groupdict(), {
            name: (m.start(name) - n, m.end(name) - n) if m.start(name) >= 0 else (None, None)
            for name in (0, *m.groupdict())}, 0)
        return m
    return moved and _Moved(moved.whole, moved.groups, moved.spans, n)


def find_credits(text: str, agencies: Agencies) -> list[Credit]:
    """Every credit found in ``text``, in rule order."""
    found: list[Credit] = []
    low = text.lower()
    tail_start = 0
    if len(text) > TAIL:
        cut = len(text) - TAIL
        space = text.find(" ", cut)
        tail_start = space if space >= 0 else cut
    plain = _PLAIN_CHAIN if not ("/" in text and _DASH_SLASH.search(text)) else {}
    present = set()
    for needle, inside in _NEEDLE_ORDER:
        if (inside is None or inside in present) and needle in low:
            present.add(needle)
    for rule, pattern in COMPILED:
        if rule.needles and present.isdisjoint(rule.needles):
            continue
        if rule.gate and not _GATES[rule.gate](text, agencies):
            continue
        if plain and rule.name in plain:
            pattern = plain[rule.name]
        if rule.tail:  # searched backwards, a match anchored at the end is one attempt
            m = _tail_match(rule, pattern, text, tail_start)
            matches = [m] if m else []
        elif rule.backward:
            # found from the end: past the cap, the last lines are kept and the rest never searched
            matches = reversed(list(islice(pattern.finditer(text), MAX_MATCHES_PER_RULE)))
        elif rule.last_first:
            matches = reversed(list(islice(pattern.finditer(text), MAX_MATCHES_PER_RULE)))
        else:
            matches = pattern.finditer(text)
        for m in islice(matches, MAX_MATCHES_PER_RULE):
            g = m.groupdict()
            chain = _chain_of(rule, g, agencies)
            if not chain:
                continue
            people, orgs, tags = parse_chain(chain, agencies)
            if rule.name == "paren_name_end" and (orgs or not people):
                continue
            if rule.name in ("courtesy", "courtesy_marker"):
                tags.append("handout")
            keep = m.span("date") if g.get("date") else None
            if rule.name == "released_by":  # "This image released by NBC shows …" is the description's
                keep = m.span()
            if people or orgs:  # Credit.found
                span = m.span()
                lead = g.get("lead") or g.get("org") if rule.name in _LEAD_RULES else None
                if lead:  # the marker or organisation was read behind the match: the credit holds it
                    span = (min(m.start("lead") if g.get("lead") else m.start("org"), span[0]), span[1])
                found.append(Credit(rule.name, text[span[0]:span[1]].strip(), span, people, orgs, tags, keep))
    return found


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
        for other in credits[1:]:
            if other.photographers and (not other.orgs or not best.orgs or other.agency == best.agency):
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
    return best
