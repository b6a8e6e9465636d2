"""Procedure states carried by model objects (the tables that move them live in ``verfahren``).

The vocabulary is the one observed in RIS practice (``reference/kommunalrecht-regeln.md`` §3):
an Antrag is *eingereicht*, *auf Tagesordnung*, *in Beratung*, then *beschlossen*, *geändert
beschlossen*, *abgelehnt*, *vertagt*, *verwiesen*, *zurückgezogen* …; a Sitzung is *geplant*
(OParl ``terminiert``), *eingeladen*, *eröffnet*, *geschlossen*, and so on. The enums live in the
model layer because model objects carry their state; :mod:`kommunalrecht.verfahren` owns the
transition tables.

>>> Sitzungsstatus.EINGELADEN.value
'eingeladen'
"""

from __future__ import annotations

import enum

__all__ = [
    "Beratungsstatus",
    "Dringlichkeitsstatus",
    "Drucksachenstatus",
    "Sitzungsstatus",
    "Tagesordnungspunktstatus",
]


class Drucksachenstatus(enum.Enum):
    """State of a Drucksache (Antrag, Beschlussvorlage).

    Antrag and Vorlage share this vocabulary but not every state: an Antrag is *eingereicht*
    and may be *für nächste Sitzung vorgemerkt*, a Vorlage goes through *Mitzeichnung* and is
    *freigegeben* (see the tables in :mod:`kommunalrecht.verfahren`).

    >>> Drucksachenstatus("geändert beschlossen").name
    'GEAENDERT_BESCHLOSSEN'
    """

    ENTWURF = "Entwurf"
    MITZEICHNUNG = "Mitzeichnung"
    EINGEREICHT = "eingereicht"
    FREIGEGEBEN = "freigegeben"
    VORGEMERKT = "für nächste Sitzung vorgemerkt"
    AUF_TAGESORDNUNG = "auf Tagesordnung"
    IN_BERATUNG = "in Beratung"
    VERTAGT = "vertagt"
    ZURUECKGESTELLT = "zurückgestellt"
    VERWIESEN = "verwiesen"
    ZURUECKGEZOGEN = "zurückgezogen"
    ABGESETZT = "abgesetzt"
    BESCHLOSSEN = "beschlossen"
    GEAENDERT_BESCHLOSSEN = "geändert beschlossen"
    ABGELEHNT = "abgelehnt"
    ZUR_KENNTNIS_GENOMMEN = "zur Kenntnis genommen"
    ERLEDIGT = "erledigt"


class Beratungsstatus(enum.Enum):
    """State of one Beratung (step of a Beratungsfolge).

    >>> Beratungsstatus.GEPLANT.value
    'geplant'
    """

    GEPLANT = "geplant"
    AUF_TAGESORDNUNG = "auf Tagesordnung"
    IN_BERATUNG = "in Beratung"
    BERATEN = "beraten"
    VERTAGT = "vertagt"
    ZURUECKGESTELLT = "zurückgestellt"
    VERWIESEN = "verwiesen"
    ABGESETZT = "abgesetzt"
    ZURUECKGEZOGEN = "zurückgezogen"


class Sitzungsstatus(enum.Enum):
    """State of a Sitzung (OParl ``meetingState`` is a coarser view of it).

    >>> Sitzungsstatus.NIEDERSCHRIFT_GENEHMIGT.value
    'Niederschrift genehmigt'
    """

    GEPLANT = "geplant"
    EINGELADEN = "eingeladen"
    EROEFFNET = "eröffnet"
    UNTERBROCHEN = "unterbrochen"
    GESCHLOSSEN = "geschlossen"
    ABGEBROCHEN = "abgebrochen"
    ABGESAGT = "abgesagt"
    VERLEGT = "verlegt"
    NIEDERSCHRIFT_ENTWORFEN = "Niederschrift entworfen"
    NIEDERSCHRIFT_UNTERZEICHNET = "Niederschrift unterzeichnet"
    NIEDERSCHRIFT_GENEHMIGT = "Niederschrift genehmigt"


class Tagesordnungspunktstatus(enum.Enum):
    """State of a Tagesordnungspunkt (the outcome states mirror OParl ``AgendaItem.result``).

    >>> Tagesordnungspunktstatus.ABGESETZT.value
    'abgesetzt'
    """

    GEPLANT = "geplant"
    IN_BERATUNG = "in Beratung"
    BESCHLOSSEN = "beschlossen"
    GEAENDERT_BESCHLOSSEN = "geändert beschlossen"
    ABGELEHNT = "abgelehnt"
    ZUR_KENNTNIS_GENOMMEN = "zur Kenntnis genommen"
    VERTAGT = "vertagt"
    ZURUECKGESTELLT = "zurückgestellt"
    VERWIESEN = "verwiesen"
    ABGESETZT = "abgesetzt"
    ZURUECKGEZOGEN = "zurückgezogen"
    ERLEDIGT = "erledigt"


class Dringlichkeitsstatus(enum.Enum):
    """State of a :class:`~kommunalrecht.model.Dringlichkeitsentscheidung`
    (§ 60 GO NRW, § 50 Abs. 3 KrO NRW; BY: Art. 37 Abs. 3 BayGO, Kenntnisgabe only).

    >>> Dringlichkeitsstatus.VORGELEGT.value
    'zur Genehmigung vorgelegt'
    """

    ANGEFORDERT = "angefordert"
    GETROFFEN = "getroffen"
    VORGELEGT = "zur Genehmigung vorgelegt"
    GENEHMIGT = "genehmigt"
    AUFGEHOBEN = "aufgehoben"
    ZUR_KENNTNIS_GENOMMEN = "zur Kenntnis genommen"
