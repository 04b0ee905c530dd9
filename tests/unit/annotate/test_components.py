"""Each annotation component alone, on real sentences (written for these tests), without the pipeline."""

from __future__ import annotations

import pytest

from builder.annotate import Doc
from builder.annotate.attribution import Attributor
from builder.annotate.pipeline import Annotator, Turns, check_order
from builder.annotate.people import Mentions
from builder.annotate.quotations import read_paragraph
from builder.annotate.speech import Speech
from builder.annotate.subjects import Events, Topics
from builder.sources.ingest import ingest_text
from builder.annotate.resolve import PersonIndex


def _doc(text: str, lang: str, day: str = "2025-08-16") -> Doc:
    article, _ = ingest_text(f"---\ntitle: A test\nlang: {lang}\ndate: {day}\n---\n{text}\n", "test.txt", "test")
    return Doc.of(article)


@pytest.fixture(scope="module")
def index(kb):
    return PersonIndex(kb)


def test_mentions_alone_finds_known_people_in_any_case(kb, index):
    doc = _doc("Речник Кремля Дмитро Пєсков заявив, що Путін не планує зустрічі.", "uk")
    Mentions(kb, index)(doc)
    assert [f.id for f in doc.people] == ["dmitry-peskov", "vladimir-putin"]
    assert doc.in_kb == {"dmitry-peskov": True, "vladimir-putin": True}


def test_mentions_alone_puts_a_new_russian_name_in_the_nominative(kb, index):
    doc = _doc("Об этом сообщил журналистам Алексей Навальный.", "ru")
    Mentions(kb, index)(doc)
    assert [(f.surface, doc.in_kb[f.id]) for f in doc.people] == [("Алексей Навальный", False)]


def test_speech_alone_attributes_a_romanian_quotation_and_a_reported_clause(kb, index):
    doc = _doc("„Discuțiile au fost constructive”, a declarat Serghei Lavrov. "
               "Ministrul a precizat că o nouă rundă de negocieri va avea loc luna viitoare.", "ro")
    Mentions(kb, index)(doc)
    Speech(index)(doc)
    assert [(q.text, q.speaker) for q in doc.quotations] == [("Discuțiile au fost constructive", "sergey-lavrov")]
    assert [(who, words) for who, words, _ in doc.reported] == [
        ("sergey-lavrov", "o nouă rundă de negocieri va avea loc luna viitoare.")]


def test_speech_leaves_a_quotation_without_a_speaker_unattributed(kb, index):
    doc = _doc("The talks were described as “useful but difficult” in a statement released on Friday.", "en")
    Mentions(kb, index)(doc)
    Speech(index)(doc)
    assert [(q.text, q.speaker) for q in doc.quotations] == [("useful but difficult", None)]


def test_attribution_alone_names_the_subject_of_a_verb(kb, index):
    text = "Kremlin spokesman Dmitry Peskov told reporters the meeting had been postponed."
    doc = _doc(text, "en")
    Mentions(kb, index)(doc)
    view = read_paragraph(0, 0, text, [], list(doc.people), None)
    verb = text.index("told")

    class Nobody:
        def salient(self, position):
            return None

        def earlier(self, position):
            return []

    assert Attributor(index).subject(view, (0, len(text)), (verb, verb + 4), "en", Nobody()) == "dmitry-peskov"


def test_events_and_topics_alone(kb):
    doc = _doc("Sanctions were discussed at the Anchorage summit. New sanctions on Russian banks followed; "
               "the sanctions hit exports.", "en")
    Events(kb)(doc)
    Topics(kb)(doc)
    assert [e.id for e in doc.events] == ["anchorage-summit-2025"]
    assert "sanctions" in [t.id for t in doc.topics]


def test_the_pipeline_refuses_a_component_before_what_it_reads(kb, index):
    turns = Turns(Annotator(kb, None).turns)
    with pytest.raises(ValueError, match="component 'turns' requires \\['people'\\]"):
        check_order([turns, Mentions(kb, index)])
    check_order([Mentions(kb, index), turns])


def test_a_quotation_inside_a_transcript_turn_is_nested_speech_of_nobody(kb, index):
    from builder.annotate.turns import TurnFinder

    doc = _doc("MS. JEAN-PIERRE: Joe Biden said veterans are heroes, not “suckers,” and he meant it.\n\n"
               "Q: Thank you, Karine.", "en")
    Mentions(kb, index)(doc)
    Turns(TurnFinder(index))(doc)
    Speech(index)(doc)
    assert [(q.text, q.speaker) for q in doc.quotations] == [("suckers", None)]
