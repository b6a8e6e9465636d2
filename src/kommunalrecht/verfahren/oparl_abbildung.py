"""Procedure states ⇄ OParl 1.1 properties (pure functions, used by the OParl codec).

OParl 1.1 §3 ``Meeting``: ``meetingState`` recommends ``terminiert`` (planned), ``eingeladen``
(from the invitation until the minutes are released) and ``durchgeführt`` (after the minutes
are released); ``cancelled`` marks a cancelled meeting. ``AgendaItem.result`` is free text; RIS
write "ungeändert beschlossen", "Unverändert beschlossen", "einstimmig beschlossen",
"mehrheitlich abgelehnt", "Zur Kenntnis genommen", "vertagt", "zurück verwiesen",
"Einstimmig empfohlen" … (``reference/kommunalrecht-regeln.md`` §3). The OParl view is coarser
than the procedure state; the codec carries the fine state and the Verlauf as the vendor
properties ``kommunalrecht:status`` / ``kommunalrecht:verlauf``, so a round trip keeps them.

>>> from kommunalrecht import Sitzungsstatus
>>> sitzung_nach_oparl(Sitzungsstatus.NIEDERSCHRIFT_UNTERZEICHNET)
('durchgeführt', False)
>>> ergebnis_von_oparl("Einstimmig beschlossen")
(<BeschlussErgebnis.UNGEAENDERT_BESCHLOSSEN: 'ungeändert beschlossen'>, <Tagesordnungspunktstatus.BESCHLOSSEN: 'beschlossen'>)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import (
    Beschluss,
    BeschlussErgebnis,
    Sitzungsstatus,
    Tagesordnungspunktstatus,
    VerlaufEintrag,
)

__all__ = [
    "MEETING_STATES",
    "ergebnis_nach_oparl",
    "ergebnis_von_oparl",
    "sitzung_nach_oparl",
    "sitzung_von_oparl",
]

S = Sitzungsstatus
T = Tagesordnungspunktstatus
B = BeschlussErgebnis

#: The meetingState values OParl 1.1 recommends.
MEETING_STATES = ("terminiert", "eingeladen", "durchgeführt")

_MEETING: dict[Sitzungsstatus, str] = {
    S.GEPLANT: "terminiert",
    S.VERLEGT: "terminiert",
    S.EINGELADEN: "eingeladen",
    S.EROEFFNET: "eingeladen",
    S.UNTERBROCHEN: "eingeladen",
    S.GESCHLOSSEN: "eingeladen",
    S.ABGEBROCHEN: "eingeladen",
    S.NIEDERSCHRIFT_ENTWORFEN: "eingeladen",
    S.NIEDERSCHRIFT_UNTERZEICHNET: "durchgeführt",
    S.NIEDERSCHRIFT_GENEHMIGT: "durchgeführt",
}


def sitzung_nach_oparl(
    status: Sitzungsstatus | None, verlauf: Iterable[VerlaufEintrag] = ()
) -> tuple[str | None, bool]:
    """``(meetingState, cancelled)`` for a Sitzung state. A cancelled Sitzung keeps the
    meetingState it had when it was cancelled (read from the Verlauf; ``terminiert`` if
    unknown). ``None`` state → ``(None, False)`` (nothing known, nothing written).

    >>> sitzung_nach_oparl(Sitzungsstatus.EROEFFNET)
    ('eingeladen', False)
    >>> import datetime as dt
    >>> e = VerlaufEintrag(zeitpunkt=dt.datetime(2021, 11, 10, tzinfo=dt.timezone.utc),
    ...                    ereignis="absagen", von="eingeladen", nach="abgesagt")
    >>> sitzung_nach_oparl(Sitzungsstatus.ABGESAGT, [e])
    ('eingeladen', True)
    """
    if status is None:
        return None, False
    if status is S.ABGESAGT:
        vorher = "terminiert"
        for e in verlauf:
            if e.nach == S.ABGESAGT.value and e.von is not None:
                gefunden = next((z for z in S if z.value == e.von), None)
                if gefunden is not None:
                    vorher = _MEETING.get(gefunden, vorher)
        return vorher, True
    return _MEETING[status], False


def sitzung_von_oparl(meeting_state: str | None, cancelled: bool | None) -> Sitzungsstatus | None:
    """The coarse Sitzung state an OParl Meeting states (``None`` if it states none).

    ``terminiert`` → geplant, ``eingeladen`` → eingeladen, ``durchgeführt`` → Niederschrift
    unterzeichnet (minutes released); ``cancelled`` → abgesagt. Case and surrounding blanks are
    ignored; other strings (vendor vocabularies) give ``None`` — the codec keeps them verbatim.

    >>> sitzung_von_oparl("Durchgeführt", None).value
    'Niederschrift unterzeichnet'
    >>> sitzung_von_oparl("eingeladen", True).value
    'abgesagt'
    >>> sitzung_von_oparl("in Vorbereitung", False) is None
    True
    """
    if cancelled:
        return S.ABGESAGT
    if meeting_state is None:
        return None
    key = meeting_state.strip().lower()
    return {
        "terminiert": S.GEPLANT,
        "geplant": S.GEPLANT,
        "eingeladen": S.EINGELADEN,
        "durchgeführt": S.NIEDERSCHRIFT_UNTERZEICHNET,
        "durchgefuehrt": S.NIEDERSCHRIFT_UNTERZEICHNET,
    }.get(key)


_TOP_ERGEBNIS: dict[Tagesordnungspunktstatus, BeschlussErgebnis] = {
    T.BESCHLOSSEN: B.UNGEAENDERT_BESCHLOSSEN,
    T.GEAENDERT_BESCHLOSSEN: B.GEAENDERT_BESCHLOSSEN,
    T.ABGELEHNT: B.ABGELEHNT,
    T.ZUR_KENNTNIS_GENOMMEN: B.ZUR_KENNTNIS_GENOMMEN,
    T.VERTAGT: B.VERTAGT,
    T.ZURUECKGESTELLT: B.ZURUECKGESTELLT,
    T.VERWIESEN: B.VERWIESEN,
    T.ABGESETZT: B.ABGESETZT,
    T.ZURUECKGEZOGEN: B.ZURUECKGEZOGEN,
    T.ERLEDIGT: B.ERLEDIGT,
}

_ERGEBNIS_TOP: dict[BeschlussErgebnis, Tagesordnungspunktstatus] = {
    **{v: k for k, v in _TOP_ERGEBNIS.items()},
    B.EMPFOHLEN: T.BESCHLOSSEN,
    B.NICHT_EMPFOHLEN: T.ABGELEHNT,
    B.GENEHMIGT: T.BESCHLOSSEN,
    B.AUFGEHOBEN: T.BESCHLOSSEN,
}


def ergebnis_nach_oparl(
    status: Tagesordnungspunktstatus | None, beschluss: Beschluss | None = None
) -> str | None:
    """The ``AgendaItem.result`` string: the verbatim RIS text (``beschluss.ergebnis_text``) if
    known, else the Beschluss-Ergebnis, else the outcome the TOP's state implies; ``None`` for an
    item without outcome (geplant, in Beratung).

    >>> ergebnis_nach_oparl(Tagesordnungspunktstatus.VERTAGT)
    'vertagt'
    >>> ergebnis_nach_oparl(Tagesordnungspunktstatus.BESCHLOSSEN,
    ...                     Beschluss(ergebnis_text="Einstimmig empfohlen"))
    'Einstimmig empfohlen'
    >>> ergebnis_nach_oparl(Tagesordnungspunktstatus.IN_BERATUNG) is None
    True
    """
    if beschluss is not None:
        if beschluss.ergebnis_text:
            return beschluss.ergebnis_text
        if beschluss.ergebnis is not None:
            return beschluss.ergebnis.value
    if status is None or status not in _TOP_ERGEBNIS:
        return None
    return _TOP_ERGEBNIS[status].value


_MUSTER: tuple[tuple[str, BeschlussErgebnis], ...] = (
    (r"zur[uü]ckgezogen|zieht .*zur[uü]ck", B.ZURUECKGEZOGEN),
    (r"zur[uü]ckgestellt", B.ZURUECKGESTELLT),
    (r"verwiesen|[uü]berwiesen", B.VERWIESEN),
    (r"vertagt", B.VERTAGT),
    (r"abgesetzt|von der tagesordnung genommen", B.ABGESETZT),
    (r"nicht empfohlen|keine empfehlung", B.NICHT_EMPFOHLEN),
    (r"empfohlen|empfiehlt", B.EMPFOHLEN),
    (r"kenntnis", B.ZUR_KENNTNIS_GENOMMEN),
    (r"abgelehnt", B.ABGELEHNT),
    (r"genehmigt", B.GENEHMIGT),
    (r"aufgehoben", B.AUFGEHOBEN),
    (r"erledigt", B.ERLEDIGT),
    (r"(mit [äa]nderung|ge[äa]ndert|abge[äa]ndert|mit erg[äa]nzung)", B.GEAENDERT_BESCHLOSSEN),
    (r"beschlossen|angenommen|zugestimmt", B.UNGEAENDERT_BESCHLOSSEN),
)


def ergebnis_von_oparl(
    result: str | None,
) -> tuple[BeschlussErgebnis | None, Tagesordnungspunktstatus | None]:
    """Read an ``AgendaItem.result`` string: ``(Beschluss-Ergebnis, TOP state)``, or
    ``(None, None)`` for text this library does not recognise (the codec keeps the text
    verbatim in ``Beschluss.ergebnis_text`` either way). Matching ignores case; "ungeändert",
    "unverändert", "ohne Änderungen", "einstimmig", "mehrheitlich" do not change the outcome.

    >>> [ergebnis_von_oparl(r)[0].value for r in ("Unverändert beschlossen",
    ...     "mit Änderungen im Ausschuss beschlossen", "mehrheitlich abgelehnt",
    ...     "Zur Kenntnis genommen", "zurück verwiesen", "zieht Antrag zurück")]
    ['ungeändert beschlossen', 'geändert beschlossen', 'abgelehnt', 'zur Kenntnis genommen', 'verwiesen', 'zurückgezogen']
    >>> ergebnis_von_oparl("siehe Protokoll")
    (None, None)
    """
    if result is None:
        return None, None
    text = " ".join(result.lower().split())
    text = re.sub(r"\b(ungeändert|unverändert|ohne änderungen?)\b", "", text)
    for muster, ergebnis in _MUSTER:
        if re.search(muster, text):
            return ergebnis, _ERGEBNIS_TOP[ergebnis]
    return None, None
