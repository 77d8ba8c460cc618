"""axe-core, as the quality gate runs it on every page (test_every_page.py), reports the faults of
a page that has them."""

from __future__ import annotations

from page_checks import COLOUR_RULES, axe_source, axe_violations


def test_axe_reports_what_it_should(page):
    """The check of every page can fail: the same run reports the faults of a page that has them."""
    page.set_content('<html lang="en"><body><main><p style="color:#999;background:#aaa">faint</p>'
                     '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>')
    assert {v["id"] for v in axe_violations(page, axe_source())} >= {"color-contrast", "image-alt"}


def test_the_colour_rules_alone_report_a_fault_of_colour(page):
    """The dark palette's check runs the rules about colour alone: they report faint text and a link
    told from its sentence by a colour too close to the text's, and nothing else."""
    page.set_content('<html lang="en"><body><main><p style="color:#999;background:#aaa">faint</p>'
                     '<p style="color:#000;background:#fff">A sentence with <a href="#x" style="color:#111;'
                     'text-decoration:none">a link</a> inside it.</p>'
                     '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>')
    found = {v["id"] for v in axe_violations(page, axe_source(), COLOUR_RULES)}
    assert found == {"color-contrast", "link-in-text-block"}
