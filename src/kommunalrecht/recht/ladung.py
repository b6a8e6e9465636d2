"""Ladungs-, Nachtrags- and Antragsfristen of a Geschäftsordnung, as explained
:class:`~kommunalrecht.fristen.Frist` objects.

These connect a :class:`~kommunalrecht.recht.Geschaeftsordnung` to the deadline arithmetic
of :mod:`kommunalrecht.fristen` (backward deadlines, no § 193 BGB shift by default; see there).
The legal basis of the Frist is the GeschO (§ 47 Abs. 2 S. 1 GO NRW, § 32 Abs. 2 KrO NRW,
Art. 45 Abs. 2 BayGO) or the statute where it fixes the Frist (§ 58 Abs. 1 S. 2 HGO); pass
``rechtsgrundlage`` to cite it, e.g. from :meth:`Landesprofil.norm`.

>>> from datetime import date
>>> from kommunalrecht.model import Land
>>> from kommunalrecht.recht import Geschaeftsordnung
>>> f = ladungsfrist(Geschaeftsordnung(), date(2021, 11, 16), land=Land.NW)
>>> f.datum, f.erfuellt_durch(date(2021, 11, 4))
(datetime.date(2021, 11, 8), True)
"""

from __future__ import annotations

import datetime as _dt

from kommunalrecht import fristen
from kommunalrecht.errors import ConfigError
from kommunalrecht.fristen import Frist
from kommunalrecht.model import Land
from kommunalrecht.recht.geschaeftsordnung import Fristregel, Geschaeftsordnung

__all__ = ["antrag_rechtzeitig", "antragsfrist", "ladung_zugang", "ladungsfrist", "nachtragsfrist"]


def _rueckwaerts(
    regel: Fristregel, sitzungstag: _dt.date, land: Land, kommunale: bool, norm: str
) -> Frist:
    return fristen.rueckwaerts(
        sitzungstag,
        tage=regel.tage,
        land=land,
        zaehlung=regel.zaehlung,
        werktage=regel.werktage,
        samstag_ist_werktag=regel.samstag_ist_werktag,
        verschieben=regel.verschieben,
        kommunale_feiertage=kommunale,
        rechtsgrundlage=norm,
    )


def _go(go: object) -> Geschaeftsordnung:
    if not isinstance(go, Geschaeftsordnung):
        raise ConfigError("go", "a Geschaeftsordnung", go)
    return go


def ladungsfrist(
    go: Geschaeftsordnung,
    sitzungstag: _dt.date,
    *,
    land: Land,
    dringlich: bool = False,
    kommunale_feiertage: bool = False,
    rechtsgrundlage: str | None = None,
) -> Frist:
    """Latest Zugang of the Ladung for a meeting on ``sitzungstag`` (``go.ladung.frist``, or
    ``go.ladung.dringlich`` when the meeting is convened as urgent).

    >>> from datetime import date
    >>> from kommunalrecht.model import Land
    >>> from kommunalrecht.recht import profil
    >>> he = profil(Land.HE)
    >>> f = ladungsfrist(he.geschaeftsordnung, date(2021, 11, 16), land=Land.HE,
    ...                  rechtsgrundlage=he.norm("ladung.frist").zitat)
    >>> f.datum, f.rechtsgrundlage
    (datetime.date(2021, 11, 12), '§ 58 Abs. 1 S. 2 HGO')
    """
    regeln = _go(go).ladung
    regel = regeln.dringlich if dringlich else regeln.frist
    norm = rechtsgrundlage or (
        "GeschO (Ladungsfrist, Dringlichkeit)" if dringlich else "GeschO (Ladungsfrist)"
    )
    return _rueckwaerts(regel, sitzungstag, land, kommunale_feiertage, norm)


def nachtragsfrist(
    go: Geschaeftsordnung,
    sitzungstag: _dt.date,
    *,
    land: Land,
    kommunale_feiertage: bool = False,
    rechtsgrundlage: str | None = None,
) -> Frist:
    """Latest Zugang of a Nachtrag (agenda supplement), ``go.ladung.nachtrag``.

    >>> from datetime import date
    >>> from kommunalrecht.model import Land
    >>> from kommunalrecht.recht import Geschaeftsordnung
    >>> nachtragsfrist(Geschaeftsordnung(), date(2021, 9, 27), land=Land.NW).datum
    datetime.date(2021, 9, 23)
    """
    regel = _go(go).ladung.nachtrag
    return _rueckwaerts(
        regel, sitzungstag, land, kommunale_feiertage, rechtsgrundlage or "GeschO (Nachtrag)"
    )


def antragsfrist(
    go: Geschaeftsordnung,
    sitzungstag: _dt.date,
    *,
    land: Land,
    kommunale_feiertage: bool = False,
    rechtsgrundlage: str | None = None,
) -> Frist:
    """Latest day an Antrag may arrive to be put on the agenda of the meeting on
    ``sitzungstag`` (``go.antrag.frist``; a cut-off time is ``go.antrag.uhrzeit``, see
    :func:`antrag_rechtzeitig`).

    >>> from datetime import date
    >>> from kommunalrecht.model import Land
    >>> from kommunalrecht.recht import Geschaeftsordnung
    >>> f = antragsfrist(Geschaeftsordnung(), date(2021, 9, 30), land=Land.NW)
    >>> f.datum, f.erfuellt_durch(date(2021, 9, 28))
    (datetime.date(2021, 9, 16), False)
    """
    regel = _go(go).antrag.frist
    return _rueckwaerts(
        regel, sitzungstag, land, kommunale_feiertage, rechtsgrundlage or "GeschO (Antragsfrist)"
    )


def antrag_rechtzeitig(
    go: Geschaeftsordnung,
    eingang: _dt.date | _dt.datetime,
    sitzungstag: _dt.date,
    *,
    land: Land,
    kommunale_feiertage: bool = False,
) -> bool:
    """Whether an Antrag received at ``eingang`` meets the Antragsfrist, including the
    cut-off time ``go.antrag.uhrzeit`` on the last day (compared in the local time of the
    given datetime; a ``date`` alone is accepted on the last day only without a cut-off).

    >>> from datetime import date, datetime, time
    >>> from kommunalrecht.model import Land
    >>> from kommunalrecht.recht import Geschaeftsordnung
    >>> go = Geschaeftsordnung.from_dict({"antrag": {"uhrzeit": "10:00"}})
    >>> antrag_rechtzeitig(go, datetime(2021, 9, 16, 9, 59), date(2021, 9, 30), land=Land.NW)
    True
    >>> antrag_rechtzeitig(go, datetime(2021, 9, 16, 10, 1), date(2021, 9, 30), land=Land.NW)
    False
    """
    go = _go(go)
    frist = antragsfrist(go, sitzungstag, land=land, kommunale_feiertage=kommunale_feiertage)
    if isinstance(eingang, _dt.datetime):
        tag, zeit = eingang.date(), eingang.timetz().replace(tzinfo=None)
    elif isinstance(eingang, _dt.date):
        tag, zeit = eingang, None
    else:
        raise ConfigError("eingang", "a datetime.date or datetime.datetime", eingang)
    if tag != frist.datum or go.antrag.uhrzeit is None:
        return frist.erfuellt_durch(tag)
    if zeit is None:
        return False
    return zeit <= go.antrag.uhrzeit


def ladung_zugang(
    go: Geschaeftsordnung,
    versand: _dt.date,
    *,
    land: Land | None = None,
    kommunale_feiertage: bool = False,
) -> Frist:
    """Zugang of a Ladung sent on ``versand`` under ``go.ladung.zugang``.

    >>> from datetime import date
    >>> from kommunalrecht.recht import Geschaeftsordnung
    >>> go = Geschaeftsordnung.from_dict({"ladung": {"zugang": {"art": "post"}}})
    >>> ladung_zugang(go, date(2021, 11, 4)).datum
    datetime.date(2021, 11, 7)
    """
    regel = _go(go).ladung.zugang
    return fristen.zugang(
        versand,
        art=regel.art,
        fiktion_tage=regel.fiktion_tage,
        fiktion_verschieben=regel.fiktion_verschieben,
        land=land,
        kommunale_feiertage=kommunale_feiertage,
    )
