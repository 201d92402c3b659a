"""Word-frequency lists of the Latin-script languages captions come in (wordfreq).

Used by the lost-letter repair (lost.py): which words a damaged word (``Bogot?``,
``espa?ol``) can stand for, how common each is in the caption's languages, and
which languages a caption is written in (the share of its intact words that are
common words of each language).

Loaded once, lazily, the first time a caption has a lost letter: a caption with no
``?`` never reaches this module. wordfreq's "small" lists hold the words of each
language seen at least once per million words (Zipf frequency >= 3).
"""
from __future__ import annotations

from functools import lru_cache

# wordfreq's languages written in the Latin script
LANGUAGES = ("en", "es", "pt", "fr", "de", "it", "ca", "nl", "sv", "da", "nb", "fi", "is", "pl", "cs", "sk",
             "sl", "sh", "hu", "ro", "tr", "lt", "lv", "vi", "id", "ms", "fil")
# languages whose short, accent-dense words fit almost any damaged short word: their words
# are candidates only in a caption written in them
ONLY_AT_HOME = ("vi",)
# large lists: words down to this Zipf frequency (once per hundred million words)
RARE = 2.0
# a language's common words (its first PROFILE words by frequency) tell a caption's language
PROFILE = 3000
LOST = "?\ufffd"


def skeleton(word: str) -> str:
    """The word as a lossy encoder to ASCII writes it, lower case: every non-ASCII letter → ``?``."""
    return "".join("?" if (ord(ch) > 127 or ch in LOST) else ch for ch in word.lower())


class WordLists:
    """Non-ASCII words of every language indexed by :func:`skeleton`, with Zipf frequencies."""

    def __init__(self, lists: dict[str, list[list[str]]], large=None) -> None:
        """``lists``: language → wordfreq's small frequency list (buckets of words, most
        frequent first); ``large``: (language, large list) pairs, read one at a time."""
        # skeleton → [(word, language, zipf)]: the words a damaged word can stand for
        self.index: dict[str, list[tuple[str, str, float]]] = {}
        # word → the languages among whose PROFILE most common words it is
        self.common: dict[str, list[str]] = {}
        # every English word (English is the language of most captions and all credits)
        self.english: frozenset[str] = frozenset(w for b in lists.get("en", ()) for w in b)
        index, common = self.index, self.common
        for lang, buckets in lists.items():
            seen = 0
            for i, bucket in enumerate(buckets):
                if not bucket:
                    continue
                zipf = 9.0 - i / 100
                if seen < PROFILE:
                    for word in bucket:
                        common.setdefault(word, []).append(lang)
                    seen += len(bucket)
                for word in bucket:
                    if lang == "de" and word.count("ss") == 1:
                        # wordfreq folds German ß to ss (straßen → strassen): index the ß spelling too
                        sharp = word.replace("ss", "ß")
                        index.setdefault(skeleton(sharp), []).append((sharp, lang, zipf))
                    if not word.isascii():
                        # the ASCII encoder's own damage is the skeleton (one ? per character)
                        skel = word.encode("ascii", "replace").decode("ascii")
                        index.setdefault(skel, []).append((word, lang, zipf))

        # rarer words (Zipf >= RARE) of the languages wordfreq has a large list for: candidates only
        for lang, buckets in (large or ()):
            for i, bucket in enumerate(buckets[:int((9.0 - RARE) * 100) + 1]):
                zipf = 9.0 - i / 100
                if zipf < 3.0:  # the small list has the rest
                    for word in bucket:
                        if not word.isascii() and word.isalpha():
                            skel = word.encode("ascii", "replace").decode("ascii")
                            index.setdefault(skel, []).append((word, lang, zipf))

    def candidates(self, token: str, allowed) -> dict[str, dict[str, float]]:
        """Words the damaged ``token`` can stand for → {language: zipf}; ``allowed(ch)`` bounds a lost letter."""
        low = token.lower()
        out: dict[str, dict[str, float]] = {}
        for cand, lang, zipf in self.index.get(skeleton(low), ()):
            if len(cand) == len(low) and cand.isalpha() and all(
                    a == b or (a in LOST and allowed(b)) for a, b in zip(low, cand)):
                out.setdefault(cand, {})[lang] = zipf
        return out

    def languages(self, words) -> dict[str, float]:
        """Each language's share of ``words`` (intact, lower case) that are among its common words."""
        counts: dict[str, int] = {}
        n = 0
        for w in words:
            if len(w) < 2:
                continue
            n += 1
            for lang in self.common.get(w, ()):
                counts[lang] = counts.get(lang, 0) + 1
        return {lang: c / n for lang, c in counts.items()} if n else {}


@lru_cache(maxsize=1)
def word_lists() -> WordLists | None:
    """The lists, or None when wordfreq is not installed (the repair then uses the gazetteer alone)."""
    try:
        import wordfreq
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return None
    lists = {}
    have_large = wordfreq.available_languages(wordlist="large")
    for lang in LANGUAGES:
        try:
            lists[lang] = wordfreq.get_frequency_list(lang, wordlist="small")
        except (LookupError, ValueError):  # pragma: no cover - a language wordfreq dropped
            continue
    # read directly, not through wordfreq's cache, one at a time: only their rarer non-ASCII words are kept
    large = ((lang, wordfreq.read_cBpack(str(have_large[lang]))) for lang in lists if lang in have_large)
    return WordLists(lists, large)
