"""Figures drawn from the record, shown through data blocks: a block template calls
`{{ figure("participants") }}`, which lays the figure out (`figure_layouts`) and draws it from
`templates/figures/<name>.svg.j2`, with every link relative to the page the block is on.

The SVG templates have an environment of their own that escapes for HTML/XML: the Markdown
environment's escaping is meant for Markdown, not for markup inside an SVG element.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import jinja2
from markupsafe import Markup

from meeting_record.figures.layouts import participants_layout, talks_layout, timeline_layout
from meeting_record.site.locations import src_uri, target
from meeting_record.site.templates import TEMPLATE_CACHE
from meeting_record.data.record import Item, Record

FIGURES = {"participants": participants_layout, "timeline": timeline_layout, "talks": talks_layout}


class FigureError(Exception):
    """A block asks for a figure that does not exist, or a figure links to a page that does not."""


def make_svg_environment() -> jinja2.Environment:
    return jinja2.Environment(
        bytecode_cache=TEMPLATE_CACHE,
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def register_figures(environment: jinja2.Environment, record: Record) -> None:
    """Make `figure(name)` available to block templates; blocks are rendered with `page_src` (the
    page's docs path) and `relative_url` (a docs path's URL relative to that page, or None if no such page)."""
    svg_environment = make_svg_environment()

    @jinja2.pass_context
    def figure(context: jinja2.runtime.Context, name: str) -> Markup:
        return render_figure(name, record, page_links(context["page_src"], context["relative_url"]), svg_environment)

    environment.globals["figure"] = figure


def render_figure(name: str, record: Record, href: Callable[[Item], str], environment: jinja2.Environment) -> Markup:
    """The figure as one block of HTML: no blank lines, so Markdown keeps it as a single raw block."""
    if name not in FIGURES:
        raise FigureError(f"there is no figure {name!r}; the figures are: {', '.join(FIGURES)}")
    layout = FIGURES[name](record)
    svg = environment.get_template(f"{name}.svg.j2").render(name=name, layout=layout, record=record, href=href)
    return Markup("\n".join(line.strip() for line in svg.splitlines() if line.strip()))


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
