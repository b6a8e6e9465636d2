"""Rules on the Beratungsfolge of a Beschlussvorlage and on recorded resolution texts.

Sources: ``reference/kommunalrecht-regeln.md`` §2.7 and §3.2 — OParl 1.1 ``Consultation``
(``role``, ``authoritative``: the set of Consultations of a Paper *is* the Beratungsfolge) [V];
§ 50 Abs. 1 S. 2 KrO NRW (the Kreisausschuss prepares the Kreistag's resolutions) [V];
§ 41 GO NRW (Zuständigkeit of the Rat) [V via juracademy]; "Der Beschluss ergibt sich aus den
Beratungen" ⇒ no proposed text ⇒ the adopted text must be recorded (OParl
``AgendaItem.resolutionText``; Niederschrift § 52 GO NRW / § 37 KrO NRW) [V practice].
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import fristen
from ..errors import Finding, Severity
from ..model import (
    Beratung,
    Beratungsrolle,
    Beratungsstatus,
    BeschlussErgebnis,
    Beschlussvorlage,
    Land,
    Tagesordnungspunktstatus,
)
from ._kontext import Kontext
from ._registry import regel

__all__ = ["beratungsfolge_entscheidung", "beratungsfolge_reihenfolge", "beschlusstext_fehlt"]

_FOLGE = {
    Land.NW: "§ 41 GO NRW (Zuständigkeit); OParl 1.1 Consultation.authoritative",
    (Land.NW, "Kreis"): "§ 50 Abs. 1 S. 2 KrO NRW; OParl 1.1 Consultation.authoritative",
}
_FOLGE_FALLBACK = "Zuständigkeitsordnung / Hauptsatzung; OParl 1.1 Consultation.authoritative"

#: Beratungen that did not (yet) lead to a decision and may be followed by a new one.
_NICHT_ENTSCHIEDEN_STATUS = {
    Beratungsstatus.VERTAGT,
    Beratungsstatus.ZURUECKGESTELLT,
    Beratungsstatus.VERWIESEN,
    Beratungsstatus.ABGESETZT,
    Beratungsstatus.ZURUECKGEZOGEN,
}
_NICHT_ENTSCHIEDEN_ERGEBNIS = {
    BeschlussErgebnis.VERTAGT,
    BeschlussErgebnis.ZURUECKGESTELLT,
    BeschlussErgebnis.VERWIESEN,
    BeschlussErgebnis.ABGESETZT,
    BeschlussErgebnis.ZURUECKGEZOGEN,
}
_BESCHLOSSEN = {BeschlussErgebnis.UNGEAENDERT_BESCHLOSSEN, BeschlussErgebnis.GEAENDERT_BESCHLOSSEN}
_TOP_BESCHLOSSEN = {
    Tagesordnungspunktstatus.BESCHLOSSEN,
    Tagesordnungspunktstatus.GEAENDERT_BESCHLOSSEN,
}


def entscheidend(br: Beratung) -> bool:
    """Whether a Beratung is the deciding one: ``entscheidend`` if recorded, else its role."""
    if br.entscheidend is not None:
        return br.entscheidend
    return br.rolle is Beratungsrolle.ENTSCHEIDUNG


def _aktiv(br: Beratung) -> bool:
    return br.status not in _NICHT_ENTSCHIEDEN_STATUS and br.ergebnis not in (
        _NICHT_ENTSCHIEDEN_ERGEBNIS
    )


@regel(
    "BERATUNGSFOLGE_ENTSCHEIDUNG",
    Severity.ERROR,
    "Genau eine entscheidende Beratung je Beschlussvorlage",
    normen=_FOLGE,
    norm_fallback=_FOLGE_FALLBACK,
)
def beratungsfolge_entscheidung(k: Kontext) -> Iterator[Finding]:
    """A Beschlussvorlage with a Beratungsfolge has exactly one deciding Beratung
    (``entscheidend=True``, OParl ``authoritative``; when not recorded: ``rolle`` Entscheidung).

    Source: research notes §2.7 "Beratungsfolge (codeable)" rule 1 [V: OParl]; Mitteilungs-
    and Kenntnisnahmevorlagen (other ``Drucksache`` classes) may have none and are not
    checked. Beratungen that were vertagt, zurückgestellt, verwiesen, abgesetzt or zurückgezogen
    do not count (a new deciding Beratung follows them). Error for none or several. No
    finding for a Vorlage without any Beratung (the Beratungsfolge is not recorded).
    """
    for d, folge in zip(k.drucksachen, k.folgen, strict=True):
        if not isinstance(d, Beschlussvorlage):
            continue
        if not folge:
            continue
        ent = [br for br in folge if entscheidend(br) and _aktiv(br)]
        if len(ent) == 1:
            continue
        if not ent:
            text = "hat keine entscheidende Beratung"
        else:
            text = f"hat {len(ent)} entscheidende Beratungen"
        yield k.befund(
            d,
            "beratungen",
            f"Die Beschlussvorlage {d.name or d.id!r} {text}; genau ein Gremium muss entscheiden",
        )


@regel(
    "BERATUNGSFOLGE_REIHENFOLGE",
    Severity.ERROR,
    "Vorberatung vor Entscheidung",
    normen=_FOLGE,
    norm_fallback=_FOLGE_FALLBACK,
)
def beratungsfolge_reihenfolge(k: Kontext) -> Iterator[Finding]:
    """Every Vorberatung (and Anhörung) of a Drucksache takes place before its deciding
    Beratung: an Empfehlung after the decision is pointless.

    Source: research notes §2.7 rule 2 (seed: Kreisausschuss 27.09. < Kreistag 30.09.)
    [V practice]; § 50 Abs. 1 S. 2 KrO NRW [V]. The day of a Beratung is its ``datum``, else
    the day of its Sitzung. Error when a non-deciding, non-Kenntnisnahme Beratung lies after
    the (first active) deciding one. No finding when a day is unknown or both are on the same
    day (the order within a day is not recorded).
    """
    # folgetage: the day of each Beratung (Kontext.beratungstag), kept with the index
    for folge, tage in zip(k.folgen, k.folgetage, strict=True):
        if len(folge) < 2:
            continue
        erste = next((j for j, br in enumerate(folge) if entscheidend(br) and _aktiv(br)), None)
        if erste is None:  # no active deciding Beratung
            continue
        e_tag = tage[erste]
        if e_tag is None:
            continue
        for br, tag in zip(folge, tage, strict=True):
            if entscheidend(br) or br.rolle is Beratungsrolle.KENNTNISNAHME:
                continue
            if tag is None or tag <= e_tag:
                continue
            yield k.befund(
                br,
                "datum",
                f"{br.rolle.value if br.rolle else 'Beratung'} am {fristen.tag_text(tag)} "
                f"liegt nach der Entscheidung am {fristen.tag_text(e_tag)}",
            )


@regel(
    "BESCHLUSSTEXT_FEHLT",
    Severity.ERROR,
    "Beschlusstext fehlt bei offenem Beschlussvorschlag",
    schluessel="niederschrift",
    normen={Land.NW: "§ 52 GO NRW; OParl 1.1 AgendaItem.resolutionText"},
    norm_fallback="Niederschrift (GeschO); OParl 1.1 AgendaItem.resolutionText",
)
def beschlusstext_fehlt(k: Kontext) -> Iterator[Finding]:
    """A Beschlussvorlage without a proposed text (``beschlussvorschlag_offen``: "Der
    Beschluss ergibt sich aus den Beratungen") needs the adopted text recorded wherever it was
    adopted: a TOP dealing with it (``drucksache`` or via its ``beratung``) that ended
    beschlossen / geändert beschlossen (``beschluss.ergebnis`` or ``status``) must carry
    ``beschluss.text``; a Beratung of it with such an ``ergebnis`` must have such a TOP.

    Source: research notes §1, §3.2 ("an Entscheidung result 'ungeändert beschlossen' is
    invalid unless a resolution_text is recorded") [V practice]; Niederschrift § 52 GO NRW,
    § 37 KrO NRW [V]. Error per TOP / Beratung. No finding while no result is recorded (the
    seed's two Vorlagen have none yet).
    """
    offene = {
        d.id
        for d in k.drucksachen
        if isinstance(d, Beschlussvorlage) and d.beschlussvorschlag_offen
    }
    if not offene:
        return
    mit_text: set[str] = set()  # Beratungen whose TOP records the text
    for tops in k.tops_je_sitzung:
        for t in tops:
            br = k.beratungen.get(t.beratung or "")
            d_id = t.drucksache or (k.drucksache_der_beratung(br) if br is not None else None)
            if d_id not in offene:
                continue
            b = t.beschluss
            beschlossen = (b is not None and b.ergebnis in _BESCHLOSSEN) or (
                t.status in _TOP_BESCHLOSSEN
            )
            if not beschlossen:
                continue
            if b is not None and b.text and b.text.strip():
                if t.beratung:
                    mit_text.add(t.beratung)
                continue
            yield k.befund(
                t,
                "beschluss.text",
                f'Die Vorlage {d_id!r} enthält keinen Beschlussvorschlag ("ergibt sich aus den '
                'Beratungen"); der beschlossene Text ist nicht festgehalten',
            )
            if t.beratung:
                mit_text.add(t.beratung)  # reported at the TOP already
    for d_id in offene:
        for br in k.beratungen_von.get(d_id, ()):
            if br.ergebnis is None or br.ergebnis not in _BESCHLOSSEN or br.id in mit_text:
                continue
            if br.tagesordnungspunkt and br.tagesordnungspunkt in k.tops:
                t = k.tops[br.tagesordnungspunkt]
                if t.beschluss is not None and t.beschluss.text:
                    continue
            yield k.befund(
                br,
                "ergebnis",
                f"Beratung mit Ergebnis {br.ergebnis.value!r} zu einer Vorlage ohne "
                "Beschlussvorschlag, aber kein Tagesordnungspunkt mit dem beschlossenen "
                "Text",
            )
