"""Strict conformance check of OParl 1.1 data at the JSON level.

:func:`check` tests a decoded JSON value (one object, a list page, or a JSON array of
objects) — or the JSON text itself — against every MUST of the OParl 1.1 specification text,
not only against the incomplete ``required`` arrays of the official schema files:

* §2.4 JSON types of every property; §2.4.2 ``date`` (``yyyy-mm-dd``) and ``date-time``
  (``yyyy-mm-ddThh:mm:ss±hh:mm``, no fractional seconds, no ``Z``); §2.4.3 ``null`` values;
* §2.3/§3.1 ``id`` (absolute http(s) URL), ``type`` (1.1 type URI), ``created``/``modified``
  on every object, embedded ones included (new in 1.1);
* §2.5 embedded objects (recursively; never deleted; back-references to the embedding parent
  are omitted), list pages (``data``/``pagination``/``links``);
* §2.8 deleted objects (tombstones need only ``id``, ``type``, ``created``, ``modified``);
* §3 per type: the six Body lists new in 1.1, ``AgendaItem.order`` = 0-based position in
  ``Meeting.agendaItem``, ``Person.locationObject`` requires ``location``,
  ``Location.geojson`` a GeoJSON Feature (RFC 7946, ``[lon, lat]``), vendor properties
  ``prefix:name`` allowed (prefix without ``@``).

The rules come from the tables in :mod:`kommunalrecht.oparl._spec`; they are compiled once
at import. The checker never raises on any input and does not use ``jsonschema``.
The finding codes are documented in ``docs/oparl/pruefung.md``.

>>> findings = check({"id": "https://x.example/m/1",
...                   "type": "https://schema.oparl.org/1.1/Meeting",
...                   "created": "2020-01-01T10:00:00+01:00",
...                   "modified": "2020-01-01T10:00:00.5+01:00"})
>>> [(f.code, f.path) for f in findings]
[('FORMAT_DATUMZEIT', '$.modified')]
>>> check(b"{nope")[0].code
'JSON_UNGUELTIG'
"""

from __future__ import annotations

import json
import math
import reprlib
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from kommunalrecht.errors import Finding, Severity
from kommunalrecht.oparl._mapping import VENDOR_TYPE_PREFIX
from kommunalrecht.oparl._spec import (
    LIST_LINKS,
    LIST_PAGINATION,
    OPARL_VERSION_URI,
    SPEC,
    TYPE_URI_PREFIX,
    Kind,
    Prop,
    Requirement,
    TypeSpec,
    parse_type_uri,
)

__all__ = ["CODES", "check", "is_date", "is_datetime", "is_url"]

ERROR = Severity.ERROR
WARNING = Severity.WARNING
INFO = Severity.INFO

_S = "OParl 1.1"

CODES: Mapping[str, tuple[Severity, str]] = {
    "JSON_UNGUELTIG": (ERROR, "Eingabe ist kein gültiges JSON (RFC 7159)."),
    "JSON_BOM": (WARNING, "UTF-8 mit Byte-Order-Mark; OParl verlangt UTF-8 ohne BOM."),
    "KEIN_OBJEKT": (ERROR, "An dieser Stelle wird ein JSON-Objekt erwartet."),
    "TYP_FEHLT": (ERROR, "Objekt ohne ``type`` und ohne erwarteten Typ."),
    "TYP_UNBEKANNT": (ERROR, "``type`` ist keine bekannte OParl-Typ-URI."),
    "TYP_HERSTELLER": (WARNING, "Herstellerspezifischer Objekttyp; nur ``id`` geprüft."),
    "TYP_KOMMUNALRECHT": (
        INFO,
        "Herstellertyp der Bibliothek kommunalrecht (z. B. Dringlichkeitsentscheidung); "
        "nur ``id`` geprüft.",
    ),
    "TYP_VERSION": (ERROR, "Typ-URI einer anderen OParl-Version als 1.1."),
    "TYP_ERWARTET": (ERROR, "Objekt hat einen anderen Typ als an dieser Stelle erwartet."),
    "PFLICHTFELD_FEHLT": (ERROR, "Eine zwingende Eigenschaft fehlt."),
    "PFLICHTFELD_NULL": (ERROR, "Eine zwingende Eigenschaft hat den Wert null."),
    "INTERN_LISTE_FEHLT": (
        WARNING,
        "Zwingende interne Liste fehlt (nur mit omit_internal=true zulässig).",
    ),
    "WERT_NULL": (WARNING, "Eigenschaft mit null statt weggelassen."),
    "WERT_LEER": (INFO, "Leere Liste oder leere Zeichenkette statt weggelassen."),
    "TYP_FALSCH": (ERROR, "JSON-Typ des Werts passt nicht zur Eigenschaft."),
    "FORMAT_URL": (ERROR, "Keine absolute http(s)-URL."),
    "FORMAT_DATUM": (ERROR, "Kein Datum der Form yyyy-mm-dd."),
    "FORMAT_DATUMZEIT": (ERROR, "Kein Zeitpunkt der Form yyyy-mm-ddThh:mm:ss±hh:mm."),
    "OPARLVERSION_FALSCH": (ERROR, "System.oparlVersion ist nicht https://schema.oparl.org/1.1/."),
    "EINGEBETTET_GELOESCHT": (ERROR, "Eingebettetes Objekt ist als gelöscht markiert."),
    "RUECKVERWEIS_EINGEBETTET": (
        INFO,
        "Rückverweis auf das einbettende Objekt wird bei Einbettung weggelassen.",
    ),
    "RUECKVERWEIS_FALSCH": (
        WARNING,
        "Rückverweis zeigt nicht auf das einbettende Objekt.",
    ),
    "ORDER_FALSCH": (ERROR, "AgendaItem.order ist nicht die 0-basierte Position."),
    "LOCATIONOBJECT_OHNE_LOCATION": (ERROR, "Person.locationObject ohne Person.location."),
    "LOCATIONOBJECT_ABWEICHEND": (
        ERROR,
        "Person.location zeigt nicht auf Person.locationObject.",
    ),
    "GEOJSON_KEIN_FEATURE": (ERROR, "geojson ist kein GeoJSON-Feature-Objekt."),
    "GEOJSON_UNGUELTIG": (ERROR, "Geometrie des GeoJSON-Features ist ungültig."),
    "GEOJSON_OHNE_PROPERTIES": (WARNING, "GeoJSON-Feature ohne Member ``properties``."),
    "GEOJSON_LATLON": (WARNING, "Koordinaten sehen nach [Breite, Länge] aus."),
    "UNBEKANNTE_EIGENSCHAFT": (WARNING, "Eigenschaft ist in OParl 1.1 nicht definiert."),
    "HERSTELLER_PRAEFIX_UNGUELTIG": (ERROR, "Herstellerpräfix enthält '@'."),
    "INTERNER_FEHLER": (ERROR, "Interner Fehler der Prüfung (bitte melden)."),
}
"""Every finding code of :func:`check` with its severity and a one-line meaning."""

_SEC_JSON = f"{_S} §2.4"
_SEC_DATE = f"{_S} §2.4.2"
_SEC_NULL = f"{_S} §2.4.3"
_SEC_EMBED = f"{_S} §2.5"
_SEC_LIST = f"{_S} §2.5"
_SEC_DELETED = f"{_S} §2.8"
_SEC_TYPE = f"{_S} §3.1"
_SEC_VENDOR = f"{_S} §3 (Herstellerspezifische Erweiterungen)"
_SEC_EXT = f"{_S} §2.1"
_SEC_GEO = f"{_S} §3 oparl:Location (geojson), RFC 7946"


# ---------------------------------------------------------------------------------------
# cheap format predicates (no regular expressions)

_DIGITS = frozenset("0123456789")


def is_url(value: object) -> bool:
    """Whether ``value`` is an absolute http(s) URL string without white space.

    >>> is_url("https://oparl.example.org/body/0"), is_url("www.steinhagen.de")
    (True, False)
    """
    if value.__class__ is not str:
        return False
    v: str = value
    if v.startswith("https://"):
        start = 8
    elif v.startswith("http://"):
        start = 7
    else:
        return False
    if len(v) <= start or v[start] in "/?#":
        return False
    return v.isprintable() and " " not in v


def is_date(value: object) -> bool:
    """Whether ``value`` is an OParl ``date``: exactly ``yyyy-mm-dd`` and a real day.

    >>> is_date("2014-04-04"), is_date("2014-04-31"), is_date("2014-04-04T00:00:00+02:00")
    (True, False, False)
    """
    if value.__class__ is not str:
        return False
    v: str = value
    if len(v) != 10 or v[4] != "-" or v[7] != "-" or not v.isascii():
        return False
    try:
        date.fromisoformat(v)
    except ValueError:
        return False
    return True


def is_datetime(value: object) -> bool:
    """Whether ``value`` is an OParl ``date-time``: ``yyyy-mm-ddThh:mm:ss±hh:mm``.

    >>> is_datetime("1969-07-21T02:56:00+00:00"), is_datetime("1969-07-21T02:56:00Z")
    (True, False)
    >>> is_datetime("2014-01-08T14:28:31+0100"), is_datetime("2014-01-08T14:28:31.5+01:00")
    (False, False)
    """
    if value.__class__ is not str:
        return False
    v: str = value
    if (
        len(v) != 25
        or v[10] != "T"
        or v[4] != "-"
        or v[7] != "-"
        or v[13] != ":"
        or v[16] != ":"
        or v[22] != ":"
        or (v[19] != "+" and v[19] != "-")
        or not v.isascii()
    ):
        return False
    if not (_DIGITS.issuperset(v[20:22]) and _DIGITS.issuperset(v[23:25])):
        return False
    try:
        datetime.fromisoformat(v)
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------------------------------
# findings


def _child(path: str, key: str) -> str:
    if key.isidentifier():
        return f"{path}.{key}"
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def _short(value: Any, limit: int = 60) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):  # odd or very deeply nested values
        text = reprlib.repr(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


_JSON_NAMES = {
    str: "Zeichenkette",
    int: "Ganzzahl",
    float: "Zahl",
    bool: "Wahrheitswert",
    list: "Array",
    dict: "Objekt",
    type(None): "null",
}


def _jtype(value: Any) -> str:
    name = _JSON_NAMES.get(type(value))
    if name is None:
        if isinstance(value, Mapping):
            return "Objekt"
        return type(value).__name__
    return name


_KIND_TEXT = {
    Kind.STRING: "eine Zeichenkette",
    Kind.URL: "eine URL (Zeichenkette)",
    Kind.EXTERNAL_LIST: "die URL einer externen Liste (Zeichenkette)",
    Kind.DATE: "ein Datum (Zeichenkette)",
    Kind.DATETIME: "ein Zeitpunkt (Zeichenkette)",
    Kind.INTEGER: "eine Ganzzahl",
    Kind.BOOLEAN: "ein Wahrheitswert",
    Kind.OBJECT: "ein GeoJSON-Objekt",
    Kind.STRING_LIST: "ein Array von Zeichenketten",
    Kind.URL_LIST: "ein Array von URLs",
    Kind.EMBEDDED: "ein eingebettetes Objekt",
    Kind.EMBEDDED_LIST: "ein Array eingebetteter Objekte",
}


class _Out:
    """Collects findings; ``oid`` is the id of the object being checked."""

    __slots__ = ("findings",)

    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def add(
        self,
        code: str,
        message: str,
        path: str,
        oid: str | None,
        basis: str | None,
        severity: Severity | None = None,
    ) -> None:
        self.findings.append(
            Finding(
                code=code,
                severity=severity or CODES[code][0],
                message=message,
                path=path,
                object_id=oid,
                rechtsgrundlage=basis,
            )
        )


# ---------------------------------------------------------------------------------------
# compiled per-type tables

_Scalar = Callable[[Any], bool]


def _is_str(v: Any) -> bool:
    return v.__class__ is str


def _is_int(v: Any) -> bool:
    return v.__class__ is int


def _is_bool(v: Any) -> bool:
    return v.__class__ is bool


_SCALAR: dict[Kind, tuple[_Scalar, _Scalar | None, str | None]] = {
    # kind: (JSON type test, format test, format code)
    Kind.STRING: (_is_str, None, None),
    Kind.URL: (_is_str, is_url, "FORMAT_URL"),
    Kind.EXTERNAL_LIST: (_is_str, is_url, "FORMAT_URL"),
    Kind.DATE: (_is_str, is_date, "FORMAT_DATUM"),
    Kind.DATETIME: (_is_str, is_datetime, "FORMAT_DATUMZEIT"),
    Kind.INTEGER: (_is_int, None, None),
    Kind.BOOLEAN: (_is_bool, None, None),
}

_FORMAT_TEXT = {
    "FORMAT_URL": "keine absolute http(s)-URL",
    "FORMAT_DATUM": "kein Datum der Form yyyy-mm-dd (§2.4.2)",
    "FORMAT_DATUMZEIT": (
        "kein Zeitpunkt der Form yyyy-mm-ddThh:mm:ss±hh:mm "
        "(Sekunden, numerischer Offset mit Doppelpunkt, keine Sekundenbruchteile; §2.4.2)"
    ),
}


class _Table:
    __slots__ = ("backrefs", "props", "req", "spec")

    def __init__(self, ts: TypeSpec) -> None:
        self.spec = ts
        self.props: dict[str, Prop] = dict(ts.by_name)
        # required property tuples by (deleted, embedded)
        self.req: dict[tuple[bool, bool], tuple[Prop, ...]] = {
            (d, e): tuple(p for p in ts.props if p.required.applies(deleted=d, embedded=e))
            for d in (False, True)
            for e in (False, True)
        }
        self.backrefs: dict[str, tuple[Prop, ...]] = {}
        for p in ts.props:
            if p.backref_of:
                self.backrefs.setdefault(p.backref_of, ())
                self.backrefs[p.backref_of] += (p,)


_TABLES: dict[str, _Table] = {name: _Table(ts) for name, ts in SPEC.items()}


# ---------------------------------------------------------------------------------------
# the checker


def _check_value(
    p: Prop, value: Any, path: str, oid: str | None, tname: str, oparent: _Parent, out: _Out
) -> None:
    kind = p.kind
    scalar = _SCALAR.get(kind)
    if scalar is not None:
        jtest, ftest, fcode = scalar
        if not jtest(value):
            out.add(
                "TYP_FALSCH",
                f"{tname}.{p.name} muss {_KIND_TEXT[kind]} sein, ist aber "
                f"{_jtype(value)} {_short(value)}.",
                path,
                oid,
                p.section,
            )
            return
        if ftest is not None and not ftest(value):
            assert fcode is not None
            if fcode == "FORMAT_DATUMZEIT" and is_date(value):
                text = "ein Datum statt eines Zeitpunkts (§2.4.2)"
            elif fcode == "FORMAT_DATUM" and is_datetime(value):
                text = "ein Zeitpunkt statt eines Datums (§2.4.2)"
            else:
                text = _FORMAT_TEXT[fcode]
            out.add(
                fcode,
                f"{tname}.{p.name} = {_short(value)}: {text}.",
                path,
                oid,
                p.section,
            )
            return
        if value == "" and p.required is Requirement.RECOMMENDED:
            out.add(
                "WERT_LEER",
                f"{tname}.{p.name} ist leer; leere Zeichenketten sollen entfallen.",
                path,
                oid,
                _SEC_NULL,
            )
        return
    if kind is Kind.STRING_LIST or kind is Kind.URL_LIST:
        if value.__class__ is not list:
            out.add(
                "TYP_FALSCH",
                f"{tname}.{p.name} muss {_KIND_TEXT[kind]} sein, ist aber "
                f"{_jtype(value)} {_short(value)}.",
                path,
                oid,
                p.section,
            )
            return
        if not value:
            if p.required is Requirement.RECOMMENDED:
                out.add(
                    "WERT_LEER",
                    f"{tname}.{p.name} ist ein leeres Array; es soll entfallen.",
                    path,
                    oid,
                    _SEC_NULL,
                )
            return
        url = kind is Kind.URL_LIST
        for i, item in enumerate(value):
            if item.__class__ is not str:
                out.add(
                    "TYP_FALSCH",
                    f"Element von {tname}.{p.name} muss eine Zeichenkette sein, ist aber "
                    f"{_jtype(item)} {_short(item)}.",
                    f"{path}[{i}]",
                    oid,
                    p.section,
                )
            elif url and not is_url(item):
                out.add(
                    "FORMAT_URL",
                    f"Element von {tname}.{p.name} = {_short(item)}: keine absolute http(s)-URL.",
                    f"{path}[{i}]",
                    oid,
                    p.section,
                )
        return
    if kind is Kind.EMBEDDED:
        if not isinstance(value, Mapping):
            out.add(
                "TYP_FALSCH",
                f"{tname}.{p.name} muss ein eingebettetes {p.target}-Objekt sein, ist aber "
                f"{_jtype(value)} {_short(value)}.",
                path,
                oid,
                p.section,
            )
            return
        _check_object(value, path, p.target, (tname, oid, p.name), out)
        return
    if kind is Kind.EMBEDDED_LIST:
        if value.__class__ is not list:
            out.add(
                "TYP_FALSCH",
                f"{tname}.{p.name} muss ein Array eingebetteter {p.target}-Objekte sein, ist "
                f"aber {_jtype(value)} {_short(value)}.",
                path,
                oid,
                p.section,
            )
            return
        if not value and p.required is Requirement.RECOMMENDED:
            out.add(
                "WERT_LEER",
                f"{tname}.{p.name} ist ein leeres Array; es soll entfallen.",
                path,
                oid,
                _SEC_NULL,
            )
            return
        agenda = tname == "Meeting" and p.name == "agendaItem"
        parent = (tname, oid, p.name)
        for i, item in enumerate(value):
            ipath = f"{path}[{i}]"
            if not isinstance(item, Mapping):
                out.add(
                    "TYP_FALSCH",
                    f"Element von {tname}.{p.name} muss ein {p.target}-Objekt sein, ist aber "
                    f"{_jtype(item)} {_short(item)}.",
                    ipath,
                    oid,
                    p.section,
                )
                continue
            _check_object(item, ipath, p.target, parent, out)
            if agenda:
                order = item.get("order")
                if order.__class__ is int and order != i:
                    iid = item.get("id")
                    out.add(
                        "ORDER_FALSCH",
                        f"AgendaItem.order = {order}, der Tagesordnungspunkt steht aber an "
                        f"Position {i} (0-basiert) von Meeting.agendaItem.",
                        f"{ipath}.order",
                        iid if iid.__class__ is str else oid,
                        f"{_S} §3 oparl:AgendaItem (order)",
                    )
        return
    if kind is Kind.OBJECT:
        _check_geojson(value, path, oid, p, out)
        return


_GEOMETRIES = frozenset(
    ("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon")
)


def _is_number(v: Any) -> bool:
    return (v.__class__ is int or v.__class__ is float) and math.isfinite(v)


def _first_position(coords: Any, depth: int) -> list[Any] | None:
    """The first position of a coordinates array nested ``depth`` levels (Point: 0)."""
    for _ in range(depth):
        if coords.__class__ is not list or not coords:
            return None
        coords = coords[0]
    if coords.__class__ is not list:
        return None
    return coords


_DEPTH = {
    "Point": 0,
    "MultiPoint": 1,
    "LineString": 1,
    "MultiLineString": 2,
    "Polygon": 2,
    "MultiPolygon": 3,
}


def _check_geometry(geom: Any, path: str, oid: str | None, out: _Out) -> None:
    if not isinstance(geom, Mapping):
        out.add(
            "GEOJSON_UNGUELTIG",
            f"geometry muss ein GeoJSON-Geometrie-Objekt oder null sein, ist {_short(geom)}.",
            path,
            oid,
            _SEC_GEO,
        )
        return
    gtype = geom.get("type")
    if gtype == "GeometryCollection":
        geoms = geom.get("geometries")
        if geoms.__class__ is not list:
            out.add(
                "GEOJSON_UNGUELTIG",
                "GeometryCollection ohne Array ``geometries``.",
                path,
                oid,
                _SEC_GEO,
            )
            return
        for i, g in enumerate(geoms[:1000]):
            if isinstance(g, Mapping) and g.get("type") == "GeometryCollection":
                continue  # nested collections: RFC 7946 §3.1.8 SHOULD NOT; not descended
            _check_geometry(g, f"{path}.geometries[{i}]", oid, out)
        return
    if gtype.__class__ is not str or gtype not in _GEOMETRIES:
        out.add(
            "GEOJSON_UNGUELTIG",
            f"Unbekannter Geometrietyp {_short(gtype)}.",
            f"{path}.type",
            oid,
            _SEC_GEO,
        )
        return
    pos = _first_position(geom.get("coordinates"), _DEPTH[gtype])
    if pos is None or len(pos) < 2 or not (_is_number(pos[0]) and _is_number(pos[1])):
        out.add(
            "GEOJSON_UNGUELTIG",
            f"{gtype}: ``coordinates`` enthält keine gültige Position [Länge, Breite].",
            f"{path}.coordinates",
            oid,
            _SEC_GEO,
        )
        return
    lon, lat = pos[0], pos[1]
    if 47.0 <= lon <= 55.5 and 5.0 <= lat <= 15.5:
        out.add(
            "GEOJSON_LATLON",
            f"Position [{lon}, {lat}] liegt als [Länge, Breite] nicht in Deutschland, "
            "vertauscht aber schon: vermutlich [Breite, Länge] (GeoJSON verlangt "
            "[Länge, Breite]).",
            f"{path}.coordinates",
            oid,
            _SEC_GEO,
        )
    elif not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
        out.add(
            "GEOJSON_UNGUELTIG",
            f"Position [{lon}, {lat}] außerhalb des Wertebereichs von Länge/Breite.",
            f"{path}.coordinates",
            oid,
            _SEC_GEO,
        )


def _check_geojson(value: Any, path: str, oid: str | None, p: Prop, out: _Out) -> None:
    if not isinstance(value, Mapping):
        out.add(
            "TYP_FALSCH",
            f"Location.geojson muss ein GeoJSON-Feature-Objekt sein, ist aber "
            f"{_jtype(value)} {_short(value)}.",
            path,
            oid,
            p.section,
        )
        return
    gtype = value.get("type")
    if gtype != "Feature":
        if (gtype.__class__ is str and gtype in _GEOMETRIES) or gtype == "GeometryCollection":
            msg = (
                f"geojson ist eine bloße Geometrie ({gtype}); verlangt ist ein vollständiges "
                'GeoJSON-Feature {"type": "Feature", "geometry": …, "properties": …}.'
            )
        else:
            msg = f"geojson.type = {_short(gtype)}; verlangt ist ein GeoJSON-Feature."
        out.add("GEOJSON_KEIN_FEATURE", msg, path, oid, _SEC_GEO)
        return
    if "geometry" not in value:
        out.add(
            "GEOJSON_UNGUELTIG",
            "GeoJSON-Feature ohne Member ``geometry``.",
            path,
            oid,
            _SEC_GEO,
        )
    else:
        geom = value["geometry"]
        if geom is not None:
            _check_geometry(geom, f"{path}.geometry", oid, out)
    if "properties" not in value:
        out.add(
            "GEOJSON_OHNE_PROPERTIES",
            "GeoJSON-Feature ohne Member ``properties`` (RFC 7946 §3.2; darf null sein).",
            path,
            oid,
            _SEC_GEO,
        )
    else:
        props = value["properties"]
        if props is not None and not isinstance(props, Mapping):
            out.add(
                "GEOJSON_UNGUELTIG",
                "``properties`` eines GeoJSON-Features muss ein Objekt oder null sein.",
                f"{path}.properties",
                oid,
                _SEC_GEO,
            )


_Parent = tuple[str, str | None, str] | None  # (parent type, parent id, property)


def _check_object(
    obj: Mapping[Any, Any], path: str, expect: str | None, parent: _Parent, out: _Out
) -> None:
    raw_id = obj.get("id")
    oid = raw_id if raw_id.__class__ is str else None
    t = obj.get("type")
    tname: str | None = None
    if t is None:
        if "type" in obj:
            out.add(
                "PFLICHTFELD_NULL",
                "``type`` darf nicht null sein.",
                f"{path}.type",
                oid,
                _SEC_TYPE,
            )
        elif expect is None:
            out.add(
                "TYP_FEHLT",
                "Objekt ohne ``type``; der Typ lässt sich nicht bestimmen.",
                path,
                oid,
                _SEC_TYPE,
            )
        else:
            out.add(
                "PFLICHTFELD_FEHLT",
                f"Zwingende Eigenschaft ``type`` fehlt (erwartet: {expect}).",
                f"{path}.type",
                oid,
                _SEC_TYPE,
            )
        tname = expect
    else:
        parsed = parse_type_uri(t)
        if parsed is None:
            if t.__class__ is str and not t.startswith(TYPE_URI_PREFIX) and "://" in t:
                own = t.startswith(VENDOR_TYPE_PREFIX)
                what = "ein Herstellertyp der Bibliothek kommunalrecht" if own else "kein OParl-Typ"
                out.add(
                    "TYP_KOMMUNALRECHT" if own else "TYP_HERSTELLER",
                    f"type = {_short(t)} ist {what}; herstellerspezifische Typen sind erlaubt, "
                    "geprüft wird nur ``id``.",
                    f"{path}.type",
                    oid,
                    _SEC_EXT,
                )
                if expect is not None:
                    out.add(
                        "TYP_ERWARTET",
                        f"Erwartet wurde ein {expect}-Objekt, type ist {_short(t)}.",
                        f"{path}.type",
                        oid,
                        _SEC_EMBED,
                    )
                if not is_url(raw_id):
                    _id_finding(raw_id, path, oid, out)
                return
            out.add(
                "TYP_UNBEKANNT",
                f"type = {_short(t)} ist keine OParl-Typ-URI (https://schema.oparl.org/1.1/<Typ>).",
                f"{path}.type",
                oid,
                _SEC_TYPE,
            )
            tname = expect
        else:
            name, version = parsed
            if name == "Error" and expect is None and parent is None:
                _check_error_object(obj, path, out)
                return
            if name not in _TABLES:
                out.add(
                    "TYP_UNBEKANNT",
                    f"type = {_short(t)}: OParl kennt keinen Typ {name!r}.",
                    f"{path}.type",
                    oid,
                    _SEC_TYPE,
                )
                tname = expect
            else:
                tname = name
                if version != "1.1":
                    out.add(
                        "TYP_VERSION",
                        f"type = {_short(t)} ist eine Typ-URI von OParl {version}; "
                        f"OParl 1.1 verlangt https://schema.oparl.org/1.1/{name}.",
                        f"{path}.type",
                        oid,
                        _SEC_TYPE,
                    )
                if expect is not None and name != expect:
                    out.add(
                        "TYP_ERWARTET",
                        f"Erwartet wurde ein {expect}-Objekt, type ist {name}.",
                        f"{path}.type",
                        oid,
                        _SEC_EMBED,
                    )
    if tname is None or tname not in _TABLES:
        if raw_id is not None and not is_url(raw_id):
            _id_finding(raw_id, path, oid, out)
        return
    table = _TABLES[tname]
    props = table.props
    deleted = obj.get("deleted") is True
    embedded = parent is not None
    if deleted and embedded:
        out.add(
            "EINGEBETTET_GELOESCHT",
            f"Eingebettetes {tname}-Objekt ist gelöscht (deleted: true); eingebettete "
            "Ausgaben dürfen keine gelöschten Objekte enthalten.",
            _child(path, "deleted"),
            oid,
            _SEC_DELETED,
        )
    for key, value in obj.items():
        p = props.get(key)
        if p is None:
            if key.__class__ is not str:
                continue
            if ":" in key:
                if "@" in key.partition(":")[0]:
                    out.add(
                        "HERSTELLER_PRAEFIX_UNGUELTIG",
                        f"Herstellerpräfix von {key!r} enthält '@' (darf nicht).",
                        _child(path, key),
                        oid,
                        _SEC_VENDOR,
                    )
                continue
            out.add(
                "UNBEKANNTE_EIGENSCHAFT",
                f"{tname} hat in OParl 1.1 keine Eigenschaft {key!r} "
                "(Herstellererweiterungen brauchen ein Präfix 'hersteller:name').",
                _child(path, key),
                oid,
                _SEC_VENDOR,
            )
            continue
        if key == "type":
            continue
        ppath = f"{path}.{key}"
        if value is None:
            if p.required.applies(deleted=deleted, embedded=embedded):
                out.add(
                    "PFLICHTFELD_NULL",
                    f"Zwingende Eigenschaft {tname}.{key} darf nicht null sein.",
                    ppath,
                    oid,
                    _SEC_NULL,
                )
            else:
                out.add(
                    "WERT_NULL",
                    f"{tname}.{key} ist null; Eigenschaften ohne Wert sollen entfallen.",
                    ppath,
                    oid,
                    _SEC_NULL,
                )
            continue
        _check_value(p, value, ppath, oid, tname, parent, out)
    for p in table.req[(deleted, embedded)]:
        if p.name not in obj:
            if p.omit_internal:
                out.add(
                    "INTERN_LISTE_FEHLT",
                    f"{tname}.{p.name} fehlt; die Eigenschaft ist zwingend und darf nur bei "
                    "Abruf mit omit_internal=true entfallen.",
                    f"{path}.{p.name}",
                    oid,
                    p.section,
                )
            else:
                extra = ""
                if p.required is Requirement.MUST_STANDALONE:
                    extra = " (zwingend, wenn das Objekt einzeln abgerufen wird)"
                elif p.since == "1.1":
                    extra = " (neu und zwingend in OParl 1.1)"
                out.add(
                    "PFLICHTFELD_FEHLT",
                    f"Zwingende Eigenschaft {tname}.{p.name} fehlt{extra}.",
                    f"{path}.{p.name}",
                    oid,
                    p.section,
                )
    if embedded:
        assert parent is not None
        ptype, pid, _pprop = parent
        for p in table.backrefs.get(ptype, ()):
            if p.name not in obj:
                continue
            value = obj[p.name]
            out.add(
                "RUECKVERWEIS_EINGEBETTET",
                f"{tname}.{p.name} ist der Rückverweis auf das einbettende {ptype}-Objekt; "
                "er wird bei Einbettung weggelassen.",
                f"{path}.{p.name}",
                oid,
                p.section,
            )
            if pid is not None and (
                (value.__class__ is str and value != pid)
                or (value.__class__ is list and pid not in value)
            ):
                out.add(
                    "RUECKVERWEIS_FALSCH",
                    f"{tname}.{p.name} = {_short(value)} verweist nicht auf das einbettende "
                    f"{ptype}-Objekt {pid}.",
                    f"{path}.{p.name}",
                    oid,
                    p.section,
                )
    if tname == "System":
        ver = obj.get("oparlVersion")
        if ver.__class__ is str and ver != OPARL_VERSION_URI:
            out.add(
                "OPARLVERSION_FALSCH",
                f"System.oparlVersion = {_short(ver)}; OParl 1.1 verlangt {OPARL_VERSION_URI!r}.",
                f"{path}.oparlVersion",
                oid,
                f"{_S} §3 oparl:System (oparlVersion)",
            )
    elif tname == "Person" and "locationObject" in obj:
        lo = obj["locationObject"]
        if "location" not in obj:
            out.add(
                "LOCATIONOBJECT_OHNE_LOCATION",
                "Person.locationObject ist angegeben, Person.location fehlt; beide müssen "
                "auf denselben Ort verweisen.",
                f"{path}.location",
                oid,
                f"{_S} §3 oparl:Person (locationObject)",
            )
        elif isinstance(lo, Mapping) and lo.get("id") != obj["location"]:
            out.add(
                "LOCATIONOBJECT_ABWEICHEND",
                f"Person.location = {_short(obj['location'])}, locationObject.id = "
                f"{_short(lo.get('id'))}; beide müssen denselben Ort bezeichnen.",
                f"{path}.location",
                oid,
                f"{_S} §3 oparl:Person (locationObject)",
            )


def _id_finding(raw_id: Any, path: str, oid: str | None, out: _Out) -> None:
    if raw_id is None:
        out.add(
            "PFLICHTFELD_FEHLT", "Zwingende Eigenschaft ``id`` fehlt.", f"{path}.id", oid, _SEC_TYPE
        )
    elif raw_id.__class__ is not str:
        out.add(
            "TYP_FALSCH",
            f"id muss eine URL sein, ist {_short(raw_id)}.",
            f"{path}.id",
            oid,
            _SEC_TYPE,
        )
    else:
        out.add(
            "FORMAT_URL",
            f"id = {_short(raw_id)}: keine absolute http(s)-URL.",
            f"{path}.id",
            oid,
            _SEC_TYPE,
        )


def _check_error_object(obj: Mapping[Any, Any], path: str, out: _Out) -> None:
    for key in ("message", "debug"):
        if key in obj and obj[key].__class__ is not str:
            out.add(
                "TYP_FALSCH",
                f"Error.{key} muss eine Zeichenkette sein.",
                f"{path}.{key}",
                None,
                f"{_S} §2.9",
            )


def _check_page(page: Mapping[Any, Any], path: str, expect: str | None, out: _Out) -> None:
    for key in ("data", "pagination", "links"):
        if key not in page:
            out.add(
                "PFLICHTFELD_FEHLT",
                f"Listenseite ohne zwingendes Member ``{key}``.",
                f"{path}.{key}",
                None,
                _SEC_LIST,
            )
    for key, value in page.items():
        if key.__class__ is not str:
            continue
        kpath = _child(path, key)
        if key == "data":
            if value.__class__ is not list:
                out.add(
                    "TYP_FALSCH",
                    f"data muss ein Array sein, ist {_jtype(value)}.",
                    kpath,
                    None,
                    _SEC_LIST,
                )
                continue
            for i, item in enumerate(value):
                ipath = f"{kpath}[{i}]"
                if not isinstance(item, Mapping):
                    out.add(
                        "KEIN_OBJEKT",
                        f"Listenelement ist {_jtype(item)}, kein Objekt.",
                        ipath,
                        None,
                        _SEC_LIST,
                    )
                    continue
                _check_object(item, ipath, expect, None, out)
        elif key in ("pagination", "links"):
            if not isinstance(value, Mapping):
                out.add(
                    "TYP_FALSCH",
                    f"{key} muss ein Objekt sein, ist {_jtype(value)}.",
                    kpath,
                    None,
                    _SEC_LIST,
                )
                continue
            members = LIST_PAGINATION if key == "pagination" else LIST_LINKS
            for mkey, mval in value.items():
                if mkey.__class__ is not str:
                    continue
                mpath = _child(kpath, mkey)
                if mkey not in members:
                    if ":" not in mkey:
                        out.add(
                            "UNBEKANNTE_EIGENSCHAFT",
                            f"{key} hat in OParl 1.1 kein Member {mkey!r}.",
                            mpath,
                            None,
                            _SEC_LIST,
                        )
                    continue
                if key == "pagination":
                    if mval.__class__ is not int:
                        out.add(
                            "TYP_FALSCH",
                            f"pagination.{mkey} muss eine Ganzzahl sein, ist "
                            f"{_jtype(mval)} {_short(mval)}.",
                            mpath,
                            None,
                            _SEC_LIST,
                        )
                    elif mval < 0:
                        out.add(
                            "TYP_FALSCH",
                            f"pagination.{mkey} darf nicht negativ sein.",
                            mpath,
                            None,
                            _SEC_LIST,
                        )
                elif mval.__class__ is not str:
                    out.add(
                        "TYP_FALSCH",
                        f"links.{mkey} muss eine URL sein, ist {_jtype(mval)} {_short(mval)}.",
                        mpath,
                        None,
                        _SEC_LIST,
                    )
                elif not is_url(mval):
                    out.add(
                        "FORMAT_URL",
                        f"links.{mkey} = {_short(mval)}: keine absolute http(s)-URL.",
                        mpath,
                        None,
                        _SEC_LIST,
                    )
        elif ":" not in key:
            out.add(
                "UNBEKANNTE_EIGENSCHAFT",
                f"Listenseiten haben in OParl 1.1 kein Member {key!r}.",
                kpath,
                None,
                _SEC_LIST,
            )


def _is_page(obj: Mapping[Any, Any]) -> bool:
    return "type" not in obj and ("data" in obj or "pagination" in obj or "links" in obj)


def _parse(data: str | bytes | bytearray, out: _Out) -> tuple[bool, Any]:
    def _reject(name: str) -> Any:
        raise ValueError(f"{name} ist kein JSON")

    if isinstance(data, bytes | bytearray):
        if data.startswith(b"\xef\xbb\xbf"):
            out.add(
                "JSON_BOM",
                "Die Eingabe beginnt mit einem UTF-8-Byte-Order-Mark.",
                "$",
                None,
                _SEC_JSON,
            )
            data = bytes(data[3:])
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError as exc:
            out.add("JSON_UNGUELTIG", f"Kein UTF-8: {exc}.", "$", None, _SEC_JSON)
            return False, None
    else:
        text = data
        if text.startswith("\ufeff"):
            out.add(
                "JSON_BOM", "Die Eingabe beginnt mit einem Byte-Order-Mark.", "$", None, _SEC_JSON
            )
            text = text[1:]
    try:
        return True, json.loads(text, parse_constant=_reject)
    except (ValueError, RecursionError) as exc:
        out.add("JSON_UNGUELTIG", f"Kein gültiges JSON: {exc}.", "$", None, _SEC_JSON)
        return False, None


def check(data: Any, *, expect: str | None = None) -> list[Finding]:
    """Check OParl 1.1 data strictly; return every finding (empty list: conforming).

    ``data`` is a decoded JSON value — an OParl object, a list page
    (``data``/``pagination``/``links``) or a JSON array of objects — or JSON text as
    ``str``/``bytes``. ``expect`` names the OParl type the object (or every element of the
    page) should have; it is needed for objects without ``type``. Never raises: input that
    is not JSON gives one ``JSON_UNGUELTIG`` finding.

    >>> meeting = {
    ...     "id": "https://oparl.example.org/meeting/1",
    ...     "type": "https://schema.oparl.org/1.1/Meeting",
    ...     "created": "2021-11-16T17:00:00+01:00", "modified": "2021-11-16T17:00:00+01:00",
    ...     "agendaItem": [{"id": "https://oparl.example.org/ai/1",
    ...                     "type": "https://schema.oparl.org/1.1/AgendaItem", "order": 1,
    ...                     "created": "2021-11-16T17:00:00+01:00",
    ...                     "modified": "2021-11-16T17:00:00+01:00"}]}
    >>> [(f.code, f.path, f.rechtsgrundlage) for f in check(meeting)]
    [('ORDER_FALSCH', '$.agendaItem[0].order', 'OParl 1.1 §3 oparl:AgendaItem (order)')]
    >>> check({"id": "https://x.example/p/1", "deleted": True,
    ...        "created": "2020-01-01T00:00:00+01:00",
    ...        "modified": "2020-02-01T00:00:00+01:00"}, expect="Paper")[0].code
    'PFLICHTFELD_FEHLT'
    """
    out = _Out()
    try:
        if isinstance(data, str | bytes | bytearray):
            ok, data = _parse(data, out)
            if not ok:
                return out.findings
        if isinstance(data, Mapping):
            if _is_page(data):
                _check_page(data, "$", expect, out)
            else:
                _check_object(data, "$", expect, None, out)
        elif isinstance(data, list):
            for i, item in enumerate(data):
                if isinstance(item, Mapping):
                    _check_object(item, f"$[{i}]", expect, None, out)
                else:
                    out.add(
                        "KEIN_OBJEKT",
                        f"Element ist {_jtype(item)}, kein OParl-Objekt.",
                        f"$[{i}]",
                        None,
                        _SEC_JSON,
                    )
        else:
            out.add(
                "KEIN_OBJEKT",
                f"Erwartet wird ein OParl-Objekt oder eine Listenseite, nicht "
                f"{_jtype(data)} {_short(data)}.",
                "$",
                None,
                _SEC_JSON,
            )
    except Exception as exc:  # pragma: no cover - defensive: check must never raise
        out.add("INTERNER_FEHLER", f"Interner Fehler der Prüfung: {exc!r}", "$", None, None)
    return out.findings
