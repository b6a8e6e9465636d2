"""OParl 1.1: write and read model objects as OParl JSON (and XML), check conformance.

The façade (DESIGN.md "Public façade"):

* :func:`dumps` / :func:`loads` — bytes ⇄ model objects or :class:`Page` (JSON; XML via
  :mod:`kommunalrecht.oparl.xml`, chosen by ``format`` or sniffed from the first byte);
* :func:`to_dict` / :func:`from_dict` — the same at the dict level;
* :func:`check` — strict conformance findings of OParl data (never raises);
* :func:`make_converter` — a fresh ``cattrs`` converter with the generated hooks.

Reader modes (OParl 1.1 §2.1: clients must not fail on unknown properties):

* ``mode="strict"`` — the data must meet every MUST of the spec text (:func:`check`); all
  error findings are raised together in one :class:`~kommunalrecht.ValidationError`;
* ``mode="lenient"`` — 1.0 and broken real-world data are repaired first
  (:mod:`kommunalrecht.oparl._repair`), values that still do not fit the model are kept in
  ``kommunalrecht:original``; every repair is reported as a Finding appended to the
  ``findings`` list you pass (``loads(..., findings=my_list)``).

Only input that is not OParl at all raises :class:`~kommunalrecht.ParseError` (not JSON, not
an object, a type that cannot be told).

>>> import datetime as dt
>>> from kommunalrecht import Sitzung
>>> s = Sitzung(id="https://ris.example/s/1", name="Kreistag",
...             created=dt.datetime(2021, 11, 4, 9, 0, tzinfo=dt.timezone.utc),
...             modified=dt.datetime(2021, 11, 4, 9, 0, tzinfo=dt.timezone.utc))
>>> data = dumps(s)
>>> data[:60]
b'{"id":"https://ris.example/s/1","type":"https://schema.oparl'
>>> loads(data) == s, check(data)
(True, [])
>>> found = []
>>> old = loads(b'{"id": "https://ris.example/s/1", "type": "https://schema.oparl.org/1.0/Meeting",'
...             b' "created": "2021-11-04T10:00:00+0100", "modified": "2021-11-04T10:00:00+0100"}',
...             mode="lenient", findings=found)
>>> old.created == s.created, [f.code for f in found]
(True, ['REPARIERT_DATUMZEIT', 'REPARIERT_DATUMZEIT', 'REPARIERT_TYP_VERSION'])
"""

from __future__ import annotations

import datetime as _dt
import importlib
import json
from collections.abc import Mapping
from typing import Any

from ..errors import ConfigError, Finding, ParseError, Severity, ValidationError
from ._codec import OParlConverter, _fdt, default_converter, make_converter
from ._mapping import VENDOR_TYPES
from ._repair import repair
from ._spec import SPEC, parse_type_uri, type_uri
from .check import check
from .page import Links, Page, Pagination, page_from_dict

_orjson: Any
try:  # optional speed-up; the output is the same compact JSON
    import orjson as _orjson
except ImportError:  # pragma: no cover - orjson is not a dependency
    _orjson = None

__all__ = [
    "Links",
    "OParlConverter",
    "Page",
    "Pagination",
    "check",
    "dumps",
    "from_dict",
    "loads",
    "make_converter",
    "to_dict",
]

# Names provided by sibling modules, imported on first use so that importing
# kommunalrecht.oparl stays cheap (colleagues add one line here).
_LAZY: dict[str, str] = {
    "export": ".export",
    "serve_app": ".server",
    "harvest": ".harvest",
    "dumps_xml": ".xml",
    "loads_xml": ".xml",
}

_MODES = ("strict", "lenient")


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kommunalrecht.oparl' has no attribute {name!r}")
    return getattr(importlib.import_module(module, __name__), name)


# ---------------------------------------------------------------------------------------
# dict level


def to_dict(obj: Any, *, embedded: bool = False) -> dict[str, Any]:
    """The OParl 1.1 dict of a model object or a :class:`Page`.

    Standalone objects carry their back-references (``AgendaItem.meeting`` …); with
    ``embedded=True`` they are left out, as inside a parent object (OParl 1.1 §3).

    >>> from kommunalrecht import Tagesordnungspunkt
    >>> t = Tagesordnungspunkt(id="https://ris.example/top/1", position=0,
    ...                        sitzung="https://ris.example/s/1")
    >>> to_dict(t)["meeting"], "meeting" in to_dict(t, embedded=True)
    ('https://ris.example/s/1', False)
    """
    if obj.__class__ is Page:
        return obj.to_dict()
    return default_converter().to_dict(obj, embedded=embedded)


def _check_mode(mode: str) -> None:
    if mode not in _MODES:
        raise ConfigError("mode", "'strict' or 'lenient'", mode)


def _is_page(d: Mapping[str, Any]) -> bool:
    return "type" not in d and ("data" in d or "links" in d or "pagination" in d or "items" in d)


def _type_name(d: Mapping[str, Any], expect: str | None) -> str:
    t = d.get("type")
    parsed = parse_type_uri(t)
    if parsed is not None and parsed[0] in SPEC:
        return parsed[0]
    if t is None and expect is not None and expect in SPEC:
        return expect
    if t is None:
        raise ParseError("an OParl object with `type` (or `expect=`)", _head(d))
    raise ParseError("an OParl 1.1 object type URI", t, path="$.type")


def _head(d: Mapping[str, Any]) -> Any:
    return {k: d[k] for k in list(d)[:4]}


_URIS = {name: type_uri(name) for name in SPEC}
_NOT_OPARL = frozenset(("TYP_FEHLT", "TYP_UNBEKANNT", "KEIN_OBJEKT"))


def from_dict(
    d: Any,
    *,
    mode: str = "strict",
    expect: str | None = None,
    findings: list[Finding] | None = None,
) -> Any:
    """Read an OParl object or list page (a decoded JSON object) into model objects.

    ``expect`` names the OParl type for objects without ``type`` (deleted stubs of real
    servers; for a list page: of every element). ``findings``, if given, receives the
    warnings of the check (strict) or every repair (lenient).

    >>> from_dict({"id": "https://ris.example/ort/1",
    ...            "type": "https://schema.oparl.org/1.1/Location", "room": "A 1",
    ...            "created": "2021-01-01T00:00:00+01:00",
    ...            "modified": "2021-01-01T00:00:00+01:00"}).raum
    'A 1'
    >>> from_dict({"id": "https://ris.example/ort/1",
    ...            "type": "https://schema.oparl.org/1.1/Location"})
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.ValidationError: 2 Befund(e):
      error PFLICHTFELD_FEHLT at $.created: ...
      error PFLICHTFELD_FEHLT at $.modified: ...
    """
    _check_mode(mode)
    if not isinstance(d, Mapping):
        raise ParseError("an OParl object or list page (JSON object)", d)
    try:
        return _from_dict(d, mode == "strict", expect, findings)
    except RecursionError:
        raise ParseError("OParl data of sane nesting depth", "…") from None


def _from_dict(
    d: Mapping[str, Any], strict: bool, expect: str | None, findings: list[Finding] | None
) -> Any:
    if expect is not None and expect not in SPEC:
        raise ConfigError("expect", f"an OParl type name ({', '.join(SPEC)})", expect)
    conv = default_converter()
    t = d.get("type")
    vendor = VENDOR_TYPES.get(t) if t.__class__ is str else None
    if vendor is not None and expect is None:
        # this library's vendor types (docs/oparl/index.md): nothing to repair; check only
        # tells that the type is a vendor one (info) and checks the id
        fs = check(d)
        errors = [f for f in fs if f.severity is Severity.ERROR]
        if strict and errors:
            raise ValidationError(errors)
        if findings is not None and strict:
            findings.extend(fs)
        return conv.decode(d, vendor, strict=strict, findings=findings)
    if strict:
        if expect is None or d.get("type") == _URIS.get(expect):
            obj = conv.decode_checked(d)  # one pass when there is nothing to report
            if obj is not None:
                return obj
        fs = check(d, expect=expect)
        errors = [f for f in fs if f.severity is Severity.ERROR]
        if errors:
            for f in errors:
                if f.code in _NOT_OPARL and f.path in ("$", "$.type"):
                    raise ParseError("an OParl object of a known type", _head(d), path=f.path)
            raise ValidationError(errors)
        if findings is not None:
            findings.extend(fs)
    else:
        d, repairs = repair(d, expect=expect)
        if findings is not None:
            findings.extend(repairs)
    if _is_page(d):

        def decode(item: Mapping[str, Any], tname: str, path: str) -> Any:
            return conv.decode(item, tname, strict=strict, findings=findings, path=path)

        return page_from_dict(d, decode, expect, strict, findings)
    return conv.decode(d, _type_name(d, expect), strict=strict, findings=findings)


# ---------------------------------------------------------------------------------------
# bytes level


def _json_default(v: Any) -> Any:
    if v.__class__ is _dt.datetime:  # left by the raw encoders (OParl date-times)
        return _fdt(v)
    raise TypeError(f"{type(v).__name__} is not JSON serialisable")


def _json_bytes(d: Any, indent: int | None) -> bytes:
    if indent is None and _orjson is not None:
        try:
            out: bytes = _orjson.dumps(d, option=_orjson.OPT_OMIT_MICROSECONDS)
            return out
        except (TypeError, _orjson.JSONEncodeError):
            pass
    text = json.dumps(d, ensure_ascii=False, separators=(",", ":") if indent is None else None,
                      indent=indent, allow_nan=False, default=_json_default)  # fmt: skip
    return text.encode("utf-8")


def dumps(obj: Any, *, format: str = "json", indent: int | None = None) -> bytes:
    """Serialise a model object or a :class:`Page` as OParl 1.1 (UTF-8 bytes, no BOM).

    ``format="json"`` (compact, or indented with ``indent``) or ``format="xml"`` (the lossless
    XML form of :mod:`kommunalrecht.oparl.xml`).

    >>> from kommunalrecht import Gremium, Gremiumart
    >>> dumps(Gremium(id="https://ris.example/org/1", name="Kreistag",
    ...               art=Gremiumart.KREISTAG))
    b'{"id":"https://ris.example/org/1","type":"https://schema.oparl.org/1.1/Organization","name":"Kreistag","kommunalrecht:art":"Kreistag"}'
    """
    if format == "xml":
        dumps_xml = importlib.import_module(".xml", __name__).dumps_xml
        result: bytes = dumps_xml(obj)
        return result
    if format != "json":
        raise ConfigError("format", "'json' or 'xml'", format)
    if obj.__class__ is Page:
        return _json_bytes(obj.to_dict(), indent)
    conv = default_converter()
    if indent is None:
        out = conv.dumps_fast(obj)
        if out is not None:
            return out
    return _json_bytes(conv.to_dict_raw(obj), indent)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _parse_json(data: str | bytes, findings: list[Finding] | None) -> Any:
    if isinstance(data, str):
        if data.startswith("\ufeff"):
            data = data[1:]
            _bom(findings)
    elif data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        _bom(findings)
    if _orjson is not None:
        try:
            return _orjson.loads(data)
        except _orjson.JSONDecodeError:
            pass  # the standard library decides (and reports); it also reads big integers
    try:
        if isinstance(data, bytes):
            data = data.decode("utf-8")
        return json.loads(data, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:
        raise ParseError("JSON text (RFC 7159, UTF-8)", _snippet(data), path="$") from exc


def _bom(findings: list[Finding] | None) -> None:
    if findings is not None:
        findings.append(
            Finding(
                code="JSON_BOM",
                severity=Severity.WARNING,
                message="Die Eingabe beginnt mit einem Byte-Order-Mark; OParl verlangt UTF-8 "
                "ohne BOM.",
                rechtsgrundlage="OParl 1.1 §2.4",
            )
        )


def _snippet(data: str | bytes) -> str | bytes:
    return data[:80]


def _looks_like_xml(data: str | bytes) -> bool:
    head = data[:1024]
    if isinstance(head, str):
        return head.lstrip("\ufeff \t\r\n").startswith("<")
    return head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n").startswith(b"<")


def loads(
    data: str | bytes | bytearray | memoryview,
    *,
    format: str | None = None,
    mode: str = "strict",
    expect: str | None = None,
    findings: list[Finding] | None = None,
) -> Any:
    """Read OParl data (an object or a list page) into model objects or a :class:`Page`.

    ``format`` is ``"json"``, ``"xml"`` or ``None`` (sniffed: a first non-blank ``<`` means
    XML). ``mode`` and ``expect`` as in :func:`from_dict`; repairs (lenient) and warnings
    (strict) are appended to ``findings`` if given.

    >>> loads(b"[1, 2]")
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.ParseError: at $: expected an OParl object or list page (JSON object), got [1, 2]
    >>> loads("{nope")
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.ParseError: at $: expected JSON text (RFC 7159, UTF-8), got '{nope'
    """
    _check_mode(mode)
    if isinstance(data, bytearray | memoryview):
        data = bytes(data)
    if not isinstance(data, str | bytes):
        raise ParseError("OParl data as bytes or str", type(data).__name__)
    fmt = format if format is not None else ("xml" if _looks_like_xml(data) else "json")
    if fmt == "xml":
        loads_xml = importlib.import_module(".xml", __name__).loads_xml
        return loads_xml(data, mode=mode, expect=expect)
    if fmt != "json":
        raise ConfigError("format", "'json', 'xml' or None", format)
    if mode == "strict" and expect is None:
        obj = default_converter().decode_json_checked(data)
        if obj is not None:
            return obj
    return from_dict(_parse_json(data, findings), mode=mode, expect=expect, findings=findings)


_ = (OParlConverter, make_converter)
