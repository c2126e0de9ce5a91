"""A real ``journeymap serve`` in a project, for tests that edit files and wait for the
served page to show it."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def served(root: Path, engine: str) -> Iterator[tuple[str, Callable[[str, str], str]]]:
    """``journeymap serve --engine ENGINE`` in ``root``: yields its address and
    ``wait_for(path, text)``, which returns the page at ``path`` once it holds ``text``
    (failing after a minute). The server is stopped on the way out."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    exe = os.path.join(os.path.dirname(sys.executable), "journeymap")
    server = subprocess.Popen(
        [exe, "serve", "--engine", engine, "-a", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    address = f"http://127.0.0.1:{port}"

    def wait_for(path: str, text: str) -> str:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(address + path, timeout=5) as response:
                    html = str(response.read().decode("utf-8"))
                if text in html:
                    return html
            except OSError:
                pass
            time.sleep(0.3)
        pytest.fail(f"{path} never showed {text!r}")

    try:
        yield address, wait_for
    finally:
        server.terminate()
        server.wait(timeout=10)
