"""The site's own prose claims no more than the record holds: every sentence of the templates and
hand-written pages that says something about the record (an order, a count, "each", who said or
did something) is checked against the data, over every page of the built site and every meta
description."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from meeting_record.site.locations import target
from site_pages import page_files
from test_site import page_html, visible_text

NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12}
NUMBER = r"(\d+|" + "|".join(NUMBERS) + r")"
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')

# What the source says its attendee said or did is his, not his country's: no prose may give it
# to Japan, or call him Japan's (only) representative.
JAPAN_AS_ACTOR = re.compile(
    r"\bJapan was represented\b|\b(?:spoke|speaks|attended|acted|talks?|held) for Japan\b|\bfor Japan by\b|\bJapan's (?:interventions|representative|bilateral talks|statements)\b"
    r"|\bJapan (?:said|spoke|stated|stressed|called|urged|held|met|argued)\b|\btalks (?:held )?by Japan\b"
    r"|\btalks with Japan\b|\bwhat Japan\b")


def number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS[word.lower()]


def site_texts(site: Path) -> dict[str, str]:
    """The visible text and the meta description of every page, by page path."""
    texts = {}
    for file in page_files(site):
        markup = file.read_text(encoding="utf-8")
        if "<article" not in markup:
            continue
        description = DESCRIPTION.search(markup)
        texts[file.relative_to(site).as_posix()] = " ".join(
            [visible_text(markup), html.unescape(description.group(1)) if description else ""])
    return texts


@pytest.fixture(scope="module")
def texts(built_site: Path) -> dict[str, str]:
    return site_texts(built_site)


def test_nothing_the_attendee_said_or_did_is_given_to_his_country(texts):
    found = {page: JAPAN_AS_ACTOR.findall(text) for page, text in texts.items()}
    assert not {page: hits for page, hits in found.items() if hits}


def test_the_home_page_names_the_ministry_the_attendee_came_from(built_site, record):
    text = visible_text(page_html(built_site, "index.md"))
    text = text.replace("( ", "(").replace(" )", ")").lower()
    ministry = record.meeting.ministry
    for claim in [f"attended from the {ministry.name} ({ministry.abbreviation}) by {record.reporter.name}",
                  f"{record.reporter.name}, {record.reporter.title}, attended from Japan's {ministry.name}"]:
        assert claim.lower() in text, claim


def test_no_group_is_made_to_speak_about_one_of_its_own_members(record):
    groups = {group.id for group in record.groups}
    for statement in record.statements:
        if statement.speaker in groups:
            members = {p.id for p in record.participants if p.group == statement.speaker}
            assert not members & set(statement.mentions), (
                f"{statement.id}: the group {statement.speaker} speaks about its own member(s) "
                f"{sorted(members & set(statement.mentions))}")


def test_the_praise_is_for_leadership_through_the_process_not_of_it(texts):
    for page, text in texts.items():
        assert "leadership of the Hiroshima AI Process" not in text, page


def test_each_statement_listed_on_a_participant_page_names_who_made_it(built_site, record):
    for participant in record.participants:
        markup = page_html(built_site, f"participants/{participant.id}.md")
        for item in re.findall(r"<li>(.*?)</li>", markup.split("<article", 1)[1], re.DOTALL):
            ids = re.findall(r'href="[^"]*statements/#([a-z0-9-]+)"', item)
            if not ids:
                continue
            speaker = record.name_of(record.get(record.get(ids[0]).speaker))
            assert f", by {speaker}:" in re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", item))), (
                f"participants/{participant.id}: {ids[0]} is listed without its speaker")


@pytest.mark.parametrize("claim", ["under each", "each theme", "every theme", "all six themes", "all the themes"])
def test_no_page_claims_statements_under_every_theme_when_some_have_none(texts, record, claim):
    silent = [theme.id for theme in record.themes if not record.statements_during(theme.id)]
    if not silent:
        return
    for page, text in texts.items():
        assert claim not in text.lower(), f"{page} says {claim!r}, but nothing is recorded under {silent}"


def test_a_silent_themes_description_says_it_is_silent(built_site, record):
    for theme in record.themes:
        description = DESCRIPTION.search(page_html(built_site, f"themes/{theme.id}.md")).group(1)
        if record.statements_during(theme.id):
            assert "what the source reports was said under it" in description, theme.id
        else:
            assert "reports no statement made under it" in description, theme.id


ORDER_CLAIM = re.compile(r"in (?:the|its|the source's) order|in the order in which|source's order")


def item_order(markup: str, items) -> list[str]:
    """The ids of `items` in the order the page's content, after its figure, first links or anchors them."""
    article = markup.split("<article", 1)[1].split("</article>", 1)[0]
    article = article.rsplit("</figure>", 1)[-1]
    positions = {}
    for item in items:
        address = target(item)
        anchor = address.split("#", 1)[1] if "#" in address else None
        page = address.split("#", 1)[0].removesuffix(".md").removesuffix("/index").rsplit("/", 1)[-1]
        needle = (re.compile(f'id="{anchor}"') if anchor else
                  re.compile(f'href="(?:[^"]*/)?{re.escape(page)}/(?:#[^"]*)?"'))
        found = needle.search(article)
        if found:
            positions[item.id] = found.start()
    return sorted(positions, key=positions.get)


@pytest.mark.parametrize(("uri", "items"), [("statements.md", "statements"), ("events/index.md", "events"),
                                            ("talks.md", "talks"), ("themes/index.md", "themes"),
                                            ("participants/index.md", "participants"), ("people/index.md", "people")])
def test_a_page_that_claims_the_source_order_keeps_it(built_site, record, uri, items):
    markup = page_html(built_site, uri)
    if not ORDER_CLAIM.search(visible_text(markup)):
        return
    expected = [item.id for item in getattr(record, items)]
    assert item_order(markup, getattr(record, items)) == expected, f"{uri} claims the source's order but reorders"


def test_the_statements_page_keeps_the_source_order(built_site, record):
    markup = page_html(built_site, "statements.md")
    assert ORDER_CLAIM.search(visible_text(markup))
    anchors = [a for a in re.findall(r'<h[2-4] id="([a-z0-9-]+)"', markup) if a in {s.id for s in record.statements}]
    assert anchors == [s.id for s in record.statements]


def test_the_statements_page_keeps_its_former_section_anchors(built_site):
    markup = page_html(built_site, "statements.md")
    for anchor in ["japan-interventions", "other-statements"]:
        assert f'id="{anchor}"' in markup, anchor


def counts(record) -> dict[str, int]:
    members = {group.id: len(record.members_of(group)) for group in record.groups}
    return {"invited countries": members["invited-countries"],
            "international organisations": members["international-organizations"],
            "counterparts": len(record.talks), "bilateral talks": len(record.talks), "talks": len(record.talks),
            "themes": len(record.themes), "discussion themes": len(record.themes),
            "participants": len(record.participants), "people": len(record.people)}


def test_every_count_in_the_prose_matches_the_data(texts, record):
    expected = counts(record)
    pattern = re.compile(NUMBER + r" (" + "|".join(sorted(expected, key=len, reverse=True)) + r")\b", re.IGNORECASE)
    checked = 0
    for page, text in texts.items():
        for word, noun in pattern.findall(text):
            if page.startswith("data/"):
                continue  # the open-data page describes files, not the meeting
            assert number(word) == expected[noun.lower()], f"{page}: {word} {noun}, but the record has {expected[noun.lower()]}"
            checked += 1
    assert checked


def test_the_counts_of_remarks_match_the_data(texts, record):
    speaking = [theme for theme in record.themes if record.statements_during(theme.id)]
    by_reporter = record.statements_by(record.reporter.id)
    for page, text in texts.items():
        for word in re.findall(r"under " + NUMBER + r" of them", text):
            assert number(word) == len(speaking), page
        for part, whole in re.findall(r"(\d+) of the (\d+) are remarks by", text):
            assert (int(part), int(whole)) == (len(by_reporter), len(record.statements)), page
