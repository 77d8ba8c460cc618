"""The site published at an address under a subpath, as a project site on GitHub Pages is
(https://<owner>.github.io/<repository>/): `make build` with SITE_URL set builds it for that
address, and nothing in it leads to the host's root instead of the site's."""

from __future__ import annotations

import gzip

from published import CANONICAL, OG_URL, root_absolute_links, sitemap_locations
from site_pages import EDITIONS, NOT_FOUND_PAGE, page_files, page_paths


def test_the_sitemap_lists_every_page_at_the_address_and_no_redirect(subpath_site):
    """Each edition has its own sitemap, of its own pages."""
    site, url = subpath_site.site, subpath_site.url
    pages = [url + path.removeprefix("/") for path in page_paths(site) if not path.endswith("/" + NOT_FOUND_PAGE)]
    assert len(pages) > 80
    listed = [location for folder in ("", *EDITIONS) for location in sitemap_locations(site / folder)]
    assert sorted(listed) == sorted(pages)
    for folder in ("", *EDITIONS):
        sitemap = site / folder / "sitemap.xml"
        assert gzip.decompress(sitemap.with_suffix(".xml.gz").read_bytes()) == sitemap.read_bytes()


def test_every_page_has_its_address_as_canonical_link_and_og_url(subpath_site):
    site, url = subpath_site.site, subpath_site.url
    for file in page_files(site):
        if file.name == NOT_FOUND_PAGE:
            continue
        markup = file.read_text(encoding="utf-8")
        address = url + file.relative_to(site).as_posix().removesuffix("index.html")
        assert CANONICAL.findall(markup) == [address], file
        assert OG_URL.findall(markup) == [address], file


def test_no_link_starts_at_the_hosts_root(subpath_site):
    found = root_absolute_links(subpath_site.site)
    assert not found, "links from the host's root:\n" + "\n".join(found[:50])


def test_a_link_from_the_hosts_root_is_caught(tmp_path):
    """The check above can fail: each way of writing a link from the host's root is reported."""
    (tmp_path / "index.html").write_text('<a href="/about/">a</a><img src="/x.png"><a href="//cdn/x">c</a>'
                                         '<meta http-equiv="refresh" content="0; url=/usa/">', encoding="utf-8")
    (tmp_path / "style.css").write_text("a { background: url('/x.png') } b { background: url(x.png) }", encoding="utf-8")
    (tmp_path / "search.json").write_text('{"docs": [{"location": "/about/"}, {"location": "about/"}]}', encoding="utf-8")
    assert len(root_absolute_links(tmp_path)) == 5

