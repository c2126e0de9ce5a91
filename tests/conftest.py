"""Shared test helpers: small projects written into ``tmp_path`` and a CLI runner."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import settings

from generator.cli import main

settings.register_profile("default", max_examples=1000)
settings.register_profile("deep", max_examples=20_000)
settings.load_profile("default")

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"
REPO = Path(__file__).parent.parent

PERSONA = """\
---
name: Test persona
---
A persona used by the tests.
"""

JOURNEY = """\
---
title: A small journey
persona: tester
reviewed: 2026-09-01
---

## Stage one
### Does something
- channel: Website
- feeling: 1 fine
"""


@pytest.fixture(autouse=True, scope="session")
def _map_cache_outside_the_repository(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Site builds keep their drawn maps in a temporary folder, not in the repository, and
    the key that signs them in another, not in the home folder."""
    os.environ["JOURNEYMAP_CACHE_DIR"] = str(tmp_path_factory.mktemp("journeymap-cache"))
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))
    os.environ.pop("JOURNEYMAP_CACHE_KEY", None)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from the current output")


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` by relative path, as a SHA-256 of its bytes."""
    import hashlib

    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with ``tests/golden/NAME``; ``pytest --update-golden`` rewrites it.

    On a mismatch the actual output is written next to the golden as ``NAME.actual.*``.
    """
    update = bool(request.config.getoption("--update-golden"))

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        stem, dot, suffix = name.rpartition(".")
        actual_path = GOLDEN / f"{stem}.actual{dot}{suffix}"
        if update:
            path.write_text(actual, encoding="utf-8")
            actual_path.unlink(missing_ok=True)
            return
        expected = path.read_text(encoding="utf-8") if path.exists() else None
        if expected != actual:
            actual_path.write_text(actual, encoding="utf-8")
            pytest.fail(f"{name} differs from its golden file; actual output written to {actual_path}")
        actual_path.unlink(missing_ok=True)

    return check


@dataclass
class Project:
    """A content folder in ``tmp_path`` with a ``tester`` persona, and ways to run the CLI in it."""

    root: Path

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")
        return path

    def journey(self, name: str, text: str) -> Path:
        return self.write(f"content/journeys/{name}.md", text)

    def run(self, *args: str) -> Result:
        """Run ``journeymap ARGS`` with the project as working directory."""
        old = Path.cwd()
        os.chdir(self.root)
        try:
            return CliRunner().invoke(main, list(args), catch_exceptions=False)
        finally:
            os.chdir(old)


@pytest.fixture(params=["mkdocs", "zensical"])
def engine(request: pytest.FixtureRequest) -> str:
    """A test that takes ``engine`` runs with both engines."""
    return str(request.param)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    made = Project(tmp_path)
    made.write("content/personas/tester.md", PERSONA)
    (tmp_path / "content" / "journeys").mkdir()
    return made
