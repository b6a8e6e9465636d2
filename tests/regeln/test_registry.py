"""The registry, validate()'s options, the docs table, and: validate never raises."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kommunalrecht as kr
from kommunalrecht.beispiele import rhein_sieg_2021 as rsk
from kommunalrecht.model import Land
from kommunalrecht.testing.strategies import instanzen

from ._bau import B, bestand, sitzung

PFLICHT = {
    "LADUNGSFRIST", "EINLADUNG_INHALT", "ANTRAG_NICHT_AUFGENOMMEN", "ANTRAGSFRIST",
    "TAGESORDNUNG_ERWEITERUNG", "BERATUNGSFOLGE_ENTSCHEIDUNG", "BERATUNGSFOLGE_REIHENFOLGE",
    "BESCHLUSSFAEHIGKEIT", "MEHRHEIT", "ENTHALTUNG_UNZULAESSIG", "BEFANGENHEIT",
    "OEFFENTLICHKEIT", "NIEDERSCHRIFT_UNTERZEICHNUNG", "DRINGLICHKEIT_GENEHMIGUNG",
    "TOP_REIHENFOLGE", "BESCHLUSSTEXT_FEHLT", "REFERENZ_UNAUFGELOEST",
}  # fmt: skip
DOC = Path(__file__).resolve().parents[2] / "docs" / "recht" / "regeln.md"


def test_registry_has_every_required_code_documented() -> None:
    regeln = kr.regeln.alle()
    assert {r.code for r in regeln} >= PFLICHT
    assert len({r.code for r in regeln}) == len(regeln)
    for r in regeln:
        assert re.fullmatch(r"[A-Z_]+", r.code)
        assert isinstance(r.severity, kr.Severity)
        assert r.titel and r.beschreibung
        assert r.rechtsgrundlage() and r.rechtsgrundlage(Land.NW) and r.rechtsgrundlage(Land.SN)
        if r.code not in {"REFERENZ_UNAUFGELOEST", "RECHTSPROFIL", "TOP_REIHENFOLGE"}:
            assert re.search(r"\[(V|M|G)", r.beschreibung), r.code  # confidence tag cited


def test_norm_differs_by_land_and_art() -> None:
    r = kr.regeln.regel_fuer("ANTRAG_NICHT_AUFGENOMMEN")
    assert r.rechtsgrundlage(Land.NW, kr.Koerperschaftsart.GEMEINDE) == "§ 48 Abs. 1 S. 2 GO NRW"
    assert r.rechtsgrundlage(Land.NW, kr.Koerperschaftsart.KREIS) == "§ 33 Abs. 1 S. 2 KrO NRW"
    assert r.rechtsgrundlage(Land.SN) == "§ 36 Abs. 5 SächsGemO"
    assert r.norm_text(Land.NW) == "§ 48 Abs. 1 S. 2 GO NRW [V]"
    assert r.rechtsgrundlage(Land.BE) == r.norm_fallback


def test_select_and_disable_rules() -> None:
    b = rsk.bestand()
    assert {f.code for f in kr.validate(b)} == {"EINLADUNG_INHALT", "ANTRAGSFRIST"}
    assert {f.code for f in kr.validate(b, ohne=["EINLADUNG_INHALT"])} == {"ANTRAGSFRIST"}
    assert {f.code for f in kr.validate(b, regeln="ANTRAGSFRIST")} == {"ANTRAGSFRIST"}
    with pytest.raises(kr.ConfigError, match="regeln"):
        kr.validate(b, regeln=["GIBTSNICHT"])
    with pytest.raises(kr.ConfigError, match="ohne"):
        kr.validate(b, ohne=["GIBTSNICHT"])
    with pytest.raises(kr.ConfigError, match="land"):
        kr.validate(b, land="XX")
    with pytest.raises(kr.ConfigError, match="go"):
        kr.validate(b, go="geschaeftsordnung.toml")  # type: ignore[arg-type]
    with pytest.raises(kr.ConfigError, match="obj"):
        kr.validate(42)


def test_land_as_text_profile_as_go_and_single_object() -> None:
    s = sitzung("s", dt.date(2021, 11, 16), einladungsdatum=dt.date(2021, 11, 15))
    assert [f.code for f in kr.validate(s, land="he", regeln=["LADUNGSFRIST"])] == ["LADUNGSFRIST"]
    prof = kr.recht.profil(Land.HE)
    assert [f.code for f in kr.validate([s], go=prof, regeln=["LADUNGSFRIST"])] == ["LADUNGSFRIST"]
    # a single object: its references point outside, REFERENZ_UNAUFGELOEST is not run
    assert "REFERENZ_UNAUFGELOEST" not in {f.code for f in kr.validate(s, land=Land.NW)}
    assert "REFERENZ_UNAUFGELOEST" in {f.code for f in kr.validate([s], land=Land.NW)}


def test_rechtsprofil_when_no_law_known() -> None:
    (f,) = kr.validate(sitzung("s", dt.date(2021, 11, 16)), regeln=["RECHTSPROFIL"])
    assert f.severity is kr.Severity.INFO and "kein Land" in f.message
    (f,) = kr.validate(bestand(land=Land.BE), regeln=["RECHTSPROFIL"])
    assert "BE" in f.message
    assert (
        kr.validate(bestand(land=Land.BE), go=kr.Geschaeftsordnung(), regeln=["RECHTSPROFIL"]) == []
    )


def test_referenz_unaufgeloest_reuses_bestand() -> None:
    s = kr.Sitzung(id=B + "s", gremien=(B + "fehlt",))
    (f,) = kr.validate(bestand(s), regeln=["REFERENZ_UNAUFGELOEST"])
    assert f.path == "$.gremien[0]" and f.object_id == B + "s"
    assert f.severity is kr.Severity.WARNING


def test_odd_dates_give_info_not_exceptions() -> None:
    s = sitzung("s", dt.date(1985, 1, 1), einladungsdatum=dt.date(1984, 12, 30))
    (f,) = kr.validate(bestand(s), regeln=["LADUNGSFRIST"])
    assert f.severity is kr.Severity.INFO and f.message.startswith("nicht prüfbar")


def test_doc_lists_every_code_and_the_table_is_current() -> None:
    text = DOC.read_text("utf-8")
    for r in kr.regeln.alle():
        assert f"`{r.code}`" in text, r.code
    assert kr.regeln.tabelle() in text, "docs/recht/regeln.md: regenerate the table"


# ---------------------------------------------------------------- never raises

_POOL = [B + f"x/{i}" for i in range(4)]
_KLASSEN = [
    kr.Sitzung, kr.Tagesordnungspunkt, kr.Antrag, kr.Beschlussvorlage, kr.Beratung,
    kr.Gremium, kr.Koerperschaft, kr.Drucksache, kr.Dringlichkeitsentscheidung, kr.Person,
]  # fmt: skip


def _mit_pool(obj: kr.Objekt, data: st.DataObject) -> kr.Objekt:
    """Point some references at ids of the pool so that rules find related objects."""
    import attrs

    aenderungen = {}
    for a in attrs.fields(type(obj)):
        if a.metadata.get("ref") and data.draw(st.booleans()):
            wert = getattr(obj, a.name)
            if isinstance(wert, tuple):
                aenderungen[a.name] = tuple(data.draw(st.lists(st.sampled_from(_POOL), max_size=2)))
            else:
                aenderungen[a.name] = data.draw(st.sampled_from(_POOL))
    return attrs.evolve(obj, **aenderungen)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_validate_never_raises_on_arbitrary_bestaende(data: st.DataObject) -> None:
    n = data.draw(st.integers(1, 6))
    objekte: list[kr.Objekt] = []
    for i in range(n):
        cls = data.draw(st.sampled_from(_KLASSEN))
        obj = _mit_pool(data.draw(instanzen(cls)), data)
        import attrs

        objekte.append(attrs.evolve(obj, id=_POOL[i] if i < len(_POOL) else B + f"y/{i}"))
    land = data.draw(
        st.sampled_from([None, Land.NW, Land.BY, Land.BW, Land.HE, Land.NI, Land.SN, Land.BE])
    )
    try:
        b = kr.Bestand(objekte)
    except kr.KommunalrechtError:  # duplicate embedded/top-level ids: not a rule matter
        return
    findings = kr.validate(b, land=land)
    for f in findings:
        assert isinstance(f, kr.Finding) and f.code in kr.regeln.codes()
    kr.validate(objekte[0], land=land)


@settings(max_examples=20, deadline=None)
@given(
    instanzen(kr.Sitzung), st.sampled_from([Land.NW, Land.BY, Land.BW, Land.HE, Land.NI, Land.SN])
)
def test_validate_never_raises_on_single_objects(s: kr.Sitzung, land: Land) -> None:
    for f in kr.validate(s, land=land):
        assert f.code in kr.regeln.codes()
