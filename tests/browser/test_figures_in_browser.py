"""The figures in a browser: they fit a phone's width, follow the light and dark palettes, read
as sentences to a screen reader, and their boxes lead to the items' pages."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from page_checks import NAVIGATE, VIEWPORTS

FIGURE_PAGES = {"participants": "/participants/", "timeline": "/events/", "talks": "/talks/"}
PHONE = VIEWPORTS["phone"]

# The relative luminance of a computed CSS colour (alpha ignored: the point is light or dark).
LUMINANCE = """([el, property]) => {
  const [r, g, b] = getComputedStyle(el)[property].match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}"""


@pytest.fixture(scope="module")
def contexts(browser):
    """A browser context in each palette the reader's system may ask for (Material keeps the palette
    a page shows for the pages after it, so the two cannot share one), in which the tests open their
    pages (once per module: see `context` in conftest.py)."""
    made = {scheme: browser.new_context(color_scheme=scheme) for scheme in ("light", "dark")}
    yield made
    for context in made.values():
        context.close()


@pytest.mark.parametrize("name", FIGURE_PAGES)
def test_figure_fits_a_phone_screen(contexts, site_url, name):
    page = contexts["light"].new_page()
    page.set_viewport_size(PHONE)
    page.goto(site_url + FIGURE_PAGES[name])
    box = page.locator(f"#figure-{name} .fig-drawing").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert box["width"] > PHONE["width"] * 0.8, "the drawing uses the width it has"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.close()


@pytest.mark.parametrize("name", FIGURE_PAGES)
def test_figure_text_follows_the_palette(contexts, site_url, name):
    luminance = {}
    for scheme in ("light", "dark"):
        page = contexts[scheme].new_page()
        page.goto(site_url + FIGURE_PAGES[name])
        chip = page.locator(f"#figure-{name} .fig-chip:not(.fig-chip--marked)").first
        label = chip.locator("a").first
        luminance[scheme] = (label.evaluate(f"el => ({LUMINANCE})([el, 'color'])"),
                             chip.evaluate(f"el => ({LUMINANCE})([el, 'backgroundColor'])"))
        page.close()
    (light_text, light_chip), (dark_text, dark_chip) = luminance["light"], luminance["dark"]
    assert light_text < light_chip and dark_text > dark_chip, luminance


def test_a_shape_leads_to_its_item_without_a_script_error(contexts, site_url, record):
    """Material's scripts handle every link of the page: the drawing's links must not trip them."""
    page = contexts["light"].new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + "/participants/")
    chip = page.locator("#figure-participants .fig-chip--marked a")
    chip.hover()
    chip.click()
    page.wait_for_url(f"**/participants/{record.presidency.id}/")
    expect(page.locator(f"h1#{record.presidency.id}")).to_have_count(1)  # instant navigation changes the address first
    assert not errors
    page.close()


def test_talks_figure_reads_as_sentences(contexts, site_url, record):
    """What a screen reader announces: the figure by its caption, each box as words with spaces
    and commas, and each line as the talk it stands for."""
    page = contexts["light"].new_page()
    page.goto(site_url + FIGURE_PAGES["talks"])
    figure = page.get_by_role("figure", name="Who met whom in the bilateral talks", exact=False)
    tree = figure.aria_snapshot()
    for talk in record.talks:
        other = record.get(talk.counterpart)
        assert f'link "{other.name}, {other.title}"' in tree, tree
        assert f'link "Bilateral talk: {record.name_of(talk)}"' in tree, tree
    host = record.get(record.talks[0].host)
    assert f'link "{host.name}, {host.title}"' in tree, tree
    page.close()


def test_a_figure_reached_by_navigation_is_styled_as_it_is_shown(browser, site_url):
    """Instant navigation puts a page's content in place first, then adds the stylesheets its head
    holds that the page before did not. The figures' styles must already be there: else a reader
    sees the figure unstyled, and then jump, until they arrive. Held back here, as a slow network
    would, any stylesheet fetched on the way shows."""
    context = browser.new_context()
    held = []
    try:
        page = context.new_page()
        page.goto(site_url + "/", wait_until="load")
        page.route("**/*.css", lambda route: held.append(route))
        page.evaluate(NAVIGATE, site_url + FIGURE_PAGES["participants"])
        marker = page.evaluate("() => getComputedStyle(document.querySelector('.record-figure .fig-drawing li')).listStyleType")
        assert marker == "none", f"the figure is shown before its styles arrive (held back: {[r.request.url for r in held]})"
    finally:
        for route in held:
            route.continue_()
        context.close()
