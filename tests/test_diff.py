"""journeymap diff on real git repositories made in tmp_path with scripted commits."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import JOURNEY, REPO, Project

SCHEMA = json.loads((REPO / "generator" / "schema" / "diff.schema.json").read_text(encoding="utf-8"))

BASE = """\
---
title: Renewing a permit
persona: tester
owner: Permits team
reviewed: 2026-09-01
---

## Awareness
### Gets a letter
- channel: Letter
- feeling: 1 informed
- owner: Permits team

## Renewal
### Logs in
- id: login
- channel: Portal
- feeling: -1 lost
- pain: Log-in times out
- owner: Digital

### Pays
- channel: Website
- feeling: 2 done
- owner: Finance

### Calls to ask
- channel: Phone
- feeling: 0
- owner: Contact centre
"""

HEAD = """\
---
title: Renewing a parking permit
persona: tester
owner: Permits team
reviewed: 2026-10-01
---

## Awareness
### Gets a letter
- channel: Letter
- feeling: 1 informed
- owner: Permits team

### Calls to ask
- channel: Phone
- feeling: 0
- owner: Contact centre

## Online renewal
- id: renewal
### Signs in with the city app
- id: login
- channel: Portal
- feeling: 1 easy
- owner: Digital

### Pays online
- channel: Website
- feeling: 2 done
- pain: No receipt by e-mail
- owner: Payments team

## Follow-up
### Gets the permit
- channel: E-mail
- feeling: 2 relieved
"""


def git(root: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def repo(project: Project) -> Project:
    project.write("mkdocs.yml", "docs_dir: content\nplugins:\n  - journeys\n")
    project.journey("permit", BASE)
    project.journey("gone", BASE.replace("Renewing a permit", "An old journey"))
    git(project.root, "init", "-q", "-b", "main")
    git(project.root, "add", "-A")
    git(project.root, "commit", "-q", "-m", "base")
    return project


def _head(repo: Project) -> None:
    repo.journey("permit", HEAD)
    (repo.root / "content/journeys/gone.md").unlink()
    repo.journey("new", JOURNEY.replace("A small journey", "A new journey"))
    git(repo.root, "mv", "content/personas/tester.md", "content/personas/tester-moved.md")
    repo.write(
        "content/personas/tester-moved.md", "---\nname: Test persona, renamed\n---\nA persona used by the tests.\n"
    )


def test_every_change_kind(repo: Project, golden: Callable[[str, str], None]) -> None:
    _head(repo)
    result = repo.run("diff", "HEAD")
    assert result.exit_code == 0, result.output
    golden("diff.md", result.output)
    text = result.output
    for expected in (
        "### Renewing a parking permit — changed",
        "- Title: Renewing a permit → Renewing a parking permit",
        "- ↑ Feeling better at **3. Signs in with the city app**: -1 lost → +1 easy (+2)",
        "- Resolved pain point at **3. Signs in with the city app**: Log-in times out",
        "- New pain point at **4. Pays online**: No receipt by e-mail",
        "- Step renamed: Logs in → **3. Signs in with the city app**",
        "- Step renamed: Pays → **4. Pays online**",
        "- Owner of **4. Pays online**: Finance → Payments team",
        "- Step moved: **2. Calls to ask**",
        "- Step added: **5. Gets the permit** (stage `follow-up`)",
        "- Stage added: **Follow-up**",
        "- Stage renamed: Renewal → Online renewal",
        "### An old journey — removed",
        "### A new journey — added",
        "### Test persona, renamed — renamed",
        "(from `content/personas/tester.md`)",
    ):
        assert expected in text, expected


def test_committed_revisions_and_json(repo: Project) -> None:
    _head(repo)
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "head")
    result = repo.run("diff", "HEAD~1", "HEAD", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    jsonschema.validate(data, SCHEMA)
    statuses = {item["path"]: item["status"] for item in data["files"]}
    assert statuses == {
        "content/journeys/gone.md": "removed",
        "content/journeys/new.md": "added",
        "content/journeys/permit.md": "changed",
        "content/personas/tester-moved.md": "renamed",
    }
    permit = next(item for item in data["files"] if item["path"] == "content/journeys/permit.md")
    feeling = next(c for c in permit["changes"] if c["kind"] == "feeling-up")
    assert feeling["delta"] == 2
    # By id: every entry names its journey; a step's change its stage, step and lane.
    from generator.read.parse_journey import parse_journey

    now, _ = parse_journey((repo.root / permit["path"]).read_text(encoding="utf-8"), permit["path"], "permit")
    where = {step.id: stage.id for stage in now.stages for step in stage.steps}
    assert permit["id"] == "permit"
    assert feeling["journey"] == "permit"
    assert feeling["lane"] == "feeling"
    assert where[feeling["step"]] == feeling["stage"]
    assert feeling["subject"].endswith(next(s.title for s in now.steps if s.id == feeling["step"]))
    for change in permit["changes"]:
        assert change["journey"] == "permit"
        if change["kind"] in ("step-renamed", "step-moved", "feeling", "feeling-up", "feeling-down", "pain-added"):
            assert where[change["step"]] == change["stage"], change
        if change["kind"].startswith("lane:"):
            assert change["lane"] == change["kind"][5:]
    removed = [c for item in data["files"] for c in item["changes"] if c["kind"] == "step-removed"]
    assert all(c["step"] and c["stage"] for c in removed)


def test_default_base_is_the_merge_base_with_main(repo: Project) -> None:
    git(repo.root, "checkout", "-q", "-b", "feature")
    repo.journey("permit", BASE.replace("- feeling: 2 done", "- feeling: -2 furious"))
    git(repo.root, "commit", "-q", "-am", "worse")
    result = repo.run("diff")
    assert "- ↓ Feeling worse at **3. Pays**: +2 done → -2 furious (-4)" in result.output


def test_no_changes(repo: Project) -> None:
    result = repo.run("diff", "HEAD")
    assert result.exit_code == 0
    assert "No journey or persona changed." in result.output


def test_user_text_cannot_break_the_comment(repo: Project) -> None:
    repo.journey(
        "permit", BASE.replace("- pain: Log-in times out", "- pain: <img src=x onerror=alert(1)> | *bold* [x](y)")
    )
    output = repo.run("diff", "HEAD").output
    assert "<img" not in output
    assert "&lt;img src=x onerror=alert(1)&gt; \\| \\*bold\\* \\[x\\](y)" in output


def test_not_a_repository_is_a_usage_error(project: Project) -> None:
    project.write("mkdocs.yml", "docs_dir: content\nplugins:\n  - journeys\n")
    result = project.run("diff")
    assert result.exit_code == 2
    assert "git:" in result.output


def test_visual_diff_maps(repo: Project) -> None:
    import xml.etree.ElementTree as ET

    _head(repo)
    repo.journey(
        "permit", HEAD.replace("### Calls to ask\n- channel: Phone\n- feeling: 0\n- owner: Contact centre\n\n", "")
    )
    result = repo.run("diff", "HEAD", "--svg", "visual")
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (repo.root / "visual").iterdir())
    assert written == ["new.svg", "permit.svg"]  # the removed journey has no new map
    svg = ET.parse(repo.root / "visual" / "permit.svg").getroot()
    ns = "{http://www.w3.org/2000/svg}"
    steps = {g.get("data-step"): g.get("class", "") for g in svg.iter(f"{ns}g") if g.get("data-step")}
    assert "jm-diff-renamed" in steps["login"]
    assert "jm-diff-removed" in steps["calls-to-ask"]  # a ghost column where the step was
    assert "jm-diff-added" in steps["gets-the-permit"]
    assert "jm-diff" not in steps["gets-a-letter"]
    words = {"".join(t.itertext()) for t in svg.iter(f"{ns}text")}
    assert {"RENAMED", "REMOVED", "ADDED", "CHANGED"} <= words  # said in words, not only colour
    ghost = next(g for g in svg.iter(f"{ns}g") if g.get("data-step") == "calls-to-ask")
    faded = ghost.find(f"{ns}g")
    assert faded is not None
    assert faded.get("opacity") == "0.5"
    owner_cells = [r for r in svg.iter(f"{ns}rect") if r.get("data-lane") == "owner" and r.get("stroke-width") == "2.5"]
    assert len(owner_cells) == 1  # Pays: Finance -> Payments team
