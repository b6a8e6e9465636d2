"""The context of one ``validate`` call: the Bestand, the applicable law, and indexes.

Everything a rule needs to look up is indexed **once per Bestand** (a Bestand is immutable:
the index is built on the first ``validate`` of a Bestand, kept with it and shared by every
later call; see :meth:`kommunalrecht.Bestand._abgeleitet_von`), so that every rule runs in
linear time: Sitzungen per Gremium sorted by day, the TOPs and
Drucksachen on each Sitzung, the Beratungen of each Drucksache, the Drucksachen related to
each other, and the top-level owner of each embedded object (for finding paths).

Paths: a finding's ``object_id`` is the id of the *top-level* object that holds the location
and ``path`` the JSON-style path inside it (``$.tagesordnung[2].position``), exactly as
:meth:`kommunalrecht.Bestand.referenzen_pruefen` reports.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import zoneinfo
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from .. import fristen, recht
from ..errors import Finding, Severity
from ..model import (
    Antrag,
    Beratung,
    Bestand,
    Drucksache,
    Gremium,
    Gremiumart,
    Koerperschaft,
    Koerperschaftsart,
    Land,
    Objekt,
    Sitzung,
    Tagesordnungspunkt,
)
from ..recht import Fristregel, Geschaeftsordnung, Landesprofil
from ._registry import Regel

__all__ = ["Kontext"]

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")

_VERTRETUNG = (Gremiumart.RAT, Gremiumart.KREISTAG)


def lokaler_tag(zeit: _dt.datetime) -> _dt.date:
    """The calendar day of ``zeit`` in Europe/Berlin."""
    return zeit.astimezone(BERLIN).date()


_KATEGORIE: dict[type[Any], int] = {}
"""Exact model class → 0 Sitzung, 1 Drucksache, 2 Beratung, 3 Tagesordnungspunkt, 4 other."""


def _kategorie(cls: type[Any]) -> int:
    for k, basis in enumerate((Sitzung, Drucksache, Beratung, Tagesordnungspunkt)):  # noqa: B007
        if issubclass(cls, basis):
            break
    else:
        k = 4
    if len(_KATEGORIE) < 256:
        _KATEGORIE[cls] = k
    return k


class _Index:
    """The rule index of one Bestand (read-only; see :class:`Kontext`).

    It depends on the Bestand alone, so it is built once per Bestand
    (:meth:`kommunalrecht.Bestand._abgeleitet_von`) and shared by every ``validate`` call on
    that Bestand; the law-dependent parts (Fristen, citations) stay in the :class:`Kontext`.
    """

    def __init__(self, b: Bestand) -> None:
        self.sitzungen: list[Sitzung] = []
        self.drucksachen: list[Drucksache] = []
        self.beratungen: dict[str, Beratung] = {}
        self.tops: dict[str, Tagesordnungspunkt] = {}
        self.owner: dict[str, str] = {}
        self.andere: list[Objekt] = []
        # one pass over all objects, classified by their exact type (a dict lookup; the
        # isinstance chain only for classes not seen before): at 10^5 objects every pass is
        # memory-bound, so the index makes as few as it can
        kategorie = _KATEGORIE
        sitzungen, drucksachen, andere = self.sitzungen, self.drucksachen, self.andere
        beratungen, tops = self.beratungen, self.tops
        # the Gremien by id: Kontext.gremium() resolves in this small dict, not in the Bestand
        self.gremien: dict[str, Gremium] = {}
        self.sitzung_nach_id: dict[str, Sitzung] = {}  # likewise for Kontext.sitzung()
        gremien, sitzung_nach_id = self.gremien, self.sitzung_nach_id
        oberste = b._oberste()
        einbettend: list[Any] = []  # top-level Sitzungen and Drucksachen, in Bestand order
        for key, obj in b._eintraege():
            k = kategorie.get(obj.__class__)
            if k is None:
                k = _kategorie(obj.__class__)
            if k == 0:
                sitzungen.append(obj)  # type: ignore[arg-type]
                sitzung_nach_id[key] = obj  # type: ignore[assignment]
                if oberste.get(key) is obj:
                    einbettend.append(obj)
            elif k == 1:
                drucksachen.append(obj)  # type: ignore[arg-type]
                if oberste.get(key) is obj:
                    einbettend.append(obj)
            elif k == 2:
                beratungen[key] = obj  # type: ignore[assignment]
            elif k == 3:
                tops[key] = obj  # type: ignore[assignment]
            else:
                andere.append(obj)
                if isinstance(obj, Gremium):
                    gremien[key] = obj
        # owners of embedded TOPs and Beratungen (the first top-level embedder wins)
        owner = self.owner
        for e in einbettend:
            for x in e.tagesordnung if isinstance(e, Sitzung) else e.beratungen:
                owner.setdefault(x.id, e.id)

        # TOPs per Sitzung: embedded first (with their index), then stand-alone ones
        self.tops_von: dict[str, list[tuple[int | None, Tagesordnungspunkt]]] = {}
        gesehen: set[str] = set()
        for s in self.sitzungen:
            eigene: list[tuple[int | None, Tagesordnungspunkt]] = []
            for i, t in enumerate(s.tagesordnung):
                eigene.append((i, t))
                gesehen.add(t.id)
            self.tops_von[s.id] = eigene
        for t in self.tops.values():
            if t.id not in gesehen and t.sitzung is not None and t.sitzung in self.tops_von:
                self.tops_von[t.sitzung].append((None, t))

        # Beratungen per Drucksache (embedded + stand-alone referring to it)
        self.beratungen_von: dict[str, list[Beratung]] = defaultdict(list)
        zugeordnet: set[tuple[str, str]] = set()
        for d in self.drucksachen:
            for br in d.beratungen:
                self.beratungen_von[d.id].append(br)
                zugeordnet.add((d.id, br.id))
        for br in self.beratungen.values():
            d_id = _drucksache_der_beratung(b, self.owner, br)
            if d_id is not None and (d_id, br.id) not in zugeordnet:
                self.beratungen_von[d_id].append(br)
                zugeordnet.add((d_id, br.id))

        # Drucksachen dealt with in each Sitzung (via TOP.drucksache, TOP.beratung, Beratung.sitzung)
        self.drucksachen_in: dict[str, set[str]] = defaultdict(set)
        for s_id, eintraege in self.tops_von.items():
            for _, t in eintraege:
                if t.drucksache is not None:
                    self.drucksachen_in[s_id].add(t.drucksache)
                zu = self.beratungen.get(t.beratung or "")
                if zu is not None:
                    d_id = _drucksache_der_beratung(b, self.owner, zu)
                    if d_id is not None:
                        self.drucksachen_in[s_id].add(d_id)
        for br in self.beratungen.values():
            d_id = _drucksache_der_beratung(b, self.owner, br)
            if br.sitzung is not None and d_id is not None:
                self.drucksachen_in[br.sitzung].add(d_id)

        # related Drucksachen (both directions of verwandte / über- / untergeordnete)
        self.verwandt: dict[str, set[str]] = defaultdict(set)
        for d in self.drucksachen:
            for r in (*d.verwandte, *d.uebergeordnete, *d.untergeordnete):
                self.verwandt[d.id].add(r)
                self.verwandt[r].add(d.id)

        # Sitzungen per Gremium, sorted by day (only Sitzungen with a known day)
        pro_gremium: dict[str, list[tuple[_dt.date, str, Sitzung]]] = defaultdict(list)
        for s in self.sitzungen:
            tag = s.tag
            if tag is None:
                continue
            for g in s.gremien:
                pro_gremium[g].append((tag, s.id, s))
        self.sitzungen_von: dict[str, list[tuple[_dt.date, str, Sitzung]]] = {}
        self.tage_von: dict[str, list[_dt.date]] = {}
        for g, liste in pro_gremium.items():
            liste.sort(key=lambda e: (e[0], e[1]))
            self.sitzungen_von[g] = liste
            self.tage_von[g] = [e[0] for e in liste]

        self.vertretungen: list[str] = [
            g.id for g in self.andere if isinstance(g, Gremium) and g.art in _VERTRETUNG
        ]
        # defaults of validate(): the latest Sitzung day, the first Körperschaft with a Land
        tage = [s.tag for s in self.sitzungen if s.tag is not None]
        self.letzter_tag: _dt.date | None = max(tage) if tage else None
        self.koerperschaft: Koerperschaft | None = next(
            (o for o in oberste.values() if isinstance(o, Koerperschaft) and o.land is not None),
            None,
        )

        # the same, as lists aligned with ``sitzungen`` / ``drucksachen``: the rules walk them
        # side by side (no lookup by id, no (index, TOP) pair per TOP). At 10^5 objects a rule
        # pass is bound by memory, and these lists are allocated together here, while the
        # model objects lie spread over the whole heap
        self.tops_je_sitzung: list[list[Tagesordnungspunkt]] = [
            [t for _, t in self.tops_von[s.id]] for s in self.sitzungen
        ]
        self.folgen: list[list[Beratung]] = [
            self.beratungen_von.get(d.id, []) for d in self.drucksachen
        ]
        # the day of each Beratung of ``folgen`` (its datum, else its Sitzung's day)
        nach_id = self.sitzung_nach_id
        self.folgetage: list[list[_dt.date | None]] = [
            [_beratungstag(nach_id, br) for br in folge] for folge in self.folgen
        ]

        # where a finding about an embedded object points: id → (path in its owner, owner id)
        # (Kontext.ort; one lookup per finding instead of two in dicts of the Bestand's size)
        self.orte: dict[str, tuple[str, str]] = {}
        for x_id, o in owner.items():
            pfad = b.pfad(x_id)
            if o != x_id and pfad is not None and not pfad.startswith("$["):
                self.orte[x_id] = (pfad, o)

        # shared by every validate call: plain dicts, so that a lookup of a missing key can
        # never insert into the index
        self.beratungen_von = dict(self.beratungen_von)
        self.drucksachen_in = dict(self.drucksachen_in)
        self.verwandt = dict(self.verwandt)


def regelindex(b: Bestand) -> _Index:
    """The rule index of ``b``, built on first use and kept with the Bestand."""
    return b._abgeleitet_von("regeln.index", _Index)


def _beratungstag(nach_id: dict[str, Sitzung], br: Beratung) -> _dt.date | None:
    if br.datum is not None:
        return br.datum
    s = nach_id.get(br.sitzung) if br.sitzung is not None else None
    return s.tag if s is not None else None


def _drucksache_der_beratung(b: Bestand, owner: dict[str, str], br: Beratung) -> str | None:
    if br.drucksache is not None:
        return br.drucksache
    o = owner.get(br.id)
    if o is not None and isinstance(b.get(o), Drucksache):
        return o
    return None


class Kontext:
    """Bestand + law + indexes for one validation run (internal; passed to every rule).

    >>> from kommunalrecht.beispiele import rhein_sieg_2021 as rsk
    >>> from kommunalrecht.model import Land
    >>> k = Kontext(rsk.bestand(), land=Land.NW)
    >>> [s.tag.isoformat() for s in k.sitzungen_von(rsk.ID["gremium/kreistag"])]
    ['2021-09-30']
    """

    def __init__(
        self,
        bestand: Bestand,
        *,
        land: Land | None = None,
        art: Koerperschaftsart | None = None,
        profil: Landesprofil | None = None,
        go: Geschaeftsordnung | None = None,
        rechtsstand: _dt.date | None = None,
        einzelobjekt: bool = False,
    ) -> None:
        self.bestand = bestand
        self.land = land
        self.art = art
        self.profil = profil
        self.go = go
        self.rechtsstand = rechtsstand or _dt.date.today()
        self.einzelobjekt = einzelobjekt
        self.regel: Regel | None = None  # the rule currently running (set by validate)
        self._fristen: dict[tuple[Any, ...], fristen.Frist] = {}
        self._normen: dict[str, str] = {}
        self._index()

    # ---------------------------------------------------------------- indexes

    def _index(self) -> None:
        # built once per Bestand (immutable) and shared by every Kontext over it
        idx = regelindex(self.bestand)
        self.sitzungen = idx.sitzungen
        self.drucksachen = idx.drucksachen
        self.beratungen = idx.beratungen
        self.tops = idx.tops
        self.owner = idx.owner
        self.andere = idx.andere
        self.tops_von = idx.tops_von
        self.beratungen_von = idx.beratungen_von
        self.drucksachen_in = idx.drucksachen_in
        self.verwandt = idx.verwandt
        self._sitzungen_von = idx.sitzungen_von
        self._tage_von = idx.tage_von
        self.vertretungen = idx.vertretungen
        self.gremien = idx.gremien
        self.sitzung_nach_id = idx.sitzung_nach_id
        self.tops_je_sitzung = idx.tops_je_sitzung
        self.folgen = idx.folgen
        self.folgetage = idx.folgetage
        self._orte = idx.orte

    # ---------------------------------------------------------------- lookups

    def drucksache_der_beratung(self, br: Beratung) -> str | None:
        """The Drucksache a Beratung belongs to (its reference, else its embedding paper)."""
        return _drucksache_der_beratung(self.bestand, self.owner, br)

    def gremium(self, ref: str | None) -> Gremium | None:
        """The Gremium with id ``ref`` (or None)."""
        return self.gremien.get(ref) if ref is not None else None

    def sitzung(self, ref: str | None) -> Sitzung | None:
        """The Sitzung with id ``ref`` (or None)."""
        return self.sitzung_nach_id.get(ref) if ref is not None else None

    def sitzungsgremium(self, s: Sitzung) -> Gremium | None:
        """The first resolvable Gremium of a Sitzung."""
        for g in s.gremien:
            found = self.gremium(g)
            if found is not None:
                return found
        return None

    def sitzungen_von(self, gremium: str, *, nach: _dt.date | None = None) -> Iterator[Sitzung]:
        """Sitzungen of ``gremium`` by day (strictly after ``nach`` if given), not abgesagt."""
        liste = self._sitzungen_von.get(gremium, [])
        start = 0 if nach is None else bisect.bisect_right(self._tage_von.get(gremium, []), nach)
        for i in range(start, len(liste)):  # no slice copy: callers stop early
            s = liste[i][2]
            if not s.abgesagt:
                yield s

    def beratungstag(self, br: Beratung) -> _dt.date | None:
        """The day of a Beratung: its ``datum``, else the day of its Sitzung."""
        return _beratungstag(self.sitzung_nach_id, br)

    def antrag_eingang(self, a: Antrag) -> tuple[_dt.date | None, bool]:
        """(day of receipt, whether it is only the date of the letter)."""
        if a.eingang is not None:
            return lokaler_tag(a.eingang), False
        return a.datum, True

    # ---------------------------------------------------------------- law

    def norm(self, key: str | None = None) -> str:
        """The citation of the running rule (or the profile norm of ``key``)."""
        if key is not None and self.profil is not None:
            return self.profil.norm(key).zitat
        if self.regel is None:  # pragma: no cover - always set by validate
            return "GeschO"
        hit = self._normen.get(self.regel.code)
        if hit is None:
            hit = self.regel.rechtsgrundlage(self.land, self.art, self.rechtsstand)
            self._normen[self.regel.code] = hit
        return hit

    def frist_land(self, regel: Fristregel) -> Land | None:
        """The Land for counting ``regel``; calendar-day counts do not depend on it (NW used)."""
        if self.land is not None:
            return self.land
        if regel.werktage or regel.verschieben:
            return None
        return Land.NW

    def rueckwaerts(self, art: str, regel: Fristregel, tag: _dt.date) -> fristen.Frist | None:
        """A cached backward Frist (``art``: ladung / dringlich / antrag) before ``tag``."""
        land = self.frist_land(regel)
        if land is None:
            return None
        key = (art, regel, tag, land)
        hit = self._fristen.get(key)
        if hit is None:
            hit = fristen.rueckwaerts(
                tag,
                tage=regel.tage,
                land=land,
                zaehlung=regel.zaehlung,
                werktage=regel.werktage,
                samstag_ist_werktag=regel.samstag_ist_werktag,
                verschieben=regel.verschieben,
                rechtsgrundlage=self.norm(),
            )
            self._fristen[key] = hit
        return hit

    def antrag_rechtzeitig(
        self, a: Antrag, eingang: _dt.date, tag: _dt.date
    ) -> tuple[bool, fristen.Frist] | None:
        """Whether an Antrag received on ``eingang`` meets the Antragsfrist for ``tag``."""
        assert self.go is not None
        frist = self.rueckwaerts("antrag", self.go.antrag.frist, tag)
        if frist is None:
            return None
        if eingang != frist.datum or self.go.antrag.uhrzeit is None:
            return frist.erfuellt_durch(eingang), frist
        land = self.frist_land(self.go.antrag.frist)
        assert land is not None
        if a.eingang is None:  # only the date of the letter: the cut-off time cannot be checked
            return True, frist
        zeit = a.eingang.astimezone(BERLIN)
        return recht.antrag_rechtzeitig(self.go, zeit, tag, land=land), frist

    # ---------------------------------------------------------------- findings

    def ort(self, obj: Objekt, feld: str = "") -> tuple[str, str]:
        """(path, object_id) of ``obj`` (+ ``.feld``) relative to its top-level object."""
        suffix = f".{feld}" if feld else ""
        hit = self._orte.get(obj.id)
        if hit is not None:
            return hit[0] + suffix, hit[1]
        return "$" + suffix, obj.id

    def befund(
        self,
        obj: Objekt,
        feld: str,
        message: str,
        *,
        severity: Severity | None = None,
        rechtsgrundlage: str | None = None,
    ) -> Finding:
        """A Finding of the running rule about ``obj`` (field ``feld``)."""
        assert self.regel is not None
        path, object_id = self.ort(obj, feld)
        return Finding(
            code=self.regel.code,
            severity=severity or self.regel.severity,
            message=message,
            path=path,
            object_id=object_id,
            rechtsgrundlage=rechtsgrundlage or self.norm(),
        )

    def nicht_pruefbar(self, obj: Objekt, feld: str, grund: str) -> Finding:
        """An ``info`` Finding "nicht prüfbar: <grund>" of the running rule."""
        return self.befund(obj, feld, f"nicht prüfbar: {grund}", severity=Severity.INFO)
