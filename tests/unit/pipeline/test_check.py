"""`briefing check`: every problem in data/, articles (with their corrections) and notes, at once, without spaCy."""

import shutil
import subprocess
import sys

from tests.conftest import ROOT

PROBE = """
import sys
from builder.cli import main
code = main(sys.argv[1:])
heavy = sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'thinc', 'mkdocs', 'numpy', 'py3langid'})
print('HEAVY', heavy, 'CODE', code)
"""


def run_check(project):
    return subprocess.run([sys.executable, "-c", PROBE, "--root", str(project), "check"], cwd=ROOT, capture_output=True, text=True)


def test_the_sample_archive_checks_clean_without_loading_spacy():
    result = run_check(ROOT)
    assert "HEAVY [] CODE 0" in result.stdout, result.stdout + result.stderr
    assert result.stderr.strip() == "0 error(s), 0 warning(s)."


def test_check_reports_problems_in_every_file_at_once(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "data", project / "data")
    people = (project / "data/people.yml").read_text(encoding="utf-8")
    (project / "data/people.yml").write_text(people + "- id: sergey-lavrov\n  name: Sergei Lavrov\n"
                                             "- id: maria-z\n  name: Maria Z\n  aliases: [Dmitri Peskov]\n  orgg: MFA\n", encoding="utf-8")
    lines = people.count("\n")
    lavrov = people.splitlines().index("- id: sergey-lavrov") + 1
    article = project / "content/articles/2024-11-11-peskov-sanctions-race.txt"
    article.write_text("---\ndate: 2024-11-31\n---\n" + article.read_text(encoding="utf-8"), encoding="utf-8")
    other = project / "content/articles/2022-01-27-kremlin-little-optimism.txt"
    other.write_text("---\ntopics: {add: [sanction]}\nquotes:\n  - text: We never said that\n    speaker: dmitry-peskov\n---\n"
                     + other.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_check(project)
    assert "HEAVY [] CODE 1" in result.stdout, result.stdout + result.stderr
    out = result.stdout.splitlines()
    expected = [
        f"data/people.yml:{lines + 1}: error: duplicate person id 'sergey-lavrov' (first defined on line {lavrov}).",
        f"data/people.yml:{lines + 5}: error: the spelling 'Dmitri Peskov' is claimed by 'maria-z' and by 'dmitry-peskov'",
        f"data/people.yml:{lines + 6}: error: unknown key 'orgg' in people entry; did you mean 'org'?",
        "content/articles/2024-11-11-peskov-sanctions-race.txt:2: error: the header date '2024-11-31' is not a date",
        "content/articles/2022-01-27-kremlin-little-optimism.txt:2: error: the correction of 'topics' names 'sanction', "
        "which is not in data/topics.yml. Closest: sanctions",
        "content/articles/2022-01-27-kremlin-little-optimism.txt:4: error: the quote “We never said that” is not in the article's text",
    ]
    for start in expected:
        assert any(line.startswith(start) for line in out), (start, out)
