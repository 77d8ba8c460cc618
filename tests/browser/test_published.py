"""The site as published under a subpath (`subpath_site`: built with SITE_URL=http://127.0.0.1:PORT/
g7-2024/ and served there), in Chromium: instant navigation follows a link without reloading the
document, and the back button returns; search, a figure's link and the 404 page at a deep unknown
address work; and no request leaves the site's address, not even for the host's root."""

from __future__ import annotations

import re
import urllib.parse

import pytest
from playwright.sync_api import expect

from journeys import follow, open_first_result

MARKER = "window.__sameDocument"


class Requests:
    """Every request a browser context made, and those that failed or were answered with an error."""

    def __init__(self, context, address: str):
        self.address = address
        self.urls: list[str] = []
        self.failed: list[str] = []
        self.open: set = set()
        context.on("request", self._sent)
        context.on("requestfinished", lambda request: self.open.discard(request))
        context.on("requestfailed", self._failed)
        context.on("response", lambda response: response.status >= 400 and not response.request.is_navigation_request()
                   and self.failed.append(f"{response.url}: {response.status}"))

    def _sent(self, request) -> None:
        self.urls.append(request.url)
        self.open.add(request)

    def _failed(self, request) -> None:
        self.open.discard(request)
        self.failed.append(f"{request.url}: {request.failure}")

    def outside(self) -> list[str]:
        return [url for url in self.urls if not url.startswith(self.address) and not url.startswith("data:")]

    def wait_until_answered(self, page, timeout: float = 10.0) -> None:
        """Until every request sent so far has its answer."""
        for _ in range(int(timeout / 0.05)):
            if not self.open:
                return
            page.wait_for_timeout(50)
        raise AssertionError(f"unanswered after {timeout} s: {[request.url for request in self.open]}")


@pytest.fixture
def published(browser, subpath_site):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    requests = Requests(context, subpath_site.url)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, subpath_site.url, requests
    context.close()
    assert not errors, errors
    assert not requests.failed, "failed requests:\n" + "\n".join(requests.failed)
    assert not requests.outside(), "requests outside the site's address:\n" + "\n".join(requests.outside())


def test_instant_navigation_follows_links_without_reloading(published):
    page, url, requests = published
    page.goto(url, wait_until="networkidle")
    home_title = page.title()
    page.evaluate(f"{MARKER} = true")
    page.locator('.md-tabs a:text-is("Participants")').click()
    expect(page).to_have_url(url + "participants/")
    expect(page.locator("h1#participants")).to_be_visible()
    expect(page).not_to_have_title(home_title)
    assert page.evaluate(MARKER) is True, "following the link reloaded the document"
    page.go_back()
    expect(page).to_have_url(url)
    expect(page).to_have_title(home_title)
    assert page.evaluate(MARKER) is True, "the back button reloaded the document"
    # Back on the home page, Material fetches the editions' sitemaps again; a reload before they
    # arrive would cut them off, as it would for a reader, and that is no fault of the site.
    requests.wait_until_answered(page)
    page.reload()
    assert page.evaluate(f"typeof {MARKER}") == "undefined", "a reload is seen"


def test_search_and_a_figure_lead_to_pages_under_the_address(published, record):
    page, url, _ = published
    page.goto(url + "participants/")
    chip = page.locator("#figure-participants .fig-chip--marked a")
    follow(chip)
    expect(page).to_have_url(f"{url}participants/{record.presidency.id}/")
    expect(page.locator(f"h1#{record.presidency.id}")).to_be_visible()
    open_first_result(page, "Trento")
    expect(page).to_have_url(re.compile("^" + re.escape(url) + r"[^?]*\?h=trento"))
    expect(page.locator("article mark[data-md-highlight]").first).to_be_visible()


def test_the_404_page_works_at_a_deep_unknown_address(published):
    page, url, _ = published
    response = page.goto(url + "no/such/page/at/any/depth/", wait_until="networkidle")
    assert response.status == 404
    expect(page.locator("article h1#not-found")).to_be_visible()
    expect(page.locator(".record-404__asked")).to_have_text(urllib.parse.urlsplit(url).path + "no/such/page/at/any/depth/")
    expect(page.locator(".record-404__closest")).to_be_hidden()  # nothing is close to that address
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky", \
        "the 404 page has its styles"
    page.locator('.md-tabs a:text-is("Participants")').click()
    expect(page).to_have_url(url + "participants/")
    expect(page.locator("h1#participants")).to_be_visible()


def test_the_404_page_offers_the_closest_page_search_and_the_sections(published, record):
    page, url, _ = published
    person = record.people[0]
    typo = person.id[:-1] + person.id[-1] * 2  # one letter too many, as a reader might type it
    response = page.goto(f"{url}people/{typo}/", wait_until="networkidle")
    assert response.status == 404
    closest = page.locator(".record-404__closest a")
    expect(closest).to_have_attribute("href", f"{url}people/{person.id}/")
    sections = page.locator("#sections + ul a")
    assert sections.count() >= 8
    assert all(href.startswith(url) for href in sections.evaluate_all("links => links.map(a => a.href)"))
    page.locator(".record-404__search").click()
    expect(page.locator("[data-md-component=search-query]")).to_be_focused()
    page.keyboard.type("Verona")
    expect(page.locator(".md-search-result__link").first).to_be_visible(timeout=15_000)


def test_a_request_outside_the_address_is_caught(browser, subpath_site):
    """The checks above can fail: a request to the host's root, outside the address, is reported."""
    context = browser.new_context()
    requests = Requests(context, subpath_site.url)
    page = context.new_page()
    page.goto(subpath_site.url)
    root = re.sub(r"g7-2024/$", "", subpath_site.url)
    page.evaluate(f"fetch('{root}assets/none.css').catch(() => null)")
    page.wait_for_timeout(300)
    context.close()
    assert requests.outside() == [root + "assets/none.css"] and requests.failed == [root + "assets/none.css: 404"]
