"""Harvester for real OParl servers (OParl 1.1 §2.5 lists, §2.8 deleted objects, §2.9 errors).

:func:`harvest` walks an OParl API from its System (or one Body) URL: the Body list, and every
external list of every Body (``organization`` … ``membership``), page by page along
``links.next``. Every object is repaired leniently (:func:`~kommunalrecht.oparl._repair.repair`;
each repair is a Finding), tombstones without ``type`` are typed by the list they came from.
The update mechanism of OParl 1.1 §2.5 ("Aktualisierungsmechanismus") is supported: with
``since`` only objects modified since then are fetched (``modified_since``, deleted objects
included) and merged into the previous harvest.

Real servers misbehave (reference summary §14); the harvester copes and reports:

* timeouts, retries with exponential backoff on 5xx/429/network errors, a politeness delay;
* loops (a ``next`` seen before), duplicates, a missing ``next`` on a page that is not the last
  (``pagination``), lists answering 404 (read as empty), non-JSON answers;
* network access confined to the host of the start URL (other hosts: a finding, no request);
* resume after interruption: progress is committed page by page to ``OUT/.kommunalrecht/harvest``.

The result is a :class:`~kommunalrecht.Bestand` and a mirror in ``OUT`` in the layout of
:func:`~kommunalrecht.oparl.export.export`, which ``kommunalrecht serve OUT`` serves again.

>>> HarvestProgress(phase="liste", url="https://x.example/body", lists_done=0, lists_total=1,
...                 pages=0, objects=0, requests=1).phase
'liste'
"""

from __future__ import annotations

import collections
import datetime as _dt
import json
import os
import shutil
import time
import urllib.parse
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from ..errors import ConfigError, Finding, KommunalrechtError, Severity, ValidationError
from ._http import Client, FetchError
from ._repair import repair
from ._spec import EMBEDDINGS, SPEC
from .export import BODY_LISTS, INTERNAL_DIR, TOP_TYPES, _dumps, export, oparl_type_of

__all__ = ["HarvestProgress", "HarvestResult", "harvest"]

_S = "OParl 1.1"
_STATE_DIR = f"{INTERNAL_DIR}/harvest"

_EMBEDDINGS_OF: dict[str, list[tuple[str, str, bool]]] = collections.defaultdict(list)
for _e in EMBEDDINGS:
    _EMBEDDINGS_OF[_e.parent].append((_e.prop, _e.child, _e.many))

_BACKREF_PROPS: dict[tuple[str, str], tuple[str, ...]] = {}
for _ts in SPEC.values():
    for _p in _ts.props:
        if _p.backref_of:
            key = (_ts.name, _p.backref_of)
            _BACKREF_PROPS[key] = (*_BACKREF_PROPS.get(key, ()), _p.name)


@attrs.frozen(kw_only=True)
class HarvestProgress:
    """A progress report: ``phase`` (``"start"``, ``"liste"``, ``"seite"``, ``"aufbau"``,
    ``"fertig"``), the URL being fetched, lists done / known, pages and objects so far, HTTP
    requests made; ``page``/``total_pages`` of the current list when the server tells."""

    phase: str
    url: str | None
    lists_done: int
    lists_total: int
    pages: int
    objects: int
    requests: int
    page: int | None = None
    total_pages: int | None = None


@attrs.frozen(kw_only=True)
class HarvestResult:
    """What :func:`harvest` returns: the Bestand, the findings, and counters.

    ``objects`` counts the objects received in list pages and documents during this run,
    ``requests`` the HTTP requests; ``complete`` is False when a list could not be read to
    its end (see the findings); ``out`` is the mirror directory.
    """

    bestand: Any
    findings: list[Finding]
    requests: int
    pages: int
    objects: int
    complete: bool
    out: Path
    dicts: list[dict[str, Any]] = attrs.field(repr=False, factory=list)


def _finding(
    code: str,
    message: str,
    severity: Severity = Severity.WARNING,
    oid: str | None = None,
    path: str = "$",
    basis: str = f"{_S} §2.5",
) -> Finding:
    return Finding(
        code=code,
        severity=severity,
        message=message,
        path=path,
        object_id=oid,
        rechtsgrundlage=basis,
    )


def _since_str(since: Any) -> str | None:
    if since is None:
        return None
    if isinstance(since, _dt.datetime):
        ts = since
    elif isinstance(since, str):
        try:
            ts = _dt.datetime.fromisoformat(since)
        except ValueError as exc:
            raise ConfigError("since", "a date-time with time zone", since) from exc
    else:
        raise ConfigError("since", "a datetime or ISO 8601 string", since)
    if ts.tzinfo is None:
        raise ConfigError("since", "a timezone-aware date-time", since)
    return ts.replace(microsecond=0).isoformat()


def _with_params(url: str, params: Mapping[str, str]) -> str:
    if not params:
        return url
    return url + ("&" if "?" in url else "?") + urllib.parse.urlencode(params)


def _modified(d: Mapping[str, Any]) -> _dt.datetime | None:
    v = d.get("modified")
    if not isinstance(v, str):
        return None
    try:
        ts = _dt.datetime.fromisoformat(v)
    except ValueError:
        return None
    return ts if ts.tzinfo else None


class _Store:
    """Append-only JSON-lines store of harvested objects plus a state file (resume)."""

    def __init__(self, out: Path) -> None:
        self.dir = out / _STATE_DIR
        self.dir.mkdir(parents=True, exist_ok=True)
        self.objects = self.dir / "objects.jsonl"
        self.state_file = self.dir / "state.json"
        self._fh: Any = None

    def load_state(self) -> dict[str, Any] | None:
        try:
            state: dict[str, Any] = json.loads(self.state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return state

    def save_state(self, state: dict[str, Any]) -> None:
        if self._fh is not None:
            self._fh.flush()
            state["offset"] = self._fh.tell()
        tmp = self.state_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.state_file)

    def open(self, offset: int) -> None:
        mode = "r+b" if self.objects.exists() else "w+b"
        self._fh = open(self.objects, mode)  # noqa: SIM115 - closed in close()
        self._fh.truncate(offset)
        self._fh.seek(offset)

    def append(self, typ: str, d: Mapping[str, Any], *, raw: bool = False) -> None:
        rec: dict[str, Any] = {"t": typ, "o": d}
        if raw:
            rec["r"] = 1
        self._fh.write(_dumps(rec) + b"\n")

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def records(self) -> Iterator[tuple[str, dict[str, Any], bool]]:
        if not self.objects.exists():
            return
        with open(self.objects, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    yield rec["t"], rec["o"], "r" in rec


class _Harvester:
    def __init__(
        self,
        url: str,
        out: Path,
        *,
        since: str | None,
        client: Client,
        progress: Callable[[HarvestProgress], None] | None,
        limit: int | None,
        max_pages: int,
    ) -> None:
        self.url = url
        self.out = out
        self.since = since
        self.client = client
        self.progress = progress
        self.limit = limit
        self.max_pages = max_pages
        self.findings: list[Finding] = []
        self.repairs: dict[str, tuple[int, Finding]] = {}
        self.store = _Store(out)
        self.pages = 0
        self.objects = 0
        self.complete = True
        self.state: dict[str, Any] = {}

    # -- bookkeeping -------------------------------------------------------------------
    def report(self, phase: str, url: str | None, **kw: Any) -> None:
        if self.progress is None:
            return
        self.progress(
            HarvestProgress(
                phase=phase,
                url=url,
                lists_done=len(self.state.get("done", ())),
                lists_total=len(self.state.get("done", ())) + len(self.state.get("queue", ())),
                pages=self.pages,
                objects=self.objects,
                requests=self.client.requests,
                **kw,
            )
        )

    def note_repairs(self, findings: list[Finding]) -> None:
        for f in findings:
            n, first = self.repairs.get(f.code, (0, f))
            self.repairs[f.code] = (n + 1, first)

    def start(self, resume: bool) -> None:
        old = self.store.load_state()
        now = _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()
        if (
            resume
            and old is not None
            and old.get("status") == "running"
            and old.get("start_url") == self.url
            and old.get("since") == self.since
        ):
            self.state = old
            self.findings.append(
                _finding(
                    "HARVEST_FORTGESETZT",
                    f"Unterbrochene Ernte fortgesetzt ({len(old.get('done', []))} Listen "
                    "bereits fertig).",
                    Severity.INFO,
                )
            )
            self.store.open(int(old.get("offset", 0)))
            return
        keep = 0
        if self.since is not None and old is not None and old.get("status") == "complete":
            keep = int(old.get("offset", 0))
        self.state = {
            "format": 1,
            "status": "running",
            "start_url": self.url,
            "since": self.since,
            "started": now,
            "last_complete": (old or {}).get("last_complete"),
            "queue": [["doc", self.url, None, False]],
            "done": [],
            "current": None,
            "offset": keep,
        }
        self.store.open(keep)
        self.store.save_state(self.state)

    # -- the walk ----------------------------------------------------------------------
    def run(self) -> None:
        while self.state["queue"]:
            kind, url, expect, filtered = self.state["queue"][0]
            if kind == "doc":
                self.fetch_doc(url)
            else:
                self.walk_list(url, expect, filtered)
            self.state["queue"].pop(0)
            self.state["done"].append(url)
            self.state["current"] = None
            self.store.save_state(self.state)

    def enqueue_body(self, body: Mapping[str, Any]) -> None:
        for prop, item in BODY_LISTS:
            lurl = body.get(prop)
            if not isinstance(lurl, str) or not lurl:
                continue
            if not self.client.allowed(lurl):
                self.foreign(lurl, f"Body.{prop}", body.get("id"))
                continue
            self.state["queue"].append(["list", lurl, item, True])

    def foreign(self, url: str, where: str, oid: Any = None) -> None:
        self.findings.append(
            _finding(
                "HARVEST_FREMDER_HOST",
                f"{where} = {url!r} liegt nicht auf dem geernteten Host {self.client.host}; "
                "nicht abgerufen.",
                Severity.WARNING,
                oid if isinstance(oid, str) else None,
                basis=f"{_S} §2.3",
            )
        )

    def fetch_doc(self, url: str) -> None:
        self.report("start", url)
        try:
            resp = self.client.get(url)
        except FetchError as exc:
            self.fail(url, exc)
            return
        if resp.status != 200:
            self.complete = False
            self.findings.append(
                _finding(
                    "HARVEST_HTTP_FEHLER",
                    f"{url}: HTTP {resp.status} statt eines OParl-Objekts.",
                    Severity.ERROR,
                    basis=f"{_S} §2.9",
                )
            )
            return
        try:
            doc = resp.json()
        except ValueError:
            self.not_json(url)
            return
        tname = oparl_type_of(doc) if isinstance(doc, Mapping) else None
        if isinstance(doc, Mapping) and tname is None and "data" in doc:
            # the start URL is a Body list
            self.state["queue"].insert(1, ["list", url, "Body", False])
            return
        if tname not in ("System", "Body"):
            self.complete = False
            self.findings.append(
                _finding(
                    "HARVEST_KEIN_EINSTIEG",
                    f"{url} ist weder ein System- noch ein Body-Objekt (type {doc.get('type')!r})."
                    if isinstance(doc, Mapping)
                    else f"{url} liefert kein JSON-Objekt.",
                    Severity.ERROR,
                    basis=f"{_S} §2.10",
                )
            )
            return
        fixed = self.take(doc, tname, url)
        if fixed is None:
            return
        if tname == "System":
            lurl = fixed.get("body")
            if isinstance(lurl, str) and self.client.allowed(lurl):
                self.state["queue"].insert(1, ["list", lurl, "Body", False])
            elif isinstance(lurl, str):
                self.foreign(lurl, "System.body", fixed.get("id"))
        else:
            self.enqueue_body(fixed)
        self.store.save_state(self.state)

    def take(self, item: Any, expect: str, where: str) -> dict[str, Any] | None:
        if (
            expect not in TOP_TYPES
            and isinstance(item, Mapping)
            and isinstance(item.get("id"), str)
        ):
            # standalone copies of embedded objects: mostly equal to the embedded copy in
            # their parent; repaired only if they are used (see build)
            self.store.append(expect, item, raw=True)
            self.objects += 1
            return dict(item)
        return self.repaired(item, expect, where, store=True)

    def repaired(self, item: Any, expect: str, where: str, *, store: bool) -> dict[str, Any] | None:
        try:
            fixed, findings = repair(item, expect=expect)
        except KommunalrechtError as exc:
            self.findings.append(
                _finding(
                    "HARVEST_OBJEKT_UNLESBAR",
                    f"Objekt in {where} übersprungen: {exc}",
                    Severity.WARNING,
                    item.get("id") if isinstance(item, Mapping) else None,
                )
            )
            return None
        self.note_repairs(findings)
        if store:
            self.store.append(oparl_type_of(fixed) or expect, fixed)
            self.objects += 1
        return fixed

    def fail(self, url: str, exc: FetchError) -> None:
        self.complete = False
        self.findings.append(
            _finding(
                "HARVEST_ABRUF_FEHLGESCHLAGEN",
                f"{url}: {exc.reason} (nach {self.client.retries} Wiederholungen); "
                "die Liste ist unvollständig.",
                Severity.ERROR,
                basis=f"{_S} §2.9",
            )
        )

    def not_json(self, url: str) -> None:
        self.complete = False
        self.findings.append(
            _finding(
                "HARVEST_KEIN_JSON",
                f"{url} liefert kein gültiges JSON.",
                Severity.ERROR,
                basis=f"{_S} §2.4",
            )
        )

    def walk_list(self, url: str, expect: str, filtered: bool) -> None:
        current = self.state.get("current")
        if current and current.get("list") == url and current.get("next"):
            page_url, page_no = current["next"], int(current.get("pages", 0))
        else:
            params: dict[str, str] = {}
            if filtered and self.since is not None:
                params["modified_since"] = self.since
            if self.limit is not None:
                params["limit"] = str(self.limit)
            page_url, page_no = _with_params(url, params), 0
            self.state["current"] = {"list": url, "next": page_url, "pages": 0}
        seen_pages: set[str] = set()
        seen_ids: set[str] = set()
        duplicates = 0
        dup_example: str | None = None
        self.report("liste", url)
        while page_url is not None:
            if page_url in seen_pages:
                self.findings.append(
                    _finding(
                        "HARVEST_SCHLEIFE",
                        f"Liste {url}: links.next führt auf die schon gelesene Seite {page_url}; "
                        "Liste beendet.",
                    )
                )
                break
            if page_no >= self.max_pages:
                self.complete = False
                self.findings.append(
                    _finding(
                        "HARVEST_ZU_VIELE_SEITEN",
                        f"Liste {url}: mehr als {self.max_pages} Seiten; abgebrochen.",
                        Severity.ERROR,
                    )
                )
                break
            seen_pages.add(page_url)
            try:
                resp = self.client.get(page_url)
            except FetchError as exc:
                self.fail(page_url, exc)
                break
            if resp.status == 404:
                if page_no == 0:
                    self.findings.append(
                        _finding(
                            "HARVEST_LISTE_404",
                            f"Liste {url} antwortet mit HTTP 404; als leere Liste gelesen.",
                            Severity.INFO,
                        )
                    )
                else:
                    self.complete = False
                    self.findings.append(
                        _finding(
                            "HARVEST_HTTP_FEHLER",
                            f"Liste {url}: Seite {page_url} antwortet mit HTTP 404; Liste "
                            "unvollständig.",
                            Severity.ERROR,
                        )
                    )
                break
            if resp.status != 200:
                self.complete = False
                self.findings.append(
                    _finding(
                        "HARVEST_HTTP_FEHLER",
                        f"Liste {url}: Seite {page_url} antwortet mit HTTP {resp.status}.",
                        Severity.ERROR,
                        basis=f"{_S} §2.9",
                    )
                )
                break
            try:
                page = resp.json()
            except ValueError:
                self.not_json(page_url)
                break
            if not isinstance(page, Mapping) or not isinstance(page.get("data"), list):
                self.complete = False
                self.findings.append(
                    _finding(
                        "HARVEST_KEINE_LISTE",
                        f"{page_url} ist keine OParl-Listenseite (data/pagination/links).",
                        Severity.ERROR,
                    )
                )
                break
            page_no += 1
            self.pages += 1
            for item in page["data"]:
                oid = item.get("id") if isinstance(item, Mapping) else None
                if isinstance(oid, str):
                    if oid in seen_ids:
                        duplicates += 1
                        dup_example = dup_example or oid
                        continue
                    seen_ids.add(oid)
                fixed = self.take(item, expect, page_url)
                if fixed is not None and expect == "Body":
                    self.enqueue_body(fixed)
            raw_links, raw_pag = page.get("links"), page.get("pagination")
            links: Mapping[str, Any] = raw_links if isinstance(raw_links, Mapping) else {}
            pagination: Mapping[str, Any] = raw_pag if isinstance(raw_pag, Mapping) else {}
            nxt = links.get("next")
            if nxt is not None and (not isinstance(nxt, str) or not nxt):
                nxt = None
            if nxt is None:
                cur, total = pagination.get("currentPage"), pagination.get("totalPages")
                if isinstance(cur, int) and isinstance(total, int) and cur < total:
                    self.complete = False
                    self.findings.append(
                        _finding(
                            "HARVEST_NEXT_FEHLT",
                            f"Liste {url}: Seite {cur} von {total} ohne links.next; die "
                            "folgenden Seiten sind nicht erreichbar (Clients folgen nur next).",
                            Severity.WARNING,
                        )
                    )
            elif not self.client.allowed(urllib.parse.urljoin(page_url, nxt)):
                self.foreign(nxt, f"links.next in {page_url}")
                nxt = None
            else:
                nxt = urllib.parse.urljoin(page_url, nxt)
            self.state["current"] = {"list": url, "next": nxt, "pages": page_no}
            self.store.save_state(self.state)
            self.report(
                "seite",
                page_url,
                page=page_no,
                total_pages=pagination.get("totalPages")
                if isinstance(pagination.get("totalPages"), int)
                else None,
            )
            page_url = nxt
        if duplicates:
            self.findings.append(
                _finding(
                    "HARVEST_DUPLIKAT",
                    f"Liste {url}: {duplicates} Objekt(e) mehrfach geliefert (z. B. "
                    f"{dup_example!r}); nur das erste übernommen.",
                    Severity.WARNING,
                    dup_example,
                )
            )

    # -- building ------------------------------------------------------------------------
    def build(self) -> list[tuple[str, dict[str, Any]]]:
        top: dict[str, tuple[str, dict[str, Any]]] = {}
        owner: dict[str, str] = {}  # embedded child id -> top-level id
        for typ, d, raw in self.store.records():
            oid = d.get("id")
            if not isinstance(oid, str):
                continue
            if raw:
                holder = owner.get(oid)
                if holder is not None and holder in top and d.get("deleted") is not True:
                    copy = _find_embedded(top[holder][1], top[holder][0], oid)
                    if copy is not None and copy.get("modified") == d.get("modified"):
                        continue
                fixed = self.repaired(d, typ, "einer Liste", store=False)
                if fixed is None:
                    continue
                d, typ = fixed, oparl_type_of(fixed) or typ
            if typ in TOP_TYPES or typ not in SPEC:
                top[oid] = (typ, d)
                for cid in _embedded_ids(d, typ):
                    owner[cid] = oid
                continue
            holder = owner.get(oid)
            if holder is not None and holder in top:
                htyp, hd = top[holder]
                if _replace_embedded(hd, htyp, d, typ):
                    if d.get("deleted") is True:
                        top[oid] = (typ, d)
                    continue
            top[oid] = (typ, d)
        return list(top.values())


def _find_embedded(d: Mapping[str, Any], typ: str, oid: str) -> Mapping[str, Any] | None:
    for prop, ctyp, many in _EMBEDDINGS_OF.get(typ, ()):
        value = d.get(prop)
        items = value if many and isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, Mapping):
                if item.get("id") == oid:
                    return item
                found = _find_embedded(item, ctyp, oid)
                if found is not None:
                    return found
    return None


def _embedded_ids(d: Mapping[str, Any], typ: str) -> Iterator[str]:
    for prop, ctyp, many in _EMBEDDINGS_OF.get(typ, ()):
        value = d.get(prop)
        items = value if many and isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, Mapping) and isinstance(item.get("id"), str):
                yield item["id"]
                yield from _embedded_ids(item, ctyp)


def _replace_embedded(parent: dict[str, Any], ptyp: str, new: dict[str, Any], ntyp: str) -> bool:
    """Put the standalone object ``new`` in place of its embedded copy inside ``parent``
    when it is newer (or deleted: then it is removed). ``True`` if the copy was found."""
    for prop, ctyp, many in _EMBEDDINGS_OF.get(ptyp, ()):
        value = parent.get(prop)
        as_list = many and isinstance(value, list)
        items: list[Any] = value if isinstance(value, list) and many else [value]
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            if item.get("id") == new["id"]:
                if new.get("deleted") is True:
                    if as_list:
                        del items[i]
                        if not items:
                            del parent[prop]
                    else:
                        del parent[prop]
                    return True
                old_m, new_m = _modified(item), _modified(new)
                if old_m is not None and new_m is not None and new_m > old_m:
                    stripped = {
                        k: v
                        for k, v in new.items()
                        if k not in _BACKREF_PROPS.get((ctyp, ptyp), ())
                    }
                    if as_list:
                        items[i] = stripped
                    else:
                        parent[prop] = stripped
                return True
            if _replace_embedded(item, ctyp, new, ntyp):
                return True
    return False


class _DictQuelle:
    def __init__(self, objects: list[tuple[str, dict[str, Any]]]) -> None:
        self.objects = objects

    def objekte(self, typ: str) -> Iterator[dict[str, Any]]:
        for t, d in self.objects:
            if t == typ:
                yield json.loads(_dumps(d))


def _mirror_base(url: str, objects: list[tuple[str, dict[str, Any]]]) -> str:
    for t, d in objects:
        if t == "System" and isinstance(d.get("id"), str):
            sid: str = d["id"].split("?", 1)[0]
            return sid.rsplit("/", 1)[0]
    return url.split("?", 1)[0].rsplit("/", 1)[0]


def _clear_mirror(out: Path) -> None:
    for entry in out.iterdir():
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def _to_bestand(objects: list[tuple[str, dict[str, Any]]], findings: list[Finding]) -> Any:
    from kommunalrecht import Bestand, oparl

    from_dict = getattr(oparl, "from_dict", None)
    if from_dict is None:  # pragma: no cover - only before the codec exists
        return None
    models = []
    for t, d in objects:
        try:
            try:  # already repaired: the strict reader is the faster one
                models.append(from_dict(d, mode="strict", expect=t))
            except ValidationError:
                models.append(from_dict(d, mode="lenient", expect=t))
        except KommunalrechtError as exc:
            findings.append(
                _finding(
                    "HARVEST_OBJEKT_UNLESBAR",
                    f"{t} {d.get('id')!r} nicht ins Modell übernommen: {exc}",
                    Severity.WARNING,
                    d.get("id") if isinstance(d.get("id"), str) else None,
                )
            )
    return Bestand(models)


def harvest(
    url: str,
    out: str | os.PathLike[str],
    *,
    since: _dt.datetime | str | None = None,
    progress: Callable[[HarvestProgress], None] | None = None,
    timeout: float = 30.0,
    retries: int = 3,
    backoff: float = 0.5,
    delay: float = 0.1,
    limit: int | None = None,
    resume: bool = True,
    max_pages: int = 1_000_000,
    mirror_base_url: str | None = None,
    page_size: int = 100,
    sleep: Callable[[float], None] = time.sleep,
) -> HarvestResult:
    """Harvest the OParl API at ``url`` (System or Body URL) into ``out``; return the result.

    ``since`` (a timezone-aware datetime, an ISO string, or ``"last"`` = the start of the last
    complete harvest in ``out``) fetches only objects modified since then and merges them into
    the previous harvest kept in ``out``. ``timeout`` (seconds per request), ``retries`` and
    ``backoff`` (seconds, doubled per retry) govern failures, ``delay`` is the pause between
    requests, ``limit`` is sent as the page-size wish. An interrupted harvest of the same URL
    and ``since`` continues where it stopped (``resume=False``: start over). ``out`` receives
    a mirror in the :func:`~kommunalrecht.oparl.export.export` layout at ``mirror_base_url``
    (default: the directory of the System's URL). Requests go only to the host of ``url``.

    >>> harvest("ftp://ris.example/oparl", "/tmp/x")
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.ConfigError: url: expected an http(s) URL of an OParl System or Body, got 'ftp://ris.example/oparl'
    """
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise ConfigError("url", "an http(s) URL of an OParl System or Body", url)
    out_path = Path(out)
    if out_path.exists():
        if not out_path.is_dir():
            raise ConfigError("out", "a directory", str(out_path))
        visible = [p for p in out_path.iterdir() if not p.name.startswith(".")]
        if visible and not (out_path / _STATE_DIR).is_dir():
            raise ConfigError("out", "a new, empty or earlier harvest directory", str(out_path))
    out_path.mkdir(parents=True, exist_ok=True)
    store_state = _Store(out_path).load_state() if since == "last" else None
    if since == "last":
        since = (store_state or {}).get("last_complete")
    since_s = _since_str(since)
    client = Client(
        url, timeout=timeout, retries=retries, backoff=backoff, delay=delay, sleep=sleep
    )
    h = _Harvester(
        url,
        out_path,
        since=since_s,
        client=client,
        progress=progress,
        limit=limit,
        max_pages=max_pages,
    )
    h.start(resume)
    try:
        h.run()
    finally:
        h.store.save_state(h.state)
    h.report("aufbau", None)
    objects = h.build()
    findings = list(h.findings)
    for code, (n, first) in sorted(h.repairs.items()):
        findings.append(
            Finding(
                code=code,
                severity=first.severity,
                message=f"{n}× beim Einlesen repariert, z. B.: {first.message}",
                path=first.path,
                object_id=first.object_id,
                rechtsgrundlage=first.rechtsgrundlage,
            )
        )
    # compact the store: the merged objects are the base of the next incremental harvest
    h.store.close()
    h.store.open(0)
    for t, d in objects:
        h.store.append(t, d)
    if h.complete:
        h.state["status"] = "complete"
        h.state["last_complete"] = h.state["started"]
    else:
        h.state["status"] = "complete"  # the data is merged; a later run starts afresh
    h.state["queue"] = []
    h.state["current"] = None
    h.store.save_state(h.state)
    h.store.close()
    _clear_mirror(out_path)
    base = mirror_base_url or _mirror_base(url, objects)
    findings.extend(export(_DictQuelle(objects), out_path, base_url=base, page_size=page_size))
    bestand = _to_bestand(objects, findings)
    h.report("fertig", None)
    return HarvestResult(
        bestand=bestand,
        findings=findings,
        requests=client.requests,
        pages=h.pages,
        objects=h.objects,
        complete=h.complete,
        out=out_path,
        dicts=[d for _, d in objects],
    )
