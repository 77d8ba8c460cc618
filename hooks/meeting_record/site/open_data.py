"""The record as open data, published with the site under `data/`: one JSON file per data file
and one combined, CSV tables for the tabular sets, and the JSON Schemas.

Everything is produced from the same in-memory `Record` that renders the pages, so the files
cannot drift from the site. The JSON files have the shape of the data files they come from:
the published schemas describe them, and the loader reads them back (JSON is YAML). Output is
deterministic: fields in the record's order, items in the source's order, no timestamps.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from meeting_record.data.kinds import DATA_FILES, KINDS
from meeting_record.data.record import Attendee, Record, SourceRef

FOLDER = "data"
CSV_TABLES = tuple(kind.key for kind in KINDS if kind.csv)
# A list goes in one CSV cell, an item to a line: list items are one-line texts and ids by their
# schemas, so no item can hold the separator (any other punctuation could appear in a topic).
LIST_SEPARATOR = "\n"
SAFE_PATH = re.compile(r"[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*")  # pages link to these paths as they are


class PublishError(Exception):
    """The record cannot be written as open data without losing something."""


@dataclass(frozen=True)
class PublishedFile:
    path: str          # where it is published, relative to the site root
    content: bytes
    format: str        # json, csv or schema
    dataset: str       # the data file it comes from, or "record" for the combined file

    @property
    def name(self) -> str:
        return self.path.removeprefix(f"{FOLDER}/")

    @property
    def size(self) -> int:
        return len(self.content)


@dataclass(frozen=True)
class FieldDoc:
    """One field of a dataset, as its schema describes it."""

    path: str              # e.g. participants[].code
    kind: str              # id, text, date, url, phone, boolean, list, object, choice, sources
    required: bool
    description: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Publication:
    files: tuple[PublishedFile, ...]
    fields: dict[str, tuple[FieldDoc, ...]]   # dataset -> its fields
    schemas: dict[str, dict]                  # dataset -> its schema


def publish(record: Record, schema_dir: Path) -> Publication:
    schemas = {name: _read_schema(schema_dir, name) for name in DATA_FILES}
    common = _read_schema(schema_dir, "common")
    documents = {name: dataset_document(record, name, _inline(schemas[name], common)) for name in DATA_FILES}
    combined = {key: value for document in documents.values() for key, value in document.items()}
    files = [PublishedFile(f"{FOLDER}/record.json", _json_bytes(combined), "json", "record")]
    files += [PublishedFile(f"{FOLDER}/{name}.json", _json_bytes(documents[name]), "json", name) for name in DATA_FILES]
    files += [PublishedFile(f"{FOLDER}/{name}.csv", csv_table(record, name, schemas[name]), "csv", name) for name in CSV_TABLES]
    files += [PublishedFile(f"{FOLDER}/schemas/{path.name}", path.read_bytes(), "schema", path.name.split(".")[0])
              for path in sorted(schema_dir.glob("*.schema.json"))]
    for file in files:
        if not SAFE_PATH.fullmatch(file.path):
            raise PublishError(f"cannot publish {file.path!r}: file names may hold only lower-case letters, digits, '.', '_' and '-'")
    fields = {name: tuple(_field_docs(schemas[name], schema_dir)) for name in DATA_FILES}
    return Publication(tuple(files), fields, schemas)


def _inline(node: Any, common: dict) -> Any:
    """`node` with each reference to a shared definition replaced by the definition, so that the
    fields of shared shapes (facts, wordings, …) are known where they are written out."""
    if isinstance(node, list):
        return [_inline(each, common) for each in node]
    if not isinstance(node, dict):
        return node
    if isinstance(node.get("$ref"), str) and node["$ref"].startswith(("common.schema.json#/", "#/$defs/")):
        target: Any = common
        for part in node["$ref"].split("#/", 1)[1].split("/"):
            target = target[part]
        rest = {key: value for key, value in node.items() if key != "$ref"}
        return _inline({**target, **rest}, common)
    return {key: _inline(value, common) for key, value in node.items()}


def _read_schema(schema_dir: Path, name: str) -> dict:
    return json.loads((schema_dir / f"{name}.schema.json").read_text(encoding="utf-8"))


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------
# JSON: the record back in the shape of the data files

def dataset_document(record: Record, name: str, schema: dict) -> dict[str, Any]:
    """The data file `name` as the record holds it: its top-level fields and their values."""
    document = {}
    for key, field_schema in schema["properties"].items():
        document[key] = to_data(getattr(record, key), field_schema, key)
    return document


def to_data(value: Any, schema: dict, where: str) -> Any:
    """A record value as the data file writes it; `schema` says which empty fields may be left out."""
    if isinstance(value, SourceRef) or type(value).__name__ == "SourceRef":  # a record from an earlier import too
        return f"{value.document}#{value.section}"
    if isinstance(value, Attendee) or type(value).__name__ == "Attendee":
        return {value.kind: value.ref, **({"as": value.role} if value.role else {})}
    if isinstance(value, datetime.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value):
        return _object_data(value, schema, where)
    if isinstance(value, tuple):
        return [to_data(item, schema.get("items", {}), f"{where}[]") for item in value]
    return value


def _object_data(value: Any, schema: dict, where: str) -> dict[str, Any]:
    properties, required = schema.get("properties", {}), set(schema.get("required", ()))
    data = {}
    for field in dataclasses.fields(value):
        if field.name not in properties:
            raise PublishError(f"{where}.{field.name} is in the record but not in its schema; "
                               "describe it in data/schemas/ so that the published data documents it")
        item = getattr(value, field.name)
        if item is None or (item == () and field.name not in required):
            continue
        data[field.name] = to_data(item, properties[field.name], f"{where}.{field.name}")
    return data


# ---------------------------------------------------------------------------
# CSV: one row per item, lists joined in one cell; beside each field that names other items by
# id, a column `<field>_name` with their names. UTF-8 with a byte order mark, so that spreadsheets
# read the text as UTF-8.

NAME_SUFFIX = "_name"
CSV_ENCODING = "utf-8-sig"


def csv_table(record: Record, name: str, schema: dict) -> bytes:
    items = getattr(record, name)
    fields = [field.name for field in dataclasses.fields(items[0])]
    naming = referring_fields(schema, name) | {field for field in fields for item in items
                                                if any(isinstance(v, Attendee) for v in _several(getattr(item, field)))}
    columns = [column for field in fields for column in ([field, field + NAME_SUFFIX] if field in naming else [field])]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for item in items:
        row = []
        for field in fields:
            value = getattr(item, field)
            if field in naming:
                named = _several(value)
                ids = tuple(v.ref if isinstance(v, Attendee) else v for v in named)
                names = tuple(record.name_of(record.get(v.ref)) + (f" ({v.role})" if v.role else "") if isinstance(v, Attendee)
                              else record.name_of(record.get(v)) for v in named)
                row += [_cell(ids, f"{name}.csv: {item.id}.{field}"), _cell(names, f"{name}.csv: {item.id}.{field}{NAME_SUFFIX}")]
            else:
                row.append(_cell(value, f"{name}.csv: {item.id}.{field}"))
        writer.writerow(row)
    return buffer.getvalue().encode(CSV_ENCODING)


def _several(value: Any) -> tuple:
    return value if isinstance(value, tuple) else () if value is None else (value,)


def referring_fields(schema: dict, name: str) -> set[str]:
    """The fields of the items of `name` that name other items by id (`x-refers-to` in the schema)."""
    properties = schema["properties"][name]["items"]["properties"]
    return {field for field, node in properties.items()
            if "x-refers-to" in node or "x-refers-to" in node.get("items", {})}


def _part(item: Any, where: str) -> str:
    """A list item in a cell: a set of fields (a fact, a wording) as one line of JSON."""
    if dataclasses.is_dataclass(item) and not isinstance(item, (SourceRef, Attendee)):
        return json.dumps(_plain(item), ensure_ascii=False)
    return str(to_data(item, {}, where))


def _plain(value: Any) -> Any:
    if isinstance(value, (SourceRef, datetime.date)):
        return to_data(value, {}, "")
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if getattr(value, f.name) not in (None, ())}
    if isinstance(value, tuple):
        return [_plain(each) for each in value]
    return value


def _cell(value: Any, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        parts = [_part(item, where) for item in value]
        if any(LIST_SEPARATOR in part for part in parts):
            raise PublishError(f"{where}: a list item holds a line break, which separates list items in the CSV files")
        return LIST_SEPARATOR.join(parts)
    return str(to_data(value, {}, where))


# ---------------------------------------------------------------------------
# Field documentation, from the schemas' descriptions

def _field_docs(schema: dict, schema_dir: Path, prefix: str = "") -> list[FieldDoc]:
    docs = []
    required = set(schema.get("required", ()))
    for name, node in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        kind, choices = _kind(node, schema_dir)
        docs.append(FieldDoc(path, kind, name in required, node.get("description", ""), choices))
        docs += _nested_docs(node, schema_dir, path)
    return docs


def _nested_docs(node: dict, schema_dir: Path, path: str) -> list[FieldDoc]:
    if "$ref" in node and node["$ref"].split("/")[-1] not in NAMED_KINDS:  # a shared shape: document its fields
        node = _inline({"$ref": node["$ref"]}, _read_schema(schema_dir, "common"))
    if node.get("type") == "object":
        return _field_docs(node, schema_dir, f"{path}.")
    items = node.get("items", {})
    if items.get("type") == "object":
        return _field_docs(items, schema_dir, f"{path}[].")
    if "oneOf" in items:
        merged: dict[str, FieldDoc] = {}
        for option in items["oneOf"]:
            for doc in _field_docs(option, schema_dir, f"{path}[]."):
                merged.setdefault(doc.path, dataclasses.replace(doc, required=False))
        return list(merged.values())
    return []


NAMED_KINDS = ("id", "date", "url", "phone", "sources")  # shared definitions the data page names as such


def _kind(node: dict, schema_dir: Path) -> tuple[str, tuple[str, ...]]:
    """What sort of value a field holds: a named shared definition, or the JSON type it resolves to."""
    if "enum" in node:
        return "choice", tuple(node["enum"])
    if "$ref" in node:
        definition = node["$ref"].split("/")[-1]
        if definition in NAMED_KINDS:
            return definition, ()
        target: Any = _read_schema(schema_dir, "common")
        for part in node["$ref"].split("#/", 1)[1].split("/"):
            target = target[part]
        return _kind(target, schema_dir)
    kind = node.get("type", "object")
    return ("list" if kind == "array" else "text" if kind == "string" else kind), ()
