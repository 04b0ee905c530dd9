"""Component `speech`: direct quotations with their speakers, and reported speech ("Lavrov said that …"),
read paragraph by paragraph in reading order."""

from __future__ import annotations

import re

from builder import lang as packs
from builder.annotate import lexicon
from builder.annotate.attribution import ABSTAINED, PREPOSITIONAL, Attributor, clause_words, few_words, participle
from builder.annotate.doc import Doc, Quotation
from builder.annotate.genders import person_gender, pronoun_gender
from builder.annotate.nlp import PLACE_LABELS
from builder.annotate.quotations import MODIFIER, OPENERS, WORD, Paragraph, quote_spans, quoted_name, read_paragraph
from builder.annotate.resolve import Found, PersonIndex
from builder.annotate.syntax import Parse, judge

# "said in Berlin: Tear down this wall!": a colon after the verb opens direct speech whose marks were lost.
COLON_SPEECH = re.compile(r"[^:.!?\"“„«]{0,40}:\s+(?=[" + packs.capitals() + "])")
# "told reporters", "told TASS", "told state TV": the addressee is not part of what was said.
ADDRESSEE = re.compile(r"^\s*(?:" + "|".join(packs.strings("ADDRESSEE")) + r"\b\s*){1,6}")
TOLD = frozenset(packs.every("TOLD"))
NOT_A_CLAUSE = re.compile(r"(?i)^\s*(?:" + "|".join(packs.every("NOT_A_CLAUSE")) + r")\b")
CONJUNCTION = re.compile(r"\b(?:" + lexicon.THAT + r")\b", re.IGNORECASE)
"""The conjunction that opens a reported clause: a name after it is inside the clause, not the verb's subject."""
THAT_OPENING = re.compile(r"^(?:" + lexicon.THAT + r")\s+")
LIST_ITEM = re.compile(r"^\s*[-–—•·*]\s")
"""A paragraph that is an item of a list: never a block of somebody's words."""
AND_WORDS = frozenset(word.lower() for word in packs.every("AND"))
AS_SAID = re.compile(r"(?i)^\s*(?:" + "|".join(packs.every("AS_SAID")) + r")\s")
CAPITAL_AFTER = re.compile(r"\s+[" + packs.capitals() + "]")
"""A capitalised word next: an inverted subject after a verb ("…, said Peskov")."""
COLON_QUOTATION = re.compile(r":\s*[" + re.escape("".join(OPENERS)) + "]")
"""A colon that opens a direct quotation inside a reported clause."""
QUOTED_SENTENCE_END = re.compile(r"([.!?…][\"”»])\s+(?=[" + packs.capitals() + "])")
"""A sentence that ends inside a closing quotation mark, before the next sentence's capital."""
DENYING = re.compile(r"(?i)^(?:" + "|".join(packs.every("DENYING")) + r")$")
LONGEST = 400
"""Reported words kept, in characters."""


def whole_clause(words: str, speech: re.Pattern[str], lang: str = "en") -> str | None:
    """What was said as a whole clause, or None: circumstances before "that" go ("Monday that …", "at the
    start of the month that …"), and so does a later clause of another reporting verb ("…, but Peskov said
    …") and a next sentence after a quotation that ends one ("… “… deescalation.” He also repeated …");
    and a direct quotation after a colon (it is listed already); words that open a circumstance, not a
    clause ("in his address …", "to a question …"), an apposition before the main verb (", responding to
    the remarks …, said that …"), a clause that is a quotation (the direct quotation is there already) and
    a clause of fewer than three words are none."""
    words = words.strip(" ,:—–-")
    that = CONJUNCTION.search(words)
    if that and len(WORD.findall(words[:that.start()])) <= 10:
        words = words[that.end():]
    ended = QUOTED_SENTENCE_END.search(words)
    if ended:  # "U.S. officials “have not seen … deescalation.” He also repeated …": the sentence ends there
        words = words[:ended.end(1)]
    colon = COLON_QUOTATION.search(words)
    if colon:  # "… не выявило наличие раковых клеток: «Врачи сообщили …»": the direct quotation is listed already
        words = words[:colon.start()]
    for later in speech.finditer(words):  # "… in Moscow, but Peskov said that …": someone else's clause
        if words[:later.start()].rstrip().endswith(",") and not participle(later.group(0), lang) \
                and not CAPITAL_AFTER.match(words, later.end()):
            return None  # "Psaki, responding to the remarks …, said that …": an apposition before the main verb
        subject = WORD.findall(words[:later.start()])[-1:]
        cut = max(words.rfind(",", 0, later.start()), words.rfind(". ", 0, later.start()))
        if subject and subject[0].lower() in AND_WORDS and cut > 0 and WORD.findall(words[cut + 1:later.start()]) == subject:
            words = words[:cut]  # "… with the American side, and stressed that …": the same speaker's next clause
            break
        if subject and subject[0][:1].isupper() and len(clause_words(words[:later.start()])) >= 3 and cut > 0 \
                and WORD.search(words, cut + 1, later.start()):
            words = words[:cut]
            break
    words = words.strip(" ,:—–-").rstrip(" ,")
    if NOT_A_CLAUSE.match(words) or len(clause_words(words)) < 3:
        return None
    quoted = sum(e - s for s, e in quote_spans(words))
    return None if words[:1] in OPENERS and quoted > len(words) / 2 else words


class Speech:
    """The component: one SpeechReader per document."""

    name = "speech"
    requires = ("people", "turns")
    assigns = ("quotations", "reported")

    def __init__(self, index: PersonIndex):
        self.index = index
        self.attributor = Attributor(index)

    def __call__(self, doc: Doc) -> None:
        SpeechReader(doc, self.index, self.attributor).read()


class SpeechReader:
    """Reads one document's paragraphs in order, keeping who spoke last (the antecedent of "he")."""

    def __init__(self, doc: Doc, index: PersonIndex, attributor: Attributor):
        self.doc, self.index, self.attributor = doc, index, attributor
        self.lang = doc.lang
        self.speech = lexicon.speech_pattern(doc.lang)
        self.outside: list[Found] = []  # people named outside quotations in earlier paragraphs
        self.current: list[Found] = []  # the same in the paragraph being read
        self.last_speaker: str | None = None
        self.last_paragraph = -10
        self.previous_quote: Quotation | None = None  # the last quotation of the paragraph before
        self.introducer: str | None = None  # the speaker of a paragraph that ends "… said:"
        self.parse = Parse(doc.text, doc.arcs)

    # --- antecedents ---------------------------------------------------------------------------------------
    def earlier(self, position: int) -> list[Found]:
        """People named outside quotations before `position`: in earlier paragraphs and in this one."""
        return [f for f in self.outside if f.end <= position] + [f for f in self.current if f.end <= position]

    def salient(self, position: int, pronoun: str | None = None) -> str | None:
        """The antecedent of "he", "she" or a role noun, or None when it is not established: the last speaker
        in this paragraph; else the one person this paragraph names before it (as a subject or a modifier,
        "Mr. Biden’s announcement … He said"), none when it names two; else the last speaker of the
        paragraph before. A reporting verb whose subject was not recognised (an unknown name, an
        institution) makes the last speaker unknown, and nothing older stands in for it. A pronoun with a
        gender ("she") never takes a person whose first name is of the other gender (builder.annotate.genders);
        of two people named, it takes the one of its gender when the other's is known to differ, and none
        when both may fit."""
        gender = pronoun_gender(pronoun, self.lang) if pronoun else None
        paragraph = self.doc.paragraph_of(position)
        if self.last_speaker is not None and self.last_paragraph == paragraph:
            return self._fits(self.last_speaker or None, gender)
        here = [f for f in self.doc.people if self.doc.offsets[paragraph] <= f.start < position and not f.inside_quote
                and not f.in_label]
        if here:
            return self._one_of(list(dict.fromkeys(f.id for f in here)), gender)
        if self.last_speaker and paragraph - self.last_paragraph <= 1:
            return self._fits(self.last_speaker, gender)
        if self.last_speaker is None or paragraph - self.last_paragraph > 1:
            # nobody spoke in the paragraph before: the one person it names ("Biden watched the address …
            # and later called it …" / "“…,” he said afterward"), none when it names two or an unknown
            # subject spoke there
            return self._fits(self._only_person(paragraph - 1), gender)
        return None

    def gender(self, pid: str) -> str | None:
        """A person's gender as their first name tells it (knowledge-base name, the article's spellings, id)."""
        person = self.index.people.get(pid)
        names = [person.name] if person is not None else []
        names += sorted(self.doc.names.get(pid, ()))
        names.append(" ".join(word.capitalize() for word in pid.split("-")))
        return person_gender(names)

    def fits(self, pid: str, pronoun: str | None) -> bool:
        """Whether a pronoun (or none) may stand for the person (see salient)."""
        return self._fits(pid, pronoun_gender(pronoun, self.lang) if pronoun else None) is not None

    def _fits(self, pid: str | None, gender: str | None) -> str | None:
        """The person unless a pronoun of `gender` cannot stand for them: their first name is known to be of
        the other gender. A name the lexicon does not know keeps them ("Alex Karp … He also expressed …",
        "Махатхир Мохамад … он"): abstaining there lost right attributions and removed no wrong one on the
        development gold and on the fresh sample (README, *Quote attribution on unseen text, session 23*)."""
        return pid if pid is None or gender is None or self.gender(pid) in (None, gender) else None

    def _one_of(self, ids: list[str], gender: str | None) -> str | None:
        """The antecedent among the people named: the only one; or, for a pronoun of a gender, the only one of
        that gender when every other is known to be of the other; else None (two may fit)."""
        if len(ids) == 1:
            return self._fits(ids[0], gender)
        if gender is None:
            return None
        genders = {pid: self.gender(pid) for pid in ids}
        fitting = [pid for pid in ids if genders[pid] == gender]
        if len(fitting) == 1 and all(genders[pid] not in (None, gender) for pid in ids if pid != fitting[0]):
            return fitting[0]
        return None

    def _only_person(self, paragraph: int) -> str | None:
        """The one person a paragraph names outside quotations, when they open a sentence of it as its subject
        (not "Mr. Putin's actions …"); None otherwise."""
        if paragraph < 0:
            return None
        start, end = self.doc.offsets[paragraph], self.doc.offsets[paragraph] + len(self.doc.article.paragraphs[paragraph])
        there = [f for f in self.doc.people if start <= f.start < end and not f.inside_quote and not f.in_label]
        if len({f.id for f in there}) != 1:
            return None
        text = self.doc.text
        for found in there:
            opening = re.split(r"[.!?…]\s+", text[start:found.start])[-1]
            if not MODIFIER.match(text[found.end:]) and not any(w[:1].islower() for w in WORD.findall(opening)):
                return found.id
        return None

    def speaker_of(self, paragraph: int) -> str | None:
        """The last speaker, when they spoke in that paragraph and were recognised."""
        return self.last_speaker or None if self.last_paragraph == paragraph else None

    def participants(self) -> list[str]:
        """The two parties of a conversation: the first two people the title names, then the text (outside
        quotations)."""
        ids: list[str] = []
        for found in self.index.find(self.doc.article.title or ""):
            if found.id not in ids:
                ids.append(found.id)
        for found in self.doc.people:
            if found.id not in ids and not found.inside_quote and not found.in_label and not found.modifier:
                ids.append(found.id)
        return ids[:2]

    def _spoke(self, who: str, paragraph: int) -> None:
        self.last_speaker, self.last_paragraph = who, paragraph

    # --- reading ---------------------------------------------------------------------------------------------
    def read(self) -> None:
        turns, turn_index = self.doc.turns, 0
        for number, paragraph in enumerate(self.doc.article.paragraphs):
            base = self.doc.offsets[number]
            labels = []
            while turn_index < len(turns) and turns[turn_index].label_start < base + len(paragraph):
                labels.append((turns[turn_index].label_start - base, turns[turn_index].start - base))
                turn_index += 1
            if labels:  # a new speaker: what came before says nothing about who "he" is now
                self._spoke(None, -10)
                self.previous_quote = None
            view = self._view(number, base, paragraph, labels)
            self.current = view.people
            self._paragraph(view)
            self.previous_quote = view.quotes[-1] if view.quotes else None
            self.outside.extend(view.people)
            self.current = []

    def _view(self, number: int, base: int, paragraph: str, labels: list[tuple[int, int]]) -> Paragraph:
        block_speaker, self.introducer = self.introducer, None
        if block_speaker is None or labels or paragraph[:1] in OPENERS or LIST_ITEM.match(paragraph) \
                or self._in_turn(base):
            # only a paragraph right after "… told reporters:" whose marks were lost: not the items of a list
            # ("… announced his intent to nominate the following individuals: ¶ - Jane Doe, Nominee for …"),
            # and not inside a transcript turn, whose words are its speaker's
            block_speaker = None
        members = [f for f in self.doc.people if base <= f.start < base + len(paragraph)]
        view = read_paragraph(number, base, paragraph, labels, members, block_speaker)
        # «Единая Россия», «Известия»: a name in quotation marks is no quotation
        view.quotes = [q for q in view.quotes if q.fixed or not quoted_name(q.text, paragraph[q.end - base:], self.lang)]
        return view

    def _paragraph(self, view: Paragraph) -> None:
        """Each quotation and each reporting verb outside quotations, in reading order."""
        happenings: list[tuple[int, str, object]] = [(q.start - view.base, "quote", i) for i, q in enumerate(view.quotes)]
        for sent_start, sent_end in view.sentences:
            for verb in self.speech.finditer(view.masked[sent_start:sent_end]):
                v_start = sent_start + verb.start()
                if view.usable(verb, sent_start) and not any(s <= v_start < e for s, e in view.spans):
                    happenings.append((v_start, "verb", (sent_start, sent_end, verb)))
        happenings.sort(key=lambda item: (item[0], item[1]))
        reported_sentences: set[tuple[str, int]] = set()
        for _, kind, payload in happenings:
            if kind == "quote":
                self._quotation(view, payload)
            else:
                self._verb(view, *payload, reported_sentences)

    def _quotation(self, view: Paragraph, index: int) -> None:
        quote = view.quotes[index]
        if not quote.fixed and not self._in_turn(quote.start):
            speaker = self.attributor.speaker(view, index, self.speech, self.lang, self, self.previous_quote)
            basis = self.attributor.basis if speaker else ""
            verb, direct = self.parse.governor(quote.start, quote.end, self.speech) or (None, False)
            if self.attributor.basis == ABSTAINED:
                verb = None
            if verb is not None and (direct or speaker is None):
                quote.speaker, quote.basis = self._parsed(verb.start, speaker, basis)
            else:
                quote.speaker, quote.basis = speaker, basis
            if verb is not None and speaker and not quote.speaker:
                self._spoke("", view.number)  # the verb's subject is someone (or something) not recognised
        if quote.speaker:
            self._spoke(quote.speaker, view.number)
        self.doc.quotations.append(quote)

    def _parsed(self, verb: int | None, speaker: str | None, basis: str, add: bool = True) -> tuple[str | None, str]:
        """The rules' speaker checked against the parse of the reporting verb at text offset `verb`. Kept when
        the verb's subject is that person, a pronoun or a role (their antecedents are the rules' to find), when
        nothing was parsed there, or when the speaker is named between the parsed subject and the verb (the
        parse is not clear: "Q Karine, President Biden has expressed"); dropped when the subject is another
        person or no person ("the ministry said", a name nobody recognised). Where the rules found nobody
        (and `add`), the subject when it is a person the annotator found."""
        subject = self.parse.subject(verb) if verb is not None else None
        if subject is None:
            return speaker, basis
        kind, person = judge(self.parse, subject, self.doc.people, self.doc.entities or [], self.lang)
        if kind == "person" and speaker is None:
            return (person, "parse:subject") if add else (None, "")
        if kind == "pronoun" and speaker is None and add:
            # another subject before the pronoun in its sentence that names nobody found ("When the last guy
            # was asked …, he said", "One nurse there said — she …"): the pronoun may stand for it
            if any(not self._person_at(t.start, t.end) for t in self.parse.subjects_before(subject)):
                return None, ""
            person = self._only_antecedent(verb, self.doc.text[subject.start:subject.end])
            return (person, "parse:pronoun") if person else (None, "")
        if kind == "joint":  # a quotation of two people is no one's (a reported clause stays the rules')
            return (None, "") if add else (speaker, basis)
        if kind in ("pronoun", "role") or person == speaker:
            return speaker, basis
        if speaker is not None and any(f.id == speaker and subject.end <= f.start and f.end <= verb and not f.inside_quote
                                       for f in self.doc.people):
            return speaker, basis
        return None, ""

    def _person_at(self, start: int, end: int) -> bool:
        """Whether a person found outside quotations covers part of text[start:end]."""
        return any(f.start < end and start < f.end and not f.inside_quote for f in self.doc.people)

    def _only_antecedent(self, position: int, pronoun: str) -> str | None:
        """The one person named (outside quotations and labels, not as a modifier) from the start of the
        paragraph before to `position` that the pronoun's gender fits (see salient); None when there are
        none or several."""
        paragraph = self.doc.paragraph_of(position)
        start = self.doc.offsets[max(0, paragraph - 1)]
        named = [f.id for f in self.doc.people if start <= f.start < position and not f.inside_quote
                 and not f.in_label and not f.modifier]
        return self._one_of(list(dict.fromkeys(named)), pronoun_gender(pronoun, self.lang)) if named else None

    def _role_after(self, following: str, verb: str) -> bool:
        """Whether an inverting verb is followed by its subject, a pronoun or a role ("said the President")."""
        inverting, words = lexicon.inverting_pattern(self.lang), WORD.findall(following)[:4]
        if inverting is None or not inverting.match(verb) or not words:
            return False
        if lexicon.pronoun_pattern(self.lang).fullmatch(words[0]):
            return True
        head = words[1:] if words[0].lower() in packs.own(self.lang, "DETERMINERS", []) else words
        role = lexicon.role_pattern(self.lang)
        return bool(head) and bool(role.match(" ".join(head)) or head[0][:1].isupper() and role.match(" ".join(head[1:])))

    def _turn_speaker(self, position: int) -> str | None:
        """The speaker of the labelled turn a position lies in, None outside turns or in an anonymous one."""
        return next((turn.speaker for turn in self.doc.turns if turn.start <= position < turn.end), None)

    def _in_turn(self, position: int) -> bool:
        """Whether a position lies inside a labelled transcript turn: the turn is its speaker's words, and a
        quotation inside it is speech nested in them, nobody's ("the last thing veterans are is “suckers”")."""
        return any(turn.start <= position < turn.end for turn in self.doc.turns)

    def _verb(self, view: Paragraph, sent_start: int, sent_end: int, verb: re.Match, done: set[tuple[str, int]]) -> None:
        """A reporting verb outside quotations: who it belongs to, and the clause of what was said."""
        masked = view.masked
        v_start, v_end = sent_start + verb.start(), sent_start + verb.end()
        next_quote = min([s for s, _ in view.spans if s >= v_end] + [sent_end])
        if lexicon.group_pattern(self.lang).search(" ".join(WORD.findall(masked[sent_start:v_start])[-4:])):
            self._joint(view, v_end, sent_end)
            return
        who = self.attributor.subject(view, (sent_start, sent_end), (v_start, v_end), self.lang, self)
        if who and self.attributor.basis in ("role", "pronoun") and self._turn_speaker(view.base + v_start) == who:
            who = None  # "Today, the President has announced …" in Lukashenko's turn: a speaker says "I" of himself
        if self.parse:
            who, _ = self._parsed(view.base + v_start, who, "", add=False)
        if sent_end >= len(masked.rstrip()) and masked.rstrip().endswith(":") \
                and not CONJUNCTION.search(masked, v_end, sent_end):
            # "… told reporters:" opens the speaker's words in the next paragraph; "… said that the talks had
            # reached their final stage:" has its clause already, and what follows is the writer's again
            self.introducer = who or ""
        if not who:
            if self._named_subject(view, sent_start, v_start, v_end, self.lang) and not self._place_before(view.base + v_start):
                self._spoke("", view.number)  # someone not recognised spoke: "he" may be them now
            return
        self._spoke(who, view.number)
        colon = COLON_SPEECH.match(masked, v_end, sent_end) if (not view.spans or next_quote >= sent_end) \
            and not self._in_turn(view.base + v_start) else None  # in a turn: its speaker's retelling
        if colon:
            words = view.text[colon.end():sent_end].strip()
            if len(clause_words(words)) >= 2:
                self.doc.quotations.append(Quotation(view.base + colon.end(), view.base + sent_end, words, view.number, who, True))
                return
        words = self._reported_words(view, who, (sent_start, sent_end), (v_start, v_end), verb, next_quote)
        if words is None or (who, sent_start) in done:
            return
        done.add((who, sent_start))
        self.doc.reported.append((who, words[:LONGEST], view.number))

    @staticmethod
    def _named_subject(view: Paragraph, sent_start: int, v_start: int, v_end: int, lang: str) -> bool:
        """Whether a capitalised word stands right before the verb (not opening the sentence), or right after
        a verb that inverts: a subject the annotator did not recognise ("Haines said", "said Haines"), unlike
        "… and repeated Vladimir Putin's line"."""
        before = WORD.findall(view.masked[sent_start:v_start])
        after = WORD.findall(view.masked[v_end:v_end + 40])[:1]
        inverting = lexicon.inverting_pattern(lang)
        inverts = inverting is None or bool(inverting.match(view.masked[v_start:v_end]))
        return (len(before) > 1 and before[-1][:1].isupper()) or bool(inverts and after and after[0][:1].isupper())

    def _place_before(self, position: int) -> bool:
        """Whether the words just before a verb are a place ("Moscow says"), which "he" cannot stand for."""
        text = self.doc.text[:position].rstrip()
        return any(label in PLACE_LABELS and start < len(text) <= end
                   for start, end, label, _ in self.doc.entities or ())

    def _joint(self, view: Paragraph, v_end: int, sent_end: int) -> None:
        """"Both leaders acknowledged that …": a joint statement of the conversation's named parties."""
        words = " ".join(view.text[v_end:sent_end].split()).strip(" ,:—–-")
        if len(clause_words(words)) >= 3:
            for pid in self.participants():
                self.doc.reported.append((pid, THAT_OPENING.sub("", words)[:LONGEST], view.number))

    def _reported_words(self, view: Paragraph, who: str, sentence: tuple[int, int], verb_span: tuple[int, int],
                        verb: re.Match, next_quote: int) -> str | None:
        """The clause a reporting verb introduces (or, "…, Lavrov said", the words before it); None when
        there is none: the verb attributes a quotation, or only its subject follows it."""
        masked = view.masked
        (sent_start, sent_end), (v_start, v_end) = sentence, verb_span
        clause = masked[v_end:next_quote]
        told = verb.group(0).lower() in TOLD
        if told:
            clause = ADDRESSEE.sub("", clause, count=1)
            if clause.lstrip().startswith(",") or NOT_A_CLAUSE.match(clause):
                clause = ""
        opens = max(sent_start, masked.rfind(",", sent_start, v_start) + 1)  # the verb's part of the sentence
        opening = masked[opens:v_start]
        before_comma = [w for w in WORD.findall(masked[sent_start:opens]) if w.lower() not in AND_WORDS]
        if packs.has(self.lang, "AS_SAID") and AS_SAID.match(opening) and len(before_comma) >= 3:
            return None  # "…, as President Tokayev has pointed out just now, …": before or after, unsettled
        trailing = not clause_words(masked[v_end:sent_end])
        # "…, said the President during a conversation …": a role or pronoun right after the verb is its
        # subject, and what was said stands before the comma
        # ("…, according to Kremlin spokesperson Dmitry Peskov."; not ", according to the President, …", whose
        # words follow the comma)
        trailing = trailing or (masked[:v_start].rstrip().endswith(",") and self._role_after(masked[v_end:sent_end], verb.group(0))
                                and not (PREPOSITIONAL.match(verb.group(0)) and "," in masked[v_end:sent_end]))
        # "Putin has received the response, Lavrov added, and officials will now …": a verb set off by commas
        # reports the words before it; what follows the comma is the writer's.
        trailing = trailing or (masked[v_end:sent_end].lstrip().startswith(",") and
                                len(clause_words(masked[sent_start:v_start])) >= 6 and "," in masked[sent_start:v_start])
        # "…, așa cum afirmase președintele Volodimir Zelenski": what follows the verb is only its subject
        # (with a title); there is no clause of his there, as in "…, said Lavrov".
        inverted = next((f for f in view.people if f.id == who and v_end <= f.start - view.base
                         and f.end - view.base <= next_quote and len(WORD.findall(masked[v_end:f.start - view.base])) <= 6
                         and not CONJUNCTION.search(masked[v_end:f.start - view.base])), None)
        if not trailing and masked[v_end:sent_end].lstrip().startswith(",") and len(before_comma) >= 2 \
                and len(WORD.findall(opening)) <= 4:
            return None  # "This work, he said, was underway …": a clause whose subject stands before the verb
            # ("Therefore, Kyrylo Tymoshenko noted, the leadership …": an adverb first, the clause after)
        if inverted is not None:
            clause = masked[v_end:inverted.start - view.base] + " " + masked[inverted.end - view.base:next_quote]
        if trailing:
            head = masked[sent_start:v_start]
            quoted = sum(e - s for s, e in view.spans if sent_start <= s < v_start)
            if len(clause_words(head)) < 6 or quoted > len(head) / 3:
                return None
            words = " ".join(view.text[sent_start:v_start].split())
            before_subject, comma, subject = words.rpartition(",")
            if comma and len(WORD.findall(subject)) <= 8:
                words = before_subject  # "…, Kremlin spokesman Dmitry Peskov has [stated]": the subject goes
        else:
            if len(clause_words(clause)) < 3 or any(e <= v_start and few_words(masked, e, v_start, 2) for _, e in view.spans):
                return None  # "“…,” Lavrov said in an interview": the verb attributes the quote before it
            # "a declarat președintele Zelenski că …": the words after the inverted subject
            words = " ".join(view.text[inverted.end - view.base if inverted is not None else v_end:sent_end].split())
            if told:
                words = ADDRESSEE.sub("", words, count=1)
            if PREPOSITIONAL.match(verb.group(0)) and "," in words[:60]:
                words = words.split(",", 1)[1]  # "according to Peskov, …": the words after the name
        words = whole_clause(words, self.speech, self.lang)
        if words and not trailing and DENYING.match(verb.group(0)):
            words = f"{verb.group(0)} {words}"  # "rejected the envoy's claims that …": not his claim
        return words
