"""msgspec Structs of the OParl 1.1 shape (Meeting, AgendaItem, Paper, Consultation, File,
Location): the fastest typed Python decoder.

Every OParl 1.1 property of these types is a field (camelCase names as in the JSON), dates
are ``date``, date-times timezone-aware ``datetime`` (``Meta(tz=True)``: an offset is
required, as in OParl §2.4.2), absent values ``None`` and omitted on output
(``omit_defaults``), unknown properties ignored.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import msgspec

NAME = "msgspec"

AwareDT = Annotated[dt.datetime, msgspec.Meta(tz=True)]


class _Base(msgspec.Struct, kw_only=True, omit_defaults=True):
    id: str
    type: str
    license: str | None = None
    keyword: list[str] | None = None
    created: AwareDT | None = None
    modified: AwareDT | None = None
    web: str | None = None
    deleted: bool | None = None


class File(_Base, kw_only=True, omit_defaults=True):
    name: str | None = None
    fileName: str | None = None
    mimeType: str | None = None
    date: dt.date | None = None
    size: int | None = None
    sha1Checksum: str | None = None
    sha512Checksum: str | None = None
    text: str | None = None
    accessUrl: str | None = None
    downloadUrl: str | None = None
    externalServiceUrl: str | None = None
    masterFile: str | None = None
    derivativeFile: list[str] | None = None
    fileLicense: str | None = None
    meeting: list[str] | None = None
    agendaItem: list[str] | None = None
    paper: list[str] | None = None


class Location(_Base, kw_only=True, omit_defaults=True):
    description: str | None = None
    geojson: dict[str, Any] | None = None
    streetAddress: str | None = None
    room: str | None = None
    postalCode: str | None = None
    subLocality: str | None = None
    locality: str | None = None
    bodies: list[str] | None = None
    organizations: list[str] | None = None
    persons: list[str] | None = None
    meetings: list[str] | None = None
    papers: list[str] | None = None


class AgendaItem(_Base, kw_only=True, omit_defaults=True):
    meeting: str | None = None
    number: str | None = None
    order: int | None = None
    name: str | None = None
    public: bool | None = None
    consultation: str | None = None
    result: str | None = None
    resolutionText: str | None = None
    resolutionFile: File | None = None
    auxiliaryFile: list[File] | None = None
    start: AwareDT | None = None
    end: AwareDT | None = None


class Meeting(_Base, kw_only=True, omit_defaults=True):
    name: str | None = None
    meetingState: str | None = None
    cancelled: bool | None = None
    start: AwareDT | None = None
    end: AwareDT | None = None
    location: Location | None = None
    organization: list[str] | None = None
    participant: list[str] | None = None
    invitation: File | None = None
    resultsProtocol: File | None = None
    verbatimProtocol: File | None = None
    auxiliaryFile: list[File] | None = None
    agendaItem: list[AgendaItem] | None = None


class Consultation(_Base, kw_only=True, omit_defaults=True):
    paper: str | None = None
    agendaItem: str | None = None
    meeting: str | None = None
    organization: list[str] | None = None
    authoritative: bool | None = None
    role: str | None = None


class Paper(_Base, kw_only=True, omit_defaults=True):
    body: str | None = None
    name: str | None = None
    reference: str | None = None
    date: dt.date | None = None
    paperType: str | None = None
    relatedPaper: list[str] | None = None
    superordinatedPaper: list[str] | None = None
    subordinatedPaper: list[str] | None = None
    mainFile: File | None = None
    auxiliaryFile: list[File] | None = None
    location: list[Location] | None = None
    originatorPerson: list[str] | None = None
    underDirectionOf: list[str] | None = None
    originatorOrganization: list[str] | None = None
    consultation: list[Consultation] | None = None


_meeting_decoder = msgspec.json.Decoder(Meeting)
_paper_decoder = msgspec.json.Decoder(Paper)
_encoder = msgspec.json.Encoder()


def prepare_meeting(doc: dict[str, Any]) -> bytes:
    return msgspec.json.encode(doc)


prepare_paper = prepare_meeting
decode_meeting = _meeting_decoder.decode
decode_paper = _paper_decoder.decode
encode_meeting = _encoder.encode
encode_paper = _encoder.encode
