"""The one exception hierarchy of kommunalrecht, and :class:`Finding`.

Every error the library raises on bad input is a :class:`KommunalrechtError`. Where a builtin
fits, the error is also that builtin (a :class:`ValidationError` is a :class:`ValueError`), so
callers who already catch ``ValueError`` keep working.

A :class:`Finding` is one observation of a rule or a reader: a stable ``code``, a
:class:`Severity`, a German ``message``, a JSON-style ``path`` into the checked object
(``$.agendaItem[3].order``), the id of the object concerned and the legal or spec basis
(``rechtsgrundlage``).

>>> f = Finding(code="LADUNGSFRIST", severity=Severity.ERROR,
...             message="Ladung zu spät zugegangen", path="$.einladungsdatum",
...             rechtsgrundlage="§ 1 Abs. 2 GeschO")
>>> str(f)
'error LADUNGSFRIST at $.einladungsdatum: Ladung zu spät zugegangen [§ 1 Abs. 2 GeschO]'
>>> err = ValidationError([f])
>>> isinstance(err, ValueError), err.findings[0].code
(True, 'LADUNGSFRIST')
"""

from __future__ import annotations

import enum
import reprlib
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

__all__ = [
    "ConfigError",
    "Finding",
    "FristError",
    "InvariantError",
    "KommunalrechtError",
    "ParseError",
    "Severity",
    "TransitionError",
    "ValidationError",
]


class Severity(enum.Enum):
    """How serious a :class:`Finding` is.

    >>> Severity("warning") is Severity.WARNING
    True
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen(kw_only=True)
class Finding:
    """One observation made by a rule, a reader or a checker.

    ``path`` is a JSON-path-like location (``$`` is the checked object itself); ``object_id``
    the id of the object the finding is about (when it has one); ``rechtsgrundlage`` the norm or
    spec section the finding rests on.

    >>> Finding(code="X", severity=Severity.INFO, message="m").path
    '$'
    """

    code: str
    severity: Severity
    message: str
    path: str = "$"
    object_id: str | None = None
    rechtsgrundlage: str | None = None

    def __str__(self) -> str:
        basis = f" [{self.rechtsgrundlage}]" if self.rechtsgrundlage else ""
        return f"{self.severity.value} {self.code} at {self.path}: {self.message}{basis}"


class KommunalrechtError(Exception):
    """Base of every error kommunalrecht raises on bad input or illegal use.

    >>> issubclass(ParseError, KommunalrechtError)
    True
    """


class ValidationError(KommunalrechtError, ValueError):
    """Records break rules; carries every :class:`Finding` (never only the first).

    >>> e = ValidationError([Finding(code="A", severity=Severity.ERROR, message="kaputt")])
    >>> len(e.findings)
    1
    """

    def __init__(self, findings: Iterable[Finding], message: str | None = None) -> None:
        self.findings: tuple[Finding, ...] = tuple(findings)
        if message is None:
            lines = [f"{len(self.findings)} Befund(e):"] + [f"  {f}" for f in self.findings]
            message = "\n".join(lines)
        super().__init__(message)


def _short(value: Any, limit: int = 120) -> str:
    try:
        text = repr(value)
    except RecursionError:  # very deeply nested input: show its outer levels only
        text = reprlib.repr(value)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return text


class InvariantError(ValidationError):
    """A model object was constructed with a value that breaks an invariant.

    Names the field, what was expected and what was received (``!r``).

    >>> e = InvariantError("Sitzung", "beginn", "a timezone-aware datetime", "2021-11-16")
    >>> str(e)
    "Sitzung.beginn: expected a timezone-aware datetime, got '2021-11-16'"
    >>> e.field, e.findings[0].path
    ('beginn', '$.beginn')
    """

    def __init__(self, cls_name: str, field: str, expected: str, found: Any) -> None:
        self.cls_name = cls_name
        self.field = field
        self.expected = expected
        self.found = found
        message = f"{cls_name}.{field}: expected {expected}, got {_short(found)}"
        finding = Finding(
            code="MODELL_INVARIANTE",
            severity=Severity.ERROR,
            message=message,
            path=f"$.{field}",
        )
        super().__init__([finding], message)


class ParseError(KommunalrechtError, ValueError):
    """Input is not readable as what was asked for (not JSON, not an object, unknown type …).

    >>> e = ParseError("an OParl object (JSON object)", [1, 2], path="$")
    >>> str(e)
    'at $: expected an OParl object (JSON object), got [1, 2]'
    """

    def __init__(self, expected: str, found: Any, *, path: str = "$") -> None:
        self.expected = expected
        self.found = found
        self.path = path
        super().__init__(f"at {path}: expected {expected}, got {_short(found)}")


class TransitionError(KommunalrechtError):
    """An event is not allowed in the current state; the object was not changed.

    >>> e = TransitionError("Sitzung", "geschlossen", "eroeffnen", ["niederschrift_entwerfen"])
    >>> str(e)
    "Sitzung: event 'eroeffnen' not allowed in state 'geschlossen' (allowed: niederschrift_entwerfen)"
    >>> str(TransitionError("Sitzung", "eingeladen", "eroeffnen", ["eroeffnen"], reason="Frist"))
    "Sitzung: event 'eroeffnen' refused in state 'eingeladen' (allowed: eroeffnen): Frist"
    """

    def __init__(
        self,
        kind: str,
        state: str,
        event: str,
        allowed: Sequence[str] = (),
        reason: str | None = None,
    ) -> None:
        self.kind = kind
        self.state = state
        self.event = event
        self.allowed = tuple(allowed)
        self.reason = reason
        allowed_text = ", ".join(self.allowed) if self.allowed else "none"
        # without a reason the table has no such event; with one, a guard refused it
        verdict = "refused" if reason else "not allowed"
        message = f"{kind}: event {event!r} {verdict} in state {state!r} (allowed: {allowed_text})"
        if reason:
            message += f": {reason}"
        super().__init__(message)


class FristError(KommunalrechtError, ValueError):
    """A deadline cannot be computed from the given arguments.

    >>> str(FristError("tage", "a non-negative int", -1))
    'tage: expected a non-negative int, got -1'
    """

    def __init__(self, field: str, expected: str, found: Any) -> None:
        self.field = field
        self.expected = expected
        self.found = found
        super().__init__(f"{field}: expected {expected}, got {_short(found)}")


class ConfigError(KommunalrechtError, ValueError):
    """A configuration (e.g. a Geschäftsordnung file) has a bad or unknown key.

    >>> str(ConfigError("ladung.frist", "a non-negative int", "zwei"))
    "ladung.frist: expected a non-negative int, got 'zwei'"
    """

    def __init__(self, key: str, expected: str, found: Any) -> None:
        self.key = key
        self.expected = expected
        self.found = found
        super().__init__(f"{key}: expected {expected}, got {_short(found)}")
