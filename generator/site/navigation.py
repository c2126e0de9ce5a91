"""Where readers find the journeys: an overview of them all, and a navigation in the
order people look things up in.

Every site gets a journeys overview with cards and filters: the content's home page
when it places ``<!-- journeymap:cards -->`` (or any page does), else a generated one,
as the home page when the content has none and as the Journeys section's first page
otherwise. Journeys are listed by title and personas by name, not by file name: MkDocs
is told in ``on_nav``, Zensical and engines that read ``.nav.yml`` (awesome-nav) by a
``.nav.yml`` file in each folder.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from generator.draw.text import plain_text
from generator.labels import Labels
from generator.site.tree_files import content_files

if TYPE_CHECKING:
    from generator.site.docs_tree import DocsTree

__all__ = ["NAV_FILE", "landing_uri", "nav_order", "section_titles", "sort_mkdocs_nav", "write_navigation"]

NAV_FILE = ".nav.yml"
_CARDS = re.compile(r"^[ \t]*<!-- journeymap:cards -->[ \t]*$", re.MULTILINE)
Put = Callable[[str, str | bytes], None]


def landing_uri(tree: DocsTree) -> str | None:
    """Where the generated overview goes: ``index.md`` when the content has no home
    page, the journeys folder's ``index.md`` when no page shows the cards, else nowhere."""
    settings = tree.settings
    own = (f"{settings.journeys_dir}/", f"{settings.personas_dir}/")
    home = False
    for src_uri, path in content_files(settings.content_dir):
        if not src_uri.endswith(".md") or src_uri.startswith(own):
            continue
        home = home or src_uri == "index.md"
        try:
            if _CARDS.search(path.read_text(encoding="utf-8", errors="replace")):
                return None
        except OSError:
            continue
    if not home:
        return "index.md"
    return f"{settings.journeys_dir}/index.md" if tree.journeys else None


def _side_by_side_titles(tree: DocsTree) -> dict[str, str]:
    from generator.site.compare_pages import comparison_uri, pairs, service_groups

    say = Labels(tree.settings.language)
    titles = {
        comparison_uri(future): say("compare.title", future=future.title, current=current.title)
        for current, future in pairs(tree.journeys)
    }
    titles.update({uri: members[0].service for uri, members in service_groups(tree.journeys).items()})
    return titles


def section_titles(tree: DocsTree) -> dict[str, str]:
    """The navigation titles of the folders journeymap makes, in the site's language."""
    from generator.site.compare_pages import COMPARE_DIR, SERVICES_DIR

    say = Labels(tree.settings.language)
    return {COMPARE_DIR: say("site.comparisons"), SERVICES_DIR: say("site.services")}


def nav_order(tree: DocsTree) -> dict[str, list[str]]:
    """The pages of the journeys and personas folders in the order readers look for
    them: the overview first, then by title (journeys, comparisons, services) and by
    name (personas)."""
    settings = tree.settings
    titles = {f"{settings.journeys_dir}/{j.id}.md": j.title for j in tree.journeys}
    titles.update({f"{settings.personas_dir}/{p.id}.md": p.name for p in tree.personas})
    titles.update(_side_by_side_titles(tree))
    order: dict[str, list[str]] = {}
    for folder in (settings.journeys_dir, settings.personas_dir, *section_titles(tree)):
        pages = [uri for uri in tree.generated if uri.startswith(f"{folder}/") and uri.endswith(".md")]
        pages = [uri for uri in pages if "/" not in uri[len(folder) + 1 :]]
        pages.sort(key=lambda uri: (uri != f"{folder}/index.md", plain_text(titles.get(uri) or uri).casefold(), uri))
        if pages:
            order[folder] = pages
    return order


def write_navigation(tree: DocsTree, put: Put) -> None:
    """The generated overview when one is needed, and a ``.nav.yml`` per folder."""
    from generator.site import overview
    from generator.site.pages import PageSource, paragraph

    uri = landing_uri(tree)
    if uri is not None and uri not in tree.generated:  # a journey of its own may be called index
        say = Labels(tree.settings.language)
        page = PageSource.titled(say("site.journeys") if uri == "index.md" else say("site.all-journeys"))
        link = tree.linker(uri)
        page.slot(paragraph(tree.settings, say("site.landing-intro")))
        cards = overview.journey_cards(tree.journeys, tree.personas, tree.settings, link=link, today=tree.options.today)
        slot = tree.slots(uri)
        page.slot(slot(cards, ""))  # nothing for search: every card's words are on its journey's page
        put(uri, tree.markdown_of(page, uri, slot))
    titles = section_titles(tree)
    for folder, pages in nav_order(tree).items():
        names = [page.rsplit("/", 1)[1] for page in pages]
        title = f"title: {json.dumps(titles[folder])}\n" if folder in titles else ""
        put(f"{folder}/{NAV_FILE}", title + "nav:\n" + "".join(f"  - {json.dumps(name)}\n" for name in names))


def sort_mkdocs_nav(items: list[Any], order: dict[str, list[str]], titles: dict[str, str] | None = None) -> None:
    """Put the pages of each section that holds journeys or personas in ``order``, and
    name the sections of the folders in ``titles``."""
    rank = {uri: index for pages in order.values() for index, uri in enumerate(pages)}
    folder_of = {uri: folder for folder, pages in order.items() for uri in pages}
    for item in items:
        children = getattr(item, "children", None)
        if not children:
            continue
        sort_mkdocs_nav(children, order, titles)
        pages = [child for child in children if getattr(getattr(child, "file", None), "src_uri", None) in rank]
        if len(pages) == len(children):
            children.sort(key=lambda child: rank[child.file.src_uri])
            folders = {folder_of[child.file.src_uri] for child in children}
            if titles and len(folders) == 1 and (folder := folders.pop()) in titles:
                item.title = titles[folder]
