"""Read one YAML data file into plain Python values, remembering the line of every value.

Stricter than `yaml.safe_load` where YAML's defaults hide mistakes in hand-edited files:
duplicate keys are errors instead of silently winning, anchors, aliases and tags are refused
and nesting is bounded before any value is built (so a "billion laughs" document fails at once),
dates stay text so that the schema checks them, `1e3` is a number as in YAML 1.2 (and in the
editors that check these files), text must be printable, and the file must be UTF-8 without a
byte-order mark.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from meeting_record.data.problems import DataError, Problem

Path_ = tuple[str | int, ...]


@dataclass
class Document:
    """A data file's values, and the line of every key and value in it (and of scalars, the text as written)."""

    name: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    raw: dict[Path_, str] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of `path`, or of the nearest enclosing value that has one."""
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


# ---------------------------------------------------------------------------
# A loader that keeps dates as text

class _TextDateLoader(yaml.SafeLoader):
    """SafeLoader without the implicit timestamp type: dates are checked by the schema."""


_TextDateLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# YAML 1.1 wants a dot in a float; YAML 1.2, and so the editors' checkers, read 1e3 as a number too.
_TextDateLoader.add_implicit_resolver("tag:yaml.org,2002:float", re.compile(r"^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$"),
                                      list("-+0123456789"))

# libyaml's parser, where PyYAML has it, with the same resolvers: four times faster on this data.
_FAST_LOADER = type("_FastTextDateLoader", (getattr(yaml, "CSafeLoader", _TextDateLoader),),
                    {"yaml_implicit_resolvers": _TextDateLoader.yaml_implicit_resolvers})

# A data file of the record is tens of kilobytes; the benchmark's data, a hundred times the record
# in two languages, about 1.3 MB. Far more is a mistake, or an attack on the parser.
MAX_BYTES = 5_000_000
MAX_DEPTH = 10  # the data nests five levels deep; far deeper is a mistake, or an attack on the parser
# What YAML itself refuses to read, plus lone surrogates that a "\ud800" escape can produce.
UNPRINTABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


def read_document(path: Path, name: str) -> Document:
    """Parse `path` (shown to people as `name`) into a Document, or raise DataError."""
    return _parsed(_read_text(path, name), name)


@functools.lru_cache(maxsize=64)
def _parsed(text: str, name: str) -> Document:
    """The Document of a file's text, parsed once while the text stays the same: a rebuild under
    `mkdocs serve` parses again only the files that changed. Nothing changes a Document once it
    is read. (A text that fails raises each time: errors are not kept.)"""
    _check_events(text, name)
    try:
        node = yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.MarkedYAMLError:
        node = _compose_for_the_message(text, name)
    if node is None:
        raise DataError.one(Problem(name, 1, "", "the file is empty; it must hold the data described in its opening comment"))
    document = Document(name, None)
    document.data = _build(node, (), document, _TextDateLoader(""))
    return document


def _compose_for_the_message(text: str, name: str) -> yaml.Node:
    """libyaml found a syntax error: PyYAML's own parser words it in the terms SYNTAX_HINTS knows."""
    try:
        return yaml.compose(text, Loader=_TextDateLoader)
    except yaml.MarkedYAMLError as error:
        raise DataError.one(_syntax_problem(error, name, text)) from None


def _read_text(path: Path, name: str) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError.one(Problem(name, 0, "", "the file is missing; the site is built from every data file, so restore it")) from None
    except OSError as error:  # a folder of that name, or no permission to read it
        raise DataError.one(Problem(name, 0, "", f"the file cannot be read ({error.strerror}); it must be a readable file")) from None
    if len(raw) > MAX_BYTES:
        raise DataError.one(Problem(name, 0, "", f"the file is {len(raw):,} bytes; data files may be at most {MAX_BYTES:,}"))
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DataError.one(Problem(name, 1, "", "the file starts with a byte-order mark; save it as UTF-8 without BOM"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError.one(Problem(name, line, "", f"byte 0x{raw[error.start]:02x} is not UTF-8; save the file as UTF-8")) from None
    unprintable = UNPRINTABLE.search(text)
    if unprintable:
        line = text.count("\n", 0, unprintable.start()) + 1
        raise DataError.one(Problem(name, line, "", f"the line holds {_character(unprintable.group())}; delete it"))
    return text


# Only events are read here, so libyaml's fast parser serves when present; it reports the same marks.
_EVENT_PARSER = getattr(yaml, "CSafeLoader", _TextDateLoader)


def _check_events(text: str, name: str) -> None:
    """Refuse, before anything is built, what this data never needs and what could blow up:
    anchors and aliases (&a, *a), tags (!!binary, !!python/…) and very deep nesting."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_EVENT_PARSER):
            line = event.start_mark.line + 1
            anchor = getattr(event, "anchor", None)
            if isinstance(event, yaml.AliasEvent) or anchor is not None:
                raise DataError.one(Problem(name, line, "", f"YAML anchors and aliases (&{anchor}, *{anchor}) are not allowed: write the value out in full, in quotes if it starts with & or *"))
            if getattr(event, "tag", None) is not None:
                tag = event.tag.replace("tag:yaml.org,2002:", "!!")
                raise DataError.one(Problem(name, line, "", f"YAML tags such as {tag} are not allowed; write the plain value, in quotes if it must stay text"))
            depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
            if depth > MAX_DEPTH:
                raise DataError.one(Problem(name, line, "", f"the data is nested more than {MAX_DEPTH} levels deep; check the indentation and brackets"))
    except yaml.MarkedYAMLError:
        return  # the syntax error is reported, with its position, by compose()


def _character(char: str) -> str:
    """'the invisible control character U+0007', for a message."""
    kind = "half of a surrogate pair" if "\ud800" <= char <= "\udfff" else "the invisible control character"
    return f"{kind} U+{ord(char):04X}"


# PyYAML's wording of the usual slips, in words for the person editing; `at_start` reports the
# line where the construct began (the open bracket or quote) rather than where the parser gave up.
SYNTAX_HINTS = (
    (r"expected ',' or '\]'", True, "the list opened with [ on this line is not closed with ]"),
    (r"expected ',' or '\}'", True, "the set of fields opened with { on this line is not closed with }"),
    (r"unexpected end of stream", True, "the quotation mark opened on this line is never closed"),
    (r"could not find expected ':'", True, "a field name must be followed by a colon and a space (name: value)"),
    (r"mapping values are not allowed here", False,
     "a colon and a space inside a value, or a line indented too far; put the value in quotes or fix the indentation"),
    (r"expected <block end>", False, "this line is not indented like the lines around it; line up the fields of one item"),
    (r"found character '\\t'", False, "the line holds a tab character: indent with spaces"),
    (r"found character '(.)' that cannot start any token", False, "a value cannot start with {0}; put the value in quotes"),
    (r"found another document", False, "a line with --- starts a second document; a data file holds one, so delete the ---"),
)


def _syntax_problem(error: yaml.MarkedYAMLError, name: str, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    for pattern, at_start, hint in SYNTAX_HINTS:
        found = re.search(pattern, error.problem or "")
        if found:
            if at_start and error.context_mark:
                mark = error.context_mark
            message = hint.replace("{0}", found.group(1)) if found.groups() else hint
            break
    else:
        message = error.problem or str(error)
    lines = text.splitlines()
    if mark and mark.line < len(lines) and "\t" in lines[mark.line] and "tab" not in message:
        message += " (the line holds a tab character: indent with spaces)"
    return Problem(name, mark.line + 1 if mark else 0, "", f"this is not valid YAML: {message}")


# ---------------------------------------------------------------------------
# From YAML nodes to values, recording positions

_TEXT = "tag:yaml.org,2002:str"


def _build(node: yaml.Node, path: Path_, document: Document, scalars: yaml.SafeLoader) -> Any:
    document.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        return _build_mapping(node, path, document, scalars)
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (index,), document, scalars) for index, item in enumerate(node.value)]
    quote = node.style if node.style in ("'", '"') else ""
    document.raw[path] = f"{quote}{node.value}{quote}"  # as written, so that messages can show the quotes
    try:  # text, most values, is the node's own; only other scalars go through PyYAML's constructor
        value = node.value if node.tag == _TEXT else scalars.construct_object(node)
    except ValueError:  # a number too long for Python to read: 4,300 digits and more
        raise DataError.one(Problem(document.name, document.lines[path], dotted(path),
                                    f"YAML reads this as a number of {len(node.value):,} characters; put it in quotes if it is text")) from None
    unprintable = UNPRINTABLE.search(value) if isinstance(value, str) else None
    if unprintable:  # only an escape such as "\x07" in a quoted value gets this far
        raise DataError.one(Problem(document.name, document.lines[path], dotted(path), f"the text holds {_character(unprintable.group())}; delete it"))
    return value


def _build_mapping(node: yaml.MappingNode, path: Path_, document: Document, scalars: yaml.SafeLoader) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
            raise DataError.one(Problem(document.name, key_line, dotted(path), "a key must be a plain field name (no lists, sets of fields or << merges as keys)"))
        key = key_node.value  # as written: `on:` or `1:` is then reported as an unknown field
        if key in mapping:
            first = document.lines[path + (key,)]
            raise DataError.one(Problem(document.name, key_line, dotted(path + (key,)), f"the field appears twice (first on line {first}); keep one"))
        mapping[key] = _build(value_node, path + (key,), document, scalars)
        document.lines[path + (key,)] = key_line
    return mapping


def dotted(path: Path_) -> str:
    """('people', 2, 'title') -> 'people[2].title'"""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text
