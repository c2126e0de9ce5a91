"""A regular install compiles the map-drawing modules, and they draw what plain Python draws.

The test suite runs from an editable install, which is never compiled; these tests
build real wheels from a copy of the sources (``pip wheel``, the way ``pip install .``
builds) and run the drawing code from them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import GOLDEN, REPO

SOURCES = ("generator", "setup.py", "pyproject.toml", "README.md", "LICENSE")


def _can_compile() -> bool:
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    compiler = os.environ.get("CC") or str(sysconfig.get_config_var("CC") or "cc")
    return shutil.which(compiler.split()[0]) is not None and headers.is_file()


def _wheel(tmp: Path, env: dict[str, str] | None = None) -> Path:
    """A wheel of the current sources, built as ``pip install .`` builds one, unpacked."""
    source = tmp / "source"
    for name in SOURCES:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.so"))
        else:
            source.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, source / name)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp / "wheel"), str(source)],
        check=True,
        capture_output=True,
        timeout=900,
        env={**os.environ, **(env or {})},
    )
    (wheel,) = (tmp / "wheel").glob("journeymap-*.whl")
    unpacked = tmp / "unpacked"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(unpacked)
    return unpacked


def _draw(python_path: Path, out: Path) -> dict[str, bytes]:
    """Every map ``tests/draw_everything.py`` draws, with ``generator`` from ``python_path``."""
    subprocess.run(
        [sys.executable, str(REPO / "tests" / "draw_everything.py"), str(out)],
        check=True,
        capture_output=True,
        timeout=300,
        cwd=out.parent,  # not the repository: its generator must not be found first
        env={**os.environ, "PYTHONPATH": str(python_path)},
    )
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


@pytest.fixture(scope="module")
def compiled_install(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not _can_compile():
        pytest.skip("no C compiler or Python headers on this machine: a regular install runs plain Python")
    return _wheel(tmp_path_factory.mktemp("compiled"))


def test_a_regular_install_compiles_the_drawing_modules(compiled_install: Path) -> None:
    from generator import COMPILED_MODULES

    assert set(compiled_install.rglob("generator/*.so")) == {
        next(compiled_install.glob(f"{name.replace('.', '/')}.*.so")) for name in COMPILED_MODULES
    }  # setup.py compiles exactly the modules generator.compiled() asks about
    for name in COMPILED_MODULES:
        module = name.replace(".", "/")
        assert list(compiled_install.glob(f"{module}.*.so")), f"{name} was not compiled"
        assert (compiled_install / f"{module}.py").is_file()  # the source ships too


def test_compiled_code_draws_byte_identical_maps(compiled_install: Path, tmp_path: Path) -> None:
    plain = _draw(REPO, tmp_path / "plain")
    fast = _draw(compiled_install, tmp_path / "compiled")
    assert plain.pop("compiled.json") == b"false"
    assert fast.pop("compiled.json") == b"true"
    assert len(plain) > 50
    assert plain.keys() == fast.keys()
    different = [name for name in plain if plain[name] != fast[name]]
    assert different == []
    for name in ("minimal", "full", "edge"):  # and both equal the golden files
        assert fast[f"fixture-{name}.svg"] == (GOLDEN / f"{name}.svg").read_bytes()


def test_without_a_compiler_the_install_is_plain_python(tmp_path: Path) -> None:
    unpacked = _wheel(tmp_path, {"CC": "false"})  # a compiler that always fails
    assert not list(unpacked.rglob("*.so"))
    assert (unpacked / "generator" / "layout.py").is_file()
    maps = _draw(unpacked, tmp_path / "plain")
    assert maps.pop("compiled.json") == b"false"
    assert maps["fixture-full.svg"] == (GOLDEN / "full.svg").read_bytes()


def test_the_source_tree_runs_plain_python() -> None:
    from generator import compiled

    # The suite itself runs from the editable install of the Quick start's second command.
    assert compiled() is False
    assert not list((REPO / "generator").glob("*.so"))
