"""Load the data folder, validate it, and return the typed `Record`, or every problem found.

Three passes, each reporting file, line and field: reading (YAML syntax, duplicate keys, encoding;
see `yaml_source`), the JSON Schemas in `data/schemas/` (fields, types, formats; worded by
`schema_messages`), and the checks a schema cannot express (unique ids across all files,
references between files, dates and weekdays).
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any, Iterable

import jsonschema
import referencing

from meeting_record.data.addresses import ADDRESS_FIELDS, slug
from meeting_record.data.record import (Attendee, Contact, Day, Event, GlossaryEntry, Group, Meeting, Ministry, Outcome, Participant,
                    Party, Person, Record, Section, Source, SourceRef, Statement, Talk, Theme)
from meeting_record.data.schema_messages import field_label, nearest, schema_problems
from meeting_record.data.yaml_source import DataFileError, Document, Problem, read_document

# The data files, in the order they are read, and the schema each must satisfy.
DATA_FILES = ("sources", "meeting", "participants", "people", "themes", "parties", "events", "statements", "talks",
              "glossary")
MAX_PROBLEMS = 25


class DataError(Exception):
    """The data is invalid; `problems` says where and why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = problems[:MAX_PROBLEMS]
        more = f"\n  … and {len(problems) - MAX_PROBLEMS} more" if len(problems) > MAX_PROBLEMS else ""
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(f"The data has {len(problems)} {noun}; nothing was built.\n  "
                         + "\n  ".join(str(p) for p in shown) + more)


def load_record(data_dir: Path, label: str = "data") -> Record:
    """Read and check every data file under `data_dir` (shown to people as `label/…`)."""
    documents, problems = _read_all(data_dir, label)
    if not problems:
        validators = _validators(data_dir / "schemas")
        problems = [p for d in documents.values() for p in _schema_problems(d, validators)]
    if not problems:
        problems = _ReferenceCheck(documents).problems()
    if problems:
        raise DataError(problems)
    return _to_record({name: doc.data for name, doc in documents.items()})


def _read_all(data_dir: Path, label: str) -> tuple[dict[str, Document], list[Problem]]:
    documents, problems = {}, []
    for name in DATA_FILES:
        try:
            documents[name] = read_document(data_dir / f"{name}.yml", f"{label}/{name}.yml")
        except DataFileError as error:
            problems.append(error.problem)
    return documents, problems


# ---------------------------------------------------------------------------
# Schema pass

def _schema_problems(document: Document, validators: dict[str, jsonschema.Draft202012Validator]) -> list[Problem]:
    validator = validators[Path(document.name).stem]
    return schema_problems(validator.iter_errors(document.data), document)


def _validators(schema_dir: Path) -> dict[str, jsonschema.Draft202012Validator]:
    """One validator per data file, from schemas read once; they refer to each other by $id."""
    schemas = {path.name.removesuffix(".schema.json"): json.loads(path.read_text(encoding="utf-8"))
               for path in sorted(schema_dir.glob("*.schema.json"))}
    registry = referencing.Registry().with_resources(
        (schema["$id"], referencing.Resource.from_contents(schema)) for schema in schemas.values())
    checker = jsonschema.FormatChecker()
    return {name: jsonschema.Draft202012Validator(schema, registry=registry, format_checker=checker)
            for name, schema in schemas.items()}


# ---------------------------------------------------------------------------
# Reference pass: what one schema cannot see

# The kinds of item that may list the ids they had before (`former_ids`), by data file.
FORMER_ID_KINDS = (("participants", "participant"), ("people", "person"), ("themes", "theme"),
                   ("events", "event"), ("statements", "statement"), ("talks", "talk"))
ID_KINDS = {"participant": ("participants", "participants"), "person": ("people", "people"),
            "theme": ("themes", "themes"), "event": ("events", "events"), "party": ("parties", "parties"),
            "group": ("participants", "groups"), "source": ("sources", "sources")}


class _ReferenceCheck:
    def __init__(self, documents: dict[str, Document]):
        self.documents = documents
        self.found: list[Problem] = []
        self.ids = self._collect_ids()

    def problems(self) -> list[Problem]:
        self._check_meeting()
        self._check_items()
        self._check_event_order()
        self._check_glossary()
        self._check_addresses()
        return self.found

    # -- ids -----------------------------------------------------------------

    def _items(self, kind: str) -> Iterable[tuple[int, dict, Document, str]]:
        file, key = ID_KINDS[kind]
        document = self.documents[file]
        for index, item in enumerate(document.data[key]):
            yield index, item, document, key

    def _collect_ids(self) -> dict[str, tuple[str, Document, int]]:
        ids: dict[str, tuple[str, Document, int]] = {}
        for kind in ("source", "group", "participant", "person", "theme", "party", "event"):
            for index, item, document, key in self._items(kind):
                self._claim(ids, item["id"], kind, document, (key, index))
        for key, kind in (("statements", "statement"), ("talks", "talk")):
            document = self.documents[key]
            for index, item in enumerate(document.data[key]):
                self._claim(ids, item["id"], kind, document, (key, index))
        for key, kind in FORMER_ID_KINDS:
            document = self.documents[key]
            for index, item in enumerate(document.data[key]):
                self._claim_former(ids, item, kind, document, (key, index))
        return ids

    def _claim_former(self, ids: dict, item: dict, kind: str, document: Document, path: tuple) -> None:
        """A former id keeps old links working, so no item may use it, nor another item keep it."""
        for position, old in enumerate(item.get("former_ids", [])):
            where = path + ("former_ids", position)
            if old in ids:
                _, first_doc, first_line = ids[old]
                self._problem(document, where, f"the former id {old!r} is already used in {first_doc.name}:{first_line}; "
                                               "old links to it would lead to the wrong item")
                continue
            ids[old] = (f"former id of a {kind}", document, document.line_of(where))

    def _claim(self, ids: dict, item_id: str, kind: str, document: Document, path: tuple) -> None:
        line = document.line_of(path + ("id",))
        if item_id in ids:
            _, first_doc, first_line = ids[item_id]
            self._problem(document, path + ("id",), f"the id {item_id!r} is already used in {first_doc.name}:{first_line}; ids must be unique across all data files")
            return
        ids[item_id] = (kind, document, line)

    def _problem(self, document: Document, path: tuple, message: str) -> None:
        self.found.append(Problem(document.name, document.line_of(path), field_label(document, path), message))

    def _expect(self, document: Document, path: tuple, value: str, *kinds: str) -> None:
        """`value` must be the id of an item of one of `kinds`."""
        if value in self.ids and self.ids[value][0] in kinds:
            return
        candidates = [i for i, (kind, _, _) in self.ids.items() if kind in kinds]
        hint = nearest(value, candidates)
        names = ", ".join(kinds[:-1]) + " or " + kinds[-1] if len(kinds) > 1 else kinds[0]
        where = ", ".join(sorted({f"{ID_KINDS[k][0]}.yml" for k in kinds if k in ID_KINDS}))
        self.found.append(Problem(document.name, document.line_of(path), field_label(document, path),
                                  f"there is no {names} with the id {value!r}{hint}" + (f" (see {where})" if where else "")))

    # -- per file ----------------------------------------------------------------

    def _check_meeting(self) -> None:
        document = self.documents["meeting"]
        meeting = document.data["meeting"]
        self._expect(document, ("meeting", "reported_by"), meeting["reported_by"], "person")
        self._expect(document, ("meeting", "outcome", "event"), meeting["outcome"]["event"], "event")
        self._check_sources(document, ("meeting",), meeting["sources"])
        self._check_days(document, meeting["days"])
        presidencies = [p["id"] for p in self.documents["participants"].data["participants"] if "presidency" in p.get("roles", [])]
        if len(presidencies) != 1:
            participants = self.documents["participants"]
            self.found.append(Problem(participants.name, participants.line_of(("participants",)), "participants[].roles",
                                      f"exactly one participant must hold the role 'presidency'; found {len(presidencies)}"))

    def _check_days(self, document: Document, days: list[dict]) -> None:
        previous = None
        for index, day in enumerate(days):
            path = ("meeting", "days", index)
            date = datetime.date.fromisoformat(day["date"])
            if date.strftime("%A") != day["weekday"]:
                self._problem(document, path + ("weekday",), f"{day['date']} was a {date.strftime('%A')}, not a {day['weekday']}")
            if previous and date <= previous:
                self._problem(document, path + ("date",), f"{day['date']} is not after the day before it ({previous.isoformat()}); list the days in order")
            previous = date

    def _check_items(self) -> None:
        checks = {
            "participant": lambda d, p, item: self._expect(d, p + ("group",), item["group"], "group"),
            "person": lambda d, p, item: self._expect(d, p + ("participant",), item["participant"], "participant"),
            "event": self._check_event,
        }
        for kind in ("source", "participant", "person", "theme", "party", "event"):
            for index, item, document, key in self._items(kind):
                path = (key, index)
                if kind in checks:
                    checks[kind](document, path, item)
                if kind != "source":
                    self._check_sources(document, path, item["sources"])
        self._check_statements()
        self._check_talks()

    def _check_event(self, document: Document, path: tuple, event: dict) -> None:
        if "after" in event:
            self._expect(document, path + ("after",), event["after"], "event")
        for index, theme in enumerate(event.get("themes", [])):
            self._expect(document, path + ("themes", index), theme, "theme")
        for index, attendee in enumerate(event.get("attendees", [])):
            kind = next(k for k in ("person", "participant", "group", "party") if k in attendee)
            self._expect(document, path + ("attendees", index, kind), attendee[kind], kind)

    def _check_statements(self) -> None:
        document = self.documents["statements"]
        for index, statement in enumerate(document.data["statements"]):
            path = ("statements", index)
            self._expect(document, path + ("speaker",), statement["speaker"], "person", "participant", "group", "party")
            self._expect(document, path + ("during",), statement["during"], "theme", "event")
            for position, mention in enumerate(statement.get("mentions", [])):
                self._expect(document, path + ("mentions", position), mention, "participant")
            self._check_sources(document, path, statement["sources"])

    def _check_talks(self) -> None:
        document = self.documents["talks"]
        for index, talk in enumerate(document.data["talks"]):
            path = ("talks", index)
            self._expect(document, path + ("host",), talk["host"], "person")
            self._expect(document, path + ("counterpart",), talk["counterpart"], "person")
            if talk["host"] == talk["counterpart"]:
                self._problem(document, path + ("counterpart",), "a talk needs two different people")
            self._check_sources(document, path, talk["sources"])

    def _check_glossary(self) -> None:
        """Ids and terms are unique within the glossary (its ids are anchors on its own page only);
        a term that names or codes a participant must expand to that participant's full name."""
        document = self.documents["glossary"]
        participants = {p["id"]: p for p in self.documents["participants"].data["participants"]}
        seen: dict[tuple[str, str], int] = {}
        for index, entry in enumerate(document.data["glossary"]):
            path = ("glossary", index)
            for key in ("id", "term"):
                line = document.line_of(path + (key,))
                if (key, entry[key]) in seen:
                    self._problem(document, path + (key,), f"the {key} {entry[key]!r} is already used on line {seen[(key, entry[key])]}; each must be unique in the glossary")
                seen.setdefault((key, entry[key]), line)
            if "participant" in entry:
                self._expect(document, path + ("participant",), entry["participant"], "participant")
                self._check_participant_term(document, path, entry, participants.get(entry["participant"]))
            self._check_sources(document, path, entry.get("sources", []))

    def _check_participant_term(self, document: Document, path: tuple, entry: dict, participant: dict | None) -> None:
        if participant is None:
            return
        if entry["term"] not in (participant["name"], participant.get("code")):
            self._problem(document, path + ("term",), f"{entry['term']!r} is neither the name nor the code of the participant {participant['id']!r} (see participants.yml)")
        if entry["expansion"] != participant["full_name"]:
            self._problem(document, path + ("expansion",), f"must be the participant's full name {participant['full_name']!r}, as in participants.yml")

    def _check_addresses(self) -> None:
        """Names that become addresses of an item's page (see `aliases`) lead to one item only."""
        for key, fields in ADDRESS_FIELDS.items():
            document = self.documents[key]
            owners = {"index": ("the list page", None)}
            owners.update({slug(item["id"]): (item["id"], (key, i, "id")) for i, item in enumerate(document.data[key])})
            for index, item in enumerate(document.data[key]):
                for path, name in _address_values(item, fields, (key, index)):
                    owner, first = owners.setdefault(slug(name), (item["id"], path))
                    if slug(name) and owner != item["id"]:
                        where = f" (line {document.line_of(first)})" if first else ""
                        self._problem(document, path, f"{name!r} would make /{key}/{slug(name)}/ lead to this item, but it "
                                                      f"leads to {owner}{where}; remove it from one of them")

    def _check_sources(self, document: Document, path: tuple, refs: list[str]) -> None:
        sections = {(s["id"], sec["id"]) for s in self.documents["sources"].data["sources"] for sec in s["sections"]}
        for index, ref in enumerate(refs):
            if tuple(ref.split("#")) not in sections:
                known = [f"{d}#{s}" for d, s in sorted(sections)]
                self.found.append(Problem(document.name, document.line_of(path + ("sources", index)),
                                          field_label(document, path + ("sources", index)),
                                          f"there is no source section {ref!r}{nearest(ref, known)} (see sources.yml)"))

    def _check_event_order(self) -> None:
        document = self.documents["events"]
        after = {e["id"]: e.get("after") for e in document.data["events"]}
        for index, event in enumerate(document.data["events"]):
            seen, current = set(), event["id"]
            while current in after and after[current]:
                if current in seen:
                    self._problem(document, ("events", index, "after"), "the events' `after` fields go round in a circle")
                    return
                seen.add(current)
                current = after[current]


# ---------------------------------------------------------------------------
# From checked data to the typed record

def _refs(values: list[str]) -> tuple[SourceRef, ...]:
    return tuple(SourceRef(*value.split("#")) for value in values)


def _address_values(item: dict, fields: tuple[str, ...], path: tuple) -> Iterable[tuple[tuple, str]]:
    for field in fields:
        value = item.get(field)
        if isinstance(value, str):
            yield path + (field,), value
        for position, name in enumerate(value if isinstance(value, list) else []):
            yield path + (field, position), name


def _former(item: dict) -> tuple[str, ...]:
    return tuple(item.get("former_ids", ()))


def _to_record(data: dict[str, Any]) -> Record:
    participants_data = data["participants"]
    return Record(
        sources=tuple(_source(s) for s in data["sources"]["sources"]),
        meeting=_meeting(data["meeting"]["meeting"]),
        groups=tuple(Group(**g) for g in participants_data["groups"]),
        participants=tuple(_participant(p) for p in participants_data["participants"]),
        people=tuple(Person(**{**p, "sources": _refs(p["sources"]), "former_ids": _former(p)}) for p in data["people"]["people"]),
        themes=tuple(Theme(id=t["id"], title=t["title"], keywords=tuple(t.get("keywords", ())), sources=_refs(t["sources"]),
                           former_ids=_former(t))
                     for t in data["themes"]["themes"]),
        parties=tuple(Party(**{**p, "sources": _refs(p["sources"])}) for p in data["parties"]["parties"]),
        events=tuple(_event(e) for e in data["events"]["events"]),
        statements=tuple(_statement(s) for s in data["statements"]["statements"]),
        talks=tuple(Talk(**{**t, "sources": _refs(t["sources"]), "former_ids": _former(t)}) for t in data["talks"]["talks"]),
        glossary=tuple(_glossary_entry(g) for g in data["glossary"]["glossary"]),
    )


def _source(s: dict) -> Source:
    return Source(id=s["id"], label=s["label"], title=s["title"], publisher=s["publisher"],
                  date=datetime.date.fromisoformat(s["date"]) if "date" in s else None,
                  language=s["language"], file=s["file"], original=s.get("original"),
                  original_language=s.get("original_language"), description=s["description"],
                  sections=tuple(Section(id=x["id"], heading=x["heading"], printed=x.get("printed", True)) for x in s["sections"]))


def _meeting(m: dict) -> Meeting:
    return Meeting(title=m["title"], days=tuple(Day(datetime.date.fromisoformat(d["date"]), d["weekday"]) for d in m["days"]),
                   venues=tuple(m["venues"]), country=m["country"], scope=m["scope"], reported_by=m["reported_by"],
                   ministry=Ministry(**m["ministry"]), outcome=Outcome(**m["outcome"]), summary=m["summary"],
                   materials_note=m["materials_note"], contact=Contact(**m["contact"]), sources=_refs(m["sources"]))


def _participant(p: dict) -> Participant:
    return Participant(id=p["id"], group=p["group"], short_name=p["short_name"], name=p["name"], full_name=p["full_name"],
                       code=p.get("code"), kind=p["kind"], roles=tuple(p.get("roles", ())), aliases=tuple(p["aliases"]),
                       sources=_refs(p["sources"]), former_ids=_former(p))


def _event(e: dict) -> Event:
    attendees = []
    for a in e.get("attendees", []):
        kind = next(k for k in ("person", "participant", "group", "party") if k in a)
        attendees.append(Attendee(kind=kind, ref=a[kind], role=a.get("as")))
    return Event(id=e["id"], title=e["title"], official=e["official"], kind=e["kind"], after=e.get("after"),
                 themes=tuple(e.get("themes", ())), description=e["description"], attendees=tuple(attendees),
                 sources=_refs(e["sources"]), former_ids=_former(e))


def _glossary_entry(g: dict) -> GlossaryEntry:
    return GlossaryEntry(id=g["id"], term=g["term"], expansion=g["expansion"], explanation=g["explanation"],
                         participant=g.get("participant"), sources=_refs(g.get("sources", [])))


def _statement(s: dict) -> Statement:
    return Statement(id=s["id"], title=s["title"], speaker=s["speaker"], during=s["during"], topics=tuple(s["topics"]),
                     mentions=tuple(s.get("mentions", ())), text=s["text"], sources=_refs(s["sources"]),
                     former_ids=_former(s))
