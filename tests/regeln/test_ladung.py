"""LADUNGSFRIST and EINLADUNG_INHALT: lawful and unlawful cases, per Land where the law differs."""

from __future__ import annotations

import datetime as dt

import pytest

import kommunalrecht as kr
from kommunalrecht.model import Land

from ._bau import bestand, nur, sitzung

TAG = dt.date(2021, 11, 16)  # Tue


@pytest.mark.parametrize(
    ("land", "einladung", "erwartet"),
    [
        (Land.NW, dt.date(2021, 11, 8), []),  # 7 full days 09.-15.11.
        (Land.NW, dt.date(2021, 11, 9), ["LADUNGSFRIST"]),
        (Land.HE, dt.date(2021, 11, 12), []),  # § 58 Abs. 1 S. 2 HGO: 3 days between
        (Land.HE, dt.date(2021, 11, 13), ["LADUNGSFRIST"]),
        (Land.BW, dt.date(2021, 11, 9), []),  # 7 days, Sitzungstag counted
        (Land.BW, dt.date(2021, 11, 10), ["LADUNGSFRIST"]),
    ],
)
def test_ladungsfrist_per_land(land: Land, einladung: dt.date, erwartet: list[str]) -> None:
    b = bestand(sitzung("s", TAG, einladungsdatum=einladung), land=land)
    found = nur("LADUNGSFRIST", b)
    assert [f.code for f in found] == erwartet
    for f in found:
        assert f.severity is kr.Severity.ERROR
        assert f.path == "$.einladungsdatum"
        assert f.object_id.endswith("sitzung/s")


def test_ladungsfrist_norm_and_steps() -> None:
    he = nur("LADUNGSFRIST", bestand(sitzung("s", TAG, einladungsdatum=TAG), land=Land.HE))
    assert he[0].rechtsgrundlage == "§ 58 Abs. 1 S. 2 HGO"
    assert "Zugang spätestens: Fr 12.11.2021" in he[0].message
    nw = nur("LADUNGSFRIST", bestand(sitzung("s", TAG, einladungsdatum=TAG)))
    assert nw[0].rechtsgrundlage == "§ 47 Abs. 2 S. 1 GO NRW"
    kreis = nur(
        "LADUNGSFRIST",
        bestand(sitzung("s", TAG, einladungsdatum=TAG), art=kr.Koerperschaftsart.KREIS),
    )
    assert kreis[0].rechtsgrundlage == "§ 32 Abs. 2 KrO NRW"


def test_ladungsfrist_zugang_and_post_fiction() -> None:
    # known Zugang wins over the date of the Ladung
    b = bestand(sitzung("s", TAG, einladungsdatum=dt.date(2021, 11, 1), einladung_zugang=TAG))
    assert nur("LADUNGSFRIST", b)[0].path == "$.einladung_zugang"
    # by post: 08.11. + 3 days = 11.11. is too late for a 7-day Frist
    go = kr.Geschaeftsordnung.from_dict({"ladung": {"zugang": {"art": "post"}}})
    b = bestand(sitzung("s", TAG, einladungsdatum=dt.date(2021, 11, 8)))
    assert [f.code for f in nur("LADUNGSFRIST", b, go=go)] == ["LADUNGSFRIST"]
    assert nur("LADUNGSFRIST", b) == []


def test_ladungsfrist_dringlich_uses_shortened_frist() -> None:
    b = bestand(sitzung("s", TAG, einladungsdatum=dt.date(2021, 11, 12), dringlich=True))
    assert nur("LADUNGSFRIST", b) == []  # 3 full days 13.-15.11.
    b = bestand(sitzung("s", TAG, einladungsdatum=dt.date(2021, 11, 13), dringlich=True))
    (f,) = nur("LADUNGSFRIST", b)
    assert "Dringlichkeit" in f.message


def test_ladungsfrist_not_checkable() -> None:
    # status eingeladen, no date → info; nothing known at all → no finding
    b = bestand(sitzung("s", TAG, status=kr.Sitzungsstatus.EINGELADEN), sitzung("t", TAG))
    (f,) = nur("LADUNGSFRIST", b)
    assert f.severity is kr.Severity.INFO and f.message.startswith("nicht prüfbar")
    # Werktage without a Land: not checkable; abgesagt: not checked
    go = kr.Geschaeftsordnung.from_dict({"ladung": {"frist": {"werktage": True}}})
    s = sitzung("s", TAG, einladungsdatum=TAG)
    (f,) = kr.validate([s], go=go, regeln=["LADUNGSFRIST"])
    assert f.severity is kr.Severity.INFO
    assert nur("LADUNGSFRIST", bestand(sitzung("s", TAG, einladungsdatum=TAG, abgesagt=True))) == []


def test_einladung_inhalt() -> None:
    ok = bestand(
        sitzung(
            "s",
            TAG,
            beginn=dt.datetime(2021, 11, 16, 15, tzinfo=dt.UTC),
            einladungsdatum=dt.date(2021, 11, 4),
        )
    )
    assert nur("EINLADUNG_INHALT", ok) == []
    ohne_ort = bestand(sitzung("s", TAG, ort=None, einladungsdatum=dt.date(2021, 11, 4)))
    found = nur("EINLADUNG_INHALT", ohne_ort)
    assert [(f.severity, f.path) for f in found] == [
        (kr.Severity.WARNING, "$.ort"),
        (kr.Severity.INFO, "$.beginn"),
    ]
    ohne_to = bestand(sitzung("s", TAG, tops=(), einladungsdatum=dt.date(2021, 11, 4)))
    assert "Tagesordnung" in nur("EINLADUNG_INHALT", ohne_to)[0].message
    # no Ladung on record: nothing to check
    assert nur("EINLADUNG_INHALT", bestand(sitzung("s", TAG, ort=None))) == []
    assert nur("EINLADUNG_INHALT", bestand(sitzung("s", TAG, ort=None)), land=Land.BY) == []
    by = nur(
        "EINLADUNG_INHALT", bestand(sitzung("s", TAG, ort=None, einladungsdatum=TAG), land=Land.BY)
    )
    assert by[0].rechtsgrundlage == "Art. 46 Abs. 2 S. 1 BayGO"
