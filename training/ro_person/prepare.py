"""RONEC v2 validation split -> spaCy DocBin files for the Romanian person recogniser.

    python training/ro_person/prepare.py [--ronec DIR] [--out DIR] [--labels person|all] [--augment N] [--check-v1]

Only RONEC v2's *validation* split (valid.json) is used. RONEC v2's test split must never be used, and
RONEC v1's sentences were re-annotated into v2's train, validation *and* test splits, so a v1 sentence may
be a v2 test sentence: v1 is not trained on. `--check-v1` only counts how many v1 sentences are (by
normalised text) v2 validation sentences, which are in the training data already; it writes nothing.

Deterministic split of the validation sentences by their RONEC id:
    id % 5 == 0   -> heldout  (measuring only: never used for training or tuning)
    id % 10 == 1  -> dev      (spaCy's evaluation during training / early stopping, and for trying settings)
    otherwise     -> train

Labels: a NAMED-person span is a PERSON span that contains a capitalised token (RONEC's PERSON also marks
nominals such as "președintele"). `--labels person` (default) keeps named-person spans as PERSON and sets
everything else to O; `--labels all` also keeps RONEC's other classes (other PERSON spans still dropped).

`--augment N` (default 4) adds N name-replaced copies of each train sentence with named persons
(training/ro_person/augment.py; Faker names, train part only, never dev or held-out) to train.spacy.
It also writes `final.spacy`: train + dev with the same augmentation of both, for the final model, which
is trained for a number of steps fixed on dev runs (dev can then no longer choose anything). Held-out is
in neither.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
DEFAULT_RONEC = HERE.parents[2] / "shared" / "corpus" / "ronec"   # /work/shared/corpus/ronec beside the repo
DEFAULT_OUT = HERE / "corpus"


def part_of(sentence_id: int) -> str:
    """Which part a RONEC v2 validation sentence belongs to (stable: depends on its id only)."""
    if sentence_id % 5 == 0:
        return "heldout"
    if sentence_id % 10 == 1:
        return "dev"
    return "train"


def load_valid(ronec_dir: Path) -> list[dict]:
    with open(ronec_dir / "valid.json", encoding="utf-8") as f:
        return json.load(f)


def spans_of(tags: list[str]) -> list[tuple[int, int, str]]:
    """BIO tags -> [(start, end, label)] over token indices (end exclusive). A stray I- opens a span."""
    out, i = [], 0
    while i < len(tags):
        tag = tags[i]
        if tag == "O":
            i += 1
            continue
        label = tag[2:]
        j = i + 1
        while j < len(tags) and tags[j] == "I-" + label:
            j += 1
        out.append((i, j, label))
        i = j
    return out


def is_named(tokens) -> bool:
    """A span is a named one when one of its tokens starts with a capital letter."""
    return any(str(t)[:1].isupper() for t in tokens)


def named_person_spans(sentence: dict) -> set[tuple[int, int]]:
    toks = sentence["tokens"]
    return {(s, e) for s, e, lab in spans_of(sentence["ner_tags"]) if lab == "PERSON" and is_named(toks[s:e])}


def sentence_text(sentence: dict) -> str:
    return "".join(t + (" " if sp else "") for t, sp in zip(sentence["tokens"], sentence["space_after"]))


def normalise(text: str) -> str:
    """For matching sentences across RONEC versions: NFC, comma-below diacritics, no spaces, lower case."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate(str.maketrans("şţŞŢ", "șțȘȚ"))
    return re.sub(r"\s+", "", text).lower()


def make_doc(nlp, sentence: dict, labels: str = "person"):
    from spacy.tokens import Doc, Span

    toks = sentence["tokens"]
    doc = Doc(nlp.vocab, words=toks, spaces=[bool(s) for s in sentence["space_after"]])
    ents = []
    for s, e, lab in spans_of(sentence["ner_tags"]):
        if lab == "PERSON":
            if is_named(toks[s:e]):
                ents.append(Span(doc, s, e, label="PERSON"))
        elif labels == "all":
            ents.append(Span(doc, s, e, label=lab))
    doc.ents = ents
    return doc


def make_augmented_doc(nlp, item: dict):
    from spacy.tokens import Doc, Span

    doc = Doc(nlp.vocab, words=item["tokens"], spaces=item["space_after"])
    doc.ents = [Span(doc, a, b, label="PERSON") for a, b in item["person_spans"]]
    return doc


def check_v1(ronec_dir: Path, valid: list[dict]) -> None:
    """Count v1 sentences whose normalised text is a v2 validation sentence. Reads v1 for nothing else."""
    path = ronec_dir / "ronec-v1.conllup"
    if not path.exists():
        print("v1 check: no ronec-v1.conllup")
        return
    v2 = {normalise(sentence_text(s)) for s in valid}
    v1 = [normalise(line[len("# text = "):]) for line in open(path, encoding="utf-8") if line.startswith("# text = ")]
    same = sum(1 for t in v1 if t in v2)
    print(f"v1 check: {len(v1)} v1 sentences, {same} of them are v2 validation sentences by normalised text "
          f"(already in the training data); the other {len(v1) - same} may be v2 test sentences and are not used")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ronec", type=Path, default=DEFAULT_RONEC)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--labels", choices=["person", "all"], default="person")
    ap.add_argument("--augment", type=int, default=4, metavar="N", help="name-replaced copies per train sentence")
    ap.add_argument("--check-v1", action="store_true")
    args = ap.parse_args(argv)

    import spacy
    from spacy.tokens import DocBin

    valid = load_valid(args.ronec)
    if args.check_v1:
        check_v1(args.ronec, valid)
        return 0
    nlp = spacy.blank("ro")
    parts = {"train": DocBin(), "dev": DocBin(), "heldout": DocBin()}
    counts = {k: [0, 0] for k in parts}
    for sentence in sorted(valid, key=lambda s: s["id"]):
        part = part_of(sentence["id"])
        # The held-out file always carries named persons only: it is what is measured.
        doc = make_doc(nlp, sentence, "person" if part == "heldout" else args.labels)
        parts[part].add(doc)
        counts[part][0] += 1
        counts[part][1] += len(named_person_spans(sentence))
    final = DocBin()
    for part in ("train", "dev"):
        for doc in parts[part].get_docs(nlp.vocab):
            final.add(doc)
    if args.augment:
        import augment

        for part, bins in (("train", (parts["train"], final)), ("dev", (final,))):
            sents = [s for s in valid if part_of(s["id"]) == part]
            items = augment.augment(sents, args.augment, named_person_spans)
            for item in items:
                doc = make_augmented_doc(nlp, item)
                for db in bins:
                    db.add(doc)
            print(f"augment  {len(items):5} name-replaced copies of {part} sentences")
    parts["final"] = final
    counts["final"] = [len(final), counts["train"][1] + counts["dev"][1]]
    args.out.mkdir(parents=True, exist_ok=True)
    for name, db in parts.items():
        db.to_disk(args.out / f"{name}.spacy")
        print(f"{name:8} {counts[name][0]:5} sentences {counts[name][1]:5} named-person spans -> {args.out / (name + '.spacy')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
