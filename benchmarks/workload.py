"""Deterministic OParl 1.1 workload for the benchmarks (no hypothesis, no randomness at run time).

Every document is a pure function of its index: ``meeting(i)`` and ``paper(i)`` always return
the same dict, so runs on different machines measure the same bytes. Shapes (OParl 1.1 §3):

* ``meeting(i)`` — a Meeting with a Location, an invitation, a results protocol, two
  auxiliary files and 20 embedded AgendaItems (every second one with a resolutionFile, every
  fourth one with an auxiliary file). Times carry the real Europe/Berlin offset of their date
  (``+01:00`` in winter, ``+02:00`` in summer); names and texts are German with umlauts and ß.
* ``paper(i)`` — a Paper with a mainFile, two auxiliaryFiles and 3 embedded Consultations.

References agree with each other: Consultation ``k`` of Paper ``i`` is dealt with in
AgendaItem ``i % 4 + 4k`` of Meeting ``i // 4``, whose ``consultation`` points back to it; the
Organizations, Persons and the Body referred to are part of every :class:`Quelle`.

Whole Bestände are offered as *sources* (:class:`Quelle`, the ``objekte(typ)`` protocol of
:mod:`kommunalrecht.oparl.export`): one Body, a few Organizations and Persons, then Meetings and
Papers until the requested number of OParl objects (embedded ones included, each object with
an ``id`` counts once) is reached. The source is lazy — a generator per type — so the 1M-object
source never exists in memory as a whole.

>>> meeting(3) == meeting(3), len(meeting(3)["agendaItem"])
(True, 20)
>>> count_objects(meeting(0)), count_objects(paper(0))
(41, 7)
>>> q = Quelle(1000)
>>> q.total == sum(count_objects(d) for t in TYPES for d in q.objekte(t))
True
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

__all__ = [
    "AGENDA_ITEMS",
    "BASE",
    "CONSULTATIONS",
    "TYPES",
    "Quelle",
    "count_objects",
    "meeting",
    "meeting_bytes",
    "paper",
    "paper_bytes",
]

BASE = "https://ris.beispiel-kreis.de/oparl"
"""Base URL of every id in the workload."""

AGENDA_ITEMS = 20
CONSULTATIONS = 3
_ORGS = 12
_PERSONS = 60

TYPES: tuple[str, ...] = ("Body", "Organization", "Person", "Meeting", "Paper")
"""The top-level OParl types a :class:`Quelle` yields (embedded ones come with their parent)."""

_TZ = ZoneInfo("Europe/Berlin")
_U = "https://schema.oparl.org/1.1/"

_GREMIEN = (
    "Ausschuss für Umwelt, Klimaschutz und Mobilität",
    "Kreisausschuss",
    "Ausschuss für Schule, Bildung und Integration",
    "Finanzausschuss",
    "Ausschuss für Gesundheit und Soziales",
    "Jugendhilfeausschuss",
    "Kreistag",
    "Bauausschuss – Planung und Verkehr",
)
_THEMEN = (
    "Fortschreibung des Nahverkehrsplans für den Kreis – Beschlussfassung über Änderungen",
    "Haushaltssatzung 2022: Stellungnahme zur Erhöhung der Kreisumlage",
    "Sanierung der Turnhalle an der Grundschule Müllerstraße",
    "Bericht über die Umsetzung des Integrationskonzepts (Überprüfung 2021)",
    "Antrag der Fraktion Bündnis 90/Die Grünen: Förderung von Lastenrädern",
    "Bürgerbeteiligung zur Neugestaltung des Marktplatzes in Königswinter",
    "Straßenausbaubeiträge: Änderung der Satzung gemäß § 8 KAG NRW",
    "Mitteilungen der Verwaltung und Anfragen aus dem Ausschuss",
    "Genehmigung der Niederschrift über die öffentliche Sitzung vom 14.09.2021",
    "Wahl eines stellvertretenden Mitglieds für den Aufsichtsrat der Wirtschaftsförderung",
    "Zuschüsse für Vereine: Übernahme der Betriebskosten für Sportstätten",
    "Klimaschutzkonzept: Maßnahmenübersicht und Priorisierung für 2022",
)
_ERGEBNISSE = (
    "einstimmig beschlossen",
    "mehrheitlich beschlossen",
    "zur Kenntnis genommen",
    "vertagt",
    "abgelehnt",
)
_ORTE = (
    ("Kreishaus Siegburg, Großer Sitzungssaal", "Kaiser-Wilhelm-Platz 1", "53721", "Siegburg"),
    ("Rathaus Königswinter, Ratssaal", "Drachenfelsstraße 9–11", "53639", "Königswinter"),
    ("Bürgerhaus Sankt Augustin – Saal Ölberg", "Markt 71", "53757", "Sankt Augustin"),
)
_ROLLEN = ("Vorberatung", "Vorberatung", "Entscheidung")
_ARTEN = ("Beschlussvorlage", "Mitteilungsvorlage", "Antrag", "Anfrage")


def _ts(day: _dt.date, hour: int, minute: int = 0) -> str:
    """Local Europe/Berlin time with its real offset (+01:00 or +02:00)."""
    return _dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=_TZ).isoformat()


def _day(i: int) -> _dt.date:
    # spread over two years so both offsets occur
    return _dt.date(2021, 1, 4) + _dt.timedelta(days=(i * 7) % 730)


def _file(fid: str, name: str, day: _dt.date, size: int) -> dict[str, Any]:
    stamp = _ts(day, 9, 30)
    return {
        "id": f"{BASE}/file/{fid}",
        "type": _U + "File",
        "name": name,
        "fileName": f"{fid}.pdf",
        "mimeType": "application/pdf",
        "date": day.isoformat(),
        "size": size,
        "accessUrl": f"{BASE}/file/{fid}/zugriff",
        "downloadUrl": f"{BASE}/file/{fid}/download",
        "created": stamp,
        "modified": stamp,
    }


def _location(i: int, day: _dt.date) -> dict[str, Any]:
    desc, street, plz, ort = _ORTE[i % len(_ORTE)]
    stamp = _ts(day, 8)
    return {
        "id": f"{BASE}/location/{i}",
        "type": _U + "Location",
        "description": desc,
        "streetAddress": street,
        "room": f"Raum {1 + i % 3}.{(i % 40):02d}",
        "postalCode": plz,
        "locality": ort,
        "created": stamp,
        "modified": stamp,
    }


def _agenda_item(i: int, k: int, day: _dt.date) -> dict[str, Any]:
    aid = f"{BASE}/agendaitem/{i}-{k}"
    stamp = _ts(day, 20, 15)
    d: dict[str, Any] = {
        "id": aid,
        "type": _U + "AgendaItem",
        "number": f"{k // 4 + 1}.{k % 4 + 1}" if k % 5 else f"Ö {k + 1}",
        "order": k,
        "name": _THEMEN[(i + k) % len(_THEMEN)],
        "public": k % 7 != 6,
        "result": _ERGEBNISSE[(i + k) % len(_ERGEBNISSE)],
        "resolutionText": (
            "Der Ausschuss empfiehlt dem Kreistag, die Änderungen gemäß Anlage 1 zu "
            f"beschließen. Abstimmung: {10 + k % 5} Ja-Stimmen, {k % 3} Nein-Stimmen, "
            f"{k % 2} Enthaltung(en)."
        ),
        "start": _ts(day, 17, 2 * k),
        "end": _ts(day, 17, 2 * k + 1),
        "created": stamp,
        "modified": stamp,
    }
    if k < 4 * CONSULTATIONS:
        # consultation k // 4 of paper 4i + k % 4 is dealt with here (see _consultation)
        d["consultation"] = f"{BASE}/consultation/{4 * i + k % 4}-{k // 4}"
    if k % 2 == 0:
        d["resolutionFile"] = _file(f"{i}-{k}-beschluss", "Beschlussausfertigung", day, 48_000 + k)
    if k % 4 == 1:
        d["auxiliaryFile"] = [_file(f"{i}-{k}-anlage", "Anlage – Übersicht", day, 120_000 + k)]
    return d


def meeting(i: int) -> dict[str, Any]:
    """The ``i``-th Meeting (OParl 1.1 JSON as a dict) with 20 embedded AgendaItems."""
    day = _day(i)
    invited = day - _dt.timedelta(days=12)
    stamp_c = _ts(invited, 10)
    stamp_m = _ts(day, 21, 5)
    return {
        "id": f"{BASE}/meeting/{i}",
        "type": _U + "Meeting",
        "name": f"{i % 40 + 1}. Sitzung des {_GREMIEN[i % len(_GREMIEN)]}",
        "meetingState": "durchgeführt",
        "cancelled": False,
        "start": _ts(day, 17),
        "end": _ts(day, 19, 45),
        "location": _location(i, day),
        "organization": [f"{BASE}/organization/{i % _ORGS}"],
        "participant": [f"{BASE}/person/{(i + j) % _PERSONS}" for j in range(6)],
        "invitation": _file(f"{i}-einladung", "Einladung zur Sitzung", invited, 210_000 + i % 977),
        "resultsProtocol": _file(f"{i}-niederschrift", "Niederschrift (öffentlich)", day, 95_000),
        "auxiliaryFile": [
            _file(f"{i}-anlage-1", "Anwesenheitsliste", day, 12_000),
            _file(f"{i}-anlage-2", "Präsentation der Verwaltung", day, 2_400_000),
        ],
        "agendaItem": [_agenda_item(i, k, day) for k in range(AGENDA_ITEMS)],
        "keyword": ["Umwelt", "Mobilität"],
        "web": f"https://ris.beispiel-kreis.de/sitzung/{i}",
        "created": stamp_c,
        "modified": stamp_m,
    }


def _consultation(i: int, k: int, day: _dt.date) -> dict[str, Any]:
    stamp = _ts(day, 11)
    return {
        "id": f"{BASE}/consultation/{i}-{k}",
        "type": _U + "Consultation",
        "meeting": f"{BASE}/meeting/{i // 4}",
        "agendaItem": f"{BASE}/agendaitem/{i // 4}-{i % 4 + 4 * k}",
        "organization": [f"{BASE}/organization/{(i // 4) % _ORGS}"],
        "authoritative": k == CONSULTATIONS - 1,
        "role": _ROLLEN[k],
        "created": stamp,
        "modified": stamp,
    }


def paper(i: int) -> dict[str, Any]:
    """The ``i``-th Paper (OParl 1.1 JSON as a dict) with 3 embedded Consultations."""
    day = _day(i * 3 + 1)
    stamp_c = _ts(day, 9)
    stamp_m = _ts(day + _dt.timedelta(days=30), 16, 40)
    return {
        "id": f"{BASE}/paper/{i}",
        "type": _U + "Paper",
        "body": f"{BASE}/body/1",
        "name": _THEMEN[i % len(_THEMEN)],
        "reference": f"{i % 300 + 1}/{day.year}",
        "date": day.isoformat(),
        "paperType": _ARTEN[i % len(_ARTEN)],
        "mainFile": _file(f"p{i}-vorlage", f"Vorlage {i % 300 + 1}/{day.year}", day, 180_000),
        "auxiliaryFile": [
            _file(f"p{i}-anlage-1", "Anlage 1 – Kostenschätzung", day, 64_000),
            _file(f"p{i}-anlage-2", "Anlage 2 – Lageplan (Übersicht)", day, 1_300_000),
        ],
        "originatorOrganization": [f"{BASE}/organization/{i % _ORGS}"],
        "underDirectionOf": [f"{BASE}/organization/{(i + 5) % _ORGS}"],
        "consultation": [_consultation(i, k, day) for k in range(CONSULTATIONS)],
        "web": f"https://ris.beispiel-kreis.de/vorlage/{i}",
        "created": stamp_c,
        "modified": stamp_m,
    }


def _orjson_dumps(d: Any) -> bytes:
    try:
        import orjson
    except ImportError:  # pragma: no cover - orjson is in the bench extra
        import json

        return json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode()
    return orjson.dumps(d)


def meeting_bytes(i: int) -> bytes:
    """``meeting(i)`` as compact UTF-8 JSON."""
    return _orjson_dumps(meeting(i))


def paper_bytes(i: int) -> bytes:
    """``paper(i)`` as compact UTF-8 JSON."""
    return _orjson_dumps(paper(i))


def count_objects(d: Any) -> int:
    """Number of OParl objects (dicts with ``id`` and ``type``) in ``d``, embedded ones included."""
    if isinstance(d, dict):
        n = 1 if "id" in d and "type" in d else 0
        for v in d.values():
            if isinstance(v, dict | list):
                n += count_objects(v)
        return n
    if isinstance(d, list):
        return sum(count_objects(x) for x in d)
    return 0


_PER_MEETING = 1 + 1 + 2 + 2 + AGENDA_ITEMS + AGENDA_ITEMS // 2 + AGENDA_ITEMS // 4
_PER_PAPER = 1 + 1 + 2 + CONSULTATIONS


_BODY_LISTS = (
    "organization",
    "person",
    "meeting",
    "paper",
    "agendaItem",
    "consultation",
    "file",
    "locationList",
    "legislativeTermList",
    "membership",
)


def _body() -> dict[str, Any]:
    stamp = "2021-01-04T08:00:00+01:00"
    return {
        "id": f"{BASE}/body/1",
        "type": _U + "Body",
        "name": "Beispiel-Kreis",
        "shortName": "Beispielkreis",
        "ags": "05382000",
        **{p: f"{BASE}/body/1/{p}" for p in _BODY_LISTS},
        "legislativeTerm": [
            {
                "id": f"{BASE}/legislativeterm/2020",
                "type": _U + "LegislativeTerm",
                "name": "Wahlperiode 2020–2025",
                "startDate": "2020-11-01",
                "endDate": "2025-10-31",
                "created": stamp,
                "modified": stamp,
            }
        ],
        "created": stamp,
        "modified": stamp,
    }


def _organization(i: int) -> dict[str, Any]:
    stamp = "2021-01-04T08:00:00+01:00"
    return {
        "id": f"{BASE}/organization/{i}",
        "type": _U + "Organization",
        "body": f"{BASE}/body/1",
        "name": _GREMIEN[i % len(_GREMIEN)] + ("" if i < len(_GREMIEN) else f" ({i})"),
        "organizationType": "Gremium",
        "classification": "Ausschuss",
        "created": stamp,
        "modified": stamp,
    }


def _person(i: int) -> dict[str, Any]:
    stamp = "2021-01-04T08:00:00+01:00"
    vor = ("Jürgen", "Käthe", "Björn", "Gülşen", "Søren", "Marie-Luise")[i % 6]
    nach = ("Müller", "Schäfer", "Groß", "Öztürk", "Weiß", "Bäcker", "Löffler")[i % 7]
    return {
        "id": f"{BASE}/person/{i}",
        "type": _U + "Person",
        "body": f"{BASE}/body/1",
        "name": f"{vor} {nach}",
        "familyName": nach,
        "givenName": vor,
        "created": stamp,
        "modified": stamp,
    }


class Quelle:
    """A lazy source of ``n`` OParl objects (embedded ones counted), as OParl dicts.

    ``objekte(typ)`` returns a fresh generator for each top-level type, so any number of
    passes is possible and nothing is kept. ``total`` is the exact object count (``n`` for
    ``n >= 74``); ``meetings``, ``papers`` and ``persons`` the numbers of top-level Meetings,
    Papers and Persons; every reference resolves within the source. With ``model=True`` the
    objects are converted to model objects by ``kommunalrecht.oparl.from_dict`` as they are
    yielded (one at a time).
    """

    def __init__(self, n: int, *, model: bool = False) -> None:
        fixed = 2 + _ORGS + _PERSONS
        rest = max(0, n - fixed)
        # 1 Meeting : 4 Papers (so that every Consultation's Meeting exists); what is left
        # over (< 69) becomes extra Persons, so that ``total`` is exactly ``n`` (for n >= 74)
        unit = _PER_MEETING + 4 * _PER_PAPER
        units = rest // unit
        self.meetings = units
        self.papers = 4 * units
        self.persons = (
            _PERSONS + n - fixed - self.meetings * _PER_MEETING - self.papers * _PER_PAPER
        )
        self.persons = max(_PERSONS, self.persons)
        self.total = (
            2 + _ORGS + self.persons + self.meetings * _PER_MEETING + self.papers * _PER_PAPER
        )
        self.model = model
        self._from_dict: Any = None
        if model:
            from kommunalrecht.oparl import from_dict

            self._from_dict = from_dict

    def _dicts(self, typ: str) -> Iterator[dict[str, Any]]:
        if typ == "Body":
            yield _body()
        elif typ == "Organization":
            yield from (_organization(i) for i in range(_ORGS))
        elif typ == "Person":
            yield from (_person(i) for i in range(self.persons))
        elif typ == "Meeting":
            yield from (meeting(i) for i in range(self.meetings))
        elif typ == "Paper":
            yield from (paper(i) for i in range(self.papers))

    def objekte(self, typ: str) -> Iterator[Any]:
        """The top-level objects of OParl type ``typ`` (a new generator each call)."""
        if self._from_dict is None:
            return self._dicts(typ)
        conv = self._from_dict
        return (conv(d) for d in self._dicts(typ))

    def __repr__(self) -> str:
        return f"Quelle({self.total} objects: {self.meetings} meetings, {self.papers} papers)"
