"""BERATUNGSFOLGE_ENTSCHEIDUNG, BERATUNGSFOLGE_REIHENFOLGE, BESCHLUSSTEXT_FEHLT."""

from __future__ import annotations

import datetime as dt

import kommunalrecht as kr

from ._bau import AUSSCHUSS, RAT, B, bestand, nur, sitzung, top

V = B + "drucksache/v"
R = kr.Beratungsrolle


def beratung(
    key: str,
    tag: dt.date,
    rolle: kr.Beratungsrolle,
    *,
    entscheidend: bool | None = None,
    **kw: object,
) -> kr.Beratung:
    return kr.Beratung(
        id=B + "beratung/" + key,
        drucksache=V,
        datum=tag,
        rolle=rolle,
        entscheidend=entscheidend,
        **kw,
    )


def vorlage(*beratungen: kr.Beratung, offen: bool = False) -> kr.Beschlussvorlage:
    return kr.Beschlussvorlage(
        id=V, name="Vorlage", beratungen=beratungen, beschlussvorschlag_offen=offen
    )


def test_exactly_one_deciding_beratung() -> None:
    ok = vorlage(
        beratung("a", dt.date(2021, 9, 27), R.VORBERATUNG, entscheidend=False),
        beratung("b", dt.date(2021, 9, 30), R.ENTSCHEIDUNG, entscheidend=True),
    )
    assert nur("BERATUNGSFOLGE_ENTSCHEIDUNG", bestand(ok)) == []
    zwei = vorlage(
        beratung("a", dt.date(2021, 9, 27), R.ENTSCHEIDUNG),
        beratung("b", dt.date(2021, 9, 30), R.ENTSCHEIDUNG),
    )
    (f,) = nur("BERATUNGSFOLGE_ENTSCHEIDUNG", bestand(zwei))
    assert "2 entscheidende" in f.message and f.path == "$.beratungen"
    keine = vorlage(beratung("a", dt.date(2021, 9, 27), R.VORBERATUNG))
    assert "keine" in nur("BERATUNGSFOLGE_ENTSCHEIDUNG", bestand(keine))[0].message
    # vertagt + new deciding Beratung is fine; no Beratungsfolge: nothing to check
    vertagt = vorlage(
        beratung("a", dt.date(2021, 9, 30), R.ENTSCHEIDUNG, status=kr.Beratungsstatus.VERTAGT),
        beratung("b", dt.date(2021, 10, 28), R.ENTSCHEIDUNG),
    )
    assert nur("BERATUNGSFOLGE_ENTSCHEIDUNG", bestand(vertagt)) == []
    assert nur("BERATUNGSFOLGE_ENTSCHEIDUNG", bestand(vorlage())) == []
    # a Mitteilung (plain Drucksache) is not checked
    mitteilung = kr.Drucksache(
        id=V, beratungen=(beratung("a", dt.date(2021, 9, 27), R.KENNTNISNAHME),)
    )
    assert nur("BERATUNGSFOLGE_ENTSCHEIDUNG", bestand(mitteilung)) == []


def test_norm_depends_on_art() -> None:
    zwei = vorlage(
        beratung("a", dt.date(2021, 9, 27), R.ENTSCHEIDUNG),
        beratung("b", dt.date(2021, 9, 30), R.ENTSCHEIDUNG),
    )
    kreis = nur("BERATUNGSFOLGE_ENTSCHEIDUNG", bestand(zwei, art=kr.Koerperschaftsart.KREIS))[0]
    assert kreis.rechtsgrundlage.startswith("§ 50 Abs. 1 S. 2 KrO NRW")


def test_vorberatung_before_entscheidung() -> None:
    falsch = vorlage(
        beratung("a", dt.date(2021, 10, 2), R.VORBERATUNG, entscheidend=False),
        beratung("b", dt.date(2021, 9, 30), R.ENTSCHEIDUNG, entscheidend=True),
    )
    (f,) = nur("BERATUNGSFOLGE_REIHENFOLGE", bestand(falsch))
    assert f.path == "$.beratungen[0].datum" and f.object_id == V
    assert "Sa 02.10.2021" in f.message
    gleich = vorlage(
        beratung("a", dt.date(2021, 9, 30), R.VORBERATUNG, entscheidend=False),
        beratung("b", dt.date(2021, 9, 30), R.ENTSCHEIDUNG, entscheidend=True),
    )
    assert nur("BERATUNGSFOLGE_REIHENFOLGE", bestand(gleich)) == []


def test_beratung_day_from_its_sitzung() -> None:
    s_spaet = sitzung("spaet", dt.date(2021, 10, 5), gremium=AUSSCHUSS)
    s_kt = sitzung("kt", dt.date(2021, 9, 30), gremium=RAT)
    v = vorlage(
        kr.Beratung(id=B + "beratung/a", sitzung=s_spaet.id, rolle=R.VORBERATUNG),
        kr.Beratung(id=B + "beratung/b", sitzung=s_kt.id, rolle=R.ENTSCHEIDUNG),
    )
    assert [f.code for f in nur("BERATUNGSFOLGE_REIHENFOLGE", bestand(v, s_spaet, s_kt))] == [
        "BERATUNGSFOLGE_REIHENFOLGE"
    ]


def _mit_ergebnis(
    ergebnis: kr.BeschlussErgebnis, text: str | None, *, offen: bool = True
) -> kr.Bestand:
    br = beratung("b", dt.date(2021, 9, 30), R.ENTSCHEIDUNG, sitzung=B + "sitzung/s")
    t = top("t", drucksache=V, beratung=br.id, beschluss=kr.Beschluss(ergebnis=ergebnis, text=text))
    return bestand(vorlage(br, offen=offen), sitzung("s", dt.date(2021, 9, 30), tops=(t,)))


def test_beschlusstext_fehlt() -> None:
    E = kr.BeschlussErgebnis
    (f,) = nur("BESCHLUSSTEXT_FEHLT", _mit_ergebnis(E.UNGEAENDERT_BESCHLOSSEN, None))
    assert f.path == "$.tagesordnung[0].beschluss.text" and f.severity is kr.Severity.ERROR
    assert (
        nur("BESCHLUSSTEXT_FEHLT", _mit_ergebnis(E.UNGEAENDERT_BESCHLOSSEN, "Der Rat beschließt …"))
        == []
    )
    assert nur("BESCHLUSSTEXT_FEHLT", _mit_ergebnis(E.ABGELEHNT, None)) == []
    assert (
        nur("BESCHLUSSTEXT_FEHLT", _mit_ergebnis(E.UNGEAENDERT_BESCHLOSSEN, None, offen=False))
        == []
    )


def test_beschlusstext_fehlt_from_beratung_result_without_top() -> None:
    br = beratung(
        "b",
        dt.date(2021, 9, 30),
        R.ENTSCHEIDUNG,
        ergebnis=kr.BeschlussErgebnis.GEAENDERT_BESCHLOSSEN,
    )
    (f,) = nur("BESCHLUSSTEXT_FEHLT", bestand(vorlage(br, offen=True)))
    assert f.path == "$.beratungen[0].ergebnis"
    # TOP status alone also counts as beschlossen
    t = top("t", drucksache=V, status=kr.Tagesordnungspunktstatus.BESCHLOSSEN)
    b = bestand(vorlage(offen=True), sitzung("s", dt.date(2021, 9, 30), tops=(t,)))
    assert [x.code for x in nur("BESCHLUSSTEXT_FEHLT", b)] == ["BESCHLUSSTEXT_FEHLT"]
