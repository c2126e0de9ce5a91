"""Project settings: the ``journeys`` entry under ``plugins:`` in ``mkdocs.yml``.

That entry is the single source of truth for the CLI and the MkDocs plugin alike.
``settings_from_options`` checks a plain mapping of options (no I/O); ``load_settings``
finds it in ``mkdocs.yml`` and reports bad options at their line in that file.
Reading ``mkdocs.yml`` only composes YAML nodes: tags such as ``!!python/name:`` are
kept as text and nothing is ever constructed or executed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Problem, problem
from generator.model import Location
from generator.read.front_matter import yaml_error_problem
from generator.read.source import decode_source, display_path
from generator.vocabulary import did_you_mean

__all__ = ["OPTION_DOCS", "Settings", "load_settings", "settings_from_options"]

DEFAULT_TYPES = ("critical", "supplementary", "superfluous")
MAP_LANES = (
    "steps",
    "touchpoint",
    "actors",
    "thinking",
    "feeling",
    "pain",
    "opportunity",
    "owner",
    "visibility",
    "backstage",
    "support",
    "kpi",
    "measured",
)


def _option(default: Any, doc: str) -> Any:
    """A field of ``Settings`` that is an option of the ``journeys`` entry, with its one
    documentation (the format reference lists it; ``OPTION_DOCS`` collects them)."""
    return field(default=default, metadata={"option": doc})


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Everything the pipeline needs to know about a project: the options of the
    ``journeys`` entry in ``mkdocs.yml`` (the fields made with ``_option``), and where the
    project's folders are."""

    content_dir: Path = Path("content")
    """The site's ``docs_dir``: journeys, personas and ordinary pages live under it."""
    journeys_dir: str = _option(
        "journeys", "Folder of journey files, relative to the site's docs_dir (default `journeys`)."
    )
    personas_dir: str = _option(
        "personas", "Folder of persona files, relative to the site's docs_dir (default `personas`)."
    )
    language: str = _option("en", "Language of labels: `en` (default) or `nl`.")
    emotion_scale: tuple[int, int] = _option(
        (-2, 2), "Lowest and highest feeling score, as `[min, max]` (default `[-2, 2]`)."
    )
    emotion_words: tuple[str, ...] = _option(
        (),
        "A word for each feeling score from lowest to highest, printed on the workshop kit's emotion cards "
        "(default: very negative … neutral … very positive, spread over the scale).",
    )
    touchpoint_types: tuple[str, ...] = _option(
        DEFAULT_TYPES, "Allowed step `type` values (default `[critical, supplementary, superfluous]`)."
    )
    review_period: int = _option(
        180, "Days after `reviewed` before a journey is overdue (default 180; 0 turns the warning off)."
    )
    data_review_threshold: float = _option(
        10.0,
        "How far a measured value may move after a journey's `reviewed` date before the journey is due for "
        "review again: percentage points for a `%`, percent of the value for other units (default 10; 0 turns "
        "it off).",
    )
    lanes: tuple[str, ...] = _option(
        MAP_LANES, "Map rows, top to bottom (default: all of " + ", ".join(MAP_LANES) + ")."
    )
    curve: str = _option("smooth", "How the emotion curve joins its points: `smooth` (default) or `straight`.")
    downloads: tuple[str, ...] = _option(
        ("svg", "pdf", "csv", "json"),
        "Files offered on each journey page of the site (default `[svg, pdf, csv, json]`; also `png`).",
    )
    cache: bool = _option(
        True,
        "Keep drawn maps and downloads in `.cache/journeymap` beside mkdocs.yml, so a rebuild redraws only "
        "changed journeys (default `true`).",
    )
    toolkit: bool = _option(True, "Give the site a Toolkit page with the printable workshop kit (default `true`).")
    engine: str | None = _option(
        None,
        "The site engine `journeymap build` and `serve` run: `mkdocs` or `zensical` (default: MkDocs when "
        "it is installed, else Zensical); `--engine` overrides it.",
    )
    workers: int = _option(
        0,
        "Threads that compile the PDF and PNG downloads of a site build (default `0`: one per core, at most "
        "four); the files are the same whatever the number.",
    )
    theme_dir: Path | None = None
    """The site's ``theme.custom_dir``; map templates in its ``journeymap/`` folder override ours."""
    config_path: Path | None = field(default=None, compare=False)
    """The ``mkdocs.yml`` the settings came from, if any."""

    def tone(self, score: float) -> str:
        """``neg``, ``neutral`` or ``pos``: which side of the scale's middle a score is on."""
        middle = sum(self.emotion_scale) / 2
        return "neg" if score < middle else "pos" if score > middle else "neutral"

    @property
    def journeys_path(self) -> Path:
        return self.content_dir / self.journeys_dir

    @property
    def personas_path(self) -> Path:
        return self.content_dir / self.personas_dir


OPTION_DOCS: dict[str, str] = {f.name: f.metadata["option"] for f in fields(Settings) if "option" in f.metadata}
"""Every option of the ``journeys`` entry and what it does: the one schema the command
line, the MkDocs plugin and the format reference share."""


def settings_from_options(
    options: dict[str, Any],
    *,
    content_dir: Path = Path("content"),
    config_path: Path | None = None,
    locate: dict[str, tuple[Location, Location]] | None = None,
    fallback: Location | None = None,
) -> tuple[Settings, list[Problem]]:
    """Check plugin ``options`` (plain data); ``locate`` maps an option to its key's and value's place."""
    where = locate or {}
    start = fallback or Location(path=str(config_path or "mkdocs.yml"), line=1, column=1)
    problems: list[Problem] = []
    values: dict[str, Any] = {}

    def bad(key: str, message: str) -> None:
        problems.append(problem(where.get(key, (start, start))[1], "E601", f"journeys option '{key}': {message}"))

    for key, value in options.items():
        if key not in OPTION_DOCS:
            hint = did_you_mean(str(key), dict.fromkeys(OPTION_DOCS, ())) or None
            problems.append(
                problem(where.get(key, (start, start))[0], "E602", f"unknown journeys option '{key}'", hint)
            )
        elif key == "language":
            if value not in ("en", "nl"):
                bad(key, f"must be 'en' or 'nl', not {value!r}")
            else:
                values[key] = value
        elif key in ("journeys_dir", "personas_dir"):
            if (
                not isinstance(value, str)
                or not value.strip()
                or Path(value).is_absolute()
                or ".." in Path(value).parts
            ):
                bad(key, "must be a folder inside docs_dir")
            else:
                values[key] = value.strip().strip("/")
        elif key == "emotion_scale":
            if (
                not isinstance(value, list)
                or len(value) != 2
                or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
                or not value[0] < value[1]
                or value[1] - value[0] > 20
            ):
                bad(key, "must be two whole numbers [min, max] with min < max, at most 20 apart")
            else:
                values[key] = (value[0], value[1])
        elif key == "touchpoint_types":
            words = [str(v).strip().casefold() for v in value] if isinstance(value, list) else []
            if (
                not words
                or not all(words)
                or len(set(words)) != len(words)
                or not all(isinstance(v, str) for v in value)
            ):
                bad(key, "must be a list of different words")
            else:
                values[key] = tuple(words)
        elif key == "lanes":
            chosen = [str(v) for v in value] if isinstance(value, list) else []
            unknown = [lane for lane in chosen if lane not in MAP_LANES]
            if not chosen or unknown or len(set(chosen)) != len(chosen):
                bad(key, f"must be a list of different lanes from: {', '.join(MAP_LANES)}")
            else:
                values[key] = tuple(chosen)
        elif key == "downloads":
            kinds = [str(v) for v in value] if isinstance(value, list) else None
            allowed = ("svg", "pdf", "png", "csv", "json")
            if kinds is None or any(k not in allowed for k in kinds) or len(set(kinds)) != len(kinds):
                bad(key, f"must be a list of different formats from: {', '.join(allowed)}")
            else:
                values[key] = tuple(kinds)
        elif key == "curve":
            if value not in ("smooth", "straight"):
                bad(key, f"must be 'smooth' or 'straight', not {value!r}")
            else:
                values[key] = value
        elif key in ("cache", "toolkit"):
            if not isinstance(value, bool):
                bad(key, f"must be true or false, not {value!r}")
            else:
                values[key] = value
        elif key == "engine":
            if value not in ("mkdocs", "zensical"):
                bad(key, f"must be 'mkdocs' or 'zensical', not {value!r}")
            else:
                values[key] = value
        elif key == "workers":
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 64:
                bad(key, "must be a whole number from 0 (one per core) to 64")
            else:
                values[key] = value
        elif key == "review_period":
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                bad(key, "must be a whole number of days, 0 or more")
            else:
                values[key] = value
        elif key == "emotion_words":
            if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
                bad(key, "must be a list of words, one for each score from lowest to highest")
            else:
                values[key] = tuple(v.strip() for v in value)
        elif key == "data_review_threshold":
            if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 1000:
                bad(key, "must be a number from 0 (off) to 1000")
            else:
                values[key] = float(value)
    low, high = values.get("emotion_scale", (-2, 2))
    words = values.get("emotion_words", ())
    if words and len(words) != high - low + 1:
        values.pop("emotion_words")
        bad("emotion_words", f"must give {high - low + 1} words, one for each score from {low} to {high}")
    return Settings(content_dir=content_dir, config_path=config_path, **values), problems


def load_settings(config_path: Path | None) -> tuple[Settings, list[Problem]]:
    """Settings from ``mkdocs.yml`` (its ``docs_dir``, ``theme.custom_dir`` and ``journeys``
    entry), or defaults. ``INHERIT`` is followed as MkDocs follows it: the file's keys
    over its parent's (``theme`` merged key by key, ``plugins`` replaced whole), paths
    relative to ``mkdocs.yml``; ``!ENV`` values are read from the environment."""
    if config_path is None:
        return Settings(), []
    parts, problems = _config_parts(config_path, ())
    if problems and not parts:
        return Settings(config_path=config_path), problems
    base = config_path.parent
    content_dir = base / parts["docs_dir"][1].value if "docs_dir" in parts else base / "docs"
    # absolute, as MkDocs gives it to the plugin: caches of its templates are keyed by it
    theme_dir = (base / parts["custom_dir"][1].value).absolute() if "custom_dir" in parts else None
    options: dict[str, Any] = {}
    locate: dict[str, tuple[Location, Location]] = {}
    fallback = Location(path=display_path(config_path), line=1, column=1)
    if "plugins" in parts:
        shown, plugins = parts["plugins"]
        entry = _journeys_entry(plugins)
        if entry is not None:
            fallback = _loc(shown, entry[0])
            if isinstance(entry[1], yaml.MappingNode):
                for opt_key, opt_value in entry[1].value:
                    options[opt_key.value] = _plain(opt_value)
                    locate[opt_key.value] = (_loc(shown, opt_key), _loc(shown, opt_value))
    settings, found = settings_from_options(
        options, content_dir=content_dir, config_path=config_path, locate=locate, fallback=fallback
    )
    from generator.overrides import override_problems

    return replace(settings, theme_dir=theme_dir), problems + found + override_problems(theme_dir)


def config_keys(config_path: Path) -> set[str]:
    """The top-level keys ``mkdocs.yml`` sets, itself or through what it inherits."""
    parts, _ = _config_parts(config_path, ())
    return set(parts)


_MAX_INHERIT = 8


def _config_parts(path: Path, seen: tuple[Path, ...]) -> tuple[dict[str, tuple[str, yaml.Node]], list[Problem]]:
    """The nodes of one configuration file that journeymap reads (``docs_dir``,
    ``custom_dir``, ``plugins``, ``validation``), each with the file it is written in, over
    its parent's."""
    from generator.read.content_safety import MAX_FILE_BYTES

    shown = display_path(path)
    with open(path, "rb") as stream:
        data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        return {}, [problem(Location(path=shown, line=1, column=1), "E103", f"{shown} is over the size limit")]
    text, problems = decode_source(data, shown)
    if text is None:
        return {}, problems
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        return {}, [yaml_error_problem(exc, shown)]
    except yaml.YAMLError as exc:
        return {}, [problem(Location(path=shown, line=1), "E203", f"YAML error: {exc}")]
    parts: dict[str, tuple[str, yaml.Node]] = {}
    inherit: yaml.Node | None = None
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == "INHERIT" and isinstance(value, yaml.ScalarNode):
                inherit = value
            elif key.value == "docs_dir" and isinstance(value, yaml.ScalarNode):
                parts["docs_dir"] = (shown, value)
            elif key.value == "theme" and isinstance(value, yaml.MappingNode):
                for theme_key, theme_value in value.value:
                    if theme_key.value == "custom_dir" and isinstance(theme_value, yaml.ScalarNode):
                        parts["custom_dir"] = (shown, theme_value)
            elif key.value in ("plugins", "validation"):
                parts[key.value] = (shown, value)
    if inherit is None:
        return parts, []
    parent = path.parent / str(inherit.value)
    where = _loc(shown, inherit)
    hint = "INHERIT names another configuration file, relative to this one."
    if len(seen) >= _MAX_INHERIT or parent.resolve() in (*seen, path.resolve()):
        return parts, [problem(where, "E601", f"INHERIT: '{inherit.value}' inherits itself, or too deep", hint)]
    if not parent.is_file():
        return parts, [problem(where, "E601", f"INHERIT: '{inherit.value}' is not a file", hint)]
    inherited, problems = _config_parts(parent, (*seen, path.resolve()))
    return {**inherited, **parts}, problems


def _journeys_entry(plugins: yaml.Node) -> tuple[yaml.Node, yaml.Node | None] | None:
    """The ``journeys`` item of ``plugins:``, written as a list item or a mapping key."""
    if isinstance(plugins, yaml.SequenceNode):
        for item in plugins.value:
            if isinstance(item, yaml.ScalarNode) and item.value == "journeys":
                return item, None
            if isinstance(item, yaml.MappingNode):
                for key, value in item.value:
                    if key.value == "journeys":
                        return key, value
    elif isinstance(plugins, yaml.MappingNode):
        for key, value in plugins.value:
            if key.value == "journeys":
                return key, value
    return None


def _plain(node: yaml.Node) -> Any:
    """Node to data with YAML's core types; ``!ENV`` is read from the environment, other
    unknown tags stay text and never run."""
    if node.tag == "!ENV":
        return _environment(node)
    if isinstance(node, yaml.MappingNode):
        return {_plain(k): _plain(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item) for item in node.value]
    if node.tag == "tag:yaml.org,2002:int":
        try:
            return int(node.value.replace("_", ""), 0)
        except ValueError:
            return node.value
    if node.tag == "tag:yaml.org,2002:bool":
        return node.value.casefold() in ("true", "yes", "on")
    if node.tag == "tag:yaml.org,2002:null":
        return None
    return node.value


def _environment(node: yaml.Node) -> Any:
    """``!ENV NAME`` or ``!ENV [NAME, OTHER, default]`` as MkDocs reads it: the first
    variable that is set, read as a YAML scalar, else the default (else nothing)."""
    import os

    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    names = items[:-1] if len(items) > 1 else items
    for name in names:
        if isinstance(name, yaml.ScalarNode) and name.value in os.environ:
            value = os.environ[name.value]
            try:
                parsed = yaml.compose(value, Loader=yaml.SafeLoader)
            except yaml.YAMLError:
                return value
            return _plain(parsed) if isinstance(parsed, yaml.ScalarNode) else value
    return _plain(items[-1]) if len(items) > 1 else None


def _loc(path: str, node: yaml.Node) -> Location:
    return Location(path=path, line=node.start_mark.line + 1, column=node.start_mark.column + 1)
