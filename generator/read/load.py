"""Finding journey and persona files on disk and parsing them: the pipeline's only reader."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from generator.config import Settings
from generator.errors import Problem, problem
from generator.model import Journey, Location, Measurement, Persona
from generator.read.content_safety import UnsafeFile, read_bounded, unsafe_entries
from generator.read.measured import read_measurements
from generator.read.parse_journey import parse_journey
from generator.read.parse_persona import parse_persona
from generator.read.source import decode_source, display_path

__all__ = [
    "LoadedProject",
    "MissingPathError",
    "ParseKey",
    "ParseStore",
    "Parsed",
    "ReadError",
    "load_personas",
    "load_project",
]


class MissingPathError(Exception):
    """A path named on the command line does not exist (a usage error)."""


class ReadError(Exception):
    """A file exists but cannot be read (an I/O error)."""


@dataclass
class LoadedProject:
    """Parsed journeys and personas, and every problem found while reading them."""

    journeys: list[Journey] = field(default_factory=list)
    personas: list[Persona] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    checked_journeys: int = 0
    checked_personas: int = 0
    checked_data: int = 0
    measurements_checked: bool = True
    """False when the data was only read to be shown, not asked to be checked."""
    references: list[Journey] = field(default_factory=list)
    """Journeys read only because the data files asked for name them (not checked)."""
    measurements: list[Measurement] = field(default_factory=list)
    """The measured data of ``content/data/`` (or of the data files asked for)."""
    journey_ids: set[str] = field(default_factory=set)
    """The id of every journey file of the project, read or not (a ``replaces`` may
    name one that was not asked for)."""


def _markdown_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / name for name in files if name.endswith(".md") and not name.startswith("."))
    return sorted(found)


def _file_id(path: Path, folder: Path) -> str:
    try:
        relative = path.resolve().relative_to(folder.resolve())
    except ValueError:
        return path.stem
    return relative.with_suffix("").as_posix()


def _root(path: Path, settings: Settings) -> Path:
    """The folder ``path`` must stay inside: the content folder, or the folder of a file
    named on the command line elsewhere."""
    content = settings.content_dir.absolute()
    return content if path.absolute().is_relative_to(content) else path.absolute().parent


def _read(path: Path, settings: Settings) -> bytes:
    """A journey or persona file's bytes; ``UnsafeFile`` for a link leaving its folder, a
    device, a FIFO, or a file over the size limit."""
    try:
        return read_bounded(path, _root(path, settings))
    except OSError as exc:
        raise ReadError(f"{display_path(path)}: cannot read: {exc.strerror or exc}") from exc


def _is_persona_file(path: Path, settings: Settings) -> bool:
    personas = settings.personas_path.resolve()
    resolved = path.resolve()
    return resolved.is_relative_to(personas) or path.parent.name == settings.personas_dir


DATA_DIR = "data"
"""The content folder's folder of measured data (``*.csv``)."""


def _data_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*.csv") if not any(part.startswith(".") for part in p.parts))


def _classify(paths: list[Path], settings: Settings) -> tuple[list[Path], list[Path], list[Path]]:
    """Split named files and folders into journey files, persona files and data files."""
    journeys: list[Path] = []
    personas: list[Path] = []
    data: list[Path] = []
    for path in paths:
        if not path.exists():
            raise MissingPathError(f"{display_path(path)}: no such file or directory")
        if path.is_dir():
            own_journeys, own_personas = path / settings.journeys_dir, path / settings.personas_dir
            if own_journeys.is_dir() or own_personas.is_dir():  # a content folder
                candidates = _markdown_files(own_journeys) + _markdown_files(own_personas)
                data.extend(_data_files(path / DATA_DIR))
            else:
                candidates = _markdown_files(path)
                data.extend(_data_files(path))
        elif path.suffix.lower() == ".csv":
            data.append(path)
            continue
        else:
            candidates = [path]
        for candidate in candidates:
            (personas if _is_persona_file(candidate, settings) else journeys).append(candidate)
    return sorted(set(journeys)), sorted(set(personas)), sorted(set(data))


ParseKey = tuple[str, str, bytes]
"""A journey file as parsing sees it: its shown path, its id and its bytes (parsing
depends on nothing else)."""
Parsed = dict[ParseKey, tuple[Journey, list[Problem]]]
"""Journeys parsed before, by their ``ParseKey``."""


class ParseStore(Protocol):
    """Where parsed journeys are looked up and kept: a ``Parsed`` dict, or the disk cache."""

    def get(self, key: ParseKey, /) -> tuple[Journey, list[Problem]] | None: ...

    def __setitem__(self, key: ParseKey, value: tuple[Journey, list[Problem]], /) -> None: ...


def load_project(
    settings: Settings,
    paths: list[Path] | None = None,
    *,
    previous: ParseStore | None = None,
    parsed: ParseStore | None = None,
) -> LoadedProject:
    """Parse the named files (default: the whole content folder) and every persona.

    Personas are always read so that references resolve; problems are reported only
    for the files that were asked for. A long-running caller (``mkdocs serve``) passes
    the journeys it parsed ``previous``ly, and gets this run's in ``parsed``: a file
    whose bytes did not change is not parsed again. A site build passes the disk
    cache as both.
    """
    if not paths and not settings.content_dir.is_dir():
        where = display_path(settings.content_dir)
        raise MissingPathError(f"no content folder at {where}: run in a project folder, or pass --config or paths")
    if paths:
        journey_files, persona_files, data_files = _classify(paths, settings)
        quiet_data = not data_files  # the journeys' own data is joined in, its problems not asked for
        if quiet_data:
            data_files = _data_files(settings.content_dir / DATA_DIR)
        if not quiet_data and not journey_files:  # the data names journeys and steps: read them, quietly
            journey_files, quiet = _markdown_files(settings.journeys_path), True
        else:
            quiet = False
    else:  # the content folder: its journeys and personas folders, whatever else it holds
        journey_files, persona_files = _markdown_files(settings.journeys_path), _markdown_files(settings.personas_path)
        data_files, quiet, quiet_data = _data_files(settings.content_dir / DATA_DIR), False, False
    project = LoadedProject(checked_journeys=0 if quiet else len(journey_files), checked_personas=len(persona_files))
    project.checked_data = 0 if quiet_data else len(data_files)
    every_journey = journey_files if not paths else _markdown_files(settings.journeys_path)
    project.journey_ids = {_file_id(path, settings.journeys_path) for path in every_journey}
    if not paths:  # every file the site would publish, journeys and personas among them
        project.problems.extend(unsafe_entries(settings.content_dir))
    wanted_personas = set(persona_files)
    all_personas = sorted(set(_markdown_files(settings.personas_path)) | wanted_personas)
    for path in all_personas:
        try:
            persona, problems = _load_persona(path, settings)
        except UnsafeFile as exc:
            if paths and path in wanted_personas:
                project.problems.append(exc.problem)
            continue
        project.personas.append(persona)
        if path in wanted_personas:
            project.problems.extend(problems)
    before_journeys = len(project.problems)
    real = {path.resolve(): path for path in journey_files if not path.is_symlink()}
    seen: dict[Path, Path] = {}
    for path in journey_files:
        shown = display_path(path)
        try:
            data = _read(path, settings)
        except UnsafeFile as exc:
            if paths:  # the whole folder's were reported above
                project.problems.append(exc.problem)
            continue
        target = path.resolve()
        first = real.get(target, seen.get(target)) if path.is_symlink() else None
        if first is not None:  # the link is the duplicate, never the file it points at
            loc = Location(path=shown, line=1, column=1)
            message = f"this journey is a link to {display_path(first)}: the same journey twice"
            project.problems.append(problem(loc, "E313", message))
            continue
        seen[target] = path
        journey_id = _file_id(path, settings.journeys_path)
        key = (shown, journey_id, data)
        known = previous.get(key) if previous is not None else None
        if known is not None:
            journey, parse_problems = known
            project.journeys.append(journey)
            project.problems.extend(parse_problems)
            if parsed is not None and parsed is not previous:
                parsed[key] = known
            continue
        text, problems = decode_source(data, shown)
        project.problems.extend(problems)
        if text is not None:
            journey, parse_problems = parse_journey(text, shown, journey_id)
            project.journeys.append(journey)
            project.problems.extend(parse_problems)
            if parsed is not None and not problems:
                parsed[key] = (journey, parse_problems)
    if quiet:  # read for the data's sake: their own problems were not asked for
        del project.problems[before_journeys:]
        project.references, project.journeys = project.journeys, []
    before_data = len(project.problems)
    for path in data_files:
        try:
            data = _read(path, settings)
        except UnsafeFile as exc:
            project.problems.append(exc.problem)
            continue
        text, problems = decode_source(data, display_path(path))
        project.problems.extend(problems)
        if text is not None:
            found, problems = read_measurements(text, display_path(path))
            project.measurements.extend(found)
            project.problems.extend(problems)
    if quiet_data:
        del project.problems[before_data:]
        project.measurements_checked = False
    if project.measurements:
        by_journey: dict[str, list[Measurement]] = {}
        for row in project.measurements:
            by_journey.setdefault(row.journey, []).append(row)
        project.journeys = [
            replace(journey, measured=tuple(by_journey[journey.id])) if journey.id in by_journey else journey
            for journey in project.journeys
        ]
    return project


def _load_persona(path: Path, settings: Settings) -> tuple[Persona, list[Problem]]:
    shown = display_path(path)
    text, problems = decode_source(_read(path, settings), shown)
    persona_id = _file_id(path, settings.personas_path)
    if text is None:
        return Persona(id=persona_id, name=persona_id), problems
    persona, parse_problems = parse_persona(text, shown, persona_id)
    return persona, problems + parse_problems + _photo_problems(persona, path, settings)


def load_personas(settings: Settings) -> list[Persona]:
    """Every persona of the content folder, as ``load_project`` reads them."""
    return [_load_persona(path, settings)[0] for path in _markdown_files(settings.personas_path)]


def _photo_problems(persona: Persona, path: Path, settings: Settings) -> list[Problem]:
    """A persona photo must be a file inside the content folder, even through symlinks."""
    if not persona.photo:
        return []
    loc = persona.key_locs.get("photo", persona.loc)
    photo = Path(persona.photo)
    content = settings.content_dir.resolve()
    if "://" in persona.photo or photo.is_absolute() or persona.photo.startswith(("/", "\\")):
        return [problem(loc, "E502", f"photo '{persona.photo}' is not a path inside the content folder")]
    target = (path.parent / photo).resolve()
    if not target.is_relative_to(content):
        return [problem(loc, "E502", f"photo '{persona.photo}' resolves outside the content folder")]
    if target.is_dir():
        return [problem(loc, "E503", f"photo '{persona.photo}' is a folder, not an image file")]
    if not target.is_file():
        return [problem(loc, "E503", f"photo '{persona.photo}' does not exist")]
    return []
