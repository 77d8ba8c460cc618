"""LinkChecker, checking anchors too, finds no broken link and gives no warning anywhere on the
built site, served over HTTP on 127.0.0.1. Links to other hosts are not followed (no network)."""

from __future__ import annotations

import csv
import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from site_pages import page_paths

LINKCHECKER = Path(sys.executable).with_name("linkchecker")
CONFIG = """\
[checking]
threads=4
maxrequestspersecond=1000
[filtering]
checkextern=0
[AnchorCheck]
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


def test_a_broken_anchor_is_caught(serve_for_linkchecker, tmp_path):
    """The check above can fail: a link to an anchor that is not there is reported."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<!doctype html><title>a</title><a href="b.html#gone">b</a>', encoding="utf-8")
    (site / "b.html").write_text('<!doctype html><title>b</title><h1 id="here">b</h1>', encoding="utf-8")
    found = problems([serve_for_linkchecker(site) + "/"], tmp_path)
    assert len(found) == 1 and "#gone" in found[0]
