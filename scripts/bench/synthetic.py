"""Synthetic data for the scaling figures: the real data folder with its participants, people,
statements and talks multiplied.

Copy k (k = 2 .. factor) of an item gets the id `<id>-x<k>`; its references to other multiplied
items point at their copy k, so copy k of a talk is held by copy k of its host. Names that become
addresses (see hooks/aliases.py) get " <k>" appended so that no two items claim one address;
roles that must stay unique (the presidency) and former ids stay with the originals. Everything
else (themes, events, sources, groups, parties, the meeting) is the real data, unchanged."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

# data file: (list to multiply, fields whose copies get a numbered name, fields copies leave out)
MULTIPLIED = {
    "participants": ("participants", ("name", "full_name", "short_name", "aliases"), ("roles", "former_ids")),
    "people": ("people", ("name", "family_name"), ("former_ids",)),
    "statements": ("statements", (), ("former_ids",)),
    "talks": ("talks", (), ("former_ids",)),
}


def write_scaled_data(source: Path, factor: int, dest: Path) -> dict[str, int]:
    """Write the data of `source` with the multiplied lists `factor` times as long into `dest`;
    how many items of each multiplied kind it holds."""
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(source, dest)
    documents = {name: yaml.safe_load((source / f"{name}.yml").read_text(encoding="utf-8")) for name in MULTIPLIED}
    ids = {item["id"] for name, (key, _, _) in MULTIPLIED.items() for item in documents[name][key]}
    counts = {}
    for name, (key, named, left_out) in MULTIPLIED.items():
        originals = documents[name][key]
        copies = [_copy(item, k, ids, named, left_out) for k in range(2, factor + 1) for item in originals]
        documents[name][key] = originals + copies
        counts[name] = len(documents[name][key])
        _write(source / f"{name}.yml", dest / f"{name}.yml", documents[name])
    return counts


def _copy(item: dict, k: int, ids: set[str], named: tuple[str, ...], left_out: tuple[str, ...]) -> dict:
    copy = {}
    for field, value in item.items():
        if field in left_out:
            continue
        value = _renumbered(value, k, ids)
        copy[field] = _numbered(value, k) if field in named else value
    return copy


def _numbered(name, k: int):
    """A name (or list of names) with " <k>" appended; a name written in English and Japanese,
    `{en: …, ja: …}`, in each language."""
    if isinstance(name, dict):
        return {language: _numbered(each, k) for language, each in name.items()}
    return [f"{each} {k}" for each in name] if isinstance(name, list) else f"{name} {k}"


def _renumbered(value, k: int, ids: set[str]):
    """`value` with every id of a multiplied item in it turned into the id of that item's copy k."""
    if isinstance(value, str):
        return f"{value}-x{k}" if value in ids else value
    if isinstance(value, list):
        return [_renumbered(v, k, ids) for v in value]
    if isinstance(value, dict):
        return {key: _renumbered(v, k, ids) for key, v in value.items()}
    return value


def _write(original: Path, dest: Path, document: dict) -> None:
    """Write `document` as YAML under the opening comment of `original` (its schema line, its fields)."""
    lines = original.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines[:next(i for i, l in enumerate(lines) if not l.startswith("#"))]]
    body = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
    dest.write_text("\n".join(header) + "\n" + body, encoding="utf-8")
