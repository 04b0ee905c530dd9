"""Who is a person, decided on the whole archive: a title-case phrase the model takes for a person in
one article ("Pell Grants", "Rose Garden", "Sputnik Light") is written in every article the same way, and
the archive holds what a single article does not — how the phrase is used everywhere it occurs.

A name outside the knowledge base is a person when the archive shows it as one: it is quoted (words in
quotation marks somewhere; a reported clause alone may be a company's or a court's), or its first word is a given name (builder/lang/given_names.txt, from Faker's first names of
every locale, by name key so that "Sergei", "Sergey" and "Сергей" are one), or at least one occurrence
stands in a person's place — an office or title just before it ("Prime Minister of Vietnam Nguyen Xuan
Phuc"), a reporting verb just after it ("Mirziyoyev said"). It is not one when none of that holds, or when
most of its occurrences are a thing's: written after an article or a preposition of place ("the Rose
Garden", "in St Petersburg") or in lower case ("common sense"), with no occurrence in a person's place.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from builder import lang as packs
from builder.annotate.lexicon import role_pattern, speech_pattern
from builder.model import AnnotatedArticle, Person
from builder.text import CYRILLIC, ascii_fold, name_key, script_language

GIVEN_NAMES = Path(packs.__file__).with_name("given_names.txt")
BEFORE = 48
"""Characters before an occurrence searched for an office or a determiner."""
AFTER = 32
"""Characters after it searched for a reporting verb."""


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The name keys of given names (builder/lang/given_names.txt, made by training/given_names.py)."""
    return frozenset(GIVEN_NAMES.read_text(encoding="utf-8").split())


@lru_cache(maxsize=100_000)  # asked of the same words for every name of the archive
def is_given_name(word: str) -> bool:
    """Whether a word is a given name in the lexicon: a Latin-script word as written (folded to ASCII), a
    Cyrillic word or an English spelling of a Russian or Ukrainian name by its name key ("Serhiy")."""
    lexicon = given_names()
    return ascii_fold(word).lower() in lexicon or "~" + name_key(word) in lexicon


def has_given_name(name: str) -> bool:
    """Whether a name starts with a given name ("Tim Cook", "Jean-Charles Ellermann-Kingombe",
    "Сергей Шойгу")."""
    words = name.split()
    return bool(words) and (is_given_name(words[0]) or is_given_name(words[0].split("-")[0]))


def _english_only(lang: str, name: str) -> list[str] | None:
    """A word list of the language's pack, English's for English text only (other packs have their own or none)."""
    return packs.own(lang, name) if packs.has(lang, name) or lang == "en" else None


@lru_cache(maxsize=None)
def _thing_before(lang: str) -> re.Pattern[str] | None:
    words = _english_only(lang, "THING_BEFORE")
    return re.compile(r"(?i)(?<!\w)(?:" + "|".join(words) + r")\s+$") if words else None


@lru_cache(maxsize=None)
def _office_of(lang: str) -> re.Pattern[str] | None:
    """A word right before a name that, after an office, makes the name the office's organisation."""
    words = _english_only(lang, "OFFICE_OF")
    return re.compile(r"(?i)(?<!\w)(?:" + "|".join(words) + r")\s+$") if words else None


@lru_cache(maxsize=None)
def _plural_after(lang: str) -> re.Pattern[str] | None:
    """A plural verb right after a name."""
    words = _english_only(lang, "PLURAL_AFTER")
    return re.compile(r"^\s+(?:" + "|".join(words) + r")(?!\w)") if words else None


_CAPITALISED = re.compile(r"(?:(?<!\S)[A-Z][\w.’'-]*\s+)+$")
_ITS_AFTER = re.compile(r"^(?:\s+[a-z]+){1,3}\s+its(?!\w)")
"""The name's clause going on with "its" ("Novo Nordisk announced its plans", "Lockheed Martin officially expressed
its interest"): a company's, not a person's."""


def _phrase_start(before: str, lang: str) -> str:
    """The text before a phrase without the capitalised words run into it, unless one is an office, a title or an
    honorific ("the United States| Supreme Court": a thing's determiner further back; "the President| Biden")."""
    run = _CAPITALISED.search(before)
    if run is None:
        return before
    words = {word.casefold().strip(".,’'") for word in run.group(0).split()}
    if words & (NAME_TITLES | HONORIFICS) or _title_before(lang).search(run.group(0)):
        return before
    return before[:run.start()]


_CLAUSE_START = re.compile(r"(?:^|[.!?:;\n]\s*)$")
"""Nothing, or the end of a sentence or a clause, before a name: the name opens it ("Tech Hubs are…"; not
"the records of John F. Kennedy are…", nor "Joe and Jill Biden are…")."""


@lru_cache(maxsize=None)
def _title_before(lang: str) -> re.Pattern[str]:
    """An office or a title among the last three words before a name."""
    titles = "|".join(sorted(packs.own(lang, "TITLES"), key=len, reverse=True))
    return re.compile(r"(?i)(?<!\w)(?:" + titles + r"|" + role_pattern(lang).pattern.removeprefix("(?<!\\w)")
                      .removesuffix("(?!\\w)") + r")\.?(?:\s+\S+){0,2}\s+$")


_POSSESSIVE = re.compile(r"\w[’']s$")


@lru_cache(maxsize=4096)
def _occurrence(spelling: str) -> re.Pattern[str]:
    """Whole-word occurrences of a spelling in any case (the lower-case ones are counted apart)."""
    return re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, spelling.split())) + r"(?![\w-])", re.IGNORECASE)


class Uses:
    """How a name is used across the archive: occurrences in a person's place, in a thing's, in all."""

    def __init__(self) -> None:
        self.person = 0
        self.thing = 0
        self.lower = 0
        self.total = 0

    def count(self, text: str, spelling: str, lang: str) -> None:
        pattern = _occurrence(spelling)
        thing, title, speech = _thing_before(lang), _title_before(lang), speech_pattern(lang)
        office_of, plural = _office_of(lang), _plural_after(lang)
        # a name with a given name first stands after an office's capitalised words ("the Presidential Executive
        # Office Anton Vaino"); a phrase without one after a thing's ("the United States Supreme Court")
        start = (lambda before: before) if has_given_name(spelling) else (lambda before: _phrase_start(before, lang))
        for match in pattern.finditer(text):
            if match.group(0) != spelling and match.group(0).islower():
                self.lower += 1
                continue
            if match.group(0) != spelling:
                continue
            self.total += 1
            before = text[max(0, match.start() - BEFORE):match.start()]
            after = text[match.end():match.end() + AFTER]
            # a thing's word right before the name wins over an office further back ("Vice President at
            # Lockheed Martin", "the Supreme Court said"), and an office "of"/"for" the name is its organisation's
            # ("Director of Head Start"); a plural verb after it makes it many things ("Tech Hubs are")
            determined = thing is not None and thing.search(start(before))
            if determined or (office_of is not None and office_of.search(before) and title.search(before)) or \
                    _ITS_AFTER.match(after):
                self.thing += 1
            elif title.search(before) or _speech_after(speech, after):
                self.person += 1
            elif plural is not None and plural.match(after) and _CLAUSE_START.search(before):
                self.thing += 1

    def mostly_a_thing(self) -> bool:
        return self.person == 0 and 2 * (self.thing + self.lower) > self.total + self.lower

    def add(self, other: Uses) -> None:
        """Other occurrences counted in (another article's, another spelling's)."""
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)


class Counts:
    """How each spelling is used in each article's text (Uses.count), remembered by the text: the counting is
    what judging names across the archive costs (most of indexing it), and a rebuild need count again only in
    the articles whose text changed. `known`: the counts of a previous index (Counts.used, as stored by the
    build: builder.pipeline.incremental), {text key: {spelling: [the Uses fields' values]}}; a text key is a
    digest of the article's language and text, so a count is never taken for another text. The counts are
    the same however they were found: only how long the index takes depends on `known`."""

    def __init__(self, known: dict[str, dict[str, list[int]]] | None = None):
        self.known = known or {}
        self.used: dict[str, dict[str, list[int]]] = {}
        """The counts this index asked for: what the next build is given."""
        self.counted = 0
        """Counts made afresh (the others were known)."""
        self._texts: dict[int, tuple[AnnotatedArticle, str, str]] = {}

    def uses(self, item: AnnotatedArticle, spelling: str) -> Uses:
        """How the spelling is used in the article (Uses.count on its paragraphs)."""
        key, text = self._text(item)
        values = self.known.get(key, {}).get(spelling)
        uses = Uses()
        if values is not None and len(values) == len(vars(uses)):
            for name, value in zip(vars(uses), values):
                setattr(uses, name, value)
        else:
            uses.count(text, spelling, item.article.lang)
            self.counted += 1
        self.used.setdefault(key, {})[spelling] = list(vars(uses).values())
        return uses

    def key(self, item: AnnotatedArticle) -> str:
        """The key of the article's counts: a digest of its language and text."""
        return self._text(item)[0]

    def _text(self, item: AnnotatedArticle) -> tuple[str, str]:
        known = self._texts.get(id(item.article))
        if known is None or known[0] is not item.article:
            text = "\n".join(item.article.paragraphs)
            key = hashlib.sha256(f"{item.article.lang}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()[:32]
            known = self._texts[id(item.article)] = (item.article, key, text)
        return known[1], known[2]


def _speech_after(speech: re.Pattern[str], after: str) -> bool:
    """A reporting verb in lower case among the first two words after the name ("X said", "X has said"; not "X,
    who said", nor "Eli Lilly and Novo Nordisk – announced", after an aside, nor "Sandy Hook Promise said", where
    the capitalised word goes on with a longer name, nor a heading's "Fact Sheet: Announcing")."""
    words = after.split()[:2]
    if not words or after.lstrip().startswith((",", ".", ":", "–", "—", "-", "(")) or words[0][:1].isupper():
        return False
    return any(word.islower() and speech.fullmatch(word.strip(".,;:")) for word in words)


def not_people(people: dict[str, Person], articles: list[AnnotatedArticle], counts: Counts | None = None) -> set[str]:
    """The ids of people outside the knowledge base (named by two words or more) that the archive does not
    show as people (see the module's docstring). A name the archive only writes in Cyrillic is nobody when it is a
    foreign name transcribed (_foreign: its romanisation would be no one's spelling); else it came from the
    dictionaries' first names: it is a person when one of its spellings starts with one, or when it is
    quoted and its first word is no common word ("Граждан России", citizens of Russia, and a heading's
    "Президента України" are nobody; "Дзироэмон Кимура", quoted, is someone). `counts`: how spellings are used
    in the articles, found or remembered (Counts)."""
    counts = counts if counts is not None else Counts()
    spoke = {s.id for item in articles for s in item.annotation.speakers}
    # words in quotation marks make a speaker; a reported clause alone may have a company or a court for its
    # subject ("Hills Bakery announced a $48.5 million investment", "the Supreme Court rejected"): such a speaker
    # needs the archive's other evidence
    quoted = {s.id for item in articles for s in item.annotation.speakers if any(q.direct for q in s.quotes)}
    where: dict[str, list[AnnotatedArticle]] = defaultdict(list)
    for item in articles:
        for ref in item.annotation.people:
            if ref.id in people and not people[ref.id].in_kb:
                where[ref.id].append(item)
    found = set()
    for pid, items in sorted(where.items()):
        person = people[pid]
        if len(person.name.split()) < 2:
            continue
        spellings = sorted({person.name, *person.aliases}, key=len, reverse=True)
        if any(_POSSESSIVE.search(word) for word in person.name.split()[:-1]):
            found.add(pid)  # "Biden’s Build Back Better": a name has no possessive inside it
        elif not_a_name(person.name):
            found.add(pid)  # "Whirlpool Corporation", "Saint Lucia", "Joe Joe", "Biden. I’m": quoted or not
        elif person.aliases and all(CYRILLIC.search(a) for a in person.aliases) and not _written(person.name, items):
            if _foreign(person.aliases):
                found.add(pid)  # "Уоррен Баффет" would be "Uorren Baffet": no page under a name nobody writes
            elif not any(has_given_name(a) for a in person.aliases) and (pid not in spoke or _common_word(person.aliases)):
                found.add(pid)
        elif pid in quoted:
            continue
        else:
            uses = _uses(items, spellings, counts)  # counted only for the names it decides
            if uses.mostly_a_thing() or (uses.person == 0 and _repeated(person.name)) or \
                    (not any(has_given_name(s) for s in spellings) and uses.thing >= 2 * uses.person):
                # without a given name, a phrase must be used as a person at least half as often as a thing ("the
                # Supreme Court said" 954 times against 11 after an office; "at Lockheed Martin" against "CEO,
                # Lockheed Martin")
                found.add(pid)
    return found


def _uses(items: list[AnnotatedArticle], spellings: list[str], counts: Counts) -> Uses:
    """How a person's spellings are used in the articles naming them, all together."""
    uses = Uses()
    for item in items:
        for spelling in spellings:
            uses.add(counts.uses(item, spelling))
    return uses


NOT_SURNAMES = frozenset(packs.every("NOT_SURNAMES"))
HONORIFICS = frozenset(packs.every("NAME_HONORIFICS"))
"""Honorifics and royal titles before a name ("Sheikh", "Amir", "Sultan"): never a whole name by themselves."""
NAME_TITLES = frozenset(packs.every("NAME_TITLES"))
"""Titles before a name in running text ("Justice", "Congresswoman"; builder.archive.identity)."""
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Generational suffixes: "Jr." and "III" end a name without being its surname."""
PLACE_NAMES = Path(packs.__file__).with_name("place_names.txt")
_CLOSED = re.compile(r"^(?:I[’']m|\w+[.,;:!?])$")
"""A word that ends a sentence or a clause ("Biden. I’m"): inside a name, only an initial has a stop."""
_INITIAL = re.compile(r"^(?:[A-Z]\.)+$|^(?:Jr|Sr|St|Dr|Mr|Mrs|Ms)\.$")


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Country names of two words or more, in lower case (builder/lang/place_names.txt, made by
    training/place_names.py from the Unicode CLDR's English territory names)."""
    return frozenset(PLACE_NAMES.read_text(encoding="utf-8").splitlines())


def _repeated(name: str) -> bool:
    """Whether a word of the name (not an initial) is written twice ("Joe Joe", "Alpha Kappa Alpha"): a
    person only when the archive shows it as one ("Abdullah Abdullah", the minister)."""
    words = [word.casefold() for word in name.split() if len(word.strip(".")) > 1]
    return len(set(words)) < len(words)


def not_a_name(name: str) -> bool:
    """Whether a name outside the knowledge base is, by its words alone, no person's: it ends with a word
    that ends organisations', laws' and cartoon characters' names and no surname ("Whirlpool Corporation",
    "Administrative Law", "Mickey Mouse"); it is a country ("Saint Lucia", "El Salvador"); a word inside it
    closes a sentence ("Biden. I’m") or places a company ("Germany-based Siemens"); it starts with a lone
    capital without a stop, a transcript's question mark "Q" run into the name of the person asked ("Q Karine");
    or it is made of honorifics alone ("Amir Sheikh").
    Such a phrase is not a person however the archive uses it: a company "announced", a character was
    "joined by" like a person, and the English model's PERSON label on it made it a speaker."""
    words = name.split()
    if not words:
        return False
    folded = [word.casefold().strip(".,") for word in words]
    if folded[-1] in NOT_SURNAMES or " ".join(folded) in place_names():
        return True
    if len(folded) == 2 and folded[-1] in ("jr", "sr"):
        return True  # "Rich Jr" is no name ("Elizabeth II" is a queen's)
    if any(word.endswith("-based") for word in folded) or (len(words[0]) == 1 and words[0].isupper()):
        return True  # a company's place ("Paris-based Saint-Gobain"); a transcript's "Q" run into a name ("Q Karine")
    if len(folded) > 1 and all(word in HONORIFICS for word in folded):
        return True  # honorifics alone ("Amir Sheikh", of "Amir Sheikh Tamim bin Hamad Al Thani")
    return any(_CLOSED.match(word) and not _INITIAL.match(word) for word in words[:-1]) or "I’m" in words \
        or "I'm" in words


NATIVE_SURNAME_ENDINGS = tuple(sorted(set(packs.every("NATIVE_SURNAME_ENDINGS")), key=len, reverse=True))


def _foreign(spellings: tuple[str, ...]) -> bool:
    """Whether a name the archive writes only in Cyrillic is a foreign name transcribed: no spelling ends with a
    Russian or Ukrainian surname's ending (the packs' NATIVE_SURNAME_ENDINGS: "Наталья Тимакова", "Олександр
    Яковенко" are native; "Уоррен Баффет", "Кейт Миддлтон", "Ким Чен Ын", "Елизавета II" are not). The
    romanisation writes a native name as English texts do, but cannot give a foreign one back its own spelling
    ("Uorren Baffet" for Warren Buffett): such a person has a page only once the archive holds the name in Latin
    script (an English article, the knowledge base), and stays in the text, unlinked, until then."""
    return not any(spelling.split()[-1].casefold().endswith(NATIVE_SURNAME_ENDINGS) for spelling in spellings)


def _common_word(spellings: tuple[str, ...]) -> bool:
    """Whether a Cyrillic name starts with a word the dictionary knows as a common word ("Президента"):
    a heading's office, not a foreign first name it does not know ("Дзироэмон Кимура")."""
    from builder.annotate.names import _parses  # pymorphy3, loaded only when a Cyrillic name is judged

    for spelling in spellings:
        first = spelling.split()[0]
        parses = _parses(script_language(first), first)
        if parses and parses[0].is_known and not any("Name" in p.tag or "Surn" in p.tag for p in parses):
            return True
    return False


def _written(name: str, items: list[AnnotatedArticle]) -> bool:
    """Whether any of the articles writes the name as it is."""
    return any(name in paragraph for item in items for paragraph in item.article.paragraphs)
