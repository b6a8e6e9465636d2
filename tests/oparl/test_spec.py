"""Tests of the OParl 1.1 field tables (kommunalrecht.oparl._spec)."""

from __future__ import annotations

import pytest

from kommunalrecht.oparl._spec import (
    ALL_TYPES,
    EMBEDDINGS,
    SPEC,
    Kind,
    Requirement,
    is_vendor_property,
    parse_type_uri,
    type_uri,
)

from ._fixtures import DATA, load


def test_twelve_types_in_spec_order() -> None:
    assert ALL_TYPES == (
        "System", "Body", "LegislativeTerm", "Organization", "Person", "Membership",
        "Meeting", "AgendaItem", "Paper", "Consultation", "File", "Location",
    )  # fmt: skip


@pytest.mark.parametrize("tname", ALL_TYPES)
def test_common_properties(tname: str) -> None:
    ts = SPEC[tname]
    names = [p.name for p in ts.props]
    assert names[:2] == ["id", "type"]
    for common in ("license", "keyword", "created", "modified", "web", "deleted"):
        assert common in ts
    assert len(set(names)) == len(names)
    assert ts.required_props(deleted=True, embedded=True) == ("id", "type", "created", "modified")
    assert ts.prop("created").kind is Kind.DATETIME
    for p in ts.props:
        assert p.section.startswith("OParl 1.1 §")
        if p.kind.is_embedded or p.kind is Kind.EXTERNAL_LIST:
            assert p.target in SPEC
        if p.backref_of:
            assert p.target == p.backref_of


def test_body_lists_new_in_1_1_are_mandatory() -> None:
    body = SPEC["Body"]
    new = ["agendaItem", "consultation", "file", "locationList", "legislativeTermList",
           "membership"]  # fmt: skip
    for name in new:
        p = body.prop(name)
        assert p.kind is Kind.EXTERNAL_LIST
        assert p.required is Requirement.MUST_NOT_DELETED
        assert p.since == "1.1"
    assert set(new) <= set(body.required_props())
    assert body.prop("legislativeTerm").omit_internal


def test_backreferences_and_embeddings() -> None:
    pairs = {(e.parent, e.prop, e.child) for e in EMBEDDINGS}
    assert ("Meeting", "agendaItem", "AgendaItem") in pairs
    assert ("Paper", "consultation", "Consultation") in pairs
    assert ("Person", "locationObject", "Location") in pairs
    assert ("Person", "membership", "Membership") in pairs
    assert ("Body", "legislativeTerm", "LegislativeTerm") in pairs
    # every embedded child type has a back-reference to each of its parents except where the
    # spec has none (System, Organization embed nothing with back-refs to them)
    assert SPEC["AgendaItem"].prop("meeting").required is Requirement.MUST_STANDALONE
    assert SPEC["Membership"].prop("person").backref_of == "Person"
    assert "meeting" not in SPEC["AgendaItem"].required_props(embedded=True)
    assert "meeting" in SPEC["AgendaItem"].required_props()
    omit = {(e.parent, e.prop) for e in EMBEDDINGS if e.omit_internal}
    assert omit == {
        ("Body", "legislativeTerm"), ("Person", "membership"), ("Meeting", "auxiliaryFile"),
        ("Meeting", "agendaItem"), ("AgendaItem", "auxiliaryFile"), ("Paper", "auxiliaryFile"),
        ("Paper", "location"),
    }  # fmt: skip


def test_date_properties() -> None:
    dates = {(t, p.name) for t, ts in SPEC.items() for p in ts.props if p.kind is Kind.DATE}
    assert dates == {
        ("LegislativeTerm", "startDate"), ("LegislativeTerm", "endDate"),
        ("Organization", "startDate"), ("Organization", "endDate"),
        ("Membership", "startDate"), ("Membership", "endDate"),
        ("Paper", "date"), ("File", "date"),
    }  # fmt: skip


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("https://schema.oparl.org/1.1/Meeting", ("Meeting", "1.1")),
        ("https://schema.oparl.org/1.0/Meeting", ("Meeting", "1.0")),
        ("http://schema.oparl.org/1.0/Body", ("Body", "1.0")),
        ("https://oparl.org/schema/1.0/Paper", ("Paper", "pre-1.0")),
        ("http://oparl.org/schema/1.0/Paper", ("Paper", "pre-1.0")),
        ("https://schema.oparl.org/1.1/Error", ("Error", "1.1")),
        ("https://schema.oparl.org/2.0/Meeting", None),
        ("https://schema.oparl.org/1.1/", None),
        ("Meeting", None),
        (None, None),
        (42, None),
    ],
)
def test_parse_type_uri(uri: object, expected: tuple[str, str] | None) -> None:
    assert parse_type_uri(uri) == expected


def test_type_uri_roundtrip() -> None:
    for name in ALL_TYPES:
        for version in ("1.0", "1.1"):
            assert parse_type_uri(type_uri(name, version)) == (name, version)


def test_vendor_property() -> None:
    assert is_vendor_property("STERNBERG:RIMVersion")
    assert not is_vendor_property("otherOparlVersions")


def test_official_example_properties_are_known() -> None:
    """Every property used by the 1.1 examples is in the tables (vendor ones excepted)."""

    def walk(obj: dict[str, object], tname: str) -> None:
        ts = SPEC[tname]
        for key, value in obj.items():
            assert key in ts, f"{tname}.{key}"
            p = ts.prop(key)
            if p.kind is Kind.EMBEDDED:
                walk(value, p.target)  # type: ignore[arg-type]
            elif p.kind is Kind.EMBEDDED_LIST:
                for item in value:  # type: ignore[attr-defined]
                    walk(item, p.target)  # type: ignore[arg-type]

    for path in sorted((DATA / "examples" / "1.1").glob("*.json")):
        doc = load(path)
        name, _ = parse_type_uri(doc["type"])  # type: ignore[misc]
        walk(doc, name)
