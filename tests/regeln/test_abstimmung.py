"""BESCHLUSSFAEHIGKEIT, MEHRHEIT, ENTHALTUNG_UNZULAESSIG, BEFANGENHEIT per Land profile."""

from __future__ import annotations

import datetime as dt

import pytest

import kommunalrecht as kr
from kommunalrecht.model import Land

from ._bau import B, beschluss, bestand, nur, sitzung, top

TAG = dt.date(2021, 11, 16)
E = kr.BeschlussErgebnis


def _mk(
    land: Land,
    ergebnis: kr.BeschlussErgebnis,
    mitglieder: int = 41,
    befangene: tuple[str, ...] = (),
    wiederholung: bool | None = None,
    **abst: object,
) -> kr.Bestand:
    t = top("t", beschluss=beschluss(ergebnis, **abst), befangene=befangene)
    return bestand(
        sitzung("s", TAG, tops=(t,), wiederholungssitzung=wiederholung),
        land=land,
        mitglieder=mitglieder,
    )


# ------------------------------------------------------------------ MEHRHEIT


@pytest.mark.parametrize("land", [Land.NW, Land.NI, Land.HE, Land.BW, Land.SN, Land.BY])
def test_tie_is_ablehnung_everywhere(land: Land) -> None:
    tie_beschlossen = _mk(land, E.UNGEAENDERT_BESCHLOSSEN, ja=10, nein=10, anwesend=25)
    (f,) = nur("MEHRHEIT", tie_beschlossen)
    assert f.severity is kr.Severity.ERROR
    assert "Stimmengleichheit bedeutet Ablehnung" in f.message
    assert f.path == "$.tagesordnung[0].beschluss.ergebnis"
    assert nur("MEHRHEIT", _mk(land, E.ABGELEHNT, ja=10, nein=10, anwesend=25)) == []


def test_abstentions_do_not_count_nw_ni() -> None:
    # 1 Ja, 0 Nein, 19 Enthaltungen = adopted (not counted for the majority)
    for land in (Land.NW, Land.NI, Land.HE):
        assert (
            nur("MEHRHEIT", _mk(land, E.UNGEAENDERT_BESCHLOSSEN, ja=1, enthaltung=19, anwesend=25))
            == []
        )
        assert nur("MEHRHEIT", _mk(land, E.ABGELEHNT, ja=1, enthaltung=19, anwesend=25))
    # a GeschO counting them as Nein: rejected
    go = kr.Geschaeftsordnung.from_dict({"abstimmung": {"enthaltungen": "counted_as_no"}})
    assert nur(
        "MEHRHEIT",
        _mk(Land.NW, E.UNGEAENDERT_BESCHLOSSEN, ja=3, nein=1, enthaltung=5, anwesend=25),
        go=go,
    )


def test_mehrheit_norm_per_land_and_no_votes() -> None:
    f = nur("MEHRHEIT", _mk(Land.NW, E.UNGEAENDERT_BESCHLOSSEN, ja=1, nein=2))[0]
    assert f.rechtsgrundlage == "§ 50 Abs. 1 S. 1 GO NRW"
    f = nur("MEHRHEIT", _mk(Land.NI, E.UNGEAENDERT_BESCHLOSSEN, ja=1, nein=2))[0]
    assert f.rechtsgrundlage == "§ 66 Abs. 1 NKomVG"
    # no counts recorded / no decision: nothing to check
    assert nur("MEHRHEIT", _mk(Land.NW, E.UNGEAENDERT_BESCHLOSSEN)) == []
    assert nur("MEHRHEIT", _mk(Land.NW, E.VERTAGT, ja=1, nein=5)) == []


def test_majority_of_legal_members_without_number_not_checkable() -> None:
    go = kr.Geschaeftsordnung.from_dict({"abstimmung": {"mehrheit": "of_legal_members"}})
    b = kr.Bestand(
        [
            sitzung(
                "s",
                TAG,
                gremium=B + "fehlt",
                tops=(top("t", beschluss=beschluss(E.UNGEAENDERT_BESCHLOSSEN, ja=5, nein=1)),),
            )
        ]
    )
    (f,) = kr.validate(b, go=go, regeln=["MEHRHEIT"])
    assert f.severity is kr.Severity.INFO


# ------------------------------------------------------------------ ENTHALTUNG_UNZULAESSIG


def test_enthaltung_forbidden_in_by_only() -> None:
    by = _mk(Land.BY, E.UNGEAENDERT_BESCHLOSSEN, ja=10, nein=3, enthaltung=2, anwesend=21)
    (f,) = nur("ENTHALTUNG_UNZULAESSIG", by)
    assert f.severity is kr.Severity.ERROR
    assert f.rechtsgrundlage == "Art. 48 Abs. 1 S. 2 BayGO"
    assert (
        nur(
            "ENTHALTUNG_UNZULAESSIG",
            _mk(Land.BY, E.UNGEAENDERT_BESCHLOSSEN, ja=10, nein=3, anwesend=21),
        )
        == []
    )
    assert (
        nur(
            "ENTHALTUNG_UNZULAESSIG",
            _mk(Land.NW, E.UNGEAENDERT_BESCHLOSSEN, ja=10, nein=3, enthaltung=2),
        )
        == []
    )
    # secret ballots (Wahlen) are not checked; MEHRHEIT leaves abstentions out in BY
    geheim = _mk(
        Land.BY,
        E.UNGEAENDERT_BESCHLOSSEN,
        ja=10,
        nein=3,
        enthaltung=2,
        art=kr.Abstimmungsart.GEHEIM,
    )
    assert nur("ENTHALTUNG_UNZULAESSIG", geheim) == []
    assert nur("MEHRHEIT", by) == []


# ------------------------------------------------------------------ BESCHLUSSFAEHIGKEIT


def test_beschlussfaehigkeit_nw_fiction_warning() -> None:
    assert (
        nur("BESCHLUSSFAEHIGKEIT", _mk(Land.NW, E.UNGEAENDERT_BESCHLOSSEN, ja=15, anwesend=21))
        == []
    )
    (f,) = nur("BESCHLUSSFAEHIGKEIT", _mk(Land.NW, E.UNGEAENDERT_BESCHLOSSEN, ja=15, anwesend=20))
    assert f.severity is kr.Severity.WARNING  # deemed beschlussfähig until festgestellt
    assert f.rechtsgrundlage == "§ 49 Abs. 1 GO NRW"


def test_beschlussfaehigkeit_by_counts_stimmberechtigte() -> None:
    # 21 of 41 present but 2 befangen → 19 stimmberechtigt, not a majority: error (no fiction)
    b = _mk(Land.BY, E.UNGEAENDERT_BESCHLOSSEN, ja=15, anwesend=21, befangen=2)
    (f,) = nur("BESCHLUSSFAEHIGKEIT", b)
    assert f.severity is kr.Severity.ERROR
    assert f.rechtsgrundlage == "Art. 47 Abs. 2 BayGO"
    assert (
        nur("BESCHLUSSFAEHIGKEIT", _mk(Land.BY, E.UNGEAENDERT_BESCHLOSSEN, ja=15, anwesend=21))
        == []
    )


def test_beschlussfaehigkeit_bw_second_meeting_quorum_of_three() -> None:
    zwei = _mk(Land.BW, E.UNGEAENDERT_BESCHLOSSEN, ja=2, anwesend=2, wiederholung=True)
    (f,) = nur("BESCHLUSSFAEHIGKEIT", zwei)
    assert f.severity is kr.Severity.ERROR
    assert f.rechtsgrundlage == "§ 37 Abs. 2 GemO BW"
    drei = _mk(Land.BW, E.UNGEAENDERT_BESCHLOSSEN, ja=3, anwesend=3, wiederholung=True)
    assert nur("BESCHLUSSFAEHIGKEIT", drei) == []
    normal = _mk(Land.BW, E.UNGEAENDERT_BESCHLOSSEN, ja=3, anwesend=3)
    assert nur("BESCHLUSSFAEHIGKEIT", normal)


def test_beschlussfaehigkeit_inconsistent_counts_info() -> None:
    (f,) = nur("BESCHLUSSFAEHIGKEIT", _mk(Land.NW, E.ABGELEHNT, nein=1, anwesend=99))
    assert f.severity is kr.Severity.INFO


# ------------------------------------------------------------------ BEFANGENHEIT

P = B + "person/"


def test_befangenheit_nw_decisive_and_not_decisive() -> None:
    # 11:10 with one befangenes member voting → without it 10:10 = Ablehnung: decisive
    knapp = _mk(
        Land.NW, E.UNGEAENDERT_BESCHLOSSEN, befangene=(P + "x",), ja=11, nein=10, anwesend=25
    )
    (f,) = nur("BEFANGENHEIT", knapp)
    assert f.severity is kr.Severity.ERROR
    assert "entscheidend" in f.message and f.rechtsgrundlage == "§ 31 Abs. 6 GO NRW"
    klar = _mk(Land.NW, E.UNGEAENDERT_BESCHLOSSEN, befangene=(P + "x",), ja=20, nein=3, anwesend=25)
    (f,) = nur("BEFANGENHEIT", klar)
    assert f.severity is kr.Severity.WARNING
    # the befangene member left (counted as befangen): lawful
    raus = _mk(
        Land.NW,
        E.UNGEAENDERT_BESCHLOSSEN,
        befangene=(P + "x",),
        ja=11,
        nein=10,
        befangen=1,
        anwesend=25,
    )
    assert nur("BEFANGENHEIT", raus) == []


def test_befangenheit_decisive_for_quorum() -> None:
    # 21 of 41 present is exactly the quorum; without the befangene member: 20 → decisive
    b = _mk(Land.NW, E.UNGEAENDERT_BESCHLOSSEN, befangene=(P + "x",), ja=18, nein=2, anwesend=21)
    (f,) = nur("BEFANGENHEIT", b)
    assert f.severity is kr.Severity.ERROR and "beschlussfähig" in f.message


def test_befangenheit_with_ids_of_excluded_members() -> None:
    t = top(
        "t",
        befangene=(P + "x", P + "y"),
        beschluss=kr.Beschluss(
            ergebnis=E.UNGEAENDERT_BESCHLOSSEN,
            abstimmung=kr.Abstimmung(ja=11, nein=10, anwesend=25, befangen=1, befangene=(P + "x",)),
        ),
    )
    (f,) = nur("BEFANGENHEIT", bestand(sitzung("s", TAG, tops=(t,))))
    assert f.message.startswith("1 befangene")


@pytest.mark.parametrize(
    ("land", "norm", "text"),
    [
        (Land.BW, "§ 18 Abs. 6 GemO BW", "rechtswidrig"),
        (Land.HE, "§ 25 Abs. 6 HGO", "6 Monaten"),
        (Land.SN, "§ 20 SächsGemO", "rechtswidrig"),
    ],
)
def test_befangenheit_always_unlawful_elsewhere(land: Land, norm: str, text: str) -> None:
    b = _mk(land, E.UNGEAENDERT_BESCHLOSSEN, befangene=(P + "x",), ja=20, nein=3, anwesend=25)
    (f,) = nur("BEFANGENHEIT", b)
    assert f.severity is kr.Severity.ERROR
    assert f.rechtsgrundlage == norm and text in f.message
    ok = _mk(
        land,
        E.UNGEAENDERT_BESCHLOSSEN,
        befangene=(P + "x",),
        ja=20,
        nein=3,
        befangen=1,
        anwesend=25,
    )
    assert nur("BEFANGENHEIT", ok) == []


def test_befangenheit_void_and_unknown_vote() -> None:
    go = kr.Geschaeftsordnung.from_dict({"befangenheit": {"folge": "void"}})
    b = _mk(Land.NW, E.UNGEAENDERT_BESCHLOSSEN, befangene=(P + "x",), ja=20, nein=3, anwesend=25)
    assert "unwirksam" in nur("BEFANGENHEIT", b, go=go)[0].message
    # NW, no counts and no attendance: decisiveness not checkable → warning
    t = top(
        "t",
        befangene=(P + "x",),
        beschluss=kr.Beschluss(ergebnis=E.UNGEAENDERT_BESCHLOSSEN, abstimmung=kr.Abstimmung()),
    )
    (f,) = nur("BEFANGENHEIT", bestand(sitzung("s", TAG, tops=(t,))))
    assert f.severity is kr.Severity.WARNING and "nicht prüfbar" in f.message
