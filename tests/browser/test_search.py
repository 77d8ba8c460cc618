"""Search works the way a reader types: each query of the table below puts the expected page
first; a query typed key by key is searched as it is typed; a shared search link opens with
results; opening a result highlights the words searched for; and the index is built only once a
reader searches.

The queries of the tables are pasted, so that each is one search: typed key by key, a query is
also searched at every key, for each part typed, which the tables do not judge. The journeys
below type key by key.

The expected pages are written here by hand, as a reader would expect them: a participant's own
page for any of its common names, a person's page for the surname or the full name, a theme's
page for a distinctive word of its title, and for a topic of Japan's statements the theme or
event page where the statement was made, with that statement as the best section.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from journeys import type_query
from meeting_record.site.search_worker import MATERIAL_WORKER

# (query, expected page, anchor of the best section, if the query is about one statement)
QUERIES = [
    # Participants: official, source and everyday names
    ("USA", "/participants/usa/", None),
    ("US", "/participants/usa/", None),
    ("U.S.", "/participants/usa/", None),
    ("United States", "/participants/usa/", None),
    ("United States of America", "/participants/usa/", None),
    ("America", "/participants/usa/", None),
    ("UK", "/participants/uk/", None),
    ("U.K.", "/participants/uk/", None),
    ("United Kingdom", "/participants/uk/", None),
    ("Great Britain", "/participants/uk/", None),
    ("EU", "/participants/eu/", None),
    ("European Union", "/participants/eu/", None),
    ("Korea", "/participants/south-korea/", None),
    ("Republic of Korea", "/participants/south-korea/", None),
    ("South Korea", "/participants/south-korea/", None),
    ("UAE", "/participants/uae/", None),
    ("United Arab Emirates", "/participants/uae/", None),
    ("ITU", "/participants/itu/", None),
    ("International Telecommunication Union", "/participants/itu/", None),
    ("United Nations", "/participants/united-nations/", None),
    ("UN", "/participants/united-nations/", None),
    ("UNESCO", "/participants/unesco/", None),
    ("OECD", "/participants/oecd/", None),
    ("Canada", "/participants/canada/", None),
    ("France", "/participants/france/", None),
    ("Germany", "/participants/germany/", None),
    ("Deutschland", "/participants/germany/", None),
    ("Italy", "/participants/italy/", None),
    ("IT", "/participants/italy/", None),
    ("Japan", "/participants/japan/", None),
    ("Brazil", "/participants/brazil/", None),
    ("Ukraine", "/participants/ukraine/", None),
    # People: surname alone and full name
    ("Hasegawa", "/people/hasegawa-junji/", None),
    ("HASEGAWA Junji", "/people/hasegawa-junji/", None),
    ("Urso", "/people/adolfo-urso/", None),
    ("Adolfo Urso", "/people/adolfo-urso/", None),
    ("Butti", "/people/alessio-butti/", None),
    ("Marina Ferrari", "/people/marina-ferrari/", None),
    ("Ferrari", "/people/marina-ferrari/", None),
    ("Lang", "/people/steve-lang/", None),
    ("Steve Lang", "/people/steve-lang/", None),
    # Themes: a distinctive word of the title
    ("Resilient", "/themes/secure-resilient-networks/", None),
    ("Supply Chains", "/themes/secure-resilient-networks/", None),
    ("Growing Together", "/themes/digital-development/", None),
    ("Public Sector", "/themes/ai-public-sector/", None),
    ("Emerging Technologies", "/themes/ai-emerging-technologies-industry/", None),
    ("Digital Government", "/themes/digital-government/", None),
    # Topics of Japan's statements: where the statement was made, and the statement itself
    ("Open RAN", "/themes/secure-resilient-networks/", "open-ran"),
    ("HAPS", "/themes/secure-resilient-networks/", "multi-layered-networks"),
    ("satellites", "/themes/secure-resilient-networks/", "multi-layered-networks"),
    ("cables", "/themes/secure-resilient-networks/", "submarine-cables"),
    ("Global South", "/themes/digital-development/", "human-resource-development"),
    ("generative AI", "/themes/digital-development/", "generative-ai-sdgs"),
    ("interoperability", "/themes/hiroshima-ai-process-progress/", "governance-interoperability"),
    # One slip (a letter added, dropped, changed or two swapped) in a word of five letters or more
    ("Hasegwa", "/people/hasegawa-junji/", None),
    ("HASEGAWA Junij", "/people/hasegawa-junji/", None),
    ("Ferari", "/people/marina-ferrari/", None),
    ("Marina Ferari", "/people/marina-ferrari/", None),
    ("Alesio Butti", "/people/alessio-butti/", None),
    ("Germnay", "/participants/germany/", None),
    ("Deutschlnad", "/participants/germany/", None),
    ("Ukriane", "/participants/ukraine/", None),
    ("Canda", "/participants/canada/", None),
    ("Resilent", "/themes/secure-resilient-networks/", None),
    ("satelite", "/themes/secure-resilient-networks/", "multi-layered-networks"),
    ("submarine cabels", "/themes/secure-resilient-networks/", "submarine-cables"),
    ("interoperabilty", "/themes/hiroshima-ai-process-progress/", "governance-interoperability"),
    # A glossary expansion finds what its term finds
    ("generative artificial intelligence", "/themes/digital-development/", "generative-ai-sdgs"),
    ("generative artifical intelligence", "/themes/digital-development/", "generative-ai-sdgs"),
    ("artificial intelligence Safety Institute", "/subjects/aisi/", None),
    ("High-Altitude Platform Station", "/themes/secure-resilient-networks/", "multi-layered-networks"),
    ("open radio access network", "/themes/secure-resilient-networks/", "open-ran"),
    ("developing and emerging economies", "/themes/digital-development/", "human-resource-development"),
    # A name is a whole word: no name matches the beginning of a longer word
    ("UA", "/participants/ukraine/", None),
    ("CA", "/participants/canada/", None),
    ("DE", "/participants/germany/", None),
    ("JP", "/participants/japan/", None),
    ("UKR", "/participants/ukraine/", None),
    ("Ukrainian", "/participants/ukraine/", None),
    ("Junji", "/people/hasegawa-junji/", None),
    ("Steve", "/people/steve-lang/", None),
    ("Nippon", "/participants/japan/", None),
    ("Way Ahead", "/events/hiroshima-ai-process-the-way-ahead/", None),
    # Subjects: every name a reader would type puts the subject's own page first
    ("Hiroshima AI Process", "/subjects/hiroshima-ai-process/", None),
    ("HAIP", "/subjects/hiroshima-ai-process/", None),
    ("AI Safety Institute", "/subjects/aisi/", None),
    ("AISI", "/subjects/aisi/", None),
    ("B7", "/subjects/business-7/", None),
    ("Business 7", "/subjects/business-7/", None),
    ("toolkit", "/subjects/ai-public-sector-toolkit/", None),
    ("AI toolkit", "/subjects/ai-public-sector-toolkit/", None),
    ("reporting framework", "/subjects/hiroshima-ai-process-reporting-framework/", None),
    ("semiconductors", "/subjects/semiconductors-point-of-contact-group/", None),
    ("AI Hub", "/subjects/ai-hub-for-sustainable-development/", None),
    ("MSMEs", "/subjects/msme-ai-adoption-report/", None),
    ("digital identity", "/subjects/digital-identity-mapping/", None),
]

# Counts the queries Material's search page sends to its worker and the results it gets back, so
# that a test reads the results of the query it typed, not of a part of it; and notes when the
# worker is ready (Material then reads the search box once, whatever put the text there).
COUNT_SEARCHES = """
(() => {
  const Native = window.Worker;
  window.__searches = {sent: 0, answered: 0};
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", event => {
        if (event.data && event.data.type === 1) window.__searches.ready = true;
        if (event.data && event.data.type === 3) window.__searches.answered++;
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) window.__searches.sent++;
      return super.postMessage(message, ...rest);
    }
  };
})();
"""
ANSWERED_SINCE = "sent => window.__searches.sent > sent && window.__searches.sent === window.__searches.answered"
SEARCHES_SENT = "() => window.__searches.sent"
NEXT_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"
SEARCH_READY = "() => window.__searches.ready === true"
SEARCH_BOX = "input.md-search__input"
FIRST_RESULT = ".md-search-result__list > li:first-child"
# What a browser does when text is pasted into a box: the text goes in, and the box says so.
PASTE = """(box, text) => {
    box.setRangeText(text, box.selectionStart, box.selectionEnd, "end");
    box.dispatchEvent(new InputEvent("input", {bubbles: true, inputType: "insertFromPaste", data: text}));
}"""
# A query pasted over all the text in the open search box, as a reader selects it and pastes; once
# the search is answered and its results drawn, the links of the first result (none if none).
SEARCH_PASTED = """async query => {
    const box = document.querySelector(%r);
    const sent = window.__searches.sent;
    box.select();
    (%s)(box, query);
    for (const deadline = Date.now() + 15000; !(%s)(sent); await new Promise(wait => setTimeout(wait, 10)))
        if (Date.now() > deadline) throw new Error("the search was not answered");
    await (%s)();
    return [...document.querySelectorAll(%r)].map(a => a.href);
}""" % (SEARCH_BOX, PASTE, ANSWERED_SINCE, NEXT_FRAMES, f"{FIRST_RESULT} a.md-search-result__link")


def open_search(context, site_url: str) -> Page:
    """A page of the site with the search box open."""
    page = context.new_page()
    page.add_init_script(COUNT_SEARCHES)
    page.goto(site_url + "/")
    page.locator(SEARCH_BOX).click()
    return page


@pytest.fixture(scope="module")
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context
    context.close()


@pytest.fixture(scope="module")
def search_page(context, site_url):
    """One page for every query of the table."""
    return open_search(context, site_url)


def search(page: Page, query: str) -> list[str]:
    """Type `query` key by key into the open search box, emptied first; the links of the first
    result, once every search it made is answered."""
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    sent = page.evaluate(SEARCHES_SENT)
    type_query(page, query)
    page.wait_for_function(ANSWERED_SINCE, arg=sent, polling=25)
    page.evaluate(NEXT_FRAMES)
    expect(page.locator(FIRST_RESULT)).to_be_attached()
    return page.locator(f"{FIRST_RESULT} a.md-search-result__link").evaluate_all("links => links.map(a => a.href)")


def search_pasted(page: Page, query: str) -> list[str]:
    """Paste `query` over the text in the open search box: one search; the links of its first result."""
    links = page.evaluate(SEARCH_PASTED, query)
    assert links, f"{query!r} finds nothing"
    return links


@pytest.mark.parametrize(("query", "expected", "section"), QUERIES, ids=[q for q, _, _ in QUERIES])
def test_query_puts_the_expected_page_first(search_page, query, expected, section):
    links = [urlsplit(link) for link in search_pasted(search_page, query)]
    assert links[0].path == expected, f"{query!r}: first result is {links[0].path}, not {expected}"
    if section:
        sections = [link.fragment for link in links[1:]]
        assert sections[:1] == [section], f"{query!r}: the best section of {expected} is {sections[:1]}, not #{section}"


def test_the_table_covers_every_kind_of_query():
    kinds = {expected.split("/")[1] for _, expected, _ in QUERIES}
    assert len(QUERIES) >= 40 and kinds == {"participants", "people", "themes", "events", "subjects"}


@pytest.mark.parametrize(("edition", "query", "expected"), [("", "Urso", "/people/adolfo-urso/"),
                                                             ("/ja", "ウルソ", "/ja/people/adolfo-urso/")])
def test_text_put_in_with_no_key_released_is_searched(context, site_url, edition, query, expected):
    """Pasted with the mouse, dropped or dictated: the text arrives with no key released, which is
    all Material's search listens for."""
    page = open_search(context, site_url + edition)
    try:
        page.wait_for_function(SEARCH_READY)
        page.locator(SEARCH_BOX).evaluate(PASTE, query)
        expect(page.locator(f"{FIRST_RESULT} a.md-search-result__link").first).to_have_attribute("href", re.compile(re.escape(expected)))
    finally:
        page.close()


def test_the_index_is_built_at_the_first_search_not_as_a_page_loads(context, site_url):
    """A page read without a search spares the browser Material's worker and the building of the
    index. What shows it: the worker's file is asked for at the first query, not before, and so is
    the Japanese segmenter and stemmer that the worker loads as it builds the index on the Japanese
    edition; the query is answered."""
    asked: list[str] = []
    context.on("request", lambda request: ("/lunr/" in request.url or MATERIAL_WORKER.search(request.url))
               and asked.append(urlsplit(request.url).path))
    page = open_search(context, site_url + "/ja")
    try:
        page.wait_for_function(SEARCH_READY)
        page.wait_for_load_state("networkidle")
        assert asked == [], "Material's worker was loaded, or the index built, before any search"
        search(page, "ウルソ")
        assert any(MATERIAL_WORKER.search(path) for path in asked)
        assert any(path.endswith("/tinyseg.js") for path in asked)
        expect(page.locator(f"{FIRST_RESULT} a.md-search-result__link").first).to_have_attribute(
            "href", re.compile(re.escape("/ja/people/adolfo-urso/")))
    finally:
        page.close()


def test_a_shared_search_link_opens_with_results(search_page, context):
    search(search_page, "Open RAN")
    shared = search_page.locator("[data-md-component=search-share]").get_attribute("href")
    assert urlsplit(shared).query == "q=Open+RAN"
    page = context.new_page()
    try:
        page.goto(shared)
        expect(page.locator(SEARCH_BOX)).to_have_value("Open RAN")
        first = page.locator(f"{FIRST_RESULT} a.md-search-result__link").first
        expect(first).to_have_attribute("href", re.compile(r"/themes/secure-resilient-networks/\?h=open\+ran$"))
    finally:
        page.close()


def test_opening_a_result_highlights_the_words_searched_for(context, site_url):
    page = open_search(context, site_url)
    try:
        search(page, "satellites")
        page.locator(f"{FIRST_RESULT} a.md-search-result__link").first.click()
        expect(page).to_have_url(re.compile(r"/themes/secure-resilient-networks/\?h=satellites$"))
        marks = page.locator("article mark[data-md-highlight]")
        expect(marks.first).to_be_visible()
        assert {text.lower() for text in marks.all_inner_texts()} == {"satellites"}
    finally:
        page.close()


# Names typed in full, and the words each may highlight in the results: a name is found as a
# whole word, never as the beginning of a longer one ("Lang" in "languages", "UK" in "Ukraine").
WHOLE_NAMES = [("Steve Lang", {"steve", "lang"}), ("Lang", {"lang"}), ("UK", {"uk"}), ("UA", {"ua"}),
               ("IT", {"it"}), ("CA", {"ca"}), ("Japan", {"japan"})]


@pytest.mark.parametrize(("query", "words"), WHOLE_NAMES, ids=[q for q, _ in WHOLE_NAMES])
def test_a_name_matches_whole_words_only(search_page, query, words):
    search_pasted(search_page, query)
    marked = {text.casefold() for text in texts(search_page, ".md-search-result__list mark")}
    assert marked and marked <= words, f"{query!r} highlights {sorted(marked - words)} in the results"


def test_steve_lang_is_followed_by_pages_that_name_him(search_page):
    search(search_page, "Steve Lang")
    pages = search_page.locator(".md-search-result__list > li > a.md-search-result__link").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)")
    assert pages[0] == "/people/steve-lang/" and not any(page.startswith("/themes/") for page in pages[:3]), pages


@pytest.mark.parametrize("query", ["Brasil", "United States of America", "Hasegawa", "Open RAN"])
def test_results_show_only_the_tags_pages_show(search_page, query, built_site):
    """A page found by a search term shows, in the results, only the tags pages show themselves:
    the names of participants and the titles of themes, as the tags page lists them."""
    tags_page = (built_site / "tags" / "index.html").read_text(encoding="utf-8")
    tags = {html.unescape(tag) for tag in re.findall(r'<h2 id="tag:[^"]*">\s*<span class="md-tag">([^<]+)</span>', tags_page)}
    assert len(tags) > 10, "the tags page lists no tags"
    search_pasted(search_page, query)
    shown = [text.strip() for text in texts(search_page, ".md-search-result__list .md-tag")]
    assert shown, f"{query!r}: no result shows a tag"
    assert set(shown) <= tags, f"{query!r}: the results show {sorted(set(shown) - tags)}, which are not tags"


def texts(page: Page, selector: str) -> list[str]:
    """The text of every element `selector` finds, shown or folded away."""
    return page.locator(selector).evaluate_all("elements => elements.map(e => e.textContent)")
