"""Files of a docs tree: written only when their bytes change, copied only from inside
the content folder.

Writing only what changed keeps every other file's modification time, so an engine
that rebuilds by time (``mkdocs serve``'s dirty builds, Zensical's cache) redoes just
the pages whose journey changed.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from generator.read.content_safety import check_file, name_is_text

__all__ = ["content_files", "copy_if_changed", "place_file", "write_if_changed"]


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


def place_file(source: Path, target: Path) -> None:
    """Put ``source``'s bytes at ``target`` (in an existing folder): a hard link when both
    are on one file system, else ``copy_if_changed``. ``target`` is replaced through a
    rename, so it is never half-written; one that is ``source`` already is left alone.

    A link shares the bytes, never the name: ``source`` is only ever replaced by a
    rename (``write_if_changed``), which leaves the linked ``target`` as it was.
    """
    with contextlib.suppress(OSError):
        if os.path.samefile(source, target):
            return
    temporary = target.with_name(f".{target.name}.{os.getpid()}.link")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temporary)
    try:
        os.link(source, temporary)
    except OSError:  # another file system, or no hard links there
        copy_if_changed(source, target)
        return
    try:
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def content_files(content: Path) -> Iterator[tuple[str, Path]]:
    """(docs-tree path, file) of every regular file the site publishes from ``content``.

    Dot-files and dot-folders are left out, as both engines leave them out, and so is
    every entry ``check_file`` refuses: a symlink is followed only when it resolves to a
    regular file inside ``content``; one that points elsewhere (``/etc/shadow``,
    ``/proc/self/environ``) or at a device, a FIFO or a socket is never read, nor is a
    file whose name is not UTF-8.
    """
    for folder, dirs, files in os.walk(content):
        base = Path(folder)
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not (base / d).is_symlink() and name_is_text(base / d)
        )
        for name in sorted(files):
            path = base / name
            if not name.startswith(".") and check_file(path, content, read=False) is None:
                yield path.relative_to(content).as_posix(), path
