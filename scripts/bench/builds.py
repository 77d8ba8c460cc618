"""Build a site in a child process and measure it: wall time and the child's peak memory.

Each build is a fresh `mkdocs build`, as a reader of the README would run it, so the figures include
Python's start-up and imports. Peak memory is the build's own maximum resident set size, read with
os.wait4 so that one build's figure never mixes with another's. A small process (LAUNCHER) starts
the build and measures it: Linux counts in a child's peak the memory of the process it was forked
from, and the bench itself holds more than a build does."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MKDOCS = Path(sys.executable).with_name("mkdocs")
# Everything a build reads besides the data; the bench links them into its project copies.
PROJECT_ENTRIES = ("docs", "hooks", "overrides", "mkdocs.yml", "mkdocs.ja.yml")
# mkdocs.yml's list of the other editions, which the English build builds into their folders.
EDITIONS = "  editions:\n    ja: mkdocs.ja.yml\n"


# Runs the command after the report's path, and writes there its wall time in seconds and its peak
# resident memory in KiB; exits as the command did.
LAUNCHER = """
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
seconds = time.perf_counter() - start
with open(sys.argv[1], "w") as report:
    report.write(f"{seconds} {usage.ru_maxrss}" if status == 0 else "")
sys.exit(os.waitstatus_to_exitcode(status))
"""


@dataclass(frozen=True)
class Build:
    seconds: float
    peak_mb: float


def timed_build(config: Path, site_dir: Path, env: dict[str, str] | None = None) -> Build:
    """Build `config` into `site_dir` once; raise with MkDocs' own output if the build fails."""
    shutil.rmtree(site_dir, ignore_errors=True)
    command = [str(MKDOCS), "build", "--quiet", "--config-file", str(config), "--site-dir", str(site_dir)]
    environment = {**_writing_bytecode(os.environ), "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as report:
        run = subprocess.run([sys.executable, "-c", LAUNCHER, report.name, *command], env=environment,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        figures = report.read().split()
    if run.returncode != 0 or len(figures) != 2:
        raise RuntimeError(f"building {config} failed:\n{run.stdout.decode(errors='replace')[-3000:]}")
    return Build(float(figures[0]), int(figures[1]) / 1024)


def _writing_bytecode(environment: dict[str, str]) -> dict[str, str]:
    """The environment without PYTHONDONTWRITEBYTECODE: Python then keeps the hooks' compiled
    bytecode between builds, as it does by default on a reader's machine and as pip did for
    Material's modules when it installed them. With it set, every build would compile the hooks
    afresh and count that as their cost."""
    return {key: value for key, value in environment.items() if key != "PYTHONDONTWRITEBYTECODE"}


def median_build(config: Path, site_dir: Path, runs: int, env: dict[str, str] | None = None) -> Build:
    builds = [timed_build(config, site_dir, env) for _ in range(runs)]
    return Build(statistics.median(b.seconds for b in builds), max(b.peak_mb for b in builds))


def project_with_data(data_dir: Path, folder: Path, editions: bool = False) -> Path:
    """A copy of the project in `folder` that reads its data from `data_dir`; its mkdocs.yml.

    The docs, hooks and theme overrides are links to the real ones, and mkdocs.yml is copied, so the
    build is the real one in every respect but the data it loads (the hook reads the `data` folder
    beside the configuration file). Without `editions`, it builds the English edition alone, the
    one stock Material is compared with."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_ENTRIES:
        link = folder / name
        if name == "mkdocs.yml":
            link.write_text(_with_editions((ROOT / name).read_text(encoding="utf-8"), editions), encoding="utf-8")
        elif not link.exists():
            link.symlink_to(ROOT / name)
    data = folder / "data"
    if data.is_symlink() or data.exists():
        data.unlink() if data.is_symlink() else shutil.rmtree(data)
    data.symlink_to(data_dir.resolve())
    return folder / "mkdocs.yml"


def _with_editions(config: str, editions: bool) -> str:
    if EDITIONS not in config:
        raise RuntimeError("mkdocs.yml no longer lists its editions as the bench expects: update EDITIONS in scripts/bench/builds.py")
    return config if editions else config.replace(EDITIONS, "  editions: null\n")
