"""The Japanese edition: a page at /ja/ for every English page, at the same address below it, in
Japanese (`<html lang="ja">`, the data's Japanese texts), and a language selector on every page
that leads to the same page in each edition."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

from site_pages import edition_of, page_files, page_paths

LANG = re.compile(r'<html lang="([^"]+)"')
SELECTOR = re.compile(r'<a href="([^"]+)" rel="alternate" hreflang="([^"]+)" lang="[^"]+" class="md-select__link">')
ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">')
EDITION_FOLDERS = {"en": "", "ja": "/ja"}
SITEMAP, XHTML = "http://www.sitemaps.org/schemas/sitemap/0.9", "http://www.w3.org/1999/xhtml"


def html(site: Path, path: str) -> str:
    return (site / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))).read_text(encoding="utf-8")


def test_every_english_page_has_its_japanese_page_and_no_other(built_site):
    english, japanese = [], []
    for path in page_paths(built_site):
        edition, rest = edition_of(path)
        (japanese if edition == "/ja" else english).append(rest)
    assert len(english) > 40
    assert sorted(japanese) == sorted(english)


def test_each_page_declares_its_language(built_site):
    wrong = [path for path in page_paths(built_site)
             if LANG.search(html(built_site, path)).group(1) != ("ja" if edition_of(path)[0] else "en")]
    assert wrong == []


def test_the_language_selector_leads_to_the_same_page_in_each_edition(built_site):
    base = "http://site.example/"
    for path in page_paths(built_site):
        if path.endswith("404.html"):
            continue
        _, rest = edition_of(path)
        links = {lang: urlsplit(urljoin(base + path.lstrip("/"), href)).path
                 for href, lang in SELECTOR.findall(html(built_site, path))}
        assert links == {lang: folder + rest for lang, folder in EDITION_FOLDERS.items()}, path


def test_no_head_names_the_editions(built_site):
    """A page's editions are in its language selector and its sitemap. Material's head names each
    edition's home page, which on any page but a home page is the wrong page, and makes every page
    that names it fetch the other edition's sitemap as well."""
    named = {path: ALTERNATE.findall(html(built_site, path)) for path in page_paths(built_site)}
    assert {path: found for path, found in named.items() if found} == {}


def test_each_edition_s_sitemap_names_every_page_s_editions(built_site, hosted_site):
    """Search engines read a page's editions (hreflang) from the sitemap: for every page, the same
    page in each language, and the English one for readers of any other."""
    root = hosted_site.url.rstrip("/")
    for edition in EDITION_FOLDERS.values():
        sitemap = ElementTree.parse(built_site / edition.lstrip("/") / "sitemap.xml").getroot()
        urls = sitemap.findall(f"{{{SITEMAP}}}url")
        assert len(urls) > 40
        for url in urls:
            rest = edition_of(urlsplit(url.findtext(f"{{{SITEMAP}}}loc")).path)[1]
            links = {link.get("hreflang"): link.get("href") for link in url.findall(f"{{{XHTML}}}link") if link.get("rel") == "alternate"}
            expected = {lang: root + folder + rest for lang, folder in EDITION_FOLDERS.items()}
            assert links == {**expected, "x-default": expected["en"]}, rest


def test_the_japanese_pages_show_the_data_in_japanese(built_site, records):
    for participant in records["ja"].participants:
        page = html(built_site, f"/ja/participants/{participant.id}/")
        heading = re.search(rf'<h1 id="{participant.id}">(.*?)</h1>', page).group(1)
        assert re.sub(r"<a class=\"headerlink\".*|<[^>]+>", "", heading) == participant.name, participant.id
    for theme in records["ja"].themes:
        assert f">{theme.title}<" in html(built_site, f"/ja/themes/{theme.id}/")


def test_each_japanese_page_has_the_anchors_of_its_english_page(built_site):
    """The same ids, so that /participants/japan/#… and /ja/participants/japan/#… are the same
    item. The tags page is left out: Material names a tag's anchor after the tag, which is a word
    of the page's language."""
    ids = re.compile(r'\bid="([^"]+)"')
    differ = {}
    for path in page_paths(built_site):
        edition, rest = edition_of(path)
        if edition or rest in ("/tags/", "/404.html"):
            continue
        english, japanese = set(ids.findall(html(built_site, rest))), set(ids.findall(html(built_site, "/ja" + rest)))
        if english != japanese:
            differ[rest] = sorted(english ^ japanese)[:5]
    assert differ == {}
