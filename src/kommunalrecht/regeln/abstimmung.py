"""Rules on votes: Beschlussfähigkeit, majority, abstentions, Befangenheit.

Each rule reads a TOP's :class:`~kommunalrecht.Beschluss` and its
:class:`~kommunalrecht.Abstimmung` (Ja / Nein / Enthaltung / ungültig / befangen, attendance)
and asks :func:`kommunalrecht.recht.beschlussfaehig` / :func:`kommunalrecht.recht.ergebnis`
under the Geschäftsordnung in force. Sources: ``reference/kommunalrecht-regeln.md`` §2.4-2.6:
§§ 49, 50 GO NRW [V], §§ 34, 35 KrO NRW [M]; Art. 47, 48, 49, 51 BayGO [V/M]; §§ 18, 37 GemO BW
[V]; §§ 41, 65, 66 NKomVG [V]; §§ 25, 53, 54 HGO [V]; §§ 20, 39 SächsGemO [M].
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import recht
from ..errors import ConfigError, Finding, Severity, ValidationError
from ..model import (
    Abstimmung,
    Abstimmungsart,
    Beschluss,
    BeschlussErgebnis,
    Sitzung,
    Tagesordnungspunkt,
)
from ..recht import Befangenheitsfolge, Beschlussfaehigkeitsfiktion, Enthaltungen
from ._kontext import Kontext
from ._registry import regel

__all__ = ["befangenheit", "beschlussfaehigkeit", "enthaltung_unzulaessig", "mehrheit"]

_ANGENOMMEN = {
    BeschlussErgebnis.UNGEAENDERT_BESCHLOSSEN,
    BeschlussErgebnis.GEAENDERT_BESCHLOSSEN,
    BeschlussErgebnis.EMPFOHLEN,
}
_ABGELEHNT = {BeschlussErgebnis.ABGELEHNT, BeschlussErgebnis.NICHT_EMPFOHLEN}


def _abstimmungen(
    k: Kontext,
) -> Iterator[tuple[Sitzung, Tagesordnungspunkt, Beschluss, Abstimmung]]:
    for s, tops in zip(k.sitzungen, k.tops_je_sitzung, strict=True):
        for t in tops:
            b = t.beschluss
            if b is not None and b.abstimmung is not None:
                yield s, t, b, b.abstimmung


def _festgestellt(b: Beschluss) -> bool | None:
    if b.ergebnis in _ANGENOMMEN:
        return True
    if b.ergebnis in _ABGELEHNT:
        return False
    return None


def _gezaehlt(a: Abstimmung) -> bool:
    return a.abgegeben > 0


def _angenommen(
    k: Kontext, a: Abstimmung, gesetzlich: int | None, *, ja: int, nein: int
) -> bool | None:
    """The vote result under the GeschO (None if not computable)."""
    assert k.go is not None
    enth = 0 if k.go.abstimmung.enthaltungen is Enthaltungen.FORBIDDEN else a.enthaltung
    try:
        return recht.ergebnis(
            k.go,
            ja=ja,
            nein=nein,
            enthaltung=enth,
            ungueltig=a.ungueltig,
            gesetzliche_mitglieder=gesetzlich,
        )
    except (ConfigError, ValidationError):
        return None


def _gesetzlich(k: Kontext, s: Sitzung) -> int | None:
    g = k.sitzungsgremium(s)
    return g.gesetzliche_mitgliederzahl if g is not None else None


def _beschlussfaehig(
    k: Kontext,
    s: Sitzung,
    gesetzlich: int,
    anwesend: int,
    befangen: int,
    stimmb: int | None = None,
) -> bool | None:
    assert k.go is not None
    if stimmb is not None and stimmb > anwesend:
        stimmb = None
    try:
        return recht.beschlussfaehig(
            k.go,
            gesetzliche_mitglieder=gesetzlich,
            anwesend=anwesend,
            stimmberechtigt_anwesend=stimmb,
            befangen=befangen,
            zweite_sitzung=bool(s.wiederholungssitzung),
        )
    except ConfigError:
        return None


@regel(
    "BESCHLUSSFAEHIGKEIT",
    Severity.ERROR,
    "Beschlussfähigkeit bei der Abstimmung",
    schluessel="beschlussfaehigkeit",
    norm_fallback="GeschO (Beschlussfähigkeit)",
)
def beschlussfaehigkeit(k: Kontext) -> Iterator[Finding]:
    """The body had a quorum when it voted (``go.beschlussfaehigkeit``;
    :func:`kommunalrecht.recht.beschlussfaehig`): NRW > ½ of the gesetzliche Mitgliederzahl
    present (§ 49 Abs. 1 GO NRW [V], § 34 KrO NRW [M]); BY majority present *and*
    stimmberechtigt (Art. 47 Abs. 2 [V]); BW/SN ≥ ½ present and stimmberechtigt, ≥ ¼ if more
    than half are befangen, second meeting ≥ 3 (§ 37 Abs. 2-3 GemO BW [V]); NI, HE (§ 65
    NKomVG, § 53 HGO [V]). A Sitzung marked ``wiederholungssitzung`` gets the second-meeting
    rule (the hint in the Ladung is assumed).

    Needs the vote's ``anwesend`` and the Gremium's ``gesetzliche_mitgliederzahl``; without
    them no finding. Severity: **error** where no fiction applies (BY, BW, SN); **warning**
    where the body is deemed beschlussfähig until the lack of quorum is festgestellt /
    angezweifelt (NRW, HE, NI) — the record does not say whether that happened.
    Inconsistent counts (more present than members) → info "nicht prüfbar".
    """
    go = k.go
    if go is None:
        return
    for s, t, b, a in _abstimmungen(k):
        if a.anwesend is None or _festgestellt(b) is None:
            continue
        gesetzlich = _gesetzlich(k, s)
        if gesetzlich is None:
            continue
        ok = _beschlussfaehig(k, s, gesetzlich, a.anwesend, a.befangen, a.stimmberechtigt_anwesend)
        if ok is None:
            yield k.nicht_pruefbar(
                t,
                "beschluss.abstimmung.anwesend",
                f"Anwesenheit ({a.anwesend}) passt nicht zur gesetzlichen Mitgliederzahl "
                f"({gesetzlich})",
            )
            continue
        if ok:
            continue
        fiktion = go.beschlussfaehigkeit.fiktion
        text = f"Nicht beschlussfähig: {a.anwesend} von {gesetzlich} Mitgliedern anwesend" + (
            f", {a.befangen} befangen" if a.befangen else ""
        )
        if fiktion is Beschlussfaehigkeitsfiktion.NONE:
            yield k.befund(
                t, "beschluss.abstimmung.anwesend", text + "; der Beschluss ist unwirksam"
            )
        else:
            bis = (
                "festgestellt"
                if fiktion is Beschlussfaehigkeitsfiktion.UNTIL_FESTGESTELLT
                else "angezweifelt"
            )
            yield k.befund(
                t,
                "beschluss.abstimmung.anwesend",
                text + f"; das Gremium gilt als beschlussfähig, bis die Beschlussunfähigkeit "
                f"{bis} ist — ob das geschah, ist nicht erfasst",
                severity=Severity.WARNING,
            )


@regel(
    "MEHRHEIT",
    Severity.ERROR,
    "Mehrheit und festgestelltes Ergebnis",
    schluessel="abstimmung.mehrheit",
    norm_fallback="GeschO (Mehrheit)",
)
def mehrheit(k: Kontext) -> Iterator[Finding]:
    """A recorded result (beschlossen / empfohlen vs. abgelehnt / nicht empfohlen) matches the
    vote under the GeschO's majority rule: more Ja than Nein; a tie is Ablehnung (§ 50 Abs. 1
    S. 2 GO NRW [V], Art. 51 Abs. 1 BayGO [M], § 37 Abs. 6 GemO BW [V secondary], § 66 Abs. 1
    NKomVG [V], § 54 Abs. 1 HGO [V], § 39 Abs. 6 SächsGemO [V]); abstentions per Land
    (``abstimmung.enthaltungen``: not counted in NRW [M], NI, HE, BW; forbidden in BY — then
    left out here and reported by ``ENTHALTUNG_UNZULAESSIG``); invalid votes never count.

    Error when the recorded result and the vote disagree. No finding when no votes are
    recorded (all counts 0) or the result is not a decision (vertagt, zur Kenntnis …);
    a majority of the legal member number without known member number → info.
    """
    go = k.go
    if go is None:
        return
    for s, t, b, a in _abstimmungen(k):
        fest = _festgestellt(b)
        if fest is None or not _gezaehlt(a):
            continue
        gesetzlich = _gesetzlich(k, s)
        erg = _angenommen(k, a, gesetzlich, ja=a.ja, nein=a.nein)
        if erg is None:
            yield k.nicht_pruefbar(
                t, "beschluss.abstimmung", "die erforderliche Mehrheit ist nicht berechenbar"
            )
            continue
        if erg == fest:
            continue
        stimmen = f"Ja {a.ja}, Nein {a.nein}, Enthaltungen {a.enthaltung}"
        if a.ja == a.nein and fest:
            grund = "Stimmengleichheit bedeutet Ablehnung"
        elif fest:
            grund = "die erforderliche Mehrheit ist nicht erreicht"
        else:
            grund = "die erforderliche Mehrheit ist erreicht"
        yield k.befund(
            t,
            "beschluss.ergebnis",
            f"Festgestelltes Ergebnis {b.ergebnis.value!r} passt nicht zur Abstimmung "  # type: ignore[union-attr]
            f"({stimmen}): {grund}",
        )


@regel(
    "ENTHALTUNG_UNZULAESSIG",
    Severity.ERROR,
    "Stimmenthaltung unzulässig",
    schluessel="abstimmung.enthaltungen",
    normen={},
    norm_fallback="GeschO (Stimmenthaltung)",
)
def enthaltung_unzulaessig(k: Kontext) -> Iterator[Finding]:
    """No member may abstain where the law forbids it (``abstimmung.enthaltungen =
    "forbidden"``): Art. 48 Abs. 1 S. 2 BayGO [V] (Ordnungsgeld, Abs. 2).

    Error for every recorded vote with Enthaltungen > 0 under such a GeschO; secret ballots
    (Wahlen, where a blank ballot is ungültig, Art. 51 Abs. 3 BayGO) are not checked.
    """
    go = k.go
    if go is None or go.abstimmung.enthaltungen is not Enthaltungen.FORBIDDEN:
        return
    for _, t, _b, a in _abstimmungen(k):
        if a.enthaltung > 0 and a.art is not Abstimmungsart.GEHEIM:
            yield k.befund(
                t,
                "beschluss.abstimmung.enthaltung",
                f"{a.enthaltung} Stimmenthaltung(en): kein Mitglied darf sich der Stimme enthalten",
            )


@regel(
    "BEFANGENHEIT",
    Severity.ERROR,
    "Mitwirkung befangener Mitglieder",
    schluessel="befangenheit.folge",
    norm_fallback="GeschO / Gemeindeordnung (Befangenheit)",
)
def befangenheit(k: Kontext) -> Iterator[Finding]:
    """Members who are befangen for a TOP (``Tagesordnungspunkt.befangene``) must not take
    part in the vote. Those who did not leave are the befangene not listed among the vote's
    excluded members (``Abstimmung.befangene``; without ids: more befangene than the count
    ``Abstimmung.befangen``). The effect follows the Land (``befangenheit.folge``):

    * ``invalid_if_decisive`` — NRW § 31 Abs. 6 GO [V], BY Art. 49 Abs. 4 [V], NI § 41 Abs. 6
      [V]: "decisive" test — recompute the vote with their votes taken from the winning side
      (how they voted is not recorded; only then could they be decisive) and the quorum
      without them. Decisive → **error** (unwirksam); not decisive → **warning**.
    * ``unlawful_always`` — BW § 18 Abs. 6 GemO [V], SN § 20 [M]: **error** regardless of
      causality (healing after ``heilung_monate``).
    * ``void_heals_after_6_months`` — HE § 25 Abs. 6 HGO [V]: **error** (unwirksam; deemed
      valid after 6 months unless objected); ``void`` — RP § 22 Abs. 6 GemO: **error**.

    Not checked without a recorded vote (participation in the deliberation alone is not
    recorded).
    """
    go = k.go
    if go is None:
        return
    folge = go.befangenheit.folge
    for s, t, b, a in _abstimmungen(k):
        if not t.befangene:
            continue
        befangene = list(dict.fromkeys(t.befangene))
        if a.befangene:
            mitwirkend = len([p for p in befangene if p not in set(a.befangene)])
        else:
            mitwirkend = max(0, len(befangene) - a.befangen)
        if mitwirkend == 0:
            continue
        wer = f"{mitwirkend} befangene(s) Mitglied(er) hat/haben mitgewirkt"
        if folge is Befangenheitsfolge.INVALID_IF_DECISIVE:
            entscheidend = _entscheidend(k, s, b, a, mitwirkend)
            if entscheidend is None:
                yield k.befund(
                    t,
                    "befangene",
                    wer + "; ob die Mitwirkung entscheidend war, ist nicht prüfbar (Abstimmung "
                    "oder Anwesenheit nicht erfasst)",
                    severity=Severity.WARNING,
                )
            elif entscheidend:
                yield k.befund(
                    t,
                    "befangene",
                    wer + f"; ohne sie {entscheidend}: die Mitwirkung war entscheidend, der "
                    "Beschluss ist unwirksam",
                )
            else:
                yield k.befund(
                    t,
                    "befangene",
                    wer + "; die Mitwirkung war nicht entscheidend (Ergebnis und "
                    "Beschlussfähigkeit bleiben ohne sie gleich), der Beschluss bleibt wirksam",
                    severity=Severity.WARNING,
                )
        elif folge is Befangenheitsfolge.UNLAWFUL_ALWAYS:
            heilung = go.befangenheit.heilung_monate
            yield k.befund(
                t,
                "befangene",
                wer + "; der Beschluss ist rechtswidrig, unabhängig davon, ob die Mitwirkung "
                "entscheidend war" + (f" (Heilung nach {heilung} Monaten)" if heilung else ""),
            )
        elif folge is Befangenheitsfolge.VOID_HEALS_AFTER_6_MONTHS:
            yield k.befund(
                t,
                "befangene",
                wer + "; der Beschluss ist unwirksam, gilt aber nach "
                f"{go.befangenheit.heilung_monate or 6} Monaten als von Anfang an wirksam, "
                "wenn nicht widersprochen oder beanstandet wurde",
            )
        else:
            yield k.befund(t, "befangene", wer + "; der Beschluss ist unwirksam")


def _entscheidend(k: Kontext, s: Sitzung, b: Beschluss, a: Abstimmung, n: int) -> str | bool | None:
    """A reason (truthy) if removing ``n`` participants could change result or quorum;
    False if not; None if not computable."""
    gesetzlich = _gesetzlich(k, s)
    geprueft = False
    if _gezaehlt(a):
        vorher = _angenommen(k, a, gesetzlich, ja=a.ja, nein=a.nein)
        if vorher is not None:
            geprueft = True
            if vorher:
                nachher = _angenommen(k, a, gesetzlich, ja=max(0, a.ja - n), nein=a.nein)
            else:
                nachher = _angenommen(k, a, gesetzlich, ja=a.ja, nein=max(0, a.nein - n))
            if nachher is not None and nachher != vorher:
                return "wäre das Abstimmungsergebnis ein anderes"
    if a.anwesend is not None and gesetzlich is not None:
        vorher_q = _beschlussfaehig(
            k, s, gesetzlich, a.anwesend, a.befangen, a.stimmberechtigt_anwesend
        )
        stimmb = a.stimmberechtigt_anwesend
        nachher_q = _beschlussfaehig(
            k,
            s,
            gesetzlich,
            max(0, a.anwesend - n),
            a.befangen,
            None if stimmb is None else max(0, stimmb - n),
        )
        if vorher_q is not None and nachher_q is not None:
            geprueft = True
            if vorher_q and not nachher_q:
                return "wäre das Gremium nicht beschlussfähig gewesen"
    return False if geprueft else None
