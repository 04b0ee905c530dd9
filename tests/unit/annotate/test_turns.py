"""Transcripts and statements: labelled turns and titles that name the one person speaking.

The texts are written for these tests in the shape of White House and Kremlin transcripts."""


def speakers(annotation):
    return {s.id for s in annotation.speakers if any(q.direct for q in s.quotes)}


def reported(annotation):
    return {s.id for s in annotation.speakers if any(not q.direct for q in s.quotes)}


def people(annotation):
    return {p.id for p in annotation.people}


WHITE_HOUSE = """Press Gaggle by Press Secretary Karine Jean-Pierre and Admiral John Kirby
March 3, 2023

Aboard Air Force One

MS. JEAN-PIERRE: Good afternoon, everyone. I have one thing at the top and then I will hand it over.

The economy added jobs again this month, which is good news for working families.

Q Thank you. Does the President plan to call anyone today?

MS. JEAN-PIERRE: I do not have anything to preview on that.

MR. KIRBY: Let me add one thing about the talks that happened this week in Brussels.

Q Can you say more?

THE PRESIDENT: We are going to keep going, and we will not stop.
"""


def test_labels_in_a_white_house_transcript_are_speakers(annotate_text):
    _, annotation = annotate_text(WHITE_HOUSE, "gaggle")
    assert speakers(annotation) == {"karine-jean-pierre", "john-kirby", "joe-biden"}  # THE PRESIDENT in 2023
    assert {"karine-jean-pierre", "john-kirby", "joe-biden"} <= people(annotation)
    kirby = next(s for s in annotation.speakers if s.id == "john-kirby")
    assert kirby.quotes[0].text.startswith("Let me add one thing")


def test_the_president_label_follows_the_date(annotate_text):
    _, annotation = annotate_text(WHITE_HOUSE.replace("March 3, 2023", "March 3, 2025"), "gaggle-2025")
    assert "donald-trump" in speakers(annotation)
    assert "joe-biden" not in speakers(annotation)


def test_anonymous_questions_are_nobody_unless_the_reporter_names_himself(annotate_text):
    text = WHITE_HOUSE.replace("Q Can you say more?", "Q Sir, I’m Daniel Okafor, with the Daily Ledger. Can you say more?")
    _, annotation = annotate_text(text, "gaggle-named")
    assert "daniel-okafor" in speakers(annotation)
    _, plain = annotate_text(WHITE_HOUSE, "gaggle")
    assert not any(s.id.startswith("q") for s in plain.speakers)


KREMLIN = """Meeting with Foreign Minister Sergei Lavrov
February 2, 2023, 15:30
The Kremlin, Moscow

President of Russia Vladimir Putin: Good afternoon, Mr Lavrov. Tell me how the work is going. Foreign Minister Sergei Lavrov: Good afternoon, Mr President. We have studied the replies that came from our partners. Vladimir Putin: Thank you. You said that the replies were not satisfactory. Sergei Lavrov: That is right.
"""


def test_kremlin_labels_inside_one_paragraph_are_turns(annotate_text):
    _, annotation = annotate_text(KREMLIN, "kremlin")
    assert speakers(annotation) == {"vladimir-putin", "sergey-lavrov"}
    lavrov = next(s for s in annotation.speakers if s.id == "sergey-lavrov")
    assert lavrov.quotes[0].text.startswith("Good afternoon, Mr President.")
    assert not lavrov.quotes[0].text.endswith("Vladimir Putin")  # the next label ends the turn


def test_a_statement_titled_after_one_person_is_theirs(annotate_text):
    text = ("Statement by President Biden on the Winter Storm\nJanuary 5, 2023\n\n"
            "Our hearts go out to the families who lost loved ones. We will send every resource we have.\n")
    _, annotation = annotate_text(text, "statement")
    assert speakers(annotation) == {"joe-biden"}
    joint = text.replace("President Biden", "President Biden and Vice President Harris")
    _, annotation = annotate_text(joint, "joint")
    assert speakers(annotation) == set()


def test_ukrainian_address_titled_in_the_genitive(annotate_text):
    text = ("Звернення Президента України Володимира Зеленського\n2022-03-01 10:00\n\n"
            "Я дякую всім, хто допомагає нашій державі. Ми вистоїмо.\n")
    _, annotation = annotate_text(text, "zvernennia")
    assert speakers(annotation) == {"volodymyr-zelensky"}


def test_an_address_named_after_the_headline_is_theirs_and_an_office_alone_is_nobody(annotate_text):
    # The shape of the titles of president.gov.ua: a headline, a dash, then "address by …".
    text = ("We will rebuild every school - address by President Volodymyr Zelenskyy\n2022-06-24 18:00\n\n"
            "I thank everyone who helps our state. We will stand.\n")
    _, annotation = annotate_text(text, "tail")
    assert speakers(annotation) == {"volodymyr-zelensky"}
    office = text.replace("address by President Volodymyr Zelenskyy", "address by the President at the OECD")
    _, annotation = annotate_text(office, "tail-office")
    assert speakers(annotation) == set()  # not the White House's "the President" of that date


def _title_speaker(kb, title: str, lang: str, when, text: str = ""):
    from builder.annotate.resolve import PersonIndex
    from builder.annotate.turns import TurnFinder

    return TurnFinder(PersonIndex(kb)).title_speaker(title, lang, when, "", lambda words: [], text)[0]


def test_an_address_titled_by_a_countrys_office_is_its_holders_on_that_date(kb):
    # The header says whose address it is: "the President of Ukraine" on the document's date.
    from datetime import date

    for title, lang in (("Звернення Президента України з нагоди Дня пам'яті та примирення", "uk"),
                        ("Стоїмо міцно: звернення Президента України", "uk"),
                        ("Звернення Президента України ввечері другого дня масштабної війни", "uk"),
                        ("Address by the President of Ukraine on the Day of Victory over Nazism in World War II", "en"),
                        ("Address of the President of Ukraine", "en")):
        assert _title_speaker(kb, title, lang, date(2022, 5, 8)) == "volodymyr-zelensky", title
    assert _title_speaker(kb, "Address by the President of Ukraine", "en", date(2016, 8, 24)) == "petro-poroshenko"
    assert _title_speaker(kb, "Address by the President of the Russian Federation", "en",
                          date(2022, 2, 21)) == "vladimir-putin"
    assert _title_speaker(kb, "Звернення Президента України Володимира Зеленського", "uk",
                          date(2022, 5, 8)) == "volodymyr-zelensky"


def test_a_bare_office_in_a_title_is_the_white_houses_only_when_the_text_is_american(kb):
    from datetime import date

    passover = ("Jill and I send our best wishes to everyone celebrating Passover in the United States, the State of "
                "Israel, and around the world.")
    assert _title_speaker(kb, "Statement from the President on Passover", "en", date(2021, 3, 26), passover) == "joe-biden"
    # The same bare office over a Ukrainian president's address: no US holder of that date, and no guess.
    address = ("Glory to the Armed Forces of Ukraine! Men and women, our defenders! Today Russia attacked the entire "
               "territory of our state.")
    assert _title_speaker(kb, "Address by the President to Ukrainians at the end of the first day of Russia's attacks",
                          "en", date(2022, 2, 25), address) is None
    # A White House statement about Ukraine names another country of the table: nobody rather than a guess.
    assert _title_speaker(kb, "Statement by the President on Remembering Holodomor", "en", date(2021, 11, 27),
                          "Americans join Ukrainians in remembering the victims.") is None


def test_words_after_a_bare_office_are_not_a_speakers_name(kb):
    from datetime import date

    text = "In seconds, the lives of dozens of families, and the life of an American community, were changed forever."
    assert _title_speaker(kb, "Statement by the President Three Years After the Parkland Shooting", "en",
                          date(2021, 2, 14), text) is None  # not a person "Parkland Shooting"


def test_a_prose_sentence_with_a_colon_is_not_a_label(annotate_text):
    text = ("Talks end without a deal\nMay 2, 2024\n\n"
            "Ronald Reagan once said in Berlin: tear down this wall. Diplomats recalled it on Monday: nobody laughed.\n")
    _, annotation = annotate_text(text, "prose")
    assert "ronald-reagan" not in speakers(annotation)


def test_a_surname_that_is_also_a_city_does_not_name_the_person(annotate_text):
    text = ("Storm hits Texas\nMay 2, 2024\n\nFlooding closed roads around Austin on Monday, officials said.\n\n"
            "Secretary Austin spoke to troops in Germany on Tuesday.\n")
    _, annotation = annotate_text(text, "austin")
    mentions = [p for p in annotation.people if p.id == "lloyd-austin"]
    assert mentions and mentions[0].mentions == 1  # "Secretary Austin", not the city


def test_a_joint_statement_is_reported_for_both_parties_of_the_call(annotate_text):
    text = ("Telephone conversation with President Joe Biden\nFebruary 1, 2022\n\n"
            "Vladimir Putin had a telephone conversation with Joe Biden. The two presidents reaffirmed that the "
            "dialogue between the two countries should continue at every level.\n")
    _, annotation = annotate_text(text, "call")
    assert reported(annotation) == {"vladimir-putin", "joe-biden"}


def test_a_colon_after_the_subject_and_an_object_gives_the_quote_to_the_subject(annotate_text):
    text = ("Call with the President of the United States\nFebruary 13, 2022\n\n"
            "Volodymyr Zelenskyy thanked Joseph Biden for his support and invited him to visit Ukraine: "
            "\"Your arrival in Kyiv would be a powerful signal.\"\n")
    _, annotation = annotate_text(text, "invite")
    assert speakers(annotation) == {"volodymyr-zelensky"}


def test_a_statement_by_a_spokesperson_the_knowledge_base_lacks(annotate_text):
    text = ("Statement from NSC Spokesperson Emily Horne on the Talks in Brussels\nFebruary 3, 2022\n\n"
            "The United States welcomes the talks held today and will continue to consult with its allies.\n")
    _, annotation = annotate_text(text, "horne")
    assert speakers(annotation) == {"emily-horne"}
    assert "emily-horne" in people(annotation)
    titled = text.replace("NSC Spokesperson Emily Horne", "President Biden and Prime Minister Kishida of Japan")
    _, annotation = annotate_text(titled, "two")
    assert speakers(annotation) == set()


def test_fact_sheet_headings_with_a_colon_are_not_speakers(annotate_text):
    text = ("Fact Sheet: New Jobs Programs\nMay 16, 2023\n\n"
            "Workforce Hubs: The administration opens eight new hubs this year. Careers Corps: Young people "
            "will get paid training in clean energy.\n\n"
            "Secretary Marty Walsh: The programs start in June.\n")
    _, annotation = annotate_text(text, "fact-sheet")
    assert not {"workforce-hubs", "careers-corps"} & speakers(annotation)


def test_one_titled_kremlin_label_is_a_transcript(annotate_text):
    text = ("Meeting on fire-fighting efforts\nMay 10, 2022, 14:10\nThe Kremlin, Moscow\n\n"
            "Vladimir Putin held a videoconference meeting with the Government.\n\n"
            "President of Russia Vladimir Putin: Good afternoon, colleagues. Today we will discuss the fires.\n\n"
            "We must act quickly.\n")
    _, annotation = annotate_text(text, "fires")
    putin = next(s for s in annotation.speakers if s.id == "vladimir-putin")
    assert putin.quotes[0].direct and putin.quotes[0].text.startswith("Good afternoon, colleagues.")


def test_direct_speech_after_a_colon_and_mismatched_quotation_marks(annotate_text):
    text = ("Address to the Parliament\nMarch 17, 2022\n\n"
            "President of the United States Ronald Reagan once said in Berlin: Tear down this wall!\n\n"
            "I recall the words of President Lech Kaczyński said in Tbilisi in 2008: \"We know very well: "
            "today Georgia, tomorrow Ukraine”.\n")
    _, annotation = annotate_text(text, "colon")
    assert {"ronald-reagan", "lech-kaczynski"} <= speakers(annotation)
    assert "ronald-reagan" not in reported(annotation)


def test_title_case_words_end_the_name_after_a_statement_head(kb):
    # White House titles capitalise the words after the name; a joint title is nobody's.
    from datetime import date

    when = date(2023, 6, 1)
    assert _title_speaker(kb, "Statement from NSC Spokesperson Adrienne Watson Marking the Two-Year Anniversary of "
                              "the Indo-Pacific Strategy", "en", when) == "adrienne-watson"
    assert _title_speaker(kb, "Remarks by President Biden Honoring the Super Bowl LVII Champions, the Kansas City "
                              "Chiefs", "en", when) == "joe-biden"
    assert _title_speaker(kb, "Remarks by President Biden and President Moon Jae-in of the Republic of Korea Before "
                              "Bilateral Meeting", "en", when) is None
    assert _title_speaker(kb, "Statement by the President and the First Lady on the Passing of their Beloved German "
                              "Shepherd, Champ", "en", when, "Our hearts are full of gratitude.") is None
