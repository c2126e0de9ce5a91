"""A rebuild as `mkdocs serve` does it after one journey is edited, timed in one process.

    python bench/rebuild.py SITE_DIR

SITE_DIR is a site made by ``bench.site.make_sites`` (ours or the plain one). It is
built once, ``journeys/j0001.md`` is edited, and the second build is timed and printed
in seconds. For our site the plugin runs as under ``mkdocs serve``: unchanged journeys
come from its drawing cache.

Target (issue 4): no more than plain MkDocs' own rebuild plus that one map.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path


def main() -> None:
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    logging.disable(logging.WARNING)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = Path(sys.argv[1])

    def once() -> float:
        config = load_config(str(site / "mkdocs.yml"))
        config.site_dir = str(site / "out-rebuild")
        start = time.perf_counter()
        build(config)
        return time.perf_counter() - start

    once()
    target = site / "content" / "journeys" / "j0001.md"
    target.write_text(target.read_text(encoding="utf-8").replace("Step 1 ", "Step 1 edited ", 1), encoding="utf-8")
    print(f"{once():.3f}")


if __name__ == "__main__":
    main()
