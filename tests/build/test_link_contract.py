"""Every published address and anchor stays valid or redirects: the build keeps each link of the
contract (tests/links/contract.txt), and the contract holds every link the build publishes."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs_redirects.plugin import HTML_TEMPLATE

from link_contract import CONTRACT, broken_links, published_links, read_contract

HOW_TO_KEEP = ("keep each one working: a redirect in mkdocs.yml's redirect_maps for a page, or the old id "
               "in the item's former_ids in the data for an anchor")


def test_the_build_keeps_every_link_of_the_contract(built_site):
    broken = broken_links(read_contract(), built_site)
    assert not broken, f"the build no longer keeps {len(broken)} links of {CONTRACT.name}; {HOW_TO_KEEP}: {broken}"


def test_the_contract_holds_every_published_link(built_site):
    missing = sorted(published_links(built_site) - set(read_contract()))
    assert not missing, f"links published but not in {CONTRACT.name}; run `make links` to add them: {missing}"


def test_the_contract_holds_every_kind_of_item(record):
    contract = set(read_contract())
    expected = {f"/participants/{record.participants[0].id}/", f"/people/{record.people[0].id}/#{record.people[0].id}",
                f"/themes/{record.themes[0].id}/", f"/events/{record.events[0].id}/",
                f"/statements/#{record.statements[-1].id}", f"/talks/#{record.talks[-1].id}"}
    assert expected <= contract


# ---------------------------------------------------------------------------
# What keeps a link, on small sites written here

def write(site: Path, address: str, html: str) -> None:
    path = site / address.lstrip("/") / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")


def page(*ids: str, anchors: tuple[str, ...] = ()) -> str:
    headings = "".join(f'<h2 id="{i}">Heading <a class="headerlink" href="#{i}">¶</a></h2>' for i in ids)
    return f"<html><body><article>{''.join(f'<a id={a!r}></a>' for a in anchors)}{headings}</article></body></html>"


CONTRACT_LINKS = ["/old/", "/old/#item", "/talks/", "/talks/#talk-a"]


def test_a_dropped_page_or_anchor_breaks_the_contract(tmp_path):
    write(tmp_path, "/old/", page("item"))
    write(tmp_path, "/talks/", page("talk-b"))
    assert broken_links(CONTRACT_LINKS, tmp_path) == ["/talks/#talk-a"]
    (tmp_path / "old" / "index.html").unlink()
    assert broken_links(CONTRACT_LINKS, tmp_path) == ["/old/", "/old/#item", "/talks/#talk-a"]


def test_a_redirect_keeps_a_page_and_its_anchors(tmp_path):
    write(tmp_path, "/new/", page("item"))
    write(tmp_path, "/old/", HTML_TEMPLATE.format(url="../new/"))
    write(tmp_path, "/talks/", page("talk-a"))
    assert broken_links(CONTRACT_LINKS, tmp_path) == []
    write(tmp_path, "/new/", page("renamed-item"))
    assert broken_links(CONTRACT_LINKS, tmp_path) == ["/old/#item"]


def test_an_alias_anchor_keeps_an_anchor(tmp_path):
    write(tmp_path, "/old/", page("item"))
    write(tmp_path, "/talks/", page("talk-renamed", anchors=("talk-a",)))
    assert broken_links(CONTRACT_LINKS, tmp_path) == []


def test_published_links_are_pages_headings_and_empty_anchors(tmp_path):
    write(tmp_path, "/talks/", page("talk-a", "tag:x", anchors=("old-talk",)).replace(
        "<article>", '<nav><h2 id="outside">Nav</h2></nav><article><a id="link" href="#talk-a">x</a>'))
    write(tmp_path, "/old/", HTML_TEMPLATE.format(url="../talks/"))
    (tmp_path / "404.html").write_text(page("not-found"), encoding="utf-8")
    assert published_links(tmp_path) == {"/talks/", "/talks/#talk-a", "/talks/#old-talk", "/old/"}


# ---------------------------------------------------------------------------
# Renaming an item in the data, end to end

@pytest.fixture(scope="module")
def renamed(renamed_builds):
    """Sites built from data in which statements and people have new ids (open-ran and steve-lang
    among them), without and with their former ids."""
    return renamed_builds


def test_renaming_an_item_breaks_its_links(renamed):
    broken = broken_links(read_contract(), renamed[False])
    assert {"/statements/#open-ran", "/themes/secure-resilient-networks/#open-ran", "/people/steve-lang/",
            "/people/steve-lang/#steve-lang"} <= set(broken)


def test_former_ids_keep_the_links_of_a_renamed_item(renamed):
    assert broken_links(read_contract(), renamed[True]) == []
