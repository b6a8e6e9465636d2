"""Sweep: validate, Geschaeftsordnung loading, Land profiles and Fristen with junk input.

Anything but a :class:`~kommunalrecht.KommunalrechtError` is a failure.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import kommunalrecht as kr
from kommunalrecht import fristen, recht
from kommunalrecht.beispiele import rhein_sieg_2021
from kommunalrecht.model import MODELLKLASSEN
from kommunalrecht.recht import Geschaeftsordnung
from kommunalrecht.testing import strategies as ks

from ._junk import N, json_junk, odd_text, only_kommunalrecht_errors, scalars

S = settings(max_examples=N * settings.default.max_examples)
SEED = rhein_sieg_2021.bestand()

anything = st.one_of(
    json_junk,
    st.from_type(kr.Objekt),
    st.sampled_from(list(kr.Land)),
    st.dates(),
    st.datetimes(),
    st.builds(object),
)
laender = st.none() | st.sampled_from(list(kr.Land)) | odd_text
gos = st.none() | st.sampled_from([Geschaeftsordnung(), recht.profil(kr.Land.BY)]) | scalars


@S
@given(anything, laender, gos)
def test_validate_junk(obj: Any, land: Any, go: Any) -> None:
    only_kommunalrecht_errors(kr.validate, obj, land=land, go=go)


@S
@given(st.lists(st.one_of(*[ks.instanzen(c) for c in MODELLKLASSEN]), max_size=6), laender)
def test_validate_random_model_objects(objs: list[kr.Objekt], land: Any) -> None:
    """Valid model objects in arbitrary combinations (nothing lawful or consistent)."""
    unique = list({o.id: o for o in objs}.values())
    only_kommunalrecht_errors(kr.validate, kr.Bestand(unique), land=land)
    for o in unique:
        only_kommunalrecht_errors(kr.validate, o, land=land)


@st.composite
def mutated_seed(draw: st.DrawFn) -> kr.Bestand:
    """The seed with fields of some objects replaced by other valid values."""
    objs = list(SEED.objekte)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(objs) - 1))
        other = draw(ks.instanzen(type(objs[i])))
        names = [a.name for a in attrs.fields(type(objs[i])) if a.name not in ("id",)]
        chosen = draw(st.lists(st.sampled_from(names), min_size=1, max_size=4, unique=True))
        try:
            objs[i] = attrs.evolve(objs[i], **{n: getattr(other, n) for n in chosen})
        except kr.KommunalrechtError:  # e.g. beginn after ende: not a valid model object
            continue
    return kr.Bestand(objs)


@settings(max_examples=max(10, settings.default.max_examples // 2))  # validate is ~0.2 s here
@given(mutated_seed(), st.sampled_from([None, *recht.LAENDER]))
def test_validate_mutated_seed(b: kr.Bestand, land: kr.Land | None) -> None:
    only_kommunalrecht_errors(kr.validate, b, land=land)


@S
@given(json_junk)
def test_geschaeftsordnung_from_dict(data: Any) -> None:
    only_kommunalrecht_errors(Geschaeftsordnung.from_dict, data)


toml_snippets = st.lists(
    st.sampled_from(
        [
            "[ladung.frist]\n",
            "tage = 7\n",
            "tage = -1\n",
            'tage = "sieben"\n',
            "tage = 99999999999999999999\n",
            'zaehlung = "volle_tage"\n',
            'zaehlung = "x"\n',
            "[abstimmung]\n",
            'mehrheit = "simple"\n',
            "[beschlussfaehigkeit]\n",
            "schwelle = 1.5\n",
            "[[ladung]]\n",
            'name = "\\u0000"\n',
            "= \n",
            '[antrag]\nquorum = "1/0"\n',
            'uhrzeit = "25:00"\n',
            "uhrzeit = 10:00:00\n",
            "[oeffentlichkeit]\nnichtoeffentlich = [1, 2]\n",
        ]
    ),
    max_size=8,
).map("".join)


@S
@given(toml_snippets | odd_text | st.binary(max_size=100))
def test_geschaeftsordnung_from_toml(text: Any) -> None:
    if isinstance(text, str) and text.endswith(".toml") and "\n" not in text:
        text += "\n"  # a str ending in .toml is a path; junk paths are tested below
    only_kommunalrecht_errors(Geschaeftsordnung.from_toml, text)


def test_geschaeftsordnung_from_missing_toml_path() -> None:
    only_kommunalrecht_errors(Geschaeftsordnung.from_toml, "/nonexistent/go.toml")


@S
@given(
    laender | scalars, st.sampled_from(list(kr.Koerperschaftsart)) | scalars, st.dates() | scalars
)
def test_profil(land: Any, art: Any, stand: Any) -> None:
    only_kommunalrecht_errors(recht.profil, land, art, stand)


dates_or_junk = st.dates() | st.datetimes() | scalars
ints_or_junk = st.integers(-10, 400) | st.integers() | scalars


@S
@given(
    dates_or_junk,
    ints_or_junk,
    ints_or_junk,
    laender,
    st.booleans() | scalars,
    odd_text | st.none(),
)
def test_fristen(tag: Any, tage: Any, monate: Any, land: Any, flag: Any, ort: Any) -> None:
    only_kommunalrecht_errors(
        fristen.vorwaerts, tag, tage=tage, monate=monate, land=land, werktage=flag, ort=ort
    )
    only_kommunalrecht_errors(
        fristen.rueckwaerts, tag, tage=tage, land=land, werktage=flag, ort=ort
    )
    only_kommunalrecht_errors(
        fristen.tage_zwischen, tag, dt.date(2021, 11, 16), land=land, werktage=flag
    )
    only_kommunalrecht_errors(fristen.eingehalten, tag, dt.date(2021, 11, 16), tage=tage, land=land)
    only_kommunalrecht_errors(fristen.feiertage, tage, land, ort=ort)
    only_kommunalrecht_errors(fristen.ist_werktag, tag, land, ort=ort)


@S
@given(gos, dates_or_junk, laender)
def test_recht_fristen_and_votes(go: Any, tag: Any, land: Any) -> None:
    only_kommunalrecht_errors(recht.ladungsfrist, go, tag, land=land)
    only_kommunalrecht_errors(recht.antragsfrist, go, tag, land=land)
    only_kommunalrecht_errors(recht.ladung_zugang, go, tag, land=land)
    only_kommunalrecht_errors(recht.antrag_rechtzeitig, go, tag, dt.date(2021, 11, 16), land=land)


@S
@given(gos, ints_or_junk, ints_or_junk, ints_or_junk)
def test_recht_abstimmung(go: Any, a: Any, b: Any, c: Any) -> None:
    only_kommunalrecht_errors(
        recht.beschlussfaehig, go, gesetzliche_mitglieder=a, anwesend=b, befangen=c
    )
    only_kommunalrecht_errors(
        recht.ergebnis, go, ja=a, nein=b, enthaltung=c, gesetzliche_mitglieder=a
    )
    only_kommunalrecht_errors(recht.antragsrecht, go, gesetzliche_mitglieder=a, unterstuetzer=b)
