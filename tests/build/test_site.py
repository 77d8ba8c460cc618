"""The built site, end to end: every item at its own URL or anchor, showing its source, and
every fact of the source somewhere on the site."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from meeting_record.site.locations import src_uri, target
from published import visible_text
from site_pages import page_files


def page_html(site: Path, uri: str) -> str:
    """The HTML of the page built from docs path `uri` (e.g. 'participants/japan.md')."""
    stem = uri.removesuffix(".md")
    path = site / ("index.html" if stem == "index" else stem.removesuffix("/index") + "/index.html")
    return path.read_text(encoding="utf-8")


def all_text(site: Path) -> str:
    """The visible text of every page, redirect stubs left out (they have no article)."""
    pages = [p for p in page_files(site) if p.name == "index.html"]
    return " ".join(visible_text(p.read_text(encoding="utf-8")) for p in pages)


def items_of(record):
    return [*record.participants, *record.people, *record.themes, *record.events, *record.statements,
            *record.talks, *record.groups, *record.parties, *record.sources]


def test_every_item_has_its_own_page_or_anchor(built_site, record):
    for item in items_of(record):
        markup = page_html(built_site, src_uri(item))
        if "#" in target(item):
            assert f'id="{item.id}"' in markup, f"{item.id} has no anchor on {src_uri(item)}"
        else:
            assert f'<h1 id="{item.id}"' in markup, f"{item.id} page has no heading with its id"


def test_every_item_shows_its_source(built_site, record):
    for item in [*record.participants, *record.people, *record.themes, *record.events]:
        markup = page_html(built_site, src_uri(item))
        for ref in item.sources:
            assert f'href="../../about/#{ref.document}-{ref.section}"' in markup, f"{item.id} does not cite {ref}"
    statements = page_html(built_site, "statements.md")
    for statement in record.statements:
        section = statements.split(f'id="{statement.id}"', 1)[1].split("<h", 1)[0]
        for ref in statement.sources:
            assert f'href="../about/#{ref.document}-{ref.section}"' in section, f"{statement.id} does not cite {ref}"


NAVIGATION_LINK = re.compile(r'<a href="([^"#]+)" class="md-nav__link')


def navigation_links(site: Path, uri: str) -> set[str]:
    """The pages the navigation of the page built from `uri` links to, as paths from the site's root."""
    page = "/" + uri.removesuffix(".md").removesuffix("index") + ("" if uri.endswith("index.md") else "/")
    return {urljoin(page, href) for href in NAVIGATION_LINK.findall(page_html(site, uri))}


def test_every_item_page_is_in_the_navigation_of_its_section(built_site, record):
    """The navigation holds the sections on every page, and the items of the section a reader is
    in (Material prunes the other sections to their titles, which lead to their index pages)."""
    sections = navigation_links(built_site, "index.md")
    for item in [*record.participants, *record.people, *record.themes, *record.events]:
        section = src_uri(item).split("/")[0]
        assert f"/{section}/" in sections, f"the section {section} is missing from the navigation"
        shown = navigation_links(built_site, f"{section}/index.md") & navigation_links(built_site, src_uri(item))
        assert "/" + src_uri(item).removesuffix(".md") + "/" in shown, f"{item.id} is missing from its section's navigation"


def test_theme_without_statements_says_so(built_site, record):
    silent = [t for t in record.themes if not record.statements_during(t.id)]
    assert silent, "the source records statements under only some themes"
    for theme in silent:
        assert "reports no statement made under it" in visible_text(page_html(built_site, src_uri(theme)))


# ---------------------------------------------------------------------------
# Facts of the source, from the checklist in tests/source_facts.yml, not from the data

def test_every_participant_of_the_source_is_on_the_site(built_site, source_facts):
    groups = source_facts["participants"]
    assert sum(len(group["names"]) for group in groups) == 17
    text = visible_text(page_html(built_site, "participants/index.md"))
    for group in groups:
        assert group["heading"] in text, group["heading"]
        for name in group["names"]:
            assert name in text, name


def test_every_theme_title_is_on_the_site(built_site, source_facts):
    titles = source_facts["themes"]
    assert len(titles) == 6
    text = visible_text(page_html(built_site, "themes/index.md"))
    for title in titles:
        assert title in text, title


def test_every_bilateral_talk_is_on_the_site(built_site, source_facts):
    talks = source_facts["talks"]
    assert len(talks) == 4
    text = visible_text(page_html(built_site, "talks.md"))
    for talk in talks:
        assert talk["person"] in text and talk["title"] in text and talk["country"] in text, talk


def test_dates_venues_outcome_and_contact_are_on_the_site(built_site, source_facts):
    text = all_text(built_site)
    days = [f"{day:%A} {day.day} {day:%B %Y}" for day in source_facts["dates"]]  # as the site writes them
    contact = source_facts["contact"]
    for fact in [*days, *source_facts["venues"], *source_facts["phrases"], *contact.values()]:
        assert fact in text, fact


@pytest.mark.parametrize("topic", ["Open RAN", "HAPS", "satellites", "SDGs", "Global South", "AI Safety Institute",
                                   "codes of conduct", "cultur", "February 2024"])
def test_japan_statement_topics_are_on_the_statements_page(built_site, topic):
    assert topic in visible_text(page_html(built_site, "statements.md"))
