"""`make build` replaces site/ only when the build succeeds: a failed build leaves the published
site byte for byte as it was, and no half-written folder beside it."""

from __future__ import annotations

import shutil
from pathlib import Path

from project import make_build, project_copy


def snapshot(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_a_failed_build_leaves_the_published_site_as_it_was(tmp_path, built_site):
    project = project_copy(tmp_path)
    shutil.copytree(built_site, project / "site")  # as published by an earlier build
    published = snapshot(project / "site")
    assert "index.html" in published and "people/steve-lang/index.html" in published

    people = project / "data" / "people.yml"
    good = people.read_text(encoding="utf-8")
    people.write_text(good.replace("participant: usa", "participant: us"), encoding="utf-8")
    failed = make_build(project)

    assert failed.returncode != 0
    assert "people[4] (id steve-lang).participant: there is no participant with the id 'us'" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert snapshot(project / "site") == published
    assert site_folders(project) == ["site"]

    # A broken link fails the strict build only at its end, when every page has been written.
    outcome = project / "docs" / "outcome.md"
    outcome.write_text(outcome.read_text(encoding="utf-8") + "\n[A page](no-such-page.md)\n", encoding="utf-8")
    people.write_text(good, encoding="utf-8")
    failed_late = make_build(project)
    assert failed_late.returncode != 0
    assert "no-such-page.md" in failed_late.stderr and "Traceback" not in failed_late.stderr
    assert snapshot(project / "site") == published
    assert site_folders(project) == ["site"]
    outcome.write_text(outcome.read_text(encoding="utf-8").replace("\n[A page](no-such-page.md)\n", ""), encoding="utf-8")

    # Mended, the next build does replace it: a file only the old site had is gone.
    people.write_text(good.replace("en: Steve Lang\n", "en: Stephen Lang\n"), encoding="utf-8")
    (project / "site" / "stale.html").write_text("left from an old build", encoding="utf-8")
    rebuilt = make_build(project)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert not (project / "site" / "stale.html").exists()
    assert "Stephen Lang" in (project / "site" / "people" / "steve-lang" / "index.html").read_text(encoding="utf-8")
    assert site_folders(project) == ["site"]


def site_folders(project: Path) -> list[str]:
    """site/, and any site.new or site.old that a build left behind."""
    return sorted(path.name for path in project.iterdir() if path.name.startswith("site"))
