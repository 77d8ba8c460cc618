"""Addresses readers guess from a name: /participants/<a name>/ leads to the participant's page.

The address form of a name. Which fields become addresses is in the table of kinds; the loader
checks that no address leads to two items, and the site turns them into redirects.
"""

from __future__ import annotations

import re
import unicodedata

NOT_IN_SLUG = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 80  # as long as an id may be


def slug(name: str) -> str:
    """The address form of a name: 'U.S.' -> 'u-s', 'Republic of Korea' -> 'republic-of-korea';
    empty (no address) for a name with no Latin letter or digit, or too long for anyone to guess."""
    unaccented = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if unicodedata.category(c) != "Mn")
    address = NOT_IN_SLUG.sub("-", unaccented).strip("-")
    return address if len(address) <= MAX_SLUG else ""
