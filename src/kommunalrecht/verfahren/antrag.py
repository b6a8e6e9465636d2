"""Procedure of an Antrag (Fraktionsantrag, Antrag auf Aufnahme in die Tagesordnung).

Norms: § 48 Abs. 1 S. 2 GO NRW and § 33 Abs. 1 S. 2 KrO NRW (a Fraktion or a fifth of the
members can demand an item on the agenda of the next meeting whose Antragsfrist it meets);
§ 36 Abs. 5 SächsGemO, § 34 Abs. 1 GemO BW (next-but-one meeting). Vocabulary:
``reference/kommunalrecht-regeln.md`` §3.1.

>>> from kommunalrecht import Drucksachenstatus
>>> [e.value for e in ANTRAG.erlaubt(Drucksachenstatus.EINGEREICHT)]
['aufnehmen', 'vormerken', 'zurueckziehen', 'erledigen']
"""

from __future__ import annotations

import enum

from ..model import Drucksachenstatus as S
from ._tabelle import Automat

__all__ = ["ANTRAG", "TABELLE", "Antragsereignis"]


class Antragsereignis(enum.Enum):
    """Events of an Antrag (the value is the name of the transition function).

    >>> Antragsereignis("einreichen").name
    'EINREICHEN'
    """

    EINREICHEN = "einreichen"
    VORMERKEN = "vormerken"
    AUFNEHMEN = "aufnehmen"
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


E = Antragsereignis

################################################################
# The Antrag table
################################################################
#
# Rule 1: an Antrag is written (Entwurf) and eingereicht at the HVB (Bürgermeister / Landrat).
#   An Antrag received within the GeschO's Antragsfrist of a Fraktion or of a fifth of the
#   members MUST be put on the agenda of the next meeting (§ 48 Abs. 1 S. 2 GO NRW, § 33
#   Abs. 1 S. 2 KrO NRW; SN/BW: next-but-one meeting). A late one is "für nächste Sitzung
#   vorgemerkt" (vormerken) and put on a later agenda (aufnehmen). Whether the Frist was met
#   is a question for recht.antrag_rechtzeitig / the rule ANTRAGSFRIST, not for the table.
# Rule 2: on the agenda the item is called (aufrufen → in Beratung) and ends in one outcome:
#   beschlossen, geändert beschlossen, abgelehnt (the vote decides: verfahren.beschliessen),
#   zur Kenntnis genommen, erledigt (e.g. by a Verwaltungsbericht), or it leaves the meeting
#   undecided: vertagt, zurückgestellt (Beschlussunfähigkeit; feeds § 49 Abs. 2 GO NRW),
#   verwiesen (to a committee), abgesetzt (by resolution, also before the call).
# Rule 3: an undecided Antrag (vertagt / zurückgestellt / verwiesen / abgesetzt / vorgemerkt)
#   can be put on a later agenda again (aufnehmen).
# Rule 4: the Antragsteller may withdraw (zurueckziehen) at any time before the final vote.
# Rule 5: an adopted Antrag is erledigt once carried out (Beschlusskontrolle); abgelehnt,
#   zur Kenntnis genommen, zurückgezogen and erledigt are final.
#
TABELLE: dict[S, dict[Antragsereignis, S]] = {
    S.ENTWURF: {E.EINREICHEN: S.EINGEREICHT, E.ZURUECKZIEHEN: S.ZURUECKGEZOGEN},
    S.EINGEREICHT: {
        E.AUFNEHMEN: S.AUF_TAGESORDNUNG,
        E.VORMERKEN: S.VORGEMERKT,
        E.ZURUECKZIEHEN: S.ZURUECKGEZOGEN,
        E.ERLEDIGEN: S.ERLEDIGT,
    },
    S.VORGEMERKT: {
        E.AUFNEHMEN: S.AUF_TAGESORDNUNG,
        E.ZURUECKZIEHEN: S.ZURUECKGEZOGEN,
        E.ERLEDIGEN: S.ERLEDIGT,
    },
    S.AUF_TAGESORDNUNG: {
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
    S.VERTAGT: {
        E.AUFNEHMEN: S.AUF_TAGESORDNUNG,
        E.ZURUECKZIEHEN: S.ZURUECKGEZOGEN,
        E.ERLEDIGEN: S.ERLEDIGT,
    },
    S.ZURUECKGESTELLT: {
        E.AUFNEHMEN: S.AUF_TAGESORDNUNG,
        E.ZURUECKZIEHEN: S.ZURUECKGEZOGEN,
        E.ERLEDIGEN: S.ERLEDIGT,
    },
    S.VERWIESEN: {
        E.AUFNEHMEN: S.AUF_TAGESORDNUNG,
        E.ZURUECKZIEHEN: S.ZURUECKGEZOGEN,
        E.ERLEDIGEN: S.ERLEDIGT,
    },
    S.ABGESETZT: {
        E.AUFNEHMEN: S.AUF_TAGESORDNUNG,
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

#: The Antrag state machine (initial state: Entwurf).
ANTRAG: Automat[S, Antragsereignis] = Automat("Antrag", S, Antragsereignis, TABELLE, S.ENTWURF)
