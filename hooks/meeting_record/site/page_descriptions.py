"""Each generated page's meta description, the sentence that search results and link previews
show: rendered from `templates/descriptions/<page template>.txt.j2` with the page's context, in
the language of the site's `words` (see `wording`).

Plain text, not Markdown: it becomes the page's `page.meta.description`, and is escaped for HTML where
the theme shows it (see `page_head`).
"""

from __future__ import annotations

from typing import Any, Callable

import jinja2

from meeting_record.data.record import Record
from meeting_record.site.templates import TEMPLATE_CACHE, TEMPLATE_DIR


def page_description(record: Record, words: dict[str, str]) -> Callable[[str, dict[str, Any]], str]:
    """`describe(page_template, context)`: the description of a page made from `page_template`."""
    environment = jinja2.Environment(
        bytecode_cache=TEMPLATE_CACHE,
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR / "descriptions"),
        autoescape=False,  # plain text: escaped by whoever puts it in HTML
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(record=record, words=words)

    def describe(page_template: str, context: dict[str, Any]) -> str:
        template = environment.get_template(page_template.removesuffix(".md.j2") + ".txt.j2")
        return " ".join(template.render(context).split())

    return describe
