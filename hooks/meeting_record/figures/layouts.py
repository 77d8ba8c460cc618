"""Where everything in the figures goes: boxes, lines of text and connectors computed from the
record, in SVG user units. The templates in `templates/figures/` draw them; nothing here is
shown as text except what the data says.

Every figure is 440 units wide, narrow enough that its text stays legible when the drawing is
scaled down to a phone's width.
"""

from __future__ import annotations

from dataclasses import dataclass

from meeting_record.data.record import Event, Group, Item, Participant, Person, Record, Talk
from meeting_record.figures.svg_text import wrap

WIDTH = 440
PAD = 12     # around the whole figure
INSET = 10   # inside a panel
GAP = 8      # between boxes
TEXT = 14    # font sizes
SMALL = 12
NOTE = 11


# ---------------------------------------------------------------------------
# Shapes

@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def cy(self) -> float:
        return self.y + self.height / 2


@dataclass(frozen=True)
class Text:
    """Lines of text; (x, y) is the first line's baseline, `anchor` is SVG's text-anchor."""

    x: float
    y: float
    lines: tuple[str, ...]
    size: float
    anchor: str = "start"

    @property
    def step(self) -> float:
        return line_step(self.size)

    @property
    def height(self) -> float:
        return len(self.lines) * self.step


@dataclass(frozen=True)
class Node:
    """A shape that stands for one item and links to it."""

    item: Item
    box: Box
    text: Text
    note: Text | None = None    # a smaller second text: an office, a participant
    marked: bool = False        # e.g. the presidency
    number: int | None = None   # its position in the source's list, where the figure shows it


@dataclass(frozen=True)
class Panel:
    """A labelled group of nodes: the panel itself stands for `item` (None: for nothing)."""

    item: Item | None
    box: Box
    heading: Text
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Connector:
    """A line between two shapes; `item` is what it stands for, if anything (a talk)."""

    path: str
    item: Item | None = None
    head: str | None = None     # the arrowhead polygon's points
    label_at: tuple[float, float] | None = None


def line_step(size: float) -> float:
    return round(size * 1.3, 1)


def _first_baseline(top: float, size: float) -> float:
    return round(top + size * 0.95, 1)


def _centred_text(box: Box, lines: tuple[str, ...], size: float) -> Text:
    block = len(lines) * line_step(size)
    top = box.cy - block / 2 + (line_step(size) - size) / 2
    return Text(box.cx, _first_baseline(top, size), lines, size, "middle")


# ---------------------------------------------------------------------------
# Who took part: the groups as panels of participant chips

CHIP_HEIGHT = 42
COLUMNS = 3


@dataclass(frozen=True)
class ParticipantsLayout:
    width: float
    height: float
    panels: tuple[Panel, ...]


def participants_layout(record: Record) -> ParticipantsLayout:
    y, panels = PAD, []
    for group in record.groups:
        panel = _group_panel(record, group, y)
        panels.append(panel)
        y = panel.box.bottom + GAP * 2
    return ParticipantsLayout(WIDTH, y - GAP * 2 + PAD, tuple(panels))


def _group_panel(record: Record, group: Group, top: float) -> Panel:
    inner = WIDTH - 2 * PAD - 2 * INSET
    heading = Text(PAD + INSET, _first_baseline(top + INSET, TEXT), wrap(group.title, TEXT, inner, bold=True), TEXT)
    chip_width = (inner - (COLUMNS - 1) * GAP) / COLUMNS
    chips_top = top + INSET + heading.height + GAP
    chips = []
    for index, participant in enumerate(record.members_of(group)):
        row, column = divmod(index, COLUMNS)
        box = Box(round(PAD + INSET + column * (chip_width + GAP), 1), chips_top + row * (CHIP_HEIGHT + GAP),
                  round(chip_width, 1), CHIP_HEIGHT)
        chips.append(_participant_chip(participant, box))
    rows = -(-len(chips) // COLUMNS)
    height = INSET + heading.height + GAP + rows * (CHIP_HEIGHT + GAP) - GAP + INSET
    return Panel(group, Box(PAD, top, WIDTH - 2 * PAD, height), heading, tuple(chips))


def _participant_chip(participant: Participant, box: Box) -> Node:
    marked = "presidency" in participant.roles
    lines = wrap(participant.name, TEXT, box.width - 8, bold=marked)
    if not marked:
        return Node(participant, box, _centred_text(box, lines, TEXT))
    # the name above, and room for the template's one-line note on the role below it
    name = Text(box.cx, round(box.y + 18, 1), lines[:1], TEXT, "middle")
    note = Text(box.cx, round(box.y + 34, 1), (), NOTE, "middle")
    return Node(participant, box, name, note=note, marked=True)


# ---------------------------------------------------------------------------
# How the meeting unfolded: the events in the order the data states, the talks beside them

ROW_GAP = 36      # room for an arrow between rows


@dataclass(frozen=True)
class TimelineLayout:
    width: float
    height: float
    frame: Box                      # the meeting
    heading: Text                   # one line for the template: dates and places
    unordered_notes: tuple[Text, ...]  # one line each, above a row whose events have no stated order
    events: tuple[Node, ...]
    themes: tuple[Node, ...]
    arrows: tuple[Connector, ...]
    talks_panel: Panel | None


def timeline_layout(record: Record) -> TimelineLayout:
    left, right = PAD + INSET, WIDTH - PAD - INSET
    heading = Text(left, _first_baseline(PAD + INSET, TEXT), ("",), TEXT)
    y = PAD + INSET + heading.height + GAP
    notes, events, themes = [], {}, []
    for row in _rows_by_order(record):
        if len(row) > 1:
            notes.append(Text(left, _first_baseline(y, NOTE), ("",), NOTE))
            y += line_step(NOTE) + 4
        placed, theme_nodes = _event_row(record, row, left, right, y)
        events.update(placed)
        themes.extend(theme_nodes)
        y = max(node.box.bottom for node in placed.values()) + ROW_GAP
    y -= ROW_GAP - GAP * 2
    talks_panel = _talks_panel(record, left, right, y) if record.talks else None
    if talks_panel:
        y = talks_panel.box.bottom + GAP * 2
    frame = Box(PAD, PAD, WIDTH - 2 * PAD, y - GAP * 2 + INSET - PAD)
    ordered = tuple(events[event.id] for event in record.events)
    arrows = tuple(_arrow(events[e.after].box, events[e.id].box) for e in record.events if e.after)
    return TimelineLayout(WIDTH, frame.bottom + PAD, frame, heading, tuple(notes), ordered, tuple(themes), arrows,
                          talks_panel)


def _rows_by_order(record: Record) -> list[list[Event]]:
    """Events with no stated predecessor share the first row; each `after` puts an event one row
    below the event it followed. Nothing else is read into the order."""
    depth: dict[str, int] = {}

    def depth_of(event: Event) -> int:
        if event.id not in depth:
            depth[event.id] = 0 if event.after is None else depth_of(record.get(event.after)) + 1
        return depth[event.id]

    rows: dict[int, list[Event]] = {}
    for event in record.events:
        rows.setdefault(depth_of(event), []).append(event)
    return [rows[level] for level in sorted(rows)]


def _event_row(record: Record, row: list[Event], left: float, right: float, top: float) -> tuple[dict[str, Node], list[Node]]:
    """Side by side, an event with themes taking twice the room of one without."""
    weights = [2 if event.themes else 1 for event in row]
    unit = (right - left - GAP * (len(row) - 1)) / sum(weights)
    x, contents = left, []
    for event, weight in zip(row, weights):
        width = round(unit * weight, 1)
        title = wrap(event.title, SMALL + 1, width - 2 * INSET, bold=True)
        theme_top = top + INSET + len(title) * line_step(SMALL + 1) + GAP / 2
        theme_nodes = _theme_chips(record, event, x + INSET / 2, width - INSET, theme_top)
        bottom = theme_nodes[-1].box.bottom + INSET / 2 if theme_nodes else theme_top - GAP / 2 + INSET
        contents.append((event, x, width, title, theme_nodes, bottom - top))
        x += width + GAP
    height = max(content[-1] for content in contents)
    placed, themes = {}, []
    for event, x, width, title, theme_nodes, _ in contents:
        box = Box(round(x, 1), top, width, height)
        text = Text(box.x + INSET, _first_baseline(top + INSET, SMALL + 1), title, SMALL + 1)
        placed[event.id] = Node(event, box, text)
        themes.extend(theme_nodes)
    return placed, themes


NUMBER_ROOM = 20


def _theme_chips(record: Record, event: Event, x: float, width: float, top: float) -> list[Node]:
    nodes, y = [], top
    for theme_id in event.themes:
        theme = record.get(theme_id)
        lines = wrap(theme.title, SMALL, width - NUMBER_ROOM - 8)
        height = len(lines) * line_step(SMALL) + 8
        box = Box(round(x, 1), round(y, 1), round(width, 1), round(height, 1))
        text = Text(round(x + NUMBER_ROOM, 1), _first_baseline(y + 4 + (line_step(SMALL) - SMALL) / 2, SMALL), lines, SMALL)
        nodes.append(Node(theme, box, text, number=record.themes.index(theme) + 1))
        y += height + 4
    return nodes


def _arrow(start: Box, end: Box) -> Connector:
    """Straight down from the middle of `start` where `end` lies below it, else with a bend."""
    x0, y0, y1 = start.cx, start.bottom, end.y
    x1 = x0 if end.x + 10 <= x0 <= end.right - 10 else end.cx
    middle = round((y0 + y1) / 2, 1)
    path = f"M{x0} {y0} V{y1 - 6}" if x0 == x1 else f"M{x0} {y0} V{middle} H{x1} V{y1 - 6}"
    head = f"{x1 - 5},{y1 - 7} {x1 + 5},{y1 - 7} {x1},{y1}"
    return Connector(path, head=head, label_at=(round(x1 + 8, 1), round(middle + 4, 1)))


def _talks_panel(record: Record, left: float, right: float, top: float) -> Panel:
    """The talks as chips in two columns, in the source's order: the source gives them no time."""
    heading = Text(left + INSET, _first_baseline(top + INSET, SMALL + 1), ("", ""), SMALL + 1)
    inner_left, inner = left + INSET, right - left - 2 * INSET
    chip_width = (inner - GAP) / 2
    chips_top = top + INSET + heading.height + GAP / 2
    rows: dict[int, list[tuple[Talk, tuple[str, ...]]]] = {}
    for index, talk in enumerate(record.talks):
        person = record.get(talk.counterpart)
        rows.setdefault(index // 2, []).append((talk, wrap(person.name, SMALL + 1, chip_width - 12, bold=True)))
    nodes, y = [], chips_top
    for row in rows.values():
        height = max(len(lines) for _, lines in row) * line_step(SMALL + 1) + line_step(NOTE) + 10
        for column, (talk, lines) in enumerate(row):
            box = Box(round(inner_left + column * (chip_width + GAP), 1), round(y, 1), round(chip_width, 1), round(height, 1))
            name = Text(box.x + 6, _first_baseline(y + 5, SMALL + 1), lines, SMALL + 1)
            partner = record.partner_of(talk)
            note = Text(box.x + 6, _first_baseline(y + 5 + name.height, NOTE), (partner.name,), NOTE)
            nodes.append(Node(talk, box, name, note=note))
        y += height + GAP / 2
    box = Box(left, top, right - left, y - GAP / 2 + INSET - top)
    return Panel(None, box, heading, tuple(nodes))


# ---------------------------------------------------------------------------
# Japan's bilateral talks: who met whom

HOST_WIDTH = 136
PARTNER_WIDTH = 196


@dataclass(frozen=True)
class TalksLayout:
    width: float
    height: float
    hosts: tuple[Panel, ...]       # a host's participant, around the host
    partners: tuple[Panel, ...]    # each counterpart's participant, around its people
    talks: tuple[Connector, ...]


def talks_layout(record: Record) -> TalksLayout:
    x = WIDTH - PAD - PARTNER_WIDTH
    y, partners, boxes = PAD, [], {}
    for participant, people in _counterparts_by_participant(record):
        panel = _person_panel(participant, people, x, PARTNER_WIDTH, y)
        partners.append(panel)
        boxes.update({node.item.id: node.box for node in panel.nodes})
        y = panel.box.bottom + GAP * 2
    right_height = y - GAP * 2 - PAD
    hosts = [_person_panel(participant, people, PAD, HOST_WIDTH, 0)
             for participant, people in _hosts_by_participant(record)]
    host_height = sum(panel.box.height for panel in hosts) + GAP * 2 * (len(hosts) - 1)
    top = PAD + max(0.0, (right_height - host_height) / 2)
    hosts = [_moved(panel, top + sum(p.box.height + GAP * 2 for p in hosts[:i])) for i, panel in enumerate(hosts)]
    boxes.update({node.item.id: node.box for panel in hosts for node in panel.nodes})
    talks = tuple(_talk_connector(talk, boxes[talk.host], boxes[talk.counterpart]) for talk in record.talks)
    height = max(right_height, host_height) + 2 * PAD
    return TalksLayout(WIDTH, round(height, 1), tuple(hosts), tuple(partners), talks)


def _counterparts_by_participant(record: Record) -> list[tuple[Participant, list[Person]]]:
    return _by_participant(record, [record.get(talk.counterpart) for talk in record.talks])


def _hosts_by_participant(record: Record) -> list[tuple[Participant, list[Person]]]:
    return _by_participant(record, [record.get(talk.host) for talk in record.talks])


def _by_participant(record: Record, people: list[Person]) -> list[tuple[Participant, list[Person]]]:
    grouped: dict[str, list[Person]] = {}
    for person in dict.fromkeys(people):
        grouped.setdefault(person.participant, []).append(person)
    return [(record.get(participant_id), members) for participant_id, members in grouped.items()]


def _person_panel(participant: Participant, people: list[Person], x: float, width: float, top: float) -> Panel:
    heading = Text(x + INSET, _first_baseline(top + INSET - 2, SMALL + 1), (participant.name,), SMALL + 1)
    y, nodes = top + INSET - 2 + heading.height + 2, []
    for person in people:
        name = wrap(person.name, SMALL + 1, width - 2 * INSET - 12, bold=True)
        office = wrap(person.title, NOTE, width - 2 * INSET - 12)
        height = len(name) * line_step(SMALL + 1) + len(office) * line_step(NOTE) + 10
        box = Box(x + INSET / 2, round(y, 1), width - INSET, round(height, 1))
        text = Text(box.x + 6, _first_baseline(y + 4, SMALL + 1), name, SMALL + 1)
        note = Text(box.x + 6, _first_baseline(y + 4 + text.height, NOTE), office, NOTE)
        nodes.append(Node(person, box, text, note=note))
        y += height + GAP / 2
    return Panel(participant, Box(x, top, width, round(y - GAP / 2 + INSET / 2 - top, 1)), heading, tuple(nodes))


def _moved(panel: Panel, top: float) -> Panel:
    """`panel` shifted down so that its top is at `top`."""
    dy = top - panel.box.y

    def shift_text(text: Text | None) -> Text | None:
        return None if text is None else Text(text.x, round(text.y + dy, 1), text.lines, text.size, text.anchor)

    def shift_box(box: Box) -> Box:
        return Box(box.x, round(box.y + dy, 1), box.width, box.height)

    nodes = tuple(Node(n.item, shift_box(n.box), shift_text(n.text), shift_text(n.note), n.marked, n.number)
                  for n in panel.nodes)
    return Panel(panel.item, shift_box(panel.box), shift_text(panel.heading), nodes)


def _talk_connector(talk: Talk, host: Box, counterpart: Box) -> Connector:
    x0, y0, x1, y1 = host.right, host.cy, counterpart.x, counterpart.cy
    bend = round((x1 - x0) / 2, 1)
    return Connector(f"M{x0} {y0} C{x0 + bend} {y0} {x1 - bend} {y1} {x1} {y1}", item=talk)
