"""Journey histories for the site: one git log and one batch read for all journeys."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from generator.diff.git_history import GitError, folder_log, read_many
from generator.site import history
from generator.site.history import site_history
from tests.conftest import JOURNEY, Project


def _git(root: Path, *args: str) -> None:
    command = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args]
    subprocess.run(command, cwd=root, check=True, capture_output=True)


@pytest.fixture
def repo(project: Project) -> Project:
    _git(project.root, "init", "-q", "-b", "main")
    project.journey("a", JOURNEY)
    project.journey("b", JOURNEY.replace("A small journey", "Another journey"))
    project.write("notes.md", "outside the journeys folder\n")
    _git(project.root, "add", "-A")
    _git(project.root, "commit", "-q", "-m", "Both journeys")
    project.journey("a", JOURNEY.replace("- feeling: 1 fine", "- feeling: -1 worried\n- pain: Too slow"))
    _git(project.root, "commit", "-q", "-am", "Worse for a")
    _git(project.root, "mv", "content/journeys/b.md", "content/journeys/renamed.md")
    _git(project.root, "commit", "-q", "-m", "Rename b")
    project.write("notes.md", "changed\n")
    _git(project.root, "commit", "-q", "-am", "Only notes")
    return project


def test_folder_log_follows_renames_and_keeps_files_apart(repo: Project) -> None:
    log = folder_log(repo.root, "content/journeys", ["content/journeys/a.md", "content/journeys/renamed.md"])
    assert [(e[2], e[3], e[4]) for e in log["content/journeys/a.md"]] == [
        ("Worse for a", "content/journeys/a.md", "content/journeys/a.md"),
        ("Both journeys", "content/journeys/a.md", "content/journeys/a.md"),
    ]
    assert [(e[2], e[3], e[4]) for e in log["content/journeys/renamed.md"]] == [
        ("Rename b", "content/journeys/renamed.md", "content/journeys/b.md"),
        ("Both journeys", "content/journeys/b.md", "content/journeys/b.md"),
    ]


def test_folder_log_stops_at_the_limit(repo: Project) -> None:
    log = folder_log(repo.root, "content/journeys", ["content/journeys/a.md"], limit=1)
    assert [e[2] for e in log["content/journeys/a.md"]] == ["Worse for a"]


def test_read_many_reads_versions_and_reports_missing_ones(repo: Project) -> None:
    found = read_many(repo.root, ["HEAD:content/journeys/a.md", "HEAD~3:content/journeys/a.md", "HEAD:nope.md"])
    assert found[0] is not None
    assert b"Too slow" in found[0]
    assert found[1] is not None
    assert b"Too slow" not in found[1]
    assert found[2] is None


def test_site_history_summarises_each_journey(repo: Project) -> None:
    history._SUMMARIES.clear()
    folder = repo.root / "content" / "journeys"
    found = site_history(folder, [folder / "a.md", folder / "renamed.md"])
    assert [(subject, summary) for _, subject, summary in found[folder / "a.md"]] == [
        ("Worse for a", "feeling worse at 1 step, 1 new pain point"),
        ("Both journeys", "journey created"),
    ]
    # A rename compares with the file under its old name: nothing in the journey changed.
    assert [(subject, summary) for _, subject, summary in found[folder / "renamed.md"]] == [
        ("Rename b", "no change to the journey's content"),
        ("Both journeys", "journey created"),
    ]


def test_site_history_outside_git_is_empty(project: Project) -> None:
    folder = project.root / "content" / "journeys"
    project.journey("a", JOURNEY)
    assert site_history(folder, [folder / "a.md"]) == {folder / "a.md": []}


def test_read_many_outside_git_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(GitError):
        read_many(tmp_path, ["HEAD:x.md"])


ODD_NAMES = ["café", "geëmigreerd", "tab\tin-name", 'quote"s']


@pytest.fixture
def odd_repo(project: Project) -> Project:
    _git(project.root, "init", "-q", "-b", "main")
    for name in ODD_NAMES:
        project.journey(name, JOURNEY.replace("A small journey", f"Journey {name}"))
    _git(project.root, "add", "-A")
    _git(project.root, "commit", "-q", "-m", "Journeys with names git quotes")
    for name in ODD_NAMES:
        project.journey(name, JOURNEY.replace("A small journey", f"Journey {name}").replace("1 fine", "-1 worried"))
    _git(project.root, "mv", "content/journeys/café.md", "content/journeys/crème.md")
    _git(project.root, "commit", "-q", "-am", "Worse for every one")
    return project


def test_diff_sees_every_journey_whatever_its_name(odd_repo: Project) -> None:
    result = odd_repo.run("diff", "HEAD~1", "HEAD", "--format", "json")
    assert result.exit_code == 0, result.output
    paths = {entry["path"] for entry in json.loads(result.output)["files"]}
    assert paths == {f"content/journeys/{n}.md" for n in ("crème", "geëmigreerd", "tab\tin-name", 'quote"s')}


def test_site_history_of_journeys_whatever_their_name(odd_repo: Project) -> None:
    folder = odd_repo.root / "content" / "journeys"
    sources = [folder / f"{name}.md" for name in ("crème", "geëmigreerd", "tab\tin-name", 'quote"s')]
    found = site_history(folder, sources)
    for source in sources:
        assert [subject for _, subject, _ in found[source]] == [
            "Worse for every one",
            "Journeys with names git quotes",
        ], source.name


@pytest.mark.parametrize("revision", ["--output=pwned", "-p", "HEAD\n--output=pwned", "no-such-commit"])
def test_a_revision_is_never_an_option(odd_repo: Project, revision: str) -> None:
    result = odd_repo.run("diff", "--", "HEAD~1", revision)
    assert result.exit_code == 2
    assert "is not a" in result.output
    assert not (odd_repo.root / "pwned").exists()
    assert "Traceback" not in result.output
