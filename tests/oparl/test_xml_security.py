"""Attack payloads against the hardened XML reader: each rejected with ParseError, fast, and
without reading a file or opening a connection."""

from __future__ import annotations

import io
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from kommunalrecht.errors import ParseError, ValidationError
from kommunalrecht.oparl._xmlread import make_parser
from kommunalrecht.oparl.xml import (
    EXT_NAMESPACE,
    NAMESPACE,
    check_xml,
    iter_xml,
    loads_xml,
    xml_to_dict,
)

SECRET = "TOPSECRET-kommunalrecht-7f3a"
NS = f'xmlns="{NAMESPACE}" xmlns:ext="{EXT_NAMESPACE}" version="1.1"'


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


@pytest.fixture
def listener() -> Iterator[tuple[str, list[bytes]]]:
    """A local TCP server that records every connection (there must be none)."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.1)
    hits: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(0.5)
                try:
                    hits.append(conn.recv(1024) or b"<connected>")
                except OSError:
                    hits.append(b"<connected>")
                conn.sendall(b"HTTP/1.0 200 OK\r\n\r\n" + SECRET.encode())

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", hits
    stop.set()
    thread.join(2)
    server.close()


def _payloads(secret: Path, url: str) -> dict[str, bytes]:
    file_url = secret.as_uri()
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))  # 10^9 "lol"
    return {
        "xxe-file": (
            f'<!DOCTYPE Meeting [<!ENTITY xxe SYSTEM "{file_url}">]>'
            f"<Meeting {NS}><name>&xxe;</name></Meeting>"
        ).encode(),
        "xxe-file-attribute": (
            f'<!DOCTYPE Meeting [<!ENTITY xxe SYSTEM "{file_url}">]>'
            f'<Meeting {NS}><ext:property name="&xxe;"><ext:null/></ext:property></Meeting>'
        ).encode(),
        "xxe-url": (
            f'<!DOCTYPE Meeting [<!ENTITY xxe SYSTEM "{url}/entity">]>'
            f"<Meeting {NS}><name>&xxe;</name></Meeting>"
        ).encode(),
        "xxe-parameter-entity": (
            f'<!DOCTYPE Meeting [<!ENTITY % p SYSTEM "{file_url}"> %p;]>'
            f"<Meeting {NS}><name>x</name></Meeting>"
        ).encode(),
        "billion-laughs": (
            f'<!DOCTYPE Meeting [<!ENTITY l0 "lol">{laughs}]><Meeting {NS}><name>&l9;</name></Meeting>'
        ).encode(),
        "external-dtd-file": (
            f'<!DOCTYPE Meeting SYSTEM "{file_url}"><Meeting {NS}><name>x</name></Meeting>'
        ).encode(),
        "external-dtd-url": (
            f'<!DOCTYPE Meeting PUBLIC "-//X//DTD X//EN" "{url}/x.dtd">'
            f"<Meeting {NS}><name>x</name></Meeting>"
        ).encode(),
        "deeply-nested": (
            f'<Meeting {NS}><ext:property name="d">'
            + "<ext:array>" * 100_000
            + "</ext:array>" * 100_000
            + "</ext:property></Meeting>"
        ).encode(),
        "huge-text": (f"<Meeting {NS}><name>" + "A" * 20_000_000 + "</name></Meeting>").encode(),
        "xinclude": (
            f'<Meeting {NS} xmlns:xi="http://www.w3.org/2001/XInclude">'
            f'<xi:include href="{file_url}" parse="text"/></Meeting>'
        ).encode(),
        "utf16": f"<Meeting {NS}><name>x</name></Meeting>".encode("utf-16"),
        "foreign-encoding": (
            f'<?xml version="1.0" encoding="ISO-8859-1"?><Meeting {NS}><name>x</name></Meeting>'
        ).encode("latin-1"),
    }


NAMES = [
    "xxe-file",
    "xxe-file-attribute",
    "xxe-url",
    "xxe-parameter-entity",
    "billion-laughs",
    "external-dtd-file",
    "external-dtd-url",
    "deeply-nested",
    "huge-text",
    "xinclude",
    "utf16",
    "foreign-encoding",
]


def _streamed(data: bytes) -> list[Any]:
    return list(iter_xml(io.BytesIO(data)))


READERS: dict[str, Callable[[bytes], Any]] = {
    "xml_to_dict": xml_to_dict,
    "loads_xml-strict": lambda b: loads_xml(b, mode="strict"),
    "loads_xml-lenient": lambda b: loads_xml(b, mode="lenient"),
    "iter_xml": _streamed,
}


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize("attack", NAMES)
def test_attack_is_rejected_quickly_without_reading_anything(
    attack: str, reader: str, secret_file: Path, listener: tuple[str, list[bytes]]
) -> None:
    url, hits = listener
    payload = _payloads(secret_file, url)[attack]
    t0 = time.perf_counter()
    # an XInclude element is no attack on the parser (XInclude is never processed): the
    # strict reader reports it as a schema violation, the others as an unknown element
    expected = (ParseError, ValidationError) if attack == "xinclude" else ParseError
    with pytest.raises(expected) as exc:
        READERS[reader](payload)
    elapsed = time.perf_counter() - t0
    assert elapsed < 1.0, f"{attack} took {elapsed:.2f} s"
    assert SECRET not in str(exc.value)
    assert hits == []


@pytest.mark.parametrize("attack", NAMES)
def test_check_xml_reports_attacks_as_findings(
    attack: str, secret_file: Path, listener: tuple[str, list[bytes]]
) -> None:
    url, hits = listener
    findings = check_xml(_payloads(secret_file, url)[attack])
    assert findings
    assert findings[0].code == ("XML_SCHEMA" if attack == "xinclude" else "XML_UNGUELTIG")
    assert all(SECRET not in f.message for f in findings)
    assert hits == []


@pytest.mark.parametrize(
    "attack",
    ["xxe-file", "xxe-url", "xxe-parameter-entity", "external-dtd-file", "external-dtd-url"],
)
def test_second_line_parser_alone_reads_nothing(
    attack: str, secret_file: Path, listener: tuple[str, list[bytes]]
) -> None:
    """Even without the DOCTYPE pre-scan the configured parser neither reads nor fetches."""
    url, hits = listener
    payload = _payloads(secret_file, url)[attack]
    try:
        seen = etree.tostring(etree.fromstring(payload, make_parser()))
    except etree.XMLSyntaxError as exc:
        seen = str(exc).encode()
    assert SECRET.encode() not in seen
    assert hits == []


def test_second_line_parser_alone_stops_billion_laughs(
    secret_file: Path, listener: tuple[str, list[bytes]]
) -> None:
    payload = _payloads(secret_file, listener[0])["billion-laughs"]
    t0 = time.perf_counter()
    try:
        root = etree.fromstring(payload, make_parser())
    except etree.XMLSyntaxError:
        pass
    else:
        assert len(etree.tostring(root)) < 10_000
    assert time.perf_counter() - t0 < 1.0


def test_doctype_split_across_stream_chunks_is_caught() -> None:
    head = f"<Meeting {NS}><name>".encode()
    pad = b" " * (65536 - len(head) - 4)
    payload = head + pad + b'x</name></Meeting><!DOCTYPE x [<!ENTITY a "b">]>'
    assert len(head + pad) < 65536 < len(payload)
    with pytest.raises(ParseError, match="document type declaration"):
        _streamed(payload)


def test_size_limit() -> None:
    data = f"<Meeting {NS}><name>{'x' * 1000}</name></Meeting>".encode()
    assert xml_to_dict(data)["name"] == "x" * 1000
    with pytest.raises(ParseError, match="at most 500 bytes"):
        xml_to_dict(data, max_bytes=500)


def test_legitimate_depth_and_text_are_accepted() -> None:
    nested = "<ext:array>" * 120 + "</ext:array>" * 120
    data = f'<Meeting {NS}><ext:property name="d">{nested}</ext:property></Meeting>'.encode()
    value: Any = xml_to_dict(data)["d"]
    depth = 0
    while isinstance(value, list) and value:
        value, depth = value[0], depth + 1
    assert depth == 119
    big = f"<Meeting {NS}><name>{'ä' * 2_000_000}</name></Meeting>".encode()
    assert len(xml_to_dict(big)["name"]) == 2_000_000
