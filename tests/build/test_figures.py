"""The figures: drawn from the record at build time as HTML boxes laid out by CSS (SVG draws only
lines), each named by its caption, every box that stands for an item linking to that item's page,
no link a second Tab stop for a place the page's text already links, and nothing in them more
precise than the source."""

from __future__ import annotations

import dataclasses
import re
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from meeting_record.data.record import Record, Talk
from meeting_record.figures.draw import FIGURES, make_figure_environment, render_figure
from meeting_record.site.wording import words
from project import ROOT

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# The page each figure is shown on, as a URL path from the site's root.
FIGURE_PAGES = {"participants": "participants/", "timeline": "events/", "talks": "talks/"}


def page_file(site: Path, url: str) -> Path:
    return site / url / "index.html"


def figure_markup(site: Path, name: str) -> tuple[str, str]:
    """The built <figure> for `name`, and the rest of its page."""
    markup = page_file(site, FIGURE_PAGES[name]).read_text(encoding="utf-8")
    found = re.findall(rf'<figure class="record-figure[^"]*" id="figure-{name}">.*?</figure>', markup, re.S)
    assert len(found) == 1, f"figure {name} should appear exactly once on /{FIGURE_PAGES[name]}"
    return found[0], markup.replace(found[0], "")


def figure_of(site: Path, name: str) -> ET.Element:
    """The built <figure> for `name`, parsed as XML (so it must be well-formed)."""
    return ET.fromstring(figure_markup(site, name)[0])


def anchors(element: ET.Element) -> list[ET.Element]:
    return [a for a in element.iter() if a.tag in ("a", f"{SVG}a")]


def href_of(a: ET.Element) -> str:
    return a.get("href") or a.get(XLINK_HREF)


def links(element: ET.Element) -> list[str]:
    return [href_of(a) for a in anchors(element)]


def text_of(element: ET.Element) -> str:
    return " ".join(" ".join(element.itertext()).split())


def rendered(name: str, record: Record, listed=lambda item: False) -> ET.Element:
    """`name` drawn from `record`, with each link simply '#<id>'."""
    markup = render_figure(name, lambda item: f"#{item.id}", listed, make_figure_environment(record, words("en")))
    return ET.fromstring(markup)


# ---------------------------------------------------------------------------
# In the built site

@pytest.mark.parametrize("name", sorted(FIGURE_PAGES))
def test_figure_is_named_by_its_caption_and_draws_no_text_in_svg(built_site, name):
    figure = figure_of(built_site, name)
    assert len(figure.find("figcaption").text) > 40
    assert not list(figure.iter(f"{SVG}text")), "text in SVG cannot wrap: the boxes of text are HTML"


@pytest.mark.parametrize("name", sorted(FIGURE_PAGES))
def test_a_link_the_page_repeats_is_no_second_tab_stop(built_site, name):
    """A figure link that leaves the Tab order must lead where a link in the page's text leads too,
    and one that stays in it must lead where no other link of the page's content does."""
    figure, rest = figure_markup(built_site, name)
    content = rest.split('<article', 1)[1].split("</article>", 1)[0]
    elsewhere = set(re.findall(r'href="([^"]+)"', content))
    for a in anchors(ET.fromstring(figure)):
        href = href_of(a)
        if a.get("tabindex") == "-1":
            assert href in elsewhere, f"{href} is reachable only by a pointer"
        else:
            assert href not in elsewhere, f"{href} is a second Tab stop on /{FIGURE_PAGES[name]}"


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
    words = text_of(figure)
    for participant in record.participants:
        assert participant.name in words


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
    names = [a.get("aria-label") for a in figure.iter(f"{SVG}a") if href_of(a).startswith("#")]
    assert names == [f"Bilateral talk: {record.name_of(talk)}" for talk in record.talks], \
        "each line that stands for a talk has a name of its own"


# ---------------------------------------------------------------------------
# No more precise than the source

TIME_OF_DAY = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b[ap]\.?m\.?\b|morning|afternoon|evening", re.I)


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_no_time_of_day_is_drawn(record, name):
    assert not TIME_OF_DAY.search(text_of(rendered(name, record)))


def arrows(figure: ET.Element) -> list[ET.Element]:
    """The steps drawn under an arrow from the step before them."""
    return [li for ul in figure.iter("ul") if ul.get("class") == "fig-then" for li in ul.findall("li")]


def test_only_the_stated_order_is_drawn_as_arrows(record):
    figure = rendered("timeline", record)
    assert len(arrows(figure)) == sum(1 for event in record.events if event.after)
    for event in (e for e in record.events if e.after):
        assert f"After {record.get(event.after).title}: {event.title}" in text_of(figure), "each arrow is said in words too"
    unordered = [e for e in record.events if e.after is None]
    assert len(unordered) > 1 and "gives no order between these" in text_of(figure)


# ---------------------------------------------------------------------------
# A change in the data changes the figure

def test_the_presidency_mark_follows_the_data(record):
    def marked(r: Record) -> list[str]:
        figure = rendered("participants", r)
        return [href_of(a) for li in figure.iter("li") if "fig-chip--marked" in li.get("class", "") for a in anchors(li)]

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
    assert not arrows(rendered("timeline", dataclasses.replace(record, events=events)))


# ---------------------------------------------------------------------------
# Text from the data is text in the drawing

def test_names_are_escaped_in_the_figures(record):
    hostile = '<script>alert(1)</script> & "quoted" ]]>'
    participants = tuple(dataclasses.replace(p, name=hostile) if p.id == "usa" else p for p in record.participants)
    changed = dataclasses.replace(record, participants=participants)
    for name in FIGURES:
        figure = rendered(name, changed)  # parses: well-formed
        assert " ".join(hostile.split()) in text_of(figure)
        assert not list(figure.iter(f"{SVG}script")) and not list(figure.iter("script"))


# ---------------------------------------------------------------------------
# Both palettes: colours come from Material's variables only

def test_figure_colours_come_from_the_theme():
    css = (ROOT / "docs" / "assets" / "figures.css").read_text(encoding="utf-8")
    colours = re.findall(r"(?:fill|stroke|color|background)\s*:\s*([^;]+);", css)
    colours += re.findall(r"border(?:-[a-z]+)?\s*:[^;]*?(#[0-9a-fA-F]+|rgba?\([^)]*\)|var\([^)]*\))", css)
    assert colours
    fixed = [c for c in colours if not (c.startswith("var(--md-") or c in ("none", "transparent"))]
    assert not fixed, f"fixed colours do not follow the light and dark palettes: {fixed}"
    templates = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "hooks" / "meeting_record" / "figures" / "templates").glob("*.j2"))
    assert not re.search(r"\b(fill|stroke|color)=\"(?!none)", templates), "colours belong in figures.css"
