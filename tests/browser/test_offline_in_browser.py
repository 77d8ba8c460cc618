"""The offline copy (`make offline`), unzipped and opened from disk in Chromium (file://…/index.html):
navigation, search with results, a figure's link, the glossary's expansions and the open-data
downloads work, and not one request goes to any host."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from journeys import follow, open_first_result

LOCAL_SCHEMES = {"file", "data", "blob", "about"}


@pytest.fixture(scope="module")
def disk_reader(browser):
    """A browser context that refuses, and notes, every request to a host, in which the tests open
    their pages (once per module: see `context` in conftest.py)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    sent: list[str] = []

    def refuse(route) -> None:
        sent.append(route.request.url)
        route.abort("blockedbyclient")

    context.route(re.compile(r"^(?!file:|data:|blob:|about:)"), refuse)
    context.on("request", lambda request: urlsplit(request.url).scheme not in LOCAL_SCHEMES
               and request.url not in sent and sent.append(request.url))
    yield context, sent
    context.close()


@pytest.fixture
def offline(disk_reader, offline_copy):
    context, sent = disk_reader
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, offline_copy.as_uri() + "/"
    page.close()
    asked, sent[:] = list(sent), []  # this test's, not the next one's too
    assert not asked, "requests to other hosts:\n" + "\n".join(asked)
    assert not errors, errors


def test_navigation_search_and_a_figure_work_from_disk(offline, record):
    page, base = offline
    page.goto(base + "index.html")
    page.locator('.md-tabs a:text-is("Participants")').click()
    expect(page).to_have_url(base + "participants/index.html")
    chip = page.locator(f'#figure-participants a[*|href="{record.presidency.id}.html"]')
    follow(chip)
    expect(page).to_have_url(f"{base}participants/{record.presidency.id}.html")
    expect(page.locator(f"h1#{record.presidency.id}")).to_be_visible()
    open_first_result(page, "Verona")
    expect(page).to_have_url(re.compile("^" + re.escape(base) + r"[^?]+\.html"))
    expect(page.locator("article h1")).to_be_visible()


def test_the_japanese_edition_searches_from_disk_too(offline):
    page, base = offline
    page.goto(base + "ja/index.html")
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    open_first_result(page, "ウルソ")
    expect(page).to_have_url(re.compile("^" + re.escape(base + "ja/people/adolfo-urso.html") + r"(\?|$)"))
    expect(page.locator("h1#adolfo-urso")).to_be_visible()


def test_glossary_expansions_and_downloads_work_from_disk(offline):
    page, base = offline
    page.goto(base + "index.html")
    expansions = page.locator("article abbr").evaluate_all("els => els.map(e => [e.textContent, e.title])")
    assert expansions and all(title for _, title in expansions), expansions
    page.goto(base + "data.html")
    download = page.locator('article a[href$="record.json"]').first.get_attribute("href")
    page.goto(base + download)
    assert json.loads(page.locator("body").inner_text())["meeting"], "the record opens from disk"
