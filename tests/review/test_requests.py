"""Opinion requests as the coordinator manages them: asking again with a new due date, asking
from the list, withdrawing, and following a request the agency is drafting."""

from datetime import date

import pytest
from django.contrib.messages import get_messages

from camket.lib.concurrency import StaleEdit
from camket.review import services
from camket.review.models import Assessment

DRAFT = {"comment": "SECRET draft wording", "proposed_response": "noted"}


def _request_a(world) -> Assessment:
    return Assessment.objects.get(recommendation=world.sent_to_a, agency=world.agency_a)


def _draft(world) -> Assessment:
    assessment = _request_a(world)
    services.save_assessment(world.officer_a, assessment, DRAFT, version=assessment.version)
    assessment.refresh_from_db()
    return assessment


def _messages(response) -> str:
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


def _coordinator(client, world):
    client.force_login(world.coordinator)
    return client


@pytest.mark.parametrize("state", ["requested", "draft"])
def test_asking_again_gives_an_open_request_the_new_due_date_and_says_so(world, client, state):
    assessment = _draft(world) if state == "draft" else _request_a(world)
    version = assessment.version

    response = _coordinator(client, world).post(
        f"/recommendations/{world.sent_to_a.pk}/send/",
        {"agencies": [world.agency_a.pk, world.agency_b.pk], "due_on": "2025-03-31"},
    )

    assessment.refresh_from_db()
    assert assessment.due_on == date(2025, 3, 31)
    # The agency's draft and the version it is editing are left alone.
    assert (assessment.state, assessment.comment, assessment.version) == (
        state,
        DRAFT["comment"] if state == "draft" else "",
        version,
    )
    latest = assessment.history.latest()
    assert latest.history_user == world.coordinator
    assert latest.history_change_reason == "Asked again with a new answer due date"
    text = _messages(response)
    assert "1 request(s) for an opinion sent." in text
    assert "1 due date(s) of open requests updated." in text


def test_asking_again_without_a_new_due_date_says_nothing_changed(world, client):
    services.send_for_review(
        world.coordinator, [world.sent_to_a], [world.agency_b], due_on=date(2025, 3, 31)
    )

    response = _coordinator(client, world).post(
        f"/recommendations/{world.sent_to_a.pk}/send/",
        {"agencies": [world.agency_b.pk], "due_on": "2025-03-31"},
    )

    assert "1 left unchanged" in _messages(response)
    assert _request_a(world).history.count() == 1


def test_the_list_sends_with_an_answer_due_date(world, client):
    client = _coordinator(client, world)
    page = client.get("/recommendations/").content.decode()
    assert 'id="bulk-due-on" name="due_on"' in page

    client.post(
        "/recommendations/bulk/",
        {
            "action": "send",
            "ids": [world.published.pk, world.sent_to_a.pk],
            "agencies": [world.agency_a.pk],
            "due_on": "2025-04-30",
        },
    )

    assert set(
        Assessment.objects.filter(agency=world.agency_a).values_list("recommendation", "due_on")
    ) == {(world.published.pk, date(2025, 4, 30)), (world.sent_to_a.pk, date(2025, 4, 30))}


def test_the_coordinator_sees_a_drafted_request_in_progress_but_not_the_draft(world, client):
    assessment = _draft(world)

    response = _coordinator(client, world).get(f"/recommendations/{world.sent_to_a.pk}/")

    content = response.content.decode()
    row = next(r for r in response.context["opinion_requests"] if r.pk == assessment.pk)
    assert row.content_hidden and not row.readable
    assert "In progress" in content
    assert world.agency_a.name in content
    assert "SECRET" not in content
    assert (row.proposed_response, row.comment) == ("", "")  # built without the draft
    assert f'action="/assessments/{assessment.pk}/withdraw/"' in content


def test_the_agency_still_reads_its_own_draft_in_the_table(world, client):
    _draft(world)
    client.force_login(world.officer_a)

    content = client.get(f"/recommendations/{world.sent_to_a.pk}/").content.decode()

    assert "SECRET draft wording" in content
    assert "/withdraw/" not in content


@pytest.mark.parametrize("state", ["requested", "draft"])
def test_the_coordinator_withdraws_an_open_request_with_history(world, client, state):
    assessment = _draft(world) if state == "draft" else _request_a(world)

    response = _coordinator(client, world).post(f"/assessments/{assessment.pk}/withdraw/")

    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.state == "withdrawn"
    latest = assessment.history.latest()
    assert (latest.state, latest.history_user) == ("withdrawn", world.coordinator)
    assert "was withdrawn" in _messages(response)
    assert services.open_assessments_for(world.officer_a).count() == 0
    # The withdrawn request stays in the coordinator's table, with no button and no content.
    page = client.get(f"/recommendations/{world.sent_to_a.pk}/")
    assert "/withdraw/" not in page.content.decode()
    assert "SECRET" not in page.content.decode()
    assert [r.state for r in page.context["opinion_requests"]] == ["withdrawn"]


def test_a_submitted_opinion_is_not_withdrawn(world, client):
    assessment = _request_a(world)
    services.save_assessment(
        world.officer_a, assessment, DRAFT, version=assessment.version, submit=True
    )

    response = _coordinator(client, world).post(f"/assessments/{assessment.pk}/withdraw/")

    assessment.refresh_from_db()
    assert assessment.state == "submitted"
    assert "cannot be withdrawn" in _messages(response)
    page = client.get(f"/recommendations/{world.sent_to_a.pk}/").content.decode()
    assert "/withdraw/" not in page


def test_withdrawing_refuses_a_request_submitted_meanwhile(world):
    opened = _request_a(world)
    submitted = _request_a(world)
    services.save_assessment(
        world.officer_a, submitted, DRAFT, version=submitted.version, submit=True
    )

    with pytest.raises(StaleEdit):
        services.withdraw_request(world.coordinator, opened)
    assert _request_a(world).state == "submitted"
