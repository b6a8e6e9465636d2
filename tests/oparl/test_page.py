"""Tests of OParl list pages (kommunalrecht.oparl.Page; OParl 1.1 §2.5)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kommunalrecht import Ort, Sitzung, ValidationError, oparl
from kommunalrecht.oparl import Links, Page, Pagination
from kommunalrecht.oparl._spec import SPEC, VENDOR_ORIGINAL

from ._codec_strategies import model_objects, oparl_dicts
from ._fixtures import meeting_with_items

T0 = dt.datetime(2021, 11, 4, 9, 0, tzinfo=dt.UTC)
B = "https://ris.example.org/oparl"


def _page() -> Page:
    return Page(
        data=(Ort(id=f"{B}/o/1", raum="A 1", created=T0, modified=T0),
              Sitzung(id=f"{B}/s/1", name="Kreistag", created=T0, modified=T0)),
        pagination=Pagination(total_elements=3, elements_per_page=2, current_page=1,
                              total_pages=2),
        links=Links(first=f"{B}/l?page=1", self_=f"{B}/l?page=1", next=f"{B}/l?page=2",
                    last=f"{B}/l?page=2", web=f"{B}/html/l"),
    )  # fmt: skip


def test_page_is_written_with_data_pagination_links() -> None:
    d = oparl.to_dict(_page())
    assert list(d) == ["data", "pagination", "links"]
    assert d["pagination"] == {"totalElements": 3, "elementsPerPage": 2, "currentPage": 1,
                               "totalPages": 2}  # fmt: skip
    assert d["links"]["self"] == f"{B}/l?page=1" and d["links"]["web"] == f"{B}/html/l"
    assert d["data"][1]["type"] == "https://schema.oparl.org/1.1/Meeting"
    assert oparl.check(d) == []


def test_page_round_trips_through_bytes() -> None:
    p = _page()
    assert oparl.loads(oparl.dumps(p)) == p
    empty = Page()
    assert oparl.dumps(empty) == b'{"data":[],"pagination":{},"links":{}}'
    assert oparl.loads(oparl.dumps(empty)) == empty


def test_list_page_of_dicts_reads_into_model_objects() -> None:
    m = meeting_with_items(3)
    page = {"data": [m], "pagination": {"totalElements": 1}, "links": {}}
    p = oparl.from_dict(page)
    assert isinstance(p, Page) and isinstance(p.data[0], Sitzung)
    assert p.data[0].tagesordnung[2].position == 2
    out = oparl.to_dict(p)
    # procedure states derived from meetingState / result are written explicitly
    for obj in (out["data"][0], *out["data"][0]["agendaItem"]):
        obj.pop("kommunalrecht:status", None)
        obj.pop("kommunalrecht:ergebnis", None)
    assert out == page


def test_lenient_page_keeps_unreadable_elements_and_strict_rejects_them() -> None:
    page = {
        "data": [
            {"id": f"{B}/p/1", "deleted": True, "created": "2021-01-01T00:00:00+01:00",
             "modified": "2021-01-02T00:00:00+01:00"},
            {"type": "https://schema.oparl.org/1.1/Paper", "name": "ohne id"},
            "kein Objekt",
        ],
        "pagination": {"totalElements": "drei"},
        "links": {"next": f"{B}/l?page=2"},
        "x:vendor": 1,
    }  # fmt: skip
    found: list[Any] = []
    p = oparl.from_dict(page, mode="lenient", expect="Paper", findings=found)
    assert [x.id for x in p.data] == [f"{B}/p/1"] and p.data[0].deleted
    assert p.extras[VENDOR_ORIGINAL]["data"][1] == "kein Objekt"
    assert p.pagination.total_elements is None
    assert p.pagination.extras == {"totalElements": "drei"}
    assert p.links.next == f"{B}/l?page=2" and p.extras["x:vendor"] == 1
    assert {f.code for f in found} >= {"OBJEKT_NICHT_UEBERNOMMEN", "REPARIERT_TYP_ERGAENZT"}
    with pytest.raises(ValidationError):
        oparl.from_dict(page, expect="Paper")


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from([Ort, Sitzung]).flatmap(model_objects), max_size=3),
       st.builds(Pagination, total_elements=st.none() | st.integers(0, 99)),
       st.builds(Links, next=st.none() | st.just(f"{B}/l?page=2")))  # fmt: skip
def test_pages_of_arbitrary_objects_round_trip(data: Any, pag: Any, links: Any) -> None:
    p = Page(data=data, pagination=pag, links=links)
    assert oparl.loads(oparl.dumps(p), mode="lenient") == p


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(list(SPEC)).flatmap(oparl_dicts), max_size=3))
def test_valid_pages_keep_their_elements(items: Any) -> None:
    page = {"data": items, "pagination": {}, "links": {}}
    back = oparl.to_dict(oparl.from_dict(page))
    assert len(back["data"]) == len(items)
    for a, b in zip(items, back["data"], strict=True):
        assert a["id"] == b["id"] and a["type"] == b["type"]
