"""The strict JSON fast path (``kommunalrecht.oparl._msgfast``): it returns a model object only
when the checked path would return the same one, and declines (``None``) otherwise."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import attrs
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kommunalrecht import Datei, Ort, Sitzung, Tagesordnungspunkt, oparl
from kommunalrecht.beispiele import rhein_sieg_2021
from kommunalrecht.model import MODELLKLASSEN, Beschluss, Objekt
from kommunalrecht.oparl._codec import _Gen, default_converter
from kommunalrecht.oparl._msgfast import (
    _URL_FAST,
    _load_speedups,
    _mdt,
    _twin,
    _urls_ok,
    make_fast_decoder,
    make_fast_encoder,
)
from kommunalrecht.oparl._spec import SPEC
from kommunalrecht.oparl.check import is_datetime, is_url

from ._codec_strategies import json_values, model_objects, oparl_dicts
from ._fixtures import meeting_with_items

HS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
TZ = dt.timezone(dt.timedelta(hours=1))


def _checked(data: bytes) -> Any:
    """What the strict reader returns without the fast path (``None``: it reports)."""
    d = orjson.loads(data)
    obj = default_converter().decode_checked(d)
    if obj is not None:
        return obj
    try:
        return oparl.from_dict(d)
    except Exception:
        return None


def _agrees(data: bytes) -> Any:
    fast = default_converter().decode_json_checked(data)
    if fast is not None:
        d = orjson.loads(data)
        assert oparl.check(d) == []  # accepted only when there is nothing to report
        slow = default_converter().decode_checked(d)
        assert fast == slow
        assert type(fast) is type(slow)
        assert oparl.loads(data) == fast
    return fast


def test_takes_the_common_shape_and_builds_what_the_checked_path_builds() -> None:
    s = oparl.from_dict(meeting_with_items(20))
    s = attrs.evolve(s, ort=attrs.evolve(s.ort, geojson=None))
    data = oparl.dumps(s)
    fast = _agrees(data)
    assert fast == s
    assert isinstance(fast.tagesordnung[3], Tagesordnungspunkt)
    assert fast.tagesordnung[3].sitzung == s.id


def test_takes_every_supported_object_of_the_seed_bundle() -> None:
    taken = 0
    for obj in rhein_sieg_2021.bestand().objekte:
        if obj.deleted:
            continue
        data = oparl.dumps(obj)
        fast = _agrees(data)
        if fast is not None:
            taken += 1
            assert fast == obj or fast == oparl.loads(data)
    assert taken >= 5


def test_declines_geojson_vendor_properties_markers_and_pages() -> None:
    s = oparl.from_dict(meeting_with_items(3))
    assert s.ort is not None and s.ort.geojson is not None
    conv = default_converter()
    assert conv.decode_json_checked(oparl.dumps(s)) is None  # geojson: checked path
    s = attrs.evolve(s, ort=attrs.evolve(s.ort, geojson=None), extras={"x:y": 1})
    assert conv.decode_json_checked(oparl.dumps(s)) is None  # vendor property: checked path
    assert oparl.loads(oparl.dumps(s)).extras == {"x:y": 1}
    assert conv.decode_json_checked(b'{"data": [], "links": {}, "pagination": {}}') is None
    assert conv.decode_json_checked(b"\xef\xbb\xbf{}") is None
    assert conv.decode_json_checked(b"{nope") is None


_TS = "2021-11-04T09:00:00+01:00"
_LOC = {"id": "https://x.example/ort/1", "type": "https://schema.oparl.org/1.1/Location",
        "created": _TS, "modified": _TS}  # fmt: skip


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("created", "2021-11-04T09:00:00Z"),
        ("created", "2021-11-04t09:00:00+01:00"),
        ("created", "2021-11-04 09:00:00+01:00"),
        ("created", "2021-11-04T09:00:00.5+0100"),
        ("created", "2021-11-04T09:00:00.000000+01:00"),
        ("created", "2021-W44-4T09:00:00+01:00"),
        ("created", "2021-11-04T090000.5+01:00"),
        ("created", "2021-11-04T09:00:00+0100"),
        ("modified", "2021-11-04T08:00:00+01:00"),  # before created: invariant
        ("id", "https://x.example/ört/1"),  # valid, but non-ASCII: checked path
        ("id", "https:///x"),
        ("id", "https://x.example/a b"),
        ("id", "ftp://x.example/1"),
        ("room", ""),
        ("room", None),
        ("room", 3),
        ("type", "https://schema.oparl.org/1.0/Location"),
        ("deleted", True),
        ("keyword", []),
        ("keyword", [""]),
        ("kommunalrecht:leer", ["raum"]),
    ],
)
def test_declines_what_the_checker_would_report(key: str, value: Any) -> None:
    doc = {**_LOC, key: value}
    data = json.dumps(doc, ensure_ascii=False).encode()
    assert default_converter().decode_json_checked(data) is None
    _agrees(data)


def test_escapes_and_duplicate_keys_read_as_json_says() -> None:
    # an escaped "Z" is still a "Z"; the last of duplicate keys counts (as in orjson)
    data = json.dumps(_LOC).replace(_TS, "2021-11-04T09:00:00\\u005a").encode()
    assert default_converter().decode_json_checked(data) is None
    data = json.dumps(_LOC).replace(_TS, "2021\\u002d11-04T09:00:00+01:00", 1).encode()
    assert _agrees(data) is not None
    dup = data[:-1] + b', "room": "A", "room": "B"}'
    assert _agrees(dup).raum == "B"


def test_url_fast_check_is_a_subset_of_is_url() -> None:
    @given(st.text(max_size=30).map(lambda t: "https://" + t) | st.text(max_size=30))
    @settings(max_examples=300, deadline=None)
    def prop(u: str) -> None:
        if _URL_FAST(u) is not None:
            assert is_url(u)

    prop()


def test_bulk_url_check_is_the_per_url_check() -> None:
    @given(
        st.lists(
            st.sampled_from(
                [
                    "https://a.example/1",
                    "http://b.example/x?y=1",
                    "https:///",
                    "https://a b",
                    "https://ä.example",
                    "https://x\nhttps://y",
                    "",
                    "\n",
                    "https://z.example/\n",
                ]
            ),
            min_size=1,
        )
    )
    @settings(max_examples=300, deadline=None)
    def prop(urls: list[str]) -> None:
        assert _urls_ok(urls) == all(_URL_FAST(u) is not None for u in urls)

    prop()


_DT_TEMPLATE = "2021-11-04T09:00:00+01:00"


def test_datetime_fast_parse_accepts_exactly_the_oparl_form() -> None:
    @given(st.lists(st.tuples(st.integers(0, 24),
                              st.sampled_from("0123456789-+:T tZz.W,٣")), max_size=4),
           st.integers(-2, 2))  # fmt: skip
    @settings(max_examples=500, deadline=None)
    def prop(edits: list[tuple[int, str]], cut: int) -> None:
        v = list(_DT_TEMPLATE)
        for pos, ch in edits:
            v[pos] = ch
        text = "".join(v)
        text = text[:cut] if cut < 0 else text + "0" * cut
        try:
            _mdt({}, text)
            ok = True
        except Exception:
            ok = False
        assert ok == is_datetime(text), text

    prop()


@HS
@given(st.sampled_from([t for t in SPEC if t != "System"]).flatmap(oparl_dicts),
       st.data())  # fmt: skip
def test_agrees_with_the_checked_path_on_generated_and_damaged_documents(d: Any, data: Any) -> None:
    _agrees(orjson.dumps(d))
    target = d
    for key in ("agendaItem", "auxiliaryFile", "location", "resolutionFile", "invitation"):
        v = d.get(key)
        if isinstance(v, list) and v and isinstance(v[0], dict) and data.draw(st.booleans()):
            target = v[0]
            break
        if isinstance(v, dict) and data.draw(st.booleans()):
            target = v
            break
    key = data.draw(st.sampled_from(sorted(target)))
    target[key] = data.draw(
        st.one_of(json_values, st.just(""), st.just([]), st.just(None), st.just("a:b"),
                  st.just("2021-01-01T00:00:00+0100"), st.just("2021-01-01T00:00:00Z"),
                  st.just("2021-02-30"), st.just(-1), st.just(True), st.just(1.0)))  # fmt: skip
    _agrees(orjson.dumps(d))


@HS
@given(st.sampled_from([Sitzung, Tagesordnungspunkt, Datei, Ort]).flatmap(model_objects))
def test_agrees_on_model_output(x: Any) -> None:
    fast = _agrees(oparl.dumps(x))
    if fast is not None and not x.deleted:
        assert fast == x or fast == oparl.loads(oparl.dumps(x))


def test_twins_build_frozen_objects_of_the_real_class() -> None:
    assert "__setattr__" not in vars(Objekt)
    with pytest.raises(TypeError, match="common base"):
        Objekt(id="https://x.example/1")
    for cls in (*MODELLKLASSEN, Beschluss):
        twin = _twin(cls)
        base_frozen = any("__setattr__" in vars(b) for b in cls.__mro__[1:-1])
        assert (twin is None) == base_frozen, cls
        obj = cls(id="https://x.example/1") if issubclass(cls, Objekt) else cls()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            obj.id = "https://x.example/2"  # type: ignore[misc]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            del obj.id  # type: ignore[misc]


def test_order_invariants_are_declared_as_checked() -> None:
    early, late = dt.datetime(2021, 1, 1, tzinfo=TZ), dt.datetime(2021, 1, 2, tzinfo=TZ)
    for cls in MODELLKLASSEN:
        for start, end in cls.ORDNUNG:
            a = attrs.fields_dict(cls)
            assert start in a and end in a, (cls, start, end)
            lo, hi = (early, late)
            try:
                cls(id="https://x.example/1", **{start: lo})
            except ValueError:  # a date field
                lo, hi = early.date(), late.date()
            with pytest.raises(ValueError, match=end):
                cls(id="https://x.example/1", **{start: hi, end: lo})
            cls(id="https://x.example/1", **{start: lo, end: hi})


# -- encoding ------------------------------------------------------------------------------


def _dict_path(obj: Any) -> bytes:
    """What ``oparl.dumps`` wrote before the Struct encoder: the raw dict through orjson."""
    conv = default_converter()
    return orjson.dumps(conv.to_dict_raw(obj), option=orjson.OPT_OMIT_MICROSECONDS)


def _same_bytes(obj: Any) -> bytes | None:
    fast = default_converter().dumps_fast(obj)
    if fast is not None:
        assert fast == _dict_path(obj)
        assert oparl.dumps(obj) == fast
    assert oparl.dumps(obj) == _dict_path(obj)
    return fast


def test_encoder_writes_the_dict_encoders_bytes_for_the_common_shape() -> None:
    s = oparl.from_dict(meeting_with_items(20))
    s = attrs.evolve(s, ort=attrs.evolve(s.ort, geojson=None))
    assert _same_bytes(s) is not None
    taken = 0
    for obj in rhein_sieg_2021.bestand().objekte:
        taken += _same_bytes(obj) is not None
    assert taken >= 5


def test_encoder_leaves_markers_extras_tombstones_and_geojson_to_the_dict_encoder() -> None:
    conv = default_converter()
    ort = Ort(id="https://x.example/ort/1", raum="A 1")
    assert conv.dumps_fast(ort) is not None
    for other in (
        attrs.evolve(ort, raum=""),  # kommunalrecht:leer
        attrs.evolve(ort, extras={"x:y": 1}),
        attrs.evolve(ort, deleted=True),
        attrs.evolve(ort, geojson={"type": "Point", "coordinates": [7.1, 50.7]}),
        Sitzung(id="https://x.example/s/1", stand=""),  # kommunalrecht:leer, as for any text
        Sitzung(
            id="https://x.example/s/1",  # embedded TOP without its back-reference
            tagesordnung=(Tagesordnungspunkt(id="https://x.example/top/1", position=0),),
        ),
    ):
        assert conv.dumps_fast(other) is None
        assert _same_bytes(other) is None


def test_encoder_writes_datetimes_as_the_dict_encoder_does() -> None:
    odd = dt.timezone(dt.timedelta(minutes=53, seconds=28))
    for tz in (dt.UTC, TZ, dt.timezone(dt.timedelta(hours=-9, minutes=-30)), odd):
        for micro in (0, 123456):
            t = dt.datetime(2021, 1, 1, 12, 0, 5, micro, tzinfo=tz)
            _same_bytes(Sitzung(id="https://x.example/s/1", created=t, modified=t, beginn=t))


@HS
@given(st.sampled_from(list(MODELLKLASSEN)).flatmap(model_objects))
def test_encoder_agrees_with_the_dict_encoder_on_model_objects(x: Any) -> None:
    _same_bytes(x)


# -- the optional C helpers and their pure-Python equivalents --------------------------------

_speedups = _load_speedups()
needs_c = pytest.mark.skipif(_speedups is None, reason="kommunalrecht._speedups not built")
_PURE = make_fast_decoder(_Gen(), speedups=None)
_WITH_C = make_fast_decoder(_Gen())


@needs_c
def test_c_datetime_parser_is_the_python_one() -> None:
    @given(st.lists(st.tuples(st.integers(0, 24), st.sampled_from("0123456789-+:T tZ.٣é")),
                    max_size=4), st.sampled_from([_DT_TEMPLATE, "2020-02-29T23:59:59-23:59",
                                                  "2021-02-28T00:00:00+00:00"]))  # fmt: skip
    @settings(max_examples=1000, deadline=None)
    def prop(edits: list[tuple[int, str]], template: str) -> None:
        v = list(template)
        for pos, ch in edits:
            v[pos] = ch
        text = "".join(v)
        try:
            expected: Any = _mdt({}, text)
        except Exception:
            expected = None
        memo: dict[str, Any] = {}
        try:
            got: Any = _speedups.parse_datetime(memo, text)
        except ValueError:
            got = None
        assert got == expected, text
        if got is not None:
            assert got.tzinfo == expected.tzinfo and got.utcoffset() == expected.utcoffset()
            assert (got.tzinfo is dt.UTC) == (expected.tzinfo is dt.UTC)
            assert memo == {text: got}
            assert _speedups.parse_datetime(memo, text) is got  # memoised

    prop()
    with pytest.raises(ValueError, match="not an OParl date-time"):
        _speedups.parse_datetime({}, 5)
    with pytest.raises(TypeError):
        _speedups.parse_datetime([], _DT_TEMPLATE)


@needs_c
@HS
@given(st.sampled_from(list(MODELLKLASSEN)).flatmap(model_objects))
def test_c_builder_builds_what_the_constructor_builds(x: Any) -> None:
    names = tuple(a.name for a in attrs.fields(type(x)))
    built = _speedups.Builder(type(x), names)(*[getattr(x, n) for n in names])
    assert type(built) is type(x)
    assert built == x
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.id = "https://x.example/2"


@needs_c
def test_c_url_check_is_the_python_one() -> None:
    @given(st.lists(st.one_of(
        st.sampled_from(["https://a.example/1", "http://b.example/x?y=1", "https:///", "http://",
                         "https://", "https://a b", "https://ä.example", "https://x\ny", "",
                         "https://?q", "http://#f", "ftp://x", "https://x\x7f", "https://~"]),
        st.text(max_size=12).map(lambda t: "https://" + t), st.text(max_size=12),
        st.integers(),
    ), max_size=5))  # fmt: skip
    @settings(max_examples=500, deadline=None)
    def prop(urls: list[Any]) -> None:
        expected = all(u.__class__ is str and _URL_FAST(u) is not None for u in urls)
        assert _speedups.urls_ok(urls) == expected

    prop()
    with pytest.raises(TypeError):
        _speedups.urls_ok(("https://a.example/1",))


@needs_c
def test_c_builder_refuses_what_it_cannot_build() -> None:
    names = tuple(a.name for a in attrs.fields(Ort))
    b = _speedups.Builder(Ort, names)
    with pytest.raises(TypeError, match="expected"):
        b("https://x.example/1")
    with pytest.raises(TypeError, match="positional"):
        b(id="https://x.example/1")
    with pytest.raises(TypeError, match="not a slot"):
        _speedups.Builder(Ort, ("id", "tag"))
    with pytest.raises(TypeError, match="strings"):
        _speedups.Builder(Ort, (1,))


def _encoders() -> tuple[Any, Any]:
    """(C plans, msgspec Structs) over the same generated code."""
    gen = _Gen()
    gen.compile()
    return make_fast_encoder(gen), make_fast_encoder(gen, speedups=None)


_C_ENC, _PY_ENC = _encoders()


@needs_c
def test_c_plans_are_used_when_built() -> None:
    assert _C_ENC._plans is not None
    assert _PY_ENC._plans is None
    s = oparl.from_dict(meeting_with_items(20))
    s = attrs.evolve(s, ort=attrs.evolve(s.ort, geojson=None))
    assert _C_ENC._plans[Sitzung](s) == _PY_ENC.encode(s) is not None


@needs_c
@HS
@given(st.sampled_from(list(MODELLKLASSEN)).flatmap(model_objects), st.booleans())
def test_c_plans_write_the_struct_bytes(x: Any, plain: bool) -> None:
    if plain and x.extras:
        x = attrs.evolve(x, extras={})
    assert _C_ENC.encode(x) == _PY_ENC.encode(x)


_JUNK: list[Any] = [None, "", "x", "\ud800", 0, -1, 2**70, True, False, 1.5, (), ("a", 1), ["a"],
                    {}, {"a": 1}, dt.date(2021, 1, 1), dt.datetime(2021, 1, 1),
                    dt.datetime(2021, 1, 1, tzinfo=TZ), b"x", object(), str]  # fmt: skip


class _Str(str):
    pass


@needs_c
@HS
@given(st.sampled_from(list(MODELLKLASSEN)).flatmap(model_objects), st.data())
def test_c_plans_decline_or_agree_on_damaged_objects(x: Any, data: Any) -> None:
    """Any value in any slot (frozen objects can still be forced): the C plan writes the
    Struct path's bytes or declines; it never crashes."""
    x = attrs.evolve(x, extras={})
    names = [a.name for a in attrs.fields(type(x))]
    for _ in range(data.draw(st.integers(1, 3))):
        name = data.draw(st.sampled_from(names))
        value = data.draw(st.sampled_from(_JUNK) | st.builds(_Str, st.text(max_size=3)))
        object.__setattr__(x, name, value)
    got = _C_ENC.encode(x)
    if got is not None:
        assert got == _PY_ENC.encode(x) == _dict_path(x)


@needs_c
def test_c_plans_escape_strings_as_json_writers_do() -> None:
    texts = [
        "".join(map(chr, range(0x80))),
        "äöüß\u00e9\u00ff",
        "\u20ac \u2028 \u4e2d\x7f",
        "\U0001f600 x \U0010ffff",
        'q"\\/',
        "\u0100" * 9 + "\x00",
        "a" * 1000 + "\n",
    ]
    for text in texts:
        ort = Ort(id="https://x.example/ort/1", raum=text, beschreibung=text + "ä")
        got = _C_ENC.encode(ort)
        assert got == _PY_ENC.encode(ort) == orjson.dumps(default_converter().to_dict_raw(ort))
        assert orjson.loads(got)["room"] == text
    lone = Ort(id="https://x.example/ort/1", raum="a\udc00b")
    assert _C_ENC.encode(lone) is None  # no UTF-8 for it: the dict encoder decides
    with pytest.raises(UnicodeEncodeError):  # as before the C plans
        oparl.dumps(lone)


@needs_c
def test_c_plans_write_datetimes_and_dates_exactly() -> None:
    odd = dt.timezone(dt.timedelta(minutes=53, seconds=28))
    zones = (dt.UTC, TZ, dt.timezone(dt.timedelta(hours=-9, minutes=-30)), odd,
             dt.timezone(dt.timedelta(hours=23, minutes=59)))  # fmt: skip
    for tz in zones:
        for t in (dt.datetime(2, 1, 1, 0, 0, 0, 0, tzinfo=tz),
                  dt.datetime(9998, 12, 31, 23, 59, 59, 999999, tzinfo=tz),
                  dt.datetime(2021, 6, 7, 8, 9, 10, 5, tzinfo=tz)):  # fmt: skip
            s = Sitzung(id="https://x.example/s/1", beginn=t, datum=t.date())
            assert _C_ENC.encode(s) == _PY_ENC.encode(s)
            assert oparl.dumps(s) == _dict_path(s)
    s = Sitzung(id="https://x.example/s/1")
    object.__setattr__(s, "beginn", dt.datetime(2021, 1, 1))  # naive: the model refuses it
    assert _C_ENC.encode(s) == _PY_ENC.encode(s)


@needs_c
def test_c_plan_refuses_malformed_plans() -> None:
    jp = _speedups.JsonPlan
    uri = "https://schema.oparl.org/1.1/Location"
    ident = (0, 0, ("id",), None, None, None)
    ok = jp(Ort, uri, (ident, (_speedups.OP_TEXT_NE, 0, ("raum",), "room", None, None)))
    assert ok.cls is Ort
    assert ok(Ort(id="https://x.example/o", raum="R")) == (
        b'{"id":"https://x.example/o","type":"https://schema.oparl.org/1.1/Location","room":"R"}'
    )
    assert ok(Datei(id="https://x.example/d")) is None  # another class: declined
    with pytest.raises(TypeError):
        ok()
    with pytest.raises(TypeError, match="not a slot"):
        jp(Ort, uri, (ident, (_speedups.OP_TEXT_NE, 0, ("nope",), "k", None, None)))
    with pytest.raises(ValueError, match="start with the id"):
        jp(Ort, uri, ())
    with pytest.raises(ValueError, match="malformed"):
        jp(Ort, uri, (ident, (99, 0, ("raum",), "k", None, None)))
    with pytest.raises(ValueError, match="malformed"):  # a Beschluss slot without LOADB
        jp(Ort, uri, (ident, (_speedups.OP_TEXT_NE, 1, ("raum",), "k", None, None)))
    with pytest.raises(ValueError, match="needs a key"):
        jp(Ort, uri, (ident, (_speedups.OP_TEXT_NE, 0, ("raum",), None, None, None)))
    with pytest.raises(ValueError, match="escaping"):
        jp(Ort, uri, (ident, (_speedups.OP_TEXT_NE, 0, ("raum",), 'r"', None, None)))
    with pytest.raises(TypeError, match="JsonPlan"):
        jp(Ort, uri, (ident, (_speedups.OP_EMBED, 0, ("raum",), "k", None, None)))
    with pytest.raises(TypeError, match="callable"):
        jp(Ort, uri, (ident, (_speedups.OP_PYVAL, 0, ("raum",), "k", 5, None)))


@needs_c
def test_c_plan_errors_of_callables_propagate_and_fast_encoder_declines() -> None:
    def boom(v: Any) -> Any:
        raise RuntimeError("boom")

    jp = _speedups.JsonPlan
    plan = jp(Ort, "https://schema.oparl.org/1.1/Location",
              ((0, 0, ("id",), None, None, None), (_speedups.OP_PYVAL, 0, ("raum",), "k", boom, None)))  # fmt: skip
    with pytest.raises(RuntimeError, match="boom"):
        plan(Ort(id="https://x.example/o", raum="R"))
    assert plan(Ort(id="https://x.example/o")) is not None  # None: boom not called


@HS
@given(st.sampled_from([t for t in SPEC if t != "System"]).flatmap(oparl_dicts))
def test_pure_python_and_c_decoders_agree(d: Any) -> None:
    data = orjson.dumps(d)
    a, b = _PURE.decode(data), _WITH_C.decode(data)
    assert a == b
    assert type(a) is type(b)


def test_pure_python_decoder_takes_the_common_shape() -> None:
    s = oparl.from_dict(meeting_with_items(20))
    s = attrs.evolve(s, ort=attrs.evolve(s.ort, geojson=None))
    assert _PURE.decode(oparl.dumps(s)) == s


def test_papers_take_the_class_the_checked_path_takes() -> None:
    base = {"id": "https://x.example/p/1", "type": "https://schema.oparl.org/1.1/Paper",
            "name": "Antrag der SPD-Fraktion", "created": _TS, "modified": _TS}  # fmt: skip
    for extra, cls in (
        ({}, "Drucksache"),
        ({"paperType": "Antrag"}, "Antrag"),
        ({"paperType": "Beschlussvorlage"}, "Beschlussvorlage"),
        ({"paperType": "Mitteilung"}, "Drucksache"),
        ({"paperType": "Antrag", "kommunalrecht:klasse": "Drucksache"}, "Drucksache"),
        ({"kommunalrecht:klasse": "Beschlussvorlage"}, "Beschlussvorlage"),
    ):
        fast = _agrees(orjson.dumps({**base, **extra}))
        assert type(fast).__name__ == cls, extra
    # a property of another paper class: kept in extras by the checked path
    other = orjson.dumps({**base, "kommunalrecht:begruendung": "weil"})
    assert default_converter().decode_json_checked(other) is None
    assert oparl.loads(other).extras == {"kommunalrecht:begruendung": "weil"}
    bad = orjson.dumps({**base, "kommunalrecht:klasse": "Vorlage"})
    assert default_converter().decode_json_checked(bad) is None


@HS
@given(st.sampled_from([t for t in SPEC if t != "System"]).flatmap(oparl_dicts), st.data())
def test_reading_parsed_json_values_is_reading_the_json_text(d: Any, data: Any) -> None:
    conv = default_converter()
    assert conv.decode_jsonlike_checked(d) == conv.decode_json_checked(orjson.dumps(d))
    key = data.draw(st.sampled_from(sorted(d)))
    d[key] = data.draw(st.one_of(json_values, st.just(""), st.just(None), st.just(1.0),
                                 st.just("2021-02-30"), st.just(-1)))  # fmt: skip
    assert conv.decode_jsonlike_checked(d) == conv.decode_json_checked(orjson.dumps(d))


def test_speedups_are_optional(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib
    import types

    monkeypatch.setenv("KOMMUNALRECHT_NO_EXT", "1")
    assert _load_speedups() is None
    monkeypatch.delenv("KOMMUNALRECHT_NO_EXT")
    stale = types.ModuleType("kommunalrecht._speedups")  # an old build without JsonPlan
    stale.Builder = object  # type: ignore[attr-defined]
    stale.parse_datetime = object  # type: ignore[attr-defined]
    stale.urls_ok = object  # type: ignore[attr-defined]  # but no JsonPlan
    real = importlib.import_module

    def fake(name: str, *args: Any) -> Any:
        return stale if name == "kommunalrecht._speedups" else real(name, *args)

    monkeypatch.setattr(importlib, "import_module", fake)
    assert _load_speedups() is None
