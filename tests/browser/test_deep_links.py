"""Deep links work as a reader shares them: opened cold (a new page, straight to `page#anchor`),
each lands with its target in view, below the site's header; addresses that readers guess, and
the ids an item had before, lead to the same place."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from local_server import serve
from link_contract import rename_item
from meeting_record.site.locations import target
from project import build_site, project_copy

VIEWPORT = {"width": 1280, "height": 800}
HEADER = "header.md-header"


def anchored_links(record) -> list[str]:
    """The first and the last item of each kind that lives at an anchor of a shared page
    (statements, talks, groups, parties, sources and their sections): the top and the bottom of
    each such page."""
    kinds = [record.statements, record.talks, record.groups, record.parties, record.sources,
             [f"/about.md#{source.id}-{section.id}" for source in record.sources for section in source.sections]]
    links = [item if isinstance(item, str) else target(item) for items in kinds for item in dict.fromkeys([items[0], items[-1]])]
    return [link.replace("index.md", "").replace(".md", "/") for link in links]


@pytest.fixture(scope="module")
def context(browser):
    context = browser.new_context(viewport=VIEWPORT)
    yield context
    context.close()


def open_cold(context, url: str) -> Page:
    page = context.new_page()
    page.goto(url, wait_until="domcontentloaded")
    return page


def assert_in_view(page: Page, anchor: str) -> None:
    """The element with id `anchor` is in the viewport and not hidden under the sticky header."""
    element = page.locator(f"[id='{anchor}']")
    expect(element).to_be_in_viewport()
    header = page.locator(HEADER).bounding_box()
    box = element.bounding_box()
    assert box["y"] >= header["y"] + header["height"] - 1, f"#{anchor} is under the header"


def test_anchors_at_the_top_and_bottom_of_shared_pages_open_in_view(context, site_url, record):
    links = anchored_links(record)
    assert len(links) >= 10
    for link in links:
        path, anchor = link.split("#")
        page = open_cold(context, site_url + path + "#" + anchor)
        try:
            assert_in_view(page, anchor)
        finally:
            page.close()


@pytest.mark.parametrize("link", ["/participants/usa/#statements-that-concern-usa", "/themes/digital-development/#human-resource-development",
                                  "/events/hiroshima-ai-process-the-way-ahead/#ai-safety-collaboration", "/people/steve-lang/#steve-lang"])
def test_anchors_on_item_pages_open_in_view(context, site_url, link):
    page = open_cold(context, site_url + link)
    try:
        assert_in_view(page, link.split("#")[1])
    finally:
        page.close()


@pytest.mark.parametrize(("guess", "lands_on"), [("/participants/united-states/", "/participants/usa/"),
                                                 ("/participants/korea/", "/participants/south-korea/"),
                                                 ("/people/urso/", "/people/adolfo-urso/")])
def test_guessed_addresses_redirect_to_the_page(context, site_url, guess, lands_on):
    page = open_cold(context, site_url + guess)
    try:
        expect(page).to_have_url(site_url + lands_on)
        expect(page.locator("article h1")).to_be_in_viewport()
    finally:
        page.close()


def test_a_redirect_keeps_the_anchor(context, site_url):
    page = open_cold(context, site_url + "/participants/united-states/#statements-that-concern-usa")
    try:
        expect(page).to_have_url(site_url + "/participants/usa/#statements-that-concern-usa")
        assert_in_view(page, "statements-that-concern-usa")
    finally:
        page.close()


# ---------------------------------------------------------------------------
# Items whose ids changed, listing their former ids

@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory):
    project = project_copy(tmp_path_factory.mktemp("renamed"))
    rename_item(project, "statements.yml", "cultural-linguistic-diversity", "cultures-and-languages", keep_old=True)
    rename_item(project, "people.yml", "marina-ferrari", "ferrari-marina", keep_old=True)
    server, url = serve(build_site(project / "site", config_file=project / "mkdocs.yml"))
    yield url
    server.shutdown()


def test_a_former_anchor_opens_its_item_in_view(context, renamed_site):
    page = open_cold(context, renamed_site + "/statements/#cultural-linguistic-diversity")
    try:
        heading = page.locator("h3:has([id='cultural-linguistic-diversity'])")
        expect(heading).to_have_id("cultures-and-languages")
        expect(heading).to_be_in_viewport()
    finally:
        page.close()


def test_a_former_page_address_redirects_to_the_page(context, renamed_site):
    page = open_cold(context, renamed_site + "/people/marina-ferrari/")
    try:
        expect(page).to_have_url(renamed_site + "/people/ferrari-marina/")
        expect(page.locator("h1#ferrari-marina")).to_be_in_viewport()
    finally:
        page.close()
