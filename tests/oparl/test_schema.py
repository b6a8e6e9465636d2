"""Tests of the generated, shipped JSON Schemas (Draft 2020-12)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from kommunalrecht.oparl import _schemagen
from kommunalrecht.oparl._repair import repair
from kommunalrecht.oparl._spec import SPEC, parse_type_uri
from kommunalrecht.oparl.check import check

from ._fixtures import FILES, load, meeting_with_items, name

SCHEMA_DIR = Path(_schemagen.__file__).with_name("schema")


def _shipped() -> dict[str, Any]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMA_DIR.glob("*.json")}


def _validator(type_name: str) -> Draft202012Validator:
    schemas = _shipped()
    registry: Registry[Any] = Registry().with_resources(
        (s["$id"], Resource.from_contents(s)) for s in schemas.values()
    )
    return Draft202012Validator(
        schemas[f"{type_name}.json"], registry=registry, format_checker=FormatChecker()
    )


def _errors(type_name: str, doc: Any) -> list[str]:
    return [e.message for e in _validator(type_name).iter_errors(doc)]


def test_shipped_schemas_equal_generated_output() -> None:
    generated = _schemagen.generate()
    shipped = {p.name: p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.json")}
    assert set(shipped) == set(generated)
    for fname, schema in generated.items():
        assert shipped[fname] == _schemagen.dump(schema), (
            f"{fname} is stale: run python -m kommunalrecht.oparl._schemagen"
        )


@pytest.mark.parametrize("fname", sorted(_schemagen.generate()))
def test_schemas_are_valid_draft_2020_12(fname: str) -> None:
    schema = _shipped()[fname]
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    text = json.dumps(schema)
    assert '"format": "url"' not in text
    assert "additionalProperties" not in text


def test_required_includes_text_musts() -> None:
    body = _shipped()["Body.json"]
    base = body["$defs"]["base"]
    assert base["required"] == ["id", "type", "created", "modified"]
    for lst in ("agendaItem", "consultation", "file", "locationList", "legislativeTermList",
                "membership", "legislativeTerm", "name"):  # fmt: skip
        assert lst in base["else"]["required"]


@pytest.mark.parametrize("path", FILES, ids=name)
def test_repaired_documents_validate_iff_check_has_no_errors(path: Path) -> None:
    fixed, _ = repair(load(path))
    tname, _ = parse_type_uri(fixed["type"])  # type: ignore[misc]
    errors = [f for f in check(fixed) if f.severity.value == "error"]
    schema_errors = _errors(tname, fixed)
    assert bool(errors) == bool(schema_errors), (errors, schema_errors)


def test_valid_meeting_and_tombstones() -> None:
    assert _errors("Meeting", meeting_with_items(3)) == []
    tomb = {
        "id": "https://ris.example.org/paper/1",
        "type": "https://schema.oparl.org/1.1/Paper",
        "created": "2020-01-01T00:00:00+01:00",
        "modified": "2020-02-01T00:00:00+01:00",
        "deleted": True,
    }
    assert _errors("Paper", tomb) == []
    body_tomb = dict(tomb, type="https://schema.oparl.org/1.1/Body")
    assert _errors("Body", body_tomb) == []
    assert _errors("Body", {k: v for k, v in body_tomb.items() if k != "deleted"})
    # vendor and unknown properties are allowed
    assert _errors("Paper", dict(tomb, **{"kommunalrecht:x": [1], "extra": 1})) == []


@pytest.mark.parametrize(
    ("mutate", "why"),
    [
        (lambda m: m["agendaItem"][0].pop("order"), "order fehlt"),
        (lambda m: m.update(created="2021-11-16T17:00:00.5+01:00"), "Bruchteil"),
        (lambda m: m.update(created="2021-11-16T17:00:00+0100"), "Offset ohne Doppelpunkt"),
        (lambda m: m.update(created="2021-11-16T17:00:00Z"), "Z"),
        (lambda m: m.update(start="2021-11-16"), "date statt date-time"),
        (lambda m: m.update(web="www.example.org"), "URL ohne Schema"),
        (lambda m: m.pop("modified"), "modified fehlt"),
        (lambda m: m["agendaItem"][0].update(deleted=True), "eingebettet gelöscht"),
        (lambda m: m["agendaItem"][0].pop("created"), "created eingebettet fehlt"),
        (
            lambda m: m["location"].update(geojson={"type": "Point", "coordinates": [7, 50]}),
            "bloße Geometrie",
        ),
        (lambda m: m.update(type="https://schema.oparl.org/1.0/Meeting"), "1.0-Typ"),
        (lambda m: m.update(organization="https://ris.example.org/o/1"), "kein Array"),
    ],
)
def test_schema_rejects_known_bad(mutate: Any, why: str) -> None:
    doc = meeting_with_items(2)
    mutate(doc)
    assert _errors("Meeting", doc), why
    assert any(f.severity.value == "error" for f in check(doc)), why


def test_official_defects_rejected_by_schema() -> None:
    assert _errors("Meeting", load("examples/1.1/Meeting-01.json"))  # AgendaItem.order
    assert _errors("Body", load("examples/1.1/Body-01.json"))  # legislativeTermList
    assert _errors("Paper", load("examples/1.1/Paper-01.json"))  # bare Point
    assert _errors("File", load("examples/1.1/File-01.json")) == []
    assert _errors("Person", load("examples/1.1/Person-01.json")) == []


def test_list_schema() -> None:
    page = {
        "data": [meeting_with_items(1), copy.deepcopy(meeting_with_items(0))],
        "pagination": {"totalElements": 2, "elementsPerPage": 100, "currentPage": 1},
        "links": {"self": "https://ris.example.org/meetings?page=1"},
    }
    assert _errors("List", page) == []
    page["data"][1]["agendaItem"] = [{"id": "x"}]
    assert _errors("List", page)
    assert _errors("List", {"data": []})


def test_schema_covers_every_spec_property() -> None:
    schemas = _shipped()
    for tname, ts in SPEC.items():
        props = schemas[f"{tname}.json"]["$defs"]["base"]["properties"]
        assert list(props) == [p.name for p in ts.props]
