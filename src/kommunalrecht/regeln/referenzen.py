"""Rules on the Bestand itself: dangling references, and which law could be applied.

``REFERENZ_UNAUFGELOEST`` reuses :meth:`kommunalrecht.Bestand.referenzen_pruefen` (OParl 1.1
§2.3: objects refer to each other by URL). ``RECHTSPROFIL`` says when no Land profile and no
Geschäftsordnung was available, so the legal rules could not run.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Finding, Severity
from ._kontext import Kontext
from ._registry import regel

__all__ = ["rechtsprofil", "referenz_unaufgeloest"]


@regel(
    "REFERENZ_UNAUFGELOEST",
    Severity.ERROR,
    "Verweis ins Leere",
    norm_fallback="OParl 1.1 §2.3 (URLs als Verweise)",
    nur_bestand=True,
)
def referenz_unaufgeloest(k: Kontext) -> Iterator[Finding]:
    """Every reference (id) resolves to an object of the right class in the Bestand
    (:meth:`kommunalrecht.Bestand.referenzen_pruefen`): **warning** for an id not in the
    Bestand (it may exist elsewhere), **error** for an id of the wrong class.

    Source: OParl 1.1 §2.3. Runs only when a Bestand (or a collection of objects) is
    validated — a single object's references naturally point outside it.
    """
    yield from k.bestand.referenzen_pruefen()


@regel(
    "RECHTSPROFIL",
    Severity.INFO,
    "Anwendbares Recht nicht bestimmbar",
    norm_fallback="—",
)
def rechtsprofil(k: Kontext) -> Iterator[Finding]:
    """Info when neither a Geschäftsordnung was given nor a Land profile could be derived
    (no Körperschaft with ``land`` in the Bestand, or a Land / Körperschaftsart without a
    profile in :func:`kommunalrecht.recht.profil`): the rules that need the law
    (Fristen, quorum, majority …) then report nothing.
    """
    if k.go is not None:
        return
    if k.land is None:
        grund = "kein Land bekannt (keine Körperschaft mit Land im Bestand, kein land=)"
    else:
        art = k.art.value if k.art is not None else "Gemeinde"
        grund = f"für {k.land.value} / {art} gibt es kein Landesprofil"
    yield Finding(
        code="RECHTSPROFIL",
        severity=Severity.INFO,
        message=f"Rechtliche Regeln nicht geprüft: {grund}; bitte land= oder go= angeben",
        path="$",
        rechtsgrundlage=None,
    )
