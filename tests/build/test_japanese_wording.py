"""Whose wording the Japanese edition's names are: the official Japanese release's (shown character
for character and cited to its section), or the site's own translation (marked so, with the
original beside it). Names of foreign people are in katakana with the name in its own script
beside them. Held to the checklist in tests/source_facts.yml, not to the data."""

from __future__ import annotations

import json
import re
from pathlib import Path

from project import DATA
from published import visible_text

HEADING = re.compile(r'<h1 id="[^"]+">(.*?)<a class="headerlink"', re.S)
WORDING = re.compile(r'<p class="record-wording">(.*?)</p>', re.S)
TAGS = re.compile(r"<[^>]+>")


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def heading(page: str) -> str:
    return TAGS.sub("", HEADING.search(page).group(1)).strip()


def wording_notes(page: str) -> list[str]:
    """Each line of the page's note on whose wording its names are, as HTML."""
    return [line for note in WORDING.findall(page) for line in note.split("<br>")]


def pages_by_heading(site: Path, folder: str) -> dict[str, str]:
    """The pages in `folder`, by their heading (redirects to them, which have none, left out)."""
    pages = [html(site, f"{folder}/{path.name}") for path in (site / folder).iterdir() if (path / "index.html").is_file()]
    return {heading(page): page for page in pages if HEADING.search(page)}


def cited_as_official(page: str, text: str, document: str, section: str) -> bool:
    return any(f"「{text}」" in TAGS.sub("", note) and f'#{document}-{section}"' in note for note in wording_notes(page))


def test_each_theme_page_is_headed_by_its_official_title_cited_to_the_japanese_release(built_site, source_facts):
    japanese = source_facts["japanese"]
    pages = pages_by_heading(built_site, "ja/themes")
    assert len(japanese["themes"]) == 6
    for title in japanese["themes"]:
        assert title in pages, f"no Japanese theme page is headed {title!r}"
        assert cited_as_official(pages[title], title, japanese["document"], "outcomes"), title


def test_each_participant_and_group_shows_the_release_s_japanese_name_cited_to_it(built_site, source_facts):
    japanese = source_facts["japanese"]
    pages = pages_by_heading(built_site, "ja/participants")
    index = html(built_site, "ja/participants")
    for group in japanese["participants"]:
        assert f">{group['heading']}<" in index and cited_as_official(index, group["heading"], japanese["document"], "participants")
        for name in group["names"]:
            assert name in pages, f"no Japanese participant page is headed {name!r}"
            assert cited_as_official(pages[name], name, japanese["document"], "participants"), name


def test_the_home_page_cites_the_meeting_s_official_japanese_name(built_site, source_facts):
    japanese = source_facts["japanese"]
    assert cited_as_official(html(built_site, "ja"), japanese["meeting"], japanese["document"], "lead")


def test_a_foreign_person_s_katakana_name_has_the_original_beside_it(built_site, source_facts):
    people = pages_by_heading(built_site, "ja/people")
    for talk in source_facts["talks"]:
        headed = [name for name in people if name.endswith(f"（{talk['person']}）")]
        assert len(headed) == 1, f"no Japanese page is headed by a name with {talk['person']!r} beside it"
        katakana = headed[0].removesuffix(f"（{talk['person']}）")
        assert katakana and not re.search(r"[A-Za-z]", katakana), headed[0]
        english = pages_by_heading(built_site, "people")
        assert talk["person"] in english, "the English page shows the name once, as it is"


def test_a_translated_title_is_marked_as_the_site_s_with_the_source_s_words(built_site, source_facts):
    """The counterparts' offices are not in the part of the Japanese release that could be read:
    their Japanese is the site's translation, and the page says so, quoting the English."""
    people = pages_by_heading(built_site, "ja/people")
    for talk in source_facts["talks"]:
        page = next(page for name, page in people.items() if name.endswith(f"（{talk['person']}）"))
        original = f'<span lang="en">{talk["title"]}</span>'
        notes = [note for note in wording_notes(page) if original in note]
        assert len(notes) == 1 and 'href="../../about/#whose-words"' in notes[0], talk["person"]


def test_a_title_an_english_source_writes_is_quoted_in_english_on_the_japanese_page(built_site, source_facts):
    people = pages_by_heading(built_site, "ja/people")
    urso = next(page for name, page in people.items() if name.endswith("（Adolfo Urso）"))
    assert '<q lang="en">Minister of Enterprises and Made in Italy</q>' in urso


def test_the_english_edition_has_no_wording_notes(built_site):
    english = [path for path in built_site.rglob("index.html") if "ja" not in path.relative_to(built_site).parts]
    assert len(english) > 40
    assert [path for path in english if 'class="record-wording"' in path.read_text(encoding="utf-8")] == []


def test_the_japanese_edition_writes_its_own_brackets_and_colons_full_width(built_site):
    """The site's own punctuation around Japanese text: （）、：, not the half-width (), and :."""
    text = visible_text(html(built_site, "ja/people/adolfo-urso"))
    assert "（出典：" in text and "(出典" not in text and "出典:" not in text
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff] ?\((?![A-Za-z])", text) is None, text


def test_a_statement_named_in_the_release_s_words_cites_them(built_site, source_facts):
    """HASEGAWA's terms on networks are the release's own (section 3 of the Japanese release)."""
    japanese, page = source_facts["japanese"], html(built_site, "ja/statements")
    headings = {TAGS.sub("", heading) for heading in re.findall(r'<h[1-6] id="[^"]+">(.*?)<a class="headerlink"', page)}
    for term in japanese["statement_titles"]:
        assert term in headings, term
        assert cited_as_official(page, term, japanese["document"], "outcomes"), term


def test_a_subject_s_kind_is_named_in_japanese(built_site):
    """The kind of a subject is a value of the data (`process`, `output`…), which each edition names
    in its own words: in the list's second column, and in the page's sentences about it."""
    schema = json.loads((DATA / "schemas" / "subjects.schema.json").read_text(encoding="utf-8"))
    kinds = schema["properties"]["subjects"]["items"]["properties"]["kind"]["enum"]
    rows = re.findall(r"<tr>\s*<td>.*?</td>\s*<td>(.*?)</td>", html(built_site, "ja/subjects"), re.S)
    assert len(rows) > 5 and [row for row in rows if TAGS.sub("", row).strip() in kinds] == []
    for path in (built_site / "ja" / "subjects").iterdir():
        if path.is_dir():
            text = visible_text(html(built_site, f"ja/subjects/{path.name}"))
            assert not re.search(r"この(" + "|".join(kinds) + r")自体", text), path.name


def test_the_schemas_english_descriptions_are_marked_as_english(built_site):
    """The open data's field descriptions come from the schemas, in English: the Japanese page says
    so, and marks each as English for screen readers and translation tools."""
    page = html(built_site, "ja/data")
    rows = re.findall(r"<tr>\s*<td><code>.*?</tr>", page, re.S)
    assert len(rows) > 50
    assert [row for row in rows if not re.search(r'<td><span lang="en">(?:(?!</td>).)+</span></td>\s*</tr>$', row, re.S)] == []
