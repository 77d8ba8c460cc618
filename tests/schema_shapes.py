"""The fields the schemas describe, each with the shape it resolves to: the data tests read from
here which fields are text the site shows, and which of those are written in English and Japanese."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterator

from meeting_record.data.languages import BILINGUAL
from project import DATA

COMMON = "common.schema.json"
TEXT_DEFINITIONS = ("text", "short_text")  # the shared definitions of a text the site shows
VERBATIM = "x-verbatim"  # a text given once, exactly as its source writes it


def schema(name: str) -> dict:
    """A schema, its references to its own definitions written as from another file."""
    text = (DATA / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
    return json.loads(text.replace('"$ref": "#/', f'"$ref": "{name}.schema.json#/'))


@dataclass(frozen=True)
class Field:
    path: str         # e.g. people[].titles[].text, as the open data page writes it
    node: dict        # as the schema writes it
    resolved: dict    # with its shared definitions (`$ref`) read in, the outermost first
    definitions: tuple[str, ...]  # the shared definitions it goes through, e.g. ("bilingual_short_text", "bilingual_text")

    @property
    def bilingual(self) -> str | None:
        """'text' or 'list' for a value written in every language, else None."""
        return self.resolved.get(BILINGUAL)

    @property
    def shown_text(self) -> bool:
        """Free text the site shows: a shared text definition, or a string no pattern, format or choice limits."""
        if any(name in TEXT_DEFINITIONS for name in self.definitions):
            return True
        free = not any(key in self.resolved for key in ("pattern", "format", "enum", "const"))
        return self.resolved.get("type") == "string" and free


def resolve(node: dict) -> tuple[dict, tuple[str, ...]]:
    """`node` with its `$ref` to a shared definition read in (its own keywords kept over the
    definition's), and the definitions it went through."""
    names: list[str] = []
    while "$ref" in node:
        file, _, pointer = node["$ref"].partition("#/")
        target: Any = schema(file.removesuffix(".schema.json"))
        for part in pointer.split("/"):
            target = target[part]
        names.append(pointer.split("/")[-1])
        node = {**target, **{key: value for key, value in node.items() if key != "$ref"}}
    return node, tuple(names)


def fields(name: str) -> Iterator[Field]:
    """Every field of the data file `name`, nested ones included, in the schema's order."""
    yield from _fields(schema(name), "")


def _fields(node: dict, prefix: str) -> Iterator[Field]:
    resolved, names = resolve(node)
    if names and names[-1] in ("sources", "former_ids", "id", "date", "url", "phone") or resolved.get(BILINGUAL):
        return  # no field of its own below it, or its `en` and `ja`
    for shape in [resolved, *(resolved.get(key, {}) for key in ("then", "else")), *resolved.get("oneOf", ())]:
        for key, child in shape.get("properties", {}).items():
            path = f"{prefix}{key}"
            yield Field(path, child, *resolve(child))
            yield from _fields(child, f"{path}.")
    if "items" in resolved:
        list_path = prefix.removesuffix(".") + "[]"
        yield Field(list_path, resolved["items"], *resolve(resolved["items"]))
        yield from _fields(resolved["items"], f"{list_path}.")
