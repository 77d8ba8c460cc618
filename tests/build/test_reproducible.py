"""Two builds of the same sources are byte-identical, wherever and whenever they run: `make build`
dates the output from SOURCE_DATE_EPOCH (the last commit, or a fixed date outside git), never the
clock, and nothing depends on the folder, the time zone or Python's hash seed. And a clean build,
as a person runs it, prints no warning."""

from __future__ import annotations

import datetime
import gzip
import struct
from pathlib import Path

import pytest

from project import build_site, make_build, project_copy

FALLBACK_DATE = datetime.date(2024, 3, 18)  # the Makefile's date outside a git checkout


def tree(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def two_builds(subpath_site, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    """Two `make build`s of two copies of the project for one address, in other folders, with other
    hash seeds, time zones and locales: the subpath site the suite builds anyway (conftest.py), and
    one more; the two sites, and what each build printed on its error stream."""
    folder = tmp_path_factory.mktemp("elsewhere") / "b"
    folder.mkdir()
    project = project_copy(folder)
    run = make_build(project, SITE_URL=subpath_site.url, PYTHONHASHSEED="2", TZ="Asia/Tokyo", LC_ALL="C.UTF-8")
    assert run.returncode == 0, run.stderr
    return subpath_site.site, project / "site", [subpath_site.printed, run.stderr]


def test_two_builds_are_byte_identical_and_dated_from_the_source(two_builds):
    first, second, _ = two_builds
    one, two = tree(first), tree(second)
    assert len(one) > 40
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    assert _gzip_date(first / "sitemap.xml.gz") == FALLBACK_DATE


def test_a_clean_build_prints_no_warning(two_builds):
    for printed in two_builds[2]:
        assert "WARNING" not in printed and "ERROR" not in printed, printed


def test_the_build_is_dated_from_source_date_epoch(tmp_path, monkeypatch):
    """The variable as `make build` passes it on from the environment, or sets it from the last
    commit (built here in-process, the English edition alone: every edition is dated alike)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1710460800")
    site = build_site(tmp_path / "site", editions=False)
    assert _gzip_date(site / "sitemap.xml.gz") == datetime.date(2024, 3, 15)


def _gzip_date(path: Path) -> datetime.date:
    """The date in a gzip file's header (MTIME, bytes 4 to 8), which MkDocs takes from the pages' dates."""
    header = path.read_bytes()[:10]
    assert header[:2] == b"\x1f\x8b"
    gzip.decompress(path.read_bytes())  # and it is whole
    return datetime.datetime.fromtimestamp(struct.unpack("<I", header[4:8])[0], datetime.timezone.utc).date()
