"""Names that become addresses, and former ids: each leads to one item only, and a mistake is
reported with the file, the line and the field before anything is built."""

from __future__ import annotations

import pytest

from data_edits import edited_data, problems_of
from meeting_record.data.load_record import load_record
from meeting_record.data.addresses import slug


def test_an_alias_cannot_be_the_address_of_another_participant(tmp_path):
    data, line = edited_data(tmp_path, "participants.yml", "en: [UA, UKR, Ukrainian]", "en: [UA, UKR, Ukrainian, U.K.]")
    message = problems_of(data)
    assert f"data/participants.yml:{line}: participants[10] (id ukraine).aliases.en[3]: 'U.K.'" in message
    assert "/participants/u-k/" in message and "leads to uk" in message


def test_an_alias_cannot_be_another_participants_id(tmp_path):
    data, line = edited_data(tmp_path, "participants.yml", "en: [UA, UKR, Ukrainian]", "en: [UA, UKR, Ukrainian, UAE]")
    message = problems_of(data)
    assert f"data/participants.yml:{line}: participants[10] (id ukraine).aliases.en[3]: 'UAE'" in message
    assert "/participants/uae/" in message


def test_a_name_cannot_take_the_address_of_a_list_page(tmp_path):
    data, line = edited_data(tmp_path, "people.yml", "en: Lang\n", "en: Index\n")
    assert f"data/people.yml:{line}: people[4] (id steve-lang).family_name.en: 'Index'" in problems_of(data)


def test_addresses_are_made_from_the_english(tmp_path):
    """A Japanese name may be anything: no address is made from it, so none can clash."""
    data, _ = edited_data(tmp_path, "participants.yml", "ja: [ウクライナ]", "ja: [ウクライナ, UAE, U.K.]")
    load_record(data)


def test_former_ids_load_as_part_of_the_item(tmp_path):
    data, _ = edited_data(tmp_path, "statements.yml", "  - id: open-ran\n", "  - id: open-ran\n    former_ids: [ran-in-mobile-markets]\n")
    record = load_record(data)
    assert record.get("open-ran").former_ids == ("ran-in-mobile-markets",)
    assert record.get("submarine-cables").former_ids == ()


def test_a_former_id_cannot_be_an_id_in_use(tmp_path):
    data, line = edited_data(tmp_path, "statements.yml", "  - id: open-ran\n", "  - id: open-ran\n    former_ids: [submarine-cables]\n")
    message = problems_of(data)
    assert f"data/statements.yml:{line + 1}: statements[0] (id open-ran).former_ids[0]: the former id 'submarine-cables'" in message


def test_a_reference_to_a_former_id_is_refused(tmp_path):
    data, _ = edited_data(tmp_path, "people.yml", "  - id: steve-lang\n", "  - id: lang-steve\n    former_ids: [steve-lang]\n")
    assert "talks[3] (id talk-steve-lang).counterpart: there is no person with the id 'steve-lang'" in problems_of(data)


def test_a_former_id_must_be_an_id(tmp_path):
    data, line = edited_data(tmp_path, "themes.yml", "  - id: digital-government\n",
                             "  - id: digital-government\n    former_ids: [Digital Government]\n")
    assert f"data/themes.yml:{line + 1}: themes[5] (id digital-government).former_ids[0]" in problems_of(data)


@pytest.mark.parametrize(("name", "address"), [("U.S.", "u-s"), ("Republic of Korea", "republic-of-korea"),
                                               ("Côte d’Ivoire", "cote-d-ivoire"), ("日本", ""), ("x" * 81, "")])
def test_a_name_becomes_an_address_of_latin_letters_digits_and_hyphens(name, address):
    assert slug(name) == address
