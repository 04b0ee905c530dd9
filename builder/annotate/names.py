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

from builder import lang as packs

MORPHOLOGY = ("ru", "uk")
"""The languages whose dictionaries (pymorphy3) tag names."""
_CAPITALS = "".join(packs.pack(code).CAPITALS for code in MORPHOLOGY)
CAPITALISED_RUN = re.compile(r"(?<![\w’'-])[" + _CAPITALS + r"][\w’'-]*(?:[ \t\u00a0]+[" + _CAPITALS
                             + r"][\w’'-]*){1,4}(?![\w’'-])")
WORDS = re.compile(r"\S+")
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")
# Capitalised words that the dictionaries also know as first names but that head common phrases: names
# only when a surname follows.
NOT_NAMES = frozenset(word for code in MORPHOLOGY for word in packs.pack(code).NOT_NAMES)


@lru_cache(maxsize=2)
def _analyzer(lang: str):
    import pymorphy3  # loaded only for Russian and Ukrainian texts

    return pymorphy3.MorphAnalyzer(lang=lang)


@lru_cache(maxsize=200_000)
def _parses(lang: str, word: str) -> tuple:
    return tuple(_analyzer(lang).parse(word))


def _case(tag) -> str | None:
    return next((c for c in CASES if c in tag), None)


def _nominative(parse, word: str) -> str:
    inflected = parse.inflect({"nomn"})
    form = inflected.word if inflected is not None else parse.normal_form
    return "-".join(part[:1].upper() + part[1:] for part in form.split("-")) if form else word


def _pick(parses: tuple, grammeme: str, case: str | None, gender: str | None, cases: frozenset = frozenset()):
    """The parse with the grammeme, preferring the given case, a case among `cases` (those the next word
    can be in: the words of a name agree), the singular, and the given gender; None when there is none."""
    found = [p for p in parses if grammeme in p.tag]
    if not found:
        return None
    return max(found, key=lambda p: ((case in p.tag) if case else 0, _case(p.tag) in cases, "sing" in p.tag,
                                     (gender in p.tag) if gender else 0, p.score))


def find_names(text: str, lang: str) -> list[tuple[int, int, str, str]]:
    """(start, end, as written, nominative) for every name that starts with a first name."""
    if lang not in MORPHOLOGY:
        return []
    found = []
    for run in CAPITALISED_RUN.finditer(text):
        words = [(m.start() + run.start(), m.end() + run.start(), m.group(0)) for m in WORDS.finditer(run.group(0))]
        resume = 0
        for index, (start, _, word) in enumerate(words):
            if index < resume or index + 1 >= len(words):
                continue
            following_cases = frozenset(_case(p.tag) for p in _parses(lang, words[index + 1][2]))
            first = _pick(_parses(lang, word), "Name", None, None, following_cases)
            if first is None:
                continue
            if (first.score < 0.2 or first.normal_form in NOT_NAMES) and \
                    not any("Surn" in p.tag for p in _parses(lang, words[index + 1][2])):
                continue  # "Надежды", "Вера" are common nouns too: a name only before a surname
            case = _case(first.tag)
            gender = "femn" if "femn" in first.tag else "masc"
            parts, end, surname = [_nominative(first, word)], None, False
            for following, (_, word_end, other) in enumerate(words[index + 1:], start=index + 1):
                parses = _parses(lang, other)
                if _pick(parses, "Patr", case, gender) is not None and not any("Surn" in p.tag for p in parses):
                    end = word_end  # the patronymic belongs to the name but is not written in it
                    continue
                chosen = _pick(parses, "Surn", case, gender) or _pick(parses, "Name", case, gender)
                if chosen is not None and "Surn" not in chosen.tag and surname:
                    break  # a first name after a surname starts the next person ("Хиллари Клинтон Лиза Бардек")
                if not parses[0].is_known and (chosen is None or case not in chosen.tag):
                    # a surname the dictionary does not know: its guess in the first name's case
                    guesses = [p for p in parses if "NOUN" in p.tag and case in p.tag]
                    chosen = max(guesses, key=lambda p: ("sing" in p.tag, p.score)) if guesses else chosen
                if chosen is None:
                    break
                surname = surname or "Surn" in chosen.tag
                # A name already in the nominative stays as written when the dictionary has its word only in
                # another case or number ("Сергей Вахруков" is not the plural of a "Вахрук").
                as_written = case == "nomn" and not ("nomn" in chosen.tag and "sing" in chosen.tag)
                parts.append(other if as_written else _nominative(chosen, other))
                end, resume = word_end, following + 1
            if len(parts) >= 2 and end is not None:
                found.append((start, end, text[start:end], " ".join(parts)))
            else:
                break  # the run's first name did not start a name: the rest is not one either
    return found


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
