"""Romanian people through the whole annotator: the person recogniser (models/ro_person) wired into the
`mentions` component. Real sentences: RONEC v2 validation sentences of the train and dev parts (never the
held-out part), read from ../shared by their RONEC id, each annotated as one Romanian article."""
from __future__ import annotations

import importlib.util
import shutil

import pytest

from builder.annotate import nlp
from builder.annotate.people import romanian_name
from builder.config import load_config, with_overrides
from builder.model import Article
from builder.pipeline.generate import Report, generate
from tests.conftest import ROOT

RONEC = ROOT.parent / "shared" / "corpus" / "ronec"

pytestmark = pytest.mark.skipif(nlp.romanian() is None, reason="models/ro_person is missing")


@pytest.fixture(scope="module")
def ronec():
    if not (RONEC / "valid.json").exists():
        pytest.skip(f"RONEC is not here ({RONEC}/valid.json)")
    spec = importlib.util.spec_from_file_location("bench_ronec", ROOT / "bench" / "ronec.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    by_id = {s["id"]: s for part in ("train", "dev") for s in bench.sentences(RONEC, part)}

    def text(sentence_id: int) -> str:
        assert bench.prepare.part_of(sentence_id) != "heldout"
        return bench.sentence_text(by_id[sentence_id])[0]

    return text


def people(annotator, text: str) -> dict[str, tuple[str, bool]]:
    """name -> (first surface, in the knowledge base) of the people the annotator reports for one text."""
    article = Article(source="ronec.txt", slug="ronec", title="", title_source="lead", date=None, date_source="none",
                      lang="ro", lang_source="header", outlet=None, url=None, paragraphs=(text,))
    return {p.name: (p.first_surface, p.in_kb) for p in annotator.annotate(article).people}


@pytest.mark.parametrize("sentence_id,name,surface", [
    (1841, "Avram Berceanu", "Avram Berceanu"),          # "doctorului Avram Berceanu": the title is cut
    (11311, "Siegfried Mureșan", "Siegfried Mureșan"),    # "Deputatul … Siegfried Mureșan"
    (11721, "Simona Lobonț", "Simona Lobonț"),            # "prof. Simona Lobonț"
    (11721, "Doina Brad", "Doina Brad"),
    (153, "Ana Nițeanu", "Anei Nițeanu"),                 # feminine genitive back in the nominative
    (2122, "Gabriela Firea", "Gabrielei Firea"),
])
def test_names_outside_the_knowledge_base_are_found_without_their_titles(annotator, ronec, sentence_id, name, surface):
    found = people(annotator, ronec(sentence_id))
    assert found.get(name) == (surface, False), found


@pytest.mark.parametrize("sentence_id,name", [
    (9531, "Viktor Yanukovych"),   # "Primul-ministru ucrainean Viktor Ianukovici": Romanian spelling, title cut
    (7019, "Vladimir Putin"),
])
def test_names_map_to_knowledge_base_people(annotator, ronec, sentence_id, name):
    assert people(annotator, ronec(sentence_id)).get(name, (None, False))[1] is True


@pytest.mark.parametrize("sentence_id", [12001, 3751])  # the only person is a pronoun ("El", "Ei") RONEC marks
def test_no_person_without_a_name(annotator, ronec, sentence_id):
    assert people(annotator, ronec(sentence_id)) == {}


def test_without_the_model_those_names_are_not_found(kb, ronec):
    """The baseline the model improves on: knowledge-base spellings and known first names only."""
    from builder.annotate import Annotator

    assert "Avram Berceanu" not in people(Annotator(kb, None, None), ronec(1841))


@pytest.mark.parametrize("span,expected", [
    ("premierului Ilie Bolojan", "Ilie Bolojan"),
    ("Ministrul de externe Oana Țoiu", "Oana Țoiu"),
    ("Dl viceprimar Adrian Orza", "Adrian Orza"),
    ("Regina Elisabeta II a Marii Britanii", "Elisabeta II"),
    ("Ianis Hagi , fiul", "Ianis Hagi"),
    ("Andrei Năstase", "Andrei Năstase"),  # "Andrei" is a first name in its own right, not an oblique form
])
def test_title_and_apposition_cut_from_a_model_span(span, expected):
    start, end, written, name = romanian_name(100, span)
    assert name == expected and span[start - 100:end - 100] == written


@pytest.mark.parametrize("span", ["Premierul", "președintele", "Dl", "ministrul adjunct de externe"])
def test_a_title_alone_is_no_name(span):
    assert romanian_name(0, span) is None


def test_the_model_identity_changes_with_any_file_of_the_model(tmp_path):
    copy = tmp_path / "ro_person"
    shutil.copytree(nlp.ROMANIAN_MODEL, copy)
    before = nlp.romanian_identity(copy)
    assert before == nlp.romanian_identity(nlp.ROMANIAN_MODEL) and before.startswith("ro_person@")
    (copy / "ner" / "model").write_bytes((copy / "ner" / "model").read_bytes() + b"\0")
    nlp.romanian_identity.cache_clear()
    assert nlp.romanian_identity(copy) != before
    assert nlp.romanian_identity(tmp_path / "missing") == "none"


def test_a_retrained_model_invalidates_cached_annotations(tmp_path, monkeypatch):
    """The annotation cache keys include the Romanian model's identity: with another model, every article
    is annotated again (English ones from their cached spans) and the Romanian one goes through the model."""
    shutil.copytree(ROOT / "content" / "articles", tmp_path / "articles")
    config, _ = load_config(ROOT)
    config = with_overrides(config, articles=(tmp_path / "articles",), data=ROOT / "data", notes=tmp_path / "none",
                            cache=tmp_path / "cache", processes=1)
    generate(config, Report())
    monkeypatch.setattr(nlp, "romanian_identity", lambda path=nlp.ROMANIAN_MODEL: "ro_person@retrained")
    report = Report()
    archive, _ = generate(config, report)
    romanian = [i for i in archive.articles if i.article.lang == "ro"]
    assert romanian and report.cached == 0 and report.annotated == report.articles
    assert report.model_runs == len(romanian)


def read_sample(name: str) -> Article:
    from builder.sources.ingest import read_article

    path = ROOT / "content" / "articles" / name
    article, _ = read_article(path, f"content/articles/{name}", path.stem, ("en", "ro", "ru", "uk"))
    assert article.lang == "ro"
    return article


def test_a_romanian_commentator_outside_the_knowledge_base_is_found_and_quoted(annotator):
    annotation = annotator.annotate(read_sample("2025-12-22-kremlinul-discutiile-de-la-miami.txt"))
    assert "Cristian Dobre" in [p.name for p in annotation.people if not p.in_kb]
    said = {s.name: s for s in annotation.speakers}
    assert any(q.text.startswith("Kremlinul vrea să arate") for q in said["Cristian Dobre"].quotes)


def test_a_sentence_opening_preposition_makes_no_person(annotator):
    """The model takes "La Washington," opening a sentence for a person; the stop word is cut and a lone
    unknown word is no person."""
    annotation = annotator.annotate(read_sample("2025-08-16-putin-summitul-din-alaska.txt"))
    assert not [p.name for p in annotation.people if "Washington" in p.name]


# One-word names (builder.annotate.romanian): RONEC train/dev sentences whose person is named by one word.
@pytest.mark.parametrize("sentence_id,name", [
    (91, "Gulen"),        # "a-l recupera pe Gulen": a direct object doubled by a clitic and marked by "pe"
    (91, "Brunson"),      # "eliberarea Pastorului Brunson": a title before it
    (8391, "Lane"),       # "Lane a declarat": a reporting verb after it
    (5181, "Drogba"),     # "Drogba a continuat": a verb in the compound perfect after it
    (10601, "Vulpescu"),  # "activitatea lui Vulpescu": the article "lui" before it; a Romanian surname form
])
def test_a_grounded_one_word_name_is_a_mention_of_nobody_in_particular(annotator, ronec, sentence_id, name):
    found = people(annotator, ronec(sentence_id))
    assert found.get(name) == (name, False), found


def test_an_articled_one_word_name_is_no_person(annotator):
    """"Kievul a ..." in the sample archive's Romanian article: a city with its definite article, whatever the
    model says, neither a person nor a speaker."""
    annotation = annotator.annotate(read_sample("2026-02-10-lavrov-acordul-de-la-anchorage.txt"))
    assert "Kievul" in (ROOT / "content" / "articles" / "2026-02-10-lavrov-acordul-de-la-anchorage.txt").read_text()
    assert "Kievul" not in [p.name for p in annotation.people] + [s.name for s in annotation.speakers]


def test_an_ungrounded_one_word_name_is_no_mention(annotator, ronec):
    """"navigând spre nord de pe Maas către Texel": a river the model takes for a person, with no context."""
    assert "Maas" not in people(annotator, ronec(9191))


def test_a_one_word_name_gets_no_person_page(tmp_path, ronec):
    """A person named by one word alone is listed among the article's people but has no page of their own; a
    full name outside the knowledge base in the same article has one."""
    from builder.site import urls
    from builder.site.render import render_site

    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "ronec.txt").write_text(
        "---\ntitle: RONEC\ndate: 2020-01-01\nlang: ro\n---\n" + ronec(8391) + "\n\n" + ronec(10601) + "\n\n" + ronec(1841) + "\n",
        encoding="utf-8")
    config, _ = load_config(ROOT)
    config = with_overrides(config, articles=(tmp_path / "articles",), data=ROOT / "data", notes=tmp_path / "none",
                            cache=tmp_path / "cache", processes=1)
    archive, _ = generate(config, Report())
    named = {ref.name for item in archive.articles for ref in item.annotation.people}
    assert {"Lane", "Vulpescu"} <= named
    pages = render_site(archive)
    people_pages = [path for path in pages if path.startswith(urls.PEOPLE + "/")]
    assert urls.person("avram-berceanu") in people_pages
    assert not [path for path in people_pages if "lane" in path or "vulpescu" in path]


@pytest.mark.parametrize("span,expected", [
    ("Ministrul Afacerilor Externe Oana Țoiu", "Oana Țoiu"),  # the title's complement before a known given name
    ("Prim-ministrul Ilie Bolojan", "Ilie Bolojan"),          # a hyphenated title
    ("Primul-ministru Victor Ponta", "Victor Ponta"),
])
def test_title_complements_and_hyphenated_titles_are_cut(span, expected):
    assert romanian_name(0, span)[3] == expected
