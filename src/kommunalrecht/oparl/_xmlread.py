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
import threading
from collections.abc import Callable, Iterator
from functools import cache
from typing import IO, Any

from lxml import etree

from kommunalrecht._ext import load_extension
from kommunalrecht.errors import ParseError
from kommunalrecht.oparl._spec import LIST_LINKS, LIST_PAGINATION, SPEC, Kind
from kommunalrecht.oparl._xmlmap import (
    EXT_NS,
    LIST_ELEMENT,
    NS,
    URI_TEXT,
    VENDOR_ELEMENTS,
    unescape_text,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "element_to_dict",
    "iter_elements",
    "make_parser",
    "parse_bytes",
    "read_canonical",
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
# canonical documents: a fast path without an element tree
#
# read_canonical() reads documents in the form the writer produces — no comments, processing
# instructions, CDATA sections, character references other than &#9; &#10; &#13;, attributes
# other than the root's and ext:property's name; typed values in lexical forms that are a
# subset of their XSD types; elements in schema order — with regular expressions generated
# from the spec tables (one per run of leaf properties of a type) and generated Python that
# builds the dict. Every such document is well-formed, valid against the shipped XSD and
# reads (element_to_dict) as exactly that dict; for anything else it returns None and the
# caller takes the lxml path, which decides and reports. The tests compare both paths.
#
# With the optional C helpers, kommunalrecht._xmlspeed (see its header) reads the same
# documents as the same dicts, about four times faster, driven by tables generated below from
# the same spec tables (_xmlspeed_tables); _read_py is the pure-Python reader used without
# it. tests/oparl/test_xml_cspeed.py runs both and requires identical results.

_FAST_MAX_BYTES = 8_000_000  # far below libxml2's limits without huge_tree (10 MB per text)
_WS = "[ \\t\\n]*+"
_TEXT = "[^<]*+"  # "&" and "]]>" are checked for the whole document
_INT = "-?(?:0|[1-9][0-9]{0,17})"
_MONTH_DAY = (
    "(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)"
    "|(?:0[13578]|1[02])-31)"
)
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
_DATE = f"(?!0000)(?:[0-9]{{4}}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)"
_DATETIME = (
    f"{_DATE}T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9][+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00)"
)
# the common URL shape first (a subset of URI_TEXT, much cheaper to match), then URI_TEXT;
# a value ends before "<" (in the document) or "\n" (in the joined values, see _all_match)
_URL = f"(?:https?://[-.0-9A-Za-z]++(?:/[-./0-9A-Z_a-z~]*+)?(?![^<\n])|{URI_TEXT})"
_VALUE: dict[Kind, str] = {
    Kind.STRING: _TEXT,
    Kind.STRING_LIST: _TEXT,
    Kind.URL: _URL,
    Kind.URL_LIST: _URL,
    Kind.EXTERNAL_LIST: _URL,
    Kind.DATE: _DATE,
    Kind.DATETIME: _DATETIME,
    Kind.INTEGER: _INT,
    Kind.BOOLEAN: "(?:true|false)",
}  # Kind.OBJECT (generic JSON) has no canonical form: such documents take the lxml path

# URLs and date-times are many and their patterns long: the element patterns take any text
# for them and the reader collects them (U, W), checked at the end, each kind in one call
_DEFERRED = {Kind.URL: "U", Kind.URL_LIST: "U", Kind.EXTERNAL_LIST: "U", Kind.DATETIME: "W"}


def _all_match(pattern: str) -> Any:
    """``check(values)``: whether every string in ``values`` fully matches ``pattern`` (which
    never matches a newline), in one regular-expression call over the joined values."""
    joined_fullmatch = re.compile(f"(?:{pattern}\n)*+{pattern}").fullmatch

    def check(values: list[str]) -> bool:
        joined = "\n".join(values)
        return joined.count("\n") == len(values) - 1 and joined_fullmatch(joined) is not None

    return check


_SIMPLE_URLS_OK = _all_match("https?://[-.0-9A-Za-z][-./0-9A-Z_a-z~]*+")  # ⊂ URI_TEXT
_ALL_URLS_OK = _all_match(_URL)
_DATETIMES_OK = _all_match(_DATETIME)
_PROP_NAME = "[A-Za-z0-9_.:-]++"
_PROP = (
    f'<ext:property name="{_PROP_NAME}">{_WS}<ext:(?:string>{_TEXT}</ext:string'
    f"|integer>{_INT}</ext:integer|boolean>(?:true|false)</ext:boolean)>{_WS}</ext:property>{_WS}"
)
_PROPS = re.compile(
    f'<ext:property name="([^"]*)">{_WS}<ext:(string|integer|boolean)>([^<]*)<'
).findall
_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
_ROOT_ATTRIBUTES = f' xmlns="{NS}" xmlns:ext="{EXT_NS}" version="1.1">'
_HEAD = re.compile(
    f"(?:{re.escape(_DECLARATION)})?{_WS}<([A-Z][A-Za-z]*){re.escape(_ROOT_ATTRIBUTES)}{_WS}"
)
_BAD_REF = re.compile("&(?!(?:amp|lt|gt|quot|apos|#9|#10|#13);)").search
# bytes XML 1.0 excludes (C0 controls but TAB and LF) and CR (line-end normalisation)
_LEGAL_BYTES = bytes(b for b in range(256) if b >= 0x20 or b in (0x09, 0x0A))


class _Decline(Exception):
    """Not in the canonical form (the lxml path decides)."""


def _t(v: str) -> str:
    """Character data with its (pre-checked) entity and character references resolved."""
    if "&" not in v:
        return v
    for ref, ch in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"),
                    ("&#9;", "\t"), ("&#10;", "\n"), ("&#13;", "\r"), ("&amp;", "&")):  # fmt: skip
        v = v.replace(ref, ch)
    return v


def _props(d: dict[str, Any], run: str, amp: bool) -> None:
    for name, kind, value in _PROPS(run):
        if name in d:
            raise _Decline
        if kind == "string":
            d[name] = _t(value) if amp else value
        elif kind == "integer":
            d[name] = int(value)
        else:
            d[name] = value == "true"


class _Gen:
    """Generates the fast readers: per OParl type, ``_r_<type>(text, pos)`` returns the dict
    of the object whose content starts at ``pos`` and the position after that content;
    ``_r_<type>__<tag>`` reads an item of an embedded list ``<tag>`` and also its closing
    tag and the next item's opening tag (the third value: ``None`` after the last item).
    ``_ra_…``: the same for documents with references ``&…;``, which they resolve.

    The content is matched by few regular expressions: each covers a run of properties in
    schema order (every element optional, leaf values in their canonical forms, single
    embedded objects inline with their own groups); a run ends where an embedded list
    starts. Generated straight-line code turns the match groups into the dict."""

    def __init__(self) -> None:
        self.ns: dict[str, Any] = {"_Decline": _Decline, "_t": _t, "_props": _props}
        self.patterns: dict[str, str] = {}

    def pattern(self, source: str, method: str = "match") -> str:
        """The name under which the compiled ``source``'s ``method`` is in the namespace."""
        key = f"{method}:{source}"
        if key not in self.patterns:
            name = f"_P{len(self.patterns)}"
            self.ns[name] = getattr(re.compile(source), method)
            self.patterns[key] = name
        return self.patterns[key]

    def value(self, kind: Kind, tag: str, amp: bool) -> str:
        """Expression of the value of ``kind`` from its match group ``v``."""
        if kind is Kind.INTEGER:
            return "int(v)"
        if kind is Kind.BOOLEAN:
            return "v == 'true'"
        if kind in (Kind.DATE, Kind.DATETIME):
            return "v"
        if kind.is_array:
            fa = self.pattern(f"<{tag}>([^<]*)</{tag}>", "findall")
            return f"[_t(x) for x in {fa}(v)]" if amp else f"{fa}(v)"
        return "_t(v)" if amp else "v"

    def inline(self, props: list[Any], last: bool, amp: bool, ind: str, var: str,
               out: list[str], base: int) -> tuple[str, int]:  # fmt: skip
        """Pattern of the leaf and single embedded properties ``props`` (and of the
        ext:property run if ``last``); appends the code that fills ``var`` from the match
        groups ``g[base:]`` to ``out``; returns the pattern and its number of groups."""
        parts: list[str] = []
        k = base
        for p in props:
            n = p.name
            if p.kind is Kind.EMBEDDED:
                sub = [q for q in SPEC[p.target].props if q.kind is not Kind.OBJECT]
                if any(q.kind.is_embedded for q in sub):  # pragma: no cover - not in OParl 1.1
                    raise AssertionError(f"{p.target} embedded in an embedded object")
                e = f"e{k}"
                code: list[str] = []
                pat, ng = self.inline(sub, True, amp, ind + "    ", e, code, k + 1)
                out += [f"{ind}if g[{k}] is not None:", f"{ind}    {e} = {{}}", *code,
                        f"{ind}    {var}[{n!r}] = {e}"]  # fmt: skip
                parts.append(f"(?:(<{n}>){_WS}{pat}</{n}>{_WS})?+")
                k += 1 + ng
                continue
            into = _DEFERRED.get(p.kind)
            value = _TEXT if into else _VALUE[p.kind]
            if p.kind.is_array:
                parts.append(f"((?:<{n}>{value}</{n}>{_WS})++)?")
            else:
                parts.append(f"(?:<{n}>({value})</{n}>{_WS})?+")
            out.append(f"{ind}if (v := g[{k}]) is not None:")
            if into and p.kind.is_array:
                fa = self.pattern(f"<{n}>([^<]*)</{n}>", "findall")
                out += [f"{ind}    v = {fa}(v)", f"{ind}    {into} += v",
                        f"{ind}    {var}[{n!r}] = {'[_t(x) for x in v]' if amp else 'v'}"]  # fmt: skip
            elif into:
                out += [f"{ind}    {into}.append(v)",
                        f"{ind}    {var}[{n!r}] = {self.value(p.kind, n, amp)}"]  # fmt: skip
            else:
                out.append(f"{ind}    {var}[{n!r}] = {self.value(p.kind, n, amp)}")
            k += 1
        if last:
            # the common case, one string property, read from its groups; then any others
            parts.append(
                f'(?:<ext:property name="({_PROP_NAME})">{_WS}<ext:string>({_TEXT})</ext:string>'
                f"{_WS}</ext:property>{_WS})?+((?:{_PROP})++)?"
            )
            text = f"_t(g[{k + 1}])" if amp else f"g[{k + 1}]"
            out += [
                f"{ind}if (v := g[{k}]) is not None:",
                f"{ind}    if v in {var}:",
                f"{ind}        raise _Decline",
                f"{ind}    {var}[v] = {text}",
                f"{ind}if (v := g[{k + 2}]) is not None:",
                f"{ind}    _props({var}, v, {amp})",
            ]
            k += 3
        return "".join(parts), k - base

    def reader(self, tname: str, amp: bool, tag: str | None = None) -> str:
        """Source of the reader of ``tname`` objects (of the items of list ``tag``)."""
        r = "_ra_" if amp else "_r_"
        name = f"{r}{tname}" if tag is None else f"{r}{tname}__{tag}"
        props = [p for p in SPEC[tname].props if p.kind is not Kind.OBJECT]
        lines = [f"def {name}(text, pos, U, W):", "    d = {}"]
        runs: list[tuple[list[Any], Any]] = []  # (leaf/single props, the list that follows)
        run: list[Any] = []
        for p in props:
            if p.kind is Kind.EMBEDDED_LIST:
                runs.append((run, p))
                run = []
            else:
                run.append(p)
        runs.append((run, None))
        for run, lst in runs:
            code: list[str] = []
            pat, ng = self.inline(run, lst is None, amp, "    ", "d", code, 0)
            if lst is not None:
                pat += f"(<{lst.name}>{_WS})?"
            elif tag is not None:  # the item's closing tag, the next item's opening tag
                pat += f"</{tag}>{_WS}(<{tag}>{_WS})?"
            seg = self.pattern(pat)
            lines += [f"    m = {seg}(text, pos)"]
            if lst is None and tag is not None:
                lines += ["    if m is None:", "        raise _Decline"]
            lines += ["    pos = m.end()", "    g = m.groups()", *code]
            if lst is None:
                continue
            item = f"{r}{lst.target}__{lst.name}"
            lines += [
                f"    if g[{ng}] is not None:",
                "        items = []",
                "        more = True",
                "        while more is not None:",
                f"            x, pos, more = {item}(text, pos, U, W)",
                "            items.append(x)",
                f"        d[{lst.name!r}] = items",
            ]
        lines.append("    return d, pos" if tag is None else f"    return d, pos, g[{ng}]")
        return "\n".join(lines)


_GEN: _Gen | None = None
_LOCK = threading.Lock()


@cache
def _reader(tname: str) -> tuple[Any, Any, Any]:
    """The generated readers of root ``tname`` (without, with references) and the pattern of
    its closing tag; built on first use, with the readers of the lists it holds."""
    global _GEN
    with _LOCK:
        if _GEN is None:
            _GEN = _Gen()
        gen = _GEN
        todo: list[tuple[str, str | None]] = [(tname, None)]
        sources = []
        while todo:
            t, tag = todo.pop()
            name = f"_r_{t}" if tag is None else f"_r_{t}__{tag}"
            if name in gen.ns:
                continue
            sources += [gen.reader(t, amp, tag) for amp in (False, True)]
            gen.ns[name] = None  # claimed: its source is in this batch
            todo += [(p.target or "", p.name) for p in SPEC[t].props
                     if p.kind is Kind.EMBEDDED_LIST]  # fmt: skip
        if sources:
            exec(compile("\n\n".join(sources), "<kommunalrecht.oparl XML fast reader>", "exec"),
                 gen.ns)  # fmt: skip
    return gen.ns[f"_r_{tname}"], gen.ns[f"_ra_{tname}"], re.compile(f"</{tname}>{_WS}").fullmatch


def read_canonical(
    data: bytes | bytearray | memoryview | str, max_bytes: int | None = None
) -> tuple[str, dict[str, Any]] | None:
    """``(type name, dict)`` of an OParl object document in the canonical form, else ``None``.

    For every document it reads, :func:`parse_bytes` (with ``max_bytes``) succeeds, the root
    has ``version="1.1"``, the document is valid against the shipped XSD and
    :func:`element_to_dict` returns an equal dict (same key order); ``None`` says nothing
    (list pages, generic JSON values other than strings, integers and booleans, comments,
    character references other than ``&#9;``, ``&#10;``, ``&#13;`` … take the lxml path).

    >>> read_canonical(b'<File xmlns="urn:kommunalrecht:oparl:1.1" '
    ...     b'xmlns:ext="urn:kommunalrecht:oparl:1.1:ext" version="1.1"><name>A &amp; B</name>'
    ...     b'<size>3</size></File>')
    ('File', {'name': 'A & B', 'size': 3})
    >>> read_canonical(b'<File xmlns="urn:kommunalrecht:oparl:1.1" '
    ...     b'xmlns:ext="urn:kommunalrecht:oparl:1.1:ext" version="1.1"><size>03</size></File>')
    """
    if isinstance(data, str):
        try:
            raw = data.encode("utf-8")
        except UnicodeEncodeError:
            return None
    else:
        raw = data if data.__class__ is bytes else bytes(data)
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    if len(raw) > min(limit, _FAST_MAX_BYTES):
        return None
    return _read(raw)


def _read_py(raw: bytes) -> tuple[str, dict[str, Any]] | None:
    """:func:`read_canonical` of ``raw`` (within the size limit) by the generated regular
    expressions (the pure-Python reader)."""
    if raw.translate(None, _LEGAL_BYTES):
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    # U+FFFE, U+FFFF are no XML characters; "]]>" may not occur in character data (the
    # one-character searches first: they are much faster than a search for a string)
    if "\ufffe" in text or "\uffff" in text or ("]" in text and "]]>" in text):
        return None
    amp = "&" in text
    if amp and _BAD_REF(text) is not None:
        return None
    m = _HEAD.match(text)
    if m is None:
        return None
    tname = m.group(1)
    if tname not in SPEC:
        return None
    entry = _reader(tname)
    urls: list[str] = []
    datetimes: list[str] = []
    try:
        d, pos = entry[amp](text, m.end(), urls, datetimes)
    except _Decline:
        return None
    if entry[2](text, pos) is None:
        return None
    if urls and not _SIMPLE_URLS_OK(urls) and not _ALL_URLS_OK(urls):
        return None
    if datetimes and not _DATETIMES_OK(list(set(datetimes))):  # they repeat
        return None
    return tname, d


# The C twin of _read_py (kommunalrecht._xmlspeed, optional; see its header): the same
# documents, the same dicts, driven by tables generated here from the spec tables. It hands
# back the URLs that are not of the simple form, checked here as _read_py checks them.

_XMLSPEED_FORMAT = 1
_XMLSPEED_CODES: dict[Kind, int] = {
    Kind.STRING: 0,
    Kind.URL: 1,
    Kind.EXTERNAL_LIST: 1,
    Kind.DATE: 2,
    Kind.DATETIME: 3,
    Kind.INTEGER: 4,
    Kind.BOOLEAN: 5,
    Kind.EMBEDDED: 6,
    Kind.EMBEDDED_LIST: 7,
    Kind.URL_LIST: 8,
    Kind.STRING_LIST: 9,
}  # Kind.OBJECT (generic JSON) has no canonical form: left out, such elements are declined


def _xmlspeed_tables() -> list[tuple[str, list[tuple[str, int, int]]]]:
    """The C reader's tables: per OParl type its property elements in schema order as
    ``(name, code, index of the target type or -1)``."""
    index = {t: i for i, t in enumerate(SPEC)}

    def target(p: Any) -> int:
        return index[p.target] if p.kind.is_embedded else -1

    return [
        (
            t,
            [
                (p.name, _XMLSPEED_CODES[p.kind], target(p))
                for p in ts.props
                if p.kind is not Kind.OBJECT
            ],
        )
        for t, ts in SPEC.items()
    ]


def _load_xmlspeed() -> Any:
    """``read(bytes)`` of the C reader, or ``None`` when ``kommunalrecht._xmlspeed`` is not
    built (or is a stale build of another table format) or ``KOMMUNALRECHT_NO_EXT`` is set."""
    module = load_extension("_xmlspeed", "Reader")
    if module is None or getattr(module, "FORMAT", None) != _XMLSPEED_FORMAT:
        return None
    return module.Reader(_xmlspeed_tables(), _DECLARATION, _ROOT_ATTRIBUTES).read


_Read = Callable[[bytes], "tuple[str, dict[str, Any]] | None"]


def _c_reader(read: Any) -> _Read:
    """:func:`_read_py`'s twin over the C reader's ``read``."""

    def _read_c(raw: bytes) -> tuple[str, dict[str, Any]] | None:
        got = read(raw)
        if got is None:
            return None
        tname, d, odd = got
        if odd is not None and not _ALL_URLS_OK(odd):
            return None
        return tname, d

    return _read_c


_XMLSPEED_READ = _load_xmlspeed()
_read_c: _Read | None = None if _XMLSPEED_READ is None else _c_reader(_XMLSPEED_READ)
_read: _Read = _read_py if _read_c is None else _read_c


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
