"""Dringlichkeitsentscheidungen: decisions taken instead of the competent body.

NRW: if the Rat cannot be convened in time, the Hauptausschuss decides; if not even that is
possible and delay would cause erhebliche Nachteile oder Gefahren, the Bürgermeister with one
Ratsmitglied (§ 60 Abs. 1 GO NRW; Kreis: Kreisausschuss / Landrat with one member, § 50 Abs. 3
KrO NRW). The decision must be submitted to the competent body at its next meeting for
Genehmigung; that body may aufheben it unless Rechte Dritter have already arisen. In Bavaria
the Erste Bürgermeister decides dringliche Anordnungen and only informs the council
(Kenntnisgabe, no Genehmigung, Art. 37 Abs. 3 BayGO). Sources:
``reference/kommunalrecht-regeln.md`` §2.7, §3.4. The procedure lives in
:mod:`kommunalrecht.verfahren.dringlichkeit`.
"""

from __future__ import annotations

import datetime as _dt

import attrs

from ._base import (
    Objekt,
    VerlaufEintrag,
    f_datum,
    f_enum_field,
    f_flag,
    f_many,
    f_ref,
    f_refs,
    f_text,
)
from .status import Dringlichkeitsstatus

__all__ = ["Dringlichkeitsentscheidung"]


@attrs.frozen(kw_only=True)
class Dringlichkeitsentscheidung(Objekt):
    """A Dringlichkeits- or Eilentscheidung (no OParl type; travels as a vendor object).

    ``zustaendiges_gremium`` is the body whose matter was decided (Rat, Kreistag, Ausschuss)
    and which must approve it; ``entscheidendes_gremium`` the body that decided instead
    (Hauptausschuss, Kreisausschuss) or ``None`` when persons decided (``entscheidende``:
    Bürgermeister / Landrat and one member). ``datum`` is the day it was taken; ``sitzung`` the
    meeting it was submitted to; ``rechte_dritter`` whether Rechte Dritter have arisen from its
    execution (then it can no longer be aufgehoben, § 60 Abs. 1 S. 4 GO NRW).

    >>> import datetime as dt
    >>> d = Dringlichkeitsentscheidung(id="https://example.org/de/1",
    ...     gegenstand="Auftragsvergabe Notunterkunft", datum=dt.date(2021, 10, 4),
    ...     rechtsgrundlage="§ 50 Abs. 3 S. 1 KrO NRW")
    >>> d.rechtsgrundlage
    '§ 50 Abs. 3 S. 1 KrO NRW'
    """

    name: str | None = f_text()
    gegenstand: str | None = f_text()
    text: str | None = f_text()
    begruendung: str | None = f_text()
    rechtsgrundlage: str | None = f_text()
    datum: _dt.date | None = f_datum()
    zustaendiges_gremium: str | None = f_ref("Gremium")
    entscheidendes_gremium: str | None = f_ref("Gremium")
    entscheidende: tuple[str, ...] = f_refs("Person")
    drucksache: str | None = f_ref("Drucksache")
    sitzung: str | None = f_ref("Sitzung")
    rechte_dritter: bool | None = f_flag()
    status: Dringlichkeitsstatus | None = f_enum_field(Dringlichkeitsstatus)
    verlauf: tuple[VerlaufEintrag, ...] = f_many(VerlaufEintrag)
