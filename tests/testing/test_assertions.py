"""Assertion helpers: they pass on good data and fail with a findings table on bad data."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import kommunalrecht as kr
from kommunalrecht.beispiele import rhein_sieg_2021
from kommunalrecht.testing import (
    assert_findings,
    assert_lawful,
    assert_oparl_valid,
    assert_roundtrip,
    tabelle,
)
from kommunalrecht.testing.nahfehler import beispiel

HEADER = "severity  code"


def test_assert_lawful_fails_with_a_table_naming_the_rule() -> None:
    b = beispiel("LADUNGSFRIST", seed=3)
    with pytest.raises(AssertionError) as info:
        assert_lawful(b)
    text = str(info.value)
    assert text.startswith("assert_lawful: 1 Rechtsfehler in Bestand(")
    assert HEADER in text and "Rechtsgrundlage" in text
    assert "LADUNGSFRIST" in text and "KrO NRW" in text
    assert "Finding(" not in text  # no repr dump


def test_assert_lawful_passes_and_returns_non_errors() -> None:
    findings = assert_lawful(beispiel("OEFFENTLICHKEIT", seed=1))  # a warning only
    assert [f.code for f in findings if f.severity is kr.Severity.WARNING] == ["OEFFENTLICHKEIT"]


def test_assert_oparl_valid_strict_and_lenient(oparl_examples: dict[str, dict]) -> None:
    body = oparl_examples["Body-01"]  # legislativeTermList cannot be repaired (not invented)
    with pytest.raises(AssertionError, match="PFLICHTFELD_FEHLT"):
        assert_oparl_valid(body)
    assert_oparl_valid(body, mode="lenient")
    assert_oparl_valid(oparl_examples["Paper-01"])
    with pytest.raises(AssertionError, match="nicht lesbar"):
        assert_oparl_valid(b"[1, 2", mode="lenient")
    with pytest.raises(ValueError, match="mode"):
        assert_oparl_valid({}, mode="streng")


def test_assert_oparl_valid_accepts_model_objects() -> None:
    for obj in rhein_sieg_2021.bestand().objekte:
        assert_oparl_valid(obj)


def test_assert_roundtrip_reports_field_differences(monkeypatch: pytest.MonkeyPatch) -> None:
    from kommunalrecht import oparl

    t = dt.datetime(2021, 11, 4, 9, 0, tzinfo=dt.UTC)
    g = kr.Gremium(id="https://x.example/o/1", name="Rat", created=t, modified=t)
    assert_roundtrip(g)
    assert_roundtrip(oparl.to_dict(g))
    real_loads = oparl.loads
    monkeypatch.setattr(
        oparl, "loads", lambda data, **kw: attrs.evolve(real_loads(data, **kw), name="Kreistag")
    )
    with pytest.raises(AssertionError) as info:
        assert_roundtrip(g, formats=("json",))
    text = str(info.value)
    assert "ROUNDTRIP_ABWEICHUNG" in text and "$.name" in text
    assert "'Rat'" in text and "'Kreistag'" in text
    with pytest.raises(ValueError, match="formats"):
        assert_roundtrip(g, formats=("yaml",))


def test_assert_findings_exact_and_severity() -> None:
    e = kr.Finding(code="A", severity=kr.Severity.ERROR, message="a")
    w = kr.Finding(code="B", severity=kr.Severity.WARNING, message="b")
    assert_findings([e, w], codes=["A"])
    assert_findings([e, w], codes="A", exact=True, severity="error")
    with pytest.raises(AssertionError, match="unerwartete Codes: B"):
        assert_findings([e, w], codes=["A"], exact=True)
    assert_findings(kr.ValidationError([e]), codes=["A"], exact=True)
    with pytest.raises(TypeError):
        assert_findings("A", codes=["A"])  # type: ignore[arg-type]


def test_tabelle_shortens_long_cells_and_rows() -> None:
    long = kr.Finding(code="X", severity=kr.Severity.INFO, message="m " * 200, path="$")
    text = tabelle([long] * 3, max_zeilen=2)
    lines = text.splitlines()
    assert len(lines) == 2 + 2 + 1 and lines[-1] == "… und 1 weitere Befunde"
    assert max(len(x) for x in lines) < 300 and "…" in lines[2]
