"""The common machinery of all procedure state machines (style: python-hyper/h11 ``_state.py``).

Rule 1: everything that decides *whether* an event may happen in a state lives in the one
transition table of its kind (``TABELLE`` in each module). Guards that depend on facts outside
the state (Ladungsfrist, Beschlussfähigkeit, majority, Vorberatungen, Rechte Dritter) are
explicit Python code in the event functions and raise :class:`~kommunalrecht.TransitionError`
with a German reason citing the norm.

Rule 2: a transition is a pure function. It checks the table, runs its guards, and only then
builds a *new* object (``attrs.evolve``) with the new ``status`` and one new
:class:`~kommunalrecht.VerlaufEintrag` appended to ``verlauf``. An illegal event raises and
changes nothing (the input object is frozen anyway; nothing else is touched).

Rule 3: an object whose ``status`` is ``None`` has not entered the procedure yet and is treated
as being in the kind's initial state (``Automat.anfang``). The Verlauf records that state as
``von``, so the Verlauf always replays through the table to the current state
(:meth:`Automat.nachspielen`).
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Generic, TypeVar

import attrs

from ..errors import InvariantError, TransitionError
from ..model import VerlaufEintrag

__all__ = ["Automat"]

S = TypeVar("S", bound=enum.Enum)
E = TypeVar("E", bound=enum.Enum)
_O = TypeVar("_O")


@attrs.frozen
class Automat(Generic[S, E]):
    """One kind's state machine: its states, events, table and initial state.

    The table is ``dict[State, dict[Event, State]]``; every state of the kind is a key (terminal
    states map to ``{}``), every target is a key again.

    >>> import enum
    >>> class Z(enum.Enum):
    ...     AUF = "auf"
    ...     ZU = "zu"
    >>> class Ev(enum.Enum):
    ...     SCHLIESSEN = "schliessen"
    >>> a = Automat("Tür", Z, Ev, {Z.AUF: {Ev.SCHLIESSEN: Z.ZU}, Z.ZU: {}}, Z.AUF)
    >>> a.ziel(Z.AUF, Ev.SCHLIESSEN)
    <Z.ZU: 'zu'>
    >>> a.ziel(Z.ZU, Ev.SCHLIESSEN)
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.TransitionError: Tür: event 'schliessen' not allowed in state 'zu' (allowed: none)
    """

    art: str
    zustaende: type[S]
    ereignisse: type[E]
    tabelle: Mapping[S, Mapping[E, S]]
    anfang: S

    def __attrs_post_init__(self) -> None:
        if self.anfang not in self.tabelle:
            raise ValueError(f"{self.art}: initial state {self.anfang} not in the table")
        for von, zeile in self.tabelle.items():
            if not isinstance(von, self.zustaende):
                raise ValueError(f"{self.art}: {von!r} is not a {self.zustaende.__name__}")
            for ev, nach in zeile.items():
                if not isinstance(ev, self.ereignisse) or nach not in self.tabelle:
                    raise ValueError(f"{self.art}: bad table entry {von} --{ev}--> {nach}")

    @property
    def states(self) -> tuple[S, ...]:
        """The states of this kind (the table's keys, in table order).

        >>> from kommunalrecht.verfahren import SITZUNG
        >>> SITZUNG.states[0].value
        'geplant'
        """
        return tuple(self.tabelle)

    def erlaubt(self, zustand: S) -> tuple[E, ...]:
        """The events allowed in ``zustand`` (table order; empty for terminal or foreign states).

        >>> from kommunalrecht.verfahren import SITZUNG
        >>> from kommunalrecht import Sitzungsstatus
        >>> [e.value for e in SITZUNG.erlaubt(Sitzungsstatus.EINGELADEN)]
        ['eroeffnen', 'verlegen', 'absagen']
        """
        return tuple(self.tabelle.get(zustand, {}))

    def ziel(self, zustand: S, ereignis: E | str) -> S:
        """The state reached by ``ereignis`` from ``zustand``; :class:`TransitionError` if the
        table has no such transition (``ereignis`` may be the event's value, e.g. ``"einladen"``).

        >>> from kommunalrecht.verfahren import SITZUNG
        >>> from kommunalrecht import Sitzungsstatus
        >>> SITZUNG.ziel(Sitzungsstatus.GEPLANT, "einladen").value
        'eingeladen'
        """
        name = ereignis.value if isinstance(ereignis, enum.Enum) else str(ereignis)
        zeile = self.tabelle.get(zustand, {})
        for ev, nach in zeile.items():
            if ev.value == name:
                return nach
        raise TransitionError(
            self.art, _wert(zustand), name, [e.value for e in self.erlaubt(zustand)]
        )

    def nachspielen(self, verlauf: Iterable[VerlaufEintrag]) -> S | None:
        """Replay a Verlauf through the table; the state it ends in (``None`` if empty).

        Raises :class:`TransitionError` if an entry is not a transition of the table or does
        not start where the previous one ended.

        >>> import datetime as dt
        >>> from kommunalrecht.verfahren import SITZUNG
        >>> e = VerlaufEintrag(zeitpunkt=dt.datetime(2021, 11, 4, tzinfo=dt.timezone.utc),
        ...                    ereignis="einladen", von="geplant", nach="eingeladen")
        >>> SITZUNG.nachspielen([e]).value
        'eingeladen'
        """
        zustand: S | None = None
        for i, eintrag in enumerate(verlauf):
            von = self.zustand_aus_wert(eintrag.von) if eintrag.von is not None else self.anfang
            if zustand is not None and von is not zustand:
                raise TransitionError(
                    self.art,
                    _wert(zustand),
                    eintrag.ereignis,
                    [e.value for e in self.erlaubt(zustand)],
                    reason=f"Verlauf[{i}] beginnt in {eintrag.von!r}, nicht im erreichten Zustand",
                )
            zustand = self.ziel(von, eintrag.ereignis)
            if zustand.value != eintrag.nach:
                raise TransitionError(
                    self.art,
                    _wert(von),
                    eintrag.ereignis,
                    [e.value for e in self.erlaubt(von)],
                    reason=f"Verlauf[{i}] endet in {eintrag.nach!r}, die Tabelle in "
                    f"{zustand.value!r}",
                )
        return zustand

    def zustand_aus_wert(self, wert: str) -> S:
        """The state whose value is ``wert`` (:class:`TransitionError` if it is not one).

        >>> from kommunalrecht.verfahren import SITZUNG
        >>> SITZUNG.zustand_aus_wert("eröffnet").name
        'EROEFFNET'
        """
        for z in self.tabelle:
            if z.value == wert:
                return z
        raise TransitionError(self.art, wert, "(nachspielen)", reason="unbekannter Zustand")


def _wert(zustand: Any) -> str:
    return zustand.value if isinstance(zustand, enum.Enum) else str(zustand)


def pruefe_zeitpunkt(art: str, am: Any) -> _dt.datetime:
    """``am`` must be a timezone-aware datetime (the model never assumes a time zone)."""
    if not isinstance(am, _dt.datetime) or am.tzinfo is None or am.utcoffset() is None:
        raise InvariantError(art, "am", "a timezone-aware datetime", am)
    return am


def uebergang(
    obj: _O,
    automat: Automat[Any, Any],
    ereignis: str,
    *,
    am: _dt.datetime,
    akteur: str | None = None,
    notiz: str | None = None,
    waechter: Callable[[Any], str | None] | None = None,
    aenderungen: Mapping[str, Any] | None = None,
) -> _O:
    """Fire ``ereignis`` on ``obj``: table check, guard, then a new object with a Verlauf entry.

    ``waechter(zustand)`` returns ``None`` (allowed) or a German reason (refused).
    """
    am = pruefe_zeitpunkt(automat.art, am)
    for name, wert in (("akteur", akteur), ("notiz", notiz)):
        if wert is not None and not isinstance(wert, str):
            raise InvariantError(automat.art, name, "a string or None", wert)
    status = getattr(obj, "status")  # noqa: B009 - every procedure object has a status
    zustand = automat.anfang if status is None else status
    if zustand not in automat.tabelle:
        raise TransitionError(
            automat.art, _wert(zustand), ereignis, (), reason="Zustand gehört nicht zu dieser Art"
        )
    nach = automat.ziel(zustand, ereignis)
    verlauf: tuple[VerlaufEintrag, ...] = getattr(obj, "verlauf")  # noqa: B009
    erlaubt = [e.value for e in automat.erlaubt(zustand)]
    if verlauf and am < verlauf[-1].zeitpunkt:
        raise TransitionError(
            automat.art,
            _wert(zustand),
            ereignis,
            erlaubt,
            reason=f"Zeitpunkt {am.isoformat()} liegt vor dem letzten Verlaufseintrag "
            f"({verlauf[-1].zeitpunkt.isoformat()})",
        )
    if waechter is not None:
        grund = waechter(zustand)
        if grund is not None:
            raise TransitionError(automat.art, _wert(zustand), ereignis, erlaubt, reason=grund)
    eintrag = VerlaufEintrag(
        zeitpunkt=am,
        ereignis=ereignis,
        von=_wert(zustand),
        nach=_wert(nach),
        akteur=akteur,
        notiz=notiz,
    )
    return attrs.evolve(  # type: ignore[misc]
        obj, status=nach, verlauf=(*verlauf, eintrag), **dict(aenderungen or {})
    )
