"""kommunalrecht — German municipal council procedure as typed Python objects.

Model (Gremium, Antrag, Beschlussvorlage, Tagesordnungspunkt, Sitzung …), validation rules from
the law, procedure state machines, and OParl 1.1 serialisers (JSON and a lossless XML form).

>>> import kommunalrecht as kr
>>> s = kr.Sitzung(id="https://example.org/s/1", name="Kreistag")
>>> s.name
'Kreistag'
"""

from . import fristen, recht, regeln
from .errors import (
    ConfigError,
    Finding,
    FristError,
    InvariantError,
    KommunalrechtError,
    ParseError,
    Severity,
    TransitionError,
    ValidationError,
)
from .model import (
    Abstimmung,
    Abstimmungsart,
    Antrag,
    Beratung,
    Beratungsrolle,
    Beratungsstatus,
    Beschluss,
    BeschlussErgebnis,
    Beschlussvorlage,
    Bestand,
    Datei,
    Dringlichkeitsentscheidung,
    Dringlichkeitsstatus,
    Drucksache,
    Drucksachenstatus,
    Funktion,
    Gremium,
    Gremiumart,
    Koerperschaft,
    Koerperschaftsart,
    Land,
    Mitgliedschaft,
    Objekt,
    Ort,
    Person,
    Sitzung,
    Sitzungsstatus,
    System,
    Tagesordnungspunkt,
    Tagesordnungspunktstatus,
    VerlaufEintrag,
    Wahlperiode,
)
from .recht import Geschaeftsordnung
from .regeln import assert_valid, validate

__version__ = "0.1.0.dev0"

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
    "ConfigError",
    "Datei",
    "Dringlichkeitsentscheidung",
    "Dringlichkeitsstatus",
    "Drucksache",
    "Drucksachenstatus",
    "Finding",
    "FristError",
    "Funktion",
    "Geschaeftsordnung",
    "Gremium",
    "Gremiumart",
    "InvariantError",
    "Koerperschaft",
    "Koerperschaftsart",
    "KommunalrechtError",
    "Land",
    "Mitgliedschaft",
    "Objekt",
    "Ort",
    "ParseError",
    "Person",
    "Severity",
    "Sitzung",
    "Sitzungsstatus",
    "System",
    "Tagesordnungspunkt",
    "Tagesordnungspunktstatus",
    "TransitionError",
    "ValidationError",
    "VerlaufEintrag",
    "Wahlperiode",
    "assert_valid",
    "fristen",
    "recht",
    "regeln",
    "validate",
]
