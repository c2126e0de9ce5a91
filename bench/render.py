"""Per-map render time in one process: parse once, then layout + SVG many times.

    python bench/render.py [--steps 30] [--runs 200]

Target (issue 3): at most 3 ms for a 30-step, 10-lane map.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import journey_text
from generator.config import Settings
from generator.layout import layout_map
from generator.parse_journey import parse_journey
from generator.render_svg import render_map_svg
from generator.text import InterMetrics


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    journey, problems = parse_journey(journey_text(args.steps), "bench.md", "bench")
    assert not problems, problems
    settings, measure = Settings(), InterMetrics()
    for _ in range(10):  # warm up imports, template compilation, caches of the font table
        render_map_svg(layout_map(journey, settings, measure))
    layout_times, render_times = [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        layout = layout_map(journey, settings, measure)
        middle = time.perf_counter()
        render_map_svg(layout)
        end = time.perf_counter()
        layout_times.append((middle - start) * 1000)
        render_times.append((end - middle) * 1000)
    total = [a + b for a, b in zip(layout_times, render_times, strict=True)]
    print(f"{args.steps} steps x 10 lanes, {args.runs} runs")
    print(f"layout  median {statistics.median(layout_times):.2f} ms")
    print(f"render  median {statistics.median(render_times):.2f} ms")
    print(f"total   median {statistics.median(total):.2f} ms (min {min(total):.2f}, max {max(total):.2f})")


if __name__ == "__main__":
    main()
