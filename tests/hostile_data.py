"""Data whose every text field is an attack: HTML, scripts, event handlers, `javascript:` links,
Markdown attribute lists and template syntax. The escaping tests build a site from it.

Which fields are text is read from the schemas (every value of `$defs/text` or `$defs/short_text`,
and of their forms in English and Japanese, `{en: …, ja: …}`, where each language is attacked on
its own), so a text field added later is attacked too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Callable

import jsonschema
import yaml

# One line each, so that they fit any text field. Every value also ends with a way out of an
# attribute, a <title> or a <script>, then an <img> whose onerror would call alert() with the
# value's own number; the closing `f<number>` marks where the value shows.
BREAKOUT = "\"'></title></script>"
PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    "<script>alert(2)</script>",
    "[click me](javascript:alert(3))",
    '{: onclick="alert(4)" }',
    "{{ 7*7 }} {% if true %}forty-nine{% endif %} {# gone #}",
    "</title><script>alert(6)</script>",
    '" onmouseover="alert(7)" x="',
    '<a href="javascript:alert(8)">link</a>',
    "![x](x){: onerror=alert(9) }",
    "<svg onload=alert(10)>",
    "&lt;b&gt; &amp; &#60;i&#62; &copy;",
    "<!-- data: contact -->",
    "`code` **bold** _em_ ~~del~~ ==mark==",
    "<javascript:alert(14)> <https://example.invalid/>",
    "<iframe src=\"javascript:alert(15)\"></iframe>",
    "{ #x .y onclick=alert(16) }",
    "<style>body{display:none}</style>",
    "${alert(18)} %s %(x)s \\u0041 \\",
    "<details open ontoggle=alert(19)>",
    "'><math><mi xlink:href=\"javascript:alert(20)\">x</mi></math>",
)
# Multi-line text fields also get syntax that only works at the start of a line.
BLOCK_PAYLOADS = (
    "Line one.\n*[HTML]: abbreviation injected\n[ref]: javascript:alert(21)\n!!! danger \"admonition\"\n"
    "    indented\n: definition\n| a | b |\n| - | - |\n# heading {: onclick=alert(22) }\n<div markdown>\n<b>x</b>\n</div>",
)

COMMON = "common.schema.json#/$defs/"
TEXT_DEFS = {COMMON + "text": "text", COMMON + "short_text": "short_text"}
# Texts written in every language, and lists of words written so, by the kind of each text.
BILINGUAL_DEFS = {COMMON + "bilingual_text": "text", COMMON + "bilingual_short_text": "short_text",
                  COMMON + "bilingual_terms": "short_text"}


def write_hostile_data(data_dir: Path) -> None:
    """Rewrite every text field of the data files in `data_dir` as an attack, in every language."""
    numbers = iter(range(10**6))
    files = {name: _map_texts(data, schema, name, lambda path, kind, text, language: _attack(path, kind, next(numbers)))
             for name, data, schema in _data_files(data_dir)}
    _keep_rules_between_fields(files)
    for name, data in files.items():
        (data_dir / f"{name}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
                                              encoding="utf-8")


def marker(value: str) -> str:
    """The token `f<number>` that ends an attack written by `write_hostile_data`."""
    return re.search(r"f[0-9]+$", value).group()


def text_fields(data_dir: Path, language: str = "en") -> dict[str, str]:
    """{'people.people[2].title': 'Minister of …', …}: every text field of the data in `data_dir`,
    in `language` (a text written once, in the source's words, is the same in every language)."""
    found: dict[str, str] = {}
    for name, data, schema in _data_files(data_dir):
        _map_texts(data, schema, name, lambda path, kind, text, written_in: found.setdefault(path, text)
                   if written_in in (language, None) else text)
    return found


def _data_files(data_dir: Path):
    common = json.loads((data_dir / "schemas" / "common.schema.json").read_text(encoding="utf-8"))
    for schema_path in sorted((data_dir / "schemas").glob("*.schema.json")):
        name = schema_path.name.removesuffix(".schema.json")
        data_path = data_dir / f"{name}.yml"
        if name != "common" and data_path.exists():
            yield (name, yaml.safe_load(data_path.read_text(encoding="utf-8")),
                   _shapes_written_out(json.loads(schema_path.read_text(encoding="utf-8")), common))


def _shapes_written_out(node: Any, common: dict) -> Any:
    """A schema with the shared shapes it refers to (facts, wordings, …) written out where they are
    used, so that their texts are attacked too; the texts themselves stay references."""
    if isinstance(node, list):
        return [_shapes_written_out(each, common) for each in node]
    if not isinstance(node, dict):
        return node
    reference = node.get("$ref", "")
    if reference.startswith(COMMON) and reference not in TEXT_DEFS and reference not in BILINGUAL_DEFS:
        shape = common["$defs"]
        for part in reference.removeprefix(COMMON).split("/"):
            shape = shape[part]
        local = json.loads(json.dumps(shape).replace('"#/$defs/', f'"{COMMON}'))  # its own references, from outside
        return _shapes_written_out({**local, **{k: v for k, v in node.items() if k != "$ref"}}, common)
    return {key: _shapes_written_out(value, common) for key, value in node.items()}


def _attack(path: str, kind: str, number: int) -> str:
    payload = PAYLOADS[number % len(PAYLOADS)]
    if kind == "text":
        payload = BLOCK_PAYLOADS[number % len(BLOCK_PAYLOADS)] + "\n" + payload
    value = f"{payload} {BREAKOUT}<img src=x onerror=alert({number})>f{number}"
    if path.endswith("]"):
        value = value.replace(";", ",")  # ';' separates list items in the published CSV files
    return value


def _keep_rules_between_fields(files: dict[str, Any]) -> None:
    """A glossary term naming a participant must be its name or code, and expand to its full name;
    a name a source is cited for must be one the data shows: the attacked theme titles stand in."""
    if "glossary" not in files:
        return
    for source in files["sources"]["sources"]:
        titles = [theme["title"][source["language"]] for theme in files["themes"]["themes"] if source["language"] in theme["title"]]
        for section in source["sections"]:
            if "wordings" in section:
                section["wordings"] = list(titles)  # a list of its own: YAML would write a shared one as an alias
    participants = {p["id"]: p for p in files["participants"]["participants"]}
    kept = []
    for entry in files["glossary"]["glossary"]:
        participant = participants.get(entry.get("participant"))
        if participant:
            if entry["term"] not in (participant["name"]["en"], participant.get("code")):
                continue  # the name is now an attack, which no term can spell
            entry["expansion"] = participant["full_name"]
        kept.append(entry)
    files["glossary"]["glossary"] = kept


def _map_texts(value: Any, schema: dict, path: str, change: Callable[[str, str, str, str | None], str]) -> Any:
    """`value` with each text field replaced by change(path, 'text' or 'short_text', text, its
    language, or None for a text written once)."""
    kind = TEXT_DEFS.get(schema.get("$ref", ""))
    if kind and isinstance(value, str):
        return change(path, kind, value, None)
    kind = BILINGUAL_DEFS.get(schema.get("$ref", ""))
    if kind and isinstance(value, dict) and _free_text(schema):
        return {language: _in_one_language(text, path, kind, language, change) for language, text in value.items()}
    if isinstance(value, dict):
        properties = _properties(value, schema)
        return {key: _map_texts(item, properties.get(key, {}), f"{path}.{key}", change) for key, item in value.items()}
    if isinstance(value, list):
        return [_map_texts(item, schema.get("items", {}), f"{path}[{index}]", change) for index, item in enumerate(value)]
    return value


def _in_one_language(text: str | list, path: str, kind: str, language: str, change: Callable) -> str | list:
    """A text (or each of a list of words) in one language, changed."""
    if isinstance(text, list):
        return [change(f"{path}[{index}]", kind, word, language) for index, word in enumerate(text)]
    return change(path, kind, text, language)


def _free_text(schema: dict) -> bool:
    """Whether a text written in every language may say anything (a weekday's names may not)."""
    return not any("enum" in language for language in schema.get("properties", {}).values())


def _properties(value: dict, schema: dict) -> dict:
    """The fields of an object: of the option of its `oneOf` it takes, and of the `then` or
    `else` that applies to it (a source section's heading is written in both languages only where
    the source prints none)."""
    for option in schema.get("oneOf", [schema]):
        if set(option.get("required", [])) <= set(value):
            properties = dict(option.get("properties", {}))
            if "if" in option:
                branch = option["then" if jsonschema.Draft202012Validator(option["if"]).is_valid(value) else "else"]
                properties.update(branch.get("properties", {}))
            return properties
    return {}
