"""``kommunalrecht convert IN OUT [--to json|xml]``: OParl JSON ⇄ the lossless OParl XML form.

The conversion works on the OParl data model (dicts), not on model objects, so it is exact:
JSON → XML → JSON gives back the same JSON value, vendor properties and unknown members
included (see ``docs/oparl/xml.md``). The input format is sniffed from the content (a first
non-blank ``<`` means XML); the output format is ``--to``, else the extension of ``OUT``
(``.xml`` / ``.json``), else the other format. ``IN`` may be a directory: every ``*.json`` and
``*.xml`` file below it is converted into the same relative path below the directory ``OUT``
(with the new extension). ``-`` reads standard input / writes standard output.

Exit codes: 0 all converted, 2 unreadable input or bad usage (other files of a directory are
still converted; each problem is reported on standard error).

>>> import io, contextlib, json
>>> out = io.BytesIO()
>>> code = run(["-", "-", "--to", "xml"], stdin=io.BytesIO(
...     b'{"type": "https://schema.oparl.org/1.1/Person", "name": "A", "x:y": [1]}'), stdout=out)
>>> code, out.getvalue()[:38]
(0, b'<?xml version="1.0" encoding="UTF-8"?>')
>>> back = io.BytesIO()
>>> run(["-", "-"], stdin=io.BytesIO(out.getvalue()), stdout=back)
0
>>> json.loads(back.getvalue())
{'type': 'https://schema.oparl.org/1.1/Person', 'name': 'A', 'x:y': [1]}
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from ..errors import KommunalrechtError, ParseError

__all__ = ["convert_bytes", "register", "run"]

_SUFFIX = {"json": ".json", "xml": ".xml"}


def _json_bytes(d: Any, indent: int | None) -> bytes:
    text = json.dumps(d, ensure_ascii=False, indent=indent, allow_nan=True)
    try:
        return text.encode("utf-8") + b"\n"
    except UnicodeEncodeError:  # lone surrogates: write them as \\uXXXX escapes
        return json.dumps(d, ensure_ascii=True, indent=indent).encode("ascii") + b"\n"


def convert_bytes(
    data: bytes,
    to: str | None = None,
    *,
    expect: str | None = None,
    indent: int | None = 2,
    pretty: bool = False,
) -> tuple[bytes, str]:
    """Convert one OParl document; return ``(output, output format)``.

    ``to`` is ``"json"``, ``"xml"`` or ``None`` (the other format than the input's).
    Raises :class:`~kommunalrecht.errors.ParseError` for unreadable input.

    >>> out, fmt = convert_bytes(b'{"data": [], "links": {}}')
    >>> fmt, out.endswith(b'version="1.1"><data/><links></links></List>')
    ('xml', True)
    """
    from ..oparl.xml import dict_to_xml, looks_like_xml, xml_to_dict

    source = "xml" if looks_like_xml(data) else "json"
    target = to or ("json" if source == "xml" else "xml")
    if source == "xml":
        d: Any = xml_to_dict(data, expect=expect)
    else:
        try:
            d = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise ParseError("JSON text (RFC 8259, UTF-8)", str(exc)) from None
    if target == "xml":
        if not isinstance(d, dict):
            raise ParseError("an OParl object or list page (JSON object)", type(d).__name__)
        return dict_to_xml(d, expect=expect, pretty=pretty), "xml"
    return _json_bytes(d, indent), "json"


def _target_format(args: argparse.Namespace, out: str) -> str | None:
    if args.to:
        return str(args.to)
    suffix = Path(out).suffix.lower()
    return {".xml": "xml", ".json": "json"}.get(suffix)


def run(
    argv: Sequence[str],
    *,
    stdin: IO[bytes] | None = None,
    stdout: IO[bytes] | None = None,
) -> int:
    """Run ``convert`` with ``argv`` (without the command name); return the exit code."""
    parser = argparse.ArgumentParser(prog="kommunalrecht convert")
    add_arguments(parser)
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:
        return int(exc.code or 0)
    return _convert(args, stdin or sys.stdin.buffer, stdout or sys.stdout.buffer)


def _convert(args: argparse.Namespace, stdin: IO[bytes], stdout: IO[bytes]) -> int:
    src, dst = args.input, args.output
    indent = None if args.compact else 2
    if src != "-" and Path(src).is_dir():
        if dst == "-" or (Path(dst).exists() and not Path(dst).is_dir()):
            print("kommunalrecht convert: OUT must be a directory when IN is one", file=sys.stderr)
            return 2
        return _convert_tree(Path(src), Path(dst), args, indent)
    try:
        data = stdin.read() if src == "-" else Path(src).read_bytes()
    except OSError as exc:
        print(f"kommunalrecht convert: {src}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        out, _ = convert_bytes(
            data,
            _target_format(args, dst),
            expect=args.expect,
            indent=indent,
            pretty=args.pretty,
        )
    except KommunalrechtError as exc:
        print(f"kommunalrecht convert: {src}: {exc}", file=sys.stderr)
        return 2
    if dst == "-":
        stdout.write(out)
        stdout.flush()
    else:
        Path(dst).parent.mkdir(parents=True, exist_ok=True)
        Path(dst).write_bytes(out)
    return 0


def _convert_tree(src: Path, dst: Path, args: argparse.Namespace, indent: int | None) -> int:
    files = sorted(
        p for p in src.rglob("*") if p.is_file() and p.suffix.lower() in (".json", ".xml")
    )
    failed = 0
    for path in files:
        rel = path.relative_to(src)
        try:
            out, fmt = convert_bytes(
                path.read_bytes(), args.to, expect=args.expect, indent=indent, pretty=args.pretty
            )
        except (KommunalrechtError, OSError) as exc:
            print(f"kommunalrecht convert: {path}: {exc}", file=sys.stderr)
            failed += 1
            continue
        target = (dst / rel).with_suffix(_SUFFIX[fmt])
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(out)
    print(f"{len(files) - failed} von {len(files)} Datei(en) umgewandelt", file=sys.stderr)
    return 2 if failed else 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``convert``."""
    parser.add_argument("input", metavar="IN", help="file, directory or - (standard input)")
    parser.add_argument("output", metavar="OUT", help="file, directory or - (standard output)")
    parser.add_argument(
        "--to", choices=("json", "xml"), help="output format (default: from OUT, else the other)"
    )
    parser.add_argument(
        "--expect", metavar="TYPE", help="OParl type of objects without `type` (e.g. Meeting)"
    )
    parser.add_argument("--pretty", action="store_true", help="indent XML output")
    parser.add_argument("--compact", action="store_true", help="JSON output without indentation")


def register(subparsers: Any) -> None:
    """Add the ``convert`` subcommand."""
    parser = subparsers.add_parser(
        "convert",
        help="convert OParl JSON ⇄ XML (lossless)",
        description=(__doc__ or "").split("\n\n")[0],
    )
    add_arguments(parser)
    parser.set_defaults(func=lambda args: _convert(args, sys.stdin.buffer, sys.stdout.buffer))
