"""What a page's <head> tells search engines and link previews: its description, and on the home
page the meeting as a schema.org `Event` in JSON-LD (Google's Event structured data: name,
startDate and location with an address are required; the rest is recommended).

Material writes `page.meta.description` into an attribute without escaping it, so the
description is escaped here, once, and marked safe; `overrides/partials/record-head.html`
serialises the JSON-LD with Jinja's `tojson`, which escapes <, > and & inside the script.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from meeting_record.data.record import Participant, Record

SCHEMA_ORG = "https://schema.org"


def head_description(description: Any) -> Markup:
    """The page's description, escaped once for the attribute Material writes it into."""
    return escape(str(description))


def meeting_event(record: Record, site_url: str | None = None, language: str = "en") -> dict[str, Any]:
    """The meeting as a schema.org Event, its texts in `language` (the record's)."""
    meeting = record.meeting
    event: dict[str, Any] = {
        "@context": SCHEMA_ORG,
        "@type": "Event",
        "inLanguage": language,
        "name": meeting.title,
        "description": meeting.summary,
        "startDate": meeting.days[0].date.isoformat(),
        "endDate": meeting.days[-1].date.isoformat(),
        "eventAttendanceMode": f"{SCHEMA_ORG}/OfflineEventAttendanceMode",
        "location": [_place(venue, meeting.country) for venue in meeting.venues],
        "organizer": _organization(record.presidency),
        "attendee": [_organization(participant) for participant in record.participants],
    }
    if site_url:
        event["url"] = site_url
    return event


def _place(venue: str, country: str) -> dict[str, Any]:
    address = {"@type": "PostalAddress", "addressLocality": venue, "addressCountry": country}
    return {"@type": "Place", "name": venue, "address": address}


def _organization(participant: Participant) -> dict[str, Any]:
    """A participant as schema.org sees it: the party that attends or organises."""
    organization = {"@type": "Organization", "name": participant.full_name}
    if participant.name != participant.full_name:
        organization["alternateName"] = participant.name
    return organization
