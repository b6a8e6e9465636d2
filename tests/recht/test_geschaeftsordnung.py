"""Geschaeftsordnung: TOML loading, ConfigError naming dotted keys, round trip (hypothesis)."""

from __future__ import annotations

import datetime as dt
import enum
import typing
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kommunalrecht.errors import ConfigError
from kommunalrecht.fristen import Zaehlung, Zugangsart
from kommunalrecht.model import Koerperschaftsart, Land
from kommunalrecht.recht import (
    Aufnahme,
    Geschaeftsordnung,
    Unterzeichner,
    antragsfrist,
    ladungsfrist,
    profil,
    schluessel,
)

BEISPIEL = Path(__file__).resolve().parents[2] / "examples" / "geschaeftsordnung_rhein_sieg.toml"


def _rhein_sieg() -> Geschaeftsordnung:
    basis = profil(Land.NW, Koerperschaftsart.KREIS, dt.date(2021, 9, 30)).geschaeftsordnung
    return Geschaeftsordnung.from_toml(BEISPIEL, basis=basis)


def test_example_toml_loads_with_documented_values() -> None:
    go = _rhein_sieg()
    assert go.name.startswith("GeschO Kreistag Rhein-Sieg-Kreis")
    assert go.ladung.frist.tage == 7
    assert go.ladung.frist.zaehlung is Zaehlung.VOLLE_TAGE
    assert go.ladung.dringlich_hinweis is True
    assert go.ladung.zugang.art is Zugangsart.ELEKTRONISCH
    assert go.antrag.frist.tage == 14
    assert go.antrag.frist.zaehlung is Zaehlung.SITZUNGSTAG_MITGERECHNET
    assert go.antrag.quorum == Fraction(1, 5)
    assert go.abstimmung.namentlich_auf_antrag == 10
    assert go.niederschrift.unterzeichner == (Unterzeichner.VORSITZ, Unterzeichner.SCHRIFTFUEHRER)
    assert "liegenschaften" in go.oeffentlichkeit.nichtoeffentlich


def test_example_toml_seed_cases() -> None:
    go = _rhein_sieg()
    ladung = ladungsfrist(go, dt.date(2021, 11, 16), land=Land.NW)
    assert ladung.erfuellt_durch(dt.date(2021, 11, 4))
    antrag = antragsfrist(go, dt.date(2021, 9, 30), land=Land.NW)
    assert not antrag.erfuellt_durch(dt.date(2021, 9, 28))
    # the same Antrag is in time for the Ausschuss on 16.11.2021
    assert antragsfrist(go, dt.date(2021, 11, 16), land=Land.NW).erfuellt_durch(
        dt.date(2021, 9, 28)
    )


def test_from_toml_accepts_text_bytes_and_str_path() -> None:
    text = BEISPIEL.read_text(encoding="utf-8")
    assert Geschaeftsordnung.from_toml(text) == Geschaeftsordnung.from_toml(text.encode())
    assert Geschaeftsordnung.from_toml(str(BEISPIEL)) == Geschaeftsordnung.from_toml(BEISPIEL)


def test_basis_fills_missing_keys() -> None:
    by = profil(Land.BY).geschaeftsordnung
    go = Geschaeftsordnung.from_dict({"ladung": {"frist": {"tage": 5}}}, basis=by)
    assert go.ladung.frist.tage == 5
    assert go.abstimmung.enthaltungen is by.abstimmung.enthaltungen
    assert go.ladung.frist.zaehlung is by.ladung.frist.zaehlung


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"ladungen": {}}, "ladungen"),
        ({"ladung": {"frist": {"tag": 7}}}, "ladung.frist.tag"),
        ({"ladung": {"frist": {"tage": "sieben"}}}, "ladung.frist.tage"),
        ({"ladung": {"frist": {"tage": -1}}}, "ladung.frist.tage"),
        ({"ladung": {"frist": {"tage": True}}}, "ladung.frist.tage"),
        ({"ladung": {"frist": {"tage": 7.0}}}, "ladung.frist.tage"),
        ({"ladung": {"frist": {"zaehlung": "halbe_tage"}}}, "ladung.frist.zaehlung"),
        ({"ladung": {"frist": {"werktage": "ja"}}}, "ladung.frist.werktage"),
        ({"ladung": {"frist": 7}}, "ladung.frist"),
        ({"ladung": {"zugang": {"art": "fax"}}}, "ladung.zugang.art"),
        ({"antrag": {"quorum": 0.2}}, "antrag.quorum"),
        ({"antrag": {"quorum": "1/0"}}, "antrag.quorum"),
        ({"antrag": {"quorum": "6/5"}}, "antrag.quorum"),
        ({"antrag": {"uhrzeit": "25:00"}}, "antrag.uhrzeit"),
        ({"antrag": {"uhrzeit": 10}}, "antrag.uhrzeit"),
        ({"abstimmung": {"enthaltungen": "egal"}}, "abstimmung.enthaltungen"),
        ({"niederschrift": {"unterzeichner": "vorsitz"}}, "niederschrift.unterzeichner"),
        (
            {"niederschrift": {"unterzeichner": ["vorsitz", "buergermeister"]}},
            "niederschrift.unterzeichner[1]",
        ),
        (
            {"oeffentlichkeit": {"nichtoeffentlich": ["personal", 3]}},
            "oeffentlichkeit.nichtoeffentlich[1]",
        ),
        ({"name": 3}, "name"),
    ],
)
def test_config_error_names_dotted_key(data: dict[str, Any], key: str) -> None:
    with pytest.raises(ConfigError) as info:
        Geschaeftsordnung.from_dict(data)
    assert info.value.key == key
    assert info.value.expected
    assert str(info.value).startswith(f"{key}: expected ")


def test_toml_syntax_error_is_config_error() -> None:
    with pytest.raises(ConfigError) as info:
        Geschaeftsordnung.from_toml("[ladung\ntage = ")
    assert info.value.key == "(toml)"
    with pytest.raises(ConfigError):
        Geschaeftsordnung.from_toml(Path("/nonexistent/go.toml"))


def test_time_from_toml_local_time() -> None:
    go = Geschaeftsordnung.from_toml("[antrag]\nuhrzeit = 10:00:00\n")
    assert go.antrag.uhrzeit == dt.time(10, 0)
    assert go.to_dict()["antrag"]["uhrzeit"] == "10:00:00"


def test_every_key_has_doc_and_norm() -> None:
    keys = schluessel()
    names = [k.name for k in keys]
    assert len(names) == len(set(names))
    for k in keys:
        assert k.doc, k.name
        assert k.norm, k.name
    assert "ladung.frist.tage" in names
    assert "beschlussfaehigkeit.zweite_sitzung" in names


# --------------------------------------------------------------------------------------------
# round trip


def _strategy(tp: Any) -> st.SearchStrategy[Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union,) or type(tp).__name__ == "UnionType":
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return st.one_of(st.none(), _strategy(inner[0]))
    if attrs.has(tp):
        hints = typing.get_type_hints(tp)
        return st.builds(tp, **{f.name: _strategy(hints[f.name]) for f in attrs.fields(tp)})
    if origin is tuple:
        item = typing.get_args(tp)[0]
        return st.lists(_strategy(item), max_size=4).map(tuple)
    if tp is bool:
        return st.booleans()
    if tp is int:
        return st.integers(min_value=0, max_value=400)
    if tp is str:
        return st.text(max_size=20)
    if tp is Fraction:
        return st.fractions(min_value=Fraction(1, 100), max_value=1, max_denominator=100)
    if tp is dt.time:
        return st.times()
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return st.sampled_from(list(tp))
    raise AssertionError(tp)


@settings(max_examples=200, deadline=None)
@given(go=_strategy(Geschaeftsordnung))
def test_round_trip_to_dict_from_dict(go: Geschaeftsordnung) -> None:
    assert Geschaeftsordnung.from_dict(go.to_dict()) == go


@pytest.mark.parametrize("land", [Land.NW, Land.BY, Land.BW, Land.NI, Land.HE, Land.SN])
def test_profile_geschaeftsordnung_round_trips(land: Land) -> None:
    go = profil(land, rechtsstand=dt.date(2021, 9, 30)).geschaeftsordnung
    assert Geschaeftsordnung.from_dict(go.to_dict()) == go
    assert Geschaeftsordnung.from_dict(go.to_dict(), basis=go) == go


def test_enum_values_are_lowercase_names() -> None:
    assert Aufnahme.UEBERNAECHSTE_SITZUNG.value == "uebernaechste_sitzung"
