"""Every page of the built site in Chromium, visited once, most of them as a reader reaches them by
following a link (see `page_checks` for how, for which pages are also checked with the rules about
colour, in the other palette and at the other width, and why that shows the same as checking all of
them):
axe-core finds no WCAG 2.2 A/AA or best-practice violation, and no page asks another host for
anything or logs a console error.

The pages are shared out between the classes below, which the test processes (`--dist loadscope`)
take side by side. The checks that they can fail are in test_accessibility.py and
test_requests.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from page_checks import FIRST_VARIANT, NAVIGATE, VARIANTS, visit_pages
from site_pages import page_kind, page_paths, pages_with_every_component

SHARES = 2


class EveryPage:
    """The checks of one share of the pages: every SHARES-th page, from the `share`-th on."""
    share = 0

    @pytest.fixture(scope="class")
    @classmethod
    def findings(cls, browser, site_url: str, built_site: Path):
        return visit_pages(browser, site_url, built_site, (cls.share, SHARES))

    @pytest.mark.parametrize("variant", VARIANTS, ids="-".join)
    def test_no_page_has_an_axe_violation(self, findings, variant):
        assert not findings.wrong_palette, "\n".join(findings.wrong_palette)
        found = findings.violations[variant]
        assert not found, "\n".join(found)

    def test_pages_load_nothing_from_other_hosts_and_log_no_error(self, findings):
        """Every page from its load on; the pages of every kind left to settle until the network
        is idle (`page_checks` says why that shows every later request too)."""
        assert not findings.foreign, "requests to other hosts:\n" + "\n".join(findings.foreign)
        assert not findings.errors, "console errors:\n" + "\n".join(findings.errors)

    def test_its_pages_are_checked_and_those_of_every_kind_in_every_variant(self, findings, built_site):
        """Each of its pages once; the pages that hold every kind of element with the rules about
        colour too, and in every variant."""
        mine = page_paths(built_site)[self.share::SHARES]
        assert findings.visited[FIRST_VARIANT] == mine
        chosen = set(pages_with_every_component(built_site))
        of_every_kind = [path for path in mine if path in chosen]
        for variant in VARIANTS:
            assert findings.colour_checked[variant] == of_every_kind, variant
        for variant in VARIANTS[1:]:
            assert findings.visited[variant] == of_every_kind, variant

    def test_a_page_reached_by_navigation_shows_what_it_shows_when_loaded(self, findings, built_site):
        """The pages of every kind are each reached by navigation, then loaded afresh, and their
        head, title and content match (those that come first in their edition are only loaded)."""
        assert not findings.not_as_loaded, "shown otherwise when reached by navigation:\n" + "\n".join(findings.not_as_loaded)
        of_every_kind = set(pages_with_every_component(built_site))
        assert findings.compared and set(findings.compared) <= of_every_kind
        assert len(findings.loaded) < len(findings.visited[FIRST_VARIANT]) / 2, "most pages are reached by navigation"


class TestFirstShare(EveryPage):
    share = 0


class TestSecondShare(EveryPage):
    share = 1


def test_the_shares_cover_every_page_and_every_kind_of_page(built_site):
    every_page = page_paths(built_site)
    shares = [page for cls in EveryPage.__subclasses__() for page in every_page[cls.share::SHARES]]
    assert sorted(shares) == sorted(every_page)
    assert {page_kind(path) for path in pages_with_every_component(built_site)} == {page_kind(p) for p in every_page}


def test_a_page_is_reached_by_navigation_even_when_the_sitemap_comes_late(browser, site_url):
    """Material follows a click only once it has read the sitemap, which it fetches as a page
    starts. Held back here until after the click, as a busy machine or a slow network holds it, the
    visits' click still brings the next page in by navigation: in the same document, not loaded.
    (A context of its own: one that had fetched the sitemap would take it from its cache.)"""
    context = browser.new_context()
    held = []
    try:
        page = context.new_page()
        page.route("**/sitemap.xml", lambda route: held.append(route), times=1)
        page.goto(site_url + "/", wait_until="load")
        page.evaluate("window.sameDocument = true")
        page.evaluate(f"url => {{ window.reached = ({NAVIGATE})(url).then(() => 'reached', String); }}", site_url + "/participants/")
        assert len(held) == 1, "the sitemap was not held back"
        held[0].continue_()
        assert page.evaluate("window.reached") == "reached"
        assert page.url == site_url + "/participants/"
        assert page.evaluate("window.sameDocument === true"), "the page was loaded, not reached by navigation"
    finally:
        context.close()
