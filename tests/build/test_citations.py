"""Every item offers a citation: a permalink under the site's address that leads to the item, its
title, the record's name and publisher, the record's version, the sources it rests on. The BibTeX
on the page parses as BibTeX, the CSL-JSON file loads in a citation processor, and the footer names
the publisher and the licences, whose texts the repository ships."""

from __future__ import annotations

import datetime
import html
import json
import os
import re
import urllib.parse
from pathlib import Path

import bibtexparser
import pytest
from citeproc import Citation as ProcCitation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from html_check import text_of_id
from meeting_record.data.record import Record
from meeting_record.site.citations import CITED_KINDS, citation, page_url
from meeting_record.site.wording import words
from project import ROOT

CITE_BLOCK = re.compile(r'<details class="record-citation">(.*?)</details>', re.S)
CODE = re.compile(r"<pre[^>]*>(?:<nav.*?</nav>)?<code>(.*?)</code></pre>", re.S)


def cited_items(record: Record) -> list:
    return [item for kind in CITED_KINDS for item in getattr(record, kind.key)]


def blocks_on(site: Path, item, record: Record) -> list[tuple[str, str]]:
    """(text, BibTeX) of every "Cite this" on the item's page."""
    kind = next(kind for kind in CITED_KINDS if isinstance(item, kind.cls))
    page = (site / page_url(kind.src_uri(item.id)) / "index.html").read_text(encoding="utf-8")
    found = []
    for block in CITE_BLOCK.findall(page):
        codes = [html.unescape(re.sub(r"<[^>]+>", "", code)) for code in CODE.findall(block)]
        found.append((codes[0], codes[1]))
    return found


def the_bibtex(site: Path, item, record: Record) -> dict:
    entries = []
    for _, bibtex in blocks_on(site, item, record):
        library = bibtexparser.parse_string(bibtex)
        assert not library.failed_blocks, bibtex
        entries += [entry for entry in library.entries if entry.key == f"g7-2024-{item.id}"]
    assert len(entries) == 1, f"{item.id}: one BibTeX entry of its own on its page"
    return {field.key: field.value for field in entries[0].fields}


def test_every_item_has_a_bibtex_citation_whose_permalink_leads_to_it(subpath_site, record):
    for item in cited_items(record):
        fields = the_bibtex(subpath_site.site, item, record)
        assert fields["title"] == record.name_of(item).replace("&", r"\&")
        assert fields["booktitle"] == record.publication.name
        assert fields["publisher"] == record.publication.publisher
        url = urllib.parse.urlsplit(fields["url"])
        assert fields["url"].startswith(subpath_site.url), f"{item.id}: {fields['url']} is not under the site's address"
        target = subpath_site.site / url.path.removeprefix(urllib.parse.urlsplit(subpath_site.url).path) / "index.html"
        assert target.is_file(), f"{item.id}: {fields['url']} leads nowhere"
        if url.fragment:
            assert f'id="{url.fragment}"' in target.read_text(encoding="utf-8"), f"{item.id}: no anchor #{url.fragment}"
        for ref in getattr(item, "sources", ()):
            assert record.get(ref.document).section(ref.section).heading in fields["note"]


def test_the_version_is_the_date_of_the_data(built_site, record):
    """The Makefile sets SOURCE_DATE_EPOCH to the last commit's time; the citation says that date."""
    stamp = os.environ.get("SOURCE_DATE_EPOCH")
    expected = (datetime.datetime.fromtimestamp(int(stamp), datetime.timezone.utc).date() if stamp
                else datetime.datetime.now(datetime.timezone.utc).date())
    item = record.participants[0]
    fields = the_bibtex(built_site, item, record)
    assert f"Version of {expected.isoformat()}" in fields["note"]
    text, _ = blocks_on(built_site, item, record)[0]
    assert f"version of {expected.day} {expected:%B %Y}" in text and "(accessed: ____)" in text


def test_every_csl_json_file_loads_in_a_citation_processor(built_site, record):
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    for item in cited_items(record):
        data = json.loads((built_site / "cite" / f"{item.id}.json").read_text(encoding="utf-8"))
        bibliography = CitationStylesBibliography(style, CiteProcJSON(data), formatter.plain)
        bibliography.register(ProcCitation([CitationItem(f"g7-2024-{item.id}")]))
        (entry,) = [str(line) for line in bibliography.bibliography()]
        assert record.name_of(item) in entry and data[0]["URL"] in entry


def test_the_page_links_each_item_s_csl_json(built_site, record):
    page = (built_site / "statements" / "index.html").read_text(encoding="utf-8")
    for statement in record.statements:
        assert f'href="../cite/{statement.id}.json"' in page


def test_a_title_with_bibtex_syntax_stays_text(record):
    hostile = 'Braces {and} 100% & $money$ #1 a_b ~ ^ \\end'
    item = record.themes[0].__class__(**{**record.themes[0].__dict__, "title": hostile})
    english = words("en")
    bibtex = citation(record, item, "https://example.org/g7/", datetime.date(2024, 3, 18), english).bibtex()
    library = bibtexparser.parse_string(bibtex)
    assert not library.failed_blocks and len(library.entries) == 1
    title = library.entries[0].fields_dict["title"].value
    assert "{and}" not in title and r"\{and\}" in title and r"\%" in title


def test_footer_names_the_publisher_and_the_licences(built_site, record):
    publication = record.publication
    for page in (built_site / "index.html", built_site / "talks" / "index.html"):
        footer = page.read_text(encoding="utf-8").split('<footer class="md-footer">', 1)[1]
        assert html.escape(publication.publisher) in footer
        for licence in (publication.licences.text_and_data, publication.licences.code):
            assert f'<a href="{licence.url}" rel="license">{html.escape(licence.name)}</a>' in footer


def test_the_licence_files_are_in_the_repository(record):
    for licence in (record.publication.licences.text_and_data, record.publication.licences.code):
        text = (ROOT / licence.file).read_text(encoding="utf-8")
        assert licence.name in text or licence.id.split("-")[0] in text


def test_a_japanese_citation_names_the_item_as_its_page_does(built_site, records):
    """A talk's name is two names joined in the page's language (長谷川淳二とアドルフォ・ウルソ)."""
    talks = (built_site / "ja" / "talks" / "index.html").read_text(encoding="utf-8")
    for talk in records["ja"].talks:
        data = json.loads((built_site / "ja" / "cite" / f"{talk.id}.json").read_text(encoding="utf-8"))
        assert data[0]["title"] == text_of_id(talks, talk.id), talk.id
