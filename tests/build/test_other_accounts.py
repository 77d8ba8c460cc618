"""The official accounts beyond the MIC release, as the built site shows them: each fact of the
checklist in tests/fixtures/other_sources_facts.yml on its page and cited to its source; every
disagreement on the disagreements page with a version from each side; a page for each subject,
linked from the items that concern it; and what is only reported always said to be reported."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from meeting_record.data.languages import LANGUAGES
from meeting_record.site.wording import words
from site_pages import language_of

CHECKLIST = yaml.safe_load((Path(__file__).parent.parent / "fixtures" / "other_sources_facts.yml").read_text(encoding="utf-8"))


def text(site: Path, page: str) -> str:
    """A page's text, without tags (abbreviations are wrapped in them), and its links' targets."""
    markup = (site / page).read_text(encoding="utf-8")
    return html.unescape(re.sub(r"<(?!a )[^>]+>", "", markup))


@pytest.mark.parametrize("fact", CHECKLIST["facts"], ids=lambda fact: f"{fact['page']}:{fact['text'][:30]}")
def test_a_fact_of_the_official_accounts_is_shown_with_its_source(built_site, fact):
    page = text(built_site, fact["page"])
    assert fact["text"] in page
    assert f"about/#{fact['source']}-" in page, f"{fact['page']} does not cite {fact['source']}"


@pytest.mark.parametrize("anchor", CHECKLIST["disagreements"])
def test_every_disagreement_is_listed_with_more_than_one_source(built_site, anchor):
    page = (built_site / "disagreements" / "index.html").read_text(encoding="utf-8")
    assert f'id="{anchor}"' in page
    section = page.split(f'id="{anchor}"', 1)[1].split("<h2", 1)[0]
    assert len(set(re.findall(r'about/#([a-z0-9-]+?)-[a-z0-9-]+"', section))) >= 2
    assert "What this site shows:" in section


@pytest.mark.parametrize("subject", CHECKLIST["subjects"])
def test_every_subject_has_a_page_linked_from_what_concerns_it(built_site, record, subject):
    assert (built_site / "subjects" / subject / "index.html").exists()
    for item_id in record.get(subject).concerns:
        item = record.get(item_id)
        kind = type(item).__name__
        page = {"Theme": f"themes/{item_id}/index.html", "Event": f"events/{item_id}/index.html",
                "Statement": "statements/index.html", "Party": "participants/index.html"}.get(kind)
        if kind in ("Theme", "Event", "Statement"):
            assert f'href="../../subjects/{subject}/"' in (built_site / page).read_text(encoding="utf-8") or \
                f'href="../subjects/{subject}/"' in (built_site / page).read_text(encoding="utf-8"), f"{page} does not link {subject}"


def test_a_subject_without_official_accounts_says_so(built_site):
    page = text(built_site, "subjects/semiconductors-point-of-contact-group/index.html")
    assert "states nothing about it as fact" in page


def test_what_is_only_reported_is_said_to_be_reported(built_site, record):
    press = {source.id for source in record.sources if not source.official}
    # The words that open a report, in each language: "**Reported by** {sources}" and its Japanese.
    reported = {language: markdown_strong(words(language)["version_reported_by"]) for language in LANGUAGES}
    for path in built_site.rglob("*.html"):
        page, relative = path.read_text(encoding="utf-8"), path.relative_to(built_site).as_posix()
        for paragraph in re.findall(r"<(?:p|li|dd)\b.*?</(?:p|li|dd)>", page, re.S):
            cited = set(re.findall(r'about/#([a-z0-9-]+?)-(?:body|opening|header)"', paragraph))
            if cited & press and "about/" not in relative:
                assert reported[language_of(relative)] in paragraph, f"{path}: a press source cited outside a report: {paragraph[:200]}"


def markdown_strong(text: str) -> str:
    """The words of the report's bold opening that stand outside its places ({sources})."""
    bold = re.search(r"\*\*(.+?)\*\*", text).group(1)
    return max(re.split(r"\{[a-z_]+\}", bold), key=len)


def test_annexes_are_never_stated_without_the_other_accounts(built_site):
    for page in ("index.html", "outcome/index.html", "events/declaration-adoption/index.html"):
        shown = text(built_site, page)
        assert "with annexes" not in shown and "with its annexes" not in shown
        assert "name none" in shown
