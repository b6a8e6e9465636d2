"""The XML mapping of OParl 1.1 — tables derived from :mod:`kommunalrecht.oparl._spec`.

OParl 1.1 (§2.4) defines JSON only. kommunalrecht's XML form maps the same data model
one to one; this module holds what the writer (:mod:`._xmlwrite`), the reader
(:mod:`._xmlread`) and the XSD generator (:mod:`._xsdgen`) share, so that there is exactly one
mapping, computed from the OParl field tables:

* namespaces: OParl elements live in :data:`NS` (``urn:kommunalrecht:oparl:1.1``), the generic
  JSON encoding of vendor / unknown properties in :data:`EXT_NS`
  (``urn:kommunalrecht:oparl:1.1:ext``, prefix ``ext``);
* :data:`VENDOR_ELEMENTS`: this library's vendor object types (``Dringlichkeitsentscheidung``,
  type URI under :data:`~kommunalrecht.oparl._mapping.VENDOR_TYPE_PREFIX`), each written as an
  element of that name in :data:`EXT_NS` holding every member as ``ext:property``;
* :data:`XSD_TYPES`: the XSD type of each :class:`~kommunalrecht.oparl._spec.Kind`;
* :func:`fits`: whether a JSON value has the typed XML form of its property (otherwise it is
  written in the generic JSON encoding, so nothing is ever lost);
* the text escaping for characters XML 1.0 cannot hold (§2.2 of XML 1.0: ``Char``).

>>> XSD_TYPES[Kind.DATETIME], XSD_TYPES[Kind.EXTERNAL_LIST]
('xs:dateTime', 'xs:anyURI')
>>> fits(Kind.DATE, "2021-11-16"), fits(Kind.DATE, "16.11.2021"), fits(Kind.URL_LIST, [])
(True, False, False)
>>> escape_text("a\\x00b")
('a\\\\u0000b', True)
>>> unescape_text('a\\\\u0000b') == "a\\x00b"
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from kommunalrecht.oparl._mapping import VENDOR_TYPES
from kommunalrecht.oparl._spec import SPEC, Kind, parse_type_uri
from kommunalrecht.oparl.check import is_date

__all__ = [
    "EXT_NS",
    "EXT_PREFIX",
    "LIST_ELEMENT",
    "MAPPING_VERSION",
    "NS",
    "URI_TEXT",
    "VENDOR_ELEMENTS",
    "XSD_TYPES",
    "datetime_fits",
    "escape_attr",
    "escape_text",
    "fits",
    "has_illegal",
    "object_type",
    "unescape_text",
    "uri_fits",
]

NS = "urn:kommunalrecht:oparl:1.1"
"""Target namespace of the OParl elements (default namespace of every document)."""

EXT_NS = "urn:kommunalrecht:oparl:1.1:ext"
"""Namespace of vendor / unknown properties and of the generic JSON value encoding."""

EXT_PREFIX = "ext"
"""The prefix the writer binds :data:`EXT_NS` to."""

MAPPING_VERSION = "1.1"
"""Value of the ``version`` attribute on the root element."""

LIST_ELEMENT = "List"
"""Root element of a list page (§2.5: ``data`` / ``pagination`` / ``links``)."""

VENDOR_ELEMENTS: Mapping[str, str] = dict(VENDOR_TYPES)
"""Type URI → local name (in :data:`EXT_NS`) of the element of each vendor object type of this
library (docs/oparl/index.md, "Herstellertyp"); all its members are ``ext:property``.

>>> VENDOR_ELEMENTS["https://schema.kommunalrecht.example/1.1/Dringlichkeitsentscheidung"]
'Dringlichkeitsentscheidung'
"""

XSD_TYPES: Mapping[Kind, str] = {
    Kind.STRING: "String",
    Kind.URL: "xs:anyURI",
    Kind.DATE: "xs:date",
    Kind.DATETIME: "xs:dateTime",
    Kind.INTEGER: "xs:integer",
    Kind.BOOLEAN: "xs:boolean",
    Kind.OBJECT: "JsonObject",
    Kind.STRING_LIST: "String",
    Kind.URL_LIST: "xs:anyURI",
    Kind.EXTERNAL_LIST: "xs:anyURI",
}
"""XSD type of the element of a property of each non-embedded kind (``String`` and
``JsonObject`` are complex types of the shipped schema; embedded kinds use the target type)."""


# xs:dateTime in the OParl profile (``yyyy-mm-ddThh:mm:ss±hh:mm``), offset at most ±14:00;
# whether the day and time exist is left to datetime.fromisoformat
_DT_FORM = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-](?:(?:0[0-9]|1[0-3]):[0-9]{2}|14:00)"
).fullmatch
_fromisoformat = datetime.fromisoformat


def datetime_fits(value: Any) -> bool:
    """Whether ``value`` is an OParl ``date-time`` (:func:`~kommunalrecht.oparl.check.is_datetime`)
    that ``xs:dateTime`` also accepts (time-zone offset at most ±14:00).

    >>> datetime_fits("2021-11-16T17:00:00+01:00"), datetime_fits("2021-11-16T17:00:00+14:30")
    (True, False)
    >>> datetime_fits("2021-02-30T17:00:00+01:00"), datetime_fits("2021-11-16T17:00:00Z")
    (False, False)
    """
    if value.__class__ is not str or _DT_FORM(value) is None:
        return False
    try:
        _fromisoformat(value)
    except ValueError:
        return False
    return True


# xs:anyURI as libxml2 validates it, restricted to OParl URLs (check.is_url): http(s), a
# non-empty authority whose port (after the last "@", first ":") is 1-9 ASCII digits, no
# space, "[" or "]", "%" only before two hex digits, at most one "#"; isprintable() is
# checked separately
def _run(excluded: str) -> str:
    # characters other than `excluded`, "%" only before two hex digits (unrolled loop,
    # possessive: no backtracking into a run)
    n = f"[^ \\[\\]%#{excluded}]*+"
    return f"{n}(?:%[0-9A-Fa-f]{{2}}{n})*+"


_URI_FORM = re.compile(
    rf"https?://(?=[^/?#])(?:{_run('/?@')}@)*+{_run('/?@:')}(?::[0-9]{{1,9}})?"
    rf"(?:[/?]{_run('')})?(?:#{_run('')})?",
    re.DOTALL,
).fullmatch


def _char_class(codes: list[int]) -> str:
    """A character class of the code points ``codes`` (ascending), as ranges."""
    parts: list[str] = []
    start = prev = codes[0]
    for c in [*codes[1:], -1]:
        if c != prev + 1:
            parts.append(f"\\x{start:02x}" + (f"-\\x{prev:02x}" if prev > start else ""))
            start = c
        prev = c
    return f"[{''.join(parts)}]"


def _run_text(excluded: str) -> str:
    # _run for XML character data: printable ASCII only, "<" never, "&" only as one of the
    # predefined entity references (each stands for a character no run excludes)
    chars = _char_class([c for c in range(0x21, 0x7F) if chr(c) not in " []%#<&" + excluded])
    return f"(?:{chars}++|%[0-9A-Fa-f]{{2}}|&(?:amp|lt|gt|quot|apos);)*+"


URI_TEXT = (
    rf"https?://(?=[^/?#<&\n])(?:{_run_text('/?@')}@)?+{_run_text('/?@:')}(?::[0-9]{{1,9}})?"
    rf"(?:[/?]{_run_text('')})?(?:#{_run_text('')})?"
)
"""Regular expression (source) of the XML character data of a URL that :func:`uri_fits`
accepts once its entity references are resolved (the same structure, printable ASCII only, at
most one ``@`` before the host: libxml2 rejects ``http://a@b@c`` as ``xs:anyURI``): the
reader's fast path (:func:`._xmlread.read_canonical`) takes typed URL elements in this form.

>>> re.fullmatch(URI_TEXT, "https://x.example/?a=1&amp;b=2") is not None
True
>>> [re.fullmatch(URI_TEXT, u) is not None for u in ("https://x.example/a&b", "https://")]
[False, False]
"""


def uri_fits(value: Any) -> bool:
    """Whether ``value`` is an OParl URL (:func:`~kommunalrecht.oparl.check.is_url`) that
    ``xs:anyURI`` (as validated by libxml2) also accepts.

    Stricter than ``is_url`` in what RFC 3986 demands: ``%`` followed by two hex digits, at most
    one ``#``, a numeric port, no ``[``/``]`` (IPv6 literals). Other URLs are written in the
    generic form, so they still round-trip. One regular expression (plus ``isprintable``).

    >>> uri_fits("https://ris.example/a%20b?x=1#top"), uri_fits("https://ris.example/100%")
    (True, False)
    >>> uri_fits("http://h:80/"), uri_fits("http://h:/"), uri_fits("http://[::1]/")
    (True, False, False)
    """
    return value.__class__ is str and _URI_FORM(value) is not None and value.isprintable()


def fits(kind: Kind, value: Any) -> bool:
    """Whether ``value`` has the typed XML form of a property of ``kind``.

    Values that do not fit (``null``, ``[]``, a date in a foreign format, a number where a
    string belongs …) are written as a generic ``ext:property`` instead, so the mapping is
    lossless for every JSON value.

    >>> fits(Kind.INTEGER, 3), fits(Kind.INTEGER, True), fits(Kind.BOOLEAN, False)
    (True, False, True)
    >>> fits(Kind.DATETIME, "2021-11-16T17:00:00+01:00"), fits(Kind.STRING, None)
    (True, False)
    """
    c = value.__class__
    if kind is Kind.STRING:
        return c is str
    if kind is Kind.URL or kind is Kind.EXTERNAL_LIST:
        return uri_fits(value)
    if kind is Kind.DATETIME:
        return datetime_fits(value)
    if kind is Kind.DATE:
        return is_date(value)
    if kind is Kind.INTEGER:
        return c is int
    if kind is Kind.BOOLEAN:
        return c is bool
    if kind is Kind.OBJECT:
        return c is dict
    if kind is Kind.EMBEDDED:
        return c is dict
    if c is not list or not value:
        return False
    if kind is Kind.STRING_LIST:
        return all(v.__class__ is str for v in value)
    if kind is Kind.URL_LIST:
        return all(uri_fits(v) for v in value)
    return all(v.__class__ is dict for v in value)  # EMBEDDED_LIST


def object_type(d: Mapping[str, Any], expect: str | None = None) -> str | None:
    """The OParl type name whose element represents dict ``d`` (``None``: none known).

    The ``type`` member decides (any OParl version's type URI, or a vendor type URI of
    :data:`VENDOR_ELEMENTS`, which gives that element's name); ``expect`` is the fallback for
    objects without a readable ``type``.

    >>> object_type({"type": "https://schema.oparl.org/1.0/Body"}), object_type({}, "Paper")
    ('Body', 'Paper')
    >>> object_type({"type": "https://schema.kommunalrecht.example/1.1/Dringlichkeitsentscheidung"})
    'Dringlichkeitsentscheidung'
    """
    t = d.get("type")
    if t.__class__ is str and t in VENDOR_ELEMENTS:
        return VENDOR_ELEMENTS[t]
    parsed = parse_type_uri(t)
    if parsed is not None and parsed[0] in SPEC:
        return parsed[0]
    if expect is not None and expect in SPEC:
        return expect
    return None


# ---------------------------------------------------------------------------------------
# characters XML 1.0 cannot hold (XML 1.0 §2.2 Char): C0 controls except TAB/LF/CR,
# surrogate code points (only lone ones can occur in a Python str), U+FFFE and U+FFFF.

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ESCAPED = re.compile(r"\\(u[0-9a-fA-F]{4}|\\)")


def has_illegal(s: str) -> bool:
    """Whether ``s`` contains a character XML 1.0 cannot represent.

    >>> has_illegal("Straße\\n"), has_illegal("\\x0b"), has_illegal("\\ud800")
    (False, True, True)
    """
    return not s.isprintable() and _ILLEGAL.search(s) is not None


def _u(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def escape_text(s: str) -> tuple[str, bool]:
    """Escape ``s`` for XML character data; ``(text, escaped)``.

    Markup characters become entity / character references (``\\r`` too, which an XML parser
    would otherwise normalise to ``\\n``). If ``s`` holds characters XML 1.0 cannot represent,
    every backslash is doubled and each such character is written ``\\uXXXX``; ``escaped`` is
    then ``True`` and the writer marks the element ``ext:escaped="true"``.

    >>> escape_text("a < b & c\\r")
    ('a &lt; b &amp; c&#13;', False)
    >>> escape_text("C:\\\\x \\x1f")
    ('C:\\\\\\\\x \\\\u001f', True)
    """
    escaped = False
    if not s.isprintable() and _ILLEGAL.search(s) is not None:
        s = _ILLEGAL.sub(_u, s.replace("\\", "\\\\"))
        escaped = True
    if "&" in s:
        s = s.replace("&", "&amp;")
    if "<" in s:
        s = s.replace("<", "&lt;")
    if ">" in s:
        s = s.replace(">", "&gt;")
    if "\r" in s:
        s = s.replace("\r", "&#13;")
    return s, escaped


def escape_attr(s: str) -> tuple[str, bool]:
    """Escape ``s`` for a double-quoted attribute value; ``(text, escaped)`` as in
    :func:`escape_text` (TAB, LF and CR become character references, which attribute-value
    normalisation would otherwise turn into spaces).

    >>> escape_attr('a"b\\tc')
    ('a&quot;b&#9;c', False)
    """
    s, escaped = escape_text(s)
    if '"' in s:
        s = s.replace('"', "&quot;")
    if "\t" in s:
        s = s.replace("\t", "&#9;")
    if "\n" in s:
        s = s.replace("\n", "&#10;")
    return s, escaped


def _back(m: re.Match[str]) -> str:
    g = m.group(1)
    return "\\" if g == "\\" else chr(int(g[1:], 16))


def unescape_text(s: str) -> str:
    """Undo the ``\\uXXXX`` / ``\\\\`` escaping of an element marked ``ext:escaped="true"``.

    >>> unescape_text("C:\\\\\\\\x \\\\u001f") == "C:\\\\x \\x1f"
    True
    """
    return _ESCAPED.sub(_back, s)
