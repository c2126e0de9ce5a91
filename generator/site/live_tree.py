"""``journeymap serve --engine zensical``: a docs tree kept up to date while Zensical serves it.

Zensical watches its docs folder and reloads the pages it rebuilt; journeymap watches
the content folder (a scan of names, sizes and times, five times a second) and writes the
tree again when anything changed. Only files whose bytes changed are rewritten, and
unchanged journeys come from the drawing cache, so an edit reaches the browser quickly.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sys
import threading
from pathlib import Path

from generator.config import Settings
from generator.overrides import TemplateOverrideError
from generator.site.docs_tree import DocsTree, TreeOptions, write_docs_tree

__all__ = ["content_signature", "serve_with_zensical"]


def content_signature(settings: Settings) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every file of the content folder, the config
    and the theme folder (``custom_dir``, where a site's templates are)."""
    found = []
    roots = [settings.content_dir] + ([settings.config_path] if settings.config_path else [])
    if settings.theme_dir is not None and settings.theme_dir.is_dir():
        roots.append(settings.theme_dir)
    for root in roots:
        paths = (
            [root] if root.is_file() else [Path(folder) / name for folder, _, names in os.walk(root) for name in names]
        )
        for path in paths:
            try:
                info = path.stat()
            except OSError:
                continue
            found.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(sorted(found))


def _report(tree: DocsTree) -> None:
    for message in tree.messages:
        print(f"WARNING: {message}", file=sys.stderr)


def _keep_writing(settings: Settings, folder: Path, options: TreeOptions, stop: threading.Event) -> None:
    last = content_signature(settings)
    while not stop.wait(0.2):
        now = content_signature(settings)
        if now == last:
            continue
        last = now
        try:
            _report(write_docs_tree(settings, folder, options))
        except TemplateOverrideError as exc:  # the preview keeps serving the last tree
            print(f"journeymap: {exc}", file=sys.stderr)
        except Exception as exc:
            print(f"journeymap: could not write the docs tree: {exc!r}", file=sys.stderr)


def serve_with_zensical(settings: Settings, config_file: Path, *, dev_addr: str | None, open_in_browser: bool) -> None:
    """Write the tree, then serve it with Zensical until interrupted (Ctrl-C or SIGTERM),
    rewriting it on every change; the tree and Zensical's configuration are removed then.

    Zensical serves from a thread of its own: while it runs, its native code does not
    let this thread see signals, and this thread has to, to clean up.
    """
    from generator.config import config_keys
    from generator.site.engines import zensical, zensical_config, zensical_settings

    loaded = zensical_config(config_file)
    work = config_file.parent.resolve() / f".journeymap-build-{os.getpid()}"
    options = TreeOptions.for_project(
        settings,
        directory_urls=bool(loaded.get("use_directory_urls", True)),
        parsed={},
        pages={},
        source_links=True,  # no slots in a preview: Zensical rewrites the pages' links
    )
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        _report(write_docs_tree(settings, work / "docs", options))
        watcher = threading.Thread(
            target=_keep_writing, args=(settings, work / "docs", options, stop), name="journeymap-watch", daemon=True
        )
        watcher.start()
        # Zensical's preview checks an edited page's new anchors against pages it has not
        # rebuilt yet, and prints the whole line of each link as the place: the insights
        # page's, a megabyte at N=100, took six of the eight seconds an edit needed. Unless
        # mkdocs.yml sets `validation`, the preview leaves anchors to `journeymap build`.
        check_anchors = "validation" in config_keys(config_file)
        with zensical_settings(
            config_file, loaded, work / "docs", work / "site", language=settings.language, check_anchors=check_anchors
        ) as derived:
            server = threading.Thread(
                target=zensical().serve,
                args=(str(derived), {"dev_addr": dev_addr, "open": open_in_browser, "strict": False}),
                name="zensical",
                daemon=True,
            )
            server.start()
            with contextlib.suppress(KeyboardInterrupt):
                while server.is_alive():
                    server.join(0.5)
    finally:
        signal.signal(signal.SIGTERM, previous)
        stop.set()
        shutil.rmtree(work, ignore_errors=True)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
