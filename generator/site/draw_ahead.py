"""Journey pages' late parts (map, step details, tables, downloads) made partly in a
second process while MkDocs converts pages in the first.

MkDocs builds a site on one core: it converts every page, then writes them one by one,
and a journey page's map is drawn when it is written. With a second core, a child
process draws meanwhile. It is forked once the journeys are read and takes the pages
from the last one down; for each it saves the parts in a private folder and reports
the page's number through a pipe. The parent writes pages from the first one up: it
takes the parts the child made, and makes the others itself without waiting. They meet
in the middle, and the child stops. Whatever the child did not do, because it failed
or had not got there, the parent does exactly as it would with no child: the site and
its errors are the same either way.

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
    """Jobs shared between a forked child, which takes them from the last one down, and
    the parent, which asks for them from the first one up.

    ``result(i)`` is job ``i``'s return value if the child has done it, or ``None``: the
    parent then does job ``i`` itself, and the child stops once it reaches a job the
    parent has taken. Neither waits for the other; at the meeting point both may do the
    same job, which is harmless since jobs give the same result in either process.
    """

    def __init__(self) -> None:
        self.pid = 0
        self._pipe = -1
        self._pending = b""
        self._done: set[int] = set()
        self._folder: Path | None = None
        self._taken: mmap.mmap | None = None

    @classmethod
    def start(cls, jobs: Sequence[Callable[[], Any]]) -> DrawAhead:
        ahead = cls()
        if len(jobs) < 2 or not can_fork():
            return ahead
        folder = Path(tempfile.mkdtemp(prefix="journeymap-ahead-"))
        taken = mmap.mmap(-1, 8)  # shared with the child: the last job the parent took
        _TAKEN.pack_into(taken, 0, -1)
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            _child(jobs, folder, write, taken)
        os.close(write)
        ahead.pid, ahead._pipe, ahead._folder, ahead._taken = pid, read, folder, taken
        atexit.register(shutil.rmtree, folder, ignore_errors=True)  # should the build be interrupted
        return ahead

    @property
    def running(self) -> bool:
        return self._pipe >= 0

    def result(self, index: int) -> Any:
        if self._folder is None or self._taken is None:
            return None
        self._collect()
        if index not in self._done:
            _TAKEN.pack_into(self._taken, 0, index)
            self._collect()  # the child may have finished it meanwhile
        if index not in self._done:
            return None
        path = self._folder / str(index)
        try:
            data = path.read_bytes()
            path.unlink()
            return pickle.loads(data)
        except (OSError, pickle.UnpicklingError, EOFError):
            return None

    def wait(self) -> None:
        """Until the child ends: it has done every job it was going to do."""
        self._collect(block=True)

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
        if self._taken is not None:
            _TAKEN.pack_into(self._taken, 0, sys.maxsize)  # every job is taken: the child ends
            self._taken = None
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


_TAKEN = struct.Struct("q")
_INDEX = struct.Struct("I")


def _child(jobs: Sequence[Callable[[], Any]], folder: Path, pipe: int, taken: mmap.mmap) -> NoReturn:
    code = 0
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        logging.disable(logging.CRITICAL)  # the parent reports what goes wrong, once
        # What the parent made before the fork (MkDocs' state, the imported modules) is
        # kept out of the collector's sight: the collector would otherwise write to all of
        # it, and each memory page written in a forked process becomes a copy.
        gc.freeze()
        gc.enable()
        for index in range(len(jobs) - 1, -1, -1):
            if index <= _TAKEN.unpack_from(taken, 0)[0]:
                break  # the parent has come this far: it does the rest
            (folder / str(index)).write_bytes(pickle.dumps(jobs[index](), protocol=pickle.HIGHEST_PROTOCOL))
            os.write(pipe, _INDEX.pack(index))
    except BaseException:  # the parent does this job and the rest, and reports any error
        code = 1
    finally:
        os._exit(code)
