"""The pytest plugin, exercised from a separate throwaway project (pytester)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kommunalrecht.testing import plugin

USER_TEST = """
import kommunalrecht as kr
from hypothesis import given, settings, strategies as st
from kommunalrecht import oparl
from kommunalrecht.testing import assert_lawful, assert_oparl_valid, assert_roundtrip

def test_seed(seed_bestand):
    assert isinstance(seed_bestand, kr.Bestand)
    assert_roundtrip(seed_bestand)

def test_examples(oparl_examples):
    assert "Meeting-01" in oparl_examples
    assert_oparl_valid(oparl_examples["Meeting-01"])
    oparl_examples["Meeting-01"]["name"] = "changed"   # a copy: no effect on other tests

def test_examples_fresh(oparl_examples):
    assert oparl_examples["Meeting-01"].get("name") != "changed"

def test_profile(kommunalrecht_go, kommunalrecht_land, kommunalrecht_profil):
    assert isinstance(kommunalrecht_go, kr.Geschaeftsordnung)
    print("LAND", kommunalrecht_land.value, kommunalrecht_go.ladung.frist.tage)

@settings(max_examples=5)
@given(st.from_type(kr.Sitzung))
def test_from_type(s):
    assert isinstance(s, kr.Sitzung)
"""


def test_plugin_fixtures_in_a_throwaway_project(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user=USER_TEST)
    result = pytester.runpytest_subprocess("-s", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=5)
    result.stdout.fnmatch_lines(["*kommunalrecht profile: NW-kreis*", "*LAND NW *"])


def test_profile_option_and_toml(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user=USER_TEST)
    result = pytester.runpytest_subprocess("-s", "--kommunalrecht-profile=HE", "-k", "profile")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*LAND HE 3*"])
    toml = pytester.makefile(".toml", go="[ladung.frist]\ntage = 11\n")
    result = pytester.runpytest_subprocess("-s", f"--kommunalrecht-profile={toml}", "-k", "profile")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*LAND NW 11*"])


def test_bad_profile_is_a_usage_error(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user=USER_TEST)
    result = pytester.runpytest_subprocess("--kommunalrecht-profile=XX-dorf")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*kommunalrecht*--kommunalrecht-profile*XX-dorf*"])


def test_plugin_imports_and_configures_without_hypothesis() -> None:
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "import kommunalrecht.testing.plugin as p\n"
        "print(p.profil_aus('NW-kreis').gesetz, sorted(p.oparl_beispiele())[0])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["KrO", "NRW", "Body-01"]


def test_oparl_examples_are_repaired() -> None:
    ex = plugin.oparl_beispiele()
    assert sorted(ex) == [
        "Body-01",
        "File-01",
        "Location-01",
        "Meeting-01",
        "Organization-01",
        "Paper-01",
        "Person-01",
        "System-01",
    ]
    # Meeting-01's AgendaItem lacks `order` in the original; the repaired copy has it
    assert all("order" in item for item in ex["Meeting-01"]["agendaItem"])


@pytest.mark.parametrize("text", ["", "NW-dorf", "NW@2021-13-01", "ZZ"])
def test_profil_aus_rejects(text: str) -> None:
    import kommunalrecht as kr

    with pytest.raises(kr.ConfigError):
        plugin.profil_aus(text)
