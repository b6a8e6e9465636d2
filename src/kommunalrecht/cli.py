"""The ``kommunalrecht`` command line.

Each subcommand lives in its own module under ``kommunalrecht._cli`` and exposes
``register(subparsers)`` which adds an ``argparse`` parser whose ``func`` default is called with
the parsed arguments and returns the exit code. Exit codes: 0 clean, 1 findings of severity
error, 2 unreadable input or bad usage.

>>> main(["--version"])
kommunalrecht 0.1.0.dev0
0
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from . import __version__
from .errors import KommunalrechtError

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kommunalrecht",
        description="German council procedure: OParl conversion, validation, deadlines.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    from . import _cli

    for info in sorted(pkgutil.iter_modules(_cli.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{_cli.__name__}.{info.name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help and usage errors
        return int(exc.code or 0)
    if args.version:
        print(f"kommunalrecht {__version__}")
        return 0
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except KommunalrechtError as exc:
        print(f"kommunalrecht: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
