"""Credit lines: find them, then split the credit chain into its parts.

Each rule is a named pattern that finds a credit and captures its *chain*
(``Marvin RECINOS/AFP/Getty Images``, ``REUTERS/Kevin Lamarque``). One chain
parser then classifies the chain's parts as people, organisations or
placeholders (``Handout``, ``Pool``, ``STR``…), using the agency table.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..tables import ORG_WORDS, PLACEHOLDERS, Agencies
from .names import normal_name

# --- the chain ------------------------------------------------------------
_PARTICLES = r"(?:de|da|del|della|dos|das|du|di|van|von|der|den|ter|le|la|al|el|bin|ibn|y|e|of|the|for|to|and|&|on)"
_TOKEN = r"(?:\p{Lu}[\p{L}\p{M}'’.\-]*|\p{Lu}\.|" + _PARTICLES + r"|\p{Ll}[\p{L}]*\p{Lu}[\p{L}]*)"
_PART = rf"(?:{_TOKEN}(?:[ ]+(?:{_TOKEN}|\d+)){{0,7}}(?:,[ ]*(?:Inc|Ltd|LLC)\.?)?)"
_SEP = r"(?:[ ]*/[ ]*|[ ]+(?:via|VIA|Via)[ ]+)"
_CHAIN = rf"(?:/[ ]*)?{_PART}(?:{_SEP}{_PART})+"

_SPLIT = regex.compile(r"\s*/\s*|\s+via\s+", regex.I)
_SUFFIX_TAG = regex.compile(r"^(?P<rest>.*?),\s*(?P<tag>File|Pool|Handout|HO|File Photo)\.?$", regex.I)
_FOR = regex.compile(r"^(?P<a>.+?)\s+for\s+(?P<b>.+)$")
_LEAD = regex.compile(r"^(?:©|\(c\)|Photo(?:graph|graphy)?s?\s*(?:by|:)?|PHOTOGRAPH BY|Special to)\s*", regex.I)
_NAMEISH = regex.compile(rf"^(?:{_TOKEN})(?:[ ]+(?:{_TOKEN})){{0,5}}$")


@dataclass
class Credit:
    rule: str
    raw: str
    span: tuple[int, int]
    photographers: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

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


def parse_chain(chain: str, agencies: Agencies) -> tuple[list[str], list[str], list[str]]:
    """Split a credit chain into (people, organisations, placeholder tags)."""
    people: list[str] = []
    orgs: list[str] = []
    tags: list[str] = []
    first_is_org = None
    parts = [p for p in _SPLIT.split(chain.strip(" /.,;:()[]")) if p.strip()]

    def add_org(name: str) -> None:
        orgs.append(name)

    for index, raw in enumerate(parts):
        part = _LEAD.sub("", raw.strip(" .,;:()[]\"'")).strip(" .,;:")
        m = _SUFFIX_TAG.match(part)
        if m:
            tags.append(PLACEHOLDERS.get(m["tag"].casefold(), "file"))
            part = m["rest"].strip()
        pieces = [s.strip() for s in regex.split(r"\s+[-–]\s+", part) if s.strip()]
        for piece in pieces:
            key = piece.casefold()
            if key in PLACEHOLDERS:
                if PLACEHOLDERS[key] != "noise":
                    tags.append(PLACEHOLDERS[key])
                continue
            known = agencies.lookup(piece)
            if known:
                add_org(known)
                if index == 0 and first_is_org is None:
                    first_is_org = True
                continue
            fm = _FOR.match(piece)
            if fm:  # "Getty Images for Warner Bros.", "Noriko Hayashi for The Washington Post"
                a, b = fm["a"], fm["b"]
                if agencies.lookup(a) or _is_org_like(a):
                    add_org(agencies.lookup(a) or a)
                    continue
                if _NAMEISH.match(a) and not people:
                    people.append(normal_name(a))
                    add_org(agencies.lookup(b) or _org_name(b))
                    continue
            if piece[:1].isdigit():
                continue
            if _is_org_like(piece):
                add_org(agencies.lookup(piece) or _org_name(piece))
                continue
            if _NAMEISH.match(piece) and len(piece) <= 48:
                person = normal_name(piece)
                if person.casefold() in (p.casefold() for p in people):
                    continue
                if not people:
                    people.append(person)
                else:
                    add_org(_org_name(piece))
        if index == 0 and first_is_org is None:
            first_is_org = False

    # "REUTERS/KCNA": a leading wordmark followed at once by another organisation
    # distributes that organisation's picture
    if first_is_org and len(orgs) > 1 and not people and len(parts) == 2:
        orgs = orgs[1:] + orgs[:1]
    # "REUTERS/Name/Agencia Brasil/Handout via Reuters": the wordmark repeats as distributor
    if len(orgs) > 2 and orgs[0] == orgs[-1]:
        orgs = orgs[1:]
    seen: set[str] = set()
    unique = []
    for o in orgs:
        if o.casefold() not in seen:
            seen.add(o.casefold())
            unique.append(o)
    return people, unique, tags


# --- the rules --------------------------------------------------------------
# (name, pattern); the pattern's group "chain" holds the credit chain. Order is
# priority: the first rule that yields a photographer or agency gives the credit.
_NAME_CAPS = r"(?:\p{Lu}[\p{Lu}\p{M}'’.\-]+(?:[ ]+\p{Lu}[\p{Lu}\p{M}'’.\-]*){1,3})"
RULES: list[tuple[str, str]] = [
    ("should_read", r"\(?\s*\bPhoto credit should read:?\s*(?P<chain>[^()\n]+?)\s*(?:\)|$|(?=\n))"),
    ("mandatory_credit_photo_by", r"\bMandatory Credit:\s*Photo by\s*(?P<chain>[^()\n]+?)\s*\(\w+\)"),
    ("photo_by", r"\((?:Photo(?:graph|graphy)?|Photo Ill?ustration|Picture|Image|Pictures)s?\s*(?:by|By|BY|:)\s*(?P<chain>[^()\n]+?)\s*\)"),
    ("agency_photo_paren", r"\(\s*(?P<chain>(?:AP|AFP|Ap|Afp) (?:Photo|PHOTO)\s*/\s*[^()\n]+?)\s*\)"),
    ("photography_by", r"(?:^|\n)\s*Photo(?:graphy|graph)? by\s+(?P<chain>[^\n]+?)\s*(?:$|\n)"),
    ("reuters", r"(?P<chain>\b(?:REUTERS|Reuters)[ ]*/[ ]*" + _PART + r"(?:" + _SEP + _PART + r")*)"),
    ("label_colon", r"(?:\b(?:Photographer|Photograph|Photo|Credit|Image source|Image|Picture|PHOTO)\s*(?::|\.\.\.|…|,)\s*|\bCredit(?=\p{Lu}))(?P<chain>" + _PART + r"(?:" + _SEP + r"?" + _PART + r")*)"),
    ("copyright", r"©\s*(?P<chain>" + _PART + r"(?:" + _SEP + _PART + r")*)"),
    ("paren_chain", r"\(\s*(?P<chain>" + _CHAIN + r")\s*\)"),
    ("end_chain", r"(?:^|(?<=[\s.,;:!?)\]\"”]))(?P<chain>" + _CHAIN + r")[ ]*[.)\]]*[ ]*$"),
    ("line_chain", r"(?:^|\n)[ ]*(?P<chain>" + _CHAIN + r")[ ]*(?:\n|$)"),
    ("afp_photo_name", r"\bAFP PHOTO\s+(?P<name>" + _NAME_CAPS + r")"),
    ("afp_slash", r"(?:/\s*)?\bAFP(?: PHOTO)?\s*(?:/\s*(?P<name>" + _PART + r"))?\s*$"),
    ("name_comma_agency", r"(?P<name>" + _PART + r"),\s*(?P<agency>Associated Press|AP|Agence France-Presse|AFP|Reuters|Getty Images)\s*[.)]?\s*$"),
    ("name_agency_caps", r"(?<=[.!?]\s+)(?P<name>" + _NAME_CAPS + r")\s+(?P<agency>AFP|AP|EPA|REUTERS)\s*$"),
    ("courtesy", r"\(?\b[Cc]ourtesy(?: of)?:?\s+(?P<chain>[^()\n.]+?)\s*(?:\)|\.|$)"),
    ("paren_agency", r"\((?P<chain>[^()/\n]{2,40})\)\s*$"),
    ("line_agency", r"(?:^|\n)[ ]*(?P<chain>[^\n/]{2,40}?)[ ]*(?:\n|$)"),
    ("dpa_bildfunk", r"\+\+\+\s*(?P<chain>dpa)-Bildfunk\s*\+\+\+"),
    ("paren_name_end", r"\((?P<name>\p{Lu}\p{Ll}+(?:[ ]+\p{Lu}[\p{Ll}'’-]+){1,2})\)\s*$"),
]
COMPILED = [(name, regex.compile(p, regex.V1)) for name, p in RULES]
# rules whose chain must be made only of known organisations
_ONLY_KNOWN = {"paren_agency", "line_agency", "line_chain", "courtesy"}


def find_credits(text: str, agencies: Agencies) -> list[Credit]:
    """Every credit found in ``text``, in rule order."""
    found: list[Credit] = []
    for name, pattern in COMPILED:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            if groups.get("chain") is not None:
                chain = groups["chain"]
            elif name in ("afp_photo_name", "name_agency_caps", "name_comma_agency"):
                chain = f"{groups.get('agency') or 'AFP'}/{groups['name']}"
            elif name == "afp_slash":
                chain = f"AFP/{groups['name']}" if groups.get("name") else "AFP"
            elif name == "paren_name_end":
                chain = groups["name"]
            else:
                continue
            if name in _ONLY_KNOWN and not all(
                agencies.lookup(p) or p.strip().casefold() in PLACEHOLDERS
                for p in _SPLIT.split(chain.strip()) if p.strip()
            ):
                continue
            people, orgs, tags = parse_chain(chain, agencies)
            if name == "paren_name_end" and (orgs or not people):
                continue
            if name == "courtesy":
                tags.append("handout")
            credit = Credit(name, m.group(0).strip(), m.span(), people, orgs, tags)
            if credit.found:
                found.append(credit)
    return found


def choose_credit(credits: list[Credit]) -> Credit | None:
    """The first credit by rule priority, completed from the others when they agree."""
    if not credits:
        return None
    best = credits[0]
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
    return best
