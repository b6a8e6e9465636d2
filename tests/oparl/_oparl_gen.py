"""Deterministic generator of a valid OParl 1.1 object set (dicts) for export/serve/harvest tests.

No randomness, no hypothesis: the same arguments give the same objects. ``objekte(typ)`` makes
it a :class:`kommunalrecht.oparl.export.Quelle`.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

T = "https://schema.oparl.org/1.1/"


def _ts(i: int) -> str:
    day = 1 + i % 28
    month = 1 + (i // 28) % 12
    off = "+02:00" if 4 <= month <= 9 else "+01:00"
    return f"2021-{month:02d}-{day:02d}T{8 + i % 10:02d}:{i % 60:02d}:00{off}"


class GenQuelle:
    """OParl dicts of one Körperschaft: System, Body, Organizations, Persons, Meetings, Papers."""

    def __init__(
        self,
        base: str,
        *,
        organizations: int = 20,
        persons: int = 200,
        meetings: int = 400,
        items: int = 12,
        modified: dict[str, str] | None = None,
        deleted: set[str] | None = None,
    ) -> None:
        self.base = base.rstrip("/")
        self.n_org = organizations
        self.n_person = persons
        self.n_meeting = meetings
        self.n_items = items
        self.modified = modified or {}
        self.deleted = deleted or set()
        self.body = f"{self.base}/body/1"

    # -- building ------------------------------------------------------------------------
    def _common(self, oid: str, typ: str, i: int) -> dict[str, Any]:
        return {"id": oid, "type": T + typ}

    def _stamp(self, d: dict[str, Any], i: int) -> dict[str, Any]:
        d["created"] = _ts(i)
        d["modified"] = self.modified.get(d["id"], _ts(i + 3))
        return d

    def _maybe_deleted(self, d: dict[str, Any]) -> dict[str, Any]:
        if d["id"] in self.deleted:
            return {
                "id": d["id"],
                "type": d["type"],
                "created": d["created"],
                "modified": self.modified.get(d["id"], "2022-06-01T12:00:00+02:00"),
                "deleted": True,
            }
        return d

    def _location(self, oid: str, i: int) -> dict[str, Any]:
        d = self._common(oid, "Location", i)
        d.update(
            description=f"Kreishaus Saal {i % 7}",
            streetAddress="Kaiser-Wilhelm-Platz 1",
            postalCode="53721",
            locality="Siegburg",
            geojson={
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [7.2, 50.8]},
                "properties": {"name": "Kreishaus"},
            },
        )
        return self._stamp(d, i)

    def _file(self, oid: str, i: int, name: str) -> dict[str, Any]:
        d = self._common(oid, "File", i)
        d.update(
            name=name,
            fileName=f"datei-{i}.pdf",
            mimeType="application/pdf",
            date="2021-11-04",
            size=1000 + i,
            accessUrl=f"{oid}.pdf",
        )
        return self._stamp(d, i)

    def system(self) -> dict[str, Any]:
        d = self._common(f"{self.base}/system", "System", 0)
        d.update(
            oparlVersion="https://schema.oparl.org/1.1/",
            body=f"{self.base}/body",
            name="Generiertes Ratsinformationssystem",
            license="https://www.govdata.de/dl-de/by-2-0",
        )
        return self._stamp(d, 0)

    def body_dict(self) -> dict[str, Any]:
        b = self.body
        d = self._common(b, "Body", 1)
        d.update(
            system=f"{self.base}/system",
            name="Gemeinde Übungsstadt",
            shortName="Übungsstadt",
            ags="05382000",
            legislativeTerm=[
                self._stamp(
                    {
                        "id": f"{self.base}/lt/{k}",
                        "type": T + "LegislativeTerm",
                        "name": f"Wahlperiode {2014 + 6 * k}-{2020 + 6 * k}",
                        "startDate": f"{2014 + 6 * k}-11-01",
                        "endDate": f"{2020 + 6 * k}-10-31",
                    },
                    k,
                )
                for k in range(2)
            ],
            location=self._location(f"{self.base}/location/body", 1),
        )
        for prop in (
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
        ):
            d[prop] = f"{b}/{prop}"
        return self._stamp(d, 1)

    def organization(self, o: int) -> dict[str, Any]:
        oid = f"{self.base}/organization/{o}"
        d = self._common(oid, "Organization", o)
        d.update(
            body=self.body,
            name=f"Ausschuss für Straßen und Ökologie {o}",
            organizationType="Gremium",
            classification="Ausschuss",
            meeting=f"{oid}/meeting",
            consultation=f"{oid}/consultation",
            startDate="2020-11-01",
        )
        return self._maybe_deleted(self._stamp(d, o))

    def person(self, p: int) -> dict[str, Any]:
        pid = f"{self.base}/person/{p}"
        d = self._common(pid, "Person", p)
        d.update(
            body=self.body,
            name=f"Jürgen Müller-{p}",
            familyName=f"Müller-{p}",
            givenName="Jürgen",
            membership=[
                self._stamp(
                    {
                        "id": f"{self.base}/membership/{p}-{k}",
                        "type": T + "Membership",
                        "organization": f"{self.base}/organization/{(p + k) % self.n_org}",
                        "role": "Mitglied" if k else "Vorsitzende",
                        "votingRight": True,
                        "startDate": "2020-11-01",
                    },
                    p + k,
                )
                for k in range(2)
            ],
        )
        return self._maybe_deleted(self._stamp(d, p))

    def meeting(self, m: int) -> dict[str, Any]:
        mid = f"{self.base}/meeting/{m}"
        d = self._common(mid, "Meeting", m)
        items = []
        for k in range(self.n_items):
            aid = f"{self.base}/agendaItem/{m}-{k}"
            item = {
                "id": aid,
                "type": T + "AgendaItem",
                "number": f"{k + 1}.",
                "order": k,
                "name": f"Tagesordnungspunkt {k + 1}: Übergabe",
                "public": k % 4 != 3,
                "consultation": f"{self.base}/consultation/{m}-{k}",
            }
            if k == 0:
                item["resolutionFile"] = self._file(f"{self.base}/file/r{m}", m, "Beschluss")
            items.append(self._stamp(item, m + k))
        d.update(
            name=f"Sitzung {m} des Ausschusses",
            meetingState="durchgeführt",
            start=_ts(m),
            organization=[f"{self.base}/organization/{m % self.n_org}"],
            location=self._location(f"{self.base}/location/m{m}", m),
            invitation=self._file(f"{self.base}/file/i{m}", m, "Einladung"),
            agendaItem=items,
        )
        return self._maybe_deleted(self._stamp(d, m))

    def paper(self, m: int, k: int) -> dict[str, Any]:
        pid = f"{self.base}/paper/{m}-{k}"
        d = self._common(pid, "Paper", m + k)
        d.update(
            body=self.body,
            name=f"Vorlage {m}/{k}: Änderung der Gebührensatzung",
            reference=f"{m}/{2021}-{k}",
            date="2021-09-01",
            paperType="Beschlussvorlage",
            mainFile=self._file(f"{self.base}/file/p{m}-{k}", m + k, "Vorlage"),
            consultation=[
                self._stamp(
                    {
                        "id": f"{self.base}/consultation/{m}-{k}",
                        "type": T + "Consultation",
                        "agendaItem": f"{self.base}/agendaItem/{m}-{k}",
                        "meeting": f"{self.base}/meeting/{m}",
                        "organization": [f"{self.base}/organization/{m % self.n_org}"],
                        "authoritative": True,
                        "role": "Entscheidung",
                    },
                    m + k,
                )
            ],
        )
        return self._maybe_deleted(self._stamp(d, m + k))

    # -- Quelle --------------------------------------------------------------------------
    def objekte(self, typ: str) -> Iterator[dict[str, Any]]:
        if typ == "System":
            yield self.system()
        elif typ == "Body":
            yield self.body_dict()
        elif typ == "Organization":
            for o in range(self.n_org):
                yield self.organization(o)
        elif typ == "Person":
            for p in range(self.n_person):
                yield self.person(p)
        elif typ == "Meeting":
            for m in range(self.n_meeting):
                yield self.meeting(m)
        elif typ == "Paper":
            for m in range(self.n_meeting):
                for k in range(self.n_items):
                    yield self.paper(m, k)

    def top(self) -> list[dict[str, Any]]:
        """All top-level dicts (deep copies)."""
        out: list[dict[str, Any]] = []
        for typ in ("System", "Body", "Organization", "Person", "Meeting", "Paper"):
            out.extend(copy.deepcopy(d) for d in self.objekte(typ))
        return out


def count_objects(d: Any) -> int:
    """Number of OParl objects in ``d`` (embedded included)."""
    if isinstance(d, list):
        return sum(count_objects(x) for x in d)
    if isinstance(d, dict):
        n = 1 if "type" in d and "id" in d else 0
        return n + sum(count_objects(v) for k, v in d.items() if k != "geojson")
    return 0
