"""``journeymap new`` and ``init``: scaffolds pass ``check`` and never overwrite."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Project


def test_new_persona_and_journey_pass_check(project: Project) -> None:
    made = project.run("new", "persona", "Frequent flyer")
    assert made.exit_code == 0, made.output
    assert made.output == "wrote content/personas/frequent-flyer.md\n"
    journey = project.run(
        "new", "journey", "Rebooking a cancelled flight", "--persona", "frequent-flyer", "--today", "2026-11-24"
    )
    assert journey.exit_code == 0, journey.output
    text = (project.root / "content" / "journeys" / "rebooking-a-cancelled-flight.md").read_text()
    assert 'title: "Rebooking a cancelled flight"' in text
    assert "persona: frequent-flyer" in text
    assert "reviewed: 2026-11-24" in text
    result = project.run("check", "--strict", "--today", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert result.output == "checked 1 journey and 2 personas: no problems\n"


def test_new_journey_defaults_to_the_first_persona(project: Project) -> None:
    result = project.run("new", "journey", "password-reset")
    assert result.exit_code == 0
    text = (project.root / "content" / "journeys" / "password-reset.md").read_text()
    assert 'title: "Password reset"' in text
    assert "persona: tester" in text


def test_new_refuses_to_overwrite(project: Project) -> None:
    path = project.journey("taken", "my own work\n")
    result = project.run("new", "journey", "taken")
    assert result.exit_code == 2
    assert "content/journeys/taken.md already exists" in result.output
    assert path.read_text() == "my own work\n"
    again = project.run("new", "persona", "tester")
    assert again.exit_code == 2
    assert "already exists" in again.output


def test_new_journey_needs_a_known_persona(project: Project) -> None:
    result = project.run("new", "journey", "x", "--persona", "nobody")
    assert result.exit_code == 2
    assert "unknown persona 'nobody'; known personas: tester" in result.output
    (project.root / "content" / "personas" / "tester.md").unlink()
    empty = project.run("new", "journey", "x")
    assert empty.exit_code == 2
    assert "journeymap new persona NAME" in empty.output


def test_new_rejects_names_without_letters(project: Project) -> None:
    result = project.run("new", "persona", "!!!")
    assert result.exit_code == 2
    assert "cannot make a file name" in result.output


def test_quotes_in_titles_stay_valid_yaml(project: Project) -> None:
    result = project.run("new", "journey", 'The "quick" fix \\ now', "--today", "2026-11-24")
    assert result.exit_code == 0, result.output
    check = project.run("check", "--strict", "--today", "2026-11-24")
    assert check.exit_code == 0, check.output


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_init_makes_an_empty_folder_a_site_that_builds(tmp_path: Path, engine: str) -> None:
    result = Project(tmp_path).run("init", "new-site", "--name", 'Our "best" journeys', "--today", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert "wrote new-site/mkdocs.yml" in result.output
    site = Project(tmp_path / "new-site")
    check = site.run("check", "--strict", "--today", "2026-11-24")
    assert check.exit_code == 0, check.output
    assert "1 journey and 1 persona" in check.output
    build = site.run("build", "--strict", "--engine", engine)
    assert build.exit_code == 0, build.output
    home = (site.root / "site" / "index.html").read_text(encoding="utf-8")
    assert home.count('class="jm-card"') == 2  # the journey's card and the persona's
    assert "Our &#34;best&#34; journeys" in home or 'Our "best" journeys' in home
    assert (site.root / "site" / "journeys" / "first-journey" / "index.html").is_file()


def test_init_never_overwrites(tmp_path: Path) -> None:
    site = Project(tmp_path)
    config = site.write("mkdocs.yml", "site_name: Mine\n")
    result = site.run("init")
    assert result.exit_code == 2
    assert "mkdocs.yml: already there; journeymap init only starts new sites" in result.output
    assert config.read_text() == "site_name: Mine\n"
    assert not (tmp_path / "content").exists()
