"""Hypothesis strategies for kommunalrecht (install with the ``testing`` extra).

* :func:`instanzen` — arbitrary valid instances of any model class (invariants hold: ids
  non-empty, datetimes timezone-aware, created ≤ modified, Beginn ≤ Ende); registered with
  :func:`hypothesis.strategies.register_type_strategy` on import, so
  ``st.from_type(kr.Sitzung)`` works.
* :func:`oparl_objekte` — valid OParl 1.1 objects (dicts) of every type, generated from the
  spec tables (:data:`kommunalrecht.oparl._spec.SPEC`, OParl 1.1 §2-§3): type URIs, date and
  date-time formats, required properties, embedded objects without their back-reference,
  ``AgendaItem.order`` as the 0-based position.
* :func:`bestaende` — whole consistent :class:`~kommunalrecht.Bestand` objects (every reference
  resolves, Beratungsfolge in date order, TOP positions gapless, created ≤ modified) that are
  lawful under a Geschäftsordnung (Ladungsfrist met, quorum present, results follow from the
  votes — see :mod:`kommunalrecht.testing._bau`), with size controls.
* :func:`rechtmaessige_sitzungen` — one lawful meeting with its context under a given GeschO.
* :func:`near_miss` — Bestände that break exactly one named rule (see
  :mod:`kommunalrecht.testing.nahfehler`).

>>> from hypothesis import given, settings
>>> import kommunalrecht as kr
>>> @settings(max_examples=5)
... @given(st.from_type(kr.Sitzung))
... def test(s):
...     assert s.id
>>> test()
"""

from __future__ import annotations

import datetime as _dt
import enum
import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from .. import model as _model
from ..errors import ConfigError
from ..model import MODELLKLASSEN, Bestand, Koerperschaftsart, Land
from ..oparl._spec import SPEC, Kind, Requirement, type_uri
from ..recht import LAENDER, Geschaeftsordnung, Landesprofil, profil
from ._bau import Groesse, baue_bestand

__all__ = [
    "bestaende",
    "daten",
    "extras",
    "geschaeftsordnungen",
    "ids",
    "instanzen",
    "near_miss",
    "nichtleere_texte",
    "oparl_objekte",
    "rechtmaessige_sitzungen",
    "register",
    "texte",
    "urls",
    "zeitpunkte",
]

T = TypeVar("T")

_OFFSETS = [_dt.UTC, _dt.timezone(_dt.timedelta(hours=1)), _dt.timezone(_dt.timedelta(hours=2))]

#: Absolute https URLs under an example host (what OParl ids and links look like).
urls: st.SearchStrategy[str] = st.builds(
    lambda k, n: f"https://ris.example.org/{k}/{n}",
    st.sampled_from(["a", "b", "sitzung", "top", "person", "datei"]),
    st.integers(min_value=0, max_value=10**6),
)

#: Object ids (opaque URL strings).
ids: st.SearchStrategy[str] = urls

#: Free text (any Unicode except surrogates; may be empty).
texte: st.SearchStrategy[str] = st.text(max_size=30)

#: Non-blank text (for ids of events, list items).
nichtleere_texte: st.SearchStrategy[str] = st.text(min_size=1, max_size=20).map(
    lambda s: s if s.strip() else "x" + s
)

#: Timezone-aware datetimes with a whole-second value and a numeric offset.
zeitpunkte: st.SearchStrategy[_dt.datetime] = st.datetimes(
    min_value=_dt.datetime(1990, 1, 1),
    max_value=_dt.datetime(2040, 1, 1),
    timezones=st.sampled_from(_OFFSETS),
).map(lambda d: d.replace(microsecond=0))

#: Calendar dates.
daten: st.SearchStrategy[_dt.date] = st.dates(
    min_value=_dt.date(1990, 1, 1), max_value=_dt.date(2040, 1, 1)
)

_json_scalar = st.one_of(st.none(), st.booleans(), st.integers(-1000, 1000), st.text(max_size=10))

#: Vendor properties (``extras``): prefixed names, JSON scalar values.
extras: st.SearchStrategy[dict[str, Any]] = st.dictionaries(
    st.sampled_from(["beispiel:nummer", "vendor:y", "STERNBERG:raum"]), _json_scalar, max_size=2
)

_URL_FIELDS = frozenset(
    {
        "web",
        "license",
        "website",
        "zugriff_url",
        "download_url",
        "externer_dienst_url",
        "dateilizenz",
        "oparl_version",
        "lebenslauf_quelle",
    }
)
_GEOJSON = {
    "type": "Feature",
    "geometry": {"type": "Point", "coordinates": [7.2, 50.8]},
    "properties": {},
}
_RANGES = (("created", "modified"), ("beginn", "ende"))


def _for_type(tp: Any, name: str, depth: int) -> st.SearchStrategy[Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return st.one_of(st.none(), *[_for_type(a, name, depth) for a in inner])
    if origin is tuple:
        item = nichtleere_texte if args[0] is str else _for_type(args[0], name, depth)
        return st.lists(item, max_size=2).map(tuple)
    if tp is str:
        if name in ("ereignis", "nach"):
            return nichtleere_texte
        if name in _URL_FIELDS or name.endswith("_liste"):
            return urls
        return texte
    if tp is bool:
        return st.booleans()
    if tp is int:
        return st.integers(min_value=0, max_value=500)
    if tp is _dt.datetime:
        return zeitpunkte
    if tp is _dt.date:
        return daten
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return st.sampled_from(list(tp))
    if origin is Mapping or tp is Mapping:
        return extras
    if isinstance(tp, type) and attrs.has(tp):
        return instanzen(tp, _depth=depth + 1)
    raise TypeError(f"no strategy for {tp!r} ({name})")  # pragma: no cover - model grew a type


def _ordered(cls: type[T]) -> Any:
    names = {a.name for a in attrs.fields(cls)}  # type: ignore[arg-type]

    def make(**kw: Any) -> T:
        for start, end in _RANGES:
            if start in names and end in names and kw.get(start) and kw.get(end):
                lo, hi = sorted((kw[start], kw[end]))
                kw[start], kw[end] = lo, hi
        if "beginn" in names and "ende" in names:
            b, e = kw.get("beginn"), kw.get("ende")
            if isinstance(b, _dt.date) and isinstance(e, _dt.date) and e < b:
                kw["beginn"], kw["ende"] = e, b
        return cls(**kw)

    return make


def instanzen(cls: type[T], *, _depth: int = 0) -> st.SearchStrategy[T]:
    """Arbitrary valid instances of the model class ``cls`` (one level of embedded objects).

    References are URL strings that need not resolve (use :func:`bestaende` for consistent
    sets). Every generated object satisfies the model's invariants.

    >>> import kommunalrecht as kr
    >>> from hypothesis import find
    >>> find(instanzen(kr.Tagesordnungspunkt), lambda t: t.position == 3).position
    3
    """
    if not (isinstance(cls, type) and attrs.has(cls)):
        raise ConfigError("cls", "a kommunalrecht model class", cls)
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, st.SearchStrategy[Any]] = {}
    for a in attrs.fields(cls):
        if not a.init:
            continue
        tp = hints[a.name]
        if a.name == "id":
            kwargs[a.name] = ids
        elif a.name == "extras":
            kwargs[a.name] = extras
        elif a.name == "geojson":
            kwargs[a.name] = st.none() | st.just(_GEOJSON)
        elif _depth > 0 and a.metadata.get("embedded"):
            continue
        elif a.name == "position":
            kwargs[a.name] = st.none() | st.integers(0, 50)
        elif a.metadata.get("ref"):
            many = typing.get_origin(tp) is tuple
            kwargs[a.name] = st.lists(ids, max_size=2).map(tuple) if many else st.none() | ids
        else:
            kwargs[a.name] = _for_type(tp, a.name, _depth)
    return st.builds(_ordered(cls), **kwargs)


# ------------------------------------------------------------------------------------------
# OParl dicts from the spec tables


def _iso(d: _dt.datetime) -> str:
    return d.isoformat(timespec="seconds")


_ot = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20
)


@st.composite
def _oparl_objekt(draw: st.DrawFn, typ: str, parent: str | None, depth: int) -> dict[str, Any]:
    ts = SPEC[typ]
    n = draw(st.integers(0, 10**6))
    oid = f"https://oparl.example.org/{typ.lower()}/{n}"
    created = draw(zeitpunkte)
    modified = created + _dt.timedelta(seconds=draw(st.integers(0, 10**7)))
    out: dict[str, Any] = {"id": oid, "type": type_uri(typ), "created": _iso(created)}
    out["modified"] = _iso(modified)
    embedded = parent is not None
    for p in ts.props:
        if p.name in out or p.name == "deleted":
            continue
        if p.backref_of is not None and embedded and p.backref_of == parent:
            continue
        required = p.required.applies(deleted=False, embedded=embedded)
        if p.required is Requirement.MUST_STANDALONE and embedded:
            continue
        if p.kind.is_embedded and depth >= 1 and not required:
            continue
        if not required and not draw(st.booleans()):
            continue
        value = _oparl_wert(draw, typ, p.name, p.kind, p.target, depth)
        if value is not None:
            out[p.name] = value
    if typ == "System":
        out["oparlVersion"] = "https://schema.oparl.org/1.1/"
    if typ == "Person" and "locationObject" in out:
        out["location"] = out["locationObject"]["id"]
    if typ == "Meeting" and "agendaItem" in out:
        for i, item in enumerate(out["agendaItem"]):
            item["order"] = i
    if typ == "Location" and "geojson" in out:
        out["geojson"] = dict(_GEOJSON)
    for start, end in (("startDate", "endDate"), ("start", "end")):
        if start in out and end in out and out[end] < out[start]:
            out[start], out[end] = out[end], out[start]
    return out


def _oparl_wert(
    draw: st.DrawFn, typ: str, name: str, kind: Kind, target: str | None, depth: int
) -> Any:
    if kind in (Kind.URL, Kind.EXTERNAL_LIST):
        return draw(urls)
    if kind is Kind.URL_LIST:
        return draw(st.lists(urls, min_size=1, max_size=2, unique=True))
    if kind is Kind.STRING:
        return draw(_ot)
    if kind is Kind.STRING_LIST:
        return draw(st.lists(_ot, min_size=1, max_size=2))
    if kind is Kind.DATE:
        return draw(daten).isoformat()
    if kind is Kind.DATETIME:
        return _iso(draw(zeitpunkte))
    if kind is Kind.INTEGER:
        return draw(st.integers(0, 10**6))
    if kind is Kind.BOOLEAN:
        return draw(st.booleans())
    if kind is Kind.OBJECT:
        return dict(_GEOJSON)
    assert target is not None
    if kind is Kind.EMBEDDED:
        return draw(_oparl_objekt(target, typ, depth + 1))
    if kind is Kind.EMBEDDED_LIST:
        items = draw(st.lists(_oparl_objekt(target, typ, depth + 1), min_size=1, max_size=2))
        return _unique_ids(items)
    raise AssertionError(kind)  # pragma: no cover


def _unique_ids(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for i, item in enumerate(items):
        item["id"] = f"{item['id']}-{i}"
    return items


def oparl_objekte(typ: str | None = None) -> st.SearchStrategy[dict[str, Any]]:
    """Valid OParl 1.1 objects (decoded JSON dicts) of type ``typ`` (any type if ``None``).

    Every generated object passes :func:`kommunalrecht.oparl.check` without error findings.

    >>> from hypothesis import find
    >>> find(oparl_objekte("Meeting"), lambda d: "agendaItem" in d)["type"]
    'https://schema.oparl.org/1.1/Meeting'
    """
    if typ is None:
        return st.sampled_from(sorted(SPEC)).flatmap(lambda t: _oparl_objekt(t, None, 0))
    if typ not in SPEC:
        raise ConfigError("typ", "an OParl 1.1 type name (" + ", ".join(SPEC) + ")", typ)
    return _oparl_objekt(typ, None, 0)


# ------------------------------------------------------------------------------------------
# whole Bestände


class _HypoZufall:
    def __init__(self, draw: st.DrawFn) -> None:
        self._draw = draw

    def ganz(self, lo: int, hi: int) -> int:
        return self._draw(st.integers(lo, hi))

    def ja(self) -> bool:
        return self._draw(st.booleans())

    def wahl(self, seq: Sequence[T]) -> T:
        return self._draw(st.sampled_from(seq))


_PROFILE = [
    (land, art)
    for land in LAENDER
    for art in (
        (Koerperschaftsart.GEMEINDE, Koerperschaftsart.KREIS)
        if land in (Land.NW, Land.NI)
        else (Koerperschaftsart.GEMEINDE,)
    )
]


def geschaeftsordnungen() -> st.SearchStrategy[Landesprofil]:
    """The statutory Land profiles (NW/NI Gemeinde and Kreis, BY, BW, HE, SN) as of 2021.

    >>> from hypothesis import find
    >>> find(geschaeftsordnungen(), lambda p: p.land.value == "BY").gesetz
    'BayGO'
    """
    return st.sampled_from(_PROFILE).map(lambda la: profil(la[0], la[1], _dt.date(2021, 9, 30)))


def bestaende(
    *,
    go: Geschaeftsordnung | Landesprofil | None = None,
    land: Land | None = None,
    min_sitzungen: int = 1,
    max_sitzungen: int = 3,
    min_tops: int = 1,
    max_tops: int = 4,
    max_ausschuesse: int = 2,
    min_mitglieder: int = 5,
    max_mitglieder: int = 13,
    max_vorlagen: int = 3,
    max_antraege: int = 2,
    dringlichkeit: bool = True,
) -> st.SearchStrategy[Bestand]:
    """Consistent, lawful Bestände of one Körperschaft.

    Without ``go`` each example uses one of the statutory Land profiles (its Land and
    Körperschaftsart); with ``go`` (a Geschaeftsordnung or a Landesprofil) every example is
    lawful under it, in ``land`` (default NW). Built constructively — no filtering.
    ``dringlichkeit``: sometimes add a Dringlichkeitsentscheidung (with its approval on the
    next agenda of the main body where the Land requires one) — only where the Land's
    profile at the Bestand's Rechtsstand has an Eilentscheidung instead of the council.

    >>> from hypothesis import find
    >>> import kommunalrecht as kr
    >>> b = find(bestaende(min_sitzungen=2, max_sitzungen=2), lambda b: True)
    >>> len(b.alle(kr.Sitzung))
    2
    """
    groesse = Groesse(
        min_sitzungen=min_sitzungen,
        max_sitzungen=max_sitzungen,
        min_tops=min_tops,
        max_tops=max_tops,
        max_ausschuesse=max_ausschuesse,
        min_mitglieder=min_mitglieder,
        max_mitglieder=max_mitglieder,
        max_vorlagen=max_vorlagen,
        max_antraege=max_antraege,
        dringlichkeit=dringlichkeit,
    )
    return _bestaende(go, land, groesse, None)


def _bestaende(
    go: Geschaeftsordnung | Landesprofil | None,
    land: Land | None,
    groesse: Groesse,
    fehler: str | None,
) -> st.SearchStrategy[Bestand]:
    @st.composite
    def build(draw: st.DrawFn) -> Bestand:
        g: Geschaeftsordnung | Landesprofil | None = go
        if g is None and land is None:
            g = draw(geschaeftsordnungen())
        return baue_bestand(_HypoZufall(draw), go=g, land=land, groesse=groesse, fehler=fehler)

    return build()


def rechtmaessige_sitzungen(
    *, go: Geschaeftsordnung | Landesprofil | None = None, land: Land | None = None
) -> st.SearchStrategy[Bestand]:
    """A lawful procedure: one Sitzung (with its Gremium, members, Drucksachen, Einladung in
    time under ``go``, quorum, results following from the votes) as a Bestand.

    >>> from hypothesis import find
    >>> import kommunalrecht as kr
    >>> len(find(rechtmaessige_sitzungen(), lambda b: True).alle(kr.Sitzung))
    1
    """
    return bestaende(go=go, land=land, min_sitzungen=1, max_sitzungen=1)


def near_miss(
    code: str,
    *,
    go: Geschaeftsordnung | Landesprofil | None = None,
    land: Land | None = None,
) -> st.SearchStrategy[Bestand]:
    """Bestände that break exactly the rule ``code`` (and are lawful otherwise).

    See :mod:`kommunalrecht.testing.nahfehler` for the codes and the default GeschO per code.

    >>> from hypothesis import find
    >>> import kommunalrecht as kr
    >>> b = find(near_miss("TOP_REIHENFOLGE"), lambda b: True)
    >>> any(sorted(t.position for t in s.tagesordnung) != list(range(len(s.tagesordnung)))
    ...     for s in b.alle(kr.Sitzung))
    True
    """
    from .nahfehler import _argumente

    g, lnd = _argumente(code, go, land)
    return _bestaende(g, lnd, Groesse(), code)


# ------------------------------------------------------------------------------------------
# registration


def register() -> None:
    """Register a strategy for every model class (and :class:`~kommunalrecht.Bestand`) with
    :func:`hypothesis.strategies.register_type_strategy`. Runs on import; idempotent.

    >>> import kommunalrecht as kr
    >>> register()
    >>> st.from_type(kr.Bestand) is not None
    True
    """
    klassen = (
        *MODELLKLASSEN,
        _model.Dringlichkeitsentscheidung,
        _model.Abstimmung,
        _model.Beschluss,
        _model.VerlaufEintrag,
    )
    for cls in klassen:
        st.register_type_strategy(cls, instanzen(cls))
    st.register_type_strategy(_model.Objekt, st.one_of(*[instanzen(c) for c in MODELLKLASSEN]))
    st.register_type_strategy(Bestand, bestaende())


register()
