"""The site's own words: every heading, label and sentence the pages show that is not in the data,
in each of the record's languages, from the files in `words/`.

Each file maps a key to its text in every language (`cite_this: {en: Cite this, ja: 引用する}`);
templates show `{{ words.cite_this }}`, and a text with places for values fills them with
`{{ words.statements_by.format(name=…) }}`. A key is written once across the files, and each text
in every language, so no page can show another language's words or a key in their place.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from markupsafe import Markup

from meeting_record.data.languages import LANGUAGES, check_language

WORDS_DIR = Path(__file__).parent / "words"
KEY = re.compile(r"[a-z][a-z0-9_]*")
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where PyYAML has it: several times faster


class WordingError(ValueError):
    """A words file that is not a mapping of keys to a non-empty text in every language."""


def words(language: str, folder: Path = WORDS_DIR) -> dict[str, str]:
    """Every key of the words files, with its text in `language`."""
    check_language(language)
    return {key: texts[language] for key, texts in all_words(folder).items()}


def all_words(folder: Path = WORDS_DIR) -> dict[str, dict[str, str]]:
    """Every key with its text in each language, read afresh (a build reads them once)."""
    found: dict[str, dict[str, str]] = {}
    where: dict[str, str] = {}
    for path in sorted(folder.glob("*.yml")):
        for key, texts in (yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}).items():
            _check(path, key, texts, where)
            found[key], where[key] = texts, path.name
    return found


def _check(path: Path, key: object, texts: object, where: dict[str, str]) -> None:
    place = f"hooks/meeting_record/site/words/{path.name}: {key}"
    if not isinstance(key, str) or not KEY.fullmatch(key):
        raise WordingError(f"{place}: a key is lower-case letters, digits and underscores")
    if key in where:
        raise WordingError(f"{place}: the key is written in {where[key]} already")
    if not isinstance(texts, dict) or set(texts) != set(LANGUAGES):
        raise WordingError(f"{place}: give the text in {' and '.join(LANGUAGES)}, as `en: …` and `ja: …`")
    for language, text in texts.items():
        if not isinstance(text, str) or not text.strip():
            raise WordingError(f"{place}: the `{language}` text is empty")


def html_words(texts: dict[str, str]) -> dict[str, Markup]:
    """The site's words for an HTML template: shown as written (they are the site's, not data),
    while the values a template fills into them are escaped."""
    return {key: Markup(text) for key, text in texts.items()}
