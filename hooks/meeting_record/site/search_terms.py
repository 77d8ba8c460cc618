"""What the site's search and tags know about each generated page beyond its text.

Material's search (lunr) ranks a word found in a page's tags far above one in its headings, and a
heading far above running text; and it matches the beginnings of words, so "UK" also finds
"Ukraine". Each item page therefore carries, in its meta:

- `shown_tags`: the tags readers browse by, shown on the page and on the tags page: a participant
  on its own page, its people's and the events it attended; a theme on its page and its events;
- `tags`: those, and the names a reader may type for the page's item, which only the search
  reads: a participant's full and short names, code and aliases, a person's name, a theme's
  keywords, an event's title, and the topics of what was said under a theme or at an event;
- a subject's page: its name as a tag, and every name official sources give it and every everyday
  form a reader may type (HAIP, AISI) as names;
- `search.boost`: how strongly the page ranks, by kind of item, so that an item's own page comes
  before the pages that merely mention it, and a shorter name (UK) before a longer name that
  begins like it (Ukraine).

The search terms among the tags are never shown as names: pages show `shown_tags` only, and the
site's search worker (search_worker.js) leaves the others out of the results.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass

from meeting_record.data.kinds import BY_CLASS
from meeting_record.site.locations import src_uri
from meeting_record.data.record import Event, Participant, Person, Record, Subject, Theme

# How strongly each kind of page ranks is the table of kinds' `search_boost`.
# The weight of a participant whose name begins with another's name or alias (Ukraine: UK).
LONGER_NAME = 2 / 3
# The meta key that the tags plugin reads (`tags_name_property` in mkdocs.yml).
SHOWN_TAGS = "shown_tags"
# A subject's official names longer than this are whole titles, which readers do not type.
TYPED_NAME = 80
WORD = re.compile(r"[^\W_]+(?:[.'][^\W_]+)*\.?")


@dataclass(frozen=True)
class PageTerms:
    tags: tuple[str, ...]   # shown on the page and listed on the tags page
    names: tuple[str, ...]  # searched like tags, not shown as tags
    boost: float


def search_meta(record: Record) -> dict[str, dict]:
    """The meta of each generated item page, by its path under docs/: `tags`, which Material's
    search reads, holds every name; `shown_tags`, which the tags plugin reads, the tags to show."""
    return {uri: {"tags": [tag_text(tag) for tag in dict.fromkeys(terms.tags + terms.names)],
                  SHOWN_TAGS: [tag_text(tag) for tag in terms.tags],
                  "search": {"boost": terms.boost}}
            for uri, terms in page_terms(record).items()}


def tag_text(name: str) -> str:
    """A name as a tag. Material writes tag names into pages, the tags page and search results as
    HTML without escaping them, so the name is escaped here; the reader still sees the name."""
    return html.escape(name, quote=True)


def page_terms(record: Record) -> dict[str, PageTerms]:
    terms = _participant_terms(record)
    for person in record.people:
        country = record.participant_of(person).name
        terms[src_uri(person)] = PageTerms((country,), (person.name,), BY_CLASS[Person].search_boost)
    for theme in record.themes:
        names = theme.keywords + _topics(record, theme.id)
        terms[src_uri(theme)] = PageTerms((theme.title,), names, BY_CLASS[Theme].search_boost)
    for event in record.events:
        tags = tuple(record.get(t).title for t in event.themes) + _attending(record, event)
        names = (event.title,) + _topics(record, event.id)
        terms[src_uri(event)] = PageTerms(tags, names, BY_CLASS[Event].search_boost)
    for subject in record.subjects:
        names = tuple(name.text for name in subject.names if len(name.text) <= TYPED_NAME) + subject.search_names
        terms[src_uri(subject)] = PageTerms((subject.name,), names, BY_CLASS[Subject].search_boost)
    return terms


def _participant_terms(record: Record) -> dict[str, PageTerms]:
    """A participant's names are its full and short names, its code and its aliases.

    A participant whose name begins with another's name or alias (Ukraine: UK, UNESCO: UN) ranks
    lower, so that the shorter name's page comes first while a reader is still typing it (the
    site's search worker searches a name typed in full as a whole word). Aliases that begin with
    another participant's name (UKR and Ukrainian begin with UK) do not count as rivals here."""
    by_name = _Rivals({p.id: _words([p.name]) for p in record.participants})
    rivals_of = {p.id: [a for a in p.aliases if not by_name.begins_with_anothers(p.id, a)] for p in record.participants}
    by_name_or_alias = _Rivals({p.id: _words([p.name, *rivals_of[p.id]]) for p in record.participants})
    terms = {}
    for p in record.participants:
        longer = by_name_or_alias.begins_with_anothers(p.id, p.name)
        boost = BY_CLASS[Participant].search_boost * (LONGER_NAME if longer else 1)
        names = (p.full_name, p.short_name, *([p.code] if p.code else []), *p.aliases)
        terms[src_uri(p)] = PageTerms((p.name,), names, round(boost, 2))
    return terms


class _Rivals:
    """The words of each participant's names (by its id), and how many participants have each word:
    whether a name begins with a word of another participant's is then known from the beginnings
    of its own words, however many participants there are."""

    def __init__(self, words_of: dict[str, set[str]]):
        self.words_of = words_of
        self.holders = Counter(word for words in words_of.values() for word in words)

    def begins_with_anothers(self, participant_id: str, name: str) -> bool:
        own = self.words_of[participant_id]
        return any(self.holders[word[:end]] > (word[:end] in own) for word in _words([name]) for end in range(1, len(word) + 1))


def _topics(record: Record, during: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(topic for s in record.statements_during(during) for topic in s.topics))


def _attending(record: Record, event: Event) -> tuple[str, ...]:
    return tuple(p.name for p in record.participants if event in record.events_attended_by(p.id))


def _words(names) -> set[str]:
    return {match.group().lower() for name in names for match in WORD.finditer(name)}
