"""Mermaid state diagrams generated from the transition tables.

``python -m kommunalrecht.verfahren.diagramme docs/verfahren`` writes one Markdown page per
kind (``<art>.md``); a test asserts the committed pages equal :func:`seite`'s output, so the
docs cannot disagree with the code.

>>> from kommunalrecht.verfahren import DRINGLICHKEIT
>>> print(mermaid(DRINGLICHKEIT))
stateDiagram-v2
    state "zur Genehmigung vorgelegt" as vorgelegt
    state "zur Kenntnis genommen" as zur_kenntnis_genommen
    [*] --> angefordert
    angefordert --> getroffen: treffen
    getroffen --> vorgelegt: vorlegen
    vorgelegt --> genehmigt: genehmigen
    vorgelegt --> aufgehoben: aufheben
    vorgelegt --> zur_kenntnis_genommen: kenntnis_nehmen
    genehmigt --> [*]
    aufgehoben --> [*]
    zur_kenntnis_genommen --> [*]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from ._tabelle import Automat
from .antrag import ANTRAG
from .beratung import BERATUNG
from .dringlichkeit import DRINGLICHKEIT
from .sitzung import SITZUNG
from .tagesordnungspunkt import TOP
from .vorlage import VORLAGE

__all__ = ["AUTOMATEN", "mermaid", "schreiben", "seite"]

#: Every state machine, keyed by the file stem of its docs page.
AUTOMATEN: dict[str, Automat[Any, Any]] = {
    "antrag": ANTRAG,
    "beschlussvorlage": VORLAGE,
    "beratung": BERATUNG,
    "sitzung": SITZUNG,
    "tagesordnungspunkt": TOP,
    "dringlichkeitsentscheidung": DRINGLICHKEIT,
}


def _knoten(zustand: Any) -> str:
    return re.sub(r"\W", "_", zustand.name.lower())


def mermaid(automat: Automat[Any, Any]) -> str:
    """The Mermaid ``stateDiagram-v2`` source of ``automat`` (states labelled with their RIS
    values, edges with the event names; final states lead to ``[*]``).

    >>> from kommunalrecht.verfahren import SITZUNG
    >>> "eingeladen --> eroeffnet: eroeffnen" in mermaid(SITZUNG)
    True
    """
    zeilen = ["stateDiagram-v2"]
    for z in automat.tabelle:
        if _knoten(z) != z.value:
            zeilen.append(f'    state "{z.value}" as {_knoten(z)}')
    zeilen.append(f"    [*] --> {_knoten(automat.anfang)}")
    for von, zeile in automat.tabelle.items():
        for ev, nach in zeile.items():
            zeilen.append(f"    {_knoten(von)} --> {_knoten(nach)}: {ev.value}")
        if not zeile:
            zeilen.append(f"    {_knoten(von)} --> [*]")
    return "\n".join(zeilen)


def seite(automat: Automat[Any, Any]) -> str:
    """A Markdown (MyST) page with the diagram and the table as a list.

    >>> from kommunalrecht.verfahren import BERATUNG
    >>> seite(BERATUNG).splitlines()[0]
    '# Zustände: Beratung'
    """
    zeilen = [
        f"# Zustände: {automat.art}",
        "",
        "<!-- generiert von `python -m kommunalrecht.verfahren.diagramme docs/verfahren`;"
        " nicht von Hand ändern -->",
        "",
        f"Anfangszustand: **{automat.anfang.value}**. Ereignisse: "
        + ", ".join(f"`{e.value}`" for e in automat.ereignisse)
        + ".",
        "",
        "```mermaid",
        mermaid(automat),
        "```",
        "",
        "| Zustand | Ereignis | neuer Zustand |",
        "|---|---|---|",
    ]
    for von, zeile in automat.tabelle.items():
        if not zeile:
            zeilen.append(f"| {von.value} | — (Endzustand) | |")
        for ev, nach in zeile.items():
            zeilen.append(f"| {von.value} | `{ev.value}` | {nach.value} |")
    return "\n".join(zeilen) + "\n"


def schreiben(verzeichnis: str | Path) -> list[Path]:
    """Write every page into ``verzeichnis``; the paths written.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     [p.name for p in schreiben(d)][:2]
    ['antrag.md', 'beschlussvorlage.md']
    """
    ziel = Path(verzeichnis)
    ziel.mkdir(parents=True, exist_ok=True)
    pfade = []
    for name, automat in AUTOMATEN.items():
        p = ziel / f"{name}.md"
        p.write_text(seite(automat), encoding="utf-8")
        pfade.append(p)
    return pfade


if __name__ == "__main__":  # pragma: no cover
    for pfad in schreiben(sys.argv[1] if len(sys.argv) > 1 else "docs/verfahren"):
        print(pfad)
