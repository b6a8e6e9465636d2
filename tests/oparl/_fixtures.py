"""Shared fixture helpers for the OParl tests: the copied official examples and real data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data" / "oparl"

FILES: list[Path] = sorted([*DATA.glob("examples/*/*.json"), *DATA.glob("realworld/*/*/*.json")])


def name(path: Path) -> str:
    return path.relative_to(DATA).as_posix()


def load(path: Path | str) -> Any:
    p = DATA / path if isinstance(path, str) else path
    return json.loads(p.read_text(encoding="utf-8"))


def meeting_with_items(n: int = 20) -> dict[str, Any]:
    """A valid OParl 1.1 Meeting with ``n`` agenda items, each with a resolution file."""
    ts = "2021-11-16T17:00:00+01:00"
    base = "https://ris.example.org/oparl"
    items = []
    for i in range(n):
        items.append(
            {
                "id": f"{base}/agendaItem/{i}",
                "type": "https://schema.oparl.org/1.1/AgendaItem",
                "number": f"{i + 1}.",
                "order": i,
                "name": f"Tagesordnungspunkt {i + 1}",
                "public": i % 3 != 0,
                "consultation": f"{base}/consultation/{i}",
                "result": "Unverändert beschlossen",
                "resolutionFile": {
                    "id": f"{base}/file/{i}",
                    "type": "https://schema.oparl.org/1.1/File",
                    "name": f"Beschluss {i + 1}",
                    "mimeType": "application/pdf",
                    "date": "2021-11-16",
                    "size": 1000 + i,
                    "accessUrl": f"{base}/file/{i}.pdf",
                    "created": ts,
                    "modified": ts,
                },
                "created": ts,
                "modified": ts,
            }
        )
    return {
        "id": f"{base}/meeting/1",
        "type": "https://schema.oparl.org/1.1/Meeting",
        "name": "Sitzung des Kreistages",
        "meetingState": "durchgeführt",
        "start": "2021-11-16T17:00:00+01:00",
        "end": "2021-11-16T20:00:00+01:00",
        "location": {
            "id": f"{base}/location/1",
            "type": "https://schema.oparl.org/1.1/Location",
            "description": "Kreishaus Siegburg, Kaiser-Wilhelm-Platz 1",
            "geojson": {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [7.2, 50.79]},
                "properties": {},
            },
            "created": ts,
            "modified": ts,
        },
        "organization": [f"{base}/organization/1"],
        "participant": [f"{base}/person/{i}" for i in range(5)],
        "agendaItem": items,
        "created": ts,
        "modified": ts,
    }
