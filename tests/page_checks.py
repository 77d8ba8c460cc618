"""One visit per page and variant for the checks every page must pass in a browser: axe-core finds
no violation, and the page asks no other host for anything and logs no console error.

Every page is visited once, in the light palette at desktop width. The other three combinations
of palette and width (light and dark, desktop and phone) are visited on fewer pages, which show
the same as all of them would:
- a palette changes colours only (Material's palettes and record.css set colours through CSS
  custom properties under [data-md-color-scheme]), so it can break contrast but not structure,
  names or roles;
- a width changes layout only (media queries: the drawer, the tabs, the tables that scroll), so it
  can hide, show or move elements but not change what they are;
- both act on elements through their tag and classes, and pages of one kind come from one
  template (every participant's page from the participant template, and so on): every element a
  palette or a width can change on any page of a kind is found, with the same tag and classes, on
  the pages `pages_with_every_component` picks for that kind. So those pages are visited in each
  of the four variants, and a contrast or layout fault of any page shows on one of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from project import ROOT
from site_pages import page_paths, pages_with_every_component

AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
RUN_AXE = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"""

# The palettes of mkdocs.yml follow the reader's colour-scheme preference; Material marks the
# one it applied on <body data-md-color-scheme>.
PALETTES = {"light": "default", "dark": "slate"}
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
VARIANTS = [(palette, viewport) for palette in PALETTES for viewport in VIEWPORTS]
FIRST_VARIANT = VARIANTS[0]
LOCAL_SCHEMES = {"data", "blob", "about"}


def axe_source() -> str:
    assert AXE_SCRIPT.is_file(), f"{AXE_SCRIPT} is missing: run `make node-deps`"
    return AXE_SCRIPT.read_text(encoding="utf-8")


def axe_violations(page, source: str) -> list[dict]:
    page.evaluate(source)
    return page.evaluate(RUN_AXE, AXE_TAGS)["violations"]


def describe(path: str, violation: dict) -> str:
    targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
    return f"{path}: {violation['id']} ({violation['help']}) at {targets}"


class PageWatch:
    """What a browser context asked of other hosts, and the errors its pages logged. Requests to
    any other host are recorded and blocked, so that the test itself sends nothing out."""

    def __init__(self, context, site_url: str):
        self.host = urlsplit(site_url).netloc
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.path = ""
        context.route("**/*", self._route)

    def _route(self, route) -> None:
        url = urlsplit(route.request.url)
        if url.scheme in LOCAL_SCHEMES or url.netloc == self.host:
            route.continue_()
        else:
            self.foreign.append(f"{self.path}: {route.request.url}")
            route.abort("blockedbyclient")

    def watch(self, page) -> None:
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"{self.path}: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"{self.path}: uncaught {e}"))


@dataclass
class Findings:
    """What the visits found, per variant: the pages visited, axe's violations, requests to other
    hosts and console errors (each line starts with the page's path)."""
    visited: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    violations: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    wrong_palette: list[str] = field(default_factory=list)


def visit_pages(browser, site_url: str, site: Path) -> Findings:
    source, findings = axe_source(), Findings()
    every_page, some_pages = page_paths(site), pages_with_every_component(site)
    for palette, viewport in VARIANTS:
        paths = every_page if (palette, viewport) == FIRST_VARIANT else some_pages
        context = browser.new_context(color_scheme=palette, viewport=VIEWPORTS[viewport])
        watch = PageWatch(context, site_url)
        page = context.new_page()
        watch.watch(page)
        found: list[str] = []
        try:
            for path in paths:
                watch.path = f"{path} ({palette}, {viewport})"
                # The request check needs each page once, settled until the network is idle; axe
                # needs the page loaded.
                page.goto(site_url + path, wait_until="networkidle" if paths is every_page else "load")
                scheme = page.get_attribute("body", "data-md-color-scheme")
                if scheme != PALETTES[palette]:
                    findings.wrong_palette.append(f"{path} shows the {scheme!r} palette, not the {palette} one")
                found += [describe(watch.path, v) for v in axe_violations(page, source)]
        finally:
            context.close()
        findings.visited[palette, viewport] = paths
        findings.violations[palette, viewport] = found
        findings.foreign += watch.foreign
        findings.errors += watch.errors
    return findings
