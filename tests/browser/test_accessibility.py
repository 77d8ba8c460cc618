"""axe-core, as the quality gate runs it on every page (test_every_page.py), reports the faults of
a page that has them."""

from __future__ import annotations

from page_checks import axe_source, axe_violations


def test_axe_reports_what_it_should(page):
    """The check of every page can fail: the same run reports the faults of a page that has them."""
    page.set_content('<html lang="en"><body><main><p style="color:#999;background:#aaa">faint</p>'
                     '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>')
    assert {v["id"] for v in axe_violations(page, axe_source())} >= {"color-contrast", "image-alt"}
