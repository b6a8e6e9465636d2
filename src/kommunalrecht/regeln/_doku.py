"""The rule table of ``docs/recht/regeln.md``, generated from the registry."""

from __future__ import annotations

from ._registry import SPALTEN, alle

__all__ = ["tabelle"]

BEGINN = "<!-- regeln:tabelle:beginn (generiert: kommunalrecht.regeln.tabelle()) -->"
ENDE = "<!-- regeln:tabelle:ende -->"


def _zelle(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def tabelle() -> str:
    """A Markdown table: every rule code, severity, title and its norm per Land profile
    (with the confidence tag where the norm comes from a profile), between marker comments.

    >>> from kommunalrecht import regeln
    >>> t = regeln.tabelle()
    >>> all(r.code in t for r in regeln.alle())
    True
    """
    kopf = ["Code", "Schwere", "Thema", "Regel", *(name for name, _, _ in SPALTEN)]
    zeilen = [
        "| " + " | ".join(kopf) + " |",
        "|" + "---|" * len(kopf),
    ]
    for r in alle():
        normen = [r.norm_text(land, art) for _, land, art in SPALTEN]
        zeilen.append(
            "| "
            + " | ".join(
                _zelle(x) for x in (f"`{r.code}`", r.severity.value, r.thema, r.titel, *normen)
            )
            + " |"
        )
    return "\n".join([BEGINN, "", *zeilen, "", ENDE])
