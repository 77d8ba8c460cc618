"""Paths of the project and the one way tests build the site."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SOURCE_FACTS = ROOT / "tests" / "source_facts.yml"  # the source's facts, as a checklist


def build_site(site_dir: Path, config_file: Path = ROOT / "mkdocs.yml", editions: bool = True, **overrides) -> Path:
    """Build the site strictly into `site_dir`, as `make build` does, and return it; with
    `editions=False`, the English edition alone, for a test of what every edition does alike
    (building the Japanese one too would double its time and show nothing more)."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    config = load_config(str(config_file), strict=True, site_dir=str(site_dir), **overrides)
    if not editions:
        config.extra["editions"] = None
    build(config)
    return site_dir


def project_copy(tmp_path: Path) -> Path:
    """A copy of everything the build reads, to break or edit without touching the real project."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("mkdocs.yml", "mkdocs.ja.yml", "docs", "data", "hooks", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, copy / name)
    return copy


def make_build(project: Path, **env: str) -> subprocess.CompletedProcess:
    """`make build` in a copy of the project, as a person runs it, with this test run's tools
    (the venv they come from is installed, so `install` is taken as done)."""
    shutil.copy(ROOT / "Makefile", project / "Makefile")
    inherited = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    command = ["make", "--no-print-directory", "-o", "install", "build", f"BIN={Path(sys.executable).parent}"]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, env={**inherited, **env}, timeout=600)
