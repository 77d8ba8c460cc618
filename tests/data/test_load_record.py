"""Loading and validation: the real data loads, and each kind of mistake is reported with the
file, the line and the field, before anything is built."""

from __future__ import annotations

import referencing
import yaml

from data_edits import edited_data, problems_of
from meeting_record.data.load_record import _inlined_or_as_written
from meeting_record.data.yaml_source import MAX_BYTES
from project import DATA


def test_real_data_loads_every_item(record):
    """Every item of every list in the data files is in the record, in the files' order; and the
    relations between them are those the data states."""
    for path in sorted(DATA.glob("*.yml")):
        for name, items in yaml.safe_load(path.read_text(encoding="utf-8")).items():
            if isinstance(items, list):
                assert [item.id for item in getattr(record, name)] == [item["id"] for item in items], path.name
    participants = yaml.safe_load((DATA / "participants.yml").read_text(encoding="utf-8"))["participants"]
    for group in record.groups:
        assert [p.id for p in record.members_of(group)] == [p["id"] for p in participants if p["group"] == group.id]
    assert [record.presidency.id] == [p["id"] for p in participants if "presidency" in p.get("roles", [])]
    people = {p["id"]: p["participant"] for p in yaml.safe_load((DATA / "people.yml").read_text(encoding="utf-8"))["people"]}
    assert [record.partner_of(t).id for t in record.talks] == [people[t.counterpart] for t in record.talks]


# Each kind of mistake, with its exact message, is a case of the malformed-data corpus
# (test_malformed_corpus.py); the tests here are about reporting itself.

def test_every_problem_is_reported_at_once(tmp_path):
    data, _ = edited_data(tmp_path, "people.yml", "participant: ", "participant: nobody-", count=5)
    assert problems_of(data).startswith("The data has 5 problems; nothing was built.")


def test_a_data_file_past_the_size_limit_is_refused_unread(tmp_path):
    """Far larger than any record, so a mistake or an attack on the parser: refused before YAML reads it."""
    data, _ = edited_data(tmp_path, "talks.yml", "talks:", "# " + "x" * MAX_BYTES + "\ntalks:")
    size = (data / "talks.yml").stat().st_size
    assert problems_of(data) == (f"The data has 1 problem; nothing was built.\n"
                                 f"  data/talks.yml: the file is {size:,} bytes; data files may be at most {MAX_BYTES:,}")


DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _resolver(*schemas: dict) -> referencing.Resolver:
    return referencing.Registry().with_resources(
        (schema["$id"], referencing.Resource.from_contents(schema)) for schema in schemas).resolver()


def test_a_reference_is_checked_through_what_it_refers_to_in_its_place():
    """The schemas' references are looked up once, when the validators are made: each `$ref`
    becomes an `allOf` of what it refers to, where the `$ref` stood (keywords are checked in
    order, and the messages follow)."""
    common = {"$schema": DRAFT, "$id": "https://example.org/common", "$defs": {"id": {"type": "string", "pattern": "^[a-z]+$"}}}
    item = {"$schema": DRAFT, "$id": "https://example.org/item",
            "properties": {"id": {"type": "string", "$ref": "common#/$defs/id", "x-expected": "an id"}}}
    field = _inlined_or_as_written(item, _resolver(common, item))["properties"]["id"]
    assert list(field) == ["type", "allOf", "x-expected"]
    assert field["allOf"] == [common["$defs"]["id"]]


def test_a_reference_with_a_description_beside_it_takes_the_keywords_it_refers_to_in_its_place():
    """A description checks nothing, so one written both beside a reference and in what it refers
    to is no reason for an `allOf`: the referred keywords stand in the reference's place, and the
    description written beside the reference is the one kept."""
    common = {"$schema": DRAFT, "$id": "https://example.org/common",
              "$defs": {"id": {"description": "an id", "type": "string", "pattern": "^[a-z]+$"}}}
    item = {"$schema": DRAFT, "$id": "https://example.org/item",
            "properties": {"id": {"description": "the participant's id", "$ref": "common#/$defs/id"}}}
    field = _inlined_or_as_written(item, _resolver(common, item))["properties"]["id"]
    assert field == {"type": "string", "pattern": "^[a-z]+$", "description": "the participant's id"}


def test_a_schema_that_refers_to_itself_is_checked_as_written():
    tree = {"$schema": DRAFT, "$id": "https://example.org/tree", "type": "object",
            "properties": {"children": {"type": "array", "items": {"$ref": "#"}}}}
    assert _inlined_or_as_written(tree, _resolver(tree)) is tree
