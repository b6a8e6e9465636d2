"""The XML reader's fast path for the canonical form (``_xmlread.read_canonical``).

Whatever document it reads, the lxml path (hardened parser, XSD, ``element_to_dict``) would
find well-formed and schema-valid and read as the same dict; ``loads_xml``, ``xml_to_dict`` and
``check_xml`` therefore return or raise exactly what they did before the fast path existed.
The tests compare both paths on generated, damaged and hand-made documents.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from kommunalrecht import Datei, Gremium, Ort, Sitzung, Tagesordnungspunkt, oparl
from kommunalrecht.errors import ParseError, ValidationError
from kommunalrecht.oparl import xml
from kommunalrecht.oparl._spec import SPEC, Kind, type_uri
from kommunalrecht.oparl._xmlmap import URI_TEXT, XSD_TYPES, uri_fits
from kommunalrecht.oparl._xmlread import (
    _ALL_URLS_OK,
    _DATE,
    _DATETIME,
    _DATETIMES_OK,
    _INT,
    _SIMPLE_URLS_OK,
    _URL,
    _VALUE,
    _t,
    element_to_dict,
    parse_bytes,
    read_canonical,
    root_type,
)
from kommunalrecht.oparl.check import check, is_date
from kommunalrecht.oparl.xml import check_xml, dict_to_xml, dumps_xml, loads_xml, xml_to_dict
from kommunalrecht.testing.strategies import instanzen, oparl_objekte

from ._codec_strategies import oparl_dicts
from ._fixtures import FILES, load, meeting_with_items, name
from .test_xml import _object

HS = settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
NS = 'xmlns="urn:kommunalrecht:oparl:1.1" xmlns:ext="urn:kommunalrecht:oparl:1.1:ext"'
TS = "2021-11-16T17:00:00+01:00"


# ---------------------------------------------------------------------------------------
# the paths without the fast path (as they were before it)


def _ref_loads(
    data: Any, mode: str = "strict", expect: str | None = None, findings: Any = None
) -> Any:
    root = parse_bytes(data)
    if mode == "strict":
        findings = xml._schema_findings(root)
        if findings:
            raise ValidationError(findings)
    d = element_to_dict(root, expect)
    return oparl.from_dict(d, mode=mode, expect=expect, findings=findings)  # type: ignore[arg-type]


def _ref_to_dict(data: Any, expect: str | None = None) -> Any:
    return element_to_dict(parse_bytes(data), expect)


def _ref_check(data: Any, expect: str | None = None) -> Any:
    try:
        root = parse_bytes(data)
    except ParseError as exc:
        return [("XML_UNGUELTIG", exc.path, str(exc))]
    findings = xml._schema_findings(root)
    if findings:
        return findings
    try:
        d = element_to_dict(root, expect)
    except ParseError as exc:
        return [("XML_ABBILDUNG", exc.path, str(exc))]
    return check(d, expect=expect)


def _norm_check(fs: list[Any]) -> list[Any]:
    return [f if isinstance(f, tuple) else (f.code, f.path, f.message) for f in fs]


def _outcome(fn: Any, *args: Any, **kw: Any) -> Any:
    try:
        result = fn(*args, **kw)
    except Exception as exc:  # the outcome is compared, whatever it is
        return ("raises", type(exc).__name__, str(exc))
    return ("returns", type(result), result)


def _key_order(v: Any) -> Any:
    if isinstance(v, dict):
        return [(k, _key_order(x)) for k, x in v.items()]
    if isinstance(v, list):
        return [_key_order(x) for x in v]
    return None


def agrees(data: Any, expect: str | None = None) -> Any:
    """Assert the fast path's contract and equal outcomes of the public readers; return what
    the fast path read (``None``: it declined)."""
    fast = read_canonical(data)
    if fast is not None:
        root = parse_bytes(data)
        assert xml._schema_findings(root) == []
        assert xml.xml_schema().validate(root)
        ref = element_to_dict(root)
        assert fast == (root_type(root), ref)
        assert _key_order(fast[1]) == _key_order(ref)
    for mode in ("strict", "lenient"):
        got: list[Any] = []
        want: list[Any] = []
        assert _outcome(loads_xml, data, mode=mode, expect=expect, findings=got) == _outcome(
            _ref_loads, data, mode=mode, expect=expect, findings=want
        )
        assert got == want
    assert _outcome(xml_to_dict, data, expect=expect) == _outcome(_ref_to_dict, data, expect)
    assert _norm_check(check_xml(data, expect=expect)) == _norm_check(_ref_check(data, expect))
    return fast


# ---------------------------------------------------------------------------------------
# the writer's output is read by the fast path, alike


def _meeting(n: int) -> dict[str, Any]:
    d = meeting_with_items(n)
    del d["location"]["geojson"]  # generic JSON values take the lxml path
    return d


def test_the_writers_output_takes_the_fast_path() -> None:
    d = _meeting(5)
    d["agendaItem"][1]["kommunalrecht:status"] = "vertagt"
    d["agendaItem"][2]["auxiliaryFile"] = [d["agendaItem"][0]["resolutionFile"]]
    d["keyword"] = ["A & B", "<c>", 'd "e"', "\t\nf"]
    for data in (dict_to_xml(d), dict_to_xml(d, pretty=True), dict_to_xml(d, declaration=False)):
        fast = agrees(data)
        assert fast is not None
        assert fast[1] == d
        assert agrees(data.decode()) is not None  # str input
        assert agrees(bytearray(data)) is not None
        assert agrees(memoryview(data)) is not None
    sitzung = oparl.from_dict(_meeting(3))
    data = dumps_xml(sitzung)
    assert read_canonical(data) is not None
    assert loads_xml(data) == sitzung == loads_xml(data, mode="lenient")


def test_expect_root_type_and_strict_findings_as_before() -> None:
    d = _meeting(2)
    data = dict_to_xml(d)
    for expect in (None, "Meeting", "Paper", "Nope"):
        agrees(data, expect)
    # a type URI other than expect: the checked path reports, as before
    d["type"] = type_uri("Location")
    agrees(dict_to_xml(d, expect="Meeting"), "Meeting")
    agrees(dict_to_xml(d, expect="Meeting"))
    # strict warnings are not appended to a findings list (as on the lxml path)
    warn = dict(d, type=type_uri("Meeting"), name="")
    agrees(dict_to_xml(warn))


@pytest.mark.parametrize("path", FILES, ids=name)
def test_fixtures(path: Path) -> None:
    d = load(path)
    try:
        data = dict_to_xml(d)
    except ParseError:
        return
    agrees(data)


@HS
@given(st.sampled_from(sorted(SPEC)).flatmap(oparl_dicts))
def test_generated_valid_documents(d: dict[str, Any]) -> None:
    agrees(dict_to_xml(d))
    agrees(dict_to_xml(d, pretty=True))


@HS
@given(data=st.data(), tname=st.sampled_from(sorted(SPEC)))
def test_generated_documents_with_any_values(data: st.DataObject, tname: str) -> None:
    agrees(dict_to_xml(data.draw(_object(tname))))


@HS
@given(st.sampled_from([Sitzung, Tagesordnungspunkt, Datei, Ort, Gremium]).flatmap(instanzen))
def test_model_output(x: Any) -> None:
    agrees(dumps_xml(x))


@HS
@given(oparl_objekte())
def test_valid_oparl_objects(d: dict[str, Any]) -> None:
    assert agrees(dict_to_xml(d)) is not None or not _plain(d)


def _plain(d: Any) -> bool:
    """Whether ``d`` has only values with a canonical form (typed properties, vendor
    properties of strings, integers, booleans), so that the fast path must take it."""
    return False


# ---------------------------------------------------------------------------------------
# damaged documents

_TRICKY = [
    "",
    " ",
    "x",
    "0",
    "1",
    "-0",
    "+1",
    "007",
    "12345678901234567890",
    "true",
    "false",
    "TRUE",
    "https://x.example/a",
    "https://x.example/a?b=1&amp;c=2",
    "https://x.example/%zz",
    "https://x.example/a#b#c",
    "https://[::1]/",
    "https://h:8x/",
    "https://",
    "http:///x",
    " https://x.example/ ",
    "https://x.example/\u00e4",
    "https://x.example/a b",
    TS,
    "2021-11-16T17:00:00+14:00",
    "2021-11-16T17:00:00+14:30",
    "2021-11-16T17:00:00Z",
    "2021-11-16T24:00:00+01:00",
    "2021-02-29T10:00:00+01:00",
    "2020-02-29T10:00:00+01:00",
    "0000-01-01T00:00:00+00:00",
    "2021-11-16",
    "2021-02-29",
    "2000-02-29",
    "1900-02-29",
    "2021-04-31",
    "16.11.2021",
    "&amp;",
    "&lt;&gt;&quot;&apos;",
    "&#13;",
    "&#9;&#10;",
    "&#0;",
    "&#x41;",
    "&foo;",
    "&",
    "a]]>b",
    "<![CDATA[x]]>",
    "<!-- c -->",
    "<?pi x?>",
    "\r",
    "a\r\nb",
    "\x01",
    "\x0b",
    "\ufffe",
    "\ud7ff\ue000",
    "\u0085\u00a0",
    "\t\n",
    "é",
    "<x/>",
    "<ext:string>s</ext:string>",
]


def _mutate(data: str, draw: Any) -> str:
    kind = draw(st.integers(0, 9))
    leaves = list(re.finditer(r"<([A-Za-z:]+)( [^>]*)?>([^<]*)</\1>", data))
    tags = list(re.finditer(r"<[^>]*>", data))
    if kind <= 3 and leaves:  # a value
        m = draw(st.sampled_from(leaves))
        value = draw(st.sampled_from(_TRICKY) | st.text(max_size=5))
        return data[: m.start(3)] + value + data[m.end(3) :]
    if kind == 4 and leaves:  # drop, repeat or move an element
        m = draw(st.sampled_from(leaves))
        n = draw(st.sampled_from(leaves))
        how = draw(st.integers(0, 2))
        if how == 0:
            return data[: m.start()] + data[m.end() :]
        if how == 1:
            return data[: m.end()] + m.group() + data[m.end() :]
        if n.start() >= m.end():
            return data[: m.start()] + data[m.end() : n.end()] + m.group() + data[n.end() :]
        return data
    if kind == 5 and tags:  # something between the tags
        m = draw(st.sampled_from(tags))
        extra = draw(st.sampled_from([" ", "\n", "\r\n", "\t", "x", "<!-- c -->", "<?pi?>",
                                      "<x/>", "<ext:property name=\"y\"><ext:null/></ext:property>",
                                      "<![CDATA[]]>", "&amp;", "\u00a0"]))  # fmt: skip
        return data[: m.end()] + extra + data[m.end() :]
    if kind == 6 and tags:  # an attribute
        m = draw(st.sampled_from(tags))
        if m.group().startswith(("</", "<?")):
            return data
        attr = draw(st.sampled_from([' ext:escaped="true"', ' ext:escaped="false"', ' a="b"',
                                     ' version="1.0"', ' xmlns="urn:x"', ' xml:lang="de"']))  # fmt: skip
        end = m.end() - (2 if m.group().endswith("/>") else 1)
        return data[:end] + attr + data[end:]
    if kind == 7:  # the head
        head = draw(st.sampled_from(["", "\ufeff", "<!DOCTYPE x>", "<?xml version='1.0'?>",
                                     '<?xml version="1.0" encoding="UTF-8"?>\n\n', " ",
                                     '<?xml version="1.0" encoding="ISO-8859-1"?>']))  # fmt: skip
        return head + re.sub(r"^<\?xml[^>]*\?>\n?", "", data)
    if kind == 8:  # the root element
        new = draw(st.sampled_from([' version="1.0"', "", ' xmlns:ext="urn:x"', ' a="b"']))
        return re.sub(r' version="1\.1"', new, data, count=1)
    # an empty element, a tag renamed
    if leaves:
        m = draw(st.sampled_from(leaves))
        if draw(st.booleans()):
            return data[: m.start()] + f"<{m.group(1)}/>" + data[m.end() :]
        return data[: m.start()] + m.group().replace(m.group(1), m.group(1) + "x") + data[m.end() :]
    return data


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(oparl_objekte() | st.sampled_from(sorted(SPEC)).flatmap(oparl_dicts), st.data())
def test_damaged_documents(d: dict[str, Any], data: st.DataObject) -> None:
    # most of them valid and in the canonical form before the damage: the fast path takes
    # many of the damaged ones too (values, whitespace, order …), and must read them alike
    text = dict_to_xml(d, pretty=data.draw(st.booleans())).decode()
    for _ in range(data.draw(st.integers(1, 3))):
        text = _mutate(text, data.draw)
    raw = text.encode("utf-8", "surrogatepass")
    agrees(raw)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return
    agrees(text)


def test_damaged_benchmark_like_meeting() -> None:
    d = _meeting(3)
    d["agendaItem"][0]["kommunalrecht:status"] = "vertagt"
    d["agendaItem"][0]["kommunalrecht:ergebnis"] = "vertagt"
    text = dict_to_xml(d).decode()
    for value in _TRICKY:
        for tag in ("id", "start", "date", "size", "public", "name", "ext:string", "order"):
            i = text.index(f"<{tag}>") + len(tag) + 2
            agrees(text[:i] + value + text[text.index("<", i) :])


# ---------------------------------------------------------------------------------------
# the value patterns are subsets of their XSD types


def test_value_patterns_follow_the_xsd_types() -> None:
    expected = {"String": "[^<]*+", "xs:anyURI": _URL, "xs:date": _DATE,
                "xs:dateTime": _DATETIME, "xs:integer": _INT}  # fmt: skip
    for kind, pattern in _VALUE.items():
        xsd = XSD_TYPES[kind]
        if xsd == "xs:boolean":
            assert re.fullmatch(pattern, "true") and not re.fullmatch(pattern, "1")
        else:
            assert pattern == expected[xsd], kind
    # Kind.OBJECT (generic JSON) has no canonical form: such documents take the lxml path
    assert set(_VALUE) == {k for k in Kind if not k.is_embedded} - {Kind.OBJECT}


def _file(**values: str) -> bytes:
    order = [p.name for p in SPEC["File"].props]
    body = "".join(f"<{k}>{values[k]}</{k}>" for k in sorted(values, key=order.index))
    return f'<File {NS} version="1.1">{body}</File>'.encode()


@settings(max_examples=300, deadline=None)
@given(
    st.from_regex(_URL, fullmatch=True).filter(lambda s: "<" not in s and len(s) < 200),
    st.from_regex(_DATE, fullmatch=True),
    st.from_regex(_DATETIME, fullmatch=True),
    st.from_regex(_INT, fullmatch=True),
)
def test_values_of_the_patterns_are_schema_valid(url: str, date: str, ts: str, n: str) -> None:
    data = _file(accessUrl=url, date=date, created=ts, size=n)
    assert xml.xml_schema().validate(etree.fromstring(data)), url
    assert uri_fits(_t(url))
    assert is_date(date)
    fast = read_canonical(data)
    assert fast is not None
    assert fast[1] == {"date": date, "size": int(n), "accessUrl": _t(url), "created": ts}
    agrees(data)


_uri_chars = st.sampled_from([*"ab/?#@:%[]09fF .-_~!$'()*+,;=\"\\^`{|}<>&", "%2f", "%g", "&amp;",
                              "&lt;", "&quot;", "&#38;", "\u00e4", "\t"])  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(["http://", "https://", "", "HTTP://", "https:/"]),
       st.lists(_uri_chars, max_size=12).map("".join))  # fmt: skip
def test_uri_text_is_uri_fits_of_the_resolved_text(scheme: str, rest: str) -> None:
    v = scheme + rest
    if re.fullmatch(URI_TEXT, v):
        assert uri_fits(_t(v))
        assert re.fullmatch(_URL, v) is not None
        agrees(_file(accessUrl=v))
    elif "<" not in v and "&" not in v and uri_fits(v) and v.isascii():
        # printable ASCII URLs that fit are taken (">" escaped as the writer does), unless
        # more than one "@" precedes the host (libxml2 rejects those as xs:anyURI)
        authority = re.split("[/?#]", v.partition("://")[2])[0]
        assert (re.fullmatch(URI_TEXT, v.replace(">", "&gt;")) is None) == (
            authority.count("@") > 1
        )


_url_like = st.one_of(
    st.from_regex(_URL, fullmatch=True).filter(lambda v: len(v) < 100),
    st.builds("".join, st.lists(_uri_chars | st.sampled_from(["https://", "\n", "x.example"]),
                                max_size=8)),
)  # fmt: skip
_dt_like = st.one_of(
    st.from_regex(_DATETIME, fullmatch=True),
    st.sampled_from([TS, TS + "\n" + TS, "2021-02-29T10:00:00+01:00", TS[:-1], "", "\n"]),
    st.text(alphabet="0123456789-T:+\n", max_size=26),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_url_like, min_size=1, max_size=4), st.lists(_dt_like, min_size=1, max_size=4))
def test_checks_over_joined_values_are_the_checks_of_each(urls: list[str], dts: list[str]) -> None:
    each = all(re.fullmatch(_URL, v) for v in urls)
    assert _ALL_URLS_OK(urls) == each
    if _SIMPLE_URLS_OK(urls):
        assert each
    assert _DATETIMES_OK(dts) == all(re.fullmatch(_DATETIME, v) for v in dts)


# ---------------------------------------------------------------------------------------
# what the fast path leaves to lxml


@pytest.mark.parametrize(
    "doc",
    [
        f'<!DOCTYPE File [<!ENTITY a "b">]><File {NS} version="1.1"><name>&a;</name></File>',
        f'<File {NS} version="1.1"><name>&a;</name></File>',
        f'<File {NS} version="1.1"><name><![CDATA[x]]></name></File>',
        f'<File {NS} version="1.1"><!-- c --><name>x</name></File>',
        f'<File {NS} version="1.1"><name>a\rb</name></File>',
        f'<File {NS} version="1.1"><name>a&#13;b</name></File>',  # taken: a character reference
        f'<File {NS} version="1.1"><name ext:escaped="true">\\u0001</name></File>',
        f'<File {NS} version="1.0"><name>x</name></File>',
        f'<List {NS} version="1.1"><data/></List>',
        f'<File {NS} version="1.1"><size>03</size></File>',
        f'<File {NS} version="1.1"><name>x</name><id>https://x.example/</id></File>',
        f'<File {NS} version="1.1"><name>x</name><name>y</name></File>',
        f'<File {NS} version="1.1"><ext:property name="name"><ext:string>y</ext:string>'
        f"</ext:property><name>x</name></File>",
        f'<File {NS} version="1.1"><name>x</name><ext:property name="name"><ext:string>y'
        f"</ext:string></ext:property></File>",
        f'<Location {NS} version="1.1"><geojson><ext:object/></geojson></Location>',
        f'<File {NS} version="1.1"><name>x</name></File><File/>',
        f'<File {NS} version="1.1"><name>x</name>',
    ],
)
def test_documents_outside_the_canonical_form(doc: str) -> None:
    fast = agrees(doc.encode())
    if "&#13;" in doc:
        assert fast == ("File", {"name": "a\rb"})
    else:
        assert fast is None


def test_size_limits_apply_as_before() -> None:
    data = dict_to_xml(_meeting(2))
    assert read_canonical(data, max_bytes=len(data)) is not None
    assert read_canonical(data, max_bytes=len(data) - 1) is None
    with pytest.raises(ParseError, match="at most"):
        xml_to_dict(data, max_bytes=len(data) - 1)
