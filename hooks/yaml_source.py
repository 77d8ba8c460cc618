"""Read one YAML data file into plain Python values, remembering the line of every value.

Stricter than `yaml.safe_load` where YAML's defaults hide mistakes in hand-edited files:
duplicate keys are errors instead of silently winning, anchors and aliases are refused (so a
"billion laughs" document fails at once), dates stay text so that the schema checks them, and
the file must be UTF-8 without a byte-order mark.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file, where it is, and what to do about it."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


@dataclass
class Document:
    """A data file's values, and the line (and raw text) of every key and value in it."""

    name: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    raw: dict[Path_, str] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of `path`, or of the nearest enclosing value that has one."""
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


class DataFileError(Exception):
    """The file could not be read as YAML at all."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


# ---------------------------------------------------------------------------
# A loader that keeps dates as text

class _TextDateLoader(yaml.SafeLoader):
    """SafeLoader without the implicit timestamp type: dates are checked by the schema."""


_TextDateLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

MAX_BYTES = 1_000_000


def read_document(path: Path, name: str) -> Document:
    """Parse `path` (shown to people as `name`) into a Document, or raise DataFileError."""
    text = _read_text(path, name)
    _refuse_aliases(text, name)
    try:
        node = yaml.compose(text, Loader=_TextDateLoader)
    except yaml.MarkedYAMLError as error:
        raise DataFileError(_syntax_problem(error, name, text)) from None
    if node is None:
        raise DataFileError(Problem(name, 1, "", "the file is empty; it must hold the data described in its opening comment"))
    document = Document(name, None)
    document.data = _build(node, (), document, _TextDateLoader(""))
    return document


def _read_text(path: Path, name: str) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataFileError(Problem(name, 0, "", "the file is missing; every data file listed in the data folder's README is required")) from None
    if len(raw) > MAX_BYTES:
        raise DataFileError(Problem(name, 0, "", f"the file is {len(raw):,} bytes; data files may be at most {MAX_BYTES:,}"))
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DataFileError(Problem(name, 1, "", "the file starts with a byte-order mark; save it as UTF-8 without BOM"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataFileError(Problem(name, line, "", f"byte 0x{raw[error.start]:02x} is not UTF-8; save the file as UTF-8")) from None


def _refuse_aliases(text: str, name: str) -> None:
    """Anchors (&a) and aliases (*a) are not needed in this data and can blow up in size."""
    try:
        for event in yaml.parse(text, Loader=_TextDateLoader):
            anchor = getattr(event, "anchor", None)
            if isinstance(event, yaml.AliasEvent) or anchor is not None:
                line = event.start_mark.line + 1
                raise DataFileError(Problem(name, line, "", f"YAML anchors and aliases (&{anchor} / *{anchor}) are not allowed; write the value out in full"))
    except yaml.MarkedYAMLError:
        return  # the syntax error is reported, with its position, by compose()


def _syntax_problem(error: yaml.MarkedYAMLError, name: str, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 0
    message = f"this is not valid YAML: {error.problem}"
    lines = text.splitlines()
    if mark and mark.line < len(lines) and "\t" in lines[mark.line]:
        message += " (the line holds a tab character: indent with spaces)"
    return Problem(name, line, "", message)


# ---------------------------------------------------------------------------
# From YAML nodes to values, recording positions

def _build(node: yaml.Node, path: Path_, document: Document, scalars: yaml.SafeLoader) -> Any:
    document.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        return _build_mapping(node, path, document, scalars)
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (index,), document, scalars) for index, item in enumerate(node.value)]
    document.raw[path] = node.value
    return scalars.construct_object(node)


def _build_mapping(node: yaml.MappingNode, path: Path_, document: Document, scalars: yaml.SafeLoader) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
            raise DataFileError(Problem(document.name, key_line, _dotted(path), f"the key {key_node.value!r} must be a plain field name"))
        key = key_node.value
        if key in mapping:
            first = document.lines[path + (key,)]
            raise DataFileError(Problem(document.name, key_line, _dotted(path + (key,)), f"the field appears twice (first on line {first}); keep one"))
        mapping[key] = _build(value_node, path + (key,), document, scalars)
        document.lines[path + (key,)] = key_line
    return mapping


def _dotted(path: Path_) -> str:
    """('people', 2, 'title') -> 'people[2].title'"""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text
