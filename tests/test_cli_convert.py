"""Tests of ``kommunalrecht convert`` (kommunalrecht._cli.convert)."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from kommunalrecht._cli.convert import run
from kommunalrecht.cli import main
from kommunalrecht.oparl.xml import check_xml, xml_to_dict

DATA = Path(__file__).resolve().parent / "data" / "oparl"
MEETING = DATA / "examples/1.1/Meeting-01.json"


def test_file_to_file_by_extension_and_back(tmp_path: Path) -> None:
    xml = tmp_path / "m.xml"
    assert main(["convert", str(MEETING), str(xml)]) == 0
    assert xml.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<Meeting ')
    original = json.loads(MEETING.read_text(encoding="utf-8"))
    assert xml_to_dict(xml.read_bytes()) == original
    back = tmp_path / "m.json"
    assert main(["convert", str(xml), str(back)]) == 0
    assert json.loads(back.read_text(encoding="utf-8")) == original


def test_explicit_target_format_and_pretty(tmp_path: Path) -> None:
    out = tmp_path / "out.dat"
    assert main(["convert", str(MEETING), str(out), "--to", "xml", "--pretty"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "\n  <id>" in text
    assert not [f for f in check_xml(out.read_bytes()) if f.code.startswith("XML_")]
    # same format in and out is allowed (normalises)
    again = tmp_path / "again.xml"
    assert main(["convert", str(out), str(again), "--to", "xml"]) == 0
    assert xml_to_dict(again.read_bytes()) == xml_to_dict(out.read_bytes())


def test_stdin_stdout_and_compact_json() -> None:
    data = b'{"type": "https://schema.oparl.org/1.1/Paper", "name": "\\u00e4", "x:s": "\\ud800"}'
    xml = io.BytesIO()
    assert run(["-", "-"], stdin=io.BytesIO(data), stdout=xml) == 0
    back = io.BytesIO()
    assert run(["-", "-", "--compact"], stdin=io.BytesIO(xml.getvalue()), stdout=back) == 0
    assert json.loads(back.getvalue()) == json.loads(data)
    assert b"\n" not in back.getvalue().rstrip(b"\n")


def test_directories_file_by_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    shutil.copytree(DATA / "realworld", src / "realworld")
    (src / "broken.json").write_text("{nope", encoding="utf-8")
    (src / "ignored.txt").write_text("x", encoding="utf-8")
    dst = tmp_path / "out"
    assert main(["convert", str(src), str(dst)]) == 2  # one unreadable file
    err = capsys.readouterr().err
    assert "broken.json" in err
    inputs = sorted(p.relative_to(src) for p in (src / "realworld").rglob("*.json"))
    outputs = sorted(p.relative_to(dst) for p in (dst / "realworld").rglob("*.xml"))
    assert outputs == [p.with_suffix(".xml") for p in inputs]
    for rel in inputs:
        original = json.loads((src / rel).read_text(encoding="utf-8"))
        assert xml_to_dict((dst / rel.with_suffix(".xml")).read_bytes()) == original
    # and back again into a third directory
    back = tmp_path / "back"
    assert main(["convert", str(dst), str(back)]) == 0
    for rel in inputs:
        assert json.loads((back / rel).read_text("utf-8")) == json.loads(
            (src / rel).read_text("utf-8")
        )


def test_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(tmp_path / "missing.json"), "-"]) == 2
    assert main(["convert", str(tmp_path), "-"]) == 2
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    assert main(["convert", str(bad), str(tmp_path / "bad.json")]) == 2
    assert "document type declaration" in capsys.readouterr().err
    arr = tmp_path / "arr.json"
    arr.write_text("[1]", encoding="utf-8")
    assert main(["convert", str(arr), str(tmp_path / "arr.xml")]) == 2
    assert main(["convert", str(MEETING), "-", "--to", "yaml"]) == 2
    untyped = tmp_path / "u.json"
    untyped.write_text('{"id": "https://x.example/1", "deleted": true}', encoding="utf-8")
    assert main(["convert", str(untyped), str(tmp_path / "u.xml")]) == 2
    assert main(["convert", str(untyped), str(tmp_path / "u.xml"), "--expect", "Paper"]) == 0
    assert b"<Paper " in (tmp_path / "u.xml").read_bytes()
