"""Procedure states ⇄ OParl (meetingState, cancelled, AgendaItem.result)."""

from __future__ import annotations

import datetime as dt

import pytest

from kommunalrecht import (
    Beschluss,
    BeschlussErgebnis,
    Sitzung,
    Sitzungsstatus,
    Tagesordnungspunktstatus,
    oparl,
    verfahren,
)
from kommunalrecht.verfahren.oparl_abbildung import (
    MEETING_STATES,
    ergebnis_nach_oparl,
    ergebnis_von_oparl,
    sitzung_nach_oparl,
    sitzung_von_oparl,
)

UTC = dt.UTC


@pytest.mark.parametrize("status", list(Sitzungsstatus))
def test_jeder_sitzungsstatus_hat_einen_meetingstate(status: Sitzungsstatus) -> None:
    state, cancelled = sitzung_nach_oparl(status)
    assert state in MEETING_STATES
    assert cancelled is (status is Sitzungsstatus.ABGESAGT)
    # reading back gives a state with the same OParl view
    zurueck = sitzung_von_oparl(state, cancelled)
    assert zurueck is not None
    assert sitzung_nach_oparl(zurueck)[1] == cancelled
    if not cancelled:
        assert sitzung_nach_oparl(zurueck)[0] == state


def test_abgesagte_sitzung_behaelt_den_meetingstate_vor_der_absage() -> None:
    s = Sitzung(id="https://x.example/s", datum=dt.date(2021, 11, 16))
    geplant_abgesagt = verfahren.absagen(s, am=dt.datetime(2021, 11, 1, tzinfo=UTC))
    assert sitzung_nach_oparl(geplant_abgesagt.status, geplant_abgesagt.verlauf) == (
        "terminiert",
        True,
    )
    eingeladen = verfahren.einladen(s, am=dt.datetime(2021, 11, 4, tzinfo=UTC))
    abgesagt = verfahren.absagen(eingeladen, am=dt.datetime(2021, 11, 5, tzinfo=UTC))
    assert sitzung_nach_oparl(abgesagt.status, abgesagt.verlauf) == ("eingeladen", True)
    assert sitzung_nach_oparl(None) == (None, False)


@pytest.mark.parametrize(
    ("text", "ergebnis", "status"),
    [
        ("ungeändert beschlossen", "ungeändert beschlossen", "beschlossen"),
        ("Unverändert beschlossen", "ungeändert beschlossen", "beschlossen"),
        ("einstimmig beschlossen", "ungeändert beschlossen", "beschlossen"),
        ("ohne Änderungen in der BVV beschlossen", "ungeändert beschlossen", "beschlossen"),
        ("Geändert beschlossen", "geändert beschlossen", "geändert beschlossen"),
        ("mit Änderungen im Ausschuss beschlossen", "geändert beschlossen", "geändert beschlossen"),
        ("mehrheitlich abgelehnt", "abgelehnt", "abgelehnt"),
        ("Zur Kenntnis genommen", "zur Kenntnis genommen", "zur Kenntnis genommen"),
        (
            "mit Zwischenbericht zur Kenntnis genommen",
            "zur Kenntnis genommen",
            "zur Kenntnis genommen",
        ),
        ("vertagt", "vertagt", "vertagt"),
        ("zurück verwiesen", "verwiesen", "verwiesen"),
        ("zurückgestellt", "zurückgestellt", "zurückgestellt"),
        ("abgesetzt", "abgesetzt", "abgesetzt"),
        ("zieht Antrag zurück", "zurückgezogen", "zurückgezogen"),
        ("Einstimmig empfohlen", "empfohlen", "beschlossen"),
        ("nicht empfohlen", "nicht empfohlen", "abgelehnt"),
        ("erledigt", "erledigt", "erledigt"),
    ],
)
def test_ris_ergebnistexte(text: str, ergebnis: str, status: str) -> None:
    e, s = ergebnis_von_oparl(text)
    assert e is not None and s is not None
    assert (e.value, s.value) == (ergebnis, status)


def test_unbekannter_text_bleibt_unbekannt() -> None:
    assert ergebnis_von_oparl("siehe Niederschrift") == (None, None)
    assert ergebnis_von_oparl(None) == (None, None)


@pytest.mark.parametrize("status", list(Tagesordnungspunktstatus))
def test_top_status_nach_oparl_und_zurueck(status: Tagesordnungspunktstatus) -> None:
    text = ergebnis_nach_oparl(status)
    if status in (Tagesordnungspunktstatus.GEPLANT, Tagesordnungspunktstatus.IN_BERATUNG):
        assert text is None
        return
    assert text is not None
    assert ergebnis_von_oparl(text)[1] is status


def test_verbatim_text_geht_vor() -> None:
    b = Beschluss(ergebnis=BeschlussErgebnis.EMPFOHLEN, ergebnis_text="Einstimmig empfohlen")
    assert ergebnis_nach_oparl(Tagesordnungspunktstatus.BESCHLOSSEN, b) == "Einstimmig empfohlen"
    assert ergebnis_nach_oparl(None, Beschluss(ergebnis=BeschlussErgebnis.VERTAGT)) == "vertagt"


def test_codec_rundreise_der_sitzung_mit_status_und_verlauf() -> None:
    from kommunalrecht.beispiele.rhein_sieg_2021 import bestand

    s = next(x for x in bestand().alle(Sitzung) if x.status is Sitzungsstatus.EINGELADEN)
    s = verfahren.absagen(s, am=dt.datetime(2021, 11, 10, tzinfo=UTC), akteur="Vorsitzende")
    d = oparl.to_dict(s)
    assert d["cancelled"] is True
    assert d["kommunalrecht:status"] == "abgesagt"
    zurueck = oparl.from_dict(d)
    assert zurueck == s
