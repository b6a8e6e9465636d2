"""The C reader of the canonical XML form (``kommunalrecht._xmlspeed``) and its Python twin.

``_xmlread._read_c`` (the C reader plus the check of the URLs it hands back) must read exactly
the documents ``_xmlread._read_py`` (the generated regular expressions) reads, as equal dicts
with the same key order and value types; both must agree with the lxml path. The tests run
both readers over generated, damaged (tag-level and byte-level) and real documents; the
agreement with lxml is :func:`.test_xml_fast.agrees`, run here with each reader in turn.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kommunalrecht import Datei, Gremium, Ort, Sitzung, Tagesordnungspunkt
from kommunalrecht.oparl import _xmlread
from kommunalrecht.oparl._spec import SPEC, Kind
from kommunalrecht.oparl._xmlread import _read_py
from kommunalrecht.oparl.xml import dict_to_xml, dumps_xml
from kommunalrecht.testing.strategies import instanzen, oparl_objekte

from ._codec_strategies import oparl_dicts
from ._fixtures import FILES, load, meeting_with_items, name
from .test_xml import _object
from .test_xml_fast import _TRICKY, NS, TS, _file, _meeting, _mutate, agrees

HS = settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
_read_c: Any = _xmlread._read_c
needs_c = pytest.mark.skipif(_read_c is None, reason="kommunalrecht._xmlspeed not built")


def _built() -> bool:
    """Whether the extension is on disk for this interpreter (then it must be in use)."""
    return importlib.util.find_spec("kommunalrecht._xmlspeed") is not None


def same(raw: bytes) -> Any:
    """Assert that both readers read ``raw`` alike (``repr``: key order and value types
    too, ``True`` is not ``1``); return what they read."""
    py = _read_py(raw)
    if _read_c is not None:
        c = _read_c(raw)
        assert repr(c) == repr(py), raw[:300]
    return py


@pytest.fixture(params=["c", "py"])
def reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Runs a test with read_canonical on the C reader and on the Python reader."""
    if request.param == "c":
        if _read_c is None:
            pytest.skip("kommunalrecht._xmlspeed not built")
        monkeypatch.setattr(_xmlread, "_read", _read_c)
    else:
        monkeypatch.setattr(_xmlread, "_read", _read_py)
    return str(request.param)


# ---------------------------------------------------------------------------------------
# presence


def test_the_c_reader_is_used_when_built() -> None:
    if os.environ.get("KOMMUNALRECHT_NO_EXT"):
        assert _xmlread._read is _read_py
        return
    if not _built():
        pytest.skip("kommunalrecht._xmlspeed not built (no C compiler?)")
    assert _read_c is not None, "kommunalrecht._xmlspeed is built but not used"
    assert _xmlread._read is _read_c


def test_no_ext_selects_the_python_reader() -> None:
    code = (
        "from kommunalrecht.oparl import _xmlread as r; "
        "assert r._read is r._read_py and r._read_c is None; print('ok')"
    )
    env = dict(os.environ, KOMMUNALRECHT_NO_EXT="1")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr


def test_a_stale_build_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stale:
        FORMAT = 0

        def Reader(self, *args: Any) -> Any:  # pragma: no cover - must not be called
            raise AssertionError

    monkeypatch.setattr(importlib, "import_module", lambda name: Stale())
    assert _xmlread._load_xmlspeed() is None

    def missing(name: str) -> Any:
        raise ImportError(name)

    monkeypatch.setattr(importlib, "import_module", missing)
    assert _xmlread._load_xmlspeed() is None


def test_the_tables_follow_the_spec() -> None:
    tables = _xmlread._xmlspeed_tables()
    assert [t for t, _ in tables] == list(SPEC)
    names = [t for t, _ in tables]
    for (t, props), ts in zip(tables, SPEC.values(), strict=True):
        typed = [p for p in ts.props if p.kind is not Kind.OBJECT]
        assert [n for n, _, _ in props] == [p.name for p in typed], t
        for (_, code, target), p in zip(props, typed, strict=True):
            assert code == _xmlread._XMLSPEED_CODES[p.kind]
            assert (names[target] if target >= 0 else None) == (
                p.target if p.kind.is_embedded else None
            )
    assert set(_xmlread._XMLSPEED_CODES) == set(Kind) - {Kind.OBJECT}


# ---------------------------------------------------------------------------------------
# the C reader as an object


@needs_c
def test_reader_arguments() -> None:
    from kommunalrecht import _xmlspeed  # type: ignore[attr-defined]

    decl, attrs = _xmlread._DECLARATION, _xmlread._ROOT_ATTRIBUTES
    read = _xmlspeed.Reader(_xmlread._xmlspeed_tables(), decl, attrs).read
    with pytest.raises(TypeError):
        read("<File/>")
    with pytest.raises(TypeError):
        read(bytearray(b"<File/>"))
    for bad in (
        [("File", [("name", 99, -1)])],
        [("File", [("name", 6, 5)])],
        [("File", [("na-me", 0, -1)])],
        [("File", [("", 0, -1)])],
        [("Fileä", [])],
        [("File", [("name", 0)])],
        [["File", []]],
        5,
    ):
        with pytest.raises((TypeError, ValueError)):
            _xmlspeed.Reader(bad, decl, attrs)
    with pytest.raises(TypeError):
        _xmlspeed.Reader([], 1, attrs)
    # an unconfigured or empty reader reads nothing (and does not crash)
    assert _xmlspeed.Reader.__new__(_xmlspeed.Reader).read(b"<File/>") is None
    empty = _xmlspeed.Reader([], decl, attrs)
    assert empty.read(f'<File {NS} version="1.1"></File>'.encode()) is None
    # a tiny table of its own: a type with a list of itself, nested without end
    own = _xmlspeed.Reader([("A", [("a", 7, 0), ("b", 0, -1)])], "", attrs)
    head = f"<A{attrs}"
    assert own.read(f"{head}<b>x</b></A>".encode()) == ("A", {"b": "x"}, None)
    assert own.read(f"{head}<a><a></a></a></A>".encode()) == ("A", {"a": [{"a": [{}]}]}, None)
    deep = head + "<a>" * 40 + "</a>" * 40 + "</A>"
    assert own.read(deep.encode()) is None  # deeper than the reader goes: declined


@needs_c
def test_no_leaks() -> None:
    data = dict_to_xml(_meeting(5))
    declined = data.replace(b"</Meeting>", b"</Meetingx>")
    odd = _file(accessUrl="https://x.example:8080/a?b=1&amp;c=%20")
    samples = [data, declined, odd, data[:-40], data.replace(b"<size>", b"<size>x")]
    for raw in samples:
        _read_c(raw)
    tracemalloc.start()
    try:
        for raw in samples:
            _read_c(raw)
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(300):
            for raw in samples:
                _read_c(raw)
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < 20_000, grown


# ---------------------------------------------------------------------------------------
# both readers read alike


def test_the_writers_output() -> None:
    d = _meeting(5)
    d["agendaItem"][1]["kommunalrecht:status"] = "vertagt"
    d["agendaItem"][2]["auxiliaryFile"] = [d["agendaItem"][0]["resolutionFile"]]
    d["keyword"] = ["A & B", "<c>", 'd "e"', "\t\nf", "'\r'", "]]>"]
    d["kommunalrecht:n"] = -12
    d["kommunalrecht:b"] = False
    for data in (dict_to_xml(d), dict_to_xml(d, pretty=True), dict_to_xml(d, declaration=False)):
        got = same(data)
        assert got is not None
        assert got[1] == d


def test_benchmark_like_meetings() -> None:
    root = Path(__file__).resolve().parents[2] / "benchmarks"
    sys.path.insert(0, str(root))
    try:
        import workload  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(root))
    from kommunalrecht import oparl

    for i in range(4):
        data = dumps_xml(oparl.from_dict(workload.meeting(i)))
        got = same(data)
        assert got is not None and got[0] == "Meeting"


@pytest.mark.parametrize("path", FILES, ids=name)
def test_fixtures(path: Path) -> None:
    try:
        data = dict_to_xml(load(path))
    except Exception:  # documents the writer does not take are no test here
        return
    same(data)
    same(dict_to_xml(load(path), pretty=True))


@HS
@given(st.sampled_from(sorted(SPEC)).flatmap(oparl_dicts), st.booleans())
def test_generated_valid_documents(d: dict[str, Any], pretty: bool) -> None:
    same(dict_to_xml(d, pretty=pretty))


@HS
@given(data=st.data(), tname=st.sampled_from(sorted(SPEC)))
def test_generated_documents_with_any_values(data: st.DataObject, tname: str) -> None:
    same(dict_to_xml(data.draw(_object(tname))))


@HS
@given(oparl_objekte())
def test_valid_oparl_objects(d: dict[str, Any]) -> None:
    same(dict_to_xml(d))


@HS
@given(st.sampled_from([Sitzung, Tagesordnungspunkt, Datei, Ort, Gremium]).flatmap(instanzen))
def test_model_output(x: Any) -> None:
    same(dumps_xml(x))


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(oparl_objekte() | st.sampled_from(sorted(SPEC)).flatmap(oparl_dicts), st.data())
def test_damaged_documents(d: dict[str, Any], data: st.DataObject) -> None:
    text = dict_to_xml(d, pretty=data.draw(st.booleans())).decode()
    for _ in range(data.draw(st.integers(1, 3))):
        text = _mutate(text, data.draw)
    same(text.encode("utf-8", "surrogatepass"))


_BYTES = st.sampled_from(
    [b"\x00", b"\r", b"\x7f", b"\x80", b"\xc0\xaf", b"\xc3", b"\xc3\xa4", b"\xe2\x82",
     b"\xed\xa0\x80", b"\xef\xbf\xbe", b"\xef\xbf\xbf", b"\xef\xbf\xbd", b"\xf0\x9f\x98\x80",
     b"\xf4\x90\x80\x80", b"\xf5", b"\xff", b"<", b">", b"&", b"&amp;", b"&#10;", b"&#x41;",
     b"]]>", b"]", b"/", b'"', b" ", b"\t", b"\n", b"</", b"<ext:property name=\"",
     b"<ext:string>", b"</ext:string>", b"-", b"0", b"9", b"T", b":", b"+"]
)  # fmt: skip


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_byte_level_damage(data: st.DataObject) -> None:
    d = _meeting(data.draw(st.integers(0, 2)))
    d["kommunalrecht:x"] = data.draw(st.sampled_from(["a", 1, True]))
    raw = bytearray(dict_to_xml(d, pretty=data.draw(st.booleans())))
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(raw)))
        how = data.draw(st.integers(0, 3))
        if how == 0:  # insert
            raw[at:at] = data.draw(_BYTES | st.binary(max_size=3))
        elif how == 1:  # replace
            raw[at : at + data.draw(st.integers(1, 4))] = data.draw(_BYTES | st.binary(max_size=3))
        elif how == 2:  # delete
            del raw[at : at + data.draw(st.integers(1, 8))]
        else:  # cut
            del raw[at:]
    same(bytes(raw))


def test_every_prefix_and_every_single_byte_change() -> None:
    d = _meeting(1)
    d["agendaItem"][0]["kommunalrecht:status"] = "vertagt ä&<"
    d["keyword"] = ["a", "b"]
    raw = dict_to_xml(d)
    for i in range(len(raw) + 1):
        same(raw[:i])
    for i in range(0, len(raw)):
        for b in (0x00, 0x3C, 0x26, 0x20, 0xC3, 0x78):
            same(raw[:i] + bytes([b]) + raw[i + 1 :])


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(["accessUrl", "date", "created", "size", "name", "fileName"]),
    st.one_of(
        st.sampled_from(_TRICKY),
        st.text(max_size=30).filter(lambda s: "<" not in s),
        st.from_regex(_xmlread._DATETIME, fullmatch=True),
        st.from_regex(_xmlread._DATE, fullmatch=True),
        st.from_regex(_xmlread._INT, fullmatch=True),
        st.from_regex(_xmlread._URL, fullmatch=True).filter(lambda s: "<" not in s),
    ),
)
@example("size", "999999999999999999")
@example("size", "-999999999999999999")
@example("size", "1000000000000000000")
@example("created", "2000-02-29T23:59:59-14:00")
@example("created", "2100-02-29T10:00:00+01:00")
@example("date", "0400-02-29")
@example("accessUrl", "https://x.example/a b")
@example("accessUrl", "http://x-y.example/a_b/~c.d")
@example("accessUrl", "https://x_y.example/")
@example("accessUrl", "https://x.example:80/?a=1&amp;b")
def test_values(prop: str, value: str) -> None:
    for raw in (
        _file(**{prop: value}),
        _file(**{prop: value, "text": "t"}),
        f'<File {NS} version="1.1"><ext:property name="p"><ext:integer>{value}</ext:integer>'
        "</ext:property></File>".encode("utf-8", "surrogatepass"),
    ):
        same(raw)


def test_ext_properties() -> None:
    prop = '<ext:property name="{}">{}<ext:{}>{}</ext:{}>{}</ext:property>'
    docs = []
    for name_ in ("a", "name", "a.b:c-d_1", "", "ä", "a b", "size"):
        for kind, value in (("string", "x"), ("integer", "7"), ("integer", "07"),
                            ("boolean", "true"), ("boolean", "1"), ("null", ""),
                            ("string", "&amp;")):  # fmt: skip
            for ws in ("", " \n\t"):
                p = prop.format(name_, ws, kind, value, kind, ws)
                for body in (p, p + p, "<name>n</name>" + p, p + "<name>n</name>",
                             p + prop.format("z", "", "string", "", "string", "")):  # fmt: skip
                    docs.append(f'<File {NS} version="1.1">{body}</File>')
    for doc in docs:
        same(doc.encode())
    # many of them (the next dict of the type is not sized for all of them)
    many = "".join(prop.format(f"p{i}", "", "integer", i, "integer", "") for i in range(2000))
    same(f'<File {NS} version="1.1">{many}</File>'.encode())
    for doc in docs[:50]:
        same(doc.encode())


def test_heads_and_tails() -> None:
    body = "<name>x</name>"
    for head in ("", '<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?>',
                 "\ufeff", " \n", "\r\n", "<!-- c -->"):  # fmt: skip
        for root in ("File", "Meeting", "List", "Nope", "file", "Fi1e", "ext:File"):
            for tail in ("", "\n", " \t\n ", "x", "<!-- c -->", "\r", "\x00"):
                doc = f'{head}<{root} {NS} version="1.1">{body}</{root}>{tail}'
                same(doc.encode())


# ---------------------------------------------------------------------------------------
# each reader agrees with the lxml path (read_canonical on it)


def test_agrees_with_lxml_on_the_writers_output(reader: str) -> None:
    d = _meeting(3)
    d["agendaItem"][0]["kommunalrecht:status"] = "vertagt"
    d["keyword"] = ["A & B", "<c>"]
    assert agrees(dict_to_xml(d)) is not None
    assert agrees(dict_to_xml(meeting_with_items(2), pretty=True)) is None  # geojson: lxml


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(oparl_objekte() | st.sampled_from(sorted(SPEC)).flatmap(oparl_dicts), st.data())
def test_agrees_with_lxml_on_damaged_documents(
    reader: str, d: dict[str, Any], data: st.DataObject
) -> None:
    text = dict_to_xml(d).decode()
    for _ in range(data.draw(st.integers(1, 2))):
        text = _mutate(text, data.draw)
    agrees(text.encode("utf-8", "surrogatepass"))


def test_agrees_with_lxml_on_values(reader: str) -> None:
    for value in _TRICKY:
        for prop in ("accessUrl", "date", "created", "size", "name"):
            agrees(_file(**{prop: value}))
    agrees(_file(created=TS, accessUrl="https://x.example/a?b=1&amp;c=2#d"))
