"""Steps that several browser tests take the same way: follow a box of a figure, and open the first
result of a search typed key by key."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect


def follow(link: Locator) -> None:
    """Point at a figure's box, as a reader does, and follow it."""
    link.hover()
    link.click()


def open_first_result(page: Page, query: str) -> None:
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    result = page.locator(".md-search-result__link").first
    expect(result).to_be_visible(timeout=15_000)
    result.click()
