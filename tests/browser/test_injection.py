"""In Chromium, pages built from data whose every text field is an attack (see `hostile_data`)
open no dialog, hold no element or attribute that the data put there, and show the attacks as
the characters typed; the search box, which renders its results from the index, does the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from local_server import serve
from html_check import collapse

# Elements carrying an event handler or a script URL, and what the theme never writes.
FIND_INJECTED = """() => {
  const found = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const value = attribute.value.replace(/\\s+/g, '').toLowerCase();
      if (attribute.name.startsWith('on') ||
          (value.startsWith('javascript:') && value !== 'javascript:void(0)')) {
        found.push(`<${element.localName} ${attribute.name}="${attribute.value}">`);
      }
    }
  }
  for (const element of document.querySelectorAll('iframe, object, embed, math, base, img[src="x"]')) {
    found.push(`<${element.localName}>`);
  }
  return found;
}"""


@pytest.fixture(scope="module")
def hostile_site(hostile_build):
    """The hostile site served on 127.0.0.1, its pages, and the English text written into each
    field (the pages show the English)."""
    site, written = hostile_build
    server, url = serve(site)
    yield url, _sample_of_pages(site), written["en"]
    server.shutdown()


def _sample_of_pages(site: Path) -> list[str]:
    """Every page that is not an item's own, and the first item page of each section: each
    template once (the build test reads every page's HTML)."""
    paths = sorted(f"/{path.parent.relative_to(site)}/".replace("/./", "/") for path in site.rglob("index.html"))
    sections = {path.split("/")[1] for path in paths if path.count("/") == 3}
    return [path for path in paths if path.count("/") <= 2] + \
        [next(path for path in paths if path.startswith(f"/{section}/") and path.count("/") == 3) for section in sorted(sections)]


@pytest.fixture
def dialogs(page) -> list[str]:
    """Every alert, confirm or prompt that any page opens."""
    opened: list[str] = []
    page.on("dialog", lambda dialog: (opened.append(dialog.message), dialog.dismiss()))
    return opened


def test_no_page_runs_or_holds_anything_from_the_data(page, dialogs, hostile_site):
    url, paths, _ = hostile_site
    assert len(paths) > 10
    injected = {}
    for path in paths:
        page.goto(url + path, wait_until="load")
        found = page.evaluate(FIND_INJECTED)
        if found:
            injected[path] = found
    assert injected == {}
    assert dialogs == []


def test_titles_and_headings_show_the_characters_typed(page, dialogs, hostile_site):
    url, _, written = hostile_site
    page.goto(url + "/themes/")
    first_theme = collapse(written["themes.themes[0].title"])
    page.get_by_role("link", name=first_theme).first.click()
    page.wait_for_url("**/themes/*/")
    assert collapse(page.locator("h1").inner_text()).removesuffix("¶").rstrip() == first_theme
    assert page.title().startswith(first_theme + " - ")
    assert dialogs == []


def test_search_results_show_text_not_markup(page, dialogs, hostile_site):
    url, _, _ = hostile_site
    page.goto(url + "/")
    page.get_by_role("search").get_by_role("textbox").press_sequentially("onerror")
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    assert "<img src=x onerror=alert(" in results.first.inner_text()
    assert page.evaluate(FIND_INJECTED) == []
    assert dialogs == []
