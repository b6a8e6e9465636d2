"""Fristen: deadline arithmetic that explains itself, and the Feiertage of every Land.

Council procedure is full of deadlines. Some run *forward* from an event ("Einspruch binnen
einer Woche", "Niederschrift binnen eines Monats"), most run *backward* from the meeting day
("die Ladung muss mindestens sieben volle Tage vor der Sitzung zugehen", "Anträge spätestens
am 14. Kalendertag vor der Sitzung"). This module computes both and returns a :class:`Frist`
that carries the result *and* the steps of the count in German words, so a rule can say why a
Ladung was too late.

Forward (:func:`vorwaerts`) follows the BGB, which § 31 Abs. 1 VwVfG and the Länder's
VwVfG make applicable to administrative procedure and which council practice applies by
analogy where the Geschäftsordnung (GeschO) is silent:

* § 187 Abs. 1 BGB -- the day of the event does not count;
* § 188 Abs. 1 BGB -- a Frist in days ends with the last day;
* § 188 Abs. 2 BGB -- a Frist in weeks or months ends on the day whose weekday / date number
  matches the event day;
* § 188 Abs. 3 BGB -- if that date does not exist in the last month, the last day of that month;
* § 193 BGB -- if the last day is a Saturday, Sunday or a staatlich anerkannter allgemeiner
  Feiertag at the place of performance, the next Werktag takes its place.

Backward (:func:`rueckwaerts`) has no general statute. Following the research notes
(``reference/kommunalrecht-regeln.md`` §4.2 and the Kommunalbrevier commentary on § 34 Abs. 3
GemO RP), the default is: neither the Zugangstag nor -- with :attr:`Zaehlung.VOLLE_TAGE` -- the
Sitzungstag counts; Sundays and Feiertage count as Kalendertage; a latest day falling on a
weekend or holiday is **not** moved, because moving it later (§ 193 BGB) would shorten the
protected period. ``verschieben=True`` moves it to the *preceding* Werktag (the protective
direction). Compare the explicit statutory solution for backward deadlines in § 121 Abs. 7 AktG.

Zugang (:func:`zugang`): electronic provision counts on the day of provision where the GeschO
says so; by post the fiction of § 41 Abs. 2 S. 1 VwVfG / VwVfG NRW applies by analogy: the 3rd
day after posting until 31.12.2024, the 4th day from 01.01.2025 (Postrechtsmodernisierungsgesetz;
NRW: § 41 Abs. 2 VwVfG NRW, § 4 Abs. 2 LZG NRW). The fiction is a *Termin*, not a Frist, and is
not shifted off weekends (OVG NRW 2024, h.M.) unless ``fiktion_verschieben=True``.

Feiertage (:func:`feiertage`) come from the PyPI package ``holidays``
(``holidays.Germany(subdiv=...)``), which cites each Land's Feiertagsgesetz. Holidays that only
apply in some Gemeinden (Mariä Himmelfahrt in Bavarian Gemeinden with a predominantly catholic
population; Fronleichnam in some Gemeinden of Sachsen and Thüringen) are included only with
``kommunale=True``; the Augsburger Hohes Friedensfest with ``ort="Augsburg"``.

>>> from datetime import date
>>> from kommunalrecht.model import Land
>>> f = rueckwaerts(date(2021, 11, 16), tage=7, land=Land.NW)
>>> f.datum
datetime.date(2021, 11, 8)
>>> f.erfuellt_durch(date(2021, 11, 4))
True
>>> print(f)  # doctest: +NORMALIZE_WHITESPACE
Zugang spätestens Mo 08.11.2021
  Sitzungstag: Di 16.11.2021 (zählt nicht mit: volle Tage)
  7 volle Kalendertage zwischen Zugang und Sitzungstag: Di 09.11.2021 bis Mo 15.11.2021
  Zugang spätestens: Mo 08.11.2021 (der Zugangstag zählt nicht mit, § 187 Abs. 1 BGB analog)
  keine Verschiebung nach § 193 BGB: eine rückwärts laufende Frist darf die geschützte Zeit
  nicht verkürzen
"""

from __future__ import annotations

import calendar
import datetime as _dt
import enum
import functools
import types
from collections.abc import Mapping
from datetime import date, timedelta

import attrs
from holidays.countries.germany import Germany as _Germany

from kommunalrecht.errors import FristError
from kommunalrecht.model import Land

__all__ = [
    "MAX_JAHR",
    "MIN_JAHR",
    "Frist",
    "Fristart",
    "Zaehlung",
    "Zugangsart",
    "eingehalten",
    "feiertage",
    "ist_werktag",
    "rueckwaerts",
    "tag_text",
    "tage_zwischen",
    "vorwaerts",
    "zugang",
]

#: First year with data: the ``holidays`` package models reunified Germany from 1991.
MIN_JAHR = 1991
#: Last supported year (far enough for any council record; keeps date arithmetic in range).
MAX_JAHR = 2199

_WOCHENTAGE = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")
_FIKTION_UMSTELLUNG = date(2025, 1, 1)


class Zaehlung(enum.Enum):
    """How a backward deadline counts the days before the Sitzungstag.

    ``VOLLE_TAGE``: neither the Zugangstag nor the Sitzungstag counts ("zwischen Zugang und
    Sitzungstag mindestens N Tage", § 58 Abs. 1 S. 2 HGO; "N volle Tage"). ``SITZUNGSTAG_
    MITGERECHNET``: the Sitzungstag counts, the Zugangstag does not ("9 Tage, Sitzungstag
    mit eingerechnet"; "spätestens am 14. Tag vor der Sitzung").

    >>> Zaehlung("volle_tage") is Zaehlung.VOLLE_TAGE
    True
    """

    VOLLE_TAGE = "volle_tage"
    SITZUNGSTAG_MITGERECHNET = "sitzungstag_mitgerechnet"


class Zugangsart(enum.Enum):
    """How a Ladung or Antrag reaches its addressee.

    >>> Zugangsart("post").name
    'POST'
    """

    ELEKTRONISCH = "elektronisch"
    POST = "post"


class Fristart(enum.Enum):
    """Which computation produced a :class:`Frist`.

    >>> Fristart.RUECKWAERTS.value
    'rueckwaerts'
    """

    VORWAERTS = "vorwaerts"
    RUECKWAERTS = "rueckwaerts"
    ZUGANG = "zugang"


@attrs.frozen(kw_only=True)
class Frist:
    """The result of a deadline computation: the decisive day, its legal basis and the steps.

    For :attr:`Fristart.VORWAERTS` ``datum`` is the last day of the Frist (it ends at 24:00);
    for :attr:`Fristart.RUECKWAERTS` the latest day on which the Ladung / the Antrag may
    arrive (Zugang); for :attr:`Fristart.ZUGANG` the day the Zugang is deemed to happen.
    The remaining attributes are the inputs, so a Frist can be shown or re-checked later.

    >>> from datetime import date
    >>> from kommunalrecht.model import Land
    >>> f = vorwaerts(date(2021, 1, 31), monate=1, land=Land.NW)
    >>> f.datum, f.art
    (datetime.date(2021, 3, 1), <Fristart.VORWAERTS: 'vorwaerts'>)
    >>> print(f.schritte[1])  # doctest: +ELLIPSIS
    + 1 Monat → So 28.02.2021: den 31. gibt es in diesem Monat nicht, ... (§ 188 Abs. 3 BGB)
    """

    datum: date
    schritte: tuple[str, ...]
    rechtsgrundlage: str
    art: Fristart
    ereignis: date
    land: Land | None
    tage: int = 0
    wochen: int = 0
    monate: int = 0
    zaehlung: Zaehlung | None = None
    werktage: bool = False
    samstag_ist_werktag: bool = False
    verschieben: bool = False
    kommunale_feiertage: bool = False
    ort: str | None = None

    def erfuellt_durch(self, tag: date) -> bool:
        """Whether an act (a Zugang, a filing) on ``tag`` keeps this Frist.

        For every kind of Frist this means ``tag <= datum``: a Ladung must arrive on or before
        the latest Zugangstag, an Einspruch must be filed on or before the last day.

        >>> from datetime import date
        >>> from kommunalrecht.model import Land
        >>> f = rueckwaerts(date(2021, 9, 30), tage=14, land=Land.NW)
        >>> f.erfuellt_durch(date(2021, 9, 28))
        False
        """
        _check_date("tag", tag)
        return tag <= self.datum

    def erklaerung(self) -> str:
        """The steps of the count as one German text (one step per line).

        >>> from datetime import date
        >>> from kommunalrecht.model import Land
        >>> print(zugang(date(2021, 11, 4), art="post").erklaerung())
        Aufgabe zur Post: Do 04.11.2021
        Zugang gilt am 3. Tag danach als bewirkt: So 07.11.2021 (§ 41 Abs. 2 S. 1 VwVfG analog,
        Fassung bis 31.12.2024)
        keine Verschiebung: die Zugangsfiktion ist ein Termin, keine Frist (OVG NRW 2024)
        """
        return "\n".join(self.schritte)

    def __str__(self) -> str:
        head = {
            Fristart.VORWAERTS: "Fristende",
            Fristart.RUECKWAERTS: "Zugang spätestens",
            Fristart.ZUGANG: "Zugang am",
        }[self.art]
        lines = [f"{head} {tag_text(self.datum)}"]
        lines += [f"  {s}" for s in self.schritte]
        return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# argument checks


def _check_date(name: str, value: object) -> date:
    if isinstance(value, _dt.datetime) or not isinstance(value, date):
        raise FristError(name, "a datetime.date (a day, not a datetime)", value)
    if not MIN_JAHR <= value.year <= MAX_JAHR:
        raise FristError(name, f"a date in the years {MIN_JAHR}..{MAX_JAHR}", value)
    return value


def _check_int(name: str, value: object, *, minimum: int = 0, maximum: int = 100_000) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FristError(name, "an int", value)
    if not minimum <= value <= maximum:
        raise FristError(name, f"an int in {minimum}..{maximum}", value)
    return value


def _check_bool(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise FristError(name, "a bool", value)
    return value


def _check_land(value: object) -> Land:
    if isinstance(value, Land):
        return value
    if isinstance(value, str):
        try:
            return Land(value.upper())
        except ValueError:
            pass
    codes = ", ".join(m.value for m in Land)
    raise FristError("land", f"a kommunalrecht.model.Land or one of {codes}", value)


def _check_ort(land: Land, ort: object) -> str | None:
    if ort is None:
        return None
    if ort == "Augsburg" and land is Land.BY:
        return "Augsburg"
    raise FristError("ort", "None or 'Augsburg' (only with Land.BY)", ort)


# --------------------------------------------------------------------------------------------
# Feiertage


def tag_text(tag: date) -> str:
    """A day as German short text: weekday abbreviation and ``TT.MM.JJJJ``.

    >>> from datetime import date
    >>> tag_text(date(2021, 11, 4))
    'Do 04.11.2021'
    """
    return f"{_WOCHENTAGE[tag.weekday()]} {tag:%d.%m.%Y}"


@functools.lru_cache(maxsize=1024)
def _feiertage(jahr: int, land: Land, kommunale: bool, ort: str | None) -> Mapping[date, str]:
    subdiv = ort if ort is not None else land.value
    categories = ("public", "catholic") if kommunale else ("public",)
    cal = _Germany(subdiv=subdiv, years=jahr, categories=categories, language="de")
    return types.MappingProxyType({d: cal[d] for d in sorted(cal)})


def feiertage(
    jahr: int, land: Land, *, kommunale: bool = False, ort: str | None = None
) -> Mapping[date, str]:
    """The gesetzliche Feiertage of ``land`` in ``jahr``: day → German name (read-only).

    Built on ``holidays.Germany(subdiv=land, years=jahr)``. ``kommunale=True`` adds holidays
    that only apply in some Gemeinden (category ``catholic`` of ``holidays``): Mariä Himmelfahrt
    in Bayern, Fronleichnam in Sachsen and Thüringen. ``ort="Augsburg"`` (only for
    :attr:`Land.BY`) gives the city's holidays, including the Augsburger Hohes Friedensfest
    (8 August) and Mariä Himmelfahrt.

    >>> from kommunalrecht.model import Land
    >>> fs = feiertage(2021, Land.SN)
    >>> fs[date(2021, 11, 17)]
    'Buß- und Bettag'
    >>> date(2021, 8, 15) in feiertage(2021, Land.BY), date(2021, 8, 15) in feiertage(
    ...     2021, Land.BY, kommunale=True)
    (False, True)
    >>> feiertage(2021, Land.BY, ort="Augsburg")[date(2021, 8, 8)]
    'Augsburger Hohes Friedensfest'
    """
    jahr = _check_int("jahr", jahr, minimum=MIN_JAHR, maximum=MAX_JAHR)
    land = _check_land(land)
    kommunale = _check_bool("kommunale", kommunale)
    return _feiertage(jahr, land, kommunale, _check_ort(land, ort))


def _nicht_werktag_grund(
    tag: date, land: Land, samstag_ist_werktag: bool, kommunale: bool, ort: str | None
) -> str | None:
    """Why ``tag`` is no Werktag (``None`` if it is one)."""
    if tag.weekday() == 6:
        return "Sonntag"
    if tag.weekday() == 5 and not samstag_ist_werktag:
        return "Samstag"
    name = _feiertage(tag.year, land, kommunale, ort).get(tag)
    if name is not None:
        return f"Feiertag in {land.value}: {name}"
    return None


def ist_werktag(
    tag: date,
    land: Land,
    *,
    samstag_ist_werktag: bool = False,
    kommunale_feiertage: bool = False,
    ort: str | None = None,
) -> bool:
    """Whether ``tag`` is a Werktag in ``land``: not a Sunday, not a Feiertag of that Land and
    -- unless ``samstag_ist_werktag`` -- not a Saturday (§ 193 BGB treats Saturday like Sunday;
    ordinary usage and many GeschOs count it as a Werktag).

    >>> from kommunalrecht.model import Land
    >>> ist_werktag(date(2021, 11, 1), Land.NW), ist_werktag(date(2021, 11, 1), Land.NI)
    (False, True)
    >>> ist_werktag(date(2021, 11, 6), Land.NW, samstag_ist_werktag=True)
    True
    """
    tag = _check_date("tag", tag)
    land = _check_land(land)
    samstag_ist_werktag = _check_bool("samstag_ist_werktag", samstag_ist_werktag)
    kommunale_feiertage = _check_bool("kommunale_feiertage", kommunale_feiertage)
    ort = _check_ort(land, ort)
    return _nicht_werktag_grund(tag, land, samstag_ist_werktag, kommunale_feiertage, ort) is None


# --------------------------------------------------------------------------------------------
# forward


def _plus_monate(tag: date, monate: int) -> tuple[date, bool]:
    """``tag`` + ``monate`` per § 188 Abs. 2/3 BGB; second value: month-end rule applied."""
    index = tag.year * 12 + (tag.month - 1) + monate
    jahr, monat = divmod(index, 12)
    monat += 1
    letzter = calendar.monthrange(jahr, monat)[1]
    if tag.day > letzter:
        return date(jahr, monat, letzter), True
    return date(jahr, monat, tag.day), False


def _plural(n: int, einzahl: str, mehrzahl: str) -> str:
    return f"{n} {einzahl if n == 1 else mehrzahl}"


def vorwaerts(
    ereignis: date,
    *,
    tage: int = 0,
    wochen: int = 0,
    monate: int = 0,
    land: Land,
    werktage: bool = False,
    samstag_ist_werktag: bool = False,
    verschieben: bool = True,
    kommunale_feiertage: bool = False,
    ort: str | None = None,
    rechtsgrundlage: str | None = None,
) -> Frist:
    """A Frist running forward from an event (§§ 187 Abs. 1, 188, 193 BGB).

    The event day does not count (§ 187 Abs. 1). Months are added first (§ 188 Abs. 2, with
    the month-end rule of § 188 Abs. 3), then weeks, then days; with ``werktage=True`` the
    ``tage`` are Werktage of ``land`` (``wochen``/``monate`` must then be 0). With
    ``verschieben=True`` (default) a last day on a Saturday, Sunday or Feiertag of ``land`` is
    replaced by the next Werktag (§ 193 BGB; Saturday always counts as non-Werktag here, as in
    the statute). ``rechtsgrundlage`` overrides the generated citation.

    >>> from kommunalrecht.model import Land
    >>> f = vorwaerts(date(2021, 10, 27), tage=5, land=Land.NW)  # ends Mon 01.11 Allerheiligen
    >>> f.datum
    datetime.date(2021, 11, 2)
    >>> print(f.schritte[-1])
    Fristende Mo 01.11.2021 ist kein Werktag (Feiertag in NW: Allerheiligen) → nächster Werktag
    Di 02.11.2021 (§ 193 BGB)
    >>> vorwaerts(date(2021, 10, 27), tage=5, land=Land.NI).datum
    datetime.date(2021, 11, 1)
    """
    ereignis = _check_date("ereignis", ereignis)
    tage = _check_int("tage", tage)
    wochen = _check_int("wochen", wochen, maximum=10_000)
    monate = _check_int("monate", monate, maximum=2_400)
    land = _check_land(land)
    werktage = _check_bool("werktage", werktage)
    samstag_ist_werktag = _check_bool("samstag_ist_werktag", samstag_ist_werktag)
    verschieben = _check_bool("verschieben", verschieben)
    kommunale_feiertage = _check_bool("kommunale_feiertage", kommunale_feiertage)
    ort = _check_ort(land, ort)
    if tage == wochen == monate == 0:
        raise FristError("tage", "a Frist of at least one day, week or month", 0)
    if werktage and (wochen or monate):
        raise FristError("wochen", "0 when counting Werktage (werktage=True)", wochen or monate)

    schritte = [f"Ereignis: {tag_text(ereignis)} (zählt nicht mit, § 187 Abs. 1 BGB)"]
    normen = ["§ 187 Abs. 1 BGB"]
    ende = ereignis
    grenze = date(MAX_JAHR, 12, 31)
    try:
        if monate:
            ende, monatsende = _plus_monate(ende, monate)
            text = f"+ {_plural(monate, 'Monat', 'Monate')} → {tag_text(ende)}"
            if monatsende:
                text += (
                    f": den {ereignis.day}. gibt es in diesem Monat nicht, Fristende am letzten"
                    " Tag des Monats (§ 188 Abs. 3 BGB)"
                )
                normen.append("§ 188 Abs. 2, 3 BGB")
            else:
                text += " (§ 188 Abs. 2 BGB)"
                normen.append("§ 188 Abs. 2 BGB")
            schritte.append(text)
        if wochen:
            ende = ende + timedelta(weeks=wochen)
            schritte.append(
                f"+ {_plural(wochen, 'Woche', 'Wochen')} → {tag_text(ende)}"
                " (gleicher Wochentag, § 188 Abs. 2 BGB)"
            )
            if "§ 188 Abs. 2 BGB" not in normen and "§ 188 Abs. 2, 3 BGB" not in normen:
                normen.append("§ 188 Abs. 2 BGB")
        if tage and not werktage:
            ende = ende + timedelta(days=tage)
            schritte.append(
                f"+ {_plural(tage, 'Kalendertag', 'Kalendertage')} → {tag_text(ende)}"
                " (Fristende mit Ablauf des Tages, § 188 Abs. 1 BGB)"
            )
            normen.append("§ 188 Abs. 1 BGB")
        elif tage:
            gezaehlt = 0
            uebersprungen: list[str] = []
            while gezaehlt < tage:
                ende += timedelta(days=1)
                if ende > grenze:
                    raise OverflowError
                grund = _nicht_werktag_grund(
                    ende, land, samstag_ist_werktag, kommunale_feiertage, ort
                )
                if grund is None:
                    gezaehlt += 1
                else:
                    uebersprungen.append(f"{tag_text(ende)} ({grund})")
            text = f"+ {_plural(tage, 'Werktag', 'Werktage')} → {tag_text(ende)}"
            text += " (Fristende mit Ablauf des Tages, § 188 Abs. 1 BGB)"
            schritte.append(text)
            if uebersprungen:
                schritte.append("nicht mitgezählt: " + ", ".join(uebersprungen))
            normen.append("§ 188 Abs. 1 BGB")
        if ende > grenze:
            raise OverflowError
        if verschieben:
            verschoben = ende
            grund = _nicht_werktag_grund(verschoben, land, False, kommunale_feiertage, ort)
            erster_grund = grund
            while grund is not None:
                verschoben += timedelta(days=1)
                grund = _nicht_werktag_grund(verschoben, land, False, kommunale_feiertage, ort)
            if verschoben != ende:
                schritte.append(
                    f"Fristende {tag_text(ende)} ist kein Werktag ({erster_grund}) → nächster"
                    f" Werktag {tag_text(verschoben)} (§ 193 BGB)"
                )
                ende = verschoben
            normen.append("§ 193 BGB")
        else:
            grund = _nicht_werktag_grund(ende, land, False, kommunale_feiertage, ort)
            if grund is not None:
                schritte.append(
                    f"Fristende {tag_text(ende)} ist kein Werktag ({grund}); keine Verschiebung"
                    " nach § 193 BGB (verschieben=False)"
                )
    except (OverflowError, ValueError):
        raise FristError(
            "ereignis", f"a Frist ending by 31.12.{MAX_JAHR}", (ereignis, tage, wochen, monate)
        ) from None
    return Frist(
        datum=ende,
        schritte=tuple(schritte),
        rechtsgrundlage=rechtsgrundlage or ", ".join(normen),
        art=Fristart.VORWAERTS,
        ereignis=ereignis,
        land=land,
        tage=tage,
        wochen=wochen,
        monate=monate,
        werktage=werktage,
        samstag_ist_werktag=samstag_ist_werktag,
        verschieben=verschieben,
        kommunale_feiertage=kommunale_feiertage,
        ort=ort,
    )


# --------------------------------------------------------------------------------------------
# backward


def rueckwaerts(
    sitzungstag: date,
    *,
    tage: int,
    land: Land,
    zaehlung: Zaehlung = Zaehlung.VOLLE_TAGE,
    werktage: bool = False,
    samstag_ist_werktag: bool = True,
    verschieben: bool = False,
    kommunale_feiertage: bool = False,
    ort: str | None = None,
    rechtsgrundlage: str | None = None,
) -> Frist:
    """The latest permissible Zugangstag for a Ladung / an Antrag before ``sitzungstag``.

    ``tage`` days must lie between Zugang and Sitzung, counted per ``zaehlung``: with
    :attr:`Zaehlung.VOLLE_TAGE` neither the Zugangstag nor the Sitzungstag counts, with
    :attr:`Zaehlung.SITZUNGSTAG_MITGERECHNET` the Sitzungstag counts. ``werktage=True`` counts
    only Werktage of ``land`` (``samstag_ist_werktag`` decides about Saturdays; default
    ``True``, the ordinary meaning of "Werktag" in a GeschO). ``tage=0`` with ``VOLLE_TAGE``
    means "spätestens am Tag vor der Sitzung" (§ 58 Abs. 1 S. 3 HGO).

    There is no § 193 BGB shift (it would shorten the protected period, see the module
    docstring). ``verschieben=True`` moves a latest day that is no Werktag to the *preceding*
    Werktag (protective direction). ``rechtsgrundlage`` overrides the generic citation
    (e.g. "§ 58 Abs. 1 S. 2 HGO").

    >>> from kommunalrecht.model import Land
    >>> rueckwaerts(date(2021, 11, 16), tage=7, land=Land.NW).datum
    datetime.date(2021, 11, 8)
    >>> rueckwaerts(date(2021, 11, 16), tage=7, land=Land.NW,
    ...             zaehlung=Zaehlung.SITZUNGSTAG_MITGERECHNET).datum
    datetime.date(2021, 11, 9)
    >>> rueckwaerts(date(2021, 11, 16), tage=3, land=Land.NW, werktage=True,
    ...             samstag_ist_werktag=False).datum   # Fr 12., Mo 15. and Do 11. count
    datetime.date(2021, 11, 10)
    """
    sitzungstag = _check_date("sitzungstag", sitzungstag)
    tage = _check_int("tage", tage, maximum=10_000)
    land = _check_land(land)
    if not isinstance(zaehlung, Zaehlung):
        raise FristError(
            "zaehlung", "a Zaehlung (VOLLE_TAGE or SITZUNGSTAG_MITGERECHNET)", zaehlung
        )
    werktage = _check_bool("werktage", werktage)
    samstag_ist_werktag = _check_bool("samstag_ist_werktag", samstag_ist_werktag)
    verschieben = _check_bool("verschieben", verschieben)
    kommunale_feiertage = _check_bool("kommunale_feiertage", kommunale_feiertage)
    ort = _check_ort(land, ort)

    volle = zaehlung is Zaehlung.VOLLE_TAGE
    einheit = "Werktage" if werktage else "Kalendertage"
    schritte = [
        f"Sitzungstag: {tag_text(sitzungstag)} "
        + ("(zählt nicht mit: volle Tage)" if volle else "(zählt mit)")
    ]
    untergrenze = date(MIN_JAHR, 1, 1)

    def grund_von(tag: date) -> str | None:
        return _nicht_werktag_grund(tag, land, samstag_ist_werktag, kommunale_feiertage, ort)

    erster = sitzungstag - timedelta(days=1) if volle else sitzungstag
    if tage == 0:
        spaetestens = erster
        schritte.append(
            f"0 {einheit} erforderlich: Zugang spätestens am "
            + ("Tag vor der Sitzung" if volle else "Sitzungstag")
        )
    else:
        tag = erster
        gezaehlt = 0
        uebersprungen: list[str] = []
        while True:
            if tag < untergrenze:
                raise FristError("tage", f"a Frist starting after 01.01.{MIN_JAHR}", tage)
            grund = grund_von(tag) if werktage else None
            if grund is None:
                gezaehlt += 1
                if gezaehlt == tage:
                    break
            else:
                uebersprungen.append(f"{tag_text(tag)} ({grund})")
            tag -= timedelta(days=1)
        wort = "volle " if volle else ""
        schritte.append(
            f"{tage} {wort}{einheit if tage != 1 else einheit[:-1]} zwischen Zugang und"
            f" Sitzungstag: {tag_text(tag)} bis {tag_text(erster)}"
        )
        if uebersprungen:
            schritte.append("nicht mitgezählt: " + ", ".join(reversed(uebersprungen)))
        spaetestens = tag - timedelta(days=1)
    if spaetestens < untergrenze:
        raise FristError("tage", f"a Frist starting after 01.01.{MIN_JAHR}", tage)
    schritte.append(
        f"Zugang spätestens: {tag_text(spaetestens)} (der Zugangstag zählt nicht mit,"
        " § 187 Abs. 1 BGB analog)"
    )
    if verschieben:
        tag = spaetestens
        grund = grund_von(tag)
        erster_grund = grund
        while grund is not None:
            tag -= timedelta(days=1)
            if tag < untergrenze:
                raise FristError("sitzungstag", f"a date after 01.01.{MIN_JAHR}", sitzungstag)
            grund = grund_von(tag)
        if tag != spaetestens:
            schritte.append(
                f"{tag_text(spaetestens)} ist kein Werktag ({erster_grund}) → vorhergehender"
                f" Werktag {tag_text(tag)} (verschieben=True, schützende Richtung)"
            )
            spaetestens = tag
    else:
        schritte.append(
            "keine Verschiebung nach § 193 BGB: eine rückwärts laufende Frist darf die"
            " geschützte Zeit nicht verkürzen"
        )
    return Frist(
        datum=spaetestens,
        schritte=tuple(schritte),
        rechtsgrundlage=rechtsgrundlage or "GeschO; §§ 187, 188 BGB analog (Rückwärtsfrist)",
        art=Fristart.RUECKWAERTS,
        ereignis=sitzungstag,
        land=land,
        tage=tage,
        zaehlung=zaehlung,
        werktage=werktage,
        samstag_ist_werktag=samstag_ist_werktag,
        verschieben=verschieben,
        kommunale_feiertage=kommunale_feiertage,
        ort=ort,
    )


def tage_zwischen(
    zugang: date,
    sitzungstag: date,
    *,
    land: Land,
    zaehlung: Zaehlung = Zaehlung.VOLLE_TAGE,
    werktage: bool = False,
    samstag_ist_werktag: bool = True,
    kommunale_feiertage: bool = False,
    ort: str | None = None,
) -> int:
    """How many days lie between ``zugang`` and ``sitzungstag``, counted like :func:`rueckwaerts`.

    The Zugangstag never counts; the Sitzungstag counts only with
    :attr:`Zaehlung.SITZUNGSTAG_MITGERECHNET`. When no day lies in between the result is
    ``<= 0`` (the negative calendar distance).

    >>> from kommunalrecht.model import Land
    >>> tage_zwischen(date(2021, 11, 4), date(2021, 11, 16), land=Land.NW)
    11
    >>> tage_zwischen(date(2021, 9, 28), date(2021, 9, 30), land=Land.NW)
    1
    """
    zugang = _check_date("zugang", zugang)
    sitzungstag = _check_date("sitzungstag", sitzungstag)
    land = _check_land(land)
    if not isinstance(zaehlung, Zaehlung):
        raise FristError("zaehlung", "a Zaehlung", zaehlung)
    werktage = _check_bool("werktage", werktage)
    samstag_ist_werktag = _check_bool("samstag_ist_werktag", samstag_ist_werktag)
    kommunale_feiertage = _check_bool("kommunale_feiertage", kommunale_feiertage)
    ort = _check_ort(land, ort)
    letzter = sitzungstag
    if zaehlung is Zaehlung.VOLLE_TAGE:
        letzter -= timedelta(days=1)
    if zugang >= letzter:
        return (letzter - zugang).days
    if not werktage:
        return (letzter - zugang).days
    anzahl = 0
    tag = zugang + timedelta(days=1)
    while tag <= letzter:
        if _nicht_werktag_grund(tag, land, samstag_ist_werktag, kommunale_feiertage, ort) is None:
            anzahl += 1
        tag += timedelta(days=1)
    return anzahl


def eingehalten(
    zugang: date,
    sitzungstag: date,
    *,
    tage: int,
    land: Land,
    zaehlung: Zaehlung = Zaehlung.VOLLE_TAGE,
    werktage: bool = False,
    samstag_ist_werktag: bool = True,
    verschieben: bool = False,
    kommunale_feiertage: bool = False,
    ort: str | None = None,
) -> bool:
    """Whether a Zugang on ``zugang`` keeps a backward Frist of ``tage`` before ``sitzungstag``.

    Shorthand for ``rueckwaerts(sitzungstag, ...).erfuellt_durch(zugang)``.

    >>> from kommunalrecht.model import Land
    >>> eingehalten(date(2021, 11, 4), date(2021, 11, 16), tage=7, land=Land.NW)
    True
    >>> eingehalten(date(2021, 11, 4), date(2021, 11, 16), tage=14, land=Land.NW)
    False
    """
    frist = rueckwaerts(
        sitzungstag,
        tage=tage,
        land=land,
        zaehlung=zaehlung,
        werktage=werktage,
        samstag_ist_werktag=samstag_ist_werktag,
        verschieben=verschieben,
        kommunale_feiertage=kommunale_feiertage,
        ort=ort,
    )
    return frist.erfuellt_durch(zugang)


# --------------------------------------------------------------------------------------------
# Zugang


def zugang(
    versand: date,
    *,
    art: Zugangsart | str = Zugangsart.ELEKTRONISCH,
    fiktion_tage: int | None = None,
    fiktion_verschieben: bool = False,
    land: Land | None = None,
    kommunale_feiertage: bool = False,
    ort: str | None = None,
) -> Frist:
    """The day a Ladung sent on ``versand`` is deemed to have arrived (Zugang).

    ``art="elektronisch"``: provision in the RIS / by e-mail counts on the same day, where the
    GeschO says so (e.g. GeschO Kreistag Rhein-Kreis Neuss § 1 Abs. 1). ``art="post"``: the
    fiction of § 41 Abs. 2 S. 1 VwVfG / VwVfG NRW applies by analogy -- the 3rd day after
    posting until 31.12.2024, the 4th day from 01.01.2025. ``fiktion_tage`` overrides the
    number of days (a GeschO fiction, also for electronic sending). The deemed day is not
    moved off a weekend or holiday (OVG NRW 2024) unless ``fiktion_verschieben=True``, which
    needs ``land`` and moves it to the next Werktag (Saturday counts as non-Werktag, § 31
    Abs. 3 VwVfG).

    >>> zugang(date(2021, 11, 4)).datum
    datetime.date(2021, 11, 4)
    >>> zugang(date(2025, 3, 3), art="post").datum
    datetime.date(2025, 3, 7)
    >>> from kommunalrecht.model import Land
    >>> zugang(date(2021, 11, 4), art="post", fiktion_verschieben=True, land=Land.NW).datum
    datetime.date(2021, 11, 8)
    """
    versand = _check_date("versand", versand)
    if isinstance(art, str) and not isinstance(art, Zugangsart):
        try:
            art = Zugangsart(art)
        except ValueError:
            raise FristError("art", "'elektronisch' or 'post'", art) from None
    if not isinstance(art, Zugangsart):
        raise FristError("art", "'elektronisch' or 'post'", art)
    if fiktion_tage is not None:
        fiktion_tage = _check_int("fiktion_tage", fiktion_tage, maximum=365)
    fiktion_verschieben = _check_bool("fiktion_verschieben", fiktion_verschieben)
    land_checked = None if land is None else _check_land(land)
    if fiktion_verschieben and land_checked is None:
        raise FristError("land", "a Land when fiktion_verschieben=True", None)
    kommunale_feiertage = _check_bool("kommunale_feiertage", kommunale_feiertage)
    ort = None if land_checked is None else _check_ort(land_checked, ort)

    schritte: list[str] = []
    if art is Zugangsart.POST:
        schritte.append(f"Aufgabe zur Post: {tag_text(versand)}")
        if fiktion_tage is None:
            if versand < _FIKTION_UMSTELLUNG:
                tage, fassung = 3, "Fassung bis 31.12.2024"
            else:
                tage, fassung = 4, "Fassung ab 01.01.2025"
            norm = f"§ 41 Abs. 2 S. 1 VwVfG analog, {fassung}"
        else:
            tage, norm = fiktion_tage, "GeschO"
        rechtsgrundlage = "§ 41 Abs. 2 S. 1 VwVfG analog" if fiktion_tage is None else "GeschO"
    else:
        schritte.append(f"elektronische Bereitstellung: {tag_text(versand)}")
        tage = fiktion_tage or 0
        norm = "GeschO"
        rechtsgrundlage = "GeschO (elektronische Bereitstellung); § 130 BGB analog"
    try:
        tag = versand + timedelta(days=tage)
        if tage == 0:
            schritte.append(f"Zugang am selben Tag: {tag_text(tag)} ({norm})")
        else:
            schritte.append(
                f"Zugang gilt am {tage}. Tag danach als bewirkt: {tag_text(tag)} ({norm})"
            )
        if fiktion_verschieben:
            assert land_checked is not None
            start = tag
            grund = _nicht_werktag_grund(tag, land_checked, False, kommunale_feiertage, ort)
            erster_grund = grund
            while grund is not None:
                tag += timedelta(days=1)
                grund = _nicht_werktag_grund(tag, land_checked, False, kommunale_feiertage, ort)
            if tag != start:
                schritte.append(
                    f"{tag_text(start)} ist kein Werktag ({erster_grund}) → nächster Werktag"
                    f" {tag_text(tag)} (fiktion_verschieben=True, § 31 Abs. 3 VwVfG analog)"
                )
        elif tage:
            schritte.append(
                "keine Verschiebung: die Zugangsfiktion ist ein Termin, keine Frist (OVG NRW 2024)"
            )
    except (OverflowError, ValueError):
        raise FristError("versand", f"a date before 31.12.{MAX_JAHR}", versand) from None
    return Frist(
        datum=tag,
        schritte=tuple(schritte),
        rechtsgrundlage=rechtsgrundlage,
        art=Fristart.ZUGANG,
        ereignis=versand,
        land=land_checked,
        tage=tage,
        verschieben=fiktion_verschieben,
        kommunale_feiertage=kommunale_feiertage,
        ort=ort,
    )
