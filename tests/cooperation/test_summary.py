from datetime import date

from django.test import Client

from camket.cooperation import services, summary
from camket.frameworks.states import StateResolver


def _add(world, direction, kind, partner, dated_on, status="open", agency=None):
    return services.create_request(None, {
        "direction": direction, "kind": kind, "partner": StateResolver().resolve(partner),
        "dated_on": dated_on, "status": status,
        "responsible_agency": agency or world.agency_a})


def _small_set(world):
    _add(world, "received", "extradition", "Republic of Korea", date(2024, 2, 1))
    _add(world, "received", "extradition", "Republic of Korea", date(2024, 8, 1), "executed",
         world.agency_b)
    _add(world, "received", "extradition", "Australia", date(2024, 9, 1), "refused")
    _add(world, "sent", "mutual_legal_assistance", "Australia", date(2024, 3, 1))
    _add(world, "sent", "mutual_legal_assistance", "Australia", date(2025, 1, 2))


def test_counts_per_year_direction_type_and_partner(world):
    _small_set(world)
    cells = {(c.year, c.direction, c.kind, c.partner): c.count for c in summary.by_partner()}
    assert cells == {(2024, "received", "extradition", "AUS"): 1,
                     (2024, "received", "extradition", "KOR"): 2,
                     (2024, "sent", "mutual_legal_assistance", "AUS"): 1,
                     (2025, "sent", "mutual_legal_assistance", "AUS"): 1}
    statuses = {(r["year"], r["type"], r["status"]): r["count"] for r in summary.by_status(2024)}
    assert statuses == {(2024, "extradition", "executed"): 1, (2024, "extradition", "open"): 1,
                        (2024, "extradition", "refused"): 1,
                        (2024, "mutual_legal_assistance", "open"): 1}
    table = summary.year_tables(summary.by_partner(2024))
    assert [(row.year, row.direction, row.total) for row in table] == [
        (2024, "received", 3), (2024, "sent", 1)]


def test_public_face_has_no_partner_and_hides_small_cells(world, settings):
    _small_set(world)
    assert summary.public_summary()["cells"] == [
        {"year": 2024, "direction": "received", "type": "extradition", "count": 3},
        {"year": 2024, "direction": "sent", "type": "mutual_legal_assistance", "count": 1},
        {"year": 2025, "direction": "sent", "type": "mutual_legal_assistance", "count": 1}]
    settings.CAMKET_COOPERATION_PUBLIC_MIN = 2
    assert summary.public_summary() == {"minimum": 2, "cells": [
        {"year": 2024, "direction": "received", "type": "extradition", "count": 3}]}


def test_public_page_follows_the_portal_switch_and_new_requests(world, settings):
    client = Client()
    assert "No figures" in client.get("/public/cooperation/").content.decode()
    _add(world, "sent", "extradition", "Australia", date(2022, 5, 5))
    assert "2022" in client.get("/public/cooperation/").content.decode()  # cache renewed
    settings.CAMKET_PUBLIC_PORTAL = False
    assert client.get("/public/cooperation/").status_code == 404
    assert client.get("/api/public/cooperation/summary").status_code == 404


def test_the_internal_summary_is_for_signed_in_members(world):
    _small_set(world)
    assert Client().get("/cooperation/summary/").status_code == 302
    assert Client().get("/api/cooperation/summary").status_code == 401
    viewer = Client()
    viewer.force_login(world.viewer)
    page = viewer.get("/cooperation/summary/?year=2024").content.decode()
    assert "Republic of Korea" in page and "2025" not in page.split("<table")[1]
