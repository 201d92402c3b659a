"""The credit rules' speed-ups change nothing: each cheap gate is implied by every match of the pattern it
guards (Hypothesis, over caption-like text made of the pieces the patterns care about)."""
import pytest
from hypothesis import example, given, settings, strategies as st

from captionclean.grammar import credit

_PIECES = st.sampled_from([" ", "  ", "   ", "\n", ".", ",", ";", ":", "!", "?", '"', "”", "(", ")", "[", "]", "-", "–", "—",
                           "/", " / ", "@", "1987", "2019", "1876", "20", "Monday", "Sunday", "today", "yesterday", "John",
                           "Smith", "J.", "McDonald", "ANNA", "LEE", "Office", "Sheriff's", "County", "of", "the", "for",
                           "de", "AP", "Photo", "Reuters", "Getty Images", "x", "é", "É"])
_TEXT = st.lists(_PIECES, max_size=18).map("".join)
_RULES = {rule.name: (rule, pattern) for rule, pattern in credit.COMPILED}


def _matches(name: str, text: str) -> bool:
    """The rule's pattern finds a match in ``text`` as find_credits runs it (gate aside)."""
    rule, pattern = _RULES[name]
    if rule.tail:
        return pattern.match(text, 0) is not None
    if rule.whole_line:
        return next(credit._whole_lines(pattern, text), None) is not None
    return pattern.search(text) is not None


def _old_photo_name_dot(text: str, _) -> bool:
    """photo_name_dot_agency's gate before: "(photo " anywhere, or "photo " in the last 90 characters."""
    low = text.lower()
    end = text[-90:].lower()
    return "(" in text and ("(photo " in low or "(foto " in low) or "photo " in end or "foto " in end


def _gate_holds(name: str, text: str, before=None) -> None:
    """Every match passes the rule's gate; given ``before`` (the gate the rule had before, by name or as a function),
    every match that passed that one passes the new one (the new gate holds the old one's test and more)."""
    rule, _ = _RULES[name]
    old = credit._GATES[before] if isinstance(before, str) else before
    if _matches(name, text) and (old is None or old(text, credit.Agencies())):
        assert credit._GATES[rule.gate](text, credit.Agencies()), (name, text)


@settings(max_examples=400)
@given(_TEXT)
@example("Sheriff's Office, 1987 - John Smith")
@example("Taken in 1987, 2019, John Smith.")
@example("Amsterdam, 2019 -  Smith ")
def test_year_then_credit_gate(text):
    _gate_holds("year_then_credit", "x " + text, before="ends_open_or_stop")


@settings(max_examples=400)
@given(_TEXT)
@example("Salvador Dali May 5th, 1959 by George Elam")
@example("Staten Island 5/1973  By Arthur Tress Jr. ")
@example("Rail Crash, 8th October 1952. by George Phillips.")
def test_date_by_end_gate(text):
    _gate_holds("date_by_name", text, before="ends_open_or_stop")


@settings(max_examples=400)
@given(_TEXT)
@example("It snowed on Monday John Smith")
@example("It snowed today  J. de Smith\n")
@example("(Sunday John McDonald Smith")
def test_name_after_day_gate(text):
    _gate_holds("end_name_after_day", text, before="ends_name")


@settings(max_examples=400)
@given(_TEXT)
@example("It rained.  (Sheriff's Office of the County).")
@example('He said "(Sheriff\'s Office)"')
def test_paren_after_stop_gate(text):
    _gate_holds("paren_org_end", text, before="ends_paren")


@settings(max_examples=400)
@given(_TEXT)
@example("A fire. (John Smith – Reuters)")
@example("[ANNA LEE, Getty Images] .")
@example("(J. McDonald—AP)")
def test_paren_dash_end_gate(text):
    _gate_holds("paren_name_org", text, before="ends_paren")


@settings(max_examples=400)
@given(_TEXT)
@example("(John Smith/AP Photo)")
@example("( Reuters / John Smith , File )")
def test_paren_chain_gate(text):
    _gate_holds("paren_chain", text)


_END_PIECES = st.sampled_from([" ", "   ", ".", ")", "]", "/", " -", "\n", ",", "Reuters", "John Smith", "AP", "(AFP)",
                               "Getty Images", "Inc", "for", "The Times", "1987", "x"])
_ENDINGS = st.lists(st.sampled_from([" ", "  ", ".", ")", "]", "/", "\n"]), max_size=6).map("".join)
_BACKWARD = [(rule, pattern) for rule, pattern in credit.COMPILED if rule.tail or rule.backward]


def _plain(rule):
    """The rule's pattern as written, compiled as find_credits once did (backwards, with no rewriting)."""
    import regex
    return regex.compile(rule.pattern.replace("[ ]*+$", "[ ]*$") if rule.name == "end_agency" else rule.pattern,
                         regex.V1 | regex.REVERSE)


def _found(rule, pattern, text):
    from itertools import islice
    found = [pattern.match(text, 0)] if rule.tail else list(islice(pattern.finditer(text), 50))
    return [(m.span(), m.groupdict()) if m else None for m in found]


@settings(max_examples=300)
@given(st.lists(_END_PIECES, max_size=10).map(" ".join), _ENDINGS)
@example("Photo by John Smith, Reuters", "   ")
@example("A fire. Reuters .", "  ")
@example("(John Smith/AP", ") .  ")
def test_backward_ends_find_what_the_plain_patterns_found(text, ending):
    # the ends rewritten for a backward search (see credit._LINEAR_ENDS) and end_agency's "[ ]*+" find the match
    # the pattern as written finds, spans and groups alike
    text += ending
    for rule, pattern in _BACKWARD:
        if credit._backward_form(rule.pattern) != rule.pattern or rule.name == "end_agency":
            assert _found(rule, pattern, text) == _found(rule, _plain(rule), text), (rule.name, text)


_LINE_PIECES = st.sampled_from([" ", "  ", "\n", ".", ". ", ",", ", ", ")", "(", "John Smith", "Sgt. Jo Doe", "Reuters",
                                "Getty Images", "Inc", "the", "of", "said", "1st Armored Division", "Foo (Bar, Baz)", "x",
                                ", Jr", ", Inc.", "A B C D E F G H I J K", "WANA (West Asia News Agency)", "Smith photo",
                                "Picture: supplied", " (Bar, Baz, Qux)"])


@settings(max_examples=400)
@given(st.lists(_LINE_PIECES, max_size=14).map("".join))
@example("A fire.\nJohn Smith, Reuters")
@example("John Smith, Reuters\nA fire. Sgt. Jo Doe, 1st Armored Division.\n")
@example("said the man. John Smith, Foo, Inc  ")
def test_line_end_matches_are_the_backward_search(text):
    # name_comma_agency tried at the ends of the lines that hold ", <part>" to their end finds what its backward
    # search over the whole caption found
    from itertools import islice
    rule, pattern = _RULES["name_comma_agency"]
    plain = [(m.span(), m.groupdict()) for m in islice(pattern.finditer(text), 50)]
    lines = [(m.span(), m.groupdict()) for m in credit._line_end_matches(pattern, credit._LINE_NEEDS[rule.name], text)]
    assert lines == plain


@settings(max_examples=600)
@given(st.lists(_LINE_PIECES, max_size=16).map("".join))
@example("John Smith, A B C D E F G H I J K, Inc")
@example("said he, Foo (Bar, Baz Qux)")
@example("Smith, Reuters photo .")
def test_comma_need_start(text):
    """name_comma_agency's need, searched from where _comma_need_start says, is found in a line where a search from the
    line's start found it."""
    needed, need_start = credit._LINE_NEEDS["name_comma_agency"]
    end = len(text)
    while end >= 0:
        start = text.rfind("\n", 0, end) + 1
        at = need_start(text, start, end)
        assert (needed.search(text, start, end) is not None) == (at is not None and needed.search(text, at, end) is not None)
        end = start - 1


@settings(max_examples=400)
@given(_TEXT)
@example("A fire. John Smith")
@example("A fire.\nJ. de Smith Photo")
@example("Seen in Los Angeles.John Shearer")
@example("\nGetty Images-")  # a match ends_name never let run
def test_name_after_stop_gate(text):
    _gate_holds("end_name", text, before="ends_name")


_PHOTO_PIECES = st.sampled_from([" ", "  ", "    ", ".", ". ", "!", "(", ")", "Photo", "PHOTO", "foto", "photo", "John",
                                 "SMITH", "J.", "AFP", "Reuters", "x", "\n", "é"])


@settings(max_examples=400)
@given(st.lists(_PHOTO_PIECES, max_size=16).map("".join))
@example("A fire.  Photo John Smith. AFP")
@example("(Photo John Smith. AFP) and more")
@example("(photo " + " " * 50 + "John Smith. AFP)")
@example("Done! photo JOHN SMITH. Reuters.")
def test_photo_name_dot_gate(text):
    _gate_holds("photo_name_dot_agency", text, before=_old_photo_name_dot)


_END_WORDS = st.sampled_from([" ", "  ", "    ", ".", ". ", "!", "?", '"', "”", "|", " | ", "-", " - ", "–", "—", "==", ",", ", ",
                              "/", "(", ")", "\n", "Reuters", "Getty Images", "AFP", "Marfa Public Library", "of", "the",
                              "for", "John Smith", "1902", "2019", "680", "NEWS", "Irving Archives", "x", "é"])
_END_TEXT = st.lists(_END_WORDS, max_size=16).map("".join)


@settings(max_examples=500)
@given(_END_TEXT)
@example("A fire. Reuters")
@example("A fire! -  Getty Images -   ")
@example("A fire in Paris | AFP")
@example("A fire == Reuters")
def test_agency_after_stop_gate(text):
    _gate_holds("end_agency", text, before="ends_open")


@settings(max_examples=500)
@given(_END_TEXT)
@example("on Nov. 17, 2013. 680 NEWS")
@example("A fire.\nHuw Evans Agency")
def test_org_after_stop_gate(text):
    _gate_holds("end_org", text, before="ends_open")


@settings(max_examples=500)
@given(_END_TEXT)
@example("A house, Marfa Public Library")
@example("A house, Irving Archives, 1902 Marfa Public Library")
def test_archive_after_comma_gate(text):
    _gate_holds("comma_archive", text, before="ends_open_or_stop")  # (a year closing the caption never passed it)


@settings(max_examples=500)
@given(_END_TEXT)
@example("A fire.\nJohn Smith for Reuters")
@example("A fire. John Smith for The Marfa Public Library .")
def test_for_org_end_gate(text):
    _gate_holds("name_for_org", text, before="ends_open_or_stop")


_START_PIECES = st.sampled_from([" ", "  ", "\n", ".", ". ", "(", ")", "/", ":", ",", "Photo", "PHOTO", "photo", "by", "BY",
                                 "Credit", "Image", "source", "Picture", "Staff", "Foto", "von", "de", "ſtaff", "İ", "Navy",
                                 "U.S.", "John Smith", "AFP", "Getty Images", "x"])


@settings(max_examples=500)
@given(st.lists(_START_PIECES, max_size=16).map("".join))
@example("A fire. U.S. Navy photo by John Smith")
@example("x (Photo by John Smith/AFP) PHOTO BY AFP")
@example("ſtaff photo by John Smith")
@example("Credit: AFP. CreditJohn Smith")
def test_searches_from_their_start_find_every_match(text):
    # label_colon, credit_by and org_photo_by searched from credit._STARTS find what a search from 0 finds
    from itertools import islice
    low = text.lower()
    for name, start_of in credit._STARTS.items():
        _, pattern = _RULES[name]
        start = start_of(text, low)
        whole = [(m.span(), m.groupdict()) for m in islice(pattern.finditer(text), 50)]
        assert whole == ([] if start is None else [(m.span(), m.groupdict()) for m in islice(pattern.finditer(text, start), 50)])


_LABEL_PIECES = st.sampled_from([" ", "  ", "\n", "\t", "\xa0", "\u2003", ":", ".", "...", "…", ",", "/", "Photo", "Photographer",
                                 "PHOTO", "Credit", "Image", "Image source", "Picture", "file ", "John Smith", "AP", "x", "2019"])


@settings(max_examples=500)
@given(st.lists(_LABEL_PIECES, max_size=14).map("".join))
@example("A fire. Photo: John Smith")
@example("Image source \\u2003… AP")
@example("Picture, John Smith/AP")
@example("In St BartsCreditJohn Smith")
def test_label_mark_gate(text):
    _gate_holds("label_colon", text)


def test_plain_chain_rules_are_named_in_no_branch_of_chain_of():
    # _chain_of sends these rules to _plain_chain_of at once: that is what its branches did, none naming them
    import inspect
    import re
    head = inspect.getsource(credit._chain_of)
    named = set(re.findall(r'"([a-z_]+)"', head)) | credit._NAME_RULES | credit._HAN_RULES
    assert credit._PLAIN_CHAIN_RULES <= {rule.name for rule in credit.RULES}
    assert not credit._PLAIN_CHAIN_RULES & named
    assert all(ln.lstrip().startswith(("if name ==", "if name in", "return", "name =", "#", '"""')) or ln.startswith(" " * 8)
               or not ln.strip() for ln in head.splitlines()[1:])


@settings(max_examples=400)
@given(st.lists(st.sampled_from([" ", "\n", "/", " / ", " via ", " | ", " - ", "Pool", "Handout", "-/", "John Smith", "AP",
                                 "Reuters", "Getty Images", "said", ".", ",", "x"]), max_size=14).map("".join))
@example("A fire.\nJohn Smith / Reuters")
@example("AP - Pool\nA fire")
def test_whole_line_tests_change_nothing(text):
    # line_chain tried only on the lines holding a separator finds what it found on every line
    for name, test in credit._LINE_TESTS.items():
        _, pattern = _RULES[name]
        assert [(m.span(), m.groupdict()) for m in credit._whole_lines(pattern, text, test)] == \
            [(m.span(), m.groupdict()) for m in credit._whole_lines(pattern, text)]


_MARKER_PIECES = st.sampled_from([" ", "   ", "\n", ":", "/", " / ", "(", ".", "Photo", "PHOTO", "Photo credit", "Foto",
                                  "Fot.", "Source", "Crédito", "Bild", "St Photo", "BartsCredit", "file", "John Smith", "AP",
                                  "EFE", "10", "x"])


@settings(max_examples=500)
@given(st.lists(_MARKER_PIECES, max_size=14).map("".join))
@example("A fire. Photo credit  : John Smith")
@example("In St BartsCredit: Splash")
@example("(Foto/ EFE)")
@example("Fot. : John Smith")
def test_label_before_mark_gate(text):
    _gate_holds("credit_marker", text)


@settings(max_examples=500)
@given(_TEXT)
@example("A fire. (John Smith)")
@example("A fire (Anne O'Neil-Smith Lee)\n")
def test_paren_name_gate(text):
    _gate_holds("paren_name_end", text, before="ends_paren")


@settings(max_examples=500)
@given(_END_TEXT)
@example("en el mitin / EFE - Julio Muñoz")
@example("de 2023 /  EUROPA PRESS .")
def test_spaced_last_slash_gate(text):
    _gate_holds("end_slash_agency", text, before="ends_open_or_stop")


# end_chain read forwards (credit._end_chain_match): the same match as its plain pattern searched backwards, span, chain
# and code, on captions ending in chain-like words (plain zones, and every way out of one: a digit, a dot, a comma's
# "Inc", a hyphen, "Via", a lower-case word closing a part, a bracket, a code after the chain …)
_CHAIN_LEADS = st.sampled_from(["", "(", "1959.", "abc.", "ABC.", "Ab1.", "@x.", "x_y.", "). ", "’. ", "-. ", "A. ", "by A. ", ". ", "2018. ", "said ", ": ", "\n", "x, ", "Foo, ", "Jr. ", "abcd. ", "ab1. ", "©",
                                "Ab12. ", "U.S. ", "—", "-", "’", "A", "z", "“", "WANA (West Asia News Agency)", "11 ", "@jo "])
# mostly a name's words (the zone the forward reading takes), then particles and "via", lower-case words, odd ones
_NAME_WORDS = st.sampled_from(["John", "SMITH", "McDonald", "Getty", "Images", "Reuters", "AFP", "Émile", "ÖZIL", "O'Neil",
                               "Jean-Paul", "Ng", "AP"])
_CHAIN_WORDS = st.one_of(
    _NAME_WORDS, _NAME_WORDS, _NAME_WORDS, _NAME_WORDS, st.sampled_from(["A.", "M.", "É.", "AB."]),
    st.sampled_from(["de", "van", "der", "for", "the", "y", "jr", "via", "&", "by", "said", "photo", "files", "dpa",
                     "read"]),
    st.sampled_from(["Via", "VIA", "iPhone", "e-mail", "Inc", "Ltd", "Pool", "ss", "al-Assad", "ǅ", "x", "2018", "AB12",
                     "U.S.", "Jr.", "’s", "@jo", "#x", "(Foo)", ",", "\u0301", "/foc/18", "/12"]))
_PLAIN_SEPS = st.sampled_from([" ", "/", " / ", "/ ", " via ", "/ via ", "/for ", " | ", "|", "  "])
_CHAIN_SEPS = st.one_of(_PLAIN_SEPS, _PLAIN_SEPS, _PLAIN_SEPS, st.sampled_from([" - ", " – ", "-/", ", ", ". ", ":"]))
_CHAIN_ENDS = st.sampled_from(["", ".", " .", ")", ").", " )", "]", "/", " /", "  ", ". ", "\n", "/dpa", " / dpa",
                              "/file", "/dpa)", "/de", "/x"])
_CHAIN_TEXT = st.tuples(st.sampled_from(["", "A fire in the city", "Seen on Monday", "x"]), _CHAIN_LEADS,
                        st.lists(st.tuples(_CHAIN_WORDS, _CHAIN_SEPS), max_size=10), _CHAIN_WORDS, _CHAIN_ENDS).map(
    lambda t: t[0] + t[1] + "".join(w + s for w, s in t[2]) + t[3] + t[4])


def _same_match(a, b) -> bool:
    return (a is None) == (b is None) and (a is None or (a.span(), a.groupdict(), a.span("chain"), a.span("code"))
                                           == (b.span(), b.groupdict(), b.span("chain"), b.span("code")))


@settings(max_examples=800)
@given(_CHAIN_TEXT, st.sampled_from(["", ".", ")"]), st.integers(0, 8))
@example("as a youth takes a selfie in Tabuk, Saudi Arabia March 11, 2018. REUTERS/Mohamed Al Hwaity", "", 0)
@example("at the court. (Courtesy photo/ Alaska Court System", ")", 0)
@example("Area of Responsibility. (U.S. Air Force photo/Brad Fallin", ")", 0)
@example("Tanah Abang. ANTARA FOTO/Muhammad Adimaja/foc/18", ".", 0)
@example("(Photo by Jonathan Olley/Lucasfilm Ltd", ".)", 0)
@example("(Photo by Thos Robinson/Getty Images for DKC for New York Sports Clubs", ")", 0)
@example("Credit: Foo, Jr / AFP", "", 0)
@example("WANA (West Asia News Agency)/AFP", "", 0)
@example("Race Action Images via Reuters / Paul Childs Livepic", "", 0)
@example("Seen in 2023.Rocky Grimes/Shutterstock", "", 0)
@example("York, 2022. (Photo by Timothy A. Clary/AFP Photo", ")", 0)
@example("Vieja (Cuba). EFE/Alejandro Ernesto", "", 0)
@example("Smith O’. Jones/AFP", "", 0)
@example("x. RICHARD A. BROOKS/AFP via Chen Petrov", "", 0)
@example("x. said " + "Aa " * 45 + "Bb/Cc", "", 0)
@example("x. said " + "Aa " * 37 + "Bb/Cc", "", 0)
@example("(Aaaaaaaaa Bbbbbbbbb Ccccccccc Ddddddddd Eeeeeeeee Fffffffff Ggggggggg Hhhhhhhhh /Getty", ")", 0)
@example("(Aaaaaaaaa Bbbbbbbbb Ccccccccc Ddddddddd Eeeeeeeee Fffffffff Ggggggggg Hhhhhhhhh Iiiiiiiii | Getty", ")", 0)
@example("(Aaaaaaaaa Bbbbbbbbb Ccccccccc Ddddddddd Eeeeeeeee Fffffffff Ggggggggg Hhhhhhhhh via Getty", "", 0)
@example("Foto: Boris Roessler/dpa", "", 0)
@example("(Photo by Lars Novak/NNP North News & Pictures Ltd", ")", 0)
@example("in less-awesome outfits. NASA via Anna Okafor", "", 0)
@example("A/B/C/D/E/F/G/H/I/J/K L M N O P Q R S", "", 0)
@example("(Photo credit should read KOEN VAN WEELAFP via Getty Images", ")", 0)
@example("A fire. (Photo credit should read Getty Images via Koen Van Weel", ")", 0)
@example("A fire. AFP (West Asia News Agency via Getty Images", ")", 0)
@example("A fire. Reuters via AFP (West Asia News Agency Ltd", ")", 0)
@example("A fire (" + "Aaaa " * 9 + "Bbbb via Getty", ")", 0)
@example("A fire (" + "Aaaa " * 9 + "Bb via Getty", ")", 0)
@example("A fire. Reuters via WANA (West Asia News Agency Of The Islamic Republic Ira", ")", 0)  # (an expansion: 49, 50,
@example("A fire. Reuters via WANA (West Asia News Agency Of The Islamic Republic Iran", ")", 0)  # 51 characters after
@example("A fire. Reuters via WANA (West Asia News Agency Of The Islamic Republic Irans", ")", 0)  # "(", none: 52)
@example("A fire. Reuters via WANA (West Asia News Agency Of The Islamic Republic Iranss", ")", 0)
@example("A fire. Foo via Bar (Aaaa Bbbb Cccc via Getty Images", ")", 0)
@example("A fire. Foo via Bar (Aaaa Bbbb Cccc Dddd Eeee via Getty Imag", ")", 0)
@example("A fire. Foo via Bar (Aaaa Bbbb Cccc Dddd Eeee via Getty Image", ")", 0)
def test_end_chain_forwards_is_the_backward_search(text, ending, cut):
    plain = credit._PLAIN_CHAIN["end_chain"]
    text += ending
    tail_start = min(cut, len(text))
    assert _same_match(credit._end_chain_match(plain, text, tail_start), plain.match(text, tail_start)), text


@pytest.mark.parametrize("text", [
    "as a youth takes a selfie in Tabuk, Saudi Arabia March 11, 2018. REUTERS/Mohamed Al Hwaity",
    "as she arrives in Harlem. (Carl Court / Getty Images)",
    "in London. (Photo by Angie de Silva/Rappler)",
    "Kohli (Photo by CHANDAN KHANNA/AFP via Getty Images)",
    "(Diane Urbani de la Paz/For Peninsula Daily News)",
    "the Anglo-Irish summit.\n© John WESSELS / AFP",
])
def test_end_chain_forwards_reads_plain_zones(text):
    """The forward reading runs on the usual credits (the test above compares it where it runs)."""
    assert credit._plain_zone_start(text, 0) is not None
    plain = credit._PLAIN_CHAIN["end_chain"]
    assert _same_match(credit._end_chain_match(plain, text, 0), plain.match(text, 0))


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["A fire. ", "WANA ", "the ", "x", "Foo Bar ", "(", ": ", "\n", "Name/"]), min_size=1, max_size=3),
       st.sampled_from(["(West Asia News Agency)/AFP", "(Carl Court / Getty Images)", ": John Smith/AFP", "(Foo Bar: baz)/AFP",
                        "\n(Foo; Bar)/AFP", "(Foo) Bar/AFP", "“Smith”/AFP"]), _CHAIN_TEXT)
@example(["WANA ", "the "], "(West Asia News Agency)/AFP", "")
def test_end_chain_memo_is_exact(heads, tail, more):
    """end_chain's remembered matches (by the text from the last stop character) are the pattern's, whatever captions
    came before: a caption's match may hold a stop character in an expansion's brackets."""
    rule, _ = _RULES["end_chain"]
    plain = credit._PLAIN_CHAIN["end_chain"]
    credit._TAIL_MEMO.clear()
    for head in heads:
        for text in (head + tail, head + more + tail):
            assert _same_match(credit._tail_match(rule, plain, text, 0), plain.match(text, 0)), text


@settings(max_examples=400)
@given(st.lists(st.sampled_from(["A fire. ", "the ", "x", "Foo Bar ", "(", ": ", "\n", "; ", "”", "Name/", "-/", " - ",
                                 "WANA (West: Asia)", " via ", "Via "]), max_size=3), _CHAIN_TEXT,
       st.sampled_from(["", " - Pool", " – HANDOUT", "Handout", " | x", "\n", ")", ": x", "(x"]), st.integers(0, 6))
@example(["A fire. "], "Name", " - Pool", 0)
@example(["(", "Foo Bar "], "John Smith", ")", 0)
def test_end_chain_separator_gate_is_exact(heads, chain, ending, cut):
    """end_chain is not tried when no separator follows the caption's last stop character (credit._NEEDS_SEPARATOR):
    its match, plain or with a dash's shape, is the pattern's all the same."""
    rule, full = _RULES["end_chain"]
    plain = credit._PLAIN_CHAIN["end_chain"]
    text = "".join(heads) + chain + ending
    tail_start = min(cut, len(text))
    for pattern in (plain, full):
        credit._TAIL_MEMO.clear()
        assert _same_match(credit._tail_match(rule, pattern, text, tail_start), pattern.match(text, tail_start)), text


# the caption's end read once (credit._end_skip): a rule it drops is one whose gate fails on the caption
_END_SKIP_PIECES = st.sampled_from([" ", "  ", "\n", ".", "..", ". ", ")", "]", ")]", "(", "[", "/", ",", ";", ":", "!", "?",
                                    '"', "”", "-", "—", "|", "John", "Smith", "ANNA", "AP", "AFP", "x", "é", "É", "ǅ", "1987",
                                    "5", "Monday", "today", "©", "。", "＝", "™", "ß", "\t", "\u00a0", "\u2028", "\r",
                                    "Getty Images Getty Images", "x" * 20, "1987, ", ", 2019"])


def _dropped_rules_fail_their_gates(text: str) -> None:
    skip = credit._end_skip(text)
    for i, (rule, _) in enumerate(credit.COMPILED):
        if skip >> i & 1:
            assert rule.gate and not credit._GATES[rule.gate](text, credit.Agencies()), (rule.name, text)


@settings(max_examples=800)
@given(st.lists(_END_SKIP_PIECES, max_size=10).map("".join))
@example("")
@example(" ")
@example("x .")
@example("(AFP) . ")
@example("Smith\n")
def test_end_skip_drops_only_rules_whose_gate_fails(text):
    credit._END_SKIPS.clear()  # read afresh, then remembered: both the same
    _dropped_rules_fail_their_gates(text)
    _dropped_rules_fail_their_gates(text)


def test_end_skip_on_real_captions():
    """The same on the labelled captions and credit cases of tests/data (and each cut at its last 40 characters)."""
    import json
    from pathlib import Path

    data = Path(__file__).resolve().parent / "data"
    texts = [json.loads(ln)["text"] for ln in (data / "seed.input.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]
    texts += [case["text"] for case in json.loads((data / "credit_cases.json").read_text(encoding="utf-8"))]
    assert len(texts) > 100
    for text in texts:
        for piece in (text, text[:-40], text[:-1] + " "):
            _dropped_rules_fail_their_gates(piece)


def test_end_skip_drops_rules():
    """The reading does drop rules (a test that could not fail otherwise): a caption closing in brackets needs none of
    the rules whose gates want a small letter last."""
    skip = credit._end_skip("A fire. (Photo: AFP)")
    dropped = {rule.name for i, (rule, _) in enumerate(credit.COMPILED) if skip >> i & 1}
    assert {"end_agency_words", "end_name", "end_agency", "end_org"} <= dropped
    assert not dropped & {"paren_agency", "name_paren_agency"}


# --- real captions (tests/data)
def _real_captions() -> list[str]:
    from conftest import real_texts

    return real_texts("credit_cases.json", "credit_negative_cases.json", "span_cases.json", "trailer_cases.json")


_DESK_PIECES = st.sampled_from([" ", "  ", "\n", ".", ". ", ":", "|", " | ", " • ", "~", "—", "/", " via ", "(", ")", "John Smith",
                                "BEN HOVLAND", "MPR News", "Bild: Eva", "dpa", "picture alliance", "©", "said", "x", "é",
                                "The Seattle Times", "Getty Images"])


def _line_ends_are_backward_search(name: str, text: str) -> None:
    """A _LINE_NEEDS rule tried at the line ends its need finds == its backward search over the whole text."""
    from itertools import islice
    rule, pattern = _RULES[name]
    plain = [(m.span(), m.groupdict()) for m in islice(pattern.finditer(text), credit.MAX_MATCHES_PER_RULE)]
    lines = [(m.span(), m.groupdict()) for m in credit._line_end_matches(pattern, credit._LINE_NEEDS[name], text)]
    assert lines == plain, (name, text)


@settings(max_examples=400)
@given(st.lists(_DESK_PIECES, max_size=14).map("".join))
@example("A fair.\nBen Hovland | MPR News")
@example("Spontane Tanzeinlage | Bild: Eva Kirchner-Rätsch/rbb")
@example("A fire.John Smith | The Seattle Times\nBEN HOVLAND • Getty Images/AFP | MPR News.  ")
def test_desk_line_ends_are_the_backward_search(text):
    # desk_chain tried backwards only at the ends of the lines its forward search finds a match in finds what its
    # backward search over the whole caption found
    _line_ends_are_backward_search("desk_chain", text)


def test_desk_line_ends_are_the_backward_search_in_real_captions():
    for text in _real_captions():
        _line_ends_are_backward_search("desk_chain", text)


_NEEDLE_PIECES = st.sampled_from(sorted(credit._NEEDLES) + [" ", "x", "É", "ſ", "\n", "photo", "by", "foto"])


@settings(max_examples=400)
@given(st.lists(_NEEDLE_PIECES, max_size=8).map("".join))
def test_needle_tree_code_is_the_walk(text):
    # _runnable (the tree written out as code) lets the rules run that the walk down the needle tree lets run
    low = text.lower()
    assert credit._runnable(low) == credit._runnable_walk(low)  # (tests/test_needles.py: == every needle tested)


def test_needle_tree_code_is_the_walk_in_real_captions():
    for text in _real_captions():
        low = text.lower()
        assert credit._runnable(low) == credit._runnable_walk(low)


# _WORD as it was written, its look-behinds read before the digit or dot they guard
_OLD_WORD = (r"\p{Lu}[\p{L}\p{M}'’\-]*(?:(?<=\p{Ll})\d{1,3}(?![\p{L}\p{N}]))?(?:(?<!\p{L}{4})\.\p{Lu}[\p{L}\p{M}'’\-]*)*"
             r"(?:\.(?:com|COM|net|org|\p{Ll}{2})\b)?(?:(?<!\p{L}{4})\.)?")  # a site's ending: ".com", ".eu" (webC3)
_WORD_PIECES = st.sampled_from([" ", ".", "..", "-", "'", "/", "1", "12", "1234", "a", "ab", "abcd", "A", "AB", "ABCD", "Tag",
                                "J.", "U.S.", ".com", ".COM", ".eu", ".net", "Inc.", "é", "É", "\u0301", "x9", "Name", "Jr", "ß"])


@settings(max_examples=600)
@given(st.lists(_WORD_PIECES, max_size=12).map("".join))
@example("Tag24 J.Scott U.S. Inc. Koen.com Reuters1234 abcD.E")
def test_word_with_late_lookbehinds_is_the_word_as_written(text):
    # the look-behinds read after their digit or dot find the same matches, forwards and backwards, alone and in a chain
    import regex
    from itertools import islice
    for old, new in ((_OLD_WORD, credit._WORD), (credit._CHAIN_ANY.replace(credit._WORD, _OLD_WORD), credit._CHAIN_ANY)):
        for flags in (regex.V1, regex.V1 | regex.REVERSE):
            a, b = regex.compile(old, flags), regex.compile(new, flags)
            assert [(m.span(), m.groups()) for m in islice(a.finditer(text), 50)] == \
                [(m.span(), m.groups()) for m in islice(b.finditer(text), 50)]
            assert [m.span() for m in a.finditer(text, overlapped=True)] == [m.span() for m in b.finditer(text, overlapped=True)]


# --- org_photo_by tried anchored at its possible starts (credit._org_photo_by_starts, credit._matches_at)
_ORG_PHOTO_PIECES = st.sampled_from([" ", "  ", "    ", "\n", "\n  ", ".", ". ", "!", "?", '"', "”", "|", "(", ")", "–", "-",
                                     "photo", "Photo", "PHOTOS", "photographs", " photo by ", " Photo by ", " by ", "by",
                                     "illustration", "U.S. Army", "Reuters", "John Smith", "Sgt. Jo Doe/AFP", "A B C D E F G",
                                     "the", "said", "x", "é", "İ"])


def _anchored_is_search(name: str, text: str) -> None:
    from itertools import islice
    rule, pattern = _RULES[name]
    low = text.lower()
    start = credit._STARTS[name](text, low) if name in credit._STARTS else 0
    for pat in (pattern, credit._PLAIN_CHAIN.get(name, pattern)):
        searched = [(m.span(), m.groupdict()) for m in islice(pat.finditer(text, start), credit.MAX_MATCHES_PER_RULE)]
        starts = credit._CANDIDATES[name](text, low, start) if len(low) == len(text) else None
        if starts is not None:  # (else find_credits searches)
            anchored = [(m.span(), m.groupdict()) for m in islice(credit._matches_at(pat, text, starts),
                                                                   credit.MAX_MATCHES_PER_RULE)]
            assert anchored == searched, (name, text)


@settings(max_examples=500)
@given(st.lists(_ORG_PHOTO_PIECES, max_size=16).map("".join))
@example("A fire. (U.S. Army photo by Sgt. Jo Doe)")
@example("A fire.   – Reuters Photo by John Smith")
@example("x.\n  U.S. Army photographs by John Smith/AFP")
@example("(A B C D E F G photo by John Smith)")
@example("A B C D E F photo by John Smith")
def test_org_photo_by_anchored_is_the_search(text):
    _anchored_is_search("org_photo_by", text)


# --- should_read tried anchored at its possible starts (credit._should_read_starts)
_SHOULD_READ_PIECES = st.sampled_from([" ", "  ", "\t", "\n", "\xa0", "(", ")", ":", ".", "Photo credit should read",
                                       "photo credit should read", "Photo credit", " should read", "John Smith/AFP",
                                       "Reuters", "x", "é"])


@settings(max_examples=400)
@given(st.lists(_SHOULD_READ_PIECES, max_size=12).map("".join))
@example("A fire. ( \tPhoto credit should read: John Smith/AFP)")
@example("(Photo credit should read John Smith) (Photo credit should read Reuters)")
@example("x\n  Photo credit should read John Smith/AFP\nPhoto credit should read")
def test_should_read_anchored_is_the_search(text):
    _anchored_is_search("should_read", text)


_PHOTO_FROM_PIECES = st.sampled_from([" ", "  ", "\n", ".", "(", ")", "photo", "Photo", "PHOTOS", "photograph", "image", "Screen",
                                      " image", " grab", "shot", "still", "Still", "from", "FROM", " from ", "a", "an", "A",
                                      "The", "the", " of ", "Greater Vernon Museum", "x", "xphoto", "é", "ﬆ"])


@settings(max_examples=500)
@given(st.lists(_PHOTO_FROM_PIECES, max_size=14).map("".join))
@example("(Screen image from Sealaska Heritage Institute)")
@example("The picture from the Greater Vernon Museum and Archives shows")
@example("taken from a Greater Vernon Museum photo. Photos  from The Museum")
def test_photo_from_anchored_is_the_search(text):
    _anchored_is_search("photo_from", text)


# --- line_agency tried on the lines that can hold its match only (credit._agency_line)
_AGENCY_LINE_PIECES = st.sampled_from([" ", "   ", "\t", "\n", "/", " / ", ".", ",", "AP", "Reuters", "Getty Images", "x" * 30,
                                       "abcdefghij", "é", "\xa0", "Monday", "Monday,", "June", "Dec.", "5", "2019", "٢٠١٩"])


def _agency_lines_are_all_lines(text: str) -> None:
    for name in ("line_agency", "agency_date_header"):
        rule, pattern = _RULES[name]
        every = [(m.span(), m.groupdict()) for m in credit._whole_lines(pattern, text)]
        tested = [(m.span(), m.groupdict()) for m in credit._whole_lines(pattern, text, credit._LINE_TESTS[name])]
        assert tested == every, (name, text)


@settings(max_examples=500)
@given(st.lists(_AGENCY_LINE_PIECES, max_size=14).map("".join))
@example(" " * 5 + "x" * 40 + " " * 5 + "\n" + "x" * 41)
@example("\t" + "x" * 39 + "\t\nAP/")
@example("x\nDPA / Monday, June 5, 2019  \nThe Daily Star/ Friday Dec. 1 1999")
def test_agency_lines_are_all_lines(text):
    _agency_lines_are_all_lines(text)


def test_agency_lines_are_all_lines_in_real_captions():
    for text in _real_captions():
        _agency_lines_are_all_lines(text)


# --- archive_ref tried at the ends of the lines that may end in a catalogue reference (credit._reference_need_start)
_REF_PIECES = st.sampled_from([" ", "  ", "\n", ".", ". ", ",", ";", "(", ")", "/", "-", "#", ":", "1", "02686", ".025", "x", "ab",
                               "Q", "IWM", "P", "ref.", "Neg. No.", " Collection", "State Library of Queensland",
                               "Auckland Libraries", "AWM", "é", "٣", "²"])


@settings(max_examples=500)
@given(st.lists(_REF_PIECES, max_size=14).map("".join))
@example("A ship, 1918.\nThe Imperial War Museums, IWM Q 4649\nAWM P02686.025. \nx")
@example("State Library of Queensland Neg. No. 72490")
@example("Auckland Libraries, 1-W1156ab..  ")
def test_reference_lines_are_the_backward_search(text):
    _line_ends_are_backward_search("archive_ref", text)


def test_reference_lines_are_the_backward_search_in_real_captions():
    for text in _real_captions():
        _line_ends_are_backward_search("archive_ref", text)


# --- cjk_photographed tried anchored in the runs of Han, spaces and "(（、，,/／" before a 摄, 攝, 撮 or 图 (credit._han_shot_starts)
_HAN_SHOT_PIECES = st.sampled_from([" ", "  ", "\n", "。", "，", ",", "、", "(", "（", ")", "）", "/", "／", "=", "「", "」", "摄", "攝",
                                    "撮影", "摄影", "图", " 图", "于", "新华社", "记者", "攝影記者", "发", "發", "王五", "邓 华", "张可任",
                                    "拍摄", "图片", "2019年", "AFP", "x", "\u3000", "光明图片"])


@settings(max_examples=600)
@given(st.lists(_HAN_SHOT_PIECES, max_size=16).map("".join))
@example("新华社记者 邓 华 摄")
@example("5月14日,武警消防戰士將晏鵬抬出。(新华社发 王五 摄)")
@example("拍摄者：王五、张可任摄/光明图片 图")
@example("王五 摄 张可任 摄影报道")
@example("小花 摄摄 王五 图")
@example("图为庙会现场。记者 支艳蓉 图  ")
@example("记者 王五 图\n")
@example("记者 王五 图 \n\n")
def test_han_shot_anchored_is_the_search(text):
    _anchored_is_search("cjk_photographed", text)


# --- cjk_photographed reads eight names at most (credit._HAN_NAMES: an unbounded list made a long run of Han words and
# commas quadratic): the same matches as the unbounded list wherever a list holds eight names or fewer
def _han_unbounded():
    import regex

    rule, pattern = _RULES["cjk_photographed"]
    bounded = credit._HAN_NAMES
    assert bounded.endswith("){0,7}") and bounded in rule.pattern
    return regex.compile(rule.pattern.replace(bounded, bounded[:-len("{0,7}")] + "*"), pattern.flags)


def _han_bound_changes_nothing(text: str, unbounded) -> None:
    _, pattern = _RULES["cjk_photographed"]
    whole = [(m.span(), m.groupdict()) for m in unbounded.finditer(text)]
    if all(len(credit.regex.split(r"[、，,]", g["name"] or "")) <= 8 for _, g in whole):
        assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == whole, text


@settings(max_examples=300)
@given(st.sampled_from(["", "新华社记者 ", "（新华社发 ", "記者", "图为庙会。"]),
       st.lists(st.sampled_from(["王五", "邓 华", "张可任", "李四", "拍摄视频"]), min_size=1, max_size=11),
       st.sampled_from(["、", "，", ", "]), st.sampled_from([" 摄", "摄", "/摄影", " 摄于", "摄）", ""]))
@example("", ["拍摄视频"] * 11, "，", "")
@example("新华社记者 ", ["王五"] * 8, "、", " 摄")
def test_han_name_list_bound_changes_nothing_up_to_eight(head, names, sep, shot):
    unbounded = _han_unbounded()
    _han_bound_changes_nothing(head + sep.join(names) + shot, unbounded)
    if len(names) <= 8 and shot.strip() in ("摄", "/摄影", "摄）"):  # a list of eight or fewer is read whole
        assert any(len(credit.regex.split(r"[、，,]", m["name"])) == len(names) for m in _RULES["cjk_photographed"][1].finditer(
            head + sep.join(names) + shot)), (head, names, shot)


def test_han_name_list_bound_changes_nothing_in_real_captions():
    unbounded = _han_unbounded()
    texts = [t for t in _real_captions() if "摄" in t or "攝" in t]
    assert len(texts) >= 5
    for text in texts:
        _han_bound_changes_nothing(text, unbounded)


@pytest.mark.parametrize("name, holds, least", [("org_photo_by", lambda t: " photo by" in t.lower(), 5),
                                                ("should_read", lambda t: "should read" in t, 3),
                                                ("photo_from", lambda t: " from " in t, 20),
                                                ("cjk_photographed", lambda t: "摄" in t or "攝" in t, 5)])
def test_anchored_is_the_search_in_real_captions(name, holds, least):
    texts = _real_captions()
    assert sum(1 for t in texts if holds(t)) >= least  # the real captions hold the rule's words: the test can fail
    for text in texts:
        _anchored_is_search(name, text)


@given(st.text(st.sampled_from("ab (\n:;\"”)/“é\u2028"), max_size=40), st.integers(0, 45))
@example("a(b)c", 0)
@example("”", 1)
def test_stop_find_is_the_last_stop_character(text, start):
    """_tail_match's one backward scan for a rule's stop characters finds the last of them, as str.rfind for each would."""
    for stop, find in credit._STOP_FIND.items():
        found = find.search(text, start)
        assert (found.start() if found else -1) == max(text.rfind(c, start) for c in stop)


@given(st.text(st.sampled_from(" -–—/ab\n"), max_size=12))
def test_dash_slash_needs_a_dash(text):
    """find_credits searches _DASH_SLASH only in a caption holding "-" or "–": a match holds one."""
    if credit._DASH_SLASH.search(text):
        assert "-" in text or "–" in text


@settings(max_examples=500)
@given(_TEXT)
@example("ROBERT KITCHIN/Stuff Thousands of protesters")
@example("6 of 16 Chris Thompson/SpaceX\nUp in the air")
@example("Kelsie Moore\n/\nKUER\nStudent organizers")
def test_lead_sep_gate(text):
    _gate_holds("lead_chain", text)


def _holder_after_stop_plain(text: str) -> bool:
    """_gate_holder_after_stop as written before its last-word test: the sentence found first, then its words."""
    if not text.rstrip(" .")[-1:].isalpha():
        return False
    body = text.rstrip(" ").rstrip(".")
    start = max(body.rfind(". "), body.rfind("! "), body.rfind("? "), body.rfind("\n"))
    if start < 0:
        return False
    words = body[start + 1:].split()
    return 2 <= len(words) <= 7 and words[-1].islower() and credit._is_org_like(words[-1])


_HOLDER_PIECES = st.sampled_from([" ", "  ", ".", ". ", "! ", "? ", "\n", "\t", "\u2028", ",", "Teuvo Mäkinen", "Vapriikin",
                                  "kuva-arkisto", "museot", "arkisto", "archive", "AFP", "x", "É", "é", "museum", "Kuvaamo"])


@settings(max_examples=400)
@given(st.lists(_HOLDER_PIECES, max_size=14).map("".join))
@example("vuonna 1936. Teuvo Mäkinen, Vapriikin kuva-arkisto.")
@example("A fire. Lappeenrannan museot. ")
@example("A fire. museot. .")
@example("x. \tarkisto")
def test_holder_gate_last_word_first_is_the_plain_gate(text):
    """name_comma_holder's gate, its last word tested before the sentence is found, answers as the plain gate."""
    assert credit._gate_holder_after_stop(text, None) == _holder_after_stop_plain(text), text


def test_holder_gate_is_the_plain_gate_on_real_captions():
    texts = _real_captions()
    assert any(_holder_after_stop_plain(t) for t in texts)  # the real captions hold the shape: the test can fail
    for text in texts:
        assert credit._gate_holder_after_stop(text, None) == _holder_after_stop_plain(text), text
