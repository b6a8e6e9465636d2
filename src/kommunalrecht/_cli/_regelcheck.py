"""Legal rules for ``kommunalrecht validate``: ``--land``, ``--art`` and ``--go``.

With ``--land`` and/or ``--go`` every readable document is also checked with
:func:`kommunalrecht.validate` (the registered rules of :mod:`kommunalrecht.regeln`) on its
decoded objects (an object, or the ``data`` of a list page). The Geschäftsordnung file is TOML
(:meth:`kommunalrecht.recht.Geschaeftsordnung.from_toml`); keys it leaves out come from the
statutory profile of ``--land`` / ``--art`` (today's Rechtsstand). Documents are checked one by
one, so references to objects in other files are not followed (``REFERENZ_UNAUFGELOEST`` is
left out here; ``oparl.check`` covers the document structure). Without ``--art`` the
Körperschaftsart comes from the Body in the document, else from the last Body read before it
(directories are read in sorted order), else Gemeinde.
"""

from __future__ import annotations

import argparse
import datetime as _dt
from typing import Any

from ..errors import ConfigError
from ..model import Koerperschaftsart, Land

__all__ = ["add_arguments", "check"]


def _land(text: str) -> Land:
    try:
        return Land(text.upper())
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a Land code such as NW, got {text!r}") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--land``, ``--art`` and ``--go`` (legal rules)."""
    parser.add_argument("--land", type=_land, default=None, help="apply the law of this Land")
    parser.add_argument(
        "--art",
        choices=[a.value for a in Koerperschaftsart],
        default=None,
        help="Körperschaftsart (default: from the Body in the data, else Gemeinde)",
    )
    parser.add_argument(
        "--go", default=None, metavar="TOML", help="Geschäftsordnung as TOML (recht config)"
    )


def _geschaeftsordnung(args: argparse.Namespace) -> Any:
    cached = getattr(args, "_kr_go", None)
    if cached is not None or args.go is None:
        return cached
    from ..recht import Geschaeftsordnung, profil

    basis = None
    if args.land is not None:
        art = Koerperschaftsart(args.art) if args.art else Koerperschaftsart.GEMEINDE
        try:
            basis = profil(args.land, art, _dt.date.today()).geschaeftsordnung
        except ConfigError:
            basis = None
    go = Geschaeftsordnung.from_toml(args.go if args.go.endswith(".toml") else _read(args.go))
    if basis is not None:
        go = Geschaeftsordnung.from_dict(go.to_dict(), basis=basis)
    args._kr_go = go
    return go


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise ConfigError("--go", "a readable TOML file", path) from exc


def check(result: Any, args: argparse.Namespace) -> None:
    """Append the legal-rule findings for ``result.obj`` (a CHECKS hook of ``validate``)."""
    if getattr(args, "land", None) is None and getattr(args, "go", None) is None:
        return
    obj = result.obj
    if obj is None:
        return
    from .. import regeln
    from ..model import Objekt

    objekte = list(getattr(obj, "data", ())) if not isinstance(obj, Objekt) else [obj]
    if not objekte:
        return
    go = _geschaeftsordnung(args)
    art = Koerperschaftsart(args.art) if args.art else None
    if art is None:
        # documents are checked one by one: a Body read earlier tells the Körperschaftsart of
        # the documents after it that carry none (else validate assumes a Gemeinde)
        from ..model import Koerperschaft

        eigene = next((o.art for o in objekte if isinstance(o, Koerperschaft) and o.art), None)
        if eigene is not None:
            args._kr_art = eigene
        else:
            art = getattr(args, "_kr_art", None)
    result.findings.extend(
        regeln.validate(objekte, land=args.land, go=go, art=art, ohne=["REFERENZ_UNAUFGELOEST"])
    )
