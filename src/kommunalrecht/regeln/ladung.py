"""Rules on the Ladung (Einberufung): Ladungsfrist and the content of the Einladung.

Sources: ``reference/kommunalrecht-regeln.md`` §2.1 and §4 — § 47 Abs. 2 S. 1 GO NRW and
§ 32 Abs. 2 KrO NRW (the GeschO fixes Frist and Form) [V]; Art. 45 Abs. 2, Art. 46 Abs. 2
BayGO ("angemessene Frist", "unter Angabe der Tagesordnung") [V]; § 34 Abs. 1 GemO BW (7 days
for the Verhandlungsgegenstände since 2015) [V secondary]; § 58 Abs. 1 S. 2 HGO (at least three
days between Zugang and Sitzungstag) [V]; § 36 Abs. 3 SächsGemO [V]; § 59 NKomVG [V].
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import fristen, recht
from ..errors import Finding, Severity
from ..fristen import Zaehlung
from ..model import Land, Sitzungsstatus
from ._kontext import Kontext
from ._registry import regel

__all__ = ["einladung_inhalt", "ladungsfrist"]

_GELADEN = {
    Sitzungsstatus.EINGELADEN,
    Sitzungsstatus.EROEFFNET,
    Sitzungsstatus.UNTERBROCHEN,
    Sitzungsstatus.GESCHLOSSEN,
    Sitzungsstatus.ABGEBROCHEN,
    Sitzungsstatus.NIEDERSCHRIFT_ENTWORFEN,
    Sitzungsstatus.NIEDERSCHRIFT_UNTERZEICHNET,
    Sitzungsstatus.NIEDERSCHRIFT_GENEHMIGT,
}

_INHALT = {
    Land.NW: "§ 47 Abs. 2 S. 1, § 48 Abs. 1 S. 1 und 4 GO NRW i.V.m. GeschO",
    (Land.NW, "Kreis"): "§ 32 Abs. 2, § 33 Abs. 1 KrO NRW i.V.m. GeschO",
    Land.BY: "Art. 46 Abs. 2 S. 1 BayGO",
    Land.BW: "§ 34 Abs. 1 GemO BW",
    Land.NI: "§ 59 Abs. 1, 3 NKomVG",
    Land.HE: "§ 58 Abs. 1, 5 HGO",
    Land.SN: "§ 36 Abs. 3 SächsGemO",
}


@regel(
    "LADUNGSFRIST",
    Severity.ERROR,
    "Ladungsfrist",
    schluessel="ladung.frist",
    norm_fallback="GeschO (Ladungsfrist)",
)
def ladungsfrist(k: Kontext) -> Iterator[Finding]:
    """The Ladung must reach the members within the Ladungsfrist counted back from the
    Sitzungstag (GeschO ``ladung.frist``; ``ladung.dringlich`` for a Sitzung marked
    ``dringlich``), using :func:`kommunalrecht.recht.ladungsfrist` and, when only the date of
    the Ladung is known, its Zugang under ``ladung.zugang``
    (:func:`kommunalrecht.recht.ladung_zugang`).

    Norm: § 47 Abs. 2 S. 1 GO NRW / § 32 Abs. 2 KrO NRW: the GeschO fixes the Frist [V];
    § 58 Abs. 1 S. 2 HGO: ≥ 3 days [V]; § 34 Abs. 1 GemO BW: 7 days [V secondary]; BY, SN,
    NI: "angemessen", GeschO [G]. Error when the Frist is missed (the message carries the
    steps of the count). Not checkable (info): a Sitzung whose status says it was convened but
    whose Ladung date is unknown; a day count in Werktage without a known Land. No finding for
    a Sitzung without Ladung data and without such a status, or without a known day.
    """
    go = k.go
    if go is None:
        return
    for s in k.sitzungen:
        if s.abgesagt:
            continue
        tag = s.tag
        if tag is None:
            continue
        if s.einladung_zugang is None and s.einladungsdatum is None:
            if s.status in _GELADEN:
                yield k.nicht_pruefbar(
                    s, "einladungsdatum", "die Sitzung ist eingeladen, das Datum der Ladung fehlt"
                )
            continue
        dringlich = bool(s.dringlich)
        schl = "ladung.dringlich" if dringlich else "ladung.frist"
        regel_ = go.ladung.dringlich if dringlich else go.ladung.frist
        land = k.frist_land(regel_)
        if land is None:
            yield k.nicht_pruefbar(s, "einladungsdatum", "Werktage zählen, aber das Land fehlt")
            continue
        norm = k.norm(schl) if k.profil is not None else k.norm()
        if s.einladung_zugang is not None:
            zugang = s.einladung_zugang
            feld = "einladung_zugang"
            zugang_text = f"Zugang der Ladung am {fristen.tag_text(zugang)}"
        else:
            assert s.einladungsdatum is not None
            z = recht.ladung_zugang(go, s.einladungsdatum, land=land)
            zugang = z.datum
            feld = "einladungsdatum"
            zugang_text = (
                f"Ladung vom {fristen.tag_text(s.einladungsdatum)}, Zugang "
                f"({go.ladung.zugang.art.value}) am {fristen.tag_text(zugang)}"
            )
        frist = recht.ladungsfrist(go, tag, land=land, dringlich=dringlich, rechtsgrundlage=norm)
        if frist.erfuellt_durch(zugang):
            continue
        einheit = "Werktage" if regel_.werktage else "Kalendertage"
        voll = "volle " if regel_.zaehlung is Zaehlung.VOLLE_TAGE else ""
        verkuerzt = " (verkürzte Frist bei Dringlichkeit)" if dringlich else ""
        yield k.befund(
            s,
            feld,
            f"Ladungsfrist nicht eingehalten{verkuerzt}: {zugang_text}; erforderlich "
            f"spätestens {fristen.tag_text(frist.datum)} ({regel_.tage} {voll}{einheit} vor "
            f"dem Sitzungstag {fristen.tag_text(tag)}, GeschO {schl}). Berechnung: "
            + " | ".join(frist.schritte),
            rechtsgrundlage=norm,
        )


@regel(
    "EINLADUNG_INHALT",
    Severity.WARNING,
    "Inhalt der Einladung: Zeit, Ort, Tagesordnung",
    normen=_INHALT,
    norm_fallback="GeschO (Form der Einladung)",
)
def einladung_inhalt(k: Kontext) -> Iterator[Finding]:
    """A Ladung states Zeit (day and time), Ort and Tagesordnung of the Sitzung.

    Norm: NRW GeschO practice, public notice of Zeit, Ort, TO § 48 Abs. 1 S. 4 GO NRW /
    § 33 Abs. 1 KrO NRW [V]; Art. 46 Abs. 2 S. 1 BayGO "unter Angabe der Tagesordnung" [V];
    § 34 Abs. 1 GemO BW, § 36 Abs. 3 SächsGemO: Verhandlungsgegenstände [V]; § 58 HGO [V].

    Checked for every Sitzung with a Ladung on record (Ladung date, Zugang, Einladung
    document, or a status from "eingeladen" on). Warning when the record has no meeting day,
    no Ort or an empty Tagesordnung. When the day is known but not the time (the model keeps
    a day-only Sitzung, DESIGN "a fact the source does not give stays unknown"), the rule
    cannot tell whether the Ladung omitted the time or the record did: **info** "nicht
    prüfbar". This is the seed case: the Einladung of 04.11.2021 refers to the
    "Sitzungsbeginn" but the extract in the bundle does not show the hour.
    """
    for s, tops in zip(k.sitzungen, k.tops_je_sitzung, strict=True):
        if s.abgesagt:
            continue
        geladen = (
            s.einladungsdatum is not None
            or s.einladung_zugang is not None
            or s.einladung is not None
            or s.status in _GELADEN
        )
        if not geladen:
            continue
        fehlt: list[str] = []
        if s.tag is None:
            fehlt.append("Sitzungstag")
        if s.ort is None:
            fehlt.append("Sitzungsort")
        if not tops:
            fehlt.append("Tagesordnung")
        if fehlt:
            feld = {"Sitzungstag": "datum", "Sitzungsort": "ort", "Tagesordnung": "tagesordnung"}[
                fehlt[0]
            ]
            yield k.befund(
                s,
                feld,
                "Die Einladung muss Zeit, Ort und Tagesordnung angeben; im Datensatz fehlt: "
                + ", ".join(fehlt),
            )
        if s.tag is not None and s.beginn is None:
            yield k.nicht_pruefbar(
                s,
                "beginn",
                f"die Uhrzeit der Sitzung am {fristen.tag_text(s.tag)} ist im Datensatz nicht "
                "angegeben; ob die Einladung sie nannte, ist nicht belegt",
            )
