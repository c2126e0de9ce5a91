"""A journey's changes from git history, for its page: date, commit subject, summary."""

from __future__ import annotations

from pathlib import Path

from generator.diff import diff_journeys, summarise
from generator.git_history import GitError, file_log, read_at, repository_root
from generator.parse_journey import parse_journey
from generator.source import decode_source

__all__ = ["journey_history"]

# (commit, path) -> summary; commits never change, so summaries are kept across rebuilds.
_SUMMARIES: dict[tuple[str, str], str] = {}


def _journey_at(root: Path, revision: str, path: str) -> object:
    data = read_at(root, revision, path)
    if data is None:
        return None
    text, _ = decode_source(data, path)
    return parse_journey(text, path, Path(path).stem)[0] if text is not None else None


def journey_history(source: Path, limit: int = 10) -> list[tuple[str, str, str]]:
    """(date, subject, summary) of the last commits that touched ``source``, newest first.

    Empty when the file is not in a git repository (or git is missing).
    """
    try:
        root = repository_root(source.parent)
        relative = source.resolve().relative_to(root).as_posix()
        entries = file_log(root, relative, limit)
    except (GitError, ValueError, OSError):
        return []
    rows = []
    for commit, date, subject, path in entries:
        key = (commit, path)
        if key not in _SUMMARIES:
            new = _journey_at(root, commit, path)
            old = _journey_at(root, f"{commit}^", path)
            found = diff_journeys(old, new, path=path) if new is not None else None  # type: ignore[arg-type]
            _SUMMARIES[key] = summarise(found)
        rows.append((date, subject, _SUMMARIES[key]))
    return rows
