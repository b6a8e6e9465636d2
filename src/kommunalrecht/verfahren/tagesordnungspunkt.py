"""Procedure of a Tagesordnungspunkt (OParl ``AgendaItem``).

Norms: § 48 Abs. 1 GO NRW / § 33 KrO NRW (Tagesordnung; items can be abgesetzt by
resolution, added only in Dringlichkeit, § 48 Abs. 1 S. 5 GO NRW); § 49 GO NRW
(Beschlussfähigkeit; zurückgestellt items and the second meeting); § 50 GO NRW (Abstimmung:
Stimmenmehrheit, tie = Ablehnung). Vocabulary: ``reference/kommunalrecht-regeln.md`` §3.

>>> from kommunalrecht import Tagesordnungspunktstatus
>>> "beschliessen" in [e.value for e in TOP.erlaubt(Tagesordnungspunktstatus.IN_BERATUNG)]
True
"""

from __future__ import annotations

import enum

from ..model import Tagesordnungspunktstatus as S
from ._tabelle import Automat

__all__ = ["TABELLE", "TOP", "Tagesordnungspunktereignis"]


class Tagesordnungspunktereignis(enum.Enum):
    """Events of a Tagesordnungspunkt.

    >>> Tagesordnungspunktereignis.ABLEHNEN.value
    'ablehnen'
    """

    AUFRUFEN = "aufrufen"
    BESCHLIESSEN = "beschliessen"
    GEAENDERT_BESCHLIESSEN = "geaendert_beschliessen"
    ABLEHNEN = "ablehnen"
    KENNTNIS_NEHMEN = "kenntnis_nehmen"
    VERTAGEN = "vertagen"
    ZURUECKSTELLEN = "zurueckstellen"
    VERWEISEN = "verweisen"
    ABSETZEN = "absetzen"
    ZURUECKZIEHEN = "zurueckziehen"
    ERLEDIGEN = "erledigen"


E = Tagesordnungspunktereignis

################################################################
# The Tagesordnungspunkt table
################################################################
#
# Rule 1: an item is geplant on the agenda of the Ladung; in the meeting it is called
#   (aufrufen → in Beratung). Before the call the council may absetzen it (resolution),
#   vertagen it, the Antragsteller may zurueckziehen it; zurueckstellen happens when the
#   Beschlussunfähigkeit is festgestellt (§ 49 Abs. 1 S. 2, Abs. 2 GO NRW) — also by
#   verfahren.abbrechen of the Sitzung for every open item.
# Rule 2: in Beratung the item ends in exactly one outcome. beschlossen / geändert
#   beschlossen / abgelehnt are never set by hand: verfahren.beschliessen computes them from
#   the Abstimmung under the GeschO (Beschlussfähigkeit § 49, majority § 50 Abs. 1 GO NRW,
#   Art. 47, 48, 51 BayGO …) and fires the matching event. zur Kenntnis genommen and erledigt
#   need no vote; vertagt / zurückgestellt / verwiesen / abgesetzt / zurückgezogen leave the
#   matter undecided (vertagen / verweisen return the new Beratung for a later Sitzung).
# Rule 3: every outcome is final for this item; OParl ``AgendaItem.result`` mirrors it
#   (verfahren.oparl_abbildung).
#
TABELLE: dict[S, dict[Tagesordnungspunktereignis, S]] = {
    S.GEPLANT: {
        E.AUFRUFEN: S.IN_BERATUNG,
        E.VERTAGEN: S.VERTAGT,
        E.ZURUECKSTELLEN: S.ZURUECKGESTELLT,
        E.ABSETZEN: S.ABGESETZT,
        E.ZURUECKZIEHEN: S.ZURUECKGEZOGEN,
    },
    S.IN_BERATUNG: {
        E.BESCHLIESSEN: S.BESCHLOSSEN,
        E.GEAENDERT_BESCHLIESSEN: S.GEAENDERT_BESCHLOSSEN,
        E.ABLEHNEN: S.ABGELEHNT,
        E.KENNTNIS_NEHMEN: S.ZUR_KENNTNIS_GENOMMEN,
        E.VERTAGEN: S.VERTAGT,
        E.ZURUECKSTELLEN: S.ZURUECKGESTELLT,
        E.VERWEISEN: S.VERWIESEN,
        E.ABSETZEN: S.ABGESETZT,
        E.ZURUECKZIEHEN: S.ZURUECKGEZOGEN,
        E.ERLEDIGEN: S.ERLEDIGT,
    },
    S.BESCHLOSSEN: {},
    S.GEAENDERT_BESCHLOSSEN: {},
    S.ABGELEHNT: {},
    S.ZUR_KENNTNIS_GENOMMEN: {},
    S.VERTAGT: {},
    S.ZURUECKGESTELLT: {},
    S.VERWIESEN: {},
    S.ABGESETZT: {},
    S.ZURUECKGEZOGEN: {},
    S.ERLEDIGT: {},
}

#: The Tagesordnungspunkt state machine (initial state: geplant).
TOP: Automat[S, Tagesordnungspunktereignis] = Automat(
    "Tagesordnungspunkt", S, Tagesordnungspunktereignis, TABELLE, S.GEPLANT
)
