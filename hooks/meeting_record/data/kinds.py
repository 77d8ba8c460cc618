"""The kinds of item the record holds, one row each: every other module reads this table.

A row says where a kind's items are written (data file and key), which class holds one, where it
lives on the site (its own page, or an anchor on a shared page), which template draws its page,
which of its fields become addresses readers may guess, which name it, how search weighs its page and whether the
open data has a CSV table of it. Adding a kind is one row here, one schema in data/schemas/ and
one template; the loader, the checks, the pages, the navigation, the search terms, the redirects
and the open data follow from the row.

The table is plain data: it names pages and templates as text and imports nothing of the site.
"""

from __future__ import annotations

from dataclasses import dataclass

from meeting_record.data.record import (Disagreement, Event, GlossaryEntry, Group, Item, Meeting, MeetingDay, Participant,
                                        Party, Person, Publication, Source, Statement, Subject, Talk, Theme)


@dataclass(frozen=True)
class Kind:
    name: str                    # how references and messages name one item: "participant"
    cls: type                    # the class that holds one item
    file: str                    # the data file (data/<file>.yml) that lists them ...
    key: str                     # ... under this key, which is also the Record's field
    page: str | None = None      # its own page, "participants/{id}.md" ...
    anchor_on: str | None = None  # ... or an anchor (its id) on this shared page
    index: str | None = None     # the generated page that lists every item of the kind (a navigation section)
    template: str | None = None  # the template of its own page
    addresses: tuple[str, ...] = ()  # fields whose values become addresses of its page
    search_boost: float | None = None  # how search ranks its page: an item's own page outranks the pages that only list it
    grouped_by: str | None = None  # the kind whose items group these in the navigation
    csv: bool = False            # whether the open data has a CSV table of the kind
    one: bool = False            # one item, not a list (the meeting)
    shared_ids: bool = True      # whether its ids are unique across the record (glossary ids are the glossary's own)
    names: tuple[str, ...] = ()  # fields that name it: a page in another language says whose wording each is

    def src_uri(self, item_id: str) -> str:
        """The Markdown file (relative to docs/) on which the item lives."""
        return self.page.format(id=item_id) if self.page else self.anchor_on


# In the order the data files are read and the open data lists them.
KINDS: tuple[Kind, ...] = (
    Kind("source", Source, "sources", "sources", anchor_on="about.md"),
    Kind("meeting", Meeting, "meeting", "meeting", anchor_on="index.md", one=True, shared_ids=False, names=("title",)),
    Kind("group", Group, "participants", "groups", anchor_on="participants/index.md", names=("title",)),
    Kind("participant", Participant, "participants", "participants", page="participants/{id}.md",
         index="participants/index.md", template="participant.md.j2",
         addresses=("name", "full_name", "aliases", "former_ids"), search_boost=4.0, csv=True, grouped_by="group",
         names=("name", "full_name")),
    Kind("person", Person, "people", "people", page="people/{id}.md", index="people/index.md",
         template="person.md.j2", addresses=("family_name", "former_ids"), search_boost=3.0, csv=True, names=("title",)),
    Kind("theme", Theme, "themes", "themes", page="themes/{id}.md", index="themes/index.md",
         template="theme.md.j2", addresses=("former_ids",), search_boost=2.0, csv=True, names=("title",)),
    Kind("party", Party, "parties", "parties", anchor_on="participants/index.md"),
    Kind("event", Event, "events", "events", page="events/{id}.md", index="events/index.md",
         template="event.md.j2", addresses=("former_ids",), search_boost=1.0, csv=True, names=("title",)),
    Kind("statement", Statement, "statements", "statements", anchor_on="statements.md", index="statements.md", csv=True,
         names=("title",)),
    Kind("talk", Talk, "talks", "talks", anchor_on="talks.md", index="talks.md", csv=True),
    Kind("glossary entry", GlossaryEntry, "glossary", "glossary", anchor_on="glossary.md", shared_ids=False),
    Kind("day", MeetingDay, "days", "days", anchor_on="index.md"),
    Kind("subject", Subject, "subjects", "subjects", page="subjects/{id}.md", index="subjects/index.md",
         template="subject.md.j2", search_boost=2.0, csv=True, names=("name",)),
    Kind("disagreement", Disagreement, "disagreements", "disagreements", anchor_on="disagreements.md",
         index="disagreements.md", csv=True),
    Kind("publication", Publication, "publication", "publication", anchor_on="about.md", one=True, shared_ids=False),
)

BY_NAME = {kind.name: kind for kind in KINDS}
BY_CLASS = {kind.cls: kind for kind in KINDS}
# The data files, in the order they are read.
DATA_FILES: tuple[str, ...] = tuple(dict.fromkeys(kind.file for kind in KINDS))


def kind_of(item: Item) -> Kind:
    return BY_CLASS[type(item)]
