"""Hypothesis strategies for arbitrary *valid* model instances, derived from the attrs fields.

Used by the model's own tests; the public, richer strategies live in
``kommunalrecht.testing.strategies``.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs
from hypothesis import strategies as st

import kommunalrecht as kr
from kommunalrecht.model import MODELLKLASSEN

ids = st.builds(
    lambda n, k: f"https://ris.example.org/{k}/{n}",
    st.integers(min_value=0, max_value=10**6),
    st.sampled_from(["a", "b", "sitzung", "top"]),
)
texts = st.text(min_size=1, max_size=20).filter(lambda s: s.strip() != "")
offsets = st.sampled_from(
    [dt.UTC, dt.timezone(dt.timedelta(hours=1)), dt.timezone(dt.timedelta(hours=2))]
)
aware = st.datetimes(
    min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2040, 1, 1), timezones=offsets
).map(lambda d: d.replace(microsecond=0))
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 1, 1))
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(-1000, 1000), st.text(max_size=10))
extras = st.dictionaries(
    st.sampled_from(["STERNBERG:x", "vendor:y", "kommunalrecht-test:z"]), json_scalars, max_size=2
)


def _for_type(tp: Any, name: str) -> st.SearchStrategy[Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return st.one_of(st.none(), *[_for_type(a, name) for a in inner])
    if origin is tuple:
        return st.lists(_for_type(args[0], name), max_size=2).map(tuple)
    if tp is str:
        return ids if name not in {"name", "text"} else texts
    if tp is bool:
        return st.booleans()
    if tp is int:
        return st.integers(min_value=0, max_value=500)
    if tp is dt.datetime:
        return aware
    if tp is dt.date:
        return dates
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return st.sampled_from(list(tp))
    if origin is Mapping or tp is Mapping:
        return extras
    if isinstance(tp, type) and attrs.has(tp):
        return instances(tp, depth=1)
    raise TypeError(f"no strategy for {tp!r} ({name})")


def instances(cls: type[Any], depth: int = 0) -> st.SearchStrategy[Any]:
    """Arbitrary valid instances of the model class ``cls`` (time ranges ordered)."""
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, st.SearchStrategy[Any]] = {}
    for a in attrs.fields(cls):
        tp = hints[a.name]
        if a.name == "id":
            kwargs[a.name] = ids
        elif a.name == "extras":
            kwargs[a.name] = extras
        elif a.name == "geojson":
            kwargs[a.name] = st.none() | st.just(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [7.2, 50.8]},
                    "properties": {},
                }
            )
        elif depth > 0 and a.metadata.get("embedded"):
            kwargs[a.name] = st.just(a.default)
        elif a.name == "position":
            kwargs[a.name] = st.none() | st.integers(0, 50)
        else:
            kwargs[a.name] = _for_type(tp, a.name)
    return st.builds(_ordered(cls), **kwargs)


_RANGES = (("created", "modified"), ("beginn", "ende"))


def _ordered(cls: type[Any]) -> Any:
    names = {a.name for a in attrs.fields(cls)}

    def make(**kw: Any) -> Any:
        for start, end in _RANGES:
            if start in names and end in names and kw.get(start) and kw.get(end):
                lo, hi = sorted((kw[start], kw[end]))
                kw[start], kw[end] = lo, hi
        return cls(**kw)

    return make


ALL_CLASSES = (*MODELLKLASSEN, kr.Abstimmung, kr.Beschluss, kr.VerlaufEintrag)
