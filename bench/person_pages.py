"""Person-page precision: a reproducible random sample of a build's person pages, for a reader to judge.

    .venv/bin/python bench/person_pages.py DOCS [--n 60] [--seed 14] > sample.tsv
    .venv/bin/python bench/person_pages.py DOCS [--n 60] [--seed 14] --judged sample.tsv

DOCS is the generated Markdown of a build (`briefing build --docs DOCS`, or a built project's docs/). The
sample is drawn with a fixed seed from the person pages (docs/people/<id>.md, the people index left out),
so the same build and seed give the same pages. For each page it lists the id, the name, the number of
articles and two sentences of those articles that name the person, as tab-separated lines with an empty
`verdict` column first. The reader writes in that column `y` (a real, distinct person under a usable
name), `n` (not a person: a place, a product, a byline, a title, a bare surname) or `?`, and gives the file
back with --judged: the script prints precision (y / (y + n)) with the `n` pages listed. Not part of
`make test`.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ARTICLE_LINK = re.compile(r"\]\(\.\./articles/([^)#]+\.md)")
MENTIONS = re.compile(r"Mentioned in \*\*(\d+)\*\* article")
SENTENCE = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z\u0410-\u042f\u0400-\u040f“\"])")
MARKUP = re.compile(r"<[^>]+>|\[([^\]]*)\]\([^)]*\)|[*_`]|\{[^}]*\}")
COLUMNS = ("verdict", "id", "name", "articles", "example 1", "example 2")


def person_pages(docs: Path) -> list[Path]:
    """Every person page of a build, sorted by id (so a seed draws the same sample every time)."""
    return sorted(p for p in (docs / "people").glob("*.md") if p.stem != "index")


def title(page: str, fallback: str) -> str:
    match = re.search(r"^title:\s*(.+)$", page, re.MULTILINE)
    return match.group(1).strip().strip("'\"") if match else fallback


def plain(markdown: str) -> str:
    """Article Markdown as plain text: tags, links and emphasis removed."""
    return " ".join(MARKUP.sub(lambda m: m.group(1) or "", markdown).split())


def examples(docs: Path, name: str, articles: list[str], wanted: int = 2) -> list[str]:
    """Sentences of the person's articles that contain the name, else its last word, one per article first."""
    words = name.split()
    keys = [name] + ([words[-1]] if len(words) > 1 else [])
    found: list[str] = []
    for key in keys:
        for article in articles:
            path = docs / "articles" / article
            if not path.is_file():
                continue
            body = path.read_text(encoding="utf-8").split("\n---", 1)[-1].split("\n## ", 1)[0]
            text = plain(" ".join(line for line in body.splitlines() if not line.startswith("#") and "Date:" not in line))
            hit = next((s for s in SENTENCE.split(text) if key in s and s not in found), None)
            if hit:
                found.append(hit[:300])
            if len(found) >= wanted:
                return found
    return found + [""] * (wanted - len(found))


def sample(docs: Path, n: int, seed: int) -> list[tuple[str, str, int, list[str]]]:
    """(id, name, number of articles, examples) for n person pages drawn with the seed."""
    pages = person_pages(docs)
    chosen = random.Random(seed).sample(pages, min(n, len(pages)))
    rows = []
    for path in chosen:
        page = path.read_text(encoding="utf-8")
        name = title(page, path.stem)
        count = MENTIONS.search(page)
        articles = list(dict.fromkeys(ARTICLE_LINK.findall(page)))
        rows.append((path.stem, name, int(count.group(1)) if count else len(articles), examples(docs, name, articles)))
    return rows


def precision(judged: Path) -> tuple[int, int, list[str]]:
    """(real, not real, the pages judged not real) from a judged sample file."""
    yes, no, wrong = 0, 0, []
    for line in judged.read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split("\t")
        verdict = cells[0].strip().lower()
        if verdict.startswith("y"):
            yes += 1
        elif verdict.startswith("n"):
            no += 1
            wrong.append(f"{cells[1]} ({cells[2]})" if len(cells) > 2 else cells[0])
    return yes, no, wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("docs", type=Path, help="the generated Markdown of a build (its docs/ folder)")
    parser.add_argument("--n", type=int, default=60, help="how many person pages to draw (default 60)")
    parser.add_argument("--seed", type=int, default=14, help="the random seed (default 14)")
    parser.add_argument("--judged", type=Path, help="a sample file with the reader's verdicts: print precision")
    args = parser.parse_args(argv)
    if args.judged:
        yes, no, wrong = precision(args.judged)
        total = yes + no
        print(f"person pages judged: {total} ({yes} real, {no} not); precision "
              f"{yes / total:.3f}" if total else "no verdicts found")
        for page in wrong:
            print(f"  not a person: {page}")
        return 0
    pages = person_pages(args.docs)
    if not pages:
        print(f"no person pages under {args.docs / 'people'}", file=sys.stderr)
        return 1
    print(f"# {len(pages)} person pages; {min(args.n, len(pages))} drawn with seed {args.seed}", file=sys.stderr)
    print("\t".join(COLUMNS))
    for pid, name, count, found in sample(args.docs, args.n, args.seed):
        print("\t".join(["", pid, name, str(count), *(s.replace("\t", " ") for s in found)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
