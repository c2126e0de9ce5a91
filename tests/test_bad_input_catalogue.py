"""The bad-input catalogue: every case through `check` and through a strict site build.

Each case must give exit code 1, its exact path:line:column (or, for options MkDocs
itself rejects, the option's name), no traceback, and leave an existing site untouched.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bad_inputs import CASES
from tests.conftest import FIXTURES, Project, snapshot
from tests.test_error_codes import CONFIG_CASES, JOURNEY_CASES, PERSONA_CASES
from tests.test_site_build import SITE_CONFIG

ERRORS = FIXTURES / "errors"


def _catalogue() -> list[tuple[str, str, bytes, str, str]]:
    cases = [
        (name, f"content/journeys/{name}", (ERRORS / name).read_bytes(), name[:4], f"{line}:{col}")
        for name, (line, col) in JOURNEY_CASES.items()
    ]
    cases += [
        (name, f"content/personas/{name}", (ERRORS / "personas" / name).read_bytes(), name[:4], f"{line}:{col}")
        for name, (line, col) in PERSONA_CASES.items()
    ]
    cases += [
        (name, "mkdocs.yml", (ERRORS / "config" / name).read_bytes(), name[:4], f"{line}:{col}")
        for name, (line, col) in CONFIG_CASES.items()
    ]
    cases += [(f"{name}:{path}", path, data, code, where) for name, path, data, code, where in CASES]
    return cases


CATALOGUE = _catalogue()


def test_the_catalogue_is_large_enough() -> None:
    assert len(CATALOGUE) >= 60
    assert len({name for name, *_ in CATALOGUE}) == len(CATALOGUE)


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A good site, built once; every case starts from a copy of its folder."""
    root = tmp_path_factory.mktemp("good")
    (root / "content" / "journeys").mkdir(parents=True)
    (root / "content" / "personas").mkdir()
    (root / "content" / "personas" / "tester.md").write_text("---\nname: Test persona\n---\n")
    (root / "content" / "index.md").write_text("# Home\n")
    (root / "mkdocs.yml").write_text(SITE_CONFIG)
    from generator.site.build_site import build_site

    build_site(root / "mkdocs.yml", root / "out", strict=True, echo=False)
    return root


def _prepare(project: Project, built_site: Path, relative: str, data: bytes) -> Path:
    import shutil

    shutil.copytree(built_site / "out", project.root / "out")
    project.write("mkdocs.yml", SITE_CONFIG)
    if relative == "mkdocs.yml":
        text = data.decode("utf-8", errors="replace")
        # Keep the case's own options, on a site config (material theme, docs_dir content).
        data = (
            SITE_CONFIG.split("plugins:")[0] + text[text.index("plugins:") :] if "plugins:" in text else text
        ).encode()
    target = project.root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return project.root / "out"


@pytest.mark.parametrize(("name", "relative", "data", "code", "where"), CATALOGUE, ids=[c[0] for c in CATALOGUE])
def test_check_reports_the_case(project: Project, name: str, relative: str, data: bytes, code: str, where: str) -> None:
    target = project.root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    if relative == "mkdocs.yml":
        project.write("mkdocs.yml", data.decode("utf-8"))
    result = project.run("check", "--today", "2026-10-01")
    assert result.exit_code == 1, result.output
    assert f"{relative}:{where}: error[{code}]" in result.output, result.output
    assert "Traceback" not in result.output


@pytest.mark.slow
@pytest.mark.parametrize(("name", "relative", "data", "code", "where"), CATALOGUE, ids=[c[0] for c in CATALOGUE])
def test_strict_build_fails_and_keeps_the_site(
    project: Project, built_site: Path, name: str, relative: str, data: bytes, code: str, where: str
) -> None:
    out = _prepare(project, built_site, relative, data)
    before = snapshot(out)
    result = project.run("build", "--strict", "-d", "out")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    if relative == "mkdocs.yml" and code in ("E601", "E602") and f":{where}: error[" not in result.output:
        # MkDocs checks option types itself before the plugin runs: it names the option.
        option = data.decode().strip().splitlines()[-1].split(":")[0].strip()
        assert option in result.output, result.output
    elif relative != "mkdocs.yml" or code not in ("E203",):
        assert f"{relative}:{where}: error[{code}]" in result.output, result.output
    assert snapshot(out) == before
    assert sorted(p.name for p in project.root.iterdir() if "journeymap-" in p.name) == []
