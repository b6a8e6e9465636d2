"""Helpers for the export/serve/harvest tests: schema validation of OParl documents, WSGI calls,
and a local HTTP server in a thread."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from kommunalrecht.errors import Severity
from kommunalrecht.oparl import _schemagen
from kommunalrecht.oparl._spec import parse_type_uri
from kommunalrecht.oparl.check import check
from kommunalrecht.oparl.server import make_server

SCHEMA_DIR = Path(_schemagen.__file__).with_name("schema")
_SCHEMAS = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMA_DIR.glob("*.json")}
_REGISTRY: Registry[Any] = Registry().with_resources(
    (s["$id"], Resource.from_contents(s)) for s in _SCHEMAS.values()
)
_VALIDATORS = {
    name: Draft202012Validator(s, registry=_REGISTRY, format_checker=FormatChecker())
    for name, s in _SCHEMAS.items()
}


def problems(doc: Any) -> list[str]:
    """Strict check errors and JSON Schema errors of one served document (object or page)."""
    out = [str(f) for f in check(doc) if f.severity is Severity.ERROR]
    objs = doc["data"] if isinstance(doc, dict) and "data" in doc and "type" not in doc else [doc]
    for obj in objs:
        parsed = parse_type_uri(obj.get("type"))
        assert parsed is not None, obj
        if parsed[0] == "Error":
            continue
        out.extend(e.message for e in _VALIDATORS[parsed[0]].iter_errors(obj))
    return out


def wsgi_get(
    app: Callable[..., Any],
    path: str,
    query: str = "",
    *,
    method: str = "GET",
    host: str = "127.0.0.1:9999",
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], bytes]:
    """Call a WSGI app directly; return (status, headers, body)."""
    env = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path.encode("utf-8").decode("latin-1"),
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "9999",
        "HTTP_HOST": host,
        "wsgi.url_scheme": "http",
    }
    for k, v in (headers or {}).items():
        env["HTTP_" + k.upper().replace("-", "_")] = v
    got: dict[str, Any] = {}

    def start_response(status: str, hdrs: list[tuple[str, str]]) -> None:
        got["status"] = int(status.split()[0])
        got["headers"] = dict(hdrs)

    body = b"".join(app(env, start_response))
    return got["status"], got["headers"], body


@contextlib.contextmanager
def running(app: Callable[..., Any] | None = None) -> Iterator[tuple[str, list[Any]]]:
    """A threaded wsgiref server on an ephemeral port; yields (origin, [app]) — the app can be
    swapped by assigning to the list's first element."""
    holder: list[Any] = [app]
    srv = make_server(lambda e, s: holder[0](e, s), port=0, quiet=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_port}", holder
    finally:
        srv.shutdown()
        srv.server_close()
