"""find_credits' work after each match keeps every reading: the chain of unknown parts dropped first is the one
_plain_chain_of drops, the reading remembered by four groups depends on no other, and the glue gate in
_parse_chain is implied by both glue patterns (Hypothesis, over credit-like pieces)."""
from hypothesis import given, settings, strategies as st

from captionclean.grammar import credit
from captionclean.tables import load_agencies

_PIECES = st.sampled_from(["AP", "Reuters", "REUTERS", "Getty Images", "AFP", "EFE", "dpa", "Handout", "File", "Pool",
                           "John Smith", "ANNA LEE", "McDonald", "AltmanJOEL SAGET", "MaracanãReginaldo Pimenta",
                           "Sheriff's Office", "x", "é", "Photo", "via", "for", " ", "/", " / ", "   ", " via ", "|", ",",
                           "-", " - ", "(", ")", ".", "2019", "\n"])
_CHAIN = st.lists(_PIECES, min_size=1, max_size=8).map("".join)
_RULES = {rule.name: rule for rule, _ in credit.COMPILED}
_AGENCIES = load_agencies()


@settings(max_examples=300)
@given(_CHAIN)
def test_known_first_drops_what_plain_chain_of_drops(chain):
    for name in credit._KNOWN_FIRST:
        read = credit._plain_chain_of(_RULES[name], {"chain": chain}, _AGENCIES)
        assert (read is None) == (not chain or not credit._all_known(chain, _AGENCIES)), name
        assert read is None or read == chain, name


@settings(max_examples=200)
@given(_CHAIN, st.sampled_from([None, "Photo by", "Photographs:", "Fotograf:"]), st.sampled_from([None, "EFE"]),
       st.sampled_from([None, "/12"]))
def test_reading_depends_on_four_groups(chain, lead, prev, code):
    g = {"chain": chain, "lead": lead, "prev": prev, "code": code}
    more = dict(g, name="John Smith", org="Reuters", agency="AP", date="March 3, 2019", tag="file", staff="x")
    for name in credit._READ_BY_GROUPS:
        assert credit._chain_of(_RULES[name], g, _AGENCIES) == credit._chain_of(_RULES[name], more, _AGENCIES), name


@settings(max_examples=500)
@given(_CHAIN)
def test_glue_gate(part):
    if not credit._LOWER_UPPER.search(part):
        assert credit._glued_caps_end(part) is None and not credit._GLUED_TITLE.match(part)


def test_glue_gate_lets_glues_through():
    assert credit._LOWER_UPPER.search("Sam AltmanJOEL SAGET") and credit._glued_caps_end("Sam AltmanJOEL SAGET") is not None
    assert credit._LOWER_UPPER.search("do MaracanãReginaldo Pimenta") and credit._GLUED_TITLE.match("do MaracanãReginaldo Pimenta")
