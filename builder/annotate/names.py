"""Russian and Ukrainian personal names, found by morphology and put in the nominative.

There is no named-entity model for these languages in the project; the OpenCorpora (Russian) and
VESUM (Ukrainian) dictionaries that pymorphy3 ships tag first names (Name), patronymics (Patr) and
surnames (Surn) in every case. A run of capitalised words that starts with a first name is a person
("Геннадия Афанасьева" -> "Геннадий Афанасьев", "Петера Маурера" -> "Петер Маурер"); the patronymic
is dropped ("Виктор Федорович Янукович" -> "Виктор Янукович").
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from builder import lang as packs
from builder.text import ascii_fold, romanise

MORPHOLOGY = ("ru", "uk")
"""The languages whose dictionaries (pymorphy3) tag names."""
_CAPITALS = "".join(packs.pack(code).CAPITALS for code in MORPHOLOGY)
PARTICLES = sorted({word for code in MORPHOLOGY for word in packs.pack(code).NAME_PARTICLES}, key=len, reverse=True)
"""Lowercase words inside a name ("Луис да Силва", "Урсула фон дер Ляєн"), kept as written."""
_WORD = r"[" + _CAPITALS + r"][\w’'ʼ-]*"
_GAP = r"[ \t\u00a0]+(?:(?:" + "|".join(PARTICLES) + r")[ \t\u00a0]+){0,2}"
CAPITALISED_RUN = re.compile(r"(?<![\w’'ʼ-])" + _WORD + r"(?:" + _GAP + _WORD + r"){1,5}(?![\w’'ʼ-])")
WORDS = re.compile(r"\S+")
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")
GENDERS = ("masc", "femn")
# Capitalised words that the dictionaries also know as first names but that head common phrases: names
# only when a surname follows.
NOT_NAMES = frozenset(word for code in MORPHOLOGY for word in packs.pack(code).NOT_NAMES)
NOT_SURNAME = frozenset({"Name", "Geox", "Orgn", "Abbr", "Trad"})
"""Kinds of noun that are not surnames (places, organisations, abbreviations, trade marks)."""
ADJECTIVE_SURNAMES = tuple(ending for code in MORPHOLOGY for ending in packs.pack(code).ADJECTIVE_SURNAMES)
"""How the surnames that decline as adjectives end ("Сколимовского" -> "Сколимовский"); other adjective
guesses are not surnames ("Силуановым" is not a "Силуановый")."""
BY_ENDING = 0.02
"""The score of a man's surname the dictionary does not know, in an oblique case, read by its ending (the
pack's SURNAME_ENDINGS): below a reading as written, so that it decides only when the first name shows
the case ("Сергея Скрипаля" -> Сергей Скрипаль)."""
AS_WRITTEN = 0.05
"""The score of a word taken as written (a surname the dictionary knows only as another word, in a name
whose first name is in the nominative: "Николай Панков", "Егор Кашин")."""


@lru_cache(maxsize=2)
def _analyzer(lang: str):
    import pymorphy3  # loaded only for Russian and Ukrainian texts

    return pymorphy3.MorphAnalyzer(lang=lang)


@lru_cache(maxsize=200_000)
def _parses(lang: str, word: str) -> tuple:
    return tuple(_analyzer(lang).parse(word))


@lru_cache(maxsize=200_000)
def _known(lang: str, word: str) -> bool:
    """Whether the dictionary holds the word (its parses are then not guesses)."""
    return _analyzer(lang).word_is_known(word.lower())


def _case(tag) -> str | None:
    return next((c for c in CASES if c in tag), None)


def _nominative(parse, word: str) -> str:
    inflected = parse.inflect({"nomn", "sing"}) or parse.inflect({"nomn"})
    form = inflected.word if inflected is not None else parse.normal_form
    if "ё" not in word.lower():  # most texts do not write ё: "Холдеру" -> "Холдер", not "Холдёр"
        form = form.replace("ё", "е")
    return "-".join(part[:1].upper() + part[1:] for part in form.split("-")) if form else word


def _is(parses: tuple, grammeme: str) -> bool:
    return any(grammeme in p.tag for p in parses)


def _fits(parse, case: str, gender: str, strict_gender: bool, known: bool) -> bool:
    """Whether a parse is a singular form in the case, of the gender (either gender for words of both,
    "ms-f", and, unless `strict_gender`, for words the dictionary does not know)."""
    tag = _grammemes(parse.tag)
    if case not in tag or ("plur" in tag and "Fixd" not in tag) or "Infr" in tag:  # the Ukrainian dictionary omits "sing"
        return False
    gendered = ("masc" in tag or "femn" in tag) and (strict_gender or known)
    return gender in tag or "ms-f" in tag or not gendered


@lru_cache(maxsize=20_000)
def _grammemes(tag) -> frozenset:
    """A tag's grammemes as plain strings (the Ukrainian tag set refuses to be asked about Russian ones)."""
    return frozenset(re.split(r"[ ,]", str(tag)))


def _slot(word: str, parses: tuple, known: bool, role: str, case: str, gender: str,
          lang: str = "ru") -> tuple[float, object, bool] | None:
    """The best reading of one word of a name in the given case and gender, as (score, the parse or None
    for the word as written, whether the dictionary's knowledge of the word shows the case): a first name (Name), patronymic (Patr) or
    surname (Surn) the dictionary tags so; for a surname also a first name (many are both), a noun the
    dictionary guesses (a foreign or rare name) or knows as another word ("Усика": усик), at half its score,
    or, when the name is in the nominative, the word as written. None when the word cannot be that part of
    the name in that case."""
    if role == "Given":  # a foreign man's first name in an oblique case ("Джареда"), read by its ending
        nominative = _given_by_ending(word, case, lang) if gender == "masc" and case != "nomn" else None
        return (0.5, nominative, True) if nominative else None
    roles = (role, "Name") if role == "Surn" else (role,)
    if role == "Surn" and not known:  # only guesses: a guessed surname counts double, a guessed first name
        # no more than a noun ("Негаммера"), an adjective only in the name's gender ("Кончаловского")
        tagged = [(p.score * (2 if "Surn" in p.tag else 1), p) for p in parses
                  if ("NOUN" in p.tag or _adjective_surname(p, gender))
                  and not _grammemes(p.tag) & {"Abbr", "neut"}
                  and _fits(p, case, gender, False, known)]
    else:
        tagged = [(p.score, p) for p in parses if any(r in p.tag for r in roles) and _fits(p, case, gender, True, known)]
    if not tagged and role == "Surn" and known:
        tagged = [(p.score * (0.5 if known else 1), p) for p in parses if ("NOUN" in p.tag
                  and "Name" not in p.tag and not (known and _grammemes(p.tag) & NOT_SURNAME)
                  or _adjective_surname(p, gender))  # "Грузинская": a known adjective of a surname's shape
                  and _fits(p, case, gender, False, known)]  # a guess's "place" or "organisation" is only a guess
    if not tagged and role == "Surn" and gender == "femn" and not word.endswith(("а", "я")):
        return AS_WRITTEN, None, False  # a woman's surname not in -а does not decline ("Кристины Фернандес")
    if not tagged and role == "Surn" and not known and gender == "masc" and case != "nomn":
        nominative = _surname_by_ending(word, case, lang)  # the guesser misreads it ("Сергея Скрипаля")
        if nominative != word:
            return BY_ENDING, nominative, True
    if not tagged:
        noun = not known or _is(parses, "NOUN")  # not an adjective or a verb the dictionary knows
        if case == "nomn" and (role == "Surn" and noun or (not known and _is(parses, role))):
            return AS_WRITTEN, None, False  # "Тилль Линдеманн", "Николай Панков"
        return None
    score, best = max(tagged, key=lambda item: item[0])
    # A name already in the nominative stays as written ("Сергей Вахруков", "Дженнифер Лопес").
    # Whether the reading shows the case: a word the dictionary knows and declines, or a guessed oblique form
    # of the name's gender that cannot be a nominative ("Гутеррішем", "Трумэна"), unlike "Роттоли", "Беллью"
    # (a feminine instrumental guessed for a man's surname) or a locative "-е" ("Конте").
    guessed = case in ("gent", "datv", "accs", "ablt") and gender in best.tag and not any("nomn" in p.tag for p in parses)
    shows = "Fixd" not in best.tag and (known or guessed)
    return score, None if case == "nomn" else best, shows  # a name in the nominative stays as written


def _adjective_surname(parse, gender: str) -> bool:
    """Whether a parse is an adjective in the name's gender shaped like a surname that declines as one
    ("Кончаловского", "Грузинская"; not "Силуановым")."""
    return "ADJF" in parse.tag and gender in parse.tag and parse.normal_form.endswith(ADJECTIVE_SURNAMES)


def _agree(words: list[str], roles: list[str], lang: str, cases: tuple[str, ...] = CASES) -> tuple[float, list[str], bool] | None:
    """The best reading of a name's words in one case and gender (the words of a name agree), as (score,
    nominatives, whether a word showed the case); None when they cannot agree. When no word the dictionary knows shows the case (foreign
    and indeclinable names: "Анджело Роттоли"), the words stay as written. On a tie the masculine reading
    wins ("Олександра Махова": Oleksandr Makhov's genitive or Oleksandra Makhova; the Ukrainian dictionary
    has no frequencies to choose by, and most people the news names are men)."""
    return _agreeing(tuple(words), tuple(roles), lang, cases)


@lru_cache(maxsize=50_000)
def _agreeing(words: tuple[str, ...], roles: tuple[str, ...], lang: str, cases: tuple[str, ...]) -> tuple[float, list[str], bool] | None:
    best = None
    for gender in GENDERS:
        for case in cases:
            read = [_slot(w, _parses(lang, w.strip("-")), _known(lang, w.strip("-")), role, case, gender, lang) if role else (0.0, None, False)
                    for w, role in zip(words, roles)]
            if any(r is None for r in read):
                continue
            score = sum(r[0] for r in read)
            if best is None or score > best[0]:
                best = (score, read)
    if best is None:
        return None
    if not any(shows for _, _, shows in best[1]):
        return best[0], list(words), False
    return best[0], [w if parse is None else parse if isinstance(parse, str) else _nominative(parse, w)
                     for w, (_, parse, _) in zip(words, best[1])], True


def _first_name(word: str, following: str, lang: str) -> bool:
    """Whether a word may open a name: the dictionary knows it as a first name, and a word that is also a
    common noun ("Надежды", "Вера") only before a surname; or its romanisation is a first name of the
    given-name lexicon and the dictionary knows the word as no other word ("Родриго", "Эстебан"; rare
    first names the dictionary scores low, "Маргарет", "Тони"), or knows it as another noun in the
    nominative and a surname follows ("Кэмерон Диаз", "Карел Шварценберг")."""
    if len(word) < 2:
        return False
    parses = _parses(lang, word)
    names = [p for p in parses if "Name" in p.tag]
    if (not names and not _known(lang, word) or names) and _foreign_given_name(word, lang):
        return True
    if not names and _oblique_given_name(word, lang):
        return True  # "Джареда Кушнера", "Кімбалом Маском": a foreign first name in an oblique case
    if not names and _foreign_given_name(word, lang) and _surname_shaped(following, lang) \
            and any("NOUN" in p.tag and "nomn" in p.tag for p in parses):
        return True  # a given name the dictionary knows as another noun, before a surname ("Карел Шварценберг")
    if not names:
        return False
    best = max(names, key=lambda p: p.score)
    common = best.normal_form in NOT_NAMES or word.lower() in NOT_NAMES
    # A known indeclinable first name's likelihood is spread over its seven case readings ("Йиржи", "Энди"):
    # the reading counts with every reading of that name (a guess's readings are only guesses).
    spread = sum(p.score for p in names if p.normal_form == best.normal_form and "plur" not in p.tag and "Infr" not in p.tag)
    score = max(best.score, spread if _known(lang, word) else 0.0)
    return (score >= 0.2 and not common) or _is(_parses(lang, following), "Surn")


def _oblique_given_name(word: str, lang: str) -> bool:
    """Whether a word the dictionary does not know is a foreign man's first name in an oblique case: put
    back in the nominative by the endings of a man's name (the pack's SURNAME_ENDINGS), it is a first name
    of the lexicon and not the word itself ("Джареда" -> Джаред)."""
    if _known(lang, word) or _foreign_given_name(word, lang):
        return False
    return any(_given_by_ending(word, case, lang) for case in packs.pack(lang).SURNAME_ENDINGS)


def _given_by_ending(word: str, case: str, lang: str) -> str | None:
    """The nominative of a foreign man's first name in the case, by its ending, when the lexicon knows it."""
    nominative = _surname_by_ending(word, case, lang)
    return nominative if nominative != word and _foreign_given_name(nominative, lang) else None


def _surname_shaped(word: str, lang: str) -> bool:
    """Whether a word may only be a surname here: the dictionary tags it so or does not know it."""
    return not _known(lang, word.strip("-")) or _is(_parses(lang, word), "Surn")


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """The Latin-script first names of the given-name lexicon (builder/lang/given_names.txt, made by
    training/given_names.py from Faker's first names of many languages)."""
    path = Path(packs.__file__).with_name("given_names.txt")
    return frozenset(line for line in path.read_text(encoding="utf-8").split() if not line.startswith("~"))


@lru_cache(maxsize=50_000)
def _foreign_given_name(word: str, lang: str) -> bool:
    """Whether a Cyrillic word is a foreign first name written in Cyrillic: its romanisation by English
    convention is in the lexicon ("Родриго" -> rodrigo, "Стив" -> steve)."""
    if word.lower() in NOT_NAMES or len(word) < 4:  # "Аль Тані"
        return False
    return ascii_fold(romanise(word, lang)).lower() in _given_names()


def _name_first(words: list[str], lang: str) -> tuple[int, str, bool] | None:
    """A name at the start of `words`: first name, an optional patronymic (dropped), a surname and the
    further surnames or particles of a compound one ("Мигель Диас-Канель Бермудес", "Луис да Силва"), as
    (words used, the name in the nominative, whether a word showed its case)."""
    if len(words) < 2 or not _first_name(words[0], words[1], lang):
        return None
    best = None
    for size in range(2, len(words) + 1):
        tail = words[1:size]
        if tail[-1] in PARTICLES:
            continue
        opening = _parses(lang, words[0])
        given = any("Name" in p.tag and "Infr" not in p.tag and "plur" not in p.tag for p in opening)
        # a foreign first name, read as leniently as a surname, or by its ending (see _first_name)
        roles = ["Name" if given else "Given" if _oblique_given_name(words[0], lang) else "Surn"]
        for position, word in enumerate(tail):
            parses = _parses(lang, word)
            if word in PARTICLES:
                roles.append("")
            elif position == 0 and _is(parses, "Patr") and not _is(parses, "Surn"):
                roles.append("Patr")  # never a surname: "Виктор Фёдорович" alone is no name
            else:
                roles.append("Surn")
        surnames = [w for w, r in zip(tail, roles[1:]) if r == "Surn"]
        if not surnames or len(surnames) > 2:
            continue
        if len(surnames) == 2 and _not_a_surname(surnames[0], surnames[1], lang):
            break
        read = _agree(words[:size], roles, lang)
        if read is None:
            continue
        kept = [form for form, role in zip(read[1], roles) if role != "Patr"]
        best = (size, " ".join(kept), read[2])
    return best


def _east_asian(words: list[str], lang: str) -> tuple[int, str, bool] | None:
    """A Chinese, Korean or Vietnamese name: a family name of the pack's EAST_ASIAN_SURNAMES, then one or
    two short given-name words that the dictionary does not know and that are no first name of the
    lexicon ("Ли Кэцян", "Ким Чен Ына", "Пак Кын Хе"; not "Ли Харви Освальд"), as (words used, the name,
    whether its case showed). The given name's last word declines in Russian ("Дэн Сяопина"); its
    nominative is read as a surname's, and the family name stays as written."""
    if len(words) < 2 or words[0] not in packs.pack(lang).EAST_ASIAN_SURNAMES or _is(_parses(lang, words[0]), "VERB"):
        return None  # a verb opening a sentence ("Дай Боже") is no family name
    given = []
    for word in words[1:3]:
        bare = _east_asian_nominative(word, lang)  # a syllable with a case ending ("Ына", "Ином")
        if len(word) > 10 or "-" in word or _foreign_given_name(word, lang) or len(bare) > 3 and (
                _is(_parses(lang, word), "Patr") or _known(lang, word) and not _is(_parses(lang, word), "Surn")):
            break  # a word the dictionary knows, unless a syllable of three letters at most ("Ким Чен Ын", "Ю На")
        given.append(word)
    if not given:
        return None
    last = _east_asian_nominative(given[-1], lang)
    return 1 + len(given), " ".join([words[0], *given[:-1], last]), last != given[-1]


def _east_asian_nominative(word: str, lang: str) -> str:
    """A syllable of an East Asian given name back in the nominative (the pack's EAST_ASIAN_ENDINGS)."""
    for oblique, nominative in packs.pack(lang).EAST_ASIAN_ENDINGS:
        if word.endswith(oblique) and len(word) > len(oblique):
            return word[: len(word) - len(oblique)] + nominative
    return word


def _not_a_surname(first: str, second: str, lang: str) -> bool:
    """Whether the word after a surname starts something else: a first name after a word the dictionary
    knows as a surname ("Хиллари Клинтон Лиза Бардек"), or a known word that is neither name nor surname."""
    first_parses, parses = _parses(lang, first), _parses(lang, second)
    if _is(first_parses, "Surn") and _is(parses, "Name") and not _is(parses, "Surn"):
        return True
    return _known(lang, second) and not (_is(parses, "Surn") or _is(parses, "Name"))


def _surname_first(words: list[str], lang: str) -> tuple[int, str, bool] | None:
    """Surname, first name and patronymic in one case, as official lists and decrees write them
    ("Підполковнику Вагоровському Едуарду Миколайовичу" -> "Едуард Вагоровський"), as (3, the name, True). The
    first name and patronymic settle the case; the surname is read in it when the dictionary can, and
    else by its ending (the language pack's SURNAME_ENDINGS: "Содолю" -> "Содоль")."""
    if len(words) < 3 or not _is(_parses(lang, words[2]), "Patr") or not _is(_parses(lang, words[1]), "Name"):
        return None
    if _known(lang, words[0]) and not _is(_parses(lang, words[0]), "Surn"):
        return None  # a word the dictionary knows as another word ("Портрет Анны Карловны", "Уважаемая Татьяна Васильевна")
    given = _agree(words[1:3], ["Name", "Patr"], lang)
    if given is None:
        return None
    shown = next((p for p in _parses(lang, words[1]) if "Name" in p.tag and _nominative(p, words[1]) == given[1][0]
                  and _case(p.tag)), None)
    case = _case(shown.tag) if shown is not None else None
    gender = "femn" if shown is not None and "femn" in shown.tag else "masc"
    if _known(lang, words[0]):  # a known surname in that case and gender ("Пушкина Виталий": no)
        if not any("Surn" in p.tag and _fits(p, case, gender, True, True) for p in _parses(lang, words[0])):
            return None
    read = _agree(words[:3], ["Surn", "Name", "Patr"], lang, (case,) if case else CASES)
    if read is None or read[1][1:] != given[1]:  # the surname has no reading in the case the first name and patronymic show
        return 3, f"{given[1][0]} {_surname_by_ending(words[0], case, lang)}", True
    return 3, f"{read[1][1]} {read[1][0]}", True


def _surname_by_ending(word: str, case: str | None, lang: str) -> str:
    """A man's surname in an oblique case put back in the nominative by its ending, when the dictionary
    has no reading of it in that case."""
    for oblique, nominative in packs.pack(lang).SURNAME_ENDINGS.get(case, ()):
        if word.endswith(oblique):
            stem = word[: len(word) - len(oblique)]
            if nominative == "ь" and stem[-1:].lower() in packs.pack(lang).VOWELS:
                nominative = "й"  # no soft sign after a vowel ("Карзая" -> Карзай)
            return stem + nominative
    return word


def span_name(words: list[str], lang: str) -> str | None:
    """The nominative of a name a recogniser found (its words, first name first), read as find_names reads
    one: the first word as a first name when the dictionary knows it as one, else as a given name in the
    same case as the rest (foreign given names the dictionary lacks: "Родриго Дутерте"). None when the
    words cannot agree or are not two to four capitalised words."""
    words = [w for w in words if w[:1].isupper() or w in PARTICLES]
    if not 2 <= len(words) <= 4 or words[-1] in PARTICLES:
        return None
    opening = _parses(lang, words[0])
    if not _is(opening, "Name") and _known(lang, words[0]):
        return None  # a word the dictionary knows, not as a first name ("Лозунг Фисуна")
    roles = ["Name" if _is(opening, "Name") else "Surn"]
    for position, word in enumerate(words[1:]):
        parses = _parses(lang, word)
        roles.append("" if word in PARTICLES else
                     "Patr" if position == 0 and _is(parses, "Patr") and not _is(parses, "Surn") else "Surn")
    if "Surn" not in roles[1:]:
        return None
    read = _agree(words, roles, lang)
    return " ".join(form for form, role in zip(read[1], roles) if role != "Patr") if read else None


def find_names(text: str, lang: str) -> list[tuple[int, int, str, str]]:
    """(start, end, as written, nominative) for every name: a first name, maybe a patronymic, and a
    surname, or a surname, first name and patronymic, whose words agree in case and gender."""
    if lang not in MORPHOLOGY:
        return []
    found, unsure = [], set()
    for run in CAPITALISED_RUN.finditer(text):
        spans = [(m.start() + run.start(), m.end() + run.start()) for m in WORDS.finditer(run.group(0))]
        words = [text[s:e] for s, e in spans]
        index = 0
        while index < len(words) - 1:
            if words[index] in PARTICLES:
                index += 1
                continue
            name = _surname_first(words[index:], lang) or _name_first(words[index:], lang)
            east = _east_asian(words[index:], lang)  # a family name first: its reading, when it declines
            if east is not None and (name is None or east[2] or east[0] > name[0]):  # or reads more words
                name = east
            if name is None:
                index += 1
                continue
            size, nominative, sure = name
            start, end = spans[index][0], spans[index + size - 1][1]
            found.append((start, end, text[start:end], nominative))
            if not sure:
                unsure.add((start, end))
            index += size
    found += _initialled(text, lang, found)
    return one_name_each(sorted(found), unsure)


_INITIALLED = re.compile(r"(?<![\w.’'ʼ-])((?:[" + _CAPITALS + r"]\.[ \t\u00a0]?){1,2})([" + _CAPITALS + r"][\w’'ʼ-]+)(?![\w’'ʼ-])")


def _initialled(text: str, lang: str, found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Names written as initials and a surname ("А.Бастрыкина", "В. Ю. Сурковым"), the surname put in the
    nominative by its own reading (a word the dictionary knows must be a surname to it): the full name found
    in the text with that surname and a first name of that initial, else the initials and the surname
    ("А. Абдулов")."""
    full = {}
    for *_, name in found:
        words = name.split()
        full.setdefault((words[0][:1], words[-1]), set()).add(name)
    names = []
    for match in _INITIALLED.finditer(text):
        if any(s < match.end() and match.start() < e for s, e, *_ in found):
            continue
        surname = match.group(2)
        parses = _parses(lang, surname)
        if _known(lang, surname) and not _is(parses, "Surn"):
            continue
        read = _agree([surname], ["Surn"], lang)
        if read is None:
            continue
        initials = re.findall(r"[" + _CAPITALS + r"]\.", match.group(1))
        owners = full.get((initials[0][0], read[1][0]), set())
        if len(owners) != 1 and not (read[2] and _is(parses, "Surn")):
            continue  # a surname the dictionary does not know, in a case nothing shows ("О.Умалу")
        name = next(iter(owners)) if len(owners) == 1 else " ".join([*initials, read[1][0]])
        names.append((match.start(), match.end(), match.group(0), name))
    return names


_LONE_WORD = re.compile(r"(?<![\w’'ʼ«\"„“.-])(" + _WORD + r")(?![\w’'ʼ-])")
_CAPITAL_PAIR = re.compile(r"(?<![\w’'ʼ-])([" + _CAPITALS + r"][\w’'ʼ-]+)[ \t\u00a0]+(?=([" + _CAPITALS + r"][\w’'ʼ-]*)(?![\w’'ʼ-]))")
_REGNAL = re.compile(r"[ \t\u00a0]+([IVX]{1,5})(?![\w’'ʼ-])")
_CAPITAL_BEFORE = re.compile(r"(?:(?<![\w’'ʼ-])[" + _CAPITALS + r"][\w’'ʼ-]*|(?<!\w)(?:" + "|".join(PARTICLES) + r"))[ \t\u00a0]+$")
_CAPITAL_AFTER = re.compile(r"[ \t\u00a0]+(?:(?:" + "|".join(PARTICLES) + r")[ \t\u00a0]+)?[" + _CAPITALS + r"]")


def lone_first_names(text: str, lang: str) -> list[tuple[int, int, str, str]]:
    """(start, end, as written, nominative) for each first name standing alone, not beside another
    capitalised word ("его дочь Юлия", "с супругой Людмилой", "Нашій команді – Давиду, Андрію"): a word
    the dictionary knows only as a first name (every reading a Name; a word that is also a common noun,
    "Роза", "Марку", or a surname, "Богдан", is not one), put in the nominative (a reading in which it is
    nominative keeps it as written). Whose name it is, and whether it names anyone, the caller decides."""
    if lang not in MORPHOLOGY:
        return []
    found = []
    second: dict[str, set[str]] = {}  # each capitalised word written after another: the words before it
    for pair in _CAPITAL_PAIR.finditer(text):
        second.setdefault(pair.group(2), set()).add(pair.group(1))
    for match in _LONE_WORD.finditer(text):
        word = match.group(1)
        before = _CAPITAL_BEFORE.search(text, max(0, match.start() - 60), match.start())
        if before and not _sentence_opener(text, before.start(), before.group(0).split()[0], lang) \
                or _CAPITAL_AFTER.match(text, match.end()):
            continue  # beside another capitalised word: part of a longer name or title the finder judged
        if "-" in word or len(word) < 3 or word.isupper() or word.lower() in NOT_NAMES or not _known(lang, word):
            continue
        parses = _parses(lang, word)
        if not parses or not all("Name" in p.tag and "Infr" not in p.tag for p in parses):
            continue
        if _is(parses, "Patr") or _is(parses, "Surn") or all("loct" in p.tag for p in parses):
            continue  # a locative needs a preposition before it ("Дедалі більше": an adverb the dictionary lacks)
        if any(_is(_parses(lang, before), "Name") or _foreign_given_name(before, lang) for before in second.get(word, ())):
            continue  # the text writes it after a first name: a surname here ("Серена Уильямс" … "с Уильямс")
        nominative = next((p for p in parses if "nomn" in p.tag and "plur" not in p.tag), None)
        name = word if nominative is not None else _nominative(max(parses, key=lambda p: p.score), word)
        regnal = _REGNAL.match(text, match.end(1))  # a monarch's or a pope's number ("Елизавета II")
        end = regnal.end() if regnal else match.end(1)
        found.append((match.start(1), end, text[match.start(1):end], f"{name} {regnal.group(1)}" if regnal else name))
    return found


def _sentence_opener(text: str, start: int, word: str, lang: str) -> bool:
    """Whether a capitalised word is a common word capitalised only because it opens a sentence ("Визит
    Елизаветы II", "Королева Елизавета"): the dictionary knows it, as no name or surname."""
    opens = not text[:start].strip() or text[:start].rstrip()[-1] in ".!?…»\"\n"
    parses = _parses(lang, word)
    return opens and _known(lang, word) and not (_is(parses, "Name") or _is(parses, "Surn"))


def first_name_forms(word: str, lang: str) -> set[str]:
    """Every nominative a first name as written may be the form of ("Олександра": Олександра, Олександр)."""
    return {word} | {_nominative(p, word) for p in _parses(lang, word) if "Name" in p.tag}


def one_name_each(found: list[tuple[int, int, str, str]], unsure: set[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """The names of one text with one spelling per person: a name left as written because nothing showed
    its case that is another found name in an oblique case ("Мигеля Диас-Канеля" beside "Мигель
    Диас-Канель"; not "Степан Бандера", a nominative the dictionary reads), or whose words begin a longer
    found name ("Кристина Фернандес" beside "Кристина Фернандес де Киршнер"), takes that name."""
    from builder.annotate.resolve import spelling_pattern

    names = sorted({name for *_, name in found}, key=lambda name: (-len(name.split()), name))
    patterns = {name: re.compile(spelling_pattern(name)) for name in names}

    def same(name: str, raw: str, sure: bool) -> str:
        for other in names:
            longer = len(other.split()) > len(name.split()) and other.split()[: len(name.split())] == name.split()
            oblique = not sure and other != name and patterns[other].fullmatch(raw)
            if longer or oblique:
                return other
        return name

    return [(start, end, raw, same(name, raw, (start, end) not in unsure)) for start, end, raw, name in found]


def may_be_subject(surface: str, lang: str) -> bool:
    """False when a mention of a person cannot be the subject of a verb because its words are in an
    oblique case ("Рафаелю Ґроссі", "Владимиру Путину"); True when it may be, or for other languages."""
    if lang not in MORPHOLOGY:
        return True
    words = surface.split()
    for word in words[:1] if len(words) > 1 else words:  # a first name's case is certain; foreign surnames' is not
        parses = _parses(lang, word)
        named = [p for p in parses if "Name" in p.tag or "Surn" in p.tag]  # "Путина" is also a common noun
        parses = tuple(named) or parses
        if parses and all(p.is_known for p in parses) and not any("nomn" in p.tag for p in parses):
            return False
    return True


def genitive_surname(surface: str, lang: str) -> bool:
    """Whether a one-word mention may be a surname in the genitive ("Представитель Путина")."""
    if lang not in MORPHOLOGY or " " in surface.strip():
        return False
    return any("Surn" in p.tag and "gent" in p.tag and "masc" in p.tag for p in _parses(lang, surface.strip()))


def unknown_name_pair(first: str, last: str, lang: str) -> bool:
    """Whether two capitalised words can be a name the dictionaries do not list ("Альфредо Скоссимарро"):
    each word is unknown to them or known as a first name (the first) or a surname (the second), and
    neither is a patronymic ("Виктор Федорович") or a word of another kind ("Reuters Ожидается")."""
    if lang not in MORPHOLOGY:
        return False
    for word, grammeme in ((first, "Name"), (last, "Surn")):
        if not re.fullmatch(r"[" + _CAPITALS + r"][\w’'-]+", word) or not re.search(r"[^\W\d_a-zA-Z]", word):
            return False
        parses = _parses(lang, word)
        if any("Patr" in p.tag for p in parses):
            return False
        if any(p.is_known for p in parses) and not any(grammeme in p.tag for p in parses if p.is_known):
            return False
    return True


def word_parses(word: str, lang: str) -> tuple:
    """pymorphy3's parses of a Russian or Ukrainian word, the most probable first."""
    return _parses(lang, word)
