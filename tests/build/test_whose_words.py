"""Whose words are whose: every retelling is marked as the site's wording, with the explanation one
click away, and every source link names its document and language and, where the document has a
secure address, links to the document itself."""

from __future__ import annotations

import html
import re

from meeting_record.site.wording import words
from site_pages import language_of, page_files

RETOLD = '<a class="record-retold" href="{prefix}about/#whose-words"'
LANGUAGE_NAMES = {"en": "English", "ja": "Japanese, 日本語", "it": "Italian, italiano", "fr": "French, français"}
# The same names on the Japanese pages: in Japanese, with the language's own name beside it.
LANGUAGE_NAMES_JA = {"en": "英語", "ja": "日本語", "it": "イタリア語、italiano", "fr": "フランス語、français"}


def source_link(language: str) -> re.Pattern:
    """A link to a source's section on the sources page, then, where it has one, to the document,
    between the page's own brackets: (anchor, label, address, the document's language)."""
    before, after = str(words(language)["cite_document"]).split("{link}")
    document = rf'<a href="([^"]+)" hreflang="([a-z-]+)">{re.escape(str(words(language)["link_the_document"]))}</a>'
    return re.compile(rf'<a href="(?:\.\./)*about/#([a-z0-9-]+)">(.*?)</a>(?:{re.escape(before)}{document}{re.escape(after)})?', re.S)


def test_every_statement_is_marked_as_the_site_s_wording(built_site, record):
    page = (built_site / "statements" / "index.html").read_text(encoding="utf-8")
    marks = page.count(RETOLD.format(prefix="../"))
    assert marks >= len(record.statements), f"{marks} marks for {len(record.statements)} statements"
    for statement in record.statements:
        block = page.split(f'id="{statement.id}"', 1)[1].split('class="record-meta"', 1)[0]
        assert RETOLD.format(prefix="../") in block, f"{statement.id} is not marked as retold"


def test_the_explanation_is_on_the_sources_page(built_site):
    page = (built_site / "about" / "index.html").read_text(encoding="utf-8")
    assert 'id="whose-words"' in page and "in the site's words" in page


def test_every_source_link_names_its_document_language_and_the_document(built_site, records):
    checked, links = 0, {language: source_link(language) for language in records}
    labels = {language: str(words(language)["cite_label"]) for language in records}
    for file in page_files(built_site):
        language = language_of(file.relative_to(built_site).as_posix())
        record, names = records[language], LANGUAGE_NAMES_JA if language == "ja" else LANGUAGE_NAMES
        sections = {f"{s.id}-{section.id}": s for s in record.sources for section in s.sections}
        for anchor, label, address, source_language in links[language].findall(file.read_text(encoding="utf-8")):
            source = sections.get(anchor)
            if source is None:
                continue
            text = html.unescape(re.sub(r"<[^>]+>", "", label))
            label = labels[language].format(label=source.label, language=names[source.language], section="")
            assert text.startswith(label), f"{file}: {text}"
            if (source.address or "").startswith("https://"):
                assert html.unescape(address) == source.address and source_language == source.language, f"{file}: {text}"
            checked += 1
    assert checked > 100


def test_official_titles_in_running_text_are_quotations(built_site, record):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    quotes = [html.unescape(re.sub(r"<[^>]+>", "", q)) for q in re.findall(r'<q class="record-quoted">(.*?)</q>', home, re.S)]
    assert record.meeting.outcome.title in quotes


def test_every_version_of_a_disagreement_and_every_group_note_is_marked(built_site, record):
    page = (built_site / "disagreements" / "index.html").read_text(encoding="utf-8")
    versions = re.findall(r"<li><strong>(?:According to|Reported by)</strong>.*?</li>", page, re.S)
    assert len(versions) >= 2 * len(record.disagreements)
    assert all(RETOLD.format(prefix="../") in version for version in versions)
    participants = (built_site / "participants" / "index.html").read_text(encoding="utf-8")
    for group in record.groups:
        block = participants.split(f'id="{group.id}"', 1)[1].split("<table", 1)[0]
        assert RETOLD.format(prefix="../") in block, f"{group.id}'s note is not marked as retold"
