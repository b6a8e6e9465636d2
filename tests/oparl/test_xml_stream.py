"""Streaming XML: XmlWriter / write_xml_stream (lxml xmlfile) and iter_xml (pull parser)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from kommunalrecht.errors import ConfigError, ParseError
from kommunalrecht.oparl._spec import type_uri
from kommunalrecht.oparl.xml import (
    XmlWriter,
    check_xml,
    iter_xml,
    write_xml_stream,
    xml_schema,
    xml_to_dict,
)

from ._fixtures import meeting_with_items


def _meetings(n: int, items: int = 2) -> Iterator[dict[str, Any]]:
    base = meeting_with_items(items)
    for i in range(n):
        m = dict(base)
        m["id"] = f"https://ris.example.org/oparl/meeting/{i}"
        m["name"] = f"Sitzung {i} – Ausschuss für Umwelt & Verkehr <öffentlich>"
        yield m


def test_stream_roundtrip_of_a_few_thousand_objects(tmp_path: Path) -> None:
    path = tmp_path / "bestand.xml"
    papers = (
        {"id": f"https://ris.example/p/{i}", "type": type_uri("Paper"), "x:n": [i, None]}
        for i in range(1000)
    )

    def source() -> Iterator[dict[str, Any]]:
        yield from _meetings(2000)
        yield from papers
        yield {"id": "https://ris.example/unknown", "type": "https://vendor.example/T"}

    assert write_xml_stream(source(), path) == path
    data = path.read_bytes()
    assert xml_schema().validate(etree.fromstring(data, etree.XMLParser(huge_tree=True)))
    back = list(iter_xml(path))
    assert len(back) == 3001
    assert back[:2000] == list(_meetings(2000))
    assert back[2000]["x:n"] == [0, None]
    assert back[-1] == {"id": "https://ris.example/unknown", "type": "https://vendor.example/T"}
    # the whole document is also an ordinary list page
    assert xml_to_dict(data)["data"] == back


def test_stream_reader_accepts_single_objects_files_and_bytes(tmp_path: Path) -> None:
    from kommunalrecht.oparl.xml import dict_to_xml

    m = meeting_with_items(3)
    data = dict_to_xml(m)
    assert list(iter_xml(data)) == [m]
    assert list(iter_xml(io.BytesIO(data))) == [m]
    (tmp_path / "m.xml").write_bytes(data)
    assert list(iter_xml(str(tmp_path / "m.xml"))) == [m]
    assert list(iter_xml(data, expect="Meeting")) == [m]
    with pytest.raises(ParseError, match="an element <Paper>"):
        list(iter_xml(data, expect="Paper"))
    with pytest.raises(ParseError, match="an XML document"):
        list(iter_xml(b""))
    with pytest.raises(ParseError, match="well-formed"):
        list(iter_xml(data[:-5]))


def test_writer_pagination_links_and_validity() -> None:
    buf = io.BytesIO()
    with XmlWriter(
        buf,
        pagination={"totalElements": 2, "currentPage": 1},
        links={"self": "https://ris.example/l", "x:y": None},
    ) as w:
        for m in _meetings(2):
            w.write(m)
    assert w.count == 2
    data = buf.getvalue()
    assert check_xml(data) == []
    page = xml_to_dict(data)
    assert page["pagination"] == {"totalElements": 2, "currentPage": 1}
    assert page["links"] == {"self": "https://ris.example/l", "x:y": None}
    assert page["data"] == list(_meetings(2))


def test_writer_sources_quelle_and_objects_attribute() -> None:
    class Quelle:
        def objekte(self, typ: str) -> list[dict[str, Any]]:
            return [{"type": type_uri(typ), "id": f"https://ris.example/{typ}"}]

    back = list(iter_xml(write_xml_stream(Quelle(), io.BytesIO()).getvalue()))
    assert [d["id"].rsplit("/", 1)[1] for d in back][:3] == ["System", "Body", "LegislativeTerm"]
    assert len(back) == 12

    class WithTuple:
        objekte = ({"type": type_uri("Paper")},)

    assert list(iter_xml(write_xml_stream(WithTuple(), io.BytesIO()).getvalue())) == [
        {"type": type_uri("Paper")}
    ]
    with pytest.raises(ConfigError):
        write_xml_stream({"type": type_uri("Paper")}, io.BytesIO())
    with pytest.raises(ConfigError):
        write_xml_stream(42, io.BytesIO())


def test_writer_errors(tmp_path: Path) -> None:
    w = XmlWriter(io.BytesIO())
    with pytest.raises(ConfigError):
        w.write({"type": type_uri("Paper")})
    path = tmp_path / "x.xml"
    writer = XmlWriter(path)

    def write_bad() -> None:
        with writer as w2:
            w2.write({"type": type_uri("Paper")})
            w2.write({"type": type_uri("Paper"), "x:bad": {1, 2}})

    with pytest.raises(ParseError) as exc:
        write_bad()
    assert exc.value.path == "$.data[1].x:bad"
    assert writer._file is not None and writer._file.closed


_CHILD = textwrap.dedent(
    """
    import io, json, resource, sys
    sys.path.insert(0, {tests!r})
    from kommunalrecht.oparl.xml import write_xml_stream, iter_xml
    from _fixtures import meeting_with_items

    n = int(sys.argv[1])
    path = sys.argv[2]
    base = meeting_with_items(2)

    def source():
        for i in range(n):
            m = dict(base)
            m["id"] = f"https://ris.example.org/m/{{i}}"
            yield m

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    write_xml_stream(source(), path)
    count = sum(1 for _ in iter_xml(path))
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({{"count": count, "delta_kb": after - before}}))
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="resource module is POSIX only")
def test_streaming_memory_stays_bounded(tmp_path: Path) -> None:
    """Write and read 12 000 meetings (≈ 20 MB of XML) in a child process; peak RSS grows by
    far less than the document (an in-memory tree would need well over 100 MB)."""
    code = _CHILD.format(tests=str(Path(__file__).parent))
    out = subprocess.run(
        [sys.executable, "-c", code, "12000", str(tmp_path / "big.xml")],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result = json.loads(out.stdout)
    assert result["count"] == 12000
    size_mb = (tmp_path / "big.xml").stat().st_size / 1e6
    assert size_mb > 15
    assert result["delta_kb"] / 1024 < 25, result
