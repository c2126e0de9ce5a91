"""What may be read from the content folder: regular files inside it, of bounded size.

Sites are built from pull requests, so the content folder is untrusted: git stores
symlinks, and a link named ``about.md`` may point at ``/etc/shadow`` or
``/proc/self/environ``. Nothing is read or published through a link that leaves the
content folder, or from a device, FIFO or socket (reading a FIFO would hang), and no
Markdown file is read past ``MAX_FILE_BYTES``; images and other files are only copied,
whatever their size. Each such entry is a located error (E102, E103).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.errors import Problem, problem
from generator.model import Location
from generator.read.source import display_path

__all__ = ["MAX_FILE_BYTES", "UnsafeFile", "check_file", "name_is_text", "read_bounded", "shown_path", "unsafe_entries"]

MAX_FILE_BYTES = 16 * 1024 * 1024
"""The largest journey, persona or page read: far above any real one (a 2,000-step
journey is about 4 MB)."""

_KINDS = {
    stat.S_IFIFO: "a FIFO",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFDIR: "a folder",
}


class UnsafeFile(Exception):
    """A file that must not be read; ``problem`` says why, at the file."""

    def __init__(self, found: Problem) -> None:
        super().__init__(str(found))
        self.problem = found


def shown_path(path: Path) -> str:
    """``path`` as text that can be printed: bytes of a name that is not UTF-8 as ``\\xff``."""
    return display_path(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _at(path: Path) -> Location:
    return Location(path=shown_path(path), line=1, column=1)


def name_is_text(path: Path) -> bool:
    """Whether the file's path is valid UTF-8 (git and engines store any bytes)."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_file(path: Path, root: Path, *, read: bool = True) -> Problem | None:
    """Why ``path`` (a file of the content folder ``root``) must not be read, or ``None``;
    a file that is only copied (``read`` false: an image, a PDF) has no size limit."""
    if not name_is_text(path):
        return problem(_at(path), "E104", f"'{shown_path(Path(path.name))}' is not a valid UTF-8 file name")
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return problem(_at(path), "E102", f"'{path.name}' is a link that points nowhere or loops")
    if path.is_symlink() and not target.is_relative_to(root.resolve()):
        return problem(_at(path), "E102", f"'{path.name}' is a link to a file outside the content folder")
    try:
        info = target.stat()
    except OSError as exc:
        return problem(_at(path), "E102", f"'{path.name}' cannot be read: {exc.strerror or exc}")
    if not stat.S_ISREG(info.st_mode):
        kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
        return problem(_at(path), "E102", f"'{path.name}' is {kind}, not a regular file")
    if read and info.st_size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        return problem(_at(path), "E103", f"'{path.name}' is {info.st_size:,} bytes, over the {limit} MB limit")
    return None


def read_bounded(path: Path, root: Path) -> bytes:
    """The bytes of a content file, or ``UnsafeFile``; never more than ``MAX_FILE_BYTES``
    (a file that grows while it is read is refused too)."""
    found = check_file(path, root)
    if found is not None:
        raise UnsafeFile(found)
    with open(path, "rb") as source:
        data = source.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise UnsafeFile(problem(_at(path), "E103", f"'{path.name}' is over the {limit} MB limit"))
    return data


def unsafe_entries(root: Path) -> list[Problem]:
    """Every entry of the content folder ``root`` that must not be read or published:
    links leaving it (files or folders), dangling or looping links, devices, FIFOs,
    sockets and files over the size limit. Dot-files and dot-folders are skipped, as
    both engines skip them."""
    if not root.is_dir():
        return []
    found: list[Problem] = []
    resolved_root = root.resolve()
    for folder, dirs, files in os.walk(root):
        base = Path(folder)
        kept = []
        for name in sorted(dirs):
            if name.startswith("."):
                continue
            path = base / name
            if not name_is_text(path):
                found.append(problem(_at(path), "E104", f"'{shown_path(Path(name))}' is not a valid UTF-8 folder name"))
                continue
            if path.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):
                    found.append(problem(_at(path), "E102", f"'{name}' is a link that points nowhere or loops"))
                    continue
                if not target.is_relative_to(resolved_root):
                    found.append(
                        problem(_at(path), "E102", f"'{name}' is a link to a folder outside the content folder")
                    )
                continue  # a link inside the folder: its files are read where they are
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            if not name.startswith("."):
                reason = check_file(base / name, root, read=name.endswith(".md"))
                if reason is not None:
                    found.append(reason)
    return found
