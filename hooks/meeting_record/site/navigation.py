"""The site's navigation: the sections in mkdocs.yml, with the record's item pages filled in."""

from __future__ import annotations

import html
from typing import Any

from meeting_record.site.locations import src_uri
from meeting_record.data.record import Record

NavEntry = dict[str, Any] | str


def expand_nav(nav: list[NavEntry], record: Record) -> list[NavEntry]:
    """Give each index page named in mkdocs.yml's nav the item pages of its section."""
    children = _sections(record)
    expanded: list[NavEntry] = []
    for entry in nav:
        title, path = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
        if isinstance(path, str) and path in children and title:
            expanded.append({title: [path, *children[path]]})
        else:
            expanded.append(entry)
    return expanded


def _sections(record: Record) -> dict[str, list[NavEntry]]:
    return {
        "participants/index.md": [{_section_title(group.title): [src_uri(p) for p in record.members_of(group)]}
                                  for group in record.groups],
        "people/index.md": [src_uri(person) for person in record.people],
        "themes/index.md": [src_uri(theme) for theme in record.themes],
        "events/index.md": [src_uri(event) for event in record.events],
    }


def _section_title(text: str) -> str:
    """The theme writes a section's title into the page as HTML, unescaped: make data text HTML text."""
    return html.escape(text)
