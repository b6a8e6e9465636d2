"""The fast path of ``dumps_xml`` for model objects writes exactly the bytes of the general path.

``dumps_xml(obj)`` writes ``OParlConverter.to_dict_raw(obj)`` with the generated emitters of
``_xmlwrite.emit_model_document`` (layouts per key tuple, datetime objects formatted by
orjson, URLs checked per document …). The reference is the general path, unchanged:
``dict_to_xml(oparl.to_dict(obj))`` (``emit_document`` on the JSON codec's dict). Every test
compares bytes (or the exception) with it, on the benchmark workload, on generated model
objects with awkward values, and on raw dicts the codec never writes (other classes, key
orders, unknown keys …), where the fast path must write the same or decline.
"""

from __future__ import annotations

import datetime as dt
import enum
import sys
import typing
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kommunalrecht import oparl
from kommunalrecht.errors import ParseError
from kommunalrecht.model import MODELLKLASSEN, Dringlichkeitsentscheidung
from kommunalrecht.oparl import _xmlwrite
from kommunalrecht.oparl._codec import _fdt, default_converter
from kommunalrecht.oparl._spec import SPEC, Kind, type_uri
from kommunalrecht.oparl._xmlmap import datetime_fits, uri_fits
from kommunalrecht.oparl._xmlwrite import emit_document, emit_model_document
from kommunalrecht.oparl.xml import dict_to_xml, dumps_xml, xml_schema
from kommunalrecht.testing.strategies import instanzen, oparl_objekte

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import workload

_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


def _outcome(fn: Any) -> Any:
    try:
        return ("ok", fn())
    except Exception as exc:  # the same exception either way
        return ("error", type(exc).__name__, str(exc))


def _reference(obj: Any) -> Any:
    return _outcome(lambda: dict_to_xml(oparl.to_dict(obj)))


def _same_as_reference(obj: Any) -> None:
    assert _outcome(lambda: dumps_xml(obj)) == _reference(obj)


def _fast(obj: Any) -> str | None:
    """The text of the fast path alone (None: it declines)."""
    return emit_model_document(default_converter().to_dict_raw(obj))


# ---------------------------------------------------------------------------------------
# the benchmark workload


def test_workload_meetings_and_papers_take_the_fast_path_and_write_the_same_bytes() -> None:
    for i in range(48):
        for doc in (workload.meeting(i), workload.paper(i)):
            obj = oparl.loads(orjson.dumps(doc))
            assert _fast(obj) is not None
            assert dumps_xml(obj) == dict_to_xml(oparl.to_dict(obj))


def test_workload_output_is_schema_valid() -> None:
    from lxml import etree

    obj = oparl.loads(orjson.dumps(workload.meeting(5)))
    assert xml_schema().validate(etree.fromstring(dumps_xml(obj)))


# ---------------------------------------------------------------------------------------
# generated model objects, as they are and with awkward values

_TEXTS = st.one_of(
    st.text(max_size=12),
    st.lists(
        st.sampled_from(
            ["a", "ä", "ß", "–", "€", "💡", "&", "<", ">", '"', "'", "\\", "\r", "\n", "\t",
             "\x00", "\x08", "\x0b", "\x1f", "\x7f", "\x85", "\xa0", "\xad", "\u2028",
             "\ufeff", "\ufffe", "\uffff", "\ud800", "\udfff", " ", "%", "?", "=", ":"]
        ),
        max_size=8,
    ).map("".join),
)  # fmt: skip
_URL_PARTS = st.sampled_from(
    ["https://", "http://", "HTTPS://", "ftp://", "ris.example", "a.b-c", "ä", ":80", ":", "/",
     "//", "?", "=", "&", "#", "%20", "%zz", "%", " ", "[", "]", "@", "_", "~", "!", "x", "1",
     "<", ">", "\n", "'", "(", "*", ";", ","]
)  # fmt: skip
_URLS = st.one_of(
    st.builds(lambda a, b: f"https://ris.example/{a}/{b}", st.sampled_from("abc"), st.integers()),
    st.lists(_URL_PARTS, max_size=7).map("".join),
    st.lists(_URL_PARTS, max_size=5).map(lambda p: "https://ris.example/" + "".join(p)),
    st.lists(_URL_PARTS, max_size=5).map(lambda p: "http://h" + "".join(p)),
)
_ZONES = st.one_of(
    st.integers(-24 * 60 + 1, 24 * 60 - 1).map(lambda m: dt.timezone(dt.timedelta(minutes=m))),
    st.sampled_from([-14 * 60, -14 * 60 - 1, 14 * 60, 14 * 60 + 1, 0, 60, -90]).map(
        lambda m: dt.timezone(dt.timedelta(minutes=m))
    ),
    st.sampled_from(
        [
            dt.UTC,
            dt.timezone(dt.timedelta(hours=1), "CET"),
            dt.timezone(dt.timedelta(hours=1, seconds=30)),
            dt.timezone(dt.timedelta(hours=-3, microseconds=5)),
            ZoneInfo("Europe/Berlin"),
            ZoneInfo("America/St_Johns"),
            ZoneInfo("Pacific/Kiritimati"),
            ZoneInfo("Asia/Kathmandu"),
        ]
    ),
)
_DATETIMES = st.builds(
    lambda d, tz, fold: d.replace(tzinfo=tz, fold=fold),
    st.datetimes(min_value=dt.datetime(2, 1, 1), max_value=dt.datetime(9998, 12, 31)),
    _ZONES,
    st.integers(0, 1),
)


def _hints(cls: type[Any]) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _awkward(field: str, tp: Any) -> st.SearchStrategy[Any] | None:
    """A strategy of awkward values for model field ``field`` of type ``tp`` (or None)."""
    args = set(typing.get_args(tp)) | {tp}
    if str in args:
        return _URLS | _TEXTS
    if dt.datetime in args:
        return _DATETIMES
    if dt.date in args:
        return st.dates()
    if typing.get_origin(tp) is tuple and typing.get_args(tp)[0] is str:
        return st.lists(_URLS | _TEXTS, max_size=3).map(tuple)
    if field == "extras":
        return st.dictionaries(_TEXTS, st.none() | st.booleans() | _TEXTS, max_size=2)
    return None


@st.composite
def _awkward_instances(draw: st.DrawFn, cls: type[Any]) -> Any:
    obj = draw(instanzen(cls))
    hints = _hints(cls)
    fields = [a.name for a in attrs.fields(cls) if a.init and a.name != "id"]
    for name in draw(st.lists(st.sampled_from(fields), max_size=4, unique=True)):
        strat = _awkward(name, hints[name])
        if strat is None:
            continue
        try:
            obj = attrs.evolve(obj, **{name: draw(strat)})
        except Exception:  # the model refuses the value: keep the old one
            continue
    return obj


_CLASSES = [*MODELLKLASSEN, Dringlichkeitsentscheidung]


@pytest.mark.parametrize("cls", _CLASSES, ids=lambda c: c.__name__)
def test_hypothesis_model_objects_take_the_fast_path(cls: type[Any]) -> None:
    @_SETTINGS
    @given(instanzen(cls))
    def run(obj: Any) -> None:
        fast = _fast(obj)
        if cls is not Dringlichkeitsentscheidung:  # vendor type: its datetimes decline
            assert fast is not None
        if fast is not None:
            assert fast == emit_document(oparl.to_dict(obj))
        _same_as_reference(obj)

    run()


@pytest.mark.parametrize("cls", _CLASSES, ids=lambda c: c.__name__)
def test_hypothesis_awkward_values_write_the_same_bytes(cls: type[Any]) -> None:
    @_SETTINGS
    @given(_awkward_instances(cls), st.booleans())
    def run(obj: Any, fresh_layouts: bool) -> None:
        if fresh_layouts:  # else the layouts of earlier examples (up to the limit) are used
            for table in _xmlwrite._LAYOUTS.values():
                table.clear()
        _same_as_reference(obj)

    run()


def test_extras_that_are_no_json_raise_as_before() -> None:
    from kommunalrecht import Ort

    class S(str):
        pass

    class E(enum.StrEnum):
        A = "a"

    for extras in (
        {"x:y": object()},
        {"x:y": {"a": [1, object()]}},
        {"x:y": {1: "a"}},
        {"x:y": S("a")},
        {"x:y": E.A},
        {"x:y": (1, "a")},
        {"x:y": float("nan")},
        {"x:y": {"a": {"b": [[[[]]]]}}},
        {S("x:y"): "a"},
        {"x:y": dt.datetime(2021, 1, 1, tzinfo=dt.UTC)},
    ):
        obj = Ort(id="https://x.example/ort/1", beschreibung="Saal", extras=extras)
        _same_as_reference(obj)
    deep: Any = "a"
    for _ in range(_xmlwrite.MAX_DEPTH + 1):
        deep = [deep]
    _same_as_reference(Ort(id="https://x.example/ort/1", extras={"x:y": deep}))


def test_pages_dicts_and_pretty_take_the_general_path() -> None:
    from kommunalrecht import Gremium

    g = Gremium(id="https://ris.example/org/1", name="Rat & Ausschuss")
    page = oparl.Page(data=(g,), links=oparl.Links(next="https://ris.example/org?page=2"))
    assert dumps_xml(page) == dict_to_xml(oparl.to_dict(page))
    d = oparl.to_dict(g)
    assert dumps_xml(d) == dict_to_xml(d)
    assert dumps_xml(g, pretty=True) == dict_to_xml(d, pretty=True)
    assert dumps_xml(g, expect="Organization") == dict_to_xml(d, expect="Organization")


# ---------------------------------------------------------------------------------------
# raw dicts: whatever the fast path writes is what the general path writes


class _Str(str):
    pass


_ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=True),
    _TEXTS,
    _URLS,
    _TEXTS.map(_Str),
    _DATETIMES,
    st.dates(),
    st.just([]),
    st.just({}),
    st.lists(_URLS, min_size=1, max_size=2),
    st.lists(_TEXTS, min_size=1, max_size=2).map(tuple),
    st.just([{"id": "https://x.example/1"}, 1]),
    st.just({"a": [1, 2.5, None]}),
    st.just(object()),
)


def _cook(v: Any) -> Any:
    """The value to_dict writes where to_dict_raw has ``v``: date-times formatted by _fdt."""
    if v.__class__ is dt.datetime:
        return _fdt(v)
    if v.__class__ is dict:
        return {k: _cook(x) for k, x in v.items()}
    if v.__class__ is list:
        return [_cook(x) for x in v]
    return v


@st.composite
def _raw_dicts(draw: st.DrawFn) -> dict[str, Any]:
    d: dict[str, Any] = draw(oparl_objekte())

    def mutate(x: dict[str, Any], tname: str) -> dict[str, Any]:
        items = list(x.items())
        out = []
        for k, v in items:
            p = SPEC[tname].by_name.get(k)
            if p is not None and p.kind is Kind.DATETIME and draw(st.booleans()):
                v = draw(_DATETIMES)
            elif p is not None and p.kind is Kind.EMBEDDED and v.__class__ is dict:
                v = mutate(v, p.target)
            elif p is not None and p.kind is Kind.EMBEDDED_LIST and v.__class__ is list:
                v = [mutate(y, p.target) if y.__class__ is dict else y for y in v]
            if draw(st.integers(0, 9)) == 0:
                v = draw(_ODD_VALUES)
            out.append((k, v))
        for _ in range(draw(st.integers(0, 2))):
            key = draw(st.sampled_from(["kommunalrecht:status", "x:y", "a<b", 'q"', 1, _Str("z")]))
            out.insert(draw(st.integers(0, len(out))), (key, draw(_ODD_VALUES)))
        if draw(st.integers(0, 9)) == 0:
            out.reverse()
        return dict(out)

    tname = d["type"].rsplit("/", 1)[1]
    out = mutate(d, tname)
    if draw(st.integers(0, 4)) == 0:  # a type the reader takes from expect=
        out["type"] = draw(st.sampled_from([type_uri(tname, "1.0"), _Str(out["type"])]) | _TEXTS)
    return out


@_SETTINGS
@given(_raw_dicts(), st.booleans())
def test_hypothesis_raw_dicts_are_written_as_by_the_general_path_or_declined(
    d: dict[str, Any], fresh_layouts: bool
) -> None:
    if fresh_layouts:
        for table in _xmlwrite._LAYOUTS.values():
            table.clear()
    for expect in (None, "Meeting", "File", "Paper"):
        fast = _outcome(lambda e=expect: emit_model_document(d, e))
        assert fast[0] == "ok"  # it declines, but never raises
        if fast[1] is not None:
            assert fast == _outcome(lambda e=expect: emit_document(_cook(d), e))


@pytest.mark.parametrize(
    "value",
    ["2021-02-28", "2021-02-29", "2020-02-29", "2021-04-31", "2021-12-31", "2021-13-01",
     "0000-01-01", "0001-01-01", "2021-1-01", "2021-01-01T00:00:00+01:00", "２０２１-01-01",
     "2021-01-0\u0661", "", 20210101, None],
)  # fmt: skip
def test_dates_are_checked_like_the_general_path(value: Any) -> None:
    for table in _xmlwrite._LAYOUTS.values():
        table.clear()
    for _ in range(2):  # checks the date, then finds it checked for the document
        d = {"id": "https://x.example/f/1", "type": type_uri("File"), "date": value}
        meeting = {
            "id": "https://x.example/m/1",
            "type": type_uri("Meeting"),
            "auxiliaryFile": [d, d],
        }
        assert emit_model_document(meeting) == emit_document(meeting)


@pytest.mark.parametrize(
    "value",
    [type_uri("File"), type_uri("File", "1.0"), "File", "a & b", "<x>", "a\rb", "\x00", 3, None,
     _Str(type_uri("File"))],
)  # fmt: skip
def test_type_values_are_checked_like_the_general_path(value: Any) -> None:
    for table in _xmlwrite._LAYOUTS.values():
        table.clear()
    d = {"id": "https://x.example/f/1", "type": value, "name": "a"}
    for _ in range(2):
        fast = _outcome(lambda: emit_model_document(d, "File"))
        assert fast[0] == "ok"
        if fast[1] is not None:
            assert fast == _outcome(lambda: emit_document(d, "File"))


@_SETTINGS
@given(oparl_objekte(), st.data())
def test_hypothesis_valid_dicts_with_datetime_objects_take_the_fast_path(
    d: dict[str, Any], data: st.DataObject
) -> None:
    ok_zones = st.integers(-14 * 60, 14 * 60).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))

    def with_datetimes(x: dict[str, Any], tname: str) -> dict[str, Any]:
        out = {}
        for k, v in x.items():
            p = SPEC[tname].by_name.get(k)
            if p is not None and p.kind is Kind.DATETIME:
                v = dt.datetime.fromisoformat(v).astimezone(data.draw(ok_zones))
            elif p is not None and p.kind is Kind.EMBEDDED:
                v = with_datetimes(v, p.target)
            elif p is not None and p.kind is Kind.EMBEDDED_LIST:
                v = [with_datetimes(y, p.target) for y in v]
            out[k] = v
        return out

    raw = with_datetimes(d, d["type"].rsplit("/", 1)[1])
    fast = emit_model_document(raw)
    assert fast is not None
    assert fast == emit_document(_cook(raw))


def test_more_key_tuples_than_layouts_per_type() -> None:
    for table in _xmlwrite._LAYOUTS.values():
        table.clear()
    names = [p.name for p in SPEC["File"].props if p.kind is Kind.STRING and p.name != "type"]
    for i in range(_xmlwrite._MAX_LAYOUTS + 20):
        d: dict[str, Any] = {"id": f"https://x.example/f/{i}", "type": type_uri("File")}
        for j, n in enumerate(names):
            if i >> j & 1:
                d[n] = f"{n} {i}"
        d[f"x:{i % 3}"] = i
        assert emit_model_document(d) == emit_document(d)
    assert len(_xmlwrite._LAYOUTS["File"]) == _xmlwrite._MAX_LAYOUTS


def test_a_layout_is_not_reused_for_other_value_classes() -> None:
    base = {"id": "https://x.example/f/1", "type": type_uri("File"), "name": "a", "x:y": "b"}
    assert emit_model_document(base) == emit_document(base)
    for name in ("a & b", 3, None, ["a"], _Str("a"), "a\nb", "a\rb", "a\x00"):
        for key in ("name", "x:y"):
            d = dict(base, **{key: name})
            got = emit_model_document(d)
            assert got is None or got == emit_document(d)
    odd = {("x:y" if k == "x:y" else k): v for k, v in base.items()}
    odd = {k if k != "x:y" else _Str("x:y"): v for k, v in odd.items()}
    assert emit_model_document(odd) is None  # a str subclass as name: the general path raises
    with pytest.raises(ParseError):
        emit_document(odd)


# ---------------------------------------------------------------------------------------
# the checks the fast path makes at once equal the checks per value they stand for


@settings(max_examples=400, deadline=None)
@given(st.lists(_URLS, min_size=1, max_size=6))
def test_hypothesis_urls_checked_at_once_equal_each_checked(urls: list[str]) -> None:
    one = _xmlwrite._urls_form(1)
    each = [one(u) is not None for u in urls]
    assert _xmlwrite._urls_fit(urls) == all(each)
    assert (
        _xmlwrite._URLS_ANY(" ".join(urls)) is not None
        and " ".join(urls).count(" ") == len(urls) - 1
    ) == all(each)
    if len(urls) > 1:
        fixed = _xmlwrite._urls_form(len(urls))
        assert (fixed(" ".join(urls)) is not None) == all(each)
    for u, ok in zip(urls, each, strict=True):
        if ok:  # written as is: it fits xs:anyURI and needs no escaping
            assert uri_fits(u) and _xmlwrite._url(u) == u


def test_shared_base_and_mixed_hosts() -> None:
    fit = _xmlwrite._urls_fit
    assert fit(["https://a.example/x", "https://a.example/y?id=1", "https://b.example"])
    assert fit(["https://a.example/x", "https://a.example/"])
    assert not fit(["https://a.example/x", "https://a.example//y", "https://"])
    assert not fit(["https://a.example/x", "https://a.example/:"])
    assert not fit(["https://a.example/x", "https://a.example/y https://a.example/z"])
    assert not fit(["https://a.example https://a.example/z"])


@settings(max_examples=300, deadline=None)
@given(_DATETIMES)
def test_hypothesis_datetime_text_is_fdt_where_it_fits(v: dt.datetime) -> None:
    dc: dict[int, str] = {}
    expected = _fdt(v)
    try:
        got = _xmlwrite._dt_text(v, dc)
    except _xmlwrite._Decline:
        assert not datetime_fits(expected)
    else:
        assert got == expected and datetime_fits(got) and dc == {id(v): got}


def test_orjson_writes_fdt_for_every_zone_the_layouts_give_it() -> None:
    days = [dt.datetime(1, 1, 2, 0, 0, 0), dt.datetime(999, 12, 31, 23, 59, 59, 999999),
            dt.datetime(2021, 3, 28, 2, 30, fold=1), dt.datetime(9999, 12, 30, 12, 0, 0, 1)]  # fmt: skip
    for minutes in range(-14 * 60, 14 * 60 + 1):
        tz = dt.timezone(dt.timedelta(minutes=minutes))
        assert _xmlwrite._tz_fits(tz)
        for day in days:
            v = day.replace(tzinfo=tz)
            text = orjson.dumps(v, option=orjson.OPT_OMIT_MICROSECONDS)[1:-1].decode()
            assert text == _fdt(v)
            assert datetime_fits(text)
    for off in (
        dt.timedelta(hours=14, minutes=1),
        dt.timedelta(hours=-15),
        dt.timedelta(seconds=1),
    ):
        assert not _xmlwrite._tz_fits(dt.timezone(off))


# ---------------------------------------------------------------------------------------
# the streaming writer takes the fast path for model objects, too


def test_write_xml_stream_of_model_objects_equals_that_of_their_dicts() -> None:
    import io

    from kommunalrecht.oparl.xml import XmlWriter, write_xml_stream

    objs: list[Any] = []
    for i in range(6):
        objs.append(oparl.loads(orjson.dumps(workload.meeting(i))))
        objs.append(oparl.loads(orjson.dumps(workload.paper(i))))
    objs.append(Dringlichkeitsentscheidung(id="https://x.example/de/1"))
    links = {"self": "https://ris.example/a?page=1&x=<2>"}
    fast = write_xml_stream(objs, io.BytesIO(), links=links).getvalue()
    general = write_xml_stream([oparl.to_dict(o) for o in objs], io.BytesIO(), links=links)
    assert fast == general.getvalue()
    buf = io.BytesIO()
    with XmlWriter(buf, expect="Meeting") as w:
        w.write(objs[0])
    buf2 = io.BytesIO()
    with XmlWriter(buf2, expect="Meeting") as w:
        w.write(oparl.to_dict(objs[0]))
    assert buf.getvalue() == buf2.getvalue()


@pytest.mark.parametrize("cls", _CLASSES, ids=lambda c: c.__name__)
def test_hypothesis_stream_of_awkward_model_objects(cls: type[Any]) -> None:
    import io

    from kommunalrecht.oparl.xml import write_xml_stream

    @settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(_awkward_instances(cls), min_size=1, max_size=3))
    def run(objs: list[Any]) -> None:
        fast = _outcome(lambda: write_xml_stream(objs, io.BytesIO()).getvalue())
        dicts = _outcome(lambda: [oparl.to_dict(o) for o in objs])
        if dicts[0] == "ok":
            assert fast == _outcome(lambda: write_xml_stream(dicts[1], io.BytesIO()).getvalue())
        else:
            assert fast[0] == "error"

    run()
