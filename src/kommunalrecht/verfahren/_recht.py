"""Guards that ask the law: Ladungsfrist, Beschlussfähigkeit, majority, Nachbehandlung.

Each guard returns ``None`` (the transition may happen) or a German reason citing the norm and
the GeschO key that decided; the transition then raises :class:`~kommunalrecht.TransitionError`
with that reason. The law itself is computed by :mod:`kommunalrecht.recht`
(:func:`~kommunalrecht.recht.ladungsfrist`, :func:`~kommunalrecht.recht.ladung_zugang`,
:func:`~kommunalrecht.recht.beschlussfaehig`, :func:`~kommunalrecht.recht.ergebnis`); this
module only words the refusal. ``go`` may be a
:class:`~kommunalrecht.recht.Geschaeftsordnung` or a :class:`~kommunalrecht.recht.Landesprofil`
(then its Land and its norm citations are used). Sources: ``reference/kommunalrecht-regeln.md``
§2.1, §2.4, §2.5, §2.7, §4.
"""

from __future__ import annotations

import datetime as _dt
import zoneinfo
from fractions import Fraction

from .. import fristen, recht
from ..errors import ConfigError, FristError, ValidationError
from ..model import Abstimmung, Land, Sitzung
from ..recht import (
    Anwesenheit,
    Beschlussfaehigkeitsfiktion,
    Geschaeftsordnung,
    Landesprofil,
    Mehrheit,
    Nachbehandlung,
    QuorumBasis,
    Schwelle,
)

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")

_NORM = {
    "ladung.frist": "§ 47 Abs. 2 S. 1 GO NRW, § 32 Abs. 2 KrO NRW: die Frist bestimmt die GeschO",
    "beschlussfaehigkeit": "§ 49 Abs. 1 GO NRW, § 34 KrO NRW",
    "abstimmung.mehrheit": "§ 50 Abs. 1 GO NRW, § 35 KrO NRW",
}

GoArg = Geschaeftsordnung | Landesprofil


def geschaeftsordnung(go: object) -> Geschaeftsordnung:
    """The Geschaeftsordnung of ``go`` (a GeschO or a Landesprofil)."""
    if isinstance(go, Landesprofil):
        return go.geschaeftsordnung
    if isinstance(go, Geschaeftsordnung):
        return go
    raise ConfigError("go", "a recht.Geschaeftsordnung or a recht.Landesprofil", go)


def norm(go: GoArg, key: str) -> str:
    """Citation for ``key``: the profile's norm, else the NRW default wording."""
    if isinstance(go, Landesprofil):
        return go.norm(key).zitat
    return _NORM.get(key, _NORM.get(key.split(".")[0], "GeschO"))


def lokaler_tag(am: _dt.datetime) -> _dt.date:
    """The calendar day of ``am`` in Europe/Berlin."""
    return am.astimezone(BERLIN).date()


def _land(go: GoArg, land: Land | None, braucht: bool) -> Land:
    if land is not None:
        return land
    if isinstance(go, Landesprofil):
        return go.land
    if braucht:
        raise FristError(
            "land", "a Land (the GeschO counts Werktage or moves days off holidays)", None
        )
    return Land.NW  # only Kalendertage count: no Land's holidays can change the result


def ladungsfrist(
    sitzung: Sitzung, go: GoArg, land: Land | None
) -> tuple[fristen.Frist | None, str | None]:
    """The Ladungsfrist for ``sitzung`` and a refusal reason if the Ladung missed it.

    The Zugang is ``sitzung.einladung_zugang`` if known, else the Zugang of a Ladung sent on
    ``einladungsdatum`` under ``go.ladung.zugang``; a Sitzung marked ``dringlich`` is measured
    against the shortened Frist ``go.ladung.dringlich``.
    """
    g = geschaeftsordnung(go)
    tag = sitzung.tag
    if tag is None:
        return None, "der Sitzungstag ist unbekannt; die Ladungsfrist kann nicht geprüft werden"
    dringlich = bool(sitzung.dringlich)
    schluessel = "ladung.dringlich" if dringlich else "ladung.frist"
    regel = g.ladung.dringlich if dringlich else g.ladung.frist
    land_ = _land(
        go, land, regel.werktage or regel.verschieben or g.ladung.zugang.fiktion_verschieben
    )
    if sitzung.einladung_zugang is not None:
        zugang = sitzung.einladung_zugang
        zugang_text = f"Zugang der Ladung am {fristen.tag_text(zugang)}"
    elif sitzung.einladungsdatum is not None:
        zugang = recht.ladung_zugang(g, sitzung.einladungsdatum, land=land_).datum
        zugang_text = (
            f"Ladung vom {fristen.tag_text(sitzung.einladungsdatum)}, Zugang "
            f"({g.ladung.zugang.art.value}) am {fristen.tag_text(zugang)}"
        )
    else:
        return None, "keine Ladung bekannt (einladungsdatum und einladung_zugang fehlen)"
    zitat = norm(go, schluessel)
    frist = recht.ladungsfrist(
        g, tag, land=land_, dringlich=dringlich, rechtsgrundlage=f"GeschO {schluessel}; {zitat}"
    )
    if frist.erfuellt_durch(zugang):
        return frist, None
    art = "Werktage" if regel.werktage else "Kalendertage"
    voll = "volle " if regel.zaehlung is fristen.Zaehlung.VOLLE_TAGE else ""
    verkuerzt = " (verkürzte Frist bei Dringlichkeit)" if dringlich else ""
    return frist, (
        f"Ladungsfrist nicht eingehalten{verkuerzt}: {zugang_text}, erforderlich spätestens "
        f"{fristen.tag_text(frist.datum)} ({regel.tage} {voll}{art} vor dem Sitzungstag "
        f"{fristen.tag_text(tag)}; GeschO {schluessel}; {zitat})"
    )


def beschlussfaehigkeit(
    go: GoArg,
    abstimmung: Abstimmung | None,
    *,
    mitglieder: int | None,
    wiederholungssitzung: bool = False,
) -> str | None:
    """``None`` if the body is beschlussfähig for this vote, else the reason.

    Known counts decide (:func:`kommunalrecht.recht.beschlussfaehig`). Where the attendance or
    the gesetzliche Mitgliederzahl is unknown, the GeschO's fiction decides
    (``beschlussfaehigkeit.fiktion``: deemed beschlussfähig until the contrary is festgestellt,
    § 49 Abs. 1 S. 2 GO NRW); without a fiction the guard refuses.
    """
    g = geschaeftsordnung(go)
    r = g.beschlussfaehigkeit
    zitat = norm(go, "beschlussfaehigkeit")
    anwesend = None if abstimmung is None else abstimmung.anwesend
    if anwesend is None or mitglieder is None:
        if r.fiktion is Beschlussfaehigkeitsfiktion.NONE:
            fehlt = "die Anwesenheit" if anwesend is None else "die gesetzliche Mitgliederzahl"
            return (
                f"Beschlussfähigkeit nicht feststellbar: {fehlt} ist unbekannt und die GeschO "
                f"kennt keine Fiktion (beschlussfaehigkeit.fiktion = none; {zitat})"
            )
        return None
    assert abstimmung is not None
    ok = recht.beschlussfaehig(
        g,
        gesetzliche_mitglieder=mitglieder,
        anwesend=anwesend,
        stimmberechtigt_anwesend=abstimmung.stimmberechtigt_anwesend,
        befangen=abstimmung.befangen,
        zweite_sitzung=wiederholungssitzung,
    )
    if ok:
        return None
    wer = (
        "anwesend und stimmberechtigt"
        if r.zaehlt is Anwesenheit.ANWESEND_UND_STIMMBERECHTIGT
        else "anwesend"
    )
    strikt = r.schwelle is Schwelle.GT_HALF
    noetig = recht.mindestzahl(Fraction(1, 2), mitglieder, strikt=strikt)
    basis = "gesetzlichen " if r.basis is QuorumBasis.GESETZLICH else ""
    return (
        f"nicht beschlussfähig: {anwesend} von {mitglieder} {basis}Mitgliedern {wer}, "
        f"erforderlich {'mehr als' if strikt else 'mindestens'} die Hälfte ({noetig}; "
        f"beschlussfaehigkeit.schwelle = {r.schwelle.value}; {zitat})"
    )


def auszaehlen(
    go: GoArg,
    abstimmung: Abstimmung,
    *,
    mitglieder: int | None,
    mehrheit: Mehrheit | None = None,
) -> tuple[bool | None, str]:
    """Decide a vote by the GeschO's majority rule: ``(angenommen, text)``; ``angenommen`` is
    ``None`` when the vote cannot be decided (forbidden abstentions, missing Mitgliederzahl)."""
    g = geschaeftsordnung(go)
    m = mehrheit or g.abstimmung.mehrheit
    zitat = norm(go, "abstimmung.mehrheit")
    zahl = f"{abstimmung.ja} Ja, {abstimmung.nein} Nein, {abstimmung.enthaltung} Enthaltung(en)"
    try:
        ok = recht.ergebnis(
            g,
            ja=abstimmung.ja,
            nein=abstimmung.nein,
            enthaltung=abstimmung.enthaltung,
            ungueltig=abstimmung.ungueltig,
            gesetzliche_mitglieder=mitglieder,
            mehrheit=m,
        )
    except ValidationError as exc:
        f = exc.findings[0]
        return None, f"Abstimmung ungültig: {f.message} ({f.rechtsgrundlage})"
    except ConfigError:
        return None, (
            f"die Mehrheit {m.value} bezieht sich auf die gesetzliche Mitgliederzahl, die nicht "
            "angegeben ist (mitglieder=)"
        )
    wort = "angenommen" if ok else "abgelehnt (Stimmengleichheit gilt als Ablehnung)"
    if not ok and abstimmung.ja != abstimmung.nein:
        wort = "abgelehnt"
    return ok, f"{wort}: {zahl} (abstimmung.mehrheit = {m.value}; {zitat})"


def nachbehandlung(regel: Landesprofil | Nachbehandlung) -> tuple[Nachbehandlung, str]:
    """What follows a Dringlichkeitsentscheidung, and the norm."""
    if isinstance(regel, Landesprofil):
        return regel.dringlichkeit.nachbehandlung, regel.norm("dringlichkeit").zitat
    if isinstance(regel, Nachbehandlung):
        zitat = {
            Nachbehandlung.GENEHMIGUNG: "§ 60 Abs. 1 GO NRW, § 50 Abs. 3 KrO NRW",
            Nachbehandlung.KENNTNISGABE: "Art. 37 Abs. 3 BayGO",
            Nachbehandlung.NICHT_VORGESEHEN: "Landesrecht",
        }[regel]
        return regel, zitat
    raise ConfigError("regel", "a recht.Landesprofil or a recht.Nachbehandlung", regel)
