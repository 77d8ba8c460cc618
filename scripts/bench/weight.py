"""Page weight: every byte a browser fetches from the site's own host to show a page and settle
(the page, its styles, scripts, images and the search index), raw and gzip-compressed."""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-sandbox"]


@dataclass(frozen=True)
class Weight:
    raw: int
    gzipped: int
    requests: int
    failed_elsewhere: int  # requests to other hosts, which this machine cannot reach
    files: dict[str, int] = field(default_factory=dict)  # raw bytes by path on the site


def page_weights(urls: list[str]) -> list[Weight]:
    """The weight of each of `urls`, each loaded in a fresh browser context (nothing cached)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return [_weigh(browser, url) for url in urls]
        finally:
            browser.close()


def _weigh(browser, url: str) -> Weight:
    host = urlsplit(url).netloc
    context = browser.new_context()
    page = context.new_page()
    responses, elsewhere = [], []
    page.on("response", lambda r: responses.append(r) if urlsplit(r.url).netloc == host else None)
    page.on("requestfailed", lambda r: elsewhere.append(r.url) if urlsplit(r.url).netloc != host else None)
    page.goto(url, wait_until="networkidle")
    bodies = {urlsplit(r.url).path: r.body() for r in responses if r.status == 200}
    context.close()
    raw = sum(len(b) for b in bodies.values())
    gzipped = sum(min(len(b), len(gzip.compress(b, compresslevel=6, mtime=0))) for b in bodies.values())
    return Weight(raw, gzipped, len(bodies), len(elsewhere), {path: len(b) for path, b in bodies.items()})
