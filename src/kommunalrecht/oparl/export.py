"""Static OParl 1.1 API tree: every document of an OParl API as a file (OParl 1.1 §2.3, §2.5, §2.8).

:func:`export` writes a complete, static OParl 1.1 API — System, Body list, Body, every
external list (§2.5: ``data``/``pagination``/``links``), every object at its own URL (embedded
types too, §2.3: "jedes Objekt … über seine URL abrufbar", carrying the back-references of §3)
and tombstones of deleted objects (§2.8) — into a directory that any static web server can
serve. It streams: objects are taken from a *source* type by type and written as they come;
list pages are assembled from small spool files afterwards, so memory is bounded by the page
size and the number of lists, not by the number of objects (DESIGN.md, "Scale").

URL ⇄ file mapping (``B`` is ``base_url``, ``D`` the directory):

==========================================  ==============================================
URL                                         file
==========================================  ==============================================
``B/<path>`` (an object id)                 ``D/<path>.json``
``B/<path>?<query>`` (id with a query)      ``D/<path>/@<query>.json``
``B/body`` (the System's Body list)         ``D/body.json``
``B/<owner path>/<list>`` (first page)      ``D/<owner path>/<list>.json``
``B/<owner path>/<list>/page-N`` (N ≥ 2)    ``D/<owner path>/<list>/page-N.json``
==========================================  ==============================================

External lists hang below their owner (``B/body/1/meeting`` for the Body ``B/body/1``);
owners whose id is not a plain path below ``B`` get ``B/_/<hash>/…``. Objects whose id does
not lie below ``B`` cannot be served at their id; they still appear in the lists and are
reported (``EXPORT_ID_FREMD``). Internal bookkeeping lives in ``D/.kommunalrecht/`` (the
manifest read by :func:`~kommunalrecht.oparl.server.serve_app`, tombstones per list for
``modified_since``); deny dot-paths in the web server. nginx::

    location /oparl/ {
        root /srv/oparl-export-parent;      # D is /srv/oparl-export-parent/oparl
        default_type application/json;
        add_header Access-Control-Allow-Origin *;
        try_files "$uri/@$args.json" $uri.json =404;
    }
    location ~ /\\. { deny all; }

A static tree cannot evaluate the filters of §2.5 (``modified_since`` …); use
``kommunalrecht serve`` (:func:`~kommunalrecht.oparl.server.serve_app`) for that.

>>> import tempfile, json, pathlib
>>> ts = "2021-11-16T17:00:00+01:00"
>>> class Quelle:
...     def objekte(self, typ):
...         if typ == "Body":
...             yield {"id": "https://ris.example/oparl/body/1", "type":
...                    "https://schema.oparl.org/1.1/Body", "name": "Kreis",
...                    "legislativeTerm": [], "created": ts, "modified": ts}
>>> d = pathlib.Path(tempfile.mkdtemp()) / "oparl"
>>> export(Quelle(), d, base_url="https://ris.example/oparl")
[]
>>> json.loads((d / "body.json").read_text())["data"][0]["meeting"]
'https://ris.example/oparl/body/1/meeting'
>>> json.loads((d / "body" / "1" / "meeting.json").read_text())["pagination"]["totalElements"]
0
"""

from __future__ import annotations

import collections
import datetime as _dt
import hashlib
import json
import os
import shutil
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Protocol, runtime_checkable

from ..errors import ConfigError, Finding, Severity
from ._spec import EMBEDDINGS, OPARL_VERSION_URI, SPEC, Kind, parse_type_uri, type_uri

__all__ = [
    "INTERNAL_DIR",
    "BestandQuelle",
    "Quelle",
    "export",
    "file_for_url",
    "list_url",
    "page_url",
]

INTERNAL_DIR = ".kommunalrecht"
"""Name of the directory (inside an export) with the manifest and the tombstone lists."""

MANIFEST = "manifest.json"
_S = "OParl 1.1"

TOP_TYPES: tuple[str, ...] = ("System", "Body", "Organization", "Person", "Meeting", "Paper")
"""OParl types that are never embedded (the roots of the object graph)."""

EMBEDDED_TYPES: tuple[str, ...] = (
    "LegislativeTerm",
    "Membership",
    "AgendaItem",
    "Consultation",
    "File",
    "Location",
)
"""OParl types that are normally embedded in a parent (§3)."""

BODY_LISTS: tuple[tuple[str, str], ...] = tuple(
    (p.name, p.target or "") for p in SPEC["Body"].props if p.kind is Kind.EXTERNAL_LIST
)
"""``(property, item type)`` of the ten external lists of a Body, in spec order."""

ORGANIZATION_LISTS: tuple[tuple[str, str], ...] = tuple(
    (p.name, p.target or "") for p in SPEC["Organization"].props if p.kind is Kind.EXTERNAL_LIST
)
"""``(property, item type)`` of the external lists of an Organization."""

_EMBEDDINGS_OF: dict[str, list[tuple[str, str, bool]]] = collections.defaultdict(list)
for _e in EMBEDDINGS:
    _EMBEDDINGS_OF[_e.parent].append((_e.prop, _e.child, _e.many))

_BACKREFS: dict[tuple[str, str], list[tuple[str, bool]]] = collections.defaultdict(list)
for _ts in SPEC.values():
    for _p in _ts.props:
        if _p.backref_of:
            _BACKREFS[(_ts.name, _p.backref_of)].append((_p.name, _p.kind is Kind.URL_LIST))

_MODEL_TYPES = {
    "System": "System",
    "Koerperschaft": "Body",
    "Wahlperiode": "LegislativeTerm",
    "Gremium": "Organization",
    "Person": "Person",
    "Mitgliedschaft": "Membership",
    "Sitzung": "Meeting",
    "Tagesordnungspunkt": "AgendaItem",
    "Drucksache": "Paper",
    "Beratung": "Consultation",
    "Datei": "File",
    "Ort": "Location",
}


def oparl_type_of(obj: object) -> str | None:
    """The OParl type name of a model object or an OParl dict (``None`` if unknown).

    >>> from kommunalrecht import Antrag
    >>> oparl_type_of(Antrag(id="https://x.example/p/1"))
    'Paper'
    >>> oparl_type_of({"type": "https://schema.oparl.org/1.1/Meeting"})
    'Meeting'
    """
    if isinstance(obj, Mapping):
        parsed = parse_type_uri(obj.get("type"))
        return parsed[0] if parsed else None
    for cls in type(obj).__mro__:
        t = _MODEL_TYPES.get(cls.__name__)
        if t is not None:
            return t
    return None


@runtime_checkable
class Quelle(Protocol):
    """A source of OParl objects: yields the objects of one OParl type on demand.

    ``typ`` is an OParl type name (``"Meeting"``); the objects are model objects
    (:class:`~kommunalrecht.Sitzung` …) or OParl 1.1 dicts. Objects of embedded types
    (AgendaItem, File …) are asked for separately only for those that stand alone; embedded
    ones come with their parent. A database source runs one query per type; memory stays
    bounded by what the iterator holds.

    >>> class Leer:
    ...     def objekte(self, typ):
    ...         return []
    >>> isinstance(Leer(), Quelle)
    True
    """

    def objekte(self, typ: str) -> Iterable[Any]:
        """The top-level objects of OParl type ``typ``."""
        ...


class BestandQuelle:
    """A :class:`Quelle` over a :class:`~kommunalrecht.Bestand` (its top-level objects).

    >>> from kommunalrecht import Bestand, Gremium
    >>> q = BestandQuelle(Bestand([Gremium(id="https://x.example/o/1")]))
    >>> [o.id for o in q.objekte("Organization")], list(q.objekte("Meeting"))
    (['https://x.example/o/1'], [])
    """

    def __init__(self, bestand: Any) -> None:
        self.bestand = bestand

    def objekte(self, typ: str) -> Iterator[Any]:
        """The top-level objects of the Bestand whose OParl type is ``typ``."""
        for obj in self.bestand.objekte:
            if oparl_type_of(obj) == typ:
                yield obj


# ---------------------------------------------------------------------------------------
# URL layout


def _clean_base(base_url: str) -> str:
    if not isinstance(base_url, str) or not base_url.startswith(("http://", "https://")):
        raise ConfigError("base_url", "an absolute http(s) URL", base_url)
    base = base_url.rstrip("/")
    if "?" in base or "#" in base or base.count("/") < 2 or base.endswith(":/"):
        raise ConfigError("base_url", "an http(s) URL without query or fragment", base_url)
    return base


def _hash(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def file_for_url(url: str, base_url: str) -> str | None:
    """The file (POSIX path relative to the export directory) for ``url``, or ``None``.

    ``None`` means the URL does not lie below ``base_url`` or has a path a static server
    cannot map (empty, ``.``/``..`` or dot-file segments, a fragment).

    >>> file_for_url("https://ris.example/oparl/body/1", "https://ris.example/oparl")
    'body/1.json'
    >>> file_for_url("https://ris.example/oparl/bodies?id=1", "https://ris.example/oparl")
    'bodies/@id=1.json'
    >>> file_for_url("https://ris.example/oparl/", "https://ris.example/oparl")
    'index.json'
    >>> file_for_url("https://other.example/x", "https://ris.example/oparl") is None
    True
    """
    base = base_url.rstrip("/")
    if not url.startswith(base + "/") or "#" in url:
        return None
    rest = url[len(base) + 1 :]
    if rest == "":
        return "index.json"
    path, sep, query = rest.partition("?")
    path = urllib.parse.unquote(path)
    parts = path.split("/")
    if any(not p or p.startswith(".") or p.startswith("@") for p in parts):
        return None
    if "\\" in path or "\x00" in path:
        return None
    if sep:
        if not query:
            return None
        return f"{path}/@{query.replace('/', '%2F')}.json"
    return f"{path}.json"


def _list_base(owner_id: str, base: str) -> str:
    rel = file_for_url(owner_id, base)
    if rel is None or "/@" in rel:
        return f"{base}/_/{_hash(owner_id)[:16]}"
    return f"{base}/{urllib.parse.quote(rel[: -len('.json')])}"


def _drop_ohne_marker(child: dict[str, Any], ctyp: str, bprop: str) -> None:
    """The standalone copy now carries the back-reference ``bprop``: drop the codec's
    ``kommunalrecht:ohne`` marker saying the embedded object had none (it would contradict)."""
    ohne = child.get("kommunalrecht:ohne")
    if not isinstance(ohne, list):
        return
    from ._mapping import MAPPING

    attrs_for_prop = {
        f.attr
        for cm in MAPPING.values()
        if cm.oparl_type == ctyp
        for f in cm.fields
        if f.key == bprop
    }
    rest = [x for x in ohne if x not in attrs_for_prop]
    if rest:
        child["kommunalrecht:ohne"] = rest
    else:
        del child["kommunalrecht:ohne"]


def list_url(base_url: str, owner_id: str | None, prop: str) -> str:
    """URL of the external list ``prop`` of the object ``owner_id`` in an export at ``base_url``.

    ``owner_id=None`` names the System's Body list (``prop`` is then ignored).

    >>> list_url("https://ris.example/oparl", "https://ris.example/oparl/body/1", "meeting")
    'https://ris.example/oparl/body/1/meeting'
    >>> list_url("https://ris.example/oparl", None, "body")
    'https://ris.example/oparl/body'
    """
    base = base_url.rstrip("/")
    if owner_id is None:
        return f"{base}/body"
    return f"{_list_base(owner_id, base)}/{prop}"


def page_url(list_url_: str, page: int) -> str:
    """URL of page ``page`` (1-based) of an exported list.

    >>> page_url("https://ris.example/oparl/body", 1), page_url("https://ris.example/oparl/body", 3)
    ('https://ris.example/oparl/body', 'https://ris.example/oparl/body/page-3')
    """
    return list_url_ if page <= 1 else f"{list_url_}/page-{page}"


# ---------------------------------------------------------------------------------------
# the writer


_orjson: Any
try:  # optional speed-up; the output is the same compact JSON
    import orjson as _orjson
except ImportError:  # pragma: no cover - orjson is not a dependency
    _orjson = None


def _dumps(d: Any) -> bytes:
    if _orjson is not None:
        result: bytes = _orjson.dumps(d)
        return result
    return json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class _Spool:
    """One external list being collected: object file paths in a spool file."""

    __slots__ = ("deleted", "n", "n_deleted", "rel", "spool", "typ", "url")

    def __init__(self, url: str, rel: str, typ: str, spool: str) -> None:
        self.url = url
        self.rel = rel  # file of the first page, without ".json"
        self.typ = typ
        self.spool = spool
        self.n = 0
        self.n_deleted = 0
        self.deleted: str | None = None


class _Handles:
    """A small LRU of append-mode file handles (many lists, few open files)."""

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self.open: collections.OrderedDict[str, IO[bytes]] = collections.OrderedDict()

    def write(self, path: str, data: bytes) -> None:
        fh = self.open.pop(path, None)
        if fh is None:
            if len(self.open) >= self.size:
                _, old = self.open.popitem(last=False)
                old.close()
            fh = open(path, "ab")  # noqa: SIM115 - kept open across calls, closed in close()
        self.open[path] = fh
        fh.write(data)

    def close(self) -> None:
        for fh in self.open.values():
            fh.close()
        self.open.clear()


def _finding(
    code: str, message: str, oid: str | None = None, severity: Severity = Severity.WARNING
) -> Finding:
    return Finding(
        code=code,
        severity=severity,
        message=message,
        object_id=oid,
        rechtsgrundlage=f"{_S} §2.3, §2.5",
    )


class _Exporter:
    def __init__(
        self,
        directory: Path,
        base: str,
        page_size: int,
        to_dict: Callable[[Any], dict[str, Any]],
        check: bool,
    ) -> None:
        self.dir = directory
        self.base = base
        self.page_size = page_size
        self.to_dict = to_dict
        self.check = check
        self.findings: list[Finding] = []
        self.internal = directory / INTERNAL_DIR
        self.tmp = self.internal / "tmp"
        self.lists: dict[str, _Spool] = {}  # list url -> spool
        self.list_files: set[str] = set()  # first-page rel paths (collision guard)
        self.handles = _Handles()
        self.bodies: list[str] = []
        self.body_of_org: dict[str, str] = {}
        self.foreign = 0
        self.foreign_example: str | None = None
        self.system_seen = False
        self.counts: collections.Counter[str] = collections.Counter()
        self.system_id: str | None = None
        self.made_dirs: set[Path] = set()
        self.merged: set[str] = set()
        self.body_list = list_url(base, None, "body")

    # -- lists -----------------------------------------------------------------------
    def register_list(self, url: str, typ: str) -> _Spool:
        spool = self.lists.get(url)
        if spool is None:
            rel = file_for_url(url, self.base)
            assert rel is not None, url
            spool = _Spool(url, rel[: -len(".json")], typ, str(self.tmp / f"{len(self.lists)}.lst"))
            self.lists[url] = spool
            self.list_files.add(rel)
        return spool

    def add_to_list(self, url: str | None, rel: str, data: bytes, deleted: bool) -> None:
        if url is None:
            return
        spool = self.lists.get(url)
        if spool is None:
            return
        line = rel.encode("utf-8") + b"\t" + data + b"\n"
        if deleted:
            spool.n_deleted += 1
            self.handles.write(spool.spool + ".del", line)
        else:
            spool.n += 1
            self.handles.write(spool.spool, line)

    # -- objects ---------------------------------------------------------------------
    def object_file(self, oid: str) -> str:
        rel = file_for_url(oid, self.base)
        if rel is None or rel in self.list_files or _is_page_file(rel):
            self.foreign += 1
            if self.foreign_example is None:
                self.foreign_example = oid
            h = _hash(oid)
            return f"{INTERNAL_DIR}/objects/{h[:2]}/{h}.json"
        return rel

    def write_object(self, d: dict[str, Any], typ: str) -> tuple[str, bytes] | None:
        """Write the standalone document; return its file and bytes, or ``None`` if written
        before (then back-references are merged into the existing file)."""
        oid = d["id"]
        rel = self.object_file(oid)
        path = self.dir / rel
        parent = path.parent
        if parent not in self.made_dirs:
            parent.mkdir(parents=True, exist_ok=True)
            self.made_dirs.add(parent)
        data = _dumps(d)
        try:
            with open(path, "xb") as fh:
                fh.write(data)
        except FileExistsError:
            old = json.loads(path.read_bytes())
            merged = False
            for prop, is_list in _all_backrefs(typ):
                if is_list and prop in d:
                    cur = old.setdefault(prop, [])
                    for ref in d[prop]:
                        if ref not in cur:
                            cur.append(ref)
                            merged = True
            if merged:
                path.write_bytes(_dumps(old))
                self.merged.add(rel)
            return None
        self.counts[typ] += 1
        if self.check:
            self._check(d, oid)
        return rel, data

    def _check(self, doc: Any, oid: str | None) -> None:
        from .check import check

        for f in check(doc):
            if f.severity is Severity.ERROR:
                self.findings.append(
                    Finding(
                        code=f.code,
                        severity=f.severity,
                        message=f.message,
                        path=f.path,
                        object_id=f.object_id or oid,
                        rechtsgrundlage=f.rechtsgrundlage,
                    )
                )

    def as_dict(self, obj: Any, typ_hint: str) -> tuple[dict[str, Any], str] | None:
        d = dict(obj) if isinstance(obj, Mapping) else self.to_dict(obj)
        oid = d.get("id")
        typ = oparl_type_of(d) or typ_hint
        if not isinstance(oid, str) or not oid:
            self.findings.append(
                _finding("EXPORT_OHNE_ID", f"{typ}-Objekt ohne id übersprungen.", None)
            )
            return None
        if "type" not in d:
            d["type"] = type_uri(typ)
        return d, typ

    def body_for(self, d: Mapping[str, Any], typ: str) -> str | None:
        if typ == "Body":
            return str(d["id"])
        ref = d.get("body")
        if isinstance(ref, str) and ref in self.bodies:
            return ref
        if typ == "Meeting":
            for org in d.get("organization") or ():
                b = self.body_of_org.get(org)
                if b is not None:
                    return b
        return self.bodies[0] if self.bodies else None

    def lists_for(self, d: Mapping[str, Any], typ: str, body: str | None) -> list[str]:
        """The list urls an object of type ``typ`` belongs to."""
        urls: list[str] = []
        if typ == "Body":
            urls.append(self.body_list)
        elif body is not None:
            for prop, item in BODY_LISTS:
                if item == typ:
                    urls.append(list_url(self.base, body, prop))
        if typ in ("Meeting", "Consultation"):
            prop = "meeting" if typ == "Meeting" else "consultation"
            for org in d.get("organization") or ():
                if isinstance(org, str) and org in self.body_of_org:
                    urls.append(list_url(self.base, org, prop))
        return urls

    def emit(self, d: dict[str, Any], typ: str, body: str | None) -> None:
        """Write one standalone object (with its embedded children) and list it."""
        deleted = d.get("deleted") is True
        if typ == "System":
            d["body"] = self.body_list
            self.system_id = d["id"]
        elif typ == "Body":
            for prop, item in BODY_LISTS:
                url = list_url(self.base, d["id"], prop)
                d[prop] = url
                self.register_list(url, item)
        elif typ == "Organization":
            for prop, item in ORGANIZATION_LISTS:
                url = list_url(self.base, d["id"], prop)
                d[prop] = url
                self.register_list(url, item)
        children = list(self.children(d, typ))
        written = self.write_object(d, typ)
        if written is not None:
            for url in self.lists_for(d, typ, body):
                self.add_to_list(url, written[0], written[1], deleted)
        for child, ctyp in children:
            self.emit(child, ctyp, body)

    def children(self, d: dict[str, Any], typ: str) -> Iterator[tuple[dict[str, Any], str]]:
        """Standalone copies (with back-references) of the embedded objects of ``d``.

        Deleted embedded objects are removed from ``d`` (§2.5: embedded output never holds
        deleted objects) and yielded as tombstones."""
        pid = d["id"]
        for prop, ctyp, many in _EMBEDDINGS_OF.get(typ, ()):
            value = d.get(prop)
            if value is None:
                continue
            items = value if many and isinstance(value, list) else [value]
            kept = []
            for item in items:
                if not isinstance(item, Mapping) or not isinstance(item.get("id"), str):
                    kept.append(item)
                    continue
                if item.get("deleted") is not True:
                    kept.append(item)
                child = dict(item)
                child.setdefault("type", type_uri(ctyp))
                for bprop, is_list in _BACKREFS.get((ctyp, typ), ()):
                    if is_list:
                        refs = list(child.get(bprop) or ())
                        if pid not in refs:
                            refs.append(pid)
                        child[bprop] = refs
                    else:
                        child.setdefault(bprop, pid)
                    _drop_ohne_marker(child, ctyp, bprop)
                yield child, ctyp
            if len(kept) != len(items):
                if many:
                    if kept:
                        d[prop] = kept
                    else:
                        del d[prop]
                elif not kept:
                    del d[prop]

    # -- pages -----------------------------------------------------------------------
    def write_pages(self, spool: _Spool) -> None:
        n, ps = spool.n, self.page_size
        pages = max(1, -(-n // ps))
        lines = _read_lines(spool.spool)
        for page in range(1, pages + 1):
            items: list[bytes] = []
            for _ in range(min(ps, n - (page - 1) * ps)):
                items.append(self._item(next(lines)))
            envelope = _envelope(spool.url, page, pages, n, ps)
            data = b'{"data":[' + b",".join(items) + b"]," + _dumps(envelope)[1:]
            target = self.dir / (
                spool.rel + ".json" if page == 1 else f"{spool.rel}/page-{page}.json"
            )
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            if self.check and page in (1, pages):
                self._check(json.loads(data), spool.url)
        if spool.n_deleted:
            deleted_dir = self.internal / "deleted"
            deleted_dir.mkdir(parents=True, exist_ok=True)
            name = f"{_hash(spool.url)[:20]}.jsonl"
            with open(deleted_dir / name, "wb") as out:
                for line in _read_lines(spool.spool + ".del"):
                    out.write(self._item(line) + b"\n")
            spool.deleted = f"{INTERNAL_DIR}/deleted/{name}"

    def _item(self, line: bytes) -> bytes:
        rel, _, data = line.partition(b"\t")
        name = rel.decode("utf-8")
        if name in self.merged:
            return (self.dir / name).read_bytes()
        return data

    def manifest(self) -> dict[str, Any]:
        return {
            "format": 1,
            "base_url": self.base,
            "system": self.system_id,
            "page_size": self.page_size,
            "counts": dict(self.counts),
            "lists": {
                s.rel: {
                    "url": s.url,
                    "type": s.typ,
                    "total": s.n,
                    "pages": max(1, -(-s.n // self.page_size)),
                    "deleted": s.deleted,
                    "total_deleted": s.n_deleted,
                }
                for s in self.lists.values()
            },
        }


def _all_backrefs(typ: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for (child, _parent), props in _BACKREFS.items():
        if child == typ:
            out.extend(props)
    return out


def _is_page_file(rel: str) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return name.startswith("page-") and name[5:-5].isdigit()


def _read_lines(path: str) -> Iterator[bytes]:
    if not os.path.exists(path):
        return
    with open(path, "rb") as fh:
        for line in fh:
            yield line.rstrip(b"\n")


def _envelope(url: str, page: int, pages: int, total: int, per_page: int) -> dict[str, Any]:
    links = {"first": page_url(url, 1)}
    if page > 1:
        links["prev"] = page_url(url, page - 1)
    links["self"] = page_url(url, page)
    if page < pages:
        links["next"] = page_url(url, page + 1)
    links["last"] = page_url(url, pages)
    return {
        "pagination": {
            "totalElements": total,
            "elementsPerPage": per_page,
            "currentPage": page,
            "totalPages": pages,
        },
        "links": links,
    }


def _iso(ts: _dt.datetime) -> str:
    return ts.replace(microsecond=0).isoformat()


def _prepare_directory(directory: Path) -> None:
    if directory.exists():
        if not directory.is_dir():
            raise ConfigError("directory", "a directory", str(directory))
        visible = [p.name for p in directory.iterdir() if not p.name.startswith(".")]
        if visible:
            raise ConfigError(
                "directory", "an empty or new directory (export never overwrites)", str(directory)
            )
        internal = directory / INTERNAL_DIR
        for name in ("tmp", "deleted", "objects", MANIFEST):
            target = internal / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    directory.mkdir(parents=True, exist_ok=True)


def _default_to_dict() -> Callable[[Any], dict[str, Any]]:
    def convert(obj: Any) -> dict[str, Any]:
        from kommunalrecht import oparl

        fn = getattr(oparl, "to_dict", None)
        if fn is None:  # pragma: no cover - only before the codec exists
            raise ConfigError(
                "source", "OParl dicts (the model codec is not available)", type(obj).__name__
            )
        result: dict[str, Any] = fn(obj)
        return result

    return convert


def export(
    source: Any,
    directory: str | os.PathLike[str],
    *,
    base_url: str,
    page_size: int = 100,
    check: bool = False,
    now: _dt.datetime | None = None,
) -> list[Finding]:
    """Write ``source`` as a static OParl 1.1 API tree below ``directory``; return findings.

    ``source`` is a :class:`~kommunalrecht.Bestand` or a :class:`Quelle` (objects per type,
    model objects or OParl dicts). ``base_url`` is the public URL the tree will be served
    at; object ids below it are served at their id. ``page_size`` objects go on each list
    page. The System's ``body``, the Body lists and the Organization lists are set to the
    export's list URLs. Without a System in the source one is written at ``base_url/system``
    (``created``/``modified`` = ``now``). With ``check=True`` every object document and the
    first and last page of every list are checked strictly (:func:`~kommunalrecht.oparl.check.check`)
    and error findings returned. ``directory`` must be new or empty (dot-entries aside).

    >>> import tempfile, pathlib
    >>> from kommunalrecht import Bestand
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> [f.code for f in export(Bestand(), d, base_url="https://ris.example/oparl",
    ...                         now=_dt.datetime(2024, 1, 1, tzinfo=_dt.timezone.utc))]
    ['EXPORT_OHNE_KOERPERSCHAFT']
    >>> sorted(p.name for p in d.iterdir())
    ['.kommunalrecht', 'body.json', 'system.json']
    """
    base = _clean_base(base_url)
    if not isinstance(page_size, int) or isinstance(page_size, bool) or page_size < 1:
        raise ConfigError("page_size", "a positive integer", page_size)
    if hasattr(source, "objekte") and not callable(source.objekte):
        source = BestandQuelle(source)
    if not isinstance(source, Quelle):
        raise ConfigError("source", "a Bestand or a Quelle (objekte(typ))", type(source).__name__)
    directory = Path(directory)
    _prepare_directory(directory)
    ex = _Exporter(directory, base, page_size, _default_to_dict(), check)
    ex.tmp.mkdir(parents=True, exist_ok=True)
    try:
        systems: list[dict[str, Any]] = []
        for obj in source.objekte("System"):
            got = ex.as_dict(obj, "System")
            if got is None:
                continue
            if systems:
                ex.findings.append(
                    _finding(
                        "EXPORT_SYSTEM_MEHRFACH",
                        f"Weiteres System {got[0]['id']!r} nicht exportiert; eine API hat "
                        "genau einen Einstiegspunkt.",
                        got[0]["id"],
                    )
                )
                continue
            systems.append(got[0])
        if not systems:
            stamp = _iso(now or _dt.datetime.now(_dt.UTC))
            systems.append(
                {
                    "id": f"{base}/system",
                    "type": type_uri("System"),
                    "oparlVersion": OPARL_VERSION_URI,
                    "body": "",
                    "created": stamp,
                    "modified": stamp,
                }
            )
        # Bodies are few: read them first, so that the Body list URL avoids their ids
        bodies = [got[0] for got in (ex.as_dict(o, "Body") for o in source.objekte("Body")) if got]
        taken = {file_for_url(d["id"], base) for d in (*systems, *bodies)}
        for candidate in (f"{base}/body", f"{base}/bodies", f"{base}/_/bodies"):
            if file_for_url(candidate, base) not in taken:
                ex.body_list = candidate
                break
        ex.register_list(ex.body_list, "Body")
        ex.bodies = [d["id"] for d in bodies]
        ex.emit(systems[0], "System", None)
        for d in bodies:
            ex.emit(d, "Body", d["id"])
        body_dicts_needed = bool(bodies)
        for typ in TOP_TYPES[2:] + EMBEDDED_TYPES:
            for obj in source.objekte(typ):
                got = ex.as_dict(obj, typ)
                if got is None:
                    continue
                d, t = got
                if t in ("System", "Body"):
                    ex.findings.append(
                        _finding(
                            "EXPORT_TYP_FALSCH",
                            f"{t}-Objekt {d['id']!r} als {typ} geliefert; übersprungen.",
                            d["id"],
                        )
                    )
                    continue
                if t == "Organization":
                    b = ex.body_for(d, t)
                    if b is not None:
                        ex.body_of_org[d["id"]] = b
                ex.emit(d, t, ex.body_for(d, t))
        if not body_dicts_needed:
            ex.findings.append(
                _finding(
                    "EXPORT_OHNE_KOERPERSCHAFT",
                    "Die Quelle enthält keine Körperschaft (Body); Objekte sind nur unter "
                    "ihrer URL abrufbar, nicht in Listen.",
                    None,
                    Severity.INFO,
                )
            )
        ex.handles.close()
        for spool in ex.lists.values():
            ex.write_pages(spool)
        if ex.foreign:
            ex.findings.append(
                _finding(
                    "EXPORT_ID_FREMD",
                    f"{ex.foreign} Objekt(e) haben eine id außerhalb von {base}/ (z. B. "
                    f"{ex.foreign_example!r}); sie stehen in den Listen, sind aber nicht unter "
                    "ihrer id abrufbar.",
                    ex.foreign_example,
                )
            )
        (ex.internal / MANIFEST).write_text(
            json.dumps(ex.manifest(), ensure_ascii=False, indent=1), encoding="utf-8"
        )
    finally:
        ex.handles.close()
        shutil.rmtree(ex.tmp, ignore_errors=True)
    return ex.findings
