"""The glossary as Python-Markdown's abbreviations: every term on every page gets its expansion
as a tooltip (the `title` of the resulting `<abbr>`, which the browser shows on hover; record.css
shows it under a term reached by keyboard or tapped)."""

from __future__ import annotations

import re

from meeting_record.data.record import Record

# An <abbr> of the glossary, or the start or end of a link (a Tab stop may not sit inside one).
ABBREVIATION_OR_LINK = re.compile(r'<abbr title="([^"]*)">([^<]*)</abbr>|<a\b[^>]*>|</a>')


def abbreviation_glossary(record: Record) -> dict[str, str]:
    """Term -> tooltip text, for the `abbr` extension's `glossary` option.

    The extension puts the text in a `title` attribute, whose serializer escapes `<`, `>` and `"`
    but keeps anything that looks like an entity; escaping `&` as well makes every expansion
    reach the reader exactly as written.
    """
    return {entry.term: entry.expansion.replace("&", "&amp;") for entry in record.glossary}


def configure_abbreviations(mdx_configs: dict, record: Record) -> None:
    """Give the `abbr` extension (listed in mkdocs.yml) the record's glossary."""
    mdx_configs.setdefault("abbr", {})["glossary"] = abbreviation_glossary(record)


def reachable_by_keyboard(html: str) -> str:
    """The first <abbr> of each term on a page that is not inside a link becomes a Tab stop, where
    record.css shows its expansion as the browser does on hover; later ones stay out of the Tab order, which
    would otherwise pass the same expansion at every mention."""
    seen: set[str] = set()
    in_link = False

    def first_focusable(match: re.Match) -> str:
        nonlocal in_link
        if match.group(2) is None:
            in_link = not match.group(0).startswith("</")
            return match.group(0)
        if in_link or match.group(2) in seen:
            return match.group(0)
        seen.add(match.group(2))
        return f'<abbr title="{match.group(1)}" tabindex="0">{match.group(2)}</abbr>'

    return ABBREVIATION_OR_LINK.sub(first_focusable, html)
