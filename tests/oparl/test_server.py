"""Tests of kommunalrecht.oparl.server: the OParl 1.1 WSGI app."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from kommunalrecht.errors import ConfigError
from kommunalrecht.oparl.export import export
from kommunalrecht.oparl.server import OParlApp, serve_app

from ._oparl_gen import GenQuelle
from ._served import problems, running, wsgi_get

BASE = "http://127.0.0.1:9999/oparl"
DELETED = f"{BASE}/paper/1-1"
CHANGED = f"{BASE}/meeting/3"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> OParlApp:
    q = GenQuelle(
        BASE,
        organizations=3,
        persons=7,
        meetings=5,
        items=4,
        deleted={DELETED},
        modified={DELETED: "2022-06-01T12:00:00+02:00", CHANGED: "2022-05-01T12:00:00+02:00"},
    )
    d = tmp_path_factory.mktemp("serve") / "oparl"
    assert export(q, d, base_url=BASE, page_size=3) == []
    return serve_app(d)


def _json(app: OParlApp, path: str, query: str = "", **kw: Any) -> tuple[int, dict[str, str], Any]:
    status, headers, body = wsgi_get(app, path, query, **kw)
    return status, headers, json.loads(body)


def _walk(app: OParlApp, path: str, query: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    status, _, page = _json(app, path, query)
    assert status == 200
    pages = 1
    while True:
        assert problems(page) == []
        items.extend(page["data"])
        nxt = page["links"].get("next")
        if nxt is None:
            return items
        assert nxt.startswith(BASE)
        p, _, q = nxt[len("http://127.0.0.1:9999") :].partition("?")
        assert sorted(q.split("&")) == sorted(query.split("&")) or not query  # carried over
        status, _, page = _json(app, p, q)
        assert status == 200
        pages += 1
        assert pages < 100


def test_headers_and_objects(app: OParlApp) -> None:
    status, headers, doc = _json(app, "/oparl/system")
    assert status == 200
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert doc["body"] == f"{BASE}/body"
    status, _, doc = _json(app, "/oparl/agendaItem/2-1")
    assert doc["meeting"] == f"{BASE}/meeting/2" and problems(doc) == []


def test_modified_since_includes_deleted_objects(app: OParlApp) -> None:
    plain = _walk(app, "/oparl/body/1/paper", "")
    assert DELETED not in {o["id"] for o in plain}
    since = "modified_since=2022-01-01T00%3A00%3A00%2B01%3A00"
    changed = _walk(app, "/oparl/body/1/paper", since)
    assert [o["id"] for o in changed] == [DELETED] and changed[0]["deleted"] is True
    meetings = _walk(app, "/oparl/body/1/meeting", since)
    assert [o["id"] for o in meetings] == [CHANGED]
    until = _walk(app, "/oparl/body/1/meeting", "modified_until=2022-01-01T00%3A00%3A00%2B01%3A00")
    assert CHANGED not in {o["id"] for o in until} and len(until) == 4


def test_created_filters_and_limit(app: OParlApp) -> None:
    everything = _walk(app, "/oparl/body/1/agendaItem", "")
    assert len(everything) == 20
    limited = _walk(app, "/oparl/body/1/agendaItem", "limit=7")
    assert [o["id"] for o in limited] == [o["id"] for o in everything]
    since = "created_since=2021-01-03T00%3A00%3A00%2B01%3A00&limit=2"
    some = _walk(app, "/oparl/body/1/agendaItem", since)
    assert 0 < len(some) < 20
    assert all(o["created"] >= "2021-01-03" for o in some)
    _, _, page = _json(app, "/oparl/body/1/agendaItem", "limit=7")
    assert page["pagination"] == {
        "totalElements": 20,
        "elementsPerPage": 7,
        "currentPage": 1,
        "totalPages": 3,
    }
    assert page["links"]["last"] == f"{BASE}/body/1/agendaItem/page-3?limit=7"


def test_omit_internal(app: OParlApp) -> None:
    meetings = _walk(app, "/oparl/body/1/meeting", "omit_internal=true")
    assert meetings and all("agendaItem" not in m for m in meetings)
    assert all("invitation" in m for m in meetings)
    persons = _walk(app, "/oparl/body/1/person", "omit_internal=true&limit=2")
    assert len(persons) == 7 and all("membership" not in p for p in persons)


@pytest.mark.parametrize(
    ("path", "query", "status"),
    [
        ("/oparl/body/1/paper", "modified_since=gestern", 400),
        ("/oparl/body/1/paper", "created_until=2021-01-01", 400),
        ("/oparl/body/1/paper", "modified_since=2021-01-01T00:00:00", 400),
        ("/oparl/body/1/paper", "limit=0", 400),
        ("/oparl/body/1/paper", "limit=zwei", 400),
        ("/oparl/body/1/paper", "format=yaml", 400),
        ("/oparl/body/1/paper", "omit_internal=vielleicht", 400),
        ("/oparl/body/1/paper/page-99", "", 404),
        ("/oparl/body/1/paper/page-99", "limit=2", 404),
        ("/oparl/nichts/da", "", 404),
        ("/anderswo", "", 404),
        ("/oparl/.kommunalrecht/manifest", "", 404),
    ],
)
def test_errors_are_oparl_error_objects(app: OParlApp, path: str, query: str, status: int) -> None:
    got, headers, doc = _json(app, path, query)
    assert got == status
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    assert doc["type"] == "https://schema.oparl.org/1.1/Error"
    assert isinstance(doc["message"], str) and doc["message"]
    assert problems(doc) == []


def test_methods_and_redirect(app: OParlApp) -> None:
    status, headers, body = wsgi_get(app, "/oparl/system", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 0
    status, headers, _ = wsgi_get(app, "/oparl/system", method="OPTIONS")
    assert status == 204 and headers["Access-Control-Allow-Origin"] == "*"
    status, _, doc = _json(app, "/oparl/system", method="POST")
    assert status == 405 and doc["type"].endswith("/Error")
    status, headers, _ = wsgi_get(app, "/oparl/")
    assert status == 301 and headers["Location"] == f"{BASE}/system"


def test_xml_form(app: OParlApp) -> None:
    status, headers, body = wsgi_get(app, "/oparl/meeting/2", "format=xml")
    assert status == 200, body
    assert headers["Content-Type"] == "application/xml; charset=utf-8"
    assert b"<Meeting" in body and b"meeting/2" in body
    status, headers, body = wsgi_get(
        app, "/oparl/body/1/meeting", headers={"Accept": "application/xml"}
    )
    assert status == 200 and headers["Content-Type"].startswith("application/xml")
    status, headers, _ = wsgi_get(
        app, "/oparl/body/1/meeting", headers={"Accept": "application/json, application/xml;q=0.5"}
    )
    assert headers["Content-Type"].startswith("application/json")


def test_urls_are_rewritten_to_the_request_origin(app: OParlApp) -> None:
    status, _, doc = _json(app, "/oparl/system", host="localhost:8123")
    assert status == 200 and doc["body"] == "http://localhost:8123/oparl/body"


def test_over_http_and_from_a_source(tmp_path: Path) -> None:
    q = GenQuelle("http://127.0.0.1:1/oparl", meetings=2, items=2, persons=2, organizations=2)
    with running(serve_app(q, base_url="http://127.0.0.1:1/oparl")) as (origin, _):
        with urllib.request.urlopen(f"{origin}/oparl/body/1/meeting") as resp:
            page = json.loads(resp.read())
        assert resp.headers["Access-Control-Allow-Origin"] == "*"
        assert [m["id"] for m in page["data"]] == [
            f"{origin}/oparl/meeting/0",
            f"{origin}/oparl/meeting/1",
        ]
    with pytest.raises(ConfigError, match="export directory"):
        serve_app(tmp_path)
