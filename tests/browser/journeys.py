"""Steps that several browser tests take the same way: follow a box of a figure, and open the first
result of a search typed key by key, as a reader's keyboard or input method types it."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect


# Material closes the search and the drawer 125 ms after each instant navigation (when its
# `location$`, which it exposes on window, changes), so a reader's next step comes after that: a
# click on the search box within those 125 ms would open a search that then closes. Each such
# navigation marks, once that close has happened, that the page has settled; a page loaded afresh
# has nothing to wait for. A page still loading has not run Material's script yet: it is marked
# once it has.
THEME_RUNNING = "() => typeof location$ !== 'undefined'"
MARK_SETTLING = """() => {
  window.__settled = false;
  location$.subscribe(() => setTimeout(() => { window.__settled = true; }, 125));
}"""
SETTLED = "() => window.__settled !== false"


def follow(link: Locator) -> None:
    """Point at a figure's box, as a reader does, and follow it; then wait, as a reader would,
    until the page it leads to has settled."""
    page = link.page
    page.wait_for_function(THEME_RUNNING)
    page.evaluate(MARK_SETTLING)
    link.hover()
    link.click()
    page.wait_for_function(SETTLED)


def open_first_result(page: Page, query: str) -> None:
    page.locator("input.md-search__input").click()
    type_query(page, query)
    result = page.locator(".md-search-result__link").first
    expect(result).to_be_visible(timeout=15_000)
    result.click()


def type_query(page: Page, query: str) -> None:
    """Type `query` key by key. A character no key types (kana, kanji) is confirmed as an input
    method confirms it, with the release of Enter: Material searches when a key is released."""
    for character in query:
        page.keyboard.type(character)
        if not character.isascii():
            page.keyboard.up("Enter")
