"""Strict OParl JSON reading with the type checks done in C (``msgspec``), and JSON writing
through ``msgspec`` Structs (second half of the module).

The strict fast decoder of :mod:`._codec` (``sdec_*``) reads a dict that ``orjson`` built and
checks every value in Python. This module goes one step further for ``bytes``/``str`` input
(and for documents already parsed into JSON values, via ``msgspec.convert``):
it generates, from the same tables (:mod:`._spec`, :mod:`._mapping`), one ``msgspec.Struct``
type per model class and embedding context whose field types say what the checker requires
(non-empty strings, integers ≥ 0, real ``yyyy-mm-dd`` dates, non-empty arrays, the exact
``type`` URI, required properties present, no ``null``, no unknown property), so that
``msgspec`` parses *and* checks the document in one C pass. Generated Python then does what
a type cannot say (URLs, date-time form, the order of an agenda item, the model invariants)
and builds the model objects.

The contract is the one of ``sdec_*``: a document is returned as model object only if
:func:`.check.check` would find nothing in it and every model invariant holds; for anything
else — an unknown or vendor property, ``kommunalrecht:leer``/``ohne`` markers, tombstones,
``geojson``, any value the Structs reject — :meth:`FastDecoder.decode` returns ``None`` and
the caller takes the checked path, which decides and reports. The tests run both paths over
the same documents and require equal results.

With the optional C helpers (``kommunalrecht._speedups``, see ``hatch_build.py``) objects are
built by ``Builder`` (all slots in one call), date-times parsed by ``parse_datetime`` and the
URLs of a document checked by ``urls_ok``; without them the same generated code uses the
pure-Python equivalents below (same results, slower).

Without C, objects are built through *layout twins*: for a frozen slotted class ``C`` a
plain class with the same base and the same ``__slots__`` is instantiated, its slots are
filled by ordinary (specialised) attribute stores, and the instance's ``__class__`` is then
set to ``C`` — CPython allows this between classes of identical layout. It builds a 26-field
object about three times faster than calling each slot descriptor's ``__set__``. It needs
the common base :class:`~kommunalrecht.model.Objekt` to have no ``__setattr__`` of its own
(each concrete class keeps attrs' frozen ``__setattr__``); classes whose base does (the
Drucksache subclasses) are built slot by slot.
"""

from __future__ import annotations

import datetime as _dt
import functools
import operator
import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

import attrs
import msgspec

from .._ext import load_extension
from ..model import (
    Antrag,
    Beschluss,
    BeschlussErgebnis,
    Beschlussvorlage,
    Drucksache,
    Sitzung,
    Tagesordnungspunkt,
)
from ._mapping import MAPPING, ClassMap, Conv, Feld
from ._spec import SPEC, Kind, type_uri

__all__ = ["FastDecoder", "make_fast_decoder"]


def _load_speedups() -> Any:
    """The optional C helpers (``kommunalrecht._speedups``), or ``None`` when they are not
    built or ``KOMMUNALRECHT_NO_EXT`` is set."""
    return load_extension("_speedups", "Builder", "parse_datetime", "urls_ok", "JsonPlan")


_NONEMPTY = Annotated[str, msgspec.Meta(min_length=1)]
_COUNT = Annotated[int, msgspec.Meta(ge=0)]
_DT25 = Annotated[str, msgspec.Meta(min_length=25, max_length=25)]

_URL_FAST = re.compile(r"https?://(?![/?#])[!-~]+", re.ASCII).fullmatch
"""A strict subset of :func:`.check.is_url`: printable ASCII without space after
``http(s)://`` (non-ASCII URLs take the checked path, which accepts them)."""

_URLS_FAST = re.compile(
    r"(?:https?://(?![/?#])[!-~]+\n)*https?://(?![/?#])[!-~]+", re.ASCII
).fullmatch
""":data:`_URL_FAST` for many URLs joined by ``\n`` in one call (``[!-~]`` excludes ``\n``, so
each line must match on its own; the caller checks that no URL contained a ``\n``)."""


def _urls_ok(urls: list[str]) -> bool:
    """Every string in ``urls`` passes :data:`_URL_FAST` (one regex call for all)."""
    joined = "\n".join(urls)
    return joined.count("\n") == len(urls) - 1 and _URLS_FAST(joined) is not None


_SEPARATORS = frozenset(("--T::+:", "--T::-:"))
_dt_from = _dt.datetime.fromisoformat


def _mdt(memo: dict[str, _dt.datetime], v: str) -> _dt.datetime:
    """Parse an OParl ``date-time`` exactly as :func:`.check.is_datetime` accepts it
    (``yyyy-mm-ddThh:mm:ss±hh:mm``), memoised per document (``created``/``modified`` repeat
    across embedded objects). With 25 characters and the separators at 4, 7, …, 22, what
    ``fromisoformat`` reads is that form: it requires ASCII digits everywhere else."""
    if len(v) != 25 or v[4::3] not in _SEPARATORS:
        raise _SlowError
    r = memo[v] = _dt_from(v)
    return r


def _mdt_memo(memo: dict[str, _dt.datetime], v: str) -> _dt.datetime:
    """:func:`_mdt` with the memo lookup (the signature of ``_speedups.parse_datetime``)."""
    return memo.get(v) or _mdt(memo, v)


class _SlowError(Exception):
    """Not sure: the checked path decides."""


def _twin(cls: type[Any]) -> type[Any] | None:
    """The layout twin of ``cls`` (see the module docstring), or ``None`` if a base of ``cls``
    has its own ``__setattr__`` (then the object is built slot by slot)."""
    if any("__setattr__" in vars(b) or "__delattr__" in vars(b) for b in cls.__mro__[1:-1]):
        return None
    twin = type(f"_{cls.__name__}Bau", (cls.__mro__[1],), {"__slots__": cls.__slots__})
    try:
        probe: Any = object.__new__(twin)
        probe.__class__ = cls
    except TypeError:  # pragma: no cover - layouts differ (another Python implementation)
        return None
    return twin


def _build_lines(
    cls: type[Any], var: str, values: dict[str, str], ns: dict[str, Any], indent: str = "    "
) -> list[str]:
    """Lines that build ``cls`` from ``values`` (field → expression) into ``var``."""
    names = [a.name for a in attrs.fields(cls)]
    ns[f"_C_{cls.__name__}"] = cls
    speedups = ns.get("_speedups")
    if speedups is not None:
        builder = f"_B_{cls.__name__}"
        if builder not in ns:
            ns[builder] = speedups.Builder(cls, tuple(names))
        return [f"{indent}{var} = {builder}({', '.join(values[n] for n in names)})"]
    key = f"_T_{cls.__name__}"
    if key not in ns:
        ns[key] = _twin(cls)
    if ns[key] is not None:
        out = [f"{var} = _new({key})"]
        out += [f"{var}.{n} = {values[n]}" for n in names]
        out.append(f"{var}.__class__ = _C_{cls.__name__}")
    else:
        out = [f"{var} = _new(_C_{cls.__name__})"]
        for n in names:
            ns[f"_S_{cls.__name__}_{n}"] = getattr(cls, n).__set__
            out.append(f"_S_{cls.__name__}_{n}({var}, {values[n]})")
    return [indent + line for line in out]


_PAPER_CLASSES = (Drucksache, Antrag, Beschlussvorlage)
"""The model classes of an OParl Paper (Drucksache first: it is the default)."""


def _nonempty_list(item: Any) -> Any:
    lst: Any = list
    return Annotated[lst[item], msgspec.Meta(min_length=1)]


def _ident(key: str) -> str:
    return "k_" + key.replace(":", "_") if not key.isidentifier() else key


class _Namespace:
    """The namespace of generated code; constants get a fresh name in it."""

    ns: dict[str, Any]

    def const(self, value: Any, hint: str) -> str:
        name = f"_{hint}_{len(self.ns)}"
        self.ns[name] = value
        return name


class _FastGen(_Namespace):
    """Generates the Struct types and the builders (one per class and embedding context)."""

    def __init__(self, gen: Any, speedups: Any) -> None:
        from ._codec import _ERG_CACHE  # the memo of _erg, shared

        self.gen = gen
        self.speedups = speedups  # the codec's _Gen: is_backref, const
        self.ns: dict[str, Any] = {
            "_new": object.__new__,
            "_Slow": _SlowError,
            "_mdt": _mdt,
            "_vdt": gen.ns["_vdt"],
            "_date": _dt.date.fromisoformat,
            "_pair": gen.ns["_pair"],
            "_erg": gen.ns["_erg"],
            "_svo": gen.ns["_svo"],
            "_EC": _ERG_CACHE,
            "_speedups": speedups,
            "_pdt": _mdt_memo if speedups is None else speedups.parse_datetime,
        }
        self.sources: list[str] = []
        self.structs: dict[tuple[type[Any], str | None], Any] = {}

    @staticmethod
    def supported(cls: type[Any]) -> bool:
        cm = MAPPING.get(cls)
        return cm is not None and cm.oparl_type in SPEC and cm.oparl_type != "System"

    def field_type(self, cm: ClassMap, f: Feld, parent: str | None) -> Any:
        """The Struct field type of ``f``, or ``None`` if the fast path does not read it
        (then its presence makes the Struct reject the document: the checked path reads
        it)."""
        c = f.conv
        if f.vendor:
            if c in (Conv.TEXT, Conv.URL, Conv.PAIR_ENUM, Conv.ENUM, Conv.DATE, Conv.DATETIME):
                return str
            if c is Conv.INT:
                return _COUNT
            if c in (Conv.BOOL, Conv.FLAG):
                return bool
            if c in (Conv.TEXTS, Conv.REFS):
                return list[_NONEMPTY]
            return None  # VERLAUF, ABSTIMMUNG: the checked path
        if cm.oparl_type == "Person" and f.key == "locationObject":
            return None  # as the dict fast path: the checked path relates it to `location`
        kind = SPEC[cm.oparl_type].prop(f.key).kind
        if kind is Kind.STRING:
            return _NONEMPTY
        if kind in (Kind.URL, Kind.EXTERNAL_LIST):
            return str
        if kind is Kind.INTEGER:
            return _COUNT
        if kind is Kind.BOOLEAN:
            return bool
        if kind is Kind.DATE:
            return _dt.date
        if kind is Kind.DATETIME:
            return _DT25
        if kind is Kind.STRING_LIST:
            return _nonempty_list(_NONEMPTY)
        if kind is Kind.URL_LIST:
            return _nonempty_list(str)
        if kind is Kind.EMBEDDED and self.supported(f.target):
            return self.struct(f.target, cm.oparl_type)
        if kind is Kind.EMBEDDED_LIST and self.supported(f.target):
            return _nonempty_list(self.struct(f.target, cm.oparl_type))
        return None  # geojson, locationObject, …: the checked path

    def fields(self, cls: type[Any], parent: str | None) -> list[Any]:
        """The Struct fields (``defstruct`` form) of ``cls`` embedded in ``parent``."""
        cm = MAPPING[cls]
        embedded = parent is not None
        required = {p.name for p in SPEC[cm.oparl_type].props
                    if p.required.applies(deleted=False, embedded=embedded)}  # fmt: skip
        fields: list[Any] = [("id", str)]
        seen: set[str] = set()
        for f in cm.fields:
            if f.key in seen or f.conv is Conv.ID or self.gen.is_backref(f, parent):
                continue
            if f.attr.startswith("beschluss.") and f.conv is Conv.ABSTIMMUNG:
                continue
            t = self.field_type(cm, f, parent)
            if t is None:
                continue
            seen.add(f.key)
            name = _ident(f.key)
            if f.key in required:
                fields.append((name, t) if name == f.key else
                              (name, t, msgspec.field(name=f.key)))  # fmt: skip
            else:
                default = False if f.key == "deleted" else None
                fields.append((name, t, msgspec.field(default=default, name=f.key)))
        return fields

    @staticmethod
    def defstruct(name: str, fields: list[Any], uri: str, embedded: bool) -> Any:
        opts: dict[str, Any] = {"forbid_unknown_fields": True, "gc": False}
        if embedded:  # a required Literal field: msgspec does not require the tag of a
            fields = [fields[0], ("type", Literal[uri]), *fields[1:]]  # Struct outside a Union
        else:
            opts.update(tag_field="type", tag=uri)
        # required fields first (msgspec: no required field after one with a default)
        fields = sorted(fields, key=lambda x: len(x) == 3)
        return msgspec.defstruct(name, fields, **opts)

    def struct(self, cls: type[Any], parent: str | None) -> Any:
        """The Struct type of ``cls`` embedded in ``parent`` (``None``: top level, tagged)."""
        key = (cls, parent)
        if key in self.structs:
            return self.structs[key]
        if parent is None and cls in _PAPER_CLASSES:
            return self.paper_struct()
        self.structs[key] = None  # recursion guard (OParl has no embedding cycles)
        fields = self.fields(cls, parent)
        tname = MAPPING[cls].oparl_type
        st = self.defstruct(f"{cls.__name__}__{parent or 'root'}", fields, type_uri(tname),
                            parent is not None)  # fmt: skip
        self.structs[key] = st
        self.sources.append(self.builder(cls, parent, {x[0] for x in fields}))
        return st

    def paper_struct(self) -> Any:
        """One tagged Struct for every top-level Paper (the union of the fields of Drucksache,
        Antrag and Beschlussvorlage, and ``kommunalrecht:klasse``), a builder per class and
        ``mdec_Paper__root``, which picks the class as :func:`._codec.paper_class` does."""
        from ._mapping import KLASSE

        union: dict[str, Any] = {}
        own: dict[type[Any], set[str]] = {}
        for cls in _PAPER_CLASSES:
            fs = self.fields(cls, None)
            own[cls] = {x[0] for x in fs}
            for x in fs:
                if x[0] in union and union[x[0]][1] != x[1]:  # pragma: no cover
                    raise AssertionError(("Paper field types differ", x[0]))
                union.setdefault(x[0], x)
        klasse = _ident(KLASSE)
        union[klasse] = (klasse, str, msgspec.field(default=None, name=KLASSE))
        st = self.defstruct("Paper__root", list(union.values()), type_uri("Paper"), False)
        for cls in _PAPER_CLASSES:
            self.structs[(cls, None)] = st
        for cls in _PAPER_CLASSES:
            foreign = set(union) - own[cls] - {klasse}
            self.sources.append(self.builder(cls, None, own[cls], foreign))
        by_klasse = self.const({c.__name__: f"mdec_{c.__name__}__root" for c in _PAPER_CLASSES},
                               "KLASSE")  # fmt: skip
        by_type = self.const(
            {"Antrag": "mdec_Antrag__root", "Beschlussvorlage": "mdec_Beschlussvorlage__root"},
            "PTYPE",
        )
        self.sources.append("\n".join([
            "def mdec_Paper__root(s, pid, M, U):",
            f"    k = s.{klasse}",
            f"    if k is not None: fn = {by_klasse}[k]",  # unknown: KeyError, checked path
            "    elif s.paperType is not None: "
            f"fn = {by_type}.get(s.paperType, 'mdec_Drucksache__root')",
            "    else: fn = 'mdec_Drucksache__root'",
            "    return _FN[fn](s, pid, M, U)",
        ]))  # fmt: skip
        return st

    def builder(
        self, cls: type[Any], parent: str | None, present: set[str], foreign: Any = frozenset()
    ) -> str:
        """``mdec_<Class>__<parent>(s, pid, M[, idx])``: the model object of Struct ``s``
        (``foreign``: fields of a shared Struct that ``cls`` does not have — when one is set,
        the checked path decides, which keeps it in ``extras``)."""
        from ._codec import _absent  # the model value of an absent property

        cm = MAPPING[cls]
        tname = cm.oparl_type
        agenda = cls is Tagesordnungspunkt and parent == "Meeting"
        fn = f"mdec_{cls.__name__}__{parent or 'root'}"
        L = [f"def {fn}(s, pid, M, U{', idx' if agenda else ''}):",
             "    i = s.id",
             "    if s.deleted: raise _Slow",
             "    U.append(i)"]  # fmt: skip
        L += [f"    if s.{n} is not None: raise _Slow" for n in sorted(foreign)]
        values: dict[str, str] = {"id": "i", "deleted": "False", "extras": "{}"}
        for f in cm.fields:
            c, a, k = f.conv, f.attr, f.key
            n = _ident(k)
            if c is Conv.ID or a in values or a.startswith("beschluss."):
                continue
            if self.gen.is_backref(f, parent):
                values[a] = "(pid,)" if c is Conv.REFS else "pid"
                continue
            if n not in present:
                # not read here: its presence made the Struct reject the document
                values[a] = repr(_absent(f))
                continue
            var = f"v_{a}"
            values[a] = var
            kind = None if f.vendor else SPEC[tname].prop(k).kind
            if cls is Sitzung and a == "status":
                bv = self.const({m.value: m for m in f.target}, "BV")
                L.append(f"    {var} = {bv}[v] if (v := s.{n}) is not None else "
                         "_svo(s.meetingState, s.cancelled)")  # fmt: skip
            elif cls is Tagesordnungspunkt and a == "status":
                bv = self.const({m.value: m for m in f.target}, "BV")
                L.append(
                    f"    {var} = {bv}[v] if (v := s.{n}) is not None else "
                    "None if (r := s.result) is None else (_EC.get(r) or _erg(r))[1]"
                )
            elif c is Conv.ORDER and agenda:
                L.append(f"    if s.{n} != idx: raise _Slow")
                L.append(f"    {var} = idx")
            elif c is Conv.PAIR_TEXT:
                bv = self.const({m.value: m for m in f.target}, "BV")
                e = self.const(f.target, "E")
                pn = _ident(cm.field(f.pair or "").key)
                L.append(f"    pr_{a}, {var} = _pair(s.{n}, s.{pn}, False, {e}, {bv})")
                values[f.pair or ""] = f"pr_{a}"
            elif c is Conv.PAIR_ENUM:
                values.pop(a)  # set by its PAIR_TEXT half
            elif kind in (Kind.URL, Kind.EXTERNAL_LIST):
                L.append(f"    {var} = s.{n}")
                L.append(f"    if {var} is not None: U.append({var})")
            elif kind is Kind.URL_LIST:
                L.append(f"    {var} = () if (v := s.{n}) is None else tuple(v)")
                L.append(f"    if {var}: U += v")
            elif c in (Conv.TEXTS, Conv.REFS):
                L.append(f"    {var} = () if (v := s.{n}) is None else tuple(v)")
            elif c is Conv.FLAG:
                L.append(f"    {var} = False if (v := s.{n}) is None else v")
            elif c is Conv.DATETIME:
                if f.vendor:
                    L.append(f"    {var} = None if (v := s.{n}) is None else _vdt(v)")
                else:
                    L.append(f"    {var} = None if (v := s.{n}) is None else "
                             + ("_pdt(M, v)" if self.speedups is not None else
                                "(M.get(v) or _mdt(M, v))"))  # fmt: skip
            elif c is Conv.DATE:
                L.append(f"    {var} = s.{n}" if not f.vendor else
                         f"    {var} = None if (v := s.{n}) is None else _date(v)")  # fmt: skip
            elif c is Conv.ENUM:
                bv = self.const({m.value: m for m in f.target}, "BV")
                L.append(f"    {var} = None if (v := s.{n}) is None else {bv}[v]")
            elif c is Conv.EMBED:
                sub = f"mdec_{f.target.__name__}__{tname}"
                L.append(f"    {var} = None if (v := s.{n}) is None else {sub}(v, i, M, U)")
            elif c is Conv.EMBED_MANY:
                sub = f"mdec_{f.target.__name__}__{tname}"
                if f.target is Tagesordnungspunkt:
                    L.append(f"    {var} = () if (v := s.{n}) is None else "
                             f"tuple([{sub}(x, i, M, U, j) for j, x in enumerate(v)])")  # fmt: skip
                else:
                    L.append(f"    {var} = () if (v := s.{n}) is None else "
                             f"tuple([{sub}(x, i, M, U) for x in v])")  # fmt: skip
            elif c in (Conv.TEXT, Conv.URL, Conv.INT, Conv.BOOL, Conv.ORDER):
                L.append(f"    {var} = s.{n}")
            else:  # pragma: no cover - field_type returned None for every other kind
                raise AssertionError((cls, a, c))
        if cls is Tagesordnungspunkt:
            # _codec._dec_beschluss for a document without kommunalrecht:leer, ohne,
            # abstimmung and beschluss (the Structs reject those)
            values["beschluss"] = "b"
            bv = self.const({m.value: m for m in BeschlussErgebnis}, "BV")
            L += [
                "    br = s.result",
                "    bt = s.resolutionText",
                f"    bk = s.{_ident('kommunalrecht:ergebnis')}",
                "    if br is None and bt is None and bk is None: b = None",
                "    else:",
                f"        if bk is not None: be = {bv}[bk]; et = br",
                "        else:",
                f"            be = None if br is None else {bv}.get(br)",
                "            et = br if be is None else None",
                "            if be is None and et: be = (_EC.get(et) or _erg(et))[0]",
            ]
            L += _build_lines(Beschluss, "b", {"ergebnis": "be", "ergebnis_text": "et",
                                                "text": "bt", "abstimmung": "None"},
                              self.ns, "        ")  # fmt: skip
        names = [x.name for x in attrs.fields(cls)]
        missing = set(names) - set(values)
        if missing:  # pragma: no cover - a model field without a mapping entry
            raise AssertionError((cls, sorted(missing)))
        L += _build_lines(cls, "o", values, self.ns)
        for start, end in cls.ORDNUNG:
            L.append(f"    if {values[start]} is not None and {values[end]} is not None and "
                     f"{values[end]} < {values[start]}: raise _Slow")  # fmt: skip
        L.append("    return o")
        return "\n".join(L)


_DEFAULT: Any = object()


class FastDecoder:
    """``decode(data)``: the model object of an OParl JSON document, or ``None`` (not sure:
    take the checked path). Built by :func:`make_fast_decoder`."""

    def __init__(
        self, decoder: Any, dispatch: dict[type[Any], Callable[..., Any]], speedups: Any = None
    ) -> None:
        self._decoder = decoder
        self._dispatch = dispatch
        self._urls_ok: Callable[[list[str]], bool] = (
            _urls_ok if speedups is None else speedups.urls_ok
        )

    def decode_obj(self, d: Any) -> Any:
        """:meth:`decode` for a document already parsed into Python values — only JSON ones
        (``dict``, ``list``, ``str``, ``int``, ``float``, ``bool``, ``None``), as the XML
        reader builds them: ``msgspec.convert`` checks the same Struct types without a JSON
        text in between. (Not for arbitrary dicts: ``convert`` also accepts Python values
        that have no JSON form, such as a :class:`datetime.date` for a date.)"""
        return self._build(msgspec.convert, d, self._decoder.type)

    def decode(self, data: bytes | str) -> Any:
        return self._build(self._decoder.decode, data)

    def _build(self, structs: Callable[..., Any], *args: Any) -> Any:
        """The model object of the Struct ``structs(*args)`` makes; ``None`` on any doubt."""
        try:
            s = structs(*args)
            urls: list[str] = []
            obj = self._dispatch[s.__class__](s, None, {}, urls)
        except Exception:
            return None
        return obj if self._urls_ok(urls) else None


def make_fast_decoder(gen: Any, speedups: Any = _DEFAULT) -> FastDecoder:
    """Generate the Structs and builders for every supported class (``gen``: the codec's
    generator, for the helpers it shares; ``speedups``: the C helpers to use, ``None`` for
    the pure-Python equivalents, by default :func:`_load_speedups`)."""
    fg = _FastGen(gen, _load_speedups() if speedups is _DEFAULT else speedups)
    roots = [cls for cls in MAPPING if fg.supported(cls) and cls not in _PAPER_CLASSES[1:]]
    tops = [fg.struct(cls, None) for cls in roots]
    code = compile("\n\n".join(fg.sources), "<kommunalrecht.oparl fast codec>", "exec")
    ns = fg.ns
    exec(code, ns)
    ns["_FN"] = ns
    dispatch = {
        st: ns["mdec_Paper__root" if cls in _PAPER_CLASSES else f"mdec_{cls.__name__}__root"]
        for cls, st in zip(roots, tops, strict=True)
    }
    union = functools.reduce(operator.or_, tops)
    return FastDecoder(msgspec.json.Decoder(union), dispatch, fg.speedups)


# ---------------------------------------------------------------------------------------
# encoding: model object → Struct (C) → JSON bytes
#
# The generated ``snc_*`` functions mirror the codec's raw encoders (``rnc_*``): the same
# properties in the same order with the same values, as positional arguments of a Struct
# with ``omit_defaults`` — msgspec then leaves out ``None``, ``()`` and ``False`` (for flags)
# in C, as the dict encoder does in Python, and writes date-times, dates and enum values
# itself. What a Struct cannot express raises ``_SlowError`` and the dict encoder writes the
# object: ``kommunalrecht:leer``/``ohne`` markers (e.g. a non-vendor ``""``), ``extras``,
# tombstones, ``geojson``. The tests compare the bytes with the dict encoder's.


class _FastEnc(_Namespace):
    """Generates the encode Structs and the ``snc_*`` functions."""

    def __init__(self, gen: Any) -> None:
        self.gen = gen
        ns = gen.ns
        self.ns: dict[str, Any] = {
            "_Slow": _SlowError,
            "_fdt": ns["_fdt"],
            "_MSTZ": _MSTZ,
            "_mstz": _mstz,
            "_sno": ns["_sno"],
            "_svo": ns["_svo"],
            "_enp": ns["_enp"],
            "_erg": ns["_erg"],
            "_top_state": ns["_top_state"],
            "_S_ABGESAGT": ns["_S_ABGESAGT"],
            "_enc_verlauf": ns["_enc_verlauf"],
            "_enc_abstimmung": ns["_enc_abstimmung"],
        }
        self.sources: list[str] = []
        # the C plans (``_speedups.JsonPlan``): per snc_* name, (class, type URI, ops); an op's
        # ``a`` names a sub-plan ("snc_…") or a generated guard ("g…") until resolved
        self.plans: dict[str, tuple[type[Any], str, list[tuple[Any, ...]]]] = {}

    def encoder(self, cls: type[Any], parent: str | None) -> None:
        from ..model import Drucksache
        from ._codec import _name
        from ._mapping import KLASSE, PAPER_CLASSES

        cm = MAPPING[cls]
        tname = cm.oparl_type
        agenda = cls is Tagesordnungspunkt and parent == "Meeting"
        fn = "snc_" + _name(cls, parent)
        L = [f"def {fn}(o, pid{', idx' if agenda else ''}):",
             "    if o.deleted or o.extras: raise _Slow",
             "    i = o.id"]  # fmt: skip
        P: list[tuple[Any, ...]] = [
            (0, 0, ("id",), None, None, None),
            ("DECLINE_TRUTHY", 0, ("deleted",), None, None, None),
            ("DECLINE_TRUTHY", 0, ("extras",), None, None, None),
        ]
        self.plans[fn] = (cls, type_uri(tname), P)
        pair: tuple[int, tuple[str, str]] = (0, ("", ""))

        def guard(params: str, body: str) -> str:
            name = f"g{len(self.sources)}_{len(P)}_{fn}"
            self.sources.append(f"def {name}({params}):\n    return {body}")
            return name

        if cls is Tagesordnungspunkt:
            P.append(("LOADB", 0, ("beschluss",), None, Beschluss, None))
            L += ["    b = o.beschluss",
                  "    if b is None: b_ergebnis = b_ergebnis_text = b_text = b_abstimmung = None",
                  "    else: b_ergebnis, b_ergebnis_text, b_text, b_abstimmung = "
                  "b.ergebnis, b.ergebnis_text, b.text, b.abstimmung"]  # fmt: skip
        fields: list[Any] = [("id", Any), ("type", Any)]  # always written, as the dict encoder does
        args = ["i", repr(type_uri(tname))]

        def add(key: str, default: Any, expr: str) -> None:
            fields.append((f"f{len(fields)}", Any, msgspec.field(default=default, name=key)))
            args.append(expr)

        for f in cm.fields:
            c, k, a = f.conv, f.key, f.attr
            if c is Conv.ID or (c is Conv.FLAG and a == "deleted"):
                continue
            get = f"b_{a[10:]}" if a.startswith("beschluss.") else f"o.{a}"
            src, sl = (1, a[10:]) if a.startswith("beschluss.") else (0, a)
            var = f"x{len(fields)}"

            def op(code: str, a: Any = None, b: Any = None, key: str | None = k,
                   src: int = src, sl: str = sl) -> None:  # fmt: skip
                P.append((code, src, (sl,), key, a, b))

            if self.gen.is_backref(f, parent):
                op("BACKREFS" if c is Conv.REFS else "BACKREF")
                if c is Conv.REFS:
                    L += [f"    {var} = {get}",
                          f"    if {var} == (pid,): {var} = ()",
                          f"    elif not {var}: raise _Slow"]  # fmt: skip
                else:
                    L += [f"    {var} = {get}",
                          f"    if {var} == pid: {var} = None",
                          f"    elif {var} is None: raise _Slow"]  # fmt: skip
                add(k, () if c is Conv.REFS else None, var)
            elif cls is Sitzung and a == "stand":
                g = "o.status is not None and _sno(o.status, o.verlauf)[0] is not None"
                # "" goes to kommunalrecht:leer in the dict encoder, as for every text
                op("GUARDED", guard("o, pid", g), "TEXT_NE")
                L += [f"    {var} = o.stand",
                      f"    if {var} == '': raise _Slow",
                      f"    if {var} is None and o.status is not None and "
                      "_sno(o.status, o.verlauf)[0] is not None: raise _Slow"]  # fmt: skip
                add(k, None, var)
            elif cls is Sitzung and a == "abgesagt":
                op("GUARDED", guard("o, pid", "o.status is _S_ABGESAGT"), "BOOL")
                L += [
                    f"    {var} = o.abgesagt",
                    f"    if {var} is None and o.status is _S_ABGESAGT: raise _Slow",
                ]
                add(k, None, var)
            elif cls is Sitzung and a == "status":
                st, ab = (
                    self._arg_of(cm, fields, args, "stand"),
                    self._arg_of(cm, fields, args, "abgesagt"),
                )
                op("GUARDED", guard("o, pid", "_svo(o.stand, o.abgesagt) is not None"), "ENUM")
                L += [
                    f"    {var} = o.status",
                    f"    if {var} is None and _svo({st}, {ab}) is not None: raise _Slow",
                ]
                add(k, None, var)
            elif cls is Tagesordnungspunkt and a == "status":
                res = self._arg_of(cm, fields, args, "beschluss.ergebnis_text")
                tf = cm.field("beschluss.ergebnis_text")
                g = (
                    "_top_state(None if (b := o.beschluss) is None else "
                    f"(t if (t := b.{tf.attr[10:]}) is not None else "
                    f"None if (e := b.{tf.pair}) is None else e._value_)) is not None"
                )
                op("GUARDED", guard("o, pid", g), "ENUM")
                L += [
                    f"    {var} = o.status",
                    f"    if {var} is None and _top_state({res}) is not None: raise _Slow",
                ]
                add(k, None, var)
            elif tname == "Person" and a == "ort_ref":
                op("GUARDED", guard("o, pid", "o.ort is not None"), "TEXT_NE")
                L += [f"    {var} = o.ort_ref",
                      f"    if not {var} and ({var} is not None or o.ort is not None): "
                      "raise _Slow"]  # fmt: skip
                add(k, None, var)
            elif c is Conv.PAIR_TEXT:
                values = self.const(frozenset(m._value_ for m in f.target), "VALUES")
                prefix = a.rpartition(".")[0]
                pget = f"b_{f.pair}" if prefix else f"o.{f.pair}"
                assert f.pair is not None
                pair = (src, (sl, f.pair))
                none_guard = None
                if cls is Tagesordnungspunkt:
                    text_guard = guard("pt", f"pt in {values} or _erg(pt)[0] is not None")
                    none_guard = guard("o", "o.status is not None and _enp(o.status) is not None")
                else:
                    text_guard = guard("pt", f"pt in {values}")
                P.append(("PAIR_TEXT", src, pair[1], k, text_guard, none_guard))
                L += [f"    pt = {get}", f"    pr = {pget}",
                      "    if pt is not None:",
                      "        if not pt: raise _Slow",
                      f"        {var} = pt"]  # fmt: skip
                if cls is Tagesordnungspunkt:
                    L += [f"        if pr is None and (pt in {values} or "
                          "_erg(pt)[0] is not None): raise _Slow",
                          f"    elif pr is not None: {var} = pr._value_",
                          "    elif o.status is not None and _enp(o.status) is not None: "
                          "raise _Slow",
                          f"    else: {var} = None"]  # fmt: skip
                else:
                    L += [f"        if pr is None and pt in {values}: raise _Slow",
                          f"    elif pr is not None: {var} = pr._value_",
                          f"    else: {var} = None"]  # fmt: skip
                add(k, None, var)
            elif c is Conv.PAIR_ENUM:
                assert pair[1][1] == sl.rpartition(".")[2], (pair, a)
                P.append(("PAIR_ENUM", pair[0], pair[1], k, None, None))
                add(k, None, "(pr if pr is not None and pt is not None else None)")
            elif c in (Conv.TEXT, Conv.URL) and not f.vendor:
                # "" goes to kommunalrecht:leer in the dict encoder
                op("TEXT_NE")
                L += [f"    {var} = {get}", f"    if not {var} and {var} is not None: raise _Slow"]
                add(k, None, var)
            elif c in (Conv.TEXT, Conv.URL, Conv.INT, Conv.BOOL, Conv.DATE, Conv.ENUM):
                op(_SCALAR_OP[c])
                add(k, None, get)
            elif c is Conv.FLAG:
                op("FLAG")
                add(k, False, get)
            elif c in (Conv.TEXTS, Conv.REFS):
                op("STRS")
                add(k, (), get)
            elif c is Conv.GEOJSON:
                op("GEOJSON", key=None)
                L.append(f"    if {get} is not None: raise _Slow")
                add(k, None, "None")
            elif c is Conv.DATETIME:
                op("DT_VENDOR") if f.vendor else op("DT", self.ns["_fdt"])
                if f.vendor:
                    L.append(f"    {var} = None if ({var} := {get}) is None else "
                             f"{var}.isoformat()")  # fmt: skip
                else:
                    L.append(f"    {var} = {get}")
                    L.append(
                        f"    if {var} is not None and ({var}.tzinfo not in _MSTZ or "
                        f"{var}.microsecond) and not _mstz({var}): {var} = _fdt({var})"
                    )
                add(k, None, var)
            elif c is Conv.EMBED:
                sub = "snc_" + _name(f.target, tname)
                op("EMBED", sub)
                L.append(f"    {var} = None if ({var} := {get}) is None else {sub}({var}, i)")
                add(k, None, var)
            elif c is Conv.EMBED_MANY:
                sub = "snc_" + _name(f.target, tname)
                item = (
                    f"[{sub}(x, i, j) for j, x in enumerate({var})]"
                    if f.target is Tagesordnungspunkt
                    else f"[{sub}(x, i) for x in {var}]"
                )
                mandatory = tname == "Body" and k == "legislativeTerm"
                op("EMBED_MANY", sub, mandatory)
                L.append(f"    {var} = {get}")
                L.append(f"    {var} = {item}" if mandatory else
                         f"    {var} = {item} if {var} else ()")  # fmt: skip
                add(k, None if mandatory else (), var)
            elif c is Conv.VERLAUF:
                op("PYLIST", self.ns["_enc_verlauf"])
                add(k, (), f"([_enc_verlauf(x) for x in v] if (v := {get}) else ())")
            elif c is Conv.ABSTIMMUNG:
                op("PYVAL", self.ns["_enc_abstimmung"])
                add(k, None, f"(None if (v := {get}) is None else _enc_abstimmung(v))")
            elif c is Conv.ORDER:
                op("ORDER_AGENDA" if agenda else "INT")
                if agenda:
                    L += [f"    {var} = {get}", f"    if {var} is None: raise _Slow"]
                    add(k, None, var)
                else:
                    add(k, None, get)
            else:  # pragma: no cover
                raise AssertionError((cls, a, c))
        if tname == "Paper":
            by_type = self.const({"Antrag": PAPER_CLASSES["Antrag"], "Beschlussvorlage":
                                  PAPER_CLASSES["Beschlussvorlage"]}, "PAPER")  # fmt: skip
            d = self.const(Drucksache, "D")
            g = f"None if {by_type}.get(o.drucksachenart, {d}) is o.__class__ else {cls.__name__!r}"
            P.append(("PYOBJ", 0, (), KLASSE, guard("o", g), None))
            add(KLASSE, None, f"(None if {by_type}.get(o.drucksachenart, {d}) is o.__class__ "
                              f"else {cls.__name__!r})")  # fmt: skip
        if cls is Tagesordnungspunkt:
            marker = ("ergebnis", "ergebnis_text", "text", "abstimmung")
            P.append(("BMARK", 1, marker, "kommunalrecht:beschluss", None, None))
            add("kommunalrecht:beschluss", None,
                "(True if b is not None and b_ergebnis is None and b_ergebnis_text is None and "
                "b_text is None and b_abstimmung is None else None)")  # fmt: skip
        struct = msgspec.defstruct(f"E_{cls.__name__}__{parent or 'root'}", fields,
                               omit_defaults=True, gc=False)  # fmt: skip
        L.append(f"    return {self.const(struct, 'ST')}({', '.join(args)})")
        self.sources.append("\n".join(L))

    @staticmethod
    def _arg_of(cm: ClassMap, fields: list[Any], args: list[str], attr: str) -> str:
        key = cm.field(attr).key
        for n, f in enumerate(fields):
            if getattr(f[-1], "name", None) == key:
                return args[n]
        raise AssertionError(attr)  # pragma: no cover


_SCALAR_OP = {Conv.TEXT: "STR", Conv.URL: "STR", Conv.INT: "INT", Conv.BOOL: "BOOL",
              Conv.DATE: "DATE", Conv.ENUM: "ENUM"}  # fmt: skip
"""The C plan op of a scalar the Struct takes as it is (a vendor text: ``""`` is written)."""


_MSTZ: dict[Any, bool] = {}
"""Fixed-offset time zones (whole minutes, not UTC) whose datetimes msgspec writes exactly
as :func:`._codec._fdt` does (``+hh:mm``; msgspec writes UTC as ``Z``)."""


def _mstz(v: _dt.datetime) -> bool:
    """Whether msgspec writes ``v`` as ``_fdt`` would (remembering the zone if so)."""
    if v.microsecond:
        return False
    tz = v.tzinfo
    if tz.__class__ is not _dt.timezone:
        return False
    off = tz.utcoffset(None)
    if not off or off.seconds % 60 or off.microseconds or len(_MSTZ) >= 256:
        return False
    _MSTZ[tz] = True
    return True


class FastEncoder:
    """``encode(obj)``: the OParl JSON bytes of a model object, or ``None`` (the dict encoder
    writes it). Built by :func:`make_fast_encoder`: with the C helpers, one
    ``_speedups.JsonPlan`` per class writes the bytes from the slots; without them, the
    ``snc_*`` functions build Structs for msgspec. Both give the same bytes (tested)."""

    def __init__(
        self,
        encoders: dict[type[Any], Callable[..., Any]],
        plans: dict[type[Any], Callable[[Any], bytes | None]] | None = None,
        xml_plans: dict[type[Any], Callable[..., bytes | None]] | None = None,
    ) -> None:
        self._encoders = encoders
        self._plans = plans
        self._xml_plans = xml_plans or {}
        self._encode = msgspec.json.Encoder().encode
        if plans is not None:
            self.encode = self._encode_c  # type: ignore[method-assign]

    def encode(self, obj: Any) -> bytes | None:
        enc = self._encoders.get(obj.__class__)
        if enc is None:
            return None
        try:
            out: bytes = self._encode(enc(obj, None))
        except Exception:
            return None
        return out

    def xml(
        self, obj: Any, head: bytes, tail: bytes, urls_fit: Callable[[list[str]], bool]
    ) -> bytes | None:
        """The XML form of ``obj`` between ``head`` and ``tail`` written by the C plans, or
        ``None`` (no plan, the plan declines, or a URL needs the checked writer:
        ``urls_fit`` is the XML writer's check of the URLs written as they are)."""
        plan = self._xml_plans.get(obj.__class__)
        if plan is None:
            return None
        urls: list[str] = []
        try:
            out: bytes | None = plan(obj, urls, head, tail)
        except Exception:
            return None
        if out is None or (urls and not urls_fit(urls)):
            return None
        return out

    def _encode_c(self, obj: Any) -> bytes | None:
        assert self._plans is not None
        plan = self._plans.get(obj.__class__)
        if plan is None:
            return None
        try:
            return plan(obj)
        except Exception:
            return None


def _make_plans(fe: _FastEnc, speedups: Any, xml: bool = False) -> dict[type[Any], Any]:
    """The ``JsonPlan`` of every root variant (sub-plans made first and shared); with ``xml``
    the plans of the XML form (:func:`_xml_tags`), where a class has one."""
    from ._codec import _name

    made: dict[str, Any] = {}

    def plan(fn: str) -> Any:
        if fn in made:
            return made[fn]
        cls, uri, ops = fe.plans[fn]
        tags = _xml_tags(MAPPING[cls].oparl_type, ops) if xml else None
        if xml and tags is None:
            made[fn] = None
            return None
        out: list[tuple[Any, ...]] = []
        for n, (code, src, slots, key, a, b) in enumerate(ops):
            if isinstance(code, str):
                code = getattr(speedups, "OP_" + code)
            if isinstance(a, str):
                if a.startswith("snc_"):
                    a = plan(a)
                    if a is None:
                        made[fn] = None
                        return None
                else:
                    a = fe.ns[a]
            if isinstance(b, str):
                b = fe.ns[b] if b.startswith("g") else getattr(speedups, "OP_" + b)
            if tags is not None:
                out.append((code, src, slots, "id" if n == 0 else key, a, b, tags[n]))
            else:
                out.append((code, src, slots, key, a, b))
        made[fn] = speedups.JsonPlan(cls, uri, tuple(out), xml=xml)
        return made[fn]

    plans = {cls: plan("snc_" + _name(cls, None)) for cls in MAPPING}
    return {cls: p for cls, p in plans.items() if p is not None}


_XK_TEXT, _XK_URL, _XK_PLAIN, _XK_EXT = range(4)
_XK_OF = {Kind.STRING: _XK_TEXT, Kind.STRING_LIST: _XK_TEXT, Kind.URL: _XK_URL,
          Kind.URL_LIST: _XK_URL, Kind.EXTERNAL_LIST: _XK_URL, Kind.DATE: _XK_PLAIN,
          Kind.DATETIME: _XK_PLAIN, Kind.INTEGER: _XK_PLAIN, Kind.BOOLEAN: _XK_PLAIN,
          Kind.EMBEDDED: _XK_PLAIN, Kind.EMBEDDED_LIST: _XK_PLAIN}  # fmt: skip
"""How the XML plans write the values of a property of each kind (``XK_*`` in _speedups.c)."""


def _xml_tags(tname: str, ops: list[tuple[Any, ...]]) -> list[Any] | None:
    """Per op of a plan, its XML element (start tag, end tag, ``XK_*``), or ``None`` where the
    op writes no property; ``None`` for the whole plan when the XML writer
    (:mod:`._xmlwrite`) would not write the properties in this order: spec properties in
    spec order, then the vendor properties (``ext:property``), as the JSON plans write them.
    """
    props = {p.name: (i, p.kind) for i, p in enumerate(SPEC[tname].props)}
    out: list[Any] = []
    last, vendor = -1, False
    for n, op in enumerate(ops):
        key = "id" if n == 0 else op[3]
        if key is None:
            out.append(None)
        elif key in props:
            i, kind = props[key]
            if vendor or i <= last or kind not in _XK_OF:
                return None
            last = i
            out.append((f"<{key}>", f"</{key}>", _XK_OF[kind]))
        elif ":" in key and key.isascii() and key.isprintable() and not set(key) & set('"&<>'):
            vendor = True
            out.append((f'<ext:property name="{key}">', "</ext:property>", _XK_EXT))
        else:
            return None
    return out


def make_fast_encoder(gen: Any, speedups: Any = _DEFAULT) -> FastEncoder:
    """Generate the encode Structs and ``snc_*`` functions (``gen``: the codec's generator
    after ``compile()``, for its variants and helpers), and the C plans when ``speedups``
    (default: the built C helpers, if any) has them."""
    if speedups is _DEFAULT:
        speedups = _load_speedups()
    fe = _FastEnc(gen)
    for cls, parent in sorted(gen.variants, key=lambda v: (v[0].__name__, v[1] or "")):
        if parent != "*" and cls in MAPPING:
            fe.encoder(cls, parent)
    code = compile("\n\n".join(fe.sources), "<kommunalrecht.oparl fast encoder>", "exec")
    exec(code, fe.ns)
    from ._codec import _name

    plans = xml_plans = None
    if speedups is not None:
        plans, xml_plans = _make_plans(fe, speedups), _make_plans(fe, speedups, xml=True)
    encoders = {cls: fe.ns["snc_" + _name(cls, None)] for cls in MAPPING}
    return FastEncoder(encoders, plans, xml_plans)
