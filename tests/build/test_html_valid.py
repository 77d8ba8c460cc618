"""The Nu HTML Checker (vnu.jar, run with Java) finds no error in any page of the built site."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from project import ROOT
from site_pages import page_files

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# One short run: Java's quick compiler alone takes half the CPU time that its optimising one
# spends warming up, with the same messages. Its frames are larger, so the checker's deep
# recursion through the HTML schema needs a larger stack.
JAVA_OPTIONS = ["-XX:TieredStopAtLevel=1", "-Xss16m"]

# The one allowlist: errors that come from Material's own templates and are kept on purpose.
# Each entry is (start of the checker's message, pattern the offending markup matches, why).
ALLOWED = [
    ("Attribute “autocomplete” is only allowed when the input type is",
     r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" autocomplete="off">',
     "Material's base.html (outside any block) sets autocomplete=off on its hidden drawer and search "
     "toggles so that Firefox does not restore them open when a reader comes back to a page; removing it "
     "would mean copying the whole base template."),
]


def vnu_messages(files: list[Path]) -> list[dict]:
    assert shutil.which("java"), "Java is missing: run `make system-deps`"
    assert VNU_JAR.is_file(), f"{VNU_JAR} is missing: run `make node-deps`"
    run = subprocess.run(["java", *JAVA_OPTIONS, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *map(str, files)],
                         capture_output=True, text=True, check=True)
    return json.loads(run.stderr)["messages"]


def allowed(message: dict) -> bool:
    return any(message["message"].startswith(start) and re.search(markup, message.get("extract", ""))
               for start, markup, _ in ALLOWED)


def describe(message: dict) -> str:
    where = f"{message.get('url', '')}:{message.get('lastLine', '?')}".removeprefix("file:")
    return f"{where}: {message['message']}\n    {message.get('extract', '').strip()}"


def errors(messages: list[dict]) -> list[dict]:
    return [m for m in messages if m["type"] in ("error", "non-document-error")]


# A page with faults, checked in the same run as the site's pages (Java starts once): the check can fail.
FAULTY_PAGE = ('<!doctype html><html lang="en"><head><title>x</title></head>'
               '<body><label for="nothing" tabindex="">x</label><p><div></p></body></html>')


@pytest.fixture(scope="module")
def messages(built_site, tmp_path_factory) -> dict[str, list[dict]]:
    """The checker's messages for the site's pages ("site") and for FAULTY_PAGE ("faulty")."""
    faulty = tmp_path_factory.mktemp("faulty") / "index.html"
    faulty.write_text(FAULTY_PAGE, encoding="utf-8")
    found = vnu_messages([*page_files(built_site), faulty])
    of_faulty = [m for m in found if m.get("url", "").removeprefix("file:").lstrip("/") == str(faulty).lstrip("/")]
    return {"site": [m for m in found if m not in of_faulty], "faulty": of_faulty}


@pytest.fixture(scope="module")
def site_messages(messages) -> list[dict]:
    return messages["site"]


def test_every_page_is_valid_html(site_messages):
    found = [describe(m) for m in errors(site_messages) if not allowed(m)]
    assert not found, f"{len(found)} HTML errors:\n" + "\n".join(found)


def test_every_allowlist_entry_is_still_needed(site_messages):
    for start, markup, _ in ALLOWED:
        assert any(m["message"].startswith(start) and re.search(markup, m.get("extract", "")) for m in site_messages), \
            f"nothing matches the allowlist entry {start!r} any more: remove it"


def test_the_checker_reports_invalid_markup(messages):
    """The check above can fail: the same run reports the errors of a page that has them."""
    found = errors(messages["faulty"])
    assert any("tabindex" in m["message"] for m in found)
    assert not any(allowed(m) for m in found)
