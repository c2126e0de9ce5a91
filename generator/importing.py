"""The import use cases: a workshop transcript (CSV) or a Mermaid diagram becomes a
journey file that passes ``check``.

Problems point at the source's row or line and column; nothing is written while there
are errors, and an existing file is only replaced with ``force``.
"""

from __future__ import annotations

import datetime as dt
import stat
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.build import RenderUsageError, _known_personas, write_atomically
from generator.check.validate import validate_project
from generator.config import Settings
from generator.errors import Problem, Severity, problem, sort_problems
from generator.model import Journey, Location, Persona
from generator.vocabulary import slugify

__all__ = ["ImportResult", "default_output", "import_csv", "import_mermaid"]


@dataclass
class ImportResult:
    """The problems that stopped an import, or the files it wrote (the journey first)."""

    problems: list[Problem] = field(default_factory=list)
    written: Path | None = None
    new_persona: Path | None = None
    """A persona file the import made, because the journey's persona had none."""


@dataclass
class _Read:
    journey: Journey | None
    problems: list[Problem]
    new_persona: Persona | None = None


Reader = Callable[[str, str, str, list[Persona]], _Read]


def default_output(settings: Settings, source: Path, diagram: int | None = None) -> Path:
    """``content/journeys/<name>.md`` for ``source``: its file name as an id (and the
    diagram's number when a file holds several)."""
    name = slugify(source.stem) or "imported"
    if diagram is not None and diagram > 1:
        name = f"{name}-{diagram}"
    return settings.journeys_path / f"{name}.md"


def import_csv(
    settings: Settings,
    source: Path,
    output: Path,
    *,
    title: str | None = None,
    persona: str | None = None,
    force: bool = False,
    today: dt.date | None = None,
) -> ImportResult:
    """Turn a workshop transcript into a journey file."""
    from generator.export.import_csv import journey_from_csv

    def read(text: str, shown: str, journey_id: str, personas: list[Persona]) -> _Read:
        return _Read(*journey_from_csv(text, shown, journey_id, title=title, persona=persona))

    return _import_with(settings, source, output, read, force=force, today=today)


def import_mermaid(
    settings: Settings,
    source: Path,
    output: Path,
    *,
    persona: str | None = None,
    title: str | None = None,
    diagram: int | None = None,
    force: bool = False,
    today: dt.date | None = None,
) -> ImportResult:
    """Turn a Mermaid journey diagram (a ``.mmd`` file, or a Markdown file with a
    ```` ```mermaid ```` block) into a journey file.

    Without ``persona`` the first actor is the persona: its id is the actor's name as an
    id, and when no persona file has that id the import writes a minimal one.
    """
    from generator.export.mermaid import diagram_to_journey, first_actor, short_name
    from generator.export.mermaid_read import choose_diagram, read_diagram

    def read(text: str, shown: str, journey_id: str, personas: list[Persona]) -> _Read:
        source, problems = choose_diagram(text, shown, diagram)
        if source is None:
            return _Read(None, problems)
        read_from, problems = read_diagram(source)
        if read_from is None or any(p.severity is Severity.ERROR for p in problems):
            return _Read(None, problems)
        chosen, new_persona = persona, None
        names: set[str] = set()
        if chosen is None and not any(section.tasks for section in read_from.sections):
            chosen = ""  # no persona to find: the journey reports that it has no steps
        if chosen is None:
            actor = first_actor(read_from)
            chosen = slugify(actor)
            if not chosen:
                message = "no task names an actor, so the journey has no persona"
                hint = "Pass --persona ID (a persona's file name), or give the tasks actors: 'Task: 3: Me'."
                return _Read(None, [*problems, problem(read_from.loc, "E704", message, hint)])
            names.add(actor)
            if not any(p.id == chosen for p in personas):
                new_persona = Persona(id=chosen, name=actor)
        for known in personas:
            if known.id == chosen:
                names.update({known.name, short_name(known.name)})
        journey, found = diagram_to_journey(
            read_from, journey_id, settings, persona=chosen, persona_names=frozenset(names), title=title
        )
        return _Read(journey, problems + found, new_persona)

    return _import_with(settings, source, output, read, force=force, today=today)


def _new_persona_hint(found: Problem, persona: str) -> Problem:
    """An unknown persona's problem, telling how to make the persona file."""
    if found.code != "E501" or not persona:
        return found
    make = f"or create it: journeymap new persona {slugify(persona) or persona}"
    return replace(found, hint=f"{found.hint}; {make}" if found.hint else make)


def _import_with(
    settings: Settings,
    source: Path,
    output: Path,
    read: Reader,
    *,
    force: bool,
    today: dt.date | None,
) -> ImportResult:
    """Read ``source`` with ``read``, validate, and write the journey as Markdown."""
    from generator.export.serialize import journey_to_markdown, persona_to_markdown
    from generator.read.content_safety import MAX_FILE_BYTES
    from generator.read.load import ReadError
    from generator.read.parse_journey import MAX_STEPS, parse_journey
    from generator.read.source import decode_source, display_path

    shown = display_path(source)
    try:
        if not stat.S_ISREG(source.stat().st_mode):  # a FIFO or device would hang or never end
            raise RenderUsageError(f"{shown} is not a regular file")
        with open(source, "rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ReadError(f"{shown}: cannot read: {exc.strerror or exc}") from exc
    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        return ImportResult(
            [problem(Location(path=shown, line=1, column=1), "E103", f"{shown} is over the {limit} MB limit")]
        )
    text, problems = decode_source(data, shown)
    if text is None:
        return ImportResult(problems)
    personas = _known_personas(settings)
    result = read(text, shown, output.stem, personas)
    problems += result.problems
    journey = result.journey
    if journey is not None:
        extra = [result.new_persona] if result.new_persona else []
        found = validate_project([journey], personas + extra, settings, today or dt.date.today())
        problems += [_new_persona_hint(p, journey.persona) for p in found]
    if journey is not None and sum(len(stage.steps) for stage in journey.stages) > MAX_STEPS:
        # what the journey file could hold: the parser refuses longer journeys (E312)
        message = f"the journey has more than {MAX_STEPS} steps"
        problems.append(problem(Location(path=shown, line=1, column=1), "E312", message))
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors or journey is None:
        return ImportResult(sort_problems(problems))
    markdown = journey_to_markdown(journey)
    reparsed, written_problems = parse_journey(markdown, display_path(output), output.stem)
    if written_problems or reparsed != journey:  # pragma: no cover - the serializer's own guarantee
        raise RuntimeError(f"the journey read from {shown} cannot be written back as Markdown faithfully")
    if output.exists() and not force:
        raise RenderUsageError(f"{display_path(output)} already exists; use --force to replace it")
    persona_file = None
    if result.new_persona is not None:
        persona_file = settings.personas_path / f"{result.new_persona.id}.md"
        if persona_file.exists():  # not a persona that could be read: never overwrite it
            raise RenderUsageError(f"{display_path(persona_file)} exists but is not a readable persona; fix it first")
        write_atomically(persona_file, persona_to_markdown(result.new_persona).encode("utf-8"))
    write_atomically(output, markdown.encode("utf-8"))
    return ImportResult(sort_problems(problems), output, persona_file)
