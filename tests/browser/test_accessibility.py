"""axe-core finds no WCAG 2.2 A/AA or best-practice violation on any page of the built site, in
the light and the dark palette, at desktop and at phone width (every page in one of them, and in
all four the pages that hold every kind of element of their kind: see `page_checks`)."""

from __future__ import annotations

import pytest

from page_checks import FIRST_VARIANT, VARIANTS, axe_source, axe_violations
from site_pages import page_kind, page_paths


# The tests that read the page visits run in one process: with pytest-xdist, each process would
# visit every page again.
@pytest.mark.xdist_group("page_findings")
@pytest.mark.parametrize("variant", VARIANTS, ids="-".join)
def test_no_page_has_an_axe_violation(page_findings, variant):
    assert not page_findings.wrong_palette, "\n".join(page_findings.wrong_palette)
    found = page_findings.violations[variant]
    assert not found, "\n".join(found)


@pytest.mark.xdist_group("page_findings")
def test_every_page_is_checked_and_every_kind_of_page_in_every_variant(page_findings, built_site):
    every_page = page_paths(built_site)
    assert page_findings.visited[FIRST_VARIANT] == every_page
    kinds = {page_kind(path) for path in every_page}
    for variant in VARIANTS:
        assert {page_kind(path) for path in page_findings.visited[variant]} == kinds, variant


def test_axe_reports_what_it_should(page):
    """The check above can fail: the same run reports the faults of a page that has them."""
    page.set_content('<html lang="en"><body><main><p style="color:#999;background:#aaa">faint</p>'
                     '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>')
    assert {v["id"] for v in axe_violations(page, axe_source())} >= {"color-contrast", "image-alt"}
