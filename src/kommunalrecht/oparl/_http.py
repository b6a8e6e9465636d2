"""A small, polite, host-confined HTTP client for harvesting OParl servers (stdlib only).

OParl 1.1 §2.3 (documents are fetched by GET on their URL), §2.9 (servers answer with an HTTP
status and maybe an ``Error`` object; clients must not rely on it). What real servers need
(reference summary §14): timeouts, retries with exponential backoff on 5xx/429/network
errors, a politeness delay between requests, and confinement to one host — redirects to other
hosts are refused, not followed.

>>> c = Client("https://ris.example/oparl/system", timeout=1, retries=0, delay=0)
>>> c.allowed("https://ris.example/oparl/body"), c.allowed("https://evil.example/x")
(True, False)
"""

from __future__ import annotations

import http.client
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import Any

from .. import __version__

__all__ = ["Client", "FetchError", "Response"]

USER_AGENT = f"kommunalrecht/{__version__} (OParl-Harvester; +https://oparl.org)"
RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


class FetchError(Exception):
    """A document could not be fetched (after retries): ``status`` is the last HTTP status
    or ``None`` for network errors/timeouts; ``reason`` says what happened."""

    def __init__(self, url: str, status: int | None, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.status = status
        self.reason = reason


class Response:
    """Status and decoded JSON body of one response."""

    __slots__ = ("data", "raw", "status", "url")

    def __init__(self, url: str, status: int, raw: bytes) -> None:
        self.url = url
        self.status = status
        self.raw = raw
        self.data: Any = None

    def json(self) -> Any:
        """The body as JSON (raises ``ValueError`` if it is none)."""
        if self.data is None:
            text = self.raw.decode("utf-8-sig")
            self.data = json.loads(text, parse_constant=_reject)
        return self.data


def _reject(name: str) -> Any:
    raise ValueError(f"{name} ist kein JSON")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _host(url: str) -> tuple[str, str]:
    parts = urllib.parse.urlsplit(url)
    return parts.scheme.lower(), (parts.hostname or "").lower() + (
        f":{parts.port}" if parts.port else ""
    )


class Client:
    """GET JSON documents from one host, with timeouts, retries, backoff and a delay.

    Redirects (301/302/307/308) are followed by hand, and only within the host (scheme
    changes http → https on the same host are allowed). ``sleep`` is injectable for tests.
    """

    def __init__(
        self,
        start_url: str,
        *,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 0.5,
        delay: float = 0.1,
        sleep: Callable[[float], None] = time.sleep,
        max_bytes: int = 256 * 1024 * 1024,
    ) -> None:
        self.host = _host(start_url)[1]
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.delay = delay
        self.sleep = sleep
        self.max_bytes = max_bytes
        self.requests = 0
        self._last = 0.0
        self._opener = urllib.request.build_opener(_NoRedirect())

    def allowed(self, url: str) -> bool:
        """Whether ``url`` is an http(s) URL on the harvested host."""
        scheme, host = _host(url)
        return scheme in ("http", "https") and host == self.host

    def _once(self, url: str) -> Response:
        wait = self._last + self.delay - time.monotonic()
        if wait > 0:
            self.sleep(wait)
        self.requests += 1
        req = urllib.request.Request(
            url, headers={"Accept": "application/json", "User-Agent": USER_AGENT}
        )
        try:
            with self._opener.open(req, timeout=self.timeout) as resp:
                raw = resp.read(self.max_bytes + 1)
                status = resp.status
        except urllib.error.HTTPError as err:
            try:
                raw = err.read(self.max_bytes + 1)
            except (OSError, ValueError):
                raw = b""
            status = err.code
            location = err.headers.get("Location") if err.headers else None
            if status in (301, 302, 303, 307, 308) and location:
                out = Response(urllib.parse.urljoin(url, location), status, b"")
                return out
        finally:
            self._last = time.monotonic()
        if len(raw) > self.max_bytes:
            raise FetchError(url, status, f"Antwort größer als {self.max_bytes} Bytes")
        return Response(url, status, raw)

    def get(self, url: str) -> Response:
        """GET ``url``; retry on timeouts, network errors, 429 and 5xx; follow same-host redirects.

        Returns the final response (any status that is not retried, e.g. 404); raises
        :class:`FetchError` when the retries are exhausted or a redirect leaves the host.
        """
        if not self.allowed(url):
            raise FetchError(url, None, f"URL liegt nicht auf dem Host {self.host}")
        redirects = 0
        attempt = 0
        while True:
            try:
                resp = self._once(url)
            except (TimeoutError, OSError, http.client.HTTPException) as exc:
                reason = getattr(exc, "reason", exc)
                if attempt >= self.retries:
                    raise FetchError(url, None, f"Netzwerkfehler: {reason}") from exc
            else:
                if resp.status in (301, 302, 303, 307, 308) and not resp.raw:
                    target = resp.url
                    if not self.allowed(target):
                        raise FetchError(url, resp.status, f"Umleitung auf fremden Host: {target}")
                    redirects += 1
                    if redirects > 5:
                        raise FetchError(url, resp.status, "zu viele Umleitungen")
                    url = target
                    continue
                if resp.status not in RETRY_STATUS:
                    return resp
                if attempt >= self.retries:
                    raise FetchError(url, resp.status, f"HTTP {resp.status}")
            self.sleep(self.backoff * (2**attempt))
            attempt += 1
