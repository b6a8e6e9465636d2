"""Procedure of one Beratung (a step of a Beratungsfolge, OParl ``Consultation``).

Norms: OParl 1.1 ``Consultation.role`` / ``authoritative``; § 50 Abs. 1 S. 2 KrO NRW
(Vorberatung by the Kreisausschuss), § 41 KrO NRW / §§ 57, 58 GO NRW (Ausschüsse); § 49
Abs. 2 GO NRW (zurückgestellt for lack of quorum). Vocabulary:
``reference/kommunalrecht-regeln.md`` §2.7, §3.2.

>>> from kommunalrecht import Beratungsstatus
>>> [e.value for e in BERATUNG.erlaubt(Beratungsstatus.GEPLANT)]
['aufnehmen', 'zurueckziehen']
"""

from __future__ import annotations

import enum

from ..model import Beratungsstatus as S
from ._tabelle import Automat

__all__ = ["BERATUNG", "TABELLE", "Beratungsereignis"]


class Beratungsereignis(enum.Enum):
    """Events of a Beratung.

    >>> Beratungsereignis.BERATEN.value
    'beraten'
    """

    AUFNEHMEN = "aufnehmen"
    AUFRUFEN = "aufrufen"
    BERATEN = "beraten"
    VERTAGEN = "vertagen"
    ZURUECKSTELLEN = "zurueckstellen"
    VERWEISEN = "verweisen"
    ABSETZEN = "absetzen"
    ZURUECKZIEHEN = "zurueckziehen"


E = Beratungsereignis

################################################################
# The Beratung table
################################################################
#
# Rule 1: a Beratung is planned for a Gremium (geplant, often with the date printed in the
#   Vorlage's Beratungsfolge), put on the agenda of one Sitzung (aufnehmen), called there
#   (aufrufen) and ends beraten, with its outcome in ``ergebnis``: a recommendation for a
#   Vorberatung (empfohlen / nicht empfohlen), a resolution for the Entscheidung (the vote
#   decides; verfahren.beschliessen), or zur Kenntnis genommen.
#   Guard (not in the table): the deciding Beratung only after every Vorberatung is beraten.
# Rule 2: a Beratung that leaves its Sitzung undecided is final: vertagt, zurückgestellt
#   (Beschlussunfähigkeit, § 49 Abs. 2 GO NRW), verwiesen, abgesetzt. The matter continues in
#   a NEW Beratung (explicit cross-object effect: verfahren.vertagen / verweisen on the TOP
#   return it), so each Beratung keeps the history of one Sitzung.
# Rule 3: withdrawal of the paper withdraws its open Beratungen (zurueckziehen).
#
TABELLE: dict[S, dict[Beratungsereignis, S]] = {
    S.GEPLANT: {E.AUFNEHMEN: S.AUF_TAGESORDNUNG, E.ZURUECKZIEHEN: S.ZURUECKGEZOGEN},
    S.AUF_TAGESORDNUNG: {
        E.AUFRUFEN: S.IN_BERATUNG,
        E.VERTAGEN: S.VERTAGT,
        E.ZURUECKSTELLEN: S.ZURUECKGESTELLT,
        E.ABSETZEN: S.ABGESETZT,
        E.ZURUECKZIEHEN: S.ZURUECKGEZOGEN,
    },
    S.IN_BERATUNG: {
        E.BERATEN: S.BERATEN,
        E.VERTAGEN: S.VERTAGT,
        E.ZURUECKSTELLEN: S.ZURUECKGESTELLT,
        E.VERWEISEN: S.VERWIESEN,
        E.ABSETZEN: S.ABGESETZT,
        E.ZURUECKZIEHEN: S.ZURUECKGEZOGEN,
    },
    S.BERATEN: {},
    S.VERTAGT: {},
    S.ZURUECKGESTELLT: {},
    S.VERWIESEN: {},
    S.ABGESETZT: {},
    S.ZURUECKGEZOGEN: {},
}

#: The Beratung state machine (initial state: geplant).
BERATUNG: Automat[S, Beratungsereignis] = Automat(
    "Beratung", S, Beratungsereignis, TABELLE, S.GEPLANT
)
