"""The OParl 1.1 JSON codec: model objects ⇄ OParl dicts, built from :mod:`._mapping`.

:func:`make_converter` generates, once per converter, one straight-line encoder and decoder
function per model class and embedding context (a Tagesordnungspunkt inside a Sitzung is
written without its back-reference ``meeting``; OParl 1.1 §3) and registers them as
``cattrs`` hooks. The generated code follows OParl 1.1 exactly:

* §2.3/§3.1 ``id`` and ``type`` (1.1 type URI) first, then the properties in spec order;
* §2.4.2 ``date`` as ``yyyy-mm-dd`` and ``date-time`` as ``yyyy-mm-ddThh:mm:ss±hh:mm``
  (seconds, numeric offset with colon, no fractions);
* §2.4.3 ``None``, ``()`` and ``""`` are omitted (a ``""`` is recorded in
  ``kommunalrecht:leer`` so that it reads back as ``""``), except mandatory
  ``Body.legislativeTerm`` which is written as ``[]``;
* §2.5 embedded objects are written inline and omit the back-reference to their parent;
  reading restores it from the parent's id;
* §2.8 deleted objects are written as tombstones: ``id``, ``type``, ``created``,
  ``modified``, ``deleted``;
* §3 vendor properties: model ``extras`` are written and read back unchanged; domain fields
  without an OParl home travel as ``kommunalrecht:<field>``.

Decoding has a fast path (valid data, no bookkeeping) and, when that raises, a careful path
that decodes property by property and reports each value that does not fit the model with
its JSON path: as an error (``strict``) or, in ``lenient`` mode, as a warning, keeping the
value in ``kommunalrecht:original``.

>>> import datetime as dt
>>> from kommunalrecht import Sitzung, Tagesordnungspunkt
>>> conv = make_converter()
>>> s = Sitzung(id="https://ris.example/s/1", beginn=dt.datetime(2021, 11, 16, 15, 0,
...             tzinfo=dt.timezone(dt.timedelta(hours=1))),
...             tagesordnung=(Tagesordnungspunkt(id="https://ris.example/top/1", position=0,
...                                              sitzung="https://ris.example/s/1"),))
>>> d = conv.unstructure(s)
>>> d["start"], d["agendaItem"]
('2021-11-16T15:00:00+01:00', [{'id': 'https://ris.example/top/1', 'type': 'https://schema.oparl.org/1.1/AgendaItem', 'order': 0}])
>>> conv.structure(d, Sitzung) == s
True
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import cattrs

from ..errors import Finding, InvariantError, Severity, ValidationError
from ..model import (
    Abstimmung,
    Beschluss,
    Drucksache,
    Sitzung,
    Sitzungsstatus,
    Tagesordnungspunkt,
    VerlaufEintrag,
)
from ..verfahren.oparl_abbildung import (
    ergebnis_nach_oparl,
    ergebnis_von_oparl,
    sitzung_nach_oparl,
    sitzung_von_oparl,
)
from ._mapping import (
    KLASSE,
    LEER,
    MAPPING,
    OHNE,
    PAPER_CLASSES,
    VENDOR_MAPPING,
    VENDOR_TYPE_PREFIX,
    ClassMap,
    Conv,
    Feld,
)
from ._msgfast import make_fast_decoder, make_fast_encoder
from ._spec import OPARL_VERSION_URI, SPEC, VENDOR_ORIGINAL, Kind, type_uri
from .check import is_url as _is_url

__all__ = ["DECODE_CODES", "OParlConverter", "make_converter"]

_ALL: Mapping[type[Any], ClassMap] = {**MAPPING, **VENDOR_MAPPING}
"""Every model class the codec writes: the OParl types and this library's vendor types."""


def _type_uri_of(cm: ClassMap) -> str:
    if cm.cls in VENDOR_MAPPING:
        return VENDOR_TYPE_PREFIX + cm.oparl_type
    return type_uri(cm.oparl_type)


DECODE_CODES: Mapping[str, tuple[Severity, str]] = {
    "WERT_UNGUELTIG": (
        Severity.ERROR,
        "Wert passt nicht in das Modell (strikt gelesen).",
    ),
    "WERT_NICHT_UEBERNOMMEN": (
        Severity.WARNING,
        "Wert passt nicht in das Modell; er steht in kommunalrecht:original.",
    ),
    "OBJEKT_NICHT_UEBERNOMMEN": (
        Severity.WARNING,
        "Objekt ohne verwendbare id; es steht in kommunalrecht:original.",
    ),
    "EXTRAS_KONFLIKT": (
        Severity.ERROR,
        "extras enthält eine Eigenschaft, die das Modell selbst schreibt.",
    ),
}
"""Finding codes of the decoder (and of :meth:`OParlConverter.to_dict` for ``extras``)."""

_UTC = _dt.UTC
_SECTION = "OParl 1.1 §3"

# ---------------------------------------------------------------------------------------
# runtime helpers used by the generated code


def _fdt(v: _dt.datetime) -> str:
    """OParl ``date-time`` (§2.4.2): seconds, numeric offset with colon, no fractions."""
    s = v.isoformat(timespec="seconds")
    if len(s) == 25:
        return s
    # offsets with seconds (historic zones) are written as UTC; the instant is the same
    return v.astimezone(_UTC).isoformat(timespec="seconds")


_OKTZ: dict[Any, bool] = {}
"""Fixed-offset time zones (whole minutes) whose datetimes orjson writes exactly as
:func:`_fdt` does (with ``OPT_OMIT_MICROSECONDS``)."""


def _rdt(v: _dt.datetime) -> Any:
    """For the raw encoders: ``v`` itself if orjson writes it as :func:`_fdt` would (a
    :class:`datetime.timezone` with a whole-minute offset, remembered), else ``_fdt(v)``."""
    tz = v.tzinfo
    if tz.__class__ is _dt.timezone:
        off = tz.utcoffset(None)
        if off.seconds % 60 == 0 and not off.microseconds and len(_OKTZ) < 256:
            _OKTZ[tz] = True
            return v
    return _fdt(v)


def _marker(v: Any, allowed: frozenset[str]) -> Any:
    if v is None:
        return ()
    if v.__class__ is list and all(x.__class__ is str and x in allowed for x in v):
        return v
    raise ValueError(f"a list of field names out of {sorted(allowed)}")


def _pair(t_raw: Any, k_raw: Any, ohne: bool, e: Any, by_value: Mapping[str, Any]) -> Any:
    """(enum member, free text) of an enum/free-text pair; see ``docs/oparl/index.md``."""
    if k_raw is not None:
        return e(k_raw), t_raw
    if t_raw is not None and not ohne:
        m = by_value.get(t_raw)
        if m is not None:
            return m, None
    if t_raw is not None and t_raw.__class__ is not str:
        raise TypeError(f"expected a string, got {t_raw!r}")
    return None, t_raw


def _enc_verlauf(e: VerlaufEintrag) -> dict[str, Any]:
    d: dict[str, Any] = {"zeitpunkt": e.zeitpunkt.isoformat(), "ereignis": e.ereignis}
    if e.von is not None:
        d["von"] = e.von
    d["nach"] = e.nach
    if e.akteur is not None:
        d["akteur"] = e.akteur
    if e.notiz is not None:
        d["notiz"] = e.notiz
    return d


_VERLAUF_KEYS = frozenset(("zeitpunkt", "ereignis", "von", "nach", "akteur", "notiz"))


def _dec_verlauf(d: Mapping[str, Any]) -> VerlaufEintrag:
    if not d.keys() <= _VERLAUF_KEYS:
        raise ValueError(f"unknown keys {sorted(set(d) - _VERLAUF_KEYS)}")
    z = d["zeitpunkt"]
    return VerlaufEintrag(
        zeitpunkt=_dt.datetime.fromisoformat(z),
        ereignis=d["ereignis"],
        von=d.get("von"),
        nach=d["nach"],
        akteur=d.get("akteur"),
        notiz=d.get("notiz"),
    )


def _enc_abstimmung(a: Abstimmung) -> dict[str, Any]:
    d: dict[str, Any] = {
        "ja": a.ja,
        "nein": a.nein,
        "enthaltung": a.enthaltung,
        "ungueltig": a.ungueltig,
        "befangen": a.befangen,
    }
    if a.art is not None:
        d["art"] = a.art.value
    if a.anwesend is not None:
        d["anwesend"] = a.anwesend
    if a.stimmberechtigt_anwesend is not None:
        d["stimmberechtigt_anwesend"] = a.stimmberechtigt_anwesend
    if a.befangene:
        d["befangene"] = list(a.befangene)
    return d


_ABST_FIELDS = attrs.fields(Abstimmung)
_ABST_KEYS = frozenset(a.name for a in _ABST_FIELDS)


def _dec_abstimmung(d: Mapping[str, Any]) -> Abstimmung:
    if not d.keys() <= _ABST_KEYS:
        raise ValueError(f"unknown keys {sorted(set(d) - _ABST_KEYS)}")
    from ..model import Abstimmungsart

    art = d.get("art")
    return Abstimmung(
        ja=d.get("ja", 0),
        nein=d.get("nein", 0),
        enthaltung=d.get("enthaltung", 0),
        ungueltig=d.get("ungueltig", 0),
        befangen=d.get("befangen", 0),
        art=None if art is None else Abstimmungsart(art),
        anwesend=d.get("anwesend"),
        stimmberechtigt_anwesend=d.get("stimmberechtigt_anwesend"),
        befangene=d.get("befangene", ()),
    )


_EMPTY_BESCHLUSS = Beschluss()
_BESCHLUSS_KEYS = (
    "result",
    "resolutionText",
    "kommunalrecht:ergebnis",
    "kommunalrecht:abstimmung",
    "kommunalrecht:beschluss",
)


def _dec_beschluss(d: Mapping[str, Any], leer: Any, ohne: Any, by_value: Any) -> Beschluss | None:
    from ..model import BeschlussErgebnis

    derived = "beschluss.ergebnis_text" in ohne  # result was derived from the TOP state
    present = any(k in d for k in (_BESCHLUSS_KEYS[1:] if derived else _BESCHLUSS_KEYS)) or (
        leer and any(x.startswith("beschluss.") for x in leer)
    )
    if not present:
        return None
    g = d.get
    k_raw = g("kommunalrecht:ergebnis")
    r, t = _pair(None if derived else g("result"), k_raw, "beschluss.ergebnis" in ohne,
                 BeschlussErgebnis, by_value)  # fmt: skip
    if r is None and t and k_raw is None and "beschluss.ergebnis" not in ohne:
        r = _erg(t)[0]  # RIS wording ("einstimmig beschlossen") → Ergebnis; text kept
    text = g("resolutionText")
    if leer:
        if "beschluss.text" in leer:
            text = ""
        if "beschluss.ergebnis_text" in leer:
            t = ""
    ab = g("kommunalrecht:abstimmung")
    if ab is not None:
        if not isinstance(ab, Mapping):
            raise TypeError(f"kommunalrecht:abstimmung: expected an object, got {ab!r}")
        ab = _dec_abstimmung(ab)
    return Beschluss(ergebnis=r, ergebnis_text=t, text=text, abstimmung=ab)


_ERG_CACHE: dict[str, tuple[Any, Any]] = {}


def _erg(text: str) -> tuple[Any, Any]:
    """:func:`~kommunalrecht.verfahren.oparl_abbildung.ergebnis_von_oparl`, memoised (RIS use a
    small vocabulary of result strings; the cache is bounded)."""
    r = _ERG_CACHE.get(text)
    if r is None:
        r = ergebnis_von_oparl(text)
        if len(_ERG_CACHE) < 4096:
            _ERG_CACHE[text] = r
    return r


def _svo(meeting_state: Any, cancelled: Any) -> Any:
    """The Sitzung state the OParl view implies (what the reader derives when the data carries
    no ``kommunalrecht:status``); ``None`` for values of the wrong JSON type."""
    return sitzung_von_oparl(
        meeting_state if meeting_state.__class__ is str else None, cancelled is True
    )


def _top_state(result: Any) -> Any:
    """The TOP state an ``AgendaItem.result`` string implies (``None`` if none)."""
    return _erg(result)[1] if result.__class__ is str else None


def _apply_leer(kw: dict[str, Any], leer: Any) -> None:
    for a in leer:
        if "." not in a:
            kw[a] = ""


def _extras_conflict(obj: Any, key: str) -> None:
    raise ValidationError(
        [
            Finding(
                code="EXTRAS_KONFLIKT",
                severity=Severity.ERROR,
                message=f"{type(obj).__name__}.extras enthält {key!r}; diese Eigenschaft "
                "schreibt das Modell selbst.",
                path=f"$[{key!r}]",
                object_id=obj.id,
                rechtsgrundlage=_SECTION,
            )
        ]
    )


class _Drop(Exception):
    """A careful decoder could not build the object at all (e.g. no usable id)."""


# ---------------------------------------------------------------------------------------
# careful-path context


class _Ctx:
    """Collects findings of the careful decoder; ``strict`` decides error vs warning."""

    __slots__ = ("findings", "strict")

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.findings: list[Finding] = []

    def bad(self, tname: str, path: str, key: str, raw: Any, exc: BaseException, oid: Any) -> None:
        code = "WERT_UNGUELTIG" if self.strict else "WERT_NICHT_UEBERNOMMEN"
        text = repr(raw)
        if len(text) > 60:
            text = text[:59] + "…"
        where = f"{path}.{key}" if key.isidentifier() else f"{path}[{key!r}]"
        msg = f"{tname}.{key} = {text} passt nicht in das Modell: {exc}"
        if not self.strict:
            msg += f"; der Wert steht in {VENDOR_ORIGINAL}"
        self.findings.append(
            Finding(
                code=code,
                severity=DECODE_CODES[code][0],
                message=msg + ".",
                path=where,
                object_id=oid if oid.__class__ is str else None,
                rechtsgrundlage=f"{_SECTION} oparl:{tname}",
            )
        )

    def dropped(self, tname: str, path: str, raw: Any, exc: BaseException) -> None:
        code = "WERT_UNGUELTIG" if self.strict else "OBJEKT_NICHT_UEBERNOMMEN"
        oid = raw.get("id") if isinstance(raw, Mapping) else None
        self.findings.append(
            Finding(
                code=code,
                severity=DECODE_CODES[code][0],
                message=f"{tname}-Objekt lässt sich nicht in das Modell übernehmen: {exc}.",
                path=path,
                object_id=oid if oid.__class__ is str else None,
                rechtsgrundlage=f"{_SECTION} oparl:{tname}",
            )
        )


def _many_c(
    dec: Callable[..., Any], v: Any, pid: Any, ctx: _Ctx, path: str, tname: str
) -> tuple[list[Any], list[Any]]:
    """Careful decoding of an embedded list: (decoded objects, raw items that were dropped)."""
    if v.__class__ is not list:
        raise TypeError(f"expected an array, got {type(v).__name__}")
    out: list[Any] = []
    lost: list[Any] = []
    for n, x in enumerate(v):
        try:
            out.append(dec(x, pid, ctx, f"{path}[{n}]"))
        except _Drop as exc:
            ctx.dropped(tname, f"{path}[{n}]", x, exc)
            lost.append(x)
    return out, lost


def _construct_c(
    cls: type[Any], kw: dict[str, Any], absent: Mapping[str, Any], keys: Mapping[str, str],
    orig: dict[str, Any], ctx: _Ctx, tname: str, path: str, raw: Mapping[str, Any],
) -> Any:  # fmt: skip
    """Build ``cls(**kw)``; on an invariant error drop the offending field and retry."""
    for _ in range(len(kw) + 1):
        try:
            return cls(**kw)
        except InvariantError as exc:
            field = exc.field.partition("[")[0].partition(".")[0]
            if field == "id" or field not in kw or kw[field] == absent.get(field, None):
                raise _Drop(str(exc)) from None
            key = keys.get(field, field)
            ctx.bad(tname, path, key, raw.get(key, kw[field]), exc, kw.get("id"))
            if key in raw:
                orig.setdefault(key, raw[key])
            kw[field] = absent.get(field)
    raise _Drop("too many invalid fields")  # pragma: no cover


# ---------------------------------------------------------------------------------------
# strict fast path: helpers (each raises, or returns False, when not sure — the caller then
# takes the checked path, which reports)


class _Slow(Exception):
    """The strict fast decoder is not sure; the checked path decides (and reports)."""


_dt_from = _dt.datetime.fromisoformat
_date_from = _dt.date.fromisoformat


_DATETIME_FORM = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", re.ASCII).fullmatch


def _sdt(v: Any) -> _dt.datetime:
    """An OParl ``date-time`` exactly as :func:`.check.is_datetime` accepts it, parsed."""
    if v.__class__ is not str or _DATETIME_FORM(v) is None:
        raise _Slow
    return _dt_from(v)


def _sdate(v: Any) -> _dt.date:
    """An OParl ``date`` exactly as :func:`.check.is_date` accepts it, parsed."""
    if v.__class__ is not str or len(v) != 10 or v[4] != "-" or v[7] != "-" or not v.isascii():
        raise _Slow
    return _date_from(v)


def _vdt(v: str) -> _dt.datetime:
    """A ``kommunalrecht:`` date-time (any ISO 8601 form Python reads), timezone-aware."""
    r = _dt_from(v)
    if r.tzinfo is None or r.utcoffset() is None:
        raise _Slow
    return r


def _strs(v: Any) -> bool:
    """A non-empty JSON array of non-empty strings (OParl ``string[]``)."""
    if v.__class__ is not list or not v:
        return False
    for x in v:  # noqa: SIM110 - a plain loop is faster than all() over a generator
        if x.__class__ is not str or not x:
            return False
    return True


def _strs0(v: Any) -> bool:
    """A JSON array of non-empty strings, possibly empty (``kommunalrecht:`` lists)."""
    if v.__class__ is not list:
        return False
    for x in v:  # noqa: SIM110 - a plain loop is faster than all() over a generator
        if x.__class__ is not str or not x:
            return False
    return True


def _urls(v: Any) -> bool:
    """A non-empty JSON array of absolute http(s) URLs (OParl ``url[]``)."""
    if v.__class__ is not list or not v:
        return False
    for x in v:  # noqa: SIM110 - a plain loop is faster than all() over a generator
        if not _is_url(x):
            return False
    return True


def _vendor_keys_ok(x: Mapping[str, Any]) -> bool:
    """Every unmapped property is a vendor property ``prefix:name`` (prefix without ``@``)."""
    for k in x:  # noqa: SIM110 - a plain loop is faster than all() over a generator
        if ":" not in k or "@" in k.partition(":")[0]:
            return False
    return True


# ---------------------------------------------------------------------------------------
# code generation


def _absent(f: Feld) -> Any:
    if f.attr == "oparl_version":
        return OPARL_VERSION_URI
    if f.conv in (Conv.TEXTS, Conv.REFS, Conv.EMBED_MANY, Conv.VERLAUF):
        return ()
    if f.conv is Conv.FLAG:
        return False
    return None


def _name(cls: type[Any], parent: str | None) -> str:
    return f"{cls.__name__}__{'emb' if parent == '*' else parent or 'root'}"


class _Gen:
    """Generates the encoder/decoder sources for one converter."""

    def __init__(self) -> None:
        self.ns: dict[str, Any] = {
            "_fdt": _fdt,
            "_date": _dt.date.fromisoformat,
            "_dtp": _dt.datetime.fromisoformat,
            "_marker": _marker,
            "_pair": _pair,
            "_enc_verlauf": _enc_verlauf,
            "_dec_verlauf": _dec_verlauf,
            "_enc_abstimmung": _enc_abstimmung,
            "_dec_beschluss": _dec_beschluss,
            "_apply_leer": _apply_leer,
            "_extras_conflict": _extras_conflict,
            "_EMPTY_BESCHLUSS": _EMPTY_BESCHLUSS,
            "_many_c": _many_c,
            "_construct_c": _construct_c,
            "_Drop": _Drop,
            "Mapping": Mapping,
            "VENDOR_ORIGINAL": VENDOR_ORIGINAL,
            "_merge_orig": _merge_orig,
            "_Slow": _Slow,
            "_sdt": _sdt,
            "_sdate": _sdate,
            "_vdt": _vdt,
            "_strs": _strs,
            "_strs0": _strs0,
            "_urls": _urls,
            "_url": _is_url,
            "_vendor_keys_ok": _vendor_keys_ok,
            "_new": object.__new__,
            "_OKTZ": _OKTZ,
            "_rdt": _rdt,
            "_sno": sitzung_nach_oparl,
            "_svo": _svo,
            "_enp": ergebnis_nach_oparl,
            "_erg": _erg,
            "_top_state": _top_state,
            "_S_ABGESAGT": Sitzungsstatus.ABGESAGT,
        }
        self.sources: list[str] = []
        self._raw = False
        self.variants: set[tuple[type[Any], str | None]] = set()
        self._consts = 0

    def const(self, value: Any, hint: str) -> str:
        self._consts += 1
        name = f"_{hint}_{self._consts}"
        self.ns[name] = value
        return name

    def variants_of(self, cls: type[Any], parent: str | None) -> None:
        if (cls, parent) in self.variants:
            return
        self.variants.add((cls, parent))
        cm = _ALL[cls]
        for f in cm.fields:
            if f.conv in (Conv.EMBED, Conv.EMBED_MANY):
                self.variants_of(f.target, cm.oparl_type)

    # -- class-level facts -------------------------------------------------------------

    def known_keys(self, cm: ClassMap) -> frozenset[str]:
        keys = {f.key for f in cm.fields} | {"type", LEER, OHNE}
        if cm.oparl_type == "Paper":
            keys.add(KLASSE)
        if cm.cls is Tagesordnungspunkt:
            keys.add("kommunalrecht:beschluss")
        return frozenset(keys)

    @staticmethod
    def is_backref(f: Feld, parent: str | None) -> bool:
        return f.backref is not None and (parent == "*" or f.backref == parent)

    def leer_allowed(self, cm: ClassMap) -> frozenset[str]:
        return frozenset(
            f.attr for f in cm.fields if not f.vendor and f.conv in (Conv.TEXT, Conv.URL,
                                                                     Conv.PAIR_TEXT)
        )  # fmt: skip

    def ohne_allowed(self, cm: ClassMap, parent: str | None) -> frozenset[str]:
        out = {f.attr for f in cm.fields if f.conv is Conv.PAIR_ENUM}
        out |= {f.attr for f in cm.fields if self.is_backref(f, parent)}
        if cm.cls is Tagesordnungspunkt and parent == "Meeting":
            out.add("position")
        if cm.oparl_type == "Person":
            out.add("ort_ref")
        if cm.cls is Sitzung:  # meetingState/cancelled derived from the state, or vice versa
            out |= {"stand", "abgesagt", "status"}
        if cm.cls is Tagesordnungspunkt:  # result derived from the state, or vice versa
            out |= {"status", "beschluss.ergebnis_text"}
        return frozenset(out)

    # -- encoder -----------------------------------------------------------------------

    def encoder(self, cls: type[Any], parent: str | None, raw: bool = False) -> str:
        """``enc_<Class>__<parent>``; with ``raw`` ``rnc_…``, which leaves OParl date-times as
        :class:`datetime.datetime` objects where orjson writes them exactly as :func:`_fdt`
        (see :func:`_rdt`) — for :func:`kommunalrecht.oparl.dumps`."""
        self._raw = raw
        cm = _ALL[cls]
        uri = _type_uri_of(cm)
        fn = ("rnc_" if raw else "enc_") + _name(cls, parent)
        args = "o, pid, idx" if (cls is Tagesordnungspunkt and parent == "Meeting") else "o, pid"
        known = self.const(self.known_keys(cm), "KNOWN")
        L: list[str] = [
            f"def {fn}({args}):",
            "    if o.deleted:",
            f"        d = {{'id': o.id, 'type': {uri!r}}}",
            "        v = o.created",
            "        if v is not None: d['created'] = _fdt(v)",
            "        v = o.modified",
            "        if v is not None: d['modified'] = _fdt(v)",
            "        d['deleted'] = True",
            "        return d",
            f"    d = {{'id': o.id, 'type': {uri!r}}}",
            "    L = O = None",
        ]
        if cls is Tagesordnungspunkt:
            L.append("    b = o.beschluss")
        for f in cm.fields:
            L.extend("    " + line for line in self.enc_field(cm, f, parent))
        if cm.oparl_type == "Paper":
            by_type = self.const(
                {"Antrag": PAPER_CLASSES["Antrag"], "Beschlussvorlage":
                 PAPER_CLASSES["Beschlussvorlage"]}, "PAPER")  # fmt: skip
            L.append(f"    if {by_type}.get(o.drucksachenart, {self.const(Drucksache, 'D')}) "
                     f"is not o.__class__: d[{KLASSE!r}] = {cls.__name__!r}")  # fmt: skip
        if cls is Tagesordnungspunkt:
            L.append("    if b is not None and b.ergebnis is None and b.ergebnis_text is None "
                     "and b.text is None and b.abstimmung is None: "
                     "d['kommunalrecht:beschluss'] = True")  # fmt: skip
        L += [
            f"    if L: d[{LEER!r}] = L",
            f"    if O: d[{OHNE!r}] = O",
            "    x = o.extras",
            "    if x:",
            "        for k in x:",
            f"            if k in {known}: _extras_conflict(o, k)",
            "        d.update(x)",
            "    return d",
        ]
        return "\n".join(L)

    def enc_field(self, cm: ClassMap, f: Feld, parent: str | None) -> list[str]:
        c = f.conv
        k = repr(f.key)
        a = f.attr
        if c is Conv.ID or (c is Conv.FLAG and a == "deleted"):
            return []
        if a.startswith("beschluss."):
            get = f"v = (b.{a[10:]} if b is not None else None)"
        else:
            get = f"v = o.{a}"
        if self.is_backref(f, parent):
            if parent == "*":
                return []
            if c is Conv.REFS:
                return [get, "if v != (pid,):", f"    if v: d[{k}] = list(v)",
                        f"    else: O = [*(O or ()), {a!r}]"]  # fmt: skip
            return [get, "if v != pid:", f"    if v is not None: d[{k}] = v",
                    f"    else: O = [*(O or ()), {a!r}]"]  # fmt: skip
        if cm.cls is Sitzung and a in ("stand", "abgesagt", "status"):
            return self.enc_sitzung_state(a, k)
        if cm.cls is Tagesordnungspunkt and a == "status":
            # the lenient reader derives the state from `result`: say when the model has none
            return [get, f"if v is not None: d[{k}] = v._value_",
                    f"elif _top_state(d.get('result')) is not None: O = [*(O or ()), {a!r}]"]  # fmt: skip
        if cm.oparl_type == "Person" and a == "ort_ref":
            # locationObject requires location (OParl 1.1 §3 oparl:Person): written from
            # the embedded Ort's id when the model leaves it unset
            return [get, f"if v: d[{k}] = v", f"elif v is not None: L = [*(L or ()), {a!r}]",
                    "elif o.ort is not None:", f"    d[{k}] = o.ort.id",
                    f"    O = [*(O or ()), {a!r}]"]  # fmt: skip
        if c in (Conv.TEXT, Conv.URL):
            if f.vendor:
                return [get, f"if v is not None: d[{k}] = v"]
            return [get, f"if v: d[{k}] = v", f"elif v is not None: L = [*(L or ()), {a!r}]"]
        if c is Conv.DATE:
            return [get, f"if v is not None: d[{k}] = v.isoformat()"]
        if c is Conv.DATETIME:
            fmt = "v.isoformat()" if f.vendor else "_fdt(v)"
            if self._raw and not f.vendor:
                fmt = "(v if v.tzinfo in _OKTZ else _rdt(v))"
            return [get, f"if v is not None: d[{k}] = {fmt}"]
        if c in (Conv.INT, Conv.BOOL, Conv.GEOJSON):
            return [get, f"if v is not None: d[{k}] = v"]
        if c is Conv.FLAG:
            return [get, f"if v: d[{k}] = True"]
        if c in (Conv.TEXTS, Conv.REFS):
            return [get, f"if v: d[{k}] = list(v)"]
        if c is Conv.ENUM:
            return [get, f"if v is not None: d[{k}] = v._value_"]
        if c is Conv.EMBED:
            enc = ("rnc_" if self._raw else "enc_") + _name(f.target, cm.oparl_type)
            return [get, f"if v is not None: d[{k}] = {enc}(v, o.id)"]
        if c is Conv.EMBED_MANY:
            enc = ("rnc_" if self._raw else "enc_") + _name(f.target, cm.oparl_type)
            if f.target is Tagesordnungspunkt:
                expr = f"[{enc}(x, o.id, i) for i, x in enumerate(v)]"
            else:
                expr = f"[{enc}(x, o.id) for x in v]"
            if cm.oparl_type == "Body" and f.key == "legislativeTerm":
                return [get, f"d[{k}] = {expr}"]  # mandatory: [] when empty (§2.4.3)
            return [get, f"if v: d[{k}] = {expr}"]
        if c is Conv.VERLAUF:
            return [get, f"if v: d[{k}] = [_enc_verlauf(x) for x in v]"]
        if c is Conv.ABSTIMMUNG:
            return [get, f"if v is not None: d[{k}] = _enc_abstimmung(v)"]
        if c is Conv.ORDER:
            if parent == "Meeting":
                return [get, "if v is None:", f"    d[{k}] = idx", f"    O = [*(O or ()), {a!r}]",
                        f"else: d[{k}] = v"]  # fmt: skip
            return [get, f"if v is not None: d[{k}] = v"]
        if c is Conv.PAIR_TEXT:
            values = self.const(frozenset(m._value_ for m in f.target), "VALUES")
            prefix = a.rpartition(".")[0]
            e_attr = (prefix + "." if prefix else "") + (f.pair or "")
            if prefix:
                get_pair = f"pr = b.{f.pair} if b is not None else None; pt = v"
            else:
                get_pair = f"pr = o.{f.pair}; pt = v"
            if cm.cls is Tagesordnungspunkt:
                # result: verbatim text, else the Ergebnis, else derived from the TOP state
                # (marked, so that it does not read back as a Beschluss)
                return [get, get_pair, "if pt is not None:",
                        f"    if pt: d[{k}] = pt",
                        f"    else: L = [*(L or ()), {a!r}]",
                        f"    if pr is None and (pt in {values} or "
                        "(pt and _erg(pt)[0] is not None)):",
                        f"        O = [*(O or ()), {e_attr!r}]",
                        f"elif pr is not None: d[{k}] = pr._value_",
                        "elif o.status is not None and (r := _enp(o.status)) is not None:",
                        f"    d[{k}] = r", f"    O = [*(O or ()), {a!r}]"]  # fmt: skip
            return [get, get_pair, "if pt is not None:", f"    if pt: d[{k}] = pt",
                    f"    else: L = [*(L or ()), {a!r}]",
                    f"    if pr is None and pt in {values}: O = [*(O or ()), {e_attr!r}]",
                    f"elif pr is not None: d[{k}] = pr._value_"]  # fmt: skip
        if c is Conv.PAIR_ENUM:
            # uses pr/pt of the PAIR_TEXT half, which comes first (OParl before vendor)
            return [f"if pr is not None and pt is not None: d[{k}] = pr._value_"]
        raise AssertionError(c)  # pragma: no cover

    @staticmethod
    def enc_sitzung_state(a: str, k: str) -> list[str]:
        """meetingState/cancelled verbatim, else derived from the state (marked in ohne); the
        state as ``kommunalrecht:status``, marked absent when the OParl view implies one."""
        if a == "stand":
            return ["v = o.stand", f"if v: d[{k}] = v", f"elif v is not None: L = [*(L or ()), {a!r}]",
                    "elif o.status is not None:",
                    "    v = _sno(o.status, o.verlauf)[0]",
                    f"    if v is not None: d[{k}] = v; O = [*(O or ()), {a!r}]"]  # fmt: skip
        if a == "abgesagt":
            return ["v = o.abgesagt", f"if v is not None: d[{k}] = v",
                    f"elif o.status is _S_ABGESAGT: d[{k}] = True; O = [*(O or ()), {a!r}]"]  # fmt: skip
        return ["v = o.status", f"if v is not None: d[{k}] = v._value_",
                "elif _svo(d.get('meetingState'), d.get('cancelled')) is not None:",
                f"    O = [*(O or ()), {a!r}]"]  # fmt: skip

    # -- strict fast decoder --------------------------------------------------------------

    @staticmethod
    def strict_fast_ok(cls: type[Any]) -> bool:
        """Classes with a strict fast decoder (System: oparlVersion rules; vendor types: no
        OParl check to mirror)."""
        cm = _ALL[cls]
        return cm.oparl_type in SPEC and cm.oparl_type != "System"

    def sdecoder(self, cls: type[Any], parent: str | None) -> str:
        """``sdec_<Class>__<parent>(d, pid[, idx])``: decodes ``d`` only if :func:`.check`
        would find nothing at all and every model invariant holds, and builds the object
        without running the attrs validators again (everything they test is tested here, the
        invariants of ``__attrs_post_init__`` by calling it); raises otherwise (the caller
        then takes the checked path)."""
        cm = _ALL[cls]
        tname = cm.oparl_type
        ts = SPEC[tname]
        embedded = parent is not None
        agenda = cls is Tagesordnungspunkt and parent == "Meeting"
        fn = "sdec_" + _name(cls, parent)
        uri = type_uri(tname)
        known = self.const(self.known_keys(cm), "KNOWN")
        ohne_ok = self.const(self.ohne_allowed(cm, parent), "OHNEOK")
        req = self.const(
            frozenset(p.name for p in ts.props if p.required.applies(deleted=False,
                                                                     embedded=embedded)),
            "REQ")  # fmt: skip
        setters = {a.name: self.const(getattr(cls, a.name).__set__, "SET")
                   for a in attrs.fields(cls)}  # fmt: skip
        L = [
            f"def {fn}(d, pid{', idx' if agenda else ''}):",
            f"    if d.__class__ is not dict or d.get('type') != {uri!r}: raise _Slow",
            f"    if not {req} <= d.keys() or None in d.values(): raise _Slow",
            f"    if {LEER!r} in d: raise _Slow",  # "" values: rare, the checked path
            "    i = d['id']",
            "    if not _url(i): raise _Slow",
            "    g = d.get",
            "    if 'deleted' in d and d['deleted'] is not False: raise _Slow",
            f"    O = _marker(g({OHNE!r}), {ohne_ok})",
            f"    o = _new({self.const(cls, 'CLS')})",
            f"    {setters['id']}(o, i)",
            f"    {setters['deleted']}(o, False)",
        ]
        if tname == "Location":
            L.append("    if 'geojson' in d: raise _Slow")
        if tname == "Person":
            L.append("    if 'locationObject' in d: raise _Slow")
        kinds = {p.name: p.kind for p in ts.props}
        tests = {
            Kind.STRING: "v.__class__ is not str or not v",
            Kind.URL: "not _url(v)",
            Kind.EXTERNAL_LIST: "not _url(v)",
            Kind.INTEGER: "v.__class__ is not int or v < 0",
            Kind.BOOLEAN: "v.__class__ is not bool",
        }
        vtests = {
            Conv.TEXT: "v.__class__ is not str",
            Conv.URL: "v.__class__ is not str",
            Conv.INT: "v.__class__ is not int or v < 0",
            Conv.BOOL: "v.__class__ is not bool",
            Conv.FLAG: "v.__class__ is not bool",
        }
        for f in cm.fields:
            c, k, a = f.conv, f.key, f.attr
            if c is Conv.ID or a == "deleted":
                continue
            kind = None if f.vendor else kinds[k]
            if embedded and self.is_backref(f, parent):
                L.append(f"    if {k!r} in d: raise _Slow")
            elif kind is not None and kind in tests:
                L.append(f"    v = g({k!r})")
                L.append(f"    if v is not None and ({tests[kind]}): raise _Slow")
            elif kind in (Kind.STRING_LIST, Kind.URL_LIST):
                check = "_strs" if kind is Kind.STRING_LIST else "_urls"
                L.append(f"    v = g({k!r})")
                L.append(f"    if v is not None and not {check}(v): raise _Slow")
            elif f.vendor and c in vtests:
                L.append(f"    v = g({k!r})")
                L.append(f"    if v is not None and ({vtests[c]}): raise _Slow")
            elif f.vendor and c in (Conv.TEXTS, Conv.REFS):
                L.append(f"    v = g({k!r})")
                L.append("    if v is not None and not _strs0(v): raise _Slow")
            # the value: straight from v where it is plain, else the decoder's expression
            special = (
                self.is_backref(f, parent)
                or a.startswith("beschluss.")
                or c in (Conv.PAIR_TEXT, Conv.PAIR_ENUM, Conv.ORDER)
                or (cm.cls in (Sitzung, Tagesordnungspunkt) and a in ("stand", "abgesagt",
                                                                      "status"))
                or (tname == "Person" and a == "ort_ref")
            )  # fmt: skip
            if a.startswith("beschluss."):
                if a != "beschluss.ergebnis_text":
                    continue
                for key in ("result", "resolutionText"):
                    L.append(f"    v = g({key!r})")
                    L.append("    if v is not None and (v.__class__ is not str or not v): "
                             "raise _Slow")  # fmt: skip
                by_value = self.const({m.value: m for m in f.target}, "BYVALUE")
                L.append(f"    {setters['beschluss']}(o, _dec_beschluss(d, (), O, {by_value}))")
                continue
            if c is Conv.PAIR_ENUM:
                continue
            if c is Conv.PAIR_TEXT:
                bv = self.const({m.value: m for m in f.target}, "BYVALUE")
                e = self.const(f.target, "ENUM")
                vk = repr("kommunalrecht:" + (f.pair or ""))
                L.append(f"    pr, pt = _pair(g({k!r}), g({vk}), {f.pair!r} in O, {e}, {bv})")
                L.append(f"    {setters[a]}(o, pt)")
                L.append(f"    {setters[f.pair or '']}(o, pr)")
                continue
            if special:
                expr = self.dec_expr(cm, f, parent, False, strict=True)
                if c is Conv.REFS:
                    expr = f"tuple({expr})"
                L.append(f"    {setters[a]}(o, {expr})")
                continue
            L.append(f"    v = g({k!r})")
            if c in (Conv.TEXT, Conv.URL, Conv.INT, Conv.BOOL, Conv.GEOJSON):
                val = "v"  # (geojson: only absent here)
            elif c is Conv.FLAG:
                val = "(False if v is None else v)"
            elif c in (Conv.TEXTS, Conv.REFS):
                val = "(() if v is None else tuple(v))"
            elif c is Conv.DATE:
                val = f"(None if v is None else {'_date' if f.vendor else '_sdate'}(v))"
            elif c is Conv.DATETIME:
                val = f"(None if v is None else {'_vdt' if f.vendor else '_sdt'}(v))"
            elif c is Conv.ENUM:
                by_value = self.const({m.value: m for m in f.target}, "BYVALUE")
                val = f"(None if v is None else {by_value}[v])"
            elif c is Conv.VERLAUF:
                L.append("    if v is not None and v.__class__ is not list: raise _Slow")
                val = "(() if v is None else tuple([_dec_verlauf(x) for x in v]))"
            elif c is Conv.EMBED:
                name = _name(f.target, tname)
                val = f"(None if v is None else sdec_{name}(v, i))"
            elif c is Conv.EMBED_MANY:
                name = _name(f.target, tname)
                L.append("    if v is not None and (v.__class__ is not list or not v): "
                         "raise _Slow")  # fmt: skip
                if f.target is Tagesordnungspunkt:
                    val = f"(() if v is None else tuple([sdec_{name}(x, i, n) for n, x in " \
                          "enumerate(v)]))"  # fmt: skip
                else:
                    val = f"(() if v is None else tuple([sdec_{name}(x, i) for x in v]))"
            else:  # pragma: no cover
                raise AssertionError(c)
            L.append(f"    {setters[a]}(o, {val})")
        if agenda:
            L.append("    if g('order') != idx: raise _Slow")
        L += [
            f"    if len(d.keys() - {known}):",
            f"        x = {{k: v for k, v in d.items() if k not in {known}}}",
            "        if not _vendor_keys_ok(x): raise _Slow",
            f"        {setters['extras']}(o, x)",
            f"    else: {setters['extras']}(o, {{}})",
        ]
        post = getattr(cls, "__attrs_post_init__", None)
        if post is not None:
            L.append(f"    {self.const(post, 'POST')}(o)")
        L.append("    return o")
        return "\n".join(L)

    # -- decoder -----------------------------------------------------------------------

    def decoder(
        self, cls: type[Any], parent: str | None, careful: bool, strict: bool = False
    ) -> str:
        cm = _ALL[cls]
        tname = cm.oparl_type
        fn = ("decc_" if careful else "dec_") + _name(cls, parent)
        known = self.const(self.known_keys(cm), "KNOWN")
        leer_ok = self.const(self.leer_allowed(cm), "LEEROK")
        ohne_ok = self.const(self.ohne_allowed(cm, parent), "OHNEOK")
        cls_name = self.const(cls, "CLS")
        args = "d, pid, ctx, path" if careful else "d, pid"
        L = [f"def {fn}({args}):"]
        if careful:
            L += [
                "    if not isinstance(d, Mapping):",
                "        raise _Drop('expected a JSON object, got ' + type(d).__name__)",
                "    i = d.get('id')",
                "    if i.__class__ is not str or not i:",
                "        raise _Drop('id fehlt oder ist keine Zeichenkette')",
                "    orig = {}",
                "    g = d.get",
            ]
            for marker, ok in ((LEER, leer_ok), (OHNE, ohne_ok)):
                var = "L" if marker == LEER else "O"
                L += [
                    "    try:",
                    f"        {var} = _marker(g({marker!r}), {ok})",
                    "    except Exception as e:",
                    f"        ctx.bad({tname!r}, path, {marker!r}, g({marker!r}), e, i)",
                    f"        orig[{marker!r}] = g({marker!r})",
                    f"        {var} = ()",
                ]
        else:
            L += [
                "    i = d['id']",
                "    g = d.get",
                f"    L = _marker(g({LEER!r}), {leer_ok})",
                f"    O = _marker(g({OHNE!r}), {ohne_ok})",
            ]
        L.append("    kw = {'id': i}")
        by_value = None
        for f in cm.fields:
            if f.conv is Conv.ID:
                continue
            if f.attr.startswith("beschluss."):
                if f.attr != "beschluss.ergebnis_text":
                    continue
                by_value = self.const({m.value: m for m in f.target}, "BYVALUE")
                expr = f"_dec_beschluss(d, L, O, {by_value})"
                attr = "beschluss"
                keys: tuple[str, ...] = ("result",)
            elif f.conv is Conv.PAIR_ENUM:
                continue
            elif f.conv is Conv.PAIR_TEXT:
                bv = self.const({m.value: m for m in f.target}, "BYVALUE")
                e = self.const(f.target, "ENUM")
                vk = repr("kommunalrecht:" + (f.pair or ""))
                pair_line = f"_pair(g({f.key!r}), g({vk}), {f.pair!r} in O, {e}, {bv})"
                if careful:
                    L += ["    try:", f"        pr, pt = {pair_line}",
                          "    except Exception as e:",
                          f"        ctx.bad({tname!r}, path, {f.key!r}, g({f.key!r}), e, i)",
                          f"        orig[{f.key!r}] = g({f.key!r}); pr = pt = None"]  # fmt: skip
                else:
                    L.append(f"    pr, pt = {pair_line}")
                L.append(f"    kw[{f.attr!r}] = pt")
                L.append(f"    kw[{f.pair!r}] = pr")
                continue
            else:
                expr = self.dec_expr(cm, f, parent, careful, strict)
                attr = f.attr
                keys = (f.key,)
            if careful:
                L += [
                    "    try:",
                    f"        kw[{attr!r}] = {expr}",
                    "    except Exception as e:",
                    f"        ctx.bad({tname!r}, path, {keys[0]!r}, g({keys[0]!r}), e, i)",
                    f"        orig[{keys[0]!r}] = g({keys[0]!r})",
                    f"        kw[{attr!r}] = {_absent(f)!r}",
                ]
            else:
                L.append(f"    kw[{attr!r}] = {expr}")
        L += [
            "    if L: _apply_leer(kw, L)",
            f"    x = {{k: v for k, v in d.items() if k not in {known}}}",
        ]
        if careful:
            absent = self.const({f.attr: _absent(f) for f in cm.fields}, "ABSENT")
            keymap = self.const({f.attr: f.key for f in cm.fields}, "KEYS")
            L += [
                "    kw['extras'] = x",
                f"    obj = _construct_c({cls_name}, kw, {absent}, {keymap}, orig, ctx, "
                f"{tname!r}, path, d)",
                "    if orig and not ctx.strict:",
                "        obj = _merge_orig(obj, orig)",
                "    return obj",
            ]
        else:
            L += ["    kw['extras'] = x", f"    return {cls_name}(**kw)"]
        return "\n".join(L)

    def dec_expr(
        self, cm: ClassMap, f: Feld, parent: str | None, careful: bool, strict: bool = False
    ) -> str:
        c = f.conv
        k = repr(f.key)
        a = f.attr
        if self.is_backref(f, parent):
            if c is Conv.REFS:
                return f"(v if (v := g({k})) is not None else (() if {a!r} in O else (pid,)))"
            return f"(v if (v := g({k})) is not None else (None if {a!r} in O else pid))"
        if cm.oparl_type == "Person" and a == "ort_ref":
            return f"(None if {a!r} in O else g({k}))"
        if cm.cls is Sitzung and a in ("stand", "abgesagt"):
            return f"(None if {a!r} in O else g({k}))"
        if cm.cls is Sitzung and a == "status":  # else derived from meetingState/cancelled
            e = self.const(f.target, "ENUM")
            return (f"({e}(v) if (v := g({k})) is not None else None if {a!r} in O else "
                    "_svo(g('meetingState'), g('cancelled')))")  # fmt: skip
        if cm.cls is Tagesordnungspunkt and a == "status":  # else derived from result
            e = self.const(f.target, "ENUM")
            return (f"({e}(v) if (v := g({k})) is not None else None if {a!r} in O else "
                    "_top_state(g('result')))")  # fmt: skip
        if a == "oparl_version":  # tombstones omit it; the model always has one
            return f"(v if (v := g({k})) is not None else {OPARL_VERSION_URI!r})"
        if c in (Conv.TEXT, Conv.URL, Conv.INT, Conv.BOOL, Conv.GEOJSON):
            return f"g({k})"
        if c is Conv.FLAG:
            return f"(False if (v := g({k})) is None else v)"
        if c in (Conv.TEXTS, Conv.REFS):
            return f"(() if (v := g({k})) is None else v)"
        if c is Conv.DATE:
            parse = "_sdate" if strict and not f.vendor else "_date"
            return f"(None if (v := g({k})) is None else {parse}(v))"
        if c is Conv.DATETIME:
            parse = ("_vdt" if f.vendor else "_sdt") if strict else "_dtp"
            return f"(None if (v := g({k})) is None else {parse}(v))"
        if c is Conv.ENUM:
            return f"(None if (v := g({k})) is None else {self.const(f.target, 'ENUM')}(v))"
        if c is Conv.VERLAUF:
            return f"(() if (v := g({k})) is None else [_dec_verlauf(x) for x in v])"
        if c is Conv.ORDER:
            if parent == "Meeting":
                return f"(None if {a!r} in O else g({k}))"
            return f"g({k})"
        if c is Conv.EMBED:
            name = _name(f.target, cm.oparl_type)
            if careful:
                return (f"(None if (v := g({k})) is None else "
                        f"decc_{name}(v, i, ctx, path + {('.' + f.key)!r}))")  # fmt: skip
            pre = "sdec_" if strict else "dec_"
            return f"(None if (v := g({k})) is None else {pre}{name}(v, i))"
        if c is Conv.EMBED_MANY:
            name = _name(f.target, cm.oparl_type)
            if careful:
                tn = _ALL[f.target].oparl_type
                return (f"(() if (v := g({k})) is None else "
                        f"_lost(_many_c(decc_{name}, v, i, ctx, path + {('.' + f.key)!r}, "
                        f"{tn!r}), orig, {f.key!r}))")  # fmt: skip
            if strict and f.target is Tagesordnungspunkt:
                return (f"(() if (v := g({k})) is None else "
                        f"[sdec_{name}(x, i, n) for n, x in enumerate(v)])")  # fmt: skip
            pre = "sdec_" if strict else "dec_"
            return f"(() if (v := g({k})) is None else [{pre}{name}(x, i) for x in v])"
        raise AssertionError(c)  # pragma: no cover

    def compile(self) -> dict[str, Any]:
        self.ns["_lost"] = _lost
        roots = list(_ALL)
        for cls in roots:
            self.variants_of(cls, None)
        for cls in roots:
            self.variants.add((cls, "*"))
        for cls, parent in sorted(self.variants, key=lambda v: (v[0].__name__, v[1] or "")):
            self.sources.append(self.encoder(cls, parent))
            self.sources.append(self.encoder(cls, parent, raw=True))
            if parent != "*":
                self.sources.append(self.decoder(cls, parent, False))
                self.sources.append(self.decoder(cls, parent, True))
                if self.strict_fast_ok(cls):
                    self.sources.append(self.sdecoder(cls, parent))
        code = compile("\n\n".join(self.sources), "<kommunalrecht.oparl codec>", "exec")
        exec(code, self.ns)
        return self.ns


def _lost(res: tuple[list[Any], list[Any]], orig: dict[str, Any], key: str) -> list[Any]:
    out, lost = res
    if lost:
        orig.setdefault(key, lost)
    return out


def _merge_orig(obj: Any, orig: dict[str, Any]) -> Any:
    extras = dict(obj.extras)
    prev = extras.get(VENDOR_ORIGINAL)
    merged = dict(prev) if isinstance(prev, Mapping) else {}
    for k, v in orig.items():
        merged.setdefault(k, v)
    extras[VENDOR_ORIGINAL] = merged
    return attrs.evolve(obj, extras=extras)


# ---------------------------------------------------------------------------------------
# the converter


_PAPER_BY_TYPE = {"Antrag": PAPER_CLASSES["Antrag"], "Beschlussvorlage":
                  PAPER_CLASSES["Beschlussvorlage"]}  # fmt: skip
_CLASS_OF_TYPE: dict[str, type[Any]] = {}
for _cls, _cm in _ALL.items():
    if _cm.oparl_type != "Paper":
        _CLASS_OF_TYPE[_cm.oparl_type] = _cls


_URI_PREFIX = type_uri("")


def paper_class(d: Mapping[str, Any]) -> type[Any]:
    """The model class of an OParl Paper dict: ``kommunalrecht:klasse``, else by ``paperType``
    ("Antrag", "Beschlussvorlage"), else :class:`~kommunalrecht.model.Drucksache`.

    >>> paper_class({"paperType": "Antrag"}).__name__
    'Antrag'
    """
    k = d.get(KLASSE)
    if k is not None:
        if k.__class__ is str and k in PAPER_CLASSES:
            return PAPER_CLASSES[k]
        raise ValueError(f"{KLASSE}: expected one of {sorted(PAPER_CLASSES)}, got {k!r}")
    pt = d.get("paperType")
    if pt.__class__ is str:
        return _PAPER_BY_TYPE.get(pt, Drucksache)
    return Drucksache


class OParlConverter(cattrs.Converter):
    """A :class:`cattrs.Converter` with generated OParl 1.1 hooks for every model class.

    ``unstructure(obj)`` writes a standalone OParl dict; ``structure(d, cls)`` reads one
    (for :class:`~kommunalrecht.model.Drucksache` the subclass is chosen from the data).
    :meth:`to_dict` / :meth:`decode` are the underlying calls with more options.

    >>> from kommunalrecht import Ort
    >>> c = make_converter()
    >>> c.to_dict(Ort(id="https://x.example/ort/1", raum="A 1"))
    {'id': 'https://x.example/ort/1', 'type': 'https://schema.oparl.org/1.1/Location', 'room': 'A 1'}
    """

    def __init__(self) -> None:
        super().__init__()
        gen = _Gen()
        ns = gen.compile()
        self._ns = ns
        self._fast = make_fast_decoder(gen)
        self._fast_enc = make_fast_encoder(gen)
        self._enc: dict[type[Any], Callable[[Any, Any], dict[str, Any]]] = {}
        self._enc_emb: dict[type[Any], Callable[..., dict[str, Any]]] = {}
        self._dec: dict[type[Any], Callable[[Any, Any], Any]] = {}
        self._decc: dict[type[Any], Callable[[Any, Any, _Ctx, str], Any]] = {}
        self._sdec: dict[type[Any], Callable[[Any, Any], Any]] = {}
        self._rnc: dict[type[Any], Callable[[Any, Any], dict[str, Any]]] = {}
        for cls in _ALL:
            sdec = ns.get("sdec_" + _name(cls, None))
            if sdec is not None:
                self._sdec[cls] = sdec
            self._enc[cls] = ns["enc_" + _name(cls, None)]
            self._rnc[cls] = ns["rnc_" + _name(cls, None)]
            self._dec[cls] = ns["dec_" + _name(cls, None)]
            self._decc[cls] = ns["decc_" + _name(cls, None)]
            star = ns.get("enc_" + _name(cls, "*"))
            if star is not None:
                self._enc_emb[cls] = star
            self.register_unstructure_hook(cls, self._unstructure_hook(self._enc[cls]))
            self.register_structure_hook(cls, self._structure_hook(cls))

    @staticmethod
    def _unstructure_hook(enc: Callable[[Any, Any], dict[str, Any]]) -> Callable[[Any], Any]:
        def hook(obj: Any) -> dict[str, Any]:
            return enc(obj, None)

        return hook

    def _structure_hook(self, cls: type[Any]) -> Callable[[Any, Any], Any]:
        def hook(d: Any, _t: Any) -> Any:
            return self.decode(d, TYPE_NAME_OF[cls])

        return hook

    def to_dict(self, obj: Any, *, embedded: bool = False) -> dict[str, Any]:
        """The OParl 1.1 dict of a model object.

        ``embedded=True`` writes the form used inside a parent object: back-references to
        the parent are left out (the parent is not known here, so all of them are).
        """
        try:
            enc = (self._enc_emb if embedded else self._enc)[obj.__class__]
        except KeyError:
            enc = self._enc_slow(obj, embedded)
        return enc(obj, None)

    def to_dict_raw(self, obj: Any) -> dict[str, Any]:
        """:meth:`to_dict`, but OParl date-times may stay :class:`datetime.datetime` objects
        (for orjson with ``OPT_OMIT_MICROSECONDS``, or :func:`json.dumps` with
        ``default=_fdt``: both give the bytes of :meth:`to_dict`).

        >>> import datetime as dt
        >>> from kommunalrecht import Ort
        >>> t = dt.datetime(2021, 11, 4, 9, 0, tzinfo=dt.timezone.utc)
        >>> make_converter().to_dict_raw(Ort(id="https://x.example/ort/1", created=t))["created"]
        datetime.datetime(2021, 11, 4, 9, 0, tzinfo=datetime.timezone.utc)
        """
        enc = self._rnc.get(obj.__class__)
        if enc is None:
            return self.to_dict(obj)
        return enc(obj, None)

    def dumps_fast(self, obj: Any) -> bytes | None:
        """The compact OParl JSON bytes of ``obj`` written in C (:mod:`._msgfast`), the same
        bytes as ``orjson`` writes for :meth:`to_dict_raw`; ``None`` when the object needs
        what only the dict encoder writes (markers, ``extras``, tombstones, ``geojson``).

        >>> from kommunalrecht import Ort
        >>> make_converter().dumps_fast(Ort(id="https://x.example/ort/1", raum="A 1"))
        b'{"id":"https://x.example/ort/1","type":"https://schema.oparl.org/1.1/Location","room":"A 1"}'
        >>> make_converter().dumps_fast(Ort(id="https://x.example/ort/1", raum="")) is None
        True
        """
        return self._fast_enc.encode(obj)

    def dumps_xml_fast(
        self, obj: Any, head: bytes, tail: bytes, urls_fit: Callable[[list[str]], bool]
    ) -> bytes | None:
        """The XML form of ``obj`` (between ``head`` and ``tail``) written in C from its
        slots by the plans of :mod:`._msgfast`, or ``None`` (no C helpers, or anything the
        XML writer of :mod:`.xml` has to decide: escapes, values without a typed form,
        markers, URLs that ``urls_fit`` — that writer's own check — does not pass). Used by
        :func:`kommunalrecht.oparl.xml.dumps_xml`, which gives the same bytes either way.

        >>> from kommunalrecht import Ort
        >>> from kommunalrecht.oparl._xmlwrite import _urls_fit
        >>> out = make_converter().dumps_xml_fast(
        ...     Ort(id="https://x.example/ort/1", raum="A & B"), b"<Location>", b"</Location>", _urls_fit
        ... )
        >>> out is None or out == (b"<Location><id>https://x.example/ort/1</id>"
        ...     b"<type>https://schema.oparl.org/1.1/Location</type><room>A &amp; B</room></Location>")
        True
        """
        return self._fast_enc.xml(obj, head, tail, urls_fit)

    def _enc_slow(self, obj: Any, embedded: bool) -> Callable[..., dict[str, Any]]:
        for cls in type(obj).__mro__:
            if cls in self._enc:
                if embedded and cls in self._enc_emb:
                    return self._enc_emb[cls]
                return self._enc[cls]
        from ..errors import ParseError

        raise ParseError("a kommunalrecht model object", obj)

    def class_for(self, d: Mapping[str, Any], tname: str) -> type[Any]:
        """The model class for an OParl dict of type ``tname``."""
        if tname == "Paper":
            return paper_class(d)
        return _CLASS_OF_TYPE[tname]

    def decode_checked(self, d: Any) -> Any:
        """Strict reading in one pass, for an OParl object (not a list page): the model object
        if ``d`` is one that :func:`.check` finds nothing in (no error, warning or info) and
        that meets every model invariant; else ``None`` (then check and decode as usual —
        they report what is wrong). Only ``type`` (1.1 URI) decides the type.

        >>> ts = "2021-11-04T09:00:00+01:00"
        >>> d = {"id": "https://x.example/ort/1", "type": "https://schema.oparl.org/1.1/Location",
        ...      "room": "A 1", "created": ts, "modified": ts}
        >>> make_converter().decode_checked(d).raum
        'A 1'
        >>> make_converter().decode_checked({**d, "room": ""}) is None  # check: WERT_LEER
        True
        """
        t = d.get("type") if d.__class__ is dict else None
        if t.__class__ is not str or not t.startswith(_URI_PREFIX):
            return None
        tname = t[len(_URI_PREFIX) :]
        try:
            cls = paper_class(d) if tname == "Paper" else _CLASS_OF_TYPE[tname]
            return self._sdec[cls](d, None)
        except Exception:
            return None

    def decode_json_checked(self, data: bytes | str) -> Any:
        """Strict reading straight from JSON text, type checks in C (:mod:`._msgfast`): the
        model object if the document is one that :func:`.check` finds nothing in and that
        meets every model invariant — equal to what :meth:`decode_checked` builds from the
        parsed dict — else ``None`` (also whenever the fast reader is not sure; then parse,
        check and decode as usual).

        >>> ts = "2021-11-04T09:00:00+01:00"
        >>> doc = ('{"id": "https://x.example/ort/1", "type": '
        ...        '"https://schema.oparl.org/1.1/Location", "room": "A 1", '
        ...        f'"created": "{ts}", "modified": "{ts}"}}')
        >>> make_converter().decode_json_checked(doc).raum
        'A 1'
        >>> make_converter().decode_json_checked(doc.replace('"A 1"', '""')) is None
        True
        """
        return self._fast.decode(data)

    def decode_jsonlike_checked(self, d: Any) -> Any:
        """:meth:`decode_json_checked` for a document parsed into JSON values only (``dict``,
        ``list``, ``str``, ``int``, ``float``, ``bool``, ``None`` — what the XML reader builds;
        not for dicts that may hold other Python values).

        >>> ts = "2021-11-04T09:00:00+01:00"
        >>> d = {"id": "https://x.example/ort/1", "type": "https://schema.oparl.org/1.1/Location",
        ...      "room": "A 1", "created": ts, "modified": ts}
        >>> make_converter().decode_jsonlike_checked(d).raum
        'A 1'
        """
        return self._fast.decode_obj(d)

    def decode(
        self, d: Mapping[str, Any], tname: str, *, strict: bool = True,
        findings: list[Finding] | None = None, path: str = "$",
    ) -> Any:  # fmt: skip
        """Decode the OParl dict ``d`` of type ``tname`` (fast path, then careful path).

        In the careful path every value that does not fit the model is an error
        (``strict``: raises :class:`~kommunalrecht.errors.ValidationError`) or a warning
        appended to ``findings`` with the value kept in ``kommunalrecht:original``.
        """
        try:
            cls = self.class_for(d, tname)
            return self._dec[cls](d, None)
        except Exception:
            pass
        ctx = _Ctx(strict)
        try:
            cls = self.class_for(d, tname)
        except ValueError as exc:
            raw = d.get(KLASSE)
            ctx.bad(tname, path, KLASSE, raw, exc, d.get("id"))
            d = {k: v for k, v in d.items() if k != KLASSE}
            cls = self.class_for(d, tname)
            if not strict:
                prev = d.get(VENDOR_ORIGINAL)
                d[VENDOR_ORIGINAL] = {**(prev if isinstance(prev, Mapping) else {}), KLASSE: raw}
        try:
            obj = self._decc[cls](d, None, ctx, path)
        except _Drop as exc:
            ctx.dropped(tname, path, d, exc)
            errors = [
                attrs.evolve(f, severity=Severity.ERROR) if f.path == path else f
                for f in ctx.findings
            ]
            raise ValidationError(errors) from None
        if strict and ctx.findings:
            raise ValidationError(ctx.findings)
        if findings is not None:
            findings.extend(ctx.findings)
        return obj


SPEC_NAME_OF: dict[type[Any], str] = {cls: cm.oparl_type for cls, cm in MAPPING.items()}
"""Model class → OParl 1.1 type name."""

TYPE_NAME_OF: dict[type[Any], str] = {cls: cm.oparl_type for cls, cm in _ALL.items()}
"""Model class → type name, vendor types (:data:`._mapping.VENDOR_MAPPING`) included."""

_DEFAULT: list[OParlConverter] = []


def make_converter() -> OParlConverter:
    """A new converter with generated OParl 1.1 hooks for every model class.

    >>> from kommunalrecht import Wahlperiode
    >>> c = make_converter()
    >>> c.unstructure(Wahlperiode(id="https://x.example/wp/1", name="WP 2020"))["type"]
    'https://schema.oparl.org/1.1/LegislativeTerm'
    """
    return OParlConverter()


def default_converter() -> OParlConverter:
    """The converter used by the module-level functions (created on first use, then cached).

    >>> default_converter() is default_converter()
    True
    """
    if not _DEFAULT:
        _DEFAULT.append(make_converter())
    return _DEFAULT[0]


assert set(SPEC_NAME_OF.values()) == set(SPEC)
_ = enum  # enum members are converted by value in the generated code
