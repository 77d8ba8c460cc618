"""Fixtures shared by every kind of test: the real record, one strict build of the site, one
build for an address under a subpath (as a project site on GitHub Pages is published), one build
from hostile data and one from data whose items changed ids."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from local_server import serve
from meeting_record.data.languages import LANGUAGES
from meeting_record.data.load_record import check_data
from hostile_data import text_fields, write_hostile_data
from link_contract import rename_item
from meeting_record.data.record import Record
from project import DATA, ROOT, SOURCE_FACTS, build_site, make_build, project_copy
from scheduling import shared_build_scheduler

SUBPATH = "g7-2024"  # the folder the subpath build is served from, as a repository's name would be


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook: without the plugin (-p no:xdist), not called
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    return shared_build_scheduler(config, log)


@dataclass(frozen=True)
class HostedSite:
    site: Path  # the built site
    url: str  # the address it was built for and is served at, with a trailing slash
    printed: str = ""  # what `make build` printed on its error stream, where it made the site


@pytest.fixture(scope="session")
def records() -> dict[str, Record]:
    """The real record in each of its languages, from one check of the data."""
    checked = check_data(DATA)
    return {language: checked.record(language) for language in LANGUAGES}


@pytest.fixture(scope="session")
def record(records) -> Record:
    return records["en"]


@pytest.fixture(scope="session")
def hosted_site(tmp_path_factory: pytest.TempPathFactory):
    """The site, built for the address it is then served at on 127.0.0.1: the server starts first,
    so the build knows its port, and canonical links, the sitemap and the 404 page point there."""
    folder = tmp_path_factory.mktemp("site")
    server, url = serve(folder)
    yield HostedSite(build_site(folder, site_url=url + "/"), url + "/")
    server.shutdown()


@pytest.fixture(scope="session")
def built_site(hosted_site: HostedSite) -> Path:
    return hosted_site.site


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory: pytest.TempPathFactory):
    """The site as `make build` builds it with SITE_URL=http://127.0.0.1:PORT/g7-2024/, served there;
    any other address on the host gets the site's 404 page, as GitHub Pages serves a project site.
    (Built with hash seed 1 in UTC: test_reproducible builds it again otherwise.)"""
    host = tmp_path_factory.mktemp("host")
    server, url = serve(host, not_found_page=host / SUBPATH / "404.html")
    project = project_copy(tmp_path_factory.mktemp("subpath"))
    address = f"{url}/{SUBPATH}/"
    run = make_build(project, SITE_URL=address, PYTHONHASHSEED="1", TZ="UTC")
    assert run.returncode == 0, run.stdout + run.stderr
    (project / "site").rename(host / SUBPATH)
    yield HostedSite(host / SUBPATH, address, run.stderr)
    server.shutdown()


@pytest.fixture(scope="session")
def source_facts() -> dict:
    """The source's facts, kept in the repository as a checklist (tests/source_facts.yml)."""
    return yaml.safe_load(SOURCE_FACTS.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy as `make offline` writes it (scripts/offline.py), unzipped: its folder."""
    archive = tmp_path_factory.mktemp("dist") / "offline.zip"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "offline.py"), str(archive)],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(folder)
    (copy,) = folder.iterdir()
    return copy


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, str]]]:
    """The site built from data whose every text field is an attack in every language (see
    `hostile_data`), and the text written into each field of that data, by language."""
    project = project_copy(tmp_path_factory.mktemp("hostile"))
    write_hostile_data(project / "data")
    site = build_site(project / "site", config_file=project / "mkdocs.yml")
    return site, {language: text_fields(project / "data", language) for language in LANGUAGES}


# Items given new ids in `renamed_builds`: (file, former id, new id).
RENAMED = [("statements.yml", "open-ran", "open-ran-in-mobile-markets"), ("people.yml", "steve-lang", "lang-steve"),
           ("statements.yml", "cultural-linguistic-diversity", "cultures-and-languages"),
           ("people.yml", "marina-ferrari", "ferrari-marina")]


@pytest.fixture(scope="session")
def renamed_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Path]:
    """Sites built from data in which the items of RENAMED have new ids, without (False) and with
    (True) their former ids listed. Without them, the English edition alone: it shows the links
    that break; with them, every edition, which keeps every link of the contract."""
    sites = {}
    for keep_old in (False, True):
        project = project_copy(tmp_path_factory.mktemp(f"renamed-{keep_old}"))
        for file, old, new in RENAMED:
            rename_item(project, file, old, new, keep_old)
        sites[keep_old] = build_site(project / "site", config_file=project / "mkdocs.yml", editions=keep_old)
    return sites
