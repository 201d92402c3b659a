"""Credit conventions of other scripts that the webC6 web sample showed on two sites or more: BBC pages' "image source"
labels, Korean 사진제공 (photo provided), Xinhua's 新华社发 alone, Hebrew spokespersons' units, Japanese (撮影・NAME), a
photographer then a known agency after a dash or in brackets."""
from hypothesis import given, settings, strategies as st

from captionclean.parse import parse_caption

# (the cases of tests/data/credit_script_cases.json run in test_credit.py's test_credit_case)


_IMAGE_SOURCE = [("ছবির উৎস, ", "\n\nছবির ক্যাপশান, ঢাকায় একটি মিছিল।"), ("इमेज स्रोत, ", "\nजयपुर में एक जुलूस."),
                 ("பட மூலாதாரம், ", "\n\nபடக்குறிப்பு, சென்னையில் ஊர்வலம்"), ("،تصویر کا ذریعہ", "\n\n،تصویر کا کیپشنلاہور میں ایک جلوس"),
                 ("Image source, ", "\nImage caption, Crowds in Leeds")]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_IMAGE_SOURCE), st.sampled_from(["EPA", "Reuters", "AFP", "Getty Images"]))
def test_image_source_label(label_caption, agency):
    """BBC pages' "image source" label in five languages, a comma, the agency on its line (credit.comma_label_source)."""
    label, caption = label_caption
    rec = parse_caption(f"{label}{agency}{caption}")
    assert (rec.photographer, rec.agency) == ("", agency), rec.style
    assert "comma_label_source" in rec.style


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["ছবির উৎস, জানা যায়নি।", "इमेज स्रोत, अज्ञात है।", "Image source, unknown to us."]),
       st.sampled_from(["", "\nঢাকায় একটি মিছিল।", "\nA crowd in Leeds."]))
def test_image_source_needs_a_credit(line, caption):
    """The label before words in lower case or another script credits no one (no chain after the comma)."""
    rec = parse_caption(f"{line}{caption}")
    assert "comma_label_source" not in rec.style


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["행복구청", "한빛재단", "서해일보", "KBL"]),
       st.sampled_from(["(사진제공={})", "(사진제공:{})", "/ {} 제공", "사진={} 제공"]))
def test_korean_photo_provided(org, shape):
    """사진제공=ORG (photo provided) and "/ ORG 제공": the provider is the agency, a handout (credit.cjk_ko_label)."""
    rec = parse_caption("구청장이 신혼부부와 함께 기념촬영을 하고 있다. " + shape.format(org))
    assert (rec.photographer, rec.agency) == ("", org), rec.style
    assert "handout" in rec.style


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["홍길동", "친구", "김영구"]), st.sampled_from(["(사진제공={})", "/ {} 제공"]))
def test_korean_provider_person_is_no_agency(who, shape):
    """A provider that is no known agency, no organisation word's end and no acronym (a person, a friend) is neither
    agency nor photographer."""
    rec = parse_caption("구청장이 신혼부부와 함께 기념촬영을 하고 있다. " + shape.format(who))
    assert (rec.photographer, rec.agency) == ("", ""), rec.style


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["新华社发", "新華社發", "中新社发"]), st.sampled_from(["。", "。\n", "。 "]))
def test_agency_sent_alone(sent, stop):
    """A known agency and 发 (sent) closing the caption (credit.cjk_agency_end)."""
    rec = parse_caption(f"11月23日晚,两位艺术家在讲堂对话,回顾十年创作历程{stop}{sent}")
    assert rec.agency in ("Xinhua", "China News Service"), rec.style
    assert rec.photographer == ""


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["我们正在出发", "人民网发", "经济发展。项目启动后开始出发", "他们从北京出发"]))
def test_sent_needs_a_known_agency(ending):
    """发 after words no agency table knows is the sentence's verb, no credit."""
    rec = parse_caption(f"11月23日晚,两位艺术家在讲堂对话。{ending}")
    assert "cjk_agency_end" not in rec.style, rec.style


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["דובר צה\"ל", "דוברות המשטרה", "דוברות כבאות והצלה"]), st.booleans())
def test_hebrew_spokesperson_is_an_organisation(unit, bracket):
    """A spokesperson's unit after צילום: is the agency (org words דובר, דוברות), its gershayim kept (credit.caseless_label)."""
    credit = f"צילום: {unit}"
    rec = parse_caption(f"שוטרים בזירת האירוע בירושלים. {'(' + credit + ')' if bracket else credit}")
    assert (rec.photographer, rec.agency) == ("", unit), rec.style


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["山田太郎", "佐藤花子", "長谷川一郎"]), st.sampled_from(["({})", "（{}）", "【{}】"]))
def test_japanese_label_dot_name(name, bracket):
    """(撮影・NAME): the label, a middle dot, the photographer (credit.cjk_label)."""
    rec = parse_caption("賜杯を手にする横綱" + bracket.format("撮影・" + name))
    assert (rec.photographer, rec.agency) == (name, ""), rec.style


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["Lê Văn An", "Trí Dũng", "Jan Novák"]), st.sampled_from([("TTXVN", "VNA"), ("Reuters", "Reuters"),
                                                                            ("ČTK", "CTK")]),
       st.sampled_from(["Ảnh: {n} - {a}", "( Ảnh: {n} ({a}) )", "Foto: {n} – {a}"]))
def test_name_then_known_agency(name, agency, shape):
    """A label's photographer, then a known agency after a spaced dash or in brackets, closing the credit."""
    written, canonical = agency
    rec = parse_caption("Các đại biểu dự lễ kỷ niệm. " + shape.format(n=name, a=written))
    assert (rec.photographer, rec.agency) == (name, canonical), rec.style


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["Jane Doe", "Lê Văn An"]), st.sampled_from(["Our Town Gazette", "Paris Club", "Hanoi Trip"]),
       st.sampled_from(["Photo: {n} - {a}", "Ảnh: {n} ({a})", "Photo: {n} ({a}) in Paris"]))
def test_name_then_unknown_words_is_no_agency(name, words, shape):
    """After the photographer, words no agency table knows (or a bracket that does not close the credit) are no agency."""
    rec = parse_caption("Các đại biểu dự lễ kỷ niệm. " + shape.format(n=name, a=words))
    assert rec.agency == "", rec.style


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([("أ.ف.ب", "", "AFP"), ("أ ف ب", "", "AFP"), ("محمد علي", "محمد علي", ""), ("رويترز", "", "Reuters")]),
       st.sampled_from(["تصوير : {}", "(تصوير: {})", "تصوير: {}"]))
def test_arabic_photography_label(credit, shape):
    """Arabic تصوير (photography) is a label: a name, or an agency (AFP's Arabic initials أ.ف.ب) closing the caption."""
    written, photographer, agency = credit
    rec = parse_caption("متظاهرون في ساحة المدينة يوم السبت\n" + shape.format(written))
    assert (rec.photographer, rec.agency) == (photographer, agency), rec.style


# --- webC8: Cyrillic organisations in lower case, agencies in their own scripts, genitive names, Korean wires -------

_CYR_ORGS = ["пресс-служба президента РФ", "пресс-служба «Сокола»", "прес-служба Київської ОВА", "Минобороны РФ",
             "Администрация губернатора области", "пресс-служба губернатора Ивановской области"]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_CYR_ORGS), st.sampled_from(["Встреча в Кремле. Фото: {}", "Фото: {}\nГубернатор открыл мост.",
                                                     "Тренировка команды.\n\nФото: {}"]))
def test_cyrillic_org_part(org, shape):
    """A Cyrillic organisation named by a common noun (org_words.csv), in lower case or capitalised, then its words: the
    whole is the agency, no person (_ORG_LOWER in _PART)."""
    rec = parse_caption(shape.format(org))
    assert (rec.photographer, rec.agency) == ("", org), rec.style


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Иван Соколов", "Олена Ткаченко", "Пётр Орлов"]), st.sampled_from(["пресс-служба президента РФ",
                                                                                             "прес-служба Офісу президента"]))
def test_cyrillic_org_between_name_and_agency(name, org):
    """© NAME/ORG/ТАСС: the photographer, the press service (the chain no longer ends before its capitalised word), TASS."""
    rec = parse_caption(f"Президент на встрече. © {name}/{org}/ТАСС")
    assert (rec.photographer, rec.agency, rec.distributor) == (name, org, "TASS"), rec.style


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Фото: снимок сделан вчера вечером", "Фото: архивные кадры", "Фото: сделано на телефон"]))
def test_cyrillic_words_after_label_no_org(line):
    """Lower-case words after the label that open with no organisation word name no one."""
    rec = parse_caption(f"Мост через реку.\n{line}")
    assert rec.agency == "" and rec.photographer == "", rec.style


_GENITIVE = [("Сергея Шелега", "Сергей Шелег"), ("Андрея Козлова", "Андрей Козлов"), ("Михайла Марківа", "Михайло Марків"),
             ("Анны Ивановой", "Анна Иванова"), ("Олександра Вишневського", "Олександр Вишневський"),
             ("Ивана Ткаченко", "Иван Ткаченко")]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_GENITIVE), st.sampled_from(["БЕЛТА", "ТАСС"]))
def test_genitive_name_after_foto(pair, agency):
    """Фото NAME, AGENCY (no colon): the name in the genitive turned to the nominative (tag name_genitive)."""
    genitive, nominative = pair
    rec = parse_caption(f"Тренировка женской команды. Фото {genitive}, {agency}.")
    assert rec.photographer == nominative, rec.style
    assert "name_genitive" in rec.style


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Сергей Шелег", "Анна Иванова", "Пресс Службы", "Ильин Орлов"]))
def test_nominative_name_leaves_other_names(name):
    """A name whose first word is no genitive of a ru/uk given name stays as written (a nominative stays a nominative)."""
    from captionclean.grammar.names import nominative_name
    assert nominative_name(name) == name


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([("एपी", "AP"), ("रॉयटर्स", "Reuters"), ("पीटीआई", "PTI")]), st.sampled_from(["राहुल वर्मा", "सीमा शर्मा"]),
       st.sampled_from(["(फोटो: {a} / {n})", "फोटो: {a}/{n}"]))
def test_caseless_agency_first(agency, name, shape):
    """A known agency before the slash in a caseless script: the photographer after it (caseless_label)."""
    written, canonical = agency
    rec = parse_caption("मुंबई में एक जुलूस. " + shape.format(a=written, n=name))
    assert (rec.photographer, rec.agency) == (name, canonical), rec.style


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["写真:イメージ", "写真:スタジオ", "(写真:ゲスト)"]))
def test_katakana_after_label_needs_an_agency(label):
    """A label's source in katakana is read only as a known agency: an unknown word names no one."""
    rec = parse_caption(f"祭りに参加した信者たちが祈りを捧げている。{label}")
    assert (rec.photographer, rec.agency) == ("", ""), rec.style


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["뉴시스", "연합뉴스"]), st.sampled_from(["서울", "부산"]), st.sampled_from(["홍길동", "김민수"]))
def test_korean_wire_byline(wire, city, name):
    """[CITY=WIRE]NAME 기자 = …: the wire's photographer after the bracket; with no 기자 = no one is named."""
    rec = parse_caption(f"[{city}={wire}]{name} 기자 = 장관이 손인사를 하고 있다. 2020.06.20.")
    assert rec.photographer == name and rec.agency in ("Newsis", "Yonhap"), rec.style
    rec = parse_caption(f"[{city}={wire}] 장관이 손인사를 하고 있다. 2020.06.20.")
    assert rec.photographer == "", rec.style


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["イメージ", "スタジオ", "ロイター"]), st.sampled_from(["Anna Berger", "Kim Lee"]), st.booleans())
def test_reuters_japan_year_credit(katakana, name, year):
    """(YEAR年 AGENCY/NAME): read only when the katakana is a known agency's and the year opens the bracket."""
    rec = parse_caption(f"抗議デモに参加する人たち。ロンドンで撮影({'2022年 ' if year else ''}{katakana}/{name})")
    if katakana == "ロイター" and year:
        assert (rec.photographer, rec.agency) == (name, "Reuters"), rec.style
    else:
        assert "cjk_year_agency" not in rec.style


_SOURCE_LABELS = ["Источник", "Джерело"]  # Russian and Ukrainian "source" (data/credit_markers.csv, webC10)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_SOURCE_LABELS), st.sampled_from(["Остап Гнатюк", "Ирина Белова", "Марко Ковальчук"]),
       st.sampled_from(["", "/Facebook", "/ТАСС"]))
def test_source_label_reads_credit(label, name, site):
    """"Источник: NAME/SITE", "Джерело: NAME": the source label before a name reads it as the photographer."""
    rec = parse_caption(f"Волонтери прибирають парк після негоди. {label}: {name}{site}")
    assert rec.photographer == name, rec.style
    assert "credit_marker" in rec.style


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_SOURCE_LABELS), st.sampled_from([
    " в правительстве сообщил об этом журналистам.", " в уряді повідомило про це журналістам.",
    " информации не раскрывается.", "м вдохновения стала река."]))
def test_source_word_in_prose_credits_no_one(label, rest):
    """The word in a sentence, no colon after it ("a source in the government said…"), is no label."""
    rec = parse_caption(f"Мэр Заречинска открыл мост. {label}{rest}")
    assert (rec.photographer, rec.agency) == ("", ""), rec.style


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["Фото", "Photo", "Foto"]), st.sampled_from(["Источник", "Джерело", "Source", "Credit", "Foto"]),
       st.sampled_from(["Остап Гнатюк", "Jane Holloway", "Ирина Белова"]), st.sampled_from(["Reuters", "ТАСС", "AFP"]))
def test_next_label_closes_credit(first, second, name, agency):
    """"Фото: NAME Джерело: ORG" on one line reads as the two labels on two lines: the second label's word is no
    part of the first one's credit (credit.py trims it only when a colon follows it)."""
    one = parse_caption(f"Волонтери прибирають парк. {first}: {name} {second}: {agency}")
    two = parse_caption(f"Волонтери прибирають парк. {first}: {name}\n{second}: {agency}")
    assert (one.photographer, one.agency) == (two.photographer, two.agency), (one.style, two.style)
    assert one.photographer == name
