"""Field factories and the common base of every model object.

Every object has the OParl common properties (§3.1 OParl 1.1): ``id`` (opaque URL string, never
empty), ``created``/``modified`` (timezone-aware), ``deleted``, ``web``, ``license``,
``keyword``, and ``extras`` — the home of vendor and unknown properties, so nothing read is lost.
References to other objects are ids (strings); fields carry ``metadata["ref"]`` naming the
target class(es), which :class:`~kommunalrecht.Bestand` uses to resolve them.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

from ..errors import InvariantError
from . import _validators as v

__all__ = ["Objekt", "VerlaufEintrag"]

REF = "ref"  # metadata key: target class names of a reference field
EMBEDDED = "embedded"  # metadata key: field holds embedded model objects


def f_text() -> Any:
    """Optional free text."""
    return attrs.field(default=None, validator=v.opt_str)


def f_ref(*targets: str) -> Any:
    """Optional reference (id) to one object of the given class(es)."""
    return attrs.field(default=None, validator=v.opt_str, metadata={REF: targets})


def f_refs(*targets: str) -> Any:
    """Tuple of references (ids)."""
    return attrs.field(
        default=(),
        converter=v.to_str_tuple,
        validator=v.str_tuple,
        metadata={REF: targets},
    )


def f_texts() -> Any:
    """Tuple of non-empty strings."""
    return attrs.field(default=(), converter=v.to_str_tuple, validator=v.str_tuple)


def f_datum() -> Any:
    """Optional calendar date."""
    return attrs.field(default=None, validator=v.date_only)


def f_zeitpunkt() -> Any:
    """Optional timezone-aware datetime."""
    return attrs.field(default=None, validator=v.aware_datetime)


def f_flag() -> Any:
    """Optional boolean (None = unknown)."""
    return attrs.field(default=None, validator=v.opt_bool)


def f_one(cls: type[Any]) -> Any:
    """Optional embedded object of class ``cls``."""
    return attrs.field(default=None, validator=v.instance_of(cls), metadata={EMBEDDED: True})


def f_many(cls: type[Any]) -> Any:
    """Tuple of embedded objects of class ``cls``."""
    return attrs.field(
        default=(),
        converter=v.to_tuple,
        validator=v.tuple_of(cls, f"a {cls.__name__}"),
        metadata={EMBEDDED: True},
    )


def f_enum_field(cls: type[Any]) -> Any:
    """Optional enum member."""
    return attrs.field(default=None, validator=v.enum_of(cls))


def check_order(obj: Any, start_field: str, end_field: str) -> None:
    """Invariant: ``end`` is not before ``start`` (when both are known)."""
    start = getattr(obj, start_field)
    end = getattr(obj, end_field)
    if start is not None and end is not None and end < start:
        raise InvariantError(
            type(obj).__name__, end_field, f"a value not before {start_field}={start!r}", end
        )


@attrs.frozen(kw_only=True, weakref_slot=False)  # layout twin: see oparl._msgfast
class VerlaufEintrag:
    """One entry of a procedure history (``Verlauf``): when, which event, from which state to which,
    by whom, and a note. States are stored as their display values (``"eingeladen"``).

    >>> import datetime as dt
    >>> e = VerlaufEintrag(zeitpunkt=dt.datetime(2021, 11, 4, tzinfo=dt.timezone.utc),
    ...                    ereignis="einladen", von="geplant", nach="eingeladen")
    >>> e.nach
    'eingeladen'
    """

    zeitpunkt: _dt.datetime = attrs.field(validator=v.aware_datetime)
    ereignis: str = attrs.field(validator=v.non_empty_str)
    von: str | None = f_text()
    nach: str = attrs.field(validator=v.non_empty_str)
    akteur: str | None = f_text()
    notiz: str | None = f_text()

    def __attrs_post_init__(self) -> None:
        if self.zeitpunkt is None:
            raise InvariantError("VerlaufEintrag", "zeitpunkt", "a timezone-aware datetime", None)


@attrs.frozen(kw_only=True)
class Objekt:
    """Common base: the OParl common properties plus ``extras`` for vendor/unknown properties.

    Not used directly; every model class derives from it.

    >>> from kommunalrecht import Ort
    >>> Ort(id="https://example.org/ort/1", extras={"STERNBERG:raumnr": "A 1"}).extras
    {'STERNBERG:raumnr': 'A 1'}
    >>> Ort(id="")
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.InvariantError: Ort.id: expected a non-empty string, got ''
    """

    id: str = attrs.field(validator=v.non_empty_str)
    created: _dt.datetime | None = f_zeitpunkt()
    modified: _dt.datetime | None = f_zeitpunkt()
    deleted: bool = attrs.field(default=False, validator=v.bool_)
    web: str | None = f_text()
    license: str | None = f_text()
    keyword: tuple[str, ...] = f_texts()
    extras: Mapping[str, Any] = attrs.field(
        factory=dict, validator=v.extras_mapping, hash=False, repr=False
    )

    ORDNUNG: ClassVar[tuple[tuple[str, str], ...]] = (("created", "modified"),)
    """The order invariants of the class: for each ``(start, end)``, ``end`` is not before
    ``start`` when both are known (:func:`check_order`). Declared as data so that the OParl
    codec checks exactly these without calling ``__attrs_post_init__``."""

    def __attrs_post_init__(self) -> None:
        if self.__class__ is Objekt:
            raise TypeError("Objekt is the common base of the model classes; use one of them")
        for start, end in self.ORDNUNG:
            check_order(self, start, end)


# Objekt keeps no __setattr__/__delattr__ of its own: every concrete model class is frozen
# itself (attrs gives each its own), and Objekt cannot be instantiated. Without them the OParl
# decoder can build objects through layout twins (kommunalrecht.oparl._msgfast), three times
# faster than slot by slot.
del Objekt.__setattr__
del Objekt.__delattr__
