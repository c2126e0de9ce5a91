"""Files of a docs tree: written only when their bytes change, copied only from inside
the content folder.

Writing only what changed keeps every other file's modification time, so an engine
that rebuilds by time (``mkdocs serve``'s dirty builds, Zensical's cache) redoes just
the pages whose journey changed.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

__all__ = ["content_files", "copy_if_changed", "write_if_changed"]


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` (through a temporary file and a rename) unless it holds
    exactly that already; whether it wrote."""
    from generator.build import write_atomically

    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomically(path, data)
    return True


def copy_if_changed(source: Path, target: Path) -> bool:
    """Copy ``source`` to ``target`` (streamed, through a temporary file and a rename)
    unless ``target`` holds the same bytes already; whether it copied."""
    import filecmp
    import shutil
    import tempfile

    try:
        if target.stat().st_size == source.stat().st_size and filecmp.cmp(source, target, shallow=False):
            return False
    except OSError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    os.close(handle)
    try:
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return True


def _text(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def content_files(content: Path) -> Iterator[tuple[str, Path]]:
    """(docs-tree path, file) of every regular file the site publishes from ``content``.

    Dot-files and dot-folders are left out, as both engines leave them out. A symlink
    is followed only when it resolves to a regular file inside ``content``: one that
    points elsewhere (``/etc/shadow``, ``/proc/self/environ``) or at a device, a FIFO
    or a socket is never read.
    """
    root = content.resolve()
    for folder, dirs, files in os.walk(content):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not os.path.islink(os.path.join(folder, d)) and _text(d)
        )
        for name in sorted(files):
            if name.startswith(".") or not _text(name):  # a name that is not UTF-8 (E104)
                continue
            path = Path(folder) / name
            try:
                resolved = path.resolve(strict=True)
                mode = resolved.stat().st_mode
            except (OSError, RuntimeError):  # a dangling link or a loop
                continue
            if not stat.S_ISREG(mode) or not resolved.is_relative_to(root):
                continue
            yield path.relative_to(content).as_posix(), path
