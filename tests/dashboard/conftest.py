"""A varied world for the dashboard: two frameworks, every response, actions of every status
and publication, themes, SDG goals and targets, overdue and answered due dates."""

from dataclasses import dataclass
from datetime import date

import pytest

from camket.frameworks.models import Category, Framework, Recommendation
from camket.frameworks.taxonomies import ensure_builtin_taxonomies
from camket.lib.vocabulary import SDG, UPR_INFO_ISSUES
from camket.plans import indicators, services
from camket.reports.models import ProgressReport
from camket.review.services import decide, send_for_review
from tests.personas import make_recommendation

TODAY = date(2026, 3, 1)  # the plan world's first two half-yearly due dates have passed


@dataclass
class DashboardWorld:
    plan_world: object
    recommendations: dict  # reference -> Recommendation
    actions: dict  # name -> Action
    themes: list  # three UPR Info issues categories
    today: date = TODAY

    def __getattr__(self, name):
        return getattr(self.plan_world.world, name)


def _theme(index: int) -> Category:
    return Category.objects.filter(taxonomy__slug=UPR_INFO_ISSUES).order_by("name")[index]


def _sdg(code: str) -> Category:
    return Category.objects.get(taxonomy__slug=SDG, code=code)


# reference: (framework, response, status, UPR Info issue indexes, SDG codes)
RECOMMENDATIONS = {
    "2.1": ("upr-vn-4", "supported", "published", [0], ["16.2", "16.3"]),
    "2.2": ("upr-vn-4", "supported_in_part", "published", [0, 1], ["5"]),
    "2.3": ("upr-vn-4", "supported", "published", [1], ["16.2"]),
    "2.4": ("upr-vn-4", "supported", "published", [2], []),
    "2.5": ("upr-vn-4", "already_implemented", "published", [], ["4.1"]),
    "2.6": ("upr-vn-4", "supported", "published", [0], ["16"]),
    "2.7": ("upr-vn-4", "noted", "published", [0], ["16.1"]),  # has an action; not accepted
    "2.8": ("upr-vn-4", "supported", "archived", [0], ["5.1"]),
    "2.9": ("upr-vn-4", "supported", "draft", [2], ["4"]),  # sent to agency B only
    "2.10": ("upr-vn-4", "", "published", [1], ["5"]),  # not decided yet
    "3.1": ("upr-vn-3", "supported", "published", [1], ["5.2"]),
    "3.2": ("upr-vn-3", "supported_in_part", "published", [2], []),
}

# name: (plan, lead agency, co-agency, recommendations, status, publication)
ACTIONS = {
    "impl": ("4", "a", None, ["2.1"], "implemented", "published"),
    "part-done": ("4", "b", None, ["2.2"], "implemented", "published"),
    "part-going": ("4", "a", None, ["2.2"], "in_progress", "published"),
    "going-draft": ("4", "b", None, ["2.3"], "in_progress", "draft"),
    "co-led": ("4", "b", "a", ["2.3"], "not_started", "published"),
    "failed": ("4", "a", None, ["2.4"], "not_implemented", "published"),
    "noted-done": ("4", "a", None, ["2.7"], "implemented", "published"),
    "archived": ("4", "a", None, ["2.6"], "implemented", "archived"),
    "going": ("4", "b", None, ["2.6"], "in_progress", "published"),
    "cycle-3": ("3", "b", None, ["3.1"], "implemented", "published"),
}


def make_dashboard_world(plan_world) -> DashboardWorld:
    world = plan_world.world
    coordinator = world.coordinator
    ensure_builtin_taxonomies()
    cycle_3 = Framework.objects.create(
        slug="upr-vn-3", name="UPR Viet Nam cycle 3", kind="upr_cycle", cycle=3
    )
    frameworks = {"upr-vn-4": world.framework, "upr-vn-3": cycle_3}
    themes = [_theme(index) for index in range(3)]
    recommendations = {}
    for reference, (slug, response, status, theme_indexes, sdgs) in RECOMMENDATIONS.items():
        recommendation = make_recommendation(
            frameworks[slug], reference, f"Recommendation {reference}.", status="published"
        )
        if response:
            decide(
                coordinator,
                recommendation,
                response=response,
                reason="",
                decided_on=None,
                version=recommendation.version,
            )
        recommendation.categories.set(
            [themes[i] for i in theme_indexes] + [_sdg(code) for code in sdgs]
        )
        if status != "published":  # decisions are made on published recommendations
            Recommendation.objects.filter(pk=recommendation.pk).update(status=status)
        recommendations[reference] = recommendation
    plans = {
        "4": plan_world.plan,
        "3": services.create_plan(coordinator, cycle_3, {"title": "Master Plan for UPR cycle 3"}),
    }
    agencies = {"a": world.agency_a, "b": world.agency_b}
    actions = {}
    for name, (plan, lead, co, references, status, publication) in ACTIONS.items():
        action = services.create_action(
            coordinator,
            plans[plan],
            {"title": name, "lead_agency": agencies[lead]},
            co_agencies=[agencies[co]] if co else [],
            recommendations=[recommendations[r] for r in references],
        )
        if status != "not_started":
            action = services.set_action_status(
                coordinator, action, status, "No budget.", version=action.version
            )
        if publication != "draft":
            services.set_publication(coordinator, [action], publication)
        actions[name] = action
    send_for_review(coordinator, [recommendations["2.9"]], [world.agency_b])
    # A recommendation-level indicator reported by agency B, and answered due dates.
    indicators.create_indicator(
        coordinator,
        {
            "title": "Schools reached",
            "starts_on": date(2025, 1, 1),
            "ends_on": date(2025, 12, 31),
            "frequency_months": 3,
        },
        recommendation=recommendations["2.5"],
        agency=world.agency_b,
    )
    first_a, second_a = plan_world.indicator_a.due_dates.order_by("due_on")[:2]
    ProgressReport.objects.create(due_date=first_a, state=ProgressReport.State.SUBMITTED)
    ProgressReport.objects.create(due_date=second_a, state=ProgressReport.State.DRAFT)
    for recommendation in recommendations.values():
        recommendation.refresh_from_db()
    return DashboardWorld(
        plan_world=plan_world, recommendations=recommendations, actions=actions, themes=themes
    )


@pytest.fixture
def dashboard_world(plan_world):
    return make_dashboard_world(plan_world)
