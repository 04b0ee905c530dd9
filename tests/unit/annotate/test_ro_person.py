"""The Romanian person recogniser committed in models/ro_person (trained by `make train-ro`)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from tests.conftest import ROOT
MODEL = ROOT / "models" / "ro_person"
RONEC = ROOT.parent / "shared" / "corpus" / "ronec"
F1_TARGET = 0.80   # the target set for this model: NOT met yet (held-out F1 0.648, see README)
F1_FLOOR = 0.62    # what the committed model reaches, less a little: a retrain below it is a regression
KNOWN_MISS = pytest.mark.xfail(strict=True, reason="known miss of the committed model (held-out F1 0.648)")


@pytest.fixture(scope="module")
def nlp():
    if not (MODEL / "config.cfg").exists():
        pytest.fail(f"{MODEL} is missing: it is committed with the repository (`make train-ro` rebuilds it)")
    return spacy.load(MODEL)


def persons(nlp, text: str) -> list[str]:
    return [e.text for e in nlp(text).ents if e.label_ == "PERSON"]


def contains(found: list[str], name: str) -> bool:
    """The name is found, alone or inside a found span (a span may take in a title: 'premierului Ilie Bolojan')."""
    return any(name in f for f in found)


# Sentences written for this test in news phrasing, on public facts; none comes from RONEC or the seeds.
SENTENCES = [
    ("Marcel Ciolacu a declarat marți că guvernul nu va majora TVA anul acesta.", ["Marcel Ciolacu"]),
    pytest.param("Ministrul de externe Oana Țoiu s-a întâlnit la Bruxelles cu Kaja Kallas.", ["Oana Țoiu", "Kaja Kallas"],
                 marks=KNOWN_MISS),
    ("Potrivit premierului Ilie Bolojan, deficitul bugetar trebuie redus în doi ani.", ["Ilie Bolojan"]),
    ("Mesajul a fost transmis lui Nicușor Dan de președintele francez Emmanuel Macron.",
     ["Nicușor Dan", "Emmanuel Macron"]),
    ("Volodimir Zelenski i-a mulțumit lui Klaus Iohannis pentru sprijinul acordat Ucrainei.",
     ["Volodimir Zelenski", "Klaus Iohannis"]),
    ("Donald Trump și Vladimir Putin au discutat la telefon despre un armistițiu.", ["Donald Trump", "Vladimir Putin"]),
]


@pytest.mark.parametrize("text,names", SENTENCES)
def test_finds_named_persons(nlp, text, names):
    found = persons(nlp, text)
    for name in names:
        assert contains(found, name), f"{name!r} not found in {text!r}; found {found}"


@pytest.mark.parametrize("text", [
    "Guvernul României a adoptat ieri o ordonanță de urgență privind bugetul.",
    "Comisia Europeană a anunțat noi sancțiuni împotriva Rusiei.",
])
def test_no_person_in_sentences_without_one(nlp, text):
    assert persons(nlp, text) == []


def heldout_scores() -> dict:
    if not (RONEC / "valid.json").exists():
        pytest.skip(f"RONEC is not here ({RONEC}/valid.json): the held-out F1 cannot be measured")
    spec = importlib.util.spec_from_file_location("bench_ronec", ROOT / "bench" / "ronec.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    sents = bench.sentences(RONEC, "heldout")
    assert len(sents) > 200
    return bench.score(spacy.load(MODEL), sents)


def test_heldout_named_person_f1_floor():
    m = heldout_scores()
    assert m["f"] >= F1_FLOOR, f"held-out named-person F1 {m['f']:.3f} < {F1_FLOOR} (P {m['p']:.3f}, R {m['r']:.3f})"


@pytest.mark.xfail(strict=True, reason="target 0.80 not reached: held-out F1 0.648 (see README); "
                                      "when a model reaches it, this test passes and strict xfail reports it")
def test_heldout_named_person_f1_target():
    m = heldout_scores()
    assert m["f"] >= F1_TARGET, f"held-out named-person F1 {m['f']:.3f} < {F1_TARGET} (P {m['p']:.3f}, R {m['r']:.3f})"


def training_prepare():
    spec = importlib.util.spec_from_file_location("ro_prepare", ROOT / "training" / "ro_person" / "prepare.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_v1_reader_gives_ronec_person_spans():
    """RONEC v1's CoNLL-U Plus entity column becomes the same named-person spans v2's BIO tags give."""
    if not (RONEC / "ronec-v1.conllup").exists():
        pytest.skip(f"RONEC v1 is not here ({RONEC}/ronec-v1.conllup)")
    prepare = training_prepare()
    v1 = prepare.read_v1(RONEC / "ronec-v1.conllup")
    assert len(v1) == 5217
    sentence = next(s for s in v1 if s["text"].startswith("Președintele Traian Băsescu, premierul"))
    spans = [" ".join(sentence["tokens"][a:b]) for a, b in sorted(prepare.named_person_spans(sentence))]
    assert spans[:2] == ["Președintele Traian Băsescu", "premierul Călin Popescu Tăriceanu"]
    assert prepare.sentence_text(sentence) == sentence["text"]


def test_v1_training_sentences_leave_out_the_heldout_part():
    """No v1 sentence kept for training shares its letters, or a 30-letter stretch, with a held-out (or dev)
    sentence of v2 validation; the held-out sentences that were in v1 are dropped from it."""
    if not (RONEC / "ronec-v1.conllup").exists():
        pytest.skip(f"RONEC v1 is not here ({RONEC}/ronec-v1.conllup)")
    prepare = training_prepare()
    valid = prepare.load_valid(RONEC)
    kept, dropped = prepare.v1_sentences(RONEC, valid)
    assert dropped["heldout"] > 100 and len(kept) > 4000
    measured = [prepare.letters(prepare.sentence_text(s)) for s in valid if prepare.part_of(s["id"]) != "train"]
    windows = {m[i:i + 30] for m in measured for i in range(max(1, len(m) - 29))}
    for s in kept:
        text = prepare.letters(s["text"])
        assert text not in measured and not any(text[i:i + 30] in windows for i in range(len(text) - 29)), s["text"]


def test_pretraining_text_leaves_out_the_heldout_part():
    """The unlabelled text `spacy pretrain` reads (prepare.py --raw) holds the train and dev sentences of v2
    validation and the kept v1 sentences (checked against held-out by 30-letter stretches above), then the
    definitions it is given up to its word budget; no held-out sentence is in it."""
    if not (RONEC / "ronec-v1.conllup").exists():
        pytest.skip(f"RONEC v1 is not here ({RONEC}/ronec-v1.conllup)")
    prepare = training_prepare()
    valid = prepare.load_valid(RONEC)
    definitions = ["Plantă erbacee cu flori galbene, care crește pe câmpii."] * 40_000
    texts = prepare.raw_text(RONEC, valid, definitions)
    ronec = [t for t in texts if t != definitions[0]]
    assert len(ronec) == sum(1 for s in valid if prepare.part_of(s["id"]) != "heldout") + len(prepare.v1_sentences(RONEC, valid)[0])
    assert prepare.RAW_WORDS <= sum(len(t.split()) for t in texts) < prepare.RAW_WORDS + 10
    heldout = {prepare.letters(prepare.sentence_text(s)) for s in valid if prepare.part_of(s["id"]) == "heldout"}
    assert not [text for text in ronec if prepare.letters(text) in heldout]


@pytest.mark.parametrize("word,marks", [
    ("Elena", {"first": True, "ro_first": True}),
    ("Popescu", {"last": True, "ro_last": True}),
    ("Ministerul", {}),
    ("Rusiei", {}),
])
def test_name_lexicon_reads_the_first_four_dimensions(word, marks):
    """The annotator's name lexicon (builder.annotate.nlp.name_lexicon) reads the model's name dimensions:
    first and last names, Romanian ones apart; a common word or a place is none."""
    from builder.annotate.nlp import ROMANIAN_LEXICON_ROWS, name_lexicon

    assert name_lexicon(word) == {row: marks.get(row, False) for row in ROMANIAN_LEXICON_ROWS}
