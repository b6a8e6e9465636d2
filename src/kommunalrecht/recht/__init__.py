"""Law as data: Land profiles and the Geschäftsordnung configuration.

* :class:`Geschaeftsordnung` -- one frozen configuration object for everything a GeschO
  decides (Ladungsfrist, Antragsfrist, quorum, majorities, Befangenheit, Niederschrift …),
  loadable from TOML with errors that name the dotted key.
* :func:`profil` -- the statutory defaults of a Land (GO NRW, KrO NRW, BayGO, GemO BW,
  NKomVG, HGO, SächsGemO) by Körperschaftsart and Rechtsstand, each value with its norm.
* :func:`beschlussfaehig`, :func:`ergebnis`, :func:`antragsrecht` -- quorum, vote result,
  minority agenda right; :func:`ladungsfrist`, :func:`antragsfrist`, :func:`nachtragsfrist`,
  :func:`ladung_zugang` -- the GeschO's deadlines as explained Fristen.

Sources: ``reference/kommunalrecht-regeln.md`` (§2 rules per Land, §4 Fristen, §6 schema).

>>> from datetime import date
>>> from kommunalrecht.model import Land, Koerperschaftsart
>>> from kommunalrecht import recht
>>> kreis = recht.profil(Land.NW, Koerperschaftsart.KREIS, date(2021, 9, 30))
>>> go = kreis.geschaeftsordnung
>>> recht.beschlussfaehig(go, gesetzliche_mitglieder=81, anwesend=40)
False
>>> str(kreis.norm("antrag.quorum"))
'§ 33 Abs. 1 S. 2 KrO NRW [V]'
"""

from kommunalrecht.recht.abstimmung import antragsrecht, beschlussfaehig, ergebnis, mindestzahl
from kommunalrecht.recht.geschaeftsordnung import (
    Abstimmungsregeln,
    Antragsregeln,
    Anwesenheit,
    Aufnahme,
    Befangenheitsfolge,
    Befangenheitsquorum,
    Befangenheitsregeln,
    Beschlussfaehigkeitsfiktion,
    Beschlussfaehigkeitsregeln,
    Enthaltungen,
    Erweiterungsregeln,
    Fristregel,
    Genehmigung,
    Geschaeftsordnung,
    Ladungsregeln,
    Mehrheit,
    Niederschriftregeln,
    Oeffentlichkeitsregeln,
    QuorumBasis,
    Schluessel,
    Schwelle,
    Stimmengleichheit,
    Unterzeichner,
    Zugangsregeln,
    ZweiteSitzung,
    schluessel,
)
from kommunalrecht.recht.ladung import (
    antrag_rechtzeitig,
    antragsfrist,
    ladung_zugang,
    ladungsfrist,
    nachtragsfrist,
)
from kommunalrecht.recht.profile import (
    LAENDER,
    Dringlichkeitsregel,
    Landesprofil,
    Minderheitsrecht,
    Nachbehandlung,
    Norm,
    Sicherheit,
    profil,
)

__all__ = [
    "LAENDER",
    "Abstimmungsregeln",
    "Antragsregeln",
    "Anwesenheit",
    "Aufnahme",
    "Befangenheitsfolge",
    "Befangenheitsquorum",
    "Befangenheitsregeln",
    "Beschlussfaehigkeitsfiktion",
    "Beschlussfaehigkeitsregeln",
    "Dringlichkeitsregel",
    "Enthaltungen",
    "Erweiterungsregeln",
    "Fristregel",
    "Genehmigung",
    "Geschaeftsordnung",
    "Ladungsregeln",
    "Landesprofil",
    "Mehrheit",
    "Minderheitsrecht",
    "Nachbehandlung",
    "Niederschriftregeln",
    "Norm",
    "Oeffentlichkeitsregeln",
    "QuorumBasis",
    "Schluessel",
    "Schwelle",
    "Sicherheit",
    "Stimmengleichheit",
    "Unterzeichner",
    "Zugangsregeln",
    "ZweiteSitzung",
    "antrag_rechtzeitig",
    "antragsfrist",
    "antragsrecht",
    "beschlussfaehig",
    "ergebnis",
    "ladung_zugang",
    "ladungsfrist",
    "mindestzahl",
    "nachtragsfrist",
    "profil",
    "schluessel",
]
