"""The journeys site as a plain docs tree, for any engine: the pipeline's site stage.

``write_docs_tree`` turns the content folder into everything a site needs: journey,
persona, insights and toolkit pages as Markdown with HTML blocks, the maps, every
download, the assets, and the content's own pages and files. MkDocs, Zensical or any
engine that reads Markdown builds a site from it; nothing here imports an engine.

Maps, step details and tables are either inside their pages (a tree that stands
alone) or slots that ``generator.site.slots.fill`` fills once the engine has built the
pages: the engine's Markdown and search then never parse them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.check.report import format_text
from generator.config import Settings
from generator.errors import Problem, Severity, sort_problems
from generator.labels import Labels
from generator.model import Journey, Persona
from generator.read.content_safety import UnsafeFile, read_bounded
from generator.read.load import Parsed, load_project
from generator.read.source import decode_source, display_path
from generator.site import overview
from generator.site.disk_cache import DiskCache, cache_key, fingerprint, open_cache
from generator.site.drawings import Drawer
from generator.site.insights import insights_page
from generator.site.navigation import write_navigation
from generator.site.pages import PageSource, block_words, journey_page, map_figure, persona_page
from generator.site.slots import PageSlots
from generator.site.templates import refresh_overrides, render_block
from generator.site.toolkit_page import write_toolkit
from generator.site.tree_files import content_files, copy_if_changed, place_file, write_if_changed
from generator.site.urls import Linker

__all__ = [
    "EXTRA_CSS",
    "EXTRA_JS",
    "TREE_MARKER",
    "DocsTree",
    "TreeOptions",
    "write_docs_tree",
]

TREE_MARKER = ".journeymap-docs"
"""A file in every tree this module writes: the ``journeys`` plugin leaves such a tree alone."""
EXTRA_CSS = "assets/journeymap/journeymap.css"
EXTRA_JS = "assets/journeymap/journeymap.js"
CARDS_MARKER = "<!-- journeymap:cards -->"
PERSONAS_MARKER = "<!-- journeymap:personas -->"
_FENCE = re.compile(r"^(?P<fence>```+|~~~+)(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=fence)[ \t]*$", re.DOTALL | re.MULTILINE)
"""A fenced code block: a ``journey`` block is a map, any other keeps what it shows."""
_MARKER = re.compile(r"^[ \t]*(<!-- journeymap:(?:cards|personas) -->)[ \t]*$", re.MULTILINE)
"""A marker on a line of its own (in a sentence or in code it is only text)."""
Put = Callable[[str, str | bytes], None]
"""Writes one generated file of the tree."""
Broken = Callable[[str], list[Problem]]
"""The errors of a content file, by docs-tree path."""
_PACKAGE = Path(__file__).resolve().parent.parent
_ASSETS = {
    EXTRA_JS: _PACKAGE / "site" / "assets" / "journeymap.js",
    "assets/journeymap/fonts/Inter-Regular.woff2": _PACKAGE / "fonts" / "Inter-Regular.woff2",
    "assets/journeymap/fonts/Inter-Bold.woff2": _PACKAGE / "fonts" / "Inter-Bold.woff2",
    "schema/journey.schema.json": _PACKAGE / "schema" / "journey.schema.json",
    "schema/diff.schema.json": _PACKAGE / "schema" / "diff.schema.json",
}


def today() -> dt.date:
    """``SOURCE_DATE_EPOCH``'s day when it is set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def cache_for(settings: Settings) -> DiskCache:
    """The disk cache of a project: ``.cache/journeymap/<config>`` beside ``mkdocs.yml``, or
    under ``JOURNEYMAP_CACHE_DIR``; none with ``cache: false`` or without a config file."""
    if not settings.cache or settings.config_path is None:
        return DiskCache(None)
    config = settings.config_path
    root = os.environ.get("JOURNEYMAP_CACHE_DIR") or str(config.parent / ".cache" / "journeymap")
    return open_cache(Path(root) / config.stem, cache_key(config.parent))


@dataclass
class TreeOptions:
    """How the tree is written; the defaults make a tree that stands alone."""

    directory_urls: bool = True
    """The engine's ``use_directory_urls``: links between pages are made to match."""
    maps_dir: Path | None = None
    """Where pages' slotted blocks go, for ``generator.site.slots.fill``; ``None`` puts
    them inside their pages."""
    copy_content: bool = True
    """Copy the content's own pages and files; the MkDocs plugin has them already."""
    workers: int = 0
    """Threads that compile PDF and PNG downloads (0: one per core, at most four)."""
    late_dir: Path | None = None
    """Where the downloads go instead of the tree: the engine never reads them, PDFs
    and PNGs are still compiling when ``write_docs_tree`` returns (the engine builds
    meanwhile), and ``DocsTree.finish`` waits for them and puts them into the site."""
    cache: DiskCache = field(default_factory=lambda: DiskCache(None))
    """Drawn maps and downloads kept between builds."""
    today: dt.date = field(default_factory=dt.date.today)
    """The date review periods are checked against."""
    parsed: Parsed | None = None
    """Journeys parsed by an earlier call, by file bytes; a preview that writes the tree
    again and again passes the same mapping each time, and only changed files are parsed."""
    source_links: bool = False
    """Links in pages' HTML go from the source file (``Linker(from_source=True)``): for a
    Zensical preview, which has no slot folder and rewrites such links itself."""
    pages: dict[str, Any] | None = None
    """Journey pages made by an earlier call, by journey id, with what they were made
    from; a preview passes the same mapping each time (with ``parsed``, an unchanged
    journey is the same object), and only changed journeys' pages are made again."""

    @classmethod
    def for_project(cls, settings: Settings, **options: Any) -> TreeOptions:
        """Options for a project's site: its workers and disk cache, and today (or
        ``SOURCE_DATE_EPOCH``'s day); ``options`` set the rest."""
        options.setdefault("cache", cache_for(settings))
        return cls(workers=settings.workers, today=today(), **options)


@dataclass
class DocsTree:
    """What ``write_docs_tree`` wrote, and what a page written later needs to know."""

    folder: Path
    settings: Settings
    options: TreeOptions
    drawer: Drawer
    problems: list[Problem] = field(default_factory=list)
    journeys: list[Journey] = field(default_factory=list)
    """Journeys without errors: the ones cards, insights and journey blocks show."""
    personas: list[Persona] = field(default_factory=list)
    generated: list[str] = field(default_factory=list)
    """Docs-tree paths journeymap made: pages, downloads, assets (not copied content)."""
    warnings: list[str] = field(default_factory=list)
    """Problems of pages that are not journeys (a ``journey`` block naming no journey)."""
    late: list[str] = field(default_factory=list)
    """Docs-tree paths of the downloads written into ``options.late_dir``."""

    @property
    def messages(self) -> list[str]:
        """Every problem and warning, as a line each (a problem's hint on a second line)."""
        return [f"{item}\n  hint: {item.hint}" if item.hint else str(item) for item in self.problems] + self.warnings

    def finish(self, site_dir: Path | None = None) -> None:
        """Wait for the downloads still compiling, and put the late ones into ``site_dir``."""
        self.drawer.finish()
        late_dir = self.options.late_dir
        if late_dir is None or site_dir is None:
            return
        folders: set[Path] = set()
        for src_uri in self.late:
            target = site_dir / src_uri
            if target.parent not in folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            place_file(late_dir / src_uri, target)

    def markdown_of(self, page: PageSource, src_uri: str, slot: PageSlots | None = None) -> str:
        """The Markdown of a generated page, its HTML blocks in ``slot`` (a new one for
        ``src_uri`` unless given), which is saved."""
        slot = slot or self.slots(src_uri)
        page.slotted(slot)
        slot.save()
        return page.markdown

    def linker(self, src_uri: str) -> Linker:
        """Links from the page ``src_uri``, made for the engine that builds the tree."""
        return Linker(src_uri, self.options.directory_urls, from_source=self.options.source_links)

    def slots(self, src_uri: str) -> PageSlots:
        """The slots of the page ``src_uri`` (its blocks inline when the tree stands alone)."""
        return PageSlots(self.options.maps_dir, src_uri)

    def expand(self, markdown: str, src_uri: str) -> str:
        """An ordinary page with its journeymap markers and ``journey`` blocks made into HTML."""
        if not any(word in markdown for word in (CARDS_MARKER, PERSONAS_MARKER, "journey", "overlay")):
            return markdown
        settings, link = self.settings, self.linker(src_uri)

        slot = self.slots(src_uri)

        def block(html: str, searched: bool = True) -> str:
            # In a slot, as a generated page's blocks: the engine leaves its links alone.
            return f"\n\n{slot(html, block_words(html) if searched else '')}\n\n"

        made: dict[str, str] = {}

        def marker(match: re.Match[str]) -> str:
            if match[1] not in made:
                if match[1] == CARDS_MARKER:
                    today = self.options.today
                    made[match[1]] = overview.journey_cards(
                        self.journeys, self.personas, settings, link=link, today=today
                    )
                else:
                    made[match[1]] = overview.persona_cards(self.personas, self.journeys, settings, link=link)
            return block(made[match[1]], searched=False)  # every card's words are on its own page

        def fence(match: re.Match[str]) -> str:
            info = match["info"].strip()
            if info == "overlay":
                return block(self._overlay_block(match["body"], src_uri, link, slot))
            if info != "journey":
                return match[0]
            return block(self._journey_block(match["body"], src_uri, link, slot))

        parts, end = [], 0
        for found in _FENCE.finditer(markdown):
            parts += [_MARKER.sub(marker, markdown[end : found.start()]), fence(found)]
            end = found.end()
        expanded = "".join([*parts, _MARKER.sub(marker, markdown[end:])])
        slot.save()
        return expanded

    def _overlay_block(self, body: str, src_uri: str, link: Linker, slot: PageSlots) -> str:
        """An ``overlay`` block: the journeys it lists (one id a line) on one chart."""
        from generator.site.compare_pages import overlay_figure

        say = Labels(self.settings.language)
        wanted = [line.strip().lstrip("-* ").strip() for line in body.splitlines()]
        wanted = list(dict.fromkeys(ident for ident in wanted if ident))
        by_id = {journey.id: journey for journey in self.journeys}
        missing = [ident for ident in wanted if ident not in by_id]
        if missing or len(wanted) < 2:
            shown = ", ".join(missing) if missing else say("site.overlay-needs-two")
            reason = "refers to unknown or broken journeys" if missing else "lists fewer than two journeys"
            self.warnings.append(f"{src_uri}: overlay block {reason}: {', '.join(missing or wanted)}")
            return error_box(self.settings, say, message=shown)
        chosen = [by_id[ident] for ident in wanted]
        prefix = f"jm-overlay-{hashlib.sha1((src_uri + body).encode()).hexdigest()[:6]}"
        return overlay_figure(
            chosen, self.personas, self.settings, self.drawer.measure, link=link, slot=slot, prefix=prefix
        )

    def _journey_block(self, body: str, src_uri: str, link: Linker, slot: PageSlots) -> str:
        """A ``journey`` block: ``id: <journey>`` shows an existing map, anything else is a journey."""
        from generator.check.validate import validate_journey
        from generator.read.parse_journey import parse_journey

        say = Labels(self.settings.language)
        reference = re.fullmatch(r"\s*id:\s*(\S+)\s*", body)
        if reference:
            found = next((j for j in self.journeys if j.id == reference[1]), None)
            if found is None:
                self.warnings.append(f"{src_uri}: journey block refers to unknown or broken journey '{reference[1]}'")
                return error_box(self.settings, say, message=reference[1])
            journey = found
        else:
            journey, problems = parse_journey(body, f"{src_uri} (journey block)", "inline")
            problems += validate_journey(journey, {p.id for p in self.personas}, self.settings, self.options.today)
            errors = [p for p in problems if p.severity is Severity.ERROR]
            self.problems.extend(errors)
            if errors:
                return error_box(self.settings, say, details=format_text(errors))
        persona = next((p for p in self.personas if p.id == journey.persona), None)
        suffix = hashlib.sha1(src_uri.encode()).hexdigest()[:6]
        own = replace(journey, id=f"{journey.id}-{suffix}")
        parts = self.drawer.inline_map(own, persona.name if persona else journey.persona)
        say = Labels(journey.language or self.settings.language)
        href = link(f"{self.settings.journeys_dir}/{journey.id}.md") if reference else ""
        return map_figure(
            parts,
            say,
            slot,
            settings=self.settings,
            journey_id=own.id,
            caption=journey.title if reference else "",
            caption_href=href,
            embedded=True,
        )


def error_box(settings: Settings, say: Labels, *, message: str = "", details: str = "", heading: bool = False) -> str:
    """An error where a block or page would be: ``message`` after the word "Error", or
    ``details`` (located problems) under it."""
    return render_block(settings.theme_dir, "error", message=message, details=details, heading=heading, say=say)


def write_docs_tree(settings: Settings, folder: Path, options: TreeOptions | None = None) -> DocsTree:
    """Write the site's docs tree into ``folder``; never raises on content.

    Every problem is returned (and shown on its page as an error box); journeys with
    errors get only that box. Files left in ``folder`` by an earlier call that this
    one did not write are removed, so a long-running preview can write it again.
    """
    options = options or TreeOptions()
    refresh_overrides(settings.theme_dir)
    if options.parsed is None:  # a build: what unchanged files parsed to is in the disk cache
        from generator.site.parsed_cache import CachedParses

        store = CachedParses(options.cache)
        project = load_project(settings, previous=store, parsed=store)
    else:
        now: Parsed = {}
        project = load_project(settings, previous=options.parsed, parsed=now)
        options.parsed.clear()
        options.parsed.update(now)  # this call's files only, so it never grows
    from generator.check.validate import validate_loaded

    problems = sort_problems(project.problems + validate_loaded(project, settings, options.today))
    errors: dict[str, list[Problem]] = {}
    for item in problems:
        if item.severity is Severity.ERROR:
            errors.setdefault(item.loc.path, []).append(item)
    say = Labels(settings.language)
    folder.mkdir(parents=True, exist_ok=True)
    tree = DocsTree(
        folder=folder,
        settings=settings,
        options=options,
        drawer=Drawer(settings, options.cache, options.workers),
        problems=list(problems),
        personas=project.personas,
    )

    def broken(src_uri: str) -> list[Problem]:
        return errors.get(display_path(settings.content_dir / src_uri), [])

    tree.journeys = [j for j in project.journeys if not broken(f"{settings.journeys_dir}/{j.id}.md")]

    def writer(written: list[str]) -> Put:
        def put(src_uri: str, data: str | bytes) -> None:
            write_if_changed(folder / src_uri, data.encode("utf-8") if isinstance(data, str) else data)
            written.append(src_uri)

        return put

    copied: list[str] = []
    put, copy = writer(tree.generated), writer(copied)

    try:
        put(TREE_MARKER, "Written by journeymap: a docs tree for MkDocs, Zensical or another engine.\n")
        _write_assets(put)
        _write_journeys(tree, project.journeys, broken, put, say)
        for persona in project.personas:
            src_uri = f"{settings.personas_dir}/{persona.id}.md"
            put(src_uri, tree.markdown_of(_persona_source(tree, persona, broken(src_uri), say), src_uri))
        _write_unreadable(tree, broken, put, say)
        _write_side_by_side(tree, put)
        _write_insights(tree, put)
        write_toolkit(tree, put)
        write_navigation(tree, put)
        if options.copy_content:
            _copy_content(tree, copy, copied)
    except BaseException:
        tree.drawer.finish()
        raise
    if options.late_dir is None:
        tree.drawer.finish()
    _remove_stale(folder, {*tree.generated, *copied})
    tree.problems = sort_problems(tree.problems)
    return tree


def _write_assets(put: Put) -> None:
    from generator.draw.palette import map_css

    css = map_css(dark_selector='[data-md-color-scheme="slate"]', page_scope=True, series=True)
    site_css = (_PACKAGE / "site" / "assets" / "site.css").read_text(encoding="utf-8")
    put(EXTRA_CSS, css + "\n" + site_css)
    for src_uri, path in _ASSETS.items():
        put(src_uri, path.read_bytes())


def _write_journeys(tree: DocsTree, journeys: list[Journey], broken: Broken, put: Put, say: Labels) -> None:
    from generator.site.compare_pages import related_html, related_links
    from generator.site.history import site_history

    settings = tree.settings
    names = {persona.id: persona for persona in tree.personas}
    related = related_links(tree.journeys, settings)
    sources = [settings.journeys_path / f"{journey.id}.md" for journey in journeys]
    history = site_history(settings.journeys_path, sources) if sources else {}
    for journey, source in zip(journeys, sources, strict=True):
        stem = f"{settings.journeys_dir}/{journey.id}"
        src_uri = f"{stem}.md"
        errors = broken(src_uri)
        if errors:
            page = PageSource.titled(journey.title or journey.id)
            page.slot(error_box(settings, say, details=format_text(errors), heading=True))
            put(src_uri, page.markdown)
            continue
        persona = names.get(journey.persona)
        persona_name = persona.name if persona else journey.persona
        links = related_html(related.get(journey.id, ()), say, tree.linker(src_uri), settings)
        inputs = (
            persona,
            tuple(history.get(source, [])),
            settings,
            tree.options.today,
            tree.options.directory_urls,
            links,
            fingerprint(settings.theme_dir),  # a preview's edited template makes the page again
        )
        known = tree.options.pages.get(journey.id) if tree.options.pages is not None else None
        unchanged = known is not None and known[0] is journey and known[1] == inputs
        for kind in settings.downloads:
            late = tree.options.late_dir  # the engine need not copy what it never reads
            target = (late or tree.folder) / f"{stem}.{kind}"
            if not (unchanged and target.is_file()):
                tree.drawer.download(journey, persona_name, kind, target, _last_change(journey, history.get(source)))
            (tree.late if late else tree.generated).append(f"{stem}.{kind}")
        slot = tree.slots(src_uri)
        if known is not None and unchanged:
            markdown, slot.saved = known[2], known[3]
        else:
            markdown = _journey_markdown(tree, journey, persona, inputs, slot)
            if tree.options.pages is not None:
                tree.options.pages[journey.id] = (journey, inputs, markdown, slot.saved)
        slot.save(unchanged=unchanged)
        put(src_uri, markdown)


def _last_change(journey: Journey, history: list[tuple[str, str, str]] | None) -> int | None:
    """When the journey last changed, in seconds since the epoch (midnight UTC): its last
    commit, else the date it was last reviewed; the date its PDF carries."""
    day = journey.reviewed
    if history:
        with contextlib.suppress(ValueError):
            day = dt.date.fromisoformat(history[0][0])
    if day is None:
        return None
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())


def _journey_markdown(
    tree: DocsTree, journey: Journey, persona: Persona | None, inputs: tuple[Any, ...], slot: PageSlots
) -> str:
    """A journey's page (and its slots' blocks), from the disk cache when the journey and
    everything else the page shows are as they were."""
    persona_name = persona.name if persona else journey.persona
    layout = (tree.options.maps_dir is None, tree.options.source_links)
    extra = repr((inputs[0], inputs[1], inputs[3], inputs[4], inputs[5], layout)).encode("utf-8")
    name = hashlib.sha256(tree.drawer.digest(journey, persona_name).encode("ascii") + extra).hexdigest() + ".page"
    stored = _cached_page(tree.options.cache, name, slot)
    if stored is not None:
        tree.drawer.keep_map(journey, persona_name)
        return stored
    stem = f"{tree.settings.journeys_dir}/{journey.id}"
    page = journey_page(
        journey,
        persona,
        tree.settings,
        parts=tree.drawer.inline_map(journey, persona_name),
        slot=slot,
        link=tree.linker(f"{stem}.md"),
        today=tree.options.today,
        downloads=tree.settings.downloads,
        source_stem=stem,
        history=list(inputs[1]),
        related=inputs[5],
    )
    page.slotted(slot)
    markdown = page.markdown
    _keep_page(tree.options.cache, name, markdown, slot)
    return markdown


def _cached_page(cache: DiskCache, name: str, slot: PageSlots) -> str | None:
    """A page kept by ``_keep_page``, its blocks given to ``slot``; None when there is none
    (or the entry is of another shape)."""
    stored = cache.get(name)
    if stored is None or len(stored) < 8:
        return None
    size = int.from_bytes(stored[:8], "big")
    if 8 + size > len(stored):
        return None
    try:
        markdown = stored[8 : 8 + size].decode("utf-8")
    except UnicodeDecodeError:
        return None
    slot.saved = stored[8 + size :]
    return markdown


def _keep_page(cache: DiskCache, name: str, markdown: str, slot: PageSlots) -> None:
    """Keep a generated page and its slots' blocks: the page's length, the page, and the
    blocks as the slot file holds them, so reading it back decodes nothing."""
    slot.saved = slot.encoded()
    data = markdown.encode("utf-8")
    cache.put(name, len(data).to_bytes(8, "big") + data + slot.saved)


def _persona_source(tree: DocsTree, persona: Persona, errors: list[Problem], say: Labels) -> PageSource:
    settings = tree.settings
    if errors:
        page = PageSource.titled(persona.name or persona.id)
        page.slot(error_box(settings, say, details=format_text(errors), heading=True))
        return page
    src_uri = f"{settings.personas_dir}/{persona.id}.md"
    link = tree.linker(src_uri)
    photo_url = None
    if persona.photo:
        photo_src = posixpath.normpath(posixpath.join(settings.personas_dir, persona.photo))
        if (settings.content_dir / photo_src).is_file():
            photo_url = link(photo_src)
    mine = [j for j in tree.journeys if j.persona == persona.id]
    return persona_page(persona, mine, settings, link=link, photo_url=photo_url)


def _write_unreadable(tree: DocsTree, broken: Broken, put: Put, say: Labels) -> None:
    """A journey or persona file that could not even be read (not UTF-8) gets an error page."""
    settings = tree.settings
    written = set(tree.generated)
    for folder in (settings.journeys_dir, settings.personas_dir):
        for src_uri, _ in content_files(settings.content_dir / folder):
            uri = f"{folder}/{src_uri}"
            if uri.endswith(".md") and uri not in written and broken(uri):
                page = PageSource.titled(Path(uri).stem)
                page.slot(error_box(settings, say, details=format_text(broken(uri)), heading=True))
                put(uri, page.markdown)


def _write_side_by_side(tree: DocsTree, put: Put) -> None:
    """A comparison page per redesign, and an overlay page per service."""
    from generator.site.compare_pages import comparison_page, comparison_uri, pairs, service_groups, service_page

    settings, measure = tree.settings, tree.drawer.measure
    for current, future in pairs(tree.journeys):
        uri = comparison_uri(future)
        link, slot = tree.linker(uri), tree.slots(uri)
        page = comparison_page(current, future, settings, measure, link=link, slot=slot)
        put(uri, tree.markdown_of(page, uri, slot))
    for uri, members in service_groups(tree.journeys).items():
        link, slot = tree.linker(uri), tree.slots(uri)
        page = service_page(members, tree.personas, settings, measure, link=link, slot=slot)
        put(uri, tree.markdown_of(page, uri, slot))


def _write_insights(tree: DocsTree, put: Put) -> None:
    if (tree.settings.content_dir / "insights.md").exists() or not tree.journeys:
        return
    # What the page holds depends on every journey and the settings (their drawings'
    # digests, made for the journeys' pages already), today, how it links and whether its
    # blocks are in the page (a tree that stands alone) or in slots.
    options = tree.options
    names = {persona.id: persona.name for persona in tree.personas}
    journeys = tuple(tree.drawer.digest(j, names.get(j.persona, j.persona)) for j in tree.journeys)
    layout = (options.directory_urls, options.source_links, options.maps_dir is None)
    name = hashlib.sha256(repr((journeys, options.today, layout)).encode("utf-8")).hexdigest() + ".insights"
    slot = tree.slots("insights.md")
    markdown = _cached_page(options.cache, name, slot)  # nothing it shows changed: the page as it was
    if markdown is None:
        link = tree.linker("insights.md")
        page = insights_page(tree.journeys, tree.settings, link=link, today=options.today, slot=slot)
        page.slotted(slot)
        markdown = page.markdown
        _keep_page(options.cache, name, markdown, slot)
    slot.save()
    put("insights.md", markdown)


def _copy_content(tree: DocsTree, put: Put, copied: list[str]) -> None:
    """The content's own pages (markers expanded) and files (listed in ``copied``);
    journey and persona sources are pages of their own already."""
    settings = tree.settings
    written = set(tree.generated)
    own = (f"{settings.journeys_dir}/", f"{settings.personas_dir}/")
    for src_uri, path in content_files(settings.content_dir):
        if src_uri in written or (src_uri.endswith(".md") and src_uri.startswith(own)):
            continue
        if not src_uri.endswith(".md"):  # an image, a PDF: copied as it is, however large
            copy_if_changed(path, tree.folder / src_uri)
            copied.append(src_uri)
            continue
        try:
            data = read_bounded(path, settings.content_dir)
        except UnsafeFile:
            continue  # reported (E102, E103) with the content's problems
        text, _ = decode_source(data, display_path(path))
        if text is not None:
            data = tree.expand(text, src_uri).encode("utf-8")
        put(src_uri, data)


def _remove_stale(folder: Path, keep: set[str]) -> None:
    """Files of an earlier tree in ``folder`` that this one no longer has."""
    for path in sorted(folder.rglob("*"), reverse=True):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and not path.is_symlink() and relative not in keep:
            path.unlink()
        elif path.is_dir() and not path.is_symlink() and not any(path.iterdir()):
            path.rmdir()
