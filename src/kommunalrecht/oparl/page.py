"""List pages of OParl external lists (OParl 1.1 §2.5): ``data``, ``pagination``, ``links``.

A :class:`Page` holds model objects (read with :func:`kommunalrecht.oparl.loads` from a list
page, or built by an exporter) plus the pagination counters and the page links. Every list
page MUST carry ``data``, ``pagination`` and ``links`` (even when empty); ``links.next`` is
mandatory on every page but the last (§2.5), ``links.web`` is new in 1.1.

>>> from kommunalrecht import Ort
>>> p = Page(data=(Ort(id="https://x.example/ort/1"),),
...          pagination=Pagination(total_elements=1, current_page=1),
...          links=Links(first="https://x.example/orte?page=1"))
>>> p.to_dict()["pagination"], p.links.next is None
({'totalElements': 1, 'currentPage': 1}, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..errors import Finding, InvariantError, Severity, ValidationError
from ..model import Objekt
from ..model import _validators as v
from ._spec import LIST_LINKS, LIST_PAGINATION, VENDOR_ORIGINAL

__all__ = ["Links", "Page", "Pagination"]

_PAGINATION_ATTRS = ("total_elements", "elements_per_page", "current_page", "total_pages")
_LINK_ATTRS = ("first", "prev", "self_", "next", "last", "web")


def _opt_int(inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
    v.opt_non_negative_int(inst, attr, value)


@attrs.frozen(kw_only=True)
class Pagination:
    """``pagination`` of a list page; all members optional integers (OParl 1.1 §2.5).

    >>> Pagination(total_elements=50000, elements_per_page=100).to_dict()
    {'totalElements': 50000, 'elementsPerPage': 100}
    """

    total_elements: int | None = attrs.field(default=None, validator=_opt_int)
    elements_per_page: int | None = attrs.field(default=None, validator=_opt_int)
    current_page: int | None = attrs.field(default=None, validator=_opt_int)
    total_pages: int | None = attrs.field(default=None, validator=_opt_int)
    extras: Mapping[str, Any] = attrs.field(factory=dict, validator=v.extras_mapping, hash=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object (``None`` members omitted, ``extras`` kept)."""
        d: dict[str, Any] = {}
        for key, attr in zip(LIST_PAGINATION, _PAGINATION_ATTRS, strict=True):
            value = getattr(self, attr)
            if value is not None:
                d[key] = value
        d.update(self.extras)
        return d


@attrs.frozen(kw_only=True)
class Links:
    """``links`` of a list page: first, prev, self (``self_``), next, last, web (§2.5).

    >>> Links(self_="https://x.example/p?page=2", next="https://x.example/p?page=3").to_dict()
    {'self': 'https://x.example/p?page=2', 'next': 'https://x.example/p?page=3'}
    """

    first: str | None = attrs.field(default=None, validator=v.opt_str)
    prev: str | None = attrs.field(default=None, validator=v.opt_str)
    self_: str | None = attrs.field(default=None, validator=v.opt_str)
    next: str | None = attrs.field(default=None, validator=v.opt_str)
    last: str | None = attrs.field(default=None, validator=v.opt_str)
    web: str | None = attrs.field(default=None, validator=v.opt_str)
    extras: Mapping[str, Any] = attrs.field(factory=dict, validator=v.extras_mapping, hash=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object (``None`` members omitted, ``extras`` kept)."""
        d: dict[str, Any] = {}
        for key, attr in zip(LIST_LINKS, _LINK_ATTRS, strict=True):
            value = getattr(self, attr)
            if value is not None:
                d[key] = value
        d.update(self.extras)
        return d


@attrs.frozen(kw_only=True)
class Page:
    """One page of an OParl external list: model objects, pagination and links.

    ``extras`` keeps unknown members of the page (and, after a lenient read, list elements
    that could not be read, under ``kommunalrecht:original``).

    >>> Page().to_dict()
    {'data': [], 'pagination': {}, 'links': {}}
    """

    data: tuple[Objekt, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(Objekt, "a model object")
    )
    pagination: Pagination = attrs.field(factory=Pagination)
    links: Links = attrs.field(factory=Links)
    extras: Mapping[str, Any] = attrs.field(factory=dict, validator=v.extras_mapping, hash=False)

    def to_dict(self) -> dict[str, Any]:
        """The OParl list page as a dict (objects written standalone, §2.5).

        >>> from kommunalrecht import Ort
        >>> Page(data=[Ort(id="https://x.example/o/1")]).to_dict()["data"][0]["type"]
        'https://schema.oparl.org/1.1/Location'
        """
        from ._codec import default_converter

        conv = default_converter()
        d: dict[str, Any] = {
            "data": [conv.to_dict(x) for x in self.data],
            "pagination": self.pagination.to_dict(),
            "links": self.links.to_dict(),
        }
        d.update(self.extras)
        return d


def _members(
    raw: Any, keys: tuple[str, ...], attrs_: tuple[str, ...], ok: Any, strict: bool
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(attrs kwargs, extras) of a pagination/links object; values of the wrong type are kept
    in extras in lenient mode (strict mode has already rejected them via ``check``)."""
    kw: dict[str, Any] = {}
    extras: dict[str, Any] = {}
    if not isinstance(raw, Mapping):
        return kw, extras
    for key, value in raw.items():
        if key in keys and ok(value):
            kw[attrs_[keys.index(key)]] = value
        else:
            extras[key] = value
    return kw, extras


def page_from_dict(
    d: Mapping[str, Any],
    decode: Any,
    expect: str | None,
    strict: bool,
    findings: list[Finding] | None,
) -> Page:
    """Build a :class:`Page` from a (checked or repaired) list-page dict; ``decode(item,
    tname, path)`` decodes one element."""
    from ._spec import SPEC, parse_type_uri

    items: list[Objekt] = []
    lost: list[Any] = []
    out: list[Finding] = []
    data = d.get("data")
    if data.__class__ is not list:
        if data is not None:
            lost.append(data)
        data = []
    for i, item in enumerate(data):
        path = f"$.data[{i}]"
        tname = None
        if isinstance(item, Mapping):
            parsed = parse_type_uri(item.get("type"))
            tname = parsed[0] if parsed is not None and parsed[0] in SPEC else None
            if tname is None and item.get("type") is None:
                tname = expect if expect in SPEC else None
        if tname is None:
            lost.append(item)
            out.append(
                Finding(
                    code="OBJEKT_NICHT_UEBERNOMMEN",
                    severity=Severity.ERROR if strict else Severity.WARNING,
                    message="Listenelement ist kein lesbares OParl-Objekt"
                    + ("." if strict else f"; es steht in {VENDOR_ORIGINAL}."),
                    path=path,
                    rechtsgrundlage="OParl 1.1 §2.5",
                )
            )
            continue
        try:
            items.append(decode(item, tname, path))
        except ValidationError as exc:
            if strict:
                out.extend(exc.findings)
                continue
            lost.append(item)
            out.extend(attrs.evolve(f, severity=Severity.WARNING) for f in exc.findings)
    if strict and any(f.severity is Severity.ERROR for f in out):
        raise ValidationError(out)
    pkw, pex = _members(d.get("pagination"), LIST_PAGINATION, _PAGINATION_ATTRS,
                        lambda x: x.__class__ is int and x >= 0, strict)  # fmt: skip
    lkw, lex = _members(d.get("links"), LIST_LINKS, _LINK_ATTRS,
                        lambda x: x.__class__ is str, strict)  # fmt: skip
    extras = {k: v for k, v in d.items() if k not in ("data", "pagination", "links")}
    for key in ("pagination", "links"):
        if key in d and not isinstance(d[key], Mapping):
            lost.append({key: d[key]})
    if lost:
        prev = extras.get(VENDOR_ORIGINAL)
        merged = dict(prev) if isinstance(prev, Mapping) else {}
        merged.setdefault("data", lost)
        extras[VENDOR_ORIGINAL] = merged
    if findings is not None:
        findings.extend(out)
    try:
        return Page(
            data=items,
            pagination=Pagination(**pkw, extras=pex),
            links=Links(**lkw, extras=lex),
            extras=extras,
        )
    except InvariantError as exc:  # pragma: no cover - members are pre-filtered
        raise ValidationError(exc.findings) from None
