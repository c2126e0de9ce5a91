"""Templates a site replaces from its theme folder (``<custom_dir>/journeymap/``): where
they are found, and how their mistakes are reported.

A template that does not compile is found before anything is built
(``override_problems``, with the configuration's problems); one that fails while a page
or sheet is made raises ``TemplateOverrideError`` (``rendered``). Both are located
``E603`` problems. A failure in journeymap's own templates is a bug, and stays one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.errors import Problem, problem
from generator.model import Location
from generator.read.source import display_path

if TYPE_CHECKING:
    import jinja2

__all__ = ["TemplateOverrideError", "override_problems", "rendered", "template_loader"]


def template_loader(theme_dir: Path | None) -> jinja2.BaseLoader:
    """journeymap's templates (``generator/templates/``), each replaced by the file of the
    same name in ``<theme_dir>/journeymap/`` when there is one. Every environment that
    renders them (maps, pages, printed sheets) loads through this."""
    import jinja2

    loaders: list[jinja2.BaseLoader] = []
    if theme_dir is not None:
        loaders.append(jinja2.FileSystemLoader(str(theme_dir / "journeymap")))
    loaders.append(jinja2.PackageLoader("generator", "templates"))
    return jinja2.ChoiceLoader(loaders)


class TemplateOverrideError(Exception):
    """A template of the site's theme folder failed; the message is a located ``E603``
    problem with its hint."""


def rendered(
    template: Callable[[], Callable[..., str]], theme_dir: Path | None, name: str, context: dict[str, Any]
) -> str:
    """``template()(**context)``: the template loaded, then rendered. A failure in an
    override of the theme folder (in loading it or rendering it) becomes a
    ``TemplateOverrideError`` at its line."""
    import jinja2  # loaded already by whoever renders

    try:
        return template()(**context)
    except jinja2.TemplateError as exc:
        found = _located(exc, theme_dir, name)
        if found is None:  # our own template, called wrongly: a bug
            raise
        from generator.check.report import format_text

        raise TemplateOverrideError(format_text([found])) from None


def _located(exc: jinja2.TemplateError, theme_dir: Path | None, name: str) -> Problem | None:
    """Where in the theme folder's templates ``exc`` happened (its innermost frame there),
    or None when it happened in none of them."""
    folder = theme_dir / "journeymap" if theme_dir is not None else None
    if folder is None:
        return None
    where: tuple[str, int] | None = None
    import jinja2

    if isinstance(exc, jinja2.TemplateSyntaxError):
        if exc.filename and Path(exc.filename).is_relative_to(folder):
            where = exc.filename, exc.lineno or 1
    else:
        frame = exc.__traceback__
        while frame is not None:
            filename = frame.tb_frame.f_code.co_filename
            if filename.endswith(".j2") and Path(filename).is_relative_to(folder):
                where = filename, frame.tb_lineno
            frame = frame.tb_next
    if where is None:
        return None
    message = f"template '{name}': {exc.message or type(exc).__name__}"
    return problem(Location(path=display_path(where[0]), line=where[1], column=1), "E603", message)


def override_problems(theme_dir: Path | None) -> list[Problem]:
    """Every template in ``<theme_dir>/journeymap/`` that does not compile: located ``E603``
    problems, found before anything is built."""
    folder = theme_dir / "journeymap" if theme_dir is not None else None
    if folder is None or not folder.is_dir():
        return []
    import jinja2  # only for a site that has templates of its own

    syntax = jinja2.Environment()  # what the templates may say is checked when they are used
    found = []
    for path in sorted(folder.rglob("*.j2")):
        if not path.is_file():
            continue
        name = path.relative_to(folder).as_posix()
        where = Location(path=display_path(path), line=1, column=1)
        try:
            syntax.parse(path.read_text(encoding="utf-8"), name, str(path))
        except jinja2.TemplateSyntaxError as exc:
            where = Location(path=where.path, line=exc.lineno or 1, column=1)
            found.append(problem(where, "E603", f"template '{name}': {exc.message or 'syntax error'}"))
        except (UnicodeDecodeError, OSError) as exc:
            found.append(problem(where, "E603", f"template '{name}' cannot be read: {exc}"))
    return found
