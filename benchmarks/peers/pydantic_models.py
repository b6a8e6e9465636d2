"""pydantic v2 models of the OParl 1.1 shape, in pydantic's default mode.

Same fields as :mod:`.msgspec_models`: camelCase names as in the JSON, ``date``,
``AwareDatetime`` for date-times (an offset is required, OParl §2.4.2), ``None`` for absent
values, omitted on output (``model_dump_json(exclude_none=True)``), unknown properties
ignored (pydantic's default). Decoding is ``model_validate_json`` (pydantic-core's own JSON
parser); encoding is ``model_dump_json(exclude_none=True)`` as bytes (its serializer's ``to_json``,
which ``model_dump_json`` wraps, so pydantic is not charged for a bytes → str → bytes trip).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import AwareDatetime, BaseModel

NAME = "pydantic"


class _Base(BaseModel):
    id: str
    type: str
    license: str | None = None
    keyword: list[str] | None = None
    created: AwareDatetime | None = None
    modified: AwareDatetime | None = None
    web: str | None = None
    deleted: bool | None = None


class File(_Base):
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


class Location(_Base):
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


class AgendaItem(_Base):
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
    start: AwareDatetime | None = None
    end: AwareDatetime | None = None


class Meeting(_Base):
    name: str | None = None
    meetingState: str | None = None
    cancelled: bool | None = None
    start: AwareDatetime | None = None
    end: AwareDatetime | None = None
    location: Location | None = None
    organization: list[str] | None = None
    participant: list[str] | None = None
    invitation: File | None = None
    resultsProtocol: File | None = None
    verbatimProtocol: File | None = None
    auxiliaryFile: list[File] | None = None
    agendaItem: list[AgendaItem] | None = None


class Consultation(_Base):
    paper: str | None = None
    agendaItem: str | None = None
    meeting: str | None = None
    organization: list[str] | None = None
    authoritative: bool | None = None
    role: str | None = None


class Paper(_Base):
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


def prepare_meeting(doc: dict[str, Any]) -> bytes:
    import orjson

    return orjson.dumps(doc)


prepare_paper = prepare_meeting
decode_meeting = Meeting.model_validate_json
decode_paper = Paper.model_validate_json


def encode_meeting(m: BaseModel) -> bytes:
    # what model_dump_json(exclude_none=True) runs, minus its final bytes -> str decode
    return m.__pydantic_serializer__.to_json(m, exclude_none=True)


encode_paper = encode_meeting
