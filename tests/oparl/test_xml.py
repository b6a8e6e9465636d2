"""Tests of the OParl XML form (kommunalrecht.oparl.xml): mapping, XSD, JSON → XML → JSON."""

from __future__ import annotations

import copy
import io
import json
import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from kommunalrecht import oparl
from kommunalrecht.errors import ParseError, ValidationError
from kommunalrecht.model import MODELLKLASSEN, Dringlichkeitsentscheidung
from kommunalrecht.oparl import _xsdgen
from kommunalrecht.oparl._repair import repair
from kommunalrecht.oparl._spec import SPEC, Kind, type_uri
from kommunalrecht.oparl._xmlmap import datetime_fits, fits, uri_fits
from kommunalrecht.oparl.check import check
from kommunalrecht.oparl.xml import (
    EXT_NAMESPACE,
    NAMESPACE,
    XSD_PATH,
    check_xml,
    dict_to_xml,
    dumps_xml,
    iter_xml,
    loads_xml,
    looks_like_xml,
    write_xml_stream,
    xml_schema,
    xml_to_dict,
)
from kommunalrecht.testing.strategies import instanzen, oparl_objekte

from ._fixtures import FILES, load, meeting_with_items, name

N = "{" + NAMESPACE + "}"
X = "{" + EXT_NAMESPACE + "}"
TS = "2021-11-16T17:00:00+01:00"


def _valid(data: bytes) -> bool:
    schema = xml_schema()
    ok = schema.validate(etree.fromstring(data))
    assert ok, [str(e) for e in schema.error_log]
    return ok


def roundtrip(d: dict[str, Any], expect: str | None = None) -> dict[str, Any]:
    data = dict_to_xml(d, expect=expect)
    assert _valid(data)
    back = xml_to_dict(data)
    pretty = dict_to_xml(d, expect=expect, pretty=True)
    assert _valid(pretty)
    assert xml_to_dict(pretty) == back
    return back


# ---------------------------------------------------------------------------------------
# the shipped XSD


def test_shipped_xsd_equals_generated_output() -> None:
    for fname, text in _xsdgen.generate().items():
        shipped = (XSD_PATH.parent / fname).read_text(encoding="utf-8")
        assert shipped == text, f"{fname} is stale: run python -m kommunalrecht.oparl._xsdgen"


def test_xsd_declares_every_type_and_property_from_the_spec() -> None:
    doc = etree.parse(str(XSD_PATH))
    xs = "{http://www.w3.org/2001/XMLSchema}"
    assert doc.getroot().get("targetNamespace") == NAMESPACE
    for tname, ts in SPEC.items():
        (ctype,) = doc.getroot().findall(f"{xs}complexType[@name='{tname}']")
        elements = ctype.findall(f"{xs}sequence/{xs}element[@name]")
        assert [e.get("name") for e in elements] == [p.name for p in ts.props]
        for e, p in zip(elements, ts.props, strict=True):
            assert (e.get("maxOccurs") == "unbounded") == p.kind.is_array
            if p.kind.is_embedded:
                assert e.get("type") == p.target
        assert doc.getroot().find(f"{xs}element[@name='{tname}']") is not None


def test_xsd_write_cli(tmp_path: Path) -> None:
    assert _xsdgen.main([str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["oparl-1.1-ext.xsd", "oparl-1.1.xsd"]
    schema = etree.XMLSchema(etree.parse(str(tmp_path / "oparl-1.1.xsd")))
    assert schema.validate(etree.fromstring(dict_to_xml(meeting_with_items(2))))


# ---------------------------------------------------------------------------------------
# the mapping


def test_mapping_of_a_meeting() -> None:
    d = meeting_with_items(3)
    root = etree.fromstring(dict_to_xml(d))
    assert root.tag == N + "Meeting"
    assert root.get("version") == "1.1"
    assert root.nsmap == {None: NAMESPACE, "ext": EXT_NAMESPACE}
    # one element per property, in spec order; arrays repeated; embedded nested
    order = [p.name for p in SPEC["Meeting"].props]
    tags = [etree.QName(c).localname for c in root]
    assert tags == sorted(tags, key=order.index)
    assert [c.text for c in root.findall(N + "participant")] == d["participant"]
    items = root.findall(N + "agendaItem")
    assert len(items) == 3
    assert items[1].findtext(N + "order") == "1"
    assert items[1].findtext(N + "public") == "true"
    assert items[0].find(N + "resolutionFile").findtext(N + "size") == "1000"
    geo = root.find(N + "location").find(N + "geojson")
    assert geo[0].tag == X + "object"
    assert xml_to_dict(dict_to_xml(d)) == d


def test_vendor_properties_are_in_their_own_namespace() -> None:
    d = {
        "id": "https://ris.example/p/1",
        "type": type_uri("Paper"),
        "kommunalrecht:klasse": "Antrag",
        "STERNBERG:nummer": 17,
        "x:json": {"a": [1, 2.5, None, True, {"b": ""}], "": []},
    }
    root = etree.fromstring(dict_to_xml(d))
    props = root.findall(X + "property")
    assert [p.get("name") for p in props] == ["kommunalrecht:klasse", "STERNBERG:nummer", "x:json"]
    assert props[0][0].tag == X + "string"
    assert props[1][0].tag == X + "integer"
    assert roundtrip(d) == d


def test_values_without_typed_form_fall_back_to_ext_property() -> None:
    d = {
        "id": "https://ris.example/m/1",
        "type": type_uri("Meeting"),
        "name": None,
        "keyword": [],
        "start": "2021-11-16T17:00:00Z",  # not the OParl date-time profile
        "end": "2021-11-16T17:00:00+15:00",  # valid per OParl, beyond xs:dateTime's ±14:00
        "cancelled": "nein",
        "participant": ["https://ris.example/person/1", 5],
        "agendaItem": {"not": "a list"},
        "web": "www.example.org",
    }
    data = dict_to_xml(d)
    root = etree.fromstring(data)
    generic = {p.get("name") for p in root.findall(X + "property")}
    assert generic == set(d) - {"id", "type"}
    assert roundtrip(d) == d


def test_xml_1_0_illegal_characters_are_escaped_and_restored() -> None:
    d = {
        "type": type_uri("File"),
        "name": "a\x00b\\u0041\x1f",
        "text": "CR\r LF\n TAB\t \ud800 \ufffe \uffff ok",
        "keyword": ["\x0b", "plain", "back\\slash"],
        "k\x01:x": {"m\x02": "v\x03", "tab\tkey": "\r"},
    }
    data = dict_to_xml(d)
    root = etree.fromstring(data)
    assert root.find(N + "name").get(X + "escaped") == "true"
    assert root.find(N + "name").text == "a\\u0000b\\\\u0041\\u001f"
    assert root.findall(N + "keyword")[1].get(X + "escaped") is None
    assert root.find(X + "property").get(X + "nameEscaped") == "true"
    assert roundtrip(d) == d


def test_list_pages() -> None:
    page = {
        "data": [
            meeting_with_items(1),
            {"id": "https://ris.example/x/1", "type": "https://vendor.example/Thing"},
            {"id": "https://ris.example/p/2", "deleted": True},
            "not an object",
        ],
        "pagination": {"totalElements": 4, "elementsPerPage": 10, "weird": "x", "currentPage": -1},
        "links": {"self": "https://ris.example/m", "next": None, "vendor:x": 1},
        "x:meta": True,
    }
    root = etree.fromstring(dict_to_xml(page))
    assert root.tag == N + "List"
    data = root.find(N + "data")
    assert [etree.QName(c).localname for c in data] == ["Meeting", "object", "object", "string"]
    assert roundtrip(page) == page
    # expect names the type of data elements without `type`
    root = etree.fromstring(dict_to_xml(page, expect="Paper"))
    assert [etree.QName(c).localname for c in root.find(N + "data")][2] == "Paper"
    assert roundtrip(page, expect="Paper") == page
    for odd in ({"data": "x"}, {"data": []}, {"pagination": {}}, {"links": [1]}):
        assert roundtrip(odd) == odd


def test_expect_for_objects_without_type() -> None:
    d = {"id": "https://ris.example/p/1", "deleted": True, "created": TS, "modified": TS}
    assert roundtrip(d, expect="Paper") == d
    with pytest.raises(ParseError) as exc:
        dict_to_xml(d)
    assert exc.value.path == "$.type"


@pytest.mark.parametrize(
    ("bad", "path"),
    [
        ({"type": type_uri("Paper"), "x:y": {1, 2}}, "$.x:y"),
        ({"type": type_uri("Paper"), "x:y": {"a": [object()]}}, "$.x:y.a[0]"),
        ({"type": type_uri("Paper"), "x:y": {3: "int key"}}, "$.x:y.3"),
        ({"type": type_uri("Meeting"), "agendaItem": [{"x:y": b"bytes"}]}, "$.agendaItem[0].x:y"),
    ],
)
def test_non_json_values_are_parse_errors_with_path(bad: dict[str, Any], path: str) -> None:
    with pytest.raises(ParseError) as exc:
        dict_to_xml(bad)
    assert exc.value.path == path


def test_too_deep_json_is_refused_by_the_writer() -> None:
    deep: Any = []
    for _ in range(150):
        deep = [deep]
    with pytest.raises(ParseError, match="nested at most"):
        dict_to_xml({"type": type_uri("Paper"), "x:deep": deep})
    ok: Any = []
    for _ in range(90):
        ok = [ok]
    d = {"type": type_uri("Paper"), "x:deep": ok}
    assert roundtrip(d) == d


def test_numbers() -> None:
    d = {
        "type": type_uri("File"),
        "size": 10**40,
        "x:n": [0.1, -0.0, 1e300, 5e-324, 1.0, math.inf, -math.inf, -(10**30)],
    }
    assert roundtrip(d) == d
    nan = xml_to_dict(dict_to_xml({"type": type_uri("File"), "x:n": math.nan}))["x:n"]
    assert math.isnan(nan)


# ---------------------------------------------------------------------------------------
# the reader


def _doc(body: str, root: str = "Meeting") -> bytes:
    return (
        f'<{root} xmlns="{NAMESPACE}" xmlns:ext="{EXT_NAMESPACE}" version="1.1">{body}</{root}>'
    ).encode()


@pytest.mark.parametrize(
    ("body", "path", "expected"),
    [
        ("<order>1</order>", "/Meeting/order", "a property element of Meeting"),
        ("<agendaItem><order>x</order></agendaItem>", "/Meeting/agendaItem/order", "xs:integer"),
        ("<cancelled>ja</cancelled>", "/Meeting/cancelled", "xs:boolean"),
        ("<name>a</name><name>b</name>", "/Meeting/name[2]", "property 'name' once"),
        ("<name><b/></name>", "/Meeting/name", "an element with text only"),
        ("<ext:property><ext:null/></ext:property>", "/Meeting/property", "a name attribute"),
        ('<ext:property name="a"/>', "/Meeting/property", "exactly one ext: value"),
        ('<ext:property name="a"><ext:foo/></ext:property>', "/Meeting/property/foo", "ext: value"),
        ('<ext:property name="a"><ext:number>1_0</ext:number></ext:property>', None, "xs:double"),
        ('<ext:property name="a"><ext:null>x</ext:null></ext:property>', None, "empty ext:null"),
        (
            '<ext:property name="a"><ext:object><ext:member name="k"><ext:null/></ext:member>'
            '<ext:member name="k"><ext:null/></ext:member></ext:object></ext:property>',
            "/Meeting/property/object/member[2]",
            "distinct member names",
        ),
        ("text<name>a</name>", "/Meeting", "only property elements"),
    ],
)
def test_reader_errors_name_expected_and_path(body: str, path: str | None, expected: str) -> None:
    with pytest.raises(ParseError) as exc:
        xml_to_dict(_doc(body))
    assert expected in exc.value.expected
    if path is not None:
        assert exc.value.path == path


def test_reader_root_and_expect() -> None:
    with pytest.raises(ParseError, match="OParl object element"):
        xml_to_dict(b"<Meeting/>")  # no namespace
    with pytest.raises(ParseError, match="an element <Paper>"):
        xml_to_dict(_doc(""), expect="Paper")
    assert xml_to_dict(_doc(""), expect="Meeting") == {}
    with pytest.raises(ParseError, match="well-formed XML"):
        xml_to_dict(b"")
    with pytest.raises(ParseError, match="well-formed XML"):
        xml_to_dict(b"<a></b>")


def test_reader_is_lenient_about_whitespace_in_typed_values_and_text_input() -> None:
    d = xml_to_dict(_doc("<order> 3 </order>", "AgendaItem"))
    assert d == {"order": 3}
    text = '<?xml version="1.0" encoding="UTF-8"?>' + _doc("<name> Rat </name>").decode()
    assert xml_to_dict(text) == {"name": " Rat "}


def test_looks_like_xml() -> None:
    assert looks_like_xml(dict_to_xml(meeting_with_items(1)))
    assert not looks_like_xml(json.dumps(meeting_with_items(1)).encode())
    assert looks_like_xml("\n <List/>")


# ---------------------------------------------------------------------------------------
# strict reading: XSD + OParl rules as findings


def test_check_xml_clean_and_findings() -> None:
    assert check_xml(dict_to_xml(meeting_with_items(3))) == []
    bad = _doc("<start>gestern</start><agendaItem><order>x</order></agendaItem>")
    findings = check_xml(bad)
    assert {(f.code, f.path) for f in findings} == {
        ("XML_SCHEMA", "/Meeting/start"),
        ("XML_SCHEMA", "/Meeting/agendaItem/order"),
    }
    assert all("Zeile 1" in f.message for f in findings)
    # version attribute
    no_version = dict_to_xml(meeting_with_items(1)).replace(b' version="1.1"', b"")
    assert [(f.code, f.path) for f in check_xml(no_version)] == [("XML_VERSION", "/Meeting")]
    # dict-level OParl rules after a clean XSD pass (JSON paths)
    d = meeting_with_items(2)
    d["agendaItem"][1]["order"] = 5
    assert [(f.code, f.path) for f in check_xml(dict_to_xml(d))] == [
        ("ORDER_FALSCH", "$.agendaItem[1].order")
    ]
    # unreadable input
    assert [f.code for f in check_xml(b"<!DOCTYPE x><x/>")] == ["XML_UNGUELTIG"]


def test_check_xml_of_unmappable_but_schema_valid_document() -> None:
    dup = _doc(
        '<ext:property name="a"><ext:null/></ext:property><ext:property name="a"><ext:null/>'
        "</ext:property>"
    )
    assert [(f.code, f.path) for f in check_xml(dup)] == [("XML_ABBILDUNG", "/Meeting/property[2]")]


def test_loads_xml_strict_raises_validation_error_with_xpath() -> None:
    with pytest.raises(ValidationError) as exc:
        loads_xml(_doc("<cancelled>ja</cancelled>"))
    assert [(f.code, f.path) for f in exc.value.findings] == [("XML_SCHEMA", "/Meeting/cancelled")]
    with pytest.raises(ParseError):
        loads_xml(b"<Meeting", mode="lenient")


# ---------------------------------------------------------------------------------------
# JSON → XML → JSON: fixtures


@pytest.mark.parametrize("path", FILES, ids=name)
def test_fixture_roundtrip_after_repair(path: Path) -> None:
    fixed, _ = repair(load(path))
    before = copy.deepcopy(fixed)
    data = dict_to_xml(fixed)
    assert fixed == before  # the writer does not touch its input
    assert _valid(data)
    assert xml_to_dict(data) == fixed
    # the dict-level findings do not change by the detour through XML
    assert check_xml(data) == check(fixed)


@pytest.mark.parametrize("path", FILES, ids=name)
def test_fixture_roundtrip_raw(path: Path) -> None:
    """Unrepaired (1.0, broken) data round-trips too: the mapping never loses anything."""
    raw = load(path)
    if not isinstance(raw, dict):
        pytest.fail(f"{path} is not a JSON object")
    expect = None if "type" in raw or "data" in raw else "System"
    assert roundtrip(raw, expect=expect) == raw


# ---------------------------------------------------------------------------------------
# JSON → XML → JSON: hypothesis

_json_leaf = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12)
)
_json = st.recursive(
    _json_leaf,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=12,
)
_url_chars = st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs", "Zs", "Zl", "Zp", "Cf", "Co", "Cn")
)
_url = st.builds(
    lambda scheme, host, path: f"{scheme}://{host}/{path}",
    st.sampled_from(["http", "https"]),
    st.sampled_from(["ris.example.org", "xn--mnchen-3ya.de", "10.0.0.1:8080", "h:8x", "[::1]"]),
    st.text(_url_chars, max_size=20),
)


def _datetime_text(dt: Any, offset_min: int) -> str:
    sign = "+" if offset_min >= 0 else "-"
    hh, mm = divmod(abs(offset_min), 60)
    return dt.strftime("%Y-%m-%dT%H:%M:%S") + f"{sign}{hh:02d}:{mm:02d}"


_date = st.dates().map(lambda d: d.isoformat())
_datetime = st.builds(
    _datetime_text, st.datetimes(), st.integers(min_value=-23 * 60 - 59, max_value=23 * 60 + 59)
)


def _value(kind: Kind, target: str | None, depth: int) -> st.SearchStrategy[Any]:
    if kind is Kind.STRING:
        return st.text(max_size=30)
    if kind.is_url:
        return _url
    if kind is Kind.DATE:
        return _date
    if kind is Kind.DATETIME:
        return _datetime
    if kind is Kind.INTEGER:
        return st.integers()
    if kind is Kind.BOOLEAN:
        return st.booleans()
    if kind is Kind.OBJECT:
        return st.dictionaries(st.text(max_size=6), _json, max_size=4)
    if kind is Kind.STRING_LIST:
        return st.lists(st.text(max_size=10), min_size=1, max_size=3)
    if kind is Kind.URL_LIST:
        return st.lists(_url, min_size=1, max_size=3)
    assert target is not None
    if kind is Kind.EMBEDDED:
        return _object(target, depth + 1)
    return st.lists(_object(target, depth + 1), min_size=1, max_size=2)


_vendor_key = st.builds(
    lambda p, n: f"{p}:{n}",
    st.sampled_from(["kommunalrecht", "STERNBERG", "x", "weird prefix"]),
    st.text(max_size=8),
)


@st.composite
def _object(draw: st.DrawFn, tname: str, depth: int = 0) -> dict[str, Any]:
    ts = SPEC[tname]
    props = [p for p in ts.props if not (p.kind.is_embedded and depth >= 2)]
    chosen = draw(st.lists(st.sampled_from(props), max_size=8, unique_by=lambda p: p.name))
    d: dict[str, Any] = {"id": draw(_url), "type": type_uri(tname)}
    for p in chosen:
        if p.name == "type":
            continue
        # mostly well-typed values; sometimes anything JSON (lenient data is lossless too)
        d[p.name] = draw(_value(p.kind, p.target, depth) if draw(st.integers(0, 9)) else _json)
    d.update(draw(st.dictionaries(_vendor_key, _json, max_size=2)))
    return d


_types = st.sampled_from(sorted(SPEC))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), tname=_types)
def test_hypothesis_json_xml_json_is_identity(data: st.DataObject, tname: str) -> None:
    d = data.draw(_object(tname))
    assert roundtrip(d) == d


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    items=st.lists(_types.flatmap(lambda t: _object(t, 1)), max_size=3),
    extra=st.dictionaries(_vendor_key, _json, max_size=2),
    total=st.integers(min_value=0),
)
def test_hypothesis_list_page_identity(
    items: list[dict[str, Any]], extra: dict[str, Any], total: int
) -> None:
    page = {
        "data": items,
        "pagination": {"totalElements": total},
        "links": {"first": "https://ris.example/l"},
        **extra,
    }
    assert roundtrip(page) == page


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.text(max_size=8), _json, max_size=4))
def test_hypothesis_arbitrary_members_are_kept(extra: dict[str, Any]) -> None:
    d = {**extra, "type": type_uri("Person")}
    assert roundtrip(d) == d


# ---------------------------------------------------------------------------------------
# model → XML → model (through the JSON codec's dict mapping)


def _outcome(fn: Any) -> Any:
    try:
        return ("ok", fn())
    except ValidationError as exc:
        return ("invalid", sorted((f.code, f.path) for f in exc.findings))


@pytest.mark.parametrize(
    "cls", [*MODELLKLASSEN, Dringlichkeitsentscheidung], ids=lambda c: c.__name__
)
def test_hypothesis_model_xml_model_equals_the_json_route(cls: type[Any]) -> None:
    """XML adds nothing and loses nothing compared with the JSON codec: the dict is identical,
    and reading gives the same model object (or the same findings) in both modes."""

    @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
    @given(instanzen(cls))
    def run(obj: Any) -> None:
        data = dumps_xml(obj)
        assert oparl.dumps(obj, format="xml") == data
        d = oparl.to_dict(obj)
        assert xml_to_dict(data) == d
        assert _valid(data)
        for mode in ("lenient", "strict"):
            via_xml = _outcome(lambda m=mode: loads_xml(data, mode=m))
            via_json = _outcome(lambda m=mode: oparl.from_dict(copy.deepcopy(d), mode=m))
            assert via_xml == via_json
        assert _outcome(lambda: oparl.loads(data, mode="lenient")) == _outcome(
            lambda: oparl.loads(oparl.dumps(obj), mode="lenient")
        )

    run()


# ---------------------------------------------------------------------------------------
# vendor object type Dringlichkeitsentscheidung (docs/oparl/index.md, "Herstellertyp")

_DE_URI = "https://schema.kommunalrecht.example/1.1/Dringlichkeitsentscheidung"


def test_dringlichkeitsentscheidung_is_an_ext_element_of_ext_properties() -> None:
    import datetime as dt

    obj = Dringlichkeitsentscheidung(
        id="https://ris.example/de/1",
        gegenstand="Auftragsvergabe",
        datum=dt.date(2021, 10, 4),
        entscheidende=("https://ris.example/p/1", "https://ris.example/p/2"),
        rechte_dritter=False,
    )
    data = dumps_xml(obj)
    root = etree.fromstring(data)
    assert root.tag == X + "Dringlichkeitsentscheidung"
    assert root.get("version") == "1.1"
    assert {c.tag for c in root} == {X + "property"}
    names = [c.get("name") for c in root]
    assert names == list(oparl.to_dict(obj))
    assert [c.get("name") for c in root][:2] == ["id", "type"]
    assert root[1][0].text == _DE_URI
    assert _valid(data)
    assert [f.code for f in check_xml(data)] == ["TYP_KOMMUNALRECHT"]
    assert loads_xml(data) == obj
    assert loads_xml(data, mode="lenient") == obj
    assert oparl.loads(data) == obj
    # in a list page and in the streaming writer / reader
    page = {"data": [oparl.to_dict(obj), {"type": type_uri("Paper"), "name": "A"}]}
    assert roundtrip(page) == page
    buf = write_xml_stream([obj, obj], io.BytesIO())
    assert _valid(buf.getvalue())
    assert list(iter_xml(buf.getvalue(), model=True)) == [obj, obj]


def test_dringlichkeitsentscheidung_element_takes_only_ext_properties() -> None:
    bad = (
        b'<ext:Dringlichkeitsentscheidung xmlns="urn:kommunalrecht:oparl:1.1" '
        b'xmlns:ext="urn:kommunalrecht:oparl:1.1:ext" version="1.1"><name>x</name>'
        b"</ext:Dringlichkeitsentscheidung>"
    )
    with pytest.raises(ParseError) as exc:
        xml_to_dict(bad)
    assert exc.value.path == "/Dringlichkeitsentscheidung/name"
    assert [f.code for f in check_xml(bad)] == ["XML_SCHEMA"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    extra=st.dictionaries(st.text(max_size=8), _json, max_size=5),
    pos=st.integers(0, 5),
)
def test_hypothesis_vendor_object_json_xml_json_is_identity(
    extra: dict[str, Any], pos: int
) -> None:
    items = [(k, v) for k, v in extra.items() if k != "type"]
    items.insert(min(pos, len(items)), ("type", _DE_URI))
    d = dict(items)
    assert roundtrip(d) == d
    page = {"data": [d, d], "links": {"first": "https://ris.example/l"}}
    assert roundtrip(page) == page


def test_model_roundtrip_of_a_complete_meeting() -> None:
    d = meeting_with_items(4)
    sitzung = oparl.from_dict(d)
    data = oparl.dumps(sitzung, format="xml")
    assert check_xml(data) == []
    assert oparl.loads(data) == sitzung
    assert loads_xml(data, mode="lenient") == sitzung


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(oparl_objekte())
def test_hypothesis_valid_oparl_objects_roundtrip_and_check_alike(d: dict[str, Any]) -> None:
    data = dict_to_xml(d)
    assert _valid(data)
    assert xml_to_dict(data) == d
    assert check_xml(data) == check(d) == []


# ---------------------------------------------------------------------------------------
# the one-regex typed-form checks equal the straightforward definitions they replace


def _uri_fits_reference(v: Any) -> bool:
    from kommunalrecht.oparl.check import is_url

    if not is_url(v):
        return False
    if "%" in v and re.search(r"%(?![0-9A-Fa-f]{2})", v) is not None:
        return False
    if "[" in v or "]" in v or v.count("#") > 1:
        return False
    rest = v[v.index("://") + 3 :]
    end = min([i for i in (rest.find(s) for s in "/?#") if i != -1], default=len(rest))
    hostport = rest[:end].rpartition("@")[2]
    if ":" in hostport:
        port = hostport.partition(":")[2]
        return 0 < len(port) < 10 and port.isascii() and port.isdigit()
    return True


def _datetime_fits_reference(v: Any) -> bool:
    from kommunalrecht.oparl.check import is_datetime

    if not is_datetime(v):
        return False
    hh = int(v[20:22])
    return hh < 14 or (hh == 14 and v[23:25] == "00")


_uri_parts = st.lists(
    st.sampled_from(
        [*"ab:/?#@%[]09fF .-\t\u00e4\n\u0660", "%2f", "%g", "@h:8/", "::", "#x", ":123", "/p"]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["http://", "https://", "", "htt://", "HTTP://"]), _uri_parts)
def test_hypothesis_uri_fits_equals_reference(scheme: str, rest: str) -> None:
    v = scheme + rest
    assert uri_fits(v) == _uri_fits_reference(v)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat(timespec="seconds")),
        st.from_regex(
            r"[0-9٠]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[-+Z][0-9]{2}:[0-9]{2}",
            fullmatch=True,
        ),
        st.text(alphabet="0123456789-T:+Z", min_size=20, max_size=26),
    )
)
def test_hypothesis_datetime_fits_equals_reference(v: str) -> None:
    assert datetime_fits(v) == _datetime_fits_reference(v)
    assert fits(Kind.DATETIME, v) == datetime_fits(v)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.from_regex(
            r"https?://[A-Za-z0-9.:@%#\[\]-]{0,12}(/[A-Za-z0-9._~/&<-]{0,12})?", fullmatch=True
        ),
        st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat(timespec="seconds")),
        st.dates().map(str),
        st.from_regex(
            r"[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}[-+][0-9:]{5})?", fullmatch=True
        ),
    )
)
def test_hypothesis_writer_fast_paths_imply_the_full_checks(v: str) -> None:
    from kommunalrecht.oparl import _xmlwrite
    from kommunalrecht.oparl.check import is_date

    if _xmlwrite._plain_url(v):
        assert uri_fits(v) and _xmlwrite._url(v) == v
    if _xmlwrite._plain_datetime(v):
        assert datetime_fits(v)
    if _xmlwrite._plain_date(v):
        assert is_date(v)
