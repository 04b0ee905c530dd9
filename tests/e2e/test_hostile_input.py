"""Bad input, faults and hostile text (issue 6): every bad article is reported once and skipped, article
text stays text in the published HTML, front matter parses back, a killed build loses nothing, two builds
are byte-identical, and no Unicode text, header or knowledge-base name crashes a stage (Hypothesis)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import html
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings, strategies as st
from mkdocs.utils.meta import get_data

from builder.annotate import nlp
from builder.annotate import Annotator
from builder.pipeline.generate import Report, generate, page_names
from builder.pipeline.build import build
from builder.pipeline.output import clean_leftovers
from builder.pipeline.trash import wait_for_removals
from builder.archive.index import index_archive
from builder.cli import main
from builder.config import load_config, with_overrides
from builder.sources.ingest import IngestError, decode, ingest_text
from builder.sources.kb import load_kb
from builder.model import AnnotatedArticle, Archive
from builder.site.render import Settings, article_meta, link_target, render_site
from builder.text import md_escape
from tests.conftest import ROOT
from tests.pagefind_index import records
from tests.e2e.test_cli import make_project

ARTICLES = "content/articles"

# In CI the examples are the same on every run (a red main stops everyone); elsewhere they vary, to find more.
settings.register_profile("briefing", deadline=None, derandomize=bool(os.environ.get("CI")),
                          suppress_health_check=[HealthCheck.function_scoped_fixture])
settings.load_profile("briefing")
PROPERTY = settings(max_examples=60)
text_any = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
# What ingest hands on: no control characters but tab and line feed (decode() removes them).
text_clean = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n"), max_size=300)
lines = st.lists(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"), max_size=80), max_size=8)


def build_cli(project: Path, *args: str) -> int:
    return main(["--root", str(project), "build", "--no-cache", *args])


def front_matter(text: str) -> dict:
    """The front matter as MkDocs reads it (MkDocs silently drops front matter that does not parse)."""
    _, meta = get_data(text)
    return meta


def tree_hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def sources(docs: Path) -> dict[str, str]:
    """Article source file -> page name, from the generated article pages."""
    return {front_matter(p.read_text(encoding="utf-8"))["source"]: p.stem
            for p in (docs / "articles").glob("*.md") if p.stem != "index"}


# --- 1. bad articles ---------------------------------------------------------------------------------

GOOD_BODY = "Dmitry Peskov said on Friday that the talks would go on next week in Geneva.\n"


def write_bad_articles(project: Path, outside: Path) -> None:
    articles = project / ARTICLES
    (articles / "empty.txt").write_bytes(b"")
    (articles / "blank.txt").write_bytes(b"  \n\t\n\n")
    (articles / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (articles / "cp1252.txt").write_bytes(
        "Kremlin rejects the café talks\nDmitry Peskov said the “café diplomacy” of the envoys had failed.\n".encode("cp1252"))
    (articles / "mojibake.txt").write_text(
        "Kremlin answers the envoy\n\nThe Kremlinâ€™s spokesman said the envoyâ€™s plan was â€œdeadâ€\x9d.\n",
        encoding="utf-8")
    (articles / "bom.txt").write_bytes(("\ufeffPeskov speaks about Geneva\n" + GOOD_BODY).encode("utf-8"))
    (articles / "crlf.txt").write_bytes(("Lavrov speaks about Geneva\r\n\r\n" + GOOD_BODY.replace("\n", "\r\n")).encode("utf-8"))
    with open(articles / "huge.txt", "wb") as huge:
        line = b"Sergey Lavrov said the talks would go on, and the talks went on, and on, and on.\n"
        huge.write(line * (20_000_000 // len(line) + 1))
    (articles / "bad-yaml.txt").write_text("---\ntitle: [unclosed\n---\n" + GOOD_BODY, encoding="utf-8")
    (articles / "list-header.txt").write_text("---\n- a\n- list\n---\n" + GOOD_BODY, encoding="utf-8")
    (articles / "bad-date.txt").write_text("---\ntitle: Talks\ndate: yesterday\n---\n" + GOOD_BODY, encoding="utf-8")
    (articles / "Same Name.txt").write_text("Talks in Geneva, first report\n" + GOOD_BODY, encoding="utf-8")
    (articles / "same-name.md").write_text("Talks in Geneva, second report\n" + GOOD_BODY, encoding="utf-8")
    (articles / "Declarație Peskov.txt").write_text("Declarația lui Peskov despre Geneva\n" + GOOD_BODY, encoding="utf-8")
    (articles / "Заявление Лаврова.txt").write_text("Лавров сделал заявление о Женеве\n" + GOOD_BODY, encoding="utf-8")
    (articles / "北京 talks.txt").write_text("Talks in Beijing went on\n" + GOOD_BODY, encoding="utf-8")
    (outside / "secret.txt").write_text("Secret notes kept outside\n" + GOOD_BODY, encoding="utf-8")
    (articles / "link.txt").symlink_to(outside / "secret.txt")


BAD = {  # file -> (line, the message's start)
    "empty.txt": (None, "the file is empty (or only white space); add the article text or remove the file."),
    "blank.txt": (None, "the file is empty (or only white space)"),
    "binary.txt": (None, "this is a binary file, not text; remove it from the articles folder."),
    "huge.txt": (None, "the file is too large to be one article (20.0 MB; the limit is 500 kB); split it"),
    "bad-yaml.txt": (2, "the YAML header is not valid YAML"),
    "list-header.txt": (2, "the YAML header must be a mapping of key: value lines, found a list."),
    "bad-date.txt": (3, "the header date 'yesterday' is not a date; write it as YYYY-MM-DD."),
    "link.txt": (None, "this is a link to "),
}
PUBLISHED = ["good.txt", "cp1252.txt", "mojibake.txt", "bom.txt", "crlf.txt", "Same Name.txt", "same-name.md",
             "Declarație Peskov.txt", "Заявление Лаврова.txt", "北京 talks.txt"]


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    """A project with every kind of bad article, built once: (project, exit code, standard error)."""
    base = tmp_path_factory.mktemp("bad")
    project = make_project(base)
    (base / "outside").mkdir()
    write_bad_articles(project, base / "outside")
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = build_cli(project)
    return project, code, err.getvalue()


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_article_gets_one_clear_message(bad_build, name):
    _, code, err = bad_build
    assert code == 0, err
    line, message = BAD[name]
    mentions = [m for m in err.splitlines() if m.startswith(f"{ARTICLES}/{name}:")]
    where = f"{ARTICLES}/{name}" + (f":{line}" if line else "")
    assert len(mentions) == 1, mentions
    assert mentions[0].startswith(f"{where}: error: {message}"), mentions[0]


def test_every_other_article_is_published(bad_build):
    project, _, err = bad_build
    published = sources(project / "docs")
    assert sorted(published) == sorted(f"{ARTICLES}/{name}" for name in PUBLISHED), err
    for name in PUBLISHED:
        assert (project / "site/articles" / published[f"{ARTICLES}/{name}"] / "index.html").is_file(), name
    assert f"Built {len(PUBLISHED)} articles" in err and f"{len(BAD) - 1} skipped" in err  # the link is never read


def test_same_page_name_gives_two_distinct_stable_pages(bad_build):
    project, _, _ = bad_build
    published = sources(project / "docs")
    assert published[f"{ARTICLES}/same-name.md"] == "same-name"
    other = published[f"{ARTICLES}/Same Name.txt"]
    assert re.fullmatch(r"same-name-[0-9a-f]{6}", other)
    # the name is the same whatever other files come or go
    again = page_names([project / ARTICLES / "Same Name.txt", project / ARTICLES / "same-name.md"], project)
    assert again[project / ARTICLES / "Same Name.txt"] == other


def test_file_names_in_any_script_get_ascii_page_names(bad_build):
    project, _, _ = bad_build
    published = sources(project / "docs")
    assert published[f"{ARTICLES}/Declarație Peskov.txt"] == "declaratie-peskov"
    assert published[f"{ARTICLES}/Заявление Лаврова.txt"].startswith("zaiavlenie-lavrova")
    assert published[f"{ARTICLES}/北京 talks.txt"].endswith("talks")
    assert all(re.fullmatch(r"[a-z0-9-]+", name) for name in published.values())


def test_other_encodings_are_decoded_with_a_warning_and_mojibake_repaired(bad_build):
    project, _, err = bad_build
    assert f"{ARTICLES}/cp1252.txt:1: warning: the file is not UTF-8; it was read as Windows-1252. Save it as UTF-8" in err
    assert f"{ARTICLES}/mojibake.txt:3: warning: garbled characters (mojibake such as 'â€™' for '’') were repaired" in err
    docs = project / "docs/articles"
    assert "“café diplomacy”" in (docs / "cp1252.md").read_text(encoding="utf-8")
    repaired = (docs / "mojibake.md").read_text(encoding="utf-8")
    assert "The Kremlin’s spokesman said the envoy’s plan was “dead”." in repaired and "â€" not in repaired
    bom = front_matter((docs / "bom.md").read_text(encoding="utf-8"))
    assert bom["title"] == "Peskov speaks about Geneva"
    crlf = (docs / "crlf.md").read_bytes()
    assert b"\r" not in crlf and front_matter(crlf.decode("utf-8"))["title"] == "Lavrov speaks about Geneva"


def test_strict_turns_bad_articles_into_a_failure_and_writes_nothing(bad_build, capsys):
    project, _, _ = bad_build
    before = tree_hashes(project / "site")
    assert build_cli(project, "--strict") == 1
    err = capsys.readouterr().err
    assert f"problem(s) in the input and --strict is on; nothing was written." in err
    assert tree_hashes(project / "site") == before


def test_decode_unit_cases():
    cyrillic = decode("Кремль заявил, что переговоры продолжатся на следующей неделе.\n".encode("cp1251"), "ru.txt")
    assert cyrillic.text.startswith("Кремль заявил") and "Windows-1251" in cyrillic.warnings[0].message
    romanian = decode("Peskov a declarat că întâlnirea a fost un succes, potrivit agenţiei de presă.\n".encode("cp1250"), "ro.txt")
    assert "agenției" in romanian.text  # and the cedilla letter is folded to the comma form
    utf16 = decode("Title line\r\nBody.\r\n".encode("utf-16"), "u.txt")
    assert utf16.text == "Title line\nBody.\n" and "UTF-16" in utf16.warnings[0].message
    with pytest.raises(IngestError, match="not text in any encoding"):
        decode(bytes(range(1, 256)) * 40, "noise.txt")


def test_text_over_the_limit_is_refused_and_a_long_real_article_is_not():
    paragraph = "Sergey Lavrov said the talks in Geneva would go on next week, whatever the others said.\n\n"
    long_enough = "Talks go on\n\n" + paragraph * (200_000 // len(paragraph))  # longer than any corpus document
    article, _ = ingest_text(long_enough, "long.txt", "long")
    assert len(article.paragraphs) > 2000
    with pytest.raises(IngestError, match=r"too long to annotate \(5\d\d,\d{3} characters; the limit is 500,000\)"):
        ingest_text("Talks go on\n\n" + paragraph * (520_000 // len(paragraph)), "huge.txt", "huge")


def test_repair_leaves_good_text_alone(seeds):
    """ftfy repairs encodings only: curly quotes, ligatures, full-width letters and entities stay."""
    own = "He said “it isn’t” — «ok», „da”, ﬁne, ＡＢ, &amp; and Ушаков’s ‘word’.\n"
    assert decode(own.encode("utf-8"), "x.txt") == decode(own.encode("utf-8"), "x.txt")
    assert decode(own.encode("utf-8"), "x.txt").text == own and not decode(own.encode("utf-8"), "x.txt").warnings
    for path in sorted(seeds.glob("*.txt")):
        assert not decode(path.read_bytes(), path.name).warnings, path.name


# --- 2. escaping -----------------------------------------------------------------------------------------

class PageParser(HTMLParser):
    """Every element with its attributes, the text of <title>, script bodies (those the browser runs; data
    blocks, <script type="application/json">, apart) and the visible text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.content: list[tuple[str, dict]] = []
        """The elements inside <article>, where the page's own Markdown goes."""
        self.scripts: list[str] = []
        self.data: list[str] = []
        self.title = ""
        self.text: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        if "article" in self._open:
            self.content.append(self.elements[-1])
        self._open.append(tag)

    def handle_endtag(self, tag):
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data):
        inside = self._open[-1] if self._open else ""
        if inside == "script":
            kind = next((a for t, a in reversed(self.elements) if t == "script"), {}).get("type", "")
            (self.data if kind == "application/json" else self.scripts).append(data)
        elif inside == "title":
            self.title += data
        elif inside != "style":
            self.text.append(data)


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


HOSTILE_TITLE = "</title><script>window.__pwned='title'</script> Peskov <b>rejects</b> the <img src=x onerror=\"window.__pwned='img'\"> plan"
HOSTILE_LINES = [
    "Dmitry Peskov said the page contained <script>window.__pwned='body'</script> and nothing else.",
    "<img src=x onerror=\"window.__pwned='onerror'\"> was also in the page, he said.",
    "A link [click here](javascript:window.__pwned='md-link') and <a href=\"javascript:window.__pwned='a'\">raw</a>.",
    "<iframe src=\"javascript:window.__pwned='iframe'\"></iframe> <svg onload=\"window.__pwned='svg'\"><b>bold</b>",
    "# Not a heading",
    "| not | a | table |",
    "| --- | --- | --- |",
    "{{ config.site_name }} and {% raw %} are not templates.",
    "!!! note \"Not an admonition\"",
    "---",
    "title: Not the title",
    "layout: evil: [1, 2]",
    "Peskov said: “<script>window.__pwned='quote'</script> is not a plan.”",
]
HOSTILE_URL = "https://example.org/a\" onmouseover=\"window.__pwned='url'\"><script>window.__pwned=2</script>) [x](javascript:alert(1)"
URL_ARTICLE = ("---\ntitle: A link that tries to end early\nurl: " + json.dumps(HOSTILE_URL) + "\n---\n"
               "Dmitry Peskov said the link was odd.\n")
HEADER_ARTICLE = ("---\ntitle: \"Header <script>window.__pwned='header'</script> & title\"\noutlet: \"<b onmouseover=x>Outlet</b>\"\n"
                  "url: \"javascript:window.__pwned='url'\"\n---\nDmitry Peskov said the header was odd & the <i>url</i> too.\n")


def build_hostile_project(base: Path) -> Path:
    """A project whose articles carry scripts, raw HTML, Markdown and YAML-looking lines, built with --strict
    (also used by tests/browser/test_hostile_browser.py)."""
    project = make_project(base)
    (project / ARTICLES / "hostile.txt").write_text(HOSTILE_TITLE + "\n\n" + "\n\n".join(HOSTILE_LINES) + "\n", encoding="utf-8")
    (project / ARTICLES / "header.txt").write_text(HEADER_ARTICLE, encoding="utf-8")
    (project / ARTICLES / "url.txt").write_text(URL_ARTICLE, encoding="utf-8")
    assert build_cli(project, "--strict") == 0
    return project


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    return build_hostile_project(tmp_path_factory.mktemp("hostile"))


def visible(parser: PageParser) -> str:
    return " ".join(" ".join(parser.text).split())


@pytest.mark.parametrize("name", ["hostile", "header", "url"])
def test_no_script_attribute_or_element_from_an_article_exists(hostile_site, name):
    parser = parse(hostile_site / f"site/articles/{name}/index.html")
    for tag, attrs in parser.elements:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        assert not [v for v in attrs.values() if v.strip().lower().startswith("javascript:")], (tag, attrs)
        assert tag not in ("iframe", "svg", "b", "i") or "pwned" not in str(attrs), (tag, attrs)
        assert not (tag == "img" and attrs.get("src") == "x"), attrs
    assert not [s for s in parser.scripts if "pwned" in s]
    # The quotes' citation data (for the site's script) is JSON that no text can end early: no "<" in it.
    for block in parser.data:
        assert "<" not in block and isinstance(json.loads(block), dict), block
    assert [tag for tag, _ in parser.elements].count("title") == 1


def test_article_text_is_visible_verbatim_and_changes_no_structure(hostile_site):
    parser = parse(hostile_site / "site/articles/hostile/index.html")
    assert parser.title == f"{HOSTILE_TITLE} - Briefing Archive"
    shown = visible(parser)
    for line in [HOSTILE_TITLE, *HOSTILE_LINES]:
        assert " ".join(line.split()) in shown, line
    tags = [tag for tag, _ in parser.content]
    assert tags.count("h1") == 1 and "table" not in tags and "hr" not in tags
    assert not {"script", "img", "iframe", "svg", "b", "i"} & set(tags), tags
    sections = [a["id"] for t, a in parser.content if t == "h2"]
    assert sections[:2] == ["who-said-what", "people-mentioned"] and set(sections[2:]) <= {"related-articles"}
    assert not any("admonition" in a.get("class", "") for _, a in parser.content)
    meta = front_matter((hostile_site / "docs/articles/hostile.md").read_text(encoding="utf-8"))
    assert html.unescape(meta["title"]) == HOSTILE_TITLE and meta["date"] is None


def test_header_values_are_text_and_a_javascript_url_is_not_linked(hostile_site):
    parser = parse(hostile_site / "site/articles/header/index.html")
    assert parser.title == "Header <script>window.__pwned='header'</script> & title - Briefing Archive"
    shown = visible(parser)
    assert "Outlet: <b onmouseover=x>Outlet</b>" in shown and "the header was odd & the <i>url</i> too." in shown
    assert not any(a.get("href", "").startswith("javascript") for _, a in parser.elements)


def test_an_original_url_is_one_link_to_itself(hostile_site):
    parser = parse(hostile_site / "site/articles/url/index.html")
    links = [a["href"] for t, a in parser.content if t == "a" and a.get("href", "").startswith(("https:", "javascript:"))]
    assert [urllib.parse.unquote(link) for link in links] == [HOSTILE_URL]


@PROPERTY
@given(text_clean)
@example("&LT;")  # once came out as "<": Markdown keeps what looks like an entity
@example("?a=1&b=2")
@example("''")  # once came out as a link title: the link lost its last two characters
def test_any_url_becomes_one_link_to_itself(rest):
    url = "https://example.org/" + rest
    rendered = markdown.markdown(f"[Original]({link_target(url)})")
    assert rendered.count("<a ") == 1
    href = html.unescape(re.search(r'<a href="([^"]*)">Original</a>', rendered).group(1))
    assert urllib.parse.unquote(href) == urllib.parse.unquote(url)  # the URL's own %XX escapes are kept


def test_search_index_keeps_article_html_as_text(hostile_site):
    # Pagefind stores the page's text (the tags an article contains are text there, as on the page) and
    # its interface escapes it when it shows an excerpt; it must not have parsed them as HTML.
    record = records(hostile_site / "site")["/articles/hostile/"]
    assert "<script>window.__pwned='body'</script> and nothing else" in record["content"]
    assert "rejects" in record["meta"]["title"] and "<b>rejects</b>" in html.unescape(record["meta"]["title"])


# --- 3. front matter and names ---------------------------------------------------------------------------

ODD_PEOPLE = """
- id: odd-quotes
  name: "O'Brien \\"the envoy\\": #1"
  aliases: [Oisin Obrien]
- id: odd-dash
  name: "- Leading dash, and: colon"
  aliases: [Dash Leadingham]
- id: odd-cyrillic
  name: "Иван «Ваня» Петров-Водкин"
  aliases: [Ivan Petrov-Vodkin]
- id: odd-yaml
  name: "yes"
  aliases: [Yessica Yesson]
"""


def test_odd_names_round_trip_through_front_matter_as_mkdocs_reads_it(tmp_path):
    project = make_project(tmp_path)
    with open(project / "data/people.yml", "a", encoding="utf-8") as people:
        people.write(ODD_PEOPLE)
    (project / ARTICLES / "odd.txt").write_text(
        "Envoys meet: a #1 story with 'quotes' and - dashes\n"
        "Oisin Obrien, Dash Leadingham, Ivan Petrov-Vodkin and Yessica Yesson met Dmitry Peskov on Friday.\n",
        encoding="utf-8")
    config, _ = load_config(project)
    config = with_overrides(config, cache=None)
    archive, pages = generate(config, Report())
    assert {"odd-quotes", "odd-dash", "odd-cyrillic", "odd-yaml"} <= set(archive.people)
    for path, text in pages.items():
        meta = front_matter(text)
        assert meta and isinstance(meta.get("title"), str), path
    for pid in ("odd-quotes", "odd-dash", "odd-cyrillic", "odd-yaml"):
        meta = front_matter(pages[f"people/{pid}.md"])
        assert html.unescape(meta["title"]) == archive.people[pid].name
    for item in archive.articles:
        meta = front_matter(pages[f"articles/{item.article.slug}.md"])
        expected = article_meta(item)
        assert {k: meta[k] for k in expected if k != "title"} == {k: v for k, v in expected.items() if k != "title"}
        assert html.unescape(meta["title"]) == expected["title"]


@pytest.mark.parametrize("bad_id", ["../escape", "/etc/passwd", "a/b", "index", "page-2", "tags", ".."])
def test_knowledge_base_ids_cannot_leave_their_folder_or_take_an_index_name(tmp_path, bad_id):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    for kind in ("people", "events", "topics"):
        with open(data / f"{kind}.yml", "a", encoding="utf-8") as handle:
            handle.write(f"\n- id: '{bad_id}'\n  name: Someone\n" + ("  keywords: [zzz]\n" if kind == "topics" else ""))
    kb, problems = load_kb(data, tmp_path)
    assert bad_id not in {p.id for p in kb.people} | {e.id for e in kb.events} | {t.id for t in kb.topics}
    refused = [p for p in problems if f"id '{bad_id}' is not a valid id" in p.message]
    assert len(refused) == 3 and all(p.line for p in refused)


def test_article_files_named_like_index_pages_get_other_names(tmp_path):
    files = [tmp_path / name for name in ("index.txt", "page-2.txt", "tags.md", "../x.txt", "..txt")]
    names = page_names(files, tmp_path)
    assert len(set(names.values())) == len(files)
    for name in names.values():
        assert name not in ("index", "page-2", "tags") and re.fullmatch(r"[a-z0-9-]+", name)


# --- 4. atomic output --------------------------------------------------------------------------------------

def test_a_build_killed_part_way_leaves_the_previous_site_and_the_next_build_is_right(tmp_path, seeds):
    project = make_project(tmp_path)
    for path in sorted(seeds.glob("*.txt")):
        shutil.copy(path, project / ARTICLES / path.name)
    assert build_cli(project) == 0
    docs_before, site_before = tree_hashes(project / "docs"), tree_hashes(project / "site")
    (project / ARTICLES / "later.txt").write_text("A later report\n" + GOOD_BODY, encoding="utf-8")

    process = subprocess.Popen([sys.executable, "-m", "builder", "--root", str(project), "build", "--no-cache"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    # Wait until MkDocs is writing the new site into its temporary folder, then kill the build.
    while not list(project.glob(f".briefing-site-{process.pid}-*/site/*")):
        assert process.poll() is None and time.monotonic() < deadline, "the build ended before MkDocs wrote anything"
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert list(project.glob(".briefing-*")), "the killed build left nothing behind, so it was not killed mid-way"
    assert tree_hashes(project / "docs") == docs_before and tree_hashes(project / "site") == site_before

    assert build_cli(project) == 0
    wait_for_removals(timeout=120)  # the killed build's folders and the previous trees go in the background
    assert not list(project.glob(".briefing-*")) and not list(project.glob(".site.old-*"))
    assert (project / "site/articles/later/index.html").is_file() and (project / "docs/articles/later.md").is_file()
    # The search index's files are named after their content, so a new article renames them.
    def pages(paths):
        return {p for p in paths if not p.startswith("pagefind/")}

    assert pages(tree_hashes(project / "site")) > pages(site_before)


def test_leftovers_of_a_dead_build_are_cleaned_and_a_half_swap_is_undone(tmp_path):
    dead = _dead_pid()
    site = tmp_path / "site"
    old = tmp_path / f".site.old-{dead}"
    old.mkdir()
    (old / "index.html").write_text("previous", encoding="utf-8")
    leftover = tmp_path / f".briefing-site-{dead}-abc123"
    (leftover / "site").mkdir(parents=True)
    running = tmp_path / f".briefing-site-{os.getpid()}-def456"
    running.mkdir()
    clean_leftovers(site)
    assert (site / "index.html").read_text(encoding="utf-8") == "previous"
    assert not old.exists() and not leftover.exists() and running.exists()


def _dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


# --- 5. determinism ---------------------------------------------------------------------------------------

def test_two_builds_are_byte_identical_with_one_process_or_two(tmp_path, seeds):
    config, _ = load_config(ROOT)
    results = []
    for number, processes in enumerate((1, 2, 2)):
        out = tmp_path / str(number)
        run = with_overrides(config, articles=(seeds, ROOT / ARTICLES), docs=out / "docs", site=out / "site",
                             cache=None, processes=processes)
        build(run)
        results.append((tree_hashes(out / "docs"), tree_hashes(out / "site")))
    first_docs, first_site = results[0]
    for docs, site in results[1:]:
        assert docs == first_docs
        assert set(site) == set(first_site)
        assert {p: h for p, h in site.items() if p.endswith(".html")} == {p: h for p, h in first_site.items() if p.endswith(".html")}


# --- 6. property tests ------------------------------------------------------------------------------------




@PROPERTY
@given(text_any)
@example(".")  # once gave an empty title
def test_any_text_is_ingested_or_refused_with_a_problem(text):
    try:
        article, warnings = ingest_text(decode(text.encode("utf-8"), "x.txt").text, "x.txt", "x")
    except IngestError as error:
        assert error.problem.path == "x.txt" and error.problem.message.endswith(".")
        return
    assert article.paragraphs and article.title


@PROPERTY
@given(st.binary(max_size=400))
def test_any_bytes_are_decoded_or_refused(raw):
    try:
        decoded = decode(raw, "x.txt")
    except IngestError as error:
        assert error.problem.severity == "error"
        return
    assert "\r" not in decoded.text


header_values = st.one_of(st.none(), st.booleans(), st.integers(), st.dates(), text_any, st.lists(text_any, max_size=3),
                          st.dictionaries(text_any, text_any, max_size=2))


@PROPERTY
@given(st.dictionaries(st.sampled_from(["title", "date", "outlet", "url", "lang", "other", "Title"]) | text_any,
                       header_values, max_size=5), lines)
def test_any_header_is_read_or_refused_with_its_line(header, body):
    text = "---\n" + yaml.safe_dump(header, allow_unicode=True) + "---\n" + "\n".join(body) + "\nThe body goes on here.\n"
    try:
        article, _ = ingest_text(text, "x.txt", "x")
    except IngestError as error:
        assert error.problem.line is None or 1 <= error.problem.line <= text.count("\n")
        return
    assert article.title


@settings(max_examples=25)
@given(lines)
def test_any_article_is_annotated_and_rendered_with_its_text_intact(annotator, body):
    try:
        # lang: en, so the English model runs on the text whatever the detector would say
        article, _ = ingest_text("---\nlang: en\n---\nA headline about the talks\n" + "\n\n".join(body) + "\n", "x.txt", "x")
    except IngestError:
        return
    archive = index_archive(annotator.kb, [AnnotatedArticle(article, annotator.annotate(article))], [])
    pages = render_site(archive, Settings())
    page = pages["articles/x.md"]
    assert front_matter(page)["source"] == "x.txt"
    html_page = markdown.markdown(get_data(page)[0], extensions=["tables", "attr_list", "admonition"])
    shown = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", html_page)).split())
    for paragraph in article.paragraphs:
        assert " ".join(paragraph.split()) in shown


@PROPERTY
@given(text_clean)
def test_escaped_text_renders_back_as_its_characters(text):
    rendered = markdown.markdown(md_escape(text), extensions=["tables", "attr_list", "admonition"])
    expected = " ".join(text.split())
    if not expected:
        return
    assert rendered.startswith("<p>") and rendered.endswith("</p>")
    assert html.unescape(rendered[3:-4]).strip() == expected
    assert "<" not in rendered[3:-4]


@settings(max_examples=30)
@given(st.lists(st.tuples(text_any, st.lists(text_any, max_size=2)), min_size=1, max_size=4))
def test_any_knowledge_base_names_load_annotate_and_render(tmp_path_factory, people):
    data = tmp_path_factory.mktemp("kb")
    shutil.copytree(ROOT / "data", data, dirs_exist_ok=True)
    entries = [{"id": f"person-{n}", "name": name, "aliases": aliases} for n, (name, aliases) in enumerate(people)]
    (data / "people.yml").write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    kb, _ = load_kb(data)
    spoken = " ".join(f"{name} said “{' '.join(aliases)}” on Friday, {name} added." for name, aliases in people)
    article, _ = ingest_text(f"---\nlang: en\n---\nA headline about the talks\n{spoken} The talks went on.\n", "x.txt", "x")
    annotator = Annotator(kb, lambda: nlp.english("auto"))
    archive = index_archive(kb, [AnnotatedArticle(article, annotator.annotate(article))], [])
    archive.people.update({p.id: p for p in kb.people})
    for path, text in render_site(archive, Settings()).items():
        meta = front_matter(text)
        assert isinstance(meta.get("title"), str), path
        if path.startswith("people/"):
            person = archive.people.get(path[len("people/"):-3])
            assert person is None or html.unescape(meta["title"]) == person.name
