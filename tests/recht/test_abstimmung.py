"""recht.abstimmung: quorum arithmetic, argument errors, properties."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kommunalrecht.errors import ConfigError
from kommunalrecht.recht import (
    Geschaeftsordnung,
    beschlussfaehig,
    ergebnis,
    mindestzahl,
)

GO = Geschaeftsordnung()


@given(
    anteil=st.fractions(min_value=Fraction(1, 10), max_value=1, max_denominator=10),
    basis=st.integers(min_value=0, max_value=500),
    strikt=st.booleans(),
)
def test_mindestzahl_is_smallest(anteil: Fraction, basis: int, strikt: bool) -> None:
    n = mindestzahl(anteil, basis, strikt=strikt)

    def reicht(k: int) -> bool:
        return k > anteil * basis if strikt else k >= anteil * basis

    assert reicht(n)
    assert n == 0 or not reicht(n - 1)


@given(ja=st.integers(0, 100), nein=st.integers(0, 100), enth=st.integers(0, 100))
def test_simple_majority_ignores_abstentions_and_ties_fail(ja: int, nein: int, enth: int) -> None:
    assert ergebnis(GO, ja=ja, nein=nein, enthaltung=enth) is (ja > nein)


@pytest.mark.parametrize(
    ("kwargs", "key"),
    [
        ({"gesetzliche_mitglieder": -1, "anwesend": 0}, "gesetzliche_mitglieder"),
        ({"gesetzliche_mitglieder": 10, "anwesend": 11}, "anwesend"),
        (
            {"gesetzliche_mitglieder": 10, "anwesend": 5, "stimmberechtigt_anwesend": 6},
            "stimmberechtigt_anwesend",
        ),
        ({"gesetzliche_mitglieder": 10, "anwesend": True}, "anwesend"),
    ],
)
def test_beschlussfaehig_bad_arguments(kwargs: dict[str, int], key: str) -> None:
    with pytest.raises(ConfigError) as info:
        beschlussfaehig(GO, **kwargs)  # type: ignore[arg-type]
    assert info.value.key == key


def test_ergebnis_bad_arguments() -> None:
    with pytest.raises(ConfigError) as info:
        ergebnis(GO, ja=-1, nein=0)
    assert info.value.key == "ja"
    with pytest.raises(ConfigError) as info:
        ergebnis(None, ja=1, nein=0)  # type: ignore[arg-type]
    assert info.value.key == "go"


def test_ist_basis() -> None:
    go = Geschaeftsordnung.from_dict({"beschlussfaehigkeit": {"basis": "ist"}})
    assert beschlussfaehig(go, gesetzliche_mitglieder=20, ist_mitglieder=16, anwesend=9)
    assert not beschlussfaehig(GO, gesetzliche_mitglieder=20, ist_mitglieder=16, anwesend=9)
