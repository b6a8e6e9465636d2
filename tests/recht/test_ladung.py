"""recht.ladung: the GeschO's Fristen as explained Frist objects."""

from __future__ import annotations

import datetime as dt

import pytest

from kommunalrecht.errors import ConfigError
from kommunalrecht.model import Land
from kommunalrecht.recht import (
    Geschaeftsordnung,
    antrag_rechtzeitig,
    antragsfrist,
    ladung_zugang,
    ladungsfrist,
    nachtragsfrist,
)

SITZUNG = dt.date(2021, 11, 16)


def test_ladungsfrist_uses_go_values_and_citation() -> None:
    go = Geschaeftsordnung.from_dict(
        {"ladung": {"frist": {"tage": 3, "werktage": True, "samstag_ist_werktag": False}}}
    )
    f = ladungsfrist(go, SITZUNG, land=Land.NW, rechtsgrundlage="§ 1 Abs. 2 GeschO")
    assert f.datum == dt.date(2021, 11, 10)
    assert f.rechtsgrundlage == "§ 1 Abs. 2 GeschO"
    assert f.werktage and f.tage == 3


def test_dringlich_and_nachtrag() -> None:
    go = Geschaeftsordnung()
    assert ladungsfrist(go, SITZUNG, land=Land.NW, dringlich=True).datum == dt.date(2021, 11, 12)
    assert nachtragsfrist(go, SITZUNG, land=Land.NW).datum == dt.date(2021, 11, 12)
    # seed: Vorlage 21.09.2021 for the Kreisausschuss 27.09.2021 meets a 3-day Nachtrag rule
    assert nachtragsfrist(go, dt.date(2021, 9, 27), land=Land.NW).erfuellt_durch(
        dt.date(2021, 9, 21)
    )
    assert not ladungsfrist(go, dt.date(2021, 9, 27), land=Land.NW).erfuellt_durch(
        dt.date(2021, 9, 21)
    )


def test_antrag_cutoff_time() -> None:
    go = Geschaeftsordnung.from_dict({"antrag": {"uhrzeit": "10:00"}})
    last = antragsfrist(go, SITZUNG, land=Land.NW).datum
    assert last == dt.date(2021, 11, 2)
    assert antrag_rechtzeitig(go, dt.datetime(2021, 11, 2, 10, 0), SITZUNG, land=Land.NW)
    assert not antrag_rechtzeitig(go, dt.datetime(2021, 11, 2, 10, 1), SITZUNG, land=Land.NW)
    assert not antrag_rechtzeitig(go, dt.date(2021, 11, 2), SITZUNG, land=Land.NW)
    assert antrag_rechtzeitig(go, dt.date(2021, 11, 1), SITZUNG, land=Land.NW)
    assert antrag_rechtzeitig(Geschaeftsordnung(), dt.date(2021, 11, 2), SITZUNG, land=Land.NW)
    with pytest.raises(ConfigError):
        antrag_rechtzeitig(go, "2021-11-02", SITZUNG, land=Land.NW)  # type: ignore[arg-type]


def test_ladung_zugang_post_and_fiction_override() -> None:
    go = Geschaeftsordnung.from_dict({"ladung": {"zugang": {"art": "post", "fiktion_tage": 2}}})
    assert ladung_zugang(go, dt.date(2021, 11, 4)).datum == dt.date(2021, 11, 6)
    go = Geschaeftsordnung.from_dict(
        {"ladung": {"zugang": {"art": "post", "fiktion_verschieben": True}}}
    )
    assert ladung_zugang(go, dt.date(2021, 11, 4), land=Land.NW).datum == dt.date(2021, 11, 8)


def test_wrong_go_type() -> None:
    with pytest.raises(ConfigError) as info:
        ladungsfrist({"ladung": {}}, SITZUNG, land=Land.NW)  # type: ignore[arg-type]
    assert info.value.key == "go"
