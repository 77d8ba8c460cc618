"""Fixtures shared by every kind of test: the real record and one strict build of the site."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from load_record import load_record
from project import DATA, SOURCE_FACTS, build_site
from record import Record


@pytest.fixture(scope="session")
def record() -> Record:
    return load_record(DATA)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def source_facts() -> dict:
    """The source's facts, kept in the repository as a checklist (tests/source_facts.yml)."""
    return yaml.safe_load(SOURCE_FACTS.read_text(encoding="utf-8"))
