"""YAML reading that remembers line numbers, and YAML writing that always parses back."""

from __future__ import annotations

from typing import Any

import yaml


# libyaml's parser when PyYAML was built with it: the knowledge base is read on every check and build,
# and the pure-Python parser takes ten times as long. Both give the same values and the same marks.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SAFE_LOADER):
    """A safe loader that records the line of every mapping under the key "__line__"."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    key_lines = {}
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            key_lines[key_node.value] = key_node.start_mark.line + 1
    mapping["__key_lines__"] = key_lines
    return mapping


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode):
    """A date-looking value that is not a real date ("2025-13-40") stays text, for a clear message later."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def load_with_lines(text: str) -> Any:
    """Parse YAML; every mapping carries "__line__" and "__key_lines__". Raises yaml.YAMLError."""
    return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass


def strip_lines(value: Any) -> Any:
    """Remove the line bookkeeping from a parsed value."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k not in ("__line__", "__key_lines__")}
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


# libyaml's emitter too: the front matter of every generated page is dumped on every build (5 times faster
# than the pure-Python emitter: 18 s of the whole corpus's render). They write the same YAML except that
# libyaml escapes characters beyond the Basic Multilingual Plane (emoji) in double quotes; PyYAML's wheels
# carry libyaml, so a given installation always writes the same bytes.
_SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump(data: Any) -> str:
    """Dump YAML deterministically (keys in the given order, Unicode kept, wide lines)."""
    return yaml.dump(data, Dumper=_SAFE_DUMPER, allow_unicode=True, sort_keys=False, width=100000,
                     default_flow_style=False)
