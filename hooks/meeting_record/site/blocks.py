"""Data blocks in hand-written pages: a marker `<!-- data: NAME -->` on a line of its own is
replaced by the template `templates/blocks/NAME.md.j2` rendered from the record, with the site's
own words as the page templates have them (`templates.Wording`)."""

from __future__ import annotations

import re

import jinja2

MARKER = re.compile(r"^<!--\s*data:\s*(?P<name>[a-z0-9-]+)\s*-->[ \t]*$", re.MULTILINE)
LOOSE_MARKER = re.compile(r"<!--\s*data\s*:?(?P<rest>.*?)-->")


class UnknownBlock(Exception):
    """A page asks for a block that does not exist, or writes a marker that cannot be read."""


def fill_blocks(markdown: str, page_path: str, environment: jinja2.Environment, context: dict | None = None) -> str:
    """`context` is what the block templates may know of the page (figures link relative to it)."""
    _refuse_malformed_markers(markdown, page_path)

    def render(match: re.Match) -> str:
        name = match.group("name")
        try:
            template = environment.get_template(f"blocks/{name}.md.j2")
        except jinja2.TemplateNotFound:
            line = markdown.count("\n", 0, match.start()) + 1
            known = ", ".join(available_blocks(environment))
            raise UnknownBlock(f"{page_path}:{line}: unknown data block {name!r}; the blocks are: {known}") from None
        return template.render(context or {}).strip("\n")

    return MARKER.sub(render, markdown)


def available_blocks(environment: jinja2.Environment) -> list[str]:
    names = environment.list_templates(filter_func=lambda name: name.startswith("blocks/"))
    return sorted(name.removeprefix("blocks/").removesuffix(".md.j2") for name in names)


def _refuse_malformed_markers(markdown: str, page_path: str) -> None:
    """A marker that is almost right would otherwise stay an invisible comment."""
    for match in LOOSE_MARKER.finditer(markdown):
        line_start = markdown.rfind("\n", 0, match.start()) + 1
        line_end = markdown.find("\n", match.end())
        line_text = markdown[line_start: None if line_end == -1 else line_end]
        if not MARKER.fullmatch(line_text):
            line = markdown.count("\n", 0, match.start()) + 1
            raise UnknownBlock(f"{page_path}:{line}: a data marker must stand alone on its line as "
                               f"<!-- data: block-name -->, found {match.group(0)!r}")
