"""The site's search worker: Material's search worker with the site's query rewriting in front
of it (`search_worker.js`, beside this file, says how a query is rewritten).

The build serves it beside Material's worker, and `overrides/main.html` points Material's
configuration at it. What it needs from the record is written above the code, as data:
the names searched as whole words, the glossary's expansions with their terms, and the tags
pages show (the others are search terms, left out of the results).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from meeting_record.data.record import Record
from meeting_record.site.search_terms import page_terms

# Where Material keeps its worker among the theme's files, and where the site's own goes.
MATERIAL_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js")
RECORD_WORKER = "assets/javascripts/workers/record-search.js"
CODE = Path(__file__).with_name("search_worker.js")
# A qualifier in brackets, which a reader leaves out: "Ministry of … Communications (Japan)".
QUALIFIER = re.compile(r"\s*\([^)]*\)")


def whole_names(record: Record) -> list[str]:
    """Names a reader types in full, which must not match the beginning of a longer word: people's
    names, participants' names, codes and aliases, and the glossary's terms."""
    names = [name for person in record.people for name in (person.name, person.family_name)]
    for p in record.participants:
        names += [p.name, p.short_name, *p.aliases, *([p.code] if p.code else [])]
    names += [entry.term for entry in record.glossary]
    return list(dict.fromkeys(names))


def search_worker(record: Record, material_worker: str) -> str:
    """The worker's source: the record's search data, then the code, which imports Material's
    worker (`material_worker`, its path among the theme's files) from the same folder."""
    data = {
        "material": Path(material_worker).name,
        "names": whole_names(record),
        "expansions": [[QUALIFIER.sub("", entry.expansion), entry.term] for entry in record.glossary if not entry.participant],
        "shown_tags": sorted({tag for terms in page_terms(record).values() for tag in terms.tags}),
    }
    return f"var RECORD_SEARCH = {json.dumps(data, ensure_ascii=True, indent=1)};\n" + CODE.read_text(encoding="utf-8")
