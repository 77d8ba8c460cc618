"""A MkDocs hook the benchmark adds after the site's own hook, and only there: it writes out the
site's text as plain MkDocs input (each page's Markdown once the site's hooks have made it, the
files the build adds, the navigation and the Markdown extensions), so that a stock Material
configuration can build the very same text without any of the site's hooks.

It changes nothing in the build it watches. The folder to write to comes from BENCH_EXPORT_DIR."""

from __future__ import annotations

import json
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


THEME_WORDS = "theme-words.json"


def _export_dir() -> Path:
    return Path(os.environ["BENCH_EXPORT_DIR"])


def _portable(value):
    """`value` if it survives JSON, else None (e.g. a Python function given to an extension)."""
    try:
        json.dumps(value)
        return value
    except TypeError:
        return None


def on_config(config: MkDocsConfig) -> None:
    extensions = {name: _portable(config.mdx_configs.get(name, {})) for name in config.markdown_extensions}
    settings = {"site_name": config.site_name, "nav": config.nav,
                "markdown_extensions": [{name: options} if options else name
                                        for name, options in extensions.items() if options is not None]}
    (_export_dir() / "docs").mkdir(parents=True, exist_ok=True)
    (_export_dir() / "settings.json").write_text(json.dumps(settings, indent=1), encoding="utf-8")


def on_files(files: Files, /, *, config: MkDocsConfig) -> None:
    docs_dir = Path(config.docs_dir).resolve()
    for file in files:
        from_site = file.generated_by or (file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(docs_dir))
        if from_site and not file.is_documentation_page():
            _write(file.src_uri, file.content_bytes)


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    _write(page.file.src_uri, markdown.encode("utf-8"))


def _write(src_uri: str, content: bytes) -> None:
    path = _export_dir() / "docs" / src_uri
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def on_env(env, /, *, config: MkDocsConfig, files: Files):
    """The site's own words that the theme's templates show (the overrides' 404 page), which the
    site's hook gives them: written out for the no-hooks build (see theme_words.py)."""
    words = {key: str(text) for key, text in env.globals.get("words", {}).items()}
    (_export_dir() / THEME_WORDS).write_text(json.dumps(words, ensure_ascii=False), encoding="utf-8")
    return env
