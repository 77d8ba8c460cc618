"""Where each kind of item lives on the site.

URLs come from ids only, never from display text, so rewording a title never breaks a link. The
addresses readers guess from a name (at the end) only redirect to those URLs.
"""

from __future__ import annotations

from meeting_record.data.record import (Event, GlossaryEntry, Group, Item, Meeting, Participant, Party, Person, Source, Statement, Talk,
                    Theme)

PAGE_OF_KIND = {Participant: "participants/{id}.md", Person: "people/{id}.md", Theme: "themes/{id}.md",
                Event: "events/{id}.md"}
ANCHOR_ON_PAGE = {Statement: "statements.md", Talk: "talks.md", Group: "participants/index.md",
                  Party: "participants/index.md", Source: "about.md", Meeting: "index.md",
                  GlossaryEntry: "glossary.md"}


def src_uri(item: Item) -> str:
    """The Markdown file (relative to docs/) on which `item` lives."""
    kind = type(item)
    if kind in PAGE_OF_KIND:
        return PAGE_OF_KIND[kind].format(id=item.id)
    return ANCHOR_ON_PAGE[kind]


def target(item: Item) -> str:
    """An absolute docs link to `item`: its own page, or its anchor on a shared page."""
    if type(item) in PAGE_OF_KIND:
        return "/" + src_uri(item)
    return f"/{src_uri(item)}#{item.id}"
