"""Writer of the OParl XML form: OParl 1.1 dicts → XML text, generated from the field tables.

For every OParl type one emitter function is generated from the field table at import
(:func:`_emitter_source`): it writes the properties in spec order (OParl 1.1 §3) with
pre-built start and end tags and the typed-form check of each property's
:class:`~kommunalrecht.oparl._spec.Kind` inlined (``uri_fits``, ``datetime_fits`` … — one
regular expression each, so every value the XSD cannot hold still takes the ``ext:property``
fallback), and appends escaped strings directly (no lxml element tree), which is what keeps
XML encoding close to JSON encoding in speed. The output is checked against the generated XSD
in the tests.

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
from typing import Any

from kommunalrecht.errors import ParseError
from kommunalrecht.oparl._spec import LIST_LINKS, LIST_PAGINATION, SPEC, Kind
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

__all__ = ["MAX_DEPTH", "ROOT_ATTRS", "emit_document", "emit_object", "is_page"]

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


def _build_emitters() -> dict[str, Any]:
    names: dict[str, Any] = {
        "MAX_DEPTH": MAX_DEPTH,
        "ParseError": ParseError,
        "_MISSING": _MISSING,
        "_text": _text,
        "_url": _url,
        "_named": _named,
        "emit_json": emit_json,
        "uri_fits": uri_fits,
        "datetime_fits": datetime_fits,
        "is_date": is_date,
        "_plain_url": _plain_url,
        "_plain_date": _plain_date,
        "_plain_datetime": _plain_datetime,
    }
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
