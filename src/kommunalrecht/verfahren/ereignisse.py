"""The transition functions: one pure function per event.

Each function takes the object, the time of the event ``am=`` (timezone-aware, required), the
``akteur=`` and a ``notiz=``, checks the kind's table, runs its guards, and returns a NEW
object with the new ``status`` and one more :class:`~kommunalrecht.VerlaufEintrag`. An event
the table does not allow, or a guard that fails, raises :class:`~kommunalrecht.TransitionError`
(kind, state, event, allowed events, German reason with the norm) and changes nothing.

Functions shared by several kinds (``aufnehmen``, ``beschliessen``, ``vertagen`` …) dispatch
on the object's class: :class:`~kommunalrecht.Antrag`, :class:`~kommunalrecht.Beschlussvorlage`
(and any other :class:`~kommunalrecht.Drucksache`), :class:`~kommunalrecht.Beratung`,
:class:`~kommunalrecht.Sitzung`, :class:`~kommunalrecht.Tagesordnungspunkt`,
:class:`~kommunalrecht.Dringlichkeitsentscheidung`. Guards get the law from ``go=`` (a
:class:`~kommunalrecht.recht.Geschaeftsordnung` or a :class:`~kommunalrecht.recht.Landesprofil`).
Sources: ``reference/kommunalrecht-regeln.md`` §2.1-2.8, §3; the tables' header comments.

>>> import datetime as dt
>>> from kommunalrecht import Sitzung
>>> from kommunalrecht.recht import Geschaeftsordnung
>>> am = dt.datetime(2021, 11, 4, 9, 0, tzinfo=dt.timezone.utc)
>>> s = Sitzung(id="https://example.org/s/1", datum=dt.date(2021, 11, 16))
>>> s2 = einladen(s, am=am, akteur="Vorsitzende")
>>> s.status, s2.status.value, s2.einladungsdatum
(None, 'eingeladen', datetime.date(2021, 11, 4))
>>> s2.verlauf[-1].von, s2.verlauf[-1].nach
('geplant', 'eingeladen')
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any, TypeVar, overload

import attrs

from ..errors import ConfigError, InvariantError, TransitionError
from ..model import (
    Abstimmung,
    Antrag,
    Beratung,
    Beratungsrolle,
    Beratungsstatus,
    Beschluss,
    BeschlussErgebnis,
    Bestand,
    Datei,
    Dringlichkeitsentscheidung,
    Drucksache,
    Sitzung,
    Tagesordnungspunkt,
    Tagesordnungspunktstatus,
)
from ..recht import Genehmigung, Landesprofil, Mehrheit, Nachbehandlung, Unterzeichner
from . import _recht
from ._tabelle import Automat, pruefe_zeitpunkt, uebergang
from .antrag import ANTRAG
from .beratung import BERATUNG
from .dringlichkeit import DRINGLICHKEIT
from .sitzung import SITZUNG
from .tagesordnungspunkt import TOP
from .vorlage import VORLAGE

__all__ = [
    "Folgeberatung",
    "abbrechen",
    "absagen",
    "absetzen",
    "aufheben",
    "aufnehmen",
    "aufrufen",
    "automat",
    "beraten",
    "beschliessen",
    "einladen",
    "einreichen",
    "erledigen",
    "eroeffnen",
    "fortsetzen",
    "freigeben",
    "genehmigen",
    "kenntnis_nehmen",
    "mitzeichnen",
    "niederschrift_entwerfen",
    "niederschrift_unterzeichnen",
    "schliessen",
    "treffen",
    "unterbrechen",
    "verlegen",
    "vertagen",
    "verweisen",
    "vorlegen",
    "vormerken",
    "zurueckstellen",
    "zurueckziehen",
]

_O = TypeVar("_O")
_GoArg = _recht.GoArg


def automat(obj: object) -> Automat[Any, Any]:
    """The state machine of ``obj``'s kind.

    >>> from kommunalrecht import Antrag, Beschlussvorlage
    >>> automat(Antrag(id="https://example.org/a")).art, automat(
    ...     Beschlussvorlage(id="https://example.org/v")).art
    ('Antrag', 'Beschlussvorlage')
    """
    if isinstance(obj, Antrag):
        return ANTRAG
    if isinstance(obj, Drucksache):
        return VORLAGE
    if isinstance(obj, Beratung):
        return BERATUNG
    if isinstance(obj, Sitzung):
        return SITZUNG
    if isinstance(obj, Tagesordnungspunkt):
        return TOP
    if isinstance(obj, Dringlichkeitsentscheidung):
        return DRINGLICHKEIT
    raise InvariantError(
        "verfahren",
        "obj",
        "an Antrag, Drucksache, Beratung, Sitzung, Tagesordnungspunkt or "
        "Dringlichkeitsentscheidung",
        obj,
    )


def _fire(
    obj: _O,
    ereignis: str,
    am: _dt.datetime,
    akteur: str | None,
    notiz: str | None,
    waechter: Any = None,
    **aenderungen: Any,
) -> _O:
    return uebergang(
        obj,
        automat(obj),
        ereignis,
        am=am,
        akteur=akteur,
        notiz=notiz,
        waechter=waechter,
        aenderungen=aenderungen,
    )


def _nur(obj: object, ereignis: str, *klassen: type) -> None:
    """Refuse an event the object's kind does not have at all (before any guard runs)."""
    if not isinstance(obj, klassen):
        a = automat(obj)
        zustand = getattr(obj, "status", None) or a.anfang
        raise TransitionError(a.art, zustand.value, ereignis, [e.value for e in a.erlaubt(zustand)])


# --------------------------------------------------------------------------------------------
# events without guards


def einreichen(
    antrag: Antrag, *, am: _dt.datetime, akteur: str | None = None, notiz: str | None = None
) -> Antrag:
    """Submit an Antrag to the HVB (Entwurf → eingereicht); sets ``eingang`` if unknown.

    >>> import datetime as dt
    >>> from kommunalrecht import Antrag
    >>> am = dt.datetime(2021, 9, 28, 10, 0, tzinfo=dt.timezone.utc)
    >>> a = einreichen(Antrag(id="https://example.org/a"), am=am, akteur="SPD-Fraktion")
    >>> a.status.value, a.eingang == am
    ('eingereicht', True)
    """
    _nur(antrag, "einreichen", Antrag)
    return _fire(antrag, "einreichen", am, akteur, notiz, eingang=antrag.eingang or am)


def vormerken(
    antrag: Antrag, *, am: _dt.datetime, akteur: str | None = None, notiz: str | None = None
) -> Antrag:
    """Mark a late Antrag for a later meeting ("für nächste Sitzung vorgemerkt").

    >>> import datetime as dt
    >>> from kommunalrecht import Antrag, Drucksachenstatus
    >>> am = dt.datetime(2021, 9, 29, tzinfo=dt.timezone.utc)
    >>> a = Antrag(id="https://example.org/a", status=Drucksachenstatus.EINGEREICHT)
    >>> vormerken(a, am=am, notiz="Antragsfrist für den 30.09. verpasst").status.value
    'für nächste Sitzung vorgemerkt'
    """
    _nur(antrag, "vormerken", Antrag)
    return _fire(antrag, "vormerken", am, akteur, notiz)


def mitzeichnen(
    vorlage: Drucksache, *, am: _dt.datetime, akteur: str | None = None, notiz: str | None = None
) -> Drucksache:
    """Send a Vorlage into Mitzeichnung (co-signature by other offices).

    >>> import datetime as dt
    >>> from kommunalrecht import Beschlussvorlage
    >>> am = dt.datetime(2021, 9, 20, tzinfo=dt.timezone.utc)
    >>> mitzeichnen(Beschlussvorlage(id="https://example.org/v"), am=am).status.value
    'Mitzeichnung'
    """
    _nur(vorlage, "mitzeichnen", Drucksache)
    return _fire(vorlage, "mitzeichnen", am, akteur, notiz)


def freigeben(
    vorlage: Drucksache, *, am: _dt.datetime, akteur: str | None = None, notiz: str | None = None
) -> Drucksache:
    """Release a Vorlage (by the HVB); sets its ``datum`` if unknown.

    >>> import datetime as dt
    >>> from kommunalrecht import Beschlussvorlage
    >>> am = dt.datetime(2021, 9, 21, 8, tzinfo=dt.timezone.utc)
    >>> v = freigeben(Beschlussvorlage(id="https://example.org/v"), am=am, akteur="Landrat")
    >>> v.status.value, v.datum
    ('freigegeben', datetime.date(2021, 9, 21))
    """
    _nur(vorlage, "freigeben", Drucksache)
    return _fire(
        vorlage, "freigeben", am, akteur, notiz, datum=vorlage.datum or _recht.lokaler_tag(am)
    )


def aufrufen(
    obj: _O, *, am: _dt.datetime, akteur: str | None = None, notiz: str | None = None
) -> _O:
    """Call an item in the meeting (→ in Beratung): Tagesordnungspunkt, Beratung, Antrag.

    >>> import datetime as dt
    >>> from kommunalrecht import Tagesordnungspunkt
    >>> am = dt.datetime(2021, 11, 16, 15, tzinfo=dt.timezone.utc)
    >>> aufrufen(Tagesordnungspunkt(id="https://example.org/t"), am=am).status.value
    'in Beratung'
    """
    return _fire(obj, "aufrufen", am, akteur, notiz)


def zurueckstellen(
    obj: _O, *, am: _dt.datetime, akteur: str | None = None, notiz: str | None = None
) -> _O:
    """Defer an item because the Beschlussunfähigkeit was festgestellt (§ 49 Abs. 2 GO NRW).

    >>> import datetime as dt
    >>> from kommunalrecht import Tagesordnungspunkt
    >>> am = dt.datetime(2021, 11, 16, 15, tzinfo=dt.timezone.utc)
    >>> zurueckstellen(Tagesordnungspunkt(id="https://example.org/t"), am=am).status.value
    'zurückgestellt'
    """
    return _fire(obj, "zurueckstellen", am, akteur, notiz)


def absetzen(
    obj: _O, *, am: _dt.datetime, akteur: str | None = None, notiz: str | None = None
) -> _O:
    """Remove an item from the agenda by resolution (TOP, Beratung, Antrag).

    >>> import datetime as dt
    >>> from kommunalrecht import Tagesordnungspunkt
    >>> am = dt.datetime(2021, 11, 16, 15, tzinfo=dt.timezone.utc)
    >>> absetzen(Tagesordnungspunkt(id="https://example.org/t"), am=am).status.value
    'abgesetzt'
    """
    return _fire(obj, "absetzen", am, akteur, notiz)


def zurueckziehen(
    obj: _O, *, am: _dt.datetime, akteur: str | None = None, notiz: str | None = None
) -> _O:
    """Withdraw (Antragsteller: Antrag; administration: Vorlage; also Beratung, TOP).

    >>> import datetime as dt
    >>> from kommunalrecht import Antrag, Drucksachenstatus
    >>> am = dt.datetime(2021, 10, 1, tzinfo=dt.timezone.utc)
    >>> a = Antrag(id="https://example.org/a", status=Drucksachenstatus.EINGEREICHT)
    >>> zurueckziehen(a, am=am, akteur="SPD-Kreistagsfraktion").status.value
    'zurückgezogen'
    """
    return _fire(obj, "zurueckziehen", am, akteur, notiz)


def erledigen(
    obj: _O, *, am: _dt.datetime, akteur: str | None = None, notiz: str | None = None
) -> _O:
    """Mark as erledigt (carried out, or settled by a report): Antrag, Vorlage, TOP.

    >>> import datetime as dt
    >>> from kommunalrecht import Antrag, Drucksachenstatus
    >>> am = dt.datetime(2022, 3, 1, tzinfo=dt.timezone.utc)
    >>> a = Antrag(id="https://example.org/a", status=Drucksachenstatus.BESCHLOSSEN)
    >>> erledigen(a, am=am, notiz="umgesetzt").status.value
    'erledigt'
    """
    return _fire(obj, "erledigen", am, akteur, notiz)


def unterbrechen(
    sitzung: Sitzung, *, am: _dt.datetime, akteur: str | None = None, notiz: str | None = None
) -> Sitzung:
    """Interrupt an open Sitzung.

    >>> import datetime as dt
    >>> from kommunalrecht import Sitzung, Sitzungsstatus
    >>> am = dt.datetime(2021, 11, 16, 16, tzinfo=dt.timezone.utc)
    >>> s = Sitzung(id="https://example.org/s", status=Sitzungsstatus.EROEFFNET)
    >>> fortsetzen(unterbrechen(s, am=am), am=am).status.value
    'eröffnet'
    """
    _nur(sitzung, "unterbrechen", Sitzung)
    return _fire(sitzung, "unterbrechen", am, akteur, notiz)


def fortsetzen(
    sitzung: Sitzung, *, am: _dt.datetime, akteur: str | None = None, notiz: str | None = None
) -> Sitzung:
    """Resume an interrupted Sitzung.

    >>> import datetime as dt
    >>> from kommunalrecht import Sitzung, Sitzungsstatus
    >>> am = dt.datetime(2021, 11, 16, 16, tzinfo=dt.timezone.utc)
    >>> s = Sitzung(id="https://example.org/s", status=Sitzungsstatus.UNTERBROCHEN)
    >>> fortsetzen(s, am=am).status.value
    'eröffnet'
    """
    _nur(sitzung, "fortsetzen", Sitzung)
    return _fire(sitzung, "fortsetzen", am, akteur, notiz)


def schliessen(
    sitzung: Sitzung, *, am: _dt.datetime, akteur: str | None = None, notiz: str | None = None
) -> Sitzung:
    """Close an open Sitzung; sets ``ende`` to ``am`` if unknown.

    >>> import datetime as dt
    >>> from kommunalrecht import Sitzung, Sitzungsstatus
    >>> am = dt.datetime(2021, 11, 16, 17, tzinfo=dt.timezone.utc)
    >>> s = schliessen(Sitzung(id="https://example.org/s", status=Sitzungsstatus.EROEFFNET),
    ...                am=am)
    >>> s.status.value, s.ende == am
    ('geschlossen', True)
    """
    _nur(sitzung, "schliessen", Sitzung)
    return _fire(sitzung, "schliessen", am, akteur, notiz, ende=sitzung.ende or am)


def niederschrift_entwerfen(
    sitzung: Sitzung, *, am: _dt.datetime, akteur: str | None = None, notiz: str | None = None
) -> Sitzung:
    """Record that the Niederschrift has been drafted.

    >>> import datetime as dt
    >>> from kommunalrecht import Sitzung, Sitzungsstatus
    >>> am = dt.datetime(2021, 11, 20, tzinfo=dt.timezone.utc)
    >>> s = Sitzung(id="https://example.org/s", status=Sitzungsstatus.GESCHLOSSEN)
    >>> niederschrift_entwerfen(s, am=am).status.value
    'Niederschrift entworfen'
    """
    _nur(sitzung, "niederschrift_entwerfen", Sitzung)
    return _fire(sitzung, "niederschrift_entwerfen", am, akteur, notiz)


def absagen(
    sitzung: Sitzung, *, am: _dt.datetime, akteur: str | None = None, notiz: str | None = None
) -> Sitzung:
    """Cancel a Sitzung that has not been opened (OParl ``cancelled`` = true).

    >>> import datetime as dt
    >>> from kommunalrecht import Sitzung
    >>> am = dt.datetime(2021, 11, 10, tzinfo=dt.timezone.utc)
    >>> s = absagen(Sitzung(id="https://example.org/s"), am=am)
    >>> s.status.value, s.abgesagt
    ('abgesagt', True)
    """
    _nur(sitzung, "absagen", Sitzung)
    return _fire(sitzung, "absagen", am, akteur, notiz, abgesagt=True)


# --------------------------------------------------------------------------------------------
# agenda: aufnehmen


def aufnehmen(
    obj: _O,
    *,
    am: _dt.datetime,
    sitzung: str | None = None,
    tagesordnungspunkt: str | None = None,
    akteur: str | None = None,
    notiz: str | None = None,
) -> _O:
    """Put on an agenda: an Antrag (→ auf Tagesordnung), a Vorlage (→ in Beratung), a Beratung
    (→ auf Tagesordnung of ``sitzung``, as ``tagesordnungspunkt``; both ids are stored).

    >>> import datetime as dt
    >>> from kommunalrecht import Beratung
    >>> am = dt.datetime(2021, 11, 4, tzinfo=dt.timezone.utc)
    >>> b = aufnehmen(Beratung(id="https://example.org/b"), am=am,
    ...               sitzung="https://example.org/s", tagesordnungspunkt="https://example.org/t")
    >>> b.status.value, b.sitzung
    ('auf Tagesordnung', 'https://example.org/s')
    """
    if isinstance(obj, Beratung):
        return _fire(
            obj,
            "aufnehmen",
            am,
            akteur,
            notiz,
            sitzung=sitzung or obj.sitzung,
            tagesordnungspunkt=tagesordnungspunkt or obj.tagesordnungspunkt,
        )
    return _fire(obj, "aufnehmen", am, akteur, notiz)


# --------------------------------------------------------------------------------------------
# Sitzung: einladen, verlegen, eroeffnen, abbrechen, Niederschrift


def einladen(
    sitzung: Sitzung,
    *,
    am: _dt.datetime,
    einladungsdatum: _dt.date | None = None,
    zugang: _dt.date | None = None,
    dringlich: bool | None = None,
    einladung: Datei | None = None,
    akteur: str | None = None,
    notiz: str | None = None,
) -> Sitzung:
    """Send the Ladung (geplant / verlegt → eingeladen).

    ``einladungsdatum`` (default: the day of ``am`` in Europe/Berlin) is the date of the
    Ladung, ``zugang`` when it reached the members if known (else :func:`eroeffnen` derives it
    from the GeschO's Zugang rule), ``dringlich`` marks a Ladung with the shortened Frist. A
    Sitzung without a known day cannot be convened.

    >>> import datetime as dt
    >>> from kommunalrecht import Sitzung
    >>> am = dt.datetime(2021, 11, 4, 9, tzinfo=dt.timezone.utc)
    >>> einladen(Sitzung(id="https://example.org/s"), am=am)
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.TransitionError: Sitzung: event 'einladen' refused in state 'geplant' (allowed: einladen, verlegen, absagen): der Sitzungstag ist unbekannt (datum / beginn fehlen)
    """
    _nur(sitzung, "einladen", Sitzung)

    def waechter(_: object) -> str | None:
        if sitzung.tag is None:
            return "der Sitzungstag ist unbekannt (datum / beginn fehlen)"
        return None

    return _fire(
        sitzung,
        "einladen",
        am,
        akteur,
        notiz,
        waechter,
        einladungsdatum=einladungsdatum or _recht.lokaler_tag(am),
        einladung_zugang=zugang,
        dringlich=sitzung.dringlich if dringlich is None else dringlich,
        einladung=einladung or sitzung.einladung,
    )


def verlegen(
    sitzung: Sitzung,
    *,
    am: _dt.datetime,
    datum: _dt.date | None = None,
    beginn: _dt.datetime | None = None,
    ende: _dt.datetime | None = None,
    akteur: str | None = None,
    notiz: str | None = None,
) -> Sitzung:
    """Move a Sitzung to a new day (→ verlegt). The old Ladung no longer counts: the date of
    the Ladung and its Zugang are cleared (they stay in the Verlauf) and a new :func:`einladen`
    with a new Frist is needed.

    >>> import datetime as dt
    >>> from kommunalrecht import Sitzung, Sitzungsstatus
    >>> am = dt.datetime(2021, 11, 8, tzinfo=dt.timezone.utc)
    >>> s = Sitzung(id="https://example.org/s", datum=dt.date(2021, 11, 16),
    ...             einladungsdatum=dt.date(2021, 11, 4), status=Sitzungsstatus.EINGELADEN)
    >>> v = verlegen(s, am=am, datum=dt.date(2021, 11, 23))
    >>> v.status.value, v.tag, v.einladungsdatum
    ('verlegt', datetime.date(2021, 11, 23), None)
    """
    _nur(sitzung, "verlegen", Sitzung)

    def waechter(_: object) -> str | None:
        if datum is None and beginn is None:
            return "ein neuer Termin fehlt (datum= oder beginn=)"
        return None

    return _fire(
        sitzung,
        "verlegen",
        am,
        akteur,
        notiz or f"bisher: {sitzung.tag}",
        waechter,
        datum=datum if datum is not None else (beginn.date() if beginn is not None else None),
        beginn=beginn,
        ende=ende,
        einladungsdatum=None,
        einladung_zugang=None,
    )


def eroeffnen(
    sitzung: Sitzung,
    *,
    am: _dt.datetime,
    go: _GoArg,
    land: Any = None,
    anwesend: int | None = None,
    mitglieder: int | None = None,
    akteur: str | None = None,
    notiz: str | None = None,
) -> Sitzung:
    """Open the Sitzung (eingeladen → eröffnet); sets ``beginn`` to ``am`` if unknown.

    Guards: not before the Sitzungstag; the Ladung met the GeschO's Ladungsfrist (the
    shortened Frist if the Sitzung is ``dringlich``; § 47 Abs. 2 S. 1 GO NRW, § 32 Abs. 2 KrO
    NRW, § 58 Abs. 1 HGO …); with ``anwesend`` and ``mitglieder`` (gesetzliche
    Mitgliederzahl) the body must be beschlussfähig (§ 49 Abs. 1 GO NRW …). ``land`` is
    needed only when the GeschO counts Werktage (holidays), unless ``go`` is a Landesprofil.

    >>> import datetime as dt
    >>> from kommunalrecht import Sitzung, Sitzungsstatus
    >>> from kommunalrecht.recht import Geschaeftsordnung
    >>> s = Sitzung(id="https://example.org/s", datum=dt.date(2021, 11, 16),
    ...             einladungsdatum=dt.date(2021, 11, 4), status=Sitzungsstatus.EINGELADEN)
    >>> am = dt.datetime(2021, 11, 16, 15, tzinfo=dt.timezone.utc)
    >>> sieben = Geschaeftsordnung.from_dict({"ladung": {"frist": {"tage": 7}}})
    >>> eroeffnen(s, am=am, go=sieben).status.value
    'eröffnet'
    >>> vierzehn = Geschaeftsordnung.from_dict({"ladung": {"frist": {"tage": 14}}})
    >>> eroeffnen(s, am=am, go=vierzehn)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.TransitionError: Sitzung: event 'eroeffnen' refused in state 'eingeladen' (allowed: eroeffnen, verlegen, absagen): Ladungsfrist nicht eingehalten: Ladung vom Do 04.11.2021, Zugang (elektronisch) am Do 04.11.2021, erforderlich spätestens Mo 01.11.2021 (14 volle Kalendertage vor dem Sitzungstag Di 16.11.2021; ...)
    """
    _nur(sitzung, "eroeffnen", Sitzung)
    pruefe_zeitpunkt("Sitzung", am)
    _recht.geschaeftsordnung(go)

    def waechter(_: object) -> str | None:
        tag = sitzung.tag
        if tag is not None and _recht.lokaler_tag(am) < tag:
            return f"die Sitzung ist auf den {tag:%d.%m.%Y} geladen und kann nicht vorher beginnen"
        _, grund = _recht.ladungsfrist(sitzung, go, land)
        if grund is not None:
            return grund
        if anwesend is not None:
            return _recht.beschlussfaehigkeit(
                go,
                Abstimmung(anwesend=anwesend),
                mitglieder=mitglieder,
                wiederholungssitzung=bool(sitzung.wiederholungssitzung),
            )
        return None

    return _fire(sitzung, "eroeffnen", am, akteur, notiz, waechter, beginn=sitzung.beginn or am)


def abbrechen(
    sitzung: Sitzung, *, am: _dt.datetime, akteur: str | None = None, notiz: str | None = None
) -> Sitzung:
    """Break off the Sitzung because the Beschlussunfähigkeit was festgestellt (§ 49 GO NRW).

    Cross-object effect, explicit: every embedded Tagesordnungspunkt still open (geplant or
    in Beratung) is :func:`zurueckstellen`-ed with the same ``am`` — the basis of the second
    meeting rule (§ 49 Abs. 2 GO NRW).

    >>> import datetime as dt
    >>> from kommunalrecht import Sitzung, Sitzungsstatus, Tagesordnungspunkt
    >>> am = dt.datetime(2021, 11, 16, 16, tzinfo=dt.timezone.utc)
    >>> s = Sitzung(id="https://example.org/s", status=Sitzungsstatus.EROEFFNET,
    ...             tagesordnung=(Tagesordnungspunkt(id="https://example.org/t"),))
    >>> a = abbrechen(s, am=am, notiz="Beschlussunfähigkeit festgestellt")
    >>> a.status.value, a.tagesordnung[0].status.value
    ('abgebrochen', 'zurückgestellt')
    """
    _nur(sitzung, "abbrechen", Sitzung)
    neue = _fire(sitzung, "abbrechen", am, akteur, notiz)
    offen = {None, Tagesordnungspunktstatus.GEPLANT, Tagesordnungspunktstatus.IN_BERATUNG}
    tops = tuple(
        zurueckstellen(t, am=am, akteur=akteur, notiz="Sitzung abgebrochen")
        if t.status in offen
        else t
        for t in sitzung.tagesordnung
    )
    return attrs.evolve(neue, tagesordnung=tops)


def niederschrift_unterzeichnen(
    sitzung: Sitzung,
    *,
    am: _dt.datetime,
    unterzeichnet_von: Iterable[Unterzeichner] = (),
    go: _GoArg | None = None,
    akteur: str | None = None,
    notiz: str | None = None,
) -> Sitzung:
    """Sign the Niederschrift. With ``go``, every signer the GeschO requires
    (``niederschrift.unterzeichner``; § 52 GO NRW, § 37 KrO NRW: chair and Schriftführer)
    must be in ``unterzeichnet_von``.

    >>> import datetime as dt
    >>> from kommunalrecht import Sitzung, Sitzungsstatus
    >>> from kommunalrecht.recht import Geschaeftsordnung, Unterzeichner
    >>> am = dt.datetime(2021, 11, 25, tzinfo=dt.timezone.utc)
    >>> s = Sitzung(id="https://example.org/s", status=Sitzungsstatus.GESCHLOSSEN)
    >>> niederschrift_unterzeichnen(s, am=am, go=Geschaeftsordnung(),
    ...     unterzeichnet_von=[Unterzeichner.VORSITZ]) # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.TransitionError: ...: es fehlt die Unterschrift von: schriftfuehrer (niederschrift.unterzeichner; ...)
    """
    _nur(sitzung, "niederschrift_unterzeichnen", Sitzung)
    von = set(unterzeichnet_von)

    def waechter(_: object) -> str | None:
        if go is None:
            return None
        fehlt = [
            u.value
            for u in _recht.geschaeftsordnung(go).niederschrift.unterzeichner
            if u not in von
        ]
        if fehlt:
            zitat = _recht.norm(go, "niederschrift.unterzeichner")
            if zitat == "GeschO":
                zitat = "§ 52 GO NRW, § 37 KrO NRW"
            return (
                f"es fehlt die Unterschrift von: {', '.join(fehlt)} "
                f"(niederschrift.unterzeichner; {zitat})"
            )
        return None

    return _fire(sitzung, "niederschrift_unterzeichnen", am, akteur, notiz, waechter)


# --------------------------------------------------------------------------------------------
# decisions


def _vorberatungen_offen(drucksache: Drucksache, ohne: str | None = None) -> list[Beratung]:
    return [
        b
        for b in drucksache.beratungen
        if b.id != ohne
        and (b.rolle is Beratungsrolle.VORBERATUNG or b.entscheidend is False)
        and b.rolle is not Beratungsrolle.KENNTNISNAHME
        and b.status is not Beratungsstatus.BERATEN
    ]


def _vorberatung_grund(drucksache: Drucksache, ohne: str | None = None) -> str | None:
    offen = _vorberatungen_offen(drucksache, ohne)
    if not offen:
        return None
    namen = ", ".join(f"{b.id} ({b.datum:%d.%m.%Y})" if b.datum else b.id for b in offen)
    return (
        f"die Entscheidung setzt die Vorberatung voraus; noch nicht beraten: {namen} "
        "(Beratungsfolge; § 50 Abs. 1 S. 2 KrO NRW: der Kreisausschuss bereitet die Beschlüsse "
        "des Kreistags vor)"
    )


def _ist_entscheidung(b: Beratung) -> bool:
    return bool(b.entscheidend) or b.rolle is Beratungsrolle.ENTSCHEIDUNG


def beraten(
    beratung: Beratung,
    *,
    am: _dt.datetime,
    ergebnis: BeschlussErgebnis | None = None,
    drucksache: Drucksache | None = None,
    akteur: str | None = None,
    notiz: str | None = None,
) -> Beratung:
    """Finish a Beratung (in Beratung → beraten) with its ``ergebnis`` (e.g. EMPFOHLEN, ZUR_
    KENNTNIS_GENOMMEN). For a vote use :func:`beschliessen`, which computes the outcome.

    Guard: for the deciding Beratung, with the paper given (``drucksache=``; :func:`anwenden`
    passes it), every Vorberatung of its Beratungsfolge must be beraten already.

    >>> import datetime as dt
    >>> from kommunalrecht import Beratung, Beratungsstatus, BeschlussErgebnis
    >>> am = dt.datetime(2021, 9, 27, 15, tzinfo=dt.timezone.utc)
    >>> b = Beratung(id="https://example.org/b", status=Beratungsstatus.IN_BERATUNG)
    >>> beraten(b, am=am, ergebnis=BeschlussErgebnis.ZUR_KENNTNIS_GENOMMEN).ergebnis.value
    'zur Kenntnis genommen'
    """
    _nur(beratung, "beraten", Beratung)

    def waechter(_: object) -> str | None:
        if drucksache is not None and _ist_entscheidung(beratung):
            return _vorberatung_grund(drucksache, ohne=beratung.id)
        return None

    return _fire(
        beratung, "beraten", am, akteur, notiz, waechter, ergebnis=ergebnis or beratung.ergebnis
    )


def beschliessen(
    obj: _O,
    *,
    am: _dt.datetime,
    abstimmung: Abstimmung,
    go: _GoArg,
    geaendert: bool = False,
    text: str | None = None,
    mitglieder: int | None = None,
    mehrheit: Mehrheit | None = None,
    wiederholungssitzung: bool = False,
    drucksache: Drucksache | None = None,
    akteur: str | None = None,
    notiz: str | None = None,
) -> _O:
    """Vote on an item; the GeschO decides the outcome, never the caller.

    Guards: Beschlussfähigkeit (:func:`kommunalrecht.recht.beschlussfaehig` with the
    attendance in ``abstimmung`` and the gesetzliche Mitgliederzahl ``mitglieder``; unknown
    counts fall back to the GeschO's fiction, § 49 Abs. 1 S. 2 GO NRW), a valid vote (no
    abstentions where forbidden, Art. 48 Abs. 1 S. 2 BayGO). The outcome is decided by
    :func:`kommunalrecht.recht.ergebnis` (Stimmenmehrheit, tie = Ablehnung, § 50 Abs. 1 GO
    NRW; ``mehrheit`` for a qualified majority) and fires ``beschliessen`` /
    ``geaendert_beschliessen`` (with ``geaendert=True``) or ``ablehnen``:

    * Tagesordnungspunkt: status and ``beschluss`` (Ergebnis, Text, Abstimmung);
    * Beratung: → beraten with ``ergebnis`` (a Vorberatung yields EMPFOHLEN / NICHT_EMPFOHLEN);
      the deciding Beratung needs its Vorberatungen beraten (``drucksache=``);
    * Antrag, Beschlussvorlage: the paper's status. A Vorlage needs its Vorberatungen beraten;
      one whose Beschlussvorschlag "ergibt sich aus den Beratungen" needs the adopted ``text``.

    >>> import datetime as dt
    >>> from kommunalrecht import Abstimmung, Tagesordnungspunkt, Tagesordnungspunktstatus
    >>> from kommunalrecht.recht import Geschaeftsordnung
    >>> am = dt.datetime(2021, 11, 16, 16, tzinfo=dt.timezone.utc)
    >>> top = Tagesordnungspunkt(id="https://example.org/t",
    ...                          status=Tagesordnungspunktstatus.IN_BERATUNG)
    >>> t = beschliessen(top, am=am, go=Geschaeftsordnung(), mitglieder=17,
    ...                  abstimmung=Abstimmung(ja=8, nein=8, enthaltung=1, anwesend=17))
    >>> t.status.value, t.beschluss.ergebnis.value
    ('abgelehnt', 'abgelehnt')
    >>> beschliessen(top, am=am, go=Geschaeftsordnung(), mitglieder=17,
    ...              abstimmung=Abstimmung(ja=5, nein=1, anwesend=6))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.TransitionError: ...: nicht beschlussfähig: 6 von 17 gesetzlichen Mitgliedern anwesend, erforderlich mehr als die Hälfte (9; ...)
    """
    _nur(obj, "beschliessen", Tagesordnungspunkt, Beratung, Drucksache)
    if not isinstance(abstimmung, Abstimmung):
        raise InvariantError(automat(obj).art, "abstimmung", "an Abstimmung", abstimmung)
    _recht.geschaeftsordnung(go)
    angenommen, auszaehlung = _recht.auszaehlen(
        go, abstimmung, mitglieder=mitglieder, mehrheit=mehrheit
    )
    if angenommen is None:
        ereignis = "beschliessen"
    elif angenommen:
        ereignis = "geaendert_beschliessen" if geaendert else "beschliessen"
    else:
        ereignis = "ablehnen"

    def waechter(_: object) -> str | None:
        grund = _recht.beschlussfaehigkeit(
            go, abstimmung, mitglieder=mitglieder, wiederholungssitzung=wiederholungssitzung
        )
        if grund is not None:
            return grund
        if angenommen is None:
            return auszaehlung
        if isinstance(obj, Beratung) and drucksache is not None and _ist_entscheidung(obj):
            return _vorberatung_grund(drucksache, ohne=obj.id)
        if isinstance(obj, Drucksache) and not isinstance(obj, Antrag):
            grund = _vorberatung_grund(obj)
            if grund is not None:
                return grund
            offen = bool(getattr(obj, "beschlussvorschlag_offen", False))
            if angenommen and offen and text is None:
                return (
                    "der Beschlussvorschlag ergibt sich aus den Beratungen: der beschlossene "
                    "Text muss angegeben werden (text=; OParl AgendaItem.resolutionText)"
                )
        return None

    if isinstance(obj, Beratung):
        vor = obj.rolle is Beratungsrolle.VORBERATUNG
        if vor:
            ergebnis = (
                BeschlussErgebnis.EMPFOHLEN if angenommen else BeschlussErgebnis.NICHT_EMPFOHLEN
            )
        else:
            ergebnis = _ergebnis(angenommen, geaendert)
        notiz = notiz or auszaehlung
        return uebergang(
            obj,
            BERATUNG,
            "beraten",
            am=am,
            akteur=akteur,
            notiz=notiz,
            waechter=waechter,
            aenderungen={"ergebnis": ergebnis},
        )
    aenderungen: dict[str, Any] = {}
    if isinstance(obj, Tagesordnungspunkt):
        aenderungen["beschluss"] = Beschluss(
            ergebnis=_ergebnis(angenommen, geaendert), text=text, abstimmung=abstimmung
        )
    return _fire(obj, ereignis, am, akteur, notiz or auszaehlung, waechter, **aenderungen)


def _ergebnis(angenommen: bool | None, geaendert: bool) -> BeschlussErgebnis:
    if not angenommen:
        return BeschlussErgebnis.ABGELEHNT
    if geaendert:
        return BeschlussErgebnis.GEAENDERT_BESCHLOSSEN
    return BeschlussErgebnis.UNGEAENDERT_BESCHLOSSEN


def kenntnis_nehmen(
    obj: _O,
    *,
    am: _dt.datetime,
    regel: Landesprofil | Nachbehandlung | None = None,
    akteur: str | None = None,
    notiz: str | None = None,
) -> _O:
    """Take note (→ zur Kenntnis genommen): TOP (sets the Beschluss), Antrag, Vorlage, and a
    Dringlichkeitsentscheidung where the Land requires only Kenntnisgabe (``regel``: the
    Landesprofil or its Nachbehandlung; Art. 37 Abs. 3 BayGO). Where the Land requires
    Genehmigung (§ 60 Abs. 1 GO NRW) Kenntnisnahme is refused.

    >>> import datetime as dt
    >>> from kommunalrecht import Tagesordnungspunkt, Tagesordnungspunktstatus
    >>> am = dt.datetime(2021, 11, 16, 16, tzinfo=dt.timezone.utc)
    >>> t = Tagesordnungspunkt(id="https://example.org/t",
    ...                        status=Tagesordnungspunktstatus.IN_BERATUNG)
    >>> kenntnis_nehmen(t, am=am).beschluss.ergebnis.value
    'zur Kenntnis genommen'
    """
    if isinstance(obj, Dringlichkeitsentscheidung):
        return _de_abschluss(obj, "kenntnis_nehmen", am, regel, akteur, notiz)
    aenderungen: dict[str, Any] = {}
    if isinstance(obj, Tagesordnungspunkt):
        aenderungen["beschluss"] = attrs.evolve(
            obj.beschluss or Beschluss(), ergebnis=BeschlussErgebnis.ZUR_KENNTNIS_GENOMMEN
        )
    return _fire(obj, "kenntnis_nehmen", am, akteur, notiz, **aenderungen)


# --------------------------------------------------------------------------------------------
# vertagen / verweisen: the TOP returns the Beratung for the next Sitzung


@attrs.frozen(kw_only=True)
class Folgeberatung:
    """Result of :func:`vertagen` / :func:`verweisen` on a Tagesordnungspunkt: the TOP, its old
    Beratung (vertagt / verwiesen) and the new Beratung where the matter continues.

    >>> import datetime as dt
    >>> from kommunalrecht import Tagesordnungspunkt
    >>> am = dt.datetime(2021, 11, 16, 16, tzinfo=dt.timezone.utc)
    >>> f = vertagen(Tagesordnungspunkt(id="https://example.org/t"), am=am)
    >>> f.tagesordnungspunkt.status.value, f.beratung, f.neue_beratung
    ('vertagt', None, None)
    """

    tagesordnungspunkt: Tagesordnungspunkt
    beratung: Beratung | None = None
    neue_beratung: Beratung | None = None


def _folge(
    top: Tagesordnungspunkt,
    ereignis: str,
    am: _dt.datetime,
    beratung: Beratung | None,
    neue_beratung_id: str | None,
    sitzung: str | None,
    gremien: tuple[str, ...] | None,
    akteur: str | None,
    notiz: str | None,
) -> Folgeberatung:
    if beratung is not None and top.beratung is not None and beratung.id != top.beratung:
        raise InvariantError(
            "Tagesordnungspunkt", "beratung", f"the Beratung {top.beratung}", beratung.id
        )
    neuer_top = _fire(top, ereignis, am, akteur, notiz)
    alte = None if beratung is None else _fire(beratung, ereignis, am, akteur, notiz)
    neue = None
    if neue_beratung_id is not None:
        vorlage = beratung or Beratung(id=neue_beratung_id, drucksache=top.drucksache)
        neue = Beratung(
            id=neue_beratung_id,
            drucksache=vorlage.drucksache or top.drucksache,
            sitzung=sitzung,
            gremien=gremien if gremien is not None else vorlage.gremien,
            entscheidend=vorlage.entscheidend,
            rolle=vorlage.rolle,
            rolle_text=vorlage.rolle_text,
            federfuehrend=vorlage.federfuehrend,
        )
    return Folgeberatung(tagesordnungspunkt=neuer_top, beratung=alte, neue_beratung=neue)


@overload
def vertagen(
    obj: Tagesordnungspunkt,
    *,
    am: _dt.datetime,
    beratung: Beratung | None = ...,
    neue_beratung_id: str | None = ...,
    naechste_sitzung: str | None = ...,
    akteur: str | None = ...,
    notiz: str | None = ...,
) -> Folgeberatung: ...
@overload
def vertagen(
    obj: _O,
    *,
    am: _dt.datetime,
    beratung: Beratung | None = ...,
    neue_beratung_id: str | None = ...,
    naechste_sitzung: str | None = ...,
    akteur: str | None = ...,
    notiz: str | None = ...,
) -> _O: ...
def vertagen(
    obj: Any,
    *,
    am: _dt.datetime,
    beratung: Beratung | None = None,
    neue_beratung_id: str | None = None,
    naechste_sitzung: str | None = None,
    akteur: str | None = None,
    notiz: str | None = None,
) -> Any:
    """Postpone an item. On a Tagesordnungspunkt returns a :class:`Folgeberatung`: the TOP
    (vertagt), its ``beratung`` (vertagt, if given) and — with ``neue_beratung_id`` — a new
    Beratung (geplant, same paper, Gremium and role) for ``naechste_sitzung``. On an Antrag or
    a Beratung returns the object (vertagt).

    >>> import datetime as dt
    >>> from kommunalrecht import Beratung, Beratungsrolle, Beratungsstatus, Tagesordnungspunkt
    >>> am = dt.datetime(2021, 11, 16, 16, tzinfo=dt.timezone.utc)
    >>> b = Beratung(id="https://example.org/b1", status=Beratungsstatus.AUF_TAGESORDNUNG,
    ...              rolle=Beratungsrolle.ENTSCHEIDUNG, gremien=("https://example.org/asi",))
    >>> t = Tagesordnungspunkt(id="https://example.org/t", beratung=b.id)
    >>> f = vertagen(t, am=am, beratung=b, neue_beratung_id="https://example.org/b2",
    ...              naechste_sitzung="https://example.org/s2")
    >>> f.beratung.status.value, f.neue_beratung.status, f.neue_beratung.sitzung
    ('vertagt', None, 'https://example.org/s2')
    """
    if isinstance(obj, Tagesordnungspunkt):
        return _folge(
            obj, "vertagen", am, beratung, neue_beratung_id, naechste_sitzung, None, akteur, notiz
        )
    return _fire(obj, "vertagen", am, akteur, notiz)


@overload
def verweisen(
    obj: Tagesordnungspunkt,
    *,
    am: _dt.datetime,
    an: str | None = ...,
    beratung: Beratung | None = ...,
    neue_beratung_id: str | None = ...,
    sitzung: str | None = ...,
    akteur: str | None = ...,
    notiz: str | None = ...,
) -> Folgeberatung: ...
@overload
def verweisen(
    obj: _O,
    *,
    am: _dt.datetime,
    an: str | None = ...,
    beratung: Beratung | None = ...,
    neue_beratung_id: str | None = ...,
    sitzung: str | None = ...,
    akteur: str | None = ...,
    notiz: str | None = ...,
) -> _O: ...
def verweisen(
    obj: Any,
    *,
    am: _dt.datetime,
    an: str | None = None,
    beratung: Beratung | None = None,
    neue_beratung_id: str | None = None,
    sitzung: str | None = None,
    akteur: str | None = None,
    notiz: str | None = None,
) -> Any:
    """Refer an item to another Gremium ``an`` (an id). On a Tagesordnungspunkt returns a
    :class:`Folgeberatung` whose new Beratung (with ``neue_beratung_id``) is planned in that
    Gremium (a Vorberatung, unless the old Beratung had another role); on an Antrag or a
    Beratung returns the object (verwiesen).

    >>> import datetime as dt
    >>> from kommunalrecht import Tagesordnungspunkt, Tagesordnungspunktstatus
    >>> am = dt.datetime(2021, 11, 16, 16, tzinfo=dt.timezone.utc)
    >>> t = Tagesordnungspunkt(id="https://example.org/t",
    ...                        status=Tagesordnungspunktstatus.IN_BERATUNG)
    >>> f = verweisen(t, am=am, an="https://example.org/ausschuss",
    ...               neue_beratung_id="https://example.org/b2")
    >>> f.tagesordnungspunkt.status.value, f.neue_beratung.gremien
    ('verwiesen', ('https://example.org/ausschuss',))
    """
    if isinstance(obj, Tagesordnungspunkt):
        return _folge(
            obj,
            "verweisen",
            am,
            beratung,
            neue_beratung_id,
            sitzung,
            (an,) if an else None,
            akteur,
            notiz or (f"verwiesen an {an}" if an else None),
        )
    return _fire(obj, "verweisen", am, akteur, notiz or (f"verwiesen an {an}" if an else None))


# --------------------------------------------------------------------------------------------
# Genehmigung: Niederschrift and Dringlichkeitsentscheidung


def genehmigen(
    obj: _O,
    *,
    am: _dt.datetime,
    go: _GoArg | None = None,
    regel: Landesprofil | Nachbehandlung | None = None,
    akteur: str | None = None,
    notiz: str | None = None,
) -> _O:
    """Approve: the Niederschrift of a Sitzung (guard with ``go``: the GeschO provides a
    Genehmigung, ``niederschrift.genehmigung``; Art. 54 Abs. 2 BayGO), or a
    Dringlichkeitsentscheidung (guard: ``regel`` — the Landesprofil or its Nachbehandlung —
    requires Genehmigung, § 60 Abs. 1 GO NRW / § 50 Abs. 3 KrO NRW; in BY only Kenntnisgabe).

    >>> import datetime as dt
    >>> from kommunalrecht import Dringlichkeitsentscheidung, Dringlichkeitsstatus
    >>> from kommunalrecht.recht import Nachbehandlung
    >>> am = dt.datetime(2021, 11, 16, 16, tzinfo=dt.timezone.utc)
    >>> d = Dringlichkeitsentscheidung(id="https://example.org/d",
    ...                                status=Dringlichkeitsstatus.VORGELEGT)
    >>> genehmigen(d, am=am, regel=Nachbehandlung.GENEHMIGUNG).status.value
    'genehmigt'
    >>> genehmigen(d, am=am, regel=Nachbehandlung.KENNTNISGABE)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.TransitionError: ...: keine Genehmigung vorgesehen, nur Kenntnisgabe (Art. 37 Abs. 3 BayGO)
    """
    if isinstance(obj, Dringlichkeitsentscheidung):
        return _de_abschluss(obj, "genehmigen", am, regel, akteur, notiz)
    _nur(obj, "genehmigen", Sitzung)

    def waechter(_: object) -> str | None:
        if go is not None:
            g = _recht.geschaeftsordnung(go).niederschrift.genehmigung
            if g is Genehmigung.NONE:
                return (
                    "die GeschO sieht keine Genehmigung der Niederschrift vor "
                    "(niederschrift.genehmigung = none; § 52 GO NRW: wirksam mit den "
                    "Unterschriften)"
                )
        return None

    return _fire(obj, "genehmigen", am, akteur, notiz, waechter)


def _de_abschluss(
    de: _O,
    ereignis: str,
    am: _dt.datetime,
    regel: Landesprofil | Nachbehandlung | None,
    akteur: str | None,
    notiz: str | None,
) -> _O:
    if regel is None:
        raise ConfigError(
            "regel", "a recht.Landesprofil or recht.Nachbehandlung (what the Land requires)", None
        )
    art, zitat = _recht.nachbehandlung(regel)

    def waechter(_: object) -> str | None:
        if art is Nachbehandlung.NICHT_VORGESEHEN:
            return f"das Landesrecht sieht keine Dringlichkeitsentscheidung vor ({zitat})"
        if ereignis == "kenntnis_nehmen" and art is Nachbehandlung.GENEHMIGUNG:
            return (
                f"die Dringlichkeitsentscheidung bedarf der Genehmigung, Kenntnisnahme genügt "
                f"nicht ({zitat})"
            )
        if ereignis in ("genehmigen", "aufheben") and art is Nachbehandlung.KENNTNISGABE:
            return f"keine Genehmigung vorgesehen, nur Kenntnisgabe ({zitat})"
        if ereignis == "aufheben" and getattr(de, "rechte_dritter", None):
            return (
                "Aufhebung ausgeschlossen: durch die Ausführung sind bereits Rechte Dritter "
                f"entstanden (§ 60 Abs. 1 S. 4 GO NRW; {zitat})"
            )
        return None

    return _fire(de, ereignis, am, akteur, notiz, waechter)


def aufheben(
    de: Dringlichkeitsentscheidung,
    *,
    am: _dt.datetime,
    regel: Landesprofil | Nachbehandlung,
    akteur: str | None = None,
    notiz: str | None = None,
) -> Dringlichkeitsentscheidung:
    """Revoke a Dringlichkeitsentscheidung instead of approving it — only where Genehmigung is
    required and no Rechte Dritter have arisen (§ 60 Abs. 1 S. 4 GO NRW).

    >>> import datetime as dt
    >>> from kommunalrecht import Dringlichkeitsentscheidung, Dringlichkeitsstatus
    >>> from kommunalrecht.recht import Nachbehandlung
    >>> am = dt.datetime(2021, 11, 16, 16, tzinfo=dt.timezone.utc)
    >>> d = Dringlichkeitsentscheidung(id="https://example.org/d", rechte_dritter=True,
    ...                                status=Dringlichkeitsstatus.VORGELEGT)
    >>> aufheben(d, am=am, regel=Nachbehandlung.GENEHMIGUNG)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.TransitionError: ...: Aufhebung ausgeschlossen: ... Rechte Dritter entstanden ...
    """
    _nur(de, "aufheben", Dringlichkeitsentscheidung)
    return _de_abschluss(de, "aufheben", am, regel, akteur, notiz)


def treffen(
    de: Dringlichkeitsentscheidung,
    *,
    am: _dt.datetime,
    entscheidende: Iterable[str] = (),
    entscheidendes_gremium: str | None = None,
    akteur: str | None = None,
    notiz: str | None = None,
) -> Dringlichkeitsentscheidung:
    """Take the Dringlichkeitsentscheidung (angefordert → getroffen); sets ``datum`` (the day
    of ``am``) and who decided, if given.

    >>> import datetime as dt
    >>> from kommunalrecht import Dringlichkeitsentscheidung
    >>> am = dt.datetime(2021, 10, 4, 12, tzinfo=dt.timezone.utc)
    >>> d = treffen(Dringlichkeitsentscheidung(id="https://example.org/d"), am=am,
    ...             entscheidende=("https://example.org/landrat", "https://example.org/mitglied"))
    >>> d.status.value, d.datum
    ('getroffen', datetime.date(2021, 10, 4))
    """
    _nur(de, "treffen", Dringlichkeitsentscheidung)
    personen = tuple(entscheidende) or de.entscheidende
    return _fire(
        de,
        "treffen",
        am,
        akteur,
        notiz,
        datum=de.datum or _recht.lokaler_tag(am),
        entscheidende=personen,
        entscheidendes_gremium=entscheidendes_gremium or de.entscheidendes_gremium,
    )


def vorlegen(
    de: Dringlichkeitsentscheidung,
    *,
    am: _dt.datetime,
    sitzung: Sitzung,
    bestand: Bestand | None = None,
    akteur: str | None = None,
    notiz: str | None = None,
) -> Dringlichkeitsentscheidung:
    """Submit the decision to the competent body's ``sitzung`` (→ zur Genehmigung vorgelegt).

    Guards: the Sitzung is one of the ``zustaendiges_gremium`` (if known) and not before the
    decision; with a ``bestand``, it is the *next* such Sitzung — no earlier, not cancelled
    Sitzung of that Gremium after the decision was skipped (§ 60 Abs. 1 S. 3 GO NRW: "in der
    nächsten Sitzung").

    >>> import datetime as dt
    >>> from kommunalrecht import Dringlichkeitsentscheidung, Dringlichkeitsstatus, Sitzung
    >>> am = dt.datetime(2021, 11, 16, 15, tzinfo=dt.timezone.utc)
    >>> d = Dringlichkeitsentscheidung(id="https://example.org/d", datum=dt.date(2021, 10, 4),
    ...     zustaendiges_gremium="https://example.org/kt", status=Dringlichkeitsstatus.GETROFFEN)
    >>> s = Sitzung(id="https://example.org/s", datum=dt.date(2021, 11, 16),
    ...             gremien=("https://example.org/kt",))
    >>> vorlegen(d, am=am, sitzung=s).sitzung
    'https://example.org/s'
    """
    _nur(de, "vorlegen", Dringlichkeitsentscheidung)
    if not isinstance(sitzung, Sitzung):
        raise InvariantError("Dringlichkeitsentscheidung", "sitzung", "a Sitzung", sitzung)

    def waechter(_: object) -> str | None:
        g = de.zustaendiges_gremium
        if g is not None and sitzung.gremien and g not in sitzung.gremien:
            return (
                f"die Sitzung {sitzung.id} ist keine Sitzung des zuständigen Gremiums {g} "
                "(§ 60 Abs. 1 S. 3 GO NRW, § 50 Abs. 3 KrO NRW)"
            )
        tag = sitzung.tag
        if tag is not None and de.datum is not None and tag < de.datum:
            return f"die Sitzung ({tag:%d.%m.%Y}) liegt vor der Entscheidung ({de.datum:%d.%m.%Y})"
        if bestand is not None and g is not None and tag is not None and de.datum is not None:
            frueher = sorted(
                (s.tag, s.id)
                for s in bestand.alle(Sitzung)
                if g in s.gremien
                and s.tag is not None
                and de.datum <= s.tag < tag
                and not s.abgesagt
                and s.id != sitzung.id
            )
            if frueher:
                t, sid = frueher[0]
                return (
                    f"nicht die nächste Sitzung des Gremiums: {sid} am {t:%d.%m.%Y} liegt "
                    "dazwischen (§ 60 Abs. 1 S. 3 GO NRW: Genehmigung in der nächsten Sitzung)"
                )
        return None

    return _fire(de, "vorlegen", am, akteur, notiz, waechter, sitzung=sitzung.id)
