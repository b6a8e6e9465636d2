"""Peers the benchmarks compare kommunalrecht with, each decoding/encoding the same documents.

Every peer module exposes the same functions:

* ``prepare_meeting(doc) -> bytes`` / ``prepare_paper(doc) -> bytes``: the input bytes for the
  peer (the workload document as compact JSON; the Bonn client needs its server's dialect);
* ``decode_meeting(b)`` / ``decode_paper(b)``: bytes → the peer's validated objects;
* ``encode_meeting(obj)`` / ``encode_paper(obj)``: the peer's objects → OParl JSON bytes.

Modules: :mod:`.floor` (orjson on plain dicts), :mod:`.msgspec_models`,
:mod:`.pydantic_models`, :mod:`.bonn` (``stadt-bonn-oparl-api-client``).
"""
