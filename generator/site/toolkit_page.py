"""The site's Toolkit page: every sheet of the workshop kit, for download."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from generator.site import overview

if TYPE_CHECKING:
    from pathlib import Path

    from generator.site.docs_tree import DocsTree, Put

__all__ = ["write_toolkit"]


def write_toolkit(tree: DocsTree, put: Put) -> None:
    """A Toolkit page with every sheet of the workshop kit (the project's ``toolkit/``
    folder overrides the kit's texts), unless the ``toolkit`` option is off or the
    content has a ``toolkit/index.md`` of its own."""
    settings = tree.settings
    if not settings.toolkit or (settings.content_dir / "toolkit" / "index.md").exists():
        return
    sources = settings.config_path.parent / "toolkit" if settings.config_path else None
    kit = _kit(tree, sources)
    for name, data in sorted(kit.items()):
        put(f"toolkit/{name}", data)
    page = overview.toolkit_page(sorted(kit), tree.personas, settings)
    put("toolkit/index.md", tree.markdown_of(page, "toolkit/index.md"))


def _kit(tree: DocsTree, sources: Path | None) -> dict[str, bytes]:
    """The kit's PDFs, from the cache when neither its texts nor the personas changed."""
    import json

    from generator.print.toolkit import kit_texts
    from generator.site.disk_cache import fingerprint

    texts = tuple(sorted(kit_texts(sources).items()))
    inputs = repr(("kit", tree.settings, tree.personas, texts)).encode("utf-8")
    key = hashlib.sha256(fingerprint(tree.settings.theme_dir).encode("ascii") + inputs).hexdigest()
    cache = tree.options.cache
    manifest = cache.get(f"{key}.kit")
    if manifest is not None:
        names = json.loads(manifest)
        found = {name: cache.get(f"{key}.kit-{index}") for index, name in enumerate(names)}
        if all(data is not None for data in found.values()):
            return {name: data for name, data in found.items() if data is not None}
    from generator.print.render_print import PAPERS
    from generator.print.toolkit import build_kit

    kit = build_kit(tree.settings, tree.personas, sources, paper=PAPERS["A3"], with_svg=False)
    for index, name in enumerate(sorted(kit)):
        cache.put(f"{key}.kit-{index}", kit[name])
    cache.put(f"{key}.kit", json.dumps(sorted(kit)).encode("utf-8"))
    return kit
