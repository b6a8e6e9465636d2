"""Small attrs validators and converters for the model's invariants (attrs style).

Each raises :class:`~kommunalrecht.errors.InvariantError` naming the class, the field, what was
expected and what was received. They check invariants only — facts that hold for every record
(types, non-empty ids, timezone-aware datetimes, non-negative counts) — never the law.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from ..errors import InvariantError

__all__ = [
    "aware_datetime",
    "date_only",
    "enum_of",
    "extras_mapping",
    "non_empty_str",
    "non_negative_int",
    "opt",
    "opt_bool",
    "opt_str",
    "str_tuple",
    "to_tuple",
    "tuple_of",
]

_E = TypeVar("_E", bound=enum.Enum)
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _fail(inst: Any, attr: attrs.Attribute[Any], expected: str, value: Any) -> None:
    raise InvariantError(type(inst).__name__, attr.name, expected, value)


def non_empty_str(inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
    """Require a non-empty, non-blank ``str``."""
    if (value.__class__ is not str or not value.strip()) and not (
        isinstance(value, str) and value.strip()
    ):
        _fail(inst, attr, "a non-empty string", value)


def opt_str(inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
    """Allow ``None`` or a ``str``."""
    if value is not None and not isinstance(value, str):
        _fail(inst, attr, "a string or None", value)


def opt_bool(inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
    """Allow ``None`` or a ``bool``."""
    if value is not None and value.__class__ is not bool:
        _fail(inst, attr, "True, False or None", value)


def bool_(inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
    """Require a ``bool``."""
    if value.__class__ is not bool:
        _fail(inst, attr, "True or False", value)


def aware_datetime(inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
    """Allow ``None`` or a timezone-aware :class:`datetime.datetime` (naive is an error)."""
    if value is None:
        return
    if not isinstance(value, _dt.datetime):
        _fail(inst, attr, "a timezone-aware datetime or None", value)
    elif value.tzinfo is None or value.utcoffset() is None:
        _fail(inst, attr, "a timezone-aware datetime (naive datetimes are not assumed)", value)


def date_only(inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
    """Allow ``None`` or a :class:`datetime.date` that is not a datetime."""
    if value is not None and (not isinstance(value, _dt.date) or isinstance(value, _dt.datetime)):
        _fail(inst, attr, "a date (not a datetime) or None", value)


def non_negative_int(inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
    """Require an ``int`` ≥ 0 (``bool`` is not an int here)."""
    if (value.__class__ is not int or value < 0) and not (
        isinstance(value, int) and not isinstance(value, bool) and value >= 0
    ):
        _fail(inst, attr, "a non-negative integer", value)


def opt_non_negative_int(inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
    """Allow ``None`` or an ``int`` ≥ 0."""
    if value is not None:
        non_negative_int(inst, attr, value)


def enum_of(cls: type[_E]) -> Validator:
    """Allow ``None`` or a member of the enum ``cls``."""

    def check(inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and not isinstance(value, cls):
            names = ", ".join(m.name for m in cls)
            _fail(inst, attr, f"a {cls.__name__} ({names}) or None", value)

    return check


def instance_of(cls: type[Any], *, optional: bool = True) -> Validator:
    """Allow an instance of ``cls`` (and ``None`` when ``optional``)."""

    def check(inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, cls):
            _fail(inst, attr, f"a {cls.__name__}" + (" or None" if optional else ""), value)

    return check


def tuple_of(cls: type[Any] | tuple[type[Any], ...], label: str) -> Validator:
    """Require a tuple whose items are all instances of ``cls``."""

    def check(inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
        sequence(inst, attr, value)
        for i, item in enumerate(value):
            if not isinstance(item, cls) or (cls is str and not item):
                raise InvariantError(type(inst).__name__, f"{attr.name}[{i}]", label, item)

    return check


def str_tuple(inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
    """Require a tuple of non-empty strings."""
    sequence(inst, attr, value)
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item:
            raise InvariantError(
                type(inst).__name__, f"{attr.name}[{i}]", "a non-empty string", item
            )


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Convert a list (or other non-string iterable) to a tuple.

    Anything else is passed through unchanged so that :func:`sequence` can report it with the
    field's name.

    >>> to_tuple(["a", "b"])
    ('a', 'b')
    """
    if value.__class__ is tuple:
        return value
    if value.__class__ is list:
        return tuple(value)
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]
    return tuple(value)


def to_str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    """:func:`to_tuple` for sequences of strings (typed for mypy)."""
    return to_tuple(value)


def sequence(inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
    """Require a tuple (lists are converted before this runs)."""
    if value.__class__ is not tuple:
        _fail(inst, attr, "a list or tuple", value)


def extras_mapping(inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
    """Require a mapping with string keys (vendor / unknown properties)."""
    if not isinstance(value, Mapping):
        _fail(inst, attr, "a mapping of property name to JSON value", value)
    for key in value:
        if not isinstance(key, str) or not key:
            _fail(inst, attr, "non-empty string keys", key)


def opt(*validators: Validator) -> Validator:
    """Run ``validators`` unless the value is ``None``."""

    def check(inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            for v in validators:
                v(inst, attr, value)

    return check
