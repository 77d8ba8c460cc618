"""The glossary's own checks: each mistake is reported with the file, the line and the field."""

from __future__ import annotations

from data_edits import edited_data, problems_of


def at(record, entry_id: str) -> str:
    """How problems name a glossary entry: its position in the file and its id."""
    index = [entry.id for entry in record.glossary].index(entry_id)
    return f"glossary[{index}] (id {entry_id})"


def test_real_glossary_loads(record):
    terms = {entry.term for entry in record.glossary}
    # short forms that readers stumble over, and the release's own
    assert {"HAPS", "NTN", "SDGs", "B7", "ITU", "UNDP", "G7", "MIC", "AI", "Open RAN"} <= terms
    assert all(entry.expansion and entry.explanation for entry in record.glossary)


def test_term_used_twice(tmp_path, record):
    data, line = edited_data(tmp_path, "glossary.yml", "    term: NTN\n", "    term: HAPS\n")
    assert f"data/glossary.yml:{line}: {at(record, 'ntn')}.term: the term 'HAPS' is already used on line" in problems_of(data)


def test_id_used_twice(tmp_path, record):
    data, line = edited_data(tmp_path, "glossary.yml", "  - id: ntn\n", "  - id: haps\n")
    assert f"data/glossary.yml:{line}: {at(record, 'ntn').replace('ntn', 'haps')}.id: the id 'haps' is already used on line" in problems_of(data)


def test_term_that_could_break_the_markup_is_refused(tmp_path, record):
    data, line = edited_data(tmp_path, "glossary.yml", "    term: HAPS\n", "    term: \"HAPS]: x\"\n")
    message = problems_of(data)
    assert f"data/glossary.yml:{line}: {at(record, 'haps')}.term:" in message and "is not a plain term" in message


def test_unknown_participant(tmp_path, record):
    data, line = edited_data(tmp_path, "glossary.yml", "    participant: itu\n", "    participant: itv\n")
    assert (f"data/glossary.yml:{line}: {at(record, 'itu')}.participant: there is no participant with the id 'itv'"
            f" (did you mean 'itu'?)") in problems_of(data)


def test_participant_term_must_name_or_code_it(tmp_path, record):
    data, line = edited_data(tmp_path, "glossary.yml", "    participant: uae\n    sources: [reference#participants]\n  - id: ai\n",
                                 "    participant: uk\n    sources: [reference#participants]\n  - id: ai\n")
    message = problems_of(data)
    assert "data/glossary.yml:" in message
    assert f"{at(record, 'ae')}.term: 'AE' is neither the name nor the code of the participant 'uk'" in message


def test_participant_expansion_must_be_its_full_name(tmp_path, record):
    data, line = edited_data(tmp_path, "glossary.yml", "      en: United Nations Development Programme\n",
                                 "      en: United Nations Development Program\n")
    assert (f"data/glossary.yml:{line}: {at(record, 'undp')}.expansion.en: must be the participant's full name "
            "'United Nations Development Programme', as in participants.yml") in problems_of(data)


def test_participant_expansion_must_be_its_full_name_in_each_language(tmp_path, records):
    japanese = records["ja"].get("undp").full_name
    data, line = edited_data(tmp_path, "glossary.yml", f"      ja: {japanese}\n", "      ja: 国際連合開発計画\n")
    assert (f"data/glossary.yml:{line}: {at(records['en'], 'undp')}.expansion.ja: must be the participant's full name "
            f"{japanese!r}, as in participants.yml") in problems_of(data)


def test_unknown_source_section(tmp_path, record):
    data, line = edited_data(tmp_path, "glossary.yml", "    sources: [reference#terms]\n  - id: aisi\n",
                                 "    sources: [reference#term]\n  - id: aisi\n")
    assert f"data/glossary.yml:{line}: {at(record, 'ai')}.sources[0]: there is no source section 'reference#term'" in problems_of(data)


def test_missing_expansion(tmp_path, records):
    english, japanese = (next(e for e in records[language].glossary if e.id == "ntn").expansion for language in ("en", "ja"))
    data, line = edited_data(tmp_path, "glossary.yml", f"    expansion:\n      en: {english}\n      ja: {japanese}\n", "")
    assert f"{at(records['en'], 'ntn')}.expansion: this required field is missing" in problems_of(data)
