"""Per-map render time in one process: parse once, then layout + SVG many times.

    python bench/render.py [--steps 30] [--runs 200]

Every run draws a different journey (generated and parsed before timing starts), so
no cache of a map's own texts can make a run look faster than a first drawing; word
widths are cached, as in real use.

``--json`` prints the per-run totals.

Target: at most 8 ms for a 30-step, 10-lane map, in plain Python.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # bench.*; generator is the installed one

from bench.synthetic import journey_text


def time_maps(steps: int, runs: int) -> tuple[list[float], list[float]]:
    """Layout and SVG times in ms, one pair per run, each run a different journey."""
    from generator.config import Settings
    from generator.draw.layout import layout_map
    from generator.draw.render_svg import render_map_svg
    from generator.draw.text import InterMetrics
    from generator.read.parse_journey import parse_journey

    journeys = []
    for seed in range(runs + 5):
        journey, problems = parse_journey(journey_text(steps, seed=1000 + seed), "bench.md", "bench")
        assert not problems, problems
        journeys.append(journey)
    settings, measure = Settings(), InterMetrics()
    for journey in journeys[runs:]:  # warm up imports, template compilation, the font table
        render_map_svg(layout_map(journey, settings, measure))
    layout_times, render_times = [], []
    for run in range(runs):
        journey = journeys[run]
        start = time.perf_counter()
        layout = layout_map(journey, settings, measure)
        middle = time.perf_counter()
        render_map_svg(layout)
        end = time.perf_counter()
        layout_times.append((middle - start) * 1000)
        render_times.append((end - middle) * 1000)
    return layout_times, render_times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--json", action="store_true", help="print the per-run totals in ms as JSON")
    args = parser.parse_args()
    layout_times, render_times = time_maps(args.steps, args.runs)
    total = [a + b for a, b in zip(layout_times, render_times, strict=True)]
    if args.json:
        print(json.dumps(total))
        return
    print(f"{args.steps} steps x 10 lanes, {args.runs} runs, each a different journey")
    print(f"layout  median {statistics.median(layout_times):.2f} ms")
    print(f"render  median {statistics.median(render_times):.2f} ms")
    print(f"total   median {statistics.median(total):.2f} ms (min {min(total):.2f}, max {max(total):.2f})")


if __name__ == "__main__":
    main()
