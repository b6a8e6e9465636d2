"""Worked examples shipped with the library (importable from tests and users' code).

:mod:`kommunalrecht.beispiele.rhein_sieg_2021` — the Rhein-Sieg-Kreis 2021 bundle.
"""
