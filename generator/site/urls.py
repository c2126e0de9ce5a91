"""Where a docs-tree file ends up on the site, and links between them, as MkDocs and
Zensical both lay a site out: ``x.md`` becomes ``x/`` (or ``x.html`` without directory
URLs), ``index.md`` its folder, any other file keeps its path."""

from __future__ import annotations

import posixpath
from urllib.parse import quote

__all__ = ["Linker", "page_url"]


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL (relative to the site root) of the docs-tree file ``src_uri``."""
    if not src_uri.endswith(".md"):
        return quote(src_uri)
    stem = src_uri[:-3]
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        url = f"{folder}/" if folder else "./"
    elif directory_urls:
        url = f"{stem}/"
    else:
        url = f"{stem}.html"
    if not directory_urls and name in ("index", "README"):
        url = f"{folder}/index.html" if folder else "index.html"
    return quote(url)


def _relative(url: str, base: str) -> str:
    """``url`` seen from the page at ``base`` (both site-root relative)."""
    folder = base if base.endswith("/") else posixpath.dirname(base)
    folder = "" if folder in ("./", ".") else folder.rstrip("/")
    target = "" if url == "./" else url
    relative = posixpath.relpath(target or ".", folder or ".")
    if url.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return "./" if relative in (".", "./") else relative


class Linker:
    """Links from one page of the tree to other files of it.

    ``from_source`` makes the links an engine that rewrites links in raw HTML wants:
    the path from the page's source file to the target's (``../personas/x.md``), which
    Zensical turns into the built page's URL itself.
    """

    def __init__(self, src_uri: str, directory_urls: bool = True, *, from_source: bool = False) -> None:
        self.directory_urls = directory_urls
        self.from_source = from_source
        self.src_uri = src_uri
        self.url = page_url(src_uri, directory_urls)

    def __call__(self, target: str) -> str:
        """The relative URL of the docs-tree file ``target`` (``journeys/x.md``, ``journeys/x.svg``)."""
        if self.from_source:
            return quote(posixpath.relpath(target, posixpath.dirname(self.src_uri) or "."))
        return _relative(page_url(target, self.directory_urls), self.url)
