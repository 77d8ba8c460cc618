"""Copies of the real data with one small edit, and the problems the loader reports for them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from meeting_record.data.load_record import DataError, load_record
from project import DATA


def edited_data(tmp_path: Path, file: str, old: str, new: str, count: int = 1) -> tuple[Path, int]:
    """A copy of the real data with `old` replaced by `new` in `file`; the folder, and the line
    the (first) edit begins on."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {file}: {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return data, text[: text.index(old)].count("\n") + 1


def problems_of(data: Path) -> str:
    """The loader's message for an invalid data folder (the test fails if the data loads)."""
    with pytest.raises(DataError) as caught:
        load_record(data)
    return str(caught.value)
