"""The site's own words (hooks/meeting_record/site/words/): each key once, each text in every
language, every key a template or the code uses is written, and every written key is used."""

from __future__ import annotations

import re

import pytest

from meeting_record.data.languages import LANGUAGES
from meeting_record.site.wording import WordingError, all_words, words
from project import ROOT

USED = re.compile(r"\bwords(?:\.|\[[\"'])([a-z][a-z0-9_]*)")
# Every file that may show a word; wording.py only explains the keys, with examples.
USERS = [path for path in [*(ROOT / "hooks").rglob("*.j2"), *(ROOT / "hooks").rglob("*.py"), *(ROOT / "overrides").rglob("*.html")]
         if path.name != "wording.py"]


def used_keys() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in USERS:
        for key in USED.findall(path.read_text(encoding="utf-8")):
            found.setdefault(key, set()).add(str(path.relative_to(ROOT)))
    return found


def test_every_key_used_is_written_and_every_key_written_is_used():
    written, used = set(all_words()), used_keys()
    assert {key: places for key, places in used.items() if key not in written} == {}
    assert sorted(written - set(used)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_is_written_in_every_language(language):
    assert all(text.strip() for text in words(language).values())


@pytest.mark.parametrize(("text", "message"), [
    ("cite_this: {en: Cite this}", "cite_this: give the text in en and ja"),
    ("cite_this: {en: Cite this, ja: ''}", "cite_this: the `ja` text is empty"),
    ("Cite-This: {en: Cite this, ja: 引用}", "Cite-This: a key is lower-case letters"),
])
def test_a_wrong_words_file_is_named_with_its_key(tmp_path, text, message):
    (tmp_path / "pages.yml").write_text(text, encoding="utf-8")
    with pytest.raises(WordingError, match=re.escape(f"words/pages.yml: {message}")):
        all_words(tmp_path)


def test_a_key_written_twice_is_named_with_both_files(tmp_path):
    (tmp_path / "a.yml").write_text("cite_this: {en: Cite this, ja: 引用}", encoding="utf-8")
    (tmp_path / "b.yml").write_text("cite_this: {en: Cite, ja: 引用}", encoding="utf-8")
    with pytest.raises(WordingError, match=re.escape("words/b.yml: cite_this: the key is written in a.yml already")):
        all_words(tmp_path)

