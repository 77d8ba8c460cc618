"""LinkChecker, checking anchors too, finds no broken link and gives no warning anywhere on the
built site, served over HTTP on 127.0.0.1 under a subpath, as GitHub Pages serves a project site
(the `subpath_site` of tests/conftest.py). Links to other hosts are not followed (no network); a
link from the host's root, which LinkChecker would take for another site, is caught by
tests/build/test_subpath.py."""

from __future__ import annotations

from link_check import link_problems
from local_server import serve
from site_pages import NOT_FOUND_PAGE, page_files


def test_no_broken_link_download_redirect_or_anchor_under_the_subpath(subpath_site, tmp_path):
    """LinkChecker, from every HTML file the build wrote (pages, redirect pages and the 404 page),
    follows every link on the host: pages, anchors, assets, figures' links and open-data downloads."""
    site, url = subpath_site.site, subpath_site.url
    files = sorted(site.rglob("*.html"))
    assert any(f.name == NOT_FOUND_PAGE for f in files) and len(files) > len(page_files(site)), "redirects are checked"
    found = link_problems([url + f.relative_to(site).as_posix().removesuffix("index.html") for f in files], tmp_path)
    assert not found, "\n".join(found)


def test_a_broken_anchor_is_caught(tmp_path):
    """The check above can fail: a link to an anchor that is not there is reported."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<!doctype html><title>a</title><a href="b.html#gone">b</a>', encoding="utf-8")
    (site / "b.html").write_text('<!doctype html><title>b</title><h1 id="here">b</h1>', encoding="utf-8")
    server, url = serve(site)
    try:
        found = link_problems([url + "/"], tmp_path)
    finally:
        server.shutdown()
    assert len(found) == 1 and "#gone" in found[0]
