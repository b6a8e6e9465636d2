"""The floor: ``orjson.loads`` / ``orjson.dumps`` of the same documents as plain dicts.

No validation, no typed objects: the fastest possible bytes ⇄ Python round trip.
"""

from __future__ import annotations

from typing import Any

import orjson

NAME = "orjson"


def prepare_meeting(doc: dict[str, Any]) -> bytes:
    return orjson.dumps(doc)


prepare_paper = prepare_meeting
decode_meeting = orjson.loads
decode_paper = orjson.loads
encode_meeting = orjson.dumps
encode_paper = orjson.dumps
