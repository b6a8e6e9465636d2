"""DRINGLICHKEIT_GENEHMIGUNG: § 60 GO NRW (Genehmigung) vs. BY Art. 37 Abs. 3 (Kenntnisgabe)."""

from __future__ import annotations

import datetime as dt

import kommunalrecht as kr
from kommunalrecht.model import Land

from ._bau import RAT, B, bestand, nur, sitzung

DE = B + "dringlichkeit/1"


def de(**kw: object) -> kr.Dringlichkeitsentscheidung:
    kw.setdefault("datum", dt.date(2021, 10, 4))
    return kr.Dringlichkeitsentscheidung(id=DE, zustaendiges_gremium=RAT, **kw)


S1 = sitzung("s1", dt.date(2021, 10, 28), status=kr.Sitzungsstatus.GESCHLOSSEN)
S2 = sitzung("s2", dt.date(2021, 11, 25))


def test_submitted_to_next_meeting_is_lawful() -> None:
    assert nur("DRINGLICHKEIT_GENEHMIGUNG", bestand(de(sitzung=S1.id), S1, S2)) == []
    # found via its Drucksache on the agenda of the next meeting
    t = kr.Tagesordnungspunkt(id=B + "top/de", position=0, drucksache=B + "drucksache/de")
    s1 = sitzung("s1", dt.date(2021, 10, 28), tops=(t,))
    assert (
        nur("DRINGLICHKEIT_GENEHMIGUNG", bestand(de(drucksache=B + "drucksache/de"), s1, S2)) == []
    )


def test_not_submitted_nw_error_by_warning() -> None:
    (f,) = nur("DRINGLICHKEIT_GENEHMIGUNG", bestand(de(), S1, S2))
    assert f.severity is kr.Severity.ERROR and f.rechtsgrundlage == "§ 60 Abs. 1 GO NRW"
    assert f.object_id == DE and f.path == "$.sitzung"
    (f,) = nur("DRINGLICHKEIT_GENEHMIGUNG", bestand(de(), S1, S2, land=Land.BY))
    assert f.severity is kr.Severity.WARNING and f.rechtsgrundlage == "Art. 37 Abs. 3 BayGO"
    kreis = nur("DRINGLICHKEIT_GENEHMIGUNG", bestand(de(), S1, S2, art=kr.Koerperschaftsart.KREIS))
    assert kreis[0].rechtsgrundlage == "§ 50 Abs. 3 KrO NRW"


def test_submitted_too_late_and_only_kenntnisnahme() -> None:
    (f,) = nur("DRINGLICHKEIT_GENEHMIGUNG", bestand(de(sitzung=S2.id), S1, S2))
    assert "später" in f.message
    kenntnis = de(sitzung=S1.id, status=kr.Dringlichkeitsstatus.ZUR_KENNTNIS_GENOMMEN)
    (f,) = nur("DRINGLICHKEIT_GENEHMIGUNG", bestand(kenntnis, S1, S2))
    assert f.path == "$.status"
    assert nur("DRINGLICHKEIT_GENEHMIGUNG", bestand(kenntnis, S1, S2, land=Land.BY)) == []


def test_he_has_no_eilentscheidung_for_the_council() -> None:
    (f,) = nur("DRINGLICHKEIT_GENEHMIGUNG", bestand(de(sitzung=S1.id), S1, S2, land=Land.HE))
    assert f.severity is kr.Severity.ERROR and "nicht vorgesehen" in f.message


def test_not_checkable_cases_give_nothing() -> None:
    zukunft = sitzung("z", dt.date.today() + dt.timedelta(days=30))
    assert nur("DRINGLICHKEIT_GENEHMIGUNG", bestand(de(datum=dt.date.today()), zukunft)) == []
    assert nur("DRINGLICHKEIT_GENEHMIGUNG", bestand(de(datum=None), S1)) == []
    assert kr.validate([de()], regeln=["DRINGLICHKEIT_GENEHMIGUNG"]) == []  # no Land
