"""A MkDocs hook the benchmark gives its no-hooks build, and nothing else: the site's theme
templates show the site's own words, which the site's hook gives them; this gives them the words
the export wrote out (`extra.bench_theme_words`), so that build has the theme without the hooks."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


def on_env(env, /, *, config: MkDocsConfig, files: Files):
    env.globals["words"] = json.loads(Path(config.extra["bench_theme_words"]).read_text(encoding="utf-8"))
    return env
