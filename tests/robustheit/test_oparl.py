"""Sweep: OParl JSON and XML readers and the checker with junk and mutated real documents.

Anything but a :class:`~kommunalrecht.KommunalrechtError` is a failure; ``check`` never raises.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kommunalrecht import oparl

from ._junk import (
    XML_JUNK,
    N,
    as_bytes,
    json_junk,
    mutated_documents,
    mutated_xml,
    only_kommunalrecht_errors,
    type_junk,
)

S = settings(max_examples=N * settings.default.max_examples)
MODES = st.sampled_from(["strict", "lenient"])


@S
@given(json_junk | mutated_documents(), type_junk)
def test_check_never_raises(doc: Any, expect: Any) -> None:
    findings = oparl.check(doc, expect=expect if isinstance(expect, str) else None)
    assert isinstance(findings, list)
    assert "INTERNER_FEHLER" not in {f.code for f in findings}


@S
@given(json_junk | mutated_documents(), MODES, type_junk)
def test_from_dict(doc: Any, mode: str, expect: Any) -> None:
    only_kommunalrecht_errors(
        oparl.from_dict, doc, mode=mode, expect=expect if isinstance(expect, str) else None
    )


@S
@given(st.one_of(json_junk.map(as_bytes), mutated_documents().map(as_bytes), st.binary()), MODES)
def test_loads_json(data: bytes, mode: str) -> None:
    only_kommunalrecht_errors(oparl.loads, data, mode=mode)
    assert isinstance(oparl.check(data), list)


@S
@given(st.one_of(mutated_xml(), st.sampled_from(XML_JUNK), st.binary()), MODES)
def test_loads_xml(data: bytes, mode: str) -> None:
    only_kommunalrecht_errors(oparl.loads, data, format="xml", mode=mode)


@S
@given(mutated_documents(), MODES)
def test_loads_sniffed_text(doc: Any, mode: str) -> None:
    text = as_bytes(doc).decode("utf-8", "replace")
    only_kommunalrecht_errors(oparl.loads, text, mode=mode)
