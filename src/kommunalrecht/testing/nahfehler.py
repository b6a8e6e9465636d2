"""Near misses: Bestände that break exactly ONE named rule of :mod:`kommunalrecht.regeln`.

For testing a validator — the library's or your own: a near miss for ``LADUNGSFRIST`` is a
lawful Bestand in every respect except that one Einladung reached the members a day after the
Ladungsfrist. Codes and what is broken: :data:`CODES`. Rules that can only be broken under
some Geschäftsordnungen use a fitting statutory profile when no ``go`` is given
(``ENTHALTUNG_UNZULAESSIG``: Bavaria, Art. 48 Abs. 1 S. 2 BayGO).

:func:`near_miss` is a Hypothesis strategy (needs the ``testing`` extra); :func:`beispiel`
builds one deterministic near miss without Hypothesis.

>>> b = beispiel("OEFFENTLICHKEIT", seed=2)
>>> import kommunalrecht as kr
>>> [t.nichtoeffentlich_grund for t in b.alle(kr.Tagesordnungspunkt)
...  if t.oeffentlich is False and not t.nichtoeffentlich_grund]
[None]
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..model import Bestand, Land
from ..recht import Geschaeftsordnung, Landesprofil, profil
from ._bau import FEHLER, ZufallRandom, baue_bestand

if TYPE_CHECKING:  # pragma: no cover
    from hypothesis.strategies import SearchStrategy

__all__ = ["CODES", "beispiel", "near_miss"]

#: Rule code → what its near miss breaks.
CODES: dict[str, str] = dict(FEHLER)

_DEFAULT_LAND: dict[str, Land] = {"ENTHALTUNG_UNZULAESSIG": Land.BY}


def _argumente(
    code: str, go: Geschaeftsordnung | Landesprofil | None, land: Land | None
) -> tuple[Geschaeftsordnung | Landesprofil | None, Land | None]:
    if not isinstance(code, str) or code not in CODES:
        raise ConfigError("code", "a near-miss rule code (" + ", ".join(CODES) + ")", code)
    if go is None and land is None:
        lnd = _DEFAULT_LAND.get(code, Land.NW)
        return profil(lnd, rechtsstand=_dt.date(2021, 9, 30)) if lnd is not Land.NW else None, (
            None if lnd is not Land.NW else Land.NW
        )
    return go, land


def near_miss(
    code: str,
    *,
    go: Geschaeftsordnung | Landesprofil | None = None,
    land: Land | None = None,
) -> SearchStrategy[Bestand]:
    """Hypothesis strategy of Bestände that break exactly the rule ``code``.

    >>> from hypothesis import given, settings
    >>> import kommunalrecht as kr
    >>> from kommunalrecht import recht
    >>> go = recht.profil(kr.Land.NW, kr.Koerperschaftsart.KREIS).geschaeftsordnung
    >>> @settings(max_examples=5)
    ... @given(near_miss("LADUNGSFRIST", go=go, land=kr.Land.NW))
    ... def test(b):
    ...     assert any(s.einladung_zugang > recht.ladungsfrist(go, s.tag, land=kr.Land.NW).datum
    ...                for s in b.alle(kr.Sitzung))
    >>> test()
    """
    from .strategies import near_miss as _nm

    return _nm(code, go=go, land=land)


def beispiel(
    code: str,
    *,
    seed: int = 0,
    go: Geschaeftsordnung | Landesprofil | None = None,
    land: Land | None = None,
) -> Bestand:
    """One deterministic near miss for ``code`` (no Hypothesis needed).

    >>> beispiel("TOP_REIHENFOLGE", seed=1) == beispiel("TOP_REIHENFOLGE", seed=1)
    True
    >>> beispiel("GIBTSNICHT")
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.ConfigError: code: expected a near-miss rule code (...), got 'GIBTSNICHT'
    """
    g, lnd = _argumente(code, go, land)
    return baue_bestand(ZufallRandom(seed), go=g, land=lnd, fehler=code)
