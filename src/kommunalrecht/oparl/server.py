"""An OParl 1.1 server as a WSGI application (OParl 1.1 §2.3, §2.5, §2.8, §2.9).

:func:`serve_app` serves an export directory written by :func:`~kommunalrecht.oparl.export.export`
(or a Bestand / source, exported on the fly into a temporary directory) and adds what a static
web server cannot:

* §2.5 filters on every external list: ``created_since``, ``created_until``,
  ``modified_since``, ``modified_until`` (full ``date-time`` values, inclusive bounds), carried
  over into every ``links`` URL; ``limit`` (elements per page, at most 1000);
  ``omit_internal=true`` (drops the internal lists ``agendaItem``, ``auxiliaryFile``,
  ``membership``, ``legislativeTerm``, ``Paper.location``);
* §2.8 deleted objects appear in lists only when ``modified_since`` is given;
* §2.9 JSON ``Error`` objects (``https://schema.oparl.org/1.1/Error``) with HTTP 400 (bad
  filter values), 404 (unknown URL), 405, 406;
* ``Access-Control-Allow-Origin: *`` and ``application/json; charset=utf-8``;
  ``?format=xml`` or ``Accept: application/xml`` gives the lossless XML form.

Requests must lie below the path of the export's ``base_url``. When the server is reached
under another origin (``http://localhost:8000`` for an export made for
``https://ris.example``), every URL in the output is rewritten to that origin
(``rewrite=True``), so that clients can follow the links.

Any WSGI server can run the app (gunicorn, uwsgi, waitress …); :func:`make_server` gives a
threaded :mod:`wsgiref` server for local use (``kommunalrecht serve``).

>>> import tempfile, pathlib, io, json
>>> from kommunalrecht.oparl.export import export
>>> from kommunalrecht import Bestand
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = export(Bestand(), d, base_url="https://ris.example/oparl")
>>> app = serve_app(d)
>>> env = {"REQUEST_METHOD": "GET", "PATH_INFO": "/oparl/body", "QUERY_STRING": "",
...        "wsgi.url_scheme": "https", "HTTP_HOST": "ris.example", "SERVER_NAME": "ris.example",
...        "SERVER_PORT": "443", "SCRIPT_NAME": ""}
>>> out = {}
>>> body = b"".join(app(env, lambda s, h: out.update(status=s, headers=dict(h))))
>>> out["status"], out["headers"]["Access-Control-Allow-Origin"], json.loads(body)["data"]
('200 OK', '*', [])
"""

from __future__ import annotations

import collections
import datetime as _dt
import json
import os
import socketserver
import tempfile
import threading
import urllib.parse
import wsgiref.simple_server
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ._spec import SPEC, parse_type_uri
from .export import INTERNAL_DIR, MANIFEST, export, file_for_url, page_url

__all__ = ["OParlApp", "make_server", "serve_app"]

ERROR_TYPE = "https://schema.oparl.org/1.1/Error"
MAX_LIMIT = 1000
FILTERS = ("created_since", "created_until", "modified_since", "modified_until")
_PARAMS = frozenset((*FILTERS, "limit", "omit_internal", "format"))

_OMIT: dict[str, tuple[str, ...]] = {
    name: tuple(p.name for p in ts.props if p.omit_internal) for name, ts in SPEC.items()
}

_JSON = "application/json; charset=utf-8"
StartResponse = Callable[[str, list[tuple[str, str]]], Any]

_STATUS = {
    200: "200 OK",
    204: "204 No Content",
    301: "301 Moved Permanently",
    400: "400 Bad Request",
    404: "404 Not Found",
    405: "405 Method Not Allowed",
    406: "406 Not Acceptable",
    500: "500 Internal Server Error",
}


class _HTTPError(Exception):
    def __init__(self, status: int, message: str, debug: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.debug = debug


def _parse_datetime(name: str, value: str) -> _dt.datetime:
    try:
        ts = _dt.datetime.fromisoformat(value)
    except ValueError:
        ts = None
    if ts is None or ts.tzinfo is None or "T" not in value:
        raise _HTTPError(
            400,
            f"Ungültiger Filterwert für {name}: erwartet wird ein Zeitpunkt mit Zeitzone "
            "(yyyy-mm-ddThh:mm:ss±hh:mm).",
            f"{name}={value!r}",
        )
    return ts


def _item_time(item: dict[str, Any], key: str) -> _dt.datetime | None:
    v = item.get(key)
    if not isinstance(v, str):
        return None
    try:
        ts = _dt.datetime.fromisoformat(v)
    except ValueError:
        return None
    return ts if ts.tzinfo is not None else None


class _Filter:
    """The list filters of one request (§2.5)."""

    def __init__(self, params: dict[str, str]) -> None:
        self.bounds: list[tuple[str, bool, _dt.datetime]] = []
        for name in FILTERS:
            if name in params:
                field, _, kind = name.partition("_")
                self.bounds.append((field, kind == "since", _parse_datetime(name, params[name])))
        self.with_deleted = "modified_since" in params
        self.key = tuple((n, params[n]) for n in FILTERS if n in params)

    def __bool__(self) -> bool:
        return bool(self.bounds)

    def match(self, item: dict[str, Any]) -> bool:
        for field, since, bound in self.bounds:
            ts = _item_time(item, field)
            if ts is None or (ts < bound if since else ts > bound):
                return False
        return True


class OParlApp:
    """The WSGI application serving one export directory (see :func:`serve_app`).

    >>> import tempfile, pathlib
    >>> from kommunalrecht import Bestand
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = export(Bestand(), d, base_url="https://ris.example/oparl")
    >>> sorted(OParlApp(d).lists), OParlApp(d).system_url
    (['body'], 'https://ris.example/oparl/system')
    """

    def __init__(self, directory: Path, *, rewrite: bool = True, keep: Any = None) -> None:
        self.directory = Path(directory)
        manifest_path = self.directory / INTERNAL_DIR / MANIFEST
        try:
            self.manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ConfigError(
                "directory",
                "an export directory (with .kommunalrecht/manifest.json)",
                str(directory),
            ) from exc
        self.base: str = self.manifest["base_url"]
        self.base_path = urllib.parse.urlsplit(self.base).path.rstrip("/")
        self.page_size: int = self.manifest["page_size"]
        self.lists: dict[str, dict[str, Any]] = self.manifest["lists"]
        self.rewrite = rewrite
        self._keep = keep  # a TemporaryDirectory to keep alive with the app
        self._cursor: collections.OrderedDict[tuple[Any, ...], tuple[int, int]] = (
            collections.OrderedDict()
        )
        self._lock = threading.Lock()
        self.system_url: str = self.manifest.get("system") or f"{self.base}/body"

    # -- WSGI ------------------------------------------------------------------------
    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        """Handle one WSGI request (PEP 3333)."""
        public = self._public_base(environ)
        method = environ.get("REQUEST_METHOD", "GET")
        try:
            if method == "OPTIONS":
                return self._respond(start_response, 204, b"", "text/plain", method, public)
            if method not in ("GET", "HEAD"):
                raise _HTTPError(405, f"Methode {method} wird nicht unterstützt (nur GET, HEAD).")
            status, body, ctype, extra = self._handle(environ, public)
            return self._respond(start_response, status, body, ctype, method, public, extra)
        except _HTTPError as err:
            doc = {"type": ERROR_TYPE, "message": err.message}
            if err.debug:
                doc["debug"] = err.debug
            body = json.dumps(doc, ensure_ascii=False).encode("utf-8")
            return self._respond(
                start_response, err.status, body, "application/json; charset=utf-8", method, public
            )

    def _respond(
        self,
        start_response: StartResponse,
        status: int,
        body: bytes,
        ctype: str,
        method: str,
        public: str,
        extra: list[tuple[str, str]] | None = None,
    ) -> list[bytes]:
        if self.rewrite and public != self.base and body:
            body = body.replace(self.base.encode("utf-8"), public.encode("utf-8"))
        headers = [
            ("Content-Type", ctype),
            ("Content-Length", str(len(body))),
            ("Access-Control-Allow-Origin", "*"),
        ]
        if status == 204:
            headers = [
                ("Access-Control-Allow-Origin", "*"),
                ("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS"),
                ("Access-Control-Allow-Headers", "*"),
            ]
        headers.extend(extra or ())
        start_response(_STATUS.get(status, f"{status} Error"), headers)
        return [] if method == "HEAD" or status == 204 else [body]

    def _public_base(self, environ: dict[str, Any]) -> str:
        scheme = environ.get("wsgi.url_scheme", "http")
        host = environ.get("HTTP_HOST")
        if not host:
            host = environ.get("SERVER_NAME", "localhost")
            port = environ.get("SERVER_PORT", "")
            if port and port != ("443" if scheme == "https" else "80"):
                host = f"{host}:{port}"
        return f"{scheme}://{host}{self.base_path}"

    # -- routing ---------------------------------------------------------------------
    def _handle(
        self, environ: dict[str, Any], public: str
    ) -> tuple[int, bytes, str, list[tuple[str, str]]]:
        raw_path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
        try:
            path = raw_path.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            path = raw_path
        query = environ.get("QUERY_STRING", "")
        params = {k: v[-1] for k, v in urllib.parse.parse_qs(query, keep_blank_values=True).items()}
        fmt = params.get("format")
        if fmt not in (None, "json", "xml"):
            raise _HTTPError(400, "format muss json oder xml sein.", f"format={fmt!r}")
        want_xml = fmt == "xml" or (fmt is None and _accepts_xml(environ.get("HTTP_ACCEPT", "")))
        if path.rstrip("/") in (self.base_path, "") and not (
            path == self.base_path + "/" and (self.directory / "index.json").is_file()
        ):
            target = (
                self.system_url.replace(self.base, public, 1) if self.rewrite else self.system_url
            )
            return 301, b"", "text/plain", [("Location", target)]
        prefix = self.base_path + "/"
        if not path.startswith(prefix):
            raise _HTTPError(404, "Unbekannte URL.", path)
        rel = path[len(prefix) :]
        if rel == "":
            return 200, (self.directory / "index.json").read_bytes(), _JSON, []
        doc = self._list_or_object(rel, query, params)
        if want_xml:
            return 200, self._to_xml(doc), "application/xml; charset=utf-8", []
        return 200, doc, _JSON, []

    def _list_or_object(self, rel: str, query: str, params: dict[str, str]) -> bytes:
        lst = self.lists.get(rel)
        page = 1
        if lst is None and "/" in rel:
            head, _, last = rel.rpartition("/")
            if last.startswith("page-") and last[5:].isdigit() and head in self.lists:
                lst, page, rel = self.lists[head], int(last[5:]), head
        if lst is not None:
            return self._list(rel, lst, page, params)
        return self._object(rel, query, params)

    def _object(self, rel: str, query: str, params: dict[str, str]) -> bytes:
        candidates = []
        own = "&".join(p for p in query.split("&") if p and p.split("=", 1)[0] not in _PARAMS)
        if own:
            candidates.append(f"{self.base}/{urllib.parse.quote(rel)}?{own}")
        candidates.append(f"{self.base}/{urllib.parse.quote(rel)}")
        for url in candidates:
            frel = file_for_url(url, self.base)
            if frel is None:
                continue
            target = self.directory / frel
            if target.is_file():
                return target.read_bytes()
        raise _HTTPError(404, "Kein Objekt unter dieser URL.", rel)

    # -- lists -----------------------------------------------------------------------
    def _page_file(self, rel: str, page: int) -> Path:
        return self.directory / (f"{rel}.json" if page == 1 else f"{rel}/page-{page}.json")

    def _stored_items(
        self, rel: str, lst: dict[str, Any], start_page: int = 1
    ) -> Iterator[tuple[tuple[int, int], dict[str, Any]]]:
        for page in range(start_page, lst["pages"] + 1):
            data = json.loads(self._page_file(rel, page).read_bytes())["data"]
            for i, item in enumerate(data):
                yield (page, i), item

    def _deleted_items(
        self, lst: dict[str, Any]
    ) -> Iterator[tuple[tuple[int, int], dict[str, Any]]]:
        if not lst.get("deleted"):
            return
        with open(self.directory / lst["deleted"], encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if line.strip():
                    yield (lst["pages"] + 1, i), json.loads(line)

    def _items_from(
        self, rel: str, lst: dict[str, Any], pos: tuple[int, int], with_deleted: bool
    ) -> Iterator[tuple[tuple[int, int], dict[str, Any]]]:
        page, _index = pos
        if page <= lst["pages"]:
            for p, item in self._stored_items(rel, lst, page):
                if p >= pos:
                    yield p, item
        if with_deleted:
            for p, item in self._deleted_items(lst):
                if p >= pos:
                    yield p, item

    def _list(self, rel: str, lst: dict[str, Any], page: int, params: dict[str, str]) -> bytes:
        flt = _Filter(params)
        limit = self.page_size
        if "limit" in params:
            raw = params["limit"]
            if not raw.isdigit() or int(raw) < 1:
                raise _HTTPError(400, "limit muss eine positive ganze Zahl sein.", f"limit={raw!r}")
            limit = min(int(raw), MAX_LIMIT)
        omit = params.get("omit_internal", "").lower() == "true"
        if params.get("omit_internal", "true").lower() not in ("true", "false"):
            raise _HTTPError(400, "omit_internal muss true oder false sein.")
        total = lst["total"]
        if not flt and limit == self.page_size and not omit:
            if page > lst["pages"]:
                raise _HTTPError(404, "Diese Listenseite gibt es nicht.", f"page {page}")
            return self._page_file(rel, page).read_bytes()
        carry = [(k, params[k]) for k in (*FILTERS, "limit", "omit_internal") if k in params]
        url = lst["url"]
        items: list[dict[str, Any]] = []
        pagination: dict[str, int] = {"elementsPerPage": limit, "currentPage": page}
        has_next = False
        if not flt:
            pages = max(1, -(-total // limit))
            if page > pages:
                raise _HTTPError(404, "Diese Listenseite gibt es nicht.", f"page {page}")
            start = (page - 1) * limit
            pos = (start // self.page_size + 1, start % self.page_size)
            for _, item in self._items_from(rel, lst, pos, False):
                if len(items) == limit:
                    break
                items.append(item)
            has_next = page < pages
            pagination = {
                "totalElements": total,
                "elementsPerPage": limit,
                "currentPage": page,
                "totalPages": pages,
            }
        else:
            key = (rel, flt.key, limit)
            with self._lock:
                start_pos = self._cursor.get((*key, page))
            skip = 0
            if start_pos is None:
                start_pos, skip = (1, 0), (page - 1) * limit
            next_pos: tuple[int, int] | None = None
            for pos, item in self._items_from(rel, lst, start_pos, flt.with_deleted):
                if not flt.match(item):
                    continue
                if skip:
                    skip -= 1
                    continue
                if len(items) == limit:
                    has_next, next_pos = True, pos
                    break
                items.append(item)
            if page > 1 and not items:
                raise _HTTPError(404, "Diese Listenseite gibt es nicht.", f"page {page}")
            if next_pos is not None:
                with self._lock:
                    self._cursor[(*key, page + 1)] = next_pos
                    while len(self._cursor) > 4096:
                        self._cursor.popitem(last=False)
        if omit:
            for item in items:
                parsed = parse_type_uri(item.get("type"))
                for prop in _OMIT.get(parsed[0] if parsed else "", ()):
                    item.pop(prop, None)
        qs = ("?" + urllib.parse.urlencode(carry)) if carry else ""
        links = {"first": page_url(url, 1) + qs}
        if page > 1:
            links["prev"] = page_url(url, page - 1) + qs
        links["self"] = page_url(url, page) + qs
        if has_next:
            links["next"] = page_url(url, page + 1) + qs
        if "totalPages" in pagination:
            links["last"] = page_url(url, pagination["totalPages"]) + qs
        doc = {"data": items, "pagination": pagination, "links": links}
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def _to_xml(self, body: bytes) -> bytes:
        try:
            from .xml import dumps_xml  # type: ignore[import-not-found, unused-ignore]
        except ImportError as exc:
            raise _HTTPError(
                406, "Die XML-Form ist in dieser Installation nicht verfügbar."
            ) from exc
        result: bytes = dumps_xml(json.loads(body))
        return result


def _accepts_xml(accept: str) -> bool:
    best_json = best_xml = -1.0
    for part in accept.split(","):
        media, _, rest = part.strip().partition(";")
        q = 1.0
        for param in rest.split(";"):
            k, _, v = param.strip().partition("=")
            if k == "q":
                try:
                    q = float(v)
                except ValueError:
                    q = 0.0
        media = media.strip().lower()
        if media in ("application/xml", "text/xml"):
            best_xml = max(best_xml, q)
        elif media in ("application/json", "*/*", "application/*"):
            best_json = max(best_json, q)
    return best_xml > 0 and best_xml > best_json


def serve_app(
    source: Any,
    *,
    base_url: str | None = None,
    page_size: int = 100,
    rewrite: bool = True,
) -> OParlApp:
    """A WSGI app serving ``source`` as an OParl 1.1 API.

    ``source`` is an export directory (from :func:`~kommunalrecht.oparl.export.export` or
    ``kommunalrecht harvest``) or a Bestand / :class:`~kommunalrecht.oparl.export.Quelle`,
    which is exported into a temporary directory first (``base_url`` then defaults to the
    part of the System's id before ``/system``, else ``http://localhost:8000/oparl``).
    ``rewrite`` replaces the export's base URL by the origin a request came in on.

    >>> from kommunalrecht import Bestand
    >>> app = serve_app(Bestand(), base_url="https://ris.example/oparl")
    >>> app.base, app.system_url
    ('https://ris.example/oparl', 'https://ris.example/oparl/system')
    """
    if isinstance(source, str | os.PathLike):
        return OParlApp(Path(source), rewrite=rewrite)
    if base_url is None:
        base_url = "http://localhost:8000/oparl"
        tops = getattr(source, "objekte", None)
        for obj in tops if isinstance(tops, tuple) else ():
            oid = getattr(obj, "id", "")
            if type(obj).__name__ == "System" and oid.endswith("/system"):
                base_url = oid[: -len("/system")]
                break
    tmp = tempfile.TemporaryDirectory(prefix="kommunalrecht-serve-")
    export(source, Path(tmp.name) / "oparl", base_url=base_url, page_size=page_size)
    return OParlApp(Path(tmp.name) / "oparl", rewrite=rewrite, keep=tmp)


class _QuietHandler(wsgiref.simple_server.WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _ThreadingServer(socketserver.ThreadingMixIn, wsgiref.simple_server.WSGIServer):
    daemon_threads = True


def make_server(
    app: Callable[..., Iterable[bytes]],
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    quiet: bool = False,
) -> wsgiref.simple_server.WSGIServer:
    """A threaded :mod:`wsgiref` server for ``app`` (``port=0``: an ephemeral port).

    >>> from kommunalrecht import Bestand
    >>> srv = make_server(serve_app(Bestand(), base_url="http://127.0.0.1/oparl"), port=0)
    >>> srv.server_port > 0
    True
    >>> srv.server_close()
    """
    handler = _QuietHandler if quiet else wsgiref.simple_server.WSGIRequestHandler
    return wsgiref.simple_server.make_server(
        host, port, app, server_class=_ThreadingServer, handler_class=handler
    )
