"""RONEC v2 validation split (and RONEC v1) -> spaCy DocBin files for the Romanian person recogniser.

    python training/ro_person/prepare.py [--ronec DIR] [--out DIR] [--labels person|all] [--augment N]
                                         [--v1] [--check-v1] [--raw]

RONEC v2's test split is never used (it is not even on this machine). RONEC v1 (ronec-v1.conllup) is an
earlier release of the same corpus: v2 re-annotated v1's sentences to one standard and spread them over
its train, validation and test splits. `--v1` (a try, not what `make train-ro` runs: README, "Romanian
person recognition") adds v1 to the train part, except every v1 sentence that is also a v2 validation
sentence (`v1_sentences`: same letters, or one 30-letter stretch in common), so nothing of the held-out
or dev parts enters training through v1, and a sentence in both keeps v2's tags. (Some remaining v1
sentences are, re-annotated, in v2's test split: a model trained with v1 must never be scored on v2
test, which nobody here does.) `--check-v1` prints the overlap counts and writes nothing.

Deterministic split of the v2 validation sentences by their RONEC id:
    id % 5 == 0   -> heldout  (measuring only: never used for training or tuning)
    id % 10 == 1  -> dev      (spaCy's evaluation during training / early stopping, and for trying settings)
    otherwise     -> train    (with the kept v1 sentences under --v1)

`--raw` writes raw.jsonl instead, the unlabelled text `spacy pretrain` reads in the session-21 try
(training/ro_person/pretrain.cfg; README, "Romanian person recognition"; not what `make train-ro` runs): every v2 validation sentence outside the held-out part, every kept v1 sentence, then
definitions of the Romanian WordNet (rowordnet, MIT; every third one of four words or more, in the
package's order) up to RAW_WORDS words in all. No held-out sentence is in it.

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


def letters(text: str) -> str:
    """Only the letters and digits of `normalise(text)`: v1 and v2 tokenise and punctuate differently."""
    return re.sub(r"[^0-9a-zăâîșț]", "", normalise(text))


def read_v1(path: Path) -> list[dict]:
    """RONEC v1 (CoNLL-U Plus, last column RONEC:CLASS: "3:PERSON" opens entity 3, "3" continues it, "*"
    is outside, ";" separates several) as v2-like dicts {"id", "text", "tokens", "space_after", "ner_tags"}.
    An entity is the run of tokens from its first to its last; where two overlap the first one wins."""
    out, sent, text, rows = [], None, "", []

    def flush():
        if sent is None or not rows:
            return
        tokens = [r[1] for r in rows]
        space_after = [int("SpaceAfter=No" not in r[9]) for r in rows]
        where: dict[str, list] = {}
        for i, r in enumerate(rows):
            for part in r[10].split(";"):
                if part in ("*", "_", ""):
                    continue
                num, _, label = part.partition(":")
                entry = where.setdefault(num, [i, i, label])
                entry[1] = i
                entry[2] = label or entry[2]
        tags = ["O"] * len(rows)
        for start, end, label in sorted(where.values()):
            if label and all(t == "O" for t in tags[start:end + 1]):
                tags[start:end + 1] = ["B-" + label] + ["I-" + label] * (end - start)
        out.append({"id": f"v1-{sent}", "text": text, "tokens": tokens, "space_after": space_after,
                    "ner_tags": tags})

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# sent_id = "):
                flush()
                sent, text, rows = line[len("# sent_id = "):], "", []
            elif line.startswith("# text = "):
                text = line[len("# text = "):]
            elif line and not line.startswith("#"):
                cols = line.split("\t")
                if cols[0].isdigit() and len(cols) >= 11:
                    rows.append(cols)
    flush()
    return out


WINDOW = 30
"""Letters a v1 sentence must share, in one stretch, with a v2 validation sentence to count as the same."""


def v1_sentences(ronec_dir: Path, valid: list[dict]) -> tuple[list[dict], dict[str, int]]:
    """The v1 sentences that are no v2 validation sentence, and how many were dropped per part of v2 (a v1
    sentence is dropped when its letters equal a v2 sentence's, or share a stretch of WINDOW letters with
    one: v2 split, merged or retyped some sentences)."""
    path = ronec_dir / "ronec-v1.conllup"
    if not path.exists():
        raise SystemExit(f"{path}: RONEC v1 is missing (needed by --v1)")
    part_by_letters, part_by_window = {}, {}
    for s in valid:
        text = letters(sentence_text(s))
        part_by_letters[text] = part_of(s["id"])
        for i in range(max(1, len(text) - WINDOW + 1)):
            part_by_window.setdefault(text[i:i + WINDOW], part_of(s["id"]))
    kept, dropped = [], {"heldout": 0, "dev": 0, "train": 0}
    for s in read_v1(path):
        text = letters(s["text"] or sentence_text(s))
        part = part_by_letters.get(text) or next(
            (part_by_window[text[i:i + WINDOW]] for i in range(max(1, len(text) - WINDOW + 1))
             if text[i:i + WINDOW] in part_by_window), None)
        if part is None:
            kept.append(s)
        else:
            dropped[part] += 1
    return kept, dropped


RAW_WORDS = 200_000
"""Words of unlabelled text for pretraining: about three epochs of it take ten minutes here."""


def wordnet_definitions() -> list[str]:
    """Every third Romanian WordNet definition of four words or more, in the package's order."""
    try:
        import rowordnet
    except ImportError:
        raise SystemExit("--raw needs the Romanian WordNet: pip install rowordnet==1.1.0")

    wordnet = rowordnet.RoWordNet()
    definitions = [d for d in (wordnet.synset(i).definition for i in wordnet.synsets()) if d and len(d.split()) >= 4]
    return definitions[::3]


def raw_text(ronec_dir: Path, valid: list[dict], definitions: list[str]) -> list[str]:
    """The pretraining text (see the module's docstring), deterministic: RONEC's sentences outside the
    held-out part, then `definitions` up to RAW_WORDS words in all."""
    texts = [sentence_text(s) for s in valid if part_of(s["id"]) != "heldout"]
    texts += [s["text"] or sentence_text(s) for s in v1_sentences(ronec_dir, valid)[0]]
    words = sum(len(t.split()) for t in texts)
    for definition in definitions:
        if words >= RAW_WORDS:
            break
        texts.append(definition)
        words += len(definition.split())
    return texts


def check_v1(ronec_dir: Path, valid: list[dict]) -> None:
    kept, dropped = v1_sentences(ronec_dir, valid)
    total = len(kept) + sum(dropped.values())
    print(f"v1 check: {total} v1 sentences; dropped as v2 validation sentences: {dropped['heldout']} held-out, "
          f"{dropped['dev']} dev, {dropped['train']} train; kept {len(kept)} "
          f"({sum(len(named_person_spans(s)) for s in kept)} named-person spans)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ronec", type=Path, default=DEFAULT_RONEC)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--labels", choices=["person", "all"], default="person")
    ap.add_argument("--augment", type=int, default=4, metavar="N", help="name-replaced copies per train sentence")
    ap.add_argument("--v1", action="store_true", help="add RONEC v1, less the sentences shared with v2 validation")
    ap.add_argument("--check-v1", action="store_true", help="print how many v1 sentences overlap v2 validation")
    ap.add_argument("--raw", action="store_true", help="write raw.jsonl, the unlabelled text for spacy pretrain")
    args = ap.parse_args(argv)

    import spacy
    from spacy.tokens import DocBin

    valid = load_valid(args.ronec)
    if args.check_v1:
        check_v1(args.ronec, valid)
        return 0
    if args.raw:
        texts = raw_text(args.ronec, valid, wordnet_definitions())
        args.out.mkdir(parents=True, exist_ok=True)
        with open(args.out / "raw.jsonl", "w", encoding="utf-8") as f:
            f.writelines(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts)
        print(f"raw      {len(texts):5} texts {sum(len(t.split()) for t in texts)} words -> {args.out / 'raw.jsonl'}")
        return 0
    nlp = spacy.blank("ro")
    by_part = {"train": [], "dev": [], "heldout": []}
    for sentence in sorted(valid, key=lambda s: s["id"]):
        by_part[part_of(sentence["id"])].append(sentence)
    if args.v1:
        v1, dropped = v1_sentences(args.ronec, valid)
        by_part["train"] += v1
        print(f"v1       {len(v1):5} sentences kept, {sum(dropped.values())} dropped as v2 validation sentences "
              f"({dropped['heldout']} held-out, {dropped['dev']} dev, {dropped['train']} train)")
    parts = {"train": DocBin(), "dev": DocBin(), "heldout": DocBin()}
    counts = {k: [0, 0] for k in parts}
    for part, sents in by_part.items():
        for sentence in sents:
            # The held-out file always carries named persons only: it is what is measured.
            parts[part].add(make_doc(nlp, sentence, "person" if part == "heldout" else args.labels))
            counts[part][0] += 1
            counts[part][1] += len(named_person_spans(sentence))
    final = DocBin()
    for part in ("train", "dev"):
        for doc in parts[part].get_docs(nlp.vocab):
            final.add(doc)
    if args.augment:
        import augment

        for part, bins in (("train", (parts["train"], final)), ("dev", (final,))):
            items = augment.augment(by_part[part], args.augment, named_person_spans)
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
