"""Closed vocabularies of the domain model.

Enums are used where the vocabulary is closed by law or by this library's design (Länder,
kinds of Körperschaft and Gremium, roles in a Beratungsfolge, outcomes of a TOP). Where RIS
practice is free text (TOP numbers, Drucksache references, OParl ``role``/``result`` strings)
the model keeps the text verbatim beside the enum, so nothing read is lost.

Values are the German display words used in RIS practice (see
``reference/kommunalrecht-regeln.md`` §3) so that ``enum.value`` can be shown to users.

>>> Land("NW").name
'NW'
>>> Beratungsrolle("Vorberatung") is Beratungsrolle.VORBERATUNG
True
"""

from __future__ import annotations

import enum

__all__ = [
    "Abstimmungsart",
    "Beratungsrolle",
    "BeschlussErgebnis",
    "Funktion",
    "Gremiumart",
    "Koerperschaftsart",
    "Land",
]


class Land(enum.Enum):
    """The 16 Länder (ISO 3166-2:DE subdivision codes, as used by the ``holidays`` package).

    >>> Land.NW.value
    'NW'
    """

    BW = "BW"
    BY = "BY"
    BE = "BE"
    BB = "BB"
    HB = "HB"
    HH = "HH"
    HE = "HE"
    MV = "MV"
    NI = "NI"
    NW = "NW"
    RP = "RP"
    SL = "SL"
    SN = "SN"
    ST = "ST"
    SH = "SH"
    TH = "TH"


class Koerperschaftsart(enum.Enum):
    """Kind of local authority; decides which statute applies (e.g. GO NRW vs KrO NRW).

    >>> Koerperschaftsart.KREIS.value
    'Kreis'
    """

    GEMEINDE = "Gemeinde"
    STADT = "Stadt"
    KREISFREIE_STADT = "Kreisfreie Stadt"
    KREIS = "Kreis"
    SONSTIGE = "Sonstige"


class Gremiumart(enum.Enum):
    """Kind of Gremium (OParl ``Organization``): council, committees, groups, offices.

    ``VERWALTUNGSEINHEIT`` covers Dienststellen such as "30.2 - Ausländerbehörde"
    (OParl ``organizationType`` "Verwaltungsbereich").

    >>> Gremiumart("Kreisausschuss").name
    'KREISAUSSCHUSS'
    """

    RAT = "Rat"
    KREISTAG = "Kreistag"
    HAUPTAUSSCHUSS = "Hauptausschuss"
    KREISAUSSCHUSS = "Kreisausschuss"
    AUSSCHUSS = "Ausschuss"
    BEZIRKSVERTRETUNG = "Bezirksvertretung"
    BEIRAT = "Beirat"
    FRAKTION = "Fraktion"
    PARTEI = "Partei"
    VERWALTUNGSEINHEIT = "Verwaltungseinheit"
    SONSTIGES = "Sonstiges"


class Funktion(enum.Enum):
    """Function of a member in a Gremium (beside OParl's free-text ``role``).

    >>> Funktion.SCHRIFTFUEHRUNG.value
    'Schriftführung'
    """

    VORSITZ = "Vorsitz"
    STELLVERTRETENDER_VORSITZ = "stellvertretender Vorsitz"
    MITGLIED = "Mitglied"
    STELLVERTRETENDES_MITGLIED = "stellvertretendes Mitglied"
    SACHKUNDIGER_BUERGER = "sachkundige Bürgerin / sachkundiger Bürger"
    BERATENDES_MITGLIED = "beratendes Mitglied"
    SCHRIFTFUEHRUNG = "Schriftführung"
    FRAKTIONSVORSITZ = "Fraktionsvorsitz"
    LEITUNG = "Leitung"
    SONSTIGE = "Sonstige"


class Beratungsrolle(enum.Enum):
    """Role of one step of a Beratungsfolge (OParl ``Consultation.role`` recommendations).

    >>> Beratungsrolle.ENTSCHEIDUNG.value
    'Entscheidung'
    """

    VORBERATUNG = "Vorberatung"
    ENTSCHEIDUNG = "Entscheidung"
    KENNTNISNAHME = "Kenntnisnahme"
    ANHOERUNG = "Anhörung"


class BeschlussErgebnis(enum.Enum):
    """Outcome of a TOP / Beratung in RIS vocabulary (OParl ``AgendaItem.result``).

    >>> BeschlussErgebnis("ungeändert beschlossen").name
    'UNGEAENDERT_BESCHLOSSEN'
    """

    UNGEAENDERT_BESCHLOSSEN = "ungeändert beschlossen"
    GEAENDERT_BESCHLOSSEN = "geändert beschlossen"
    ABGELEHNT = "abgelehnt"
    EMPFOHLEN = "empfohlen"
    NICHT_EMPFOHLEN = "nicht empfohlen"
    ZUR_KENNTNIS_GENOMMEN = "zur Kenntnis genommen"
    VERTAGT = "vertagt"
    ZURUECKGESTELLT = "zurückgestellt"
    VERWIESEN = "verwiesen"
    ABGESETZT = "abgesetzt"
    ZURUECKGEZOGEN = "zurückgezogen"
    ERLEDIGT = "erledigt"
    GENEHMIGT = "genehmigt"
    AUFGEHOBEN = "aufgehoben"


class Abstimmungsart(enum.Enum):
    """How a vote was taken.

    >>> Abstimmungsart.GEHEIM.value
    'geheim'
    """

    OFFEN = "offen"
    NAMENTLICH = "namentlich"
    GEHEIM = "geheim"
