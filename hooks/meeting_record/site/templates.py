"""The Jinja environment that renders generated pages and data blocks from `templates/`.

Every `{{ … }}` is escaped for Markdown unless a helper below built it (see `markdown_text`). The
site's own words (`words`) are Markdown the site wrote, shown as written; the values filled into
their places with `.format(…)` are escaped like any other data.
"""

from __future__ import annotations

import datetime
import functools
import re
import urllib.parse
from pathlib import Path

import jinja2
from markupsafe import Markup

from meeting_record.data.record import Item, MeetingDay, Record, SourceRef, Talk
from meeting_record.site.locations import target
from meeting_record.site.markdown_text import escape_lines, escape_markdown, finalize
from meeting_record.site.whose_words import names_shown, quotations

TEMPLATE_DIR = Path(__file__).parent / "templates"
# Compiled templates, kept between builds in a folder of the user's own (Jinja's default, checked
# for its owner) and keyed by each template's text, so an edited template is compiled afresh.
TEMPLATE_CACHE = jinja2.FileSystemBytecodeCache()
ANCHOR_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
LANGUAGE = re.compile(r"[a-z]{2}(-[A-Z]{2})?")
URL_SAFE = ":/?#@!$&*+,;=%-._~"


class Wording(Markup):
    """One of the site's own texts, shown as written; `.format(name=value)` escapes each value for
    Markdown, unless a helper built it (a link, another text), and `.escaped(name=value)` escapes
    all of it, for words a template shows as it shows data."""

    @classmethod
    def escape(cls, s: object) -> Wording:
        return cls(s if hasattr(s, "__html__") else escape_markdown(s))

    def escaped(self, **values: object) -> Markup:
        """The text with `values` filled in, all of it escaped as literal text."""
        return escape_markdown(str.format(str.__str__(self), **values))


def make_environment(records: dict[str, Record], language: str, words: dict[str, str]) -> jinja2.Environment:
    """The environment for the edition in `language`, whose pages show `records[language]` and
    `words` (see `wording`) in that language; the other languages' records tell whose wording a
    text is."""
    record = records[language]
    environment = jinja2.Environment(
        bytecode_cache=TEMPLATE_CACHE,
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,  # with `finalize`, makes every data value Markdown-safe
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )

    def link(item: Item, text: str | None = None) -> Markup:
        """A Markdown link to `item`, showing `text` or the item's name."""
        label = text if isinstance(text, Markup) else escape_markdown(item_name(record, item, words) if text is None else text)
        return Markup(f"[{label}]({target(item)})")

    environment.globals.update(record=record, words={key: Wording(words[key]) for key in words}, link=link, url=url, anchor=anchor, heading=heading, web_link=web_link,
                               name_of=lambda item: item_name(record, item, words),
                               cite=functools.cache(lambda ref: cite(environment, record, ref)),
                               names_shown=lambda item: names_shown(records, language, item),
                               quotations=lambda item, field: quotations(records, language, item, field))
    environment.filters.update(long_date=lambda date: long_date(date, words), md=escape_markdown, lines=escape_lines)
    return environment


def anchor(item: Item | str) -> Markup:
    """Markdown's attribute list that gives a heading the item's id (or `item`) as its anchor,
    after an empty anchor for each id the item had before (`former_ids`), so old links arrive."""
    anchor_id = item if isinstance(item, str) else item.id
    former = () if isinstance(item, str) else getattr(item, "former_ids", ())
    for each in (anchor_id, *former):
        if not ANCHOR_ID.fullmatch(each):
            raise ValueError(f"not an anchor-safe id: {each!r}")
    return Markup("".join(f'<a id="{old}"></a>' for old in former) + f" {{ #{anchor_id} }}")


def web_link(address: str, language: str | None = None) -> Markup:
    """A link to a page on another site, showing its address; only https addresses are linked."""
    if not address.startswith("https://"):
        raise ValueError(f"refusing to link a non-https address: {address!r}")
    href = urllib.parse.quote(address, safe=URL_SAFE)
    attributes = f'{{ hreflang="{language}" }}' if language and LANGUAGE.fullmatch(language) else ""
    return Markup(f"[{escape_markdown(address)}](<{href}>){attributes}")


def heading(level: int) -> Markup:
    return Markup("#" * level)


def url(item: Item) -> Markup:
    return Markup(target(item))


def cite(environment: jinja2.Environment, record: Record, ref: SourceRef) -> Markup:
    """A link to the cited section of a source (`_cite.md.j2`), and to the document where it has
    a secure address."""
    source = record.get(ref.document)
    address = getattr(source, "address", None) or ""
    secure = address.startswith("https://")
    hreflang = f'{{ hreflang="{source.language}" }}' if LANGUAGE.fullmatch(source.language) else ""
    text = environment.get_template("_cite.md.j2").render(
        source=source, section=source.section(ref.section), about=Markup(f"/about.md#{source.id}-{ref.section}"),
        document=Markup(f"<{urllib.parse.quote(address, safe=URL_SAFE)}>") if secure else None, hreflang=Markup(hreflang))
    return Markup(text.strip())


def item_name(record: Record, item: Item, words: dict[str, str]) -> str:
    """What a link to `item` shows, in the language of `words`: a talk's two names and a day's date
    and city are joined with the words; any other item shows its own name."""
    if isinstance(item, Talk):
        return str(words["name_talk"]).format(host=record.get(item.host).name, counterpart=record.get(item.counterpart).name)
    if isinstance(item, MeetingDay):
        return str(words["name_day"]).format(date=long_date(item.date, words), city=item.city)
    return record.name_of(item)


def long_date(date: datetime.date, words: dict[str, str]) -> str:
    """The date as the pages write it in full, in the language of `words`: 14 March 2024."""
    return words["date_long"].format(day=date.day, month=month_names(words)[date.month - 1], month_number=date.month,
                                     year=date.year)


def month_names(words: dict[str, str]) -> tuple[str, ...]:
    return (words["month_january"], words["month_february"], words["month_march"], words["month_april"],
            words["month_may"], words["month_june"], words["month_july"], words["month_august"],
            words["month_september"], words["month_october"], words["month_november"], words["month_december"])
