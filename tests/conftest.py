"""Shared pytest configuration: Hypothesis profiles and the pytester plugin.

Profiles (select with ``--hypothesis-profile=NAME``):

* ``ci`` (default) — modest example counts so that the whole suite, including the robustness
  sweep in ``tests/robustheit/``, stays within about a minute on two cores;
* ``long`` — many more examples (the sweep runs tens of thousands of inputs; the Bestand
  tests generate 1,000 Bestände) for nightly or pre-release runs.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

pytest_plugins = ["pytester"]

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long",
    max_examples=2000,
    deadline=None,
    print_blob=True,
)
settings.load_profile("ci")
