"""``Bestand``: the objects of one Körperschaft, indexed by id, with reference resolution.

References between model objects are ids (OParl URLs), never Python pointers. A Bestand indexes
every object — including embedded ones (TOPs inside a Sitzung, Beratungen inside a Drucksache,
Mitgliedschaften inside a Person, Wahlperioden inside a Körperschaft, embedded Dateien and Orte)
— and resolves references. Dangling references are reported as Findings
(``REFERENZ_UNAUFGELOEST``), never raised.
"""

from __future__ import annotations

import array
import bisect
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar, overload

import attrs

from ..errors import Finding, InvariantError, Severity
from ._base import EMBEDDED, REF, Objekt

__all__ = ["Bestand"]

_T = TypeVar("_T", bound=Objekt)


_EMBEDDED_FIELDS: dict[type[Any], tuple[str, ...]] = {}
_REF_FIELDS: dict[type[Any], tuple[tuple[str, tuple[str, ...]], ...]] = {}
_CLASS_NAMES: dict[type[Any], frozenset[str]] = {}


def _embedded_fields(cls: type[Any]) -> tuple[str, ...]:
    """Names of the fields of ``cls`` that hold embedded model objects (computed once)."""
    got = _EMBEDDED_FIELDS.get(cls)
    if got is None:
        got = (
            tuple(a.name for a in attrs.fields(cls) if a.metadata.get(EMBEDDED))
            if attrs.has(cls)
            else ()
        )
        _EMBEDDED_FIELDS[cls] = got
    return got


def _ref_fields(cls: type[Any]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``(field name, target class names)`` of the reference fields of ``cls`` (computed once)."""
    got = _REF_FIELDS.get(cls)
    if got is None:
        got = (
            tuple((a.name, a.metadata[REF]) for a in attrs.fields(cls) if a.metadata.get(REF))
            if attrs.has(cls)
            else ()
        )
        _REF_FIELDS[cls] = got
    return got


def _embedded_children(obj: Any) -> Iterator[tuple[str, Any]]:
    """Yield ``(path suffix, child)`` for every embedded object of ``obj`` (one level)."""
    for name in _embedded_fields(type(obj)):
        value = getattr(obj, name)
        if value is None:
            continue
        if value.__class__ is tuple:
            for i, item in enumerate(value):
                yield f".{name}[{i}]", item
        else:
            yield f".{name}", value


def _walk(obj: Any, path: str) -> Iterator[tuple[str, Any]]:
    yield path, obj
    for suffix, child in _embedded_children(obj):
        yield from _walk(child, path + suffix)


def _class_names(cls: type[Any]) -> frozenset[str]:
    got = _CLASS_NAMES.get(cls)
    if got is None:
        got = _CLASS_NAMES[cls] = frozenset(c.__name__ for c in cls.__mro__)
    return got


_D = TypeVar("_D")
_FEHLT = object()


def _verweise_von(item: Any) -> Iterator[tuple[str, tuple[str, ...], str, int]]:
    """(referenced id, allowed target classes, field name, index in the field's tuple or -1)
    of every present (non-None) reference of ``item`` itself (not of its children)."""
    for name, targets in _ref_fields(type(item)):
        value = getattr(item, name)
        if value is None:
            continue
        if value.__class__ is tuple:
            for i, r in enumerate(value):
                yield r, targets, name, i
        else:
            yield value, targets, name, -1


class Bestand(Mapping[str, Objekt]):
    """An immutable collection of model objects indexed by id (top-level and embedded).

    Building a Bestand walks every object once and indexes ids and paths. What is derived
    from a Bestand alone is built on first use and kept with it (it never changes): the
    resolved references of :meth:`referenzen_pruefen` and the rule index of
    :func:`kommunalrecht.validate`, so that validating a Bestand again does not redo them.

    >>> from kommunalrecht import Gremium, Sitzung
    >>> b = Bestand([Gremium(id="https://x.example/org/1", name="Rat"),
    ...              Sitzung(id="https://x.example/s/1", gremien=("https://x.example/org/1",
    ...                                                          "https://x.example/org/9"))])
    >>> len(b), b["https://x.example/org/1"].name
    (2, 'Rat')
    >>> [f.code for f in b.referenzen_pruefen()]
    ['REFERENZ_UNAUFGELOEST']
    >>> b.aufloesen("https://x.example/org/1", Gremium).name
    'Rat'
    """

    __slots__ = (
        "_abgeleitet",
        "_by_id",
        "_paths",
        "_top",
    )

    def __init__(self, objekte: Iterable[Objekt] = ()) -> None:
        top: dict[str, Objekt] = {}
        by_id: dict[str, Objekt] = {}
        paths: dict[str, str] = {}
        for index, obj in enumerate(objekte):
            if not isinstance(obj, Objekt):
                raise InvariantError("Bestand", f"objekte[{index}]", "a model object", obj)
            if obj.id in top:
                raise InvariantError(
                    "Bestand", f"objekte[{index}].id", "an id not already in the Bestand", obj.id
                )
            top[obj.id] = obj
        for obj in top.values():
            for path, item in _walk(obj, "$"):
                # a top-level object wins over an embedded copy of the same id
                if isinstance(item, Objekt) and (
                    item.id not in by_id or (item.id in top and item is top[item.id])
                ):
                    by_id[item.id] = item
                    paths[item.id] = path if item is not obj else f"$[{item.id!r}]"
        self._top = top
        self._by_id = by_id
        self._paths = paths
        self._abgeleitet: dict[str, Any] = {}

    def _abgeleitet_von(self, name: str, bauen: Callable[[Bestand], _D]) -> _D:
        """The derived structure ``name`` of this Bestand, built by ``bauen(self)`` on first use.

        A Bestand never changes, so whatever is computed from it alone stays valid for its
        whole life: the resolved references (:class:`_Verweise`) and the rule index of
        :func:`kommunalrecht.validate` (:class:`kommunalrecht.regeln.Kontext`) are built once
        per Bestand this way instead of once per call. ``bauen`` must be a pure function of the Bestand, and what
        it returns must be treated as read-only by every user. Concurrent first uses may
        build it twice; one of the (equal) results is kept.

        >>> b = Bestand()
        >>> b._abgeleitet_von("anzahl", len) is b._abgeleitet_von("anzahl", lambda b: 99)
        True
        """
        got = self._abgeleitet.get(name, _FEHLT)
        if got is _FEHLT:
            got = self._abgeleitet.setdefault(name, bauen(self))
        return got  # type: ignore[no-any-return]

    def _eintraege(self) -> Iterable[tuple[str, Objekt]]:
        """(id, object) of every indexed object, in Bestand order (for the rule index)."""
        return self._by_id.items()

    def _oberste(self) -> Mapping[str, Objekt]:
        """The top-level objects by id (for the rule index)."""
        return self._top

    # Mapping protocol: every indexed object (top-level and embedded)
    def __getitem__(self, key: str) -> Objekt:
        return self._by_id[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)

    def __repr__(self) -> str:
        return f"Bestand({len(self._top)} objects, {len(self._by_id)} with embedded)"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Bestand):
            return NotImplemented
        return self._top == other._top

    __hash__ = None  # type: ignore[assignment]

    @property
    def objekte(self) -> tuple[Objekt, ...]:
        """The top-level objects, in insertion order.

        >>> Bestand().objekte
        ()
        """
        return tuple(self._top.values())

    @overload
    def alle(self, typ: type[_T]) -> list[_T]: ...
    @overload
    def alle(self, typ: None = None) -> list[Objekt]: ...
    def alle(self, typ: type[Any] | None = None) -> list[Any]:
        """All indexed objects (embedded included) of class ``typ`` (subclasses included).

        >>> from kommunalrecht import Gremium
        >>> Bestand([Gremium(id="https://x.example/o")]).alle(Gremium)[0].id
        'https://x.example/o'
        """
        if typ is None:
            return list(self._by_id.values())
        return [o for o in self._by_id.values() if isinstance(o, typ)]

    def aufloesen(self, ref: str | None, typ: type[_T] | None = None) -> Any:
        """The object with id ``ref`` (of class ``typ`` if given), or ``None`` if absent.

        >>> Bestand().aufloesen("https://x.example/nope") is None
        True
        """
        if ref is None:
            return None
        obj = self._by_id.get(ref)
        if obj is None or (typ is not None and not isinstance(obj, typ)):
            return None
        return obj

    def pfad(self, id_: str) -> str | None:
        """JSON-style path of an indexed object inside its top-level object.

        >>> from kommunalrecht import Sitzung, Tagesordnungspunkt
        >>> b = Bestand([Sitzung(id="https://x.example/s",
        ...     tagesordnung=(Tagesordnungspunkt(id="https://x.example/t", position=0),))])
        >>> b.pfad("https://x.example/t")
        '$.tagesordnung[0]'
        """
        return self._paths.get(id_)

    def mit(self, *objekte: Objekt) -> Bestand:
        """A new Bestand with ``objekte`` added or replacing the top-level objects of the same id.

        >>> from kommunalrecht import Gremium
        >>> b = Bestand([Gremium(id="https://x.example/o", name="A")])
        >>> b.mit(Gremium(id="https://x.example/o", name="B"))["https://x.example/o"].name
        'B'
        """
        top = dict(self._top)
        for o in objekte:
            top[o.id] = o
        return Bestand(top.values())

    def ohne(self, *ids: str) -> Bestand:
        """A new Bestand without the top-level objects ``ids``.

        >>> Bestand().ohne("https://x.example/o")
        Bestand(0 objects, 0 with embedded)
        """
        drop = set(ids)
        return Bestand(o for o in self._top.values() if o.id not in drop)

    def referenzen(self, obj: Any) -> Iterator[tuple[str, str, tuple[str, ...]]]:
        """Yield ``(field path, referenced id, allowed target classes)`` of ``obj`` and its
        embedded objects.

        >>> from kommunalrecht import Sitzung
        >>> list(Bestand().referenzen(Sitzung(id="https://x.example/s", vorsitz="https://x.example/p")))
        [('$.vorsitz', 'https://x.example/p', ('Person',))]
        """
        for path, item in _walk(obj, "$"):
            for r, targets, name, i in _verweise_von(item):
                yield (f"{path}.{name}[{i}]" if i >= 0 else f"{path}.{name}"), r, targets

    def referenzen_pruefen(self) -> list[Finding]:
        """Findings for every reference that does not resolve to an object of the right class.

        References to objects outside this Bestand (other Körperschaften, list URLs) are
        reported too — as ``warning`` (the target may exist elsewhere); a reference to an object
        of the wrong class is an ``error``. Findings come in Bestand order (top-level objects,
        each followed by its embedded ones; fields in declaration order).

        The references are collected and resolved (id → class of the object it names) on the
        first call and kept with the Bestand (:class:`_Verweise`); each call checks every
        reference's resolved class against the classes its field allows.
        """
        v = self._abgeleitet_von("bestand.verweise", _Verweise)
        findings: list[Finding] = []
        namen = _CLASS_NAMES
        for i, (cls, targets) in enumerate(zip(v.zielklassen, v.erwartet, strict=True)):
            if cls is not None:
                got = namen.get(cls)
                if got is None:
                    got = _class_names(cls)
                if not got.isdisjoint(targets):
                    continue
            # where it stands: the k-th reference of the object that holds it
            j = bisect.bisect_right(v.ab, i) - 1
            item, owner, path = v.halter[j]
            ref, targets, name, index = next(
                itertools.islice(_verweise_von(item), i - v.ab[j], None)
            )
            where = f"{path}.{name}" if index < 0 else f"{path}.{name}[{index}]"
            findings.append(_dangling(owner, where, ref, targets, cls))
        return findings


class _Verweise:
    """Every reference of a Bestand, resolved (built on first use, kept with the Bestand).

    Reference ``i`` (in Bestand order: top-level objects, each followed by its embedded ones;
    fields in declaration order) names an object of class ``zielklassen[i]`` (None: not in the
    Bestand) and may name one of ``erwartet[i]``: two flat lists, read front to back by
    :meth:`Bestand.referenzen_pruefen`, which never has to visit the targets themselves (at
    10^5 objects each visit would be a cache miss). The object holding it is
    ``halter[j]`` = (object, owner id, path) for the last ``j`` with ``ab[j] <= i``.
    """

    __slots__ = ("ab", "erwartet", "halter", "zielklassen")

    def __init__(self, b: Bestand) -> None:
        refs: list[str] = []
        self.erwartet: list[tuple[str, ...]] = []
        self.ab = array.array("Q")
        self.halter: list[tuple[Any, str, str]] = []
        erwartet, ab, halter = self.erwartet, self.ab, self.halter
        for obj in b._top.values():
            for path, item in _walk(obj, "$"):
                n = len(refs)
                for name, targets in _ref_fields(item.__class__):  # as _verweise_von(item)
                    value = getattr(item, name)
                    if value is None:
                        continue
                    if value.__class__ is tuple:
                        refs.extend(value)
                        erwartet.extend([targets] * len(value))
                    else:
                        refs.append(value)
                        erwartet.append(targets)
                if len(refs) > n:
                    ab.append(n)
                    halter.append((item, obj.id, path))
        get = b._by_id.get
        self.zielklassen: list[type[Any] | None] = [
            None if (target := get(ref)) is None else target.__class__ for ref in refs
        ]


def _dangling(
    owner: str, path: str, ref: str, targets: tuple[str, ...], target: type[Any] | None
) -> Finding:
    """The finding for reference ``ref`` at ``path``; ``target``: the class of the object it
    resolves to (None: not in the Bestand)."""
    if target is None:
        return Finding(
            code="REFERENZ_UNAUFGELOEST",
            severity=Severity.WARNING,
            message=f"Verweis auf {ref!r} ({' / '.join(targets)}) ist im Bestand nicht vorhanden",
            path=path,
            object_id=owner,
            rechtsgrundlage="OParl 1.1 §2.3 (URLs als Verweise)",
        )
    return Finding(
        code="REFERENZ_UNAUFGELOEST",
        severity=Severity.ERROR,
        message=f"Verweis auf {ref!r} zeigt auf ein {target.__name__}, "
        f"erwartet {' / '.join(targets)}",
        path=path,
        object_id=owner,
        rechtsgrundlage="OParl 1.1 §2.3 (URLs als Verweise)",
    )
