"""End to end: export a Bestand, serve it on localhost, harvest it back, then incrementally.

Issue 8, "Done when": the seed bundle and a generated Bestand of ≥ 10,000 objects survive
export → serve → harvest unchanged; a second harvest with ``since`` fetches only what changed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kommunalrecht import Bestand, oparl
from kommunalrecht.oparl.export import export
from kommunalrecht.oparl.harvest import harvest
from kommunalrecht.oparl.server import serve_app

from ._oparl_gen import GenQuelle
from ._served import problems, running

_LIST_PROPS = {
    "System": ("body",),
    "Body": (
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
    ),
    "Organization": ("meeting", "consultation"),
}


def _bestand(q: GenQuelle) -> Bestand:
    return Bestand(oparl.from_dict(d) for d in q.top())


def test_generated_bestand_round_trips_and_updates_incrementally(tmp_path: Path) -> None:
    with running() as (origin, holder):
        base = f"{origin}/oparl"
        q = GenQuelle(base, meetings=181)
        bestand = _bestand(q)
        assert len(bestand) >= 10_000
        assert export(bestand, tmp_path / "v1", base_url=base) == []
        holder[0] = serve_app(tmp_path / "v1")
        first = harvest(f"{base}/system", tmp_path / "mirror", delay=0)
        assert first.complete and first.findings == []
        assert first.bestand == bestand
        assert first.objects > len(bestand.objekte)  # lists hold the standalone copies too

        # changes: two meetings modified, one paper deleted
        changed = {
            f"{base}/meeting/7": "2022-03-01T10:00:00+01:00",
            f"{base}/meeting/8": "2022-03-01T10:00:00+01:00",
            f"{base}/paper/3-1": "2022-03-02T10:00:00+01:00",
        }
        q2 = GenQuelle(base, meetings=181, modified=changed, deleted={f"{base}/paper/3-1"})
        bestand2 = _bestand(q2)
        assert bestand2 != bestand
        assert export(bestand2, tmp_path / "v2", base_url=base) == []
        holder[0] = serve_app(tmp_path / "v2")
        second = harvest(
            f"{base}/system", tmp_path / "mirror", since="2022-01-01T00:00:00+01:00", delay=0
        )
    assert second.complete, second.findings
    assert second.bestand == bestand2
    # System, Body list, and one page of each of the ten Body lists
    assert second.requests == 12
    assert second.objects == 1 + 1 + 3  # System, Body, two meetings and the tombstone
    assert second.bestand[f"{base}/paper/3-1"].deleted is True


def _rebased_seed(origin: str) -> tuple[Bestand, str]:
    from kommunalrecht.beispiele.rhein_sieg_2021 import BASIS, bestand

    new = f"{origin}/rsk/"
    objs = [
        oparl.from_dict(
            json.loads(json.dumps(oparl.to_dict(o)).replace(BASIS, new)), mode="lenient"
        )
        for o in bestand().objekte
    ]
    return Bestand(objs), new


def _without_lists(b: Bestand) -> dict[str, dict[str, Any]]:
    out = {}
    for o in b.objekte:
        d = oparl.to_dict(o)
        for prop in _LIST_PROPS.get(d["type"].rsplit("/", 1)[1], ()):
            d.pop(prop, None)
        out[o.id] = d
    return out


def test_seed_bundle_round_trips(tmp_path: Path) -> None:
    with running() as (origin, holder):
        seed, system_url = _rebased_seed(origin)
        assert export(seed, tmp_path / "seed", base_url=system_url, check=True) == []
        holder[0] = app = serve_app(tmp_path / "seed")
        result = harvest(system_url, tmp_path / "mirror", delay=0)
        served = [p for p in (tmp_path / "seed").rglob("*.json") if ".kommunalrecht" not in p.parts]
        for p in served:
            assert problems(json.loads(p.read_bytes())) == [], p
    assert app.base == system_url.rstrip("/")
    assert result.complete and result.findings == []
    # export points System.body and the Body/Organization lists at the export's own lists
    assert _without_lists(result.bestand) == _without_lists(seed)
    assert len(result.bestand) == len(seed)


@pytest.mark.parametrize("page_size", [1, 7])
def test_small_pages_and_limits(tmp_path: Path, page_size: int) -> None:
    with running() as (origin, holder):
        base = f"{origin}/oparl"
        q = GenQuelle(base, organizations=2, persons=3, meetings=3, items=2)
        assert export(q, tmp_path / "x", base_url=base, page_size=page_size) == []
        holder[0] = serve_app(tmp_path / "x")
        result = harvest(f"{base}/system", tmp_path / "m", delay=0, limit=2)
        assert result.dicts == q.top()
        # the mirror is a servable export of the same data
        holder[0] = serve_app(tmp_path / "m")
        again = harvest(f"{base}/system", tmp_path / "m2", delay=0)
    assert again.dicts == q.top()
    assert again.bestand == result.bestand
