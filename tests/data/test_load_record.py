"""Loading and validation: the real data loads, and each kind of mistake is reported with the
file, the line and the field, before anything is built."""

from __future__ import annotations

from data_edits import edited_data, problems_of


def test_real_data_loads_every_item(record):
    assert len(record.participants) == 17
    assert [len(record.members_of(g)) for g in record.groups] == [8, 4, 5]
    assert len(record.people) == 7
    assert len(record.themes) == 6
    assert len(record.talks) == 4
    assert record.presidency.id == "italy"
    assert {record.partner_of(t).id for t in record.talks} == {"italy", "france", "usa"}


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    data, line = edited_data(tmp_path, "people.yml", "    name: Adolfo Urso\n", "    name: [Adolfo Urso\n")
    message = problems_of(data)
    assert "data/people.yml:" in message and "not valid YAML" in message


def test_tab_indentation_is_explained(tmp_path):
    data, line = edited_data(tmp_path, "themes.yml", "    title: Digital Government\n", "\ttitle: Digital Government\n")
    message = problems_of(data)
    assert f"data/themes.yml:{line}:" in message and "tab" in message


def test_duplicate_key(tmp_path):
    data, line = edited_data(tmp_path, "people.yml", "    family_name: Urso\n", "    family_name: Urso\n    family_name: Urso\n")
    message = problems_of(data)
    assert f"data/people.yml:{line + 1}: people[2].family_name: the field appears twice (first on line {line})" in message


def test_unknown_key_suggests_the_nearest_field(tmp_path):
    data, line = edited_data(tmp_path, "people.yml", "    title: Minister of Enterprises", "    titel: Minister of Enterprises")
    message = problems_of(data)
    assert f"data/people.yml:{line}: people[2] (id adolfo-urso).titel: unknown field (did you mean 'title'?)" in message


def test_missing_required_field(tmp_path):
    data, line = edited_data(tmp_path, "themes.yml", "    title: AI in the Public Sector\n", "")
    message = problems_of(data)
    assert "data/themes.yml:" in message and "themes[3] (id ai-public-sector).title: this required field is missing" in message


def test_wrong_type_explains_yaml_booleans(tmp_path):
    data, line = edited_data(tmp_path, "participants.yml", "    name: Japan\n", "    name: no\n")
    message = problems_of(data)
    assert f"data/participants.yml:{line}: participants[5] (id japan).name: expected text, found true/false 'no'" in message
    assert "put it in quotes" in message


def test_duplicate_id_across_files(tmp_path):
    data, line = edited_data(tmp_path, "themes.yml", "  - id: digital-government\n", "  - id: japan\n")
    message = problems_of(data)
    assert f"data/themes.yml:{line}: themes[5] (id japan).id: the id 'japan' is already used in data/participants.yml:" in message


def test_reference_to_missing_id_suggests_the_nearest(tmp_path):
    data, line = edited_data(tmp_path, "people.yml", "    participant: france\n", "    participant: frence\n")
    message = problems_of(data)
    assert f"data/people.yml:{line}: people[3] (id marina-ferrari).participant: there is no participant with the id 'frence' (did you mean 'france'?)" in message


def test_reference_to_missing_source_section(tmp_path):
    data, line = edited_data(tmp_path, "talks.yml", "    sources: [mic-2024-03-18#bilateral-talks]\n", "    sources: [mic-2024-03-18#talks]\n")
    message = problems_of(data)
    assert f"data/talks.yml:{line}: talks[0] (id talk-adolfo-urso).sources[0]: there is no source section 'mic-2024-03-18#talks'" in message


def test_weekday_must_match_date(tmp_path):
    data, line = edited_data(tmp_path, "meeting.yml", "      weekday: Friday\n", "      weekday: Saturday\n")
    message = problems_of(data)
    assert f"data/meeting.yml:{line}: meeting.days[1].weekday: 2024-03-15 was a Friday, not a Saturday" in message


def test_every_problem_is_reported_at_once(tmp_path):
    data, _ = edited_data(tmp_path, "people.yml", "participant: ", "participant: nobody-", count=5)
    assert problems_of(data).startswith("The data has 5 problems; nothing was built.")
