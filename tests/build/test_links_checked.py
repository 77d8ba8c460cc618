"""LinkChecker finds no broken link and gives no warning anywhere on the built site, served over
HTTP on 127.0.0.1 under a subpath, as GitHub Pages serves a project site (the `subpath_site` of
tests/conftest.py); links to other hosts are not followed (no network), and a link from the host's
root, which LinkChecker would take for another site, is caught by tests/build/test_subpath.py. And
every link's anchor is on the page it leads to.

Anchors are checked here from the built files rather than by LinkChecker's AnchorCheck, which
fetches and parses a page once per anchor linked to (330 downloads instead of 120, and four times
the time); each page is read once here."""

from __future__ import annotations

import html.parser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from link_check import link_problems
from local_server import serve
from site_pages import NOT_FOUND_PAGE, page_files


def test_no_broken_link_download_or_redirect_under_the_subpath(subpath_site, tmp_path):
    """LinkChecker, from every HTML file the build wrote (pages, redirect pages and the 404 page),
    follows every link on the host: pages, assets, figures' links and open-data downloads."""
    site, url = subpath_site.site, subpath_site.url
    files = sorted(site.rglob("*.html"))
    assert any(f.name == NOT_FOUND_PAGE for f in files) and len(files) > len(page_files(site)), "redirects are checked"
    found = link_problems([url + f.relative_to(site).as_posix().removesuffix("index.html") for f in files], tmp_path)
    assert not found, "\n".join(found)


def test_a_broken_link_is_caught(tmp_path):
    """The check above can fail: a link to a page that is not there is reported."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<!doctype html><title>a</title><a href="b.html">b</a>'
                                     '<a href="gone.html">gone</a>', encoding="utf-8")
    (site / "b.html").write_text('<!doctype html><title>b</title><h1 id="here">b</h1>', encoding="utf-8")
    server, url = serve(site)
    try:
        found = link_problems([url + "/"], tmp_path)
    finally:
        server.shutdown()
    assert len(found) == 1 and "gone.html" in found[0]


class _Links(html.parser.HTMLParser):
    """The ids and names a page holds, and the addresses its elements link to."""

    def __init__(self) -> None:
        super().__init__()
        self.anchors: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" or (name == "name" and tag == "a"):
                self.anchors.add(value or "")
            elif name in ("href", "xlink:href") and value:
                self.links.append(value)


def broken_anchors(site: Path) -> list[str]:
    """Links from the pages of `site` to an anchor that the page they lead to does not hold."""
    read: dict[Path, _Links] = {}

    def links_of(file: Path) -> _Links:
        if file not in read:
            read[file] = _Links()
            read[file].feed(file.read_text(encoding="utf-8"))
        return read[file]

    found = []
    for file in page_files(site):
        page_url = "http://site/" + file.relative_to(site).as_posix()
        for href in links_of(file).links:
            target = urlsplit(urljoin(page_url, href))
            if target.netloc != "site" or not target.fragment:
                continue
            path = site / unquote(target.path).lstrip("/")
            path = path / "index.html" if target.path.endswith("/") else path
            if path.suffix == ".html" and path.is_file() and unquote(target.fragment) not in links_of(path).anchors:
                found.append(f"/{file.relative_to(site).as_posix()}: {href} leads to no anchor")
    return found


def test_every_anchor_linked_to_is_there(subpath_site):
    found = broken_anchors(subpath_site.site)
    assert not found, "\n".join(found)


def test_a_broken_anchor_is_caught(tmp_path):
    """The check above can fail: a link to an anchor that is not there is reported; one that is
    there, on the same page or another, is not."""
    (tmp_path / "b").mkdir()
    (tmp_path / "index.html").write_text('<!doctype html><title>a</title><h1 id="top">a</h1><a href="#top">a</a>'
                                         '<a href="b/#here">b</a><a href="b/#gone">b</a>', encoding="utf-8")
    (tmp_path / "b" / "index.html").write_text('<!doctype html><title>b</title><h1 id="here">b</h1>', encoding="utf-8")
    assert broken_anchors(tmp_path) == ["/index.html: b/#gone leads to no anchor"]
