"""A search loads from the site's own host alone and logs no console error (every page is checked
the same way in test_every_page.py), and a request to another host is caught.

Requests to any other host are recorded, and the browser refuses to send them (conftest.py), so
that the test itself sends nothing out."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from page_checks import PageWatch


@pytest.fixture
def watched(browser, site_url):
    context = browser.new_context()
    watch = PageWatch(context, site_url)
    page = context.new_page()
    watch.watch(page)
    yield page, watch
    context.close()


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
