"""Rules on the Tagesordnung: additions after the Ladung and the order of the TOPs.

Sources: ``reference/kommunalrecht-regeln.md`` §2.2 — § 48 Abs. 1 S. 5 GO NRW (additions in
the meeting only for matters "die keinen Aufschub dulden oder die von äußerster Dringlichkeit
sind") [V], § 33 Abs. 1 KrO NRW [M]; § 58 Abs. 2 HGO (2/3 of the gesetzliche Zahl) [V];
§ 59 Abs. 3 S. 5 NKomVG (dringende Fälle, 2/3 of the members) [V secondary]; BY: not
properly notified items cannot be validly decided [V secondary / M]; OParl 1.1
``AgendaItem.order``.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from ..errors import Finding, Severity
from ..model import Land, Tagesordnungspunkt
from ..recht import Mehrheit, mindestzahl
from ._kontext import Kontext
from ._registry import regel

__all__ = ["tagesordnung_erweiterung", "top_reihenfolge"]

_ERWEITERUNG = {
    Land.NW: "§ 48 Abs. 1 S. 5 GO NRW",
    (Land.NW, "Kreis"): "§ 33 Abs. 1 KrO NRW (wie § 48 Abs. 1 S. 5 GO NRW)",
}


@regel(
    "TAGESORDNUNG_ERWEITERUNG",
    Severity.ERROR,
    "Erweiterung der Tagesordnung nach der Ladung / in der Sitzung",
    schluessel="erweiterung",
    normen=_ERWEITERUNG,
    norm_fallback="GeschO (Erweiterung der Tagesordnung)",
)
def tagesordnung_erweiterung(k: Kontext) -> Iterator[Finding]:
    """A TOP marked ``nachtrag=True`` was put on the agenda after the Ladungsfrist had run or
    in the meeting (a supplement sent within the Frist is an ordinary TOP, not a Nachtrag in
    this sense). Such an extension is allowed only where the law / GeschO permits it
    (``erweiterung.zulaessig``; BY profile: no), only for urgent matters where
    ``erweiterung.dringlichkeit_erforderlich`` (NRW, NI: the TOP must be marked
    ``dringlich``), and with the majority ``erweiterung.mehrheit``.

    Norm: § 48 Abs. 1 S. 5 GO NRW [V], § 33 Abs. 1 KrO NRW [M], § 58 Abs. 2 HGO [V],
    § 59 Abs. 3 S. 5 NKomVG [V secondary], BY Art. 46 Abs. 2 / 47 Abs. 2 [M]. The vote on the
    extension itself is not part of the model: for a ⅔-of-members majority (HE, NI) the rule
    reports an error only when the recorded attendance (the TOP's vote ``anwesend``, else the
    Sitzung's ``teilnehmende``) makes ⅔ of the gesetzliche Mitgliederzahl impossible, and
    otherwise an info "nicht prüfbar".
    """
    go = k.go
    if go is None:
        return
    e = go.erweiterung
    for s, tops in zip(k.sitzungen, k.tops_je_sitzung, strict=True):
        for t in tops:
            if t.nachtrag is not True:
                continue
            if not e.zulaessig:
                yield k.befund(
                    t,
                    "nachtrag",
                    "Die Tagesordnung darf nach der Ladung nicht erweitert werden; über den "
                    "nachträglich aufgenommenen Punkt kann nicht wirksam beschlossen werden",
                )
                continue
            if e.dringlichkeit_erforderlich and t.dringlich is not True:
                yield k.befund(
                    t,
                    "dringlich",
                    "Erweiterung der Tagesordnung nur für Angelegenheiten, die keinen Aufschub "
                    "dulden oder von äußerster Dringlichkeit sind; der Punkt ist nicht als "
                    "dringlich gekennzeichnet",
                )
            if e.mehrheit in (Mehrheit.TWO_THIRDS_OF_LEGAL_MEMBERS, Mehrheit.OF_LEGAL_MEMBERS):
                g = k.sitzungsgremium(s)
                gesetzlich = g.gesetzliche_mitgliederzahl if g is not None else None
                anwesend = None
                if t.beschluss is not None and t.beschluss.abstimmung is not None:
                    anwesend = t.beschluss.abstimmung.anwesend
                if anwesend is None and s.teilnehmende:
                    anwesend = len(s.teilnehmende)
                if gesetzlich is None or anwesend is None:
                    yield k.nicht_pruefbar(
                        t,
                        "nachtrag",
                        "die erforderliche Mehrheit der gesetzlichen Mitglieder für die "
                        "Erweiterung ist ohne Mitgliederzahl und Anwesenheit nicht feststellbar",
                    )
                    continue
                anteil = (
                    Fraction(2, 3)
                    if e.mehrheit is Mehrheit.TWO_THIRDS_OF_LEGAL_MEMBERS
                    else Fraction(1, 2)
                )
                noetig = mindestzahl(
                    anteil, gesetzlich, strikt=e.mehrheit is Mehrheit.OF_LEGAL_MEMBERS
                )
                if anwesend < noetig:
                    yield k.befund(
                        t,
                        "nachtrag",
                        f"Die Erweiterung braucht die Zustimmung von {noetig} der {gesetzlich} "
                        f"gesetzlichen Mitglieder; anwesend waren nur {anwesend}",
                    )


@regel(
    "TOP_REIHENFOLGE",
    Severity.ERROR,
    "Positionen der TOPs eindeutig und lückenlos",
    norm_fallback="OParl 1.1 AgendaItem.order",
)
def top_reihenfolge(k: Kontext) -> Iterator[Finding]:
    """The TOP positions (``position``, OParl ``AgendaItem.order``) of one Sitzung are unique
    and gapless: ``0 … n-1`` (the model's 0-based order) or ``1 … n`` (1-based RIS exports).

    Source: OParl 1.1 ``AgendaItem.order`` ("Position des Tagesordnungspunkts"); no statute.
    Error per duplicate position (path ``$.tagesordnung[i].position``) and once per Sitzung
    for gaps. Not checked when no TOP has a position; a warning names TOPs without a position
    when others have one.
    """
    for s, tops in zip(k.sitzungen, k.tops_je_sitzung, strict=True):
        mit = [t for t in tops if t.position is not None]
        if not mit:
            continue
        for t in tops:
            if t.position is None:
                yield k.befund(
                    t,
                    "position",
                    f"TOP {t.nummer or t.name or t.id!r} hat keine Position, andere TOPs der "
                    "Sitzung haben eine",
                    severity=Severity.WARNING,
                )
        gesehen: dict[int, Tagesordnungspunkt] = {}  # the label only when needed
        for t in mit:
            assert t.position is not None
            erster = gesehen.get(t.position)
            if erster is not None:
                yield k.befund(
                    t,
                    "position",
                    f"Position {t.position} ist doppelt vergeben "
                    f"(auch {erster.nummer or erster.name or erster.id!r})",
                )
            else:
                gesehen[t.position] = t
        positionen = sorted(gesehen)
        start = positionen[0]
        if start not in (0, 1) or positionen != list(range(start, start + len(positionen))):
            basis = 1 if start == 1 else 0
            fehlend = sorted(set(range(basis, positionen[-1] + 1)) - set(positionen))
            yield k.befund(
                s,
                "tagesordnung",
                "Die Positionen der TOPs sind nicht lückenlos (vorhanden: "
                + ", ".join(map(str, positionen[:20]))
                + (" …" if len(positionen) > 20 else "")
                + "; fehlend: "
                + ", ".join(map(str, fehlend[:20]))
                + (" …" if len(fehlend) > 20 else "")
                + ")",
            )
