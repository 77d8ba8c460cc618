"""Read built HTML the way the escaping tests need: its visible text, and any markup or code that
text from the data could have injected (elements, event-handler attributes, script URLs)."""

from __future__ import annotations

import html.parser
import json
from dataclasses import dataclass, field
from pathlib import Path

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc"}
THEME_SCRIPT_URL = "javascript:void(0)"  # Material's own share/search links
JSON_SCRIPT_TYPES = {"application/json", "application/ld+json"}


@dataclass
class Page:
    """What one HTML document holds, as a browser would parse it."""

    tags: set[str] = field(default_factory=set)
    text: str = ""  # the visible text, whitespace collapsed
    title: str = ""
    injected: list[str] = field(default_factory=list)  # markup that does not belong to a theme page


class _Reader(html.parser.HTMLParser):
    # <title> and <textarea> hold text only, as in a browser (html.parser otherwise reads tags in them).
    CDATA_CONTENT_ELEMENTS = ("script", "style", "title", "textarea")

    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page, self.open, self.script_type, self.parts = page, "", "", []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.tags.add(tag)
        self.open = tag
        self.script_type = dict(attrs).get("type") or ""
        for name, value in attrs:
            if name.startswith("on"):
                self.page.injected.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and value and _is_script_url(value):
                self.page.injected.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        self.open = ""

    def handle_data(self, data: str) -> None:
        if self.open == "title":
            self.page.title += html.unescape(data)
        elif self.open == "script":
            self._check_script(data)
        elif self.open == "style":
            if "alert(" in data or "display:none" in data:
                self.page.injected.append(f"<style>{data[:80]}")
        else:
            self.parts.append(data)

    def _check_script(self, code: str) -> None:
        if self.script_type in JSON_SCRIPT_TYPES:
            try:
                json.loads(code)
            except ValueError:
                self.page.injected.append(f"<script type={self.script_type}> that is not JSON: {code[:80]!r}")
        elif "alert(" in code:
            self.page.injected.append(f"<script>{code[:80]}")


def _is_script_url(value: str) -> bool:
    compact = "".join(value.split()).lower()
    return compact.startswith(("javascript:", "vbscript:", "data:text/html")) and compact != THEME_SCRIPT_URL


def read_page(markup: str) -> Page:
    page = Page()
    reader = _Reader(page)
    reader.feed(markup)
    reader.close()
    page.text = " ".join("".join(reader.parts).split())
    page.title = " ".join(page.title.split())
    return page


def read_site(site: Path) -> dict[str, Page]:
    """Every HTML page of a built site, by its path in the site."""
    return {str(path.relative_to(site)): read_page(path.read_text(encoding="utf-8"))
            for path in sorted(site.rglob("*.html"))}


def collapse(text: str) -> str:
    """Text as a page shows it: runs of white space become one space."""
    return " ".join(text.split())


class _ElementText(html.parser.HTMLParser):
    """The text of the element with a given id, without its heading's permalink."""

    def __init__(self, element_id: str):
        super().__init__(convert_charrefs=True)
        self.element_id, self.depth, self.skip, self.found, self.parts = element_id, 0, 0, False, []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if self.depth:
            self.depth += tag not in VOID_ELEMENTS
            self.skip += self.skip > 0 or "headerlink" in (attributes.get("class") or "").split()
        elif attributes.get("id") == self.element_id and not self.found:
            self.found, self.depth = True, 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
            self.skip = max(self.skip - 1, 0)

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)


VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def text_of_id(markup: str, element_id: str) -> str | None:
    """The visible text of the element whose id is `element_id`, or None if there is none."""
    reader = _ElementText(element_id)
    reader.feed(markup)
    return collapse("".join(reader.parts)) if reader.found else None
