"""The Rhein-Sieg-Kreis 2021 bundle, end to end.

Run it::

    python examples/rhein_sieg_2021.py              # the bundle, its OParl check, its legal findings
    python examples/rhein_sieg_2021.py --oparl      # OParl 1.1 JSON, one object per line (Body first)
    python examples/rhein_sieg_2021.py --export DIR # a static OParl 1.1 API tree

Import it::

    from examples.rhein_sieg_2021 import bestand   # or: kommunalrecht.beispiele.rhein_sieg_2021

The objects are built in :mod:`kommunalrecht.beispiele.rhein_sieg_2021` (shipped with the
package so that tests and the pytest plugin can reuse them); this script shows them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import kommunalrecht as kr
from kommunalrecht.beispiele.rhein_sieg_2021 import BASIS, ID, bestand

__all__ = ["bestand", "main", "pruefen", "zusammenfassung"]


def _d(value: object) -> str:
    return value.strftime("%d.%m.%Y") if hasattr(value, "strftime") else "–"


def zusammenfassung(b: kr.Bestand) -> str:
    """A human-readable summary of the bundle (German)."""
    out: list[str] = []
    body = b[ID["body"]]
    assert isinstance(body, kr.Koerperschaft)
    land = body.land.value if body.land else "?"
    art = body.art.value if body.art else "?"
    out.append(
        f"{body.name} ({art}, {land}) — {len(b.objekte)} Objekte, {len(b)} mit eingebetteten"
    )
    out.append("")
    out.append("Gremien:")
    for g in b.alle(kr.Gremium):
        kennung = f"{g.kennung} - " if g.kennung else ""
        out.append(f"  {kennung}{g.name} [{g.art.value if g.art else '?'}]")
    out.append("Personen mit Funktion:")
    for p in b.alle(kr.Person):
        rollen = [m.rolle for m in p.mitgliedschaften if m.rolle] + list(p.funktionen)
        if p.vorname:
            out.append(
                f"  {p.name}: {', '.join(rollen) or 'Antragsteller/in (SPD-Kreistagsfraktion)'}"
            )
    for d in b.alle(kr.Drucksache):
        out.append("")
        out.append(f"{d.drucksachenart} vom {_d(d.datum)}: {d.name}")
        if isinstance(d, kr.Antrag):
            von = [b[x].name for x in d.urheber_gremien]
            out.append(f"  Antragsteller: {', '.join(str(v) for v in von)}; {d.unterzeichner_text}")
            out.append(
                f"  Beschlussvorschlag: {(d.beschlussvorschlag or '–').replace(chr(10), ' ')[:90]}…"
            )
        if isinstance(d, kr.Beschlussvorlage):
            ff = [b[x] for x in d.federfuehrung]
            out.append(
                "  federführend: "
                + ", ".join(f"{g.kennung} - {g.name}" for g in ff if isinstance(g, kr.Gremium))
            )
            out.append(f"  Beschlussvorschlag: {d.beschlussvorschlag}")
            for bt in d.beratungen:
                gremium = b[bt.gremien[0]].name if bt.gremien else "?"
                rolle = bt.rolle.value if bt.rolle else "?"
                out.append(f"  Beratung: {gremium} {_d(bt.datum)} {rolle}")
    for s in b.alle(kr.Sitzung):
        out.append("")
        out.append(f"{s.name} am {_d(s.tag)}")
        if s.einladungsdatum:
            out.append(f"  Einladung: {s.einladung_ort}, den {_d(s.einladungsdatum)}")
        if s.vorsitz:
            out.append(
                f"  Vorsitz: {b[s.vorsitz].name}; Schriftführung: {b[s.schriftfuehrung or ''].name}"
            )
        for t in s.tagesordnung:
            teil = "öffentlich" if t.oeffentlich else "nichtöffentlich"
            out.append(f"  TOP ({teil}): {t.name}")
    return "\n".join(out)


GESCHAEFTSORDNUNG = Path(__file__).with_name("geschaeftsordnung_rhein_sieg.toml")


def pruefen(b: kr.Bestand) -> tuple[str, int]:
    """Convert every object to OParl 1.1, check it strictly, and run the legal rules.

    Returns the report and the number of error findings.
    """
    from kommunalrecht import oparl
    from kommunalrecht.testing import tabelle

    oparl_fehler = []
    for obj in b.objekte:
        d = oparl.to_dict(obj)
        oparl_fehler += [f for f in oparl.check(d) if f.severity is kr.Severity.ERROR]
        if oparl.from_dict(d) != obj:  # pragma: no cover - guarded by tests
            raise SystemExit(f"round trip changed {obj.id}")
    go = kr.Geschaeftsordnung.from_toml(GESCHAEFTSORDNUNG.read_bytes())
    befunde = kr.validate(b, go=go)
    lines = [
        "",
        f"OParl 1.1: {len(b.objekte)} Objekte geschrieben und zurückgelesen (verlustfrei), "
        f"strenge Prüfung: {len(oparl_fehler)} Fehler",
        f"Rechtsprüfung mit {GESCHAEFTSORDNUNG.name} (Beispiel-GeschO, angenommene Werte): "
        f"{len(befunde)} Befund(e)",
        tabelle(befunde) if befunde else "  keine",
    ]
    fehler = len(oparl_fehler) + sum(f.severity is kr.Severity.ERROR for f in befunde)
    return "\n".join(lines), fehler


def main(argv: list[str] | None = None) -> int:
    """Print the bundle, its OParl check and its legal findings (see ``--help``)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--oparl",
        action="store_true",
        help="print the bundle as OParl 1.1 JSON, one object per line (Body first)",
    )
    parser.add_argument(
        "--export", metavar="DIR", help="write the bundle as a static OParl 1.1 API tree into DIR"
    )
    args = parser.parse_args(argv)
    b = bestand()
    from kommunalrecht import oparl

    if args.oparl:
        body = b[ID["body"]]
        for obj in (body, *(o for o in b.objekte if o is not body)):
            sys.stdout.write(oparl.dumps(obj).decode("utf-8") + "\n")
        return 0
    if args.export:
        befunde = oparl.export(b, args.export, base_url=BASIS, check=True)
        for f in befunde:
            print(f)
        print(f"OParl-API-Baum geschrieben nach {args.export}")
        return 1 if any(f.severity is kr.Severity.ERROR for f in befunde) else 0
    print(zusammenfassung(b))
    bericht, fehler = pruefen(b)
    print(bericht)
    return 1 if fehler else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. piped into head
        sys.exit(0)
