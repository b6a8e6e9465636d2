"""Procedure of a Sitzung (OParl ``Meeting``).

Norms: § 47 GO NRW / § 32 KrO NRW (Einberufung; the Ladungsfrist is set by the GeschO,
§ 47 Abs. 2 S. 1 GO NRW, § 32 Abs. 2 KrO NRW), § 48 Abs. 1 S. 4 GO NRW (öffentliche
Bekanntmachung), § 49 GO NRW / § 34 KrO NRW (Beschlussfähigkeit), § 52 GO NRW / § 37 KrO NRW
(Niederschrift signed by chair and Schriftführer), Art. 54 Abs. 2 BayGO (Genehmigung of the
Niederschrift), § 58 Abs. 1 HGO (3 days between Zugang and Sitzungstag). Vocabulary and OParl
``meetingState``: ``reference/kommunalrecht-regeln.md`` §3.3.

>>> from kommunalrecht import Sitzungsstatus
>>> [e.value for e in SITZUNG.erlaubt(Sitzungsstatus.GEPLANT)]
['einladen', 'verlegen', 'absagen']
"""

from __future__ import annotations

import enum

from ..model import Sitzungsstatus as S
from ._tabelle import Automat

__all__ = ["SITZUNG", "TABELLE", "Sitzungsereignis"]


class Sitzungsereignis(enum.Enum):
    """Events of a Sitzung.

    >>> Sitzungsereignis.NIEDERSCHRIFT_UNTERZEICHNEN.value
    'niederschrift_unterzeichnen'
    """

    EINLADEN = "einladen"
    VERLEGEN = "verlegen"
    ABSAGEN = "absagen"
    EROEFFNEN = "eroeffnen"
    UNTERBRECHEN = "unterbrechen"
    FORTSETZEN = "fortsetzen"
    SCHLIESSEN = "schliessen"
    ABBRECHEN = "abbrechen"
    NIEDERSCHRIFT_ENTWERFEN = "niederschrift_entwerfen"
    NIEDERSCHRIFT_UNTERZEICHNEN = "niederschrift_unterzeichnen"
    GENEHMIGEN = "genehmigen"


E = Sitzungsereignis

################################################################
# The Sitzung table
################################################################
#
# Rule 1: a Sitzung is geplant (OParl "terminiert") until the Ladung goes out (einladen →
#   eingeladen). It can be verlegt (new day → a new Ladung and a new Frist: from "verlegt"
#   only einladen leads on) or abgesagt (OParl cancelled = true) until it is opened.
# Rule 2: eroeffnen only from "eingeladen". Guard (not in the table): the Ladung must have
#   reached the members within the GeschO's Ladungsfrist counted back from the Sitzungstag
#   (§ 47 Abs. 2 S. 1 GO NRW, § 32 Abs. 2 KrO NRW; the shortened Frist if the Sitzung is
#   marked dringlich); the chair states ordnungsgemäße Ladung and Beschlussfähigkeit
#   (§ 49 Abs. 1 GO NRW) when the attendance is given.
# Rule 3: an open meeting may be unterbrochen and fortgesetzt, geschlossen when the agenda is
#   done, or abgebrochen when the Beschlussunfähigkeit is festgestellt (every open item
#   becomes "zurückgestellt", § 49 Abs. 2 GO NRW). Closing while interrupted is not allowed:
#   the chair resumes and closes.
# Rule 4: the Niederschrift is drafted (optional step), signed by chair and Schriftführer
#   (§ 52 GO NRW, § 37 KrO NRW; guard: the GeschO's signers) and — where the GeschO or the
#   statute requires it (Art. 54 Abs. 2 BayGO) — approved in a later meeting (genehmigen;
#   guard: the GeschO provides a Genehmigung). OParl "durchgeführt" from the signature on.
#
TABELLE: dict[S, dict[Sitzungsereignis, S]] = {
    S.GEPLANT: {E.EINLADEN: S.EINGELADEN, E.VERLEGEN: S.VERLEGT, E.ABSAGEN: S.ABGESAGT},
    S.VERLEGT: {E.EINLADEN: S.EINGELADEN, E.VERLEGEN: S.VERLEGT, E.ABSAGEN: S.ABGESAGT},
    S.EINGELADEN: {E.EROEFFNEN: S.EROEFFNET, E.VERLEGEN: S.VERLEGT, E.ABSAGEN: S.ABGESAGT},
    S.EROEFFNET: {
        E.UNTERBRECHEN: S.UNTERBROCHEN,
        E.SCHLIESSEN: S.GESCHLOSSEN,
        E.ABBRECHEN: S.ABGEBROCHEN,
    },
    S.UNTERBROCHEN: {E.FORTSETZEN: S.EROEFFNET, E.ABBRECHEN: S.ABGEBROCHEN},
    S.GESCHLOSSEN: {
        E.NIEDERSCHRIFT_ENTWERFEN: S.NIEDERSCHRIFT_ENTWORFEN,
        E.NIEDERSCHRIFT_UNTERZEICHNEN: S.NIEDERSCHRIFT_UNTERZEICHNET,
    },
    S.ABGEBROCHEN: {
        E.NIEDERSCHRIFT_ENTWERFEN: S.NIEDERSCHRIFT_ENTWORFEN,
        E.NIEDERSCHRIFT_UNTERZEICHNEN: S.NIEDERSCHRIFT_UNTERZEICHNET,
    },
    S.NIEDERSCHRIFT_ENTWORFEN: {E.NIEDERSCHRIFT_UNTERZEICHNEN: S.NIEDERSCHRIFT_UNTERZEICHNET},
    S.NIEDERSCHRIFT_UNTERZEICHNET: {E.GENEHMIGEN: S.NIEDERSCHRIFT_GENEHMIGT},
    S.NIEDERSCHRIFT_GENEHMIGT: {},
    S.ABGESAGT: {},
}

#: The Sitzung state machine (initial state: geplant).
SITZUNG: Automat[S, Sitzungsereignis] = Automat("Sitzung", S, Sitzungsereignis, TABELLE, S.GEPLANT)
