"""Who may enter an item's Vietnamese text, in the web UI and the API, per persona."""

import pytest

from camket.accounts.models import ApiToken
from camket.frameworks.models import Recommendation
from camket.translations.services import may_translate

# On `world.published`, after make_plan_world: action_a (agency A leads it) implements it.
EXPECTED = {
    "coordinator": True,
    "officer_a": True,
    "officer_b": False,
    "viewer": False,
    "anonymous": False,
}


def _user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def _post(client, world, persona, recommendation, text):
    user = getattr(world, persona)
    if persona != "anonymous":
        client.force_login(user)
    return client.post(
        f"/recommendations/{recommendation.pk}/translation/",
        {"text_vi": text, "version": recommendation.version},
    )


@pytest.mark.parametrize("persona", list(EXPECTED))
def test_who_may_translate_in_the_web_ui(plan_world, client, persona):
    world = plan_world.world
    item = world.published
    response = _post(client, world, persona, item, "Văn bản mới của " + persona)
    item.refresh_from_db()
    if EXPECTED[persona]:
        assert response.status_code == 302
        assert item.text_vi == "Văn bản mới của " + persona
    else:
        assert response.status_code in (302, 403, 404)
        if persona == "anonymous":
            assert "/accounts/login/" in response["Location"]
        assert item.text_vi == "Tiếp tục nỗ lực phòng, chống mua bán người."


@pytest.mark.parametrize("persona", list(EXPECTED))
def test_who_may_translate_through_the_api(plan_world, client, persona):
    world = plan_world.world
    item = world.published
    user = getattr(world, persona)
    headers = {}
    if persona != "anonymous":
        headers = {"Authorization": f"Bearer {ApiToken.issue(user, 'tests')[1]}"}
    response = client.put(
        f"/api/recommendations/{item.pk}/translation",
        {"text_vi": "Bản dịch qua API", "version": item.version},
        content_type="application/json",
        headers=headers,
    )
    item.refresh_from_db()
    if EXPECTED[persona]:
        assert response.status_code == 200, response.content
        assert response.json()["text_vi"] == "Bản dịch qua API"
        assert item.text_vi == "Bản dịch qua API"
    else:
        assert response.status_code in (401, 403)
        assert item.text_vi != "Bản dịch qua API"


def test_an_agency_asked_for_its_opinion_may_translate(world):
    assert may_translate(world.officer_a, world.sent_to_a)
    assert not may_translate(world.officer_b, world.sent_to_a)
    # Nothing ties agency A to the published item without a plan: it may not.
    assert not may_translate(world.officer_a, world.published)


def test_a_coordinator_of_another_framework_may_not(world):
    assert may_translate(world.coordinator, world.published)
    assert not may_translate(world.mps_coordinator, world.published)


def test_the_form_is_offered_only_to_who_may_translate(plan_world, client):
    world = plan_world.world
    for persona, offered in (("officer_a", True), ("officer_b", False), ("viewer", False)):
        client.force_login(getattr(world, persona))
        page = client.get(f"/recommendations/{world.published.pk}/").content.decode()
        assert ('name="text_vi"' in page) is offered, persona
        client.logout()


def test_a_draft_unseen_by_the_agency_is_not_found(plan_world, client):
    world = plan_world.world
    client.force_login(_user("officer_b"))
    response = client.post(
        f"/recommendations/{world.draft.pk}/translation/",
        {"text_vi": "x", "version": world.draft.version},
    )
    assert response.status_code == 404
    assert Recommendation.objects.get(pk=world.draft.pk).text_vi == ""
