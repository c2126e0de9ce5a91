"""`journeymap build` of N synthetic journeys against a plain `mkdocs build` of N plain
pages holding the same text, alternating the two so machine drift cancels out.

    python bench/site.py [--sizes 10 100] [--rounds 3] [--downloads svg,csv,json]

Each round builds our site cold (map cache removed), then plain MkDocs, then ours again
with the map cache the first build left (nothing changed).

Target (issue 4): ratio at most 1.2 at N=100 and N=1000.
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


def timed(args: list[str], cwd: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--downloads", default="svg,csv,json", help="comma-separated; '' for the default (with pdf)")
    args = parser.parse_args()
    downloads = ", ".join(k for k in args.downloads.split(",") if k)
    for n in args.sizes:
        root = Path(tempfile.mkdtemp(prefix="journeymap-site-bench-"))
        try:
            ours, plain = make_sites(root, n, downloads)
            ours_times, warm_times, plain_times = [], [], []
            for _ in range(args.rounds):
                shutil.rmtree(ours / ".cache", ignore_errors=True)  # cold: nothing drawn before
                ours_times.append(timed([str(BIN / "journeymap"), "build", "-q", "-d", "out"], ours))
                plain_times.append(timed([str(BIN / "mkdocs"), "build", "-q", "-d", "out"], plain))
                warm_times.append(timed([str(BIN / "journeymap"), "build", "-q", "-d", "out"], ours))
            a, w, b = statistics.median(ours_times), statistics.median(warm_times), statistics.median(plain_times)
            print(
                f"N={n:<5} journeymap build {a:7.2f} s (min {min(ours_times):.2f}, max {max(ours_times):.2f})  "
                f"rebuild {w:7.2f} s  "
                f"plain mkdocs {b:7.2f} s (min {min(plain_times):.2f}, max {max(plain_times):.2f})  "
                f"ratio {a / b:.2f} (rebuild {w / b:.2f})  [downloads: {downloads or 'default'}]"
            )
        finally:
            shutil.rmtree(root)


if __name__ == "__main__":
    main()
