"""Cross-object rules: does a record follow the law and the Geschäftsordnung?

Each rule is a small function registered with a stable ``code``, a ``severity``, a German
message and a legal basis that depends on Land and Körperschaftsart (``§ 48 Abs. 1 S. 2 GO
NRW`` for a Gemeinde, ``§ 33 Abs. 1 S. 2 KrO NRW`` for a Kreis). :func:`validate` builds the
indexes once per Bestand (:class:`Kontext`; a Bestand never changes, so the index is kept with
it and reused by every later call) and runs every rule; :func:`assert_valid` raises
:class:`~kommunalrecht.ValidationError` when an error is found. Rules never raise on odd
records: missing data gives no finding or an ``info`` "nicht prüfbar" (documented per rule).

Topics: :mod:`.ladung`, :mod:`.antrag`, :mod:`.tagesordnung`, :mod:`.beratungsfolge`,
:mod:`.abstimmung`, :mod:`.oeffentlichkeit`, :mod:`.niederschrift`, :mod:`.dringlichkeit`,
:mod:`.referenzen`. Sources: ``reference/kommunalrecht-regeln.md`` §2-§4; every rule's
docstring names its norm and confidence ([V] verified, [M] not verified, [G] GeschO).

>>> import kommunalrecht as kr
>>> from kommunalrecht.beispiele import rhein_sieg_2021 as rsk
>>> [f.code for f in kr.validate(rsk.bestand(), ohne=["EINLADUNG_INHALT"])]
['ANTRAGSFRIST']
>>> kr.regeln.regel_fuer("LADUNGSFRIST").rechtsgrundlage(kr.Land.HE)
'§ 58 Abs. 1 S. 2 HGO'
"""

from . import (  # noqa: F401  (importing registers the rules, in this order)
    abstimmung,
    antrag,
    beratungsfolge,
    dringlichkeit,
    ladung,
    niederschrift,
    oeffentlichkeit,
    referenzen,
    tagesordnung,
)
from ._doku import tabelle
from ._kontext import Kontext
from ._registry import Regel, alle
from ._registry import registriert as regel_fuer
from ._validate import assert_valid, kontext, validate

__all__ = [
    "Kontext",
    "Regel",
    "alle",
    "assert_valid",
    "codes",
    "kontext",
    "regel_fuer",
    "tabelle",
    "validate",
]


def codes() -> tuple[str, ...]:
    """The codes of all registered rules.

    >>> "BEFANGENHEIT" in codes()
    True
    """
    return tuple(r.code for r in alle())
