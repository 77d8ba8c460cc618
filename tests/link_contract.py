"""The link contract: every public page address and item anchor the site has published, kept in
tests/links/contract.txt, one a line (`/participants/usa/`, `/statements/#open-ran`).

A build keeps the contract when each address still opens a page, directly or through a redirect
page (mkdocs-redirects), and each anchor is still an id on the page the address leads to: a
heading, or an empty anchor kept for an item's former id (`former_ids` in the data).

What counts as published, read from a built site: every HTML page but the 404 page, redirect
pages included; and, inside each page's article, the id of every heading and of every empty
anchor. The tags page's `tag:` anchors are left out: the tags plugin makes them from tag names,
which are display text, and only the site's own tag links point at them.
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

from project import ROOT

CONTRACT = ROOT / "tests" / "links" / "contract.txt"
HEADER = ("# Every public page address and item anchor of the site. A build must keep each one\n"
          "# (tests/build/test_link_contract.py); `make links` adds new ones.\n")
REDIRECT = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
MAX_REDIRECTS = 5


def read_contract(path: Path = CONTRACT) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def write_contract(links: set[str], path: Path = CONTRACT) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + "".join(f"{link}\n" for link in sorted(links, key=_order)), encoding="utf-8")


def published_links(site: Path) -> set[str]:
    """Every page address and anchor the built site in `site` publishes."""
    links: set[str] = set()
    for page in site.rglob("*.html"):
        if page.relative_to(site).as_posix() == "404.html":
            continue
        address = page_address(site, page)
        links.add(address)
        markup = page.read_text(encoding="utf-8")
        if not REDIRECT.search(markup):
            links.update(f"{address}#{anchor}" for anchor in article_anchors(markup) if not anchor.startswith("tag:"))
    return links


def broken_links(contract: list[str], site: Path) -> list[str]:
    """The links of `contract` that the built site in `site` no longer keeps."""
    broken, ids_at = [], {}
    for link in contract:
        address, _, anchor = link.partition("#")
        if address not in ids_at:  # each page read once, however many of its anchors the contract holds
            markup = _follow(site, address)
            ids_at[address] = None if markup is None else _ids(markup)
        ids = ids_at[address]
        if ids is None or (anchor and anchor not in ids):
            broken.append(link)
    return broken


def rename_item(project: Path, file: str, old: str, new: str, keep_old: bool) -> None:
    """In a copy of the project, give the item `old` of data/`file` the id `new`, there and
    wherever the data refers to it; with `keep_old`, list `old` in its `former_ids`."""
    former = f"\n    former_ids: [{old}]" if keep_old else ""
    for path in (project / "data").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(rf"(?m)^(?!\s+- id: )(.*?)(?<![\w#-]){re.escape(old)}(?![\w#-])", rf"\g<1>{new}", text)  # in lists
        if path.name == file:
            text = text.replace(f"  - id: {old}\n", f"  - id: {new}{former}\n")
        path.write_text(re.sub(rf"(?m)^(\s+(?!id:)\w+: ){re.escape(old)}$", rf"\g<1>{new}", text), encoding="utf-8")


def page_address(site: Path, page: Path) -> str:
    relative = page.relative_to(site).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative.removesuffix("index.html")
    return "/" + relative


def article_anchors(markup: str) -> list[str]:
    """Ids of the headings and of the empty anchors inside the page's <article>."""
    article = markup.partition("<article")[2].partition("</article>")[0]
    parser = _Anchors()
    parser.feed(article)
    return parser.anchors


# ---------------------------------------------------------------------------

def _follow(site: Path, address: str) -> str | None:
    """The HTML that `address` ends on after following redirect pages, or None."""
    for _ in range(MAX_REDIRECTS):
        file = site / (address.lstrip("/") + "index.html" if address.endswith("/") else address.lstrip("/"))
        if not file.is_file():
            return None
        markup = file.read_text(encoding="utf-8")
        redirect = REDIRECT.search(markup)
        if not redirect:
            return markup
        target = redirect.group(1).split("#", 1)[0]
        address = posixpath.normpath(posixpath.join(address, target)) + ("/" if target.endswith("/") else "")
    return None


def _ids(markup: str) -> set[str]:
    return set(re.findall(r"""\bid=["']([^"']+)["']""", markup))


def _order(link: str) -> tuple[str, int, str]:
    address, _, anchor = link.partition("#")
    return address, bool(anchor), anchor


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.anchors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id") and (tag in HEADINGS or (tag == "a" and "href" not in attributes)):
            self.anchors.append(attributes["id"])
