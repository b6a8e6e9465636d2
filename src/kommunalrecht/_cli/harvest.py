"""``kommunalrecht harvest URL OUT [--since DATETIME]``: mirror an OParl API (OParl 1.1 §2.5).

Walks the API from its System (or Body) URL in lenient mode and writes the mirror to ``OUT``
(servable with ``kommunalrecht serve OUT``); ``--since`` (a date-time with offset, or ``last``)
fetches only what changed since then and merges it into the earlier harvest in ``OUT``. An
interrupted harvest continues when started again with the same arguments. Requests go only to
the host of ``URL``. Prints a progress line on a terminal and the findings at the end. Exit
codes: 0 complete and clean, 1 error findings (e.g. a list could not be read), 2 bad usage.

>>> main(["ftp://ris.example/oparl", "/tmp/out"])
kommunalrecht harvest: url: expected an http(s) URL of an OParl System or Body, got 'ftp://ris.example/oparl'
2
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import IO, Any

from ..errors import KommunalrechtError, Severity

__all__ = ["main", "register"]


class _Bar:
    """A one-line progress display for a terminal."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.width = 0

    def __call__(self, p: Any) -> None:
        if p.total_pages:
            done = int(20 * min(p.page or 0, p.total_pages) / p.total_pages)
            bar = f"[{'#' * done}{'.' * (20 - done)}] {p.page}/{p.total_pages} "
        else:
            bar = ""
        text = (
            f"Listen {p.lists_done}/{p.lists_total} {bar}Seiten {p.pages} "
            f"Objekte {p.objects} Anfragen {p.requests} {p.phase}"
        )
        self.stream.write("\r" + text.ljust(self.width))
        self.width = len(text)
        if p.phase == "fertig":
            self.stream.write("\n")
        self.stream.flush()


def _run(args: argparse.Namespace, out: IO[str] | None = None) -> int:
    from ..oparl.harvest import harvest

    out = out or sys.stdout
    progress = _Bar(sys.stderr) if sys.stderr.isatty() and not args.quiet else None
    try:
        result = harvest(
            args.url,
            args.out,
            since=args.since,
            progress=progress,
            timeout=args.timeout,
            retries=args.retries,
            delay=args.delay,
            limit=args.limit,
            resume=not args.restart,
        )
    except KommunalrechtError as exc:
        print(f"kommunalrecht harvest: {exc}", file=out)
        return 2
    for f in result.findings:
        print(str(f), file=out)
    print(
        f"{len(result.dicts)} Objekte (oberste Ebene) in {result.out}; {result.objects} "
        f"empfangen, {result.pages} Seiten, {result.requests} Anfragen"
        + ("" if result.complete else "; UNVOLLSTÄNDIG"),
        file=out,
    )
    errors = any(f.severity is Severity.ERROR for f in result.findings)
    return 1 if errors or not result.complete else 0


def register(subparsers: Any) -> None:
    """Add the ``harvest`` subcommand."""
    p = subparsers.add_parser(
        "harvest",
        help="mirror an OParl API (System or Body URL) into a directory",
        description=__doc__.split("\n\n")[0] if __doc__ else None,
    )
    p.add_argument("url", metavar="URL", help="URL of the System (or a Body)")
    p.add_argument("out", metavar="OUT", help="output directory (mirror + harvest state)")
    p.add_argument("--since", default=None, help="date-time with offset, or 'last'")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    p.add_argument("--retries", type=int, default=3, help="retries per request")
    p.add_argument("--delay", type=float, default=0.2, help="pause between requests (s)")
    p.add_argument("--limit", type=int, default=None, help="page size to ask the server for")
    p.add_argument("--restart", action="store_true", help="do not resume an interrupted run")
    p.add_argument("--quiet", action="store_true", help="no progress display")
    p.set_defaults(func=_run)


def main(argv: Sequence[str]) -> int:
    """Run ``kommunalrecht harvest`` with ``argv`` (for tests and doctests)."""
    parser = argparse.ArgumentParser(prog="kommunalrecht")
    register(parser.add_subparsers())
    args = parser.parse_args(["harvest", *argv])
    return _run(args)
