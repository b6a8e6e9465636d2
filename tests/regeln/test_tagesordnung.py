"""TAGESORDNUNG_ERWEITERUNG (NRW Dringlichkeit, BY none, HE/NI two thirds) and TOP_REIHENFOLGE."""

from __future__ import annotations

import datetime as dt

import kommunalrecht as kr
from kommunalrecht.model import Land

from ._bau import B, bestand, nur, sitzung, top

TAG = dt.date(2021, 11, 16)


def _nachtrag(land: Land, *, dringlich: bool | None, teilnehmende: int = 0) -> kr.Bestand:
    t = top("n", nachtrag=True, dringlich=dringlich)
    personen = tuple(f"{B}person/{i}" for i in range(teilnehmende))
    return bestand(sitzung("s", TAG, tops=(top("a"), t), teilnehmende=personen), land=land)


def test_erweiterung_nrw_needs_dringlichkeit() -> None:
    (f,) = nur("TAGESORDNUNG_ERWEITERUNG", _nachtrag(Land.NW, dringlich=False))
    assert f.severity is kr.Severity.ERROR and f.path == "$.tagesordnung[1].dringlich"
    assert f.rechtsgrundlage == "§ 48 Abs. 1 S. 5 GO NRW"
    assert nur("TAGESORDNUNG_ERWEITERUNG", _nachtrag(Land.NW, dringlich=True)) == []


def test_erweiterung_by_not_allowed() -> None:
    (f,) = nur("TAGESORDNUNG_ERWEITERUNG", _nachtrag(Land.BY, dringlich=True))
    assert "nicht erweitert" in f.message


def test_erweiterung_he_two_thirds_of_legal_members() -> None:
    # 41 members: 28 needed; HE needs no Dringlichkeit, only the two-thirds majority
    (f,) = nur("TAGESORDNUNG_ERWEITERUNG", _nachtrag(Land.HE, dringlich=None, teilnehmende=27))
    assert "28 der 41" in f.message and f.rechtsgrundlage == "§ 58 Abs. 2 HGO"
    assert (
        nur("TAGESORDNUNG_ERWEITERUNG", _nachtrag(Land.HE, dringlich=None, teilnehmende=28)) == []
    )
    (f,) = nur("TAGESORDNUNG_ERWEITERUNG", _nachtrag(Land.HE, dringlich=None))
    assert f.severity is kr.Severity.INFO
    # NI: two thirds *and* Dringlichkeit
    codes = [
        x.severity
        for x in nur(
            "TAGESORDNUNG_ERWEITERUNG", _nachtrag(Land.NI, dringlich=False, teilnehmende=30)
        )
    ]
    assert codes == [kr.Severity.ERROR]


def test_regular_items_not_checked() -> None:
    assert nur("TAGESORDNUNG_ERWEITERUNG", bestand(sitzung("s", TAG)), land=Land.BY) == []


def test_top_reihenfolge() -> None:
    ok0 = bestand(sitzung("s", TAG, tops=(top("a", 0), top("b", 1), top("c", 2))))
    ok1 = bestand(sitzung("s", TAG, tops=(top("a", 1), top("b", 2))))
    assert nur("TOP_REIHENFOLGE", ok0) == nur("TOP_REIHENFOLGE", ok1) == []
    doppelt = bestand(sitzung("s", TAG, tops=(top("a", 0), top("b", 0), top("c", 1))))
    (f,) = nur("TOP_REIHENFOLGE", doppelt)
    assert f.path == "$.tagesordnung[1].position" and f.object_id == B + "sitzung/s"
    luecke = bestand(sitzung("s", TAG, tops=(top("a", 0), top("b", 2))))
    (f,) = nur("TOP_REIHENFOLGE", luecke)
    assert f.path == "$.tagesordnung" and "fehlend: 1" in f.message
    teils = bestand(sitzung("s", TAG, tops=(top("a", 0), top("b", None))))
    (f,) = nur("TOP_REIHENFOLGE", teils)
    assert f.severity is kr.Severity.WARNING
    keine = bestand(sitzung("s", TAG, tops=(top("a", None), top("b", None))))
    assert nur("TOP_REIHENFOLGE", keine) == []


def test_standalone_top_joins_its_sitzung() -> None:
    s = sitzung("s", TAG, tops=(top("a", 0),))
    lose = kr.Tagesordnungspunkt(id=B + "top/lose", sitzung=s.id, position=0)
    (f,) = nur("TOP_REIHENFOLGE", bestand(s, lose))
    assert f.object_id == B + "top/lose" and f.path == "$.position"
