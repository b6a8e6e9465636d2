"""The publishing system, the Körperschaft and its bodies and people.

:class:`System` (OParl ``System``), :class:`Koerperschaft` (``Body``: Gemeinde, Stadt, Kreis —
with ``land`` and ``art``, which decide the applicable statute), :class:`Wahlperiode`
(``LegislativeTerm``), :class:`Gremium` (``Organization``: Rat, Kreistag, Ausschüsse,
Fraktionen, Dienststellen), :class:`Person` and :class:`Mitgliedschaft` (``Membership``, with
the function — Vorsitz, Schriftführung — and the voting right).
"""

from __future__ import annotations

import datetime as _dt

import attrs

from . import _validators as v
from ._base import (
    Objekt,
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
from .enums import Funktion, Gremiumart, Koerperschaftsart, Land
from .ort_datei import Ort

__all__ = ["Gremium", "Koerperschaft", "Mitgliedschaft", "Person", "System", "Wahlperiode"]

OPARL_11 = "https://schema.oparl.org/1.1/"


@attrs.frozen(kw_only=True)
class System(Objekt):
    """The publishing RIS / OParl endpoint (OParl ``System``).

    >>> System(id="https://example.org/oparl", name="Beispiel-RIS").oparl_version
    'https://schema.oparl.org/1.1/'
    """

    oparl_version: str = attrs.field(default=OPARL_11, validator=v.non_empty_str)
    andere_oparl_versionen: tuple[str, ...] = f_refs("System")
    koerperschaften_liste: str | None = f_text()
    name: str | None = f_text()
    kontakt_email: str | None = f_text()
    kontakt_name: str | None = f_text()
    website: str | None = f_text()
    hersteller: str | None = f_text()
    produkt: str | None = f_text()


@attrs.frozen(kw_only=True)
class Wahlperiode(Objekt):
    """A legislative term (OParl ``LegislativeTerm``).

    >>> import datetime as dt
    >>> Wahlperiode(id="https://example.org/wp/2020", name="Wahlperiode 2020-2025",
    ...             beginn=dt.date(2020, 11, 1), ende=dt.date(2025, 10, 31)).name
    'Wahlperiode 2020-2025'
    >>> Wahlperiode(id="https://example.org/wp/x", beginn=dt.date(2021, 1, 2),
    ...             ende=dt.date(2021, 1, 1))
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.InvariantError: Wahlperiode.ende: expected a value not before beginn=datetime.date(2021, 1, 2), got datetime.date(2021, 1, 1)
    """

    koerperschaft: str | None = f_ref("Koerperschaft")
    name: str | None = f_text()
    beginn: _dt.date | None = f_datum()
    ende: _dt.date | None = f_datum()

    ORDNUNG = (("created", "modified"), ("beginn", "ende"))


@attrs.frozen(kw_only=True)
class Koerperschaft(Objekt):
    """A Gemeinde, Stadt or Kreis (OParl ``Body``).

    ``land`` and ``art`` decide which statute applies (e.g. KrO NRW for a Kreis in NW). The
    ``*_liste`` fields hold the URLs of the OParl external lists when known.

    >>> k = Koerperschaft(id="https://example.org/body/rsk", name="Rhein-Sieg-Kreis",
    ...                   land=Land.NW, art=Koerperschaftsart.KREIS, ags="05382000")
    >>> k.land, k.art.value
    (<Land.NW: 'NW'>, 'Kreis')
    """

    system: str | None = f_ref("System")
    name: str | None = f_text()
    kurzname: str | None = f_text()
    website: str | None = f_text()
    lizenz_gueltig_seit: _dt.datetime | None = f_zeitpunkt()
    oparl_seit: _dt.datetime | None = f_zeitpunkt()
    ags: str | None = f_text()
    rgs: str | None = f_text()
    aequivalente: tuple[str, ...] = f_texts()
    kontakt_email: str | None = f_text()
    kontakt_name: str | None = f_text()
    klassifikation: str | None = f_text()
    ort: Ort | None = f_one(Ort)
    wahlperioden: tuple[Wahlperiode, ...] = f_many(Wahlperiode)
    gremien_liste: str | None = f_text()
    personen_liste: str | None = f_text()
    sitzungen_liste: str | None = f_text()
    drucksachen_liste: str | None = f_text()
    tagesordnungspunkte_liste: str | None = f_text()
    beratungen_liste: str | None = f_text()
    dateien_liste: str | None = f_text()
    orte_liste: str | None = f_text()
    wahlperioden_liste: str | None = f_text()
    mitgliedschaften_liste: str | None = f_text()
    land: Land | None = f_enum_field(Land)
    art: Koerperschaftsart | None = f_enum_field(Koerperschaftsart)


@attrs.frozen(kw_only=True)
class Gremium(Objekt):
    """A Gremium, Fraktion or Dienststelle (OParl ``Organization``).

    ``art`` is the closed kind; ``organisationstyp``/``klassifikation`` keep OParl's free text.
    ``kennung`` holds an office code such as ``"30.2"`` (Dienststelle "30.2 - Ausländerbehörde").
    ``gesetzliche_mitgliederzahl`` is the legal number of members (quorum base).

    >>> g = Gremium(id="https://example.org/org/kt", name="Kreistag", art=Gremiumart.KREISTAG,
    ...             gesetzliche_mitgliederzahl=81)
    >>> g.art.value
    'Kreistag'
    """

    koerperschaft: str | None = f_ref("Koerperschaft")
    name: str | None = f_text()
    kurzname: str | None = f_text()
    kennung: str | None = f_text()
    mitgliedschaften: tuple[str, ...] = f_refs("Mitgliedschaft")
    sitzungen_liste: str | None = f_text()
    beratungen_liste: str | None = f_text()
    posten: tuple[str, ...] = f_texts()
    uebergeordnet: str | None = f_ref("Gremium")
    organisationstyp: str | None = f_text()
    klassifikation: str | None = f_text()
    beginn: _dt.date | None = f_datum()
    ende: _dt.date | None = f_datum()
    website: str | None = f_text()
    ort: Ort | None = f_one(Ort)
    externe_koerperschaft: str | None = f_text()
    art: Gremiumart | None = f_enum_field(Gremiumart)
    gesetzliche_mitgliederzahl: int | None = attrs.field(
        default=None, validator=v.opt_non_negative_int
    )

    ORDNUNG = (("created", "modified"), ("beginn", "ende"))


@attrs.frozen(kw_only=True)
class Mitgliedschaft(Objekt):
    """Membership of a Person in a Gremium (OParl ``Membership``).

    ``rolle`` is the free text as published ("Vorsitzende", "Schriftführerin"); ``funktion`` the
    closed category the rules use.

    >>> m = Mitgliedschaft(id="https://example.org/m/1", person="https://example.org/p/1",
    ...                    gremium="https://example.org/org/asi", rolle="Vorsitzende",
    ...                    funktion=Funktion.VORSITZ, stimmberechtigt=True)
    >>> m.funktion.value
    'Vorsitz'
    """

    person: str | None = f_ref("Person")
    gremium: str | None = f_ref("Gremium")
    rolle: str | None = f_text()
    funktion: Funktion | None = f_enum_field(Funktion)
    stimmberechtigt: bool | None = f_flag()
    beginn: _dt.date | None = f_datum()
    ende: _dt.date | None = f_datum()
    fuer: str | None = f_ref("Gremium")

    ORDNUNG = (("created", "modified"), ("beginn", "ende"))


@attrs.frozen(kw_only=True)
class Person(Objekt):
    """A person (OParl ``Person``): member, chair, Schriftführerin, Landrat.

    >>> p = Person(id="https://example.org/p/ruiters", name="Katja Ruiters",
    ...            vorname="Katja", familienname="Ruiters")
    >>> p.familienname
    'Ruiters'
    """

    koerperschaft: str | None = f_ref("Koerperschaft")
    name: str | None = f_text()
    familienname: str | None = f_text()
    vorname: str | None = f_text()
    anrede: str | None = f_text()
    namenszusatz: str | None = f_text()
    titel: tuple[str, ...] = f_texts()
    geschlecht: str | None = f_text()
    telefon: tuple[str, ...] = f_texts()
    email: tuple[str, ...] = f_texts()
    ort_ref: str | None = f_ref("Ort")
    ort: Ort | None = f_one(Ort)
    funktionen: tuple[str, ...] = f_texts()
    mitgliedschaften: tuple[Mitgliedschaft, ...] = f_many(Mitgliedschaft)
    lebenslauf: str | None = f_text()
    lebenslauf_quelle: str | None = f_text()
