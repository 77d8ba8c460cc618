"""Anchors come from data ids, never from display text, and every heading offers its permalink."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from link_contract import broken_links, published_links, read_contract
from project import build_site, project_copy

HEADING = re.compile(r'<(h[1-6]) id="([^"]+)"[^>]*>(.*?)</\1>', re.S)
# Display text in the data: titles and names that no address or anchor may be made from.
REWORDED = {"statements.yml": ("statements", "title"), "themes.yml": ("themes", "title"),
            "events.yml": ("events", "title"), "people.yml": ("people", "name"),
            "participants.yml": ("participants", "short_name")}


def test_every_heading_shows_its_permalink(built_site):
    for page in sorted(built_site.rglob("index.html")):
        markup = page.read_text(encoding="utf-8")
        article = markup.partition("<article")[2].partition("</article>")[0]
        for tag, anchor, content in HEADING.findall(article):
            assert f'<a class="headerlink" href="#{anchor}"' in content, f"{page}: <{tag} id={anchor}> has no permalink"


def test_rewording_titles_and_names_keeps_every_anchor(tmp_path, built_site):
    project = project_copy(tmp_path)
    for file, (key, field) in REWORDED.items():
        path = project / "data" / file
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in data[key]:
            item[field] = {language: f"Reworded {text}" for language, text in item[field].items()}  # {en, ja}
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _forget_official_wordings(project / "data" / "sources.yml")  # they name the texts as they were
    reworded = build_site(project / "site", config_file=project / "mkdocs.yml")
    assert "Reworded" in (reworded / "statements" / "index.html").read_text(encoding="utf-8")
    anchors = {link for link in published_links(reworded) if "#" in link}
    assert anchors == {link for link in published_links(built_site) if "#" in link}
    assert broken_links(read_contract(), reworded) == []


def _forget_official_wordings(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for source in data["sources"]:
        for section in source["sections"]:
            section.pop("wordings", None)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
