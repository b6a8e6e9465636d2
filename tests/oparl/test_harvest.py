"""Tests of kommunalrecht.oparl.harvest against a deliberately misbehaving local OParl server."""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from kommunalrecht.errors import ConfigError, Severity
from kommunalrecht.oparl.harvest import HarvestProgress, harvest
from kommunalrecht.oparl.server import serve_app

from ._oparl_gen import GenQuelle
from ._served import running

T = "https://schema.oparl.org/1.1/"
TS = "2021-03-01T10:00:00+01:00"


def _obj(origin: str, typ: str, key: str, **extra: Any) -> dict[str, Any]:
    d = {
        "id": f"{origin}/oparl/{typ.lower()}/{key}",
        "type": T + typ,
        "created": TS,
        "modified": TS,
    }
    d.update(extra)
    return d


class Broken:
    """A WSGI OParl server with one kind of misbehaviour per Body list."""

    def __init__(self) -> None:
        self.origin = ""
        self.hits: Counter[str] = Counter()

    def page(self, data: list[Any], **links: str) -> dict[str, Any]:
        return {"data": data, "pagination": {}, "links": links}

    def __call__(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        path = environ["PATH_INFO"]
        query = environ.get("QUERY_STRING", "")
        self.hits[path] += 1
        o = self.origin + "/oparl"
        status, doc = 200, None
        if path == "/oparl/system":
            doc = _obj(self.origin, "System", "1", oparlVersion=T, body=f"{o}/bodies")
        elif path == "/oparl/bodies":
            body = _obj(self.origin, "Body", "1", name="Kreis", legislativeTerm=[])
            for prop in ("organization", "person", "meeting", "paper", "agendaItem",
                         "consultation", "file", "locationList", "legislativeTermList",
                         "membership"):  # fmt: skip
                body[prop] = f"{o}/list/{prop}"
            body["legislativeTermList"] = "https://other.example/oparl/lt"
            doc = self.page([body, dict(body)])  # a duplicate Body
        elif path == "/oparl/list/organization":  # page 1 of 2 without next
            doc = self.page([_obj(self.origin, "Organization", "1", name="Rat")])
            doc["pagination"] = {"currentPage": 1, "totalPages": 2}
        elif path == "/oparl/list/person":  # next loops back
            doc = self.page(
                [_obj(self.origin, "Person", "1", name="A")], next=f"{o}/list/person?p=2"
            )
            if query == "p=2":
                doc = self.page(
                    [_obj(self.origin, "Person", "2", name="B")], next=f"{o}/list/person"
                )
        elif path == "/oparl/list/meeting":  # 404 for an empty list
            status, doc = 404, {"type": T + "Error", "message": "nichts"}
        elif path == "/oparl/list/paper":  # 500 twice, then fine
            if self.hits[path] <= 2:
                status, doc = 500, {"type": T + "Error", "message": "kaputt"}
            else:
                doc = self.page([_obj(self.origin, "Paper", "1", name="Vorlage")])
        elif path == "/oparl/list/file":  # slower than the timeout
            time.sleep(0.6)
            doc = self.page([])
        elif path == "/oparl/list/agendaItem":  # tombstone without type, then not JSON
            tomb = {"id": f"{o}/agendaitem/9", "created": TS, "modified": TS, "deleted": True}
            doc = self.page([tomb], next=f"{o}/list/agendaItem2")
        elif path == "/oparl/list/agendaItem2":
            start_response("200 OK", [("Content-Type", "application/json")])
            return [b"{kaputt"]
        elif path == "/oparl/list/consultation":  # duplicates across pages
            c = _obj(self.origin, "Consultation", "1", role="Entscheidung")
            doc = self.page([c], next=f"{o}/list/consultation2")
        elif path == "/oparl/list/consultation2":
            c = _obj(self.origin, "Consultation", "1", role="Entscheidung")
            doc = self.page([c], next="https://other.example/oparl/page3")
        elif path == "/oparl/list/locationList":  # not a list page at all
            doc = {"id": "x"}
        else:
            status, doc = 404, {"type": T + "Error", "message": "unbekannt"}
        body = json.dumps(doc).encode()
        reason = {200: "OK", 404: "Not Found", 500: "Internal Server Error"}[status]
        start_response(f"{status} {reason}", [("Content-Type", "application/json")])
        return [body]


def test_misbehaving_server_gives_findings_not_crashes(tmp_path: Path) -> None:
    broken = Broken()
    events: list[HarvestProgress] = []
    with running(broken) as (origin, _):
        broken.origin = origin
        started = time.monotonic()
        result = harvest(
            f"{origin}/oparl/system",
            tmp_path / "out",
            timeout=0.3,
            retries=2,
            backoff=0.01,
            delay=0,
            progress=events.append,
        )
        elapsed = time.monotonic() - started
    assert elapsed < 8
    codes = Counter(f.code for f in result.findings)
    assert codes["HARVEST_NEXT_FEHLT"] == 1
    assert codes["HARVEST_SCHLEIFE"] == 1
    assert codes["HARVEST_LISTE_404"] == 2  # meeting and (unknown) membership
    assert codes["HARVEST_ABRUF_FEHLGESCHLAGEN"] == 1  # the slow file list
    assert codes["HARVEST_KEIN_JSON"] == 1
    assert codes["HARVEST_KEINE_LISTE"] == 1
    assert codes["HARVEST_DUPLIKAT"] == 2  # the Body and the Consultation
    assert codes["HARVEST_FREMDER_HOST"] == 2  # a Body list and a next link
    assert codes["REPARIERT_TYP_ERGAENZT"] == 1  # the tombstone without type
    assert broken.hits["/oparl/list/paper"] == 3  # two 500s, then success
    assert broken.hits["/oparl/list/file"] == 3  # first try and two retries
    assert result.complete is False
    ids = {d["id"] for d in result.dicts}
    assert f"{origin}/oparl/paper/1" in ids
    assert f"{origin}/oparl/person/2" in ids
    tomb = next(d for d in result.dicts if d["id"] == f"{origin}/oparl/agendaitem/9")
    assert tomb["type"] == T + "AgendaItem" and tomb["deleted"] is True
    assert all(f.severity in Severity for f in result.findings)
    assert events[0].phase == "start" and events[-1].phase == "fertig"
    assert (tmp_path / "out" / "body.json").exists()  # the mirror


def test_confined_to_the_host_and_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="url"):
        harvest("file:///etc/passwd", tmp_path / "a")
    with pytest.raises(ConfigError, match="since"):
        harvest("http://127.0.0.1:1/oparl/system", tmp_path / "b", since="gestern")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "wichtig.txt").write_text("x")
    with pytest.raises(ConfigError, match="out"):
        harvest("http://127.0.0.1:1/oparl/system", tmp_path / "c")
    result = harvest(
        "http://127.0.0.1:1/oparl/system", tmp_path / "d", timeout=0.2, retries=1, backoff=0.01,
        delay=0,
    )  # fmt: skip
    assert [f.code for f in result.findings][:1] == ["HARVEST_ABRUF_FEHLGESCHLAGEN"]
    assert result.requests == 2 and not result.complete


def test_resume_after_interruption(tmp_path: Path) -> None:
    with running() as (origin, holder):
        base = f"{origin}/oparl"
        q = GenQuelle(base, organizations=3, persons=9, meetings=6, items=3)
        from kommunalrecht.oparl.export import export

        assert export(q, tmp_path / "src", base_url=base, page_size=2) == []
        holder[0] = serve_app(tmp_path / "src")

        class Stop(Exception):
            pass

        def stop_after(n: int) -> Any:
            def cb(p: HarvestProgress) -> None:
                if p.phase == "seite" and p.pages >= n:
                    raise Stop

            return cb

        with pytest.raises(Stop):
            harvest(f"{base}/system", tmp_path / "out", delay=0, progress=stop_after(5))
        state = json.loads((tmp_path / "out/.kommunalrecht/harvest/state.json").read_text())
        assert state["status"] == "running"
        resumed = harvest(f"{base}/system", tmp_path / "out", delay=0)
        full = harvest(f"{base}/system", tmp_path / "out2", delay=0)
    assert "HARVEST_FORTGESETZT" in {f.code for f in resumed.findings}
    assert resumed.requests < full.requests
    assert resumed.dicts == full.dicts == q.top()


def test_newer_standalone_copies_update_embedded_objects(tmp_path: Path) -> None:
    """A changed or deleted AgendaItem from Body.agendaItem replaces / removes the embedded copy
    in its Meeting (the update mechanism of OParl 1.1 §2.5 with omit_internal servers)."""
    later = "2021-04-01T10:00:00+02:00"

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        o = origin + "/oparl"
        path = environ["PATH_INFO"]
        items = [_obj(origin, "AgendaItem", str(k), order=k, name=f"TOP {k}") for k in range(3)]
        docs: dict[str, Any] = {
            "/oparl/system": _obj(origin, "System", "1", oparlVersion=T, body=f"{o}/bodies"),
            "/oparl/bodies": {
                "data": [
                    _obj(
                        origin,
                        "Body",
                        "1",
                        name="K",
                        legislativeTerm=[],
                        meeting=f"{o}/m",
                        agendaItem=f"{o}/ai",
                    )
                ],
                "pagination": {},
                "links": {},
            },
            "/oparl/m": {
                "data": [_obj(origin, "Meeting", "1", agendaItem=items)],
                "pagination": {},
                "links": {},
            },
            "/oparl/ai": {
                "data": [
                    {
                        **items[1],
                        "name": "TOP 1 neu",
                        "modified": later,
                        "meeting": f"{o}/meeting/1",
                    },
                    {"id": items[2]["id"], "created": TS, "modified": later, "deleted": True},
                    {**items[0], "meeting": f"{o}/meeting/1"},
                ],
                "pagination": {},
                "links": {},
            },
        }
        start_response("200 OK", [("Content-Type", "application/json")])
        return [json.dumps(docs[path]).encode()]

    with running(app) as (origin, _):
        result = harvest(f"{origin}/oparl/system", tmp_path / "out", delay=0)
    meeting = next(d for d in result.dicts if d["id"].endswith("/meeting/1"))
    assert [(a["name"], "meeting" in a) for a in meeting["agendaItem"]] == [
        ("TOP 0", False),
        ("TOP 1 neu", False),
    ]
    tomb = next(d for d in result.dicts if d["id"].endswith("/agendaitem/2"))
    assert tomb["deleted"] is True and tomb["type"] == T + "AgendaItem"
