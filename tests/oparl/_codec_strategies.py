"""Hypothesis strategies for the codec tests, derived from the mapping table.

``model_objects(cls)`` builds arbitrary valid model objects of every field (so a new model
field is covered automatically); ``oparl_dicts(type)`` builds valid OParl 1.1 dicts from the
spec tables (every property kind, vendor properties included).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from kommunalrecht.model import Abstimmung, Beschluss, Tagesordnungspunkt, VerlaufEintrag
from kommunalrecht.model import enums as _enums
from kommunalrecht.oparl._mapping import MAPPING, VENDOR_MAPPING, Conv
from kommunalrecht.oparl._spec import SPEC, Kind, type_uri

POOL = [f"https://ris.example.org/oparl/obj/{i}" for i in range(4)]

urls = st.one_of(
    st.sampled_from(POOL),
    st.builds(
        "https://ris.example.org/{}?id={}".format,
        st.sampled_from(["a", "bodies", "x/y"]),
        st.integers(0, 10**6),
    ),
)
texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
nonempty = texts.filter(str.strip)
opt_text = st.none() | texts
offsets = st.sampled_from(
    [
        dt.UTC,
        dt.timezone(dt.timedelta(hours=1)),
        dt.timezone(dt.timedelta(hours=-5, minutes=-30)),
    ]
)
datetimes = st.builds(
    lambda d, tz: d.replace(tzinfo=tz),
    st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2040, 1, 1)).map(
        lambda d: d.replace(microsecond=0)
    ),
    offsets,
)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 1, 1))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=6,
)
extras = st.dictionaries(
    st.builds("{}:{}".format, st.sampled_from(["STERNBERG", "x", "ALLRIS"]), nonempty),
    json_values,
    max_size=2,
)
geojson = st.sampled_from(
    [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [7.2, 50.8]},
         "properties": {}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-70.5, -30.25]},
         "properties": {"name": "x"}},
    ]
)  # fmt: skip

verlauf = st.builds(
    VerlaufEintrag,
    zeitpunkt=st.datetimes(timezones=st.just(dt.UTC)),
    ereignis=nonempty,
    von=opt_text,
    nach=nonempty,
    akteur=opt_text,
    notiz=opt_text,
)
abstimmung = st.builds(
    Abstimmung,
    ja=st.integers(0, 90),
    nein=st.integers(0, 90),
    enthaltung=st.integers(0, 9),
    ungueltig=st.integers(0, 3),
    befangen=st.integers(0, 3),
    art=st.none() | st.sampled_from(_enums.Abstimmungsart),
    anwesend=st.none() | st.integers(0, 99),
    stimmberechtigt_anwesend=st.none() | st.integers(0, 99),
    befangene=st.lists(urls, max_size=2).map(tuple),
)


def _enum_text(e: Any) -> st.SearchStrategy[str | None]:
    """Free text of an enum/free-text pair: often an enum value, sometimes other text."""
    return st.none() | texts | st.sampled_from([m.value for m in e])


beschluss = st.builds(
    Beschluss,
    ergebnis=st.none() | st.sampled_from(_enums.BeschlussErgebnis),
    ergebnis_text=_enum_text(_enums.BeschlussErgebnis),
    text=opt_text,
    abstimmung=st.none() | abstimmung,
)


def _field_strategy(f: Any, depth: int, tname: str) -> st.SearchStrategy[Any]:
    c = f.conv
    p = SPEC[tname].by_name.get(f.key) if tname in SPEC else None
    if p is not None and p.kind.is_url and c is Conv.TEXT:
        return st.none() | urls  # e.g. System.license is a URL (the lenient reader checks it)
    if c is Conv.ID:
        return urls
    if c is Conv.TEXT:
        return opt_text
    if c is Conv.URL:
        if f.attr == "oparl_version":
            return st.sampled_from(["https://schema.oparl.org/1.1/", *POOL])
        return st.none() | urls
    if c is Conv.DATE:
        return st.none() | dates
    if c is Conv.DATETIME:
        return st.none() | datetimes
    if c is Conv.INT:
        return st.none() | st.integers(0, 10**9)
    if c is Conv.BOOL:
        return st.none() | st.booleans()
    if c is Conv.FLAG:
        return st.booleans()
    if c is Conv.TEXTS:
        return st.lists(nonempty, max_size=2).map(tuple)
    if c is Conv.REFS:
        return st.lists(urls, max_size=2).map(tuple)
    if c is Conv.ENUM or c is Conv.PAIR_ENUM:
        return st.none() | st.sampled_from(f.target)
    if c is Conv.PAIR_TEXT:
        return _enum_text(f.target)
    if c is Conv.GEOJSON:
        return st.none() | geojson
    if c is Conv.VERLAUF:
        return st.lists(verlauf, max_size=2).map(tuple)
    if c is Conv.ORDER:
        return st.none() | st.integers(0, 40)
    if c is Conv.EMBED:
        return st.none() if depth > 2 else st.none() | model_objects(f.target, depth + 1)
    if c is Conv.EMBED_MANY:
        if depth > 2:
            return st.just(())
        return st.lists(model_objects(f.target, depth + 1), max_size=2).map(tuple)
    raise AssertionError(c)


def _ordered(kw: dict[str, Any], a: str, b: str) -> None:
    x, y = kw.get(a), kw.get(b)
    if x is not None and y is not None and y < x:
        kw[a], kw[b] = y, x


@st.composite
def model_objects(draw: Any, cls: type[Any], depth: int = 0, deleted: bool = False) -> Any:
    """An arbitrary valid (not deleted) model object of ``cls`` with every field drawn."""
    kw: dict[str, Any] = {}
    cm = MAPPING[cls] if cls in MAPPING else VENDOR_MAPPING[cls]
    for f in cm.fields:
        if "." in f.attr:
            continue
        kw[f.attr] = draw(_field_strategy(f, depth, cm.oparl_type))
    if cls is Tagesordnungspunkt:
        kw["beschluss"] = draw(st.none() | beschluss)
    kw["deleted"] = deleted
    kw["extras"] = draw(extras)
    for a, b in (("created", "modified"), ("beginn", "ende")):
        _ordered(kw, a, b)
    return cls(**kw)


# ---------------------------------------------------------------------------------------
# valid OParl dicts


def _fmt(d: dt.datetime) -> str:
    return d.isoformat(timespec="seconds")


def _value(kind: Kind, target: str | None, depth: int, pid: str | None) -> st.SearchStrategy[Any]:
    if kind is Kind.STRING:
        return nonempty
    if kind in (Kind.URL, Kind.EXTERNAL_LIST):
        return urls
    if kind is Kind.DATE:
        return dates.map(dt.date.isoformat)
    if kind is Kind.DATETIME:
        return datetimes.map(_fmt)
    if kind is Kind.INTEGER:
        return st.integers(0, 10**6)
    if kind is Kind.BOOLEAN:
        return st.booleans()
    if kind is Kind.OBJECT:
        return geojson
    if kind is Kind.STRING_LIST:
        return st.lists(nonempty, min_size=1, max_size=2)
    if kind is Kind.URL_LIST:
        return st.lists(urls, min_size=1, max_size=2)
    assert target is not None
    if kind is Kind.EMBEDDED:
        return oparl_dicts(target, depth + 1, embedded=True)
    return st.lists(oparl_dicts(target, depth + 1, embedded=True), min_size=1, max_size=2)


@st.composite
def oparl_dicts(draw: Any, tname: str, depth: int = 0, embedded: bool = False) -> dict[str, Any]:
    """A valid OParl 1.1 dict of type ``tname`` (strict ``check`` finds no error)."""
    ts = SPEC[tname]
    d: dict[str, Any] = {"id": draw(urls), "type": type_uri(tname)}
    stamp = draw(datetimes)
    later = draw(st.sampled_from([stamp, stamp + dt.timedelta(days=3)]))
    for p in ts.props:
        if p.name in ("id", "type", "deleted"):
            continue
        if p.name == "created":
            d[p.name] = _fmt(stamp)
            continue
        if p.name == "modified":
            d[p.name] = _fmt(later)
            continue
        if p.name == "oparlVersion":
            d[p.name] = "https://schema.oparl.org/1.1/"
            continue
        if embedded and p.backref_of is not None:
            continue  # omitted inside the parent (§3)
        needed = p.required.applies(deleted=False, embedded=embedded)
        if p.kind.is_embedded and depth >= 2 and not needed:
            continue
        if not needed and not draw(st.booleans()):
            continue
        if p.kind is Kind.EMBEDDED_LIST and depth >= 2:
            d[p.name] = []
            continue
        d[p.name] = draw(_value(p.kind, p.target, depth, d["id"]))
    # invariants of the model and cross-property MUSTs of the spec
    for a, b in (("startDate", "endDate"), ("start", "end")):
        if a in d and b in d and d[b] < d[a] and len(d[a]) == len(d[b]):
            d[a], d[b] = d[b], d[a]
    if tname == "Meeting" and "agendaItem" in d:
        for i, item in enumerate(d["agendaItem"]):
            item["order"] = i
    if (
        tname in ("Meeting", "AgendaItem")
        and "start" in d
        and "end" in d
        and dt.datetime.fromisoformat(d["end"]) < dt.datetime.fromisoformat(d["start"])
    ):
        d["end"] = d["start"]
    if tname == "Person" and "locationObject" in d:
        d["location"] = d["locationObject"]["id"]
    d.update(draw(extras))
    return d
