"""Problems as text for people, annotations for GitHub Actions, or JSON for tools."""

from __future__ import annotations

import json

from generator.errors import Problem, Severity

__all__ = ["format_github", "format_json", "format_text", "summary_line"]


def _severity(item: Problem, strict: bool) -> str:
    return Severity.ERROR.value if strict else item.severity.value


def format_text(problems: list[Problem], *, strict: bool = False, color: bool = False) -> str:
    """``path:line:col: error[CODE]: message`` and an indented hint line per problem."""
    lines = []
    for item in problems:
        severity = _severity(item, strict)
        label = f"{severity}[{item.code}]"
        if color:
            code = "31" if severity == "error" else "33"
            label = f"\x1b[1;{code}m{label}\x1b[0m"
        lines.append(f"{item.loc}: {label}: {item.message}")
        if item.hint:
            lines.append(f"  hint: {item.hint}")
    return "\n".join(lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: list[Problem], *, strict: bool = False) -> str:
    """GitHub Actions workflow commands, so problems show on the changed lines of a PR."""
    lines = []
    for item in problems:
        command = _severity(item, strict)
        props = ",".join(
            [
                f"file={_escape_property(item.loc.path)}",
                f"line={item.loc.line}",
                f"col={item.loc.column}",
                f"title={_escape_property(item.code)}",
            ]
        )
        body = item.message + (f"\n{item.hint}" if item.hint else "")
        lines.append(f"::{command} {props}::{_escape_data(body)}")
    return "\n".join(lines)


def format_json(problems: list[Problem], *, strict: bool = False, journeys: int = 0, personas: int = 0) -> str:
    """A JSON document: counts and one object per problem, keys sorted."""
    items = [
        {
            "path": item.loc.path,
            "line": item.loc.line,
            "column": item.loc.column,
            "severity": _severity(item, strict),
            "code": item.code,
            "message": item.message,
            "hint": item.hint,
        }
        for item in problems
    ]
    errors = sum(1 for item in items if item["severity"] == "error")
    document = {
        "version": 1,
        "checked": {"journeys": journeys, "personas": personas},
        "errors": errors,
        "warnings": len(items) - errors,
        "problems": items,
    }
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(problems: list[Problem], *, journeys: int, personas: int, data: int = 0, strict: bool = False) -> str:
    """One line: what was checked and how many problems of each kind."""
    errors = sum(1 for item in problems if _severity(item, strict) == "error")
    warnings = len(problems) - errors
    checked = f"checked {_plural(journeys, 'journey')} and {_plural(personas, 'persona')}"
    if data:
        checked = (
            f"checked {_plural(journeys, 'journey')}, {_plural(personas, 'persona')} and {_plural(data, 'data file')}"
        )
    if not problems:
        return f"{checked}: no problems"
    return f"{checked}: {_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
