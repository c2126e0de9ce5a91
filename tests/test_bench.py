"""The benchmark harness runs in CI (quick sizes) so it never rots; timings never fail it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.mark.slow
def test_quick_benchmark_run_writes_a_report(tmp_path: Path) -> None:
    out = tmp_path / "results.md"
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--quick", "--out", str(out)],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = out.read_text(encoding="utf-8")
    for row in (
        "layout + SVG of a 30-step",
        "`journeymap render` of one journey",
        "1000-step journey",
        "cold build, mkdocs, N=10",
        "warm rebuild (nothing changed), mkdocs, N=10",
        "cold build, zensical, N=10",
        "warm rebuild (nothing changed), zensical, N=10",
        "peak memory of the cold build, mkdocs, N=10",
        "peak memory of the cold build, zensical, N=10",
        "serve: a saved journey on the page, mkdocs, N=10",
        "serve: a saved journey on the page, zensical, N=10",
    ):
        assert row in report
    assert report.count("\n| ") >= 11


def test_per_map_script_reports_every_run_as_json() -> None:
    import json

    output = subprocess.run(
        [sys.executable, str(REPO / "bench" / "render.py"), "--runs", "4", "--steps", "5", "--json"],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    times = json.loads(output)
    assert len(times) == 4
    assert all(isinstance(t, float) and t > 0 for t in times)
