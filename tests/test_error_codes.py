"""Every error code: a fixture file, the exact line and column, exit code 1, no traceback."""

from __future__ import annotations

import shutil

import pytest

from generator.errors import CODES
from tests.conftest import FIXTURES, Project

ERRORS = FIXTURES / "errors"

# fixture file -> (line, column) where its error must be reported
JOURNEY_CASES = {
    "E101-not-utf8.md": (8, 8),
    "E201-no-front-matter.md": (1, 1),
    "E202-unclosed-front-matter.md": (1, 1),
    "E203-yaml-unclosed-quote.md": (2, 8),
    "E203-yaml-bad-indent.md": (4, 8),
    "E204-yaml-alias.md": (2, 8),
    "E205-yaml-python-tag.md": (3, 10),
    "E206-duplicate-key.md": (4, 1),
    "E207-too-deep.md": (8, 9),
    "E208-not-a-mapping.md": (2, 1),
    "E209-unknown-front-matter-key.md": (5, 1),
    "E210-missing-title.md": (1, 1),
    "E210-empty-title.md": (2, 8),
    "E211-wrong-type.md": (4, 7),
    "E212-invalid-date.md": (4, 11),
    "E213-invalid-state.md": (4, 8),
    "E214-invalid-language.md": (4, 11),
    "E301-step-before-stage.md": (7, 1),
    "E302-unknown-lane-key.md": (10, 3),
    "E303-duplicate-id.md": (11, 1),
    "E304-not-a-lane.md": (10, 3),
    "E305-empty-lane.md": (10, 3),
    "E306-level-one-heading.md": (7, 1),
    "E307-invalid-id.md": (9, 7),
    "E308-empty-journey.md": (1, 1),
    "E309-key-out-of-place.md": (8, 3),
    "E310-nested-lane-content.md": (11, 3),
    "E311-repeated-key.md": (11, 3),
    "E401-feeling-not-a-number.md": (9, 12),
    "E401-feeling-boolean.md": (9, 12),
    "E402-feeling-out-of-range.md": (9, 12),
    "E402-feeling-infinite.md": (9, 12),
    "E403-unknown-touchpoint-type.md": (10, 3),
    "E404-invalid-moment-of-truth.md": (10, 20),
    "E501-unknown-persona.md": (3, 10),
    "E504-unknown-journey.md": (5, 11),
    "E505-replaces-not-future.md": (5, 11),
}

PERSONA_CASES = {
    "E210-missing-name.md": (1, 1),
    "E502-photo-outside-content.md": (3, 8),
    "E502-photo-absolute.md": (3, 8),
    "E503-photo-not-found.md": (3, 8),
}

CONFIG_CASES = {
    "E203-config-yaml.yml": (1, 12),
    "E601-invalid-config.yml": (6, 17),
    "E602-unknown-config-option.yml": (5, 7),
}


def _assert_reported(project: Project, relative: str, code: str, line: int, column: int, *args: str) -> None:
    result = project.run(*args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert f"{relative}:{line}:{column}: error[{code}]: " in result.output, result.output
    hint_index = result.output.index(f"{relative}:{line}:{column}: error[{code}]")
    assert "\n  hint: " in result.output[hint_index:], "every problem has a hint line"


@pytest.mark.parametrize(("name", "where"), sorted(JOURNEY_CASES.items()))
def test_journey_error_is_located(project: Project, name: str, where: tuple[int, int]) -> None:
    shutil.copy(ERRORS / name, project.root / "content" / "journeys" / name)
    _assert_reported(project, f"content/journeys/{name}", name[:4], *where, "check", "--today", "2026-10-01")


@pytest.mark.parametrize(("name", "where"), sorted(PERSONA_CASES.items()))
def test_persona_error_is_located(project: Project, name: str, where: tuple[int, int]) -> None:
    shutil.copy(ERRORS / "personas" / name, project.root / "content" / "personas" / name)
    project.write("secret.png", b"\x89PNG outside the content folder")
    _assert_reported(project, f"content/personas/{name}", name[:4], *where, "check")


@pytest.mark.parametrize(("name", "where"), sorted(CONFIG_CASES.items()))
def test_config_error_is_located(project: Project, name: str, where: tuple[int, int]) -> None:
    shutil.copy(ERRORS / "config" / name, project.root / "mkdocs.yml")
    _assert_reported(project, "mkdocs.yml", name[:4], *where, "check")


def test_every_error_code_has_a_fixture() -> None:
    from tests.bad_inputs import CASES
    from tests.test_export_import import CSV_ERROR_CASES
    from tests.test_hostile_content import CODES_COVERED
    from tests.test_measured_data import DATA_ERROR_CASES
    from tests.test_mermaid import MERMAID_ERROR_CASES
    from tests.test_templates import TEMPLATE_CODES

    covered = {name[:4] for name in (*JOURNEY_CASES, *PERSONA_CASES, *CONFIG_CASES)}
    covered |= {code for _, _, code in (*CSV_ERROR_CASES, *MERMAID_ERROR_CASES, *DATA_ERROR_CASES)}
    covered |= {code for _, _, _, code, _ in CASES} | CODES_COVERED | TEMPLATE_CODES
    errors = {code for code in CODES if code.startswith("E")}
    assert errors - covered == set()
    for name in JOURNEY_CASES:
        assert (ERRORS / name).is_file()


def test_python_tag_is_not_executed(project: Project, tmp_path_factory: pytest.TempPathFactory) -> None:
    marker = tmp_path_factory.mktemp("marker") / "executed"
    project.journey(
        "attack",
        f'---\ntitle: x\npersona: !!python/object/apply:os.system ["touch {marker}"]\n---\n## S\n### T\n- feeling: 1\n',
    )
    result = project.run("check")
    assert result.exit_code == 1
    assert "error[E205]" in result.output
    assert not marker.exists()


def test_every_problem_of_every_file_in_one_run(project: Project) -> None:
    for name in ("E302-unknown-lane-key.md", "E212-invalid-date.md", "E501-unknown-persona.md"):
        shutil.copy(ERRORS / name, project.root / "content" / "journeys" / name)
    project.journey(
        "many",
        "---\ntitle: Many\npersona: tester\nreviewed: 2026-09-01\n---\n## S\n### T\n"
        "- feeling: 7\n- chanel: x\n- type: nope\n- moment-of-truth: perhaps\n",
    )
    result = project.run("check", "--today", "2026-10-01")
    assert result.exit_code == 1
    for expected in (
        "E302-unknown-lane-key.md:10:3: error[E302]",
        "E212-invalid-date.md:4:11: error[E212]",
        "E501-unknown-persona.md:3:10: error[E501]",
        "many.md:8:12: error[E402]",
        "many.md:9:3: error[E302]",
        "many.md:10:3: error[E403]",
        "many.md:11:20: error[E404]",
    ):
        assert expected in result.output
    assert result.output.rstrip().endswith("checked 4 journeys and 1 persona: 7 errors, 0 warnings")
