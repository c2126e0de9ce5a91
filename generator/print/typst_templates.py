"""Typst markup from the Jinja templates in ``generator/templates/print/``.

Every value a template prints becomes typst that shows it as written: text is a typst
string literal (quoted and escaped by ``tstr``), so ``#{{ title }}`` in markup and
``{{ title }}`` as a function's argument can never be read as markup or code; a number
prints as its digits, ``|fixed(1)`` with one decimal. Typst made by a macro, or handed
over by the Python side as ``Typst``, passes as it is.

Join text before printing it: ``{{ a ~ b }}`` of two texts is one literal, but joining
text to a macro's output would escape it for HTML (Jinja's markup rules).

A site changes a sheet by putting a template of the same name in
``<custom_dir>/journeymap/print/``; the disk cache's fingerprint covers that folder.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.overrides import rendered, template_loader
from generator.print.render_print import Paper
from generator.print.typst_markup import tstr

__all__ = ["Typst", "macros", "render_typst", "typst_environment"]


class Typst(Markup):
    """Typst markup that prints as it is: made by a template, or by journeymap's code."""

    __slots__ = ()


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    if isinstance(value, bool):
        raise TypeError("a template printed a truth value; print text or a number")
    if isinstance(value, int | float):
        return Typst(str(value))
    return Typst(tstr(str(value)))


def _fixed(value: float, digits: int) -> Typst:
    """A number with ``digits`` decimals: ``12.50``."""
    return Typst(f"{float(value):.{digits}f}")


_UNITS = ("mm", "pt", "em", "fr", "%")
_LENGTH = re.compile(r"\d+(\.\d+)?(mm|pt|em|fr|%)")


def _unit(value: float, unit: str, digits: int | None = None) -> Typst:
    """A typst length: ``30|unit("mm")`` is ``30mm``; ``digits`` rounds it."""
    if unit not in _UNITS:
        raise ValueError(f"unknown typst unit {unit!r}: use one of {', '.join(_UNITS)}")
    return Typst((f"{float(value):.{digits}f}" if digits is not None else str(value)) + unit)


def _columns(*widths: str) -> Typst:
    """Typst column widths, each a length as text: ``columns("22mm", "2fr")``."""
    for width in widths:
        if not _LENGTH.fullmatch(width):
            raise ValueError(f"not a typst length: {width!r}")
    return Typst("(" + ", ".join(widths) + ")")


def _type_scale(paper: Paper) -> float:
    from generator.print.sheet_base import type_scale

    return type_scale(paper)


@lru_cache(maxsize=8)
def typst_environment(theme_dir: Path | None = None) -> jinja2.Environment:
    """Our typst templates, overridable from ``<theme_dir>/journeymap/print/``."""
    env = jinja2.Environment(
        loader=template_loader(theme_dir),
        autoescape=True,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(fixed=_fixed, unit=_unit, type_scale=_type_scale)
    env.globals["columns"] = _columns
    return env


def render_typst(theme_dir: Path | None, name: str, **context: Any) -> str:
    """The sheet ``print/<name>.typ.j2`` rendered with ``context``: typst source. An
    override that fails raises ``TemplateOverrideError`` at its line."""
    template = f"print/{name}.typ.j2"
    return rendered(lambda: typst_environment(theme_dir).get_template(template).render, theme_dir, template, context)


def macros(theme_dir: Path | None = None) -> Any:
    """The shared pieces of ``print/macros.typ.j2``, to call from Python."""
    return typst_environment(theme_dir).get_template("print/macros.typ.j2").module
