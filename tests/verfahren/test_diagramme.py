"""The committed state diagrams equal the generated ones; the tutorial runs."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

from kommunalrecht.verfahren.diagramme import AUTOMATEN, seite

DOCS = Path(__file__).resolve().parents[2] / "docs" / "verfahren"


@pytest.mark.parametrize("name", list(AUTOMATEN))
def test_diagramm_ist_aktuell(name: str) -> None:
    committed = (DOCS / f"{name}.md").read_text(encoding="utf-8")
    assert committed == seite(AUTOMATEN[name]), (
        f"docs/verfahren/{name}.md is stale: run python -m kommunalrecht.verfahren.diagramme"
    )


def test_jede_kante_steht_im_diagramm() -> None:
    for automat in AUTOMATEN.values():
        text = seite(automat)
        for von, zeile in automat.tabelle.items():
            for ev, nach in zeile.items():
                assert f"| {von.value} | `{ev.value}` | {nach.value} |" in text


def test_tutorial_laeuft() -> None:
    ergebnis = doctest.testfile(
        str(DOCS / "tutorial.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        raise_on_error=False,
        verbose=False,
    )
    assert ergebnis.attempted > 20
    assert ergebnis.failed == 0
