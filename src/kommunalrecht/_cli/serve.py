"""``kommunalrecht serve DIR|BESTAND``: serve an OParl 1.1 API (OParl 1.1 §2.5 filters, §2.9 errors).

``DIR`` is an export directory (``oparl.export`` or ``kommunalrecht harvest``). ``BESTAND`` is
``module:attribute`` naming a :class:`~kommunalrecht.Bestand` or a function returning one
(``kommunalrecht.beispiele.rhein_sieg_2021:bestand``), or a JSON file with an array of OParl
objects; it is exported into a temporary directory first (``--base-url``). The built-in server
is :mod:`wsgiref` (threaded), meant for local use; in production run
``kommunalrecht.oparl.server.serve_app`` under any WSGI server, or serve the export with a static
web server (see the docs page "Veröffentlichen"). Exit codes: 0 stopped, 2 unusable input.

>>> main(["/nonexistent/export"])
kommunalrecht serve: /nonexistent/export: expected an export directory or module:attribute or a JSON file
2
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import KommunalrechtError

__all__ = ["load_source", "main", "register"]


class _JsonQuelle:
    def __init__(self, objects: list[Any]) -> None:
        self.objects = objects

    def objekte(self, typ: str) -> Iterator[Any]:
        from ..oparl.export import oparl_type_of

        return (o for o in self.objects if oparl_type_of(o) == typ)


def load_source(spec: str) -> Any:
    """An export directory (``Path``), a Bestand, or a source of OParl dicts named by ``spec``.

    >>> load_source("kommunalrecht.beispiele.rhein_sieg_2021:bestand")
    Bestand(...)
    """
    path = Path(spec)
    if path.is_dir():
        return path
    if path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"{spec}: not readable as JSON ({exc})") from exc
        if isinstance(data, dict):
            data = data.get("data", [data])
        if not isinstance(data, list):
            raise ValueError(f"{spec}: expected a JSON array of OParl objects")
        return _JsonQuelle(data)
    module, sep, attr = spec.partition(":")
    if sep and module and attr:
        try:
            obj = getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError) as exc:
            raise ValueError(f"{spec}: {exc}") from exc
        return obj() if callable(obj) else obj
    raise ValueError(f"{spec}: expected an export directory or module:attribute or a JSON file")


def _run(args: argparse.Namespace) -> int:
    from ..oparl.server import make_server, serve_app

    try:
        source = load_source(args.source)
        app = serve_app(source, base_url=args.base_url, page_size=args.page_size)
    except (ValueError, KommunalrechtError) as exc:
        print(f"kommunalrecht serve: {exc}", file=sys.stderr)
        return 2
    server = make_server(app, args.host, args.port, quiet=args.quiet)
    origin = f"http://{args.host}:{server.server_port}"
    system = app.system_url.replace(app.base, origin + app.base_path, 1)
    print(f"OParl 1.1 API: {system}  (Strg+C beendet)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def register(subparsers: Any) -> None:
    """Add the ``serve`` subcommand."""
    p = subparsers.add_parser(
        "serve",
        help="serve an OParl 1.1 API from an export directory or a Bestand",
        description=__doc__.split("\n\n")[0] if __doc__ else None,
    )
    p.add_argument("source", metavar="DIR|BESTAND", help="export directory, module:attr or JSON")
    p.add_argument("--host", default="127.0.0.1", help="interface (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 = any)")
    p.add_argument("--base-url", default=None, help="base URL when exporting a Bestand")
    p.add_argument("--page-size", type=int, default=100, help="objects per list page")
    p.add_argument("--quiet", action="store_true", help="no request log")
    p.set_defaults(func=_run)


def main(argv: Sequence[str]) -> int:
    """Run ``kommunalrecht serve`` with ``argv`` (for tests and doctests)."""
    parser = argparse.ArgumentParser(prog="kommunalrecht")
    register(parser.add_subparsers())
    args = parser.parse_args(["serve", *argv])
    try:
        source = load_source(args.source)
    except ValueError as exc:
        print(f"kommunalrecht serve: {exc}", file=sys.stdout)
        return 2
    del source
    return int(args.func(args))
