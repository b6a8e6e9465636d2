"""Tests for kommunalrecht.fristen: Feiertage per Land, §§ 187-193 BGB forward, backward
Ladungs-/Antragsfristen, Zugang fiction, argument errors, and property tests."""

from __future__ import annotations

import datetime as dt
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kommunalrecht import fristen
from kommunalrecht.errors import FristError
from kommunalrecht.fristen import Fristart, Zaehlung, Zugangsart
from kommunalrecht.model import Land

ALLE_LAENDER = list(Land)

# --------------------------------------------------------------------------------------------
# Feiertage

# (land, day, expected name or None = not a holiday)
FEIERTAGE = [
    # year end / new year
    (Land.NW, date(2021, 12, 31), None),
    (Land.NW, date(2022, 1, 1), "Neujahr"),
    (Land.BW, date(2021, 1, 6), "Heilige Drei Könige"),
    (Land.ST, date(2021, 1, 6), "Heilige Drei Könige"),
    (Land.NW, date(2021, 1, 6), None),
    (Land.HE, date(2022, 12, 26), "Zweiter Weihnachtstag"),
    # Easter-dependent, 2024 (Easter Sunday 31.03.2024)
    (Land.NI, date(2024, 3, 29), "Karfreitag"),
    (Land.NI, date(2024, 4, 1), "Ostermontag"),
    (Land.SH, date(2024, 5, 9), "Christi Himmelfahrt"),
    (Land.HB, date(2024, 5, 20), "Pfingstmontag"),
    (Land.BB, date(2024, 3, 31), "Ostersonntag"),
    (Land.NW, date(2024, 3, 31), None),
    (Land.BB, date(2024, 5, 19), "Pfingstsonntag"),
    # leap year
    (Land.NW, date(2024, 2, 29), None),
    # Fronleichnam 2021 (03.06.) and 2024 (30.05.)
    (Land.NW, date(2021, 6, 3), "Fronleichnam"),
    (Land.BY, date(2021, 6, 3), "Fronleichnam"),
    (Land.BW, date(2024, 5, 30), "Fronleichnam"),
    (Land.HE, date(2024, 5, 30), "Fronleichnam"),
    (Land.RP, date(2024, 5, 30), "Fronleichnam"),
    (Land.SL, date(2024, 5, 30), "Fronleichnam"),
    (Land.NI, date(2024, 5, 30), None),
    (Land.SN, date(2024, 5, 30), None),  # only in some Gemeinden -> kommunale=True
    (Land.TH, date(2024, 5, 30), None),
    # Reformationstag
    (Land.NI, date(2021, 10, 31), "Reformationstag"),
    (Land.SN, date(2021, 10, 31), "Reformationstag"),
    (Land.HH, date(2021, 10, 31), "Reformationstag"),
    (Land.NW, date(2021, 10, 31), None),
    (Land.NI, date(2016, 10, 31), None),  # NI only since 2018
    (Land.NW, date(2017, 10, 31), "Reformationstag"),  # 2017 nationwide
    # Allerheiligen
    (Land.NW, date(2021, 11, 1), "Allerheiligen"),
    (Land.NI, date(2021, 11, 1), None),
    # Buß- und Bettag SN
    (Land.SN, date(2021, 11, 17), "Buß- und Bettag"),
    (Land.BY, date(2021, 11, 17), None),
    # Frauentag BE (since 2019), MV (since 2023)
    (Land.BE, date(2021, 3, 8), "Frauentag"),
    (Land.BE, date(2018, 3, 8), None),
    (Land.MV, date(2023, 3, 8), "Frauentag"),
    (Land.MV, date(2022, 3, 8), None),
    # Weltkindertag TH (since 2019)
    (Land.TH, date(2021, 9, 20), "Weltkindertag"),
    (Land.TH, date(2018, 9, 20), None),
    # Mariä Himmelfahrt: Land-wide in SL, BY only kommunal
    (Land.SL, date(2021, 8, 15), "Mariä Himmelfahrt"),
    (Land.BY, date(2021, 8, 15), None),
]


@pytest.mark.parametrize(("land", "tag", "name"), FEIERTAGE)
def test_feiertage_table(land: Land, tag: date, name: str | None) -> None:
    assert fristen.feiertage(tag.year, land).get(tag) == name


@pytest.mark.parametrize("land", ALLE_LAENDER)
def test_every_land_has_the_nationwide_holidays(land: Land) -> None:
    fs = fristen.feiertage(2021, land)
    assert fs[date(2021, 10, 3)] == "Tag der Deutschen Einheit"
    assert fs[date(2021, 12, 25)] == "Erster Weihnachtstag"
    assert fs[date(2021, 5, 13)] == "Christi Himmelfahrt"
    assert sorted(fs) == list(fs)


@pytest.mark.parametrize(
    ("land", "tag", "name"),
    [
        (Land.BY, date(2021, 8, 15), "Mariä Himmelfahrt"),
        (Land.SN, date(2021, 6, 3), "Fronleichnam"),
        (Land.TH, date(2021, 6, 3), "Fronleichnam"),
    ],
)
def test_kommunale_feiertage_only_with_option(land: Land, tag: date, name: str) -> None:
    assert tag not in fristen.feiertage(2021, land)
    assert fristen.feiertage(2021, land, kommunale=True)[tag] == name


def test_augsburg() -> None:
    fs = fristen.feiertage(2021, Land.BY, ort="Augsburg")
    assert fs[date(2021, 8, 8)] == "Augsburger Hohes Friedensfest"
    assert date(2021, 8, 8) not in fristen.feiertage(2021, Land.BY)
    with pytest.raises(FristError) as info:
        fristen.feiertage(2021, Land.NW, ort="Augsburg")
    assert info.value.field == "ort"


def test_feiertage_is_read_only() -> None:
    fs = fristen.feiertage(2021, Land.NW)
    with pytest.raises(TypeError):
        fs[date(2021, 1, 2)] = "x"  # type: ignore[index]


def test_land_as_code_string() -> None:
    assert fristen.feiertage(2021, "nw") == fristen.feiertage(2021, Land.NW)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# vorwaerts


def test_month_end_rule() -> None:
    f = fristen.vorwaerts(date(2021, 1, 31), monate=1, land=Land.NW, verschieben=False)
    assert f.datum == date(2021, 2, 28)
    assert any("§ 188 Abs. 3 BGB" in s for s in f.schritte)
    f = fristen.vorwaerts(date(2024, 1, 31), monate=1, land=Land.NW)
    assert f.datum == date(2024, 2, 29)  # leap year, a Thursday: no shift
    # 28.02.2021 is a Sunday -> § 193 BGB moves the end to Monday 01.03.2021
    f = fristen.vorwaerts(date(2021, 1, 31), monate=1, land=Land.NW)
    assert f.datum == date(2021, 3, 1)
    assert "§ 193 BGB" in f.rechtsgrundlage


def test_month_without_month_end_rule() -> None:
    f = fristen.vorwaerts(date(2021, 3, 15), monate=1, land=Land.NW)
    assert f.datum == date(2021, 4, 15)
    assert not any("Abs. 3" in s for s in f.schritte)
    assert fristen.vorwaerts(date(2021, 11, 30), monate=3, land=Land.NW).datum == date(2022, 2, 28)


@pytest.mark.parametrize(
    ("ereignis", "kwargs", "land", "ende"),
    [
        (date(2021, 11, 4), {"wochen": 1}, Land.NW, date(2021, 11, 11)),
        (date(2021, 11, 4), {"tage": 2}, Land.NW, date(2021, 11, 8)),  # Sat -> Mon
        (date(2021, 11, 5), {"tage": 2}, Land.NW, date(2021, 11, 8)),  # Sun -> Mon
        (date(2021, 10, 27), {"tage": 5}, Land.NW, date(2021, 11, 2)),  # Allerheiligen
        (date(2021, 10, 27), {"tage": 5}, Land.NI, date(2021, 11, 1)),
        (date(2021, 12, 30), {"tage": 2}, Land.NW, date(2022, 1, 3)),  # Neujahr on Sat
        (date(2022, 12, 23), {"tage": 1}, Land.HE, date(2022, 12, 27)),  # Sa, 1./2. Weihn.
        (date(2021, 11, 12), {"tage": 5}, Land.SN, date(2021, 11, 18)),  # Buß- und Bettag
        (date(2021, 11, 12), {"tage": 5}, Land.BY, date(2021, 11, 17)),
        (date(2021, 11, 4), {"tage": 3, "werktage": True}, Land.NW, date(2021, 11, 9)),
        (
            date(2021, 11, 4),
            {"tage": 3, "werktage": True, "samstag_ist_werktag": True},
            Land.NW,
            date(2021, 11, 8),
        ),
        (date(2021, 1, 31), {"monate": 1, "wochen": 1, "tage": 1}, Land.NW, date(2021, 3, 8)),
    ],
)
def test_vorwaerts_table(ereignis: date, kwargs: dict[str, object], land: Land, ende: date) -> None:
    f = fristen.vorwaerts(ereignis, land=land, **kwargs)  # type: ignore[arg-type]
    assert f.datum == ende
    assert f.art is Fristart.VORWAERTS
    assert f.schritte[0].startswith("Ereignis: ")
    assert f.erfuellt_durch(ende)
    assert not f.erfuellt_durch(ende + timedelta(days=1))


def test_vorwaerts_without_shift_reports_non_workday() -> None:
    f = fristen.vorwaerts(date(2021, 11, 4), tage=2, land=Land.NW, verschieben=False)
    assert f.datum == date(2021, 11, 6)
    assert "keine Verschiebung" in f.schritte[-1]
    assert "§ 193" not in f.rechtsgrundlage


def test_vorwaerts_werktage_lists_skipped_days() -> None:
    f = fristen.vorwaerts(date(2021, 10, 29), tage=2, land=Land.NW, werktage=True)
    assert f.datum == date(2021, 11, 3)
    assert any("Allerheiligen" in s and "nicht mitgezählt" in s for s in f.schritte)


# --------------------------------------------------------------------------------------------
# rueckwaerts

V, S = Zaehlung.VOLLE_TAGE, Zaehlung.SITZUNGSTAG_MITGERECHNET


@pytest.mark.parametrize(
    ("sitzung", "kwargs", "land", "spaetestens"),
    [
        # Kalendertage, both modes
        (date(2021, 11, 16), {"tage": 7}, Land.NW, date(2021, 11, 8)),
        (date(2021, 11, 16), {"tage": 7, "zaehlung": S}, Land.NW, date(2021, 11, 9)),
        (date(2021, 11, 16), {"tage": 0}, Land.NW, date(2021, 11, 15)),
        (date(2021, 11, 16), {"tage": 0, "zaehlung": S}, Land.NW, date(2021, 11, 16)),
        (date(2022, 1, 3), {"tage": 3}, Land.NW, date(2021, 12, 30)),  # across year end
        (date(2024, 3, 1), {"tage": 1}, Land.NW, date(2024, 2, 28)),  # leap day counts
        # Werktage, Saturday no Werktag
        (
            date(2021, 11, 16),
            {"tage": 3, "werktage": True, "samstag_ist_werktag": False},
            Land.NW,
            date(2021, 11, 10),
        ),
        (
            date(2021, 11, 16),
            {"tage": 3, "werktage": True, "samstag_ist_werktag": False, "zaehlung": S},
            Land.NW,
            date(2021, 11, 11),
        ),
        # Werktage, Saturday is a Werktag (default)
        (
            date(2021, 11, 16),
            {"tage": 3, "werktage": True, "zaehlung": S},
            Land.NW,
            date(2021, 11, 12),
        ),
        # holiday skipped in NW (Allerheiligen), counted in NI
        (date(2021, 11, 3), {"tage": 2, "werktage": True}, Land.NW, date(2021, 10, 29)),
        (date(2021, 11, 3), {"tage": 2, "werktage": True}, Land.NI, date(2021, 10, 31)),
        # verschieben: protective move to the preceding Werktag
        (date(2021, 11, 15), {"tage": 7}, Land.NW, date(2021, 11, 7)),
        (date(2021, 11, 15), {"tage": 7, "verschieben": True}, Land.NW, date(2021, 11, 6)),
        (
            date(2021, 11, 15),
            {"tage": 7, "verschieben": True, "samstag_ist_werktag": False},
            Land.NW,
            date(2021, 11, 5),
        ),
        (
            date(2021, 11, 3),
            {"tage": 2, "werktage": True, "verschieben": True},
            Land.NI,
            date(2021, 10, 30),
        ),
    ],
)
def test_rueckwaerts_table(
    sitzung: date, kwargs: dict[str, object], land: Land, spaetestens: date
) -> None:
    f = fristen.rueckwaerts(sitzung, land=land, **kwargs)  # type: ignore[arg-type]
    assert f.datum == spaetestens
    assert f.art is Fristart.RUECKWAERTS
    assert f.ereignis == sitzung
    assert f.erfuellt_durch(spaetestens)
    assert not f.erfuellt_durch(spaetestens + timedelta(days=1))


def test_rueckwaerts_explains_no_shift() -> None:
    f = fristen.rueckwaerts(date(2021, 11, 15), tage=7, land=Land.NW)
    assert f.datum.weekday() == 6
    assert "keine Verschiebung nach § 193 BGB" in f.schritte[-1]
    f = fristen.rueckwaerts(
        date(2021, 11, 15), tage=7, land=Land.NW, rechtsgrundlage="§ 58 Abs. 1 S. 2 HGO"
    )
    assert f.rechtsgrundlage == "§ 58 Abs. 1 S. 2 HGO"


def test_seed_ladung_ausschuss_2021() -> None:
    """Einladung Thu 04.11.2021, Sitzung Tue 16.11.2021: 11 volle Tage."""
    einladung, sitzung = date(2021, 11, 4), date(2021, 11, 16)
    assert fristen.tage_zwischen(einladung, sitzung, land=Land.NW) == 11
    assert fristen.eingehalten(einladung, sitzung, tage=7, land=Land.NW, zaehlung=V)
    assert not fristen.eingehalten(einladung, sitzung, tage=14, land=Land.NW, zaehlung=V)
    assert fristen.eingehalten(einladung, sitzung, tage=11, land=Land.NW)
    assert not fristen.eingehalten(einladung, sitzung, tage=12, land=Land.NW)


def test_seed_antrag_kreistag_2021() -> None:
    """SPD-Antrag Tue 28.09.2021 vs Kreistag Thu 30.09.2021 misses a 14-day Antragsfrist."""
    frist = fristen.rueckwaerts(date(2021, 9, 30), tage=14, land=Land.NW, zaehlung=S)
    assert frist.datum == date(2021, 9, 16)
    assert not frist.erfuellt_durch(date(2021, 9, 28))
    assert fristen.eingehalten(date(2021, 9, 28), date(2021, 11, 16), tage=14, land=Land.NW)


def test_tage_zwischen_no_day_between() -> None:
    assert fristen.tage_zwischen(date(2021, 11, 15), date(2021, 11, 16), land=Land.NW) == 0
    assert fristen.tage_zwischen(date(2021, 11, 18), date(2021, 11, 16), land=Land.NW) == -3


# --------------------------------------------------------------------------------------------
# Zugang


@pytest.mark.parametrize(
    ("versand", "kwargs", "erwartet"),
    [
        (date(2021, 11, 4), {}, date(2021, 11, 4)),
        (date(2021, 11, 4), {"art": "post"}, date(2021, 11, 7)),  # Sunday, no shift
        (date(2024, 12, 31), {"art": Zugangsart.POST}, date(2025, 1, 3)),  # old law: 3 days
        (date(2025, 1, 1), {"art": "post"}, date(2025, 1, 5)),  # new law: 4 days
        (
            date(2025, 1, 1),
            {"art": "post", "fiktion_verschieben": True, "land": Land.NW},
            date(2025, 1, 6),
        ),
        (
            date(2025, 1, 1),
            {"art": "post", "fiktion_verschieben": True, "land": Land.BY},
            date(2025, 1, 7),  # 06.01. Heilige Drei Könige in BY
        ),
        (date(2021, 11, 4), {"art": "post", "fiktion_tage": 2}, date(2021, 11, 6)),
        (date(2021, 11, 4), {"fiktion_tage": 1}, date(2021, 11, 5)),
    ],
)
def test_zugang(versand: date, kwargs: dict[str, object], erwartet: date) -> None:
    f = fristen.zugang(versand, **kwargs)  # type: ignore[arg-type]
    assert f.datum == erwartet
    assert f.art is Fristart.ZUGANG


def test_zugang_cites_law_version() -> None:
    assert "bis 31.12.2024" in fristen.zugang(date(2024, 6, 3), art="post").erklaerung()
    assert "ab 01.01.2025" in fristen.zugang(date(2025, 6, 3), art="post").erklaerung()


# --------------------------------------------------------------------------------------------
# errors


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: fristen.vorwaerts(date(2021, 1, 1), tage=-1, land=Land.NW), "tage"),
        (lambda: fristen.vorwaerts(date(2021, 1, 1), tage=True, land=Land.NW), "tage"),
        (lambda: fristen.vorwaerts(date(2021, 1, 1), land=Land.NW), "tage"),
        (
            lambda: fristen.vorwaerts(dt.datetime(2021, 1, 1, 12), tage=1, land=Land.NW),
            "ereignis",
        ),
        (lambda: fristen.vorwaerts("2021-01-01", tage=1, land=Land.NW), "ereignis"),
        (lambda: fristen.vorwaerts(date(1990, 1, 1), tage=1, land=Land.NW), "ereignis"),
        (lambda: fristen.vorwaerts(date(2021, 1, 1), tage=1, land="XX"), "land"),
        (lambda: fristen.vorwaerts(date(2021, 1, 1), tage=1, land=None), "land"),
        (
            lambda: fristen.vorwaerts(date(2021, 1, 1), wochen=1, werktage=True, land=Land.NW),
            "wochen",
        ),
        (lambda: fristen.vorwaerts(date(2199, 12, 1), monate=2, land=Land.NW), "ereignis"),
        (lambda: fristen.rueckwaerts(date(2021, 1, 1), tage=-3, land=Land.NW), "tage"),
        (
            lambda: fristen.rueckwaerts(date(2021, 1, 1), tage=7, land=Land.NW, zaehlung="x"),
            "zaehlung",
        ),
        (lambda: fristen.rueckwaerts(date(1991, 1, 3), tage=7, land=Land.NW), "tage"),
        (
            lambda: fristen.rueckwaerts(date(2021, 1, 1), tage=1, land=Land.NW, werktage=1),
            "werktage",
        ),
        (lambda: fristen.feiertage(1990, Land.NW), "jahr"),
        (lambda: fristen.feiertage(2021.0, Land.NW), "jahr"),
        (lambda: fristen.zugang(date(2021, 1, 1), art="fax"), "art"),
        (lambda: fristen.zugang(date(2021, 1, 1), fiktion_verschieben=True), "land"),
        (lambda: fristen.zugang(date(2021, 1, 1), fiktion_tage=-1), "fiktion_tage"),
        (lambda: fristen.ist_werktag(date(2021, 1, 1), Land.NW, ort="Köln"), "ort"),
    ],
)
def test_bad_arguments_raise_frist_error(call: object, field: str) -> None:
    with pytest.raises(FristError) as info:
        call()  # type: ignore[operator]
    assert info.value.field == field
    assert info.value.expected
    assert isinstance(info.value, ValueError)


def test_frist_error_names_found_value() -> None:
    with pytest.raises(FristError) as info:
        fristen.rueckwaerts(date(2021, 1, 1), tage=-3, land=Land.NW)
    assert info.value.found == -3
    assert str(info.value).startswith("tage: expected")


# --------------------------------------------------------------------------------------------
# property tests

laender = st.sampled_from(ALLE_LAENDER)
tage_st = st.dates(min_value=date(1995, 1, 1), max_value=date(2060, 12, 31))


def _werktag(tag: date, land: Land, samstag: bool) -> bool:
    """Independent oracle: weekday and holiday table only."""
    if tag.weekday() == 6 or (tag.weekday() == 5 and not samstag):
        return False
    return tag not in fristen.feiertage(tag.year, land)


def _gezaehlt(
    zugang: date, sitzung: date, zaehlung: Zaehlung, werktage: bool, land: Land, samstag: bool
) -> int:
    ende = sitzung if zaehlung is S else sitzung - timedelta(days=1)
    n = 0
    tag = zugang + timedelta(days=1)
    while tag <= ende:
        if not werktage or _werktag(tag, land, samstag):
            n += 1
        tag += timedelta(days=1)
    return n


@settings(max_examples=300, deadline=None)
@given(
    sitzung=tage_st,
    tage=st.integers(min_value=0, max_value=40),
    land=laender,
    zaehlung=st.sampled_from(list(Zaehlung)),
    werktage=st.booleans(),
    samstag=st.booleans(),
    verschieben=st.booleans(),
)
def test_rueckwaerts_never_leaves_fewer_days(
    sitzung: date,
    tage: int,
    land: Land,
    zaehlung: Zaehlung,
    werktage: bool,
    samstag: bool,
    verschieben: bool,
) -> None:
    f = fristen.rueckwaerts(
        sitzung,
        tage=tage,
        land=land,
        zaehlung=zaehlung,
        werktage=werktage,
        samstag_ist_werktag=samstag,
        verschieben=verschieben,
    )
    assert f.datum <= sitzung
    assert _gezaehlt(f.datum, sitzung, zaehlung, werktage, land, samstag) >= tage
    if not verschieben:
        # and it is the latest such day: one day later is too late
        later = f.datum + timedelta(days=1)
        assert _gezaehlt(later, sitzung, zaehlung, werktage, land, samstag) < tage or (
            tage == 0 and later > sitzung - timedelta(days=1 if zaehlung is V else 0)
        )
        assert fristen.tage_zwischen(
            f.datum,
            sitzung,
            land=land,
            zaehlung=zaehlung,
            werktage=werktage,
            samstag_ist_werktag=samstag,
        ) == _gezaehlt(f.datum, sitzung, zaehlung, werktage, land, samstag)
    else:
        assert _werktag(f.datum, land, samstag)


@settings(max_examples=300, deadline=None)
@given(
    ereignis=tage_st,
    tage=st.integers(min_value=0, max_value=60),
    wochen=st.integers(min_value=0, max_value=8),
    monate=st.integers(min_value=0, max_value=24),
    land=laender,
    kommunale=st.booleans(),
)
def test_vorwaerts_never_ends_on_sunday_or_holiday(
    ereignis: date, tage: int, wochen: int, monate: int, land: Land, kommunale: bool
) -> None:
    if tage == wochen == monate == 0:
        tage = 1
    f = fristen.vorwaerts(
        ereignis,
        tage=tage,
        wochen=wochen,
        monate=monate,
        land=land,
        kommunale_feiertage=kommunale,
    )
    assert f.datum.weekday() not in (5, 6)
    assert f.datum not in fristen.feiertage(f.datum.year, land, kommunale=kommunale)
    unverschoben = fristen.vorwaerts(
        ereignis,
        tage=tage,
        wochen=wochen,
        monate=monate,
        land=land,
        verschieben=False,
        kommunale_feiertage=kommunale,
    )
    assert unverschoben.datum <= f.datum <= unverschoben.datum + timedelta(days=5)
    assert f.datum > ereignis


@settings(max_examples=200, deadline=None)
@given(ereignis=tage_st, tage=st.integers(min_value=1, max_value=400), land=laender)
def test_vorwaerts_calendar_days_without_shift_is_plain_addition(
    ereignis: date, tage: int, land: Land
) -> None:
    f = fristen.vorwaerts(ereignis, tage=tage, land=land, verschieben=False)
    assert f.datum == ereignis + timedelta(days=tage)
