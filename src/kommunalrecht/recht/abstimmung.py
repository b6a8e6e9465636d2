"""Pure functions for quorum, vote results and minority rights under a Geschäftsordnung.

These are what the rules (``regeln``) and the procedure state machines (``verfahren``) call.
Each reads the relevant section of a :class:`~kommunalrecht.recht.Geschaeftsordnung`, so
the Land's semantics come from its profile (:func:`kommunalrecht.recht.profil`):

* Beschlussfähigkeit -- § 49 GO NRW / § 34 KrO NRW (> ½ of the gesetzliche Mitgliederzahl
  present), Art. 47 BayGO (majority present *and* stimmberechtigt), § 37 Abs. 2-3 GemO BW
  (≥ ½ present and stimmberechtigt; ≥ ¼ if more than half befangen; 2nd meeting ≥ 3),
  § 65 NKomVG, § 53 HGO, § 39 SächsGemO.
* Abstimmung -- § 50 Abs. 1 GO NRW, Art. 51 Abs. 1 / Art. 48 Abs. 1 S. 2 BayGO,
  § 37 Abs. 6 GemO BW, § 66 Abs. 1 NKomVG, § 54 Abs. 1 HGO: a tie means Ablehnung;
  abstentions and invalid votes do not count unless configured otherwise.
* Minority right to an agenda item -- § 48 Abs. 1 S. 2 GO NRW, § 33 Abs. 1 S. 2 KrO NRW,
  § 36 Abs. 5 SächsGemO, § 34 Abs. 1 GemO BW.

The fiction of Beschlussfähigkeit (deemed beschlussfähig until festgestellt / angezweifelt)
is a matter of procedure: :func:`beschlussfaehig` returns the *actual* quorum.

>>> from kommunalrecht.recht import Geschaeftsordnung
>>> go = Geschaeftsordnung()
>>> beschlussfaehig(go, gesetzliche_mitglieder=81, anwesend=41)
True
>>> ergebnis(go, ja=20, nein=20, enthaltung=5)
False
"""

from __future__ import annotations

import math
from fractions import Fraction

from kommunalrecht.errors import ConfigError, Finding, Severity, ValidationError
from kommunalrecht.recht.geschaeftsordnung import (
    Anwesenheit,
    Befangenheitsquorum,
    Enthaltungen,
    Geschaeftsordnung,
    Mehrheit,
    QuorumBasis,
    Schwelle,
    ZweiteSitzung,
)

__all__ = ["antragsrecht", "beschlussfaehig", "ergebnis", "mindestzahl"]


def _count(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(name, "a non-negative int", value)
    return value


def _go(go: object) -> Geschaeftsordnung:
    if not isinstance(go, Geschaeftsordnung):
        raise ConfigError("go", "a Geschaeftsordnung", go)
    return go


def mindestzahl(anteil: Fraction, basis: int, *, strikt: bool = False) -> int:
    """The smallest head count that reaches ``anteil`` of ``basis`` (``strikt``: exceeds it).

    >>> mindestzahl(Fraction(1, 5), 80), mindestzahl(Fraction(1, 2), 81, strikt=True)
    (16, 41)
    >>> mindestzahl(Fraction(1, 2), 80), mindestzahl(Fraction(1, 2), 80, strikt=True)
    (40, 41)
    """
    basis = _count("basis", basis)
    if not isinstance(anteil, Fraction):
        raise ConfigError("anteil", "a fractions.Fraction", anteil)
    wert = anteil * basis
    if strikt:
        return math.floor(wert) + 1
    return math.ceil(wert)


def beschlussfaehig(
    go: Geschaeftsordnung,
    *,
    gesetzliche_mitglieder: int,
    anwesend: int,
    stimmberechtigt_anwesend: int | None = None,
    befangen: int = 0,
    ist_mitglieder: int | None = None,
    zweite_sitzung: bool = False,
    hinweis_in_ladung: bool = True,
) -> bool:
    """Whether the body has a quorum under ``go.beschlussfaehigkeit``.

    ``gesetzliche_mitglieder``: the legal number of members (including a chair who is a
    member, e.g. BM in NRW, § 40 Abs. 2 GO NRW); ``anwesend``: members present;
    ``stimmberechtigt_anwesend``: present and entitled to vote on this item (default
    ``anwesend - befangen``); ``befangen``: members excluded by Befangenheit;
    ``ist_mitglieder``: actual members if ``basis`` is ``ist`` (default: gesetzliche).
    ``zweite_sitzung``: the item was postponed for lack of quorum and the body re-convened on
    it; the special rule applies only with ``hinweis_in_ladung`` where the GeschO requires
    the hint (§ 49 Abs. 2 GO NRW, § 53 Abs. 2 HGO, § 65 Abs. 2 NKomVG, § 37 Abs. 3 GemO BW).

    >>> from kommunalrecht.recht import profil
    >>> from kommunalrecht.model import Land
    >>> bw = profil(Land.BW).geschaeftsordnung
    >>> beschlussfaehig(bw, gesetzliche_mitglieder=20, anwesend=10)       # ≥ ½
    True
    >>> beschlussfaehig(bw, gesetzliche_mitglieder=20, anwesend=10, befangen=1)
    False
    >>> beschlussfaehig(bw, gesetzliche_mitglieder=20, anwesend=3, zweite_sitzung=True)
    True
    >>> beschlussfaehig(bw, gesetzliche_mitglieder=20, anwesend=15, befangen=11)  # ≥ ¼
    False
    >>> beschlussfaehig(bw, gesetzliche_mitglieder=20, anwesend=16, befangen=11)
    True
    """
    regeln = _go(go).beschlussfaehigkeit
    gesetzlich = _count("gesetzliche_mitglieder", gesetzliche_mitglieder)
    anwesend = _count("anwesend", anwesend)
    befangen = _count("befangen", befangen)
    if stimmberechtigt_anwesend is None:
        stimmberechtigt = max(0, anwesend - befangen)
    else:
        stimmberechtigt = _count("stimmberechtigt_anwesend", stimmberechtigt_anwesend)
    if stimmberechtigt > anwesend:
        raise ConfigError(
            "stimmberechtigt_anwesend", f"at most anwesend ({anwesend})", stimmberechtigt
        )
    ist = gesetzlich if ist_mitglieder is None else _count("ist_mitglieder", ist_mitglieder)
    if anwesend > max(gesetzlich, ist):
        raise ConfigError("anwesend", f"at most the number of members ({gesetzlich})", anwesend)

    zaehlt = (
        stimmberechtigt if regeln.zaehlt is Anwesenheit.ANWESEND_UND_STIMMBERECHTIGT else anwesend
    )
    if zweite_sitzung and (hinweis_in_ladung or not regeln.hinweis_erforderlich):
        if regeln.zweite_sitzung is ZweiteSitzung.ANY:
            return True
        if regeln.zweite_sitzung is ZweiteSitzung.MIN_3:
            return stimmberechtigt >= 3
    basis = gesetzlich if regeln.basis is QuorumBasis.GESETZLICH else ist
    if 2 * befangen > basis:
        if regeln.befangenheit is Befangenheitsquorum.ALWAYS:
            return True
        if regeln.befangenheit is Befangenheitsquorum.MIN_QUARTER:
            return stimmberechtigt >= mindestzahl(Fraction(1, 4), basis)
    strikt = regeln.schwelle is Schwelle.GT_HALF
    return zaehlt >= mindestzahl(Fraction(1, 2), basis, strikt=strikt)


def ergebnis(
    go: Geschaeftsordnung,
    *,
    ja: int,
    nein: int,
    enthaltung: int = 0,
    ungueltig: int = 0,
    gesetzliche_mitglieder: int | None = None,
    mehrheit: Mehrheit | None = None,
) -> bool:
    """Whether a motion is adopted (``True``) under ``go.abstimmung``.

    ``mehrheit`` overrides the regular majority (e.g. ``TWO_THIRDS_OF_LEGAL_MEMBERS`` for an
    in-meeting agenda extension under § 58 Abs. 2 HGO). A tie is Ablehnung (§ 50 Abs. 1 S. 2
    GO NRW, § 66 Abs. 1 S. 2 NKomVG, § 54 Abs. 1 S. 2 HGO, Art. 51 Abs. 1 BayGO). Invalid
    votes never count (§ 54 Abs. 1 S. 3 HGO). Abstentions are left out (``excluded``), count
    as votes cast (``counted_as_no``), or -- where abstaining is forbidden (Art. 48 Abs. 1
    S. 2 BayGO) -- raise :class:`~kommunalrecht.errors.ValidationError` with a Finding
    ``STIMMENTHALTUNG_UNZULAESSIG`` so a rule can report it. Majorities of the legal member
    number need ``gesetzliche_mitglieder``.

    >>> from kommunalrecht.recht import profil
    >>> from kommunalrecht.model import Land
    >>> go = profil(Land.NI).geschaeftsordnung
    >>> ergebnis(go, ja=1, nein=0, enthaltung=19)
    True
    >>> ergebnis(go, ja=30, nein=0, gesetzliche_mitglieder=46,
    ...          mehrheit=Mehrheit.TWO_THIRDS_OF_LEGAL_MEMBERS)
    False
    >>> ergebnis(profil(Land.BY).geschaeftsordnung, ja=5, nein=3, enthaltung=1)
    Traceback (most recent call last):
    ...
    kommunalrecht.errors.ValidationError: 1 Befund(e):
      error STIMMENTHALTUNG_UNZULAESSIG at $: 1 Stimmenthaltung(en), ... [Art. 48 Abs. 1 S. 2 BayGO]
    """
    regeln = _go(go).abstimmung
    ja = _count("ja", ja)
    nein = _count("nein", nein)
    enthaltung = _count("enthaltung", enthaltung)
    _count("ungueltig", ungueltig)
    if mehrheit is None:
        mehrheit = regeln.mehrheit
    if not isinstance(mehrheit, Mehrheit):
        raise ConfigError("mehrheit", "a Mehrheit", mehrheit)
    if regeln.enthaltungen is Enthaltungen.FORBIDDEN and enthaltung:
        raise ValidationError(
            [
                Finding(
                    code="STIMMENTHALTUNG_UNZULAESSIG",
                    severity=Severity.ERROR,
                    message=f"{enthaltung} Stimmenthaltung(en), die Geschäftsordnung verbietet"
                    " Stimmenthaltung",
                    rechtsgrundlage="Art. 48 Abs. 1 S. 2 BayGO",
                )
            ]
        )
    gegen = nein + (enthaltung if regeln.enthaltungen is Enthaltungen.COUNTED_AS_NO else 0)
    if mehrheit is Mehrheit.SIMPLE:
        return ja > gegen
    if mehrheit is Mehrheit.TWO_THIRDS:
        return ja > 0 and 3 * ja >= 2 * (ja + gegen)
    if gesetzliche_mitglieder is None:
        raise ConfigError("gesetzliche_mitglieder", f"an int (needed for {mehrheit.value})", None)
    gesetzlich = _count("gesetzliche_mitglieder", gesetzliche_mitglieder)
    if mehrheit is Mehrheit.OF_LEGAL_MEMBERS:
        return ja > gegen and 2 * ja > gesetzlich
    return ja > gegen and 3 * ja >= 2 * gesetzlich


def antragsrecht(
    go: Geschaeftsordnung,
    *,
    gesetzliche_mitglieder: int,
    unterstuetzer: int = 0,
    fraktion: bool = False,
    vorsitz_ist_mitglied: bool = True,
) -> bool:
    """Whether an Antrag must be put on the agenda because a minority demands it.

    True if it comes from a Fraktion (where ``go.antrag.fraktion``), from enough members
    (``go.antrag.quorum`` of ``gesetzliche_mitglieder``, counted without the chair if
    ``go.antrag.quorum_ohne_vorsitz`` and ``vorsitz_ist_mitglied``), or from any single
    member where the GeschO grants it (``go.antrag.einzelmitglied``). Whether it was filed in
    time is :func:`kommunalrecht.recht.antragsfrist`.

    >>> from kommunalrecht.recht import Geschaeftsordnung
    >>> go = Geschaeftsordnung()   # § 33 Abs. 1 S. 2 KrO NRW: Fraktion or 1/5
    >>> antragsrecht(go, gesetzliche_mitglieder=81, fraktion=True)
    True
    >>> antragsrecht(go, gesetzliche_mitglieder=81, unterstuetzer=15), antragsrecht(
    ...     go, gesetzliche_mitglieder=81, unterstuetzer=16)
    (False, True)
    """
    regeln = _go(go).antrag
    gesetzlich = _count("gesetzliche_mitglieder", gesetzliche_mitglieder)
    unterstuetzer = _count("unterstuetzer", unterstuetzer)
    if not isinstance(fraktion, bool):
        raise ConfigError("fraktion", "a bool", fraktion)
    if fraktion and regeln.fraktion:
        return True
    if regeln.einzelmitglied and unterstuetzer >= 1:
        return True
    basis = gesetzlich - 1 if (regeln.quorum_ohne_vorsitz and vorsitz_ist_mitglied) else gesetzlich
    return unterstuetzer >= max(1, mindestzahl(regeln.quorum, max(basis, 0)))
