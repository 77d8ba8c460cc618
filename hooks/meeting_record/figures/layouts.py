"""What goes where in the figures, worked out from the record: which items share a panel, what
follows what, which rows the talks take. Sizes and text are left to the browser: the figures are
HTML laid out by CSS (docs/assets/figures.css), so they wrap in any font and language, and SVG
draws only the lines between boxes.
"""

from __future__ import annotations

from dataclasses import dataclass

from meeting_record.data.record import Event, Participant, Person, Record, Talk


# ---------------------------------------------------------------------------
# How the meeting unfolded: the events as a tree of "came after"

@dataclass(frozen=True)
class Step:
    """An event, and the events the source says came after it."""

    event: Event
    then: tuple[Step, ...]


def event_steps(record: Record) -> tuple[Step, ...]:
    """The events with no stated predecessor, each with what followed it. Nothing else is read
    into the order: events side by side have no order between them."""

    def step(event: Event) -> Step:
        return Step(event, tuple(step(e) for e in record.events if e.after == event.id))

    return tuple(step(event) for event in record.events if event.after is None)


# ---------------------------------------------------------------------------
# Who met whom: one row per talk, each host's box spanning the rows of its talks

@dataclass(frozen=True)
class HostBox:
    person: Person
    participant: Participant
    first_row: int     # counted from 0
    rows: int


@dataclass(frozen=True)
class TalkRow:
    talk: Talk
    counterpart: Person
    participant: Participant
    host_row_middle: float   # where the host's box is centred, in rows from the top
    row_middle: float        # where this row is centred


@dataclass(frozen=True)
class TalksLayout:
    hosts: tuple[HostBox, ...]
    rows: tuple[TalkRow, ...]


def talks_layout(record: Record) -> TalksLayout:
    talks = sorted(record.talks, key=lambda talk: [t.host for t in record.talks].index(talk.host))
    hosts, rows = [], []
    for host_id in dict.fromkeys(talk.host for talk in talks):
        first = len(rows)
        theirs = [talk for talk in talks if talk.host == host_id]
        host = record.get(host_id)
        hosts.append(HostBox(host, record.participant_of(host), first, len(theirs)))
        for talk in theirs:
            counterpart = record.get(talk.counterpart)
            rows.append(TalkRow(talk, counterpart, record.participant_of(counterpart), first + len(theirs) / 2,
                                len(rows) + 0.5))
    return TalksLayout(tuple(hosts), tuple(rows))
