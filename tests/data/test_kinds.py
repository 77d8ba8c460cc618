"""The table of kinds and the schemas agree: each field of a kind's dataclass is a field of its
schema and the other way round, a field the schema may leave out has an empty value to fall
back on, and a field written in English and Japanese is, in the record of one language, text
(or a list of words). A field added to one and not the other would otherwise be lost or fail at
build time."""

from __future__ import annotations

import dataclasses
import json
import typing

import pytest

from meeting_record.data.convert import convert
from meeting_record.data.kinds import DATA_FILES, KINDS
from meeting_record.data.record import Record
from project import DATA
from schema_shapes import resolve


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


def test_conversion_takes_each_text_in_the_records_language():
    kind = next(k for k in KINDS if k.name == "theme")
    data = {"id": "t", "title": {"en": "Digital Government", "ja": "デジタル・ガバメント"},
            "keywords": {"en": ["e-government"], "ja": ["電子政府", "行政"]}, "sources": ["doc#sec"]}
    english, japanese = convert(kind.cls, data), convert(kind.cls, data, "ja")
    assert (english.title, english.keywords) == ("Digital Government", ("e-government",))
    assert (japanese.title, japanese.keywords) == ("デジタル・ガバメント", ("電子政府", "行政"))
    event = convert(next(k for k in KINDS if k.name == "event").cls,
                    {"id": "e", "title": {"en": "T", "ja": "題"}, "official": True, "kind": {"en": "session", "ja": "会合"},
                     "description": {"en": "D", "ja": "説明"}, "sources": ["doc#sec"],
                     "attendees": [{"participant": "japan", "as": {"en": "a minister", "ja": "大臣"}}]}, "ja")
    assert (event.title, event.kind, event.attendees[0].role) == ("題", "会合", "大臣")


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_a_field_in_english_and_japanese_is_text_or_words_in_its_dataclass(kind):
    """`{en: …, ja: …}` becomes one language's text: `str` in the dataclass (a list of words, `tuple[str, ...]`)."""
    checked = list(_bilingual_fields(kind.cls, item_schema(kind), kind.key))
    for path, hint, expected in checked:
        assert hint in expected, f"{path} is written in English and Japanese, so its type must be one of {expected}, not {hint}"
    if kind.name in ("participant", "person", "theme", "statement", "source", "meeting"):
        assert checked, f"the {kind.name}'s schema has no field in English and Japanese"


def _bilingual_fields(cls: type, schema: dict, path: str):
    """(path, type, the types it may have) for each field of `cls`, nested ones included, that its
    schema writes in English and Japanese: a text, a list of words, or a list of texts."""
    if hasattr(cls, "from_data"):
        return  # written in its own shape (an attendee), converted by the class itself
    resolved, _ = resolve(schema)
    hints = typing.get_type_hints(cls)
    for field in dataclasses.fields(cls):
        for node in _shapes_of(resolved, field.name):
            shape, _ = resolve(node)
            hint = hints[field.name]
            items, _ = resolve(shape.get("items", {}))
            if shape.get("x-bilingual") == "text":
                yield f"{path}.{field.name}", hint, (str, str | None)
            if shape.get("x-bilingual") == "list" or items.get("x-bilingual") == "text":
                yield f"{path}.{field.name}", hint, (tuple[str, ...],)
            inner = next((a for a in typing.get_args(hint) if dataclasses.is_dataclass(a)), None)
            if dataclasses.is_dataclass(hint) or inner:
                yield from _bilingual_fields(inner or hint, shape.get("items", shape), f"{path}.{field.name}")


def _shapes_of(schema: dict, name: str) -> list[dict]:
    """The schema of a field, and those its object's `then` and `else` give it."""
    return [branch["properties"][name] for branch in (schema, schema.get("then", {}), schema.get("else", {}))
            if name in branch.get("properties", {})]
