"""Commitments on the dashboard (issue 14, item 6): items of frameworks without a response
count by implementation status beside accepted recommendations; filters by framework kind and
by any taxonomy's category ("everything we committed to about drugs"), consistent on the web,
the API, the command line and the lists behind every chart."""

import io
import json
from datetime import date
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from camket.accounts.models import ApiToken
from camket.dashboard import services
from camket.frameworks import search
from camket.plans import indicators
from camket.plans import services as plan_services
from camket.plans.filters import ActionFilters, filter_actions
from tests.commitments import make_drug_programme, sdg, topic
from tests.dashboard.expected import expected, summary

PERSONAS = [None, "coordinator", "officer_a", "officer_b", "viewer"]
# (framework, kind, category code: a drug and crime subject, or "sdg:" and an SDG code)
FILTERS = [
    ("", "", ""),
    ("", "programme", ""),
    ("", "upr_cycle", ""),
    ("", "", "DC01"),  # demand reduction: its sub-subjects count too
    ("", "", "sdg:3"),  # a goal: its targets count too
    ("drug-programme-2021", "", "DC01"),
    ("upr-vn-4", "programme", ""),  # the methadone action's plan is a UPR cycle's
    ("", "declaration", "DC02"),
]


@pytest.fixture
def commitments_world(dashboard_world):
    coordinator = dashboard_world.coordinator
    drugs = make_drug_programme()
    upr_drugs = dashboard_world.recommendations["2.1"]
    upr_drugs.categories.add(topic("DC01.1"))
    schedule = {"start_on": date(2025, 1, 1), "target_on": date(2026, 12, 31)}
    methadone = plan_services.create_action(
        coordinator,
        dashboard_world.plan_world.plan,
        {
            "title": "Expand methadone treatment",
            "lead_agency": dashboard_world.agency_a,
            **schedule,
        },
        recommendations=[upr_drugs, drugs.output, drugs.commitment],
    )
    methadone = plan_services.set_action_status(
        coordinator, methadone, "in_progress", version=methadone.version
    )
    plan_services.set_publication(coordinator, [methadone], "published")
    indicators.create_indicator(
        coordinator, {"title": "Provinces with methadone", "frequency_months": 6}, action=methadone
    )
    seizures = plan_services.create_action(
        coordinator,
        dashboard_world.plan_world.plan,
        {"title": "Border seizures", "lead_agency": dashboard_world.agency_b},
        recommendations=[drugs.output_supply],
    )
    seizures = plan_services.set_action_status(
        coordinator, seizures, "implemented", version=seizures.version
    )
    plan_services.set_publication(coordinator, [seizures], "published")
    dashboard_world.drugs = drugs
    return dashboard_world


def _category(code: str) -> int | None:
    if not code:
        return None
    return sdg(code[4:]).pk if code.startswith("sdg:") else topic(code).pk


def _user(world, persona):
    return None if persona is None else getattr(world, persona)


@pytest.mark.parametrize(("framework", "kind", "code"), FILTERS)
@pytest.mark.parametrize("persona", PERSONAS)
def test_figures_equal_direct_counts(commitments_world, persona, framework, kind, code):
    user = _user(commitments_world, persona)
    category = _category(code)
    result = services.figures(
        user, framework, commitments_world.today, kind=kind, category=category
    )
    assert summary(result) == expected(user, framework, commitments_world.today, kind, category)


def test_commitments_are_counted_beside_accepted_recommendations(commitments_world):
    before = services.figures(None, kind="upr_cycle").headline
    headline = services.figures(None).headline
    # The outputs 5.1.2 and 5.1.3 and the declaration's C.4; the sub-programme and the
    # outcome above the outputs do not count again.
    assert (headline.accepted, headline.commitments) == (before.accepted, 3)
    assert headline.total == headline.accepted + headline.commitments
    programme = services.figures(None, kind="programme").headline
    assert (programme.accepted, programme.commitments) == (0, 2)
    assert {s.key: s.count for s in programme.segments if s.count} == {
        "in_progress": 1,
        "implemented": 1,
    }
    assert programme.implemented_share == 50.0


def test_everything_committed_about_drugs_across_frameworks(commitments_world):
    drugs = commitments_world.drugs
    result = services.figures(None, category=topic("DC01").pk)
    assert {row.key: row.total for row in result.by_framework} == {
        "upr-vn-4": 1,
        "drug-programme-2021": 1,
        "ministerial-declaration-2019": 1,
    }
    assert {row.key for row in result.by_kind} == {"upr_cycle", "programme", "declaration"}
    listed = search.search(
        commitments_world.coordinator, search.SearchParams.from_mapping(_query(result.headline.url))
    )
    assert set(listed) == {commitments_world.recommendations["2.1"], drugs.output, drugs.commitment}
    # The subject's panel counts a sub-subject for its subject.
    topics = {row.key: row.total for row in services.figures(None).by_topic}
    assert topics == {str(topic("DC01").pk): 3, str(topic("DC02").pk): 1}


def _query(url: str) -> dict:
    return dict(parse_qsl(urlsplit(url).query))


@pytest.mark.parametrize(("framework", "kind", "code"), FILTERS)
@pytest.mark.parametrize("persona", ["coordinator", "officer_a"])
def test_each_link_lists_what_was_counted(
    client, commitments_world, persona, framework, kind, code
):
    user = getattr(commitments_world, persona)
    result = services.figures(user, framework, kind=kind, category=_category(code))
    rows = [
        *result.by_framework,
        *result.by_kind,
        *result.by_theme,
        *result.by_topic,
        *result.by_sdg,
    ]
    for segment in [*result.headline.segments, *(s for row in rows for s in row.segments)]:
        params = search.SearchParams.from_mapping(_query(segment.url))
        listed = search.search(user, params).exclude(status="archived")
        assert listed.count() == segment.count, segment.url
    for row in result.by_agency:
        for segment in row.segments:
            listed = filter_actions(user, ActionFilters.from_mapping(_query(segment.url)))
            assert listed.count() == segment.count, segment.url
    client.force_login(user)
    for row in result.overdue_by_agency:
        queue = client.get(row.url).context
        assert len(queue["overdue"]) == row.total, row.url


def test_the_varied_world_has_overdue_reports_on_the_drug_action(commitments_world):
    """Guard: the link test above must have an overdue row under the drug filters."""
    rows = services.figures(None, kind="programme", today=commitments_world.today).overdue_by_agency
    assert {row.key: row.total for row in rows} == {"mps": 2}


def _api(client, user, **params):
    _, secret = ApiToken.issue(user, "dashboard tests")
    return client.get("/api/dashboard", params, headers={"Authorization": f"Bearer {secret}"})


def _cli(*args) -> str:
    out = io.StringIO()
    call_command("dashboard", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(("framework", "kind", "code"), FILTERS[1:6])
def test_web_api_and_cli_agree(client, commitments_world, framework, kind, code):
    category = _category(code)
    today = commitments_world.today
    coordinator = commitments_world.coordinator
    wanted = services.as_dict(
        services.figures(coordinator, framework, today, kind=kind, category=category)
    )
    params = {
        name: value
        for name, value in (("framework", framework), ("kind", kind), ("category", category))
        if value
    }
    client.force_login(coordinator)
    page = client.get(reverse("dashboard"), params).context["figures"]
    assert summary(page) == summary(
        services.figures(coordinator, framework, kind=kind, category=category)
    )
    api = _api(client, coordinator, **params).json()
    assert {k: v for k, v in api.items() if k != "today"} == {
        k: v
        for k, v in services.as_dict(
            services.figures(coordinator, framework, kind=kind, category=category)
        ).items()
        if k != "today"
    }
    args = ["--json", "--date", today.isoformat()]
    for name, value in params.items():
        args += [f"--{name}", str(value)]
    assert json.loads(_cli(*args).strip().splitlines()[-1]) == {**wanted, "scope": "all"}


@pytest.mark.parametrize(
    "params", [{"kind": "galaxy"}, {"category": "999999"}, {"category": "x"}, {"framework": "nope"}]
)
def test_unknown_filters_are_refused_everywhere(client, commitments_world, params):
    coordinator = commitments_world.coordinator
    assert _api(client, coordinator, **params).status_code == 404
    client.force_login(coordinator)
    assert client.get(reverse("dashboard"), params).status_code == 404
    name, value = next(iter(params.items()))
    with pytest.raises(CommandError):
        _cli(f"--{name}", value)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["Drug demand reduction", "commitments (programme outputs", "Kind of framework"]),
        ("vi", ["Giảm cầu ma túy"]),
    ],
)
def test_the_page_shows_the_subject_and_its_sdg_targets(client, commitments_world, language, words):
    client.force_login(commitments_world.coordinator)
    client.cookies["django_language"] = language
    demand = topic("DC01")
    content = client.get(reverse("dashboard"), {"category": demand.pk}).content.decode()
    for word in words:
        assert word in content
    assert f'href="?category={sdg("3.5").pk}"' in content  # the subject's SDG target
    assert 'id="chosen-category"' in content
