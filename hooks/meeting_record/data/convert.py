"""Turn checked data into the record's dataclasses, field by field, from the classes' own types.

Each field is declared once in its dataclass (and checked against its schema by the data tests);
the conversion follows from the type: text stays text, `tuple[X, ...]` takes a list of X, a
dataclass takes a set of fields, `datetime.date` takes YYYY-MM-DD, `X | None` may be missing. A
class whose data is written in another shape says so with a `from_data` class method.

A record is built for one language: a text written in every language (`{en: …, ja: …}`, and lists
of words alike) becomes the text of that language wherever it stands, so the types, and the code
that reads them, are the same in every language.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import types
import typing
from typing import Any

from meeting_record.data.languages import ENGLISH, in_language


def convert(cls: type, value: Any, language: str = ENGLISH) -> Any:
    """`value`, as read from a data file and checked by its schema, as an instance of `cls`, with
    its texts in `language`."""
    value = in_language(value, language)
    if hasattr(cls, "from_data"):
        return cls.from_data(_in_language_throughout(value, language))
    if dataclasses.is_dataclass(cls):
        return _dataclass(cls, value, language)
    origin = typing.get_origin(cls)
    if origin is tuple:
        item_type = typing.get_args(cls)[0]
        return tuple(convert(item_type, item, language) for item in value)
    if origin in (typing.Union, types.UnionType):
        option = next(a for a in typing.get_args(cls) if a is not type(None))
        return None if value is None else convert(option, value, language)
    if cls is datetime.date:
        return datetime.date.fromisoformat(value)
    return value


def _dataclass(cls: type, data: dict, language: str) -> Any:
    values = {}
    for field in dataclasses.fields(cls):
        if field.name in data:
            values[field.name] = convert(_hints(cls)[field.name], data[field.name], language)
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            values[field.name] = _empty(_hints(cls)[field.name])
    return cls(**values)


def _in_language_throughout(value: Any, language: str) -> Any:
    """A value that a class reads itself (`from_data`), with every text in it in `language`."""
    value = in_language(value, language)
    if isinstance(value, dict):
        return {key: _in_language_throughout(item, language) for key, item in value.items()}
    if isinstance(value, list):
        return [_in_language_throughout(item, language) for item in value]
    return value


def _empty(hint: Any) -> Any:
    """What an optional field that the data leaves out holds: () for a list, None otherwise."""
    return () if typing.get_origin(hint) is tuple else None


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """The field types, resolved in the namespace the class was defined in (its generated
    `__init__`'s globals): after the hook imports the package afresh, `sys.modules` holds a newer
    copy of the module, whose classes an older record's fields must not be given."""
    return typing.get_type_hints(cls, globalns=cls.__init__.__globals__)
