"""The two builds the site is measured against, made from the site's own text:

- stock: Material for MkDocs as it comes (no hooks, no theme overrides, no extra CSS, default
  features, fonts and palette), with the same pages, navigation and Markdown extensions;
- no-hooks: the site's own configuration (theme, overrides, plugins) building the same finished
  Markdown with its hooks taken out, to show what the hooks and the data checks cost.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from builds import timed_build
from export_markdown import THEME_WORDS

EXPORT_HOOK = Path(__file__).with_name("export_markdown.py")
THEME_WORDS_HOOK = Path(__file__).with_name("theme_words.py")


def export_text(project_config: Path, folder: Path) -> Path:
    """Build the project once with the export hook added; the folder holding its text and settings."""
    config = project_config.parent / "bench-export.yml"
    hooks = [*_hooks_of(project_config), str(EXPORT_HOOK)]
    config.write_text(yaml.safe_dump({"INHERIT": project_config.name, "hooks": hooks}), encoding="utf-8")
    timed_build(config, folder / "site", env={"BENCH_EXPORT_DIR": str(folder)})
    return folder


def _hooks_of(project_config: Path) -> list[str]:
    # Read as text lines: the configuration may hold YAML tags a safe loader refuses.
    lines = project_config.read_text(encoding="utf-8").splitlines()
    start = lines.index("hooks:") + 1
    hooks = []
    for line in lines[start:]:
        if not line.startswith("  - "):
            break
        hooks.append(line.removeprefix("  - ").strip())
    return hooks


def stock_config(export: Path) -> Path:
    """A stock Material mkdocs.yml for the exported text."""
    settings = _settings(export)
    config = {"site_name": settings["site_name"], "docs_dir": "docs", "theme": {"name": "material"},
              "nav": settings["nav"], "markdown_extensions": settings["markdown_extensions"]}
    path = export / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def no_hooks_config(project_config: Path, export: Path) -> Path:
    """The project's own configuration without hooks, building the exported finished Markdown in the
    navigation the hooks made for it (as stock does), so that both builds render the same pages;
    its templates get the site's words from the export (theme_words.py), the one thing the site's
    hook gives them."""
    config = project_config.parent / "bench-no-hooks.yml"
    settings = _settings(export)
    overrides = {"INHERIT": project_config.name, "hooks": [str(THEME_WORDS_HOOK)], "docs_dir": str(export / "docs"),
                 "nav": settings["nav"], "extra": {"bench_theme_words": str(export / THEME_WORDS)}}
    config.write_text(yaml.safe_dump(overrides), encoding="utf-8")
    return config


def _settings(export: Path) -> dict:
    """The site's name, navigation and Markdown extensions, as the export hook wrote them."""
    return json.loads((export / "settings.json").read_text(encoding="utf-8"))
