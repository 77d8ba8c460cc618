"""One record, two languages: every text the site shows is written in English and Japanese side
by side (`{en: …, ja: …}`), the schemas require both, and a record is built for either language
from one check of the data."""

from __future__ import annotations

import jsonschema
import pytest
import referencing

from meeting_record.data import load_record as loading
from meeting_record.data.kinds import DATA_FILES, KINDS
from meeting_record.data.languages import LANGUAGES
from meeting_record.data.record import source_refs
from project import DATA
from schema_shapes import VERBATIM, fields, schema

SHOWN_TEXTS = [field for name in DATA_FILES for field in fields(name) if field.shown_text and not field.bilingual]


@pytest.mark.parametrize("field", SHOWN_TEXTS, ids=lambda field: field.path)
def test_every_text_the_site_shows_is_written_in_english_and_japanese(field):
    """A text field is written `{en: …, ja: …}` (a shared bilingual definition), unless its schema
    says it is given once, exactly as its source writes it (`x-verbatim`): a field added in
    English only fails here, not in the Japanese edition."""
    assert field.node.get(VERBATIM) or field.resolved.get(VERBATIM), (
        f"{field.path} is text the site shows: refer to common.schema.json#/$defs/bilingual_text (or "
        "bilingual_short_text), or mark it `x-verbatim` if it is given exactly as a source writes it")


def test_the_schemas_have_texts_in_both_languages():
    bilingual = [field for name in DATA_FILES for field in fields(name) if field.bilingual]
    assert len(bilingual) > 50 and {field.bilingual for field in bilingual} == {"text", "list"}


def bilingual_validator(definition: str) -> jsonschema.Validator:
    common = schema("common")
    registry = referencing.Registry().with_resource(common["$id"], referencing.Resource.from_contents(common))
    return jsonschema.Draft202012Validator({"$ref": f"{common['$id']}#/$defs/{definition}"}, registry=registry)


@pytest.mark.parametrize(("value", "valid"), [
    ({"en": "Open RAN", "ja": "オープンRAN"}, True),
    ({"en": "Open RAN"}, False),                              # no Japanese
    ({"ja": "オープンRAN"}, False),                            # no English
    ({"en": "Open RAN", "ja": ""}, False),                    # empty Japanese
    ({"en": "Open RAN", "ja": "  "}, False),                  # blank Japanese
    ({"en": "Open RAN", "ja": 7}, False),                     # Japanese of the wrong type
    ({"en": "Open RAN", "ja": "オープンRAN", "fr": "x"}, False),  # a language the record has not
    ("Open RAN", False),                                      # one language only
])
def test_a_bilingual_text_needs_both_languages_and_nothing_else(value, valid):
    assert bilingual_validator("bilingual_short_text").is_valid(value) is valid


@pytest.mark.parametrize(("value", "valid"), [
    ({"en": ["UN"], "ja": ["国連"]}, True),
    ({"en": ["UN"], "ja": []}, False),
    ({"en": ["UN"], "ja": [""]}, False),
    ({"en": ["UN"]}, False),
    (["UN"], False),
])
def test_bilingual_search_words_need_both_languages(value, valid):
    assert bilingual_validator("bilingual_terms").is_valid(value) is valid


def test_the_data_is_checked_once_for_both_languages(monkeypatch):
    calls = []
    check = loading._check
    monkeypatch.setattr(loading, "_check", lambda *args: calls.append(args) or check(*args))
    checked = loading.check_data(DATA)
    english, japanese = checked.record("en"), checked.record("ja")
    assert len(calls) == 1 and english != japanese


def test_a_record_takes_one_language_throughout(records):
    english, japanese = records["en"], records["ja"]
    assert english.meeting.title == "G7 Industry, Technology and Digital Ministerial Meeting"
    assert japanese.meeting.title == "G7産業・技術・デジタル大臣会合"
    assert japanese.get("hasegawa-junji").name == "長谷川淳二" and english.get("hasegawa-junji").name == "HASEGAWA Junji"
    attendees = [a.role for event in japanese.events for a in event.attendees if a.role]
    assert attendees and all(isinstance(role, str) for role in attendees)


def test_both_records_hold_the_same_items_ids_and_sources(records):
    """Ids, anchors, addresses and citations are shared: only the texts differ."""
    english, japanese = records["en"], records["ja"]
    for kind in KINDS:
        ours, theirs = getattr(english, kind.key), getattr(japanese, kind.key)
        if kind.one:
            ours, theirs = (ours,), (theirs,)
        assert [getattr(item, "id", None) for item in ours] == [getattr(item, "id", None) for item in theirs]
        assert [source_refs(item) for item in ours] == [source_refs(item) for item in theirs], kind.name
    assert english.sources[0].title == japanese.sources[0].title  # a document's own title, as published


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="not in 'fr'"):
        loading.load_record(DATA, language="fr")


def test_the_record_is_in_english_and_japanese():
    assert LANGUAGES == ("en", "ja")
