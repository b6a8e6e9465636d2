"""``validate`` and ``assert_valid``: run the registered rules over objects or a Bestand."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from ..errors import ConfigError, Finding, KommunalrechtError, Severity, ValidationError
from ..model import Bestand, Koerperschaftsart, Land, Objekt
from ..recht import LAENDER, Geschaeftsordnung, Landesprofil, profil
from ._kontext import Kontext, regelindex
from ._registry import Regel, alle, registriert

__all__ = ["assert_valid", "validate"]


def _bestand(obj: object) -> tuple[Bestand, bool]:
    if isinstance(obj, Bestand):
        return obj, False
    if isinstance(obj, Objekt):
        return Bestand([obj]), True
    if isinstance(obj, Iterable) and not isinstance(obj, (str, bytes)):
        return Bestand(list(obj)), False
    raise ConfigError("obj", "a model object, a Bestand or an iterable of model objects", obj)


def _land(land: object) -> Land | None:
    if land is None or isinstance(land, Land):
        return land
    if isinstance(land, str):
        try:
            return Land(land.upper())
        except ValueError:
            pass
    raise ConfigError("land", "a Land or its code (e.g. 'NW')", land)


def _auswahl(codes: Iterable[str] | None, name: str) -> set[str] | None:
    if codes is None:
        return None
    if isinstance(codes, str):
        codes = [codes]
    out = set()
    for c in codes:
        try:
            out.add(registriert(c).code)
        except ConfigError:
            raise ConfigError(name, "registered rule codes", c) from None
    return out


def kontext(
    obj: object,
    *,
    land: Land | str | None = None,
    go: Geschaeftsordnung | Landesprofil | None = None,
    art: Koerperschaftsart | None = None,
    rechtsstand: _dt.date | None = None,
) -> Kontext:
    """Build the :class:`Kontext` of a validation run (see :func:`validate` for the defaults).

    >>> from kommunalrecht.beispiele import rhein_sieg_2021 as rsk
    >>> k = kontext(rsk.bestand())
    >>> k.land, k.art, k.profil.gesetz, k.rechtsstand
    (<Land.NW: 'NW'>, <Koerperschaftsart.KREIS: 'Kreis'>, 'KrO NRW', datetime.date(2021, 11, 16))
    """
    bestand, einzeln = _bestand(obj)
    land_ = _land(land)
    if art is not None and not isinstance(art, Koerperschaftsart):
        raise ConfigError("art", "a Koerperschaftsart", art)
    if go is not None and not isinstance(go, (Geschaeftsordnung, Landesprofil)):
        raise ConfigError("go", "a recht.Geschaeftsordnung or a recht.Landesprofil", go)
    if rechtsstand is not None and (
        isinstance(rechtsstand, _dt.datetime) or not isinstance(rechtsstand, _dt.date)
    ):
        raise ConfigError("rechtsstand", "a datetime.date", rechtsstand)
    index = regelindex(bestand)  # built once per Bestand
    if land_ is None or art is None:
        o = index.koerperschaft  # the first top-level Körperschaft with a Land
        if o is not None:
            land_ = land_ or o.land
            art = art or o.art
    if rechtsstand is None:
        rechtsstand = index.letzter_tag or _dt.date.today()
    prof: Landesprofil | None = None
    if isinstance(go, Landesprofil):
        prof = go
        land_ = land_ or go.land
        art = art or go.art
    elif land_ in LAENDER:
        assert land_ is not None
        art_ = art if art is not None else Koerperschaftsart.GEMEINDE
        if art_ is Koerperschaftsart.SONSTIGE:
            art_ = Koerperschaftsart.GEMEINDE
        try:
            prof = profil(land_, art_, rechtsstand)
        except ConfigError:
            prof = None
    if isinstance(go, Geschaeftsordnung):
        regeln_go: Geschaeftsordnung | None = go
    else:
        regeln_go = prof.geschaeftsordnung if prof is not None else None
    return Kontext(
        bestand,
        land=land_,
        art=art,
        profil=prof,
        go=regeln_go,
        rechtsstand=rechtsstand,
        einzelobjekt=einzeln,
    )


def validate(
    obj: object,
    *,
    land: Land | str | None = None,
    go: Geschaeftsordnung | Landesprofil | None = None,
    regeln: Iterable[str] | None = None,
    ohne: Iterable[str] | None = None,
    art: Koerperschaftsart | None = None,
    rechtsstand: _dt.date | None = None,
) -> list[Finding]:
    """Run the registered rules over ``obj`` and return every finding (never stops early).

    ``obj``: a :class:`~kommunalrecht.Bestand`, one model object, or an iterable of model
    objects. ``land`` / ``art``: default from the first Körperschaft with a ``land`` in the
    Bestand. ``go``: a :class:`~kommunalrecht.recht.Geschaeftsordnung` (the body's own; the
    Land profile still supplies the norms cited) or a
    :class:`~kommunalrecht.recht.Landesprofil`; default
    ``recht.profil(land, art, rechtsstand).geschaeftsordnung``. ``rechtsstand``: default the
    latest Sitzung day in the Bestand (else today). ``regeln`` selects rule codes, ``ohne``
    disables some. Rules never raise on odd records; an unknown code or a bad argument raises
    :class:`~kommunalrecht.ConfigError`.

    Findings are ordered by rule (registry order), then as the rule found them; each has the
    top-level ``object_id`` and the ``path`` inside it.

    >>> import kommunalrecht as kr
    >>> from kommunalrecht.beispiele import rhein_sieg_2021 as rsk
    >>> sorted({f.code for f in kr.validate(rsk.bestand())})
    ['ANTRAGSFRIST', 'EINLADUNG_INHALT']
    >>> kr.validate(rsk.bestand(), regeln=["LADUNGSFRIST"])
    []
    """
    k = kontext(obj, land=land, go=go, art=art, rechtsstand=rechtsstand)
    nur = _auswahl(regeln, "regeln")
    weg = _auswahl(ohne, "ohne") or set()
    findings: list[Finding] = []
    for r in alle():
        if (nur is not None and r.code not in nur) or r.code in weg:
            continue
        if r.nur_bestand and k.einzelobjekt:
            continue
        findings.extend(_laufen(r, k))
    return findings


def _laufen(r: Regel, k: Kontext) -> list[Finding]:
    k.regel = r
    try:
        return list(r.pruefen(k))
    except KommunalrechtError as exc:  # e.g. a date outside the Feiertage tables
        return [
            Finding(
                code=r.code,
                severity=Severity.INFO,
                message=f"nicht prüfbar: {exc}",
                rechtsgrundlage=k.norm(),
            )
        ]
    finally:
        k.regel = None


def assert_valid(
    obj: object,
    *,
    land: Land | str | None = None,
    go: Geschaeftsordnung | Landesprofil | None = None,
    regeln: Iterable[str] | None = None,
    ohne: Iterable[str] | None = None,
    art: Koerperschaftsart | None = None,
    rechtsstand: _dt.date | None = None,
) -> list[Finding]:
    """Like :func:`validate`, but raise :class:`~kommunalrecht.ValidationError` carrying all
    findings if any has severity error; otherwise return the (warning / info) findings.

    >>> import kommunalrecht as kr
    >>> from kommunalrecht.beispiele import rhein_sieg_2021 as rsk
    >>> len(kr.assert_valid(rsk.bestand())) >= 1
    True
    >>> kr.assert_valid(rsk.bestand(), go=kr.Geschaeftsordnung.from_dict(
    ...     {"ladung": {"frist": {"tage": 14}}}))
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.ValidationError: ...
      error LADUNGSFRIST at $.einladungsdatum: Ladungsfrist nicht eingehalten...
    """
    findings = validate(
        obj, land=land, go=go, regeln=regeln, ohne=ohne, art=art, rechtsstand=rechtsstand
    )
    if any(f.severity is Severity.ERROR for f in findings):
        raise ValidationError(findings)
    return findings
