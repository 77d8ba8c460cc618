"""The site's benchmark (`make bench`): prints tables of figures, each beside a stock Material for
MkDocs build of the same text made in the same run, and says which target each figure meets.

1. Lighthouse (mobile preset, median of runs) on the home page, a participant page and a theme page.
2. Page weight of each kind of page, raw and gzipped, against the stock build.
3. Build time of the real site against the same finished Markdown built without the site's hooks
   (the English edition, as stock Material builds it; both editions' build time is printed too).
4. Build time and peak memory with the data multiplied (1x, 10x, 100x by default).

Every site is served by a local static server that gzips text, as a host would. A figure is
printed, never asserted: this is not a test, and machine load moves the timings."""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
from pathlib import Path

import yaml

from builds import ROOT, Build, median_build, project_with_data, timed_build
from lighthouse import CATEGORIES, lighthouse_median
from serve import serving
from stock import export_text, no_hooks_config, stock_config
from synthetic import write_scaled_data
from weight import page_weights

ITEM_KINDS = ("participants", "people", "statements", "talks")


# ---------------------------------------------------------------------------
# Which pages

def _data(name: str) -> dict:
    return yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))


def page_types() -> dict[str, str]:
    """One page of each kind, by URL path; the participant page is that of the meeting's reporter."""
    reporter = _data("meeting")["meeting"]["reported_by"]
    participant = next(p["participant"] for p in _data("people")["people"] if p["id"] == reporter)
    first = {name: _data(name)[name][0]["id"] for name in ("themes", "events")}
    return {"home": "/", "participants": "/participants/", f"participant ({participant})": f"/participants/{participant}/",
            "people": "/people/", f"person ({reporter})": f"/people/{reporter}/", "themes": "/themes/",
            f"theme ({first['themes']})": f"/themes/{first['themes']}/", "events": "/events/",
            f"event ({first['events']})": f"/events/{first['events']}/", "statements": "/statements/",
            "talks": "/talks/", "outcome": "/outcome/", "sources": "/about/"}


LIGHTHOUSE_PAGES = ("home", "participant", "theme")


# ---------------------------------------------------------------------------
# Printing

def table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]
    line = lambda cells: "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    print(f"\n{title}\n" + line(header) + "\n" + "  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


def verdict(met: bool, target: str, why: str = "") -> str:
    return f"  {'MET ' if met else 'MISSED'}  {target}" + (f"  ({why})" if why and not met else "")


def kb(n: float) -> str:
    return f"{n / 1024:.1f}"


# ---------------------------------------------------------------------------
# The four measurements

def measure_lighthouse(real: str, stock: str, pages: dict[str, str], runs: int) -> None:
    rows, misses = [], []
    for kind in LIGHTHOUSE_PAGES:
        label, path = next((label, path) for label, path in pages.items() if label.split(" ")[0] == kind)
        figures = {site: lighthouse_median(base + path, runs) for site, base in (("site", real), ("stock", stock))}
        for site, f in figures.items():
            rows.append([f"{label} ({site})", *(f"{f[c]:.2f}" for c in CATEGORIES), kb(f["bytes"])])
        site, base = figures["site"], figures["stock"]
        misses += [f"{label}: {c} {site[c]:.2f}" for c in CATEGORIES[1:] if site[c] < 1]
        if site["performance"] < 0.95 or site["performance"] < base["performance"]:
            misses.append(f"{label}: performance {site['performance']:.2f} (stock {base['performance']:.2f})")
    table(f"Lighthouse 12.2.3, mobile preset, median of {runs} runs", ["page", *CATEGORIES, "total KiB"], rows)
    print(verdict(not misses, "accessibility, best practices, SEO 1.00; performance >= 0.95 and >= stock",
                  "; ".join(misses)))


def measure_weight(real: str, stock: str, pages: dict[str, str]) -> None:
    ours = page_weights([real + path for path in pages.values()])
    theirs = page_weights([stock + path for path in pages.values()])
    rows, worst = [], 0.0
    for label, a, b in zip(pages, ours, theirs):
        raw, gz = a.raw / b.raw - 1, a.gzipped / b.gzipped - 1
        worst = max(worst, raw, gz)
        rows.append([label, kb(a.raw), kb(b.raw), f"{raw:+.1%}", kb(a.gzipped), kb(b.gzipped), f"{gz:+.1%}",
                     f"{a.requests}/{b.requests}"])
    table("Page weight in KiB (every file fetched from the site to show the page and settle)",
          ["page", "raw", "stock raw", "added", "gzip", "stock gzip", "added", "requests"], rows)
    failed = sum(w.failed_elsewhere for w in theirs)
    if failed:
        print(f"  note: the stock build asks Google Fonts for its fonts ({failed} requests here, which this "
              "machine cannot reach); its weight above leaves those fonts out, so it is lighter than it would be online")
    print("  where the home page's added bytes are (raw KiB): " + additions(ours[0], theirs[0]))
    print(verdict(worst < 0.10, "the site's additions under 10% of the stock weight", f"largest addition {worst:+.1%}"))


def additions(ours, theirs, shown: int = 6) -> str:
    """The files that make most of the difference between two weights, largest first."""
    diff = {path: size - theirs.files.get(path, 0) for path, size in ours.files.items()}
    diff.update({path: -size for path, size in theirs.files.items() if path not in ours.files})
    largest = sorted(diff.items(), key=lambda item: -abs(item[1]))[:shown]
    return ", ".join(f"{path} {size / 1024:+.1f}" for path, size in largest)


def measure_build_time(project: Path, export: Path, stock: Path, folder: Path, runs: int) -> None:
    configs = {"site (hooks + data checks)": project, "site config, no hooks, same Markdown": no_hooks_config(project, export),
               "stock Material, same Markdown": stock}
    builds: dict[str, list[Build]] = {name: [] for name in configs}
    for config in configs.values():  # not counted: the first build of each compiles and caches its code and templates
        timed_build(config, folder / "timed")
    for _ in range(runs):  # interleaved, so that a burst of load on the machine hits all three alike
        for name, config in configs.items():
            builds[name].append(timed_build(config, folder / "timed"))
    medians = {name: statistics.median(b.seconds for b in timed) for name, timed in builds.items()}
    rows = [[name, f"{medians[name]:.2f}", f"{max(b.peak_mb for b in builds[name]):.0f}"] for name in configs]
    table(f"Build time, median of {runs} builds (a fresh `mkdocs build` each)", ["build", "seconds", "peak MiB"], rows)
    site, bare = medians["site (hooks + data checks)"], medians["site config, no hooks, same Markdown"]
    added = site / bare - 1
    print(f"  hooks and data checks add {added:+.1%} to the build")
    both = median_build(project_with_data(ROOT / "data", folder / "project-editions", editions=True), folder / "timed", runs)
    print(f"  `make build` builds both editions: {both.seconds:.2f} s ({both.seconds / site:.1f}x the English edition, "
          f"peak {both.peak_mb:.0f} MiB); the figures above are the English edition's, as stock Material builds it")
    print(verdict(added < 0.25, "hooks and data checks add under 25%", f"{added:+.1%}"))


def measure_scaling(scales: list[int], folder: Path, runs: int) -> None:
    rows, points = [], []
    for factor in scales:
        counts = write_scaled_data(ROOT / "data", factor, folder / f"data-{factor}")
        config = project_with_data(folder / f"data-{factor}", folder / f"project-{factor}")
        build = median_build(config, folder / f"site-{factor}", runs if factor < 100 else 1)
        pages = sum(1 for _ in (folder / f"site-{factor}").rglob("*.html"))
        shutil.rmtree(folder / f"site-{factor}")
        items = sum(counts.values())
        points.append((items, build.seconds))
        rows.append([f"{factor}x", *(str(counts[k]) for k in ITEM_KINDS), str(pages), f"{build.seconds:.1f}",
                     f"{1000 * build.seconds / items:.1f}", f"{build.peak_mb:.0f}"])
    table("Scaling with synthetic data (real data multiplied)", ["data", *ITEM_KINDS, "html files", "seconds",
                                                                  "ms per item", "peak MiB"], rows)
    marginal = [(t2 - t1) / (n2 - n1) * 1000 for (n1, t1), (n2, t2) in zip(points, points[1:])]
    print("  each added item costs " + ", then ".join(f"{m:.1f} ms" for m in marginal))
    growth = marginal[-1] / marginal[0] if len(marginal) > 1 and marginal[0] > 0 else 1.0
    print(verdict(growth < 1.5, "per-item cost flat (linear growth)",
                  f"the cost of an added item grows {growth:.1f}x from the first step to the last"))


# ---------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lighthouse-runs", type=int, default=5)
    parser.add_argument("--build-runs", type=int, default=7)
    parser.add_argument("--scales", default="1,10,100", help="data multipliers, comma-separated")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (its path is printed)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        # Readers get both editions: the English pages are measured in the whole site, whose
        # language selector and head lead to the Japanese ones. Build times compare the English
        # edition alone with stock Material building the same text.
        timed_build(project_with_data(ROOT / "data", folder / "project-editions", editions=True), folder / "site")
        project = project_with_data(ROOT / "data", folder / "project")
        export = export_text(project, folder / "export")
        stock = stock_config(export)
        timed_build(stock, folder / "stock")
        pages = page_types()
        with serving(folder / "site") as real_url, serving(folder / "stock") as stock_url:
            measure_lighthouse(real_url, stock_url, pages, args.lighthouse_runs)
            measure_weight(real_url, stock_url, pages)
        measure_build_time(project, export, stock, folder, args.build_runs)
        measure_scaling([int(s) for s in args.scales.split(",")], folder, args.build_runs)
    finally:
        if args.keep:
            print(f"\nwork folder kept: {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
