"""The dependency parse of reporting sentences (builder.annotate.syntax) and what attribution does with it,
on sentences of real news articles (../shared/corpus/news, development set) and of the Russian corpus."""

from __future__ import annotations

import re

from builder.annotate import lexicon, nlp, syntax
from builder.annotate.quotations import quoted_name
from builder.pipeline.generate import english_identity
from builder.sources.ingest import ingest_text

WHITE_HOUSE = ("“These individuals have enriched themselves at the expense of the Russian people,” the White House "
               "said on Thursday.")
SCHIFF = ('Democratic Rep. Adam Schiff of California, the chairman of the committee, told reporters after the '
          'hearing that Putin "seriously miscalculated."')
NO_VERB = "The status of the talks is not contingent upon Russia first pulling back its troops."


def _parse(text: str) -> syntax.Parse:
    entities, arcs = syntax.split(nlp.english_entities(text))
    assert all(len(span) == 4 and isinstance(span[3], str) for span in entities)
    return syntax.Parse(text, arcs)


def test_only_sentences_with_a_reporting_verb_are_parsed():
    text = NO_VERB + " " + WHITE_HOUSE
    assert syntax.reporting_sentences(text) == [(len(NO_VERB) + 1, len(text))]
    parse = _parse(text)
    assert parse.at(text.index("status")) is None  # the first sentence cost the parser nothing
    assert parse.at(text.index("said")).dep == "ROOT"
    assert not _parse(NO_VERB)


def test_the_subject_of_the_verb_a_quotation_hangs_on():
    parse = _parse(WHITE_HOUSE)
    verb, direct = parse.governor(0, WHITE_HOUSE.index("the White"), lexicon.speech_pattern("en"))
    assert WHITE_HOUSE[verb.start:verb.end] == "said" and direct
    subject = parse.subject(verb.start)
    assert parse.word(subject) == "House"
    assert syntax.judge(parse, subject, [], nlp.english_entities(WHITE_HOUSE), "en") == ("other", None)


def test_a_quotation_inside_the_reported_clause_is_found_up_the_tree():
    parse = _parse(SCHIFF)
    verb, direct = parse.governor(SCHIFF.index('"'), len(SCHIFF), lexicon.speech_pattern("en"))
    assert SCHIFF[verb.start:verb.end] == "told" and not direct
    assert parse.word(parse.subject(verb.start)) == "Schiff"


def _read(annotator, text: str, lang: str = "en"):
    article, _ = ingest_text(f"---\ntitle: A test\nlang: {lang}\ndate: 2022-03-08\n---\n{text}\n", "t.txt", "t")
    return annotator.read(article)


def test_the_parse_attributes_what_the_rules_left(annotator):
    doc = _read(annotator, SCHIFF)
    assert [(q.text, q.basis) for q in doc.quotations] == [("seriously miscalculated.", "parse:subject")]
    assert doc.quotations[0].speaker is not None and "schiff" in doc.quotations[0].speaker


def test_an_institution_as_subject_takes_the_words_from_the_person_before(annotator):
    # The rules took "Biden" (the only person named) for the speaker; the parse says the White House spoke.
    doc = _read(annotator, "After Biden delivered his assessment, the White House said the administration's "
                           "investigation into war crimes would continue.")
    assert doc.reported == []
    doc = _read(annotator, "President Joe Biden met the prime minister on Monday.\n\n" + WHITE_HOUSE)
    assert [q.speaker for q in doc.quotations] == [None]


def test_the_parse_is_cached_with_the_spans_under_its_own_key():
    assert "+parse:" in english_identity("auto")


def test_a_quoted_name_is_not_a_quotation():
    # nerel_ru: bands, novels and parties in «…» are names; the words after "заявил журналистам:" are speech.
    for name in ("Ляпис Трубецкой", "Двенадцать стульев", "Единая Россия", "Известия"):
        assert quoted_name(name, ".", "ru"), name
    for speech in ("Мы вернём себе страну", "Я, кажется, её убил", "Спасибо", "Нет"):
        assert not quoted_name(speech, ".", "ru"), speech
    assert not quoted_name("Известия", ", — сказал он.", "ru")  # the dash attributes speech
    assert not quoted_name("Ніколи знову", ".", "uk") and quoted_name("Укрзалізниця", ".", "uk")
    assert not quoted_name("Face the Nation", ".", "en")  # English names are the rules' (NAMING)


def test_names_in_marks_leave_the_quotations_of_a_russian_text(annotator):
    text = ("Группа «Ляпис Трубецкой» существовала с 1989 до 2014 года. Коллектив назван в честь поэта-халтурщика "
            "из романа Ильи Ильфа и Евгения Петрова «Двенадцать стульев».\n\n"
            "В субботу Герман Кейн заявил журналистам в Атланте: «Мы вернём себе страну».")
    assert [q.text for q in _read(annotator, text, "ru").quotations] == ["Мы вернём себе страну"]


def test_whatever_changes_the_parsed_sentences_changes_the_parse_key(monkeypatch):
    # The sentence split reads the abbreviations of every language pack and the quotation marks: a change of
    # them parses other sentences, so the spans cached with the old parse must not be taken for the new.
    from builder.annotate import quotations

    before, key = syntax.reporting_sentences(SCHIFF), syntax.identity()
    monkeypatch.setattr(quotations, "ABBREVIATION", re.compile(r"(?:\b[A-Z]\.)$"))  # "Rep." ends a sentence now
    assert syntax.reporting_sentences(SCHIFF) != before
    assert syntax.identity() != key
    monkeypatch.undo()
    spans = quotations.quote_spans(WHITE_HOUSE)
    monkeypatch.setattr(quotations, "QUOTE_PAIRS", re.compile(r"«[^«»]*»"))  # the English marks not known
    assert quotations.quote_spans(WHITE_HOUSE) != spans  # other words masked, other verbs found
    assert syntax.identity() != key
