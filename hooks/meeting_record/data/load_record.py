"""Load the data folder, validate it, and return the typed `Record`, or every problem found.

Three passes, each reporting file, line and field: reading (YAML syntax, duplicate keys, encoding;
see `yaml_source`), the JSON Schemas in `data/schemas/` (fields, types, formats and the references
between items; worded by `schema_messages`, references in `references`), and the checks a schema
cannot express (`rules`). Then each data file becomes its part of the record (`convert`), as the
table of kinds says, in one of the record's languages: the data is checked once, and a record in
another language is converted from the same checked data (`CheckedData.record`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import referencing

from meeting_record.data.convert import convert
from meeting_record.data.kinds import DATA_FILES, KINDS
from meeting_record.data.languages import ENGLISH, LANGUAGES, check_language
from meeting_record.data.problems import DataError, Problem
from meeting_record.data.record import Record
from meeting_record.data.references import KEYWORD, Ids, is_reference_error, reference_keyword
from meeting_record.data.rules import RULES
from meeting_record.data.schema_messages import schema_problems
from meeting_record.data.yaml_source import Document, read_document

__all__ = ["DATA_FILES", "LANGUAGES", "CheckedData", "DataError", "check_data", "load_record"]


@dataclass(frozen=True)
class CheckedData:
    """The data files, read and checked: the record in any of its languages, without checking again."""

    documents: dict[str, Document]

    def record(self, language: str = ENGLISH) -> Record:
        check_language(language)
        return Record(**{kind.key: _part(kind, self.documents[kind.file].data, language) for kind in KINDS})


def check_data(data_dir: Path, label: str = "data") -> CheckedData:
    """Read and check every data file under `data_dir` (shown to people as `label/…`)."""
    documents, problems = _read_all(data_dir, label)
    if not problems:
        problems = _check(documents, data_dir / "schemas")
    if problems:
        raise DataError(problems)
    return CheckedData(documents)


def load_record(data_dir: Path, label: str = "data", language: str = ENGLISH) -> Record:
    """The record of the data under `data_dir`, with its texts in `language`."""
    return check_data(data_dir, label).record(language)


def _read_all(data_dir: Path, label: str) -> tuple[dict[str, Document], list[Problem]]:
    documents, problems = {}, []
    for name in DATA_FILES:
        try:
            documents[name] = read_document(data_dir / f"{name}.yml", f"{label}/{name}.yml")
        except DataError as error:
            problems.extend(error.problems)
    return documents, problems


def _part(kind, data: dict, language: str):
    if kind.one:
        return convert(kind.cls, data[kind.key], language)
    return tuple(convert(kind.cls, item, language) for item in data[kind.key])


def _check(documents: dict[str, Document], schema_dir: Path) -> list[Problem]:
    """Shapes first; once every file has the right shape, ids and references; then the rules. A
    mistake in a shape (an id written wrongly) would otherwise echo as references to nothing."""
    ids = Ids(documents)
    validators = _validators(schema_dir, ids)
    errors = {name: list(validators[name].iter_errors(document.data)) for name, document in documents.items()}
    shapes = {name: [e for e in found if not is_reference_error(e)] for name, found in errors.items()}
    if any(shapes.values()):
        return [p for name, found in shapes.items() for p in schema_problems(found, documents[name])]
    if ids.problems:  # an id claimed twice: the references to the item it displaced would only echo it
        return ids.problems
    references = [p for name, found in errors.items() for p in schema_problems(found, documents[name])]
    return references or [p for rule in RULES for p in rule(documents)]


def _validators(schema_dir: Path, ids: Ids) -> dict[str, jsonschema.Validator]:
    """One validator per data file, from schemas read once; they refer to each other by $id, and
    to the record's items through `x-refers-to`."""
    schemas = {path.name.removesuffix(".schema.json"): json.loads(path.read_text(encoding="utf-8"))
               for path in sorted(schema_dir.glob("*.schema.json"))}
    registry = referencing.Registry().with_resources(
        (schema["$id"], referencing.Resource.from_contents(schema)) for schema in schemas.values())
    checker = jsonschema.FormatChecker()
    validator_class = jsonschema.validators.extend(jsonschema.Draft202012Validator, {KEYWORD: reference_keyword(ids)})
    resolver = registry.resolver()
    return {name: validator_class(_inlined_or_as_written(schema, resolver), registry=registry, format_checker=checker)
            for name, schema in schemas.items()}


class _KeptAsWritten(Exception):
    """A schema that inlining cannot rewrite: one that refers to itself, which would never finish,
    or one with a `$ref` beside an `allOf`."""


def _inlined_or_as_written(schema: dict, resolver: referencing.Resolver) -> dict:
    """`schema` with each `$ref` replaced by the schema it refers to, looked up once here instead of
    at every value checked (the look-ups took a third of the check); as written where it cannot be."""
    try:
        return _inlined(schema, resolver.in_subresource(referencing.Resource.from_contents(schema)), ())
    except _KeptAsWritten:
        return schema


def _inlined(schema: Any, resolver: referencing.Resolver, through: tuple[int, ...]) -> Any:
    """`{"$ref": r, ...}` becomes `{...what r refers to..., ...}` where its keywords mix with the
    others without changing what either checks (`_mergeable`), else `{"allOf": [what r refers to],
    ...}`: both check the same, in the same order (the order of the errors, and so of the
    messages, follows the keywords')."""
    if isinstance(schema, list):
        return [_inlined(part, resolver, through) for part in schema]
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema and "allOf" in schema:
        raise _KeptAsWritten(schema["$ref"])  # no place for the referred schema: check it as written
    inlined = {}
    for key, value in schema.items():
        if key != "$ref":
            inlined[key] = _inlined(value, resolver, through)
            continue
        (referred,) = _referred(value, resolver, through)
        if _mergeable(referred, schema):  # its keywords in the place of the reference: one level less to check
            inlined.update({key: value for key, value in referred.items() if key not in schema})
        else:
            inlined["allOf"] = [referred]
    return inlined


# Keywords whose meaning depends on their neighbours (additionalProperties on properties, then on
# if…), and those that start a schema of its own: a referred schema that holds one is checked
# beside, not among, the keywords written with its reference.
NEIGHBOURLY = {"properties", "patternProperties", "additionalProperties", "unevaluatedProperties", "prefixItems",
               "items", "unevaluatedItems", "contains", "minContains", "maxContains", "if", "then", "else"}
OWN_SCHEMA = {"$id", "$schema", "$anchor", "$dynamicAnchor", "$defs"}
# Keywords that check nothing: written both with a reference and in the schema it refers to, the
# one written with the reference is kept, as a reader of the schema sees it there.
ANNOTATIONS = {"title", "description", "$comment", "examples", "default", "deprecated", "readOnly", "writeOnly"}


def _mergeable(referred: Any, schema: dict) -> bool:
    """Whether the referred schema's keywords, put in the place of `schema`'s `$ref`, check the same
    as the referred schema beside them: no keyword written twice, or reading another."""
    if not isinstance(referred, dict) or referred.keys() & ((schema.keys() - ANNOTATIONS) | OWN_SCHEMA):
        return False
    return not (referred.keys() & NEIGHBOURLY and schema.keys() & NEIGHBOURLY)


def _referred(reference: str, resolver: referencing.Resolver, through: tuple[int, ...]) -> list:
    found = resolver.lookup(reference)
    if id(found.contents) in through:
        raise _KeptAsWritten(reference)
    return [_inlined(found.contents, found.resolver, (*through, id(found.contents)))]
