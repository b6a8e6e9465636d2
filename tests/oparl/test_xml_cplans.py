"""The C plans of ``dumps_xml`` (``JsonPlan(..., xml=True)`` in ``kommunalrecht._speedups``)
write exactly the bytes of the Python writers, or decline.

The reference is the fast Python path for model objects (``_xmlwrite.emit_model_document``
on ``to_dict_raw``), itself tested against the general path in test_xml_encode_speed.py.
The C plans must take the common shape (the benchmark workload, generated objects), decline
what the Python writers write differently (escapes, values without a typed form, URLs that
need escaping, offsets beyond ±14:00), and never crash on damaged objects.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import attrs
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kommunalrecht import Ort, Sitzung, Tagesordnungspunkt, oparl
from kommunalrecht.model import MODELLKLASSEN, Beschluss, VerlaufEintrag
from kommunalrecht.oparl._codec import default_converter
from kommunalrecht.oparl._msgfast import _load_speedups
from kommunalrecht.oparl._xmlwrite import _urls_fit, emit_model_document
from kommunalrecht.oparl.xml import _DECL_TEXT, _model_xml_c, _root_bytes, dumps_xml, xml_schema
from kommunalrecht.testing.strategies import instanzen

from ._codec_strategies import model_objects

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import workload

pytestmark = pytest.mark.skipif(_load_speedups() is None, reason="C helpers not built")
_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
TZ = dt.timezone(dt.timedelta(hours=2))


def _python(obj: Any) -> bytes | None:
    """What the Python fast path writes (None: it declines)."""
    text = emit_model_document(default_converter().to_dict_raw(obj), None, _DECL_TEXT)
    return None if text is None else text.encode("utf-8")


def _agrees(obj: Any) -> bytes | None:
    c = _model_xml_c(obj)
    if c is not None:
        assert c == _python(obj)
        assert dumps_xml(obj) == c
    return c


def test_workload_takes_the_c_plans_and_is_schema_valid() -> None:
    from lxml import etree

    schema = xml_schema()
    for i in range(24):
        for doc in (workload.meeting(i), workload.paper(i)):
            obj = oparl.loads(orjson.dumps(doc))
            out = _agrees(obj)
            assert out is not None
            assert schema.validate(etree.fromstring(out)), schema.error_log
            back = oparl.xml.loads_xml(out, mode="lenient")
        assert oparl.dumps(back) == oparl.dumps(obj)


@pytest.mark.parametrize("cls", list(MODELLKLASSEN), ids=lambda c: c.__name__)
def test_generated_objects_take_the_c_plans(cls: type[Any]) -> None:
    @_SETTINGS
    @given(instanzen(cls))
    def run(obj: Any) -> None:
        out = _agrees(obj)
        py = _python(obj)
        # what the JSON plans take (no markers …) and the XML writer writes as it is
        plain = py is not None and not any(m in py for m in (b"&", b"ext:escaped", b"ext:property"))
        if plain and default_converter().dumps_fast(obj) is not None:
            assert out is not None

    run()


@_SETTINGS
@given(st.sampled_from(list(MODELLKLASSEN)).flatmap(model_objects))
def test_arbitrary_model_objects_agree(obj: Any) -> None:
    _agrees(obj)
    _agrees(attrs.evolve(obj, extras={}))


_JUNK: list[Any] = [None, "", "x", "\ud800", "a\x00", "a&<>\r", 0, -1, 2**70, True, 1.5, (),
                    ("a", 1), ["a"], {}, dt.date(2021, 1, 1), dt.datetime(2021, 1, 1),
                    dt.datetime(2021, 1, 1, tzinfo=TZ), object()]  # fmt: skip


@_SETTINGS
@given(st.sampled_from(list(MODELLKLASSEN)).flatmap(model_objects), st.data())
def test_damaged_objects_decline_or_agree(obj: Any, data: Any) -> None:
    obj = attrs.evolve(obj, extras={})
    names = [a.name for a in attrs.fields(type(obj))]
    for _ in range(data.draw(st.integers(1, 3))):
        object.__setattr__(
            obj, data.draw(st.sampled_from(names)), data.draw(st.sampled_from(_JUNK))
        )
    c = _model_xml_c(obj)
    if c is not None:
        assert c == _python(obj)


def test_text_is_escaped_as_the_python_writer_does_or_declined() -> None:
    for text in ("a & b < c > d\r\ne\tf", "äöü €", "\U0001f600", "x" * 100 + "&", "\x85\xa0\u2028"):
        ort = Ort(id="https://x.example/ort/1", raum=text)
        assert _agrees(ort) is not None
        assert oparl.xml.loads_xml(dumps_xml(ort), mode="lenient").raum == text
    for text in ("a\x00b", "a\x1fb", "\ufffe", "\ud800"):  # no XML 1.0 character: \uXXXX form
        ort = Ort(id="https://x.example/ort/1", raum=text)
        assert _model_xml_c(ort) is None
        assert _python(ort) is not None or dumps_xml(ort)  # the Python writers take it


def test_urls_that_need_the_checked_writer_are_declined() -> None:
    for url in ("https://x.example/a&b", "https://x.example/a b", "https://x.example/ä",
                "http://[::1]/", "https://x.example/100%"):  # fmt: skip
        ort = Ort(id="https://x.example/ort/1", web=url)
        assert _model_xml_c(ort) is None
        assert dumps_xml(ort)  # written by the Python path
    assert _urls_fit(["https://x.example/ort/1"])


def test_datetimes_beyond_the_xs_datetime_offsets_are_declined() -> None:
    for hours, taken in ((14, True), (-14, True), (15, False), (-23, False)):
        t = dt.datetime(2021, 1, 1, 12, 0, 5, 123, tzinfo=dt.timezone(dt.timedelta(hours=hours)))
        s = Sitzung(id="https://x.example/s/1", beginn=t, created=t)
        assert (_agrees(s) is not None) is taken
        assert dumps_xml(s) == (_python(s) or dumps_xml(s))
    odd = dt.timezone(dt.timedelta(minutes=53, seconds=28))
    s = Sitzung(id="https://x.example/s/1", beginn=dt.datetime(2021, 1, 1, tzinfo=odd))
    assert _model_xml_c(s) is None


def test_vendor_properties_in_the_generic_encoding() -> None:
    t = dt.datetime(2021, 1, 1, 12, tzinfo=TZ)
    top = Tagesordnungspunkt(
        id="https://x.example/top/1",
        position=0,
        beschluss=Beschluss(),  # only the marker kommunalrecht:beschluss
        verlauf=(VerlaufEintrag(zeitpunkt=t, ereignis="aufgerufen", nach="aufgerufen"),),
    )
    s = Sitzung(
        id="https://x.example/s/1",
        tagesordnung=(attrs.evolve(top, sitzung="https://x.example/s/1"),),
    )
    for obj in (top, s):
        out = _agrees(obj)
        assert out is not None
        assert (
            b'<ext:property name="kommunalrecht:beschluss"><ext:boolean>true</ext:boolean>' in out
        )
        assert b'<ext:member name="ereignis"><ext:string>aufgerufen</ext:string>' in out
        back = oparl.xml.loads_xml(out, mode="lenient")
        assert oparl.dumps(back) == oparl.dumps(obj)


def test_root_tags_and_plans() -> None:
    head, tail = _root_bytes("Location")
    assert head.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<Location xmlns=')
    assert tail == b"</Location>"
    jp = _load_speedups().JsonPlan
    ident = (0, 0, ("id",), "id", None, None, ("<id>", "</id>", 1))
    plan = jp(Ort, "https://schema.oparl.org/1.1/Location", (ident,), xml=True)
    urls: list[str] = []
    assert plan(Ort(id="https://x.example/o"), urls, b"<L>", b"</L>") == (
        b"<L><id>https://x.example/o</id><type>https://schema.oparl.org/1.1/Location</type></L>"
    )
    assert urls == ["https://x.example/o"]
    with pytest.raises(TypeError):
        plan(Ort(id="https://x.example/o"))  # XML plans take (obj, urls, head, tail)
    with pytest.raises(ValueError, match="for XML"):
        jp(
            Ort,
            "https://schema.oparl.org/1.1/Location",
            ((0, 0, ("id",), "id", None, None, None),),
            xml=True,
        )
    with pytest.raises(TypeError, match="7-tuple"):
        jp(
            Ort,
            "https://schema.oparl.org/1.1/Location",
            ((0, 0, ("id",), None, None, None),),
            xml=True,
        )
