"""The suggestions page, deciding from the web, runs, near-duplicates and the detail page."""

import pytest

from camket.tagging.models import Suggestion, TaggingRun
from tests.personas import make_recommendation
from tests.tagging_texts import SUGGESTIONS_SEEN_BY, suggest_justice

SEES = SUGGESTIONS_SEEN_BY


@pytest.fixture
def suggested(world):
    return suggest_justice(world, step=0.2)


def as_persona(client, world, persona):
    client.force_login(getattr(world, persona))
    return client


@pytest.mark.parametrize("persona", sorted(SEES))
def test_the_list_shows_only_what_the_persona_may_see(client, world, suggested, persona):
    page = as_persona(client, world, persona).get("/suggestions/").content.decode()
    for name in suggested:
        assert (f"&lt;b&gt;{name}&lt;/b&gt;" in page) == (name in SEES[persona])
    assert "<b>" not in page
    assert ("Decide in bulk" in page) == (persona == "coordinator")


def test_anonymous_visitors_are_sent_to_sign_in(client, suggested):
    assert client.get("/suggestions/").status_code == 302


def test_the_coordinator_accepts_and_rejects_from_the_page(client, world, suggested):
    as_persona(client, world, "coordinator")
    response = client.post(
        f"/suggestions/{suggested['draft'].pk}/accept/", {"next": "/suggestions/"}
    )
    assert response.status_code == 302 and response.url == "/suggestions/"
    client.post(f"/suggestions/{suggested['published'].pk}/reject/")
    assert world.draft.categories.filter(name="Justice").exists()
    assert Suggestion.objects.get(pk=suggested["published"].pk).state == "rejected"
    response = client.post(f"/suggestions/{suggested['published'].pk}/accept/", follow=True)
    assert "Someone already decided" in response.content.decode()


@pytest.mark.parametrize("persona", ["officer_a", "viewer"])
def test_others_cannot_decide(client, world, suggested, persona):
    as_persona(client, world, persona)
    assert client.post(f"/suggestions/{suggested['published'].pk}/accept/").status_code == 403
    assert client.post(f"/suggestions/{suggested['draft'].pk}/accept/").status_code == 404
    assert client.post("/suggestions/bulk/", {"decision": "accept"}).status_code == 403
    assert client.post("/suggestions/runs/", {"job": "suggest"}).status_code == 403
    assert not Suggestion.objects.exclude(state="pending").exists()
    assert not TaggingRun.objects.exists()


def test_bulk_accept_above_a_threshold_and_selected_reject(client, world, suggested):
    as_persona(client, world, "coordinator")
    client.post("/suggestions/bulk/", {"decision": "accept", "threshold": "0.6"})
    assert {s.pk for s in Suggestion.objects.filter(state="accepted")} == {
        suggested["draft"].pk,
        suggested["sent_to_a"].pk,
    }
    client.post(
        "/suggestions/bulk/",
        {"decision": "reject", "scope": "selected", "ids": [suggested["published"].pk]},
    )
    assert Suggestion.objects.get(pk=suggested["published"].pk).state == "rejected"


def test_the_coordinator_queues_a_run(client, world):
    as_persona(client, world, "coordinator")
    client.post("/suggestions/runs/", {"job": "retrain"})
    assert TaggingRun.objects.get().job == "retrain"
    assert "Retrain the model" in client.get("/suggestions/").content.decode()


def test_detail_page_shows_suggestions_and_similar(client, world, suggested):
    twin = make_recommendation(world.framework, "1.9", world.published.text)
    page = (
        as_persona(client, world, "viewer")
        .get(f"/recommendations/{world.published.pk}/")
        .content.decode()
    )
    assert "&lt;b&gt;published&lt;/b&gt;" in page and "Justice" in page
    assert f"/recommendations/{twin.pk}/" in page
    assert f"?like={world.published.pk}" in page


def test_near_duplicates_page_offers_a_cluster(client, world):
    make_recommendation(world.framework, "1.9", world.published.text)
    page = (
        as_persona(client, world, "coordinator")
        .get("/review/duplicates/", {"framework": world.framework.slug})
        .content.decode()
    )
    assert "1.9" in page and '<button type="submit">Make a cluster' in page
    page = (
        as_persona(client, world, "viewer")
        .get("/review/duplicates/", {"framework": world.framework.slug})
        .content.decode()
    )
    assert "1.9" in page and '<button type="submit">Make a cluster' not in page


@pytest.mark.parametrize(
    "form",
    [
        {"threshold": "0.6"},  # no decision
        {"decision": "reject", "threshold": "abc"},  # no usable threshold
        {"decision": "reject"},  # no threshold at all
        {"decision": "reject", "threshold": "2"},  # out of range
        {"decision": "reject", "scope": "selected"},  # nothing ticked
    ],
)
def test_a_bulk_request_without_a_clear_limit_decides_nothing(client, world, suggested, form):
    as_persona(client, world, "coordinator")
    response = client.post("/suggestions/bulk/", form, follow=True)
    assert not Suggestion.objects.exclude(state="pending").exists()
    assert "messages" in response.content.decode() and "error" in response.content.decode()


def test_bulk_keeps_the_filters_shown(client, world, suggested):
    as_persona(client, world, "coordinator")
    client.post(
        "/suggestions/bulk/", {"decision": "reject", "threshold": "1", "max_confidence": "0.6"}
    )
    assert set(Suggestion.objects.filter(state="rejected")) == {suggested["published"]}


def test_a_second_run_waits_for_the_first(client, world):
    as_persona(client, world, "coordinator")
    client.post("/suggestions/runs/", {"job": "suggest"})
    response = client.post("/suggestions/runs/", {"job": "suggest"}, follow=True)
    assert TaggingRun.objects.count() == 1
    assert "already queued or running" in response.content.decode()


def test_archived_recommendations_have_no_suggestions_to_show(client, world, suggested):
    world.published.status = "archived"
    world.published.save()
    page = as_persona(client, world, "coordinator").get("/suggestions/").content.decode()
    assert "&lt;b&gt;published&lt;/b&gt;" not in page
    assert client.post(f"/suggestions/{suggested['published'].pk}/accept/").status_code == 404


def test_odd_like_values_are_ignored(client, world):
    page = as_persona(client, world, "viewer").get("/recommendations/", {"like": "abc"})
    assert page.status_code == 200 and world.published.reference in page.content.decode()


def test_reasons_read_in_the_page_language(client, world):
    from camket.frameworks.builtin.labels import UPR_INFO_ISSUES
    from camket.lib.vocabulary import CONFIRMED_SDG_REASON

    suggestion = suggest_justice(world, step=0.1)["published"]
    suggestion.reasons = ["Trafficking", CONFIRMED_SDG_REASON]
    suggestion.save()
    as_persona(client, world, "viewer")
    client.cookies["django_language"] = "vi"
    page = client.get("/suggestions/").content.decode()
    assert dict(UPR_INFO_ISSUES)["Trafficking"] in page and CONFIRMED_SDG_REASON not in page
    client.cookies["django_language"] = "en"
    page = client.get("/suggestions/").content.decode()
    assert ">Trafficking<" in page and "tagged so by people on similar recommendations" in page
