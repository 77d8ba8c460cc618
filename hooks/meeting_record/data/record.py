"""The meeting's record in memory: typed, validated, read-only, with the relations between items.

Items refer to each other by id, as in the data files; `Record` answers the questions pages ask
("who belongs to this participant?", "what was said under this theme?") from indexes it builds
once, so the cost of a page does not grow with the size of the record.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class SourceRef:
    """A section of a source, written `document#section` in the data."""

    document: str
    section: str

    @classmethod
    def from_data(cls, value: str) -> SourceRef:
        document, section = value.split("#")
        return cls(document, section)


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    printed: bool = True  # whether the section has a heading of its own in the source
    wordings: tuple[str, ...] = ()  # names and titles exactly as this part writes them


@dataclass(frozen=True)
class Fact:
    """A fact in the site's words, from official sources: the site states it as fact."""

    text: str
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class Reported:
    """What press or personal sources report: the site shows it only as reported by them."""

    by: tuple[SourceRef, ...]
    text: str


@dataclass(frozen=True)
class Wording:
    """A name or title exactly as official sources write it."""

    text: str
    sources: tuple[SourceRef, ...]
    note: str | None = None


@dataclass(frozen=True)
class Named:
    """An item as a source lists it: its id, and the words the source uses for it."""

    participant: str
    as_written: str
    note: str | None = None


@dataclass(frozen=True)
class Chair:
    person: str
    role: str
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class FollowUp:
    """What an official follow-up records became of something, and when."""

    date: datetime.date | None
    text: str
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class Source:
    id: str
    kind: str  # official: its facts may be shown as fact; press, personal: only as reported by it
    label: str
    title: str | None
    publisher: str
    date: datetime.date | None
    updated: datetime.date | None
    language: str
    address: str | None
    file: str | None
    original: str | None
    original_language: str | None
    description: str | None
    sections: tuple[Section, ...]
    takes: tuple[str, ...]

    OFFICIAL = "official"

    @property
    def official(self) -> bool:
        return self.kind == self.OFFICIAL

    def section(self, section_id: str) -> Section:
        return next(section for section in self.sections if section.id == section_id)


@dataclass(frozen=True)
class Day:
    date: datetime.date
    weekday: str


@dataclass(frozen=True)
class Ministry:
    name: str
    abbreviation: str


@dataclass(frozen=True)
class Outcome:
    document: str
    title: str
    adopted_after: str
    event: str


@dataclass(frozen=True)
class Declaration:
    """The declaration's own account of the meeting (its opening paragraphs) and its names."""

    id = "declaration"  # not a field: one of a kind, within the meeting
    names: tuple[Wording, ...]
    co_chairs: tuple[Chair, ...]
    purpose: Fact
    invited: tuple[Named, ...]
    knowledge_partners: tuple[Named, ...]
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class Contact:
    division: str
    bureau: str
    ministry: str
    telephone: str
    fax: str
    inquiry_form: str


@dataclass(frozen=True)
class Meeting:
    id = "meeting"  # not a field: the meeting is one of a kind, anchored on the home page
    title: str
    days: tuple[Day, ...]
    venues: tuple[str, ...]
    country: str
    scope: str
    reported_by: str
    ministry: Ministry
    outcome: Outcome
    summary: str
    materials_note: str
    contact: Contact
    sources: tuple[SourceRef, ...]
    declaration: Declaration | None = None  # the declaration's own account, where one is on file


@dataclass(frozen=True)
class Group:
    id: str
    title: str
    kind_note: str


@dataclass(frozen=True)
class Participant:
    id: str
    group: str
    short_name: str
    name: str
    full_name: str
    code: str | None
    kind: str
    roles: tuple[str, ...]
    aliases: tuple[str, ...]
    sources: tuple[SourceRef, ...]
    former_ids: tuple[str, ...] = ()  # earlier ids, kept as anchors and redirects


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    family_name: str
    title: str
    participant: str
    sources: tuple[SourceRef, ...]
    ministry: str | None = None             # the ministry the person attended from, where a source says
    attended: tuple[str, ...] = ()          # ids of the days the sources say the person attended
    titles: tuple[Wording, ...] = ()        # the person's titles as other sources write them
    roles: tuple[Fact, ...] = ()            # what the person did at the meeting, from other sources
    former_ids: tuple[str, ...] = ()  # earlier ids, kept as anchors and redirects
    original_name: str | None = None        # the name in its own script, where `name` is a transliteration


@dataclass(frozen=True)
class Theme:
    id: str
    title: str
    keywords: tuple[str, ...]
    sources: tuple[SourceRef, ...]
    former_ids: tuple[str, ...] = ()  # earlier ids, kept as anchors and redirects


@dataclass(frozen=True)
class Party:
    id: str
    name: str
    description: str
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class Attendee:
    """Who attended an event: `kind` is person, participant, group or party; `ref` its id."""

    kind: str
    ref: str
    role: str | None = None

    NAMED_BY = ("person", "participant", "group", "party")  # the key that names the attendee

    @classmethod
    def from_data(cls, value: dict) -> Attendee:
        """From `{person: id, as: role}`: the key that names the attendee says its kind."""
        kind = next(k for k in cls.NAMED_BY if k in value)
        return cls(kind=kind, ref=value[kind], role=value.get("as"))


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    official: bool
    kind: str
    after: str | None
    themes: tuple[str, ...]
    description: str
    attendees: tuple[Attendee, ...]
    sources: tuple[SourceRef, ...]
    former_ids: tuple[str, ...] = ()  # earlier ids, kept as anchors and redirects
    names: tuple[Wording, ...] = ()   # its name as other official sources write it
    facts: tuple[Fact, ...] = ()      # what other official sources add
    reported: tuple[Reported, ...] = ()


@dataclass(frozen=True)
class Statement:
    id: str
    title: str
    speaker: str
    during: str
    topics: tuple[str, ...]
    mentions: tuple[str, ...]
    text: str
    sources: tuple[SourceRef, ...]
    former_ids: tuple[str, ...] = ()  # earlier ids, kept as anchors and redirects


@dataclass(frozen=True)
class Talk:
    id: str
    host: str
    counterpart: str
    sources: tuple[SourceRef, ...]
    former_ids: tuple[str, ...] = ()  # earlier ids, kept as anchors and redirects


@dataclass(frozen=True)
class GlossaryEntry:
    """An abbreviation or term the site uses; its ids are the glossary page's anchors only."""

    id: str
    term: str
    expansion: str
    explanation: str
    participant: str | None
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class Licence:
    id: str       # SPDX identifier
    name: str
    url: str
    file: str     # its text in the repository


@dataclass(frozen=True)
class Licences:
    text_and_data: Licence
    code: Licence


@dataclass(frozen=True)
class Publication:
    """The record as a publication, for citations and the footer: about the site, not the meeting."""

    id = "publication"  # not a field: one of a kind, anchored on the sources page
    name: str
    publisher: str
    notice: str
    licences: Licences


@dataclass(frozen=True)
class MeetingDay:
    """One day of the meeting, from the official accounts of it."""

    id: str
    date: datetime.date
    city: str
    called: tuple[Wording, ...]      # what official sources call the day's meeting
    themes: tuple[str, ...]
    chairs: tuple[Chair, ...]
    venues: tuple[Wording, ...]      # the buildings official sources name
    events: tuple[str, ...]
    talks: tuple[str, ...]
    statements: tuple[str, ...]
    facts: tuple[Fact, ...]
    reported: tuple[Reported, ...]
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class Subject:
    """An initiative, body, process or output the meeting concerned, from every source on it."""

    id: str
    name: str
    kind: str
    names: tuple[Wording, ...]       # its names as official sources write them
    search_names: tuple[str, ...]    # everyday forms a reader may type; no source is claimed for them
    summary: str                     # one line, in the site's words, on what it is
    accounts: tuple[Fact, ...]       # what official sources say about it
    related: tuple[Fact, ...]        # official facts about something near it, not about it
    reported: tuple[Reported, ...]
    became: tuple[FollowUp, ...]
    concerns: tuple[str, ...]        # ids of the themes, events, statements and parties that concern it


@dataclass(frozen=True)
class Version:
    """One source's version of a disputed fact: official `sources`, or press `by`."""

    says: str
    sources: tuple[SourceRef, ...]
    by: tuple[SourceRef, ...]
    note: str | None = None


@dataclass(frozen=True)
class Disagreement:
    id: str
    topic: str
    concerns: tuple[str, ...]
    versions: tuple[Version, ...]
    note: str | None
    shown: str                        # what the site shows, and whether it follows any version


Item = (Participant | Person | Theme | Party | Event | Statement | Talk | Group | Source | GlossaryEntry | MeetingDay
        | Subject | Disagreement)


@dataclass(frozen=True)
class Record:
    """Everything the site shows, in the source's order."""

    sources: tuple[Source, ...]
    meeting: Meeting
    groups: tuple[Group, ...]
    participants: tuple[Participant, ...]
    people: tuple[Person, ...]
    themes: tuple[Theme, ...]
    parties: tuple[Party, ...]
    events: tuple[Event, ...]
    statements: tuple[Statement, ...]
    talks: tuple[Talk, ...]
    glossary: tuple[GlossaryEntry, ...]
    publication: Publication
    days: tuple[MeetingDay, ...]
    subjects: tuple[Subject, ...]
    disagreements: tuple[Disagreement, ...]

    # -- look-ups --------------------------------------------------------------

    @cached_property
    def by_id(self) -> dict[str, Item]:
        items: list[Item] = [*self.sources, *self.groups, *self.participants, *self.people, *self.themes,
                             *self.parties, *self.events, *self.statements, *self.talks, *self.days,
                             *self.subjects, *self.disagreements]
        return {item.id: item for item in items}

    def get(self, item_id: str) -> Item:
        return self.by_id[item_id]

    def name_of(self, item: Item) -> str:
        """What a link to `item` shows."""
        if isinstance(item, Talk):
            return f"{self.get(item.host).name} and {self.get(item.counterpart).name}"
        if isinstance(item, Source):
            return item.label
        if isinstance(item, GlossaryEntry):
            return item.term
        if isinstance(item, MeetingDay):
            return f"{item.date.day} {item.date:%B %Y}, {item.city}"
        if isinstance(item, Disagreement):
            return item.topic
        return item.name if hasattr(item, "name") else item.title

    @cached_property
    def _wordings(self) -> dict[str, SourceRef]:
        return {text: SourceRef(source.id, section.id)
                for source in self.sources for section in source.sections for text in section.wordings}

    def official_wording(self, text: str) -> SourceRef | None:
        """The section of a source that writes `text` exactly so, if one lists it among its wordings."""
        return self._wordings.get(text)

    @cached_property
    def presidency(self) -> Participant:
        return next(p for p in self.participants if "presidency" in p.roles)

    @cached_property
    def reporter(self) -> Person:
        return self.get(self.meeting.reported_by)

    def members_of(self, group: Group) -> list[Participant]:
        return self._index("group", self.participants)[group.id]

    def people_of(self, participant: Participant) -> list[Person]:
        return self._index("participant", self.people)[participant.id]

    def participant_of(self, person: Person) -> Participant:
        return self.get(person.participant)

    def statements_by(self, speaker_id: str) -> list[Statement]:
        return self._index("speaker", self.statements)[speaker_id]

    def statements_during(self, theme_or_event_id: str) -> list[Statement]:
        return self._index("during", self.statements)[theme_or_event_id]

    def statements_mentioning(self, participant: Participant) -> list[Statement]:
        return self._multi_index("mentions", self.statements)[participant.id]

    def talks_of(self, person: Person) -> list[Talk]:
        host = self._index("host", self.talks)[person.id]
        counterpart = self._index("counterpart", self.talks)[person.id]
        return host + counterpart

    def talks_with(self, participant: Participant) -> list[Talk]:
        return self._talks_by_partner[participant.id]

    def partner_of(self, talk: Talk) -> Participant:
        return self.participant_of(self.get(talk.counterpart))

    def events_attended_by(self, item_id: str) -> list[Event]:
        return self._attendance[item_id]

    def events_discussing(self, theme: Theme) -> list[Event]:
        return self._multi_index("themes", self.events)[theme.id]

    def citing(self, document: str, section: str) -> list[Item]:
        """The items that cite a section of a source."""
        return self._citations[(document, section)]

    def subjects_concerning(self, item_id: str) -> list[Subject]:
        """The subjects that an item concerns (derived from each subject's `concerns`)."""
        return self._multi_index("concerns", self.subjects)[item_id]

    def disagreements_about(self, item_id: str) -> list[Disagreement]:
        return self._multi_index("concerns", self.disagreements)[item_id]

    def day_of(self, item_id: str) -> list[MeetingDay]:
        """The days on which the sources place an event, talk or statement."""
        return [day for day in self.days if item_id in (*day.events, *day.talks, *day.statements)]

    def attending_on(self, day: MeetingDay) -> list[Person]:
        return [person for person in self.people if day.id in person.attended]

    def outcome_event(self) -> Event:
        return self.get(self.meeting.outcome.event)

    # -- indexes, built once -----------------------------------------------------

    @cached_property
    def _indexes(self) -> dict[tuple[str, int], defaultdict]:
        return {}

    def _index(self, attribute: str, items: tuple) -> defaultdict:
        key = (attribute, id(items))
        if key not in self._indexes:
            index: defaultdict = defaultdict(list)
            for item in items:
                index[getattr(item, attribute)].append(item)
            self._indexes[key] = index
        return self._indexes[key]

    def _multi_index(self, attribute: str, items: tuple) -> defaultdict:
        key = ("*" + attribute, id(items))
        if key not in self._indexes:
            index: defaultdict = defaultdict(list)
            for item in items:
                for value in getattr(item, attribute):
                    index[value].append(item)
            self._indexes[key] = index
        return self._indexes[key]

    @cached_property
    def _citations(self) -> defaultdict:
        index: defaultdict = defaultdict(list)
        for item in [self.meeting, *self.by_id.values(), *self.glossary]:
            if isinstance(item, Source):
                continue
            for ref in dict.fromkeys(source_refs(item)):
                index[(ref.document, ref.section)].append(item)
        return index

    @cached_property
    def _talks_by_partner(self) -> defaultdict:
        index: defaultdict = defaultdict(list)
        for talk in self.talks:
            index[self.partner_of(talk).id].append(talk)
        return index

    @cached_property
    def _attendance(self) -> defaultdict:
        """Events by attendee id; a person's participant and a participant's group attend too."""
        index: defaultdict = defaultdict(list)
        for event in self.events:
            attending: list[str] = []
            for attendee in event.attendees:
                attending.append(attendee.ref)
                if attendee.kind == "person":
                    attending.append(self.get(attendee.ref).participant)
                if attendee.kind == "group":
                    attending.extend(p.id for p in self.participants if p.group == attendee.ref)
            for item_id in dict.fromkeys(attending):
                index[item_id].append(event)
        return index


def source_refs(value) -> list[SourceRef]:
    """Every source section that a value cites, in its fields and theirs, as fact or as reported."""
    if isinstance(value, SourceRef) or type(value).__name__ == "SourceRef":  # also from an earlier import
        return [value]
    if isinstance(value, tuple):
        return [ref for each in value for ref in source_refs(each)]
    if hasattr(value, "__dataclass_fields__"):
        return [ref for name in value.__dataclass_fields__ for ref in source_refs(getattr(value, name))]
    return []
