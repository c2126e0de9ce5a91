"""All benchmarks in one run, written to bench/results.md.

    python bench/run.py            # the full run (several minutes)
    python bench/run.py --quick    # small sizes, under two minutes; CI runs this

Each contender's runs alternate with the other's, so machine drift cancels out;
figures are medians with min-max. CI does not fail on timings: the targets are
compared here and in the report.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # bench.*; generator is the installed one

from bench.serve import MISSED, saved_to_shown
from bench.site import compare, make_sites, ours, plain
from bench.synthetic import journey_text

BIN = Path(sys.executable).parent
RESULTS = Path(__file__).parent / "results.md"


def _env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _timed(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, check=True, capture_output=True, env=_env())
    return time.perf_counter() - start


def _output(args: list[str], cwd: Path) -> str:
    return subprocess.run(args, cwd=cwd, check=True, capture_output=True, text=True, env=_env()).stdout.strip()


def _peak_memory_mb(args: list[str], cwd: Path) -> float:
    """Peak memory of a command and every process it starts, together, in MB.

    Every 20 ms the proportional set sizes (PSS: shared pages split between the processes
    sharing them) of the whole process tree are summed; the figure is the largest sum, or
    the largest single process's peak resident size if that is larger.
    """
    wrapper = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=False, capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", wrapper, *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env()
    )
    peak_kb = 0
    while process.poll() is None:
        peak_kb = max(peak_kb, sum(_pss_kb(pid) for pid in _tree(process.pid)))
        time.sleep(0.02)
    out, _ = process.communicate()
    return max(peak_kb, int(out.strip())) / 1024


def _tree(root: int) -> list[int]:
    """``root`` and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _fmt(values: list[float], unit: str, scale: float = 1.0) -> str:
    numbers = [v * scale for v in values]
    return f"{statistics.median(numbers):.2f} {unit} ({min(numbers):.2f}-{max(numbers):.2f})"


def render_per_map(runs: int) -> tuple[str, float]:
    from bench.render import time_maps

    layout_times, render_times = time_maps(30, runs)
    times = [a + b for a, b in zip(layout_times, render_times, strict=True)]
    return _fmt(times, "ms"), statistics.median(times)


def _against_mmdc(mmdc: str, runs: int) -> tuple[float, float]:
    """mmdc's time per extra diagram (5 diagrams against 1), and ours for the same journey."""
    from generator.config import Settings
    from generator.draw.layout import layout_map
    from generator.draw.render_svg import render_map_svg
    from generator.draw.text import InterMetrics
    from generator.export.mermaid import journey_to_mermaid
    from generator.read.parse_journey import parse_journey

    source = Path(__file__).resolve().parent.parent / "content" / "journeys" / "usa-round-trip.md"
    journey, _ = parse_journey(source.read_text(encoding="utf-8"), source.name, source.stem)
    diagram = journey_to_mermaid(journey, Settings(), "Lotte")
    work = Path(tempfile.mkdtemp(prefix="journeymap-mmdc-"))
    config = os.environ.get("JOURNEYMAP_MMDC_PUPPETEER", "")
    chromium = os.environ.get("JOURNEYMAP_CHROMIUM", "/usr/bin/chromium")
    if not config and Path(chromium).exists():  # mmdc's own browser is never downloaded here
        flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
        (work / "puppeteer.json").write_text(json.dumps({"executablePath": chromium, "args": flags}))
        config = str(work / "puppeteer.json")
    try:
        times = {}
        for count in (1, 5):
            page = work / f"d{count}.md"
            page.write_text("\n".join(f"```mermaid\n{diagram}```\n" for _ in range(count)))
            command = [mmdc, "-i", str(page), "-o", str(work / f"out{count}.md")] + (["-p", config] if config else [])
            times[count] = statistics.median([_timed(command, work) for _ in range(runs)])
        per_diagram = (times[5] - times[1]) / 4 * 1000
    finally:
        shutil.rmtree(work, ignore_errors=True)
    settings, measure = Settings(), InterMetrics()
    for _ in range(10):
        render_map_svg(layout_map(journey, settings, measure))
    ours = []
    for _ in range(100):
        start = time.perf_counter()
        render_map_svg(layout_map(journey, settings, measure))
        ours.append((time.perf_counter() - start) * 1000)
    return per_diagram, statistics.median(ours)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the report")
    args = parser.parse_args()
    sizes = [10] if args.quick else [200, 1000]
    rounds = 1 if args.quick else 2
    rows: list[tuple[str, str, str, str]] = []

    def row(name: str, figure: str, target: str, met: bool | None) -> None:
        verdict = "—" if met is None else ("met" if met else "not met")
        rows.append((name, figure, target, verdict))
        print(f"{name}: {figure} [target {target}: {verdict}]", flush=True)

    figure, median = render_per_map(50 if args.quick else 300)
    row("layout + SVG of a 30-step, 10-lane map (in process, plain Python)", figure, "≤ 8 ms", median <= 8)

    work = Path(tempfile.mkdtemp(prefix="journeymap-bench-"))
    try:
        small = work / "one"
        (small / "content" / "journeys").mkdir(parents=True)
        (small / "content" / "personas").mkdir()
        (small / "content" / "personas" / "tester.md").write_text("---\nname: Tester\n---\n")
        (small / "content" / "journeys" / "j.md").write_text(journey_text(30))
        exe = str(BIN / "journeymap")
        times = [
            _timed([exe, "render", "content/journeys/j.md", "-o", "j.svg", "-q"], small)
            for _ in range(5 if args.quick else 15)
        ]
        row(
            "`journeymap render` of one journey (whole process)",
            _fmt(times, "ms", 1000),
            "≤ 200 ms",
            statistics.median(times) <= 0.2,
        )
        (small / "content" / "journeys" / "j.md").write_text(journey_text(1000, stages=20))
        times = [
            _timed([exe, "check", "-q"], small)
            + _timed([exe, "render", "content/journeys/j.md", "-o", "j.svg", "-q"], small)
            for _ in range(1 if args.quick else 3)
        ]
        row("check + render of a 1000-step journey", _fmt(times, "s"), "≤ 2 s", statistics.median(times) <= 2)

        engines = [engine for engine in ("mkdocs", "zensical") if shutil.which(str(BIN / engine))]
        for n in sizes:
            ours_site, plain_site = make_sites(work / f"site{n}", n, "")  # the default downloads, PDF included
            for engine in engines:
                found = compare(engine, ours_site, plain_site, rounds)
                cold = statistics.median(found["ours cold"]) / statistics.median(found["plain cold"])
                warm = statistics.median(found["ours warm"]) / statistics.median(found["plain warm"])
                figure = f"{_fmt(found['ours cold'], 's')} vs plain {_fmt(found['plain cold'], 's')}: ratio {cold:.2f}"
                row(f"cold build, {engine}, N={n} journeys of 30 steps", figure, "ratio ≤ 1.3", cold <= 1.3)
                figure = f"{_fmt(found['ours warm'], 's')} vs plain {_fmt(found['plain warm'], 's')}: ratio {warm:.2f}"
                row(f"warm rebuild (nothing changed), {engine}, N={n}", figure, "ratio ≤ 1.0", warm <= 1.0)
                if n == max(sizes):
                    shutil.rmtree(ours_site / ".cache", ignore_errors=True)
                    shutil.rmtree(plain_site / ".cache", ignore_errors=True)
                    peak = _peak_memory_mb(ours(engine), ours_site)
                    base = _peak_memory_mb(plain(engine, cold=True), plain_site)
                    figure = f"{peak:.0f} MB vs plain {base:.0f} MB: ratio {peak / base:.2f}"
                    row(f"peak memory of the cold build, {engine}, N={n}", figure, "ratio ≤ 1.5", peak / base <= 1.5)
        serve_n = 10 if args.quick else 100
        ours_site, _ = make_sites(work / f"serve{serve_n}", serve_n, "")
        for engine in engines:
            times = saved_to_shown(ours_site, engine, 2 if args.quick else 5)
            median = statistics.median(times)
            figure = _fmt(times, "s") + (f" ({times.count(MISSED)} edits never shown)" if MISSED in times else "")
            row(f"serve: a saved journey on the page, {engine}, N={serve_n}", figure, "≤ 1 s", median <= 1)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    patho = Path(tempfile.mkdtemp(prefix="journeymap-patho-"))
    try:
        (patho / "content" / "journeys").mkdir(parents=True)
        (patho / "content" / "personas").mkdir()
        (patho / "content" / "personas" / "tester.md").write_text("---\nname: Tester\n---\n")
        from tests.test_hardening import _pathological

        exe = str(BIN / "journeymap")
        for name in _pathological(patho):
            path = f"content/journeys/{name}.md"
            start = time.perf_counter()
            command = [exe, "check", "-q", path]
            code = subprocess.run(command, cwd=patho, capture_output=True, env=_env(), check=False).returncode
            seconds = time.perf_counter() - start
            peak = _peak_memory_mb([exe, "check", "-q", path], patho) if code == 0 else 0.0
            outcome = "clear error E312" if code == 1 else f"{peak:.0f} MB"
            row(f"pathological input `{name}`: check", f"{seconds:.2f} s, {outcome}", "< 5 s, < 300 MB", seconds < 5)
    finally:
        shutil.rmtree(patho, ignore_errors=True)

    mmdc = os.environ.get("JOURNEYMAP_MMDC") or shutil.which("mmdc")
    if not mmdc:
        note = "not measured: mmdc is not installed (see bench/README.md)"
        row("Mermaid CLI (mmdc) per diagram", note, "journeymap ≥ 100× faster", None)
    else:
        mermaid_ms, ours_ms = _against_mmdc(mmdc, runs=1 if args.quick else 3)
        ratio = mermaid_ms / ours_ms
        figure = f"mmdc {mermaid_ms:.0f} ms per extra diagram; journeymap {ours_ms:.2f} ms per map: {ratio:.0f}×"
        row("Mermaid CLI (mmdc) per diagram, against journeymap in one process", figure, "≥ 100× faster", ratio >= 100)

    lines = [
        "# Benchmark results",
        "",
        f"Run: `python bench/run.py{' --quick' if args.quick else ''}` on {dt.date.today().isoformat()}, "
        f"Python {platform.python_version()}, {platform.system()} {platform.machine()}, {os.cpu_count()} cores.",
        "Figures are medians with min-max in brackets.",
        "",
        "| what | figure | target | verdict |",
        "|---|---|---|---|",
        *(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows),
        "",
    ]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
