"""``kommunalrecht validate PATH... [--mode strict|lenient] [--format text|json]``.

Checks OParl JSON files, files in kommunalrecht's OParl XML form (``docs/oparl/xml.md``:
XSD, ``version`` and then the same OParl rules), directories (recursively, ``*.json`` and
``*.xml``) or standard input (``-``):

* ``--mode strict`` (default): every finding of :func:`kommunalrecht.oparl.check` (OParl 1.1,
  every MUST of the spec text) plus the model invariants of the strict reader;
* ``--mode lenient``: what the lenient reader reports — each repair (warning/info) and, as
  errors, only what keeps a document from being read at all.

Exit codes: 0 no error findings, 1 findings of severity error, 2 unreadable input (missing
file, not JSON, not OParl). The last line is a summary with counts per code.

Later checks (e.g. ``--land``/``--go`` for legal rules) plug in by appending to
:data:`CHECKS` and adding their options in :func:`add_arguments`.

>>> import io, contextlib
>>> out = io.StringIO()
>>> with contextlib.redirect_stdout(out):
...     code = run(["-"], stdin=io.BytesIO(b'{"id": "https://x.example/o/1"}'))
>>> code, out.getvalue().splitlines()[-1]
(2, '1 Datei(en): 1 Fehler, 0 Warnungen, 0 Hinweise, 1 unlesbar; TYP_FEHLT 1')
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from ..errors import Finding, KommunalrechtError, ParseError, Severity, ValidationError
from . import _regelcheck

__all__ = ["CHECKS", "Result", "add_arguments", "check_document", "register", "run"]


class Result:
    """Findings for one input: its name, the findings, and whether it was unreadable."""

    __slots__ = ("findings", "name", "obj", "unreadable")

    def __init__(self, name: str) -> None:
        self.name = name
        self.findings: list[Finding] = []
        self.unreadable = False
        self.obj: Any = None


Check = Callable[[Result, argparse.Namespace], None]

_NOT_OPARL = frozenset(("TYP_FEHLT", "TYP_UNBEKANNT", "KEIN_OBJEKT"))


def _unreadable(f: Finding) -> bool:
    """Input that is not JSON, or not an OParl object/page at all."""
    return f.code == "JSON_UNGUELTIG" or (f.code in _NOT_OPARL and f.path in ("$", "$.type"))


def _xml_check(result: Result, data: bytes, args: argparse.Namespace) -> None:
    """XML documents (kommunalrecht's OParl XML form): XSD, version and OParl rules."""
    from ..oparl.xml import check_xml, loads_xml

    if args.mode == "strict":
        found = check_xml(data)
        result.findings.extend(found)
        if any(f.code in ("XML_UNGUELTIG", "XML_ABBILDUNG") or _unreadable(f) for f in found):
            result.unreadable = True
            return
        if any(f.severity is Severity.ERROR for f in found):
            return
        try:  # model invariants, as for JSON
            result.obj = loads_xml(data, mode="strict")
        except ParseError:
            result.unreadable = True
        except ValidationError as exc:
            result.findings.extend(exc.findings)
        return
    try:
        result.obj = loads_xml(data, mode="lenient", findings=result.findings)
    except ParseError as exc:
        result.unreadable = True
        result.findings.append(
            Finding(code="NICHT_LESBAR", severity=Severity.ERROR, message=str(exc))
        )
    except ValidationError as exc:
        result.findings.extend(exc.findings)


def _oparl_check(result: Result, data: bytes, args: argparse.Namespace) -> None:
    from .. import oparl
    from ..oparl.xml import looks_like_xml

    if looks_like_xml(data):
        _xml_check(result, data, args)
        return
    if args.mode == "strict":
        found = oparl.check(data)
        result.findings.extend(found)
        if any(_unreadable(f) for f in found):
            result.unreadable = True
            return
        if any(f.severity is Severity.ERROR for f in found):
            return
        try:  # model invariants (e.g. end before start) that the JSON check cannot see
            result.obj = oparl.loads(data, format="json", mode="strict")
        except ParseError:
            result.unreadable = True
        except ValidationError as exc:
            result.findings.extend(exc.findings)
        return
    try:
        result.obj = oparl.loads(data, format="json", mode="lenient", findings=result.findings)
    except ParseError as exc:
        result.unreadable = True
        result.findings.append(
            Finding(code="NICHT_LESBAR", severity=Severity.ERROR, message=str(exc))
        )
    except ValidationError as exc:
        result.findings.extend(exc.findings)


CHECKS: list[Check] = [_regelcheck.check]
"""Further checks run on every readable document (``result.obj`` is the model object, or
``None`` if the OParl reader rejected it). Appended by other modules (legal rules)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``validate`` (other modules may add theirs here)."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, directory or -")
    parser.add_argument("--mode", choices=("strict", "lenient"), default="strict")
    parser.add_argument("--format", choices=("text", "json"), default="text", dest="output")
    _regelcheck.add_arguments(parser)  # --land, --art, --go: legal rules (kommunalrecht.regeln)


def register(subparsers: Any) -> None:
    """Add the ``validate`` subcommand."""
    parser = subparsers.add_parser(
        "validate", help="check OParl JSON files", description=__doc__.split("\n\n")[0]
    )
    add_arguments(parser)
    parser.set_defaults(func=_main)


def _inputs(paths: Sequence[str], stdin: IO[bytes]) -> Iterator[tuple[str, bytes | None]]:
    for p in paths:
        if p == "-":
            yield "-", stdin.read()
            continue
        path = Path(p)
        if path.is_dir():
            # hidden files and folders (e.g. an export's .kommunalrecht/ state) are not OParl
            files = sorted(
                f
                for f in path.rglob("*")
                if f.is_file()
                and f.suffix.lower() in (".json", ".xml")
                and not any(part.startswith(".") for part in f.relative_to(path).parts)
            )
            for f in files:
                yield from _read(f)
        else:
            yield from _read(path)


def _read(path: Path) -> Iterator[tuple[str, bytes | None]]:
    try:
        yield str(path), path.read_bytes()
    except OSError:
        yield str(path), None


def check_document(name: str, data: bytes | None, args: argparse.Namespace) -> Result:
    """All findings for one input document."""
    result = Result(name)
    if data is None:
        result.unreadable = True
        result.findings.append(
            Finding(code="NICHT_LESBAR", severity=Severity.ERROR, message="Datei nicht lesbar.")
        )
        return result
    _oparl_check(result, data, args)
    if not result.unreadable:
        for extra in CHECKS:
            extra(result, args)
    return result


def _summary(results: list[Result]) -> tuple[str, dict[str, Any]]:
    sev: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    for r in results:
        for f in r.findings:
            sev[f.severity.value] += 1
            codes[f.code] += 1
    unreadable = sum(r.unreadable for r in results)
    line = (
        f"{len(results)} Datei(en): {sev['error']} Fehler, {sev['warning']} Warnungen, "
        f"{sev['info']} Hinweise, {unreadable} unlesbar"
    )
    if codes:
        line += "; " + ", ".join(f"{c} {n}" for c, n in sorted(codes.items()))
    data = {
        "files": len(results),
        "unreadable": unreadable,
        "severity": dict(sev),
        "codes": dict(sorted(codes.items())),
    }
    return line, data


def _finding_json(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "severity": f.severity.value,
        "message": f.message,
        "path": f.path,
        "object_id": f.object_id,
        "rechtsgrundlage": f.rechtsgrundlage,
    }


def run(argv: Sequence[str], stdin: IO[bytes] | None = None, stdout: IO[str] | None = None) -> int:
    """Run ``validate`` with ``argv`` (without the command name); return the exit code."""
    parser = argparse.ArgumentParser(prog="kommunalrecht validate")
    add_arguments(parser)
    args = parser.parse_args(list(argv))
    return _main(args, stdin=stdin, stdout=stdout)


def _main(
    args: argparse.Namespace, stdin: IO[bytes] | None = None, stdout: IO[str] | None = None
) -> int:
    out = stdout or sys.stdout
    inp = stdin or sys.stdin.buffer
    results: list[Result] = []
    for name, data in _inputs(args.paths, inp):
        try:
            results.append(check_document(name, data, args))
        except KommunalrechtError as exc:  # a later check may raise; report, don't crash
            r = Result(name)
            r.unreadable = True
            r.findings.append(
                Finding(code="NICHT_LESBAR", severity=Severity.ERROR, message=str(exc))
            )
            results.append(r)
    line, summary = _summary(results)
    if args.output == "json":
        doc = {
            "mode": args.mode,
            "results": [
                {
                    "path": r.name,
                    "unreadable": r.unreadable,
                    "findings": [_finding_json(f) for f in r.findings],
                }
                for r in results
            ],
            "summary": summary,
        }
        out.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    else:
        for r in results:
            for f in r.findings:
                oid = f" ({f.object_id})" if f.object_id else ""
                out.write(f"{r.name}: {f}{oid}\n")
        out.write(line + "\n")
    if any(r.unreadable for r in results):
        return 2
    if any(f.severity is Severity.ERROR for r in results for f in r.findings):
        return 1
    return 0
