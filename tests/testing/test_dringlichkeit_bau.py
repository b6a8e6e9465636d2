"""``bestaende`` adds Dringlichkeitsentscheidungen only where the Land has them."""

from __future__ import annotations

from hypothesis import HealthCheck, find, given, settings

import kommunalrecht as kr
from kommunalrecht.model import Dringlichkeitsentscheidung, Land
from kommunalrecht.testing import assert_lawful
from kommunalrecht.testing.strategies import bestaende


def test_nw_bestaende_include_dringlichkeitsentscheidungen_and_stay_lawful() -> None:
    b = find(bestaende(land=Land.NW), lambda b: bool(b.alle(Dringlichkeitsentscheidung)))
    assert_lawful(b)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(bestaende(land=Land.HE))
def test_he_bestaende_have_none_after_51a_hgo(b: kr.Bestand) -> None:
    tage = [s.tag for s in b.alle(kr.Sitzung) if s.tag is not None]
    if tage and max(tage).isoformat() > "2021-03-31":
        assert b.alle(Dringlichkeitsentscheidung) == []
