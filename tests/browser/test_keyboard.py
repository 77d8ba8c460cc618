"""Keyboard: the Tab key alone reaches the search, the navigation and every link in the content of
the home page and of a participant page, and every stop on the way shows a focus ring on screen; a
glossary term reached by Tab shows its expansion, which Escape puts away."""

from __future__ import annotations

import pytest

from meeting_record.site.locations import target
from page_checks import VIEWPORTS

VIEWPORT = VIEWPORTS["desktop"]
SETTLE_MS = 500

# Marks every element the keyboard must reach with data-kbd and returns what each one is.
MARK_TARGETS = """() => {
  const shown = e => e.checkVisibility({visibilityProperty: true}) && e.getClientRects().length > 0;
  const groups = {
    search: '.md-search__input',
    navigation: '.md-tabs__link, .md-sidebar--primary a.md-nav__link',
    content: 'article a[href]',
  };
  const wanted = [];
  for (const [group, selector] of Object.entries(groups)) {
    for (const e of document.querySelectorAll(selector)) {
      if (!shown(e)) continue;
      e.dataset.kbd = wanted.length;
      wanted.push(`${group}: ${e.getAttribute('href') || e.className}`);
    }
  }
  return wanted;
}"""

# Describes the focused element: which target it is, and whether its focus ring is on screen and
# uncovered. Material's palette switch is an invisible radio button whose ring is drawn on the
# label right after it.
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  let ringed = e;
  if (e.getBoundingClientRect().width === 0 && e.nextElementSibling?.tagName === 'LABEL') ringed = e.nextElementSibling;
  const style = getComputedStyle(ringed);
  const box = ringed.getBoundingClientRect();
  const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
               && style.outlineColor !== 'rgba(0, 0, 0, 0)';
  const onScreen = box.width > 0 && box.height > 0 && box.top >= -1 && box.left >= -1
                   && box.bottom <= innerHeight + 1 && box.right <= innerWidth + 1;
  const top = onScreen && document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  const uncovered = !!top && (ringed.contains(top) || top.contains(ringed));
  return {target: e.dataset.kbd ?? null, ring, onScreen, uncovered,
          name: `<${e.tagName.toLowerCase()} class="${e.getAttribute('class') || ''}" href="${e.getAttribute('href') || ''}">`};
}"""


def tab_through(page, limit: int) -> list[dict]:
    """Press Tab until the focus has gone once round the page; the stops, in order."""
    stops: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop and not stop["uncovered"]:
            # Material fades its search overlay out: judge what a reader sees once it settles.
            page.wait_for_timeout(SETTLE_MS)
            stop = page.evaluate(FOCUSED)
        if stop is None or (stops and stop["name"] == stops[0]["name"] and stop["target"] == stops[0]["target"]):
            break
        stops.append(stop)
    return stops


def page_paths(record) -> list[str]:
    participant = record.participant_of(record.reporter)
    return ["/", target(participant).removesuffix(".md") + "/"]


@pytest.fixture
def keyboard_page(page):
    """A page of its own for each test, which starts with nothing focused, in the module's browser
    context."""
    page.set_viewport_size(VIEWPORT)
    return page


@pytest.mark.parametrize("edition", ["", "/ja"], ids=["en", "ja"])
@pytest.mark.parametrize("which", ["home", "participant"])
def test_tab_reaches_search_navigation_and_every_content_link_with_a_visible_ring(keyboard_page, site_url, record, which, edition):
    path = edition + page_paths(record)[["home", "participant"].index(which)]
    page = keyboard_page
    page.goto(site_url + path, wait_until="networkidle")
    wanted = page.evaluate(MARK_TARGETS)
    assert any(w.startswith("search") for w in wanted) and any(w.startswith("content") for w in wanted)

    stops = tab_through(page, limit=len(wanted) + 100)

    reached = {int(s["target"]) for s in stops if s["target"] is not None}
    missing = [w for i, w in enumerate(wanted) if i not in reached]
    assert not missing, f"{path}: Tab never reaches:\n" + "\n".join(missing)
    unseen = [f"{s['name']} (ring: {s['ring']}, on screen: {s['onScreen']}, uncovered: {s['uncovered']})"
              for s in stops if not (s["ring"] and s["onScreen"] and s["uncovered"])]
    assert not unseen, f"{path}: focus is not visible on:\n" + "\n".join(unseen)


def test_a_missing_focus_ring_is_caught(keyboard_page, site_url):
    """The check above can fail: with outlines taken away, the stops are reported."""
    page = keyboard_page
    page.goto(site_url + "/", wait_until="networkidle")
    page.add_style_tag(content="*, *:focus-visible, .md-option:focus-visible + label { outline: none !important; }")
    stops = tab_through(page, limit=5)
    assert stops and not any(s["ring"] for s in stops)


def tab_to_a_glossary_term(page, site_url: str):
    """The first glossary term of a participant's page, reached with Tab."""
    page.goto(site_url + "/participants/japan/")
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            return page.evaluate_handle("document.activeElement")
    raise AssertionError("Tab never reached a glossary term on /participants/japan/")


# What a focused element draws after itself (record.css draws a glossary term's expansion there):
# its text, its size, and where it lies across the window.
SHOWN_AFTER = """() => {
  const term = document.activeElement, after = getComputedStyle(term, '::after'), box = term.getBoundingClientRect();
  const fixed = after.position === 'fixed';
  const left = (fixed ? 0 : box.left) + parseFloat(after.left), top = (fixed ? 0 : box.top) + parseFloat(after.top);
  const [width, height] = [parseFloat(after.width), parseFloat(after.height)];
  return {content: after.content, width, height, left, right: left + width, top, bottom: top + height};
}"""


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_a_glossary_term_shows_its_expansion_when_reached_by_keyboard(page, site_url, record, viewport):
    """Abbreviations carry their expansion in a tooltip: the first of each term on a page is a Tab
    stop, and reaching it shows the expansion under the term, as hovering shows the title."""
    page.set_viewport_size(viewport)
    focused = tab_to_a_glossary_term(page, site_url)
    term = focused.evaluate("term => term.textContent")
    expansion = next(entry.expansion for entry in record.glossary if entry.term == term)
    shown = page.evaluate(SHOWN_AFTER)
    assert shown["content"].startswith(f'"{expansion}"') and shown["width"] > 0 and shown["height"] > 0, shown
    on_screen = shown["left"] >= 0 and shown["right"] <= viewport["width"] and shown["top"] >= 0 and shown["bottom"] <= viewport["height"]
    assert on_screen, f"the expansion runs off the screen: {shown}"
    page.keyboard.press("Tab")
    assert focused.evaluate("term => getComputedStyle(term, '::after').content") == "none", "the expansion stays after the focus has moved on"


def test_escape_puts_a_glossary_terms_expansion_away_and_leaves_the_focus_on_it(keyboard_page, site_url):
    """What shows on focus and covers the text around it can be put away without moving the focus
    (WCAG 2.2, 1.4.13): Escape does so, and the expansion shows again when the term is next reached."""
    page = keyboard_page
    term = tab_to_a_glossary_term(page, site_url)
    expansion = "term => getComputedStyle(term, '::after').content"
    assert term.evaluate(expansion) != "none"
    page.keyboard.press("Escape")
    assert term.evaluate("term => term === document.activeElement"), "Escape moved the focus"
    assert term.evaluate(expansion) == "none", "the expansion stays after Escape"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert term.evaluate("term => term === document.activeElement")
    assert term.evaluate(expansion) != "none", "the expansion does not show when the term is reached again"
