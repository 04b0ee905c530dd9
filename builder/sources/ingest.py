"""File -> Article: decode, read the optional YAML header, strip boilerplate, infer title, date, language.

Nothing here knows about spaCy or the knowledge base beyond outlet names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Iterable

import ftfy
import yaml
from charset_normalizer import from_bytes

from builder import lang as packs
from builder.sources.corrections import KEYS as CORRECTION_KEYS, read_corrections
from builder.settings import unknown_keys
from builder.model import Article, Problem
from builder.text import FIRST_YEAR, LAST_YEAR, NOT_TEXT, find_dates, nfc, normalize_space, plausible
from builder.sources.yamlio import duplicate_keys, load_with_lines, strip_lines, yaml_error_line, yaml_error_text

HEADER_KEYS = {"title", "date", "outlet", "url", "lang"}
# Articles are refused above these sizes. The largest of the 13,520 real documents in the shared corpus is
# 177 kB; a 600,000-character article needs 2 GB and minutes to annotate (bench/big_article.py), and
# spaCy refuses texts over a million characters. A bigger file is a scrape gone wrong or several articles.
MAX_BYTES = 500_000
MAX_CHARS = 500_000
DEFAULT_LANGUAGES = ("en", "ro", "ru", "uk")


class IngestError(Exception):
    """An article that cannot be published; carries the problem to report."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


# --- boilerplate -------------------------------------------------------------------------------------
# Lines that scrapers leave in: share buttons, "read also" links, source lines, breadcrumbs, captions.
def _alternatives(name: str) -> str:
    return "|".join(packs.every(name))


BOILERPLATE = [re.compile(p, re.IGNORECASE) for p in (
    *packs.every("BOILERPLATE"),
    rf"^({_alternatives('READ_ALSO')})\s*:?",
    rf"^({_alternatives('ADVERTISEMENT')})$",
    rf"^({_alternatives('SUBSCRIBE')})\b.{{0,60}}$",
    rf"^({_alternatives('HOME')})\s*[›»>/|]",
    rf"^({_alternatives('HOME')})\s.{{0,200}}(\.\.\.|…)$",
    rf"^({_alternatives('PHOTO')})\s*:",
    rf"^({_alternatives('PHOTO')}) ({_alternatives('PHOTO_BY')})\b",
    rf"^({_alternatives('FOLLOW')})\b",
)]
CREDIT = re.compile("|".join(packs.strings("CREDIT")), re.IGNORECASE)
SOURCE_LINE = re.compile(rf"^(?:{_alternatives('SOURCE_PREFIX')})?(?:{_alternatives('SOURCE_WORDS')})\s*:\s*(?P<outlet>.{{1,60}})$", re.IGNORECASE)
WEEKDAYS = re.compile(rf"(?i)\b({_alternatives('WEEKDAYS')})\b")
DATE_LINE_WORDS = re.compile(rf"(?i)\b({_alternatives('DATE_WORDS')}|{_alternatives('TIME_WORDS')})\b")
SENTENCE_END = re.compile(r"[.!?…:;]['’\"”»)]*$")


# Bylines, credit and contributor lines, by their grammar: a list of names (capitalised words, initials,
# particles, joined by commas and "and") with a language's credit words around it. No outlet's own strings.
_CAP = packs.capitals()
_NAME_WORD = rf"(?:[{_CAP}][\w.'’‘-]*|(?:{_alternatives('NAME_PARTICLES')}))"
_NAME = rf"[{_CAP}][\w.'’‘-]*(?:\s+{_NAME_WORD}){{0,4}}"
_LIST_JOIN = rf"(?:\s*,\s*(?:(?:{_alternatives('AND')})\s+)?|\s+(?:{_alternatives('AND')})\s+|\s*&\s*)"
NAME_LIST = rf"{_NAME}(?:{_LIST_JOIN}{_NAME})*"
FURNITURE_LINES = [re.compile(p) for p in (
    # "By Michael D. Shear, Richard Pérez-Peña and Anton Troianovski", "By Jane Doe, Senior Adviser to …"
    rf"^(?i:{_alternatives('BYLINE')})\s+{NAME_LIST}(?:\s*,\s*[^.!?:;“”\"]{{0,120}})?\.?$",
    # "Reporting by A in Kyiv; Writing by B; Editing by C", "(Additional reporting by D)"
    rf"^[(\[—–-]*\s*(?i:{_alternatives('CREDIT_ROLES')})\s+(?i:{_alternatives('BYLINE')})\s+[{_CAP}][^!?“”\"]{{0,300}}$",
    # "CNN's A, B and C contributed to this report.", "A and B reported from Washington, C from New York."
    rf"^[—–-]?\s*(?:[{_CAP}][\w.&-]*(?:\s[{_CAP}][\w.&-]*)?['’]s\s+)?{NAME_LIST}\s+(?i:{_alternatives('CONTRIBUTED')})"
    rf"\b[^“”\"]{{0,200}}$",
)]
BIO = re.compile(rf"^{_NAME}\s+(?i:{_alternatives('IS')})\s+[^.]{{0,100}}?\b(?i:{_alternatives('JOURNALISTS')})\b")
CONTACT = re.compile(rf"(?i)(?:{_alternatives('CONTACT')})")


def is_boilerplate(line: str) -> bool:
    """True for a scraped line that is not part of the article."""
    return any(p.search(line) for p in BOILERPLATE) or bool(CREDIT.search(line)) or is_credit_line(line)


def is_credit_line(line: str) -> bool:
    """A byline, a credit line or a contributor line: names of the people who made the page, not of the news."""
    return len(line) <= 400 and any(p.match(line) for p in FURNITURE_LINES)


def is_reporter_bio(paragraph: str, last: bool) -> bool:
    """A reporter bio ("A is the Washington bureau chief for MarketWatch. Follow him on Twitter"): a name, "is",
    a trade of the press; at the article's end or with a way to reach the reporter (a sentence about a
    journalist in the news has neither)."""
    return len(paragraph) <= 700 and bool(BIO.match(paragraph)) and (last or bool(CONTACT.search(paragraph)))


def _teaser(paragraph: str) -> bool:
    """A short line that ends no sentence and is not a list item, a table row, a date, a label, a name with
    its office after a comma or a cut-off remark: the shape of a related headline or a promotion."""
    words = _words(paragraph)
    if not 3 <= words <= 16 or len(paragraph) > 140 or not paragraph[:1].isupper():
        return False
    if re.search(r"[(:|,\d]|[–—-]$", paragraph) or find_dates(paragraph):
        return False
    return not SENTENCE_END.search(paragraph) or paragraph.endswith(("...", "…"))


def _headline_run(paragraphs: list[str], start: int, end: int) -> bool:
    """Two or more teasers in a row after the first paragraph, written as sentences (lowercase words: a
    list of names and offices has few), with nothing but short lines after them (the page's tail)."""
    if start == 0 or end - start < 2:
        return False
    prose = all(len(re.findall(r"(?<!\S)[a-z][a-z’']{2,}\b", p)) >= 3 for p in paragraphs[start:end])
    return prose and all(_words(p) <= 30 for p in paragraphs[end:])


def drop_furniture(paragraphs: list[str], removed: list[str]) -> list[str]:
    """Paragraphs without reporter bios and runs of related headlines (see _headline_run); what is dropped
    goes to `removed`."""
    kept: list[str] = []
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        end = index
        while end < len(paragraphs) and _teaser(paragraphs[end]):
            end += 1
        if _headline_run(paragraphs, index, end):
            removed.extend(paragraphs[index:end])
            index = end
            continue
        if is_reporter_bio(paragraph, index >= len(paragraphs) - 2):
            removed.append(paragraph)
        else:
            kept.append(paragraph)
        index += 1
    return kept


def date_only(line: str) -> date | None:
    """The date, when the line is nothing but a date (with weekday, time or "Updated")."""
    found = find_dates(line)
    if len(found) != 1:
        return None
    start, end, value = found[0]
    rest = (line[:start] + " " + line[end:]).strip()
    rest = WEEKDAYS.sub(" ", rest)
    rest = DATE_LINE_WORDS.sub(" ", rest)
    rest = re.sub(r"[\d:.,|/()\s–—-]+", "", rest)
    return value if not rest else None


def _words(line: str) -> int:
    return len(line.split())


def _is_chrome(line: str) -> bool:
    """A site name, section label, city dateline or breadcrumb above the headline."""
    if _words(line) <= 2 and not SENTENCE_END.search(line):
        return True
    letters = [c for c in line if c.isalpha()]
    if letters and _words(line) <= 4 and all(c.isupper() for c in letters):
        return True
    return line.endswith(("...", "…")) and _words(line) > 3


def _is_headline(line: str) -> bool:
    words = _words(line)
    if words < 2 or words > 30 or len(line) > 220:
        return False
    return not line.rstrip("'’\"”»").endswith((".", ":", ";", ","))


# --- decoding and the header ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Decoded:
    """A file's text after decoding, with its warnings."""

    text: str
    """The text, NFC, with LF line ends."""
    warnings: tuple[Problem, ...]
    """What was repaired on the way."""


def decode(raw: bytes, shown: str) -> Decoded:
    """Bytes -> text. UTF-8 (with or without a BOM) is read as it is; UTF-16 with a BOM and 8-bit encodings
    (Windows-1252, Latin-1, Windows-1250/1251, KOI8) are decoded with a warning; mojibake is repaired with a
    warning; anything else is refused as binary."""
    warnings: list[Problem] = []
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16").lstrip("\ufeff")
        except UnicodeDecodeError:
            raise IngestError(Problem(shown, None, "the file starts like UTF-16 text but is not; save it as UTF-8.")) from None
        warnings.append(Problem(shown, None, "the file is UTF-16; it was read as such. Save it as UTF-8 to be sure.", "warning"))
    elif b"\x00" in raw[:8192]:
        raise IngestError(Problem(shown, None, "this is a binary file, not text; remove it from the articles folder."))
    else:
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            text, encoding = _decode_8bit(raw, shown)
            warnings.append(Problem(shown, line, f"the file is not UTF-8; it was read as {encoding}. Save it as UTF-8 to be sure.",
                                    "warning"))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text, repaired_line = _repair(text)
    if repaired_line:
        warnings.append(Problem(shown, repaired_line, "garbled characters (mojibake such as 'â€™' for '’') were repaired; "
                                "check the text, or save the original as UTF-8.", "warning"))
    return Decoded(nfc(text), tuple(warnings))


# Control characters and U+FFFE/U+FFFF are never article text (builder.text.NOT_TEXT); tab and line feed stay.
CONTROL = NOT_TEXT

# Encodings a non-UTF-8 article in this archive's languages comes in (English, Romanian, Russian, Ukrainian).
EIGHT_BIT = ["cp1252", "latin_1", "cp1250", "iso8859_2", "iso8859_16", "cp1251", "koi8_r", "koi8_u"]
ENCODING_NAMES = {"cp1252": "Windows-1252", "latin_1": "Latin-1", "cp1250": "Windows-1250", "iso8859_2": "Latin-2",
                  "iso8859_16": "Latin-10", "cp1251": "Windows-1251", "koi8_r": "KOI8-R", "koi8_u": "KOI8-U"}


def _decode_8bit(raw: bytes, shown: str) -> tuple[str, str]:
    """(text, encoding name) for bytes that are not UTF-8: charset-normalizer picks among EIGHT_BIT; bytes
    that no encoding reads as language are refused as binary."""
    matches = list(from_bytes(raw, cp_isolation=EIGHT_BIT))
    if not matches:
        raise IngestError(Problem(shown, None, "this file is not text in any encoding the builder knows (it looks binary); "
                                  "remove it, or save it as UTF-8 text."))
    # charset-normalizer cannot tell Western from Central European letters in a short Latin text with no
    # language to recognise; then the more common encoding (earlier in EIGHT_BIT) is the better guess.
    best = min(matches, key=lambda m: (round(m.chaos, 2), -round(m.coherence, 2), EIGHT_BIT.index(m.encoding)))
    same = [e for e in EIGHT_BIT if e == best.encoding or e in best.could_be_from_charset]
    return str(best), ENCODING_NAMES[same[0]]


# Only ftfy's encoding repairs: curly quotes, full-width letters, ligatures, entities and control characters
# are the article's own characters; line ends and Unicode normalisation are done by decode().
_REPAIR = ftfy.TextFixerConfig(unescape_html=False, fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False,
                               fix_line_breaks=False, remove_control_chars=False, remove_terminal_escapes=False,
                               normalization=None, explain=False)


def _repair(text: str) -> tuple[str, int | None]:
    """Mojibake repaired by ftfy ("â€™" -> "’"), and the first line it changed (None when nothing was)."""
    if text.isascii():
        return text, None
    fixed = ftfy.fix_text(text, _REPAIR)
    if fixed == text:
        return text, None
    for number, (before, after) in enumerate(zip(text.split("\n"), fixed.split("\n")), start=1):
        if before != after:
            return fixed, number
    return fixed, 1


def split_header(text: str, shown: str) -> tuple[dict, str, int]:
    """(header, body, first line of body). A header is a YAML mapping between two '---' lines at the top."""
    if not text.startswith("---\n"):
        return {}, text, 1
    end = re.search(r"^(---|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if end is None:
        raise IngestError(Problem(shown, 1, "the YAML header opened with '---' is never closed; end it with a line '---'."))
    header_text = text[4: 4 + end.start()]
    body = text[4 + end.end():].lstrip("\n")
    body_line = text[: len(text) - len(body)].count("\n") + 1
    try:
        header = load_with_lines(header_text) if header_text.strip() else {}
    except yaml.YAMLError as error:
        line = yaml_error_line(error)
        raise IngestError(Problem(shown, (line + 1) if line else 1,
                                  f"the YAML header is not valid YAML ({yaml_error_text(error)}); fix it or remove it.")) from None
    if header is None:
        header = {}
    if not isinstance(header, dict):
        raise IngestError(Problem(shown, 2, f"the YAML header must be a mapping of key: value lines, found a {type(header).__name__}."))
    for key, line, first in duplicate_keys(header)[:1]:
        raise IngestError(Problem(shown, line + 1, f"the header gives '{key}' twice (first on line {first + 1}); keep one."))
    return header, body, body_line


# Header values that are text; numbers and dates given unquoted (title: 1984) are taken as they are written.
TEXT_VALUES = (str, int, float, date)


def _header_date(value, shown: str, line: int, warnings: list[Problem]) -> date:
    if isinstance(value, datetime):
        warnings.append(Problem(shown, line, f"the header date '{value}' has a time; only its day, {value.date()}, is used.",
                                "warning"))
        value = value.date()
    if not isinstance(value, date):
        try:
            value = date.fromisoformat(str(value).strip())
        except ValueError:
            raise IngestError(Problem(shown, line, f"the header date '{value}' is not a date; write it as YYYY-MM-DD.")) from None
    if not plausible(value):
        raise IngestError(Problem(shown, line, f"the header date {value} is not between {FIRST_YEAR} and {LAST_YEAR}; "
                                  "check the year."))
    return value


def _header_values(header: dict, shown: str) -> tuple[dict, list[Problem]]:
    values: dict = {}
    warnings: list[Problem] = []
    lines = header.get("__key_lines__", {})
    fields = strip_lines(header)
    warnings += unknown_keys(fields, HEADER_KEYS | set(CORRECTION_KEYS), shown, lambda key: lines.get(key, 1) + 1,
                             "header key", " (ignored)")
    for key, value in fields.items():
        line = lines.get(key, 1) + 1
        if key not in HEADER_KEYS:
            continue
        if value is None or value == "":
            continue
        if key == "date":
            values["date"] = _header_date(value, shown, line, warnings)
        elif isinstance(value, bool) or not isinstance(value, TEXT_VALUES):
            kind = {list: "a list", dict: "a mapping", bytes: "binary data", set: "a set", bool: "true or false"}.get(
                type(value), f"a {type(value).__name__}")
            raise IngestError(Problem(shown, line, f"the header {key} must be text, found {kind}; write it as plain text."))
        elif key == "lang":
            code = str(value).strip().lower()
            if not re.fullmatch(r"[a-z]{2,3}", code):
                raise IngestError(Problem(shown, line, f"the header lang '{value}' is not a language code such as en, ro, ru or uk."))
            values["lang"] = code
        else:
            values[key] = normalize_space(str(value))
    return values, warnings


# --- paragraphs ----------------------------------------------------------------------------------------

def _paragraphs(lines: Iterable[str]) -> list[str]:
    """Blocks separated by blank lines; inside a block, a line that does not end a sentence and is
    followed by a lowercase line is a soft wrap and is joined."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in list(lines) + [""]:
        stripped = normalize_space(line)
        if not stripped:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if current and not SENTENCE_END.search(current[-1]) and stripped[:1].islower():
            current.append(stripped)
            continue
        if current:
            paragraphs.append(" ".join(current))
        current = [stripped]
    return paragraphs


def _drop_repeated_subheads(paragraphs: list[str]) -> list[str]:
    """A scraped sub-heading that repeats the start of the next paragraph is dropped."""
    kept = []
    for index, paragraph in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        if following and len(paragraph) < len(following) and (
            following.startswith(paragraph) or following.startswith(paragraph.rstrip(".")) or
            _tail_in(paragraph, following)
        ):
            continue
        kept.append(paragraph)
    return kept


def _tail_in(short: str, long: str) -> bool:
    """True when the short line is the end of the long one's first sentence (a repeated subhead)."""
    words = short.rstrip(".").split()
    return len(words) >= 6 and " ".join(words[-6:]) in long[: len(short) + 80]


# --- the whole article ---------------------------------------------------------------------------------

def lead_title(paragraphs: list[str], words: int = 14) -> str:
    """A title made from the first sentence when the text has no headline."""
    if not paragraphs:
        return "Untitled"
    first = re.split(r"(?<=[.!?])\s", paragraphs[0], maxsplit=1)[0]
    parts = first.split()
    if len(parts) <= words:
        return first.rstrip(".") or "Untitled"  # a first sentence of dots only
    return " ".join(parts[:words]).rstrip(",;:") + "…"


def detect_language(text: str, languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> str:
    """ISO code of the text's language, among the configured ones."""
    from builder.sources.langid import identify

    return identify(text, languages)


def ingest_text(text: str, source: str, slug: str, shown: str | None = None,
                languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> tuple[Article, list[Problem]]:
    """Decoded text -> Article and warnings. Raises IngestError when the article cannot be used."""
    shown = shown or source
    text = CONTROL.sub("", text)
    if not text.strip():
        raise IngestError(Problem(shown, None, "the file is empty (or only white space); add the article text or remove the file."))
    header, body, body_line = split_header(text, shown)
    values, warnings = _header_values(header, shown)
    corrections, problems = read_corrections(header, shown, tuple(k for k in sorted(HEADER_KEYS) if k in values))
    warnings += problems
    lines = body.split("\n")

    removed: list[str] = []
    outlet = values.get("outlet")
    kept_lines: list[str] = []
    for line in lines:
        stripped = normalize_space(line)
        if stripped and is_boilerplate(stripped):
            removed.append(stripped)
            match = SOURCE_LINE.match(stripped)
            if match and not outlet:
                outlet = match.group("outlet").strip().rstrip(".")
            continue
        kept_lines.append(line)

    title = values.get("title")
    title_source = "header" if title else ""
    top_dates: list[tuple[date, bool, bool]] = []  # (date, before the title, has a weekday)
    body_start = 0
    nonempty_seen = 0
    for index, line in enumerate(kept_lines):
        stripped = normalize_space(line)
        if not stripped:
            body_start = index + 1
            continue
        nonempty_seen += 1
        if nonempty_seen > 8:
            break
        found = date_only(stripped)
        if found:
            top_dates.append((found, not title_source, bool(WEEKDAYS.search(stripped))))
            removed.append(stripped)
            body_start = index + 1
            continue
        if not title_source:
            if _is_chrome(stripped):
                removed.append(stripped)
                body_start = index + 1
                continue
            if _is_headline(stripped):
                title, title_source = stripped, "text"
                body_start = index + 1
                continue
        break

    paragraphs = drop_furniture(_drop_repeated_subheads(_paragraphs(kept_lines[body_start:])), removed)
    if not paragraphs:
        raise IngestError(Problem(shown, None, "the article has a title but no text; add the text or remove the file."))
    length = sum(len(p) + 2 for p in paragraphs)
    if length > MAX_CHARS:
        raise IngestError(Problem(shown, None, f"the article is too long to annotate ({length:,} characters; the limit is "
                                  f"{MAX_CHARS:,}); split it into several files."))
    if not title:
        title, title_source = lead_title(paragraphs), "lead"

    article_date, date_source = values.get("date"), "header" if values.get("date") else "none"
    if article_date is None:
        after = [d for d, before, _ in top_dates if not before]
        before = [d for d, was_before, weekday in top_dates if was_before and not weekday]
        if after or before:
            article_date, date_source = (after or before)[0], "dateline"
    if article_date is None:
        opening = paragraphs[0][:120]
        found = find_dates(opening)
        if found and re.search(r"[—–-]|\(", opening[found[0][1]: found[0][1] + 40]) and found[0][0] < 60:
            article_date, date_source = found[0][2], "dateline"
    if article_date is None:
        for paragraph in paragraphs[:2]:
            found = find_dates(paragraph)
            if found:
                article_date, date_source = found[0][2], "text"
                break

    lang = values.get("lang")
    lang_source = "header" if lang else "detected"
    if not lang:
        lang = detect_language(title + "\n" + "\n".join(paragraphs[:8]), languages)

    article = Article(
        source=source, slug=slug, title=title, title_source=title_source, date=article_date,
        date_source=date_source, lang=lang, lang_source=lang_source, outlet=outlet, url=values.get("url"),
        paragraphs=tuple(paragraphs), removed=tuple(removed), corrections=corrections,
    )
    return article, warnings


def read_decoded(path: Path, source: str) -> Decoded:
    """A file's decoded text, or IngestError when it is too large to be one article (the one size rule of
    `build` and `check`)."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise IngestError(Problem(source, None, f"the file is too large to be one article ({size / 1e6:.1f} MB; the limit is "
                                  f"{MAX_BYTES // 1000:,} kB); split it into several files or remove it."))
    return decode(path.read_bytes(), source)


def read_article(path: Path, source: str, slug: str, languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> tuple[Article, list[Problem]]:
    """Read one file into an Article. Raises IngestError (with the problem) when it cannot be used."""
    decoded = read_decoded(path, source)
    article, warnings = ingest_text(decoded.text, source, slug, languages=languages)
    return article, [*decoded.warnings, *warnings]
