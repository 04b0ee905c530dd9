"""The read path of builder.pipeline.generate: where each article file is and how it is shown."""

from __future__ import annotations

import os

import pytest

from builder.pipeline.generate import Resolver, shown_path


def test_the_resolver_gives_what_path_resolve_gives(tmp_path, monkeypatch):
    articles, outside = tmp_path / "project" / "articles", tmp_path / "outside"
    (articles / "2024").mkdir(parents=True)
    outside.mkdir()
    (outside / "far.txt").write_text("elsewhere", encoding="utf-8")
    (articles / "2024" / "a.txt").write_text("here", encoding="utf-8")
    (articles / "linked.txt").symlink_to(outside / "far.txt")
    (articles / "folder").symlink_to(articles / "2024", target_is_directory=True)
    (articles / "loop.txt").symlink_to(articles / "loop.txt")
    paths = [articles / "2024" / "a.txt", articles / "linked.txt", articles / "folder" / "a.txt", articles / "gone.txt",
             articles / "folder" / ".." / "linked.txt", articles / "2024" / ".." / "2024" / "a.txt"]
    resolve = Resolver()
    assert [resolve(path) for path in paths] == [path.resolve() for path in paths]
    with pytest.raises(RuntimeError):  # a link that loops, as Path.resolve says it
        resolve(articles / "loop.txt")
    monkeypatch.chdir(articles)
    relative = [os.path.relpath(path, articles) for path in paths]
    assert [shown_path(path, tmp_path, resolve) for path in map(type(articles), relative)] == [
        shown_path(path, tmp_path) for path in map(type(articles), relative)]
