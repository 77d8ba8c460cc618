"""The build as a person runs it: a data error stops `mkdocs build` with a readable message,
no traceback, and nothing written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from project import project_copy


def mkdocs_build(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "out"], cwd=project,
                          capture_output=True, text=True, env=env, timeout=300)


def test_data_error_stops_the_build_without_traceback(tmp_path):
    project = project_copy(tmp_path)
    people = project / "data" / "people.yml"
    text = people.read_text(encoding="utf-8")
    people.write_text(text.replace("participant: usa", "participant: us"), encoding="utf-8")
    line = text[: text.index("participant: usa")].count("\n") + 1
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert f"data/people.yml:{line}: people[4] (id steve-lang).participant: there is no participant with the id 'us'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "out").exists()


def test_unknown_data_block_is_an_error(tmp_path):
    project = project_copy(tmp_path)
    outcome = project / "docs" / "outcome.md"
    outcome.write_text(outcome.read_text(encoding="utf-8") + "\n<!-- data: no-such-block -->\n", encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert "docs/outcome.md:" in result.stderr and "unknown data block 'no-such-block'" in result.stderr
    assert "Traceback" not in result.stderr
