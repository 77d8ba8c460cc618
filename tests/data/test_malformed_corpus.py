"""The malformed-data corpus: every case in tests/data/malformed/ stops the loading with exactly the
messages in its expected.txt (file, line, field and what to do), and never with a traceback.

Most cases are edits of a copy of the real data, listed in malformed/edits.yml: each names the
field it edits by its path and computes the line it expects from where the edit lands, so the
cases follow the real data as it changes. Cases that need whole files (encodings, byte-order marks,
alias bombs, nesting) are folders holding the data files laid over a copy of data/. A few cases
also go through `mkdocs build` as a person runs it, to show the message reaches them and nothing
is written.
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
import yaml

from meeting_record.data.load_record import DataError, load_record
from data_edits import apply_edit, fill
from project import DATA, project_copy
from meeting_record.data.yaml_source import read_document

CORPUS = Path(__file__).parent / "malformed"
# Every value is read as text, as written: the edits hold dates, numbers and booleans that are mistakes.
EDITS = yaml.load((CORPUS / "edits.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
FILE_CASES = sorted(path.name for path in CORPUS.iterdir() if path.is_dir())
CASES = sorted([*EDITS, *FILE_CASES])
# A message names the file, then the line (unless the file is missing), then the field when there is one.
MESSAGE = re.compile(r"^data/[a-z]+\.yml(:[1-9][0-9]*)?: \S.*$")
THROUGH_THE_CLI = ["billion-laughs", "not-utf8", "python-tag", "reference-missing-participant", "missing-file"]


def overlay(case: str, data: Path) -> Path:
    """A copy of the real data at `data`, with the case's edits made or its files laid over it."""
    shutil.copytree(DATA, data)
    if case in EDITS:
        spec = EDITS[case]
        path = data / spec["file"]
        if spec.get("remove_file") in (True, "true"):
            path.unlink()
            return data
        text = path.read_text(encoding="utf-8")
        for edit in spec.get("edits", [spec]):
            edit = {key: fill(value, DATA, spec["file"]) if isinstance(value, str) else value
                    for key, value in edit.items()}
            text, _ = apply_edit(text, edit)
        path.write_text(text, encoding="utf-8")
        return data
    for path in (CORPUS / case).iterdir():
        if path.name != "expected.txt":
            shutil.copy(path, data / path.name)
    return data


def expected(case: str) -> list[str]:
    if case not in EDITS:
        return (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    spec = EDITS[case]
    text = (DATA / spec["file"]).read_text(encoding="utf-8")
    lines = []
    for edit in spec.get("edits", [spec]):
        if edit.get("remove_file") not in (True, "true"):
            edit = {key: fill(value, DATA, spec["file"]) if isinstance(value, str) else value for key, value in edit.items()}
            lines.append(apply_edit(text, edit)[1])
    messages = spec["expect"] if isinstance(spec["expect"], list) else [spec["expect"]]
    return [fill(message, DATA, spec["file"], min(lines, default=None)) for message in messages]


def test_the_corpus_covers_forty_cases_or_more():
    assert len(CASES) >= 40


def test_whole_files_only_where_an_edit_cannot_say_it():
    """Whole files drift from the real data: only the cases an edit of the text cannot make."""
    assert set(FILE_CASES) <= {"billion-laughs", "byte-order-mark", "deep-nesting", "empty-file", "not-utf8",
                               "recursive-alias"}


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
