"""Article -> Annotation: people, speakers with their quotes, events and topics.

English text gets the English model's named entities: computed here one article at a time, or beforehand
for many articles in batches (entities_many) and passed in. Every language gets knowledge-base spellings,
quotation marks of its own script and its own reporting verbs. The pipeline is injected (see
builder.nlp), so tests can run the same code with any model.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterator

from builder import lexicon, names
from builder.nlp import BATCH_SIZE, Span, entity_spans
from builder.text import name_key
from builder.model import Annotation, Article, KnowledgeBase, PersonRef, Quote, Ref, Speaker
from builder.resolve import (
    TITLES,
    must_contain,
    EventIndex,
    Found,
    PersonIndex,
    clean_person_name,
    display_name,
    plausible_name,
    spelling_pattern,
    unknown_person_id,
)
from builder.turns import Turn, TurnFinder

# Quotation marks: English curly, straight, Romanian/German „…”, French/Russian «…».
QUOTE_PAIRS = re.compile(r"“[^”“]*”|„[^”“„]*[”“]|«[^»]*»|\"[^\"\n”]*[\"”]")
# "said in Berlin: Tear down this wall!": a colon after the verb opens direct speech whose marks were lost.
COLON_SPEECH = re.compile(r"[^:.!?\"“„«]{0,40}:\s+(?=[A-ZА-ЯЁІЇЄҐȘȚĂÂÎ])")
OPENERS = "“„«\""
SENTENCE_BREAK = re.compile(r"[.!?…]+['’”»\"]*\s+(?=[\"“„«‘(\[]|[A-ZА-ЯЁІЇЄҐȘȚĂÂÎ0-9])")
PREPOSITIONAL = re.compile(r"(?i)^(?:according to|potrivit|conform|în opinia|citat de|по словам|по его|за словами|за його)")
# "told reporters", "told TASS", "told state TV": the addressee is not part of what was said.
ADDRESSEE = re.compile(r"^\s*(?:(?:the|a|state|state-owned|government-owned|russian|reporters|journalists|press|media|news|agency|"
                       r"channel|television|tv|radio|newspaper|broadcaster|outlet|[A-Z][\w.-]*)\b\s*){1,6}")
NOT_A_CLAUSE = re.compile(r"(?i)^\s*(?:at|in|on|during|after|before|from|by|with|outside|as)\b")
ABBREVIATION = re.compile(r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gen|Col|Lt|Sen|Rep|Gov|No|nr|Nr|vs|etc)\.)$")
WORD = re.compile(r"[\w’'-]+")
# A name used as a modifier ("the Trump administration", "Putin’s proposal") is not the subject of a verb.
MODIFIER = re.compile(r"^(?:['’]s?\b|\s+(?:administration|campaign|government|team|era|presidency|camp|aides?|allies|"
                      r"officials|family|doctrine|regime|office|plan|proposal|formula)\b)")
# Role nouns and the words of a knowledge-base role they can stand for.
ROLE_KEYS = (
    (r"spokes|press secretary|purtătorul de cuvânt|пресс-секретар|речник|представител|представник", ("spokes", "press secretary")),
    (r"diplomat", ("foreign", "diplomat", "ambassador", "state")),
    (r"minist|міністр|министр", ("minister", "secretary")),
    (r"president|chief|leader|head|președint|президент|лидер|лідер|глава|очільник", ("president", "head", "leader", "chancellor", "prime minister")),
    (r"envoy|emisar", ("envoy",)),
    (r"ambassador|ambasador|посол", ("ambassador",)),
    (r"aide|advis|consilier|советник|радник", ("aide", "advis")),
)
NATION_KEYS = (
    (r"Russia|Kremlin|Moscow|rus\b|Kremlin|россий|російськ", ("russia", "kremlin")),
    (r"\bU\.?S\.?\b|American|White House|america|SUA|американ", ("united states", "us ", "white house", "president of the united states")),
    (r"Ukrain|ucrainean|украин|україн", ("ukrain",)),
)
NAME_PAIR = re.compile(r"(?<![\w-])([A-ZА-ЯЁІЇЄҐȘȚ][\w’'-]+)\s+([A-ZА-ЯЁІЇЄҐȘȚ][\w’'-]+)(?![\w-])")
STOP_CLAUSE = re.compile(r"(?i)^(?:that|că|ca|что|що|as|how|whether|on|in|at|this|last|also|again)$")


@dataclass
class _Quote:
    start: int
    end: int
    text: str
    paragraph: int
    speaker: str | None = None
    fixed: bool = False  # the speaker is known from the layout (a block quotation after "… said:")


@dataclass
class _State:
    """Everything found in one article while it is being read."""

    people: list[Found] = field(default_factory=list)
    names: dict[str, Counter] = field(default_factory=dict)
    in_kb: dict[str, bool] = field(default_factory=dict)


CONJUNCTION = re.compile(r"\b(?:that|că|что|що)\b", re.IGNORECASE)
"""The conjunction that opens a reported clause: a name after it is inside the clause, not the verb's subject."""


def _words_between(text: str) -> list[str]:
    return [w for w in WORD.findall(text) if not STOP_CLAUSE.match(w)]


class Annotator:
    """Annotates articles with one knowledge base and injected spaCy pipelines."""

    def __init__(self, kb: KnowledgeBase, english: Callable[[], object] | None, blank: Callable[[str], object]):
        self.kb = kb
        self.index = PersonIndex(kb)
        self.events = EventIndex(kb.events)
        self._english = english
        self._blank = blank
        self._outlet_names = {a.casefold() for o in kb.outlets for a in (o.name, *o.aliases)}
        self._event_names = {a.casefold() for e in kb.events for a in (e.name, *e.aliases)}
        # Topic keywords name things ("Nord Stream"), never people.
        self._event_names |= {k.rstrip("$").casefold() for t in kb.topics for k in t.keywords}
        self._topics = [(t, [(must_contain(k.rstrip("$")), self._keyword_pattern(k)) for k in t.keywords]) for t in kb.topics]
        self.turns = TurnFinder(self.index)

    # --- people -----------------------------------------------------------------------------------------
    @staticmethod
    def _keyword_pattern(keyword: str) -> re.Pattern[str]:
        whole = keyword.endswith("$")
        word = keyword[:-1] if whole else keyword
        flags = 0 if any(c.isupper() for c in word) else re.IGNORECASE
        body = r"\s+".join(map(re.escape, word.split()))
        return re.compile(r"(?<![\w-])" + body + (r"(?![\w-])" if whole else ""), flags)

    def uses_model(self, article: Article) -> bool:
        """Whether annotating this article needs the English model's entities."""
        return article.lang == "en" and self._english is not None

    def entities(self, article: Article) -> list[Span]:
        """The English model's entity spans for the article's body (empty for other languages)."""
        return entity_spans(self._english()(body_text(article))) if self.uses_model(article) else []

    def entities_many(self, articles: list[Article], processes: int = 1,
                      batch_size: int = BATCH_SIZE) -> Iterator[list[Span]]:
        """Entity spans for each of the articles that use the model, in order: their texts stream through
        nlp.pipe in batches, in `processes` processes (never more than there are batches)."""
        texts = [body_text(a) for a in articles if self.uses_model(a)]
        if not texts:
            return
        processes = max(1, min(processes, -(-len(texts) // batch_size)))
        if processes > 1:
            from builder.workers import die_with_parent

            die_with_parent()
        for doc in self._english().pipe(iter(texts), batch_size=batch_size, n_process=processes):
            yield entity_spans(doc)

    def _model_names(self, text: str, lang: str, entities: list[Span] | None) -> list[tuple[int, int, str, str]]:
        """Candidate names (start, end, as written, the name) that the language model (English), the
        morphology dictionaries (Russian, Ukrainian) or name shapes (other languages) propose."""
        if lang == "en" and entities is not None:
            return [(start, end, raw, clean_person_name(raw)) for start, end, label, raw in entities if label == "PERSON"]
        self._blank(lang)  # the language's tokenizer is loaded once; names come from their shape below
        if lang in ("ru", "uk"):
            return names.find_names(text, lang)
        return [(start, end, raw, clean_person_name(raw)) for start, end, raw in self._shaped_names(text)]

    def _shaped_names(self, text: str) -> list[tuple[int, int, str]]:
        """Pairs of capitalised words whose first word is a known first name."""
        found = []
        for match in NAME_PAIR.finditer(text):
            if name_key(match.group(1)) in self.index.given_names:
                found.append((match.start(), match.end(), match.group(0)))
        return found

    def _people(self, text: str, lang: str, state: _State, entities: list[Span] | None) -> None:
        known = self.index.find(text)
        taken = [(f.start, f.end) for f in known]
        for found in known:
            state.people.append(found)
            state.in_kb[found.id] = True
        surnames: dict[str, str] = {}
        # A known surname inside a longer name that is someone else ("Mike Johnson" is not Boris Johnson).
        surname_only = {(f.start, f.end): f for f in known if " " not in f.surface}
        for start, end, raw, name in self._model_names(text, lang, entities):
            if "\n" in raw:
                continue
            overlapping = [(s, e) for s, e in taken if s < end and start < e]
            if overlapping:
                inner = [surname_only.get(span) for span in overlapping]
                if not all(inner) or len(name.split()) < 2 or TITLES.match(raw) or self.index.resolve(name) is not None:
                    continue
                for found in inner:
                    state.people.remove(found)
                    taken.remove((found.start, found.end))
                    del surname_only[(found.start, found.end)]
            if not plausible_name(name) or name.casefold() in self._outlet_names or name.casefold() in self._event_names:
                continue
            offset = start + raw.find(name) if name in raw else start
            if name not in raw:
                end = start + len(raw)
            pid = self.index.resolve(name)
            if pid is None:
                if len(name.split()) < 2:
                    continue
                pid = unknown_person_id(name)
                state.in_kb.setdefault(pid, False)
                surnames.setdefault(name.split()[-1], pid)
            else:
                state.in_kb[pid] = True
            state.people.append(Found(offset, offset + len(name) if name in raw else end, pid,
                                      name if name in raw else raw))
            state.names.setdefault(pid, Counter())[name] += 1
            taken.append((start, end))
        # Later surname-only mentions of people the knowledge base does not know yet.
        for surname, pid in surnames.items():
            for match in re.finditer(spelling_pattern(surname), text):
                if not any(s < match.end() and match.start() < e for s, e in taken):
                    state.people.append(Found(match.start(), match.end(), pid, surname))
                    taken.append((match.start(), match.end()))
        state.people.sort(key=lambda f: f.start)

    # --- quotes and speakers ----------------------------------------------------------------------------
    @staticmethod
    def _quotes(paragraph: str) -> list[tuple[int, int]]:
        spans = [(m.start(), m.end()) for m in QUOTE_PAIRS.finditer(paragraph)]
        covered = set()
        for s, e in spans:
            covered.update(range(s, e))
        for index, char in enumerate(paragraph):
            if char in "“„«" and index not in covered:
                spans.append((index, len(paragraph)))  # a quotation that runs on into the next paragraph
                break
        return sorted(spans)

    @staticmethod
    def _sentences(masked: str) -> list[tuple[int, int]]:
        bounds, start = [], 0
        for match in SENTENCE_BREAK.finditer(masked):
            if ABBREVIATION.search(masked[start: match.start() + 1]):
                continue
            bounds.append((start, match.end()))
            start = match.end()
        bounds.append((start, len(masked)))
        return bounds

    def _role_person(self, phrase: str, earlier: list[Found]) -> str | None:
        """The person a role phrase ("the Kremlin spokesman", "the Russian president") stands for: the most
        recently mentioned person whose knowledge-base role fits it."""
        lower = phrase.lower()
        wanted: list[str] = []
        for pattern, keys in ROLE_KEYS:
            if re.search(pattern, lower):
                wanted.extend(keys)
        nation = [keys for pattern, keys in NATION_KEYS if re.search(pattern, phrase)]
        for found in reversed(earlier):
            person = self.index.people.get(found.id)
            if person is None:
                continue
            described = f"{person.role or ''} {person.org or ''}".lower()
            if wanted and not any(key in described for key in wanted):
                continue
            if any(not any(key in described for key in keys) for keys in nation):
                continue
            if wanted or nation:
                return found.id
        return None

    def _subject(self, clause_start: int, verb_start: int, verb_end: int, clause_end: int, people: list[Found],
                 base: int, masked: str, lang: str, salient: Callable[[int], str | None],
                 earlier: Callable[[int], list[Found]]) -> str | None:
        """Who the reporting verb at [verb_start, verb_end) belongs to, inside one clause of a paragraph."""
        subjects = [f for f in people if clause_start <= f.start - base and f.end - base <= verb_start
                    and not MODIFIER.match(masked[f.end - base:]) and names.may_be_subject(f.surface, lang)
                    and not (names.genitive_surname(f.surface, lang) and  # "Представитель Путина": Putin's spokesman
                             lexicon.role_pattern(lang).search(" ".join(WORD.findall(masked[clause_start:f.start - base])[-1:])))]
        prepositional = bool(PREPOSITIONAL.match(masked[verb_start:verb_end]))
        if prepositional:
            subjects = []  # "according to X": the speaker comes after
        verb_text = masked[verb_start:verb_end]
        if subjects and verb_text.endswith("ing") and masked[:verb_start].rstrip().endswith(","):
            return subjects[0].id  # ", describing …": the participle belongs to the sentence's subject
        for candidate in subjects:
            between = masked[candidate.end - base: verb_start]
            if between.lstrip().startswith(",") and between.rstrip().endswith(",") and len(WORD.findall(between)) <= 14:
                return candidate.id  # "Peskov, who speaks for Vladimir Putin, said": the name before the apposition
        if subjects and len(WORD.findall(masked[subjects[-1].end - base: verb_start])) <= 6:
            return subjects[-1].id
        tail_words = [] if prepositional else WORD.findall(masked[clause_start:verb_start])[-5:]
        tail = " ".join(tail_words)
        roles, pronouns = lexicon.role_pattern(lang), lexicon.pronoun_pattern(lang)
        if pronouns.search(" ".join(tail_words[-3:])):
            return salient(base + verb_start)
        if roles.search(tail):
            return self._role_person(tail, earlier(base + verb_start)) or salient(base + verb_start)
        inverting = lexicon.inverting_pattern(lang)
        if inverting is None or inverting.match(masked[verb_start:verb_end]):
            following = [f for f in people if verb_end <= f.start - base and f.end - base <= clause_end
                         and (prepositional or names.may_be_subject(f.surface, lang))]
            gap = masked[verb_end: following[0].start - base] if following else ""
            lower, words = len([w for w in WORD.findall(gap) if w[:1].islower()]), len(WORD.findall(gap))
            if following and (lower <= 1 and words <= 3 or  # "said Peskov", "said the Kremlin's Dmitry Peskov"
                              lang != "en" and lower <= 3 and words <= 6 and "," not in gap):  # "заявив керівник Офісу … Андрій Єрмак"
                return following[0].id
            head = " ".join(WORD.findall(masked[verb_end:clause_end])[:4])
            if roles.search(head):
                return self._role_person(head, earlier(base + verb_start)) or salient(base + verb_start)
            if pronouns.search(" ".join(WORD.findall(masked[verb_end:clause_end])[:1])):
                return salient(base + verb_start)
        return None

    def _speech(self, article: Article, text: str, offsets: list[int], state: _State, turns: list[Turn]):
        lang = article.lang
        speech = lexicon.speech_pattern(lang)
        people_outside: list[Found] = []
        quotes: list[_Quote] = []
        reported: list[tuple[str, str, int]] = []
        last_speaker: dict[str, object] = {"id": None, "paragraph": -10}

        def participants() -> list[str]:
            """The two parties of a conversation: the first two people the title names, then the text (outside
            quotations)."""
            ids: list[str] = []
            for found in self.index.find(article.title or ""):
                if found.id not in ids:
                    ids.append(found.id)
            for found in state.people:
                if found.id not in ids and not found.inside_quote and not found.in_label and not found.modifier:
                    ids.append(found.id)
            return ids[:2]

        def earlier(position: int) -> list[Found]:
            return [f for f in people_outside if f.end <= position]

        def salient(position: int) -> str | None:
            """The antecedent of "he", "she" or a role noun: the last speaker in this paragraph, else the
            paragraph's first person (its subject), else the last speaker of the paragraph before, else the
            last person mentioned."""
            paragraph = _paragraph_of(offsets, position)
            if last_speaker["id"] and last_speaker["paragraph"] == paragraph:
                return last_speaker["id"]
            here = [f for f in state.people if offsets[paragraph] <= f.start < position and not f.inside_quote
                    and not f.modifier and not f.in_label]
            if here:
                return here[0].id
            if last_speaker["id"] and paragraph - last_speaker["paragraph"] <= 1:
                return last_speaker["id"]
            before = earlier(position)
            return before[-1].id if before else None

        previous_paragraph_quote: _Quote | None = None
        turn_index = 0
        introducer: str | None = None  # the speaker of a paragraph that ends "… said:"
        for number, paragraph in enumerate(article.paragraphs):
            base = offsets[number]
            labels = []
            while turn_index < len(turns) and turns[turn_index].label_start < base + len(paragraph):
                labels.append((turns[turn_index].label_start - base, turns[turn_index].start - base))
                turn_index += 1
            if labels:  # a new speaker: what came before says nothing about who "he" is now
                last_speaker.update(id=None, paragraph=-10)
                previous_paragraph_quote = None
            spans = self._quotes(paragraph)
            block_speaker, introducer = introducer, None
            if block_speaker is not None and not labels and paragraph[:1] not in OPENERS:
                spans = [(0, len(paragraph))]  # "… told reporters:" above a quotation whose marks were lost
            else:
                block_speaker = None
            masked = list(paragraph)
            for s, e in spans:
                for i in range(s + 1, e - 1 if e - s > 1 else e):
                    masked[i] = "x" if not paragraph[i].isspace() else " "
            for s, e in labels:
                masked[s:e] = " " * (e - s)
            masked_text = "".join(masked)
            members = [f for f in state.people if base <= f.start < base + len(paragraph)]
            for found in members:
                found.inside_quote = any(s <= found.start - base < e for s, e in spans)
                found.in_label = any(s <= found.start - base < e for s, e in labels)
                found.modifier = bool(MODIFIER.match(paragraph[found.end - base:]))
            para_people = [f for f in members if not f.inside_quote and not f.in_label]
            sentences = self._sentences(masked_text)
            para_quotes: list[_Quote] = []
            if block_speaker is not None:  # "" when the introducing verb has no named subject ("A source said:")
                para_quotes.append(_Quote(base, base + len(paragraph), paragraph, number, block_speaker or None, True))
                spans = []
            for s, e in spans:
                content = paragraph[s + 1: e - 1 if paragraph[e - 1:e] in "”“»\"" else e].strip(" ,")
                if WORD.search(content):
                    para_quotes.append(_Quote(base + s, base + e, content, number))

            def sentence_of(position: int) -> tuple[int, int]:
                for a, b in sentences:
                    if a <= position < b:
                        return a, b
                return sentences[-1]

            def usable(match: re.Match, offset: int) -> bool:
                """A capitalised verb only counts at the start of a sentence (it is not "United States")."""
                if not match.group(0)[:1].isupper():
                    return True
                before = masked_text[:offset + match.start()].rstrip()
                return not before or before[-1] in ".!?:;\"”»"

            # Events in reading order: each quote, and each reporting verb outside quotes.
            happenings: list[tuple[int, str, object]] = [(q.start - base, "quote", i) for i, q in enumerate(para_quotes)]
            for sent_start, sent_end in sentences:
                for verb in speech.finditer(masked_text[sent_start:sent_end]):
                    v_start = sent_start + verb.start()
                    if usable(verb, sent_start) and not any(s <= v_start < e for s, e in spans):
                        happenings.append((v_start, "verb", (sent_start, sent_end, verb)))
            happenings.sort(key=lambda item: (item[0], item[1]))
            reported_sentences: set[tuple[str, int]] = set()
            for position, kind, payload in happenings:
                if kind == "quote":
                    index = payload
                    quote = para_quotes[index]
                    if not quote.fixed:
                        self._attribute(quote, index, para_quotes, base, masked_text, paragraph, sentence_of, speech,
                                        para_people, lang, salient, earlier, previous_paragraph_quote, number, usable)
                    if quote.speaker:
                        last_speaker.update(id=quote.speaker, paragraph=number)
                    quotes.append(quote)
                    continue
                sent_start, sent_end, verb = payload
                v_start, v_end = sent_start + verb.start(), sent_start + verb.end()
                next_quote = min([s for s, _ in spans if s >= v_end] + [sent_end])
                clause = masked_text[v_end:next_quote]
                told = verb.group(0).lower() in ("told", "tells", "telling")
                if told:
                    clause = ADDRESSEE.sub("", clause, count=1)
                    if clause.lstrip().startswith(",") or NOT_A_CLAUSE.match(clause):
                        clause = ""
                if lexicon.group_pattern(lang).search(" ".join(WORD.findall(masked_text[sent_start:v_start])[-4:])):
                    # "Both leaders acknowledged that …": a joint statement of the conversation's named parties
                    words = " ".join(paragraph[v_end:sent_end].split()).strip(" ,:—–-")
                    if len(_words_between(words)) >= 3:
                        for pid in participants():
                            reported.append((pid, re.sub(r"^(?:that|că|что|що)\s+", "", words)[:400], number))
                    continue
                who = self._subject(sent_start, v_start, v_end, sent_end, para_people, base, masked_text, lang,
                                    salient, earlier)
                if sent_end >= len(masked_text.rstrip()) and masked_text.rstrip().endswith(":"):
                    introducer = who or ""
                if not who:
                    continue
                last_speaker.update(id=who, paragraph=number)
                colon = COLON_SPEECH.match(masked_text, v_end, sent_end) if not spans or next_quote >= sent_end else None
                if colon:
                    words = paragraph[colon.end():sent_end].strip()
                    if len(_words_between(words)) >= 2:
                        quotes.append(_Quote(base + colon.end(), base + sent_end, words, number, who, True))
                        continue
                trailing = not _words_between(masked_text[v_end:sent_end])
                # "…, așa cum afirmase președintele Volodimir Zelenski": what follows the verb is only its
                # subject (with a title); there is no clause of his there, as in "…, said Lavrov".
                inverted = next((f for f in para_people if f.id == who and v_end <= f.start - base
                                 and f.end - base <= next_quote and len(WORD.findall(masked_text[v_end:f.start - base])) <= 6
                                 and not CONJUNCTION.search(masked_text[v_end:f.start - base])), None)
                if inverted is not None:
                    clause = masked_text[v_end:inverted.start - base] + " " + masked_text[inverted.end - base:next_quote]
                if trailing:
                    head = masked_text[sent_start:v_start]
                    quoted = sum(e - s for s, e in spans if sent_start <= s < v_start)
                    if len(_words_between(head)) < 6 or quoted > len(head) / 3:
                        continue
                elif len(_words_between(clause)) < 3 or any(e <= v_start and _few_words(masked_text, e, v_start, 2) for _, e in spans):
                    continue  # "“…,” Lavrov said in an interview": the verb attributes the quote before it
                if (who, sent_start) in reported_sentences:
                    continue
                reported_sentences.add((who, sent_start))
                if trailing:
                    words = " ".join(paragraph[sent_start:v_start].split())
                else:
                    # "a declarat președintele Zelenski că …": the words after the inverted subject
                    words = " ".join(paragraph[inverted.end - base if inverted is not None else v_end:sent_end].split())
                    if told:
                        words = ADDRESSEE.sub("", words, count=1)
                    if PREPOSITIONAL.match(verb.group(0)) and "," in words[:60]:
                        words = words.split(",", 1)[1]  # "according to Peskov, …": the words after the name
                words = re.sub(r"^(?:that|că|что|що)\s+", "", words.strip(" ,:—–-")).rstrip(" ,")
                reported.append((who, words[:400], number))
            previous_paragraph_quote = para_quotes[-1] if para_quotes else None
            people_outside.extend(para_people)
        return quotes, reported

    def _attribute(self, quote: _Quote, index: int, para_quotes: list[_Quote], base: int, masked_text: str,
                   paragraph: str, sentence_of, speech, para_people, lang, salient, earlier,
                   previous_paragraph_quote: _Quote | None, number: int, usable) -> None:
        """Decide who said a direct quote: a reporting verb next to it, then the quote before it."""
        qs, qe = quote.start - base, quote.end - base
        sent_start, _ = sentence_of(qs)
        _, sent_end = sentence_of(max(qe - 1, 0))
        prev_end = para_quotes[index - 1].end - base if index else 0
        next_start = para_quotes[index + 1].start - base if index + 1 < len(para_quotes) else len(paragraph)
        before_start = max(sent_start, prev_end)
        before_verbs = [v for v in speech.finditer(masked_text[before_start:qs]) if usable(v, before_start)]
        after_end = min(sent_end, next_start)
        after_text = masked_text[qe:after_end]
        after_verb = next((v for v in speech.finditer(after_text) if usable(v, qe)), None)
        speaker = None

        def from_before(limit: int | None) -> str | None:
            if not before_verbs:
                return None
            verb = before_verbs[-1]
            if limit is not None and len(WORD.findall(masked_text[before_start + verb.end():qs])) > limit:
                return None
            return self._subject(before_start, before_start + verb.start(), before_start + verb.end(), qs,
                                 para_people, base, masked_text, lang, salient, earlier)

        speaker = from_before(8)
        if speaker is None and after_verb and len(WORD.findall(after_text[: after_verb.start()])) <= 4:
            speaker = self._subject(qe, qe + after_verb.start(), qe + after_verb.end(), after_end, para_people, base,
                                    masked_text, lang, salient, earlier)
        if speaker is None:
            speaker = from_before(None)
        if speaker is None and masked_text[before_start:qs].rstrip().endswith(":"):
            near = [f for f in para_people if before_start <= f.start - base < qs and names.may_be_subject(f.surface, lang)]
            speaker = near[0].id if near else None  # "Zelenskyy thanked Biden … and invited him: “…”": the subject
        starts_sentence = not masked_text[sent_start:qs].strip()
        if speaker is None and index and para_quotes[index - 1].speaker and (
                prev_end >= sent_start - 2 or starts_sentence or not _words_between(masked_text[prev_end:qs])):
            speaker = para_quotes[index - 1].speaker
        if speaker is None and index == 0 and qs <= 1 and previous_paragraph_quote is not None \
                and previous_paragraph_quote.speaker and number - previous_paragraph_quote.paragraph == 1 \
                and not para_people:
            speaker = previous_paragraph_quote.speaker
        quote.speaker = speaker

    # --- the whole article ------------------------------------------------------------------------------
    def annotate(self, article: Article, entities: list[Span] | None = None) -> Annotation:
        """Find people, speakers, events and topics in one article. `entities` are the model's spans for
        body_text(article) when they were computed beforehand (batched, or from the cache); without them
        the model runs here on English articles."""
        text = body_text(article)
        if entities is None and self.uses_model(article):
            entities = self.entities(article)
        offsets, position = [], 0
        for paragraph in article.paragraphs:
            offsets.append(position)
            position += len(paragraph) + 2
        state = _State()
        self._people(text, article.lang, state, entities)
        turns = self.turns.turns(article.paragraphs, offsets, article.date, state.people)
        quotes, reported = self._speech(article, text, offsets, state, turns)
        spoken = self._spoken(article, text, offsets, state, turns)

        # Title mentions of known people count as mentions; the model is not run on headlines.
        title_people = self.index.find(article.title) if article.title else []
        others = {name.split()[-1] for pid, spellings in state.names.items() if not state.in_kb.get(pid)
                  for name in spellings if len(name.split()) > 1}
        title_people = [f for f in title_people if " " in f.surface or f.surface not in others]  # "Johnson" = Mike Johnson

        people: dict[str, PersonRef] = {}
        counts = Counter(f.id for f in state.people)
        for found in state.people:
            if found.id in people:
                continue
            people[found.id] = PersonRef(
                id=found.id, name=self._name(found.id, state), in_kb=found.id in self.index.people,
                first_surface=found.surface, first_paragraph=_paragraph_of(offsets, found.start), mentions=counts[found.id],
            )
        for found in title_people:
            if found.id not in people:
                people[found.id] = PersonRef(id=found.id, name=self._name(found.id, state), in_kb=True,
                                             first_surface="", first_paragraph=-1, mentions=1)

        for position, pid, _ in spoken:
            if pid not in people:
                people[pid] = PersonRef(id=pid, name=self._name(pid, state), in_kb=pid in self.index.people,
                                        first_surface="", first_paragraph=_paragraph_of(offsets, position), mentions=1)
        said: dict[str, list[Quote]] = {}
        order: list[tuple[int, str]] = []
        for position, pid, words in spoken:
            said.setdefault(pid, []).append(Quote(words, True, _paragraph_of(offsets, position)))
            order.append((position, pid))
        for quote in quotes:
            if quote.speaker:
                said.setdefault(quote.speaker, []).append(Quote(quote.text, True, quote.paragraph))
                order.append((quote.start, quote.speaker))
        for who, words, number in reported:
            said.setdefault(who, []).append(Quote(words, False, number))
            order.append((offsets[number], who))
        speakers = []
        for _, pid in sorted(order):
            if pid in [s.id for s in speakers]:
                continue
            chosen = sorted(said[pid], key=lambda q: q.paragraph)
            speakers.append(Speaker(pid, self._name(pid, state), tuple(_dedupe(chosen))))

        first: dict[str, tuple[str, int]] = {}
        where: dict[str, set[int]] = {}
        for found in self.events.find(text, article.date):
            number = _paragraph_of(offsets, found.start)
            first.setdefault(found.id, (found.surface, number))
            where.setdefault(found.id, set()).add(number)
        events = [Ref(eid, self.events.events[eid].name, surface, number, tuple(sorted(where[eid])))
                  for eid, (surface, number) in first.items()]
        full = article.title + "\n" + text
        lowered = full.lower()
        topics = []
        for topic, patterns in self._topics:
            hits = sum(len(p.findall(full)) for literal, p in patterns if literal in lowered)
            if hits >= topic.min_hits:
                topics.append(Ref(topic.id, topic.name))
        return Annotation(people=tuple(people.values()), speakers=tuple(speakers), events=tuple(events), topics=tuple(topics))

    def _spoken(self, article: Article, text: str, offsets: list[int], state: _State,
                turns: list[Turn]) -> list[tuple[int, str, str]]:
        """(offset, person id, words) for every labelled turn with a known speaker, or for the whole text
        of a statement titled after one person."""
        spoken = []
        for turn in turns:
            pid, name = turn.speaker, turn.name
            if pid is None and turn.label == "Q":
                found = self.turns.introduced(turn, text, state.people)
                pid, name = (found.id, None) if found else (None, None)
            if pid is None:
                continue
            if name:
                state.names.setdefault(pid, Counter())[name] += 1
            spoken.append((turn.start, pid, _excerpt(text[turn.start:turn.end])))
        if not any(pid for _, pid, _ in spoken) and article.paragraphs:
            pid, name = self.turns.title_speaker(article.title, article.lang, article.date,
                                                 "\n".join(article.paragraphs[:2]), self._shaped_names)
            if pid:
                if name:
                    state.names.setdefault(pid, Counter())[name] += 1
                spoken.append((0, pid, _excerpt(article.paragraphs[0])))
        return spoken

    def _name(self, pid: str, state: _State) -> str:
        if pid in self.index.people:
            return self.index.people[pid].name
        return display_name(state.names.get(pid, Counter({pid: 1})))


def body_text(article: Article) -> str:
    """The text the annotator (and the model) reads: the paragraphs separated by blank lines."""
    return "\n\n".join(article.paragraphs)


def _paragraph_of(offsets: list[int], position: int) -> int:
    number = 0
    for index, start in enumerate(offsets):
        if start <= position:
            number = index
    return number


def _few_words(text: str, start: int, end: int, most: int) -> bool:
    """Whether text[start:end] holds at most `most` words (stops counting early: slices can be long)."""
    for count, _ in enumerate(WORD.finditer(text, start, end), start=1):
        if count > most:
            return False
    return True


def _excerpt(words: str, limit: int = 400) -> str:
    """The start of a long passage, cut at a word."""
    words = " ".join(words.split())
    return words if len(words) <= limit else words[:limit].rsplit(" ", 1)[0] + " …"


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    seen, kept = set(), []
    for quote in quotes:
        key = (quote.text, quote.direct)
        if key not in seen:
            seen.add(key)
            kept.append(quote)
    return kept
