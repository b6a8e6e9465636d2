"""Rule on the signatures of the Niederschrift.

Sources: ``reference/kommunalrecht-regeln.md`` §2.8 — § 52 GO NRW (Bürgermeister and the
Schriftführer appointed by the Rat; Absatz uncertain [!]) [V secondary]; § 37 KrO NRW (Landrat
/ committee chair and Schriftführer) [V]; Art. 54 BayGO [V]; § 38 Abs. 2 GemO BW (chair, two
Gemeinderäte, Schriftführer) [M]; § 61 Abs. 2 HGO [V]; § 40 Abs. 2 S. 1 SächsGemO [V]; NI:
GeschO [G].
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Finding, Severity
from ..model import Sitzungsstatus
from ..recht import Unterzeichner
from ._kontext import Kontext
from ._registry import regel

__all__ = ["niederschrift_unterzeichnung"]

_UNTERZEICHNET = {
    Sitzungsstatus.NIEDERSCHRIFT_UNTERZEICHNET,
    Sitzungsstatus.NIEDERSCHRIFT_GENEHMIGT,
}


@regel(
    "NIEDERSCHRIFT_UNTERZEICHNUNG",
    Severity.ERROR,
    "Unterzeichnung der Niederschrift",
    schluessel="niederschrift.unterzeichner",
    norm_fallback="GeschO (Niederschrift)",
)
def niederschrift_unterzeichnung(k: Kontext) -> Iterator[Finding]:
    """A Niederschrift that is signed (Sitzung status "Niederschrift unterzeichnet" /
    "genehmigt") or published (``ergebnisprotokoll``) has the signers the law / GeschO
    requires (``niederschrift.unterzeichner``): the chair (``Sitzung.vorsitz``) and the
    Schriftführer (``Sitzung.schriftfuehrung``) must be recorded and be two different people.

    Norm: § 52 GO NRW [V secondary, Absatz !], § 37 KrO NRW [V], Art. 54 BayGO [V], § 61 HGO
    [V], § 40 SächsGemO [V], § 38 GemO BW [M]. Error for a missing chair or Schriftführer, or
    one person in both roles. Signatures of members (BW, SN: two Gemeinderäte) are not part of
    the model → info "nicht prüfbar".
    """
    go = k.go
    if go is None:
        return
    noetig = go.niederschrift.unterzeichner
    for s in k.sitzungen:
        if s.status not in _UNTERZEICHNET and s.ergebnisprotokoll is None:
            continue
        fehlt = []
        if Unterzeichner.VORSITZ in noetig and not s.vorsitz:
            fehlt.append(("vorsitz", "Vorsitz"))
        if Unterzeichner.SCHRIFTFUEHRER in noetig and not s.schriftfuehrung:
            fehlt.append(("schriftfuehrung", "Schriftführung"))
        for feld, wer in fehlt:
            yield k.befund(
                s,
                feld,
                f"Die Niederschrift ist von {wer} zu unterzeichnen; im Datensatz ist keine "
                f"Person für {wer} erfasst",
            )
        if (
            Unterzeichner.VORSITZ in noetig
            and Unterzeichner.SCHRIFTFUEHRER in noetig
            and s.vorsitz
            and s.vorsitz == s.schriftfuehrung
        ):
            yield k.befund(
                s,
                "schriftfuehrung",
                "Vorsitz und Schriftführung sind dieselbe Person; die Niederschrift braucht "
                "zwei Unterschriften",
            )
        if Unterzeichner.ZWEI_MITGLIEDER in noetig or Unterzeichner.EIN_MITGLIED in noetig:
            yield k.nicht_pruefbar(
                s,
                "ergebnisprotokoll",
                "die Unterschriften der Mitglieder unter der Niederschrift sind im Modell nicht "
                "erfasst",
            )
