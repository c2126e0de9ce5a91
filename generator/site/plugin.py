"""The ``journeys`` MkDocs plugin: glue between MkDocs and the journeymap pipeline.

Three tiers of failure, as in mkdocs-autorefs: a bad ``journeys`` option stops the build
with a ``PluginError``; a bad journey or persona is a warning (so ``--strict`` fails) and
a visible error box on its page; bugs propagate.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import os
import posixpath
import re
import zlib
from dataclasses import replace
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, write_file

from generator.config import MAP_LANES, Settings, load_settings
from generator.errors import Problem, sort_problems
from generator.labels import Labels
from generator.load import Parsed, journey_files, load_personas, load_project
from generator.model import Journey, Persona, Stage, Step
from generator.report import format_text
from generator.site import overview
from generator.site.disk_cache import DiskCache
from generator.site.draw_ahead import DrawAhead
from generator.site.html import e
from generator.site.pages import PageSource, journey_page, persona_page
from generator.source import display_path
from generator.validate import validate_project

log = get_plugin_logger("journeys")
ASSETS = Path(__file__).parent / "assets"
FONTS = Path(__file__).parent.parent / "fonts"
CARDS_MARKER = "<!-- journeymap:cards -->"
# Drawn maps and downloads by content hash, kept across the rebuilds of `mkdocs serve`
# (which makes a new plugin instance each time): only changed journeys are redrawn.
_CACHE: dict[str, Any] = {}
# Only `mkdocs serve` rebuilds in one process; a single build would just hold on to memory.
_SERVING = {"on": False}
_PARSED: dict[str, Parsed] = {"journeys": {}}
_TEXT_KINDS = ("inline", "svg", "csv", "json")
PERSONAS_MARKER = "<!-- journeymap:personas -->"
_FENCE = re.compile(
    r"^(?P<fence>```+|~~~+)[ \t]*journey[ \t]*\n(?P<body>.*?)^(?P=fence)[ \t]*$", re.DOTALL | re.MULTILINE
)


class JourneysConfig(base.Config):
    """Options of the ``journeys`` plugin; ``journeymap check`` reads the same entry."""

    language = c.Optional(c.Choice(("en", "nl")))
    """Language of labels on maps and pages, and of the theme and search: ``en`` or ``nl``."""
    emotion_scale = c.Optional(c.ListOfItems(c.Type(int)))
    """Lowest and highest feeling score, ``[min, max]`` (default ``[-2, 2]``)."""
    touchpoint_types = c.Optional(c.ListOfItems(c.Type(str)))
    """Allowed step ``type`` values, most important first."""
    review_period = c.Optional(c.Type(int))
    """Days after ``reviewed`` before a journey is overdue; 0 turns reviews off."""
    journeys_dir = c.Optional(c.Type(str))
    """Folder of journey files inside ``docs_dir`` (default ``journeys``)."""
    personas_dir = c.Optional(c.Type(str))
    """Folder of persona files inside ``docs_dir`` (default ``personas``)."""
    lanes = c.Optional(c.ListOfItems(c.Choice(MAP_LANES)))
    """Map rows, top to bottom."""
    curve = c.Optional(c.Choice(("smooth", "straight")))
    """Emotion curve: ``smooth`` or ``straight``."""
    downloads = c.Optional(c.ListOfItems(c.Choice(("svg", "pdf", "png", "csv", "json"))))
    """Files offered for download on each journey page (default ``[svg, pdf, csv, json]``)."""
    cache = c.Optional(c.Type(bool))
    """Keep drawn maps and downloads in ``.cache/journeymap`` beside ``mkdocs.yml`` (default true)."""


def _safe_striptags(value: Any) -> Markup:
    """``striptags`` that keeps what it returns escaped.

    Jinja's own un-escapes entities, so a title written as ``&lt;/title&gt;&lt;script&gt;``
    would come out as live markup in every page's ``<title>``.
    """
    return escape(Markup(str(value)).striptags())


def _today() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


class JourneysPlugin(BasePlugin[JourneysConfig]):
    """Renders ``journeys/`` and ``personas/`` into pages, maps and downloads."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.settings = Settings()
        self.sources: dict[str, PageSource] = {}
        self.problems: dict[str, list[Problem]] = {}
        self.journeys: list[Journey] = []
        self.personas: list[Persona] = []
        self._drawn: tuple[tuple[Journey, str, Settings], tuple[str, str]] | None = None
        self._key_base: tuple[tuple[Journey, str, Settings], str] | None = None
        self._disk = DiskCache(None)
        self._history: dict[Path, list[tuple[str, str, str]]] = {}
        self._ahead = DrawAhead()
        self._ahead_order: dict[str, int] = {}
        self._readable: dict[str, tuple[str, int, bytes]] = {}
        self._again: dict[str, str] = {}
        self._urls: dict[str, str] = {}
        self._personas_read = False
        self._today = dt.date.today()

    # -- configuration --------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        _SERVING["on"] = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        settings, problems = (
            load_settings(Path(config.config_file_path)) if config.config_file_path else (Settings(), [])
        )
        if problems:
            raise PluginError("journeys: invalid configuration\n" + format_text(problems))
        theme_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else None
        self.settings = replace(settings, content_dir=Path(config.docs_dir), theme_dir=theme_dir)
        if self.config.language:
            config.theme["language"] = self.config.language
            search = config.plugins.get("search") or config.plugins.get("material/search")
            if search is not None and hasattr(search, "config") and "lang" in search.config:
                search.config["lang"] = [self.config.language]
        config.extra_css.append("assets/journeymap/journeymap.css")
        config.extra_javascript.append("assets/journeymap/journeymap.js")
        return config

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        env.filters["striptags"] = _safe_striptags
        return env

    # -- files ----------------------------------------------------------------------

    def _url(self, config: MkDocsConfig, src_uri: str) -> str:
        url = self._urls.get(src_uri)
        if url is None:  # as MkDocs will make it; every page links the same few targets
            url = self._urls[src_uri] = File.generated(config, src_uri, content="").url
        return url

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        # Reading and drawing a thousand journeys makes millions of objects and no
        # reference cycles, so the cyclic garbage collector only costs time here. What
        # is made here lives until the build ends: frozen, later collections skip it.
        gc.disable()
        try:
            return self._files(files, config)
        finally:
            gc.enable()
            gc.freeze()

    def on_build_error(self, *, error: Exception) -> None:
        self._ahead.stop()
        gc.unfreeze()

    def _files(self, files: Files, config: MkDocsConfig) -> Files:
        settings = self.settings
        folder = None
        if settings.cache and config.config_file_path:
            config_file = Path(config.config_file_path)
            root = os.environ.get("JOURNEYMAP_CACHE_DIR") or str(config_file.parent / ".cache" / "journeymap")
            folder = Path(root) / config_file.stem
        self._disk = DiskCache(folder)
        self._drawn = self._key_base = None  # MkDocs may reuse this plugin for another build
        self._urls = {}  # the configuration may have changed too (use_directory_urls)
        today = self._today = _today()
        self.journeys, self.personas = [], []  # a reused plugin's are the last build's
        self._personas_read = False
        self._start_drawing(config)
        parsed: Parsed = {}
        if _SERVING["on"]:  # unchanged journeys are not parsed again
            project = load_project(settings, previous=_PARSED["journeys"], parsed=parsed)
            _PARSED["journeys"] = parsed  # this build's files only, so it never grows
        else:
            project = load_project(settings, parsed=parsed)
        # Each journey's file as read, to parse it again when its page is written; its
        # model is not kept that long (see _late_from_bytes).
        self._readable = {key[1]: (key[0], zlib.crc32(key[2]), zlib.compress(key[2], 1)) for key in parsed}
        del parsed
        problems = sort_problems(
            project.problems + validate_project(project.journeys, project.personas, settings, today)
        )
        self.problems = {}
        for item in problems:
            self.problems.setdefault(item.loc.path, []).append(item)
            log.warning(f"{item}\n  hint: {item.hint}" if item.hint else str(item))
        self.journeys, self.personas = project.journeys, project.personas
        self._personas_read = True
        self.sources = {}
        personas = {persona.id: persona for persona in project.personas}
        for asset in ("journeymap.js",):
            files.append(File.generated(config, f"assets/journeymap/{asset}", abs_src_path=str(ASSETS / asset)))
        files.append(File.generated(config, "assets/journeymap/journeymap.css", content=self._css()))
        schema = Path(__file__).parent.parent / "schema" / "journey.schema.json"
        files.append(File.generated(config, "schema/journey.schema.json", abs_src_path=str(schema)))
        for font in ("Inter-Regular.woff2", "Inter-Bold.woff2"):
            files.append(File.generated(config, f"assets/journeymap/fonts/{font}", abs_src_path=str(FONTS / font)))
        from generator.site.history import site_history

        folder = settings.content_dir / settings.journeys_dir
        sources = [folder / f"{journey.id}.md" for journey in project.journeys]
        self._history = site_history(folder, sources) if sources else {}
        self._again = {}
        for journey in project.journeys:
            self._add_journey(journey, personas.get(journey.persona), files, config, today)
        for persona in project.personas:
            self._add_persona(persona, files, config)
        self._replace_unreadable(files, config)
        self._add_insights(files, config, today)
        self._add_toolkit(files, config)
        if not _SERVING["on"]:
            # From here on, journeys are needed only for cards: a journey's model is
            # about five times its file, and MkDocs keeps every page in memory meanwhile.
            self.journeys = [_card_journey(journey) for journey in self.journeys]
        return files

    def _start_drawing(self, config: MkDocsConfig) -> None:
        """Draw journey pages' late parts in a second process too (see ``draw_ahead``).

        Forked before anything is read, so the child shares little memory it could
        make a copy of; and before the toolkit, since typst's threads must not be
        running when the process forks. The child reads and parses every journey file
        itself, in the order the pages are written.
        """
        self._ahead.stop()
        found = [] if _SERVING["on"] else journey_files(self.settings)  # serve draws in memory, for its next rebuild
        self._ahead_order = {journey_id: index for index, (journey_id, _) in enumerate(found)}
        self._ahead = DrawAhead.start(
            [partial(self._late_from_file, journey_id, path, config) for journey_id, path in found]
        )
        if self._ahead.running:
            log.debug(f"journey pages drawn in a second process too (pid {self._ahead.pid})")

    def _late(self, source: PageSource) -> tuple[list[str], list[str]]:
        """A page's late parts, and the cache entries they used."""
        kept, self._disk.used = self._disk.used, set()
        try:
            parts = [part if isinstance(part, str) else part() for part in source.late]
        finally:
            used, self._disk.used = self._disk.used, kept
            kept.update(used)
        return parts, sorted(used)

    def _late_from_file(
        self, journey_id: str, path: Path, config: MkDocsConfig
    ) -> tuple[str, int, tuple[list[str], list[str]] | None]:
        """A second-process job (done by the child, or by the parent while it waits): a
        journey page's late parts, from its file; with its id and checksum, so the
        parent uses them only if it read the same file."""
        data = path.read_bytes()
        return journey_id, zlib.crc32(data), self._late_from_bytes(journey_id, display_path(path), data, config)

    def _late_from_bytes(
        self, journey_id: str, shown: str, data: bytes, config: MkDocsConfig
    ) -> tuple[list[str], list[str]] | None:
        """A journey page's late parts (map, step details, tables; downloads written),
        from the journey parsed again. The parsing takes about a quarter of the time
        drawing does, and spares keeping every journey's model until its page is
        written, or, in the second process, copying the parent's."""
        journey = self._parse(journey_id, shown, data)
        if journey is None:
            return None
        if not self._personas_read:  # in the second process, forked before they were read
            self.personas, self._personas_read = load_personas(self.settings), True
        persona = next((p for p in self.personas if p.id == journey.persona), None)
        return self._late(self._journey_page(journey, persona, config, self._today, with_history=False))

    def _parse(self, journey_id: str, shown: str, data: bytes) -> Journey | None:
        from generator.parse_journey import parse_journey
        from generator.source import decode_source

        text, _ = decode_source(data, shown)
        return None if text is None else parse_journey(text, shown, journey_id)[0]

    def _full_journey(self, journey_id: str) -> Journey | None:
        """A journey as parsed, not its card's summary."""
        if journey_id not in self._readable:
            return None
        shown, _, packed = self._readable[journey_id]
        return self._parse(journey_id, shown, zlib.decompress(packed))

    def _add_toolkit(self, files: Files, config: MkDocsConfig) -> None:
        """A Toolkit page with every sheet of the workshop kit for download."""
        from generator.toolkit import build_kit

        sources = Path(config.config_file_path).parent / "toolkit" if config.config_file_path else None
        if sources is None or not sources.is_dir() or files.get_file_from_path("toolkit/index.md") is not None:
            return
        texts = tuple(sorted((p.name, p.read_text(encoding="utf-8")) for p in sources.glob("*.md")))
        key = hashlib.sha256(repr(("kit", self.settings, self.personas, texts)).encode("utf-8")).hexdigest()
        kit = _CACHE.get(key)
        if not isinstance(kit, dict):
            from generator.render_print import PAPERS

            kit = build_kit(self.settings, self.personas, sources, paper=PAPERS["A3"], with_svg=False)
            if _SERVING["on"]:
                _CACHE[key] = kit
        for name, data in sorted(kit.items()):
            files.append(File.generated(config, f"toolkit/{name}", content=data))
        source = overview.toolkit_page(sorted(kit), self.personas, self.settings)
        files.append(File.generated(config, "toolkit/index.md", content=source.markdown))
        self.sources["toolkit/index.md"] = source

    def _replace(self, files: Files, config: MkDocsConfig, src_uri: str, source: PageSource) -> None:
        old = files.get_file_from_path(src_uri)
        if old is not None:
            files.remove(old)
        page_file = File.generated(config, src_uri, content=source.markdown)
        # "Edit this page" opens the journey's own file, not a generated one.
        page_file.edit_uri = old.edit_uri if old is not None else src_uri
        files.append(page_file)
        self.sources[src_uri] = source

    def _problem_box(self, path_key: str, say: Labels) -> str:
        problems = self.problems.get(path_key, [])
        errors = [p for p in problems if p.severity.value == "error"]
        if not errors:
            return ""
        text = format_text(errors)
        return f'<div class="jm-error" role="alert"><p><strong>{e(say("site.error"))}</strong></p><pre>{e(text)}</pre></div>'

    def _cached(self, kind: str, journey: Journey, persona_name: str) -> str | bytes:
        """The inline map or a download, drawn only when the journey or the settings changed.

        Under ``mkdocs serve`` what was drawn stays in memory; every build also keeps it
        on disk (``.cache/journeymap``), unless the ``cache`` option is off.
        """
        key = self._key(kind, journey, persona_name)
        if _SERVING["on"]:
            cached = _CACHE.get(key)
            if isinstance(cached, (str, bytes)):
                return cached
        stored = self._disk.get(key)
        if stored is not None:
            content: str | bytes = stored.decode("utf-8") if kind in _TEXT_KINDS else stored
        else:
            content = self._draw(kind, journey, persona_name)
            self._disk.put(key, content.encode("utf-8") if isinstance(content, str) else content)
        if _SERVING["on"]:
            if len(_CACHE) > 4000:  # bounded for very long serve sessions
                _CACHE.clear()
            _CACHE[key] = content
        return content

    def _key(self, kind: str, journey: Journey, persona_name: str) -> str:
        """The name of one output of a journey, in memory (serve) and on disk alike.

        It hashes everything the output depends on; a single build without the disk
        cache draws everything once and needs no name ('').
        """
        if not _SERVING["on"] and self._disk.folder is None:
            return ""
        if self._key_base is None or self._key_base[0] != (journey, persona_name, self.settings):
            from generator.site.disk_cache import fingerprint

            inputs = repr((journey, persona_name, self.settings)).encode("utf-8")
            base = hashlib.sha256(fingerprint(self.settings.theme_dir).encode("ascii") + inputs).hexdigest()
            self._key_base = ((journey, persona_name, self.settings), base)
        return f"{self._key_base[1]}.{kind}"

    def _draw(self, kind: str, journey: Journey, persona_name: str) -> str | bytes:
        measure = _metrics()
        settings = self.settings
        content: str | bytes
        if kind in ("inline", "svg"):
            content = self._maps(journey, persona_name)[0 if kind == "inline" else 1]
        elif kind == "csv":
            from generator.export import journey_to_csv

            content = journey_to_csv(journey)
        elif kind == "json":
            from generator.export import journey_to_json

            content = journey_to_json(journey)
        elif kind == "pdf":
            from generator.render_print import PAPERS, render_map_pdf

            content = render_map_pdf(journey, settings, measure, paper=PAPERS["A3"], persona_name=persona_name)
        else:
            from generator.render_print import render_map_png

            content = render_map_png(journey, settings, measure, persona_name=persona_name)
        return content

    def _maps(self, journey: Journey, persona_name: str) -> tuple[str, str]:
        """The page's map and the SVG download: one layout, their parts drawn once."""
        from generator.layout import layout_map
        from generator.render_svg import render_map_svgs

        key = (journey, persona_name, self.settings)
        if self._drawn is None or self._drawn[0] != key:  # the last journey's pair only
            layout = layout_map(journey, self.settings, _metrics(), persona_name=persona_name)
            self._drawn = (key, render_map_svgs(layout, theme_dir=self.settings.theme_dir))
        return self._drawn[1]

    def _svg(self, journey: Journey, persona_name: str) -> str:
        return str(self._cached("inline", journey, persona_name))

    def _add_journey(
        self, journey: Journey, persona: Persona | None, files: Files, config: MkDocsConfig, today: dt.date
    ) -> None:
        settings = self.settings
        src_uri = f"{settings.journeys_dir}/{journey.id}.md"
        box = self._problem_box(_problem_key(settings, src_uri), Labels(settings.language))
        if box:
            source = PageSource.titled(f"journey:{journey.id}", journey.title or journey.id)
            source.slot(box)
        else:
            source = self._journey_page(journey, persona, config, today)
            if not _SERVING["on"] and journey.id in self._readable:
                # Made again when the page is written (in this process or the second):
                # the functions holding this journey can go now.
                source.late[:] = [""] * len(source.late)
                self._again[src_uri] = journey.id
        self._replace(files, config, src_uri, source)

    def _journey_page(
        self,
        journey: Journey,
        persona: Persona | None,
        config: MkDocsConfig,
        today: dt.date,
        *,
        with_history: bool = True,
    ) -> PageSource:
        """A journey's page; ``with_history=False`` leaves out its git history, which
        goes in a slot, when only the late parts are wanted."""
        settings = self.settings
        stem = f"{settings.journeys_dir}/{journey.id}"
        src_uri = f"{stem}.md"
        page_url = self._url(config, src_uri)
        persona_name = persona.name if persona else journey.persona
        downloads = settings.downloads
        site_dir = Path(config.site_dir)

        def write(kind: str) -> None:
            # Written straight into the site rather than kept as a File until the build ends:
            # a thousand journeys' downloads would otherwise stay in memory all at once.
            content = self._cached(kind, journey, persona_name)
            data = content.encode("utf-8") if isinstance(content, str) else content
            write_file(data, str(site_dir / f"{stem}.{kind}"))

        def svg() -> str:
            # Drawn when the page is written (MkDocs converts all pages before writing
            # any), or ahead of that in a second process; the downloads with it, the SVG
            # from the same drawing.
            for kind in downloads:
                write(kind)
            return self._svg(journey, persona_name)

        def link(target: str) -> str:
            return get_relative_url(self._url(config, target), page_url)

        return journey_page(
            journey,
            persona,
            settings,
            svg=svg,
            link=link,
            today=today,
            downloads=downloads,
            source_stem=stem,
            history=self._history.get(settings.content_dir / src_uri, []) if with_history else [],
        )

    def _add_persona(self, persona: Persona, files: Files, config: MkDocsConfig) -> None:
        settings = self.settings
        say = Labels(settings.language)
        src_uri = f"{settings.personas_dir}/{persona.id}.md"
        page_url = self._url(config, src_uri)
        box = self._problem_box(_problem_key(settings, src_uri), say)
        if box:
            source = PageSource.titled(f"persona:{persona.id}", persona.name or persona.id)
            source.slot(box)
            self._replace(files, config, src_uri, source)
            return

        def link(target: str) -> str:
            return get_relative_url(self._url(config, target), page_url)

        photo_url = None
        if persona.photo:
            photo_src = posixpath.normpath(posixpath.join(settings.personas_dir, persona.photo))
            photo_url = (
                get_relative_url(self._url(config, photo_src), page_url)
                if files.get_file_from_path(photo_src)
                else None
            )
        mine = [j for j in self.journeys if j.persona == persona.id]
        source = persona_page(persona, mine, settings, link=link, photo_url=photo_url)
        self._replace(files, config, src_uri, source)

    def _replace_unreadable(self, files: Files, config: MkDocsConfig) -> None:
        """A journey or persona file that could not even be read (not UTF-8) gets an error
        page too, so MkDocs never tries to read it itself."""
        say = Labels(self.settings.language)
        folders = (f"{self.settings.journeys_dir}/", f"{self.settings.personas_dir}/")
        for file in list(files.documentation_pages()):
            if file.src_uri in self.sources or not file.src_uri.startswith(folders):
                continue
            box = self._problem_box(_problem_key(self.settings, file.src_uri), say)
            if box:
                source = PageSource.titled(f"unreadable:{file.src_uri}", Path(file.src_uri).stem)
                source.slot(box)
                self._replace(files, config, file.src_uri, source)

    def _add_insights(self, files: Files, config: MkDocsConfig, today: dt.date) -> None:
        if files.get_file_from_path("insights.md") is not None or not self.journeys:
            return
        src_uri = "insights.md"
        page_url = self._url(config, src_uri)

        def link(target: str) -> str:
            return get_relative_url(self._url(config, target), page_url)

        source = overview.insights_page(self._valid_journeys(), self.settings, link=link, today=today)
        files.append(File.generated(config, src_uri, content=source.markdown))
        self.sources[src_uri] = source

    def _valid_journeys(self) -> list[Journey]:
        broken = {path for path, items in self.problems.items() if any(p.severity.value == "error" for p in items)}
        return [
            j
            for j in self.journeys
            if _problem_key(self.settings, f"{self.settings.journeys_dir}/{j.id}.md") not in broken
        ]

    def _css(self) -> str:
        from generator.palette import map_css

        scheme = map_css(dark_selector='[data-md-color-scheme="slate"]', page_scope=True)
        return scheme + "\n" + (ASSETS / "site.css").read_text(encoding="utf-8")

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._ahead.stop(wait=True)  # it may be writing a download
        gc.unfreeze()  # a serve session's next build must be able to free this one
        self._disk.prune()  # only a complete build decides what is no longer needed

    # -- pages ----------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        src_uri = page.file.src_uri
        if src_uri in self.sources:
            title = self.sources[src_uri].title
            if title is not None:
                page.title = title  # MkDocs lets a plugin overwrite the title it would find
            return markdown
        if CARDS_MARKER not in markdown and PERSONAS_MARKER not in markdown and "journey" not in markdown:
            return markdown
        source = PageSource(key=f"page:{src_uri}")

        def link(target: str) -> str:
            return get_relative_url(self._url(config, target), page.url)

        def put(html: str) -> str:
            source.slots.append(html)
            return "\n\n" + source.token(len(source.slots) - 1) + "\n\n"

        if CARDS_MARKER in markdown:
            cards = overview.journey_cards(
                self._valid_journeys(), self.personas, self.settings, link=link, today=_today()
            )
            markdown = markdown.replace(CARDS_MARKER, put(cards))
        if PERSONAS_MARKER in markdown:
            markdown = markdown.replace(
                PERSONAS_MARKER, put(overview.persona_cards(self.personas, self.journeys, self.settings, link=link))
            )
        markdown = _FENCE.sub(lambda m: put(self._fenced(m["body"], src_uri, link, source)), markdown)
        if source.slots:
            self.sources[src_uri] = source
        return markdown

    def _fenced(self, body: str, src_uri: str, link: Any, source: PageSource) -> str:
        """A ```journey block: ``id: <journey>`` embeds an existing map, else the block is a journey."""
        from generator.parse_journey import parse_journey
        from generator.validate import validate_journey

        say = Labels(self.settings.language)
        reference = re.fullmatch(r"\s*id:\s*(\S+)\s*", body)
        if reference:
            valid = any(j.id == reference[1] for j in self._valid_journeys())
            found = self._full_journey(reference[1]) if valid else None
            if found is None:
                log.warning(f"{src_uri}: journey block refers to unknown or broken journey '{reference[1]}'")
                return f'<div class="jm-error" role="alert"><p>{e(say("site.error"))}: {e(reference[1])}</p></div>'
            journey = found
        else:
            journey, problems = parse_journey(body, f"{src_uri} (journey block)", "inline")
            problems += validate_journey(journey, {p.id for p in self.personas}, self.settings, _today())
            errors = [p for p in problems if p.severity.value == "error"]
            for item in errors:
                log.warning(str(item))
            if errors:
                return f'<div class="jm-error" role="alert"><pre>{e(format_text(errors))}</pre></div>'
        persona = next((p for p in self.personas if p.id == journey.persona), None)
        svg = self._svg(
            replace(journey, id=f"{journey.id}-{hashlib.sha1(src_uri.encode()).hexdigest()[:6]}"),
            persona.name if persona else journey.persona,
        )
        href = link(f"{self.settings.journeys_dir}/{journey.id}.md") if reference else ""
        caption = f'<figcaption><a href="{href}">{e(journey.title)}</a></figcaption>' if href else ""
        return f'<figure class="jm-figure jm-embed"><div class="jm-scroll" tabindex="0" role="region" aria-label="{e(journey.title)}">{source.defer(svg)}</div>{caption}</figure>'

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        source = self.sources.get(page.file.src_uri)
        if source is None:
            return html
        filled = source.fill(html)
        source.slots.clear()  # in the page now: no need to keep a second copy
        return filled

    def _late_again(self, journey_id: str, config: MkDocsConfig) -> tuple[list[str], list[str]]:
        """A journey page's late parts: the second process's, if it made them from the
        file this process read, else made here."""
        shown, checksum, packed = self._readable[journey_id]
        index = self._ahead_order.get(journey_id)
        made = self._ahead.result(index) if index is not None else None
        if made is not None and made[0] == journey_id and made[1] == checksum and made[2] is not None:
            parts: tuple[list[str], list[str]] = made[2]
            return parts
        again = self._late_from_bytes(journey_id, shown, zlib.decompress(packed), config)
        if again is None:  # cannot happen: the file was read and parsed before
            raise RuntimeError(f"{shown}: cannot be read again")
        return again

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        source = self.sources.get(page.file.src_uri)
        if not source or not source.late:
            return output
        journey_id = self._again.get(page.file.src_uri)
        if journey_id is not None:
            source.late[:], used = self._late_again(journey_id, config)
            self._disk.used.update(used)
        filled = source.fill_late(output)
        source.late.clear()  # the page is written: let its maps go
        return filled


@lru_cache(maxsize=1)
def _metrics() -> Any:
    """One font table for all maps of all builds: its word widths are worth keeping."""
    from generator.text import InterMetrics

    return InterMetrics()


def _card_journey(journey: Journey) -> Journey:
    """What journey and persona cards show of a journey: its front matter, and each
    step's feeling and channels."""
    steps = tuple(
        Step(
            id=step.id,
            title="",
            lanes=tuple(lane for lane in step.lanes if lane.key == "channel"),
            emotion=step.emotion,
        )
        for step in journey.steps
    )
    stage = Stage(id="", title="", steps=steps)
    return replace(journey, expectations="", extra={}, scenario="", stages=(stage,), key_locs={})


def _problem_key(settings: Settings, src_uri: str) -> str:
    return display_path(settings.content_dir / src_uri)
