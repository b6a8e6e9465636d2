"""``kommunalrecht frist vorwaerts|rueckwaerts DATUM ...``: compute a deadline and explain it.

* ``vorwaerts DATUM --tage/--wochen/--monate N --land XX``: a Frist running forward from an
  event (§§ 187 Abs. 1, 188, 193 BGB; :func:`kommunalrecht.fristen.vorwaerts`);
* ``rueckwaerts SITZUNGSTAG --tage N --land XX``: the latest Zugang of a Ladung / an Antrag
  before a meeting (:func:`kommunalrecht.fristen.rueckwaerts`; no § 193 shift by default).

Dates as ``2021-11-16`` or ``16.11.2021``. Prints the decisive day and the steps of the count
(``--format json``: an object with ``datum``, ``schritte``, ``rechtsgrundlage``). Exit codes:
0 computed, 2 bad usage (unknown Land, bad date, impossible Frist).

>>> main(["rueckwaerts", "16.11.2021", "--tage", "7", "--land", "NW"])
Zugang spätestens Mo 08.11.2021
  Sitzungstag: Di 16.11.2021 (zählt nicht mit: volle Tage)
  7 volle Kalendertage zwischen Zugang und Sitzungstag: Di 09.11.2021 bis Mo 15.11.2021
  Zugang spätestens: Mo 08.11.2021 (der Zugangstag zählt nicht mit, § 187 Abs. 1 BGB analog)
  keine Verschiebung nach § 193 BGB: eine rückwärts laufende Frist darf die geschützte Zeit
  nicht verkürzen
0
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from collections.abc import Sequence
from typing import IO, Any

from .. import fristen
from ..errors import KommunalrechtError
from ..model import Land

__all__ = ["main", "register"]


def _datum(text: str) -> _dt.date:
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return _dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"expected a date like 2021-11-16 or 16.11.2021, got {text!r}")


def _land(text: str) -> Land:
    try:
        return Land(text.upper())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a Land code ({', '.join(x.value for x in Land)}), got {text!r}"
        ) from None


def _gemeinsam(p: argparse.ArgumentParser) -> None:
    p.add_argument("--land", type=_land, required=True, help="Land code, e.g. NW")
    p.add_argument("--werktage", action="store_true", help="count Werktage only")
    p.add_argument(
        "--kommunale-feiertage",
        action="store_true",
        help="include holidays that apply only in some Gemeinden (BY Mariä Himmelfahrt …)",
    )
    p.add_argument("--ort", default=None, help="Gemeinde for local holidays (e.g. Augsburg)")
    p.add_argument("--rechtsgrundlage", default=None, help="norm to cite instead of the default")
    p.add_argument("--format", choices=("text", "json"), default="text", dest="output")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``vorwaerts`` / ``rueckwaerts`` sub-subcommands and their options."""
    sub = parser.add_subparsers(dest="richtung", metavar="RICHTUNG", required=True)
    v = sub.add_parser("vorwaerts", help="Frist running forward from an event (BGB)")
    v.add_argument("ereignis", type=_datum, metavar="DATUM")
    v.add_argument("--tage", type=int, default=0)
    v.add_argument("--wochen", type=int, default=0)
    v.add_argument("--monate", type=int, default=0)
    v.add_argument(
        "--samstag-ist-werktag", action="store_true", help="with --werktage: Saturday counts"
    )
    v.add_argument(
        "--ohne-verschiebung",
        action="store_true",
        help="do not move an end on Sat/Sun/holiday to the next Werktag (§ 193 BGB)",
    )
    _gemeinsam(v)
    r = sub.add_parser("rueckwaerts", help="latest Zugang before a meeting day")
    r.add_argument("sitzungstag", type=_datum, metavar="SITZUNGSTAG")
    r.add_argument("--tage", type=int, required=True)
    r.add_argument(
        "--zaehlung",
        choices=[z.value for z in fristen.Zaehlung],
        default=fristen.Zaehlung.VOLLE_TAGE.value,
    )
    r.add_argument(
        "--samstag-kein-werktag",
        action="store_true",
        help="with --werktage: Saturday does not count (default: it does)",
    )
    r.add_argument(
        "--verschieben",
        action="store_true",
        help="a latest day on a non-Werktag moves to the preceding Werktag (protective)",
    )
    _gemeinsam(r)


def register(subparsers: Any) -> None:
    """Add the ``frist`` subcommand."""
    parser = subparsers.add_parser(
        "frist", help="compute a deadline and explain it", description=__doc__.split("\n\n")[0]
    )
    add_arguments(parser)
    parser.set_defaults(func=_main)


def _berechnen(args: argparse.Namespace) -> fristen.Frist:
    if args.richtung == "vorwaerts":
        return fristen.vorwaerts(
            args.ereignis,
            tage=args.tage,
            wochen=args.wochen,
            monate=args.monate,
            land=args.land,
            werktage=args.werktage,
            samstag_ist_werktag=args.samstag_ist_werktag,
            verschieben=not args.ohne_verschiebung,
            kommunale_feiertage=args.kommunale_feiertage,
            ort=args.ort,
            rechtsgrundlage=args.rechtsgrundlage,
        )
    return fristen.rueckwaerts(
        args.sitzungstag,
        tage=args.tage,
        land=args.land,
        zaehlung=fristen.Zaehlung(args.zaehlung),
        werktage=args.werktage,
        samstag_ist_werktag=not args.samstag_kein_werktag,
        verschieben=args.verschieben,
        kommunale_feiertage=args.kommunale_feiertage,
        ort=args.ort,
        rechtsgrundlage=args.rechtsgrundlage,
    )


def _main(args: argparse.Namespace, stdout: IO[str] | None = None) -> int:
    out = stdout or sys.stdout
    try:
        frist = _berechnen(args)
    except KommunalrechtError as exc:
        print(f"kommunalrecht frist: {exc}", file=sys.stderr)
        return 2
    if args.output == "json":
        doc = {
            "datum": frist.datum.isoformat(),
            "art": frist.art.value,
            "schritte": list(frist.schritte),
            "rechtsgrundlage": frist.rechtsgrundlage,
        }
        out.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    else:
        out.write(str(frist) + "\n")
    return 0


def main(argv: Sequence[str], stdout: IO[str] | None = None) -> int:
    """Run ``frist`` with ``argv`` (without the command name); return the exit code."""
    parser = argparse.ArgumentParser(prog="kommunalrecht frist")
    add_arguments(parser)
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:
        return int(exc.code or 0)
    return _main(args, stdout=stdout)
