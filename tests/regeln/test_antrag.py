"""ANTRAGSFRIST and ANTRAG_NICHT_AUFGENOMMEN (minority right to an agenda item)."""

from __future__ import annotations

import datetime as dt

import kommunalrecht as kr
from kommunalrecht.model import Land

from ._bau import AUSSCHUSS, FRAKTION, RAT, B, bestand, nur, sitzung, top

S1 = dt.date(2021, 9, 30)  # Antragsfrist (14 days incl. Sitzungstag): 16.09.
S2 = dt.date(2021, 10, 28)  # Antragsfrist: 14.10.
S3 = dt.date(2021, 11, 25)
ANTRAG = B + "drucksache/antrag"


def antrag(
    eingang: dt.date, *, fraktion: bool = True, personen: int = 0, ziel: str = RAT, **kw: object
) -> kr.Antrag:
    return kr.Antrag(
        id=ANTRAG,
        name="Radwege",
        eingang=dt.datetime.combine(eingang, dt.time(9), tzinfo=dt.UTC),
        urheber_gremien=(FRAKTION,) if fraktion else (),
        urheber_personen=tuple(f"{B}person/{i}" for i in range(personen)),
        zielgremien=(ziel,),
        **kw,
    )


def mit_antrag(key: str) -> kr.Tagesordnungspunkt:
    return top(key, drucksache=ANTRAG)


def test_antrag_on_time_and_on_agenda_is_lawful() -> None:
    b = bestand(antrag(dt.date(2021, 9, 10)), sitzung("s1", S1, tops=(mit_antrag("a"),)))
    assert kr.validate(b, regeln=["ANTRAGSFRIST", "ANTRAG_NICHT_AUFGENOMMEN"]) == []


def test_antrag_on_time_but_missing_is_an_error_with_norm_per_art() -> None:
    b = bestand(
        antrag(dt.date(2021, 9, 10)), sitzung("s1", S1), sitzung("s2", S2, tops=(mit_antrag("a"),))
    )
    (f,) = nur("ANTRAG_NICHT_AUFGENOMMEN", b)
    assert f.severity is kr.Severity.ERROR
    assert f.object_id == B + "sitzung/s1" and f.path == "$.tagesordnung"
    assert f.rechtsgrundlage == "§ 48 Abs. 1 S. 2 GO NRW"
    kreis = bestand(antrag(dt.date(2021, 9, 10)), sitzung("s1", S1), art=kr.Koerperschaftsart.KREIS)
    assert nur("ANTRAG_NICHT_AUFGENOMMEN", kreis)[0].rechtsgrundlage == "§ 33 Abs. 1 S. 2 KrO NRW"


def test_related_vorlage_counts_as_aufgenommen() -> None:
    vorlage = kr.Beschlussvorlage(id=B + "drucksache/v", verwandte=(ANTRAG,))
    t = top("v", drucksache=vorlage.id)
    b = bestand(antrag(dt.date(2021, 9, 10)), vorlage, sitzung("s1", S1, tops=(t,)))
    assert nur("ANTRAG_NICHT_AUFGENOMMEN", b) == []


def test_quorum_route_one_fifth_without_chair() -> None:
    # 41 members incl. BM: a fifth of 40 = 8 members
    acht = bestand(antrag(dt.date(2021, 9, 10), fraktion=False, personen=8), sitzung("s1", S1))
    sieben = bestand(antrag(dt.date(2021, 9, 10), fraktion=False, personen=7), sitzung("s1", S1))
    assert [f.code for f in nur("ANTRAG_NICHT_AUFGENOMMEN", acht)] == ["ANTRAG_NICHT_AUFGENOMMEN"]
    assert nur("ANTRAG_NICHT_AUFGENOMMEN", sieben) == []


def test_sn_next_but_one_meeting() -> None:
    spaet = bestand(
        antrag(dt.date(2021, 9, 10)),
        sitzung("s1", S1),
        sitzung("s2", S2, tops=(mit_antrag("a"),)),
        land=Land.SN,
    )
    assert nur("ANTRAG_NICHT_AUFGENOMMEN", spaet) == []
    nie = bestand(
        antrag(dt.date(2021, 9, 10)),
        sitzung("s1", S1),
        sitzung("s2", S2),
        sitzung("s3", S3),
        land=Land.SN,
    )
    (f,) = nur("ANTRAG_NICHT_AUFGENOMMEN", nie)
    assert f.object_id == B + "sitzung/s2" and "übernächsten" in f.message
    assert f.rechtsgrundlage == "§ 36 Abs. 5 SächsGemO"


def test_antragsfrist_missed_meeting_named_with_first_reachable() -> None:
    b = bestand(
        antrag(dt.date(2021, 9, 20)), sitzung("s1", S1), sitzung("s2", S2, tops=(mit_antrag("a"),))
    )
    (f,) = nur("ANTRAGSFRIST", b)
    assert f.severity is kr.Severity.INFO and f.path == "$.eingang"
    assert (
        "Sitzung s1 am Do 30.09.2021" in f.message
        and "erste erreichbare Sitzung: Sitzung s2" in f.message
    )
    assert nur("ANTRAG_NICHT_AUFGENOMMEN", b) == []  # s2 carries it


def test_antragsfrist_warning_when_put_on_missed_agenda() -> None:
    b = bestand(antrag(dt.date(2021, 9, 20)), sitzung("s1", S1, tops=(mit_antrag("a"),)))
    (f,) = nur("ANTRAGSFRIST", b)
    assert f.severity is kr.Severity.WARNING and "dennoch auf der Tagesordnung" in f.message
    assert "keine erreichbare Sitzung" in f.message


def test_antragsfrist_cut_off_time() -> None:
    go = kr.Geschaeftsordnung.from_dict({"antrag": {"uhrzeit": "10:00"}})
    frueh = antrag(dt.date(2021, 9, 16))  # 09:00 UTC = 11:00 Berlin: too late
    b = bestand(frueh, sitzung("s1", S1), sitzung("s2", S2))
    assert [f.code for f in nur("ANTRAGSFRIST", b, go=go)] == ["ANTRAGSFRIST"]
    assert nur("ANTRAGSFRIST", b) == []


def test_withdrawn_or_undated_antrag_not_checked() -> None:
    weg = antrag(dt.date(2021, 9, 29), status=kr.Drucksachenstatus.ZURUECKGEZOGEN)
    assert kr.validate(bestand(weg, sitzung("s1", S1)), regeln=["ANTRAGSFRIST"]) == []
    ohne = kr.Antrag(id=ANTRAG, urheber_gremien=(FRAKTION,), zielgremien=(AUSSCHUSS,))
    b = bestand(ohne, sitzung("s1", S1, gremium=AUSSCHUSS))
    assert kr.validate(b, regeln=["ANTRAGSFRIST", "ANTRAG_NICHT_AUFGENOMMEN"]) == []
