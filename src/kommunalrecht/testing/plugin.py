"""pytest plugin of kommunalrecht (entry point ``pytest11: kommunalrecht``).

Installed with the package; active in every pytest run, but it only adds fixtures and one
option, so it never changes a test suite that does not use them. It needs no Hypothesis;
when Hypothesis is installed it registers the model strategies
(:mod:`kommunalrecht.testing.strategies`) so that ``st.from_type(kr.Sitzung)`` works.

Fixtures:

* ``seed_bestand`` — the Rhein-Sieg-Kreis 2021 example
  (:func:`kommunalrecht.beispiele.rhein_sieg_2021.bestand`);
* ``oparl_examples`` — the official OParl 1.1 examples (CC BY-SA 4.0, see
  ``data/oparl/SOURCE.txt``), repaired by the lenient reader, as ``{"Meeting-01": {...}}``
  (a fresh copy per test);
* ``kommunalrecht_go`` — the :class:`~kommunalrecht.recht.Geschaeftsordnung` chosen with
  ``--kommunalrecht-profile`` (``NW-kreis`` — the default —, ``NW-gemeinde``, ``BY``, ``HE``,
  ``NI-kreis``, optionally ``@YYYY-MM-DD`` for the Rechtsstand, or a path to a GeschO TOML
  file); ``kommunalrecht_profil`` the :class:`~kommunalrecht.recht.Landesprofil` (``None``
  for a TOML file) and ``kommunalrecht_land`` its Land.

>>> profil_aus("BY-gemeinde@2021-09-30").geschaeftsordnung.abstimmung.enthaltungen.value
'forbidden'
>>> profil_aus("XX")
Traceback (most recent call last):
...
kommunalrecht.errors.ConfigError: --kommunalrecht-profile: expected LAND[-gemeinde|-kreis][@YYYY-MM-DD] or a .toml path, got 'XX'
"""

from __future__ import annotations

import copy
import datetime as _dt
import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from ..errors import ConfigError, KommunalrechtError
from ..model import Bestand, Koerperschaftsart, Land
from ..recht import Geschaeftsordnung, Landesprofil, profil

__all__ = [
    "DEFAULT_PROFIL",
    "kommunalrecht_go",
    "kommunalrecht_land",
    "kommunalrecht_profil",
    "oparl_beispiele",
    "oparl_examples",
    "profil_aus",
    "seed_bestand",
]

#: Profile used when ``--kommunalrecht-profile`` is not given (the seed's Land and kind).
DEFAULT_PROFIL = "NW-kreis"

_ARTEN = {
    "gemeinde": Koerperschaftsart.GEMEINDE,
    "stadt": Koerperschaftsart.STADT,
    "kreisfreie_stadt": Koerperschaftsart.KREISFREIE_STADT,
    "kreis": Koerperschaftsart.KREIS,
}
_FORM = "LAND[-gemeinde|-kreis][@YYYY-MM-DD] or a .toml path"


def profil_aus(text: str) -> Landesprofil:
    """The Land profile named by ``text`` (``NW-kreis``, ``BY``, ``HE-gemeinde@2021-01-01``).

    >>> profil_aus("NW-kreis").gesetz
    'KrO NRW'
    """
    name = "--kommunalrecht-profile"
    if not isinstance(text, str):
        raise ConfigError(name, _FORM, text)
    kopf, _, stand_text = text.strip().partition("@")
    land_text, _, art_text = kopf.partition("-")
    try:
        land = Land(land_text.upper())
    except ValueError:
        raise ConfigError(name, _FORM, text) from None
    art = _ARTEN.get(art_text.lower().replace("-", "_") or "gemeinde")
    if art is None:
        raise ConfigError(name, _FORM, text)
    stand: _dt.date | None = None
    if stand_text:
        try:
            stand = _dt.date.fromisoformat(stand_text)
        except ValueError:
            raise ConfigError(name, _FORM, text) from None
    return profil(land, art, stand)


def _auswahl(wert: str) -> tuple[Geschaeftsordnung, Landesprofil | None]:
    pfad = Path(wert)
    if wert.endswith(".toml") or pfad.is_file():
        return Geschaeftsordnung.from_toml(pfad), None
    p = profil_aus(wert)
    return p.geschaeftsordnung, p


@cache
def oparl_beispiele() -> dict[str, dict[str, Any]]:
    """The shipped official OParl 1.1 examples, repaired (cached; do not mutate — the
    fixture ``oparl_examples`` hands out copies).

    >>> sorted(oparl_beispiele())[:3]
    ['Body-01', 'File-01', 'Location-01']
    """
    from ..oparl._repair import repair

    out: dict[str, dict[str, Any]] = {}
    ordner = resources.files("kommunalrecht.testing") / "data" / "oparl"
    for eintrag in sorted(ordner.iterdir(), key=lambda e: e.name):
        if not eintrag.name.endswith(".json"):
            continue
        roh = json.loads(eintrag.read_text(encoding="utf-8"))
        repariert, _ = repair(roh)
        out[eintrag.name.removesuffix(".json")] = repariert
    return out


# ------------------------------------------------------------------------------------------
# hooks


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--kommunalrecht-profile`` (and the ini key ``kommunalrecht_profile``)."""
    group = parser.getgroup("kommunalrecht")
    group.addoption(
        "--kommunalrecht-profile",
        action="store",
        default=None,
        metavar="PROFIL",
        help=f"Land/GeschO profile for the kommunalrecht fixtures: {_FORM} "
        f"(default: {DEFAULT_PROFIL})",
    )
    parser.addini(
        "kommunalrecht_profile", f"default for --kommunalrecht-profile ({_FORM})", default=None
    )


def _wert(config: pytest.Config) -> str:
    opt = config.getoption("kommunalrecht_profile", default=None)
    if opt:
        return str(opt)
    ini = config.getini("kommunalrecht_profile")
    return str(ini) if ini else DEFAULT_PROFIL


def pytest_configure(config: pytest.Config) -> None:
    """Validate the profile option early; register the Hypothesis strategies if available."""
    try:
        _auswahl(_wert(config))
    except KommunalrechtError as exc:
        raise pytest.UsageError(f"kommunalrecht: {exc}") from exc
    try:
        import hypothesis  # noqa: F401
    except ImportError:
        return
    from . import strategies  # noqa: F401  (registers on import)


def pytest_report_header(config: pytest.Config) -> str:
    """Show the active profile in the pytest header."""
    return f"kommunalrecht profile: {_wert(config)}"


# ------------------------------------------------------------------------------------------
# fixtures


@pytest.fixture(scope="session")
def seed_bestand() -> Bestand:
    """The Rhein-Sieg-Kreis 2021 example as a :class:`~kommunalrecht.Bestand` (immutable)."""
    from ..beispiele import rhein_sieg_2021

    return rhein_sieg_2021.bestand()


@pytest.fixture
def oparl_examples() -> dict[str, dict[str, Any]]:
    """The official OParl 1.1 examples, repaired, keyed by file stem (a fresh deep copy)."""
    return copy.deepcopy(oparl_beispiele())


@pytest.fixture(scope="session")
def kommunalrecht_profil(pytestconfig: pytest.Config) -> Landesprofil | None:
    """The Landesprofil of ``--kommunalrecht-profile`` (``None`` for a GeschO TOML file)."""
    return _auswahl(_wert(pytestconfig))[1]


@pytest.fixture(scope="session")
def kommunalrecht_go(pytestconfig: pytest.Config) -> Geschaeftsordnung:
    """The Geschaeftsordnung of ``--kommunalrecht-profile`` (default: KrO NRW defaults)."""
    return _auswahl(_wert(pytestconfig))[0]


@pytest.fixture(scope="session")
def kommunalrecht_land(kommunalrecht_profil: Landesprofil | None) -> Land:
    """The Land of the profile (NW for a GeschO TOML file)."""
    return kommunalrecht_profil.land if kommunalrecht_profil is not None else Land.NW
