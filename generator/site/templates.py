"""The site's HTML blocks, from the Jinja templates in ``generator/templates/site/``.

Every template is autoescaped: a value it prints is cleaned (``clean_text``) and escaped
for HTML unless it is already markup. Markup is what another template or the Markdown
filters made (``|inline`` for one line of a user's Markdown, ``|prose`` for paragraphs),
or a block the Python side wraps in ``Markup`` because it rendered it itself (a map's SVG).

A site changes a block by putting a template of the same name in
``<custom_dir>/journeymap/site/``; the disk cache's fingerprint covers that folder, so
the pages are made again.

An engine's Markdown takes an HTML block only when it is one line, so templates are
written one element per line, for reading, and a line break with the indentation after
it is dropped when a template is read. A space between two elements is written inside
a line. What a user wrote is never touched by this: it is a value, not template text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from markupsafe import Markup

from generator.clean import clean_printed
from generator.overrides import rendered, template_loader
from generator.site.html import inline_html, prose_html

__all__ = ["refresh_overrides", "render_block", "site_environment"]

_LINE_BREAK = re.compile(r"\n[ \t]*")


class _OneLine(Extension):
    """Joins a template's lines: its output is one line of HTML whatever its layout. It
    works on the template's text between tags, so errors keep their line numbers."""

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        for token in stream:
            if token.type == "data":
                yield Token(token.lineno, "data", _LINE_BREAK.sub("", token.value))
            else:
                yield token


def _inline(value: str) -> Markup:
    return Markup(inline_html(value))


def _prose(value: str) -> Markup:
    return Markup(prose_html(value))


def _number(value: float) -> str:
    """A number as its shortest text: ``3``, ``2.5``, ``-0.25``."""
    return f"{value:g}"


@lru_cache(maxsize=8)
def site_environment(theme_dir: Path | None = None) -> jinja2.Environment:
    """Our site templates, overridable from ``<theme_dir>/journeymap/site/``."""
    env = jinja2.Environment(
        loader=template_loader(theme_dir),
        autoescape=True,
        finalize=clean_printed,
        undefined=jinja2.StrictUndefined,
        extensions=[_OneLine],
        auto_reload=False,
    )
    env.filters.update(inline=_inline, prose=_prose, n=_number)
    return env


_READ: dict[Path, str] = {}
"""Each theme folder's templates as a long-running preview last read them (a digest)."""


def refresh_overrides(theme_dir: Path | None) -> None:
    """Read the theme folder's templates and CSS again if they changed since the last
    build of this process: a preview then shows an edited template. Each build calls it
    first; one command builds once and reads them once."""
    if theme_dir is None:
        return
    import hashlib

    from generator.site.disk_cache import add_folder, fingerprint

    digest = hashlib.sha256()
    add_folder(digest, theme_dir / "journeymap")
    seen = _READ.setdefault(theme_dir, digest.hexdigest())
    if seen != digest.hexdigest():
        from generator.draw import render_svg
        from generator.print.typst_templates import typst_environment

        for cached in (site_environment, _template, render_svg.template_environment, typst_environment, fingerprint):
            cached.cache_clear()
        render_svg.clear_css()
        _READ[theme_dir] = digest.hexdigest()


@lru_cache(maxsize=64)
def _template(theme_dir: Path | None, name: str) -> Callable[..., str]:
    return site_environment(theme_dir).get_template(f"site/{name}.html.j2").render


def render_block(theme_dir: Path | None, name: str, **context: Any) -> str:
    """The block ``site/<name>.html.j2`` rendered with ``context``: one line of HTML.

    An override in the theme folder that fails (an unknown variable, a filter it does
    not have) raises ``TemplateOverrideError``, located at its line."""
    return rendered(lambda: _template(theme_dir, name), theme_dir, f"site/{name}.html.j2", context)
