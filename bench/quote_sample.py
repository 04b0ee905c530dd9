"""Quote-attribution precision on unseen text: a seeded sample of attributed quotations for a reader to judge.

    .venv/bin/python bench/quote_sample.py [--docs 120] [--seed 22] [--per-doc 3] [--prefill OLD.tsv] > sample.tsv
    .venv/bin/python bench/quote_sample.py --folders resistinua_en,president_ua_en,whitehouse_en,kremlin_en \
        --reported --cache /work/cache22 --seed 2301 --docs 160 > sample.tsv
    .venv/bin/python bench/quote_sample.py --judged sample.tsv

The documents are drawn with the seed from the English folders of ../shared/corpus/scale (whitehouse_en,
kremlin_en, president_ua_en, resistinua_en; their MANIFEST files say what each is), leaving out every
document of tests/gold (by file and by text, so a gold document copied under another name stays out too).
Each drawn document is annotated at the code checked out, and of its quotations with a speaker (not the
turns of a labelled transcript, which are their label's) at most --per-doc are kept, chosen by a hash of
(seed, file, offset): the same quotation is kept at any commit, so two commits' samples of the same
documents can be compared quotation by quotation. --folders draws an equal share of --docs from each named
folder instead of from the whole pool (nine in ten of whose documents are whitehouse_en's); --reported also
lists up to --per-doc reported clauses a document (basis "reported").

Output: tab-separated lines, an empty `verdict` column first, then file, offset, speaker, basis, the
quotation and its context (up to 700 characters before it, from the paragraph before at the
earliest, and 250 after, the quotation between ⟦ ⟧ and ¶ between paragraphs). The reader writes in that column:

    r  right: the speaker given said these words
    w  wrong: someone else said them
    n  nobody: the words are someone's but the text does not establish whose, or the writer's own
    q  not a quotation: a name, a title, a term in quotation marks that is nobody's speech; for a
       reported clause, not a whole clause of what was said (a fragment, or words not said)

and gives the file back with --judged: precision is r / (r + w + n + q), printed with each class listed,
for the quotations and the reported clauses apart.
--prefill OLD.tsv copies the verdicts of an earlier judged file onto the rows with the same file, offset
and speaker (another commit's output on the same documents), so only new attributions need reading. The
model's spans are kept in --spans (a folder; default /tmp/quote-sample-spans) by text and model identity,
so a second run at other annotation rules does not run the model again; --cache names a build's annotation
cache folder whose spans are read (never written) before the model is run. Not part of `make test`.
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


def pool(scale: Path, gold: Path, folders: tuple[str, ...] = FOLDERS) -> list[Path]:
    """The English scale documents outside tests/gold, sorted (so a seed draws the same ones every time)."""
    names, texts = gold_documents(gold)
    files = sorted(f for folder in folders for f in (scale / folder).glob("*.txt"))
    return [f for f in files if str(f.resolve()) not in names and hashlib.sha256(f.read_bytes()).hexdigest() not in texts]


def draw(seed: int, docs: int, folders: tuple[str, ...] | None) -> list[Path]:
    """The documents of a sample. Without folders, `docs` drawn from the whole pool (whitehouse_en is most
    of it); with folders, an equal share from each named folder in turn (the whole folder when it holds
    fewer), so the smaller, news-like folders are not crowded out."""
    gold = ROOT / "tests" / "gold"
    if not folders:
        return random.Random(seed).sample(pool(SCALE, gold), docs)
    chosen = []
    for folder in folders:
        files = pool(SCALE, gold, (folder,))
        chosen += random.Random(f"{seed}\0{folder}").sample(files, min(len(files), docs // len(folders)))
    return chosen


def cached_spans(cache: Path, article, configured: str):
    """The model's spans of an article as a build's annotation cache holds them (read only), or None."""
    import json
    import sqlite3

    from builder.annotate.doc import body_text
    from builder.pipeline.cache import digest
    from builder.pipeline.generate import english_identity

    key = digest("spans", english_identity(configured), body_text(article))
    try:
        db = sqlite3.connect(f"file:{cache / 'cache.sqlite'}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT sha256, value FROM entries WHERE kind = 'spans' AND key = ?", (key,)).fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    if row is None or row[0] != hashlib.sha256(row[1].encode("utf-8")).hexdigest():
        return None
    return [tuple(span) for span in json.loads(row[1])]


def rank(seed: int, file: str, offset: int) -> str:
    return hashlib.sha256(f"{seed}\0{file}\0{offset}".encode()).hexdigest()


def one_line(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def spans_of(annotator, article, folder: Path, identity: str, cache: Path | None = None, configured: str = ""):
    """The model's spans of an article, from the folder when they were kept there at this model's identity,
    else from a build's cache (read only) when one is named."""
    from builder.annotate.doc import body_text

    key = hashlib.sha256(f"{identity}\0{body_text(article)}".encode()).hexdigest()
    path = folder / f"{key}.pickle"
    if path.is_file():
        return pickle.loads(path.read_bytes())
    spans = (cache and cached_spans(cache, article, configured)) or annotator.entities(article)
    folder.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(spans))
    return spans


def sample(docs: int, seed: int, per_doc: int, spans: Path, folders: tuple[str, ...] | None = None,
           cache: Path | None = None, reported: bool = False) -> tuple[list[str], list[list[str]]]:
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
    files = draw(seed, docs, folders)
    rows = []
    for number, path in enumerate(files, 1):
        name = f"{path.parent.name}/{path.name}"
        print(f"\r# annotating {number}/{len(files)}", end="", file=sys.stderr)
        article, _ = read_article(path, name, slug(path.stem), config.languages)
        doc = annotator.read(article, spans_of(annotator, article, spans, identity, cache, config.spacy_model) if annotator.uses_model(article) else None)
        said = [(q.start, q.end, q.paragraph, q.speaker, q.basis or "", q.text) for q in doc.quotations if q.speaker]
        kept = sorted(said, key=lambda q: rank(seed, name, q[0]))[:per_doc]
        if reported:
            kept += sorted(reported_entries(doc), key=lambda entry: rank(seed, name, entry[0]))[:per_doc]
        for start, end, paragraph, speaker, basis, words in kept:
            rows.append(["", name, str(start), speaker, basis, one_line(words)[:300], context_of(doc, start, end, paragraph)])
    print(file=sys.stderr)
    return [f"{p.parent.name}/{p.name}" for p in files], rows


def reported_entries(doc) -> list[tuple[int, int, int, str, str, str]]:
    """The document's reported clauses as (start, end, paragraph, speaker, "reported", clause), each found in
    its paragraph (a clause not found there is left out)."""
    entries = []
    for speaker, clause, paragraph in doc.reported:
        start = doc.text.find(clause, doc.offsets[paragraph])
        if start >= 0:
            entries.append((start, start + len(clause), paragraph, speaker, "reported", clause))
    return entries


def context_of(doc, start: int, end: int, paragraph: int) -> str:
    """The passage between ⟦ ⟧ with up to BEFORE characters before it (the paragraph before at most) and AFTER after."""
    text = doc.text
    first = max(0, doc.offsets[max(0, paragraph - 1)], start - BEFORE)
    context = f"{'…' * (first > 0)}{text[first:start]}⟦{text[start:end]}⟧{text[end:end + AFTER]}…"
    return one_line(context.replace("\n\n", " ¶ "))


def read_judged(path: Path) -> list[list[str]]:
    lines = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return [cells for cells in lines if cells and not cells[0].startswith("#") and cells[:2] != list(COLUMNS[:2])]


def precision(path: Path) -> int:
    """Print precision of the judged rows, the quotations and the reported clauses (basis "reported") apart."""
    rows = read_judged(path)
    found = False
    for kind, chosen in (("quotations", [c for c in rows if c[4:5] != ["reported"]]),
                         ("reported clauses", [c for c in rows if c[4:5] == ["reported"]])):
        counts = {v: [] for v in VERDICTS}
        unjudged = 0
        for cells in chosen:
            verdict = cells[0].strip().lower()[:1]
            if verdict in counts:
                counts[verdict].append(cells)
            else:
                unjudged += 1
        total = sum(len(v) for v in counts.values())
        if not total:
            continue
        found = True
        print(f"{kind} judged: {total} (right {len(counts['r'])}, wrong {len(counts['w'])}, nobody {len(counts['n'])}, "
              f"not a quotation {len(counts['q'])}; unjudged {unjudged}); precision {len(counts['r']) / total:.3f}")
        for verdict in "wnq":
            for cells in counts[verdict]:
                print(f"  {VERDICTS[verdict]}: {cells[1]} @{cells[2]} -> {cells[3]} ({cells[4]}): “{cells[5][:80]}”")
    if not found:
        print("no verdicts found")
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=120, help="documents to draw (default 120)")
    parser.add_argument("--seed", type=int, default=22, help="the random seed (default 22)")
    parser.add_argument("--per-doc", type=int, default=3, help="attributed quotations kept per document (default 3)")
    parser.add_argument("--prefill", type=Path, help="a judged file whose verdicts carry over to the same rows")
    parser.add_argument("--spans", type=Path, default=Path("/tmp/quote-sample-spans"), help="where model spans are kept")
    parser.add_argument("--folders", help="comma-separated scale folders to draw an equal share of --docs from, "
                        "in this order (default: the whole pool of the four English folders)")
    parser.add_argument("--cache", type=Path, help="a build's annotation cache folder to read model spans from (read only)")
    parser.add_argument("--reported", action="store_true",
                        help="also list up to --per-doc reported clauses a document (basis \"reported\")")
    parser.add_argument("--judged", type=Path, help="a sample file with the reader's verdicts: print precision")
    args = parser.parse_args(argv)
    if args.judged:
        return precision(args.judged)
    known = {tuple(c[1:4]): c[0] for c in read_judged(args.prefill)} if args.prefill else {}
    folders = tuple(f.strip() for f in args.folders.split(",") if f.strip()) if args.folders else None
    unknown = [f for f in folders or () if f not in FOLDERS]
    if unknown:
        parser.error(f"--folders: {', '.join(unknown)} is not one of {', '.join(FOLDERS)}")
    files, rows = sample(args.docs, args.seed, args.per_doc, args.spans, folders, args.cache, args.reported)
    print(f"# seed {args.seed}, {len(files)} documents, at most {args.per_doc} quotations each: {' '.join(files)}")
    print("\t".join(COLUMNS))
    for row in rows:
        row[0] = known.get(tuple(row[1:4]), "")
        print("\t".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
