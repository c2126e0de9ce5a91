"""The journeymap command: output formats, exit codes, and start-up cost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import JOURNEY, REPO, Project

TODAY = ("--today", "2026-11-24")


def _in_repo(*args: str) -> tuple[int, str]:
    old = os.getcwd()
    os.chdir(REPO)
    try:
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.output


def test_examples_pass_check() -> None:
    code, output = _in_repo("check", *TODAY)
    assert code == 0, output
    assert output == "checked 5 journeys, 4 personas and 1 data file: no problems\n"


def test_examples_pass_strict_check() -> None:
    code, output = _in_repo("check", "--strict", *TODAY)
    assert code == 0, output


def test_version() -> None:
    from generator import __version__

    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"journeymap, version {__version__}\n"


def test_warnings_pass_unless_strict(project: Project) -> None:
    project.journey("w", JOURNEY.replace("- feeling: 1 fine\n", "- channel: Phone\n"))
    result = project.run("check", *TODAY)
    assert result.exit_code == 0
    assert "content/journeys/w.md:8:1: warning[W101]: step 'Does something' has no feeling" in result.output
    assert result.output.endswith("checked 1 journey and 1 persona: 0 errors, 1 warning\n")
    strict = project.run("check", "--strict", *TODAY)
    assert strict.exit_code == 1
    assert "content/journeys/w.md:8:1: error[W101]" in strict.output
    assert strict.output.endswith("1 error, 0 warnings\n")


def test_stage_without_steps_and_review_warnings(project: Project) -> None:
    project.journey("a", JOURNEY + "\n## Empty stage\n")
    project.journey("b", JOURNEY.replace("reviewed: 2026-09-01\n", ""))
    result = project.run("check", "--today", "2027-03-01")
    assert result.exit_code == 0
    assert "content/journeys/a.md:12:1: warning[W102]: stage 'Empty stage' has no steps" in result.output
    assert (
        "content/journeys/a.md:4:11: warning[W103]: review overdue by 1 day (reviewed 2026-09-01, due 2027-02-28)"
        in result.output
    )
    assert "content/journeys/b.md:1:1: warning[W104]" in result.output
    fresh = project.run("check", "--today", "2027-02-28")
    assert "W103" not in fresh.output


def test_review_period_from_config(project: Project) -> None:
    project.journey("a", JOURNEY)
    project.write("mkdocs.yml", "docs_dir: content\nplugins:\n  - journeys:\n      review_period: 10\n")
    result = project.run("check", "--today", "2026-09-12")
    assert "review overdue by 1 day" in result.output
    project.write("mkdocs.yml", "docs_dir: content\nplugins:\n  - journeys:\n      review_period: 0\n")
    assert "W103" not in project.run("check", "--today", "2036-01-01").output


def test_github_format(project: Project) -> None:
    project.journey("g", JOURNEY.replace("- channel: Website", "- chanel: Web, site: 100%"))
    result = project.run("check", "--format", "github", *TODAY)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::error file=content/journeys/g.md,line=9,col=3,title=E302::"
        "unknown lane key 'chanel'%0Adid you mean 'channel'?"
    ]
    assert result.stderr == "checked 1 journey and 1 persona: 1 error, 0 warnings\n"


def test_github_format_escapes_properties() -> None:
    from generator.check.report import format_github
    from generator.errors import problem
    from generator.model import Location

    item = problem(Location(path="a,b:c%.md", line=2, column=3), "E302", "50% done\r\nnext", "hint")
    assert format_github([item]) == "::error file=a%2Cb%3Ac%25.md,line=2,col=3,title=E302::50%25 done%0D%0Anext%0Ahint"


def test_json_format(project: Project) -> None:
    project.journey("j", JOURNEY.replace("- feeling: 1 fine", "- feeling: 5 thrilled"))
    result = project.run("check", "--format", "json", *TODAY)
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["version"] == 1
    assert document["checked"] == {"journeys": 1, "personas": 1}
    assert document["errors"] == 1
    assert document["warnings"] == 0
    assert document["problems"] == [
        {
            "path": "content/journeys/j.md",
            "line": 10,
            "column": 12,
            "severity": "error",
            "code": "E402",
            "message": "feeling '5 thrilled' is outside the scale -2…2",
            "hint": "Use a score inside the configured emotion scale.",
        }
    ]


def test_quiet_prints_no_summary(project: Project) -> None:
    project.journey("q", JOURNEY)
    result = project.run("check", "-q", *TODAY)
    assert result.exit_code == 0
    assert result.output == ""


def test_check_named_files_and_folders(project: Project) -> None:
    project.journey("good", JOURNEY)
    project.journey("bad", JOURNEY.replace("- channel", "- chanel"))
    only_good = project.run("check", "content/journeys/good.md", *TODAY)
    assert only_good.exit_code == 0
    assert "checked 1 journey and 0 personas" in only_good.output
    folder = project.run("check", "content/journeys", *TODAY)
    assert folder.exit_code == 1
    assert "checked 2 journeys and 0 personas" in folder.output


def test_missing_path_is_a_usage_error(project: Project) -> None:
    result = project.run("check", "content/journeys/nope.md")
    assert result.exit_code == 2
    assert "journeymap: error: content/journeys/nope.md: no such file or directory" in result.output
    assert "Traceback" not in result.output


def test_missing_config_is_a_usage_error(project: Project) -> None:
    result = project.run("--config", "nope.yml", "check")
    assert result.exit_code == 2
    assert "nope.yml does not exist" in result.output


def test_unreadable_file_is_an_io_error(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(path: Path, root: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("generator.read.load.read_bounded", denied)
    result = project.run("check")
    assert result.exit_code == 3
    assert "journeymap: error: content/personas/tester.md: cannot read: Permission denied" in result.output
    assert "Traceback" not in result.output


def test_a_dangling_link_is_a_located_content_error(project: Project) -> None:
    os.symlink(project.root / "gone.md", project.root / "content" / "journeys" / "broken.md")
    result = project.run("check")
    assert result.exit_code == 1
    assert "content/journeys/broken.md:1:1: error[E102]: 'broken.md' is a link that points nowhere or loops" in (
        result.output
    )
    assert "Traceback" not in result.output


def test_interrupt_exits_130(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("generator.build.load_project", interrupted)
    result = project.run("check")
    assert result.exit_code == 130
    assert "interrupted" in result.output
    assert "Traceback" not in result.output


def test_internal_error_has_no_traceback_unless_debug(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("generator.build.load_project", broken)
    result = project.run("check")
    assert result.exit_code == 4
    assert "internal error: RuntimeError('boom')" in result.output
    assert "Traceback" not in result.output
    with pytest.raises(RuntimeError, match="boom"):
        project.run("--debug", "check")


def test_cli_import_is_lazy() -> None:
    """``journeymap --help`` must not pay for YAML, Markdown or templates."""
    code = "import sys, generator.cli; print(sorted(m for m in ('yaml', 'markdown_it', 'jinja2') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "[]"


@pytest.mark.slow
def test_real_subprocess_run(tmp_path: object) -> None:
    """The installed console script, as a user runs it."""
    exe = os.path.join(os.path.dirname(sys.executable), "journeymap")
    ok = subprocess.run([exe, "check", *TODAY], capture_output=True, text=True, cwd=REPO, check=False)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout == "checked 5 journeys, 4 personas and 1 data file: no problems\n"
    helped = subprocess.run([exe, "--help"], capture_output=True, text=True, check=False)
    assert helped.returncode == 0
    assert "check" in helped.stdout
    assert "new" in helped.stdout
