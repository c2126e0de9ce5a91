"""The engines that turn a project into a site: MkDocs and Zensical, run in this process.

MkDocs runs as its own command line runs it (``on_startup``, the build, ``on_shutdown``),
so every plugin's hooks fire, ``journeys`` among them: that plugin writes the docs
tree. Zensical skips plugins it does not implement, so journeymap writes the tree
itself and hands Zensical a configuration that inherits the project's ``mkdocs.yml``
and points it at the tree.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

__all__ = [
    "ENGINES",
    "EngineError",
    "choose_engine",
    "mkdocs_build",
    "zensical",
    "zensical_build",
    "zensical_config",
    "zensical_settings",
]

ENGINES = ("mkdocs", "zensical")

ZENSICAL_TESTED = ((0, 0, 70), (0, 0, 73))
"""The Zensical releases journeymap is tested with (``journeymap[zensical]`` installs one
of them). Zensical 0.0.74 moved its theme into a package of its own, ``zensical-ui``."""


class EngineError(Exception):
    """The engine could not build; ``code`` is the exit code the CLI should use."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def _installed(engine: str) -> bool:
    return find_spec("material" if engine == "mkdocs" else "zensical") is not None and find_spec(engine) is not None


def _release(version: str) -> tuple[int, ...] | None:
    """The release numbers of ``version`` (``0.0.74rc1``: 0, 0, 74), if it has three."""
    found = re.match(r"(\d+)\.(\d+)\.(\d+)", version)
    return tuple(int(part) for part in found.groups()) if found else None


def zensical() -> Any:
    """The ``zensical`` module, with what journeymap calls of it. A release outside
    ``ZENSICAL_TESTED`` gets one line on stderr; one without those functions is an
    ``EngineError`` that names the tested releases, not a traceback."""
    from importlib.metadata import PackageNotFoundError, version

    tested = "-".join(".".join(map(str, release)) for release in ZENSICAL_TESTED)
    try:
        import zensical as module
        from zensical import config
    except ImportError as exc:
        raise EngineError(
            f"Zensical could not be loaded ({exc}); journeymap is tested with Zensical {tested}", 2
        ) from None
    calls = [
        getattr(module, "build", None),
        getattr(module, "serve", None),
        getattr(config, "parse_mkdocs_config", None),
    ]
    if not all(callable(call) for call in calls):
        raise EngineError(
            f"this Zensical has no build, serve and parse_mkdocs_config; journeymap is tested with Zensical {tested}", 2
        )
    try:
        installed = version("zensical")
    except PackageNotFoundError:  # a copy on the path, not installed: nothing to compare
        installed = ""
    release = _release(installed)
    if release is not None and not ZENSICAL_TESTED[0] <= release <= ZENSICAL_TESTED[1]:
        _tell_untested(installed, tested)
    return module


@cache
def _tell_untested(installed: str, tested: str) -> None:
    """Say once per process that this Zensical release is not one journeymap is tested with."""
    print(
        f"journeymap: Zensical {installed} is installed; journeymap is tested with Zensical {tested} "
        "(pip install 'journeymap[zensical]' installs one)",
        file=sys.stderr,
    )


def choose_engine(asked: str | None) -> str:
    """``asked`` if it is installed; without one, MkDocs when it is installed, else Zensical."""
    if asked is not None:
        if not _installed(asked):
            extra = "journeymap[zensical]" if asked == "zensical" else "journeymap"
            raise EngineError(f"the {asked} engine is not installed (pip install '{extra}')", 2)
        return asked
    for engine in ENGINES:
        if _installed(engine):
            return engine
    raise EngineError("no site engine is installed: pip install mkdocs-material, or 'journeymap[zensical]'", 2)


@dataclass
class _Collect(logging.Handler):
    """Counts an engine's warnings (journeymap's content problems among them) and echoes them."""

    echo: bool
    messages: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        logging.Handler.__init__(self, logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        self.messages.append(message)
        if self.echo:
            print(f"{record.levelname}: {message}", file=sys.stderr)

    __hash__ = logging.Handler.__hash__


def mkdocs_build(config_file: Path, staging_for: Callable[[Path], Path], *, strict: bool, echo: bool) -> list[str]:
    """Build with MkDocs into ``staging_for(the configured site_dir)``; its warnings."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

    collector = _Collect(echo)
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(collector)
    mkdocs_log.setLevel(logging.INFO)
    mkdocs_log.propagate = False
    try:
        try:
            config = load_config(config_file=str(config_file), strict=strict)
        except (ConfigurationError, MkDocsException) as exc:
            raise EngineError(f"{config_file}: {exc}", 1) from exc
        config.site_dir = str(staging_for(Path(config.site_dir)))
        if "journeys" not in config.plugins:  # a site of journeys whatever else mkdocs.yml asks for
            from generator.site.plugin import JourneysPlugin

            plugin = JourneysPlugin()
            plugin.load_config({}, str(config_file))
            config.plugins["journeys"] = plugin
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        except (Abort, MkDocsException) as exc:
            raise EngineError(f"build failed: {exc}", 1) from exc
        finally:
            config.plugins.on_shutdown()
        return collector.messages
    finally:
        mkdocs_log.removeHandler(collector)


def zensical_config(config_file: Path) -> dict[str, Any]:
    """The project's configuration as Zensical reads it (``INHERIT`` and ``!ENV`` resolved)."""
    zensical()
    from zensical.config import ConfigurationError, parse_mkdocs_config

    try:
        return parse_mkdocs_config(str(config_file))
    except (ConfigurationError, OSError) as exc:
        raise EngineError(f"{config_file}: {exc}", 1) from exc


@contextmanager
def zensical_settings(
    config_file: Path,
    loaded: dict[str, Any],
    docs_dir: Path,
    site_dir: Path,
    *,
    language: str,
    check_anchors: bool = True,
) -> Iterator[Path]:
    """A configuration file for Zensical that inherits ``config_file`` and adds the tree,
    the site folder, journeymap's style sheet and script, the theme defaults of a journeys
    site (``theme_defaults``), its search separator and Markdown extensions unless the
    project chose its own, and the ``language`` unless it is English; removed afterwards. ``loaded`` is ``config_file`` as ``zensical_config`` read it.

    ``docs_dir`` and ``site_dir`` must lie under the folder of ``config_file``, as
    Zensical requires; so does the file itself, for the project's relative paths.
    ``check_anchors`` false turns off Zensical's check of links' anchors.
    """
    import json

    from generator.site.theme import MARKDOWN_EXTENSIONS, search_separator, theme_defaults

    theme = loaded["theme"]
    given = {key for key in ("font", "palette") if theme.get("font_explicit" if key == "font" else key)}
    overrides = theme_defaults(given)
    if language != "en":
        overrides["language"] = language
    root = config_file.parent.resolve()
    derived = root / f".journeymap-zensical-{os.getpid()}.yml"
    lines = [
        f"INHERIT: {json.dumps(config_file.name)}",
        f"docs_dir: {json.dumps(docs_dir.resolve().relative_to(root).as_posix())}",
        f"site_dir: {json.dumps(site_dir.resolve().relative_to(root).as_posix())}",
        "extra_css: [assets/journeymap/journeymap.css]",
        "extra_javascript: [assets/journeymap/journeymap.js]",
    ]
    if overrides:
        lines.append(f"theme: {json.dumps(overrides)}")
    plugins: dict[str, object] = {}
    search = (loaded.get("plugins") or {}).get("search") or {}
    separator = (search.get("config") or {}).get("separator")
    if search_separator(separator) != separator:
        plugins["search"] = {"separator": search_separator(separator)}
    if not loaded.get("nav"):  # journeys by title, personas by name (the tree's .nav.yml files)
        plugins["awesome-nav"] = {}
    if plugins:
        lines.append(f"plugins: {json.dumps(plugins)}")
    missing = [name for name in MARKDOWN_EXTENSIONS if name not in loaded.get("markdown_extensions", ())]
    if missing:  # Zensical adds an inheriting file's extensions to the project's own
        lines.append(f"markdown_extensions: {json.dumps(missing)}")
    if not check_anchors:
        lines.append("validation: {anchors: ignore}")
    derived.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        yield derived
    finally:
        derived.unlink(missing_ok=True)


def zensical_build(config_file: Path, loaded: dict[str, Any], docs_dir: Path, site_dir: Path, *, language: str) -> None:
    """Build ``docs_dir`` with Zensical into ``site_dir``."""
    module = zensical()
    with zensical_settings(config_file, loaded, docs_dir, site_dir, language=language) as derived:
        try:
            module.build(str(derived), {"clean": False, "strict": False})
        except Exception as exc:  # Zensical reports every failure as a plain exception
            raise EngineError(f"zensical: {exc}", 1) from exc
