"""Reading YAML front matter into checked values, with a location for every key.

PyYAML's constructors are never run: the text is first scanned as events (to refuse
anchors, aliases, tags and deep nesting before anything is expanded), then composed
into nodes whose marks give each key's line and column. Values are taken from the
nodes' raw text, so ``NO`` stays the word "NO" and ``2026-09-01`` is checked as a date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Literal

import yaml

from generator.errors import Problem, problem
from generator.model import Location
from generator.vocabulary import did_you_mean, normalise_key

__all__ = ["FieldSpec", "FrontMatter", "read_front_matter", "yaml_error_problem"]

MAX_DEPTH = 4
Kind = Literal["text", "list", "date", "mapping"]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One documented front-matter key: its value's shape and Dutch aliases."""

    kind: Kind
    aliases: tuple[str, ...] = ()
    required: bool = False


@dataclass(slots=True)
class FrontMatter:
    """Checked values by canonical key, and where each key's value was written."""

    values: dict[str, object] = field(default_factory=dict)
    locs: dict[str, Location] = field(default_factory=dict)


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NULL_TAG = "tag:yaml.org,2002:null"


class _Reader:
    def __init__(self, path: str, first_line: int) -> None:
        self.path = path
        self.first_line = first_line
        self.problems: list[Problem] = []

    def loc(self, mark: Any) -> Location:
        if mark is None:
            return Location(path=self.path, line=self.first_line - 1, column=1)
        line, column = mark_position(mark)
        return Location(path=self.path, line=self.first_line + line, column=column)

    def report(self, mark: Any, code: str, message: str, hint: str | None = None) -> None:
        self.problems.append(problem(self.loc(mark), code, message, hint))


def read_front_matter(
    text: str, path: str, first_line: int, schema: dict[str, FieldSpec]
) -> tuple[FrontMatter, list[Problem]]:
    """Check the YAML ``text`` whose first line is file line ``first_line`` against ``schema``."""
    reader = _Reader(path, first_line)
    result = FrontMatter()
    root = _compose(text, reader)
    if reader.problems:  # unreadable YAML: anything more would be noise
        return result, reader.problems
    opening = Location(path=path, line=first_line - 1, column=1)
    if root is not None and not isinstance(root, yaml.MappingNode):
        reader.report(root.start_mark, "E208", "front matter must be a mapping of 'key: value' lines")
        return result, reader.problems
    if root is not None:
        _read_mapping(root, schema, reader, result)
    for key, spec in schema.items():
        if not spec.required or result.values.get(key):
            continue
        if key in result.values:
            reader.problems.append(problem(result.locs[key], "E210", f"'{key}' is empty"))
        elif key not in result.locs:  # present but invalid was reported already
            reader.problems.append(problem(opening, "E210", f"missing required key '{key}'"))
    return result, reader.problems


def _compose(text: str, reader: _Reader) -> yaml.Node | None:
    """Compose ``text`` into nodes, refusing what could execute or explode first."""
    try:
        depth = 0
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                reader.report(event.start_mark, "E204", f"YAML alias '*{event.anchor}' is not accepted")
                return None
            if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
                reader.report(event.start_mark, "E204", f"YAML anchor '&{event.anchor}' is not accepted")
                return None
            tag = getattr(event, "tag", None)
            if tag is not None and not _is_implicit(event):
                shown = tag.replace("tag:yaml.org,2002:", "!!")
                reader.report(event.start_mark, "E205", f"YAML tag '{shown}' is not accepted")
                return None
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    reader.report(event.start_mark, "E207", f"value nests deeper than {MAX_DEPTH} levels")
                    return None
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        reader.problems.append(yaml_error_problem(exc, reader.path, reader.first_line))
        return None
    except yaml.reader.ReaderError as exc:  # a control character YAML does not allow
        before = text[: exc.position]
        line = reader.first_line + before.count("\n")
        column = exc.position - (before.rfind("\n") + 1) + 1
        message = (
            f"YAML syntax error: character U+{exc.character:04X} is not allowed"
            if isinstance(exc.character, int)
            else f"YAML syntax error: {exc.reason}"
        )
        reader.problems.append(problem(Location(path=reader.path, line=line, column=column), "E203", message))
        return None


def mark_position(mark: Any) -> tuple[int, int]:
    """0-based line and 1-based column of a YAML mark, counting only ``\n`` as a line break.

    YAML also breaks lines at U+0085, U+2028 and U+2029; Markdown and editors do not.
    """
    buffer = getattr(mark, "buffer", None)
    if isinstance(buffer, str):
        before = buffer[: mark.index]
        return before.count("\n"), mark.index - (before.rfind("\n") + 1) + 1
    return mark.line, mark.column + 1


def yaml_error_problem(exc: yaml.MarkedYAMLError, path: str, first_line: int = 1) -> Problem:
    """An E203 problem placed at the defect: an unclosed quote or bracket, not where parsing stopped."""
    mark = exc.problem_mark
    context = exc.context or ""
    if exc.context_mark is not None and context.startswith(("while scanning a quoted", "while parsing a flow")):
        mark = exc.context_mark
    detail = " ".join(part for part in (exc.problem, context and f"({context})") if part)
    line, column = mark_position(mark) if mark is not None else (0, 1)
    line += first_line
    return problem(Location(path=path, line=line, column=column), "E203", f"YAML syntax error: {detail}")


def _is_implicit(event: yaml.Event) -> bool:
    implicit = getattr(event, "implicit", None)
    if isinstance(implicit, tuple):
        return bool(implicit[0] or implicit[1]) and event.tag in (None, "!")  # type: ignore[attr-defined]
    return bool(implicit)


def _read_mapping(root: yaml.MappingNode, schema: dict[str, FieldSpec], reader: _Reader, result: FrontMatter) -> None:
    spellings = {name: (name, name) for name in schema}
    spellings.update({alias: (canonical, alias) for canonical, spec in schema.items() for alias in spec.aliases})
    vocabulary = {name: spec.aliases for name, spec in schema.items()}
    seen: dict[str, Location] = {}
    for key_node, value_node in root.value:
        raw_key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
        key_loc = reader.loc(key_node.start_mark)
        entry = spellings.get(normalise_key(raw_key))
        if entry is None:
            hint = did_you_mean(raw_key, vocabulary) or "custom data belongs under 'extra:'"
            reader.problems.append(problem(key_loc, "E209", f"unknown front-matter key '{raw_key}'", hint))
            continue
        canonical, _spelling = entry
        if canonical in seen:
            first = seen[canonical]
            message = f"duplicate key '{raw_key}' (first given at line {first.line})"
            reader.problems.append(problem(key_loc, "E206", message))
            continue
        seen[canonical] = key_loc
        result.locs[canonical] = reader.loc(value_node.start_mark)
        value = _convert(canonical, schema[canonical].kind, value_node, reader)
        if value is not None:
            result.values[canonical] = value


def _convert(key: str, kind: Kind, node: yaml.Node, reader: _Reader) -> object:
    is_null = (
        isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG and node.value in ("", "~", "null", "Null", "NULL")
    )
    if kind == "mapping":
        if is_null:
            return {}
        if not isinstance(node, yaml.MappingNode):
            reader.report(node.start_mark, "E211", f"'{key}' must be a mapping of 'key: value' lines")
            return None
        return _plain(node, reader)
    if kind == "list":
        if is_null:
            return ()
        if not isinstance(node, yaml.SequenceNode) or not all(isinstance(item, yaml.ScalarNode) for item in node.value):
            reader.report(node.start_mark, "E211", f"'{key}' must be a list of text, like [first, second]")
            return None
        return tuple(item.value.strip() for item in node.value if item.value.strip())
    if not isinstance(node, yaml.ScalarNode):
        reader.report(node.start_mark, "E211", f"'{key}' must be text, not a list or mapping")
        return None
    text = "" if is_null else node.value.strip()
    if kind == "date":
        try:
            if not _DATE.match(text):
                raise ValueError(text)
            return dt.date.fromisoformat(text)
        except ValueError:
            reader.report(node.start_mark, "E212", f"'{key}' is not a valid date: '{text}'")
            return None
    return text


def _plain(node: yaml.Node, reader: _Reader) -> object:
    """A node as plain Python data (text, lists, dicts) for free-form ``extra`` values."""
    if isinstance(node, yaml.MappingNode):
        out: dict[str, object] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(_plain(key_node, reader))
            if key in out:
                reader.report(key_node.start_mark, "E206", f"duplicate key '{key}'")
                continue
            out[key] = _plain(value_node, reader)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, reader) for item in node.value]
    return str(node.value)
