"""Issue 14, who is a person: page furniture (bylines, credits, contributor lines, reporter bios, related
headlines) is not the article; things the model once takes for a person, ranks and honorifics are not
people; a person outside the knowledge base needs a full name somewhere to get a page. Sentences written
for these tests, with real public facts."""

import pytest

from builder.annotate.people import not_people, titled, with_first_name
from builder.sources.ingest import drop_furniture, ingest_text, is_credit_line, is_reporter_bio

BODY = ("WASHINGTON — Secretary of State Antony Blinken met Ukrainian Foreign Minister Dmytro Kuleba in Brussels on "
        "Thursday to discuss air defence, the State Department said.\n\n"
        "Blinken told reporters that the allies would keep supporting Kyiv for as long as it takes.\n\n")


def people(annotation) -> set[str]:
    return {p.id for p in annotation.people}


@pytest.mark.parametrize("line", [
    "By Jane Holloway and Marcus T. Reid",
    "By Olena Kovalenko, Daniel Fried and Sofia Márquez-López",
    "By Laura Chen, Senior Correspondent",
    "Reporting by Tom Balmforth in Kyiv; Writing by Mark Trevelyan; Editing by Alex Richardson",
    "(Additional reporting by Anna Petrova in Moscow)",
    "CNN's Jane Holloway, Marcus Reid and Tom Lane contributed to this report.",
    "— Maria Lopez contributed to this report.",
    "Jane Holloway and Marcus Reid reported from Washington, and Tom Lane from London.",
    "Stephanie Moore contributed reporting.",
])
def test_bylines_and_credit_lines_are_furniture(line):
    assert is_credit_line(line)


@pytest.mark.parametrize("line", [
    "Zelensky thanked Biden for the new package of military aid.",
    "By the end of the day, Blinken had cancelled the meeting with Lavrov.",
    "Reporting by the Associated Press showed that the convoy had stopped.",
    "Roman Abramovich contributed $1 million to the fund, according to the filing.",
    "Peskov said the Kremlin had not yet received the proposals.",
])
def test_sentences_of_the_news_are_not_furniture(line):
    assert not is_credit_line(line)


def test_credits_leave_their_names_off_the_article(annotate_text):
    text = ("U.S. and Ukraine discuss air defence in Brussels\n\nBy Jane Holloway and Marcus Reid\n\n" + BODY +
            "Reporting by Tom Balmforth in Kyiv; Editing by Alex Richardson\n\n"
            "CNN's Kevin Moore and Lisa Grant contributed to this report.\n")
    article, annotation = annotate_text(text)
    assert {"antony-blinken", "dmytro-kuleba"} <= people(annotation)
    assert not people(annotation) & {"jane-holloway", "marcus-reid", "tom-balmforth", "alex-richardson", "kevin-moore",
                                     "lisa-grant"}
    assert "By Jane Holloway and Marcus Reid" in article.removed


def test_a_reporter_bio_is_furniture_but_a_journalist_in_the_news_is_not():
    bio = "Daniel Marsh is the Washington bureau chief for Example News. Follow him on Twitter @dmarsh."
    news = ("Evan Gershkovich is a Wall Street Journal reporter who was detained in Yekaterinburg in March 2023 and "
            "freed in a prisoner exchange in August 2024.")
    assert is_reporter_bio(bio, last=False)
    assert not is_reporter_bio(news, last=False)
    kept = drop_furniture(["First paragraph of the story.", news, "The talks resume on Monday.", bio], removed := [])
    assert kept == ["First paragraph of the story.", news, "The talks resume on Monday."] and removed == [bio]


def test_related_headlines_at_the_end_of_the_page_are_furniture():
    teasers = ["A retired teacher swims the Channel for the third time in a year",
               "How a small town in Wales became the home of the longest zip line...",
               "The chef who cooks for a whole village every Sunday"]
    paragraphs = ["The first paragraph of the article, which ends a sentence.", "Another paragraph of the story.",
                  *teasers, "© 2024 Example. All rights reserved."]
    kept = drop_furniture(paragraphs, removed := [])
    assert removed == teasers and kept == paragraphs[:2] + paragraphs[-1:]


def test_lists_of_people_and_subheads_stay():
    paragraphs = ["The President announced the delegation on Friday.", "Iowa Governor Kim Reynolds",
                  "Michigan Governor Gretchen Whitmer", "Ohio Governor Mike DeWine"]
    assert drop_furniture(paragraphs, []) == paragraphs
    story = ["The first paragraph of the story.", "A push for voting rights", "The second paragraph, which is long "
             "enough to be a real paragraph of an article and ends with a full stop."]
    assert drop_furniture(story, []) == story


def test_ranks_and_honorifics_are_not_names():
    assert titled("Lance Cpl") and titled("His Holiness") and titled("Staff Sgt")
    assert not titled("Jordan Smith") and not titled("Lance Armstrong")


def test_a_thing_the_model_labels_as_a_thing_elsewhere_is_not_a_person():
    entities = [(0, 16, "PERSON", "Belgorod Highway"), (40, 60, "FAC", "the Belgorod Highway"),
                (80, 100, "FAC", "the Belgorod Highway"), (120, 132, "PERSON", "Jordan Smith")]
    assert not_people(entities) == {"belgorod highway"}


def test_a_rank_before_a_name_is_not_a_person(annotate_text):
    _, annotation = annotate_text("Marines honour a fallen comrade\n\nLance Cpl. Jordan Rivera was killed in Helmand "
                                  "province in 2011, the Marine Corps said on Monday. His mother said he had loved "
                                  "the Corps since he was a boy.\n")
    assert "lance-cpl" not in people(annotation)


def test_office_words_alone_are_not_a_name():
    assert titled("Second Gentleman") and titled("Majesty King") and not titled("Ned Price")


def test_a_middle_initial_keeps_the_first_name_before_it():
    text = "Talks were off, as Secretary of State Antony J. Blinken cancelled his meeting with Sergey Lavrov."
    start = text.index("J. Blinken")
    assert with_first_name(text, start, start + len("J. Blinken"), "J. Blinken")[3] == "Antony J. Blinken"
    text = "The statement was signed by President J. Doe."
    start = text.index("J. Doe")
    assert with_first_name(text, start, start + 6, "J. Doe")[3] == "J. Doe"
