"""The glossary: every abbreviation the site shows is in it, every occurrence of a term carries
its expansion as a tooltip, and the glossary page lists every term under its own anchor."""

from __future__ import annotations

import dataclasses
import html
import html.parser
import re
from pathlib import Path

import markdown

from meeting_record.site.abbreviations import abbreviation_glossary
from meeting_record.data.record import Record
from site_pages import language_of

ABBREVIATION = re.compile(r"\b[A-Z][A-Z0-9]+s?\b")  # two or more capitals or digits, maybe a plural s


def pages(site: Path) -> dict[str, str]:
    """Each built page's <article> (the page's own content), by its path in the site."""
    found = {}
    for file in sorted(site.rglob("*.html")):
        markup = file.read_text(encoding="utf-8")
        if "<article" in markup:
            found[file.relative_to(site).as_posix()] = markup.split("<article", 1)[1].split("</article>", 1)[0]
    return found


SCRIPT = re.compile(r"<script\b.*?</script>", re.S)  # code, not text a reader sees
INLINE_TAG = re.compile(r"</?(abbr|a|span|strong|em|code|wbr)\b[^>]*>")


def text_of(markup: str) -> str:
    """The text a reader sees: inline elements run on, block elements are apart."""
    text = re.sub(r"<[^>]+>", " ", INLINE_TAG.sub("", SCRIPT.sub(" ", markup)))
    return re.sub(r"\s+", " ", html.unescape(text))


def allowed_capitals(record: Record, page: str) -> set[str]:
    """Upper-case words a page may show without a glossary entry, each for a stated reason."""
    allowed = {word for entry in record.glossary for word in entry.term.split()}
    # Names the source itself prints in capitals: family names (HASEGAWA) and the side event's
    # official title (HIROSHIMA AI PROCESS: THE WAY AHEAD). They are names, not abbreviations.
    allowed |= {word for person in record.people for word in ABBREVIATION.findall(person.name)}
    allowed |= {word for event in record.events if event.official for word in ABBREVIATION.findall(event.title)}
    # A participant's page lists the other names readers may search it by, some of them codes
    # that the sources do not expand (ISO alpha-3 codes such as JPN, ROK); each is shown only on
    # the page of the participant it names, which is what it means there.
    for participant in record.participants:
        if page == f"participants/{participant.id}/index.html":
            allowed |= {word for alias in participant.aliases for word in ABBREVIATION.findall(alias)}
    return allowed


def test_every_abbreviation_on_every_page_is_in_the_glossary(built_site, records):
    missing = {}
    for page, article in pages(built_site).items():
        unknown = set(ABBREVIATION.findall(text_of(article))) - allowed_capitals(records[language_of(page)], page)
        if unknown:
            missing[page] = sorted(unknown)
    assert not missing, f"add these to data/glossary.yml: {missing}"


# Where a tooltip cannot be: drawings, code, the tags bar Material writes, and abbr elements
# themselves (what is left must not hold a bare term). Tooltips come from Python-Markdown's
# abbreviations, so they reach everything written in Markdown; the tags page's listing is HTML
# that Material's tags plugin renders from its own templates, so that page is left out.
NOT_MARKDOWN = {"tags/index.html"}
NO_TOOLTIP = re.compile(r"<svg\b.*?</svg>|<code\b.*?</code>|<pre\b.*?</pre>|<abbr\b.*?</abbr>|"
                        r'<nav class="md-tags".*?</nav>|<a class="headerlink".*?</a>', re.S)


def test_every_occurrence_of_a_term_has_its_tooltip(built_site, records):
    """In each edition, with the expansion in its language."""
    expansions = {language: {entry.term: entry.expansion for entry in record.glossary} for language, record in records.items()}
    terms = re.compile(r"\b(" + "|".join(re.escape(t) for t in sorted(expansions["en"], key=len, reverse=True)) + r")\b")
    bare, wrong = {}, []
    tooltips = 0
    for page, article in pages(built_site).items():
        if page.removeprefix(f"{language_of(page)}/") in NOT_MARKDOWN:
            continue
        for title, term in re.findall(r'<abbr title="([^"]*)"(?: tabindex="0")?>([^<]*)</abbr>', article):
            tooltips += 1
            if expansions[language_of(page)].get(term) != html.unescape(title):
                wrong.append((page, term, title))
        left = terms.findall(text_of(NO_TOOLTIP.sub(" ", article)))
        if left:
            bare[page] = sorted(set(left))
    assert tooltips > 500
    assert not wrong, f"tooltips that do not match the glossary: {wrong[:5]}"
    assert not bare, f"terms without a tooltip: {bare}"


def test_glossary_page_lists_every_term_under_its_anchor(built_site, record):
    page = pages(built_site)["glossary/index.html"]
    for entry in record.glossary:
        heading = re.search(rf'<h2 id="{entry.id}">(.*?)</h2>', page, re.S)
        assert heading, f"{entry.term} has no heading with the anchor #{entry.id}"
        assert text_of(heading.group(1)).replace("¶", "").strip() == entry.term
        section = page.split(f'id="{entry.id}"', 1)[1].split("<h2", 1)[0]
        assert entry.expansion in text_of(section) and entry.explanation in text_of(section)
    order = [m for m in re.findall(r'<h2 id="([^"]+)"', page)]
    assert order == [e.id for e in sorted(record.glossary, key=lambda e: e.term.lower())], "alphabetical order"


def test_expansions_reach_the_tooltip_as_written(record):
    hostile = 'Stands <b>for</b> "this" & that &amp; &lt;i&gt;'
    entry = dataclasses.replace(record.glossary[0], expansion=hostile)
    glossary = abbreviation_glossary(dataclasses.replace(record, glossary=(entry,)))
    converted = markdown.markdown(f"The {entry.term} here.", extensions=["abbr"],
                                  extension_configs={"abbr": {"glossary": glossary}})
    title = re.search(r'<abbr title="([^"]*)">', converted).group(1)
    assert "<" not in title and html.unescape(title) == hostile


class _Terms(html.parser.HTMLParser):
    """Each <abbr> of a page: its term, whether it is a Tab stop, and whether it sits in a link."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, bool, bool]] = []
        self.links = 0
        self.current: tuple[bool, bool] | None = None

    def handle_starttag(self, tag, attrs):
        self.links += tag == "a"
        if tag == "abbr":
            self.current = (dict(attrs).get("tabindex") == "0", self.links > 0)

    def handle_endtag(self, tag):
        self.links -= tag == "a"

    def handle_data(self, data):
        if self.current is not None:
            self.found.append((data, *self.current))
            self.current = None


def test_the_first_of_each_term_on_a_page_outside_links_is_a_tab_stop(built_site):
    for page, article in pages(built_site).items():
        terms = _Terms()
        terms.feed(article)
        focusable = [term for term, stop, in_link in terms.found if stop]
        assert not [term for term, stop, in_link in terms.found if stop and in_link], f"{page}: a Tab stop inside a link"
        outside = {term for term, stop, in_link in terms.found if not in_link}
        assert sorted(focusable) == sorted(outside), f"{page}: one Tab stop per term outside links"
