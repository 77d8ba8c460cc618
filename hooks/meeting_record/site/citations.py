"""How to cite an item: its permalink under the site's address, its title, the record's name and
publisher, the record's version (the date of the data the build was made from), and the sources
the item rests on; the access date is the reader's to fill in.

Three forms from one `Citation`: plain text and BibTeX to copy, and CSL-JSON (the format citation
managers such as Zotero import) as a file per item, published under `cite/`. The text and the
notes are written in the language of the site's `words` (see `wording`), given as plain text.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field

from markupsafe import Markup

from meeting_record.data.kinds import KINDS, kind_of
from meeting_record.data.record import Item, Record
from meeting_record.site.templates import item_name, long_date

FOLDER = "cite"
KEY_PREFIX = "g7-2024-"
# BibTeX's special characters, escaped so that a title from the data stays text.
BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$", "#": r"\#",
                  "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
# The kinds whose items have a page or an anchor of their own and rest on sources.
CITED_KINDS = tuple(kind for kind in KINDS if kind.shared_ids and kind.name != "source")


@dataclass(frozen=True)
class Citation:
    key: str
    title: str
    record: str
    publisher: str
    version: datetime.date
    url: str
    sources: tuple[str, ...]
    words: dict[str, str] = field(repr=False, compare=False)  # the site's words, as plain text, in the citation's language

    @property
    def file(self) -> Markup:
        """The docs path of its CSL-JSON file (ids are anchor-safe, so the path is too)."""
        return Markup(f"/{FOLDER}/{self.key.removeprefix(KEY_PREFIX)}.json")

    def text(self) -> str:
        """The citation as text (escaped once, where the page shows it)."""
        words = self.words
        based_on = " " + _based_on(self.sources, words) if self.sources else ""
        return words["citation_text"].format(title=self.title, record=self.record, publisher=self.publisher,
                                             version=long_date(self.version, words), url=self.url) + based_on

    def bibtex(self) -> str:
        words = self.words
        note = words["citation_version"].format(version=self.version.isoformat())
        fields = {"title": self.title, "booktitle": self.record, "publisher": self.publisher,
                  "year": str(self.version.year), "month": self.version.strftime("%b").lower(),
                  "url": self.url, "note": (note + (_based_on(self.sources, words) if self.sources else "")).strip(),
                  "urldate": ""}
        body = ",\n".join(f"  {name} = {{{_bibtex(value) if name != 'url' else value}}}" for name, value in fields.items())
        return f"@misc{{{self.key},\n{body}\n}}"

    def csl(self) -> dict:
        return {"id": self.key, "type": "webpage", "title": self.title, "container-title": self.record,
                "publisher": self.publisher, "URL": self.url,
                "issued": {"date-parts": [[self.version.year, self.version.month, self.version.day]]},
                "version": self.version.isoformat(),
                "note": _based_on(self.sources, self.words) if self.sources else ""}


def citation(record: Record, item: Item, site_url: str, version: datetime.date, words: dict[str, str]) -> Citation:
    """The citation of `item`, in the language of `words` (the site's words as plain text)."""
    kind = kind_of(item)
    anchor = "" if kind.page else f"#{item.id}"
    sources = tuple(dict.fromkeys(words["citation_source"].format(label=record.get(ref.document).label,
                                                                       section=record.get(ref.document).section(ref.section).heading)
                                  for ref in getattr(item, "sources", ())))
    return Citation(key=f"{KEY_PREFIX}{item.id}", title=item_name(record, item, words), record=record.publication.name,
                    publisher=record.publication.publisher, version=version,
                    url=site_url.rstrip("/") + "/" + page_url(kind.src_uri(item.id)) + anchor, sources=sources, words=words)


def is_cited(item: Item) -> bool:
    return kind_of(item) in CITED_KINDS


def page_url(src_uri: str) -> str:
    """The address of a docs page under the site's root, as MkDocs writes directory URLs."""
    path = src_uri.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        return path.removesuffix("index")
    return path + "/"


def citation_files(record: Record, site_url: str, version: datetime.date, words: dict[str, str]) -> dict[str, bytes]:
    """`cite/<id>.json` for every cited item: its CSL-JSON, a list of one, as citation managers import it;
    its note in the language of `words`."""
    files = {}
    for kind in CITED_KINDS:
        for item in getattr(record, kind.key):
            content = [citation(record, item, site_url, version, words).csl()]
            files[f"{FOLDER}/{item.id}.json"] = (json.dumps(content, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return files


def _bibtex(text: str) -> str:
    return re.sub(r"[\\{}%&$#_~^]", lambda match: BIBTEX_SPECIAL[match.group()], text)


def _based_on(sources: tuple[str, ...], words: dict[str, str]) -> str:
    return words["citation_based_on"].format(sources=words["join_citations"].join(sources))
