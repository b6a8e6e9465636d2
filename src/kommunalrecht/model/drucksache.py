"""Papers and their Beratungsfolge.

A :class:`Drucksache` (OParl ``Paper``) is the base of all papers; :class:`Antrag` is a motion by
a Fraktion or members (Antragsteller, Beschlussvorschlag, Begründung), :class:`Beschlussvorlage`
the administration's draft resolution (federführende Dienststelle, Vorbemerkungen,
Erläuterungen, a Beschlussvorschlag — or none: "Der Beschluss ergibt sich aus den Beratungen").
A :class:`Beratung` (OParl ``Consultation``) is one step of the Beratungsfolge: Gremium, date,
Rolle (Vorberatung, Entscheidung …), whether it decides.

Sources: OParl 1.1 §3 (Paper, Consultation); ``reference/kommunalrecht-regeln.md`` §2.7, §3.2.
"""

from __future__ import annotations

import datetime as _dt

import attrs

from . import _validators as v
from ._base import (
    Objekt,
    VerlaufEintrag,
    f_datum,
    f_enum_field,
    f_flag,
    f_many,
    f_one,
    f_ref,
    f_refs,
    f_text,
    f_texts,
    f_zeitpunkt,
)
from .enums import Beratungsrolle, BeschlussErgebnis
from .ort_datei import Datei, Ort
from .status import Beratungsstatus, Drucksachenstatus

__all__ = ["Antrag", "Beratung", "Beschlussvorlage", "Drucksache"]


@attrs.frozen(kw_only=True)
class Beratung(Objekt):
    """One step of a Beratungsfolge (OParl ``Consultation``).

    ``rolle`` is the closed role; ``rolle_text`` keeps a published role string that differs from
    the enum's value (e.g. "Beschlussfassung"). ``datum`` is the planned date as printed in a
    Vorlage's Beratungsfolge table, even before a Sitzung object exists. ``entscheidend`` is
    OParl ``authoritative``; ``ergebnis`` the outcome of this step.

    >>> import datetime as dt
    >>> b = Beratung(id="https://example.org/b/1", gremien=("https://example.org/org/ka",),
    ...              datum=dt.date(2021, 9, 27), rolle=Beratungsrolle.VORBERATUNG,
    ...              entscheidend=False)
    >>> b.rolle.value
    'Vorberatung'
    """

    drucksache: str | None = f_ref("Drucksache")
    tagesordnungspunkt: str | None = f_ref("Tagesordnungspunkt")
    sitzung: str | None = f_ref("Sitzung")
    gremien: tuple[str, ...] = f_refs("Gremium")
    entscheidend: bool | None = f_flag()
    rolle: Beratungsrolle | None = f_enum_field(Beratungsrolle)
    rolle_text: str | None = f_text()
    datum: _dt.date | None = f_datum()
    federfuehrend: bool | None = f_flag()
    ergebnis: BeschlussErgebnis | None = f_enum_field(BeschlussErgebnis)
    status: Beratungsstatus | None = f_enum_field(Beratungsstatus)
    verlauf: tuple[VerlaufEintrag, ...] = f_many(VerlaufEintrag)


@attrs.frozen(kw_only=True)
class Drucksache(Objekt):
    """A paper (OParl ``Paper``) of any kind; base of :class:`Antrag` and :class:`Beschlussvorlage`.

    ``referenz`` is the Drucksachennummer verbatim (free text, no format assumed);
    ``drucksachenart`` OParl's free ``paperType``; ``beratungen`` the Beratungsfolge in order.

    >>> import datetime as dt
    >>> d = Drucksache(id="https://example.org/d/1", name="Mitteilung", referenz="95/2021",
    ...                datum=dt.date(2021, 9, 1), drucksachenart="Mitteilungsvorlage")
    >>> d.referenz
    '95/2021'
    """

    koerperschaft: str | None = f_ref("Koerperschaft")
    name: str | None = f_text()
    referenz: str | None = f_text()
    datum: _dt.date | None = f_datum()
    drucksachenart: str | None = f_text()
    verwandte: tuple[str, ...] = f_refs("Drucksache")
    uebergeordnete: tuple[str, ...] = f_refs("Drucksache")
    untergeordnete: tuple[str, ...] = f_refs("Drucksache")
    hauptdatei: Datei | None = f_one(Datei)
    anlagen: tuple[Datei, ...] = f_many(Datei)
    orte: tuple[Ort, ...] = f_many(Ort)
    urheber_personen: tuple[str, ...] = f_refs("Person")
    federfuehrung: tuple[str, ...] = f_refs("Gremium")
    urheber_gremien: tuple[str, ...] = f_refs("Gremium")
    beratungen: tuple[Beratung, ...] = f_many(Beratung)
    beschlussvorschlag: str | None = f_text()
    text: str | None = f_text()
    oeffentlich: bool | None = f_flag()
    empfaenger: tuple[str, ...] = f_texts()
    nachrichtlich: tuple[str, ...] = f_texts()
    unterzeichnung: str | None = f_text()
    status: Drucksachenstatus | None = f_enum_field(Drucksachenstatus)
    verlauf: tuple[VerlaufEintrag, ...] = f_many(VerlaufEintrag)


@attrs.frozen(kw_only=True)
class Antrag(Drucksache):
    """A motion (OParl ``Paper`` with ``paperType`` "Antrag").

    ``urheber_gremien`` / ``urheber_personen`` are the Antragsteller (e.g. a Fraktion and the
    signing members); ``anliegen`` the procedural request ("… auf die Tagesordnung zu setzen");
    ``beschlussvorschlag`` the requested resolution; ``begruendung`` the reasons;
    ``zielgremien`` the Gremien whose agenda it asks for; ``eingang`` when it reached the
    administration (for the Antragsfrist); ``unterzeichner_text`` the signature line verbatim.

    >>> import datetime as dt
    >>> a = Antrag(id="https://example.org/d/antrag", name="Lenkungsgruppe KIM",
    ...            datum=dt.date(2021, 9, 28), begruendung="…")
    >>> a.drucksachenart
    'Antrag'
    """

    drucksachenart: str | None = attrs.field(default="Antrag", validator=v.opt_str)
    anliegen: str | None = f_text()
    begruendung: str | None = f_text()
    zielgremien: tuple[str, ...] = f_refs("Gremium")
    eingang: _dt.datetime | None = f_zeitpunkt()
    dringlich: bool | None = f_flag()
    unterzeichner_text: str | None = f_text()


@attrs.frozen(kw_only=True)
class Beschlussvorlage(Drucksache):
    """The administration's draft resolution (OParl ``Paper``, ``paperType`` "Beschlussvorlage").

    ``federfuehrung`` names the federführende Dienststelle (a :class:`Gremium` of art
    ``VERWALTUNGSEINHEIT``). ``beschlussvorschlag_offen`` is True when the Vorlage proposes no
    resolution text ("Der Beschluss ergibt sich aus den Beratungen"); ``beschlussvorschlag`` then
    keeps that sentence verbatim.

    >>> v = Beschlussvorlage(id="https://example.org/d/v1", name="Integrationskonzept",
    ...                      beschlussvorschlag="Der Beschluss ergibt sich aus den Beratungen.",
    ...                      beschlussvorschlag_offen=True)
    >>> v.drucksachenart, v.beschlussvorschlag_offen
    ('Beschlussvorlage', True)
    """

    drucksachenart: str | None = attrs.field(default="Beschlussvorlage", validator=v.opt_str)
    beschlussvorschlag_offen: bool = attrs.field(default=False, validator=v.bool_)
    vorbemerkungen: str | None = f_text()
    erlaeuterungen: str | None = f_text()
    tagesordnungspunkt_text: str | None = f_text()
