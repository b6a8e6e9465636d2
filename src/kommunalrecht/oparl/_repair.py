"""Lenient repair of OParl data at the dict level: 1.0 / pre-1.0 / broken servers → OParl 1.1.

:func:`repair` returns a *new* OParl 1.1 dict and one :class:`~kommunalrecht.errors.Finding`
(severity ``warning`` or ``info``, code ``REPARIERT_…``) per repair. It never drops data
silently: unknown and vendor properties are kept untouched, and whenever a repair loses or
guesses information the value the source gave is kept in the vendor property
``kommunalrecht:original`` of the object (a JSON object: OParl property name → original value;
see :data:`~kommunalrecht.oparl._spec.VENDOR_ORIGINAL`). Facts the source does not give are not
invented; each missing mandatory property is reported as ``FEHLT_UNERSETZBAR``.

Spec basis (OParl 1.1): §2.4.2 date formats, §2.4.3 null/empty values, §2.5 embedded objects,
§2.8 deleted objects, §3 property tables, §4.1 changes 1.0 → 1.1; the 1.0 patch-level spellings
(``underDirectionof``, Location ``organization``/``meeting``) and the deviations of real
servers are listed in ``docs/oparl/pruefung.md``.

>>> fixed, findings = repair({"id": "https://x.example/p/1", "deleted": True,
...                           "created": "2020-01-01T00:00:00+0100",
...                           "modified": "2020-02-01T00:00:00Z"}, expect="Paper")
>>> fixed["type"], fixed["created"], fixed["modified"]
('https://schema.oparl.org/1.1/Paper', '2020-01-01T00:00:00+01:00', '2020-02-01T00:00:00+00:00')
>>> [f.code for f in findings]
['REPARIERT_DATUMZEIT', 'REPARIERT_DATUMZEIT', 'REPARIERT_TYP_ERGAENZT']
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from kommunalrecht.errors import Finding, ParseError, Severity
from kommunalrecht.oparl._spec import (
    OPARL_VERSION_URI,
    SPEC,
    VENDOR_ORIGINAL,
    Kind,
    Prop,
    Requirement,
    parse_type_uri,
    type_uri,
)
from kommunalrecht.oparl.check import is_date, is_datetime, is_url

__all__ = ["REPAIR_CODES", "repair"]

WARNING = Severity.WARNING
INFO = Severity.INFO
_S = "OParl 1.1"

REPAIR_CODES: Mapping[str, tuple[Severity, str]] = {
    "REPARIERT_TYP_VERSION": (INFO, "Typ-URI von OParl 1.0 oder Vorversion auf 1.1 gesetzt."),
    "REPARIERT_TYP_ERGAENZT": (WARNING, "Fehlendes ``type`` aus dem Kontext ergänzt."),
    "REPARIERT_TYP_KORRIGIERT": (
        WARNING,
        "Falscher Typ eines eingebetteten Objekts durch den Typ der Eigenschaft ersetzt.",
    ),
    "REPARIERT_OPARLVERSION": (INFO, "System.oparlVersion auf 1.1 gesetzt."),
    "REPARIERT_NAME": (INFO, "Eigenschaft umbenannt (1.0-Schreibweise, Tippfehler)."),
    "REPARIERT_DATUMZEIT": (INFO, "date-time in die Form yyyy-mm-ddThh:mm:ss±hh:mm gebracht."),
    "REPARIERT_DATUMZEIT_BRUCHTEIL": (WARNING, "Sekundenbruchteile entfernt."),
    "REPARIERT_ZEITZONE_ANGENOMMEN": (WARNING, "Zeit ohne Zeitzone als Europe/Berlin gelesen."),
    "REPARIERT_DATUM_ZU_DATUMZEIT": (
        WARNING,
        "Datum statt Zeitpunkt: als 00:00 Uhr Europe/Berlin gelesen.",
    ),
    "REPARIERT_DATUMZEIT_ZU_DATUM": (WARNING, "Zeitpunkt statt Datum: auf das Datum gekürzt."),
    "REPARIERT_DATUM": (INFO, "Datum in die Form yyyy-mm-dd gebracht."),
    "REPARIERT_URL_SCHEMA": (WARNING, "URL ohne Schema: http:// ergänzt."),
    "REPARIERT_URL_LEERZEICHEN": (INFO, "Leerzeichen am Rand einer URL entfernt."),
    "REPARIERT_PLATZHALTER_ENTFERNT": (
        WARNING,
        'Platzhalter wie "N/A" statt einer URL entfernt.',
    ),
    "REPARIERT_LIZENZ_FREITEXT": (
        WARNING,
        "Lizenz als Freitext statt URL: in kommunalrecht:original verschoben.",
    ),
    "REPARIERT_URL_FREITEXT": (
        WARNING,
        "Freitext statt URL: in kommunalrecht:original verschoben.",
    ),
    "REPARIERT_LEER_ENTFERNT": (INFO, 'null, "" oder [] entfernt (§2.4.3).'),
    "REPARIERT_ARRAY": (INFO, "Einzelwert statt Array: in ein Array gepackt."),
    "REPARIERT_LISTE_ALS_ARRAY": (
        WARNING,
        "Array statt URL einer externen Liste: in kommunalrecht:original verschoben.",
    ),
    "REPARIERT_VERWEIS_EINGEBETTET": (
        WARNING,
        "URL statt eingebettetem Objekt: als Objekt mit id und type eingebettet.",
    ),
    "REPARIERT_ZEITSTEMPEL_GEERBT": (
        WARNING,
        "created/modified eines in OParl 1.0 eingebetteten Objekts vom Elternobjekt übernommen.",
    ),
    "REPARIERT_ORDER_ERGAENZT": (WARNING, "AgendaItem.order aus der Position ergänzt."),
    "REPARIERT_GELOESCHT_ENTFERNT": (
        WARNING,
        "Gelöschtes eingebettetes Objekt entfernt (in kommunalrecht:original).",
    ),
    "REPARIERT_DELETED_FALSE": (INFO, "``deleted: false`` entfernt."),
    "REPARIERT_WERTTYP": (INFO, "Skalar in den verlangten JSON-Typ umgewandelt."),
    "REPARIERT_GEOJSON_FEATURE": (INFO, "Bloße GeoJSON-Geometrie in ein Feature gepackt."),
    "REPARIERT_GEOJSON_PROPERTIES": (INFO, "GeoJSON-Feature um ``properties: {}`` ergänzt."),
    "REPARIERT_GEOJSON_LATLON": (
        WARNING,
        "[Breite, Länge] in [Länge, Breite] getauscht (Original in kommunalrecht:original).",
    ),
    "REPARIERT_LOCATION_ERGAENZT": (INFO, "Person.location aus locationObject.id ergänzt."),
    "REPARIERT_LISTE": (INFO, "Listenseite im Vor-1.0-Format auf data/pagination/links."),
    "FEHLT_UNERSETZBAR": (
        WARNING,
        "Zwingende Eigenschaft fehlt und lässt sich nicht aus den Daten gewinnen.",
    ),
}
"""Every finding code of :func:`repair` with its severity and meaning."""

_BERLIN = ZoneInfo("Europe/Berlin")

_PLACEHOLDERS = frozenset(
    ("n/a", "na", "-", "--", "none", "null", "keine", "k.a.", "k. a.", "unbekannt", "?")
)

_RENAMES: dict[str, dict[str, str]] = {
    "System": {"otherOParlVersions": "otherOparlVersions"},
    "Paper": {"underDirectionof": "underDirectionOf"},
    "Location": {"organization": "organizations", "meeting": "meetings", "geometry": "geojson"},
    "AgendaItem": {"resolution": "resolutionText"},
}

_DT_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r"\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$",
    re.ASCII,
)
_DE_DATE_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$", re.ASCII)


class _Ctx:
    __slots__ = ("findings",)

    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def add(self, code: str, message: str, path: str, oid: str | None, basis: str) -> None:
        self.findings.append(
            Finding(
                code=code,
                severity=REPAIR_CODES[code][0],
                message=message,
                path=path,
                object_id=oid,
                rechtsgrundlage=basis,
            )
        )


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


# ---------------------------------------------------------------------------------------
# value repairs


def _fmt_offset(delta: timedelta | None) -> str:
    assert delta is not None
    minutes = int(delta.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _fix_datetime(value: str) -> tuple[str, str, list[str]] | None:
    """(new value, code, notes) or None if not readable as a point in time."""
    s = value.strip()
    m = _DT_RE.match(s)
    if m is None:
        return None
    y, mo, d, hh, mi, ss, frac, tz = m.groups()
    notes: list[str] = []
    try:
        day = date(int(y), int(mo), int(d))
        if hh is None:
            local = datetime.combine(day, time(0, 0), _BERLIN)
            return (
                f"{day.isoformat()}T00:00:00{_fmt_offset(local.utcoffset())}",
                "REPARIERT_DATUM_ZU_DATUMZEIT",
                ["Datum ohne Uhrzeit als 00:00 Uhr Europe/Berlin gelesen"],
            )
        clock = time(int(hh), int(mi), int(ss or 0))
    except ValueError:
        return None
    code = "REPARIERT_DATUMZEIT"
    if ss is None:
        notes.append("Sekunden ergänzt")
    if frac is not None:
        if frac.strip("0"):
            code = "REPARIERT_DATUMZEIT_BRUCHTEIL"
            notes.append(f"Sekundenbruchteil .{frac} entfernt")
        else:
            notes.append("Sekundenbruchteil .0 entfernt")
    if s[10:11] == " ":
        notes.append("'T' statt Leerzeichen")
    if tz is None:
        local = datetime.combine(day, clock, _BERLIN)
        offset = _fmt_offset(local.utcoffset())
        code = "REPARIERT_ZEITZONE_ANGENOMMEN"
        notes.append(f"ohne Zeitzone, als Europe/Berlin ({offset}) gelesen")
    elif tz in ("Z", "z"):
        offset = "+00:00"
        notes.append("'Z' als +00:00 geschrieben")
    else:
        digits = tz[1:].replace(":", "")
        if len(digits) == 2:
            digits += "00"
        if int(digits[:2]) > 23 or int(digits[2:]) > 59:
            return None
        offset = f"{tz[0]}{digits[:2]}:{digits[2:]}"
        if offset != tz:
            notes.append(f"Offset {tz} als {offset} geschrieben")
    if s != value:
        notes.append("Leerzeichen entfernt")
    new = f"{day.isoformat()}T{clock.isoformat()}{offset}"
    return new, code, notes


def _fix_date(value: str) -> tuple[str, str, bool] | None:
    """(new value, code, lossy) or None."""
    s = value.strip()
    m = _DE_DATE_RE.match(s)
    if m is not None:
        try:
            return date(int(m[3]), int(m[2]), int(m[1])).isoformat(), "REPARIERT_DATUM", False
        except ValueError:
            return None
    m2 = _DT_RE.match(s)
    if m2 is None:
        return None
    y, mo, d, hh, mi, ss, frac, _tz = m2.groups()
    try:
        day = date(int(y), int(mo), int(d))
    except ValueError:
        return None
    if hh is None:
        return day.isoformat(), "REPARIERT_DATUM", False
    midnight = int(hh) == 0 and int(mi) == 0 and int(ss or 0) == 0
    lossy = not (midnight and not (frac or "").strip("0"))
    return day.isoformat(), "REPARIERT_DATUMZEIT_ZU_DATUM", lossy


def _looks_like_host(s: str) -> bool:
    if " " in s or "." not in s or s.startswith("."):
        return False
    host = s.split("/", 1)[0]
    labels = host.split(".")
    return (
        len(labels) >= 2
        and all(lab and (lab.replace("-", "").isalnum()) for lab in labels)
        and labels[-1].isalpha()
    )


class _Obj:
    """Repair state of one object: its new dict and originals kept for lossy repairs."""

    __slots__ = ("ctx", "new", "oid", "original", "path", "tname")

    def __init__(self, ctx: _Ctx, tname: str, path: str, oid: str | None) -> None:
        self.ctx = ctx
        self.tname = tname
        self.path = path
        self.oid = oid
        self.new: dict[str, Any] = {}
        self.original: dict[str, Any] = {}

    def add(self, code: str, message: str, prop: str | None, basis: str) -> None:
        path = self.path if prop is None else f"{self.path}.{prop}"
        self.ctx.add(code, message, path, self.oid, basis)

    def keep(self, prop: str, value: Any) -> None:
        self.original.setdefault(prop, copy.deepcopy(value))


def _repair_url(o: _Obj, p: Prop, name: str, value: str, *, item: bool = False) -> str | None:
    """Repaired URL, or None if the value is to be removed (original kept where lossy)."""
    label = f"{o.tname}.{name}" + ("[]" if item else "")
    s = value.strip()
    if s != value and is_url(s):
        o.add(
            "REPARIERT_URL_LEERZEICHEN", f"{label}: Leerzeichen am Rand entfernt.", name, p.section
        )
        return s
    if is_url(s):
        return s
    if s == "":
        o.add(
            "REPARIERT_LEER_ENTFERNT",
            f"{label}: leere Zeichenkette entfernt.",
            name,
            f"{_S} §2.4.3",
        )
        return None
    if s.lower() in _PLACEHOLDERS:
        o.keep(name, value)
        o.add(
            "REPARIERT_PLATZHALTER_ENTFERNT",
            f"{label} = {_short(value)} ist ein Platzhalter, keine URL; entfernt.",
            name,
            p.section,
        )
        return None
    if _looks_like_host(s) or s.startswith("//"):
        fixed = "http:" + s if s.startswith("//") else "http://" + s
        if is_url(fixed):
            o.keep(name, value)
            o.add(
                "REPARIERT_URL_SCHEMA",
                f"{label} = {_short(value)} ohne Schema; als {fixed!r} gelesen.",
                name,
                p.section,
            )
            return fixed
    if name == "id":
        return value  # never remove an id; check reports it
    o.keep(name, value)
    if name == "license" or name == "fileLicense":
        o.add(
            "REPARIERT_LIZENZ_FREITEXT",
            f"{label} = {_short(value)} ist Freitext, keine Lizenz-URL; der Text steht in "
            f"{VENDOR_ORIGINAL}.",
            name,
            p.section,
        )
    else:
        o.add(
            "REPARIERT_URL_FREITEXT",
            f"{label} = {_short(value)} ist keine URL; der Text steht in {VENDOR_ORIGINAL}.",
            name,
            p.section,
        )
    return None


_REMOVE = object()


def _repair_value(o: _Obj, p: Prop, name: str, value: Any, ctx_parent: _Parent) -> Any:
    """Repaired value or ``_REMOVE``."""
    kind = p.kind
    required = p.required is not Requirement.RECOMMENDED
    if value is None:
        o.add("REPARIERT_LEER_ENTFERNT", f"{o.tname}.{name}: null entfernt.", name, f"{_S} §2.4.3")
        return _REMOVE
    if kind is Kind.STRING:
        if value == "" and not required:
            o.add(
                "REPARIERT_LEER_ENTFERNT",
                f"{o.tname}.{name}: leere Zeichenkette entfernt.",
                name,
                f"{_S} §2.4.3",
            )
            return _REMOVE
        if name != "type" and (value.__class__ in (int, float)):
            o.keep(name, value)
            o.add(
                "REPARIERT_WERTTYP",
                f"{o.tname}.{name} = {value!r}: Zahl als Zeichenkette.",
                name,
                p.section,
            )
            return str(value)
        return value
    if kind is Kind.URL or kind is Kind.EXTERNAL_LIST:
        if value.__class__ is list and kind is Kind.EXTERNAL_LIST:
            o.keep(name, value)
            o.add(
                "REPARIERT_LISTE_ALS_ARRAY",
                f"{o.tname}.{name} ist ein Array statt der URL einer externen Liste "
                f"(OParl 1.0-Beispiel); die Einträge stehen in {VENDOR_ORIGINAL}.",
                name,
                p.section,
            )
            return _REMOVE
        if value.__class__ is not str:
            return value
        fixed = _repair_url(o, p, name, value)
        return _REMOVE if fixed is None else fixed
    if kind is Kind.DATETIME:
        if value.__class__ is not str or is_datetime(value):
            return value
        if value.strip() == "":
            o.add(
                "REPARIERT_LEER_ENTFERNT",
                f"{o.tname}.{name}: leere Zeichenkette entfernt.",
                name,
                f"{_S} §2.4.3",
            )
            return _REMOVE
        res = _fix_datetime(value)
        if res is None:
            return value
        new, code, notes = res
        if code != "REPARIERT_DATUMZEIT":
            o.keep(name, value)
        o.add(
            code,
            f"{o.tname}.{name} = {value!r} → {new!r}: {'; '.join(notes)}.",
            name,
            f"{_S} §2.4.2",
        )
        return new
    if kind is Kind.DATE:
        if value.__class__ is not str or is_date(value):
            return value
        if value.strip() == "":
            o.add(
                "REPARIERT_LEER_ENTFERNT",
                f"{o.tname}.{name}: leere Zeichenkette entfernt.",
                name,
                f"{_S} §2.4.3",
            )
            return _REMOVE
        res2 = _fix_date(value)
        if res2 is None:
            return value
        new, code, lossy = res2
        if lossy:
            o.keep(name, value)
        o.add(code, f"{o.tname}.{name} = {value!r} → {new!r}.", name, f"{_S} §2.4.2")
        return new
    if kind is Kind.INTEGER:
        if value.__class__ is str and value.strip().isdigit() and value.strip().isascii():
            o.add(
                "REPARIERT_WERTTYP",
                f"{o.tname}.{name} = {value!r}: Zeichenkette als Zahl.",
                name,
                p.section,
            )
            return int(value.strip())
        if value.__class__ is float and value.is_integer():
            o.add(
                "REPARIERT_WERTTYP", f"{o.tname}.{name} = {value!r}: als Ganzzahl.", name, p.section
            )
            return int(value)
        return value
    if kind is Kind.BOOLEAN:
        if name == "deleted" and value is False:
            o.add(
                "REPARIERT_DELETED_FALSE",
                f"{o.tname}.deleted = false entfernt.",
                name,
                f"{_S} §2.8",
            )
            return _REMOVE
        if value.__class__ is str and value.strip().lower() in ("true", "false"):
            o.add(
                "REPARIERT_WERTTYP",
                f"{o.tname}.{name} = {value!r}: als Wahrheitswert.",
                name,
                p.section,
            )
            return value.strip().lower() == "true"
        return value
    if kind is Kind.STRING_LIST or kind is Kind.URL_LIST:
        if value.__class__ is str:
            o.add(
                "REPARIERT_ARRAY",
                f"{o.tname}.{name}: Einzelwert {_short(value)} in ein Array gepackt.",
                name,
                p.section,
            )
            value = [value]
        if value.__class__ is not list:
            return value
        out: list[Any] = []
        dropped = False
        for item in value:
            if item.__class__ is str:
                if kind is Kind.URL_LIST:
                    fixed = _repair_url(o, p, name, item, item=True)
                    if fixed is None:
                        dropped = True
                        continue
                    item = fixed
                elif item == "":
                    dropped = True
                    o.add(
                        "REPARIERT_LEER_ENTFERNT",
                        f"{o.tname}.{name}: leere Zeichenkette aus dem Array entfernt.",
                        name,
                        f"{_S} §2.4.3",
                    )
                    continue
            elif item is None:
                dropped = True
                continue
            out.append(copy.deepcopy(item))
        if not out:
            if not dropped:
                o.add(
                    "REPARIERT_LEER_ENTFERNT",
                    f"{o.tname}.{name}: leeres Array entfernt.",
                    name,
                    f"{_S} §2.4.3",
                )
            return _REMOVE
        return out
    if kind is Kind.EMBEDDED:
        target = p.target or ""
        if value.__class__ is str:
            url = _repair_url(o, p, name, value)
            if url is None:
                return _REMOVE
            o.add(
                "REPARIERT_VERWEIS_EINGEBETTET",
                f"{o.tname}.{name} ist eine URL statt eines eingebetteten {target}-Objekts "
                "(OParl 1.0); als Objekt mit id und type eingebettet.",
                name,
                p.section,
            )
            value = {"id": url, "type": type_uri(target)}
        if not isinstance(value, Mapping):
            return value
        if value.get("deleted") is True:
            o.keep(name, value)
            o.add(
                "REPARIERT_GELOESCHT_ENTFERNT",
                f"{o.tname}.{name}: gelöschtes eingebettetes Objekt entfernt.",
                name,
                f"{_S} §2.8",
            )
            return _REMOVE
        return _repair_object(o.ctx, value, f"{o.path}.{name}", target, ctx_parent, True)
    if kind is Kind.EMBEDDED_LIST:
        target = p.target or ""
        if isinstance(value, Mapping):
            o.add(
                "REPARIERT_ARRAY",
                f"{o.tname}.{name}: einzelnes Objekt in ein Array gepackt.",
                name,
                p.section,
            )
            value = [value]
        if value.__class__ is not list:
            return value
        if not value:
            if required:
                return value
            o.add(
                "REPARIERT_LEER_ENTFERNT",
                f"{o.tname}.{name}: leeres Array entfernt.",
                name,
                f"{_S} §2.4.3",
            )
            return _REMOVE
        items: list[Any] = []
        removed: list[Any] = []
        agenda = o.tname == "Meeting" and name == "agendaItem"
        for item in value:
            if isinstance(item, Mapping) and item.get("deleted") is True:
                removed.append(copy.deepcopy(item))
                continue
            items.append(item)
        if removed:
            o.keep(name, removed)
            o.add(
                "REPARIERT_GELOESCHT_ENTFERNT",
                f"{o.tname}.{name}: {len(removed)} gelöschte eingebettete Objekte entfernt.",
                name,
                f"{_S} §2.8",
            )
        result: list[Any] = []
        for i, item in enumerate(items):
            if not isinstance(item, Mapping):
                result.append(copy.deepcopy(item))
                continue
            ipath = f"{o.path}.{name}[{i}]"
            fixed_item = _repair_object(o.ctx, item, ipath, target, ctx_parent, True)
            if agenda and "order" not in fixed_item:
                fixed_item["order"] = i
                o.ctx.add(
                    "REPARIERT_ORDER_ERGAENZT",
                    f"AgendaItem.order fehlt; aus der Position {i} in Meeting.agendaItem ergänzt.",
                    f"{ipath}.order",
                    _id(fixed_item),
                    f"{_S} §3 oparl:AgendaItem (order)",
                )
            result.append(fixed_item)
        if not result and not required:
            return _REMOVE
        return result
    if kind is Kind.OBJECT:
        return _repair_geojson(o, p, name, value)
    return value  # pragma: no cover


_GEOMETRIES = {
    "Point": 0,
    "MultiPoint": 1,
    "LineString": 1,
    "MultiLineString": 2,
    "Polygon": 2,
    "MultiPolygon": 3,
}


def _swap(coords: Any, depth: int) -> Any:
    if depth == 0:
        if coords.__class__ is list and len(coords) >= 2:
            return [coords[1], coords[0], *coords[2:]]
        return coords
    if coords.__class__ is not list:
        return coords
    return [_swap(c, depth - 1) for c in coords]


def _known_geometry(gtype: Any) -> bool:
    """Whether ``gtype`` names a GeoJSON geometry (any JSON value may arrive here)."""
    return gtype.__class__ is str and gtype in _GEOMETRIES


def _latlon(geom: Any) -> bool:
    if not isinstance(geom, Mapping) or not _known_geometry(geom.get("type")):
        return False
    coords = geom.get("coordinates")
    for _ in range(_GEOMETRIES[geom["type"]]):
        if coords.__class__ is not list or not coords:
            return False
        coords = coords[0]
    if coords.__class__ is not list or len(coords) < 2:
        return False
    a, b = coords[0], coords[1]
    if not all(x.__class__ in (int, float) for x in (a, b)):
        return False
    return bool(47.0 <= a <= 55.5 and 5.0 <= b <= 15.5)


def _repair_geojson(o: _Obj, p: Prop, name: str, value: Any) -> Any:
    if not isinstance(value, Mapping):
        return value
    value = copy.deepcopy(dict(value))
    gtype = value.get("type")
    if _known_geometry(gtype) or gtype == "GeometryCollection":
        o.add(
            "REPARIERT_GEOJSON_FEATURE",
            f"{o.tname}.{name} ist eine bloße {gtype}-Geometrie; in ein GeoJSON-Feature gepackt.",
            name,
            p.section,
        )
        value = {"type": "Feature", "geometry": value, "properties": {}}
    if value.get("type") != "Feature":
        return value
    if "properties" not in value:
        o.add(
            "REPARIERT_GEOJSON_PROPERTIES",
            f"{o.tname}.{name}: Feature ohne properties; ``properties: {{}}`` ergänzt.",
            name,
            p.section,
        )
        value["properties"] = {}
    geom = value.get("geometry")
    if _latlon(geom):
        o.keep(name, value)
        geom = dict(geom)
        geom["coordinates"] = _swap(geom["coordinates"], _GEOMETRIES[geom["type"]])
        value["geometry"] = geom
        o.add(
            "REPARIERT_GEOJSON_LATLON",
            f"{o.tname}.{name}: Koordinaten als [Breite, Länge] angegeben; in "
            f"[Länge, Breite] getauscht (Original in {VENDOR_ORIGINAL}).",
            name,
            p.section,
        )
    return value


# ---------------------------------------------------------------------------------------
# objects

_Parent = tuple[str, Mapping[str, Any], str | None] | None  # (type, new dict, source version)


def _id(obj: Mapping[str, Any]) -> str | None:
    v = obj.get("id")
    return v if v.__class__ is str else None


def _resolve_type(
    ctx: _Ctx, obj: Mapping[str, Any], path: str, expect: str | None, embedded: bool
) -> tuple[str, str | None, str | None]:
    """(type name, source version or None, finding code or None)."""
    t = obj.get("type")
    parsed = parse_type_uri(t)
    if parsed is not None and parsed[0] in SPEC:
        name, version = parsed
        if embedded and expect is not None and name != expect:
            return expect, version, "REPARIERT_TYP_KORRIGIERT"
        return name, version, None
    if expect is None or expect not in SPEC:
        if t is None:
            raise ParseError(
                "an OParl object with `type` (or a given `expect`)", dict(obj), path=path
            )
        raise ParseError("a known OParl type URI", t, path=f"{path}.type")
    return expect, None, "REPARIERT_TYP_ERGAENZT"


def _repair_object(
    ctx: _Ctx,
    obj: Mapping[str, Any],
    path: str,
    expect: str | None,
    parent: _Parent,
    embedded: bool,
) -> dict[str, Any]:
    tname, version, tcode = _resolve_type(ctx, obj, path, expect, embedded)
    ts = SPEC[tname]
    o = _Obj(ctx, tname, path, _id(obj))
    renames = _RENAMES.get(tname, {})
    me: _Parent = (tname, o.new, version)
    deleted = obj.get("deleted") is True
    # created/modified first, so that embedded children of 1.0 data can inherit them;
    # the new dict keeps the source order of the properties
    keys = [k for k in obj if k in ("created", "modified")]
    keys += [k for k in obj if k not in ("created", "modified")]
    results: dict[str, Any] = {}
    for key in keys:
        value = obj[key]
        if key.__class__ is not str:
            continue
        name = key
        if name not in ts:
            target = renames.get(name)
            if target is None and name.endswith(":") and name[:-1] in ts:
                target = name[:-1]
            if target is not None and target not in obj:
                if name == "geometry" and not isinstance(value, Mapping):
                    results[key] = copy.deepcopy(value)
                    continue
                o.add(
                    "REPARIERT_NAME",
                    f"{tname}.{name} in {tname}.{target} umbenannt.",
                    name,
                    ts.prop(target).section,
                )
                name = target
            else:
                results[key] = copy.deepcopy(value)  # vendor / unknown: untouched
                continue
        if name == "type" or name == VENDOR_ORIGINAL:
            continue
        p = ts.prop(name)
        fixed = _repair_value(o, p, name, value, me)
        if fixed is not _REMOVE:
            results[name] = fixed
            if name in ("created", "modified"):
                o.new[name] = fixed  # visible to embedded children (see _Parent)
    o.new = {}
    for key in obj:
        if key in results:
            o.new[key] = results[key]
        else:
            target = renames.get(key) or (
                key[:-1] if key.__class__ is str and key.endswith(":") else None
            )
            if target is not None and target in results and target not in o.new:
                o.new[target] = results[target]
    # type
    uri = type_uri(tname)
    t = obj.get("type")
    if tcode == "REPARIERT_TYP_ERGAENZT":
        if t is not None:
            o.keep("type", t)
        o.add(
            tcode,
            f"type fehlt oder ist unbekannt ({_short(t)}); aus dem Kontext als {tname} gesetzt.",
            "type",
            f"{_S} §3.1",
        )
    elif tcode == "REPARIERT_TYP_KORRIGIERT":
        o.keep("type", t)
        o.add(
            tcode,
            f"type = {_short(t)}, die Eigenschaft verlangt aber ein {tname}-Objekt; korrigiert.",
            "type",
            f"{_S} §2.5",
        )
    elif version != "1.1":
        o.add(
            "REPARIERT_TYP_VERSION",
            f"Typ-URI {t!r} (OParl {version}) → {uri!r}.",
            "type",
            f"{_S} §4.1",
        )
    o.new = (
        {"id": o.new.pop("id"), "type": uri, **o.new} if "id" in o.new else {"type": uri, **o.new}
    )
    new = o.new
    # System.oparlVersion
    if tname == "System":
        ov = new.get("oparlVersion")
        if ov.__class__ is str and ov != OPARL_VERSION_URI and ov.rstrip("/").endswith("/1.0"):
            new["oparlVersion"] = OPARL_VERSION_URI
            o.add(
                "REPARIERT_OPARLVERSION",
                f"System.oparlVersion {ov!r} → {OPARL_VERSION_URI!r}.",
                "oparlVersion",
                f"{_S} §3 oparl:System",
            )
    # Person.location from locationObject
    if tname == "Person" and "location" not in new:
        lo = new.get("locationObject")
        if isinstance(lo, Mapping) and is_url(lo.get("id")):
            new["location"] = lo["id"]
            o.add(
                "REPARIERT_LOCATION_ERGAENZT",
                "Person.location aus locationObject.id ergänzt.",
                "location",
                f"{_S} §3 oparl:Person (locationObject)",
            )
    # created/modified of objects embedded in 1.0 data
    if embedded and parent is not None:
        _ptype, pnew, pversion = parent
        legacy = version in ("1.0", "pre-1.0") or pversion in ("1.0", "pre-1.0")
        if legacy:
            for stamp in ("created", "modified"):
                if stamp not in new and is_datetime(pnew.get(stamp)):
                    new[stamp] = pnew[stamp]
                    o.add(
                        "REPARIERT_ZEITSTEMPEL_GEERBT",
                        f"{tname}.{stamp} fehlt (OParl 1.0 verlangte es bei eingebetteten "
                        f"Objekten nicht); vom einbettenden Objekt übernommen: "
                        f"{pnew[stamp]!r}.",
                        stamp,
                        f"{_S} §3.1, §4.1",
                    )
    # what cannot be repaired
    for req in ts.props:
        if req.required.applies(deleted=deleted, embedded=embedded) and req.name not in new:
            if tname == "AgendaItem" and req.name == "order" and embedded:
                continue  # set by the embedding Meeting
            o.add(
                "FEHLT_UNERSETZBAR",
                f"Zwingende Eigenschaft {tname}.{req.name} fehlt und lässt sich nicht aus den "
                "Daten gewinnen.",
                req.name,
                req.section,
            )
    # originals
    if o.original:
        existing = obj.get(VENDOR_ORIGINAL)
        merged: dict[str, Any] = dict(existing) if isinstance(existing, Mapping) else {}
        for k, v in o.original.items():
            merged.setdefault(k, v)
        new[VENDOR_ORIGINAL] = merged
    elif VENDOR_ORIGINAL in obj:
        new[VENDOR_ORIGINAL] = copy.deepcopy(obj[VENDOR_ORIGINAL])
    return new


def _repair_page(ctx: _Ctx, page: Mapping[str, Any], expect: str | None) -> dict[str, Any]:
    new: dict[str, Any] = {}
    legacy = "items" in page and "data" not in page
    if legacy:
        ctx.add(
            "REPARIERT_LISTE",
            "Listenseite im Vor-1.0-Format (items/nextPage) auf data/pagination/links umgestellt.",
            "$",
            None,
            f"{_S} §2.5",
        )
    data = page.get("data", page.get("items") if legacy else None)
    items: list[Any] = []
    if data.__class__ is list:
        for i, item in enumerate(data):
            if isinstance(item, Mapping):
                items.append(_repair_object(ctx, item, f"$.data[{i}]", expect, None, False))
            else:
                items.append(copy.deepcopy(item))
    new["data"] = items if data.__class__ is list else copy.deepcopy(data)
    pagination = page.get("pagination")
    new["pagination"] = copy.deepcopy(dict(pagination)) if isinstance(pagination, Mapping) else {}
    links = page.get("links")
    new["links"] = copy.deepcopy(dict(links)) if isinstance(links, Mapping) else {}
    if legacy:
        if page.get("nextPage") is not None:
            new["links"].setdefault("next", page["nextPage"])
        if page.get("itemsPerPage") is not None:
            new["pagination"].setdefault("elementsPerPage", page["itemsPerPage"])
    for key, value in page.items():
        if key in ("data", "pagination", "links"):
            continue
        if legacy and key in ("items", "nextPage", "itemsPerPage"):
            continue
        new[key] = copy.deepcopy(value)
    return new


def repair(
    data: Mapping[str, Any], *, expect: str | None = None
) -> tuple[dict[str, Any], list[Finding]]:
    """Repair an OParl object or list page leniently; return ``(new_dict, findings)``.

    ``expect`` names the OParl type for objects without ``type`` (deleted stubs of real
    servers) or with an unreadable one; for a list page it applies to every element.
    Raises :class:`~kommunalrecht.errors.ParseError` only for input that is not OParl at all:
    not a JSON object, or an object whose type cannot be told.

    >>> body, findings = repair({"id": "https://ris.example/body/1",
    ...     "type": "https://schema.oparl.org/1.0/Body", "name": "Gemeinde",
    ...     "website": "www.gemeinde.de", "created": "2020-01-01T00:00:00+01:00",
    ...     "modified": "2020-01-01T00:00:00+01:00"})
    >>> body["type"], body["website"], body["kommunalrecht:original"]
    ('https://schema.oparl.org/1.1/Body', 'http://www.gemeinde.de', {'website': 'www.gemeinde.de'})
    >>> sorted({f.code for f in findings})
    ['FEHLT_UNERSETZBAR', 'REPARIERT_TYP_VERSION', 'REPARIERT_URL_SCHEMA']
    >>> repair([1, 2])
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.ParseError: at $: expected an OParl object (JSON object), got [1, 2]
    """
    if not isinstance(data, Mapping):
        raise ParseError("an OParl object (JSON object)", data)
    ctx = _Ctx()
    try:
        if "type" not in data and (
            "data" in data or "items" in data or "links" in data or "pagination" in data
        ):
            return _repair_page(ctx, data, expect), ctx.findings
        return _repair_object(ctx, data, "$", expect, None, False), ctx.findings
    except RecursionError as exc:  # pragma: no cover - pathological nesting
        raise ParseError("an OParl object of sane nesting depth", "…") from exc
