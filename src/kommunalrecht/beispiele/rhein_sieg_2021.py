"""The Rhein-Sieg-Kreis 2021 bundle as model objects — the library's flagship example.

The bundle (public documents of the Rhein-Sieg-Kreis, NRW) holds:

* the **Einladung** of Thu 04.11.2021 ("Siegburg, den 04.11.2021") to the members of the
  *Ausschuss für Soziales und Integration* for its Sitzung on Tue 16.11.2021, signed by the
  Vorsitzende (Katja Ruiters) and, f.d.R., the Schriftführerin (Nadine Klein), with a
  Corona notice;
* two **Anträge** of the SPD-Kreistagsfraktion to Landrat Sebastian Schuster: 10.09.2021
  "Integrationskonzept für den Rhein-Sieg-Kreis" (for the next Kreisausschuss / Kreistag) and
  28.09.2021 "Lenkungsgruppe KIM" (for the next Ausschuss für Soziales und Integration);
* two **Beschlussvorlagen** answering them: Dienststelle "30.2 - Ausländerbehörde" of
  21.09.2021 (Beratungsfolge Kreisausschuss 27.09.2021 Vorberatung → Kreistag 30.09.2021
  Entscheidung) and Dienststelle "2-07 - Kommunales Integrationszentrum -KI-" (Ausschuss für
  Soziales und Integration 16.11.2021 Entscheidung), both "für den öffentlichen Sitzungsteil"
  and both without a Beschlussvorschlag ("ergibt sich aus den Beratungen").

Only facts the documents state are modelled. What they do not state stays unknown: no start
times (Sitzungen carry only their day), no Drucksache numbers, no TOP numbers, no AGS, no date of
the second Vorlage. Two things are not facts of the documents and are marked as such: ids live
under the example base URL :data:`BASIS` (laid out as :func:`kommunalrecht.oparl.export`
writes an API tree), and ``created``/``modified`` are the time this example
record was entered (:data:`ERFASST`), which OParl requires on every object. Each TOP's
``position`` is its position among the TOPs of that Sitzung *known to this bundle* (the full
agendas are not part of it). Every Drucksache keeps its document text verbatim in ``text``
(extraction artefacts such as "a fzuste ep." included), so nothing is lost.

>>> b = bestand()
>>> asi = b[ID["gremium/asi"]]
>>> asi.name
'Ausschuss für Soziales und Integration'
>>> s = b[ID["sitzung/asi-2021-11-16"]]
>>> s.datum, s.einladungsdatum
(datetime.date(2021, 11, 16), datetime.date(2021, 11, 4))
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from typing import Any, TypedDict

from ..model import (
    Antrag,
    Beratung,
    Beratungsrolle,
    Beschlussvorlage,
    Bestand,
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
)

__all__ = ["BASIS", "ERFASST", "ID", "KOERPERSCHAFTEN_LISTE", "bestand", "dokumente", "objekte"]

#: Example base URL of every id (not a real server).
BASIS = "https://oparl.example.org/rhein-sieg-kreis/"

#: When the example records were entered (OParl needs created/modified; not a document fact).
ERFASST = dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))

_KEYS = (
    "system",
    "body",
    "ort/sitzungsraum-kreishaus",
    "gremium/kreistag",
    "gremium/kreisausschuss",
    "gremium/asi",
    "gremium/spd-fraktion",
    "gremium/30.2",
    "gremium/2-07",
    "gremium/kreissozialamt",
    "person/schuster",
    "person/ruiters",
    "person/klein",
    "person/waldaestl",
    "person/tendler",
    "person/peters",
    "mitgliedschaft/ruiters-asi",
    "mitgliedschaft/klein-asi",
    "drucksache/antrag-2021-09-10",
    "drucksache/antrag-2021-09-28",
    "drucksache/vorlage-30.2-2021-09-21",
    "drucksache/vorlage-2-07",
    "beratung/vorlage-30.2-ka",
    "beratung/vorlage-30.2-kt",
    "beratung/vorlage-2-07-asi",
    "sitzung/ka-2021-09-27",
    "sitzung/kt-2021-09-30",
    "sitzung/asi-2021-11-16",
    "top/ka-2021-09-27/integrationskonzept",
    "top/kt-2021-09-30/integrationskonzept",
    "top/asi-2021-11-16/lenkungsgruppe-kim",
)

#: Short key → id of every object of the example.
ID: dict[str, str] = {k: BASIS + k for k in _KEYS}
ID["body"] = BASIS + "body/rhein-sieg-kreis"

#: URL of the System's list of Körperschaften (OParl ``System.body``).
KOERPERSCHAFTEN_LISTE = BASIS + "body"


def _liste(name: str) -> str:
    """URL of an external list of the Körperschaft (same layout as :func:`oparl.export`)."""
    return f"{ID['body']}/{name}"


# The Lenkungsgruppe KIM as listed in the Erläuterungen of the Vorlage 2-07:
# (key, Anrede, Titel, Familienname, function as printed).
_LENKUNGSGRUPPE = (
    (
        "schmitz",
        "Herr",
        None,
        "Schmitz",
        "Dezernent für Soziales, Gesundheit, Versorgung und kommunale Integration des Rhein-Sieg-Kreises",
    ),
    (
        "dinstuehler",
        "Frau",
        None,
        "Dinstühler",
        "Leiterin des Kommunalen Integrationszentrums des Rhein-Sieg-Kreises",
    ),
    ("liermann", "Herr", None, "Liermann", "Leiter des Kreissozialamtes"),
    (
        "neugebauer",
        "Frau",
        "Dr.",
        "Neugebauer",
        "Leiterin des Rechts- und Ordnungsamtes des Rhein-Sieg-Kreises",
    ),
    ("hasper", "Frau", "Dr.", "Hasper", "Ltd. Kreismedizinaldirektorin (themenbezogen)"),
    ("schlich", "Frau", None, "Schlich", "Amtsleiterin Kreisjugendamt"),
    ("rellecke", "Herr", None, "Rellecke", "SAD, Schulamt für den Rhein-Sieg-Kreis"),
    (
        "boeker",
        "Frau",
        None,
        "Böker",
        "Amtsleiterin des Amtes für Schule und Bildungskoordinierung",
    ),
    ("holtkoetter", "Herr", None, "Holtkötter", "Geschäftsführer des Jobcenters"),
    ("lohmueller", "Herr", None, "Lohmüller", "Geschäftsführer der Agentur für Arbeit"),
    ("mathes", "Herr", None, "Mathes", "Geschäftsführer des Paritätischen Wohlfahrtsverbandes"),
    (
        "klippel",
        "Herr",
        None,
        "Klippel",
        "Kreiscaritasdirektor des Caritasverbandes Rhein-Sieg e.V.",
    ),
    ("ehmann", "Herr", None, "Ehmann", "Geschäftsführer des Diakonischen Werkes An Sieg und Rhein"),
    (
        "hanke",
        "Frau",
        None,
        "Hanke",
        "Leiterin des Amtes für Soziales, Wohnen und Integration der Stadt Troisdorf",
    ),
    ("wirtz", "Herr", None, "Wirtz", "1. Beigeordneter, Stadt Meckenheim"),
    ("gauss", "Frau", None, "Gauß", "Bürgermeisterin, Gemeinde Windeck"),
    (
        "franken",
        "Herr",
        None,
        "Franken",
        "Leitung des Familienamtes, Gemeinde Neunkirchen-Seelscheid",
    ),
    (
        "hofsuemmer",
        "Frau",
        None,
        "Hofsümmer",
        "Fachbereichsleitung Bürger und Familie, Gemeinde Much",
    ),
)
for _key, *_ in _LENKUNGSGRUPPE:
    ID[f"person/{_key}"] = BASIS + f"person/{_key}"


def dokumente() -> dict[str, str]:
    """The five documents of the bundle, verbatim (trailing spaces per line removed).

    Keys: ``einladung``, ``antrag-2021-09-10``, ``vorlage-30.2``, ``vorlage-2-07``,
    ``antrag-2021-09-28``.

    >>> sorted(dokumente())
    ['antrag-2021-09-10', 'antrag-2021-09-28', 'einladung', 'vorlage-2-07', 'vorlage-30.2']
    >>> dokumente()["einladung"].splitlines()[0]
    ' Hinweis:'
    """
    raw = resources.files(__package__).joinpath("rhein_sieg_2021.txt").read_text("utf-8")
    lines = [line.rstrip() for line in raw.splitlines()]
    # Section boundaries (1-based line numbers of the extracted text).
    bounds = {
        "einladung": (1, 39),
        "antrag-2021-09-10": (40, 102),
        "vorlage-30.2": (103, 280),
        "vorlage-2-07": (281, 381),
        "antrag-2021-09-28": (382, len(lines)),
    }
    return {k: "\n".join(lines[a - 1 : b]).strip("\n") for k, (a, b) in bounds.items()}


def _fliesstext(text: str) -> str:
    """Join the lines of a paragraph-structured extract into paragraphs (blank line = break)."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _zwischen(text: str, start: str, ende: str | None) -> str:
    """The text between the markers ``start`` and ``ende`` (exclusive), as paragraphs."""
    a = text.index(start) + len(start)
    b = text.index(ende, a) if ende is not None else len(text)
    return _fliesstext(text[a:b])


class _Meta(TypedDict):
    created: dt.datetime
    modified: dt.datetime


def _meta() -> _Meta:
    return {"created": ERFASST, "modified": ERFASST}


def objekte() -> list[Objekt]:
    """All top-level objects of the example, in a stable order.

    >>> len([o for o in objekte() if isinstance(o, Person)])
    24
    """
    doc = dokumente()
    m = _meta()
    system = System(
        id=ID["system"],
        name="kommunalrecht – Beispieldaten Rhein-Sieg-Kreis 2021",
        koerperschaften_liste=KOERPERSCHAFTEN_LISTE,
        **m,
    )
    body = Koerperschaft(
        id=ID["body"],
        system=ID["system"],
        name="Rhein-Sieg-Kreis",
        kurzname="Rhein-Sieg-Kreis",
        klassifikation="Kreis",
        land=Land.NW,
        art=Koerperschaftsart.KREIS,
        gremien_liste=_liste("organization"),
        personen_liste=_liste("person"),
        sitzungen_liste=_liste("meeting"),
        drucksachen_liste=_liste("paper"),
        tagesordnungspunkte_liste=_liste("agendaItem"),
        beratungen_liste=_liste("consultation"),
        dateien_liste=_liste("file"),
        orte_liste=_liste("locationList"),
        wahlperioden_liste=_liste("legislativeTermList"),
        mitgliedschaften_liste=_liste("membership"),
        **m,
    )

    def gremium(key: str, name: str, art: Gremiumart, **kw: Any) -> Gremium:
        return Gremium(id=ID[key], koerperschaft=ID["body"], name=name, art=art, **kw, **m)

    gremien = [
        gremium(
            "gremium/kreistag",
            "Kreistag",
            Gremiumart.KREISTAG,
            organisationstyp="Gremium",
            klassifikation="Parlament",
        ),
        gremium(
            "gremium/kreisausschuss",
            "Kreisausschuss",
            Gremiumart.KREISAUSSCHUSS,
            organisationstyp="Gremium",
            klassifikation="Ausschuss",
        ),
        gremium(
            "gremium/asi",
            "Ausschuss für Soziales und Integration",
            Gremiumart.AUSSCHUSS,
            organisationstyp="Gremium",
            klassifikation="Ausschuss",
            mitgliedschaften=(ID["mitgliedschaft/ruiters-asi"], ID["mitgliedschaft/klein-asi"]),
            posten=("Vorsitzende", "Schriftführerin"),
        ),
        gremium(
            "gremium/spd-fraktion",
            "SPD-Kreistagsfraktion",
            Gremiumart.FRAKTION,
            organisationstyp="Fraktion",
            klassifikation="Fraktion",
        ),
        gremium(
            "gremium/30.2",
            "Ausländerbehörde",
            Gremiumart.VERWALTUNGSEINHEIT,
            kennung="30.2",
            organisationstyp="Verwaltungsbereich",
        ),
        gremium(
            "gremium/2-07",
            "Kommunales Integrationszentrum -KI-",
            Gremiumart.VERWALTUNGSEINHEIT,
            kennung="2-07",
            kurzname="KI",
            organisationstyp="Verwaltungsbereich",
        ),
        gremium(
            "gremium/kreissozialamt",
            "Kreissozialamt",
            Gremiumart.VERWALTUNGSEINHEIT,
            organisationstyp="Verwaltungsbereich",
        ),
    ]

    def person(key: str, vorname: str | None, familienname: str, **kw: Any) -> Person:
        name = f"{vorname} {familienname}" if vorname else familienname
        return Person(
            id=ID[key],
            koerperschaft=ID["body"],
            name=name,
            vorname=vorname,
            familienname=familienname,
            **kw,
            **m,
        )

    personen = [
        person(
            "person/schuster",
            "Sebastian",
            "Schuster",
            anrede="Herr",
            funktionen=("Landrat des Rhein-Sieg-Kreises",),
        ),
        person(
            "person/ruiters",
            "Katja",
            "Ruiters",
            mitgliedschaften=(
                Mitgliedschaft(
                    id=ID["mitgliedschaft/ruiters-asi"],
                    person=ID["person/ruiters"],
                    gremium=ID["gremium/asi"],
                    rolle="Vorsitzende",
                    funktion=Funktion.VORSITZ,
                    **m,
                ),
            ),
        ),
        person(
            "person/klein",
            "Nadine",
            "Klein",
            mitgliedschaften=(
                Mitgliedschaft(
                    id=ID["mitgliedschaft/klein-asi"],
                    person=ID["person/klein"],
                    gremium=ID["gremium/asi"],
                    rolle="Schriftführerin",
                    funktion=Funktion.SCHRIFTFUEHRUNG,
                    **m,
                ),
            ),
        ),
        person("person/waldaestl", "Denis", "Waldästl"),
        person("person/tendler", "Dietmar", "Tendler"),
        person("person/peters", "Anna", "Peters"),
    ]
    for key, anrede, titel, familienname, funktion in _LENKUNGSGRUPPE:
        personen.append(
            Person(
                id=ID[f"person/{key}"],
                koerperschaft=ID["body"],
                name=" ".join(x for x in (anrede, titel, familienname) if x),
                anrede=anrede,
                titel=(titel,) if titel else (),
                familienname=familienname,
                funktionen=(funktion,),
                **m,
            )
        )

    a1 = doc["antrag-2021-09-10"]
    antrag1 = Antrag(
        id=ID["drucksache/antrag-2021-09-10"],
        koerperschaft=ID["body"],
        name="Integrationskonzept für den Rhein-Sieg-Kreis",
        datum=dt.date(2021, 9, 10),
        urheber_gremien=(ID["gremium/spd-fraktion"],),
        urheber_personen=(
            ID["person/waldaestl"],
            ID["person/tendler"],
            ID["person/peters"],
            ID["person/ruiters"],
        ),
        zielgremien=(ID["gremium/kreisausschuss"], ID["gremium/kreistag"]),
        empfaenger=("Landrat des Rhein-Sieg-Kreises", "Herrn Sebastian Schuster", "im Hause"),
        nachrichtlich=("Fraktionen",),
        anliegen=_zwischen(a1, "Sehr geehrter Herr Landrat,", "„Die Kreisverwaltung"),
        beschlussvorschlag=_zwischen(a1, "Beschlussfassung:", "Begründung:"),
        begruendung=_zwischen(a1, "Begründung:", "Mit freundlichen Grüßen"),
        unterzeichner_text="gez. Denis Waldästl, Dietmar Tendler, Anna Peters, Katja Ruiters "
        "und Fraktion",
        text=a1,
        **m,
    )
    a2 = doc["antrag-2021-09-28"]
    antrag2 = Antrag(
        id=ID["drucksache/antrag-2021-09-28"],
        koerperschaft=ID["body"],
        name="Lenkungsgruppe KIM",
        datum=dt.date(2021, 9, 28),
        urheber_gremien=(ID["gremium/spd-fraktion"],),
        urheber_personen=(ID["person/waldaestl"], ID["person/peters"], ID["person/ruiters"]),
        zielgremien=(ID["gremium/asi"],),
        empfaenger=("An den Landrat des Rhein-Sieg-Kreises", "Herrn Sebastian Schuster"),
        nachrichtlich=("Fraktionen",),
        anliegen=_zwischen(a2, "Sehr geehrter Herr Landrat,", "1.)"),
        beschlussvorschlag="1.) " + _zwischen(a2, "1.)", "Begründung:"),
        begruendung=_zwischen(a2, "Begründung:", "Freundliche Grüße"),
        unterzeichner_text="gez. Denis Waldästl, Anna Peters, Katja Ruiters und Fraktion",
        verwandte=(ID["drucksache/vorlage-2-07"],),
        text=a2,
        **m,
    )

    v1 = doc["vorlage-30.2"]
    vorlage1 = Beschlussvorlage(
        id=ID["drucksache/vorlage-30.2-2021-09-21"],
        koerperschaft=ID["body"],
        name="Antrag der SPD-Kreistagsfraktion vom 10.09.2021: Integrationskonzept für den "
        "Rhein-Sieg-Kreis",
        tagesordnungspunkt_text="Antrag der SPD-Kreistagsfraktion vom 10.09.2021: "
        "Integrationskonzept für den Rhein-Sieg-Kreis",
        datum=dt.date(2021, 9, 21),
        federfuehrung=(ID["gremium/30.2"],),
        oeffentlich=True,
        beschlussvorschlag="Der Beschluss ergibt sich aus den Beratungen.",
        beschlussvorschlag_offen=True,
        vorbemerkungen=_zwischen(v1, "Vorbemerkungen:", "Erläuterungen:"),
        erlaeuterungen=_zwischen(v1, "Erläuterungen:", None),
        verwandte=(ID["drucksache/antrag-2021-09-10"],),
        beratungen=(
            Beratung(
                id=ID["beratung/vorlage-30.2-ka"],
                drucksache=ID["drucksache/vorlage-30.2-2021-09-21"],
                sitzung=ID["sitzung/ka-2021-09-27"],
                tagesordnungspunkt=ID["top/ka-2021-09-27/integrationskonzept"],
                gremien=(ID["gremium/kreisausschuss"],),
                datum=dt.date(2021, 9, 27),
                rolle=Beratungsrolle.VORBERATUNG,
                entscheidend=False,
                **m,
            ),
            Beratung(
                id=ID["beratung/vorlage-30.2-kt"],
                drucksache=ID["drucksache/vorlage-30.2-2021-09-21"],
                sitzung=ID["sitzung/kt-2021-09-30"],
                tagesordnungspunkt=ID["top/kt-2021-09-30/integrationskonzept"],
                gremien=(ID["gremium/kreistag"],),
                datum=dt.date(2021, 9, 30),
                rolle=Beratungsrolle.ENTSCHEIDUNG,
                entscheidend=True,
                **m,
            ),
        ),
        text=v1,
        **m,
    )
    v2 = doc["vorlage-2-07"]
    vorlage2 = Beschlussvorlage(
        id=ID["drucksache/vorlage-2-07"],
        koerperschaft=ID["body"],
        name='Antrag der SPD-Kreistagsfraktion vom 28.09.2021 zur "Lenkungsgruppe KIM"',
        tagesordnungspunkt_text="Antrag der SPD-Kreistagsfraktion vom 28.09.2021 zur "
        '"Lenkungsgruppe KIM"',
        federfuehrung=(ID["gremium/2-07"],),
        oeffentlich=True,
        beschlussvorschlag="Der Beschlussvorschlag ergibt sich aus den Beratungen.",
        beschlussvorschlag_offen=True,
        vorbemerkungen=_zwischen(v2, "Vorbemerkungen:", "Erläuterungen:"),
        erlaeuterungen=_zwischen(v2, "Erläuterungen:", "Im Auftrag"),
        unterzeichnung="Im Auftrag (Amtsleiter des Kreissozialamtes)",
        verwandte=(ID["drucksache/antrag-2021-09-28"],),
        beratungen=(
            Beratung(
                id=ID["beratung/vorlage-2-07-asi"],
                drucksache=ID["drucksache/vorlage-2-07"],
                sitzung=ID["sitzung/asi-2021-11-16"],
                tagesordnungspunkt=ID["top/asi-2021-11-16/lenkungsgruppe-kim"],
                gremien=(ID["gremium/asi"],),
                datum=dt.date(2021, 11, 16),
                rolle=Beratungsrolle.ENTSCHEIDUNG,
                entscheidend=True,
                **m,
            ),
        ),
        text=v2,
        **m,
    )

    def top(
        key: str, sitzung: str, beratung: str, drucksache: str, name: str
    ) -> Tagesordnungspunkt:
        return Tagesordnungspunkt(
            id=ID[key],
            sitzung=ID[sitzung],
            position=0,
            name=name,
            oeffentlich=True,
            beratung=ID[beratung],
            drucksache=ID[drucksache],
            **m,
        )

    ka = Sitzung(
        id=ID["sitzung/ka-2021-09-27"],
        name="Sitzung des Kreisausschusses",
        datum=dt.date(2021, 9, 27),
        gremien=(ID["gremium/kreisausschuss"],),
        tagesordnung=(
            top(
                "top/ka-2021-09-27/integrationskonzept",
                "sitzung/ka-2021-09-27",
                "beratung/vorlage-30.2-ka",
                "drucksache/vorlage-30.2-2021-09-21",
                vorlage1.tagesordnungspunkt_text or "",
            ),
        ),
        **m,
    )
    kt = Sitzung(
        id=ID["sitzung/kt-2021-09-30"],
        name="Sitzung des Kreistags",
        datum=dt.date(2021, 9, 30),
        gremien=(ID["gremium/kreistag"],),
        tagesordnung=(
            top(
                "top/kt-2021-09-30/integrationskonzept",
                "sitzung/kt-2021-09-30",
                "beratung/vorlage-30.2-kt",
                "drucksache/vorlage-30.2-2021-09-21",
                vorlage1.tagesordnungspunkt_text or "",
            ),
        ),
        **m,
    )
    ein = doc["einladung"]
    asi = Sitzung(
        id=ID["sitzung/asi-2021-11-16"],
        name="Sitzung des Ausschusses für Soziales und Integration",
        datum=dt.date(2021, 11, 16),
        gremien=(ID["gremium/asi"],),
        ort=Ort(id=ID["ort/sitzungsraum-kreishaus"], beschreibung="Sitzungsraum im Kreishaus", **m),
        einladungsdatum=dt.date(2021, 11, 4),
        einladung_ort="Siegburg",
        empfaenger=(
            "An die Mitglieder des Ausschusses für Soziales und Integration",
            "nachrichtlich an alle Kreistagsmitglieder",
        ),
        hinweise=_zwischen(ein, "Hinweis:", "Siegburg, den 04.11.2021"),
        vorsitz=ID["person/ruiters"],
        schriftfuehrung=ID["person/klein"],
        status=Sitzungsstatus.EINGELADEN,
        tagesordnung=(
            top(
                "top/asi-2021-11-16/lenkungsgruppe-kim",
                "sitzung/asi-2021-11-16",
                "beratung/vorlage-2-07-asi",
                "drucksache/vorlage-2-07",
                vorlage2.tagesordnungspunkt_text or "",
            ),
        ),
        **m,
    )
    return [system, body, *gremien, *personen, antrag1, antrag2, vorlage1, vorlage2, ka, kt, asi]


def bestand() -> Bestand:
    """The whole bundle as a :class:`~kommunalrecht.Bestand`.

    >>> b = bestand()
    >>> [x.name for x in b.alle(Antrag)]
    ['Integrationskonzept für den Rhein-Sieg-Kreis', 'Lenkungsgruppe KIM']
    >>> b.referenzen_pruefen()
    []
    """
    return Bestand(objekte())
