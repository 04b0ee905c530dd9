"""The site in shards (builder.pipeline.shards): which shard a page is in, the address MkDocs gives a file,
the order it lists them in, and links to other shards' pages written so that MkDocs leaves them alone."""

from __future__ import annotations

import pytest
from mkdocs.structure.files import File

from builder.config import SCHEMA
from builder.pipeline.shards import HOME, SCHEME, page_url, plan, rewrite_links, shard_size, walk_key
from builder.settings import Invalid
from builder.site import urls

# Paths the renderer (builder.site.render, through builder.site.urls) writes, and the root's files.
PATHS = [urls.HOME, urls.SEARCH, "feed.xml", "feed-sanctions.xml", urls.index(urls.ARTICLES),
         urls.numbered(urls.index(urls.ARTICLES), 2), urls.article("2022-01-21-blinken-lavrov-geneva"),
         urls.article("undated-note"), urls.person("dmitry-peskov"), urls.numbered(urls.person("dmitry-peskov"), 3),
         urls.index(urls.PEOPLE), urls.event("geneva-talks"), urls.topic("sanctions"), urls.year(2022),
         urls.numbered(urls.year(2022), 2), urls.index(urls.TIMELINE), urls.person("дмитрий-песков")]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_page_url_is_the_address_mkdocs_gives(directory_urls):
    for path in PATHS:
        assert page_url(path, directory_urls) == File(path, "docs", "site", directory_urls).url, path


def test_walk_key_is_the_order_mkdocs_lists_files_in(tmp_path):
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    for path in PATHS:
        (tmp_path / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / path).write_text("x\n", encoding="utf-8")
    config = load_config(config_file=None, docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "site"),
                         site_name="x")
    listed = [f.src_uri for f in get_files(config)]
    assert sorted(PATHS, key=walk_key) == listed


def test_articles_by_year_indexes_and_sections_in_shards_of_their_own():
    years = {urls.article("2022-01-21-blinken-lavrov-geneva"): 2022, urls.article("undated-note"): None}
    owner = plan(PATHS, years, 100)
    assert {p for p, s in owner.items() if s == HOME} == {urls.HOME, urls.SEARCH, "feed.xml", "feed-sanctions.xml",
                                                         urls.index(urls.ARTICLES), urls.index(urls.PEOPLE),
                                                         urls.index(urls.TIMELINE)}
    assert owner[urls.article("2022-01-21-blinken-lavrov-geneva")] == "articles-2022"
    assert owner[urls.article("undated-note")] == "articles-undated"
    assert owner[urls.numbered(urls.index(urls.ARTICLES), 2)] == "indexes"
    assert owner[urls.numbered(urls.person("dmitry-peskov"), 3)] == owner[urls.person("dmitry-peskov")] == "people"
    assert owner[urls.numbered(urls.year(2022), 2)] == "timeline"


def test_thin_years_go_together_while_they_fit():
    years = {urls.article(f"a-{year}-{n}"): year for year, count in ((1953, 1), (1988, 2), (2021, 5), (2022, 9),
                                                                     (2023, 1)) for n in range(count)}
    owner = plan(years, years, 8)
    assert sorted(set(owner.values())) == ["articles-1953-2021", "articles-2022-1", "articles-2022-2", "articles-2023"]
    assert owner[urls.article("a-1988-1")] == "articles-1953-2021"


def test_a_big_shard_is_cut_and_its_pages_stay_where_they_were_as_it_grows():
    people = [urls.person(f"person-{n}") for n in range(250)]
    owner = plan(people, {}, 100)
    assert sorted(set(owner.values())) == ["people-1", "people-2", "people-3"]
    assert max(list(owner.values()).count(s) for s in set(owner.values())) < 130  # a fair split
    grown = plan(people + [urls.person(f"person-{n}") for n in range(250, 270)], {}, 100)
    assert all(grown[p] == owner[p] for p in people)
    assert set(plan(people, {}, 1000).values()) == {"people"}


def test_a_link_to_another_shards_page_gets_its_address_and_the_others_stay():
    here = urls.article("2022-01-21-blinken-lavrov-geneva")
    owner = {here: "articles-2022", urls.person("dmitry-peskov"): "people", "feed.xml": "",
             urls.article("2022-01-26-us-nato-written-responses"): "articles-2022"}
    markdown = ("[Peskov](../people/dmitry-peskov.md#quotes), [next](2022-01-26-us-nato-written-responses.md), "
                "[feed](../feed.xml), [web](https://example.org/a.md), [gone](../people/nobody.md), [¶2](#p2)")
    assert rewrite_links(markdown, here, owner, "articles-2022") == (
        f"[Peskov]({SCHEME}people/dmitry-peskov/#quotes), [next](2022-01-26-us-nato-written-responses.md), "
        f"[feed]({SCHEME}feed.xml), [web](https://example.org/a.md), [gone](../people/nobody.md), [¶2](#p2)")


def test_the_shards_setting():
    option = SCHEMA["shards"]
    assert (option.parse("auto"), option.parse("off"), option.parse(False), option.parse(500)) == ("auto", "off", "off", 500)
    with pytest.raises(Invalid, match="must be auto, off or a whole number of pages"):
        option.parse("many")
    assert shard_size("auto", 83) is None and shard_size("auto", 17_400) == 2000
    assert shard_size("off", 17_400) is None and shard_size(20, 83) == 20


def test_the_shards_share_the_themes_compiled_templates(tmp_path):
    """A shard's MkDocs run loads the theme's templates compiled by an earlier shard (a Jinja bytecode cache in
    a folder they share) instead of compiling them again; an edited template is compiled afresh."""
    from mkdocs.config import load_config

    from builder.pipeline.mkdocs_run import template_cache, use_template_cache
    from tests.conftest import ROOT

    edited = tmp_path / "theme"
    edited.mkdir()
    (edited / "main.html").write_text("{% extends 'base.html' %}", encoding="utf-8")

    def environment(compile_again: bool = True):
        mk_config = load_config(config_file=str(ROOT / "mkdocs.yml"), docs_dir=str(tmp_path))
        mk_config.theme.dirs.insert(0, str(edited))
        use_template_cache(mk_config, template_cache(tmp_path / "templates"))
        env = mk_config.theme.get_env()
        if not compile_again:
            def refuse(*_, **__):
                raise AssertionError("a template stored by an earlier run was compiled again")

            env.compile = refuse
        return env

    first = environment()
    for name in ("main.html", "base.html", "partials/header.html"):  # the theme's, under our main.html
        first.get_template(name)
    assert len(list((tmp_path / "templates").iterdir())) == 3  # compiled and stored
    later = environment(compile_again=False)
    for name in ("main.html", "base.html", "partials/header.html"):
        later.get_template(name)  # from the stored code
    (edited / "main.html").write_text("{% extends 'base.html' %}{# edited #}", encoding="utf-8")
    with pytest.raises(AssertionError, match="compiled again"):
        environment(compile_again=False).get_template("main.html")
