"""Arbitrary valid instances of every model class build, compare and hash."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kommunalrecht as kr
from kommunalrecht.model import MODELLKLASSEN
from kommunalrecht.testing.strategies import instanzen as instances

ALL_CLASSES = (*MODELLKLASSEN, kr.Abstimmung, kr.Beschluss, kr.VerlaufEintrag)


@pytest.mark.parametrize("cls", ALL_CLASSES, ids=lambda c: c.__name__)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_arbitrary_valid_instances_build(cls: type[Any], data: st.DataObject) -> None:
    obj = data.draw(instances(cls))
    assert isinstance(obj, cls)
    # frozen: evolve gives an equal copy; hash is consistent with equality
    copy = attrs.evolve(obj)
    assert copy == obj
    assert hash(copy) == hash(obj)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        obj.id = "x"  # type: ignore[misc]


@pytest.mark.parametrize("cls", ALL_CLASSES, ids=lambda c: c.__name__)
def test_classes_are_slotted_frozen_kw_only(cls: type[Any]) -> None:
    assert "__slots__" in cls.__dict__
    assert all(a.kw_only for a in attrs.fields(cls))
    assert cls.__doc__ and ">>>" in cls.__doc__, "docstring with a runnable example"
