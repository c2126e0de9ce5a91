"""The same input gives byte-identical output in any process: hash seed, time zone and
locale make no difference, and SOURCE_DATE_EPOCH fixes the dates that must appear."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

EXE = os.path.join(os.path.dirname(sys.executable), "journeymap")


def _run(args: list[str], env: dict[str, str], cwd: Path) -> None:
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp")}
    subprocess.run([EXE, *args], cwd=cwd, env={**base, **env}, check=True, capture_output=True)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_site_and_exports_are_byte_identical_across_processes(tmp_path: Path) -> None:
    environments = [
        {"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C.UTF-8", "SOURCE_DATE_EPOCH": "1767225600"},
        {
            "PYTHONHASHSEED": "4242",
            "TZ": "Pacific/Auckland",
            "LC_ALL": "nl_NL.UTF-8",
            "SOURCE_DATE_EPOCH": "1767225600",
        },
    ]
    outputs = []
    for index, setting in enumerate(environments):
        out = tmp_path / f"run{index}"
        env = {**setting, "JOURNEYMAP_CACHE_DIR": str(tmp_path / f"cache{index}")}  # each run draws everything
        _run(["build", "-q", "-d", str(out / "site")], env, REPO)
        journey = "content/journeys/usa-round-trip.md"
        for fmt in ("csv", "json", "mermaid"):
            _run(["export", journey, "--format", fmt, "-o", str(out / f"export.{fmt}")], env, REPO)
        _run(["render", journey, "-o", str(out / "map.pdf"), "-q"], env, REPO)
        _run(["toolkit", "-o", str(out / "kit"), "-q"], env, REPO)
        outputs.append(_files(out))
    first, second = outputs
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []
    kinds = {Path(name).suffix for name in first}
    assert {".html", ".svg", ".pdf", ".csv", ".json", ".mermaid", ".xml"} <= kinds
    assert b"D:20260101000000" in first["map.pdf"]  # the date SOURCE_DATE_EPOCH gives
