"""The pages of a built site, as the quality gate visits them: every page MkDocs wrote, redirect
stubs left out (they hold no content, only a refresh to the page that replaced them)."""

from __future__ import annotations

import re
from pathlib import Path

REDIRECT_STUB = re.compile(r"<meta\s+http-equiv=[\"']refresh[\"']", re.IGNORECASE)
NOT_FOUND_PAGE = "404.html"


def page_files(site: Path) -> list[Path]:
    """Every page of `site`: each index.html that is not a redirect stub, and the 404 page."""
    files = [*sorted(site.rglob("index.html")), site / NOT_FOUND_PAGE]
    return [f for f in files if f.is_file() and not REDIRECT_STUB.search(f.read_text(encoding="utf-8"))]


def page_paths(site: Path) -> list[str]:
    """The URL path of each page of `site`, as served from its root: '/', '/participants/', '/404.html'."""
    paths = []
    for file in page_files(site):
        relative = file.relative_to(site).as_posix()
        paths.append("/" + relative.removesuffix("index.html") if relative.endswith("index.html") else "/" + relative)
    return paths
