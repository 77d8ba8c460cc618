"""MkDocs hooks that build the site from the data: load the record once per build, add the
generated pages, and fill the data blocks of hand-written pages.

The events only hand off to plain helpers; each build (also every rebuild under `mkdocs serve`)
starts from a freshly loaded record, so an edited data file is always picked up.
"""

from __future__ import annotations

import datetime
import importlib
import logging
import os
import posixpath
import sys
import urllib.parse
from pathlib import Path

import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from mkdocs.utils import get_relative_url

PACKAGE = "meeting_record"
# Whether this file's imports below are the first of the package in this process: then the build
# that loaded this file runs the code as it is on disk, with no need to import it again.
_FIRST_IMPORT = not any(name.split(".")[0] == PACKAGE for name in sys.modules)

from meeting_record.data.languages import ENGLISH, LANGUAGES
from meeting_record.data.load_record import DataError, check_data
from meeting_record.figures.draw import FigureError, register_figures
from meeting_record.site.abbreviations import configure_abbreviations, reachable_by_keyboard
from meeting_record.site.aliases import AliasClash, check_redirect_sources, merged_redirects
from meeting_record.site.blocks import UnknownBlock, fill_blocks
from meeting_record.site.footer import copyright_notice
from meeting_record.site.citations import citation, citation_files, is_cited
from meeting_record.site.navigation import expand_nav
from meeting_record.site.open_data import PublishError, publish
from meeting_record.site.page_head import head_description, meeting_event
from meeting_record.site.pages import generated_pages, render_page
from meeting_record.site.search_worker import MATERIAL_WORKER, RECORD_WORKER, search_worker
from meeting_record.site.templates import TEMPLATE_CACHE, make_environment
from meeting_record.site.wording import WordingError, words

log = logging.getLogger("mkdocs.plugins.record")
HOOKS = str(Path(__file__).parent)
REDIRECTS = "redirects"  # mkdocs-redirects, in mkdocs.yml's plugins


class _Build:
    """What one build knows: the record and the environment that renders it."""

    language = ENGLISH  # the language of the edition being built (its `theme.language`)
    record = None
    words = None        # the site's own words, in the pages' language
    environment = None
    publication = None  # the open data files, published beside the pages of every edition
    citations = None    # each item's citation as CSL-JSON, by path
    search_workers = None  # Material's search worker and the site's, which imports it
    page_meta = None    # each generated page's `page.meta` (description, tags, search boost), by its path
    records = None      # the record in each of its languages, read at the start of the build
    code_is_fresh = _FIRST_IMPORT  # the package was imported for this build, not by an earlier one
    building_editions = False  # while the other editions build inside this one, from its data


def _use_the_code_on_disk() -> None:
    """Import the package afresh and rebind this file's names to it. MkDocs loads this file once
    per process and Python keeps imported modules, so without this `mkdocs serve` would rebuild
    with the code as it was when the server started."""
    imported = {name: value.__module__ for name, value in globals().items()
                if getattr(value, "__module__", "").split(".")[0] == PACKAGE}
    for module in [name for name in sys.modules if name.split(".")[0] == PACKAGE]:
        del sys.modules[module]
    sys.path.insert(0, HOOKS)
    try:
        globals().update({name: getattr(importlib.import_module(module), name) for name, module in imported.items()})
    finally:
        sys.path.remove(HOOKS)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not _Build.building_editions:  # an edition built inside this build shares its code, record and open data
        _read_the_record(Path(config.config_file_path).parent / "data")
    records = _Build.records
    _Build.language = config.theme.get("language", ENGLISH)
    _Build.record = records[_Build.language]
    config.extra["alternate"] = editions_from(config.extra.get("alternate") or [], _Build.language,
                                             config.use_directory_urls, config.site_url)
    try:
        _Build.words = words(_Build.language)
        _Build.environment = make_environment(records, _Build.language, _Build.words)
    except WordingError as error:
        raise PluginError(str(error)) from None
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = _Build.words["permalink_title"]
    config.copyright = copyright_notice(_Build.record.publication, _Build.environment.globals["words"])
    version = _record_version()
    _Build.environment.globals["citation_of"] = lambda item: (citation(_Build.record, item, config.site_url, version, _Build.words)
                                                              if is_cited(item) else None)
    _Build.citations = citation_files(_Build.record, config.site_url, version, _Build.words)
    register_figures(_Build.environment, _Build.record)
    configure_abbreviations(config.mdx_configs, _Build.record)
    _Build.environment.globals["open_data"] = _Build.publication
    config.nav = expand_nav(config.nav or [], _Build.record)
    redirects = config.plugins[REDIRECTS].config
    try:
        # Addresses are made from the English, so every edition has the same ones.
        redirects["redirect_maps"] = merged_redirects(dict(redirects["redirect_maps"]), records[ENGLISH])
    except AliasClash as error:
        raise PluginError(str(error)) from None
    return config


def _read_the_record(data_dir: Path) -> None:
    """The code as it is on disk; the data read and checked, the record in each of its languages
    (the pages are in their edition's, the open data carries every one) and the open data."""
    if not _Build.code_is_fresh:
        _use_the_code_on_disk()
    _Build.code_is_fresh = False
    try:
        checked = check_data(data_dir)
    except DataError as error:
        raise PluginError(str(error)) from None
    _Build.records = {language: checked.record(language) for language in LANGUAGES}
    try:
        _Build.publication = publish(_Build.records, data_dir / "schemas")
    except PublishError as error:
        raise PluginError(str(error)) from None


@event_priority(50)  # before mkdocs-redirects, which checks that each redirect leads to a page
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    _Build.page_meta = {}
    for page in generated_pages(_Build.record, _Build.words):
        if files.get_file_from_path(page.src_uri):
            raise PluginError(f"docs/{page.src_uri} is written by hand, but the build generates that page from the data; remove one")
        files.append(File.generated(config, page.src_uri, content=render_page(page, _Build.environment)))
        _Build.page_meta[page.src_uri] = page.meta
    for path, content in _Build.citations.items():
        files.append(File.generated(config, path, content=content))
    for published in _Build.publication.files:
        if files.get_file_from_path(published.path):
            raise PluginError(f"docs/{published.path} is written by hand, but the build publishes that file from the data; remove one")
        files.append(File.generated(config, published.path, content=published.content))
    _serve_search_worker(files, config)
    try:
        pages = {file.src_uri for file in files.documentation_pages()}
        check_redirect_sources(config.plugins[REDIRECTS].config["redirect_maps"], pages)
    except AliasClash as error:
        raise PluginError(str(error)) from None
    return files


def _serve_search_worker(files: Files, config: MkDocsConfig) -> None:
    """Add the site's search worker beside Material's, which it imports."""
    material = [file.src_uri for file in files if MATERIAL_WORKER.fullmatch(file.src_uri)]
    if len(material) != 1:
        raise PluginError(f"expected one search worker among Material's files, found {len(material)}: {material}")
    files.append(File.generated(config, RECORD_WORKER, content=search_worker(_Build.record, material[0])))
    _Build.search_workers = {"material": material[0], "record": RECORD_WORKER}


def on_env(env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """The theme's templates are compiled once, not on every build (`mkdocs serve` rebuilds often).
    `overrides/main.html` points Material at the site's search worker (`search_workers`)."""
    env.bytecode_cache = TEMPLATE_CACHE
    env.globals["search_workers"] = _Build.search_workers
    env.globals["words"] = _Build.words
    return env


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return reachable_by_keyboard(html)


@event_priority(50)  # before the tags plugin (-50), which reads the tags from `page.meta`
def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A generated page gets its meta (see `pages`); every page, its data blocks filled."""
    page.meta.update(_Build.page_meta.get(page.file.src_uri, {}))
    try:
        context = {"page_src": page.file.src_uri, "relative_url": _links_from(page, files), "page_markdown": markdown}
        return fill_blocks(markdown, f"docs/{page.file.src_uri}", _Build.environment, context)
    except (UnknownBlock, FigureError) as error:
        raise PluginError(str(error)) from None


def _record_version() -> datetime.date:
    """The record's version: the date of the data it was built from (`SOURCE_DATE_EPOCH`, the last
    commit's time, as the Makefile sets it, so that builds are reproducible), else today."""
    stamp = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.datetime.fromtimestamp(int(stamp), datetime.timezone.utc) if stamp else datetime.datetime.now(datetime.timezone.utc)
    return moment.date()


def _links_from(page: Page, files: Files):
    """A docs path's URL relative to `page` ("" for the page itself), or None if there is no such page."""

    def link(src_uri: str) -> str | None:
        file = files.get_file_from_path(src_uri)
        if file is None:
            return None
        return "" if file.url == page.url else get_relative_url(file.url, page.url)

    return link


def on_page_context(context: dict, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """What `partials/record-head.html` needs: the description, and on the home page the meeting."""
    if page.meta.get("description"):
        page.meta["description"] = head_description(page.meta["description"])
    if page.is_homepage:
        context["record_event"] = meeting_event(_Build.record, config.site_url, _Build.language)
    return context


def editions_from(alternate: list[dict], language: str, directory_urls: bool, site_url: str | None) -> list[dict]:
    """The language selector's editions, each `folder` (its folder in the site) made relative to
    the folder of the edition in `language`, which is being built; `link`, its home page, as
    Material's head links it (a folder's index.html where addresses are files, as on disk); and
    `url`, its address, where the site has one (the sitemap names each page's editions by it)."""
    own = next((alt["link"] for alt in alternate if alt["lang"] == language), "")

    def relative(folder: str) -> str:
        path = posixpath.relpath(folder or ".", own or ".")
        return "" if path == "." else path + "/"

    return [{**alt, "folder": relative(alt["link"]), "link": relative(alt["link"]) + ("" if directory_urls else "index.html"),
             "url": urllib.parse.urljoin(site_url, relative(alt["link"])) if site_url else None}
            for alt in alternate]


@event_priority(-100)  # last: the site is written whole before the other editions go into it
def on_post_build(*, config: MkDocsConfig) -> None:
    """Build each other edition (`extra.editions`: folder → configuration, e.g. `ja: mkdocs.ja.yml`)
    into its folder of this site, with this build's address, URL style and strictness, so that
    `mkdocs build` and `mkdocs serve` make the whole site. A failed edition fails the build. The
    editions share this build's code and data, read and checked once."""
    _Build.building_editions = True
    try:
        for folder, config_file in (config.extra.get("editions") or {}).items():
            build(load_config(str(Path(config.config_file_path).parent / config_file), strict=config.strict,
                              site_dir=str(Path(config.site_dir) / folder),
                              site_url=f"{config.site_url}{folder}/" if config.site_url else "",
                              use_directory_urls=config.use_directory_urls))
    finally:
        _Build.building_editions = False
