"""Copies of the real data with one small edit, and the problems the loader reports for them."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from meeting_record.data.load_record import DataError, load_record
from project import DATA


def edited_data(tmp_path: Path, file: str, old: str, new: str, count: int = 1) -> tuple[Path, int]:
    """A copy of the real data with `old` replaced by `new` in `file`; the folder, and the line
    the (first) edit begins on."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {file}: {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return data, text[: text.index(old)].count("\n") + 1


def problems_of(data: Path) -> str:
    """The loader's message for an invalid data folder (the test fails if the data loads)."""
    with pytest.raises(DataError) as caught:
        load_record(data)
    return str(caught.value)


# ---------------------------------------------------------------------------
# Edits at a field, found by its path (`events[3].attendees[1].person`), not by its text: the real
# data can be reworded without moving an edit or the line it is expected on.

PATH_PART = re.compile(r"\.?([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]")
PLACEHOLDER = re.compile(r"\{(line|text)(?::([a-z]+\.yml):)?(?::?([^{}]*))\}")


@dataclass
class Located:
    """A field in a YAML text: its name (None for a list item) and its value, as yaml nodes."""
    key: yaml.Node | None
    value: yaml.Node

    @property
    def start(self) -> yaml.Mark:
        return (self.key or self.value).start_mark


def locate(text: str, path: str) -> Located:
    """The field at `path` (`talks[3].sources[0]`, `meeting.days[1]`) in the YAML `text`."""
    node, key = yaml.compose(text, Loader=yaml.CSafeLoader), None  # libyaml: the same nodes, many times faster
    for name, index in PATH_PART.findall(path):
        if name:
            matches = [(k, v) for k, v in node.value if k.value == name]
            assert matches, f"no field {name!r} on the way to {path}"
            key, node = matches[0]
        else:
            key, node = None, node.value[int(index)]
    return Located(key, node)


def line_of(text: str, path: str) -> int:
    """The line a field starts on: its name's, or for a list item its first."""
    return locate(text, path).start.line + 1


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    """Just after the line that holds the character before `index` (where a node ends)."""
    return index if index > 0 and text[index - 1] == "\n" else (text.find("\n", index) + 1 or len(text))


def apply_edit(text: str, edit: dict) -> tuple[str, int]:
    """`text` with one edit at the field `edit["at"]`, and the line the edit lands on:
    value: new YAML text for the value    key: a new name for the field
    before / after: text put just before / after the value (before the name with part: key)
    entry: new text for the whole field, name and value    indent: new indentation for the field's line
    delete: the field's lines removed     line_after: a line added after the field, indented like it
                                          (or at `column`)"""
    at = locate(text, edit["at"])
    start, end = at.value.start_mark.index, at.value.end_mark.index
    end = start + len(text[start:end].rstrip())  # a block list or mapping ends where the next token starts
    if "value" in edit:
        new = edit["value"] * int(edit.get("repeat", 1))
        return text[:start] + new + text[end:], at.value.start_mark.line + 1
    if "key" in edit:
        return text[:at.key.start_mark.index] + edit["key"] + text[at.key.end_mark.index:], at.key.start_mark.line + 1
    if "before" in edit:
        where = at.key.start_mark.index if edit.get("part") == "key" else start
        return text[:where] + edit["before"] + text[where:], text[:where].count("\n") + 1
    if "after" in edit:
        return text[:end] + edit["after"] + text[end:], at.value.end_mark.line + 1
    if "entry" in edit:
        return text[:at.start.index] + edit["entry"] + text[end:], at.start.line + 1
    if "indent" in edit:
        line = _line_start(text, at.start.index)
        return text[:line] + edit["indent"] + text[line:].lstrip(" \t"), at.start.line + 1
    if edit.get("delete") in (True, "true"):
        return text[:_line_start(text, at.start.index)] + text[_line_end(text, end):], at.start.line + 1
    if "line_after" in edit:
        where = _line_end(text, end)
        added = " " * int(edit.get("column", at.start.column)) + edit["line_after"] + "\n"
        return text[:where] + added + text[where:], text[:where].count("\n") + 1
    raise AssertionError(f"an edit needs value, key, before, after, entry, indent, delete or line_after: {edit}")


def fill(template: str, data: Path, file: str, line: int | None = None) -> str:
    """`template` with {line} (where the edit landed), {line:PATH} and {text:PATH} (the line a field
    starts on, or its text, in the real data of `file`; {line:other.yml:PATH} in another file)."""
    def value(match: re.Match) -> str:
        what, other, path = match.groups()
        if what == "line" and not path and not other:
            return str(line)
        source = (data / (other or file)).read_text(encoding="utf-8")
        if what == "line":
            return str(line_of(source, path))
        node = locate(source, path).value
        return source[node.start_mark.index:node.end_mark.index]
    return PLACEHOLDER.sub(value, template)
