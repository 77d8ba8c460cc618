"""The glossary as Python-Markdown's abbreviations: every term on every page gets its expansion
as a tooltip (Material's `content.tooltips` styles the resulting `<abbr title="…">`)."""

from __future__ import annotations

from meeting_record.data.record import Record


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
