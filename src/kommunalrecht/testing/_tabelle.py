"""Findings as a readable plain-text table (for assertion messages and terminals).

Columns: severity, code, path, object, message, Rechtsgrundlage. Long cells are shortened
with "…" so that a table stays readable in a pytest report; every finding gets one row.

>>> from kommunalrecht import Finding, Severity
>>> print(tabelle([Finding(code="LADUNGSFRIST", severity=Severity.ERROR,
...     message="Ladung zu spät", path="$.einladung_zugang",
...     object_id="https://x.example/s/1", rechtsgrundlage="§ 32 Abs. 2 KrO NRW")]))
severity  code          path                object                 message         Rechtsgrundlage
--------  ------------  ------------------  ---------------------  --------------  -------------------
error     LADUNGSFRIST  $.einladung_zugang  https://x.example/s/1  Ladung zu spät  § 32 Abs. 2 KrO NRW
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..errors import Finding

__all__ = ["tabelle"]

_HEAD = ("severity", "code", "path", "object", "message", "Rechtsgrundlage")
_MAX = (8, 32, 48, 60, 100, 48)


def _cell(text: str, limit: int) -> str:
    text = " ".join(text.split())  # one line per finding
    return text if len(text) <= limit else text[: limit - 1] + "…"


def tabelle(findings: Iterable[Finding], *, max_zeilen: int = 200) -> str:
    """``findings`` as a fixed-width text table (``(keine Befunde)`` when empty); at most
    ``max_zeilen`` rows, then a line saying how many were left out.

    >>> tabelle([])
    '(keine Befunde)'
    """
    items = list(findings)
    if not items:
        return "(keine Befunde)"
    rows: list[Sequence[str]] = []
    for f in items[:max_zeilen]:
        raw = (
            f.severity.value if hasattr(f.severity, "value") else str(f.severity),
            f.code,
            f.path,
            f.object_id or "",
            f.message,
            f.rechtsgrundlage or "",
        )
        rows.append([_cell(str(c), m) for c, m in zip(raw, _MAX, strict=True)])
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(_HEAD)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(_HEAD, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    if len(items) > max_zeilen:
        lines.append(f"… und {len(items) - max_zeilen} weitere Befunde")
    return "\n".join(lines)
