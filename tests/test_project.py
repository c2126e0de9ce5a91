"""Project hygiene: lint, format and types stay clean; README and CI agree."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import REPO

BIN = os.path.dirname(sys.executable)


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [["ruff", "check", "."], ["ruff", "format", "--check", "."], ["mypy"]],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_tool_is_clean(command: list[str]) -> None:
    result = subprocess.run(
        [os.path.join(BIN, command[0]), *command[1:]], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in readme.splitlines() if line.startswith("python3 -m venv")]
    assert len(commands) == 2, "the Quick start has exactly two commands"
    assert commands[1] in ci.splitlines()
    assert "journeymap" in commands[0]
