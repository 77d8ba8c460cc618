"""Where each item lives on the site, as the table of kinds says.

URLs come from ids only, never from display text, so rewording a title never breaks a link. The
addresses readers guess from a name only redirect to those URLs (see `aliases`).
"""

from __future__ import annotations

from meeting_record.data.kinds import kind_of
from meeting_record.data.record import Item


def src_uri(item: Item) -> str:
    """The Markdown file (relative to docs/) on which `item` lives."""
    return kind_of(item).src_uri(getattr(item, "id", ""))


def target(item: Item) -> str:
    """An absolute docs link to `item`: its own page, or its anchor on a shared page."""
    if kind_of(item).page:
        return "/" + src_uri(item)
    return f"/{src_uri(item)}#{item.id}"
