"""The Geschäftsordnung (GeschO) as one frozen configuration object.

Everything a council's Geschäftsordnung decides -- and the statutory rules it must respect --
is a value here, never a constant in code: Ladungsfrist and its counting mode, Zugang, the
shortened Frist in Dringlichkeit, Nachträge, the Antragsfrist and who may demand an agenda
item, adding items in the meeting, Beschlussfähigkeit, majorities, abstentions, tie, secret
and named votes, the effect of Befangenheit, who signs the Niederschrift and how it is
approved, and the catalogue of non-public matters.

Statutory defaults per Land come from :func:`kommunalrecht.recht.profil`; a body's own GeschO
is loaded from TOML (:meth:`Geschaeftsordnung.from_toml`) on top of such a profile
(``basis=``). Every key, its default and its legal basis is listed by :func:`schluessel` and
in ``docs/recht/geschaeftsordnung.md``. Sources: ``reference/kommunalrecht-regeln.md`` §2, §4,
§6 (GO NRW, KrO NRW, BayGO, GemO BW, NKomVG, HGO, SächsGemO); values tagged "GeschO [G]" are
not fixed by statute.

>>> go = Geschaeftsordnung.from_toml('''
... [ladung.frist]
... tage = 7
... zaehlung = "volle_tage"
... ''')
>>> go.ladung.frist.tage, go.abstimmung.stimmengleichheit
(7, <Stimmengleichheit.REJECTED: 'rejected'>)
>>> Geschaeftsordnung.from_dict({"ladung": {"frist": {"tage": "sieben"}}})
Traceback (most recent call last):
...
kommunalrecht.errors.ConfigError: ladung.frist.tage: expected a non-negative int, got 'sieben'
"""

from __future__ import annotations

import datetime as _dt
import enum
import os
import tomllib
import types
import typing
from collections.abc import Mapping
from fractions import Fraction
from typing import Any, TypeVar

import attrs

from kommunalrecht.errors import ConfigError
from kommunalrecht.fristen import Zaehlung, Zugangsart

__all__ = [
    "Abstimmungsregeln",
    "Antragsregeln",
    "Anwesenheit",
    "Aufnahme",
    "Befangenheitsfolge",
    "Befangenheitsquorum",
    "Befangenheitsregeln",
    "Beschlussfaehigkeitsfiktion",
    "Beschlussfaehigkeitsregeln",
    "Enthaltungen",
    "Erweiterungsregeln",
    "Fristregel",
    "Genehmigung",
    "Geschaeftsordnung",
    "Ladungsregeln",
    "Mehrheit",
    "Niederschriftregeln",
    "Oeffentlichkeitsregeln",
    "QuorumBasis",
    "Schluessel",
    "Schwelle",
    "Stimmengleichheit",
    "Unterzeichner",
    "Zugangsregeln",
    "ZweiteSitzung",
    "schluessel",
]

T = TypeVar("T")


def _f(default: Any, doc: str, norm: str, *, factory: bool = False) -> Any:
    """An attrs field with its documentation and legal basis as metadata."""
    meta = {"doc": doc, "norm": norm}
    if factory:
        return attrs.field(factory=default, metadata=meta)
    return attrs.field(default=default, metadata=meta)


# --------------------------------------------------------------------------------------------
# closed choices


class Aufnahme(enum.Enum):
    """Which meeting a demanded agenda item must be put on at the latest.

    ``NAECHSTE_SITZUNG``: the next meeting for which the Antragsfrist is met (§ 48 Abs. 1 S. 2
    GO NRW); ``UEBERNAECHSTE_SITZUNG``: the next-but-one (§ 36 Abs. 5 SächsGemO).

    >>> Aufnahme("uebernaechste_sitzung").name
    'UEBERNAECHSTE_SITZUNG'
    """

    NAECHSTE_SITZUNG = "naechste_sitzung"
    UEBERNAECHSTE_SITZUNG = "uebernaechste_sitzung"


class Mehrheit(enum.Enum):
    """Required majority.

    ``SIMPLE``: more Ja than Nein (Stimmenmehrheit); ``TWO_THIRDS``: two thirds of the votes
    counted; ``OF_LEGAL_MEMBERS``: more Ja than half the gesetzliche Mitgliederzahl;
    ``TWO_THIRDS_OF_LEGAL_MEMBERS``: Ja from two thirds of the gesetzliche Mitgliederzahl
    (e.g. § 58 Abs. 2 HGO, § 59 Abs. 3 S. 5 NKomVG).

    >>> Mehrheit("two_thirds_of_legal_members") is Mehrheit.TWO_THIRDS_OF_LEGAL_MEMBERS
    True
    """

    SIMPLE = "simple"
    TWO_THIRDS = "two_thirds"
    OF_LEGAL_MEMBERS = "of_legal_members"
    TWO_THIRDS_OF_LEGAL_MEMBERS = "two_thirds_of_legal_members"


class QuorumBasis(enum.Enum):
    """Base of the quorum: the gesetzliche Mitgliederzahl or the actual (ist) members.

    >>> QuorumBasis.GESETZLICH.value
    'gesetzlich'
    """

    GESETZLICH = "gesetzlich"
    IST = "ist"


class Schwelle(enum.Enum):
    """Quorum threshold: more than half (``GT_HALF``) or at least half (``GE_HALF``).

    >>> Schwelle("ge_half").name
    'GE_HALF'
    """

    GT_HALF = "gt_half"
    GE_HALF = "ge_half"


class Anwesenheit(enum.Enum):
    """Who counts for the quorum: all present members, or only those present and entitled
    to vote (befangene members excluded; Art. 47 Abs. 2 BayGO, § 37 Abs. 2 GemO BW).

    >>> Anwesenheit("anwesend_und_stimmberechtigt").name
    'ANWESEND_UND_STIMMBERECHTIGT'
    """

    ANWESEND = "anwesend"
    ANWESEND_UND_STIMMBERECHTIGT = "anwesend_und_stimmberechtigt"


class Beschlussfaehigkeitsfiktion(enum.Enum):
    """How long a council is deemed beschlussfähig without recount.

    ``UNTIL_FESTGESTELLT``: until the lack of quorum is formally stated (§ 49 Abs. 1 GO NRW,
    § 53 Abs. 1 HGO); ``UNTIL_ANGEZWEIFELT``: until someone doubts it (§ 65 Abs. 1 NKomVG).

    >>> Beschlussfaehigkeitsfiktion("none").name
    'NONE'
    """

    NONE = "none"
    UNTIL_FESTGESTELLT = "until_festgestellt"
    UNTIL_ANGEZWEIFELT = "until_angezweifelt"


class ZweiteSitzung(enum.Enum):
    """Quorum of a second meeting on an item postponed for lack of quorum.

    ``ANY``: beschlussfähig regardless of attendance (§ 49 Abs. 2 GO NRW, § 53 Abs. 2 HGO,
    § 65 Abs. 2 NKomVG); ``MIN_3``: at least three members present and stimmberechtigt
    (§ 37 Abs. 3 GemO BW); ``NONE``: no special rule.

    >>> ZweiteSitzung("min_3").name
    'MIN_3'
    """

    ANY = "any"
    MIN_3 = "min_3"
    NONE = "none"


class Befangenheitsquorum(enum.Enum):
    """Quorum when so many members are befangen that the normal quorum cannot be reached.

    ``NORMAL``: no special rule; ``MIN_QUARTER``: if more than half of all members are
    befangen, at least a quarter present and stimmberechtigt suffices (§ 37 Abs. 2 S. 2 GemO
    BW); ``ALWAYS``: if more than half are excluded the body stays beschlussfähig (§ 53 Abs. 3
    HGO; § 65 Abs. 3 NKomVG, there with approval of the Kommunalaufsicht).

    >>> Befangenheitsquorum("min_quarter").name
    'MIN_QUARTER'
    """

    NORMAL = "normal"
    MIN_QUARTER = "min_quarter"
    ALWAYS = "always"


class Enthaltungen(enum.Enum):
    """How abstentions count for the majority.

    ``EXCLUDED``: not counted (only Ja against Nein; § 66 Abs. 1 NKomVG, § 54 Abs. 1 S. 3 HGO);
    ``COUNTED_AS_NO``: counted among the votes cast, so they act like Nein; ``FORBIDDEN``:
    abstaining is not allowed (Art. 48 Abs. 1 S. 2 BayGO).

    >>> Enthaltungen("forbidden").name
    'FORBIDDEN'
    """

    EXCLUDED = "excluded"
    COUNTED_AS_NO = "counted_as_no"
    FORBIDDEN = "forbidden"


class Stimmengleichheit(enum.Enum):
    """Effect of a tie. All modelled Länder: the motion is rejected (e.g. § 50 Abs. 1 S. 2 GO
    NRW, § 66 Abs. 1 S. 2 NKomVG, § 54 Abs. 1 S. 2 HGO); the only value so far.

    >>> Stimmengleichheit("rejected").name
    'REJECTED'
    """

    REJECTED = "rejected"


class Befangenheitsfolge(enum.Enum):
    """Effect on a resolution when a befangenes member took part.

    ``INVALID_IF_DECISIVE``: only if the participation was decisive (§ 31 Abs. 6 GO NRW,
    Art. 49 Abs. 4 BayGO, § 41 Abs. 6 NKomVG); ``UNLAWFUL_ALWAYS``: rechtswidrig regardless
    of causality (§ 18 Abs. 6 GemO BW; healing see ``heilung_monate``);
    ``VOID_HEALS_AFTER_6_MONTHS``: unwirksam, deemed valid after six months unless objected
    (§ 25 Abs. 6 HGO); ``VOID``: unwirksam (§ 22 Abs. 6 GemO RP).

    >>> Befangenheitsfolge("invalid_if_decisive").name
    'INVALID_IF_DECISIVE'
    """

    INVALID_IF_DECISIVE = "invalid_if_decisive"
    UNLAWFUL_ALWAYS = "unlawful_always"
    VOID_HEALS_AFTER_6_MONTHS = "void_heals_after_6_months"
    VOID = "void"


class Unterzeichner(enum.Enum):
    """Who signs the Niederschrift.

    >>> [u.value for u in Unterzeichner]
    ['vorsitz', 'schriftfuehrer', 'zwei_mitglieder', 'ein_mitglied']
    """

    VORSITZ = "vorsitz"
    SCHRIFTFUEHRER = "schriftfuehrer"
    ZWEI_MITGLIEDER = "zwei_mitglieder"
    EIN_MITGLIED = "ein_mitglied"


class Genehmigung(enum.Enum):
    """How the Niederschrift is approved: not at all, by Kenntnisnahme (objections decided by
    the council), or by formal resolution (Art. 54 Abs. 2 BayGO).

    >>> Genehmigung("beschluss").name
    'BESCHLUSS'
    """

    NONE = "none"
    KENNTNISNAHME = "kenntnisnahme"
    BESCHLUSS = "beschluss"


# --------------------------------------------------------------------------------------------
# sections


@attrs.frozen(kw_only=True)
class Fristregel:
    """A backward deadline before the Sitzungstag, as passed to
    :func:`kommunalrecht.fristen.rueckwaerts`.

    >>> Fristregel(tage=3).zaehlung
    <Zaehlung.VOLLE_TAGE: 'volle_tage'>
    """

    tage: int = _f(7, "Anzahl der Tage zwischen Zugang und Sitzungstag", "GeschO [G]")
    zaehlung: Zaehlung = _f(
        Zaehlung.VOLLE_TAGE,
        "volle_tage: weder Zugangs- noch Sitzungstag zählen; sitzungstag_mitgerechnet: der"
        " Sitzungstag zählt",
        "GeschO [G]; §§ 187, 188 BGB analog",
    )
    werktage: bool = _f(False, "nur Werktage des Landes zählen", "GeschO [G]")
    samstag_ist_werktag: bool = _f(
        True, "Samstag gilt als Werktag (allgemeiner Sprachgebrauch)", "GeschO [G]"
    )
    verschieben: bool = _f(
        False,
        "fällt der letzte Zugangstag auf einen Nicht-Werktag, gilt der vorhergehende Werktag"
        " (schützende Richtung); keine Verschiebung nach § 193 BGB",
        "GeschO [G]; Rechercheband §4.2",
    )


@attrs.frozen(kw_only=True)
class Zugangsregeln:
    """How a Ladung is sent and when it counts as received (Zugang).

    >>> Zugangsregeln().art
    <Zugangsart.ELEKTRONISCH: 'elektronisch'>
    """

    art: Zugangsart = _f(
        Zugangsart.ELEKTRONISCH,
        "elektronisch: Bereitstellung im RIS gilt als Zugang; post: Zugangsfiktion",
        "GeschO [G]; § 130 BGB analog (VG Regensburg RO 3 K 15.144)",
    )
    fiktion_tage: int | None = _f(
        None,
        "Tage bis zum fingierten Zugang; fehlt der Schlüssel: 3 (bis 31.12.2024) bzw. 4 (ab"
        " 01.01.2025) bei Post, 0 elektronisch",
        "GeschO [G]; § 41 Abs. 2 S. 1 VwVfG / VwVfG NRW analog",
    )
    fiktion_verschieben: bool = _f(
        False,
        "fingierter Zugangstag auf Sa/So/Feiertag rückt auf den nächsten Werktag",
        "GeschO [G]; OVG NRW 2024: keine Verschiebung",
    )


@attrs.frozen(kw_only=True)
class Ladungsregeln:
    """Ladung: regular Frist, shortened Frist in Dringlichkeit, Nachträge, Zugang.

    >>> Ladungsregeln().dringlich.tage
    3
    """

    frist: Fristregel = _f(
        Fristregel(tage=7),
        "Ladungsfrist",
        "GeschO [G] (§ 47 Abs. 2 S. 1 GO NRW, § 32 Abs. 2 KrO NRW: Frist regelt die GeschO)",
    )
    dringlich: Fristregel = _f(
        Fristregel(tage=3),
        "verkürzte Ladungsfrist in dringenden Fällen",
        "GeschO [G] (Beispiele: 3 Tage Hilden/Nottuln, 3 Werktage Rhein-Kreis Neuss)",
    )
    dringlich_hinweis: bool = _f(
        False,
        "die Ladung muss auf die Verkürzung ausdrücklich hinweisen",
        "GeschO [G]; § 58 Abs. 1 S. 4 HGO",
    )
    nachtrag: Fristregel = _f(
        Fristregel(tage=3),
        "Mindestfrist für Nachträge zur Tagesordnung",
        "GeschO [G] (Rhein-Kreis Neuss: 3 Kalendertage)",
    )
    zugang: Zugangsregeln = _f(Zugangsregeln(), "Zugang der Ladung", "GeschO [G]")


@attrs.frozen(kw_only=True)
class Antragsregeln:
    """Antragsfrist and the minority right to put an item on the agenda.

    >>> Antragsregeln().quorum
    Fraction(1, 5)
    """

    frist: Fristregel = _f(
        Fristregel(tage=14, zaehlung=Zaehlung.SITZUNGSTAG_MITGERECHNET),
        "Antragsfrist vor der Sitzung",
        "GeschO [G] (Nottuln: 14. Kalendertag vor der Sitzung, 10 Uhr)",
    )
    uhrzeit: _dt.time | None = _f(
        None, "Uhrzeit, bis zu der der Antrag am letzten Tag eingehen muss", "GeschO [G]"
    )
    fraktion: bool = _f(
        True, "eine Fraktion kann die Aufnahme verlangen", "§ 48 Abs. 1 S. 2 GO NRW"
    )
    quorum: Fraction = _f(
        Fraction(1, 5),
        "Anteil der Mitglieder, der die Aufnahme verlangen kann",
        "§ 48 Abs. 1 S. 2 GO NRW, § 33 Abs. 1 S. 2 KrO NRW",
    )
    quorum_ohne_vorsitz: bool = _f(
        True,
        "das Quorum wird ohne den Hauptverwaltungsbeamten (BM/Landrat) berechnet",
        'GO NRW ("Ratsmitglieder", juracademy) [V secondary]',
    )
    einzelmitglied: bool = _f(
        False,
        "einzelne Mitglieder können die Aufnahme verlangen",
        "GeschO [G]; OVG NRW 15 A 1248/04: kein gesetzliches Recht",
    )
    aufnahme: Aufnahme = _f(
        Aufnahme.NAECHSTE_SITZUNG,
        "spätestens auf die Tagesordnung welcher Sitzung",
        "§ 48 Abs. 1 S. 2 GO NRW; § 36 Abs. 5 SächsGemO: übernächste",
    )
    sperrfrist_monate: int = _f(
        0,
        "kein Anspruch, wenn derselbe Gegenstand in den letzten N Monaten behandelt wurde (0:"
        " keine Sperrfrist)",
        "§ 36 Abs. 3 S. 4, Abs. 5 SächsGemO; GemO BW [M]",
    )


@attrs.frozen(kw_only=True)
class Erweiterungsregeln:
    """Adding items to the agenda during the meeting.

    >>> Erweiterungsregeln().mehrheit
    <Mehrheit.SIMPLE: 'simple'>
    """

    zulaessig: bool = _f(True, "Erweiterung in der Sitzung überhaupt zulässig", "GeschO [G]")
    dringlichkeit_erforderlich: bool = _f(
        True,
        "nur für Angelegenheiten, die keinen Aufschub dulden oder äußerst dringlich sind",
        "§ 48 Abs. 1 S. 5 GO NRW",
    )
    mehrheit: Mehrheit = _f(
        Mehrheit.SIMPLE,
        "erforderliche Mehrheit für die Erweiterung",
        "§ 48 Abs. 1 S. 5 GO NRW; § 58 Abs. 2 HGO, § 59 Abs. 3 S. 5 NKomVG: 2/3",
    )


@attrs.frozen(kw_only=True)
class Beschlussfaehigkeitsregeln:
    """Quorum (Beschlussfähigkeit).

    >>> Beschlussfaehigkeitsregeln().schwelle
    <Schwelle.GT_HALF: 'gt_half'>
    """

    basis: QuorumBasis = _f(QuorumBasis.GESETZLICH, "Bezugsgröße des Quorums", "§ 49 Abs. 1 GO NRW")
    schwelle: Schwelle = _f(
        Schwelle.GT_HALF, "mehr als / mindestens die Hälfte", "§ 49 Abs. 1 GO NRW"
    )
    zaehlt: Anwesenheit = _f(Anwesenheit.ANWESEND, "wer für das Quorum zählt", "§ 49 Abs. 1 GO NRW")
    fiktion: Beschlussfaehigkeitsfiktion = _f(
        Beschlussfaehigkeitsfiktion.UNTIL_FESTGESTELLT,
        "gilt als beschlussfähig, bis …",
        "§ 49 Abs. 1 S. 2 GO NRW",
    )
    zweite_sitzung: ZweiteSitzung = _f(
        ZweiteSitzung.ANY,
        "Quorum einer zweiten Sitzung über denselben Gegenstand",
        "§ 49 Abs. 2 GO NRW [V secondary]",
    )
    hinweis_erforderlich: bool = _f(
        True,
        "die Ladung zur zweiten Sitzung muss auf die Sonderregel hinweisen",
        "§ 49 Abs. 2 GO NRW",
    )
    befangenheit: Befangenheitsquorum = _f(
        Befangenheitsquorum.NORMAL,
        "Sonderregel, wenn mehr als die Hälfte befangen / verhindert ist",
        "§ 37 Abs. 2 S. 2 GemO BW; § 53 Abs. 3 HGO; § 65 Abs. 3 NKomVG",
    )


@attrs.frozen(kw_only=True)
class Abstimmungsregeln:
    """Voting: majority, abstentions, tie, secret and named votes.

    >>> Abstimmungsregeln().enthaltungen
    <Enthaltungen.EXCLUDED: 'excluded'>
    """

    mehrheit: Mehrheit = _f(Mehrheit.SIMPLE, "Regelmehrheit", "§ 50 Abs. 1 S. 1 GO NRW")
    enthaltungen: Enthaltungen = _f(
        Enthaltungen.EXCLUDED,
        "Behandlung von Stimmenthaltungen",
        "§ 50 Abs. 5 GO NRW [M]; Art. 48 Abs. 1 S. 2 BayGO: verboten",
    )
    stimmengleichheit: Stimmengleichheit = _f(
        Stimmengleichheit.REJECTED, "Folge der Stimmengleichheit", "§ 50 Abs. 1 S. 2 GO NRW"
    )
    geheim_zulaessig: bool = _f(
        True, "geheime Abstimmung zulässig", "§ 50 Abs. 1 S. 5 GO NRW; § 54 Abs. 2 HGO: nein"
    )
    geheim_auf_antrag: Fraction = _f(
        Fraction(1, 5),
        "Anteil der Mitglieder, auf dessen Antrag geheim abzustimmen ist",
        "§ 50 Abs. 1 S. 5 GO NRW",
    )
    namentlich_auf_antrag: int | None = _f(
        None,
        "Zahl der Mitglieder, auf deren Antrag namentlich abzustimmen ist (fehlt: GeschO"
        " regelt nichts)",
        "§ 50 Abs. 1 S. 4 GO NRW: Zahl bestimmt die GeschO [G]",
    )


@attrs.frozen(kw_only=True)
class Befangenheitsregeln:
    """Effect of the participation of a befangenes member.

    >>> Befangenheitsregeln().heilung_monate
    0
    """

    folge: Befangenheitsfolge = _f(
        Befangenheitsfolge.INVALID_IF_DECISIVE,
        "Rechtsfolge der Mitwirkung eines befangenen Mitglieds",
        "§ 31 Abs. 6 GO NRW",
    )
    heilung_monate: int = _f(
        0,
        "Monate, nach denen der Beschluss als von Anfang an gültig gilt (0: keine Heilung)",
        "§ 25 Abs. 6 HGO: 6; § 18 Abs. 6 GemO BW: 12 [M]",
    )


@attrs.frozen(kw_only=True)
class Niederschriftregeln:
    """Who signs the Niederschrift and how it is approved.

    >>> [u.value for u in Niederschriftregeln().unterzeichner]
    ['vorsitz', 'schriftfuehrer']
    """

    unterzeichner: tuple[Unterzeichner, ...] = _f(
        (Unterzeichner.VORSITZ, Unterzeichner.SCHRIFTFUEHRER),
        "Unterzeichner der Niederschrift",
        "§ 52 GO NRW; § 37 KrO NRW",
    )
    genehmigung: Genehmigung = _f(
        Genehmigung.NONE,
        "Genehmigung der Niederschrift",
        "GO NRW: keine gesetzliche Genehmigung; Art. 54 Abs. 2 BayGO: Beschluss",
    )


@attrs.frozen(kw_only=True)
class Oeffentlichkeitsregeln:
    """Categories of matters the GeschO assigns to the non-public part.

    >>> Oeffentlichkeitsregeln().nichtoeffentlich
    ()
    """

    nichtoeffentlich: tuple[str, ...] = _f(
        (),
        "Kategorien nichtöffentlicher Angelegenheiten (z. B. personal, liegenschaften,"
        " vergaben, abgaben_einzelfall, rechnungspruefung)",
        "§ 48 Abs. 2 S. 2 GO NRW: GeschO [G]",
    )


@attrs.frozen(kw_only=True)
class Geschaeftsordnung:
    """Everything a Geschäftsordnung decides, with documented defaults.

    The defaults of a bare ``Geschaeftsordnung()`` follow GO NRW where the statute decides and
    are plausible GeschO values (tagged [G]) elsewhere; use
    ``recht.profil(land, art).geschaeftsordnung`` for another Land and load your own GeschO
    on top of it with ``from_toml(..., basis=...)``.

    >>> go = Geschaeftsordnung()
    >>> go.ladung.frist.tage, go.antrag.quorum, go.beschlussfaehigkeit.schwelle.value
    (7, Fraction(1, 5), 'gt_half')
    >>> Geschaeftsordnung.from_dict(go.to_dict()) == go
    True
    """

    name: str = _f("", "Bezeichnung der Geschäftsordnung (frei)", "—")
    ladung: Ladungsregeln = _f(Ladungsregeln(), "Ladung", "siehe Unterschlüssel")
    antrag: Antragsregeln = _f(Antragsregeln(), "Anträge zur Tagesordnung", "siehe Unterschlüssel")
    erweiterung: Erweiterungsregeln = _f(
        Erweiterungsregeln(), "Erweiterung der Tagesordnung in der Sitzung", "siehe Unterschlüssel"
    )
    beschlussfaehigkeit: Beschlussfaehigkeitsregeln = _f(
        Beschlussfaehigkeitsregeln(), "Beschlussfähigkeit", "siehe Unterschlüssel"
    )
    abstimmung: Abstimmungsregeln = _f(Abstimmungsregeln(), "Abstimmung", "siehe Unterschlüssel")
    befangenheit: Befangenheitsregeln = _f(
        Befangenheitsregeln(), "Befangenheit", "siehe Unterschlüssel"
    )
    niederschrift: Niederschriftregeln = _f(
        Niederschriftregeln(), "Niederschrift", "siehe Unterschlüssel"
    )
    oeffentlichkeit: Oeffentlichkeitsregeln = _f(
        Oeffentlichkeitsregeln(), "Öffentlichkeit", "siehe Unterschlüssel"
    )

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any], *, basis: Geschaeftsordnung | None = None
    ) -> Geschaeftsordnung:
        """Build from a nested mapping (e.g. parsed TOML). Keys missing in ``data`` keep the
        value of ``basis`` (default: ``Geschaeftsordnung()``). An unknown key or a value of
        the wrong type raises :class:`~kommunalrecht.errors.ConfigError` naming the dotted key.

        >>> Geschaeftsordnung.from_dict({"antrag": {"quorum": "1/6"}}).antrag.quorum
        Fraction(1, 6)
        >>> Geschaeftsordnung.from_dict({"ladung": {"frist": {"tag": 7}}})
        Traceback (most recent call last):
        ...
        kommunalrecht.errors.ConfigError: ladung.frist.tag: expected a known key (one of: tage, zaehlung, werktage, samstag_ist_werktag, verschieben), got 7
        """
        base = basis if basis is not None else cls()
        if not isinstance(base, cls):
            raise ConfigError("basis", "a Geschaeftsordnung", base)
        return _build(cls, data, base, "")

    @classmethod
    def from_toml(
        cls, source: str | bytes | os.PathLike[str], *, basis: Geschaeftsordnung | None = None
    ) -> Geschaeftsordnung:
        """Load from TOML: a path (``os.PathLike``, or a ``str`` ending in ``.toml`` without a
        line break), TOML text (``str``) or UTF-8 bytes. See :meth:`from_dict` for ``basis``.

        >>> Geschaeftsordnung.from_toml('name = "GeschO Musterstadt"').name
        'GeschO Musterstadt'
        >>> Geschaeftsordnung.from_toml("[ladung]\\nfrist = 3")
        Traceback (most recent call last):
        ...
        kommunalrecht.errors.ConfigError: ladung.frist: expected a table, got 3
        """
        if isinstance(source, os.PathLike) or (
            isinstance(source, str) and source.endswith(".toml") and "\n" not in source
        ):
            try:
                with open(source, "rb") as fh:
                    raw = fh.read()
            except OSError as exc:
                raise ConfigError("(datei)", "a readable TOML file", str(source)) from exc
        elif isinstance(source, bytes):
            raw = source
        elif isinstance(source, str):
            try:
                raw = source.encode("utf-8")
            except UnicodeEncodeError as exc:  # lone surrogates cannot be TOML text
                raise ConfigError("(toml)", "valid Unicode TOML text", str(exc)) from exc
        else:
            raise ConfigError("(quelle)", "TOML text, bytes or a path", source)
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError("(toml)", "valid UTF-8 TOML", str(exc)) from exc
        return cls.from_dict(data, basis=basis)

    def to_dict(self) -> dict[str, Any]:
        """A nested dict of plain TOML/JSON values (enums as their value, fractions as
        ``"1/5"``, times as ISO text; ``None`` values left out). ``from_dict(to_dict())`` is
        the identity.

        >>> Geschaeftsordnung().to_dict()["abstimmung"]["geheim_auf_antrag"]
        '1/5'
        """
        result: dict[str, Any] = _dump(self)
        return result


# --------------------------------------------------------------------------------------------
# generic (de)serialisation driven by the attrs field types


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _expected(tp: Any) -> str:
    if tp is bool:
        return "a bool (true/false)"
    if tp is int:
        return "a non-negative int"
    if tp is str:
        return "a string"
    if tp is Fraction:
        return 'a fraction in (0, 1] as text, e.g. "1/5"'
    if tp is _dt.time:
        return 'a time of day (TOML time or "HH:MM")'
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return "one of " + ", ".join(repr(m.value) for m in tp)
    if attrs.has(tp):
        return "a table"
    origin = typing.get_origin(tp)
    if origin is tuple:
        return "a list of " + _expected(typing.get_args(tp)[0]).removeprefix("a ")
    return str(tp)


def _convert(tp: Any, value: Any, base: Any, key: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(inner[0], value, base, key)
    if attrs.has(tp):
        if not isinstance(value, Mapping):
            raise ConfigError(key, "a table", value)
        return _build(tp, value, base, key)
    if origin is tuple:
        (item,) = (a for a in typing.get_args(tp) if a is not Ellipsis)
        if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
            raise ConfigError(key, _expected(tp), value)
        return tuple(_convert(item, v, None, f"{key}[{i}]") for i, v in enumerate(value))
    if tp is bool:
        if not isinstance(value, bool):
            raise ConfigError(key, _expected(tp), value)
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ConfigError(key, _expected(tp), value)
        return value
    if tp is str:
        if not isinstance(value, str):
            raise ConfigError(key, _expected(tp), value)
        return value
    if tp is Fraction:
        if isinstance(value, Fraction):
            frac = value
        elif isinstance(value, str):
            try:
                frac = Fraction(value.replace(" ", ""))
            except (ValueError, ZeroDivisionError):
                raise ConfigError(key, _expected(tp), value) from None
        else:
            raise ConfigError(key, _expected(tp), value)
        if not 0 < frac <= 1:
            raise ConfigError(key, _expected(tp), value)
        return frac
    if tp is _dt.time:
        if isinstance(value, _dt.time):
            t = value
        elif isinstance(value, str):
            try:
                t = _dt.time.fromisoformat(value)
            except ValueError:
                raise ConfigError(key, _expected(tp), value) from None
        else:
            raise ConfigError(key, _expected(tp), value)
        if t.tzinfo is not None:
            raise ConfigError(key, "a local time of day without offset", value)
        return t
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        if isinstance(value, tp):
            return value
        try:
            return tp(value)
        except ValueError:
            raise ConfigError(key, _expected(tp), value) from None
    raise TypeError(f"unsupported config type {tp!r} at {key}")  # pragma: no cover


def _build(cls: type[T], data: Mapping[str, Any], base: T, prefix: str) -> T:
    if not isinstance(data, Mapping):
        raise ConfigError(prefix or "(wurzel)", "a table", data)
    hints = _hints(cls)
    names = [f.name for f in attrs.fields(typing.cast(Any, cls))]
    for k, v in data.items():
        if k not in names:
            key = f"{prefix}.{k}" if prefix else str(k)
            raise ConfigError(key, "a known key (one of: " + ", ".join(names) + ")", v)
    kwargs: dict[str, Any] = {}
    for name in names:
        old = getattr(base, name)
        if name in data:
            key = f"{prefix}.{name}" if prefix else name
            kwargs[name] = _convert(hints[name], data[name], old, key)
        else:
            kwargs[name] = old
    return cls(**kwargs)


def _dump(obj: Any) -> Any:
    if attrs.has(type(obj)):
        out: dict[str, Any] = {}
        for f in attrs.fields(type(obj)):
            value = getattr(obj, f.name)
            if value is not None:
                out[f.name] = _dump(value)
        return out
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, Fraction):
        return f"{obj.numerator}/{obj.denominator}"
    if isinstance(obj, _dt.time):
        return obj.isoformat()
    if isinstance(obj, tuple):
        return [_dump(v) for v in obj]
    return obj


# --------------------------------------------------------------------------------------------
# key catalogue


@attrs.frozen(kw_only=True)
class Schluessel:
    """One configuration key: dotted name, default, meaning and legal basis.

    >>> s = {k.name: k for k in schluessel()}["ladung.frist.tage"]
    >>> s.default, s.norm
    (7, 'GeschO [G]')
    """

    name: str
    default: Any
    doc: str
    norm: str


def schluessel(go: Geschaeftsordnung | None = None) -> tuple[Schluessel, ...]:
    """All leaf keys of a Geschäftsordnung with the value in ``go`` (default:
    ``Geschaeftsordnung()``), their meaning and legal basis, in TOML order.

    >>> names = [s.name for s in schluessel()]
    >>> "abstimmung.enthaltungen" in names, len(names) > 30
    (True, True)
    """
    out: list[Schluessel] = []

    def walk(obj: Any, prefix: str) -> None:
        for f in attrs.fields(type(obj)):
            value = getattr(obj, f.name)
            key = f"{prefix}.{f.name}" if prefix else f.name
            norm = f.metadata.get("norm", "")
            if attrs.has(type(value)):
                walk(value, key)
            else:
                out.append(
                    Schluessel(
                        name=key, default=_dump(value), doc=f.metadata.get("doc", ""), norm=norm
                    )
                )

    walk(go if go is not None else Geschaeftsordnung(), "")
    return tuple(out)
