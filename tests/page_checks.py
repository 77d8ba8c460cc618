"""One visit per page for the checks every page must pass in a browser: axe-core finds no
violation in each palette and width, and the page asks no other host for anything and logs no
console error.

Every page is visited once, in the light palette at desktop width, as a reader goes from page to
page: Material's instant navigation fetches the page and puts its content, its header's title and
its head in place of the last page's, without loading the theme's styles and scripts again (which
costs the browser more than checking the page). What it keeps from the page loaded before is the
same on every page of an edition but for the addresses in the header (its language selector and
search link lead from the page loaded) and the scripts at the end of the body (the theme's, the
same on every page). So a page reached that way holds the elements it holds when loaded, which the
visits show on the pages of every kind (below): each is first reached by navigation, then loaded
afresh, and the two must match. A page is loaded, too, where no navigation leads to it: the first
page visited, a page of another edition than the page before, and a 404 page.

In that variant every page is checked with every rule but axe's rules about colour (COLOUR_RULES),
and some pages with those too. The same pages are then checked in the other three combinations of
palette and width (light and dark, desktop and phone) without loading them again: the window is
resized, and the dark palette is chosen with the header's own switch, as a reader would. Those
pages show the same as all of them would:
- a colour comes from CSS, which gives it to an element through its tag and classes (Material's
  palettes and record.css set colours through CSS custom properties under
  [data-md-color-scheme], the attribute the palette switch sets); so does a palette, which changes
  colours only, and can break contrast but not structure, names or roles: in the dark palette axe
  runs only its rules about colour. The one element a palette swaps is the palette switch in the
  header, the same on every page, which shows its other button: every rule is run once on a page
  loaded in the dark palette;
- a width changes layout only (media queries: the drawer, the tabs, the tables that scroll), so it
  can hide, show or move elements but not change what they are;
- pages of one kind come from one template (every participant's page from the participant
  template, and so on): every element that a colour, a palette or a width can change on any page
  of a kind is found, with the same tag and classes, on the pages `pages_with_every_component`
  picks for that kind. So those pages are checked with every rule in each of the four variants,
  and a contrast or layout fault of any page shows on one of them.
The palette the reader's system asks for is checked on the first page of each share, loaded fresh
with a preference for the light palette, and once more on the first, loaded with one for the dark.

The requests a page makes are watched from its visit on. What its markup asks for (images,
styles, scripts, frames) is asked for as its elements are put in place, loaded or reached by
navigation (a stylesheet or script of its head that the page before did not have is added, and
so fetched); what is asked later comes from the theme's scripts, the same on every page, acting on
the page's elements. So the pages that hold every kind of element, loaded afresh, are also left to
settle until the network is idle, and a later request of any page shows on one of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from project import ROOT
from site_pages import NOT_FOUND_PAGE, edition_of, page_paths, pages_with_every_component

AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
# axe's violations of the rules `options` selects, and the palette the page shows (null before axe
# is put in the page). Only the violations come back: the rest of axe's results (the rules passed
# and those that did not apply) would be carried from the browser and read back, for every page.
RUN_AXE = """async options => typeof axe === 'undefined' ? null : {
  scheme: document.body.dataset.mdColorScheme ?? null,
  violations: (await axe.run(document, {...options, resultTypes: ['violations']})).violations,
}"""
EVERY_RULE = {"runOnly": {"type": "tag", "values": AXE_TAGS}}
# The rules of those tags whose findings depend on colours: the text's contrast, and a link told
# from the text around it by colour alone. They are all that a change of palette can fail, and
# more than half of the time axe takes on a page.
COLOUR_RULE_IDS = ["color-contrast", "link-in-text-block"]
COLOUR_RULES = {"runOnly": {"type": "rule", "values": COLOUR_RULE_IDS}}
EVERY_RULE_BUT_COLOUR = {**EVERY_RULE, "rules": {rule: {"enabled": False} for rule in COLOUR_RULE_IDS}}

# The palettes of mkdocs.yml follow the reader's colour-scheme preference; Material marks the
# one it applied on <body data-md-color-scheme>.
PALETTES = {"light": "default", "dark": "slate"}
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
VARIANTS = [(palette, viewport) for palette in PALETTES for viewport in VIEWPORTS]
FIRST_VARIANT = VARIANTS[0]
LOCAL_SCHEMES = {"data", "blob", "about"}

# A reader's click on a link to the page, which Material's instant navigation follows; done once
# Material has put the page in place (its `document$` gives the new document) and drawn it.
# Material takes a click only once it has read the site's sitemap, which it fetches as the page
# starts: a click that comes before (on a busy machine, just after the page's load) is not taken
# at once, and would load the page. It is held back instead, and Material follows it when the
# sitemap has arrived. A link it never follows fails here, with a message, after ten seconds.
NAVIGATE = """async url => {
  const arrived = new Promise(resolve => {
    let current = true;  // document$ gives the page shown now first
    const watching = document$.subscribe(() => current ? current = false : (watching.unsubscribe(), resolve()));
  });
  const link = Object.assign(document.createElement('a'), {href: url});
  document.body.append(link);
  addEventListener('click', click => click.defaultPrevented || click.preventDefault(), {once: true});
  link.click();
  link.remove();
  await Promise.race([arrived, new Promise((_, fail) => setTimeout(() => fail(new Error('not reached by navigation')), 10000))]);
  await new Promise(frame => requestAnimationFrame(() => requestAnimationFrame(frame)));
}"""
# What navigation replaces, as the page shows it once Material's components have settled (some
# mark their elements a moment later, when the browser is idle): its head, its header's title and
# its content, with the numbers Material gives code blocks in the order it meets them in the visit.
SHOWN = """async () => {
  await new Promise(idle => requestIdleCallback(idle, {timeout: 2000}));
  await new Promise(frame => requestAnimationFrame(() => requestAnimationFrame(frame)));
  return [
    [...document.head.children].map(element => element.outerHTML).sort().join(' '),
    ...['header-topic', 'container'].map(name => document.querySelector(`[data-md-component=${name}]`).outerHTML),
  ].map(html => html.replace(/__code_[0-9]+/g, '__code_'));
}"""


def axe_source() -> str:
    assert AXE_SCRIPT.is_file(), f"{AXE_SCRIPT} is missing: run `make node-deps`"
    return AXE_SCRIPT.read_text(encoding="utf-8")


def axe_run(page, source: str, rules: dict = EVERY_RULE) -> dict:
    """axe's violations of `rules` on the page as it is, and the palette it shows (`scheme`); axe
    put in once per page load."""
    found = page.evaluate(RUN_AXE, rules)
    if found is None:
        page.evaluate(source)
        found = page.evaluate(RUN_AXE, rules)
    return found


def axe_violations(page, source: str, rules: dict = EVERY_RULE) -> list[dict]:
    return axe_run(page, source, rules)["violations"]


def describe(path: str, violation: dict) -> str:
    targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
    return f"{path}: {violation['id']} ({violation['help']}) at {targets}"


class PageWatch:
    """What a browser context asked of other hosts, and the errors its pages logged. The request is
    only noted here: the browser itself refuses to send it (tests/browser/conftest.py)."""

    def __init__(self, context, site_url: str):
        self.host = urlsplit(site_url).netloc
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.path = ""
        context.on("request", self._note)

    def _note(self, request) -> None:
        url = urlsplit(request.url)
        if url.scheme not in LOCAL_SCHEMES and url.netloc != self.host:
            self.foreign.append(f"{self.path}: {request.url}")

    def watch(self, page) -> None:
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"{self.path}: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"{self.path}: uncaught {e}"))


@dataclass
class Findings:
    """What the visits found, per variant: the pages visited, axe's violations, requests to other
    hosts and console errors (each line starts with the page's path)."""
    visited: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    colour_checked: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # the pages visited whose check ran the colour rules
    violations: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    wrong_palette: list[str] = field(default_factory=list)
    loaded: list[str] = field(default_factory=list)  # the pages loaded afresh; the others were reached by navigation
    compared: list[str] = field(default_factory=list)  # the pages reached by navigation, then loaded
    not_as_loaded: list[str] = field(default_factory=list)  # where navigation showed them otherwise than a load


def visit_pages(browser, site_url: str, site: Path, share: tuple[int, int] = (0, 1)) -> Findings:
    """Visit the `share` (index, count) of the site's pages: every count-th page from index on."""
    source, findings = axe_source(), Findings(**{name: {v: [] for v in VARIANTS} for name in ("visited", "colour_checked", "violations")})
    index, count = share
    paths, variant_pages = page_paths(site)[index::count], set(pages_with_every_component(site))
    context = browser.new_context(color_scheme="light", viewport=VIEWPORTS["desktop"])
    watch = PageWatch(context, site_url)
    page = context.new_page()
    watch.watch(page)
    try:
        for path in paths:
            watch.path = path
            every_element = path in variant_pages
            _visit(page, site_url, path, every_element, findings)
            _check(page, path, FIRST_VARIANT, source, findings, EVERY_RULE if every_element else EVERY_RULE_BUT_COLOUR)
            if every_element:
                _check_other_variants(page, path, source, findings)
                page.wait_for_load_state("networkidle")
        if index == 0:  # once, on the first page
            _check_dark_preference(browser, site_url + paths[0], source, findings)
    finally:
        context.close()
    findings.foreign, findings.errors = watch.foreign, watch.errors
    return findings


def _visit(page, site_url: str, path: str, compare: bool, findings: Findings) -> None:
    """Reach the page by navigation from the last page where it can be, else load it; a page to
    `compare` is reached by navigation (where it can be) and then loaded, and the two must match."""
    here = urlsplit(page.url).path
    reachable = page.url.startswith(site_url) and edition_of(here)[0] == edition_of(path)[0] \
        and NOT_FOUND_PAGE not in (here.rsplit("/", 1)[-1], path.rsplit("/", 1)[-1])
    if reachable:
        page.evaluate(NAVIGATE, site_url + path)
        if not compare:
            return
        reached = page.evaluate(SHOWN)
    page.goto(site_url + path, wait_until="load")
    findings.loaded.append(path)
    if reachable:
        findings.compared.append(path)
        findings.not_as_loaded += [f"{path}: {difference}" for difference in _differences(reached, page.evaluate(SHOWN))]


def _differences(reached: list[str], loaded: list[str]) -> list[str]:
    """Where what navigation showed first differs from what the load showed, in each part of SHOWN."""
    found = []
    for part, by_navigation, by_load in zip(("head", "header title", "content"), reached, loaded):
        if by_navigation != by_load:
            at = next(i for i, (a, b) in enumerate(zip(by_navigation + "\0", by_load + "\0")) if a != b)
            found.append(f"{part}: {by_navigation[max(at - 80, 0):at + 80]!r} after navigation, {by_load[max(at - 80, 0):at + 80]!r} loaded")
    return found


def _check(page, path: str, variant: tuple[str, str], source: str, findings: Findings, rules: dict) -> None:
    _note(axe_run(page, source, rules), f"{path} ({', '.join(variant)})", variant, findings)
    findings.visited[variant].append(path)
    if rules is not EVERY_RULE_BUT_COLOUR:
        findings.colour_checked[variant].append(path)


def _note(found: dict, label: str, variant: tuple[str, str], findings: Findings) -> None:
    """What axe found on the page `label` names, shown in `variant`: its violations, and the palette
    it shows if that is not the variant's."""
    if found["scheme"] != PALETTES[variant[0]]:
        findings.wrong_palette.append(f"{label} shows the {found['scheme']!r} palette, not the {variant[0]} one")
    findings.violations[variant] += [describe(label, v) for v in found["violations"]]


def _check_other_variants(page, path: str, source: str, findings: Findings) -> None:
    """Phone width, then the dark palette at phone and desktop width, where the rules about colour
    are run; then back to light, so the next page loads as the first variant again (Material keeps
    the reader's choice)."""
    page.set_viewport_size(VIEWPORTS["phone"])
    _settle(page)
    _check(page, path, ("light", "phone"), source, findings, EVERY_RULE)
    _switch_palette(page, "dark")
    _check(page, path, ("dark", "phone"), source, findings, COLOUR_RULES)
    page.set_viewport_size(VIEWPORTS["desktop"])
    _settle(page)
    _check(page, path, ("dark", "desktop"), source, findings, COLOUR_RULES)
    _switch_palette(page, "light")


def _switch_palette(page, palette: str) -> None:
    # The header's switch: a label for the next palette's radio input, titled as mkdocs.yml names
    # it. Clicked by an event, which moves no pointer over the page that later checks would see.
    page.locator(f"label[title='Switch to {palette} mode']").dispatch_event("click")
    page.wait_for_function("scheme => document.body.dataset.mdColorScheme === scheme", arg=PALETTES[palette])
    _settle(page)


def _settle(page) -> None:
    """Bring the colours and the layout to where their CSS transitions end, as a reader sees them
    a moment later (an animation that repeats for ever is left running)."""
    page.evaluate("""async () => {
        await new Promise(frame => requestAnimationFrame(() => requestAnimationFrame(frame)));
        document.getAnimations().filter(a => a.effect.getComputedTiming().iterations !== Infinity)
            .forEach(a => a.finish());
    }""")


def _check_dark_preference(browser, url: str, source: str, findings: Findings) -> None:
    """A page loaded fresh follows a reader's system that prefers the dark palette (the visits load
    their first page with a preference for the light one, and check it shows that). Every rule is
    run on it once there: the palette switch shows the other of its two buttons."""
    context = browser.new_context(color_scheme="dark", viewport=VIEWPORTS["desktop"])
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        _note(axe_run(page, source), f"{url} (loaded with a preference for the dark palette)", ("dark", "desktop"), findings)
    finally:
        context.close()
