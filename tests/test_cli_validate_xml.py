"""``kommunalrecht validate`` on files in the OParl XML form (kommunalrecht._cli.validate)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kommunalrecht._cli.validate import run
from kommunalrecht.cli import main
from kommunalrecht.oparl.xml import dict_to_xml

DATA = Path(__file__).resolve().parent / "data" / "oparl"


def _xml(rel: str) -> bytes:
    return dict_to_xml(json.loads((DATA / rel).read_text(encoding="utf-8")))


def test_clean_xml_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "file.xml"
    f.write_bytes(_xml("examples/1.1/File-01.json"))
    assert main(["validate", str(f)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("1 Datei(en): 0 Fehler")


def test_xml_with_oparl_errors_exits_1_in_strict_and_0_in_lenient(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "body.xml"
    f.write_bytes(_xml("examples/1.0/Body-01.json"))
    assert main(["validate", str(f)]) == 1
    assert "TYP_VERSION" in capsys.readouterr().out
    assert main(["validate", "--mode", "lenient", str(f)]) == 0
    assert "REPARIERT_TYP_VERSION" in capsys.readouterr().out


def test_schema_violations_have_xpath_paths() -> None:
    bad = (
        b'<Meeting xmlns="urn:kommunalrecht:oparl:1.1" version="1.1">'
        b"<agendaItem><order>erste</order></agendaItem></Meeting>"
    )
    out = io.StringIO()
    assert run(["-", "--format", "json"], stdin=io.BytesIO(bad), stdout=out) == 1
    findings = json.loads(out.getvalue())["results"][0]["findings"]
    assert [(f["code"], f["path"]) for f in findings] == [
        ("XML_SCHEMA", "/Meeting/agendaItem/order")
    ]


@pytest.mark.parametrize("mode", ["strict", "lenient"])
def test_hostile_xml_is_unreadable(mode: str) -> None:
    attack = b'<!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]><x>&a;</x>'
    out = io.StringIO()
    assert run(["-", "--mode", mode], stdin=io.BytesIO(attack), stdout=out) == 2
    assert "root:" not in out.getvalue()


def test_directories_include_xml_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "f.xml").write_bytes(_xml("examples/1.1/File-01.json"))
    (tmp_path / "a" / "f.json").write_bytes((DATA / "examples/1.1/File-01.json").read_bytes())
    assert main(["validate", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("2 Datei(en): 0 Fehler")
