"""The malformed-data corpus: every case in tests/data/malformed/ stops the loading with exactly the
messages in its expected.txt (file, line, field and what to do), and never with a traceback.

A case folder holds the data files that differ from the real data, laid over a copy of data/;
a missing.txt lists files to delete instead. A few cases also go through `mkdocs build` as a person
runs it, to show the message reaches them and nothing is written.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from meeting_record.data.load_record import DataError, load_record
from project import DATA, project_copy
from meeting_record.data.yaml_source import read_document

CORPUS = Path(__file__).parent / "malformed"
CASES = sorted(path.name for path in CORPUS.iterdir() if path.is_dir())
# A message names the file, then the line (unless the file is missing), then the field when there is one.
MESSAGE = re.compile(r"^data/[a-z]+\.yml(:[1-9][0-9]*)?: \S.*$")
THROUGH_THE_CLI = ["billion-laughs", "not-utf8", "python-tag", "reference-missing-participant", "missing-file"]


def overlay(case: str, data: Path) -> Path:
    """A copy of the real data at `data`, with the case's files laid over it."""
    shutil.copytree(DATA, data)
    for path in (CORPUS / case).iterdir():
        if path.name == "missing.txt":
            for name in path.read_text(encoding="utf-8").split():
                (data / name).unlink()
        elif path.name != "expected.txt":
            shutil.copy(path, data / path.name)
    return data


def expected(case: str) -> list[str]:
    return (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines()


def test_the_corpus_covers_forty_cases_or_more():
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES)
def test_case_fails_with_its_precise_messages(case, tmp_path):
    data = overlay(case, tmp_path / "data")
    with pytest.raises(DataError) as caught:
        load_record(data)
    assert [str(problem) for problem in caught.value.problems] == expected(case)
    assert all(MESSAGE.match(line) for line in expected(case)), "a message must start with file:line:"


def test_billion_laughs_fails_fast_and_small():
    """Aliases are refused while parsing, so the document is never expanded (fully expanded it
    would hold 9 to the power 10 strings)."""
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(DataError):
        read_document(CORPUS / "billion-laughs" / "talks.yml", "data/talks.yml")
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 5, f"took {elapsed:.1f} s"
    assert peak < 10_000_000, f"used {peak:,} bytes"


@pytest.mark.parametrize("case", THROUGH_THE_CLI)
def test_the_build_stops_with_the_message_and_writes_nothing(case, tmp_path):
    project = project_copy(tmp_path)
    shutil.rmtree(project / "data")
    overlay(case, project / "data")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "out"], cwd=project,
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for line in expected(case):
        assert line in result.stderr
    assert not (project / "out").exists()


def test_every_schema_pattern_has_a_message_in_words():
    """A pattern in a schema needs a sentence beside it (`patternErrorMessage`, which editors show
    too), or the build and the editor would show a regex."""
    unworded = []
    for path in (DATA / "schemas").glob("*.schema.json"):
        _collect_patterns(json.loads(path.read_text(encoding="utf-8")), unworded)
    assert unworded == []


def _collect_patterns(schema: object, found: list[str]) -> None:
    """The patterns in `schema` that have no `patternErrorMessage` beside them."""
    if isinstance(schema, dict):
        if isinstance(schema.get("pattern"), str) and not schema.get("patternErrorMessage"):
            found.append(schema["pattern"])
        for value in schema.values():
            _collect_patterns(value, found)
    elif isinstance(schema, list):
        for value in schema:
            _collect_patterns(value, found)
