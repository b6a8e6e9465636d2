"""Generate the shipped JSON Schemas (Draft 2020-12) of OParl 1.1 from :mod:`._spec`.

``python -m kommunalrecht.oparl._schemagen`` rewrites ``kommunalrecht/oparl/schema/*.json``;
a test asserts that the shipped files equal :func:`generate`, so they cannot drift from the
field tables.

The schemas fix the defects of the official 1.1 "schemas" (digest §13): ``format: uri``
(plus an ``^https?://`` pattern) instead of ``format: url``; ``required`` as in the spec text
(``created``/``modified`` everywhere, the six Body lists new in 1.1, back-references only on
standalone objects); exact ``date`` and ``date-time`` patterns (§2.4.2: numeric offset
``±hh:mm``, no fractional seconds); tombstones (``deleted: true``) need only
``id``/``type``/``created``/``modified`` (§2.8, via ``if``/``then``); embedded objects by
``$ref`` to ``#/$defs/embedded`` of the target type, which also forbids deleted embedded objects
(§2.5); ``Location.geojson`` must be a GeoJSON Feature; no ``additionalProperties: false``
(vendor properties ``prefix:name`` and unknown properties are allowed, §2.1, §3).

Identifiers: ``$id`` is ``urn:kommunalrecht:oparl:1.1:<Type>`` (``…:List`` for the page
envelope) — deliberately not ``https://schema.oparl.org/…``, which names the official files.
All ``$ref`` values are absolute, so register all schemas (:func:`generate`) in one registry.

>>> schemas = generate()
>>> sorted(schemas)[:3]
['AgendaItem.json', 'Body.json', 'Consultation.json']
>>> schemas["Meeting.json"]["$id"]
'urn:kommunalrecht:oparl:1.1:Meeting'
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from kommunalrecht.oparl._spec import (
    LIST_LINKS,
    LIST_PAGINATION,
    SPEC,
    Kind,
    TypeSpec,
    type_uri,
)

__all__ = ["DRAFT", "SCHEMA_DIR", "generate", "main", "schema_id", "write"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = Path(__file__).with_name("schema")

DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
DATETIME_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}$"
URL_PATTERN = r"^https?://[^\s]+$"


def schema_id(name: str) -> str:
    """The ``$id`` of the schema for ``name`` (a type name or ``"List"``).

    >>> schema_id("File")
    'urn:kommunalrecht:oparl:1.1:File'
    """
    return f"urn:kommunalrecht:oparl:1.1:{name}"


def _common_defs() -> dict[str, Any]:
    return {
        "url": {"type": "string", "format": "uri", "pattern": URL_PATTERN},
        "date": {"type": "string", "format": "date", "pattern": DATE_PATTERN},
        "date-time": {"type": "string", "format": "date-time", "pattern": DATETIME_PATTERN},
    }


def _geojson_feature() -> dict[str, Any]:
    return {
        "description": "GeoJSON Feature (RFC 7946 §3.2), Koordinaten [Länge, Breite].",
        "type": "object",
        "required": ["type", "geometry"],
        "properties": {
            "type": {"const": "Feature"},
            "geometry": {
                "type": ["object", "null"],
                "required": ["type"],
                "properties": {"type": {"type": "string"}},
            },
            "properties": {"type": ["object", "null"]},
        },
    }


def _prop_schema(ts: TypeSpec, name: str) -> dict[str, Any]:
    p = ts.prop(name)
    k = p.kind
    out: dict[str, Any] = {}
    if p.description:
        out["description"] = p.description
    if name == "type":
        out["const"] = type_uri(ts.name)
    elif k is Kind.STRING:
        out["type"] = "string"
    elif k in (Kind.URL, Kind.EXTERNAL_LIST):
        out["$ref"] = "#/$defs/url"
    elif k is Kind.DATE:
        out["$ref"] = "#/$defs/date"
    elif k is Kind.DATETIME:
        out["$ref"] = "#/$defs/date-time"
    elif k is Kind.INTEGER:
        out["type"] = "integer"
    elif k is Kind.BOOLEAN:
        out["type"] = "boolean"
    elif k is Kind.OBJECT:
        out["$ref"] = "#/$defs/geojson"
    elif k is Kind.STRING_LIST:
        out.update(type="array", items={"type": "string"})
    elif k is Kind.URL_LIST:
        out.update(type="array", items={"$ref": "#/$defs/url"})
    elif k is Kind.EMBEDDED:
        out["$ref"] = f"{schema_id(p.target or '')}#/$defs/embedded"
    elif k is Kind.EMBEDDED_LIST:
        out.update(type="array", items={"$ref": f"{schema_id(p.target or '')}#/$defs/embedded"})
    if name == "order":
        out["minimum"] = 0
    if name == "oparlVersion":
        out = {"description": p.description, "const": "https://schema.oparl.org/1.1/"}
    return out


_DELETED = {"properties": {"deleted": {"const": True}}, "required": ["deleted"]}


def _type_schema(ts: TypeSpec) -> dict[str, Any]:
    always = list(ts.required_props(deleted=True, embedded=True))
    not_deleted = [n for n in ts.required_props(embedded=True) if n not in always]
    standalone = [n for n in ts.required_props() if n not in always and n not in not_deleted]
    base: dict[str, Any] = {
        "type": "object",
        "required": always,
        "properties": {p.name: _prop_schema(ts, p.name) for p in ts.props},
    }
    if not_deleted:
        base["if"] = _DELETED
        base["else"] = {"required": not_deleted}
    if ts.name == "Person":
        base["dependentRequired"] = {"locationObject": ["location"]}
    embedded: dict[str, Any] = {
        "description": f"{ts.name}, eingebettet: nicht gelöscht, Rückverweise entfallen.",
        "$ref": "#/$defs/base",
        "properties": {"deleted": {"const": False}},
    }
    defs = _common_defs()
    if ts.name == "Location":
        defs["geojson"] = _geojson_feature()
    defs["base"] = base
    defs["embedded"] = embedded
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": schema_id(ts.name),
        "title": ts.name,
        "description": f"{ts.description} ({ts.section}; erzeugt von kommunalrecht)",
        "$ref": "#/$defs/base",
    }
    if standalone:
        schema["if"] = _DELETED
        schema["else"] = {"required": standalone}
    schema["$defs"] = defs
    return schema


def _list_schema() -> dict[str, Any]:
    any_object: dict[str, Any] = {
        "type": "object",
        "required": ["type"],
        "allOf": [
            {
                "if": {"properties": {"type": {"const": type_uri(name)}}, "required": ["type"]},
                "then": {"$ref": schema_id(name)},
            }
            for name in SPEC
        ],
    }
    return {
        "$schema": DRAFT,
        "$id": schema_id("List"),
        "title": "List",
        "description": (
            "Seite einer externen Objektliste (OParl 1.1 §2.5; erzeugt von kommunalrecht)"
        ),
        "type": "object",
        "required": ["data", "pagination", "links"],
        "properties": {
            "data": {"type": "array", "items": {"$ref": "#/$defs/object"}},
            "pagination": {
                "type": "object",
                "properties": {n: {"type": "integer", "minimum": 0} for n in LIST_PAGINATION},
            },
            "links": {
                "type": "object",
                "properties": {n: {"$ref": "#/$defs/url"} for n in LIST_LINKS},
            },
        },
        "$defs": {"url": _common_defs()["url"], "object": any_object},
    }


def generate() -> dict[str, dict[str, Any]]:
    """All schemas by file name (``<Type>.json`` and ``List.json``)."""
    out = {f"{name}.json": _type_schema(ts) for name, ts in SPEC.items()}
    out["List.json"] = _list_schema()
    return out


def dump(schema: dict[str, Any]) -> str:
    """The canonical text of a schema file (2-space indent, UTF-8, final newline)."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write(directory: Path = SCHEMA_DIR) -> list[Path]:
    """(Re)write all schema files into ``directory``; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for fname, schema in generate().items():
        path = directory / fname
        path.write_text(dump(schema), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m kommunalrecht.oparl._schemagen [DIRECTORY]``."""
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else SCHEMA_DIR
    for path in write(target):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
