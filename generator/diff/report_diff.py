"""Journey diffs as Markdown for a pull-request comment, or as JSON."""

from __future__ import annotations

import json

from generator.diff.diff import Change, JourneyDiff

__all__ = ["diff_json", "diff_markdown"]

_STATUS = {"added": "added", "removed": "removed", "renamed": "renamed", "changed": "changed"}


def _md(text: str) -> str:
    """User text safe inside Markdown: no HTML (entities), no formatting, no table breaks."""
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\\", "\\\\")
    for char in "`*_[]|":
        out = out.replace(char, "\\" + char)
    return " ".join(out.split())


def _line(change: Change) -> str:
    subject = f"**{_md(change.subject)}**" if change.subject else ""
    before, after = _md(change.before), _md(change.after)
    kind = change.kind
    if kind in ("feeling-up", "feeling-down"):
        arrow = "↑" if kind == "feeling-up" else "↓"
        better = "better" if kind == "feeling-up" else "worse"
        return f"- {arrow} Feeling {better} at {subject}: {before} → {after} ({change.delta:+g})"
    simple = {
        "journey-added": f"- Journey added: {after}",
        "journey-removed": f"- Journey removed: {before}",
        "persona-added": f"- Persona added: {after}",
        "persona-removed": f"- Persona removed: {before}",
        "pain-added": f"- New pain point at {subject}: {after}",
        "pain-resolved": f"- Resolved pain point at {subject}: {before}",
        "step-added": f"- Step added: {subject} (stage `{after}`)",
        "step-removed": f"- Step removed: {subject} (was in stage `{before}`)",
        "step-moved": f"- Step moved: {subject} ({before} → {after})",
        "step-renamed": f"- Step renamed: {before} → {subject}",
        "stage-added": f"- Stage added: {subject}",
        "stage-removed": f"- Stage removed: {subject}",
        "stage-renamed": f"- Stage renamed: {before} → {after}",
        "owner": f"- Owner of {subject}: {before or '(none)'} → {after or '(none)'}",
        "feeling": f"- Feeling at {subject}: {before or '(none)'} → {after or '(none)'}",
    }
    if kind in simple:
        return simple[kind]
    name = kind.split(":", 1)[-1]
    where = f" at {subject}" if subject else ""
    return f"- {name.capitalize()}{where}: {before or '(none)'} → {after or '(none)'}"


def diff_markdown(diffs: list[JourneyDiff], *, base: str, head: str) -> str:
    """A PR comment: one section per changed file, feelings and pains first."""
    lines = [f"## Journey changes ({_md(base)} → {_md(head)})", ""]
    if not diffs:
        return "\n".join([*lines, "No journey or persona changed.", ""])
    order = {"feeling-down": 0, "feeling-up": 1, "pain-added": 2, "pain-resolved": 3}
    for item in diffs:
        moved = f" (from `{item.old_path}`)" if item.old_path else ""
        lines.append(f"### {_md(item.title)} — {_STATUS[item.status]}")
        lines.append(f"`{item.path}`{moved}")
        lines.append("")
        for change in sorted(item.changes, key=lambda c: order.get(c.kind, 9)):
            lines.append(_line(change))
        lines.append("")
    return "\n".join(lines)


def diff_json(diffs: list[JourneyDiff], *, base: str, head: str) -> str:
    data = {"version": 1, "base": base, "head": head, "files": [d.as_data() for d in diffs]}
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
