"""The generated pages: which exist, at which path, and rendered from which template.

Hand-written pages live in docs/; everything listed here is made from the record at build time.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import jinja2

from meeting_record.data.kinds import KINDS
from meeting_record.site.page_descriptions import page_description
from meeting_record.data.record import Record, Statement
from meeting_record.site.search_terms import search_meta


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)  # what MkDocs keeps as the page's `page.meta`


def generated_pages(record: Record, words: dict[str, str]) -> list[GeneratedPage]:
    """For each kind with a list page, that page; for each kind with pages of its own, one per item;
    their descriptions in the language of `words`."""
    pages = []
    for kind in KINDS:
        if kind.index and kind.index not in (page.src_uri for page in pages):
            pages.append(GeneratedPage(kind.index, index_template(kind.index), _list_context(kind.index, record)))
        if kind.page:
            pages.extend(GeneratedPage(kind.src_uri(item.id), kind.template, {kind.name: item, "number": number})
                         for number, item in enumerate(getattr(record, kind.key), start=1))
    return _with_descriptions(_with_search_meta(pages, record), record, words)


def index_template(index: str) -> str:
    """The template of a list page: participants/index.md is drawn by participants_index.md.j2."""
    return index.replace("/", "_") + ".j2"


def render_page(page: GeneratedPage, environment: jinja2.Environment) -> str:
    """The page's Markdown. Its meta is handed to MkDocs as it is, not written as front matter:
    MkDocs would parse it back with PyYAML's Python parser, which took longer than the page."""
    return environment.get_template(page.template).render(page.context)


def _with_search_meta(pages: list[GeneratedPage], record: Record) -> list[GeneratedPage]:
    """Add each item page's tags and search boost (see `search_terms`) to its meta."""
    meta = search_meta(record)
    return [replace(page, meta={**page.meta, **meta.get(page.src_uri, {})}) for page in pages]


def _with_descriptions(pages: list[GeneratedPage], record: Record, words: dict[str, str]) -> list[GeneratedPage]:
    """Give each page its own meta description (see `page_descriptions`)."""
    describe = page_description(record, words)
    return [replace(page, meta={**page.meta, "description": describe(page.template, page.context)}) for page in pages]


def _list_context(index: str, record: Record) -> dict[str, Any]:
    return _statements_context(record) if index == "statements.md" else {}


def _statements_context(record: Record) -> dict[str, Any]:
    """Every statement in the source's order, in runs of consecutive statements made under the
    same theme or event: [(theme or event, [statement, ...]), ...]."""
    runs: list[tuple[Any, list[Statement]]] = []
    for statement in record.statements:
        if not runs or runs[-1][0].id != statement.during:
            runs.append((record.get(statement.during), []))
        runs[-1][1].append(statement)
    return {"runs": runs}
