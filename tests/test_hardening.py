"""A build that survives interruption, full disks, read-only folders and concurrent runs."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import JOURNEY, Project, snapshot
from tests.test_site_build import SITE_CONFIG

EXE = os.path.join(os.path.dirname(sys.executable), "journeymap")


@pytest.fixture
def site(project: Project) -> Project:
    project.write("mkdocs.yml", SITE_CONFIG)
    project.write("content/index.md", "# Home\n\n<!-- journeymap:cards -->\n")
    for n in range(3):
        project.journey(f"j{n}", JOURNEY.replace("A small journey", f"Journey {n}"))
    return project


def _leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if "journeymap-" in p.name)


@pytest.mark.slow
def test_builds_killed_at_random_moments_never_lose_the_site(site: Project) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([EXE, "build", "-q", "-d", "out"], cwd=site.root, check=True, env=env)
    before = snapshot(site.root / "out")
    assert "index.html" in before
    rng = random.Random(20261124)
    signals = [signal.SIGINT, signal.SIGTERM, signal.SIGKILL]
    outcomes = []
    for _ in range(20):
        process = subprocess.Popen(
            [EXE, "build", "-q", "-d", "out"], cwd=site.root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        time.sleep(rng.uniform(0.05, 1.5))
        chosen = rng.choice(signals)
        process.send_signal(chosen)
        code = process.wait(timeout=60)
        outcomes.append((chosen.name, code))
        stderr = process.stderr.read().decode() if process.stderr else ""
        process.stderr.close() if process.stderr else None
        assert "Traceback" not in stderr
        # Same input: the site is the previous one, or a complete new one with the same bytes.
        assert snapshot(site.root / "out") == before, outcomes
    assert any(code != 0 for _, code in outcomes), "some builds were really interrupted"
    result = subprocess.run([EXE, "build", "-q", "-d", "out"], cwd=site.root, env=env, check=False)
    assert result.returncode == 0
    assert snapshot(site.root / "out") == before
    assert _leftovers(site.root) == []


def test_full_disk_is_an_io_error_and_keeps_the_site(site: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    assert site.run("build", "-q", "-d", "out").exit_code == 0
    before = snapshot(site.root / "out")
    import mkdocs.utils

    writes = {"n": 0}
    original = mkdocs.utils.write_file

    def filling_up(content: bytes, output_path: str) -> None:
        writes["n"] += 1
        if writes["n"] > 3:
            raise OSError(errno.ENOSPC, "No space left on device", output_path)
        original(content, output_path)

    monkeypatch.setattr(mkdocs.utils, "write_file", filling_up)
    result = site.run("build", "-d", "out")
    assert result.exit_code == 3, result.output
    assert "No space left on device" in result.output
    assert "Traceback" not in result.output
    assert snapshot(site.root / "out") == before
    assert _leftovers(site.root) == []


def test_read_only_output_is_an_io_error_and_keeps_the_site(site: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    assert site.run("build", "-q", "-d", "out").exit_code == 0
    before = snapshot(site.root / "out")
    original = Path.rename

    def refuse(self: Path, target: Path) -> Path:
        # Nothing may be renamed in the site's folder: no swap can happen.
        if Path(target).parent == site.root:
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        return original(self, target)

    def no_exchange(first: Path, second: Path) -> bool:
        raise PermissionError(errno.EACCES, "Permission denied", str(second))  # renameat2 says so too

    monkeypatch.setattr(Path, "rename", refuse)
    monkeypatch.setattr("generator.site.build_site._exchange", no_exchange)
    result = site.run("build", "-d", "out")
    assert result.exit_code == 3, result.output
    assert "Permission denied" in result.output
    assert snapshot(site.root / "out") == before
    assert _leftovers(site.root) == []


@pytest.mark.slow
def test_concurrent_builds_end_with_one_complete_site(site: Project) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([EXE, "build", "-q", "-d", "reference"], cwd=site.root, check=True, env=env)
    reference = snapshot(site.root / "reference")
    for _ in range(3):
        runs = [
            subprocess.Popen([EXE, "build", "-q", "-d", "out"], cwd=site.root, env=env, stderr=subprocess.PIPE)
            for _ in range(2)
        ]
        codes = [run.wait(timeout=120) for run in runs]
        for run, code in zip(runs, codes, strict=True):
            if run.stderr:
                errors = run.stderr.read().decode()
                assert "Traceback" not in errors
                if code == 2:  # the second build refused while the first held the site
                    assert "another journeymap build is building" in errors
                run.stderr.close()
        assert 0 in codes
        assert set(codes) <= {0, 2}
        assert snapshot(site.root / "out") == reference  # complete, never a mix
    assert _leftovers(site.root) == []


def _pathological(folder: Path) -> dict[str, str]:
    from bench.synthetic import journey_text

    files = {
        "line1mb": "---\ntitle: Long line\npersona: tester\nreviewed: 2026-09-01\n---\n\n"
        + "## S\n### T\n- feeling: 1\n- pain: "
        + "word " * 200_000
        + "\n",
        "file10mb": "---\ntitle: Big\npersona: tester\nreviewed: 2026-09-01\n---\n\n"
        + "Some scenario text that goes on and on. " * 250_000
        + "\n\n## S\n### T\n- feeling: 1\n",
        "steps5000": journey_text(5000, stages=50),
    }
    for name, text in files.items():
        (folder / "content" / "journeys" / f"{name}.md").write_text(text)
    return files


@pytest.mark.slow
def test_pathological_sizes_finish_or_fail_clearly(project: Project) -> None:
    """Timings live in bench/run.py; here: no crash, and a clear error where it refuses."""
    _pathological(project.root)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

    def check(name: str) -> subprocess.CompletedProcess[str]:
        path = f"content/journeys/{name}.md"
        return subprocess.run(
            [EXE, "check", path], cwd=project.root, env=env, capture_output=True, text=True, timeout=120, check=False
        )

    assert check("line1mb").returncode == 0
    assert check("file10mb").returncode == 0
    refused = check("steps5000")
    assert refused.returncode == 1
    assert "content/journeys/steps5000.md:26074:1: error[E312]: the journey has more than 2000 steps" in refused.stdout
    render = subprocess.run(
        [EXE, "render", "content/journeys/line1mb.md", "-o", "long.svg", "-q"],
        cwd=project.root,
        env=env,
        timeout=120,
        check=False,
    )
    assert render.returncode == 0


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_terminated_build_cleans_up_after_itself(site: Project, engine: str, tmp_path: Path) -> None:
    """SIGTERM (a cancelled CI job) ends a build through its clean-up: no staging or
    work folder is left behind, and the previous site stays."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([EXE, "build", "-q", "--engine", engine, "-d", "out"], cwd=site.root, check=True, env=env)
    before = snapshot(site.root / "out")
    for n in range(3, 60):
        site.journey(f"j{n}", JOURNEY.replace("A small journey", f"Journey {n}"))
    env["JOURNEYMAP_CACHE_DIR"] = str(tmp_path / "cold")  # nothing cached: the build takes a while
    process = subprocess.Popen(
        [EXE, "build", "-q", "--engine", engine, "-d", "out"], cwd=site.root, env=env, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 30
    while not any(p.name.startswith((".out", ".journeymap-build-")) for p in site.root.iterdir()):  # under way
        assert process.poll() is None, "the build ended before it could be stopped"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    time.sleep(0.1)
    process.send_signal(signal.SIGTERM)
    code = process.wait(timeout=60)
    stderr = process.stderr.read().decode() if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    assert code == 128 + signal.SIGTERM, (code, stderr)
    assert "Traceback" not in stderr
    assert snapshot(site.root / "out") == before
    hidden = sorted(p.name for p in site.root.iterdir() if p.name.startswith(".") and p.name not in (".cache",))
    assert hidden == [], hidden
    assert _leftovers(site.root) == []
