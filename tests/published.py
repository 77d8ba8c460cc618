"""What a site built for its address says about that address: the sitemap's pages, each page's
canonical link and og:url, any link that starts at the host's root instead of the site's, and a
page's visible text."""

from __future__ import annotations

import html
import re
from pathlib import Path

CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)">')
OG_URL = re.compile(r'<meta property="og:url" content="([^"]*)">')
LOC = re.compile(r"<loc>([^<]*)</loc>")
# A link from the host's root ("/about/"), not from the page or a full address; "//host/" is not one.
_ROOT_ABSOLUTE = [
    re.compile(r"""\b(?:href|src|action|poster|data|xlink:href)\s*=\s*["']?/(?![/])"""),
    re.compile(r"""\bsrcset\s*=\s*["'][^"']*?(?:^|,\s*|["'])/(?![/])"""),
    re.compile(r"""\burl\(\s*["']?/(?![/])"""),
    re.compile(r"""\bcontent\s*=\s*["']\d+\s*;\s*url=/(?![/])""", re.IGNORECASE),
    re.compile(r'"location"\s*:\s*"/'),
]
_SCANNED = {".html", ".css", ".svg", ".xml", ".json"}


def sitemap_locations(site: Path) -> list[str]:
    return LOC.findall((site / "sitemap.xml").read_text(encoding="utf-8"))


def root_absolute_links(site: Path) -> list[str]:
    """Every link in the site's pages, styles, drawings, sitemap and data that starts at the host's
    root, as 'file: text'. Such a link leaves the site when it is published under a subpath."""
    found = []
    for file in sorted(site.rglob("*")):
        if file.suffix not in _SCANNED or not file.is_file():
            continue
        text = file.read_text(encoding="utf-8")
        found += [f"{file.relative_to(site)}: {m.group(0)}" for pattern in _ROOT_ABSOLUTE for m in pattern.finditer(text)]
    return found


def visible_text(markup: str) -> str:
    """The text of a page's article, its tags turned into spaces."""
    main = markup.split('<article', 1)[1].split("</article>", 1)[0]
    text = re.sub(r"<[^>]+>", " ", main)
    return re.sub(r"\s+", " ", html.unescape(text))
