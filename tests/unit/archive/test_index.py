"""builder/archive/index.py: people outside the knowledge base across articles and scripts (one id for the
Latin and Cyrillic spellings of a name, shown under a Latin name, the Cyrillic spellings kept as aliases)."""

from __future__ import annotations

import json

from builder.archive.evidence import Counts
from builder.archive.index import index_archive
from builder.model import AnnotatedArticle
from builder.site.render import Settings, render_person
from builder.sources.ingest import ingest_text


def _annotated(annotator, slug: str, lang: str, day: str, body: str) -> AnnotatedArticle:
    article, _ = ingest_text(f"---\nlang: {lang}\ndate: {day}\n---\nA headline\n{body}\n", f"{slug}.txt", slug)
    return AnnotatedArticle(article, annotator.annotate(article))


def _people(annotator, *articles) -> dict:
    archive = index_archive(annotator.kb, [_annotated(annotator, *a) for a in articles], [])
    return {p.id: p for p in archive.people.values() if not p.in_kb}, archive


def test_a_cyrillic_name_links_to_the_same_person_named_in_latin_script(annotator):
    people, archive = _people(
        annotator,
        ("ru-apple", "ru", "2025-03-06", "Генеральный директор Apple Тим Кук заявил в четверг, что компания "
                                         "откроет в Сингапуре новый исследовательский центр."),
        ("en-apple", "en", "2025-03-07", "Apple chief executive Tim Cook said on Friday that the company "
                                         "would open a new research centre in Singapore."))
    assert list(people) == ["tim-cook"]
    assert people["tim-cook"].name == "Tim Cook" and people["tim-cook"].aliases == ("Тим Кук",)
    for item in archive.articles:  # both articles name the one person
        assert [p.id for p in item.annotation.people if not p.in_kb] == ["tim-cook"]
    page = render_person(people["tim-cook"], archive.articles, archive, [], Settings())["people/tim-cook.md"]
    assert "**Also written:** Тим Кук" in page  # in the page's text, which the search index reads


def test_a_name_in_cyrillic_only_is_shown_romanised_with_the_original_as_alias(annotator):
    people, _ = _people(
        annotator,
        ("ru-moscow", "ru", "2024-06-12", "Пресс-секретарь главы правительства Наталья Тимакова сообщила, что "
                                          "соответствующее распоряжение подписано."),
        ("uk-kyiv", "uk", "2024-06-13", "Голова Київської обласної адміністрації Михайло Гнатюк заявив у "
                                        "четвер, що відбудова мостів триває."))
    assert people["natalya-timakova"].name == "Natalya Timakova"
    assert people["natalya-timakova"].aliases == ("Наталья Тимакова",)
    assert people["mykhailo-hnatiuk"].name == "Mykhailo Hnatiuk"  # Ukrainian: Ukraine's own table


def test_names_that_only_sound_alike_in_latin_script_stay_apart(annotator):
    people, _ = _people(
        annotator,
        ("en-a", "en", "2025-01-10", "Tim Cook told reporters on Friday that the talks had gone well."),
        ("en-b", "en", "2025-01-11", "Tom Cook told reporters on Saturday that the talks had gone badly."))
    assert sorted(people) == ["tim-cook", "tom-cook"]


def test_an_index_from_the_previous_index_counts_is_the_index_made_afresh(annotator, corpus):
    """How each name is used in each article (builder.archive.evidence.Counts) is kept from one index to the next
    (by the build, in docs/): on real corpus articles, with one article changed, one added, one removed and a
    person renamed in another, the index made from the previous counts is the index made afresh, and only the
    changed and added articles' texts were read again."""
    files = sorted(p for p in (corpus / "whitehouse_en").glob("*.txt") if 2000 < p.stat().st_size < 5000)[::100][:13]

    def annotated(path, text=None):
        article, _ = ingest_text(text or path.read_text(encoding="utf-8"), path.name, path.stem)
        return AnnotatedArticle(article, annotator.annotate(article))

    before = [annotated(path) for path in files[:12]]
    first = Counts()
    index_archive(annotator.kb, before, [], first)
    # a person renamed: the name of someone outside the knowledge base whose uses were counted, replaced in its article
    renamed, name = next((i, ref.name) for i, item in enumerate(before) for ref in item.annotation.people
                         if not ref.in_kb and ref.name in first.used.get(first.key(item), {}))
    changed = 0 if renamed else 1
    after = [*before]
    after[renamed] = annotated(files[renamed], files[renamed].read_text(encoding="utf-8").replace(name, "Ingrid Halvorsen"))
    after[changed] = annotated(files[changed], files[changed].read_text(encoding="utf-8") +
                               "\n\nThe Norwegian envoy Ingrid Halvorsen said the replies deserved a careful reading.\n")
    del after[-1]  # removed
    after.append(annotated(files[12]))  # added
    remembered = Counts(json.loads(json.dumps(first.used)))  # as the build stores them
    incremental = index_archive(annotator.kb, after, [], remembered)
    fresh = Counts()
    full = index_archive(annotator.kb, after, [], fresh)
    assert incremental.people == full.people and incremental.articles == full.articles
    assert remembered.used == fresh.used
    assert "Ingrid Halvorsen" in fresh.used[fresh.key(after[renamed])]  # judged by how the text uses it
    new_texts = set(fresh.used) - set(first.used)
    assert len(new_texts) == 3  # the changed, the renamed and the added article
    assert remembered.counted == sum(len(fresh.used[key]) for key in new_texts) < fresh.counted
