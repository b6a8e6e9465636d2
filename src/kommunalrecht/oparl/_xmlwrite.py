"""Writer of the OParl XML form: OParl 1.1 dicts → XML text, generated from the field tables.

For every OParl type the emitter table holds, in spec order (OParl 1.1 §3), the property
name, its :class:`~kommunalrecht.oparl._spec.Kind`, the embedded target type and the
pre-built start and end tags; one loop per object writes escaped strings directly (no lxml
element tree), which is what keeps XML encoding close to JSON encoding in speed. The output is
checked against the generated XSD in the tests.

>>> emit_document({"id": "https://x.example/m/1",
...                "type": "https://schema.oparl.org/1.1/Meeting", "cancelled": False})
'<Meeting xmlns="urn:kommunalrecht:oparl:1.1" xmlns:ext="urn:kommunalrecht:oparl:1.1:ext" \
version="1.1"><id>https://x.example/m/1</id><type>https://schema.oparl.org/1.1/Meeting</type>\
<cancelled>false</cancelled></Meeting>'
"""

from __future__ import annotations

import math
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
    escape_attr,
    escape_text,
    fits,
    object_type,
)

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

_STRING = Kind.STRING
_URL = Kind.URL
_EXT = Kind.EXTERNAL_LIST
_DATE = Kind.DATE
_DT = Kind.DATETIME
_INT = Kind.INTEGER
_BOOL = Kind.BOOLEAN
_OBJ = Kind.OBJECT
_SL = Kind.STRING_LIST
_UL = Kind.URL_LIST
_EMB = Kind.EMBEDDED
_EL = Kind.EMBEDDED_LIST

# per type: (name, kind, target, "<name>", "</name>", '<name ext:escaped="true">')
_Row = tuple[str, Kind, str, str, str, str]
_TABLES: dict[str, tuple[_Row, ...]] = {
    t: tuple(
        (p.name, p.kind, p.target or "", f"<{p.name}>", f"</{p.name}>", f"<{p.name}{_ESC_ATTR}>")
        for p in ts.props
    )
    for t, ts in SPEC.items()
}
# vendor object types: no typed properties, every member is an ext:property
_TABLES.update((v, ()) for v in VENDOR_ELEMENTS.values())
_BY_NAME: dict[str, Mapping[str, Any]] = {t: ts.by_name for t, ts in SPEC.items()}
_BY_NAME.update((v, {}) for v in VENDOR_ELEMENTS.values())
_VENDOR = frozenset(VENDOR_ELEMENTS.values())


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
    ``ext:property``.

    >>> out: list[str] = []
    >>> emit_object(out, "File", "resolutionFile", {"size": 12, "x:y": [None]}, "$")
    >>> "".join(out)
    '<resolutionFile><size>12</size><ext:property name="x:y"><ext:array><ext:null/></ext:array>\
</ext:property></resolutionFile>'
    """
    if depth >= MAX_DEPTH:
        raise ParseError(f"objects nested at most {MAX_DEPTH} deep", "deeper nesting", path=path)
    if tname in _VENDOR:
        tag = f"{_X}:{tag}"
    out.append(f"<{tag}>")
    generic: list[str] | None = None
    seen = 0
    for name, kind, target, o, c, oe in _TABLES[tname]:
        v = d.get(name, _MISSING)
        if v is _MISSING:
            continue
        seen += 1
        cls = v.__class__
        if kind is _STRING:
            if cls is str:
                _text(out, o, oe, c, v)
                continue
        elif kind is _URL or kind is _EXT or kind is _DATE or kind is _DT:
            if fits(kind, v):
                out.append(o + _url(v) + c)
                continue
        elif kind is _INT:
            if cls is int:
                out.append(f"{o}{v}{c}")
                continue
        elif kind is _BOOL:
            if cls is bool:
                out.append(o + ("true" if v else "false") + c)
                continue
        elif kind is _EL:
            if cls is list and v and all(x.__class__ is dict for x in v):
                for i, item in enumerate(v):
                    emit_object(out, target, name, item, f"{path}.{name}[{i}]", depth + 1)
                continue
        elif kind is _EMB:
            if cls is dict:
                emit_object(out, target, name, v, f"{path}.{name}", depth + 1)
                continue
        elif kind is _SL:
            if cls is list and v and all(x.__class__ is str for x in v):
                for item in v:
                    _text(out, o, oe, c, item)
                continue
        elif kind is _UL:
            if fits(kind, v):
                for item in v:
                    out.append(o + _url(item) + c)
                continue
        elif kind is _OBJ and cls is dict:
            out.append(o)
            emit_json(out, v, f"{path}.{name}", depth + 1)
            out.append(c)
            continue
        if generic is None:
            generic = []
        generic.append(name)
    if generic is not None:
        for name in generic:
            _named(out, "property", name, d[name], f"{path}.{name}", depth)
    if seen < len(d):
        table = _BY_NAME[tname]
        for k, v in d.items():
            if k not in table:
                _named(out, "property", k, v, f"{path}.{k}", depth)
    out.append(f"</{tag.partition(' ')[0]}>")


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
