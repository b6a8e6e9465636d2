"""Smoke tests of the benchmark suite (benchmarks/): no timings, only that it measures the right
thing — the workload is deterministic and valid OParl 1.1, the sources are lazy, and every
peer decodes and re-encodes the workload documents to the same JSON.

The peers' libraries (msgspec, pydantic, the Bonn client) come with the ``bench`` extra; their
tests are skipped where it is not installed.
"""

from __future__ import annotations

import hashlib
import importlib
import itertools
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import orjson
import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import workload  # noqa: E402

from kommunalrecht.oparl.check import check  # noqa: E402

_DIGEST = (
    "import hashlib, workload; h = hashlib.sha256()\n"
    "for i in range(3): h.update(workload.meeting_bytes(i)); h.update(workload.paper_bytes(i))\n"
    "print(h.hexdigest())"
)


def test_workload_is_deterministic_across_processes() -> None:
    h = hashlib.sha256()
    for i in range(3):
        h.update(workload.meeting_bytes(i))
        h.update(workload.paper_bytes(i))
    other = subprocess.run(
        [sys.executable, "-c", _DIGEST],
        cwd=BENCH,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345", "PATH": ""},
    )
    assert other.stdout.strip() == h.hexdigest()
    assert workload.meeting(5) == workload.meeting(5)
    assert workload.meeting(5) != workload.meeting(6)


def test_workload_shape() -> None:
    m = workload.meeting(30)
    assert len(m["agendaItem"]) == workload.AGENDA_ITEMS == 20
    assert {"location", "invitation", "resultsProtocol", "auxiliaryFile"} <= set(m)
    offsets = {workload.meeting(i)["start"][-6:] for i in range(60)}
    assert offsets == {"+01:00", "+02:00"}
    text = orjson.dumps(m).decode()
    assert any(ch in text for ch in "äöüß")
    p = workload.paper(3)
    assert len(p["consultation"]) == workload.CONSULTATIONS == 3
    assert "mainFile" in p
    assert len(p["auxiliaryFile"]) == 2


@pytest.mark.parametrize("i", [0, 1, 29, 57])
def test_workload_documents_are_valid_oparl(i: int) -> None:
    assert check(workload.meeting(i)) == []
    assert check(workload.paper(i)) == []


def test_references_agree() -> None:
    # Consultation k of Paper i is dealt with in AgendaItem i % 4 + 4k of Meeting i // 4
    i = 9
    p = workload.paper(i)
    m = workload.meeting(i // 4)
    items = {a["id"]: a for a in m["agendaItem"]}
    for c in p["consultation"]:
        assert c["meeting"] == m["id"]
        assert items[c["agendaItem"]]["consultation"] == c["id"]


def test_quelle_is_lazy_and_counts_exactly() -> None:
    q = workload.Quelle(1000)
    docs = {t: list(q.objekte(t)) for t in workload.TYPES}
    assert q.total == sum(workload.count_objects(d) for ds in docs.values() for d in ds)
    assert q.total == 1000
    assert len(docs["Meeting"]) == q.meetings
    assert len(docs["Paper"]) == q.papers
    big = workload.Quelle(1_000_000)
    assert big.total == 1_000_000
    gen = big.objekte("Paper")
    assert isinstance(gen, types.GeneratorType)
    first = list(itertools.islice(gen, 3))
    assert [d["id"] for d in first] == [workload.paper(k)["id"] for k in range(3)]


def _normalise_bonn(d: Any) -> Any:
    """Undo the Bonn client's two lossy spots: File.date becomes a datetime
    ("2021-02-22T00:00:00"), and Consultation gains an empty ``organizations``."""
    if isinstance(d, dict):
        out = {}
        for k, v in d.items():
            if k == "organizations" and v == []:
                continue
            if k == "date" and isinstance(v, str) and v.endswith("T00:00:00"):
                v = v[:10]
            out[k] = _normalise_bonn(v)
        return out
    if isinstance(d, list):
        return [_normalise_bonn(x) for x in d]
    return d


_PEERS = {
    "floor": "orjson",
    "msgspec_models": "msgspec",
    "pydantic_models": "pydantic",
    "bonn": "stadt_bonn_oparl_api_client",
}


@pytest.mark.parametrize("kind", ["meeting", "paper"])
@pytest.mark.parametrize("peer", sorted(_PEERS))
def test_peer_round_trip_is_equivalent(peer: str, kind: str) -> None:
    pytest.importorskip(_PEERS[peer])
    mod = importlib.import_module(f"peers.{peer}")
    for i in (0, 7):
        doc = getattr(workload, kind)(i)
        data = getattr(mod, f"prepare_{kind}")(doc)
        obj = getattr(mod, f"decode_{kind}")(data)
        out = orjson.loads(getattr(mod, f"encode_{kind}")(obj))
        expected = orjson.loads(data)
        if peer == "bonn":
            out = _normalise_bonn(out)
            # the Bonn dialect keeps every OParl value under its own keys
            assert expected["id_ref"] == doc["id"]
        else:
            assert expected == doc
        assert out == expected


def test_peers_decode_the_same_values() -> None:
    msgspec_models = importlib.import_module("peers.msgspec_models") if _has("msgspec") else None
    pydantic_models = importlib.import_module("peers.pydantic_models") if _has("pydantic") else None
    if msgspec_models is None or pydantic_models is None:
        pytest.skip("bench extra not installed")
    doc = workload.meeting(31)
    b = orjson.dumps(doc)
    a = msgspec_models.decode_meeting(b)
    p = pydantic_models.decode_meeting(b)
    assert a.start == p.start
    assert a.start.utcoffset() == p.start.utcoffset()
    assert [x.name for x in a.agendaItem] == [x.name for x in p.agendaItem]
    assert a.invitation.date == p.invitation.date


def test_kommunalrecht_round_trip_is_equivalent() -> None:
    from kommunalrecht import oparl

    if not hasattr(oparl, "loads"):
        pytest.skip("the OParl JSON codec is not available")
    for doc in (workload.meeting(3), workload.paper(3)):
        obj = oparl.loads(orjson.dumps(doc))
        # every OParl property comes back unchanged; the codec may add derived
        # ``kommunalrecht:*`` vendor properties (OParl 1.1 §3 allows prefixed extensions)
        assert _without_vendor(orjson.loads(oparl.dumps(obj))) == doc


def _without_vendor(d: Any) -> Any:
    if isinstance(d, dict):
        return {k: _without_vendor(v) for k, v in d.items() if not k.startswith("kommunalrecht:")}
    if isinstance(d, list):
        return [_without_vendor(x) for x in d]
    return d


def _has(mod: str) -> bool:
    try:
        importlib.import_module(mod)
    except ImportError:
        return False
    return True
