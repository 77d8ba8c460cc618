"""Every page of the built site in Chromium, from one visit per page and variant (see
`page_checks` for which pages are visited in which palette and width, and why that shows the same
as visiting all of them): axe-core finds no WCAG 2.2 A/AA or best-practice violation, and no page
asks another host for anything or logs a console error.

The checks that they can fail are in test_accessibility.py and test_requests.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from page_checks import FIRST_VARIANT, VARIANTS, visit_pages
from site_pages import page_kind, page_paths


@pytest.fixture(scope="module")
def page_findings(browser, site_url: str, built_site: Path):
    return visit_pages(browser, site_url, built_site)


@pytest.mark.parametrize("variant", VARIANTS, ids="-".join)
def test_no_page_has_an_axe_violation(page_findings, variant):
    assert not page_findings.wrong_palette, "\n".join(page_findings.wrong_palette)
    found = page_findings.violations[variant]
    assert not found, "\n".join(found)


def test_pages_load_nothing_from_other_hosts_and_log_no_error(page_findings):
    """Every page once, left to settle until the network is idle, and some again in the other
    palette and width."""
    assert not page_findings.foreign, "requests to other hosts:\n" + "\n".join(page_findings.foreign)
    assert not page_findings.errors, "console errors:\n" + "\n".join(page_findings.errors)


def test_every_page_is_checked_and_every_kind_of_page_in_every_variant(page_findings, built_site):
    every_page = page_paths(built_site)
    assert page_findings.visited[FIRST_VARIANT] == every_page
    kinds = {page_kind(path) for path in every_page}
    for variant in VARIANTS:
        assert {page_kind(path) for path in page_findings.visited[variant]} == kinds, variant
