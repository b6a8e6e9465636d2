"""Hardened reader of the OParl XML form: XML → OParl 1.1 dicts (in memory and streaming).

Parsing is hardened against the classic XML attacks (OWASP XML Security Cheat Sheet;
CWE-611 XXE, CWE-776 entity expansion):

* input must be UTF-8 (the only encoding the writer produces) and must not contain a
  document type declaration: ``<!DOCTYPE`` / ``<!ENTITY`` are rejected *before* parsing, so no
  entity is ever declared, expanded or fetched and no DTD is loaded;
* the lxml parser itself is configured defensively as a second line: ``resolve_entities=False``,
  ``load_dtd=False``, ``no_network=True``, ``huge_tree=False`` (libxml2 limits: 256 levels of
  nesting, 10 MB per text node), comments and processing instructions dropped;
* a size limit (``max_bytes``) for in-memory parsing; streaming keeps memory bounded by
  clearing every object after it has been converted.

The mapping itself (which element is which property) comes from the tables built in
:mod:`._xmlmap` / :mod:`._spec`; the reader never trusts the document for anything else.

>>> xml = (b'<Meeting xmlns="urn:kommunalrecht:oparl:1.1" version="1.1">'
...        b'<id>https://x.example/m/1</id><cancelled>true</cancelled></Meeting>')
>>> element_to_dict(parse_bytes(xml))
{'id': 'https://x.example/m/1', 'cancelled': True}
>>> parse_bytes(b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
Traceback (most recent call last):
...
kommunalrecht.errors.ParseError: at /: expected XML without a document type declaration \
(DTDs and entities are not allowed), got '<!DOCTYPE'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO, Any

from lxml import etree

from kommunalrecht.errors import ParseError
from kommunalrecht.oparl._spec import LIST_LINKS, LIST_PAGINATION, SPEC, Kind
from kommunalrecht.oparl._xmlmap import EXT_NS, LIST_ELEMENT, NS, VENDOR_ELEMENTS, unescape_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "element_to_dict",
    "iter_elements",
    "make_parser",
    "parse_bytes",
    "xpath",
]

DEFAULT_MAX_BYTES = 512 * 1024 * 1024
"""Largest document :func:`parse_bytes` accepts by default (512 MiB); stream bigger files."""

_CHUNK = 1 << 16


class _DenyResolver(etree.Resolver):
    """Answers every request for an external resource (DTD, entity) with empty text.

    libxml2 still opens an external subset or parameter entity with ``load_dtd=False``; with
    this resolver installed nothing outside the document is ever read.
    """

    def resolve(self, system_url: str, public_id: str, context: Any) -> Any:  # type: ignore[override]
        return self.resolve_string("", context)  # type: ignore[call-arg]


_HARDENED: dict[str, Any] = {
    "resolve_entities": False,
    "load_dtd": False,
    "dtd_validation": False,
    "no_network": True,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
    "collect_ids": False,
}


def make_parser() -> etree.XMLParser:
    """A new hardened lxml parser (see the module docstring for the settings).

    >>> p = make_parser()
    >>> etree.fromstring(b"<a>x</a>", p).text
    'x'
    """
    parser = etree.XMLParser(strip_cdata=True, **_HARDENED)
    parser.resolvers.add(_DenyResolver())
    return parser


_PARSER = make_parser()
_FORBIDDEN = (b"<!DOCTYPE", b"<!ENTITY")
_DECL = re.compile(rb"^<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_UTF8 = frozenset({"utf-8", "utf8", "us-ascii", "ascii"})


def _check_head(head: bytes) -> None:
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00", b"\x4c\x6f\xa7\x94")) or (
        len(head) > 1 and head[1] == 0
    ):
        raise ParseError("UTF-8 encoded XML", head[:4], path="/")
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    m = _DECL.match(head)
    if m is not None and m.group(1).decode("ascii").lower() not in _UTF8:
        raise ParseError("UTF-8 encoded XML", m.group(1).decode("ascii"), path="/")


def _check_forbidden(chunk: bytes) -> None:
    for token in _FORBIDDEN:
        if token in chunk:
            raise ParseError(
                "XML without a document type declaration (DTDs and entities are not allowed)",
                token.decode("ascii"),
                path="/",
            )


def _syntax_error(exc: etree.XMLSyntaxError) -> ParseError:
    line = getattr(exc, "lineno", None) or (exc.position[0] if exc.position else 0)
    msg = exc.msg or str(exc)
    return ParseError("well-formed XML", msg, path=f"/ (line {line})")


def parse_bytes(data: bytes | bytearray | memoryview | str, *, max_bytes: int | None = None) -> Any:
    """Parse a whole XML document with the hardened parser; return the root element.

    ``str`` input is encoded as UTF-8 first. Raises
    :class:`~kommunalrecht.errors.ParseError` for anything that is not well-formed, not UTF-8,
    larger than ``max_bytes`` (default :data:`DEFAULT_MAX_BYTES`) or declares a DTD.

    >>> parse_bytes("<a>ü</a>").text
    'ü'
    >>> parse_bytes(b"<a>", max_bytes=10)
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.ParseError: at / (line 1): expected well-formed XML, got ...
    """
    if isinstance(data, str):
        try:
            raw = data.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ParseError("text encodable as UTF-8", exc.object[exc.start : exc.end]) from None
        if raw.startswith(b"<?xml"):
            raw = re.sub(rb"^<\?xml[^>]*\?>", b"", raw, count=1)
    else:
        raw = bytes(data)
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    if len(raw) > limit:
        raise ParseError(f"an XML document of at most {limit} bytes", f"{len(raw)} bytes")
    _check_head(raw[:256])
    _check_forbidden(raw)
    try:
        root = etree.fromstring(raw, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc) from None
    if root is None:
        raise ParseError("an XML document", "nothing", path="/")
    info: Any = root.getroottree().docinfo
    if info.doctype:  # pragma: no cover - the pre-scan rejects first
        raise ParseError("XML without a document type declaration", "a DTD", path="/")
    return root


# ---------------------------------------------------------------------------------------
# element → dict

_N = "{" + NS + "}"
_E = "{" + EXT_NS + "}"
_PROPERTY = _E + "property"
_MEMBER = _E + "member"
_ESCAPED = _E + "escaped"
_NAME_ESCAPED = _E + "nameEscaped"
_LIST = _N + LIST_ELEMENT

_READ: dict[str, dict[str, tuple[str, Kind, str]]] = {
    t: {_N + p.name: (p.name, p.kind, p.target or "") for p in ts.props} for t, ts in SPEC.items()
}
# vendor object types (ext:Dringlichkeitsentscheidung): only ext:property children
_READ.update((v, {}) for v in VENDOR_ELEMENTS.values())
_ROOTS: dict[str, str] = {_N + t: t for t in SPEC}
_ROOTS.update((_E + v, v) for v in VENDOR_ELEMENTS.values())
_PAGE_PARTS: dict[str, tuple[tuple[str, ...], Kind]] = {
    _N + "pagination": (LIST_PAGINATION, Kind.INTEGER),
    _N + "links": (LIST_LINKS, Kind.URL),
}
_BOOLS = {"true": True, "1": True, "false": False, "0": False}
_MAX_DEPTH = 256


def xpath(el: Any) -> str:
    """An XPath-like location of ``el``: local names, 1-based positions among equal siblings.

    >>> root = etree.fromstring(b'<a xmlns="urn:x"><b/><c/><b><d/></b></a>')
    >>> xpath(root[2][0])
    '/a/b[2]/d'
    """
    steps: list[str] = []
    while el is not None:
        name = etree.QName(el).localname
        parent = el.getparent()
        if parent is not None:
            same = [s for s in parent if s.tag == el.tag]
            if len(same) > 1:
                name += f"[{same.index(el) + 1}]"
        steps.append(name)
        el = parent
    return "/" + "/".join(reversed(steps))


def _bad(expected: str, found: Any, el: Any) -> ParseError:
    return ParseError(expected, found, path=xpath(el))


def _leaf(el: Any) -> str:
    if len(el):
        raise _bad(
            "an element with text only", f"child element <{etree.QName(el[0]).localname}>", el
        )
    text = el.text
    if text is None:
        return ""
    if el.get(_ESCAPED) in ("true", "1"):
        return unescape_text(text)
    return str(text)


def _int(el: Any) -> int:
    t = _leaf(el).strip()
    body = t[1:] if t[:1] in "+-" else t
    if not body or not body.isascii() or not body.isdigit():
        raise _bad("an xs:integer", t, el)
    return int(t)


def _bool(el: Any) -> bool:
    t = _leaf(el).strip()
    try:
        return _BOOLS[t]
    except KeyError:
        raise _bad("an xs:boolean (true/false)", t, el) from None


def _float(el: Any) -> float:
    t = _leaf(el).strip()
    if t in ("INF", "+INF"):
        return float("inf")
    if t == "-INF":
        return float("-inf")
    if t == "NaN":
        return float("nan")
    low = t.lower()
    if not t.isascii() or "inf" in low or "nan" in low or "_" in t:
        raise _bad("an xs:double", t, el)
    try:
        return float(t)
    except ValueError:
        raise _bad("an xs:double", t, el) from None


def _name(el: Any) -> str:
    name = el.get("name")
    if name is None:
        raise _bad("a name attribute", None, el)
    if el.get(_NAME_ESCAPED) in ("true", "1"):
        return unescape_text(name)
    return str(name)


def _only_child(el: Any) -> Any:
    if len(el) != 1:
        raise _bad("exactly one ext: value element", f"{len(el)} child elements", el)
    if el.text is not None and el.text.strip():
        raise _bad("no text beside the value element", el.text.strip(), el)
    return el[0]


def json_value(el: Any, depth: int = 0) -> Any:
    """The JSON value encoded by an ``ext:`` value element.

    >>> el = etree.fromstring(b'<ext:array xmlns:ext="urn:kommunalrecht:oparl:1.1:ext">'
    ...     b'<ext:integer>1</ext:integer><ext:null/><ext:object/></ext:array>')
    >>> json_value(el)
    [1, None, {}]
    """
    if depth > _MAX_DEPTH:  # pragma: no cover - libxml2 stops at 256 levels first
        raise _bad(f"nesting of at most {_MAX_DEPTH} levels", "deeper nesting", el)
    tag = el.tag
    if tag == _E + "string":
        return _leaf(el)
    if tag == _E + "integer":
        return _int(el)
    if tag == _E + "object":
        obj: dict[str, Any] = {}
        for m in el:
            if m.tag != _MEMBER:
                raise _bad("ext:member", etree.QName(m).localname, m)
            key = _name(m)
            if key in obj:
                raise _bad("distinct member names", key, m)
            obj[key] = json_value(_only_child(m), depth + 1)
        return obj
    if tag == _E + "array":
        return [json_value(c, depth + 1) for c in el]
    if tag == _E + "number":
        return _float(el)
    if tag == _E + "boolean":
        return _bool(el)
    if tag == _E + "null":
        if len(el) or (el.text is not None and el.text.strip()):
            raise _bad("an empty ext:null", "content", el)
        return None
    raise _bad(
        "an ext: value element (string, integer, number, boolean, null, array, object)",
        tag if isinstance(tag, str) else "non-element",
        el,
    )


def _set(d: dict[str, Any], name: str, value: Any, el: Any) -> None:
    if name in d:
        raise _bad(f"property {name!r} once", "a second occurrence", el)
    d[name] = value


# small integer codes for the reader's dispatch (enum hashing is slow in the hot loop)
_C_STR, _C_TRIM, _C_INT, _C_BOOL, _C_EMB, _C_OBJ, _C_EL, _C_UL, _C_SL = range(9)
_CODES: dict[Kind, int] = {
    Kind.STRING: _C_STR,
    Kind.URL: _C_TRIM,
    Kind.EXTERNAL_LIST: _C_TRIM,
    Kind.DATE: _C_TRIM,
    Kind.DATETIME: _C_TRIM,
    Kind.INTEGER: _C_INT,
    Kind.BOOLEAN: _C_BOOL,
    Kind.EMBEDDED: _C_EMB,
    Kind.OBJECT: _C_OBJ,
    Kind.EMBEDDED_LIST: _C_EL,
    Kind.URL_LIST: _C_UL,
    Kind.STRING_LIST: _C_SL,
}
_FAST: dict[str, dict[str, tuple[str, int, str]]] = {
    t: {tag: (name, _CODES[kind], target) for tag, (name, kind, target) in table.items()}
    for t, table in _READ.items()
}


def _twice(name: str, el: Any) -> ParseError:
    return _bad(f"property {name!r} once", "a second occurrence", el)


def object_to_dict(el: Any, tname: str, depth: int = 0) -> dict[str, Any]:
    """The OParl dict of element ``el`` that holds an object of type ``tname``."""
    if depth > _MAX_DEPTH:  # pragma: no cover - libxml2 stops at 256 levels first
        raise _bad(f"nesting of at most {_MAX_DEPTH} levels", "deeper nesting", el)
    table = _FAST[tname]
    d: dict[str, Any] = {}
    lists: set[str] | None = None
    text = el.text
    if text is not None and text.strip():
        raise _bad(f"only property elements in {tname}", text.strip()[:40], el)
    for child in el:
        entry = table.get(child.tag)
        if entry is None:
            if child.tag == _PROPERTY:
                _set(d, _name(child), json_value(_only_child(child), depth + 1), child)
                continue
            raise _bad(f"a property element of {tname}", etree.QName(child).text, child)
        name, code, target = entry
        if code <= _C_TRIM:  # text: the hot path, inlined
            if len(child):
                _leaf(child)  # raises the error for an element with child elements
            value = child.text
            if value is None:
                value = ""
            elif code == _C_TRIM:
                value = value.strip()
            elif child.get(_ESCAPED) is not None:
                value = _leaf(child)
            if name in d:
                raise _twice(name, child)
            d[name] = value
            continue
        if code == _C_INT:
            value = _int(child)
        elif code == _C_BOOL:
            value = _bool(child)
        elif code == _C_EMB:
            value = object_to_dict(child, target, depth + 1)
        elif code == _C_OBJ:
            value = json_value(_only_child(child), depth + 1)
        else:
            if code == _C_EL:
                item: Any = object_to_dict(child, target, depth + 1)
            elif code == _C_UL:
                item = _leaf(child).strip()
            else:
                item = _leaf(child)
            if lists is not None and name in lists:
                d[name].append(item)
                continue
            if lists is None:
                lists = set()
            lists.add(name)
            value = [item]
        if name in d:
            raise _twice(name, child)
        d[name] = value
    return d


def _page_to_dict(el: Any) -> dict[str, Any]:
    d: dict[str, Any] = {}
    for child in el:
        tag = child.tag
        if tag == _N + "data":
            items: list[Any] = []
            for item in child:
                t = _ROOTS.get(item.tag)
                items.append(object_to_dict(item, t, 1) if t else json_value(item, 1))
            _set(d, "data", items, child)
        elif tag in _PAGE_PARTS:
            names, kind = _PAGE_PARTS[tag]
            sub: dict[str, Any] = {}
            for part in child:
                local = part.tag[len(_N) :] if part.tag.startswith(_N) else None
                if part.tag == _PROPERTY:
                    _set(sub, _name(part), json_value(_only_child(part), 2), part)
                elif local in names:
                    _set(
                        sub,
                        local,
                        _int(part) if kind is Kind.INTEGER else _leaf(part).strip(),
                        part,
                    )
                else:
                    raise _bad(f"a member of {etree.QName(child).localname}", part.tag, part)
            _set(d, etree.QName(child).localname, sub, child)
        elif tag == _PROPERTY:
            _set(d, _name(child), json_value(_only_child(child), 1), child)
        else:
            raise _bad("data, pagination, links or ext:property", etree.QName(child).text, child)
    return d


def root_type(el: Any) -> str:
    """``"List"`` or the OParl type name of a root element (``ParseError`` otherwise)."""
    tag = el.tag
    if tag == _LIST:
        return LIST_ELEMENT
    t = _ROOTS.get(tag)
    if t is None:
        raise _bad(
            f"an OParl object element or {LIST_ELEMENT} in namespace {NS}",
            etree.QName(el).text if isinstance(tag, str) else tag,
            el,
        )
    return t


def element_to_dict(el: Any, expect: str | None = None) -> dict[str, Any]:
    """The OParl dict (object or list page) of a root element.

    ``expect`` (an OParl type name) makes a root of another type an error.

    >>> element_to_dict(parse_bytes(b'<List xmlns="urn:kommunalrecht:oparl:1.1"><data/></List>'))
    {'data': []}
    """
    t = root_type(el)
    if t == LIST_ELEMENT:
        return _page_to_dict(el)
    if expect is not None and expect != t:
        raise _bad(f"an element <{expect}>", t, el)
    return object_to_dict(el, t)


# ---------------------------------------------------------------------------------------
# streaming


def iter_elements(stream: IO[bytes], *, expect: str | None = None) -> Iterator[Any]:
    """Yield the OParl dicts of a document read incrementally from binary ``stream``.

    A root object yields itself; a ``List`` yields each element of ``data`` (pagination and
    links are skipped). Each object's subtree is cleared after conversion, so memory stays
    bounded by the largest single object. The same hardening as :func:`parse_bytes` applies.

    >>> import io
    >>> xml = (b'<List xmlns="urn:kommunalrecht:oparl:1.1"><data>'
    ...        b'<Paper><name>A</name></Paper><Paper><name>B</name></Paper></data></List>')
    >>> [d["name"] for d in iter_elements(io.BytesIO(xml))]
    ['A', 'B']
    """
    parser = etree.XMLPullParser(events=("start", "end"), **_HARDENED)
    parser.resolvers.add(_DenyResolver())
    first = True
    tail = b""
    depth = 0
    root_kind: str | None = None
    data_el: Any = None
    try:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            if first:
                _check_head(chunk[:256])
                first = False
            _check_forbidden(tail + chunk)
            tail = chunk[-16:]
            parser.feed(chunk)
            for event, node in parser.read_events():
                el: Any = node
                if event == "start":
                    depth += 1
                    if depth == 1:
                        root_kind = root_type(el)
                    elif depth == 2 and root_kind == LIST_ELEMENT and el.tag == _N + "data":
                        data_el = el
                    continue
                depth -= 1
                if depth == 0 and root_kind != LIST_ELEMENT and root_kind is not None:
                    if expect is not None and expect != root_kind:
                        raise _bad(f"an element <{expect}>", root_kind, el)
                    yield object_to_dict(el, root_kind)
                    el.clear()
                elif depth == 2 and data_el is not None and el.getparent() is data_el:
                    t = _ROOTS.get(el.tag)
                    if t is not None and expect is not None and expect != t:
                        raise _bad(f"an element <{expect}>", t, el)
                    yield object_to_dict(el, t, 1) if t else json_value(el, 1)
                    el.clear()
                    while el.getprevious() is not None:
                        del data_el[0]
        if first:
            raise ParseError("an XML document", "empty input", path="/")
        parser.close()
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc) from None
