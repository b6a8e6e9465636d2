"""Procedure of a Dringlichkeitsentscheidung.

Norms: § 60 Abs. 1, 2 GO NRW (Hauptausschuss, or Bürgermeister and one Ratsmitglied;
Genehmigung by the Rat at its next meeting; Aufhebung unless Rechte Dritter have arisen),
§ 50 Abs. 3 KrO NRW (Kreisausschuss / Landrat and one member; Genehmigung by the Kreistag),
Art. 37 Abs. 3 BayGO (Erster Bürgermeister; only Kenntnisgabe), § 43 Abs. 4 GemO BW and
§ 89 NKomVG (information only). Vocabulary: ``reference/kommunalrecht-regeln.md`` §2.7, §3.4.

>>> from kommunalrecht import Dringlichkeitsstatus
>>> [e.value for e in DRINGLICHKEIT.erlaubt(Dringlichkeitsstatus.VORGELEGT)]
['genehmigen', 'aufheben', 'kenntnis_nehmen']
"""

from __future__ import annotations

import enum

from ..model import Dringlichkeitsstatus as S
from ._tabelle import Automat

__all__ = ["DRINGLICHKEIT", "TABELLE", "Dringlichkeitsereignis"]


class Dringlichkeitsereignis(enum.Enum):
    """Events of a Dringlichkeitsentscheidung.

    >>> Dringlichkeitsereignis.TREFFEN.value
    'treffen'
    """

    TREFFEN = "treffen"
    VORLEGEN = "vorlegen"
    GENEHMIGEN = "genehmigen"
    AUFHEBEN = "aufheben"
    KENNTNIS_NEHMEN = "kenntnis_nehmen"


E = Dringlichkeitsereignis

################################################################
# The Dringlichkeitsentscheidung table
################################################################
#
# Rule 1: the decision is requested (angefordert) because the competent body cannot be
#   convened in time, and taken (treffen) by the Hauptausschuss / Kreisausschuss or by the
#   HVB with one member (§ 60 Abs. 1 GO NRW, § 50 Abs. 3 KrO NRW; BY: the Erste
#   Bürgermeister alone, Art. 37 Abs. 3 BayGO).
# Rule 2: it is submitted (vorlegen) to the competent body at its next meeting. Guard: the
#   meeting is one of the competent Gremium and not before the decision; given a Bestand, no
#   earlier meeting of that Gremium may have been skipped ("in der nächsten Sitzung").
# Rule 3: there the body genehmigt it or hebt it auf — Aufhebung only if no Rechte Dritter
#   have arisen from its execution (§ 60 Abs. 1 S. 4 GO NRW). Where the Land only requires
#   Kenntnisgabe (BY Art. 37 Abs. 3, BW § 43 Abs. 4, NI § 89) the only outcome is "zur
#   Kenntnis genommen"; where Genehmigung is required, Kenntnisnahme is refused. The Land's
#   rule comes from recht.profil(...).dringlichkeit.nachbehandlung (guard, not table).
#
TABELLE: dict[S, dict[Dringlichkeitsereignis, S]] = {
    S.ANGEFORDERT: {E.TREFFEN: S.GETROFFEN},
    S.GETROFFEN: {E.VORLEGEN: S.VORGELEGT},
    S.VORGELEGT: {
        E.GENEHMIGEN: S.GENEHMIGT,
        E.AUFHEBEN: S.AUFGEHOBEN,
        E.KENNTNIS_NEHMEN: S.ZUR_KENNTNIS_GENOMMEN,
    },
    S.GENEHMIGT: {},
    S.AUFGEHOBEN: {},
    S.ZUR_KENNTNIS_GENOMMEN: {},
}

#: The Dringlichkeitsentscheidung state machine (initial state: angefordert).
DRINGLICHKEIT: Automat[S, Dringlichkeitsereignis] = Automat(
    "Dringlichkeitsentscheidung", S, Dringlichkeitsereignis, TABELLE, S.ANGEFORDERT
)
