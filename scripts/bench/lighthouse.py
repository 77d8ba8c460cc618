"""Lighthouse (the npm package pinned in package.json) on one URL: the median of several runs of
its default mobile preset, with Debian's Chromium."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from builds import ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
# Without the last five, Chromium calls Google's hosts, which would count against the page.
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse_once(url: str) -> dict[str, float]:
    """The four category scores and the total byte weight of one Lighthouse run on `url`."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                   f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
        run = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
        if run.returncode != 0 or not report.exists():
            raise RuntimeError(f"Lighthouse failed on {url}:\n{run.stderr[-3000:]}")
        result = json.loads(report.read_text(encoding="utf-8"))
    if result.get("runtimeError"):
        raise RuntimeError(f"Lighthouse could not load {url}: {result['runtimeError']}")
    figures = {name: result["categories"][name]["score"] for name in CATEGORIES}
    figures["bytes"] = result["audits"]["total-byte-weight"]["numericValue"]
    return figures


def lighthouse_median(url: str, runs: int) -> dict[str, float]:
    results = [lighthouse_once(url) for _ in range(runs)]
    return {key: statistics.median(r[key] for r in results) for key in results[0]}
