"""OEFFENTLICHKEIT and NIEDERSCHRIFT_UNTERZEICHNUNG."""

from __future__ import annotations

import datetime as dt

import kommunalrecht as kr
from kommunalrecht.model import Land

from ._bau import B, bestand, nur, sitzung, top

TAG = dt.date(2021, 11, 16)
GO = kr.Geschaeftsordnung.from_dict(
    {"oeffentlichkeit": {"nichtoeffentlich": ["personal", "vergaben"]}}
)


def _nö(grund: str | None, land: Land = Land.NW) -> kr.Bestand:
    return bestand(
        sitzung("s", TAG, tops=(top("a", oeffentlich=False, nichtoeffentlich_grund=grund),)),
        land=land,
    )


def test_oeffentlichkeit() -> None:
    assert nur("OEFFENTLICHKEIT", _nö("Personal "), go=GO) == []
    assert nur("OEFFENTLICHKEIT", _nö("beschluss"), go=GO) == []
    (f,) = nur("OEFFENTLICHKEIT", _nö("Grundstücke"), go=GO)
    assert f.severity is kr.Severity.ERROR and "personal, vergaben" in f.message
    assert f.rechtsgrundlage == "§ 48 Abs. 2 GO NRW i.V.m. GeschO"
    (f,) = nur("OEFFENTLICHKEIT", _nö(None), go=GO)
    assert (
        f.severity is kr.Severity.WARNING and f.path == "$.tagesordnung[0].nichtoeffentlich_grund"
    )
    # empty catalogue: any recorded reason is accepted; public TOPs never checked
    assert nur("OEFFENTLICHKEIT", _nö("Grundstücke")) == []
    assert nur("OEFFENTLICHKEIT", bestand(sitzung("s", TAG)), go=GO) == []
    assert nur("OEFFENTLICHKEIT", _nö(None, Land.BY))[0].rechtsgrundlage == "Art. 52 Abs. 2 BayGO"


P = B + "person/"


def _protokoll(vorsitz: str | None, schrift: str | None, land: Land = Land.NW) -> kr.Bestand:
    s = sitzung(
        "s",
        TAG,
        vorsitz=vorsitz,
        schriftfuehrung=schrift,
        status=kr.Sitzungsstatus.NIEDERSCHRIFT_UNTERZEICHNET,
    )
    return bestand(s, land=land)


def test_niederschrift_unterzeichnung() -> None:
    assert nur("NIEDERSCHRIFT_UNTERZEICHNUNG", _protokoll(P + "a", P + "b")) == []
    (f,) = nur("NIEDERSCHRIFT_UNTERZEICHNUNG", _protokoll(P + "a", None))
    assert f.path == "$.schriftfuehrung" and f.severity is kr.Severity.ERROR
    assert f.rechtsgrundlage == "§ 52 GO NRW"
    kreis = nur(
        "NIEDERSCHRIFT_UNTERZEICHNUNG",
        bestand(
            sitzung("s", TAG, status=kr.Sitzungsstatus.NIEDERSCHRIFT_GENEHMIGT),
            art=kr.Koerperschaftsart.KREIS,
        ),
    )
    assert [f.path for f in kreis] == ["$.vorsitz", "$.schriftfuehrung"]
    assert kreis[0].rechtsgrundlage == "§ 37 KrO NRW"
    (f,) = nur("NIEDERSCHRIFT_UNTERZEICHNUNG", _protokoll(P + "a", P + "a"))
    assert "dieselbe Person" in f.message
    # not yet signed: nothing to check
    assert nur("NIEDERSCHRIFT_UNTERZEICHNUNG", bestand(sitzung("s", TAG))) == []


def test_niederschrift_members_as_signers_not_checkable_sn() -> None:
    (f,) = nur("NIEDERSCHRIFT_UNTERZEICHNUNG", _protokoll(P + "a", P + "b", Land.SN))
    assert f.severity is kr.Severity.INFO and f.rechtsgrundlage == "§ 40 Abs. 2 S. 1 SächsGemO"
    protokoll = kr.Datei(id=B + "datei/p")
    ohne = bestand(sitzung("s", TAG, ergebnisprotokoll=protokoll, vorsitz=P + "a"))
    assert [f.path for f in nur("NIEDERSCHRIFT_UNTERZEICHNUNG", ohne)] == ["$.schriftfuehrung"]
