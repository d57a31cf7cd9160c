"""Framework pages per persona: everyone reading sees the list; coordinators create; only a
framework's coordinators edit it; officers, viewers and anonymous are refused."""

import pytest
from django.urls import reverse

from camket.frameworks.models import Framework

PERSONAS = ["coordinator", "officer_a", "officer_b", "viewer"]
NEW = {
    "slug": "strategy-crime",
    "name": "Crime prevention strategy 2016–2025",
    "name_vi": "Chiến lược phòng, chống tội phạm",
    "kind": "strategy",
    "level_lines": "Objective\nTask | Nhiệm vụ cụ thể",
    "starts_on": "2016-01-01",
    "ends_on": "2025-12-31",
    "description": "",
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_list_shows_frameworks_with_kind_and_counts(client, world, persona):
    client.force_login(getattr(world, persona))
    page = client.get(reverse("framework-list")).content.decode()
    assert "UPR Viet Nam cycle 4" in page and "UPR cycle" in page
    # The coordinator counts the three items; others the ones they may see
    count = {"coordinator": 3, "officer_a": 2, "officer_b": 1, "viewer": 1}[persona]
    assert f"<td>{count}</td>" in page
    assert (reverse("framework-create") in page) == (persona == "coordinator")
    assert (reverse("framework-edit", args=["upr-vn-4"]) in page) == (persona == "coordinator")


@pytest.mark.parametrize("persona", PERSONAS)
def test_create_only_coordinators(client, world, persona):
    client.force_login(getattr(world, persona))
    response = client.post(reverse("framework-create"), NEW)
    if persona != "coordinator":
        assert response.status_code == 403
        assert not Framework.objects.filter(slug="strategy-crime").exists()
        return
    assert response.status_code == 302, response.content.decode()[:3000]
    framework = Framework.objects.get(slug="strategy-crime")
    assert [(level.name, level.name_vi) for level in framework.level_list()] == [
        ("Objective", "Mục tiêu"),
        ("Task", "Nhiệm vụ cụ thể"),
    ]
    assert framework.has_response is False  # from the kind
    assert framework.history.latest().history_user == world.coordinator


@pytest.mark.parametrize("persona", PERSONAS)
def test_edit_only_the_framework_s_coordinators(client, world, persona):
    client.force_login(getattr(world, persona))
    url = reverse("framework-edit", args=["upr-vn-4"])
    form = client.get(url)
    assert form.status_code == (200 if persona == "coordinator" else 403)
    response = client.post(
        url,
        {
            "name": "UPR cycle 4 (renamed)",
            "kind": "upr_cycle",
            "level_lines": "Recommendation | Khuyến nghị",
            "has_response": "on",
            "has_recommending_states": "on",
            "version": world.framework.version,
            "cycle": "4",
        },
    )
    world.framework.refresh_from_db()
    if persona != "coordinator":
        assert response.status_code == 403
        assert world.framework.name == "UPR Viet Nam cycle 4"
        return
    assert response.status_code == 302
    assert world.framework.name == "UPR cycle 4 (renamed)"
    assert world.framework.levels == []  # still the kind's levels
    assert world.framework.has_indicators is False
    record = world.framework.history.latest()
    assert record.history_user == world.coordinator and record.name == "UPR cycle 4 (renamed)"


def test_a_stale_edit_is_refused_and_keeps_the_input(client, world):
    client.force_login(world.coordinator)
    url = reverse("framework-edit", args=["upr-vn-4"])
    data = {"name": "First", "kind": "upr_cycle", "version": world.framework.version}
    assert client.post(url, data).status_code == 302
    page = client.post(url, {**data, "name": "Second"})
    assert page.status_code == 200 and "Someone else saved this" in page.content.decode()
    world.framework.refresh_from_db()
    assert world.framework.name == "First"


def test_a_coordinator_of_another_agency_cannot_edit_the_upr(client, world):
    mps_coordinator = world.mps_coordinator
    client.force_login(mps_coordinator)
    url = reverse("framework-edit", args=["upr-vn-4"])
    assert client.get(url).status_code == 403
    page = client.get(reverse("framework-list")).content.decode()
    assert url not in page
    # It creates the drug programme for its own ministry, and then edits it
    response = client.post(
        reverse("framework-create"),
        {
            **NEW,
            "slug": "drug-programme",
            "kind": "programme",
            "level_lines": "",
            "coordinating_agency": world.agency_a.pk,
        },
    )
    assert response.status_code == 302
    assert client.get(reverse("framework-edit", args=["drug-programme"])).status_code == 200
    client.force_login(world.coordinator)  # the foreign ministry does not coordinate it
    assert client.get(reverse("framework-edit", args=["drug-programme"])).status_code == 404


def test_levels_that_would_strand_items_are_refused(client, world):
    client.force_login(world.coordinator)
    world.framework.recommendations.filter(reference="1.2").update(level=1)
    response = client.post(
        reverse("framework-edit", args=["upr-vn-4"]),
        {"name": "UPR", "kind": "upr_cycle", "version": world.framework.version},
    )
    assert response.status_code == 200
    assert "it needs at least 2 levels" in response.content.decode()


def test_anonymous_is_sent_to_sign_in(client, world):
    for url in (
        reverse("framework-list"),
        reverse("framework-create"),
        reverse("framework-edit", args=["upr-vn-4"]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(reverse("framework-create"), NEW).status_code == 302
    assert not Framework.objects.filter(slug="strategy-crime").exists()


def test_unknown_framework_is_404(client, world):
    client.force_login(world.coordinator)
    assert client.get(reverse("framework-edit", args=["nothing"])).status_code == 404
