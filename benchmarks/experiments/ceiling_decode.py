"""Exploratory (not part of run.py): the ceiling of a pure-Python strict Meeting decoder.

Generates, from the codec's mapping table, a decoder for Sitzung / Tagesordnungspunkt /
Datei / Ort that checks OParl types and formats inline (raising on the first problem, where a
real fast path would fall back to ``oparl.check`` + the careful decoder for the report),
builds every object slot by slot (``object.__new__`` + member descriptors, no attrs
``__init__``), and sends documents with vendor keys to the slow path via one set difference.
It leaves out the codec's derivations (status from meetingState, Beschluss.ergebnis, embedded
back-references), so it is an optimistic bound. Compares with orjson and pydantic.

Run: python benchmarks/experiments/ceiling_decode.py  (needs the bench extra; uses internals)
"""

import datetime as dt
import statistics
import sys
import time

import attrs
import orjson

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
import workload
from peers import pydantic_models as pm

from kommunalrecht import Datei, Ort, Sitzung, Tagesordnungspunkt, oparl
from kommunalrecht.model import Beschluss
from kommunalrecht.oparl._mapping import MAPPING, Conv


class Bad(Exception):
    pass


fromiso = dt.datetime.fromisoformat
dfromiso = dt.date.fromisoformat


def dtp(v):
    if v.__class__ is not str or len(v) != 25 or v[19] not in "+-":
        raise Bad(v)
    return fromiso(v)


def dp(v):
    if v.__class__ is not str or len(v) != 10:
        raise Bad(v)
    return dfromiso(v)


def refs(v):
    if v.__class__ is not list:
        raise Bad(v)
    for x in v:
        if x.__class__ is not str:
            raise Bad(x)
    return tuple(v)


env = {
    "new": object.__new__,
    "Bad": Bad,
    "dtp": dtp,
    "dp": dp,
    "refs": refs,
    "str": str,
    "bool": bool,
    "int": int,
    "Beschluss": Beschluss,
}
srcs = []
for cls in (Ort, Datei, Tagesordnungspunkt, Sitzung):
    cm = MAPPING[cls]
    by_attr = {f.attr: f for f in cm.fields if not f.key.startswith("kommunalrecht:")}
    known = {f.key for f in by_attr.values()} | {"type"}
    env[f"K_{cls.__name__}"] = frozenset(known)
    env[f"C_{cls.__name__}"] = cls
    L = [
        f"def dec_{cls.__name__}(d, pid=None):",
        "    g = d.get",
        f"    o = new(C_{cls.__name__})",
        f"    if d.keys() - K_{cls.__name__}: raise Bad('vendor keys: slow path')",
    ]
    for a in attrs.fields(cls):
        S = f"S_{cls.__name__}_{a.name}"
        for c in cls.__mro__:
            if a.name in c.__dict__:
                env[S] = c.__dict__[a.name].__set__
                break
        f = by_attr.get(a.name)
        if a.name == "beschluss":
            L.append("    r = g('result'); t = g('resolutionText')")
            L.append("    if r is not None or t is not None:")
            L.append(
                "        if (r is not None and r.__class__ is not str) or (t is not None and t.__class__ is not str): raise Bad(r)"
            )
            L.append(
                f"        b = new(Beschluss); SB_ergebnis(b, None); SB_ergebnis_text(b, r); SB_text(b, t); SB_abstimmung(b, None); {S}(o, b)"
            )
            L.append(f"    else: {S}(o, None)")
            continue
        if a.name == "extras":
            L.append(f"    {S}(o, {{}})")
            continue
        if f is None:
            dflt = a.default
            if isinstance(dflt, attrs.Factory):
                dflt = dflt.factory()
            env[f"D_{cls.__name__}_{a.name}"] = dflt
            L.append(f"    {S}(o, D_{cls.__name__}_{a.name})")
            continue
        k = f.key
        conv = f.conv
        if conv is Conv.ID:
            L.append(
                f"    v = d['id']\n    if v.__class__ is not str or not v: raise Bad(v)\n    {S}(o, v)"
            )
        elif conv in (Conv.TEXT, Conv.URL):
            if f.backref:
                L.append(f"    v = g({k!r}, pid)")
            else:
                L.append(f"    v = g({k!r})")
            L.append(
                f"    if v is not None and v.__class__ is not str: raise Bad(v)\n    {S}(o, v)"
            )
        elif conv is Conv.DATETIME:
            L.append(f"    v = g({k!r})\n    {S}(o, None if v is None else dtp(v))")
        elif conv is Conv.DATE:
            L.append(f"    v = g({k!r})\n    {S}(o, None if v is None else dp(v))")
        elif conv in (Conv.INT, Conv.ORDER):
            L.append(
                f"    v = g({k!r})\n    if v is not None and (v.__class__ is not int or v < 0): raise Bad(v)\n    {S}(o, v)"
            )
        elif conv in (Conv.BOOL,):
            L.append(
                f"    v = g({k!r})\n    if v is not None and v.__class__ is not bool: raise Bad(v)\n    {S}(o, v)"
            )
        elif conv is Conv.FLAG:
            L.append(
                f"    v = g({k!r})\n    if v is not None and v.__class__ is not bool: raise Bad(v)\n    {S}(o, v is True)"
            )
        elif conv in (Conv.REFS, Conv.TEXTS):
            L.append(f"    v = g({k!r})\n    {S}(o, () if v is None else refs(v))")
        elif conv is Conv.EMBED:
            L.append(
                f"    v = g({k!r})\n    {S}(o, None if v is None else dec_{f.target.__name__}(v, d['id']))"
            )
        elif conv is Conv.EMBED_MANY:
            L.append(
                f"    v = g({k!r})\n    {S}(o, () if v is None else tuple([dec_{f.target.__name__}(x, d['id']) for x in v]))"
            )
        elif conv is Conv.GEOJSON:
            L.append(f"    {S}(o, g({k!r}))")
        else:
            raise SystemExit(f"unhandled {conv}")
    if cls in (Sitzung, Tagesordnungspunkt):
        L.append(
            "    b, e = o.beginn, o.ende\n    if b is not None and e is not None and e < b: raise Bad('order')"
        )
    L.append(
        "    c, m = o.created, o.modified\n    if c is not None and m is not None and m < c: raise Bad('order')"
    )
    L.append("    return o")
    srcs.append("\n".join(L))
for a in attrs.fields(Beschluss):
    env[f"SB_{a.name}"] = Beschluss.__dict__[a.name].__set__
exec("\n\n".join(srcs), env)
dec = env["dec_Sitzung"]
bs = [orjson.dumps(workload.meeting(i)) for i in range(8)]
for b in bs:
    mine, ref = dec(orjson.loads(b)), oparl.loads(b)
    assert [t.name for t in mine.tagesordnung] == [t.name for t in ref.tagesordnung]
    assert mine.beginn == ref.beginn and mine.ort.raum == ref.ort.raum


def timeit(f, n=50):
    f()
    t0 = time.perf_counter()
    for _ in range(n):
        f()
    return (time.perf_counter() - t0) / n / 8


cases = {
    "orjson": lambda: [orjson.loads(b) for b in bs],
    "pydantic": lambda: [pm.decode_meeting(b) for b in bs],
    "kr loads (current)": lambda: [oparl.loads(b) for b in bs],
    "ceiling: generated strict fast path": lambda: [dec(orjson.loads(b)) for b in bs],
}
ts = {k: [] for k in cases}
for _r in range(7):
    for k, f in cases.items():
        ts[k].append(timeit(f))
med = {k: statistics.median(v) for k, v in ts.items()}
for k, t in med.items():
    print(
        f"{k:40s} {t * 1e6:8.1f} us {1 / t:8,.0f}/s  vs pydantic {med['pydantic'] / t:5.2f}  orjson/x {t / med['orjson']:5.2f}"
    )
