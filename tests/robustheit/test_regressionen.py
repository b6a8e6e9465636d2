"""Every crash the robustness sweep ever found, kept as an explicit regression test.

A crash is any exception other than :class:`~kommunalrecht.KommunalrechtError` on bad input.
Each test names the sweep test that found it and the module that owns the fix.
"""

from __future__ import annotations

import contextlib

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


def test_lenient_geojson_with_unhashable_type_is_not_a_crash() -> None:
    """Found by ``test_from_dict`` (a mutated Meeting whose embedded Location had
    ``geojson.type`` replaced by a list): ``_repair_geojson`` tests ``gtype in _GEOMETRIES``
    (a set) and raised ``TypeError: unhashable type: 'list'``.
    Owner: ``kommunalrecht/oparl/_repair.py``."""
    from kommunalrecht import oparl

    d = {
        "id": "https://x.example/loc/1",
        "type": "https://schema.oparl.org/1.1/Location",
        "created": "2021-01-01T00:00:00+01:00",
        "modified": "2021-01-01T00:00:00+01:00",
        "geojson": {"type": []},
    }
    with contextlib.suppress(kr.KommunalrechtError):  # a ParseError would be fine
        oparl.from_dict(d, mode="lenient")


def test_check_geojson_with_unhashable_type_has_no_internal_error() -> None:
    """Same input: ``oparl.check`` does not raise but reports ``INTERNER_FEHLER`` (its own
    ``TypeError``) instead of a ``GEOJSON_KEIN_FEATURE`` finding.
    Owner: ``kommunalrecht/oparl/check.py``."""
    from kommunalrecht import oparl

    d = {
        "id": "https://x.example/loc/1",
        "type": "https://schema.oparl.org/1.1/Location",
        "created": "2021-01-01T00:00:00+01:00",
        "modified": "2021-01-01T00:00:00+01:00",
        "geojson": {"type": []},
    }
    assert "INTERNER_FEHLER" not in {f.code for f in oparl.check(d)}
