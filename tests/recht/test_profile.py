"""Land profiles: values where the law differs, Rechtsstand switches, norms, errors."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from kommunalrecht.errors import ConfigError, ValidationError
from kommunalrecht.fristen import Zaehlung
from kommunalrecht.model import Koerperschaftsart, Land
from kommunalrecht.recht import (
    LAENDER,
    Aufnahme,
    Befangenheitsfolge,
    Enthaltungen,
    Genehmigung,
    Mehrheit,
    Nachbehandlung,
    Sicherheit,
    Unterzeichner,
    antragsrecht,
    beschlussfaehig,
    ergebnis,
    ladungsfrist,
    profil,
)

STAND = dt.date(2021, 9, 30)


@pytest.mark.parametrize("land", LAENDER)
def test_tie_is_rejection_everywhere(land: Land) -> None:
    go = profil(land, rechtsstand=STAND).geschaeftsordnung
    assert ergebnis(go, ja=10, nein=10) is False
    assert ergebnis(go, ja=11, nein=10) is True
    assert profil(land, rechtsstand=STAND).norm("abstimmung.stimmengleichheit").zitat != "GeschO"


@pytest.mark.parametrize("land", [Land.NW, Land.BW, Land.NI, Land.HE, Land.SN])
def test_abstentions_do_not_count(land: Land) -> None:
    go = profil(land, rechtsstand=STAND).geschaeftsordnung
    assert ergebnis(go, ja=1, nein=0, enthaltung=19) is True


def test_abstention_forbidden_in_by() -> None:
    p = profil(Land.BY, rechtsstand=STAND)
    assert p.geschaeftsordnung.abstimmung.enthaltungen is Enthaltungen.FORBIDDEN
    assert p.norm("abstimmung.enthaltungen").zitat == "Art. 48 Abs. 1 S. 2 BayGO"
    with pytest.raises(ValidationError) as info:
        ergebnis(p.geschaeftsordnung, ja=5, nein=3, enthaltung=1)
    assert info.value.findings[0].code == "STIMMENTHALTUNG_UNZULAESSIG"
    assert ergebnis(p.geschaeftsordnung, ja=5, nein=3) is True


def test_he_three_day_ladung() -> None:
    p = profil(Land.HE, rechtsstand=STAND)
    regel = p.geschaeftsordnung.ladung.frist
    assert (regel.tage, regel.zaehlung) == (3, Zaehlung.VOLLE_TAGE)
    assert p.norm("ladung.frist").zitat == "§ 58 Abs. 1 S. 2 HGO"
    f = ladungsfrist(p.geschaeftsordnung, dt.date(2021, 11, 16), land=Land.HE)
    assert f.datum == dt.date(2021, 11, 12)
    # eilig: Zugang spätestens am Tag vor der Sitzung, with express hint
    d = ladungsfrist(p.geschaeftsordnung, dt.date(2021, 11, 16), land=Land.HE, dringlich=True)
    assert d.datum == dt.date(2021, 11, 15)
    assert p.geschaeftsordnung.ladung.dringlich_hinweis is True


def test_nw_has_no_statutory_ladungsfrist() -> None:
    p = profil(Land.NW, rechtsstand=STAND)
    assert p.norm("ladung.frist").zitat == "§ 47 Abs. 2 S. 1 GO NRW"
    assert "GeschO" in p.norm("ladung.frist").hinweis


def test_bw_second_meeting_quorum_of_three() -> None:
    p = profil(Land.BW, rechtsstand=STAND)
    go = p.geschaeftsordnung
    assert p.norm("beschlussfaehigkeit.zweite_sitzung").zitat == "§ 37 Abs. 3 GemO BW"
    assert beschlussfaehig(go, gesetzliche_mitglieder=27, anwesend=3, zweite_sitzung=True)
    assert not beschlussfaehig(go, gesetzliche_mitglieder=27, anwesend=2, zweite_sitzung=True)
    assert not beschlussfaehig(
        go, gesetzliche_mitglieder=27, anwesend=3, stimmberechtigt_anwesend=2, zweite_sitzung=True
    )
    # without the hint in the Ladung the normal rule applies
    assert not beschlussfaehig(
        go, gesetzliche_mitglieder=27, anwesend=3, zweite_sitzung=True, hinweis_in_ladung=False
    )
    # NRW: any attendance suffices in the second meeting
    nw = profil(Land.NW, rechtsstand=STAND).geschaeftsordnung
    assert beschlussfaehig(nw, gesetzliche_mitglieder=81, anwesend=1, zweite_sitzung=True)


def test_quorum_thresholds_differ() -> None:
    # 20 members, 10 present: BW/SN (>= 1/2) yes, NW/HE/NI/BY (> 1/2) no
    for land, erwartet in [
        (Land.BW, True),
        (Land.SN, True),
        (Land.NW, False),
        (Land.HE, False),
        (Land.NI, False),
        (Land.BY, False),
    ]:
        go = profil(land, rechtsstand=STAND).geschaeftsordnung
        assert beschlussfaehig(go, gesetzliche_mitglieder=20, anwesend=10) is erwartet, land
    # Kreistag Rhein-Sieg: 81 gesetzliche Mitglieder -> 41 needed
    kreis = profil(Land.NW, Koerperschaftsart.KREIS, STAND).geschaeftsordnung
    assert beschlussfaehig(kreis, gesetzliche_mitglieder=81, anwesend=41)
    assert not beschlussfaehig(kreis, gesetzliche_mitglieder=81, anwesend=40)


def test_by_counts_only_stimmberechtigte() -> None:
    by = profil(Land.BY, rechtsstand=STAND).geschaeftsordnung
    nw = profil(Land.NW, rechtsstand=STAND).geschaeftsordnung
    kw = {"gesetzliche_mitglieder": 20, "anwesend": 11, "befangen": 2}
    assert not beschlussfaehig(by, **kw)
    assert beschlussfaehig(nw, **kw)


def test_he_ni_beschlussfaehig_when_majority_excluded() -> None:
    for land in (Land.HE, Land.NI):
        go = profil(land, rechtsstand=STAND).geschaeftsordnung
        assert beschlussfaehig(go, gesetzliche_mitglieder=20, anwesend=12, befangen=11)
    nw = profil(Land.NW, rechtsstand=STAND).geschaeftsordnung
    assert beschlussfaehig(nw, gesetzliche_mitglieder=20, anwesend=11, befangen=11)


def test_two_thirds_of_legal_members_for_agenda_extension() -> None:
    for land in (Land.HE, Land.NI):
        go = profil(land, rechtsstand=STAND).geschaeftsordnung
        assert go.erweiterung.mehrheit is Mehrheit.TWO_THIRDS_OF_LEGAL_MEMBERS
        m = go.erweiterung.mehrheit
        assert not ergebnis(go, ja=29, nein=0, gesetzliche_mitglieder=45, mehrheit=m)
        assert ergebnis(go, ja=30, nein=0, gesetzliche_mitglieder=45, mehrheit=m)
    assert profil(Land.HE).geschaeftsordnung.erweiterung.dringlichkeit_erforderlich is False
    with pytest.raises(ConfigError) as info:
        ergebnis(
            profil(Land.HE).geschaeftsordnung, ja=3, nein=0, mehrheit=Mehrheit.OF_LEGAL_MEMBERS
        )
    assert info.value.key == "gesetzliche_mitglieder"


def test_counted_as_no_and_two_thirds() -> None:
    from kommunalrecht.recht import Geschaeftsordnung

    go = Geschaeftsordnung.from_dict({"abstimmung": {"enthaltungen": "counted_as_no"}})
    assert not ergebnis(go, ja=10, nein=5, enthaltung=5)
    assert ergebnis(go, ja=11, nein=5, enthaltung=5)
    assert ergebnis(go, ja=20, nein=10, mehrheit=Mehrheit.TWO_THIRDS)
    assert not ergebnis(go, ja=19, nein=10, mehrheit=Mehrheit.TWO_THIRDS)
    assert not ergebnis(go, ja=0, nein=0, mehrheit=Mehrheit.TWO_THIRDS)


def test_minority_agenda_right() -> None:
    nw = profil(Land.NW, Koerperschaftsart.KREIS, STAND)
    assert nw.norm("antrag.quorum").zitat == "§ 33 Abs. 1 S. 2 KrO NRW"
    go = nw.geschaeftsordnung
    assert antragsrecht(go, gesetzliche_mitglieder=81, fraktion=True)
    assert not antragsrecht(go, gesetzliche_mitglieder=81, unterstuetzer=15)
    assert antragsrecht(go, gesetzliche_mitglieder=81, unterstuetzer=16)
    bw = profil(Land.BW, rechtsstand=STAND).geschaeftsordnung
    assert bw.antrag.quorum == Fraction(1, 6)
    assert bw.antrag.aufnahme is Aufnahme.UEBERNAECHSTE_SITZUNG
    by = profil(Land.BY, rechtsstand=STAND)
    assert not by.minderheit_einberufung.fraktion
    assert by.minderheit_einberufung.quorum == Fraction(1, 4)


def test_sn_rechtsstand_switch() -> None:
    alt = profil(Land.SN, rechtsstand=dt.date(2017, 12, 31))
    neu = profil(Land.SN, rechtsstand=dt.date(2018, 1, 1))
    assert alt.minderheit_einberufung.quorum == Fraction(1, 4)
    assert neu.minderheit_einberufung.quorum == Fraction(1, 5)
    assert not alt.geschaeftsordnung.antrag.fraktion
    assert neu.geschaeftsordnung.antrag.fraktion
    assert neu.geschaeftsordnung.antrag.sperrfrist_monate == 6
    assert neu.norm("antrag").zitat == "§ 36 Abs. 5 SächsGemO"


def test_bw_reform_switch() -> None:
    alt = profil(Land.BW, rechtsstand=dt.date(2015, 1, 1)).geschaeftsordnung
    assert alt.antrag.quorum == Fraction(1, 4) and not alt.antrag.fraktion


def test_he_51a_window() -> None:
    assert profil(Land.HE, rechtsstand=dt.date(2021, 3, 1)).dringlichkeit.organ.startswith(
        "Finanzausschuss"
    )
    spaeter = profil(Land.HE, rechtsstand=dt.date(2021, 9, 30)).dringlichkeit
    assert spaeter.nachbehandlung is Nachbehandlung.NICHT_VORGESEHEN


def test_befangenheit_niederschrift_dringlichkeit_per_land() -> None:
    erwartet = {
        Land.NW: (Befangenheitsfolge.INVALID_IF_DECISIVE, Nachbehandlung.GENEHMIGUNG),
        Land.BY: (Befangenheitsfolge.INVALID_IF_DECISIVE, Nachbehandlung.KENNTNISGABE),
        Land.BW: (Befangenheitsfolge.UNLAWFUL_ALWAYS, Nachbehandlung.KENNTNISGABE),
        Land.NI: (Befangenheitsfolge.INVALID_IF_DECISIVE, Nachbehandlung.KENNTNISGABE),
        Land.HE: (Befangenheitsfolge.VOID_HEALS_AFTER_6_MONTHS, Nachbehandlung.NICHT_VORGESEHEN),
        Land.SN: (Befangenheitsfolge.UNLAWFUL_ALWAYS, Nachbehandlung.KENNTNISGABE),
    }
    for land, (folge, nach) in erwartet.items():
        p = profil(land, rechtsstand=STAND)
        assert p.geschaeftsordnung.befangenheit.folge is folge, land
        assert p.dringlichkeit.nachbehandlung is nach, land
    assert profil(Land.HE).geschaeftsordnung.befangenheit.heilung_monate == 6
    assert profil(Land.BY).geschaeftsordnung.niederschrift.genehmigung is Genehmigung.BESCHLUSS
    sn = profil(Land.SN).geschaeftsordnung.niederschrift.unterzeichner
    assert Unterzeichner.ZWEI_MITGLIEDER in sn
    assert profil(Land.NW, Koerperschaftsart.KREIS, STAND).norm(
        "niederschrift.unterzeichner"
    ).zitat == ("§ 37 KrO NRW")


def test_stadt_like_gemeinde_and_unknown_combinations() -> None:
    assert (
        profil(Land.NW, Koerperschaftsart.STADT, STAND).geschaeftsordnung
        == profil(Land.NW, Koerperschaftsart.GEMEINDE, STAND).geschaeftsordnung
    )
    assert profil(Land.NI, Koerperschaftsart.KREIS, STAND).gesetz == "NKomVG"
    with pytest.raises(ConfigError) as info:
        profil(Land.BY, Koerperschaftsart.KREIS)
    assert info.value.key == "art"
    with pytest.raises(ConfigError) as info:
        profil(Land.TH)
    assert info.value.key == "land"
    with pytest.raises(ConfigError) as info:
        profil(Land.NW, rechtsstand=dt.datetime(2021, 1, 1))  # type: ignore[arg-type]
    assert info.value.key == "rechtsstand"


def test_norm_lookup_and_tags() -> None:
    p = profil(Land.NW, rechtsstand=STAND)
    assert p.norm("abstimmung.enthaltungen").sicherheit is Sicherheit.ERINNERT
    assert "nicht verifiziert" in str(p.norm("abstimmung.enthaltungen"))
    assert p.norm("beschlussfaehigkeit.schwelle").zitat == "§ 49 Abs. 1 GO NRW"  # parent
    assert p.norm("oeffentlichkeit.nichtoeffentlich").sicherheit is Sicherheit.GESCHO
    assert p.normen["dringlichkeit"].zitat == "§ 60 Abs. 1 GO NRW"
