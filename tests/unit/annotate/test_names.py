"""Russian and Ukrainian names by morphology, and speech in those languages (texts written for the tests)."""

from builder.annotate.names import find_names, lone_first_names, may_be_subject


def test_names_in_oblique_cases_come_out_in_the_nominative():
    text = "Суд отпустил Геннадия Афанасьева, а Виктор Фёдорович Янукович встретился с Олегом Сенцовым."
    found = {nominative for _, _, _, nominative in find_names(text, "ru")}
    assert found == {"Геннадий Афанасьев", "Виктор Янукович", "Олег Сенцов"}  # patronymic dropped


def test_a_name_in_the_nominative_stays_as_written():
    # The dictionary knows "Силуанов" only as a plural form of another word: the name is already nominative.
    text = "Министр финансов Антон Силуанов заявил в пятницу, что бюджет сбалансирован."
    assert [n for *_, n in find_names(text, "ru")] == ["Антон Силуанов"]
    assert [n for *_, n in find_names("Премьер встретился с Антоном Силуановым в Кремле.", "ru")] == ["Антон Силуанов"]


def test_ukrainian_names_and_no_names_in_other_languages():
    text = "Прем’єр-міністр провів розмову з Петером Маурером із Червоного Хреста."
    assert [n for *_, n in find_names(text, "uk")] == ["Петер Маурер"]
    assert find_names("Meeting with Peter Maurer", "en") == []


def test_a_name_in_the_dative_is_not_a_subject():
    assert not may_be_subject("Рафаелю Ґроссі", "uk")
    assert may_be_subject("Рафаель Ґроссі", "uk")
    assert may_be_subject("Владимиру Путину", "en")  # only Russian and Ukrainian are checked


def test_russian_block_quote_after_a_colon_and_an_anonymous_source(annotate_text):
    text = ("Встреча в Париже отменена\n\n"
            "Об этом сообщил журналистам сам Дмитрий Песков:\n\n"
            "Мы не видим возможности встретиться в эти дни.\n\n"
            "Источник издания сказал:\n\n"
            "Олег Сенцов попросил об этом, чтобы встречу не «затмили» другие события.\n")
    _, annotation = annotate_text(text, "paris")
    speakers = {s.id: s for s in annotation.speakers}
    peskov = speakers["dmitry-peskov"]
    assert any(q.direct and q.text.startswith("Мы не видим") for q in peskov.quotes)
    assert "oleg-sentsov" not in {s for s, v in speakers.items() if any(q.direct for q in v.quotes)}  # nested in the source's words


def test_inverted_ukrainian_attribution_after_a_role(annotate_text):
    text = ("Санкції мають бути довгостроковими\n2022-05-13 09:55\n\n"
            "«Санкції мають бути довгостроковими», – заявив керівник Офісу Президента України Андрій Єрмак.\n\n"
            "Він запевнив, що робота з партнерами триватиме до кінця року.\n")
    _, annotation = annotate_text(text, "yermak")
    yermak = next(s for s in annotation.speakers if s.id == "andriy-yermak")
    assert any(q.direct for q in yermak.quotes) and any(not q.direct for q in yermak.quotes)


def test_the_genitive_after_a_role_is_not_the_speaker(annotate_text):
    text = ("Президенты увидятся\n\nПресс-секретарь Дмитрий Песков провёл брифинг.\n\n"
            "Представитель Путина подчеркнул, что президенты увидятся «на ногах».\n")
    _, annotation = annotate_text(text, "na-nogah")
    direct = {s.id for s in annotation.speakers if any(q.direct for q in s.quotes)}
    assert "vladimir-putin" not in direct
    assert "dmitry-peskov" in direct


def test_a_known_surname_inside_another_persons_name_is_not_that_person(annotate_text):
    text = ("House vote\nMay 2, 2024\n\nSpeaker Mike Johnson said the vote would be held on Friday.\n")
    _, annotation = annotate_text(text, "johnson")
    assert "boris-johnson" not in {p.id for p in annotation.people}


def test_two_names_side_by_side_are_two_people():
    text = "Об этом сообщили Хиллари Клинтон Лиза Бардек и Муджахид Юсуф Рава."
    assert [n for *_, n in find_names(text, "ru")] == ["Хиллари Клинтон", "Лиза Бардек", "Муджахид Юсуф Рава"]


def _names(text: str, lang: str) -> list[str]:
    return [nominative for *_, nominative in find_names(text, lang)]


def test_the_words_of_a_name_agree_in_case_and_gender():
    # Corpus sentences (nerel_ru, resistinua_uk). "Башлаков" is only a plural surname in the dictionary and
    # "Анатолий" also the genitive plural of "Анатолия": read apart, they made "Анатолии Башлаки".
    assert _names("генерал-лейтенант Анатолий Башлаков. Военный суд признал его виновным", "ru") == ["Анатолий Башлаков"]
    assert _names("в Москве украинец Александр Усик победил уроженца Северной Осетии", "ru") == ["Александр Усик"]
    assert _names("Мурат Гассиев проиграл Александру Усику", "ru") == ["Мурат Гассиев", "Александр Усик"]
    # "Ради" (of the Rada) is a woman's name in the genitive too, but "Руслан" is not in the genitive.
    assert _names("Голова Верховної Ради Руслан Стефанчук уже займається", "uk") == ["Руслан Стефанчук"]


def test_a_surname_the_dictionary_knows_as_another_word():
    # "Панков" is a form of "панк", "Кашин" a town: after a first name in the nominative, they are surnames.
    text = "назывались депутат Госдумы Николай Панков, министр транспорта Игорь Левитин"
    assert _names(text, "ru") == ["Николай Панков", "Игорь Левитин"]
    assert _names("Владислав Смелов, Егор Кашин из посёлка Бобровский", "ru") == ["Владислав Смелов", "Егор Кашин"]
    assert _names("Виктор Фёдорович подал на развод", "ru") == []  # a first name and patronymic: no surname


def test_surname_first_lists_of_decrees():
    text = ("Старшому сержанту Васічу Сергію Вікторовичу. Посмертно.\n"
            "* Підполковнику Вагоровському Едуарду Миколайовичу (посмертно).\n"
            "* Генерал-лейтенанту Содолю Юрію Івановичу. У боях за Волноваху")
    assert _names(text, "uk") == ["Сергій Васіч", "Едуард Вагоровський", "Юрій Содоль"]
    assert _names("наградить Путина Владимира Владимировича орденом", "ru") == ["Владимир Путин"]


def test_foreign_names_particles_and_surnames_that_do_not_decline():
    text = "президента Аргентины Кристины Фернандес де Киршнер завила, что"
    assert _names(text, "ru") == ["Кристина Фернандес де Киршнер"]
    assert _names("Бывший президент Бразилии Луис да Силва прошел курс", "ru") == ["Луис да Силва"]
    # Nothing the dictionary knows shows the case of a foreign name: it stays as written.
    assert _names("Как и большинство боксёров Анджело Роттоли начинал как любитель", "ru") == ["Анджело Роттоли"]
    assert _names("В своём твиттере Тилль Линдеманн написал", "ru") == ["Тилль Линдеманн"]
    # On a tie (the Ukrainian dictionary has no frequencies) the man's genitive wins over the woman's name.
    assert _names("загибель Олександра Махова", "uk") == ["Олександр Махов"]


def test_foreign_first_names_from_the_given_name_lexicon():
    # Corpus sentences (nerel_ru). The dictionary does not know "Родриго" or "Эстебан" and scores "Маргарет"
    # low; their romanisations are first names in builder/lang/given_names.txt.
    assert _names("Президент Филиппин Родриго Дутерте и премьер-министр", "ru") == ["Родриго Дутерте"]
    assert _names("был назначен 69-летний экономист Эстебан Ласо (Esteban Lazo", "ru") == ["Эстебан Ласо"]
    assert _names("австралийской теннисистке Маргарет Корт, которая", "ru") == ["Маргарет Корт"]
    # A guessed case ending shows the case only in the name's gender: "Беллью" is no feminine instrumental.
    assert _names("Но, я слышал, что Тони Беллью хочет встретиться", "ru") == ["Тони Беллью"]
    assert _names("в годы правления Гарри Трумэна", "ru") == ["Гарри Трумэн"]
    # Common words stay common words, whatever their romanisation.
    assert _names("Портрет Анны Карловны висел в зале", "ru") == []


def test_one_spelling_per_person_in_a_text():
    text = "Президент Кристина Фернандес де Киршнер прилетела в Рим. Кристина Фернандес выступила в понедельник."
    assert _names(text, "ru") == ["Кристина Фернандес де Киршнер"] * 2


# Sentences below are from corpus documents outside tests/gold (shared/corpus/scale/nerel_ru).

def test_an_indeclinable_first_name_counts_all_its_case_readings():
    # nerel_train_40297: "Али" is a first name in every case at once; each reading alone scores low.
    text = ("В субботу, накануне официальной инаугурации Роухани, верховный лидер Ирана аятолла Али Хаменеи "
            "провёл специальную церемонию.")
    assert [n for *_, n in find_names(text, "ru")] == ["Али Хаменеи"]


def test_a_given_name_the_dictionary_knows_as_another_noun_opens_a_name_before_a_surname():
    # nerel_train_530754: "Кэмерон" is a noun to the dictionary (a camera maker) and "Cameron" a given name.
    assert [n for *_, n in find_names("Американская актриса Кэмерон Диаз впервые стала мамой в 47 лет.", "ru")] \
        == ["Кэмерон Диаз"]
    # ... but not a common noun's oblique form before a surname (nerel_dev_304703: a march named after him).
    text = "После выхода на свободу Навальный заявил, что задержание всех участников «Марша Голунова» неправомерно."
    assert find_names(text, "ru") == []


def test_a_surname_the_dictionary_knows_as_an_adjective_declines_as_one():
    # nerel_train_531: "белоцерковский" is an adjective to the dictionary; as a surname it ends like one.
    text = "Были уволены Прохоренко, Малых и начальник УМВД по Невскому району Валерий Белоцерковский."
    assert [n for *_, n in find_names(text, "ru")] == ["Валерий Белоцерковский"]
    assert [n for *_, n in find_names("Приказ подписан Валерием Белоцерковским.", "ru")] == ["Валерий Белоцерковский"]


def test_a_first_name_alone_is_the_person_of_that_full_name_or_a_person_of_its_own(annotate_text):
    # nerel_train_101387: "Барак" is Barack Obama, named in full in the sentence after; his daughters and
    # wife are named by their first names only.
    text = ("Дочь Барака Обамы будет учиться в Гарвардском университете\n\n"
            "Семья Обама: Малия, Мишель, Барак, Саша (Наташа)\n\n"
            "Старшая дочь президента Барака Обамы Малия сделает годичный перерыв после окончания школы.\n")
    _, annotation = annotate_text(text, "obama-daughter")
    ids = {p.id for p in annotation.people}
    assert {"barack-obama", "maliya", "mishel", "sasha"} <= ids
    assert "barak" not in ids


def test_ukrainian_first_names_alone_and_words_that_only_look_like_them():
    # resistinua_uk 2022-03-18 address: children named by first name, one in the genitive.
    text = "Старша донька, Катя, їй усього лише 16 років, закрила собою братика Ігоря, йому вісім."
    assert [n for *_, n in lone_first_names(text, "uk")] == ["Катя", "Ігор"]
    # An adverb the dictionary lacks reads as a locative of "Дедал"; an abbreviation is not a name; a first
    # name after a particle or beside another capitalised word is part of a name the finder judged.
    assert lone_first_names("Дедалі більше і більше глобальних компаній залишають ринок.", "uk") == []
    assert lone_first_names("занимает 6-е место в рейтинге Международного союза конькобежцев (ИСУ).", "ru") == []
    assert lone_first_names("Лидер «Аль-Каиды» Усама бен Ладен был убит.", "ru") == []


def test_initials_and_a_surname_in_the_nominative():
    # nerel_train_19676: authors named by their initials, in the genitive.
    text = ("В эти дни волгоградцы и гости региона увидят спектакли по мотивам произведений А. С. Пушкина, "
            "Г. Х. Андерсена, К. Чуковского, Г. Горина и других авторов.")
    assert [n for *_, n in find_names(text, "ru")] == ["А. С. Пушкин", "Г. Х. Андерсен", "К. Чуковский", "Г. Горин"]
    # nerel_train_433: the full name in the same text is the one person ("А.Кудрина" is Алексей Кудрин).
    text = ("СМИ: Кремль обманул А.Кудрина, обещая ему пост премьера после выборов\n\n"
            "Министр финансов Алексей Кудрин не собирается работать в правительстве.")
    assert [n for *_, n in find_names(text, "ru")] == ["Алексей Кудрин", "Алексей Кудрин"]


def test_east_asian_names_family_name_first():
    # nerel_train_112371, nerel_dev_405520: the given name's last syllable declines, the family name does not.
    text = ("Ким Чон Нам — старший брат Ким Чен Ына, внебрачный сын бывшего лидера Северной Кореи Ким Чен Ира, "
            "умершего в 2011 году.")
    assert [n for *_, n in find_names(text, "ru")] == ["Ким Чон Нам", "Ким Чен Ын", "Ким Чен Ир"]
    text = "В Пекине умер Ли Пэн, соратник Цзян Цзэминя, премьер Государственного совета Китая."
    assert [n for *_, n in find_names(text, "ru")] == ["Ли Пэн", "Цзян Цзэминь"]
    # A verb opening a sentence is no family name; a Western given name after one keeps its own reading.
    assert find_names("Дай Боже, щоб це скінчилося.", "uk") == []
    assert [n for *_, n in find_names("Убийство Ли Харви Освальда расследовали годами.", "ru")] == ["Ли Харви Освальд"]


def test_a_surname_the_dictionary_cannot_read_takes_the_case_its_first_name_shows():
    # nerel_test_187827, nerel_train_22657: the guesser has no masculine genitive of these surnames; the
    # first name's genitive decides and the pack's endings give the nominative (no soft sign after a vowel).
    text = ("британские следователи обвиняют в отравлении в Солсбери разведчика Сергея Скрипаля и его дочери Юлии")
    assert [n for *_, n in find_names(text, "ru")] == ["Сергей Скрипаль"]
    text = "именно он убедил президента Афганистана Хамида Карзая согласиться на второй тур выборов"
    assert [n for *_, n in find_names(text, "ru")] == ["Хамид Карзай"]


def test_a_foreign_first_name_in_an_oblique_case_opens_a_name():
    # nerel_dev_119336, nerel_train_13042: "Джареда", "Джареду" are not in the dictionary; by a man's
    # name's endings they are "Джаред", a first name of the lexicon.
    text = ("включая дочь действующего президента Иванку Трамп и её мужа Джареда Кушнера (оба являются "
            "советниками Белого дома)")
    assert "Джаред Кушнер" in [n for *_, n in find_names(text, "ru")]
    text = "Подозреваемому в совершении преступления — двадцатидвухлетнему Джареду Лафнеру — предъявлены обвинения."
    assert [n for *_, n in find_names(text, "ru")] == ["Джаред Лафнер"]


def test_a_monarch_by_first_name_and_number():
    # nerel_train_107682: the number is part of the name; a common word opening the sentence before the
    # first name does not make it part of a longer name.
    text = ("В сентябре 2015 года сообщалось, что Елизавета II официально стала самым долгоправящим монархом. "
            "В этот день умер её отец, король Георг VI.")
    assert [n for *_, n in lone_first_names(text, "ru")] == ["Елизавета II", "Георг VI"]
    assert [n for *_, n in lone_first_names("Также Алексис пишет статьи для New York Times.", "ru")] == ["Алексис"]
