from datetime import date

from django.test import Client

from camket.cooperation import services, summary
from camket.frameworks.states import StateResolver


def _add(world, direction, kind, partner, dated_on, status="open", agency=None):
    return services.create_request(
        None,
        {
            "direction": direction,
            "kind": kind,
            "partner": StateResolver().resolve(partner),
            "dated_on": dated_on,
            "status": status,
            "responsible_agency": agency or world.agency_a,
        },
    )


def _small_set(world):
    _add(world, "received", "extradition", "Republic of Korea", date(2024, 2, 1))
    _add(
        world,
        "received",
        "extradition",
        "Republic of Korea",
        date(2024, 8, 1),
        "executed",
        world.agency_b,
    )
    _add(world, "received", "extradition", "Australia", date(2024, 9, 1), "refused")
    _add(world, "sent", "mutual_legal_assistance", "Australia", date(2024, 3, 1))
    _add(world, "sent", "mutual_legal_assistance", "Australia", date(2025, 1, 2))


def test_the_system_counts_every_request_by_partner_and_status(world):
    _small_set(world)
    cells = {(c.year, c.direction, c.kind, c.partner): c.count for c in summary.by_partner(None)}
    assert cells == {
        (2024, "received", "extradition", "AUS"): 1,
        (2024, "received", "extradition", "KOR"): 2,
        (2024, "sent", "mutual_legal_assistance", "AUS"): 1,
        (2025, "sent", "mutual_legal_assistance", "AUS"): 1,
    }
    statuses = {
        (r["year"], r["type"], r["status"]): r["count"] for r in summary.by_status(None, 2024)
    }
    assert statuses == {
        (2024, "extradition", "executed"): 1,
        (2024, "extradition", "open"): 1,
        (2024, "extradition", "refused"): 1,
        (2024, "mutual_legal_assistance", "open"): 1,
    }
    table = summary.year_tables(summary.by_type(2024))
    assert [(row.year, row.direction, row.total) for row in table] == [
        (2024, "received", 3),
        (2024, "sent", 1),
    ]


def test_partner_and_status_breakdowns_cover_only_the_readers_requests(world):
    _small_set(world)  # agency B handles one of the two 2024 extraditions from Korea
    by_type = {(c.year, c.direction, c.kind): c.count for c in summary.by_type()}
    for person in (world.officer_a, world.officer_b, world.viewer, world.coordinator):
        assert summary.internal_summary(person)["by_type"] == [
            cell.as_dict() for cell in summary.by_type()
        ]
    assert by_type[(2024, "received", "extradition")] == 3
    officer_b = summary.internal_summary(world.officer_b, 2024)
    assert officer_b["by_partner"] == [
        {
            "year": 2024,
            "direction": "received",
            "type": "extradition",
            "count": 1,
            "partner": "KOR",
            "partner_name": "Republic of Korea",
        }
    ]
    assert officer_b["by_status"] == [
        {"year": 2024, "type": "extradition", "status": "executed", "count": 1}
    ]
    assert officer_b["breakdowns_over"] == "visible"
    officer_a = {(c.partner, c.count) for c in summary.by_partner(world.officer_a, 2024)}
    assert officer_a == {("AUS", 1), ("KOR", 1)}  # the extradition and the MLA to Australia
    assert summary.by_partner(world.coordinator) == []  # the coordinating ministry handles none
    assert summary.by_status(world.viewer) == []  # nor does the viewer's agency
    assert summary.internal_summary(None)["breakdowns_over"] == "all"


def test_public_face_has_no_partner_and_hides_small_cells(world, settings):
    _small_set(world)
    assert summary.public_summary()["cells"] == [
        {"year": 2024, "direction": "received", "type": "extradition", "count": 3},
        {"year": 2024, "direction": "sent", "type": "mutual_legal_assistance", "count": 1},
        {"year": 2025, "direction": "sent", "type": "mutual_legal_assistance", "count": 1},
    ]
    settings.CAMKET_COOPERATION_PUBLIC_MIN = 2
    assert summary.public_summary() == {
        "minimum": 2,
        "cells": [{"year": 2024, "direction": "received", "type": "extradition", "count": 3}],
    }


def test_public_page_follows_the_portal_switch_and_new_requests(world, settings):
    client = Client()
    assert "No figures" in client.get("/public/cooperation/").content.decode()
    _add(world, "sent", "extradition", "Australia", date(2022, 5, 5))
    assert "2022" in client.get("/public/cooperation/").content.decode()  # cache renewed
    settings.CAMKET_PUBLIC_PORTAL = False
    assert client.get("/public/cooperation/").status_code == 404
    assert client.get("/api/public/cooperation/summary").status_code == 404


def _page(user, address="/cooperation/summary/?year=2024") -> str:
    client = Client()
    client.force_login(user)
    return client.get(address).content.decode()


def test_the_internal_summary_is_for_signed_in_members(world):
    _small_set(world)
    assert Client().get("/cooperation/summary/").status_code == 302
    assert Client().get("/api/cooperation/summary").status_code == 401
    page = _page(world.viewer)
    assert "Republic of Korea" not in page and "2025" not in page.split("<table")[1]
    assert "<td>2024</td>" in page and "the requests your agency handles" in page


def test_a_single_case_partner_and_status_reach_only_its_agency(world):
    """Agency A's only request: others learn that one extradition arrived in 2023, not from
    whom nor how it ended."""
    _add(world, "received", "extradition", "Republic of Korea", date(2023, 5, 1), "refused")
    for person in (world.viewer, world.officer_b, world.coordinator):
        page = _page(person, "/cooperation/summary/")
        assert "Republic of Korea" not in page and "Refused" not in page
        assert "<td>2023</td>" in page  # the year × direction × type count is still there
        client = Client()
        client.force_login(person)
        answer = client.get("/api/cooperation/summary").json()
        assert answer["by_partner"] == [] and answer["by_status"] == []
        assert answer["by_type"] == [
            {"year": 2023, "direction": "received", "type": "extradition", "count": 1}
        ]
    page = _page(world.officer_a, "/cooperation/summary/")
    assert "Republic of Korea" in page and "Refused" in page


def test_the_portal_menu_leads_to_the_yearly_counts(world):
    page = Client().get("/public/").content.decode()
    assert 'href="/public/cooperation/"' in page
