"""Characters lost to a lossy encoding: ``?`` or U+FFFD written in their place.

Encoding to ASCII or Latin-1 with ``errors='replace'`` writes ``?`` for every
character the code page cannot hold (’ “ ” – …, and in ASCII accented letters);
decoding bad bytes writes U+FFFD. The information is gone, so only context can
restore it. Each rule below restores one thing that context makes certain and
leaves everything else, with a warning. A ``?`` that could be a real question
mark is never changed; U+FFFD is never a question mark.

Which encoding could have done it bounds what a ``?`` can stand for: if a
character beyond Latin-1 (’ “ –) survives in the text, the text as a whole never
went through a lossy encoder, so only the rules that cannot mistake a question
are used; if Latin-1 letters (é) survive, a lost letter must be beyond Latin-1.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import NamedTuple

from .. import timed_regex as regex  # the regex module, with a time budget
from .record import Repair, RepairOptions
from .text import context as _context, in_spans, sub
from ..wordlists import RARE  # the word lists' floor (Zipf)
from .vocabulary import LOST, Vocabulary, gazetteer_vocabulary  # noqa: F401  (Vocabulary: re-exported)

_L = "[?\ufffd]"

_BEYOND_LATIN1 = regex.compile(r"[^\x00-\xff\ufffd]")
_LATIN1_LETTER = regex.compile(r"[\x80-\xff]")
_TOKEN = regex.compile(r"\S+")
_QUERY = regex.compile(r"\?\w+=")


def lossy_hypothesis(text: str) -> str:
    """``"none"`` (a character beyond Latin-1 survives), ``"latin1"`` or ``"ascii"``."""
    if _BEYOND_LATIN1.search(text):
        return "none"
    return "latin1" if _LATIN1_LETTER.search(text) else "ascii"


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs and query strings, where a ? is never a lost character."""
    if "/" not in text and "=" not in text and "www" not in text:
        return []
    # every URL token holds one of these, and so does the text that holds the token: most captions
    # with a "/" ("REUTERS/Name") hold none, and their words are not each read (the rules ask often)
    if "://" not in text and "www." not in text.lower() and not _QUERY.search(text):
        return []
    return [m.span() for m in _TOKEN.finditer(text)
            if "://" in m.group() or "www." in m.group().lower() or _QUERY.search(m.group())]


@lru_cache(maxsize=8192)
def _places(low: str, limit: int) -> frozenset[str]:
    """The gazetteer's names a lower-case damaged token fits (cached: a word repeats)."""
    return frozenset(gazetteer_vocabulary().candidates(low, lambda ch: ord(ch) > limit))


_LOST_WORD = regex.compile(r"[\p{L}?\ufffd]+")
_INTACT_WORD = regex.compile(r"(?<![\p{L}?\ufffd])\p{L}+(?![\p{L}?\ufffd])")
# a word-frequency candidate wins when it is this much more common (Zipf: 1.0 = ten times)
CLEAR_WIN = 1.0
# a word of the caption's second (third) language counts this much less than one of its first
SECONDARY = 1.5
# a language is one of the caption's when this share of its intact words is common in it
# (relative to the best language's share)
LANGUAGE_SHARE = 0.75


@lru_cache(maxsize=256)
def caption_languages(text: str) -> tuple[str, ...]:
    """The languages a caption is written in, best first: those whose common words make up
    nearly as large a share of its intact words as the best one's. English alone → ``()``
    (an English caption's accented words are names from any language)."""
    from ..wordlists import word_lists

    lists = word_lists()
    if lists is None:
        return ()
    shares = lists.languages(w.lower() for w in _INTACT_WORD.findall(text))
    if not shares:
        return ()
    best = max(shares.values())
    langs = tuple(sorted((lang for lang, v in shares.items() if v >= LANGUAGE_SHARE * best),
                         key=lambda lang: -shares[lang]))
    return () if langs[:1] == ("en",) else langs


class Choice(NamedTuple):
    word: str | None  # the clear winner, if any
    zipf: float  # its frequency
    where: str  # the languages it was weighed in ("es,ca", "en", "any language")
    weighed: list[str]  # every candidate, most common first
    fits: int = 0  # how many words of any language fit


def _frequency_choice(tok: str, allowed, text: str, home_only: bool = False) -> Choice:
    """The word-frequency lists' choice for ``tok``.

    Candidates are weighed by their Zipf frequency in the caption's languages (English for
    an English caption); when none is a word there, in every language's (unless
    ``home_only``). One candidate must be ``CLEAR_WIN`` more common than the next.
    """
    # what a lost letter may be: beyond Latin-1 (é survived elsewhere) or beyond ASCII
    limit = 0x7F if allowed("é") else 0xFF
    home, away = caption_languages(text) or ("en",), () if home_only else _away(text)
    choice = _choice(tok.lower(), limit, home, home_only, away)
    if limit == 0xFF and choice.word is not None:
        # Latin-1 letters survive, so a lost one is beyond Latin-1 (dőlt, not dúlt); but the word
        # must also be the most common fit of any letter, so that a text whose é were restored
        # by this tool (and now reads as Latin-1) gets no choice its first reading refused
        wide = _choice(tok.lower(), 0x7F, home, home_only, away)
        if wide.weighed[:1] != [choice.word]:
            return Choice(None, 0.0, choice.where, wide.weighed)
    return choice


@lru_cache(maxsize=256)
def _away(text: str) -> tuple[str, ...]:
    """The ONLY_AT_HOME languages whose country the caption does not name (once per text)."""
    from ..wordlists import HOME_NAMES, ONLY_AT_HOME

    low = text.lower()
    return tuple(lang for lang in ONLY_AT_HOME if not any(name in low for name in HOME_NAMES.get(lang, ())))


@lru_cache(maxsize=8192)
def _choice(low: str, limit: int, home: tuple[str, ...], home_only: bool, away: tuple[str, ...]) -> Choice:
    """:func:`_frequency_choice` for one lower-case token (cached: a word repeats in an export)."""
    from ..wordlists import word_lists

    none = Choice(None, 0.0, "", [])
    lists = word_lists()
    if lists is None:
        return none
    found = lists.candidates(low, lambda ch: ord(ch) > limit)
    if not found:
        return none
    where = ",".join(home[:3])
    # a word of the caption's main language outweighs one of its other languages (Comité in a
    # Spanish caption that also reads as Portuguese, not Comitê): those count SECONDARY less
    rank = {lang: i for i, lang in enumerate(home)}
    scored = {w: max((z - (SECONDARY if rank[lang] else 0.0) for lang, z in ls.items() if lang in rank), default=0.0)
              for w, ls in found.items()}
    scored = {w: z for w, z in scored.items() if z > 0}
    if not scored:
        if home_only:
            return Choice(None, 0.0, "", sorted(found))
        where = "any language"
        scored = {w: max((z for lang, z in ls.items() if lang not in away), default=0.0)
                  for w, ls in found.items()}
        scored = {w: z for w, z in scored.items() if z}
        if not scored:
            return none
    ranked = sorted(scored.items(), key=lambda kv: -kv[1])
    names = [w for w, _ in ranked]
    if len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= CLEAR_WIN:
        return Choice(ranked[0][0], ranked[0][1], where, names, len(found))
    return Choice(None, 0.0, where, names, len(found))


# languages that write compounds as one word: a damaged part of one is a word of its own
_COMPOUNDING = ("de", "nl", "sv", "da", "nb", "fi", "hu", "is")
_AGGLUTINATING = ("hu", "fi")
# their one-letter endings after a word's stem: Hungarian plural -k, accusative -t, adjective -s,
# -n (on); Finnish genitive -n, plural -t (Ajtócseng?k → csengő + k, kend?s → kendő + s)
_ONE_LETTER_ENDINGS = {"hu": "ktsn", "fi": "nt"}


# Hungarian endings, back- and front-vowel forms (vowel harmony: the stem's last vowel chooses), in the
# order a word takes them: a derivation, a plural, a possessive, a case; a stem or an ending that ends
# in a or e lengthens it before the next one (tábla → táblája, demokrácia → demokráciáért)
_HU_ENDINGS = (
    ("ság", "ség"), ("ás", "és"), ("os", "es"), ("s", "s"), ("i", "i"),
    ("ok", "ek"), ("ak", "ek"), ("k", "k"),
    ("ja", "je"), ("já", "jé"), ("a", "e"), ("á", "é"), ("ai", "ei"), ("jai", "jei"),
    ("ot", "et"), ("at", "et"), ("t", "t"), ("ban", "ben"), ("ba", "be"), ("ból", "ből"), ("ról", "ről"),
    ("ra", "re"), ("tól", "től"), ("hoz", "hez"), ("nak", "nek"), ("val", "vel"), ("kal", "kel"),
    ("ért", "ért"), ("nál", "nél"), ("on", "en"),
)
_BACK_VOWELS, _FRONT_VOWELS = "aáoóuú", "eéiíöőüű"


def _endings_fit(ending: str, allowed, back: bool, depth: int = 3) -> set[str]:
    """The ways one to ``depth`` Hungarian endings of the stem's harmony spell ``ending`` (lost letters
    filled)."""
    out: set[str] = set()
    for pair in _HU_ENDINGS:
        form = pair[0] if back else pair[1]
        head = ending[: len(form)]
        if len(head) < len(form) or not all(a == b or (a in LOST and allowed(b)) for a, b in zip(head, form)):
            continue
        rest = ending[len(form):]
        if not rest:
            out.add(form)
        elif depth > 1:
            out |= {form + more for more in _endings_fit(rest, allowed, back, depth - 1)}
    return out


def _hungarian_ending(tok: str, allowed, text: str) -> tuple[str | None, str]:
    """``plak?tj?b?l`` → ``plakátjából``, ``demokr?ci??rt`` → ``demokráciáért``: a Hungarian word no
    list holds as a stem (a word with one clear fit, its final a or e lengthened before an ending,
    or an intact stem of four letters or more) and endings in the stem's vowel harmony; the longest
    stem that gives one spelling wins."""
    low = tok.lower()
    if low[:1] in LOST or low[-1:] in LOST:  # (a mark at an edge may be a quotation's: left to those rules)
        return None, ""
    for k in range(len(low) - 1, max(2, len(low) - 13), -1):  # (three endings are a dozen letters at most)
        stem, ending = low[:k], low[k:]
        if not _has_lost(ending) and not _has_lost(stem):
            continue
        words = []
        if _has_lost(stem):
            choice = _frequency_choice(stem, allowed, text, home_only=True)
            if choice.word is not None and choice.zipf >= 3.0:
                words.append(choice.word)
            elif stem[-1] in LOST and not choice.weighed:
                for short, long in (("a", "á"), ("e", "é")):
                    c = _frequency_choice(stem[:-1] + short, allowed, text, home_only=True)
                    if c.word is not None and c.zipf >= 3.0 and allowed(long):
                        words.append(c.word[:-1] + long)
        elif len(stem) >= 4 and len(ending) >= 3:  # (an intact stem, no list to check it: a longer ending)
            words.append(stem)
        spelled = set()
        for word in words:
            vowels = [ch for ch in word if ch in _BACK_VOWELS + _FRONT_VOWELS]
            if not vowels:
                continue
            back = any(v in _BACK_VOWELS for v in vowels[-2:]) if vowels[-1] in "eéií" else vowels[-1] in _BACK_VOWELS
            spelled |= {word + fill for fill in _endings_fit(ending, allowed, back)}
        if len(spelled) == 1:
            return spelled.pop(), f"{stem}+{ending}"
        if len(spelled) > 1:
            return None, ""
    return None, ""


def _compound_choice(tok: str, allowed, text: str, letters: int = 3) -> tuple[str | None, str]:
    """``Reichstagsgeb?ude`` → ``Reichstagsgebäude``: in a compounding language, the longest
    start or end of the word that holds every lost letter and is itself a common word with
    one clear fit (Zipf >= 3; a part of ten letters or more, which a wrong letter seldom turns into
    another word, 2.5: Wohlt?tigkeitseinrichtung). Returns (the restored token or None, the part used)."""
    langs = caption_languages(text)
    if not any(lang in _COMPOUNDING for lang in langs[:2]) or len(tok) < 6:
        return None, ""
    lost = [i for i, ch in enumerate(tok) if ch in LOST]
    first, last = lost[0], lost[-1]
    # agglutinating languages (Hungarian p?rtj?val, Finnish): a stem that holds the first lost
    # letters is enough; the rest of the word is left to the next round
    stems = any(lang in _AGGLUTINATING for lang in langs[:1])
    if langs[:1] == ("hu",):
        fitted, part = _hungarian_ending(tok, allowed, text)
        if fitted is not None:
            return "".join(b.upper() if a.isupper() else b for a, b in zip(tok, fitted)), part
    for size in range(len(tok) - 3, 3, -1):
        for a in (len(tok) - size, 0):  # the end, then the start
            b = a + size
            if a > first or (b <= last and not (stems and a == 0 and b > first)):
                continue
            if sum(ch.isalpha() for ch in tok[a:b]) < letters:
                continue
            choice = _frequency_choice(tok[a:b], allowed, text, home_only=True)
            if choice.word is not None and choice.zipf >= (3.0 if b > last else 3.5) - (0.5 if b - a >= 10 else 0):
                return tok[:a] + choice.word + tok[b:], tok[a:b]
    if not stems:
        # lost letters in both parts of a two-part compound (Fu?b?lle → Fußbälle): each part, of three
        # letters or more, a common word with one clear fit
        for p in range(3, len(tok) - 2):
            if not (first < p <= last):
                continue
            parts = [_frequency_choice(part, allowed, text, home_only=True) for part in (tok[:p], tok[p:])]
            if all(c.word is not None and c.zipf >= 3.0 for c in parts):
                return parts[0].word + parts[1].word, f"{tok[:p]}+{tok[p:]}"
    if stems and tok[-1] in _ONE_LETTER_ENDINGS.get(langs[0], "") and last < len(tok) - 1:
        # a stem and a one-letter ending: the stem a word of its own, or a compound's last part
        stem = tok[:-1]
        choice = _frequency_choice(stem, allowed, text, home_only=True)
        if choice.word is not None and choice.zipf >= 3.0:
            return choice.word + tok[-1], stem
        if not choice.weighed:
            fitted, part = _compound_choice(stem, allowed, text, letters)
            if fitted is not None:
                return fitted + tok[-1], part
    return None, ""


SHORT_WORD = 4.5
_NEXT_LOWER = regex.compile(r" [\p{Ll}\d?\ufffd]")
_NEXT_CAPITAL = regex.compile(r" \p{Lu}")
# a hashtag or a handle after a word (firar ocks? #vappenhemma)
_NEXT_SYMBOL = regex.compile(r" [#@]")
_CONTRACTION_END = regex.compile(r"[?\ufffd](?:s|re|ve|ll|d|m|t)$", regex.IGNORECASE)
# (a ? ends a sentence unless its word lost another letter too: ont ?t? ?lus)
_STARTS_SENTENCE = regex.compile(r"(?:^|[.!?…:]\s+|\n)[\"'“‘(«„¿¡]?$")


def _sentence_start(text: str, i: int) -> bool:
    """Does a sentence (or the text, or a line) start at ``i``? (A ? ends a sentence unless its
    word lost another letter too: ont ?t? ?lus.)"""
    m = _STARTS_SENTENCE.search(text[max(0, i - 4): i])
    if not m:
        return False
    j = max(0, i - 4) + m.start()
    if text[j: j + 1] != "?":
        return True
    k = j  # the word before the ?: does it hold another lost mark?
    while k > 0 and j - k < 40 and (text[k - 1].isalpha() or text[k - 1] in LOST):
        k -= 1
        if text[k] in LOST:
            return False
    return True


_NAME_BEFORE = regex.compile(r"\b\p{Lu}[\p{Ll}?\ufffd]+ $")


def _after_name(text: str, i: int) -> bool:
    """A capitalised word (not a sentence's first) comes just before ``i``: a name goes on (Marjan ?arec)."""
    m = _NAME_BEFORE.search(text[max(0, i - 30): i])
    # German capitalises every noun: a capital before says nothing there
    return bool(m) and not _sentence_start(text, i - len(m.group())) and "de" not in caption_languages(text)[:1]


# Brazilian Portuguese writes ô ê â where European Portuguese writes ó é á (quilômetros, quilómetros):
# the caption's country (Brazil, or elsewhere) chooses between the two spellings of one word
_BRAZILIAN = str.maketrans("óéá", "ôêâ")
# the countries that write European Portuguese (Portugal, Angola, Mozambique, Cape Verde, Guinea-Bissau,
# São Tomé, Timor-Leste, Macau)
_EUROPEAN_PORTUGUESE = frozenset(("PT", "AO", "MZ", "CV", "GW", "ST", "TL", "MO"))
_PLACE_NAME = regex.compile(r"\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?")


def _portuguese_spelling(choice: Choice, text: str) -> Choice:
    """A tie between the Brazilian and the European spelling of a Portuguese word, in a Portuguese
    caption: Brazilian where the caption names Brazil or a Brazilian place (a country, state or city of
    the gazetteer), European where it names a place of a country that writes European Portuguese and no
    Brazilian one; else the tie stays."""
    if len(choice.weighed) < 2 or "pt" not in caption_languages(text)[:1]:
        return choice
    a, b = choice.weighed[:2]
    if a == b or a.translate(_BRAZILIAN) != b.translate(_BRAZILIAN):
        return choice
    country = _named_countries(text)
    brazil, europe = "BR" in country, bool(country & _EUROPEAN_PORTUGUESE)
    if brazil == europe:
        return choice  # neither, or both: no way to tell
    brazilian = a if a.translate(_BRAZILIAN) == a else b
    word = brazilian if brazil else (a if brazilian == b else b)
    return choice._replace(word=word, zipf=RARE, where="pt: " + ("BR" if brazil else "not BR"))


@lru_cache(maxsize=64)
def _named_countries(text: str) -> frozenset[str]:
    """The countries whose names, states or cities (the gazetteer's) the caption's intact words name."""
    from .. import tables

    codes: set[str] = set()
    for m in _PLACE_NAME.finditer(text):
        for name in (m.group(), m.group().split(" ")[0]):
            country = tables.lookup_country(name)
            if country is not None:
                codes.add(country.code)
            city = tables.lookup_city(name)
            if city is not None:
                codes.add(city[0])
            codes |= tables.lookup_subdivision(name)
    return frozenset(codes)


_QUESTION_OPENING = regex.compile(r"¿|(?:^|(?<=[\s(\"“«]))[?\ufffd](?=\p{L})")
# (not a ?, which may be the lost letter of a word, or the end of a question opened before)
_SENTENCE_BOUNDARY = regex.compile(r"[.!…\n](?=\s)")


def _unopened_question(text: str, i: int) -> bool:
    """Spanish opens every question with ¿ (lost, a mark before a word): in a Spanish caption, a ? after
    the word at ``i`` whose sentence opened none closes no question (Jos? Luis Bonet → José)."""
    if caption_languages(text)[:1] not in (("es",), ("ca",)):
        return False
    start = max(0, i - 300)
    for m in _SENTENCE_BOUNDARY.finditer(text, start, i):
        start = m.end()
    return _QUESTION_OPENING.search(text, start, i) is None


@lru_cache(maxsize=16)
def _mark_index(text: str) -> tuple[list[int], list[int], list[int]]:
    """Where the text's lost marks could close and open a quotation, and its line breaks (once per
    text: the rules below ask of every damaged word what follows it in its paragraph, which a search to
    the paragraph's end each time would make quadratic in a long one-line text)."""
    return ([m.start() for m in _CLOSE.finditer(text)], [m.start() for m in _OPEN.finditer(text)],
            [i for i, ch in enumerate(text) if ch == "\n"])


def _first_after(positions: list[int], i: int, stop: int) -> int | None:
    k = bisect_left(positions, i)
    return positions[k] if k < len(positions) and positions[k] < stop else None


def _paragraph_end(text: str, i: int) -> int:
    breaks = _mark_index(text)[2]
    k = bisect_left(breaks, i)
    return breaks[k] if k < len(breaks) else len(text)


def _unpaired_open(text: str, end: int) -> bool:
    """No lost mark after ``end`` in the paragraph closes a quotation before another one opens: a mark
    before the word ending at ``end`` opened none (?tvenhatos golyónyomok, ?Le az …? → ötvenhatos)."""
    closes, opens, _ = _mark_index(text)
    stop = _paragraph_end(text, end)
    close, opening = _first_after(closes, end, stop), _first_after(opens, end, stop)
    return close is None or (opening is not None and opening < close)


def _name_initial(text: str, start: int, end: int) -> bool:
    """A word at ``start`` that lost its first letter follows a first name (Marjan ?arec), and no lost
    mark after it in the paragraph could close a quotation it opened (Victoria “Pixie” Lott)."""
    if not _after_name(text, start):
        return False
    return _first_after(_mark_index(text)[0], end, _paragraph_end(text, end)) is None


_NAME_HYPHEN = regex.compile(r"\b\p{Lu}\p{Ll}+-$")


def _name_part(text: str, i: int) -> bool:
    """The word at ``i`` follows a capitalised word and a hyphen inside a sentence: a hyphenated
    name's every part is capitalised (Champs-?lys?es → Champs-Élysées, Jean-?mile)."""
    m = _NAME_HYPHEN.search(text[max(0, i - 30): i])
    return bool(m) and not _sentence_start(text, i - len(m.group()))


def _outweighs(tok: str, core: str, text: str, end: int) -> bool:
    """``práv? teď``: in a caption that is not English, a word that ends in a lost mark before a
    lower-case word (not a speech verb) is the word with a letter (právě) when that is CLEAR_WIN
    more common in the caption's languages than the word without it (práv), not a question."""
    from ..wordlists import word_lists

    nxt = _NEXT_WORD.match(text, end)
    langs = caption_languages(text)
    if not nxt or not langs or "en" in langs or nxt.group(1).casefold() in _SPEECH_VERBS:
        return False
    choice = _frequency_choice(tok, _non_ascii, text, home_only=True)
    if choice.word is None:
        return False
    bare = word_lists().candidates(core.lower(), lambda ch: True).get(core.lower(), {})
    return choice.zipf - max((z for lang, z in bare.items() if lang in langs), default=0.0) >= CLEAR_WIN


# (the next word may follow a lost one-letter word: tu? ? bout portant, tué à bout portant)
_NEXT_WORD = regex.compile(r" (?:[?\ufffd] )?(\p{Ll}+)")


# languages that space their question marks and their quotation marks (French: « ça va ? »)
_SPACED_MARKS = ("fr",)


def _glued_in_spaced_language(text: str, start: int, end: int) -> bool:
    """``aucun ?lu à droite``: in a caption written in a language that spaces its question marks and
    quotation marks (French), a mark glued to the start of a word inside a sentence (after a lower-case
    word and a space, before a space and a lower-case word) is neither, when no mark after it closes a
    quotation: a lost letter. (Not after a credit: ``AFP ?le même jour`` is a cut's ``…``.)"""
    if caption_languages(text)[:1] != _SPACED_MARKS[:1] or start < 2 or text[start - 1] != " " \
            or not text[start - 2].islower():
        return False
    return bool(_NEXT_LOWER.match(text, end)) and _unpaired_open(text, end)


def _has_lost(text: str) -> bool:
    """A lost-character mark (any of LOST: ``?``, U+FFFD) in ``text`` (two C scans, not a Python loop)."""
    return "?" in text or "\ufffd" in text


def _any_word(word: str) -> bool:
    """Is ``word`` a common word of some language (or any English word)?"""
    from ..wordlists import word_lists

    lists = word_lists()
    low = word.lower()
    return not lists or low in lists.english or low in lists.common


def _english(text: str) -> bool:
    """Is the caption English (or of no language the lists tell)? Contractions are English."""
    langs = caption_languages(text)
    return not langs or "en" in langs


def _contraction_like(text: str, start: int, tok: str) -> bool:
    """``don?t``, ``we?re``, ``didn?t``: an English contraction's lost apostrophe, not a letter."""
    m = _CONTRACTION_END.search(tok)
    if not m or tok.count("?") + tok.count("\ufffd") != 1 or not _english(text):
        return False
    head = tok[: m.start()]
    if m.group()[1:].lower() == "t" and head[-1:].lower() == "n":
        return True
    return _known_word(head, text) or (head.lower() == "i" and m.group()[1:].lower() == "m")


def _known_word(word: str, text: str) -> bool:
    """``word`` (intact) is a common word of the caption's languages or of English: a ? beside it
    is punctuation (``Why now?``, ``?We``) rather than a lost letter."""
    from ..wordlists import word_lists

    lists = word_lists()
    if not lists or len(word) < 2:
        return False
    low = word.lower()
    langs = caption_languages(text)
    return (low in lists.english and (not langs or "en" in langs)) or any(
        lang in langs for lang in lists.common.get(low, ()))


def restore_lost_letters(text: str, opts: RepairOptions, hyp: str | None = None,
                         evidence: bool = False) -> tuple[str, list[Repair], list[str]]:
    """``Bogot?`` → ``Bogotá``, ``espa?ol`` → ``español``: a word with lost letters that one known word fits.

    Known words, by the strength of their evidence: the export's own vocabulary
    (``opts.vocabulary``: one fitting word is enough), the word-frequency lists of the
    caption's languages (wordfreq: one candidate must be ten times more common than the
    next), the gazetteer's place names (one fitting name). A ``?`` only at the end of a
    word must be followed by ``, ; : )``, a lower-case word, or (in text that shows lost
    characters elsewhere) any word, and the word without it must not be a word itself, so
    a real question (``Why now?``) is left; likewise a ``?`` only at the start (``?We``: a quote).
    """
    if "?" not in text and "\ufffd" not in text:
        return text, [], []  # (a round after the last mark was restored: nothing to look at)
    hyp = hyp or lossy_hypothesis(text)
    if "\ufffd" not in text and hyp == "none":
        return text, [], []
    export = opts.vocabulary if opts.vocabulary else None
    gaz = gazetteer_vocabulary() if opts.gazetteer else None
    warnings: list[str] = []
    evidence = evidence or _has_evidence(text, _url_spans(text))

    def allowed(ch: str) -> bool:
        return ord(ch) > 0xFF if hyp == "latin1" else ord(ch) > 127

    like: dict[str, bool] = {}  # token → _contraction_like (it reads the token and the caption only)

    def contraction_like(tok: str) -> bool:
        got = like.get(tok)
        if got is None:
            got = like[tok] = _contraction_like(text, 0, tok)
        return got

    def fill(m: regex.Match):
        tok = m.group()
        got = fill_token(m, tok)
        if got is None and tok[:1] in LOST and _has_lost(tok.strip(LOST)):
            # ?Qui?n (¿Quién): the word inside an opening mark
            k = len(tok) - len(tok.lstrip(LOST))
            got = fill_token(m, tok[k:], m.start() + k)
            if got is not None:
                return tok[:k] + got[0], got[1]
        return got

    def fill_token(m: regex.Match, tok: str, start: int | None = None):
        start = m.start() if start is None else start
        if not _has_lost(tok):
            return None
        core = tok.strip(LOST)
        if not core or len(tok) < 2 or (len(tok) == 2 and "\ufffd" not in tok and not evidence):
            return None
        inner = _has_lost(core)
        if inner and contraction_like(tok) and not (
                gaz is not None and _places(tok.lower(), 0x7F if allowed("é") else 0xFF)):
            return None  # it?s, don?t (but Tom?s is Tomás: a place name fits)
        trailing = len(tok) - len(tok.rstrip(LOST))
        leading = len(tok) - len(tok.lstrip(LOST))
        if not inner:
            # only at an edge: a real question mark or a quote unless the context says otherwise
            if leading and len(core) < 3 and not caption_languages(text):
                return None
            if _known_word(core, text) and not (trailing and not leading and evidence and hyp != "none"
                                                and _outweighs(tok, core, text, m.end())) \
                    and not (leading and not trailing and evidence and hyp != "none"
                             and _glued_in_spaced_language(text, start, m.end())):
                return None
            if trailing and "\ufffd" not in tok[-trailing:]:
                nxt = text[m.end(): m.end() + 2]
                # (a question never ends in "?.": Helsingiss?.)
                if not (nxt[:1] in (",", ";", ":", ")") or (evidence and _NEXT_LOWER.match(nxt))
                        or (evidence and nxt[:1] == "." and not _known_word(core, text))
                        or (evidence and hyp != "none" and _NEXT_CAPITAL.match(nxt))
                        or (hyp != "none" and len(core) >= 3 and not _any_word(core)
                            and (_NEXT_CAPITAL.match(nxt) or (evidence and nxt[:1] in ("\n", ""))
                                 or (evidence and _NEXT_SYMBOL.match(nxt))))
                        or (hyp != "none" and len(core) >= 3 and _NEXT_CAPITAL.match(nxt)
                            and _unopened_question(text, start))):
                    # (fianc? Kevin, Jos? Luis, Aqu? at a line's end: "fianc", "jos", "aqu" are no
                    # word in any list, so the ? is no question's)
                    return None
            if leading and ((len(core) < 3 and not caption_languages(text))
                            or ("\ufffd" not in tok[:leading] and not (evidence and hyp != "none"))):
                return None
        if "?" in tok and hyp == "none":
            return None
        cand, rule = None, ""
        if export is not None:
            # (Latin-1 reading: a word is one fit among every letter beyond ASCII, as in _frequency_choice)
            found = export.candidates(tok, _non_ascii if hyp == "latin1" else allowed)
            if hyp == "latin1" and len(found) == 1 and not export.candidates(tok, allowed):
                found = set()
            if len(found) == 1:
                cand, rule = found.pop(), "vocabulary"
            elif len(found) > 1 and inner:
                warnings.append(f"ambiguous_lost_letters: {tok} ({', '.join(sorted(found))})")
                return None
        places = _places(tok.lower(), 0x7F if allowed("é") else 0xFF) \
            if (cand is None and gaz is not None and (inner or len(core) >= 3)) else frozenset()
        if len(places) == 1 and hyp == "latin1" and len(_places(tok.lower(), 0x7F)) > 1:
            places = _places(tok.lower(), 0x7F)  # one fit beyond Latin-1, others in it: ambiguous
        # a mark only before the word that opens no quotation (no mark closes one before the next opens)
        unpaired = leading and not trailing and not inner and evidence and _unpaired_open(text, m.end())
        if cand is None:
            # a ? only at an edge may be a quote or a question: a word of another language than the
            # caption's is not evidence enough there (Bandit? → banditų), a place name is
            # (a lost capital that starts a name after a first name, which no mark closes as a quote,
            # is a name's letter of any language: Marjan ?arec → Šarec)
            # (likewise a name in capitals that is no word without the mark: Exercise TAUREAU MOUILL?,)
            choice = _frequency_choice(tok, allowed, text, home_only=not inner and not (
                leading and not trailing and _name_initial(text, start, m.end())) and not (
                len(core) >= 4 and tok.isupper() and not _any_word(core)))
            if choice.word is None and inner and tok.islower():
                choice = _portuguese_spelling(choice, text)
            short = len(tok) <= 3 and not inner  # ?r, n?: only a very common word is sure enough
            # (unless the letters left are no common word of its languages, the mark ends the word before a lower-case
            # word, in a caption not in English that lost letters elsewhere: bl? qu'une → blé)
            if short and trailing and not leading and evidence and hyp != "none" and len(core) == 2 \
                    and caption_languages(text) and not _english(text) \
                    and _NEXT_LOWER.match(text, m.end()) and choice.zipf >= 3.0:
                short = False
            if choice.word is not None and short and choice.zipf < SHORT_WORD:
                choice = choice._replace(word=None)
            # a name (capitalised, inside a sentence) needs a common word: a rare one is a guess
            # (German capitalises every noun: there, only after another capitalised word, Jürgen Pf?hler)
            # (unless it is the one word of any language that fits a lost letter inside it, and above
            # the lists' floor, where a name (Pf?hler) meets one surname of many: M?ori, Say?o)
            if choice.word is not None and choice.zipf < 3.0 and tok[:1].isupper() and not _sentence_start(text, start) \
                    and not (inner and choice.fits == 1 and choice.zipf > RARE) \
                    and ("de" not in caption_languages(text)[:1] or _NAME_BEFORE.search(text[max(0, start - 30): start])):
                choice = choice._replace(word=None)
            # a place name that fits vetoes another word for a capitalised word, unless the
            # caption's own language says otherwise
            if choice.word is not None and (len(places) != 1 or choice.word in places or not tok[:1].isupper()
                                            or choice.where not in ("en", "any language")):
                cand, rule = choice.word, f"wordfreq {choice.where}"
            elif len(places) == 1 and choice.word is None and (not choice.weighed or set(choice.weighed) & places):
                cand, rule = next(iter(places)), "gazetteer"
            elif (inner or not leading or unpaired) and not choice.weighed and not places \
                    and _compound_choice(tok, allowed, text, 3 if inner or unpaired else 5)[0]:
                # (a mark only at the end may still be a question: the part must be a longer word)
                fitted, part = _compound_choice(tok, allowed, text, 3 if inner or unpaired else 5)
                cand, rule = fitted.lower(), f"wordfreq {choice.where or ','.join(caption_languages(text)[:3])}: {part}"
            else:
                every = sorted(set(choice.weighed) | places)
                if len(every) > 1 and inner:
                    warnings.append(f"ambiguous_lost_letters: {tok} ({', '.join(every[:6])})")
                return None
        upper = all(ch.isupper() for ch in tok if ch.isalpha()) and len(tok) > 1 and any(ch.isalpha() for ch in tok)
        # a lost first letter: a capital at a sentence's start, in a name (a place or a word of the
        # export, or after a capitalised word) unless the word is a common word of the caption's
        # language (ont été ?lus, Világosságot ?s: élus, és)
        common = _known_word(cand, text)
        # a place's name is written with a capital even where it is a common word (Abiy Addi, ?thiopie)
        place = gaz is not None and tok[:1] in LOST and cand in _places(tok.lower(), 0x7F)
        out = []
        for i, (a, b) in enumerate(zip(tok, cand)):
            if a not in LOST:
                out.append(a)
            elif (upper or (i == 0 and len(tok) > 1 and tok[1].isupper())
                  or (i == 0 and (_sentence_start(text, start) or place or _name_part(text, start) or (not common and (
                      rule in ("gazetteer", "vocabulary") or _after_name(text, start)))))) \
                    and len(b.upper()) == 1:
                out.append(b.upper())
            else:
                out.append(b)
        return "".join(out), f"lost_letters[{rule}]"

    new, repairs = sub("lost_letters", _LOST_WORD, text, fill, skip=_url_spans(text), opts=opts)
    return new, repairs, warnings


# --- punctuation: ’ “ ” – © ------------------------------------------------------
# A lost apostrophe inside a word: it?s, don?t, we?re, I?m, Zacatecoluca?s
_CONTRACTION = regex.compile(
    rf"(?<=\p{{L}}){_L}(?=(?i:s|re|ve|ll|d)\b)|(?<=\p{{L}}[nN]){_L}(?=[tT]\b)|(?<=\bI){_L}(?=m\b)"
    rf"|(?<=\b(?:\p{{Lu}}\.){{2,}}){_L}(?=s\b)")  # U.S.?s, S.S.A.B.?s


def _word_around(text: str, i: int) -> str:
    a = b = i
    while a > 0 and (text[a - 1].isalpha() or text[a - 1] in LOST):
        a -= 1
    while b < len(text) and (text[b].isalpha() or text[b] in LOST):
        b += 1
    return text[a:b]


def _non_ascii(ch: str) -> bool:
    return ord(ch) > 127
# O?Hare, d?Esquadra, L?Oreal
_ELISION = regex.compile(rf"(?<=\b[OoDdLl]){_L}(?=\p{{Lu}}\p{{Ll}})")
# French, Italian, Catalan elide an article or pronoun before a vowel: l?alliance, d?un, qu?il
_ELIDING = ("fr", "it", "ca")
_ELIDED_ARTICLE = regex.compile(
    rf"(?<=\b(?i:[ldjmnstc]|qu|nell|dell|all|sull|un)){_L}(?=(?P<word>[aeiouhàâéèêîôûAEIOUHÀÂÉÈÊÎÔÛ]\p{{L}}+))")
# ?90s
_DECADE = regex.compile(rf"(?:(?<=^)|(?<=[\s(]))(?<!\d\s){_L}(?=\d0s\b|\d\d(?![\d.,:/-]?\d))")
# a plural's lost apostrophe: Officers? Memorial, Democrats? luncheon
_PLURAL = regex.compile(rf"(?P<word>\b\p{{L}}*[sSzZ])(?P<q>{_L}) (?P<next>[\p{{L}}][\p{{L}}'’-]*)")
# words that start a new sentence or a credit rather than continue a name
_SENTENCE_STARTERS = frozenset("""
a an the this that these those it its he she they we i you his her their our my your there here
what who whom whose which why how when where is are was were do does did will would can could should
and but or so yet if not no yes maybe perhaps photo photos photograph picture image credit source
file handout pool reuters afp ap epa getty said says asked asks added told wrote shouted cried
""".split())
_SPEECH_VERBS = frozenset("said says asked asks added adds told tells wrote writes shouted cried".split())
_OPEN = regex.compile(rf"(?:(?<=^)|(?<=[\s(\[/—–-])){_L}(?=[\p{{L}}\d])")
# (Hungarian joins a suffix to a quotation with a hyphen: „Le az uszítókkal”-felirat)
_CLOSE = regex.compile(rf"(?<=[\p{{L}}\d.,!?…)’]){_L}(?=[\s,.;:!)\]—–]|-\p{{L}}|$)")
_NUMBER_DASH = regex.compile(rf"(?<=\d){_L}(?=\d)")
_COPYRIGHT = regex.compile(rf"(?m)^{_L}(?= \p{{Lu}}[^\n]*/)")
_BEFORE_SPEECH = regex.compile(
    rf"(?<=\p{{L}}){_L}(?= (?:{'|'.join(sorted(_SPEECH_VERBS))})\b)", regex.IGNORECASE)
_AGENCY_WORDS = regex.compile(r"[\p{L}-]+(?: [\p{L}-]+){0,2}")
_DATELINE_DATE = regex.compile(r"(\p{L}+)\.? \d{1,2}\b")
_EVIDENCE = regex.compile(rf"\ufffd|(?<=\p{{L}})\?(?=\p{{L}})|(?:(?<=^)|(?<=\s))\?(?=\p{{L}})|(?<=\d)\?(?=\d)")
_SENTENCE_END = regex.compile(r"[.!?…]\s")


# an English abbreviation's apostrophe before its last consonant or two: Int?l, Nat?l, Gov?t
_ELIDED_MARK = regex.compile(rf"(?<=\b\p{{L}}{{2,}}){_L}(?=\p{{L}}{{1,2}}\b)")


def _abbreviation(text: str, m: regex.Match, opts: RepairOptions):
    """``Incheon Int?l Airport`` → ``Int’l``: the word with an apostrophe is one of the English
    abbreviations of the word lists (``int'l``, ``nat'l``, ``gov't``), and no word fits a lost letter."""
    from ..wordlists import word_lists

    lists = word_lists()
    word = _word_around(text, m.start())
    if lists is None or word.lower().replace(text[m.start()], "'", 1) not in lists.elided:
        return None
    if lists.candidates(word, _non_ascii) or (opts.gazetteer and gazetteer_vocabulary().candidates(word, _non_ascii)):
        return None
    return opts.apostrophe, "lost_apostrophe[abbreviation]"


def _apostrophes(text, opts, url, lossy_ok):
    apo = opts.apostrophe
    repairs = []

    decided: dict[tuple[str, bool], str | None] = {}  # (word, an s follows) → the answer (words repeat)

    def contraction(m: regex.Match) -> str | None:
        word = _word_around(text, m.start())
        key = (word, text[m.end(): m.end() + 1] == "s")
        if key not in decided:
            decided[key] = _contraction(word, key[1])
        return decided[key]

    def _contraction(word: str, s_follows: bool) -> str | None:
        # a word a known place name fits (Andr?s: Andrés, András) lost a letter, not an apostrophe
        if not _english(text) and not (word[:1].isupper() and s_follows):
            return None  # pa?s, fr?re in a Spanish or French caption: a lost letter (Name?s stays ’s)
        if opts.gazetteer and lossy_ok and word[:1] not in LOST and gazetteer_vocabulary().candidates(word, _non_ascii):
            return None
        return apo

    text, r = sub("lost_apostrophe", _CONTRACTION, text, contraction, skip=url, opts=opts)
    repairs += r
    if lossy_ok and _english(text):
        text, r = sub("lost_apostrophe", _ELIDED_MARK, text, lambda m: _abbreviation(text, m, opts),
                      skip=url, opts=opts)
        repairs += r
    text, r = sub("lost_apostrophe", _ELISION, text, apo, skip=url, opts=opts)
    repairs += r
    if lossy_ok and any(lang in _ELIDING for lang in caption_languages(text)[:2]):
        text, r = sub("lost_apostrophe", _ELIDED_ARTICLE, text,
                       lambda m: apo if _known_word(m.group("word"), text) else None, skip=url, opts=opts)
        repairs += r
    text, r = sub("lost_apostrophe", _DECADE, text, apo, skip=url, opts=opts)
    repairs += r
    return text, repairs


# Polynesian languages (Hawaiian, Samoan, Tongan, Māori…) write a glottal stop, the ʻokina, between
# two vowels; exports write it as an apostrophe (Kauaʻi, Tupaʻi, Vaʻai). Their words are open
# syllables: a consonant of the small Polynesian alphabet, then a vowel, never two consonants
# together, never a consonant at the end. A lost mark between vowels in such a word that no list
# or place name fits (the letter rules ran first) is the okina, not a lost letter or a question.
_OKINA = regex.compile(rf"(?<=[aeiouAEIOU]){_L}(?=[aeiou])")
_POLYNESIAN = regex.compile(r"(?i)(?:[hklmnpwfgstvr]?[aeiouāēīōū]|'[aeiouāēīōū])+")


def _okina_word(word: str) -> bool:
    """Is ``word`` (its lost marks as ') made of Polynesian open syllables, a mark between vowels?"""
    w = "".join("'" if ch in LOST else ch for ch in word)
    return len(w) >= 4 and "'" in w[1:-1] and bool(_POLYNESIAN.fullmatch(w))


def _glottal_stops(text, opts, url, lossy_ok):
    """``Kaua?i`` → ``Kaua’i``: the okina (glottal stop) of a Polynesian name, in an English caption."""
    if not lossy_ok or not _english(text):
        return text, []
    from ..wordlists import word_lists

    lists = word_lists()

    def okina(m: regex.Match) -> str | None:
        word = _word_around(text, m.start())
        if not word or not word[0].isalpha() or not _okina_word(word):
            return None
        if lists is not None and lists.candidates(word, _non_ascii):
            return None  # a word of some language fits: a lost letter (left to the letter rules)
        if opts.gazetteer and gazetteer_vocabulary().candidates(word, _non_ascii):
            return None
        if opts.vocabulary is not None and opts.vocabulary.candidates(word, _non_ascii):
            return None
        return opts.apostrophe, "lost_apostrophe[okina]"

    return sub("lost_apostrophe", _OKINA, text, okina, skip=url, opts=opts)


def _plural_possessive(text, opts, lossy_ok):
    warnings: list[str] = []

    def possessive(m: regex.Match) -> str | None:
        word, q, nxt = m.group("word"), m.group("q"), m.group("next")
        if lossy_ok and not _english(text):
            return None  # the English plural possessive (Officers? Memorial): not in Jos? Luis
        low = nxt.casefold()
        if nxt[0].islower() and low not in _SPEECH_VERBS:
            ok = True
        elif nxt[0].isupper() and word[:1].isupper() and low not in _SENTENCE_STARTERS and (
            not nxt.isupper() or word.isupper()
        ):
            ok = lossy_ok or q == "\ufffd"
        else:
            ok = False
        if not ok:
            warnings.append(f"ambiguous_question_mark: {word}{q} {nxt}")
            return None
        return word + opts.apostrophe + " " + nxt

    text, repairs = sub("lost_apostrophe", _PLURAL, text, possessive, opts=opts)
    return text, repairs, warnings


def _possessive_like(text: str, i: int) -> bool:
    return i > 0 and text[i - 1] in "sS" and text[i + 1: i + 2] == " " and text[i + 2: i + 3].isalpha()


# the quotation marks a language opens and closes with, where they are not “ ”
_QUOTE_STYLES = {
    **dict.fromkeys(("de", "cs", "sk", "sl", "is", "lt", "lv"), ("„", "“")),
    **dict.fromkeys(("hu", "pl", "ro", "sh"), ("„", "”")),
}


def _language_quotes(text: str) -> tuple[str, str]:
    """The caption's language's quotation marks (German „ “, Hungarian and Polish „ ”), else “ ”."""
    langs = caption_languages(text)
    return _QUOTE_STYLES.get(langs[0], ("“", "”")) if langs else ("“", "”")


_QUOTED_WORD = regex.compile(r"\p{Lu}\p{Ll}*(?= )")


def _opens_quote(text: str, o: int) -> bool:
    """A lost mark at a sentence's start before a capitalised common word (``?We do two``): a
    question mark never stands there, and the word is whole, so no letter of it was lost."""
    m = _QUOTED_WORD.match(text, o + 1)
    return bool(m) and _sentence_start(text, o) and _known_word(m.group(), text)


def _quotes(text, opts, url, lossy_ok):
    """Pair an opening lost mark (before a word) with the next closing one (after a word)."""
    if not opts.on("lost_quotes"):
        return text, [], []
    lq, rq = opts.quotes if opts.straight_quotes else _language_quotes(text)
    if (lq, rq) == ("“", "”") and not opts.straight_quotes and opts.vocabulary is not None \
            and opts.vocabulary.quote_pair is not None:
        lq, rq = opts.vocabulary.quote_pair  # the export's habit: some outlets quote in ‘ ’
    repairs, warnings = [], []
    in_url = in_spans(url)
    opens = [m.start() for m in _OPEN.finditer(text) if not in_url(m.start())]
    closes = [m.start() for m in _CLOSE.finditer(text) if not in_url(m.start())]
    pairs, lone = [], []
    lo = 0  # closes before this index are used up (linear time: no list rebuilt per pair)
    for k, o in enumerate(opens):
        limit = opens[k + 1] if k + 1 < len(opens) else len(text)
        nl = text.find("\n", o, o + 300)
        limit = min(limit, nl if nl >= 0 else len(text), o + 300)
        i = bisect_right(closes, o, lo)
        cands = [c for c in closes[i: i + 2] if c < limit]  # the first two are all that is used
        if not cands:
            if lossy_ok and _opens_quote(text, o):
                lone.append(o)  # a quotation that runs on past the paragraph: opened, never closed
            else:
                warnings.append(f"lost_character: {_context(text, o, o + 1).strip()}")
            continue
        c = cands[0]
        if _possessive_like(text, c) and len(cands) > 1 and not _possessive_like(text, cands[1]) \
                and not _SENTENCE_END.search(text, c, cands[1]):
            c = cands[1]
        pairs.append((o, c))
        lo = bisect_right(closes, c, lo)
    if not pairs and not lone:
        return text, repairs, warnings
    chars = list(text)
    for o in lone:
        chars[o] = lq
        repairs.append(Repair("lost_quotes", _context(text, o, o + 1).strip(),
                              (text[max(0, o - 12): o] + lq + text[o + 1: o + 13]).strip()))
    for o, c in pairs:
        before = text[o: c + 1]
        chars[o], chars[c] = lq, rq
        repairs.append(Repair("lost_quotes", before if len(before) <= 60 else before[:28] + "…" + before[-28:],
                              "".join(chars[o: c + 1]) if len(before) <= 60
                              else lq + before[1:28] + "…" + before[-28:-1] + rq))
    return "".join(chars), repairs, warnings


# Spanish opens a question (exclamation) with ¿ (¡): a lost mark that starts a sentence whose
# end is a ? (!) in a caption written in Spanish (or Catalan, Galician, Asturian)
_INVERTED_OPEN = regex.compile(rf"(?:(?<=^)|(?<=[.!?…:;\n]\s?)|(?<=[.!?…]\s[\"“]))[?\ufffd](?=\p{{L}})")
_INVERTED_LANGS = ("es", "ca")
_SENTENCE_MARK = regex.compile(r"[?!.](?=[\s\"”),;]|$)")


def _inverted_marks(text, opts, url, hyp):
    """``?Qui\u00e9n es?`` → ``¿Quién es?``; ``?Viva!`` → ``¡Viva!`` (Spanish, lossy text only)."""
    if hyp == "none" and "\ufffd" not in text:
        return text, [], []
    langs = caption_languages(text)
    if not langs or langs[0] not in _INVERTED_LANGS:
        return text, [], []
    repairs: list[Repair] = []

    def mark(m: regex.Match):
        # the sentence's end: the first ? or ! followed by a space, a quote, or the end (within 300 chars)
        end = _SENTENCE_MARK.search(text, m.end(), m.end() + 300)
        if not end or end.group() == ".":
            return None
        return "¿" if end.group() == "?" else "¡"

    text, r = sub("lost_inverted_mark", _INVERTED_OPEN, text, mark, skip=url, opts=opts)
    return text, r, []


def _month(text: str, i: int) -> bool:
    from ..tables import MONTHS

    return _DATELINE_DATE.match(text, i).group(1).casefold() in MONTHS


def _agency_follows(text: str, i: int) -> bool:
    """``Name ? Reuters``: a spaced mark before an agency name is a credit's dash."""
    from ..tables import load_agencies

    words = _AGENCY_WORDS.match(text, i)
    if not words:
        return False
    parts = words.group().split()
    agencies = load_agencies()
    return any(agencies.lookup(" ".join(parts[:n])) for n in range(1, min(3, len(parts)) + 1))


def _has_evidence(text: str, url) -> bool:
    """Some lost mark in the text cannot be a question mark (inside a word, before one, between digits)."""
    in_url = in_spans(url)
    return any(not in_url(m.start()) for m in _EVIDENCE.finditer(text))


# a lone mark between words: a dash, a question mark (French puts a space before it), or a
# one-letter word (French à, Portuguese é)
_LONE = regex.compile(rf"(?<=[\p{{L}}\d,.;:)’”\"']) {_L} (?=[\p{{L}}\d(“\"‘$])")
# a dash glued between two words: rescuers?two, Jadallah?Anadolu
_GLUED = regex.compile(rf"(?<=\b(?P<left>\p{{L}}{{3,}})){_L}(?=(?P<right>\p{{L}}{{3,}})\b)")
# © before a credit: at a line's or sentence's start or after "(", before a capitalised name and a slash
_COPYRIGHT_CREDIT = regex.compile(
    rf"(?:(?<=^)|(?<=\n)|(?<=[.!?”\"]\s)|(?<=\())[?\ufffd](?= ?\p{{Lu}}[^\n.()]{{0,40}}/)"
    rf"|(?<=\()[?\ufffd](?= \p{{Lu}})")  # (? Bundesarchiv, …: nothing else opens a bracket before a space


@lru_cache(maxsize=1)
def _after_credit_label() -> regex.Pattern:
    """A lost mark alone after a credit label (credit_markers.csv, kind "label") and before a name:
    ``Photo: ? European Union``, ``(photo ? hidden europe)`` → ©."""
    from ..tables import CREDIT_MARKERS

    labels = "|".join(regex.escape(m) for m in sorted(CREDIT_MARKERS.get("label", ()), key=len, reverse=True))
    # (the mark first: the look behind is tried only where a mark stands)
    return regex.compile(rf"[?\ufffd](?<=(?:^|[\s(])(?i:{labels}):? [?\ufffd])(?= \p{{L}})")


# French guillemets keep a space inside: « Technic school »
_GUILLEMETS = regex.compile(rf"(?<=[\s(]){_L} (?P<inner>[\p{{L}}\d][^?\ufffd\n.!;«»]{{0,60}}?[\p{{L}}\d]) {_L}(?=[\s,.;:)]|$)")
_FRENCH_QUESTION = ("fr",)
# ... and a quotation French reports with an inverted verb after it (« Les ONG ne nous aident presque
# pas. Depuis un an… », explique-t-il): the spaced mark before ", dit-il" closes it, the last spaced mark
# before a capital at a line's or a sentence's start (not after a word: Pourquoi ? Nous) opens it
_GUILLEMETS_INCISE = regex.compile(
    rf"(?:(?<=^)|(?<=\n)|(?<=[.!…:] )){_L} (?P<inner>\p{{Lu}}[^?\ufffd\n«»]{{0,300}}?[\p{{L}}\d.!…]) {_L}"
    rf"(?=, [\p{{Ll}}?\ufffd]+-(?:t-)?(?:il|elle|ils|elles|on)\b)")


def _one_letter_word(text: str, i: int, hyp: str) -> str | None:
    """The caption's language's one-letter word with a letter a lossy step drops (à, é), if very common."""
    langs = caption_languages(text)
    if not langs:
        return None
    allowed = (lambda ch: ord(ch) > 0xFF) if hyp == "latin1" else (lambda ch: ord(ch) > 127)
    choice = _frequency_choice("?", allowed, text, home_only=True)
    return choice.word if choice.word and choice.zipf >= 6.0 else None


def _question_language(text: str, i: int) -> bool:
    """The sentence before ``i`` or the caption is French: a space before ? is its habit."""
    start = max(text.rfind(". ", max(0, i - 200), i), text.rfind("\n", max(0, i - 200), i), i - 200, 0)
    return any(lang in _FRENCH_QUESTION for lang in caption_languages(text[start:i]) + caption_languages(text))


_NEXT_NAME = regex.compile(r"\p{Lu}\p{Ll}+\b")


def _place_after(text: str, i: int, evidence: bool) -> bool:
    """When the caption shows lost letters elsewhere: a capitalised word at ``i`` that is a place of
    the gazetteer or no common word of any language."""
    from ..tables import gazetteer

    m = _NEXT_NAME.match(text, i)
    if not m or not evidence:  # (Et maintenant ? Paris attend: a question, in text with no other loss)
        return False
    return m.group().lower() in gazetteer() or (not _known_word(m.group(), text) and not _any_word(m.group()))


# a lost mark alone at a line's (or the text's) start before a line that is only a name or starts with
# an agency: a credit's © (? Noah Addis, ? Getty Images, ? AFP | HANDOUT), the commonest mark there
_LINE_MARK = regex.compile(rf"(?m)^{_L}(?= \p{{Lu}})")
_NAME_LINE = regex.compile(r"\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}(?=\n|$)")


# ... and glued to a name that ends the line, after a space (\"Festival Place\" ?A. Derek Catalano): a
# question mark is never glued to the next word, and no mark closes a quotation it would open; unless
# the mark and the name's first word make a word of some list (Galicia. ?SCAR CORRAL: Óscar)
_GLUED_CREDIT = regex.compile(
    rf"(?<=\S ){_L}(?=(?P<first>\p{{Lu}}[\p{{L}}.'’-]*)(?: \p{{Lu}}[\p{{L}}.'’-]*){{1,3}}$)", regex.M)


def _glued_credit(m: regex.Match) -> str | None:
    from ..wordlists import word_lists

    lists = word_lists()
    first = m.group("first")
    if len(first) == 2 and first[1] == ".":
        return "©"  # an initial: no word
    word = (m.group() + first).lower().rstrip(".")
    if lists is not None and lists.candidates(word, _non_ascii):
        return None
    if gazetteer_vocabulary().candidates(word, _non_ascii):
        return None
    return "©"


def _line_credits(text, opts, url):
    """``? Noah Addis`` (a line of its own) → ``© Noah Addis``. A line that goes on in words or says
    ``photo by`` is left: a dash, a bullet or a © open those (``? Image 1 of 12``, ``? Pool photo by``)."""

    def mark(m: regex.Match) -> str | None:
        at = m.end() + 1
        return "©" if _NAME_LINE.match(text, at) or _agency_follows(text, at) else None

    text, repairs = sub("lost_copyright", _LINE_MARK, text, mark, skip=url, opts=opts)
    text, r = sub("lost_copyright", _GLUED_CREDIT, text, _glued_credit, skip=url, opts=opts)
    return text, repairs + r


def _dash_habit(text: str, opts: RepairOptions) -> str | None:
    """The dash between words: the caption's own (a surviving one), else the export's habit, if any."""
    en, em = text.count("–"), text.count("—")
    if en or em:
        return "—" if em > en else "–"
    return opts.vocabulary.dash if opts.vocabulary is not None else None


@lru_cache(maxsize=1)
def _ap_date() -> regex.Pattern:
    """A date as AP style writes it: ``Jan. 14, 2024``, ``July 15, 2020`` (months.csv, English)."""
    from ..tables import MONTHS

    months = "|".join(regex.escape(m) for m in sorted(MONTHS, key=len, reverse=True))
    return regex.compile(rf"\b(?i:{months})\.? \d{{1,2}}, \d{{4}}\b|\bU\.S\.|\(AP Photo\b")


def _ap_style(text: str) -> bool:
    """Is the caption written in AP style (its dates ``Jan. 14, 2024``, ``U.S.``, an AP credit)? AP
    style sets off a phrase with a spaced em dash (``winter — and``), where British and European
    captions use a spaced en dash (``lady liberty – and``)."""
    return _english(text) and _ap_date().search(text) is not None


def _dashes(text, opts, url, lossy_ok, hyp, evidence):
    repairs, warnings = [], []
    own = _dash_habit(text, opts)
    dash = own or "–"
    spaced_dash = f" {dash} "
    # a dash setting off a phrase (before a lower-case word): without a habit to follow, AP style's em
    prose_dash = f" {own} " if own else (" — " if _ap_style(text) else spaced_dash)
    text, r = sub("lost_dash", _NUMBER_DASH, text, "–", skip=url, opts=opts)
    repairs += r
    if lossy_ok and ("\ufffd" in text or hyp == "ascii"):
        text, r = sub("lost_copyright", _COPYRIGHT_CREDIT, text, "©", skip=url, opts=opts)
        repairs += r
        text, r = sub("lost_copyright", _after_credit_label(), text, "©", skip=url, opts=opts)
        repairs += r

    if lossy_ok and "fr" in caption_languages(text)[:1]:
        def guillemets(m: regex.Match):
            # à before a lower-case word (tué ? bout portant) is no quotation
            if m.group("inner")[:1].islower() and _one_letter_word(text, m.start(), hyp):
                return None
            return f"« {m.group('inner')} »"

        text, r = sub("lost_quotes", _GUILLEMETS, text, guillemets, skip=url, opts=opts)
        repairs += r
        text, r = sub("lost_quotes", _GUILLEMETS_INCISE, text, lambda m: f"« {m.group('inner')} »",
                      skip=url, opts=opts)
        repairs += r

    def lone(m: regex.Match):
        q = m.group()[1]
        nxt = text[m.end(): m.end() + 1]
        # French à before a place (guerre ? Alep, élections, ? Strasbourg) in a caption that shows
        # lost letters elsewhere: a place of the gazetteer or a capitalised word no list holds (a
        # question's next sentence starts with a common word: Pourquoi ? Parce que)
        # (French writes à before an age, a distance, an hour: victime ? 5 ans → victime à 5 ans)
        french = "fr" in caption_languages(text)[:1]
        if lossy_ok and (nxt.islower() or (french and nxt.isdigit() and evidence)
                         or (nxt.isupper() and french and _place_after(text, m.end(), evidence))):
            word = _one_letter_word(text, m.start(), hyp)
            if word:
                return f" {word} ", f"lost_letters[wordfreq {','.join(caption_languages(text)[:3])}]"
        if nxt.islower():
            return prose_dash
        if q == "\ufffd" or nxt.isdigit() or (lossy_ok and evidence):
            return spaced_dash
        if q == "?" and _question_language(text, m.start()):
            # French spaces a question mark: "chez vous ? REUTERS/…" asks a question
            warnings.append(f"ambiguous_question_mark: {_context(text, m.start(), m.end()).strip()}")
            return None
        if _DATELINE_DATE.match(text, m.end()) and _month(text, m.end()):
            return spaced_dash
        if _agency_follows(text, m.end()):
            return spaced_dash
        if lossy_ok and not _question_language(text, m.start()):
            return spaced_dash  # English never puts a space before a question mark
        warnings.append(f"ambiguous_question_mark: {_context(text, m.start(), m.end()).strip()}")
        return None

    text, r = sub("lost_dash", _LONE, text, lone, skip=url, opts=opts)
    repairs += r

    def glued(m: regex.Match):
        left, right = m.group("left"), m.group("right")
        if not lossy_ok:
            return None
        # (a capital after it may start a sentence glued to a real question: Question?Call)
        ok_right = right[0].islower() and _known_word(right, text)
        # English words are ASCII: in an English caption a word before a known word is whole
        ok_left = left[0].isupper() or _known_word(left, text) or (
            ok_right and len(left) >= 4 and _english(text) and right[0].islower())
        return dash if ok_left and ok_right else None

    text, r = sub("lost_dash", _GLUED, text, glued, skip=url, opts=opts)
    repairs += r
    if lossy_ok and (hyp == "ascii" or "\ufffd" in text):
        text, r = _line_credits(text, opts, url)
        repairs += r
    if hyp == "ascii" or "\ufffd" in text:
        text, r = sub("lost_copyright", _COPYRIGHT, text,
                       lambda m: "©" if (m.group() == "\ufffd" or hyp == "ascii") else None, opts=opts)
        repairs += r
    return text, repairs, warnings


def restore_lost_characters(text: str, opts: RepairOptions, hyp: str | None = None,
                            evidence: bool = False) -> tuple[str, list[Repair], list[str]]:
    """Context rules for ``?`` / U+FFFD written in place of a lost ’, “ ”, – or ©.

    - ``lost_apostrophe``: inside a word before a contraction ending (``it?s``,
      ``don?t``, ``Zacatecoluca?s``), after O/D/L before a capital (``O?Hare``), before
      a decade (``?90s``), and after a plural that the next word continues
      (``Officers? Memorial``, ``Democrats? luncheon``). A next word that starts a
      sentence or a credit (``They``, ``Photo``) or a speech verb (``dying? said``)
      makes it a possible question: left, with a warning.
    - ``lost_quotes``: one before a word paired with the next one after a word in the
      same paragraph (``?Sanctuary City?``). An unpaired one is left and reported.
    - ``lost_dash``: between digits (``2016?2017``) and standing alone between words
      (``word ? word``).
    - ``lost_copyright``: ``? Name / AGENCY`` at the start of a line of ASCII text.
    """
    if "?" not in text and "\ufffd" not in text:
        return text, [], []
    hyp = hyp or lossy_hypothesis(text)
    lossy_ok = hyp != "none"
    url = _url_spans(text)
    evidence = evidence or _has_evidence(text, url)
    repairs: list[Repair] = []
    warnings: list[str] = []
    text, r = _apostrophes(text, opts, url, lossy_ok)  # it never warns
    repairs += r
    text, r = _glottal_stops(text, opts, url, lossy_ok)
    repairs += r
    url = _url_spans(text)
    text, r, w = _inverted_marks(text, opts, url, hyp)
    repairs += r
    warnings += w
    text, r, w = _quotes(text, opts, url, lossy_ok)
    repairs += r
    warnings += w
    text, r, w = _plural_possessive(text, opts, lossy_ok)
    repairs += r
    warnings += w
    url = _url_spans(text)
    text, r, w = _dashes(text, opts, url, lossy_ok, hyp, evidence)
    repairs += r
    warnings += w
    for m in _BEFORE_SPEECH.finditer(text):
        warnings.append(f"ambiguous_question_mark: {_context(text, m.start(), m.end()).strip()}")
    return text, repairs, warnings


def restore_lost(text: str, opts: RepairOptions) -> tuple[str, list[Repair], list[str]]:
    """Run the lost-letter and lost-character rules until nothing more changes.

    The warnings describe what is left: ambiguous ``?`` and lost characters that
    no rule could restore.

    What the lossy step could have been is read from the text as it came: letters restored
    here (ñ) must not make it look as if Latin-1 letters had survived. But a second call only
    sees the repaired text, whose restored characters (– é) change that reading; so once the
    rules settle under one reading, they run again under the repaired text's own, until that
    changes no more. The reading only ever moves ascii → latin1 → none (restorations add
    characters, never take one away), so this ends, and the result is a fixpoint: repairing
    it again changes nothing.
    """
    if "?" not in text and "\ufffd" not in text:
        return text, [], []
    repairs: list[Repair] = []
    hyp = lossy_hypothesis(text)
    # likewise whether a lost mark shows that cannot be a question's (Bogot?): read from the text
    # as it came, as the letters restored first take that evidence away from the marks left
    evidence = _has_evidence(text, _url_spans(text))
    while True:
        text, warnings, settled = _settle(text, opts, hyp, repairs, evidence)
        now = lossy_hypothesis(text)
        if now == hyp or not settled or not _has_lost(text):
            break
        hyp = now
    in_url = in_spans(_url_spans(text))
    for m in _LEFT.finditer(text):
        if in_url(m.start()):
            continue
        warnings.append(f"lost_character: {_context(text, m.start(), m.end()).strip()}")
    return text, repairs, list(dict.fromkeys(warnings))


ROUNDS = 6


def _settle(text: str, opts: RepairOptions, hyp: str, repairs: list[Repair],
            evidence: bool = False) -> tuple[str, list[str], bool]:
    """Rounds of the letter and character rules under one reading ``hyp`` until a round changes
    nothing (at most ``ROUNDS``); appends to ``repairs``; returns the text, the last round's
    warnings (about the text as it ends up) and whether it settled."""
    for _ in range(ROUNDS):
        before = text
        warnings: list[str] = []
        for fix in (restore_lost_letters, restore_lost_characters):
            text, r, w = fix(text, opts, hyp, evidence)
            repairs += r
            warnings += w
        if text == before:
            return text, warnings, True
    warnings = []
    for fix in (restore_lost_letters, restore_lost_characters):
        warnings += fix(text, opts, hyp, evidence)[2]
    return text, warnings, False


# left after repair: any U+FFFD, and a ? between two letters
_LEFT = regex.compile(r"\ufffd+|(?<=\p{L})\?+(?=\p{L})")
