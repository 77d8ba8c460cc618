"""Serve a folder over HTTP on 127.0.0.1 for the length of a test, as a static host does: an unknown
address gets the site's own 404 page (GitHub Pages serves a site's 404.html so), with status 404."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    not_found_page: Path | None = None

    def end_headers(self) -> None:
        # LinkChecker paces itself to about three requests a second unless the server answers with
        # this header, which says the checker may go as fast as it likes.
        self.send_header("LinkChecker", "allowed")
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self.not_found_page or Path(self.directory) / "404.html"
        if code != 404 or self.command not in ("GET", "HEAD") or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(directory: Path, not_found_page: Path | None = None) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `directory` and return the server and its base URL (no trailing slash). An unknown
    address gets `not_found_page`, or else the folder's 404.html, where there is one."""
    handler = type("Handler", (_SiteHandler,), {"not_found_page": not_found_page})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
