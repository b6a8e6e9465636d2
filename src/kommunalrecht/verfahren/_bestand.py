"""Applying events to a whole :class:`~kommunalrecht.Bestand` (cross-object effects explicit).

A transition function changes one object; :func:`anwenden` finds the object by id in a
Bestand, resolves the other objects its guards need from the Bestand (the paper of a
Beratung, the Beratung of a Tagesordnungspunkt, the Sitzung a Dringlichkeitsentscheidung is
submitted to), calls the function and puts every returned object back — also embedded ones
(a TOP inside its Sitzung, a Beratung inside its Drucksache) — returning a new Bestand.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ..errors import InvariantError
from ..model import Beratung, Bestand, Dringlichkeitsentscheidung, Drucksache, Objekt, Sitzung
from ..model import Tagesordnungspunkt as _TOP
from ..model._base import EMBEDDED
from . import ereignisse as _ev

__all__ = ["Ereignis", "anwenden"]

_FUNKTIONEN = {name: getattr(_ev, name) for name in _ev.__all__ if name[0].islower()}
_FUNKTIONEN.pop("automat")


@attrs.frozen
class Ereignis:
    """One event for :func:`anwenden`: the object's id, the event (the transition function's
    name) and its keyword arguments (``am=`` required).

    >>> import datetime as dt
    >>> Ereignis("https://example.org/s", "einladen",
    ...          {"am": dt.datetime(2021, 11, 4, tzinfo=dt.timezone.utc)}).ereignis
    'einladen'
    """

    objekt: str
    ereignis: str
    argumente: Mapping[str, Any] = attrs.field(factory=dict)


def _ersetzen_in(obj: Any, neu: Objekt) -> Any:
    """``obj`` with the embedded object of id ``neu.id`` replaced, or None if not found."""
    for a in attrs.fields(type(obj)):
        if not a.metadata.get(EMBEDDED):
            continue
        wert = getattr(obj, a.name)
        if isinstance(wert, tuple):
            for i, kind in enumerate(wert):
                if isinstance(kind, Objekt) and kind.id == neu.id:
                    return attrs.evolve(obj, **{a.name: (*wert[:i], neu, *wert[i + 1 :])})
                if attrs.has(type(kind)):
                    ersetzt = _ersetzen_in(kind, neu)
                    if ersetzt is not None:
                        return attrs.evolve(obj, **{a.name: (*wert[:i], ersetzt, *wert[i + 1 :])})
        elif wert is not None:
            if isinstance(wert, Objekt) and wert.id == neu.id:
                return attrs.evolve(obj, **{a.name: neu})
            if attrs.has(type(wert)):
                ersetzt = _ersetzen_in(wert, neu)
                if ersetzt is not None:
                    return attrs.evolve(obj, **{a.name: ersetzt})
    return None


def _einsetzen(bestand: Bestand, neu: Objekt) -> Bestand:
    top = {o.id for o in bestand.objekte}
    if neu.id in top or neu.id not in bestand:
        return bestand.mit(neu)
    for o in bestand.objekte:
        ersetzt = _ersetzen_in(o, neu)
        if ersetzt is not None:
            return bestand.mit(ersetzt)
    return bestand.mit(neu)  # pragma: no cover - indexed ids are always found


def _neue_beratung(bestand: Bestand, neu: Beratung) -> Bestand:
    d = bestand.aufloesen(neu.drucksache, Drucksache)
    if d is not None and neu.id not in bestand:
        return _einsetzen(bestand, attrs.evolve(d, beratungen=(*d.beratungen, neu)))
    return _einsetzen(bestand, neu)


def anwenden(bestand: Bestand, ereignisse: Iterable[Ereignis]) -> Bestand:
    """Apply ``ereignisse`` in order; the new Bestand (the old one is unchanged). The first
    illegal event raises :class:`~kommunalrecht.TransitionError` and nothing is applied.

    Arguments resolved from the Bestand when not given: ``drucksache`` for ``beraten`` /
    ``beschliessen`` of a Beratung, ``beratung`` for ``vertagen`` / ``verweisen`` of a TOP,
    ``sitzung`` (also given as an id) and ``bestand`` for ``vorlegen``. The new Beratung of
    ``vertagen`` / ``verweisen`` is appended to its paper's Beratungsfolge.

    >>> import datetime as dt
    >>> from kommunalrecht import Bestand, Sitzung
    >>> am = dt.datetime(2021, 11, 4, 9, tzinfo=dt.timezone.utc)
    >>> b = Bestand([Sitzung(id="https://example.org/s", datum=dt.date(2021, 11, 16))])
    >>> b2 = anwenden(b, [Ereignis("https://example.org/s", "einladen", {"am": am})])
    >>> b2["https://example.org/s"].status.value, b["https://example.org/s"].status
    ('eingeladen', None)
    """
    for nr, e in enumerate(ereignisse):
        if not isinstance(e, Ereignis):
            raise InvariantError("anwenden", f"ereignisse[{nr}]", "an Ereignis", e)
        funktion = _FUNKTIONEN.get(e.ereignis)
        if funktion is None:
            raise InvariantError(
                "anwenden", f"ereignisse[{nr}].ereignis", "a transition function name", e.ereignis
            )
        obj = bestand.aufloesen(e.objekt)
        if obj is None:
            raise InvariantError(
                "anwenden", f"ereignisse[{nr}].objekt", "an id in the Bestand", e.objekt
            )
        kw = dict(e.argumente)
        if not isinstance(kw.get("am"), _dt.datetime):
            raise InvariantError(
                "anwenden", f"ereignisse[{nr}].argumente.am", "a datetime", kw.get("am")
            )
        if isinstance(obj, Beratung) and e.ereignis in ("beraten", "beschliessen"):
            kw.setdefault("drucksache", bestand.aufloesen(obj.drucksache, Drucksache))
        if isinstance(obj, _TOP) and e.ereignis in ("vertagen", "verweisen"):
            kw.setdefault("beratung", bestand.aufloesen(obj.beratung, Beratung))
        if isinstance(obj, Dringlichkeitsentscheidung) and e.ereignis == "vorlegen":
            s = kw.get("sitzung")
            if isinstance(s, str):
                kw["sitzung"] = bestand.aufloesen(s, Sitzung)
            kw.setdefault("bestand", bestand)
        ergebnis = funktion(obj, **kw)
        if isinstance(ergebnis, _ev.Folgeberatung):
            bestand = _einsetzen(bestand, ergebnis.tagesordnungspunkt)
            if ergebnis.beratung is not None:
                bestand = _einsetzen(bestand, ergebnis.beratung)
            if ergebnis.neue_beratung is not None:
                bestand = _neue_beratung(bestand, ergebnis.neue_beratung)
        else:
            bestand = _einsetzen(bestand, ergebnis)
    return bestand
