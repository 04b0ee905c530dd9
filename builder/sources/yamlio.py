"""YAML reading that remembers line numbers, and YAML writing that always parses back."""

from __future__ import annotations

from typing import Any

import yaml

from builder.text import NOT_TEXT


# libyaml's parser when PyYAML was built with it: the knowledge base is read on every check and build,
# and the pure-Python parser takes ten times as long. Both give the same values and the same marks.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SAFE_LOADER):
    """A safe loader that records the line of every mapping under the key "__line__"."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    key_lines: dict = {}
    duplicates = []
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            if key_node.value in key_lines:  # YAML keeps the last silently; an editor meant one of them
                duplicates.append((key_node.value, key_node.start_mark.line + 1, key_lines[key_node.value]))
            key_lines.setdefault(key_node.value, key_node.start_mark.line + 1)
    mapping["__key_lines__"] = key_lines
    if duplicates:
        mapping["__duplicates__"] = duplicates
    return mapping


def _construct_str(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    """A string without the characters that are never text (a quoted YAML string can spell them: "\x01")."""
    return NOT_TEXT.sub("", loader.construct_scalar(node))


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode):
    """A date-looking value that is not a real date ("2025-13-40") stays text, for a clear message later."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_LineLoader.add_constructor("tag:yaml.org,2002:str", _construct_str)


def _refuse_anchors(text: str) -> None:
    """A YAML error at the first anchor or alias. Editors' files need neither, and aliases of aliases
    expand exponentially (a 485-byte "billion laughs" header would never finish loading)."""
    if "&" not in text and "*" not in text:
        return
    for event in yaml.parse(text, Loader=_SAFE_LOADER):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
            raise yaml.MarkedYAMLError(problem=f"anchors and aliases are not allowed: found {sign}{event.anchor}; "
                                               f"write the value out in full", problem_mark=event.start_mark)


def load_with_lines(text: str) -> Any:
    """Parse YAML; every mapping carries "__line__" and "__key_lines__" (and "__duplicates__": (key, line,
    first line) for keys given twice). Anchors and aliases are refused. Raises yaml.YAMLError."""
    _refuse_anchors(text)
    return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass


def duplicate_keys(value: Any) -> list[tuple[str, int, int]]:
    """(key, line, line of its first use) for every key given twice in a mapping anywhere in the value."""
    found: list[tuple[str, int, int]] = []
    if isinstance(value, dict):
        found += value.get("__duplicates__", [])
        for key, item in value.items():
            if not str(key).startswith("__"):
                found += duplicate_keys(item)
    elif isinstance(value, list):
        for item in value:
            found += duplicate_keys(item)
    return found


def strip_lines(value: Any) -> Any:
    """Remove the line bookkeeping from a parsed value."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k not in ("__line__", "__key_lines__", "__duplicates__")}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


def yaml_error_line(error: yaml.YAMLError) -> int | None:
    """The 1-based line a YAML error points at, when it says."""
    # An unclosed bracket or quote is reported at the end of the text; where it opened is more useful.
    mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
    return mark.line + 1 if mark is not None else None


def yaml_error_text(error: yaml.YAMLError) -> str:
    """A one-line description of a YAML error."""
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    return f"{context}, {problem}" if context else str(problem)


# libyaml's emitter too: the front matter of every generated page is dumped on every build (several times
# faster than the pure-Python emitter). They write the same YAML except that
# libyaml escapes characters beyond the Basic Multilingual Plane (emoji) in double quotes; PyYAML's wheels
# carry libyaml, so a given installation always writes the same bytes.
_SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump(data: Any) -> str:
    """Dump YAML deterministically (keys in the given order, Unicode kept, wide lines)."""
    return yaml.dump(data, Dumper=_SAFE_DUMPER, allow_unicode=True, sort_keys=False, width=100000,
                     default_flow_style=False)
