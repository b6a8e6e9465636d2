"""Rule on Dringlichkeitsentscheidungen: submission to the competent body's next meeting.

Sources: ``reference/kommunalrecht-regeln.md`` §2.7 and §3.4 — § 60 Abs. 1 GO NRW: the
Dringlichkeitsentscheidung is submitted to the Rat **in its next meeting for Genehmigung** [V];
§ 50 Abs. 3 KrO NRW (Kreisausschuss / Landrat + member, Genehmigung by the Kreistag) [V in
practice, S. 2 M, !]; BY Art. 37 Abs. 3 BayGO, BW § 43 Abs. 4 GemO, NI § 89 NKomVG: the
council is only informed (Kenntnisgabe) [V]; HE: no Eilentscheidung instead of the
Gemeindevertretung outside § 51a HGO (28.03.2020-31.03.2021) [V/M].
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import Any

from .. import fristen
from .. import model as _model
from ..errors import Finding, Severity
from ..model import Sitzung, Sitzungsstatus
from ..recht import Nachbehandlung
from ._kontext import Kontext
from ._registry import regel

__all__ = ["dringlichkeit_genehmigung"]

#: The model class (added by the procedure work; the rule is inert without it).
_DE: Any = getattr(_model, "Dringlichkeitsentscheidung", None)
_DS: Any = getattr(_model, "Dringlichkeitsstatus", None)

_STATTGEFUNDEN = {
    Sitzungsstatus.EROEFFNET,
    Sitzungsstatus.UNTERBROCHEN,
    Sitzungsstatus.GESCHLOSSEN,
    Sitzungsstatus.ABGEBROCHEN,
    Sitzungsstatus.NIEDERSCHRIFT_ENTWORFEN,
    Sitzungsstatus.NIEDERSCHRIFT_UNTERZEICHNET,
    Sitzungsstatus.NIEDERSCHRIFT_GENEHMIGT,
}


def _stattgefunden(s: Sitzung) -> bool:
    return s.status in _STATTGEFUNDEN or (s.tag is not None and s.tag < _dt.date.today())


@regel(
    "DRINGLICHKEIT_GENEHMIGUNG",
    Severity.ERROR,
    "Dringlichkeitsentscheidung in der nächsten Sitzung vorgelegt",
    schluessel="dringlichkeit",
    norm_fallback="§ 60 Abs. 1 GO NRW",
)
def dringlichkeit_genehmigung(k: Kontext) -> Iterator[Finding]:
    """A :class:`~kommunalrecht.model.Dringlichkeitsentscheidung` is submitted to the
    competent body (``zustaendiges_gremium``) in its **next** meeting after ``datum``: for
    Genehmigung where the Land requires it (NRW § 60 Abs. 1 GO [V], § 50 Abs. 3 KrO [!]) —
    error; for Kenntnisgabe where the council is only informed (BY Art. 37 Abs. 3, BW § 43
    Abs. 4, NI § 89 [V]) — warning. "Submitted in" is ``sitzung``, else the first meeting of
    that body whose agenda deals with the decision's ``drucksache``.

    Findings: not submitted although the next meeting has taken place (status from
    "eröffnet" on, or its day is past); submitted only to a later meeting; under the
    Genehmigung regime only "zur Kenntnis genommen"; in a Land without any Eilentscheidung
    instead of the council (HE outside § 51a HGO) — error. No finding without a Land
    profile, without ``datum`` / ``zustaendiges_gremium``, or while the next meeting is ahead.
    """
    if _DE is None or k.profil is None:
        return
    regel_ = k.profil.dringlichkeit
    norm = k.norm("dringlichkeit")
    schwere = (
        Severity.ERROR if regel_.nachbehandlung is Nachbehandlung.GENEHMIGUNG else Severity.WARNING
    )
    was = "zur Genehmigung" if schwere is Severity.ERROR else "zur Kenntnis"
    entscheidungen = [de for de in k.andere if isinstance(de, _DE)]
    if not entscheidungen:
        return
    behandelt_in: dict[str, list[Sitzung]] = {}  # Drucksache id -> Sitzungen dealing with it
    for s_id, ds in k.drucksachen_in.items():
        s = k.sitzung(s_id)
        if s is not None:
            for d_id in ds:
                behandelt_in.setdefault(d_id, []).append(s)
    for de in entscheidungen:
        if regel_.nachbehandlung is Nachbehandlung.NICHT_VORGESEHEN:
            yield k.befund(
                de,
                "",
                "Eine Eilentscheidung anstelle der Vertretung ist nach dem Landesrecht nicht "
                "vorgesehen",
                rechtsgrundlage=norm,
            )
            continue
        if (
            _DS is not None
            and regel_.nachbehandlung is Nachbehandlung.GENEHMIGUNG
            and de.status is _DS.ZUR_KENNTNIS_GENOMMEN
        ):
            yield k.befund(
                de,
                "status",
                "Die Dringlichkeitsentscheidung wurde nur zur Kenntnis genommen; sie bedarf der "
                "Genehmigung",
                rechtsgrundlage=norm,
            )
        datum, zust = de.datum, de.zustaendiges_gremium
        if datum is None or zust is None:
            continue
        naechste = next(k.sitzungen_von(zust, nach=datum), None)
        if naechste is None:
            continue
        vorgelegt = k.sitzung(de.sitzung)
        if vorgelegt is None and de.drucksache is not None:
            kandidaten = [
                s
                for s in behandelt_in.get(de.drucksache, ())
                if zust in s.gremien and s.tag is not None and s.tag > datum and not s.abgesagt
            ]
            vorgelegt = min(kandidaten, key=lambda s: (s.tag, s.id), default=None)
        tag = fristen.tag_text(naechste.tag) if naechste.tag else "?"
        if vorgelegt is None:
            if _stattgefunden(naechste):
                yield k.befund(
                    de,
                    "sitzung",
                    f"Die Dringlichkeitsentscheidung vom {fristen.tag_text(datum)} wurde nicht "
                    f"in der nächsten Sitzung ({naechste.name or naechste.id} am {tag}) {was} "
                    "vorgelegt",
                    severity=schwere,
                    rechtsgrundlage=norm,
                )
        elif vorgelegt.id != naechste.id and (
            vorgelegt.tag is None or naechste.tag is None or vorgelegt.tag > naechste.tag
        ):
            yield k.befund(
                de,
                "sitzung",
                f"Die Dringlichkeitsentscheidung vom {fristen.tag_text(datum)} wurde nicht in der "
                f"nächsten Sitzung am {tag}, sondern später {was} vorgelegt",
                severity=schwere,
                rechtsgrundlage=norm,
            )
