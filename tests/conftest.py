"""Fixtures shared by every kind of test: the real record and one strict build of the site."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from load_record import load_record
from record import Record

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SOURCE_DIR = ROOT.parent / "shared" / "source"


def build_site(site_dir: Path, config_file: Path = ROOT / "mkdocs.yml", **overrides) -> Path:
    """Build the site strictly into `site_dir`, as `make build` does, and return it."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    config = load_config(str(config_file), strict=True, site_dir=str(site_dir), **overrides)
    build(config)
    return site_dir


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
