"""The domain model: frozen, slotted, keyword-only attrs classes for German council procedure.

Models hold invariants only (types, non-empty ids, timezone-aware datetimes, end ≥ start,
non-negative counts); the law lives in :mod:`kommunalrecht.recht` / :mod:`kommunalrecht.regeln`,
serialisation in :mod:`kommunalrecht.oparl`, procedure in :mod:`kommunalrecht.verfahren`.

>>> from kommunalrecht.model import Gremium, Gremiumart
>>> Gremium(id="https://example.org/org/1", name="Rat", art=Gremiumart.RAT).art.value
'Rat'
"""

from ._base import Objekt, VerlaufEintrag
from .bestand import Bestand
from .dringlichkeit import Dringlichkeitsentscheidung
from .drucksache import Antrag, Beratung, Beschlussvorlage, Drucksache
from .enums import (
    Abstimmungsart,
    Beratungsrolle,
    BeschlussErgebnis,
    Funktion,
    Gremiumart,
    Koerperschaftsart,
    Land,
)
from .koerperschaft import Gremium, Koerperschaft, Mitgliedschaft, Person, System, Wahlperiode
from .ort_datei import Datei, Ort
from .sitzung import Abstimmung, Beschluss, Sitzung, Tagesordnungspunkt
from .status import (
    Beratungsstatus,
    Dringlichkeitsstatus,
    Drucksachenstatus,
    Sitzungsstatus,
    Tagesordnungspunktstatus,
)

__all__ = [
    "Abstimmung",
    "Abstimmungsart",
    "Antrag",
    "Beratung",
    "Beratungsrolle",
    "Beratungsstatus",
    "Beschluss",
    "BeschlussErgebnis",
    "Beschlussvorlage",
    "Bestand",
    "Datei",
    "Dringlichkeitsentscheidung",
    "Dringlichkeitsstatus",
    "Drucksache",
    "Drucksachenstatus",
    "Funktion",
    "Gremium",
    "Gremiumart",
    "Koerperschaft",
    "Koerperschaftsart",
    "Land",
    "Mitgliedschaft",
    "Objekt",
    "Ort",
    "Person",
    "Sitzung",
    "Sitzungsstatus",
    "System",
    "Tagesordnungspunkt",
    "Tagesordnungspunktstatus",
    "VerlaufEintrag",
    "Wahlperiode",
]

#: Every model class that maps to an OParl object type.
MODELLKLASSEN = (
    System,
    Koerperschaft,
    Wahlperiode,
    Gremium,
    Person,
    Mitgliedschaft,
    Drucksache,
    Antrag,
    Beschlussvorlage,
    Beratung,
    Sitzung,
    Tagesordnungspunkt,
    Datei,
    Ort,
)
