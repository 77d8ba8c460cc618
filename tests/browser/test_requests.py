"""Every page loads from the site's own host alone, and logs no console error; so does a search.

Requests to any other host are recorded and blocked, so that the test itself sends nothing out."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from site_pages import page_paths

LOCAL_SCHEMES = {"data", "blob", "about"}


class PageWatch:
    """What a browser context asked of other hosts, and the errors its pages logged."""

    def __init__(self, context, site_url: str):
        self.host = urlsplit(site_url).netloc
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.path = ""
        context.route("**/*", self._route)

    def _route(self, route) -> None:
        url = urlsplit(route.request.url)
        if url.scheme in LOCAL_SCHEMES or url.netloc == self.host:
            route.continue_()
        else:
            self.foreign.append(f"{self.path}: {route.request.url}")
            route.abort("blockedbyclient")

    def watch(self, page) -> None:
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"{self.path}: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"{self.path}: uncaught {e}"))


@pytest.fixture
def watched(browser, site_url):
    context = browser.new_context()
    watch = PageWatch(context, site_url)
    page = context.new_page()
    watch.watch(page)
    yield page, watch
    context.close()


def test_pages_load_nothing_from_other_hosts_and_log_no_error(watched, site_url, built_site):
    page, watch = watched
    for path in page_paths(built_site):
        watch.path = path
        page.goto(site_url + path, wait_until="networkidle")
    assert not watch.foreign, "requests to other hosts:\n" + "\n".join(watch.foreign)
    assert not watch.errors, "console errors:\n" + "\n".join(watch.errors)


def test_search_loads_nothing_from_other_hosts_and_finds_the_meeting(watched, site_url):
    page, watch = watched
    watch.path = "/ (search)"
    page.goto(site_url + "/", wait_until="networkidle")
    page.locator(".md-search__input").click()
    page.keyboard.type("Verona")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    assert not watch.foreign, "requests to other hosts:\n" + "\n".join(watch.foreign)
    assert not watch.errors, "console errors:\n" + "\n".join(watch.errors)


def test_a_request_to_another_host_is_caught(watched, site_url):
    """The check above can fail: a page that loads a file from another host is reported."""
    page, watch = watched
    watch.path = "/ (with a foreign image)"
    page.goto(site_url + "/")
    page.evaluate("""() => { const img = new Image(); img.src = 'http://192.0.2.1/pixel.png';
                             document.body.append(img); }""")
    page.wait_for_timeout(300)
    assert watch.foreign == ["/ (with a foreign image): http://192.0.2.1/pixel.png"]
