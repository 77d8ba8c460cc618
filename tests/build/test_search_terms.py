"""What the built site gives Material's search and tags: a tag for each participant and theme,
listed on the tags page; the names readers type, in the search index but shown only where a
source gives them as names; a search configuration that keeps short names and abbreviations;
and the guessable addresses."""

from __future__ import annotations

import html
import json
import re

import pytest

from project import build_site, project_copy
from test_cli_errors import mkdocs_build
from test_site import page_html, visible_text

TAG = re.compile(r'<a href="([^"]+)" class="md-tag">([^<]+)</a>')


@pytest.fixture(scope="module")
def search_index(built_site) -> dict:
    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))


def page_entry(search_index: dict, location: str) -> dict:
    return next(doc for doc in search_index["docs"] if doc["location"] == location)


def test_participant_and_theme_pages_show_their_tag(built_site, record):
    for item, name in [*((p, p.name) for p in record.participants), *((t, t.title) for t in record.themes)]:
        markup = page_html(built_site, f"{'participants' if item in record.participants else 'themes'}/{item.id}.md")
        tags = [(href, html.unescape(text)) for href, text in TAG.findall(markup)]
        assert tags[:1] and tags[0][1] == name, f"{item.id} shows the tags {tags}"
        assert tags[0][0].startswith("../../tags/#tag:")


def test_people_and_events_show_the_tags_of_their_participants_and_themes(built_site):
    urso = [html.unescape(t) for _, t in TAG.findall(page_html(built_site, "people/adolfo-urso.md"))]
    assert urso == ["Italy"]
    discussion = {html.unescape(t) for _, t in TAG.findall(page_html(built_site, "events/theme-discussions.md"))}
    assert {"Digital Government", "AI in the Public Sector"} <= discussion


def test_the_tags_page_lists_each_tag_with_its_pages(built_site, record):
    tags_page = page_html(built_site, "tags.md")
    italy = tags_page.split('id="tag:italy"', 1)[1].split("<h2", 1)[0]
    assert {"participants/italy/", "people/adolfo-urso/", "people/alessio-butti/"} <= set(re.findall(r'href="\.\./([^"#]+)"', italy))
    for participant in record.participants:
        assert f'href="../participants/{participant.id}/"' in tags_page


def test_search_only_names_are_not_shown_as_tags(built_site):
    shown = {html.unescape(t) for _, t in TAG.findall(page_html(built_site, "participants/usa.md"))}
    assert shown == {"USA"}
    assert "United States of America" not in visible_text(page_html(built_site, "tags.md"))


def test_the_search_knows_every_name_of_a_participant(search_index, record):
    for participant in record.participants:
        tags = {html.unescape(tag) for tag in page_entry(search_index, f"participants/{participant.id}/")["tags"]}
        names = {participant.name, participant.full_name, participant.short_name, *participant.aliases}
        assert names <= tags, f"{participant.id}: the search does not know {names - tags}"


def test_participant_pages_show_as_names_only_the_names_a_source_gives(built_site, record):
    for participant in record.participants:
        text = visible_text(page_html(built_site, f"participants/{participant.id}.md"))
        given = {participant.name, participant.full_name, participant.short_name, participant.code}
        opening = text.split("among the", 1)[0]
        for name in sorted(filter(None, given), key=len, reverse=True):
            opening = opening.replace(name, " ")
        for alias in set(participant.aliases) - given:
            assert not re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", opening), f"{participant.id} shows {alias!r} as a name"
        assert "search terms" not in text.casefold()


def test_a_short_name_outranks_a_longer_name_that_begins_like_it(search_index):
    uk, ukraine = page_entry(search_index, "participants/uk/"), page_entry(search_index, "participants/ukraine/")
    assert uk["boost"] > ukraine["boost"]
    unesco, un = page_entry(search_index, "participants/unesco/"), page_entry(search_index, "participants/united-nations/")
    assert un["boost"] > unesco["boost"]


def test_an_items_own_page_outranks_pages_that_list_it(search_index):
    italy = page_entry(search_index, "participants/italy/")
    urso = page_entry(search_index, "people/adolfo-urso/")
    theme = page_entry(search_index, "themes/digital-government/")
    event = page_entry(search_index, "events/theme-discussions/")
    assert italy["boost"] > urso["boost"] and theme["boost"] > event["boost"]


def test_search_keeps_abbreviations_and_stop_words(search_index):
    config = search_index["config"]
    assert config["pipeline"] == []  # no stop words dropped ("US", "IT"), no stemming
    words = [w for w in re.split(config["separator"], "the U.S., the UK (GB) and Co-operation: “EU”") if w]
    assert words == ["the", "U.S.", "the", "UK", "GB", "and", "Co", "operation", "EU"]


@pytest.mark.parametrize(("guess", "page"), [("participants/united-states/", "../usa/"), ("participants/u-s/", "../usa/"),
                                             ("participants/republic-of-korea/", "../south-korea/"),
                                             ("participants/international-telecommunication-union/", "../itu/"),
                                             ("people/urso/", "../adolfo-urso/")])
def test_guessable_addresses_redirect_to_the_page(built_site, guess, page):
    markup = (built_site / guess / "index.html").read_text(encoding="utf-8")
    assert f'<meta http-equiv="refresh" content="0; url={page}">' in markup


def test_every_alias_has_its_address(built_site, record):
    for participant in record.participants:
        for alias in participant.aliases:
            folder = re.sub(r"[^a-z0-9]+", "-", alias.lower()).strip("-")
            assert (built_site / "participants" / folder / "index.html").is_file(), f"no address for {alias!r}"


def with_redirect(config_text: str, entry: str) -> str:
    """mkdocs.yml with one more redirect written by hand, indented as the ones already there."""
    head, rest = config_text.split("redirect_maps:\n", 1)
    indent = rest[: len(rest) - len(rest.lstrip(" "))]
    return f"{head}redirect_maps:\n{indent}{entry}\n{rest}"


def test_a_redirect_written_by_hand_over_a_page_stops_the_build(tmp_path):
    project = project_copy(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(with_redirect(text, "participants/canada.md: about.md"), encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert "the redirect from participants/canada.md to about.md would replace the page" in result.stderr
    assert "Traceback" not in result.stderr and not (project / "out").exists()


def test_a_redirect_written_by_hand_keeps_an_old_address(tmp_path):
    project = project_copy(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(with_redirect(text, "sources.md: about.md"), encoding="utf-8")
    site = build_site(project / "site", config_file=config, editions=False)
    assert 'url=../about/"' in (site / "sources" / "index.html").read_text(encoding="utf-8")
