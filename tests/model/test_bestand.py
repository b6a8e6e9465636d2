"""Bestand: indexing (embedded objects included), lookup, immutability, dangling references."""

from __future__ import annotations

import pytest

import kommunalrecht as kr

B = "https://ris.example.org/"


def _bestand() -> kr.Bestand:
    top = kr.Tagesordnungspunkt(id=B + "top/1", sitzung=B + "s/1", position=0, drucksache=B + "d/1")
    sitzung = kr.Sitzung(id=B + "s/1", gremien=(B + "g/1",), tagesordnung=(top,), vorsitz=B + "p/1")
    beratung = kr.Beratung(id=B + "b/1", drucksache=B + "d/1", gremien=(B + "g/1",))
    drucksache = kr.Antrag(id=B + "d/1", beratungen=(beratung,))
    return kr.Bestand([kr.Gremium(id=B + "g/1"), kr.Person(id=B + "p/1"), sitzung, drucksache])


def test_indexes_embedded_objects() -> None:
    b = _bestand()
    assert len(b.objekte) == 4
    assert len(b) == 6
    assert isinstance(b[B + "top/1"], kr.Tagesordnungspunkt)
    assert b.pfad(B + "top/1") == "$.tagesordnung[0]"
    assert b.pfad(B + "b/1") == "$.beratungen[0]"
    assert [o.id for o in b.alle(kr.Drucksache)] == [B + "d/1"]  # subclasses included
    assert B + "b/1" in b


def test_aufloesen_checks_class() -> None:
    b = _bestand()
    assert b.aufloesen(B + "g/1", kr.Gremium) is b[B + "g/1"]
    assert b.aufloesen(B + "g/1", kr.Person) is None
    assert b.aufloesen(None) is None
    assert b.aufloesen(B + "nope") is None


def test_no_dangling_references_in_consistent_bestand() -> None:
    assert _bestand().referenzen_pruefen() == []


def test_dangling_reference_reported_not_raised() -> None:
    b = _bestand().ohne(B + "p/1")
    findings = b.referenzen_pruefen()
    assert [(f.code, f.path, f.object_id, f.severity) for f in findings] == [
        ("REFERENZ_UNAUFGELOEST", "$.vorsitz", B + "s/1", kr.Severity.WARNING)
    ]


def test_reference_to_wrong_class_is_error() -> None:
    b = _bestand().mit(kr.Sitzung(id=B + "s/2", vorsitz=B + "g/1"))
    findings = b.referenzen_pruefen()
    assert len(findings) == 1
    assert findings[0].severity is kr.Severity.ERROR
    assert "Gremium" in findings[0].message


def test_nested_reference_paths() -> None:
    b = kr.Bestand(
        [
            kr.Sitzung(
                id=B + "s/9",
                tagesordnung=(kr.Tagesordnungspunkt(id=B + "t/9", befangene=(B + "p/x",)),),
            )
        ]
    )
    assert [f.path for f in b.referenzen_pruefen()] == ["$.tagesordnung[0].befangene[0]"]


def test_mit_and_ohne_return_new_bestand() -> None:
    b = _bestand()
    b2 = b.mit(kr.Gremium(id=B + "g/1", name="Rat"))
    assert b[B + "g/1"].name is None  # type: ignore[attr-defined]
    assert b2[B + "g/1"].name == "Rat"  # type: ignore[attr-defined]
    assert b2 != b
    assert b.mit() == b
    assert len(b.ohne(B + "s/1")) == 4


def test_duplicate_ids_and_non_objects_rejected() -> None:
    with pytest.raises(kr.InvariantError, match="already"):
        kr.Bestand([kr.Gremium(id=B + "g"), kr.Gremium(id=B + "g")])
    with pytest.raises(kr.InvariantError, match="model object"):
        kr.Bestand(["x"])  # type: ignore[list-item]


def test_bestand_is_unhashable_mapping() -> None:
    b = _bestand()
    with pytest.raises(TypeError):
        hash(b)
    with pytest.raises(KeyError):
        b["missing"]
