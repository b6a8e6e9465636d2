"""Small builders for rule tests: one Körperschaft, Gremien, Sitzungen with TOPs and votes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import kommunalrecht as kr
from kommunalrecht.model import Land

B = "https://ris.example.org/"
BODY = B + "body"
RAT = B + "gremium/rat"
AUSSCHUSS = B + "gremium/ausschuss"
FRAKTION = B + "gremium/fraktion"


def koerperschaft(
    land: Land = Land.NW, art: kr.Koerperschaftsart = kr.Koerperschaftsart.GEMEINDE
) -> kr.Koerperschaft:
    return kr.Koerperschaft(id=BODY, name="Musterstadt", land=land, art=art)


def gremien(mitglieder: int = 41) -> list[kr.Gremium]:
    return [
        kr.Gremium(
            id=RAT, name="Rat", art=kr.Gremiumart.RAT, gesetzliche_mitgliederzahl=mitglieder
        ),
        kr.Gremium(
            id=AUSSCHUSS,
            name="Ausschuss",
            art=kr.Gremiumart.AUSSCHUSS,
            gesetzliche_mitgliederzahl=15,
        ),
        kr.Gremium(id=FRAKTION, name="Fraktion A", art=kr.Gremiumart.FRAKTION),
    ]


def top(key: str, position: int | None = 0, **kw: Any) -> kr.Tagesordnungspunkt:
    return kr.Tagesordnungspunkt(
        id=B + "top/" + key,
        position=position,
        name=key,
        oeffentlich=kw.pop("oeffentlich", True),
        **kw,
    )


def sitzung(
    key: str,
    tag: dt.date,
    *,
    gremium: str = RAT,
    tops: tuple[kr.Tagesordnungspunkt, ...] | None = None,
    **kw: Any,
) -> kr.Sitzung:
    if tops is None:
        tops = (top(key + "-1"),)
    tops = tuple(t if t.sitzung else _mit_sitzung(t, B + "sitzung/" + key) for t in tops)
    kw.setdefault("ort", kr.Ort(id=B + "ort/" + key, beschreibung="Ratssaal"))
    return kr.Sitzung(
        id=B + "sitzung/" + key,
        name=f"Sitzung {key}",
        datum=tag,
        gremien=(gremium,),
        tagesordnung=tops,
        **kw,
    )


def _mit_sitzung(t: kr.Tagesordnungspunkt, sid: str) -> kr.Tagesordnungspunkt:
    import attrs

    return attrs.evolve(t, sitzung=sid)


def beschluss(ergebnis: kr.BeschlussErgebnis, **abst: Any) -> kr.Beschluss:
    return kr.Beschluss(ergebnis=ergebnis, abstimmung=kr.Abstimmung(**abst) if abst else None)


def bestand(
    *objekte: kr.Objekt,
    land: Land = Land.NW,
    art: kr.Koerperschaftsart = kr.Koerperschaftsart.GEMEINDE,
    mitglieder: int = 41,
) -> kr.Bestand:
    return kr.Bestand([koerperschaft(land, art), *gremien(mitglieder), *objekte])


def codes(findings: list[kr.Finding], *, schwer: bool = False) -> list[str]:
    """Codes of the findings (only error/warning with ``schwer``)."""
    return [f.code for f in findings if not schwer or f.severity is not kr.Severity.INFO]


def nur(code: str, b: kr.Bestand, **kw: Any) -> list[kr.Finding]:
    return kr.validate(b, regeln=[code], **kw)
