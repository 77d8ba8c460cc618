"""LinkChecker over a served site: every error and warning it finds. Links to other hosts are not
followed (no network); anchors are checked from the built files (tests/build/test_links_checked.py)."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

LINKCHECKER = Path(sys.executable).with_name("linkchecker")
# No threads (a number of them below 1): LinkChecker then checks in one thread, with no queue for
# its threads to poll once a second. Its work is Python's, parsing HTML, so threads only took
# turns: over the site, 5.6-5.9 s against 8.0-8.5 s with four, and less CPU time.
CONFIG = """\
[checking]
threads=0
maxrequestspersecond=1000
[filtering]
checkextern=0
"""


def link_problems(urls: list[str], tmp_path: Path) -> list[str]:
    """LinkChecker's errors and warnings for everything reachable from `urls`, one line each."""
    config = tmp_path / "linkcheckerrc"
    config.write_text(CONFIG, encoding="utf-8")
    run = subprocess.run([str(LINKCHECKER), "--config", str(config), "--no-status", "--output", "csv", *urls],
                         capture_output=True, text=True)
    rows = csv.DictReader((line for line in run.stdout.splitlines() if not line.startswith("#")), delimiter=";")
    found = [f"{r['url']} (on {r['parentname']}, line {r['line']}): {r['result']} {r['warningstring']}".strip()
             for r in rows]
    if run.returncode not in (0, 1) or (run.returncode == 1 and not found):
        found.append(f"linkchecker failed (exit {run.returncode}): {run.stderr.strip()[-2000:]}")
    return found
