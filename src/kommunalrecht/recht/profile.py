"""Land profiles: the statutory defaults of a Gemeinde- or Kreisordnung, keyed by Land,
Körperschaftsart and Rechtsstand (the date the law applied).

A :class:`Landesprofil` carries a :class:`~kommunalrecht.recht.Geschaeftsordnung` whose
values are the statute's where the statute decides (and plausible GeschO defaults, tagged
[G], elsewhere), the legal basis of every value (:meth:`Landesprofil.norm`), and the
statute-only facts a GeschO cannot change: who convenes, the minority right to force a
meeting, and the Dringlichkeitsentscheidung (who decides, and whether the council must
approve it afterwards or is only informed).

Modelled: NW Gemeinde (GO NRW) and Kreis (KrO NRW), BY (BayGO), BW (GemO BW), NI (NKomVG,
Gemeinden and Landkreise), HE (HGO), SN (SächsGemO). Stadt and kreisfreie Stadt follow the
Gemeinde rules. Rechtsstand-dependent: SN minority quorum for convening (1/4 → 1/5) and the
Fraktion agenda right (from 01.01.2018, Zweites Gesetz zur Fortentwicklung des Kommunalrechts
v. 13.12.2017 -- the old and new wording of § 36 SächsGemO are verified, the exact date of
the switch is [M]); BW agenda right (1/4 → Fraktion or 1/6) and 7-day rule from the 2015
reform (date [M]: 01.12.2015); HE Eilentscheidung by the Finanzausschuss (§ 51a HGO, only
28.03.2020-31.03.2021). The postal Zugangsfiktion (3 → 4 days from 01.01.2025) depends on the
date of sending and is handled by :func:`kommunalrecht.fristen.zugang`.

Confidence tags as in ``reference/kommunalrecht-regeln.md`` §0: V verified against a statute
text or court decision, M from secondary sources / memory and **not verified**, G decided by
the GeschO, ``!`` known uncertainty.

>>> from datetime import date
>>> from kommunalrecht.model import Land, Koerperschaftsart
>>> p = profil(Land.HE)
>>> p.geschaeftsordnung.ladung.frist.tage, p.norm("ladung.frist").zitat
(3, '§ 58 Abs. 1 S. 2 HGO')
>>> profil(Land.SN, rechtsstand=date(2017, 6, 1)).minderheit_einberufung.quorum
Fraction(1, 4)
>>> profil(Land.NW, Koerperschaftsart.KREIS).dringlichkeit.nachbehandlung
<Nachbehandlung.GENEHMIGUNG: 'genehmigung'>
"""

from __future__ import annotations

import datetime as _dt
import enum
import types
from collections.abc import Mapping
from fractions import Fraction

import attrs

from kommunalrecht.errors import ConfigError
from kommunalrecht.fristen import Zaehlung
from kommunalrecht.model import Koerperschaftsart, Land
from kommunalrecht.recht.geschaeftsordnung import (
    Abstimmungsregeln,
    Antragsregeln,
    Anwesenheit,
    Aufnahme,
    Befangenheitsfolge,
    Befangenheitsquorum,
    Befangenheitsregeln,
    Beschlussfaehigkeitsfiktion,
    Beschlussfaehigkeitsregeln,
    Enthaltungen,
    Erweiterungsregeln,
    Fristregel,
    Genehmigung,
    Geschaeftsordnung,
    Ladungsregeln,
    Mehrheit,
    Niederschriftregeln,
    Schwelle,
    Unterzeichner,
    ZweiteSitzung,
)

__all__ = [
    "LAENDER",
    "Dringlichkeitsregel",
    "Landesprofil",
    "Minderheitsrecht",
    "Nachbehandlung",
    "Norm",
    "Sicherheit",
    "profil",
]


class Sicherheit(enum.Enum):
    """How well a value is backed (``reference/kommunalrecht-regeln.md`` §0).

    >>> Sicherheit("M").name
    'ERINNERT'
    """

    VERIFIZIERT = "V"
    ERINNERT = "M"
    GESCHO = "G"
    UNSICHER = "!"


@attrs.frozen(kw_only=True)
class Norm:
    """A legal basis: the citation, how well it is verified, and an optional remark.

    >>> str(Norm(zitat="§ 58 Abs. 1 S. 2 HGO", sicherheit=Sicherheit.VERIFIZIERT))
    '§ 58 Abs. 1 S. 2 HGO [V]'
    >>> str(Norm(zitat="§ 39 SächsGemO", sicherheit=Sicherheit.ERINNERT))
    '§ 39 SächsGemO [M] nicht verifiziert'
    """

    zitat: str
    sicherheit: Sicherheit
    hinweis: str = ""

    def __str__(self) -> str:
        text = f"{self.zitat} [{self.sicherheit.value}]"
        if self.sicherheit is Sicherheit.ERINNERT:
            text += " nicht verifiziert"
        if self.hinweis:
            text += f" – {self.hinweis}"
        return text


class Nachbehandlung(enum.Enum):
    """What happens to a Dringlichkeitsentscheidung at the next council meeting.

    ``GENEHMIGUNG``: the council must approve it and may revoke it (§ 60 Abs. 1 GO NRW,
    § 50 Abs. 3 KrO NRW); ``KENNTNISGABE``: the council is only informed (Art. 37 Abs. 3
    BayGO, § 43 Abs. 4 GemO BW, § 89 NKomVG); ``NICHT_VORGESEHEN``: no Eilentscheidung
    instead of the council.

    >>> Nachbehandlung("kenntnisgabe").name
    'KENNTNISGABE'
    """

    GENEHMIGUNG = "genehmigung"
    KENNTNISGABE = "kenntnisgabe"
    NICHT_VORGESEHEN = "nicht_vorgesehen"


@attrs.frozen(kw_only=True)
class Minderheitsrecht:
    """A minority right: a Fraktion (if ``fraktion``) or ``quorum`` of the members.

    >>> Minderheitsrecht(fraktion=True, quorum=Fraction(1, 5)).quorum
    Fraction(1, 5)
    """

    fraktion: bool
    quorum: Fraction


@attrs.frozen(kw_only=True)
class Dringlichkeitsregel:
    """Who takes urgent decisions instead of the council, and what follows.

    >>> Dringlichkeitsregel(organ="Erster Bürgermeister",
    ...                     nachbehandlung=Nachbehandlung.KENNTNISGABE).organ
    'Erster Bürgermeister'
    """

    organ: str
    nachbehandlung: Nachbehandlung


@attrs.frozen(kw_only=True)
class Landesprofil:
    """The statutory profile of one Land / Körperschaftsart at one Rechtsstand.

    ``norm(key)`` gives the legal basis for a Geschäftsordnung key (dotted, as in the TOML
    file) or a profile key (``einberufung``, ``minderheit_einberufung``, ``dringlichkeit``);
    a key without its own entry inherits its parent's, and a key the statute leaves to the
    Geschäftsordnung answers ``GeschO [G]``.

    >>> from kommunalrecht.model import Land
    >>> p = profil(Land.BY)
    >>> str(p.norm("abstimmung.enthaltungen"))
    'Art. 48 Abs. 1 S. 2 BayGO [V]'
    >>> p.norm("ladung.zugang.art").zitat
    'GeschO'
    """

    land: Land
    art: Koerperschaftsart
    rechtsstand: _dt.date
    gesetz: str
    einberufung: str
    minderheit_einberufung: Minderheitsrecht
    dringlichkeit: Dringlichkeitsregel
    geschaeftsordnung: Geschaeftsordnung
    normen_eintraege: tuple[tuple[str, Norm], ...]
    hinweise: tuple[str, ...] = ()

    @property
    def normen(self) -> Mapping[str, Norm]:
        """All explicit norm entries, keyed by dotted key (read-only).

        >>> from kommunalrecht.model import Land
        >>> "beschlussfaehigkeit" in profil(Land.NW).normen
        True
        """
        return types.MappingProxyType(dict(self.normen_eintraege))

    def norm(self, key: str) -> Norm:
        """The legal basis of ``key`` (see the class docstring).

        >>> from kommunalrecht.model import Land
        >>> profil(Land.BW).norm("beschlussfaehigkeit.zweite_sitzung").zitat
        '§ 37 Abs. 3 GemO BW'
        """
        if not isinstance(key, str) or not key:
            raise ConfigError("key", "a dotted configuration key", key)
        table = dict(self.normen_eintraege)
        parts = key.split(".")
        while parts:
            hit = table.get(".".join(parts))
            if hit is not None:
                return hit
            parts.pop()
        return Norm(zitat="GeschO", sicherheit=Sicherheit.GESCHO)


#: The Länder with a profile.
LAENDER: tuple[Land, ...] = (Land.NW, Land.BY, Land.BW, Land.NI, Land.HE, Land.SN)

V, M, G, U = Sicherheit.VERIFIZIERT, Sicherheit.ERINNERT, Sicherheit.GESCHO, Sicherheit.UNSICHER

_SN_REFORM = _dt.date(2018, 1, 1)  # [M] date; wording old/new verified
_BW_REFORM = _dt.date(2015, 12, 1)  # [M]
_HE_51A = (_dt.date(2020, 3, 28), _dt.date(2021, 3, 31))


def _n(zitat: str, sicherheit: Sicherheit, hinweis: str = "") -> Norm:
    return Norm(zitat=zitat, sicherheit=sicherheit, hinweis=hinweis)


def _nw(art: Koerperschaftsart, stand: _dt.date) -> Landesprofil:
    kreis = art is Koerperschaftsart.KREIS
    g = "KrO NRW" if kreis else "GO NRW"
    go = Geschaeftsordnung(
        name=f"Statutory defaults {g}",
        niederschrift=Niederschriftregeln(
            unterzeichner=(Unterzeichner.VORSITZ, Unterzeichner.SCHRIFTFUEHRER),
            genehmigung=Genehmigung.NONE,
        ),
    )
    if kreis:
        normen = {
            "einberufung": _n("§ 32 Abs. 1 KrO NRW", V, "Kreisausschuss: § 52 Abs. 1 KrO NRW"),
            "minderheit_einberufung": _n("§ 32 Abs. 1 S. 3 KrO NRW", V),
            "ladung.frist": _n("§ 32 Abs. 2 KrO NRW", V, "Frist und Form regelt die GeschO"),
            "antrag.fraktion": _n("§ 33 Abs. 1 S. 2 KrO NRW", V),
            "antrag.quorum": _n("§ 33 Abs. 1 S. 2 KrO NRW", V),
            "antrag.quorum_ohne_vorsitz": _n(
                "§ 33 Abs. 1 S. 2 KrO NRW", V, "ohne Landrat gezählt (juracademy, analog GO)"
            ),
            "antrag.aufnahme": _n("§ 33 Abs. 1 S. 2 KrO NRW", V),
            "erweiterung": _n("§ 33 Abs. 1 KrO NRW", M),
            "beschlussfaehigkeit": _n("§ 34 KrO NRW", M),
            "abstimmung.mehrheit": _n("§ 35 KrO NRW", M),
            "abstimmung.stimmengleichheit": _n("§ 35 KrO NRW", M),
            "abstimmung.enthaltungen": _n("§ 35 KrO NRW", M),
            "abstimmung.geheim_auf_antrag": _n("§ 35 KrO NRW", M),
            "befangenheit": _n("§ 28 KrO NRW i.V.m. § 31 Abs. 6 GO NRW", M),
            "niederschrift.unterzeichner": _n("§ 37 KrO NRW", V),
            "niederschrift.genehmigung": _n("§ 37 KrO NRW", V, "keine gesetzliche Genehmigung"),
            "dringlichkeit": _n(
                "§ 50 Abs. 3 KrO NRW",
                U,
                "S. 1 (Kreisausschuss) in der Praxis 2020 belegt [V]; S. 2 (Landrat + Mitglied)"
                " nicht abgerufen [M]; § 41b KrO (haufe) für 2021 unbestätigt",
            ),
        }
        return Landesprofil(
            land=Land.NW,
            art=art,
            rechtsstand=stand,
            gesetz=g,
            einberufung="Landrat",
            minderheit_einberufung=Minderheitsrecht(fraktion=True, quorum=Fraction(1, 5)),
            dringlichkeit=Dringlichkeitsregel(
                organ="Kreisausschuss; wenn auch dieser nicht rechtzeitig: Landrat und ein"
                " Kreistagsmitglied",
                nachbehandlung=Nachbehandlung.GENEHMIGUNG,
            ),
            geschaeftsordnung=go,
            normen_eintraege=tuple(normen.items()),
            hinweise=(
                "Sitzungen mindestens alle drei Monate, § 32 Abs. 1 S. 2 KrO NRW [V]",
                "Quorum des Minderheitsrechts ohne den Landrat (81 → 80 → 16 Mitglieder)",
            ),
        )
    normen = {
        "einberufung": _n("§ 47 Abs. 1 S. 1 GO NRW", V),
        "minderheit_einberufung": _n("§ 47 Abs. 1 S. 4 GO NRW", V),
        "ladung.frist": _n("§ 47 Abs. 2 S. 1 GO NRW", V, "Frist und Form regelt die GeschO"),
        "antrag.fraktion": _n("§ 48 Abs. 1 S. 2 GO NRW", V),
        "antrag.quorum": _n("§ 48 Abs. 1 S. 2 GO NRW", V),
        "antrag.quorum_ohne_vorsitz": _n(
            "§ 48 Abs. 1 S. 2 GO NRW", V, '"Ratsmitglieder": ohne Bürgermeister (juracademy)'
        ),
        "antrag.aufnahme": _n("§ 48 Abs. 1 S. 2 GO NRW", V),
        "antrag.einzelmitglied": _n("OVG NRW 15 A 1248/04", V, "nur wenn die GeschO es gewährt"),
        "erweiterung": _n("§ 48 Abs. 1 S. 5 GO NRW", V),
        "beschlussfaehigkeit": _n("§ 49 Abs. 1 GO NRW", V),
        "beschlussfaehigkeit.zweite_sitzung": _n("§ 49 Abs. 2 GO NRW", V),
        "beschlussfaehigkeit.hinweis_erforderlich": _n("§ 49 Abs. 2 GO NRW", V),
        "abstimmung.mehrheit": _n("§ 50 Abs. 1 S. 1 GO NRW", V),
        "abstimmung.stimmengleichheit": _n("§ 50 Abs. 1 S. 2 GO NRW", V),
        "abstimmung.enthaltungen": _n("§ 50 Abs. 5 GO NRW", M, "Text von Abs. 5 nicht abgerufen"),
        "abstimmung.geheim_zulaessig": _n("§ 50 Abs. 1 S. 5 GO NRW", V),
        "abstimmung.geheim_auf_antrag": _n(
            "§ 50 Abs. 1 S. 5 GO NRW", U, '"Mitglieder des Rates": Basis mit/ohne BM offen'
        ),
        "abstimmung.namentlich_auf_antrag": _n(
            "§ 50 Abs. 1 S. 4 GO NRW", V, "die Zahl bestimmt die GeschO"
        ),
        "befangenheit": _n("§ 31 Abs. 6 GO NRW", V, "Ratsmitglieder: § 43 Abs. 2 GO NRW"),
        "niederschrift": _n("§ 52 GO NRW", U, "Absatz (1 oder 2) in den Quellen uneinheitlich"),
        "dringlichkeit": _n("§ 60 Abs. 1 GO NRW", V),
    }
    return Landesprofil(
        land=Land.NW,
        art=art,
        rechtsstand=stand,
        gesetz=g,
        einberufung="Bürgermeister",
        minderheit_einberufung=Minderheitsrecht(fraktion=True, quorum=Fraction(1, 5)),
        dringlichkeit=Dringlichkeitsregel(
            organ="Hauptausschuss; wenn auch dieser nicht rechtzeitig: Bürgermeister und ein"
            " Ratsmitglied",
            nachbehandlung=Nachbehandlung.GENEHMIGUNG,
        ),
        geschaeftsordnung=go,
        normen_eintraege=tuple(normen.items()),
        hinweise=(
            "Rat soll mindestens alle zwei Monate einberufen werden, § 47 Abs. 1 S. 3 GO NRW",
        ),
    )


def _by(art: Koerperschaftsart, stand: _dt.date) -> Landesprofil:
    go = Geschaeftsordnung(
        name="Statutory defaults BayGO",
        erweiterung=Erweiterungsregeln(
            zulaessig=False, dringlichkeit_erforderlich=True, mehrheit=Mehrheit.SIMPLE
        ),
        beschlussfaehigkeit=Beschlussfaehigkeitsregeln(
            zaehlt=Anwesenheit.ANWESEND_UND_STIMMBERECHTIGT,
            fiktion=Beschlussfaehigkeitsfiktion.NONE,
            zweite_sitzung=ZweiteSitzung.ANY,
            hinweis_erforderlich=True,
        ),
        abstimmung=Abstimmungsregeln(enthaltungen=Enthaltungen.FORBIDDEN, geheim_zulaessig=False),
        befangenheit=Befangenheitsregeln(folge=Befangenheitsfolge.INVALID_IF_DECISIVE),
        niederschrift=Niederschriftregeln(genehmigung=Genehmigung.BESCHLUSS),
    )
    normen = {
        "einberufung": _n("Art. 46 Abs. 2 S. 1 BayGO", V),
        "minderheit_einberufung": _n("Art. 46 Abs. 2 S. 2-3 BayGO", V, "Sitzung binnen 14 Tagen"),
        "ladung.frist": _n(
            "Art. 45 Abs. 2, Art. 46 Abs. 2 BayGO",
            V,
            '"angemessene Frist", Näheres GeschO; 4 Tage noch angemessen (VGH München'
            " 4 CE 20.2271)",
        ),
        "antrag": _n("GeschO", G, "kein gesondertes gesetzliches Antragsrecht zur TO [M]"),
        "erweiterung": _n(
            "Art. 46 Abs. 2, Art. 47 Abs. 2 BayGO",
            M,
            "nicht ordnungsgemäß mitgeteilte Gegenstände: kein wirksamer Beschluss; GeschO-"
            "Praxis: dringlich und alle Mitglieder anwesend und einverstanden",
        ),
        "beschlussfaehigkeit": _n("Art. 47 Abs. 2 BayGO", V),
        "beschlussfaehigkeit.zweite_sitzung": _n("Art. 47 Abs. 3 BayGO", M),
        "beschlussfaehigkeit.hinweis_erforderlich": _n("Art. 47 Abs. 3 BayGO", M),
        "abstimmung.mehrheit": _n(
            "Art. 51 Abs. 1 BayGO", M, "wortgleich Art. 45 Abs. 1 BayLKrO [V]"
        ),
        "abstimmung.stimmengleichheit": _n(
            "Art. 51 Abs. 1 S. 2 BayGO", M, "wortgleich Art. 45 Abs. 1 S. 2 BayLKrO [V]"
        ),
        "abstimmung.enthaltungen": _n("Art. 48 Abs. 1 S. 2 BayGO", V),
        "abstimmung.geheim_zulaessig": _n("Art. 51 Abs. 1 BayGO", M, "offene Abstimmung"),
        "befangenheit": _n("Art. 49 Abs. 4 BayGO", V),
        "niederschrift.unterzeichner": _n("Art. 54 BayGO", V),
        "niederschrift.genehmigung": _n("Art. 54 Abs. 2 BayGO", V),
        "dringlichkeit": _n("Art. 37 Abs. 3 BayGO", V, "verifiziert über Sekundärquellen"),
    }
    return Landesprofil(
        land=Land.BY,
        art=art,
        rechtsstand=stand,
        gesetz="BayGO",
        einberufung="Erster Bürgermeister",
        minderheit_einberufung=Minderheitsrecht(fraktion=False, quorum=Fraction(1, 4)),
        dringlichkeit=Dringlichkeitsregel(
            organ="Erster Bürgermeister (dringliche Anordnungen, unaufschiebbare Geschäfte)",
            nachbehandlung=Nachbehandlung.KENNTNISGABE,
        ),
        geschaeftsordnung=go,
        normen_eintraege=tuple(normen.items()),
        hinweise=(
            "Zeit, Ort, TO spätestens am dritten Tag vor der Sitzung ortsüblich bekannt machen,"
            " Art. 52 Abs. 1 BayGO [V]",
            "Mariä Himmelfahrt ist nur in überwiegend katholischen Gemeinden Feiertag:"
            " fristen.*(kommunale_feiertage=True)",
        ),
    )


def _bw(art: Koerperschaftsart, stand: _dt.date) -> Landesprofil:
    reform = stand >= _BW_REFORM
    ladung = Ladungsregeln(
        frist=Fristregel(tage=7, zaehlung=Zaehlung.SITZUNGSTAG_MITGERECHNET)
        if reform
        else Fristregel(tage=7),
        dringlich=Fristregel(tage=0, zaehlung=Zaehlung.SITZUNGSTAG_MITGERECHNET),
    )
    antrag = (
        Antragsregeln(
            fraktion=True,
            quorum=Fraction(1, 6),
            quorum_ohne_vorsitz=True,
            aufnahme=Aufnahme.UEBERNAECHSTE_SITZUNG,
            sperrfrist_monate=6,
        )
        if reform
        else Antragsregeln(
            fraktion=False,
            quorum=Fraction(1, 4),
            aufnahme=Aufnahme.UEBERNAECHSTE_SITZUNG,
            sperrfrist_monate=6,
        )
    )
    go = Geschaeftsordnung(
        name="Statutory defaults GemO BW",
        ladung=ladung,
        antrag=antrag,
        beschlussfaehigkeit=Beschlussfaehigkeitsregeln(
            schwelle=Schwelle.GE_HALF,
            zaehlt=Anwesenheit.ANWESEND_UND_STIMMBERECHTIGT,
            fiktion=Beschlussfaehigkeitsfiktion.NONE,
            zweite_sitzung=ZweiteSitzung.MIN_3,
            hinweis_erforderlich=True,
            befangenheit=Befangenheitsquorum.MIN_QUARTER,
        ),
        befangenheit=Befangenheitsregeln(
            folge=Befangenheitsfolge.UNLAWFUL_ALWAYS, heilung_monate=12
        ),
        niederschrift=Niederschriftregeln(
            unterzeichner=(
                Unterzeichner.VORSITZ,
                Unterzeichner.ZWEI_MITGLIEDER,
                Unterzeichner.SCHRIFTFUEHRER,
            ),
            genehmigung=Genehmigung.KENNTNISNAHME,
        ),
    )
    normen = {
        "einberufung": _n("§ 34 Abs. 1 GemO BW", V),
        "minderheit_einberufung": _n("§ 34 Abs. 1 GemO BW", M, "ein Viertel der Gemeinderäte"),
        "ladung.frist": _n(
            "§ 34 Abs. 1 S. 1 GemO BW",
            V if reform else G,
            'Verhandlungsgegenstände "in der Regel mindestens sieben Tage vor dem'
            ' Sitzungstag" (seit der Reform 2015; Zählweise [M])'
            if reform
            else '"angemessene Frist": GeschO',
        ),
        "ladung.dringlich": _n("§ 34 Abs. 2 GemO BW", M, "Notfälle: ohne Frist, formlos"),
        "antrag": _n(
            "§ 34 Abs. 1 GemO BW",
            M,
            "Fraktion oder 1/6 seit der Reform 2015 [V secondary]; übernächste Sitzung und"
            " Sechsmonatssperre nicht verifiziert; Datum der Reform nicht verifiziert",
        ),
        "erweiterung": _n("GeschO", G),
        "beschlussfaehigkeit": _n("§ 37 Abs. 2 GemO BW", V),
        "beschlussfaehigkeit.zweite_sitzung": _n("§ 37 Abs. 3 GemO BW", V),
        "beschlussfaehigkeit.hinweis_erforderlich": _n("§ 37 Abs. 3 GemO BW", V),
        "abstimmung.mehrheit": _n("§ 37 Abs. 6 GemO BW", V, "über Sekundärquelle"),
        "abstimmung.stimmengleichheit": _n("§ 37 Abs. 6 GemO BW", V, "über Sekundärquelle"),
        "abstimmung.enthaltungen": _n("§ 37 Abs. 6 GemO BW", V, "über Sekundärquelle"),
        "abstimmung.geheim_zulaessig": _n("§ 37 Abs. 6 GemO BW", V, "in der Regel offen"),
        "abstimmung.geheim_auf_antrag": _n("GeschO", G),
        "befangenheit.folge": _n("§ 18 Abs. 6 GemO BW", V),
        "befangenheit.heilung_monate": _n("§ 18 Abs. 6 GemO BW", M, "Heilung nach einem Jahr"),
        "niederschrift": _n("§ 38 Abs. 2 GemO BW", M, "zwei Gemeinderäte und Schriftführer"),
        "dringlichkeit": _n("§ 43 Abs. 4 GemO BW", V),
    }
    return Landesprofil(
        land=Land.BW,
        art=art,
        rechtsstand=stand,
        gesetz="GemO BW",
        einberufung="Bürgermeister",
        minderheit_einberufung=Minderheitsrecht(fraktion=False, quorum=Fraction(1, 4)),
        dringlichkeit=Dringlichkeitsregel(
            organ="Bürgermeister (Eilentscheidung)", nachbehandlung=Nachbehandlung.KENNTNISGABE
        ),
        geschaeftsordnung=go,
        normen_eintraege=tuple(normen.items()),
        hinweise=("Eilentscheidung: Gründe und Art der Erledigung unverzüglich mitteilen",),
    )


def _ni(art: Koerperschaftsart, stand: _dt.date) -> Landesprofil:
    go = Geschaeftsordnung(
        name="Statutory defaults NKomVG",
        erweiterung=Erweiterungsregeln(
            zulaessig=True,
            dringlichkeit_erforderlich=True,
            mehrheit=Mehrheit.TWO_THIRDS_OF_LEGAL_MEMBERS,
        ),
        beschlussfaehigkeit=Beschlussfaehigkeitsregeln(
            fiktion=Beschlussfaehigkeitsfiktion.UNTIL_ANGEZWEIFELT,
            zweite_sitzung=ZweiteSitzung.ANY,
            hinweis_erforderlich=True,
            befangenheit=Befangenheitsquorum.ALWAYS,
        ),
    )
    normen = {
        "einberufung": _n("§ 59 Abs. 1 NKomVG", V),
        "minderheit_einberufung": _n(
            "§ 59 Abs. 2 NKomVG", V, "oder der Hauptausschuss; erste Sitzung: Ladung 1 Woche"
        ),
        "ladung.frist": _n("GeschO", G, "nur erste Sitzung gesetzlich: 1 Woche, § 59 Abs. 2 S. 2"),
        "antrag": _n("§ 56 NKomVG, GeschO", M),
        "erweiterung": _n(
            "§ 59 Abs. 3 S. 5 NKomVG", V, "nur zu Beginn der Sitzung, Dringlichkeit objektiv"
        ),
        "beschlussfaehigkeit": _n("§ 65 Abs. 1 NKomVG", V),
        "beschlussfaehigkeit.zweite_sitzung": _n("§ 65 Abs. 2 NKomVG", V),
        "beschlussfaehigkeit.hinweis_erforderlich": _n("§ 65 Abs. 2 NKomVG", V),
        "beschlussfaehigkeit.befangenheit": _n(
            "§ 65 Abs. 3 NKomVG", V, "Beschluss bedarf der Genehmigung der Kommunalaufsicht"
        ),
        "abstimmung.mehrheit": _n("§ 66 Abs. 1 NKomVG", V),
        "abstimmung.stimmengleichheit": _n("§ 66 Abs. 1 S. 2 NKomVG", V),
        "abstimmung.enthaltungen": _n("§ 66 Abs. 1 NKomVG", V),
        "abstimmung.geheim_zulaessig": _n("§ 66 Abs. 2 NKomVG", V, "offen, soweit GeschO nichts"),
        "abstimmung.geheim_auf_antrag": _n("GeschO", G),
        "befangenheit": _n("§ 41 Abs. 6 NKomVG", V),
        "niederschrift": _n("§ 68 NKomVG, GeschO", G),
        "dringlichkeit": _n("§ 89 NKomVG", V),
    }
    return Landesprofil(
        land=Land.NI,
        art=art,
        rechtsstand=stand,
        gesetz="NKomVG",
        einberufung="Hauptverwaltungsbeamter (Bürgermeister / Landrat)",
        minderheit_einberufung=Minderheitsrecht(fraktion=False, quorum=Fraction(1, 3)),
        dringlichkeit=Dringlichkeitsregel(
            organ="Hauptausschuss; wenn auch dieser nicht: Hauptverwaltungsbeamter im"
            " Einvernehmen mit einem Stellvertreter",
            nachbehandlung=Nachbehandlung.KENNTNISGABE,
        ),
        geschaeftsordnung=go,
        normen_eintraege=tuple(normen.items()),
        hinweise=("TO setzt der HVB im Benehmen mit dem Vorsitz, § 59 Abs. 3 NKomVG [V]",),
    )


def _he(art: Koerperschaftsart, stand: _dt.date) -> Landesprofil:
    go = Geschaeftsordnung(
        name="Statutory defaults HGO",
        ladung=Ladungsregeln(
            frist=Fristregel(tage=3, zaehlung=Zaehlung.VOLLE_TAGE),
            dringlich=Fristregel(tage=0, zaehlung=Zaehlung.VOLLE_TAGE),
            dringlich_hinweis=True,
        ),
        antrag=Antragsregeln(quorum=Fraction(1, 4)),
        erweiterung=Erweiterungsregeln(
            zulaessig=True,
            dringlichkeit_erforderlich=False,
            mehrheit=Mehrheit.TWO_THIRDS_OF_LEGAL_MEMBERS,
        ),
        beschlussfaehigkeit=Beschlussfaehigkeitsregeln(
            fiktion=Beschlussfaehigkeitsfiktion.UNTIL_FESTGESTELLT,
            zweite_sitzung=ZweiteSitzung.ANY,
            hinweis_erforderlich=True,
            befangenheit=Befangenheitsquorum.ALWAYS,
        ),
        abstimmung=Abstimmungsregeln(geheim_zulaessig=False),
        befangenheit=Befangenheitsregeln(
            folge=Befangenheitsfolge.VOID_HEALS_AFTER_6_MONTHS, heilung_monate=6
        ),
        niederschrift=Niederschriftregeln(genehmigung=Genehmigung.KENNTNISNAHME),
    )
    in_51a = _HE_51A[0] <= stand <= _HE_51A[1]
    normen = {
        "einberufung": _n("§ 58 Abs. 1 HGO", V),
        "minderheit_einberufung": _n("§ 56 Abs. 1 S. 2 HGO", V),
        "ladung.frist": _n("§ 58 Abs. 1 S. 2 HGO", V),
        "ladung.dringlich": _n(
            "§ 58 Abs. 1 S. 3-4 HGO",
            V,
            "Wahlen und Hauptsatzung stets 3 Tage (§ 58 Abs. 3); zweite Sitzung 1 Tag (Abs. 1 S. 5)",
        ),
        "ladung.dringlich_hinweis": _n("§ 58 Abs. 1 S. 4 HGO", V),
        "antrag": _n("§ 58 Abs. 5 HGO", V, "Frist regelt die GeschO"),
        "antrag.quorum": _n("§ 58 Abs. 5, § 56 Abs. 1 S. 2 HGO", M),
        "antrag.fraktion": _n("§ 58 Abs. 5 HGO", M),
        "erweiterung": _n("§ 58 Abs. 2 HGO", V),
        "beschlussfaehigkeit": _n("§ 53 Abs. 1 HGO", V),
        "beschlussfaehigkeit.zweite_sitzung": _n("§ 53 Abs. 2 HGO", V),
        "beschlussfaehigkeit.hinweis_erforderlich": _n("§ 53 Abs. 2 HGO", V),
        "beschlussfaehigkeit.befangenheit": _n("§ 53 Abs. 3 HGO", V),
        "abstimmung.mehrheit": _n("§ 54 Abs. 1 HGO", V),
        "abstimmung.stimmengleichheit": _n("§ 54 Abs. 1 S. 2 HGO", V),
        "abstimmung.enthaltungen": _n("§ 54 Abs. 1 S. 3 HGO", V, "auch ungültige Stimmen"),
        "abstimmung.geheim_zulaessig": _n("§ 54 Abs. 2 HGO", V, "nur bei Wahlen"),
        "befangenheit": _n("§ 25 Abs. 6 HGO", V),
        "niederschrift": _n("§ 61 Abs. 2-3 HGO", V),
        "dringlichkeit": _n(
            "§ 51a HGO" if in_51a else "HGO",
            V if in_51a else M,
            "Eilentscheidung des Finanzausschusses, befristet 28.03.2020-31.03.2021; Art der"
            " Nachbehandlung nicht verifiziert"
            if in_51a
            else "keine Eilentscheidung anstelle der Gemeindevertretung (§ 70 Abs. 3 HGO nur"
            " für Angelegenheiten des Gemeindevorstands)",
        ),
    }
    return Landesprofil(
        land=Land.HE,
        art=art,
        rechtsstand=stand,
        gesetz="HGO",
        einberufung="Vorsitzende(r) der Gemeindevertretung",
        minderheit_einberufung=Minderheitsrecht(fraktion=False, quorum=Fraction(1, 4)),
        dringlichkeit=Dringlichkeitsregel(
            organ="Finanzausschuss (§ 51a HGO)", nachbehandlung=Nachbehandlung.KENNTNISGABE
        )
        if in_51a
        else Dringlichkeitsregel(organ="", nachbehandlung=Nachbehandlung.NICHT_VORGESEHEN),
        geschaeftsordnung=go,
        normen_eintraege=tuple(normen.items()),
        hinweise=("Gemeindevertretung tritt mindestens sechsmal im Jahr zusammen, § 56 Abs. 1",),
    )


def _sn(art: Koerperschaftsart, stand: _dt.date) -> Landesprofil:
    neu = stand >= _SN_REFORM
    go = Geschaeftsordnung(
        name="Statutory defaults SächsGemO",
        ladung=Ladungsregeln(
            dringlich=Fristregel(tage=0, zaehlung=Zaehlung.SITZUNGSTAG_MITGERECHNET)
        ),
        antrag=Antragsregeln(
            fraktion=neu,
            quorum=Fraction(1, 5),
            aufnahme=Aufnahme.UEBERNAECHSTE_SITZUNG,
            sperrfrist_monate=6,
        ),
        beschlussfaehigkeit=Beschlussfaehigkeitsregeln(
            schwelle=Schwelle.GE_HALF,
            zaehlt=Anwesenheit.ANWESEND_UND_STIMMBERECHTIGT,
            fiktion=Beschlussfaehigkeitsfiktion.NONE,
            zweite_sitzung=ZweiteSitzung.MIN_3,
            hinweis_erforderlich=True,
        ),
        befangenheit=Befangenheitsregeln(
            folge=Befangenheitsfolge.UNLAWFUL_ALWAYS, heilung_monate=12
        ),
        niederschrift=Niederschriftregeln(
            unterzeichner=(
                Unterzeichner.VORSITZ,
                Unterzeichner.ZWEI_MITGLIEDER,
                Unterzeichner.SCHRIFTFUEHRER,
            ),
            genehmigung=Genehmigung.KENNTNISNAHME,
        ),
    )
    stand_hinweis = "Fassung ab 01.01.2018 (Datum [M])" if neu else "Fassung vor 2018"
    normen = {
        "einberufung": _n("§ 36 Abs. 3 SächsGemO", V),
        "minderheit_einberufung": _n(
            "§ 36 Abs. 3 S. 4 SächsGemO",
            V,
            f"{stand_hinweis}: {'ein Fünftel' if neu else 'ein Viertel'} der Gemeinderäte",
        ),
        "ladung.frist": _n("§ 36 Abs. 3 S. 1-2 SächsGemO", V, '"angemessene Frist": GeschO'),
        "ladung.dringlich": _n("§ 36 Abs. 3 SächsGemO", V, "Eilfälle: ohne Frist, formlos"),
        "antrag": _n(
            "§ 36 Abs. 5 SächsGemO",
            V,
            f"{stand_hinweis}; übernächste Sitzung: die nächste, zu der noch rechtzeitig"
            " geladen werden kann, zählt als nächste (SächsOVG 4 B 24/20)",
        ),
        "erweiterung": _n("§ 36 Abs. 3 SächsGemO (Eilfall)", M),
        "beschlussfaehigkeit": _n("§ 39 SächsGemO", M, "BW-Modell, Sekundärquelle"),
        "abstimmung.mehrheit": _n("§ 39 Abs. 6 SächsGemO", M),
        "abstimmung.stimmengleichheit": _n("§ 39 Abs. 6 SächsGemO", V, "über Kommentar"),
        "abstimmung.enthaltungen": _n("§ 39 Abs. 6 SächsGemO", M),
        "abstimmung.geheim_auf_antrag": _n("GeschO", G),
        "befangenheit": _n("§ 20 SächsGemO", M, "Heilung nach einem Jahr"),
        "niederschrift.unterzeichner": _n("§ 40 Abs. 2 S. 1 SächsGemO", V),
        "niederschrift.genehmigung": _n("§ 40 Abs. 2 S. 2-4 SächsGemO", V),
        "dringlichkeit": _n("§ 52 Abs. 3 SächsGemO", M),
    }
    return Landesprofil(
        land=Land.SN,
        art=art,
        rechtsstand=stand,
        gesetz="SächsGemO",
        einberufung="Bürgermeister",
        minderheit_einberufung=Minderheitsrecht(
            fraktion=False, quorum=Fraction(1, 5) if neu else Fraction(1, 4)
        ),
        dringlichkeit=Dringlichkeitsregel(
            organ="Bürgermeister (Eilentscheidung)", nachbehandlung=Nachbehandlung.KENNTNISGABE
        ),
        geschaeftsordnung=go,
        normen_eintraege=tuple(normen.items()),
        hinweise=("Niederschrift nicht in elektronischer Form, § 40 Abs. 1 SächsGemO [V]",),
    )


_GEMEINDE_ARTEN = (
    Koerperschaftsart.GEMEINDE,
    Koerperschaftsart.STADT,
    Koerperschaftsart.KREISFREIE_STADT,
)


def profil(
    land: Land,
    art: Koerperschaftsart = Koerperschaftsart.GEMEINDE,
    rechtsstand: _dt.date | None = None,
) -> Landesprofil:
    """The statutory profile for ``land`` and ``art`` as of ``rechtsstand`` (default: today).

    Stadt and kreisfreie Stadt follow the Gemeinde rules. ``Koerperschaftsart.KREIS`` is
    modelled for NW (KrO NRW) and NI (NKomVG covers Landkreise); other Landkreisordnungen and
    Länder raise :class:`~kommunalrecht.errors.ConfigError`.

    >>> from kommunalrecht.model import Land, Koerperschaftsart
    >>> profil(Land.NW, Koerperschaftsart.KREIS).gesetz
    'KrO NRW'
    >>> profil(Land.BY).geschaeftsordnung.abstimmung.enthaltungen.value
    'forbidden'
    >>> profil(Land.BE)
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.ConfigError: land: expected one of NW, BY, BW, NI, HE, SN, got <Land.BE: 'BE'>
    """
    if not isinstance(land, Land):
        raise ConfigError("land", "a kommunalrecht.model.Land", land)
    if land not in LAENDER:
        raise ConfigError("land", "one of " + ", ".join(x.value for x in LAENDER), land)
    if not isinstance(art, Koerperschaftsart):
        raise ConfigError("art", "a kommunalrecht.model.Koerperschaftsart", art)
    if rechtsstand is None:
        rechtsstand = _dt.date.today()
    if isinstance(rechtsstand, _dt.datetime) or not isinstance(rechtsstand, _dt.date):
        raise ConfigError("rechtsstand", "a datetime.date", rechtsstand)
    kreis_ok = land in (Land.NW, Land.NI)
    if art is Koerperschaftsart.KREIS and not kreis_ok:
        raise ConfigError(
            "art",
            f"Gemeinde, Stadt or Kreisfreie Stadt (Landkreisordnung {land.value} not modelled)",
            art,
        )
    if art not in _GEMEINDE_ARTEN and art is not Koerperschaftsart.KREIS:
        raise ConfigError("art", "Gemeinde, Stadt, Kreisfreie Stadt or Kreis", art)
    builder = {
        Land.NW: _nw,
        Land.BY: _by,
        Land.BW: _bw,
        Land.NI: _ni,
        Land.HE: _he,
        Land.SN: _sn,
    }[land]
    return builder(art, rechtsstand)
