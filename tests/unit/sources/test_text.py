import markdown
import pytest

from builder.text import RESERVED_SLUGS, find_dates, md_escape, name_key, slug


@pytest.mark.parametrize("variants", [
    ("Dmitry Peskov", "Dmitri Peskov", "Dmitriy Peskov"),
    ("Sergey Lavrov", "Sergei Lavrov", "Serghei Lavrov"),
    ("Zelensky", "Zelenskyy", "Zelenskiy"),
])
def test_transliteration_variants_share_a_key(variants):
    assert len({name_key(v) for v in variants}) == 1


def test_different_people_keep_different_keys():
    assert name_key("Sergey Lavrov") != name_key("Sergey Ryabkov")


@pytest.mark.parametrize("text", ["../../etc/passwd", "/abs/path", "..", "a/b", "C:\\x"])
def test_slugs_cannot_leave_their_folder(text):
    made = slug(text)
    assert "/" not in made and "\\" not in made and ".." not in made and made


def test_slugs_avoid_generated_page_names():
    for name in RESERVED_SLUGS:
        assert slug(name) != name
    assert slug("page-2") != "page-2"


def test_cyrillic_and_accents_transliterate():
    assert slug("Nicolás Maduro") == "nicolas-maduro"
    assert slug("Юрий Ушаков").startswith("iurii")


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[click](javascript:alert(1))",
    "# Heading", "| a | b |", "{{ config }}", "{% raw %}", "!!! note", "---", "1. item", "*bold* _it_",
    "> quote", "=== ", "a & b", "x{: #id }", "`code`",
])
def test_escaped_text_renders_as_the_characters_it_is(hostile):
    html = markdown.markdown(md_escape(hostile), extensions=["tables", "attr_list", "admonition"])
    assert html.startswith("<p>") and html.endswith("</p>")
    inner = html[3:-4]
    import html as html_lib

    assert html_lib.unescape(inner).strip() == " ".join(hostile.split())
    assert "<script" not in inner and "<img" not in inner and "<a " not in inner


def test_find_dates_reads_every_language():
    found = [d.isoformat() for _, _, d in find_dates(
        "Sunday, May 26, 2024; JANUARY 29, 2022; 21 decembrie 2025; 11 июня 2017 года; 24 січня 2026; 2022-02-24")]
    assert found == ["2024-05-26", "2022-01-29", "2025-12-21", "2017-06-11", "2026-01-24", "2022-02-24"]


def test_find_dates_ignores_incomplete_dates():
    assert find_dates("on Jan. 3 and in February 2022, on November 6") == []
