"""axe-core, as the quality gate runs it on every page (test_every_page.py), reports the faults of
a page that has them."""

from __future__ import annotations

from page_checks import COLOUR_RULES, EVERY_RULE_BUT_COLOUR, axe_source, axe_violations

# Faint text, a link told from its sentence by a colour too close to the text's, and an image with
# no text alternative.
FAULTS_OF_COLOUR_AND_MORE = ('<html lang="en"><body><main><p style="color:#999;background:#aaa">faint</p>'
                             '<p style="color:#000;background:#fff">A sentence with <a href="#x" style="color:#111;'
                             'text-decoration:none">a link</a> inside it.</p>'
                             '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>')


def test_axe_reports_what_it_should(page):
    """The check of every page can fail: the same run reports the faults of a page that has them."""
    page.set_content(FAULTS_OF_COLOUR_AND_MORE)
    assert {v["id"] for v in axe_violations(page, axe_source())} >= {"color-contrast", "image-alt"}


def test_the_colour_rules_alone_report_a_fault_of_colour(page):
    """The dark palette's check runs the rules about colour alone: they report the faults of
    colour, and nothing else."""
    page.set_content(FAULTS_OF_COLOUR_AND_MORE)
    found = {v["id"] for v in axe_violations(page, axe_source(), COLOUR_RULES)}
    assert found == {"color-contrast", "link-in-text-block"}


def test_every_rule_but_those_about_colour_reports_the_other_faults(page):
    """Most pages are checked with every rule but those about colour (a page of their kind that
    holds all their elements is checked with those): the other faults are still reported."""
    page.set_content(FAULTS_OF_COLOUR_AND_MORE)
    found = {v["id"] for v in axe_violations(page, axe_source(), EVERY_RULE_BUT_COLOUR)}
    assert "image-alt" in found and not found & {"color-contrast", "link-in-text-block"}
