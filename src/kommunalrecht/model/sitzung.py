"""Meetings, their agenda and outcomes.

:class:`Sitzung` (OParl ``Meeting``): Gremien, Beginn/Ende (or only the day, when the source gives
no time), Ort, Einladung (document and date), Tagesordnung, Status, Teilnehmende, Vorsitz and
Schriftführung. :class:`Tagesordnungspunkt` (``AgendaItem``): Nummer (free text), Position
(0-based ``order``), öffentlich, Beratung, :class:`Beschluss` (Ergebnis, Text,
:class:`Abstimmung` with Ja/Nein/Enthaltung/befangen).

Sources: OParl 1.1 §3 (Meeting, AgendaItem); ``reference/kommunalrecht-regeln.md`` §2.1-2.5, §3.3.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs

from ..errors import InvariantError
from . import _validators as v
from ._base import (
    Objekt,
    VerlaufEintrag,
    check_order,
    f_datum,
    f_enum_field,
    f_flag,
    f_many,
    f_one,
    f_ref,
    f_refs,
    f_text,
    f_texts,
    f_zeitpunkt,
)
from .enums import Abstimmungsart, BeschlussErgebnis
from .ort_datei import Datei, Ort
from .status import Sitzungsstatus, Tagesordnungspunktstatus

__all__ = ["Abstimmung", "Beschluss", "Sitzung", "Tagesordnungspunkt"]


def _count() -> Any:
    return attrs.field(default=0, validator=v.non_negative_int)


@attrs.frozen(kw_only=True, weakref_slot=False)  # layout twin: see oparl._msgfast
class Abstimmung:
    """A vote: counts of Ja, Nein, Enthaltung, ungültig and of members not voting as befangen.

    ``anwesend`` / ``stimmberechtigt_anwesend`` are the attendance at the time of the vote (for
    quorum rules); ``befangene`` the ids of members excluded under the Mitwirkungsverbot.

    >>> a = Abstimmung(ja=12, nein=3, enthaltung=1)
    >>> a.abgegeben
    16
    >>> Abstimmung(ja=-1)
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.InvariantError: Abstimmung.ja: expected a non-negative integer, got -1
    """

    ja: int = _count()
    nein: int = _count()
    enthaltung: int = _count()
    ungueltig: int = _count()
    befangen: int = _count()
    art: Abstimmungsart | None = f_enum_field(Abstimmungsart)
    anwesend: int | None = attrs.field(default=None, validator=v.opt_non_negative_int)
    stimmberechtigt_anwesend: int | None = attrs.field(
        default=None, validator=v.opt_non_negative_int
    )
    befangene: tuple[str, ...] = f_refs("Person")

    @property
    def abgegeben(self) -> int:
        """Votes cast (Ja + Nein + Enthaltung + ungültig)."""
        return self.ja + self.nein + self.enthaltung + self.ungueltig


@attrs.frozen(kw_only=True, weakref_slot=False)  # layout twin: see oparl._msgfast
class Beschluss:
    """Outcome of a TOP: the closed ``ergebnis``, the verbatim RIS result string
    (``ergebnis_text``, e.g. "einstimmig empfohlen"), the resolution text and the vote.

    >>> b = Beschluss(ergebnis=BeschlussErgebnis.ABGELEHNT, abstimmung=Abstimmung(ja=3, nein=9))
    >>> b.ergebnis.value
    'abgelehnt'
    """

    ergebnis: BeschlussErgebnis | None = f_enum_field(BeschlussErgebnis)
    ergebnis_text: str | None = f_text()
    text: str | None = f_text()
    abstimmung: Abstimmung | None = f_one(Abstimmung)


@attrs.frozen(kw_only=True)
class Tagesordnungspunkt(Objekt):
    """An agenda item (OParl ``AgendaItem``).

    ``nummer`` is free text ("3", "3.1", "Ö 4"); ``position`` the 0-based position in the
    Sitzung's Tagesordnung (OParl ``order``). ``nichtoeffentlich_grund`` names the category
    that justifies a non-public item; ``nachtrag`` marks an item added after the Ladung or in
    the meeting; ``drucksache`` points to the paper dealt with.

    >>> t = Tagesordnungspunkt(id="https://example.org/top/1", nummer="5", position=4,
    ...                        name="Lenkungsgruppe KIM", oeffentlich=True)
    >>> t.position
    4
    >>> Tagesordnungspunkt(id="https://example.org/top/2", position=-1)
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.InvariantError: Tagesordnungspunkt.position: expected a non-negative integer or None, got -1
    """

    sitzung: str | None = f_ref("Sitzung")
    nummer: str | None = f_text()
    position: int | None = attrs.field(default=None)
    name: str | None = f_text()
    oeffentlich: bool | None = f_flag()
    beratung: str | None = f_ref("Beratung")
    drucksache: str | None = f_ref("Drucksache")
    beschluss: Beschluss | None = f_one(Beschluss)
    beschlussdatei: Datei | None = f_one(Datei)
    anlagen: tuple[Datei, ...] = f_many(Datei)
    beginn: _dt.datetime | None = f_zeitpunkt()
    ende: _dt.datetime | None = f_zeitpunkt()
    nichtoeffentlich_grund: str | None = f_text()
    nachtrag: bool | None = f_flag()
    dringlich: bool | None = f_flag()
    befangene: tuple[str, ...] = f_refs("Person")
    status: Tagesordnungspunktstatus | None = f_enum_field(Tagesordnungspunktstatus)
    verlauf: tuple[VerlaufEintrag, ...] = f_many(VerlaufEintrag)

    ORDNUNG = (("created", "modified"), ("beginn", "ende"))

    def __attrs_post_init__(self) -> None:
        check_order(self, "created", "modified")
        p = self.position
        if p is not None and (p.__class__ is not int or p < 0):
            raise InvariantError(
                "Tagesordnungspunkt", "position", "a non-negative integer or None", p
            )
        check_order(self, "beginn", "ende")


@attrs.frozen(kw_only=True)
class Sitzung(Objekt):
    """A meeting (OParl ``Meeting``).

    ``beginn``/``ende`` are timezone-aware datetimes when the time is known; ``datum`` holds the
    meeting day when only the day is known (the seed gives no start time — the model never
    invents one). ``stand`` keeps OParl's ``meetingState`` string verbatim; ``status`` the
    finer procedure state. ``einladungsdatum`` is the date of the Ladung ("Siegburg, den
    04.11.2021"), ``einladung_zugang`` when it reached the members (if known).

    >>> import datetime as dt
    >>> s = Sitzung(id="https://example.org/s/1", name="Sitzung des Ausschusses",
    ...             datum=dt.date(2021, 11, 16), einladungsdatum=dt.date(2021, 11, 4),
    ...             status=Sitzungsstatus.EINGELADEN)
    >>> s.tag
    datetime.date(2021, 11, 16)
    >>> Sitzung(id="https://example.org/s/2", beginn=dt.datetime(2021, 11, 16, 15, 0))
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.InvariantError: Sitzung.beginn: expected a timezone-aware datetime (naive datetimes are not assumed), got datetime.datetime(2021, 11, 16, 15, 0)
    """

    name: str | None = f_text()
    stand: str | None = f_text()
    abgesagt: bool | None = f_flag()
    beginn: _dt.datetime | None = f_zeitpunkt()
    ende: _dt.datetime | None = f_zeitpunkt()
    datum: _dt.date | None = f_datum()
    ort: Ort | None = f_one(Ort)
    gremien: tuple[str, ...] = f_refs("Gremium")
    teilnehmende: tuple[str, ...] = f_refs("Person")
    einladung: Datei | None = f_one(Datei)
    ergebnisprotokoll: Datei | None = f_one(Datei)
    wortprotokoll: Datei | None = f_one(Datei)
    anlagen: tuple[Datei, ...] = f_many(Datei)
    tagesordnung: tuple[Tagesordnungspunkt, ...] = f_many(Tagesordnungspunkt)
    einladungsdatum: _dt.date | None = f_datum()
    einladung_zugang: _dt.date | None = f_datum()
    einladung_ort: str | None = f_text()
    empfaenger: tuple[str, ...] = f_texts()
    hinweise: str | None = f_text()
    vorsitz: str | None = f_ref("Person")
    schriftfuehrung: str | None = f_ref("Person")
    dringlich: bool | None = f_flag()
    wiederholungssitzung: bool | None = f_flag()
    status: Sitzungsstatus | None = f_enum_field(Sitzungsstatus)
    verlauf: tuple[VerlaufEintrag, ...] = f_many(VerlaufEintrag)

    ORDNUNG = (("created", "modified"), ("beginn", "ende"))

    @property
    def tag(self) -> _dt.date | None:
        """The meeting day: ``datum``, else the local date of ``beginn``."""
        if self.datum is not None:
            return self.datum
        return self.beginn.date() if self.beginn is not None else None
