"""The people every permission test speaks for, and a small world for them to act in."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from camket.accounts.models import Agency, Membership
from camket.frameworks.models import Framework, Recommendation
from camket.frameworks.states import StateResolver
from camket.lib.folding import folded_document

PASSWORD = "correct-horse-battery-staple"


@dataclass
class World:
    coordinator: object
    officer_a: object
    officer_b: object
    viewer: object
    anonymous: AnonymousUser
    coordinating_agency: Agency
    agency_a: Agency
    agency_b: Agency
    framework: Framework
    published: Recommendation
    draft: Recommendation
    sent_to_a: Recommendation  # a draft recommendation sent to agency A for an opinion
    # A coordinator of agency A (Ministry of Public Security): coordinates the frameworks that
    # name agency A, reads the UPR framework (coordinated by MOFA) as a viewer does.
    mps_coordinator: object = None
    # Only with make_world(drug_programme=True), so that what the personas see elsewhere is
    # unchanged: a programme coordinated by agency A, a published item and a draft under it.
    drug_programme: Framework | None = None
    drug_published: Recommendation | None = None
    drug_draft: Recommendation | None = None


def make_user(username: str, role: str, agency: Agency | None):
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, first_name=username.title()
    )
    Membership.objects.create(user=user, role=role, agency=agency)
    return user


def make_recommendation(
    framework, reference: str, text: str, *, status="published", states=(), text_vi=""
) -> Recommendation:
    resolver = StateResolver()
    resolved = [resolver.resolve(name) for name in states]
    recommendation = Recommendation.objects.create(
        framework=framework,
        reference=reference,
        text=text,
        text_vi=text_vi,
        status=status,
        search_document=folded_document(
            reference, text, text_vi, " ".join(s.name for s in resolved)
        ),
    )
    recommendation.recommending_states.set(resolved)
    return recommendation


def make_world(*, drug_programme: bool = False) -> World:
    from camket.review.services import send_for_review

    coordinating = Agency.objects.create(code="mofa", name="Bộ Ngoại giao", is_coordinator=True)
    agency_a = Agency.objects.create(code="mps", name="Bộ Công an")
    agency_b = Agency.objects.create(code="moj", name="Bộ Tư pháp")
    coordinator = make_user("coordinator", "coordinator", coordinating)
    framework = Framework.objects.create(
        slug="upr-vn-4", name="UPR Viet Nam cycle 4", kind="upr_cycle", cycle=4
    )
    published = make_recommendation(
        framework,
        "1.1",
        "Continue efforts to combat trafficking in persons.",
        states=["Philippines"],
        text_vi="Tiếp tục nỗ lực phòng, chống mua bán người.",
    )
    draft = make_recommendation(
        framework,
        "1.2",
        "Establish a national human rights institution.",
        status="draft",
        states=["New Zealand"],
    )
    sent = make_recommendation(
        framework, "1.3", "Đảm bảo quyền của người khuyết tật.", status="draft", states=["Japan"]
    )
    send_for_review(coordinator, [sent], [agency_a])
    world = World(
        coordinator=coordinator,
        officer_a=make_user("officer_a", "focal_point", agency_a),
        officer_b=make_user("officer_b", "focal_point", agency_b),
        viewer=make_user("viewer", "viewer", None),
        anonymous=AnonymousUser(),
        coordinating_agency=coordinating,
        agency_a=agency_a,
        agency_b=agency_b,
        framework=framework,
        published=published,
        draft=draft,
        sent_to_a=sent,
        mps_coordinator=make_user("mps_coordinator", "coordinator", agency_a),
    )
    if drug_programme:
        add_drug_programme(world)
    return world


def add_drug_programme(world: World) -> World:
    """The national drug programme, coordinated by agency A (MPS): a sub-programme (published)
    and an outcome under it (draft)."""
    programme = Framework(
        slug="drug-programme",
        kind="programme",
        name="National Programme on drug prevention and control 2021–2025",
        name_vi="Chương trình quốc gia phòng, chống ma túy 2021–2025",
        coordinating_agency=world.agency_a,
    )
    programme.apply_kind_defaults()
    programme.save()
    world.drug_programme = programme
    world.drug_published = make_recommendation(
        programme, "1", "Reduce drug demand and expand community-based treatment."
    )
    world.drug_draft = make_recommendation(
        programme,
        "1.1",
        "Methadone maintenance treatment is available in every province.",
        status="draft",
    )
    Recommendation.objects.filter(pk=world.drug_draft.pk).update(
        parent=world.drug_published, level=1
    )
    world.drug_draft.refresh_from_db()
    return world


@dataclass
class PlanWorld:
    world: World
    plan: object
    action_a: object  # led by agency A, published, implements `world.published`
    action_b: object  # led by agency B, still a draft: agency A and the viewer cannot see it
    indicator_a: object  # on action_a, every 6 months in 2025–2026: four due dates
    indicator_b: object  # on action_b, same schedule


def make_plan_world(world: World) -> PlanWorld:
    """A decided recommendation, a plan with one action per agency, and their indicators."""
    from datetime import date

    from camket.plans import indicators, services
    from camket.review.services import decide

    coordinator = world.coordinator
    decide(
        coordinator,
        world.published,
        response="supported",
        reason="",
        decided_on=None,
        version=world.published.version,
    )
    plan = services.create_plan(
        coordinator,
        world.framework,
        {
            "title": "Master Plan for UPR cycle 4",
            "decision_number": "1234/QĐ-TTg",
            "approved_on": date(2024, 12, 1),
        },
    )
    schedule = {"start_on": date(2025, 1, 1), "target_on": date(2026, 12, 31)}
    action_a = services.create_action(
        coordinator,
        plan,
        {
            "reference": "1",
            "title": "Train police officers on victim identification",
            "lead_agency": world.agency_a,
            **schedule,
        },
        recommendations=[world.published],
    )
    services.set_publication(coordinator, [action_a], "published")
    action_b = services.create_action(
        coordinator,
        plan,
        {
            "reference": "2",
            "title": "Draft the law on legal aid",
            "lead_agency": world.agency_b,
            **schedule,
        },
    )
    indicator_values = {"title": "Officers trained", "unit": "people", "frequency_months": 6}
    indicator_a = indicators.create_indicator(coordinator, dict(indicator_values), action=action_a)
    indicator_b = indicators.create_indicator(coordinator, dict(indicator_values), action=action_b)
    for instance in (action_a, action_b):
        instance.refresh_from_db()
    return PlanWorld(
        world=world,
        plan=plan,
        action_a=action_a,
        action_b=action_b,
        indicator_a=indicator_a,
        indicator_b=indicator_b,
    )


@dataclass
class DrugPlan:
    plan: object  # the drug programme's plan, made by the MPS coordinator
    action: object  # led by agency A, published, implements `world.drug_published`
    indicator: object  # on `action`, every 6 months in 2025–2026


def make_drug_plan(world: World) -> DrugPlan:
    """The drug programme's plan, action and indicator, made by its coordinator (MPS)."""
    from datetime import date

    from camket.plans import indicators, services

    mps = world.mps_coordinator
    plan = services.create_plan(
        mps, world.drug_programme, {"title": "Drug programme work plan 2025–2026"}
    )
    action = services.create_action(
        mps,
        plan,
        {
            "reference": "1",
            "title": "Open methadone clinics in ten provinces",
            "lead_agency": world.agency_a,
            "start_on": date(2025, 1, 1),
            "target_on": date(2026, 12, 31),
        },
        recommendations=[world.drug_published],
    )
    services.set_publication(mps, [action], "published")
    indicator = indicators.create_indicator(
        mps, {"title": "Clinics open", "unit": "clinics", "frequency_months": 6}, action=action
    )
    action.refresh_from_db()
    return DrugPlan(plan=plan, action=action, indicator=indicator)
