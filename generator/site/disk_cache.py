"""Drawn maps and downloads kept on disk between site builds, so a rebuild redraws only
the journeys that changed.

An entry is named by a hash of everything its content depends on: the journey as
parsed, the persona's name, the settings, and a fingerprint of journeymap itself (its
code, templates and fonts, typst's version and the site's template overrides). Each
file starts with a signature and an HMAC-SHA256 of its name and content, and is written
to a temporary name and renamed, so a damaged, half-written or foreign file is never
used: it is drawn again. After a build, entries it did not use are removed; nothing but
entries (files named as entries are, in a folder with the marker) is ever removed.

The HMAC's key is not the project's: it is ``JOURNEYMAP_CACHE_KEY`` when set (a CI
secret, for a CI that keeps the cache between runs), else a random key journeymap keeps
in ``$XDG_CACHE_HOME/journeymap/cache-key`` (``~/.cache``), made on first use. Entry
names can be worked out from a project's content, so without the key a pull request
could commit ``.cache/journeymap/…`` files that put HTML the review never shows into
the site; with it, such a file is just another foreign file. A key file someone else
could have written (another user's, one others may write, a link) is replaced by a new
one. A key file inside the project or its git work tree, in a folder others may write
to, or one that cannot be read or made, gives way to a key of this process only: the
cache then serves the build it is in, and nothing from before.

The cache's folder holds a marker file, written when journeymap makes the folder. A
folder that holds other files and no marker (``JOURNEYMAP_CACHE_DIR=~/.cache``) is
refused with a message, before anything is written or removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import secrets
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["MARKER", "CacheFolderError", "DiskCache", "cache_key", "fingerprint", "open_cache"]

_SIGNATURE = b"journeymap-cache-2\n"
_HEADER = len(_SIGNATURE) + 32  # the signature, the HMAC-SHA256 of the entry's name and body
MARKER = ".journeymap-cache"
"""The file that makes a folder journeymap's cache."""
_TEMPORARY = ".tmp-"


class CacheFolderError(Exception):
    """The cache folder holds files that are not journeymap's (a usage error)."""


_ENTRY_NAME = re.compile(r"[0-9a-f]{64}(?:[-.][0-9A-Za-z_]+)+")
"""The name of a cache entry: a hash of its inputs, and its kind."""


def _ours(path: Path) -> bool:
    return path.name.startswith(_TEMPORARY) or bool(_ENTRY_NAME.fullmatch(path.name))


def key_file() -> Path:
    """Where journeymap keeps the key of its caches' signatures."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "journeymap" / "cache-key"


def cache_key(project: Path | None = None) -> bytes:
    """The key the cache entries are signed with (see the module's text); ``project``
    is the folder of ``mkdocs.yml``: no key file inside it, or inside the git work tree
    it is in, is trusted."""
    given = os.environ.get("JOURNEYMAP_CACHE_KEY", "")
    if given:
        return hashlib.sha256(b"journeymap-cache-key\0" + given.encode("utf-8", "surrogateescape")).digest()
    with contextlib.suppress(OSError, RuntimeError):  # no home folder: RuntimeError
        path = key_file()
        if project is not None:
            from generator.diff.git_history import enclosing_repository

            for folder in (project, enclosing_repository(project)):
                if folder is not None and path.resolve().is_relative_to(folder.resolve()):
                    return _process_key()
        return _kept_key(path)
    return _process_key()


def _read_key(path: Path) -> str:
    """The key ``path`` holds, or ``""`` when it holds none (missing, unreadable, cut
    short) or when another user could have written it: a file or folder of someone else,
    or one others may write to (a shared ``XDG_CACHE_HOME``), or a link."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return ""
    with os.fdopen(fd, "rb") as handle:
        if not _private(os.fstat(handle.fileno())) or not _private(os.stat(path.parent)):
            return ""
        try:
            text = handle.read(256).decode("ascii").strip()
        except (OSError, UnicodeDecodeError):
            return ""
    return text if len(text) >= 32 else ""


def _private(status: os.stat_result) -> bool:
    """Owned by this user and writable by no one else (always so where there are no owners)."""
    if not hasattr(os, "getuid"):
        return True
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


@lru_cache(maxsize=4)
def _kept_key(path: Path) -> bytes:
    """The key in ``path``, made there (readable by this user only) when it holds none.
    Raises ``OSError`` when it can be neither read nor made."""
    text = _read_key(path)
    if not text:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=_TEMPORARY)  # mode 0600
        try:
            with os.fdopen(handle, "w", encoding="ascii") as out:
                out.write(secrets.token_hex(32) + "\n")
            try:
                os.link(temporary, path)  # never over a key another build has just made
            except FileExistsError:
                if not _read_key(path):
                    os.replace(temporary, path)  # the file there is no key: replaced whole
            except OSError:  # no hard links on this file system
                os.replace(temporary, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        text = _read_key(path)
        if not text:
            raise OSError(f"{path}: no key could be kept")
    return hashlib.sha256(b"journeymap-cache-key\0" + text.encode("ascii")).digest()


@lru_cache(maxsize=1)
def _process_key() -> bytes:
    return secrets.token_bytes(32)


def open_cache(folder: Path, key: bytes | None = None) -> DiskCache:
    """The cache in ``folder``, its entries signed with ``key`` (default ``cache_key()``):
    made with its marker when missing or empty (or holding only entries, as an earlier
    journeymap left it), refused when it holds anything else and no marker."""
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise CacheFolderError(f"{folder}: the cache folder is not a folder")
    if folder.is_dir() and not (folder / MARKER).is_file() and not all(_ours(p) for p in folder.iterdir()):
        raise CacheFolderError(
            f"{folder}: the folder holds files that are not journeymap's cache; "
            "set JOURNEYMAP_CACHE_DIR to a folder of its own (or an empty one)"
        )
    return DiskCache(folder, key)


class DiskCache:
    """Entries in ``folder``, signed with ``key`` (default ``cache_key()``); ``None``
    turns the cache off (every lookup misses)."""

    def __init__(self, folder: Path | None, key: bytes | None = None) -> None:
        self.folder = folder
        self.key = key if key is not None or folder is None else cache_key()
        self.used: set[str] = set()
        self._marked = False  # the marker is written by the first put, not checked by every one

    def get(self, name: str) -> bytes | None:
        if self.folder is None:
            return None
        self.used.add(name)
        try:
            data = (self.folder / name).read_bytes()
        except OSError:
            return None
        body = data[_HEADER:]
        if not hmac.compare_digest(data[:_HEADER], self._header(name, body)):
            return None
        return body

    def put(self, name: str, body: bytes) -> None:
        if self.folder is None:
            return
        self.used.add(name)
        try:
            if not self._marked:
                self.folder.mkdir(parents=True, exist_ok=True)
                marker = self.folder / MARKER
                if not marker.is_file():
                    marker.write_text(
                        "journeymap's cache of drawn maps and downloads; safe to delete.\n", encoding="utf-8"
                    )
                ignore = self.folder / ".gitignore"  # `git add -A` never takes the cache along
                if not ignore.exists():  # a cache an earlier journeymap made gets one, too
                    ignore.write_text("*\n", encoding="utf-8")
                self._marked = True
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=_TEMPORARY)
            with os.fdopen(handle, "wb") as out:
                out.write(self._header(name, body))
                out.write(body)
            os.replace(temporary, self.folder / name)
        except OSError:
            return  # a cache that cannot be written only costs time

    def prune(self) -> None:
        """Remove every entry this build did not use (and leftovers of killed builds):
        only files named as entries, in a folder with the marker; nothing else."""
        if self.folder is None or not (self.folder / MARKER).is_file():
            return
        for path in self.folder.iterdir():
            if path.name in self.used or path.name == MARKER or path.is_symlink() or not path.is_file():
                continue
            if _ours(path):
                with contextlib.suppress(OSError):
                    path.unlink()

    def _header(self, name: str, body: bytes) -> bytes:
        signature = hmac.new(self.key or b"", name.encode("utf-8") + b"\0", hashlib.sha256)
        signature.update(body)
        return _SIGNATURE + signature.digest()


def add_folder(digest: Any, folder: Path) -> None:
    """Every file below ``folder`` (but Python's caches), named and read, into ``digest``."""
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes())


@lru_cache(maxsize=8)
def fingerprint(theme_dir: Path | None) -> str:
    """A hash of what drawing depends on besides its inputs: journeymap's own files,
    typst's version, and the template and CSS overrides in ``<theme_dir>/journeymap``."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    folders = [package] + ([theme_dir / "journeymap"] if theme_dir is not None else [])
    for folder in folders:
        add_folder(digest, folder)
    with contextlib.suppress(ImportError):  # PDFs and PNGs may change with typst's version
        import typst

        digest.update(str(getattr(typst, "__version__", "")).encode("utf-8"))
    return digest.hexdigest()
