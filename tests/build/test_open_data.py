"""The record as open data, and what each page tells search engines and link previews.

The published JSON and CSV are read back and compared with the record; the home page's JSON-LD
is checked against the fields Google's Event structured data requires."""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime
import html
import io
import json
import re
import shutil
from pathlib import Path

import jinja2
import jsonschema
import pytest
import referencing
import yaml
from jinja2.filters import do_filesizeformat

from meeting_record.data.kinds import KINDS
from meeting_record.data.load_record import DATA_FILES, load_record
from meeting_record.site.open_data import publish
from meeting_record.site.page_head import head_description, meeting_event
from project import DATA, ROOT
from site_pages import EDITIONS
from meeting_record.data.record import Attendee, SourceRef

CSV_TABLES = tuple(kind.key for kind in KINDS if kind.csv)  # the kinds the table of kinds gives a CSV table
KIND_FILES = {kind.key: kind.file for kind in KINDS}


def published(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site / "data").as_posix(): p.read_bytes()
            for p in sorted((site / "data").rglob("*")) if p.is_file() and p.suffix in (".json", ".csv")}


def load_json(site: Path, name: str):
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------
# What is published

def test_every_dataset_is_published_as_json_csv_and_schema(built_site):
    files = set(published(built_site))
    expected = {"record.json", *(f"{n}.json" for n in DATA_FILES), *(f"{n}.csv" for n in CSV_TABLES),
                *(f"schemas/{p.name}" for p in (DATA / "schemas").glob("*.schema.json"))}
    assert files == expected


def test_published_schemas_are_the_project_schemas(built_site):
    for path in (DATA / "schemas").glob("*.schema.json"):
        assert (built_site / "data" / "schemas" / path.name).read_bytes() == path.read_bytes()


def test_json_loads_back_into_the_same_record(built_site, record, tmp_path):
    """JSON is YAML: the published files, put where the data files go, give the same record."""
    data = tmp_path / "data"
    shutil.copytree(built_site / "data" / "schemas", data / "schemas")
    for name in DATA_FILES:
        shutil.copy(built_site / "data" / f"{name}.json", data / f"{name}.yml")
    assert load_record(data) == record


def test_combined_file_holds_every_dataset(built_site):
    combined = load_json(built_site, "record.json")
    merged = {}
    for name in DATA_FILES:
        merged.update(load_json(built_site, f"{name}.json"))
    assert combined == merged


def test_published_json_is_valid_against_the_published_schemas(built_site):
    schemas = [json.loads(p.read_text(encoding="utf-8")) for p in (built_site / "data" / "schemas").glob("*.json")]
    registry = referencing.Registry().with_resources((s["$id"], referencing.Resource.from_contents(s)) for s in schemas)
    for name in DATA_FILES:
        schema = load_json(built_site, f"schemas/{name}.schema.json")
        jsonschema.Draft202012Validator(schema, registry=registry).validate(load_json(built_site, f"{name}.json"))


def csv_text(value) -> str:
    """How a record value reads in a CSV cell, written out here independently of the publisher."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    # Told by their fields, not their class: a build in this process imports the package afresh.
    if type(value).__name__ == SourceRef.__name__:
        return f"{value.document}#{value.section}"
    if type(value).__name__ == Attendee.__name__:
        return value.ref
    if isinstance(value, tuple):
        return "\n".join(json.dumps(plain(item), ensure_ascii=False) if is_fields(item) else csv_text(item)
                          for item in value)
    return str(value)


def read_csv(built_site, name: str) -> list[dict[str, str]]:
    """A CSV table as a spreadsheet opens it: UTF-8, told so by its byte order mark."""
    raw = (built_site / "data" / f"{name}.csv").read_bytes()
    assert raw.startswith(codecs.BOM_UTF8), f"{name}.csv does not begin with a UTF-8 byte order mark"
    return list(csv.DictReader(io.StringIO(raw[len(codecs.BOM_UTF8):].decode("utf-8"))))


def is_fields(value) -> bool:
    """A set of fields of its own: not a source reference, nor an attendee (each written as text)."""
    return dataclasses.is_dataclass(value) and type(value).__name__ not in ("SourceRef", "Attendee")


def plain(value):
    """A set of fields (a fact, a wording) as it reads in one line of JSON in a CSV cell."""
    if type(value).__name__ == "SourceRef":
        return f"{value.document}#{value.section}"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value) if getattr(value, f.name) not in (None, ())}
    if isinstance(value, tuple):
        return [plain(each) for each in value]
    return value


@pytest.mark.parametrize("name", CSV_TABLES)
def test_csv_reads_back_as_the_record(built_site, record, name):
    rows = read_csv(built_site, name)
    items = getattr(record, name)
    assert [row["id"] for row in rows] == [item.id for item in items]
    for row, item in zip(rows, items):
        fields = [field.name for field in dataclasses.fields(item)]
        assert [column for column in row if column in fields] == fields
        assert all(column in fields or column.removesuffix("_name") in fields or column.removesuffix("_ja") in fields
                   for column in row), f"{name}.csv has columns {list(row)}"
        for field in dataclasses.fields(item):
            value = getattr(item, field.name)
            assert row[field.name] == csv_text(value), f"{name}.csv {item.id}.{field.name}"
            if isinstance(value, tuple) and value:
                assert len(row[field.name].split("\n")) == len(value), "list items split back as they were"


@pytest.mark.parametrize("name", CSV_TABLES)
def test_csv_gives_the_japanese_beside_the_english(built_site, records, name):
    """Each field written in English and Japanese has a column `<field>_ja` right after its own,
    holding the data's Japanese; only the ids of the fields that name items stand alone."""
    rows = read_csv(built_site, name)
    columns = list(rows[0])
    translated = [column.removesuffix("_ja") for column in columns if column.endswith("_ja")]
    assert all(columns[columns.index(field) + 1] == f"{field}_ja" for field in translated), columns
    naming = {column.removesuffix("_name") for column in columns if column.endswith("_name")}
    raw = yaml.safe_load((DATA / f"{KIND_FILES[name]}.yml").read_text(encoding="utf-8"))[name]
    for row, english, japanese, written in zip(rows, getattr(records["en"], name), getattr(records["ja"], name), raw):
        differ = {f.name for f in dataclasses.fields(english) if getattr(english, f.name) != getattr(japanese, f.name)}
        assert differ - naming <= set(translated), f"{name}.csv {row['id']}: no Japanese column for {differ - naming - set(translated)}"
        for field in translated:
            assert row[f"{field}_ja"] == csv_text(getattr(japanese, field)), f"{name}.csv {row['id']}.{field}_ja"
            if isinstance(written.get(field), dict) and isinstance(written[field].get("ja"), str):
                assert row[f"{field}_ja"] == written[field]["ja"] and row[field] == written[field]["en"]


@pytest.mark.parametrize("name", CSV_TABLES)
def test_csv_names_every_item_it_refers_to_beside_its_id(built_site, record, name):
    rows = read_csv(built_site, name)
    fields = {field.name for field in dataclasses.fields(getattr(record, name)[0])}
    named = [column for column in rows[0] if column not in fields and column.removesuffix("_name") in fields]
    for row in rows:
        for column in named:
            ids = [i for i in row[column.removesuffix("_name")].split("\n") if i]
            names = [n for n in row[column].split("\n") if n]
            assert len(names) == len(ids), f"{name}.csv {row['id']}.{column}"
            for item_id, shown in zip(ids, names):
                assert shown.startswith(record.name_of(record.get(item_id))), f"{name}.csv {row['id']}.{column}: {shown!r}"
    refers = {"statements": {"speaker_name", "during_name"}, "talks": {"host_name", "counterpart_name"},
              "people": {"participant_name"}, "participants": {"group_name"}, "events": {"attendees_name"}}
    assert refers.get(name, set()) <= set(named), f"{name}.csv lacks names beside ids: {refers[name] - set(named)}"


def test_a_field_missing_from_the_schemas_stops_the_build(records, tmp_path):
    """The published data must document every field: a record field its schema lacks is an error."""
    schemas = tmp_path / "schemas"
    shutil.copytree(DATA / "schemas", schemas)
    talks = json.loads((schemas / "talks.schema.json").read_text(encoding="utf-8"))
    del talks["properties"]["talks"]["items"]["properties"]["counterpart"]
    (schemas / "talks.schema.json").write_text(json.dumps(talks), encoding="utf-8")
    with pytest.raises(Exception, match=r"talks\[\]\.counterpart is in the record but not in its schema"):
        publish(records, schemas)


# ---------------------------------------------------------------------------
# The data page

def data_page(site: Path) -> str:
    return (site / "data" / "index.html").read_text(encoding="utf-8")


def test_data_page_links_every_file_with_its_size(built_site):
    page = data_page(built_site)
    for name, content in published(built_site).items():
        row = re.search(rf'<tr>\s*<td><a href="{re.escape(name)}">.*?</tr>', page, re.S)
        assert row, f"the data page does not link {name}"
        assert do_filesizeformat(len(content)) in html.unescape(row.group(0))


def key_paths(value, prefix: str = "") -> set[str]:
    """Every field path in a JSON value, written as the data page writes them: a[].b.c"""
    paths = set()
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else key
            paths |= {path} | key_paths(item, path)
    elif isinstance(value, list):
        for item in value:
            paths |= key_paths(item, f"{prefix}[]")
    return paths


def _a_language_of(path: str, in_languages: set[str]) -> bool:
    """Whether `path` is the English or Japanese (`.en`, `.ja`) of a field documented as written in both."""
    field, _, language = path.rpartition(".")
    return language in ("en", "ja") and field.removesuffix("[]") in in_languages


def test_data_page_documents_every_published_field(built_site):
    page = data_page(built_site)
    for name in DATA_FILES:
        section = page.split(f'id="fields-{name}"', 1)[1].split("<h3", 1)[0]
        rows = re.findall(r"<tr>\s*<td><code>(.*?)</code></td>\s*<td>(.*?)</td>\s*<td>.*?</td>\s*<td>(.*?)</td>", section, re.S)
        documented = {html.unescape(path.replace("<wbr>", "")): description.strip() for path, _, description in rows}
        in_languages = {html.unescape(path.replace("<wbr>", "")) for path, kind, _ in rows if "English" in kind and "Japanese" in kind}
        missing = {path for path in key_paths(load_json(built_site, f"{name}.json")) - set(documented)
                   if not _a_language_of(path, in_languages)}
        assert not missing, f"{name}.json fields without documentation: {sorted(missing)}"
        undescribed = [path for path, description in documented.items() if not description]
        assert not undescribed, f"add a description to these fields in data/schemas/{name}.schema.json: {undescribed}"


# ---------------------------------------------------------------------------
# JSON-LD on the home page

def json_ld(markup: str) -> list[dict]:
    return [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', markup, re.S)]


def test_home_page_describes_the_meeting_as_an_event(built_site, record):
    [event] = json_ld((built_site / "index.html").read_text(encoding="utf-8"))
    # Google's required fields for an Event: name, startDate, location (a Place with an address)
    assert event["@context"] == "https://schema.org" and event["@type"] == "Event"
    assert event["name"] == record.meeting.title
    start, end = (datetime.date.fromisoformat(event[k]) for k in ("startDate", "endDate"))
    assert (start, end) == (record.meeting.days[0].date, record.meeting.days[-1].date)
    assert [place["name"] for place in event["location"]] == list(record.meeting.venues)
    for place in event["location"]:
        assert place["@type"] == "Place"
        assert place["address"]["@type"] == "PostalAddress"
        assert place["address"]["addressLocality"] == place["name"] and place["address"]["addressCountry"]
    assert event["organizer"]["name"] == record.presidency.full_name
    assert [a["name"] for a in event["attendee"]] == [p.full_name for p in record.participants]
    assert not re.search(r"T\d\d:", event["startDate"] + event["endDate"]), "the source gives no times of day"


def test_json_ld_is_only_on_the_home_page(built_site):
    """On each edition's home page, in its language."""
    homes = {built_site / "index.html": "en", **{built_site / edition / "index.html": edition for edition in EDITIONS}}
    for file in built_site.rglob("*.html"):
        found = json_ld(file.read_text(encoding="utf-8"))
        if file in homes:
            assert found and found[0]["inLanguage"] == homes[file], file
        else:
            assert not found, file


def render_head(**context) -> str:
    """overrides/partials/record-head.html rendered as MkDocs does (its Jinja has no autoescape)."""
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides" / "partials"))
    return environment.get_template("record-head.html").render(**context)


class StubPage:
    def __init__(self, description: str | None, homepage: bool = False):
        self.title, self.is_homepage, self.canonical_url = "A page", homepage, None
        self.meta = {"description": description} if description else {}


def test_json_ld_cannot_close_its_script(record):
    meeting = dataclasses.replace(record.meeting, title="</script><script>alert(1)</script> & <!--")
    event = meeting_event(dataclasses.replace(record, meeting=meeting))
    markup = render_head(page=StubPage(None, homepage=True), config={"site_name": "S", "site_description": "D"},
                         record_event=event)
    assert markup.count("</script>") == 1 and "<script>alert" not in markup and "<!--" not in markup
    assert json_ld(markup)[0]["name"] == meeting.title


# ---------------------------------------------------------------------------
# Descriptions and Open Graph on every page

def head_of(markup: str) -> str:
    return markup.split("</head>", 1)[0]


def meta(head: str, attribute: str, name: str) -> list[str]:
    return [html.unescape(v) for v in re.findall(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', head)]


def test_every_page_has_a_description_and_open_graph_tags(built_site, record):
    site_description = "".join(meta(head_of((built_site / "index.html").read_text(encoding="utf-8")), "property", "og:site_name"))
    descriptions = {}
    for file in sorted(built_site.rglob("index.html")):
        head = head_of(file.read_text(encoding="utf-8"))
        if 'http-equiv="refresh"' in head:
            continue  # a redirect stub
        [description] = meta(head, "name", "description")
        assert meta(head, "property", "og:description") == [description]
        [title] = meta(head, "property", "og:title")
        assert title and "<" not in title
        descriptions[file.relative_to(built_site).as_posix()] = description
    assert len(set(descriptions.values())) == len(descriptions), "each page describes itself"
    assert descriptions["participants/italy/index.html"].startswith("Italy (Italian Republic)")
    assert site_description


@pytest.mark.parametrize("path", sorted(p.name for p in (ROOT / "docs").glob("*.md")))
def test_each_hand_written_page_has_its_own_description(path):
    text = (ROOT / "docs" / path).read_text(encoding="utf-8")
    front = re.match(r"---\n(.*?)\n---\n", text, re.S)
    assert front and re.search(r"^description: \S.{40,}$", front.group(1), re.M), f"docs/{path} needs a description"


def test_description_from_the_data_is_escaped_once():
    page = StubPage('A "quoted" <b>bold</b> & more')
    page.meta["description"] = head_description(page.meta["description"])
    material = jinja2.Template('<meta name="description" content="{{ page.meta.description }}">').render(page=page)
    ours = render_head(page=page, config={"site_name": "S", "site_description": "D"})
    for markup in (material, ours):
        assert "<b>" not in markup and "&amp;amp;" not in markup
    assert meta(material, "name", "description") == ['A "quoted" <b>bold</b> & more']
    assert meta(ours, "property", "og:description") == ['A "quoted" <b>bold</b> & more']


def test_every_index_page_links_the_table_of_what_it_lists(built_site):
    from meeting_record.data.kinds import KINDS
    for kind in (k for k in KINDS if k.index):
        markup = (built_site / kind.index.removesuffix(".md").removesuffix("/index") / "index.html").read_text(encoding="utf-8")
        links = set(re.findall(r'href="((?:\.\./)+data/[^"]+\.csv)"', markup))
        assert links, f"{kind.index} links no CSV table"
        for link in links:
            assert (built_site / kind.index.removesuffix(".md").removesuffix("/index") / link).resolve().is_file(), link
        assert any(link.endswith(f"/data/{kind.key}.csv") for link in links), f"{kind.index} does not link {kind.key}.csv"
