"""The checks no schema can express: each rule looks across items or files once the schemas and
the references are satisfied, and returns the problems it finds, at their file, line and field.
A text written in every language is checked in each where the rule is about its wording, and in
English where it is about an address."""

from __future__ import annotations

import datetime
from typing import Callable, Iterable

from meeting_record.data.addresses import slug
from meeting_record.data.kinds import KINDS
from meeting_record.data.languages import ENGLISH, in_language, is_bilingual, primary_language, texts_by_language
from meeting_record.data.problems import Problem
from meeting_record.data.schema_messages import field_label
from meeting_record.data.yaml_source import Document

Documents = dict[str, Document]
# The names of the days of the week, Monday first, as the data writes them in each language.
WEEKDAYS = {"en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
            "ja": ("月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日")}


def _problem(document: Document, path: tuple, message: str) -> Problem:
    return Problem(document.name, document.line_of(path), field_label(document, path), message)


def days_in_order(documents: Documents) -> list[Problem]:
    """Each day's weekday is the date's, and the days are listed in order."""
    document, found, previous = documents["meeting"], [], None
    for index, day in enumerate(document.data["meeting"]["days"]):
        path = ("meeting", "days", index)
        date = datetime.date.fromisoformat(day["date"])
        for language, weekday, where in texts_by_language(day["weekday"]):
            actual = WEEKDAYS[language][date.weekday()]
            if weekday != actual:
                found.append(_problem(document, path + ("weekday", *where), f"{day['date']} was a {actual}, not a {weekday}"))
        if previous and date <= previous:
            found.append(_problem(document, path + ("date",), f"{day['date']} is not after the day before it ({previous.isoformat()}); list the days in order"))
        previous = date
    return found


def days_are_meeting_days(documents: Documents) -> list[Problem]:
    """Each day in days.yml is one of the meeting's days in meeting.yml."""
    document = documents["days"]
    dates = [day["date"] for day in documents["meeting"].data["meeting"]["days"]]
    return [_problem(document, ("days", index, "date"), f"{day['date']} is not one of the meeting's days in meeting.yml ({', '.join(dates)})")
            for index, day in enumerate(document.data["days"]) if day["date"] not in dates]


def one_presidency(documents: Documents) -> list[Problem]:
    participants = documents["participants"]
    presidencies = [p["id"] for p in participants.data["participants"] if "presidency" in p.get("roles", [])]
    if len(presidencies) == 1:
        return []
    return [Problem(participants.name, participants.line_of(("participants",)), "participants[].roles",
                    f"exactly one participant must hold the role 'presidency'; found {len(presidencies)}")]


def talks_between_two(documents: Documents) -> list[Problem]:
    document = documents["talks"]
    return [_problem(document, ("talks", index, "counterpart"), "a talk needs two different people")
            for index, talk in enumerate(document.data["talks"]) if talk["host"] == talk["counterpart"]]


def events_not_circular(documents: Documents) -> list[Problem]:
    document = documents["events"]
    after = {e["id"]: e.get("after") for e in document.data["events"]}
    for index, event in enumerate(document.data["events"]):
        seen, current = set(), event["id"]
        while current in after and after[current]:
            if current in seen:
                return [_problem(document, ("events", index, "after"), "the events' `after` fields go round in a circle")]
            seen.add(current)
            current = after[current]
    return []


def glossary_terms(documents: Documents) -> list[Problem]:
    """Ids and terms are unique within the glossary (its ids are anchors on its own page only);
    a term that names or codes a participant must expand to that participant's full name."""
    document, found = documents["glossary"], []
    participants = {p["id"]: p for p in documents["participants"].data["participants"]}
    seen: dict[tuple[str, str], int] = {}
    for index, entry in enumerate(document.data["glossary"]):
        path = ("glossary", index)
        for key in ("id", "term"):
            if (key, entry[key]) in seen:
                found.append(_problem(document, path + (key,), f"the {key} {entry[key]!r} is already used on line {seen[(key, entry[key])]}; each must be unique in the glossary"))
            seen.setdefault((key, entry[key]), document.line_of(path + (key,)))
        participant = participants.get(entry.get("participant"))
        if participant is None:
            continue
        if entry["term"] not in (in_language(participant["name"]), participant.get("code")):
            found.append(_problem(document, path + ("term",), f"{entry['term']!r} is neither the name nor the code of the participant {participant['id']!r} (see participants.yml)"))
        found += _expands_to_full_name(document, path, entry, participant)
    return found


def _expands_to_full_name(document: Document, path: tuple, entry: dict, participant: dict) -> list[Problem]:
    found = []
    for language, expansion, where in texts_by_language(entry["expansion"]):
        full_name = in_language(participant["full_name"], language)
        if expansion != full_name:
            found.append(_problem(document, path + ("expansion", *where),
                                  f"must be the participant's full name {full_name!r}, as in participants.yml"))
    return found


def addresses_lead_to_one_item(documents: Documents) -> list[Problem]:
    """Names that become addresses of an item's page (see the site's `aliases`) lead to one item only."""
    found = []
    for kind in (k for k in KINDS if k.addresses):
        document = documents[kind.file]
        items = document.data[kind.key]
        owners = {"index": ("the list page", None)}
        owners.update({slug(item["id"]): (item["id"], (kind.key, i, "id")) for i, item in enumerate(items)})
        for index, item in enumerate(items):
            for path, name in address_values(item, kind.addresses, (kind.key, index)):
                owner, first = owners.setdefault(slug(name), (item["id"], path))
                if slug(name) and owner != item["id"]:
                    where = f" (line {document.line_of(first)})" if first else ""
                    found.append(_problem(document, path, f"{name!r} would make /{kind.key}/{slug(name)}/ lead to this item, but it "
                                                          f"leads to {owner}{where}; remove it from one of them"))
    return found


def address_values(item: dict, fields: tuple[str, ...], path: tuple) -> Iterable[tuple[tuple, str]]:
    """The names that become addresses, and where each is written: addresses are made from the English."""
    for field in fields:
        value, where = item.get(field), path + (field,)
        if is_bilingual(value):
            value, where = in_language(value, ENGLISH), where + (ENGLISH,)
        if isinstance(value, str):
            yield where, value
        for position, name in enumerate(value if isinstance(value, list) else []):
            yield where + (position,), name


def wordings_are_shown(documents: Documents) -> list[Problem]:
    """Each wording a source's section lists (a name or title exactly as it writes it) is a text the
    data shows in the source's language: the site cites the section wherever it shows that text."""
    document, found = documents["sources"], []
    shown: dict[str, set[str]] = {}  # every text of the data, by language
    for s, source in enumerate(document.data["sources"]):
        if not any("wordings" in section for section in source["sections"]):
            continue
        language = primary_language(source["language"])
        if language not in shown:
            shown[language] = {text for other in documents.values() for text in _texts_in(other.data, language)}
        for c, section in enumerate(source["sections"]):
            for w, wording in enumerate(section.get("wordings", [])):
                if wording not in shown[language]:
                    found.append(_problem(document, ("sources", s, "sections", c, "wordings", w),
                                          f"{wording!r} is no text of the data in {language!r}: write it exactly as the item that shows it does"))
    return found


def _texts_in(value: object, language: str) -> Iterable[str]:
    """Every text in `value` as shown in `language` (the lists of wordings aside)."""
    if is_bilingual(value):
        yield from _texts_in(value.get(language, ()), language)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != "wordings":
                yield from _texts_in(item, language)
    elif isinstance(value, list):
        for item in value:
            yield from _texts_in(item, language)
    elif isinstance(value, str):
        yield value


RULES: tuple[Callable[[Documents], list[Problem]], ...] = (
    days_in_order, days_are_meeting_days, one_presidency, talks_between_two, events_not_circular, glossary_terms,
    addresses_lead_to_one_item, wordings_are_shown)
