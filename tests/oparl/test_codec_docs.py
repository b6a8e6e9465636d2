"""The OParl docs page lists every mapped field and every decoder code (docs/oparl/index.md)."""

from __future__ import annotations

import os
from pathlib import Path

from kommunalrecht.oparl._codec import DECODE_CODES
from kommunalrecht.oparl._mapping import MAPPING, mapping_table_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "oparl" / "index.md"
BEGIN, END = "<!-- mapping:begin -->", "<!-- mapping:end -->"


def _codes_table() -> str:
    return "\n".join(f"| `{c}` | {s.value} | {m} |" for c, (s, m) in DECODE_CODES.items())


def _generated(text: str) -> str:
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return f"{head}{BEGIN}\n{mapping_table_markdown()}\n{END}{tail}"


if os.environ.get("KOMMUNALRECHT_REGEN"):  # pragma: no cover - maintenance helper
    DOC.write_text(_generated(DOC.read_text("utf-8")), "utf-8")


def test_mapping_table_in_the_docs_is_the_generated_one() -> None:
    text = DOC.read_text("utf-8")
    assert BEGIN in text and END in text
    assert text == _generated(text), "run with KOMMUNALRECHT_REGEN=1 to update docs/oparl/index.md"


def test_docs_list_every_field_and_every_code() -> None:
    text = DOC.read_text("utf-8")
    for cls, cm in MAPPING.items():
        section = text.split(f"### `{cls.__name__}` ⇄ `{cm.oparl_type}`", 1)[1].split("###")[0]
        for f in cm.fields:
            assert f"| `{f.attr}` | `{f.key}` |" in section, (cls.__name__, f.attr)
    assert _codes_table() in text
    assert "pruefung.md" in text
