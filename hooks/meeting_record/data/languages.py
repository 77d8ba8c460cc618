"""The record's languages. Every displayed text is written once per language, side by side in the
same item (`title: {en: …, ja: …}`), so that the two cannot drift apart and share one id, one
anchor and one address; a `Record` holds the texts of one language.

Ids, addresses and the checks that compare texts read the English: it is the language the record
was first written in, and the one its addresses are made from.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ("en", "ja")
ENGLISH = "en"
NAMES = {"en": "English", "ja": "Japanese"}
# The schemas mark the shared definition of a text written in every language with this keyword.
BILINGUAL = "x-bilingual"


def is_bilingual(value: Any) -> bool:
    """Whether `value` is one text (or list of words) per language, as the schemas define it."""
    return isinstance(value, dict) and set(value) == set(LANGUAGES)


def in_language(value: Any, language: str = ENGLISH) -> Any:
    """`value` in `language`, where it is written in every language; other values as they are."""
    return value[language] if is_bilingual(value) else value


def primary_language(tag: str) -> str:
    """The language of a language tag, without its region: 'ja' for a source written in 'ja-JP'."""
    return tag.split("-")[0]


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"the record is written in {', '.join(LANGUAGES)}, not in {language!r}")
    return language


def texts_by_language(value: Any) -> list[tuple[str, Any, tuple[str, ...]]]:
    """(language, text, where in `value`) for each language `value` is written in: every language
    for a text written in each, English for a text written once."""
    if is_bilingual(value):
        return [(language, value[language], (language,)) for language in LANGUAGES]
    return [(ENGLISH, value, ())]
