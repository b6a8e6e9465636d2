"""Junk and mutated real documents for the robustness sweep.

Corpus: the official OParl examples (1.0 and 1.1) and the real-world server output under
``tests/data/oparl/``, and the seed Bestand written as OParl dicts. Mutations: dropped keys,
wrong types, null, huge strings, odd Unicode (NUL, lone surrogates, bidi overrides, non-BMP),
deep nesting, other type URIs.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from kommunalrecht import KommunalrechtError, oparl
from kommunalrecht.beispiele import rhein_sieg_2021
from kommunalrecht.oparl._spec import SPEC

DATA = Path(__file__).resolve().parent.parent / "data" / "oparl"

N = 2  # examples per sweep test = N × the profile's max_examples (ci 60 → 120)


def _corpus() -> list[Any]:
    docs: list[Any] = []
    for p in sorted(DATA.rglob("*.json")):
        if p.name == "expected_findings.json":
            continue
        docs.append(json.loads(p.read_text(encoding="utf-8")))
    docs.extend(oparl.to_dict(o) for o in rhein_sieg_2021.bestand().objekte)
    return docs


CORPUS: list[Any] = _corpus()

PROPS = sorted({p.name for ts in SPEC.values() for p in ts.props})
TYPE_URIS = [f"https://schema.oparl.org/{v}/{t}" for t in SPEC for v in ("1.0", "1.1")]

ODD = [
    "",
    " ",
    "\x00",
    "\ud800",
    "\udfff",
    "\u202e\u0645",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "\ufeff{}",
    "2021-13-45",
    "2021-02-29T25:61:61+99:99",
    "0000-00-00",
    "https://",
    "//x",
    "javascript:alert(1)",
    "NaN",
    "-0",
    "1e999",
    "<![CDATA[x]]>",
    "&amp;&#0;",
    *TYPE_URIS[:6],
]

huge_text = st.integers(10_000, 200_000).map(lambda n: "x" * n)
odd_text = st.one_of(st.sampled_from(ODD), st.text(max_size=40), huge_text)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=2**63, max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    odd_text,
)
keys = st.one_of(st.sampled_from([*PROPS, "type", "id", "data", "links", "pagination"]), odd_text)
json_junk = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=6),
    max_leaves=25,
)
type_junk = st.none() | st.sampled_from(sorted(SPEC)) | odd_text


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if len(path) > 40:  # do not walk into nesting we made ourselves
        return out
    if isinstance(value, dict):
        for k, v in value.items():
            out.extend(_paths(v, (*path, k)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.extend(_paths(v, (*path, i)))
    return out


def _nest(value: Any, depth: int) -> Any:
    for i in range(depth):
        value = [value] if i % 2 else {"x": value}
    return value


@st.composite
def mutated_documents(draw: st.DrawFn, max_depth: int = 3000) -> Any:
    """A real OParl document with 1-3 mutations."""
    doc = copy.deepcopy(draw(st.sampled_from(CORPUS)))
    nested = False
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(doc)
        path = draw(st.sampled_from(paths))
        op = draw(st.sampled_from(["drop", "junk", "null", "huge", "odd", "nest", "type", "dup"]))
        if op == "nest":
            if nested:
                continue
            nested = True
        if not path:
            if op == "nest":
                doc = _nest(doc, draw(st.integers(10, max_depth)))
            elif op == "junk":
                doc = draw(json_junk)
            continue
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        if op == "drop":
            del parent[last]
        elif op == "junk":
            parent[last] = draw(json_junk)
        elif op == "null":
            parent[last] = None
        elif op == "huge":
            parent[last] = draw(huge_text)
        elif op == "odd":
            parent[last] = draw(st.sampled_from(ODD))
        elif op == "nest":
            parent[last] = _nest(parent[last], draw(st.integers(10, max_depth)))
        elif op == "type":
            parent[last] = draw(st.sampled_from(TYPE_URIS))
        elif op == "dup" and isinstance(parent, list) and not nested:
            parent.append(copy.deepcopy(parent[last]))
    return doc


def as_bytes(doc: Any) -> bytes:
    """``doc`` as JSON bytes (surrogates and deep nesting written by hand if needed)."""
    try:
        return json.dumps(doc, ensure_ascii=False).encode("utf-8", "surrogatepass")
    except (RecursionError, ValueError):
        return b"[" * 5000 + b"]" * 5000


def xml_documents() -> list[bytes]:
    return [oparl.dumps(o, format="xml") for o in rhein_sieg_2021.bestand().objekte]


XML_DOCS = xml_documents()
XML_JUNK = [
    b"",
    b"<",
    b"\x00",
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><x>&b;</x>',
    b'<!DOCTYPE x SYSTEM "http://example.org/evil.dtd"><x/>',
    b'<x xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="/etc/passwd"/></x>',
    b"&xxe;",
    b"\xff\xfe<\x00x\x00/\x00>\x00",
    b"<" + b"a>" * 3000,
]


@st.composite
def mutated_xml(draw: st.DrawFn) -> bytes:
    doc = bytearray(draw(st.sampled_from(XML_DOCS)))
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(doc)))
        j = draw(st.integers(i, min(len(doc), i + 200)))
        op = draw(st.sampled_from(["cut", "insert", "dup", "truncate", "byte"]))
        if op == "cut":
            del doc[i:j]
        elif op == "insert":
            doc[i:i] = draw(st.sampled_from(XML_JUNK) | st.binary(max_size=20))
        elif op == "dup":
            doc[i:i] = doc[i:j]
        elif op == "truncate":
            del doc[i:]
        elif op == "byte" and i < len(doc):
            doc[i] = draw(st.integers(0, 255))
    return bytes(doc)


def only_kommunalrecht_errors(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Call ``fn``; a KommunalrechtError is an accepted answer to bad input, anything else
    propagates (and fails the test)."""
    try:
        return fn(*args, **kwargs)
    except KommunalrechtError:
        return None
