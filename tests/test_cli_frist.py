"""``kommunalrecht frist`` and ``kommunalrecht validate --land/--go`` (legal rules)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kommunalrecht import cli
from kommunalrecht._cli import frist

BEISPIEL = Path(__file__).resolve().parents[1] / "examples" / "geschaeftsordnung_rhein_sieg.toml"


def test_rueckwaerts_prints_date_and_steps(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["frist", "rueckwaerts", "16.11.2021", "--tage", "3", "--land", "HE"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Zugang spätestens Fr 12.11.2021"
    assert any("3 volle Kalendertage" in line for line in out[1:])


def test_rueckwaerts_options() -> None:
    out = io.StringIO()
    argv = ["rueckwaerts", "2021-11-16", "--tage", "3", "--land", "NW", "--werktage",
            "--samstag-kein-werktag", "--format", "json"]  # fmt: skip
    assert frist.main(argv, stdout=out) == 0
    doc = json.loads(out.getvalue())
    assert doc["datum"] == "2021-11-10" and doc["art"] == "rueckwaerts" and doc["schritte"]
    out = io.StringIO()
    argv = ["rueckwaerts", "16.11.2021", "--tage", "7", "--land", "NW",
            "--zaehlung", "sitzungstag_mitgerechnet"]  # fmt: skip
    assert frist.main(argv, stdout=out) == 0
    assert out.getvalue().startswith("Zugang spätestens Di 09.11.2021")


def test_vorwaerts_moves_past_holiday() -> None:
    out = io.StringIO()
    assert frist.main(["vorwaerts", "27.10.2021", "--tage", "5", "--land", "NW"], stdout=out) == 0
    text = out.getvalue()
    assert text.startswith("Fristende Di 02.11.2021") and "Allerheiligen" in text
    out = io.StringIO()
    argv = ["vorwaerts", "27.10.2021", "--tage", "5", "--land", "NW", "--ohne-verschiebung"]
    assert frist.main(argv, stdout=out) == 0
    assert out.getvalue().startswith("Fristende Mo 01.11.2021")
    out = io.StringIO()
    assert frist.main(["vorwaerts", "31.01.2021", "--monate", "1", "--land", "BY"], stdout=out) == 0
    assert out.getvalue().startswith("Fristende Mo 01.03.2021")


@pytest.mark.parametrize(
    "argv",
    [
        ["vorwaerts", "27.10.2021", "--land", "NW"],  # no Frist length
        ["vorwaerts", "27.10.2021", "--tage", "-1", "--land", "NW"],
        ["rueckwaerts", "2021-13-01", "--tage", "3", "--land", "NW"],
        ["rueckwaerts", "2021-11-16", "--tage", "3", "--land", "XX"],
        ["rueckwaerts", "2021-11-16", "--land", "NW"],
        ["seitwaerts", "2021-11-16"],
    ],
)
def test_bad_usage_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["frist", *argv]) == 2
    assert capsys.readouterr().err


def _asi_json(tmp_path: Path) -> Path:
    from kommunalrecht import oparl
    from kommunalrecht.beispiele import rhein_sieg_2021 as rsk

    p = tmp_path / "asi.json"
    p.write_bytes(oparl.dumps(rsk.bestand()[rsk.ID["sitzung/asi-2021-11-16"]]))
    return p


def test_validate_runs_the_rules(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("kommunalrecht._cli.validate")
    asi = _asi_json(tmp_path)
    argv = ["validate", str(asi), "--land", "NW", "--art", "Kreis", "--go", str(BEISPIEL)]
    assert cli.main(argv) == 0
    out = capsys.readouterr().out
    assert "EINLADUNG_INHALT" in out and "LADUNGSFRIST" not in out
    streng = tmp_path / "go.toml"
    streng.write_text("[ladung.frist]\ntage = 14\n", "utf-8")
    argv = ["validate", str(asi), "--land", "NW", "--art", "Kreis", "--go", str(streng)]
    assert cli.main(argv) == 1
    assert "error LADUNGSFRIST" in capsys.readouterr().out
    # without --land/--go: only the OParl checks
    assert cli.main(["validate", str(asi)]) == 0
    assert "EINLADUNG_INHALT" not in capsys.readouterr().out
    # a broken GeschO file: reported, exit 2
    kaputt = tmp_path / "kaputt.toml"
    kaputt.write_text("[ladung.frist]\ntag = 3\n", "utf-8")
    assert cli.main(["validate", str(asi), "--go", str(kaputt)]) == 2
