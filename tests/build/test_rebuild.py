"""`mkdocs serve` rebuilds in the same process: each build must read the data afresh."""

from __future__ import annotations

from project import build_site, project_copy


def test_second_build_in_one_process_sees_edited_data(tmp_path):
    project = project_copy(tmp_path)
    themes = project / "data" / "themes.yml"
    build_site(tmp_path / "first", config_file=project / "mkdocs.yml", editions=False)
    themes.write_text(themes.read_text(encoding="utf-8").replace("en: Digital Government\n", "en: Digital Government Edited\n"),
                      encoding="utf-8")
    build_site(tmp_path / "second", config_file=project / "mkdocs.yml", editions=False)
    first = (tmp_path / "first" / "themes" / "digital-government" / "index.html").read_text(encoding="utf-8")
    second = (tmp_path / "second" / "themes" / "digital-government" / "index.html").read_text(encoding="utf-8")
    assert "Digital Government Edited" not in first
    assert "Digital Government Edited" in second


def test_mkdocs_watches_the_data_folder(tmp_path):
    from mkdocs.config import load_config

    config = load_config(str(project_copy(tmp_path) / "mkdocs.yml"))
    assert any(path.endswith("/data") for path in config.watch)


def test_second_build_in_one_process_runs_edited_hook_code(tmp_path):
    """MkDocs runs the hook file afresh for each build, but Python keeps the package it imports:
    the hook must drop it, or `mkdocs serve` would keep running the code as it was at start."""
    project = project_copy(tmp_path)
    module = project / "hooks" / "meeting_record" / "site" / "page_head.py"
    build_site(tmp_path / "first", config_file=project / "mkdocs.yml", editions=False)
    code = module.read_text(encoding="utf-8")
    edited = code.replace("return escape(str(description))", 'return escape("Edited code: " + str(description))')
    assert edited != code, "the function this test edits has changed; edit another line"
    module.write_text(edited, encoding="utf-8")
    build_site(tmp_path / "second", config_file=project / "mkdocs.yml", editions=False)
    first = (tmp_path / "first" / "index.html").read_text(encoding="utf-8")
    second = (tmp_path / "second" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Edited code: ' not in first
    assert '<meta name="description" content="Edited code: ' in second
