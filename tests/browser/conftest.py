"""Browser tests: the built site served on 127.0.0.1, driven by Debian's Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from local_server import serve

CHROMIUM = "/usr/bin/chromium"
# Without these, Chromium tries to reach Google's hosts, which this network refuses.
CHROMIUM_ARGS = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-sandbox"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """Base URL (no trailing slash) of the built site, served over HTTP on 127.0.0.1."""
    server, url = serve(built_site)
    yield url
    server.shutdown()

