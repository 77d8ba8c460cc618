"""The record as open data, published with the site under `data/`: one JSON file per data file
and one combined, CSV tables for the tabular sets, and the JSON Schemas.

Everything is produced from the same in-memory records that render the pages (one per language,
converted from the same checked data), so the files cannot drift from the site. The JSON files
have the shape of the data files they come from, a text written in every language as
`{"en": …, "ja": …}`: the published schemas describe them, and the loader reads them back (JSON
is YAML). The CSV tables give such a text in two columns, `title` and `title_ja`. Output is
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

import jsonschema

from meeting_record.data.kinds import DATA_FILES, KINDS
from meeting_record.data.languages import BILINGUAL, ENGLISH
from meeting_record.data.record import Attendee, Record, SourceRef

FOLDER = "data"
CSV_TABLES = tuple(kind.key for kind in KINDS if kind.csv)
# A list goes in one CSV cell, an item to a line: list items are one-line texts and ids by their
# schemas, so no item can hold the separator (any other punctuation could appear in a topic).
LIST_SEPARATOR = "\n"
SAFE_PATH = re.compile(r"[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*")  # pages link to these paths as they are


Records = dict[str, Record]  # the record in each of its languages, converted from one check of the data


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
    kind: str              # id, text, date, url, phone, boolean, list, object, choice, sources, bilingual-text,
                           # bilingual-list, bilingual-text-list; alternatives joined by "|"
    required: bool
    description: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Publication:
    files: tuple[PublishedFile, ...]
    fields: dict[str, tuple[FieldDoc, ...]]   # dataset -> its fields
    schemas: dict[str, dict]                  # dataset -> its schema


def publish(records: Records, schema_dir: Path) -> Publication:
    schemas = {name: _read_schema(schema_dir, name) for name in DATA_FILES}
    common = _read_schema(schema_dir, "common")
    inlined = {name: _inline(schemas[name], common) for name in DATA_FILES}
    documents = {name: dataset_document(records, name, inlined[name]) for name in DATA_FILES}
    datasets = [PublishedFile(f"{FOLDER}/{name}.json", _json_bytes(documents[name]), "json", name) for name in DATA_FILES]
    files = [PublishedFile(f"{FOLDER}/record.json", _combined_json(documents, datasets), "json", "record"), *datasets]
    files += [PublishedFile(f"{FOLDER}/{name}.csv", csv_table(records, name, schemas[name], bilingual_fields(inlined[name], name)),
                            "csv", name) for name in CSV_TABLES]
    files += [PublishedFile(f"{FOLDER}/schemas/{path.name}", path.read_bytes(), "schema", path.name.split(".")[0])
              for path in sorted(schema_dir.glob("*.schema.json"))]
    for file in files:
        if not SAFE_PATH.fullmatch(file.path):
            raise PublishError(f"cannot publish {file.path!r}: file names may hold only lower-case letters, digits, '.', '_' and '-'")
    fields = {name: tuple(_field_docs(schemas[name], common)) for name in DATA_FILES}
    return Publication(tuple(files), fields, schemas)


def _inline(node: Any, common: dict) -> Any:
    """`node` with each reference to a shared definition replaced by the definition, so that the
    fields of shared shapes (facts, wordings, …) are known where they are written out."""
    if isinstance(node, list):
        return [_inline(each, common) for each in node]
    if not isinstance(node, dict):
        return node
    if isinstance(node.get("$ref"), str) and node["$ref"].startswith(("common.schema.json#/", "#/$defs/")):
        rest = {key: value for key, value in node.items() if key != "$ref"}
        return _inline({**_definition(node["$ref"], common), **rest}, common)
    return {key: _inline(value, common) for key, value in node.items()}


def _definition(reference: str, common: dict) -> Any:
    """What a `$ref` to a shared definition ('common.schema.json#/$defs/id') points at in `common`."""
    target: Any = common
    for part in reference.split("#/", 1)[1].split("/"):
        target = target[part]
    return target


def _read_schema(schema_dir: Path, name: str) -> dict:
    return json.loads((schema_dir / f"{name}.schema.json").read_text(encoding="utf-8"))


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _combined_json(documents: dict[str, dict], datasets: list[PublishedFile]) -> bytes:
    """Every dataset's fields in one object, as `_json_bytes` writes it, joined from the datasets'
    files (each is `{`, its fields indented as they are there, `}`) rather than written again."""
    keys = [key for document in documents.values() for key in document]
    if len(keys) != len(set(keys)):
        raise PublishError(f"two data files share a top-level field, which record.json cannot hold twice: {sorted(keys)}")
    fields = [file.content.removeprefix(b"{\n").removesuffix(b"\n}\n") for file in datasets if file.content != b"{}\n"]
    return b"{\n" + b",\n".join(fields) + b"\n}\n" if fields else b"{}\n"


# ---------------------------------------------------------------------------
# JSON: the record back in the shape of the data files

def dataset_document(records: Records, name: str, schema: dict) -> dict[str, Any]:
    """The data file `name` as the records hold it: its top-level fields and their values."""
    document = {}
    for key, field_schema in schema["properties"].items():
        document[key] = data_in_languages({language: getattr(record, key) for language, record in records.items()},
                                          field_schema, key)
    return document


def data_in_languages(values: dict[str, Any], schema: dict, where: str) -> Any:
    """A value of the record, given in each language, as the data file writes it: once, or where its
    (inlined) schema says it is written in every language, `{"en": …, "ja": …}`."""
    value = values[ENGLISH]
    if schema.get(BILINGUAL):
        return {language: to_data(each) for language, each in values.items()}
    if _is_a(value, Attendee):
        return _attendee_data(values, schema, where)
    if is_fields(value):
        return _object_data(values, schema, where)
    if isinstance(value, tuple):
        return [data_in_languages({language: each[index] for language, each in values.items()}, schema.get("items", {}),
                                  f"{where}[]") for index in range(len(value))]
    return to_data(value)


def to_data(value: Any) -> Any:
    """A value of the record that is not a set of fields, as the data file writes it."""
    if _is_a(value, SourceRef):
        return f"{value.document}#{value.section}"
    if _is_a(value, Attendee):
        return {value.kind: value.ref, **({"as": value.role} if value.role else {})}
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [to_data(item) for item in value]
    return value


def is_fields(value: Any) -> bool:
    """A set of fields of its own (a fact, a wording), not a value written as text or as an id."""
    return dataclasses.is_dataclass(value) and not _is_a(value, SourceRef) and not _is_a(value, Attendee)


def _is_a(value: Any, cls: type) -> bool:
    """Also for a record made by an earlier import of the package (`mkdocs serve` imports it afresh)."""
    return isinstance(value, cls) or type(value).__name__ == cls.__name__


def _object_data(values: dict[str, Any], schema: dict, where: str) -> dict[str, Any]:
    """A set of fields, given in each language; `schema` says which empty fields may be left out."""
    value = values[ENGLISH]
    properties, required = _properties_of(value, schema), set(schema.get("required", ()))
    data = {}
    for field in dataclasses.fields(value):
        if field.name not in properties:
            raise PublishError(f"{where}.{field.name} is in the record but not in its schema; "
                               "describe it in data/schemas/ so that the published data documents it")
        item = getattr(value, field.name)
        if item is None or (item == () and field.name not in required):
            continue
        data[field.name] = data_in_languages({language: getattr(each, field.name) for language, each in values.items()},
                                             properties[field.name], f"{where}.{field.name}")
    return data


def _properties_of(value: Any, schema: dict) -> dict[str, Any]:
    """The fields an object's schema gives it, with those of the `then` or `else` that applies to it
    (a source's section heading is written in every language only where the source prints none)."""
    properties = dict(schema.get("properties", {}))
    if "if" in schema:
        applies = jsonschema.Draft202012Validator(schema["if"]).is_valid(_plain(value))
        branch = schema.get("then" if applies else "else", {})
        properties.update({name: {**properties.get(name, {}), **node} for name, node in branch.get("properties", {}).items()})
    return properties


def _attendee_data(values: dict[str, Any], schema: dict, where: str) -> dict[str, Any]:
    """`{person: id}`, or `{participant: id, as: role}` with the role in each language."""
    value = values[ENGLISH]
    data: dict[str, Any] = {value.kind: value.ref}
    if value.role:
        option = next((o for o in schema.get("oneOf", ()) if o.get("required", [None])[0] == value.kind), {})
        data["as"] = data_in_languages({language: each.role for language, each in values.items()},
                                       option.get("properties", {}).get("as", {}), f"{where}.as")
    return data


# ---------------------------------------------------------------------------
# CSV: one row per item, lists joined in one cell; beside each field that names other items by
# id, a column `<field>_name` with their names; beside each field whose text is written in every
# language, a column `<field>_ja` (and so on) with the text in the other language. UTF-8 with a
# byte order mark, so that spreadsheets read the text as UTF-8.

NAME_SUFFIX = "_name"
CSV_ENCODING = "utf-8-sig"


def csv_table(records: Records, name: str, schema: dict, bilingual: set[str]) -> bytes:
    """The table of `name`: `schema` says which fields name other items, `bilingual` which are
    written in every language."""
    record = records[ENGLISH]
    items = getattr(record, name)
    others = {language: getattr(each, name) for language, each in records.items() if language != ENGLISH}
    fields = [field.name for field in dataclasses.fields(items[0])]
    naming = referring_fields(schema, name) | {field for field in fields for item in items
                                                if any(isinstance(v, Attendee) for v in _several(getattr(item, field)))}
    bilingual = bilingual - naming  # their columns hold ids; the names beside them are the English
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(_columns(fields, naming, bilingual, list(others)))
    for index, item in enumerate(items):
        row = []
        for field in fields:
            where = f"{name}.csv: {item.id}.{field}"
            if field in naming:
                row += _named_cells(record, getattr(item, field), where)
            else:
                row.append(_cell(getattr(item, field), where))
            if field in bilingual:
                row += [_cell(getattr(translated[index], field), f"{where}_{language}") for language, translated in others.items()]
        writer.writerow(row)
    return buffer.getvalue().encode(CSV_ENCODING)


def _columns(fields: list[str], naming: set[str], bilingual: set[str], languages: list[str]) -> list[str]:
    """`title`, `title_ja`; `speaker`, `speaker_name`."""
    columns = []
    for field in fields:
        columns += [field, field + NAME_SUFFIX] if field in naming else [field]
        columns += [f"{field}_{language}" for language in languages] if field in bilingual else []
    return columns


def _named_cells(record: Record, value: Any, where: str) -> list[str]:
    """The ids a field names, and their names (an attendee's with the capacity the source gives)."""
    named = _several(value)
    ids = tuple(v.ref if isinstance(v, Attendee) else v for v in named)
    names = tuple(record.name_of(record.get(v.ref)) + (f" ({v.role})" if v.role else "") if isinstance(v, Attendee)
                  else record.name_of(record.get(v)) for v in named)
    return [_cell(ids, where), _cell(names, where + NAME_SUFFIX)]


def bilingual_fields(schema: dict, name: str) -> set[str]:
    """The fields of the items of `name` (in its inlined schema) that hold text written in every language."""
    properties = schema["properties"][name]["items"]["properties"]
    return {field for field, node in properties.items() if _holds_bilingual(node)}


def _holds_bilingual(node: Any) -> bool:
    if isinstance(node, dict):
        return bool(node.get(BILINGUAL)) or any(_holds_bilingual(each) for each in node.values())
    return isinstance(node, list) and any(_holds_bilingual(each) for each in node)


def _several(value: Any) -> tuple:
    return value if isinstance(value, tuple) else () if value is None else (value,)


def referring_fields(schema: dict, name: str) -> set[str]:
    """The fields of the items of `name` that name other items by id (`x-refers-to` in the schema)."""
    properties = schema["properties"][name]["items"]["properties"]
    return {field for field, node in properties.items()
            if "x-refers-to" in node or "x-refers-to" in node.get("items", {})}


def _part(item: Any) -> str:
    """A list item in a cell: a set of fields (a fact, a wording) as one line of JSON."""
    if is_fields(item):
        return json.dumps(_plain(item), ensure_ascii=False)
    return str(to_data(item))


def _plain(value: Any) -> Any:
    if _is_a(value, SourceRef) or isinstance(value, datetime.date):
        return to_data(value)
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
        parts = [_part(item) for item in value]
        if any(LIST_SEPARATOR in part for part in parts):
            raise PublishError(f"{where}: a list item holds a line break, which separates list items in the CSV files")
        return LIST_SEPARATOR.join(parts)
    return str(to_data(value))


# ---------------------------------------------------------------------------
# Field documentation, from the schemas' descriptions

def _field_docs(schema: dict, common: dict, prefix: str = "") -> list[FieldDoc]:
    """The fields of `schema`, nested ones too; `common` is the shared definitions' schema."""
    docs = []
    required = set(schema.get("required", ()))
    for name, node in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        kinds = [_kind(each, common) for each in _alternatives(schema, name, node)]
        kind = "|".join(dict.fromkeys(each for each, _ in kinds))
        docs.append(FieldDoc(path, kind, name in required, node.get("description", ""), kinds[0][1]))
        docs += _nested_docs(node, common, path)
    return docs


def _alternatives(schema: dict, name: str, node: dict) -> list[dict]:
    """The shapes a field may take: the one its schema gives, or those of the object's `then` and
    `else` (a section heading is text, or text in every language where the source prints none)."""
    branches = [schema[key]["properties"][name] for key in ("then", "else")
                if name in schema.get(key, {}).get("properties", {})]
    return branches or [node]


def _nested_docs(node: dict, common: dict, path: str) -> list[FieldDoc]:
    if "$ref" in node and node["$ref"].split("/")[-1] not in NAMED_KINDS:  # a shared shape: document its fields
        node = _inline({"$ref": node["$ref"]}, common)
    if node.get(BILINGUAL):
        return []  # its `en` and `ja` are documented by its kind
    if node.get("type") == "object":
        return _field_docs(node, common, f"{path}.")
    items = node.get("items", {})
    if items.get("type") == "object":
        return _field_docs(items, common, f"{path}[].")
    if "oneOf" in items:
        merged: dict[str, FieldDoc] = {}
        for option in items["oneOf"]:
            for doc in _field_docs(option, common, f"{path}[]."):
                merged.setdefault(doc.path, dataclasses.replace(doc, required=False))
        return list(merged.values())
    return []


NAMED_KINDS = ("id", "date", "url", "phone", "sources")  # shared definitions the data page names as such


def _kind(node: dict, common: dict) -> tuple[str, tuple[str, ...]]:
    """What sort of value a field holds: a named shared definition, text in every language
    (`bilingual-text`, `bilingual-list`), or the JSON type it resolves to."""
    if "enum" in node:
        return "choice", tuple(node["enum"])
    if node.get(BILINGUAL):
        return f"bilingual-{node[BILINGUAL]}", ()
    if "$ref" in node:
        definition = node["$ref"].split("/")[-1]
        if definition in NAMED_KINDS:
            return definition, ()
        kind, choices = _kind(_definition(node["$ref"], common), common)
        return kind, choices or tuple(node.get("properties", {}).get(ENGLISH, {}).get("enum", ()))  # a weekday's names
    kind = node.get("type", "object")
    if kind == "array" and _kind(node.get("items", {}), common)[0].startswith("bilingual-"):
        return "bilingual-text-list", ()
    return ("list" if kind == "array" else "text" if kind == "string" else kind), ()
