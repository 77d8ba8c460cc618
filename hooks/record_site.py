"""MkDocs hooks that build the site from the data: load the record once per build, add the
generated pages, and fill the data blocks of hand-written pages.

The events only hand off to plain helpers; each build (also every rebuild under `mkdocs serve`)
starts from a freshly loaded record, so an edited data file is always picked up.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from blocks import UnknownBlock, fill_blocks
from load_record import DataError, load_record
from navigation import expand_nav
from pages import generated_pages, render_page
from templates import make_environment

log = logging.getLogger("mkdocs.plugins.record")


class _Build:
    """What one build knows: the record and the environment that renders it."""

    record = None
    environment = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        _Build.record = load_record(data_dir)
    except DataError as error:
        raise PluginError(str(error)) from None
    _Build.environment = make_environment(_Build.record)
    config.nav = expand_nav(config.nav or [], _Build.record)
    return config


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    for page in generated_pages(_Build.record):
        if files.get_file_from_path(page.src_uri):
            raise PluginError(f"docs/{page.src_uri} is written by hand, but the build generates that page from the data; remove one")
        files.append(File.generated(config, page.src_uri, content=render_page(page, _Build.environment)))
    return files


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        return fill_blocks(markdown, f"docs/{page.file.src_uri}", _Build.environment)
    except UnknownBlock as error:
        raise PluginError(str(error)) from None
