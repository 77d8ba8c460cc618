"""`mkdocs serve` rebuilds in the same process: each build must read the data and run the hook
code afresh. One copy of the project is built, then its data and its code are edited, and it is
built again in the same process."""

from __future__ import annotations

from pathlib import Path

import pytest

from project import build_site, project_copy

EDITED_THEME = "Digital Government Edited"
EDITED_DESCRIPTION = '<meta name="description" content="Edited code: '


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The site before and after the edits, built one after the other in this process."""
    folder = tmp_path_factory.mktemp("rebuild")
    project = project_copy(folder)
    first = build_site(folder / "first", config_file=project / "mkdocs.yml", editions=False)
    themes = project / "data" / "themes.yml"
    themes.write_text(themes.read_text(encoding="utf-8").replace("en: Digital Government\n", f"en: {EDITED_THEME}\n"),
                      encoding="utf-8")
    # MkDocs runs a hook file once per process, and Python keeps the package it imports: each
    # later build must import it again, or `mkdocs serve` would keep running the code as it was.
    module = project / "hooks" / "meeting_record" / "site" / "page_head.py"
    code = module.read_text(encoding="utf-8")
    edited = code.replace("return escape(str(description))", 'return escape("Edited code: " + str(description))')
    assert edited != code, "the function this test edits has changed; edit another line"
    module.write_text(edited, encoding="utf-8")
    return first, build_site(folder / "second", config_file=project / "mkdocs.yml", editions=False)


def test_second_build_in_one_process_sees_edited_data(builds):
    first, second = ((site / "themes" / "digital-government" / "index.html").read_text(encoding="utf-8") for site in builds)
    assert EDITED_THEME not in first
    assert EDITED_THEME in second


def test_second_build_in_one_process_runs_edited_hook_code(builds):
    first, second = ((site / "index.html").read_text(encoding="utf-8") for site in builds)
    assert EDITED_DESCRIPTION not in first
    assert EDITED_DESCRIPTION in second


def test_mkdocs_watches_the_data_folder(tmp_path):
    from mkdocs.config import load_config

    config = load_config(str(project_copy(tmp_path) / "mkdocs.yml"))
    assert any(path.endswith("/data") for path in config.watch)
