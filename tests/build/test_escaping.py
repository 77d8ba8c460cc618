"""Text from the data is text: a site built from data whose every text field is an attack, in
English and in Japanese (see `hostile_data`), holds no element, attribute or script that the data
put there, and shows every English attack as the characters typed, wherever the real site shows
that field."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from hostile_data import BREAKOUT, marker, text_fields
from meeting_record.data.languages import LANGUAGES
from site_pages import language_of
from html_check import collapse, read_page, read_site
from project import DATA


@pytest.fixture(scope="module")
def hostile(hostile_build) -> tuple[Path, dict[str, str]]:
    """The hostile site, and the English text written into each field of its data."""
    site, written = hostile_build
    return site, written["en"]


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_data_is_hostile_in_every_text_field(hostile_build, language):
    _, written = hostile_build
    real = text_fields(DATA, language)
    # Glossary entries and sources' wordings must match other fields, so they are rewritten to
    # those fields' attacks rather than attacked on their own (see `_keep_rules_between_fields`).
    derived = {path for path in real if path.startswith("glossary.") or ".wordings[" in path}
    assert set(written[language]) >= set(real) - derived
    assert all(BREAKOUT + "<img src=x onerror=alert(" in text for text in written[language].values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_edition_shows_only_its_own_language(hostile_build, language):
    """Each text is written in both languages, and each edition's pages show only its own."""
    site, written = hostile_build
    other = next(other for other in LANGUAGES if other != language)
    # The other language only where the page marks it so: an original beside its translation.
    marked = re.compile(rf'<(span|q) lang="{other}">.*?</\1>', re.S)
    pages = [read_page(marked.sub("", path.read_text(encoding="utf-8"))).text for path in sorted(site.rglob("*.html"))
             if language_of(path.relative_to(site).as_posix()) == language]
    shown = markers_shown("\n".join(pages))
    foreign = [path for path, text in written[other].items() if text != written[language].get(path) and marker(text) in shown]
    assert pages and foreign == []


def test_no_element_attribute_or_script_comes_from_the_data(hostile, built_site):
    site, _ = hostile
    theme_tags = set().union(*(page.tags for page in read_site(built_site).values()))
    for path, page in read_site(site).items():
        assert page.injected == [], path
        assert page.tags <= theme_tags, f"{path}: elements the real site never has: {page.tags - theme_tags}"


def test_every_shown_field_shows_the_characters_typed(hostile):
    """Each attack ends with its own token `f<number>`; wherever that token shows, the whole
    attack shows with it, character for character."""
    site, written = hostile
    text = "\n".join(page.text for page in read_site(site).values())
    markers = markers_shown(text)
    shown = [path for path, value in written.items() if marker(value) in markers]
    assert len(shown) > len(written) * 0.6
    altered = [path for path in shown if collapse(written[path]) not in text]
    assert altered == []


def test_page_titles_are_text(hostile):
    """The theme decodes character references in a page title before writing it into <title>."""
    site, written = hostile
    for index in range(3):
        name = written[f"participants.participants[{index}].name"]
        participant_id = _participant_ids()[index]
        page = read_page((site / "participants" / participant_id / "index.html").read_text(encoding="utf-8"))
        assert page.title.startswith(collapse(name) + " - ")


def test_search_index_holds_text_only(hostile):
    """The search box shows titles and text from the index as HTML."""
    site, written = hostile
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for document in index["docs"]:
        for key in ("title", "text"):
            assert read_page(document[key]).injected == [], document["location"]
            assert "<img" not in document[key] and "<script" not in document[key]
    titles = {collapse(read_page(document["title"]).text) for document in index["docs"]}
    assert collapse(written["themes.themes[0].title"]) in titles


def _participant_ids() -> list[str]:
    return [p["id"] for p in yaml.safe_load((DATA / "participants.yml").read_text(encoding="utf-8"))["participants"]]


def markers_shown(text: str) -> set[str]:
    """The attacks' tokens `f<number>` that `text` shows, each a word of its own."""
    return set(re.findall(r"\bf[0-9]+\b", text))
