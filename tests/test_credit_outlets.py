"""Outlets named the way one house writes them: a web address, a member paper glued to its network, a screenshot
label (restC review of the corpus; real cases in tests/data/credit_cases.json)."""
from hypothesis import given, settings, strategies as st

from captionclean.parse import parse_caption
from captionclean.tables import load_agencies

_GIVEN = st.sampled_from(["Felix", "Johannes", "Amanda", "Joe", "Eva"])
_SURNAME = st.sampled_from(["Zahn", "Gregor", "Inscore", "Lamberti", "Kirchner"])
# (a site's name opening with a credit marker, "photograph.net", is read as that marker by the chain pattern; one
# that is a known agency's short name, "aap.com", is that agency)
_AGENCIES = load_agencies()
_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=12).filter(
    lambda w: not w.startswith(("photo", "foto", "bild", "image", "pic", "credit")) and not _AGENCIES.lookup(w))


@settings(max_examples=80, deadline=None)
@given(_GIVEN, _SURNAME, _WORD, st.sampled_from(["net", "de", "at", "com", "org"]), st.sampled_from(["Bild © ", "Foto: ", "© "]))
def test_web_address_names_the_outlet(given_name, surname, site, tld, label):
    """A chain's part that is a web address is the outlet (credit.domain_org); an e-mail address is no outlet."""
    rec = parse_caption(f"Menschen vor der Bühne.\n{label}{given_name} {surname}/{site}.{tld}")
    assert (rec.photographer, rec.agency) == (f"{given_name} {surname}", f"{site}.{tld}"), rec.style
    assert "domain_org" in rec.style
    mail = parse_caption(f"Snow covers the road on Tuesday. {given_name} {surname}/{surname.lower()}@{site}.{tld}")
    assert mail.agency == "" and "domain_org" not in mail.style, mail.style


@settings(max_examples=40, deadline=None)
@given(_WORD, st.sampled_from(["net", "de", "org"]), st.sampled_from(["CDC", "NASA", "AFP"]))
def test_web_address_after_a_source_is_no_distributor(site, tld, source):
    """"CDC/wikipedia.org": where the picture was found, after its source, distributes nothing."""
    rec = parse_caption(f"Coronaviren unter dem Mikroskop. Quelle: {source}/{site}.{tld}")
    assert rec.distributor == "" and rec.agency == parse_caption(f"Coronaviren unter dem Mikroskop. Quelle: {source}").agency


@settings(max_examples=80, deadline=None)
@given(_GIVEN, _SURNAME, st.sampled_from(["The News-Press", "Courier-Post", "Naples Daily News", "The Desert Sun"]),
       st.sampled_from(["-USA Today Network", " USA TODAY NETWORK", " USA TODAY NETWORK-Florida", "-USA TODAY NETWORK-Ohio"]),
       st.sampled_from(["/", ", "]))
def test_member_paper_then_network(given_name, surname, paper, network, sep):
    """A member paper glued to its network, a state's name after it at most (credit.network_member): the paper is the
    agency, the network the next organisation."""
    rec = parse_caption(f"Fans line the route of the parade outside the museum.\n{given_name} {surname}{sep}{paper}{network}")
    assert (rec.photographer, rec.agency, rec.distributor) == (f"{given_name} {surname}", paper, "USA Today Network"), rec.style
    assert "network_member" in rec.style


@settings(max_examples=60, deadline=None)
@given(_GIVEN, _SURNAME, st.sampled_from(["-USA Today Network", " USA TODAY NETWORK-Narnia", "-USA TODAY NETWORK Ohio"]))
def test_network_after_a_person_is_no_member(given_name, surname, network):
    """A person's name before the network is no member paper; a word that is no state's after it is no unit of it."""
    rec = parse_caption(f"Fans line the route of the parade outside the museum.\nJoe Lamberti/{given_name} {surname}{network}")
    assert "network_member" not in rec.style, rec.style


@given(st.sampled_from(["Foto: Captura de pantalla", "Foto: Captura de video", "(Foto: Captura de pantalla)",
                        "Foto: Reprodução/Instagram"]))
@settings(max_examples=20, deadline=None)
def test_screen_capture_is_no_photographer(label):
    """A screenshot's label (es "Captura de pantalla", cut to "Captura de" by the chain; pt "Reprodução") names no one."""
    rec = parse_caption(f"Reacción del presidente a las acusaciones. {label}")
    assert rec.photographer == "", rec.style


@settings(max_examples=80, deadline=None)
@given(_GIVEN, _SURNAME, st.sampled_from(["The Salt Lake Tribune", "KUER", "Deseret News", "PhillyVoice"]),
       st.sampled_from(["Don Thorpe holds a sign", "Protesters gather", "A 1920s photo shows"]))
def test_lead_credit_in_brackets(given_name, surname, org, sentence):
    """A credit opening the caption in brackets, a bar inside (credit.lead_chain): the bracket closes the organisation."""
    rec = parse_caption(f"({given_name} {surname} | {org}) {sentence} before a visit by the president.")
    assert (rec.photographer, rec.agency) == (f"{given_name} {surname}", org), rec.style
    assert rec.description.startswith(sentence)


@settings(max_examples=60, deadline=None)
@given(_GIVEN, _SURNAME, st.sampled_from(["Jane Doe", "Salt Lake", "the Tribune"]),
       st.sampled_from(["protesters gather", "Don Thorpe holds a sign"]))
def test_bracket_lead_needs_an_organisation_and_a_sentence(given_name, surname, other, sentence):
    """Two names, a place or small words in the brackets, or no sentence's capital after them: no lead credit."""
    rec = parse_caption(f"({given_name} {surname} | {other}) {sentence} before a visit by the president.")
    assert "lead_chain" not in rec.style, rec.style


@settings(max_examples=60, deadline=None)
@given(_GIVEN, _SURNAME, st.sampled_from(["Globe", "Tribune", "Courant", "Star Tribune", "Daily News"]))
def test_paper_staff_with_a_capital(given_name, surname, paper):
    """"NAME/Globe Staff": the paper's staff photographer; the paper is the agency, "Staff" a tag, as "Globe staff"."""
    rec = parse_caption(f"A woman watches the eclipse near the museum. ({given_name} {surname}/{paper} Staff)")
    assert (rec.photographer, rec.agency) == (f"{given_name} {surname}", paper), rec.style
    assert "staff" in rec.style
    assert parse_caption(f"A woman watches the eclipse near the museum. ({given_name} {surname}/{paper} staff)").agency == paper


@settings(max_examples=30, deadline=None)
@given(_GIVEN, _SURNAME, st.sampled_from(["General Staff", "Joint Staff", "Reuters Staff", "AFP Staff"]))
def test_staff_bodies_and_placeholders_stay(given_name, surname, body):
    """"General Staff", "Joint Staff" are bodies named Staff; "Reuters Staff" a placeholder: none is cut."""
    rec = parse_caption(f"Soldiers march past the ministry. ({given_name} {surname}/{body})")
    assert rec.agency not in ("General", "Joint"), rec.style


@settings(max_examples=40, deadline=None)
@given(_GIVEN, _SURNAME, st.sampled_from(["Florida", "Wisconsin", "Ohio", "Tennessee"]), st.sampled_from(["", "Naples Daily News/"]))
def test_network_alone_with_its_state(given_name, surname, state, paper):
    """"…/USA TODAY Network-Florida": the network's unit in a state; the state is no photographer."""
    rec = parse_caption(f"Water damage to the restaurant. {given_name} {surname}/{paper}USA TODAY Network-{state}")
    assert rec.photographer == f"{given_name} {surname}", rec.style
    assert "USA Today Network" in (rec.agency, rec.distributor) and "network_member" in rec.style


@settings(max_examples=60, deadline=None)
@given(_GIVEN, _SURNAME, _WORD, st.sampled_from(["eu", "de", "com", "net"]), st.sampled_from(["Fotos: ", "Foto: ", "© "]))
def test_capitalised_web_address_names_the_outlet(given_name, surname, site, tld, label):
    """"Jordi Estruch/Alcaldes.eu": a site's address with a capital first letter is still the outlet, whole (webC3)."""
    outlet = f"{site.capitalize()}.{tld}"
    rec = parse_caption(f"Reportatge fotogràfic de la jornada.\n{label}{given_name} {surname}/{outlet}")
    assert (rec.photographer, rec.agency) == (f"{given_name} {surname}", outlet), rec.style


@settings(max_examples=60, deadline=None)
@given(_WORD, st.sampled_from(["com", "org", "pl", "de"]), st.sampled_from(["(fot. {})", "Фото: https://{}", "Photo: http://{}", "({})"]))
def test_web_address_in_capitals_or_with_its_scheme(site, tld, shape):
    """"(fot. TVPSPORT.PL)", "Фото: https://vk.com": the address closing the caption is the source (end_domain, webC3)."""
    domain = f"{site}.{tld}"
    written = domain.upper() if shape.startswith("(") else domain
    rec = parse_caption("Kadr z meczu na stadionie. " + shape.format(written))
    assert rec.agency == written and rec.photographer == "", rec.style


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["U.S.", "D.C.", "U.K.", "Ph.D.", "a.m.", "St. Louis.", "Washington, D.C.", "the U.N."]),
       st.sampled_from(["He returned to", "Students met in", "The talks ended in", "They left"]))
def test_abbreviation_closing_a_sentence_is_no_web_address(abbrev, lead):
    """Capitals and dots closing a sentence ("U.S.", "D.C.") are no site's address: nothing is credited."""
    rec = parse_caption(f"{lead} {abbrev}")
    assert rec.agency == "" and "end_domain" not in rec.style, rec.style


@settings(max_examples=40, deadline=None)
@given(_GIVEN, _SURNAME, st.sampled_from(["Pic", "Pics", "pic", "pics"]))
def test_pic_label_before_a_slash_is_no_agency(given_name, surname, label):
    """"… after heavy rain. Pic/Shadab Khan" (mid-day): the short label names no one and no organisation (webC3)."""
    rec = parse_caption(f"Waterlogged road at the junction after heavy rain. {label}/{given_name} {surname}")
    assert (rec.photographer, rec.agency) == (f"{given_name} {surname}", ""), rec.style
