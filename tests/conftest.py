"""Fixtures shared by every kind of test: the real record and one strict build of the site."""

from __future__ import annotations

from pathlib import Path

import pytest

from meeting_record.data.load_record import load_record
from project import DATA, SOURCE_DIR, build_site
from meeting_record.data.record import Record


@pytest.fixture(scope="session")
def record() -> Record:
    return load_record(DATA)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def source_text() -> str:
    path = SOURCE_DIR / "mic-press-release-2024-03-18.txt"
    assert path.exists(), f"the source text is missing: {path}"
    return path.read_text(encoding="utf-8")
