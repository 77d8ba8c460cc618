"""Where each kind of item lives on the site.

URLs come from ids only, never from display text, so rewording a title never breaks a link. The
addresses readers guess from a name (at the end) only redirect to those URLs.
"""

from __future__ import annotations

import re
import unicodedata

from record import (Event, GlossaryEntry, Group, Item, Meeting, Participant, Party, Person, Source, Statement, Talk,
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


# ---------------------------------------------------------------------------
# Addresses readers guess: /participants/<a name>/ leads to the participant's page (see `aliases`)

# The fields whose values become addresses in the folder of an item's page, by data file.
ADDRESS_FIELDS = {"participants": ("name", "full_name", "aliases", "former_ids"),
                  "people": ("family_name", "former_ids"), "themes": ("former_ids",), "events": ("former_ids",)}
NOT_IN_SLUG = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 80  # as long as an id may be


def slug(name: str) -> str:
    """The address form of a name: 'U.S.' -> 'u-s', 'Republic of Korea' -> 'republic-of-korea';
    empty (no address) for a name with no Latin letter or digit, or too long for anyone to guess."""
    unaccented = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if unicodedata.category(c) != "Mn")
    address = NOT_IN_SLUG.sub("-", unaccented).strip("-")
    return address if len(address) <= MAX_SLUG else ""
