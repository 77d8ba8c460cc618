"""Fixtures shared by every kind of test: the real record, one strict build of the site, one
build from hostile data and one from data whose items changed ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from meeting_record.data.load_record import load_record
from link_contract import rename_item
from hostile_data import text_fields, write_hostile_data
from project import DATA, SOURCE_DIR, build_site, project_copy
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


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The site built from data whose every text field is an attack (see `hostile_data`), and the
    text written into each field of that data."""
    project = project_copy(tmp_path_factory.mktemp("hostile"))
    write_hostile_data(project / "data")
    site = build_site(project / "site", config_file=project / "mkdocs.yml")
    return site, text_fields(project / "data")


# Items given new ids in `renamed_builds`: (file, former id, new id).
RENAMED = [("statements.yml", "open-ran", "open-ran-in-mobile-markets"), ("people.yml", "steve-lang", "lang-steve"),
           ("statements.yml", "cultural-linguistic-diversity", "cultures-and-languages"),
           ("people.yml", "marina-ferrari", "ferrari-marina")]


@pytest.fixture(scope="session")
def renamed_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Path]:
    """Sites built from data in which the items of RENAMED have new ids, without (False) and with
    (True) their former ids listed."""
    sites = {}
    for keep_old in (False, True):
        project = project_copy(tmp_path_factory.mktemp(f"renamed-{keep_old}"))
        for file, old, new in RENAMED:
            rename_item(project, file, old, new, keep_old)
        sites[keep_old] = build_site(project / "site", config_file=project / "mkdocs.yml")
    return sites
