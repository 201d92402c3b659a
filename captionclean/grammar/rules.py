"""The rule registry: every name a row's ``style`` can hold, with its namespace and what it reads.

The grammar modules name their rules plainly (``end_chain``, ``dateline_getty``, ``pool``); the
table a user reads shows each under one namespaced name (``credit.end_chain``,
``dateline.getty``, ``tag.pool``), so the ``style`` column says which part of the grammar gave
a field. One table here lists them all, with one line on what each reads; a rule that fires
without an entry here is a defect (``tests/test_rules.py`` fails), and so is an entry with no
case in ``tests/data``.

``qualify`` maps a plain name to its registered name; ``REGISTRY`` maps registered names to
:class:`RuleInfo`.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleInfo:
    name: str       # namespaced: "credit.end_chain"
    plain: str      # as the grammar module names it: "end_chain"
    namespace: str  # credit, tag, dateline, date, place, trailer, text
    reads: str      # one line: what it reads


# (namespace, plain name, what it reads). The namespaced name is NAMESPACE + "." + the plain
# name less a leading "NAMESPACE_" ("dateline_getty" → "dateline.getty").
_TABLE: list[tuple[str, str, str]] = [
    # --- credits (grammar/credit.py RULES, in priority order) -------------------------------
    ("credit", "should_read", "AFP's '(Photo credit should read NAME/AFP/Getty Images)'"),
    ("credit", "mandatory_credit_photo_by", "Shutterstock's 'Mandatory Credit: Photo by NAME/AGENCY (id)'"),
    ("credit", "photo_by", "a bracketed marker: '(Photo by …)', '(Photograph: …)', '(Image by …)'"),
    ("credit", "photo_name_dot_agency", "French papers' '(Photo NAME. AGENCY)'"),
    ("credit", "org_photo_by", "'ORGANISATION photo by NAME' (government and military styles)"),
    ("credit", "agency_photo_paren", "'(AP Photo/NAME)', '(AFP Photo/NAME)'"),
    ("credit", "photography_by", "a line that opens 'Photo by', 'Photography by'"),
    ("credit", "reuters", "Reuters' wordmark chain: 'REUTERS/NAME', 'Reuters/NAME/File Photo'"),
    ("credit", "org_photo_label", "an organisation's photo label: 'ST PHOTO: NAME', 'AP Foto/Name'"),
    ("credit", "label_colon", "a label and colon: 'Photo: …', 'Credit: …', 'Photographer: …', glued 'Credit…'"),
    ("credit", "credit_word", "the New York Times' 'Credit NAME/AGENCY — DISTRIBUTOR', 'Credit Credit NAME for The New York Times': the word Credit, no colon"),
    ("credit", "wikimedia_attribution", "Wikimedia Commons' attribution: 'By NAME (Own work) [CC BY-SA 3.0], via Wikimedia Commons', "
     "'„Title“ von NAME Lizenziert unter CC BY 3.0 über Wikimedia Commons'"),
    ("credit", "credit_marker", "a credit marker of any language from data/credit_markers.csv: 'Foto:', 'Crédito:', 'Bild:', "
     "'Photo / Supplied', glued ('…BartsCredit:')"),
    ("credit", "copyright", "'© NAME/AGENCY', '(C) NAME', 'Copyright © 2012 by ORG'"),
    ("credit", "paren_chain", "a chain in brackets: '(NAME/AGENCY)', '(AGENCY via DISTRIBUTOR)'"),
    ("credit", "name_email", "a name, then an e-mail address holding the surname (a paper's staff credit)"),
    ("credit", "by_particle_end", "a 'by' marker whose last word is a name's particle closing the caption with its chain: 'Fotografia de NAME/ORG', '(Fotografia do ORG)', 'Foto von NAME/dpa'"),
    ("credit", "genitive_name_after", "a name in the genitive before a marker written after it, turned to the nominative: '(Vygaudo Juozaičio nuotr.)' → Vygaudas Juozaitis"),
    ("credit", "end_chain", "a chain that ends the caption: '… NAME/AGENCY via DISTRIBUTOR'"),
    ("credit", "desk_chain", "a chain with a desk's separators: 'Name | Paper | Distributor', '~', '•', '—'"),
    ("credit", "credit_by", "'Photo by', 'Pix by', 'Foto von' and the like in any language"),
    ("credit", "by_chain", "'von NAME/AGENCY', 'by NAME/AGENCY'"),
    ("credit", "courtesy_marker", "'Courtesy of', 'Cortesía de', 'Cedida por', Indonesian 'Dok.' ('(Dok.IGI)') a person or an organisation"),
    ("credit", "name_paren_agency", "a name, then its agency in brackets: 'JUAN BARRETO (AFP)'"),
    ("credit", "name_dash_agency", "a name, a spaced dash, a known agency closing the caption: '… 2019.⏎Ricardo Rubio - Europa Press'"),
    ("credit", "paren_name_org", "a name, a dash or comma and its organisation (or a chain) in brackets at the end: '(Name – Lehtikuva)', '[Name, Standard]', '(Name, AFP/Getty Images)'"),
    ("credit", "credit_marker_bare", "a bare marker and a name at a line's end: 'PIC NAME', 'Picture NAME'"),
    ("credit", "name_line_agency", "a name on one line, a known agency on the next"),
    ("credit", "line_chain", "a short line that is only a chain of names and known agencies"),
    ("credit", "name_comma_agency", "'NAME, KNOWN AGENCY' or 'Name Surname, Detroit Free Press' (an organisation of two words or more) closing a line"),
    ("credit", "afp_photo_name", "'AFP PHOTO NAME SURNAME' with no slash"),
    ("credit", "afp_slash", "'/ AFP / NAME', '… AFP' at the end"),
    ("credit", "name_agency_caps", "'NAME SURNAME AFP' after the last sentence"),
    ("credit", "paren_agency", "a known agency in brackets at the end: '(Xinhua)', '(Kyodo)'"),
    ("credit", "line_agency", "a short line that is only a known agency"),
    ("credit", "end_agency", "a known agency after the last sentence"),
    ("credit", "end_agency_caps", "a known agency's wordmark in capitals closing a caption with no full stop: '… on Thursday PTI'"),
    ("credit", "end_agency_words", "a known agency in title case closing a caption with no stop, no function word before it: '… in Madrid, Spain Reuters'"),
    ("credit", "end_slash_agency", "a spaced slash, a known agency and a dash before its photographer closing the caption: '… / EFE - Julio Muñoz', '… / EUROPA PRESS'"),
    ("credit", "hebrew_paren_name", "a Hebrew paper's photographer alone in brackets closing the caption: '… ברחוב בלפור. (נינה פוקס)'"),
    ("credit", "caseless_label", "a label in a script with no capitals (Bengali ছবি, Hebrew צילום, Persian عکاس, Hindi फोटो, Nepali तस्बिरः, Malayalam ഫോട്ടോ, Gujarati તસવીર), a colon "
     "(or a dash; Thai ภาพโดย needs none), a name closing the line, its agency after a slash (a known agency before the slash: "
     "the photographer after it, 'फोटो: एपी / NAME')"),
    ("credit", "year_then_credit", "an archive's title, the year, then the credit: '…, 1987 - Hans Aarsman', '…, 1967, Name - Stadsarchief Amsterdam'"),
    ("credit", "date_by_name", "archives: the picture's date, then 'by' and the photographer closing the caption: '… May 5th, 1959 by George Elam', '… 5/1973 by Arthur Tress'"),
    ("credit", "desk_org_chain", "a known agency, a desk's bar and the rest closing a line: 'The Washington Post | Getty Images', 'picture alliance | NAME'"),
    ("credit", "name_for_org", "'NAME for PAPER' after the last sentence: 'Nicole Neri for MPR News'"),
    ("credit", "name_comma_holder", "Finnish museums' last sentence: the photographer or studio, a comma, the holding institution "
     "in the genitive and a noun in lower case: '… 1936. Teuvo Mäkinen, Vapriikin kuva-arkisto.', 'Päivälehden arkisto.'"),
    ("credit", "comma_archive", "the holding institution after a comma closing an archive caption: '…, Marfa Public Library', '…, Irving Archives, 1902'"),
    ("credit", "agency_date_header", "'AGENCY / Weekday, Month D, YYYY' as a header line"),
    ("credit", "dpa_bildfunk", "dpa's '+++ dpa-Bildfunk +++'"),
    ("credit", "paren_name_end", "a person's name in brackets at the end: '(Laura Simon)'"),
    ("credit", "end_name_after_day", "Indian papers: a name right after the sentence's day, no stop between: '… on Thursday Amit Datta'"),
    ("credit", "end_name", "a name in title case after the last sentence, with no stop of its own: '…in Los Angeles.John Shearer'"),
    ("credit", "end_caps_name", "a name in capitals after the last sentence"),
    ("credit", "end_domain", "a web address closing the caption: '[eastday.com]', 'www.jewishcork.com', also after a label: 'Фото: crimealife.org.ua'"),
    ("credit", "end_org", "an organisation's name (an organisation word in it) after the last sentence: '680 NEWS', 'Huw Evans Agency'"),
    ("credit", "chain_then_name", "a chain, a semicolon and the next picture's photographer: 'NAME/NurPhoto via Getty Images; NAME' (Business Insider)"),
    ("credit", "photo_from", "a picture from a known or organisation-shaped source: '(Screen image from ORG)', 'The picture from the ORG shows …'"),
    ("credit", "bbc_image_copyright", "BBC pages: 'Image copyright Getty Images Image caption …', the credit between the page's two labels"),
    ("credit", "comma_label_source", "BBC pages in every language: a label, a comma, the source closing the line: 'Image source, "
     "NAME / PA Media', Bengali 'ছবির উৎস, EPA', Hindi 'इमेज स्रोत, AFP', Tamil 'பட மூலாதாரம், AFP', Urdu '،تصویر کا ذریعہReuters'"),
    ("credit", "photo_org_label", "Central American papers' '(Foto Prensa Libre: NAME)': the marker, the paper, a colon, the photographer"),
    ("credit", "paren_org_end", "an organisation's name in brackets closing the caption: '(Yamhill County Sheriff's Office)'"),
    ("credit", "name_then_tag", "a name or a paper, then the kind of picture, closing the caption: 'NAME Submitted photo', '(Oregonian file photo)', '(The Commercial Appeal files)'"),
    ("credit", "bracket_file", "Al Jazeera's archive credit in square brackets: '[File: Reuters]', '[File: NAME/AFP]'"),
    ("credit", "lead_glued_chain", "a credit opening the caption glued to its first word: 'Name/USA TODAY SportsRookie coach …'"),
    ("credit", "lead_chain", "a credit opening the caption, its sentence right after it: 'NAME/Stuff Thousands of …', "
                             "'NAME | The Salt Lake Tribune Youth dancing …'"),
    ("credit", "first_line_name", "a photographer's name alone on the caption's first line, the caption below, no marker: "
                                  "'Simon Bruty⏎⏎Spain's defender …' (a common given name first: data/given_names.csv, lang en; "
                                  "read only when no other rule found a credit)"),
    ("credit", "archive_ref", "a known archive and its catalogue reference closing the caption: 'NLI ref. PWP2027', 'AWM P02686.025'"),
    ("credit", "collection_of", "'from the collection of ARCHIVE', 'from the X Collection' closing the caption"),
    ("credit", "cjk_reporter", "a Korean paper's reporter: 'NAME 기자' closing the caption, an e-mail after it; 'PAPER=NAME 기자(mail)', '|NAME기자'"),
    ("credit", "cjk_photographed", "Chinese and Japanese credits: '新華社記者 NAME 攝' (reporter NAME photographed), '新华社发(NAME 摄)', "
     "'(NAME摄/光明图片)', '記者NAME/攝影', '…、NAME撮影'"),
    ("credit", "cjk_agency", "a Korean wire's '[서울=뉴시스]' opening the caption (its reporter after it: '[서울=뉴시스]NAME 기자 = …'; "
     "a foreign agency's picture: '[서울=AP/뉴시스]'), or 'CITY 연합뉴스' as its last line"),
    ("credit", "cjk_ko_label", "a Korean paper's photo label: '[사진 = NAME 기자]', '[사진 출처 = 연합뉴스]', '사진=ORG 제공', '(사진: 영상기자 NAME)'"),
    ("credit", "cjk_label", "a Han label or source: '(画像:NAME)', '攝:NAME/端傳媒', '中新社记者:NAME', '(圖/ORG提供)', 'ORG供图', '(NAME/大紀元)'"),
    ("credit", "cjk_year_agency", "Reuters' Japanese pages: the year, the agency in katakana, the photographer in Latin letters "
     "closing the caption: '(2022年 ロイター/Henry Nicholls)'"),
    ("credit", "cjk_agency_end", "a known agency closing a Chinese or Japanese caption: '=ロイター', '＝ＡＰ', '视觉中国 图', '（视觉中国）', '（Ｃ）共同通信社'"),
    ("credit", "by_line", "an archive's line 'by RANK NAME', or the IWM catalogue's 'by Surname, W (Lt)'"),
    ("credit", "pic_caps_end", "'PIC NAME' in capitals closing the caption after any word: '… Award PIC DARRAGH KANE'"),
    ("credit", "bare_marker_mid", "a bare marker inside the text: '… from the road Picture NAME.', 'Photograph NAME, copyright ORG.', "
     "'Photographer W.J. Hall. ANMM Collection …', 'Photo credit Dr. NAME.'"),
    ("credit", "released_by", "'image released by KNOWN ORGANISATION'"),
    ("credit", "joined_names", "photographers joined by 'and': 'Peter R. Barber and Mark Perfetti', 'Eamonn and James Clarke'"),
    ("credit", "handout_source", "AFP's handouts: 'AFP PHOTO / HO / SANA': the source after the handout mark, AFP distributes"),
    ("credit", "institution_partners", "an institution's partners after it are no distributor: 'NASA/JPL-Caltech/Univ. of Arizona'"),
    ("credit", "wordmark_first", "one word ahead of a person's full name is the agency's wordmark: 'Lichtgut/Christoph Schmidt', 'GdP/Hagen Immel'"),
    ("credit", "label_dash_name", "a label, a spaced dash for its colon, a name closing the line: 'PC – Osanda Daham Nimsara', "
                                  "'© Historic England Archive: Photographer - Pete Horne'"),
    ("credit", "place_before_name", "the sentence's place run into the photographer's name before a chain: '… cabaret in Paris "
                                    "Benoit Tessier/Reuters', '… in Washington, D.C. Paul Morigi/WireImage'"),
    ("credit", "headline_bar", "a headline with no stop, a bar, then a chain opening with a known agency: the headline's last "
                               "word is no part: '… in Athen | dpa/NAME', '… τον Δεκαπενταύγουστο | EUROKINISSI/NAME'"),
    ("credit", "lead_copyright_cut", "a copyright opening the caption, the sentence's first word run into its chain: '© Lucy "
                                     "Nicholson Detainees at …', '© Iona Dutz / Greenpeace Mit Aktionstagen macht …'"),
    ("credit", "name_dash_chain", "a photographer's name and a spaced dash before a chain: 'Russell Cheyne - WPA/Pool via Getty Images'"),
    ("credit", "sentence_agency", "the sentence's last word run into an agency's wordmark in capitals: '… in Milan AFP via Getty Images'"),
    ("credit", "country_part", "a country's name as a chain's part is the picture's place, no one's name: '(Photo: Pakistan/ICRC)'"),
    ("credit", "network_member", "a member paper glued to its network: 'Courier-Post-USA Today Network', "
                                 "'The News-Press USA TODAY NETWORK-Florida'"),
    ("credit", "domain_org", "a chain's part that is a web address names the outlet: 'Felix Zahn/photothek.net', "
                             "'Johannes Gregor/hessenschau.de'"),
    ("credit", "subject_before_name", "a gallery's subject before the photographer: 'Charlize Theron Steve Granitz/WireImage'"),
    # --- tokens that stand where a name would (tables.PLACEHOLDERS values) -------------------
    ("tag", "handout", "the picture is a handout ('Handout', 'HO', 'Courtesy of …')"),
    ("tag", "pool", "a pool picture ('Pool', 'WPA Pool')"),
    ("tag", "stringer", "a stringer's picture ('STR', 'Stringer')"),
    ("tag", "uncredited", "'Uncredited'"),
    ("tag", "no_name", "'-' where the photographer's name would be ('-/CCTV/AFP')"),
    ("tag", "staff", "'Staff', 'Reuters Staff'"),
    ("tag", "file", "an archive picture ('File', 'File Photo')"),
    ("tag", "supplied", "'Supplied': the picture came from the people in it or their organisation"),
    ("tag", "family_first", "a name printed family name first in a credit of a language that does so ('MTI/Kovács Béla', "
     "'ČTK / Kamaryt Michal'), turned to given name first (data/given_names.csv, name_words.csv family_first_cue)"),
    ("tag", "name_genitive", "a Russian or Ukrainian name printed in the genitive after 'Фото' with no colon ('Фото Сергея "
     "Шелега, БЕЛТА'), turned to the nominative (names.nominative_name, data/given_names.csv)"),
    ("tag", "screen_grab", "a still from video or a screen ('YouTube screen grab')"),
    # --- datelines (grammar/places.py DATELINES) --------------------------------------------
    ("dateline", "dateline_getty", "Getty's 'CITY, ST - MONTH D:' in capitals"),
    ("dateline", "dateline_getty_dash", "'CITY - MONTH D, YYYY - '"),
    ("dateline", "dateline_mixed_case", "'City, Country - Month D:' in mixed case"),
    ("dateline", "dateline_paren_date", "'PLACE (Month D, YYYY)'"),
    ("dateline", "dateline_no_date", "'SAN SALVADOR, EL SALVADOR:' with no date"),
    ("dateline", "dateline_label", "'City, Country:' or 'City, Country / ' opening the caption"),
    ("dateline", "dateline_ap", "AP-style 'CITY (AP) —', with any agency data/agencies.csv knows in the brackets: 'ARDAHAN (AA) -', "
     "'BERLIN (dpa) -', 'ROMA (ANSA) -'; a Turkish name in capitals lowered the Turkish way when the lexicon knows it so "
     "('ŞANLIURFA' → Şanlıurfa, 'IĞDIR' → Iğdır)"),
    ("dateline", "dateline_date_first", "the date first: dpa's '05 November 2019, US, San Francisco:', USA TODAY Sports' 'Jul 26, 2023; Indianapolis, IN, USA;'"),
    ("dateline", "dateline_city_stop", "a large city alone as the first sentence ('Roma. …')"),
    ("dateline", "dateline_numeric", "a place before a numeric date: 'MADRID, 19/10/2019.-', 'Rio de Janeiro (RJ), 17/02/2026 –', NTB's 'OSLO 19820820', "
     "ANTARA's 'MERAK 5/9 -' (a town the gazetteer lacks, before a day, a month and a dash)"),
    ("dateline", "dateline_caps_dash", "a place in capitals and a dash: 'HARARE - …'"),
    ("dateline", "dateline_town_province", "EFE's town and its province in brackets before the date and '.-': "
     "'LA ROCA DEL VALLÉS (BARCELONA), 12/05/2024.-', 'Vélez-Málaga (Málaga), 20 abr (EFE).-' (a province the lexicon knows)"),
    ("dateline", "dateline_place_dash", "a place then its state or country in any case, a dash and no date: 'PARIS, France — …', "
     "'DES MOINES, Iowa — …', 'Hamilton, New Zealand - …' (the state or country one the lexicon knows)"),
    ("dateline", "dateline_city_dash", "a town of 50,000 or more in mixed case and a dash opening the caption: 'São Paulo – Parte do dia …', 'Cuneo – Corso Nizza …'"),
    # --- dates (grammar/dates.py shapes, "date_" + shape; and how the date was completed) -----
    ("date", "date_iso_slash", "'2019/04/03', '2019-04-03'"),
    ("date", "date_credit_tail", "no other date: a month and year closing the credit chain, UN and archive style "
     "('UNHCR / E. Hockstein / August 2009')"),
    ("date", "date_dated_dmy", "'dated 03/04/2019'"),
    ("date", "date_dmy_numeric", "'13.05.2018'"),
    ("date", "date_month_day_year", "'(Monday,) March 4, 2013'"),
    ("date", "date_day_month_year", "'17 March 2005', '4th of March, 2013'"),
    ("date", "date_month_day", "'March 4' with no year (completed from elsewhere)"),
    ("date", "date_day_month", "'4 March' with no year (completed from elsewhere)"),
    ("date", "date_month_year", "'March 2013'"),
    ("date", "date_in_year", "'in 1998'"),
    ("date", "date_dmy_slash", "'17/02/2026': day first, month first in a US place"),
    ("date", "date_mdy_slash", "'6/27/2003' in a US place or where only month first fits"),
    ("date", "date_lead_mdy", "'6/27/03' opening a caption"),
    ("date", "date_ymd_dots", "'2020.08.23.'; in Han, kana or Hangul text also '2022.7.30'"),
    ("date", "date_ymd_cjk", "year, month and day counted in CJK: '2022年8月10日', '2020년 8월 23일'"),
    ("date", "date_ym_cjk", "year and month counted in CJK: '2021年5月'"),
    ("date", "date_year_cjk", "a year counted in CJK opening the caption or after a word making it the photo's "
     "('taken in', 'the picture shows'; date_words photo_lead_cjk): '1978년 …', '摄于2000年', '图为1956年…', '1959年的夏天'"),
    ("date", "date_era_year", "an era's name and its year (eras.csv), in the first sentence unless a full date: Japanese "
     "'昭和36年10月13日', '(昭和34年)', not a decade '昭和30年代'; Thai Buddhist 'ปี พ.ศ. 2498' (= 1955)"),
    ("date", "date_month_word_year", "a word naming a month, its number and the year (date_words month_word, day_word, "
     "year_word): Vietnamese 'tháng 4/1972', 'Tháng 4 năm 1964', 'ngày 8 tháng 6 năm 1972'; a month and year as month_year's"),
    ("date", "date_ymd_words", "the year first, then the month's name and the day, as Hungarian writes it: "
     "'Budapest, 1956. október 23.' (tables.YEAR_FIRST_LANGS)"),
    ("date", "date_year_word", "a word naming a year, then the year closing its phrase: 'Rok 1942.', ', năm 1945.', "
     "'Årstall 1923' (date_words year_word)"),
    ("date", "date_year_close", "a year closing the caption after a place or title with no comma: ', Antalya, Turkey 1955', "
     "'. Stockholm 1953', 'en Zaragoza 1977', 'TANDJONG PRIOK 1930 (…)', '… de Bernardière - 1927'; not after an article "
     "or a sign ('der Fertigstellung 1911', '© European Union 2020')"),
    ("date", "date_year_title", "a year opening the caption as a title, before a dash or a comma: '1930 - anniversaire …', "
     "'1955, καρέ …', '1939,苏联 …' (not a span or a list of years)"),
    ("date", "date_in_year_words", "'in' and a year in other languages, the year closing its phrase in the first sentence, as "
     "in_year's (date_words in_year): 'nel 1956', 'en 1910', 'em 2019', 'vuonna 1913', 'v roce 1967'; not after a number "
     "('1940 en 1945'), a decade or span"),
    ("date", "date_year_word_inner", "a word naming a year inside the first sentence, the year closing its phrase: Thai "
     "'ถ่ายไว้เมื่อปี 1948 หน้า…', Indonesian 'di tahun 1915.' (date_words year_word_inner; not 'tahun 1950-an', "
     "'sejak tahun 1990')"),
    ("date", "date_season_year", "a season and a year, the date the year: 'Лето 1969 года.', 'mùa Xuân 1973', "
     "'im Sommer 1970', 'the summer of 1969' (date_words season; not a collection's 'Spring/Summer 2024')"),
    ("date", "date_photo_year", "a year after a picture's noun and 'from': 'Foto von 1945', 'Aufnahme aus dem Jahr 1990'"),
    ("date", "date_month_year_words", "a month and year in words of any language: 'julio de 2022', 'März 2020'"),
    ("date", "date_year_comma", "an archive's year closing a place: '…, Connecticut, 1943.'"),
    ("date", "date_year_paren", "a year in brackets: '(1920)'"),
    ("date", "date_year_end", "a year closing the caption: '… 1991.'"),
    ("date", "date_year_fragment", "a year as a sentence of its own before more text: '1869. …', '…, 1962-1970. 1965. Egyptian…', "
     "'…». 1965 год. Автор: …' (date_words year_after: год, года, г.; also after year_comma's year: '…, СССР, 1961 год.')"),
    ("date", "date_year_circa", "'circa' and a year as a sentence of its own, closing a place or a capitalised title: "
     "'… New York City. Circa 1950. NAME/…', 'Bahnhofgebiet um 1920' (date_words circa)"),
    ("date", "date_year_taken", "a verb saying the photo was taken, then its year later in the same sentence: 'scattata nel "
     "1955 in uno studio', 'Foto feta a … el 1954 (', 'taget i Stockholm 1949.', 'fotografisana 1965. godine' (date_words "
     "taken), or the verb after it: 'im Jahr 1954 … geschossen', '1965 yılında çekilmiş' (taken_after); not a decade, a "
     "span or a year after a stop"),
    ("date", "date_event_year", "no other date: the year in the name of the event the photo shows, first sentence only: "
     "'at the 2015 Halberg Junior Disability Games', 'during Exercise RIMPAC 2018' (date_words event, event_head)"),
    ("date", "date_dateline", "the date of the dateline"),
    ("date", "year_from_option", "the year given with --year"),
    ("date", "year_from_gallery", "the year most dated captions of the same gallery state"),
    ("date", "year_from_gallery_title", "the year in the gallery's title"),
    # --- places (grammar/places.py) ------------------------------------------------------------
    ("place", "place_bearing", "'10 km north of CITY'"),
    ("place", "place_exonym", "a city named in another language, given its English name ('Múnich' → Munich)"),
    ("place", "place_district_city", "a district the gazetteer lacks before a large city: 'Mbare, Harare' → Harare"),
    ("place", "place_named_town", "a gazetteer town of the state or country the run names, after a name the gazetteer lacks: "
     "'in the Electron Microscopy Unit, Beltsville Maryland' → Beltsville"),
    ("place", "place_town_before_state", "a US run opening with a name the gazetteer lacks: the part right before the state "
     "(past a county) is the town: 'David Hiser, Rifle, CO, October 1972' → Rifle; a county with no town before it: no town"),
    ("place", "place_town_before_region", "a run naming no country, a name the gazetteer lacks first: the gazetteer town "
     "right before the region is the town: 'Simpang Tiga, Bukittinggi, Sumatera Barat'; '…, Soreang, Kabupaten Bandung' → Soreang"),
    ("place", "place_venue_city", "no place by the date: a site or street, then its gazetteer city, wherever written: "
     "'Hihifo Road, Nuku'alofa.', 'along Connaught Road Central, Admiralty, Hong Kong.' (place_words venue, street)"),
    ("place", "place_county_province", "two regions and a country, no town: the smaller is the town's level, the larger the region "
     "(Xinhua: 'in Taijiang County, southwest China's Guizhou Province')"),
    ("place", "place_city_word", "Xinhua's 'Jiayuguan City, northwest China's Gansu Province', 'Zhangye city, Gansu Province': a Chinese "
     "city named with 'City' is the city "
     "(not elsewhere: 'Gaza City', 'Mexico City')"),
    ("place", "place_town_earlier", "a country by the date naming no city takes the town written after 'in' earlier in the sentence: "
     "'na cidade de Borodyanka, perto de Kiev (Kiev), Ucrânia, 05 de abril de 2022'"),
    ("place", "place_venue_in", "'at VENUE in CITY' after the date: the city"),
    ("place", "place_line", "a place on a line of its own ('Rome (Italy), October 27th 2020')"),
    ("place", "place_apposition", "Xinhua's 'Suzhou, a city in East China's Jiangsu Province'"),
    ("place", "place_owner", "'Israeli-occupied', 'rebel-held' before a place name"),
    ("place", "place_before_date", "the place just before the photo's date ('in London, Britain, May 2')"),
    ("place", "place_after_date", "the place just after the photo's date ('on May 2 in London')"),
    ("place", "place_phrase", "'in CITY, COUNTRY' with no date next to it"),
    ("place", "place_sentence_end", "a place closing the first sentence"),
    ("place", "place_city_in", "a region or country naming no city takes the city just before it: 'Khan Younis in the southern Gaza Strip'"),
    ("place", "place_tail", "the caption closes with the place as a fragment of its own: '… It's the killer heat. Chittaranjan Park, New Delhi.', "
     "'… Nhamatanda, Mosambik, von NAME, publiziert am …'"),
    ("place", "place_cjk", "a caption in Chinese, Japanese or Korean: the first city the lexicon names in that script "
     "('23일 오후 서울 종로구' → Seoul; data/city_names.csv)"),
    ("place", "place_cjk_region", "a province of China or prefecture of Japan named with its generic word in those scripts "
     "('四川省', '千葉県': data/region_names.csv): the region of the city its name opens ('广东省惠州市'), or alone; "
     "a Chinese province's short name too, opening a town's name ('四川平武县', '江苏无锡')"),
    ("place", "place_script", "a caption in a script of South or Southeast Asia: the first city the lexicon names in it, opening a word "
     "('मुंबईत' → Mumbai, 'กรุงเทพมหานคร' → Bangkok; data/city_names.csv)"),
    ("place", "place_arabic_script", "a caption in the Arabic script (Arabic, Persian, Urdu): a lexicon city (300,000 or more) after a word "
     "that makes it the place ('في وهران', 'مدينة', 'شهرداری مشهد', 'کلانشهر تبریز'; data/place_words.csv ar_lead), with ب glued to "
     "it ('بوهران'), before Urdu's میں ('لاہور میں'), or opening the caption before a dash ('القاهرة -'); data/city_names.csv"),
    ("place", "place_sw_town", "Swahili: the town named after a town's generic noun with the locative '-ni' or 'of': 'jijini Dar es "
     "Salaam' (in the city of), 'kijiji cha Sindeni' (the village of); data/place_words.csv sw_town_lead"),
    ("place", "place_sw_region", "Swahili: the region after 'mkoani' (in the region of) or 'mkoa wa', in the town's sentence: "
     "'kijiji cha Sindeni, wilayani Handeni mkoani Tanga' → Sindeni, Tanga; 'mkoani X' alone names the region only"),
    ("place", "place_swiss_canton", "Swiss German: a town after a place word, then its canton's code ('in Zwillikon (ZH)', "
     "'bei Sachseln OW'): the town and the canton as written (data/place_words.csv swiss_canton; AG only in brackets)"),
    ("place", "place_generic_before", "German's capitalised generic word before a name after 'im', 'in der' or a genitive: the name is "
     "a town's or region's ('im spanischen Dorf San Bartolome de Pinares', 'im US-Bundesstaat Pennsylvania'; "
     "data/place_words.csv city_before, region_before)"),
    ("place", "place_site_of_town", "a site's name in a Romance language ending in 'de' and a town of 100,000 or more names the town: "
     "'frente al Tribunal Supremo de Caracas', 'il Castello Maniace di Siracusa' (data/place_words.csv venue_head; not a church's saint)"),
    ("place", "place_weekday", "a place, then a day named without its date: 'in Seoul on Thursday', 'in Bogura yesterday'"),
    ("place", "place_known_city", "no other place: the first gazetteer city after 'in', 'near', 'outside' or 'the streets of', "
     "'las calles de' (data/place_words.csv kinds of, place_of)"),
    ("place", "city_from_phrase", "a dateline naming only the country or state takes the city of the place phrase: 'KUWAIT: … in Kuwait City'"),
    ("place", "region_from_phrase", "the dateline's region completed from the place phrase"),
    ("place", "country_from_phrase", "the dateline's country completed from the place phrase"),
    ("place", "place_from_tags", "the place in Reuters' '(COUNTRY - Tags: …)'"),
    ("place", "country_from_tags", "the country in Reuters' '(COUNTRY - Tags: …)'"),
    ("place", "place_neighbourhood_city", "a city's borough or quarter written alone stands for its city: 'in Harlem' → New York "
     "(data/neighbourhoods.csv)"),
    ("place", "place_venue_named", "a venue named after the city it serves: 'at Miami International Airport', 'the Amersfoort Zoo', "
     "'Los Angeles City Hall' (place_words venue_of_city, venue_of_city_glue)"),
    ("place", "place_city_people", "no other place: a gazetteer city opening a sentence (or after a comma) before its people or services: "
     "'Nairobi residents queue', 'PARIS police said', 'Montreal snow-removal crews' (place_words city_people); or between an article and "
     "a site's word: 'leaves a Los Angeles gym', 'on a Harare street' (place_words venue_noun)"),
    ("place", "place_camp", "no other place: a camp is a settlement: 'The Zaatari refugee camp', 'inside the Zaatari camp, northern Jordan' "
     "(a plain camp only before the country it is in)"),
    ("place", "place_locative", "no other place: a city named with a locative case ending, the 'in' of Finnish: 'Helsingissä' → Helsinki, "
     "'Tampereella' → Tampere (data/case_endings.csv; a gazetteer city of that language's country)"),
    ("place", "place_named_later", "a town the gazetteer lacks alone before the date, written again later with its region or country: "
     "'LONDONDERRY 2017-03-21 … the streets of Londonderry, Northern Ireland' → Londonderry, United Kingdom"),
    ("place", "place_case_nominative", "a Cyrillic town written in the locative or genitive: its nominative, 'у прифронтовому "
     "Степногірську, Запорізька область' → Степногірськ, in English when the lexicon knows it: 'в Киеве', 'у Києві' → Kyiv "
     "(data/case_endings.csv, Cyrillic rows)"),
    ("place", "place_genitive_city", "no other place: a city's name in the Germanic genitive -s with a word for a part of it: "
     "'auf den Strassen Berlins', 'Kievs centrum' (data/place_words.csv genitive_part_before, genitive_part_after)"),
    ("place", "place_tr_district", "Turkish: a town named before a district's generic noun in a case ('Germencik ilçesinde'), or the "
     "village attached to it ('Zile ilçesine bağlı Karacaören köyünde'); a province in the genitive before it is the region "
     "('Tokat'ın'); data/place_words.csv tr_district, tr_settlement"),
    ("place", "place_tr_locative", "Turkish: a town of 100,000 or more, or a country, in the locative after an apostrophe "
     "('Erzurum'da', 'Moskova’da' → Moscow, 'Azerbaycan’da'), when nothing nearer the date names a place"),
    ("place", "place_br_town", "Brazil: a town with its state's code in brackets ('a prefeitura de Recreio (MG)', 'Agência Brasil "
     "Rio de Janeiro (RJ) 22/03/2024 –'), when nothing nearer the date names a place; data/place_words.csv br_state"),
    ("place", "place_adjective_city", "no other place: a German city's adjective in -er before a word for a part of it: "
     "'dem Essener Stadtteil Altenessen', 'der Magdeburger Innenstadt' (data/place_words.csv adjective_part_after)"),
    ("place", "place_name_part_city", "no other place: a city of 100,000 or more named as written before a word for a part of it: "
     "'Leipzig Innenstadt', 'Debrecen belvárosában', 'Debrecen szélén', 'Prague Old Town' (data/place_words.csv name_part_after)"),
    ("place", "place_cjk_seat", "Chinese or Japanese: the city the lexicon lacks, named with its word 市 right after its province's or "
     "prefecture's name ('岩手県釜石市' → 釜石, Iwate; '黑龙江省讷河市' → 讷河, Heilongjiang; with place_cjk_region)"),
    ("place", "place_kr_province", "Korean: a province's name, full or short, before a town's name ending in 시 or 군 ('경기 파주시', "
     "'경기도 연천군'): the province is the region, the town the city (a lexicon city, else its name less 시/군) "
     "(data/region_names.csv, code KR)"),
    ("place", "place_vi_city", "Vietnamese: the city after 'thành phố' or 'TP'/'TP.' (city): 'tại TP Đà Nẵng', 'TP.HCM' → Ho Chi Minh "
     "City (a lexicon city of Vietnam, after 'thành phố' written out of any country; never a name it lacks); a province after 'tỉnh' right after it is the "
     "region ('thành phố Tam Kỳ, tỉnh Quảng Nam'); data/place_words.csv vi_city_lead"),
    ("place", "place_slavic_locative", "Polish, Czech, Slovak, Croatian, Serbian, Bosnian, Slovene: a city of 100,000 or more in the "
     "locative after the language's 'in' ('w Warszawie' → Warsaw, 'v Praze' → Prague, 'u Zagrebu' → Zagreb): its nominative, a "
     "gazetteer city (data/case_endings.csv rows of those languages; place_words slavic_locative_lead); the first such town "
     "decides, a smaller one names none"),
    ("place", "place_part_of_town", "no other place: a word for a town's site or part before 'of' and a gazetteer town: 'het stadhuis "
     "van Nijkerk', 'in der Innenstadt von Köln', 'frente al ayuntamiento de Zaragoza' → the town (data/place_words.csv "
     "part_of_town; not a country's name, a region's only for a town of 100,000 or more, nor a saint's)"),
    ("place", "place_ar_governorate", "no other place: Arabic's governorate word with 'in' (or 'of', 'and') glued to it, then an "
     "Egyptian governorate's name: 'بمحافظة المنيا' → region Minya, Egypt (data/region_names.csv, code EG; a governor, "
     "'محافظ المنيا', names none)"),
    ("place", "place_cn_chain", "a Chinese province naming no city takes the administrative chain before it with 'of': 'in "
     "Lingguan Town, Hengyang City of central China's Hunan Province' → Lingguan Town; its first unit but a district "
     "(data/place_words.csv cn_unit)"),
    # --- trailers and restrictions (tables.RESTRICTIONS and KEYWORD_TRAILERS) --------------------
    ("trailer", "attention_editors", "Reuters' 'ATTENTION EDITORS - …'"),
    ("trailer", "out_restriction", "'(… OUT)', 'JAPAN OUT', 'NETHERLANDS OUT'"),
    ("trailer", "out_after_slash", "AFP's '/ China OUT'"),
    ("trailer", "editorial_use_only", "'EDITORIAL USE ONLY'"),
    ("trailer", "restricted_to_editorial", "AFP's 'RESTRICTED TO EDITORIAL USE - …'"),
    ("trailer", "mandatory_credit", "'MANDATORY CREDIT \"…\"'"),
    ("trailer", "no_resales", "'NO RESALES. NO ARCHIVES'"),
    ("trailer", "no_archives", "'NO ARCHIVES'"),
    ("trailer", "no_marketing", "'NO MARKETING NO ADVERTISING CAMPAIGNS'"),
    ("trailer", "third_party", "'THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY'"),
    ("trailer", "no_unauthorised_use", "the football leagues' 'No use with unauthorized audio, video …'"),
    ("trailer", "in_match_limit", "'Online in-match use limited to N images …'"),
    ("trailer", "no_betting_use", "'No use in betting, games or single club/league/player publications'"),
    ("trailer", "contact_representative", "'Please contact your account representative …'"),
    ("trailer", "tags", "Reuters' '(COUNTRY - Tags: KEYWORDS)'"),
    ("trailer", "tags_bare", "'Tags: KEYWORDS'"),
    ("trailer", "tpx", "'TPX IMAGES OF THE DAY'"),
    ("trailer", "search_poy", "Reuters' pointers to a story or package: 'SEARCH \"…\" FOR THIS STORY', '… FOR ALL STORIES' (The Wider Image)"),
    ("trailer", "licensing_chrome", "'Acquire Licensing Rights' (page chrome)"),
    ("trailer", "caption_chrome", "page chrome: NPR's 'hide caption', 'toggle caption'; '-- source link'; a page's 'Advertisement' label glued to a bracket or on its own line; a gallery's buttons closing the caption: 'Visa mer', 'Vis mer', 'Überspringe die Bildergalerie'"),
    # --- correction and re-send notices (tables.correction_patterns; kinds in data/corrections.csv) --
    ("correction", "correction_lead", "a notice opening the caption in capitals: 'REFILE - CORRECTING SPELLING OF NAME'"),
    ("correction", "correction_label", "a labelled notice: 'CORRECTION: …', 'EDITOR'S NOTE: …'"),
    ("correction", "correction_bracketed", "a notice in brackets: '(CORRECTS LOCATION)'"),
    ("correction", "afp_correction_notice", "AFP's 'The erroneous mention appearing in the metadata of …'"),
    ("notice", "notice_refile", "the notice is a Reuters REFILE"),
    ("notice", "notice_corrects", "the notice corrects the caption (CORRECTS, CORRECTED, CORRECTING)"),
    ("notice", "notice_correction", "the notice is a CORRECTION or CLARIFICATION"),
    ("notice", "notice_updates", "the notice updates the caption (UPDATES, UPDATED)"),
    ("notice", "notice_resend", "the picture is sent again (REPEAT, RETRANSMISSION, RESENT)"),
    ("notice", "notice_editors_note", "an editor's note"),
    # --- the text itself -------------------------------------------------------------------------
    ("text", "epa_id", "EPA's picture id opening the caption ('epa06737033')"),
]


def _qualified(namespace: str, plain: str) -> str:
    prefix = namespace + "_"
    return namespace + "." + (plain[len(prefix):] if plain.startswith(prefix) else plain)


REGISTRY: dict[str, RuleInfo] = {}
_BY_PLAIN: dict[str, str] = {}
for _ns, _plain, _reads in _TABLE:
    _info = RuleInfo(_qualified(_ns, _plain), _plain, _ns, _reads)
    if _info.name in REGISTRY or _plain in _BY_PLAIN:
        raise ValueError(f"rule registered twice: {_info.name}")
    REGISTRY[_info.name] = _info
    _BY_PLAIN[_plain] = _info.name


def qualify(plain: str) -> str:
    """The registered name of a rule (``end_chain`` → ``credit.end_chain``); a name that is not
    registered comes back as it is (the registry test reports it)."""
    return _BY_PLAIN.get(plain, plain)


def is_registered(plain: str) -> bool:
    return plain in _BY_PLAIN


def style_line(plain_names) -> str:
    """The ``style`` cell: each rule's registered name once, in the order the rules fired."""
    if not isinstance(plain_names, (list, tuple)):  # read twice below
        plain_names = list(plain_names)
    return "; ".join(dict.fromkeys(map(_BY_PLAIN.get, plain_names, plain_names)))  # get(n, n), no Python frame
