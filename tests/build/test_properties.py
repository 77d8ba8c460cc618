"""Properties over generated data (Hypothesis): any schema-valid participants, people, statements
and talks build; each appears at its anchor with its text exactly as written; and no generated
text, however full of Markdown and HTML punctuation, turns into markup."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from html_check import collapse, read_page, read_site, text_of_id
from meeting_record.site.markdown_text import escape_markdown
from project import DATA, ROOT, build_site, project_copy

# CI runs the same examples every time; elsewhere Hypothesis explores anew on each run.
settings.register_profile("ci", derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")

SYNTAX = list("<>&\"'`*_[](){}#!|:=~^$%@\\-.+/?,") + ["{{", "}}", "{%", "%}", "](", "javascript:", "<script>", "\n"]
# Any printable character YAML can hold (no controls, surrogates or noncharacters), and syntax often.
CHARACTERS = st.characters(blacklist_categories=("Cc", "Cs", "Cn"))
PIECES = st.one_of(st.sampled_from(SYNTAX), st.text(CHARACTERS, min_size=1, max_size=4))


def texts(max_size: int, one_line: bool) -> st.SearchStrategy[str]:
    """Text a schema `text` (or, one line, `short_text`) field accepts."""
    text = st.lists(PIECES, min_size=1, max_size=max_size).map("".join)
    if one_line:
        text = text.map(lambda t: " ".join(t.splitlines()))
    return text.filter(lambda t: t.strip() != "")


IDS = st.from_regex(r"gen-[a-z0-9]{1,6}(-[a-z0-9]{1,4})?", fullmatch=True)
SOURCES = ["mic-2024-03-18#participants"]


@st.composite
def new_items(draw) -> dict[str, list[dict]]:
    """Six to fourteen new participants, each with a person who makes a statement and has a talk."""
    count = draw(st.integers(6, 14))
    ids = draw(st.lists(IDS, min_size=4 * count, max_size=4 * count, unique=True))
    short, long = texts(12, one_line=True), texts(30, one_line=False)
    items: dict[str, list[dict]] = {"participants": [], "people": [], "statements": [], "talks": []}

    def both(text: st.SearchStrategy[str], english_ends: str = "") -> dict[str, str]:
        """A text in English and Japanese, as the data writes every text it shows."""
        return {"en": draw(text) + english_ends, "ja": draw(text)}

    for n in range(count):
        participant, person, statement, talk = ids[4 * n: 4 * n + 4]
        # English names become addresses (/participants/<name>/), which no two items may share:
        # each ends with its item's id.
        items["participants"].append({
            "id": participant, "group": "invited-countries", "short_name": both(short),
            "name": both(short, f" {participant}"), "full_name": both(short, f" {participant}"), "kind": "country",
            "aliases": {"en": [participant], "ja": [draw(short)]}, "sources": list(SOURCES)})
        items["people"].append({
            "id": person, "name": both(short), "family_name": both(short, f" {person}"), "title": both(short),
            "participant": participant, "sources": list(SOURCES)})
        items["statements"].append({
            "id": statement, "title": both(short), "speaker": person, "during": "digital-government",
            # ';' separates list items in the published CSV files, which refuse it inside one
            "topics": {language: [draw(short).replace(";", ",")] for language in ("en", "ja")}, "text": both(long),
            "sources": list(SOURCES)})
        items["talks"].append({"id": talk, "host": "hasegawa-junji", "counterpart": person, "sources": list(SOURCES)})
    return items


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return project_copy(tmp_path_factory.mktemp("generated"))


@pytest.fixture(scope="module")
def theme_tags(built_site: Path) -> set[str]:
    return set().union(*(page.tags for page in read_site(built_site).values()))


# A build takes a second or two: few examples, each adding many items (two builds of six to
# fourteen items each), and no shrinking, which would take minutes (the failing example is reported as found).
@settings(max_examples=2, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(items=new_items())
def test_generated_records_build_show_at_their_anchors_and_stay_text(project, theme_tags, items):
    _write_data(project / "data", items)
    with tempfile.TemporaryDirectory() as folder:
        # The English edition alone: the Japanese texts take the same way into the pages, and the
        # hostile build (test_escaping) attacks every one of them in the Japanese edition.
        site = build_site(Path(folder) / "site", config_file=project / "mkdocs.yml", editions=False)
        for item in items["participants"]:
            assert _heading(site / "participants" / item["id"], item["id"]) == collapse(item["name"]["en"])
        for item in items["people"]:
            assert _heading(site / "people" / item["id"], item["id"]) == collapse(item["name"]["en"])
        for item in items["statements"]:
            assert _heading(site / "statements", item["id"]) == collapse(item["title"]["en"])
        people = {person["id"]: person["name"]["en"] for person in items["people"]}
        for item in items["talks"]:
            assert _heading(site / "talks", item["id"]) == collapse(f"HASEGAWA Junji and {people[item['counterpart']]}")
        pages = read_site(site)
    for path, page in pages.items():
        assert page.injected == [], path
        assert page.tags <= theme_tags, path
    shown = "\n".join(page.text for page in pages.values())
    for statement in items["statements"]:
        assert collapse(statement["text"]["en"]) in shown


def _write_data(data: Path, items: dict[str, list[dict]]) -> None:
    """The real data, with the generated items added at the end of their files."""
    for name, new in items.items():
        document = yaml.safe_load((DATA / f"{name}.yml").read_text(encoding="utf-8"))
        document[name] = document[name] + new
        (data / f"{name}.yml").write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _heading(page_folder: Path, element_id: str) -> str | None:
    return text_of_id((page_folder / "index.html").read_text(encoding="utf-8"), element_id)


# ---------------------------------------------------------------------------
# The escaping itself, through the site's own Markdown extensions, on many more texts

@pytest.fixture(scope="module")
def site_markdown() -> markdown.Markdown:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts(40, one_line=False))
def test_escaped_text_renders_as_one_paragraph_of_that_text(site_markdown, text):
    site_markdown.reset()
    rendered = site_markdown.convert(str(escape_markdown(text)))
    page = read_page(rendered)
    assert page.tags <= {"p"}, rendered
    assert page.injected == []
    assert page.text == collapse(text)
