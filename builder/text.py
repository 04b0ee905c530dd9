"""Small text helpers shared by every stage: slugs, name keys, Markdown escaping, dates.

Slugs are made here and nowhere else, so that a person's page name is the same wherever it is needed.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

from slugify import slugify as _slugify

from builder import lang as packs

# Page names the renderer uses for its own index pages: no article, person, event or topic may take them.
RESERVED_SLUGS = frozenset({"index", "page", "tags", "search", "assets", "feed", "timeline"})


def slug(text: str, fallback: str = "item") -> str:
    """A lowercase ASCII slug that cannot leave its folder (no dots, no slashes)."""
    made = _slugify(text or "", max_length=80, word_boundary=True, save_order=True)
    made = made.strip("-")
    if not made:
        made = fallback
    if made in RESERVED_SLUGS or re.fullmatch(r"page-\d+", made):
        made = f"{made}-1"
    return made


# Spellings of one name differ in transliteration (Dmitry/Dmitri/Dmitriy, Sergey/Sergei/Serghei,
# Zelensky/Zelenskyy/Zelenskiy). The key folds those differences so the spellings meet.
_KEY_RULES = (
    ("kh", "h"),
    ("gh", "g"),
    ("zh", "j"),
    ("ts", "c"),
    ("tz", "c"),
    ("ck", "k"),
    ("w", "v"),
    ("ph", "f"),
    ("yy", "i"),
    ("iy", "i"),
    ("ey", "ei"),
    ("y", "i"),
    ("ii", "i"),
    ("j", "i"),
)


def ascii_fold(text: str) -> str:
    """Transliterate to lowercase ASCII letters and spaces (Cyrillic included)."""
    return _slugify(text or "", separator=" ", lowercase=True)


CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ENGLISH_FORMS = {word: english for table in packs.every_dict("ENGLISH_NAME_FORMS") for word, english in table.items()}
_BEFORE_ROMANISING = packs.every("ROMAN_SPELLINGS")
_LETTERS_OF = {code: frozenset(packs.own(code, "OWN_LETTERS", "")) for code in ("ru", "uk")}


def script_language(name: str) -> str:
    """"uk" when a Cyrillic name has a letter only Ukrainian writes (і ї є ґ), else "ru"."""
    letters = set(name.lower())
    return "uk" if letters & _LETTERS_OF["uk"] and not letters & _LETTERS_OF["ru"] else "ru"


@lru_cache(maxsize=100_000)
def romanise(name: str, lang: str | None = None) -> str:
    """A Cyrillic name in Latin script by English-language convention; a Latin name unchanged.

    A given name whose English form is known is written so (the packs' ENGLISH_NAME_FORMS: "Барак" ->
    Barack, "Джо" -> Joe); "Дж" is J; the rest follows the romanisation English-language newspapers and
    Wikipedia use: for Russian, Wikipedia's (iuliia's WIKIPEDIA schema: "Юрий" -> Yury, "Дмитрий" ->
    Dmitry, "Евгений" -> Yevgeny, "-ий" -> -y), for Ukrainian the official table of 2010 that Ukraine's
    own English texts use (translitua: "Володимир" -> Volodymyr, "Андрій" -> Andrii). `lang` is the
    article's language when known; otherwise letters only Russian or only Ukrainian writes decide."""
    if not CYRILLIC.search(name or ""):
        return name
    lang = lang if lang in ("ru", "uk") else script_language(name)
    return " ".join(_romanise_word(word, lang) for word in name.split())


def _romanise_word(word: str, lang: str) -> str:
    if word in _ENGLISH_FORMS:
        return _ENGLISH_FORMS[word]
    if not CYRILLIC.search(word):
        return word
    for old, new in _BEFORE_ROMANISING:
        word = word.replace(old, new)
    if lang == "uk":
        import translitua

        return translitua.translit(word)
    import iuliia

    return iuliia.WIKIPEDIA.translate(word)


def name_key(name: str) -> str:
    """A key equal for transliteration variants of one name ("Sergey Lavrov" == "Serghei Lavrov"), in
    either script ("Барак Обама" == "Barack Obama": a Cyrillic name is romanised first)."""
    words = []
    # One table for every Cyrillic spelling, whatever its language, so that a Ukrainian spelling and a
    # Russian one meet ("Антоніу Гутерріш" / "Антониу Гутерриш": г is g here, h in Ukrainian display).
    for word in ascii_fold(romanise(name, "ru")).split():
        for old, new in _KEY_RULES:
            word = word.replace(old, new)
        word = re.sub(r"(.)\1+", r"\1", word)
        words.append(word)
    return " ".join(words)


def sound_key(name: str) -> str:
    """A looser key than name_key, for linking a name written in Cyrillic to the same name in Latin
    script, whose English spelling the romanisation cannot guess ("Тим Кук" / "Tim Cook", "Биньямин
    Нетаньяху" / "Benjamin Netanyahu"): each word's first letter, then its consonants, with c read as k
    except before e and i, h (not in ch, sh, zh) as g. Too loose to merge two Latin spellings; see
    builder.archive.index."""
    words = []
    for word in name_key(name).split():
        word = re.sub(r"(?<![csz])h", "g", word)  # Ukrainian г is h in English, Russian г g
        word = re.sub(r"c(?![ei])", "k", word)
        word = word[:1] + re.sub(r"[aeiou]", "", word[1:])
        words.append(re.sub(r"(.)\1+", r"\1", word))
    return " ".join(words)


# Python-Markdown's backslash-escapable characters (plus | for tables) that matter anywhere in a line,
# HTML's special characters as entities, and the marks that only matter at the start of a line.
_MD_INLINE = set("\\`*_{}[]!|")
_MD_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;", "~": "&#126;", "^": "&#94;"}
_MD_TABLE = str.maketrans({**{char: "\\" + char for char in _MD_INLINE}, **_MD_ENTITIES})
_MD_LINE_START = re.compile(r"^(?:[#+=-]|\d+[.)])")


def md_escape(text: str) -> str:
    """Escape text so Markdown and HTML render it as the characters it is, on one line. Runs of white
    space become one space; a space at either end is kept (the text may sit beside a link)."""
    escaped = re.sub(r"\s+", " ", text).translate(_MD_TABLE)
    start = _MD_LINE_START.match(escaped)
    if start:
        head = start.group(0)
        if head[0].isdigit():
            escaped = head[:-1] + "\\" + head[-1] + escaped[len(head):]
        elif head == "=":
            escaped = "&#61;" + escaped[1:]
        else:
            escaped = "\\" + escaped
    return escaped


def normalize_space(text: str) -> str:
    """Collapse runs of white space (including non-breaking) to one space."""
    return " ".join(text.replace("\u00a0", " ").split())


def nfc(text: str) -> str:
    """Unicode NFC, and Romanian cedilla letters (ş ţ) folded to the comma forms (ș ț)."""
    text = unicodedata.normalize("NFC", text)
    return text.translate(_FOLDED)


_FOLDED = str.maketrans(*map("".join, zip(*packs.strings("LETTER_FOLDS")))) if packs.strings("LETTER_FOLDS") else {}


# --- dates -----------------------------------------------------------------------------------------
# Month names in the languages of the archive, nominative and genitive. Kept here rather than in a
# date library: detection must find a date inside a line of text and say where it came from, and it
# must not turn words such as "may" or "now" into dates.
MONTHS: dict[str, int] = {}
for _number, _spellings in enumerate(zip(*packs.strings("MONTHS")), start=1):
    for _names in _spellings:
        for _name in _names.split():
            MONTHS[_name] = _number

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(?P<day>[0-3]?\d)" + "".join(packs.strings("ORDINAL_SUFFIX"))
_YEAR = r"(?P<year>(?:19|20)\d\d)"
DATE_PATTERNS = (
    re.compile(rf"\b{_YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"(?i)(?<!\w)(?P<mname>{_MONTH_ALT})\.?\s+{_DAY},?\s+{_YEAR}\b"),
    re.compile(rf"(?i)(?<!\w){_DAY}\.?\s+(?P<mname>{_MONTH_ALT})\.?,?\s+{_YEAR}(?:\s*(?:" + "|".join(packs.every("YEAR_SUFFIX")) + "))?"),
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
)


NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
"""Characters that are never text: control characters (tab and line ends stay) and the noncharacters
U+FFFE/U+FFFF. Python-Markdown uses some as placeholders, HTML forbids them and XML (the feeds) refuses them."""

FIRST_YEAR, LAST_YEAR = 1900, 2100
"""Dates outside these years are typing mistakes in this archive, and beyond them tools break (MkDocs'
gzip timestamps end in 2106, Python's dates begin in year 1)."""


def plausible(day: date) -> bool:
    """True for a date within FIRST_YEAR..LAST_YEAR."""
    return FIRST_YEAR <= day.year <= LAST_YEAR


def find_dates(text: str) -> list[tuple[int, int, date]]:
    """Every full date (day, month and year) in the text, as (start, end, date), in order."""
    found = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = int(parts["month"]) if parts.get("month") else MONTHS[parts["mname"].lower()]
            try:
                value = date(int(parts["year"]), month, int(parts["day"]))
            except ValueError:
                continue
            if plausible(value):
                found.append((match.start(), match.end(), value))
    found.sort(key=lambda item: item[0])
    kept: list[tuple[int, int, date]] = []
    for item in found:
        if kept and item[0] < kept[-1][1]:
            continue
        kept.append(item)
    return kept


def closest(word: str, choices: list[str] | set[str] | tuple[str, ...], count: int = 3) -> list[str]:
    """The choices most like the word, for "did you mean" hints."""
    import difflib

    return difflib.get_close_matches(word, sorted(choices), n=count, cutoff=0.5)
