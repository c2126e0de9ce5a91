"""Journey pages' late parts (map, step details, tables, downloads) made in a second
process while MkDocs converts pages in the first.

MkDocs builds a site on one core: it converts every page, then writes them one by one,
and a journey page's map is drawn when it is written. With a second core, a child
process draws meanwhile. Forked before the journeys are read, it reads them itself
and makes the pages' parts in the order MkDocs writes them, saving each in a private
folder and reporting its number through a pipe. When MkDocs writes a page, the parent
takes the child's parts. If the child has not got there yet, the parent does not sit
idle: it makes pages from the far end of the list, which the child then never
reaches, and looks again. Whatever the child did not do (it failed, or the parent took
the page), the parent makes exactly as it would with no child: the site and its errors
are the same either way.

The child is forked only on Linux, with at least two cores, while the process runs no
other thread (``mkdocs serve`` does; it redraws only changed journeys anyway), and not
when ``JOURNEYMAP_PROCESSES=1``.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import logging
import mmap
import os
import pickle
import select
import shutil
import signal
import struct
import sys
import tempfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

__all__ = ["DrawAhead", "can_fork"]


def can_fork() -> bool:
    """Whether a child would help, and could be forked safely."""
    if os.environ.get("JOURNEYMAP_PROCESSES", "").strip() == "1" or not sys.platform.startswith("linux"):
        return False
    return len(os.sched_getaffinity(0)) >= 2 and _only_thread()


def _only_thread() -> bool:
    """Whether this process runs a single thread. Native threads count too (typst leaves
    idle ones behind once it has run): a fork copies only the calling thread, and a
    library whose threads vanished would wait for them forever."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


class DrawAhead:
    """Jobs shared between a forked child, which does them from the first one up, and
    the parent, which asks for their results in the same order.

    ``result(i)`` is job ``i``'s return value, from the child or from a job the parent
    did while it waited; ``None`` means the parent must do job ``i`` itself. While the
    child has not reached job ``i``, the parent takes the last job nobody has taken,
    does it, and keeps its result for later; the child stops where the parent's jobs
    begin. At that point both may do the same job, which is harmless: a job gives the
    same result in either process.
    """

    def __init__(self) -> None:
        self.pid = 0
        self._jobs: Sequence[Callable[[], Any]] = ()
        self._pipe = -1
        self._pending = b""
        self._done: set[int] = set()
        self._kept: set[int] = set()
        self._folder: Path | None = None
        self._limit: mmap.mmap | None = None

    @classmethod
    def start(cls, jobs: Sequence[Callable[[], Any]]) -> DrawAhead:
        ahead = cls()
        if len(jobs) < 2 or not can_fork():
            return ahead
        folder = Path(tempfile.mkdtemp(prefix="journeymap-ahead-"))
        limit = mmap.mmap(-1, 8)  # shared with the child: where the parent's jobs begin
        _LIMIT.pack_into(limit, 0, len(jobs))
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # never returns: the frames it inherited (a build's cleanup) must not run here
            try:
                os.close(read)
                _child(jobs, folder, write, limit)
            finally:
                os._exit(1)
        os.close(write)
        ahead.pid, ahead._jobs, ahead._pipe, ahead._folder, ahead._limit = pid, jobs, read, folder, limit
        atexit.register(shutil.rmtree, folder, ignore_errors=True)  # should the build be interrupted
        return ahead

    @property
    def running(self) -> bool:
        return self._pipe >= 0

    def result(self, index: int) -> Any:
        if self._folder is None or self._limit is None or not 0 <= index < len(self._jobs):
            return None
        while True:
            self._collect()
            if index in self._kept:
                return self._load(f"p{index}")
            if index in self._done:
                return self._load(f"c{index}")
            first_taken = _LIMIT.unpack_from(self._limit, 0)[0]
            if self._pipe < 0 or index >= first_taken - 1:
                _LIMIT.pack_into(self._limit, 0, min(first_taken, index))
                return None  # the child has ended, or this job is the parent's now
            last = first_taken - 1  # the child is behind: do the last job nobody has taken
            _LIMIT.pack_into(self._limit, 0, last)
            self._save(f"p{last}", self._jobs[last]())
            self._kept.add(last)

    def wait(self) -> None:
        """Until the child ends: it has done every job it was going to do."""
        self._collect(block=True)

    def _save(self, name: str, value: Any) -> None:
        assert self._folder is not None
        _write(self._folder / name, value)

    def _load(self, name: str) -> Any:
        """A result saved by the child (``c<index>``) or by the parent (``p<index>``)."""
        assert self._folder is not None
        path = self._folder / name
        try:
            data = path.read_bytes()
            path.unlink()
            return pickle.loads(zlib.decompress(data))
        except (OSError, pickle.UnpicklingError, EOFError, zlib.error):
            return None

    def _collect(self, *, block: bool = False) -> None:
        """Note the jobs the child has reported done."""
        while self._pipe >= 0 and (block or select.select([self._pipe], [], [], 0)[0]):
            chunk = os.read(self._pipe, 4096)
            if not chunk:  # the child has ended
                os.close(self._pipe)
                self._pipe = -1
                break
            data = self._pending + chunk
            whole = len(data) - len(data) % _INDEX.size
            self._done.update(index for (index,) in _INDEX.iter_unpack(data[:whole]))
            self._pending = data[whole:]

    def stop(self, *, wait: bool = False) -> None:
        """End the child and remove its folder; ``wait`` lets it finish its current job
        (it may be writing a file of the site), else it is stopped at once."""
        if self._limit is not None:
            _LIMIT.pack_into(self._limit, 0, 0)  # every job is taken: the child ends
            self._limit = None
        if self._pipe >= 0:
            os.close(self._pipe)
            self._pipe = -1
        if self.pid:
            with contextlib.suppress(OSError):
                if not wait and os.waitpid(self.pid, os.WNOHANG) == (0, 0):
                    os.kill(self.pid, signal.SIGTERM)
                os.waitpid(self.pid, 0)
            self.pid = 0
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
        self._jobs = ()


_LIMIT = struct.Struct("q")
_INDEX = struct.Struct("I")


def _write(path: Path, value: Any) -> None:
    """A result, compressed: the child may run hundreds of pages ahead, and the
    temporary folder is often in memory (tmpfs)."""
    path.write_bytes(zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1))


def _child(jobs: Sequence[Callable[[], Any]], folder: Path, pipe: int, limit: mmap.mmap) -> NoReturn:
    code = 0
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        logging.disable(logging.CRITICAL)  # the parent reports what goes wrong, once
        # What the parent made before the fork (MkDocs' state, the imported modules) is
        # kept out of the collector's sight: the collector would otherwise write to all of
        # it, and each memory page written in a forked process becomes a copy.
        gc.freeze()
        gc.enable()
        for index, job in enumerate(jobs):
            if index >= _LIMIT.unpack_from(limit, 0)[0]:
                break  # the parent has taken the rest
            _write(folder / f"c{index}", job())
            os.write(pipe, _INDEX.pack(index))
    except BrokenPipeError:  # the parent is gone (killed, say): nobody will read the folder
        shutil.rmtree(folder, ignore_errors=True)
        code = 1
    except BaseException:  # the parent does this job and the rest, and reports any error
        code = 1
    finally:
        os._exit(code)
