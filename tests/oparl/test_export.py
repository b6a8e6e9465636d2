"""Tests of kommunalrecht.oparl.export: the static OParl 1.1 API tree."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kommunalrecht.errors import ConfigError
from kommunalrecht.oparl.export import (
    INTERNAL_DIR,
    export,
    file_for_url,
    list_url,
    page_url,
)

from ._oparl_gen import GenQuelle
from ._served import problems

BASE = "https://ris.example.org/oparl"


def _load(d: Path, rel: str) -> Any:
    return json.loads((d / rel).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, GenQuelle]:
    q = GenQuelle(
        BASE,
        organizations=3,
        persons=7,
        meetings=5,
        items=4,
        deleted={f"{BASE}/paper/1-1"},
    )
    d = tmp_path_factory.mktemp("export") / "oparl"
    assert export(q, d, base_url=BASE + "/", page_size=3, check=True) == []
    return d, q


def test_every_document_passes_check_and_schemas(tree: tuple[Path, GenQuelle]) -> None:
    d, _ = tree
    files = [p for p in d.rglob("*.json") if INTERNAL_DIR not in p.parts]
    assert len(files) > 100
    for p in files:
        assert problems(_load(d, str(p.relative_to(d)))) == [], p


def test_every_object_is_at_its_own_url_with_back_references(
    tree: tuple[Path, GenQuelle],
) -> None:
    d, q = tree
    ai = _load(d, "agendaItem/2-1.json")
    assert ai["meeting"] == f"{BASE}/meeting/2"
    f = _load(d, "file/r2.json")
    assert f["agendaItem"] == [f"{BASE}/agendaItem/2-0"]
    m = _load(d, "membership/3-1.json")
    assert m["person"] == f"{BASE}/person/3"
    lt = _load(d, "lt/0.json")
    assert lt["body"] == q.body
    loc = _load(d, "location/body.json")
    assert loc["bodies"] == [q.body]
    # embedded copies keep no back-reference
    assert "meeting" not in _load(d, "meeting/2.json")["agendaItem"][1]


def test_lists_paginate_and_contain_every_object_once(tree: tuple[Path, GenQuelle]) -> None:
    d, q = tree
    manifest = _load(d, f"{INTERNAL_DIR}/manifest.json")
    body = _load(d, "body/1.json")
    for prop in ("organization", "person", "meeting", "paper", "agendaItem", "file",
                 "membership", "consultation", "locationList", "legislativeTermList"):  # fmt: skip
        url = body[prop]
        assert url == list_url(BASE, q.body, prop)
        ids: list[str] = []
        nxt: str | None = url
        seen = 0
        while nxt is not None:
            rel = file_for_url(nxt, BASE)
            assert rel is not None
            page = _load(d, rel)
            seen += 1
            assert page["links"]["self"] == nxt
            assert page["pagination"]["currentPage"] == seen
            ids.extend(o["id"] for o in page["data"])
            nxt = page["links"].get("next")
        info = manifest["lists"][file_for_url(url, BASE)[:-5]]  # type: ignore[index]
        assert len(ids) == len(set(ids)) == info["total"]
        assert seen == info["pages"] == page["pagination"]["totalPages"]
        assert page["links"]["last"] == page_url(url, seen)
    meetings = _load(d, "organization/1/meeting.json")["data"]
    assert {m["id"] for m in meetings} == {f"{BASE}/meeting/1", f"{BASE}/meeting/4"}


def test_deleted_objects_are_tombstones_not_listed(tree: tuple[Path, GenQuelle]) -> None:
    d, _ = tree
    tomb = _load(d, "paper/1-1.json")
    assert tomb["deleted"] is True and set(tomb) == {"id", "type", "created", "modified", "deleted"}
    papers = [
        o["id"]
        for p in d.glob("body/1/paper*.json")
        for o in _load(d, p.name and str(p.relative_to(d)))["data"]
    ]
    papers += [
        o["id"]
        for p in (d / "body/1/paper").glob("*.json")
        for o in _load(d, str(p.relative_to(d)))["data"]
    ]
    assert f"{BASE}/paper/1-1" not in papers and f"{BASE}/paper/1-2" in papers
    manifest = _load(d, f"{INTERNAL_DIR}/manifest.json")
    info = manifest["lists"]["body/1/paper"]
    assert info["total_deleted"] == 1
    lines = (d / info["deleted"]).read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["id"] for x in lines] == [f"{BASE}/paper/1-1"]


def test_url_file_mapping() -> None:
    assert file_for_url(f"{BASE}/a/b", BASE) == "a/b.json"
    assert file_for_url(f"{BASE}/bodies?id=1", BASE) == "bodies/@id=1.json"
    assert file_for_url(f"{BASE}/a%20b", BASE) == "a b.json"
    assert file_for_url(f"{BASE}/", BASE) == "index.json"
    for bad in (f"{BASE}/../x", f"{BASE}/.kommunalrecht/manifest", f"{BASE}/a//b",
                "https://other.example/oparl/x", f"{BASE}x/y", f"{BASE}/a#f"):  # fmt: skip
        assert file_for_url(bad, BASE) is None, bad
    assert list_url(BASE, f"{BASE}/bodies?id=1", "meeting").startswith(f"{BASE}/_/")


def test_foreign_ids_are_reported_and_system_synthesised(tmp_path: Path) -> None:
    ts = "2021-01-01T00:00:00+01:00"

    class Q:
        def objekte(self, typ: str) -> list[dict[str, Any]]:
            if typ == "Body":
                return [{"id": "https://elsewhere.example/b/1", "name": "K",
                         "type": "https://schema.oparl.org/1.1/Body", "legislativeTerm": [],
                         "created": ts, "modified": ts}]  # fmt: skip
            return []

    findings = export(Q(), tmp_path / "o", base_url=BASE)
    assert [f.code for f in findings] == ["EXPORT_ID_FREMD"]
    system = _load(tmp_path / "o", "system.json")
    assert system["body"] == f"{BASE}/body"
    page = _load(tmp_path / "o", "body.json")
    assert page["data"][0]["id"] == "https://elsewhere.example/b/1"
    assert page["data"][0]["meeting"].startswith(f"{BASE}/_/")
    assert problems(page) == [] and problems(system) == []


def test_bad_arguments(tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x.txt").write_text("x")
    with pytest.raises(ConfigError, match="empty or new directory"):
        export(GenQuelle(BASE), tmp_path / "full", base_url=BASE)
    with pytest.raises(ConfigError, match="base_url"):
        export(GenQuelle(BASE), tmp_path / "a", base_url="ftp://x")
    with pytest.raises(ConfigError, match="page_size"):
        export(GenQuelle(BASE), tmp_path / "b", base_url=BASE, page_size=0)
    with pytest.raises(ConfigError, match="source"):
        export(42, tmp_path / "c", base_url=BASE)


def test_export_streams_from_generators(tmp_path: Path) -> None:
    """The source is consumed lazily, type by type, and never materialised."""
    calls: list[str] = []
    q = GenQuelle(BASE, meetings=3, items=2)

    class Lazy:
        def objekte(self, typ: str) -> Any:
            calls.append(typ)
            return q.objekte(typ)

    assert export(Lazy(), tmp_path / "o", base_url=BASE) == []
    assert calls[:6] == ["System", "Body", "Organization", "Person", "Meeting", "Paper"]
    assert len(calls) == 12
