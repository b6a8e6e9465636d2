"""The Rhein-Sieg-Kreis 2021 bundle as a worked case (issue 5, item 4).

The GeschO is the documented *example* ``examples/geschaeftsordnung_rhein_sieg.toml`` (the real
Rhein-Sieg-Kreis GeschO was not available): Ladungsfrist 7 full days, Antragsfrist 14 days
(Sitzungstag counted), electronic Zugang, KrO NRW profile for everything else.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

import kommunalrecht as kr
from kommunalrecht.beispiele import rhein_sieg_2021 as rsk
from kommunalrecht.model import Koerperschaftsart, Land

BEISPIEL = Path(__file__).resolve().parents[2] / "examples" / "geschaeftsordnung_rhein_sieg.toml"


@pytest.fixture(scope="module")
def go() -> kr.Geschaeftsordnung:
    basis = kr.recht.profil(
        Land.NW, Koerperschaftsart.KREIS, dt.date(2021, 9, 30)
    ).geschaeftsordnung
    return kr.Geschaeftsordnung.from_toml(BEISPIEL, basis=basis)


@pytest.fixture(scope="module")
def befunde(go: kr.Geschaeftsordnung) -> list[kr.Finding]:
    return kr.validate(rsk.bestand(), go=go)


def test_exactly_the_supported_findings(befunde: list[kr.Finding]) -> None:
    assert [(f.code, f.severity) for f in befunde] == [
        ("EINLADUNG_INHALT", kr.Severity.INFO),
        ("ANTRAGSFRIST", kr.Severity.INFO),
    ]
    assert not any(f.severity is kr.Severity.ERROR for f in befunde)
    kr.assert_valid(rsk.bestand())  # no error: does not raise


def test_einladung_meets_seven_day_ladungsfrist(befunde: list[kr.Finding]) -> None:
    assert "LADUNGSFRIST" not in {f.code for f in befunde}


def test_fourteen_day_ladungsfrist_is_missed(go: kr.Geschaeftsordnung) -> None:
    streng = kr.Geschaeftsordnung.from_dict({"ladung": {"frist": {"tage": 14}}}, basis=go)
    (f,) = kr.validate(rsk.bestand(), go=streng, regeln=["LADUNGSFRIST"])
    assert f.severity is kr.Severity.ERROR
    assert f.object_id == rsk.ID["sitzung/asi-2021-11-16"]
    assert f.path == "$.einladungsdatum"
    assert "spätestens Mo 01.11.2021" in f.message
    assert f.rechtsgrundlage == "§ 32 Abs. 2 KrO NRW"
    with pytest.raises(kr.ValidationError) as exc:
        kr.assert_valid(rsk.bestand(), go=streng)
    assert "LADUNGSFRIST" in {x.code for x in exc.value.findings}


def test_antrag_of_28_09_too_late_for_kreistag_30_09(befunde: list[kr.Finding]) -> None:
    (f,) = [f for f in befunde if f.code == "ANTRAGSFRIST"]
    assert f.object_id == rsk.ID["drucksache/antrag-2021-09-28"]
    assert f.path == "$.datum"  # Eingang not recorded: the date of the letter is used
    assert "Sitzung des Kreistags am Do 30.09.2021" in f.message
    assert "Eingang spätestens Do 16.09.2021" in f.message
    assert (
        "erste erreichbare Sitzung: Sitzung des Ausschusses für Soziales und Integration am "
        "Di 16.11.2021" in f.message
    )
    assert f.rechtsgrundlage == "GeschO (Antragsfrist) i.V.m. § 33 Abs. 1 S. 2 KrO NRW"


def test_antrag_of_10_09_in_time_and_both_antraege_on_the_agenda(
    befunde: list[kr.Finding],
) -> None:
    ids = {f.object_id for f in befunde}
    assert rsk.ID["drucksache/antrag-2021-09-10"] not in ids
    assert "ANTRAG_NICHT_AUFGENOMMEN" not in {f.code for f in befunde}


def test_antrag_missing_from_agenda_would_be_reported(go: kr.Geschaeftsordnung) -> None:
    b = rsk.bestand()
    asi = b[rsk.ID["sitzung/asi-2021-11-16"]]
    andere = kr.Tagesordnungspunkt(id=rsk.BASIS + "top/x", position=0, name="Anderes")
    # the ASI deals with neither the Antrag nor the Vorlage answering it
    b = b.mit(attrs.evolve(asi, tagesordnung=(andere,))).ohne(rsk.ID["drucksache/vorlage-2-07"])
    (f,) = kr.validate(b, go=go, regeln=["ANTRAG_NICHT_AUFGENOMMEN"])
    assert f.object_id == rsk.ID["sitzung/asi-2021-11-16"]
    assert f.severity is kr.Severity.WARNING  # only the date of the letter is known
    assert f.rechtsgrundlage == "§ 33 Abs. 1 S. 2 KrO NRW"


def test_beratungsfolge_and_beschlusstext(befunde: list[kr.Finding]) -> None:
    codes = {f.code for f in befunde}
    assert "BERATUNGSFOLGE_REIHENFOLGE" not in codes  # KA 27.09. before KT 30.09.
    assert "BERATUNGSFOLGE_ENTSCHEIDUNG" not in codes  # one deciding Beratung each
    assert "BESCHLUSSTEXT_FEHLT" not in codes  # no result recorded yet
    assert "TOP_REIHENFOLGE" not in codes
    assert "REFERENZ_UNAUFGELOEST" not in codes


def test_einladung_inhalt_time_unknown_is_info(befunde: list[kr.Finding]) -> None:
    (f,) = [f for f in befunde if f.code == "EINLADUNG_INHALT"]
    assert f.severity is kr.Severity.INFO
    assert f.object_id == rsk.ID["sitzung/asi-2021-11-16"]
    assert f.path == "$.beginn"
    assert f.message.startswith("nicht prüfbar")


def test_defaults_come_from_the_koerperschaft() -> None:
    k = kr.regeln.kontext(rsk.bestand())
    assert (k.land, k.art, k.profil.gesetz) == (Land.NW, Koerperschaftsart.KREIS, "KrO NRW")
    assert k.rechtsstand == dt.date(2021, 11, 16)
