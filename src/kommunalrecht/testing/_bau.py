"""Construction of consistent, lawful :class:`~kommunalrecht.Bestand` objects — and of their
*near misses*, which break exactly one rule.

The builder is independent of Hypothesis: it asks a :class:`Zufall` (a source of choices) for
every decision. :mod:`kommunalrecht.testing.strategies` feeds it with Hypothesis draws (so
examples shrink), :func:`beispiel_bestand` with :class:`random.Random`.

Every lawful Bestand is built so that the rules of ``reference/kommunalrecht-regeln.md`` §2 hold
by construction, computed with :mod:`kommunalrecht.recht` under the given Geschäftsordnung:

* Ladung: the Einladung reaches the members by the Ladungsfrist (§ 47 Abs. 2 GO NRW, § 32
  Abs. 2 KrO NRW, Art. 45 Abs. 2 BayGO …; Zugang per ``go.ladung.zugang``) and names time, place
  and agenda;
* Tagesordnung: positions 0 … n-1 without gaps; non-public items carry a reason category;
  Anträge arrive within the Antragsfrist and are on the next meeting of the target Gremium
  (§ 48 Abs. 1 S. 2 GO NRW, § 33 Abs. 1 KrO NRW);
* Beratungsfolge: exactly one deciding Beratung per Beschlussvorlage, Vorberatungen earlier;
* Beschlüsse: quorum met (``recht.beschlussfaehig``), the Ergebnis follows from the vote
  (``recht.ergebnis``), no abstentions where the GeschO forbids them, a resolution text;
* Niederschrift signed by Vorsitz and Schriftführung; created ≤ modified everywhere; every
  reference resolves.

>>> b = beispiel_bestand(seed=1)
>>> from kommunalrecht import Sitzung
>>> len(b.alle(Sitzung)) >= 1
True
"""

from __future__ import annotations

import datetime as _dt
import random
import zoneinfo
from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

import attrs

from .. import recht
from ..errors import ConfigError
from ..model import (
    Abstimmung,
    Abstimmungsart,
    Antrag,
    Beratung,
    Beratungsrolle,
    Beschluss,
    BeschlussErgebnis,
    Beschlussvorlage,
    Bestand,
    Datei,
    Dringlichkeitsentscheidung,
    Dringlichkeitsstatus,
    Drucksachenstatus,
    Funktion,
    Gremium,
    Gremiumart,
    Koerperschaft,
    Koerperschaftsart,
    Land,
    Mitgliedschaft,
    Objekt,
    Ort,
    Person,
    Sitzung,
    Sitzungsstatus,
    System,
    Tagesordnungspunkt,
    Tagesordnungspunktstatus,
    Wahlperiode,
)
from ..recht import Enthaltungen, Geschaeftsordnung, Landesprofil, Nachbehandlung, Unterzeichner

__all__ = [
    "FEHLER",
    "Groesse",
    "Zufall",
    "ZufallRandom",
    "baue_bestand",
    "beispiel_bestand",
    "go_und_land",
]

T = TypeVar("T")

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")

#: The rule codes the builder can break on purpose (one at a time), with what it does.
FEHLER: dict[str, str] = {
    "LADUNGSFRIST": "Einladung geht nach Ablauf der Ladungsfrist zu",
    "EINLADUNG_INHALT": "Einladung ohne Sitzungsort",
    "ANTRAG_NICHT_AUFGENOMMEN": "fristgerechter Fraktionsantrag fehlt auf der nächsten Sitzung",
    "ANTRAGSFRIST": "Antrag nach der Antragsfrist auf die Tagesordnung gesetzt",
    "TAGESORDNUNG_ERWEITERUNG": "in der Sitzung nachgetragener, nicht dringlicher TOP",
    "BERATUNGSFOLGE_ENTSCHEIDUNG": "Beschlussvorlage mit zwei entscheidenden Beratungen",
    "BERATUNGSFOLGE_REIHENFOLGE": "Vorberatung nach der Entscheidung",
    "BESCHLUSSFAEHIGKEIT": "Beschluss ohne Beschlussfähigkeit",
    "MEHRHEIT": "Ergebnis widerspricht der Abstimmung",
    "ENTHALTUNG_UNZULAESSIG": "Stimmenthaltung, obwohl die GeschO sie verbietet",
    "BEFANGENHEIT": "befangenes Mitglied stimmt mit und gibt den Ausschlag",
    "OEFFENTLICHKEIT": "nichtöffentlicher TOP ohne Grund",
    "NIEDERSCHRIFT_UNTERZEICHNUNG": "Niederschrift unterzeichnet, aber keine Schriftführung",
    "DRINGLICHKEIT_GENEHMIGUNG": "Dringlichkeitsentscheidung der nächsten Sitzung nicht vorgelegt",
    "TOP_REIHENFOLGE": "Lücke in den TOP-Positionen",
    "BESCHLUSSTEXT_FEHLT": "offene Beschlussvorlage ohne Beschlusstext",
    "REFERENZ_UNAUFGELOEST": "Verweis auf eine Person, die es im Bestand nicht gibt",
}


class Zufall(Protocol):
    """A source of choices for the builder (Hypothesis draws or :class:`random.Random`)."""

    def ganz(self, lo: int, hi: int) -> int:
        """An int in ``[lo, hi]``."""

    def ja(self) -> bool:
        """A bool."""

    def wahl(self, seq: Sequence[T]) -> T:
        """One element of ``seq``."""


class ZufallRandom:
    """:class:`Zufall` backed by :class:`random.Random` (deterministic for a seed).

    >>> z = ZufallRandom(3)
    >>> 0 <= z.ganz(0, 5) <= 5
    True
    """

    def __init__(self, seed: int | None = None) -> None:
        self._r = random.Random(seed)

    def ganz(self, lo: int, hi: int) -> int:
        """An int in ``[lo, hi]``."""
        return self._r.randint(lo, hi)

    def ja(self) -> bool:
        """A bool."""
        return self._r.random() < 0.5

    def wahl(self, seq: Sequence[T]) -> T:
        """One element of ``seq``."""
        return seq[self._r.randrange(len(seq))]


@attrs.frozen(kw_only=True)
class Groesse:
    """Size controls of a generated Bestand.

    >>> Groesse().max_sitzungen
    3
    """

    min_sitzungen: int = 1
    max_sitzungen: int = 3
    min_tops: int = 1
    max_tops: int = 4
    max_ausschuesse: int = 2
    min_mitglieder: int = 5
    max_mitglieder: int = 13
    max_vorlagen: int = 3
    max_antraege: int = 2
    dringlichkeit: bool = False

    def __attrs_post_init__(self) -> None:
        for a in attrs.fields(Groesse):
            value = getattr(self, a.name)
            if a.name == "dringlichkeit":
                continue
            if value.__class__ is not int or value < 0:
                raise ConfigError(a.name, "a non-negative int", value)
        for lo, hi in (
            ("min_sitzungen", "max_sitzungen"),
            ("min_tops", "max_tops"),
            ("min_mitglieder", "max_mitglieder"),
        ):
            if getattr(self, lo) > getattr(self, hi):
                raise ConfigError(hi, f"at least {lo}={getattr(self, lo)}", getattr(self, hi))
        if self.min_sitzungen < 1:
            raise ConfigError("min_sitzungen", "at least 1", self.min_sitzungen)
        if self.min_mitglieder < 3:
            raise ConfigError("min_mitglieder", "at least 3", self.min_mitglieder)


def go_und_land(
    go: Geschaeftsordnung | Landesprofil | None,
    land: Land | None,
    art: Koerperschaftsart | None = None,
) -> tuple[Geschaeftsordnung, Land, Koerperschaftsart]:
    """Normalise the ``go``/``land`` arguments of the generators.

    >>> go, land, art = go_und_land(None, None)
    >>> land, art
    (<Land.NW: 'NW'>, <Koerperschaftsart.KREIS: 'Kreis'>)
    """
    if isinstance(go, Landesprofil):
        return go.geschaeftsordnung, land or go.land, art or go.art
    if go is not None and not isinstance(go, Geschaeftsordnung):
        raise ConfigError("go", "a Geschaeftsordnung, a Landesprofil or None", go)
    if land is not None and not isinstance(land, Land):
        raise ConfigError("land", "a kommunalrecht.Land or None", land)
    land = land or Land.NW
    if art is None:
        art = Koerperschaftsart.KREIS if land in (Land.NW, Land.NI) else Koerperschaftsart.GEMEINDE
    if go is None:
        go = recht.profil(land, art, _dt.date(2021, 9, 30)).geschaeftsordnung
    return go, land, art


# ------------------------------------------------------------------------------------------
# small helpers


def _zeit(tag: _dt.date, stunde: int) -> _dt.datetime:
    """A fixed-offset aware datetime at local Berlin time (fixed offset: round-trips exactly)."""
    local = _dt.datetime(tag.year, tag.month, tag.day, stunde, tzinfo=BERLIN)
    offset = local.utcoffset()
    assert offset is not None
    return local.replace(tzinfo=_dt.timezone(offset))


def _werktag(tag: _dt.date) -> _dt.date:
    while tag.weekday() >= 5:
        tag += _dt.timedelta(days=1)
    return tag


class _Ids:
    def __init__(self, basis: str) -> None:
        self.basis = basis

    def __call__(self, *teile: object) -> str:
        return self.basis + "/".join(str(t) for t in teile)


@attrs.define
class _Ctx:
    z: Zufall
    go: Geschaeftsordnung
    land: Land
    art: Koerperschaftsart
    fehler: str | None
    groesse: Groesse
    id: _Ids
    created: _dt.datetime
    modified: _dt.datetime
    objekte: list[Objekt] = attrs.field(factory=list)

    def common(self) -> dict[str, Any]:
        return {"created": self.created, "modified": self.modified}


def _min_anwesend(go: Geschaeftsordnung, n: int) -> int:
    for a in range(n + 1):
        if recht.beschlussfaehig(go, gesetzliche_mitglieder=n, anwesend=a):
            return a
    return n  # pragma: no cover - a full house always has a quorum


@attrs.define
class _GremiumInfo:
    gremium_id: str
    art: Gremiumart
    mitglieder: list[str]  # person ids; first is the Vorsitz


@attrs.define
class _TopPlan:
    name: str
    drucksache: str | None = None
    beratung: str | None = None
    rolle: Beratungsrolle | None = None
    abstimmen: bool = True
    text: str = "Der Ausschuss beschließt wie vorgeschlagen."
    oeffentlich: bool = True
    status_genehmigung: bool = False
    fehlerstelle: bool = False


@attrs.define
class _SitzungPlan:
    index: int
    gremium: _GremiumInfo
    tag: _dt.date
    tops: list[_TopPlan] = attrs.field(factory=list)


def _abstimmung(
    c: _Ctx, n: int, anwesende: Sequence[str], rolle: Beratungsrolle | None, fehler_hier: str | None
) -> tuple[Beschluss, tuple[str, ...]]:
    """A vote of the present members whose result follows from the GeschO (or breaks exactly
    the rule ``fehler_hier``); returns the Beschluss and the befangene persons of the TOP."""
    a = len(anwesende)
    enth_ok = c.go.abstimmung.enthaltungen is not Enthaltungen.FORBIDDEN
    befangene: tuple[str, ...] = ()
    if fehler_hier == "BEFANGENHEIT":
        # one befangen member votes Ja and decides: without that vote the motion fails
        paare = [
            (j, k)
            for j in range(1, a + 1)
            for k in range(0, a - j + 1)
            if recht.ergebnis(c.go, ja=j, nein=k, gesetzliche_mitglieder=n)
            and not recht.ergebnis(c.go, ja=j - 1, nein=k, gesetzliche_mitglieder=n)
        ]
        if not paare:
            raise ConfigError("go.abstimmung", "a majority one vote can decide", c.go.abstimmung)
        ja, nein = c.z.wahl(paare)
        enth = 0
        befangene = (anwesende[-1],)
    elif fehler_hier == "ENTHALTUNG_UNZULAESSIG":
        ja = c.z.ganz(1, a - 1)
        nein = c.z.ganz(0, a - ja - 1)
        enth = c.z.ganz(1, a - ja - nein)
    elif fehler_hier == "BESCHLUSSTEXT_FEHLT":
        # adopted (only an adopted resolution needs its text recorded)
        paare = [
            (j, k)
            for j in range(1, a + 1)
            for k in range(0, a - j + 1)
            if recht.ergebnis(c.go, ja=j, nein=k, gesetzliche_mitglieder=n)
        ]
        ja, nein = c.z.wahl(paare)
        enth = 0
    else:
        ja = c.z.ganz(0, a)
        nein = c.z.ganz(0, a - ja)
        enth = c.z.ganz(0, a - ja - nein) if enth_ok else 0
        if fehler_hier == "MEHRHEIT" and ja + nein == 0:
            ja, enth = 1, 0  # a vote without Ja or Nein decides nothing to contradict
    if fehler_hier == "ENTHALTUNG_UNZULAESSIG":
        angenommen = ja > nein
    else:
        angenommen = recht.ergebnis(
            c.go, ja=ja, nein=nein, enthaltung=enth, gesetzliche_mitglieder=n
        )
    if fehler_hier == "MEHRHEIT":
        angenommen = not angenommen
    if rolle is Beratungsrolle.VORBERATUNG:
        ergebnis = BeschlussErgebnis.EMPFOHLEN if angenommen else BeschlussErgebnis.NICHT_EMPFOHLEN
    else:
        ergebnis = (
            BeschlussErgebnis.UNGEAENDERT_BESCHLOSSEN if angenommen else BeschlussErgebnis.ABGELEHNT
        )
    abst = Abstimmung(
        ja=ja,
        nein=nein,
        enthaltung=enth,
        art=Abstimmungsart.OFFEN,
        anwesend=a,
        stimmberechtigt_anwesend=a,
    )
    return Beschluss(ergebnis=ergebnis, ergebnis_text=ergebnis.value, abstimmung=abst), befangene


# ------------------------------------------------------------------------------------------
# the builder


def baue_bestand(
    z: Zufall,
    *,
    go: Geschaeftsordnung | Landesprofil | None = None,
    land: Land | None = None,
    art: Koerperschaftsart | None = None,
    groesse: Groesse | None = None,
    fehler: str | None = None,
    basis: str = "https://ris.example.org/",
) -> Bestand:
    """Build a consistent Bestand; lawful under ``go`` unless ``fehler`` names the one rule
    code (a key of :data:`FEHLER`) to break.

    >>> b = baue_bestand(ZufallRandom(0))
    >>> from kommunalrecht import Tagesordnungspunkt
    >>> all(t.position is not None for t in b.alle(Tagesordnungspunkt))
    True
    """
    if fehler is not None and fehler not in FEHLER:
        raise ConfigError("fehler", "a rule code of " + ", ".join(FEHLER), fehler)
    g_go, g_land, g_art = go_und_land(go, land, art)
    groesse = groesse or Groesse()
    if not isinstance(groesse, Groesse):
        raise ConfigError("groesse", "a Groesse", groesse)
    if fehler == "ENTHALTUNG_UNZULAESSIG" and (
        g_go.abstimmung.enthaltungen is not Enthaltungen.FORBIDDEN
    ):
        raise ConfigError(
            "go", "a Geschaeftsordnung that forbids abstentions (e.g. BY)", "enthaltungen allowed"
        )
    if fehler == "NIEDERSCHRIFT_UNTERZEICHNUNG" and not _schriftfuehrung_zeichnet(g_go):
        raise ConfigError(
            "go", "a Geschaeftsordnung whose Niederschrift is signed by the Schriftführung", g_go
        )
    start = _dt.date(2021, 1, 4) + _dt.timedelta(days=z.ganz(0, 800))
    erfasst = _zeit(start + _dt.timedelta(days=400), 12)
    c = _Ctx(
        z=z,
        go=g_go,
        land=g_land,
        art=g_art,
        fehler=fehler,
        groesse=groesse,
        id=_Ids(basis),
        created=erfasst,
        modified=erfasst + _dt.timedelta(minutes=z.ganz(0, 600)),
    )
    return _baue(c, start)


def _schriftfuehrung_zeichnet(go: Geschaeftsordnung) -> bool:
    return Unterzeichner.SCHRIFTFUEHRER in go.niederschrift.unterzeichner


def _baue(c: _Ctx, start: _dt.date) -> Bestand:
    z, idf, go, land = c.z, c.id, c.go, c.land
    gr = c.groesse
    com = c.common()
    kreis = c.art is Koerperschaftsart.KREIS

    system = System(
        id=idf("system"), name="Beispiel-RIS", koerperschaften_liste=idf("bodies"), **com
    )
    body_id = idf("body", 1)
    wp = Wahlperiode(
        id=idf("wahlperiode", 1),
        koerperschaft=body_id,
        name="Wahlperiode",
        beginn=start - _dt.timedelta(days=300),
        ende=start + _dt.timedelta(days=5 * 365),
        **com,
    )
    listen: dict[str, Any] = {
        f"{name}_liste": idf("body", 1, name)
        for name in (
            "gremien",
            "personen",
            "sitzungen",
            "drucksachen",
            "tagesordnungspunkte",
            "beratungen",
            "dateien",
            "orte",
            "wahlperioden",
            "mitgliedschaften",
        )
    }
    body = Koerperschaft(
        id=body_id,
        system=system.id,
        name="Kreis Beispiel" if kreis else "Gemeinde Beispiel",
        land=land,
        art=c.art,
        wahlperioden=(wp,),
        **listen,
        **com,
    )

    # Gremien and their members -----------------------------------------------------------
    n_haupt = z.ganz(gr.min_mitglieder, gr.max_mitglieder)
    personen = [idf("person", i) for i in range(n_haupt + 1)]  # last: Schriftführung
    schrift_id = personen[-1]
    mitglieder_haupt = personen[:-1]
    haupt = _GremiumInfo(
        idf("gremium", "haupt"), Gremiumart.KREISTAG if kreis else Gremiumart.RAT, mitglieder_haupt
    )
    gremien = [haupt]
    braucht_folge = c.fehler in ("BERATUNGSFOLGE_REIHENFOLGE", "BERATUNGSFOLGE_ENTSCHEIDUNG")
    n_ausschuesse = z.ganz(1 if braucht_folge else 0, max(gr.max_ausschuesse, braucht_folge))
    for i in range(n_ausschuesse):
        m = z.ganz(min(3, n_haupt), n_haupt)
        gremien.append(
            _GremiumInfo(
                idf("gremium", f"ausschuss-{i}"), Gremiumart.AUSSCHUSS, mitglieder_haupt[:m]
            )
        )
    fraktion_id = idf("gremium", "fraktion")
    dienststelle_id = idf("gremium", "dienststelle")

    memberships: dict[str, list[Mitgliedschaft]] = {p: [] for p in personen}
    gremium_ms: dict[str, list[str]] = {g.gremium_id: [] for g in gremien}
    gremium_ms[fraktion_id] = []

    def mitglied(p: str, g: str, funktion: Funktion, stimm: bool) -> None:
        mid = idf("mitgliedschaft", len([x for v in memberships.values() for x in v]))
        memberships[p].append(
            Mitgliedschaft(
                id=mid,
                person=p,
                gremium=g,
                rolle=funktion.value,
                funktion=funktion,
                stimmberechtigt=stimm,
                beginn=wp.beginn,
                **com,
            )
        )
        gremium_ms[g].append(mid)

    for g in gremien:
        for k, pid in enumerate(g.mitglieder):
            mitglied(pid, g.gremium_id, Funktion.VORSITZ if k == 0 else Funktion.MITGLIED, True)
        mitglied(schrift_id, g.gremium_id, Funktion.SCHRIFTFUEHRUNG, False)
    for pid in mitglieder_haupt[: max(2, n_haupt // 3)]:
        mitglied(pid, fraktion_id, Funktion.MITGLIED, True)

    gremium_objs: list[Objekt] = []
    for g in gremien:
        gremium_objs.append(
            Gremium(
                id=g.gremium_id,
                koerperschaft=body_id,
                name=("Kreistag" if kreis else "Rat")
                if g is haupt
                else f"Ausschuss {g.gremium_id[-1]}",
                art=g.art,
                gesetzliche_mitgliederzahl=len(g.mitglieder),
                mitgliedschaften=tuple(gremium_ms[g.gremium_id]),
                **com,
            )
        )
    gremium_objs.append(
        Gremium(
            id=fraktion_id,
            koerperschaft=body_id,
            name="Fraktion Beispiel",
            art=Gremiumart.FRAKTION,
            mitgliedschaften=tuple(gremium_ms[fraktion_id]),
            **com,
        )
    )
    gremium_objs.append(
        Gremium(
            id=dienststelle_id,
            koerperschaft=body_id,
            name="10 - Hauptamt",
            kennung="10",
            art=Gremiumart.VERWALTUNGSEINHEIT,
            **com,
        )
    )

    # Sitzungen: dates ≥ 3 weeks apart ----------------------------------------------------
    n_sitz = z.ganz(gr.min_sitzungen, gr.max_sitzungen)
    if braucht_folge:
        n_sitz = max(n_sitz, 2)
    plaene: list[_SitzungPlan] = []
    tag = start
    for i in range(n_sitz):
        tag = _werktag(tag + _dt.timedelta(days=z.ganz(0, 6)))
        g = gremien[0] if i == n_sitz - 1 else z.wahl(gremien)
        if braucht_folge and i == 0:
            g = gremien[1]
        plaene.append(_SitzungPlan(i, g, tag))
        tag = tag + _dt.timedelta(days=28)

    drucksachen: list[Objekt] = []
    beratungen_von: dict[str, list[Beratung]] = {}

    # Beschlussvorlagen with a Beratungsfolge ---------------------------------------------
    def erste_ladung(idx: int) -> _dt.date:
        p = plaene[idx]
        return p.tag - _dt.timedelta(days=go.ladung.frist.tage + 30)

    n_vorlagen = z.ganz(0, gr.max_vorlagen)
    want_folge = c.fehler in ("BERATUNGSFOLGE_REIHENFOLGE", "BERATUNGSFOLGE_ENTSCHEIDUNG")
    want_offen = c.fehler == "BESCHLUSSTEXT_FEHLT"
    if (want_folge or want_offen) and n_vorlagen == 0:
        n_vorlagen = 1
    for v in range(n_vorlagen):
        vid = idf("drucksache", f"vorlage-{v}")
        # distinct Gremien in date order; the last one decides
        folge: list[int] = []
        seen: set[str] = set()
        kandidaten = list(range(len(plaene)))
        k0 = z.ganz(0, len(kandidaten) - 1)
        for idx in kandidaten[k0:]:
            gid = plaene[idx].gremium.gremium_id
            if gid in seen:
                continue
            if not folge or z.ja():
                folge.append(idx)
                seen.add(gid)
        if want_folge and v == 0 and len(folge) < 2:
            folge = _zwei_gremien(plaene)
        offen = (want_offen and v == 0) or z.wahl((False, False, True))
        beratungen: list[Beratung] = []
        reihenfolge = list(folge)
        for pos, idx in enumerate(reihenfolge):
            entscheidend = pos == len(reihenfolge) - 1
            if c.fehler == "BERATUNGSFOLGE_ENTSCHEIDUNG" and v == 0:
                entscheidend = True
            if c.fehler == "BERATUNGSFOLGE_REIHENFOLGE" and v == 0:
                entscheidend = pos == 0  # the earlier meeting decides, the later one advises
            rolle = Beratungsrolle.ENTSCHEIDUNG if entscheidend else Beratungsrolle.VORBERATUNG
            p = plaene[idx]
            top_id = idf("sitzung", p.index, "top", f"v{v}")
            bid = idf("beratung", f"v{v}-{pos}")
            datum = p.tag
            beratungen.append(
                Beratung(
                    id=bid,
                    drucksache=vid,
                    tagesordnungspunkt=top_id,
                    sitzung=idf("sitzung", p.index),
                    gremien=(p.gremium.gremium_id,),
                    entscheidend=entscheidend,
                    rolle=rolle,
                    datum=datum,
                    federfuehrend=pos == 0,
                    **com,
                )
            )
            ohne_text = offen and want_offen and v == 0 and entscheidend
            p.tops.append(
                _TopPlan(
                    name=f"Beschlussvorlage {v}",
                    drucksache=vid,
                    beratung=bid,
                    rolle=rolle,
                    text="" if ohne_text else "Beschluss gemäß Vorlage.",
                    fehlerstelle=ohne_text,
                )
            )
        beratungen_von[vid] = beratungen
        datum = erste_ladung(min(folge))
        drucksachen.append(
            Beschlussvorlage(
                id=vid,
                koerperschaft=body_id,
                name=f"Beschlussvorlage {v}",
                referenz=f"{v + 1}/{datum.year}",
                datum=datum,
                federfuehrung=(dienststelle_id,),
                beratungen=tuple(beratungen),
                beschlussvorschlag=(
                    "Der Beschluss ergibt sich aus den Beratungen."
                    if offen
                    else "Der Rat beschließt."
                ),
                beschlussvorschlag_offen=offen,
                oeffentlich=True,
                status=Drucksachenstatus.BESCHLOSSEN,
                **com,
            )
        )

    # Anträge of the Fraktion ---------------------------------------------------------------
    n_antraege = z.ganz(0, gr.max_antraege)
    want_antrag = c.fehler in ("ANTRAGSFRIST", "ANTRAG_NICHT_AUFGENOMMEN")
    if want_antrag and n_antraege == 0:
        n_antraege = 1
    for a in range(n_antraege):
        aid = idf("drucksache", f"antrag-{a}")
        idx = z.ganz(0, len(plaene) - 1)
        if a == 0 and c.fehler == "ANTRAGSFRIST":
            idx = len(plaene) - 1  # no later meeting it could still have reached in time
        p = plaene[idx]
        g = p.gremium
        frist = recht.antragsfrist(go, p.tag, land=land).datum
        prev = [q for q in plaene[:idx] if q.gremium is g]
        untergrenze = (
            recht.antragsfrist(go, prev[-1].tag, land=land).datum + _dt.timedelta(days=1)
            if prev
            else frist - _dt.timedelta(days=20)
        )
        eingang_tag = max(untergrenze, frist - _dt.timedelta(days=z.ganz(1, 3)))
        falsch = want_antrag and a == 0
        if falsch and c.fehler == "ANTRAGSFRIST":
            eingang_tag = frist + _dt.timedelta(days=1)
            if eingang_tag >= p.tag:  # pragma: no cover - Antragsfrist of 0 days
                raise ConfigError("go.antrag.frist.tage", "at least 1", go.antrag.frist.tage)
        eingang = _zeit(eingang_tag, 8)
        bid = idf("beratung", f"a{a}")
        top_id = idf("sitzung", p.index, "top", f"a{a}")
        auf_to = not (falsch and c.fehler == "ANTRAG_NICHT_AUFGENOMMEN")
        beratungen = (
            [
                Beratung(
                    id=bid,
                    drucksache=aid,
                    tagesordnungspunkt=top_id,
                    sitzung=idf("sitzung", p.index),
                    gremien=(g.gremium_id,),
                    entscheidend=True,
                    rolle=Beratungsrolle.ENTSCHEIDUNG,
                    datum=p.tag,
                    federfuehrend=True,
                    **com,
                )
            ]
            if auf_to
            else []
        )
        if auf_to:
            p.tops.append(
                _TopPlan(
                    name=f"Antrag {a} der Fraktion",
                    drucksache=aid,
                    beratung=bid,
                    rolle=Beratungsrolle.ENTSCHEIDUNG,
                )
            )
        drucksachen.append(
            Antrag(
                id=aid,
                koerperschaft=body_id,
                name=f"Antrag {a}",
                datum=eingang_tag,
                urheber_gremien=(fraktion_id,),
                zielgremien=(g.gremium_id,),
                anliegen="… auf die Tagesordnung der nächsten Sitzung zu setzen",
                beschlussvorschlag="Der Rat beschließt den Antrag.",
                begruendung="Begründung.",
                eingang=eingang,
                beratungen=tuple(beratungen),
                status=Drucksachenstatus.BESCHLOSSEN if auf_to else Drucksachenstatus.EINGEREICHT,
                **com,
            )
        )

    # Dringlichkeitsentscheidung, submitted to the next meeting of the Hauptorgan ------------
    dringlich_obj: Dringlichkeitsentscheidung | None = None
    haupt_plaene = [p for p in plaene if p.gremium is haupt]
    # only where the Land has an Eilentscheidung instead of the council at the Rechtsstand the
    # rules use (the latest Sitzung day): HE has none after § 51a HGO lapsed (31.03.2021)
    stand = max(p.tag for p in plaene)
    moeglich = (
        recht.profil(c.land, c.art, stand).dringlichkeit.nachbehandlung
        is not Nachbehandlung.NICHT_VORGESEHEN
    )
    if (gr.dringlichkeit and moeglich and z.ja()) or c.fehler == "DRINGLICHKEIT_GENEHMIGUNG":
        ziel = haupt_plaene[0]
        did = idf("dringlichkeitsentscheidung", 1)
        genehmigt = c.fehler != "DRINGLICHKEIT_GENEHMIGUNG"
        if genehmigt:
            ziel.tops.append(
                _TopPlan(
                    name="Genehmigung einer Dringlichkeitsentscheidung",
                    status_genehmigung=True,
                    text="Die Dringlichkeitsentscheidung wird genehmigt.",
                )
            )
        dringlich_obj = Dringlichkeitsentscheidung(
            id=did,
            name="Dringlichkeitsentscheidung",
            gegenstand="Auftragsvergabe",
            datum=ziel.tag - _dt.timedelta(days=go.ladung.frist.tage + 20),
            zustaendiges_gremium=haupt.gremium_id,
            entscheidende=(haupt.mitglieder[0], haupt.mitglieder[1]),
            sitzung=idf("sitzung", ziel.index) if genehmigt else None,
            rechte_dritter=False,
            status=Dringlichkeitsstatus.GENEHMIGT if genehmigt else Dringlichkeitsstatus.GETROFFEN,
            **com,
        )

    # fill up agendas with information items -----------------------------------------------
    for p in plaene:
        while len(p.tops) < gr.min_tops or (len(p.tops) < gr.max_tops and z.ja()):
            p.tops.append(_TopPlan(name="Mitteilungen der Verwaltung", abstimmen=False))

    # choose where the one fault goes --------------------------------------------------------
    def sitzung_mit(pred: Any) -> int | None:
        kand = [p.index for p in plaene if pred(p)]
        return z.wahl(kand) if kand else None

    fehl_sitzung: int | None = None
    fehl_top: int | None = None
    vote_faults = ("BESCHLUSSFAEHIGKEIT", "MEHRHEIT", "ENTHALTUNG_UNZULAESSIG", "BEFANGENHEIT")
    if c.fehler in vote_faults or c.fehler == "OEFFENTLICHKEIT":
        treffer = sitzung_mit(lambda p: any(t.abstimmen for t in p.tops))
        if treffer is None:
            treffer = z.ganz(0, len(plaene) - 1)
            plaene[treffer].tops.append(_TopPlan(name="Beschluss über eine Angelegenheit"))
        fehl_sitzung = treffer
        kand = [k for k, t in enumerate(plaene[treffer].tops) if t.abstimmen]
        fehl_top = z.wahl(kand)
    elif c.fehler in (
        "LADUNGSFRIST",
        "EINLADUNG_INHALT",
        "TAGESORDNUNG_ERWEITERUNG",
        "NIEDERSCHRIFT_UNTERZEICHNUNG",
        "REFERENZ_UNAUFGELOEST",
    ):
        fehl_sitzung = z.ganz(0, len(plaene) - 1)
    elif c.fehler == "TOP_REIHENFOLGE":
        idx = z.ganz(0, len(plaene) - 1)
        if len(plaene[idx].tops) < 2:
            plaene[idx].tops.append(_TopPlan(name="Verschiedenes", abstimmen=False))
        fehl_sitzung = idx

    # Sitzungen ------------------------------------------------------------------------------
    sitzungen: list[Objekt] = []
    ort = Ort(
        id=idf("ort", "sitzungssaal"),
        beschreibung="Sitzungssaal",
        strasse="Rathausplatz 1",
        postleitzahl="12345",
        ortschaft="Beispielstadt",
        **com,
    )
    for p in plaene:
        sid = idf("sitzung", p.index)
        g = p.gremium
        n = len(g.mitglieder)
        amin = _min_anwesend(go, n)
        hier = fehl_sitzung == p.index
        # one more than the quorum where a befangen member must be left out of it
        a = z.ganz(min(n, amin + 1) if (hier and c.fehler == "BEFANGENHEIT") else max(amin, 1), n)
        anwesende = list(g.mitglieder[:a])  # the Vorsitz (first member) is present
        frist = recht.ladungsfrist(go, p.tag, land=land).datum
        if hier and c.fehler == "LADUNGSFRIST":
            versand = frist + _dt.timedelta(days=1)
            zugang = recht.ladung_zugang(go, versand, land=land).datum
        else:
            versand = frist - _dt.timedelta(days=z.ganz(1, 7))
            zugang = recht.ladung_zugang(go, versand, land=land).datum
            while zugang > frist:
                versand -= _dt.timedelta(days=1)
                zugang = recht.ladung_zugang(go, versand, land=land).datum
        tops: list[Tagesordnungspunkt] = []
        for k, t in enumerate(p.tops):
            top_id = (
                idf("sitzung", p.index, "top", k) if t.drucksache is None else _top_id(idf, p, t)
            )
            beschluss: Beschluss | None
            befangene: tuple[str, ...] = ()
            fault = c.fehler if ((hier and fehl_top == k) or t.fehlerstelle) else None
            status = Tagesordnungspunktstatus.ZUR_KENNTNIS_GENOMMEN
            if t.status_genehmigung:
                beschluss, befangene = _abstimmung(c, n, anwesende, None, None)
                assert beschluss.ergebnis is not None
                angenommen = beschluss.ergebnis is BeschlussErgebnis.UNGEAENDERT_BESCHLOSSEN
                beschluss = attrs.evolve(
                    beschluss,
                    ergebnis=BeschlussErgebnis.GENEHMIGT
                    if angenommen
                    else BeschlussErgebnis.ABGELEHNT,
                    ergebnis_text="genehmigt" if angenommen else "abgelehnt",
                    text=t.text,
                )
                status = (
                    Tagesordnungspunktstatus.BESCHLOSSEN
                    if angenommen
                    else Tagesordnungspunktstatus.ABGELEHNT
                )
            elif t.abstimmen:
                beschluss, befangene = _abstimmung(c, n, anwesende, t.rolle, fault)
                beschluss = attrs.evolve(beschluss, text=t.text or None)
                if fault == "BESCHLUSSFAEHIGKEIT":
                    # the vote is recorded with fewer members present than the quorum needs
                    weniger = max(0, amin - 1)
                    ab = beschluss.abstimmung
                    assert ab is not None
                    ja = min(ab.ja, weniger)
                    nein = min(ab.nein, weniger - ja)
                    enth = min(ab.enthaltung, weniger - ja - nein)
                    ok = recht.ergebnis(
                        go, ja=ja, nein=nein, enthaltung=enth, gesetzliche_mitglieder=n
                    )
                    ergebnis = _ergebnis(t.rolle, ok)
                    beschluss = attrs.evolve(
                        beschluss,
                        ergebnis=ergebnis,
                        ergebnis_text=ergebnis.value,
                        abstimmung=attrs.evolve(
                            ab,
                            ja=ja,
                            nein=nein,
                            enthaltung=enth,
                            anwesend=weniger,
                            stimmberechtigt_anwesend=weniger,
                        ),
                    )
                status = _top_status(beschluss.ergebnis)
            else:
                beschluss = Beschluss(
                    ergebnis=BeschlussErgebnis.ZUR_KENNTNIS_GENOMMEN,
                    ergebnis_text="zur Kenntnis genommen",
                )
            oeffentlich = True
            grund = None
            if fault == "OEFFENTLICHKEIT" or (
                not t.drucksache and z.wahl((False, False, True)) and fault is None
            ):
                oeffentlich = False
                kategorien = go.oeffentlichkeit.nichtoeffentlich
                grund = None if fault == "OEFFENTLICHKEIT" else (kategorien or ("personal",))[0]
            nachtrag = None
            dringlich_top = None
            if hier and c.fehler == "TAGESORDNUNG_ERWEITERUNG" and k == len(p.tops) - 1:
                nachtrag, dringlich_top = True, False
            tops.append(
                Tagesordnungspunkt(
                    id=top_id,
                    sitzung=sid,
                    nummer=str(k + 1),
                    position=k,
                    name=t.name,
                    oeffentlich=oeffentlich,
                    nichtoeffentlich_grund=grund,
                    beratung=t.beratung,
                    drucksache=t.drucksache,
                    beschluss=beschluss,
                    befangene=befangene,
                    nachtrag=nachtrag,
                    dringlich=dringlich_top,
                    status=status,
                    **com,
                )
            )
        if hier and c.fehler == "TOP_REIHENFOLGE":
            last = tops[-1]
            tops[-1] = attrs.evolve(last, position=len(tops), nummer=str(len(tops) + 1))
        beginn = _zeit(p.tag, 17)
        einladung = Datei(
            id=idf("datei", f"einladung-{p.index}"),
            name="Einladung",
            dateiname=f"einladung-{p.index}.pdf",
            mime_type="application/pdf",
            datum=versand,
            zugriff_url=idf("datei", f"einladung-{p.index}.pdf"),
            **com,
        )
        protokoll = Datei(
            id=idf("datei", f"niederschrift-{p.index}"),
            name="Niederschrift",
            dateiname=f"niederschrift-{p.index}.pdf",
            mime_type="application/pdf",
            datum=p.tag + _dt.timedelta(days=7),
            zugriff_url=idf("datei", f"niederschrift-{p.index}.pdf"),
            **com,
        )
        teilnehmende = (*anwesende, schrift_id)
        schrift: str | None = schrift_id
        if hier and c.fehler == "NIEDERSCHRIFT_UNTERZEICHNUNG":
            schrift = None
        if hier and c.fehler == "REFERENZ_UNAUFGELOEST":
            teilnehmende = (*teilnehmende, idf("person", "unbekannt"))
        sitzungen.append(
            Sitzung(
                id=sid,
                name=f"Sitzung {p.index + 1}",
                gremien=(g.gremium_id,),
                beginn=beginn,
                ende=beginn + _dt.timedelta(hours=2, minutes=z.ganz(0, 90)),
                ort=None if (hier and c.fehler == "EINLADUNG_INHALT") else ort,
                teilnehmende=teilnehmende,
                einladung=einladung,
                ergebnisprotokoll=protokoll,
                tagesordnung=tuple(tops),
                einladungsdatum=versand,
                einladung_zugang=zugang,
                vorsitz=g.mitglieder[0],
                schriftfuehrung=schrift,
                status=Sitzungsstatus.NIEDERSCHRIFT_UNTERZEICHNET,
                **com,
            )
        )

    person_objs: list[Objekt] = [
        Person(
            id=p,
            koerperschaft=body_id,
            name=f"Person {k}",
            vorname="Vorname",
            familienname=f"Name{k}",
            mitgliedschaften=tuple(memberships[p]),
            **com,
        )
        for k, p in enumerate(personen)
    ]
    objekte: list[Objekt] = [system, body, *gremium_objs, *person_objs, *drucksachen, *sitzungen]
    if dringlich_obj is not None:
        objekte.append(dringlich_obj)
    return Bestand(objekte)


def _top_id(idf: _Ids, p: _SitzungPlan, t: _TopPlan) -> str:
    assert t.drucksache is not None
    tail = t.drucksache.rsplit("/", 1)[-1]
    kurz = ("v" + tail.split("-")[1]) if tail.startswith("vorlage") else ("a" + tail.split("-")[1])
    return idf("sitzung", p.index, "top", kurz)


def _zwei_gremien(plaene: Sequence[_SitzungPlan]) -> list[int]:
    for i, p in enumerate(plaene):
        for j in range(i + 1, len(plaene)):
            if plaene[j].gremium is not p.gremium:
                return [i, j]
    return []


def _ergebnis(rolle: Beratungsrolle | None, angenommen: bool) -> BeschlussErgebnis:
    if rolle is Beratungsrolle.VORBERATUNG:
        return BeschlussErgebnis.EMPFOHLEN if angenommen else BeschlussErgebnis.NICHT_EMPFOHLEN
    return BeschlussErgebnis.UNGEAENDERT_BESCHLOSSEN if angenommen else BeschlussErgebnis.ABGELEHNT


def _top_status(ergebnis: BeschlussErgebnis | None) -> Tagesordnungspunktstatus:
    if ergebnis in (BeschlussErgebnis.ABGELEHNT, BeschlussErgebnis.NICHT_EMPFOHLEN):
        return Tagesordnungspunktstatus.ABGELEHNT
    return Tagesordnungspunktstatus.BESCHLOSSEN


def beispiel_bestand(
    *,
    seed: int = 0,
    go: Geschaeftsordnung | Landesprofil | None = None,
    land: Land | None = None,
    groesse: Groesse | None = None,
    fehler: str | None = None,
) -> Bestand:
    """A deterministic generated Bestand (no Hypothesis needed): same ``seed``, same Bestand.

    >>> beispiel_bestand(seed=7) == beispiel_bestand(seed=7)
    True
    """
    return baue_bestand(ZufallRandom(seed), go=go, land=land, groesse=groesse, fehler=fehler)
