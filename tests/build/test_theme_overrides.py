"""Every Material template forked in overrides/ records, in its opening comment, the Material file
and version it derives from and the sha256 of that original; when an upgrade of Material changes
the original, a test names the fork to bring up to date."""

from __future__ import annotations

import hashlib
import importlib.metadata
import re
from pathlib import Path

import material

from project import ROOT

OVERRIDES = ROOT / "overrides"
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
ORIGIN = re.compile(r"\A\{#- Forked from Material for MkDocs (?P<version>\S+), (?P<file>\S+) \(sha256 (?P<sha256>[0-9a-f]{64})\)\.")


def forks(overrides: Path, templates: Path) -> list[Path]:
    """The files of `overrides` that replace a Material template of the same name (a template that
    extends Material's, such as main.html, replaces nothing: it fills blocks)."""
    return [path for path in sorted(overrides.rglob("*.html"))
            if (templates / path.relative_to(overrides)).is_file() and "{% extends" not in path.read_text(encoding="utf-8")]


def drift(overrides: Path, templates: Path) -> list[str]:
    """Forks that record no origin, or whose recorded original is no longer Material's."""
    found = []
    for path in forks(overrides, templates):
        name = path.relative_to(overrides).as_posix()
        origin = ORIGIN.match(path.read_text(encoding="utf-8"))
        if not origin:
            found.append(f"overrides/{name}: replaces Material's {name} but does not record which version "
                         "and sha256 it derives from")
            continue
        original = templates / origin["file"]
        digest = hashlib.sha256(original.read_bytes()).hexdigest() if original.is_file() else "(file gone)"
        if origin["file"] != name or digest != origin["sha256"]:
            found.append(f"overrides/{name}: derives from Material {origin['version']}'s {origin['file']}, "
                         f"which Material {installed_version()} has changed (sha256 {digest}): compare the two, "
                         "carry the changes over, and record the new version and sha256")
    return found


def installed_version() -> str:
    return importlib.metadata.version("mkdocs-material")


def test_every_fork_derives_from_the_installed_material():
    assert forks(OVERRIDES, MATERIAL_TEMPLATES), "no fork found: is Material installed?"
    problems = drift(OVERRIDES, MATERIAL_TEMPLATES)
    assert not problems, "\n".join(problems)


def test_a_changed_original_names_the_fork(tmp_path):
    """The check above can fail: a fork whose original changed, and one that records no origin."""
    templates, overrides = tmp_path / "material", tmp_path / "overrides"
    (templates / "partials").mkdir(parents=True)
    (overrides / "partials").mkdir(parents=True)
    (templates / "partials" / "toc.html").write_text("<nav>new</nav>", encoding="utf-8")
    (templates / "partials" / "footer.html").write_text("<footer></footer>", encoding="utf-8")
    (templates / "main.html").write_text("{% extends 'base.html' %}", encoding="utf-8")
    old = hashlib.sha256(b"<nav>old</nav>").hexdigest()
    (overrides / "partials" / "toc.html").write_text(
        f"{{#- Forked from Material for MkDocs 9.0.0, partials/toc.html (sha256 {old}).\n    A fix. -#}}\n<nav>",
        encoding="utf-8")
    (overrides / "partials" / "footer.html").write_text("{#- A fix. -#}\n<footer>", encoding="utf-8")
    (overrides / "main.html").write_text("{% extends 'base.html' %}\n{% block x %}{% endblock %}", encoding="utf-8")
    problems = drift(overrides, templates)
    assert len(problems) == 2
    assert problems[0].startswith("overrides/partials/footer.html: replaces Material's partials/footer.html but")
    assert problems[1].startswith("overrides/partials/toc.html: derives from Material 9.0.0's partials/toc.html, which")
