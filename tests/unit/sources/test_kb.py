from pathlib import Path

from builder.sources.kb import load_kb


def write(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def messages(problems):
    return [str(p) for p in problems]


def test_project_knowledge_base_is_clean(kb):
    assert len(kb.people) >= 20 and len(kb.events) >= 6 and len(kb.topics) >= 6


def test_every_problem_is_reported_at_once_with_file_and_line(tmp_path):
    write(tmp_path, "people.yml", """\
- id: a-one
  name: A One
  aliases: [Shared Name]
- id: b-two
  name: B Two
  aliases: [Shared Name]
  rol: Minister
- id: a-one
  name: Again
""")
    write(tmp_path, "events.yml", """\
- id: summit
  name: Summit
  date: 2025-13-40
  related: [sumit-x, summitt]
""")
    kb, problems = load_kb(tmp_path, tmp_path)
    text = messages(problems)
    assert any(m.startswith("people.yml:7:") and "unknown key 'rol'" in m and "did you mean 'role'" in m for m in text), text
    assert any(m.startswith("people.yml:6:") and "'Shared Name' is claimed by 'b-two' and by 'a-one'" in m for m in text), text
    assert any(m.startswith("people.yml:8:") and "duplicate person id 'a-one'" in m for m in text), text
    assert any(m.startswith("events.yml:3:") and "YYYY-MM-DD" in m for m in text), text
    assert any(m.startswith("events.yml:4:") and "unknown event 'sumit-x'" in m for m in text), text
    assert len(kb.people) == 2


def test_invalid_yaml_names_the_line(tmp_path):
    write(tmp_path, "topics.yml", "- id: x\n  name: [broken\n")
    _, problems = load_kb(tmp_path, tmp_path)
    assert problems and problems[0].path == "topics.yml" and problems[0].line == 2
