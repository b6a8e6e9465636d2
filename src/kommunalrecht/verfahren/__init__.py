"""Procedure: state machines for Antrag, Beschlussvorlage, Beratung, Sitzung,
Tagesordnungspunkt and Dringlichkeitsentscheidung (style: python-hyper/h11 ``_state.py``).

Each kind has a state enum (:mod:`kommunalrecht.model.status`), an event enum and ONE
transition table ``dict[State, dict[Event, State]]`` whose header comment states the rules and
norms (:data:`ANTRAG`, :data:`VORLAGE`, :data:`BERATUNG`, :data:`SITZUNG`, :data:`TOP`,
:data:`DRINGLICHKEIT`). Transitions are pure functions, one per event, that return a new object
with the new state and a Verlauf entry; illegal events and failed guards raise
:class:`~kommunalrecht.TransitionError` and change nothing. Guards ask :mod:`kommunalrecht.recht`
with the body's Geschäftsordnung (§ 47 Abs. 2 GO NRW / § 32 Abs. 2 KrO NRW Ladungsfrist, § 49 GO
NRW Beschlussfähigkeit, § 50 GO NRW majority, § 60 GO NRW / § 50 Abs. 3 KrO NRW / Art. 37
Abs. 3 BayGO Dringlichkeit). :func:`anwenden` applies events to a whole Bestand;
:mod:`~kommunalrecht.verfahren.oparl_abbildung` maps states to OParl.

>>> import datetime as dt
>>> from kommunalrecht import Sitzung, verfahren
>>> from kommunalrecht.recht import Geschaeftsordnung
>>> s = Sitzung(id="https://example.org/s", datum=dt.date(2021, 11, 16))
>>> s = verfahren.einladen(s, am=dt.datetime(2021, 11, 4, 9, tzinfo=dt.timezone.utc))
>>> s = verfahren.eroeffnen(s, am=dt.datetime(2021, 11, 16, 15, tzinfo=dt.timezone.utc),
...                         go=Geschaeftsordnung())
>>> [e.nach for e in s.verlauf], verfahren.SITZUNG.nachspielen(s.verlauf) is s.status
(['eingeladen', 'eröffnet'], True)
"""

from ._bestand import Ereignis, anwenden
from ._tabelle import Automat
from .antrag import ANTRAG, Antragsereignis
from .beratung import BERATUNG, Beratungsereignis
from .dringlichkeit import DRINGLICHKEIT, Dringlichkeitsereignis
from .ereignisse import (
    Folgeberatung,
    abbrechen,
    absagen,
    absetzen,
    aufheben,
    aufnehmen,
    aufrufen,
    automat,
    beraten,
    beschliessen,
    einladen,
    einreichen,
    erledigen,
    eroeffnen,
    fortsetzen,
    freigeben,
    genehmigen,
    kenntnis_nehmen,
    mitzeichnen,
    niederschrift_entwerfen,
    niederschrift_unterzeichnen,
    schliessen,
    treffen,
    unterbrechen,
    verlegen,
    vertagen,
    verweisen,
    vorlegen,
    vormerken,
    zurueckstellen,
    zurueckziehen,
)
from .oparl_abbildung import (
    ergebnis_nach_oparl,
    ergebnis_von_oparl,
    sitzung_nach_oparl,
    sitzung_von_oparl,
)
from .sitzung import SITZUNG, Sitzungsereignis
from .tagesordnungspunkt import TOP, Tagesordnungspunktereignis
from .vorlage import VORLAGE, Vorlagenereignis

__all__ = [
    "ANTRAG",
    "BERATUNG",
    "DRINGLICHKEIT",
    "SITZUNG",
    "TOP",
    "VORLAGE",
    "Antragsereignis",
    "Automat",
    "Beratungsereignis",
    "Dringlichkeitsereignis",
    "Ereignis",
    "Folgeberatung",
    "Sitzungsereignis",
    "Tagesordnungspunktereignis",
    "Vorlagenereignis",
    "abbrechen",
    "absagen",
    "absetzen",
    "anwenden",
    "aufheben",
    "aufnehmen",
    "aufrufen",
    "automat",
    "beraten",
    "beschliessen",
    "einladen",
    "einreichen",
    "ergebnis_nach_oparl",
    "ergebnis_von_oparl",
    "erledigen",
    "eroeffnen",
    "fortsetzen",
    "freigeben",
    "genehmigen",
    "kenntnis_nehmen",
    "mitzeichnen",
    "niederschrift_entwerfen",
    "niederschrift_unterzeichnen",
    "schliessen",
    "sitzung_nach_oparl",
    "sitzung_von_oparl",
    "treffen",
    "unterbrechen",
    "verlegen",
    "vertagen",
    "verweisen",
    "vorlegen",
    "vormerken",
    "zurueckstellen",
    "zurueckziehen",
]
