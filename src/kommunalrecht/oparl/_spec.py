"""The field tables of OParl 1.1 — the single source of truth of the OParl layer.

Every other part of :mod:`kommunalrecht.oparl` is derived from the tables in this module: the
conformance checker (:mod:`kommunalrecht.oparl.check`), the lenient repair
(:mod:`kommunalrecht.oparl._repair`), the shipped JSON Schemas
(:mod:`kommunalrecht.oparl._schemagen`), the JSON codec and the XML mapping with its XSD.

Sources (OParl 1.1.1, CC BY-SA 4.0, https://oparl.org):

* §2.4 JSON output, §2.4.2 ``date`` / ``date-time``, §2.4.3 ``null`` and empty values;
* §2.5 object lists, pagination, embedded ("intern ausgegebene") objects, ``omit_internal``;
* §2.8 deleted objects (tombstones keep only ``id``, ``type``, ``created``, ``modified``);
* §3 "Schema", §3.1 properties common to all types, vendor properties (``prefix:name``);
* the 12 type sections of chapter 3 (``oparl:System`` … ``oparl:Location``).

The required-ness recorded here follows the spec *text*, not the official schema's
``required`` arrays, which omit ``created``/``modified`` and the six Body lists new in 1.1.

Iterating the tables:

>>> [p.name for p in SPEC["LegislativeTerm"].props][:4]
['id', 'type', 'body', 'name']
>>> p = SPEC["AgendaItem"].prop("meeting")
>>> p.kind is Kind.URL, p.target, p.required is Requirement.MUST_STANDALONE, p.backref_of
(True, 'Meeting', True, 'Meeting')
>>> [(e.parent, e.prop) for e in EMBEDDINGS if e.child == "AgendaItem"]
[('Meeting', 'agendaItem')]
>>> type_uri("Meeting")
'https://schema.oparl.org/1.1/Meeting'
>>> parse_type_uri("https://oparl.org/schema/1.0/Paper")
('Paper', 'pre-1.0')
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping

import attrs

__all__ = [
    "ALL_TYPES",
    "CURRENT_VERSION",
    "EMBEDDINGS",
    "LIST_LINKS",
    "LIST_PAGINATION",
    "LIST_SPEC",
    "OPARL_VERSION_URI",
    "SPEC",
    "TYPE_URI_PREFIX",
    "VENDOR_ORIGINAL",
    "Embedding",
    "Kind",
    "ListSpec",
    "Prop",
    "Requirement",
    "TypeSpec",
    "is_vendor_property",
    "parse_type_uri",
    "type_uri",
]

CURRENT_VERSION = "1.1"
"""The OParl version this library writes."""

TYPE_URI_PREFIX = "https://schema.oparl.org/"
"""Prefix of 1.0 and 1.1 type URIs (``https://schema.oparl.org/<version>/<Type>``)."""

OPARL_VERSION_URI = "https://schema.oparl.org/1.1/"
"""Value of ``System.oparlVersion`` for OParl 1.1."""

VENDOR_ORIGINAL = "kommunalrecht:original"
"""Vendor property in which :func:`~kommunalrecht.oparl._repair.repair` keeps original values.

It maps the OParl property name to the value the source gave before a lossy repair
(dropped fractional seconds, a free-text license, a placeholder like ``"N/A"`` …).
"""


class Kind(enum.Enum):
    """The representation of a property value in OParl JSON (§2.4, §2.5).

    >>> Kind("date-time").is_url
    False
    >>> Kind.EXTERNAL_LIST.is_url, Kind.URL_LIST.is_array
    (True, True)
    """

    STRING = "string"
    URL = "url"
    DATE = "date"
    DATETIME = "date-time"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    OBJECT = "object"
    """A JSON object that is not an OParl object (``Location.geojson``: a GeoJSON Feature)."""
    STRING_LIST = "string[]"
    URL_LIST = "url[]"
    EMBEDDED = "embedded"
    EMBEDDED_LIST = "embedded[]"
    EXTERNAL_LIST = "external-list"
    """URL of the first page of an external object list (§2.5)."""

    @property
    def is_url(self) -> bool:
        """Whether a value of this kind is one URL string."""
        return self in (Kind.URL, Kind.EXTERNAL_LIST)

    @property
    def is_array(self) -> bool:
        """Whether a value of this kind is a JSON array."""
        return self in (Kind.STRING_LIST, Kind.URL_LIST, Kind.EMBEDDED_LIST)

    @property
    def is_embedded(self) -> bool:
        """Whether the value holds one or more embedded OParl objects."""
        return self in (Kind.EMBEDDED, Kind.EMBEDDED_LIST)


class Requirement(enum.Enum):
    """When a property must be present (spec text, §3 and §2.8).

    * ``MUST`` — on every object, tombstones included (``id``, ``type``, ``created``,
      ``modified``; §2.8 keeps exactly these on deleted objects).
    * ``MUST_NOT_DELETED`` — on every object that is not deleted (``Body.name``,
      ``File.accessUrl``, ``AgendaItem.order``, the Body lists …).
    * ``MUST_STANDALONE`` — on a non-deleted object fetched by its own URL, not when embedded
      (back-references such as ``AgendaItem.meeting``; ``Consultation.meeting``).
    * ``RECOMMENDED`` — everything else (§3: "sämtliche Felder … als empfohlen").

    >>> Requirement.MUST.applies(deleted=True, embedded=True)
    True
    >>> Requirement.MUST_STANDALONE.applies(deleted=False, embedded=True)
    False
    """

    MUST = "must"
    MUST_NOT_DELETED = "must-if-not-deleted"
    MUST_STANDALONE = "must-if-standalone"
    RECOMMENDED = "recommended"

    def applies(self, *, deleted: bool, embedded: bool) -> bool:
        """Whether the property is mandatory for an object in this situation."""
        if self is Requirement.MUST:
            return True
        if self is Requirement.MUST_NOT_DELETED:
            return not deleted
        if self is Requirement.MUST_STANDALONE:
            return not deleted and not embedded
        return False


@attrs.frozen(kw_only=True)
class Prop:
    """One property of an OParl type.

    ``target`` names the OParl type a URL refers to, that is embedded, or that an external
    list holds. ``backref_of`` names the embedding parent type when the property is the
    back-reference to that parent, omitted when the object is embedded in it (§3).
    ``omit_internal`` marks the internal lists a server may drop on ``omit_internal=true``
    (§2.5, new in 1.1). ``since`` is the OParl version that introduced the property.

    >>> Prop(name="x", kind=Kind.STRING, section="OParl 1.1 §3").required
    <Requirement.RECOMMENDED: 'recommended'>
    """

    name: str
    kind: Kind
    section: str
    target: str | None = None
    required: Requirement = Requirement.RECOMMENDED
    backref_of: str | None = None
    omit_internal: bool = False
    since: str = "1.0"
    description: str = ""


@attrs.frozen(kw_only=True)
class TypeSpec:
    """All properties of one OParl type, in the order the spec lists them.

    >>> SPEC["File"].prop("accessUrl").required
    <Requirement.MUST_NOT_DELETED: 'must-if-not-deleted'>
    >>> "accessUrl" in SPEC["File"], SPEC["File"].uri
    (True, 'https://schema.oparl.org/1.1/File')
    """

    name: str
    props: tuple[Prop, ...]
    section: str
    description: str = ""
    by_name: Mapping[str, Prop] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "by_name", {p.name: p for p in self.props})

    def prop(self, name: str) -> Prop:
        """The property called ``name`` (``KeyError`` if the type has none)."""
        return self.by_name[name]

    def __contains__(self, name: object) -> bool:
        return name in self.by_name

    def __iter__(self) -> Iterator[Prop]:
        return iter(self.props)

    @property
    def uri(self) -> str:
        """The 1.1 type URI."""
        return type_uri(self.name)

    def required_props(self, *, deleted: bool = False, embedded: bool = False) -> tuple[str, ...]:
        """Names of the mandatory properties for an object in the given situation.

        >>> SPEC["Meeting"].required_props(deleted=True)
        ('id', 'type', 'created', 'modified')
        """
        return tuple(
            p.name for p in self.props if p.required.applies(deleted=deleted, embedded=embedded)
        )


@attrs.frozen(kw_only=True)
class Embedding:
    """``parent.prop`` embeds objects of type ``child`` (one, or an array if ``many``)."""

    parent: str
    prop: str
    child: str
    many: bool
    omit_internal: bool


# ---------------------------------------------------------------------------------------
# table construction helpers

_S = "OParl 1.1"
_COMMON = f"{_S} §3.1"


def _sec(type_name: str) -> str:
    return f"{_S} §3 oparl:{type_name}"


def _common_head() -> list[Prop]:
    return [
        Prop(
            name="id",
            kind=Kind.URL,
            required=Requirement.MUST,
            section=f"{_S} §2.3, §3.1",
            description="Eindeutige, kanonische URL des Objekts.",
        ),
        Prop(
            name="type",
            kind=Kind.STRING,
            required=Requirement.MUST,
            section=_COMMON,
            description="Typ-URI https://schema.oparl.org/1.1/<Typ>.",
        ),
    ]


def _common_tail(*, license_url: bool = False) -> list[Prop]:
    return [
        Prop(
            name="license",
            kind=Kind.URL if license_url else Kind.STRING,
            section=_COMMON,
            since="1.0" if license_url else "1.1",
            description="Lizenz der Daten (URL).",
        ),
        Prop(
            name="keyword",
            kind=Kind.STRING_LIST,
            section=_COMMON,
            description="Schlagworte.",
        ),
        Prop(
            name="created",
            kind=Kind.DATETIME,
            required=Requirement.MUST,
            section=f"{_S} §3.1, §2.4.2",
            description="Zeitpunkt der Erzeugung.",
        ),
        Prop(
            name="modified",
            kind=Kind.DATETIME,
            required=Requirement.MUST,
            section=f"{_S} §3.1, §2.4.2",
            description="Zeitpunkt der letzten Änderung.",
        ),
        Prop(name="web", kind=Kind.URL, section=_COMMON, description="URL der HTML-Ansicht."),
        Prop(
            name="deleted",
            kind=Kind.BOOLEAN,
            section=f"{_S} §2.8",
            description="true, wenn das Objekt gelöscht ist.",
        ),
    ]


def _p(
    type_name: str,
    name: str,
    kind: Kind,
    target: str | None = None,
    *,
    required: Requirement = Requirement.RECOMMENDED,
    backref_of: str | None = None,
    omit_internal: bool = False,
    since: str = "1.0",
    description: str = "",
) -> Prop:
    return Prop(
        name=name,
        kind=kind,
        target=target,
        required=required,
        backref_of=backref_of,
        omit_internal=omit_internal,
        since=since,
        section=f"{_sec(type_name)} ({name})",
        description=description,
    )


_MNN = Requirement.MUST_NOT_DELETED
_MSA = Requirement.MUST_STANDALONE


def _type(name: str, description: str, body: list[Prop], *, license_url: bool = False) -> TypeSpec:
    props = _common_head() + body + _common_tail(license_url=license_url)
    return TypeSpec(name=name, props=tuple(props), section=_sec(name), description=description)


def _build() -> dict[str, TypeSpec]:
    k = Kind
    t: dict[str, TypeSpec] = {}

    n = "System"
    t[n] = _type(
        n,
        "Das OParl-System (Einstiegspunkt der API).",
        [
            _p(n, "oparlVersion", k.URL, required=_MNN, description="OParl-Version des Systems."),
            _p(
                n,
                "otherOparlVersions",
                k.URL_LIST,
                "System",
                description="System-Objekte desselben Servers für andere OParl-Versionen.",
            ),
            _p(
                n,
                "body",
                k.EXTERNAL_LIST,
                "Body",
                required=_MNN,
                description="Externe Liste aller Körperschaften.",
            ),
            _p(n, "name", k.STRING, description="Name des Systems."),
            _p(n, "contactEmail", k.STRING, description="Kontakt-E-Mail-Adresse."),
            _p(n, "contactName", k.STRING, description="Name des Ansprechpartners."),
            _p(n, "website", k.URL, description="Website des Ratsinformationssystems."),
            _p(n, "vendor", k.URL, description="Website des Software-Herstellers."),
            _p(n, "product", k.URL, description="Informationen zum Server-Produkt."),
        ],
        license_url=True,
    )

    n = "Body"
    t[n] = _type(
        n,
        "Eine Körperschaft (Gemeinde, Stadt, Kreis).",
        [
            _p(n, "system", k.URL, "System", description="Rückverweis auf das System."),
            _p(n, "shortName", k.STRING, description="Kurzname."),
            _p(n, "name", k.STRING, required=_MNN, description="Offizieller Name."),
            _p(n, "website", k.URL, description="Allgemeine Website."),
            _p(n, "licenseValidSince", k.DATETIME, description="Seit wann die Lizenz gilt."),
            _p(n, "oparlSince", k.DATETIME, description="Seit wann OParl angeboten wird."),
            _p(n, "ags", k.STRING, description="Amtlicher Gemeindeschlüssel (8 Stellen)."),
            _p(n, "rgs", k.STRING, description="Regionalschlüssel (12 Stellen)."),
            _p(n, "equivalent", k.URL_LIST, description="Weitere URLs derselben Körperschaft."),
            _p(n, "contactEmail", k.STRING, description="Kontakt-E-Mail-Adresse."),
            _p(n, "contactName", k.STRING, description="Name der Kontaktstelle."),
            _p(
                n,
                "organization",
                k.EXTERNAL_LIST,
                "Organization",
                required=_MNN,
                description="Externe Liste aller Gruppierungen.",
            ),
            _p(
                n,
                "person",
                k.EXTERNAL_LIST,
                "Person",
                required=_MNN,
                description="Externe Liste aller Personen.",
            ),
            _p(
                n,
                "meeting",
                k.EXTERNAL_LIST,
                "Meeting",
                required=_MNN,
                description="Externe Liste aller Sitzungen.",
            ),
            _p(
                n,
                "paper",
                k.EXTERNAL_LIST,
                "Paper",
                required=_MNN,
                description="Externe Liste aller Drucksachen.",
            ),
            _p(
                n,
                "legislativeTerm",
                k.EMBEDDED_LIST,
                "LegislativeTerm",
                required=_MNN,
                omit_internal=True,
                description="Alle Wahlperioden (eingebettet).",
            ),
            _p(
                n,
                "agendaItem",
                k.EXTERNAL_LIST,
                "AgendaItem",
                required=_MNN,
                since="1.1",
                description="Externe Liste aller Tagesordnungspunkte.",
            ),
            _p(
                n,
                "consultation",
                k.EXTERNAL_LIST,
                "Consultation",
                required=_MNN,
                since="1.1",
                description="Externe Liste aller Beratungen.",
            ),
            _p(
                n,
                "file",
                k.EXTERNAL_LIST,
                "File",
                required=_MNN,
                since="1.1",
                description="Externe Liste aller Dateien.",
            ),
            _p(
                n,
                "locationList",
                k.EXTERNAL_LIST,
                "Location",
                required=_MNN,
                since="1.1",
                description="Externe Liste aller Orte.",
            ),
            _p(
                n,
                "legislativeTermList",
                k.EXTERNAL_LIST,
                "LegislativeTerm",
                required=_MNN,
                since="1.1",
                description="Externe Liste aller Wahlperioden.",
            ),
            _p(
                n,
                "membership",
                k.EXTERNAL_LIST,
                "Membership",
                required=_MNN,
                since="1.1",
                description="Externe Liste aller Mitgliedschaften.",
            ),
            _p(n, "classification", k.STRING, description="Art der Körperschaft."),
            _p(n, "location", k.EMBEDDED, "Location", description="Sitz der Körperschaft."),
        ],
        license_url=True,
    )

    n = "LegislativeTerm"
    t[n] = _type(
        n,
        "Eine Wahlperiode.",
        [
            _p(
                n,
                "body",
                k.URL,
                "Body",
                required=_MSA,
                backref_of="Body",
                description="Rückverweis auf die Körperschaft.",
            ),
            _p(n, "name", k.STRING, description="Bezeichnung der Wahlperiode."),
            _p(n, "startDate", k.DATE, description="Erster Tag."),
            _p(n, "endDate", k.DATE, description="Letzter Tag."),
        ],
    )

    n = "Organization"
    t[n] = _type(
        n,
        "Eine Gruppierung (Gremium, Fraktion, Verwaltungseinheit …).",
        [
            _p(n, "body", k.URL, "Body", description="Körperschaft."),
            _p(n, "name", k.STRING, description="Offizieller Name."),
            _p(n, "membership", k.URL_LIST, "Membership", description="Mitgliedschaften."),
            _p(
                n, "meeting", k.EXTERNAL_LIST, "Meeting", description="Externe Liste der Sitzungen."
            ),
            _p(
                n,
                "consultation",
                k.EXTERNAL_LIST,
                "Consultation",
                since="1.1",
                description="Externe Liste der Beratungen.",
            ),
            _p(n, "shortName", k.STRING, description="Kurzname."),
            _p(n, "post", k.STRING_LIST, description="Positionen in der Gruppierung."),
            _p(
                n,
                "subOrganizationOf",
                k.URL,
                "Organization",
                description="Übergeordnete Gruppierung.",
            ),
            _p(n, "organizationType", k.STRING, description="Grobe Art."),
            _p(n, "classification", k.STRING, description="Feinere Art."),
            _p(n, "startDate", k.DATE, description="Gründungsdatum."),
            _p(n, "endDate", k.DATE, description="Letzter Tag."),
            _p(n, "website", k.URL, description="Website."),
            _p(n, "location", k.EMBEDDED, "Location", description="Ort der Gruppierung."),
            _p(
                n,
                "externalBody",
                k.URL,
                "Body",
                description="Körperschaft eines anderen OParl-Systems.",
            ),
        ],
    )

    n = "Person"
    t[n] = _type(
        n,
        "Eine Person.",
        [
            _p(n, "body", k.URL, "Body", description="Körperschaft."),
            _p(n, "name", k.STRING, description="Vollständiger Name."),
            _p(n, "familyName", k.STRING, description="Familienname."),
            _p(n, "givenName", k.STRING, description="Vorname."),
            _p(n, "formOfAddress", k.STRING, description="Anrede."),
            _p(n, "affix", k.STRING, description="Namenszusatz."),
            _p(n, "title", k.STRING_LIST, description="Akademische Titel."),
            _p(n, "gender", k.STRING, description="Geschlecht."),
            _p(n, "phone", k.STRING_LIST, description="Telefonnummern."),
            _p(n, "email", k.STRING_LIST, description="E-Mail-Adressen."),
            _p(n, "location", k.URL, "Location", description="URL der Kontaktanschrift."),
            _p(
                n,
                "locationObject",
                k.EMBEDDED,
                "Location",
                since="1.1",
                description="Kontaktanschrift (eingebettet); verlangt location.",
            ),
            _p(n, "status", k.STRING_LIST, description="Rollen in der Körperschaft."),
            _p(
                n,
                "membership",
                k.EMBEDDED_LIST,
                "Membership",
                omit_internal=True,
                description="Mitgliedschaften (eingebettet).",
            ),
            _p(n, "life", k.STRING, description="Kurzbiographie."),
            _p(n, "lifeSource", k.STRING, description="Quelle der Kurzbiographie."),
        ],
    )

    n = "Membership"
    t[n] = _type(
        n,
        "Die Mitgliedschaft einer Person in einer Gruppierung.",
        [
            _p(
                n,
                "person",
                k.URL,
                "Person",
                required=_MSA,
                backref_of="Person",
                description="Rückverweis auf die Person.",
            ),
            _p(n, "organization", k.URL, "Organization", description="Gruppierung."),
            _p(n, "role", k.STRING, description="Rolle."),
            _p(n, "votingRight", k.BOOLEAN, description="Stimmberechtigt."),
            _p(n, "startDate", k.DATE, description="Beginn."),
            _p(n, "endDate", k.DATE, description="Ende."),
            _p(
                n,
                "onBehalfOf",
                k.URL,
                "Organization",
                description="Entsendende Gruppierung (z. B. Fraktion).",
            ),
        ],
    )

    n = "Meeting"
    t[n] = _type(
        n,
        "Eine Sitzung.",
        [
            _p(n, "name", k.STRING, description="Name der Sitzung."),
            _p(n, "meetingState", k.STRING, description="Status (terminiert, eingeladen, …)."),
            _p(n, "cancelled", k.BOOLEAN, description="Sitzung abgesagt."),
            _p(n, "start", k.DATETIME, description="Beginn."),
            _p(n, "end", k.DATETIME, description="Ende."),
            _p(n, "location", k.EMBEDDED, "Location", description="Sitzungsort."),
            _p(
                n,
                "organization",
                k.URL_LIST,
                "Organization",
                description="Gruppierungen, die die Sitzung abhalten.",
            ),
            _p(n, "participant", k.URL_LIST, "Person", description="Teilnehmende Personen."),
            _p(n, "invitation", k.EMBEDDED, "File", description="Einladung."),
            _p(n, "resultsProtocol", k.EMBEDDED, "File", description="Ergebnisprotokoll."),
            _p(n, "verbatimProtocol", k.EMBEDDED, "File", description="Wortprotokoll."),
            _p(
                n,
                "auxiliaryFile",
                k.EMBEDDED_LIST,
                "File",
                omit_internal=True,
                description="Weitere Dateien.",
            ),
            _p(
                n,
                "agendaItem",
                k.EMBEDDED_LIST,
                "AgendaItem",
                omit_internal=True,
                description="Tagesordnungspunkte in ihrer Reihenfolge.",
            ),
        ],
    )

    n = "AgendaItem"
    t[n] = _type(
        n,
        "Ein Tagesordnungspunkt.",
        [
            _p(
                n,
                "meeting",
                k.URL,
                "Meeting",
                required=_MSA,
                backref_of="Meeting",
                description="Rückverweis auf die Sitzung.",
            ),
            _p(n, "number", k.STRING, description="Gliederungsnummer (Freitext)."),
            _p(
                n,
                "order",
                k.INTEGER,
                required=_MNN,
                since="1.1",
                description="0-basierte Position in der Tagesordnung.",
            ),
            _p(n, "name", k.STRING, description="Thema."),
            _p(n, "public", k.BOOLEAN, description="Öffentlich behandelt."),
            _p(n, "consultation", k.URL, "Consultation", description="Zugehörige Beratung."),
            _p(n, "result", k.STRING, description="Ergebnis."),
            _p(n, "resolutionText", k.STRING, description="Beschlusstext."),
            _p(n, "resolutionFile", k.EMBEDDED, "File", description="Beschluss als Datei."),
            _p(
                n,
                "auxiliaryFile",
                k.EMBEDDED_LIST,
                "File",
                omit_internal=True,
                description="Weitere Dateien.",
            ),
            _p(n, "start", k.DATETIME, description="Beginn."),
            _p(n, "end", k.DATETIME, description="Ende."),
        ],
    )

    n = "Paper"
    t[n] = _type(
        n,
        "Eine Drucksache.",
        [
            _p(n, "body", k.URL, "Body", description="Körperschaft."),
            _p(n, "name", k.STRING, description="Titel."),
            _p(n, "reference", k.STRING, description="Drucksachennummer."),
            _p(n, "date", k.DATE, description="Datum (für Fristen)."),
            _p(n, "paperType", k.STRING, description="Art der Drucksache."),
            _p(n, "relatedPaper", k.URL_LIST, "Paper", description="Inhaltlich verwandte."),
            _p(n, "superordinatedPaper", k.URL_LIST, "Paper", description="Übergeordnete."),
            _p(n, "subordinatedPaper", k.URL_LIST, "Paper", description="Untergeordnete."),
            _p(n, "mainFile", k.EMBEDDED, "File", description="Hauptdatei."),
            _p(
                n,
                "auxiliaryFile",
                k.EMBEDDED_LIST,
                "File",
                omit_internal=True,
                description="Weitere Dateien.",
            ),
            _p(
                n,
                "location",
                k.EMBEDDED_LIST,
                "Location",
                omit_internal=True,
                description="Ortsbezüge.",
            ),
            _p(n, "originatorPerson", k.URL_LIST, "Person", description="Urheber (Personen)."),
            _p(
                n,
                "underDirectionOf",
                k.URL_LIST,
                "Organization",
                description="Federführende Stelle.",
            ),
            _p(
                n,
                "originatorOrganization",
                k.URL_LIST,
                "Organization",
                description="Urheber (Gruppierungen).",
            ),
            _p(
                n,
                "consultation",
                k.EMBEDDED_LIST,
                "Consultation",
                description="Beratungsfolge (eingebettet).",
            ),
        ],
    )

    n = "Consultation"
    t[n] = _type(
        n,
        "Die Beratung einer Drucksache in einer Sitzung.",
        [
            _p(
                n,
                "paper",
                k.URL,
                "Paper",
                required=_MSA,
                backref_of="Paper",
                description="Rückverweis auf die Drucksache.",
            ),
            _p(
                n,
                "agendaItem",
                k.URL,
                "AgendaItem",
                required=_MSA,
                description="Tagesordnungspunkt der Beratung.",
            ),
            _p(n, "meeting", k.URL, "Meeting", required=_MSA, description="Sitzung der Beratung."),
            _p(
                n,
                "organization",
                k.URL_LIST,
                "Organization",
                description="Beratende Gruppierungen, erste = federführend.",
            ),
            _p(n, "authoritative", k.BOOLEAN, description="Hier wird entschieden."),
            _p(n, "role", k.STRING, description="Rolle (Vorberatung, Entscheidung, …)."),
        ],
    )

    n = "File"
    t[n] = _type(
        n,
        "Eine Datei.",
        [
            _p(n, "name", k.STRING, description="Anzeigename."),
            _p(n, "fileName", k.STRING, description="Dateiname."),
            _p(n, "mimeType", k.STRING, description="MIME-Typ."),
            _p(n, "date", k.DATE, description="Datum."),
            _p(n, "size", k.INTEGER, description="Größe in Bytes."),
            _p(n, "sha1Checksum", k.STRING, description="SHA-1 (veraltet)."),
            _p(n, "sha512Checksum", k.STRING, since="1.1", description="SHA-512."),
            _p(n, "text", k.STRING, description="Textfassung."),
            _p(n, "accessUrl", k.URL, required=_MNN, description="Zugriffs-URL."),
            _p(n, "downloadUrl", k.URL, description="Download-URL."),
            _p(n, "externalServiceUrl", k.URL, description="Externer Dienst."),
            _p(n, "masterFile", k.URL, "File", description="Ursprungsdatei."),
            _p(n, "derivativeFile", k.URL_LIST, "File", description="Abgeleitete Dateien."),
            _p(n, "fileLicense", k.URL, description="Lizenz der Datei."),
            _p(
                n,
                "meeting",
                k.URL_LIST,
                "Meeting",
                backref_of="Meeting",
                description="Rückverweise auf Sitzungen.",
            ),
            _p(
                n,
                "agendaItem",
                k.URL_LIST,
                "AgendaItem",
                backref_of="AgendaItem",
                description="Rückverweise auf Tagesordnungspunkte.",
            ),
            _p(
                n,
                "paper",
                k.URL_LIST,
                "Paper",
                backref_of="Paper",
                description="Rückverweise auf Drucksachen.",
            ),
        ],
    )

    n = "Location"
    t[n] = _type(
        n,
        "Ein Ort.",
        [
            _p(n, "description", k.STRING, description="Beschreibung (z. B. Anschrift)."),
            _p(n, "geojson", k.OBJECT, description="GeoJSON-Feature (RFC 7946)."),
            _p(n, "streetAddress", k.STRING, description="Straße und Hausnummer."),
            _p(n, "room", k.STRING, description="Raum."),
            _p(n, "postalCode", k.STRING, description="Postleitzahl."),
            _p(n, "subLocality", k.STRING, description="Ortsteil."),
            _p(n, "locality", k.STRING, description="Ort."),
            _p(
                n,
                "bodies",
                k.URL_LIST,
                "Body",
                backref_of="Body",
                description="Rückverweise auf Körperschaften.",
            ),
            _p(
                n,
                "organizations",
                k.URL_LIST,
                "Organization",
                backref_of="Organization",
                description="Rückverweise auf Gruppierungen.",
            ),
            _p(
                n,
                "persons",
                k.URL_LIST,
                "Person",
                backref_of="Person",
                since="1.1",
                description="Rückverweise auf Personen.",
            ),
            _p(
                n,
                "meetings",
                k.URL_LIST,
                "Meeting",
                backref_of="Meeting",
                description="Rückverweise auf Sitzungen.",
            ),
            _p(
                n,
                "papers",
                k.URL_LIST,
                "Paper",
                backref_of="Paper",
                description="Rückverweise auf Drucksachen.",
            ),
        ],
    )
    return t


SPEC: Mapping[str, TypeSpec] = _build()
"""The 12 OParl 1.1 types by name, in spec order."""

ALL_TYPES: tuple[str, ...] = tuple(SPEC)
"""The 12 type names in spec order (System … Location)."""

EMBEDDINGS: tuple[Embedding, ...] = tuple(
    Embedding(
        parent=ts.name,
        prop=p.name,
        child=p.target or "",
        many=p.kind is Kind.EMBEDDED_LIST,
        omit_internal=p.omit_internal,
    )
    for ts in SPEC.values()
    for p in ts.props
    if p.kind.is_embedded
)
"""Which type embeds which, through which property (§3, §2.5)."""


# ---------------------------------------------------------------------------------------
# list pages (§2.5)


@attrs.frozen(kw_only=True)
class ListSpec:
    """The envelope of an external list page: ``data``, ``pagination``, ``links`` (§2.5).

    All three members are mandatory; list pages have no ``id``/``type``. ``links.next`` is
    mandatory on every page but the last, which a single page cannot tell.

    >>> LIST_SPEC.required
    ('data', 'pagination', 'links')
    """

    required: tuple[str, ...] = ("data", "pagination", "links")
    pagination: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    section: str = f"{_S} §2.5"


LIST_PAGINATION: tuple[str, ...] = ("totalElements", "elementsPerPage", "currentPage", "totalPages")
"""Integer members of ``pagination`` (all optional)."""

LIST_LINKS: tuple[str, ...] = ("first", "prev", "self", "next", "last", "web")
"""URL members of ``links`` (``web`` new in 1.1; ``next`` mandatory except on the last page)."""

LIST_SPEC = ListSpec(pagination=LIST_PAGINATION, links=LIST_LINKS)


# ---------------------------------------------------------------------------------------
# type URIs


def type_uri(name: str, version: str = CURRENT_VERSION) -> str:
    """The type URI of ``name`` in OParl ``version`` (``"1.1"`` or ``"1.0"``).

    >>> type_uri("Meeting", "1.0")
    'https://schema.oparl.org/1.0/Meeting'
    """
    return f"{TYPE_URI_PREFIX}{version}/{name}"


_PRE_PREFIXES = ("https://oparl.org/schema/1.0/", "http://oparl.org/schema/1.0/")
_URI_CACHE: dict[str, tuple[str, str] | None] = {}


def parse_type_uri(uri: object) -> tuple[str, str] | None:
    """Split a type URI into ``(type name, version)``; ``None`` if it is no OParl type URI.

    Versions: ``"1.1"``, ``"1.0"`` and ``"pre-1.0"`` (drafts 2012-2015 used
    ``http(s)://oparl.org/schema/1.0/<Type>``). ``http://schema.oparl.org/…`` is read as
    the same version. The name is returned as written, even if it is not one of the 12 types.

    >>> parse_type_uri("https://schema.oparl.org/1.1/AgendaItem")
    ('AgendaItem', '1.1')
    >>> parse_type_uri("https://schema.oparl.org/1.0/Body")
    ('Body', '1.0')
    >>> parse_type_uri("http://oparl.org/schema/1.0/Meeting")
    ('Meeting', 'pre-1.0')
    >>> parse_type_uri("Meeting") is None
    True
    """
    if not isinstance(uri, str):
        return None
    try:
        return _URI_CACHE[uri]
    except KeyError:
        pass
    result: tuple[str, str] | None = None
    for pre in _PRE_PREFIXES:
        if uri.startswith(pre):
            name = uri[len(pre) :]
            if name.isidentifier():
                result = (name, "pre-1.0")
            break
    else:
        rest: str | None = None
        if uri.startswith(TYPE_URI_PREFIX):
            rest = uri[len(TYPE_URI_PREFIX) :]
        elif uri.startswith("http://schema.oparl.org/"):
            rest = uri[len("http://schema.oparl.org/") :]
        if rest is not None:
            version, sep, name = rest.partition("/")
            if sep and version in ("1.0", "1.1") and name.isidentifier():
                result = (name, version)
    if len(_URI_CACHE) < 4096:
        _URI_CACHE[uri] = result
    return result


def is_vendor_property(name: str) -> bool:
    """Whether ``name`` is a vendor property ``prefix:name`` (§3, Herstellererweiterungen).

    >>> is_vendor_property("STERNBERG:RIMVersion"), is_vendor_property("name")
    (True, False)
    """
    return ":" in name
