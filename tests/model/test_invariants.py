"""Every invariant of the model is enforced at construction with an InvariantError that names
the class, the field, what was expected and what was received."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import kommunalrecht as kr
from kommunalrecht.model import MODELLKLASSEN

UTC = dt.UTC
ID = "https://ris.example.org/x/1"
NAIVE = dt.datetime(2021, 11, 16, 15, 0)
AWARE = dt.datetime(2021, 11, 16, 15, 0, tzinfo=UTC)


def _raises(cls: type[Any], field: str, found: Any, **kwargs: Any) -> kr.InvariantError:
    with pytest.raises(kr.InvariantError) as info:
        cls(**kwargs)
    err = info.value
    assert err.cls_name == cls.__name__
    assert err.field == field
    assert repr(found)[:40] in str(err)
    assert "expected" in str(err)
    assert isinstance(err, kr.KommunalrechtError)
    assert isinstance(err, ValueError)
    assert err.findings[0].path == f"$.{field}"
    return err


@pytest.mark.parametrize("cls", MODELLKLASSEN, ids=lambda c: c.__name__)
class TestCommonInvariants:
    def test_valid_minimal(self, cls: type[Any]) -> None:
        assert cls(id=ID).id == ID

    @pytest.mark.parametrize("bad", ["", "   ", None, 17, b"https://x"])
    def test_id_must_be_non_empty_string(self, cls: type[Any], bad: Any) -> None:
        _raises(cls, "id", bad, id=bad)

    def test_naive_datetime_rejected(self, cls: type[Any]) -> None:
        err = _raises(cls, "created", NAIVE, id=ID, created=NAIVE)
        assert "timezone-aware" in err.expected

    def test_modified_before_created_rejected(self, cls: type[Any]) -> None:
        _raises(
            cls,
            "modified",
            AWARE - dt.timedelta(days=1),
            id=ID,
            created=AWARE,
            modified=AWARE - dt.timedelta(days=1),
        )

    def test_deleted_must_be_bool(self, cls: type[Any]) -> None:
        _raises(cls, "deleted", "ja", id=ID, deleted="ja")

    def test_keyword_items_must_be_strings(self, cls: type[Any]) -> None:
        _raises(cls, "keyword[1]", 3, id=ID, keyword=["a", 3])

    def test_keyword_must_be_a_sequence(self, cls: type[Any]) -> None:
        _raises(cls, "keyword", "abc", id=ID, keyword="abc")

    def test_lists_become_tuples(self, cls: type[Any]) -> None:
        assert cls(id=ID, keyword=["a", "b"]).keyword == ("a", "b")

    def test_extras_kept_and_checked(self, cls: type[Any]) -> None:
        assert cls(id=ID, extras={"STERNBERG:x": [1, {"a": None}]}).extras == {
            "STERNBERG:x": [1, {"a": None}]
        }
        _raises(cls, "extras", ["x"], id=ID, extras=["x"])

    def test_web_must_be_text(self, cls: type[Any]) -> None:
        _raises(cls, "web", 1, id=ID, web=1)


@pytest.mark.parametrize(
    ("cls", "start", "end", "early", "late"),
    [
        (kr.Wahlperiode, "beginn", "ende", dt.date(2020, 1, 2), dt.date(2020, 1, 1)),
        (kr.Gremium, "beginn", "ende", dt.date(2020, 1, 2), dt.date(2020, 1, 1)),
        (kr.Mitgliedschaft, "beginn", "ende", dt.date(2020, 1, 2), dt.date(2020, 1, 1)),
        (kr.Sitzung, "beginn", "ende", AWARE, AWARE - dt.timedelta(minutes=1)),
        (kr.Tagesordnungspunkt, "beginn", "ende", AWARE, AWARE - dt.timedelta(minutes=1)),
    ],
)
def test_end_before_start_rejected(
    cls: type[Any], start: str, end: str, early: Any, late: Any
) -> None:
    _raises(cls, end, late, id=ID, **{start: early, end: late})
    assert getattr(cls(id=ID, **{start: late, end: early}), end) == early


@pytest.mark.parametrize(
    ("cls", "field", "bad"),
    [
        (kr.Sitzung, "beginn", NAIVE),
        (kr.Sitzung, "ende", NAIVE),
        (kr.Sitzung, "beginn", "2021-11-16T15:00:00+01:00"),
        (kr.Tagesordnungspunkt, "beginn", NAIVE),
        (kr.Koerperschaft, "oparl_seit", NAIVE),
        (kr.Antrag, "eingang", NAIVE),
        (kr.Sitzung, "datum", AWARE),
        (kr.Sitzung, "datum", "2021-11-16"),
        (kr.Sitzung, "einladungsdatum", AWARE),
        (kr.Drucksache, "datum", AWARE),
        (kr.Datei, "groesse", -1),
        (kr.Datei, "groesse", True),
        (kr.Datei, "groesse", 1.5),
        (kr.Gremium, "gesetzliche_mitgliederzahl", -3),
        (kr.Tagesordnungspunkt, "position", -1),
        (kr.Tagesordnungspunkt, "position", "1"),
        (kr.Tagesordnungspunkt, "oeffentlich", "ja"),
        (kr.Sitzung, "status", "eingeladen"),
        (kr.Koerperschaft, "land", "NW"),
        (kr.Gremium, "art", "Rat"),
        (kr.Beratung, "rolle", "Vorberatung"),
        (kr.Sitzung, "tagesordnung", [kr.Gremium(id=ID)]),
        (kr.Sitzung, "ort", "Kreishaus"),
        (kr.Person, "mitgliedschaften", [ID]),
        (kr.Ort, "geojson", "POINT(7 50)"),
        (kr.Sitzung, "gremien", [""]),
        (kr.Beschlussvorlage, "beschlussvorschlag_offen", None),
    ],
)
def test_field_type_invariants(cls: type[Any], field: str, bad: Any) -> None:
    indexed = field in {"tagesordnung", "gremien", "mitgliedschaften"}
    err_field = f"{field}[0]" if indexed else field
    _raises(cls, err_field, bad[0] if indexed else bad, id=ID, **{field: bad})


@pytest.mark.parametrize("field", ["ja", "nein", "enthaltung", "ungueltig", "befangen"])
def test_negative_vote_counts_rejected(field: str) -> None:
    _raises(kr.Abstimmung, field, -1, **{field: -1})


def test_vote_counts_must_be_int() -> None:
    _raises(kr.Abstimmung, "ja", 1.0, ja=1.0)
    _raises(kr.Abstimmung, "anwesend", -2, anwesend=-2)


def test_abstimmung_abgegeben() -> None:
    assert kr.Abstimmung(ja=5, nein=4, enthaltung=2, ungueltig=1, befangen=3).abgegeben == 12


def test_verlauf_eintrag_requires_aware_time_and_event() -> None:
    _raises(kr.VerlaufEintrag, "zeitpunkt", NAIVE, zeitpunkt=NAIVE, ereignis="x", nach="y")
    _raises(kr.VerlaufEintrag, "ereignis", "", zeitpunkt=AWARE, ereignis="", nach="y")


def test_sitzung_tag_from_datum_or_beginn() -> None:
    assert kr.Sitzung(id=ID, datum=dt.date(2021, 11, 16)).tag == dt.date(2021, 11, 16)
    assert kr.Sitzung(id=ID, beginn=AWARE).tag == dt.date(2021, 11, 16)
    assert kr.Sitzung(id=ID).tag is None


def test_subclass_defaults_paper_type() -> None:
    assert kr.Antrag(id=ID).drucksachenart == "Antrag"
    assert kr.Beschlussvorlage(id=ID).drucksachenart == "Beschlussvorlage"
    assert kr.Drucksache(id=ID).drucksachenart is None
    assert kr.Antrag(id=ID) != kr.Drucksache(id=ID, drucksachenart="Antrag")
