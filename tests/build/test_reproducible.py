"""Two builds of the same sources are byte-identical, wherever and whenever they run: `make build`
dates the output from SOURCE_DATE_EPOCH (the last commit, or a fixed date outside git), never the
clock, and nothing depends on the folder, the time zone or Python's hash seed."""

from __future__ import annotations

import datetime
import gzip
import struct
from pathlib import Path

from project import make_build, project_copy

FALLBACK_DATE = datetime.date(2024, 3, 18)  # the Makefile's date outside a git checkout


def tree(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_builds_are_byte_identical_and_dated_from_source_date_epoch(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "elsewhere" / "b").mkdir(parents=True)
    first, second = project_copy(tmp_path / "a"), project_copy(tmp_path / "elsewhere" / "b")
    assert make_build(first, PYTHONHASHSEED="1", TZ="UTC").returncode == 0
    assert make_build(second, PYTHONHASHSEED="2", TZ="Asia/Tokyo", LC_ALL="C.UTF-8").returncode == 0
    one, two = tree(first / "site"), tree(second / "site")
    assert len(one) > 40
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    assert _gzip_date(first / "site" / "sitemap.xml.gz") == FALLBACK_DATE

    assert make_build(first, SOURCE_DATE_EPOCH="1710460800").returncode == 0
    assert _gzip_date(first / "site" / "sitemap.xml.gz") == datetime.date(2024, 3, 15)


def _gzip_date(path: Path) -> datetime.date:
    """The date in a gzip file's header (MTIME, bytes 4 to 8), which MkDocs takes from the pages' dates."""
    header = path.read_bytes()[:10]
    assert header[:2] == b"\x1f\x8b"
    gzip.decompress(path.read_bytes())  # and it is whole
    return datetime.datetime.fromtimestamp(struct.unpack("<I", header[4:8])[0], datetime.timezone.utc).date()
