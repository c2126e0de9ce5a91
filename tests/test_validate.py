"""Cross-file checks: personas, photos, suggestions."""

from __future__ import annotations

import os

from tests.conftest import JOURNEY, Project


def test_dutch_alias_typo_suggests_the_alias(project: Project) -> None:
    project.journey("nl", JOURNEY.replace("- channel: Website", "- kanal: Website"))
    result = project.run("check", "--today", "2026-10-01")
    assert "error[E302]: unknown lane key 'kanal'" in result.output
    assert "hint: did you mean 'kanaal' ('channel')?" in result.output


def test_dutch_keys_are_accepted_everywhere(project: Project) -> None:
    project.journey(
        "nl",
        "---\ntitel: Een reis\npersona: tester\neigenaar: Team\ntoestand: huidig\ngevalideerd: 2026-09-01\n"
        "verwachtingen: Snel geholpen\nlabels: [a]\n---\n\n## Fase\n- doel: Iets bereiken\n\n### Belt\n"
        "- kanaal: Telefoon\n- contactmoment: Klantenservice\n- doet: Belt\n- denkt: Hopelijk snel\n"
        "- gevoel: -1 ongeduldig\n- pijnpunt: Lange wachttijd\n- kans: Terugbelservice\n- eigenaar: Team\n"
        "- achter-de-schermen: Telefooncentrale\n- ondersteuning: Planning\n- prestatie-indicator: Wachttijd\n"
        "- meting: 4 min\n- soort: kritisch\n- sleutelmoment: ja\n",
    )
    result = project.run("check", "--strict", "--today", "2026-10-01")
    assert result.exit_code == 0, result.output


def test_unknown_persona_suggests_a_close_id(project: Project) -> None:
    project.journey("p", JOURNEY.replace("persona: tester", "persona: tster"))
    result = project.run("check", "--today", "2026-10-01")
    assert "content/journeys/p.md:3:10: error[E501]: unknown persona 'tster'" in result.output
    assert "hint: did you mean 'tester'?" in result.output
    project.journey("p", JOURNEY.replace("persona: tester", "persona: somebody-else"))
    assert "hint: known personas: tester" in project.run("check", "--today", "2026-10-01").output


def test_persona_with_errors_still_counts_as_known(project: Project) -> None:
    project.write("content/personas/tester.md", "---\nrole: no name\n---\n")
    project.journey("p", JOURNEY)
    result = project.run("check", "--today", "2026-10-01")
    assert "E501" not in result.output
    assert "content/personas/tester.md:1:1: error[E210]: missing required key 'name'" in result.output


def test_photo_symlink_leading_outside_is_refused(project: Project) -> None:
    secret = project.write("secret.png", b"not for the site")
    os.symlink(secret, project.root / "content" / "personas" / "face.png")
    project.write("content/personas/linked.md", "---\nname: Linked\nphoto: face.png\n---\n")
    result = project.run("check")
    assert "content/personas/linked.md:3:8: error[E502]: photo 'face.png' resolves outside the content folder" in (
        result.output
    )


def test_photo_inside_content_is_fine(project: Project) -> None:
    project.write("content/images/ravi.jpg", b"\xff\xd8\xff")
    project.write("content/personas/ravi.md", "---\nname: Ravi\nphoto: ../images/ravi.jpg\n---\n")
    result = project.run("check")
    assert result.exit_code == 0, result.output


def test_url_photo_is_refused(project: Project) -> None:
    project.write("content/personas/web.md", "---\nname: Web\nphoto: https://example.org/a.jpg\n---\n")
    result = project.run("check")
    assert "error[E502]: photo 'https://example.org/a.jpg' is not a path inside the content folder" in result.output


def test_no_content_folder_is_a_usage_error(tmp_path: object, project: Project) -> None:
    (project.root / "content" / "personas" / "tester.md").unlink()
    os.rmdir(project.root / "content" / "personas")
    os.rmdir(project.root / "content" / "journeys")
    os.rmdir(project.root / "content")
    result = project.run("check")
    assert result.exit_code == 2
    assert "no content folder at content" in result.output
