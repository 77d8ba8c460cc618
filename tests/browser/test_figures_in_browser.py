"""The figures in a browser: they fit a phone's width, follow the light and dark palettes, and
their shapes lead to the items' pages."""

from __future__ import annotations

import pytest

FIGURE_PAGES = {"participants": "/participants/", "timeline": "/events/", "talks": "/talks/"}
PHONE = {"width": 390, "height": 844}

# The relative luminance of a computed CSS colour (alpha ignored: the point is light or dark).
LUMINANCE = """el => {
  const [r, g, b] = getComputedStyle(el).fill.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}"""


@pytest.mark.parametrize("name", FIGURE_PAGES)
def test_figure_fits_a_phone_screen(browser, site_url, name):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + FIGURE_PAGES[name])
    box = page.locator(f"#figure-{name} svg").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert box["width"] > PHONE["width"] * 0.8, "the drawing uses the width it has"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


@pytest.mark.parametrize("name", FIGURE_PAGES)
def test_figure_text_follows_the_palette(browser, site_url, name):
    luminance = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(site_url + FIGURE_PAGES[name])
        label = page.locator(f"#figure-{name} text.fig-label, #figure-{name} text.fig-heading").first
        chip = page.locator(f"#figure-{name} rect.fig-chip").first
        luminance[scheme] = (label.evaluate(LUMINANCE), chip.evaluate(LUMINANCE))
        context.close()
    (light_text, light_chip), (dark_text, dark_chip) = luminance["light"], luminance["dark"]
    assert light_text < light_chip and dark_text > dark_chip, luminance


def test_a_shape_leads_to_its_item_without_a_script_error(browser, site_url, record):
    """Material's scripts handle every link of the page: the drawing's links must not trip them."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + "/participants/")
    chip = page.locator(f'#figure-participants a[*|href="{record.presidency.id}/"]')
    chip.hover()
    chip.click()
    page.wait_for_url(f"**/participants/{record.presidency.id}/")
    assert page.locator(f"h1#{record.presidency.id}").count() == 1
    assert not errors
    page.close()
