"""Journeys' changes from git history, for their pages: date, commit subject, summary.

One ``git log`` for the journeys folder and one ``git cat-file --batch`` for every
version it names serve the whole site; a version seen twice (as one commit's result
and the next one's starting point) is parsed once.
"""

from __future__ import annotations

from pathlib import Path

from generator.diff.diff import diff_journeys, summarise
from generator.diff.git_history import GitError, folder_log, read_many, repository_root
from generator.model import Journey
from generator.read.parse_journey import parse_journey
from generator.read.source import decode_source

__all__ = ["site_history"]

History = list[tuple[str, str, str]]
"""(date, commit subject, summary of what changed), newest first."""

# (commit, path) -> summary; commits never change, so summaries are kept across rebuilds.
_SUMMARIES: dict[tuple[str, str], str] = {}


def site_history(folder: Path, sources: list[Path], limit: int = 10) -> dict[Path, History]:
    """The history of each of ``sources`` (journey files in ``folder``).

    Empty lists when the folder is not in a git repository (or git is missing).
    """
    found: dict[Path, History] = {source: [] for source in sources}
    try:
        root = repository_root(folder)
        relative = {source: source.resolve().relative_to(root).as_posix() for source in sources}
        # git's batch protocol is line-based: a (very odd) file name with a newline gets no history.
        relative = {source: path for source, path in relative.items() if "\n" not in path}
        log = folder_log(root, folder.resolve().relative_to(root).as_posix(), sorted(relative.values()), limit)
        summaries = _summaries(root, [entry for entries in log.values() for entry in entries])
    except (GitError, ValueError, OSError):
        return found
    for source, path in relative.items():
        found[source] = [(date, subject, summaries[(commit, then)]) for commit, date, subject, then, _ in log[path]]
    return found


def _summaries(root: Path, entries: list[tuple[str, ...]]) -> dict[tuple[str, str], str]:
    todo = [entry for entry in entries if (entry[0], entry[3]) not in _SUMMARIES]
    specs = [spec for commit, _, _, then, before in todo for spec in (f"{commit}:{then}", f"{commit}^:{before}")]
    contents = read_many(root, specs)
    parsed: dict[bytes, Journey | None] = {}

    def journey(data: bytes | None, path: str) -> Journey | None:
        if data is None:
            return None
        if data not in parsed:
            text, _ = decode_source(data, path)
            parsed[data] = parse_journey(text, path, Path(path).stem)[0] if text is not None else None
        return parsed[data]

    for index, (commit, _, _, then, before) in enumerate(todo):
        new = journey(contents[2 * index], then)
        old = journey(contents[2 * index + 1], before)
        found = diff_journeys(old, new, path=then) if new is not None else None
        _SUMMARIES[(commit, then)] = summarise(found)
    return {(entry[0], entry[3]): _SUMMARIES[(entry[0], entry[3])] for entry in entries}
