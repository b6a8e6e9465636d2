"""The rule registry: every rule is a small function registered with a stable code.

A :class:`Regel` bundles the function that checks a :class:`~kommunalrecht.regeln.Kontext`
with its ``code`` (stable, upper case, e.g. ``LADUNGSFRIST``), its ``severity`` (the most
serious severity it reports; "nicht prüfbar" findings are ``info``), a German ``titel`` and
the way its legal basis depends on Land and Körperschaftsart (:meth:`Regel.rechtsgrundlage`).
The function's docstring is the rule's documentation (source and confidence [V]/[M]/[G] from
``reference/kommunalrecht-regeln.md``).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

import attrs

from ..errors import ConfigError, Finding, Severity
from ..model import Koerperschaftsart, Land

if TYPE_CHECKING:
    from ._kontext import Kontext

__all__ = ["Regel", "alle", "regel", "registriert"]

Pruefung = Callable[["Kontext"], Iterable[Finding]]

#: Länder / Körperschaftsarten shown in the documentation table, in this order.
SPALTEN: tuple[tuple[str, Land, Koerperschaftsart], ...] = (
    ("NW Gemeinde", Land.NW, Koerperschaftsart.GEMEINDE),
    ("NW Kreis", Land.NW, Koerperschaftsart.KREIS),
    ("BY", Land.BY, Koerperschaftsart.GEMEINDE),
    ("BW", Land.BW, Koerperschaftsart.GEMEINDE),
    ("NI", Land.NI, Koerperschaftsart.GEMEINDE),
    ("HE", Land.HE, Koerperschaftsart.GEMEINDE),
    ("SN", Land.SN, Koerperschaftsart.GEMEINDE),
)


@attrs.frozen(kw_only=True)
class Regel:
    """One registered rule.

    ``schluessel`` is the Geschäftsordnung / profile key whose legal basis the rule cites
    (:meth:`kommunalrecht.recht.Landesprofil.norm`); ``normen`` overrides it per Land (and
    ``(Land, "Kreis")`` for a Kreis); ``norm_fallback`` is cited when no Land is known.

    >>> from kommunalrecht import regeln
    >>> r = regeln.regel_fuer("ANTRAG_NICHT_AUFGENOMMEN")
    >>> r.severity.value, r.rechtsgrundlage(Land.NW, Koerperschaftsart.KREIS)
    ('error', '§ 33 Abs. 1 S. 2 KrO NRW')
    >>> r.rechtsgrundlage(Land.NW)
    '§ 48 Abs. 1 S. 2 GO NRW'
    """

    code: str
    severity: Severity
    titel: str
    thema: str
    pruefen: Pruefung = attrs.field(repr=False)
    schluessel: str | None = None
    normen: Mapping[object, str] = attrs.field(factory=dict, repr=False)
    norm_fallback: str = "GeschO"
    nur_bestand: bool = False

    @property
    def beschreibung(self) -> str:
        """The rule function's docstring (source, confidence, what "nicht prüfbar" means).

        >>> from kommunalrecht import regeln
        >>> "TOP" in regeln.regel_fuer("TOP_REIHENFOLGE").beschreibung
        True
        """
        return (self.pruefen.__doc__ or "").strip()

    def rechtsgrundlage(
        self,
        land: Land | None = None,
        art: Koerperschaftsart | None = None,
        rechtsstand: _dt.date | None = None,
    ) -> str:
        """The norm this rule cites for ``land`` / ``art`` (confidence tags not included).

        >>> from kommunalrecht import regeln
        >>> regeln.regel_fuer("ENTHALTUNG_UNZULAESSIG").rechtsgrundlage(Land.BY)
        'Art. 48 Abs. 1 S. 2 BayGO'
        """
        return _zitat(self, land, art, rechtsstand, mit_sicherheit=False)

    def norm_text(
        self,
        land: Land | None = None,
        art: Koerperschaftsart | None = None,
        rechtsstand: _dt.date | None = None,
    ) -> str:
        """Like :meth:`rechtsgrundlage`, with the confidence tag ([V]/[M]/[G]/[!]).

        >>> from kommunalrecht import regeln
        >>> regeln.regel_fuer("LADUNGSFRIST").norm_text(Land.HE)
        '§ 58 Abs. 1 S. 2 HGO [V]'
        """
        return _zitat(self, land, art, rechtsstand, mit_sicherheit=True)


def _zitat(
    r: Regel,
    land: Land | None,
    art: Koerperschaftsart | None,
    rechtsstand: _dt.date | None,
    *,
    mit_sicherheit: bool,
) -> str:
    from ..recht import LAENDER, profil

    if land is None:
        return r.norm_fallback
    kreis = art is Koerperschaftsart.KREIS
    for key in ((land, "Kreis"), land) if kreis else (land,):
        if key in r.normen:
            return r.normen[key]
    if r.schluessel is None or land not in LAENDER:
        return r.norm_fallback
    try:
        p = profil(land, art or Koerperschaftsart.GEMEINDE, rechtsstand or _dt.date(2021, 11, 1))
    except ConfigError:
        return r.norm_fallback
    n = p.norm(r.schluessel)
    if n.zitat == "GeschO" and r.norm_fallback != "GeschO":
        return r.norm_fallback
    return f"{n.zitat} [{n.sicherheit.value}]" if mit_sicherheit else n.zitat


_REGELN: dict[str, Regel] = {}

#: Topic modules in documentation / execution order.
THEMEN = (
    "ladung",
    "antrag",
    "tagesordnung",
    "beratungsfolge",
    "abstimmung",
    "oeffentlichkeit",
    "niederschrift",
    "dringlichkeit",
    "referenzen",
)


def regel(
    code: str,
    severity: Severity,
    titel: str,
    *,
    schluessel: str | None = None,
    normen: Mapping[object, str] | None = None,
    norm_fallback: str = "GeschO",
    nur_bestand: bool = False,
) -> Callable[[Pruefung], Pruefung]:
    """Decorator registering a rule function under ``code`` (internal)."""

    def deco(fn: Pruefung) -> Pruefung:
        if code in _REGELN:  # pragma: no cover - programming error
            raise ValueError(f"rule code {code} registered twice")
        _REGELN[code] = Regel(
            code=code,
            severity=severity,
            titel=titel,
            thema=fn.__module__.rsplit(".", 1)[-1],
            pruefen=fn,
            schluessel=schluessel,
            normen=dict(normen or {}),
            norm_fallback=norm_fallback,
            nur_bestand=nur_bestand,
        )
        return fn

    return deco


def alle() -> tuple[Regel, ...]:
    """Every registered rule, by topic (:data:`THEMEN`), then in registration order.

    >>> from kommunalrecht import regeln
    >>> [r.code for r in regeln.alle()][:2]
    ['LADUNGSFRIST', 'EINLADUNG_INHALT']
    """
    rang = {t: i for i, t in enumerate(THEMEN)}
    regeln = list(_REGELN.values())
    return tuple(sorted(regeln, key=lambda r: (rang.get(r.thema, len(rang)), regeln.index(r))))


def registriert(code: str) -> Regel:
    """The rule registered under ``code``; :class:`~kommunalrecht.ConfigError` if unknown.

    >>> from kommunalrecht import regeln
    >>> regeln.regel_fuer("MEHRHEIT").titel
    'Mehrheit und festgestelltes Ergebnis'
    >>> regeln.regel_fuer("GIBTSNICHT")
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.ConfigError: regeln: expected a registered rule code (LADUNGSFRIST, ...), got 'GIBTSNICHT'
    """
    try:
        return _REGELN[code]
    except (KeyError, TypeError):
        raise ConfigError(
            "regeln", "a registered rule code (" + ", ".join(r.code for r in alle()) + ")", code
        ) from None
