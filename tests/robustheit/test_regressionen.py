"""Every crash the robustness sweep ever found, kept as an explicit regression test.

A crash is any exception other than :class:`~kommunalrecht.KommunalrechtError` on bad input.
Each test names the sweep test that found it and the module that owns the fix.
"""

from __future__ import annotations

import pytest

import kommunalrecht as kr
from kommunalrecht.recht import Geschaeftsordnung


def test_from_toml_with_lone_surrogate_is_a_config_error() -> None:
    """Found by ``test_geschaeftsordnung_from_toml`` (input ``'\\ud800'``): ``from_toml``
    encoded the text with ``str.encode("utf-8")`` and leaked ``UnicodeEncodeError``.
    Owner: ``kommunalrecht/recht/geschaeftsordnung.py``."""
    with pytest.raises(kr.ConfigError):
        Geschaeftsordnung.from_toml("\ud800")


def test_from_toml_with_lone_surrogate_inside_toml_is_a_config_error() -> None:
    """Same defect inside otherwise valid TOML text."""
    with pytest.raises(kr.ConfigError):
        Geschaeftsordnung.from_toml('name = "\ud800"\n')
