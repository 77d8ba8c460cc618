"""The footer's notice of who publishes the record and under which licences, from the data."""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from meeting_record.data.record import Publication
from meeting_record.site.wording import html_words

TEMPLATE = Path(__file__).parent / "templates" / "footer" / "copyright.html.j2"


def copyright_notice(publication: Publication, words: dict[str, str]) -> Markup:
    """HTML for Material's footer (it writes `copyright` unescaped): data escaped, lines joined;
    `words` (see `wording`) are the site's own, shown as written."""
    template = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                                  lstrip_blocks=True).from_string(TEMPLATE.read_text(encoding="utf-8"))
    return Markup(" ".join(template.render(publication=publication, words=html_words(words)).split()))
