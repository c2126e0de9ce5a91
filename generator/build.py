"""The pipeline's use cases, one function each; the CLI and the MkDocs plugin call these."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.check.validate import validate_loaded
from generator.config import Settings
from generator.errors import Problem, Severity, sort_problems
from generator.model import Journey, Persona
from generator.read.load import load_project

__all__ = ["CheckResult", "RenderResult", "RenderUsageError", "check", "render", "write_atomically"]


@dataclass
class CheckResult:
    """What ``check`` found: every problem, sorted, and how many files were read."""

    problems: list[Problem] = field(default_factory=list)
    journeys: int = 0
    personas: int = 0
    data: int = 0

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity is severity)

    def failed(self, strict: bool = False) -> bool:
        """Errors fail a check; with ``strict`` so do warnings."""
        return any(p.severity is Severity.ERROR or strict for p in self.problems)


def _known_personas(settings: Settings) -> list[Persona]:
    """Every persona of the project (none when its folder does not exist yet)."""
    return load_project(settings, [settings.personas_path]).personas if settings.personas_path.is_dir() else []


def check(settings: Settings, paths: list[Path] | None = None, today: dt.date | None = None) -> CheckResult:
    """Parse and validate ``paths`` (default: the whole content folder); never raises on content."""
    project = load_project(settings, paths)
    problems = project.problems + validate_loaded(project, settings, today or dt.date.today())
    return CheckResult(
        problems=sort_problems(problems),
        journeys=project.checked_journeys,
        personas=project.checked_personas,
        data=project.checked_data,
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
    from generator.draw.layout import layout_map
    from generator.draw.render_svg import render_map_svg
    from generator.draw.text import InterMetrics

    project = load_project(settings, paths)
    problems = sort_problems(project.problems + validate_loaded(project, settings, today or dt.date.today()))
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
            from generator.print.render_print import PAPERS, render_map_pdf

            data = render_map_pdf(journey, settings, measure, paper=PAPERS[paper], persona_name=persona)
        else:
            from generator.print.render_print import render_map_png

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


def export(settings: Settings, path: Path, fmt: str) -> tuple[str | None, list[Problem]]:
    """One journey as CSV or JSON text, or the problems that prevent it."""
    project = load_project(settings, [path])
    problems = sort_problems(project.problems + validate_loaded(project, settings, dt.date.today()))
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    if len(project.journeys) != 1:
        raise RenderUsageError(f"export takes one journey file, {path} holds {len(project.journeys)}")
    from generator.export.export import journey_to_csv, journey_to_json

    journey = project.journeys[0]
    if fmt == "mermaid":
        from generator.export.mermaid import journey_to_mermaid

        names = {persona.id: persona.name for persona in project.personas}
        return journey_to_mermaid(journey, settings, names.get(journey.persona, "")), problems
    return (journey_to_csv(journey) if fmt == "csv" else journey_to_json(journey)), problems


MAX_CANVAS_STEPS = 96
"""The most steps a printed canvas takes: twelve stages of eight, about 8 m of wall."""


def toolkit(
    settings: Settings,
    output: Path,
    *,
    paper: str = "A3",
    stages: int = 5,
    steps: int = 2,
    journeys: list[Path] | None = None,
    toolkit_dir: Path | None = None,
) -> tuple[list[Path], list[Problem]]:
    """Write the workshop kit (PDFs, and their pages as SVG in ``svg/``) into ``output``;
    a ``toolkit/`` folder beside ``mkdocs.yml`` overrides any of the kit's texts. Each of
    ``journeys`` is printed as a filled canvas too (nothing is written when one has errors)."""
    from generator.print.canvas_plan import journey_plan
    from generator.print.render_print import PAPERS
    from generator.print.toolkit import build_kit

    plans = []
    problems: list[Problem] = []
    personas = None
    if journeys:
        project = load_project(settings, journeys)
        problems = sort_problems(project.problems + validate_loaded(project, settings, dt.date.today()))
        if any(p.severity is Severity.ERROR for p in problems):
            return [], problems
        personas = project.personas  # every persona is read with the journeys
        names = {persona.id: persona.name for persona in personas}
        plans = [journey_plan(j, settings, names.get(j.persona, "")) for j in project.journeys]
        for plan in plans:
            if plan.columns > MAX_CANVAS_STEPS:
                raise RenderUsageError(
                    f"{plan.journey_id} has {plan.columns} steps: a wall canvas holds at most {MAX_CANVAS_STEPS}"
                    " (8 m of wall); print the map as a poster with journeymap render --paper A1"
                )
    if personas is None:
        personas = _known_personas(settings)
    base = settings.config_path.parent if settings.config_path else Path()
    sources = toolkit_dir or base / "toolkit"
    files = build_kit(
        settings, personas, sources, paper=PAPERS[paper], stages=stages, steps=steps, journeys=tuple(plans)
    )
    written = []
    for name, data in sorted(files.items()):
        write_atomically(output / name, data)
        written.append(output / name)
    return written, problems


def diff(
    settings: Settings, base: str | None = None, head: str | None = None, *, svg_dir: Path | None = None
) -> tuple[list[Any], str, str]:
    """Semantic changes to journeys and personas between two revisions (or the working tree).

    Returns the diffs and the base and head as shown to reviewers. With ``svg_dir``, a
    visual diff map of every added or changed journey is written there too.
    """
    from generator.diff.diff import diff_journeys, diff_personas
    from generator.diff.git_history import changed_files, default_base, read_at, repository_root
    from generator.read.parse_journey import parse_journey
    from generator.read.parse_persona import parse_persona
    from generator.read.source import decode_source

    content = settings.content_dir.resolve()
    root = repository_root(content)
    base = base or default_base(root)
    folder = content.relative_to(root).as_posix()
    results: list[Any] = []
    journeys_prefix = f"{folder}/{settings.journeys_dir}/".lstrip("/")
    personas_prefix = f"{folder}/{settings.personas_dir}/".lstrip("/")

    def parse(path: str, revision: str | None, persona: bool) -> Any:
        data = read_at(root, revision, path) if path else None
        if data is None:
            return None
        text, _ = decode_source(data, path)
        if text is None:
            return None
        ident = Path(path).stem
        return (parse_persona if persona else parse_journey)(text, path, ident)[0]

    for status, old_path, new_path in changed_files(root, base, head, folder or "."):
        persona = new_path.startswith(personas_prefix)
        if not persona and not new_path.startswith(journeys_prefix):
            continue
        old = None if status == "A" else parse(old_path, base, persona)
        new = None if status == "D" else parse(new_path, head, persona)
        compare = diff_personas if persona else diff_journeys
        found = compare(old, new, path=new_path, old_path=old_path if status == "R" else "")
        if found is not None:
            results.append(found)
            if svg_dir is not None and not persona and new is not None:
                _visual_diff(settings, old, new, svg_dir)
    return results, base, head or "working tree"


def _visual_diff(settings: Settings, old: Any, new: Any, svg_dir: Path) -> None:
    """The new map with added, changed, moved and removed steps marked by label and line."""
    from dataclasses import replace

    from generator.diff.diff import visual_diff
    from generator.draw.layout import layout_map
    from generator.draw.render_svg import render_map_svg
    from generator.draw.text import InterMetrics

    empty = replace(new, stages=())
    merged, status, changed = visual_diff(old if old is not None else empty, new)
    layout = layout_map(merged, settings, InterMetrics(), status=status, changed_lanes=changed)
    write_atomically(svg_dir / f"{new.id.replace('/', '-')}.svg", render_map_svg(layout).encode("utf-8"))
