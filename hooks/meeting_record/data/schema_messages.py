"""Turn JSON Schema errors into messages that tell the person editing a data file what to fix.

One message per field, at the line of that field, in words rather than schema keywords: what was
expected, what was found (with YAML's surprises explained), and the nearest valid name or value
where one is close. A text written in every language that lacks one says which.
"""

from __future__ import annotations

import datetime
import difflib
import re
from typing import Any, Iterable

import jsonschema

from meeting_record.data.languages import BILINGUAL, LANGUAGES, NAMES
from meeting_record.data.yaml_source import Document, Problem, dotted

# When one value breaks several rules, the first of these is the one worth reading.
PRIORITY = ("type", "required", "additionalProperties", "oneOf", "not", "enum", "minLength", "minItems",
            "maxLength", "pattern", "format", "uniqueItems")
SHOWN_CHARACTERS = 120

YAML_SURPRISES = {bool: "YAML reads unquoted yes/no/on/off/true/false as true or false",
                  int: "YAML reads it as a number", float: "YAML reads it as a number"}

# There is no e-mail field: the source gives a web form and phone numbers. An address written
# where a value of a known form belongs (a web address, a phone number, an id) gets a message of its own.
EMAIL_LIKE = re.compile(r"^(mailto:)?[^@\s]+@[^@\s]+\.[^@\s]+$", re.IGNORECASE)
TYPE_NAMES = {"string": "text", "array": "a list", "object": "a set of fields", "boolean": "true or false",
              "integer": "a whole number"}
# The schemas say, beside a pattern, what a value that breaks it is not (`patternErrorMessage`,
# which editors show too), and what a value of the form looks like (`x-expected`).
PATTERN_MESSAGE = "patternErrorMessage"
EXPECTED = "x-expected"


def schema_problems(errors: Iterable[jsonschema.ValidationError], document: Document) -> list[Problem]:
    """One problem per field, in the order of the file, the most useful rule first."""
    ranked = sorted(errors, key=lambda e: (document.line_of(tuple(e.absolute_path)), _rank(e.validator)))
    problems: list[Problem] = []
    seen: set[str] = set()
    for error in ranked:
        for problem in _describe(error, document):
            if problem.field not in seen:
                seen.add(problem.field)
                problems.append(problem)
    return sorted(problems, key=lambda p: p.line)


def _rank(kind: str) -> int:
    return PRIORITY.index(kind) if kind in PRIORITY else len(PRIORITY)


def _describe(error: jsonschema.ValidationError, document: Document) -> list[Problem]:
    path = tuple(error.absolute_path)
    kind = error.validator
    languages = _in_languages(error, document)
    if languages is not None:
        return languages
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        return [_unknown_field(document, path, key, allowed) for key in error.instance if key not in allowed]
    if kind == "required":
        missing = next(key for key in error.validator_value if key not in error.instance)
        if _misspelt(missing, error):
            return []  # the unknown-field message already says "did you mean …?"
        return [Problem(document.name, document.line_of(path), field_label(document, path + (missing,)),
                        "this required field is missing")]
    if kind == "oneOf":
        return _one_of(error, document)
    return [Problem(document.name, document.line_of(path), field_label(document, path) or "(top level)",
                    _value_message(error, document, path))]


def _misspelt(missing: str, error: jsonschema.ValidationError) -> bool:
    """Whether the object has an unknown key that is a near spelling of the missing one."""
    allowed = error.schema.get("properties", {})
    unknown = [key for key in error.instance if key not in allowed]
    return bool(unknown) and error.schema.get("additionalProperties") is False and \
        bool(difflib.get_close_matches(missing, unknown, n=1, cutoff=0.6))


def _unknown_field(document: Document, path: tuple, key: str, allowed: list[str]) -> Problem:
    """'unknown field (did you mean 'title'?)', or with no near name, the names that are allowed."""
    hint = nearest(key, allowed) or f"; the fields here are: {', '.join(allowed)}"
    return Problem(document.name, document.line_of(path + (key,)), field_label(document, path + (key,)),
                   f"unknown field{hint}")


def _one_of(error: jsonschema.ValidationError, document: Document) -> list[Problem]:
    """A value that must take one of several shapes, told apart by which key it has (attendees)."""
    path, value, options = tuple(error.absolute_path), error.instance, error.schema["oneOf"]
    keys = [option["required"][0] for option in options]
    shapes = _either([key + (f" (with {', '.join(o['required'][1:])})" if o["required"][1:] else "")
                      for key, o in zip(keys, options)])
    if not isinstance(value, dict):
        return [Problem(document.name, document.line_of(path), field_label(document, path),
                        f"expected a set of fields, found {_kind_of(value)}; write one of: {shapes}")]
    present = [index for index, key in enumerate(keys) if key in value]
    whole = Problem(document.name, document.line_of(path), field_label(document, path),
                    f"has {' and '.join(keys[i] for i in present) or 'none of the fields'}; give exactly one of: {shapes}")
    if len(present) == 1:
        chosen = [e for e in error.context if e.relative_schema_path[0] == present[0]]
        return [problem for e in chosen for problem in _describe(e, document)] or [whole]
    if present:
        return [whole]
    return [_unknown_field(document, path, key, keys) for key in value] or [whole]


# ---------------------------------------------------------------------------
# Texts written in every language: `{en: …, ja: …}`

def _in_languages(error: jsonschema.ValidationError, document: Document) -> list[Problem] | None:
    """The problems of a text written in every language, told in those terms; None for any other
    error (or one the general wording says as well, such as a Japanese text that is a number)."""
    path, value = tuple(error.absolute_path), error.instance
    if isinstance(error.schema, dict) and error.schema.get(BILINGUAL):
        return _bilingual_shape(error, document, path)
    if path and path[-1] in LANGUAGES and _is_empty(error):
        words = "words" if isinstance(value, list) else "text"
        state = "an empty list" if isinstance(value, list) else "blank" if value else "empty"
        return [Problem(document.name, document.line_of(path), field_label(document, path),
                        f"{_no_text(path[:-1], [path[-1]], words)}: it is {state}")]
    return None


def _bilingual_shape(error: jsonschema.ValidationError, document: Document, path: tuple) -> list[Problem] | None:
    """A value that is not `{en: …, ja: …}`: a language missing, a key that is none, or one text only."""
    words = "words" if error.schema[BILINGUAL] == "list" else "text"
    value = error.instance
    if error.validator == "required":
        missing = [language for language in LANGUAGES if language not in value]
        if any(key not in LANGUAGES for key in value):
            return []  # the unknown key's message says how to write the languages
        return [Problem(document.name, document.line_of(path), field_label(document, path), _no_text(path, missing, words))]
    if error.validator == "additionalProperties":
        how = " and ".join(f"the {NAMES[language]} as `{language}`" for language in LANGUAGES)
        return [Problem(document.name, document.line_of(path + (key,)), field_label(document, path + (key,)),
                        f"`{key}` is not one of the record's languages{nearest(key, LANGUAGES)}; write {how}")
                for key in value if key not in LANGUAGES]
    if error.validator == "type" and isinstance(value, list if words == "words" else str):
        return [Problem(document.name, document.line_of(path), field_label(document, path), _in_one_language(path, words))]
    return None


def _in_one_language(path: tuple, words: str) -> str:
    """'`title` is written in one language; write its text in English and Japanese, as `en: …` and `ja: …`'"""
    shape = " and ".join(f"`{language}: {'[ … ]' if words == 'words' else '…'}`" for language in LANGUAGES)
    return (f"`{_field_name(path)}` is written in one language; write its {words} in "
            f"{' and '.join(NAMES[language] for language in LANGUAGES)}, as {shape}")


def _is_empty(error: jsonschema.ValidationError) -> bool:
    """Whether the error is that the value is empty or blank (a text of spaces)."""
    blank = error.validator == "pattern" and isinstance(error.instance, str) and not error.instance.strip()
    return error.validator in ("minLength", "minItems") or blank


def _no_text(path: tuple, languages: list[str], words: str) -> str:
    """'`title` has no Japanese (`ja`) text'"""
    return f"`{_field_name(path)}` has no {_either([f'{NAMES[language]} (`{language}`)' for language in languages])} {words}"


def _field_name(path: tuple) -> str:
    """The field a path ends in, as its item names it: ('sources', 0, 'takes', 1) -> 'takes[1]'."""
    start = max((index for index, part in enumerate(path) if isinstance(part, str)), default=0)
    return dotted(path[start:])


def _either(words: list[str]) -> str:
    """'a, b or c'"""
    return ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else "".join(words)


def _value_message(error: jsonschema.ValidationError, document: Document, path: tuple) -> str:
    kind, value, schema = error.validator, error.instance, error.schema
    if kind == "type" and not path and schema.get("required"):
        return f"the file must hold {_either(schema['required'])} at the top level, not {_kind_of(value)}"
    if kind == "type":
        return _type_message(value, schema, document.raw.get(path))
    if kind in ("pattern", "format") and EMAIL_LIKE.match(str(value)) and EXPECTED in schema:
        return f"{_shown(value)} is an e-mail address, but this field takes {schema[EXPECTED]}"
    if kind == "format" and schema.get("format") == "date":
        return f"{_shown(value)} is not a real date ({_date_error(value)}); write YYYY-MM-DD"
    if kind == "pattern":
        return _pattern_message(value, schema)
    if kind in ("minLength", "minItems"):
        return "must not be empty"
    if kind == "maxLength":
        return f"is {len(value):,} characters long; at most {schema['maxLength']:,} are allowed"
    if kind == "enum":
        options = [str(option) for option in schema["enum"]]
        return f"{_shown(document.raw.get(path, value))} is not allowed{nearest(str(value), options)}; use one of: {', '.join(options)}"
    if kind == "uniqueItems":
        repeated = next(item for index, item in enumerate(value) if item in value[:index])
        return f"lists {_shown(repeated)} more than once"
    if kind == "not" and schema["not"].get("const") == "index":
        return "'index' is kept for the page that lists them all; choose another id"
    return error.message


def _type_message(value: Any, schema: dict, raw: str | None) -> str:
    known = schema.get(EXPECTED)
    types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    expected = known or _either([TYPE_NAMES.get(name, name) for name in types])
    if value is None:
        return f"has no value; expected {expected}"
    shown = f" {_shown(raw)}" if raw is not None else ""
    return f"expected {expected}, found {_kind_of(value)}{shown}{_type_note(value, types[0], known)}"


def _type_note(value: Any, expected_type: str, known: str | None) -> str:
    """How to write what was meant, when YAML read it as something else."""
    surprise = YAML_SURPRISES.get(type(value))
    if surprise and expected_type == "string" and not known:
        return f" ({surprise}: put it in quotes)"
    if expected_type == "boolean" and isinstance(value, str):
        return "; write true or false, without quotes"
    if expected_type == "array" and not isinstance(value, (list, dict)):
        return "; write it as a list, in brackets: [ … ]"
    return ""


def _pattern_message(value: str, schema: dict) -> str:
    if not value.strip():
        return "must not be blank"
    if schema.get("format") == "uri" and value.lower().startswith("http://"):
        return f"{_shown(value)} must start with https://, not http://"
    if schema.get("format") == "uri" and re.search(r"[^\x21-\x7e]", value) and value.lower().startswith("https://"):
        return f"{_shown(value)} is not a web address: it holds a space or a character that must be percent-encoded"
    return f"{_shown(value)} " + schema.get(PATTERN_MESSAGE, f"does not match the pattern {schema['pattern']}")


def _date_error(value: str) -> str:
    """Why a YYYY-MM-DD text is no date: 'day is out of range for month'."""
    try:
        datetime.date(*(int(part) for part in value.split("-")))
    except ValueError as error:
        return str(error)
    return "not a calendar date"


def _shown(value: Any) -> str:
    """A value quoted for a message, cut short if it is long."""
    text = str(value)
    if len(text) > SHOWN_CHARACTERS:
        text = text[:SHOWN_CHARACTERS] + "…"
    return repr(text)


def _kind_of(value: Any) -> str:
    return {bool: "true/false", type(None): "nothing", int: "a number", float: "a number", str: "text",
            list: "a list", dict: "a set of fields"}.get(type(value), type(value).__name__)


def nearest(key: str, allowed: Iterable[str]) -> str:
    """' (did you mean 'title'?)' when one of `allowed` is close to `key`."""
    match = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
    return f" (did you mean {match[0]!r}?)" if match else ""


def field_label(document: Document, path: tuple) -> str:
    """'people[2] (id adolfo-urso).title': the list position and the item's id, when it has one."""
    label = dotted(path)
    if len(path) >= 2 and isinstance(path[1], int) and isinstance(document.data, dict):
        items = document.data.get(path[0])
        item = items[path[1]] if isinstance(items, list) and path[1] < len(items) else None
        item_id = item.get("id") if isinstance(item, dict) else None
        if isinstance(item_id, str):
            head = dotted(path[:2])
            label = f"{head} (id {item_id})" + label[len(head):]
    return label
