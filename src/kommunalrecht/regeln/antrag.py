"""Rules on Anträge to the Tagesordnung: the minority right and the Antragsfrist.

Sources: ``reference/kommunalrecht-regeln.md`` §2.2 and §3.1 — § 48 Abs. 1 S. 2 GO NRW,
§ 33 Abs. 1 S. 2 KrO NRW: proposals of a Fraktion or of one fifth of the members received
within the GeschO deadline "hat … aufzunehmen" [V]; § 36 Abs. 5 SächsGemO (Fraktion or 1/5,
at the latest the next-but-one meeting) [V]; § 34 Abs. 1 GemO BW (Fraktion or 1/6) [V
secondary]; § 58 Abs. 5 HGO [V, partly]; BY and NI: GeschO [G/M]. The deadline itself is
always GeschO [G].
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

from .. import fristen, recht
from ..errors import ConfigError, Finding, Severity
from ..model import Antrag, Drucksachenstatus, Gremiumart, Land, Sitzung
from ..recht import Aufnahme
from ._kontext import Kontext
from ._registry import regel

__all__ = ["antrag_nicht_aufgenommen", "antragsfrist"]

_ERLEDIGT = {Drucksachenstatus.ZURUECKGEZOGEN, Drucksachenstatus.ERLEDIGT}


def _sitzungsname(s: Sitzung) -> str:
    name = s.name or "Sitzung"
    tag = fristen.tag_text(s.tag) if s.tag is not None else "(Tag unbekannt)"
    return f"{name} am {tag}"


def _auf_tagesordnung(k: Kontext, a: Antrag, s: Sitzung) -> bool:
    dort = k.drucksachen_in.get(s.id, set())
    return a.id in dort or bool(k.verwandt.get(a.id, set()) & dort)


def _kandidaten(k: Kontext, a: Antrag, *, mit_vertretung: bool) -> list[str]:
    ziel = [g for g in a.zielgremien if g in k._sitzungen_von]
    if mit_vertretung or not ziel:
        ziel += [g for g in k.vertretungen if g not in ziel]
    return ziel


def _erreichbar(
    k: Kontext, a: Antrag, gremium: str, eingang: _dt.date
) -> tuple[list[tuple[Sitzung, fristen.Frist]], list[Sitzung]]:
    """(missed Sitzungen with their Frist, reachable Sitzungen — at most two) of a Gremium."""
    verpasst: list[tuple[Sitzung, fristen.Frist]] = []
    erreicht: list[Sitzung] = []
    for s in k.sitzungen_von(gremium, nach=eingang):
        assert s.tag is not None
        ergebnis = k.antrag_rechtzeitig(a, eingang, s.tag)
        if ergebnis is None:
            break
        ok, frist = ergebnis
        if ok:
            erreicht.append(s)
            if len(erreicht) == 2:
                break
        elif not erreicht:
            verpasst.append((s, frist))
    return verpasst, erreicht


@regel(
    "ANTRAGSFRIST",
    Severity.WARNING,
    "Antragsfrist: für welche Sitzung kommt ein Antrag zu spät",
    normen={
        Land.NW: "GeschO (Antragsfrist) i.V.m. § 48 Abs. 1 S. 2 GO NRW",
        (Land.NW, "Kreis"): "GeschO (Antragsfrist) i.V.m. § 33 Abs. 1 S. 2 KrO NRW",
        Land.BY: "GeschO (Antragsfrist)",
        Land.BW: "GeschO (Antragsfrist) i.V.m. § 34 Abs. 1 GemO BW",
        Land.NI: "GeschO (Antragsfrist) i.V.m. § 56 NKomVG",
        Land.HE: "§ 58 Abs. 5 HGO i.V.m. GeschO (Antragsfrist)",
        Land.SN: "GeschO (Antragsfrist) i.V.m. § 36 Abs. 5 SächsGemO",
    },
    norm_fallback="GeschO (Antragsfrist)",
)
def antragsfrist(k: Kontext) -> Iterator[Finding]:
    """Which meetings an Antrag could no longer reach under the GeschO Antragsfrist
    (``antrag.frist``, ``antrag.uhrzeit``), and the first meeting it reaches.

    Considered are the meetings after the Antrag's receipt of the Gremien it addresses
    (``zielgremien``) and of the Vertretung (Rat / Kreistag, whose agenda the minority right of
    § 48 Abs. 1 S. 2 GO NRW / § 33 Abs. 1 S. 2 KrO NRW concerns). One finding per Antrag that
    missed at least one of them, naming each missed Sitzung with its latest Eingang and the
    first reachable Sitzung: **info** (the Antrag simply belongs to a later meeting), or
    **warning** when it nevertheless stands on the agenda of a missed meeting (the chair may
    put it there of his own accord, but there was no claim; check that it was sent with the
    Ladung or added under ``TAGESORDNUNG_ERWEITERUNG``). The Frist is GeschO [G]; its computation is
    :func:`kommunalrecht.recht.antragsfrist`. Receipt: ``eingang`` (local day); when only the
    date of the letter (``datum``) is known it is used and the message says so — a letter
    cannot arrive before its date, so "too late" stays true. No finding without a date, for a
    withdrawn Antrag, or when no meeting was missed.
    """
    go = k.go
    if go is None:
        return
    norm = k.norm()
    for d in k.drucksachen:
        if not isinstance(d, Antrag) or d.status in _ERLEDIGT:
            continue
        eingang, nur_datum = k.antrag_eingang(d)
        if eingang is None:
            continue
        verpasst: list[tuple[Sitzung, fristen.Frist]] = []
        erreicht: list[Sitzung] = []
        for g in _kandidaten(k, d, mit_vertretung=True):
            v, e = _erreichbar(k, d, g, eingang)
            verpasst += v
            erreicht += e[:1]
        if not verpasst:
            continue
        verpasst.sort(key=lambda e: e[0].tag or _dt.date.min)
        erreicht.sort(key=lambda s: s.tag or _dt.date.min)
        quelle = "Datum des Schreibens, Eingang nicht erfasst" if nur_datum else "Eingang"
        teile = [
            f"{_sitzungsname(s)} (Eingang spätestens {fristen.tag_text(f.datum)} erforderlich"
            + (", dennoch auf der Tagesordnung" if _auf_tagesordnung(k, d, s) else "")
            + ")"
            for s, f in verpasst
        ]
        naechste = (
            f"erste erreichbare Sitzung: {_sitzungsname(erreicht[0])}"
            if erreicht
            else "keine erreichbare Sitzung im Bestand"
        )
        regel_ = go.antrag.frist
        art = "Werktage" if regel_.werktage else "Kalendertage"
        trotzdem = any(_auf_tagesordnung(k, d, s) for s, _ in verpasst)
        yield k.befund(
            d,
            "eingang" if not nur_datum else "datum",
            f"Antrag vom {fristen.tag_text(eingang)} ({quelle}) verfehlt die Antragsfrist "
            f"({regel_.tage} {art}, {regel_.zaehlung.value}) für: "
            + "; ".join(teile)
            + f"; {naechste}",
            severity=Severity.WARNING if trotzdem else Severity.INFO,
            rechtsgrundlage=norm,
        )


@regel(
    "ANTRAG_NICHT_AUFGENOMMEN",
    Severity.ERROR,
    "Minderheitenrecht: fristgerechter Antrag nicht auf die Tagesordnung gesetzt",
    schluessel="antrag.quorum",
    norm_fallback="GeschO (Antragsrecht)",
)
def antrag_nicht_aufgenommen(k: Kontext) -> Iterator[Finding]:
    """An Antrag of a Fraktion or of enough members (``antrag.fraktion``, ``antrag.quorum``,
    ``antrag.einzelmitglied``; :func:`kommunalrecht.recht.antragsrecht`) that met the
    Antragsfrist must be on the Tagesordnung of the first meeting it reaches of each Gremium
    it addresses (``zielgremien``; none given: the Vertretung) — of the next-but-one where
    ``antrag.aufnahme`` is ``uebernaechste_sitzung`` (SN, BW).

    Norm: § 48 Abs. 1 S. 2 GO NRW, § 33 Abs. 1 S. 2 KrO NRW [V]; § 36 Abs. 5 SächsGemO [V];
    § 34 Abs. 1 GemO BW [V secondary]; § 58 Abs. 5 HGO [V partly]; BY/NI GeschO [G/M].
    "On the agenda" means: a TOP or Beratung of that Sitzung deals with the Antrag or a
    related Drucksache (``verwandte``, ``uebergeordnete``, ``untergeordnete`` in either
    direction — a Vorlage answering the Antrag). Error on the Sitzung; **warning** when only
    the date of the letter is known (the actual receipt might have been later). Not checked:
    a Sitzung with an empty Tagesordnung in the record (the agenda is unknown), an Antrag
    without Fraktion whose Gremium has no ``gesetzliche_mitgliederzahl``, withdrawn Anträge.
    """
    go = k.go
    if go is None:
        return
    norm = k.norm()
    for d in k.drucksachen:
        if not isinstance(d, Antrag) or d.status in _ERLEDIGT:
            continue
        eingang, nur_datum = k.antrag_eingang(d)
        if eingang is None:
            continue
        fraktion = any(
            (g := k.gremium(ref)) is not None and g.art is Gremiumart.FRAKTION
            for ref in d.urheber_gremien
        )
        for g_id in _kandidaten(k, d, mit_vertretung=False):
            gremium = k.gremium(g_id)
            if gremium is None:
                continue
            gesetzlich = gremium.gesetzliche_mitgliederzahl
            if gesetzlich is None and not fraktion and not go.antrag.einzelmitglied:
                continue
            try:
                recht_ok = recht.antragsrecht(
                    go,
                    gesetzliche_mitglieder=gesetzlich or 0,
                    unterstuetzer=len(d.urheber_personen),
                    fraktion=fraktion,
                )
            except ConfigError:
                continue
            if not recht_ok:
                continue
            _, erreicht = _erreichbar(k, d, g_id, eingang)
            index = 1 if go.antrag.aufnahme is Aufnahme.UEBERNAECHSTE_SITZUNG else 0
            # next-but-one rule: on the agenda of the next or the next-but-one is fine
            if index and any(_auf_tagesordnung(k, d, s) for s in erreicht):
                continue
            if len(erreicht) <= index:
                continue
            s = erreicht[index]
            if not k.tops_von.get(s.id) or _auf_tagesordnung(k, d, s):
                continue
            wer = "einer Fraktion" if fraktion else f"{len(d.urheber_personen)} Mitgliedern"
            welche = "übernächsten" if index else "nächsten erreichbaren"
            yield k.befund(
                s,
                "tagesordnung",
                f"Der Antrag {d.name or d.id!r} vom {fristen.tag_text(eingang)} "
                f"({wer}) ging fristgerecht ein, steht aber nicht auf der Tagesordnung der "
                f"{welche} Sitzung ({_sitzungsname(s)})"
                + (
                    "; Eingang nicht erfasst, Datum des Schreibens zugrunde gelegt"
                    if nur_datum
                    else ""
                ),
                severity=Severity.WARNING if nur_datum else Severity.ERROR,
                rechtsgrundlage=norm,
            )
