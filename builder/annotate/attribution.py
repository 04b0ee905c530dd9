"""Who said it: the subject of a reporting verb, and the speaker of a direct quotation."""

from __future__ import annotations

import re
from typing import Protocol

from builder import lang as packs
from builder.annotate import lexicon, names
from builder.annotate.doc import Quotation
from builder.annotate.genders import name_gender
from builder.annotate.quotations import MODIFIER, WORD, Paragraph
from builder.annotate.resolve import Found, PersonIndex

PREPOSITIONAL = re.compile(r"(?i)^(?:" + "|".join(packs.every("ACCORDING_TO")) + ")")
STOP_CLAUSE = re.compile(r"(?i)^(?:" + "|".join(packs.every("CLAUSE_FILLERS")) + ")$")
# Role nouns and the words of a knowledge-base role they can stand for; country words and the words of a
# knowledge-base role or organisation they fit (the knowledge base is written in English).
ROLE_KEYS = tuple((stems, packs.pack(packs.FALLBACK).KB_ROLE_WORDS[kind]) for kind, stems in packs.keyed("ROLE_STEMS").items())
NATION_KEYS = tuple((stems, packs.pack(packs.FALLBACK).KB_NATION_WORDS[kind])
                    for kind, stems in packs.keyed("NATION_STEMS").items())
ROLE_HEAD_END = re.compile(packs.pack(packs.FALLBACK).ROLE_HEAD_END, re.IGNORECASE)
COORDINATED = re.compile(r"(?i)(?<!\w)(?:" + "|".join(packs.every("AND")) + r")\s+(?:(?:"
                         + "|".join(packs.every("SUBJECT_GAP")) + r")\s+)?$")
AFTER = 4
"""Words between a quotation and a reporting verb after it whose subject, named or not, said it."""
AFTER_NAMED = 14
"""The same when the verb's subject is a named person (an office and a name: "White House national-security
adviser Jake Sullivan said")."""
ABSTAINED = "abstained"
"""The basis left when a quotation is nobody's by a rule (a work's name, someone else's wording after "what"),
not for want of a speaker: nothing else may attribute it."""
GAP_WORDS = frozenset(packs.every("SUBJECT_GAP"))
VICE = re.compile(r"(?i)(?<!\w)(?:" + "|".join(packs.every("VICE")) + r")")


def role_heads(role: str) -> list[str]:
    """The head nouns of a knowledge-base role, one per office it lists: "Kremlin spokesman, Press Secretary
    of the President of Russia" -> ["kremlin spokesman", "press secretary"] (he is not "the president")."""
    return [ROLE_HEAD_END.split(part, maxsplit=1)[0].strip().lower() for part in role.split(",") if part.strip()]


NAME_RUN = re.compile(r"(?<![\w’'-])[" + packs.capitals() + r"][\w’'-]+\s+[" + packs.capitals() + r"][\w’'-]+")
NEXT_CAPITALISED = re.compile(r"[ \t]+([" + packs.capitals() + r"][\w’'-]*)")


def inside_a_name(masked: str, end: int) -> bool:
    """Whether a person's name found ending at `end` runs on into another capitalised word: it is then part of
    a longer name, an organisation's or a thing's ("the Biden Cancer Moonshot is announcing …",
    "Environmental Protection Agency Administrator …"), not a subject. A weekday or a month after it is no
    part of it ("Putin on Tuesday", "Biden Monday said")."""
    following = NEXT_CAPITALISED.match(masked, end)
    return bool(following) and following.group(1).casefold() not in lexicon.CALENDAR


AND_NAME = re.compile(r"\s+(?:" + "|".join(packs.every("AND")) + r")\s+(?=[" + packs.capitals() + "])")


def joined(view: Paragraph, pid: str, start: int, end: int) -> bool:
    """Whether the person `pid` is named between `start` and `end` joined by "and" to another person found
    ("Leon Panetta and Chuck Hagel warned"): a joint subject."""
    for found in view.people:
        if found.id == pid and start <= found.start - view.base < end:
            joint = AND_NAME.match(view.masked, found.end - view.base)
            if joint and any(f.start - view.base == joint.end() and f.id != pid for f in view.people):
                return True
    return False


def after_preposition(masked: str, position: int, lang: str) -> bool:
    """Whether the word before `position` makes a name there the object of a preposition ("with Putin")."""
    before = WORD.findall(masked[max(0, position - 30):position])
    return bool(before) and before[-1].lower() in _prepositions(lang)


_PREPOSITIONS: dict[str, frozenset[str]] = {}
NAMING = re.compile(r"(?i)(?:(?<!\w)(?:" + "|".join(packs.every("NAMING")) + r")|\w['’]s)\s*$")
KIND_AFTER = re.compile(r"\s*(?:[" + packs.capitals() + r"][\w.’'-]*\s+){0,2}(?:" + "|".join(packs.every("KINDS")) + r")(?!\w)")
LISTED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")
NAME_WORDS = 4
"""The most words a quotation that names a thing (KINDS) holds."""
WHAT = re.compile(r"(?i)(?<!\w)(?:" + "|".join(packs.every("WHAT")) + r")(?!\w)")
CAPITALISED = re.compile(r"(?<![\w’'-])[" + packs.capitals() + r"][\w’'-]+")


def nested(view: Paragraph, verb_end: int, quote_start: int) -> bool:
    """Whether a quotation after a reporting verb is the wording of someone else named in between, after
    "what": "Peskov replied that he did not know what Vance meant by “progress”", "Peskov highlighted what
    the Kremlin calls the “spirit of Anchorage”". (After "that", the words are usually still the speaker's
    own: "Putin noted that Trump had “expressed similar sentiments”".)"""
    what = WHAT.search(view.masked, verb_end, quote_start)
    return bool(what and CAPITALISED.search(view.masked, what.end(), quote_start))


def what_subject(view: Paragraph, start: int, quote_start: int) -> Found | None | bool:
    """The person whose wording a quotation is when it stands in a clause opened by "what" and that person
    ("what President Biden denounced as an “invasion”", "ce a înțeles Vance prin „progres”"): the subject of
    the relative clause, not of the sentence. False when no such clause holds; None when its subject is no
    person ("what the Kremlin calls the “spirit of Anchorage”": nobody's)."""
    what = None
    for what in WHAT.finditer(view.masked, start, quote_start):
        pass
    first = CAPITALISED.search(view.masked, what.end(), quote_start) if what is not None else None
    # the clause's subject comes right after "what" (a title, an article or an auxiliary before it at most),
    # and the wording follows in the same clause: "compared what is happening in Ukraine to …, and said “…”"
    if first is None or not few_words(view.masked, what.end(), first.start(), 2) \
            or "," in view.masked[what.end():quote_start]:
        return False
    person = next((f for f in view.people if what.end() <= f.start - view.base < quote_start), None)
    if person is None or first.start() < person.start - view.base - 40:
        return None
    between = WORD.findall(view.masked[what.end():person.start - view.base])
    if sum(1 for w in between if w[:1].islower()) > 2 or MODIFIER.match(view.masked[person.end - view.base:]) \
            or not few_words(view.masked, person.end - view.base, quote_start, 8):
        return None
    return person


def modifier(text: str, start: int, lang: str) -> bool:
    """Whether the verb form at `start` modifies a noun rather than being a verb: joined by a hyphen ("the
    so-called “…”": the writer's distance, not a name anyone gave) or right after a determiner or a
    possessive ("in their branded inhuman style")."""
    if text[start - 1:start] == "-":
        return True
    before = WORD.findall(text[max(0, start - 24):start])
    return bool(before) and before[-1].lower() in packs.own(lang, "DETERMINERS", [])


def participle(verb: str, lang: str) -> bool:
    """Whether a reporting verb is a participle or gerund (", saying …", ", добавив, что …")."""
    return bool(re.search(packs.own(lang, "PARTICIPLE"), verb.lower()))


def passive(view: Paragraph, clause_start: int, verb: tuple[int, int], lang: str) -> bool:
    """Whether a reporting verb is a passive participle after a form of "be" ("were instructed", "has been
    told"; the pack's `PASSIVE_BE`, English only), whose subject is addressed rather than speaking."""
    if not packs.has(lang, "PASSIVE_BE") or participle(view.masked[verb[0]:verb[1]], lang):
        return False
    before = view.words(clause_start, verb[0])[-2:]
    return any(word.lower() in packs.pack(lang).PASSIVE_BE for word in before[-1:]) or \
        (len(before) == 2 and before[0].lower() in packs.pack(lang).PASSIVE_BE and before[1].lower() in GAP_WORDS)


def indefinite(words_before_role: str, lang: str) -> bool:
    """Whether an indefinite article stands among the few words before a role noun ("a White House official")."""
    articles = packs.own(lang, "INDEFINITE", [])
    return any(w.lower() in articles for w in WORD.findall(words_before_role)[-4:])


def names_a_work(masked: str, quote_start: int) -> bool:
    """Whether the words right before a quotation make it a title ("on “Face the Nation”", "CNN's “Newsroom”")."""
    return bool(NAMING.search(masked[max(0, quote_start - 30):quote_start]))


def a_name(view: Paragraph, index: int) -> bool:
    """Whether quotation `index` of the paragraph is a name, nobody's words: a title by the words before it
    (names_a_work); or a short name followed by the kind of thing it names ("“Rain” TV channel", "the “Azov”
    regiment"), or listed with such a name before it, joined by a comma or "and" only ("“Meduza” portal,
    “Kommersant” and “Novaya Gazeta”")."""
    quote = view.quotes[index]
    start, end = quote.start - view.base, quote.end - view.base
    if names_a_work(view.masked, start):
        return True
    if not few_words(view.text, start, end, NAME_WORDS) or not CAPITALISED.match(view.text, start + 1):
        return False
    if KIND_AFTER.match(view.masked, end):
        return True
    if not index:
        return False
    previous_end = view.quotes[index - 1].end - view.base
    kind = KIND_AFTER.match(view.masked, previous_end)
    joint = LISTED.fullmatch(view.masked, kind.end() if kind else previous_end, start)
    return bool(joint) and a_name(view, index - 1)


def _prepositions(lang: str) -> frozenset[str]:
    if lang not in _PREPOSITIONS:
        _PREPOSITIONS[lang] = frozenset(packs.pack(lang).PREPOSITIONS if packs.has(lang, "PREPOSITIONS") else ())
    return _PREPOSITIONS[lang]


class Antecedents(Protocol):
    """What came before a position: who "he" or "the spokesman" can be."""

    def salient(self, position: int, pronoun: str | None = None) -> str | None: ...

    def fits(self, pid: str, pronoun: str | None) -> bool: ...

    def earlier(self, position: int) -> list[Found]: ...

    def speaker_of(self, paragraph: int) -> str | None: ...


def clause_words(text: str) -> list[str]:
    """The words of a clause, without the conjunctions and fillers that carry nothing said."""
    return [w for w in WORD.findall(text) if not STOP_CLAUSE.match(w)]


def few_words(text: str, start: int, end: int, most: int) -> bool:
    """Whether text[start:end] holds at most `most` words (stops counting early: slices can be long)."""
    for count, _ in enumerate(WORD.finditer(text, start, end), start=1):
        if count > most:
            return False
    return True


class Attributor:
    """Finds speakers with one knowledge base (whose roles say who "the spokesman" can be)."""

    def __init__(self, index: PersonIndex):
        self.index = index
        self.basis = ""
        """How the last speaker found was established (see BASES)."""
        self.pronoun: str | None = None
        """The pronoun a subject was looked for through ("she added"), while attributing one quotation."""

    def role_person(self, phrase: str, earlier: list[Found]) -> str | None:
        """The person a role phrase ("the Kremlin spokesman", "the Russian president") stands for: the most
        recently mentioned person whose knowledge-base role fits it."""
        lower = phrase.lower()
        # the kind of office is its head's: "the Deputy Head| of the Office of the President" is no president
        head_words = ROLE_HEAD_END.split(lower, maxsplit=1)[0]
        wanted: list[str] = []
        for pattern, keys in ROLE_KEYS:
            if re.search(pattern, head_words):
                wanted.extend(keys)
        nation = [keys for pattern, keys in NATION_KEYS if re.search(pattern, phrase)]
        if not (wanted or nation):
            return None
        for found in reversed(earlier):
            person = self.index.people.get(found.id)
            if person is None:
                continue
            described = f"{person.role or ''} {person.org or ''}".lower()
            heads = role_heads(person.role or "")
            if wanted and not any(key in head for key in wanted for head in heads
                                  if (not VICE.search(head) or VICE.search(lower))
                                  and (VICE.search(head) or not VICE.search(head_words))):
                continue  # a deputy's office is not its chief's, nor the chief's a deputy's
            if any(not any(key in described for key in keys) for keys in nation):
                continue
            return found.id
        return None

    def _role(self, phrase: str, before: Antecedents, position: int, lang: str) -> str | None:
        # A role no knowledge-base person fits ("the official", "the president" when no president was
        # named) is abstained on: the nearest salient person was wrong for it more often than right. An
        # indefinite role ("a senior Ukrainian official told CNN") is an unnamed source, nobody named before.
        self.basis = "role"
        role = lexicon.role_pattern(lang).search(phrase)
        if role and indefinite(phrase[:role.start()], lang):
            return None
        following = NEXT_CAPITALISED.match(phrase, role.end()) if role else None
        if following and name_gender(following.group(1)):
            return None  # "Swiss President Ignazio Cassis said": the role is the title of a first name after it
        return self.role_person(phrase, before.earlier(position))

    def subject(self, view: Paragraph, clause: tuple[int, int], verb: tuple[int, int], lang: str,
                before: Antecedents) -> str | None:
        """Who the reporting verb at `verb` belongs to, inside the clause `clause` of a paragraph."""
        clause_start, clause_end = clause
        verb_start, verb_end = verb
        masked, base = view.masked, view.base
        prepositional = bool(PREPOSITIONAL.match(masked[verb_start:verb_end]))
        if not prepositional and passive(view, clause_start, verb, lang):
            return None  # "… have been instructed to …": the subject is the one addressed, not a speaker
        if not prepositional and COORDINATED.search(masked[max(clause_start, verb_start - 24):verb_start]):
            return self._coordinated(view, clause_start, verb_start, lang, before)
        subjects = [] if prepositional else self._subjects_before(view, clause_start, verb_start, lang)
        if subjects and self._other_subject(view, subjects[-1].end - view.base, verb_start, lang):
            return None
        found = self._subject_before(view, subjects, verb, lang)
        if found is not None:
            self.basis = "subject"
            return found
        tail_words = [] if prepositional else WORD.findall(masked[clause_start:verb_start])[-5:]
        roles, pronouns = lexicon.role_pattern(lang), lexicon.pronoun_pattern(lang)
        if not prepositional and participle(masked[verb_start:verb_end], lang) \
                and masked[:verb_start].rstrip().endswith(","):
            # "The President also touted …, saying …": the participle's subject opens the sentence
            head = WORD.findall(masked[clause_start:verb_start])[:4]
            if head and pronouns.fullmatch(head[0]):
                self.basis, self.pronoun = "pronoun", head[0]
                return before.salient(base + verb_start, head[0])
            if roles.search(" ".join(head)):
                return self._role(" ".join(head), before, base + verb_start, lang)
        pronoun = pronouns.search(" ".join(tail_words[-3:]))
        if pronoun:
            self.basis, self.pronoun = "pronoun", pronoun.group(0)
            return before.salient(base + verb_start, pronoun.group(0))
        if roles.search(" ".join(tail_words)):
            return self._role(" ".join(tail_words), before, base + verb_start, lang)
        inverting = lexicon.inverting_pattern(lang)
        if inverting is None or inverting.match(masked[verb_start:verb_end]):
            return self._subject_after(view, verb_end, clause_end, lang, prepositional, before, base + verb_start)
        return None

    def _coordinated(self, view: Paragraph, clause_start: int, verb_start: int, lang: str,
                     before: Antecedents) -> str | None:
        """"He compared …, and said “…”", "The President acknowledged …, and reaffirmed …": a verb after
        "and" shares the subject that opens the sentence, never the nearest name before it."""
        sentence_start, _ = view.sentence_of(verb_start)
        start = max(clause_start, sentence_start)
        head = WORD.findall(view.masked[start:verb_start])[:3]
        subjects = [f for f in self._subjects_before(view, start, verb_start, lang)
                    if len(WORD.findall(view.masked[start:f.start - view.base])) <= 8]  # the sentence's opening
        if subjects:
            self.basis = "subject"
            return subjects[0].id
        if head and lexicon.pronoun_pattern(lang).fullmatch(head[0]):
            self.basis, self.pronoun = "pronoun", head[0]
            return before.salient(view.base + start, head[0])
        if head and lexicon.role_pattern(lang).search(" ".join(head)):
            return self._role(" ".join(head), before, view.base + start, lang)
        return None

    @staticmethod
    def _other_subject(view: Paragraph, after: int, verb_start: int, lang: str) -> bool:
        """Whether the word right before the verb (past "also", "later" …) is a subject of its own that names
        nobody ("some saying", "they said"), standing between a name and the verb."""
        words = [w.lower() for w in view.words(after, verb_start) if w.lower() not in GAP_WORDS]
        return bool(words) and words[-1] in packs.own(lang, "OTHER_SUBJECTS", [])

    @staticmethod
    def _subjects_before(view: Paragraph, clause_start: int, verb_start: int, lang: str) -> list[Found]:
        """People before the verb in its clause that may be its subject: not a modifier ("Putin’s plan"), not
        in an oblique case, not a genitive after a role ("Представитель Путина": Putin's spokesman)."""
        roles = lexicon.role_pattern(lang)
        return [f for f in view.people if clause_start <= f.start - view.base and f.end - view.base <= verb_start
                and not MODIFIER.match(view.masked[f.end - view.base:]) and names.may_be_subject(f.surface, lang)
                and not inside_a_name(view.masked, f.end - view.base)
                and not after_preposition(view.masked, f.start - view.base, lang)
                and not (names.genitive_surname(f.surface, lang) and
                         roles.search(" ".join(view.words(clause_start, f.start - view.base)[-1:])))]

    @staticmethod
    def _subject_before(view: Paragraph, subjects: list[Found], verb: tuple[int, int], lang: str) -> str | None:
        masked, base = view.masked, view.base
        verb_start, verb_end = verb
        if subjects and participle(masked[verb_start:verb_end], lang) and masked[:verb_start].rstrip().endswith(","):
            return subjects[0].id  # ", describing …": the participle belongs to the sentence's subject
        for candidate in subjects:
            between = masked[candidate.end - base: verb_start]
            if between.lstrip().startswith(",") and between.rstrip().endswith(",") and len(WORD.findall(between)) <= 14:
                return candidate.id  # "Peskov, who speaks for Vladimir Putin, said": the name before the apposition
            words = WORD.findall(between)
            if words and words[0].lower() in packs.own(lang, "RELATIVE", []) and len(words) <= 12 and "," not in between:
                return candidate.id  # "Oleksandr Chalyi who heads the legal group added": the same without commas
        if subjects and len(WORD.findall(masked[subjects[-1].end - base: verb_start])) <= 6:
            return subjects[-1].id
        return None

    def _subject_after(self, view: Paragraph, verb_end: int, clause_end: int, lang: str, prepositional: bool,
                       before: Antecedents, position: int) -> str | None:
        """An inverted subject: "said Peskov", "according to Trump", "a explicat ministrul"."""
        masked, base = view.masked, view.base
        following = [f for f in view.people if verb_end <= f.start - base and f.end - base <= clause_end
                     and (prepositional or names.may_be_subject(f.surface, lang))]
        gap = masked[verb_end: following[0].start - base] if following else ""
        lower, words = len([w for w in WORD.findall(gap) if w[:1].islower()]), len(WORD.findall(gap))
        if following and (lower <= 1 and words <= 3 or  # "said Peskov", "said the Kremlin's Dmitry Peskov"
                          lang != "en" and lower <= 3 and words <= 6 and "," not in gap or  # a title between
                          # "said the E.U. foreign policy chief, Josep Borrell": a role, then the name
                          words <= 8 and gap.count(",") == 1 and gap.rstrip().endswith(",")
                          and bool(lexicon.role_pattern(lang).search(gap))):
            self.basis = "inverted"
            return following[0].id
        head = " ".join(WORD.findall(masked[verb_end:clause_end])[:4])
        if lexicon.role_pattern(lang).search(head):
            return self._role(head, before, position, lang)
        pronoun = lexicon.pronoun_pattern(lang).search(" ".join(WORD.findall(masked[verb_end:clause_end])[:1]))
        if pronoun:
            self.basis, self.pronoun = "pronoun", pronoun.group(0)
            return before.salient(position, pronoun.group(0))
        return None

    def speaker(self, view: Paragraph, index: int, speech: re.Pattern[str], lang: str, before: Antecedents,
                previous: Quotation | None) -> str | None:
        """Who said quotation `index` of the paragraph: a reporting verb next to it, the subject before a
        colon, else the speaker of the quotation just before (in this paragraph, or the paragraph before
        when this one opens with the quotation and names nobody); None when none of these is established."""
        quote = view.quotes[index]
        qs, qe = quote.start - view.base, quote.end - view.base
        sent_start, _ = view.sentence_of(qs)
        _, sent_end = view.sentence_of(max(qe - 1, 0))
        prev_end = view.quotes[index - 1].end - view.base if index else 0
        next_start = view.quotes[index + 1].start - view.base if index + 1 < len(view.quotes) else len(view.text)
        before_start, after_end = max(sent_start, prev_end), min(sent_end, next_start)
        self.basis, self.pronoun = "", None
        if a_name(view, index):
            self.basis = ABSTAINED
            return None
        what = what_subject(view, before_start, qs)
        if what is not False:  # someone's wording inside the clause: theirs, or nobody's
            self.basis = "what" if what else ABSTAINED
            return what.id if what else None
        speaker = self._by_verb(view, (before_start, qs), (qe, after_end), speech, lang, before)
        if speaker is None:
            speaker = self._by_naming(view, before_start, qs, lang, before)
        if speaker is None and view.masked[before_start:qs].rstrip().endswith(":"):
            # a name that can be the subject: not a modifier ("On tariffs during President Trump’s first term:"),
            # not part of a longer name
            near = [f for f in view.people if before_start <= f.start - view.base < qs and names.may_be_subject(f.surface, lang)
                    and not f.modifier and not inside_a_name(view.masked, f.end - view.base)]
            speaker = near[0].id if near else None  # "Zelenskyy thanked Biden … and invited him: “…”": the subject
            self.basis = "colon"
        if speaker is None and before_start > sent_start:
            speaker = self._after_quotation(view, (sent_start, before_start, qs), speech, lang, before)
        starts_sentence = not view.masked[sent_start:qs].strip()
        if speaker is None and self._named_after(view, qe, after_end, speech, lang):
            return None  # "“…,” says the Adviser-Commissioner … Daria Herasymchuk": someone not recognised
        if speaker is None and index and view.quotes[index - 1].speaker and (
                prev_end >= sent_start - 2 or starts_sentence or not clause_words(view.masked[prev_end:qs])) \
                and before.fits(view.quotes[index - 1].speaker, self.pronoun):  # not "…,” Peskov said. “…,” she added
            speaker = view.quotes[index - 1].speaker
            self.basis = "carried"
        if speaker is None and index == 0 and qs <= 1 and previous is not None \
                and view.number - previous.paragraph == 1 and not view.people:
            speaker = before.speaker_of(previous.paragraph)  # the last speaker there, of a quote or a verb
            speaker = speaker if speaker is None or before.fits(speaker, self.pronoun) else None
            self.basis = "carried-paragraph"
        if speaker is not None and self.basis.endswith("subject") and joined(view, speaker, sent_start, qs):
            self.basis = ABSTAINED  # "Leon Panetta and Chuck Hagel warned …, noting: “…”": no one person's words
            return None
        return speaker

    @staticmethod
    def _named_after(view: Paragraph, qe: int, after_end: int, speech: re.Pattern[str], lang: str) -> bool:
        """Whether a reporting verb that may take its subject after it follows the quotation closely (within
        AFTER words) and names someone the annotator did not recognise after it (two capitalised words in a
        row that are no person found): the quotation is theirs, not the speaker's of the quotation before.
        ("“…,” the diplomat said" names nobody new: a role for someone named before.)"""
        verb = next((v for v in speech.finditer(view.masked, qe, after_end) if view.usable(v, 0)), None)
        inverting = lexicon.inverting_pattern(lang)
        if verb is None or not few_words(view.masked, qe, verb.start(), AFTER) \
                or inverting is not None and not inverting.match(verb.group(0)):
            return False
        _, sent_end = view.sentence_of(verb.start())
        return any(not any(f.start - view.base < run.end() and run.start() < f.end - view.base for f in view.people)
                   for run in NAME_RUN.finditer(view.masked, verb.end(), sent_end))

    def _after_quotation(self, view: Paragraph, bounds: tuple[int, int, int], speech: re.Pattern[str], lang: str,
                         before: Antecedents) -> str | None:
        """A quotation later in a clause than another ("Haines said that the announcement of a “…” did not
        refer to a “…”"): the reporting verb that opens the sentence, before its first quotation, when its
        subject is named and nobody else is named between the quotations. A verb after the first quotation
        ("“…” are not discussed, said Zelenskyy in an interview for “Zygar” YouTube channel, “Rain” …")
        reports what stands before it, not the quotations after it."""
        sent_start, prev_end, qs = bounds
        if any(prev_end <= f.start - view.base < qs for f in view.people):
            return None
        first = min((q.start - view.base for q in view.quotes if sent_start <= q.start - view.base < qs), default=sent_start)
        speaker = self._by_verb(view, (sent_start, first), (qs, qs), speech, lang, before)
        if speaker is None or not self.basis.endswith(("subject", "inverted")):
            return None
        self.basis = "clause:" + self.basis
        return speaker

    def _by_naming(self, view: Paragraph, before_start: int, qs: int, lang: str, before: Antecedents) -> str | None:
        """A verb of naming shortly before the quotation ("Biden called Putin a “war criminal”"): the wording
        of its subject, when that subject is named (a pronoun or role that far is not trusted)."""
        naming = lexicon.naming_pattern(lang)
        verbs = [v for v in naming.finditer(view.masked, before_start, qs)
                 if view.usable(v, 0) and not modifier(view.masked, v.start(), lang)] if naming else []
        if not verbs or not few_words(view.masked, verbs[-1].end(), qs, 8):
            return None
        speaker = self.subject(view, (before_start, qs), verbs[-1].span(), lang, before)
        if speaker is None or self.basis != "subject":
            return None
        self.basis = "naming:subject"
        return speaker

    def _by_verb(self, view: Paragraph, ahead: tuple[int, int], behind: tuple[int, int], speech: re.Pattern[str],
                 lang: str, before: Antecedents) -> str | None:
        """The subject of a reporting verb just before the quotation (within 8 words), else just after it
        (within 4), else anywhere before it in the sentence."""
        masked = view.masked
        (before_start, qs), (qe, after_end) = ahead, behind
        before_verbs = [v for v in speech.finditer(masked[before_start:qs]) if view.usable(v, before_start)]
        after_text = masked[qe:after_end]
        after_verb = next((v for v in speech.finditer(after_text) if view.usable(v, qe)), None)

        def from_before(limit: int | None) -> str | None:
            if not before_verbs:
                return None
            verb = before_verbs[-1]
            if limit is not None and len(WORD.findall(masked[before_start + verb.end():qs])) > limit:
                return None
            if nested(view, before_start + verb.end(), qs):
                self.basis = ABSTAINED
                return None
            return self.subject(view, (before_start, qs), (before_start + verb.start(), before_start + verb.end()), lang, before)

        speaker = from_before(8)
        if speaker is not None:
            self.basis = "before:" + self.basis
            return speaker
        gap = len(WORD.findall(after_text[: after_verb.start()])) if after_verb else 0
        if after_verb and gap <= AFTER_NAMED:
            speaker = self.subject(view, (qe, after_end), (qe + after_verb.start(), qe + after_verb.end()), lang, before)
            # "“…,” House Majority Whip James Clyburn said": a long gap holds only for a named subject
            if speaker is not None and (gap <= AFTER or self.basis == "subject"):
                self.basis = "after:" + self.basis
                return speaker
        # A verb far before the quotation holds only when its subject is named there, before it: a pronoun or
        # role so far away was wrong more often than right, and a subject after its verb ("…, said Zelenskyy in
        # an interview for “Zygar” YouTube channel") closes the words the verb reports.
        speaker = from_before(None)
        # ... or when a role the knowledge base fits opens the sentence as its subject ("The Russian president
        # expressed confidence that … “…”"): the sentence's own subject, not a "he" across other names
        opening = bool(before_verbs) and view.sentence_of(before_start)[0] == before_start \
            and few_words(masked, before_start, before_start + before_verbs[-1].start(), 3)
        if speaker is None or self.basis != "subject" and not (self.basis == "role" and opening):
            return None
        self.basis = "far:" + self.basis
        return speaker
