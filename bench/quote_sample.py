"""Quote-attribution precision on unseen text: a seeded sample of attributed quotations for a reader to judge.

    .venv/bin/python bench/quote_sample.py [--docs 120] [--seed 22] [--per-doc 3] [--prefill OLD.tsv] > sample.tsv
    .venv/bin/python bench/quote_sample.py --judged sample.tsv

The documents are drawn with the seed from the English folders of ../shared/corpus/scale (whitehouse_en,
kremlin_en, president_ua_en, resistinua_en; their MANIFEST files say what each is), leaving out every
document of tests/gold (by file and by text, so a gold document copied under another name stays out too).
Each drawn document is annotated at the code checked out, and of its quotations with a speaker (not the
turns of a labelled transcript, which are their label's) at most --per-doc are kept, chosen by a hash of
(seed, file, offset): the same quotation is kept at any commit, so two commits' samples of the same
documents can be compared quotation by quotation.

Output: tab-separated lines, an empty `verdict` column first, then file, offset, speaker, basis, the
quotation and its context (up to 700 characters before it, from the paragraph before at the
earliest, and 250 after, the quotation between ⟦ ⟧ and ¶ between paragraphs). The reader writes in that column:

    r  right: the speaker given said these words
    w  wrong: someone else said them
    n  nobody: the words are someone's but the text does not establish whose, or the writer's own
    q  not a quotation: a name, a title, a term in quotation marks that is nobody's speech

and gives the file back with --judged: precision is r / (r + w + n + q), printed with each class listed.
--prefill OLD.tsv copies the verdicts of an earlier judged file onto the rows with the same file, offset
and speaker (another commit's output on the same documents), so only new attributions need reading. The
model's spans are kept in --spans (a folder; default /tmp/quote-sample-spans) by text and model identity,
so a second run at other annotation rules does not run the model again. Not part of `make test`.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SCALE = ROOT.parent / "shared" / "corpus" / "scale"
FOLDERS = ("whitehouse_en", "kremlin_en", "president_ua_en", "resistinua_en")
COLUMNS = ("verdict", "file", "offset", "speaker", "basis", "quotation", "context")
VERDICTS = {"r": "right", "w": "wrong speaker", "n": "speaker should be nobody", "q": "not a quotation"}
BEFORE, AFTER = 700, 250
"""Characters of the text kept before and after a quotation as its context (the paragraph before at most)."""


def gold_documents(gold: Path) -> tuple[set[str], set[str]]:
    """The files every tests/gold file names (as folder/name under its root) and their texts' hashes."""
    names, texts = set(), set()
    for path in sorted(gold.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        root = (path.parent / data.get("root", ".")).resolve()
        for entry in data.get("documents") or ():
            file = root / str(entry["file"])
            names.add(str(file))
            if file.is_file():
                texts.add(hashlib.sha256(file.read_bytes()).hexdigest())
    return names, texts


def pool(scale: Path, gold: Path) -> list[Path]:
    """The English scale documents outside tests/gold, sorted (so a seed draws the same ones every time)."""
    names, texts = gold_documents(gold)
    files = sorted(f for folder in FOLDERS for f in (scale / folder).glob("*.txt"))
    return [f for f in files if str(f.resolve()) not in names and hashlib.sha256(f.read_bytes()).hexdigest() not in texts]


def rank(seed: int, file: str, offset: int) -> str:
    return hashlib.sha256(f"{seed}\0{file}\0{offset}".encode()).hexdigest()


def one_line(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def spans_of(annotator, article, folder: Path, identity: str):
    """The model's spans of an article, from the folder when they were kept there at this model's identity."""
    from builder.annotate.doc import body_text

    key = hashlib.sha256(f"{identity}\0{body_text(article)}".encode()).hexdigest()
    path = folder / f"{key}.pickle"
    if path.is_file():
        return pickle.loads(path.read_bytes())
    spans = annotator.entities(article)
    folder.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(spans))
    return spans


def sample(docs: int, seed: int, per_doc: int, spans: Path) -> tuple[list[str], list[list[str]]]:
    """(the files drawn, one row a kept quotation)."""
    from builder.annotate import syntax
    from builder.config import load_config
    from builder.pipeline.generate import make_annotator
    from builder.sources.ingest import read_article
    from builder.sources.kb import load_kb
    from builder.text import slug

    config, _ = load_config(ROOT)
    kb, _ = load_kb(config.data, config.root)
    annotator = make_annotator(kb, config)
    identity = f"{config.spacy_model}\0{syntax.identity()}"
    files = random.Random(seed).sample(pool(SCALE, ROOT / "tests" / "gold"), docs)
    rows = []
    for number, path in enumerate(files, 1):
        name = f"{path.parent.name}/{path.name}"
        print(f"\r# annotating {number}/{docs}", end="", file=sys.stderr)
        article, _ = read_article(path, name, slug(path.stem), config.languages)
        doc = annotator.read(article, spans_of(annotator, article, spans, identity) if annotator.uses_model(article) else None)
        said = [q for q in doc.quotations if q.speaker]
        for quote in sorted(said, key=lambda q: rank(seed, name, q.start))[:per_doc]:
            text = doc.text
            start = max(0, doc.offsets[max(0, quote.paragraph - 1)], quote.start - BEFORE)
            context = f"{'…' * (start > 0)}{text[start:quote.start]}⟦{text[quote.start:quote.end]}⟧{text[quote.end:quote.end + AFTER]}…"
            rows.append(["", name, str(quote.start), quote.speaker, quote.basis or "", one_line(quote.text)[:300],
                         one_line(context.replace("\n\n", " ¶ "))])
    print(file=sys.stderr)
    return [f"{p.parent.name}/{p.name}" for p in files], rows


def read_judged(path: Path) -> list[list[str]]:
    lines = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return [cells for cells in lines if cells and not cells[0].startswith("#") and cells[:2] != list(COLUMNS[:2])]


def precision(path: Path) -> int:
    counts = {v: [] for v in VERDICTS}
    unjudged = 0
    for cells in read_judged(path):
        verdict = cells[0].strip().lower()[:1]
        if verdict in counts:
            counts[verdict].append(cells)
        else:
            unjudged += 1
    total = sum(len(v) for v in counts.values())
    if not total:
        print("no verdicts found")
        return 1
    print(f"quotations judged: {total} (right {len(counts['r'])}, wrong {len(counts['w'])}, nobody {len(counts['n'])}, "
          f"not a quotation {len(counts['q'])}; unjudged {unjudged}); precision {len(counts['r']) / total:.3f}")
    for verdict in "wnq":
        for cells in counts[verdict]:
            print(f"  {VERDICTS[verdict]}: {cells[1]} @{cells[2]} -> {cells[3]} ({cells[4]}): “{cells[5][:80]}”")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=120, help="documents to draw (default 120)")
    parser.add_argument("--seed", type=int, default=22, help="the random seed (default 22)")
    parser.add_argument("--per-doc", type=int, default=3, help="attributed quotations kept per document (default 3)")
    parser.add_argument("--prefill", type=Path, help="a judged file whose verdicts carry over to the same rows")
    parser.add_argument("--spans", type=Path, default=Path("/tmp/quote-sample-spans"), help="where model spans are kept")
    parser.add_argument("--judged", type=Path, help="a sample file with the reader's verdicts: print precision")
    args = parser.parse_args(argv)
    if args.judged:
        return precision(args.judged)
    known = {tuple(c[1:4]): c[0] for c in read_judged(args.prefill)} if args.prefill else {}
    files, rows = sample(args.docs, args.seed, args.per_doc, args.spans)
    print(f"# seed {args.seed}, {len(files)} documents, at most {args.per_doc} quotations each: {' '.join(files)}")
    print("\t".join(COLUMNS))
    for row in rows:
        row[0] = known.get(tuple(row[1:4]), "")
        print("\t".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
