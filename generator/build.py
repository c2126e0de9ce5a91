"""The pipeline's use cases, one function each; the CLI and the MkDocs plugin call these."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.config import Settings
from generator.errors import Problem, Severity, sort_problems
from generator.load import load_project
from generator.validate import validate_project

__all__ = ["CheckResult", "check"]


@dataclass
class CheckResult:
    """What ``check`` found: every problem, sorted, and how many files were read."""

    problems: list[Problem] = field(default_factory=list)
    journeys: int = 0
    personas: int = 0

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity is severity)

    def failed(self, strict: bool = False) -> bool:
        """Errors fail a check; with ``strict`` so do warnings."""
        return any(p.severity is Severity.ERROR or strict for p in self.problems)


def check(settings: Settings, paths: list[Path] | None = None, today: dt.date | None = None) -> CheckResult:
    """Parse and validate ``paths`` (default: the whole content folder); never raises on content."""
    project = load_project(settings, paths)
    problems = project.problems + validate_project(
        project.journeys, project.personas, settings, today or dt.date.today()
    )
    return CheckResult(
        problems=sort_problems(problems),
        journeys=project.checked_journeys,
        personas=project.checked_personas,
    )
