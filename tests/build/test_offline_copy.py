"""The offline copy, on disk: every link of every page leads to a file that is in the copy (a
folder would open as a file listing, not a page), and the copy holds the search index as a script
and the iframe-worker shim it runs search through. The online site keeps its directory URLs."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK = re.compile(r"""\b(?:href|src|xlink:href)="([^"]*)\"""")


def local_link_problems(copy: Path) -> list[str]:
    problems = []
    for page in sorted(copy.rglob("*.html")):
        for link in LINK.findall(page.read_text(encoding="utf-8")):
            parts = urlsplit(link)
            if parts.scheme or link.startswith(("#", "//")) or not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.is_file() or not target.is_relative_to(copy.resolve()):
                problems.append(f"{page.relative_to(copy)}: {link}")
    return problems


def test_every_link_of_the_offline_copy_leads_to_a_file_in_it(offline_copy):
    assert (offline_copy / "search" / "search_index.js").is_file()
    assert (offline_copy / "assets" / "javascripts" / "iframe-worker" / "shim.js").is_file()
    found = local_link_problems(offline_copy)
    assert not found, "links that lead nowhere on disk:\n" + "\n".join(sorted(set(found))[:50])


def test_a_link_to_a_folder_is_caught(tmp_path):
    """The check above can fail: a directory URL, as the online site has, is reported."""
    (tmp_path / "about").mkdir()
    (tmp_path / "about" / "index.html").write_text("<h1>about</h1>", encoding="utf-8")
    (tmp_path / "index.html").write_text('<a href="about/">a</a><a href="about/index.html">b</a>', encoding="utf-8")
    assert local_link_problems(tmp_path) == ["index.html: about/"]


def test_the_online_site_keeps_its_directory_urls(built_site):
    assert (built_site / "participants" / "index.html").is_file() and not (built_site / "participants.html").exists()
