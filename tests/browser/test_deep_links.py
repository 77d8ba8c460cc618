"""Deep links work as a reader shares them: opened cold (a new document, straight to `page#anchor`),
each lands with its target in view, below the site's header; addresses that readers guess, and
the ids an item had before, lead to the same place."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from local_server import serve
from meeting_record.site.locations import target

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
def reader(browser) -> Page:
    context = browser.new_context(viewport=VIEWPORT)
    yield context.new_page()
    context.close()


def open_cold(page: Page, url: str) -> Page:
    """`url` loaded as a new document, as a shared link opens: from an empty page, not from a page
    of the site, which would only scroll to the anchor."""
    page.goto("about:blank")
    page.goto(url, wait_until="domcontentloaded")
    return page


def assert_in_view(page: Page, anchor: str) -> None:
    """The element with id `anchor` is in the viewport and not hidden under the sticky header."""
    element = page.locator(f"[id='{anchor}']")
    expect(element).to_be_in_viewport()
    header = page.locator(HEADER).bounding_box()
    box = element.bounding_box()
    assert box["y"] >= header["y"] + header["height"] - 1, f"#{anchor} is under the header"


def test_anchors_at_the_top_and_bottom_of_shared_pages_open_in_view(reader, site_url, record):
    links = anchored_links(record)
    assert len(links) >= 10
    for link in links:
        path, anchor = link.split("#")
        page = open_cold(reader, site_url + path + "#" + anchor)
        assert_in_view(page, anchor)


@pytest.mark.parametrize("link", ["/participants/usa/#statements-that-concern-usa", "/themes/digital-development/#human-resource-development",
                                  "/events/hiroshima-ai-process-the-way-ahead/#ai-safety-collaboration", "/people/steve-lang/#steve-lang"])
def test_anchors_on_item_pages_open_in_view(reader, site_url, link):
    page = open_cold(reader, site_url + link)
    assert_in_view(page, link.split("#")[1])


@pytest.mark.parametrize(("guess", "lands_on"), [("/participants/united-states/", "/participants/usa/"),
                                                 ("/participants/korea/", "/participants/south-korea/"),
                                                 ("/people/urso/", "/people/adolfo-urso/")])
def test_guessed_addresses_redirect_to_the_page(reader, site_url, guess, lands_on):
    page = open_cold(reader, site_url + guess)
    expect(page).to_have_url(site_url + lands_on)
    expect(page.locator("article h1")).to_be_in_viewport()


def test_a_redirect_keeps_the_anchor(reader, site_url):
    page = open_cold(reader, site_url + "/participants/united-states/#statements-that-concern-usa")
    expect(page).to_have_url(site_url + "/participants/usa/#statements-that-concern-usa")
    assert_in_view(page, "statements-that-concern-usa")


# ---------------------------------------------------------------------------
# Items whose ids changed, listing their former ids

@pytest.fixture(scope="module")
def renamed_site(renamed_builds):
    """The site whose items changed ids (cultural-linguistic-diversity and marina-ferrari among
    them) and list their former ids."""
    server, url = serve(renamed_builds[True])
    yield url
    server.shutdown()


def test_a_former_anchor_opens_its_item_in_view(reader, renamed_site):
    page = open_cold(reader, renamed_site + "/statements/#cultural-linguistic-diversity")
    heading = page.locator(":is(h2, h3, h4):has([id='cultural-linguistic-diversity'])")
    expect(heading).to_have_id("cultures-and-languages")
    expect(heading).to_be_in_viewport()


def test_a_former_page_address_redirects_to_the_page(reader, renamed_site):
    page = open_cold(reader, renamed_site + "/people/marina-ferrari/")
    expect(page).to_have_url(renamed_site + "/people/ferrari-marina/")
    expect(page.locator("h1#ferrari-marina")).to_be_in_viewport()
