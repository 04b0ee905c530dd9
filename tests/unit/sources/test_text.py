import markdown
import pytest

from builder.text import RESERVED_SLUGS, find_dates, md_escape, name_key, romanise, slug, sound_key


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


@pytest.mark.parametrize("cyrillic, lang, latin", [
    ("Юрий Ушаков", None, "Yury Ushakov"),            # -ий is -y, Ю is Yu (Wikipedia's romanisation)
    ("Евгений Пригожин", "ru", "Yevgeny Prigozhin"),
    ("Алексей Навальный", "ru", "Aleksey Navalny"),
    ("Барак Обама", "ru", "Barack Obama"),             # a given name whose English form is known
    ("Джо Байден", "ru", "Joe Bayden"),
    ("Джонатан Пауэлл", "ru", "Jonatan Pauell"),       # Дж is J
    ("Фёдор Лукьянов", "ru", "Fedor Lukyanov"),        # ё is read as е: one id whether or not it is written
    ("Дмитро Кулеба", "uk", "Dmytro Kuleba"),          # Ukrainian: the official table of 2010
    ("Андрій Єрмак", None, "Andrii Yermak"),           # є says the name is Ukrainian
    ("Sergey Lavrov", None, "Sergey Lavrov"),
])
def test_cyrillic_names_are_romanised_by_english_convention(cyrillic, lang, latin):
    assert romanise(cyrillic, lang) == latin


@pytest.mark.parametrize("cyrillic, latin", [
    ("Барак Обама", "Barack Obama"),
    ("Евгений Пригожин", "Yevgeny Prigozhin"),
    ("Дмитрий Песков", "Dmitry Peskov"),
    ("Антоніу Гутерріш", "Антониу Гутерриш"),          # Ukrainian and Russian spellings of one name
])
def test_a_cyrillic_spelling_shares_the_key_of_its_latin_spelling(cyrillic, latin):
    assert name_key(cyrillic) == name_key(latin)


@pytest.mark.parametrize("cyrillic, latin", [
    ("Тим Кук", "Tim Cook"),
    ("Мухаммед бин Салман", "Mohammed bin Salman"),
    ("Гліб Каневський", "Hlib Kanevskyi"),
])
def test_english_spellings_meet_their_cyrillic_names_by_sound(cyrillic, latin):
    assert name_key(cyrillic) != name_key(latin) and sound_key(cyrillic) == sound_key(latin)


def test_different_names_keep_different_sound_keys():
    assert sound_key("Инна Иванова") != sound_key("Anna Ivanova")
    assert sound_key("Тим Кук") != sound_key("Tim Cole")
