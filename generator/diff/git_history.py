"""Reading content from git: files changed between revisions and a file at a revision."""

from __future__ import annotations

import subprocess
from pathlib import Path

__all__ = ["GitError", "changed_files", "default_base", "folder_log", "read_at", "read_many", "repository_root"]


class GitError(Exception):
    """git is missing, the folder is no repository, or a revision does not exist."""


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
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


def changed_files(root: Path, base: str, head: str | None, folder: str) -> list[tuple[str, str, str]]:
    """(status letter, old path, new path) of Markdown files under ``folder`` (paths from ``root``).

    Without ``head`` the working tree counts, untracked files included. Renames are followed.
    """
    args = ["diff", "--name-status", "-M", base] + ([head] if head else []) + ["--", folder]
    rows = []
    for line in _git(root, *args).splitlines():
        parts = line.split("\t")
        status = parts[0][0]
        old, new = (parts[1], parts[2]) if status in ("R", "C") else (parts[1], parts[1])
        rows.append((status, old, new))
    if head is None:
        for path in _git(root, "ls-files", "--others", "--exclude-standard", "--", folder).splitlines():
            rows.append(("A", path, path))
    return sorted({row for row in rows if row[2].endswith(".md") or row[1].endswith(".md")}, key=lambda r: (r[2], r[1]))


def read_at(root: Path, revision: str | None, path: str) -> bytes | None:
    """A file's bytes at ``revision`` (``None``: the working tree), or ``None`` if absent."""
    if revision is None:
        target = root / path
        return target.read_bytes() if target.is_file() else None
    try:
        result = subprocess.run(["git", "show", f"{revision}:{path}"], cwd=root, capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise GitError("git is not installed") from exc
    return result.stdout if result.returncode == 0 else None


def folder_log(root: Path, folder: str, paths: list[str], limit: int = 10) -> dict[str, list[tuple[str, ...]]]:
    """The last ``limit`` commits of each of ``paths`` (inside ``folder``), from one ``git log``.

    Each entry is (commit, date, subject, path at that commit, path just before it):
    renames inside the folder are followed, as ``git log --follow`` would for one file.
    A file moved in from outside the folder starts its history at the move.
    """
    out = _git(root, "log", "-M", "--name-status", "--date=short", "--format=%x1e%H%x1f%ad%x1f%s", "--", folder)
    tracking = {path: path for path in paths}  # path at the commit being read -> path today
    found: dict[str, list[tuple[str, ...]]] = {path: [] for path in paths}
    for record in out.split("\x1e"):
        if not tracking:
            break
        if not record.strip():
            continue
        header, _, changes = record.partition("\n")
        commit, date, subject = header.split("\x1f", 2)
        for line in changes.splitlines():
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            status = parts[0][:1]
            then = parts[-1]
            if status == "D":
                continue
            today = tracking.get(then)
            if today is None:
                continue
            before = parts[1] if status == "R" else then
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
