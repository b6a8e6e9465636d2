"""Rule on the Öffentlichkeit of agenda items.

Sources: ``reference/kommunalrecht-regeln.md`` §2.3 — § 48 Abs. 2 GO NRW, § 33 KrO NRW: the
GeschO may exclude *categories* of matters; single matters by resolution [M]; Art. 52 BayGO
[V]; § 35 GemO BW [M]; § 64 NKomVG [M]; § 52 HGO [M]; § 37 Abs. 1 SächsGemO [V]. A violation
makes the resolution invalid (BY per BayVGH; NRW doctrine) [V secondary].
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Finding, Severity
from ..model import Land
from ._kontext import Kontext
from ._registry import regel

__all__ = ["AUSSCHLUSS_DURCH_BESCHLUSS", "oeffentlichkeit"]

#: ``nichtoeffentlich_grund`` value for an exclusion decided by resolution in the single case.
AUSSCHLUSS_DURCH_BESCHLUSS = "beschluss"

_NORMEN = {
    Land.NW: "§ 48 Abs. 2 GO NRW i.V.m. GeschO",
    (Land.NW, "Kreis"): "§ 33 Abs. 2 KrO NRW i.V.m. GeschO",
    Land.BY: "Art. 52 Abs. 2 BayGO",
    Land.BW: "§ 35 Abs. 1 GemO BW",
    Land.NI: "§ 64 NKomVG",
    Land.HE: "§ 52 Abs. 1 HGO",
    Land.SN: "§ 37 Abs. 1 SächsGemO",
}


@regel(
    "OEFFENTLICHKEIT",
    Severity.ERROR,
    "Nichtöffentliche Behandlung nur mit Grund",
    normen=_NORMEN,
    norm_fallback="GeschO (Öffentlichkeit)",
)
def oeffentlichkeit(k: Kontext) -> Iterator[Finding]:
    """A TOP treated non-publicly (``oeffentlich=False``) needs a reason: a category of the
    GeschO catalogue ``oeffentlichkeit.nichtoeffentlich`` (e.g. personal, liegenschaften,
    vergaben) or ``"beschluss"`` (exclusion by resolution in the single case), recorded in
    ``nichtoeffentlich_grund``.

    Norm: NRW § 48 Abs. 2 GO / § 33 KrO [M]; BY Art. 52 [V]; BW § 35 [M]; SN § 37 [V]; HE
    § 52, NI § 64 [M]. **Error** when the recorded reason is not in a non-empty catalogue;
    **warning** when no reason is recorded (the exclusion may rest on an unrecorded
    resolution). Comparison ignores case and surrounding blanks. Public TOPs and TOPs whose
    Öffentlichkeit is unknown are not checked.
    """
    go = k.go
    katalog = {c.strip().casefold() for c in go.oeffentlichkeit.nichtoeffentlich} if go else set()
    for tops in k.tops_je_sitzung:
        for t in tops:
            if t.oeffentlich is not False:
                continue
            grund = (t.nichtoeffentlich_grund or "").strip()
            if not grund:
                yield k.befund(
                    t,
                    "nichtoeffentlich_grund",
                    "Nichtöffentlicher Tagesordnungspunkt ohne erfassten Grund (Kategorie der "
                    "Geschäftsordnung oder Ausschlussbeschluss)",
                    severity=Severity.WARNING,
                )
                continue
            g = grund.casefold()
            if g == AUSSCHLUSS_DURCH_BESCHLUSS or not katalog or g in katalog:
                continue
            yield k.befund(
                t,
                "nichtoeffentlich_grund",
                f"Grund {grund!r} steht nicht im Katalog der Geschäftsordnung ("
                + ", ".join(sorted(katalog))
                + ") und ist kein Ausschlussbeschluss",
            )
