"""The dependency parse of the sentences that report speech, and who it says the speaker is.

Parsing every sentence costs 20–45 % of `nlp.pipe` (README, *Quote attribution*), so the English model runs
its parser only on the sentences that hold a reporting verb of the pack (`ReportingSyntax`, a spaCy
component after `ner`). It parses each such sentence as a Doc of its own that keeps the whole text's
tok2vec output: en_core_web_sm's parser listens to the shared tok2vec, and a listener reads `doc.tensor`
when it predicts. The parse travels with the entity spans (and is cached with them) as one tuple a token:
`(start, end, "@" + dependency label, start of its head)`; `split` takes the two apart again.

`Parse` reads that parse for attribution: the subject of a reporting verb (its nsubj, the agent of a
passive, the object of "according to"; a coordinated, complement or participle verb without a subject of
its own shares its head's), and the reporting verb a quotation hangs on (the quotation is its ccomp,
parataxis, xcomp or object).
"""

from __future__ import annotations

import bisect
import hashlib
import inspect
import re
from dataclasses import dataclass

from builder.annotate import lexicon, quotations
from builder.annotate.quotations import quote_spans, sentences

ARC = "@"
"""The label prefix that marks a parsed token among the model's spans."""
PIPE = "briefing_reporting_syntax"
"""The spaCy component's name in the English pipeline."""
USER_DATA = "briefing_arcs"
"""Where the component leaves the parse on the spaCy Doc (kept by Doc.to_bytes, so across processes)."""
SUBJECT = frozenset({"nsubj", "nsubjpass", "csubj"})
RELATIVE = frozenset({"who", "that"})
GOVERNED = frozenset({"ccomp", "parataxis", "xcomp", "dobj"})
"""How a quotation's words hang on the verb that reports them."""
CLIMB = 5
"""Heads above a quotation searched for the reporting verb whose clause holds it."""
PRONOUN_SUBJECTS = frozenset({"he", "she"})
NOBODY_NAMED = frozenset({"i", "you", "we", "they", "it", "who", "that", "which", "this", "there"}) | PRONOUN_SUBJECTS
"""Subjects that are no antecedent a pronoun could stand for."""
Arc = tuple[int, int, str, int]


def reporting_sentences(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """Where the sentences of `text` that hold a reporting verb stand (quotations masked, so a verb inside
    one does not count and a quotation never splits its sentence)."""
    speech = lexicon.speech_pattern(lang)
    found, base = [], 0
    for paragraph in text.split("\n\n"):
        masked = list(paragraph)
        for s, e in quote_spans(paragraph):
            masked[s + 1:e - 1] = "x" * max(0, e - s - 2)
        masked_text = "".join(masked)
        for start, end in sentences(masked_text):
            if speech.search(masked_text, start, end):
                found.append((base + start, base + end))
        base += len(paragraph) + 2
    return found


SPLIT_WHEN_KEYED = "5dcd022cbc03d5b8"
"""_split_digest() when it joined the key (session 22): the caches made before keep their key while the
split is that one; any other split is part of the key."""


def identity() -> str:
    """What the parse depends on beside the model (this module, the sentence split and the quotation marks it
    masks, the reporting verbs), for the spans' cache key: a change of any of them parses again."""
    parts = (inspect.getsource(reporting_sentences), inspect.getsource(ReportingSyntax), ARC,
             lexicon.speech_pattern("en").pattern, sentences.__code__.co_code.hex())
    split = _split_digest()
    if split != SPLIT_WHEN_KEYED:
        parts += (split,)
    return "parse:" + hashlib.sha256("\0".join(parts).encode()).hexdigest()[:12]


def _split_digest() -> str:
    """The sentence split and the quotation marks, as reporting_sentences reads them: the abbreviations of
    every language pack, the marks of every language (builder.annotate.quotations)."""
    parts = (inspect.getsource(quotations.sentences), inspect.getsource(quotations.quote_spans),
             quotations.SENTENCE_BREAK.pattern, quotations.ABBREVIATION.pattern, quotations.QUOTE_PAIRS.pattern,
             quotations.OPENERS)
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


class ReportingSyntax:
    """The spaCy component: the parser, run only on the reporting sentences of a Doc."""

    def __init__(self, parser):
        self.parser = parser

    def __call__(self, doc):
        units = [doc.char_span(s, e, alignment_mode="expand") for s, e in reporting_sentences(doc.text)]
        units = [u for u in units if u is not None and len(u)]
        arcs: list[Arc] = []
        for unit, parsed in zip(units, self.parser.pipe(self._alone(doc, u) for u in units)):
            offset = unit.start_char
            for token in parsed:
                if not token.is_space:
                    arcs.append((offset + token.idx, offset + token.idx + len(token), ARC + token.dep_,
                                 offset + token.head.idx))
        doc.user_data[USER_DATA] = arcs
        return doc

    @staticmethod
    def _alone(doc, unit):
        """A sentence as a Doc of its own with its rows of the text's tok2vec output: all the parser reads
        (Span.as_doc would copy every attribute of the whole Doc for each sentence)."""
        from spacy.tokens import Doc

        tokens = doc[unit.start:unit.end]
        alone = Doc(doc.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens])
        alone.tensor = doc.tensor[unit.start:unit.end]
        return alone


def add_to(nlp) -> None:
    """Put ReportingSyntax after `ner` in an English pipeline that has a parser (the parser itself stays off)."""
    from spacy.language import Language

    if "parser" not in nlp.component_names or PIPE in nlp.component_names:
        return
    if not Language.has_factory(PIPE):
        Language.factory(PIPE, func=lambda nlp, name: ReportingSyntax(nlp.get_pipe("parser")))
    nlp.add_pipe(PIPE, after="ner")


def arcs_of(doc) -> list[Arc]:
    """The parse the component left on a spaCy Doc (none when it did not run)."""
    return [tuple(arc) for arc in doc.user_data.get(USER_DATA, ())]


def split(spans: list | None) -> tuple[list | None, list[Arc]]:
    """The model's output as (entity spans, parsed tokens)."""
    if spans is None:
        return None, []
    entities = [s for s in spans if not str(s[2]).startswith(ARC)]
    arcs = [(s[0], s[1], s[2][len(ARC):], int(s[3])) for s in spans if str(s[2]).startswith(ARC)]
    return entities, arcs


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    dep: str
    head: int
    """The start of the head token (its own start for a root)."""


class Parse:
    """The parsed reporting sentences of one document, in document offsets."""

    def __init__(self, text: str, arcs: list[Arc]):
        self.text = text
        self.tokens = {start: Token(start, end, dep, head) for start, end, dep, head in arcs}
        self.starts = sorted(self.tokens)
        self.quotes: list[tuple[int, int]] = []
        base = 0
        for paragraph in text.split("\n\n") if arcs else ():
            self.quotes += [(base + s, base + e) for s, e in quote_spans(paragraph)]
            base += len(paragraph) + 2
        self.children: dict[int, list[Token]] = {}
        for token in self.tokens.values():
            if token.head != token.start:
                self.children.setdefault(token.head, []).append(token)

    def __bool__(self) -> bool:
        return bool(self.tokens)

    def at(self, position: int) -> Token | None:
        """The token covering a text offset, None where nothing was parsed."""
        index = bisect.bisect_right(self.starts, position) - 1
        token = self.tokens[self.starts[index]] if index >= 0 else None
        return token if token is not None and token.start <= position < token.end else None

    def word(self, token: Token) -> str:
        return self.text[token.start:token.end]

    def head(self, token: Token) -> Token:
        return self.tokens.get(token.head, token)

    def kids(self, token: Token, *deps: str) -> list[Token]:
        return [t for t in self.children.get(token.start, ()) if not deps or t.dep in deps]

    def subtree(self, token: Token) -> tuple[int, int]:
        """The text span of a token and everything under it."""
        start, end, todo = token.start, token.end, [token]
        while todo:
            for child in self.kids(todo.pop()):
                start, end = min(start, child.start), max(end, child.end)
                todo.append(child)
        return start, end

    def subject(self, verb_start: int) -> Token | None:
        """The subject of the reporting verb at a text offset: its own nsubj (outside quotations); the agent's
        object of a passive; the object of "according to"; the noun a relative clause hangs on ("Peskov, who
        said"); for a verb that completes another ("is expected to say") that one's. None when the parse
        gives none: a coordinated or participle verb's subject is left to the rules."""
        verb = self.at(verb_start)
        if verb is None:
            return None
        if verb.dep == "aux":  # "will say": the verb is the head
            verb = self.head(verb)
        if verb.dep == "prep" and self.kids(verb, "prep"):  # "according to X": the object of its "to"
            objects = self.kids(self.kids(verb, "prep")[0], "pobj")
            return objects[0] if objects else None
        for _ in range(3):
            subjects = [t for t in self.kids(verb, *SUBJECT) if not self.quoted(t.start)]
            if subjects:
                subject = subjects[0]
                if subject.dep == "nsubjpass":
                    agents = [o for a in self.kids(verb, "agent") for o in self.kids(a, "pobj")]
                    return agents[0] if agents else None
                if verb.dep == "relcl" and self.word(subject).lower() in RELATIVE:
                    return self.head(verb)
                return subject
            if verb.dep != "xcomp" or self.head(verb) is verb:
                return None
            verb = self.head(verb)
        return None

    def root(self, token: Token) -> Token:
        """The root of the parsed sentence a token stands in."""
        for _ in range(len(self.tokens)):
            head = self.head(token)
            if head is token:
                break
            token = head
        return token

    def subjects_before(self, token: Token) -> list[Token]:
        """The subjects of any verb of the token's sentence that stand before it and outside quotations, except
        pronouns ("When the last guy was asked …, he said": "guy"): whom a "he" there may stand for."""
        start, _ = self.subtree(self.root(token))
        return [t for t in (self.tokens[s] for s in self.starts[bisect.bisect_left(self.starts, start):
                                                                bisect.bisect_left(self.starts, token.start)])
                if t.dep in SUBJECT and self.word(t).lower() not in NOBODY_NAMED and not self.quoted(t.start)]

    def quoted(self, position: int) -> bool:
        """Whether a text offset lies inside a quotation."""
        index = bisect.bisect_right(self.quotes, (position, len(self.text) + 1)) - 1
        return index >= 0 and self.quotes[index][0] < position < self.quotes[index][1]

    def governor(self, start: int, end: int, speech: re.Pattern[str]) -> tuple[Token, bool] | None:
        """The reporting verb a quotation (text[start:end], marks included) stands under, and whether it hangs
        on it directly (as its ccomp, parataxis, xcomp or object: "“…,” he said", "said that “…”"), or
        inside a clause under it ("told reporters that Putin “seriously miscalculated”"; the nearest
        reporting verb up the tree, at most CLIMB heads away). None when the parse shows none."""
        inner = [self.tokens[s] for s in self.starts[bisect.bisect_left(self.starts, start + 1):
                                                   bisect.bisect_left(self.starts, end - 1)]]
        outside = [t for t in inner if not start <= t.head < end and t.dep != "punct"]
        heads = {t.head for t in outside}
        if len(heads) != 1:
            return None
        verb = self.tokens.get(heads.pop())
        direct = any(t.dep in GOVERNED for t in outside)
        for _ in range(CLIMB):
            if verb is None:
                return None
            if speech.match(self.text, verb.start):
                return verb, direct
            if self.head(verb) is verb:
                return None
            verb, direct = self.head(verb), False
        return None

def judge(parse: Parse, subject: Token, people: list, entities: list, lang: str) -> tuple[str, str | None]:
    """What a verb's subject is: ("person", id) when it (or its apposition: "the spokesman, Dmitry Peskov")
    is a person the annotator found; ("pronoun", None) for "he"/"she", whose antecedent the rules know;
    ("role", None) for a role noun ("the Kremlin spokesman") or a member of a group the model labels NORP
    ("the California Democrat"), which stand for a person named before; ("joint", None) for two or more
    joined by "and" ("Leon Panetta and Chuck Hagel warned"), whose words are no one person's; ("other",
    None) for anything else: an institution, a document, a name nobody recognised ("the ministry", "the
    report", "they")."""
    if parse.kids(subject, "conj"):
        return "joint", None
    for token in [subject] + parse.kids(subject, "appos"):
        for found in people:
            if not found.inside_quote and not found.in_label and found.start < token.end and token.start < found.end:
                return "person", found.id
    if parse.word(subject).lower() in PRONOUN_SUBJECTS:
        return "pronoun", None
    start, _ = parse.subtree(subject)
    if lexicon.role_pattern(lang).search(parse.text[start:subject.end]) or any(
            label == "NORP" and s <= subject.start < e for s, e, label, _ in entities):
        return "role", None
    return "other", None
