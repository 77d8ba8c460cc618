"""The language selector in the header leads to the same page in the other edition, both ways,
as a reader uses it: open the selector, choose the language."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect


def choose_language(page: Page, name: str) -> None:
    page.locator(".md-header .md-select > button").click()
    page.locator(".md-select__link", has_text=name).click()


@pytest.mark.parametrize("path", ["/participants/japan/", "/themes/digital-development/", "/talks/"])
def test_the_selector_leads_to_the_same_page_in_japanese_and_back(page: Page, site_url: str, path: str):
    page.goto(site_url + path)
    choose_language(page, "日本語")
    expect(page).to_have_url(site_url + "/ja" + path)
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    choose_language(page, "English")
    expect(page).to_have_url(site_url + path)
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_a_section_link_keeps_its_anchor_in_the_other_edition(page: Page, site_url: str):
    """The same anchor names the same item in both editions."""
    page.goto(site_url + "/ja/participants/japan/#people")
    expect(page.locator("h2#people")).to_be_in_viewport()
    page.goto(site_url + "/participants/japan/#people")
    expect(page.locator("h2#people")).to_be_in_viewport()
