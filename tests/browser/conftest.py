"""Browser tests: the built site served on 127.0.0.1, driven by Debian's Chromium."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
# Without these, Chromium tries to reach Google's hosts, which this network refuses.
CHROMIUM_ARGS = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-sandbox"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def closed_port():
    """A port of 127.0.0.1 held, and never listened on, for the length of the run: a connection to
    it is refused at once."""
    held = socket.socket()
    held.bind(("127.0.0.1", 0))
    yield held.getsockname()[1]
    held.close()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict, closed_port: int) -> dict:
    """Every request to a host other than 127.0.0.1, where the tests serve the site, goes to a proxy
    at the closed port, so it fails at once and nothing leaves the machine; the tests see it asked
    for all the same (page_checks.PageWatch)."""
    proxy = {"server": f"http://127.0.0.1:{closed_port}", "bypass": "127.0.0.1"}
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "proxy": proxy}


@pytest.fixture(scope="module")
def context(browser):
    """One browser context for the tests of a module that take pytest-playwright's `page`: each test
    still gets a page of its own, and a context is made once, not for every test. A page loaded in
    a fresh context costs the browser about twice the work of one loaded in a context that has
    loaded the site before (its caches start empty), so the modules that need a context of their
    own kind make it once, too."""
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture(scope="session")
def site_url(hosted_site) -> str:
    """Base URL (no trailing slash) of the built site, served over HTTP on 127.0.0.1 at the address
    it was built for."""
    return hosted_site.url.rstrip("/")
