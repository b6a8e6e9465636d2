"""Tests of the lenient dict-level repair (kommunalrecht.oparl._repair)."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kommunalrecht.errors import KommunalrechtError, ParseError, Severity
from kommunalrecht.oparl._repair import REPAIR_CODES, repair
from kommunalrecht.oparl._spec import SPEC, VENDOR_ORIGINAL, type_uri
from kommunalrecht.oparl.check import check

from ._fixtures import DATA, FILES, load, meeting_with_items, name

EXPECTED = DATA / "expected_findings.json"


def _pairs(findings: Any) -> list[list[str]]:
    return [[f.code, f.path] for f in findings]


def _actual() -> dict[str, Any]:
    out = {}
    for path in FILES:
        fixed, rfind = repair(load(path))
        out[name(path)] = {"repair": _pairs(rfind), "check": _pairs(check(fixed))}
    return out


if os.environ.get("KOMMUNALRECHT_REGEN"):  # pragma: no cover - maintenance helper
    EXPECTED.write_text(json.dumps(_actual(), indent=1, ensure_ascii=False) + "\n", "utf-8")


@pytest.mark.parametrize("path", FILES, ids=name)
def test_findings_of_repair_and_check_are_as_recorded(path: Path) -> None:
    """Golden test: the exact findings of repair + check per fixture (see EXPECTED)."""
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))[name(path)]
    fixed, rfind = repair(load(path))
    assert _pairs(rfind) == expected["repair"]
    assert _pairs(check(fixed)) == expected["check"]


@pytest.mark.parametrize("path", FILES, ids=name)
def test_after_repair_only_unrepairable_errors_remain(path: Path) -> None:
    """After repair, check reports errors only for mandatory facts the source lacks, and
    repair itself reported each of them as FEHLT_UNERSETZBAR."""
    doc = load(path)
    original = copy.deepcopy(doc)
    fixed, rfind = repair(doc)
    assert doc == original  # input untouched
    for f in rfind:
        assert f.code in REPAIR_CODES
        assert f.severity in (Severity.WARNING, Severity.INFO)
        assert f.severity is REPAIR_CODES[f.code][0]
    errors = {f.path for f in check(fixed) if f.severity is Severity.ERROR}
    assert {f.code for f in check(fixed) if f.severity is Severity.ERROR} <= {"PFLICHTFELD_FEHLT"}
    unrepairable = {f.path for f in rfind if f.code == "FEHLT_UNERSETZBAR"}
    assert errors == unrepairable - {"$.legislativeTerm"}
    assert fixed["type"].startswith("https://schema.oparl.org/1.1/")
    # idempotent: a second repair changes nothing but reports what is still missing
    again, rfind2 = repair(fixed)
    assert again == fixed
    assert {f.code for f in rfind2} <= {"FEHLT_UNERSETZBAR"}


def test_official_1_1_defects_are_repaired() -> None:
    meeting, found = repair(load("examples/1.1/Meeting-01.json"))
    assert ["REPARIERT_ORDER_ERGAENZT", "$.agendaItem[0].order"] in _pairs(found)
    assert meeting["agendaItem"][0]["order"] == 0
    assert meeting["location"]["geojson"]["geometry"]["coordinates"] == [10.4321, 50.1234]
    assert meeting["location"][VENDOR_ORIGINAL]["geojson"]["geometry"]["coordinates"] == [
        50.1234, 10.4321,
    ]  # fmt: skip
    paper, found = repair(load("examples/1.1/Paper-01.json"))
    assert ["REPARIERT_GEOJSON_FEATURE", "$.location[0].geojson"] in _pairs(found)
    assert paper["location"][0]["geojson"] == {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [7.03291, 50.98249]},
        "properties": {},
    }
    body, found = repair(load("examples/1.1/Body-01.json"))
    assert ["FEHLT_UNERSETZBAR", "$.legislativeTermList"] in _pairs(found)
    assert "legislativeTermList" not in body


def test_official_1_0_examples() -> None:
    body, _found = repair(load("examples/1.0/Body-01.json"))
    assert body["location"]["id"] == "https://oparl.example.org/location/0"  # "id:" typo
    assert "geojson" in body["location"]
    assert "geometry" not in body["location"]
    assert body["created"] == "2014-01-08T14:28:31+01:00"
    assert body["licenseValidSince"] == "2014-01-01T00:00:00+01:00"
    assert body[VENDOR_ORIGINAL]["licenseValidSince"] == "2014-01-01"
    assert body["legislativeTerm"][0]["created"] == body["created"]
    org, _ = repair(load("examples/1.0/Organization-01.json"))
    assert "meeting" not in org
    assert len(org[VENDOR_ORIGINAL]["meeting"]) == 12
    assert org["location"] == {
        "id": "https://oparl.example.org/location/4",
        "type": type_uri("Location"),
        "created": "2012-07-16T00:00:00+02:00",
        "modified": "2012-08-16T00:00:00+02:00",
    }
    person, _ = repair(load("examples/1.0/Person-01.json"))
    assert person["phone"] == ["+493012345678"]
    assert person["email"] == ["max@mustermann.de"]
    paper, _ = repair(load("examples/1.0/Paper-01.json"))
    assert paper["consultation"][0]["organization"] == ["https://oparl.example.org/organization/96"]
    meeting, _ = repair(load("examples/1.0/Meeting-01.json"))
    assert meeting["agendaItem"][0]["resolutionText"].startswith("Der Beschluss")
    system, _ = repair(load("examples/1.0/System-01.json"))
    assert system["oparlVersion"] == "https://schema.oparl.org/1.1/"


def test_realworld_repairs() -> None:
    rw = "realworld/meine-stadt-transparent/"
    stein, _ = repair(load(rw + "bodies/Steinhagen.json"))
    assert stein["website"] == "http://www.steinhagen.de"
    assert stein["equivalent"] == ["http://www.gemeinde-steinhagen.de"]
    assert stein["location"]["geojson"]["geometry"]["coordinates"] == [8, 52]
    leipzig, found = repair(load(rw + "systems/Stadt-Leipzig.json"))
    assert "license" not in leipzig
    assert "website" not in leipzig
    assert leipzig[VENDOR_ORIGINAL] == {
        "license": "Datenlizenz Deutschland Namensnennung 2.0",
        "website": "N/A",
    }
    assert {"REPARIERT_LIZENZ_FREITEXT", "REPARIERT_PLATZHALTER_ENTFERNT"} <= {
        f.code for f in found
    }
    wup, found = repair(load(rw + "oparl-missing-wuppertal/system.json"))
    assert "otherOParlVersions" not in wup
    assert "otherOparlVersions" not in wup
    assert wup[VENDOR_ORIGINAL]["product"].startswith("Sitzungsmanagementsystem")
    wbody, _ = repair(load(rw + "oparl-missing-wuppertal/body.json"))
    assert "equivalent" not in wbody
    lbody, _ = repair(load(rw + "bodies/Stadt-Leipzig.json"))
    assert "created" not in lbody
    assert "shortName" not in lbody
    sys_, _ = repair(load(rw + "systems/Steinhagen.json"))
    assert sys_["STERNBERG:RIMVersion"] == "4.7.3a"  # vendor property kept


M = "https://schema.oparl.org/1.0/Meeting"


@pytest.mark.parametrize(
    ("value", "expected", "code"),
    [
        ("2014-01-08T14:28:31+0100", "2014-01-08T14:28:31+01:00", "REPARIERT_DATUMZEIT"),
        ("2014-01-08T14:28:31Z", "2014-01-08T14:28:31+00:00", "REPARIERT_DATUMZEIT"),
        (
            "2014-01-08T14:28:31.568+0100",
            "2014-01-08T14:28:31+01:00",
            "REPARIERT_DATUMZEIT_BRUCHTEIL",
        ),
        ("2014-01-08T14:28:31.000+01:00", "2014-01-08T14:28:31+01:00", "REPARIERT_DATUMZEIT"),
        ("2014-01-08 14:28+02", "2014-01-08T14:28:00+02:00", "REPARIERT_DATUMZEIT"),
        ("2014-07-08T14:28:31", "2014-07-08T14:28:31+02:00", "REPARIERT_ZEITZONE_ANGENOMMEN"),
        ("2014-01-08", "2014-01-08T00:00:00+01:00", "REPARIERT_DATUM_ZU_DATUMZEIT"),
    ],
)
def test_datetime_repairs(value: str, expected: str, code: str) -> None:
    doc = {
        "id": "https://x.example/m/1",
        "type": M,
        "start": value,
        "created": "2014-01-01T00:00:00+01:00",
        "modified": "2014-01-01T00:00:00+01:00",
    }
    fixed, found = repair(doc)
    assert fixed["start"] == expected
    assert [f.code for f in found if f.path == "$.start"] == [code]
    lossless = code == "REPARIERT_DATUMZEIT"
    assert (VENDOR_ORIGINAL in fixed) is not lossless
    if not lossless:
        assert fixed[VENDOR_ORIGINAL]["start"] == value


def test_date_repairs() -> None:
    doc = {
        "id": "https://x.example/f/1",
        "type": type_uri("File"),
        "accessUrl": "https://x/f",
        "date": "2013-01-04T10:00:00+01:00",
        "created": "2014-01-01T00:00:00+01:00",
        "modified": "2014-01-01T00:00:00+01:00",
    }
    fixed, _found = repair(doc)
    assert fixed["date"] == "2013-01-04"
    assert fixed[VENDOR_ORIGINAL] == {"date": "2013-01-04T10:00:00+01:00"}
    fixed, _ = repair(dict(doc, date="04.01.2013"))
    assert fixed["date"] == "2013-01-04"
    assert VENDOR_ORIGINAL not in fixed


def test_tombstone_without_type_and_deleted_false() -> None:
    stub = {
        "id": "https://x.example/p/9",
        "created": "2020-01-01T00:00:00+01:00",
        "modified": "2020-01-02T00:00:00+01:00",
        "deleted": True,
    }
    with pytest.raises(ParseError):
        repair(stub)
    fixed, found = repair(stub, expect="Paper")
    assert fixed["type"] == type_uri("Paper")
    assert check(fixed) == []
    assert [f.code for f in found] == ["REPARIERT_TYP_ERGAENZT"]
    alive = dict(stub, type=type_uri("Paper"), deleted=False)
    fixed, found = repair(alive)
    assert "deleted" not in fixed
    assert [f.code for f in found] == ["REPARIERT_DELETED_FALSE"]


def test_embedded_deleted_objects_removed_but_kept() -> None:
    m = meeting_with_items(3)
    m["agendaItem"][1]["deleted"] = True
    fixed, found = repair(m)
    assert [a["order"] for a in fixed["agendaItem"]] == [0, 2]
    assert fixed[VENDOR_ORIGINAL]["agendaItem"][0]["id"].endswith("/agendaItem/1")
    assert "REPARIERT_GELOESCHT_ENTFERNT" in {f.code for f in found}


def test_valid_document_is_unchanged() -> None:
    m = meeting_with_items(5)
    m["vendor:x"] = {"keep": [1, 2]}
    fixed, found = repair(m)
    assert fixed == m
    assert found == []
    assert fixed is not m


def test_pre_1_0_list_page() -> None:
    page = {"items": [{"id": "https://x.example/m/1", "type": "https://oparl.org/schema/1.0/Meeting",
                       "created": "2014-01-08T14:28:31+01:00",
                       "modified": "2014-01-08T14:28:31+01:00"}],
            "nextPage": "https://x.example/m?page=2", "itemsPerPage": 1}  # fmt: skip
    fixed, found = repair(page)
    assert fixed["links"] == {"next": "https://x.example/m?page=2"}
    assert fixed["pagination"] == {"elementsPerPage": 1}
    assert fixed["data"][0]["type"] == type_uri("Meeting")
    assert check(fixed) == []
    assert [f.code for f in found] == ["REPARIERT_LISTE", "REPARIERT_TYP_VERSION"]


def test_parse_errors() -> None:
    for bad in ([1], "x", 3, None):
        with pytest.raises(ParseError):
            repair(bad)  # type: ignore[arg-type]
    with pytest.raises(ParseError):
        repair({"id": "https://x.example/1", "type": "https://vendor.example/Thing"})
    fixed, _ = repair(
        {
            "id": "https://x.example/1",
            "type": "Thing",
            "created": "2020-01-01T00:00:00+01:00",
            "modified": "2020-01-01T00:00:00+01:00",
        },
        expect="Location",
    )
    assert fixed["type"] == type_uri("Location")
    assert fixed[VENDOR_ORIGINAL] == {"type": "Thing"}


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
_names = sorted({p.name for ts in SPEC.values() for p in ts.props} | {"geometry", "id:"})
_strings = st.sampled_from(
    ["", "N/A", "www.x.de", "https://x.de/a", "2014-01-08T14:28:31+0100", "2014-01-08",
     "2014-01-08T14:28:31.5Z", "04.01.2013", "12", "true", " https://x.de "]
)  # fmt: skip


@st.composite
def _oparlish(draw: st.DrawFn) -> dict[str, Any]:
    values = _json | _strings | st.lists(_strings | _json, max_size=3)
    obj = draw(st.dictionaries(st.sampled_from(_names), values, max_size=10))
    if draw(st.booleans()):
        obj["type"] = type_uri(
            draw(st.sampled_from(sorted(SPEC))), draw(st.sampled_from(["1.0", "1.1"]))
        )
    return obj


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_json | _oparlish(), expect=st.none() | st.sampled_from(sorted(SPEC)))
def test_repair_raises_only_kommunalrecht_errors(data: Any, expect: str | None) -> None:
    try:
        fixed, found = repair(data, expect=expect)
    except KommunalrechtError:
        return
    assert isinstance(fixed, dict)
    assert all(f.code in REPAIR_CODES for f in found)
    assert all(f.code != "INTERNER_FEHLER" for f in check(fixed))
    json.dumps(fixed)  # still JSON
