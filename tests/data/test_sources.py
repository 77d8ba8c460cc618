"""Sources and what may be stated as fact: every fact cites a source that exists and is official;
press and personal sources are cited only in `reported` entries and in versions shown as reported."""

from __future__ import annotations

from data_edits import edited_data, problems_of
from meeting_record.data.record import source_refs


def _walk(value, path=""):
    """Every (path, SourceRef list, shown as fact?) in a value."""
    kind = type(value).__name__  # by name: the record may come from an earlier import of the package
    if kind == "Reported":
        yield path, value.by, False
        return
    if kind == "Version":
        yield path, value.sources, True
        yield path, value.by, False
        return
    if isinstance(value, tuple):
        for index, each in enumerate(value):
            yield from _walk(each, f"{path}[{index}]")
        return
    if hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            field = getattr(value, name)
            if name == "sources" and isinstance(field, tuple):
                yield f"{path}.{name}", field, True
            else:
                yield from _walk(field, f"{path}.{name}")


def test_every_fact_cites_an_existing_official_source(record):
    sources = {source.id: source for source in record.sources}
    checked = 0
    for item in [record.meeting, *record.by_id.values(), *record.glossary]:
        for path, refs, as_fact in _walk(item, getattr(item, "id", "meeting")):
            for ref in refs:
                source = sources[ref.document]
                assert ref.section in {s.id for s in source.sections}, f"{path}: {ref}"
                if as_fact:
                    assert source.official, f"{path} states as fact what {source.id} ({source.kind}) says"
                checked += 1
    assert checked > 100


def test_every_source_is_cited(record):
    cited = {ref.document for item in [record.meeting, *record.by_id.values(), *record.glossary]
             for ref in source_refs(item)}
    assert {source.id for source in record.sources} - cited == set()


def test_a_press_source_cannot_be_cited_as_fact(tmp_path):
    data, line = edited_data(tmp_path, "events.yml", "    sources: [mic-2024-03-18#bilateral-talks]\n    facts:",
                             "    sources: [lospiffero#body]\n    facts:")
    message = problems_of(data)
    assert f"data/events.yml:{line}: events[3] (id hiroshima-ai-process-the-way-ahead).sources[0]: 'lospiffero#body' is not an official source" in message
    assert "reported" in message


def test_a_version_names_its_official_or_its_reporting_sources(tmp_path):
    data, line = edited_data(tmp_path, "disagreements.yml", "        by: [japanupclose#body]\n", "")
    assert "data/disagreements.yml:" in problems_of(data)


def test_a_day_must_be_a_day_of_the_meeting(tmp_path):
    data, line = edited_data(tmp_path, "days.yml", '    date: "2024-03-15"\n', '    date: "2024-03-16"\n')
    assert f"data/days.yml:{line}: days[1] (id day-2024-03-15).date: 2024-03-16 is not one of the meeting's days" in problems_of(data)
