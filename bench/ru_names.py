"""Russian person names: the pymorphy3 name finder (builder/annotate/names.py) beside natasha/slovnet's NER
(PER spans, normalised to the nominative by natasha), and beside slovnet's PER spans added to our finder's
names and put in the nominative by our own reading (names.span_name: case and gender agreement), measured
on the Russian gold documents.

    .venv/bin/pip install natasha==1.6.0     # not a dependency of the project; only for this comparison
    .venv/bin/python bench/ru_names.py [GOLD.yml ...]    # default: scale-ru.yml and corpus-b.yml

Both finders run inside the same annotator (knowledge-base spellings, filters, surname-only mentions), so
only the name proposer differs. Prints people precision, recall and F1, and the finder's own time per
document (the whole annotation's time beside it).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder.annotate import names  # noqa: E402
from builder.config import load_config  # noqa: E402
from builder.pipeline.evaluate import expected_sets, person_resolver, predicted_sets, read_gold  # noqa: E402
from builder.pipeline.generate import make_annotator  # noqa: E402
from builder.sources.ingest import read_article  # noqa: E402
from builder.sources.kb import load_kb  # noqa: E402
from builder.text import slug  # noqa: E402

DEFAULT = ("tests/gold/scale-ru.yml", "tests/gold/corpus-b.yml")


def natasha_finder():
    from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    segmenter, vocab, embedding = Segmenter(), MorphVocab(), NewsEmbedding()
    morph, ner = NewsMorphTagger(embedding), NewsNERTagger(embedding)

    def find(text: str, lang: str):
        if lang != "ru":
            return original(text, lang)
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.tag_ner(ner)
        found = []
        for span in doc.spans:
            if span.type != "PER":
                continue
            span.normalize(vocab)
            found.append((span.start, span.stop, span.text, span.normal))
        return found

    return find


def slovnet_finder():
    """Our finder's names, plus slovnet's PER spans it did not find, read by names.span_name (a Latin
    spelling in brackets after a name is cut: "Гилл Болтон (Gill Bolton)")."""
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, ner = Segmenter(), NewsNERTagger(NewsEmbedding())

    def find(text: str, lang: str):
        ours = original(text, lang)
        if lang != "ru":
            return ours
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(ner)
        found = list(ours)
        for span in doc.spans:
            written = span.text.split(" (")[0]
            end = span.start + len(written)
            if span.type != "PER" or any(s < end and span.start < e for s, e, _, _ in ours):
                continue
            name = names.span_name(written.split(), lang)
            if name:
                found.append((span.start, end, written, name))
        return names.one_name_each(sorted(found), set())

    return find


original = names.find_names


def measure(finder, label: str, documents, kb, config) -> None:
    spent = [0.0]

    def timed(text: str, lang: str):
        start = time.perf_counter()
        try:
            return finder(text, lang)
        finally:
            spent[0] += time.perf_counter() - start

    names.find_names = timed
    annotator = make_annotator(kb, config)
    person_id = person_resolver(kb)
    tp = fp = fn = 0
    total = 0.0
    for root, doc in documents:
        path = root / doc["file"]
        article, _ = read_article(path, doc["file"], slug(path.stem), config.languages)
        start = time.perf_counter()
        annotation = annotator.annotate(article)
        total += time.perf_counter() - start
        ours, wanted = predicted_sets(annotation)["people"], expected_sets(doc, person_id)["people"]
        tp, fp, fn = tp + len(ours & wanted), fp + len(ours - wanted), fn + len(wanted - ours)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    n = len(documents)
    print(f"{label:10} people P {p:.3f} R {r:.3f} F1 {f:.3f} (tp {tp} fp {fp} fn {fn}); "
          f"finder {1000 * spent[0] / n:.1f} ms/doc, whole annotation {1000 * total / n:.1f} ms/doc, {n} documents")


def main(argv: list[str]) -> None:
    config, _ = load_config(ROOT)
    kb, _ = load_kb(config.data, config.root)
    documents = []
    for name in argv or DEFAULT:
        gold = read_gold(ROOT / name)
        documents += [(gold.root, d) for d in gold.documents if d.get("lang") == "ru"]
    measure(original, "pymorphy3", documents, kb, config)
    start = time.perf_counter()
    finder = natasha_finder()
    print(f"natasha loads in {time.perf_counter() - start:.1f} s")
    measure(finder, "natasha", documents, kb, config)
    measure(slovnet_finder(), "+slovnet", documents, kb, config)


if __name__ == "__main__":
    main(sys.argv[1:])
