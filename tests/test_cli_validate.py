"""Tests of ``kommunalrecht validate`` (kommunalrecht._cli.validate)."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from kommunalrecht.cli import main

DATA = Path(__file__).resolve().parent / "data" / "oparl"
GOOD = DATA / "examples/1.1/File-01.json"
OLD = DATA / "examples/1.0/Body-01.json"


def test_clean_file_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(GOOD)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("1 Datei(en): 0 Fehler")


def test_errors_exit_1_with_a_summary_per_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(OLD)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any("TYP_VERSION" in line for line in out[:-1])
    assert "PFLICHTFELD_FEHLT 11, RUECKVERWEIS_EINGEBETTET 1, TYP_VERSION 3" in out[-1]


def test_lenient_mode_accepts_what_it_can_repair(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--mode", "lenient", str(OLD)]) == 0
    assert "REPARIERT_TYP_VERSION" in capsys.readouterr().out


def test_directories_are_searched_recursively(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    shutil.copy(GOOD, tmp_path / "a" / "b" / "f.json")
    shutil.copy(GOOD, tmp_path / "g.json")
    (tmp_path / "notes.txt").write_text("ignored")
    assert main(["validate", "--format", "json", str(tmp_path)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [Path(r["path"]).name for r in doc["results"]] == ["f.json", "g.json"]
    assert doc["summary"]["files"] == 2 and doc["summary"]["codes"] == {}


def test_unreadable_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"{nope")
    assert main(["validate", str(bad)]) == 2
    assert main(["validate", "--mode", "lenient", str(bad)]) == 2
    assert main(["validate", str(tmp_path / "missing.json")]) == 2
    assert main(["validate", str(GOOD), str(bad)]) == 2  # unreadable wins over clean
    capsys.readouterr()


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(GOOD.read_bytes())))
    assert main(["validate", "-", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["results"][0]["path"] == "-" and doc["mode"] == "strict"


def test_json_output_lists_findings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--format", "json", str(OLD)]) == 1
    doc = json.loads(capsys.readouterr().out)
    f = doc["results"][0]["findings"][0]
    assert set(f) == {"code", "severity", "message", "path", "object_id", "rechtsgrundlage"}
    assert doc["summary"]["severity"] == {"error": 17, "warning": 1, "info": 1}


def test_art_of_a_body_read_earlier_applies_to_later_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kommunalrecht import oparl
    from kommunalrecht.beispiele import rhein_sieg_2021 as rsk

    for i, obj in enumerate(rsk.bestand().objekte):  # 01.json: the Body (a Kreis)
        (tmp_path / f"{i:02d}.json").write_bytes(oparl.dumps(obj))
    main(["validate", "--land", "NW", "--format", "json", str(tmp_path)])
    out = json.loads(capsys.readouterr().out)
    norms = [
        f["rechtsgrundlage"]
        for r in out["results"]
        for f in r["findings"]
        if f["code"] == "EINLADUNG_INHALT"
    ]
    assert norms and all("KrO NRW" in n for n in norms)
