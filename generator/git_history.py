"""Reading content from git: files changed between revisions and a file at a revision."""

from __future__ import annotations

import subprocess
from pathlib import Path

__all__ = ["GitError", "changed_files", "default_base", "file_log", "read_at", "repository_root"]


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


def file_log(root: Path, path: str, limit: int = 10) -> list[tuple[str, str, str, str]]:
    """(commit, date, subject, path at that commit) for the last ``limit`` commits of ``path``,
    renames followed, newest first."""
    out = _git(
        root, "log", "--follow", f"-n{limit}", "--name-only", "--date=short", "--format=%x1e%H%x1f%ad%x1f%s", "--", path
    )
    entries = []
    for record in out.split("\x1e"):
        if not record.strip():
            continue
        header, _, names = record.partition("\n")
        commit, date, subject = header.split("\x1f", 2)
        changed = [line for line in names.splitlines() if line.strip()]
        entries.append((commit, date, subject, changed[-1] if changed else path))
    return entries
