"""The seed bundle, end to end: dates, names, roles, Beratungsfolge, the TOP, and no text lost."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

import kommunalrecht as kr
from kommunalrecht.beispiele.rhein_sieg_2021 import ID, bestand, dokumente

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "seed" / "sitzungsunterlagen-rhein-sieg-kreis-2021.txt"


@pytest.fixture(scope="module")
def b() -> kr.Bestand:
    return bestand()


def _norm(text: str) -> str:
    return " ".join(text.split())


def test_koerperschaft(b: kr.Bestand) -> None:
    body = b[ID["body"]]
    assert isinstance(body, kr.Koerperschaft)
    assert body.name == "Rhein-Sieg-Kreis"
    assert body.land is kr.Land.NW
    assert body.art is kr.Koerperschaftsart.KREIS
    assert body.ags is None  # not stated in the documents


def test_gremien(b: kr.Bestand) -> None:
    g = {x.name: x for x in b.alle(kr.Gremium)}
    assert g["Kreistag"].art is kr.Gremiumart.KREISTAG
    assert g["Kreisausschuss"].art is kr.Gremiumart.KREISAUSSCHUSS
    assert g["Ausschuss für Soziales und Integration"].art is kr.Gremiumart.AUSSCHUSS
    assert g["SPD-Kreistagsfraktion"].art is kr.Gremiumart.FRAKTION
    assert (g["Ausländerbehörde"].kennung, g["Ausländerbehörde"].art) == (
        "30.2",
        kr.Gremiumart.VERWALTUNGSEINHEIT,
    )
    assert g["Kommunales Integrationszentrum -KI-"].kennung == "2-07"


def test_persons_and_roles(b: kr.Bestand) -> None:
    ruiters = b[ID["person/ruiters"]]
    klein = b[ID["person/klein"]]
    schuster = b[ID["person/schuster"]]
    assert isinstance(ruiters, kr.Person) and isinstance(klein, kr.Person)
    assert isinstance(schuster, kr.Person)
    assert [(m.rolle, m.funktion, m.gremium) for m in ruiters.mitgliedschaften] == [
        ("Vorsitzende", kr.Funktion.VORSITZ, ID["gremium/asi"])
    ]
    assert [(m.rolle, m.funktion) for m in klein.mitgliedschaften] == [
        ("Schriftführerin", kr.Funktion.SCHRIFTFUEHRUNG)
    ]
    assert schuster.funktionen == ("Landrat des Rhein-Sieg-Kreises",)
    names = {p.name for p in b.alle(kr.Person)}
    assert {
        "Denis Waldästl",
        "Dietmar Tendler",
        "Anna Peters",
        "Katja Ruiters",
        "Nadine Klein",
        "Sebastian Schuster",
        "Herr Liermann",
        "Frau Dr. Neugebauer",
        "Frau Gauß",
    } <= names
    assert len(names) == 24
    liermann = b[ID["person/liermann"]]
    assert isinstance(liermann, kr.Person)
    assert liermann.funktionen == ("Leiter des Kreissozialamtes",)


def test_antraege(b: kr.Bestand) -> None:
    a1 = b[ID["drucksache/antrag-2021-09-10"]]
    a2 = b[ID["drucksache/antrag-2021-09-28"]]
    assert isinstance(a1, kr.Antrag) and isinstance(a2, kr.Antrag)
    assert (a1.datum, a2.datum) == (dt.date(2021, 9, 10), dt.date(2021, 9, 28))
    assert a1.urheber_gremien == a2.urheber_gremien == (ID["gremium/spd-fraktion"],)
    assert a1.urheber_personen == (
        ID["person/waldaestl"],
        ID["person/tendler"],
        ID["person/peters"],
        ID["person/ruiters"],
    )
    assert a2.urheber_personen == (
        ID["person/waldaestl"],
        ID["person/peters"],
        ID["person/ruiters"],
    )
    assert a1.zielgremien == (ID["gremium/kreisausschuss"], ID["gremium/kreistag"])
    assert a2.zielgremien == (ID["gremium/asi"],)
    assert a1.beschlussvorschlag is not None
    assert a1.beschlussvorschlag.startswith("„Die Kreisverwaltung wird ein Konzept erarbeiten")
    assert a2.beschlussvorschlag is not None
    assert a2.beschlussvorschlag.startswith("1.) Die Lenkungsgruppe KIM wird zeitnah einberufen.")
    assert "2.) Ein Vertreter oder eine Vertreterin der Arge" in a2.beschlussvorschlag
    assert a1.begruendung is not None and a1.begruendung.startswith("In den vergangenen Monaten")
    assert a1.begruendung.endswith("mit Blick auf Sprache, Arbeit und Wohnen vorbereiten können.")
    assert a2.begruendung is not None
    assert a2.begruendung.startswith("Die Lenkungsgruppe KIM soll als mögliches Korrektiv")


def _section(raw: str, start: int, end: int) -> str:
    return "\n".join(raw.splitlines()[start - 1 : end])


@pytest.mark.parametrize(
    ("key", "lines"),
    [
        ("drucksache/antrag-2021-09-10", (40, 102)),
        ("drucksache/antrag-2021-09-28", (382, 418)),
        ("drucksache/vorlage-30.2-2021-09-21", (103, 280)),
        ("drucksache/vorlage-2-07", (281, 381)),
    ],
)
def test_no_text_of_the_documents_is_lost(b: kr.Bestand, key: str, lines: tuple[int, int]) -> None:
    raw = SEED.read_text("utf-8")
    d = b[ID[key]]
    assert isinstance(d, kr.Drucksache)
    assert d.text is not None
    # verbatim document text: every character of the seed section except layout whitespace
    assert _norm(d.text) == _norm(_section(raw, *lines))
    # and every word of the structured parts occurs in the document in order
    parts = [
        p
        for p in (
            getattr(d, "anliegen", None),
            d.beschlussvorschlag,
            getattr(d, "begruendung", None),
            getattr(d, "vorbemerkungen", None),
            getattr(d, "erlaeuterungen", None),
        )
        if p
    ]
    for part in parts:
        assert _norm(part) in _norm(d.text) or _norm(part).removeprefix("1.) ") in _norm(d.text)


def test_antrag_body_text_complete(b: kr.Bestand) -> None:
    # Every non-empty line of each Antrag's letter body is in anliegen/beschlussvorschlag/begruendung
    for key, marker_end in (
        ("drucksache/antrag-2021-09-10", "Mit freundlichen Grüßen"),
        ("drucksache/antrag-2021-09-28", "Freundliche Grüße"),
    ):
        a = b[ID[key]]
        assert isinstance(a, kr.Antrag) and a.text
        body = a.text[a.text.index("Sehr geehrter Herr Landrat,") + 27 : a.text.index(marker_end)]
        blob = _norm(" ".join(x or "" for x in (a.anliegen, a.beschlussvorschlag, a.begruendung)))
        for line in body.splitlines():
            if line.strip() and line.strip() != "Begründung:":
                assert _norm(line) in blob, line


def test_beschlussvorlagen_and_beratungsfolge(b: kr.Bestand) -> None:
    v1 = b[ID["drucksache/vorlage-30.2-2021-09-21"]]
    v2 = b[ID["drucksache/vorlage-2-07"]]
    assert isinstance(v1, kr.Beschlussvorlage) and isinstance(v2, kr.Beschlussvorlage)
    assert v1.datum == dt.date(2021, 9, 21)
    assert v2.datum is None  # the document gives no date
    assert v1.federfuehrung == (ID["gremium/30.2"],)
    assert v2.federfuehrung == (ID["gremium/2-07"],)
    assert v1.beschlussvorschlag_offen and v2.beschlussvorschlag_offen
    assert v1.beschlussvorschlag == "Der Beschluss ergibt sich aus den Beratungen."
    assert v1.oeffentlich is True and v2.oeffentlich is True
    assert v1.vorbemerkungen and v1.vorbemerkungen.startswith("Mit der bestandskräftigen")
    assert v1.erlaeuterungen and v1.erlaeuterungen.endswith("a fzuste ep.")
    assert v2.unterzeichnung == "Im Auftrag (Amtsleiter des Kreissozialamtes)"
    folge = [(bt.gremien, bt.datum, bt.rolle, bt.entscheidend) for bt in v1.beratungen]
    assert folge == [
        (
            (ID["gremium/kreisausschuss"],),
            dt.date(2021, 9, 27),
            kr.Beratungsrolle.VORBERATUNG,
            False,
        ),
        ((ID["gremium/kreistag"],), dt.date(2021, 9, 30), kr.Beratungsrolle.ENTSCHEIDUNG, True),
    ]
    assert [bt.datum for bt in v1.beratungen] == sorted(bt.datum for bt in v1.beratungen)  # type: ignore[type-var]
    assert [(bt.gremien, bt.datum, bt.rolle) for bt in v2.beratungen] == [
        ((ID["gremium/asi"],), dt.date(2021, 11, 16), kr.Beratungsrolle.ENTSCHEIDUNG)
    ]


def test_sitzung_and_top(b: kr.Bestand) -> None:
    s = b[ID["sitzung/asi-2021-11-16"]]
    assert isinstance(s, kr.Sitzung)
    assert s.datum == dt.date(2021, 11, 16)
    assert s.beginn is None  # no start time in the documents
    assert s.einladungsdatum == dt.date(2021, 11, 4)
    assert s.einladung_ort == "Siegburg"
    assert s.vorsitz == ID["person/ruiters"]
    assert s.schriftfuehrung == ID["person/klein"]
    assert s.gremien == (ID["gremium/asi"],)
    assert s.status is kr.Sitzungsstatus.EINGELADEN
    assert s.hinweise and "Coronaschutzverordnung" in s.hinweise
    [top] = s.tagesordnung
    assert top.name == 'Antrag der SPD-Kreistagsfraktion vom 28.09.2021 zur "Lenkungsgruppe KIM"'
    assert top.oeffentlich is True
    assert top.nummer is None  # not stated
    assert top.beratung == ID["beratung/vorlage-2-07-asi"]
    assert b[top.beratung].sitzung == s.id  # type: ignore[attr-defined]


def test_all_references_resolve(b: kr.Bestand) -> None:
    assert b.referenzen_pruefen() == []


def test_dokumente_cover_the_whole_seed() -> None:
    raw = SEED.read_text("utf-8")
    assert _norm("\n".join(dokumente().values())) == _norm(raw)
    assert re.search(r"Siegburg, den 04\.11\.2021", dokumente()["einladung"])


def test_example_script_runs() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "rhein_sieg_2021.py")],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    out = proc.stdout
    assert "Rhein-Sieg-Kreis (Kreis, NW)" in out
    assert "Beratung: Kreisausschuss 27.09.2021 Vorberatung" in out
    assert "Einladung: Siegburg, den 04.11.2021" in out
    assert "strenge Prüfung: 0 Fehler" in out
    assert "ANTRAGSFRIST" in out


def test_example_oparl_lines_pass_strict_check() -> None:
    from kommunalrecht import oparl

    proc = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "rhein_sieg_2021.py"), "--oparl"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    lines = proc.stdout.splitlines()
    assert len(lines) == len(bestand().objekte)
    assert '"type":"https://schema.oparl.org/1.1/Body"' in lines[0]
    for line in lines:
        assert [f for f in oparl.check(line) if f.severity is kr.Severity.ERROR] == []
    assert {oparl.loads(line) for line in lines} == set(bestand().objekte)


def test_example_export_tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "api"
    subprocess.run(
        [sys.executable, str(ROOT / "examples" / "rhein_sieg_2021.py"), "--export", str(out)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert (out / "system.json").is_file()
    assert (out / "body.json").is_file()
    # the whole tree reads back strictly and leniently without a single finding (hidden
    # export state is skipped; standalone copies of embedded objects carry no stale markers)
    from kommunalrecht.cli import main

    for mode in ("strict", "lenient"):
        capsys.readouterr()
        assert main(["validate", str(out), "--mode", mode]) == 0
        summary = capsys.readouterr().out.strip().splitlines()[-1]
        assert "0 Fehler, 0 Warnungen, 0 Hinweise, 0 unlesbar" in summary, summary


def test_seed_roundtrips_json_xml_json_and_validates_against_xsd(b: kr.Bestand) -> None:
    from lxml import etree

    from kommunalrecht import oparl
    from kommunalrecht.oparl import xml as oxml

    schema = oxml.xml_schema()
    for obj in b.objekte:
        d = oparl.to_dict(obj)
        doc = oxml.dict_to_xml(d)
        assert schema.validate(etree.fromstring(doc)), schema.error_log
        assert oxml.xml_to_dict(doc) == d
        assert oparl.loads(oparl.dumps(obj, format="xml")) == obj
