"""Figures drawn from the record, shown through data blocks: a block template calls
`{{ figure("participants") }}`, which renders `templates/<name>.html.j2` with every link relative
to the page the block is on.

The figures are HTML laid out by CSS, with SVG only for lines. Their templates have an environment
of their own that escapes for HTML: the Markdown environment's escaping is meant for Markdown. The
site's own words (`words/figures.yml`) are HTML as written; values filled into them are escaped.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

import jinja2
from markupsafe import Markup, escape

from meeting_record.data.record import Item, Record
from meeting_record.figures.layouts import event_steps, talks_layout
from meeting_record.site.locations import src_uri, target
from meeting_record.site.templates import TEMPLATE_CACHE, item_name, month_names
from meeting_record.site.wording import html_words

FIGURES = ("participants", "timeline", "talks")


class FigureError(Exception):
    """A block asks for a figure that does not exist, or a figure links to a page that does not."""


def make_figure_environment(record: Record, words: dict[str, str]) -> jinja2.Environment:
    """The environment for `record`, whose figures show `words` (see `wording`) in the record's language."""
    environment = jinja2.Environment(
        bytecode_cache=TEMPLATE_CACHE,
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    shown = html_words(words)
    environment.globals.update(record=record, words=shown, months=month_names(shown), name_of=lambda item: item_name(record, item, words),
                               event_steps=event_steps, talks_layout=talks_layout)
    environment.filters["terms"] = glossary_terms(record)
    return environment


def glossary_terms(record: Record) -> Callable[[str], Markup]:
    """`text | terms`: the text, escaped, with each glossary term in an <abbr> that carries its
    expansion, as Python-Markdown's `abbr` does for the pages' own text (it skips raw HTML)."""
    expansions = {entry.term: entry.expansion for entry in record.glossary}
    pattern = re.compile(r"\b(" + "|".join(re.escape(term) for term in sorted(expansions, key=len, reverse=True)) + r")\b")

    def terms(text: str) -> Markup:
        if not expansions:
            return escape(text)
        parts = pattern.split(str(text))
        return Markup("").join(escape(part) if index % 2 == 0 else
                               Markup('<abbr title="{}">{}</abbr>').format(expansions[part], part)
                               for index, part in enumerate(parts))

    return terms


def register_figures(environment: jinja2.Environment, record: Record) -> None:
    """Make `figure(name)` available to block templates. Blocks are rendered with `page_src` (the
    page's docs path), `relative_url` (a docs path's URL relative to that page, or None if there is
    no such page) and `page_markdown` (the page's own text, to see which items it links)."""
    figure_environment = make_figure_environment(record, environment.globals["words"])

    @jinja2.pass_context
    def figure(context: jinja2.runtime.Context, name: str) -> Markup:
        href = page_links(context["page_src"], context["relative_url"])
        return render_figure(name, href, linked_in(context["page_markdown"]), figure_environment)

    environment.globals["figure"] = figure


def render_figure(name: str, href: Callable[[Item], str], listed: Callable[[Item], bool],
                  environment: jinja2.Environment) -> Markup:
    """The figure as one block of HTML: no blank lines, so Markdown keeps it as a single raw block."""
    if name not in FIGURES:
        raise FigureError(f"there is no figure {name!r}; the figures are: {', '.join(FIGURES)}")
    html = environment.get_template(f"{name}.html.j2").render(name=name, href=href, listed=listed)
    return Markup("\n".join(line.strip() for line in html.splitlines() if line.strip()))


def linked_in(markdown: str) -> Callable[[Item], bool]:
    """Whether the page's text links `item` (or anchors it, with a permalink), so that a link to it
    in a figure would be the keyboard's second stop for the same place."""

    def listed(item: Item) -> bool:
        return f"]({target(item)})" in markdown or f"{{ #{getattr(item, 'id', '')} }}" in markdown

    return listed


def page_links(page_src: str, relative_url: Callable[[str], str | None]) -> Callable[[Item], str]:
    """`href(item)`: the URL of the item's page or anchor, relative to the page at `page_src`, so
    that the site works from any folder it is served from."""

    def href(item: Item) -> str:
        url = relative_url(src_uri(item))
        if url is None:
            raise FigureError(f"a figure on docs/{page_src} links to {item.id}, whose page docs/{src_uri(item)} does not exist")
        anchor = f"#{item.id}" if "#" in target(item) else ""
        return url + anchor if url else anchor or "./"

    return href
