"""Procedure of a Beschlussvorlage (and of other administration papers: Mitteilungs-,
Tisch-, Ergänzungsvorlage).

Norms: § 62 Abs. 2 GO NRW / § 42 KrO NRW (the HVB prepares the council's resolutions),
§ 50 Abs. 1 S. 2 KrO NRW (the Kreisausschuss prepares the Kreistag's resolutions), the
Beratungsfolge of OParl 1.1 ``Paper.consultation`` (Vorberatung before Entscheidung).
Vocabulary: ``reference/kommunalrecht-regeln.md`` §3.2.

>>> from kommunalrecht import Drucksachenstatus
>>> [e.value for e in VORLAGE.erlaubt(Drucksachenstatus.ENTWURF)]
['mitzeichnen', 'freigeben', 'zurueckziehen']
"""

from __future__ import annotations

import enum

from ..model import Drucksachenstatus as S
from ._tabelle import Automat

__all__ = ["TABELLE", "VORLAGE", "Vorlagenereignis"]


class Vorlagenereignis(enum.Enum):
    """Events of a Beschlussvorlage.

    >>> Vorlagenereignis.FREIGEBEN.value
    'freigeben'
    """

    MITZEICHNEN = "mitzeichnen"
    FREIGEBEN = "freigeben"
    AUFNEHMEN = "aufnehmen"
    BESCHLIESSEN = "beschliessen"
    GEAENDERT_BESCHLIESSEN = "geaendert_beschliessen"
    ABLEHNEN = "ablehnen"
    KENNTNIS_NEHMEN = "kenntnis_nehmen"
    ZURUECKZIEHEN = "zurueckziehen"
    ERLEDIGEN = "erledigen"


E = Vorlagenereignis

################################################################
# The Beschlussvorlage table
################################################################
#
# Rule 1: the administration drafts the Vorlage (Entwurf), other offices co-sign it
#   (Mitzeichnung), the HVB releases it (freigeben; Landrat / Bürgermeister, § 42 KrO NRW,
#   § 62 Abs. 2 GO NRW).
# Rule 2: with its first Beratung on an agenda the Vorlage is "in Beratung" (aufnehmen) and
#   stays there through the whole Beratungsfolge: Vorberatungen yield recommendations only
#   (§ 50 Abs. 1 S. 2 KrO NRW), the state of each step lives in its Beratung.
# Rule 3: only the deciding (entscheidend) Beratung ends the Vorlage: beschlossen, geändert
#   beschlossen, abgelehnt (the vote decides), or zur Kenntnis genommen (Mitteilungsvorlage).
#   Guard (not in the table): every Vorberatung of the Beratungsfolge must be beraten first;
#   a Vorlage whose Beschlussvorschlag "ergibt sich aus den Beratungen" needs the adopted text.
# Rule 4: the administration may withdraw its Vorlage until it is decided; an adopted Vorlage
#   is erledigt once carried out.
#
TABELLE: dict[S, dict[Vorlagenereignis, S]] = {
    S.ENTWURF: {
        E.MITZEICHNEN: S.MITZEICHNUNG,
        E.FREIGEBEN: S.FREIGEGEBEN,
        E.ZURUECKZIEHEN: S.ZURUECKGEZOGEN,
    },
    S.MITZEICHNUNG: {E.FREIGEBEN: S.FREIGEGEBEN, E.ZURUECKZIEHEN: S.ZURUECKGEZOGEN},
    S.FREIGEGEBEN: {E.AUFNEHMEN: S.IN_BERATUNG, E.ZURUECKZIEHEN: S.ZURUECKGEZOGEN},
    S.IN_BERATUNG: {
        E.BESCHLIESSEN: S.BESCHLOSSEN,
        E.GEAENDERT_BESCHLIESSEN: S.GEAENDERT_BESCHLOSSEN,
        E.ABLEHNEN: S.ABGELEHNT,
        E.KENNTNIS_NEHMEN: S.ZUR_KENNTNIS_GENOMMEN,
        E.ZURUECKZIEHEN: S.ZURUECKGEZOGEN,
        E.ERLEDIGEN: S.ERLEDIGT,
    },
    S.BESCHLOSSEN: {E.ERLEDIGEN: S.ERLEDIGT},
    S.GEAENDERT_BESCHLOSSEN: {E.ERLEDIGEN: S.ERLEDIGT},
    S.ABGELEHNT: {},
    S.ZUR_KENNTNIS_GENOMMEN: {},
    S.ZURUECKGEZOGEN: {},
    S.ERLEDIGT: {},
}

#: The Beschlussvorlage state machine (initial state: Entwurf).
VORLAGE: Automat[S, Vorlagenereignis] = Automat(
    "Beschlussvorlage", S, Vorlagenereignis, TABELLE, S.ENTWURF
)
