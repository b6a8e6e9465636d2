"""Testing kit: assertion helpers for your tests (plus Hypothesis strategies and a pytest
plugin, see :mod:`kommunalrecht.testing.strategies` and :mod:`kommunalrecht.testing.plugin`).

Every helper raises :class:`AssertionError` on failure; its message prints the findings as a
table (severity, code, path, object, message, Rechtsgrundlage) instead of a repr dump:

* :func:`assert_oparl_valid` — OParl 1.1 data conforms (``strict``: every MUST of the spec,
  OParl 1.1 §2-§3; ``lenient``: the lenient reader can read and repair it);
* :func:`assert_roundtrip` — a model object (or a whole Bestand, or a valid OParl dict)
  survives OParl JSON and XML unchanged;
* :func:`assert_lawful` — :func:`kommunalrecht.validate` finds no error under the given
  Geschäftsordnung / Land;
* :func:`assert_findings` — a validation result contains (or is exactly) the expected codes.

This module needs neither Hypothesis nor pytest.

>>> import kommunalrecht as kr
>>> from kommunalrecht.testing import assert_findings
>>> f = kr.Finding(code="TOP_REIHENFOLGE", severity=kr.Severity.ERROR, message="Lücke",
...                path="$.tagesordnung[2].position")
>>> assert_findings([f], codes=["TOP_REIHENFOLGE"], exact=True)
>>> assert_findings([f], codes=["LADUNGSFRIST"])
Traceback (most recent call last):
...
AssertionError: assert_findings: erwartete Codes fehlen: LADUNGSFRIST
severity  code             path                        object  message  Rechtsgrundlage
...
error     TOP_REIHENFOLGE  $.tagesordnung[2].position          Lücke
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from ..errors import Finding, KommunalrechtError, Severity, ValidationError
from ..model import Bestand, Objekt
from ._tabelle import tabelle

__all__ = [
    "assert_findings",
    "assert_lawful",
    "assert_oparl_valid",
    "assert_roundtrip",
    "tabelle",
]

_FORMATS = ("json", "xml")


def _fail(title: str, findings: Sequence[Finding]) -> AssertionError:
    return AssertionError(f"{title}\n{tabelle(findings)}")


def _errors(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.ERROR]


def _oparl() -> Any:
    return importlib.import_module("kommunalrecht.oparl")


def _as_findings(exc: BaseException, code: str) -> list[Finding]:
    if isinstance(exc, ValidationError):
        return list(exc.findings)
    return [
        Finding(
            code=code,
            severity=Severity.ERROR,
            message=f"{type(exc).__name__}: {exc}",
            path=getattr(exc, "path", "$"),
        )
    ]


# ------------------------------------------------------------------------------------------


def assert_oparl_valid(
    data: Any, mode: str = "strict", *, expect: str | None = None
) -> list[Finding]:
    """Assert that ``data`` is valid OParl 1.1; return the findings that are not errors.

    ``data``: a decoded JSON value (object, list page, array of objects), JSON text
    (``str``/``bytes``), or a model object (checked as written by :func:`oparl.to_dict`).
    ``mode="strict"``: :func:`kommunalrecht.oparl.check` reports no error.
    ``mode="lenient"``: the lenient reader reads it (repairs are allowed and returned);
    only unreadable data fails. ``expect`` names the OParl type of objects without ``type``.

    >>> assert_oparl_valid({"id": "https://x.example/p/1",
    ...     "type": "https://schema.oparl.org/1.1/Person",
    ...     "created": "2021-01-01T00:00:00+01:00", "modified": "2021-01-01T00:00:00+01:00"})
    []
    >>> assert_oparl_valid({"id": "x", "type": "https://schema.oparl.org/1.1/Person"})
    Traceback (most recent call last):
    ...
    AssertionError: assert_oparl_valid(strict): 3 Fehler
    severity  code ...
    """
    if mode not in ("strict", "lenient"):
        raise ValueError(f"mode: expected 'strict' or 'lenient', got {mode!r}")
    oparl = _oparl()
    if isinstance(data, Objekt) or attrs.has(type(data)):
        data = oparl.to_dict(data)
    if mode == "strict":
        findings = list(oparl.check(data, expect=expect))
        errors = _errors(findings)
        if errors:
            raise _fail(f"assert_oparl_valid(strict): {len(errors)} Fehler", findings)
        return findings
    found: list[Finding] = []
    try:
        if isinstance(data, str | bytes | bytearray):
            oparl.loads(data, mode="lenient", expect=expect, findings=found)
        elif isinstance(data, list):
            for item in data:
                oparl.from_dict(item, mode="lenient", expect=expect, findings=found)
        else:
            oparl.from_dict(data, mode="lenient", expect=expect, findings=found)
    except KommunalrechtError as exc:
        raise _fail(
            "assert_oparl_valid(lenient): nicht lesbar",
            [*found, *_as_findings(exc, "NICHT_LESBAR")],
        ) from exc
    errors = _errors(found)
    if errors:
        raise _fail(f"assert_oparl_valid(lenient): {len(errors)} Fehler", found)
    return found


# ------------------------------------------------------------------------------------------


def _diff(
    expected: Any, got: Any, path: str = "$", out: list[Finding] | None = None
) -> list[Finding]:
    """Findings for every place where ``got`` differs from ``expected``."""
    out = [] if out is None else out
    if expected == got and type(expected) is type(got):
        return out
    if attrs.has(type(expected)) and type(expected) is type(got):
        for a in attrs.fields(type(expected)):
            _diff(getattr(expected, a.name), getattr(got, a.name), f"{path}.{a.name}", out)
        if not out:  # equal field by field, yet not equal: report the whole object
            out.append(_diff_finding(path, expected, got))
        return out
    if (
        isinstance(expected, tuple | list)
        and isinstance(got, tuple | list)
        and len(expected) == len(got)
    ):
        for i, (e, g) in enumerate(zip(expected, got, strict=True)):
            _diff(e, g, f"{path}[{i}]", out)
        return out
    if isinstance(expected, Mapping) and isinstance(got, Mapping):
        for k in sorted(set(expected) | set(got), key=str):
            _diff(expected.get(k, _MISSING), got.get(k, _MISSING), f"{path}.{k}", out)
        return out
    if expected == got:  # e.g. equal datetimes in different offsets
        return out
    out.append(_diff_finding(path, expected, got))
    return out


class _Missing:
    def __repr__(self) -> str:
        return "<fehlt>"


_MISSING = _Missing()


def _short(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _diff_finding(path: str, expected: Any, got: Any) -> Finding:
    return Finding(
        code="ROUNDTRIP_ABWEICHUNG",
        severity=Severity.ERROR,
        message=f"erwartet {_short(expected)}, erhalten {_short(got)}",
        path=path,
    )


def assert_roundtrip(obj: Any, formats: Sequence[str] = _FORMATS) -> None:
    """Assert that ``obj`` survives OParl writing and reading unchanged in every format.

    ``obj``: a model object (``loads(dumps(obj)) == obj``), a :class:`~kommunalrecht.Bestand`
    (every top-level object) or a valid OParl dict (``to_dict(from_dict(d)) == d`` and the
    same through each format). Differences are listed field by field.

    >>> import datetime as dt, kommunalrecht as kr
    >>> t = dt.datetime(2021, 11, 4, 9, 0, tzinfo=dt.timezone.utc)
    >>> assert_roundtrip(kr.Gremium(id="https://x.example/o/1", name="Rat",
    ...                              created=t, modified=t))
    """
    for f in formats:
        if f not in _FORMATS:
            raise ValueError(f"formats: expected items of {_FORMATS}, got {f!r}")
    oparl = _oparl()
    if isinstance(obj, Bestand):
        problems: list[Finding] = []
        for o in obj.objekte:
            problems.extend(_roundtrip_one(oparl, o, formats, o.id))
    elif isinstance(obj, Mapping):
        problems = _roundtrip_dict(oparl, obj, formats)
    else:
        problems = _roundtrip_one(oparl, obj, formats, getattr(obj, "id", None))
    if problems:
        raise _fail(f"assert_roundtrip: {len(problems)} Abweichung(en)", problems)


def _roundtrip_one(oparl: Any, obj: Any, formats: Sequence[str], oid: str | None) -> list[Finding]:
    out: list[Finding] = []
    for fmt in formats:
        try:
            back = oparl.loads(oparl.dumps(obj, format=fmt), format=fmt)
        except KommunalrechtError as exc:
            out.extend(
                attrs.evolve(f, object_id=oid, message=f"[{fmt}] {f.message}")
                for f in _as_findings(exc, "ROUNDTRIP_FEHLER")
            )
            continue
        for f in _diff(obj, back):
            out.append(attrs.evolve(f, object_id=oid, message=f"[{fmt}] {f.message}"))
    return out


def _roundtrip_dict(oparl: Any, d: Mapping[str, Any], formats: Sequence[str]) -> list[Finding]:
    oid = d.get("id") if isinstance(d.get("id"), str) else None
    out: list[Finding] = []
    try:
        obj = oparl.from_dict(d)
    except KommunalrechtError as exc:
        return _as_findings(exc, "ROUNDTRIP_FEHLER")
    out.extend(
        attrs.evolve(f, object_id=oid, message=f"[dict] {f.message}")
        for f in _diff(dict(d), oparl.to_dict(obj))
    )
    for fmt in formats:
        try:
            back = oparl.to_dict(oparl.loads(oparl.dumps(obj, format=fmt), format=fmt))
        except KommunalrechtError as exc:
            out.extend(_as_findings(exc, "ROUNDTRIP_FEHLER"))
            continue
        out.extend(
            attrs.evolve(f, object_id=oid, message=f"[{fmt}] {f.message}")
            for f in _diff(dict(d), back)
        )
    return out


# ------------------------------------------------------------------------------------------


def _validate() -> Any:
    import kommunalrecht as kr

    fn = getattr(kr, "validate", None)
    if fn is None:
        fn = importlib.import_module("kommunalrecht.regeln").validate
    return fn


def assert_lawful(obj: Any, *, go: Any = None, land: Any = None, **options: Any) -> list[Finding]:
    """Assert that :func:`kommunalrecht.validate` reports no error for ``obj`` (a Bestand or
    a model object) under ``go`` / ``land``; return all findings (warnings, infos).

    ``options`` are passed on to ``validate`` (e.g. rule selection).

    >>> from kommunalrecht.testing._bau import beispiel_bestand
    >>> _ = assert_lawful(beispiel_bestand(seed=1))
    """
    findings = list(_validate()(obj, land=land, go=go, **options))
    errors = _errors(findings)
    if errors:
        what = repr(obj) if isinstance(obj, Bestand) else type(obj).__name__
        raise _fail(f"assert_lawful: {len(errors)} Rechtsfehler in {what}", findings)
    return findings


def assert_findings(
    result: Iterable[Finding] | ValidationError,
    codes: Iterable[str] = (),
    *,
    exact: bool = False,
    severity: Severity | str | None = None,
) -> None:
    """Assert that ``result`` (findings, or a :class:`~kommunalrecht.ValidationError`)
    contains every code of ``codes``; with ``exact=True`` no other code may occur.
    ``severity`` restricts the comparison to findings of that severity (e.g. ``"error"``).

    >>> import kommunalrecht as kr
    >>> w = kr.Finding(code="X", severity=kr.Severity.WARNING, message="m")
    >>> assert_findings([w], codes=[], exact=True, severity="error")
    """
    if isinstance(result, ValidationError):
        findings = list(result.findings)
    elif isinstance(result, str | bytes) or not isinstance(result, Iterable):
        raise TypeError(f"result: expected findings or a ValidationError, got {result!r}")
    else:
        findings = list(result)
    for f in findings:
        if not isinstance(f, Finding):
            raise TypeError(f"result: expected Finding items, got {f!r}")
    if isinstance(codes, str):
        codes = [codes]
    wanted = set(codes)
    sev = Severity(severity) if isinstance(severity, str) else severity
    relevant = [f for f in findings if sev is None or f.severity is sev]
    present = {f.code for f in relevant}
    missing = sorted(wanted - present)
    extra = sorted(present - wanted) if exact else []
    if missing or extra:
        parts = []
        if missing:
            parts.append("erwartete Codes fehlen: " + ", ".join(missing))
        if extra:
            parts.append("unerwartete Codes: " + ", ".join(extra))
        raise _fail("assert_findings: " + "; ".join(parts), findings)
