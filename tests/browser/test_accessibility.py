"""axe-core finds no WCAG 2.2 A/AA or best-practice violation on any page of the built site, in
the light and the dark palette, at desktop and at phone width."""

from __future__ import annotations

import pytest

from project import ROOT
from site_pages import page_paths

AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
RUN_AXE = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"""

# The palettes of mkdocs.yml follow the reader's colour-scheme preference; Material marks the
# one it applied on <body data-md-color-scheme>.
PALETTES = {"light": "default", "dark": "slate"}
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def axe_source() -> str:
    assert AXE_SCRIPT.is_file(), f"{AXE_SCRIPT} is missing: run `make node-deps`"
    return AXE_SCRIPT.read_text(encoding="utf-8")


def axe_violations(page, axe_source: str) -> list[dict]:
    page.evaluate(axe_source)
    return page.evaluate(RUN_AXE, AXE_TAGS)["violations"]


def describe(path: str, violation: dict) -> str:
    targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
    return f"{path}: {violation['id']} ({violation['help']}) at {targets}"


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("palette", PALETTES)
def test_no_page_has_an_axe_violation(browser, site_url, built_site, axe_source, palette, viewport):
    context = browser.new_context(color_scheme=palette, viewport=VIEWPORTS[viewport])
    page = context.new_page()
    found = []
    try:
        for path in page_paths(built_site):
            page.goto(site_url + path)
            scheme = page.get_attribute("body", "data-md-color-scheme")
            assert scheme == PALETTES[palette], f"{path} shows the {scheme!r} palette, not the {palette} one"
            found += [describe(path, v) for v in axe_violations(page, axe_source)]
    finally:
        context.close()
    assert not found, "\n".join(found)


def test_axe_reports_what_it_should(page, axe_source):
    """The check above can fail: the same run reports the faults of a page that has them."""
    page.set_content('<html lang="en"><body><main><p style="color:#999;background:#aaa">faint</p>'
                     '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>')
    assert {v["id"] for v in axe_violations(page, axe_source)} >= {"color-contrast", "image-alt"}
