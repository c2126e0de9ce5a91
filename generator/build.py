"""The pipeline's use cases, one function each; the CLI and the MkDocs plugin call these."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.config import Settings
from generator.errors import Problem, Severity, sort_problems
from generator.load import load_project
from generator.model import Journey
from generator.validate import validate_project

__all__ = ["CheckResult", "RenderResult", "RenderUsageError", "check", "render", "write_atomically"]


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


FORMATS = ("svg", "pdf", "png")


@dataclass
class RenderResult:
    """What ``render`` did: the problems that stopped it, or the files it wrote."""

    problems: list[Problem] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    journeys: int = 0
    personas: int = 0


class RenderUsageError(Exception):
    """The output asked for cannot be made (several journeys into one file, say)."""


def _targets(ids: list[str], output: Path, fmt: str | None) -> tuple[str, list[Path]]:
    suffix = output.suffix.lstrip(".").lower()
    if suffix in FORMATS and len(ids) > 1:
        raise RenderUsageError(f"{len(ids)} journeys cannot go into one file {output}; give a folder")
    if suffix in FORMATS:
        if fmt is not None and fmt != suffix:
            raise RenderUsageError(f"--format {fmt} does not match the file name {output.name}")
        return suffix, [output]
    chosen = fmt or "svg"
    return chosen, [output / f"{journey_id.replace('/', '-')}.{chosen}" for journey_id in ids]


def render(
    settings: Settings,
    paths: list[Path],
    output: Path,
    *,
    fmt: str | None = None,
    paper: str = "A3",
    today: dt.date | None = None,
    progress: Callable[[Iterable[Journey]], Iterable[Journey]] | None = None,
) -> RenderResult:
    """Check, then draw each journey in ``paths`` as SVG, PDF or PNG into ``output``.

    Nothing is written when any checked file has an error. Each file is written to a
    temporary name and renamed into place, so an existing map is never half-overwritten.
    """
    from generator.layout import layout_map
    from generator.render_svg import render_map_svg
    from generator.text import InterMetrics

    project = load_project(settings, paths)
    problems = sort_problems(
        project.problems + validate_project(project.journeys, project.personas, settings, today or dt.date.today())
    )
    result = RenderResult(problems=problems, journeys=len(project.journeys), personas=len(project.personas))
    if any(p.severity is Severity.ERROR for p in problems) or not project.journeys:
        return result
    chosen, targets = _targets([j.id for j in project.journeys], output, fmt)
    names = {persona.id: persona.name for persona in project.personas}
    measure = InterMetrics()
    rendered: list[tuple[Path, bytes]] = []
    journeys: Iterable[Journey] = progress(project.journeys) if progress else project.journeys
    for journey, target in zip(journeys, targets, strict=True):
        persona = names.get(journey.persona, journey.persona)
        if chosen == "svg":
            layout = layout_map(journey, settings, measure, persona_name=persona)
            data = render_map_svg(layout, theme_dir=settings.theme_dir).encode("utf-8")
        elif chosen == "pdf":
            from generator.render_print import PAPERS, render_map_pdf

            data = render_map_pdf(journey, settings, measure, paper=PAPERS[paper], persona_name=persona)
        else:
            from generator.render_print import render_map_png

            data = render_map_png(journey, settings, measure, persona_name=persona)
        rendered.append((target, data))
    for target, data in rendered:
        write_atomically(target, data)
        result.written.append(target)
    return result


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
