"""verfahren.anwenden: events on a whole Bestand, cross-object effects explicit."""

from __future__ import annotations

import datetime as dt

import pytest

from kommunalrecht import (
    Beratungsstatus,
    Beschlussvorlage,
    InvariantError,
    Sitzung,
    Sitzungsstatus,
    Tagesordnungspunktstatus,
    TransitionError,
    verfahren,
)
from kommunalrecht.beispiele.rhein_sieg_2021 import bestand
from kommunalrecht.recht import Geschaeftsordnung

UTC = dt.UTC
BASIS = "https://oparl.example.org/rhein-sieg-kreis"
ASI = f"{BASIS}/sitzung/asi-2021-11-16"
TOP = f"{BASIS}/top/asi-2021-11-16/lenkungsgruppe-kim"
BERATUNG = f"{BASIS}/beratung/vorlage-2-07-asi"
VORLAGE = f"{BASIS}/drucksache/vorlage-2-07"
AM = dt.datetime(2021, 11, 16, 15, tzinfo=UTC)


def test_vertagen_eines_tops_erzeugt_die_folgeberatung_in_der_beratungsfolge() -> None:
    alt = bestand()
    neu = verfahren.anwenden(
        alt,
        [
            verfahren.Ereignis(BERATUNG, "aufnehmen", {"am": AM - dt.timedelta(days=12)}),
            verfahren.Ereignis(TOP, "aufrufen", {"am": AM}),
            verfahren.Ereignis(BERATUNG, "aufrufen", {"am": AM}),
            verfahren.Ereignis(
                TOP,
                "vertagen",
                {
                    "am": AM + dt.timedelta(minutes=20),
                    "neue_beratung_id": f"{BASIS}/beratung/vorlage-2-07-asi-2",
                    "naechste_sitzung": f"{BASIS}/sitzung/asi-naechste",
                    "akteur": "Katja Ruiters",
                },
            ),
        ],
    )
    # the TOP inside its Sitzung
    sitzung = neu[ASI]
    assert isinstance(sitzung, Sitzung)
    assert sitzung.tagesordnung[0].status is Tagesordnungspunktstatus.VERTAGT
    assert neu[TOP] == sitzung.tagesordnung[0]
    # the old Beratung vertagt, the new one appended to the Vorlage's Beratungsfolge
    vorlage = neu[VORLAGE]
    assert isinstance(vorlage, Beschlussvorlage)
    alte, folge = vorlage.beratungen
    assert alte.status is Beratungsstatus.VERTAGT
    assert [e.ereignis for e in alte.verlauf] == ["aufnehmen", "aufrufen", "vertagen"]
    assert folge.id.endswith("-2") and folge.status is None
    assert (folge.sitzung, folge.gremien, folge.rolle, folge.drucksache) == (
        f"{BASIS}/sitzung/asi-naechste",
        alte.gremien,
        alte.rolle,
        VORLAGE,
    )
    # the input Bestand is unchanged
    assert alt == bestand()


def test_erstes_illegales_ereignis_bricht_ab_und_nichts_wird_angewandt() -> None:
    alt = bestand()
    with pytest.raises(TransitionError):
        verfahren.anwenden(
            alt,
            [
                verfahren.Ereignis(ASI, "absagen", {"am": AM}),
                verfahren.Ereignis(ASI, "eroeffnen", {"am": AM, "go": Geschaeftsordnung()}),
            ],
        )
    assert alt[ASI].status is Sitzungsstatus.EINGELADEN  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("ereignis", "meldung"),
    [
        (verfahren.Ereignis("https://nirgends.example/x", "absagen", {"am": AM}), "in the Bestand"),
        (verfahren.Ereignis(ASI, "zaubern", {"am": AM}), "transition function name"),
        (verfahren.Ereignis(ASI, "absagen", {}), "argumente.am"),
        ("absagen", "an Ereignis"),
    ],
)
def test_fehlerhafte_ereignisse(ereignis: object, meldung: str) -> None:
    with pytest.raises(InvariantError, match=meldung):
        verfahren.anwenden(bestand(), [ereignis])  # type: ignore[list-item]
