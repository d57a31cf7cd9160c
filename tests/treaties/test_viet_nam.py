"""Viet Nam's status ships as sourced data, is installed after `migrate`, and never overwrites
what a person or an import changed."""

import datetime

import pytest

from camket.frameworks.models import State
from camket.lib.history import attribute_change
from camket.treaties.models import Participation, Reservation
from camket.treaties.shipped import (
    SHIPPED_REASON,
    install_shipped_status,
    shipped_rows,
)

pytestmark = pytest.mark.django_db


def _status(key: str) -> Participation:
    return Participation.objects.get(state__iso3="VNM", instrument__key=key)


def test_viet_nam_is_a_state_after_migrate():
    assert State.objects.get(iso3="VNM").name == "Viet Nam"


@pytest.mark.parametrize(
    "key, action, joined",
    [
        ("ICCPR", "accession", datetime.date(1982, 9, 24)),
        ("ICESCR", "accession", datetime.date(1982, 9, 24)),
        ("ICERD", "accession", datetime.date(1982, 6, 9)),
        ("CEDAW", "ratification", datetime.date(1982, 2, 17)),
        ("CRC", "ratification", datetime.date(1990, 2, 28)),
        ("CAT", "ratification", datetime.date(2015, 2, 5)),
        ("CRPD", "ratification", datetime.date(2015, 2, 5)),
        ("UNTOC", "ratification", datetime.date(2012, 6, 8)),
        ("UNTOC-TIP", "accession", datetime.date(2012, 6, 8)),
        ("UNCAC", "ratification", datetime.date(2009, 8, 19)),
        ("DRUGS-1988", "accession", datetime.date(1997, 11, 4)),
    ],
)
def test_viet_nam_is_a_party(key, action, joined):
    status = _status(key)
    assert (status.party, status.status, status.action, status.status_date) == (
        True,
        "party",
        action,
        joined,
    )


@pytest.mark.parametrize(
    "key",
    [
        "OP-CAT",
        "ICCPR-OP1",
        "ICCPR-OP2",
        "CED",
        "ICRMW",
        "ROME-STATUTE",
        "UNTOC-SOM",
        "UNTOC-FIREARMS",
    ],
)
def test_viet_nam_is_not_a_party(key):
    status = _status(key)
    assert (status.party, status.status, status.status_date) == (False, "not_party", None)


def test_an_instrument_whose_status_is_not_sure_has_no_row():
    assert not Participation.objects.filter(
        state__iso3="VNM", instrument__key="CT-NUCLEAR-2005"
    ).exists()


def test_a_party_whose_date_was_not_verified_says_so():
    tokyo = _status("CT-TOKYO-1963")
    assert tokyo.party and tokyo.action_on is None
    assert "not verified" in tokyo.note


def test_every_shipped_row_has_a_source_and_a_source_address():
    rows = Participation.objects.filter(state__iso3="VNM")
    assert rows.count() == len(shipped_rows().statuses) > 30
    for status in rows:
        assert status.source and status.source_url.startswith("https://"), status.instrument
        assert status.history.get().history_change_reason == SHIPPED_REASON
        assert status.history.get().history_user is None


def test_in_force_dates_follow_joining():
    for status in Participation.objects.filter(state__iso3="VNM", in_force_on__isnull=False):
        assert status.action_on and status.in_force_on >= status.action_on, status.instrument


def test_reservations_ship_with_their_status():
    untoc = _status("UNTOC")
    assert set(untoc.reservations.values_list("kind", "article")) == {
        ("reservation", "35(2)"),
        ("declaration", ""),
        ("declaration", "16"),
    }
    assert Reservation.objects.filter(
        participation__instrument__key="UNCAC", kind="reservation", article="66(2)"
    ).exists()
    assert not Reservation.objects.filter(withdrawn=True).exists()


def test_installing_again_creates_and_changes_nothing():
    before = (Participation.history.count(), Reservation.history.count())
    result = install_shipped_status()
    assert (result.created, result.updated, result.kept) == (0, 0, [])
    assert (Participation.history.count(), Reservation.history.count()) == before


def test_a_row_a_person_changed_is_never_overwritten(world):
    iccpr = _status("ICCPR")
    iccpr.note = "Checked against the depositary by the ministry."
    iccpr.report_due_on = datetime.date(2030, 3, 1)
    attribute_change(iccpr, world.coordinator)
    iccpr.save()
    result = install_shipped_status()
    iccpr.refresh_from_db()
    assert iccpr.note == "Checked against the depositary by the ministry."
    assert iccpr.report_due_on == datetime.date(2030, 3, 1)
    assert "ICCPR" in result.kept


def test_a_deleted_row_comes_back_and_an_untouched_row_follows_the_file():
    _status("CED").delete()
    cat = _status("CAT")
    Participation.objects.filter(pk=cat.pk).update(note="an older shipped note")
    result = install_shipped_status()
    assert result.created == 1 and result.updated == 1
    assert _status("CED").status == "not_party"
    assert _status("CAT").note != "an older shipped note"


def test_a_fresh_database_without_viet_nam_gets_it_back():
    Participation.objects.filter(state__iso3="VNM").delete()
    State.objects.filter(iso3="VNM").delete()
    install_shipped_status()
    assert State.objects.get(iso3="VNM").name == "Viet Nam"
    assert _status("ICCPR").party


def test_a_reservation_a_person_deleted_does_not_come_back():
    Reservation.objects.get(participation__instrument__key="CEDAW", article="29(1)").delete()
    result = install_shipped_status()
    assert "CEDAW" in result.kept
    assert not Reservation.objects.filter(participation__instrument__key="CEDAW").exists()
