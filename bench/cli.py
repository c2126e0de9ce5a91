"""Whole-process timings of the command line, as a user feels them.

    python bench/cli.py [--runs 10]

Targets (issue 3): `journeymap render` of one journey as a whole process at most
150 ms; a 1000-step journey checked and rendered in at most 2 s.
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

EXE = Path(sys.executable).parent / "journeymap"


def _project(folder: Path, steps: int) -> None:
    (folder / "content" / "journeys").mkdir(parents=True)
    (folder / "content" / "personas").mkdir()
    (folder / "content" / "personas" / "tester.md").write_text("---\nname: Tester\n---\n")
    (folder / "content" / "journeys" / "j.md").write_text(journey_text(steps))


def _time(args: list[str], cwd: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, cwd=cwd, check=True, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    return times


def _report(name: str, times: list[float], target: float) -> None:
    median = statistics.median(times)
    verdict = "meets" if median <= target else "misses"
    print(f"{name:<42} median {median:8.1f} ms  (min {min(times):.1f}, max {max(times):.1f}) {verdict} {target:g} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="journeymap-bench-"))
    try:
        small, large = root / "small", root / "large"
        _project(small, 30)
        _project(large, 1000)
        env_exe = [str(EXE)]
        _report("journeymap --help", _time([*env_exe, "--help"], small, args.runs), 150)
        _report(
            "journeymap render (30 steps, svg)",
            _time([*env_exe, "render", "content/journeys/j.md", "-o", "j.svg"], small, args.runs),
            150,
        )
        _report(
            "journeymap render (30 steps, pdf A3)",
            _time([*env_exe, "render", "content/journeys/j.md", "-o", "j.pdf"], small, args.runs),
            1000,
        )
        _report("journeymap check (1000 steps)", _time([*env_exe, "check", "-q"], large, max(3, args.runs // 3)), 2000)
        _report(
            "journeymap render (1000 steps, svg)",
            _time([*env_exe, "render", "content/journeys/j.md", "-o", "j.svg"], large, max(3, args.runs // 3)),
            2000,
        )
    finally:
        shutil.rmtree(root)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
