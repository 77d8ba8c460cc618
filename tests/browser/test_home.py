"""The home page answers on a phone's first screen (390 × 844 CSS pixels): what met, when (with
the year), where and what it adopted, and the way into the site; the sources line comes after."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def phone_home(browser, site_url) -> Page:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "/")
    yield page
    context.close()


def first_screen_text(page: Page) -> str:
    """The text of every element of the article that lies wholly on the first screen."""
    return page.evaluate("""height => [...document.querySelectorAll("article h1, article dt, article dd, article li, article p")]
        .filter(e => { const r = e.getBoundingClientRect(); return r.height > 0 && r.bottom <= height; })
        .map(e => e.textContent.replace(/\\s+/g, " ").trim()).join(" | ")""", PHONE["height"])


def test_the_first_screen_says_what_when_where_and_what_was_adopted(phone_home, record):
    text = first_screen_text(phone_home)
    meeting = record.meeting
    assert meeting.title in text
    for day in meeting.days:
        assert str(day.date.day) in text and day.weekday in text
    assert f"{meeting.days[-1].date:%B %Y}" in text, "the first screen gives no month and year"
    for venue in meeting.venues:
        assert venue in text
    assert meeting.country in text and meeting.outcome.title in text


def test_the_first_screen_shows_the_way_into_the_site(phone_home):
    ways = phone_home.locator("#explore + .record-ways a")
    assert ways.count() >= 6
    for link in ways.all():
        box = link.bounding_box()
        assert box and box["y"] + box["height"] <= PHONE["height"], f"{link.inner_text()} is below the first screen"


def test_the_sources_line_comes_after_the_answer(phone_home):
    answer = phone_home.locator(".record-answer").bounding_box()
    sources = phone_home.locator("article .record-source").first.bounding_box()
    assert answer and sources and sources["y"] > answer["y"] + answer["height"]
