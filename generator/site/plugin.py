"""The ``journeys`` MkDocs plugin: glue between ``mkdocs build|serve`` and the docs tree.

``on_files`` writes the docs tree (``generator.site.docs_tree``) into a temporary
folder and puts its pages, maps and downloads in place of the journey and persona
sources; ordinary pages get their markers expanded; maps go into pages after search
has indexed them. A docs folder that is a tree already (``journeymap docs``, or the
one ``journeymap build`` hands MkDocs) is left as it is.

Three tiers of failure, as in mkdocs-autorefs: a bad ``journeys`` option stops the build
with a ``PluginError``; a bad journey or persona is a warning (so ``--strict`` fails) and
a visible error box on its page; bugs propagate.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.check.report import format_text
from generator.config import OPTION_DOCS, Settings, load_settings
from generator.overrides import TemplateOverrideError
from generator.site.disk_cache import CacheFolderError
from generator.site.docs_tree import (
    EXTRA_CSS,
    EXTRA_JS,
    TREE_MARKER,
    DocsTree,
    TreeOptions,
    cache_for,
    write_docs_tree,
)
from generator.site.navigation import nav_order, section_titles, sort_mkdocs_nav
from generator.site.slots import fill
from generator.site.theme import MARKDOWN_EXTENSIONS, search_separator, theme_defaults
from generator.site.tree_files import content_files

log = get_plugin_logger("journeys")

# The serve cache: `mkdocs serve` makes a new plugin for every rebuild, in one process.
# Kept here: the docs tree (at one path, so MkDocs' dirty rebuilds see which pages
# changed), the journeys parsed for it, by file bytes, their pages, and the last valid
# options (a preview goes on with them while mkdocs.yml has a mistake). Empty outside `serve`.
_SERVE: dict[str, Any] = {}


if TYPE_CHECKING:

    class JourneysConfig(base.Config):
        """The ``journeys`` options as MkDocs sees them."""

else:  # made from the one schema: every option of OPTION_DOCS, passed on as it is written
    JourneysConfig = type(
        "JourneysConfig",
        (base.Config,),
        {
            "__doc__": "The ``journeys`` options as MkDocs sees them; ``generator.config`` checks them, "
            "with their line in ``mkdocs.yml``.",
            **{name: c.Optional(c.Type(object)) for name in OPTION_DOCS},
        },
    )


def _safe_striptags(value: Any) -> Markup:
    """``striptags`` that keeps what it returns escaped: Jinja's own un-escapes entities, so
    a heading ``&lt;/title&gt;&lt;script&gt;`` would come out as live markup in ``<title>``."""
    return escape(Markup(str(value)).striptags())


def _theme_keys(config: MkDocsConfig) -> set[str]:
    """The ``theme`` keys ``mkdocs.yml`` itself sets (through MkDocs' loader: ``INHERIT``
    and ``!ENV`` resolved), as against the defaults the theme brings."""
    from mkdocs.utils.yaml import yaml_load

    if not config.config_file_path:
        return set()
    with open(config.config_file_path, "rb") as source:
        raw = yaml_load(source)
    theme = raw.get("theme") if isinstance(raw, dict) else None
    return set(theme) if isinstance(theme, dict) else set()


class JourneysPlugin(BasePlugin[JourneysConfig]):
    """Renders ``journeys/`` and ``personas/`` into pages, maps and downloads."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.settings = Settings()
        self.tree: DocsTree | None = None
        self._work: Path | None = None
        self._passive = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        if command == "serve":
            _SERVE.update(parsed={}, pages={}, work=Path(tempfile.mkdtemp(prefix="journeymap-serve-")))

    @event_priority(50)  # before the search plugin's, which fixes its language and separator
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._passive = (Path(config.docs_dir) / TREE_MARKER).is_file()
        if self._passive:
            return config
        if config.config_file_path:  # as `journeymap build` does, for `mkdocs build` and `serve` too
            from generator.site.build_site import SiteBuildError, refuse_committed_caches

            try:
                unchecked = refuse_committed_caches(Path(config.config_file_path).parent)
            except SiteBuildError as exc:
                raise PluginError(f"journeys: {exc}") from None
            if unchecked:  # said, not a warning: git's own refusal must not fail a --strict build
                log.info(f"journeys: {unchecked}")
        settings, problems = (
            load_settings(Path(config.config_file_path)) if config.config_file_path else (Settings(), [])
        )
        if problems and "work" not in _SERVE:
            raise PluginError("journeys: invalid configuration\n" + format_text(problems))
        if problems:  # a preview keeps answering: the last valid options until this is fixed
            log.error("invalid configuration, previewing with the last valid one\n" + format_text(problems))
            settings = _SERVE.get("settings") or Settings()
        elif "work" in _SERVE:
            _SERVE["settings"] = settings
        theme_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else None
        self.settings = replace(settings, content_dir=Path(config.docs_dir), theme_dir=theme_dir)
        search = config.plugins.get("search") or config.plugins.get("material/search")
        search_config = getattr(search, "config", None)
        if self.config["language"]:
            config.theme["language"] = settings.language
            if search_config is not None and "lang" in search_config:
                search_config["lang"] = [settings.language]
        if search_config is not None and "separator" in search_config:
            search_config["separator"] = search_separator(search_config["separator"])
        for key, value in theme_defaults(_theme_keys(config)).items():
            config.theme[key] = value
        for extension in MARKDOWN_EXTENSIONS:  # the steps' headings carry their ids as attributes
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        config.extra_css.append(EXTRA_CSS)
        config.extra_javascript.append(EXTRA_JS)
        return config

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        env.filters["striptags"] = _safe_striptags
        return env

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if self._passive:
            return files
        self._clean()
        self._work = _SERVE.get("work") or Path(tempfile.mkdtemp(prefix="journeymap-"))
        folder = self._work / "docs"
        try:
            cache = cache_for(self.settings)
        except CacheFolderError as exc:
            raise PluginError(f"journeys: {exc}") from exc
        options = TreeOptions.for_project(
            self.settings,
            cache=cache,
            directory_urls=config.use_directory_urls,
            maps_dir=self._work / "maps",
            copy_content=False,
            late_dir=self._work / "late",
            parsed=_SERVE.get("parsed"),
            pages=_SERVE.get("pages"),
        )
        try:
            self.tree = tree = write_docs_tree(self.settings, folder, options)
        except TemplateOverrideError as exc:
            raise PluginError(f"journeys: {exc}") from None
        for message in tree.messages:
            log.warning(message)
        safe = {src_uri for src_uri, _ in content_files(Path(config.docs_dir))}
        docs = Path(config.docs_dir).absolute()
        for file in list(files):  # a link out of the content, a device or a FIFO is never read
            source = Path(file.abs_src_path) if file.abs_src_path else None
            if source is not None and source.absolute().is_relative_to(docs) and file.src_uri not in safe:
                files.remove(file)
        for src_uri in tree.generated:
            old = files.get_file_from_path(src_uri)
            if old is not None:
                files.remove(old)
            new = File(src_uri, str(folder), config.site_dir, config.use_directory_urls)
            if old is not None:
                new.edit_uri = old.edit_uri  # "Edit this page" opens the journey's own file
            files.append(new)
        return files

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        """The preview rebuilds on an edited template of the theme folder, too (MkDocs
        watches the theme only with ``--watch-theme``)."""
        if self.settings.theme_dir is not None and self.settings.theme_dir.is_dir():
            server.watch(str(self.settings.theme_dir))
        return server

    def on_nav(self, nav: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        if self.tree is not None and not config.nav:  # a nav of the site's own is kept as written
            sort_mkdocs_nav(nav.items, nav_order(self.tree), section_titles(self.tree))
        return nav

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.tree is None or (
            page.file.abs_src_path and Path(page.file.abs_src_path).is_relative_to(self.tree.folder)
        ):
            return markdown
        seen = len(self.tree.warnings), len(self.tree.problems)
        expanded = self.tree.expand(markdown, page.file.src_uri)
        for message in self.tree.warnings[seen[0] :]:
            log.warning(message)
        for item in self.tree.problems[seen[1] :]:
            log.warning(str(item))
        return expanded

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.tree is None or self.tree.options.maps_dir is None:
            return output
        return fill(output, self.tree.options.maps_dir)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.tree is not None:
            self.tree.finish(Path(config.site_dir))  # the PDFs compiled while MkDocs built the pages
            self.tree.options.cache.prune()  # only a complete build decides what is no longer needed
        self._clean()

    def on_build_error(self, *, error: Exception) -> None:
        self._clean()

    def on_shutdown(self) -> None:
        self._clean()
        work = _SERVE.pop("work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
        _SERVE.clear()

    def _clean(self) -> None:
        if self.tree is not None:
            self.tree.drawer.finish()  # no worker may still write into the folder removed next
        if self._work is not None and self._work != _SERVE.get("work"):
            shutil.rmtree(self._work, ignore_errors=True)
        self._work = None
        self.tree = None
