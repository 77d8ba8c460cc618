"""Other addresses that lead to an item's page: the addresses readers guess from a name they know
(/participants/united-states/ for the USA, /people/urso/ for Adolfo Urso) and those of the ids
an item had before (`former_ids`; the anchors for those are written by `templates.anchor`).

Guessable addresses are made from the data (participants' names and aliases, people's family
names) and handed to mkdocs-redirects, alongside the redirects listed by hand in mkdocs.yml. None
may take the place of a real page, and no address may lead to two different items.
"""

from __future__ import annotations

from meeting_record.data.addresses import slug
from meeting_record.data.kinds import KINDS
from meeting_record.site.locations import src_uri
from meeting_record.data.record import Record

class AliasClash(Exception):
    """A redirect would take the place of a page, or lead one address to two pages."""


def alias_redirects(record: Record) -> dict[str, str]:
    """Redirects from each guessable address (docs path) to the item's page (docs path). The
    loader has made sure that no two items share an address (see `load_record`)."""
    redirects: dict[str, str] = {}
    for kind in (k for k in KINDS if k.addresses):
        for item in getattr(record, kind.key):
            page = src_uri(item)
            for name in names_in(kind.addresses, lambda field: getattr(item, field)):
                alias = f"{kind.key}/{slug(name)}.md"
                if slug(name) and alias != page:
                    redirects[alias] = page
    return redirects


def names_in(fields: tuple[str, ...], value_of) -> list[str]:
    """The values of `fields` (each one name or a list of names), read with `value_of(field)`."""
    names: list[str] = []
    for field in fields:
        value = value_of(field)
        names.extend([value] if isinstance(value, str) else value or ())
    return names


def merged_redirects(by_hand: dict[str, str], record: Record) -> dict[str, str]:
    """The guessable addresses beside the redirects listed by hand in mkdocs.yml."""
    generated = alias_redirects(record)
    for alias in sorted(set(by_hand) & set(generated)):
        if by_hand[alias] != generated[alias]:
            raise AliasClash(f"mkdocs.yml redirects {alias} to {by_hand[alias]}, but the data makes it an address "
                             f"of {generated[alias]}; keep one")
    return {**generated, **by_hand}


def check_redirect_sources(redirects: dict[str, str], pages: set[str]) -> None:
    """Refuse a redirect that would overwrite a page of the site: it would hide that page for good."""
    for alias in sorted(set(redirects) & pages):
        raise AliasClash(f"the redirect from {alias} to {redirects[alias]} would replace the page docs/{alias}; "
                         f"remove the name from data/ or the redirect from mkdocs.yml")
