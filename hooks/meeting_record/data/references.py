"""Ids and the references between items.

Every item's id (and every id it had before, `former_ids`) is claimed once across the data files,
following the table of kinds. A field that refers to other items says so in its schema, beside
its type, with the keyword `x-refers-to` and the kinds it may name, e.g.
`"speaker": {"$ref": "common.schema.json#/$defs/id", "x-refers-to": ["person", "participant"]}`;
the schema check then reports a reference to nothing like any other wrong value, at its line.
Source sections (`document#section`) are referred to as the kind "source section" when the source
is official (what the site may state as fact), and as "reported source section" when it is press
or personal: a `sources` list takes only the first, a `reported` entry's `by` takes either, so a
fact from the press can only ever be shown as reported by it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

import jsonschema

from meeting_record.data.kinds import BY_NAME, KINDS, Kind
from meeting_record.data.problems import Problem
from meeting_record.data.schema_messages import field_label, nearest
from meeting_record.data.yaml_source import Document

SECTION = "source section"
REPORTED_SECTION = "reported source section"
KEYWORD = "x-refers-to"


@dataclass(frozen=True)
class Claim:
    kind: str
    document: Document
    line: int


class Ids:
    """Who holds each id: the kind, and where it was first written."""

    def __init__(self, documents: dict[str, Document]):
        self.claims: dict[str, Claim] = {}
        self.problems: list[Problem] = []
        for kind in KINDS:
            if kind.shared_ids and kind.file in documents:
                self._claim_items(kind, documents[kind.file])
        for kind in KINDS:
            if "former_ids" in kind.cls.__dataclass_fields__ and kind.file in documents:
                self._claim_former(kind, documents[kind.file])
        if "sources" in documents:
            self._claim_sections(documents["sources"])

    def of_kinds(self, kinds: list[str]) -> list[str]:
        return [item_id for item_id, claim in self.claims.items() if claim.kind in kinds]

    def holds(self, item_id: Any, kinds: list[str]) -> bool:
        return isinstance(item_id, str) and item_id in self.claims and self.claims[item_id].kind in kinds

    # -- claiming --------------------------------------------------------------

    def _claim_items(self, kind: Kind, document: Document) -> None:
        for index, item in _items(document, kind.key):
            path = (kind.key, index, "id")
            item_id = item.get("id")
            if not isinstance(item_id, str):
                continue
            if item_id in self.claims:
                first = self.claims[item_id]
                self._problem(document, path, f"the id {item_id!r} is already used in {first.document.name}:{first.line}; "
                                              "ids must be unique across all data files")
                continue
            self.claims[item_id] = Claim(kind.name, document, document.line_of(path))

    def _claim_former(self, kind: Kind, document: Document) -> None:
        """A former id keeps old links working, so no item may use it, nor another item keep it."""
        for index, item in _items(document, kind.key):
            former = item.get("former_ids")
            for position, old in enumerate(former if isinstance(former, list) else []):
                path = (kind.key, index, "former_ids", position)
                if old in self.claims:
                    first = self.claims[old]
                    self._problem(document, path, f"the former id {old!r} is already used in {first.document.name}:{first.line}; "
                                                  "old links to it would lead to the wrong item")
                    continue
                self.claims[old] = Claim(f"former id of a {kind.name}", document, document.line_of(path))

    def _claim_sections(self, document: Document) -> None:
        for index, source in _items(document, "sources"):
            sections = source.get("sections")
            for position, section in enumerate(sections if isinstance(sections, list) else []):
                if isinstance(section, dict):
                    line = document.line_of(("sources", index, "sections", position))
                    kind = SECTION if source.get("kind") == "official" else REPORTED_SECTION
                    self.claims.setdefault(f"{source.get('id')}#{section.get('id')}", Claim(kind, document, line))

    def _problem(self, document: Document, path: tuple, message: str) -> None:
        self.problems.append(Problem(document.name, document.line_of(path), field_label(document, path), message))


def _items(document: Document, key: str) -> Iterator[tuple[int, dict]]:
    items = document.data.get(key) if isinstance(document.data, dict) else None
    for index, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict):
            yield index, item


def reference_keyword(ids: Ids):
    """The schema keyword `x-refers-to`, checking against `ids`."""
    def refers_to(validator: Any, kinds: list[str], instance: Any, schema: dict) -> Iterator[jsonschema.ValidationError]:
        if not isinstance(instance, str) or ids.holds(instance, kinds):
            return
        if kinds == [SECTION] and ids.holds(instance, [REPORTED_SECTION]):
            yield jsonschema.ValidationError(
                f"{instance!r} is not an official source, so the site may not state its facts as fact; "
                "cite it in a `reported` entry's `by`, which the site shows as reported by it (see sources.yml)")
            return
        hint = nearest(instance, ids.of_kinds(kinds))
        if SECTION in kinds:
            yield jsonschema.ValidationError(f"there is no source section {instance!r}{hint} (see sources.yml)")
            return
        names = ", ".join(kinds[:-1]) + " or " + kinds[-1] if len(kinds) > 1 else kinds[0]
        files = ", ".join(sorted({f"{BY_NAME[k].file}.yml" for k in kinds}))
        yield jsonschema.ValidationError(f"there is no {names} with the id {instance!r}{hint} (see {files})")

    return refers_to


def is_reference_error(error: jsonschema.ValidationError) -> bool:
    """Whether the value has the right shape and only names an item that does not exist (also
    where the value may take one of several shapes, as an event's attendees may)."""
    if error.validator == KEYWORD:
        return True
    if error.validator != "oneOf":
        return False
    by_option: dict[int, list[jsonschema.ValidationError]] = {}
    for sub in error.context:
        by_option.setdefault(sub.relative_schema_path[0], []).append(sub)
    return any(all(is_reference_error(sub) for sub in subs) for subs in by_option.values())
