"""Shortcuts of the pipeline around the parser give what the long way gives: the export's vocabulary built
from its distinct tokens beyond ASCII is the one every word of every text gives, a word's skeleton made by
the ASCII encoder is the one made character by character, and the first pass's texts (no rows made) are
the texts of the rows the second pass reads. On the real captions of the test data and the fixtures, and
on generated texts and files."""
import csv
import io

import pytest
from hypothesis import example, given, strategies as st

from captionclean.chunks import caption_texts, open_stream
from captionclean.repair import vocabulary
from captionclean.repair.vocabulary import LOST, Vocabulary

from conftest import FIXTURES, load_cases, real_texts


def _plain_vocabulary(texts) -> Vocabulary:
    """Vocabulary.from_texts as it was: every word of every text added, text by text."""
    vocab = Vocabulary()
    for t in texts:
        if not t.isascii():
            if "–" in t or "—" in t:
                for m in vocabulary._WORD_DASH.finditer(t):
                    vocab.dashes[m.group(1)] += 1
            if "‘" in t:
                vocab.quoted["‘’"] += len(vocabulary._SINGLE_QUOTED.findall(t))
            if "“" in t:
                vocab.quoted["“”"] += len(vocabulary._DOUBLE_QUOTED.findall(t))
            for word in vocabulary._WORD.findall(t):
                vocab.add(word)
    return vocab


def _plain_skeleton(word: str) -> str:
    return "".join("?" if (ord(ch) > 127 or ch in LOST) else ch for ch in word.lower())


def _same(a: Vocabulary, b: Vocabulary) -> bool:
    return a._index == b._index and a.dashes == b.dashes and a.quoted == b.quoted


REAL = list(dict.fromkeys(real_texts("credit_cases.json", "place_cases.json", "trailer_cases.json", "span_cases.json")
                          + [c["damaged"] for c in load_cases("repair_damaged.json")]))


def test_the_real_captions_hold_words_beyond_ascii():
    """The real captions hold many accented words (else the comparison below proves little)."""
    assert len(_plain_vocabulary(REAL)) > 100


def test_vocabulary_of_real_captions():
    assert _same(Vocabulary.from_texts(REAL), _plain_vocabulary(REAL))
    for t in REAL:  # one text at a time too: a text's words alone
        assert _same(Vocabulary.from_texts([t]), _plain_vocabulary([t])), t


def test_vocabulary_with_few_tokens_held(monkeypatch):
    """The tokens read in batches (memory bounded) give the same vocabulary."""
    monkeypatch.setattr(vocabulary, "TOKENS_HELD", 3)
    assert _same(Vocabulary.from_texts(REAL), _plain_vocabulary(REAL))


# letters in and beyond ASCII, the spaces str.split cuts at and those it does not, marks, and the letters
# whose case changes their length
_PIECES = st.sampled_from(["a", "Z", "é", "É", "ñ", "ß", "İ", "ǅ", "ſ", "ø", "Ω", "я", "中", "ا", "\u0301", " ", "  ",
                           "\n", "\t", "\u00a0", "\u2009", "\u3000", "\x1c", "\x85", "\u2028", "\u200b", "-", "–",
                           "—", "‘", "’", "“", "”", "'", "?", "\ufffd", ",", ".", "(", "1", "٣", "Acuña", "Bogotá",
                           "SÃO", "Łódź"])
_TEXT = st.lists(_PIECES, max_size=20).map("".join)


@given(st.lists(_TEXT, max_size=6))
@example(["Luisangel Acuña is introduced", "Acuña, Acuña.", "plain ascii"])
@example(["ab\u00a0cé", "x\u2009ñy"])
@example(["Łódź–Kraków — “Zürich” ‘Genève’"])
def test_vocabulary_of_generated_texts(texts):
    assert _same(Vocabulary.from_texts(texts), _plain_vocabulary(texts))


@given(st.text())
@example("Acu?a")
@example("Bogot\ufffd")
@example("İstanbul")
@example("a\ud800b")
def test_skeleton_is_the_plain_one(word):
    assert vocabulary._skeleton(word) == _plain_skeleton(word)


# --- the first pass's texts are the second pass's rows' texts

def _rows_texts(path, **kw) -> list[str]:
    return [row.text for rows in open_stream(path, **kw).chunks for row in rows]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".csv", ".tsv", ".txt",
                                                                                               ".json", ".jsonl")))
def test_caption_texts_of_the_fixtures(name):
    path = FIXTURES / name
    assert list(caption_texts(path, chunk_size=3)) == _rows_texts(path, chunk_size=3)


def _write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


_CELLS = st.sampled_from(["", " ", "A caption. REUTERS/Name", "x,y", 'say "hi"', "two\nlines", "crlf\r\nline",
                          " padded ", "Bogotá", "caf\xe9", "=1+2", "tab\there"])


@given(st.lists(st.lists(_CELLS, min_size=0, max_size=5), max_size=12), st.sampled_from([",", "\t"]),
       st.sampled_from(["caption", "SourceFile"]), st.booleans())
def test_caption_texts_of_generated_csv(tmp_path_factory, records, sep, first, cp1252):
    """Ragged rows, quoted line breaks, blank records, an exiftool header (its texts stripped), lines that
    are not UTF-8 (read as cp1252): the texts are the rows' texts, in order."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\n")
    writer.writerow([first, "caption", "desk"] if first == "SourceFile" else ["id", first, "desk"])
    for rec in records:
        writer.writerow(rec)
    text = out.getvalue()
    data = text.encode("cp1252", errors="replace") if cp1252 else text.encode("utf-8")
    path = _write(tmp_path_factory.mktemp("csv"), "in.tsv" if sep == "\t" else "in.csv", data)
    try:
        expected = _rows_texts(path)
    except Exception as exc:  # noqa: BLE001 - a file the reader refuses: the first pass refuses it alike
        with pytest.raises(type(exc)):
            list(caption_texts(path))
        return
    assert list(caption_texts(path)) == expected
