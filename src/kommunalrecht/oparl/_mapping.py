"""The mapping domain model ⇄ OParl 1.1: one table, used by the JSON codec, the XML mapping and
the documentation.

For every model class, :data:`MAPPING` lists every attrs field with the OParl property it
travels in (``Sitzung.beginn`` ⇄ ``Meeting.start``) and the conversion (:class:`Conv`). Domain
fields without a home in OParl 1.1 travel as vendor properties ``kommunalrecht:<field>``
(OParl 1.1 §3, "Herstellerspezifische Erweiterungen"), so that model → OParl → model is the
identity. Fields of the embedded :class:`~kommunalrecht.model.Beschluss` of a
:class:`~kommunalrecht.model.Tagesordnungspunkt` are written with a dotted name
(``beschluss.text`` ⇄ ``AgendaItem.resolutionText``).

Three bookkeeping vendor properties make the few non-obvious cases exact (see
``docs/oparl/index.md``):

* ``kommunalrecht:leer`` — model fields holding ``""`` whose OParl property is omitted
  (OParl 1.1 §2.4.3: empty strings SHOULD be omitted);
* ``kommunalrecht:ohne`` — model fields that are empty although OParl would imply a value
  (a back-reference of an embedded object that is not set, an agenda item without position,
  a ``role``/``result`` text equal to an enum value without the enum being set);
* ``kommunalrecht:klasse`` — the model class of a Paper when ``paperType`` does not tell it.

>>> m = MAPPING[Sitzung]
>>> m.oparl_type, m.field("beginn").key, m.field("status").key
('Meeting', 'start', 'kommunalrecht:status')
>>> MAPPING[Tagesordnungspunkt].field("beschluss.text").key
'resolutionText'
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from ..model import (
    Abstimmung,
    Antrag,
    Beratung,
    Beratungsrolle,
    Beschluss,
    BeschlussErgebnis,
    Beschlussvorlage,
    Datei,
    Dringlichkeitsentscheidung,
    Drucksache,
    Gremium,
    Koerperschaft,
    Mitgliedschaft,
    Ort,
    Person,
    Sitzung,
    System,
    Tagesordnungspunkt,
    VerlaufEintrag,
    Wahlperiode,
)
from ._spec import SPEC

__all__ = [
    "KLASSE",
    "LEER",
    "MAPPING",
    "OHNE",
    "PAPER_CLASSES",
    "VENDOR_MAPPING",
    "VENDOR_PREFIX",
    "VENDOR_TYPES",
    "VENDOR_TYPE_PREFIX",
    "ClassMap",
    "Conv",
    "Feld",
    "mapping_table_markdown",
]

VENDOR_PREFIX = "kommunalrecht:"
"""Prefix of the vendor properties this library writes (OParl 1.1 §3)."""

LEER = "kommunalrecht:leer"
"""Vendor property: model fields holding ``""`` (their OParl property is omitted)."""

OHNE = "kommunalrecht:ohne"
"""Vendor property: model fields that are empty although the OParl data would imply a value."""

KLASSE = "kommunalrecht:klasse"
"""Vendor property: model class of a Paper when ``paperType`` does not determine it."""

VENDOR_TYPE_PREFIX = "https://schema.kommunalrecht.example/1.1/"
"""Prefix of the type URIs of this library's vendor object types (OParl 1.1 §2.1 allows
vendor-specific types; clients that do not know them skip them)."""


class Conv(enum.Enum):
    """How a model value is converted to JSON and back.

    >>> Conv.DATETIME.value
    'Zeitpunkt (date-time, ±hh:mm)'
    """

    ID = "id (URL)"
    TEXT = "Text"
    URL = "URL"
    DATE = "Datum (date)"
    DATETIME = "Zeitpunkt (date-time, ±hh:mm)"
    INT = "Ganzzahl"
    BOOL = "Wahrheitswert oder unbekannt"
    FLAG = "Wahrheitswert (nur true geschrieben)"
    TEXTS = "Liste von Texten"
    REFS = "Liste von URLs"
    ENUM = "Aufzählung (Wert)"
    EMBED = "eingebettetes Objekt"
    EMBED_MANY = "eingebettete Objekte"
    GEOJSON = "GeoJSON-Objekt"
    VERLAUF = "Verlaufseinträge"
    ABSTIMMUNG = "Abstimmung (Objekt)"
    PAIR_TEXT = "Freitext eines Paars Aufzählung/Freitext"
    PAIR_ENUM = "Aufzählung eines Paars Aufzählung/Freitext"
    ORDER = "Position (0-basiert)"


@attrs.frozen(kw_only=True)
class Feld:
    """One model field and the JSON property it travels in.

    ``attr`` is the model attribute (``beschluss.text`` for fields of the embedded Beschluss);
    ``key`` the OParl property or ``kommunalrecht:<attr>``; ``target`` the enum class, the
    embedded model class or, for a pair half, the enum of the pair; ``backref`` the OParl type
    of the embedding parent when the field is the back-reference to it; ``pair`` the other
    half of an enum/free-text pair.

    >>> f = MAPPING[Beratung].field("rolle_text")
    >>> f.key, f.conv, f.pair
    ('role', <Conv.PAIR_TEXT: 'Freitext eines Paars Aufzählung/Freitext'>, 'rolle')
    """

    attr: str
    key: str
    conv: Conv
    target: Any = None
    backref: str | None = None
    pair: str | None = None

    @property
    def vendor(self) -> bool:
        """Whether the field travels as a ``kommunalrecht:`` vendor property."""
        return self.key.startswith(VENDOR_PREFIX)


@attrs.frozen(kw_only=True)
class ClassMap:
    """The mapping of one model class: its OParl type and its fields.

    >>> MAPPING[Antrag].oparl_type, MAPPING[Antrag].field("begruendung").key
    ('Paper', 'kommunalrecht:begruendung')
    """

    cls: type[Any]
    oparl_type: str
    fields: tuple[Feld, ...]

    def field(self, attr: str) -> Feld:
        """The entry of model field ``attr`` (``KeyError`` if there is none)."""
        for f in self.fields:
            if f.attr == attr:
                return f
        raise KeyError(attr)

    def __iter__(self) -> Iterator[Feld]:
        return iter(self.fields)


C = Conv


def _f(attr: str, key: str | None, conv: Conv, target: Any = None, **kw: Any) -> Feld:
    return Feld(attr=attr, key=key or VENDOR_PREFIX + attr.rpartition(".")[2], conv=conv,
                target=target, **kw)  # fmt: skip


_COMMON = (
    _f("id", "id", C.ID),
    _f("created", "created", C.DATETIME),
    _f("modified", "modified", C.DATETIME),
    _f("deleted", "deleted", C.FLAG),
    _f("web", "web", C.URL),
    _f("license", "license", C.TEXT),
    _f("keyword", "keyword", C.TEXTS),
)

_V = None  # key: vendor property kommunalrecht:<attr>


def _pair(enum_attr: str, text_attr: str, key: str, enum_cls: type[enum.Enum]) -> tuple[Feld, ...]:
    return (
        _f(text_attr, key, C.PAIR_TEXT, enum_cls, pair=enum_attr.rpartition(".")[2]),
        _f(enum_attr, _V, C.PAIR_ENUM, enum_cls, pair=text_attr.rpartition(".")[2]),
    )


def _build() -> dict[type[Any], ClassMap]:
    from ..model import enums, status

    m: dict[type[Any], tuple[str, tuple[Feld, ...]]] = {}
    m[System] = (
        "System",
        (
            _f("oparl_version", "oparlVersion", C.URL),
            _f("andere_oparl_versionen", "otherOparlVersions", C.REFS),
            _f("koerperschaften_liste", "body", C.URL),
            _f("name", "name", C.TEXT),
            _f("kontakt_email", "contactEmail", C.TEXT),
            _f("kontakt_name", "contactName", C.TEXT),
            _f("website", "website", C.URL),
            _f("hersteller", "vendor", C.URL),
            _f("produkt", "product", C.URL),
        ),
    )
    m[Koerperschaft] = (
        "Body",
        (
            _f("system", "system", C.URL),
            _f("name", "name", C.TEXT),
            _f("kurzname", "shortName", C.TEXT),
            _f("website", "website", C.URL),
            _f("lizenz_gueltig_seit", "licenseValidSince", C.DATETIME),
            _f("oparl_seit", "oparlSince", C.DATETIME),
            _f("ags", "ags", C.TEXT),
            _f("rgs", "rgs", C.TEXT),
            _f("aequivalente", "equivalent", C.REFS),
            _f("kontakt_email", "contactEmail", C.TEXT),
            _f("kontakt_name", "contactName", C.TEXT),
            _f("klassifikation", "classification", C.TEXT),
            _f("ort", "location", C.EMBED, Ort),
            _f("wahlperioden", "legislativeTerm", C.EMBED_MANY, Wahlperiode),
            _f("gremien_liste", "organization", C.URL),
            _f("personen_liste", "person", C.URL),
            _f("sitzungen_liste", "meeting", C.URL),
            _f("drucksachen_liste", "paper", C.URL),
            _f("tagesordnungspunkte_liste", "agendaItem", C.URL),
            _f("beratungen_liste", "consultation", C.URL),
            _f("dateien_liste", "file", C.URL),
            _f("orte_liste", "locationList", C.URL),
            _f("wahlperioden_liste", "legislativeTermList", C.URL),
            _f("mitgliedschaften_liste", "membership", C.URL),
            _f("land", _V, C.ENUM, enums.Land),
            _f("art", _V, C.ENUM, enums.Koerperschaftsart),
        ),
    )
    m[Wahlperiode] = (
        "LegislativeTerm",
        (
            _f("koerperschaft", "body", C.URL, backref="Body"),
            _f("name", "name", C.TEXT),
            _f("beginn", "startDate", C.DATE),
            _f("ende", "endDate", C.DATE),
        ),
    )
    m[Gremium] = (
        "Organization",
        (
            _f("koerperschaft", "body", C.URL),
            _f("name", "name", C.TEXT),
            _f("mitgliedschaften", "membership", C.REFS),
            _f("sitzungen_liste", "meeting", C.URL),
            _f("beratungen_liste", "consultation", C.URL),
            _f("kurzname", "shortName", C.TEXT),
            _f("posten", "post", C.TEXTS),
            _f("uebergeordnet", "subOrganizationOf", C.URL),
            _f("organisationstyp", "organizationType", C.TEXT),
            _f("klassifikation", "classification", C.TEXT),
            _f("beginn", "startDate", C.DATE),
            _f("ende", "endDate", C.DATE),
            _f("website", "website", C.URL),
            _f("ort", "location", C.EMBED, Ort),
            _f("externe_koerperschaft", "externalBody", C.URL),
            _f("kennung", _V, C.TEXT),
            _f("art", _V, C.ENUM, enums.Gremiumart),
            _f("gesetzliche_mitgliederzahl", _V, C.INT),
        ),
    )
    m[Person] = (
        "Person",
        (
            _f("koerperschaft", "body", C.URL),
            _f("name", "name", C.TEXT),
            _f("familienname", "familyName", C.TEXT),
            _f("vorname", "givenName", C.TEXT),
            _f("anrede", "formOfAddress", C.TEXT),
            _f("namenszusatz", "affix", C.TEXT),
            _f("titel", "title", C.TEXTS),
            _f("geschlecht", "gender", C.TEXT),
            _f("telefon", "phone", C.TEXTS),
            _f("email", "email", C.TEXTS),
            _f("ort_ref", "location", C.URL),
            _f("ort", "locationObject", C.EMBED, Ort),
            _f("funktionen", "status", C.TEXTS),
            _f("mitgliedschaften", "membership", C.EMBED_MANY, Mitgliedschaft),
            _f("lebenslauf", "life", C.TEXT),
            _f("lebenslauf_quelle", "lifeSource", C.TEXT),
        ),
    )
    m[Mitgliedschaft] = (
        "Membership",
        (
            _f("person", "person", C.URL, backref="Person"),
            _f("gremium", "organization", C.URL),
            _f("rolle", "role", C.TEXT),
            _f("stimmberechtigt", "votingRight", C.BOOL),
            _f("beginn", "startDate", C.DATE),
            _f("ende", "endDate", C.DATE),
            _f("fuer", "onBehalfOf", C.URL),
            _f("funktion", _V, C.ENUM, enums.Funktion),
        ),
    )
    verlauf = _f("verlauf", _V, C.VERLAUF, VerlaufEintrag)
    drucksache = (
        _f("koerperschaft", "body", C.URL),
        _f("name", "name", C.TEXT),
        _f("referenz", "reference", C.TEXT),
        _f("datum", "date", C.DATE),
        _f("drucksachenart", "paperType", C.TEXT),
        _f("verwandte", "relatedPaper", C.REFS),
        _f("uebergeordnete", "superordinatedPaper", C.REFS),
        _f("untergeordnete", "subordinatedPaper", C.REFS),
        _f("hauptdatei", "mainFile", C.EMBED, Datei),
        _f("anlagen", "auxiliaryFile", C.EMBED_MANY, Datei),
        _f("orte", "location", C.EMBED_MANY, Ort),
        _f("urheber_personen", "originatorPerson", C.REFS),
        _f("federfuehrung", "underDirectionOf", C.REFS),
        _f("urheber_gremien", "originatorOrganization", C.REFS),
        _f("beratungen", "consultation", C.EMBED_MANY, Beratung),
        _f("beschlussvorschlag", _V, C.TEXT),
        _f("text", _V, C.TEXT),
        _f("oeffentlich", _V, C.BOOL),
        _f("empfaenger", _V, C.TEXTS),
        _f("nachrichtlich", _V, C.TEXTS),
        _f("unterzeichnung", _V, C.TEXT),
        _f("status", _V, C.ENUM, status.Drucksachenstatus),
        verlauf,
    )
    m[Drucksache] = ("Paper", drucksache)
    m[Antrag] = (
        "Paper",
        (
            *drucksache,
            _f("anliegen", _V, C.TEXT),
            _f("begruendung", _V, C.TEXT),
            _f("zielgremien", _V, C.REFS),
            _f("eingang", _V, C.DATETIME),
            _f("dringlich", _V, C.BOOL),
            _f("unterzeichner_text", _V, C.TEXT),
        ),
    )
    m[Beschlussvorlage] = (
        "Paper",
        (
            *drucksache,
            _f("beschlussvorschlag_offen", _V, C.FLAG),
            _f("vorbemerkungen", _V, C.TEXT),
            _f("erlaeuterungen", _V, C.TEXT),
            _f("tagesordnungspunkt_text", _V, C.TEXT),
        ),
    )
    m[Beratung] = (
        "Consultation",
        (
            _f("drucksache", "paper", C.URL, backref="Paper"),
            _f("tagesordnungspunkt", "agendaItem", C.URL),
            _f("sitzung", "meeting", C.URL),
            _f("gremien", "organization", C.REFS),
            _f("entscheidend", "authoritative", C.BOOL),
            *_pair("rolle", "rolle_text", "role", Beratungsrolle),
            _f("datum", _V, C.DATE),
            _f("federfuehrend", _V, C.BOOL),
            _f("ergebnis", _V, C.ENUM, BeschlussErgebnis),
            _f("status", _V, C.ENUM, status.Beratungsstatus),
            verlauf,
        ),
    )
    m[Sitzung] = (
        "Meeting",
        (
            _f("name", "name", C.TEXT),
            _f("stand", "meetingState", C.TEXT),
            _f("abgesagt", "cancelled", C.BOOL),
            _f("beginn", "start", C.DATETIME),
            _f("ende", "end", C.DATETIME),
            _f("ort", "location", C.EMBED, Ort),
            _f("gremien", "organization", C.REFS),
            _f("teilnehmende", "participant", C.REFS),
            _f("einladung", "invitation", C.EMBED, Datei),
            _f("ergebnisprotokoll", "resultsProtocol", C.EMBED, Datei),
            _f("wortprotokoll", "verbatimProtocol", C.EMBED, Datei),
            _f("anlagen", "auxiliaryFile", C.EMBED_MANY, Datei),
            _f("tagesordnung", "agendaItem", C.EMBED_MANY, Tagesordnungspunkt),
            _f("datum", _V, C.DATE),
            _f("einladungsdatum", _V, C.DATE),
            _f("einladung_zugang", _V, C.DATE),
            _f("einladung_ort", _V, C.TEXT),
            _f("empfaenger", _V, C.TEXTS),
            _f("hinweise", _V, C.TEXT),
            _f("vorsitz", _V, C.URL),
            _f("schriftfuehrung", _V, C.URL),
            _f("dringlich", _V, C.BOOL),
            _f("wiederholungssitzung", _V, C.BOOL),
            _f("status", _V, C.ENUM, status.Sitzungsstatus),
            verlauf,
        ),
    )
    m[Tagesordnungspunkt] = (
        "AgendaItem",
        (
            _f("sitzung", "meeting", C.URL, backref="Meeting"),
            _f("nummer", "number", C.TEXT),
            _f("position", "order", C.ORDER),
            _f("name", "name", C.TEXT),
            _f("oeffentlich", "public", C.BOOL),
            _f("beratung", "consultation", C.URL),
            *_pair("beschluss.ergebnis", "beschluss.ergebnis_text", "result", BeschlussErgebnis),
            _f("beschluss.text", "resolutionText", C.TEXT),
            _f("beschlussdatei", "resolutionFile", C.EMBED, Datei),
            _f("anlagen", "auxiliaryFile", C.EMBED_MANY, Datei),
            _f("beginn", "start", C.DATETIME),
            _f("ende", "end", C.DATETIME),
            _f("beschluss.abstimmung", _V, C.ABSTIMMUNG, Abstimmung),
            _f("drucksache", _V, C.URL),
            _f("nichtoeffentlich_grund", _V, C.TEXT),
            _f("nachtrag", _V, C.BOOL),
            _f("dringlich", _V, C.BOOL),
            _f("befangene", _V, C.REFS),
            _f("status", _V, C.ENUM, status.Tagesordnungspunktstatus),
            verlauf,
        ),
    )
    m[Datei] = (
        "File",
        (
            _f("name", "name", C.TEXT),
            _f("dateiname", "fileName", C.TEXT),
            _f("mime_type", "mimeType", C.TEXT),
            _f("datum", "date", C.DATE),
            _f("groesse", "size", C.INT),
            _f("sha1", "sha1Checksum", C.TEXT),
            _f("sha512", "sha512Checksum", C.TEXT),
            _f("text", "text", C.TEXT),
            _f("zugriff_url", "accessUrl", C.URL),
            _f("download_url", "downloadUrl", C.URL),
            _f("externer_dienst_url", "externalServiceUrl", C.URL),
            _f("original", "masterFile", C.URL),
            _f("ableitungen", "derivativeFile", C.REFS),
            _f("dateilizenz", "fileLicense", C.URL),
            _f("sitzungen", "meeting", C.REFS, backref="Meeting"),
            _f("tagesordnungspunkte", "agendaItem", C.REFS, backref="AgendaItem"),
            _f("drucksachen", "paper", C.REFS, backref="Paper"),
        ),
    )
    m[Ort] = (
        "Location",
        (
            _f("beschreibung", "description", C.TEXT),
            _f("geojson", "geojson", C.GEOJSON),
            _f("strasse", "streetAddress", C.TEXT),
            _f("raum", "room", C.TEXT),
            _f("postleitzahl", "postalCode", C.TEXT),
            _f("ortsteil", "subLocality", C.TEXT),
            _f("ortschaft", "locality", C.TEXT),
            _f("koerperschaften", "bodies", C.REFS, backref="Body"),
            _f("gremien", "organizations", C.REFS, backref="Organization"),
            _f("personen", "persons", C.REFS, backref="Person"),
            _f("sitzungen", "meetings", C.REFS, backref="Meeting"),
            _f("drucksachen", "papers", C.REFS, backref="Paper"),
        ),
    )
    out: dict[type[Any], ClassMap] = {}
    for cls, (tname, fields) in m.items():
        spec_order = {p.name: i for i, p in enumerate(SPEC[tname].props)}
        allf = (*_COMMON, *fields)
        oparl = sorted((f for f in allf if not f.vendor), key=lambda f: spec_order[f.key])
        vendor = [f for f in allf if f.vendor]
        out[cls] = ClassMap(cls=cls, oparl_type=tname, fields=(*oparl, *vendor))
    return out


MAPPING: Mapping[type[Any], ClassMap] = _build()
"""Every model class → its :class:`ClassMap` (OParl type and fields, OParl properties in spec
order, then the ``kommunalrecht:`` vendor properties)."""


def _build_vendor() -> dict[type[Any], ClassMap]:
    from ..model import status

    fields = (
        *_COMMON,
        _f("name", "name", C.TEXT),
        _f("gegenstand", _V, C.TEXT),
        _f("text", _V, C.TEXT),
        _f("begruendung", _V, C.TEXT),
        _f("rechtsgrundlage", _V, C.TEXT),
        _f("datum", _V, C.DATE),
        _f("zustaendiges_gremium", _V, C.URL),
        _f("entscheidendes_gremium", _V, C.URL),
        _f("entscheidende", _V, C.REFS),
        _f("drucksache", _V, C.URL),
        _f("sitzung", _V, C.URL),
        _f("rechte_dritter", _V, C.BOOL),
        _f("status", _V, C.ENUM, status.Dringlichkeitsstatus),
        _f("verlauf", _V, C.VERLAUF, VerlaufEintrag),
    )
    cls = Dringlichkeitsentscheidung
    return {cls: ClassMap(cls=cls, oparl_type=cls.__name__, fields=fields)}


VENDOR_MAPPING: Mapping[type[Any], ClassMap] = _build_vendor()
"""Model classes without an OParl 1.1 type, written as vendor object types with the type URI
``VENDOR_TYPE_PREFIX + <class name>``: the OParl common properties (``id``, ``created`` …,
``name``) under their OParl names, every other field as ``kommunalrecht:<field>``."""

VENDOR_TYPES: Mapping[str, str] = {VENDOR_TYPE_PREFIX + cm.oparl_type: cm.oparl_type
                                   for cm in VENDOR_MAPPING.values()}  # fmt: skip
"""Type URI → type name of this library's vendor object types."""

PAPER_CLASSES: Mapping[str, type[Any]] = {
    "Drucksache": Drucksache,
    "Antrag": Antrag,
    "Beschlussvorlage": Beschlussvorlage,
}
"""Model classes of OParl ``Paper`` by name (values of ``kommunalrecht:klasse``)."""


def _check_complete() -> None:
    """Every attrs field of every model class is mapped exactly once; every OParl property of a
    type has a model field (import-time self-test)."""
    nested = {"beschluss": Beschluss}
    for cls, cm in MAPPING.items():
        names = [f.attr for f in cm.fields]
        assert len(names) == len(set(names)), cls
        expected = {a.name for a in attrs.fields(cls) if a.name != "extras"}
        top = {n.partition(".")[0] for n in names}
        assert top == expected, (cls, top ^ expected)
        for n in names:
            head, _, tail = n.partition(".")
            if tail:
                assert tail in attrs.fields_dict(nested[head]), n
        keys = {f.key for f in cm.fields if not f.vendor} | {"type"}
        assert keys == set(SPEC[cm.oparl_type].by_name), (
            cls,
            keys ^ set(SPEC[cm.oparl_type].by_name),
        )
    for cls, cm in VENDOR_MAPPING.items():
        names = [f.attr for f in cm.fields]
        assert len(names) == len(set(names)), cls
        assert set(names) == {a.name for a in attrs.fields(cls) if a.name != "extras"}, cls


_check_complete()


def mapping_table_markdown() -> str:
    """The mapping as Markdown tables (one per model class) for ``docs/oparl/index.md``.

    >>> print(mapping_table_markdown().splitlines()[2])
    | Feld | OParl | Umwandlung |
    """
    lines: list[str] = []
    for cls, cm in (*MAPPING.items(), *VENDOR_MAPPING.items()):
        vendor = cls in VENDOR_MAPPING
        lines.append(f"### `{cls.__name__}` ⇄ `{cm.oparl_type}`" + (" (Herstellertyp)" * vendor))
        lines.append("")
        lines.append("| Feld | OParl | Umwandlung |")
        lines.append("|---|---|---|")
        prefix = VENDOR_TYPE_PREFIX if vendor else "https://schema.oparl.org/1.1/"
        lines.append(f"| — | `type` | Typ-URI `{prefix}{cm.oparl_type}` |")
        for f in cm.fields:
            conv = f.conv.value
            if f.target is not None and isinstance(f.target, type):
                conv += f" `{f.target.__name__}`"
            if f.backref:
                conv += f"; Rückverweis, entfällt eingebettet in {f.backref}"
            lines.append(f"| `{f.attr}` | `{f.key}` | {conv} |")
        lines.append("| `extras` | alle übrigen Eigenschaften | unverändert |")
        lines.append("")
    return "\n".join(lines)
