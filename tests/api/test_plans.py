"""/api/plans, /api/actions, /api/indicators: who sees and changes the Master Plan."""

from datetime import date

import pytest

from camket.plans import services
from camket.plans.models import Action, DueDate, Indicator, Plan
from camket.review.services import make_cluster
from tests.api.conftest import PERSONAS
from tests.api.helpers import ids_of

EVERYONE = set(PERSONAS)
AGENCY_B_AND_COORDINATOR = {"coordinator", "officer_b"}
COORDINATOR = {"coordinator"}

# (path template, who may read it); the rest get 404, anonymous callers 401.
READS = [
    ("/plans/{plan}", EVERYONE),
    ("/actions/{action_a}", EVERYONE),
    ("/actions/{action_a}/history", EVERYONE),
    ("/actions/{action_b}", AGENCY_B_AND_COORDINATOR),
    ("/actions/{action_b}/history", AGENCY_B_AND_COORDINATOR),
    ("/indicators/{indicator_a}", EVERYONE),
    ("/indicators/{indicator_a}/due-dates", EVERYONE),
    ("/indicators/{indicator_b}", AGENCY_B_AND_COORDINATOR),
    ("/indicators/{indicator_b}/due-dates", AGENCY_B_AND_COORDINATOR),
]

# (method, path template, body, who succeeds, who gets 404); everyone else gets 403.
WRITES = [
    ("post", "/plans", {"framework": "upr-vn-4", "title": "Second plan"}, COORDINATOR, set()),
    ("put", "/plans/{plan}", {"title": "Renamed", "version": 1}, COORDINATOR, set()),
    (
        "post",
        "/actions",
        {"plan": "{plan}", "lead_agency": "moj", "title": "New"},
        COORDINATOR,
        set(),
    ),
    (
        "put",
        "/actions/{action_a}",
        {"title": "Renamed", "version": "{action_a_version}"},
        COORDINATOR,
        set(),
    ),
    (
        "put",
        "/actions/{action_b}",
        {"title": "Renamed", "version": "{action_b_version}"},
        COORDINATOR,
        {"officer_a", "viewer"},
    ),
    (
        "post",
        "/actions/{action_b}/status",
        {"status": "in_progress", "version": "{action_b_version}"},
        COORDINATOR,
        {"officer_a", "viewer"},
    ),
    (
        "post",
        "/actions/publication",
        {"ids": ["{action_a}"], "publication": "archived"},
        COORDINATOR,
        set(),
    ),
    ("post", "/actions/{action_a}/indicators", {"title": "Courses held"}, COORDINATOR, set()),
    (
        "post",
        "/actions/{action_b}/indicators",
        {"title": "Drafts"},
        COORDINATOR,
        {"officer_a", "viewer"},
    ),
    (
        "post",
        "/recommendations/{published}/indicators",
        {"title": "Cases", "agency": "mps", "starts_on": "2025-01-01", "ends_on": "2025-12-31"},
        COORDINATOR,
        set(),
    ),
    (
        "put",
        "/indicators/{indicator_b}",
        {"frequency_months": 12, "version": 1},
        COORDINATOR,
        {"officer_a", "viewer"},
    ),
]


def _names(plan_world) -> dict:
    world = plan_world.world
    return {
        "plan": plan_world.plan.pk,
        "action_a": plan_world.action_a.pk,
        "action_b": plan_world.action_b.pk,
        "indicator_a": plan_world.indicator_a.pk,
        "indicator_b": plan_world.indicator_b.pk,
        "published": world.published.pk,
        "draft": world.draft.pk,
        "action_a_version": plan_world.action_a.version,
        "action_b_version": plan_world.action_b.version,
    }


def _fill(value, names):
    """Templates in paths and bodies; a whole "{name}" string becomes the number itself."""
    if isinstance(value, list):
        return [_fill(item, names) for item in value]
    if isinstance(value, dict):
        return {key: _fill(item, names) for key, item in value.items()}
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return names[value[1:-1]]
    return value.format(**names) if isinstance(value, str) else value


def _snapshot():
    return (
        list(Plan.objects.order_by("pk").values_list("pk", "title", "version")),
        list(
            Action.objects.order_by("pk").values_list(
                "pk", "title", "status", "publication", "version"
            )
        ),
        list(Indicator.objects.order_by("pk").values_list("pk", "frequency_months", "version")),
        DueDate.objects.filter(archived=False).count(),
    )


@pytest.mark.parametrize("persona", [*PERSONAS, "anonymous"])
@pytest.mark.parametrize(("template", "readers"), READS, ids=[t for t, _ in READS])
def test_plan_objects_are_read_only_by_who_may_see_them(
    plan_world, api_as, persona, template, readers
):
    path = _fill(template, _names(plan_world))

    response = api_as(persona).get(path)

    expected = 401 if persona == "anonymous" else 200 if persona in readers else 404
    assert response.status_code == expected, response.content
    if expected == 200 and template.count("/") == 2:
        assert response.json()["id"] == int(path.rsplit("/", 1)[1])


@pytest.mark.parametrize("persona", [*PERSONAS, "anonymous"])
@pytest.mark.parametrize(
    ("method", "template", "body", "allowed", "hidden"),
    WRITES,
    ids=[f"{m} {t}" for m, t, *_ in WRITES],
)
def test_only_the_coordinator_changes_the_plan(
    plan_world, api_as, persona, method, template, body, allowed, hidden
):
    names = _names(plan_world)
    before = _snapshot()

    response = getattr(api_as(persona), method)(_fill(template, names), _fill(body, names))

    expected = (
        401
        if persona == "anonymous"
        else 200
        if persona in allowed
        else 404
        if persona in hidden
        else 403
    )
    assert response.status_code == expected, response.content
    assert (_snapshot() != before) is (expected == 200)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("coordinator", {"action_a", "action_b"}),
        ("officer_a", {"action_a"}),
        ("officer_b", {"action_a", "action_b"}),
        ("viewer", {"action_a"}),
    ],
)
def test_action_list_holds_exactly_the_visible_actions(plan_world, api_as, persona, expected):
    response = api_as(persona).get("/actions")

    assert response.status_code == 200
    assert ids_of(response) == {getattr(plan_world, name).pk for name in expected}
    assert response.json()["count"] == len(expected)


def test_plan_of_only_hidden_actions_is_listed_for_its_readers_only(plan_world, api_as):
    world = plan_world.world
    hidden = services.create_plan(world.coordinator, world.framework, {"title": "Hidden"})
    services.create_action(
        world.coordinator, hidden, {"title": "Secret", "lead_agency": world.agency_b}
    )

    listed = {persona: ids_of(api_as(persona).get("/plans")) for persona in PERSONAS}

    assert listed == {
        "coordinator": {plan_world.plan.pk, hidden.pk},
        "officer_a": {plan_world.plan.pk},
        "officer_b": {plan_world.plan.pk, hidden.pk},
        "viewer": {plan_world.plan.pk},
    }
    assert api_as("officer_a").get(f"/plans/{hidden.pk}").status_code == 404


def test_action_detail_names_agencies_recommendations_and_indicators(plan_world, api_as):
    body = api_as("viewer").get(f"/actions/{plan_world.action_a.pk}").json()

    assert (body["reference"], body["lead_agency"], body["co_agencies"]) == ("1", "mps", [])
    assert body["recommendations"] == [
        {
            "id": plan_world.world.published.pk,
            "reference": "1.1",
            "framework": "upr-vn-4",
            "framework_kind": "upr_cycle",
            "level": 0,
            "implementation": "not_started",
        }
    ]
    assert [(i["id"], i["agency"], i["frequency_months"]) for i in body["indicators"]] == [
        (plan_world.indicator_a.pk, "mps", 6)
    ]
    assert (body["start_on"], body["target_on"]) == ("2025-01-01", "2026-12-31")


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("coordinator", ["1.1", "1.2", "1.3"]),
        ("officer_a", ["1.1", "1.3"]),
        ("officer_b", ["1.1"]),
        ("viewer", ["1.1"]),
    ],
)
def test_action_detail_lists_only_the_recommendations_the_persona_may_see(
    plan_world, api_as, persona, expected
):
    world, action = plan_world.world, plan_world.action_a
    services.update_action(
        world.coordinator,
        action,
        {},
        version=action.version,
        recommendations=[world.published, world.draft, world.sent_to_a],
    )

    body = api_as(persona).get(f"/actions/{action.pk}").json()

    assert [r["reference"] for r in body["recommendations"]] == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"agency": "mps"}, {"action_a", "co_led"}),
        ({"agency": "moj"}, {"action_b", "co_led"}),
        ({"publication": "draft"}, {"action_b", "co_led"}),
        ({"publication": "published"}, {"action_a"}),
        ({"status": "in_progress"}, {"co_led"}),
        ({"framework": "upr-vn-4", "status": "not_started"}, {"action_a", "action_b"}),
        ({"framework": "other"}, set()),
        ({"plan": "{plan}"}, {"action_a", "action_b", "co_led"}),
    ],
)
def test_coordinator_filters_actions(plan_world, api_as, query, expected):
    world = plan_world.world
    co_led = services.create_action(
        world.coordinator,
        plan_world.plan,
        {"title": "Joint", "lead_agency": world.agency_a},
        co_agencies=[world.agency_b],
    )
    services.set_action_status(world.coordinator, co_led, "in_progress", version=None)
    names = {
        "action_a": plan_world.action_a.pk,
        "action_b": plan_world.action_b.pk,
        "co_led": co_led.pk,
    }

    response = api_as("coordinator").get("/actions", _fill(query, _names(plan_world)))

    assert response.status_code == 200, response.content
    assert ids_of(response) == {names[name] for name in expected}


@pytest.mark.parametrize(
    ("path", "query", "field"),
    [
        ("/actions", {"agency": "nope"}, "agency"),
        ("/actions", {"status": "done"}, "status"),
        ("/actions", {"publication": "public"}, "publication"),
        ("/due-dates", {"agency": "ghost"}, "agency"),
    ],
)
def test_unknown_filter_values_are_422(plan_world, api_as, path, query, field):
    response = api_as("coordinator").get(path, query)

    assert response.status_code == 422
    [value] = query.values()
    assert f"Unknown {field}: {value}" in str(response.json()["detail"][field])


def test_officer_a_cannot_reach_action_b_through_filters(plan_world, api_as):
    api = api_as("officer_a")

    for query in ({"agency": "moj"}, {"publication": "draft"}, {"plan": plan_world.plan.pk}):
        assert plan_world.action_b.pk not in ids_of(api.get("/actions", query))


def test_coordinator_creates_an_action_with_agencies_and_recommendations(plan_world, api_as):
    world = plan_world.world

    response = api_as("coordinator").post(
        "/actions",
        {
            "plan": plan_world.plan.pk,
            "title": "Shelters",
            "lead_agency": "moj",
            "co_agencies": ["mps", "moj"],
            "recommendation_ids": [world.published.pk],
            "start_on": "2025-03-01",
            "target_on": "2025-09-30",
        },
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["reference"], body["lead_agency"], body["co_agencies"]) == ("3", "moj", ["mps"])
    assert [r["reference"] for r in body["recommendations"]] == ["1.1"]
    assert Action.objects.get(pk=body["id"]).start_on == date(2025, 3, 1)


@pytest.mark.parametrize(
    ("persona", "changes", "field", "message"),
    [
        ("coordinator", {"lead_agency": "nobody"}, "lead_agency", "Unknown agency: nobody"),
        ("coordinator", {"co_agencies": ["mps", "ghost"]}, "co_agencies", "Unknown agency: ghost"),
        ("coordinator", {"recommendation_ids": [999999]}, "recommendation_ids", "999999"),
        (
            "officer_a",
            {"recommendation_ids": ["{draft}"]},
            "recommendation_ids",
            "Unknown recommendation: ",
        ),
        ("coordinator", {"target_on": "2024-01-01", "start_on": "2025-01-01"}, "target_on", ""),
    ],
)
def test_invalid_action_is_refused_with_the_field_named(
    plan_world, api_as, persona, changes, field, message
):
    body = {"plan": plan_world.plan.pk, "title": "Bad", "lead_agency": "moj", **changes}

    response = api_as(persona).post("/actions", _fill(body, _names(plan_world)))

    assert response.status_code == 422, response.content
    assert message in str(response.json()["detail"][field])
    assert not Action.objects.filter(title="Bad").exists()


def test_update_action_replaces_co_agencies_and_moves_indicators_to_the_new_lead(
    plan_world, api_as
):
    action = plan_world.action_b

    response = api_as("coordinator").put(
        f"/actions/{action.pk}",
        {"lead_agency": "mps", "co_agencies": ["moj"], "version": action.version},
    )

    assert response.status_code == 200, response.content
    assert (response.json()["lead_agency"], response.json()["co_agencies"]) == ("mps", ["moj"])
    plan_world.indicator_b.refresh_from_db()
    assert plan_world.indicator_b.agency.code == "mps"
    assert response.json()["version"] == action.version + 1


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("put", "", {"title": "Second writer"}),
        ("post", "/status", {"status": "implemented"}),
    ],
)
def test_stale_action_edit_is_409_and_changes_nothing(plan_world, api_as, method, suffix, body):
    api = api_as("coordinator")
    action = plan_world.action_a
    first = api.put(f"/actions/{action.pk}", {"title": "First writer", "version": action.version})

    second = getattr(api, method)(
        f"/actions/{action.pk}{suffix}", {**body, "version": action.version}
    )

    assert first.status_code == 200
    assert second.status_code == 409
    action.refresh_from_db()
    assert (action.title, action.status, action.version) == ("First writer", "not_started", 3)


def test_stale_plan_edit_is_409(plan_world, api_as):
    api = api_as("coordinator")
    path = f"/plans/{plan_world.plan.pk}"

    assert api.put(path, {"title": "One", "version": 1}).status_code == 200
    assert api.put(path, {"title": "Two", "version": 1}).status_code == 409
    plan_world.plan.refresh_from_db()
    assert (plan_world.plan.title, plan_world.plan.version) == ("One", 2)


@pytest.mark.parametrize(
    ("status", "reason", "expected", "implementation"),
    [
        ("implemented", "", 200, "implemented"),
        ("in_progress", "", 200, "in_progress"),
        ("not_implemented", "", 422, "not_started"),
        ("not_implemented", "No budget", 200, "not_implemented"),
        ("finished", "", 422, "not_started"),
    ],
)
def test_action_status_drives_the_recommendation_implementation(
    plan_world, api_as, status, reason, expected, implementation
):
    action = plan_world.action_a

    response = api_as("coordinator").post(
        f"/actions/{action.pk}/status",
        {"status": status, "reason": reason, "version": action.version},
    )

    assert response.status_code == expected, response.content
    plan_world.world.published.refresh_from_db()
    assert plan_world.world.published.implementation == implementation


def test_publishing_action_b_shows_it_to_officer_a_and_the_viewer(plan_world, api_as):
    path = f"/actions/{plan_world.action_b.pk}"

    response = api_as("coordinator").post(
        "/actions/publication",
        {"ids": [plan_world.action_a.pk, plan_world.action_b.pk], "publication": "published"},
    )

    assert response.json() == {"changed": 1}
    assert api_as("officer_a").get(path).status_code == 200
    assert plan_world.action_b.pk in ids_of(api_as("viewer").get("/actions"))


def test_officer_a_cannot_touch_action_b_through_bulk_publication(plan_world, api_as):
    response = api_as("officer_a").post(
        "/actions/publication", {"ids": [plan_world.action_b.pk], "publication": "published"}
    )

    assert response.status_code == 422
    plan_world.action_b.refresh_from_db()
    assert plan_world.action_b.publication == "draft"


def test_action_history_tells_the_action_and_its_indicator_changes(plan_world, api_as):
    api = api_as("coordinator")
    action, indicator = plan_world.action_a, plan_world.indicator_a
    api.post(
        f"/actions/{action.pk}/status",
        {"status": "in_progress", "reason": "", "version": action.version},
    )
    api.put(f"/indicators/{indicator.pk}", {"target": "500", "version": indicator.version})

    history = api_as("officer_a").get(f"/actions/{action.pk}/history").json()

    changes = {
        (entry["subject"], change[0], change[2]) for entry in history for change in entry["changes"]
    }
    assert ("action", "implementation status", "In progress") in changes
    assert ("Officers trained", "target", "500.00") in changes
    assert {entry["who"] for entry in history} == {"Coordinator"}


def test_new_action_indicator_follows_the_action_schedule(plan_world, api_as):
    response = api_as("coordinator").post(
        f"/actions/{plan_world.action_a.pk}/indicators",
        {"title": "Courses", "frequency_months": 12, "baseline": 0, "target": "10.5"},
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["agency"], body["starts_on"], body["ends_on"]) == (
        "mps",
        "2025-01-01",
        "2026-12-31",
    )
    due = api_as("officer_a").get(f"/indicators/{body['id']}/due-dates").json()
    assert [d["due_on"] for d in due] == ["2025-12-31", "2026-12-31"]
    assert {d["agency"] for d in due} == {"mps"}


@pytest.mark.parametrize(("agency", "expected"), [("moj", 200), ("ghost", 422)])
def test_recommendation_indicator_needs_a_known_agency(plan_world, api_as, agency, expected):
    world = plan_world.world

    response = api_as("coordinator").post(
        f"/recommendations/{world.published.pk}/indicators",
        {
            "title": "Victims helped",
            "agency": agency,
            "frequency_months": 3,
            "starts_on": "2025-01-01",
            "ends_on": "2025-06-30",
        },
    )

    assert response.status_code == expected, response.content
    made = Indicator.objects.filter(recommendation=world.published)
    assert made.count() == (1 if expected == 200 else 0)
    if expected == 200:
        assert (response.json()["agency"], made.get().due_dates.count()) == ("moj", 2)
        assert api_as("officer_b").get(f"/indicators/{made.get().pk}").status_code == 200


def test_changing_the_frequency_regenerates_due_dates(plan_world, api_as):
    indicator = plan_world.indicator_b

    response = api_as("coordinator").put(
        f"/indicators/{indicator.pk}", {"frequency_months": 12, "version": indicator.version}
    )

    assert response.status_code == 200, response.content
    assert response.json()["frequency_months"] == 12
    assert set(indicator.due_dates.filter(archived=False).values_list("due_on", flat=True)) >= {
        date(2026, 12, 31)
    }
    stale = api_as("coordinator").put(
        f"/indicators/{indicator.pk}", {"title": "Late", "version": indicator.version}
    )
    assert stale.status_code == 409
    indicator.refresh_from_db()
    assert indicator.title == "Officers trained"


def test_actions_from_clusters_makes_one_action_per_cluster_once(plan_world, api_as):
    world = plan_world.world
    cluster = make_cluster(world.coordinator, [world.published, world.draft], "Trafficking")
    api = api_as("coordinator")
    body = {
        "cluster_ids": [cluster.pk],
        "lead_agency": "mps",
        "start_on": "2025-01-01",
        "target_on": "2025-12-31",
    }
    path = f"/plans/{plan_world.plan.pk}/actions-from-clusters"

    first = api.post(path, body)
    second = api.post(path, body)

    assert first.status_code == 200, first.content
    [made] = first.json()["created"]
    assert (made["title"], made["lead_agency"], made["source_cluster_id"]) == (
        "Trafficking",
        "mps",
        cluster.pk,
    )
    assert list(Action.objects.get(pk=made["id"]).recommendations.all()) == [world.published]
    assert second.json() == {"created": [], "skipped": [cluster.pk]}
    assert api.post(path, {**body, "lead_agency": "ghost"}).status_code == 422
    assert api_as("officer_a").post(path, body).status_code == 403
