"""Reading content from git: files changed between revisions and a file at a revision.

Revisions come from users and pull requests: each is checked (never an option) and
resolved to a commit first, and passed after ``--end-of-options``; paths are read
NUL-separated (``-z``), so every file name works, non-ASCII and tabs included.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

__all__ = [
    "GitError",
    "changed_files",
    "default_base",
    "enclosing_repository",
    "folder_log",
    "read_at",
    "read_many",
    "repository_root",
    "resolve_revision",
    "tracked_files",
]


class GitError(Exception):
    """git is missing, the folder is no repository, or a revision does not exist."""


def _git(root: Path, *args: str) -> str:
    """git's output; a path that is not UTF-8 comes back with its bytes as surrogates."""
    try:
        result = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, encoding="utf-8", errors="surrogateescape", check=False
        )
    except FileNotFoundError as exc:
        raise GitError("git is not installed") from exc
    if result.returncode != 0:
        raise GitError(result.stderr.strip() or f"git {' '.join(args)} failed")
    return result.stdout


def repository_root(start: Path) -> Path:
    return Path(_git(start, "rev-parse", "--show-toplevel").strip())


def default_base(root: Path) -> str:
    """The merge base with the default branch, or HEAD when there is none to compare with."""
    for branch in ("origin/HEAD", "origin/main", "origin/master", "main", "master"):
        try:
            base = _git(root, "merge-base", "HEAD", branch).strip()
        except GitError:
            continue
        if base:
            return base
    return "HEAD"


def resolve_revision(root: Path, revision: str) -> str:
    """The commit ``revision`` names, as a full hash; ``GitError`` for anything else,
    an option (``--output=FILE``) above all."""
    if not revision or revision.startswith("-") or any(c in revision for c in "\0\n"):
        raise GitError(f"'{revision}' is not a revision")
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}").strip()
    except GitError as exc:
        raise GitError(f"'{revision}' is not a commit of this repository") from exc


def _fields(output: str) -> list[str]:
    """NUL-separated fields, the empty one after the last NUL left out."""
    fields = output.split("\0")
    return fields[:-1] if fields and fields[-1] == "" else fields


def _name_status(fields: list[str]) -> Iterator[tuple[str, str, str]]:
    """(status letter, old path, new path) from ``--name-status -z`` fields: a rename or
    copy gives both paths, any other change one."""
    position = 0
    while position + 1 < len(fields):
        status = fields[position][:1]
        if status in ("R", "C") and position + 2 < len(fields):
            yield status, fields[position + 1], fields[position + 2]
            position += 3
        else:
            yield status, fields[position + 1], fields[position + 1]
            position += 2


def changed_files(root: Path, base: str, head: str | None, folder: str) -> list[tuple[str, str, str]]:
    """(status letter, old path, new path) of Markdown files under ``folder`` (paths from ``root``).

    ``base`` and ``head`` are commits (``resolve_revision``). Without ``head`` the working
    tree counts, untracked files included. Renames are followed.
    """
    commits = [resolve_revision(root, base)] + ([resolve_revision(root, head)] if head else [])
    fields = _fields(_git(root, "diff", "--name-status", "-z", "-M", "--end-of-options", *commits, "--", folder))
    rows = list(_name_status(fields))
    if head is None:
        for path in _fields(_git(root, "ls-files", "-z", "--others", "--exclude-standard", "--", folder)):
            rows.append(("A", path, path))
    return sorted({row for row in rows if row[2].endswith(".md") or row[1].endswith(".md")}, key=lambda r: (r[2], r[1]))


def enclosing_repository(start: Path) -> Path | None:
    """The folder holding the ``.git`` of the work tree ``start`` is in, if any (read from
    the file system: no git needed, and nothing git refuses to answer)."""
    folder = start.absolute()
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def tracked_files(root: Path, folder: str) -> list[str]:
    """The files below ``folder`` (relative to ``root``) that git tracks, as paths from ``root``."""
    return _fields(_git(root, "ls-files", "-z", "--", folder))


def read_at(root: Path, revision: str | None, path: str) -> bytes | None:
    """A file's bytes at ``revision`` (``None``: the working tree), or ``None`` if absent."""
    if revision is None:
        target = root / path
        return target.read_bytes() if target.is_file() else None
    commit = resolve_revision(root, revision)
    try:
        result = subprocess.run(
            ["git", "show", "--end-of-options", f"{commit}:{path}"], cwd=root, capture_output=True, check=False
        )
    except FileNotFoundError as exc:
        raise GitError("git is not installed") from exc
    return result.stdout if result.returncode == 0 else None


def folder_log(root: Path, folder: str, paths: list[str], limit: int = 10) -> dict[str, list[tuple[str, ...]]]:
    """The last ``limit`` commits of each of ``paths`` (inside ``folder``), from one ``git log``.

    Each entry is (commit, date, subject, path at that commit, path just before it):
    renames inside the folder are followed, as ``git log --follow`` would for one file.
    A file moved in from outside the folder starts its history at the move.
    """
    out = _git(root, "log", "-z", "-M", "--name-status", "--date=short", "--format=%x1e%H%x1f%ad%x1f%s", "--", folder)
    tracking = {path: path for path in paths}  # path at the commit being read -> path today
    found: dict[str, list[tuple[str, ...]]] = {path: [] for path in paths}
    for record in out.split("\x1e"):
        if not tracking:
            break
        header, _, changes = record.partition("\0")
        if not header.strip():
            continue
        commit, date, subject = header.split("\x1f", 2)
        for status, before, then in _name_status(_fields(changes.lstrip("\n"))):
            if status == "D":
                continue
            today = tracking.get(then)
            if today is None:
                continue
            found[today].append((commit, date, subject, then, before))
            del tracking[then]
            if status not in ("A", "C") and len(found[today]) < limit:
                tracking[before] = today
    return found


def read_many(root: Path, specs: list[str]) -> list[bytes | None]:
    """The contents of ``revision:path`` specs from one ``git cat-file --batch`` (``None``: absent)."""
    if not specs:
        return []
    request = "".join(spec + "\n" for spec in specs).encode("utf-8")
    try:
        result = subprocess.run(
            ["git", "cat-file", "--batch"], cwd=root, input=request, capture_output=True, check=False
        )
    except FileNotFoundError as exc:
        raise GitError("git is not installed") from exc
    if result.returncode != 0:
        raise GitError(result.stderr.decode("utf-8", "replace").strip() or "git cat-file failed")
    data, position = result.stdout, 0
    contents: list[bytes | None] = []
    for _ in specs:
        end = data.index(b"\n", position)
        header = data[position:end].split()
        position = end + 1
        if len(header) != 3 or header[1] != b"blob":
            contents.append(None)
            continue
        size = int(header[2])
        contents.append(data[position : position + size])
        position += size + 1
    return contents
