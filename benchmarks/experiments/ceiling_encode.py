"""Exploratory (not part of run.py): the ceiling of a pure-Python Meeting encoder.

Generates, from the codec's mapping table, an encoder for Sitzung / Tagesordnungspunkt /
Datei / Ort that reads each OParl-mapped slot once, skips empty values, leaves datetimes and
tuples to orjson (``OPT_OMIT_MICROSECONDS``) and writes no vendor properties — an optimistic
bound for ``oparl.dumps``. Compares with pydantic and the Bonn client.

Run: python benchmarks/experiments/ceiling_encode.py  (needs the bench extra; uses internals)
"""

import statistics
import sys
import time

import orjson

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
import workload
from peers import bonn
from peers import pydantic_models as pm

from kommunalrecht import Datei, Ort, Sitzung, Tagesordnungspunkt, oparl
from kommunalrecht.oparl._mapping import MAPPING, Conv

env = {}
srcs = []
for cls in (Ort, Datei, Tagesordnungspunkt, Sitzung):
    cm = MAPPING[cls]
    t = cm.oparl_type
    L = [
        f"def enc_{cls.__name__}(o, pid=None):",
        f"    d = {{'id': o.id, 'type': 'https://schema.oparl.org/1.1/{t}'}}",
    ]
    for f in cm.fields:
        if f.conv is Conv.ID:
            continue
        k = f.key
        if f.attr.startswith("beschluss."):
            sub = f.attr.split(".")[1]
            L.append(
                f"    b = o.beschluss\n    if b is not None and b.{sub} is not None: d[{k!r}] = b.{sub}"
            )
            continue
        if "." in f.attr:
            continue
        if f.conv is Conv.EMBED:
            L.append(
                f"    v = o.{f.attr}\n    if v is not None: d[{k!r}] = enc_{f.target.__name__}(v, o.id)"
            )
        elif f.conv is Conv.EMBED_MANY:
            L.append(
                f"    v = o.{f.attr}\n    if v: d[{k!r}] = [enc_{f.target.__name__}(x, o.id) for x in v]"
            )
        elif f.conv in (Conv.REFS, Conv.TEXTS):
            L.append(f"    v = o.{f.attr}\n    if v: d[{k!r}] = v")
        elif f.conv is Conv.FLAG:
            L.append(f"    if o.{f.attr}: d[{k!r}] = True")
        elif f.conv is Conv.ENUM or f.conv is Conv.PAIR_ENUM:
            L.append(f"    v = o.{f.attr}\n    if v is not None: d[{k!r}] = v.value")
        elif f.backref:
            L.append(f"    v = o.{f.attr}\n    if v is not None and v != pid: d[{k!r}] = v")
        else:
            L.append(f"    v = o.{f.attr}\n    if v is not None: d[{k!r}] = v")
    L.append("    return d")
    srcs.append("\n".join(L))
exec("\n\n".join(srcs), env)
enc = env["enc_Sitzung"]
OMIT = orjson.OPT_OMIT_MICROSECONDS
bs = [orjson.dumps(workload.meeting(i)) for i in range(8)]
objs = [oparl.loads(b) for b in bs]
pobjs = [pm.decode_meeting(b) for b in bs]
bobjs = [bonn.decode_meeting(bonn.prepare_meeting(workload.meeting(i))) for i in range(8)]


def timeit(f, n=50):
    f()
    t0 = time.perf_counter()
    for _ in range(n):
        f()
    return (time.perf_counter() - t0) / n / 8


cases = {
    "pydantic": lambda: [pm.encode_meeting(o) for o in pobjs],
    "bonn": lambda: [bonn.encode_meeting(o) for o in bobjs],
    "kr dumps (current)": lambda: [oparl.dumps(o) for o in objs],
    "ceiling: slot reads + orjson datetimes": lambda: [
        orjson.dumps(enc(o), option=OMIT) for o in objs
    ],
}
ts = {k: [] for k in cases}
for _r in range(7):
    for k, f in cases.items():
        ts[k].append(timeit(f))
med = {k: statistics.median(v) for k, v in ts.items()}
for k, t in med.items():
    print(
        f"{k:40s} {t * 1e6:8.1f} us {1 / t:8,.0f}/s  vs pydantic {med['pydantic'] / t:5.2f}  vs bonn {med['bonn'] / t:5.2f}"
    )
