"""Writer of the OParl XML form: OParl 1.1 dicts → XML text, generated from the field tables.

For every OParl type one emitter function is generated from the field table at import
(:func:`_emitter_source`): it writes the properties in spec order (OParl 1.1 §3) with
pre-built start and end tags and the typed-form check of each property's
:class:`~kommunalrecht.oparl._spec.Kind` inlined (``uri_fits``, ``datetime_fits`` … — one
regular expression each, so every value the XSD cannot hold still takes the ``ext:property``
fallback), and appends escaped strings directly (no lxml element tree). The output is checked
against the generated XSD in the tests.

Model objects take a faster path (:func:`emit_model_document`, used by ``dumps_xml`` and
``XmlWriter``): it writes the codec's raw dict (``OParlConverter.to_dict_raw``, date-times
still :class:`~datetime.datetime` objects) with emitters generated per key tuple ("layouts",
see the comment before :class:`_Decline`), and writes exactly what :func:`emit_document`
writes for ``to_dict(obj)``, or declines (tests/oparl/test_xml_encode_speed.py).

>>> emit_document({"id": "https://x.example/m/1",
...                "type": "https://schema.oparl.org/1.1/Meeting", "cancelled": False})
'<Meeting xmlns="urn:kommunalrecht:oparl:1.1" xmlns:ext="urn:kommunalrecht:oparl:1.1:ext" \
version="1.1"><id>https://x.example/m/1</id><type>https://schema.oparl.org/1.1/Meeting</type>\
<cancelled>false</cancelled></Meeting>'
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from functools import partial
from typing import Any

import orjson
from orjson import dumps as _orjson_dumps

from kommunalrecht.errors import ParseError
from kommunalrecht.oparl._codec import _fdt
from kommunalrecht.oparl._spec import LIST_LINKS, LIST_PAGINATION, SPEC, Kind, type_uri
from kommunalrecht.oparl._xmlmap import (
    EXT_NS,
    EXT_PREFIX,
    LIST_ELEMENT,
    MAPPING_VERSION,
    NS,
    VENDOR_ELEMENTS,
    datetime_fits,
    escape_attr,
    escape_text,
    fits,
    object_type,
    uri_fits,
)
from kommunalrecht.oparl.check import is_date

__all__ = [
    "MAX_DEPTH",
    "ROOT_ATTRS",
    "emit_document",
    "emit_model_document",
    "emit_object",
    "is_page",
]

MAX_DEPTH = 100
"""Deepest nesting of JSON containers the writer accepts (the reader's XML depth limit is 256
elements; each JSON object level takes at most two)."""

ROOT_ATTRS = f' xmlns="{NS}" xmlns:{EXT_PREFIX}="{EXT_NS}" version="{MAPPING_VERSION}"'
"""Namespace declarations and version attribute of every root element."""

_X = EXT_PREFIX
_ESC_ATTR = f' {_X}:escaped="true"'
_NAME_ESC = f' {_X}:nameEscaped="true"'
_MISSING: Any = object()


def is_page(d: Mapping[str, Any]) -> bool:
    """Whether dict ``d`` is a list page (no ``type``; ``data``/``pagination``/``links``).

    >>> is_page({"data": [], "links": {}}), is_page({"type": "x", "data": []})
    (True, False)
    """
    return "type" not in d and ("data" in d or "pagination" in d or "links" in d)


def _text(out: list[str], o: str, oe: str, c: str, s: str) -> None:
    if s.isprintable():
        if "&" in s:
            s = s.replace("&", "&amp;")
        if "<" in s:
            s = s.replace("<", "&lt;")
        if ">" in s:
            s = s.replace(">", "&gt;")
        out.append(o + s + c)
    else:
        t, esc = escape_text(s)
        out.append((oe if esc else o) + t + c)


def _url(s: str) -> str:
    # URLs that fit are printable without spaces; only markup characters need escaping
    if "&" in s:
        s = s.replace("&", "&amp;")
    if "<" in s:
        s = s.replace("<", "&lt;")
    if ">" in s:
        s = s.replace(">", "&gt;")
    return s


def _named(out: list[str], tag: str, name: str, value: Any, path: str, depth: int) -> None:
    if name.__class__ is not str:
        raise ParseError("a string key (JSON object member name)", name, path=path)
    text, esc = escape_attr(name)
    out.append(f'<{_X}:{tag} name="{text}"{_NAME_ESC if esc else ""}>')
    emit_json(out, value, path, depth)
    out.append(f"</{_X}:{tag}>")


def emit_json(out: list[str], v: Any, path: str, depth: int) -> None:
    """Append the generic encoding of the JSON value ``v`` (``ext:string`` … ``ext:object``).

    >>> out: list[str] = []
    >>> emit_json(out, {"a": [1, 2.5, None, True]}, "$", 0)
    >>> "".join(out)
    '<ext:object><ext:member name="a"><ext:array><ext:integer>1</ext:integer>\
<ext:number>2.5</ext:number><ext:null/><ext:boolean>true</ext:boolean></ext:array>\
</ext:member></ext:object>'
    """
    if isinstance(v, str):
        _text(out, f"<{_X}:string>", f"<{_X}:string{_ESC_ATTR}>", f"</{_X}:string>", str(v))
    elif v is None:
        out.append(f"<{_X}:null/>")
    elif v is True:
        out.append(f"<{_X}:boolean>true</{_X}:boolean>")
    elif v is False:
        out.append(f"<{_X}:boolean>false</{_X}:boolean>")
    elif isinstance(v, int):
        out.append(f"<{_X}:integer>{int(v)}</{_X}:integer>")
    elif isinstance(v, float):
        if math.isfinite(v):
            text = repr(float(v))
        else:
            text = "NaN" if math.isnan(v) else ("INF" if v > 0 else "-INF")
        out.append(f"<{_X}:number>{text}</{_X}:number>")
    elif isinstance(v, list | tuple):
        if depth >= MAX_DEPTH:
            raise ParseError(f"JSON nested at most {MAX_DEPTH} deep", "deeper nesting", path=path)
        if not v:
            out.append(f"<{_X}:array/>")
            return
        out.append(f"<{_X}:array>")
        for i, item in enumerate(v):
            emit_json(out, item, f"{path}[{i}]", depth + 1)
        out.append(f"</{_X}:array>")
    elif isinstance(v, Mapping):
        if depth >= MAX_DEPTH:
            raise ParseError(f"JSON nested at most {MAX_DEPTH} deep", "deeper nesting", path=path)
        if not v:
            out.append(f"<{_X}:object/>")
            return
        out.append(f"<{_X}:object>")
        for k, item in v.items():
            _named(out, "member", k, item, f"{path}.{k}", depth + 1)
        out.append(f"</{_X}:object>")
    else:
        raise ParseError("a JSON value (str, int, float, bool, None, list, dict)", v, path=path)


def emit_object(
    out: list[str], tname: str, tag: str, d: Mapping[str, Any], path: str, depth: int = 0
) -> None:
    """Append OParl object ``d`` of type ``tname`` as element ``tag`` (open tag text included).

    ``tag`` is the start tag's content without ``<``/``>`` (element name plus attributes).
    Properties are written in spec order; a value without a typed form (:func:`fits`) and
    every vendor / unknown property follow as ``ext:property``. A vendor object type
    (:data:`~._xmlmap.VENDOR_ELEMENTS`) is the element ``ext:<tname>`` with every member as
    ``ext:property``. The work is done by the emitter generated for ``tname``
    (:func:`_emitter_source`).

    >>> out: list[str] = []
    >>> emit_object(out, "File", "resolutionFile", {"size": 12, "x:y": [None]}, "$")
    >>> "".join(out)
    '<resolutionFile><size>12</size><ext:property name="x:y"><ext:array><ext:null/></ext:array>\
</ext:property></resolutionFile>'
    """
    _EMITTERS[tname](out, tag, d, path, depth)


def _vendor_object(out: list[str], tag: str, d: Mapping[str, Any], path: str, depth: int) -> None:
    if depth >= MAX_DEPTH:
        raise ParseError(f"objects nested at most {MAX_DEPTH} deep", "deeper nesting", path=path)
    out.append(f"<{_X}:{tag}>")
    for k, v in d.items():
        _named(out, "property", k, v, f"{path}.{k}", depth)
    out.append(f"</{_X}:{tag.partition(' ')[0]}>")


# Per type, one generated function writes the properties in spec order with the check of each
# kind inlined (no loop over the table, no dispatch on the kind at run time). A value that
# fails its check is remembered in `generic` and written as ext:property afterwards.
_CHECKS: dict[Kind, tuple[str, str]] = {
    # kind: (condition on v, statements writing v) as str.format templates: {o}/{c}/{oe} the
    # tags, {n} the property name, {t} the emitter of the embedded target type
    Kind.STRING: ("v.__class__ is str", "_text(out, {o}, {oe}, {c}, v)"),
    Kind.URL: ("uri_fits(v)", "out.append({o} + _url(v) + {c})"),
    Kind.EXTERNAL_LIST: ("uri_fits(v)", "out.append({o} + _url(v) + {c})"),
    Kind.DATETIME: ("datetime_fits(v)", "out.append({o} + v + {c})"),
    Kind.DATE: ("is_date(v)", "out.append({o} + v + {c})"),
    Kind.INTEGER: ("v.__class__ is int", "out.append({o} + str(v) + {c})"),
    Kind.BOOLEAN: ("v.__class__ is bool", "out.append({o} + ('true' if v else 'false') + {c})"),
    Kind.OBJECT: (
        "v.__class__ is dict",
        "out.append({o})\nemit_json(out, v, path + '.{n}', depth + 1)\nout.append({c})",
    ),
    Kind.EMBEDDED: ("v.__class__ is dict", "{t}(out, '{n}', v, path + '.{n}', depth + 1)"),
    Kind.EMBEDDED_LIST: (
        "v.__class__ is list and v and all(x.__class__ is dict for x in v)",
        "for i, x in enumerate(v):\n    {t}(out, '{n}', x, f'{{path}}.{n}[{{i}}]', depth + 1)",
    ),
    Kind.STRING_LIST: (
        "v.__class__ is list and v and all(x.__class__ is str for x in v)",
        "for x in v:\n    _text(out, {o}, {oe}, {c}, x)",
    ),
    Kind.URL_LIST: (
        "v.__class__ is list and v and all(uri_fits(x) for x in v)",
        "for x in v:\n    out.append({o} + _url(x) + {c})",
    ),
}


# fast paths tried first: values that certainly fit and need no escaping at all
_PLAIN = "v.__class__ is str and {test} is not None"
_FAST: dict[Kind, tuple[str, str]] = {
    Kind.STRING: (
        "v.__class__ is str and v.isprintable() and '&' not in v and '<' not in v and '>' not in v",
        "out.append({o} + v + {c})",
    ),
    Kind.URL: (_PLAIN.format(test="_plain_url(v)"), "out.append({o} + v + {c})"),
    Kind.EXTERNAL_LIST: (_PLAIN.format(test="_plain_url(v)"), "out.append({o} + v + {c})"),
    Kind.DATETIME: (_PLAIN.format(test="_plain_datetime(v)"), "out.append({o} + v + {c})"),
    Kind.DATE: (_PLAIN.format(test="_plain_date(v)"), "out.append({o} + v + {c})"),
}

_plain_url = re.compile(r"https?://[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~/-]*)?").fullmatch
"""URLs of only unreserved characters and ``/``: they fit ``xs:anyURI`` (:func:`uri_fits`) and
need no escaping."""

_DAY = r"(?!0000)[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
_plain_date = re.compile(_DAY).fullmatch
"""Dates with a day of month up to 28: they exist, so they fit ``xs:date`` (``is_date``)."""

_plain_datetime = re.compile(
    _DAY + r"T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9][+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00)"
).fullmatch
"""OParl date-times with such a day, a valid time and an offset up to ±14:00: they fit
``xs:dateTime`` (:func:`datetime_fits`)."""


def _emitter_source(tname: str) -> str:
    """Python source of the emitter of OParl type ``tname`` (a function ``emit_<tname>``).

    >>> print(_emitter_source("File").splitlines()[0])
    def emit_File(out, tag, d, path, depth):
    """
    ts = SPEC[tname]
    lines = [
        f"def emit_{tname}(out, tag, d, path, depth):",
        "    if depth >= MAX_DEPTH:",
        "        raise ParseError(f'objects nested at most {MAX_DEPTH} deep', 'deeper nesting',"
        " path=path)",
        "    out.append('<' + tag + '>')",
        "    generic = []",
        "    seen = 0",
        "    get = d.get",
    ]
    for p in ts.props:
        n = p.name
        fields = {
            "o": repr(f"<{n}>"),
            "c": repr(f"</{n}>"),
            "oe": repr(f"<{n}{_ESC_ATTR}>"),
            "n": n,
            "t": f"emit_{p.target}",
        }
        lines += [
            f"    v = get({n!r}, _MISSING)",
            "    if v is not _MISSING:",
            "        seen += 1",
        ]
        keyword = "if"
        fast = _FAST.get(p.kind)
        for cond, body in (_CHECKS[p.kind],) if fast is None else (fast, _CHECKS[p.kind]):
            lines.append(f"        {keyword} {cond}:")
            lines += [f"            {line}" for line in body.format(**fields).splitlines()]
            keyword = "elif"
        lines += ["        else:", f"            generic.append({n!r})"]
    lines += [
        "    for name in generic:",
        "        _named(out, 'property', name, d[name], path + '.' + name, depth)",
        "    if seen < len(d):",
        "        for k, v in d.items():",
        "            if k not in BY_NAME:",
        "                _named(out, 'property', k, v, path + '.' + k, depth)",
        "    out.append('</' + tag.partition(' ')[0] + '>')",
    ]
    return "\n".join(lines) + "\n"


def _common_names() -> dict[str, Any]:
    """Names both kinds of generated emitters (general and model fast path) use."""
    return {
        "MAX_DEPTH": MAX_DEPTH,
        "_MISSING": _MISSING,
        "_text": _text,
        "_url": _url,
        "emit_json": emit_json,
        "uri_fits": uri_fits,
        "datetime_fits": datetime_fits,
        "is_date": is_date,
        "_plain_url": _plain_url,
        "_plain_date": _plain_date,
        "_plain_datetime": _plain_datetime,
    }


def _build_emitters() -> dict[str, Any]:
    names = {**_common_names(), "ParseError": ParseError, "_named": _named}
    emitters: dict[str, Any] = {}
    for tname, ts in SPEC.items():
        scope = dict(names, BY_NAME=frozenset(ts.by_name))
        code = compile(_emitter_source(tname), f"<kommunalrecht.oparl xml emitter {tname}>", "exec")
        exec(code, scope)
        emitters[tname] = scope[f"emit_{tname}"]
    # every emitter calls the emitters of its embedded types by name: bind them in each scope
    for tname in SPEC:
        emitters[tname].__globals__.update({f"emit_{t}": emitters[t] for t in SPEC})
    for v in VENDOR_ELEMENTS.values():
        emitters[v] = _vendor_object
    return emitters


_EMITTERS: dict[str, Any] = _build_emitters()


def _emit_page(out: list[str], d: Mapping[str, Any], expect: str | None) -> None:
    out.append(f"<{LIST_ELEMENT}{ROOT_ATTRS}>")
    generic: list[str] = []
    data = d.get("data", _MISSING)
    if data.__class__ is list:
        if not data:
            out.append("<data/>")
        else:
            out.append("<data>")
            for i, item in enumerate(data):
                t = object_type(item, expect) if item.__class__ is dict else None
                if t is None:
                    emit_json(out, item, f"$.data[{i}]", 1)
                else:
                    emit_object(out, t, t, item, f"$.data[{i}]", 1)
            out.append("</data>")
    elif data is not _MISSING:
        generic.append("data")
    for member, names, kind in (
        ("pagination", LIST_PAGINATION, Kind.INTEGER),
        ("links", LIST_LINKS, Kind.URL),
    ):
        sub = d.get(member, _MISSING)
        if sub is _MISSING:
            continue
        if sub.__class__ is not dict:
            generic.append(member)
            continue
        out.append(f"<{member}>")
        rest: list[str] = []
        for n in names:
            v = sub.get(n, _MISSING)
            if v is _MISSING:
                continue
            if fits(kind, v):
                out.append(f"<{n}>{_url(str(v))}</{n}>")
            else:
                rest.append(n)
        rest.extend(k for k in sub if k not in names)
        for n in rest:
            _named(out, "property", n, sub[n], f"$.{member}.{n}", 1)
        out.append(f"</{member}>")
    generic.extend(k for k in d if k not in ("data", "pagination", "links"))
    for k in generic:
        _named(out, "property", k, d[k], f"$.{k}", 0)
    out.append(f"</{LIST_ELEMENT}>")


def emit_document(d: Mapping[str, Any], expect: str | None = None) -> str:
    """The XML text (without declaration) of an OParl object or list page dict.

    ``expect`` names the type of an object without readable ``type`` (for a list page: of its
    elements). Raises :class:`~kommunalrecht.errors.ParseError` for a dict that is neither a
    list page nor an object of known type, and for values that are not JSON.

    >>> emit_document({"data": [], "links": {"next": "https://x.example/p?page=2"}})
    '<List xmlns="urn:kommunalrecht:oparl:1.1" xmlns:ext="urn:kommunalrecht:oparl:1.1:ext" \
version="1.1"><data/><links><next>https://x.example/p?page=2</next></links></List>'
    >>> emit_document({"name": "x"})
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.ParseError: at $.type: expected an OParl type URI or expect=<type name>, got None
    """
    if not isinstance(d, Mapping):
        raise ParseError("an OParl object or list page (JSON object)", d)
    out: list[str] = []
    if is_page(d):
        _emit_page(out, d, expect)
    else:
        t = object_type(d, expect)
        if t is None:
            raise ParseError(
                "an OParl type URI or expect=<type name>", d.get("type"), path="$.type"
            )
        emit_object(out, t, t + ROOT_ATTRS, d, "$")
    return "".join(out)


# ---------------------------------------------------------------------------------------
# model objects: the fast path of dumps_xml
#
# emit_model_document writes the dict of OParlConverter.to_dict_raw: the dict of to_dict,
# except that OParl date-times may be datetime objects where to_dict has _fdt(v) (those for
# which orjson writes _fdt(v)). Its emitters are generated from the field tables like the
# ones above and write the same text, but lean on what such a dict is:
# * "layouts": the codec writes all objects of a class with the same keys, in spec order
#   (vendor keys last). For each key tuple seen, an emitter is generated that takes all
#   values at once (d.values()), checks them (the classes in one comparison, the strings
#   together, the URLs with one regular expression) and writes them with one f-string
#   between embedded objects. If a value is not written as it is (escaping, no typed form
#   …), the object goes, before anything is written, to the general emitter of its type
#   (smit_<type>: walks the items; pmit_<type>: looks each property up), which checks value
#   by value like the emitters above;
# * each datetime object is formatted once per document (dc: id → text), by orjson;
# * no JSON paths are built: wherever the emitters above would raise, or a value is not of
#   exactly a JSON class, this path declines and the caller writes to_dict(obj) with the
#   emitters above (which raise with the path, or write what they write).


class _Decline(Exception):
    """The fast path cannot vouch for its output: the caller takes the general path."""


_OMIT_MICROSECONDS = orjson.OPT_OMIT_MICROSECONDS
_FOURTEEN_HOURS = timedelta(hours=14)
_TZ_FITS: dict[timezone, bool] = {}
"""Fixed-offset time zones (by offset): whether the offset is whole minutes, at most ±14:00
(then orjson writes what ``_fdt`` does, and ``xs:dateTime`` holds it)."""
_S_OPEN = f"<{_X}:string>"
_SP_CLOSE = f"</{_X}:string></{_X}:property>"
_P_CLOSE = f"</{_X}:property>"
_PTAGS: dict[str, str] = {}
"""Start tags of ``ext:property`` by (str) property name, filled on use (bounded)."""


def _tz_fits(tz: timezone) -> bool:
    off = tz.utcoffset(None)
    ok = off.microseconds == 0 and off.seconds % 60 == 0 and abs(off) <= _FOURTEEN_HOURS
    if len(_TZ_FITS) < 1024:
        _TZ_FITS[tz] = ok
    return ok


def _dt_text(v: datetime, dc: dict[int, str]) -> str:
    """``_fdt(v)`` (remembered in ``dc`` for the document) if it fits ``xs:dateTime``;
    declines otherwise (the general path writes it as ``ext:property``)."""
    tz = v.tzinfo
    if tz.__class__ is timezone and (_TZ_FITS.get(tz) or _tz_fits(tz)):
        s = _orjson_dumps(v, option=_OMIT_MICROSECONDS)[1:-1].decode()
    else:
        s = _fdt(v)
        if not datetime_fits(s):
            raise _Decline
    dc[id(v)] = s
    return s


def _is_json(v: Any, depth: int) -> bool:
    """Whether ``v`` holds only values of exactly the JSON classes (``str`` keys), with at most
    :data:`MAX_DEPTH` levels of containers counted from ``depth``: then :func:`emit_json`
    writes it without error, and as the general path does."""
    c = v.__class__
    if c is str or c is int or c is float or v is None or v is True or v is False:
        return True
    if depth >= MAX_DEPTH:
        return False
    if c is list:
        return all(_is_json(x, depth + 1) for x in v)
    if c is dict:
        return all(k.__class__ is str and _is_json(x, depth + 1) for k, x in v.items())
    return False


def _prop_tag(name: str) -> str:
    """Start tag of the ``ext:property`` named ``name``, remembered (up to 4096 names)."""
    o = _PTAGS.get(name)
    if o is None:
        text, esc = escape_attr(name)
        o = f'<{_X}:property name="{text}"{_NAME_ESC if esc else ""}>'
        if len(_PTAGS) < 4096:
            _PTAGS[name] = o
    return o


def _prop(out: list[str], name: Any, v: Any, depth: int) -> None:
    # _named(out, "property", name, v, …, depth)
    if name.__class__ is not str:
        raise _Decline
    o = _prop_tag(name)
    if v.__class__ is str and v.isprintable() and "&" not in v and "<" not in v and ">" not in v:
        out.append(o + _S_OPEN + v + _SP_CLOSE)
    elif _is_json(v, depth):
        out.append(o)
        emit_json(out, v, "$", depth)
        out.append(_P_CLOSE)
    else:
        raise _Decline


_ESCAPE_BYTES = bytes([*range(9), *range(11, 32)]) + b"&<>"
"""Latin-1 characters :func:`_text` does not write as they are: ``&<>``, CR (``&#13;``) and the
control characters XML 1.0 cannot hold (escaped)."""


def _plain(s: str) -> str:
    # condition: str `s` is written unchanged by _text
    return f"{s}.isprintable() and '&' not in {s} and '<' not in {s} and '>' not in {s}"


def _child(t: str, o: str, c: str, x: str) -> list[str]:
    # statements writing the embedded dict `x` of type t (with the layout for its keys)
    return [
        f"x_ = tuple({x})",
        f"(L_{t}.get(x_) or M_{t}(x_, {x}))(out, {o}, {c}, {x}, depth + 1, dc, x_, U)",
    ]


# kind: statements writing the present value v, as str.format templates with the fields of
# _CHECKS plus {co} (end tag and start tag, between list items), {g} (v goes to
# ext:property) and {child}/{children} (v or each x of v written as embedded object)
_RAW: dict[Kind, str] = {
    Kind.STRING: f"""\
if v.__class__ is str:
    if {_plain("v")}:
        A({{o}} + v + {{c}})
    else:
        _text(out, {{o}}, {{oe}}, {{c}}, v)
else:
    {{g}}""",
    Kind.URL: """\
if v.__class__ is str and _plain_url(v) is not None:
    A({o} + v + {c})
elif uri_fits(v):
    A({o} + _url(v) + {c})
else:
    {g}""",
    Kind.DATETIME: """\
if v.__class__ is datetime:
    s = dc.get(id(v)) or _dt_text(v, dc)
    A({o} + s + {c})
elif v.__class__ is str and _plain_datetime(v) is not None or datetime_fits(v):
    A({o} + v + {c})
else:
    {g}""",
    Kind.DATE: """\
if v.__class__ is str and _plain_date(v) is not None or is_date(v):
    A({o} + v + {c})
else:
    {g}""",
    Kind.INTEGER: """\
if v.__class__ is int:
    A({o} + str(v) + {c})
else:
    {g}""",
    Kind.BOOLEAN: """\
if v is True:
    A({o} + 'true' + {c})
elif v is False:
    A({o} + 'false' + {c})
else:
    {g}""",
    Kind.OBJECT: """\
if v.__class__ is dict:
    if not _is_json(v, depth + 1):
        raise _Decline
    A({o})
    emit_json(out, v, '$', depth + 1)
    A({c})
else:
    {g}""",
    Kind.EMBEDDED: """\
if v.__class__ is dict:
{child}
else:
    {g}""",
    Kind.EMBEDDED_LIST: """\
if v.__class__ is list and v and all(x.__class__ is dict for x in v):
    for x in v:
{children}
else:
    {g}""",
    Kind.STRING_LIST: f"""\
if v.__class__ is list and v and all(x.__class__ is str for x in v):
    s = ''.join(v)
    if {_plain("s")}:
        A({{o}} + {{co}}.join(v) + {{c}})
    else:
        for x in v:
            _text(out, {{o}}, {{oe}}, {{c}}, x)
else:
    {{g}}""",
    Kind.URL_LIST: """\
if v.__class__ is list and v and all(x.__class__ is str and _plain_url(x) is not None for x in v):
    A({o} + {co}.join(v) + {c})
elif v.__class__ is list and v and all(uri_fits(x) for x in v):
    for x in v:
        A({o} + _url(x) + {c})
else:
    {g}""",
}
_RAW[Kind.EXTERNAL_LIST] = _RAW[Kind.URL]


def _general_source(tname: str, walk: bool) -> str:
    """Python source of the general fast-path emitters of OParl type ``tname`` (any keys):
    with ``walk`` ``smit_<tname>`` (walks the items in spec order; hands dicts in another
    order to the other one), else ``pmit_<tname>`` (looks up each property).

    >>> print(_general_source("File", True).splitlines()[0])
    def smit_File(out, o, c, d, depth, dc, key, U):
    """
    fn = f"{'smit' if walk else 'pmit'}_{tname}"
    lines = [
        f"def {fn}(out, o, c, d, depth, dc, key, U):",
        "    if depth >= MAX_DEPTH:",
        "        raise _Decline",
        "    A = out.append",
        "    n0 = len(out)",
        "    A(o)",
        "    generic = ()",
    ]
    lines += (
        ["    it = iter(d.items())", "    k, v = next(it, _END)"] if walk else ["    get = d.get"]
    )
    for p in SPEC[tname].props:
        n = p.name
        o, c = repr(f"<{n}>"), repr(f"</{n}>")
        fields = {
            "o": o,
            "c": c,
            "co": repr(f"</{n}><{n}>"),
            "oe": repr(f"<{n}{_ESC_ATTR}>"),
            "g": f"generic += ({n!r},)",
            "child": "\n".join("    " + s for s in _child(p.target or "", o, c, "v")),
            "children": "\n".join("        " + s for s in _child(p.target or "", o, c, "x")),
        }
        body = [f"        {line}" for line in _RAW[p.kind].format(**fields).splitlines()]
        if walk:
            lines += [f"    if k == {n!r}:", *body, "        k, v = next(it, _END)"]
        else:
            lines += [f"    v = get({n!r}, _MISSING)", "    if v is not _MISSING:", *body]
    if walk:
        lines += [
            "    rest = ()",
            "    if k is not _MISSING:",
            "        rest = [(k, v), *it]",
            "        for k, v in rest:",
            "            if k in BY_NAME:  # not in spec order",
            "                del out[n0:]",
            f"                return pmit_{tname}(out, o, c, d, depth, dc, key, U)",
        ]
    else:
        lines += ["    rest = [(k, v) for k, v in d.items() if k not in BY_NAME]"]
    lines += [
        "    for name in generic:",
        "        _prop(out, name, d[name], depth)",
        "    for k, v in rest:",
        "        _prop(out, k, v, depth)",
        "    A(c)",
    ]
    return "\n".join(lines) + "\n"


_MAX_LAYOUTS = 64
_TAG_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

_URL_BYTES = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/?=!$'()*+,;"
"""Characters of the URLs the layouts write as they are, after ``http(s)://host``."""
_LAYOUT_URL = rf"https?://[A-Za-z0-9.-]+(?:[/?][{re.escape(_URL_BYTES.decode())}]*)?"
"""URLs the layouts write as they are (``_plain_url`` and more: ``?id=5`` …): they fit
``xs:anyURI`` (:func:`uri_fits`: a host, then ``/`` or ``?`` and characters it allows
anywhere) and need no escaping."""


def _urls_form(n: int | None) -> Any:
    # n (None: one or more) such URLs separated by single spaces (which none contains; with
    # n=None the caller also counts the spaces, as a URL with a space could pass for two)
    rep = "*" if n is None else f"{{{n - 1}}}"
    return re.compile(f"{_LAYOUT_URL}(?: {_LAYOUT_URL}){rep}").fullmatch


_URLS_N = {n: _urls_form(n) for n in range(1, 9)}
_URLS_ANY = _urls_form(None)
_URL_BASE = re.compile(r"https?://[A-Za-z0-9.-]+/").fullmatch


def _urls_fit(urls: list[str]) -> bool:
    """Whether each of ``urls`` (at least one) is a :data:`_LAYOUT_URL`, checked at once.

    Usually they share ``scheme://host/``: then the characters are checked with one
    ``bytes.translate`` and the bases with one ``count``; else with one regular expression.

    >>> _urls_fit(["https://a.example/x?id=1", "https://a.example/y"])
    True
    >>> _urls_fit(["https://a.example/x", "https://b.example"]), _urls_fit(["https://a/x&y"])
    (True, False)
    """
    j = " ".join(urls)
    n = len(urls)
    # nothing but those characters, ":" once per URL, single spaces between URLs
    if not j.isascii() or j.encode().translate(None, _URL_BYTES) != b":" + b" :" * (n - 1):
        return False
    base = j[: j.find("/", 8) + 1]
    if _URL_BASE(base) is not None and j.count(" " + base) == n - 1:
        return True
    return _URLS_ANY(j) is not None


def _layout_source(
    tname: str, key: tuple[Any, ...], d: Mapping[Any, Any]
) -> tuple[str, dict[str, Any]] | None:
    """Source of the emitter ``lay`` for dicts of OParl type ``tname`` with keys ``key`` (and
    the constants it needs), or ``None`` when the known keys are not in spec order or an
    unknown key comes before a known one. ``d`` is a dict with these keys: unknown keys
    with a ``str`` value in it are written inline (others by ``_prop``).

    >>> src, consts = _layout_source("File", ("id", "size", "x:y"), {"x:y": "z"})
    >>> print("\\n".join(src.splitlines()[3:6]))
        v0, v1, v2 = d.values()
        if (v0.__class__, v1.__class__, v2.__class__, key[2].__class__) != CLASSES:
            return smit_File(out, o, c, d, depth, dc, key, U)
    >>> print(src.splitlines()[-1])
        out.append(f"{o}<id>{v0}</id><size>{v1}</size>{P2}{v2}{_SP_CLOSE}{c}")
    >>> _layout_source("File", ("size", "id"), {}) is None  # not in spec order
    True
    """
    ts = SPEC[tname]
    order = {p.name: i for i, p in enumerate(ts.props)}
    known: list[tuple[int, Any]] = []
    unknown: list[int] = []
    last = -1
    for i, k in enumerate(key):
        if k in order:
            if unknown or order[k] <= last:
                return None
            last = order[k]
            known.append((i, ts.by_name[k]))
        else:
            unknown.append(i)
    fallback = f"        return smit_{tname}(out, o, c, d, depth, dc, key, U)"
    n = len(key)
    lines = [
        "def lay(out, o, c, d, depth, dc, key, U):",
        "    if depth >= MAX_DEPTH:",
        "        raise _Decline",
    ]
    if n:
        lines.append(
            f"    {', '.join(f'v{i}' for i in range(n))}{',' if n == 1 else ''} = d.values()"
        )
    consts: dict[str, Any] = {}
    classes: list[tuple[str, type]] = []  # (value, the one class it must have)
    checks: list[str] = []  # further checks, after the classes
    strs: list[str] = []  # expressions of str values, checked together
    urls: list[str] = []  # URL values (*v: a list of URLs)
    emit: list[str] = []  # the writing statements
    segment: list[str] = ["{o}"]  # f-string pieces of the text written next

    def flush() -> None:
        if segment:
            emit.append(f'    A(f"{"".join(segment)}")')
            segment.clear()

    for i, p in known:
        v = f"v{i}"
        name = p.name
        if not set(name) <= _TAG_CHARS:  # pragma: no cover - the spec's names are plain
            return None
        kind = p.kind
        text = v
        if kind is Kind.STRING and name == "type":
            # the codec writes the type URI of the class: a plain constant
            classes.append((v, str))
            checks += [f"    if {v} != {type_uri(tname)!r}:", fallback]
        elif kind is Kind.STRING:
            classes.append((v, str))
            strs.append(v)
        elif kind is Kind.URL or kind is Kind.EXTERNAL_LIST:
            classes.append((v, str))
            urls.append(v)
        elif kind is Kind.URL_LIST or kind is Kind.STRING_LIST:
            classes.append((v, list))
            checks += [f"    if not {v} or not all(x.__class__ is str for x in {v}):", fallback]
            checks.append(f"    t{i} = {f'</{name}><{name}>'!r}.join({v})")
            if kind is Kind.URL_LIST:
                urls.append(f"*{v}")
            else:
                strs.append(f"''.join({v})")
            text = f"t{i}"
        elif kind is Kind.DATETIME:
            # each datetime object formatted once per document (dc); orjson writes what
            # _fdt does for the zones in TZ (fixed offsets in whole minutes up to ±14:00)
            checks += [
                f"    t{i} = dc.get(id({v}))",  # only datetime objects of d have their id in dc
                f"    if t{i} is None:",
                f"        if {v}.__class__ is datetime and TZ.get({v}.tzinfo):",
                f"            t{i} = dc[id({v})] = _orjson_dumps({v}, option=OMIT)[1:-1].decode()",
                f"        elif {v}.__class__ is datetime:",
                f"            t{i} = _dt_text({v}, dc)",
                f"        elif {v}.__class__ is str and (_plain_datetime({v}) is not None"
                f" or datetime_fits({v})):",
                f"            t{i} = {v}",
                "        else:",
                "    " + fallback,
            ]
            text = f"t{i}"
        elif kind is Kind.DATE:
            classes.append((v, str))
            checks += [  # each date once per document (dc)
                f"    if {v} not in dc:",
                f"        if _plain_date({v}) is None and not is_date({v}):",
                "    " + fallback,
                f"        dc[{v}] = True",
            ]
        elif kind is Kind.INTEGER:
            classes.append((v, int))
        elif kind is Kind.BOOLEAN:
            checks += [
                f"    if {v} is True:",
                f"        t{i} = 'true'",
                f"    elif {v} is False:",
                f"        t{i} = 'false'",
                "    else:",
                fallback,
            ]
            text = f"t{i}"
        elif kind is Kind.OBJECT:
            classes.append((v, dict))
            checks += [f"    if not _is_json({v}, depth + 1):", "        raise _Decline"]
            segment.append(f"<{name}>")
            flush()
            emit.append(f"    emit_json(out, {v}, '$', depth + 1)")
            segment.append(f"</{name}>")
            continue
        elif kind is Kind.EMBEDDED or kind is Kind.EMBEDDED_LIST:
            o, c = repr(f"<{name}>"), repr(f"</{name}>")
            flush()
            if kind is Kind.EMBEDDED:
                classes.append((v, dict))
                emit += ["    " + s for s in _child(p.target, o, c, v)]
            else:
                classes.append((v, list))
                checks += [f"    if not {v}:", fallback]
                emit += [f"    for x in {v}:", "        if x.__class__ is not dict:"]
                emit += ["            raise _Decline"]
                emit += ["        " + s for s in _child(p.target, o, c, "x")]
            continue
        segment.append(f"<{name}>{{{text}}}</{name}>")
    for i in unknown:
        if key[i].__class__ is str and d[key[i]].__class__ is str:
            # as _prop writes a plain str value under a str name
            consts[f"P{i}"] = _prop_tag(key[i]) + _S_OPEN
            classes += [(f"v{i}", str), (f"key[{i}]", str)]
            strs.append(f"v{i}")
            segment.append(f"{{P{i}}}{{v{i}}}{{_SP_CLOSE}}")
        else:
            flush()
            emit.append(f"    _prop(out, key[{i}], v{i}, depth)")
    segment.append("{c}")
    flush()
    if len(classes) == 1:
        v, cls = classes[0]
        lines += [f"    if {v}.__class__ is not {cls.__name__}:", fallback]
    elif classes:
        consts["CLASSES"] = tuple(cls for _, cls in classes)
        got = ", ".join(f"{v}.__class__" for v, _ in classes)
        lines += [f"    if ({got}) != CLASSES:", fallback]
    lines += checks
    if strs:
        # as they are if no character needs escaping: no "&<>", no control character but
        # TAB and LF (Latin-1 text: one bytes.translate), else (wider text) if printable
        joined = strs[0] if len(strs) == 1 else 'f"' + "".join(f"{{{x}}}" for x in strs) + '"'
        lines += [
            f"    s = {joined}",
            "    b = s.encode('latin-1', 'ignore')",
            "    if len(b) != len(s) or len(b.translate(None, _ESCAPE_BYTES)) != len(b):",
            f"        if not ({_plain('s')}):",
            "    " + fallback,
        ]
    if urls:
        # U collects the URLs of the document (checked at once: URLS_ANY); without U
        # (the document again, after that check failed) they are checked here
        lines.append("    if U is not None:")
        if len(urls) == 1 and not urls[0].startswith("*"):
            lines.append(f"        U.append({urls[0]})")
        else:
            lines.append(f"        U += ({', '.join(urls)},)")
        if any(u.startswith("*") for u in urls):
            lines += [
                "    else:",
                f"        u = [{', '.join(urls)}]",
                "        j = ' '.join(u)",
                "        if j.count(' ') != len(u) - 1 or URLS_ANY(j) is None:",
                "    " + fallback,
            ]
        else:
            consts["URLS"] = _URLS_N.get(len(urls)) or _urls_form(len(urls))
            joined = " ".join(f"{{{u}}}" for u in urls)
            test = f'URLS(f"{joined}")' if len(urls) > 1 else f"URLS({urls[0]})"
            lines += [f"    elif {test} is None:", fallback]
    if len(emit) == 1:
        lines.append(emit[0].replace("    A(", "    out.append(", 1))
    else:
        lines += ["    A = out.append", *emit]
    return "\n".join(lines) + "\n", consts


def _vendor_raw(
    out: list[str],
    o: str,
    c: str,
    d: dict[str, Any],
    depth: int,
    dc: dict[int, str],
    key: tuple[Any, ...],
    urls: list[str] | None,
) -> None:
    if depth >= MAX_DEPTH:
        raise _Decline
    out.append(o)
    for k, v in d.items():
        _prop(out, k, v, depth)
    out.append(c)


_SCOPE: dict[str, Any] = {
    **_common_names(),
    "_ESCAPE_BYTES": _ESCAPE_BYTES,
    "_Decline": _Decline,
    "_END": (_MISSING, None),
    "_SP_CLOSE": _SP_CLOSE,
    "_prop": _prop,
    "_is_json": _is_json,
    "_dt_text": _dt_text,
    "_orjson_dumps": _orjson_dumps,
    "OMIT": _OMIT_MICROSECONDS,
    "TZ": _TZ_FITS,
    "URLS_ANY": _URLS_ANY,
    "datetime": datetime,
}
"""Names the generated fast-path emitters use; per type also its general emitters
(``smit_``/``pmit_``), its table of layout emitters (``L_``, :data:`_LAYOUTS`) and the
function making them (``M_``)."""

_LAYOUTS: dict[str, dict[tuple[Any, ...], Any]] = {t: {} for t in SPEC}
"""Layout emitters by type name and key tuple."""


def _make_layout(tname: str, key: tuple[Any, ...], d: Mapping[Any, Any]) -> Any:
    """The emitter for dicts of type ``tname`` with keys ``key`` such as ``d`` (generated and
    remembered in :data:`_LAYOUTS`; ``smit_<tname>`` once there are :data:`_MAX_LAYOUTS`)."""
    table = _LAYOUTS[tname]
    general = _SCOPE[f"smit_{tname}"]
    if len(table) >= _MAX_LAYOUTS:
        return general
    made = _layout_source(tname, key, d)
    if made is None:
        fn = general
    else:
        source, consts = made
        env = dict(_SCOPE, **consts)
        exec(compile(source, f"<kommunalrecht.oparl xml layout {tname}>", "exec"), env)
        fn = env["lay"]
    table[key] = fn
    return fn


def _build_general_emitters() -> None:
    for tname in SPEC:
        _SCOPE[f"L_{tname}"] = _LAYOUTS[tname]
        _SCOPE[f"M_{tname}"] = partial(_make_layout, tname)
    for tname, ts in SPEC.items():
        env = dict(_SCOPE, BY_NAME=frozenset(ts.by_name))
        for walk in (False, True):
            source = _general_source(tname, walk)
            exec(compile(source, f"<kommunalrecht.oparl xml emitter {tname}>", "exec"), env)
        _SCOPE[f"pmit_{tname}"] = env[f"pmit_{tname}"]
        _SCOPE[f"smit_{tname}"] = env[f"smit_{tname}"]
    # the emitters call each other by name: bind all names in each one's scope
    for tname in SPEC:
        _SCOPE[f"smit_{tname}"].__globals__.update(_SCOPE)


_build_general_emitters()


def _tags(t: str, attrs: str) -> tuple[str, str]:
    name = f"{_X}:{t}" if t not in SPEC else t  # a vendor type: ext:<name>
    return f"<{name}{attrs}>", f"</{name}>"


_TAGS: dict[bool, dict[str, tuple[str, str]]] = {
    root: {t: _tags(t, ROOT_ATTRS if root else "") for t in [*SPEC, *VENDOR_ELEMENTS.values()]}
    for root in (True, False)
}
"""Start and end tag of each object element, as root (with :data:`ROOT_ATTRS`) or not."""


def emit_model_document(
    d: dict[str, Any], expect: str | None = None, head: str = "", depth: int = 0
) -> str | None:
    """``head`` + :func:`emit_document` of ``to_dict(obj)`` for ``d = to_dict_raw(obj)`` of a
    model object (:meth:`~kommunalrecht.oparl._codec.OParlConverter.to_dict_raw`), or
    ``None`` where this fast path declines (then call :func:`emit_document` with
    ``to_dict(obj)``). With ``depth`` 1 the object element of a list page instead (as
    written by :func:`emit_object` with that depth: without namespace declarations).

    >>> import datetime as dt
    >>> t = dt.datetime(2021, 11, 4, 9, 0, tzinfo=dt.timezone.utc)
    >>> emit_model_document({"type": "https://schema.oparl.org/1.1/File", "created": t}, depth=1)
    '<File><type>https://schema.oparl.org/1.1/File</type><created>2021-11-04T09:00:00+00:00</created></File>'
    >>> emit_model_document({"type": "https://schema.oparl.org/1.1/File", "x:y": t}) is None
    True
    """
    if d.__class__ is not dict or is_page(d):
        return None
    t = object_type(d, expect)
    if t is None:
        return None
    o, c = _TAGS[depth == 0][t]
    key = tuple(d)
    try:
        if t not in SPEC:
            out = [head]
            _vendor_raw(out, o, c, d, depth, {}, key, None)
            return "".join(out)
        emit = _LAYOUTS[t].get(key) or _make_layout(t, key, d)
        urls: list[str] = []
        out = [head]
        emit(out, o, c, d, depth, {}, key, urls)
        if urls and not _urls_fit(urls):  # one needs more: write again, checking each
            out = [head]
            emit(out, o, c, d, depth, {}, key, None)
    except Exception:  # _Decline, ParseError, or a key's __eq__ …: the general path decides
        return None
    return "".join(out)
