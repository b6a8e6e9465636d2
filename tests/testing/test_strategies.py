"""The public strategies: every model class and OParl type, lawful Bestände, near misses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kommunalrecht as kr
from kommunalrecht import oparl, regeln
from kommunalrecht.model import MODELLKLASSEN
from kommunalrecht.oparl._spec import SPEC
from kommunalrecht.testing import assert_findings, assert_lawful, assert_roundtrip
from kommunalrecht.testing import strategies as ks

LONG = settings.default.max_examples >= 1000
KLASSEN = (
    *MODELLKLASSEN,
    kr.Dringlichkeitsentscheidung,
    kr.Abstimmung,
    kr.Beschluss,
    kr.VerlaufEintrag,
    kr.Objekt,
    kr.Bestand,
)


@pytest.mark.parametrize("cls", KLASSEN, ids=lambda c: c.__name__)
def test_from_type_works_for_every_model_class(cls: type) -> None:
    @settings(max_examples=20)
    @given(st.from_type(cls))
    def run(obj: object) -> None:
        assert isinstance(obj, cls)

    run()


@pytest.mark.parametrize("typ", sorted(SPEC))
def test_oparl_objects_of_every_type_pass_strict_check(typ: str) -> None:
    @settings(max_examples=30)
    @given(ks.oparl_objekte(typ))
    def run(d: dict[str, object]) -> None:
        assert d["type"] == f"https://schema.oparl.org/1.1/{typ}"
        errors = [f for f in oparl.check(d) if f.severity is kr.Severity.ERROR]
        assert errors == []

    run()


@settings(max_examples=1000 if LONG else 25, suppress_health_check=())
@given(ks.bestaende())
def test_bestaende_are_lawful_and_roundtrip(b: kr.Bestand) -> None:
    """Issue 7 "done when": (long profile) 1,000 Bestände, no health-check suppressed."""
    assert_lawful(b)
    assert_roundtrip(b)


@settings(max_examples=40, suppress_health_check=())
@given(ks.bestaende(min_sitzungen=2, max_sitzungen=4, max_tops=3))
def test_bestaende_are_consistent(b: kr.Bestand) -> None:
    sitzungen = b.alle(kr.Sitzung)
    assert 2 <= len(sitzungen) <= 4
    assert b.referenzen_pruefen() == []
    for s in sitzungen:
        assert [t.position for t in s.tagesordnung] == list(range(len(s.tagesordnung)))
        assert len(s.tagesordnung) >= 1
    for o in b.alle():
        if o.created is not None and o.modified is not None:
            assert o.created <= o.modified
    for d in b.alle(kr.Beschlussvorlage):
        tage = [b[x.sitzung].tag for x in d.beratungen if x.sitzung]  # type: ignore[union-attr]
        assert tage == sorted(tage)
        assert sum(1 for x in d.beratungen if x.entscheidend) == 1


@pytest.mark.parametrize("profil", ks._PROFILE, ids=lambda p: f"{p[0].value}-{p[1].value}")
def test_bestaende_lawful_under_each_given_profile(profil: tuple[kr.Land, object]) -> None:
    p = kr.recht.profil(profil[0], profil[1])  # type: ignore[arg-type]

    @settings(max_examples=10)
    @given(ks.rechtmaessige_sitzungen(go=p))
    def run(b: kr.Bestand) -> None:
        assert len(b.alle(kr.Sitzung)) == 1
        assert_lawful(b, go=p.geschaeftsordnung, land=p.land)

    run()


RULE_CODES = [r.code for r in regeln.alle() if r.severity is not kr.Severity.INFO]


@pytest.mark.parametrize("code", RULE_CODES)
def test_near_miss_trips_exactly_its_rule(code: str) -> None:
    """Every registered rule that can report a problem has a near miss; it trips that rule
    and no other (warnings and errors compared; infos are "nicht prüfbar" notes)."""
    from kommunalrecht.testing.nahfehler import CODES, _argumente

    assert code in CODES, f"no near-miss generator for registered rule {code}"
    go, land = _argumente(code, None, None)
    g = go.geschaeftsordnung if isinstance(go, kr.recht.Landesprofil) else go
    lnd = go.land if isinstance(go, kr.recht.Landesprofil) else land

    @settings(max_examples=15, suppress_health_check=())
    @given(ks.near_miss(code))
    def run(b: kr.Bestand) -> None:
        findings = [f for f in kr.validate(b, go=g, land=lnd) if f.severity is not kr.Severity.INFO]
        assert_findings(findings, codes=[code], exact=True)

    run()


def test_near_miss_unknown_code_is_a_config_error() -> None:
    with pytest.raises(kr.ConfigError, match="GIBTSNICHT"):
        ks.near_miss("GIBTSNICHT")


def test_size_controls_are_checked() -> None:
    with pytest.raises(kr.ConfigError, match="max_sitzungen"):
        ks.bestaende(min_sitzungen=3, max_sitzungen=2)
