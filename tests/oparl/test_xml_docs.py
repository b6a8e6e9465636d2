"""docs/oparl/xml.md: the complete example is regenerated and compared, the mapping table of
typed values matches the generator's table."""

from __future__ import annotations

import json
import re
from pathlib import Path

from lxml import etree

from kommunalrecht.oparl._spec import Kind
from kommunalrecht.oparl._xmlmap import XSD_TYPES
from kommunalrecht.oparl.xml import check_xml, dict_to_xml, xml_schema, xml_to_dict

DOC = Path(__file__).resolve().parents[2] / "docs" / "oparl" / "xml.md"


def _block(marker: str, lang: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    m = re.search(rf"<!-- {marker} -->\n```{lang}\n(.*?)```", text, re.S)
    assert m, f"{marker} block missing in {DOC}"
    return m.group(1)


def test_example_document_is_current() -> None:
    d = json.loads(_block("beispiel:json", "json"))
    xml = _block("beispiel:xml", "xml")
    assert dict_to_xml(d, pretty=True).decode("utf-8") == xml
    assert xml_to_dict(xml.encode("utf-8")) == d
    assert xml_schema().validate(etree.fromstring(xml.encode("utf-8")))
    assert check_xml(xml.encode("utf-8")) == []
    assert 'ext:escaped="true"' in xml  # the example shows the escaping rule


def test_documented_types_match_the_generator() -> None:
    text = DOC.read_text(encoding="utf-8")
    for kind, xsd in {
        Kind.DATE: "xs:date",
        Kind.DATETIME: "xs:dateTime",
        Kind.INTEGER: "xs:integer",
        Kind.BOOLEAN: "xs:boolean",
        Kind.URL: "xs:anyURI",
    }.items():
        assert XSD_TYPES[kind] == xsd
        assert f"`{xsd}`" in text
    assert "urn:kommunalrecht:oparl:1.1" in text and "urn:kommunalrecht:oparl:1.1:ext" in text
