"""A journey's drawn outputs for the site: the map inside its page and the downloads
(SVG, PDF, PNG, CSV, JSON), each drawn once per content hash.

What is drawn is kept in the disk cache (``generator.site.disk_cache``) under a name
that hashes everything it depends on, so a rebuild redraws only changed journeys. PDF
and PNG downloads, the slow part, are compiled on ``workers`` threads of this process
(typst releases the interpreter while it compiles); the files are the same bytes
whatever the number of workers.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.config import Settings
from generator.draw.geometry import MapLayout
from generator.model import Journey
from generator.site.disk_cache import DiskCache, fingerprint
from generator.site.map_strip import MapParts

__all__ = ["SLOW_KINDS", "Drawer", "default_workers"]

SLOW_KINDS = ("pdf", "png")
"""Downloads compiled by typst, on worker threads."""


def default_workers() -> int:
    """One worker per core this process may use, at most four."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


@lru_cache(maxsize=1)
def _metrics() -> Any:
    """One font table for every map: its word widths are worth keeping."""
    from generator.draw.text import InterMetrics

    return InterMetrics()


class Drawer:
    """Draws journeys' maps and downloads, from the cache when it can."""

    @property
    def measure(self) -> Any:
        """The font table maps are measured with, for other drawings of the site."""
        return _metrics()

    def __init__(self, settings: Settings, cache: DiskCache, workers: int = 0) -> None:
        self.settings = settings
        self.cache = cache
        count = workers or default_workers()
        self._pool = ThreadPoolExecutor(count, thread_name_prefix="journeymap") if count > 1 else None
        self._pending: list[Future[None]] = []
        self._digests: dict[int, tuple[Journey, str, str]] = {}
        self._drawn: tuple[tuple[Journey, str], tuple[MapParts, str], MapLayout | None] | None = None
        """The last journey's map: its parts, its SVG, and its layout when it was laid out
        here (not read from the cache), which its PDF and PNG start from."""
        self._lock = threading.Lock()

    def digest(self, journey: Journey, persona_name: str) -> str:
        """A hash of everything a journey's drawings depend on: the journey, the persona's
        name, the settings, and journeymap, typst and the template overrides. Each journey
        object's is kept for this drawer's build: its page, map and downloads (some on
        worker threads) all ask for it."""
        with self._lock:
            known = self._digests.get(id(journey))
            if known is not None and known[0] is journey and known[1] == persona_name:
                return known[2]
        inputs = repr((journey, persona_name, self.settings)).encode("utf-8")
        digest = hashlib.sha256(fingerprint(self.settings.theme_dir).encode("ascii") + inputs).hexdigest()
        with self._lock:
            self._digests[id(journey)] = (journey, persona_name, digest)  # the journey kept: its id stays its own
        return digest

    def _name(self, journey: Journey, persona_name: str, kind: str) -> str:
        """The cache entry of one output."""
        return f"{self.digest(journey, persona_name)}.{kind}"

    def _cached(self, journey: Journey, persona_name: str, kinds: tuple[str, ...]) -> dict[str, bytes]:
        """The outputs of ``kinds`` that the cache holds."""
        found = {}
        for kind in kinds:
            stored = self.cache.get(self._name(journey, persona_name, kind))
            if stored is not None:
                found[kind] = stored
        return found

    def map_and_svg(self, journey: Journey, persona_name: str) -> tuple[MapParts, str]:
        """The map's parts to put inside a page, and the standalone SVG file, from one
        layout (the last journey's pair is kept: its page and its download both ask)."""
        drawn = self._drawn
        if drawn is not None and drawn[0][1] == persona_name and drawn[0][0] == journey:
            return drawn[1]
        stored = self._cached(journey, persona_name, ("inline", "svg"))
        layout = None
        if len(stored) == 2:
            pair = MapParts(*json.loads(stored["inline"])), stored["svg"].decode("utf-8")
        else:
            from generator.draw.layout import layout_map
            from generator.draw.render_svg import render_map_svgs
            from generator.site.map_strip import map_parts

            layout = layout_map(journey, self.settings, _metrics(), persona_name=persona_name)
            inline, standalone = render_map_svgs(layout, theme_dir=self.settings.theme_dir)
            pair = map_parts(layout, inline, self.settings.theme_dir), standalone
            self.cache.put(self._name(journey, persona_name, "inline"), json.dumps(pair[0]).encode("utf-8"))
            self.cache.put(self._name(journey, persona_name, "svg"), standalone.encode("utf-8"))
        self._drawn = ((journey, persona_name), pair, layout)
        return pair

    def keep_map(self, journey: Journey, persona_name: str) -> None:
        """Keep the journey's drawn map in the cache without reading it (a page that holds
        it came from the cache): the next page made of it need not draw it again."""
        self.cache.used.add(self._name(journey, persona_name, "inline"))

    def inline_map(self, journey: Journey, persona_name: str) -> MapParts:
        return self.map_and_svg(journey, persona_name)[0]

    def download(self, journey: Journey, persona_name: str, kind: str, target: Path, dated: int | None = None) -> None:
        """Write one download of ``journey`` to ``target``; PDF and PNG maybe on a worker.
        ``dated`` (seconds since the epoch: the journey's last change) dates a PDF."""
        drawn = self._drawn
        layout = drawn[2] if drawn is not None and drawn[0] == (journey, persona_name) else None
        if kind in SLOW_KINDS and self._pool is not None:
            self._pending.append(self._pool.submit(self._write, journey, persona_name, kind, target, dated, layout))
        else:
            self._write(journey, persona_name, kind, target, dated, layout)

    def _write(
        self, journey: Journey, persona_name: str, kind: str, target: Path, dated: int | None, layout: MapLayout | None
    ) -> None:
        from generator.site.tree_files import write_if_changed

        write_if_changed(target, self._draw(journey, persona_name, kind, dated, layout))

    def _draw(
        self, journey: Journey, persona_name: str, kind: str, dated: int | None = None, layout: MapLayout | None = None
    ) -> bytes:
        """One output of ``journey``; ``layout`` is its map's, if it was laid out already."""
        name = self._name(journey, persona_name, kind)
        if kind == "pdf":
            from generator.print.render_print import document_timestamp

            dated = document_timestamp(dated)
            name = f"{name.removesuffix('.pdf')}-{dated}.pdf"  # the date is part of the file
        stored = self.cache.get(name)
        if stored is not None:
            return stored
        settings = self.settings
        if kind == "svg":
            return self.map_and_svg(journey, persona_name)[1].encode("utf-8")
        if kind == "csv":
            from generator.export.export import journey_to_csv

            data = journey_to_csv(journey, bom=True).encode("utf-8")  # spreadsheets read it as UTF-8
        elif kind == "json":
            from generator.export.export import journey_to_json

            data = journey_to_json(journey).encode("utf-8")
        elif kind == "pdf":
            from generator.print.render_print import PAPERS, render_map_pdf

            data = render_map_pdf(
                journey,
                settings,
                _metrics(),
                paper=PAPERS["A3"],
                persona_name=persona_name,
                timestamp=dated,
                whole=layout,
            )
        else:
            from generator.print.render_print import render_map_png

            data = render_map_png(journey, settings, _metrics(), persona_name=persona_name, layout=layout)
        self.cache.put(name, data)
        return data

    def finish(self) -> None:
        """Wait for every download on the workers; the first failure is raised here."""
        pending, self._pending = self._pending, []
        try:
            for future in pending:
                future.result()
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None
