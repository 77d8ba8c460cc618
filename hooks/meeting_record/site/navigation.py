"""The site's navigation: the sections in mkdocs.yml, with the record's item pages filled in.

A section lists its items' pages while they are few; past `MAX_LISTED` it shows only its list
page, which links them all. Every page carries the whole navigation, so listing every item of a
large record would make each page, and the build, grow with the square of the record.
"""

from __future__ import annotations

import html
from typing import Any

from meeting_record.data.kinds import BY_NAME, KINDS, Kind
from meeting_record.data.record import Record
from meeting_record.site.locations import src_uri

NavEntry = dict[str, Any] | str
MAX_LISTED = 60


def expand_nav(nav: list[NavEntry], record: Record) -> list[NavEntry]:
    """Give each list page named in mkdocs.yml's nav the item pages of its section."""
    children = {kind.index: _section(kind, record) for kind in KINDS if kind.page and kind.index}
    expanded: list[NavEntry] = []
    for entry in nav:
        title, path = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
        if isinstance(path, str) and children.get(path) and title:
            expanded.append({title: [path, *children[path]]})
        else:
            expanded.append(entry)
    return expanded


def _section(kind: Kind, record: Record) -> list[NavEntry]:
    items = getattr(record, kind.key)
    if len(items) > MAX_LISTED:
        return []
    if not kind.grouped_by:
        return [src_uri(item) for item in items]
    groups = getattr(record, BY_NAME[kind.grouped_by].key)
    return [{_section_title(group.title): [src_uri(item) for item in items if getattr(item, kind.grouped_by) == group.id]}
            for group in groups]


def _section_title(text: str) -> str:
    """The theme writes a section's title into the page as HTML, unescaped: make data text HTML text."""
    return html.escape(text)
