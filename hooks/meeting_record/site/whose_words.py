"""Whose words a page's names are, in an edition whose language is not the one the record was
written in: the official wording of a source in that language (the section that writes a name so,
which the page cites), or the site's translation of the original, which the page shows beside it.
And a name or title as an official source writes it, quoted in the source's own language.
"""

from __future__ import annotations

from dataclasses import dataclass

from meeting_record.data.kinds import kind_of
from meeting_record.data.languages import ENGLISH, primary_language
from meeting_record.data.record import Item, Record, SourceRef, Wording


@dataclass(frozen=True)
class ShownName:
    """A name or title as a page in another language shows it, and whose wording it is: a source's
    (the section that writes it exactly so) or the site's (a translation of the original)."""

    text: str
    official: SourceRef | None = None
    original: str | None = None
    language: str = ENGLISH  # the original's


def names_shown(records: dict[str, Record], language: str, item: Item) -> list[ShownName]:
    """The names of `item` (its kind's `names`) that the edition in `language` shows in other words
    than the record was written in: each with the source that writes it so, or with its original.
    None in the language the record was written in, whose names are the sources' own."""
    if language == ENGLISH:
        return []
    record, original = records[language], _same_item(records[ENGLISH], item)
    shown: dict[str, ShownName] = {}
    for field in kind_of(item).names:
        text, first = getattr(item, field), getattr(original, field)
        official = record.official_wording(text)
        if official or text != first:
            shown.setdefault(text, ShownName(text, official, None if official else first))
    return list(shown.values())


@dataclass(frozen=True)
class Quotation:
    """A name or title as an official source writes it, in the page's language; with the source's
    own text where the source is in another language, so that the page quotes what it wrote."""

    wording: Wording
    original: str | None
    language: str | None = None  # the original's


def quotations(records: dict[str, Record], language: str, owner: object, field: str) -> list[Quotation]:
    """`owner.field`'s wordings (names or titles as official sources write them), each with the
    text in its source's language, where that is not the page's."""
    record, found = records[language], []
    for index, wording in enumerate(getattr(owner, field)):
        written_in = primary_language(record.get(wording.sources[0].document).language)
        original = getattr(_same_item(records[written_in], owner), field)[index].text if written_in in records else None
        if original is None or original == wording.text:
            found.append(Quotation(wording, None))
        else:
            found.append(Quotation(wording, original, written_in))
    return found


def _same_item(record: Record, item: object) -> object:
    """`item` as `record` (the record in another language) holds it."""
    if item.id == "meeting":
        return record.meeting
    if item.id == "declaration":
        return record.meeting.declaration
    return record.get(item.id)
