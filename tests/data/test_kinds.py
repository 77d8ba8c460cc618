"""The table of kinds and the schemas agree: each field of a kind's dataclass is a field of its
schema and the other way round, and a field the schema may leave out has an empty value to fall
back on. A field added to one and not the other would otherwise be lost or fail at build time."""

from __future__ import annotations

import dataclasses
import json
import typing

import pytest

from meeting_record.data.convert import convert
from meeting_record.data.kinds import DATA_FILES, KINDS
from meeting_record.data.record import Record
from project import DATA


def item_schema(kind) -> dict:
    schema = json.loads((DATA / "schemas" / f"{kind.file}.schema.json").read_text(encoding="utf-8"))
    node = schema["properties"][kind.key]
    return node if kind.one else node["items"]


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_dataclass_and_schema_have_the_same_fields(kind):
    fields = {field.name for field in dataclasses.fields(kind.cls)}
    assert set(item_schema(kind)["properties"]) == fields


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_fields_the_schema_may_leave_out_have_an_empty_value(kind):
    schema = item_schema(kind)
    hints = typing.get_type_hints(kind.cls)
    for field in dataclasses.fields(kind.cls):
        if field.name in schema["required"]:
            continue
        hint = hints[field.name]
        optional = type(None) in typing.get_args(hint) or typing.get_origin(hint) is tuple
        has_default = field.default is not dataclasses.MISSING or field.default_factory is not dataclasses.MISSING
        assert optional or has_default, f"{kind.cls.__name__}.{field.name} may be left out of {kind.file}.yml but has no empty value"


def test_the_record_holds_one_part_per_kind():
    assert {kind.key for kind in KINDS} == {field.name for field in dataclasses.fields(Record)}


def test_every_data_file_has_a_schema():
    assert {path.name.removesuffix(".schema.json") for path in (DATA / "schemas").glob("*.schema.json")} >= set(DATA_FILES)


def test_conversion_follows_the_types():
    kind = next(k for k in KINDS if k.name == "event")
    event = convert(kind.cls, {"id": "e", "title": "T", "official": True, "kind": "session", "description": "D",
                               "attendees": [{"participant": "japan", "as": "a minister"}], "sources": ["doc#sec"]})
    assert event.after is None and event.themes == () and event.former_ids == ()
    assert (event.attendees[0].kind, event.attendees[0].ref, event.attendees[0].role) == ("participant", "japan", "a minister")
    assert (event.sources[0].document, event.sources[0].section) == ("doc", "sec")
