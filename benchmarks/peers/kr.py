"""kommunalrecht itself, behind the same functions as the peers (plus check, XML, validate).

Every accessor raises :class:`Unavailable` (with the reason) when the part of the library it
needs does not exist yet, so the runner prints "n/a" instead of a number.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

NAME = "kommunalrecht"


class Unavailable(Exception):
    """The implementation of a case is not available (the reason is the message)."""


def _oparl() -> Any:
    from kommunalrecht import oparl

    return oparl


def _need(mod: Any, name: str, where: str) -> Any:
    fn = getattr(mod, name, None)
    if fn is None:
        raise Unavailable(f"{where}.{name} does not exist yet")
    return fn


@functools.cache
def codec() -> tuple[Any, Any, Any, Any]:
    """``(loads, dumps, from_dict, to_dict)`` of :mod:`kommunalrecht.oparl` (looked up once:
    the adapter must not charge an import and four lookups to every operation)."""
    o = _oparl()
    return (
        _need(o, "loads", "kommunalrecht.oparl"),
        _need(o, "dumps", "kommunalrecht.oparl"),
        _need(o, "from_dict", "kommunalrecht.oparl"),
        _need(o, "to_dict", "kommunalrecht.oparl"),
    )


def prepare_meeting(doc: dict[str, Any]) -> bytes:
    import orjson

    return orjson.dumps(doc)


prepare_paper = prepare_meeting


def decode_meeting(b: bytes) -> Any:
    return codec()[0](b)


decode_paper = decode_meeting


def encode_meeting(obj: Any) -> bytes:
    out: bytes = codec()[1](obj)
    return out


encode_paper = encode_meeting


def check() -> Any:
    """``kommunalrecht.oparl.check.check`` (strict)."""
    try:
        from kommunalrecht.oparl.check import check as fn
    except ImportError as exc:  # pragma: no cover - exists
        raise Unavailable(str(exc)) from exc
    return fn


def jsonschema_validator(type_name: str) -> Any:
    """A Draft 2020-12 validator of the shipped schema for ``type_name`` (with formats)."""
    from jsonschema import Draft202012Validator, FormatChecker
    from referencing import Registry, Resource

    from kommunalrecht.oparl import _schemagen

    schema_dir = Path(_schemagen.__file__).with_name("schema")
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in schema_dir.glob("*.json")}
    registry: Registry[Any] = Registry().with_resources(
        (s["$id"], Resource.from_contents(s)) for s in schemas.values()
    )
    return Draft202012Validator(
        schemas[f"{type_name}.json"], registry=registry, format_checker=FormatChecker()
    )


def xml() -> tuple[Any, Any]:
    """``(dumps_xml, loads_xml)`` of :mod:`kommunalrecht.oparl.xml`."""
    try:
        from kommunalrecht.oparl import xml as x
    except ImportError as exc:
        raise Unavailable(f"kommunalrecht.oparl.xml: {exc}") from exc
    return (
        _need(x, "dumps_xml", "kommunalrecht.oparl.xml"),
        _need(x, "loads_xml", "kommunalrecht.oparl.xml"),
    )


def validate() -> Any:
    """``kommunalrecht.validate``."""
    import kommunalrecht

    return _need(kommunalrecht, "validate", "kommunalrecht")


def bestand(objects: list[Any]) -> Any:
    """A :class:`kommunalrecht.Bestand` of ``objects``."""
    from kommunalrecht import Bestand

    return Bestand(objects)
