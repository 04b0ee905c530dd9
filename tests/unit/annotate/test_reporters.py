"""Component `reporters`: a person the name finders missed, found as the named subject of a reporting verb
(README, *How annotation works*). Short passages of the real news articles in ../shared/corpus/news."""

from __future__ import annotations

import pytest

from builder.annotate import Doc
from builder.annotate.people import Mentions
from builder.annotate.reporters import Reporters
from builder.annotate.resolve import PersonIndex
from builder.annotate.speech import Speech
from builder.sources.ingest import ingest_text


@pytest.fixture(scope="module")
def index(kb):
    return PersonIndex(kb)


def _read(kb, index, text: str, entities=None, lang: str = "en") -> Doc:
    article, _ = ingest_text(f"---\ntitle: A test\nlang: {lang}\ndate: 2022-03-08\n---\n{text}\n", "t.txt", "t")
    doc = Doc.of(article, entities)
    Mentions(kb, index)(doc)
    Reporters(index)(doc)
    Speech(index)(doc)
    return doc


def _org(text: str, words: str) -> tuple[int, int, str, str]:
    start = text.index(words)
    return start, start + len(words), "ORG", words


# CNN, 2022-03-08: the model labels "National Intelligence Avril Haines" and a later "Haines" ORG.
HAINES = ("Director of National Intelligence Avril Haines said at a congressional hearing Tuesday that US "
          "intelligence assesses Putin is unlikely to be deterred.\n\n"
          "\"That's been his main purpose in doing so,\" Haines added.")


def test_a_surname_subject_is_the_full_name_named_earlier(kb, index):
    entities = [_org(HAINES, "National Intelligence Avril Haines"), _org(HAINES, "Haines added")[:2] + ("ORG", "Haines")]
    doc = _read(kb, index, HAINES, entities)
    assert {(f.surface, f.id) for f in doc.people if f.id == "avril-haines"} == {
        ("Avril Haines", "avril-haines"), ("Haines", "avril-haines")}
    assert doc.in_kb["avril-haines"] is False
    assert [(q.text, q.speaker) for q in doc.quotations] == [("That's been his main purpose in doing so", "avril-haines")]


def test_a_surname_with_no_full_name_in_the_text_is_nobody(kb, index):
    text = "\"That's been his main purpose in doing so,\" Haines added."
    doc = _read(kb, index, text, [])
    assert [f.id for f in doc.people] == []
    assert [(q.text, q.speaker) for q in doc.quotations] == [("That's been his main purpose in doing so", None)]


def test_a_common_word_or_a_place_before_the_verb_is_nobody(kb, index):
    # "Earlier" is written in lower case elsewhere; the model labels Moscow a place.
    text = ("Earlier Tuesday said nothing about talks held earlier in the week.\n\n"
            "Ukraine Moscow said the talks had failed.")
    start = text.index("Moscow")
    doc = _read(kb, index, text, [(start, start + 6, "GPE", "Moscow")])
    assert doc.people == []


def test_a_title_and_a_name_after_the_quotation(kb, index):
    # CNN, 2022-03-08: an office of six words and the name between the quotation and "said".
    text = ("\"I saw that announcement by the government of Poland as I was literally driving here today,\" "
            "Undersecretary of State for Political Affairs Victoria Nuland said during a Senate hearing.")
    doc = _read(kb, index, text, [])
    assert [(f.surface, f.id) for f in doc.people] == [("Victoria Nuland", "victoria-nuland")]
    assert doc.quotations[0].speaker == "victoria-nuland"
    assert doc.quotations[0].basis == "after:subject"


def test_mr_and_a_surname_written_first(kb, index):
    # BBC, 2022-03-14: "Zhao Lijian", later "Mr Zhao".
    text = ("A spokesman for China's foreign ministry in Beijing, Zhao Lijian, said the US was spreading "
            "disinformation.\n\nAsked about it, Mr Zhao said this was \"fake news\" but did not deny it.")
    start = text.index("Zhao Lijian")
    doc = _read(kb, index, text, [(start, start + 11, "PERSON", "Zhao Lijian")])
    assert [(q.text, q.speaker) for q in doc.quotations] == [("fake news", "zhao-lijian")]
