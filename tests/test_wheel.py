"""The wheel users install: plain Python, holding every file the package reads, and
building a site in a folder that holds nothing but what ``journeymap init`` made."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # From a copy of the sources alone: a build folder left in the repository would lend
    # the wheel files that the package data no longer names.
    source = out / "source"

    def ignore(folder: str, names: list[str]) -> set[str]:
        top = {"build", "dist", "site", "node_modules"} if Path(folder) == REPO else set()
        return {n for n in names if n in top or n.startswith(".") or n == "__pycache__" or n.endswith(".egg-info")}

    shutil.copytree(REPO, source, ignore=ignore)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
        check=True,
        capture_output=True,
        cwd=out,
    )
    (built,) = out.glob("*.whl")
    return built


def test_the_wheel_is_plain_python_and_holds_every_file_of_the_package(wheel: Path) -> None:
    assert wheel.name.endswith("-py3-none-any.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    package = REPO / "generator"
    wanted = {
        path.relative_to(REPO).as_posix()
        for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert wanted - names == set(), "files the package reads but the wheel leaves out"
    assert any(name.startswith("generator/templates/site/") for name in names)
    assert any(name.startswith("generator/templates/print/") for name in names)
    assert not any(name.startswith(("tests/", "content/", "bench/")) for name in names)


def test_a_site_builds_from_the_wheel_alone(wheel: Path, tmp_path: Path) -> None:
    """The wheel's files, not the repository's: ``generator`` is imported from the
    unpacked wheel (first on the path), in a new folder outside the repository."""
    unpacked = tmp_path / "wheel"
    zipfile.ZipFile(wheel).extractall(unpacked)
    site = tmp_path / "site"
    site.mkdir()
    env = {**os.environ, "PYTHONPATH": str(unpacked), "JOURNEYMAP_CACHE_DIR": str(tmp_path / "cache")}

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "generator", *args], cwd=site, env=env, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout + done.stderr

    where = subprocess.run(
        [sys.executable, "-c", "import generator; print(generator.__file__)"],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert Path(where.strip()).is_relative_to(unpacked)
    run("init")
    assert sorted(p.name for p in site.iterdir()) == ["content", "mkdocs.yml"]
    for engine in ("mkdocs", "zensical"):
        run("build", "-q", "--engine", engine, "-d", f"out-{engine}")
        out = site / f"out-{engine}"
        pages = list((out / "journeys").rglob("index.html"))
        assert pages, engine
        html = pages[0].read_text(encoding="utf-8")
        assert 'class="jm-map"' in html
        assert 'class="jm-step-detail"' in html  # a block from the site's templates
        assert (out / "toolkit" / "persona-canvas.pdf").read_bytes()[:5] == b"%PDF-"  # the kit's templates
