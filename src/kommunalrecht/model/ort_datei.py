"""Places and documents: :class:`Ort` (OParl ``Location``) and :class:`Datei` (OParl ``File``).

Both are usually embedded in other objects (OParl 1.1 §3); their back-reference fields list the
objects that embed or reference them and are only written when the object stands alone.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from . import _validators as v
from ._base import Objekt, f_datum, f_ref, f_refs, f_text

__all__ = ["Datei", "Ort"]


def _geojson(inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, Mapping):
        v._fail(inst, attr, "a GeoJSON object (mapping) or None", value)


@attrs.frozen(kw_only=True)
class Ort(Objekt):
    """A place: address, room, GeoJSON geometry (OParl ``Location``).

    >>> o = Ort(id="https://example.org/ort/kreishaus", beschreibung="Kreishaus Siegburg",
    ...         strasse="Kaiser-Wilhelm-Platz 1", postleitzahl="53721", ortschaft="Siegburg")
    >>> o.ortschaft
    'Siegburg'
    """

    beschreibung: str | None = f_text()
    geojson: Mapping[str, Any] | None = attrs.field(default=None, validator=_geojson, hash=False)
    strasse: str | None = f_text()
    raum: str | None = f_text()
    postleitzahl: str | None = f_text()
    ortsteil: str | None = f_text()
    ortschaft: str | None = f_text()
    koerperschaften: tuple[str, ...] = f_refs("Koerperschaft")
    gremien: tuple[str, ...] = f_refs("Gremium")
    personen: tuple[str, ...] = f_refs("Person")
    sitzungen: tuple[str, ...] = f_refs("Sitzung")
    drucksachen: tuple[str, ...] = f_refs("Drucksache")


@attrs.frozen(kw_only=True)
class Datei(Objekt):
    """A document (OParl ``File``): invitation, Vorlage PDF, Niederschrift, Anlage.

    >>> d = Datei(id="https://example.org/datei/1", name="Einladung",
    ...           dateiname="einladung.pdf", mime_type="application/pdf", groesse=1024,
    ...           zugriff_url="https://example.org/datei/1.pdf")
    >>> d.groesse
    1024
    >>> Datei(id="https://example.org/datei/2", groesse=-1)
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.InvariantError: Datei.groesse: expected a non-negative integer, got -1
    """

    name: str | None = f_text()
    dateiname: str | None = f_text()
    mime_type: str | None = f_text()
    datum: _dt.date | None = f_datum()
    groesse: int | None = attrs.field(default=None, validator=v.opt_non_negative_int)
    sha1: str | None = f_text()
    sha512: str | None = f_text()
    text: str | None = f_text()
    zugriff_url: str | None = f_text()
    download_url: str | None = f_text()
    externer_dienst_url: str | None = f_text()
    original: str | None = f_ref("Datei")
    ableitungen: tuple[str, ...] = f_refs("Datei")
    dateilizenz: str | None = f_text()
    sitzungen: tuple[str, ...] = f_refs("Sitzung")
    tagesordnungspunkte: tuple[str, ...] = f_refs("Tagesordnungspunkt")
    drucksachen: tuple[str, ...] = f_refs("Drucksache")
