"""Language packs: every word of a language lives in builder/lang/<code>.py and nowhere else."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT
from builder import lang as packs
from builder.annotate import lexicon
from builder.text import find_dates

BUILDER = ROOT / "builder"
PACKS = BUILDER / "lang"
# Letters that only Cyrillic or Romanian words have (a run of two Cyrillic letters is a word).
FOREIGN = re.compile(r"[\u0400-\u04ff]{2,}|(?=\w*[ăâîșțşţĂÂÎȘȚŞŢ])[^\W\d_]{2,}")
PACK_NAME = re.compile(r"^[A-Z_]+$")
REGEX_CALLS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}
CORE = ("CAPITALS", "SPEECH_VERBS", "PRONOUNS", "ROLES", "THAT", "ACCORDING_TO", "FIRST_PERSON", "AND", "GROUPS",
        "STATEMENT_HEAD", "TITLE_TAIL", "MONTHS", "WEEKDAYS", "CONNECTORS", "EVENT_WORDS")


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for index, statement in enumerate(body):
                # a module, class or function docstring, and the docstring of an attribute after its assignment
                if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant) \
                        and isinstance(statement.value.value, str) and (index == 0 or True):
                    found.add(id(statement.value))
    return found


def _strings(path: Path) -> list[tuple[int, str, bool]]:
    """(line, text, inside a regex call) for every string constant of a module that is not a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    in_regex: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in REGEX_CALLS:
            for argument in ast.walk(node):
                in_regex.add(id(argument))
    return [(node.lineno, node.value, id(node) in in_regex) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip]


def _english_words() -> set[str]:
    """Words of four letters or more from the English pack's word lists (not its prose)."""
    words: set[str] = set()
    for name in ("SPEECH_VERBS", "ROLES", "TITLES", "ACCORDING_TO", "NOT_A_CLAUSE", "NAME_MODIFIERS", "WEEKDAYS",
                 "ANONYMOUS_MIXED_LABELS", "CONNECTORS", "DATE_WORDS"):
        for item in getattr(packs.pack("en"), name):
            words.update(w.lower() for w in re.findall(r"[A-Za-z]{4,}", item))
    return words


def _modules() -> list[Path]:
    return sorted(p for p in BUILDER.rglob("*.py") if PACKS not in p.parents)


def test_no_module_outside_the_packs_holds_words_of_a_language():
    english = _english_words()
    found = []
    for path in _modules():
        for line, text, regex in _strings(path):
            if FOREIGN.search(text):
                found.append(f"{path.relative_to(BUILDER)}:{line}: {text[:60]!r}")
            elif regex and not PACK_NAME.match(text):
                hits = {w for w in re.findall(r"[A-Za-z]{4,}", text) if w.lower() in english}
                if hits:
                    found.append(f"{path.relative_to(BUILDER)}:{line}: English words {sorted(hits)} in a pattern")
    assert not found, "language words outside builder/lang:\n" + "\n".join(found)


def test_the_scan_finds_a_word_put_outside_the_packs(tmp_path):
    """The check above can fail: a module with a Russian word in a pattern, or an English reporting verb."""
    module = tmp_path / "m.py"
    module.write_text('import re\nA = re.compile(r"(?:заявил)")\nB = re.compile(r"(?:according to)\\b")\n',
                      encoding="utf-8")
    texts = _strings(module)
    assert any(FOREIGN.search(t) for _, t, _ in texts)
    assert any(r and {w for w in re.findall(r"[A-Za-z]{4,}", t)} & _english_words() for _, t, r in texts)


def test_every_language_has_a_pack_with_the_core_lists():
    assert packs.CODES == ("en", "ro", "ru", "uk")
    for code in packs.CODES:
        missing = [name for name in CORE if not packs.has(code, name)]
        assert not missing, f"{code}.py lacks {missing}"
        assert len(packs.pack(code).MONTHS) == 12


def test_an_unknown_language_falls_back_to_english():
    assert packs.pack("de") is packs.pack("en")
    assert lexicon.speech_pattern("de").search("the minister said on Monday")
    assert lexicon.first_person_pattern("de") is None


@pytest.mark.parametrize("lang, sentence, verb", [
    ("en", "The minister told reporters the talks would resume.", "told"),
    ("ro", "Ministrul de externe a declarat că negocierile vor continua.", "a declarat"),
    ("ru", "Министр иностранных дел заявил, что переговоры продолжатся.", "заявил"),
    ("uk", "Міністр закордонних справ заявив, що переговори триватимуть.", "заявив"),
])
def test_each_pack_finds_its_reporting_verb_and_conjunction(lang, sentence, verb):
    assert lexicon.speech_pattern(lang).search(sentence).group(0) == verb
    assert re.search(r"(?i)\b(?:" + lexicon.THAT + r")\b", sentence) or lang == "en"


@pytest.mark.parametrize("line, expected", [
    ("12 martie 2024", "2024-03-12"),
    ("5 марта 2022 года", "2022-03-05"),
    ("24 лютого 2022 року", "2022-02-24"),
    ("January 21st, 2022", "2022-01-21"),
])
def test_month_names_come_from_every_pack(line, expected):
    assert [str(d) for _, _, d in find_dates(line)] == [expected]
