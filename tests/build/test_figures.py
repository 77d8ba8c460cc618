"""The figures: drawn from the record at build time as inline SVG, each with a title and a text
description, every shape that stands for an item linking to that item's page, and nothing in
them more precise than the source."""

from __future__ import annotations

import dataclasses
import re
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from meeting_record.figures.draw import FIGURES, make_svg_environment, render_figure
from project import ROOT
from meeting_record.data.record import Record, Talk

SVG = "{http://www.w3.org/2000/svg}"
# The page each figure is shown on, as a URL path from the site's root.
FIGURE_PAGES = {"participants": "participants/", "timeline": "events/", "talks": "talks/"}


def page_file(site: Path, url: str) -> Path:
    return site / url / "index.html"


def figure_of(site: Path, name: str) -> ET.Element:
    """The built <figure> for `name`, parsed as XML (so it must be well-formed)."""
    markup = page_file(site, FIGURE_PAGES[name]).read_text(encoding="utf-8")
    found = re.findall(rf'<figure class="record-figure[^"]*" id="figure-{name}">.*?</figure>', markup, re.S)
    assert len(found) == 1, f"figure {name} should appear exactly once on /{FIGURE_PAGES[name]}"
    return ET.fromstring(found[0])


XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def links(element: ET.Element) -> list[str]:
    return [a.get(XLINK_HREF) for a in element.iter(f"{SVG}a")]


def svg_text(element: ET.Element) -> str:
    svg = element.find(f"{SVG}svg")
    return " ".join(" ".join(t.itertext()) for t in svg.iter(f"{SVG}text"))


def rendered(name: str, record: Record) -> ET.Element:
    """`name` drawn from `record`, with each link simply '#<id>'."""
    markup = render_figure(name, record, lambda item: f"#{item.id}", make_svg_environment())
    return ET.fromstring(markup)


# ---------------------------------------------------------------------------
# In the built site

@pytest.mark.parametrize("name", sorted(FIGURE_PAGES))
def test_figure_has_title_description_and_caption(built_site, name):
    figure = figure_of(built_site, name)
    svg = figure.find(f"{SVG}svg")
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert svg.get("aria-labelledby") == title.get("id") and svg.get("aria-describedby") == desc.get("id")
    assert title.text.strip() and len(desc.text) > 40
    assert figure.find("figcaption").text.strip()
    assert re.fullmatch(r"0 0 [\d.]+ [\d.]+", svg.get("viewBox")), "a viewBox lets the drawing scale to the page"


@pytest.mark.parametrize("name", sorted(FIGURE_PAGES))
def test_every_link_leads_to_a_page_and_anchor_of_the_site(built_site, name):
    page_url = f"http://site.invalid/{FIGURE_PAGES[name]}"
    hrefs = links(figure_of(built_site, name))
    assert hrefs
    for href in hrefs:
        assert not href.startswith(("/", "http:", "https:")), f"{href}: links must be relative, to work under a sub-path"
        target = urllib.parse.urlsplit(urllib.parse.urljoin(page_url, href))
        file = page_file(built_site, target.path.lstrip("/"))
        assert file.is_file(), f"{href} on /{FIGURE_PAGES[name]} leads nowhere"
        if target.fragment:
            assert f'id="{target.fragment}"' in file.read_text(encoding="utf-8"), f"{href}: no such anchor"


def test_participants_figure_links_every_participant_in_its_group(built_site, record):
    figure = figure_of(built_site, "participants")
    hrefs = links(figure)
    for group in record.groups:
        assert f"#{group.id}" in hrefs
    assert sorted(h for h in hrefs if not h.startswith("#")) == sorted(f"{p.id}/" for p in record.participants)
    description = figure.find(f"{SVG}svg/{SVG}desc").text
    for participant in record.participants:
        assert participant.name in description


def test_timeline_links_every_event_theme_and_talk(built_site, record):
    hrefs = links(figure_of(built_site, "timeline"))
    event_links = [h for h in hrefs if h.removesuffix("/") in {e.id for e in record.events}]
    assert event_links == [f"{e.id}/" for e in record.events], "events are drawn in the source's order"
    assert [h for h in hrefs if h.startswith("../themes/")] == [f"../themes/{t.id}/" for t in record.themes]
    assert [h for h in hrefs if h.startswith("../talks/")] == [f"../talks/#{t.id}" for t in record.talks]
    assert "../#meeting" in hrefs


def test_talks_figure_links_each_talk_and_each_side(built_site, record):
    figure = figure_of(built_site, "talks")
    hrefs = links(figure)
    for talk in record.talks:
        assert f"#{talk.id}" in hrefs
        assert f"../people/{talk.host}/" in hrefs and f"../people/{talk.counterpart}/" in hrefs
        assert f"../participants/{record.partner_of(talk).id}/" in hrefs
    titles = [a.find(f"{SVG}title").text for a in figure.iter(f"{SVG}a") if a.get(XLINK_HREF).startswith("#")]
    assert len(titles) == len(record.talks), "each line that stands for a talk has a name of its own"


# ---------------------------------------------------------------------------
# No more precise than the source

TIME_OF_DAY = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b[ap]\.?m\.?\b|morning|afternoon|evening", re.I)


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_no_time_of_day_is_drawn(record, name):
    figure = rendered(name, record)
    assert not TIME_OF_DAY.search(svg_text(figure) + figure.find(f"{SVG}svg/{SVG}desc").text)


def test_only_the_stated_order_is_drawn_as_arrows(record):
    svg = rendered("timeline", record)
    arrows = [p for p in svg.iter(f"{SVG}path") if p.get("class") == "fig-arrow"]
    assert len(arrows) == sum(1 for event in record.events if event.after)
    unordered = [e for e in record.events if e.after is None]
    assert len(unordered) > 1 and "gives no order between these" in svg_text(svg)


# ---------------------------------------------------------------------------
# A change in the data changes the figure

def test_the_presidency_mark_follows_the_data(record):
    def marked(r: Record) -> list[str]:
        svg = rendered("participants", r)
        return [a.get(XLINK_HREF) for a in svg.iter(f"{SVG}a")
                if any("fig-chip--marked" in (rect.get("class") or "") for rect in a.iter(f"{SVG}rect"))]

    assert marked(record) == [f"#{record.presidency.id}"]
    moved = [dataclasses.replace(p, roles=("presidency",) if p.id == "japan" else ()) for p in record.participants]
    assert marked(dataclasses.replace(record, participants=tuple(moved))) == ["#japan"]


def test_a_new_talk_is_drawn(record):
    extra = Talk(id="talk-extra", host=record.talks[0].host, counterpart=record.people[1].id, sources=record.talks[0].sources)
    changed = dataclasses.replace(record, talks=(*record.talks, extra))
    assert "#talk-extra" in links(rendered("talks", changed))
    assert "#talk-extra" in links(rendered("timeline", changed))
    assert "#talk-extra" not in links(rendered("talks", record))


def test_an_event_without_a_stated_order_loses_its_arrow(record):
    events = tuple(dataclasses.replace(e, after=None) for e in record.events)
    svg = rendered("timeline", dataclasses.replace(record, events=events))
    assert not [p for p in svg.iter(f"{SVG}path") if p.get("class") == "fig-arrow"]


# ---------------------------------------------------------------------------
# Text from the data is text in the drawing

def test_names_are_escaped_in_the_svg(record):
    hostile = '<script>alert(1)</script> & "quoted" ]]>'
    participants = tuple(dataclasses.replace(p, name=hostile) if p.id == "brazil" else p for p in record.participants)
    svg = rendered("participants", dataclasses.replace(record, participants=participants))  # parses: well-formed
    assert hostile in svg_text(svg)
    assert not list(svg.iter(f"{SVG}script")) and not list(svg.iter("script"))


# ---------------------------------------------------------------------------
# Both palettes: colours come from Material's variables only

def test_figure_colours_come_from_the_theme():
    css = (ROOT / "docs" / "assets" / "figures.css").read_text(encoding="utf-8")
    colours = re.findall(r"(?:fill|stroke|color)\s*:\s*([^;]+);", css)
    assert colours
    fixed = [c for c in colours if not (c.startswith("var(--md-") or c in ("none", "transparent"))]
    assert not fixed, f"fixed colours do not follow the light and dark palettes: {fixed}"
    templates = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "hooks" / "templates" / "figures").glob("*.j2"))
    assert not re.search(r"\b(fill|stroke)=\"(?!none)", templates), "colours belong in figures.css"
