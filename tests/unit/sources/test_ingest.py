from datetime import date

import pytest

from builder.sources.ingest import IngestError, decode, ingest_text, read_article
from tests.conftest import seed


def read_seed(seeds, number):
    path = seed(seeds, number)
    return read_article(path, path.name, path.stem)[0]


def test_seed_003_is_dated_by_its_dateline_not_the_scrape_header(seeds):
    article = read_seed(seeds, "003")
    assert article.date == date(2022, 1, 29)
    assert article.date_source == "dateline"
    assert article.title.startswith("‘Little ground for optimism’: Kremlin says")
    assert article.outlet == "Politico"
    body = "\n".join(article.paragraphs)
    assert "MyDosti" not in body and "Courtesy/Source" not in body and "Nikolsky" not in body


def test_seed_004_is_romanian_and_loses_its_read_also_line(seeds):
    article = read_seed(seeds, "004")
    assert article.lang == "ro"
    assert not any(p.startswith("CITEȘTE ȘI") for p in article.paragraphs)
    # the scraped sub-headings that repeat the next paragraph's opening are gone
    assert not any(p.startswith("Potrivit lui Peskov, întâlnirea") for p in article.paragraphs)


def test_section_label_is_not_the_title(seeds):
    article = read_seed(seeds, "001")
    assert article.title == "Putin Aide Says Trump Breached Ukraine ‘Agreement’"
    assert article.title_source == "text"


def test_articles_without_a_date_say_so(seeds):
    for number in ("000", "001", "002", "004"):
        article = read_seed(seeds, number)
        assert article.date is None and article.date_source == "none", number


def test_supply_hyperlink_is_stripped(seeds):
    article = read_seed(seeds, "002")
    assert "Supply hyperlink" not in article.paragraphs
    assert article.title.startswith("It isn’t Moscow that initiated")


def test_headline_less_article_gets_a_title_from_its_lead(seeds):
    article = read_seed(seeds, "000")
    assert article.title_source == "lead"
    assert article.title.startswith("Kremlin spokesman Dmitry Peskov said Monday")
    assert "MOSCOW" not in article.paragraphs


def test_header_wins_over_inference():
    text = "---\ntitle: From the header\ndate: 2025-08-16\nlang: ro\noutlet: Digi24\n---\nOther headline\nJANUARY 29, 2022\nBody text here, long enough to be a paragraph of the article.\n"
    article, warnings = ingest_text(text, "a.txt", "a")
    assert (article.title, article.date, article.lang, article.outlet) == ("From the header", date(2025, 8, 16), "ro", "Digi24")
    assert article.date_source == "header" and not warnings


@pytest.mark.parametrize("text, message, line", [
    ("", "empty", None),
    ("   \n\t\n", "empty", None),
    ("---\ntitle: [unclosed\n---\nBody.\n", "not valid YAML", 2),
    ("---\n- a list\n---\nBody.\n", "must be a mapping", 2),
    ("---\ndate: yesterday\n---\nBody.\n", "is not a date", 2),
    ("---\ntitle: x\nBody without end\n", "never closed", 1),
])
def test_bad_articles_are_refused_with_file_and_line(text, message, line):
    with pytest.raises(IngestError) as caught:
        ingest_text(text, "content/articles/bad.txt", "bad")
    problem = caught.value.problem
    assert message in problem.message
    assert problem.path == "content/articles/bad.txt" and problem.line == line


def test_binary_file_is_refused():
    with pytest.raises(IngestError, match="binary"):
        decode(b"\x00\x01\x02PNG", "x.txt")


def test_latin1_is_decoded_with_a_warning():
    decoded = decode("Café Rédaction\n".encode("cp1252"), "x.txt")
    assert decoded.text.startswith("Café") and decoded.warnings[0].severity == "warning"


def test_bom_and_crlf_are_handled():
    decoded = decode("\ufeffTitle line here\r\nBody.\r\n".encode("utf-8"), "x.txt")
    assert decoded.text == "Title line here\nBody.\n"
