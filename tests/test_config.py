"""Settings from the ``journeys`` entry of mkdocs.yml: one source of truth, read safely."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import Settings, load_settings, settings_from_options
from tests.conftest import JOURNEY, REPO, Project


def test_example_config_is_read() -> None:
    settings, problems = load_settings(REPO / "mkdocs.yml")
    assert problems == []
    assert settings.content_dir == REPO / "content"
    assert settings.language == "en"
    assert settings.emotion_scale == (-2, 2)
    assert settings.touchpoint_types == ("critical", "supplementary", "superfluous")
    assert settings.review_period == 180


def test_defaults_without_config() -> None:
    settings, problems = load_settings(None)
    assert problems == []
    assert settings == Settings()
    assert settings.journeys_path == Path("content/journeys")


def test_python_tags_are_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\n"
        "docs_dir: docs\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        f"hook: !!python/object/apply:os.system ['touch {marker}']\n"
        "extra:\n"
        "  key: !ENV [SOME_VARIABLE, default]\n"
        "plugins:\n"
        "  - journeys:\n"
        "      language: nl\n"
    )
    settings, problems = load_settings(config)
    assert problems == []
    assert settings.language == "nl"
    assert settings.content_dir == tmp_path / "docs"
    assert not marker.exists()


@pytest.mark.parametrize(
    "plugins",
    [
        "plugins:\n  - search\n  - journeys:\n      review_period: 30\n",
        "plugins:\n  search: {}\n  journeys:\n    review_period: 30\n",
    ],
)
def test_plugin_entry_as_list_or_mapping(tmp_path: Path, plugins: str) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n" + plugins)
    settings, problems = load_settings(config)
    assert problems == []
    assert settings.review_period == 30


def test_plugin_without_options(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("plugins:\n  - journeys\n")
    settings, problems = load_settings(config)
    assert problems == []
    assert settings == Settings(content_dir=tmp_path / "docs", config_path=config)


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("language", "'de'"),
        ("emotion_scale", "[2, -2]"),
        ("emotion_scale", "[-2.5, 2]"),
        ("emotion_scale", "[-50, 50]"),
        ("emotion_scale", "-2"),
        ("touchpoint_types", "[]"),
        ("touchpoint_types", "[a, A]"),
        ("review_period", "-1"),
        ("review_period", "yes"),
        ("journeys_dir", "../outside"),
        ("personas_dir", "/abs"),
    ],
)
def test_bad_option_values_are_located(tmp_path: Path, option: str, value: str) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: x\nplugins:\n  - journeys:\n      language: en\n      {option}: {value}\n")
    _, problems = load_settings(config)
    assert [(p.code, p.loc.line, p.loc.column) for p in problems] == [("E601", 5, len(option) + 9)]
    assert f"journeys option '{option}'" in problems[0].message


def test_options_as_plain_data() -> None:
    settings, problems = settings_from_options({"emotion_scale": [1, 5], "touchpoint_types": ["Must", "Nice"]})
    assert problems == []
    assert settings.emotion_scale == (1, 5)
    assert settings.touchpoint_types == ("must", "nice")


def test_custom_scale_and_vocabulary_drive_validation(project: Project) -> None:
    project.write(
        "mkdocs.yml",
        "docs_dir: content\nplugins:\n  - journeys:\n"
        "      emotion_scale: [1, 5]\n      touchpoint_types: [must, nice]\n",
    )
    project.journey("a", JOURNEY.replace("- feeling: 1 fine", "- feeling: 5 great\n- type: must"))
    assert project.run("check", "--today", "2026-10-01").exit_code == 0
    project.journey("b", JOURNEY.replace("- feeling: 1 fine", "- feeling: 0 meh\n- type: critical"))
    result = project.run("check", "--today", "2026-10-01")
    assert result.exit_code == 1
    assert "b.md:10:12: error[E402]: feeling '0 meh' is outside the scale 1…5" in result.output
    assert "b.md:11:3: error[E403]: unknown touchpoint type 'critical'" in result.output
    assert "use one of: must, nice" in result.output


def test_content_folders_follow_the_config(project: Project) -> None:
    project.write("mkdocs.yml", "docs_dir: site-src\nplugins:\n  - journeys:\n      journeys_dir: maps\n")
    project.write("site-src/personas/tester.md", "---\nname: T\n---\n")
    project.write("site-src/maps/x.md", JOURNEY)
    result = project.run("check", "--today", "2026-10-01")
    assert result.output == "checked 1 journey and 1 persona: no problems\n"


def test_inherit_is_followed_as_mkdocs_follows_it(tmp_path: Path) -> None:
    """Options in a parent file count, the file's own keys win, paths are relative to
    mkdocs.yml, and problems point into the file that has them."""
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "base.yml").write_text(
        "docs_dir: pages\ntheme:\n  name: material\n  custom_dir: overrides\nplugins:\n  - journeys:\n"
        "      language: nl\n      review_period: soon\n"
    )
    config = tmp_path / "mkdocs.yml"
    config.write_text("INHERIT: shared/base.yml\nsite_name: Child\ntheme:\n  name: material\n")
    settings, problems = load_settings(config)
    assert settings.language == "nl"
    assert settings.content_dir == tmp_path / "pages"
    assert settings.theme_dir == tmp_path / "overrides"
    assert [(p.code, p.loc.path.endswith("shared/base.yml"), p.loc.line) for p in problems] == [("E601", True, 8)]
    config.write_text("INHERIT: shared/base.yml\ndocs_dir: content\nplugins:\n  - journeys:\n      language: en\n")
    settings, problems = load_settings(config)
    assert (settings.language, settings.review_period, problems) == ("en", 180, [])  # plugins replaced whole
    assert settings.content_dir == tmp_path / "content"


@pytest.mark.parametrize(
    ("inherit", "message"),
    [("mkdocs.yml", "inherits itself"), ("missing.yml", "'missing.yml' is not a file")],
)
def test_a_bad_inherit_is_located(tmp_path: Path, inherit: str, message: str) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: x\nINHERIT: {inherit}\nplugins:\n  - journeys:\n      language: nl\n")
    settings, problems = load_settings(config)
    assert settings.language == "nl"
    assert len(problems) == 1
    assert (problems[0].code, problems[0].loc.line, problems[0].loc.column) == ("E601", 2, 10)
    assert message in problems[0].message


def test_env_values_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "plugins:\n  - journeys:\n      language: !ENV [JM_TEST_LANGUAGE, en]\n"
        "      review_period: !ENV JM_TEST_PERIOD\n      toolkit: !ENV [JM_TEST_UNSET, JM_TEST_KIT, true]\n"
    )
    monkeypatch.setenv("JM_TEST_LANGUAGE", "nl")
    monkeypatch.setenv("JM_TEST_PERIOD", "30")
    monkeypatch.setenv("JM_TEST_KIT", "false")
    monkeypatch.delenv("JM_TEST_UNSET", raising=False)
    settings, problems = load_settings(config)
    assert problems == []
    assert (settings.language, settings.review_period, settings.toolkit) == ("nl", 30, False)
    monkeypatch.delenv("JM_TEST_LANGUAGE")
    monkeypatch.delenv("JM_TEST_KIT")
    settings, _ = load_settings(config)
    assert (settings.language, settings.toolkit) == ("en", True)
