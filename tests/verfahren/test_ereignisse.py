"""Guards of the transition functions, with the facts of the 2021 Rhein-Sieg-Kreis seed."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from kommunalrecht import (
    Abstimmung,
    Beratungsstatus,
    BeschlussErgebnis,
    Beschlussvorlage,
    Dringlichkeitsentscheidung,
    Dringlichkeitsstatus,
    Drucksachenstatus,
    Koerperschaftsart,
    Land,
    Sitzung,
    Sitzungsstatus,
    Tagesordnungspunkt,
    Tagesordnungspunktstatus,
    TransitionError,
    verfahren,
)
from kommunalrecht.beispiele.rhein_sieg_2021 import bestand
from kommunalrecht.recht import Geschaeftsordnung, Nachbehandlung, Unterzeichner, profil

UTC = dt.UTC
BERLIN = dt.timezone(dt.timedelta(hours=1))  # CET in November
KREIS = profil(Land.NW, Koerperschaftsart.KREIS, dt.date(2021, 11, 16))
ASI = "https://oparl.example.org/rhein-sieg-kreis/sitzung/asi-2021-11-16"
AM_16_11 = dt.datetime(2021, 11, 16, 15, 0, tzinfo=BERLIN)


def _go(tage: int, **extra: object) -> Geschaeftsordnung:
    return Geschaeftsordnung.from_dict(
        {"ladung": {"frist": {"tage": tage}, **extra}}, basis=KREIS.geschaeftsordnung
    )


def _asi() -> Sitzung:
    s = bestand()[ASI]
    assert isinstance(s, Sitzung)
    assert (s.tag, s.einladungsdatum, s.status) == (
        dt.date(2021, 11, 16),
        dt.date(2021, 11, 4),
        Sitzungsstatus.EINGELADEN,
    )
    return s


# --------------------------------------------------------------------------------------------
# Ladungsfrist (seed: Einladung Do 04.11.2021, Sitzung Di 16.11.2021)


def test_eroeffnen_seed_mit_siebentaegiger_ladungsfrist() -> None:
    s = verfahren.eroeffnen(_asi(), am=AM_16_11, go=_go(7), akteur="Katja Ruiters")
    assert s.status is Sitzungsstatus.EROEFFNET
    assert s.beginn == AM_16_11
    assert s.verlauf[-1].von == "eingeladen" and s.verlauf[-1].akteur == "Katja Ruiters"


def test_eroeffnen_seed_mit_vierzehntaegiger_ladungsfrist_scheitert_mit_begruendung() -> None:
    s = _asi()
    with pytest.raises(TransitionError) as info:
        verfahren.eroeffnen(s, am=AM_16_11, go=_go(14))
    grund = info.value.reason or ""
    assert grund.startswith("Ladungsfrist nicht eingehalten: Ladung vom Do 04.11.2021")
    assert "erforderlich spätestens Mo 01.11.2021" in grund
    assert "14 volle Kalendertage vor dem Sitzungstag Di 16.11.2021" in grund
    assert "ladung.frist" in grund and "KrO NRW" in grund
    assert info.value.state == "eingeladen" and info.value.event == "eroeffnen"
    assert s == _asi()  # unchanged


def test_dringliche_sitzung_misst_an_der_verkuerzten_frist() -> None:
    s = attrs.evolve(_asi(), dringlich=True)
    go = _go(14, dringlich={"tage": 3})
    assert verfahren.eroeffnen(s, am=AM_16_11, go=go).status is Sitzungsstatus.EROEFFNET
    go_knapp = _go(14, dringlich={"tage": 12})
    with pytest.raises(TransitionError, match=r"\(verkürzte Frist bei Dringlichkeit\)"):
        verfahren.eroeffnen(s, am=AM_16_11, go=go_knapp)


def test_postzugang_und_landesprofil() -> None:
    # by post the Ladung of 04.11. is deemed received on 07.11. (3rd day): 8 full days remain
    s = _asi()
    post = _go(8, zugang={"art": "post"})
    assert verfahren.eroeffnen(s, am=AM_16_11, go=post).status is Sitzungsstatus.EROEFFNET
    with pytest.raises(TransitionError, match=r"Zugang \(post\) am So 07.11.2021"):
        verfahren.eroeffnen(s, am=AM_16_11, go=_go(9, zugang={"art": "post"}))
    # a Landesprofil may be passed instead of a GeschO (its Land and norms are used)
    assert verfahren.eroeffnen(s, am=AM_16_11, go=KREIS).status is Sitzungsstatus.EROEFFNET


def test_eroeffnen_nicht_vor_dem_sitzungstag_und_nur_mit_bekannter_ladung() -> None:
    with pytest.raises(TransitionError, match="kann nicht vorher beginnen"):
        verfahren.eroeffnen(_asi(), am=dt.datetime(2021, 11, 15, 18, tzinfo=UTC), go=_go(7))
    ohne = attrs.evolve(_asi(), einladungsdatum=None)
    with pytest.raises(TransitionError, match="keine Ladung bekannt"):
        verfahren.eroeffnen(ohne, am=AM_16_11, go=_go(7))


def test_eroeffnen_prueft_beschlussfaehigkeit_wenn_anwesenheit_bekannt() -> None:
    kt = Sitzung(
        id="https://x.example/kt",
        datum=dt.date(2021, 9, 30),
        einladungsdatum=dt.date(2021, 9, 10),
        status=Sitzungsstatus.EINGELADEN,
    )
    am = dt.datetime(2021, 9, 30, 15, tzinfo=BERLIN)
    with pytest.raises(TransitionError, match=r"40 von 81 gesetzlichen .*\(41;"):
        verfahren.eroeffnen(kt, am=am, go=KREIS, anwesend=40, mitglieder=81)
    offen = verfahren.eroeffnen(kt, am=am, go=KREIS, anwesend=41, mitglieder=81)
    assert offen.status is Sitzungsstatus.EROEFFNET


def test_verlegen_verlangt_neue_ladung() -> None:
    s = verfahren.verlegen(
        _asi(), am=dt.datetime(2021, 11, 8, tzinfo=UTC), datum=dt.date(2021, 11, 23)
    )
    assert s.status is Sitzungsstatus.VERLEGT and s.einladungsdatum is None
    with pytest.raises(TransitionError, match="allowed: einladen, verlegen, absagen"):
        verfahren.eroeffnen(s, am=dt.datetime(2021, 11, 23, 15, tzinfo=UTC), go=_go(7))
    s = verfahren.einladen(s, am=dt.datetime(2021, 11, 9, tzinfo=UTC))
    assert (
        verfahren.eroeffnen(s, am=dt.datetime(2021, 11, 23, 15, tzinfo=UTC), go=_go(7)).status
        is Sitzungsstatus.EROEFFNET
    )
    with pytest.raises(TransitionError, match="neuer Termin fehlt"):
        verfahren.verlegen(_asi(), am=dt.datetime(2021, 11, 8, tzinfo=UTC))


# --------------------------------------------------------------------------------------------
# Beschlussfähigkeit and majority


def _top() -> Tagesordnungspunkt:
    return Tagesordnungspunkt(id="https://x.example/t", status=Tagesordnungspunktstatus.IN_BERATUNG)


@pytest.mark.parametrize(
    ("abstimmung", "geaendert", "status", "ergebnis"),
    [
        (Abstimmung(ja=9, nein=8), False, "beschlossen", "ungeändert beschlossen"),
        (Abstimmung(ja=9, nein=8), True, "geändert beschlossen", "geändert beschlossen"),
        (Abstimmung(ja=8, nein=8, enthaltung=1), False, "abgelehnt", "abgelehnt"),  # tie
        (Abstimmung(ja=1, nein=0, enthaltung=16), False, "beschlossen", "ungeändert beschlossen"),
        (Abstimmung(ja=2, nein=15), True, "abgelehnt", "abgelehnt"),
    ],
)
def test_abstimmung_entscheidet_das_ergebnis(
    abstimmung: Abstimmung, geaendert: bool, status: str, ergebnis: str
) -> None:
    t = verfahren.beschliessen(
        _top(), am=AM_16_11, abstimmung=abstimmung, go=KREIS, geaendert=geaendert, text="T"
    )
    assert t.status is not None and t.status.value == status
    assert t.beschluss is not None and t.beschluss.ergebnis is not None
    assert t.beschluss.ergebnis.value == ergebnis
    assert t.beschluss.abstimmung == abstimmung and t.beschluss.text == "T"
    assert "abstimmung.mehrheit = simple" in (t.verlauf[-1].notiz or "")


def test_beschliessen_ohne_beschlussfaehigkeit_scheitert() -> None:
    with pytest.raises(TransitionError, match="nicht beschlussfähig: 8 von 17"):
        verfahren.beschliessen(
            _top(),
            am=AM_16_11,
            go=KREIS,
            mitglieder=17,
            abstimmung=Abstimmung(ja=8, nein=0, anwesend=8),
        )
    # unknown attendance: NRW fiction (deemed beschlussfähig until festgestellt) applies
    assert (
        verfahren.beschliessen(_top(), am=AM_16_11, go=KREIS, abstimmung=Abstimmung(ja=8)).status
        is Tagesordnungspunktstatus.BESCHLOSSEN
    )
    ohne_fiktion = Geschaeftsordnung.from_dict({"beschlussfaehigkeit": {"fiktion": "none"}})
    with pytest.raises(TransitionError, match="Beschlussfähigkeit nicht feststellbar"):
        verfahren.beschliessen(_top(), am=AM_16_11, go=ohne_fiktion, abstimmung=Abstimmung(ja=8))


def test_bayern_enthaltung_unzulaessig_und_qualifizierte_mehrheit() -> None:
    by = profil(Land.BY, rechtsstand=dt.date(2021, 11, 16))
    with pytest.raises(TransitionError, match=r"Art. 48 Abs. 1 S. 2 BayGO"):
        verfahren.beschliessen(
            _top(),
            am=AM_16_11,
            go=by,
            mitglieder=15,
            abstimmung=Abstimmung(ja=5, nein=3, enthaltung=1, anwesend=9),
        )
    # without attendance BY has no fiction of Beschlussfähigkeit (Art. 47 Abs. 2 BayGO)
    with pytest.raises(TransitionError, match=r"keine Fiktion.*Art. 47 Abs. 2 BayGO"):
        verfahren.beschliessen(_top(), am=AM_16_11, go=by, abstimmung=Abstimmung(ja=5))
    from kommunalrecht.recht import Mehrheit

    t = verfahren.beschliessen(
        _top(),
        am=AM_16_11,
        go=KREIS,
        mitglieder=81,
        mehrheit=Mehrheit.OF_LEGAL_MEMBERS,
        abstimmung=Abstimmung(ja=40, nein=10, anwesend=60),
    )
    assert t.status is Tagesordnungspunktstatus.ABGELEHNT
    with pytest.raises(TransitionError, match="mitglieder="):
        verfahren.beschliessen(
            _top(),
            am=AM_16_11,
            go=KREIS,
            mehrheit=Mehrheit.OF_LEGAL_MEMBERS,
            abstimmung=Abstimmung(ja=40, nein=10),
        )


# --------------------------------------------------------------------------------------------
# Beratungsfolge: Entscheidung only after the Vorberatung (seed Vorlage 30.2: KA 27.09., KT 30.09.)

VORLAGE_30_2 = "https://oparl.example.org/rhein-sieg-kreis/drucksache/vorlage-30.2-2021-09-21"
KA = "https://oparl.example.org/rhein-sieg-kreis/beratung/vorlage-30.2-ka"
KT = "https://oparl.example.org/rhein-sieg-kreis/beratung/vorlage-30.2-kt"


def _auf_to(bid: str) -> verfahren.Ereignis:
    return verfahren.Ereignis(bid, "aufnehmen", {"am": dt.datetime(2021, 9, 21, tzinfo=UTC)})


def test_entscheidung_erst_nach_vorberatung() -> None:
    b = verfahren.anwenden(
        bestand(),
        [
            _auf_to(KA),
            _auf_to(KT),
            verfahren.Ereignis(KT, "aufrufen", {"am": dt.datetime(2021, 9, 30, 15, tzinfo=UTC)}),
        ],
    )
    abst = {"abstimmung": Abstimmung(ja=50, nein=20), "go": KREIS}
    kt_beschluss = verfahren.Ereignis(
        KT, "beschliessen", {"am": dt.datetime(2021, 9, 30, 16, tzinfo=UTC), **abst}
    )
    with pytest.raises(TransitionError, match=r"noch nicht beraten: .*vorlage-30.2-ka"):
        verfahren.anwenden(b, [kt_beschluss])
    b2 = verfahren.anwenden(
        b,
        [
            verfahren.Ereignis(KA, "aufrufen", {"am": dt.datetime(2021, 9, 27, 15, tzinfo=UTC)}),
            verfahren.Ereignis(
                KA, "beschliessen", {"am": dt.datetime(2021, 9, 27, 16, tzinfo=UTC), **abst}
            ),
            kt_beschluss,
        ],
    )
    vorlage = b2[VORLAGE_30_2]
    assert isinstance(vorlage, Beschlussvorlage)
    ka, kt = vorlage.beratungen
    assert (ka.status, ka.ergebnis) == (Beratungsstatus.BERATEN, BeschlussErgebnis.EMPFOHLEN)
    assert kt.ergebnis is BeschlussErgebnis.UNGEAENDERT_BESCHLOSSEN
    assert b2[KT] == kt  # the Bestand indexes the updated embedded Beratung


def test_vorlage_ohne_beschlussvorschlag_braucht_den_beschlossenen_text() -> None:
    v = bestand()[VORLAGE_30_2]
    assert isinstance(v, Beschlussvorlage) and v.beschlussvorschlag_offen
    fertig = tuple(attrs.evolve(b, status=Beratungsstatus.BERATEN) for b in v.beratungen)
    v = attrs.evolve(v, status=Drucksachenstatus.IN_BERATUNG, beratungen=fertig)
    am = dt.datetime(2021, 9, 30, 16, tzinfo=UTC)
    kw = {"am": am, "go": KREIS, "abstimmung": Abstimmung(ja=50, nein=20)}
    with pytest.raises(TransitionError, match="ergibt sich aus den Beratungen"):
        verfahren.beschliessen(v, **kw)  # type: ignore[arg-type]
    v2 = verfahren.beschliessen(v, text="Der Antrag wird zurückgestellt.", **kw)  # type: ignore[arg-type]
    assert v2.status is Drucksachenstatus.BESCHLOSSEN
    # a rejected Vorlage needs no text
    abgelehnt = verfahren.beschliessen(v, am=am, go=KREIS, abstimmung=Abstimmung(ja=10, nein=60))
    assert abgelehnt.status is Drucksachenstatus.ABGELEHNT


# --------------------------------------------------------------------------------------------
# Sitzung: abbrechen, Niederschrift


def test_abbrechen_stellt_offene_tops_zurueck() -> None:
    s = verfahren.eroeffnen(_asi(), am=AM_16_11, go=_go(7))
    am = AM_16_11 + dt.timedelta(hours=1)
    a = verfahren.abbrechen(s, am=am, notiz="Beschlussunfähigkeit festgestellt")
    assert a.status is Sitzungsstatus.ABGEBROCHEN
    (top,) = a.tagesordnung
    assert top.status is Tagesordnungspunktstatus.ZURUECKGESTELLT
    assert top.verlauf[-1].zeitpunkt == am


def test_niederschrift_unterzeichner_und_genehmigung_nach_gescho() -> None:
    s = attrs.evolve(_asi(), status=Sitzungsstatus.GESCHLOSSEN)
    am = dt.datetime(2021, 11, 30, tzinfo=UTC)
    with pytest.raises(TransitionError, match="schriftfuehrer"):
        verfahren.niederschrift_unterzeichnen(
            s, am=am, go=KREIS, unterzeichnet_von=[Unterzeichner.VORSITZ]
        )
    u = verfahren.niederschrift_unterzeichnen(
        s, am=am, go=KREIS, unterzeichnet_von=[Unterzeichner.VORSITZ, Unterzeichner.SCHRIFTFUEHRER]
    )
    with pytest.raises(TransitionError, match="keine Genehmigung der Niederschrift"):
        verfahren.genehmigen(u, am=am, go=KREIS)
    by = profil(Land.BY, rechtsstand=dt.date(2021, 11, 16))
    assert verfahren.genehmigen(u, am=am, go=by).status is Sitzungsstatus.NIEDERSCHRIFT_GENEHMIGT


# --------------------------------------------------------------------------------------------
# Dringlichkeitsentscheidung


def _de(**kw: object) -> Dringlichkeitsentscheidung:
    return Dringlichkeitsentscheidung(
        id="https://x.example/de",
        zustaendiges_gremium="https://oparl.example.org/rhein-sieg-kreis/gremium/asi",
        **kw,  # type: ignore[arg-type]
    )


def test_dringlichkeitsentscheidung_nrw_braucht_genehmigung() -> None:
    am = dt.datetime(2021, 10, 4, 12, tzinfo=UTC)
    d = verfahren.treffen(_de(), am=am, entscheidende=("https://x.example/landrat",))
    assert d.datum == dt.date(2021, 10, 4)
    d = verfahren.vorlegen(d, am=AM_16_11, sitzung=_asi(), bestand=bestand())
    assert d.status is Dringlichkeitsstatus.VORGELEGT and d.sitzung == ASI
    with pytest.raises(TransitionError, match="Kenntnisnahme genügt nicht"):
        verfahren.kenntnis_nehmen(d, am=AM_16_11, regel=KREIS)
    assert (
        verfahren.genehmigen(d, am=AM_16_11, regel=KREIS).status is Dringlichkeitsstatus.GENEHMIGT
    )
    assert verfahren.aufheben(d, am=AM_16_11, regel=KREIS).status is Dringlichkeitsstatus.AUFGEHOBEN
    with pytest.raises(TransitionError, match="Rechte Dritter"):
        verfahren.aufheben(attrs.evolve(d, rechte_dritter=True), am=AM_16_11, regel=KREIS)


def test_dringlichkeitsentscheidung_bayern_nur_kenntnisgabe() -> None:
    by = profil(Land.BY, rechtsstand=dt.date(2021, 11, 16))
    d = _de(status=Dringlichkeitsstatus.VORGELEGT)
    with pytest.raises(TransitionError, match="nur Kenntnisgabe"):
        verfahren.genehmigen(d, am=AM_16_11, regel=by)
    assert verfahren.kenntnis_nehmen(d, am=AM_16_11, regel=by).status is (
        Dringlichkeitsstatus.ZUR_KENNTNIS_GENOMMEN
    )
    with pytest.raises(Exception, match="regel"):
        verfahren.genehmigen(d, am=AM_16_11)


def test_vorlegen_in_der_naechsten_sitzung_des_zustaendigen_gremiums() -> None:
    d = _de(status=Dringlichkeitsstatus.GETROFFEN, datum=dt.date(2021, 10, 4))
    spaeter = Sitzung(
        id="https://x.example/asi-dez",
        datum=dt.date(2021, 12, 7),
        gremien=("https://oparl.example.org/rhein-sieg-kreis/gremium/asi",),
    )
    with pytest.raises(TransitionError, match=r"nicht die nächste Sitzung.*16.11.2021"):
        verfahren.vorlegen(d, am=AM_16_11, sitzung=spaeter, bestand=bestand())
    fremd = Sitzung(id="https://x.example/kt", gremien=("https://x.example/kreistag",))
    with pytest.raises(TransitionError, match="keine Sitzung des zuständigen Gremiums"):
        verfahren.vorlegen(d, am=AM_16_11, sitzung=fremd)
    frueh = attrs.evolve(spaeter, datum=dt.date(2021, 10, 1))
    with pytest.raises(TransitionError, match="liegt vor der Entscheidung"):
        verfahren.vorlegen(d, am=AM_16_11, sitzung=frueh)
    # via anwenden: sitzung given as id, bestand supplied automatically
    b = bestand().mit(d)
    b2 = verfahren.anwenden(
        b, [verfahren.Ereignis(d.id, "vorlegen", {"am": AM_16_11, "sitzung": ASI})]
    )
    assert b2[d.id].status is Dringlichkeitsstatus.VORGELEGT  # type: ignore[attr-defined]
    # a bare Nachbehandlung works as the rule as well
    v = verfahren.genehmigen(b2[d.id], am=AM_16_11, regel=Nachbehandlung.GENEHMIGUNG)
    assert v.status is Dringlichkeitsstatus.GENEHMIGT  # type: ignore[attr-defined]
