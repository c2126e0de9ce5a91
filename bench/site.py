"""`journeymap build` of N synthetic journeys against the same engine's build of N plain
pages holding the same text, for MkDocs and Zensical, alternating so drift cancels out.

    python bench/site.py [--sizes 10 200] [--rounds 3] [--engines mkdocs zensical]

The default configuration: every default download (SVG, PDF, CSV, JSON) of every
journey, mkdocs-material's theme with search and navigation.prune.

Targets: a cold build at most 1.3 times the engine's plain cold build; a warm rebuild
(nothing changed) at most 1.0 times the plain warm build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # bench.*; generator is the installed one

from bench.synthetic import journey_text

BIN = Path(sys.executable).parent
THEME = "theme:\n  name: material\n  font: false\n  features: [navigation.prune]\n"


def make_sites(root: Path, n: int, downloads: str) -> tuple[Path, Path]:
    ours, plain = root / "journeys", root / "plain"
    for site in (ours, plain):
        (site / "content").mkdir(parents=True)
        (site / "content" / "index.md").write_text("# Home\n")
    (ours / "content" / "journeys").mkdir()
    (ours / "content" / "personas").mkdir()
    (ours / "content" / "personas" / "tester.md").write_text("---\nname: Tester\n---\n")
    (plain / "content" / "journeys").mkdir()
    for i in range(n):
        text = journey_text(30, seed=i)
        (ours / "content" / "journeys" / f"j{i:04}.md").write_text(text)
        body = text.split("---\n", 2)[2]
        (plain / "content" / "journeys" / f"j{i:04}.md").write_text(f"# Synthetic journey {i}\n\n{body}")
    options = f"  - journeys:\n      downloads: [{downloads}]\n" if downloads else "  - journeys\n"
    (ours / "mkdocs.yml").write_text(f"site_name: Bench\ndocs_dir: content\n{THEME}plugins:\n  - search\n{options}")
    (plain / "mkdocs.yml").write_text(f"site_name: Bench\ndocs_dir: content\n{THEME}plugins:\n  - search\n")
    return ours, plain


def _env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, check=True, capture_output=True, env=_env())
    return time.perf_counter() - start


def ours(engine: str) -> list[str]:
    """``journeymap build`` with ``engine``, into ``out``."""
    return [str(BIN / "journeymap"), "build", "-q", "--engine", engine, "-d", "out"]


def plain(engine: str, *, cold: bool) -> list[str]:
    """The engine's own build of the plain site into ``out`` (Zensical cold: its cache cleared)."""
    if engine == "mkdocs":
        return [str(BIN / "mkdocs"), "build", "-q", "-d", "out"]
    return [str(BIN / "zensical"), "build", *(["--clean"] if cold else [])]


def compare(engine: str, ours_site: Path, plain_site: Path, rounds: int) -> dict[str, list[float]]:
    """Cold and warm builds of our site and of the plain one, alternating.

    Cold: every cache removed first (journeymap's maps and downloads, Zensical's
    pages). Warm: the same build again at once, nothing changed.
    """
    times: dict[str, list[float]] = {"ours cold": [], "ours warm": [], "plain cold": [], "plain warm": []}
    for _ in range(rounds):
        shutil.rmtree(ours_site / ".cache", ignore_errors=True)
        times["ours cold"].append(timed(ours(engine), ours_site))
        times["ours warm"].append(timed(ours(engine), ours_site))
        shutil.rmtree(plain_site / ".cache", ignore_errors=True)
        times["plain cold"].append(timed(plain(engine, cold=True), plain_site))
        times["plain warm"].append(timed(plain(engine, cold=False), plain_site))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 200])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--engines", nargs="+", default=["mkdocs", "zensical"])
    parser.add_argument("--downloads", default="", help="comma-separated; '' for the default (svg, pdf, csv, json)")
    args = parser.parse_args()
    downloads = ", ".join(k for k in args.downloads.split(",") if k)
    for n in args.sizes:
        root = Path(tempfile.mkdtemp(prefix="journeymap-site-bench-"))
        try:
            ours_site, plain_site = make_sites(root, n, downloads)
            for engine in args.engines:
                found = {
                    key: statistics.median(values)
                    for key, values in compare(engine, ours_site, plain_site, args.rounds).items()
                }
                print(
                    f"N={n:<5} {engine:9} cold {found['ours cold']:6.2f} s vs {found['plain cold']:6.2f} s "
                    f"(ratio {found['ours cold'] / found['plain cold']:.2f}); warm {found['ours warm']:6.2f} s vs "
                    f"{found['plain warm']:6.2f} s (ratio {found['ours warm'] / found['plain warm']:.2f})"
                )
        finally:
            shutil.rmtree(root)


if __name__ == "__main__":
    main()
