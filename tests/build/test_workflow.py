"""The Pages workflow (.github/workflows/pages.yml) cannot run here, so it is linted with actionlint,
and read: it tests before it builds, builds for the address Pages gives, and pins every action."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from project import ROOT

ACTIONLINT = Path(sys.executable).with_name("actionlint")
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def actionlint(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ACTIONLINT), "-no-color", "-shellcheck=", "-pyflakes=", str(path)],
                          capture_output=True, text=True, cwd=path.parent)


def test_actionlint_finds_nothing_in_the_workflow():
    run = actionlint(WORKFLOW)
    assert run.returncode == 0, run.stdout + run.stderr


def test_actionlint_reports_a_broken_workflow(tmp_path):
    """The check above can fail: a step that is not there, read for the address, is reported."""
    broken = WORKFLOW.read_text(encoding="utf-8").replace("steps.pages.outputs", "steps.page.outputs")
    path = tmp_path / "pages.yml"
    path.write_text(broken, encoding="utf-8")
    run = actionlint(path)
    assert run.returncode == 1 and 'property "page" is not defined' in run.stdout, run.stdout + run.stderr


def test_the_workflow_tests_then_builds_for_the_pages_address_then_deploys():
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    steps = jobs["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    uses = [step.get("uses", "").split("@")[0] for step in [*steps, *jobs["deploy"]["steps"]]]
    test, build = runs.index("make test"), runs.index("make build")
    pages = next(i for i, step in enumerate(steps) if step.get("uses", "").startswith("actions/configure-pages@"))
    assert pages < test < build < uses.index("actions/upload-pages-artifact")
    assert steps[build]["env"]["SITE_URL"] == "${{ steps.%s.outputs.base_url }}/" % steps[pages]["id"]
    assert steps[uses.index("actions/upload-pages-artifact")]["with"]["path"].rstrip("/") == "site"
    assert "actions/deploy-pages" in uses and jobs["deploy"]["needs"] == "build"


def test_every_action_is_pinned_to_a_commit():
    for line in WORKFLOW.read_text(encoding="utf-8").splitlines():
        if "uses:" in line:
            assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), line
