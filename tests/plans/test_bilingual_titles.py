"""Plans, actions and indicators carry a Vietnamese and an English title: both editable (web
form and API), each reader sees theirs, and the other language is marked when theirs is
missing."""

import pytest
from django.utils import translation

from camket.accounts.models import ApiToken
from camket.plans.models import Action, Indicator, Plan


@pytest.fixture
def coordinator_client(plan_world, client):
    client.force_login(_user("coordinator"))
    return client


def _user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def test_both_titles_are_editable_in_the_plan_form(plan_world, coordinator_client):
    plan = plan_world.plan
    form = coordinator_client.get(f"/plans/{plan.pk}/edit/").content.decode()
    assert 'name="title"' in form and 'name="title_en"' in form
    response = coordinator_client.post(
        f"/plans/{plan.pk}/edit/",
        {
            "title": "Kế hoạch thực hiện khuyến nghị UPR chu kỳ IV",
            "title_en": "Master Plan for UPR cycle 4",
            "decision_number": plan.decision_number,
            "approved_on": "2024-12-01",
            "version": plan.version,
        },
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.title, plan.title_en) == (
        "Kế hoạch thực hiện khuyến nghị UPR chu kỳ IV",
        "Master Plan for UPR cycle 4",
    )
    assert plan.history.latest().history_user == plan_world.world.coordinator


def test_both_titles_through_the_api(plan_world, client):
    world = plan_world.world
    headers = {"Authorization": f"Bearer {ApiToken.issue(world.coordinator, 't')[1]}"}
    action = plan_world.action_a
    response = client.put(
        f"/api/actions/{action.pk}",
        {
            "title": "Tập huấn cán bộ công an về nhận diện nạn nhân",
            "title_en": "Train police officers on victim identification",
            "version": action.version,
        },
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 200, response.content
    assert response.json()["title_en"] == "Train police officers on victim identification"
    indicator = plan_world.indicator_a
    response = client.put(
        f"/api/indicators/{indicator.pk}",
        {"title_en": "Officers trained", "version": indicator.version},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 200, response.content
    assert Indicator.objects.get(pk=indicator.pk).title_en == "Officers trained"
    created = client.post(
        "/api/plans",
        {"framework": "upr-vn-4", "title": "Kế hoạch mới"},
        content_type="application/json",
        headers=headers,
    )
    assert created.status_code == 200, created.content
    assert created.json()["title_en"] == ""


def test_the_other_language_is_marked_when_the_readers_is_missing(plan_world, client):
    Plan.objects.filter(pk=plan_world.plan.pk).update(title="Kế hoạch tổng thể", title_en="")
    client.force_login(_user("viewer"))
    english = client.get(f"/plans/{plan_world.plan.pk}/").content.decode()
    assert '<span lang="vi">Kế hoạch tổng thể</span> <abbr class="lang-mark"' in english
    vietnamese = client.get(
        f"/plans/{plan_world.plan.pk}/", HTTP_ACCEPT_LANGUAGE="vi"
    ).content.decode()
    assert '<span lang="vi">Kế hoạch tổng thể</span>' in vietnamese
    assert 'class="lang-mark"' not in vietnamese.split("<main")[-1].split("</h1>")[0]


def test_the_readers_language_on_the_action_page(plan_world, client):
    Action.objects.filter(pk=plan_world.action_a.pk).update(
        title="Tập huấn cán bộ", title_en="Train officers"
    )
    client.force_login(_user("coordinator"))
    url = f"/actions/{plan_world.action_a.pk}/"
    assert '<span lang="en">Train officers</span>' in client.get(url).content.decode()
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert '<span lang="vi">Tập huấn cán bộ</span>' in page


def test_documents_use_the_chosen_language(plan_world):
    from camket.documents.plan import build

    Plan.objects.filter(pk=plan_world.plan.pk).update(
        title="Kế hoạch tổng thể", title_en="Master Plan"
    )
    Action.objects.filter(pk=plan_world.action_a.pk).update(title_en="")
    titles = {}
    for language in ("vi", "en"):
        with translation.override(language):
            content = build(plan_world.world.framework, language, None)
        section = content.plans[0]
        titles[language] = (section.title, section.actions[0].title)
    assert titles["vi"][0] == "Kế hoạch tổng thể"
    assert titles["en"][0] == "Master Plan"
    # No English title: the Vietnamese one, rather than nothing.
    assert titles["en"][1] == "Train police officers on victim identification"


def test_agency_choices_are_named_in_the_readers_language(plan_world):
    from camket.accounts.models import Agency
    from camket.plans.forms import ActionForm

    Agency.objects.filter(pk=plan_world.world.agency_a.pk).update(
        name_en="Ministry of Public Security"
    )
    plan = plan_world.plan
    for language, expected, other in (
        ("en", "Ministry of Public Security", "Bộ Tư pháp"),
        ("vi", "Bộ Công an", "Bộ Tư pháp"),
    ):
        with translation.override(language):
            form = ActionForm(plan=plan, user=plan_world.world.coordinator)
            labels = [label for _value, label in form.fields["lead_agency"].choices]
        assert expected in labels and other in labels, (language, labels)
