"""LinkChecker finds no broken link and gives no warning anywhere on the built site, served over
HTTP on 127.0.0.1 (links to other hosts are not followed: no network); and every link's anchor is
on the page it leads to.

Anchors are checked here from the built files rather than by LinkChecker's AnchorCheck, which
fetches and parses a page once per anchor linked to (330 downloads instead of 120, and four times
the time); each page is read once here."""

from __future__ import annotations

import csv
import functools
import html.parser
import http.server
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from site_pages import page_files, page_paths

LINKCHECKER = Path(sys.executable).with_name("linkchecker")
CONFIG = """\
[checking]
threads=4
maxrequestspersecond=1000
[filtering]
checkextern=0
"""


class _LinkCheckerHandler(http.server.SimpleHTTPRequestHandler):
    """LinkChecker paces itself to about three requests a second unless the server answers with a
    LinkChecker header, which says the checker may go as fast as it likes."""

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "allowed")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def serve_for_linkchecker():
    servers = []

    def serve(directory: Path) -> str:
        handler = functools.partial(_LinkCheckerHandler, directory=str(directory))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield serve
    for server in servers:
        server.shutdown()


def problems(urls: list[str], tmp_path: Path) -> list[str]:
    """LinkChecker's errors and warnings for everything reachable from `urls`, one line each."""
    config = tmp_path / "linkcheckerrc"
    config.write_text(CONFIG, encoding="utf-8")
    run = subprocess.run([str(LINKCHECKER), "--config", str(config), "--no-status", "--output", "csv", *urls],
                         capture_output=True, text=True)
    rows = csv.DictReader((line for line in run.stdout.splitlines() if not line.startswith("#")), delimiter=";")
    found = [f"{r['url']} (on {r['parentname']}, line {r['line']}): {r['result']} {r['warningstring']}".strip()
             for r in rows]
    if run.returncode not in (0, 1) or (run.returncode == 1 and not found):
        found.append(f"linkchecker failed (exit {run.returncode}): {run.stderr.strip()[-2000:]}")
    return found


def test_no_broken_link_or_anchor(built_site, serve_for_linkchecker, tmp_path):
    base = serve_for_linkchecker(built_site)
    found = problems([base + path for path in page_paths(built_site)], tmp_path)
    assert not found, "\n".join(found)


def test_a_broken_link_is_caught(serve_for_linkchecker, tmp_path):
    """The check above can fail: a link to a page that is not there is reported."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<!doctype html><title>a</title><a href="b.html">b</a>'
                                     '<a href="gone.html">gone</a>', encoding="utf-8")
    (site / "b.html").write_text('<!doctype html><title>b</title><h1 id="here">b</h1>', encoding="utf-8")
    found = problems([serve_for_linkchecker(site) + "/"], tmp_path)
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


def test_every_anchor_linked_to_is_there(built_site):
    found = broken_anchors(built_site)
    assert not found, "\n".join(found)


def test_a_broken_anchor_is_caught(tmp_path):
    """The check above can fail: a link to an anchor that is not there is reported; one that is
    there, on the same page or another, is not."""
    (tmp_path / "b").mkdir()
    (tmp_path / "index.html").write_text('<!doctype html><title>a</title><h1 id="top">a</h1><a href="#top">a</a>'
                                         '<a href="b/#here">b</a><a href="b/#gone">b</a>', encoding="utf-8")
    (tmp_path / "b" / "index.html").write_text('<!doctype html><title>b</title><h1 id="here">b</h1>', encoding="utf-8")
    assert broken_anchors(tmp_path) == ["/index.html: b/#gone leads to no anchor"]
