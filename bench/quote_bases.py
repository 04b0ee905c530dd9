"""How each attributed quotation of the development gold got its speaker, and how often each way is right.

    ./.venv/bin/python bench/quote_bases.py tests/gold/seeds.yml tests/gold/news-a.yml …  [--show BASIS]

For every quotation a gold file lists, the quotation the annotator found at the same words and the
`basis` its speaker rests on (builder.annotate.doc.Quotation.basis: "before:subject", "carried", …;
"turn" for a transcript label or a titled statement). Prints right / wrong / false (a speaker where the
gold has none) per basis: the measurement behind which links the annotator abstains on (README,
*Accuracy*). Never run it on the held-out gold.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

from builder.config import load_config
from builder.pipeline.evaluate import _quote_key, person_resolver, read_gold
from builder.pipeline.generate import make_annotator
from builder.sources.ingest import read_article
from builder.sources.kb import load_kb
from builder.text import slug


def main(argv: list[str]) -> None:
    show = argv[argv.index("--show") + 1] if "--show" in argv else None
    files = [a for a in argv if a.endswith(".yml")]
    config, _ = load_config(Path("."))
    kb, _ = load_kb(config.data, config.root)
    person_id = person_resolver(kb)
    annotator = make_annotator(kb, config)
    tally: dict[str, Counter] = defaultdict(Counter)
    for gold_file in files:
        gold = read_gold(Path(gold_file))
        for entry in gold.documents:
            path = gold.root / entry["file"]
            article, _ = read_article(path, entry["file"], slug(path.stem), config.languages)
            doc = annotator.read(article)
            ours = [(_quote_key(q.text), q.speaker, q.basis or "none") for q in doc.quotations]
            ours += [(_quote_key(words), pid, "turn") for _, pid, words in doc.spoken]
            used: set[int] = set()
            for quote in entry.get("quotes") or ():
                at = _quote_key(str(quote.get("at", "")))
                wanted = person_id(str(quote["speaker"])) if quote.get("speaker") else None
                index = next((i for i, (t, _, _) in enumerate(ours) if i not in used and t.startswith(at)), None)
                if index is None:
                    index = next((i for i, (t, _, _) in enumerate(ours) if i not in used and at and at in t), None)
                got, basis = (ours[index][1], ours[index][2]) if index is not None else (None, "unfound")
                if index is not None:
                    used.add(index)
                outcome = ("right" if got == wanted else "missed" if got is None else "false" if wanted is None
                           else "wrong") if (got or wanted) else "abstained"
                tally[basis][outcome] += 1
                if show and (basis == show or show == "all") and outcome not in ("right", "abstained"):
                    print(f"{entry['file']}: {outcome} {basis}: “{quote.get('at')}” -> {got} (gold {wanted})")
    print(f"{'basis':24} {'right':>6} {'wrong':>6} {'false':>6} {'missed':>6} {'abstain':>7}")
    for basis, counts in sorted(tally.items()):
        print(f"{basis:24} {counts['right']:6} {counts['wrong']:6} {counts['false']:6} {counts['missed']:6} "
              f"{counts['abstained']:7}")


if __name__ == "__main__":
    main(sys.argv[1:])
