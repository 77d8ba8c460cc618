"""Every template of Material's (or of MkDocs', such as the sitemap) forked in overrides/ records,
in its opening comment, the file and version it derives from and the sha256 of that original; when
an upgrade changes the original, a test names the fork to bring up to date."""

from __future__ import annotations

import hashlib
import importlib.metadata
import re
from pathlib import Path

import material
import mkdocs

from project import ROOT

OVERRIDES = ROOT / "overrides"
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
MKDOCS_TEMPLATES = Path(mkdocs.__file__).parent / "templates"
ORIGIN = re.compile(r"\A\{#- Forked from (?P<package>Material for MkDocs|MkDocs) (?P<version>\S+), (?P<file>\S+) "
                    r"\(sha256 (?P<sha256>[0-9a-f]{64})\)\.")
PACKAGES = {"Material for MkDocs": "mkdocs-material", "MkDocs": "mkdocs"}


def forks(overrides: Path, templates: dict[str, Path]) -> list[tuple[Path, str]]:
    """The files of `overrides` that replace a template of the same name, each with the package
    whose template it replaces (a template that extends one, such as main.html, replaces nothing:
    it fills blocks). Material's templates come first, as the theme looks them up."""
    found = []
    for path in sorted(p for p in overrides.rglob("*") if p.suffix in (".html", ".xml")):
        package = next((name for name, folder in templates.items() if (folder / path.relative_to(overrides)).is_file()), None)
        if package and "{% extends" not in path.read_text(encoding="utf-8"):
            found.append((path, package))
    return found


def drift(overrides: Path, templates: dict[str, Path]) -> list[str]:
    """Forks that record no origin, or whose recorded original is no longer the package's."""
    found = []
    for path, package in forks(overrides, templates):
        name = path.relative_to(overrides).as_posix()
        origin = ORIGIN.match(path.read_text(encoding="utf-8"))
        if not origin:
            found.append(f"overrides/{name}: replaces {package}'s {name} but does not record which version "
                         "and sha256 it derives from")
            continue
        original = templates[origin["package"]] / origin["file"]
        digest = hashlib.sha256(original.read_bytes()).hexdigest() if original.is_file() else "(file gone)"
        if origin["package"] != package or origin["file"] != name or digest != origin["sha256"]:
            found.append(f"overrides/{name}: derives from {origin['package']} {origin['version']}'s {origin['file']}, "
                         f"which {package} {installed_version(package)} has changed (sha256 {digest}): compare the two, "
                         "carry the changes over, and record the new version and sha256")
    return found


def installed_version(package: str) -> str:
    return importlib.metadata.version(PACKAGES.get(package, package))


def test_every_fork_derives_from_the_installed_theme():
    templates = {"Material for MkDocs": MATERIAL_TEMPLATES, "MkDocs": MKDOCS_TEMPLATES}
    assert {package for _, package in forks(OVERRIDES, templates)} == set(templates), "is Material installed?"
    problems = drift(OVERRIDES, templates)
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
    problems = drift(overrides, {"Material for MkDocs": templates})
    assert len(problems) == 2
    assert problems[0].startswith("overrides/partials/footer.html: replaces Material for MkDocs's partials/footer.html but")
    assert problems[1].startswith("overrides/partials/toc.html: derives from Material for MkDocs 9.0.0's partials/toc.html, which")
