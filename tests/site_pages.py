"""The pages of a built site, as the quality gate visits them: every page MkDocs wrote, redirect
stubs left out (they hold no content, only a refresh to the page that replaced them)."""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from pathlib import Path

REDIRECT_STUB = re.compile(r"<meta\s+http-equiv=[\"']refresh[\"']", re.IGNORECASE)
NOT_FOUND_PAGE = "404.html"


EDITIONS = ("ja",)  # the folders of the editions besides the English one at the root


def page_files(site: Path) -> list[Path]:
    """Every page of `site` and its editions: each index.html that is not a redirect stub, and the
    404 pages."""
    files = [*sorted(site.rglob("index.html")), site / NOT_FOUND_PAGE, *(site / e / NOT_FOUND_PAGE for e in EDITIONS)]
    return [f for f in files if f.is_file() and not REDIRECT_STUB.search(f.read_text(encoding="utf-8"))]


def page_paths(site: Path) -> list[str]:
    """The URL path of each page of `site`, as served from its root: '/', '/participants/', '/404.html'."""
    paths = []
    for file in page_files(site):
        relative = file.relative_to(site).as_posix()
        paths.append("/" + relative.removesuffix("index.html") if relative.endswith("index.html") else "/" + relative)
    return paths


def page_kind(path: str) -> str:
    """Pages of one kind come from one template: '/participants/*/' for every participant's page,
    in every edition ('/ja/participants/japan/' too: an edition's page has the same elements, with
    the same tags and classes, in another language); each page outside a section's items ('/',
    '/about/', '/participants/', '/404.html') is its own kind, with its pages in the editions."""
    parts = edition_of(path)[1].strip("/").split("/")
    return f"/{parts[0]}/*/" if len(parts) > 1 else edition_of(path)[1]


def edition_of(path: str) -> tuple[str, str]:
    """('/ja', '/participants/japan/') for '/ja/participants/japan/'; ('', path) for an English page."""
    first = path.strip("/").split("/")[0]
    return (f"/{first}", path.removeprefix(f"/{first}")) if first in EDITIONS else ("", path)


def components(site: Path, path: str) -> set[tuple[str, ...]]:
    """The kinds of element on a page: each element's tag with its classes."""
    found: set[tuple[str, ...]] = set()

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.add((tag, *sorted((dict(attrs).get("class") or "").split())))

    file = site / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
    Collector().feed(file.read_text(encoding="utf-8"))
    return found


@functools.cache  # a site is built once and then only read: its pages are read once in a test process
def pages_with_every_component(site: Path) -> tuple[str, ...]:
    """Few pages of each kind that between them hold every kind of element (tag and classes) found on
    any page of that kind: the page with the most, then the page adding the most not yet held, and so on."""
    kinds: dict[str, list[str]] = {}
    for path in page_paths(site):
        kinds.setdefault(page_kind(path), []).append(path)
    chosen = []
    for paths in kinds.values():
        held = {path: components(site, path) for path in paths}
        missing = set().union(*held.values())
        while missing:
            best = max(paths, key=lambda path: len(held[path] & missing))
            chosen.append(best)
            missing -= held[best]
    return tuple(chosen)


def language_of(relative: str) -> str:
    """The language of the page at `relative` (a path in the site, 'ja/about/index.html'):
    its edition's folder, or English at the root."""
    first = relative.strip("/").split("/")[0]
    return first if first in EDITIONS else "en"
